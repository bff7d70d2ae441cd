"""Bounds on an undated article's publication date, from evidence in its text.

Each piece of evidence says where the publication must lie, never where it probably lies:
  - a year named with a word that places the article against it (resources/vi/date_bounds.tsv,
    `window`: "so với cùng kỳ năm 2018" is written from January 2019 to January 2020; "năm
    ngoái (2017)" in 2018);
  - a date with its own year told as past ("hồi tháng 3/2020", "tháng 10/2018 vừa qua": not
    before it) or as ahead ("sẽ ... vào năm 2020", "năm 2020 tới": not after it);
  - an office-holder named with a current title (resources/vi/office_holders.tsv: "Thủ tướng
    Nguyễn Xuân Phúc" is 2016-04-07 .. 2021-04-05, widened by BEFORE_TENURE and AFTER_TENURE);
    with a `former` word beside it, or in a sentence that names a year (history told), only the
    tenure's start bounds;
  - the day the article is read: nothing is published later.
`interval(body)` is the intersection, `choose(...)` what it pins: the lead's day and month
("Chiều 10-4", with its weekday if the text gives one) when exactly one such day lies inside (its
day only when the lead says it is today, else its month), else the month or the year when the
whole interval lies in one. Anything else is no date.
"""
from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from .. import resources

EARLIEST = date(1900, 1, 1)
AFTER_TENURE = timedelta(days=60)   # the press still writes a title for what its holder did days before leaving
BEFORE_TENURE = timedelta(days=90)  # and already writes it for the elect ("Tổng thống Trump" in November 2016)
YEAR = r"((?:19|20)\d\d)"
AHEAD_END = r"(?=\s*(?:[,.;:)!?]|$))"   # "năm 2020 tới," but not "năm 2010 tới nay", "2010 tới 2015"
Bound = tuple[date, date]


def _rows(kind: str) -> list[dict]:
    return [r for r in resources.load("date_bounds") if r["kind"] == kind]


def _alt(kind: str) -> str:
    return "|".join(re.escape(r["word"]) for r in sorted(_rows(kind), key=lambda r: -len(r["word"])))


@functools.cache
def _patterns() -> dict[str, re.Pattern]:
    units = "|".join(re.escape(r["word"]) for r in resources.load("date_words")
                     if r["kind"] == "unit" and r["value"] in ("day", "month", "year"))
    dated = rf"(?:(?:{units})\s+)?(?:(\d{{1,2}})[/.-])?(?:(\d{{1,2}})[/.-])?{YEAR}\b"
    return {
        "window": re.compile(rf"\b({_alt('window')})\s+{YEAR}\b", re.I),
        "window_paren": re.compile(rf"\b({_alt('window_paren')})\s*\(\s*{YEAR}\s*\)", re.I),
        "past": re.compile(rf"\b(?:{_alt('past')})\s+{dated}", re.I),
        "past_after": re.compile(rf"{dated}\s+(?:{_alt('past_after')})\b", re.I),
        "future": re.compile(rf"\b(?:{_alt('future')})\s+(?:[^\s.,;:!?]+\s+){{0,8}}?(?:{_alt('plan_prep')})\s+{dated}", re.I),
        "future_after": re.compile(rf"{dated}\s+(?:{_alt('future_after')}){AHEAD_END}", re.I),
        "former": re.compile(rf"\b(?:{_alt('former')})(?:\s+\w+)?\s*$", re.I),   # "tiền nhiệm là Tổng thống"
        "former_after": re.compile(rf"^\s*,?\s*(?:{_alt('former_after')})\b", re.I),
        "year": re.compile(rf"(?<![\d/.,-]){YEAR}(?![\d%])"),      # a year named alone: history told
        "any_year": re.compile(rf"(?<!\d){YEAR}(?!\d)"),
    }


@functools.cache
def _windows() -> dict[str, tuple[int, int]]:
    return {r["word"].lower(): (int(r["first"]), int(r["last"])) for r in _rows("window") + _rows("window_paren")}


@functools.cache
def _holders() -> tuple[tuple[str, re.Pattern, date, date | None], ...]:
    return tuple((r["cue"], re.compile(r["pattern"]), date.fromisoformat(r["start"]),
                  date.fromisoformat(r["end"]) if r["end"] else None) for r in resources.load("office_holders"))


def _month_start(year: int, months: int) -> date:
    n = year * 12 + months
    return date(n // 12, n % 12 + 1, 1)


def _month_end(year: int, months: int) -> date:
    return _month_start(year, months + 1) - timedelta(days=1)


def _span(d: str | None, m: str | None, y: str) -> Bound | None:
    """The interval a matched date names: "20/7/2019" a day, "3/2020" a month, "2019" a year."""
    year = int(y)
    try:
        if d and m:
            day = date(year, int(m), int(d))
            return day, day
        if d:                                    # one number before the year is the month
            return date(year, int(d), 1), _month_end(year, int(d) - 1)
    except ValueError:
        return None
    return date(year, 1, 1), date(year, 12, 31)


def evidence(body: list[str], holders: bool = True) -> list[tuple[str, date, date]]:
    """(what, not before, not after) for every piece of evidence in the news sentences; the
    office-holders only when `holders` or when the text's own dates bound something."""
    p, found = _patterns(), []
    text = "\n".join(body)
    dated = [p["any_year"].search(s) is not None for s in body] if p["any_year"].search(text) else [False] * len(body)
    for sentence, yes in zip(body, dated):
        if yes:                                      # every dated pattern ends in a year
            found += _dated(sentence, p)
    if not (holders or found):
        return found
    low = text.lower()
    held = [h for h in _holders() if h[0] in low]   # a substring test in C: most holders stop here
    for sentence, yes in zip(body, dated) if held else ():
        found += _held(sentence, held, yes and p["year"].search(sentence) is not None, p)
    return found


@functools.cache
def _cues() -> dict[str, tuple[str, ...]]:
    """The lower-case words each dated pattern needs: a sentence without any skips the pattern."""
    return {k: tuple(r["word"].lower() for r in _rows(k))
            for k in ("window", "window_paren", "past", "past_after", "future", "future_after")}


def _dated(sentence: str, p: dict) -> list[tuple[str, date, date]]:
    found, low, cues = [], sentence.lower(), _cues()
    for kind in ("window", "window_paren"):
        if not any(w in low for w in cues[kind]):
            continue
        for m in p[kind].finditer(sentence):
            first, last = _windows()[" ".join(m.group(1).lower().split())]
            y = int(m.group(2))
            found.append((kind, _month_start(y, first), _month_end(y, last)))
    for kind in ("past", "past_after", "future", "future_after"):
        if not any(w in low for w in cues[kind]):
            continue
        for m in p[kind].finditer(sentence):
            span = _span(*m.group(1, 2, 3))
            if span:
                found.append((kind, span[0], date.max) if kind.startswith("past") else (kind, EARLIEST, span[1]))
    return found


def _held(sentence: str, holders: list, history: bool, p: dict) -> list[tuple[str, date, date]]:
    low = sentence.lower()
    held = [(m, start, end) for cue, pattern, start, end in holders if cue in low for m in pattern.finditer(sentence)]
    # "cựu Tổng Bí thư, Chủ tịch nước X": a former word before the longest title ends every
    # title of that name
    former_ends = {m.end() for m, _, _ in held if p["former"].search(sentence[max(0, m.start() - 24):m.start()])
                   or p["former_after"].match(sentence[m.end():m.end() + 24])}
    return [("holder", start - BEFORE_TENURE,
             date.max if end is None or m.end() in former_ends or history else end + AFTER_TENURE)
            for m, start, end in held]


def interval(body: list[str], today: date | None = None, holders: bool = True) -> Bound | None:
    """(earliest, latest) publication date the evidence allows; None when it contradicts itself.
    Without `holders`, tenures are read only when the text's dates already bound something (alone,
    a tenure, widened by the margins, seldom fits one year: without a lead day it dates nothing)."""
    lo, hi = EARLIEST, today or date.today()
    for _, a, b in evidence(body, holders):
        lo, hi = max(lo, a), min(hi, b)
    return (lo, hi) if lo <= hi else None


def choose(bound: Bound | None, lead: tuple | None, weekday=None,
           recent: int = 275) -> tuple[str | None, str | None]:
    """(date, precision) the bounds pin: the lead's day when one candidate is left, else the
    month or year the whole interval lies in; (None, None) otherwise. `weekday` (0 = Monday, or a
    function giving it) is the lead day's weekday when the text says it. A lead told as past ("hôm
    30/3") is not the article's day: with one candidate, the article lies from that day to
    `recent` days after it (a day named without its year is a recent one). Only a lead that says
    it is today ("Chiều nay (9/1)") gives the day; a lead opening its clause ("Tối 18-11, ...")
    gives the month (the report often comes the next day); any other is not the article's."""
    if bound is None:
        return None, None
    lo, hi = bound
    if lead and hi.year - lo.year > 11:
        return None, None          # a day and month with its weekday recur within 11 years: no one candidate
    if lead:
        d, m, _, past, today, opens = lead
        days = []
        for y in range(lo.year, hi.year + 1):
            try:
                day = date(y, m, d)
            except ValueError:
                continue
            if lo <= day <= hi:
                days.append(day)
        if len(days) > 1 and weekday is not None:      # "thứ Năm (12/3)": asked only when it can choose
            wd = weekday() if callable(weekday) else weekday
            days = [x for x in days if wd is None or x.weekday() == wd]
        if len(days) == 1 and today:
            return days[0].isoformat(), "day"
        if len(days) == 1 and opens and not past:
            # the day of the lead's act: the report may come a day later, so say its month
            return days[0].isoformat()[:7], "month"
        if len(days) == 1 and past:
            lo, hi = days[0], min(hi, days[0] + timedelta(days=recent))
        elif not days:
            return None, None
    if lo == EARLIEST:
        return None, None
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.year:04d}-{lo.month:02d}", "month"
    if lo.year == hi.year:
        return f"{lo.year:04d}", "year"
    return None, None


@functools.cache
def _weekday_pattern() -> tuple[re.Pattern, dict[str, int]]:
    rows = [r for r in resources.load("date_words") if r["kind"] == "weekday"]
    names = {" ".join(r["word"].lower().split()): int(r["value"]) for r in rows}
    alt = "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True))
    day = "|".join(re.escape(r["word"]) for r in resources.load("date_words") if r["kind"] == "unit" and r["value"] == "day")
    return re.compile(rf"\b({alt})\s*[,(]?\s*(?:(?:{day})\s+)?(\d{{1,2}})[/.-](\d{{1,2}})(?![/.-]?\d)", re.I), names


def weekday_of(body: list[str], d: int, m: int) -> int | None:
    """The weekday the text gives to day d of month m ("thứ Năm (12/3)"), if it gives one."""
    pattern, names = _weekday_pattern()
    for match in pattern.finditer("\n".join(body)):
        if (int(match.group(2)), int(match.group(3))) == (d, m):
            return names.get(" ".join(match.group(1).lower().split()))
    return None
