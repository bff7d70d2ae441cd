"""lexicon/names.py: the one scan's guards and where a capitalised run stops."""
from __future__ import annotations

from biennien.lexicon import names


def test_the_scan_keeps_the_guards_of_its_cue_words():
    lex = names.lexicon()
    found = [m.group() for m in lex.scan.finditer("Theo ông Ba, cựu Bộ trưởng Tư và ông ấy, cựu binh") if m.lastgroup == "word"]
    assert found.count("ông") == 1 and found.count("cựu") == 1   # "ông ấy", "cựu binh": no capital, no title


def test_a_capitalised_run_still_stops_before_a_capitalised_title():
    lex = names.lexicon()
    runs = [m.group() for m in lex.scan.finditer("Ông Nguyễn Văn Ba Bộ trưởng Bộ Y tế và Chủ tịch Lê Tư") if m.lastgroup == "cap"]
    assert "Nguyễn Văn Ba" in runs and "Lê Tư" in runs


def test_a_ministry_of_three_fields_is_known_however_its_fields_are_joined():
    titles = names.lexicon().titles
    for written in ("Bộ trưởng Lao động Thương binh và Xã hội", "Bộ trưởng Lao động - Thương binh - Xã hội",
                    "Thứ trưởng Văn hóa Thể thao và Du lịch", "Thứ trưởng Văn hóa, Thể thao và Du lịch"):
        assert titles[names.key(written)]["normal"].endswith(("Lao động - Thương binh và Xã hội",
                                                               "Văn hóa, Thể thao và Du lịch")), written
