"""Roles: every seed gold role observed in its file, and the change patterns one by one."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from biennien.records import Article, Source, TimeExpr
from biennien.stages import mentions, roles, sentences
from tests.test_mentions import GOLD, SEEDS, needs_shared, norm


def title_key(title: str | None) -> str:
    """As the seed scorer compares titles ("Bộ trưởng Bộ Quốc phòng" ≡ "Bộ trưởng Quốc phòng")."""
    return norm(title).replace("bộ trưởng bộ ", "bộ trưởng ").replace("thứ trưởng bộ ", "thứ trưởng ")


def observe(text: str, published: str | None = "2024-10-10", times: list[TimeExpr] | None = None):
    article = Article(doc_id="t", source="t", title=None, text=text, published=published,
                      published_precision="day" if published else None)
    sents = sentences.split(article)
    return roles.find(article, sents, mentions.find(article, sents), times or [])


@pytest.fixture(scope="module")
def seeds():
    from biennien.pipeline import analyse
    from biennien.io.read import read

    return {Path(s.source).name: analyse(s) for s in read([str(SEEDS)]) if isinstance(s, Source)}


@needs_shared
def test_every_seed_role_observed_in_its_file(seeds):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    spellings = {norm(s): p["name"] for p in gold["persons"] for s in [p["name"], *p.get("aliases", [])]}
    missed = []
    for g in gold["roles"]:
        observed = [r for r in seeds[g["file"]].roles if spellings.get(norm(r.person)) == g["person"]]
        for title in g["titles"]:
            ok = any(title_key(title) in title_key(r.title) and r.country == g["country"]
                     and norm(r.rank) == norm(g["rank"]) for r in observed)
            if not ok:
                missed.append((g["file"], g["person"], title, [(r.rank, r.title, r.country) for r in observed]))
    assert not missed, missed


@needs_shared
def test_seed_appointment_with_stated_date(seeds):
    starts = [r for r in seeds["002_3f32e1dc35918625.txt"].roles if r.change == "start"]
    assert {r.title for r in starts} == {"Thứ trưởng Bộ Quốc phòng", "Tổng Tham mưu trưởng"}
    assert all(r.change_date == "2022-02" and r.country == "LAO" for r in starts)


@needs_shared
def test_seed_roles_only_from_news_sentences(seeds):
    for analysis in seeds.values():
        captions = {s.index for s in analysis.sentences if s.is_caption}
        assert not [r for r in analysis.roles if r.sentence in captions]


def test_observation_per_title_with_article_date():
    obs = observe("Thượng tướng Hoàng Xuân Chiến, Ủy viên Trung ương Đảng, Thứ trưởng Bộ Quốc phòng phát biểu.")
    assert [(o.person, o.rank, o.title, o.country, o.date, o.change) for o in obs] == [
        ("Hoàng Xuân Chiến", "Thượng tướng", "Ủy viên Trung ương Đảng", "VNM", "2024-10-10", None),
        ("Hoàng Xuân Chiến", "Thượng tướng", "Thứ trưởng Bộ Quốc phòng", "VNM", "2024-10-10", None)]


def test_sentence_date_wins():
    text = "Sáng 9/10, Thượng tướng Vongkham Phommakon, Thứ trưởng Bộ Quốc phòng Lào tiếp đoàn."
    t = TimeExpr("t", 0, 0, 9, "Sáng 9/10", "2024-10-09", "day")
    o, published = observe(text, times=[t])
    assert (o.date, o.date_precision, o.country) == ("2024-10-09", "day", "LAO")
    assert (published.date, published.title, published.country) == ("2024-10-10", o.title, "LAO")


def test_a_post_seen_near_the_publication_is_seen_on_its_day_too_but_not_a_change_or_an_old_post():
    """The article shows the post as current the day it is published: a sentence's own day within
    role_seen_days of it adds the publication day; a day years before, or a change, does not."""
    near = TimeExpr("t", 0, 0, 9, "Ngày 12/10", "2024-10-12", "day")
    assert [o.date for o in observe("Ngày 12/10, Bộ trưởng Ngoại giao Lào Saleumxay Kommasith đến.",
                                    times=[near])] == ["2024-10-12", "2024-10-10"]
    old = TimeExpr("t", 0, 0, 15, "Ngày 15/3/2013", "2013-03-15", "day")
    assert [o.date for o in observe("Ngày 15/3/2013, Bộ trưởng Ngoại giao Lào Saleumxay Kommasith đến.",
                                    times=[old])] == ["2013-03-15"]
    named = TimeExpr("t", 0, 0, 9, "Ngày 8/10", "2024-10-08", "day")
    obs = observe("Ngày 8/10, ông Saleumxay Kommasith được bổ nhiệm làm Bộ trưởng Ngoại giao Lào.", times=[named])
    assert [(o.date, o.change) for o in obs] == [("2024-10-08", "start")]


def test_a_month_publication_observes_the_day_the_story_is_told_on():
    """Published only to its month, a sentence with no day of its own shows its persons on the last
    day an earlier sentence names in that month ("Chiều 25-5, ... / Cùng hội kiến có X")."""
    text = "Chiều 25-5, Bộ trưởng James Mattis đón Đại sứ. Cùng hội kiến có Phó Trợ lý Ngoại trưởng Joseph Felter."
    t = TimeExpr("t", 0, 0, 9, "Chiều 25-5", "2018-05-25", "day")
    article = Article(doc_id="t", source="t", title=None, text=text, published="2018-05", published_precision="month")
    sents = sentences.split(article)
    obs = roles.find(article, sents, mentions.find(article, sents), [t])
    assert [(o.person, o.title, o.date) for o in obs] == [("James Mattis", "Bộ trưởng", "2018-05-25"),
                                                          ("Joseph Felter", "Phó Trợ lý Ngoại trưởng", "2018-05-25")]


def test_appointment_start_with_bracket_date():
    text = ("Thủ tướng chúc mừng đồng chí Khamlieng Outhakaysone được cử giữ chức Thứ trưởng Bộ Quốc phòng, "
            "Tổng Tham mưu trưởng QĐND Lào (tháng 2/2022).")
    obs = observe(text, published="2022-06")
    assert {(o.title, o.change, o.change_date, o.country) for o in obs} == {
        ("Thứ trưởng Bộ Quốc phòng", "start", "2022-02", "LAO"),
        ("Tổng Tham mưu trưởng", "start", "2022-02", "LAO")}


@pytest.mark.parametrize("text,title,change", [
    ("Ông Nguyễn Văn An được bổ nhiệm làm Thứ trưởng Bộ Công an.", "Thứ trưởng Bộ Công an", "start"),
    ("Ông Nguyễn Văn An được bầu làm Chủ tịch UBND tỉnh Quảng Nam.", "Chủ tịch UBND tỉnh Quảng Nam", "start"),
    ("Ông Nguyễn Văn An thôi giữ chức Chủ tịch HĐQT Eximbank.", "Chủ tịch HĐQT Eximbank", "end"),
    ("Ông Nguyễn Văn An, nguyên Bộ trưởng Bộ Y tế, bị bắt.", "Bộ trưởng Bộ Y tế", "end"),
    ("Cựu Tổng thống Mỹ Barack Obama phát biểu.", "Tổng thống", "end"),
])
def test_changes(text, title, change):
    obs = observe(text)
    assert [(o.title, o.change) for o in obs] == [(title, change)]
    assert obs[0].change_date is None


def test_caption_gives_no_role():
    from biennien.records import Zone

    text = "Thủ tướng Phạm Minh Chính tiếp đoàn.\n\nThủ tướng Phạm Minh Chính bắt tay ông Lê Văn Bình."
    cap = text.index("\n\n") + 2
    article = Article(doc_id="t", source="t", title=None, text=text, published="2024-01-01",
                      published_precision="day", zones=[Zone(cap, len(text), "caption")])
    sents = sentences.split(article)
    obs = roles.find(article, sents, mentions.find(article, sents), [])
    assert [o.sentence for o in obs] == [0]


def test_no_titles_no_roles():
    assert observe("Ông Nguyễn Văn An đi chợ.") == []
    assert observe("") == []


def test_active_appointment_and_clause_final_change():
    obs = observe("Thủ tướng bổ nhiệm ông Nguyễn Văn An làm Thứ trưởng Bộ Công an.")
    assert [(o.person, o.title, o.change) for o in obs if o.person == "Nguyễn Văn An"] == [
        ("Nguyễn Văn An", "Thứ trưởng Bộ Công an", "start")]
    obs = observe("Tổng thống Mỹ Donald Trump nhậm chức ngày 20/1/2017.")
    assert [(o.title, o.change, o.country) for o in obs] == [("Tổng thống", "start", "USA")]


@pytest.mark.parametrize("text,expected", [
    ("Sataya Nadella đã được bổ nhiệm làm CEO sau 22 năm.", [("Sataya Nadella", "CEO", "start")]),
    ("Ông Hoàng Văn Nam (trái) được bầu giữ chức Phó Chủ tịch UBND tỉnh Quảng Trị.",
     [("Hoàng Văn Nam", "Phó Chủ tịch UBND tỉnh Quảng Trị", "start")]),
    ("Ông Dương Văn Minh, Giám đốc Sở Y tế bị cách chức.", [("Dương Văn Minh", "Giám đốc Sở Y tế", "end")]),
    ("Ông Lê Minh Quốc - người vừa bị bãi nhiệm Chủ tịch HĐQT cho rằng cuộc họp sai.",
     [("Lê Minh Quốc", "Chủ tịch HĐQT", "end")]),
    ("Ông Hoàng Văn Nam - Giám đốc Sở Ngoại vụ được bầu vào chức danh Phó Chủ tịch UBND tỉnh Quảng Trị.",
     [("Hoàng Văn Nam", "Giám đốc Sở Ngoại vụ", None), ("Hoàng Văn Nam", "Phó Chủ tịch UBND tỉnh Quảng Trị", "start")]),
    ("Thủ tướng Phạm Minh Chính bổ nhiệm ông Nguyễn Văn An làm Thứ trưởng Bộ Công an.",
     [("Phạm Minh Chính", "Thủ tướng", None), ("Nguyễn Văn An", "Thứ trưởng Bộ Công an", "start")]),
])
def test_change_verbs_behind_adverbs_and_after_titles(text, expected):
    assert [(o.person, o.title, o.change) for o in observe(text)] == expected


def test_change_without_a_post_takes_the_post_the_article_gives():
    obs = observe("Đại biểu Quốc hội Châu Thị Thu Nga vắng mặt. Quốc hội bãi nhiệm bà Châu Thị Thu Nga.")
    assert [(o.title, o.change, o.sentence) for o in obs] == [("Đại biểu Quốc hội", None, 0),
                                                              ("Đại biểu Quốc hội", "end", 1)]


def test_change_without_any_post_is_kept_with_title_none():
    from biennien.resolve.roles import build

    (o,) = observe("Quốc hội bỏ phiếu bãi nhiệm bà Châu Thị Thu Nga.")
    assert (o.person, o.title, o.change) == ("Châu Thị Thu Nga", None, "end")
    # evidence of a change, but no role: a role is a person in a post
    assert build([{"actor_id": 1, "id": 1, "title": None, "change": "end", "date": "2024-10-10"}]) == []


def test_a_past_year_opening_the_sentence_dates_the_post():
    text = "Năm 1993, Tổng thống Pháp François Mitterrand thăm Việt Nam."
    when = TimeExpr("t", 0, 0, 8, "Năm 1993", "1993", "year")
    [r] = observe(text, "2021-11-10", [when])
    assert (r.person, r.title, r.date, r.date_precision) == ("François Mitterrand", "Tổng thống", "1993", "year")
    # a month inside the sentence dates what happened then, not the post
    text = "Cuộc gặp hồi tháng 6 giữa Tổng thống Mỹ Donald Trump và ông Kim Jong-un diễn ra ở biên giới."
    when = TimeExpr("t", 0, 9, 19, "hồi tháng 6", "2021-06", "month")
    assert [r.date for r in observe(text, "2021-11-10", [when])] == ["2021-11-10"]


def test_former_holder_before_a_lower_case_title_and_a_rank_before_a_comma():
    [r] = observe("Vợ cựu tổng thống Jacques Chirac phát biểu.")
    assert (r.title, r.change) == ("Tổng thống", "end")
    [r] = observe("Thượng tướng, Thứ trưởng Quốc phòng Hoàng Xuân Chiến phát biểu.")
    assert (r.rank, r.title) == ("Thượng tướng", "Thứ trưởng Bộ Quốc phòng")


def test_a_title_before_a_title_names_whom_the_post_serves():
    [r] = observe("Cố vấn Tổng thống Nga Yuri Ushakov đã xác nhận.")
    assert (r.person, r.title, r.country) == ("Yuri Ushakov", "Cố vấn Tổng thống", "RUS")
    [r] = observe("Ông Minh chúc mừng ông Taro Kono được tái bổ nhiệm làm Ngoại trưởng Nhật.")
    assert (r.person, r.title, r.change) == ("Taro Kono", "Ngoại trưởng", "start")


def test_short_forms_of_a_post_join_the_persons_one_fuller_form():
    from biennien.resolve.roles import build
    obs = [{"actor_id": 1, "id": 1, "title": "Bộ trưởng Bộ Quốc phòng", "country": "JPN", "date": "2018-01-01",
            "organization": "Bộ Quốc phòng Nhật Bản"},
           {"actor_id": 1, "id": 2, "title": "Bộ trưởng", "country": "JPN", "date": "2018-02-01"},
           {"actor_id": 1, "id": 3, "title": "Bộ trưởng Bộ Quốc phòng", "country": None, "date": "2018-03-01"},
           {"actor_id": 3, "id": 7, "title": "Tổng thống", "country": "USA", "date": "2018-03-01"},
           {"actor_id": 3, "id": 8, "title": "Tổng thống đắc cử", "country": "USA", "date": "2016-12-01"},
           {"actor_id": 2, "id": 4, "title": "Bộ trưởng", "country": None, "date": "2018-03-01"},
           {"actor_id": 2, "id": 5, "title": "Bộ trưởng Bộ Y tế", "country": "VNM", "date": "2018-03-01",
            "organization": "Bộ Y tế"},
           {"actor_id": 2, "id": 6, "title": "Bộ trưởng Bộ Công an", "country": "VNM", "date": "2018-03-01",
            "organization": "Bộ Công an"}]
    roles = {(r["actor_id"], r["title"], r["country"]): sorted(r["observations"]) for r in build(obs)}
    assert roles == {(1, "Bộ trưởng Bộ Quốc phòng", "JPN"): [1, 2, 3],   # one post, seen three times
                     (2, "Bộ trưởng", None): [4],                       # two fuller forms: which one is unsaid
                     (2, "Bộ trưởng Bộ Y tế", "VNM"): [5], (2, "Bộ trưởng Bộ Công an", "VNM"): [6],
                     (3, "Tổng thống", "USA"): [7], (3, "Tổng thống đắc cử", "USA"): [8]}   # another post


def test_a_monarch_holds_a_post():
    """A king, queen or emperor is a post of their country, not a form of address."""
    got = {(r.person, r.title, r.country) for r in observe("Quốc yến do Nhà vua Na Uy Harald V và Hoàng hậu Sonja chủ trì.")}
    assert got == {("Harald V", "Nhà vua", "NOR"), ("Sonja", "Hoàng hậu", "NOR")}
    got = {(r.person, r.title, r.country) for r in observe(
        "Nữ hoàng Đan Mạch Margrethe II gửi điện mừng Chủ tịch nước Lê Văn Hào.")}
    assert got == {("Margrethe II", "Nữ hoàng", "DNK"), ("Lê Văn Hào", "Chủ tịch nước", "VNM")}
    assert {r.title for r in observe("Thượng hoàng Akihito tiếp Vua Charles III tại Tokyo.")} == {"Thượng hoàng", "Vua"}


def test_a_committee_whose_name_holds_commas_and_va_is_one_post():
    got = {(r.person, r.title, r.country) for r in observe(
        "Ông Trần Văn Phong, Phó Chủ nhiệm Ủy ban Quốc phòng, An ninh và Đối ngoại của Quốc hội, phát biểu. "
        "Chủ nhiệm Uỷ ban Tài chính - ngân sách Lê Văn Hải cho biết.")}
    assert got == {("Trần Văn Phong", "Phó Chủ nhiệm Ủy ban Quốc phòng, An ninh và Đối ngoại", "VNM"),
                   ("Lê Văn Hải", "Chủ nhiệm Uỷ ban Tài chính - Ngân sách", "VNM")}


def test_t_u_written_for_trung_uong_keeps_the_chain_after_the_name():
    got = [(r.person, r.title) for r in observe(
        "Thượng tướng Lê Văn Thái, Ủy viên T.Ư Đảng, Phó bí thư Quân ủy T.Ư, Thứ trưởng Bộ Quốc phòng, phát biểu.")]
    assert got == [("Lê Văn Thái", "Ủy viên Trung ương Đảng"), ("Lê Văn Thái", "Phó Bí thư Quân ủy Trung ương"),
                   ("Lê Văn Thái", "Thứ trưởng Bộ Quốc phòng")]


def test_north_koreas_posts_keep_their_holder_out_of_the_party_name():
    """"Đảng Lao động Triều Tiên" ends before the holder's name; "Chủ tịch Quốc vụ" is the head of state."""
    got = {(r.person, r.title, r.country) for r in observe(
        "Chủ tịch Quốc vụ Triều Tiên Pak Chol Su đã tiếp Thủ tướng Lê Văn Hào. "
        "Tổng Bí thư Đảng Lao động Triều Tiên Ri Yong Ho phát biểu.")}
    assert ("Pak Chol Su", "Chủ tịch Quốc vụ", "PRK") in got
    assert ("Ri Yong Ho", "Tổng Bí thư Đảng Lao động Triều Tiên", "PRK") in got
