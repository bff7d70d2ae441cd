"""Whose a title is, where chains of titles meet: a title before a name opens that name's chain
(`opens_next_person`, `joins_next_chain`), not the chain of the name before it; a title after "của"
names whom another post serves (`served_only`), one after an honorific its own holder (`addressed`);
", ông/bà NAME" after a name takes the titles before both (`named_after`). titles.py reads the chains."""
from __future__ import annotations

import functools
import re

from .doc import Doc, gap, links, within
from .envoys import posted
from .orgnames import opens_org


@functools.cache
def _served() -> re.Pattern:
    """The post's words, then a title_links.tsv `of` word and whom it serves ("cố vấn đặc biệt của
    tổng thống")."""
    words = "|".join(sorted((re.escape(w.strip()) for w in links("of")), key=len, reverse=True))
    return re.compile(rf" (?:[^\W\d_]+ ){{0,3}}(?:{words}) ")


def named_after(doc: Doc, n: int) -> bool:
    """Does ", ông/bà NAME" follow the name at n? Then the titles before n with it ("Người phát ngôn
    Tổng thư ký LHQ Antonio Guterres, ông Stéphane Dujarric") describe the second person: the first
    keeps only the post right before him."""
    items = doc.items
    return n + 2 < len(items) and items[n + 1].kind == "honor" and gap(doc, items[n], items[n + 1]) == ", " \
        and items[n + 2].kind == "cap" and gap(doc, items[n + 1], items[n + 2]) == " "


def served_only(doc: Doc, n: int) -> bool:
    """Does the title name whom another post before it serves ("cố vấn đặc biệt của tổng thống, ông X"),
    not a post of the name after the comma?"""
    prev = doc.items[n - 1] if n else None
    return prev is not None and prev.kind == "title" and _served().fullmatch(gap(doc, prev, doc.items[n])) is not None


def addressed(doc: Doc, n: int) -> bool:
    """Does an honorific stand right before the title ("Chào đón ngài Toàn quyền, chủ tịch X")? The title
    then names its own holder, not a post of the name after the comma."""
    return n > 0 and doc.items[n - 1].kind == "honor" and gap(doc, doc.items[n - 1], doc.items[n]) == " "


def joins_next_chain(doc: Doc, j: int) -> bool:
    """Does the title at j open a run of titles joined by commas whose last opens a name ("Ngoại
    trưởng Philippines X, Phó Thủ tướng, Bộ trưởng Ngoại giao Y")? Then the run is Y's chain."""
    items, k = doc.items, j
    while True:
        while k + 1 < len(items) and items[k + 1].kind in ("org", "country", "place") \
                and gap(doc, items[k], items[k + 1]) == " ":
            k += 1
        if k + 1 >= len(items) or items[k + 1].kind != "title" or items[k + 1].used \
                or gap(doc, items[k], items[k + 1]) != ", ":
            return False
        k += 1
        if opens_next_person(doc, k):
            return True


def opens_next_person(doc: Doc, j: int) -> bool:
    """Is the title at j followed by a name (then it is that person's: "..., Thủ tướng X")?"""
    k = j + 1
    while k < len(doc.items) and (doc.items[k].kind in ("country", "org", "place") and (
            (between := gap(doc, doc.items[k - 1], doc.items[k])) == " "
            or between in posted() and doc.items[k - 1].kind == "country" and k > j + 1)
                                  or doc.items[k].data.get("inside") and within(doc.items[k], doc.items[k - 1])):
        k += 1   # "Chủ tịch Hội đồng châu Âu Donald Tusk", "Bí thư Tỉnh ủy Nghệ An X": past the body or place of the post;
        # "Đại sứ Nhật Bản tại Việt Nam Umeda": past the country an envoy serves in
    return k < len(doc.items) and doc.items[k].kind == "cap" and gap(doc, doc.items[k - 1], doc.items[k]) == " " \
        and not opens_org(doc, doc.items[k])   # "Thứ trưởng Bộ Phát triển kinh tế Ý": no holder's name
