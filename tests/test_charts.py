"""Role timelines: the axis fits the data's span, ticks stay few, labels of a lane never overlap."""
from __future__ import annotations

import pytest

from biennien.web.charts import DAY, actor_chart, axis, post_chart


def t(key, **values):
    return key


@pytest.mark.parametrize("dates,most_days", [
    (["2025-10-13", "2025-10-15"], 15), (["2025-10-15"], 15), (["2025-09-20", "2025-10-25"], 45),
    (["2025-01-09", "2025-10-15"], 330), (["2022-06", "2025-10-15"], 1400)])
def test_the_axis_fits_the_span_of_the_data(dates, most_days):
    """Three days of events once sat in a sliver of a ten-month axis."""
    ax = axis(dates)
    assert (ax.hi - ax.lo) / DAY <= most_days
    first, last = min(dates), max(dates)
    assert 0 < ax.x(first) < ax.x(last, end=True) < 100
    if ax.hi - ax.lo > 20 * DAY:  # past the narrowest axis (a fortnight) the data fills the chart
        assert ax.x(first) < 10 and ax.x(last, end=True) > 90
    ticks = ax.ticks()
    assert 3 <= len(ticks) <= 12 and all(0 <= tk["x"] <= 100 for tk in ticks)
    assert [tk["x"] for tk in ticks] == sorted(tk["x"] for tk in ticks)


def test_days_are_ticked_when_the_span_is_days():
    labels = [tk["label"] for tk in axis(["2025-10-13", "2025-10-15"]).ticks()]
    assert "13/10" in labels and "15/10" in labels


def test_one_day_of_events_fills_the_chart():
    events = [{"date": "2025-10-15", "type": "CONSULT", "mentions": [{"doc_id": "a", "sentence_index": i}]}
              for i in range(3)]
    chart = actor_chart([], events, t)
    dots = chart["lanes"][-1].dots
    xs = sorted(d["x"] for d in dots)
    assert len(xs) == 3 and xs[-1] - xs[0] > 2  # three events of a day, side by side, not one blot
    assert all(30 < x < 70 for x in xs)


def _role(name, actor_id, rank, observed, start=None):
    return {"actor_id": actor_id, "name": name, "rank": rank, "title": "Bộ trưởng", "country": "LAO",
            "start": start, "end": None, "observed": observed, "first_observed": observed[0],
            "last_observed": observed[-1], "certainty": "stated" if start else "observed", "evidence": []}


def test_band_labels_of_a_lane_never_overlap():
    roles = [_role("A", 1, "Thiếu tướng", ["2023-09-05"]), _role("A", 1, "Trung tướng", ["2023-09-20", "2024-02-01"]),
             _role("A", 1, "Thượng tướng", ["2023-09-20"]), _role("B", 2, "Đại tướng", ["2025-01-09"], "2024-12")]
    chart = post_chart(roles, t, "2024-01-01")
    for lane in chart["lanes"]:
        rooms = sorted((b.x, b.x + b.label_w) for b in lane.bands if b.label_w > 0)
        assert all(a[1] <= b[0] + 1e-6 for a, b in zip(rooms, rooms[1:])), rooms
        assert all(0 <= lo and hi <= 100 + 1e-6 for lo, hi in rooms)
    assert any(b.label_w > b.w for lane in chart["lanes"] for b in lane.bands)  # a narrow band's label runs on
