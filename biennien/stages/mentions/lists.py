"""A post several people share, named once before their list ("4 Phó tổng tham mưu trưởng gồm
Thượng tướng A, B; Trung tướng C, D", "các Thứ trưởng A, B, C"): every name of the list holds it,
with the rank last written before it in the list."""
from __future__ import annotations

import re

from ...text import key
from .doc import Candidate, Doc

COUNT = re.compile(r"(?<![\d.,])\d{1,2} \Z")   # "4 Phó tổng tham mưu trưởng"
LIST_GAPS = (", ", "; ")


def shared_posts(doc: Doc, cands: list[Candidate]) -> None:
    items, lex = doc.items, doc.lex
    by_item = {c.index: c for c in cands if c.full}
    for t, it in enumerate(items):
        if it.kind != "title" or not _plural_before(doc, t):
            continue
        j = t + 1
        while j < len(items) and items[j].kind in ("org", "country", "place") and items[j].sentence == it.sentence:
            j += 1   # the post's organisation and country
        if j >= len(items) or items[j].sentence != it.sentence:
            continue
        gap = doc.text[items[j - 1].end:items[j].start]
        head = by_item.get(j) if items[j].kind == "cap" else None
        entry = next((dict(e) for e in head.titles if e.get("at") == it.start), None) if head else None
        if entry is None:
            if gap not in lex.listers and f" {gap.strip(' :')} " not in lex.listers:
                continue
            row = lex.titles.get(key(it.text)) or {"normal": it.text}
            entry = {"title": row["normal"], "organization": row.get("organization"), "country": None, "at": it.start}
        entry.pop("change", None)
        _give(doc, by_item, j, entry)


def _give(doc: Doc, by_item: dict[int, Candidate], j: int, entry: dict) -> None:
    """Walk the list from item j: ranks and names joined by commas, semicolons or a joiner."""
    items, lex = doc.items, doc.lex
    rank = None
    while j < len(items):
        it = items[j]
        if it.kind == "rank":
            rank = lex.ranks.get(key(it.text)) or rank
        elif it.kind == "cap":
            c = by_item.get(j)
            if c is not None:
                if not c.titles:
                    c.titles.append(dict(entry))
                c.rank = c.rank or rank
        else:
            return
        if j + 1 >= len(items) or items[j + 1].sentence != it.sentence:
            return
        gap = doc.text[it.end:items[j + 1].start]
        if not (gap == " " and it.kind == "rank" or gap in LIST_GAPS or gap.strip(" ") in lex.joiners):
            return
        j += 1


def _plural_before(doc: Doc, t: int) -> bool:
    """Does a plural word ("các", "những": honorifics.tsv, plural) or a count stand right before
    the title?"""
    it = doc.items[t]
    prev = doc.items[t - 1] if t else None
    if prev is not None and prev.kind == "honor" and doc.text[prev.end:it.start] == " " \
            and doc.lex.honorifics.get(prev.text.casefold()) == "plural":
        return True
    return COUNT.search(doc.text, max(0, it.start - 4), it.start) is not None
