"""stages/events/gaps.py: what the words between two names say."""
from __future__ import annotations

from biennien.stages.events.gaps import appositive, title_words


def test_titles_alone_between_two_names_are_title_words():
    assert title_words("")
    assert title_words(", Thứ trưởng Bộ Quốc phòng")
    assert not title_words("và")   # a joining word is no title


def test_an_apposition_is_set_off_by_a_comma_or_a_dash():
    assert appositive(", Thứ trưởng Bộ Quốc phòng,", allow_bare=False)
    assert appositive("", allow_bare=True) and not appositive("", allow_bare=False)
    assert not appositive(", hội đàm với", allow_bare=False)   # a bare comma lists verbs


def test_an_honorific_alone_names_a_person_as_a_title_does():
    assert title_words("ông") and title_words(" bà ")
    assert not title_words("ông và")
