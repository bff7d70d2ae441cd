"""Names in an article: persons with their ranks and titles, organisations, countries, places.

One regex pass (lexicon.scan) over the tone-folded text finds every title, rank, honorific,
known name, name head and capitalised run; `_items` turns heads into organisation and place
spans; persons.py decides which runs are persons and reads their ranks, titles and countries
from the words around them. Credit, byline and source zones are never read; a caption may only
mention a person the news sentences name too.
"""
from __future__ import annotations

import bisect
import re

from ...lexicon import shapes as names
from ...lexicon.names import HOME, Lexicon, lexicon
from ...records import Article, Mention, Sentence
from ...text import UNREAD, canon, key, lower, spelled
from . import orgnames, persons
from .countries import known_country
from .doc import Doc, Item, country_here


def find(article: Article, sentences: list[Sentence]) -> list[Mention]:
    """Every mention in the article, in text order."""
    if not article.text or not sentences:
        return []
    doc = _doc(article, sentences)
    persons.find(doc)
    _others(doc)
    doc.mentions.sort(key=lambda m: (m.start, -m.end))
    for m in doc.mentions:
        if m.kind == "person":
            m.title_claims = doc.details.get((m.start, m.end)) or []
    return doc.mentions


def _doc(article: Article, sentences: list[Sentence]) -> Doc:
    lex = lexicon()
    text = canon(article.text)
    skip = sorted((z.start, z.end) for z in article.zones if z.kind in UNREAD)
    starts = [s.start for s in sentences]
    doc = Doc(article, text, sentences, [], {s.index for s in sentences if s.is_caption}, lex)
    raw: list[Item] = []
    kinds, n_text = lex.kinds, len(text)
    sentence, next_start, n_sent = 0, starts[1] if len(starts) > 1 else n_text + 1, len(starts)
    for m in lex.scan.finditer(text):
        start, end = m.span()
        if skip and _inside(skip, start):
            continue
        while start >= next_start:  # hits come in order: walk the sentences along
            sentence += 1
            next_start = starts[sentence + 1] if sentence + 1 < n_sent else n_text + 1
        word = m.group()
        if m.lastgroup == "word" and kinds[word] == "compound":
            continue   # "thông báo", "tình báo": one word, no newspaper head in it
        if m.lastgroup == "cap":
            if end < n_text and text[end] == "." and _initial_tail(word):
                end += 1  # "Nguyễn Tấn T."
                word = text[start:end]
            elif " " not in word and not word.isupper() and names.is_vietnamese(word) and not (
                    raw and raw[-1].end == start - 1 and raw[-1].kind != "cap"):
                continue  # a lone capitalised Vietnamese word with no cue before it ("Theo", "Sau")
            end = _hyphen_tail(text, end, word, lex.korean)  # "Moon Jae - in", "Prayut Chan - o - cha"
            head, _, rest = word.partition(" ")
            if rest and len(head) > 1 and head.isupper() and head.isalpha() and names.vietnamese_name(rest.split()):
                # "Chủ tịch HĐBT Đỗ Mười": an organisation's initials, then the holder's name
                raw.append(Item(start, start + len(head), "cap", head, sentence))
                start += len(head) + 1
            if raw and raw[-1].kind == "cap" and text[raw[-1].end:start] == " - " and (
                    raw[-1].text in lex.hyphen_given or known_country(f"{raw[-1].text} - {word}")
                    or known_country(f"{raw[-1].text} - {word.split()[0]}") or _double_surname(text, raw, word, lex)):
                start = raw.pop().start   # "Frank - Walter Steinmeier", "Jean - Claude Juncker"; a known
                # person's hyphenated family name ("Miguel Diaz - Canel"); a titled foreign full name's
                # double family name ("bà Nosiviwe Noluthando Mapisa - Nqakula")
            raw.append(Item(start, end, "cap", text[start:end], sentence))
        else:
            raw.append(Item(start, end, kinds[word], word, sentence))
    doc.items = _items(doc, raw)
    return doc


def _double_surname(text: str, raw: list[Item], word: str, lex: Lexicon) -> bool:
    """"bà Nosiviwe Noluthando Mapisa - Nqakula": after a person's cue (a title, rank or honorific,
    or a country right after one), a foreign full name of two words or more goes on through a
    spaced hyphen to one foreign word, its second family name. A single name before the hyphen
    ("Trump - Kim"), a company ("CEO Deutsche Bank - Anshu Jain"), two words after it ("diễn viên
    Nadech Kugimiya - Yaya Urassaya": a couple), a Vietnamese or Korean word after it, or no cue
    ("Nga - Ukraine") is two names or a pairing."""
    before, first = raw[-1].text.split(), word
    if len(before) < 2 or " " in word or not names.foreign(before) or names.org_like(before) \
            or names.is_vietnamese(first) or first in lex.korean or first in lex.surnames:
        return False
    k = len(raw) - 2
    while k >= 0 and raw[k].kind == "known" and key(raw[k].text) in lex.countries:   # "Chủ tịch Cuba"
        k -= 1
    return k >= 0 and raw[k].kind in ("title", "rank", "honor") and lex.honorifics.get(raw[k].text) != "plural" and \
        all(text[raw[i].end:raw[i + 1].start] == " " for i in range(k, len(raw) - 1))


HYPHEN_TAIL = re.compile(r" - ([^\W\d_]{1,5})\b")


def _hyphen_tail(text: str, end: int, run: str, korean: frozenset[str]) -> int:
    """The end of a name whose hyphens word-segmented news spaced out: the lower-case syllables
    after " - " belong to it when the run is a Korean family name and one given syllable
    ("Kim Jong - un") in plain letters, when the syllable cannot be Vietnamese ("Ko Min - jung"), or when two or
    more follow a foreign run ("Prayut Chan - o - cha"). One Vietnamese-looking syllable after any
    other run ("Washington - nơi") stays out."""
    tails = []
    pos = end
    while len(tails) < 3:
        m = HYPHEN_TAIL.match(text, pos)
        if m is None or not m.group(1).islower():
            break
        tails.append(m)
        pos = m.end()
    if not tails:
        return end
    words = run.split()
    if words[-2:][0] in korean and len(words) >= 2 and tails[0].group(1).isascii() \
            or not names.is_vietnamese(tails[0].group(1)):
        # "Theo Kim Jae - chun": the family name before the last word; a romanised Korean syllable
        # carries no Vietnamese letter ("Kim Chol - giới chức ...": the clause after a dash)
        return tails[0].end() if len(tails) == 1 or names.is_vietnamese(tails[1].group(1)) else tails[-1].end()
    if len(tails) >= 2 and names.foreign(words):
        return tails[-1].end()
    return end


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, 1 << 60)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]



def _initial_tail(run: str) -> bool:
    last = run.rsplit(" ", 1)[-1]
    return " " in run and names.is_initial(last) and not names.is_vietnamese(last)


def _items(doc: Doc, raw: list[Item]) -> list[Item]:
    """Known names classified; heads joined with their names into organisation/place spans."""
    lex, text = doc.lex, doc.text
    out: list[Item] = []
    i = 0
    while i < len(raw):
        item = raw[i]
        nxt = raw[i + 1] if i + 1 < len(raw) else None
        if item.kind == "known":
            _classify_known(lex, item)
        elif item.kind == "cap" and item.text.isupper() and 2 <= len(item.text) <= 6 and item.text.isalpha() \
                and item.text not in lex.notorg:
            item.kind, item.data = "org", {"name": item.text, "country": None}  # "EIB", "ACB"
        elif item.kind == "cap" and out and out[-1].kind == "title" and _post_org_before_holder(text, out[-1], item, nxt):
            item.kind, item.data = "org", {"name": item.text, "country": None}  # "CEO Actavis - Robert Wessman"
        elif item.kind == "head" or item.kind == "cap" and out and out[-1].kind == "title" \
                and text[out[-1].end:item.start] == " " \
                and (span := orgnames.sentence_case_org(doc, item, orgnames.next_cue(raw, i))) is not None:
            if item.kind == "head":
                row = lex.heads[key(item.text)]
                span = _head_span(doc, row, item, nxt)
            if span is None:
                i += 1
                continue
            if item.kind == "cap":
                orgnames.run_on(doc, span, raw, i)
            out.append(span)
            i += 1
            while i < len(raw) and raw[i].start < span.end:
                if span.kind == "org" and raw[i].kind == "known":
                    _classify_known(lex, raw[i])
                    if raw[i].kind in ("place", "country"):
                        raw[i].data["inside"] = True
                        out.append(raw[i])
                        if raw[i].kind == "country" and raw[i].end == span.end and not span.data.get("country") \
                                and not any(o.kind == "country" and o.data.get("inside") and o.start >= span.start
                                            for o in out[:-1]):   # "Trung tâm Nghiên cứu Mỹ và Nga": a topic
                            span.data["country"] = raw[i].data["iso3"]   # "Ủy ban đối ngoại Hạ viện Mỹ": the state's
                i += 1
            continue
        out.append(item)
        i += 1
    return out


def _post_org_before_holder(text: str, title: Item, item: Item, nxt: Item | None) -> bool:
    """Is a capitalised run between a title and a dash before a full name the post's organisation
    ("CEO Actavis - Robert Wessman", "Đồng CEO Deutsche Bank - Anshu Jain"), no person itself?"""
    return (nxt is not None and nxt.kind == "cap" and text[title.end:item.start] == " "
            and text[item.end:nxt.start] in (" - ", " – ") and names.person_shape(item.text.split()) is None
            and names.person_shape(nxt.text.split()) is not None)


def _classify_known(lex: Lexicon, item: Item) -> None:
    k = key(item.text)
    if k in lex.orgs:
        item.kind, item.data = "org", {"row": lex.orgs[k], "name": lex.orgs[k]["normal"],
                                       "country": lex.orgs[k]["country"]}
    elif k in lex.countries:
        item.kind, item.data = "country", dict(lex.countries[k])
    else:
        place = lex.places[k]
        item.kind, item.data = "place", {"name": place["name"], "country": place["country"]}


def _head_span(doc: Doc, row: dict, item: Item, nxt: Item | None) -> Item | None:
    """The organisation or place a head opens ("UBND tỉnh Trà Vinh", "tỉnh Sơn La"), if any."""
    lex, text = doc.lex, doc.text
    tail = {"place": lex.tail_place, "number": lex.tail_number}.get(row["tail"], lex.tail_name)
    m = tail.match(text, item.end)
    if not m or m.start("name") < 0:
        return None
    name_start, end = m.start("name"), m.end("name")
    if canon(lower(text[item.start:name_start])).startswith(lex.rulers) and _leader(lex, text[name_start:end]):
        return None   # "chính quyền Assad", "Chính quyền Trump" (opening a sentence): the person's administration
    if text[name_start].isdigit() and row["tail"] != "number" and m.start("prefix") < 0:
        return None  # "sở 2", "tổ chức 10": a number names only a numbered unit ("phường 10")
    if nxt is not None and nxt.start == name_start and (
            nxt.kind in ("head", "title", "rank") or nxt.kind == "known" and row["kind"] == "location"
            or nxt.kind == "honor" and row["tail"] == "known"):
        return None  # "tại Công ty X", "tại Bộ Quốc phòng": the next item opens the name
    if nxt is not None and row["kind"] == "location" and nxt.kind == "known" \
            and m.start() <= nxt.start <= name_start and nxt.end >= end:
        return None  # "tại TP.HCM": the known place stands by itself
    if nxt is not None and nxt.start == name_start and nxt.kind == "known" and nxt.end > end:
        end = nxt.end  # the tail stopped inside a known name
    prefix = m.start("prefix") if "prefix" in m.re.groupindex and m.start("prefix") >= 0 else name_start
    end = _place_then_name(lex, text, name_start, end, prefix)
    if row["kind"] == "other":
        return Item(item.start, end, "other", text[item.start:end], item.sentence)
    if row["kind"] == "location":
        name = text[name_start:end]
        if row["tail"] == "known" and (not (" " in name or names.foreign(name.split())) or name.isupper()):
            return None  # "tại Trụ sở": one Vietnamese word after "tại" is no place, "tại AMM" an event
        k = key(name)
        if k in lex.countries:
            return Item(name_start, end, "country", name, item.sentence, dict(lex.countries[k]))
        place = lex.places.get(k)
        if name[:1].isdigit() and row["tail"] != "number":
            return None
        data = {"name": place["name"] if place else name, "country": place["country"] if place else None,
                "head": row["word"]}
        return Item(name_start, end, "place", name, item.sentence, data)
    if row["tail"] == "name":
        end = orgnames.foreign_holder(text, name_start, max(end, orgnames.org_tail(doc, name_start)))
    if row["part"] == "no":  # "hãng Vinfast" names Vinfast
        known = lex.orgs.get(key(text[name_start:end]))
        return Item(name_start, end, "org", text[name_start:end], item.sentence,
                    {"name": known["normal"] if known else text[name_start:end],
                     "country": known["country"] if known else None, "row": known})
    org_name = text[item.start:end]
    tail_key = key(text[name_start:end])
    country = lex.countries[tail_key]["iso3"] if tail_key in lex.countries else None
    place = lex.places.get(tail_key)  # "UBND tỉnh Trà Vinh" is Vietnamese, "tòa án Nga" Russian
    return Item(item.start, end, "org", org_name, item.sentence,
                {"name": " ".join(org_name.split()), "country": country or (place["country"] if place else None) or None,
                 "head": row["word"]})


def _leader(lex: Lexicon, name: str) -> bool:
    """Is a name after a ruler word ("chính quyền", "dưới thời") one foreign word that is no known
    place or country ("Assad", not "Kiev" or "Syria")?"""
    k = key(name)
    return (" " not in name and len(name) >= 3 and name.isalpha() and names.foreign([name])
            and k not in lex.places and k not in lex.countries)


def _place_then_name(lex: Lexicon, text: str, start: int, end: int, prefix: int) -> int:
    """The end of a head's name that runs on into a person's ("UBND TP Cần Thơ Trần Việt Trường",
    "tỉnh Sơn La Hoàng Văn Chất", "tại VN Marc Knapper", "UBND TP. HCM Nguyễn Thành Phong"): after the
    known place or country, alone or with the unit word before it, when a Vietnamese full name or a
    foreign one follows."""
    words = text[start:end].split(" ")
    for i in range(1, len(words) - 1):
        if (names.vietnamese_name(words[i:]) or names.person_shape(words[i:]) == "foreign") \
                and ((k := key(" ".join(words[:i]))) in lex.places or k in lex.countries
                     or key(text[prefix:start] + " ".join(words[:i])) in lex.places):
            return start + len(" ".join(words[:i]))
    return end


STATE_KINDS = {"ministry", "party", "state", "government", "military", "police", "court"}


def _others(doc: Doc) -> None:
    """Organisations, countries and places: every such item not inside a person's name. A state
    body named without a country ("Bộ Chính trị", "Quốc hội") is the one the article qualified
    earlier ("Quốc hội Thái Lan ... Quốc hội"), else the home country's."""
    lex = doc.lex
    qualified: dict[str, str] = {}
    text = doc.article.text
    iso_seen = {it.data["iso3"] for it in doc.items if it.kind == "country" and not it.data.get("ambiguous")}
    # "Nga" inside a sentence is the country: the article names it, so "Nga" opening one is too
    iso_seen |= {it.data["iso3"] for n, it in enumerate(doc.items) if it.kind == "country" and it.data.get("ambiguous")
                 and country_here(doc, n, it.data["iso3"], set())}
    for n, it in enumerate(doc.items):
        if it.kind not in ("org", "country", "place"):
            continue
        in_caption = it.sentence in doc.caption
        written, folded = text[it.start:it.end], doc.text[it.start:it.end]
        if it.kind == "country":
            iso = it.data["iso3"]
            if it.data.get("ambiguous") and not country_here(doc, n, iso, iso_seen):
                continue
            name = written if key(written) in lex.countries else lex.country_name.get(iso, written)  # "Mỹ" as written
            doc.mentions.append(Mention(doc.article.doc_id, it.sentence, it.start, it.end, written,
                                        "country", name, country=iso, in_caption=in_caption))
        elif it.kind == "place":
            doc.mentions.append(Mention(doc.article.doc_id, it.sentence, it.start, it.end, written,
                                        "location", spelled(it.data["name"], written, folded),
                                        country=it.data.get("country"), in_caption=in_caption))
        else:
            bare, country = spelled(it.data["name"], written, folded), it.data.get("country")
            name, end = bare, it.end
            after = doc.items[n + 1] if n + 1 < len(doc.items) else None
            if after is not None and after.kind == "country" and doc.text[it.end:after.start] == " ":
                country = after.data["iso3"]
                name = f"{bare} {text[after.start:after.end]}"  # "Bộ Quốc phòng Mỹ" as written
                end = after.end
            row = it.data.get("row") or {}
            if country:
                qualified.setdefault(key(bare), country)
            elif row.get("kind") in STATE_KINDS and not row.get("country"):
                country = qualified.get(key(bare), HOME)
            doc.mentions.append(Mention(doc.article.doc_id, it.sentence, it.start, end, text[it.start:end],
                                        "organization", name, country=country, in_caption=in_caption))
