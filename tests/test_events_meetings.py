"""stages/events/meetings.py: meeting nouns that name only whom they were held with take the one
who met them from their sentence (made-up sentences)."""
from __future__ import annotations

from tests.test_events import _analysed, names


def _consults(text: str) -> list[tuple[list[str], list[str]]]:
    return [(names(e.actors), names(e.recipients)) for e in _analysed(text) if e.type == "CONSULT"]


def test_a_meeting_noun_followed_by_whom_it_met_has_the_sentences_subject():
    # "cuộc gặp X": a noun of meeting takes its object right after it, with no "với"
    found = _consults("Tổng thống Ba Lan Jan Kowal đã phản ứng gay gắt khi đang trong cuộc gặp Thủ tướng "
                      "Nhật Bản Sato Kenji tại Tokyo.")
    assert found == [(["Jan Kowal"], ["Sato Kenji"])]


def test_cung_after_a_meeting_noun_names_its_counterpart():
    found = _consults("Tổng thống Ba Lan Jan Kowal nói về hợp tác trong buổi hội đàm cùng Thủ tướng Nhật Bản "
                      "Sato Kenji.")
    assert found == [(["Jan Kowal"], ["Sato Kenji"])]


def test_the_one_person_before_the_noun_met_its_counterpart():
    # the sentence opens with no subject ("Đó là thông tin được A đưa ra ..."): the one person before the noun
    found = _consults("Đó là thông tin được Tổng thống Ba Lan Jan Kowal đưa ra trong buổi hội đàm với Thủ tướng "
                      "Nhật Bản Sato Kenji.")
    assert found == [(["Jan Kowal"], ["Sato Kenji"])]


def test_two_persons_before_the_noun_give_it_no_subject():
    found = _consults("Đó là thông tin được Tổng thống Ba Lan Jan Kowal nói với ông Piotr Nowak sau buổi hội đàm "
                      "với Thủ tướng Nhật Bản Sato Kenji.")
    assert (["Jan Kowal"], ["Sato Kenji"]) not in found


def test_a_visit_noun_names_where_it_went_not_whom_it_met():
    found = _consults("Tổng thống Ba Lan Jan Kowal phát biểu trong chuyến thăm Nhật Bản.")
    assert all(r != ["Jan Kowal"] for a, r in found)


def test_states_right_after_a_meeting_noun_are_its_sides_not_a_counterpart():
    found = _consults("Bộ trưởng Trung Quốc Lý Minh xuất hiện sau khi các cuộc đàm phán Mỹ - Trung sụp đổ.")
    assert (["Lý Minh"], ["Mỹ"]) not in found


def test_the_person_before_an_agreement_noun_is_not_its_party(monkeypatch):
    # only a meeting's counterpart met the one person before it: an analyst speaks of an agreement
    from biennien.stages.events import triggers
    drafts = []
    keep = triggers.keep
    monkeypatch.setattr(triggers, "keep", lambda d: drafts.append(d) or keep(d))
    _analysed("Nói trong một cuộc phỏng vấn, nhà phân tích Jan Kowal cho biết Ba Lan có rất ít triển vọng "
              "trong một thoả thuận với Mỹ.")
    agreements = [d for d in drafts if d.type == "AGREE"]
    assert agreements and all("Jan Kowal" not in names(d.actors + d.recipients) for d in agreements)


def test_words_said_to_no_one_named_are_said_to_whom_a_khi_part_after_them_met():
    found = [(e.type, names(e.actors), names(e.recipients)) for e in _analysed(
        "Thủ tướng Ba Lan Jan Kowal đề nghị tăng hợp tác khoa học, khi hội đàm với Tổng thống Nhật Bản Sato Kenji.")]
    assert ("REQUEST", ["Jan Kowal"], ["Sato Kenji"]) in found
    # a request that names whom it asks keeps them
    found = [(e.type, names(e.actors), names(e.recipients)) for e in _analysed(
        "Thủ tướng Ba Lan Jan Kowal đề nghị Hàn Quốc tăng hợp tác, khi hội đàm với Tổng thống Nhật Bản Sato Kenji.")]
    assert ("REQUEST", ["Jan Kowal"], ["Hàn Quốc"]) in found


def test_a_fronted_meeting_noun_whose_counterpart_has_a_title_in_lower_case():
    # "cựu ngoại trưởng Ba Lan Jan Kowal": a title written in lower case is still title words; the noun's
    # phrase ends at the comma, the main clause's subject met its counterpart
    found = _consults("Trong cuộc gặp cựu ngoại trưởng Ba Lan Jan Kowal hôm 8/11, Thủ tướng Nhật Bản Sato Kenji "
                      "khẳng định Nhật Bản muốn hợp tác.")
    assert found == [(["Sato Kenji"], ["Jan Kowal"])]


def test_a_plan_told_past_the_phrase_of_a_meeting_noun_naming_its_sides_is_not_its():
    found = _consults("Kết quả cuộc hội đàm giữa Tổng thống Ba Lan Jan Kowal và Thủ tướng Nhật Bản Sato Kenji tuần "
                      "trước được đánh giá cao khi hai bên đạt thoả thuận, trước ngày 15/10 sẽ thiết lập một khu "
                      "phi quân sự.")
    assert found == [(["Jan Kowal", "Sato Kenji"], [])]
    # on the eve of a visit, the visit has not happened
    assert _consults("Trước thềm chuyến thăm của Tổng thống Ba Lan Jan Kowal tới Nhật Bản vào cuối tháng này, nhiều "
                     "quan chức đã đề cập đến việc dỡ bỏ lệnh cấm.") == []


def test_co_chairing_a_meeting_named_with_a_capital_is_a_meeting_of_both_chairs():
    found = _consults("Sáng 3-9, tại Hà Nội, Thượng tướng Jan Kowal và Thượng tướng Sato Kenji đã đồng chủ trì "
                      "Đối thoại chiến lược quốc phòng lần thứ 8.")
    assert found == [(["Jan Kowal", "Sato Kenji"], [])]


def test_a_state_named_by_its_holders_title_before_a_meeting_noun_met_its_counterpart():
    found = _consults("Đó là những chia sẻ của Thủ tướng Ba Lan trong cuộc điện đàm với Thủ tướng Nhật Bản Sato Kenji "
                      "vào ngày 21-10.")
    assert found == [(["Ba Lan"], ["Sato Kenji"])]


def test_a_second_side_named_after_a_lower_case_title_is_joined_to_the_first():
    # "giữa A và lãnh đạo Nhật Bản B": a title between "và" and the name does not end the list
    found = _consults("Sự việc xảy ra vài ngày trước hội nghị thượng đỉnh giữa Tổng thống Ba Lan Jan Kowal và lãnh "
                      "đạo Nhật Bản Sato Kenji tại Hà Nội.")
    assert found == [(["Jan Kowal", "Sato Kenji"], [])]
