"""Bounds on an undated article's publication date from anniversaries of relations between two states.

"Việt Nam và Nhật Bản kỷ niệm 45 năm thiết lập quan hệ ngoại giao", "hai nước đang kỷ niệm 45 năm
ngày thiết lập quan hệ ngoại giao": resources/vi/relations.tsv gives the day the two states began
that relation (public record), and the press celebrates its anniversary the whole year through
(visits, orders, events "nhân dịp kỷ niệm ..."), so the article lies in the year it began plus the
count. Which two states: the two the sentence names with a row between them; else the one foreign
state it names, with Việt Nam (the home state of the press we read: "hai nước" of a visit to Hà
Nội); else the one foreign state the article names. More than one candidate year is no evidence.
Not when the sentence names a year (history told, or a range that stages/bounds.py reads: "(1950 -
2020)"), nor when it speaks of the future ("sẽ kỷ niệm", "chuẩn bị kỷ niệm ... vào năm sau": the
anniversary may be next year), unless it says the anniversary is this year ("năm nay sẽ kỷ niệm").
`evidence(body)` gives (what, spans) in the shape stages/bounds.py intersects.
"""
from __future__ import annotations

import functools
import re
from datetime import date

from .. import resources
from ..lexicon.names import HOME, country_rows
from ..text import canon, trie_pattern
from .nearby import YEAR
from .spans import Spans



def _words(kind: str, table: str = "date_bounds", column: str = "word") -> str:
    return "|".join(re.escape(r[column]) for r in sorted((r for r in resources.load(table) if r["kind"] == kind),
                                                         key=lambda r: -len(r[column])))


@functools.cache
def _pairs() -> dict[tuple[str, frozenset[str]], int]:
    """(bond, the two states) -> the year the relation began."""
    return {(r["bond"], frozenset((r["a"], r["b"]))): date.fromisoformat(r["established"]).year
            for r in resources.load("relations") if r["kind"] == "pair"}


@functools.cache
def _patterns() -> dict[str, re.Pattern]:
    units = resources.load("date_words")
    year = "|".join(re.escape(r["word"]) for r in units if r["kind"] == "unit" and r["value"] == "year")
    day = "|".join(re.escape(r["word"]) for r in units if r["kind"] == "unit" and r["value"] == "day")
    bonds = "|".join(f"(?P<{r['bond']}>{r['pattern']})" for r in resources.load("relations") if r["kind"] == "bond")
    names = {canon(r["name"]) for r in country_rows()}
    return {
        "head": re.compile(rf"\b(?:{_words('anniversary')})\s+(\d{{1,3}})\s+(?:{year})\s+(?:(?:{day})\s+)?(?:{bonds})", re.I),
        "future": re.compile(rf"\b(?:{_words('future')})\b", re.I),
        "now": re.compile(rf"\b(?:{_words('now', 'relations', 'pattern')})\b", re.I),
        "year": YEAR,
        "state": re.compile(rf"(?<!\w){trie_pattern(names)}(?!\w)"),
    }


@functools.cache
def _states() -> dict[str, tuple[str, bool]]:
    """A country's name as the text spells it -> (ISO alpha-3, ambiguous)."""
    return {canon(r["name"]): (r["iso3"], r["ambiguous"] == "yes") for r in country_rows()}


@functools.cache
def _cues() -> tuple[str, ...]:
    return tuple(r["word"].lower() for r in resources.load("date_bounds") if r["kind"] == "anniversary")


PREVIOUS = re.compile(r"(\S+)\s*$")


def states(sentence: str) -> list[str]:
    """The states a sentence names, in order. A name that is also a word or a given name ("Nga",
    "Mỹ", "Anh") counts neither at the sentence's start nor after a capitalised word ("Hằng Nga")."""
    found = []
    for m in _patterns()["state"].finditer(sentence):
        iso3, ambiguous = _states()[m.group()]
        if ambiguous:
            before = PREVIOUS.search(sentence, 0, m.start())
            if before is None or before.group(1)[0].isupper() and before.group(1)[-1].isalpha():
                continue
        found.append(iso3)
    return found


def _years(sentence: str, bond: str, count: int, article: list[str]) -> set[int]:
    named = set(states(sentence))
    pairs = _pairs()
    if len(named) >= 2:
        keys = [frozenset((a, b)) for a in named for b in named if a < b]
    else:
        foreign = (named - {HOME}) or set(article) - {HOME}
        keys = [frozenset((HOME, next(iter(foreign))))] if len(foreign) == 1 else []
    return {pairs[(bond, k)] + count for k in keys if (bond, k) in pairs}


def evidence(body: list[str], low: str | None = None) -> list[tuple[str, Spans]]:
    """(what, the spans it allows) for every anniversary of relations the sentences name. `body`
    is spelled as stages/bounds.py reads it (tone placement folded)."""
    p = _patterns()
    text = "\n".join(body)
    low = text.lower() if low is None else low   # bounds.py lowers the text once for every kind of evidence
    if not any(w in low for w in _cues()) or not p["head"].search(text):   # a substring test first: nearly every article stops
        return []
    article = [s for sentence in body for s in states(sentence)]
    found = []
    for sentence in body:
        if p["year"].search(sentence) or (p["future"].search(sentence) and not p["now"].search(sentence)):
            continue
        for m in p["head"].finditer(sentence):
            bond = next(k for k, v in m.groupdict().items() if v)
            years = _years(sentence, bond, int(m.group(1)), article)
            if len(years) == 1:
                year = years.pop()
                found.append(("relations", ((date(year, 1, 1), date(year, 12, 31)),)))
    return found
