"""stages/events/doers.py: who does a verb."""
from __future__ import annotations

from tests.test_events_holders import _analysed
from tests.test_events import names


def test_a_meeting_told_after_a_main_clause_of_saying_is_the_speakers():
    # the main verb ("khẳng định", "tuyên bố") reports no event of its own: its subject met B
    for said in ("khẳng định sẽ tăng hợp tác", "tuyên bố sẽ khuyến khích doanh nghiệp nước này đầu tư vào Việt Nam"):
        found = _analysed(f"Thủ tướng Sato Kenji {said}, khi hội đàm với Tổng Bí thư Tô Lâm.")
        assert [(names(e.actors), names(e.recipients)) for e in found if e.type == "CONSULT"] == [
            (["Sato Kenji"], ["Tô Lâm"])]


def test_words_said_with_a_subject_of_their_own_keep_it_before_khi():
    # "X nói rằng Israel ... trước khi không kích": the strike is Israel's, not the speaker's
    found = _analysed("Ông Dmitry Peskov nói với phóng viên rằng Israel đã không thông báo với Moscow trước khi "
                      "tiến hành cuộc không kích.")
    assert all("Dmitry Peskov" not in names(e.actors) for e in found if e.type == "ASSAULT")
    # "Reuters dẫn lời ông X nói ... sau khi hội đàm với Y": the one quoted met Y, not the outlet
    found = _analysed("Reuters dẫn lời ông Sato Kenji nói tại một cuộc họp báo sau khi hội đàm với đại sứ "
                      "Trung Quốc Trương Kiến Hoa hôm nay.")
    assert all("Reuters" not in names(e.actors + e.recipients) for e in found)
