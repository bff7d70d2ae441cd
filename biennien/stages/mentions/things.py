"""Capitalised runs that name a thing, not a person: an organisation, a place, a work, a source.

A run with no person cue before it is no person when the article names the same words by a head
elsewhere ("Công ty cổ phần Vicostone"), lists it among things ("các thương hiệu như Circle K"),
credits it as a source (", theo Phil Star."), writes it in an address ("trú 240 Phan Đăng Lưu",
"Buôn Trấp, Krông Ana, Đắk Lắk") or gives it a model number ("Il -18").
"""
from __future__ import annotations

import functools
import re

from ...lexicon import shapes as names
from ...lexicon.names import HOME
from ...text import key
from .doc import Doc, Item


def named_otherwise(doc: Doc) -> set[str]:
    """The names (as the scan reads them) the article gives an organisation, a place or a thing by
    a head ("Công ty cổ phần Vicostone", "thị trấn Khan Shaikhoun", "tập trận Red Flag"): the same
    words with no person cue elsewhere in it name that organisation, place or thing, not a person."""
    named: set[str] = set()
    for it in doc.items:
        kind = it.kind
        if kind == "other" or (kind == "org" or kind == "place") and (it.data.get("head") or kind == "org"
                                                                     and it.data.get("row") is None):
            words = it.text.split()
            tail, head = len(words), len(it.data["head"].split()) if kind == "org" and it.data.get("head") else 0
            while tail > head and words[tail - 1][:1].isupper():   # "Đài Channel One" names "Channel One"
                tail -= 1
            if tail < len(words) and not (kind == "other" and names.person_shape(words[tail:]) == "vn"):
                named.add(" ".join(words[tail:]))   # "áp giải Đoàn Thị Hương" names her, no prize
    return named


def uncued_thing(doc: Doc, n: int) -> bool:
    """Does a run with no person cue before it name a thing by where it stands: a source, a place
    of an address or of a country, an organisation (apposed, coordinated, joined by "&", glued to
    a company's suffix), a signature, a street, a work's title?"""
    it = doc.items[n]
    return (credited(doc, it) or before_country(doc, n) or in_address(doc, n) or org_apposed(doc, it)
            or coordinated_with_org(doc, n) or signed(doc, it) or firm_joined(doc, it) or in_work_title(doc, it)
            or quoted(doc, it) or after_org_head(doc, it) or abbreviated(doc, it)
            or HOUSE_NUMBER.search(doc.text, max(0, it.start - 16), it.start) is not None)


def after_org_head(doc: Doc, it: Item) -> bool:
    """Is a run of no Vietnamese name's shape an organisation's or a thing's name after its head and
    the words of its trade or kind (name_heads.tsv trade: "Công ty cổ phần chứng khoán Golden Gate",
    "hãng dầu mỏ Shell Oil", "nhóm nổi dậy Ahrar al - Sham", "tàu chở dầu Pacific Star")? The scan joins only
    descriptors to a head, since a trade may open a name in sentence case ("Viện nghiên cứu các
    vấn đề Nam Á"); a person named there has a cue of their own ("công ty của ông X")."""
    before = doc.text[max(doc.sentence_start(it.sentence), it.start - 60):it.start]
    if not before.endswith(" "):
        return False
    words = before.split()
    for k in range(1, 6):   # syllables
        if len(words) < k + 1 or not doc.lex.trades.fullmatch(" ".join(words[-k:])):
            continue
        for h in (words[-k - 2:-k], words[-k - 1:-k]):
            row = doc.lex.heads.get(key(" ".join(h))) if len(h) else None
            if row is not None and row["kind"] in ("organization", "other") and row["tail"] == "name":
                return names.person_shape(it.text.split()) != "vn"   # asked last: the words before rarely fit
    return False


ABBREVIATION = re.compile(r" ?\(([A-Z][A-Z&]{1,6})\)")


def abbreviated(doc: Doc, it: Item) -> bool:
    """Is the run followed by its abbreviation in brackets ("Civil Human Rights Front (CHRF)",
    "Hayat Tahrir al - Sham (HTS)")? Organisations are so introduced, persons are not."""
    m = ABBREVIATION.match(doc.text, it.end)
    return m is not None and m.group(1)[0] == it.text[:1] and len(it.text.split()) >= 2


OPEN_QUOTES, CLOSE_QUOTES = ('"', "“"), ('"', "”")


def quoted(doc: Doc, it: Item) -> bool:
    """Is the run alone between quotes ('bức " Hoa Súng "', "chiến dịch “Lá Chắn”", '" Lunar
    New Year "')? A quoted capitalised run is a title, a name of an operation or a phrase; a
    person is named unquoted. A straight quote opens when the sentence before it holds an even
    number of them."""
    text = doc.text
    before, after = text[max(0, it.start - 2):it.start].rstrip(" "), text[it.end:it.end + 2].lstrip(" ")
    if not before.endswith(OPEN_QUOTES) or not after.startswith(CLOSE_QUOTES):
        return False
    return before[-1] == "“" or text.count('"', doc.sentence_start(it.sentence), it.start) % 2 == 1


AMPERSAND = (" & ", "&")


def firm_joined(doc: Doc, it: Item) -> bool:
    """Is the run joined to another by "&" ("Bill & Melinda Gates", "White & Case": a firm or a
    foundation), or glued to a dot and a letter ("Breton S.p.A", "Amazon.com": a company, a site)?"""
    text = doc.text
    return (text.endswith(AMPERSAND, 0, it.start) or text.startswith(AMPERSAND, it.end)
            or (m := GLUED.match(text, it.end)) is not None and m.group(1).islower())


GLUED = re.compile(r"\.?(?<=\.)([^\W\d_])")   # "S.p.A", ".com": a dot, then a lower-case letter with no space
# (not a second initial: "Đinh Thị V.A.")


def in_work_title(doc: Doc, it: Item) -> bool:
    """Does an English function word in lower case (name_heads.tsv notname, lower-cased) stand right
    before the run, after an English word or alone not Vietnamese ("That Winter, the Wind Blows",
    "Lord of the Rings")? The run is part of a work's title, no person."""
    before = doc.text[max(0, it.start - 40):it.start].split()
    if not before or before[-1] not in doc.lex.work_words or before[-1] == "and":
        return False   # "Barack and Michelle Obama": "and" joins two names as often as a title's words
    prior = before[-2].strip(",:;\"“'") if len(before) > 1 else ""
    return not names.is_vietnamese(before[-1]) or bool(prior) and prior[:1].isupper() and names.foreign([prior])


def credited(doc: Doc, it: Item) -> bool:
    """Is the run the source a sentence ends by crediting (", theo Phil Star.", "(theo Reuters)"),
    or an outlet reporting ("Itar Tass dẫn lời ...")?"""
    sentence = doc.sentences[it.sentence]
    if doc.text.startswith(doc.lex.reports, it.end):
        return True   # "Itar Tass dẫn lời ông X": an outlet
    if doc.text[it.end:sentence.end].strip(" .)]”\"'…"):
        return False
    before = doc.text[max(sentence.start, it.start - 12):it.start].split()
    return bool(before) and before[-1].lstrip("([") in doc.lex.credits


HOUSE_NUMBER = re.compile(r"(?<![^\W_])(?!(?:19|20)\d\d )\d+(?:/\d+)*[A-Za-z]? \Z")   # "trú 240 Phan Đăng Lưu", "72/83/23 Huỳnh Văn Nghệ": a street


@functools.cache
def _listed(joiners: frozenset[str]) -> re.Pattern:
    """"A, B và ": the runs listed before (name_heads.tsv, list_joiner)."""
    joined = "|".join(f" {re.escape(w)} " for w in sorted(joiners, key=len, reverse=True))
    return re.compile(rf"(?:[^\W\d_][^,;:.()]*?(?:, |{joined}))*")


def category_listed(doc: Doc, it: Item) -> bool:
    """Is the run in a list that a category of things (name_heads.tsv, category) opens with a
    lister word: "các thương hiệu ẩm thực như Kichi Kichi, Magic Pan", "công ty lớn như Rio
    Tinto", "Những công ty này gồm: Microsoft, ..., Reckitt Benckiser"?"""
    before = doc.text[doc.sentence_start(it.sentence):it.start]
    at, width = max((before.rfind(w), len(w)) for w in doc.lex.listers)
    joiners = doc.lex.list_joiners
    if at < 0 or not _listed(joiners).fullmatch(before[at + width:]) or not all(
            w[:1].isupper() or w in joiners or len(w) <= 2 for w in before[at + width:].replace(",", " ").split()):
        return False
    head = " ".join(before[:at].rsplit(",", 1)[-1].split()[-8:]).casefold()   # the clause before "như"
    return any(f" {c} " in f" {head} " for c in doc.lex.categories)


def before_country(doc: Doc, n: int) -> bool:
    """Is the run a place of the country named right after it ("phía nam New Brunswick, Canada.",
    "tại Idlib, Syria, ...")? A comma, the country, and the clause ends."""
    nxt = doc.items[n + 1] if n + 1 < len(doc.items) else None
    return (nxt is not None and nxt.kind == "country" and not nxt.data.get("ambiguous")
            and doc.text[doc.items[n].end:nxt.start] == ", " and doc.text[nxt.end:nxt.end + 1] in ("", ",", ".", ";", ")"))




def in_address(doc: Doc, n: int) -> bool:
    """Is the run a place between two places of an address ("thị trấn Buôn Trấp, Krông Ana, Đắk
    Lắk)")? A place, a comma, the run, a comma, a known place, and the clause ends."""
    items, text = doc.items, doc.text
    if not 0 < n < len(items) - 1:
        return False
    prev, it, nxt = items[n - 1], items[n], items[n + 1]
    return (prev.kind == "place" and nxt.kind == "place" and nxt.data.get("country") is not None
            and text[prev.end:it.start] == ", " and text[it.end:nxt.start] == ", "
            and text[nxt.end:nxt.end + 1] in ("", ",", ".", ";", ")"))


MODEL = re.compile(r"[ ]?-\d")   # "Illyushin Il -18", "F -15": a model and its number


def model_numbered(doc: Doc, it: Item) -> bool:
    """Is the run a model with its number glued by a dash ("Illyushin Il -18")? No name is."""
    return MODEL.match(doc.text, it.end) is not None


def opens_with_named(tokens: list[str], named: set[str]) -> bool:
    """Does the run open with two or more words the article names a thing by ("Red Flag Alaska"
    after "tập trận Red Flag")?"""
    return any(" ".join(tokens[:k]) in named for k in range(2, len(tokens)))


def org_apposed(doc: Doc, it: Item) -> bool:
    """Does an apposition call the run an organisation ("Jemaah Islamiyah, nhóm có liên hệ với
    Al - Qaeda", "American Suzuki, nhà phân phối duy nhất")?"""
    return doc.text.startswith(doc.lex.appositions, it.end)


def coordinated_with_org(doc: Doc, n: int) -> bool:
    """Is the run coordinated with an organisation a head named right before it ("nhóm Hurras
    al - Deen và Ansar al - Islam")? A Vietnamese full name may be a person beside a company."""
    if n == 0:
        return False
    prev, it = doc.items[n - 1], doc.items[n]
    return (prev.kind == "org" and (prev.data.get("head") or prev.data.get("row") is None)
            and doc.text[prev.end:it.start].strip(" ") in doc.lex.joiners   # not a comma: "Chủ tịch tập đoàn X, Y" is its holder
            and names.person_shape(it.text.split()) != "vn"
            and not (n > 1 and doc.items[n - 2].kind == "title" and doc.text[doc.items[n - 2].end:prev.start] == " "
                     and doc.text[prev.end:it.start] in (" - ", " – ")))   # "CEO Actavis - Robert Wessman": its holder


def affiliation(doc: Doc, n: int, end: int) -> str | None:
    """The country of the place an apposition after the name puts the person at ("Bonnie Glaser,
    cố vấn ... tại Trung tâm ... ở Washington, nói", "Kim Jae - chun, giáo sư tại Đại học Sogang ở
    Seoul"): the last place or country after "tại"/"ở" (name_heads.tsv location rows of tail
    known) right after an organisation, before the apposition's end; or the country a nationality
    word puts them in ("X, cầu thủ người Uruguay, ..."); else the country of the first
    organisation of the apposition that states one ("X, giảng viên tại Đại học Tehran, ...")."""
    text, items = doc.text, doc.items
    if not text.startswith((", ", " ("), end):
        return None
    stop = doc.sentences[items[n].sentence].end
    comma = text.find("," if text[end] == "," else ")", end + 2, stop)   # "X (người Mỹ)": the brackets
    stop = comma if comma >= 0 else stop
    found = employer = None
    for k in range(n + 1, len(items)):
        it, prev = items[k], items[k - 1]
        if it.start >= stop:
            break
        # right after an organisation: "thường trú ở Mỹ" says where one lives, "đánh giá ... ở Biển
        # Đông" where something happens, not for whom one works
        if it.kind in ("place", "country") and prev.kind in ("org", "other") \
                and f" {text[prev.end:it.start].strip(' )')} " in doc.lex.located \
                and (it.data.get("iso3") or it.data.get("country")) != HOME:
            # a foreign name "tại Việt Nam" heads a body's office here ("Đại diện Liên Hợp Quốc tại
            # Việt Nam", "chủ tịch Tập đoàn X tại Việt Nam"): posted here, no Vietnamese
            found = it.data.get("iso3") or it.data.get("country") or found
        if it.kind == "country" and text.endswith(doc.lex.nationality, 0, it.start) and it.start - end <= NEAR:
            return it.data["iso3"]   # name_heads.tsv nationality: "Diego Forlan, cầu thủ người Uruguay" ("người Mỹ": no given name "Mỹ")
        if it.kind == "org" and employer is None and it.start - end <= 2 * NEAR:   # "X, giảng viên tại Đại học Tehran"
            nxt = items[k + 1] if k + 1 < len(items) else None
            employer = it.data.get("country") or (nxt.data["iso3"] if nxt is not None and nxt.kind == "country"
                                                   and nxt.start < stop and text[it.end:nxt.start] == " " else None)
    return found or employer


NEAR = 32   # characters after the name within which a nationality is an apposition's, not the clause's
            # ("ông X, cho biết có hàng nghìn người Việt Nam ở Mỹ" says nothing of X)


def signed(doc: Doc, it: Item) -> bool:
    """Is the run a line of its own, alone or with brackets after it: a signature or a byline
    ("Vũ Duy Hưng (từ Seoul)", a reader's name above "Luật sư trả lời"), not news about them?"""
    text = doc.text
    start = text.rfind("\n", 0, it.start) + 1
    end = text.find("\n", it.end)
    after = text[it.end:len(text) if end < 0 else end].strip(" .")
    return not text[start:it.start].strip() and (not after or after[:1] == "(" and after[-1:] == ")" and not any(
        ch.isdigit() or ch == "," for ch in after))   # "Trần Văn Nam (24 tuổi, trú tại ...)." introduces him
