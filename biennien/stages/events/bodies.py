"""Parties the lexicon does not know and whose country nobody says: a body read from the text
("Liên đoàn Kinh tế Nhật Bản Keidanren", "Tổ chức Thống nhất Dân tộc Malaysia", "Tập đoàn Kimbo").
The gold codes a body by its state (GUIDE: "an ISO code for a state or any organisation of that state"), so such a body takes the country its
own name says, else the country of the place the act happens in (not the country the article names
most: on unseen politics-600 that guessed right as often as wrong). An unknown place of no country
stays as it is: often a misread name ("Ghi"), but left out it cost BKEE dev the types of its events.
Bodies the lexicon knows with no country ("ASEAN", "Hamas", "IS") keep their own name and no country.
Beside a state or a person, an unknown party of no state that is no person leaves the act (without_stateless)."""
from __future__ import annotations

from dataclasses import replace

from ...lexicon.names import lexicon as names_lexicon
from ...records import Participant
from ...text import key
from .arguments import place_host
from .view import Hit, View

MOST_WORDS = 3   # the longest country name looked for inside a body's name ("Cộng hòa Séc")


def place_bodies(view: View, h: Hit, parties: list[Participant]) -> list[Participant]:
    """The parties with each unknown body given the country its name or the act's place says."""
    if not any(_unknown(p) for p in parties):
        return parties
    host = place_host(view, h)
    seen = {m.country for m in view.countries}
    out = []
    for p in parties:
        if not _unknown(p):
            out.append(p)
        else:
            named, unsure = named_countries(p.name)
            named |= unsure & seen   # "Đảng Nước Nga" in a story naming Russia elsewhere
            if named or unsure or _acronym(p.name):   # "Hội hữu nghị Việt Nam - Lào", "Thượng viện Mỹ", "IPU"
                code = next(iter(named)) if len(named) == 1 and unsure <= named else None
            else:
                code = host.country if host is not None else None
            out.append(replace(p, country=code) if code else p)
    return out


def _unknown(p: Participant) -> bool:
    return not p.country and p.kind == "organization" and not _known(p.name)


def _known(name: str) -> bool:
    """A name the lexicon holds as an organisation or a place."""
    lex, k = names_lexicon(), key(name)
    return k in lex.orgs or k in lex.places


def named_countries(name: str) -> tuple[set[str], set[str]]:
    """The countries a body's name holds, written unambiguously ("Nhật Bản", "Malaysia"), and those
    written with a word that is as often a given name or a word ("Anh", "Nga", "Mỹ": "Công ty Tuấn
    Anh", "Thượng viện Mỹ"), which count only when the article names that country elsewhere."""
    countries = names_lexicon().countries
    words = name.split()
    found: set[str] = set()
    unsure: set[str] = set()
    taken: set[int] = set()
    for n in range(MOST_WORDS, 0, -1):
        for i in range(len(words) - n + 1):
            row = countries.get(key(" ".join(words[i:i + n])))
            if row is None or taken & set(range(i, i + n)):
                continue
            taken |= set(range(i, i + n))
            (unsure if row.get("ambiguous") else found).add(row["iso3"])
    return found, unsure


def _acronym(name: str) -> bool:
    """"IPU", "WEF", "GMS": an unknown acronym is as often a body of many states as one of the
    place it is named in."""
    return any(len(w) > 1 and w.isupper() for w in name.split())


def without_stateless(actors: list[Participant], recipients: list[Participant],
                       persons: frozenset[str] = frozenset()) -> tuple[list, list]:
    """Beside a state or a person, a party the lexicon does not know, of no state and no person (a
    device's code "UVV", a bracketed "MOC", a misread place "Ghi", "Đại học Yonsei"), leaves the act:
    the gold names states and persons only, and a party it cannot name makes the whole act
    unmatched. A body the lexicon knows ("IS", "ASEAN") stays, as does such a party alone (the act
    keeps its type: BKEE) or one whose name is the article's name of a person (`persons`: "Trump"
    read as a place stays "Donald Trump")."""
    def stateless(p: Participant) -> bool:
        return p.kind != "person" and not p.country and not _known(p.name) and \
            not any(n == p.name or n.endswith(" " + p.name) for n in persons)
    parties = actors + recipients
    if not any(stateless(p) for p in parties) or all(stateless(p) for p in parties):
        return actors, recipients
    return [p for p in actors if not stateless(p)], [p for p in recipients if not stateless(p)]
