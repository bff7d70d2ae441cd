"""Persons: which capitalised runs name a person, with the rank, titles and country around them.

A run is a person when its shape says so (names.py) or a cue stands right before it (an
honorific, a rank, a title: "ông", "Trung tướng", "Thủ tướng Lào"). The words around a name are
read as chains: before it "Tổng Bí thư, Chủ tịch nước Lào"; after it ", Ủy viên Trung ương Đảng,
Thứ trưởng Bộ Quốc phòng" or " được cử giữ chức ...". Short references ("Tướng Cương",
"ông Cương", "Whelan", "Trung tướng" alone) become the article's one full name they fit.

Country: stated (a country word before the name or after a title, an organisation of one country,
"người đồng cấp Lào") or, failing that, VNM for a Vietnamese-shaped name that holds a rank or a
title in the article; a foreign-shaped name without a stated country gets none.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from .. import resources
from ..records import Mention
from . import names
from .lexicon import HOME, canon, key, spelled
from .mentions import Doc, Item, country_here

PERSON_CUES = ("honor", "rank", "title")


@dataclass(slots=True)
class Person:
    """What the article says about one full name."""

    name: str
    shape: str | None
    rank: str | None = None
    country: str | None = None
    titles: list[tuple[str, str | None]] = field(default_factory=list)  # (title, its stated country)
    in_body: bool = False
    romanised: bool = False    # a foreign spelling in brackets beside it ("Lý Tác Thành (Li Zuocheng)")
    written: str | None = None  # the name in the article's own tone placement ("Nguỵ Phượng Hoà")


@dataclass(slots=True)
class Candidate:
    item: Item
    index: int                 # position in doc.items
    tokens: list[str]
    surface: tuple[int, int]
    full: bool                 # a full name (else a short reference to resolve)
    rank: str | None = None
    titles: list[dict] = field(default_factory=list)
    country: str | None = None
    cue: str | None = None
    romanised: bool = False


def find(doc: Doc) -> None:
    cands = [c for n, it in enumerate(doc.items) if it.kind == "cap" for c in _candidate(doc, n, it)]
    _bracketed_spellings(doc, cands)
    for c in cands:
        if c.full or c.cue:
            _chains(doc, c)
    people: dict[str, Person] = {}
    for c in cands:
        if c.full:
            name = " ".join(c.tokens)
            p = people.setdefault(name, Person(name, names.person_shape(c.tokens)))
            p.in_body |= c.item.sentence not in doc.caption
            if p.written is None and doc.text[c.surface[0]:c.surface[1]] == name:
                p.written = doc.article.text[c.surface[0]:c.surface[1]]
            p.romanised |= c.romanised
            p.rank = p.rank or c.rank
            p.country = p.country or c.country
            p.titles += [(t["title"], t["country"]) for t in c.titles
                         if t["title"] and (t["title"], t["country"]) not in p.titles]
    known = _known()
    only = _only_foreign_country(doc)
    for p in people.values():
        if p.country is None:   # "Tập Cận Bình" is Chinese, whatever his title; a titled Vietnamese name, Vietnam's
            p.country = known.get(key(p.name)) or (HOME if p.shape == "vn" and (p.rank or p.titles)
                                                   and not p.romanised else None)
        if p.country is None and p.shape == "foreign" and (p.rank or p.titles):
            p.country = only   # "Thủ tướng Andrej Babiš" in an article about the Czech Republic alone
    index: dict[tuple[int, str], list[Person]] = {}
    for p in people.values():
        words = p.name.split()
        index.setdefault((-1, words[-1]), []).append(p)
        if p.shape == "foreign":
            index.setdefault((0, words[0]), []).append(p)
            for w in words[1:-1]:  # "Michelle Bachelet Jeria" is "Bachelet"
                index.setdefault((1, w), []).append(p)
    short = {id(c): _resolve(c, index) for c in cands if not c.full}
    for c in cands:  # a caption may name in full who the news sentences call "Savchenko"
        if not c.full and c.item.sentence not in doc.caption and short[id(c)] in people:
            people[short[id(c)]].in_body = True
    for c in cands:
        name = " ".join(c.tokens) if c.full else short[id(c)]
        if name is None:
            continue
        p = people.get(name)
        if p is None:  # a titled single name with no full form here ("Tổng thống Putin")
            p = people.setdefault(name, Person(name, None, c.rank, c.country or (only if c.titles or c.rank else None),
                                               in_body=True))
        if not p.in_body:
            continue
        _emit(doc, c.surface, c.item.sentence, p, c)
    _title_refs(doc, people)


def _only_foreign_country(doc: Doc) -> str | None:
    """The one country other than the home country the news sentences name, if only one is named."""
    sure = {it.data["iso3"] for it in doc.items if it.kind == "country" and not it.data.get("ambiguous")}
    seen = {it.data["iso3"] for n, it in enumerate(doc.items) if it.kind == "country" and it.sentence not in doc.caption
            and (not it.data.get("ambiguous") or country_here(doc, n, it.data["iso3"], sure))} - {HOME}
    return next(iter(seen)) if len(seen) == 1 else None


BRACKET_ENDS = (")", " - ", ", ")   # "(Xu Qiliang)", "(Tư Cang - Anh hùng ...)": the other name first


def _bracketed_spellings(doc: Doc, cands: list[Candidate]) -> None:
    """A name and its other spelling (or another name) opening the brackets right after it are one
    person ("Hứa Kỳ Lượng (Xu Qiliang)", "Nguyễn Văn Tàu (Tư Cang - Anh hùng ...)"): the bracketed
    run takes the first name."""
    for a, b in zip(cands, cands[1:]):
        if a.full and b.item.sentence == a.item.sentence and doc.text[a.surface[1]:b.surface[0]] == " (" \
                and doc.text.startswith(BRACKET_ENDS, b.surface[1]) and (b.full or len(b.tokens) == 1):
            a.romanised = a.romanised or names.foreign(b.tokens) and not names.foreign(a.tokens)
            b.tokens, b.full, b.cue = list(a.tokens), True, b.cue or a.cue


def _candidate(doc: Doc, n: int, it: Item) -> list[Candidate]:
    tokens = it.text.split()
    prev = _prev(doc, n)
    cue = prev.kind if prev is not None and prev.kind in PERSON_CUES else None
    if prev is not None and prev.kind == "honor" and doc.lex.honorifics.get(prev.text) == "plural":
        cue = None
    if prev is not None and prev.kind in ("country", "place", "org"):  # "Thủ tướng Lào Sonexay"
        before = _prev(doc, n - 1)
        if before is not None and before.kind in PERSON_CUES:
            cue = before.kind
        elif prev.kind == "country":
            cue = "country"  # "Mỹ Paul Whelan"
    if prev is not None and prev.kind == "other":
        return []
    if not cue and len(tokens) > 1 and tokens[0] not in doc.lex.surnames and names.is_vietnamese(tokens[0]) \
            and (not tokens[0].isascii() or tokens[0] in doc.lex.openers) \
            and _clause_start(doc, it) and (names.person_shape(tokens[1:]) or len(tokens) == 2):
        drop = len(tokens[0]) + 1  # "Theo Nguyễn Văn A", "Khi Nadella": a clause's first word is no name
        tokens, it = tokens[1:], Item(it.start + drop, it.end, "cap", it.text[drop:], it.sentence)
    shape = names.person_shape(tokens)
    if shape == "vn" and len(tokens) == 2 and not cue:
        shape = None  # "Đồng Đăng", "Mai Linh": two syllables are a name only after a cue
    if shape != "vn" and cue != "honor" and _ends_in_place(doc, tokens):
        return []   # "Vissai Ninh Bình", "Fuda Bắc Kinh": a company named with its place
    if shape and not (shape == "foreign" and cue is None and _place_like(doc, tokens)):
        return [Candidate(it, n, tokens, (it.start, it.end), True, cue=cue)]
    if cue and cue != "country" and 2 <= len(tokens) <= 4 and not names.org_like(tokens):
        return [Candidate(it, n, tokens, (it.start, it.end), True, cue=cue)]
    if cue or len(tokens) == 1 and not names.is_vietnamese(tokens[0]):
        # a short reference; bare, only a foreign word ("Whelan"): a bare Vietnamese word is
        # too often a common word at a sentence start ("Chính sách", "Nam")
        return [Candidate(it, n, tokens[-1:], (it.end - len(tokens[-1]), it.end), False, cue=cue)]
    return []


def _clause_start(doc: Doc, it: Item) -> bool:
    before = doc.text[doc.sentence_start(it.sentence):it.start].rstrip(" \"“‘'([")
    return before == "" or before[-1] in ",:;-–"


def _place_like(doc: Doc, tokens: list[str]) -> bool:
    return key(" ".join(tokens)) in doc.lex.places


def _ends_in_place(doc: Doc, tokens: list[str]) -> bool:
    """Do the last two or more words of a run name a known place or country ("Gia Lai", "Bắc Kinh")?
    No person's name ends so; one word may ("George Washington", "Michael Jordan")."""
    lex = doc.lex
    return any((k := key(" ".join(tokens[i:]))) in lex.places or k in lex.countries for i in range(1, len(tokens) - 1))


def _prev(doc: Doc, n: int) -> Item | None:
    """The item right before item n, if only a space separates them."""
    if n <= 0:
        return None
    p = doc.items[n - 1]
    return p if doc.text[p.end:doc.items[n].start] == " " else None


def _gap(doc: Doc, a: Item, b: Item) -> str:
    return doc.text[a.end:b.start]


def _chains(doc: Doc, c: Candidate) -> None:
    """Rank, titles and country from the words before and after the name."""
    items, n = doc.items, c.index
    # after: ", TITLE ..., TITLE" / " - TITLE" / " được cử giữ chức TITLE"
    j = n + 1
    sep = {", ", " - ", " – ", " (", " ("}
    first = True
    while j < len(items) and items[j].sentence == c.item.sentence:
        gap = _gap(doc, items[j - 1], items[j])
        it = items[j]
        if it.kind == "before" and gap in (sep | {", "}) and j + 1 < len(items) and items[j + 1].kind == "title" \
                and _gap(doc, it, items[j + 1]) == " ":
            c.titles.append({"change": doc.lex.changes[key(it.text)]["change"], "at": it.start, "past": True})
            j += 1
            first = True
            continue
        if it.kind == "change" and (gap == " " and items[j - 1].kind == "change"
                                    or items[j - 1].kind != "change" and doc.lex.between.fullmatch(gap)):
            change = doc.lex.changes[key(it.text)]["change"]
            after = _after_change(doc, j)
            if after == "object":
                break  # "Thủ tướng X bổ nhiệm ông A": the verb's object holds the change, not X
            if after == "none":  # "ông A, Chủ tịch UBND, bị cách chức", "ông A từ chức"
                if change in ("start", "end"):
                    c.titles.append({"change": change, "at": it.start, "trail": True})
                break
            c.titles.append({"change": change, "at": it.start})
            j += 1
            continue
        if it.kind != "title" or it.used:
            break
        if not (gap in sep and first or gap in _title_gaps() and not first
                or gap == " " and items[j - 1].kind in ("change", "before")):
            break
        if _opens_next_person(doc, j):
            break
        j = _take_title(doc, c, j)
        first = False
    # before: "Tổng Bí thư, Chủ tịch nước Lào NAME", "người đồng cấp Lào, Trung tướng NAME"
    j, right = n - 1, c.item
    envoy = _envoy(doc, n)
    if envoy is not None:   # the country an envoy serves in is not theirs: read on past it
        items[n - 1].used, right, j = True, items[n - 1], n - 2
    while j >= 0 and items[j].sentence == c.item.sentence:
        it, gap = items[j], _gap(doc, items[j], right)
        if it.data.get("inside") and j > 0 and items[j - 1].end == it.end:
            j -= 1   # "Chủ tịch UBND TP Cần Thơ X": the place inside the organisation's name
            continue
        if envoy is not None and gap == envoy[1]:
            gap = " "
        if it.used or gap not in (" ", ", "):
            break
        if gap == ", " and not (it.kind == "title" or it.kind == "rank" and right.kind == "title"
                                or it.kind == "country" and j > 0 and _gap(doc, items[j - 1], it) == " "
                                and (items[j - 1].kind == "honor" or items[j - 1].kind == "title"
                                     and right.kind != "title")):
            break  # "người đồng cấp Lào, Trung tướng X"; never "tại Vientiane, Lào, Thượng tướng X"
        if it.kind == "rank" and c.rank is None:
            c.rank = doc.lex.ranks.get(key(it.text))
        elif it.kind == "country" and c.country is None:
            if it.data.get("ambiguous") and right is c.item and all(names.is_vietnamese(t) for t in c.tokens) \
                    and not (j > 0 and items[j - 1].kind in PERSON_CUES and _gap(doc, items[j - 1], it) == " "):
                break  # "Anh Hiếu", "Hoa hậu Mỹ Linh": an honorific or a name, no country; "Thủ tướng Anh X" keeps it
            c.country = it.data["iso3"]
        elif it.kind in ("org", "place") and gap == " " and j > 0 and items[j - 1].kind == "title":
            pass  # "Thủ tướng Chính phủ NAME", "Thị trưởng Kiev NAME": read with the title
        elif it.kind == "title" and gap == " " and right.kind == "title" and c.titles \
                and c.titles[0].get("at") == right.start:
            inner = c.titles.pop(0)   # "Cố vấn Tổng thống Nga X": the advisor's post names the one served
            _take_title(doc, c, j, before=True)
            c.titles[0]["title"] = f"{c.titles[0]['title']} {inner['title']}"
            c.titles[0]["country"] = c.titles[0]["country"] or inner["country"]
        elif it.kind == "title":
            _take_title(doc, c, j, before=True)
        elif it.kind == "change" and gap == " ":  # "bổ nhiệm ông A làm Thứ trưởng", "bãi nhiệm bà A"
            change = doc.lex.changes[key(it.text)]["change"]
            for t in c.titles:
                if change in ("start", "end") and t.get("change") is None:
                    t["change"] = change
            if change in ("start", "end") and not any("title" in t for t in c.titles):
                c.titles.append({"title": None, "organization": None, "country": None, "change": change,
                                 "at": it.start})
            break  # what stands before the verb is its subject, not this person's title
        elif it.kind in ("honor", "before"):
            if it.kind == "before":
                for t in c.titles:
                    if "change" not in t:
                        t["change"], t["past"] = doc.lex.changes[key(it.text)]["change"], True
            elif doc.lex.honorifics.get(it.text.casefold()) == "counterpart":
                c.titles.extend(_counterpart(doc, c, j))
        else:
            break
        it.used = True
        right = it
        j -= 1
    for t in c.titles:
        if envoy is not None and t.get("at") == envoy[0] and t.get("title"):
            t["title"] = f"{t['title']}{envoy[1]}{envoy[2]}"   # the post: "Đại sứ tại Việt Nam"
    for trail in [t for t in c.titles if t.get("trail")]:  # "Tổng thống Donald Trump nhậm chức"
        open_titles = [t for t in c.titles if "title" in t and t.get("change") is None]
        for t in open_titles:
            t["change"] = trail["change"]
        if not open_titles and not any("title" in t for t in c.titles):
            c.titles.append({"title": None, "organization": None, "country": None, "change": trail["change"],
                             "at": trail["at"]})  # the post is named elsewhere in the article, or nowhere
    for t in c.titles:
        if t.get("country") and not c.country:
            c.country = t["country"]
    c.titles = [t for t in c.titles if "title" in t]
    c.item.data["titles"] = c.titles


def _after_change(doc: Doc, j: int) -> str:
    """What follows the change verb at j: 'title' (its post, maybe through "làm"), 'object' (a
    person: the verb is active, "bổ nhiệm ông A") or 'none'."""
    items = doc.items
    nxt = items[j + 1] if j + 1 < len(items) else None
    if nxt is None or nxt.sentence != items[j].sentence or _gap(doc, items[j], nxt) != " ":
        return "none"
    if nxt.kind in ("title", "change", "before"):
        return "title"
    if nxt.kind in ("honor", "cap", "rank"):
        return "object"
    return "none"


@functools.cache
def _title_gaps() -> frozenset[str]:
    """What may stand between two titles of one person: ", ", a space, or a title_links.tsv word
    ("Bí thư Tỉnh ủy kiêm Chủ tịch HĐND", "Ủy viên Bộ Chính trị và Bộ trưởng")."""
    return frozenset({", ", " "} | {f" {r['word']} " for r in resources.load("title_links") if r.get("kind") == "link"})


@functools.cache
def _of() -> frozenset[str]:
    """The words between a title and the holder it serves (title_links.tsv, kind of)."""
    return frozenset(f" {r['word']} " for r in resources.load("title_links") if r.get("kind") == "of")


@functools.cache
def _known() -> dict[str, str]:
    """Foreign leaders with Sino-Vietnamese names (known_persons.tsv): name key -> country."""
    return {key(r["name"]): r["country"] for r in resources.load("known_persons")}


def _envoy(doc: Doc, n: int) -> tuple[int, str, str] | None:
    """(the title's start, the posting gap, the host as written) when the name at n follows
    "TITLE COUNTRY tại HOST" ("Đại sứ Triều Tiên tại Việt Nam Ri Sung Guk"), else None."""
    if n < 3:
        return None
    title, sender, host = doc.items[n - 3:n]
    posted = _gap(doc, sender, host)
    if title.kind == "title" and sender.kind == "country" and host.kind in ("country", "place") \
            and not host.used and posted in _posted() and _gap(doc, title, sender) == " " \
            and _gap(doc, host, doc.items[n]) == " ":
        return title.start, posted, doc.article.text[host.start:host.end]
    return None


@functools.cache
def _posted() -> frozenset[str]:
    """The words between an envoy's country and the country they serve in (title_links.tsv, kind
    posted): "Đại sứ Nga tại Anh Alexander Yakovenko" is Russia's ambassador."""
    return frozenset(f" {r['word']} " for r in resources.load("title_links") if r.get("kind") == "posted")


def _opens_next_person(doc: Doc, j: int) -> bool:
    """Is the title at j followed by a name (then it is that person's: "..., Thủ tướng X")?"""
    k = j + 1
    while k < len(doc.items) and doc.items[k].kind in ("country", "org") and _gap(doc, doc.items[k - 1], doc.items[k]) == " ":
        k += 1
    return k < len(doc.items) and doc.items[k].kind == "cap" and _gap(doc, doc.items[k - 1], doc.items[k]) == " "


def _take_title(doc: Doc, c: Candidate, j: int, before: bool = False) -> int:
    """Read the title at j with the organisation and country after it; returns the next index."""
    lex, items = doc.lex, doc.items
    it = items[j]
    it.used = True
    row = lex.titles.get(key(it.text)) or {"normal": it.text, "org": "any"}
    title, org, country = row["normal"], row.get("organization"), None
    k = j + 1
    if k < len(items) and items[k].kind in ("org", "place") and _gap(doc, it, items[k]) == " " \
            and row["org"] != "none":
        o = items[k]
        o.used = True
        org = o.data["name"]
        country = o.data.get("country") or None
        orow = o.data.get("row")
        if orow is None or orow["in_title"] == "yes":
            title = f"{title} {org}"
        k += 1
    if k < len(items) and items[k].kind == "country" and _gap(doc, items[k - 1], items[k]) == " " \
            and not (k + 1 < len(items) and items[k + 1].kind == "cap" and _gap(doc, items[k], items[k + 1]) == " " and not before):
        items[k].used = True
        country = items[k].data["iso3"]
        if org:
            org = f"{org} {doc.article.text[items[k].start:items[k].end]}"
        elif row.get("of_country"):
            title = row["of_country"]   # "Chủ tịch Trung Quốc": the head of state
        k += 1
    end = items[k - 1].end  # the title in the article's tone placement ("Bí thư Tỉnh uỷ")
    written, folded = doc.article.text[it.start:end], doc.text[it.start:end]
    if written != folded:
        title, org = spelled(title, written, folded), org and spelled(org, written, folded)
    served = _served(doc, k)
    if served is not None:   # "đặc phái viên của Tổng Bí thư Tô Lâm": the post names whom it serves
        title = f"{title}{doc.article.text[end:served.end]}"
        k = items.index(served) + 1
    entry = {"title": title, "organization": org, "country": country, "at": it.start}
    changes = [t for t in c.titles if t.get("change") in ("start", "end") and "title" not in t]
    if changes and not before:
        entry["change"] = changes[-1]["change"]
        entry["past"] = changes[-1].get("past", False)
        if changes[-1].get("past"):
            changes[-1]["change"] = None  # "nguyên" binds to the one title after it
    if before:
        c.titles.insert(0, entry)
    else:
        c.titles.append(entry)
    return k


def _served(doc: Doc, k: int) -> Item | None:
    """The last item of "của TITLE [COUNTRY|ORG] [NAME]" starting at item k, when the gap before k is a
    title_links 'of' word; the items stay free for the holder's own chain."""
    items = doc.items
    if k >= len(items) or k == 0 or items[k].kind != "title" or _gap(doc, items[k - 1], items[k]) not in _of():
        return None
    last = k
    while last + 1 < len(items) and items[last + 1].kind in ("country", "org", "place", "cap") \
            and _gap(doc, items[last], items[last + 1]) == " ":
        last += 1
        if items[last].kind == "cap":
            break
    return items[last]


def _counterpart(doc: Doc, c: Candidate, j: int) -> list[dict]:
    """"tiếp người đồng cấp Lào, Trung tướng X": X holds the first title of the host named
    earlier in the sentence."""
    for it in reversed(doc.items[:j]):
        if it.sentence != c.item.sentence:
            break
        host = it.data.get("titles")
        if it.kind == "cap" and host and host[0]["title"]:
            return [{"title": host[0]["title"], "organization": None, "country": None, "at": doc.items[j].start}]
    return []


def _resolve(c: Candidate, index: dict) -> str | None:
    """The one full name in the article a short reference fits, by its last word."""
    token = c.tokens[-1]
    fits = [p for p in index.get((-1, token), ()) if p.name != token] or index.get((1, token), [])
    if not fits and c.cue:  # Lao and Thai names go by the first word: "đồng chí Khamlieng"
        fits = index.get((0, token), [])
    if len(fits) != 1:
        return token if c.cue in ("title", "rank") and names.foreign([token]) and _name_word(token) else None
    p = fits[0]
    if p.shape == "vn" and not c.cue:
        return None  # a bare Vietnamese given name may be a common word ("Chính sách", "Nam")
    return p.name


def _name_word(token: str) -> bool:
    """Can one word after a title be a person's name ("Tổng thống Putin", "Ngoại trưởng McCain")
    rather than a company ("Chủ tịch MobiFone", "GPBank", "C50") or an initial ("H.")?"""
    return (len(token) >= 3 and token.isalpha() and not names.org_like([token])
            and not any(ch.isupper() for ch in token[3:]) and not token[1:2].isupper())


def _emit(doc: Doc, span: tuple[int, int], sentence: int, p: Person, c: Candidate | None) -> None:
    start, end = span
    titles = [t["title"] for t in c.titles if t["title"]] if c else []
    org = next((t["organization"] for t in c.titles if t.get("organization")), None) if c else None
    country = (c.country if c and c.country else None) or p.country
    m = Mention(doc.article.doc_id, sentence, start, end, doc.article.text[start:end], "person", p.written or p.name,
                rank=(c.rank if c and c.rank else None) or p.rank, titles=titles, organization=org,
                country=country, in_caption=sentence in doc.caption)
    doc.mentions.append(m)
    doc.details[(start, end)] = [dict(t) for t in c.titles] if c else []
    if c is not None:
        c.item.data["titles"] = c.titles
        c.item.data["mention"] = m
        c.item.data["changes"] = [t.get("change") for t in c.titles]


def _title_refs(doc: Doc, people: dict) -> None:
    """A rank or title alone ("Trung tướng thông báo ...", "Thủ tướng khẳng định ...") for the
    article's only person holding it. A bare title held here only with a foreign country stated
    ("Bộ trưởng Quốc phòng Lào") is no reference to that holder; opening a sentence, it is the
    previous sentence's subject when that person's title is nowhere stated."""
    by_rank: dict[str, list[Person]] = {}
    by_title: dict[str, list[Person]] = {}
    for p in people.values():
        if p.rank:
            by_rank.setdefault(p.rank, []).append(p)
        for t, country in p.titles:
            if country in (None, p.country if p.country in (None, HOME) else None):
                by_title.setdefault(key(t), []).append(p)
    items = doc.items
    for n, it in enumerate(items):
        if it.used or it.kind not in ("rank", "title") or not it.text[:1].isupper():
            continue
        nxt = items[n + 1] if n + 1 < len(items) else None
        if nxt is not None and _gap(doc, it, nxt) == " " and nxt.kind in ("cap", "country", "org", "place"):
            continue
        word_before = doc.text[max(0, it.start - 12):it.start].split()
        if word_before and doc.lex.honorifics.get(word_before[-1].casefold()) == "plural":
            continue
        if _inside_name(doc, it, items[n - 1] if n else None):
            continue  # "Hội nghị Bộ trưởng Quốc phòng": part of a name
        if it.kind == "rank":
            normal = doc.lex.ranks.get(key(it.text))
            if key(it.text) not in doc.lex.rank_short or not normal:
                continue
            fits = by_rank.get(normal, [])
        else:
            row = doc.lex.titles.get(key(it.text)) or {"normal": it.text}
            fits = by_title.get(key(row["normal"]), [])
            if not fits and _opens(doc, it):
                fits = _subject_before(doc, it, people)
        if len(fits) == 1 and fits[0].in_body:
            c = None
            if it.kind == "title":
                row = doc.lex.titles.get(key(it.text)) or {"normal": it.text}
                c = Candidate(it, n, [], (it.start, it.end), False,
                              titles=[{"title": row["normal"], "organization": row.get("organization"),
                                       "country": None, "at": it.start}])
            _emit(doc, (it.start, it.end), it.sentence, fits[0], c)


def _inside_name(doc: Doc, it: Item, prev: Item | None) -> bool:
    """Does a capitalised word, alone or with one lower-case syllable ("Hội nghị"), stand right
    before the title? Then the title is part of a name, not a reference to a person."""
    start = doc.sentence_start(it.sentence)
    if prev is not None and prev.end > start:
        start = prev.end
    words = doc.text[start:it.start].split()
    if not words or words[-1][-1:].isalnum() is False:
        return False
    first = doc.text[doc.sentence_start(it.sentence):it.start].split()[:1]
    for k, w in enumerate(reversed(words[-2:])):
        if not w.isalpha():
            return False
        if w[:1].isupper():
            return not (first and w == first[0] and len(words) == 2 - k and start == doc.sentence_start(it.sentence))
    return False


def _opens(doc: Doc, it: Item) -> bool:
    return doc.text[doc.sentence_start(it.sentence):it.start].strip(" \"“‘'([-–") == ""


def _subject_before(doc: Doc, it: Item, people: dict) -> list[Person]:
    """The person opening the nearest news sentence before, if no title of theirs is stated."""
    for m in sorted(doc.mentions, key=lambda x: x.start, reverse=True):
        if m.kind != "person" or m.sentence >= it.sentence or m.in_caption:
            continue
        first = [x for x in doc.mentions if x.kind == "person" and x.sentence == m.sentence]
        first = min(first, key=lambda x: x.start)
        start = doc.sentence_start(first.sentence)
        p = people.get(canon(first.name))   # people are keyed by the folded name, mentions keep the written one
        opener = doc.text[start:first.start].strip(" \"“‘'([-–")
        if p is not None and not p.titles and (opener == "" or key(opener) in doc.lex.ranks):
            return [p]
        return []
    return []
