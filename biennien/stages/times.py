"""Vietnamese time expressions, normalised against the publication date.

"Chiều nay (9/1)", "vào tháng 11 tới", "quý I-2025", "từ ngày 22 đến 23/10", "thứ Hai tuần tới",
"dịp Tết Nguyên đán" become ISO values at their precision (`2025-01-09`, `2024-11`; a quarter is
the range `2025-01`..`2025-03`). The words are rows of resources/vi/date_words.tsv and
date_holidays.tsv; the code knows only shapes (a unit word before a number, a part of the day
before a date...), compiled once into one grammar that is tried only near cheap cores.

Without its own year an expression is resolved against the anchor (`Article.published` at its
precision): the nearest candidate, unless the text says which way ("hôm 9/7", "tháng 5 vừa qua":
past; "ngày 23/10 tới": future) or the caller prefers a side. Without an anchor only expressions
with their own year get a value; the others come with value None, a day or month with what it says
(`partial`: "--05-30"). Durations ("60 năm", "3 tháng tới") and fractions ("1/2 số") are not returned.

API for the events and roles stages:
  find(article, sentences) -> [TimeExpr]   every expression in text order, resolved with no
      preference; `tense` says which way an anchor-relative one went (None: it holds the anchor,
      or it has its own year).
  resolve(t, anchor, anchor_precision, prefer) -> TimeExpr   `t` resolved again with
      prefer="future" (plans: "sẽ", "dự kiến") or "past" (what happened): a day/month, month,
      quarter, weekday or lunar holiday without a year goes to that side when it lies within
      WINDOW_DAYS of the anchor; words of the text ("hôm", "tới") still win.
  evaluate(surface, anchor, anchor_precision, prefer) -> (value, precision, kind, value_end, tense)
      the same for a string such as "sáng 9/10".
"""
from __future__ import annotations

import bisect
import calendar
import functools
import re
from dataclasses import replace
from datetime import date, timedelta

from .. import settings
from ..lexicon.dates import CONNECTORS, TOKEN, _grammar, _Lexicon, Spec as _Spec, parse as _parse
from ..records import Article, Sentence, TimeExpr

WINDOW_DAYS = settings.get("times", "window_days")  # how far `prefer` reaches for a date without a year (~9 months)
WEEKDAY_WINDOW = settings.get("times", "weekday_window")
RANK = {"day": 0, "month": 1, "quarter": 2, "year": 3}
YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
Interval = tuple[date, date]
Anchor = tuple[date, date, str]
Result = tuple               # (value, precision, kind, value_end, tense)
NOTHING: Result = (None, None, "point", None, None)

# ---- resolution against the anchor --------------------------------------------------------------

def _anchor(value: str | None, precision: str | None) -> Anchor | None:
    """The anchor as an interval with its precision; None when there is no usable anchor."""
    try:
        parts = [int(p) for p in (value or "")[:10].split("-")]
        if len(parts) == 3 and precision in (None, "day"):
            return date(*parts), date(*parts), "day"
        if len(parts) >= 2 and precision in (None, "day", "month"):
            return (*_month(parts[0], parts[1]), "month")
        return (date(parts[0], 1, 1), date(parts[0], 12, 31), "year") if parts else None
    except (ValueError, TypeError):
        return None


def _month(y: int, m: int) -> Interval:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _day(y: int, m: int, d: int) -> Interval | None:
    try:
        return date(y, m, d), date(y, m, d)
    except ValueError:
        return None


def _pick(cands: list, anc: Anchor | None, hint: str | None, prefer: str | None, window: int) -> Interval | None:
    """The candidate the text's hint or the caller's preference asks for, else the nearest."""
    cands = sorted(c for c in cands if c)
    if len(cands) <= 1 or anc is None:
        return cands[0] if len(cands) == 1 else None
    a0, a1 = anc[0], anc[1]

    def dist(c: Interval) -> int:
        return (c[0] - a1).days if c[0] > a1 else (a0 - c[1]).days if c[1] < a0 else 0

    after, before = [c for c in cands if c[1] >= a0], [c for c in cands if c[0] <= a1]
    if hint in ("future", "past"):
        side = after[:1] if hint == "future" else before[-1:]
        return side[0] if side else None
    if prefer == "future" and after and dist(after[0]) <= window:
        return after[0]
    if prefer == "past" and before and dist(before[-1]) <= window:
        return before[-1]
    return min(cands, key=lambda c: (dist(c), c[0] > a1))  # nearest; a tie goes to the past


def _years(s: _Spec, anc: Anchor | None) -> list[int]:
    if s.y is not None or not anc:
        return [s.y] if s.y is not None else []
    if s.cycle is not None:                                            # the nearest year of that name
        y = anc[0].year - (anc[0].year - 4 - s.cycle) % 60
        return [y + 60 if anc[0].year - y > 30 else y]
    if s.yoff is not None:
        return [anc[0].year + s.yoff]
    return [anc[0].year] if anc[2] == "year" else [anc[0].year - 1, anc[0].year, anc[0].year + 1]


def _shift(anc: Anchor, s: _Spec) -> tuple[Interval, str] | None:
    """The interval `s.off` units away from the anchor, when the anchor is precise enough."""
    a, prec, unit, off = anc[0], anc[2], s.unit or "day", s.off or 0
    if RANK.get(unit, 0) < RANK[prec]:
        return ((anc[0], anc[1]), prec) if off == 0 else None
    if unit == "day":
        return (a + timedelta(days=off),) * 2, "day"
    if unit == "week":
        monday = a - timedelta(days=a.weekday()) + timedelta(weeks=off)
        if s.wd is not None:
            return (monday + timedelta(days=s.wd),) * 2, "day"
        return (monday, monday + timedelta(days=6)), "day"
    n = a.year * 12 + a.month - 1 + (off if unit == "month" else 3 * off if unit == "quarter" else 12 * off)
    if unit == "month":
        return _month(n // 12, n % 12 + 1), "month"
    if unit == "quarter":
        first = n // 12, n % 12 // 3 * 3 + 1
        return (date(*first, 1), _month(first[0], first[1] + 2)[1]), "quarter"
    return (date(n // 12, 1, 1), date(n // 12, 12, 31)), "year"


def _interval(s: _Spec, anc: Anchor | None, prefer: str | None) -> tuple[Interval, str, bool] | None:
    """(interval, precision, anchored) of one point; None when it cannot be known."""
    if s.now:
        return ((anc[0], anc[1]), anc[2], True) if anc else None
    if s.dec is not None:
        return (date(s.dec, 1, 1), date(s.dec + 9, 12, 31)), "year", False
    if s.unit and s.d is None and (s.wd is None or s.unit == "week"):   # "tuần tới", "thứ Hai tuần tới"
        got = _shift(anc, s) if anc else None
        return (*_apply_part(*got, s.part), True) if got else None
    around, window, prec = anc, WINDOW_DAYS, "day"
    dates = _grammar()["lx"].holidays.get(s.hol, []) if s.hol and s.d is None else []
    if dates and len(dates[0]) == 5:                                   # a fixed holiday, MM-DD
        s.m, s.d = int(dates[0][:2]), int(dates[0][3:])
    if dates and s.d is None:                                          # a lunar one: a row per year
        years = _years(s, anc)
        cands = [_day(*map(int, x.split("-"))) for x in dates if int(x[:4]) in years]
        if not cands and len(years) == 1 and (s.y is not None or s.cycle is not None):
            cands, prec = [(date(years[0], 1, 1), date(years[0], 12, 31))], "year"   # no row: the year
    elif s.d is not None:
        if s.unit == "day" and anc and anc[2] == "day":                # "chiều nay (9/1)": near today
            around = (anc[0] + timedelta(days=s.off or 0),) * 2 + ("day",)
        cands = [_day(y, s.m, s.d) for y in _years(s, around)]
    elif s.wd is not None:                                             # "thứ Sáu": this week or next
        if not anc or anc[2] != "day":
            return None
        base = anc[0] + timedelta(days=s.wd - anc[0].weekday())
        cands, window = [(base + timedelta(weeks=k),) * 2 for k in (-1, 0, 1)], WEEKDAY_WINDOW
    elif s.m is not None or s.q is not None:
        first, last = (s.m, s.m) if s.m is not None else (s.q * 3 - 2, s.q * 3)
        cands, prec = [(date(y, first, 1), _month(y, last)[1]) for y in _years(s, anc)], "month" if s.m else "quarter"
    else:
        cands, prec = [(date(y, 1, 1), date(y, 12, 31)) for y in _years(s, anc) if s.hol is None], "year"
    got = _pick(cands, around, s.hint, prefer, window)
    return (*_apply_part(got, prec, s.part), s.y is None) if got else None


def _apply_part(iv: Interval, prec: str, part: tuple[int, int] | None) -> tuple[Interval, str]:
    """Narrow a month to days ("trung tuần tháng 11") or a year to months ("6 tháng đầu năm")."""
    if not part or prec not in ("month", "year"):
        return iv, prec
    (lo, hi), y, m = part, iv[0].year, iv[0].month
    if prec == "month":
        last = calendar.monthrange(y, m)[1]
        return (date(y, m, min(lo, last)), date(y, m, min(hi, last))), "day"
    return ((date(y, lo, 1), _month(y, hi)[1]), "month") if 1 <= lo <= hi <= 12 else (iv, prec)


def _fmt(d: date, prec: str) -> str:
    return d.isoformat() if prec == "day" else f"{d.year:04d}" if prec == "year" else f"{d.year:04d}-{d.month:02d}"


def _tense(iv: Interval, anc: Anchor | None) -> str | None:
    return None if anc is None else "past" if iv[1] < anc[0] else "future" if iv[0] > anc[1] else None


def _point(s: _Spec, anc: Anchor | None, prefer: str | None) -> Result:
    got = _interval(s, anc, prefer)
    if got is None:
        return NOTHING
    (start, end), prec, anchored = got
    value, value_end, tense = _fmt(start, prec), _fmt(end, prec), _tense((start, end), anc) if anchored else None
    return (value, prec, "range", value_end, tense) if value != value_end else (value, prec, "point", None, tense)


def _yearless(s: _Spec) -> bool:
    return (s.m is not None or s.q is not None) and s.y is None and s.yoff is None and s.unit is None


def _span(a: _Spec, b: _Spec, anc: Anchor | None, prefer: str | None) -> Result | None:
    """A range; each end takes the year the other states. None if it ends before it starts."""
    fixed = ""
    if _yearless(a) and b.y is not None:
        a.y, fixed = b.y, "a"
    ra = _interval(replace(a), anc, prefer)
    if ra and _yearless(b) and (a.m is not None or a.q is not None):
        b.y, fixed = ra[0][0].year, "b"
    rb = _interval(replace(b), anc, prefer)
    if ra and rb and rb[0][1] < ra[0][0] and fixed:                    # "30/12 đến 2/1": a new year
        if fixed == "a":
            a.y -= 1
            ra = _interval(replace(a), anc, prefer)
        else:
            b.y += 1
            rb = _interval(replace(b), anc, prefer)
    if ra and rb and rb[0][1] < ra[0][0]:
        return None
    prec = max((r[1] for r in (ra, rb) if r), key=RANK.__getitem__, default=None)
    tense = _tense((ra[0][0], rb[0][1]), anc) if ra and rb and (ra[2] or rb[2]) else None
    return _fmt(ra[0][0], prec) if ra else None, prec, "range", _fmt(rb[0][1], prec) if rb else None, tense


# ---- matching ---------------------------------------------------------------------------------

def _range(m: re.Match, lx: _Lexicon, a: _Spec | None, anc: Anchor | None, prefer: str | None) -> Result | None:
    """The range of a match with a tail ("từ ngày 22 đến 23/10", "2016 - 2020"), or None."""
    b = _parse(m, "__b", lx, "") if m.group("P_b") else _Spec(now=True)
    starts, sep = bool(m.group("r_f") or m.group("r_w")), m.group("r_sep")
    if b is None or (sep and (lx.row("range_sep", sep) or {}).get("scope") == "day" and not m.group("ra_d")):
        return None
    if m.group("ra_d"):                                                # "ngày 22 đến 23/10"
        if not ((starts or m.group("ra_l")) and b.d is not None and int(m.group("ra_d")) <= b.d):
            return None
        a = _Spec(y=b.y, m=b.m, d=int(m.group("ra_d")), yoff=b.yoff, hint=b.hint)
    elif m.group("ra_now"):
        if not m.group("r_f") or b.now:
            return None
        a = _Spec(now=True)
    elif a is None or (a.bare and not a.bare_year and not starts):
        return None
    elif (a.bare_year or b.bare_year) and not (a.y is not None and b.y is not None and a.y < b.y <= a.y + 50
                                               and None is a.m is b.m is a.q is b.q) and not (b.now and starts):
        return None                                                    # "2016 - 2020", "từ 2016 đến nay"
    return _span(a, b, anc, prefer)


def _evaluate(m: re.Match, text: str, anc: Anchor | None, prefer: str | None,
              licensed: bool) -> tuple[int, int, Result] | None:
    """(start, end, result) of a match, or None when it is not a time expression after all."""
    gr = _grammar()
    lx = gr["lx"]
    a = _parse(m, "", lx, text[max(0, m.start("P") - 12):m.start("P")]) if m.group("P") else None
    if m.group("tail"):
        got = _range(m, lx, replace(a) if a else None, anc, prefer)
        if got:   # "từ ngày 22 đến 23/10" keeps its "từ"; "vào ngày 5-6/4" loses its "vào"
            return next(m.start(n) for n in ("r_w", "r_f", "P", "ra_now", "ra_l", "ra_d") if m.group(n)), m.end(), got
    if a is None or a.dotted and not licensed:
        return None
    if a.bare and not licensed:
        prep = m.group("prep") or m.group("r_f")
        if not prep or not (lx.row("prep", prep, "date") or a.bare_year) or not _ends(a, m, text, gr):
            return None
    return m.start("P"), m.end("P"), _point(a, anc, prefer)


def _ends(spec: _Spec, m: re.Match, text: str, gr: dict) -> bool:
    """A bare "25-7" after "từ" is a date when a clause boundary follows, not in "từ 3-4 người"."""
    if spec.bare_year or "-" not in m.group("P"):
        return True
    rest = text[m.end("P"):m.end("P") + 20].lstrip(" \t\xa0")
    return not rest or not rest[0].isalnum() or rest[0].isupper() or bool(gr["follow"].match(rest))


def _at(gr: dict, text: str, lo: int, c: int, hi: int, anc: Anchor | None):
    """The expression over the core at c, starting leftmost in the run of date words before it:
    (start, end, result); (start, end, None) for a holiday name to skip whole; or None."""
    run = []
    for t in reversed(list(TOKEN.finditer(text, lo, c))):
        word = t.group()
        if not (word in CONNECTORS or word.isdigit() or word.lower() in gr["vocabulary"]):
            break
        run.append(t.start())
    skip = None
    for i in [*reversed(run), c]:
        if i != c and not (text[i] == "(" or TOKEN.match(text, i, c).group().lower() in gr["starters"]):
            continue
        m = gr["master"].match(text, i, hi)
        if m is None or m.end() <= c:
            continue
        try:
            got = _evaluate(m, text, anc, None, False)
        except (ValueError, OverflowError, TypeError):
            got = None
        if got is not None:
            return got
        if m.group("hol") and not m.group("tail"):
            skip = (i, m.end(), None)
    return skip


# ---- API --------------------------------------------------------------------------------------

def find(article: Article, sentences: list[Sentence]) -> list[TimeExpr]:
    """Every time expression in the given sentences, resolved against the publication date. Cheap
    first: two scans find cores (a date number; "tháng trước", "hôm qua", "thứ Hai", "Tết"); the grammar
    is only tried at the few word starts just before a core: a sentence without one costs no more."""
    text = article.text or ""
    gr = _grammar()
    cores = [m.start() for m in gr["digits"].finditer(text)] + [m.start() + 1 for m in gr["cores"].finditer(text)]
    cores += [s.start for s in sentences if 0 <= s.start < len(text) and gr["cores_at"].match(text, s.start)]
    if not cores:
        return []
    cores.sort()
    sentences = sorted(sentences, key=lambda s: s.start)
    starts = [s.start for s in sentences]
    anc, out, pos = _anchor(article.published, article.published_precision), [], 0
    for c in cores:                                                    # each core in its sentence
        k = bisect.bisect_right(starts, c) - 1
        if k < 0 or c >= sentences[k].end or c < pos:
            continue
        s = sentences[k]
        got = _at(gr, text, max(pos, s.start, c - 48), c, min(len(text), s.end), anc)
        if got:
            a, pos, result = got
            if result is not None:
                out.append(TimeExpr(article.doc_id, s.index, a, pos, text[a:pos], *result))
    out = _shared_years(text, _same_days(text, sentences, starts, out, gr), gr) if out else out
    return out if anc else [t if t.value else replace(t, partial=partial(t.surface)) for t in out]


def _shared_years(text: str, out: list[TimeExpr], gr: dict) -> list[TimeExpr]:
    """"Tháng 4 và tháng 10 năm 1990": a date with no year of its own, joined to the next one
    that has one, is in that year (not the one nearest the publication date)."""
    lx = gr["lx"]
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        gap = " ".join(text[a.end:b.start].split()).lower()
        if a.sentence != b.sentence or not lx.row("year_shared", gap) or a.precision not in ("day", "month") \
                or YEAR.search(a.surface) or not b.value or not YEAR.search(b.surface):
            continue
        value, precision, kind, value_end, _ = evaluate(a.surface, b.value[:4], "year")
        if value and value[:4] == b.value[:4] and precision == a.precision:
            out[i] = replace(a, value=value, precision=precision, kind=kind, value_end=value_end, tense=None)
    return out


def _same_days(text: str, sentences: list[Sentence], starts: list[int], out: list[TimeExpr],
               gr: dict) -> list[TimeExpr]:
    """"Chiều cùng ngày", "hôm sau": a day counted from the last day the text named before it
    (a point at day precision), not from the publication date; none named before, no date. The
    day after a day the text tells of is told too ("bị bắt vào sáng sớm hôm sau"), never a plan,
    unless the day it counts from lies ahead."""
    if not gr["same_cue"].search(text.casefold()):   # cheap first: most texts have no "hôm sau", "cùng ngày"
        return out
    found = []
    firsts = [t.start for t in out]
    for m in gr["same"].finditer(text):
        i = bisect.bisect_right(firsts, m.start()) - 1
        if i >= 0 and out[i].end > m.start() or i + 1 < len(out) and out[i + 1].start < m.end():
            continue                                                   # inside an expression found already
        prev = next((t for t in reversed(out[:i + 1]) if t.precision == "day" and t.kind == "point" and t.value), None)
        k = bisect.bisect_right(starts, m.start()) - 1
        if prev is None or k < 0 or m.end() > sentences[k].end:
            continue
        off = int(gr["lx"].value("day_same", m.group("same")) or 0)
        day = date.fromisoformat(prev.value) + timedelta(days=off)
        tense = prev.tense if prev.tense == "future" or off <= 0 else "past"   # the sequel of a told day is told
        found.append(TimeExpr(prev.doc_id, sentences[k].index, m.start(), m.end(), m.group(), day.isoformat(), "day",
                              tense=tense))
    return sorted(out + found, key=lambda t: t.start) if found else out


def evaluate(surface: str, anchor: str | None, anchor_precision: str | None = None,
             prefer: str | None = None) -> Result:
    """(value, precision, kind, value_end, tense) of one expression's text."""
    text = " ".join(surface.split())
    m = _grammar()["master"].fullmatch(text)
    try:
        got = _evaluate(m, text, _anchor(anchor, anchor_precision), prefer, True) if m else None
    except (ValueError, OverflowError, TypeError):
        got = None
    return got[2] if got and got[1] == len(text) else NOTHING


@functools.lru_cache(maxsize=settings.get("caches", "partial_dates"))   # an undated feed asks it of every date: "30-5", "tháng 11" recur
def partial(surface: str, end: bool = False) -> str | None:
    """A day or month said without a year in ISO 8601's reduced form ("30-5": "--05-30", "tháng 11": "--11"), or with `end` a range's last ("21-24/3": "--03-24")."""
    v, p, kind, last, _ = evaluate(surface, "1600", "year")   # 1600: a leap year no text's number and no lunar row (date_holidays) names
    v = (last if kind == "range" else None) if end else v
    return f"-{v[4:]}" if v and v[:4] == "1600" and p in ("day", "month") else None


def resolve(t: TimeExpr, anchor: str | None, anchor_precision: str | None = None,
            prefer: str | None = None) -> TimeExpr:
    """A copy of `t` resolved again, preferring the past or the future (see the module docstring)."""
    value, precision, kind, value_end, tense = evaluate(t.surface, anchor, anchor_precision, prefer)
    return replace(t, value=value, precision=precision, kind=kind, value_end=value_end, tense=tense)


def is_term(t: TimeExpr) -> bool:
    """A span named as a term or period ("nhiệm kỳ 2016-2021", "giai đoạn 2021-2025"): it dates
    an office or a programme, never an event."""
    words = t.surface.lower().split()
    lx = _grammar()["lx"]
    return any(lx.row("range_word", " ".join(words[:n])) for n in (1, 2))
