"""Spans of days, the shape publication-date evidence takes (stages/bounds.py): a union of
disjoint (first, last) spans, earliest first; the month or year a span lies in."""
from __future__ import annotations

from datetime import date, timedelta

EARLIEST = date(1900, 1, 1)
Bound = tuple[date, date]
Spans = tuple[Bound, ...]   # a union of disjoint spans, earliest first


def union(spans) -> Spans:
    """Overlapping spans joined, earliest first."""
    out: list[Bound] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return tuple(out)


def meet(a: Spans, b: Spans) -> Spans:
    """The days in both unions."""
    return tuple((max(x0, y0), min(x1, y1)) for x0, x1 in a for y0, y1 in b if max(x0, y0) <= min(x1, y1))


def month_start(year: int, months: int) -> date:
    n = year * 12 + months
    return date(n // 12, n % 12 + 1, 1)


def month_end(year: int, months: int) -> date:
    return month_start(year, months + 1) - timedelta(days=1)


def pinned(lo: date, hi: date) -> tuple[str | None, str | None]:
    """The month or the year every day from lo to hi lies in; (None, None) when none."""
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.year:04d}-{lo.month:02d}", "month"
    if lo.year == hi.year:
        return f"{lo.year:04d}", "year"
    return None, None
