"""stages/mentions/fused.py: a name fused with the organisation or place before it is the name."""
from __future__ import annotations

from tests.test_mentions import find


def names(text: str) -> list[str]:
    return [m.name for m in find(text) if m.kind == "person"]


def test_a_place_or_an_organisation_fused_before_a_name_of_the_article_is_split_off():
    text = "Chủ bút của Time Nancy Gibbs viết. Tạp chí Time chọn. Bà Nancy Gibbs nói."
    assert names(text) == ["Nancy Gibbs", "Nancy Gibbs"]
    text = "Tỉnh trưởng Nam Chungcheong Ahn Hee - jung bị kiện. Tỉnh Nam Chungcheong rộng. Ông Ahn Hee - jung nói."
    assert names(text) == ["Ahn Hee - jung", "Ahn Hee - jung"]


def test_a_given_name_is_no_prefix():
    text = "Tổng thống Chile Michelle Bachelet Jeria nói. Bà Bachelet Jeria cười."
    assert set(names(text)) == {"Michelle Bachelet Jeria"}


def test_the_name_alone_nowhere_else_keeps_the_run():
    assert names("Chủ bút của Time Nancy Gibbs viết.") == ["Time Nancy Gibbs"]
