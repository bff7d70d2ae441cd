"""resolve/fit.py (through resolve/events.merge): which reports may be one event."""
from __future__ import annotations

from biennien.resolve.events import MergeItem, Party, merge

LAM = Party("p:lam", "person", "VNM", "recipient")


def item(key, parties, doc="d1", sentence=1, type_="CONSULT", date="2026-08-07", planned=None, visit=None,
         toured=False):
    return MergeItem(key, doc, sentence, type_, date, "day" if date and len(date) == 10 else "month",
                     tuple(parties), planned, visit=visit, toured=toured)


def groups(result):
    out: dict = {}
    for key, target in result.assign.items():
        out.setdefault(target, set()).add(key)
    return sorted(out.values(), key=lambda g: sorted(g))


def test_a_state_standing_for_its_unnamed_holder_joins_the_meeting_of_the_holder_another_outlet_names():
    # "Tô Lâm tiếp Chủ tịch Quốc hội Thái Lan" (no name: the state) and "Tô Lâm tiếp ... Sophon Zaram";
    # no visit told in either report, so the state is no host visited
    sophon, tha = Party("p:sophon", "person", "THA"), Party("THA", "country", "THA")
    result = merge([item("named", [sophon, LAM], doc="d1", visit="meeting"),
                    item("state", [tha, LAM], doc="d2", date="2026-08")], [])
    assert groups(result) == [{"named", "state"}]
    # five states' ambassadors presenting credentials and the US ambassador's own: another grain
    usa, prt = Party("USA", "country", "USA"), Party("PRT", "country", "PRT")
    wicks = Party("p:wicks", "person", "USA")
    five = merge([item("one", [wicks, LAM], doc="d1", visit="meeting"), item("five", [usa, prt, LAM], doc="d2")], [])
    assert groups(five) == [{"five"}, {"one"}]
    # "X thăm Việt Nam" beside the talks: the visit to the state stays its own event
    vnm = Party("VNM", "country", "VNM", "recipient")
    visit = merge([item("talks", [sophon, LAM], visit="meeting"), item("stay", [sophon, vnm], sentence=9, toured=True)], [])
    assert groups(visit) == [{"stay"}, {"talks"}]


def test_a_welcome_joins_the_stay_before_the_talks_of_the_same_day():
    # "sau lễ đón chính thức, hai bên hội đàm" beside "chủ trì lễ đón ... thăm cấp nhà nước" (another outlet):
    # the gold counts the welcome with the visit, the talks apart
    mostyn, cuong = Party("p:mostyn", "person", "AUS"), Party("p:cuong", "person", "VNM", "recipient")
    result = merge([item("talks", [cuong, mostyn], doc="d1", visit="meeting"),
                    item("welcome", [cuong, mostyn], doc="d1", visit="welcome", toured=True),
                    item("stay", [mostyn, cuong], doc="d2", visit="stay", toured=True)], [])
    assert groups(result) == [{"stay", "welcome"}, {"talks"}]
    alone = merge([item("talks", [cuong, mostyn], visit="meeting"), item("welcome", [cuong, mostyn], visit="welcome")], [])
    assert groups(alone) == [{"talks", "welcome"}]   # no stay told: the welcome is the talks' day


def test_one_days_plan_named_by_its_persons_in_one_outlet_and_by_its_states_in_another_is_one_event():
    # "Thongloun Sisoulith sẽ thăm cấp Nhà nước tới Việt Nam từ ngày 26 - 27.1 theo lời mời của Tô Lâm" and
    # "Tổng Bí thư, Chủ tịch nước Lào sẽ thăm cấp nhà nước đến Việt Nam từ ngày 26-1"
    thongloun, lao = Party("p:thongloun", "person", "LAO"), Party("LAO", "country", "LAO")
    vnm = Party("VNM", "country", "VNM", "recipient")
    plan = dict(type_="AGREE", date="2026-01-23", planned="2026-01-26")
    result = merge([item("persons", [thongloun, LAM], doc="d1", **plan), item("states", [lao, vnm], doc="d2", **plan),
                    item("other", [lao, vnm], doc="d3", type_="AGREE", date="2026-01-23", planned="2026-02-10")], [])
    assert groups(result) == [{"other"}, {"persons", "states"}]


def test_an_undated_headline_of_a_named_visitors_stay_in_a_state_joins_the_stay_another_article_dates():
    # "Tổng thống Hàn Quốc Lee Jae Myung thăm cấp nhà nước Việt Nam" (no date) and the dated stay;
    # a meeting of one named person and a state, or a second stay that month, join nothing
    from biennien.resolve.reports import _named
    lee, vnm = Party("p:lee", "person", "KOR"), Party("VNM", "country", "VNM", "recipient")
    dated = item("dated", [lee, vnm], doc="d1", date="2026-04-22", visit="stay", toured=True)
    undated = item("undated", [lee, vnm], doc="d2", date=None, sentence=1, visit="stay", toured=True)
    assert groups(merge([dated, undated], [])) == [{"dated", "undated"}]
    assert _named(undated) == ["VNM", "p:lee"] and _named(item("m", [lee, vnm], date=None)) == ["p:lee"]
    talks = item("talks", [lee, vnm], doc="d2", date=None, sentence=1, visit="meeting")
    assert groups(merge([dated, talks], [])) == [{"dated"}, {"talks"}]
    again = item("again", [lee, vnm], doc="d3", date="2026-04-02", visit="stay", toured=True)
    assert groups(merge([dated, again, undated], [])) == [{"again"}, {"dated"}, {"undated"}]
