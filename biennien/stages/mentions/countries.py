"""The country of a person the words around the name do not state, read from the rest of the
article: a post it names with a foreign country and no holder ("Tổng thống Pháp ... Tổng thống
Macron"), or the delegation a foreign name is listed in ("Ngoại trưởng Mỹ Mike Pompeo, Bộ trưởng
Quốc phòng Jim Mattis")."""
from __future__ import annotations

import functools

from ... import resources
from ...lexicon import shapes as names
from ...lexicon.names import HOME
from ...text import base, key
from .doc import Candidate, Doc, country_here
from .titles import _gap


def delegations(doc: Doc, cands: list[Candidate]) -> None:
    """A foreign name whose post names no country, listed right after a holder of another post of
    a foreign country, is of that country: one delegation ("Ngoại trưởng Mỹ Mike Pompeo, Bộ trưởng
    Quốc phòng Jim Mattis"), unless the post names an organisation of its own ("Chủ tịch Hội đồng
    châu Âu Donald Tusk" after "Tổng thống Italy X"). The same post twice is two sides ("Ngoại
    trưởng Nga Sergei Lavrov và Ngoại trưởng Mike Pompeo"): no country passes."""
    for a, b in zip(cands, cands[1:]):
        if not (a.full and b.full and a.country and a.country != HOME and b.country is None and b.titles
                and a.titles and a.item.sentence == b.item.sentence and names.person_shape(b.tokens) == "foreign"):
            continue
        starts = [t["at"] for t in b.titles if t.get("at") is not None and t["at"] < b.surface[0]]
        if not starts or any(t.get("country") or t.get("own_org") for t in b.titles) \
                or {key(t["title"]) for t in a.titles if t.get("title")} & {key(t["title"]) for t in b.titles if t.get("title")}:
            continue
        gap = doc.text[a.surface[1]:min(starts)]
        if gap in (", ", "; ") or gap.strip(" ") in doc.lex.list_joiners and gap.startswith(" ") and gap.endswith(" "):
            b.country = a.country


def served(people: dict, cands: list[Candidate], short: dict) -> None:
    """A post that names the person it serves ("X, phát ngôn viên của Tổng thống Rodrigo Duterte",
    "cố vấn của Thủ tướng Y") is held in that person's state: a holder with no country of their
    own takes it."""
    at = {c.surface[0]: " ".join(c.tokens) if c.full else short.get(id(c)) for c in cands}
    for c in cands:
        p = people.get(" ".join(c.tokens) if c.full else short.get(id(c)))
        if p is None or p.country is not None:
            continue
        boss = next((people[n] for t in c.titles if (n := at.get(t.get("served"))) in people), None)
        if boss is not None and boss is not p and boss.country:
            p.country = boss.country


def anchored(doc: Doc, people: dict, cands: list[Candidate], short: dict) -> dict[str, str]:
    """A post the article names with a foreign country and no holder ("Tổng thống Pháp, Thủ tướng
    Đức tại G20") is held by the one person the article gives that post with no country ("Tổng
    thống Macron", "Thủ tướng Merz"): that person is of that country. Full names take it here;
    the short names with no full form here it returns (name -> country). A post serving a person
    of a known country is held in it first (`served`)."""
    served(people, cands, short)
    posts = posts_of_countries(doc)
    for c in cands:   # "Tổng thống Philippines Rodrigo Duterte ... Tổng thống Philippines": the post is
        for t in c.titles:   # Duterte's, never another's ("Tổng thống Barack Obama" is no Filipino)
            held = posts.get(key(t["title"])) if t.get("title") else None
            if held is not None:
                held.discard(t.get("country") or c.country)
    posts = {post: countries for post, countries in posts.items() if countries}
    if not posts:
        return {}
    holders: dict[str, set[str]] = {}
    for p in people.values():
        if p.country is None:
            for t, country in p.titles:
                if country is None:
                    holders.setdefault(key(t), set()).add(p.name)
    for c in cands:
        name = None if c.full else short[id(c)]
        if name is not None and name not in people and c.country is None and known_country(name) is None:
            for t in c.titles:
                if t.get("title") and t.get("country") is None:
                    holders.setdefault(key(t["title"]), set()).add(name)
    found: dict[str, str] = {}
    for post, countries in posts.items():
        if post.startswith(OF_ORG):   # "Bộ Quốc phòng Malaysia": its "Bộ trưởng Bộ Quốc phòng"
            named = {n for t, names_ in holders.items() if t.endswith(f" {post[len(OF_ORG):]}") for n in names_}
        else:
            named = holders.get(post, set())
        if len(countries) == 1 and len(named) == 1:
            found.setdefault(next(iter(named)), next(iter(countries)))
    for name, country in list(found.items()):
        if name in people:
            people[name].country = people[name].country or found.pop(name)
    return found


def only_state(doc: Doc, foreign: set[str]) -> str | None:
    """The one foreign state the article names, the country of a titled foreign name that states
    none; none when a place it names is another's ("Thị trưởng Mamdani" in news of Israel's prime
    minister at the UN in New York)."""
    if len(foreign) != 1:
        return None
    places = {it.data.get("country") for it in doc.items if it.kind == "place" and it.sentence not in doc.caption}
    return None if places - foreign - {HOME, None} else next(iter(foreign))


OF_ORG = "of "   # a post key standing for the posts of an organisation


def posts_of_countries(doc: Doc) -> dict[str, set[str]]:
    """The posts the article names as a foreign country's with no name after them: a title or a
    ministry, a country word, then no capitalised run (normal title key, or OF_ORG and the
    organisation's key -> countries)."""
    items, posts = doc.items, {}
    for n, it in enumerate(items[:-1]):
        nxt = items[n + 1]
        if it.kind not in ("title", "org") or nxt.kind != "country" or _gap(doc, it, nxt) != " " \
                or nxt.data.get("ambiguous") and not country_here(doc, n + 1, nxt.data["iso3"], set()):
            continue
        after = items[n + 2] if n + 2 < len(items) else None
        if after is not None and after.kind == "cap" and _gap(doc, nxt, after) == " " or nxt.data["iso3"] == HOME:
            continue
        if it.kind == "org":
            if (it.data.get("row") or {}).get("kind") == "ministry":
                posts.setdefault(OF_ORG + key(it.data["name"]), set()).add(nxt.data["iso3"])
            continue
        row = doc.lex.titles.get(key(it.text)) or {"normal": it.text}
        posts.setdefault(key(row["normal"] or it.text), set()).add(nxt.data["iso3"])
    return posts


@functools.cache
def _known() -> dict[str, str]:
    """Foreign leaders with Sino-Vietnamese names (known_persons.tsv): name key -> country."""
    return {_known_key(r["name"]): r["country"] for r in resources.load("known_persons")}


def _known_key(name: str) -> str:
    return key(name).replace(" - ", "-")   # "Kim Jong - un" as "Kim Jong-un"


@functools.cache
def _known_toneless() -> dict[str, str]:
    """The same names without their tone marks (name of three words or more -> country): the press
    transliterates one Chinese name with different tones ("Ngụy Phượng Hòa", "Nguỵ Phương Hoà")."""
    found: dict[str, set[str]] = {}
    for r in resources.load("known_persons"):
        if len(r["name"].split()) >= 3:
            found.setdefault(" ".join(base(w) for w in r["name"].split()), set()).add(r["country"])
    return {name: next(iter(c)) for name, c in found.items() if len(c) == 1}


def known_country(name: str) -> str | None:
    """The country of a known person (known_persons.tsv) by the name's key, else by its words
    without tone marks (three words or more)."""
    return _known().get(_known_key(name)) or (_known_toneless().get(" ".join(base(w) for w in name.split()))
                                       if len(name.split()) >= 3 else None)
