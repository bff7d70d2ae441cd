"""Counterparts and topics in meetings: "người đồng cấp Mỹ" (honorifics.tsv kind counterpart) is read
as a title in a list of parties (stages/events/view.py title_words), and the names of a "về" phrase
after a meeting trigger (event_cues.tsv kind topic) are what was discussed, not who took part
(stages/events/arguments.py topic_spans)."""
from __future__ import annotations

import pytest

from tests.test_events import _analysed, names


def _sides(text: str, kind: str = "CONSULT") -> list[tuple[set, set]]:
    return [(set(names(e.actors)), set(names(e.recipients))) for e in _analysed(text, "2019-03-12") if e.type == kind]


@pytest.mark.parametrize("text, parties", [
    ("Tổng thống Nga Vladimir Putin và người đồng cấp Mỹ Donald Trump đã hội đàm tại Helsinki.",
     {"Vladimir Putin", "Donald Trump"}),
    ("Ngoại trưởng Mỹ Mike Pompeo và người đồng cấp Nhật Bản Taro Kono đã điện đàm.", {"Mike Pompeo", "Taro Kono"}),
])
def test_a_counterpart_after_va_is_a_titled_party_of_the_list(text, parties):
    [(actors, recipients)] = _sides(text)
    assert actors | recipients == parties


def test_a_counterpart_phrase_reads_as_a_title():
    from biennien.stages.events.gaps import title_words
    assert title_words("người đồng cấp Mỹ")
    assert not title_words("và người đồng cấp Mỹ")   # a joining word is no title


@pytest.mark.parametrize("text, parties", [
    ("Ngoại trưởng Mỹ Mike Pompeo và Ngoại trưởng Nhật Bản Taro Kono đã điện đàm về vấn đề Triều Tiên.",
     {"Mike Pompeo", "Taro Kono"}),
    ("Thủ tướng Nhật Bản Shinzo Abe và Tổng thống Mỹ Donald Trump đã thảo luận về chương trình hạt nhân "
     "của Triều Tiên.", {"Shinzo Abe", "Donald Trump"}),
    # "cho" inside the topic gives to no party of the talks
    ("Tổng thống Nga Vladimir Putin và Tổng thống Thổ Nhĩ Kỳ Recep Tayyip Erdogan đã thảo luận về khả năng cung "
     "cấp cho Ankara hệ thống phòng không S-400.", {"Vladimir Putin", "Recep Tayyip Erdogan"}),
])
def test_names_in_a_topic_of_a_meeting_are_no_parties(text, parties):
    [(actors, recipients)] = _sides(text)
    assert actors | recipients == parties


@pytest.mark.parametrize("text", [
    "Cuộc điện đàm về vấn đề Triều Tiên giữa Ngoại trưởng Mỹ Mike Pompeo và Ngoại trưởng Nhật Bản Taro Kono "
    "diễn ra hôm qua.",
    "Cuộc điện đàm giữa Ngoại trưởng Mỹ Mike Pompeo và Ngoại trưởng Nhật Bản Taro Kono về vấn đề Triều Tiên "
    "diễn ra hôm qua.",
])
def test_a_meeting_noun_takes_no_party_from_its_topic(text):
    [(actors, recipients)] = _sides(text)
    assert actors | recipients == {"Mike Pompeo", "Taro Kono"}


def test_names_in_the_purpose_of_a_meeting_are_no_parties():
    [(actors, recipients)] = _sides("Tổng thống Mỹ Donald Trump hội đàm để tìm cách thúc ép Triều Tiên.")
    assert actors == {"Donald Trump"} and not recipients
    # one met named after the purpose is still met
    [(actors, recipients)] = _sides("Tổng thống Mỹ Donald Trump gặp để bàn với Thủ tướng Nhật Bản Shinzo Abe.")
    assert actors == {"Donald Trump"} and recipients == {"Shinzo Abe"}


@pytest.mark.parametrize("text", [
    "Ngoại trưởng Mỹ Mike Pompeo đã điện đàm về vấn đề Triều Tiên.",
    "Quan chức Mỹ gặp mặt về vấn đề Triều Tiên",
])
def test_a_meeting_with_one_side_takes_none_from_its_topic(text):
    # neither the rules nor the learned attacher (fill) make the topic the side left empty
    assert "Triều Tiên" not in {p.name for e in _analysed(text, "2019-03-12") for p in e.actors + e.recipients}


def test_a_party_named_after_the_topic_is_still_met():
    [(actors, recipients)] = _sides("Tổng thống Mỹ Donald Trump đã điện đàm về tình hình Syria với Thủ tướng "
                                    "Nhật Bản Shinzo Abe.")
    assert actors == {"Donald Trump"} and recipients == {"Shinzo Abe"}


def test_a_topic_of_a_charge_is_its_target():
    # only meetings: "lo ngại về hoạt động của X" charges X
    found = [(names(e.actors), names(e.recipients)) for e in _analysed("Trung Quốc bày tỏ lo ngại về hoạt động "
                                                                       "của Mỹ.", "2019-03-12") if e.type == "ACCUSE"]
    assert found == [(["Trung Quốc"], ["Mỹ"])]
