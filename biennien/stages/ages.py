"""Bounds on an undated article's publication date from the ages of well-known persons.

"Ông Tập Cận Bình (62 tuổi)", "Ngoại trưởng Lavrov, năm nay 68 tuổi,": a person named with their
age in apposition, whose birth date is public record (resources/vi/births.tsv), places the
article in the year that age lasts. The press counts an age two ways, by the birthday passed or
by the year of birth ("Ông Trần Đại Quang 60 tuổi" in July 2016, born October 1956), so the
article lies from 1 January of the year of birth plus the age to the day before the birthday a
year later. Not after a year named in its sentence ("Năm 2012, ông Tập, 59 tuổi, ...": history told), nor
in a sentence telling a death or a past ("qua đời", "khi đó": resources/vi/date_bounds.tsv
`former_after`): the age is of another day.
"""
from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from .. import resources

Spans = tuple[tuple[date, date], ...]
AGE = r"(?:,\s*|\s*\(\s*|\s+)(?:năm nay\s+)?(\d{1,3})\s+tuổi\b"   # ", 62 tuổi", "(62 tuổi", " 60 tuổi", ", năm nay 68 tuổi"


@functools.cache
def _persons() -> tuple[tuple[str, re.Pattern, date], ...]:
    return tuple((r["cue"], re.compile(rf"\b(?:{r['pattern']}){AGE}"), date.fromisoformat(r["born"]))
                 for r in resources.load("births"))


@functools.cache
def _history() -> re.Pattern:
    words = "|".join(re.escape(r["word"]) for r in resources.load("date_bounds") if r["kind"] == "former_after")
    return re.compile(rf"\b(?:{words})\b", re.I)


YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")   # a year before the person: "Năm 2012, ông Tập, 59 tuổi, ..."
NAMED_BEFORE = re.compile(r"([^\W\d_][\w-]*)\s+$")   # the word before the name


@functools.cache
def _compared() -> re.Pattern:
    """A difference or another day's age before the name: date_bounds.tsv `age_other` words."""
    words = "|".join(re.escape(r["word"]) for r in resources.load("date_bounds") if r["kind"] == "age_other")
    return re.compile(rf"\b(?:{words})\s+(?:\S+\s+){{0,2}}$", re.I)


@functools.cache
def _honorifics() -> frozenset[str]:
    return frozenset(r["word"].lower() for r in resources.load("honorifics") if r["kind"] == "honorific")


def _own(sentence: str, start: int) -> bool:
    """Is the name at `start` the person's own, not another's family name ("Ivanka Trump", "Vi Văn
    May"), a comparison ("trẻ hơn ông Putin 13 tuổi") or another day's ("khi Macron 18 tuổi")? The word before it is lower case (a
    title's last word, "Tổng thống Trump") or an honorific ("Ông Lavrov"), or there is none."""
    before = sentence[max(0, start - 40):start]
    word = NAMED_BEFORE.search(before)
    if _compared().search(before):
        return False
    return word is None or not word.group(1)[0].isupper() or word.group(1).lower() in _honorifics()


def _birthday(born: date, year: int) -> date:
    return born.replace(year=year) if (born.month, born.day) != (2, 29) else date(year, 3, 1)


def evidence(body: list[str], low: str | None = None) -> list[tuple[str, Spans]]:
    """(what, the spans it allows) for every well-known person the sentences name with their age.
    `body` is spelled as stages/bounds.py reads it (tone placement folded)."""
    found: list[tuple[str, Spans]] = []
    low = "\n".join(body).lower() if low is None else low   # bounds.py lowers the text once for every kind of evidence
    if "tuổi" not in low:
        return found
    for cue, pattern, born in _persons():
        if cue not in low:
            continue
        for sentence in body:
            if cue not in sentence.lower() or _history().search(sentence):
                continue
            for m in (m for m in pattern.finditer(sentence)
                      if not YEAR.search(sentence, 0, m.start()) and _own(sentence, m.start())):
                year = born.year + int(m.group(1))
                found.append(("age", ((date(year, 1, 1), _birthday(born, year + 1) - timedelta(days=1)),)))
    return found
