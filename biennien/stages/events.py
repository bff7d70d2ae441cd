"""Event mentions coded in PLOVER/CAMEO, with actor, recipient, place, date and plans."""
from __future__ import annotations

from ..records import Article, EventMention, Mention, Sentence, TimeExpr


def find(article: Article, sentences: list[Sentence], mentions: list[Mention],
         times: list[TimeExpr]) -> list[EventMention]:
    """Every event mention in the article (being built: see issue 4)."""
    return []
