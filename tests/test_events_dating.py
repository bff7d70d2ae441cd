"""Event dates and parties across sentences (stages/events/dating.py, holders.py, triggers.py)
and the times they read (stages/times.py): constructions of the dev texts, in made-up sentences."""
from __future__ import annotations

from biennien.stages import times
from tests.test_events import _analysed, names


def _one(found: list, type_: str, trigger: str | None = None):
    return next(e for e in found if e.type == type_ and (trigger is None or e.trigger.lower() == trigger))


def test_ago_counts_back_from_the_publication_date():
    assert times.evaluate("cách đây hai tháng", "2017-04-16", "day")[:2] == ("2017-02", "month")
    assert times.evaluate("cách đây đúng ba năm", "2019-05-20", "day")[:2] == ("2016", "year")
    assert times.evaluate("cách đây 3 ngày", "2019-05-20", "day")[:2] == ("2019-05-17", "day")
    # vague or countless: no date
    assert times.evaluate("cách đây khoảng hai tháng", "2019-05-20", "day")[0] is None
    assert times.evaluate("cách đây không lâu", "2019-05-20", "day")[0] is None


def test_a_time_said_again_in_parentheses_is_one_expression_with_the_precise_value():
    found = _analysed("Cách đây đúng ba năm (tháng 5-2016), Thủ tướng Nguyễn Xuân Phúc thăm chính thức Liên bang Nga.",
                      published="2019-05-20")
    visit = _one(found, "CONSULT")
    assert visit.date == "2016-05" and names(visit.recipients) == ["Liên bang Nga"]


def test_a_title_with_a_country_is_the_one_holder_of_that_title_whose_country_is_not_said():
    found = _analysed("Thủ tướng Phạm Minh Chính gặp Tổng thống Pháp.\n\nThủ tướng Phạm Minh Chính gặp Tổng thống "
                      "Macron bên lề hội nghị.", published="2025-11-23")
    assert {tuple(names(e.recipients)) for e in found if e.type == "CONSULT"} == {("Macron",)}


def test_the_one_a_host_welcomes_is_the_visitor_and_the_welcome_is_some_day_of_the_visit():
    found = _analysed("Thủ tướng Lê Minh Hưng chủ trì lễ đón Thủ tướng Nhật Bản Takaichi Sanae thăm chính thức "
                      "Việt Nam ngày 1-3/5.", published="2026-05-02")
    visit, welcome = _one(found, "CONSULT", "thăm chính thức"), _one(found, "CONSULT", "đón")
    assert names(visit.actors) == ["Takaichi Sanae"] and visit.date == "2026-05-01"
    assert names(welcome.recipients) == ["Lê Minh Hưng"] and welcome.date == "2026-05"


def test_a_time_said_again_on_the_home_clock_dates_nothing_where_the_local_time_is_told():
    text = ("Chiều 12-4 (giờ địa phương, tức sáng 13-4, giờ Hà Nội), Thủ tướng Lê Văn Thành hội đàm với Thủ tướng "
            "Canada Jane Roe tại Ottawa.")
    assert _one(_analysed(text, published="2024-04-13"), "CONSULT").date == "2024-04-12"
    # the home clock alone, no local time told: it is the only time there is, and dates the talks
    text = "Sáng 13-4 (giờ Hà Nội), Thủ tướng Lê Văn Thành hội đàm với Thủ tướng Canada Jane Roe tại Ottawa."
    assert _one(_analysed(text, published="2024-04-13"), "CONSULT").date == "2024-04-13"


def test_what_an_accusation_names_gives_it_no_plan():
    text = ("Ngoại trưởng Nga Sergey Lavrov hôm 5/11 cáo buộc Israel vi phạm cam kết thông báo cho Moscow trước khi "
            "triển khai không kích vào Syria.")
    accuse = _one(_analysed(text, published="2018-11"), "ACCUSE")
    assert accuse.planned is None and accuse.date == "2018-11-05"


def test_an_act_told_as_some_time_before_the_clause_it_hangs_on_is_dated_that_far_back():
    found = _analysed("Bộ Ngoại giao Iran ngày 4-9 tuyên bố hạ cấp quan hệ ngoại giao với Úc, một tuần sau khi Úc "
                      "trục xuất đại sứ Iran.", published="2025-09-05")
    assert _one(found, "SANCTION", "trục xuất đại sứ").date == "2025-08"   # a week give or take three days: its month
    assert _one(found, "SANCTION", "hạ cấp quan hệ").date == "2025-09-04"   # the downgrade: its own day
    found = _analysed("Ngày 30/4, hai ngày sau khi Ngoại trưởng Mỹ Mike Pompeo thăm Saudi Arabia, Đại giáo chủ Iran "
                      "Ali Khamenei lên án Mỹ.", published="2018-05-01")
    assert _one(found, "CONSULT").date == "2018-04-28"
    assert _one(found, "ACCUSE").date == "2018-04-30"          # after the offset's clause: the sentence's day
    found = _analysed("Ông Chung Sơn xuất hiện hai tháng sau khi Tổng thống Mỹ Donald Trump cáo buộc Trung Quốc rút "
                      "lại cam kết.", published="2019-07")
    assert _one(found, "ACCUSE").date == "2019-05"            # from the lead: the month two months back
    # a vague count is no offset
    found = _analysed("Ngày 30/4, hơn một tuần sau khi Ngoại trưởng Mỹ Mike Pompeo thăm Saudi Arabia, Đại giáo chủ "
                      "Iran Ali Khamenei lên án Mỹ.", published="2018-05-01")
    assert _one(found, "CONSULT").date == "2018-04-30"
    # opening its sentence without "khi", it tells what came later: no offset
    found = _analysed("Ngày 23/4, Ngoại trưởng Mỹ Mike Pompeo thăm Saudi Arabia. Một tuần sau Đại giáo chủ Iran Ali "
                      "Khamenei lên án Mỹ.", published="2018-05-01")
    assert _one(found, "ACCUSE").date == "2018-04-23"   # the lead's day, not the month a week before



def test_n_days_after_when_is_an_offset_not_the_day_after_the_last_day_told():
    found = _analysed("Ngày 30/4, một ngày sau khi Ngoại trưởng Mỹ Mike Pompeo thăm Saudi Arabia, "
                      "Đại giáo chủ Iran Ali Khamenei đã lên tiếng chỉ trích Mỹ.", published="2018-05-01")
    visit = _one(found, "CONSULT", "thăm")
    assert visit.date == "2018-04-29" and names(visit.recipients) == ["Saudi Arabia"]
    assert any(names(e.actors) == ["Ali Khamenei"] for e in found if e.type == "ACCUSE")
    # alone, "một ngày sau" still counts from the day told before it
    found = _analysed("Hội nghị khai mạc ngày 5/11. Một ngày sau, Việt Nam và Lào ký thỏa thuận hợp tác.",
                      published="2015-11-08")
    assert _one(found, "SUPPORT").date == "2015-11-06"   # signing a document (stages/events/nouns.py)


def test_the_abbreviation_of_a_memorandum_is_a_document_not_a_party():
    found = _analysed("Ngày 30/10, Singapore và Việt Nam đã ký Bản ghi nhớ hợp tác (MOC) về thương mại gạo.",
                      published="2025-10-30")
    assert sorted(names(_one(found, "SUPPORT").actors)) == ["Singapore", "Việt Nam"]


def test_a_meeting_noun_told_one_day_after_another_act_names_no_one_of_that_act():
    found = _analysed("Ngày 21/6, Ngoại trưởng Mỹ Rex Tillerson gặp Ủy viên Quốc vụ Trung Quốc Dương Khiết Trì. "
                      "Cuộc họp diễn ra một ngày sau khi Tổng thống Mỹ Donald Trump nói rằng nỗ lực của Trung Quốc "
                      "đã thất bại.", published="2017-06-22")
    assert not any("Donald Trump" in names(e.actors + e.recipients) for e in found if e.type == "CONSULT")


def test_an_act_nothing_dates_keeps_the_day_its_own_time_says_without_a_year():
    """Issue 13: in an article with no publication date and no year to pin, "Sáng 30-5, ... hội đàm"
    has no date but says 30 May; an act its own time does not date says nothing."""
    found = _analysed("Sáng 30-5, tại Hà Nội, Chủ tịch nước Trần Đại Quang đã hội đàm với Tổng thống Nga Vladimir "
                      "Putin. Hai bên nhất trí tăng cường hợp tác. Tháng 11, Thủ tướng Nguyễn Xuân Phúc thăm Nhật Bản.",
                      published=None)
    talks = _one(found, "CONSULT", "hội đàm")
    assert (talks.date, talks.date_precision, talks.date_partial) == (None, None, "--05-30")
    assert _one(found, "AGREE").date_partial is None            # no time of its own
    assert _one(found, "CONSULT", "thăm").date_partial == "--11"
    # a publication date gives the year: a date, no partial one
    dated = _one(_analysed("Sáng 30-5, tại Hà Nội, Chủ tịch nước Trần Đại Quang đã hội đàm với Tổng thống Nga Vladimir "
                           "Putin.", published="2016-05-30"), "CONSULT")
    assert (dated.date, dated.date_partial) == ("2016-05-30", None)



def test_undated_a_day_of_no_known_year_still_dates_its_clause_rather_than_a_farther_time():
    text = ("Ngày 2-2, Đại sứ Việt Nam tại Nhật Bản Nguyễn Quốc Cường đã tới trụ sở Bộ Ngoại giao Nhật Bản và làm việc "
            "với ông Shigeki Takizaki - tổng vụ trưởng Vụ Đông Nam Á, Bộ Ngoại giao Nhật Bản - để tiếp tục trao đổi về "
            "vụ bé gái Lê Thị Nhật Linh bị sát hại vào tháng 3-2017.")
    meeting = _one(_analysed(text, published=None), "CONSULT")
    assert meeting.date is None and meeting.date_partial == "--02-02"     # not March 2017, the killing's month
    assert _one(_analysed(text, published="2018-02-05"), "CONSULT").date == "2018-02-02"


def test_undated_a_time_after_every_day_the_bounds_allow_is_ahead():
    # "Thủ tướng Nguyễn Xuân Phúc" places the article before mid-2021: "năm 2025" is a plan, as in a dated article
    text = "Thủ tướng Nguyễn Xuân Phúc hội đàm với Thủ tướng Campuchia Hun Sen. Hai bên nhất trí ký hiệp định phân giới vào năm 2025."
    for published in (None, "2018-05-02"):
        assert _one(_analysed(text, published=published), "AGREE").planned == {"start": "2025", "end": None}, published


def test_a_plan_the_text_does_not_date_was_announced_on_the_day_of_the_report():
    found = _analysed("Tổng Bí thư Tô Lâm và phu nhân sẽ thăm chính thức Bulgaria.", published="2025-10-21")
    plan = _one(found, "AGREE")
    assert plan.planned is not None and (plan.date, plan.date_precision) == ("2025-10-21", "day")
    # an act done, not announced, keeps the month the report gives it
    done = _one(_analysed("Tổng Bí thư Tô Lâm thăm chính thức Bulgaria.", published="2025-10-21"), "CONSULT")
    assert (done.date, done.date_precision) == ("2025-10", "month")


def test_a_plan_takes_the_span_of_its_own_clause_and_undated_keeps_it_without_a_year():
    text = "Thủ tướng Phạm Minh Chính sẽ thăm chính thức Nhật Bản từ ngày 21-24/3."
    dated = _one(_analysed(text, published="2025-03-10"), "AGREE")
    assert dated.planned == {"start": "2025-03-21", "end": "2025-03-24"} and dated.date == "2025-03-10"
    undated = _one(_analysed(text, published=None), "AGREE")
    assert undated.planned == {"start": "--03-21", "end": "--03-24"}
    assert undated.date is None and undated.date_partial is None   # the span is the plan's, not the announcement's
    one_day = _one(_analysed("Bộ trưởng Quốc phòng Nhật Bản sẽ thăm Việt Nam vào ngày 8/2.", published=None), "AGREE")
    assert one_day.planned == {"start": "--02-08", "end": None}


def test_a_noun_of_a_visit_or_talks_whose_predicate_is_told_ahead_is_a_plan():
    text = "Chuyến thăm chính thức Pháp của Tổng Bí thư Tô Lâm sẽ diễn ra ngày 25 - 27/3."
    for published, span in (("2025-03-10", {"start": "2025-03-25", "end": "2025-03-27"}),
                            (None, {"start": "--03-25", "end": "--03-27"})):
        plan = _one(_analysed(text, published=published), "AGREE")
        assert plan.planned == span and plan.cameo == "036", published
    talks = _one(_analysed("Cuộc hội đàm giữa Bộ trưởng Ngoại giao Bùi Thanh Sơn và Ngoại trưởng Úc Penny Wong "
                           "sẽ được tiến hành vào ngày 8/2.", published=None), "AGREE")
    assert talks.planned == {"start": "--02-08", "end": None}
    # a verb after "sẽ tiến hành" still reads it as a light verb and a plan
    verb = _one(_analysed("Thủ tướng Phạm Minh Chính sẽ tiến hành hội đàm với Thủ tướng Lý Cường vào ngày 8/2.",
                          published="2025-01-20"), "AGREE")
    assert verb.planned == {"start": "2025-02-08", "end": None}
    # a noun whose predicate tells nothing ahead stays what it was
    assert not [e for e in _analysed("Chuyến thăm chính thức Pháp của Tổng Bí thư Tô Lâm diễn ra ngày 25 - 27/3.",
                                     published="2025-03-30") if e.planned]


def test_a_time_after_a_verb_of_speech_that_follows_a_noun_of_the_act_dates_what_was_said():
    found = _analysed("Ngày 13/2, Triều Tiên phóng một tên lửa tầm trung. "
                      "Ngày 12/2, Bộ trưởng Quốc phòng Anh Michael Fallon trong chuyến thăm Iraq cho biết, ông hy vọng "
                      "IS sẽ bị đánh bật khỏi các thành phố lớn của Iraq vào cuối năm nay.", published="2017-02-13")
    assert _one(found, "CONSULT").date == "2017-02-12"


def test_a_plan_is_dated_by_the_day_its_sentence_opens_with():
    found = _analysed("Ngày 8/5, Triều Tiên phóng một tên lửa tầm trung. "
                      "Ngày 7/5, Nhà Trắng thông báo Tổng thống Donald Trump sẽ thăm Nhật Bản ngày 20/5.",
                      published="2018-05-09")
    plan = _one(found, "AGREE")
    assert plan.date == "2018-05-07" and plan.planned["start"] == "2018-05-20"


def test_a_meeting_with_no_time_of_its_own_in_a_visit_under_way_is_the_lead_day_not_the_visits_first():
    found = _analysed("Thủ tướng Nguyễn Xuân Phúc và Thủ tướng Malcolm Turnbull hôm nay ký Tuyên bố chung tại Canberra. "
                      "Tại cuộc họp báo chung, Thủ tướng Nguyễn Xuân Phúc và Thủ tướng Turnbull cho biết hai nước sẽ "
                      "hợp tác. Thủ tướng Nguyễn Xuân Phúc đang thăm chính thức Australia từ ngày 14 đến 18/3.",
                      published="2018-03-15")
    assert _one(found, "CONSULT", "họp báo chung").date == "2018-03-15"
    assert _one(found, "CONSULT", "thăm chính thức").date == "2018-03-14"


def test_the_headlines_event_takes_the_date_the_lead_gives_its_story():
    from biennien.pipeline import analyse
    from biennien.records import Source
    raw = ("Tổng Bí thư, Chủ tịch nước Tô Lâm bắt đầu thăm Trung Quốc\n\nTổng Bí thư, Chủ tịch nước Tô Lâm và phu nhân "
           "sáng nay đến Bắc Kinh, bắt đầu chuyến thăm cấp nhà nước đến Trung Quốc ngày 14-17/4.")
    found = analyse(Source(source="x.txt", raw=raw, published="2026-04-13")).events
    assert {e.date for e in found if e.type == "CONSULT"} == {"2026-04-14"}


def test_a_visit_begun_with_the_day_it_ends_is_dated_by_the_arrival_told_before_it():
    text = "Thủ tướng Malaysia Mahathir Mohamad đã đến Việt Nam chiều 26-8, bắt đầu chuyến thăm chính thức tới ngày 28-8."
    visit = _one(_analysed(text, published="2018-08-27"), "CONSULT")
    assert visit.date == "2018-08-26"
    # no day before it: the day ahead is another act's, the visit keeps the lead
    text = "Thủ tướng Malaysia Mahathir Mohamad bắt đầu thăm chính thức Việt Nam, dự lễ kỷ niệm ngày 28-8."
    assert _one(_analysed(text, published="2018-08-27"), "CONSULT").date != "2018-08-28"


def test_a_time_in_a_clause_a_subordinator_opens_after_the_trigger_dates_that_clause():
    text = "Đây là lần đầu tiên Thủ tướng Mahathir Mohamad thăm chính thức Việt Nam sau khi tái đắc cử tháng 5-2018."
    assert _one(_analysed(text, published="2018-08-27"), "CONSULT").date != "2018-05"
    text = "Thủ tướng Mahathir Mohamad thăm chính thức Việt Nam tháng 5-2018."
    assert _one(_analysed(text, published="2018-08-27"), "CONSULT").date == "2018-05"
