"""resolve/events.py: one real-world event, many reports."""
from __future__ import annotations

from dataclasses import replace

from biennien.resolve.events import EventKey, MergeItem, NewEvent, Party, merge, participants

HXC = Party("p:hxc", "person", "VNM")
KHAM = Party("p:kham", "person", "LAO", "recipient")
VONG = Party("p:vong", "person", "LAO", "recipient")
DELEGATION = Party("o:doan-vn", "organization", "VNM")
LAO_HOST = Party("p:kham", "person", "LAO", "recipient")
VNM = Party("VNM", "country", "VNM")
LAO = Party("LAO", "country", "LAO", "recipient")


def item(key, parties, doc="d1", sentence=0, type_="CONSULT", date="2025-01-09", planned=None, negated=False,
         visit="meeting", toured=False):
    return MergeItem(key, doc, sentence, type_, date, "day" if date and len(date) == 10 else "month",
                     tuple(parties), planned, negated, visit=visit, toured=toured)


def groups(result):
    out: dict = {}
    for key, target in result.assign.items():
        out.setdefault(target, set()).add(key)
    return sorted(out.values(), key=lambda g: sorted(g))


def test_courtesy_call_and_caption_are_one_event_meeting_another_is_not():
    result = merge([
        item("call", [HXC, KHAM], sentence=3),
        item("talk", [HXC, VONG], sentence=3),
        item("caption", [DELEGATION, LAO_HOST], sentence=5),   # "Khamlieng tiếp Đoàn đại biểu Bộ Quốc phòng VN"
        item("caption2", [HXC, VONG], sentence=10),
    ], [])
    assert groups(result) == [{"call", "caption"}, {"caption2", "talk"}]


def test_two_outlets_one_meeting():
    result = merge([item("a", [HXC, KHAM], doc="d1"), item("b", [HXC, KHAM], doc="d2", sentence=7)], [])
    assert len(set(result.assign.values())) == 1
    event = next(iter(result.events.values()))
    assert event.doc_ids == {"d1", "d2"}


def test_dates_and_types_separate():
    result = merge([item("a", [HXC, KHAM]), item("b", [HXC, KHAM], date="2025-01-10"),
                    item("c", [HXC, KHAM], type_="AGREE"), item("d", [HXC, KHAM], date="2025-01")], [])
    assert groups(result) == [{"a", "d"}, {"b"}, {"c"}]


def test_countries_alone_merge_within_an_article_only():
    agree = [item("a", [HXC, LAO], type_="AGREE"), item("b", [VNM, LAO], type_="AGREE", sentence=4),
             item("c", [VNM, LAO], doc="d2", type_="AGREE")]
    assert groups(merge(agree, [])) == [{"a", "b"}, {"c"}]


def test_plans_for_different_dates_are_different_events():
    result = merge([item("a", [VNM, LAO], type_="AGREE", planned="2024-10-22"),
                    item("b", [VNM, LAO], type_="AGREE", planned="2024-11", sentence=2),
                    item("c", [VNM, LAO], type_="AGREE", planned="2024-10-22", sentence=9)], [])
    assert groups(result) == [{"a", "c"}, {"b"}]


def test_incremental_against_stored_events():
    first = merge([item("a", [HXC, KHAM])], [])
    [(new, key)] = first.events.items()
    assert isinstance(new, NewEvent)
    stored = EventKey(41, key.type, key.date, key.date_precision, key.parties, doc_ids=key.doc_ids)
    second = merge([item("b", [HXC, KHAM], doc="d9"), item("c", [HXC, VONG], doc="d9")], [stored])
    assert second.assign["b"] == 41 and isinstance(second.assign["c"], NewEvent)
    assert second.events[41].doc_ids == {"d1", "d9"}


def test_negated_mentions_are_skipped():
    result = merge([item("a", [HXC, KHAM], negated=True)], [])
    assert not result.assign


def test_participants_prefer_persons_to_their_delegations():
    result = merge([item("call", [HXC, KHAM]), item("caption", [DELEGATION, LAO_HOST], sentence=5),
                    item("aid", [VNM, LAO], sentence=6)], [])
    event = result.events[result.assign["call"]]
    actors, recipients = participants(event)
    assert [p.actor_id for p in actors] == ["p:hxc"] and [p.actor_id for p in recipients] == ["p:kham"]
    aid = merge([item("x", [Party("o:bqp-vn", "organization", "VNM"), Party("o:bqp-lao", "organization", "LAO",
                                                                            "recipient")], type_="AID")], [])
    a, r = participants(next(iter(aid.events.values())))
    assert [p.actor_id for p in a] == ["o:bqp-vn"] and [p.actor_id for p in r] == ["o:bqp-lao"]


def test_store_row_adapters():
    from biennien.resolve.events import item_from_row, key_from_row, summarise

    rows = [{"id": 1, "doc_id": "d1", "sentence": 3, "type": "CONSULT", "date": "2025-01-09", "date_precision": "day",
             "mode": "visit", "cameo": "042", "context": ["diplomatic"], "place": "Vientiane", "planned": None,
             "negated": 0, "actors": [{"actor_id": 7, "name": "Hoàng Xuân Chiến", "kind": "person", "country": "VNM"}],
             "recipients": [{"actor_id": 9, "name": "Khamlieng Outhakaysone", "kind": "person", "country": "LAO"}]},
            {"id": 2, "doc_id": "d1", "sentence": 5, "type": "CONSULT", "date": "2025-01-09", "date_precision": "day",
             "mode": "visit", "cameo": "043", "context": [], "place": None, "planned": None, "negated": 0,
             "actors": [{"actor_id": 11, "name": "Đoàn đại biểu Bộ Quốc phòng Việt Nam", "kind": "organization",
                         "country": "VNM"}],
             "recipients": [{"actor_id": 9, "name": "Khamlieng Outhakaysone", "kind": "person", "country": "LAO"}]}]
    result = merge([item_from_row(r) for r in rows], [])
    [event] = set(result.assign.values())
    row = summarise(result.events[event], rows)
    assert row["location"] == "Vientiane" and row["context"] == ["diplomatic"]
    assert [p["name"] for p in row["actors"]] == ["Hoàng Xuân Chiến"]
    assert [p["name"] for p in row["recipients"]] == ["Khamlieng Outhakaysone"]
    stored = key_from_row({"event_id": 5, **row}, rows)
    again = merge([item_from_row({**rows[0], "id": 3, "doc_id": "d2"})], [stored])
    assert again.assign[3] == 5


def test_one_leader_two_hosts_in_one_month_are_two_events_across_articles():
    india = Party("IND", "country", "IND", "recipient")
    thai = Party("p:thai", "person", "THA", "recipient")
    result = merge([item("visit", [HXC, india], doc="d1", date="2025-01"),
                    item("meet", [HXC, thai], doc="d2", date="2025-01-09"),
                    item("visit2", [HXC, india], doc="d3", date="2025-01-08")], [])
    assert groups(result) == [{"meet"}, {"visit", "visit2"}]


def test_an_undated_report_joins_across_articles_only_on_both_named_sides():
    undated = item("u", [HXC, KHAM], doc="d2", date=None)
    result = merge([item("a", [HXC, KHAM], doc="d1"), undated, item("v", [HXC, LAO], doc="d3", date=None)], [])
    assert groups(result) == [{"a", "u"}, {"v"}]


def test_one_leader_visiting_two_countries_in_one_article_makes_two_visits():
    # "chuyến thăm Ấn Độ, Sri Lanka của Tổng Bí thư Tô Lâm": a visit to each, even in one article
    lam = Party("p:lam", "person", "VNM")
    ind, lka = Party("IND", "country", "IND", "recipient"), Party("LKA", "country", "LKA", "recipient")
    result = merge([item("india", [lam, ind], date="2026-05"), item("lanka", [lam, lka], date="2026-05")], [])
    assert groups(result) == [{"india"}, {"lanka"}]


def test_a_party_on_both_sides_of_one_events_reports_fills_the_empty_side():
    # the visitor of "Thủ tướng Lào đến Hà Nội" is received in "A hội đàm với Thủ tướng Lào"
    pm, lao_pm = Party("p:pmc", "person", "VNM"), Party("p:sonexay", "person", "LAO")
    result = merge([item("arrival", [lao_pm]), item("talks", [pm, Party("p:sonexay", "person", "LAO", "recipient")])], [])
    [event] = set(result.assign.values())
    actors, recipients = participants(result.events[event])
    assert [p.actor_id for p in actors] == ["p:pmc"] and [p.actor_id for p in recipients] == ["p:sonexay"]


def test_a_visit_to_a_state_and_the_talks_with_its_leader_are_two_events():
    # "Thủ tướng Lào thăm chính thức Việt Nam" and "... hội đàm với Thủ tướng Việt Nam": the gold's
    # rule (eval/gold/README.md, agreement): both are events when the text reports both
    pm, lao_pm = Party("p:pmc", "person", "VNM", "recipient"), Party("p:sonexay", "person", "LAO")
    host = Party("VNM", "country", "VNM", "recipient")
    result = merge([item("visit", [lao_pm, host], toured=True), item("talks", [lao_pm, pm]),
                    item("caption", [lao_pm, Party("o:qpvn", "organization", "VNM", "recipient")])], [])
    assert groups(result) == [{"caption", "talks"}, {"visit"}]


def test_across_articles_a_body_of_no_country_is_a_side_of_its_own():
    # the Prime Minister receiving North Korea's ambassador, and meeting ASEAN's leaders that day
    pm, amb = Party("p:pm", "person", "VNM"), Party("p:ri", "person", "PRK", "recipient")
    asean = Party("o:asean", "organization", None, "recipient")
    result = merge([item("ambassador", [pm, amb], doc="d1"), item("asean", [pm, asean], doc="d2")], [])
    assert groups(result) == [{"ambassador"}, {"asean"}]


def test_a_mention_joins_its_own_articles_event_before_another_articles():
    visitor, host = Party("p:takaichi", "person", "JPN"), Party("p:hung", "person", "VNM", "recipient")
    vnm = Party("VNM", "country", "VNM", "recipient")
    result = merge([item("visit", [visitor, vnm], doc="d1"), item("other", [Party("p:hung", "person", "VNM"),
                    Party("o:adb", "organization", None, "recipient")], doc="d2"),
                    item("inviter", [host], doc="d1", sentence=1)], [])
    assert groups(result) == [{"inviter", "visit"}, {"other"}]


def test_a_plan_told_without_its_date_joins_the_dated_one_of_its_article():
    lam, aus = Party("p:lam", "person", "VNM"), Party("AUS", "country", "AUS", "recipient")
    result = merge([item("headline", [lam, aus], type_="AGREE", date="2026-08"),
                    item("lead", [lam, aus], type_="AGREE", date="2026-08", sentence=1, planned="2026-08-09"),
                    item("other", [lam, aus], type_="AGREE", date="2026-08", doc="d2")], [])
    assert groups(result) == [{"headline", "lead"}, {"other"}]


def test_two_outlets_telling_one_days_planned_visit_of_one_state_to_another_are_one_event():
    # "Thủ tướng lên đường thăm Kuwait" (the state for its unnamed leader) and "Thủ tướng Phạm Minh Chính
    # lên đường thăm Kuwait", both on 16/11
    vnm, pmc = Party("VNM", "country", "VNM"), Party("p:pmc", "person", "VNM")
    kwt = Party("KWT", "country", "KWT", "recipient")
    result = merge([item("a", [vnm, kwt], doc="d1", type_="AGREE", date="2025-11-16", planned="2025-11-16"),
                    item("b", [pmc, kwt], doc="d2", type_="AGREE", date="2025-11-16", planned="2025-11-16"),
                    item("c", [vnm, kwt], doc="d3", type_="AGREE", date="2025-11-16")], [])
    assert groups(result) == [{"a", "b"}, {"c"}]


def test_across_articles_a_one_sided_report_of_the_month_joins_only_the_one_meeting_of_its_party():
    # "Bộ trưởng X có các cuộc hội kiến ..." (no one else named) is any of X's meetings that month: it
    # joins the one another article tells, none of two; alone it is no event of its own
    lht, putin = Party("p:lht", "person", "VNM"), Party("p:putin", "person", "RUS", "recipient")
    lavrov = Party("p:lavrov", "person", "RUS", "recipient")
    result = merge([item("putin", [lht, putin], doc="d1", date="2026-02"), item("alone", [lht], doc="d2", date="2026-02")], [])
    assert groups(result) == [{"alone", "putin"}]
    result = merge([item("putin", [lht, putin], doc="d1", date="2026-02-03"),
                    item("lavrov", [lht, lavrov], doc="d3", date="2026-02-04"),
                    item("alone", [lht], doc="d2", date="2026-02")], [])
    assert groups(result) == [{"lavrov"}, {"putin"}] and "alone" not in result.assign


def test_a_meeting_with_one_side_named_joins_the_meeting_told_in_full_and_alone_is_no_event():
    # "Quốc hội họp", "Bộ trưởng A gặp gỡ các nhân chứng": a domestic or private meeting, or a report
    # of one another report tells in full, which it joins even when it comes first
    result = merge([item("fragment", [KHAM], sentence=0), item("talk", [HXC, KHAM], sentence=4),
                    item("alone", [VONG], doc="d2", date="2025-01-20")], [])
    assert groups(result) == [{"fragment", "talk"}] and "alone" not in result.assign
    told_later = merge([item("headline", [HXC], doc="d0", date="2025-01"), item("full", [HXC, KHAM], doc="d9")], [])
    assert groups(told_later) == [{"full", "headline"}]   # a fragment waits for the reports merged after it
    attack = merge([item("attack", [VONG], type_="ASSAULT")], [])   # a one-sided type founds its event
    assert list(attack.assign) == ["attack"]


def test_a_state_beside_the_one_person_of_unknown_country_on_its_side_is_that_persons_state():
    # the headline's "tiếp Bộ trưởng ... Nga" and the lead's "tiếp ông Kurenkov, Bộ trưởng ...": one visitor
    host = Party("p:ntc", "person", "VNM", "recipient")
    kurenkov, rus = Party("p:kurenkov", "person", None), Party("RUS", "country", "RUS")
    result = merge([item("lead", [kurenkov, host], sentence=1), item("title", [rus, host], sentence=0)], [])
    actors, recipients = participants(next(iter(result.events.values())))
    assert [p.actor_id for p in actors] == ["p:kurenkov"] and [p.actor_id for p in recipients] == ["p:ntc"]
    # two persons of unknown country beside a state: whose state it is is not known
    other = Party("p:other", "person", None)
    key = EventKey(NewEvent(0), "CONSULT", "2025-01-09", "day", (kurenkov, other, rus, host))
    assert {p.actor_id for p in participants(key)[0]} == {"p:kurenkov", "p:other", "RUS"}


def test_one_visit_to_a_state_reported_on_two_of_its_days_is_one_event_a_month_later_another():
    """"B thăm chính thức Việt Nam ngày 1-3/5" dated 1/5 by one outlet, "sáng 2.5 ... B thăm chính
    thức Việt Nam" by another: one visit, dated by its first day; B's visit a month later is another."""
    guest = Party("p:b", "person", "JPN")
    host = Party("VNM", "country", "VNM", "recipient")
    result = merge([item("first", [guest, host], doc="d1", date="2025-05-01"),
                    item("second", [guest, host], doc="d2", date="2025-05-02"),
                    item("later", [guest, host], doc="d3", date="2025-06-02"),
                    item("far", [guest, host], doc="d4", date="2025-05-09")], [])
    assert groups(result) == [{"far"}, {"first", "second"}, {"later"}]
    assert result.events[result.assign["second"]].date == "2025-05-01"


def test_days_apart_join_only_a_visit_to_a_state_not_two_meetings_of_two_persons():
    result = merge([item("a", [HXC, KHAM], doc="d1", date="2025-05-01"),
                    item("b", [HXC, KHAM], doc="d2", date="2025-05-02")], [])
    assert groups(result) == [{"a"}, {"b"}]


def test_support_told_the_other_way_round_is_another_event_a_mutual_meeting_is_not():
    """"A hoan nghênh Lào" and "Kham đánh giá cao A" the same day: two acts of support; "A hội đàm
    với Kham" and "Kham hội đàm với A": one meeting."""
    kham_actor = Party("p:kham", "person", "LAO", "actor")
    hxc_recipient = Party("p:hxc", "person", "VNM", "recipient")
    support = [item("praise", [HXC, LAO], type_="SUPPORT"), item("back", [kham_actor, hxc_recipient], type_="SUPPORT", sentence=2),
               item("again", [HXC, LAO], type_="SUPPORT", sentence=4)]
    assert groups(merge(support, [])) == [{"again", "praise"}, {"back"}]
    meeting = [item("talks", [HXC, KHAM]), item("talks2", [kham_actor, hxc_recipient], sentence=2)]
    assert groups(merge(meeting, [])) == [{"talks", "talks2"}]


def test_an_undated_articles_headline_joins_the_dated_meeting_of_both_its_named_sides():
    """An article whose date is unknown: its headline "A hội kiến Kham" is the meeting another
    outlet dated; the same words in its body (a meeting recalled) or a pair that met twice join nothing."""
    dated = item("dated", [HXC, KHAM], doc="d1", date="2025-02-24")
    assert groups(merge([dated, item("headline", [HXC, KHAM], doc="d2", date=None)], [])) == [{"dated", "headline"}]
    assert merge([dated, item("h", [HXC, KHAM], doc="d2", date=None)], []).events[NewEvent(0)].date == "2025-02-24"
    body = item("body", [HXC, KHAM], doc="d2", sentence=9, date=None)
    assert groups(merge([dated, body], [])) == [{"body"}, {"dated"}]
    twice = [dated, item("again", [HXC, KHAM], doc="d3", date="2025-06-02"), item("which", [HXC, KHAM], doc="d2", date="2025")]
    assert groups(merge(twice, [])) == [{"again"}, {"dated"}, {"which"}]
    one_named = item("state", [HXC, LAO], doc="d2", date=None)
    assert groups(merge([item("d", [HXC, LAO], doc="d1"), one_named], [])) == [{"d"}, {"state"}]


def test_a_signing_is_its_own_act_beside_a_medal_or_praise_between_the_same_leaders():
    medal = MergeItem("medal", "d1", 2, "SUPPORT", "2025-01-09", "day", (HXC, KHAM))
    signed = MergeItem("signed", "d1", 5, "SUPPORT", "2025-01-09", "day", (HXC, KHAM), signing=True)
    signed_again = MergeItem("signed2", "d2", 1, "SUPPORT", "2025-01-09", "day", (HXC, KHAM), signing=True)
    assert groups(merge([medal, signed, signed_again], [])) == [{"medal"}, {"signed", "signed2"}]
    stored = EventKey(41, "SUPPORT", "2025-01-09", "day", (HXC, KHAM), doc_ids=frozenset({"d0"}), signing=True)
    assert merge([medal], [stored]).assign["medal"] != 41
    assert merge([signed], [stored]).assign["signed"] == 41


def test_an_undated_event_keeps_the_partial_date_its_reports_allow():
    """Issue 13: with no date, the day or month of no known year its reports say; merged with a dated
    report it takes the date and says no partial one. The merge itself reads dates only."""
    from biennien.resolve.events import summarise

    def partial(date, *said):
        event = EventKey(1, "CONSULT", date, "day" if date else None, (HXC, KHAM))
        return summarise(event, [{"date_partial": p} for p in said])["date_partial"]

    assert partial(None, None, "--05-30") == "--05-30"
    assert partial(None, "--05", "--05-30") == "--05-30"       # the most precise one both allow
    assert partial(None, "--05-30", "--05-31") == "--05"       # two days: the month they share
    assert partial(None, "--05-30", "--06-01") is None         # nothing in common: nothing said
    assert partial("2016-05-30", "--05-30") is None            # a dated event: its date


def test_one_leader_meeting_two_other_persons_in_one_article_makes_two_meetings():
    # "A hội kiến Thủ tướng Malaysia Razak; tiếp giám đốc điều hành WEF Roesler": two pairs, two
    # meetings, even in one sentence; the headline naming both of the first joins it
    dung = Party("p:dung", "person", "VNM")
    razak = Party("p:razak", "person", "MYS", "recipient")
    roesler = Party("p:roesler", "person", None, "recipient")
    result = merge([item("razak", [dung, razak], sentence=12), item("roesler", [dung, roesler], sentence=12),
                    item("headline", [dung, razak], sentence=0)], [])
    assert groups(result) == [{"headline", "razak"}, {"roesler"}]


def test_a_plan_told_twice_keeps_the_span_of_the_report_that_dates_it():
    from biennien.resolve.events import item_from_row, summarise

    base = {"doc_id": "d1", "type": "AGREE", "date": "2018-03", "date_precision": "month", "mode": None,
            "cameo": "036", "context": [], "place": None, "negated": 0,
            "actors": [{"actor_id": 7, "name": "Nguyễn Phú Trọng", "kind": "person", "country": "VNM"}],
            "recipients": [{"actor_id": 9, "name": "Pháp", "kind": "country", "country": "FRA"}]}
    rows = [{**base, "id": 1, "sentence": 0, "planned": {"start": None, "end": None}},           # "sắp thăm Pháp"
            {**base, "id": 2, "sentence": 4, "planned": {"start": "2018-03-25", "end": "2018-03-27"}}]
    result = merge([item_from_row(r) for r in rows], [])
    [event] = set(result.assign.values())
    assert summarise(result.events[event], rows)["planned"] == {"start": "2018-03-25", "end": "2018-03-27"}


def test_a_stay_in_a_country_and_the_talks_held_during_it_are_two_events_a_welcome_joins_either():
    """"Thủ tướng thăm chính thức Lào" and "hội đàm với Thủ tướng Lào": the gold's two events, even
    when the stay's host is told as its leader; the welcome ("lễ đón") joins the one it fits."""
    stay = [HXC, Party("p:kham", "person", "LAO", "recipient")]
    result = merge([item("stay", stay, visit="stay"), item("talks", [HXC, KHAM], sentence=2),
                    item("welcome", [HXC, KHAM], sentence=1, visit=None),
                    item("stay2", [HXC, LAO], sentence=9, visit="stay")], [])
    assert groups(result) == [{"stay", "stay2", "welcome"}, {"talks"}]
    talks_first = merge([item("talks", [HXC, KHAM]), item("welcome", [HXC, KHAM], sentence=1, visit=None),
                         item("stay", stay, sentence=2, visit="stay")], [])
    assert groups(talks_first) == [{"stay"}, {"talks", "welcome"}]


def test_a_mention_is_a_stay_in_the_articles_own_words_a_plain_visit_only_in_its_lead():
    from biennien.resolve.events import _visit, item_from_row, key_from_row

    def kind(trigger, sentence=0, **flags):
        return _visit({"trigger": trigger, "sentence": sentence, **flags})
    assert kind("thăm chính thức", 12) == kind("Thăm cấp Nhà nước", 5) == kind("thăm", 1) == "stay"
    assert kind("thăm", 9) is None   # a call, a past visit: either
    assert kind("đón") == "welcome" and kind("đón", in_caption=1) is None   # the stay's if one fits, else either
    assert kind("thăm chính thức", reported=1) is None and kind("thăm chính thức", in_caption=1) is None
    two = {"actors": [{"name": "A", "kind": "person"}], "recipients": [{"name": "B", "kind": "person"}]}
    assert kind("hội đàm", **two) == kind("chào xã giao", **two) == kind("chỉ trích", **two) == "meeting"
    assert kind("thảo luận", actors=two["actors"], recipients=[{"name": "Việt Nam", "kind": "country"}]) is None
    row = {"id": 1, "doc_id": "d1", "sentence": 0, "type": "CONSULT", "trigger": "thăm chính thức",
           "actors": [{"actor_id": 7, "kind": "person", "country": "VNM"}], "recipients": []}
    assert item_from_row(row).visit == "stay"
    stored = key_from_row({"event_id": 5, "type": "CONSULT", "actors": row["actors"], "recipients": []},
                          [{"doc_id": "d1", "sentence": 0, "trigger": "thăm chính thức"},
                           {"doc_id": "d1", "sentence": 4, "trigger": "đón"}])
    assert stored.visits == {"stay", "welcome"} and stored.toured and item_from_row(row).toured


def test_two_persons_of_one_state_charging_each_other_are_two_acts():
    # "Cựu ngoại trưởng chỉ trích Trump" and "Trump phê phán Tillerson": both American, each its own act
    a, b = Party("p:a", "person", "USA"), Party("p:b", "person", "USA", "recipient")
    result = merge([item("one", [a, b], type_="ACCUSE", date="2018-12"),
                    item("two", [replace(b, role="actor"), replace(a, role="recipient")], type_="ACCUSE",
                         date="2018-12", sentence=8)], [])
    assert groups(result) == [{"one"}, {"two"}]
    # told again in the same direction, it is one act
    result = merge([item("one", [a, b], type_="ACCUSE", date="2018-12"),
                    item("again", [a, b], type_="ACCUSE", date="2018-12", sentence=8)], [])
    assert groups(result) == [{"again", "one"}]
