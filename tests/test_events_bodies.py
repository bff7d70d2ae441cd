"""Parties the lexicon does not know and whose country nobody says (stages/events/bodies.py): a body
takes the country its name says, else the place's; an unknown place of no country and a known body
of no country stay as they are."""
from __future__ import annotations

from biennien.records import Participant
from biennien.stages.events import bodies
from tests.test_events_classes import _find


def _parties(found: list) -> list[tuple[str, list, list]]:
    return [(e.type, [(p.name, p.country) for p in e.actors], [(p.name, p.country) for p in e.recipients])
            for e in found if not e.negated]


def test_a_body_takes_the_country_its_name_says():
    text = "Bộ trưởng Lê Quang Hào đã thăm Hiệp hội Thép Malaysia."
    found = _find(text, ("Lê Quang Hào", "person", "VNM"), ("Hiệp hội Thép Malaysia", "organization", None))
    assert _parties(found) == [("CONSULT", [("Lê Quang Hào", "VNM")], [("Hiệp hội Thép Malaysia", "MYS")])]


def test_a_body_of_no_named_country_takes_the_place_of_the_act():
    text = "Bộ trưởng Lê Quang Hào làm việc với Tập đoàn Kimbo tại Seoul."
    found = _find(text, ("Lê Quang Hào", "person", "VNM"), ("Tập đoàn Kimbo", "organization", None),
                  ("Seoul", "location", "KOR"))
    assert [r for _, _, r in _parties(found)] == [[("Tập đoàn Kimbo", "KOR")]]


def test_a_body_naming_two_countries_is_of_neither():
    text = "Bộ trưởng Lê Quang Hào đã thăm Hội hữu nghị Việt Nam - Campuchia tại Phnom Penh."
    found = _find(text, ("Lê Quang Hào", "person", "VNM"),
                  ("Hội hữu nghị Việt Nam - Campuchia", "organization", None), ("Phnom Penh", "location", "KHM"))
    # of no country, beside the minister it leaves the act (bodies.without_stateless)
    assert [r for _, _, r in _parties(found)] == [[]]


def test_an_unknown_place_of_no_country_takes_none_and_leaves_a_named_party_alone():
    text = "Bộ trưởng Lê Quang Hào hội đàm với Quyết Thắng."
    found = _find(text, ("Lê Quang Hào", "person", "VNM"), ("Quyết Thắng", "location", None))
    assert _parties(found) == [("CONSULT", [("Lê Quang Hào", "VNM")], [])]
    # alone, it stays: the act keeps its type
    found = _find("Quyết Thắng hội đàm với Hồng Phát.", ("Quyết Thắng", "location", None), ("Hồng Phát", "location", None))
    assert _parties(found) == [("CONSULT", [("Quyết Thắng", None)], [("Hồng Phát", None)])]


def test_a_known_body_of_no_country_keeps_none():
    text = "Israel không kích Hamas tại Gaza."
    found = _find(text, ("Israel", "country", "ISR"), ("Hamas", "organization", None), ("Gaza", "location", "PSE"))
    assert _parties(found) == [("ASSAULT", [("Israel", "ISR")], [("Hamas", None)])]


def test_named_countries_reads_only_unambiguous_names():
    assert bodies.named_countries("Liên đoàn Kinh tế Nhật Bản Keidanren") == ({"JPN"}, set())
    assert bodies.named_countries("Công ty Tuấn Anh") == (set(), {"GBR"})   # "Anh" is a given name as often as Britain
    assert bodies.named_countries("Hội hữu nghị Việt Nam - Lào") == ({"VNM", "LAO"}, set())
    assert bodies._unknown(Participant("Tập đoàn Kimbo", "organization", None))
    assert not bodies._unknown(Participant("Hamas", "organization", None))
    assert not bodies._unknown(Participant("Tập đoàn Kimbo", "organization", "KOR"))


def test_an_acronym_or_a_country_word_that_is_also_a_name_keeps_the_body_of_no_country():
    for body in ("Tổ chức KXP", "Ủy ban Thượng viện Mỹ"):
        text = f"Bộ trưởng Lê Quang Hào làm việc với {body} tại Seoul."
        found = _find(text, ("Lê Quang Hào", "person", "VNM"), (body, "organization", None),
                      ("Seoul", "location", "KOR"))
        assert [r for _, _, r in _parties(found)] == [[]], body   # no country guessed: it leaves the act


def test_a_country_word_that_is_also_a_name_counts_when_the_article_names_that_country():
    text = "Quan hệ Việt Nam - Mỹ phát triển.\n\nBộ trưởng Lê Quang Hào làm việc với Ủy ban Thượng viện Mỹ tại Seoul."
    found = _find(text, ("Việt Nam", "country", "VNM"), ("Mỹ", "country", "USA"), ("Lê Quang Hào", "person", "VNM"),
                  ("Ủy ban Thượng viện Mỹ", "organization", None), ("Seoul", "location", "KOR"))
    assert [r for _, _, r in _parties(found)] == [[("Ủy ban Thượng viện Mỹ", "USA")]]


def test_an_unknown_party_of_no_state_that_is_no_person_leaves_an_act_a_state_or_a_person_takes_part_in():
    mỹ, uvv = Participant("Mỹ", "country", "USA"), Participant("UVV", "organization", None)
    khashoggi = Participant("Jamal Khashoggi", "person", None)
    assert bodies.without_stateless([mỹ], [uvv]) == ([mỹ], [])
    assert bodies.without_stateless([uvv], [khashoggi]) == ([], [khashoggi])   # a person of no country stays
    assert bodies.without_stateless([uvv], []) == ([uvv], [])                  # alone, it stays
    hamas = Participant("Hamas", "organization", None)                           # a body the lexicon knows stays
    assert bodies.without_stateless([mỹ], [hamas]) == ([mỹ], [hamas])
    # a place or body of no country named as the article names a person is that person: it stays
    trump = Participant("Trump", "location", None)
    assert bodies.without_stateless([mỹ], [trump], frozenset({"Donald Trump"})) == ([mỹ], [trump])
