"""What a capitalised run of words is: a Vietnamese full name, a foreign name, or neither.

No offline Vietnamese NER finds titled names well, and a model costs milliseconds a sentence, so
names are told by their shape: a Vietnamese name is 2-5 Vietnamese syllables opening with a
family name ("Hoàng Xuân Chiến", "Lý Hiển Long"); a foreign name has a syllable Vietnamese
spelling does not allow ("Paul Whelan", "Khamlieng Outhakaysone", "Kim Jong-un"). The words
before a run (an honorific, a rank, a title) decide the rest, in mentions.py.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from .lexicon import lexicon

# Vietnamese syllable spelling: onset, vowel cluster, coda, over the letters without tone marks.
ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
# Vowel clusters Vietnamese spelling allows (without tone marks); "ye", "yo", "ee" are not among
# them, which tells "Song Hye Kyo" from a Vietnamese name.
NUCLEI = ("a ă â e ê i y o ô ơ u ư ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui "
          "uô uơ ưa ưi ươ ưu uy yê iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyê uyu").split()
VOWELS = "(?:" + "|".join(sorted(NUCLEI, key=len, reverse=True)) + ")"
CODA = r"(?:ng|nh|ch|[cmnpt])?"
SYLLABLE = re.compile(rf"{ONSET}{VOWELS}{CODA}")
KEEP = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: letters, not tones


@functools.cache
def base(word: str) -> str:
    """Lower case, tone marks dropped, letter marks (ă â ê ô ơ ư đ) kept."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed
                                                if not unicodedata.combining(c) or c in KEEP))


@functools.cache
def is_vietnamese(word: str) -> bool:
    """Can `word` be one Vietnamese syllable?"""
    return bool(SYLLABLE.fullmatch(base(word)))


def is_initial(token: str) -> bool:
    """An abbreviated given name of a suspect or a minor ("Nguyễn Tấn T.", "Lê Quốc Th.")."""
    return 1 <= len(token) <= 2 and token.isalpha() and token[0].isupper() and token[1:] == token[1:].lower()


def vietnamese_name(tokens: list[str]) -> bool:
    """Two to five Vietnamese syllables opening with a family name ("Nguyễn Tấn T" counts)."""
    if not 2 <= len(tokens) <= 5 or tokens[0] not in lexicon().surnames:
        return False
    body = tokens[:-1] if is_initial(tokens[-1]) and not is_vietnamese(tokens[-1]) else tokens
    return all(is_vietnamese(t) for t in body)


def foreign(tokens: list[str]) -> bool:
    """Does any word break Vietnamese spelling (a foreign name, not a Vietnamese phrase)?"""
    return any(not is_vietnamese(t) for t in tokens if t not in lexicon().particles)


def org_like(tokens: list[str]) -> bool:
    """A foreign run naming a company, a body or a work ("Black Entertainment Television",
    "The Business of Fashion")."""
    lex = lexicon()
    return (any(t in lex.orgwords for t in tokens) or any(t.isupper() and len(t) > 1 and not t.endswith(".")
                                                          for t in tokens)   # "Jay L. Zagorsky": an initial
            or tokens[0] in lex.notname)


def person_shape(tokens: list[str]) -> str | None:
    """'vn' for a Vietnamese full name, 'foreign' for a foreign name of 2-5 words, else None."""
    if vietnamese_name(tokens):
        return "vn"
    if 2 <= len(tokens) - tokens.count("-") <= 5 and foreign(tokens) and not org_like(tokens):
        return "foreign"
    return None
