"""The year of a lead's day and month from a date the text tells with its year in the same week.

"Chiều 20/3, ... công bố quyết định ... giữ chức Giám đốc Công an kể từ ngày 14/3/2019": a lead
gives its day without a year because the year is the article's own; a date the text tells with its
year from a week before the lead's day (a decision taking effect, drills that ended days before) to
the day after it (what followed the lead's act: "Chiều ngày 24/9/2017, Đại sứ quán ...") is of
that time, so the lead is of that date's year. A date after that (a "khi ... vào ngày 12/7/2017"
three days after a lead of 9/7 told as past) is not the lead's year, nor a date on the lead's very
day and month, which may be the day an anniversary marks ("Hôm nay (22-12), vừa tròn 25 năm kể
từ ... ngày 22-12-1992"). Two dates pointing to two years give none, and the text's bounds still
rule (a history of 1991 in a text bounded from November 1992 on gives nothing). On the eight dev
waves' texts without a date, 5 leads have such a date: 4 take the right year, the fifth is that
history.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from .spans import Spans, meet

BEFORE = timedelta(days=7)   # a date told with its year this long before the lead's day is of its time
AFTER = timedelta(days=1)    # and this long after it (the next day's follow-up)
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
DAY_MONTH = re.compile(r"(?<![\d/.-])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*$")   # before the year: "14/3/", "24 - 9 - "


def _told(body: list[str]) -> list[date]:
    """Every day the sentences tell with its year ("14/3/2019", "24 - 9 - 2017"): the years first,
    few in a text, then the day and month before each."""
    days = []
    text = "\n".join(body)
    for y in YEAR.finditer(text):
        m = DAY_MONTH.search(text, max(0, y.start() - 12), y.start())
        if m:
            try:
                days.append(date(int(y.group()), int(m.group(2)), int(m.group(1))))
            except ValueError:
                pass
    return days


def lead_year(body: list[str], day: int, month: int) -> int | None:
    """The year of a lead's day and month that a date told with its year near it gives, if one."""
    years = set()
    for told in _told(body):
        for y in (told.year - 1, told.year, told.year + 1):
            try:
                lead = date(y, month, day)
            except ValueError:
                continue
            if lead != told and -AFTER <= lead - told <= BEFORE:
                years.add(y)
    return years.pop() if len(years) == 1 else None


YEAR_AROUND = timedelta(days=364)   # the lead's day in that year and no other: its day a year on is out


def narrowed(bound: Spans | None, body: list[str], day: int, month: int) -> Spans | None:
    """`bound` kept to the days around the lead's day in the year a date told near it gives (then the
    lead has one candidate day, stages/bounds.py `choose`); as it was when none does."""
    year = lead_year(body, day, month) if bound is not None else None
    if year is None:
        return bound
    lead = date(year, month, day)
    if not any(a <= lead <= b for a, b in bound):
        return bound
    return meet(bound, ((lead - YEAR_AROUND, lead + YEAR_AROUND),))
