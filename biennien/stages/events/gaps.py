"""What the words between two names say (a gap: "A, Thứ trưởng B", "A và ông B", "A (Mỹ) và B"):
nothing but titles (`title_words`), titles set off as an apposition (`appositive`), and the joining
words and honorifics the argument finders test gaps with. Split from view.py."""
from __future__ import annotations

import functools
import re

from ... import resources
from ...lexicon.events import lexicon
from ...lexicon.names import lexicon as names_lexicon
from ...text import key

PARENS = re.compile(r"\([^()]*\)")
DASHED = re.compile(r"\s[-–]\s[^-–;]*?\s[-–](?=\s)")


def title_words(gap: str) -> bool:
    """Nothing, or a few words opening with a capital or a title (a rank or title: "Đại tướng", "Chủ
    tịch nước", "cựu ngoại trưởng Mỹ") between two names, with no joining word among them; or an
    honorific alone, which names a person as a title does ("..., ông Trump tự mình ...")."""
    words = gap.replace(",", " ").split()
    if len(words) == 1 and words[0] in honorifics():
        return True
    return not words or len(words) <= 6 and (words[0][:1].isupper() or _opens_title(words)) and \
        not any(w.lower() in _joiners() for w in words)


def _opens_title(words: list[str]) -> bool:
    """Do the words open with a title ("cựu"/"nguyên" before it allowed) or a counterpart word ("người đồng cấp")?"""
    low, lex = [w.lower() for w in words][1 if words[0].lower() in _before_title() else 0:], names_lexicon()
    return any(key(p := " ".join(low[:n])) in lex.titles or lex.honorifics.get(p) == "counterpart"
               for n in range(1, min(4, len(low)) + 1))


@functools.cache
def _before_title() -> frozenset[str]:
    return frozenset(r["phrase"] for r in resources.load("role_changes") if r["where"] == "before_title")


@functools.cache
def _joiners() -> frozenset[str]:
    return frozenset(c.phrase for c in lexicon().cues.values() if c.has("and") or c.has("with"))


@functools.cache
def ands() -> tuple[str, ...]:
    return tuple(c.phrase + " " for c in lexicon().cues.values() if c.has("and"))


@functools.cache
def ands_words() -> frozenset[str]:
    return frozenset(c.phrase for c in lexicon().cues.values() if c.has("and"))


@functools.cache
def honorifics() -> frozenset[str]:
    """"ông", "bà": the pronoun cues that also stand before a name as an honorific."""
    return frozenset(c.phrase for c in lexicon().cues.values() if c.has("pronoun") and " " not in c.phrase)


@functools.cache
def spouses() -> frozenset[str]:
    """"phu nhân", "Hoàng hậu" (event_cues kind spouse), in every spelling: "A và phu nhân B"."""
    return frozenset(form for form, c in lexicon().cues.items() if c.has("spouse"))


@functools.cache
def joiners_longest_first() -> tuple[str, ...]:
    return tuple(sorted(_joiners(), key=len, reverse=True))


def appositive(gap: str, allow_bare: bool) -> bool:
    """A gap of appositive titles only: empty, or ", Title, Title" / " - Title - " / "(...)".

    With allow_bare the gap may be empty (a subject right before its verb); without, it must
    open with a comma or a dash (a title after a name)."""
    gap = DASHED.sub(" ", PARENS.sub(" ", " " + gap + " "))
    text = gap.strip()
    if not text:
        return allow_bare
    if text[0] not in ",-–":
        return False
    chunks = [c.strip() for c in re.split(r"[,\-–]", text[1:])]
    if not any(chunks):
        return False   # "A, hội đàm với B": a bare comma lists verbs, it joins no subject
    return all(not c or ((c[0].isupper() or _opens_title(c.split())) and len(c.split()) <= 12) for c in chunks)


# --- arguments ---------------------------------------------------------------------------------
