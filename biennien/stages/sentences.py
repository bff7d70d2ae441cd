"""Sentence splitting that survives Vietnamese abbreviations (TP., PGS.TS., Q.), initials and quotes.

Every paragraph (a line of the clean text) ends a sentence, so one-sentence-per-line feeds
split on their lines. Sentences overlapping a caption, credit, byline or source zone are marked
`is_caption`: later stages do not take names from them as new actors.
"""
from __future__ import annotations

import bisect
import functools
import re

from .. import resources
from ..records import Article, Sentence
from ..text import NOT_NEWS

PARAGRAPH = re.compile(r"[^\n]+")
# End punctuation after a non-space, closing quotes/brackets, then space and what can start a
# sentence. The look-behind comes after the first mark: a pattern opening with a character class
# is searched by skipping to it (2.5x faster than a look-behind tried at every position).
BOUNDARY = re.compile(r"([.!?…](?<=\S.)[.!?…]*)([\"”’»)\]]*)(?=\s+[\"“‘«(\[]?[0-9A-ZÀ-ỸĐ])")
WORD_BEFORE = re.compile(r"([\w.]+)$")


@functools.cache
def _abbreviations() -> frozenset[str]:
    return frozenset(resources.column("abbreviations", "abbreviation"))


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the period at `dot` part of an abbreviation or an initial?"""
    # Look back a bounded window: searching from 0 made splitting quadratic in the article length
    # (a 10,000-line article took minutes). A word cut by the window is longer than any abbreviation.
    match = WORD_BEFORE.search(text, max(0, dot - 100), dot)
    if not match:
        return False
    word = match.group(1)
    last = word.rsplit(".", 1)[-1]
    if len(last) == 1 and last.isupper():
        return True  # an initial: "N. Diệp", "X.A."
    return last in _abbreviations() or word in _abbreviations()


def split(article: Article) -> list[Sentence]:
    text = article.text
    spans: list[tuple[int, int]] = []
    for para in PARAGRAPH.finditer(text):
        start = para.start()
        for match in BOUNDARY.finditer(text, para.start(), para.end()):
            punct = match.group(1)
            if punct == "." and _is_abbreviation(text, match.start(1)):
                continue
            spans.append((start, match.end()))
            start = match.end()
        spans.append((start, para.end()))
    zones = sorted((z.start, z.end) for z in article.zones if z.kind in NOT_NEWS)
    starts = [z[0] for z in zones]
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        i = bisect.bisect_right(starts, e) - 1
        covered = 0
        while i >= 0 and zones[i][1] > s - 5000:
            zs, ze = zones[i]
            covered += max(0, min(e, ze) - max(s, zs))
            i -= 1
        caption = covered * 2 >= e - s  # mostly caption, credit or byline
        out.append(Sentence(article.doc_id, len(out), s, e, text[s:e], caption))
    return out
