"""Bounds on an undated article's publication date, from evidence in its text.

Each piece of evidence says where the publication must lie, never where it probably lies:
  - a year named with a word that places the article against it (resources/vi/date_bounds.tsv, `window`: "so
    với cùng kỳ năm 2018" is written from January 2019 to January 2020; "năm ngoái (2017)" in 2018);
  - a date with its own year told as past ("hồi tháng 3/2020", "tháng 10/2018 vừa qua": not before it) or as
    ahead ("sẽ ... vào năm 2020", "năm 2020 tới": not after it);
  - an office-holder named with a current title (resources/vi/office_holders.tsv: "Thủ tướng Nguyễn Xuân Phúc"
    is 2016-04-07 .. 2021-04-05, widened by the row's `before` days or BEFORE_TENURE and by AFTER_TENURE); the
    rows of one pattern are its holder's terms, so the evidence is their union ("Tổng thống Trump": 2017-2021
    or from 2025); with a `former` word beside it, or in a sentence that names a year (history told), only the
    first term's start bounds;
  - a day named with its weekday ("Ngày mai thứ ba, 23/10"): a day named without its year lies within a year
    of the article (WEEKDAY_SPAN), and 23 October is a Tuesday only in 2007, 2012, 2018, ...; near the lead's
    day it also picks the lead's year (`choose`): stages/weekdays.py;
  - a numbered term of an elected body ("Quốc hội khóa XVI") or a term a meeting opens ("khai mạc Đại hội ...,
    nhiệm kỳ 2025 - 2030"): stages/terms.py;
  - a well-known person named with their age ("Tập Cận Bình (62 tuổi)"): stages/ages.py;
  - an anniversary of relations between two states ("kỷ niệm 45 năm thiết lập quan hệ ngoại giao"): stages/relations.py;
  - a dated event named as past or present ("bên lề Hội nghị Cấp cao ASEAN lần thứ 31"): stages/references.py;
  - the day the article is read: nothing is published later.
Holders are matched as `spelled` writes the text (tone placement folded, "Moon Jae - in" joined).
`interval(body)` is the intersection (a union of spans, earliest first), `choose(...)` what it pins: the lead's
day and month ("Chiều 10-4", with its weekday if the text gives one) when exactly one such day lies inside (its
day only when the lead says it is today, else its month), else the month or the year when the whole interval
lies in one. Anything else is no date.
"""
from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from .. import resources
from ..text import canon, overlapping, trie_pattern
from . import ages, references, relations, terms
from .spans import EARLIEST, Bound, Spans, meet, pinned, union  # noqa: F401  (callers read bounds.EARLIEST, bounds.pinned)
from .spans import month_end as _month_end
from .spans import month_start as _month_start
from .weekdays import agrees, weekday_cue, weekday_spans, weekdays  # noqa: F401  (callers read bounds.weekdays)

AFTER_TENURE = timedelta(days=60)   # the press still writes a title for what its holder did days before leaving
BEFORE_TENURE = timedelta(days=90)  # and already writes it for the elect ("Tổng thống Trump" in November 2016)
YEAR = r"((?:19|20)\d\d)"
AHEAD_END = r"(?=\s*(?:[,.;:)!?]|$))"   # "năm 2020 tới," but not "năm 2010 tới nay", "2010 tới 2015"
# A lead opening its clause ("Chiều 10-4, ...") is the day of the act; the report follows it: of 1,045 dated
# feed items outside the gold sets (corpus/rss) with such a lead, 94% of the morning's ("Sáng 10-4",
# dateline_words.tsv lead_morning) came the same day, 75% of the afternoon's, 44% of the evening's, nearly all
# the rest the next day: the morning's gives its day, any other the month its next day still lies in.
REPORT_LAG = timedelta(days=1)
ANNIVERSARY_SPAN = timedelta(days=182)   # an anniversary named is this close: 12 of 12 feed items within 4 months
# A date told with its month and year and no future word is past, or a schedule weeks ahead ("lễ truy điệu ...
# ngày 5-5-2018" in the obituary of 1 May): the article is no earlier than this before it.
SCHEDULE_AHEAD = timedelta(days=31)


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
        "year": re.compile(r"((?:19|20)(?<![\d/.,-]..)\d\d)(?![\d%])"),      # a year named alone: history told
        "any_year": re.compile(r"((?:19|20)(?<!\d..)\d\d)(?!\d)"),   # look-behinds after the century: searched by skipping to it
        # a date told with its month and year: "15/12/2017", "tháng 10-2016", not a span's end
        "named": re.compile(rf"(?<![\d/.-])(?<!\d [-–] )(?<!\d[-–] )(?<!\d [-–])(?:(\d{{1,2}})[/.-])?(\d{{1,2}})[/.-]{YEAR}"
                            rf"(?![\d%]|[/.-]\w|\s*[-–]\s*\d)"),   # "10/2019/NĐ-CP" numbers a decree
        "not_named": re.compile(rf"\b(?:{_alt('not_named')})\s+(?:(?:{units})\s+)?$", re.I),
        # a year's figure told against the year before's ("năm 2017 đạt 6,5 tỷ USD, tăng 7% so với năm 2016")
        "year_over": re.compile(rf"\bnăm\s+{YEAR}\b[^.;:!?]{{0,140}}?\b(?:{_alt('year_over')})\s+{YEAR}\b", re.I),
        "not_over": re.compile(rf"\b(?:{_alt('not_over')})\b", re.I),
        "reached": re.compile(rf"\b(?:{_alt('year_reached')})\b", re.I),
        "not_future": re.compile(rf"\b(?:{_alt('not_future')})\b", re.I),
        # quick tests first, patterns that open with a letter or a character class (the engine skips to it, where a
        # look-behind or a \b is tried at every position): what "named" and "not_future" cannot match without
        "named_cue": re.compile(rf"[/.-]{YEAR}"), "not_future_cue": re.compile(rf"(?:{_alt('not_future')})", re.I),
    }


@functools.cache
def _windows() -> dict[str, tuple[int, int]]:
    return {r["word"].lower(): (int(r["first"]), int(r["last"])) for r in _rows("window") + _rows("window_paren")}


@functools.cache
def _holders() -> tuple[tuple[str, re.Pattern, Spans], ...]:
    """(cue, pattern, terms) per holder: the rows of one pattern are the terms of its holder, each
    widened by the days the press already writes the title (`before`, else BEFORE_TENURE) and
    AFTER_TENURE; an open term ends at date.max."""
    terms: dict[str, list] = {}
    for r in resources.load("office_holders"):
        before = timedelta(days=int(r["before"])) if r.get("before") else BEFORE_TENURE
        end = date.fromisoformat(r["end"]) + AFTER_TENURE if r["end"] else date.max
        terms.setdefault(r["pattern"], [r["cue"]]).append((date.fromisoformat(r["start"]) - before, end))
    return tuple((cue, re.compile(pattern), union(spans)) for pattern, (cue, *spans) in terms.items())


@functools.cache
def _holders_of() -> dict[str, tuple[int, ...]]:
    """Cue -> the places of its holders in `_holders()`: an article names a few cues of ~200."""
    holders = _holders()
    return {cue: tuple(i for i, h in enumerate(holders) if h[0] == cue) for cue in {h[0] for h in holders}}


@functools.cache
def _cue_pattern() -> re.Pattern:
    """Every holder's cue, found in one pass over the text (a trie: linear, where a substring test
    per holder reads the text once per holder); cues may overlap (`text.overlapping`). No cue is a
    prefix of another (tests/test_resources.py): the longest at a place is the only one there."""
    return re.compile(trie_pattern({cue for cue, _, _ in _holders()}))


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


JOINED = re.compile(r"(?<=[^\W\d_]) - (?=[^\W\d_])")   # "Moon Jae - in": a tokenised hyphen


def spelled(sentence: str) -> str:
    """The sentence as the holders' rows are written: tone placement folded ("Ngụy Phượng Hoà" is
    "Ngụy Phượng Hòa") and a hyphen between letters joined ("Moon Jae - in", as tokenised news
    writes "Moon Jae-in")."""
    return canon(JOINED.sub("-", sentence)) if " - " in sentence else canon(sentence)


def evidence(body: list[str]) -> list[tuple[str, Spans]]:
    """(what, the spans it allows) for every piece of evidence in the news sentences: the text's
    own dates and the office-holders it names."""
    p, found = _patterns(), []
    body = [spelled(s) for s in body]
    text = "\n".join(body)
    if p["not_future_cue"].search(text):   # "theo lời mời" plans nothing
        body = [p["not_future"].sub(lambda m: " " * len(m.group()), s) for s in body]
        text = "\n".join(body)
    dated = [p["any_year"].search(s) is not None for s in body] if p["any_year"].search(text) else [False] * len(body)
    for sentence, yes in zip(body, dated):
        if yes:                                      # every dated pattern ends in a year
            found += _dated(sentence, p)
    low = text.lower()
    found += [("weekday", spans) for spans in map(weekday_spans, weekdays(body) if weekday_cue(low) else ())]
    found += terms.evidence(body, low) + ages.evidence(body, low)   # "Quốc hội khóa XVI", "Tập Cận Bình (62 tuổi)"
    found += relations.evidence(body, low) + references.evidence(body, low)   # "kỷ niệm 45 năm ... quan hệ ngoại giao", "SEA Games 31"
    if any(w in low for w in _cues()["anniversary"]):
        found += [("anniversary", spans) for sentence, yes in zip(body, dated) for spans in _anniversaries(sentence, yes)]
    named = overlapping(_cue_pattern(), low)
    held = [_holders()[i] for i in sorted(i for cue in named for i in _holders_of().get(cue, ()))]
    for sentence, yes in zip(body, dated) if held else ():
        found += _held(sentence, held, yes and p["year"].search(sentence) is not None, p)
    return found


@functools.cache
def _cues() -> dict[str, tuple[str, ...]]:
    """The lower-case words each dated pattern needs: a sentence without any skips the pattern."""
    return {k: tuple(r["word"].lower() for r in _rows(k))
            for k in ("window", "window_paren", "past", "past_after", "future", "future_after", "anniversary", "year_over")}


def _dated(sentence: str, p: dict) -> list[tuple[str, Spans]]:
    found, low, cues = [], sentence.lower(), _cues()
    if not any(w in low for w in cues["future"]):     # "sẽ ... tháng 6/2020": a plan, not a date told
        for m in p["named"].finditer(sentence) if p["named_cue"].search(sentence) else ():
            span = _span(*(m.group(1, 2) if m.group(1) else (m.group(2), None)), m.group(3))
            if span and not p["not_named"].search(sentence[max(0, m.start() - 30):m.start()]):
                found.append(("named", ((span[0] - SCHEDULE_AHEAD, date.max),)))
    for kind in ("window", "window_paren"):
        if not any(w in low for w in cues[kind]):
            continue
        for m in p[kind].finditer(sentence):
            first, last = _windows()[" ".join(m.group(1).lower().split())]
            y = int(m.group(2))
            found.append((kind, ((_month_start(y, first), _month_end(y, last)),)))
    if any(w in low for w in cues["year_over"]) and not any(w in low for w in cues["future"]):
        found += _years_over(sentence, p)
    for kind in ("past", "past_after", "future", "future_after"):
        if not any(w in low for w in cues[kind]):
            continue
        for m in p[kind].finditer(sentence):
            span = _span(*m.group(1, 2, 3))
            if span:
                found.append((kind, ((span[0], date.max),) if kind.startswith("past") else ((EARLIEST, span[1]),)))
    return found


def _years_over(sentence: str, p: dict) -> list[tuple[str, Spans]]:
    """A year's figure told against the year before's ("Kim ngạch năm 2017 đạt 6,5 tỷ USD, tăng 7% so
    với năm 2016"): that year is over, its figures known, so the article is no earlier than its month
    `first` (date_bounds.tsv year_over) when the sentence says the figure was reached (`year_reached`:
    "đạt"; "Mỹ yêu cầu Seoul trả 5 tỷ USD trong năm 2020, tăng 5 lần so với năm 2019" is a demand, a
    budget the same); not a part of the year ("8 tháng đầu năm 2018"), an estimate or a target
    (`not_over`: "ước đạt", "mục tiêu"), nor a plan (a future word in the sentence)."""
    if p["not_over"].search(sentence) or not p["reached"].search(sentence):
        return []
    first = int(_rows("year_over")[0]["first"])
    return [("year_over", ((_month_start(int(m.group(1)), first), date.max),)) for m in p["year_over"].finditer(sentence)
            if int(m.group(2)) == int(m.group(1)) - 1]


@functools.cache
def _anniversary_rows() -> tuple[re.Pattern, tuple[tuple[str, re.Pattern, date], ...]]:
    """The count of years after an anniversary word ("kỷ niệm 80 năm (Ngày)"), and what each
    anniversaries.tsv row commemorates with the day it marks."""
    words = resources.load("date_words")
    year = "|".join(re.escape(r["word"]) for r in words if r["kind"] == "unit" and r["value"] == "year")
    day = "|".join(re.escape(r["word"]) for r in words if r["kind"] == "unit" and r["value"] == "day")
    head = re.compile(rf"\b(?:{_alt('anniversary')})\s+(\d{{1,3}})\s+(?:{year})\s+(?:(?:{day})\s+)?", re.I)
    return head, tuple((r["cue"], re.compile(r["pattern"]), date.fromisoformat(r["marked"]))
                       for r in resources.load("anniversaries"))


ANNIVERSARY_RANGE = re.compile(r"[^.()]{0,80}?\(\s*(?:\d{1,2}[/.-]\d{1,2}[/.-])?((?:19|20)\d\d)\s*[-–]\s*"
                               r"(?:(\d{1,2})[/.-](\d{1,2})[/.-])?((?:19|20)\d\d)\s*\)")


def _anniversaries(sentence: str, dated: bool) -> list[Spans]:
    """Within ANNIVERSARY_SPAN of each anniversary the sentence names ("kỷ niệm 80 năm Cách mạng
    Tháng Tám": 19 August 2025; "kỷ niệm 70 năm quan hệ ngoại giao (1950 - 2020)": 2020, its span's
    end when it is the count after its start), unless it speaks of the future. A sentence naming
    another year tells history ("năm 2015, kỷ niệm 70 năm ...")."""
    low = sentence.lower()
    if any(w in low for w in _cues()["future"]):
        return []
    head, rows = _anniversary_rows()
    found = []
    for m in head.finditer(sentence):
        span = ANNIVERSARY_RANGE.match(sentence, m.end()) if dated else None
        if span and int(span.group(4)) - int(span.group(1)) == int(m.group(1)):
            year = int(span.group(4))
            try:
                first = last = date(year, int(span.group(3)), int(span.group(2))) if span.group(2) else None
            except ValueError:
                continue
            first, last = first or date(year, 1, 1), last or date(year, 12, 31)
            found.append(((first - ANNIVERSARY_SPAN, last + ANNIVERSARY_SPAN),))
        for cue, pattern, marked in rows if not dated else ():
            if cue in low and pattern.match(sentence, m.end()):
                year = marked.year + int(m.group(1))
                day = marked.replace(year=year) if (marked.month, marked.day) != (2, 29) else date(year, 3, 1)
                found.append(((day - ANNIVERSARY_SPAN, day + ANNIVERSARY_SPAN),))
    return found


def _held(sentence: str, holders: list, history: bool, p: dict) -> list[tuple[str, Spans]]:
    low = sentence.lower()
    held = [(m, terms) for cue, pattern, terms in holders if cue in low for m in pattern.finditer(sentence)]
    # "cựu Tổng Bí thư, Chủ tịch nước X": a former word before the longest title ends every
    # title of that name
    former_ends = {m.end() for m, _ in held if p["former"].search(sentence[max(0, m.start() - 24):m.start()])
                   or p["former_after"].match(sentence[m.end():m.end() + 24])}
    return [("holder", ((terms[0][0], date.max),) if m.end() in former_ends or history else terms)
            for m, terms in held]


def interval(body: list[str], today: date | None = None) -> Spans | None:
    """The spans of publication dates the evidence allows, earliest first; None when it
    contradicts itself."""
    return _interval(tuple(body), today or date.today())


@functools.lru_cache(maxsize=4)   # dateline.py (twice) and undated.py ask it of the same article
def _interval(body: tuple[str, ...], today: date) -> Spans | None:
    spans: Spans = ((EARLIEST, today),)
    for _, allowed in evidence(body):
        spans = meet(spans, allowed)
    return spans or None


def choose(bound: Spans | None, lead: tuple | None, weekday=None,
           recent: int = 275) -> tuple[str | None, str | None]:
    """(date, precision) the bounds pin: the lead's day when one candidate is left, else the
    month or year the whole interval lies in; (None, None) otherwise. `weekday` (0 = Monday, or a
    function giving it) is the lead day's weekday when the text says it, or the (day, month,
    weekday) of every day it names with one (`weekdays`): a day near the lead's is of its year. A lead told as past ("hôm
    30/3") is not the article's day: with one candidate, the article lies from that day to
    `recent` days after it (a day named without its year is a recent one), and so does a lead
    told inside its sentence (`inside`: not a caption's, not an aside, not planned). Only a lead that says it is today
    ("Chiều nay (9/1)") gives the day; a lead opening its clause ("Tối 18-11, ...") gives the month
    (the report often comes the next day)."""
    if bound is None:
        return None, None
    lo, hi = bound[0][0], bound[-1][1]
    if lead and hi.year - lo.year > 11:
        return None, None          # a day and month with its weekday recur within 11 years: no one candidate
    if lead:
        d, m, past, today, opens = lead.day, lead.month, lead.past, lead.today, lead.opens
        days = []
        for y in range(lo.year, hi.year + 1):
            try:
                day = date(y, m, d)
            except ValueError:
                continue
            if any(a <= day <= b for a, b in bound):
                days.append(day)
        if len(days) > 1 and weekday is not None:      # "thứ Năm (12/3)": asked only when it can choose
            wd = weekday() if callable(weekday) else weekday
            named = wd if isinstance(wd, list) else [(d, m, wd)] if wd is not None else []
            days = [x for x in days if agrees(x, named)]
        if len(days) == 1 and (today or opens and not past and lead.morning):
            return days[0].isoformat(), "day"
        if len(days) == 1 and opens and not past:
            # the day of the lead's act: the report may come the next day ("Chiều 30-6" on 1 July)
            left = meet(bound, ((days[0], days[0] + REPORT_LAG),))
            return pinned(left[0][0], left[-1][1])
        if len(days) == 1 and (past or lead.inside):
            # a day told inside its sentence ("tại buổi gặp chiều 25-5 (giờ Washington), Bộ trưởng ...") is,
            # like "hôm 30/3", the day of what the article reports (dateline.lead_day_month `inside`)
            left = meet(bound, ((days[0], days[0] + timedelta(days=recent)),))
            lo, hi = left[0][0], left[-1][1]
        elif not days:
            return None, None
    if lo == EARLIEST:
        return None, None
    return pinned(lo, hi)
