"""What the mention finders share about one article: the scan's hits (`Item`) and the article
as the finders see it (`Doc`), a capitalised run that may be a person (`Candidate`). Its own module so that the scan and the person finder both import
it and not each other."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from ... import resources
from ...lexicon.names import Lexicon
from ...records import Article, Mention, Sentence, TitleClaim
from ...text import canon


PERSON_CUES = ("honor", "rank", "title")   # the item kinds that make the run after them a person


@dataclass(slots=True)
class Item:
    """A hit of the scan, or a span built from hits (an organisation with its place)."""

    start: int
    end: int
    kind: str                 # title rank known change before head honor cap | org place country other
    text: str                 # tone-folded text of the span
    sentence: int = -1
    data: dict = field(default_factory=dict)
    used: bool = False        # taken into a person's chain


@dataclass(slots=True)
class Doc:
    """What the stages below share about one article."""

    article: Article
    text: str                                   # tone-folded article text
    sentences: list[Sentence]
    items: list[Item]
    caption: set[int]                           # indexes of caption sentences
    lex: Lexicon
    mentions: list[Mention] = field(default_factory=list)
    details: dict[tuple[int, int], list[TitleClaim]] = field(default_factory=dict)  # a person mention's titles

    def sentence_start(self, index: int) -> int:
        return self.sentences[index].start


@dataclass(slots=True)
class Candidate:
    item: Item
    index: int                 # position in doc.items
    tokens: list[str]
    surface: tuple[int, int]
    full: bool                 # a full name (else a short reference to resolve)
    rank: str | None = None
    titles: list[dict] = field(default_factory=list)
    country: str | None = None
    cue: str | None = None
    romanised: bool = False    # a foreign spelling in brackets beside it ("Lý Tác Thành (Li Zuocheng)")


def country_here(doc: Doc, n: int, iso: str, iso_seen: set[str]) -> bool:
    """An ambiguous country word ("Nga", "Anh", "Đức") is a country unless it opens a sentence of
    an article naming that country nowhere else, or follows an honorific ("chị Nga")."""
    it = doc.items[n]
    prev = doc.items[n - 1] if n else None
    if prev is not None and prev.kind == "honor" and doc.text[prev.end:it.start] == " ":
        return False
    start = doc.sentence_start(it.sentence)
    before = doc.text[start:it.start].rstrip(" \"“‘'([-–")
    opens = before == "" or before[-1] == ":"  # "Anh đủ tự tin", "rằng: Anh ...": the pronoun
    return not opens or iso in iso_seen


def within(a: Item, b: Item) -> bool:
    """Is a (a place inside an organisation's name: "Cần Thơ", the "Pháp" of "Ủy ban Pháp luật") within b?"""
    return b.start <= a.start and a.end <= b.end


def gap(doc: Doc, a: Item, b: Item) -> str:
    """The text between two items."""
    return doc.text[a.end:b.start]


QUALIFIERS = ("country", "place", "org")   # what may stand between a post and its holder


@functools.cache
def links(kind: str) -> frozenset[str]:
    """The title_links.tsv words of one kind, as the gap between two items (" kiêm ", " tại ")."""
    return frozenset(f" {r['word']} " for r in resources.load("title_links") if r.get("kind") == kind)


@functools.cache
def units() -> frozenset[str]:
    """The words naming an administrative unit (name_heads.tsv location heads whose name follows,
    "tỉnh", "thành phố", "TP", "huyện"), as the gap between a post and its place: "Bí thư Tỉnh ủy
    tỉnh Nghệ An", "Chủ tịch thành phố Đà Nẵng". Not "tại", "ở": where someone is, not their post."""
    return frozenset(f" {canon(r['word'])} " for r in resources.load("name_heads")
                     if r["kind"] == "location" and r["tail"] in ("name", "number"))


def cue_behind(doc: Doc, n: int) -> str | None:
    """The title or rank whose post the qualifiers ending at item n name, up to three of them
    ("người phát ngôn Bộ Ngoại giao Trung Quốc", "Đại sứ Trung Quốc tại Mỹ"): its kind, a cue."""
    for k in range(n, max(n - 3, 0), -1):
        before = doc.items[k - 1]
        between = gap(doc, before, doc.items[k])
        if between != " " and between not in links("posted"):   # "Đại sứ Trung Quốc tại Mỹ": the posting place
            return None
        if before.kind in PERSON_CUES:
            return before.kind
        if before.kind not in QUALIFIERS:
            return None
    return None
