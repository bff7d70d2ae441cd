"""A foreign surname standing alone after a form of address ("khi ông Netanyahu chuẩn bị phát
biểu"): in an article that gives no full form of it, it is a person's name of its own."""
from __future__ import annotations

from ...lexicon import shapes as names
from .doc import Candidate, Doc

FORMS = frozenset({"honorific", "kin"})   # "ông", "bà", "vợ": never a job or a group ("người Yazidi")


def lone_name(doc: Doc, c: Candidate, named: set[str]) -> bool:
    """A short reference with no full form here that is a name by itself: one foreign word
    written as a name (an initial, an acronym or an organisation's word is not) right after a
    form of address or a kin word, in an article where no full name ends with it."""
    word = c.tokens[-1]
    if c.full or c.cue != "honor" or len(c.tokens) != 1 or len(word) < 3 or not word[1:].islower() \
            or word in named or not names.foreign([word]) or word in doc.lex.orgwords:
        return False
    prev = doc.items[c.index - 1] if c.index else None
    if prev is None or doc.lex.honorifics.get(prev.text) not in FORMS:
        return False
    # two full forms end with it ("Seokhee Won", "Seokee Won"): it stands for one of them, no third person
    return not any(it.kind == "cap" and it.text.endswith(f" {word}") for it in doc.items)
