"""Tenures of public record (resources/vi/office_holders.tsv) as `who` reads them: the terms in which
a holder named with a post held it. What articles say of a post is evidence of when it was held;
these rows are the record itself, so a holder they know holds the post inside its terms whatever an
undated article or a sentence about the past seemed to say, and never outside them.

A row's pattern is matched against the post's title and the holder's name as the store keeps them
("Thủ tướng" + "Phạm Minh Chính"), from the title's first word: a title the pattern names with its
optional words ("Thủ tướng Chính phủ"), the name whole, or continued after a pattern that ends on a
word boundary ("Thủ tướng Abe Shinzo" for "... Abe\\b")."""
from __future__ import annotations

import functools
import re
from datetime import date

from . import resources

Term = tuple[date, date]   # first and last day in office (date.max: still in office)


@functools.cache
def _rows() -> tuple[tuple[str, str, bool, tuple[Term, ...]], ...]:
    """(pattern, its literal prefix, may the name go on after it, terms) per holder: the rows of one
    pattern are one holder's terms. A pattern is anchored at the title, so most fail on their first
    words: a phrase that does not start with the prefix is never matched, and the pattern is
    compiled only when one does (a `who` call compiles the few rows of its title, not all)."""
    terms: dict[str, list[Term]] = {}
    for r in resources.load("office_holders"):
        end = date.fromisoformat(r["end"]) if r["end"] else date.max
        terms.setdefault(r["pattern"], []).append((date.fromisoformat(r["start"]), end))
    return tuple((p, literal_prefix(p), p.endswith(r"\b"), tuple(sorted(spans))) for p, spans in terms.items())


def literal_prefix(pattern: str) -> str:
    """The text every match of `pattern` at a phrase's start begins with ("" when unknown): leading
    negative lookbehinds pass at a phrase's start and are skipped; the prefix ends at the first
    special character, less its last character when a quantifier follows; a top-level "|" gives ""."""
    depth, i = 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            close = pattern.find("]", i + 2)
            i = close + 1 if close > 0 else len(pattern)
            continue
        depth += (c == "(") - (c == ")")
        if c == "|" and depth == 0:
            return ""
        i += 1
    while pattern.startswith("(?<!"):
        close = pattern.find(")")
        if close < 0 or "(" in pattern[4:close] or "\\" in pattern[4:close]:
            return ""
        pattern = pattern[close + 1:]
    end = next((i for i, c in enumerate(pattern) if c in ".^$*+?{}[]\\|()"), len(pattern))
    if end < len(pattern) and pattern[end] in "?*{":
        end -= 1
    return pattern[:max(end, 0)]


@functools.lru_cache(maxsize=1 << 14)
def terms(title: str | None, name: str | None, others: tuple[str, ...] = ()) -> tuple[Term, ...]:
    """The terms of public record in which `name` held the post `title` (empty: none known): as
    named with this title alone, or with it beside another of the holder's titles (`others`), one
    post added to another ("Tổng Bí thư, Chủ tịch nước ..."), which holds both; unless the row
    names the other post alone as well (its words for this one optional): then it is the other's."""
    if not title or not name:
        return ()
    title, name = title.strip(), name.strip()
    others = tuple(o.strip() for o in others if o and o.strip() and o.strip() != title)
    found: set[Term] = set()
    for pattern, prefix, goes_on, spans in _rows():
        row = (pattern, prefix, goes_on)
        if _names(row, f"{title} {name}") or any(
                (_names(row, f"{title}, {o} {name}") or _names(row, f"{o}, {title} {name}"))
                and not _names(row, f"{o} {name}") for o in others):
            found.update(spans)
    return tuple(sorted(found))


def _names(row: tuple[str, str, bool], phrase: str) -> bool:
    pattern, prefix, goes_on = row
    if not phrase.startswith(prefix):
        return False
    m = _compiled(pattern).match(phrase)
    return bool(m) and (m.end() == len(phrase) or goes_on)


@functools.cache
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def holds(spans: tuple[Term, ...], day: date) -> Term | None:
    """The term that contains `day`, if any."""
    return next((t for t in spans if t[0] <= day <= t[1]), None)
