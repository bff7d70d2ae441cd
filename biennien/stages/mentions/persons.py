"""Persons: which capitalised runs name a person, with the rank, titles and country around them.

A run is a person when its shape says so (lexicon/shapes.py) or a cue stands right before it (an
honorific, a rank, a title: "ông", "Trung tướng", "Thủ tướng Lào"). The words around a name are
read as chains: before it "Tổng Bí thư, Chủ tịch nước Lào"; after it ", Ủy viên Trung ương Đảng,
Thứ trưởng Bộ Quốc phòng" or " được cử giữ chức ...". Short references ("Tướng Cương",
"ông Cương", "Whelan", "Trung tướng" alone) become the article's one full name they fit.

Country: stated (a country word before the name or after a title, an organisation of one country,
"người đồng cấp Lào") or, failing that, VNM for a Vietnamese-shaped name that holds a rank or a
title in the article; a foreign-shaped name without a stated country gets none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...lexicon import shapes as names
from ...lexicon.names import HOME
from ...records import Mention, TitleClaim
from ...text import canon, key, lower
from .doc import PERSON_CUES, QUALIFIERS, Candidate, Doc, Item, country_here, cue_behind
from . import countries, lists, things
from .fused import split_prefixes
from .lone import lone_name
from .countries import known_country
from .titles import _chains, _gap, services

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
    affiliation: str | None = None  # the country of the place the words after the name put them at


def find(doc: Doc) -> None:
    listed: set[str] = set()
    cands = [c for n, it in enumerate(doc.items) if it.kind == "cap" for c in _candidate(doc, n, it, listed)]
    named = things.named_otherwise(doc) | listed if cands else listed
    if named:   # a cue makes a person of a run the article names otherwise only when it has a name's shape
        cands = [c for c in cands if not (" ".join(c.tokens) in named and (not c.cue or c.full and not names.person_shape(c.tokens))
                                          or not c.cue and things.opens_with_named(c.tokens, named))]
    _bracketed_spellings(doc, cands)
    for c in cands:
        if c.full or c.cue:
            _chains(doc, c)
    lists.shared_posts(doc, cands)
    countries.delegations(doc, cands)
    split_prefixes(doc, cands)
    _given_names(doc, cands)
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
            if p.shape == "foreign" and p.country is None:
                p.affiliation = p.affiliation or things.affiliation(doc, c.index, c.surface[1])
            p.titles += [(t["title"], t["country"]) for t in c.titles
                         if t["title"] and (t["title"], t["country"]) not in p.titles]
    named_states = _countries_named(doc)
    foreign = named_states - {HOME}
    only = countries.only_state(doc, foreign)
    for p in people.values():
        if p.country is None:   # "Tập Cận Bình" is Chinese, whatever his title; a titled Vietnamese name, Vietnam's,
            # and any Vietnamese name in an article that names no other country ("bị can Trịnh Hoàng Dương")
            # or names Vietnam itself ("bà Lê Thị Thu Hằng" in news of Vietnam and China)
            p.country = known_country(p.name) or (HOME if p.shape == "vn" and (
                p.rank or p.titles or not foreign or HOME in named_states) and not p.romanised else None)
        if p.country is None and p.shape == "foreign":   # "X, giáo sư tại Đại học Sogang ở Seoul", else
            p.country = p.affiliation or (only if p.rank or p.titles else None)   # "Thủ tướng Andrej Babiš" in an article about the Czech Republic alone
    index: dict[tuple[int, str], list[Person]] = {}
    for p in people.values():
        words = p.name.split()
        index.setdefault((-1, words[-1]), []).append(p)
        if p.shape == "vn" and len(words) > 2:   # "Thủ tướng Lý" is "Lý Hiển Long": the family name first
            index.setdefault((2, words[0]), []).append(p)
        if p.shape == "foreign":
            index.setdefault((0, words[0]), []).append(p)
            for w in words[1:-1]:  # "Michelle Bachelet Jeria" is "Bachelet"
                index.setdefault((1, w), []).append(p)
    short = {id(c): _resolve(c, index) for c in cands if not c.full}
    titled = {short[id(c)] for c in cands if not c.full and short[id(c)] == c.tokens[-1]}
    for c in cands:   # "Tổng thống Putin ... ông Putin": the honorific names the one the title named; a
        # foreign word after one is a name of its own ("khi ông Netanyahu chuẩn bị phát biểu")
        if not c.full and c.cue == "honor" and short[id(c)] is None:
            short[id(c)] = c.tokens[-1] if c.tokens[-1] in titled else lone_name(doc, c, named, cands)
    anchored = countries.anchored(doc, people, cands, short)
    starts = {c.surface[0] for c in cands if c.full}
    for c in cands:   # "Chủ tịch HĐQT Vicostone" of "Công ty cổ phần Vicostone", "CEO Kodak - Antonio M. Perez":
        if not c.full and short[id(c)] == c.tokens[-1] and (   # the title's organisation, no person
                c.tokens[-1] in named or any(c.surface[1] + len(g) in starts for g in HOLDER_GAPS
                                             if doc.text.startswith(g, c.surface[1]))):
            short[id(c)] = None
    for c in cands:  # a caption may name in full who the news sentences call "Savchenko"
        if not c.full and c.item.sentence not in doc.caption and short[id(c)] in people:
            people[short[id(c)]].in_body = True
    for c in cands:
        name = " ".join(c.tokens) if c.full else short[id(c)]
        if name is None:
            continue
        p = people.get(name)
        if p is None:  # a titled single name with no full form here ("Tổng thống Putin")
            p = people.setdefault(name, Person(name, None, c.rank, c.country or known_country(name) or anchored.get(name)
                                               or (only if c.titles or c.rank else None), in_body=True))
        if not p.in_body:
            continue
        _emit(doc, c.surface, c.item.sentence, p, c)
    _title_refs(doc, people)


def _given_names(doc: Doc, cands: list[Candidate]) -> None:
    """A run of two words that ends exactly one longer full name of the article is that person
    by the given names ("bà Thu Nga" is "Châu Thị Thu Nga", "Jung Suk" "Jo Jung Suk");
    a run that opens with a family name is a full name of its own. A longer run whose extra words
    are Vietnamese before a foreign name, opening a clause wherever it stands, is that name with the
    clause's first word fused to it."""
    longer: dict[str, set[tuple[str, ...]]] = {}
    for c in cands:
        if c.full and len(c.tokens) > 2:
            longer.setdefault(c.tokens[-1], set()).add(tuple(c.tokens))
    if not longer:
        return
    fused: dict[tuple[str, ...], list[str]] = {}
    for c in cands:
        n = len(c.tokens)
        if c.full and 2 <= n <= 3 and names.person_shape(c.tokens) != "vn":
            fits = {t for t in longer.get(c.tokens[-1], ()) if len(t) > n and list(t[-n:]) == c.tokens}
            if len(fits) == 1:
                full = fits.pop()
                if names.foreign(c.tokens) and all(names.is_vietnamese(w) for w in full[:-n]) and all(
                        _clause_start(doc, o.item) for o in cands if o.full and tuple(o.tokens) == full):
                    fused[full] = c.tokens   # "Cảnh Song Hye Kyo": a sentence's first word fused to the name
                elif n == 2:   # the given names; "Thái tử Arab Mohammed bin Salman" stays apart
                    c.tokens = list(full)
    for c in cands:
        if c.full and tuple(c.tokens) in fused:
            c.tokens = list(fused[tuple(c.tokens)])
    _second_surnames(cands)


def _second_surnames(cands: list[Candidate]) -> None:
    """A foreign name of two words that opens exactly one longer foreign full name of the article
    is that person without the second family name ("Michelle Bachelet" is "Michelle Bachelet
    Jeria"); a number or a suffix ("Charles III", "Jr.") makes another person."""
    opening: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for c in cands:
        if c.full and len(c.tokens) > 2 and names.person_shape(c.tokens) == "foreign":
            opening.setdefault(tuple(c.tokens[:2]), set()).add(tuple(c.tokens))
    if not opening:
        return
    for c in cands:
        fits = opening.get(tuple(c.tokens), ()) if c.full and len(c.tokens) == 2 else ()
        if len(fits) == 1:
            full = next(iter(fits))
            if all(len(w) >= 4 and w.isalpha() and w[1:].islower() for w in full[2:]):
                c.tokens = list(full)


def _countries_named(doc: Doc) -> set[str]:
    """The countries the news sentences name."""
    sure = {it.data["iso3"] for it in doc.items if it.kind == "country" and not it.data.get("ambiguous")}
    seen = {it.data["iso3"] for n, it in enumerate(doc.items) if it.kind == "country" and it.sentence not in doc.caption
            and (not it.data.get("ambiguous") or country_here(doc, n, it.data["iso3"], sure))}
    return seen


HOLDER_GAPS = (" - ",)   # between a title's organisation and its holder's full name (a comma may follow a
                        # person: "người phát ngôn Tổng thống Putin, Dmitry Peskov")

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


def _candidate(doc: Doc, n: int, it: Item, listed: set[str]) -> list[Candidate]:
    """The person (a full name, or a short reference) a capitalised run may be; `listed` collects
    the runs a list names as things."""
    tokens = it.text.split()
    prev = _prev(doc, n)
    if prev is None and n and doc.items[n - 1].kind == "rank" and doc.text[doc.items[n - 1].end:it.start] in services():
        prev = doc.items[n - 1]   # "thượng tướng không quân Hứa Kỳ Lượng": the rank in a service
    cue = prev.kind if prev is not None and prev.kind in PERSON_CUES else None
    if prev is not None and prev.kind == "honor" and doc.lex.honorifics.get(prev.text) == "plural":
        cue = None
    if prev is not None and prev.kind in QUALIFIERS:  # "Thủ tướng Lào Sonexay"
        cue = cue_behind(doc, n - 1) or ("country" if prev.kind == "country" else None)  # "Mỹ Paul Whelan"
    if not cue and len(tokens) == 1 and canon(lower(doc.text[max(0, it.start - 16):it.start])).endswith(doc.lex.rulers):
        cue = "ruler"   # "chính quyền Assad", "dưới thời Clinton": the leader named
    if not cue and things.category_listed(doc, it):
        listed.add(it.text)   # "các thương hiệu như Circle K": Circle K names no person anywhere in the article
        return []
    if prev is not None and prev.kind == "other" or not cue and things.uncued_thing(doc, n) or things.model_numbered(doc, it):
        return []
    if not cue and len(tokens) > 1 and tokens[0] not in doc.lex.surnames and names.is_vietnamese(tokens[0]) \
            and (not tokens[0].isascii() or tokens[0] in doc.lex.openers) \
            and _clause_start(doc, it) and (names.person_shape(tokens[1:]) or len(tokens) == 2) \
            and not (n and doc.items[n - 1].kind == "cap" and doc.text[doc.items[n - 1].end:it.start] == " ("
                     and tokens[0] not in doc.lex.openers):
        # (a name's other spelling in brackets after it keeps its first word: "Doug Formon (Đâu Pho - mon)")
        drop = len(tokens[0]) + 1  # "Theo Nguyễn Văn A", "Khi Nadella": a clause's first word is no name
        tokens, it = tokens[1:], Item(it.start + drop, it.end, "cap", it.text[drop:], it.sentence)
    shape = names.person_shape(tokens)
    if shape == "vn" and len(tokens) == 2 and not cue:
        shape = None  # "Đồng Đăng", "Mai Linh": two syllables are a name only after a cue
    if shape != "vn" and cue != "honor" and _ends_in_place(doc, tokens):
        return []   # "Vissai Ninh Bình", "Fuda Bắc Kinh": a company named with its place
    if shape and not (shape == "foreign" and cue is None and _place_like(doc, tokens)):
        return [Candidate(it, n, tokens, (it.start, it.end), True, cue=cue)]
    if len(tokens) > 1 and tokens[0] in doc.lex.notname:
        return []   # "Bộ Các vấn đề toàn cầu", "The Business of Fashion": no name opens so
    if cue and cue != "country" and (2 <= len(tokens) <= 4 and not names.org_like(tokens)
                                     or len(tokens) == 2 and names.REGNAL.fullmatch(tokens[1])):   # "Giáo hoàng Leo XIV"
        return [Candidate(it, n, tokens, (it.start, it.end), True, cue=cue)]
    if cue or len(tokens) == 1 and not names.is_vietnamese(tokens[0]):
        # a short reference; bare, only a foreign word ("Whelan"): a bare Vietnamese word is
        # too often a common word at a sentence start ("Chính sách", "Nam")
        return [Candidate(it, n, tokens[-1:], (it.end - len(tokens[-1]), it.end), False, cue=cue)]
    return []


def _clause_start(doc: Doc, it: Item) -> bool:
    """Does the run open a clause: the sentence, a bullet ("* Cảnh ..."), brackets ("(Theo X)")
    or what follows a comma, colon or dash?"""
    before = doc.text[doc.sentence_start(it.sentence):it.start].rstrip(" ")
    if before.endswith(("(", "*", "•")):
        return True
    before = before.rstrip("\"“‘'([")
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


def _resolve(c: Candidate, index: dict) -> str | None:
    """The one full name in the article a short reference fits, by its last word."""
    token = c.tokens[-1]
    fits = [p for p in index.get((-1, token), ()) if p.name != token]
    fits += [p for p in index.get((1, token), ()) if p not in fits]   # "Bachelet": "Michelle Bachelet Jeria" too
    if not fits and c.cue:  # Lao and Thai names go by the first word: "đồng chí Khamlieng"
        fits = index.get((0, token), [])
    if not fits and c.cue in ("title", "rank"):
        fits = index.get((2, token), [])
    elif not fits and c.cue == "honor":   # "ông Tập" is Tập Cận Bình: a foreigner's family name, first
        fits = [p for p in index.get((2, token), []) if p.country not in (None, HOME)]
    if len(fits) != 1:
        # "Tổng thống Putin": a foreign word after a title names the person the article gives no
        # full name ("ông Trump" does not: BKEE dev persons precision 0.416 -> 0.401 when it did)
        return token if c.cue in ("title", "rank", "ruler") and names.foreign([token]) and _name_word(token) else None
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
    doc.details[(start, end)] = [TitleClaim(t["title"], t.get("organization"), t.get("country"), t.get("change"),
                                            bool(t.get("past")), t.get("at")) for t in c.titles] if c else []
    if c is not None:
        c.item.data["titles"] = c.titles


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
            if row.get("org") == "needed":
                continue   # "Lãnh đạo" alone names no post
            fits = by_title.get(key(row["normal"]), [])
            if not fits and _opens(doc, it):
                fits = _subject_before(doc, it, people)
        if len(fits) == 1 and fits[0].in_body:
            c = None
            if it.kind == "title":   # `row` is this title's, read above
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
