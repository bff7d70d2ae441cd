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
def _future() -> re.Pattern:
    """A sentence about the future (dateline_words.tsv `future`, as stages/dateline.py reads it)."""
    words = sorted((r["word"] for r in resources.load("dateline_words") if r["kind"] == "future"), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in words)})\b", re.I)


def evidence(body: list[str]) -> list[tuple[str, Spans]]:
    """The bound of the latest-starting event the sentences name as past or present."""
    lowered = [s.lower() for s in body]
    joined = "\n".join(lowered)
    latest = None
    for cue, events in rows():
        if cue not in joined:   # a substring test in C: nearly every article stops here
            continue
        for sentence, low in zip(body, lowered):
            if cue not in low:
                continue
            for pattern, start, _ in events:
                if (latest is None or start > latest) and pattern.search(sentence) and not _future().search(sentence):
                    latest = start
    return [("reference", ((latest - BEFORE_EVENT, date.max),))] if latest else []
