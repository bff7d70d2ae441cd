"""A foreign surname standing alone after a form of address ("khi ông Netanyahu chuẩn bị phát
biểu"): in an article that gives no full form of it, it is a person's name of its own."""
from __future__ import annotations

from ...lexicon import shapes as names
from .doc import Candidate, Doc

FORMS = frozenset({"honorific", "kin", "counterpart"})   # "ông", "vợ", "người đồng cấp": never a job or a group ("người Yazidi")


def lone_name(doc: Doc, c: Candidate, named: set[str]) -> bool:
    """A short reference with no full form here that is a name by itself: one foreign word
    written as a name (an initial, an acronym or an organisation's word is not) right after a
    form of address, a kin word or a counterpart word ("người đồng cấp Putin")."""
    word = c.tokens[-1]
    if c.full or c.cue != "honor" or len(c.tokens) != 1 or len(word) < 3 or not word[1:].islower() \
            or word in named or not names.foreign([word]) or word in doc.lex.orgwords:
        return False
    prev = doc.items[c.index - 1] if c.index else None
    return prev is not None and doc.lex.honorifics.get(prev.text) in FORMS
