"""Dated events an article names bound it from below (stages/references.py), in made-up sentences."""
from __future__ import annotations

from datetime import date

from biennien import resources
from biennien.stages import bounds, references


def _found(*sentences: str) -> list:
    return references.evidence([bounds.spelled(s) for s in sentences])


def test_an_event_named_as_past_or_present_bounds_from_a_month_before_it():
    assert _found("Các nhà lãnh đạo gặp nhau bên lề Hội nghị Cấp cao ASEAN lần thứ 31 tại Manila.") == \
        [("reference", ((date(2017, 11, 10) - references.BEFORE_EVENT, date.max),))]
    # of several, the latest to start
    assert _found("Việt Nam tổ chức rất thành công SEA Games 31.", "Sau SEA Games 30 tại Philippines.") == \
        [("reference", ((date(2022, 5, 12) - references.BEFORE_EVENT, date.max),))]


def test_an_event_ahead_or_no_event_bounds_nothing():
    assert _found("Việt Nam sẽ đăng cai SEA Games 31.") == []
    assert _found("Hai bên trao đổi về hợp tác kinh tế.") == []


def test_every_row_bounds_its_example():
    for row in resources.load("reference_events"):
        found = _found(row["example"])
        assert found and found[0][1][0][0] <= date.fromisoformat(row["start"]) - references.BEFORE_EVENT, row["example"]
