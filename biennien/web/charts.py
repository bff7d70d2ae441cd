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


@dataclass(slots=True)
class Axis:
    lo: float
    hi: float

    def x(self, value: str, end: bool = False) -> float:
        return round(100 * (year(value, end) - self.lo) / (self.hi - self.lo), 3)

    def ticks(self) -> list[dict]:
        span = self.hi - self.lo
        if span <= 2.5:
            out = []
            for y in range(math.floor(self.lo), math.ceil(self.hi) + 1):
                for m in (1, 4, 7, 10):
                    value = f"{y}-{m:02d}"
                    x = self.x(value)
                    if 0 <= x <= 100:
                        out.append({"x": x, "label": str(y) if m == 1 else f"{m:02d}/{y % 100:02d}", "major": m == 1})
            return out
        step = nice_step(span / 12)
        return [{"x": self.x(str(y)), "label": str(y), "major": True}
                for y in range(math.ceil(self.lo), math.floor(self.hi) + 1) if y % step == 0]


def axis(dates: list[str], on: str | None = None) -> Axis | None:
    dates = [d for d in dates if valid(d)] + ([on] if on and valid(on) else [])
    if not dates:
        return None
    lo, hi = min(year(d) for d in dates), max(year(d, end=True) for d in dates)
    pad = max(0.15, (hi - lo) * 0.04)
    lo, hi = lo - pad, hi + pad
    if hi - lo < 1:
        mid = (hi + lo) / 2
        lo, hi = mid - 0.5, mid + 0.5
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

    @property
    def text_cls(self) -> str:
        """Dark text on the light fills (observed, disputed), light text on the dark ones."""
        return "band-text" if "band-stated" in self.cls else "band-text dark"


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
    seen = len(role.get("observed") or [])
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
        lanes.append(ranks)
    lanes += sorted(posts.values(), key=lambda lane: min(b.x for b in lane.bands) if lane.bands else 100)
    if events:
        lane = Lane(t("chart.events"), "events")
        for e in events:
            if not valid(e.get("date")):
                continue
            m = (e.get("mentions") or [{}])[0]
            i = m.get("sentence_index")
            href = (f"/article/{m['doc_id']}" + (f"?s={i}#s-{i}" if isinstance(i, int) else "")) \
                if m.get("doc_id") else None
            x = (ax.x(e["date"]) + ax.x(e["date"], True)) / 2
            lane.dots.append({"x": round(x, 3), "type": e["type"], "href": href,
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
    lanes.sort(key=lambda lane: min(b.x for b in lane.bands))
    return {"ticks": ax.ticks(), "lanes": lanes, "on": ax.x(on) if on and valid(on) else None}
