"""Plain records that flow between the stages (see DESIGN.md).

Offsets (`start`, `end`) always point into `Article.text`, the clean text, which is what the
store keeps; every later stage and every surface relies on that.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Source:
    """One article as read from its input, before cleaning."""

    source: str                     # path, path:line, or URL as ingested
    raw: str                        # decoded text or HTML
    is_html: bool = False
    title: str | None = None        # from metadata, if any
    published: str | None = None    # raw metadata date, if any
    url: str | None = None
    outlet: str | None = None
    warning: str | None = None      # what was read but not understood ("published": "hôm qua")


@dataclass(slots=True)
class Zone:
    """A span of the clean text that is not news proper: caption, credit, byline, source line."""

    start: int
    end: int
    kind: str  # caption | credit | byline | source | title


@dataclass(slots=True)
class Article:
    doc_id: str
    source: str
    title: str | None
    text: str
    published: str | None = None
    published_precision: str | None = None  # day | month | year | None
    outlet: str | None = None
    url: str | None = None
    zones: list[Zone] = field(default_factory=list)
    meta_date: str | None = None             # a date field found in the text or metadata, raw
    period: tuple[str, str] | None = None    # no publication date: the first and last day the text allows


@dataclass(slots=True)
class Sentence:
    doc_id: str
    index: int
    start: int
    end: int
    text: str
    is_caption: bool = False


@dataclass(slots=True)
class TitleClaim:
    """One title the text gives a person, with what it says around it (read by the roles stage)."""

    title: str | None               # normal form; None: a change whose post is named elsewhere
    organization: str | None = None
    country: str | None = None
    change: str | None = None       # what role_changes.tsv says the words around it do: start | end | ...
    past: bool = False              # a post held before ("nguyên Bộ trưởng")
    at: int | None = None           # offset of the title (or the change words) in the text


@dataclass(slots=True)
class Mention:
    """A name in the text: person, organization, country or location."""

    doc_id: str
    sentence: int
    start: int
    end: int
    surface: str
    kind: str                       # person | organization | country | location
    name: str                       # the full name this mention refers to (after in-article short refs)
    rank: str | None = None
    titles: list[str] = field(default_factory=list)
    organization: str | None = None
    country: str | None = None      # ISO 3166 alpha-3
    in_caption: bool = False
    # per title, what the text says around it; read by the roles stage, not stored
    title_claims: list[TitleClaim] = field(default_factory=list)


@dataclass(slots=True)
class TimeExpr:
    doc_id: str
    sentence: int
    start: int
    end: int
    surface: str
    value: str | None               # ISO at its precision: 2024-10-10, 2024-10, 2024
    precision: str | None           # day | month | quarter | year | None
    kind: str = "point"             # point | range | duration
    value_end: str | None = None    # for ranges
    tense: str | None = None        # past | future | None: which way the anchor was resolved
    partial: str | None = None      # value None: the day or month said without a year, ISO 8601's
    #                                 reduced form ("--05-30", "--11"); never a year made up


@dataclass(slots=True)
class Participant:
    name: str
    kind: str                       # person | organization | country | location
    country: str | None = None


@dataclass(slots=True)
class EventMention:
    doc_id: str
    sentence: int
    trigger: str
    type: str                       # PLOVER
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    actors: list[Participant] = field(default_factory=list)
    recipients: list[Participant] = field(default_factory=list)
    place: str | None = None
    date: str | None = None
    date_precision: str | None = None
    planned: dict | None = None     # {start, end} for an activity announced for later; of no known year "--MM-DD" ("--03-21")
    negated: bool = False
    reported: bool = False          # reported speech ("X cho biết ...")
    trigger_start: int | None = None
    trigger_end: int | None = None
    date_partial: str | None = None  # date None: the day or month its own time says without a year ("--05-30")


@dataclass(slots=True)
class RoleObservation:
    doc_id: str
    sentence: int
    person: str
    rank: str | None
    title: str | None
    organization: str | None
    country: str | None
    date: str | None
    date_precision: str | None = None
    change: str | None = None       # None | start | end
    change_date: str | None = None  # a stated date of the change ("(tháng 2/2022)")


@dataclass(slots=True)
class Analysis:
    """Everything the per-article stage finds in one article."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    roles: list[RoleObservation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True, frozen=True)
class EventFilter:
    """Which stored events a question is about; None: any. Built (and checked) by query.py, read by
    store/read.py."""

    actor_ids: list[int] | None = None   # events with any of these actors
    types: list[str] | None = None       # PLOVER types
    country: str | None = None           # an actor of this country (ISO 3166 alpha-3)
    since: str | None = None             # ISO date or its prefix
    until: str | None = None
    planned: bool | None = None          # announced for later (True) or happened (False)
    min_confidence: float | None = None  # only events at least this sure (confidence.py)
    participants: str = "named"          # named | none | any: who takes part (store/read.py PARTICIPANTS)


@dataclass(slots=True)
class IngestError:
    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"
