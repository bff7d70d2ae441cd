"""Classes of event words and the constructions that type them (issue 13): weapons tests, cancelled
meetings, nouns owned by "của", nouns a denial or a request governs, what a verb after a meeting
says to the one met, and negation words that negate an adjective, not the event."""
from __future__ import annotations

import pytest

from biennien.lexicon.events import scan
from biennien.stages import events
from tests.test_events import _analysed, article, mention, names, time


def _find(text: str, *parties: tuple[str, str, str | None], published: str = "2025-01-09", times=()) -> list:
    art, ss = article(text, published)
    ms = [mention(art, ss, surface, kind, country) for surface, kind, country in parties]
    ts = [time(art, ss, *t) for t in times]
    return events.find(art, ss, ms, ts)


def _kept(found: list) -> list:
    return [(e.type, names(e.actors), names(e.recipients)) for e in found if not e.negated]


# --- weapons tests (MOBILIZE 150) ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Triều Tiên thử hạt nhân lần thứ sáu.",
    "Iran thử tên lửa đạn đạo tầm trung.",
    "Triều Tiên tiến hành vụ phóng pháo phản lực siêu lớn ra biển.",
    "Triều Tiên tiến hành vụ nổ hạt nhân dưới lòng đất.",
])
def test_a_weapons_test_shows_military_power(text):
    subject = text.split(" ")[0] if not text.startswith("Triều") else "Triều Tiên"
    found = _find(text, (subject, "country", "PRK"))
    assert [(e.type, e.cameo, e.mode) for e in found] == [("MOBILIZE", "150", "weapons")]


@pytest.mark.parametrize("text", [
    "Mỹ hối thúc Triều Tiên dừng phóng thử tên lửa.",
    "Triều Tiên cam kết ngừng thử hạt nhân.",
    "Triều Tiên phá dỡ bãi thử hạt nhân Punggye-ri.",
    "Nga phê chuẩn Hiệp ước Cấm thử hạt nhân toàn diện.",
])
def test_a_stopped_banned_or_placed_test_is_no_test(text):
    assert "MOBILIZE" not in {t.type for _, _, t in scan(text)}


def test_testing_an_attack_missile_is_no_attack():
    assert [t.type for _, _, t in scan("Hải quân thử tên lửa tấn công mặt đất.")] == ["MOBILIZE"]


# --- cancelled meetings (REJECT 125) ---------------------------------------------------------------

def test_cancelling_a_visit_rejects_it_now_whatever_the_visits_date():
    found = _find("Tổng thống Donald Trump hủy chuyến thăm Anh tháng tới vì bất bình về đại sứ quán mới.",
                  ("Donald Trump", "person", "USA"), ("Anh", "country", "GBR"),
                  times=[("tháng tới", "2025-02", "month", "point", None, "future")])
    assert [(e.type, e.cameo, e.planned, e.negated) for e in found] == [("REJECT", "125", None, False)]
    assert names(found[0].actors) == ["Donald Trump"] and names(found[0].recipients) == ["Anh"]


# --- nouns: owned by "của", governed by a denial or a request --------------------------------------

def test_a_request_owned_by_cua_is_a_noun_not_a_request():
    found = _find("Sau khi xem xét đề nghị của Ủy ban Kiểm tra Trung ương, Bộ Chính trị quyết định.",
                  ("Ủy ban Kiểm tra Trung ương", "organization", "VNM"), ("Bộ Chính trị", "organization", "VNM"))
    assert found == []


def test_opposing_the_demands_of_a_state_rejects_that_state():
    found = _find("Cuộc đàm phán sụp đổ khi Trung Quốc phản đối các yêu cầu của Mỹ.",
                  ("Trung Quốc", "country", "CHN"), ("Mỹ", "country", "USA"))
    assert _kept(found) == [("REJECT", ["Trung Quốc"], ["Mỹ"])]


def test_what_an_owned_request_asks_for_is_no_event():
    found = _find("Thủ tướng Lý Hiển Long ghi nhận đề nghị của Việt Nam về tăng cường hợp tác, hỗ trợ Lào.",
                  ("Lý Hiển Long", "person", "SGP"), ("Việt Nam", "country", "VNM"), ("Lào", "country", "LAO"))
    assert "AID" not in {e.type for e in found}


# --- a verb right after a meeting speaks to the one met --------------------------------------------

def test_congratulating_during_a_call_congratulates_the_one_called():
    found = _find("Tổng thống Nga Vladimir Putin đã điện đàm với Tổng Bí thư Tô Lâm chúc mừng thành công Đại hội.",
                  ("Nga", "country", "RUS"), ("Vladimir Putin", "person", "RUS"), ("Tô Lâm", "person", "VNM"))
    assert _kept(found) == [("CONSULT", ["Vladimir Putin"], ["Tô Lâm"]), ("SUPPORT", ["Vladimir Putin"], ["Tô Lâm"])]


def test_agreeing_after_talks_agrees_with_the_one_met():
    found = _find("Thủ tướng Lê Minh Hưng hội đàm với Thủ tướng Campuchia Hun Manet, nhất trí hai bên sẽ "
                  "nghiên cứu xây dựng khu kinh tế.",
                  ("Lê Minh Hưng", "person", "VNM"), ("Campuchia", "country", "KHM"), ("Hun Manet", "person", "KHM"))
    assert ("AGREE", ["Lê Minh Hưng"], ["Hun Manet"]) in _kept(found)


# --- "chưa rõ": the negation of an adjective, not of the event -------------------------------------

def test_unclear_why_does_not_negate_the_act():
    found = _find("Hiện chưa rõ lý do Ngoại trưởng Rex Tillerson hối thúc Triều Tiên dừng phóng thử tên lửa.",
                  ("Rex Tillerson", "person", "USA"), ("Triều Tiên", "country", "PRK"))
    assert _kept(found) == [("REQUEST", ["Rex Tillerson"], ["Triều Tiên"])]


# --- talks with a party, and what is no talk -------------------------------------------------------

def test_informing_an_ambassador_is_a_consultation():
    found = _find("Thứ trưởng Ngoại giao Iran Abbas Araghchi đã thông báo với đại sứ Thuỵ Sĩ Markus Leitner về chứng cứ.",
                  ("Iran", "country", "IRN"), ("Abbas Araghchi", "person", "IRN"), ("Thuỵ Sĩ", "country", "CHE"),
                  ("Markus Leitner", "person", "CHE"))
    assert _kept(found) == [("CONSULT", ["Abbas Araghchi"], ["Markus Leitner"])]


@pytest.mark.parametrize("text", [
    "Thứ trưởng Lê Hoài Trung thông báo với báo chí kết quả cuộc họp.",
    "Thứ trưởng Lê Hoài Trung gặp gỡ báo chí ở Hà Nội để thông tin về quan hệ hai nước.",
])
def test_talking_to_the_press_is_no_consultation(text):
    assert _find(text, ("Lê Hoài Trung", "person", "VNM")) == []


def test_talks_still_being_arranged_are_no_talks():
    found = _find("Cố vấn Yuri Ushakov cho biết cuộc hội đàm với ông Donald Trump vẫn đang xúc tiến.",
                  ("Yuri Ushakov", "person", "RUS"), ("Donald Trump", "person", "USA"))
    assert _kept(found) == []


# --- release (CONCEDE 0841) -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Canada thả tự do cho bà Mạnh Vãn Chu.",
    "Canada trao trả bà Mạnh Vãn Chu cho Trung Quốc.",
])
def test_release_and_handing_back_concede(text):
    found = _find(text, ("Canada", "country", "CAN"), ("Mạnh Vãn Chu", "person", "CHN"),
                  *[("Trung Quốc", "country", "CHN")] * ("Trung Quốc" in text))
    assert [(e.type, e.cameo, names(e.actors)) for e in found] == [("CONCEDE", "0841", ["Canada"])]


# --- violence words (ASSAULT) ------------------------------------------------------------------------

@pytest.mark.parametrize("text, cameo", [
    ("Nhóm côn đồ đánh chết anh Nguyễn Văn A.", "186"),
    ("Ông Nguyễn Văn A bị một nhà sản xuất lạm dụng tình dục.", "1821"),
    ("Nhóm quá khích đập phá nhà xưởng của ông Nguyễn Văn A.", "180"),
])
def test_blows_that_kill_abuse_and_smashing_are_assaults(text, cameo):
    found = _find(text, ("Nguyễn Văn A", "person", "VNM"))
    assert [(e.type, e.cameo) for e in found] == [("ASSAULT", cameo)]


def test_fighting_against_a_group_assaults_it():
    found = _find("Lực lượng Dân chủ Syria chiến đấu chống IS ở miền bắc Syria.",
                  ("Lực lượng Dân chủ Syria", "organization", "SYR"), ("IS", "organization", None),
                  ("Syria", "country", "SYR"))
    assert _kept(found) == [("ASSAULT", ["Lực lượng Dân chủ Syria"], ["IS"])]


# --- a quoted negation negates a verb of the quotation ------------------------------------------------

def test_a_quoted_negation_does_not_negate_the_verb_after_the_quotation():
    found = _find('Ông Nguyễn Văn A nói " không hề biết " việc này và bị bắt giữ tại nhà riêng.',
                  ("Nguyễn Văn A", "person", "VNM"))
    assert [(e.type, e.negated) for e in found] == [("COERCE", False)]


def test_a_negation_in_the_verbs_own_part_still_negates_it():
    found = _find("Hôm qua, Ngoại trưởng Mỹ không gặp Ngoại trưởng Nga Sergei Lavrov.",
                  ("Mỹ", "country", "USA"), ("Nga", "country", "RUS"), ("Sergei Lavrov", "person", "RUS"))
    assert [e.negated for e in found] == [True]


def test_a_negation_closed_by_a_comma_does_not_negate_the_act_after_it():
    found = _find("Không thể trả nợ, Nguyễn Văn A đã bị cảnh sát bắt.", ("Nguyễn Văn A", "person", "VNM"))
    assert [(e.type, e.negated) for e in found] == [("COERCE", False)]


def test_a_negation_reaches_past_a_comma_along_a_list_of_acts():
    found = _find("Tổng thống Mexico hủy thăm Mỹ vào tháng 3, gặp Tổng thống Mỹ Donald Trump.",
                  ("Mexico", "country", "MEX"), ("Mỹ", "country", "USA"), ("Donald Trump", "person", "USA"))
    assert found and all(e.negated for e in found if e.type == "CONSULT")


def test_a_case_names_a_crime_in_law_not_an_act():
    found = _find("Công an huyện Gia Lâm khởi tố vụ án giết người.", ("Công an huyện Gia Lâm", "organization", "VNM"))
    assert not [e for e in found if e.type == "ASSAULT"]


# --- "này": a noun naming an event told before ----------------------------------------------------------

def test_a_meeting_named_with_nay_is_the_one_told_before():
    found = _find("Ngày 13-4, Đại sứ quán Trung Quốc tại Việt Nam tổ chức gặp gỡ này.",
                  ("Đại sứ quán Trung Quốc", "organization", "CHN"), ("Việt Nam", "country", "VNM"))
    assert found == []


# --- agreeing to establish relations establishes them (SUPPORT 057) -------------------------------------

def test_agreeing_to_establish_relations_is_a_formal_act():
    found = _find("Việt Nam và Bulgaria thống nhất thiết lập quan hệ Đối tác chiến lược.",
                  ("Việt Nam", "country", "VNM"), ("Bulgaria", "country", "BGR"))
    assert _kept(found) == [("SUPPORT", ["Việt Nam", "Bulgaria"], [])]
    assert found[0].cameo == "057"


def test_relations_established_long_ago_are_no_trigger():
    assert [t.type for _, _, t in scan("Kể từ khi hai nước thiết lập quan hệ ngoại giao năm 1992.")] == []


# --- an exercise of one side alone shows force (MOBILIZE 150) ---------------------------------------------

def test_a_navy_drilling_alone_shows_force():
    found = _find("Bà Hồng trả lời câu hỏi về cuộc diễn tập hải quân Trung Quốc ngoài khơi đảo Hải Nam.",
                  ("Trung Quốc", "country", "CHN"))
    assert [(e.type, e.cameo, names(e.actors)) for e in found] == [("MOBILIZE", "150", ["Trung Quốc"])]


def test_two_countries_drilling_together_cooperate():
    found = _find("Mỹ và Philippines tập trận trên Biển Đông.", ("Mỹ", "country", "USA"),
                  ("Philippines", "country", "PHL"))
    assert [(e.type, e.cameo) for e in found] == [("COOPERATE", "062")]


def test_air_words_holding_khong_negate_nothing():
    found = _find("Phòng không Syria đã bắn rơi chiếc trinh sát cơ của Nga.", ("Syria", "country", "SYR"),
                  ("Nga", "country", "RUS"))
    assert [(e.type, e.negated) for e in found] == [("ASSAULT", False)]


# --- declaring a diplomat persona non grata (SANCTION 161) ------------------------------------------------

@pytest.mark.parametrize("text", [
    'Triều Tiên thông báo coi đại sứ Malaysia Mohamad Nizan Mohamad là " người không được chào đón ".',
    'Đại sứ Mohamad Nizan Mohamad được Triều Tiên coi là " người không được chào đón ".',
])
def test_declaring_a_diplomat_unwelcome_sanctions_him(text):
    parties = [("Triều Tiên", "country", "PRK"), ("Malaysia", "country", "MYS"), ("Mohamad Nizan Mohamad", "person", "MYS")]
    found = _find(text, *[p for p in parties if p[0] in text])
    assert [(e.type, e.cameo, sorted(names(e.actors + e.recipients))) for e in found] == \
        [("SANCTION", "161", ["Mohamad Nizan Mohamad", "Triều Tiên"])]



# --- suspended talks, tariffs, deployed weapons, readiness to use force (issue 13) --------------------

def test_suspending_talks_with_a_party_sanctions_it():
    found = _find("Ngày 3/10, Mỹ đã đình chỉ các cuộc đàm phán với Nga về vấn đề Syria.",
                  ("Mỹ", "country", "USA"), ("Nga", "country", "RUS"))
    assert [(e.type, e.cameo, names(e.actors), names(e.recipients)) for e in _only(found)] == \
        [("SANCTION", "164", ["Mỹ"], ["Nga"])]


def test_a_tariff_on_a_partys_goods_sanctions_it_and_putting_it_off_concedes():
    found = _find("Mỹ áp thuế 25% với hàng hoá của Trung Quốc.", ("Mỹ", "country", "USA"), ("Trung Quốc", "country", "CHN"))
    assert [(e.type, e.cameo) for e in _only(found)] == [("SANCTION", "163")]
    assert [t.type for _, _, t in scan("Mỹ hoãn áp thuế với ô tô của Nhật Bản.")] == ["CONCEDE"]


def test_deploying_a_missile_system_shows_force():
    found = _find("Nga đã triển khai hệ thống tên lửa ở Kaliningrad.", ("Nga", "country", "RUS"))
    assert [(e.type, e.cameo) for e in _only(found)] == [("MOBILIZE", "154")]


def test_readiness_to_fire_threatens_not_agrees():
    assert [(t.type, t.cameo) for _, _, t in scan("Nga sẵn sàng bắn hạ máy bay của Mỹ.")] == [("THREATEN", "138")]
    assert [t.type for _, _, t in scan("Nhật Bản sẵn sàng hỗ trợ Việt Nam.")] == ["AGREE", "AID"]


def _only(found: list) -> list:
    return [e for e in found if not e.negated]


def test_threatening_a_tariff_is_one_threat_against_whom_it_would_hit():
    found = _find("Tổng thống Jan Kowal đe dọa áp thuế với hàng hoá của Ba Lan.",
                  ("Jan Kowal", "person", "USA"), ("Ba Lan", "country", "POL"))
    assert [(e.type, names(e.actors), names(e.recipients)) for e in _only(found)] == [("THREATEN", ["Jan Kowal"], ["Ba Lan"])]


def test_a_visit_in_a_sentence_of_two_countries_is_hosted_by_the_other_one():
    found = _find("Việt Nam và Bulgaria thống nhất thiết lập quan hệ Đối tác chiến lược, trong chuyến thăm chính thức "
                  "của Tổng Bí thư Tô Lâm.", ("Việt Nam", "country", "VNM"), ("Bulgaria", "country", "BGR"),
                  ("Tô Lâm", "person", "VNM"))
    assert ("CONSULT", ["Tô Lâm"], ["Bulgaria"]) in _kept(found)


# --- blaming, complaining and how a criticism is voiced (ACCUSE) -------------------------------------

@pytest.mark.parametrize("text", [
    "Nga đổ lỗi cho Israel về vụ máy bay bị bắn rơi.",
    "Nga quy trách nhiệm cho Israel.",
    "Nga phàn nàn về Israel.",
    "Nga lên tiếng cáo buộc Israel.",
    "Nga thẳng thừng chỉ trích Israel.",
    "Nga công khai phê phán Israel.",
])
def test_blaming_complaining_and_voiced_criticism_accuse(text):
    found = _find(text, ("Nga", "country", "RUS"), ("Israel", "country", "ISR"))
    assert _kept(found) == [("ACCUSE", ["Nga"], ["Israel"])]


# --- awarding an order (SUPPORT 050) ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Chủ tịch Tập Cận Bình trao huân chương Hữu nghị cho Tổng thống Vladimir Putin.",
    "Chủ tịch Tập Cận Bình trao tặng Huân chương Hữu nghị cho Tổng thống Vladimir Putin.",
])
def test_awarding_an_order_supports_its_holder(text):
    found = _find(text, ("Tập Cận Bình", "person", "CHN"), ("Vladimir Putin", "person", "RUS"))
    assert [(e.type, e.cameo, names(e.actors), names(e.recipients)) for e in found] == \
        [("SUPPORT", "050", ["Tập Cận Bình"], ["Vladimir Putin"])]


# --- launches: no target, and live fire is a drill ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Triều Tiên phóng một tên lửa qua lãnh thổ Nhật Bản.",
    "Triều Tiên phóng hàng loạt tên lửa đạn đạo về phía Nhật Bản.",
    "Triều Tiên phóng thử tên lửa qua Nhật Bản.",
])
def test_a_launch_names_no_target(text):
    found = _find(text, ("Triều Tiên", "country", "PRK"), ("Nhật Bản", "country", "JPN"))
    assert _kept(found) == [("MOBILIZE", ["Triều Tiên"], [])]


@pytest.mark.parametrize("text", [
    "Mỹ hối thúc Triều Tiên dừng phóng tên lửa.",
    "Đài Loan tổ chức diễn tập bắn đạn thật ở Ba Bình.",
])
def test_a_stopped_launch_or_live_fire_is_no_launch_and_no_attack(text):
    assert not {"MOBILIZE", "ASSAULT"} & {t.type for _, _, t in scan(text) if not t.phrase.startswith("diễn tập")}


# --- releasing a captive (CONCEDE), not fish or bombs ----------------------------------------------------

def test_releasing_a_pilot_concedes():
    found = _find("Pakistan thả phi công Ấn Độ bị bắt.", ("Pakistan", "country", "PAK"), ("Ấn Độ", "country", "IND"))
    assert ("CONCEDE", ["Pakistan"], ["Ấn Độ"]) in _kept(found)


@pytest.mark.parametrize("text", ["Người dân thả cá chép tiễn ông Táo.", "Máy bay thả bom xuống khu vực.",
                                  "Ngân hàng thả nổi tỷ giá."])
def test_releasing_fish_bombs_or_a_currency_concedes_nothing(text):
    assert "CONCEDE" not in {t.type for _, _, t in scan(text)}


# --- cancelling a visa (SANCTION) ------------------------------------------------------------------------

def test_cancelling_a_diplomats_visa_sanctions_him():
    found = _find("Mỹ hủy visa Đại sứ Brazil.", ("Mỹ", "country", "USA"), ("Brazil", "country", "BRA"))
    assert _kept(found) == [("SANCTION", ["Mỹ"], ["Brazil"])]


# --- a count or a determiner before a trigger makes it a noun ----------------------------------------------

def test_a_determined_agreement_is_a_noun():
    found = _find("Tổng thống Trump ký một thoả thuận thương mại với Tổng thống Moon Jae-in.",
                  ("Trump", "person", "USA"), ("Moon Jae-in", "person", "KOR"))
    assert "AGREE" not in [e.type for e in found]


def test_an_agreement_reached_is_still_an_agreement():
    found = _find("Mỹ và Trung Quốc đạt được một thỏa thuận thương mại.", ("Mỹ", "country", "USA"),
                  ("Trung Quốc", "country", "CHN"))
    assert [e.type for e in found] == ["AGREE"]


@pytest.mark.parametrize("text", ["Mỹ gửi thông điệp đến Trung Quốc bằng thoả thuận với Canada.",
                                  "Theo thỏa thuận, Mỹ rút quân khỏi Canada."])
def test_an_agreement_after_a_preposition_is_a_noun(text):
    parties = [p for p in (("Mỹ", "country", "USA"), ("Trung Quốc", "country", "CHN"), ("Canada", "country", "CAN"))
               if p[0] in text]
    assert not [e for e in _find(text, *parties) if e.trigger.lower().startswith("th")]


# --- words sent or voiced: "gửi lời xin lỗi", "bày tỏ sự ủng hộ" -------------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("Đại sứ Joseph Donovan đã gửi lời xin lỗi Indonesia.", "055"),
    ("Đại sứ Joseph Donovan bày tỏ lời cảm ơn Indonesia.", "051"),
    ("Đại sứ Joseph Donovan nhiệt liệt hoan nghênh Indonesia.", "051"),
])
def test_words_sent_or_voiced_are_an_act(text, kind):
    found = _find(text, ("Joseph Donovan", "person", "USA"), ("Indonesia", "country", "IDN"))
    assert [(e.type, e.cameo, names(e.actors), names(e.recipients)) for e in found] == \
        [("SUPPORT", kind, ["Joseph Donovan"], ["Indonesia"])]


# --- upgrading relations (SUPPORT 057) ---------------------------------------------------------------------

def test_declaring_relations_upgraded_is_a_formal_act():
    found = _find("Thủ tướng Phạm Minh Chính và Tổng thống Ramaphosa tuyên bố nâng cấp quan hệ lên Đối tác Chiến lược.",
                  ("Phạm Minh Chính", "person", "VNM"), ("Ramaphosa", "person", "ZAF"))
    assert [(e.type, e.cameo, sorted(names(e.actors))) for e in found] == \
        [("SUPPORT", "057", ["Phạm Minh Chính", "Ramaphosa"])]


def test_lan_before_a_trigger_names_one_occurrence_and_a_count_of_times_is_an_adverb():
    found = _analysed("Triều Tiên hôm nay phóng thử tên lửa đạn đạo. Đây là vụ phóng đầu tiên kể từ lần thử tên lửa "
                      "của Triều Tiên hôm 15/9.", published="2017-11-29")
    assert sorted(e.date for e in found if e.type == "MOBILIZE") == ["2017-09-15", "2017-11-29"]
    found = _analysed("Bộ Ngoại giao Nga nhiều lần cáo buộc Mỹ can thiệp.", published="2017-11-29")
    assert [(names(e.actors), names(e.recipients)) for e in found if e.type == "ACCUSE"] == \
        [(["Bộ Ngoại giao Nga"], ["Mỹ"])]


def test_a_warning_to_a_party_threatens_it_and_a_warning_system_threatens_no_one():
    found = _analysed("Bộ trưởng Quốc phòng Mỹ John Roe cảnh báo Trung Quốc sẽ phải chịu hậu quả.", published="2017-11-29")
    assert [(names(e.actors), names(e.recipients)) for e in found if e.type == "THREATEN"] == \
        [(["John Roe"], ["Trung Quốc"])]
    assert not [e for e in found if e.type != "THREATEN"]   # what the warning says is its content
    found = _analysed("Nhật Bản hỗ trợ Philippines xây dựng hệ thống cảnh báo sớm thiên tai.", published="2017-11-29")
    assert not [e for e in found if e.type == "THREATEN"]


# --- an object marked farther from its verb (arguments._marked) ----------------------------------

def test_cho_marks_the_recipient_past_a_long_object_noun():
    text = "Chủ tịch Trần Văn Lâm đã trao huân chương Hữu nghị cao quý đầu tiên của nước này cho Tổng thống Lào Thongloun."
    found = _find(text, ("Trần Văn Lâm", "person", "VNM"), ("Lào", "country", "LAO"), ("Thongloun", "person", "LAO"))
    assert _kept(found) == [("SUPPORT", ["Trần Văn Lâm"], ["Thongloun"])]


def test_the_owner_of_what_a_charge_names_is_charged():
    found = _find("Ông Brahma Chellaney đã chỉ trích thái độ bất tuân luật pháp của Trung Quốc.",
                  ("Brahma Chellaney", "person", None), ("Trung Quốc", "country", "CHN"))
    assert _kept(found) == [("ACCUSE", ["Brahma Chellaney"], ["Trung Quốc"])]


@pytest.mark.parametrize("text", [
    # "giữa A và B" names the two sides of a noun, not whom the praise is for
    "Thượng tướng Trần Văn Lâm đánh giá cao những kết quả hợp tác quốc phòng giữa Úc và Việt Nam.",
    # "của" owns what a praise names: only a charge or a denial makes the owner its target
    "Thượng tướng Trần Văn Lâm đánh giá cao những nỗ lực bền bỉ trong nhiều năm của Úc.",
    # a second verb after "và" has the "với" phrase
    "Thượng tướng Trần Văn Lâm kêu gọi điều tra kỹ lưỡng và có động thái ngoại giao với Úc.",
])
def test_a_far_name_not_marked_as_the_other_party_is_no_object(text):
    parties = [("Trần Văn Lâm", "person", "VNM"), ("Úc", "country", "AUS")]
    if "Việt Nam" in text:
        parties.append(("Việt Nam", "country", "VNM"))
    assert all("Úc" not in r for _, _, r in _kept(_find(text, *parties)))


# --- objecting to what a party does accuses it (ACCUSE 111) -----------------------------------------

@pytest.mark.parametrize("text", [
    "Việt Nam phản đối việc Trung Quốc đưa tàu khảo sát vào vùng biển.",
    "Việt Nam kiên quyết phản đối Trung Quốc tập trận ở quần đảo.",
    "Việt Nam phản đối hành vi quân sự hóa của Trung Quốc.",
])
def test_objecting_to_what_a_party_does_accuses_it(text):
    found = _find(text, ("Việt Nam", "country", "VNM"), ("Trung Quốc", "country", "CHN"))
    assert [(e.type, e.cameo) for e in found] == [("ACCUSE", "111")]
    assert _kept(found) == [("ACCUSE", ["Việt Nam"], ["Trung Quốc"])]


def test_objecting_to_a_party_alone_still_rejects():
    found = _find("Trung Quốc phản đối các yêu cầu của Mỹ.", ("Trung Quốc", "country", "CHN"), ("Mỹ", "country", "USA"))
    assert [e.type for e in found] == ["REJECT"]


# --- an agreement among one state's own bodies is no act between states (event_types.tsv two_states)

@pytest.mark.parametrize("text,parties", [
    ("Ngày 5/2, Quốc hội đã nhất trí thông qua nghị quyết bầu ông Lê Văn Tám.",
     [("Quốc hội", "organization", "VNM"), ("Lê Văn Tám", "person", "VNM")]),
    ("Ngày 5/2, Giám đốc Sở Lê Văn Tám hứa với Ủy ban nhân dân tỉnh sẽ hoàn thành kế hoạch.",
     [("Lê Văn Tám", "person", "VNM"), ("Ủy ban nhân dân tỉnh", "organization", "VNM")]),
])
def test_an_agreement_within_one_state_is_no_event(text, parties):
    assert not [k for k in _kept(_find(text, *parties)) if k[0] == "AGREE"]


def test_an_agreement_between_two_states_is_kept():
    found = _kept(_find("Ngày 5/2, Bộ trưởng Lê Văn Tám nhất trí với Bộ trưởng Kenji Sato tăng cường hợp tác.",
                        ("Lê Văn Tám", "person", "VNM"), ("Kenji Sato", "person", "JPN")))
    assert ("AGREE", ["Lê Văn Tám"], ["Kenji Sato"]) in found


# --- an act with an international organisation as a party is no act between states ---------------

@pytest.mark.parametrize("text,parties", [
    ("Ngày 5/2, Bộ trưởng Lê Văn Tám kêu gọi Liên Hợp Quốc hỗ trợ người tị nạn.",
     [("Lê Văn Tám", "person", "VNM"), ("Liên Hợp Quốc", "organization", None)]),
    ("Ngày 5/2, ASEAN và Trung Quốc ký bản ghi nhớ về hợp tác biển.",
     [("ASEAN", "organization", None), ("Trung Quốc", "country", "CHN")]),
])
def test_an_act_with_an_international_organisation_is_dropped(text, parties):
    assert _kept(_find(text, *parties)) == []


def test_a_company_of_no_known_country_is_still_a_party():
    found = _kept(_find("Ngày 5/2, Bộ trưởng Lê Văn Tám tiếp Chủ tịch Tập đoàn Zeta.",
                        ("Lê Văn Tám", "person", "VNM"), ("Tập đoàn Zeta", "organization", None)))
    assert [k[0] for k in found] == ["CONSULT"]


# --- issue 13 (session 27): classes of missed events ------------------------------------------------------

def test_a_drill_of_one_side_named_alone_in_its_sentence_shows_force():
    found = _find("Đài Loan tổ chức diễn tập bắn đạn thật ở Ba Bình.", ("Đài Loan", "country", "TWN"))
    assert [(e.type, e.cameo, names(e.actors)) for e in found] == [("MOBILIZE", "150", ["Đài Loan"])]


def test_a_signing_with_one_name_in_its_sentence_is_still_no_event():
    assert _find("Lào ký hiệp định thương mại.", ("Lào", "country", "LAO")) == []


def test_summoning_an_envoy_is_an_official_complaint():
    found = _find("Bộ Ngoại giao Nhật Bản triệu tập đại sứ Mỹ Caroline Kennedy.",
                  ("Bộ Ngoại giao Nhật Bản", "organization", "JPN"), ("Mỹ", "country", "USA"),
                  ("Caroline Kennedy", "person", "USA"))
    assert [(e.type, e.cameo, names(e.actors), names(e.recipients)) for e in found] == [
        ("ACCUSE", "114", ["Bộ Ngoại giao Nhật Bản"], ["Caroline Kennedy"])]


def test_summoning_a_session_is_no_complaint():
    assert "ACCUSE" not in {t.type for _, _, t in scan("Thủ tướng triệu tập cuộc họp khẩn của Hội đồng An ninh.")}


def test_a_joint_press_conference_meets_the_counterpart():
    found = _find("Ngoại trưởng Vương Nghị phát biểu trong cuộc họp báo chung với người đồng cấp Mông Cổ.",
                  ("Vương Nghị", "person", "CHN"), ("Mông Cổ", "country", "MNG"))
    assert [(e.type, names(e.actors), names(e.recipients)) for e in found] == [
        ("CONSULT", ["Vương Nghị"], ["Mông Cổ"])]


def test_a_press_conference_alone_is_no_meeting():
    assert [t.type for _, _, t in scan("Bộ Ngoại giao họp báo thường kỳ.")] == ["-"]


def test_issuing_a_joint_statement_supports_jointly():
    found = _find("Việt Nam và Singapore ra tuyên bố chung.", ("Việt Nam", "country", "VNM"),
                  ("Singapore", "country", "SGP"))
    assert [(e.type, e.cameo, sorted(names(e.actors + e.recipients))) for e in found] == [
        ("SUPPORT", "057", ["Singapore", "Việt Nam"])]


def test_two_sides_in_a_sentence_naming_one_still_take_part():
    found = _find("Thủ tướng Nguyễn Văn An hội đàm với Thủ tướng Nhật Bản Kishida Fumio.\n\n"
                  "Hai bên đã ký kết thỏa thuận hợp tác về hỗ trợ Việt Nam.",
                  ("Nguyễn Văn An", "person", "VNM"), ("Nhật Bản", "country", "JPN"), ("Kishida Fumio", "person", "JPN"),
                  ("Việt Nam", "country", "VNM"))
    assert any(sorted(names(e.actors + e.recipients)) == ["Nhật Bản", "Việt Nam"] for e in found)



# --- an act told in passing (modality.told_in_passing) ---------------------------------------------

@pytest.mark.parametrize("text", [
    "Được biết, sau khi nhà báo Jamal Khashoggi bị sát hại, ông Jared Kushner nhiều lần gặp Thái tử.",
    "Kênh liên lạc được mở lại liên quan đến vụ việc sinh viên Mỹ Otto Warmbier bị bắt tại Triều Tiên.",
])
def test_a_passive_no_one_does_in_a_subordinate_part_is_told_in_passing(text):
    parties = [p for p in (("Jamal Khashoggi", "person", "SAU"), ("Jared Kushner", "person", "USA"),
                           ("Otto Warmbier", "person", "USA"), ("Triều Tiên", "country", "PRK")) if p[0] in text]
    found = _find(text, *parties)
    assert not [e for e in found if e.type in ("ASSAULT", "COERCE") and not e.negated]


@pytest.mark.parametrize("text, times", [
    ("Khi công dân Kim Chol bị sát hại ở sân bay Malaysia hôm 13/2, Bình Nhưỡng phản đối.",
     [("hôm 13/2", "2017-02-13")]),                                          # dated: an event
    ("Sau khi hội đàm, ông Kim Chol bị cảnh sát Malaysia bắt.", []),         # its doer named
    ("Ông Kim Chol bị sát hại ở sân bay Malaysia.", []),                      # the news itself
])
def test_a_passive_dated_or_done_by_someone_or_told_as_news_happened(text, times):
    found = _find(text, ("Kim Chol", "person", "PRK"), ("Malaysia", "country", "MYS"),
                  *[p for p in (("Bình Nhưỡng", "city", "PRK"),) if p[0] in text], times=times)
    assert [e.type for e in found if e.type in ("ASSAULT", "COERCE") and not e.negated]
