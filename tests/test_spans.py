from datetime import date

from biennien.stages.spans import EARLIEST, meet, month_end, month_start, pinned, union


def test_union_joins_overlapping_spans_earliest_first():
    a, b, c = date(2018, 1, 1), date(2018, 6, 30), date(2019, 3, 1)
    assert union([(c, date(2019, 4, 1)), (a, b), (date(2018, 5, 1), date(2018, 8, 1))]) == (
        (a, date(2018, 8, 1)), (c, date(2019, 4, 1)))


def test_meet_keeps_the_days_in_both():
    tenure = ((date(2016, 4, 7), date(2021, 4, 5)),)
    assert meet(tenure, ((date(2020, 1, 1), date.max),)) == ((date(2020, 1, 1), date(2021, 4, 5)),)
    assert meet(tenure, ((EARLIEST, date(2015, 12, 31)),)) == ()


def test_months_counted_from_january_of_a_year():
    assert month_start(2017, 10) == date(2017, 11, 1)
    assert month_start(2017, 12) == date(2018, 1, 1)
    assert month_end(2017, 1) == date(2017, 2, 28)


def test_pinned_is_the_month_or_year_every_day_lies_in():
    assert pinned(date(2018, 12, 14), date(2018, 12, 21)) == ("2018-12", "month")
    assert pinned(date(2018, 12, 28), date(2019, 1, 4)) == (None, None)
    assert pinned(date(2018, 5, 25), date(2018, 6, 1)) == ("2018", "year")
