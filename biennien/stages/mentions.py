"""Names in an article: persons with their ranks and titles, organisations, countries, places."""
from __future__ import annotations

from ..records import Article, Mention, Sentence


def find(article: Article, sentences: list[Sentence]) -> list[Mention]:
    """Every mention in the article, in text order (being built: see issue 3)."""
    return []
