"""Publication date and its precision (day / month / year / None).

In order: a metadata date (feed field, HTML meta, a leading "date 2022-06" field, a dateline
line such as "Thứ Năm, 10/10/2024 14:45"), then a date in the URL. A month-precise date is
made day-precise by the lead's own "Sáng 2/6" when they agree (not by a day told as past, "hôm 2/6"). With neither, the date is
inferred from the text: the lead's day/month ("Chiều nay (9/1)") with the latest year the text
speaks of as present ("kế hoạch hợp tác năm 2025"), or, failing a lead date, the month after the
latest dated event the text names as past ("tổ chức rất thành công SEA Games 31"); either is
kept only when the bounds the text sets (stages/bounds.py: year windows, dates told as past or
ahead, office-holders' tenures, today) allow it. Failing both, those bounds alone date the article
when they leave one candidate: the lead's day when it says it is today, the lead's month when it
opens a clause, else the month or year the bounds lie in. Precision says how much of that is
known; None when nothing is, or when the evidence contradicts itself.
"""
from __future__ import annotations

import functools
import itertools
import re
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import NamedTuple

from .. import resources
from ..records import Article
from . import bounds, nearby, references

ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$")
DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
URL_DATE = [re.compile(p) for p in (r"/(20\d\d|19\d\d)/(\d\d)/(\d\d)/", r"[-/_](20\d\d)(\d\d)(\d\d)\d{0,9}\.(?:html?|vov|vnp|ldo|tpo)",
                                    r"/(20\d\d)-(\d\d)-(\d\d)/", r"/(20\d\d)(\d\d)(\d\d)/")]
YEAR = re.compile(r"((?:19|20)(?<![\d/.,-]..)\d\d)(?![\d%])")   # the look-behind after the century: a pattern
                                                                # opening with its digits skips to them (3x faster)


@functools.cache
def _words(kind: str) -> str:
    """An alternation of the dateline_words.tsv rows of one kind, longest first."""
    rows = sorted((r["word"] for r in resources.load("dateline_words") if r["kind"] == kind), key=len, reverse=True)
    return "|".join(re.escape(w) for w in rows)


@functools.cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(the lead's own date: "Sáng 2/6", "Chiều nay (9/1)", "(10/10/2024)"; what makes a year a range
    end or a target; a sentence about the future)."""
    lead = re.compile(rf"(?:^|\b(?:{_words('lead_time')})\b(?:\s+(?:{_words('lead_relative')}))?\s*\(?\s*"
                      rf"(?:{_words('lead_time')}\s*)?|\()(\d{{1,2}})[/.-](\d{{1,2}})(?:[/.-](\d{{4}}))?(?![/.-]?\d)", re.I)
    range_end = re.compile(rf"(?:19|20)\d\d\s*[-–—]\s*$|(?:{_words('target')})\s+(?:(?:{_words('year_word')})\s+)?$"
                           rf"|\b(?:{_words('ordinal')})\s+\d+,\s*$", re.I)
    return lead, range_end, references.future()


def parse_date(value: str | None) -> tuple[str | None, str | None]:
    """(ISO date at its precision, precision) of a metadata date string."""
    if not value:
        return None, None
    value = value.strip()
    match = ISO.match(value)
    if match:
        y, m, d = match.groups()
        zoned = _zoned(value) if d and ZONE.search(value) else None
        if zoned is not None:
            return zoned, "day"
        if d:
            return _iso(int(y), int(m), int(d))
        if m and 1 <= int(m) <= 12:
            return f"{int(y):04d}-{int(m):02d}", "month"
        return (y, "year") if 1900 <= int(y) <= 2100 else (None, None)
    match = DMY.match(value)
    if match:
        d, m, y = map(int, match.groups())
        return _iso(y, m, d)
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None, None
    return (parsed.astimezone(VIETNAM) if parsed.tzinfo else parsed).date().isoformat(), "day"


VIETNAM = timezone(timedelta(hours=7))   # the press we read: a zoned time is dated as it read there
ZONE = re.compile(r"[T ]\d{1,2}:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[+-]\d\d:?\d\d)$")


def _zoned(value: str) -> str | None:
    """The day in Vietnam of an ISO date-time with a zone ("2021-11-09T20:00:00Z" is 10/11 there)."""
    try:
        moment = datetime.fromisoformat(value.replace(" ", "T", 1).replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.astimezone(VIETNAM).date().isoformat() if moment.tzinfo else None


def _iso(y: int, m: int, d: int) -> tuple[str | None, str | None]:
    try:
        return date(y, m, d).isoformat(), "day"
    except ValueError:
        return None, None


def from_url(url: str | None) -> tuple[str | None, str | None]:
    for pattern in URL_DATE:
        match = pattern.search(url or "")
        if match:
            return _iso(*map(int, match.groups()))
    return None, None


class Lead(NamedTuple):
    """The lead's own date and what the words around it say of it (see lead_day_month)."""
    day: int
    month: int
    year: int | None
    past: bool
    today: bool
    opens: bool
    dated: bool
    morning: bool = False
    inside: bool = False


def lead_day_month(article: Article, body: list[str], spans: bool = False) -> Lead | None:
    """(day, month, year or None, past, today, opens, dated, morning) of the lead's own date, from the first four
    body sentences. `past`: a word says the day is behind the article ("hôm 30/3": the day of what
    it reports, not of the report); `today`: a word says it is the article's day ("Chiều nay (9/1)");
    `opens`: the date opens a clause ("Tối 18-11, Thủ tướng ..."), unlike a photo caption's "...
    tại Canberra ngày 20/3."; `dated`: a lead_dated word introduces it ("Ngày 25.5.2025, ...", not
    "Sáng 25.8.2025, ..."); `morning`: a lead_morning word introduces it ("Sáng 2/6": reported that day); `inside`:
    told within its sentence, neither opening nor closing it (a photo caption: "... tại Canberra ngày 20/3.", often
    a file photo), nor a parenthesis dating a word before it (`_aside`), with no future word before it ("... sẽ
    hội đàm vào ngày 24.12"): "tại buổi gặp chiều 25-5 (giờ Washington), Bộ trưởng ...". A date after a word that starts a span or a validity ("có hiệu lực từ
    ngày 31-7-2026") is no lead, unless `spans` (a metadata month the lead only refines: "bổ nhiệm
    từ ngày 15/9" in an article of that September)."""
    lead, _, _ = _patterns()
    not_after, past_word, today_word, dated_word, morning_word = _lead_words()
    for sentence in body[:4]:
        for match in lead.finditer(sentence[:200]):
            d, m = int(match.group(1)), int(match.group(2))
            if not (1 <= d <= 31 and 1 <= m <= 12) or (not spans and not_after.search(sentence[max(0, match.start() - 16):match.start()])):
                continue
            if RANGE_NEXT.match(sentence, match.end()) or _ahead(sentence, match.end()):
                continue   # "(18.1.1950 - 18.1.2026)": a span; "Vào ngày 5/11/2016, ... sẽ ký": ahead of the article
            opens = bool(_opens().match(sentence, match.end())) and not _aside(sentence, match.start())
            return Lead(d, m, int(match.group(3)) if match.group(3) else None, bool(past_word.search(match.group())),
                        bool(today_word.search(match.group())), opens, bool(dated_word.match(match.group())),
                        bool(morning_word.match(match.group())), _inside(sentence, match, opens))
    return None


CLOSING = re.compile(r"[\s)]*[.!?…]?[\s\"”']*$")


def _inside(sentence: str, match: re.Match, opens: bool) -> bool:
    """Is the lead's date told within its sentence (see lead_day_month)?"""
    return not (opens or CLOSING.match(sentence, match.end()) or _aside(sentence, match.start())
                or _patterns()[2].search(sentence[:match.start()]))


ASIDE_WORDS = 4   # more words than a dateline's place ("Hà Nội (10/10/2024) - ...") before a parenthesis


def _aside(sentence: str, start: int) -> bool:
    """Is the date a parenthesis inside its sentence ("... cuộc gặp với ông Trump tại Washington
    (ngày 20-3), trả lời ...")? Then it dates a word before it and opens no clause."""
    before = sentence[:start].rstrip()
    return before.endswith("(") and len(before.split()) > ASIDE_WORDS


RANGE_NEXT = re.compile(r"\s*[-\u2013\u2014]\s*\d{1,2}[/.-]\d{1,2}")   # the date opens a span of dates
AHEAD_WORDS = 8   # a future word this close after the lead's date makes it a plan, not the article's day


def _ahead(sentence: str, end: int) -> bool:
    """Does a future word ("sẽ", "dự kiến") follow the date within AHEAD_WORDS words? Then the
    date is one the text puts ahead ("Vào ngày 5/11/2016, Bộ Quốc phòng sẽ ký ..."): it bounds
    the publication from above (stages/bounds.py) and is never its day."""
    near = " ".join(sentence[end:end + 120].split()[:AHEAD_WORDS])
    return _patterns()[2].search(near) is not None


@functools.cache
def _opens() -> re.Pattern:
    """What follows a lead date that opens its clause: "Tối 18-11, ...", "Hà Nội (10/10/2024) - ...",
    with the clock it is told in between ("Chiều 8-5 theo giờ địa phương, ...")."""
    return re.compile(rf"\s*\)?\s*(?:\(?\s*(?:{_words('lead_zone')})\s*\)?\s*)?"
                      rf"(?:(?:{_words('lead_place')})\s+[^,.;:()]{{1,60}}?)?[,:\u2013\u2014-]", re.I)


@functools.cache
def _digest() -> re.Pattern:
    """A title naming a day's digest: "Tin tức thế giới 9-8: ...", a word or two between."""
    return re.compile(rf"^\s*(?:{_words('digest')})(?:\s+\w+){{0,2}}\s+(\d{{1,2}})[/.-](\d{{1,2}})\s*:", re.I)


def digest_day(title: str | None) -> Lead | None:
    """The lead (as lead_day_month gives it) a digest's title says is today ("Tin tức thế giới 9-8: ...")."""
    match = _digest().match(title or "")
    if not match or not (1 <= int(match.group(1)) <= 31 and 1 <= int(match.group(2)) <= 12):
        return None
    return Lead(int(match.group(1)), int(match.group(2)), None, past=False, today=True, opens=True, dated=False)


@functools.cache
def _lead_words() -> tuple[re.Pattern, ...]:
    return (re.compile(rf"\b(?:{_words('lead_not_after')})\s*$", re.I), re.compile(rf"\b(?:{_words('lead_past')})\b", re.I),
            re.compile(rf"\b(?:{_words('lead_today')})\b", re.I), re.compile(rf"\s*(?:{_words('lead_dated')})\b", re.I),
            re.compile(rf"\s*\(?\s*(?:{_words('lead_morning')})\b", re.I))


def present_years(body: list[str]) -> list[int]:
    """Years the text speaks of as its own ("năm nay (2018)", "kế hoạch hợp tác năm 2025", "năm 2018
    này"). A year named otherwise ("UNCLOS 1982", "từ năm 2005", "nhiệm kỳ 2020-2021") bounds the
    publication from below only, so it dates nothing: on 128 real articles, the latest year named
    was the wrong year for 28 of the 31 it was used for."""
    present = _present()
    years = []
    for sentence in body:
        if not YEAR.search(sentence):
            continue
        for match in present.finditer(sentence):
            year = int(match.group(1) or match.group(2))
            if not _patterns()[1].search(sentence[max(0, match.start() - 12):match.start()]):
                years.append(year)
    return years


@functools.cache
def _present() -> re.Pattern:
    return re.compile(rf"\b(?:{_words('present')})\s*\(?\s*((?:19|20)\d\d)\b"
                      rf"|\b(?:{_words('year_word')})\s+((?:19|20)\d\d)\s+(?:{_words('present_after')})\b", re.I)


def past_bound(body: list[str]) -> tuple[date, date, bool] | None:
    """(start, end, completed) of the latest named, dated event spoken of as past or present;
    `completed` when a sentence naming it says it is over ("tổ chức rất thành công SEA Games 31")."""
    bound = None
    for _, rows, sentences in references.named(body):
        for (pattern, start, end), (sentence, _) in itertools.product(rows, sentences):
            if (bound is None or end >= bound[1]) and pattern.search(sentence) and not _patterns()[2].search(sentence):
                done = bool(_completed().search(sentence))
                bound = (start, end, done or (bound is not None and bound[:2] == (start, end) and bound[2]))
    return bound


@functools.cache
def _completed() -> re.Pattern:
    return re.compile(rf"\b(?:{_words('completed')})\b", re.I)


EARLIEST_YEAR = 1900     # no article we read was published before this (metadata saying 1200 is wrong)
LATEST_AHEAD_DAYS = 366  # nor more than a year after today


def plausible(value: str | None) -> bool:
    """Can this be an article's publication date? Earlier than 1900, or more than a year ahead of
    today, it is a typo or a wrong field; such a value counts as missing."""
    if not value:
        return False
    year = int(value[:4])
    latest = date.today() + timedelta(days=LATEST_AHEAD_DAYS)
    return EARLIEST_YEAR <= year and value[:10] <= latest.isoformat()[:len(value)]


def publication_date(article: Article, body: list[str]) -> tuple[str | None, str | None]:
    """(published, precision) for an article; `body` is its news sentences in order. A metadata or
    URL date that cannot be real is ignored (the text may still date the article)."""
    value, precision = parse_date(article.meta_date)
    if not plausible(value):
        value, precision = from_url(article.url or article.source)
    if not plausible(value):
        value, precision = None, None
    if value is not None:
        lead = lead_day_month(article, body, spans=True) if precision in ("month", "year") else None
        if lead and not lead.past:   # "hôm 4/5" is a day before the article, not its day
            d, m, y = lead.day, lead.month, lead.year
            year = int(value[:4])
            if (y in (None, year)) and (precision == "year" or int(value[5:7]) == m):
                return _iso(year, m, d)
        return value, precision
    value, precision = infer(body, digest_day(article.title) or lead_day_month(article, body))
    return (value, precision) if plausible(value) else (None, None)


def period(body: list[str]) -> tuple[str, str] | None:
    """The first and last day an article without a publication date may be of, as its text's
    bounds (stages/bounds.py) allow: "Tổng Bí thư Nguyễn Phú Trọng" places it in his tenure. None
    when nothing bounds it from below (any day up to today)."""
    bound = bounds.interval(body)
    if bound is None or bound[0][0] == bounds.EARLIEST:
        return None
    return bound[0][0].isoformat(), bound[-1][1].isoformat()


PAST_LEAD_DAYS = 7   # a lead told as past ("hôm 30/3") comes this close before its report: of 18 dated feed
                     # items outside the gold sets (corpus/rss), every one within 3 days
AFTER_EVENT_DAYS = 92    # a lead day told with its year after a lead_dated word ("Ngày 25.5.2025, ...") may be
                         # reported this long after: of 9 dated feed items outside the gold sets (corpus/rss)
                         # 3 came the same day, 4 five days or more later (a signing of May reported in August)


def infer(body: list[str], lead: Lead | None) -> tuple[str | None, str | None]:
    """The lead's own full date; else what the present years and named events suggest, kept only
    when the text's bounds (stages/bounds.py) allow it; else what those bounds alone pin."""
    if lead and lead.year and not lead.opens:
        lead = None        # "... theo Hiệp định khung ký ngày 30-5-2008.": a date the text tells, not the article's
    if lead and lead.year:   # its own year, unless the text rules it out ("Ngày 15-11-1998, Việt Nam gia nhập ...")
        value, precision = _iso(lead.year, lead.month, lead.day)
        bound = bounds.interval(body)
        if value is None or bound is None or not _meets(value, bound):
            return None, None
        if lead.today or not lead.dated:   # "Hà Nội (10/10/2024) - ...", "Sáng 10/10/2024, ...": its day
            return value, precision
        day = date.fromisoformat(value)   # "Ngày 25.5.2025, ...": the report may come weeks later
        return bounds.pinned(day, day + timedelta(days=AFTER_EVENT_DAYS))
    value, precision = _suggest(body, lead)
    bound = bounds.interval(body)
    if value is not None and lead and precision == "day" and not lead.today:
        value, precision = _reported(value, lead)
    if value is not None and bound is not None and _meets(value, bound):
        return value, precision
    weekday = (lambda: bounds.weekdays(body)) if lead else None
    if lead and not lead.year:   # "Chiều 20/3, ... kể từ ngày 14/3/2019": the lead's year
        bound = nearby.narrowed(bound, body, lead.day, lead.month)
    return bounds.choose(bound, lead, weekday, PAST_LEAD_DAYS)


def _reported(value: str, lead: Lead) -> tuple[str, str]:
    """What the lead's day, its year suggested by the text, says of the article when the lead does
    not say it is today: a lead opening its clause ("Tối 18-11, ...") is taken as the article's day
    (on the dated feed items outside the gold sets, 78% are); "hôm 30/3" or a date inside a
    sentence ("từ trần hồi 10h05 ngày 21/9") is some day before the article: its year; "hôm 30/3" is
    a few days before it (PAST_LEAD_DAYS)."""
    if lead.opens and not lead.past:
        return value, "day"
    if lead.past:
        day = date.fromisoformat(value)
        return bounds.pinned(day, day + timedelta(days=PAST_LEAD_DAYS))
    return value[:4], "year"


def _meets(value: str, bound: bounds.Spans) -> bool:
    """Does the date at its precision ("2019", "2019-06", "2019-06-03") overlap the bounds?"""
    parts = [int(p) for p in value.split("-")]
    start = date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    end = date(parts[0], 12, 31) if len(parts) == 1 else start if len(parts) == 3 else \
        date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1) - timedelta(days=1)
    return any(start <= hi and lo <= end for lo, hi in bound)


def _suggest(body: list[str], lead: Lead | None) -> tuple[str | None, str | None]:
    years = present_years(body)
    bound = past_bound(body)
    if lead:
        d, m, y = lead.day, lead.month, lead.year
        if y:
            return _iso(y, m, d)
        candidates = years + ([bound[0].year] if bound else [])
        if candidates:
            year = max(candidates)
            if bound:   # not before the event, or the month before it ("lên đường dự ..."); after it once over
                first = bound[1] if bound[2] else bound[0] - references.BEFORE_EVENT
                year = year if years else first.year
                while date(year, m, min(d, 28)) < first:
                    year += 1
            return _iso(year, m, d)
    if bound and bound[2]:   # over: the month after it (only a guess, kept when the bounds allow it)
        end = bound[1]
        nxt = date(end.year + (end.month == 12), end.month % 12 + 1, 1)
        return f"{nxt.year:04d}-{nxt.month:02d}", "month"
    if years:
        return str(max(y for y in years if y <= datetime.now().year + 1) if any(
            y <= datetime.now().year + 1 for y in years) else max(years)), "year"
    return None, None
