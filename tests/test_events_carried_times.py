"""The time a sentence carries from the sentences before it (stages/events/carried_times.py):
constructions of the dev texts, in made-up sentences."""
from __future__ import annotations

from tests.test_events import _analysed
from tests.test_events_dating import _one


def test_a_sentence_about_the_person_of_the_sentence_before_keeps_its_opening_time():
    found = _analysed("Hồi năm 2017, Thiếu tướng Igor Konashenkov tuyên bố IS đã thâm nhập khu vực. "
                      "Đặc biệt, ông Igor Konashenkov cáo buộc Bộ Quốc phòng Mỹ tiếp tay cho IS.", published="2019-02-01")
    assert _one(found, "ACCUSE").date == "2017"
    # another person: the story is back in its own time
    found = _analysed("Hồi năm 2017, Thiếu tướng Igor Konashenkov tuyên bố IS đã thâm nhập khu vực. "
                      "Ngoại trưởng Sergei Lavrov cáo buộc Bộ Quốc phòng Mỹ tiếp tay cho IS.", published="2019-02-01")
    assert _one(found, "ACCUSE").date != "2017"


def test_a_time_closing_the_fronted_phrase_of_the_sentence_before_dates_a_sentence_opening_with_its_pronoun():
    found = _analysed("Hôm 2/12, Triều Tiên phóng thử tên lửa. "
                      "Trong phiên họp của Hội đồng Bảo an ngày 29/11, Đại sứ Mỹ Jane Roe kêu gọi Triều Tiên kiềm chế. "
                      "Bà cảnh báo Triều Tiên sẽ bị trừng phạt.", published="2017-12-04")
    assert _one(found, "THREATEN").date == "2017-11-29"
    # a time inside the sentence, after its first comma, dates only its own clause
    found = _analysed("Hôm 2/12, Triều Tiên phóng thử tên lửa. "
                      "Trong phiên họp, Đại sứ Mỹ Jane Roe nhắc lại cuộc gặp ngày 29/11, kêu gọi Triều Tiên kiềm chế. "
                      "Bà cảnh báo Triều Tiên sẽ bị trừng phạt.", published="2017-12-04")
    assert _one(found, "THREATEN").date == "2017-12-02"


def test_a_time_deep_in_the_sentence_before_does_not_carry_into_the_next():
    found = _analysed("Hôm 11/2, Tổng thống Donald Trump hội đàm với Thủ tướng Shinzo Abe. Tuyên bố này được cho là "
                      "bất ngờ khi trong chiến dịch tranh cử vào năm ngoái, ông Trump cảnh báo sẽ rút lại sự bảo hộ. "
                      "Ông Trump cho biết tại một cuộc họp báo chung với ông Abe rằng liên minh là hòn đá tảng.",
                      published="2017-02-13")
    assert _one(found, "CONSULT", "họp báo chung").date == "2017-02-11"


def test_a_quote_the_sentence_before_opened_is_said_at_the_time_told_before_it():
    text = ("Ngày 22-5, Bộ trưởng Quốc phòng Nhật Bản Itsunori Onodera bày tỏ quan ngại. Trong phản ứng của mình, "
            "ngày 21-5, người phát ngôn Bộ Ngoại giao Việt Nam Lê Thị Thu Hằng khẳng định: \" Việt Nam có đầy đủ căn cứ "
            "pháp lý. Việt Nam yêu cầu Trung Quốc chấm dứt ngay các hành động nêu trên \".")
    assert _one(_analysed(text, published="2018-05-22"), "REQUEST").date == "2018-05-21"
    # the quote closed in the sentence before: the next one is the article's again
    text = ("Ngày 22-5, Bộ trưởng Quốc phòng Nhật Bản Itsunori Onodera bày tỏ quan ngại. Trong phản ứng của mình, "
            "ngày 21-5, người phát ngôn Bộ Ngoại giao Việt Nam Lê Thị Thu Hằng khẳng định: \" Việt Nam có đầy đủ căn cứ "
            "pháp lý \". Việt Nam yêu cầu Trung Quốc chấm dứt ngay các hành động nêu trên.")
    assert _one(_analysed(text, published="2018-05-22"), "REQUEST").date == "2018-05-22"


def test_what_a_speaker_goes_on_to_say_was_said_when_the_sentence_before_dates_their_words():
    text = ("Ngày 20-7, cố vấn John Bolton chỉ trích Trung Quốc. Hãng tin Reuters dẫn lời ông Cảnh Sảng nói tại một cuộc "
            "họp báo hôm 23-7 ở Bắc Kinh, cho rằng những bình luận trước đó là vu cáo. Ông Cảnh Sảng còn cáo buộc Mỹ "
            "đang gây rắc rối ở Biển Đông.")
    assert _one(_analysed(text, published="2019-07-25"), "ACCUSE", "cáo buộc").date == "2019-07-23"


def test_a_quote_mark_a_comma_follows_closes_a_quote_and_opens_none():
    text = ("\" Chúng tôi đã nhiều lần nêu rõ lập trường. Các tiến trình dựa trên Công ước luật biển năm 1982 \", "
            "ông Bình nói. Trước đó, Tổng thống Philippines Rodrigo Duterte cũng nhắc đến việc đàm phán song phương "
            "với Trung Quốc.")
    assert _one(_analysed(text, published="2016-11-03"), "CONSULT").date != "1982"
