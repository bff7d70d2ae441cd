"""The name lexicon: resource rows compiled once into trie-shaped regexes and lookup tables.

Everything the mention finder knows about Vietnamese names, titles, places and organisations is
a row in `resources/vi/`; this module only turns those rows into fast matchers. One regex
(`Lexicon.scan`) finds, in one C-level pass over an article, every title, rank, honorific,
country, place, named organisation, name head and capitalised run; Python then only looks at the
hits. Spelling variants of tone placement ("Hoà"/"Hòa", "uỷ"/"ủy") are folded by `text.canon`,
which keeps string length, so offsets found on the folded text are offsets into the article.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import resources
from . import compiled
from ..text import UPPER, canon, cased, casings, is_vietnamese, key, trie_pattern

# a capitalised word; or an abbreviation of two capitals joined by a dot, none after it ("Ủy ban T.Ư MTTQ",
# "Bệnh viện T.Ư Quân đội 108": Trung ương), which no initials are ("H.R. McMaster")
CAP_WORD = rf"(?:[{re.escape(UPPER)}]\.[{re.escape(UPPER)}](?![^\W_]|\.)|[{re.escape(UPPER)}][^\W_]*(?:[-'’][^\W_]+)*)"
# A transliterated name's syllables written with spaced hyphens ("Prayut Chan - o - cha", "Moon Jae
# - in", "Thoong - lun Xi - xu - lit"): two lower-case syllables so joined are never prose; one only
# before a stop or the next such word (" - cục trưởng ...", " - nơi ..." are an apposition)
_SYLLABLE = rf"[ ]-[ ](?![{re.escape(UPPER)}])[^\W\d_]{{1,5}}(?![^\W_])"
SPACED = (rf"(?:(?:{_SYLLABLE}){{2,}}|{_SYLLABLE}(?=[ ]?[^\w\s-]|[ ]?$|[ ][{re.escape(UPPER)}][^\W_]*{_SYLLABLE}))?")
INITIAL = rf"[{re.escape(UPPER)}][^\W\d_]?\."


HOME = "VNM"   # the press biennien reads is Vietnamese: a titled Vietnamese name or an unqualified
               # "Bộ Công an" with no country stated is Vietnam's


@dataclass(slots=True)
class Lexicon:
    scan: re.Pattern                    # the one pass: a listed phrase (`word`) or a capitalised run
    kinds: dict[str, str]               # listed phrase as written -> title rank known change before head honor
    titles: dict[str, dict]             # key -> {normal, org, ministry}
    ranks: dict[str, str | None]        # key -> normal rank (None: a cue only, "Tướng")
    rank_short: set[str]                # keys of ranks that may stand alone for a person
    honorifics: dict[str, str]          # as written -> kind
    countries: dict[str, dict]          # key -> {iso3, ambiguous}
    country_name: dict[str, str]        # iso3 -> canonical Vietnamese name
    places: dict[str, dict]             # key -> {country, kind}
    orgs: dict[str, dict]               # key -> row (+ normal)
    heads: dict[str, dict]              # key -> name_heads row
    changes: dict[str, dict]            # key -> role_changes row
    surnames: frozenset[str]            # canon forms
    korean: frozenset[str]              # Korean family names, as written
    hyphen_given: frozenset[str]        # given names that open a hyphenated one ("Jean - Claude")
    particles: frozenset[str]
    orgwords: frozenset[str]
    joiners: frozenset[str]
    notname: frozenset[str]
    work_words: frozenset[str]          # notname's English words in lower case: inside a work's title ("the Wind Blows")
    notorg: frozenset[str]
    openers: frozenset[str]             # plain-letter words that open a clause ("Theo", "Khi"), never a name
    credits: frozenset[str]             # words before a source that ends its sentence (", theo Phil Star.")
    reports: tuple[str, ...]            # words after an outlet that reports ("Itar Tass dẫn lời ông X")
    categories: tuple[str, ...]         # things a "như" list names ("các thương hiệu như Kichi Kichi, ...")
    listers: tuple[str, ...]            # words that open such a list (" như ", " gồm: "), spaced
    list_joiners: frozenset[str]        # words that join the last item of such a list ("và", "hay")
    appositions: tuple[str, ...]        # ", nhóm ": after a run, say it is an organisation
    located: tuple[str, ...]            # "tại ", "ở ": a place after them is where someone is
    nationality: tuple[str, ...]        # "người ", "quốc tịch ": a country after them is a person's own
    rulers: tuple[str, ...]             # "chính quyền ", "dưới thời ": a foreign word after them is a leader
    trades: re.Pattern                  # lower-case words of an organisation's trade or kind after its head ("chứng khoán")
    tail_place: re.Pattern              # after an organisation head needing a place
    tail_name: re.Pattern               # after a head needing a capitalised name
    tail_number: re.Pattern
    between: re.Pattern                 # the gap a change verb may stand behind ("đã", "vừa", "(trái)")


def _rows(name: str) -> tuple[dict, ...]:
    return resources.load(name)


@functools.cache
def country_rows() -> tuple[dict, ...]:
    """countries.tsv, and each country name after a form of state (state_forms.tsv: "Vương quốc
    Thái Lan", "Cộng hòa Pháp") as one more spelling of it, never ambiguous."""
    rows = _rows("countries")
    have = {key(r["name"]) for r in rows}
    formed = {f"{f['form']} {r['name']}": r["iso3"] for f in _rows("state_forms") for r in rows if r["kind"] == "name"}
    return rows + tuple({"name": name, "iso3": iso3, "kind": "variant", "ambiguous": "", "example": name}
                        for name, iso3 in formed.items() if key(name) not in have)


def _with_ministry() -> list[tuple[dict, dict, str]]:
    """A title that names its ministry ("Bộ trưởng" + "Quốc phòng"): (title row, ministry row,
    spelling) for every ministry and each of its spellings; computed once, read by the titles
    table and by the scan's words."""
    return [(row, org, written) for row in _rows("titles") if row["org"] == "ministry"
            for org in _rows("organizations") if org["kind"] == "ministry"
            for name in filter(None, (org["name"], org["short"])) for written in _cases(name)]


def _titles(with_ministry: list[tuple[dict, dict, str]]) -> dict[str, dict]:
    """key -> {normal, org, of_country}; a title with its ministry -> {normal, org "none",
    organization, org_written}."""
    titles: dict[str, dict] = {}
    for row in _rows("titles"):
        titles[key(row["title"])] = {"normal": row["normal"] or row["title"], "org": row["org"], "of_country": row.get("of_country")}
    plain = dict(titles)
    for row, org, written in with_ministry:
        tkey = key(row["title"])
        t = plain[tkey]
        if t["org"] != "ministry":
            continue
        normal_org = org["normal"] or org["name"]
        full = f"{tkey} {key(written)}"
        normal = f"{t['normal']} {normal_org}"
        if full not in titles or titles[full]["normal"] == normal:
            titles[full] = {"normal": normal, "org": "none", "organization": normal_org, "org_written": written}
    for prefix in _prefixes():   # "Phó Trợ lý Ngoại trưởng", "quyền Bộ trưởng": a deputy's or an acting post
        for tkey, t in list(plain.items()):
            full = f"{key(prefix)} {tkey}"
            if not tkey.startswith(f"{key(prefix)} ") and full not in titles:
                titles[full] = {**t, "normal": f"{prefix} {t['normal']}", "of_country": None}
    return titles


FIELD_JOINS = re.compile(r", | - | và ")   # between the fields a ministry's name joins


def _cases(written: str) -> set[str]:
    """A ministry's name as written, in title case ("Bộ Quốc Phòng"), in sentence case (only its
    first two words capitalised: "Bộ Thông tin và truyền thông"), and its fields joined without
    "và", commas or dashes, with dashes, or with "và" before the last alone ("Bộ Thông tin Truyền
    thông", "Bộ Thông tin - truyền thông", "Bộ Văn hóa Thể thao và Du lịch", "Bộ Lao động
    Thương binh và Xã hội")."""
    fields = FIELD_JOINS.split(written)
    joins = {written, " ".join(fields), " - ".join(fields)}
    if len(fields) > 2:
        joins |= {f"{' '.join(fields[:-1])} và {fields[-1]}", f"{', '.join(fields[:-1])} và {fields[-1]}"}
    out: set[str] = set()
    for joined in joins:
        words = joined.split()
        out |= {joined, " ".join(w[:1].upper() + w[1:] for w in words),
                " ".join(words[:2] + [w if w.isupper() else w.lower() for w in words[2:]])}
    return out


def _tails(title: str) -> list[str]:
    """A title row of six words or more with its last words in lower case, from any word on
    ("Chủ nhiệm Tổng cục chính trị"); shorter ones get every casing from text.casings."""
    words = title.split(" ")
    return [" ".join([*words[:k], *(w.lower() for w in words[k:])]) for k in range(2, len(words))] if len(words) > 5 else []


def _prefixes() -> list[str]:
    """title_links.tsv words of kind prefix: before any title they make another post ("Phó", "Quyền")."""
    return [r["word"] for r in _rows("title_links") if r["kind"] == "prefix"]


def _cap_run(listed: set[str], named: set[str], head_rows: list[dict], particles: frozenset[str]) -> str:
    """A capitalised run of words: a name, or a phrase that may be one. It joins particles and
    middle initials, and stops before a title or a rank (`listed`) and the words below."""
    particle = "|".join(sorted(particles))
    # A capitalised run stops before a title, a rank, a named organisation, an unambiguous country
    # or a many-word organisation head ("Theo Bộ Quốc phòng" is no name "Theo Bộ Quốc").
    # a name-like organisation ("Mai Linh") may be part of a name
    stop_words = {w for w in named if not all(t[:1].isupper() and is_vietnamese(t) for t in w.split())}
    stop_words |= {canon(r["name"]) for r in country_rows() if r["ambiguous"] != "yes"}
    stop_words |= {canon(r["word"]) for r in head_rows if r["kind"] == "organization"
                   and (" " in r["word"] or r["word"].isupper())}
    stop = rf"{trie_pattern(listed | stop_words)}(?![^\W_])"
    # particles ("bin", "al - Assad", "von der"), middle initials ("Mavis L. Wanczyk")
    # middle initials glued to the surname ("John F.Kelly", "Mustafa A.G. Abushagur"); an "O'" or
    # "D'" written with spaces ("Andrew O ’ Neil")
    glued = rf"[ ](?:[{re.escape(UPPER)}]\.){{1,3}}[ ]?(?=[{re.escape(UPPER)}][^\W\d_]*[a-z])"
    apostrophe = r"(?<![^\W_]{2})(?<=[OD])[ ]?['’][ ]?"
    joint = rf"(?:[ ]{INITIAL}[ ]|{glued}|{apostrophe}|[ ](?:(?:{particle})(?:[ ]|[ ]?-[ ]?)){{0,2}})"
    cap_run = (rf"{CAP_WORD}{SPACED}(?:{joint}(?!{stop}){CAP_WORD}{SPACED})*"
               rf"(?:[ ]{INITIAL})?")
    return cap_run


@functools.cache
def lexicon() -> Lexicon:
    with_ministry = _with_ministry()
    titles = _titles(with_ministry)
    orgs: dict[str, dict] = {}
    for row in _rows("organizations"):
        orgs[key(row["name"])] = {**row, "normal": row["normal"] or row["name"]}
        if row["kind"] == "ministry":
            for written in _cases(row["name"]):
                orgs.setdefault(key(written), orgs[key(row["name"])])
    ranks = {key(r["rank"]): r["normal"] for r in _rows("ranks")}
    rank_short = {key(r["rank"]) for r in _rows("ranks") if r["short"] == "yes"}
    honorifics = {}
    for row in _rows("honorifics"):
        for w in cased(canon(row["word"])):
            honorifics.setdefault(w, row["kind"])
    countries, country_name = {}, {}
    for row in country_rows():
        countries[key(row["name"])] = {"iso3": row["iso3"], "ambiguous": row["ambiguous"] == "yes"}
        if row["kind"] == "name":
            country_name.setdefault(row["iso3"], row["name"])
    places: dict[str, dict] = {}
    for r in _rows("places"):
        places.setdefault(key(r["name"]), {"country": r["country"], "kind": r["kind"], "name": r["name"]})
    heads = {key(r["word"]): r for r in _rows("name_heads") if r["kind"] in ("organization", "location", "other")}
    descriptors = [canon(r["word"]) for r in _rows("name_heads") if r["kind"] == "descriptor"]
    orgwords = frozenset(canon(r["word"]) for r in _rows("name_heads") if r["kind"] == "orgword")
    joiners = frozenset(canon(r["word"]) for r in _rows("name_heads") if r["kind"] == "joiner")
    notname = frozenset(r["word"] for r in _rows("name_heads") if r["kind"] == "notname")
    work_words = frozenset(w.lower() for w in notname if w.isascii())
    notorg = frozenset(r["word"] for r in _rows("name_heads") if r["kind"] == "notorg")
    openers = frozenset(r["word"] for r in _rows("name_heads") if r["kind"] == "opener")
    credits = frozenset(r["word"] for r in _rows("name_heads") if r["kind"] == "credit")
    reports = tuple(f" {r['word']}{end}" for r in _rows("name_heads") if r["kind"] == "reports" for end in " ,")
    categories = tuple(r["word"] for r in _rows("name_heads") if r["kind"] == "category")
    listers = tuple(f" {r['word']} " for r in _rows("name_heads") if r["kind"] == "lister")
    list_joiners = frozenset(r["word"] for r in _rows("name_heads") if r["kind"] == "list_joiner")
    appositions = tuple(f", {r['word']} " for r in _rows("name_heads") if r["kind"] == "apposition")
    rulers = tuple(f"{canon(r['word'])} " for r in _rows("name_heads") if r["kind"] == "ruler")
    trade_words = sorted({canon(r["word"]) for r in _rows("name_heads") if r["kind"] in ("trade", "descriptor")},
                         key=len, reverse=True)
    trades = re.compile(rf"(?:(?:{'|'.join(map(re.escape, trade_words))})(?: |$))+")
    located = tuple(f" {r['word']} " for r in _rows("name_heads") if r["kind"] == "location" and r["tail"] == "known")
    nationality = tuple(f"{r['word']} " for r in _rows("name_heads") if r["kind"] == "nationality")
    changes = {key(r["phrase"]): r for r in _rows("role_changes")}
    surnames = frozenset(canon(r["name"]) for r in _rows("surnames") if r["kind"] == "surname")
    particles = frozenset(r["name"] for r in _rows("surnames") if r["kind"] == "particle")
    korean = frozenset(r["name"] for r in _rows("surnames") if r["kind"] == "korean")
    hyphen_given = frozenset(r["name"] for r in _rows("surnames") if r["kind"] == "hyphen_given")

    # The one scan. Case-insensitive groups: titles, ranks. Case-sensitive: the rest. Groups are
    # tried in this order at each word start; `known` holds organisations, countries and places
    # in one trie so that the longest wins ("Lào Cai" over "Lào").
    title_words = {canon(w) for w in [*(r["title"] for r in _rows("titles"))]}
    bare = list(title_words)
    title_words |= {f"{canon(row['title'])} {canon(written)}" for row, _, written in with_ministry}
    lower_titles = {v for w in title_words for v in casings(w)} | {v for w in bare for t in _tails(w) for v in casings(t)}
    # a deputy's or acting post in every casing of its title ("Phó chủ nhiệm Tổng cục chính trị")
    lower_titles |= {f"{pv} {v}" for p in _prefixes() for w in bare if not key(w).startswith(f"{key(p)} ")
                     for pv in casings(canon(p)) for t in [w, *_tails(w)] for v in casings(t)}
    rank_words = {v for r in _rows("ranks") for v in casings(canon(r["rank"]))}
    change_words = {canon(r["phrase"]) for r in _rows("role_changes") if r["where"] == "clause"}
    between_words = sorted({canon(r["phrase"]) for r in _rows("role_changes") if r["where"] == "between"},
                           key=len, reverse=True)
    between = re.compile(r"[ ]*[,\-–]?[ ]*(?:\([^()\n]{1,30}\)[ ]+)?(?:(?:"
                         + "|".join(map(re.escape, between_words)) + r")[ ]+){0,4}")
    before_words = {canon(r["phrase"]) for r in _rows("role_changes") if r["where"] == "before_title"}
    named = {canon(r["name"]) for r in _rows("organizations")}
    # a ministry in sentence case ("Bộ Thông tin và truyền thông"), often with a lower-case "bộ"
    # ("Phó Chánh văn phòng bộ Công an")
    named |= {canon(v) for r in _rows("organizations") if r["kind"] == "ministry" for w in _cases(r["name"])
              for v in (w, w[:1].lower() + w[1:])}
    country_words = {canon(r["name"]) for r in country_rows()}
    place_words = {canon(r["name"]) for r in _rows("places")}
    head_rows = [r for r in _rows("name_heads") if r["kind"] in ("organization", "location", "other")]
    head_words = {w for r in head_rows for w in cased(canon(r["word"]))}
    honor_words = set(honorifics)
    b, e = r"(?<![^\W_])", r"(?![^\W_])"
    cap_run = _cap_run(lower_titles | rank_words, named, head_rows, particles)
    # One trie for every listed phrase (the longest wins whatever its kind: "Đại sứ quán" over
    # "Đại sứ", "Tổng cục trưởng" over "Tổng cục"); a phrase in two lists takes the first kind.
    kinds: dict[str, str] = {}
    compounds = {w for r in _rows("name_heads") if r["kind"] == "compound" for w in cased(canon(r["word"]))}
    for kind, words in (("title", lower_titles), ("rank", rank_words), ("known", named | country_words | place_words),
                        ("change", {w for c in change_words for w in cased(c)}),
                        ("before", {w for c in before_words for w in cased(c)}),
                        ("head", head_words), ("honor", honor_words), ("compound", compounds)):
        for w in words:
            kinds.setdefault(w, kind)
    # Cue words only count before a capital or a number ("ông Cương", "tại Moskva", "làm Thứ
    # trưởng"): guarding them keeps the scan from stopping at every "ở", "làm" or "bà".
    desc = "|".join(re.escape(d) for d in sorted(descriptors, key=len, reverse=True))
    loc_heads = [canon(r["word"]) for r in _rows("name_heads")
                 if r["kind"] == "location" and r["tail"] not in ("none", "known")]
    loc = trie_pattern({w for h in loc_heads for w in cased(h)})
    cue = rf"(?=[ ]+[{re.escape(UPPER)}\d])"
    org_cue = rf"(?=[ ]+(?:[{re.escape(UPPER)}\d]|(?:{desc}|{loc})[ ]))"  # "công an tỉnh X", "công ty cổ phần X"
    # "cựu", "nguyên", "tân" also before a title written in lower case ("vợ cựu tổng thống X")
    before_cue = rf"(?=[ ]+(?:[{re.escape(UPPER)}\d]|{trie_pattern(lower_titles)}(?![^\W_])))"
    guard = {w: before_cue for w, k in kinds.items() if k == "before" and " " not in w}
    guard |= {w: cue for w, k in kinds.items()
             if k == "honor" or k == "change" and " " not in w
             or k == "head" and key(w) in heads and heads[key(w)]["kind"] == "location"}
    quoted_cue = rf"(?=[ ]+(?:[\"“][ ]?)?[{re.escape(UPPER)}\d])"   # a work's name is often quoted: 'chiến dịch " Cành Oliu "'
    guard |= {w: quoted_cue for w, k in kinds.items() if k == "head" and key(w) in heads and heads[key(w)]["kind"] == "other"}
    guard.update({w: org_cue for w, k in kinds.items()
                  if k == "head" and key(w) in heads and heads[key(w)]["kind"] == "organization"})
    scan = compiled.compile(rf"{b}(?:(?P<word>{trie_pattern(kinds, guard)})|(?P<cap>{cap_run})){e}")
    tail_name = compiled.compile(rf"(?:[ ](?:{desc}))*[ ]*(?:(?P<prefix>{loc})[ ]*)?(?:[\"“][ ]?)?(?P<name>{cap_run}|\d+)")
    tail_place = compiled.compile(rf"[ ]+(?:(?P<prefix>{loc})[ ]*)?(?P<name>{cap_run}|\d+)")
    tail_number = compiled.compile(rf"[ ]+(?P<name>{cap_run}|\d+)")
    return Lexicon(scan=scan, kinds=kinds, titles=titles, ranks=ranks, rank_short=rank_short, honorifics=honorifics,
                   countries=countries, country_name=country_name, places=places, orgs=orgs, heads=heads,
                   changes=changes, surnames=surnames, korean=korean, hyphen_given=hyphen_given, particles=particles, orgwords=orgwords, joiners=joiners, notname=notname, work_words=work_words, notorg=notorg, openers=openers, credits=credits, reports=reports, categories=categories, listers=listers, list_joiners=list_joiners, appositions=appositions, located=located, nationality=nationality, rulers=rulers, trades=trades,
                   tail_place=tail_place, tail_name=tail_name, tail_number=tail_number,
                   between=between)
