"""lexicon/names.py: the scan's guarded trie matches what the plain guarded trie matches."""
from __future__ import annotations

import re

from biennien.lexicon import names
from biennien.text import trie_pattern

BEFORE = r"(?=[ ]+[A-Z])"
TITLE = r"(?=[ ]+(?:[A-Z]|bộ trưởng(?![^\W_])))"
WORDS = ["cựu", "tân", "tân binh", "ông", "bà", "bác", "bác sĩ", "bạn gái", "bạn", "chủ tịch", "Bộ", "Bộ Y tế",
         "anh hùng", "nhà-báo", "nhà"]
GUARD = {"cựu": TITLE, "tân": TITLE, "ông": BEFORE, "bà": BEFORE, "bác sĩ": BEFORE, "bạn gái": BEFORE,
         "anh hùng": BEFORE, "nhà-báo": BEFORE}
TEXT = ("cựu bộ trưởng A, tân binh B, tân Chủ tịch, ông Ba và bà Út, bác sĩ Hà, bác Sáu, bạn gái Lan, bạn gái "
        "của Lan, anh hùng Tư, nhà-báo Minh, nhà-báo minh, Bộ Y tế, cựuX, ông, bàA")


def _hits(pattern: str) -> list[tuple[int, int, str]]:
    scan = re.compile(rf"(?<![^\W_])(?:(?P<word>{pattern})|(?P<cap>[A-Z]\w*))(?![^\W_])")
    return [(m.start(), m.end(), m.lastgroup) for m in scan.finditer(TEXT)]


def test_guarded_trie_matches_as_the_plain_one_and_writes_each_shared_guard_once():
    plain, shared = trie_pattern(WORDS, GUARD), names._guarded_trie(WORDS, GUARD)
    assert _hits(shared) == _hits(plain)
    assert shared.count(TITLE) == 1 and plain.count(TITLE) == 2
    assert shared.count(BEFORE) < plain.count(BEFORE)


def test_a_phrase_that_a_shorter_one_opens_keeps_its_place_in_the_trie():
    shared = names._guarded_trie(WORDS, GUARD)
    rest = shared.split("|(?:")[0]   # the trie, before the shared branches
    assert "sĩ" in rest and "gái" in rest   # "bác" and "bạn" are phrases: "bác sĩ", "bạn gái" stay
    assert "ông" not in rest and "hùng" not in rest


def test_the_scan_keeps_the_guards_of_its_moved_phrases():
    lex = names.lexicon()
    found = [m.group() for m in lex.scan.finditer("Theo ông Ba, cựu Bộ trưởng Tư và ông ấy, cựu binh") if m.lastgroup == "word"]
    assert found.count("ông") == 1 and found.count("cựu") == 1   # "ông ấy", "cựu binh": no capital, no title


def test_a_capitalised_run_still_stops_before_a_capitalised_title():
    lex = names.lexicon()
    runs = [m.group() for m in lex.scan.finditer("Ông Nguyễn Văn Ba Bộ trưởng Bộ Y tế và Chủ tịch Lê Tư") if m.lastgroup == "cap"]
    assert "Nguyễn Văn Ba" in runs and "Lê Tư" in runs
