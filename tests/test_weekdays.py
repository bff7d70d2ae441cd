"""Days named with their weekday (stages/weekdays.py): what they say, where they place an article."""
from datetime import date

from biennien.stages import weekdays


def test_a_day_named_with_its_weekday_is_read():
    assert weekdays.weekdays(["Ngày mai thứ ba, 23/10, các đại biểu bầu Chủ tịch nước."]) == [(23, 10, 1)]
    # the week it lies in may stand between the weekday and the date
    assert weekdays.weekdays(["Thứ Năm tuần trước (12/3), hai bên ký."]) == [(12, 3, 3)]
    assert weekdays.weekdays(["Thứ Năm, hai bên ký."]) == []
    assert weekdays.weekday_cue("ngày mai thứ ba, 23/10") and not weekdays.weekday_cue("ngày mai, 23/10")


def test_a_weekday_places_the_article_within_a_year_of_its_day():
    spans = weekdays.weekday_spans((23, 10, 1))   # 23 October, a Tuesday: 2007, 2012, 2018, 2029, ...
    assert any(a <= date(2018, 10, 23) <= b for a, b in spans)
    assert not any(a <= date(2016, 10, 23) <= b for a, b in spans)


def test_a_day_near_the_lead_agrees_only_on_its_weekday():
    assert weekdays.agrees(date(2018, 10, 22), [(23, 10, 1)])          # 23 October 2018: a Tuesday
    assert not weekdays.agrees(date(2019, 10, 22), [(23, 10, 1)])      # 2019's: a Wednesday
    assert weekdays.agrees(date(2019, 3, 1), [(23, 10, 1)])            # too far from the lead to say
