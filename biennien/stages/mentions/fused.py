"""A name fused with the organisation or place written right before it ("biên tập viên Time
Jane Porter", "thống đốc Gyeonggi Park Min - ho"): word-segmented news and a lower-case
head leave no boundary between them, so one capitalised run holds both."""
from __future__ import annotations

from ...lexicon import shapes as names
from ...text import key
from .doc import Candidate, Doc


def split_prefixes(doc: Doc, cands: list[Candidate]) -> None:
    """A full name of three or more words that ends with another full name of the article is that
    name when the words before it name a thing of their own: a known place, country or
    organisation, or words the article writes elsewhere without the name ("Huawei" beside
    "Huawei Trương Minh"). The run keeps only the name, and its surface starts there."""
    fulls = {tuple(c.tokens) for c in cands if c.full}
    if len(fulls) < 2:
        return
    for c in cands:
        if not c.full or len(c.tokens) < 3:
            continue
        for k in range(1, len(c.tokens) - 1):
            tail, prefix = tuple(c.tokens[k:]), " ".join(c.tokens[:k])
            if tail not in fulls or not names.person_shape(list(tail)) or not _named_apart(doc, c, prefix):
                continue
            start = c.surface[0] + len(prefix) + 1
            if doc.text[start:c.surface[1]] != " ".join(tail):
                break
            c.tokens, c.surface = list(tail), (start, c.surface[1])
            break


def _named_apart(doc: Doc, c: Candidate, prefix: str) -> bool:
    lex, k = doc.lex, key(prefix)
    if k in lex.places or k in lex.countries or k in lex.orgs:
        return True
    return any(it is not c.item and f" {prefix} " in f" {it.text} " and c.item.text not in it.text
               for it in doc.items if it.kind in ("cap", "org", "place", "other"))
