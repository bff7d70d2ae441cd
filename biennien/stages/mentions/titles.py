"""Titles around a person's name: the chains of titles, ranks and organisations before and after
it ("Tổng Bí thư, Chủ tịch nước Lào X", "X, Ủy viên Trung ương Đảng, Thứ trưởng Bộ Quốc phòng",
"X được cử giữ chức ..."), read for one candidate at a time by `_chains`; persons.py decides who
the candidates are."""
from __future__ import annotations

import functools

from ... import resources
from ...lexicon import shapes as names
from ...lexicon.names import FIELD_JOINS
from ...resolve.roles import title_key
from ...text import key, spelled
from . import bodies, orgnames
from .doc import PERSON_CUES, Candidate, Doc, Item, links, units, within
from .doc import gap as _gap
from .envoys import envoy as _envoy
from .envoys import posted as _posted
from .owners import addressed, joins_next_chain, named_after, opens_next_person, served_only


COUNTRY_GAPS = frozenset({" ", " của "})   # "Thủ tướng Na Uy", "Thủ tướng của Na Uy"
AFTER_NAME = frozenset({", ", " - ", " – ", " ("})   # what may open the chain of titles after a name


def _chains(doc: Doc, c: Candidate) -> None:
    """Rank, titles and country from the words before and after the name."""
    items, n = doc.items, c.index
    # after: ", TITLE ..., TITLE" / " - TITLE" / " được cử giữ chức TITLE"
    j = n + 1
    first = True
    while j < len(items) and items[j].sentence == c.item.sentence:
        gap = _gap(doc, items[j - 1], items[j])
        it = items[j]
        if it.kind == "before" and (gap in AFTER_NAME or gap == " ") and j + 1 < len(items) and items[j + 1].kind == "title" \
                and _gap(doc, it, items[j + 1]) == " ":
            c.titles.append({"change": doc.lex.changes[key(it.text)]["change"], "at": it.start, "past": True})
            j += 1
            first = True
            continue
        if it.kind == "change" and (gap == " " and items[j - 1].kind == "change"
                                    or items[j - 1].kind != "change" and doc.lex.between.fullmatch(gap.removeprefix(")"))):
            change = doc.lex.changes[key(it.text)]["change"]
            after = _after_change(doc, j)
            if after == "object" or after == "title" and _passive_agent(doc, n):
                break  # "Thủ tướng X bổ nhiệm ông A", "A được Thủ tướng X bổ nhiệm làm ...": not X's post
            if after == "none":  # "ông A, Chủ tịch UBND, bị cách chức", "ông A từ chức"
                if change in ("start", "end"):
                    c.titles.append({"change": change, "at": it.start, "trail": True})
                break
            c.titles.append({"change": change, "at": it.start})
            j += 1
            continue
        if it.kind != "title" and _in_brackets(doc, c.item.end, it.start) and j > n + 1:
            j += 1   # "bà A (cựu CEO Nam A Bank) được bầu làm ...": the rest of the brackets
            continue
        if it.kind != "title" or it.used:
            break
        if not (gap in AFTER_NAME and first or gap in _title_gaps() and not first
                or gap == " " and items[j - 1].kind in ("change", "before")):
            break
        if opens_next_person(doc, j) or first and joins_next_chain(doc, j):
            if _in_brackets(doc, c.item.end, it.start):
                j += 1   # "bà A (cựu CEO Nam A Bank) ...": a company, not a person, inside the brackets
                continue
            break
        j = _take_title(doc, c, j)
        while j < len(items) and items[j].kind == "title" and not items[j].used \
                and _gap(doc, items[j - 1], items[j]) == " " and not opens_next_person(doc, j):
            outer = c.titles.pop()   # "X, cố vấn Tổng thống Nga": the adviser's post names whom it serves
            j = _take_title(doc, c, j)
            inner = c.titles[-1]
            inner.update(title=f"{outer['title']} {inner['title']}", country=inner["country"] or outer["country"],
                         at=outer["at"], **{k: outer[k] for k in ("change", "past") if k in outer})
        j = bodies.after_title(doc, c, j) if first else j   # "X, phó giám đốc chương trình ... của CSIS"
        first = False
    bodies.after_name(doc, c)   # "X, giáo sư ... tại Đại học Y"
    # before: "Tổng Bí thư, Chủ tịch nước Lào NAME", "người đồng cấp Lào, Trung tướng NAME"
    j, right = n - 1, c.item
    envoy = _envoy(doc, n)
    if envoy is not None:   # the country an envoy serves in is not theirs: read on past it
        items[envoy[3]].used, right, j = True, items[envoy[3]], envoy[3] - 1
    while j >= 0 and items[j].sentence == c.item.sentence:
        it, gap = items[j], _gap(doc, items[j], right)
        if it.data.get("inside") and j > 0 and within(it, items[j - 1]):
            j -= 1   # "Chủ tịch UBND TP Cần Thơ X": the place inside the organisation's name
            continue
        if envoy is not None and gap == envoy[1]:
            gap = " "
        if gap in COUNTRY_GAPS and it.kind == "title" and right.kind in ("country", "org"):
            gap = " "   # "Thủ tướng của Na Uy X", "Phát ngôn viên của Điện Kremlin X"
        if it.kind == "rank" and right is c.item and gap in services():
            gap = " "   # "thượng tướng không quân X"
        if gap in (" - ", " – ") and it.kind in ("rank", "title") and right.kind == "title":
            gap = ", "   # "Đại tướng - Bộ trưởng Quốc phòng X", "Tổng Bí thư - Chủ tịch nước Lào X": one person's
        elif gap in (" - ", " – ") and right is c.item and c.full and it.kind in ("title", "org", "country") \
                and not it.used and _appositive(doc, j, served=True) is not None:
            gap = " "   # "CEO Actavis - Robert Wessman", "Tổng thống Iceland - Olafur Ragnar Grímsson": the post told before the dash
        if gap in (", ", " - ") and right.kind in ("honor", "rank") and right is items[n - 1] and not it.used:
            t = _appositive(doc, j)
            if t is not None:   # "Người phát ngôn của Tổng thư ký LHQ, ông X", "Tư lệnh lực lượng vũ
                # trang Indonesia, tướng X": the phrase is X's post
                _take_title(doc, c, t, before=True)
                right, j = items[t], t - 1
                continue
        if right.kind == "title" and it.kind == "change" and j > 0 and items[j - 1].kind == "title" \
                and _gap(doc, items[j - 1], right) in links("joint"):
            j -= 1   # "Phó Thủ tướng kiêm Bộ trưởng Quốc phòng X": two posts of X, read past the joint
            continue
        if gap in links("joint") and it.kind == "title" and right.kind == "title":
            gap = ", "
        if gap in units() and it.kind == "title" and right.kind == "place":
            gap = " "   # "Bí thư Tỉnh ủy tỉnh Nghệ An X": the unit word between the post and its place
        if gap == ", " and right.kind == "title" and _titled_org(doc, j):
            _take_title(doc, c, j - 1, before=True)   # "Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng,
            right, j = items[j - 1], j - 2            # Trưởng Ban Kinh tế Trung ương X": one chain
            continue
        if it.kind == "title" and not it.used and right.kind in ("country", "cap") \
                and (org := orgnames.unread_org(doc, it, right)) is not None:
            # "Giám đốc Tình báo Quốc gia Mỹ Dan Coats": the post's organisation, in words the scan left as no item
            row = doc.lex.titles.get(key(it.text)) or {"normal": it.text}
            c.titles.insert(0, {"title": f"{row['normal']} {org}", "organization": org, "country": None,
                                "at": it.start, "end": right.start - 1, "own_org": True})
            it.used, right, j = True, it, j - 1
            continue
        if it.used or gap not in (" ", ", ") or gap == ", " and (right.kind != "title" and served_only(doc, j)
                                                                  or it.kind == "title" and addressed(doc, j)):
            break
        if gap == ", " and not (it.kind == "title" or it.kind == "rank" and right.kind in ("title", "honor")
                                or it.kind == "country" and j > 0 and _gap(doc, items[j - 1], it) == " "
                                and (items[j - 1].kind == "honor" or items[j - 1].kind == "title"
                                     and right.kind != "title") and not _subordinate(doc, it)):
            break  # "người đồng cấp Lào, Trung tướng X"; never "tại Vientiane, Lào, Thượng tướng X"
        if it.kind == "rank" and c.rank is None:
            c.rank = doc.lex.ranks.get(key(it.text))
        elif it.kind == "country" and c.country is None:
            if it.data.get("ambiguous") and right is c.item and all(names.is_vietnamese(t) for t in c.tokens) \
                    and not (j > 0 and items[j - 1].kind in PERSON_CUES and _gap(doc, items[j - 1], it) == " "):
                break  # "Anh Hiếu", "Hoa hậu Mỹ Linh": an honorific or a name, no country; "Thủ tướng Anh X" keeps it
            c.country = it.data["iso3"]
        elif it.kind in ("org", "place") and gap == " " and j > 0 and (items[j - 1].kind == "title"
                                                                  or items[j - 1].kind == "rank" and right is c.item):
            # "Thủ tướng Chính phủ NAME", "Thị trưởng Kiev NAME": read with the title; "Chuẩn Đô đốc Hải quân NAME";
            c.country = c.country or it.data.get("country")   # "Thiếu tướng quân đội Anh NAME" is British
        elif it.kind == "org" and gap == " " and right is c.item and it.data.get("country"):
            c.country = c.country or it.data["country"]   # "chỉ huy của quân đội Nga NAME"
            break
        elif it.kind == "title" and gap == " " and right.kind == "title" and named_after(doc, n):
            break   # the post before belongs to the person named after the comma
        elif it.kind == "title" and gap == " " and right.kind == "title" and c.titles \
                and c.titles[0].get("at") == right.start:
            inner = c.titles.pop(0)   # "Cố vấn Tổng thống Nga X": the advisor's post names the one served
            _take_title(doc, c, j, before=True)
            if c.titles and c.titles[0].get("at") == it.start:
                c.titles[0]["title"] = f"{c.titles[0]['title']} {inner['title']}"
                c.titles[0]["country"] = c.titles[0]["country"] or inner["country"]
            else:
                c.titles.insert(0, inner)
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
    after = items[n + 1] if n + 1 < len(items) else None
    if c.country is None and after is not None and after.kind == "country" and after.sentence == c.item.sentence \
            and _gap(doc, c.item, after) in COUNTRY_GAPS - {" "} and (c.rank or any(t.get("title") for t in c.titles)):
        c.country = after.data["iso3"]   # "Đặc phái viên Tống Đào của Trung Quốc": the titled name's state
    c.titles = [t for t in c.titles if "title" in t]
    c.item.data["titles"] = c.titles


@functools.cache
def _subordinators() -> tuple[str, ...]:
    """event_cues.tsv subordinate cues ("trước khi", "sau khi"), as keys."""
    return tuple(key(r["cue"]) for r in resources.load("event_cues") if r["kind"] == "subordinate")


def _subordinate(doc: Doc, it: Item) -> bool:
    """Does `it` stand in a subordinate clause opening its sentence ("Trước khi hội đàm với người
    đồng cấp Na Uy, Thủ tướng X ..."): the comma after it ends that clause, and the name after the
    comma is the main clause's subject, not the counterpart."""
    return key(doc.text[doc.sentence_start(it.sentence):it.start]).startswith(_subordinators())


def _titled_org(doc: Doc, j: int) -> bool:
    """Is item j an organisation or place read with the free title right before it ("Bí thư
    Trung ương Đảng", "Bí thư Tỉnh ủy tỉnh Nghệ An")? Before ", TITLE NAME" it is one more post of
    that name's chain."""
    items = doc.items
    it = items[j]
    if it.kind not in ("org", "place") or it.used or j == 0:
        return False
    title = items[j - 1]
    gap = _gap(doc, title, it)
    if title.kind != "title" or title.used or key(title.text) == key(items[j + 1].text):
        return False   # "Chủ tịch Tập đoàn A, Chủ tịch công ty B": one post of two, a list of holders
    return gap == " " or it.kind == "place" and gap in units()


def _in_brackets(doc: Doc, start: int, end: int) -> bool:
    """Does the text from start to end open a bracket it does not close?"""
    between = doc.text[start:end]
    return between.count("(") > between.count(")")


def _appositive(doc: Doc, j: int, served: bool = False) -> int | None:
    """The title opening the phrase that ends with item j ("Người phát ngôn của Tổng thư ký Liên Hợp
    Quốc", "Bộ trưởng Ngoại giao Mỹ"), read back over its organisation and country and over "của"
    to the post that serves, if a title opens it."""
    items, k = doc.items, j
    while k > 0 and items[k].kind in ("org", "country", "place") and (
            (between := _gap(doc, items[k - 1], items[k])) == " " or between in _posted()
            or items[k].data.get("inside") and within(items[k], items[k - 1])):
        k -= 1   # "Đại biện lâm thời Đại sứ quán Trung Quốc tại Việt Nam - bà X": where the post is
    if items[k].kind != "title" or items[k].used:
        return None
    while k > 0 and items[k - 1].kind == "title" and not items[k - 1].used and _gap(doc, items[k - 1], items[k]) in _of():
        k -= 1
    return None if served_only(doc, k) and not served else k


def _passive_agent(doc: Doc, n: int) -> bool:
    """Is the name at n, with the titles and ranks right before it, the agent of a passive
    ("Inada được Thủ tướng Shinzo Abe bổ nhiệm làm Bộ trưởng": title_links.tsv, kind agent)?"""
    items, k = doc.items, n
    while k > 0 and items[k - 1].kind in ("title", "rank", "country", "honor") and _gap(doc, items[k - 1], items[k]) == " ":
        k -= 1
    return doc.text[max(0, items[k].start - 12):items[k].start].endswith(_agents())


@functools.cache
def _agents() -> tuple[str, ...]:
    return tuple(links("agent"))   # str.endswith takes a tuple


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
    return frozenset({", ", " "}) | links("link")


def services() -> frozenset[str]:
    """The words between a rank and the name naming the service (title_links.tsv, kind service)."""
    return links("service")


def _of() -> frozenset[str]:
    """The words between a title and the holder it serves (title_links.tsv, kind of)."""
    return links("of")


def _take_title(doc: Doc, c: Candidate, j: int, before: bool = False) -> int:
    """Read the title at j with the organisation and country after it; returns the next index."""
    lex, items = doc.lex, doc.items
    it = items[j]
    it.used = True
    row = lex.titles.get(key(it.text)) or {"normal": it.text, "org": "any"}
    title, org, country = row["normal"], row.get("organization"), None
    k = j + 1
    if k < len(items) and items[k].kind in ("org", "place") and row["org"] != "none" \
            and (_gap(doc, it, items[k]) in COUNTRY_GAPS or items[k].kind == "place" and _gap(doc, it, items[k]) in units()):
        o = items[k]
        o.used = True
        org = o.data["name"]
        country = o.data.get("country") or None
        orow = o.data.get("row")
        if orow is None or orow["in_title"] == "yes":
            title = f"{title}{_gap(doc, it, o)}{org}"   # "phát ngôn viên của Điện Kremlin" as written
        k += 1
    if k < len(items) and items[k].kind == "country" and _gap(doc, items[k - 1], items[k]) in COUNTRY_GAPS \
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
    if len(FIELD_JOINS.findall(written)) < len(FIELD_JOINS.findall(title)) and title_key(written) == title_key(title):
        title = written[:1].upper() + written[1:]   # "Bộ trưởng Khoa học Công nghệ": a post as written
    served = _served(doc, k)
    if served is not None:   # "đặc phái viên của Tổng Bí thư Tô Lâm": the post names whom it serves
        title = f"{title}{doc.article.text[end:served.end]}"
        k = items.index(served) + 1
    if row["org"] == "needed" and not (org or country or served) \
            and not (k < len(items) and items[k].kind == "title" and _gap(doc, items[k - 1], items[k]) == " "):
        return k   # a bare "Lãnh đạo", "Cố vấn": whom or what they lead or advise is the post, unnamed here
    entry = {"title": title, "organization": org, "country": country, "at": it.start, "end": items[k - 1].end,
             "own_org": k > j + 1 and items[j + 1].kind == "org" and items[j + 1].data.get("row") is None,
             "served": served.start if served is not None and served.kind == "cap" else None}
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
