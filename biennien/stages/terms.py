"""Bounds on an undated article's publication date from the numbered terms of elected bodies.

Two constructions (resources/vi/terms.tsv), each evidence of where the publication must lie:
  - a body's term named by its number ("ứng cử đại biểu Quốc hội khóa XVI", "Ban Chấp hành
    Trung ương khóa XIV"): the article is not earlier than the row's `before` days ahead of the
    election or congress that made that term (the press names a coming term with its candidates
    and preparations, not years ahead). A past term is named for ever: the start alone bounds.
  - a term opened by a meeting held in the sentence ("lễ khai mạc Đại hội đại biểu lần thứ
    nhất, nhiệm kỳ 2025 - 2030", "chủ trì phiên họp thứ nhất Hội đồng ... nhiệm kỳ 2026-2031"):
    a term of the years Y1-Y2 opens in Y1, so the article lies within Y1, widened by OPEN_BEFORE
    and OPEN_AFTER. Not when the sentence refers to the meeting ("triển khai nghị quyết Đại
    hội ...", "chuẩn bị Đại hội ..."), speaks of the future, or names another date with its year
    (history told: "Đại hội ... nhiệm kỳ 2020-2025 diễn ra vào tháng 10/2020" in a later article).
`evidence(body)` gives (what, spans) in the shape stages/bounds.py intersects.
"""
from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from .. import resources

OPEN_BEFORE = timedelta(days=61)   # a congress of a term from Y1 may open in November of Y1 - 1
OPEN_AFTER = timedelta(days=60)    # and be reported as just held into Y1 + 1
TERM_YEARS = range(2, 7)           # a term's years: "nhiệm kỳ 2025 - 2030", "2021-2023", not "2010-2030"
REFERRED_WORDS = 2                 # words that may stand between a `referred` word and the meeting
Spans = tuple[tuple[date, date], ...]


def _words(kind: str) -> str:
    rows = sorted((r["pattern"] for r in resources.load("terms") if r["kind"] == kind), key=len, reverse=True)
    return "|".join(re.escape(w) for w in rows)


@functools.cache
def _bodies() -> tuple[tuple[str, re.Pattern, date], ...]:
    """(cue, pattern, the first day the text can name the term) per numbered term."""
    return tuple((r["cue"], re.compile(r["pattern"]),
                  date.fromisoformat(r["start"]) - timedelta(days=int(r["before"])))
                 for r in resources.load("terms") if r["kind"] == "body")


@functools.cache
def _patterns() -> dict[str, re.Pattern]:
    future = "|".join(re.escape(r["word"]) for r in resources.load("date_bounds") if r["kind"] == "future")
    return {
        "open": re.compile(rf"\b(?:{_words('open')})\b[^.;:!?]{{0,120}}?\b(?:{_words('term')})\s+"
                           r"((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b", re.I),
        "held": re.compile(rf"\b(?:{_words('held')})\b", re.I),
        "referred": re.compile(rf"\b(?:{_words('referred')})\s+(?:\S+\s+){{0,{REFERRED_WORDS}}}$", re.I),
        "future": re.compile(rf"\b(?:{future})\b", re.I),
        "dated": re.compile(r"(?<![\d/.-])(?:\d{1,2}[/.-])?\d{1,2}[/.-](?:19|20)\d\d\b"),   # "tháng 10/2020": a date told with its year
        # the span of years "open" ends with, uncased: a quick test before it (re.I tries every position)
        "span": re.compile(r"(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d"),
    }


def evidence(body: list[str], low: str | None = None) -> list[tuple[str, Spans]]:
    """(what, the spans it allows) for every numbered term the sentences name and every term
    they open. `body` is spelled as stages/bounds.py reads it (tone placement folded)."""
    found: list[tuple[str, Spans]] = []
    text = "\n".join(body)
    low = text.lower() if low is None else low   # bounds.py lowers the text once for every kind of evidence
    for cue, pattern, first in _bodies():
        if cue in low and pattern.search(text):
            found.append(("term", ((first, date.max),)))
    p = _patterns()
    for sentence in body if p["span"].search(text) and p["open"].search(text) else ():
        if not p["held"].search(sentence) or p["future"].search(sentence) or p["dated"].search(sentence):
            continue
        for m in p["open"].finditer(sentence):
            y1, y2 = int(m.group(1)), int(m.group(2))
            if y2 - y1 in TERM_YEARS and not p["referred"].search(sentence[:m.start()]):
                found.append(("opened", ((date(y1, 1, 1) - OPEN_BEFORE, date(y1, 12, 31) + OPEN_AFTER),)))
    return found
