"""One real-world event, many reports: merge event mentions into events (pure, no store).

"Thượng tướng A đã tới chào xã giao Thượng tướng B" and the caption "B tiếp Đoàn đại biểu Bộ
Quốc phòng Việt Nam" are one event; so is the same meeting in two outlets. Mentions merge when
they have the same PLOVER type, compatible dates and compatible parties (below), and every
mention is kept: an event is the set of its mentions.

API (the store passes records in and applies the answer):

    Party(actor_id, kind, country, role="actor")             role: "actor" | "recipient"
    MergeItem(key, doc_id, sentence, type, date, date_precision, parties, planned_start=None,
              negated=False, signing=False)   one event mention, resolved ids (signing: CAMEO 057)
    EventKey(event_id, type, date, date_precision, parties, planned_start, doc_ids, ...)  a stored one
    merge(items, existing) -> Merge
        Merge.assign   {item key: event_id of an existing event, or NewEvent(n)}
        Merge.events   {event_id or NewEvent: EventKey}  every event touched, updated
    negated mentions stay mentions, never events (in no Merge.assign); so does a meeting with one
    side named that joins no event (`founds`); participants(event) ->
    (actors, recipients), the parties to show

Adapters for the store's rows (dicts, participants carrying their `actor_id`): item_from_row
(mention row) -> MergeItem; key_from_row(event row, its mention rows) -> EventKey;
summarise(event_key, member mention rows) -> the events row (type, mode, context, cameo, date,
date_precision, date_partial, location, planned, actors, recipients).

Which stored events new mentions may join (blocking by type, month, shared participants) and the
writes are decided in resolve/reports.py. Incremental: `merge(new_items, stored_events_in_window)`
matches new mentions against the stored and each other; stored events never merge again.

Compatible:
- type and `planned_start` equal (a plan for 22/10 and one for November are two events);
- dates equal at the coarser precision (2022-06 fits 2022-06-02); no date or a year alone (an
  article whose publication date is unknown) only within a document, or across documents when
  two named persons or organisations are shared (both sides of the meeting), the report is in the
  headline or the lead (what the body recalls may be of any time), and no other event of
  those two in another article, dated otherwise, fits as well (a pair that met twice: neither);
  a stay's visitor and its host state count as both sides ("Lee Jae Myung thăm cấp nhà nước Việt
  Nam" undated joins the stay another outlet dates: fit._stay_of);
- parties: for each country, the persons on both sides agree (A meeting B and A meeting C, B
  and C both Lao, are two meetings), and either an actor is shared or, within one document, the
  countries of one are among the countries of the other ("Việt Nam và Lào thống nhất" joins the
  day's agreement between the Vietnamese and Lao delegations). Across documents a named person
  or organisation must be shared: two articles' "Việt Nam" alone does not make one event; and
  what is left once the shared parties are set aside must not name other countries on both
  sides (the same leader visiting India and meeting a Thai leader that month: two events);
- a person's visit to a state lasts days: two reports of the same person visiting the same state
  and no person of it, dated to days at most `[times] visit_days` apart, are that visit ("thăm
  chính thức Việt Nam ngày 1-3/5" dated 1/5 by one outlet, "sáng 2.5 ... thăm chính thức" by
  another); the visit takes its earliest day. Two visits a month apart stay two;
- a formal agreement signed (CAMEO 057) never joins another act of support (praise, a medal);
- a visit's stay in a country ("thăm chính thức Úc", "chuyến thăm", triggers.tsv visit "stay") and
  the talks and calls held during it ("hội đàm", "chào xã giao", "tiếp") are two events: the gold
  counts both when the text tells both. A welcome ("lễ đón") is merged after both and joins the
  stay when one fits, else the meeting; one held by the host's leader stays apart from a stay in
  the host state (the gold counts that welcome apart as often as with the stay);
- a state named where its holder is not ("Tô Lâm tiếp Chủ tịch Quốc hội Thái Lan") is that holder
  when no visit is told: it joins the meeting another outlet names the holder in, when the states
  are those persons' states (fit._state_or_holder);
- one day's plan told with persons by one outlet and with their states by another is one plan
  (fit._same_day_same_states; candidates also by the planned day);
- a directed event (all but the MUTUAL types) told in the opposite direction is another event:
  "A hoan nghênh B" and "B đánh giá cao A" on one day are two acts of support, each side's own.
The best fit is in the same document (an article tells its own event again before another outlet does),
then shares most actors, then is nearest in it.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field, replace

from ..cameo import SIGN_CAMEO
from ..lexicon import types as event_types
from ..lexicon.events import visit
from .fit import LEAD, fit, vague

ONE_OR_TWO = event_types.with_sides("one_or_two")   # meetings: one named side joins, two found


@dataclass(slots=True, frozen=True)
class Party:
    actor_id: Hashable
    kind: str                  # person | organization | country | location
    country: str | None = None
    role: str = "actor"        # actor | recipient


@dataclass(slots=True)
class MergeItem:
    key: Hashable              # the event mention's id
    doc_id: str
    sentence: int
    type: str
    date: str | None
    date_precision: str | None
    parties: tuple[Party, ...]
    planned_start: str | None = None
    negated: bool = False
    signing: bool = False      # CAMEO 057: a formal agreement signed
    visit: str | None = None   # "stay" in a country, "meeting" (any other act), "welcome", None: either (_visit)
    toured: bool = False       # its words are of a visit (a stay, a plain "thăm", a welcome), wherever told


@dataclass(slots=True)
class EventKey:
    event_id: Hashable
    type: str
    date: str | None
    date_precision: str | None
    parties: tuple[Party, ...]
    planned_start: str | None = None
    doc_ids: frozenset = frozenset()
    sentences: dict = field(default_factory=dict)   # doc_id -> sentences of its mentions there
    signing: bool = False
    visits: frozenset = frozenset()   # the `visit` of its reports: a stay and a meeting never share an event
    toured: bool = False              # a report of it is told in the words of a visit (MergeItem.toured)


@dataclass(slots=True, frozen=True)
class NewEvent:
    n: int


@dataclass(slots=True)
class Merge:
    assign: dict = field(default_factory=dict)
    events: dict = field(default_factory=dict)




def merge(items: list[MergeItem], existing: list[EventKey]) -> Merge:
    out = Merge()
    events: dict[Hashable, EventKey] = {}
    by_actor: dict[tuple, set] = {}     # (type, actor id) -> events; an event can only join on these
    by_doc: dict[tuple, set] = {}       # (type, doc id) -> events, for joins on countries alone
    by_plan: dict[tuple, set] = {}      # (type, planned day) -> events: one day's plan told by two outlets
    new = 0

    def index(eid, ev: EventKey) -> None:
        events[eid] = ev
        for p in ev.parties:
            by_actor.setdefault((ev.type, p.actor_id), set()).add(eid)
        for d in ev.doc_ids:
            by_doc.setdefault((ev.type, d), set()).add(eid)
        if ev.planned_start and len(ev.planned_start) >= 10:
            by_plan.setdefault((ev.type, ev.planned_start), set()).add(eid)

    for e in existing:
        index(e.event_id, e)
    def best_fit(it: MergeItem, alone: bool = False):
        cands = set(by_doc.get((it.type, it.doc_id), ()))
        for p in it.parties:
            cands |= by_actor.get((it.type, p.actor_id), set())
        cands |= by_plan.get((it.type, it.planned_start), set())
        if alone:   # a fragment joins the one meeting of its party another article tells that month
            fits = [eid for eid in sorted(cands, key=_order) if fit(it, events[eid], alone=True) is not None]
            return fits[0] if len(fits) == 1 else None
        fits = [(eid, score) for eid in sorted(cands, key=_order) if (score := fit(it, events[eid])) is not None]
        best, best_score = max(fits, key=lambda f: (it.visit == "welcome" and "stay" in events[f[0]].visits, f[1]),
                               default=(None, None))
        if best is not None and not best_score[0] and vague(it.date) and \
                len({events[eid].date for eid, score in fits if not score[0]}) > 1:
            return None   # an undated report of a pair that met twice: either meeting, so neither
        return best

    def place(it: MergeItem, best) -> None:
        nonlocal new
        if best is None:
            best, new = NewEvent(new), new + 1
            events[best] = EventKey(best, it.type, it.date, it.date_precision, (), it.planned_start, signing=it.signing)
        index(best, _absorb(events[best], it))
        out.assign[it.key] = best
        out.events[best] = events[best]

    deferred = []   # fragments that fit nothing yet: they try again once every other report is merged
    for it in sorted((it for it in items if not it.negated), key=_specificity):
        best = best_fit(it)
        if best is None and not founds(it):
            deferred.append(it)
        else:
            place(it, best)
    for it in deferred:
        best = best_fit(it) or best_fit(it, alone=True)
        if best is not None:   # else a fragment of a meeting no report tells in full: a mention, no event
            place(it, best)
    return out


def founds(it: MergeItem) -> bool:
    """Whether a report may found an event of its own. A meeting with one side named ("Quốc hội
    họp", "Bộ trưởng A gặp gỡ các nhân chứng", "sau cuộc gặp với ông X") is a report of a meeting
    another report tells in full, which it joins; alone it is a domestic or a private meeting, or
    one the text does not tell: no event between two sides (the gold's conventions)."""
    return it.type not in ONE_OR_TWO or len({p.actor_id for p in it.parties}) > 1


def _order(eid) -> tuple:
    """Stored events before new ones, each in their order: ties go to the earliest."""
    return (1, eid.n, "") if isinstance(eid, NewEvent) else (0, 0, str(eid))


def participants(event: EventKey) -> tuple[list[Party], list[Party]]:
    """Each actor once, in the role most mentions give it; where a person of a country takes
    part, that country's organisations and the country itself are that person's delegation."""
    roles: dict[Hashable, Counter] = {}
    first: dict[Hashable, Party] = {}
    for p in event.parties:
        roles.setdefault(p.actor_id, Counter())[p.role] += 1
        first.setdefault(p.actor_id, p)
    countries = {p.country for p in first.values() if p.country}
    led = {p.country for p in first.values() if p.kind == "person" and p.country} if len(countries) >= 2 else set()
    actors, recipients = [], []
    for aid, p in first.items():
        if p.kind != "person" and p.country in led:
            continue
        role = "recipient" if roles[aid]["recipient"] > roles[aid]["actor"] else "actor"
        (recipients if role == "recipient" else actors).append(replace(p, role=role))
    actors, recipients = _unnamed_delegation(actors), _unnamed_delegation(recipients)
    tied = [p for p in actors if roles[p.actor_id]["recipient"] == roles[p.actor_id]["actor"]]
    if not recipients and tied and len(tied) < len(actors):
        # the visitor of "X thăm Việt Nam" is the one received in "A hội đàm với X": both sides named
        actors = [p for p in actors if p not in tied]
        recipients = [replace(p, role="recipient") for p in tied]
    return actors, recipients


def _unnamed_delegation(side: list[Party]) -> list[Party]:
    """"Đại tướng B tiếp Bộ trưởng ... Nga" (the headline) and "B tiếp ông Kurenkov, Bộ trưởng ..."
    (the lead), one event: a side of a state and one person whose country is not known is that
    person and their state; the person alone takes part."""
    unknown = [p for p in side if p.kind == "person" and p.country is None]
    if len(unknown) != 1 or len(side) != 2:
        return side
    return [p for p in side if p.kind != "country"]


# --- the store's rows ------------------------------------------------------------------------

def _parties(row: dict) -> tuple[Party, ...]:
    return tuple(Party(p["actor_id"], p.get("kind") or "organization", p.get("country"), role)
                 for role in ("actor", "recipient") for p in row.get(role + "s") or [] if p.get("actor_id") is not None)


def item_from_row(row: dict) -> MergeItem:
    """An event_mentions row (participants resolved to actor ids) as a merge item."""
    planned = row.get("planned") or {}
    return MergeItem(row["id"], row["doc_id"], row.get("sentence") or 0, row["type"], row.get("date"),
                     row.get("date_precision"), _parties(row), planned.get("start"), bool(row.get("negated")),
                     row.get("cameo") == SIGN_CAMEO, _visit(row), _toured(row))


def _visit(row: dict) -> str | None:
    """"stay": a mention tells a stay in a country (triggers.tsv visit "stay", or "lead" in the
    headline or the lead) in the article's own words; "meeting": any other act between two named
    persons ("hội đàm với Thủ tướng Turnbull"); None, either: an act that names a state on a side
    ("Obama thảo luận với Việt Nam": told of the visit), a welcome ("đón"), a plain "thăm" further on,
    a stay in someone's words ("tin tưởng chuyến thăm sẽ thành công": the article tells the
    reception) or a caption's (it repeats the text), each joining the stay or the meeting it fits."""
    kind = visit(row.get("trigger"))
    if kind not in ("stay", "lead", "welcome"):
        persons = {p.get("actor_id") or p.get("name") for p in (row.get("actors") or []) + (row.get("recipients") or [])
                   if p.get("kind") == "person"}
        return "meeting" if len(persons) >= 2 else None
    if row.get("reported") or row.get("in_caption"):
        return None
    if kind == "welcome":
        return "welcome"
    return "stay" if kind == "stay" or (row.get("sentence") or 0) <= LEAD else None


def _toured(row: dict) -> bool:
    """Told in the words of a visit ("thăm" anywhere, "lễ đón"): a state on a side may be the one
    visited, not its leader's stand-in (fit._state_or_holder)."""
    return visit(row.get("trigger")) in ("stay", "lead", "welcome")


def key_from_row(row: dict, mentions: Iterable[dict] = ()) -> EventKey:
    """A stored events row, with the (doc_id, sentence, trigger) of its mentions, as a merge key."""
    sentences: dict = {}
    mentions = list(mentions)
    for m in mentions:
        sentences[m["doc_id"]] = (*sentences.get(m["doc_id"], ()), m.get("sentence") or 0)
    planned = row.get("planned") or {}
    return EventKey(row.get("event_id", row.get("id")), row["type"], row.get("date"), row.get("date_precision"),
                    _parties(row), planned.get("start"), frozenset(sentences), sentences, row.get("cameo") == SIGN_CAMEO,
                    frozenset(_visit(m) for m in mentions) - {None}, any(_toured(m) for m in mentions))


def summarise(event: EventKey, mentions: list[dict]) -> dict:
    """The events row for an event and all its mention rows: the most frequent mode, cameo and
    place, every context, the first plan, the participants to show, and with no date the day or
    month of no known year its reports say (`date_partial`)."""
    names: dict = {}
    for m in mentions:
        for p in (m.get("actors") or []) + (m.get("recipients") or []):
            if p.get("actor_id") is not None:
                names.setdefault(p["actor_id"], p.get("name"))
    actors, recipients = participants(event)

    def common(key: str):
        counts = Counter(m.get(key) for m in mentions if m.get(key))
        return counts.most_common(1)[0][0] if counts else None

    def row(p: Party) -> dict:
        return {"actor_id": p.actor_id, "name": names.get(p.actor_id), "kind": p.kind, "country": p.country}

    return {"type": event.type, "mode": common("mode"), "cameo": common("cameo"), "location": common("place"),
            "context": sorted({c for m in mentions for c in (m.get("context") or [])}),
            "date": event.date, "date_precision": event.date_precision,
            "date_partial": None if event.date else _partial(m.get("date_partial") for m in mentions),
            # a plan told twice ("sắp thăm Pháp"; "Chuyến thăm ... sẽ diễn ra ngày 25 - 27/3"): the report that dates it
            "planned": max((m["planned"] for m in mentions if m.get("planned")),
                           key=lambda p: (p.get("start") is not None, p.get("end") is not None), default=None),
            "actors": [row(p) for p in actors], "recipients": [row(p) for p in recipients]}


def _partial(values: Iterable[str | None]) -> str | None:
    """What the reports of an undated event say of its day ("--05-30") or month ("--05") that all of
    them allow: the most precise, else the month they share ("--05-30" and "--05-31": "--05"), else none."""
    found = sorted({v for v in values if v}, key=len)
    if not found or all(found[-1].startswith(v) for v in found):
        return found[-1] if found else None
    months = {v[:4] for v in found}
    return months.pop() if len(months) == 1 else None


# --- rules -------------------------------------------------------------------------------------

def _specificity(it: MergeItem) -> tuple:
    """Undated reports last: they join; welcomes after the stays and meetings they may join."""
    persons = sum(p.kind == "person" for p in it.parties)
    return (vague(it.date), it.visit == "welcome", it.doc_id, -persons, -len(it.parties), it.sentence)


def _absorb(ev: EventKey, it: MergeItem) -> EventKey:
    date, precision = ev.date, ev.date_precision
    if it.date and (not date or len(it.date) > len(date) or (len(it.date) == len(date) and it.date < date)):
        date, precision = it.date, it.date_precision   # the most precise; of two days (one visit), the first
    sentences = dict(ev.sentences)
    sentences[it.doc_id] = (*sentences.get(it.doc_id, ()), it.sentence)
    return replace(ev, date=date, date_precision=precision, parties=ev.parties + it.parties,
                   visits=ev.visits | {it.visit} - {None}, toured=ev.toured or it.toured,
                   planned_start=ev.planned_start or it.planned_start,
                   doc_ids=ev.doc_ids | {it.doc_id}, sentences=sentences)
