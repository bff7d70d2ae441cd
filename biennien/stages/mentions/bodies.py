"""A post told after a name that runs on to the body it is held at ("X, phó giám đốc chương trình
Đông Nam Á của CSIS", "X, giáo sư nghiên cứu đối ngoại tại Đại học Nagoya"): the few words between
the post and a title_links.tsv word of kind body, and the body's own name, are the post's. The post
is a title, or an occupation (honorifics.tsv) that only a body makes a post."""
from __future__ import annotations

import functools
import re

from ... import resources
from ...lexicon import events
from ...lexicon import shapes as names
from ...text import key, lower
from .doc import PERSON_CUES, Candidate, Doc, links
from .orgnames import foreign_holder, org_tail

BETWEEN = 8       # words a post may run on before the word that opens its body
BODY = 8          # words a body's name may run to the clause's end; longer, its capitalised name alone
LEAD = (", ", " - ", " – ")
STOP = re.compile(r"[,.;:!?“”\"()\[\]\n]")
ACRONYM = re.compile(r" ?\(([A-ZĐ][A-ZĐ0-9&.-]{1,11})\)")
VERBAL = frozenset({"reported", "according", "adverb", "negation", "plan", "intent", "passive", "habit",
                    "possibility"})   # event_cues.tsv kinds that stand around a verb, never inside a post


def _verb(words: str, light: bool = True) -> int:
    """Where the first verb in the words is, a trigger (triggers.tsv) or a cue around one
    (event_cues.tsv), or -1. A light verb ("có", "tổ chức") counts unless the words are a body's
    name ("Tổ chức nghiên cứu Rand")."""
    lex, low = events.lexicon(), lower(words)
    kinds = VERBAL | {"light"} if light else VERBAL
    hits = [a for a, _, p in events.finditer(lex.trigger_re, low) if lex.triggers[p].type != "-"]
    hits += [a for a, _, p in events.finditer(lex.cue_re, low) if lex.cues[p].kinds.keys() & kinds]
    return min(hits, default=-1)


@functools.cache
def _bridge() -> re.Pattern:
    words = "|".join(sorted((re.escape(w.strip()) for w in links("body")), key=len, reverse=True))
    return re.compile(rf"((?: [^\s,.;:!?()\[\]“”\"]+){{0,{BETWEEN}}}?) ({words}) (?=\w)")


@functools.cache
def _occupations() -> frozenset[str]:
    """Occupations, and academic honorifics of two words ("Giáo sư"), that a body makes a post."""
    return frozenset(key(r["word"]) for r in resources.load("honorifics")
                     if r["kind"] == "occupation" or r["kind"] == "honorific" and " " in r["word"])


def run_on(doc: Doc, start: int, end: int, organization: str | None = None) -> int | None:
    """The end of the post at start..end run on to its body, or None when no body follows it. A post
    that names its organisation is no post of the body that organisation belongs to ("Phó Chủ nhiệm
    Ủy ban Quốc phòng, An ninh và Đối ngoại của Quốc hội": a title_links.tsv word of kind of)."""
    text = doc.text
    m = _bridge().match(text, end)
    if m is None or _verb(m.group(1)) >= 0 or _holds_post(doc, end, m.end()):
        return None   # "X, Giám đốc Sở Tài chính phát biểu tại Hội nghị ...": a verb, not the post's words
    if organization and not m.group(1) and f" {m.group(2)} " in links("of"):
        return None
    body = m.end()
    if not _opens_body(doc, body):
        return None
    stop = STOP.search(text, body)
    last = stop.start() if stop else len(text)
    if (verb := _verb(text[body:last], light=False)) >= 0:
        last = body + verb   # "... của CSIS cho rằng ...": the body's name ends before the verb
    if len(text[body:last].split()) > BODY:
        last = foreign_holder(text, body, org_tail(doc, body))   # its capitalised name alone
    if last <= body or _holds_post(doc, body, last):
        return None   # "X, Đại sứ Mỹ tại Liên Hợp Quốc Nikki Haley và Bộ trưởng ...": another's post
    last = len(text[:last].rstrip(" -–"))
    if not ACRONYM.match(text, last):
        last = _proper_end(text, body, last)
    if (a := ACRONYM.match(text, last)) is not None:
        last = a.end()   # "... quốc tế (CSIS)": the body's short name is part of it
    return last


def _proper_end(text: str, body: int, last: int) -> int:
    """The end of a body's name that a proper name closes, before lower-case words after it ("FBR
    Capital Markets nhận xét", "Viện Kinh tế Quốc tế Peterson đánh giá": the verb of the clause);
    a name that lower-case words end stays whole ("Hội luật quốc tế")."""
    words = text[body:last].split(" ")
    k = len(words)
    while k > 1 and words[k - 1][:1].islower():
        k -= 1
    if k == len(words) or not words[k - 1][:1].isupper():
        return last
    if k >= 2 and words[k - 2][:1].isupper() or not names.is_vietnamese(words[k - 1]):
        return body + len(" ".join(words[:k]))
    return last


def _holds_post(doc: Doc, start: int, end: int) -> bool:
    """Is there a title, rank or honorific between start and end (the post of someone else)?"""
    return any(start <= it.start < end and it.kind in PERSON_CUES for it in doc.items)


def _opens_body(doc: Doc, pos: int) -> bool:
    """Does a body's name open at pos: an organisation the scan found, a name head ("Đại học",
    "Trung tâm"), or an acronym ("CSIS")?"""
    if any(it.start == pos and it.kind == "org" for it in doc.items):
        return True
    words = doc.text[pos:pos + 40].split()
    if words and len(words[0]) >= 2 and words[0].isupper() and words[0].isalpha():
        return True
    return any(key(" ".join(words[:n])) in doc.lex.heads and doc.lex.heads[key(" ".join(words[:n]))]["kind"]
               == "organization" for n in (1, 2, 3)) and words[0][:1].isupper()


def occupation(doc: Doc, c: Candidate) -> dict | None:
    """"X, giáo sư ... tại Đại học Y", "X, cố vấn cao cấp ... tại Trung tâm Y": an occupation, or a
    title that names no body of its own, with its body, as a title after the name."""
    text, pos = doc.text, c.item.end
    lead = next((g for g in LEAD if text.startswith(g, pos)), None)
    if lead is None:
        return None
    start = pos + len(lead)
    words = text[start:start + 40].split()
    for n in (4, 3, 2, 1):
        head = " ".join(words[:n])
        if len(words) > n and (key(head) in _occupations() or key(head) in doc.lex.titles):
            end = run_on(doc, start, start + len(head))
            foreign = names.person_shape(c.tokens) != "vn"
            closing = _closing_name(doc, start + len(head)) if end is None and foreign else None
            if end is None and closing is None:
                return None
            end = end if end is not None else closing[1]   # "X, thứ trưởng Bộ Phát triển kinh tế Ý, nói"
            title = doc.article.text[start:end]
            state = closing_country(doc, start, end) if foreign else None
            return {"title": title[:1].upper() + title[1:], "organization": None, "country": state, "at": start,
                    "own_org": False, "end": end}
    return None


def take(doc: Doc, entry: dict, j: int) -> int:
    """Mark the items inside the post run on to `entry["end"]` used; the index after them."""
    items = doc.items
    while j < len(items) and items[j].start < entry["end"]:
        items[j].used = True
        j += 1
    return j


def after_title(doc: Doc, c: Candidate, j: int) -> int:
    """The first title after c's name, set off by a comma or a dash, run on to its body when one
    follows ("X được bổ nhiệm làm CEO sau 22 năm tại Y" is no post at Y); the index after it."""
    t = c.titles[-1] if c.titles else None
    if t is None or t.get("end") is None or doc.text[c.item.end:t["at"]] not in LEAD:
        return j
    end = run_on(doc, t["at"], t["end"], t.get("organization"))
    if end is None:
        closing = _closing_name(doc, t["end"]) if names.person_shape(c.tokens) != "vn" else None
        if closing is not None and t.get("country") is None:   # "X, cố vấn Bộ Phát triển kinh tế Ý, nói"
            t["country"] = closing[0]
        return j
    t["title"], t["end"] = t["title"] + doc.article.text[t["end"]:end], end
    if names.person_shape(c.tokens) != "vn":   # "TS Lê Văn A, nhà nghiên cứu tại Viện ... Singapore" stays Vietnamese
        t["country"] = t.get("country") or closing_country(doc, t["at"], end)
    return take(doc, t, j)


def _closing_name(doc: Doc, pos: int) -> tuple[str, int] | None:
    """The country word that closes the capitalised name of a body right after a post told after a
    name, before the apposition's comma ("X, thứ trưởng Bộ Phát triển kinh tế Ý, nói", "X, người
    đứng đầu Hội đồng các vấn đề quốc tế Nga, nhận định"): no verb, no other post in between."""
    text = doc.text
    if not (text.startswith(" ", pos) and text[pos + 1:pos + 2].isupper()):
        return None
    stop = STOP.search(text, pos)
    last = stop.start() if stop else len(text)
    words = text[pos:last]
    if len(words.split()) > BODY or _verb(words, light=False) >= 0 or _holds_post(doc, pos, last):
        return None
    end = len(text[:last].rstrip(" "))
    state = closing_country(doc, pos, end)
    return (state, end) if state else None


def closing_country(doc: Doc, start: int, end: int) -> str | None:
    """The state whose body a post run on to ends its name with ("nhà nghiên cứu thuộc Viện Nghiên
    cứu hải quân Trung Quốc", "người đứng đầu Hội đồng Đối ngoại ... Nga"): the country word, or an
    organisation of a state, closing the post; not one of a list of countries ("Viện nghiên cứu Mỹ
    và Canada": what the body studies). Read for a foreign name only: a Vietnamese-shaped one at a
    foreign body is often a Vietnamese scholar abroad."""
    inside = [it for it in doc.items if start <= it.start and it.end <= end]
    if not inside or doc.text[inside[-1].end:end].strip(" ") and ACRONYM.fullmatch(doc.text, inside[-1].end, end) is None:
        return None   # the post's last words are no country ("... tại Đại học Nagoya")
    if len(inside) > 1 and inside[-1].kind in ("country", "place") \
            and f" {doc.text[inside[-2].end:inside[-1].start].strip(' ')} " in doc.lex.located:
        inside.pop()   # "Hiệp hội Doanh nghiệp Anh tại Việt Nam": where its office is, not whose it is
    last = inside[-1]
    if len(inside) > 1 and inside[-2].kind == "country" and doc.text[inside[-2].end:last.start].strip(" ") in doc.lex.list_joiners:
        return None
    if last.kind == "country":
        return last.data["iso3"]
    return last.data.get("country") if last.kind == "org" else None


def after_name(doc: Doc, c: Candidate) -> None:
    """An occupation after c's name that a body makes a post, when no title follows the name."""
    if any((t.get("at") or -1) > c.item.start for t in c.titles):
        return
    t = occupation(doc, c)
    if t is not None:
        c.titles.append(t)
        take(doc, t, c.index + 1)
