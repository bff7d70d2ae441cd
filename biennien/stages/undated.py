"""Times without a year in an article the text dates only to an interval.

With no publication date, "sáng 21/9" has no value (stages/times.py resolves a day and month
against the article's date). When the text's bounds (stages/bounds.py) leave the article an
interval, the time gets the value it has from every day of that interval, if that is one value
("ngày 21/2" in an article of some day from October 2016 to May 2017 is 21 February 2017);
otherwise it stays without one: a date given is one the text allows.
"""
from __future__ import annotations

from dataclasses import replace
from ..records import TimeExpr
from . import bounds, times

LONGEST_DAYS = 400   # beyond about a year every day and month has two readings: no need to try


def resolve(found: list[TimeExpr], body: list[str]) -> list[TimeExpr]:
    """`found` with each yearless time given the one value every possible publication day gives it."""
    if not any(t.value is None for t in found):
        return found
    spans = bounds.interval(body)
    if not spans or spans[0][0] == bounds.EARLIEST or (spans[-1][1] - spans[0][0]).days > LONGEST_DAYS:
        return found
    # a reading never goes back as the publication day moves on ("21/9" read from later days is no
    # earlier), so the interval's first and last days read alike only when every day between does
    days = [spans[0][0], spans[-1][1]]
    out = []
    for t in found:
        if t.value is None:
            values = {(r.value, r.precision, r.kind, r.value_end) for r in
                      (times.resolve(t, d.isoformat(), "day") for d in days)}
            if len(values) == 1 and next(iter(values))[0] is not None:
                value, precision, kind, value_end = next(iter(values))
                t = replace(t, value=value, precision=precision, kind=kind, value_end=value_end, partial=None)
        out.append(t)
    return out
