"""Role timelines drawn as bands over time: rank lanes, post lanes and an events lane.

Positions are percentages of the lane's width, so the SVG stretches to a phone or a laptop
without shrinking its text; the templates draw, this module only lays out.
"""
from __future__ import annotations

import calendar
import math
from dataclasses import dataclass, field
from datetime import date

MIN_WIDTH = 0.9  # percent: a role seen once still shows as a band
WIDE = 8.0       # percent: a band about this wide holds its label


def _day(value: str, end: bool = False) -> date:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
    if len(parts) == 2:
        y, m = parts
        return date(y, m, calendar.monthrange(y, m)[1] if end else 1)
    return date(*parts)


def year(value: str, end: bool = False) -> float:
    """A date at any precision as a fractional year (its start, or its end with end=True)."""
    d = _day(value, end)
    first = date(d.year, 1, 1).toordinal()
    length = date(d.year + 1, 1, 1).toordinal() - first
    return d.year + (d.toordinal() - first + (1 if end else 0)) / length


def valid(value) -> bool:
    try:
        return bool(value) and year(value) > 0
    except (ValueError, TypeError):
        return False


def nice_step(least: float) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50, 100 … years that is at least `least`: any span gets
    at most about a dozen ticks, a millennium as well as a decade."""
    scale = 1
    while True:
        for unit in (1, 2, 5):
            if unit * scale >= least:
                return unit * scale
        scale *= 10


DAY = 1 / 365.25
MIN_SPAN = 14 * DAY   # the narrowest axis: a fortnight, so one day's events still show as days
MAX_TICKS = 10


def _as_date(y: float) -> date:
    """A fractional year back to a day."""
    whole = math.floor(y)
    first = date(whole, 1, 1).toordinal()
    length = date(whole + 1, 1, 1).toordinal() - first
    return date.fromordinal(first + min(length - 1, int((y - whole) * length)))


@dataclass(slots=True)
class Axis:
    lo: float
    hi: float

    def x(self, value: str, end: bool = False) -> float:
        return round(100 * (year(value, end) - self.lo) / (self.hi - self.lo), 3)

    def ticks(self) -> list[dict]:
        """Ticks at days, months or years, whichever gives at most MAX_TICKS over the span."""
        days = (self.hi - self.lo) * 365.25
        for step in (1, 2, 5, 10):
            if days / step <= MAX_TICKS:
                return self._edges(self._day_ticks(step))
        for step in (1, 2, 3, 6):
            if days / 30.44 / step <= MAX_TICKS:
                return self._edges(self._month_ticks(step))
        step = nice_step((self.hi - self.lo) / MAX_TICKS)
        return self._edges([{"x": self.x(str(y)), "label": str(y), "major": True}
                            for y in range(math.ceil(self.lo), math.floor(self.hi) + 1) if y % step == 0])

    def _day_ticks(self, step: int) -> list[dict]:
        out, day = [], _as_date(self.lo)
        while day <= _as_date(self.hi):
            if (day.day - 1) % step == 0 and day.day <= 31 - step // 2:
                x = self.x(day.isoformat())
                if 0 <= x <= 100:
                    label = str(day.year) if (day.month, day.day) == (1, 1) else f"{day.day}/{day.month}"
                    out.append({"x": x, "label": label, "major": day.day == 1})
            day = date.fromordinal(day.toordinal() + 1)
        return out

    def _month_ticks(self, step: int) -> list[dict]:
        out = []
        for y in range(math.floor(self.lo), math.ceil(self.hi) + 1):
            for m in range(1, 13, step):
                x = self.x(f"{y}-{m:02d}")
                if 0 <= x <= 100:
                    out.append({"x": x, "label": str(y) if m == 1 else f"{m:02d}/{y % 100:02d}", "major": m == 1})
        return out

    @staticmethod
    def _edges(ticks: list[dict]) -> list[dict]:
        """A label at either end is anchored inside the chart; every other one may hide on a phone."""
        for i, tick in enumerate(ticks):
            tick["anchor"] = "start" if tick["x"] < 8 else "end" if tick["x"] > 92 else "middle"
            tick["alt"] = i % 2 == 1
        return ticks


def axis(dates: list[str], on: str | None = None) -> Axis | None:
    """An axis fitted to the dates' span (and the date asked about), a little padded: three days of
    events fill the chart instead of a sliver of a year."""
    dates = [d for d in dates if valid(d)] + ([on] if on and valid(on) else [])
    if not dates:
        return None
    lo, hi = min(year(d) for d in dates), max(year(d, end=True) for d in dates)
    pad = max((hi - lo) * 0.04, 2 * DAY)
    lo, hi = lo - pad, hi + pad
    if hi - lo < MIN_SPAN:
        mid = (hi + lo) / 2
        lo, hi = mid - MIN_SPAN / 2, mid + MIN_SPAN / 2
    return Axis(lo, hi)


@dataclass(slots=True)
class Band:
    id: str
    x: float
    w: float
    label: str
    cls: str
    start: str | None
    end: str | None
    tip: str
    evidence: list[dict] = field(default_factory=list)
    marks: list[float] = field(default_factory=list)   # observed dates, as x
    stated: list[float] = field(default_factory=list)  # stated start / end, as x
    href: str | None = None
    label_w: float = 0.0   # percent from x the label may take: up to the next band of its lane

    @property
    def text_cls(self) -> str:
        """Light text on a wide dark band (stated); dark text with a light halo elsewhere, which
        reads on the light fills and on the white past a narrow band's end."""
        return "band-text" if "band-stated" in self.cls and self.w >= WIDE else "band-text dark"


def _label_room(bands: list[Band]) -> None:
    """Each band's label may run from its start to the next band's start in the lane (clipped
    there by the template), so no two labels of a lane ever overlap."""
    ordered = sorted(bands, key=lambda b: (b.x, -b.w))
    for band, after in zip(ordered, ordered[1:] + [None]):
        band.label_w = round(max(0.0, (after.x if after else 100.0) - band.x), 3)


@dataclass(slots=True)
class Lane:
    label: str
    group: str                  # rank | post | holder | events
    bands: list[Band] = field(default_factory=list)
    dots: list[dict] = field(default_factory=list)
    href: str | None = None
    country: str | None = None


def role_span(role: dict) -> tuple[str, str] | None:
    seen = [d for d in role.get("observed") or [] if valid(d)]
    seen += [d for d in (role.get("first_observed"), role.get("last_observed")) if valid(d)]
    lo = role.get("start") if valid(role.get("start")) else (min(seen, key=year) if seen else None)
    hi = role.get("end") if valid(role.get("end")) else (max(seen, key=lambda d: year(d, True)) if seen else None)
    if lo is None and hi is None:
        return None
    return lo or hi, hi or lo


def _band(ax: Axis, id: str, label: str, role: dict, tip: str) -> Band | None:
    span = role_span(role)
    if span is None:
        return None
    x0, x1 = ax.x(span[0]), ax.x(span[1], end=True)
    if x1 - x0 < MIN_WIDTH:
        mid = (x0 + x1) / 2
        x0, x1 = mid - MIN_WIDTH / 2, mid + MIN_WIDTH / 2
    band = Band(id, round(x0, 3), round(x1 - x0, 3), label, f"band band-{role.get('certainty') or 'observed'}",
                span[0], span[1], tip, list(role.get("evidence") or []))
    band.marks = sorted({ax.x(d) + (ax.x(d, True) - ax.x(d)) / 2 for d in role.get("observed") or [] if valid(d)})
    band.stated = [ax.x(d) for d in (role.get("start"), role.get("end")) if valid(d)]
    return band


def _tip(role: dict, span: tuple[str, str] | None, t) -> str:
    post = " ".join(x for x in (role.get("rank"), role.get("title"), role.get("country")) if x)
    when = f"{span[0]} → {span[1]}" if span else "?"
    seen = role.get("observed_count") or len(role.get("observed") or [])
    return f"{post} · {when} · {t('chart.seen', n=seen)} · {t('certainty.' + (role.get('certainty') or 'observed'))}"


def actor_chart(roles: list[dict], events: list[dict], t) -> dict | None:
    """Lanes for one actor: a rank lane, one lane per post, and the actor's events as dots."""
    dates = [d for r in roles for d in (role_span(r) or ())] + [e["date"] for e in events if valid(e.get("date"))]
    ax = axis(dates)
    if ax is None:
        return None
    lanes: list[Lane] = []
    ranks = Lane(t("chart.ranks"), "rank")
    posts: dict[tuple, Lane] = {}
    by_rank: dict[str, tuple[int, dict]] = {}
    for i, role in enumerate(roles):
        span = role_span(role)
        if role.get("rank") and span:
            # one band per rank, over every post held with it
            first, merged = by_rank.setdefault(role["rank"], (i, {"rank": role["rank"], "observed": [],
                                                                  "certainty": "observed"}))
            merged["observed"] = sorted(set(merged["observed"]) | set(role.get("observed") or []) | set(span))
            merged["certainty"] = role.get("certainty") if role.get("certainty") != "observed" else merged["certainty"]
            merged["evidence"] = (merged.get("evidence") or []) + list(role.get("evidence") or [])
        key = (role.get("title"), role.get("country"))
        lane = posts.setdefault(key, Lane(key[0] or "?", "post", country=role.get("country")))
        band = _band(ax, f"role-{i}", role.get("title") or "?", role, _tip(role, span, t))
        if band:
            lane.bands.append(band)
    for rank, (first, merged) in by_rank.items():
        band = _band(ax, f"role-{first}", rank, merged, f"{rank} · {merged['observed'][0]} → {merged['observed'][-1]}")
        if band:
            band.marks = []
            ranks.bands.append(band)
    if ranks.bands:
        _label_room(ranks.bands)
        lanes.append(ranks)
    lanes += sorted(posts.values(), key=lambda lane: min(b.x for b in lane.bands) if lane.bands else 100)
    if events:
        lane = Lane(t("chart.events"), "events")
        same: dict[str, int] = {}
        for e in events:
            if valid(e.get("date")):
                same[e["date"]] = same.get(e["date"], 0) + 1
        seen: dict[str, int] = {}
        for e in events:
            if not valid(e.get("date")):
                continue
            k = seen[e["date"]] = seen.get(e["date"], 0) + 1
            x0, x1 = ax.x(e["date"]), ax.x(e["date"], True)
            x = x0 + (x1 - x0) * k / (same[e["date"]] + 1)   # the k-th of n events of one date
            y = 17 if x1 - x0 >= 3 or same[e["date"]] == 1 else 17 + (-6, 0, 6)[k % 3]
            m = (e.get("mentions") or [{}])[0]
            i = m.get("sentence_index")
            href = (f"/article/{m['doc_id']}" + (f"?s={i}#s-{i}" if isinstance(i, int) else "")) \
                if m.get("doc_id") else None
            lane.dots.append({"x": round(x, 3), "y": y, "type": e["type"], "href": href,
                              "tip": f"{e['date']} · {e['type']} · {m.get('sentence') or ''}"[:300]})
        lanes.append(lane)
    return {"ticks": ax.ticks(), "lanes": lanes, "on": None}


def post_chart(roles: list[dict], t, on: str | None = None) -> dict | None:
    """Lanes for one post: a lane per holder, earliest first, and a marker at the date asked about."""
    ax = axis([d for r in roles for d in (role_span(r) or ())], on)
    if ax is None:
        return None
    holders: dict[int, Lane] = {}
    for i, role in enumerate(roles):
        lane = holders.setdefault(role["actor_id"], Lane(role["name"], "holder", href=f"/actor/{role['actor_id']}",
                                                        country=role.get("country")))
        band = _band(ax, f"role-{i}", role.get("rank") or role.get("title") or "", role,
                     _tip(role, role_span(role), t))
        if band:
            lane.bands.append(band)
    lanes = [lane for lane in holders.values() if lane.bands]
    for lane in lanes:
        _label_room(lane.bands)
    lanes.sort(key=lambda lane: min(b.x for b in lane.bands))
    return {"ticks": ax.ticks(), "lanes": lanes, "on": ax.x(on) if on and valid(on) else None}
