"""What a capitalised run of words is: a Vietnamese full name, a foreign name, or neither.

No offline Vietnamese NER finds titled names well, and a model costs milliseconds a sentence, so
names are told by their shape: a Vietnamese name is 2-5 Vietnamese syllables opening with a
family name ("Hoàng Xuân Chiến", "Lý Hiển Long"); a foreign name has a syllable Vietnamese
spelling does not allow ("Paul Whelan", "Khamlieng Outhakaysone", "Kim Jong-un"). The words
before a run (an honorific, a rank, a title) decide the rest, in stages/mentions/. Whether a
word can be a Vietnamese syllable at all is `text.is_vietnamese`.
"""
from __future__ import annotations

import re

from ..text import is_vietnamese
from .names import lexicon


def is_initial(token: str) -> bool:
    """An abbreviated given name of a suspect or a minor ("Nguyễn Tấn T.", "Lê Quốc Th.", "Hoàng Thị H.P")."""
    return (1 <= len(token) <= 2 and token.isalpha() and token[0].isupper() and token[1:] == token[1:].lower()
            or len(token) == 3 and token[1] == "." and token[0].isupper() and token[2].isupper())


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
                                                          and not (k and REGNAL.fullmatch(t) and not is_vietnamese(tokens[k - 1]))
                                                          for k, t in enumerate(tokens))   # "Jay L. Zagorsky": an initial
            or tokens[0] in lex.notname)


REGNAL = re.compile(r"(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})")   # "Charles III", "Leo XIV": a number after a name, no acronym


def person_shape(tokens: list[str]) -> str | None:
    """'vn' for a Vietnamese full name, 'foreign' for a foreign name of 2-5 words, else None."""
    if vietnamese_name(tokens):
        return "vn"
    particles = lexicon().particles   # "Mohammed bin Abdulrahman bin Jassim Al Thani": five names
    if 2 <= sum(t != "-" and t not in particles for t in tokens) <= 5 and foreign(tokens) and not org_like(tokens):
        return "foreign"
    return None
