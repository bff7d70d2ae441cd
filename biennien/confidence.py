"""How sure biennien is of an event, in [0, 1], from the evidence that made it.

Four kinds of evidence, each scored in [0, 1] and weighted (the weights sum to 1, so the score is
bounded; each part only grows with its evidence, so the score is monotone in each):

- trigger:  how the event was reported at its best mention. `specific`: a trigger with a PLOVER
            mode (hội kiến = visit, bắt = arrest) in the article's own voice; `general`: a trigger
            without a mode (hợp tác, nhất trí); `reported`: only in reported speech (X cho biết ...).
- parties:  `both` an actor and a recipient were found; `one` of them; `none`.
- date:     where its date comes from at its best mention. `sentence`: a time expression in the
            event's own sentence; `article`: a date of the text (the lead's day, a date earlier in
            the article) other than the publication date; `publication`: the publication date
            alone; `none`: undated.
- articles: how many articles report it (independent reports): 1 - 0.5**n (1 → 0.5, 2 → 0.75 ...).

Weights: trigger 0.3, parties 0.25, date 0.2, articles 0.25. A specific, two-sided event dated in
its own sentence and reported once scores 0.875; the same in two articles 0.9375.
"""
from __future__ import annotations

TRIGGER = {"specific": 1.0, "general": 0.75, "reported": 0.5, "none": 0.0}
PARTIES = {"both": 1.0, "one": 0.6, "none": 0.0}
DATE = {"sentence": 1.0, "article": 0.7, "publication": 0.4, "none": 0.0}
WEIGHTS = {"trigger": 0.3, "parties": 0.25, "date": 0.2, "articles": 0.25}


def confidence(trigger: str, parties: str, date: str, articles: int) -> float:
    """The confidence of an event from its evidence (keys of TRIGGER, PARTIES, DATE; articles ≥ 0)."""
    reports = 1.0 - 0.5 ** max(articles, 0)
    score = (WEIGHTS["trigger"] * TRIGGER[trigger] + WEIGHTS["parties"] * PARTIES[parties]
             + WEIGHTS["date"] * DATE[date] + WEIGHTS["articles"] * reports)
    return round(min(max(score, 0.0), 1.0), 4)


def best(levels: dict[str, float], found) -> str:
    """The strongest of the levels `found` (the evidence of an event is its best mention's)."""
    return max(found, key=levels.__getitem__, default="none")


def trigger_kind(mode: str | None, reported: bool) -> str:
    if reported:
        return "reported"
    return "specific" if mode else "general"


def parties_kind(actors: list, recipients: list) -> str:
    return "both" if actors and recipients else "one" if actors or recipients else "none"


def date_source(date: str | None, published: str | None, in_sentence: bool) -> str:
    """Where a mention's date comes from: its own sentence, the text, the publication date, none."""
    if not date:
        return "none"
    if in_sentence:
        return "sentence"
    return "publication" if date == published else "article"
