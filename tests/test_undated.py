"""Yearless times of an article the text dates only to an interval (stages/undated.py), in
made-up sentences: office-holders' tenures bound the article, and a day named without its year
takes the one year every day of those bounds gives it."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from biennien.records import TimeExpr
from biennien.stages import bounds, undated
from tests.test_events import _analysed


def _yearless(surface: str) -> TimeExpr:
    return TimeExpr("d", 0, 0, len(surface), surface, None, None)


def test_a_day_named_without_its_year_takes_the_one_year_the_bounds_allow():
    # Tillerson (from February 2017) and Yasay (until March 2017) in office together
    found = _analysed("Ngoại trưởng Mỹ Rex Tillerson gặp Ngoại trưởng Philippines Perfecto Yasay ngày 21/2.", published=None)
    assert [e.date for e in found if e.type == "CONSULT"] == ["2017-02-21"]
    # Tillerson alone: from 2017 to 2018, two readings of 21/2: no date
    found = _analysed("Ngoại trưởng Mỹ Rex Tillerson gặp Thủ tướng Nhật Bản Shinzo Abe ngày 21/2.", published=None)
    assert [e.date for e in found if e.type == "CONSULT"] == [None]


def test_a_time_whose_reading_changes_within_the_interval_stays_without_a_value(monkeypatch):
    spans = ((date(2016, 11, 3), date(2017, 5, 7)),)
    monkeypatch.setattr(bounds, "interval", lambda body: spans)
    got = undated.resolve([_yearless("ngày 21/2"), _yearless("tháng 12"), _yearless("hôm nay"),
                           _yearless("ngày 10/8")], ["x"])
    assert [t.value for t in got] == ["2017-02-21", "2016-12", None, None]   # 10/8: 2016 early on, 2017 late
    assert got[1].precision == "month"
    # no bounds, or bounds only from one side: nothing to resolve against
    monkeypatch.setattr(bounds, "interval", lambda body: ((bounds.EARLIEST, date(2017, 5, 7)),))
    assert undated.resolve([_yearless("ngày 21/2")], ["x"])[0].value is None


def test_a_time_the_bounds_give_its_year_keeps_no_partial_value(monkeypatch):
    monkeypatch.setattr(bounds, "interval", lambda body: ((date(2016, 11, 3), date(2017, 5, 7)),))
    day, other = undated.resolve([replace(_yearless("ngày 21/2"), partial="--02-21"),
                                  replace(_yearless("ngày 10/8"), partial="--08-10")], ["x"])
    assert (day.value, day.partial) == ("2017-02-21", None)
    assert (other.value, other.partial) == (None, "--08-10")   # two readings: what it says, no year
