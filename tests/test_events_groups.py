"""stages/events/groups.py: a generic group right after a verb stands for its state (CAMEO)."""
from __future__ import annotations

import pytest

from tests.test_events_classes import _find, _kept

VN = ("Lê Văn Hưng", "person", "VNM")


def test_the_speakers_own_business_community_is_the_home_state():
    found = _find("Thủ tướng Lê Văn Hưng đề nghị cộng đồng doanh nghiệp mạnh dạn nêu kiến nghị.", VN)
    assert _kept(found) == [("REQUEST", ["Lê Văn Hưng"], ["Việt Nam"])]


def test_a_state_named_inside_the_phrase_is_the_groups():
    text = "Ngoại trưởng Ivan Petrov kêu gọi các nhóm đối lập ở tỉnh Idlib của Syria rời khỏi thành phố."
    found = _find(text, ("Ivan Petrov", "person", "RUS"), ("Idlib", "location", "SYR"), ("Syria", "country", "SYR"))
    assert _kept(found) == [("REQUEST", ["Ivan Petrov"], ["Syria"])]


def test_a_group_of_others_needs_its_state_named():
    # "lực lượng" (forces) is nobody's in particular: no state, no party, no event
    found = _find("Ngoại trưởng Ivan Petrov kêu gọi các lực lượng kiềm chế.", ("Ivan Petrov", "person", "RUS"))
    assert _kept(found) == []


def test_where_from_is_not_whose():
    # "rút lực lượng nước ngoài khỏi Syria": Syria is where the forces leave, not whose they are
    found = _find("Tổng thống Ivan Petrov yêu cầu các lực lượng nước ngoài ra khỏi Syria.",
                  ("Ivan Petrov", "person", "RUS"), ("Syria", "country", "SYR"))
    assert _kept(found) == []


@pytest.mark.parametrize("text", [
    "Thủ tướng Lê Văn Hưng đề nghị Nhật Bản hỗ trợ người dân vùng lũ.",   # a named object comes first
    "Thủ tướng Lê Văn Hưng đề nghị tăng cường đầu tư hơn nữa cho người dân.",   # too far from the verb
])
def test_a_named_object_or_a_far_group_is_left_alone(text):
    parties = [VN] + ([("Nhật Bản", "country", "JPN")] if "Nhật" in text else [])
    kept = _kept(_find(text, *parties))
    assert all("Việt Nam" not in r for _, _, r in kept)


def test_a_policy_for_a_group_is_no_act_towards_a_state():
    # only what addresses a group (a request, a meeting) stands for its state: aid "cho doanh nghiệp" in a
    # list of policies reports nothing given to anyone
    found = _find("Bộ trưởng Lê Văn Hưng nêu trách nhiệm của ngành, hỗ trợ doanh nghiệp đổi mới công nghệ.", VN)
    assert all(t != "AID" for t, _, _ in _kept(found))
