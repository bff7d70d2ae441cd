from pathlib import Path

import pytest

from biennien.pipeline import analyse
from biennien.records import Source
from biennien.stages import bounds
from biennien.stages.dateline import from_url, parse_date, period
from biennien.text import overlapping
from biennien.io.read import read

from .conftest import SEEDS, seeds_gold


@pytest.mark.needs_shared
def test_seed_publication_dates():
    for gold in seeds_gold()["documents"]:
        (src,) = list(read([str(SEEDS / gold["file"])]))
        art = analyse(src).article
        assert (art.published, art.published_precision) == (gold["published"], gold["precision"]), gold["file"]


@pytest.mark.parametrize("raw,expected", [
    ("2025-08-08T14:18:49+07:00", ("2025-08-08", "day")), ("2022-06", ("2022-06", "month")), ("2022", ("2022", "year")),
    ("10/10/2024", ("2024-10-10", "day")), ("Fri, 08 Aug 2025 14:18:49 +0700", ("2025-08-08", "day")),
    ("not a date", (None, None)), ("2024-13-40", (None, None)), (None, (None, None))])
def test_parse_metadata_dates(raw, expected):
    assert parse_date(raw) == expected


def test_url_dates():
    assert from_url("https://tuoitre.vn/abc-20250804103512345.htm") == ("2025-08-04", "day")
    assert from_url("https://x.vn/2024/10/10/abc") == ("2024-10-10", "day")
    assert from_url("https://vnexpress.net/abc-4924650.html") == (None, None)


def test_unknown_date_is_null():
    art = analyse(Source("x.txt", "Một bài không có ngày tháng nào cả.")).article
    assert (art.published, art.published_precision) == (None, None)


def test_month_meta_refined_by_lead_only_when_it_agrees():
    art = analyse(Source("x.txt", "Sáng 2/7, đoàn đến thăm.", published="2022-06")).article
    assert (art.published, art.published_precision) == ("2022-06", "month")
    art = analyse(Source("x.txt", "Sáng 2/6, đoàn đến thăm.", published="2022-06")).article
    assert (art.published, art.published_precision) == ("2022-06-02", "day")
    # a lead told as past ("hôm 2/6") is a day before the article, not its day
    art = analyse(Source("x.txt", "Hôm 2/6, đoàn đến thăm.", published="2022-06")).article
    assert (art.published, art.published_precision) == ("2022-06", "month")


@pytest.mark.parametrize("meta,expected", [
    ("1200-03-04", (None, None)),            # a typo in a feed's metadata: not a real publication date
    ("0001-01-01", (None, None)),
    ("2999-01-01", (None, None)),            # centuries ahead
    ("1975-04-30", ("1975-04-30", "day")),   # old, but real
])
def test_impossible_publication_dates_count_as_missing(meta, expected):
    art = analyse(Source("x.txt", "Một bài không có ngày tháng nào cả.", published=meta)).article
    assert (art.published, art.published_precision) == expected


def test_impossible_metadata_date_falls_back_to_the_text():
    art = analyse(Source("x.txt", "Hai bên hội đàm\nSáng 10/10/2024, hai bên hội đàm tại Hà Nội.", published="1200-01-01")).article
    assert art.published == "2024-10-10"


def _undated(text: str) -> tuple:
    art = analyse(Source("x.txt", text)).article
    return art.published, art.published_precision


def test_office_holders_pin_the_lead_day_to_one_year():
    # Pompeo (from 2018-04-26) and Mattis (to 2019-01-01, and 60 days): one 14 December
    text = "Hai bên hội đàm\nSáng nay (14/12), Ngoại trưởng Mỹ Mike Pompeo và Bộ trưởng Quốc phòng Mỹ James Mattis tiếp đoàn."
    assert _undated(text) == ("2018-12-14", "day")
    # the morning's act opening the lead is reported that day (lead_morning): its day
    assert _undated(text.replace("Sáng nay (14/12)", "Sáng 14/12")) == ("2018-12-14", "day")
    # the evening's may be reported the next day: the month, when that day is still in it
    assert _undated(text.replace("Sáng nay (14/12)", "Tối 14/12")) == ("2018-12", "month")
    assert _undated(text.replace("Sáng nay (14/12)", "Tối 31/12")) == (None, None)
    # a date closing a sentence (a photo caption: "... tại Canberra ngày 14/12.", often a file photo) is no article's day
    caption = "Tin\nNgoại trưởng Mỹ Mike Pompeo và Bộ trưởng Quốc phòng Mỹ James Mattis tại Hà Nội ngày 14/12."
    assert _undated(caption) == (None, None)
    # a date told inside its sentence is the day of what the article reports: the article lies within
    # days after it (PAST_LEAD_DAYS), its month when they stay in it
    inside = ("Tin\nTại buổi gặp chiều 14/12 (giờ Washington), Ngoại trưởng Mỹ Mike Pompeo và Bộ trưởng "
              "Quốc phòng Mỹ James Mattis tiếp đoàn.")
    assert _undated(inside) == ("2018-12", "month")
    assert _undated(inside.replace("14/12", "28/12")) == (None, None)   # December 2018 or January 2019
    # not when a future word before it puts the day ahead of the article, nor in a parenthesis dating a
    # word before it ("... cuộc gặp tại Washington (ngày 14/12), ...")
    assert _undated(inside.replace("Tại buổi gặp", "Sẽ có buổi gặp")) == (None, None)
    aside = ("Tin\nHai tuần trước cuộc gặp với ông Trump tại Washington (ngày 14/12), Ngoại trưởng Mỹ Mike "
             "Pompeo và Bộ trưởng Quốc phòng Mỹ James Mattis tiếp đoàn.")
    assert _undated(aside) == (None, None)


def test_a_weekday_picks_the_year_among_the_tenure():
    # Nguyễn Xuân Phúc was prime minister 2016-04-07 .. 2021-04-05: only 2020's 12 March is a Thursday
    text = "Thủ tướng tiếp đoàn\nSáng nay, thứ Năm (12/3), Thủ tướng Nguyễn Xuân Phúc tiếp đoàn đại biểu."
    assert _undated(text) == ("2020-03", "month")
    assert _undated(text.replace("thứ Năm ", "")) == (None, None)    # five candidate years: no date
    # the week it lies in may stand between the weekday and the date
    assert bounds.weekdays(["Thứ Năm tuần trước (12/3), hai bên ký."]) == [(12, 3, 3)]


def test_a_year_window_dates_the_article():
    text = "Tổng kết\nSáng nay (31-12), Thủ tướng Phạm Minh Chính dự Hội nghị tổng kết năm 2025 của ngành ngân hàng."
    assert _undated(text) == ("2025-12-31", "day")
    assert _undated("Kinh tế\nNăm ngoái (2018), kim ngạch đạt 10 tỷ USD.") == ("2019", "year")
    # "cùng kỳ năm 2018" is written from January 2019 to January 2020: no one year
    assert _undated("Kinh tế\nKim ngạch tăng 8% so với cùng kỳ năm 2018.") == (None, None)


def test_a_former_title_or_a_span_to_now_bounds_nothing_above():
    assert _undated("Tin\nSáng 14/12, cựu Ngoại trưởng Mỹ Mike Pompeo và cựu Bộ trưởng Quốc phòng Mỹ James Mattis dự lễ.") == (None, None)
    assert _undated("Tin\nTừ năm 2010 tới nay, năm 2009 vừa qua, hai nước hợp tác.") == (None, None)


def test_a_day_told_as_past_or_a_validity_is_not_the_articles_day():
    past = "Tin\nPhát ngôn viên hôm 30/3 cho biết. Kim ngạch tăng 8% so với cùng kỳ năm 2018."
    # 2019-03-30 is the only candidate; the article is a recent day after it (window_days), still in 2019
    assert _undated(past) == ("2019", "year")
    # a lead told as past is reported within days (PAST_LEAD_DAYS): its month when they stay in it
    held = "Tin\nHôm 14/12, Ngoại trưởng Mỹ Mike Pompeo và Bộ trưởng Quốc phòng Mỹ James Mattis tiếp đoàn."
    assert _undated(held) == ("2018-12", "month")
    assert _undated(held.replace("14/12", "28/12")) == (None, None)   # December 2018 or January 2019
    valid = "Tin\nThủ tướng Phạm Minh Chính ký quyết định, có hiệu lực từ ngày 31-7-2026."
    assert _undated(valid) == (None, None)


def test_a_lead_with_its_own_year_the_text_rules_out_is_no_date():
    text = "Tin\nNgày 15-11-1998, Việt Nam gia nhập APEC. Thủ tướng Nguyễn Xuân Phúc viết bài nhân dịp này."
    assert _undated(text) == (None, None)
    # "Ngày" and a year date a document: the report may come weeks later (its year, when they stay in it)
    assert _undated(text.replace("Thủ tướng Nguyễn Xuân Phúc", "Thủ tướng")) == (None, None)
    assert _undated(text.replace("Thủ tướng Nguyễn Xuân Phúc", "Thủ tướng").replace("15-11", "15-5")) == ("1998", "year")
    assert _undated(text.replace("Thủ tướng Nguyễn Xuân Phúc", "Thủ tướng").replace("Ngày", "Sáng")) == ("1998-11-15", "day")
    # a full date closing a sentence is a date the text tells, not the article's
    assert _undated("Tin\nDự án được đầu tư theo Hiệp định khung ký ngày 30-5-2008. Dự án chậm tiến độ.") == (None, None)
    assert _undated("Tin\nHà Nội (10/10/2024) - Hai bên hội đàm.") == ("2024-10-10", "day")


def test_bounds_that_contradict_each_other_give_no_date():
    text = "Tin\nSáng 10/10, Tổng thống Mỹ Barack Obama và Thủ tướng Phạm Minh Chính hội đàm."
    assert _undated(text) == (None, None)


def test_a_holders_terms_are_one_union():
    # Mahathir was prime minister 1981-2003 and 2018-2020, Trump president 2017-2021 and from
    # 2025: together they leave 2018-2020, where only 2018's 1 June is a Friday
    text = "Tin\nSáng nay, thứ Sáu (1/6), Tổng thống Donald Trump điện đàm với Thủ tướng Malaysia Mahathir Mohamad."
    assert _undated(text) == ("2018-06", "month")
    assert _undated(text.replace("thứ Sáu ", "")) == (None, None)      # 2018 or 2019
    # a title added to a post on a known day has no elect: "Tổng Bí thư, Chủ tịch nước Tô Lâm" is
    # August to October 2024 (and 60 days) or from 7 April 2026, so no 10 April but 2026's
    lead = "Tin\nChiều 10-4, Tổng Bí thư, Chủ tịch nước Tô Lâm trao quyết định."
    assert _undated(lead) == ("2026-04", "month")
    assert _undated(lead.replace("Chiều 10-4", "Chiều 10-9")) == (None, None)     # 2024 or 2026


def test_a_tenure_that_fits_one_year_dates_the_article_without_a_lead():
    # Phạm Minh Chính prime minister to 2026-04-07 (and 60 days), Lê Minh Hưng from it (and 90
    # days before): both named as prime minister, the article is of 2026
    assert _undated("Tin\nThủ tướng Phạm Minh Chính và Thủ tướng Lê Minh Hưng dự lễ.") == ("2026", "year")


def test_a_named_event_gives_the_lead_its_year():
    # the G20 summit in South Africa was 22-23 November 2025: a lead of 16 November is the week
    # before it (the delegation leaving), not November 2026
    text = "Tin\nSáng 16.11, Thủ tướng Phạm Minh Chính lên đường tham dự Hội nghị thượng đỉnh G20 tại Nam Phi."
    assert _undated(text)[0].startswith("2025-11")
    # a lead more than a month before the event it names is the next year's
    assert _undated(text.replace("Sáng 16.11", "Sáng 16.9")) == (None, None)   # 2026-09-16: after Chính's term
    # once the text says the event is over, the lead comes after it
    # (SEA Games 31: 12-23 May 2022)
    during = "Tin\nSáng nay (20/5), đoàn thể thao thi đấu tại SEA Games 31 ở Hà Nội."
    assert _undated(during) == ("2022-05-20", "day")
    assert _undated(during.replace("thi đấu tại", "tổng kết thành công")) == ("2023-05-20", "day")


def test_the_president_elect_is_the_weeks_before_the_inauguration():
    # Trump was president-elect November 2016 to January 2017 and November 2024 to January 2025
    # (and 60 days): a 20 December lies in 2016 or 2024, the weekday says which
    text = "Tin\nSáng nay, thứ Ba (20/12), Tổng thống đắc cử Donald Trump gặp các cố vấn."
    assert _undated(text) == ("2016-12", "month")
    assert _undated(text.replace("thứ Ba", "thứ Sáu")) == ("2024-12", "month")


def test_an_event_named_by_its_number_dates_the_lead():
    # the 10th Mekong - Japan summit was in Tokyo on 9 October 2018: "Tối 10/10" is the next day
    text = ("Tin\nTối 10/10, Thủ tướng Nguyễn Xuân Phúc về Hà Nội, kết thúc chuyến tham dự Hội nghị Cấp cao "
            "Hợp tác Mekong – Nhật Bản lần thứ 10.")
    assert _undated(text)[0].startswith("2018-10")
    # a congress named in the other word order ("Đại hội Đảng lần thứ XIV": 19-23 January 2026)
    text = "Tin\nTối 24.1, Tổng thống Nga điện đàm với Tổng Bí thư Tô Lâm chúc mừng thành công Đại hội Đảng lần thứ XIV."
    assert _undated(text)[0].startswith("2026-01")


def test_a_date_the_text_puts_ahead_or_a_span_is_no_lead():
    # "Vào ngày 5/11/2016, Bộ Quốc phòng sẽ ký ...": a plan bounds the article from above, never its day
    text = "Tin\nBộ Quốc phòng đăng bài phát biểu.\nSáng 5/11/2016, Bộ Quốc phòng sẽ ký hợp đồng mua tàu."
    assert _undated(text) == (None, None)
    assert _undated(text.replace(" sẽ", " đã")) == ("2016-11-05", "day")
    # an anniversary's span "(18.1.1950 - 18.1.2026)" is no lead
    assert _undated("Tin\nNhân dịp kỷ niệm 76 năm quan hệ ngoại giao (18.1.1950 - 18.1.2026), hai bên gửi điện mừng.") \
        == (None, None)


def test_a_date_inside_a_sentence_gives_its_year_only():
    # "từ trần hồi 10h05 ngày 21/9" with the year from a dated event: a day before the article
    text = ("Tin\nQuốc hội sẽ bầu Chủ tịch nước.\nChủ tịch nước Trần Đại Quang từ trần hồi 10h05 ngày 21/9 tại "
            "Bệnh viện. Hội nghị Trung ương 8, khoá XII họp từ ngày 2 đến 6/10.")
    assert _undated(text) in (("2018", "year"), (None, None))
    assert _undated(text)[1] != "day"


def test_a_digest_title_and_a_lead_with_its_place_date_the_article():
    title = "Tin tức thế giới 10-4: Tổng Bí thư, Chủ tịch nước Tô Lâm trao quyết định\nTổng Bí thư, Chủ tịch nước Tô Lâm trao quyết định."
    assert _undated(title) == ("2026-04-10", "day")
    lead = "Tin\nChiều 10-4 tại Trụ sở Trung ương, Tổng Bí thư, Chủ tịch nước Tô Lâm trao quyết định."
    assert _undated(lead) == ("2026-04", "month")
    # the report of an act at a month's end may come in the next month: its year
    assert _undated(lead.replace("10-4", "30-4")) == ("2026", "year")



def test_a_day_named_with_its_weekday_near_the_lead_picks_its_year():
    # Nguyễn Xuân Phúc was prime minister 2016-2021: five 22 Octobers; only 2018's 23 October,
    # the day after, is a Tuesday
    text = ("Tin\nChiều nay (22/10), Thủ tướng Nguyễn Xuân Phúc dự phiên họp. "
            "Ngày mai thứ ba, 23/10, các đại biểu sẽ bầu Chủ tịch nước.")
    assert _undated(text) == ("2018-10-22", "day")
    assert _undated(text.replace("thứ ba, ", "")) == (None, None)
    # a day far from the lead's only bounds the article to a year around it: 23 March is a Tuesday
    # in 2010, 2021 and 2027, and the prime minister's term leaves 2021 alone: October 2020
    assert _undated(text.replace("23/10", "23/3")) == ("2020-10-22", "day")


def test_a_day_named_with_its_weekday_bounds_the_article():
    from datetime import date

    from biennien.stages import bounds
    # 23 October is a Tuesday in 2012 and 2018 (and 2007, 2029): the article lies within a year of one
    spans = bounds.interval(["Ngày mai thứ ba, 23/10, các đại biểu bầu Chủ tịch nước."], today=date(2026, 12, 6))
    assert any(a <= date(2018, 10, 23) <= b for a, b in spans)
    assert not any(a <= date(2016, 10, 23) <= b for a, b in spans)


def test_holders_are_found_as_tokenised_news_writes_them():
    from biennien.stages import bounds
    # "Moon Jae - in" (a hyphen set apart) is "Moon Jae-in"; "Nguỵ Phượng Hoà" (the old tone
    # placement) is "Ngụy Phượng Hòa"
    found = bounds.evidence(["Tổng thống Hàn Quốc Moon Jae-in phát biểu."])
    assert found and bounds.evidence(["Tổng thống Hàn Quốc Moon Jae - in phát biểu."]) == found
    found = bounds.evidence(["Bộ trưởng Quốc phòng Trung Quốc Ngụy Phượng Hòa phát biểu."])
    assert found and bounds.evidence(["Bộ trưởng Quốc phòng Trung Quốc Nguỵ Phượng Hoà phát biểu."]) == found


def test_a_date_in_parentheses_inside_a_sentence_opens_no_clause():
    from biennien.stages.dateline import lead_day_month
    art = analyse(Source("x.txt", "Tin\nSáng 10/5, hai bên hội đàm.")).article
    aside = "Tin\nHai tuần trước cuộc gặp với ông Trump tại Washington (ngày 20-3), Thái tử trả lời báo chí."
    assert lead_day_month(art, ["Sáng 10/5, hai bên hội đàm."]).opens
    lead = lead_day_month(art, aside.split("\n")[1:])
    assert (lead.day, lead.month, lead.opens) == (20, 3, False)
    assert lead_day_month(art, ["Hà Nội (10/10) - Hai bên hội đàm."]).opens


def test_an_anniversary_named_pins_the_lead_to_its_year():
    # the 80th anniversary of 19 August 1945 is written about within half a year of 19 August 2025
    text = "Lễ kỷ niệm\nSáng 18/8, Hà Nội tổ chức lễ kỷ niệm 80 năm Cách mạng Tháng Tám thành công."
    assert _undated(text) == ("2025-08-18", "day")
    assert _undated(text.replace("80 năm", "80 năm ngày")) == ("2025-08-18", "day")
    # an anniversary of what no row commemorates dates nothing
    assert _undated(text.replace("Cách mạng Tháng Tám", "Trường Tiểu học Kim Đồng")) == (None, None)
    # an anniversary told with its span, the count its length: the span's end
    span = "Tin\nTối 2/6, hai bên dự lễ kỷ niệm 70 năm quan hệ ngoại giao (11-6-1948 - 11-6-2018)."
    assert _undated(span) == ("2018-06", "month")
    assert _undated(span.replace("70 năm", "60 năm")) == (None, None)    # not its length: no anniversary


def test_a_date_told_with_month_and_year_bounds_the_article_from_below():
    from datetime import date
    # "Tháng 10/2016, ...": told as past, or a schedule weeks ahead at most (SCHEDULE_AHEAD)
    assert bounds.evidence(["Tháng 10/2016, hai nước ký hiệp định."]) == \
        [("named", ((date(2016, 10, 1) - bounds.SCHEDULE_AHEAD, date.max),))]
    # a decree's number, a span's end, a plan: no such date
    assert bounds.evidence(["Theo Nghị định 10/2019/NĐ-CP của Chính phủ."]) == []
    assert [k for k, _ in bounds.evidence(["Giai đoạn 1/2016 - 3/2017 tăng trưởng."])] == []
    assert [k for k, _ in bounds.evidence(["Hội nghị sẽ họp tháng 6/2020."])] == []


def test_an_undated_articles_period_is_what_its_bounds_allow():
    """A current title's holder places an article with no date inside the tenure (kept for `who`,
    issue 14); a text with nothing that bounds it from below has no period."""
    lo, hi = period(["Tổng Bí thư Nguyễn Phú Trọng tiếp Đại sứ Nhật Bản."])
    assert "2010-01-01" < lo <= "2011-01-19" and "2024-07-19" <= hi < "2025-01-01"
    assert period(["Hai bên trao đổi về hợp tác."]) is None
    undated = analyse(Source(source="x.txt", raw="Tin ngắn\nTổng Bí thư Nguyễn Phú Trọng tiếp Đại sứ Nhật Bản."))
    assert undated.article.published is None and undated.article.period == (lo, hi)
    dated = analyse(Source(source="x.txt", raw="Tin ngắn\nTổng Bí thư Nguyễn Phú Trọng tiếp Đại sứ.",
                           published="2016-05-01"))
    assert dated.article.published == "2016-05-01" and dated.article.period is None


def test_a_year_alone_is_four_digits_no_digit_date_or_sign_runs_into():
    from biennien.stages.dateline import YEAR
    years = bounds._patterns()

    def found(pattern, text):
        return [m.group(1) for m in pattern.finditer(text)]

    text = "2019 là năm, tháng 10/2020, số 12021, 1999%, năm 1998. -2017, ,2016 (2015)"
    assert found(YEAR, text) == found(years["year"], text) == ["2019", "1998", "2015"]
    assert found(years["any_year"], text) == ["2019", "2020", "1999", "1998", "2017", "2016", "2015"]


def test_the_holders_cues_named_are_found_where_they_overlap():
    cues = {cue for cue, _, _ in bounds._holders()}
    assert {"anwar", "ardern", "biden"} <= cues
    low = "ông anwardern và ông biden"   # made up: one cue's end is the next one's start
    assert overlapping(bounds._cue_pattern(), low) == {c for c in cues if c in low} >= {"anwar", "ardern", "biden"}


def test_a_years_figure_told_against_the_year_before_says_that_year_is_over():
    # Nguyễn Xuân Phúc was prime minister 2016-04-07 .. 2021-04-05, the bridge opens in 2018 at the
    # latest: three 15 Marches; a figure of 2017 told against 2016's puts the article after 2017's end
    text = ("Hai bên hội đàm\nSáng 15-3, Thủ tướng Nguyễn Xuân Phúc hội đàm với Thủ tướng Úc. "
            "Cây cầu sẽ được khánh thành trong năm 2018. "
            "Kim ngạch hai chiều đạt 6,5 tỷ USD năm 2017, tăng 7% so với năm 2016.")
    assert _undated(text) == ("2018-03-15", "day")
    assert _undated(text.replace("so với năm 2016", "so với năm 2010")) == (None, None)
    # a part of the year or a target tells nothing of its end
    assert _undated(text.replace("năm 2017", "6 tháng đầu năm 2017")) == (None, None)
    assert _undated(text.replace("đạt", "phấn đấu đạt")) == (None, None)
