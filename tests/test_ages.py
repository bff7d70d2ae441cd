"""Well-known persons named with their age bound an undated article (stages/ages.py), in made-up
sentences; every row of resources/vi/births.tsv dates its example."""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from biennien import resources
from biennien.pipeline import analyse
from biennien.records import Source
from biennien.stages import ages, bounds


def _ages(sentence: str) -> list:
    return ages.evidence([bounds.spelled(sentence)])


def test_an_age_places_the_article_in_the_year_it_lasts():
    # Lavrov, born 21 March 1950: 68 by the birthday from March 2018, by the year of birth in
    # all of 2018; either way from 1 January 2018 to 20 March 2019
    found = _ages("Ông Lavrov, năm nay 68 tuổi, đã lãnh đạo ngành ngoại giao từ lâu.")
    assert found == [("age", ((date(2018, 1, 1), date(2019, 3, 20)),))]
    assert _ages("Ngoại trưởng Lavrov (68 tuổi) phát biểu.") == found
    assert _ages("Ngoại trưởng Lavrov 68 tuổi phát biểu.") == found


@pytest.mark.parametrize("sentence", [
    "Ivanka Trump, 36 tuổi, dự tiệc tối.",                    # another person of the family
    "Anh Vi Văn Putin (34 tuổi) chèo thuyền trên sông.",     # a name ending alike
    "Người kế nhiệm trẻ hơn ông Putin 13 tuổi.",             # a difference, not an age
    "Họ chờ cho tới khi Macron 18 tuổi.",                     # the age of another day
    "Năm 2012, ông Tập Cận Bình, 59 tuổi, trở thành lãnh đạo.",   # history told
    "Cựu Thủ tướng Shinzo Abe, 67 tuổi, qua đời.",           # the age at a death
    "Ông Lavrov phát biểu trước 68 đại biểu.",                # no age
])
def test_an_age_not_of_the_person_today_bounds_nothing(sentence):
    assert _ages(sentence) == []


def test_an_age_dates_the_lead_with_the_tenures():
    # Tập Cận Bình (born 15 June 1953), 62: 2015 to 14 June 2016; a lead of 6 November: 2015
    text = "Tin\nSáng nay (6/11), Chủ tịch Trung Quốc Tập Cận Bình đến Singapore. Ông Tập Cận Bình (62 tuổi) có bằng tiến sĩ."
    art = analyse(Source("x.txt", text)).article
    assert (art.published, art.published_precision) == ("2015-11-06", "day")


@pytest.mark.parametrize("row", resources.load("births"), ids=lambda r: r["example"])
def test_birth_row_dates_its_example(row):
    ex = bounds.spelled(row["example"])
    match = re.search(row["pattern"], ex)
    assert match and row["cue"] in match.group().lower()
    age = int(re.search(r"(\d+) tuổi", ex).group(1))
    born = date.fromisoformat(row["born"])
    year = born.year + age
    end = born.replace(year=year + 1) - timedelta(days=1)
    assert _ages(ex) == [("age", ((date(year, 1, 1), end),))]
    # the same name after another capitalised name is another person's
    assert _ages(ex.replace(match.group(), "Anna " + match.group().split()[-1])) == []
