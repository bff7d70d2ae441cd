"""A date told with its year in the week of a lead's day gives the lead its year (stages/nearby.py),
in made-up sentences."""
from __future__ import annotations

from datetime import date

from biennien.pipeline import analyse
from biennien.records import Source
from biennien.stages import nearby


def test_a_date_of_the_week_before_or_the_day_after_gives_the_year():
    assert nearby.lead_year(["Ông Châu giữ chức Giám đốc kể từ ngày 14/3/2019."], 20, 3) == 2019
    assert nearby.lead_year(["Chiều ngày 24/9/2017, Đại sứ quán đã cử đại diện."], 23, 9) == 2017
    # across the new year: a lead of 2/1 and a decision of 28/12/2018
    assert nearby.lead_year(["Quyết định có hiệu lực từ ngày 28/12/2018."], 2, 1) == 2019


def test_no_year_from_a_date_further_on_the_same_day_or_of_two_years():
    assert nearby.lead_year(["Khi làm việc tại TP HCM vào ngày 12/7/2017, Bộ trưởng cho biết."], 9, 7) is None
    assert nearby.lead_year(["Ngày 22-12-1992, hai nước thiết lập quan hệ ngoại giao."], 22, 12) is None
    assert nearby.lead_year(["Ông nhậm chức từ ngày 1/3/2008."], 20, 3) is None
    assert nearby.lead_year(["Ngày 15/3/2018 và ngày 16/3/2019 là hai mốc."], 20, 3) is None


def test_narrowed_leaves_the_bounds_when_no_year_fits_them():
    bound = ((date(1992, 11, 21), date(2026, 12, 7)),)
    assert nearby.narrowed(bound, ["Ngày 18-12-1991, ông sang thăm."], 22, 12) == bound
    assert nearby.narrowed(None, ["kể từ ngày 14/3/2019"], 20, 3) is None
    assert nearby.narrowed(bound, ["kể từ ngày 14/3/2019"], 20, 3) == ((date(2018, 3, 21), date(2020, 3, 18)),)


def test_the_lead_takes_the_year_of_the_date_told_near_it():
    text = ("Đại tá Lê Văn A làm Giám đốc Công an tỉnh\n"
            "Sáng 20/3, Bộ Công an tổ chức lễ công bố quyết định điều động Đại tá Lê Văn A giữ chức "
            "Giám đốc Công an tỉnh kể từ ngày 14/3/2019.\n")
    art = analyse(Source("x.txt", text)).article
    assert (art.published, art.published_precision) == ("2019-03-20", "day")
