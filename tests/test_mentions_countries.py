"""A person's country from the rest of the article (stages/mentions/countries.py) and from where an
apposition places them (things.affiliation), on made-up sentences."""
from __future__ import annotations

from tests.test_mentions import persons


def test_the_one_foreign_state_named_gives_a_titled_name_its_country():
    m = persons("Tổng thống Ba Lan cho biết sẽ tới Hà Nội. Thủ tướng Jan Kowal phát biểu tại Warszawa.")["Jan Kowal"]
    assert m.country == "POL"


def test_no_one_state_when_a_place_of_another_is_named():
    m = persons("Thị trưởng Boston nêu khả năng bắt Thủ tướng Ba Lan. Thị trưởng Kowal cho biết ông đang cân "
                "nhắc việc này khi ông tới Boston.")["Kowal"]
    assert m.country is None   # the Polish prime minister's country is not the mayor's


def test_a_foreign_name_heading_an_office_in_vietnam_is_no_vietnamese():
    found = persons("Bà Jane Doe, Đại diện Liên Hợp Quốc tại Việt Nam, hy vọng Mỹ và Nga đồng ý. "
                    "Kim Jae - chun, giáo sư tại Đại học Sogang ở Seoul, cho biết Mỹ và Nhật đồng ý.")
    assert found["Jane Doe"].country is None
    assert found["Kim Jae - chun"].country == "KOR"


def test_a_post_serving_a_person_is_held_in_that_persons_state():
    found = persons("Jan Novak, phát ngôn viên của Tổng thống Petr Dvorak, hôm nay cho biết. Tổng thống Séc "
                    "Petr Dvorak nói với Nga và Anh.")
    assert found["Petr Dvorak"].country == "CZE"
    assert found["Jan Novak"].country == "CZE"
