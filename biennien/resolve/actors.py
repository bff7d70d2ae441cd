"""One identity per actor: spellings of one name become one actor with aliases.

Exact spellings (case-, space-, hyphen- and tone-placement-insensitive) always meet. Beyond that,
two person names are one person when they are one romanised foreign name split into words
differently ("Hwang Hana" / "Hwang Ha Na", same first word), or when they have the same number of
words, differ in at most one word, that word is a
romanised foreign word (no Vietnamese diacritics: "Khamlieng"/"Khamliang",
"Phommakone"/"Phommakon") within a small edit distance, and their countries agree. Vietnamese
names differ by a diacritic between different people ("Nguyễn Văn An" / "Nguyễn Văn Ân"), so
they are never matched fuzzily. Countries are keyed by their ISO code.
"""
from __future__ import annotations

import functools
import unicodedata

from .. import settings
from ..lexicon.shapes import foreign
from ..text import NAME_WORD, base, canon, name_key



@functools.lru_cache(maxsize=settings.get("caches", "actor_keys"))  # the writer keys every mention of a round
def key(name: str, kind: str, country: str | None = None) -> str:
    """The exact-match key of a name: NFC, tone placement folded ("Hoà" = "Hòa"), case-folded,
    words only; a person's also without the diacritics of foreign words (`text.name_key`); a
    country's is its ISO code."""
    if kind == "country" and country:
        return country.upper()
    if kind == "person":
        return name_key(name)   # foreign words without their diacritics: "Stéphane" = "Stephane"
    return " ".join(NAME_WORD.findall(canon(unicodedata.normalize("NFC", name)).casefold()))


def block(keyed: str) -> str:
    """A blocking key for fuzzy candidates (`keyed` is a `key`): the first three letters of the last word."""
    words = keyed.split()
    return words[-1][:3] if words else ""


def _plain(word: str) -> bool:
    return word.isascii()


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, stopping early past `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def same_person(key_a: str, key_b: str) -> bool:
    """Spelling variants of one romanised name (see the module docstring)."""
    if key_a == key_b:
        return True
    wa, wb = key_a.split(), key_b.split()
    if len(wa) != len(wb) and min(len(wa), len(wb)) >= 2 and wa[0] == wb[0] and "".join(wa) == "".join(wb) \
            and key_a.isascii() and foreign(wa) and foreign(wb):
        return True  # a romanised name split differently: "Hwang Hana" / "Hwang Ha Na"
    if len(wa) != len(wb) or len(wa) < 2:
        return False
    differing = [(a, b) for a, b in zip(wa, wb) if a != b]
    if len(differing) != 1:
        return False
    a, b = differing[0]
    if not (_plain(a) and _plain(b)) or min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    return _distance(a, b, 2) <= (2 if min(len(a), len(b)) >= 8 else 1)


def surname_like(keyed: str) -> bool:
    """Can a one-word person key be a foreign family name worth looking up among stored full names
    ("putin", "macron")? Four letters or more, and a word Vietnamese spelling does not allow (a
    Vietnamese given name alone, "hùng", names too many people)."""
    return len(keyed) >= 4 and foreign([keyed])


def tone_variants(key_a: str, key_b: str) -> bool:
    """Two transliterations of one foreign name into Vietnamese that differ by the tone mark of
    one word ("Nguỵ Phương Hoà" / "Nguỵ Phượng Hoà"); the caller asks for one foreign country
    on both (Vietnamese names differing so are different people)."""
    wa, wb = key_a.split(), key_b.split()
    differing = [(a, b) for a, b in zip(wa, wb) if a != b]
    return len(wa) == len(wb) >= 2 and len(differing) == 1 and base(differing[0][0]) == base(differing[0][1])


def countries_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def canonical(counts: dict[str, int]) -> str:
    """The most frequent full spelling; ties go to the longer, then the first in order."""
    return max(counts.items(), key=lambda kv: (kv[1], len(kv[0].split()), len(kv[0])))[0]
