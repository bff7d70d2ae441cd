"""stages/events/invitations.py: "A mời B thăm C" is A's invitation of B (a planned AGREE), no visit."""
from __future__ import annotations

import pytest

from tests.test_events import names
from tests.test_events_classes import _find


@pytest.mark.parametrize("text", [
    "Thủ tướng Lào Somsak Vong mời Thủ tướng Nguyễn Văn An thăm chính thức Lào.",
    "Thủ tướng Lào Somsak Vong trân trọng mời Thủ tướng Nguyễn Văn An thăm chính thức Lào vào năm tới.",
])
def test_an_invitation_to_visit_is_the_inviters_plan_with_the_invitee(text):
    found = [e for e in _find(text, ("Lào", "country", "LAO"), ("Somsak Vong", "person", "LAO"),
                              ("Nguyễn Văn An", "person", "VNM")) if not e.negated]
    assert [(e.type, e.cameo, names(e.actors), names(e.recipients)) for e in found] == \
        [("AGREE", "036", ["Somsak Vong"], ["Nguyễn Văn An"])]


def test_a_visit_after_an_invitation_in_another_clause_is_a_visit():
    found = [e for e in _find("Nhận lời mời của Chủ tịch Somsak Vong, Thủ tướng Nguyễn Văn An thăm chính thức Lào.",
                              ("Somsak Vong", "person", "LAO"), ("Nguyễn Văn An", "person", "VNM"),
                              ("Lào", "country", "LAO")) if not e.negated]
    assert [(e.type, names(e.actors)) for e in found] == [("CONSULT", ["Nguyễn Văn An"])]


def test_a_visit_with_no_invitation_is_a_visit():
    found = [e for e in _find("Thủ tướng Nguyễn Văn An thăm chính thức Lào.", ("Nguyễn Văn An", "person", "VNM"),
                              ("Lào", "country", "LAO")) if not e.negated]
    assert [(e.type, names(e.actors), names(e.recipients)) for e in found] == [("CONSULT", ["Nguyễn Văn An"], ["Lào"])]
