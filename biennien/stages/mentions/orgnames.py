"""Organisation names the scan builds from capitalised runs: how far a head's name runs
(`org_tail`, stopping before its holder's name: `foreign_holder`, `name_follows`), and the
organisation a title's head word opens in sentence case (`sentence_case_org`), which the scan
reads as a lone capitalised word ("Cục trưởng Cục tuyên huấn ...")."""
from __future__ import annotations

import re

from ...lexicon import shapes as names
from ...text import key
from .doc import Doc, Item


TOKEN = re.compile(r"[ ]*((?:[^\W\d_]\.(?=[^\W\d_][^\w.]))?[^\s,.;:!?()\[\]“”\"]+)")   # "T.Ư": an abbreviation


def org_tail(doc: Doc, pos: int) -> int:
    """End of an organisation's own name from pos: capitalised words, a capitalised Vietnamese
    compound written "Y tế" / "Công nghiệp" (one capital, one lower-case syllable), numbers, and
    joiners between capitalised parts ("Đầu tư và Phát triển", "Công nghiệp - Viễn thông")."""
    text, joiners = doc.text, doc.lex.joiners
    end = cursor = pos
    caps, last, prev = 0, "", ""
    while (m := TOKEN.match(text, cursor)) is not None:
        word = m.group(1)
        if word in doc.lex.surnames and last and name_follows(text, m.start(1)):
            break  # "Hội đồng Nhà nước Võ Chí Công": the title's holder, not the name
        if word[:1].isupper() and "." in word:
            caps, last = 0, "lower"   # "T.Ư": an abbreviated compound ("Trung ương") before the next one
        elif word[:1].isupper():
            caps, last = caps + 1, "cap"
        elif word[:1].isdigit() and last in ("cap", "lower"):
            caps, last = 0, "num"
        elif word in joiners and last in ("cap", "lower"):
            nxt = TOKEN.match(text, m.end())
            if not nxt or not nxt.group(1)[:1].isupper():
                break
            cursor, last = m.end(), "join"
            continue
        elif word.islower() and last == "cap" and caps == 1 and names.is_vietnamese(prev):
            caps, last = 0, "lower"
        elif word.islower() and last in ("cap", "lower") and (place := _lower_place(doc, m.start(1))):
            caps, last = 0, "place"   # "Viện Nghiên cứu châu Á Đương đại": a region written in lower case
            end = cursor = place
            continue
        else:
            break
        prev = word
        end = cursor = m.end()
    return end


def unread_org(doc: Doc, title: Item, nxt: Item) -> str | None:
    """The organisation's own name between a title and the next item when the scan made no item of it
    ("Giám đốc Tình báo Quốc gia Mỹ Dan Coats": "Tình báo" is read as one word, "Quốc gia" as a
    lone capitalised word): capitalised words and compounds only, two words at least, up to the item."""
    start, stop = title.end + 1, nxt.start - 1
    if stop - start < 3 or doc.text[title.end:start] != " " or doc.text[stop:nxt.start] != " " \
            or not doc.text[start:start + 1].isupper() or " " not in doc.text[start:stop]:
        return None
    return doc.article.text[start:stop] if org_tail(doc, start) >= stop else None


def opens_org(doc: Doc, item: Item) -> bool:
    """Is a capitalised run after a title the opening of an organisation's name, not a holder's: one
    Vietnamese syllable, no surname, that one or two lower-case ones and a capitalised one go on
    ("Quốc vụ viện Trung Quốc", "Ban Tuyên truyền Trung ương")? Not when a name follows it closely:
    the title is that holder's."""
    words = item.text.split()
    nxt = next((it for it in doc.items if it.start >= item.end), None)
    if nxt is not None and nxt.kind == "cap" and re.fullmatch(r"(?: \w+){0,4} ", doc.text[item.end:nxt.start]):
        return False   # "Phó Giám đốc Nghiên cứu Chiến lược Lawrence Jackson": its holder is named
    if len(words) != 1 or not names.is_vietnamese(words[0]) or words[0] in doc.lex.surnames:
        return False
    pos, lower = item.end, 0
    while (m := TOKEN.match(doc.text, pos)) is not None and m.group(1).islower() and lower < 2 \
            and m.group(1) not in doc.lex.joiners:
        pos, lower = m.end(), lower + 1
    return lower > 0 and m is not None and m.group(1)[:1].isupper()   # never "Thủ tướng Dũng cho biết"


def _lower_place(doc: Doc, pos: int) -> int:
    """The end of a known place of two words opening in lower case at pos ("châu Á"), or 0."""
    two = doc.text[pos:pos + 24].split(" ")[:2]
    k = key(" ".join(two))
    return pos + len(" ".join(two)) if len(two) == 2 and two[1][:1].isupper() and k in doc.lex.places else 0


def foreign_holder(text: str, start: int, end: int) -> int:
    """The end of an organisation's Vietnamese name that runs on into its holder's foreign one
    ("Hội đồng Kinh tế Quốc gia Larry Kudlow"): before the last two or three words, when they are a
    foreign person's name and the name's words before them are two or more Vietnamese ones ("Công ty
    Eastman Kodak", "Đại học Southern New Hampshire" stay whole)."""
    words = text[start:end].split(" ")
    for n in (2, 3):
        head, run = words[:-n], words[-n:]
        if len(head) >= 2 and all(names.is_vietnamese(w) for w in head) and not names.is_vietnamese(run[0]) \
                and all(w[:1].isupper() and w.isalpha() for w in run) and names.person_shape(run) == "foreign":
            return start + len(" ".join(head))
    return end


def name_follows(text: str, pos: int) -> bool:
    run = [w.rstrip(",.;:!?)]…\"”") for w in text[pos:pos + 40].split()[:3]]   # "Phạm Minh Chính, ..."
    return len(run) == 3 and names.vietnamese_name(run) and all(w[:1].isupper() for w in run)


WORD = re.compile(r"[ ]([^\W\d_]+)")
LOWER_RUN = 5   # lower-case syllables a sentence-case organisation's name may open with
CUE_KINDS = frozenset({"title", "rank", "honor", "change", "before"})


def sentence_case_org(doc: Doc, item: Item, stop: int) -> Item | None:
    """The organisation a title's head word opens in sentence case, which the scan read as a lone
    capitalised word ("Cục trưởng Cục tuyên huấn Tổng cục Chính trị", "Viện trưởng Viện nghiên cứu
    Trung Quốc", "Phó trưởng Ban tổ chức Trung ương"): a few lower-case syllables, then the
    capitalised name as an organisation's own name runs on; or a short lower-case name that a
    punctuation mark ends ("Viện chiến lược,"). Never past `stop`, the next title, rank or
    honorific. A head word with neither after it ("Viện trưởng Viện cho biết ...") is left as it was."""
    lex, text = doc.lex, doc.text
    if " " in item.text:
        return None
    pos = item.end
    if key(item.text) not in lex.heads and (m := WORD.match(text, pos)) is not None:
        pos = m.end()   # a head of two words, the second in lower case ("Uỷ ban", "Trung tâm")
    row = lex.heads.get(key(text[item.start:pos]))
    if row is None or row["kind"] != "organization" or row["tail"] != "name" or row["part"] != "yes":
        return None
    lower = 0
    while (m := WORD.match(text, pos)) is not None and m.group(1).islower() and lower < LOWER_RUN:
        if f" {m.group(1)} " in lex.located:
            return None
        pos, lower = m.end(), lower + 1
    if not lower:
        return None
    if m is not None and m.group(1) in lex.surnames and name_follows(text, m.start(1)):
        end = pos   # "Chủ nhiệm Văn phòng chính phủ Mai Tiến Dũng": the holder follows
    elif m is not None and m.start(1) < stop and m.group(1)[:1].isupper():
        end = min(org_tail(doc, m.start(1)), stop)
        words = text[item.start:end].split()
        while words and (words[-1] in lex.joiners or not words[-1][:1].isalnum()):
            words.pop()   # "Hội đồng châu Âu Donald Tusk và | Chủ tịch ...": cut at the next title
        end = foreign_holder(text, item.start, item.start + len(" ".join(words)))
    elif text[pos:pos + 1] in (",", ".", ";", ")", "") and pos <= stop:
        end = pos   # "nguyên Viện trưởng Viện chiến lược, Bộ Công an"
    else:
        return None
    words = text[item.start:end].split(" ")
    for n in range(len(words), 1, -1):   # a known one in sentence case: "Tổng bí thư Ban chấp hành Trung ương Đảng"
        if (known := lex.orgs.get(key(" ".join(words[:n])))) is not None:
            end = item.start + len(" ".join(words[:n]))
            return Item(item.start, end, "org", text[item.start:end], item.sentence,
                        {"row": known, "name": known["normal"], "country": known["country"]})
    # of no stated country: a country word ending a sentence-case name is as often its subject
    # ("Viện nghiên cứu Trung Quốc") as its state
    name = doc.text[item.start:end]
    return Item(item.start, end, "org", name, item.sentence,
                {"name": " ".join(name.split()), "country": None, "head": item.text})


def run_on(doc: Doc, span: Item, raw: list[Item], i: int) -> None:
    """A known organisation the span cut short runs it on to its end ("Bí thư Ban cán sự đảng Bộ
    Thông tin và truyền thông")."""
    for it in raw[i + 1:]:
        if it.start >= span.end:
            return
        if it.kind == "known" and it.end > span.end and key(it.text) in doc.lex.orgs and "row" not in span.data:
            span.end = it.end
            span.text = doc.text[span.start:span.end]
            span.data["name"] = " ".join(span.text.split())
            return


def next_cue(raw: list[Item], i: int) -> int:
    """The start of the first title, rank, honorific or change word after raw item i."""
    return next((it.start for it in raw[i + 1:i + 12] if it.kind in CUE_KINDS), 1 << 60)
