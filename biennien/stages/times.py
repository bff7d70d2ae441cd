"""Vietnamese time expressions, normalised against the publication date.

"Chiều nay (9/1)", "vào tháng 11 tới", "quý I-2025", "từ ngày 22 đến 23/10", "thứ Hai tuần tới",
"dịp Tết Nguyên đán" become ISO values at their precision (`2025-01-09`, `2024-11`, a range
`2025-01`..`2025-03`). The words are rows of resources/vi/date_words.tsv and date_holidays.tsv;
the code knows only the shapes (a unit word before a number, a part of the day before a date...).

An expression without its own year is resolved against the anchor (`Article.published` at its
precision): the candidate nearest to it, unless the text says which way ("hôm 9/7", "tháng 5 vừa
qua" are past; "ngày 23/10 tới" is future) or the caller prefers a side. Without an anchor only
expressions carrying their year get a value; the others are returned with value None. Durations
("60 năm", "3 tháng tới") and fractions ("1/2 số") are not returned.

API for the events and roles stages:
    find(article, sentences) -> list[TimeExpr]     every expression, in text order, no preference;
        `tense` says which way an anchor-relative one went (None: contains the anchor / has a year).
    by_sentence(times) -> {sentence index: [TimeExpr]};  in_sentence(times, index) -> [TimeExpr]
    resolve(t, anchor, anchor_precision, prefer) -> TimeExpr
        `t` resolved again: prefer="future" for plans ("sẽ", "dự kiến"), "past" for what happened.
        A day/month, month, quarter, weekday or lunar holiday without a year goes to that side when
        it lies within WINDOW_DAYS of the anchor; words of the text ("hôm", "tới") still win.
    normalise(surface, anchor, anchor_precision, prefer) -> (value, precision, kind, value_end)
        the same for a bare string ("sáng 9/10", "quý I-2025"); evaluate() adds the tense.
"""
from __future__ import annotations

import bisect
import calendar
import functools
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .. import resources
from ..records import Article, Sentence, TimeExpr

WINDOW_DAYS = 275            # how far `prefer` reaches for a date without a year (~9 months)
WEEKDAY_WINDOW = 6
SP, OSP = r"[ \t\xa0]+", r"[ \t\xa0]*"
D = r"(?<![\d/.,])(?:0?[1-9]|[12]\d|3[01])"
M = r"(?:0?[1-9]|1[0-2])"
Y = r"(?:1[89]\d\d|20\d\d)"
END = r"(?![\w%]|[.,/]\d)"   # a number ends here: not "26,5", "15/2020/NĐ", "2024a"
RANK = {"day": 0, "month": 1, "quarter": 2, "year": 3}
TOKEN = re.compile(r"\w+|[^\w\s]")
CONNECTORS = frozenset("(),/-–—")


def _key(word: str) -> str:
    return " ".join(word.split()).lower()


def _trie(words) -> str:
    """One alternation of literal words as a trie (sre then tries one branch per character, not
    one per word); a space matches any run of spaces."""
    root: dict = {}
    for w in words:
        node = root
        for ch in " ".join(w.split()):
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [(SP if ch == " " else re.escape(ch)) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        body = "" if not alts else alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node and body else body
    return emit(root) or "(?!)"


def _words(words) -> str:
    return f"(?:{_trie(words)})(?!\\w)"


def _cased(names) -> str:
    """Names matched case-sensitively but for the first letter ("Quốc khánh", not "Quốc Khánh")."""
    by_first: dict[str, list[str]] = {}
    for n in names:
        by_first.setdefault(n[0].lower(), []).append(n[1:])
    return "(?:" + "|".join(f"[{re.escape(c.upper())}{re.escape(c)}](?-i:{_trie(rest)})"
                            for c, rest in sorted(by_first.items())) + ")(?!\\w)"


class _Lexicon:
    """The date words by kind: regex alternations, and lookups from the matched text."""

    def __init__(self) -> None:
        self.rows = resources.load("date_words")
        self.index: dict[tuple[str, str], list[dict]] = {}
        for r in self.rows:
            self.index.setdefault((r["kind"], _key(r["word"])), []).append(r)
        self.holidays: dict[str, list[str]] = {}
        self.alone: dict[str, bool] = {}
        same = {}
        for r in resources.load("date_holidays"):
            k = _key(r["name"])
            self.holidays.setdefault(k, []).extend([r["date"]] if r["date"] else [])
            self.alone[k] = r["alone"] == "yes"
            if r["same_as"]:
                same[k] = _key(r["same_as"])
        for k, target in same.items():
            self.holidays[k] = self.holidays.get(target, [])

    def words(self, kind: str, value: str | None = None) -> list[str]:
        return [r["word"] for r in self.rows if r["kind"] == kind and value in (None, r["value"])]

    def alt(self, kind: str, value: str | None = None, scope: str | None = None) -> str:
        return _words(r["word"] for r in self.rows if r["kind"] == kind and value in (None, r["value"])
                      and scope in (None, r["scope"] or ""))

    def row(self, kind: str, text: str | None, scope: str | None = None) -> dict | None:
        """The row of a matched word; with `scope`, one whose scope is empty or names it."""
        found = self.index.get((kind, _key(text or "")), [])
        if scope is not None:
            found = sorted((r for r in found if not r["scope"] or scope in r["scope"].split(",")),
                           key=lambda r: not r["scope"])
        return found[0] if found else None

    def value(self, kind: str, text: str | None, scope: str | None = None) -> str | None:
        r = self.row(kind, text, scope)
        return r["value"] if r else None


@functools.cache
def _grammar() -> dict:
    lx = _Lexicon()
    w = lx.alt
    pod, lead, now = w("part_of_day"), w("lead"), w("now")
    day, week, month, quarter, year = (w("unit", u) for u in ("day", "week", "month", "quarter", "year"))
    rel = rf"{w('unit_rel')}(?!{SP}{w('not_after')})"
    part_m, part_y = (_words(r["word"] for r in lx.rows if r["kind"] == "part" and r["scope"] in (None, u))
                      for u in ("month", "year"))
    boundary = rf"(?={OSP}(?:[,.;:!?)\]\"”\n]|$)|{SP}{w('hint_follow')})"
    hint = _trie(r["word"] for r in lx.rows if r["kind"] == "hint" and r["scope"] != "boundary")
    hint = rf"(?:{SP}(?P<{{p}}h{{x}}>(?:{hint})(?!\w)|{w('hint', scope='boundary')}{boundary}))?"
    holiday = _cased(r["name"] for r in resources.load("date_holidays"))

    def point(x: str) -> str:
        """One point in time; group names end with x so that a range can hold two."""
        def dmy(p: str) -> str:
            return (rf"(?:(?P<{p}d{x}>{D})(?:{OSP}/{OSP}|-)(?P<{p}m{x}>{M})(?:(?:{OSP}/{OSP}|-)(?P<{p}y{x}>{Y}))?"
                    rf"|(?P<{p}wd{x}>{D}){SP}{month}{SP}(?P<{p}wm{x}>{M}))"
                    rf"(?:{SP}{year}{SP}(?:(?P<{p}yy{x}>{Y})|(?P<{p}yo{x}>{rel})))?{END}")

        def dated(p: str) -> str:
            """A date after a weekday or "hôm nay": "(9/1)", ", 10/10/2024", " ngày 5/5"."""
            return (rf"(?:(?:{OSP}(?P<{p}po{x}>\(){OSP}|{OSP},{OSP}|{SP})(?:{day}{SP})?{dmy(p)}"
                    rf"(?({p}po{x}){OSP}\)))?")

        def yref(p: str) -> str:
            return rf"(?:{OSP}[/-]{OSP}(?P<{p}y{x}>{Y})|{SP}{year}{SP}(?:(?P<{p}y2{x}>{Y})|(?P<{p}r{x}>{rel})))?{END}"

        h = lambda p: hint.format(p=p, x=x)  # noqa: E731
        alts = {
            "rel": rf"(?:(?P<rel_pod{x}>{pod}){SP}(?:{day}{SP})?(?P<rel_s{x}>{w('day_rel_short')}|{w('day_rel')})"
                   rf"|(?P<rel_w{x}>{w('day_rel')})){dated('rel_')}",
            "wd": rf"(?:(?P<wd_l{x}>{pod}|{lead}){SP})?(?P<wd_n{x}>{w('weekday')})(?:{SP}{week}{SP}(?P<wd_r{x}>{rel}))?"
                  rf"{dated('wd_')}{h('wd_')}",
            "hol": rf"(?:(?P<hol_l{x}>{lead}){SP})?(?P<hol_n{x}>{holiday})(?:{SP}(?P<hol_yn{x}>{w('year_name')}))?"
                   rf"(?:(?:{OSP}(?P<hol_po{x}>\(){OSP}|{SP})(?:{dmy('hol_')}|(?:{year}{SP})?(?P<hol_yr{x}>{Y}){END})"
                   rf"(?(hol_po{x}){OSP}\)))?",
            "dm": rf"(?P<dm_l{x}>(?:(?:{lead}|{pod}){SP}){{1,2}})?(?:(?P<dm_po{x}>\(){OSP})?{dmy('dm_')}"
                  rf"(?(dm_po{x}){OSP}\)){h('dm_')}",
            "mon": rf"(?:(?P<mon_l{x}>{lead}){SP})?(?:(?P<mon_p{x}>{part_m}){SP})?{month}{SP}"
                   rf"(?:(?P<mon_m{x}>{M})|(?P<mon_w{x}>{w('month_name')})){yref('mon_')}{h('mon_')}",
            "q": rf"(?:(?P<q_p{x}>{w('part')}){SP})?{quarter}{SP}(?P<q_n{x}>{w('quarter_num')}){yref('q_')}",
            "yr": rf"(?:(?P<yr_l{x}>{lead}){SP})?(?:(?P<yr_p{x}>{part_y}){SP})?(?:{year}{SP}(?:(?P<yr_y{x}>{Y}){END}"
                  rf"|(?P<yr_r{x}>{rel}))|(?P<yr_b{x}>{Y}){END}){h('yr_')}",
            "dec": rf"(?:(?P<dec_p{x}>{w('part')}){SP})?{w('decade')}{SP}(?P<dec_y{x}>(?:19|20)\d0)(?!\d)",
            "u": rf"(?:(?P<u_p{x}>{w('part')}){SP}(?P<u_u{x}>{week}|{month}|{quarter}|{year})(?:{SP}(?P<u_r{x}>{rel}))?"
                 rf"|(?P<u_v{x}>{week}|{month}|{quarter}){SP}(?P<u_s{x}>{rel}))",
        }
        return "(?:" + "|".join(f"(?P<{k}{x}>{v})" for k, v in alts.items()) + ")"

    bare_day = rf"(?:(?P<ra_l>{lead}|{pod}){SP})?(?P<ra_d>{D})(?![\w/%]|[.,]\d)"
    tail = (rf"(?:{OSP}[-–—]{OSP}|{SP}(?P<r_sep>{w('range_sep')}){SP})"
            rf"(?:(?P<P_b>{point('__b')})|(?P<rb_now>{now}))")
    master = (rf"(?<!\w)(?:(?P<r_w>{w('range_word')}){SP})?(?:(?P<r_f>{w('range_from')}){SP})?"
              rf"(?:(?P<prep>{w('prep')}){SP})?(?:(?P<P>{point('')})|(?P<ra_now>{now})|{bare_day})(?P<tail>{tail})?")
    return {"lx": lx, "master": re.compile(master, re.I), "words": re.compile(" " + _nuclei(lx)),
            "words_at": re.compile(_nuclei(lx)), "starters": _vocabulary(lx, first=True),
            "digits": re.compile(rf"[0-9](?:[0-9]?{OSP}[/-]{OSP}[0-9]|[0-9]?{SP}(?:{_trie(_forms(lx.words('unit', 'month')))})|[0-9]{{3}})"),
            "vocabulary": _vocabulary(lx, first=False), "follow": re.compile(w("hint_follow"), re.I),
            "quantity": re.compile(rf"(?:\d|(?<!\w){w('quantity')}){OSP}$", re.I)}


def _forms(words) -> set[str]:
    return {f for w in words for f in (w, w[:1].upper() + w[1:])}


def _nuclei(lx: _Lexicon) -> str:
    """Cores that every expression without a date number contains ("tháng trước", "hôm qua",
    "thứ Hai", "Tết"), as written or capitalised: one cheap scan finds where to look."""
    rels, units = lx.words("unit_rel"), [u for k in ("week", "month", "quarter", "year") for u in lx.words("unit", k)]
    tails = {"week": rels, "month": rels + lx.words("month_name") + list("0123456789"),
             "quarter": rels + lx.words("quarter_num"), "year": rels + list("0123456789")}
    cores = {f"{u} {t}" for k, tail in tails.items() for u in _forms(lx.words("unit", k)) for t in tail}
    cores |= {f"{p} {u}" for p in _forms(lx.words("part")) for u in units}
    cores |= {f"{p} {d}" for p in _forms(lx.words("part_of_day")) for d in lx.words("day_rel_short") + lx.words("day_rel")}
    cores |= _forms(lx.words("day_rel") + lx.words("weekday") + [x.lower() for x in lx.words("weekday")])
    cores |= _forms(r["name"] for r in resources.load("date_holidays"))
    return _trie(cores)


def _vocabulary(lx: _Lexicon, first: bool) -> frozenset[str]:
    """Words an expression can start with (first=True), or contain before its core."""
    kinds = {"prep", "lead", "part_of_day", "part", "range_word", "range_from", "decade", "unit", "weekday",
             "day_rel", "day_rel_short", "now", "range_sep", "unit_rel", "month_name", "year_name", "quarter_num"}
    if first:
        kinds -= {"day_rel_short", "now", "range_sep", "unit_rel", "month_name", "year_name", "quarter_num"}
    words = [r["word"] for r in lx.rows if r["kind"] in kinds] + [r["name"] for r in resources.load("date_holidays")]
    return frozenset(t.lower() for w in words for t in (w.split()[:1] if first else w.split()))


@dataclass(slots=True)
class _Spec:
    """One point in time as written, before it meets the anchor."""

    y: int | None = None
    m: int | None = None
    d: int | None = None
    q: int | None = None
    unit: str | None = None       # relative to the anchor: unit and how many
    off: int | None = 0
    yoff: int | None = None       # the year relative to the anchor's ("tháng 12 năm ngoái")
    wd: int | None = None
    part: tuple[int, int] | None = None
    hol: str | None = None
    dec: int | None = None
    hint: str | None = None
    now: bool = False
    bare: bool = False            # a date only when licensed: "vào 9/10", "từ 2013", "(9/1)"
    bare_year: bool = False


def _parse(m: re.Match, x: str, lx: _Lexicon, before: str) -> _Spec | None:
    """The spec of the point whose groups end with x; None when the match is not a date."""
    def g(name: str) -> str | None:
        return m.group(name + x)

    s = _Spec()

    def dmy(p: str) -> bool:
        d, mo, y = g(p + "d") or g(p + "wd"), g(p + "m") or g(p + "wm"), g(p + "y") or g(p + "yy")
        if d and mo:
            s.d, s.m, s.y = int(d), int(mo), int(y) if y else s.y
            s.yoff = _rel(lx, g(p + "yo"), "year") if g(p + "yo") else None
        return bool(d and mo)

    def yref(p: str) -> None:
        y = g(p + "y") or g(p + "y2")
        s.y, s.yoff = (int(y), None) if y else (None, _rel(lx, g(p + "r"), "year") if g(p + "r") else None)

    def part(p: str, unit: str) -> bool:
        row = lx.row("part", g(p), unit) if g(p) else {"value": None}
        if row and row["value"]:
            s.part = tuple(map(int, row["value"].split("-")))  # type: ignore[assignment]
        return row is not None

    counted = bool(_grammar()["quantity"].search(before))
    s.hint = next((lx.value("hint", g(p + "h")) for p in ("wd_", "dm_", "mon_", "yr_") if g(p + "h")), None) or None
    lead = g("wd_l") or g("hol_l") or g("dm_l") or g("mon_l") or g("yr_l") or ""
    if any(lx.value("lead", word) == "past" for word in lead.split()):
        s.hint = "past"
    if g("rel"):
        word = g("rel_s") or g("rel_w")
        s.unit, s.off = "day", int(lx.value("day_rel_short", word) or lx.value("day_rel", word) or 0)
        dmy("rel_")
    elif g("wd"):
        row = lx.row("weekday", g("wd_n"))
        s.wd, s.unit, s.off = int(row["value"]), ("week" if g("wd_r") else None), _rel(lx, g("wd_r"), "week")
        alone = row["scope"] == "alone" or (row["scope"] == "cased" and g("wd_n").split()[-1][:1].isupper())
        if not (dmy("wd_") or g("wd_r") or alone) or s.off is None:
            return None
    elif g("hol"):
        s.hol = _key(g("hol_n"))
        dated = dmy("hol_")
        if g("hol_yr") or g("hol_yn"):
            s.y = int(g("hol_yr") or lx.value("year_name", g("hol_yn")))
        s.bare = not (lx.alone.get(s.hol) or g("hol_l") or dated or g("hol_yr"))
    elif g("dm"):
        dmy("dm_")
        s.bare = not (g("dm_l") or g("dm_po") or s.y)
    elif g("mon"):
        if g("mon_w") and not g("mon_w")[0].isupper():
            return None   # "tháng năm" is "months and years", "tháng Năm" is May
        s.m = int(g("mon_m") or lx.value("month_name", g("mon_w")))
        yref("mon_")
        if not part("mon_p", "month") or (counted and not g("mon_p") and not g("mon_l") and s.y is None):
            return None
    elif g("q"):
        s.q = int(lx.value("quarter_num", g("q_n")))
        yref("q_")
    elif g("yr"):
        if g("yr_y") or g("yr_b"):
            s.y = int(g("yr_y") or g("yr_b"))
            s.bare = s.bare_year = bool(g("yr_b")) and not g("yr_p")
        else:
            s.yoff = _rel(lx, g("yr_r"), "year")
            if s.yoff is None or (counted and not g("yr_p") and not g("yr_l")):
                return None
        if not part("yr_p", "year"):
            return None
    elif g("dec"):
        s.dec = int(g("dec_y"))
    else:
        unit = lx.value("unit", g("u_u") or g("u_v"))
        r = g("u_r") or g("u_s")
        s.unit, s.off = unit, (_rel(lx, r, unit) if r else 0)
        if s.off is None or (counted and not g("u_p")) or not part("u_p", unit):
            return None
    return s


def _rel(lx: _Lexicon, word: str | None, unit: str) -> int | None:
    value = lx.value("unit_rel", word, unit) if word else "0"
    return int(value) if value is not None else None


# ---- resolution against the anchor --------------------------------------------------------------

Interval = tuple[date, date]
Anchor = tuple[date, date, str]
Result = tuple  # (value, precision, kind, value_end, tense)
NOTHING: Result = (None, None, "point", None, None)


def _anchor(value: str | None, precision: str | None) -> Anchor | None:
    """The anchor as an interval with its precision; None when there is no usable anchor."""
    try:
        parts = [int(p) for p in (value or "")[:10].split("-")]
        if len(parts) == 3 and precision in (None, "day"):
            return date(*parts), date(*parts), "day"
        if len(parts) >= 2 and precision in (None, "day", "month"):
            return (*_month(parts[0], parts[1]), "month")
        if parts and 1 <= parts[0] <= 9999:
            return date(parts[0], 1, 1), date(parts[0], 12, 31), "year"
    except (ValueError, TypeError):
        pass
    return None


def _month(y: int, m: int) -> Interval:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _day(y: int, m: int, d: int) -> Interval | None:
    try:
        return date(y, m, d), date(y, m, d)
    except ValueError:
        return None


def _pick(cands: list, anc: Anchor, hint: str | None, prefer: str | None, window: int) -> Interval | None:
    """The candidate the text's hint or the caller's preference asks for, else the nearest."""
    cands = sorted(c for c in cands if c)
    if len(cands) <= 1:
        return cands[0] if cands else None
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
    if s.y is not None:
        return [s.y]
    if not anc:
        return []
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
    if unit == "month":
        n = a.year * 12 + a.month - 1 + off
        return _month(n // 12, n % 12 + 1), "month"
    if unit == "quarter":
        n = a.year * 4 + (a.month - 1) // 3 + off
        return (date(n // 4, n % 4 * 3 + 1, 1), _month(n // 4, n % 4 * 3 + 3)[1]), "quarter"
    return (date(a.year + off, 1, 1), date(a.year + off, 12, 31)), "year"


def _interval(s: _Spec, anc: Anchor | None, prefer: str | None) -> tuple[Interval, str, bool] | None:
    """(interval, precision, anchored) of one point; None when it cannot be known."""
    anchored = s.y is None and s.dec is None
    if s.now:
        return ((anc[0], anc[1]), anc[2], True) if anc else None
    if s.dec is not None:
        return (date(s.dec, 1, 1), date(s.dec + 9, 12, 31)), "year", False
    if s.hol is not None and s.d is None:
        dates = _grammar()["lx"].holidays.get(s.hol, [])
        if dates and len(dates[0]) == 5:                       # a fixed MM-DD
            s.m, s.d = int(dates[0][:2]), int(dates[0][3:])
        else:                                                  # a lunar holiday: one row per year
            years = _years(s, anc)
            cands = [_day(*map(int, x.split("-"))) for x in dates if int(x[:4]) in years]
            got = _pick(cands, anc, s.hint, prefer, WINDOW_DAYS) if anc else (cands[0] if cands else None)
            return (got, "day", anchored) if got else None
    if s.d is not None and s.m is not None:
        around = anc
        if s.unit == "day" and anc and anc[2] == "day":        # "chiều nay (9/1)": near today
            around = (anc[0] + timedelta(days=s.off or 0),) * 2 + ("day",)
        cands = [_day(y, s.m, s.d) for y in _years(s, around)]
        got = _pick(cands, around, s.hint, prefer, WINDOW_DAYS) if around else (cands[0] if cands else None)
        return (got, "day", anchored) if got else None
    if s.wd is not None and s.unit is None:
        if not anc or anc[2] != "day":
            return None
        base = anc[0] + timedelta(days=s.wd - anc[0].weekday())
        got = _pick([(base + timedelta(weeks=k),) * 2 for k in (-1, 0, 1)], anc, s.hint, prefer, WEEKDAY_WINDOW)
        return (got, "day", True) if got else None
    if s.m is not None or s.q is not None:
        first, last = (s.m, s.m) if s.m is not None else (s.q * 3 - 2, s.q * 3)
        cands = [(date(y, first, 1), _month(y, last)[1]) for y in _years(s, anc)]
        got = _pick(cands, anc, s.hint, prefer, WINDOW_DAYS) if anc else (cands[0] if cands else None)
        return (*_apply_part(got, "month" if s.m is not None else "quarter", s.part), anchored) if got else None
    if s.unit is not None:
        shifted = _shift(anc, s) if anc else None
        return (*_apply_part(*shifted, s.part), True) if shifted else None
    years = _years(s, anc)
    return (*_apply_part((date(years[0], 1, 1), date(years[0], 12, 31)), "year", s.part), anchored) if years else None


def _apply_part(iv: Interval, prec: str, part: tuple[int, int] | None) -> tuple[Interval, str]:
    """Narrow a month to days ("trung tuần tháng 11") or a year to months ("6 tháng đầu năm")."""
    if not part:
        return iv, prec
    (lo, hi), y, m = part, iv[0].year, iv[0].month
    if prec == "month":
        last = calendar.monthrange(y, m)[1]
        return (date(y, m, min(lo, last)), date(y, m, min(hi, last))), "day"
    if prec == "year" and 1 <= lo <= hi <= 12:
        return (date(y, lo, 1), _month(y, hi)[1]), "month"
    return iv, prec


def _fmt(d: date, prec: str) -> str:
    return d.isoformat() if prec == "day" else f"{d.year:04d}" if prec == "year" else f"{d.year:04d}-{d.month:02d}"


def _tense(iv: Interval, anc: Anchor) -> str | None:
    return "past" if iv[1] < anc[0] else "future" if iv[0] > anc[1] else None


def _point(s: _Spec, anc: Anchor | None, prefer: str | None) -> Result:
    got = _interval(s, anc, prefer)
    if got is None:
        return NOTHING
    (start, end), prec, anchored = got
    tense = _tense((start, end), anc) if anchored and anc else None
    value, value_end = _fmt(start, prec), _fmt(end, prec)
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
    if ra and rb and rb[0][1] < ra[0][0] and fixed:            # "30/12 đến 2/1": over a new year
        if fixed == "a":
            a.y -= 1
            ra = _interval(replace(a), anc, prefer)
        else:
            b.y += 1
            rb = _interval(replace(b), anc, prefer)
    if ra and rb and rb[0][1] < ra[0][0]:
        return None
    prec = max((r[1] for r in (ra, rb) if r), key=RANK.__getitem__, default=None)
    tense = _tense((ra[0][0], rb[0][1]), anc) if ra and rb and anc and (ra[2] or rb[2]) else None
    return _fmt(ra[0][0], prec) if ra else None, prec, "range", _fmt(rb[0][1], prec) if rb else None, tense


# ---- matching ---------------------------------------------------------------------------------

def _range(m: re.Match, lx: _Lexicon, a: _Spec | None, anc: Anchor | None, prefer: str | None) -> Result | None:
    """The range of a match with a tail ("từ ngày 22 đến 23/10", "2016 - 2020"), or None."""
    b = _parse(m, "__b", lx, "") if m.group("P_b") else _Spec(now=True)
    starts = bool(m.group("r_f") or m.group("r_w"))
    if b is None or (m.group("r_sep") and (lx.row("range_sep", m.group("r_sep")) or {}).get("scope") == "day"
                     and not m.group("ra_d")):
        return None
    if m.group("ra_d"):                                        # "ngày 22 đến 23/10"
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
        return None                                            # "2016 - 2020", "từ 2016 đến nay"
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
    if a is None:
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
    """The expression covering the core at c that starts leftmost in the run of date words
    before it; (start, end, result), or (start, end, None) for a holiday name to skip."""
    run = []
    for t in reversed(list(TOKEN.finditer(text, lo, c))):
        word = t.group()
        if not (word in CONNECTORS or word.isdigit() or word.lower() in gr["vocabulary"]):
            break
        run.append(t.start())
    skip = None
    for i in [*reversed(run), c]:
        ch = text[i]
        if i != c and not (ch.isdigit() or ch == "(" or TOKEN.match(text, i).group().lower() in gr["starters"]):
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
    """Every time expression in the given sentences, resolved against the publication date.

    Cheap first: two scans find cores (a date number; "tháng trước", "hôm qua", "thứ Hai", "Tết");
    the grammar is tried only at the few word starts just before a core, so a sentence without a
    core costs nothing more.
    """
    text = article.text or ""
    gr = _grammar()
    cores = [m.start() for m in gr["digits"].finditer(text)] + [m.start() + 1 for m in gr["words"].finditer(text)]
    for s in sentences:
        if 0 <= s.start < len(text) and gr["words_at"].match(text, s.start):
            cores.append(s.start)
    if not cores:
        return []
    cores.sort()
    anc = _anchor(article.published, article.published_precision)
    out: list[TimeExpr] = []
    for s in sentences:
        lo, hi = max(0, s.start), min(len(text), s.end)
        pos = lo
        for c in cores[bisect.bisect_left(cores, lo):bisect.bisect_left(cores, hi)]:
            if c < pos:
                continue
            got = _at(gr, text, max(pos, c - 48), c, hi, anc)
            if got is None:
                continue
            a, b, result = got
            if result is not None:
                value, precision, kind, value_end, tense = result
                out.append(TimeExpr(article.doc_id, s.index, a, b, text[a:b], value, precision, kind, value_end, tense))
            pos = b
    return out


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


def normalise(surface: str | re.Match, anchor: str | None, anchor_precision: str | None = None,
              prefer: str | None = None) -> tuple[str | None, str | None, str, str | None]:
    """(value, precision, kind, value_end) of an expression such as "sáng 9/10" or "quý I-2025"."""
    text = surface.group(0) if isinstance(surface, re.Match) else surface
    return evaluate(text, anchor, anchor_precision, prefer)[:4]


def resolve(t: TimeExpr, anchor: str | None, anchor_precision: str | None = None,
            prefer: str | None = None) -> TimeExpr:
    """A copy of `t` resolved again, preferring the past or the future (see the module docstring)."""
    value, precision, kind, value_end, tense = evaluate(t.surface, anchor, anchor_precision, prefer)
    return replace(t, value=value, precision=precision, kind=kind, value_end=value_end, tense=tense)


def by_sentence(times: list[TimeExpr]) -> dict[int, list[TimeExpr]]:
    out: dict[int, list[TimeExpr]] = {}
    for t in times:
        out.setdefault(t.sentence, []).append(t)
    return out


def in_sentence(times: list[TimeExpr], index: int) -> list[TimeExpr]:
    return [t for t in times if t.sentence == index]
