"""Numbered terms of elected bodies bound an undated article (stages/terms.py), in made-up
sentences; every row of resources/vi/terms.tsv does what it says in its example."""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from biennien import resources
from biennien.pipeline import analyse
from biennien.records import Source
from biennien.stages import bounds, terms


def _kinds(sentence: str) -> list[tuple[str, tuple]]:
    return [(k, s) for k, s in terms.evidence([bounds.spelled(sentence)])]


def _undated(text: str) -> tuple:
    art = analyse(Source("x.txt", text)).article
    return art.published, art.published_precision


def test_a_numbered_term_bounds_the_article_from_below_only():
    found = _kinds("Hội nghị giới thiệu ông Trần Văn Minh ứng cử đại biểu Quốc hội khoá XVI.")
    assert found == [("term", ((date(2025, 3, 15), date.max),))]
    # the arabic number and the abbreviation in parentheses name the same term
    assert _kinds("ông Minh ứng cử đại biểu Quốc hội (ĐBQH) khóa 16 tại Hà Nội.") == found
    # a term is named by its own number only: XV is not XVI, nor XVI the XV
    assert _kinds("Ủy ban Thường vụ Quốc hội khóa XV họp phiên thứ 3.")[0][1][0][0] == date(2020, 5, 23)
    # a lower-case or deputy-less mention of another body is none of these
    assert _kinds("Đoàn thanh niên khóa XVI tổ chức hội trại.") == []


def test_a_numbered_term_dates_the_lead_that_its_start_leaves_one_year():
    text = ("Giới thiệu ứng cử\nChiều 14.1, Bộ Quốc phòng tổ chức hội nghị giới thiệu người ứng cử "
            "đại biểu Quốc hội khóa XVI đối với ông Trần Văn Minh.")
    # from March 2025 (a year before the election) to today: one 14 January, of 2026, whose
    # afternoon lead gives its month
    assert _undated(text) == ("2026-01", "month")
    assert _undated(text.replace("khóa XVI", "khóa XIV")) == (None, None)   # from 2015: many


def test_a_term_opened_by_a_meeting_held_is_its_first_year():
    held = "Sáng 27-9, Đảng bộ thành phố tổ chức trọng thể lễ khai mạc Đại hội đại biểu lần thứ nhất, nhiệm kỳ 2025 - 2030."
    spans = ((date(2025, 1, 1) - terms.OPEN_BEFORE, date(2025, 12, 31) + terms.OPEN_AFTER),)
    assert _kinds(held) == [("opened", spans)]
    assert _undated("Đại hội\n" + held) == ("2025-09-27", "day")
    first = "Sáng 28-4, Chủ tịch nước chủ trì phiên họp thứ nhất Hội đồng Quốc phòng và An ninh nhiệm kỳ 2026-2031."
    assert _kinds(first) == [("opened", ((date(2026, 1, 1) - terms.OPEN_BEFORE, date(2026, 12, 31) + terms.OPEN_AFTER),))]


@pytest.mark.parametrize("sentence", [
    # referred to, not held
    "Tỉnh tổ chức hội nghị triển khai nghị quyết Đại hội Đảng bộ tỉnh lần thứ nhất, nhiệm kỳ 2025 - 2030.",
    "Thành phố tổ chức quán triệt kết quả Đại hội đại biểu toàn quốc lần thứ XI, nhiệm kỳ 2026 - 2031.",
    # not said to be held
    "Tại Đại hội đại biểu toàn quốc lần XI, nhiệm kỳ 2026 - 2031, Chủ tịch nước phát biểu.",
    # the future, or history told with its date
    "Đại hội Đảng bộ tỉnh nhiệm kỳ 2025 - 2030 sẽ khai mạc vào cuối tháng.",
    "Đại hội Đảng bộ tỉnh nhiệm kỳ 2020 - 2025 khai mạc ngày 14/10/2020 đã bầu ông Minh.",
    # no term: a span of a programme or a wrong order
    "Đại hội khai mạc, thông qua chiến lược nhiệm kỳ 2021 - 2045.",
])
def test_a_term_not_opened_in_the_sentence_bounds_nothing(sentence):
    assert [k for k, _ in _kinds(sentence) if k == "opened"] == []


@pytest.mark.parametrize("row", resources.load("terms"), ids=lambda r: f"{r['kind']}:{r['example']}")
def test_term_row_does_what_its_example_says(row):
    ex = row["example"]
    found = _kinds(ex)
    if row["kind"] == "body":
        match = re.search(row["pattern"], bounds.spelled(ex))
        assert match and row["cue"] in match.group().lower()
        first = date.fromisoformat(row["start"]) - timedelta(days=int(row["before"]))
        assert ("term", ((first, date.max),)) in found, found
        return
    assert row["pattern"].casefold() in ex.casefold()
    without = ex.replace(row["pattern"], "").replace(row["pattern"].capitalize(), "").replace("  ", " ")
    if row["kind"] == "referred":   # with the word the meeting is referred to; without it, held
        assert "opened" not in [k for k, _ in found], found
        assert "opened" in [k for k, _ in _kinds(without)], without
    else:                           # the meeting, the term word and the held word are each needed
        assert "opened" in [k for k, _ in found], found
        assert "opened" not in [k for k, _ in _kinds(without)], without
