"""stages/events/nouns.py: words of an act that name no act of their own (a document an act is done
to, a case named by "vụ"), and the count a longer trigger row reads past (lexicon/events.counted)."""
from __future__ import annotations

import pytest

from biennien.lexicon.events import counted, lexicon, scan
from biennien.stages import events
from tests.test_events import article, mention, names, time
from tests.test_events_classes import _find


def _live(found: list) -> list:
    return [e for e in found if not e.negated]


def test_a_document_after_a_signing_is_its_object_not_an_agreement():
    found = _live(_find("Tổng thống Mỹ Jon Bell ký một thoả thuận thương mại với Tổng thống Hàn Quốc Park Min-ho.",
                        ("Jon Bell", "person", "USA"), ("Park Min-ho", "person", "KOR")))
    assert [(e.type, e.cameo, e.trigger, names(e.actors)) for e in found] == \
        [("SUPPORT", "057", "ký", ["Jon Bell", "Park Min-ho"])]
    found = _live(_find("Thái Lan và Lào ký thỏa thuận hợp tác biên giới.", ("Thái Lan", "country", "THA"),
                        ("Lào", "country", "LAO")))
    assert [(e.type, e.trigger) for e in found] == [("SUPPORT", "ký")]


def test_a_signing_keeps_its_own_date_not_one_the_document_states():
    art, ss = article("Năm 2008, Thái Lan và Lào đã ký kết một thỏa thuận song phương trong đó ghi rõ công dân "
                      "hai nước đến trước ngày 12/7/1995 không bị trả về.")
    ms = [mention(art, ss, "Thái Lan", "country", "THA"), mention(art, ss, "Lào", "country", "LAO")]
    ts = [time(art, ss, "Năm 2008", "2008", "year"), time(art, ss, "ngày 12/7/1995", "1995-07-12")]
    [e] = [e for e in events.find(art, ss, ms, ts) if not e.negated]
    assert (e.type, e.trigger, e.date) == ("SUPPORT", "ký kết", "2008")


def test_an_agreement_reached_is_still_an_agreement():
    found = _live(_find("Thái Lan và Lào đạt được thỏa thuận về biên giới.", ("Thái Lan", "country", "THA"),
                        ("Lào", "country", "LAO")))
    assert [e.type for e in found] == ["AGREE"]
    found = _live(_find("Thái Lan và Lào thỏa thuận mở lại cửa khẩu.", ("Thái Lan", "country", "THA"),
                        ("Lào", "country", "LAO")))
    assert [e.type for e in found] == ["AGREE"]

def test_a_document_a_passive_act_is_done_to_is_no_agreement():
    found = _live(_find("Thỏa thuận này được ký kết giữa Thái Lan và Lào hôm qua.", ("Thái Lan", "country", "THA"),
                        ("Lào", "country", "LAO")))
    assert [(e.type, e.trigger, sorted(names(e.actors))) for e in found] == [("SUPPORT", "ký kết", ["Lào", "Thái Lan"])]
    found = _live(_find("Hai hợp đồng được ký kết nhân dịp Tổng thống Lào Somsak Vong sang Thái Lan.",
                        ("Somsak Vong", "person", "LAO"), ("Thái Lan", "country", "THA")))
    assert [e for e in found if e.type == "SUPPORT"] == []   # who visited is not who signed


def test_a_passive_act_with_its_agent_keeps_the_agent():
    found = _live(_find("Ông Trần Văn Bình bị cảnh sát Thái Lan bắt giữ.", ("Trần Văn Bình", "person", "VNM"),
                        ("cảnh sát Thái Lan", "organization", "THA")))
    assert [(e.type, names(e.actors), names(e.recipients)) for e in found] == \
        [("COERCE", ["cảnh sát Thái Lan"], ["Trần Văn Bình"])]


def test_a_case_named_by_vu_is_no_new_accusation():
    text = "Tòa trọng tài ra phán quyết về vụ Philippines kiện Trung Quốc."
    found = _live(_find(text, ("Philippines", "country", "PHL"), ("Trung Quốc", "country", "CHN")))
    assert [e for e in found if e.type == "ACCUSE"] == []
    found = _live(_find("Philippines kiện Trung Quốc ra tòa trọng tài.", ("Philippines", "country", "PHL"),
                        ("Trung Quốc", "country", "CHN")))
    assert [(e.type, names(e.actors)) for e in found] == [("ACCUSE", ["Philippines"])]


def test_a_case_of_an_attack_still_reports_the_attack():
    found = _live(_find("Dư luận chú ý vụ Iran bắn rơi máy bay không người lái của Mỹ.", ("Iran", "country", "IRN"),
                        ("Mỹ", "country", "USA")))
    assert [(e.type, names(e.actors)) for e in found] == [("ASSAULT", ["Iran"])]


def test_a_plan_word_before_the_verb_counts_when_the_subject_is_named_after_it():
    # a bare title stands for its holder named later ("Thủ tướng ... \n Thủ tướng Nguyễn Văn An"): the
    # subject found after the verb hides no plan word before it (stages/events/triggers._draft)
    art, ss = article("Thủ tướng sẽ thăm Lào, sau khi dự hội nghị ASEAN.\n\n"
                      "Thủ tướng Nguyễn Văn An có nhiều hoạt động đối ngoại.")
    ms = [mention(art, ss, "Lào", "country", "LAO"), mention(art, ss, "Nguyễn Văn An", "person", "VNM")]
    ms[1].titles = ["Thủ tướng"]
    [e] = events.find(art, ss, ms, [])
    assert (e.type, e.planned, names(e.actors), names(e.recipients)) == \
        ("AGREE", {"start": None, "end": None}, ["Nguyễn Văn An"], ["Lào"])


@pytest.mark.parametrize("text", [
    "Ba Lan trục xuất 45 nhà ngoại giao Nga.",
    "Ba Lan đã trục xuất khoảng 1.500 nhà ngoại giao Nga.",
    "Ba Lan trục xuất hai nhân viên đại sứ quán Nga.",
    "Ba Lan trục xuất hàng chục nhà ngoại giao Nga.",
])
def test_expelling_a_counted_number_of_diplomats_is_a_sanction(text):
    found = _live(_find(text, ("Ba Lan", "country", "POL"), ("Nga", "country", "RUS")))
    assert [(e.type, e.cameo, names(e.actors), names(e.recipients)) for e in found] == \
        [("SANCTION", "166", ["Ba Lan"], ["Nga"])]


def test_a_count_before_anything_else_keeps_the_short_row():
    found = _live(_find("Cảnh sát Ba Lan trục xuất 23 người nhập cư trái phép về Nga.",
                        ("Cảnh sát Ba Lan", "organization", "POL"), ("Nga", "country", "RUS")))
    assert [e.type for e in found] == ["COERCE"]
    assert scan("trục xuất 60 nhà ngoại giao")[0][2].type == "COERCE"   # the scan alone reads rows as written

def test_counted_reads_past_a_number_only_into_a_longer_row():
    lex = lexicon()
    low = "nga trục xuất 60 nhà ngoại giao mỹ"
    [(a, b, t)] = [h for h in scan(low) if h[2].type != "-"]
    assert counted(low, a, b, t)[2].type == "SANCTION" and low[a:counted(low, a, b, t)[1]] == "trục xuất 60 nhà ngoại giao"
    low = "nga trục xuất 60 người nhập cư"
    [(a, b, t)] = [h for h in scan(low) if h[2].type != "-"]
    assert counted(low, a, b, t) == (a, b, t)
    assert "trục xuất" in lex.counted and "hội đàm" not in lex.counted


def test_viec_then_one_name_then_a_verb_is_a_noun_of_the_act_owned_by_that_name():
    from tests.test_events import _analysed, names
    # a topic ("việc Mỹ rút khỏi thoả thuận ... sẽ không tác động"), no act told here
    found = _analysed("Tổng thống Ba Lan Jan Kowal nhấn mạnh, việc Nhật Bản rút khỏi thoả thuận hạt nhân Iran sẽ không "
                      "tác động tới đàm phán.")
    assert not [e for e in found if e.type == "REJECT"]
    # a drill so named is a show of force of its owner
    found = _analysed("Bộ Ngoại giao Ba Lan cho rằng việc Nhật Bản diễn tập hạ cánh máy bay ném bom ở quần đảo Senkaku "
                      "là động thái gây bất ổn.")
    assert [(e.type, names(e.actors)) for e in found if e.type == "MOBILIZE"] == [("MOBILIZE", ["Nhật Bản"])]
