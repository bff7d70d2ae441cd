"""Terms of public record as `who` reads them (resources/vi/office_holders.tsv)."""
from __future__ import annotations

import re
from datetime import date

import pytest

from biennien import tenures


def test_a_post_and_a_name_find_their_terms():
    assert tenures.terms("Thủ tướng", "Phạm Minh Chính") == ((date(2021, 4, 5), date(2026, 4, 7)),)
    assert tenures.terms("Thủ tướng Chính phủ", "Phạm Minh Chính")   # the title's optional words
    assert tenures.terms("Thủ tướng", "Abe Shinzo") == tenures.terms("Thủ tướng", "Shinzo Abe") != ()
    assert tenures.terms("Phó Thủ tướng", "Phạm Minh Chính") == ()   # a deputy holds another post
    assert tenures.terms("Thủ tướng", "Phạm Minh Chính Hai") == ()    # another name
    assert len(tenures.terms("Tổng thống", "Donald Trump")) == 2      # two terms, one holder
    assert tenures.terms(None, "Phạm Minh Chính") == tenures.terms("Thủ tướng", "") == ()


def test_a_post_added_to_another_holds_both_unless_the_row_is_the_others():
    """"Tổng Bí thư, Chủ tịch nước X" keeps X in both posts; a row whose second post is optional
    ("Tổng Bí thư,? (Chủ tịch nước)? Y") is the first post's only."""
    alone = tenures.terms("Tổng Bí thư", "Tô Lâm")
    both = tenures.terms("Tổng Bí thư", "Tô Lâm", ("Chủ tịch nước",))
    assert tenures.holds(alone, date(2026, 6, 1)) is None and tenures.holds(both, date(2026, 6, 1))
    assert tenures.holds(tenures.terms("Chủ tịch nước", "Tô Lâm", ("Tổng Bí thư",)), date(2026, 6, 1))
    assert tenures.holds(tenures.terms("Chủ tịch nước", "Nguyễn Phú Trọng", ("Tổng Bí thư",)), date(2017, 6, 1)) is None



@pytest.mark.parametrize("pattern, prefix", [
    (r"(?<!Phó )(?<!phó )Thủ tướng (?:Chính phủ |Việt Nam )?Phạm Minh Chính", "Thủ tướng "),
    (r"(?<!Phó )(?<!phó )Tổng [Gg]iám đốc (?:WHO )?Tedros", "Tổng "),
    (r"Thủ tướngs? X", "Thủ tướng"),
    (r"Thủ tướng A|Tổng thống A", ""),
    (r"Abe\b", "Abe"),
])
def test_a_pattern_is_compiled_only_for_phrases_that_start_with_its_literal_prefix(pattern, prefix):
    assert tenures.literal_prefix(pattern) == prefix


def test_every_row_matches_its_own_prefix_rule():
    """No row's match can start elsewhere than its prefix: the prefix is a prefix of the pattern once
    the leading lookbehinds are stripped."""
    for pattern, prefix, _, _ in tenures._rows():
        assert re.sub(r"^(?:\(\?<![^()]*\))+", "", pattern).startswith(prefix), pattern
