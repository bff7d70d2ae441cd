"""A post told after a name that runs on to the body it is held at (stages/mentions/bodies.py), on
made-up sentences."""
from __future__ import annotations

from tests.test_mentions import persons


def test_a_title_runs_on_through_its_words_to_the_body_it_serves():
    m = persons("Bà Trần Thị Hoa, phó giám đốc chương trình châu Á của Viện Nghiên cứu Thăng Long, cho biết.")
    assert m["Trần Thị Hoa"].titles == ["Phó Giám đốc chương trình châu Á của Viện Nghiên cứu Thăng Long"]


def test_an_occupation_with_a_body_is_a_post():
    m = persons("Theo ông Lê Văn An, giáo sư kinh tế học tại Đại học Thăng Long, giá sẽ tăng.")
    assert m["Lê Văn An"].titles == ["Giáo sư kinh tế học tại Đại học Thăng Long"]


def test_an_occupation_without_a_body_is_no_post():
    m = persons("Theo ông Lê Văn An, chuyên gia kinh tế học, giá sẽ tăng.")
    assert m["Lê Văn An"].titles == []


def test_a_bare_title_that_needs_a_body_takes_the_one_named_with_its_short_name():
    m = persons("Bà Trần Thị Hoa, cố vấn cấp cao về châu Á tại Trung tâm nghiên cứu hòa bình (CPS) đánh giá cao.")
    assert m["Trần Thị Hoa"].titles == ["Cố vấn cấp cao về châu Á tại Trung tâm nghiên cứu hòa bình (CPS)"]


def test_the_body_ends_before_the_verb_of_the_clause():
    m = persons("Bà Trần Thị Hoa, phó giám đốc chương trình châu Á của CPS cho rằng giá sẽ tăng.")
    assert m["Trần Thị Hoa"].titles == ["Phó Giám đốc chương trình châu Á của CPS"]


def test_a_verb_after_a_post_keeps_the_place_of_the_act_out_of_it():
    for verb in ("phát biểu", "có mặt", "đã tới"):
        m = persons(f"Ông Lê Văn Tám, Giám đốc Sở Tài chính {verb} tại Hội nghị Diên Hồng.")
        assert m["Lê Văn Tám"].titles == ["Giám đốc Sở Tài chính"], verb


def test_another_persons_post_is_never_run_into():
    found = persons("Có Phó Tổng thống Lê Văn Tám, Ngoại trưởng Trần Văn Khải và Đại sứ Lào tại Liên Hợp Quốc "
                    "Phạm Văn Lực.")
    assert found["Lê Văn Tám"].titles == ["Phó Tổng thống"]
    assert found["Trần Văn Khải"].titles == ["Ngoại trưởng"]


def test_a_post_given_by_a_verb_does_not_run_on_to_where_it_was_held():
    m = persons("Ông Lê Văn An đã được bổ nhiệm làm Giám đốc sau 22 năm tại Tập đoàn Thăng Long.")
    assert m["Lê Văn An"].titles == ["Giám đốc"]


def test_the_verb_after_a_bodys_proper_name_is_left_out():
    m = persons("Giá sẽ tăng \", bà Trần Thị Hoa - nhà phân tích tại TLG Capital Markets nhận xét.")
    assert m["Trần Thị Hoa"].titles == ["Nhà phân tích tại TLG Capital Markets"]


def test_a_post_that_names_its_organisation_is_no_post_of_the_body_it_belongs_to():
    m = persons("Bà Trần Thị Hoa, Phó Chủ nhiệm Ủy ban Tài chính của Quốc hội, phát biểu.")
    assert m["Trần Thị Hoa"].titles == ["Phó Chủ nhiệm Ủy ban Tài chính"]


def test_a_post_at_a_body_named_with_a_country_is_of_that_country():
    found = persons("Hans Weber - nhà nghiên cứu thuộc Viện Nghiên cứu quốc phòng Đức, cho biết Mỹ và Nhật Bản đồng ý. "
                    "Tom Reid, giám đốc Trung tâm Phân tích tại Viện nghiên cứu Nga và Ukraine, nói thêm.")
    assert found["Hans Weber"].country == "DEU"
    assert found["Tom Reid"].country is None   # a body of two countries studies them


def test_a_post_at_a_committee_of_a_foreign_parliament_is_of_that_state():
    m = persons("Chủ tịch Ủy ban đối ngoại Hạ viện Úc John Smith chỉ trích Trung Quốc và Mỹ.")["John Smith"]
    assert m.country == "AUS"


def test_a_post_after_a_foreign_name_at_a_body_closed_by_a_country_is_of_it():
    found = persons("Ông Paolo Rossi, thứ trưởng Bộ Phát triển nông nghiệp Ý, nói rằng Pháp và Đức đồng ý. "
                    "Ivan Petrov, người đứng đầu Hội đồng các vấn đề năng lượng Nga, nhận định như vậy.")
    assert found["Paolo Rossi"].country == "ITA"
    assert found["Paolo Rossi"].titles == ["Thứ trưởng Bộ Phát triển nông nghiệp Ý"]
    assert found["Ivan Petrov"].country == "RUS"


def test_a_body_named_after_two_countries_gives_neither():
    m = persons("Ông John Smith, Giám đốc Trung tâm Nghiên cứu Mỹ và Nga, nói với Anh.")["John Smith"]
    assert m.country is None


def test_a_body_of_one_country_with_an_office_in_another_is_of_the_first():
    m = persons("Ông John Miller - giám đốc điều hành Hiệp hội Doanh nghiệp Úc tại Việt Nam (AUSCHAM) - cho biết "
                "Mỹ và Nhật Bản đồng ý.")["John Miller"]
    assert m.country == "AUS"


def test_a_centre_of_studies_of_a_country_at_a_university_is_not_of_that_country():
    m = persons("Li Wei, phó giám đốc Trung tâm Nghiên cứu nước Pháp tại Đại học Phục Đán, cho rằng Đức và Ý "
                "đồng ý.")["Li Wei"]
    assert m.country is None
