"""A noun naming a diplomatic event ("tại buổi chào xã giao", "chuyến thăm của X") refers to the event
a verb of the same article reports: it takes that event's participants and date, or, reported by no
verb, stands as its own event when it names a person, or, a signing, two states (pure; over one
article's drafts, in order).

    resolve_references(drafts)   sets parties, dates and `reference` of the noun drafts in place
"""
from __future__ import annotations

from .article import SIGN_CAMEO, TWO_SIDED_OR_ONE, Draft
from .dating import within_span


def resolve_references(drafts: list[Draft]) -> None:
    """A noun naming a diplomatic event takes the participants of the verb-reported event it
    names: same type, same date, no other person; the nearest before it, else after it. Its date
    too, unless its own time says it more precisely: then the verb, if only the lead dated it,
    takes the noun's day."""
    for k, d in enumerate(drafts):
        if not d.reference:
            continue
        order = list(reversed(drafts[:k])) + drafts[k + 1:]
        order = [o for o in order if o.hit.trigger.phrase == d.hit.trigger.phrase] + order
        found = next((o for o in order if not o.reference and o.type == d.type and o.planned is None
                      and (_same_date(o, d) if d.time is not None else not (o.hit.nominal and o.own_time))
                      and _fits(d, o)), None)   # a noun dated in its own phrase is an aside, not the story
        if found is not None:
            if not _names_more(d, found):   # "Tại cuộc hội kiến, A và B ...": the noun may name more
                d.actors, d.recipients = list(found.actors), list(found.recipients)
            if d.time is not None and d.date and found.date and len(d.date) > len(found.date):
                if found.time is None:   # the verb dated by the lead: the noun's day is the episode's
                    found.date, found.precision = d.date, d.precision
            elif not within_span(d, found):   # "cuộc gặp ... trong chuyến thăm ngày 7 và 8-5" keeps its day
                d.date, d.precision = found.date, found.precision
            d.reference = False
            d.collective = None
        elif d.standalone and d.type in TWO_SIDED_OR_ONE and d.planned is None:
            # "cuộc gặp với Thái tử Arab Saudi": no verb reports it; a body alone ("kỳ họp của Ủy ban
            # X", "cuộc gặp thường niên hai Bộ Chính trị") is more often a series than one event
            if any(p.kind == "person" for p in d.actors + d.recipients):
                d.reference = False
        elif d.standalone and d.cameo == SIGN_CAMEO and d.planned is None and \
                len({p.country for p in d.actors + d.recipients if p.country}) >= 2:
            # "chứng kiến lễ ký kết 15 văn kiện hợp tác giữa Việt Nam và Trung Quốc": a signing no verb
            # reports, its parties of two states named, is one signing
            d.reference = False
    for d in drafts:   # a visit told by a verb or a noun naming its visitor is that visit, named again
        if d.travelled and not d.reference and (d.planned is not None or any(
                o is not d and not o.reference and o.cameo == d.cameo and _same_visit(o, d) for o in drafts)):
            d.reference = True
    for d in drafts:   # after the others: no later noun takes its parties from a dated aside
        if d.reference and d.standalone and d.type in TWO_SIDED_OR_ONE and d.planned is None and d.own_time \
                and len({p.country for p in d.actors + d.recipients if p.country}) >= 2:
            d.reference = False   # "chuyến thăm Việt Nam của Thủ tướng Singapore năm 2013": its own date, one event


def _names_more(ref: Draft, event: Draft) -> bool:
    """The noun names each of the event's parties, a state by its person ("cuộc tiếp kiến Thủ tướng X"
    of a visit to X's state), and someone more."""
    own = ref.actors + ref.recipients
    return len(own) >= len(event.actors + event.recipients) and ref.names() != event.names() and all(
        (p.kind, p.name) in ref.names() or p.kind == "country" and any(q.kind == "person" and q.country == p.country
                                                                     for q in own) for p in event.actors + event.recipients)


def _same_visit(o: Draft, d: Draft) -> bool:
    """Another noun of a visit, or a visit to a state, by the same visitor or to the same host country (a
    meeting with a host's person, "hội kiến Thủ tướng Nga", is no visit: the gold codes both)."""
    if not o.hit.nominal and not any(p.kind != "person" for p in o.recipients):
        return False
    return bool({p.name for p in o.actors} & {p.name for p in d.actors}) or \
        bool({p.country for p in o.recipients if p.country} & {p.country for p in d.recipients if p.country})


def _same_date(a: Draft, b: Draft) -> bool:
    if not a.date or not b.date:
        return a.date == b.date
    n = min(len(a.date), len(b.date))
    return a.date[:n] == b.date[:n]


def _fits(ref: Draft, event: Draft) -> bool:
    """The reference names no one the event lacks: its named parties are among the event's (and
    no other person of the same country), its countries among the event's countries."""
    own = ref.actors + ref.recipients
    theirs = event.names()
    their_countries = {p.country for p in event.actors + event.recipients if p.country}
    if any(p.country and p.country not in their_countries for p in own if p.kind == "country"):
        return False
    named = [p for p in own if p.kind != "country"]
    if not named:
        return True
    if not any((p.kind, p.name) in theirs for p in named):
        return False
    their_persons = {(p.name, p.country) for p in event.actors + event.recipients if p.kind == "person"}
    for p in named:
        if p.kind == "person" and (p.kind, p.name) not in theirs and any(c == p.country for _, c in their_persons):
            return False
    return True
