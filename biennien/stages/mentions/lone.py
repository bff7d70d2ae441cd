"""A foreign surname standing alone after a form of address ("khi ông Netanyahu chuẩn bị phát
biểu"): in an article that gives no full form of it, it is a person's name of its own; in one
that gives several ("Laura Pereira Soto", "Mario Pereira"), it is the one written most."""
from __future__ import annotations

from collections import Counter

from ...lexicon import shapes as names
from .doc import Candidate, Doc

FORMS = frozenset({"honorific", "kin", "counterpart"})   # "ông", "vợ", "người đồng cấp": never a job or a group ("người Yazidi")


def lone_name(doc: Doc, c: Candidate, named: set[str], cands: list[Candidate]) -> str | None:
    """The name a short reference the article's full names left unresolved stands for: one foreign
    word written as a name (an initial, an acronym or an organisation's word is not) right after a
    form of address, a kin word or a counterpart word ("người đồng cấp Putin") is a name by
    itself, or, when full names of the article hold it after their first word, the one of them
    written most often (none on a tie)."""
    word = c.tokens[-1]
    if c.full or c.cue != "honor" or len(c.tokens) != 1 or len(word) < 3 or not word[1:].islower() \
            or word in named or not names.foreign([word]) or word in doc.lex.orgwords:
        return None
    prev = doc.items[c.index - 1] if c.index else None
    if prev is None or doc.lex.honorifics.get(prev.text) not in FORMS:
        return None
    fulls = Counter(" ".join(o.tokens) for o in cands if o.full and word in o.tokens[1:]).most_common(2)
    if not fulls:
        return word
    return fulls[0][0] if len(fulls) == 1 or fulls[0][1] > fulls[1][1] else None
