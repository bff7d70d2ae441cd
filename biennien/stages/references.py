"""Dated events an article names (resources/vi/reference_events.tsv), and the bound they set.

"tổ chức rất thành công SEA Games 31", "bên lề Hội nghị Cấp cao ASEAN lần thứ 31 ở Manila": an
event named in a sentence with no future word is over, under way or at most weeks ahead (the
delegation leaving for it: BEFORE_EVENT), so an undated article naming it is not earlier than
BEFORE_EVENT before it starts. Only the start bounds: history is named for ever ("Đại hội XII của
Đảng" in an article two years on). stages/dateline.py reads the same rows for the year of a lead's
day and month (`past_bound`). `evidence(body)` gives (what, spans) in the shape stages/bounds.py
intersects; `body` is spelled as it reads it (tone placement folded: "Uỷ ban" is "Ủy ban").
"""
from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from .. import resources

BEFORE_EVENT = timedelta(days=31)   # a named event's lead day may come this long before it
Spans = tuple[tuple[date, date], ...]


@functools.cache
def rows() -> tuple[tuple[str, tuple[tuple[re.Pattern, date, date], ...]], ...]:
    """(cue, its rows' (pattern, start, end)): each cue is looked for once."""
    found: dict[str, list] = {}
    for r in resources.load("reference_events"):
        found.setdefault(r["cue"], []).append((re.compile(r["pattern"], re.I), date.fromisoformat(r["start"]),
                                               date.fromisoformat(r["end"])))
    return tuple((cue, tuple(events)) for cue, events in found.items())


@functools.cache
def _any_row() -> dict[str, re.Pattern]:
    """Per cue, one pattern matching where any of its rows does: a sentence that names the cue
    but none of its events (most of those naming "ASEAN") is read once, not once a row."""
    return {cue: re.compile("|".join(f"(?:{p.pattern})" for p, _, _ in events), re.I) for cue, events in rows()}


def named(body: list[str], joined: str | None = None):
    """(cue, its rows, the sentences (text, lower-cased) naming one of them) for every cue the text holds."""
    joined = "\n".join(body).lower() if joined is None else joined   # the sentences lower-cased one by one only when a cue is there
    found, lowered = [], None
    for cue, events in rows():
        if cue in joined:   # a substring test in C: nearly every article has none
            lowered = lowered if lowered is not None else [s.lower() for s in body]
            sentences = [(s, low) for s, low in zip(body, lowered) if cue in low and _any_row()[cue].search(s)]
            if sentences:
                found.append((cue, events, sentences))
    return found


@functools.cache
def future() -> re.Pattern:
    """A sentence about the future (dateline_words.tsv `future`; stages/dateline.py reads it here too),
    not a phrase that only holds such a word (`not_future`: "theo lời mời", at the invitation of)."""
    rows = resources.load("dateline_words")
    words = sorted((r["word"] for r in rows if r["kind"] == "future"), key=len, reverse=True)
    # "theo lời mời": the future word it ends in, not after the rest of it
    nots = "".join(f"(?<!{re.escape(r['word'][:-len(w)])})" for r in rows if r["kind"] == "not_future"
                   for w in words if r["word"].endswith(" " + w))
    return re.compile(rf"\b{nots}(?:{'|'.join(re.escape(w) for w in words)})\b", re.I)


def evidence(body: list[str], low: str | None = None) -> list[tuple[str, Spans]]:
    """The bound of the latest-starting event the sentences name as past or present: the events
    tried latest first, the first named in a sentence without a future word is the one."""
    events = sorted(((start, pattern, sentences) for _, rows_, sentences in named(body, low)
                     for pattern, start, _ in rows_), key=lambda e: e[0], reverse=True)
    for start, pattern, sentences in events:
        if any(pattern.search(s) and not future().search(s) for s, _ in sentences):
            return [("reference", ((start - BEFORE_EVENT, date.max),))]
    return []
