"""Vietnamese time expressions normalised against the publication date."""
from __future__ import annotations

from ..records import Article, Sentence, TimeExpr


def find(article: Article, sentences: list[Sentence]) -> list[TimeExpr]:
    """Every time expression in the article's sentences (being built: see issue 4)."""
    return []
