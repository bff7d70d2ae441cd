"""stages/events/references.py: a noun naming a diplomatic event takes the parties of the event a verb
of its article reports, unless it names them more precisely (made-up sentences)."""
from __future__ import annotations

from tests.test_events import _analysed, names


def _consults(text: str, published: str = "2017-08-24") -> list[tuple[str, list[str], list[str]]]:
    return [(e.trigger, names(e.actors), names(e.recipients)) for e in _analysed(text, published) if e.type == "CONSULT"]


def test_a_meeting_noun_naming_the_host_states_person_keeps_its_parties():
    # the visit is to the state; the audience with its Prime Minister names him: two events (the gold's rule)
    found = _consults("Bộ trưởng Quốc phòng Ba Lan Jan Kowal thăm Nhật Bản.\n\nTrong cuộc tiếp kiến Thủ tướng Nhật Bản Sato "
                      "Kenji, bà Kowal nhấn mạnh Ba Lan ủng hộ hoà bình.")
    assert ("thăm", ["Jan Kowal"], ["Nhật Bản"]) in found
    assert ("tiếp kiến", ["Jan Kowal"], ["Sato Kenji"]) in found


def test_a_meeting_noun_naming_fewer_takes_the_events_parties():
    found = _consults("Thủ tướng Ba Lan Jan Kowal hội đàm với Thủ tướng Nhật Bản Sato Kenji.\n\nTại cuộc hội đàm, hai "
                      "bên nhất trí tăng cường hợp tác.")
    assert all(a + r == ["Jan Kowal", "Sato Kenji"] for _, a, r in found)


def test_a_meeting_noun_dated_to_its_day_keeps_it_and_gives_it_to_a_verb_only_the_lead_dated():
    found = _analysed("Trung Quốc xác nhận ông Tập Cận Bình tiếp Kim Jong Un ở Đại Liên\n\nHãng tin Tân Hoa xã đã xác "
                      "nhận cuộc gặp của Chủ tịch Trung Quốc Tập Cận Bình với lãnh đạo Triều Tiên Kim Jong Un tại "
                      "Đại Liên trong chuyến thăm ngày 7 và 8-5.", "2018-05-08")
    assert {e.date for e in found if e.type == "CONSULT"} == {"2018-05-07"}
