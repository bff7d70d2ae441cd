"""The grammar of Vietnamese time expressions, compiled once from resources/vi/date_words.tsv and
date_holidays.tsv: the words as tries, the shapes as one regular expression per branch, and the
cheap cores (a date-like number, a short date phrase) that decide where the grammar is tried.
Calendar arithmetic and the API are in stages/times.py.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import resources
from ..text import cased, trie_pattern
from ..text import plain_key as _key

SP, OSP = r"[ \t\xa0]+", r"[ \t\xa0]*"
D = r"(?<![\d/.,])(?:0?[1-9]|[12]\d|3[01])"
M = r"(?:0?[1-9]|1[0-2])"
Y = r"(?:1[89]\d\d|20\d\d)"
END = r"(?![\w%]|[.,/]\d)"   # a number ends here: not "26,5", "15/2020/NĐ", "2024a"
BRANCHES = ("pm", "rel", "wd", "hol", "dm", "mon", "q", "yr", "dec", "ago", "u")
TOKEN = re.compile(r"\w+|[^\w\s]")
CONNECTORS = frozenset("(),/-–—")


def _trie(words) -> str:
    """Literal words as one trie-shaped alternation; a space matches any run of spaces."""
    return trie_pattern((" ".join(w.split()) for w in words), space=SP) or "(?!)"


def _alt(words, cased: bool = False) -> str:
    """Whole words; `cased`: case-sensitive but for the first letter ("Quốc khánh" is the holiday,
    "Quốc Khánh" a given name)."""
    if not cased:
        return f"(?:{_trie(words)})(?!\\w)"
    first: dict[str, list[str]] = {}
    for w in words:
        first.setdefault(w[0].lower(), []).append(w[1:])
    return "(?:" + "|".join(f"[{re.escape(c.upper() + c)}](?-i:{_trie(rest)})"
                            for c, rest in sorted(first.items())) + ")(?!\\w)"


def _forms(words) -> set[str]:
    """As written and capitalised: the core scan runs without re.I, which is slow to scan with."""
    return {f for w in words for f in cased(w)}


class _Lexicon:
    """The date words by kind: regex alternations, and lookups of the matched text."""

    def __init__(self) -> None:
        self.rows = resources.load("date_words")
        self.index: dict[tuple[str, str], list[dict]] = {}
        for r in self.rows:
            self.index.setdefault((r["kind"], _key(r["word"])), []).append(r)
        holidays = resources.load("date_holidays")
        self.names = [r["name"] for r in holidays]
        self.holidays = {_key(r["name"]): [] for r in holidays}
        for r in holidays:
            self.holidays[_key(r["name"])] += [r["date"]] if r["date"] else []
        for r in holidays:
            if r["same_as"]:
                self.holidays[_key(r["name"])] = self.holidays[_key(r["same_as"])]
        self.alone = {_key(r["name"]): r["alone"] == "yes" for r in holidays}

    def words(self, kind: str, value: str | None = None, scope: str | None = None) -> list[str]:
        return [r["word"] for r in self.rows if r["kind"] == kind and value in (None, r["value"])
                and scope in (None, r["scope"] or "")]

    def alt(self, kind: str, value: str | None = None, scope: str | None = None) -> str:
        return _alt(self.words(kind, value, scope))

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
    part_m, part_y = (_alt(lx.words("part", scope="") + lx.words("part", scope=u)) for u in ("month", "year"))
    boundary = rf"(?={OSP}(?:[,.;:!?)\]\"”\n]|$)|{SP}{w('hint_follow')})"
    hint = rf"(?:{SP}(?P<{{p}}h{{x}}>{w('hint', scope='')}|{w('hint', scope='boundary')}{boundary}))?"
    holiday = _alt(lx.names, cased=True)

    def point(x: str) -> str:
        """One point in time; group names end with x so that a range can hold two."""
        def dmy(p: str) -> str:
            return (rf"(?:(?P<{p}d{x}>{D})(?:{OSP}/{OSP}|-|(?P<{p}dot{x}>\.))(?P<{p}m{x}>{M})(?:(?:{OSP}/{OSP}|-|\.)(?P<{p}y{x}>{Y}))?"
                    rf"|(?P<{p}wd{x}>{D}){SP}{month}{SP}(?P<{p}wm{x}>{M}))"
                    rf"(?:{SP}{year}{SP}(?:(?P<{p}yy{x}>{Y})|(?P<{p}yo{x}>{rel})))?{END}")

        def dated(p: str) -> str:
            """A date after a weekday or "hôm nay": "(9/1)", ", 10/10/2024", " ngày 5/5"."""
            return (rf"(?:(?:{OSP}(?P<{p}po{x}>\(){OSP}|{OSP},{OSP}|{SP})(?:{day}{SP})?{dmy(p)}"
                    rf"(?({p}po{x}){OSP}\)))?")

        def yref(p: str) -> str:
            return rf"(?:{OSP}[/-]{OSP}(?P<{p}y{x}>{Y})|{SP}{year}{SP}(?:(?P<{p}y2{x}>{Y})|(?P<{p}r{x}>{rel})))?{END}"

        h = lambda p: hint.format(p=p, x=x)  # noqa: E731
        alts = {   # "pm": a month and year alone in parentheses, "(8-2017)"
            "pm": rf"(?<=\(){OSP}(?P<pm_m{x}>{M})[-/](?P<pm_y{x}>{Y})(?={OSP}\))",
            "rel": rf"(?:(?P<rel_pod{x}>{pod}){SP}(?:{day}{SP})?(?P<rel_s{x}>{w('day_rel_short')}|{w('day_rel')})"
                   rf"|(?P<rel_w{x}>{w('day_rel')})){dated('rel_')}",
            "wd": rf"(?:(?P<wd_l{x}>{pod}|{lead}){SP})?(?P<wd_n{x}>{w('weekday')})(?:{SP}{week}{SP}(?P<wd_r{x}>{rel}))?"
                  rf"{dated('wd_')}{h('wd_')}",
            "hol": rf"(?:(?P<hol_l{x}>{lead}){SP})?(?P<hol_n{x}>{holiday})(?:{SP}(?P<hol_yn{x}>{w('stem')}{SP}{w('branch')}))?"
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
            "ago": rf"{w('ago')}{SP}(?:{w('ago_pad')}{SP})?(?P<ago_n{x}>[1-9]\d?|{w('count')}){SP}"
                   rf"(?P<ago_u{x}>{day}|{week}|{month}|{year})(?!{SP}(?:{w('unit_rel')}|\d))",
            "u": rf"(?:(?P<u_p{x}>{w('part')}){SP}(?P<u_u{x}>{week}|{month}|{quarter}|{year})(?:{SP}(?P<u_r{x}>{rel}))?"
                 rf"|(?P<u_v{x}>{week}|{month}|{quarter}){SP}(?P<u_s{x}>{rel}))",
        }
        return "(?:" + "|".join(f"(?P<{k}{x}>{v})" for k, v in alts.items()) + ")"

    bare_day = rf"(?:(?P<ra_l>{lead}|{pod}){SP})?(?P<ra_d>{D})(?![\w/%]|[.,]\d)"
    tail = (rf"(?:{OSP}[-–—]{OSP}|{SP}(?P<r_sep>{w('range_sep')}){SP})"
            rf"(?:(?P<P_b>{point('__b')})|(?P<rb_now>{now}))")
    master = (rf"(?<!\w)(?:(?P<r_w>{w('range_word')}){SP})?(?:(?P<r_f>{w('range_from')}){SP})?"
              rf"(?:(?P<prep>{w('prep')}){SP})?(?:(?P<P>{point('')})|(?P<ra_now>{now})|{bare_day})(?P<tail>{tail})?")
    cores = _cores(lx)
    digits = rf"[0-9](?:[0-9]?{OSP}[/-]{OSP}[0-9]|[0-9]?\.[0-9]|[0-9]?{SP}{_trie(_forms(lx.words('unit', 'month')))}|[0-9]{{3}})"
    # "một ngày sau khi X" is an offset of X, not the day after the last one told (dating.py)
    same = rf"(?<!\w)(?:(?P<pod>{pod}){SP})?(?P<same>{w('day_same')})(?!{SP}{w('offset_link')})"
    return {"lx": lx, "master": re.compile(master, re.I), "digits": re.compile(digits), "same": re.compile(same, re.I),
            # a quick test before the scan for "same", on the case-folded text: a case-insensitive
            # pattern tries every position, a case-sensitive one skips to its first letters (3x faster)
            "same_cue": re.compile(_alt([word.casefold() for word in lx.words("day_same")])),
            "cores": re.compile(" " + cores), "cores_at": re.compile(cores),
            "starters": _vocabulary(lx, first=True), "vocabulary": _vocabulary(lx, first=False),
            "follow": re.compile(w("hint_follow"), re.I),
            # the clock a time is told by, right after it ("sáng 30-3 (giờ Hà Nội)", "tối 9/5 theo giờ VN")
            "zone_home": re.compile(rf"[ \t\xa0,(]*(?:\w+{SP})?{w('zone', 'home')}", re.I),
            "zone_local": re.compile(w("zone", "local"), re.I),
            "quantity": re.compile(rf"(?:\d|(?<!\w){w('quantity')}){OSP}$", re.I)}


def zones() -> dict:
    """The clock words after a time (date_words.tsv kind zone): {"home": regex matched right after
    a time, "local": regex searched in a text}."""
    gr = _grammar()
    return {"home": gr["zone_home"], "local": gr["zone_local"]}


@functools.cache
def _offset_grammar() -> tuple[_Lexicon, re.Pattern, re.Pattern]:
    lx = _Lexicon()
    w = lx.alt
    units = "|".join(f"(?P<{u}>{w('unit', u)})" for u in ("day", "week", "month", "year"))
    others = [x for x in lx.words("not_after") if x not in lx.words("offset_link")]   # "năm sau đó": after that
    phrase = (rf"(?<!\w)(?:{w('ago_pad')}{SP})?(?P<n>[1-9]\d?(?!\w)|{w('count')}){SP}(?:{units}){SP}(?P<dir>{w('offset')})"
              rf"(?:{SP}(?P<link>{w('offset_link')}))?(?!{SP}{_alt(others)})")
    return lx, re.compile(phrase, re.I), re.compile(rf"(?<!\w){w('vague')}{OSP}$", re.I)


def offsets(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int, int, str, bool]]:
    """(start, end, signed count, unit, linked) of each offset in text[lo:hi] (date_words.tsv kind offset):
    "một tuần sau khi Úc trục xuất đại sứ" is (-1, week), the expulsion a week before the time of
    the clause it hangs on; "hai ngày trước cuộc bầu cử" (2, day); `linked`: an offset_link word
    ends it ("sau khi"). An offset after a vague word ("hơn một tuần sau khi") is none."""
    lx, phrase, vague = _offset_grammar()
    out = []
    for m in phrase.finditer(text, lo, len(text) if hi is None else hi):
        if vague.search(text, max(0, m.start() - 12), m.start()):
            continue
        n = int(m["n"]) if m["n"].isdigit() else int(lx.value("count", m["n"]) or 0)
        unit = next(u for u in ("day", "week", "month", "year") if m[u])
        out.append((m.start(), m.end(), n * int(lx.value("offset", m["dir"]) or 0), unit, bool(m["link"])))
    return out


def _after_prep(lx: _Lexicon, before: str) -> bool:
    """A preposition of dates right before ("vào tháng ba", "từ tháng một"): a month, not a count."""
    return bool(re.search(rf"(?<!\w)(?:{lx.alt('prep', scope='date')}){OSP}$", before, re.I))


def _cores(lx: _Lexicon) -> str:
    """What every expression without a date number contains ("tháng trước", "hôm qua", "thứ Hai",
    "Tết"): one cheap scan for these says where the grammar is worth trying."""
    rels, units = lx.words("unit_rel"), [u for k in ("week", "month", "quarter", "year") for u in lx.words("unit", k)]
    months = lx.words("month_name")
    tails = {"week": rels, "month": rels + months + [w.lower() for w in months] + list("0123456789"),
             "quarter": rels + lx.words("quarter_num"), "year": rels + list("0123456789")}
    cores = {f"{u} {t}" for k, tail in tails.items() for u in _forms(lx.words("unit", k)) for t in tail}
    cores |= {f"{p} {u}" for p in _forms(lx.words("part")) for u in units}
    cores |= {f"{p} {d}" for p in _forms(lx.words("part_of_day")) for d in lx.words("day_rel_short") + lx.words("day_rel")}
    weekdays = lx.words("weekday")
    return _trie(cores | _forms(lx.words("day_rel") + lx.words("ago") + weekdays + [x.lower() for x in weekdays] + lx.names))


def _vocabulary(lx: _Lexicon, first: bool) -> frozenset[str]:
    """Words an expression can start with (first=True), or have before its core."""
    kinds = {"prep", "lead", "part_of_day", "part", "range_word", "range_from", "decade", "unit", "weekday", "day_rel"}
    if not first:
        kinds |= {"day_rel_short", "now", "range_sep", "unit_rel", "month_name", "stem", "branch", "quarter_num"}
    words = [r["word"] for r in lx.rows if r["kind"] in kinds] + lx.names
    return frozenset(t.lower() for w in words for t in (w.split()[:1] if first else w.split()))


# ---- what a match of the grammar says: the group names are this module's own ------------------

@dataclass(slots=True)
class Spec:
    """One point in time as written, before it meets the anchor."""

    y: int | None = None
    m: int | None = None
    d: int | None = None
    q: int | None = None
    unit: str | None = None       # relative to the anchor: this unit, `off` of them away ("ago" too)
    off: int | None = 0
    yoff: int | None = None       # the year relative to the anchor's ("tháng 12 năm ngoái")
    wd: int | None = None
    part: tuple[int, int] | None = None
    hol: str | None = None
    cycle: int | None = None      # a lunar year's place in the 60-year cycle ("Giáp Thìn": 2024 - 4)
    dec: int | None = None
    hint: str | None = None
    now: bool = False
    bare: bool = False            # a date only when licensed: "vào 9/10", "từ 2013", "(9/1)"
    bare_year: bool = False
    dotted: bool = False          # "28.5": a date only after a lead word, a part of the day, a range


def parse(m: re.Match, x: str, lx: _Lexicon, before: str) -> Spec | None:
    """The spec of the point whose groups end with x; None when this match is no date."""
    def g(name: str) -> str | None:
        return m.group(name + x)

    def dmy(p: str) -> bool:
        d, mo, y = g(p + "d") or g(p + "wd"), g(p + "m") or g(p + "wm"), g(p + "y") or g(p + "yy")
        if p == "dm_" and d and mo and g(p + "dot") and not (y or g("dm_l") or g("dm_po")):
            s.dotted = True   # "28.5" alone is a number; "Ngày 28.5", "sáng 16.11" are dates
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

    kind = next(k for k in BRANCHES if m.group(k + x))
    s = Spec()
    if kind in ("wd", "dm", "mon", "yr") and g(kind + "_h"):
        s.hint = lx.value("hint", g(kind + "_h")) or None
    if kind in ("wd", "hol", "dm", "mon", "yr") and any(lx.value("lead", t) == "past" for t in (g(kind + "_l") or "").split()):
        s.hint = "past"
    counted = kind in ("mon", "yr", "u") and bool(_grammar()["quantity"].search(before))
    if kind == "pm":
        s.m, s.y = int(g("pm_m")), int(g("pm_y"))
    elif kind == "rel":
        word = g("rel_s") or g("rel_w")
        s.unit, s.off = "day", int(lx.value("day_rel_short", word) or lx.value("day_rel", word) or 0)
        dmy("rel_")
    elif kind == "wd":
        row = lx.row("weekday", g("wd_n"))
        s.wd, s.unit, s.off = int(row["value"]), ("week" if g("wd_r") else None), _rel(lx, g("wd_r"), "week")
        alone = row["scope"] == "alone" or (row["scope"] == "cased" and g("wd_n").split()[-1][:1].isupper())
        if not (dmy("wd_") or g("wd_r") or alone) or s.off is None:
            return None
    elif kind == "hol":
        s.hol = _key(g("hol_n"))
        dated = dmy("hol_")
        s.y = int(g("hol_yr")) if g("hol_yr") else None
        if g("hol_yn"):
            stem, branch = g("hol_yn").split(None, 1)
            si, bi = int(lx.value("stem", stem)), int(lx.value("branch", branch))
            s.cycle = next((k for k in range(60) if k % 10 == si and k % 12 == bi), None)
        s.bare = not (lx.alone.get(s.hol) or g("hol_l") or dated or g("hol_yr"))
    elif kind == "dm":
        dmy("dm_")
        s.bare = not (g("dm_l") or g("dm_po") or s.y)
    elif kind == "mon":
        s.m = int(g("mon_m") or lx.value("month_name", g("mon_w")))
        yref("mon_")
        if g("mon_w") and not g("mon_w")[0].isupper() and not (s.hint == "past" or g("mon_p") or s.y or _after_prep(lx, before)):
            return None   # "ngày tháng năm" is "day, month and year", "tháng Năm" is May; "hồi tháng hai",
            #               "cuối tháng ba", "vào tháng ba" are February and March
        if not part("mon_p", "month") or (counted and not g("mon_p") and not g("mon_l") and s.y is None):
            return None
    elif kind == "q":
        s.q = int(lx.value("quarter_num", g("q_n")))
        yref("q_")
    elif kind == "yr":
        if g("yr_y") or g("yr_b"):
            s.y = int(g("yr_y") or g("yr_b"))
            s.bare = s.bare_year = bool(g("yr_b")) and not g("yr_p")
        else:
            s.yoff = _rel(lx, g("yr_r"), "year")
            if s.yoff is None or (counted and not g("yr_p") and not g("yr_l")):
                return None
        if not part("yr_p", "year"):
            return None
    elif kind == "dec":
        s.dec = int(g("dec_y"))
    elif kind == "ago":   # "cách đây hai tháng": that many units back from the anchor
        n = g("ago_n")
        s.unit, s.off = lx.value("unit", g("ago_u")), -int(n if n.isdigit() else lx.value("count", n) or 0)
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
