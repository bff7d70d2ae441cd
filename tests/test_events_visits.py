"""Trips announced for later (AGREE 036): "sẽ tới X", "dự kiến sang X" plan a visit, the trip to a
place to visit its country is one plan, and "X cho biết sẽ gặp Y" is X's own plan; and who visits
whom by a noun of a visit (stages/events/visits.py)."""
from __future__ import annotations

import pytest

from tests.test_events_classes import _find, _kept


# --- trips announced for later ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Thủ tướng Lào Bounmy Sisoulith sẽ đến Việt Nam để đồng chủ trì kỳ họp Ủy ban liên chính phủ.",
    "Thủ tướng Lào Bounmy Sisoulith sẽ sang Việt Nam.",
    "Thủ tướng Lào Bounmy Sisoulith dự kiến tới Việt Nam vào cuối tháng.",
    "Thủ tướng Lào Bounmy Sisoulith sắp đến Việt Nam.",
])
def test_going_somewhere_later_is_a_planned_visit(text):
    found = _find(text, ("Bounmy Sisoulith", "person", "LAO"), ("Việt Nam", "country", "VNM"))
    assert [(e.type, e.cameo, e.planned is not None) for e in found if not e.negated] == [("AGREE", "036", True)]
    assert _kept(found) == [("AGREE", ["Bounmy Sisoulith"], ["Việt Nam"])]


@pytest.mark.parametrize("text", [
    "Thủ tướng Lào Bounmy Sisoulith đến Việt Nam hôm qua.",
    "Trong thời gian sắp tới, Lào sẽ đến lúc phải cải cách.",
    "Thủ tướng Lào Bounmy Sisoulith sẽ dự kiến ngân sách.",
])
def test_going_now_or_a_plan_word_that_is_no_trip_is_no_visit(text):
    parties = [("Bounmy Sisoulith", "person", "LAO"), ("Việt Nam", "country", "VNM"), ("Lào", "country", "LAO")]
    found = _find(text, *[p for p in parties if p[0] in text])
    assert _kept(found) == []


def test_going_somewhere_to_visit_is_one_plan_the_visits():
    found = _find("Tổng thống Mỹ John Smith dự kiến sẽ đến Hà Nội thăm chính thức Việt Nam.",
                  ("John Smith", "person", "USA"), ("Hà Nội", "place", "VNM"), ("Việt Nam", "country", "VNM"))
    assert _kept(found) == [("AGREE", ["John Smith"], ["Việt Nam"])]


@pytest.mark.parametrize("verb", ["cho biết", "nói", "tuyên bố"])
def test_a_speaker_saying_they_will_meet_plans_the_meeting(verb):
    found = _find(f"Tổng thống Mỹ John Smith {verb} sẽ gặp Chủ tịch Trung Quốc Lý Minh.",
                  ("John Smith", "person", "USA"), ("Lý Minh", "person", "CHN"))
    assert _kept(found) == [("AGREE", ["John Smith"], ["Lý Minh"])]


def test_a_visit_noun_names_its_visitor_by_its_owner_and_its_host_after_it():
    found = _find("Ông Lý Minh cho biết chuyến thăm của Tổng thống Pháp Jean Dupont tới Việt Nam năm 2013 rất thành công.",
                  ("Lý Minh", "person", "CHN"), ("Jean Dupont", "person", "FRA"), ("Việt Nam", "country", "VNM"))
    assert ("CONSULT", ["Jean Dupont"], ["Việt Nam"]) in _kept(found)


@pytest.mark.parametrize("text", [
    "Trong khuôn khổ chuyến thăm chính thức Singapore, Thủ tướng Nguyễn Văn An dự lễ khánh thành trường học.",
    "Thủ tướng Nguyễn Văn An trồng cây lưu niệm trong chuyến thăm cấp nhà nước tới Singapore.",
])
def test_a_visit_noun_naming_its_host_only_is_the_visit_of_the_person_of_its_sentence(text):
    found = _find(text, ("Nguyễn Văn An", "person", "VNM"), ("Singapore", "country", "SGP"))
    assert _kept(found) == [("CONSULT", ["Nguyễn Văn An"], ["Singapore"])]


def test_the_travellers_of_a_visit_noun_are_persons_of_one_country_other_than_the_hosts():
    found = _find("Bộ trưởng Pháp Jean Dupont trao bằng khen cho ông Kim Chol, trong chuyến thăm chính thức tới Triều Tiên.",
                  ("Jean Dupont", "person", "FRA"), ("Kim Chol", "person", "PRK"), ("Triều Tiên", "country", "PRK"))
    assert ("CONSULT", ["Jean Dupont"], ["Triều Tiên"]) in _kept(found)
    found = _find("Tổng thống Singapore Lim Wee phát biểu trong chuyến thăm Singapore của đoàn doanh nghiệp.",
                  ("Lim Wee", "person", "SGP"), ("Singapore", "country", "SGP"))
    assert not [k for k in _kept(found) if k[0] == "CONSULT"]   # no one of another country: no visitor

