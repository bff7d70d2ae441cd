"""The chains of titles around a name (stages/mentions/titles.py), on made-up sentences."""
from __future__ import annotations

from tests.test_mentions import persons


def test_posts_before_a_name_joined_by_commas_each_with_its_body():
    m = persons("Dự có Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Kinh tế Trung ương "
                "Trần Văn Khải và nhiều đại biểu.")["Trần Văn Khải"]
    assert m.titles == ["Ủy viên Bộ Chính trị", "Bí thư Trung ương Đảng", "Trưởng Ban Kinh tế Trung ương"]


def test_one_head_title_twice_before_a_name_is_a_list_of_holders_not_a_chain():
    m = persons("Đoàn có Giám đốc Sở Tài chính, Giám đốc Sở Xây dựng Lê Văn Tám.")["Lê Văn Tám"]
    assert m.titles == ["Giám đốc Sở Xây dựng"]


def test_a_unit_word_between_a_post_and_its_place_stays_in_the_post():
    text = ("Bí thư Tỉnh ủy tỉnh Quảng Trị Đỗ Văn Hạnh tiếp đoàn. Sau đó, Chủ tịch thành phố Đà Nẵng "
            "Lê Thị Hoa và ông Phan Văn Lực, Bí thư huyện Gia Lâm, cùng dự.")
    found = persons(text)
    assert found["Đỗ Văn Hạnh"].titles == ["Bí thư Tỉnh ủy tỉnh Quảng Trị"]
    assert found["Lê Thị Hoa"].titles == ["Chủ tịch thành phố Đà Nẵng"]
    assert found["Phan Văn Lực"].titles == ["Bí thư huyện Gia Lâm"]


def test_a_place_after_tai_is_where_the_holder_is_not_the_post():
    m = persons("Đại sứ Nhật Bản tại Việt Nam Ito Kenji thăm tỉnh Nam Định.")["Ito Kenji"]
    assert m.titles == ["Đại sứ tại Việt Nam"] and m.country == "JPN"


def test_a_full_ambassador_is_an_ambassador_of_the_country_where_they_serve():
    from biennien.resolve.roles import title_key

    m = persons("Thủ tướng tiếp Đại sứ Đặc mệnh toàn quyền Nhật Bản tại VN Ito Kenji.")["Ito Kenji"]
    assert m.country == "JPN" and title_key(m.titles[0]) == title_key("Đại sứ tại Việt Nam")


def test_a_city_post_is_one_post_however_the_city_is_written():
    from biennien.resolve.roles import title_key

    keys = {title_key(persons(f"Bí thư Thành ủy {city} Trần Văn Khải phát biểu.")["Trần Văn Khải"].titles[0])
            for city in ("Thành phố Hồ Chí Minh", "TP Hồ Chí Minh", "TP.HCM")}
    assert len(keys) == 1


def test_a_country_written_in_its_other_spelling_is_the_posts_not_part_of_the_name():
    found = persons("Thủ tướng Hi Lạp Andreas Nikolaou gặp Ngoại trưởng Macedonia Petar Stojanov.")
    assert found["Andreas Nikolaou"].country == "GRC" and found["Petar Stojanov"].country == "MKD"


def test_two_posts_joined_by_kiem_before_a_name_are_both_the_names():
    m = persons("Ông tiếp Phó Thủ tướng kiêm Bộ trưởng Ngoại giao Lào Saleumxay Kommasith.")["Saleumxay Kommasith"]
    assert m.titles == ["Phó Thủ tướng", "Bộ trưởng Bộ Ngoại giao"] and m.country == "LAO"


def test_two_posts_joined_by_va_before_a_name_stay_two_holders():
    m = persons("Đoàn chào Chủ tịch nước và Thủ tướng Lào Sonexay Siphandone.")["Sonexay Siphandone"]
    assert m.titles == ["Thủ tướng"]


def test_a_post_with_its_place_before_the_next_name_of_a_list_is_that_persons():
    found = persons("Đoàn có Bộ trưởng Ngoại giao Lê Văn Tám, Bí thư Thành ủy Hải Phòng Trần Văn Khải, "
                    "Chủ tịch Cần Thơ Phạm Thị Hoa và nhiều đại biểu.")
    assert found["Lê Văn Tám"].titles == ["Bộ trưởng Bộ Ngoại giao"]
    assert found["Trần Văn Khải"].titles == ["Bí thư Thành ủy Hải Phòng"]
    assert found["Phạm Thị Hoa"].titles == ["Chủ tịch Cần Thơ"]


def test_an_organisation_after_a_post_that_opens_in_a_capitalised_compound_is_no_holders_name():
    m = persons("Đoàn do ông Trần Văn Khải - ủy viên Bộ Chính trị, trưởng Ban Tuyên truyền Trung ương - dẫn đầu.")
    assert m["Trần Văn Khải"].titles[0] == "Ủy viên Bộ Chính trị" and len(m["Trần Văn Khải"].titles) == 2


def test_a_post_whose_organisation_names_its_holder_after_it_stays_that_holders():
    found = persons("Dự có Chánh Văn phòng Bộ Quốc phòng Lê Văn Tám, Phó Giám đốc Nghiên cứu Chiến lược "
                    "Trần Văn Khải và nhiều đại biểu.")
    assert found["Lê Văn Tám"].titles == ["Chánh Văn phòng Bộ Quốc phòng"]


def test_a_title_before_a_given_name_and_a_verb_is_no_organisation():
    found = persons("Có Bộ trưởng Ngoại giao Lê Văn Tám, Thủ tướng Dũng cho biết.")
    assert found["Lê Văn Tám"].titles == ["Bộ trưởng Bộ Ngoại giao"]


def test_the_chinese_state_council_is_an_organisation_of_the_posts_before_it():
    m = persons("Thủ tướng tiếp ông Lý Văn Cường, Ủy viên Bộ Chính trị, Phó Thủ tướng Quốc vụ viện Trung Quốc.")
    assert m["Lý Văn Cường"].titles == ["Ủy viên Bộ Chính trị", "Phó Thủ tướng"]
    assert m["Lý Văn Cường"].country == "CHN"


def test_the_posts_of_a_church_are_posts():
    found = persons("Chủ tịch Quốc hội hội kiến Thủ tướng Tòa thánh, Hồng y Paolo Bruni, và Đại giáo chủ Iran "
                    "Ali Rezaei.")
    assert found["Paolo Bruni"].titles == ["Thủ tướng Tòa thánh", "Hồng y"] and found["Paolo Bruni"].country == "VAT"
    assert found["Ali Rezaei"].titles == ["Đại giáo chủ"] and found["Ali Rezaei"].country == "IRN"


def test_a_post_with_the_country_an_envoy_serves_in_before_the_next_name_is_that_persons():
    found = persons("Đoàn có Bộ trưởng Ngoại giao Lê Văn Tám, Đại sứ Việt Nam tại Hungary Trần Văn Khải và "
                    "Thứ trưởng Bộ Ngoại giao Nga Igor Petrov, Đại sứ Nga tại Việt Nam Pavel Orlov.")
    assert found["Lê Văn Tám"].titles == ["Bộ trưởng Bộ Ngoại giao"]
    assert found["Trần Văn Khải"].titles == ["Đại sứ tại Hungary"]
    assert found["Igor Petrov"].titles == ["Thứ trưởng Bộ Ngoại giao"]
    assert found["Pavel Orlov"].titles == ["Đại sứ tại Việt Nam"] and found["Pavel Orlov"].country == "RUS"


def test_the_one_a_post_serves_is_no_post_of_the_name_after_the_comma():
    found = persons("Với tư cách cố vấn đặc biệt của tổng thống, ông John Carter được cho là người giật dây.")
    assert found["John Carter"].titles == []
    found = persons("Đặc phái viên của Tổng Bí thư, Chủ tịch nước Lê Văn Tám thăm Lào.")
    assert found["Lê Văn Tám"].titles == ["Tổng Bí thư", "Chủ tịch nước"]


def test_a_spokespersons_post_at_the_presidents_office_is_theirs():
    m = persons("Phát ngôn viên phủ Tổng thống Philippines Jose Santos giải thích.")["Jose Santos"]
    assert m.titles == ["Phát ngôn viên Phủ Tổng thống"] and m.country == "PHL"


def test_a_post_told_before_a_dash_is_the_name_after_its():
    m = persons("CEO Actavis - Robert Wessman phải từ chức.")["Robert Wessman"]
    assert m.titles == ["CEO Actavis"]
    m = persons("Đó là ngày khó khăn của Tổng thống Iceland - Olafur Grimsson.")["Olafur Grimsson"]
    assert m.titles == ["Tổng thống"] and m.country == "ISL"


def test_a_title_an_honorific_addresses_is_its_own_holder_not_the_next_names():
    m = persons("Chào đón ngài Toàn quyền, chủ tịch Nguyễn Văn Tám cho biết chuyến thăm có ý nghĩa.")["Nguyễn Văn Tám"]
    assert m.titles == ["Chủ tịch"]


def test_a_post_at_the_office_of_a_post_is_that_office():
    m = persons("Dự có Chủ nhiệm Văn phòng Chủ tịch nước Lê Văn Tám, Bí thư Thành ủy Đà Nẵng Trần Văn Khải.")
    assert m["Lê Văn Tám"].titles == ["Chủ nhiệm Văn phòng Chủ tịch nước"]


def test_central_abbreviated_with_a_dot_runs_on_in_the_posts_organisation():
    m = persons("Ủy viên Bộ Chính trị, Bí thư T.Ư Đảng, Chủ tịch Ủy ban T.Ư MTTQ Việt Nam Trần Thị Hoa gửi điện mừng.")
    assert m["Trần Thị Hoa"].titles == ["Ủy viên Bộ Chính trị", "Bí thư Trung ương Đảng", "Chủ tịch Ủy ban T.Ư MTTQ Việt Nam"]
    m = persons("Bác sĩ Trần Thị Hoa, Phó giám đốc Bệnh viện T.Ư Quân đội 108, được thăng quân hàm.")
    assert m["Trần Thị Hoa"].titles == ["Phó Giám đốc Bệnh viện T.Ư Quân đội 108"]


def test_a_city_written_with_its_unit_word_ends_before_the_holders_name():
    for city in ("TP. HCM", "TP.HCM", "TP HCM"):
        m = persons(f"Sáng 25-5, chủ tịch UBND {city} Nguyễn Văn Tám đã tiếp đoàn.")
        assert m["Nguyễn Văn Tám"].titles == [f"Chủ tịch UBND {city}"]


def test_a_posts_organisation_the_scan_left_unread_stays_in_the_post():
    m = persons("Giám đốc Tình báo Quốc gia Mỹ Dan Coats cho hay.")["Dan Coats"]
    assert m.titles == ["Giám đốc Tình báo Quốc gia"] and m.country == "USA"



def test_an_envoy_for_a_matter_of_another_state_keeps_the_state_that_sends_them():
    found = persons("Đặc phái viên Nhật Bản về vấn đề an ninh Triều Tiên Hiro Tanaka gặp Bộ trưởng Ngoại giao Pháp "
                    "Marc Dupont. Phái viên đặc biệt của Anh về Libya, John Carter, và Đặc phái viên Liên Hợp Quốc "
                    "về Yemen Hans Berg cũng dự cùng đại diện Ai Cập.")
    assert found["Hiro Tanaka"].country == "JPN"
    assert found["Hiro Tanaka"].titles == ["Đặc phái viên về vấn đề an ninh Triều Tiên"]
    assert found["John Carter"].country == "GBR"
    assert found["Hans Berg"].country is None   # the UN's envoy: no state of Yemen


def test_a_titled_name_of_a_country_after_cua_is_of_that_country():
    found = persons("Đặc phái viên Lưu Kiến Quốc của Trung Quốc đã thăm Lào và gặp ông Nguyễn Văn An.")
    assert found["Lưu Kiến Quốc"].country == "CHN"
