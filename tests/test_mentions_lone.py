"""stages/mentions/lone.py: a foreign surname alone after a form of address is a name."""
from __future__ import annotations

from tests.test_mentions import find, persons


def test_a_foreign_surname_after_an_honorific_is_a_person_with_no_full_name_here():
    assert "Netanyahu" in persons("Nhiều đại biểu bỏ ra ngoài khi ông Netanyahu chuẩn bị phát biểu.")
    assert "Terry" in persons("Có mặt bà của Tarrant và người chú Terry.")   # a kin word
    assert "Putin" in persons("Tổng thống Trump và người đồng cấp Putin họp báo chung.")   # a counterpart word


def test_a_full_form_in_the_article_is_what_it_stands_for():
    found = persons("Thủ tướng Israel Benjamin Netanyahu phát biểu. Sau đó, ông Netanyahu rời đi.")
    assert set(found) == {"Benjamin Netanyahu"}


def test_no_initial_no_group_no_vietnamese_word_no_organisation_word():
    assert persons("Ông C cho biết đã báo công an.") == {}
    assert persons("Hàng nghìn người Yazidis mắc kẹt trên núi.") == {}
    assert persons("Ông Tập nói.") == {}   # a Vietnamese-shaped word alone stays a short form
    assert persons("Ông ABC nói.") == {}


def test_a_word_full_names_hold_is_the_one_written_most_and_no_third_person():
    found = persons("Ông Minho Yoon được bổ nhiệm. Ông Minhoo Yoon nhận chức. Ông Minho Yoon nói. "
                    "Ông Yoon có kinh nghiệm.")
    assert set(found) == {"Minho Yoon", "Minhoo Yoon"}
    found = [m.name for m in find("Bà Laura Pereira Soto tới Huế. Anh trai bà, ông Mario Pereira, ở lại Lima. "
                                  "Bà Laura Pereira Soto phát biểu. Sau đó bà Pereira thăm một trường học.")
             if m.kind == "person"]
    assert found.count("Laura Pereira Soto") == 3 and "Pereira" not in found
