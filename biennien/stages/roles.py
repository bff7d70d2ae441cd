"""Role observations: (person, rank, title, organisation, country, date, sentence), and changes."""
from __future__ import annotations

from ..records import Article, Mention, RoleObservation, Sentence, TimeExpr


def find(article: Article, sentences: list[Sentence], mentions: list[Mention],
         times: list[TimeExpr]) -> list[RoleObservation]:
    """Every role observation in the article (being built: see issue 3)."""
    return []
