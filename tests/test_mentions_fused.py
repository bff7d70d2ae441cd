"""stages/mentions/fused.py: a name fused with the organisation or place before it is the name."""
from __future__ import annotations

from tests.test_mentions import find


def names(text: str) -> list[str]:
    return [m.name for m in find(text) if m.kind == "person"]


def test_a_place_or_an_organisation_fused_before_a_name_of_the_article_is_split_off():
    text = "Biên tập viên của Time Jane Porter viết. Tạp chí Time chọn. Bà Jane Porter nói."
    assert names(text) == ["Jane Porter", "Jane Porter"]
    text = "Tỉnh trưởng Nam Chungcheong Park Min - ho từ chức. Tỉnh Nam Chungcheong đông dân. Ông Park Min - ho nói."
    assert names(text) == ["Park Min - ho", "Park Min - ho"]


def test_a_given_name_is_no_prefix():
    text = "Tổng thống Peru Laura Pereira Soto nói. Bà Pereira Soto cười."
    assert set(names(text)) == {"Laura Pereira Soto"}


def test_the_name_alone_nowhere_else_keeps_the_run():
    assert names("Biên tập viên của Time Jane Porter viết.") == ["Time Jane Porter"]
