"""Days an article names with their weekday ("thứ Năm (12/3)", "Ngày mai thứ ba, 23/10"): where they
place it (stages/bounds.py). A day named without its year lies within a year of the article
(WEEKDAY_SPAN), and 23 October is a Tuesday only in 2007, 2012, 2018, ...; a day so named near the
lead's day also picks the lead's year (`agrees`, read by bounds.choose).
"""
from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from .. import resources
from .spans import EARLIEST, Spans, union


@functools.cache
def _pattern() -> tuple[re.Pattern, dict[str, int]]:
    rows = [r for r in resources.load("date_words") if r["kind"] == "weekday"]
    names = {" ".join(r["word"].lower().split()): int(r["value"]) for r in rows}
    alt = "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True))
    words = resources.load("date_words")
    day = "|".join(re.escape(r["word"]) for r in words if r["kind"] == "unit" and r["value"] == "day")
    # "thứ Năm tuần trước (23-5)": the week it lies in may come between
    week = "|".join(re.escape(r["word"]) for r in words if r["kind"] == "unit" and r["value"] == "week")
    rel = "|".join(re.escape(r["word"]) for r in words if r["kind"] == "unit_rel")
    return re.compile(rf"\b({alt})(?:\s+(?:{week})\s+(?:{rel}))?\s*[,(]?\s*(?:(?:{day})\s+)?(\d{{1,2}})[/.-](\d{{1,2}})(?![/.-]?\d)",
                      re.I), names


def weekdays(body: list[str]) -> list[tuple[int, int, int]]:
    """(day, month, weekday) of every day the text names with its weekday ("thứ Năm (12/3)",
    "Ngày mai thứ ba, 23/10")."""
    pattern, names = _pattern()
    found = []
    for match in pattern.finditer("\n".join(body)):
        wd = names.get(" ".join(match.group(1).lower().split()))
        if wd is not None and 1 <= int(match.group(2)) <= 31 and 1 <= int(match.group(3)) <= 12:
            found.append((int(match.group(2)), int(match.group(3)), wd))
    return found


WEEKDAY_SPAN = timedelta(days=366)   # a day named without its year is within a year of the article


def weekday_spans(named: tuple[int, int, int]) -> Spans:
    """Where the article lies by a day it names with its weekday ("thứ ba, 23/10"): within
    WEEKDAY_SPAN of a 23 October that is a Tuesday (2007, 2012, 2018, 2029, ...)."""
    d, m, wd = named
    days = []
    for year in range(EARLIEST.year, date.today().year + 2):
        try:
            day = date(year, m, d)
        except ValueError:
            continue
        if day.weekday() == wd:
            days.append((max(day - WEEKDAY_SPAN, EARLIEST), day + WEEKDAY_SPAN))
    return union(days)


def weekday_cue(low: str) -> bool:
    """`low`: the text lower-cased."""
    return any(w in low for w in _pattern()[1])


NEAR_LEAD = 31   # a day the text names with its weekday this close to the lead's day is of its year


def agrees(day: date, named: list[tuple[int, int, int]]) -> bool:
    """Does every day the text names with its weekday, taken as the one nearest `day` when that
    lies within NEAR_LEAD days ("Chiều nay (22/10) ... Ngày mai thứ ba, 23/10"), fall on that
    weekday? The lead's own day and month is the nearest case."""
    for d, m, wd in named:
        for year in (day.year - 1, day.year, day.year + 1):
            try:
                near = date(year, m, d)
            except ValueError:
                continue
            if abs((near - day).days) <= NEAR_LEAD and near.weekday() != wd:
                return False
    return True
