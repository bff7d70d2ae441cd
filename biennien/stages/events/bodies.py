"""Parties the lexicon does not know and whose country nobody says: a body read from the text
("Liên đoàn Kinh tế Nhật Bản Keidanren", "Tổ chức Thống nhất Dân tộc Malaysia", "Đại học Yonsei")
or a capitalised run taken for a place ("Ghi", "Thương"). The gold codes a body by its state (GUIDE:
"an ISO code for a state or any organisation of that state"), so such a body takes the country its
own name says, else the country of the place the act happens in, else the country the article
names most; an unknown place of no country is a misread name, no party. Bodies the lexicon knows
with no country ("ASEAN", "Hamas", "IS") keep their own name and no country."""
from __future__ import annotations

from dataclasses import replace

from ...lexicon.names import lexicon as names_lexicon
from ...records import Participant
from ...text import key
from .arguments import place_host
from .view import Hit, View

MOST_WORDS = 3   # the longest country name looked for inside a body's name ("Cộng hòa Séc")


def place_bodies(view: View, h: Hit, parties: list[Participant]) -> list[Participant]:
    """The parties with each unknown body given a country and each unknown place of no country left out."""
    if not any(_unknown(p) for p in parties):
        return parties
    host = place_host(view, h)
    out = []
    for p in parties:
        if not _unknown(p):
            out.append(p)
        elif p.kind == "organization":
            named = named_countries(p.name)
            code = (named.pop() if len(named) == 1 else None) if named else \
                (host.country if host is not None else None) or view.main_country
            out.append(replace(p, country=code) if code else p)   # "Hội hữu nghị Việt Nam - Lào": no one state
    return out


def _unknown(p: Participant) -> bool:
    if p.country or p.kind not in ("organization", "location"):
        return False
    lex = names_lexicon()
    return key(p.name) not in lex.orgs and key(p.name) not in lex.places


def named_countries(name: str) -> set[str]:
    """The countries a body's name holds, written unambiguously ("Nhật Bản", "Malaysia"; not
    "Anh", "Nga", "Đức", which are also words and given names)."""
    countries = names_lexicon().countries
    words = name.split()
    found = set()
    for n in range(MOST_WORDS, 0, -1):
        for i in range(len(words) - n + 1):
            row = countries.get(key(" ".join(words[i:i + n])))
            if row is not None and not row.get("ambiguous"):
                found.add(row["iso3"])
    return found
