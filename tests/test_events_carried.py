"""stages/events/carried.py: subjects a verb carries from its sentence (the speaker of the words
it follows, the subject of a comma-led part)."""
from __future__ import annotations

from tests.test_events import _analysed
from tests.test_events_classes import _find, _kept

KIM = ("Kim Chol", "person", "PRK")


def test_a_charge_after_reported_words_is_the_speakers():
    text = "Đại sứ Kim Chol cho biết Triều Tiên không tin Malaysia, cáo buộc Kuala Lumpur che giấu sự thật."
    found = _find(text, KIM, ("Triều Tiên", "country", "PRK"), ("Malaysia", "country", "MYS"),
                  ("Kuala Lumpur", "location", "MYS"))
    assert ("ACCUSE", ["Kim Chol"], ["Kuala Lumpur"]) in _kept(found)


def test_a_request_after_a_semicolon_is_the_speakers_not_the_words_subject():
    text = ("Thủ tướng Lê Văn Hưng khẳng định chính phủ Việt Nam luôn tạo điều kiện thuận lợi; "
            "đề nghị Ấn Độ mở rộng đầu tư.")
    found = _find(text, ("Lê Văn Hưng", "person", "VNM"), ("chính phủ Việt Nam", "organization", "VNM"),
                  ("Ấn Độ", "country", "IND"))
    assert _kept(found) == [("REQUEST", ["Lê Văn Hưng"], ["Ấn Độ"])]


def test_words_opening_with_a_comma_are_someone_elses():
    text = "Ông Kim Chol cho biết, Triều Tiên đã nhận thư của Malaysia, cáo buộc Kuala Lumpur che giấu sự thật."
    found = _find(text, KIM, ("Triều Tiên", "country", "PRK"), ("Malaysia", "country", "MYS"),
                  ("Kuala Lumpur", "location", "MYS"))
    assert all(a != ["Kim Chol"] for t, a, _ in _kept(found) if t == "ACCUSE")


def test_an_act_that_is_no_speech_is_not_the_speakers():
    text = "Ông Kim Chol cho biết hội nghị đã giúp hai bên hiểu nhau, hỗ trợ cộng đồng người Triều Tiên tại Malaysia."
    found = _find(text, KIM, ("Malaysia", "country", "MYS"))
    assert all(a != ["Kim Chol"] for _, a, _ in _kept(found))


def test_a_purpose_after_a_meeting_is_addressed_to_the_one_met():
    text = "Bà Erin McKee đã tới gặp Bộ trưởng Ngoại giao Indonesia Retno Marsudi để xin lỗi chính thức."
    found = _find(text, ("Erin McKee", "person", "USA"), ("Indonesia", "country", "IDN"),
                  ("Retno Marsudi", "person", "IDN"))
    assert ("SUPPORT", ["Erin McKee"], ["Retno Marsudi"]) in _kept(found)


def test_words_told_to_someone_about_a_topic_carry_no_speaker():
    # "thông báo tới X về ...": what follows is a topic, its verbs are no acts of the speaker's
    text = ("Thượng tướng Trần Văn Lâm thông báo tới Đại tướng Bounmy về các nội dung đã trao đổi, "
            "thống nhất với Thượng tướng Vongkham.")
    found = _find(text, ("Trần Văn Lâm", "person", "VNM"), ("Bounmy", "person", "LAO"), ("Vongkham", "person", "LAO"))
    assert all(t != "AGREE" for t, _, _ in _kept(found))


def test_reported_words_with_no_subject_of_their_own_are_the_speakers_act():
    # "A tuyên bố trục xuất B": nothing but adverbs between the reported cue and the verb
    text = "Bộ Ngoại giao Mỹ hôm nay tuyên bố trục xuất 60 nhà ngoại giao Nga."
    found = _find(text, ("Bộ Ngoại giao Mỹ", "organization", "USA"), ("Nga", "country", "RUS"))
    assert ("SANCTION", ["Bộ Ngoại giao Mỹ"], ["Nga"]) in _kept(found)


def test_a_rang_between_the_cue_and_the_verb_keeps_the_speaker():
    text = "Tổng thống Lê Văn Hưng nói rằng đã chỉ trích gay gắt Thủ tướng Ba Lan Jan Kowal."
    found = _find(text, ("Lê Văn Hưng", "person", "VNM"), ("Jan Kowal", "person", "POL"))
    assert ("ACCUSE", ["Lê Văn Hưng"], ["Jan Kowal"]) in _kept(found)


def test_reported_words_with_a_subject_of_their_own_are_not_the_speakers():
    text = "Tổng thống Lê Văn Hưng cho biết cảnh sát đã chỉ trích gay gắt Thủ tướng Ba Lan Jan Kowal."
    found = _find(text, ("Lê Văn Hưng", "person", "VNM"), ("Jan Kowal", "person", "POL"))
    assert all(a != ["Lê Văn Hưng"] for _, a, _ in _kept(found))


def test_a_passive_reported_cue_gives_no_speaker():
    text = "Bộ Ngoại giao Mỹ được cho biết đã trục xuất 60 nhà ngoại giao Nga."
    found = _find(text, ("Bộ Ngoại giao Mỹ", "organization", "USA"), ("Nga", "country", "RUS"))
    assert all(a != ["Bộ Ngoại giao Mỹ"] for _, a, _ in _kept(found))


def test_a_joint_acts_noun_right_after_reported_words_is_their_topic():
    # "thoả thuận" opens what is said ("cho rằng thoả thuận là ..."); no agreement of the speaker's
    text = "Tổng thống Lê Văn Hưng cho rằng thoả thuận với Ba Lan là một thành công."
    found = _find(text, ("Lê Văn Hưng", "person", "VNM"), ("Ba Lan", "country", "POL"))
    assert all("Lê Văn Hưng" not in a + r for _, a, r in _kept(found))


def test_a_request_joined_by_va_after_reported_words_is_the_speakers():
    # "A khẳng định rằng ... và yêu cầu B": "và" joins the speaker's acts, as a comma does
    text = "Phát ngôn viên Jan Kowal khẳng định rằng thiết bị đã bị thu giữ trái phép và yêu cầu Ba Lan không can thiệp."
    found = _find(text, ("Jan Kowal", "person", "USA"), ("Ba Lan", "country", "POL"))
    assert ("REQUEST", ["Jan Kowal"], ["Ba Lan"]) in _kept(found)


def test_va_joining_two_names_gives_no_speaker():
    text = "Ông Kim Chol cho biết Nga và Mỹ cáo buộc Kuala Lumpur che giấu sự thật."
    found = _find(text, KIM, ("Nga", "country", "RUS"), ("Mỹ", "country", "USA"), ("Kuala Lumpur", "location", "MYS"))
    assert all(a != ["Kim Chol"] for t, a, _ in _kept(found) if t == "ACCUSE")


def test_a_negation_in_the_speakers_words_does_not_negate_the_act_after_va():
    # "nói rằng chưa đến lúc ... và tiếp tục đe doạ B": "chưa" is the words', the threat happened
    text = "Tổng thống Jan Kowal nói rằng chưa đến lúc đàm phán và tiếp tục đe doạ áp thuế với hàng Ba Lan."
    found = _find(text, ("Jan Kowal", "person", "USA"), ("Ba Lan", "country", "POL"))
    assert ("THREATEN", ["Jan Kowal"], ["Ba Lan"]) in _kept(found)


def test_a_comma_led_part_goes_on_with_the_state_that_opens_the_sentence():
    text = "Việt Nam đã phản ứng mạnh mẽ, yêu cầu Trung Quốc chấm dứt các hoạt động quân sự hoá."
    found = _find(text, ("Việt Nam", "country", "VNM"), ("Trung Quốc", "country", "CHN"))
    assert ("REQUEST", ["Việt Nam"], ["Trung Quốc"]) in _kept(found)


def test_a_restricting_adverb_stands_between_a_subject_and_its_verb():
    text = "Ông Putin chỉ đơn thuần kêu gọi Thủ tướng Israel tuân thủ các thoả thuận."
    found = _find(text, ("Putin", "person", "RUS"), ("Israel", "country", "ISR"))
    assert ("REQUEST", ["Putin"], ["Israel"]) in _kept(found)


def test_a_comma_led_part_after_quoted_words_does_not_go_on_with_a_name_quoted():
    text = ("Tổng thống Donald Trump chỉ trích cựu Ngoại trưởng Rex Tillerson: \" Ông ấy lười biếng. "
            "Bộ Ngoại giao hiện nay đã có tinh thần hoàn toàn khác \", ông chủ Nhà Trắng viết trên mạng xã hội "
            "Twitter, đồng thời khen ngợi quá trình làm việc của Ngoại trưởng Mike Pompeo.")
    assert all(a.name != "Bộ Ngoại giao" for e in _analysed(text, "2018-12-08") for a in e.actors)
