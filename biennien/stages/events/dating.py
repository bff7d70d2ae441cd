"""When an event happened, or is planned for: the trigger's own time, its clause's, its
sentence's, its episode's, else the article's lead date (events/article.py lead_date); a future
time makes the activity a plan (an AGREE with `planned = {start, end}`); an act left with no date
keeps the day or month its own time says without a year (`partial`), a plan the span its clause
says without a year (`planned = {"start": "--03-21", "end": "--03-24"}`)."""
from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ...cameo import VISIT_CAMEO
from ...lexicon import types as event_types
from ...lexicon.dates import offsets
from ...lexicon.dates import zones as clock_zones
from ...records import Article, Mention, TimeExpr
from .. import times as time_stage
from .arguments import time_of
from .carried_times import carried_time  # noqa: F401  (triggers.py reads it here)
from .view import Hit, View

if TYPE_CHECKING:   # article.py asks this module for an event's partial date (emit)
    from .article import Draft

PLAN_PRECISIONS = {"day", "month", "quarter"}  # a year alone is an intent, not a scheduled activity
PLAN_CAMEO = event_types.plan_cameo()
GOVERNING = event_types.governing()
HEADLINE_LEAD = 3    # the sentences after a headline that tell its story first


def date_draft(view: View, h: Hit, d: Draft, subj: list[Mention], article: Article, lead: tuple,
               prefer_future: bool) -> None:
    """The trigger's own time (its phrase, its clause), else the time that dates its sentence;
    an event without either is dated later from its episode (episode_dates), else the lead; an
    act told as some time before or after that one ("một tuần sau khi X") is dated that far off."""
    if _date(view, h, d, subj, article, lead, prefer_future) and d.date:
        off = _offset(view, d.hit, d.time)   # the draft's own trigger, not a noun it shares a date with
        moved = shifted(d.date, d.precision, *off) if off is not None else (None, None)
        if moved[0] and not (article.published and moved[0] > article.published):   # not after the report
            d.date, d.precision = moved


def _date(view: View, h: Hit, d: Draft, subj: list[Mention], article: Article, lead: tuple,
          prefer_future: bool) -> bool:
    """date_draft's first reading: False when the act is a plan."""
    t = time_of(view, h, subj[0].start if subj else None)
    if t is not None and (_governed(view, h, t) or _said(view, h, t) or _subordinate(view, h, t)):
        t = None
    d.own_time = t is not None and not time_stage.is_term(t)
    if t is None or time_stage.is_term(t):
        t = _clause_time(view, h) or view.carried
        if t is not None and not prefer_future and t.tense == "future" and article.published:
            # not the trigger's own time: without a plan cue it dates what happened ("Tại phiên
            # toà ngày 10/3, toà tuyên phạt ..." in an article dated in November)
            t = time_stage.resolve(t, article.published, article.published_precision, "past")
    if t is not None and prefer_future and t.tense != "future" and article.published:
        t = time_stage.resolve(t, article.published, article.published_precision, "future")
    d.time = t
    d.date, d.precision = d.date or lead[0], d.precision or lead[1]
    d.begun = not prefer_future and begun(view, h, subj)
    if t is None or t.value is None:
        if prefer_future and t is not None and h.trigger.type != "AGREE" and (span := partial_plan(t)):
            _as_plan(h, d, span, lead)   # undated: "sẽ thăm ... từ ngày 21-24/3" is "--03-21" to "--03-24"
        return not prefer_future
    future = is_future(t, lead, article, prefer_future)
    if future and d.begun:
        if t.kind != "range":   # "bắt đầu thăm Việt Nam, dự lễ Quốc khánh 2.9": another act's day
            if (came := _arrival(view, h, article)) is not None:
                d.time, d.date, d.precision = came, came.value, "day"
            return True
        future = False          # "bắt đầu chuyến thăm ... ngày 14-17/4": the span of a visit under way
    if future:
        if h.trigger.type == "AGREE":
            return False   # an agreement now about later: the plan's date comes from what it governs
        span = plan_of(t) if t.precision in PLAN_PRECISIONS or t.kind == "range" and t.precision != "year" else None
        _as_plan(h, d, span, _announced_on(view, t, article) or lead)
        return False
    if t.precision == "day" and not (t.kind == "range" and (_unit_range(t) or h.trigger.args == "host")):
        d.date, d.precision = t.value, "day"
    elif t.precision == "day":   # "tuần trước": a week names no day; say the month (or year) it lies in;
        #                          "đón Thủ tướng X thăm Việt Nam ngày 1-3/5": the visit starts on the 1st,
        #                          the welcome (a host's verb) is some day of it
        same = "month" if t.value[:7] == (t.value_end or "")[:7] else "year"
        d.date, d.precision = t.value[:7 if same == "month" else 4], same
    elif t.precision in ("month", "year", "quarter") and not (lead[1] == "day" and lead[0].startswith(t.value[:7])):
        # a month or year holding the lead day ("kế hoạch hợp tác năm 2024") keeps that day
        d.date, d.precision = t.value[:7] if t.precision == "quarter" else t.value, \
            "month" if t.precision == "quarter" else t.precision
    return True


def begun(view: View, h: Hit, subj: list[Mention]) -> bool:
    """"bắt đầu chuyến thăm" (event_cues kind begun): an act begun as it is reported, not one
    announced for later; a later day in its clause is its span or another act's."""
    left = subj[-1].end if subj and subj[-1].end <= h.head else h.clause[0]
    return bool(view.cues_in(left, h.start, "begun", "before"))   # "bắt đầu" may be the light verb (head)


def partial(d: Draft) -> str | None:
    """An act its own time dates to a day or month of no known year ("Sáng 30-5, ... hội đàm" in an
    article nothing dates): what that time says (TimeExpr.partial, "--05-30"), while the act has no date."""
    return d.time.partial if d.date is None and d.time is not None and d.time.value is None \
        and d.planned is None else None   # a plan's day is its span's, not the day it was announced


def _offset(view: View, h: Hit, t: TimeExpr | None) -> tuple[int, str] | None:
    """The offset right before the trigger, in its clause, after the time that dates it ("Ngày
    4-9, Iran hạ cấp quan hệ, một tuần sau khi Úc trục xuất đại sứ Iran": the expulsion, not the
    downgrade; "Ngày 30/4, hai ngày sau khi X thăm Y, Z lên tiếng": the visit, not Z's words). One
    without "khi" opening its sentence tells what came later ("Một tuần sau ông X tuyên bố ...")."""
    found = [o for o in offsets(view.text, view.start, h.start)
             if not re.search(r"[,;:()]", view.text[o[1]:h.start]) and (t is None or t.end <= o[0])
             and (o[4] or view.text[view.start:o[0]].strip(" \"“'"))]
    return found[-1][2:4] if found else None


def shifted(value: str, precision: str, n: int, unit: str) -> tuple[str | None, str | None]:
    """`value` (at `precision`) moved by n units: at the day when both are days, else the month
    or year the moved span lies in (a week is a week give or take three days)."""
    lo = date.fromisoformat(value + "-01-01"[len(value) - 4:] if len(value) < 10 else value)
    hi = lo if precision == "day" else _end(lo, precision)
    if unit == "year":      # "hai năm sau khi": the year, not a month of it
        lo, hi = date(lo.year + n, 1, 1), date(hi.year + n, 12, 31)
    elif unit == "month":
        lo, hi = _months(lo, n), _end(_months(hi, n), "month")
    else:
        days = n * (7 if unit == "week" else 1)
        pad = 3 if unit == "week" else 0
        lo, hi = lo + timedelta(days=days - pad), hi + timedelta(days=days + pad)
    if lo == hi:
        return lo.isoformat(), "day"
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.year:04d}-{lo.month:02d}", "month"
    return (f"{lo.year:04d}", "year") if lo.year == hi.year else (None, None)


def _months(d: date, k: int) -> date:
    n = d.year * 12 + d.month - 1 + k
    return date(n // 12, n % 12 + 1, 1)


def _end(d: date, precision: str) -> date:
    if precision == "year":
        return date(d.year, 12, 31)
    return date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])


def episode_dates(drafts: list[Draft]) -> None:
    """An event its sentence does not date takes the date the article gave that episode: the
    nearest event before it of the same type that a time of its own dates and
    that has every person it names ("Sau cuộc hội kiến với Chủ tịch X, ông ..." is the meeting
    dated "Sáng 6/11" above; the traveller alone does not make the trip's talks one episode). The
    headline's event takes the date the lead gives it ("Tổng Bí thư bắt đầu thăm Trung Quốc" is the
    visit "ngày 14-17/4" below, not the day of arrival that dates the lead), when it says it as precisely."""
    dated = [o for o in drafts if o.time is not None and o.time.value and o.planned is None
             and not o.reference and o.date]
    if not dated:
        return
    for k, d in enumerate(drafts):
        if d.time is not None or d.planned is not None:
            continue
        mine = {p.name for p in d.actors + d.recipients if p.kind == "person"}
        if not mine:
            continue
        fits = [o for o in dated if o.type == d.type and mine <= {p.name for p in o.actors + o.recipients if p.kind == "person"}]
        before = [o for o in fits if o.hit.start < d.hit.start]
        if not before and d.sentence.index == 0:   # the headline: its story as the lead tells it
            before = [o for o in fits if o.sentence.index <= HEADLINE_LEAD and len(o.date) >= len(d.date or "")][:1]
        if before and not within_span(d, before[-1]):
            o = before[-1]
            d.date, d.precision = o.date, o.precision


def within_span(d: Draft, o: Draft) -> bool:
    """A meeting told with no time of its own, on a day (its lead's) within the span of the visit
    it belongs to ("đang thăm chính thức Australia từ ngày 14 đến 18/3"; "Tại cuộc họp báo chung, ..."
    in an article of the 15th): some day of that visit, the one the lead says, not the visit's first."""
    t = o.time
    return d.time is None and d.hit.trigger.cameo != VISIT_CAMEO and t is not None and t.kind == "range" \
        and t.precision == "day" and bool(t.value and t.value_end and d.date) and d.precision == "day" \
        and t.value < d.date <= t.value_end


def announced(drafts: list[Draft], article: Article, lead: tuple) -> None:
    """A plan is dated when it was announced, an act begun as it is reported when it began: one its
    text dates only by the month of a report published on a known day (no day in its lead: "Tổng Bí
    thư sắp thăm Bulgaria", "Chủ tịch Cuba bắt đầu thăm Việt Nam") is the news of that day."""
    if lead[1] != "month" or article.published_precision != "day" or not article.published \
            or not article.published.startswith(lead[0]):
        return
    for d in drafts:
        if (d.planned is not None or d.begun) and (d.date, d.precision) == lead:
            d.date, d.precision = article.published, "day"


def restated(text: str, times: list[TimeExpr]) -> list[TimeExpr]:
    """"Cách đây đúng ba năm (tháng 5-2016)": a time said again in the parentheses right after it,
    more precisely and within it, is one time with the precise value."""
    keep: list[TimeExpr] = []
    for t in times:
        a = keep[-1] if keep else None
        if a is not None and a.sentence == t.sentence and a.value and t.value and a.kind == t.kind == "point" \
                and text[a.end:t.start].strip() == "(" and text[t.end:t.end + 1] == ")" \
                and time_stage.RANK[t.precision] < time_stage.RANK[a.precision] and t.value.startswith(a.value):
            keep[-1] = replace(a, end=t.end + 1, surface=text[a.start:t.end + 1], value=t.value, precision=t.precision)
        else:
            keep.append(t)
    return keep


def home_clock(text: str, times: list[TimeExpr]) -> list[TimeExpr]:
    """"Chiều 29-3 (giờ địa phương, tức sáng 30-3, giờ Hà Nội)": where an article tells the local
    time of its acts, a time told on Vietnam's clock is a local one said again (the act's day is the
    local one: the gold's reading), and dates nothing of its own."""
    zones = clock_zones()
    if not times or not zones["local"].search(text):
        return times
    return [t for t in times if not zones["home"].match(text, t.end)]


def _governed(view: View, h: Hit, t: TimeExpr) -> bool:
    """A time inside what a governing verb governs dates that content, not the verb: "hủy chuyến
    thăm Anh tháng tới" cancels now a visit of next month (a time closing the clause still dates
    the act: "... bác bỏ cáo buộc này hôm 5/3.")."""
    return h.trigger.type in GOVERNING and not h.nominal and t.start >= h.end and \
        bool(view.text[t.end:h.clause[1]].strip(" .;)\"”"))


def _said(view: View, h: Hit, t: TimeExpr) -> bool:
    """A time after a verb of speech that follows a noun of the act dates what was said, not the act:
    "Ngày 12/2, Bộ trưởng X trong chuyến thăm Iraq cho biết, ông hy vọng IS sẽ bị đánh bật ... vào
    cuối năm nay"."""
    return h.nominal and t.start >= h.end and bool(view.cues_in(h.end, t.start, "reported"))


def _subordinate(view: View, h: Hit, t: TimeExpr) -> bool:
    """A time after the trigger in a clause that tells an act before or after it (event_cues kind
    sequence) dates that clause's act, not the trigger's: "lần đầu ông thăm chính thức Việt Nam sau khi
    tái đắc cử tháng 5-2018"."""
    return t.start >= h.end and bool(view.cues_in(h.end, t.start, "sequence"))


def _arrival(view: View, h: Hit, article: Article) -> TimeExpr | None:
    """The day a visit begun with a later day of its own ("đã đến Việt Nam chiều 26-8, bắt đầu chuyến
    thăm chính thức tới ngày 28-8": the day it ends) began: the last day told before the trigger in its
    sentence, not ahead of the report."""
    days = [t for t in view.times if t.end <= h.start and t.value and t.precision == "day" and t.kind == "point"
            and t.tense != "future" and not time_stage.is_term(t)
            and not (article.published and t.value > article.published)]
    return days[-1] if days else None


def _unit_range(t: TimeExpr) -> bool:
    """A range named by a unit word ("tuần trước"), not by its days ("từ ngày 21 đến 24/3")."""
    return not any(c.isdigit() for c in t.surface)


def _clause_time(view: View, h: Hit) -> TimeExpr | None:
    """A time of the trigger's clause that time_of did not tie to it, else the time that dates
    its sentence: the last one before the trigger ("Năm 1978, với sự trung gian của Pháp, đã diễn
    ra ..."). A time after a request or an agreement is what it asks or agrees to ("đề nghị ...
    thông qua trong năm 2019"), and a term of office ("nhiệm kỳ 2016-2021") dates nothing. A day of no
    known year (undated: "Ngày 2-2, ... làm việc với X ... về vụ ... vào tháng 3-2017") is still the
    nearest: the act keeps no date rather than the farther time's."""
    a, b = h.clause
    usable = [t for t in view.times if (t.value or t.partial) and not time_stage.is_term(t)
              and (not view.bracketed(t) or _closes(view, t, h)) and not _said(view, h, t)
              and not _subordinate(view, h, t)]
    if h.trigger.type in event_types.governing():
        usable = [t for t in usable if t.end <= h.head]
    own = [t for t in usable if a <= t.start and t.end <= b]
    if own:
        return min(own, key=lambda t: abs(t.start - h.start))
    before = [t for t in usable if t.end <= h.head]
    return before[-1] if before else None


def _closes(view: View, t: TimeExpr, h: Hit) -> bool:
    """A time in parentheses that closes the trigger's clause dates the act ("đã ký tuyên bố tầm
    nhìn chung ... (tháng 10/2017)."), not a word before it."""
    return not view.quoted(t.start) and h.end <= t.start and t.end < h.clause[1] + 2 and \
        not view.text[t.end:h.clause[1]].strip(" )].,;")


def _announced_on(view: View, t: TimeExpr, article: Article) -> tuple | None:
    """The day a plan was announced, when its sentence opens with it: "Ngày 7/5, Nhà Trắng thông báo
    ông X sẽ tới Mỹ trong tuần này" (a past day, not after the report)."""
    first = next(iter(view.times), None)
    if first is None or first is t or first.kind != "point" or first.precision != "day" or not first.value \
            or first.tense == "future" or (article.published and first.value > article.published) \
            or view.text[first.end:first.end + 1] != "," or view.text[view.start:first.start].strip(" \"“'"):
        return None
    return first.value, "day"


def _as_plan(h: Hit, d: Draft, span: dict | None, lead: tuple) -> None:
    """The act announced for later: an AGREE dated when it was announced, its span `planned`."""
    if span is not None:
        d.planned = span
    d.type, d.mode, d.reference = "AGREE", None, False
    d.cameo = PLAN_CAMEO.get(h.trigger.type, "030")
    d.date, d.precision = lead


def partial_plan(t: TimeExpr) -> dict | None:
    """The span of a time of no known year, in ISO 8601's reduced form: "21-24/3" is "--03-21" to
    "--03-24", "8/2" starts on "--02-08" (None when it names no day or month)."""
    return None if t.partial is None else {"start": t.partial, "end": time_stage.partial(t.surface, end=True)}


def plan_of(t: TimeExpr) -> dict:
    return {"start": t.value, "end": t.value_end if t.kind == "range" else None}


def is_future(t: TimeExpr, lead: tuple, article: Article, cued: bool) -> bool:
    if t.value is None:
        return False
    if t.tense is not None:
        return t.tense == "future"
    if not article.published and article.period and t.value > article.period[1][:len(t.value)]:
        return True    # undated: later than every day the text's bounds allow the article is ahead
    if not article.published and not cued:
        return False   # undated: a later day than the text's first one is the story going on, not a plan
    ref = article.published if article.published_precision == "day" else lead[0]
    if not ref:
        return False
    n = min(len(ref), len(t.value))
    # cued ("sẽ", "lên đường"): a day within the reference period, or the very day of the
    # announcement ("Sáng 16.11, Thủ tướng lên đường thăm ..."), is the plan's day
    return t.value[:n] > ref[:n] or (cued and t.value[:n] == ref[:n] and (
        len(t.value) > len(ref) or len(ref) == len(t.value) == 10 and t.precision == "day"))
