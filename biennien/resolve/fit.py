"""Whether a report can be an event already known: the compatibility rules of resolve/events.py.

    fit(item, event) -> (same document, parties shared, -distance in sentences) when the mention
        may join the event (larger: better), else None
    vague(date) -> True for no date or a year alone

The rules themselves are told in resolve/events.py's docstring (type and plan, dates, parties,
visits, direction); this module holds their predicates so that the merge itself stays readable.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date as _date
from typing import TYPE_CHECKING

from .. import settings

if TYPE_CHECKING:
    from .events import EventKey, MergeItem, Party

STATE_OR_HOLDER = {"CONSULT"}   # a visit to a state is not the talks with its leader
MUTUAL = {"CONSULT", "AGREE", "COOPERATE"}   # both sides do it: its direction tells no two events apart
VISIT_DAYS = settings.get("times", "visit_days")
LEAD = 2   # sentences 0..LEAD are the headline and the lead: an undated article's own story, its body recalls any time


def fit(it: MergeItem, ev: EventKey, alone: bool = False) -> tuple | None:
    """How well a report fits an event (None: not at all). `alone`: the report is a meeting with one
    side named that may found no event (events.founds); it joins another article's meeting of the
    month when that is the only one of its party that fits (the caller counts them)."""
    if it.type != ev.type or it.signing != ev.signing or _stay_and_meeting(it, ev):
        return None
    same_doc = it.doc_id in ev.doc_ids
    if it.planned_start != ev.planned_start and not (same_doc and _plan_told_twice(it, ev)):
        return None
    mine = {p.actor_id for p in it.parties}
    theirs = {p.actor_id for p in ev.parties}
    named = {p.actor_id for p in it.parties if p.kind in ("person", "organization")} & theirs
    sides = len(named) >= 2 or _stay_of(it, ev, named)
    if not same_doc and vague(it.date) and (not sides or it.sentence > LEAD):
        return None   # with no month, only an article's own story joins another's, on both named sides
    if not _dates_agree(it.date, ev.date, same_doc or sides) and not _one_visit(it, ev):
        return None
    if _persons_conflict(it.parties, ev.parties) or _reversed(it, ev):
        return None
    common = mine & theirs
    if _sides_apart(it.parties, ev.parties, common, same_doc):   # also in one article: India, then Sri Lanka
        return None
    if same_doc and _others_met(it.parties, ev.parties, common):
        return None
    if it.type in STATE_OR_HOLDER and common and not (it.visit == "stay" and "stay" in ev.visits) and \
            _state_or_holder(it.parties, ev.parties, common, it.toured or ev.toured):   # two reports of one stay: its host, its leader
        return None
    shared = len(common)
    if not same_doc and not named and not _same_day_same_states(it, ev):
        return None
    if not same_doc and len(mine) < 2 and not (it.date and len(it.date) >= 10 and it.date == ev.date) and not alone:
        return None   # "Bộ trưởng X có các cuộc hội kiến ..." (no one else named) that month: any of his meetings
    if not shared and not _same_day_same_states(it, ev):
        a = {p.country for p in it.parties if p.country}
        b = {p.country for p in ev.parties if p.country}
        if not same_doc or not a or not b or not (a <= b or b <= a):
            return None
    near = -min((abs(s - it.sentence) for s in ev.sentences.get(it.doc_id, ())), default=10**6)
    return same_doc, shared, near


def _stay_and_meeting(it: MergeItem, ev: EventKey) -> bool:
    """A stay in a country and a meeting held during it: two events (resolve/events.py)."""
    return (it.visit == "stay" and "meeting" in ev.visits) or (it.visit == "meeting" and "stay" in ev.visits)


def _stay_of(it: MergeItem, ev: EventKey, named: set) -> bool:
    """A stay told with its visitor named and its host a state ("Tổng thống Lee Jae Myung thăm cấp nhà
    nước Việt Nam"), and a stay of that visitor in that state: both sides of the visit are named, so
    an undated article's headline may join the stay another article dates."""
    if it.visit != "stay" or "stay" not in ev.visits or not named:
        return False
    states = {p.actor_id for p in it.parties if p.kind == "country"}
    return bool(states & {p.actor_id for p in ev.parties if p.kind == "country"})


def _persons_conflict(a: tuple[Party, ...], b: tuple[Party, ...]) -> bool:
    """Different persons of one country on both sides: two different meetings."""
    def by_country(parties):
        out: dict = {}
        for p in parties:
            if p.kind == "person":
                out.setdefault(p.country, set()).add(p.actor_id)
        return out
    pa, pb = by_country(a), by_country(b)
    return any(c in pb and not (ids & pb[c]) for c, ids in pa.items())


def _sides_apart(a: tuple[Party, ...], b: tuple[Party, ...], shared: set, same_doc: bool) -> bool:
    """Across articles: once the shared parties are set aside, both sides still name someone and
    no country of one is among the other's. Tô Lâm meeting a Thai leader and Tô Lâm visiting
    India, in the same month, are two events; across articles a body of no country counts as
    its own side (the Prime Minister receiving an ambassador and meeting ASEAN's envoys that
    day). `shared`: the actor ids both name."""
    def side(parties):
        return {p.country or (None if same_doc or p.kind == "location" else p.actor_id)
                for p in parties if p.actor_id not in shared} - {None}
    mine, theirs = side(a), side(b)
    mine -= {p.country for p in a if p.actor_id in shared}
    theirs -= {p.country for p in b if p.actor_id in shared}
    return bool(mine) and bool(theirs) and not mine & theirs


def _others_met(a: tuple[Party, ...], b: tuple[Party, ...], shared: set) -> bool:
    """In one article: once the shared parties are set aside, both name persons and none of one
    is the other's, nor of a country the other names. "A hội kiến Thủ tướng Malaysia Razak; tiếp
    giám đốc WEF Roesler": A meeting two others, two events (the gold's "different pairs")."""
    rest_a = [p for p in a if p.actor_id not in shared]
    rest_b = [p for p in b if p.actor_id not in shared]
    persons_a = {p.actor_id for p in rest_a if p.kind == "person"}
    persons_b = {p.actor_id for p in rest_b if p.kind == "person"}
    if not persons_a or not persons_b:
        return False
    countries_a = {p.country for p in rest_a if p.country}
    countries_b = {p.country for p in rest_b if p.country}
    return not countries_a & countries_b


def _same_day_same_states(it: MergeItem, ev: EventKey) -> bool:
    """Across articles with no named party shared: a plan for the same day between the same two or
    more states ("Thủ tướng lên đường thăm Kuwait" and "Thủ tướng Phạm Minh Chính lên đường thăm
    Kuwait", both from 16/11): one plan told by two outlets, the state standing for its leader.
    What states merely agree on, named by their names alone, stays apart across articles."""
    if not it.planned_start or len(it.planned_start) < 10 or it.planned_start != ev.planned_start:
        return False
    a = {p.country for p in it.parties}
    return None not in a and len(a) >= 2 and a == {p.country for p in ev.parties}


def _plan_told_twice(it: MergeItem, ev: EventKey) -> bool:
    """"Tô Lâm lên đường thăm Úc" (the headline, no date) and "... lên đường thăm Úc từ ngày 9"
    (the lead): in one article a plan told without its date is the dated one of the same person."""
    if it.planned_start and ev.planned_start:
        return False
    persons = {p.actor_id for p in ev.parties if p.kind == "person"}
    return any(p.kind == "person" and p.actor_id in persons for p in it.parties)


def _state_or_holder(a: tuple[Party, ...], b: tuple[Party, ...], shared: set, toured: bool = True) -> bool:
    """"X thăm chính thức Việt Nam" and "X hội đàm với Thủ tướng Y" (Y of Việt Nam): once the
    shared parties are set aside, one names only states and the other a person of one of them:
    the visit to the state and the talks with its leader are two events (the gold's rule: both
    are events when the text reports both). With no visit told (`toured` False) the states are their
    unnamed holders ("Tô Lâm tiếp Chủ tịch Quốc hội Thái Lan"): one event when they are the persons'
    states, two when they are more ("Đại sứ Mỹ, Bồ Đào Nha, Iran ... trình Quốc thư" and the US
    ambassador's own)."""
    rest_a = [p for p in a if p.actor_id not in shared]
    rest_b = [p for p in b if p.actor_id not in shared]
    for states, other in ((rest_a, rest_b), (rest_b, rest_a)):
        if states and all(p.kind == "country" for p in states) and \
                any(p.kind == "person" and p.country in {s.country for s in states} for p in other) and \
                (toured or {s.country for s in states} != {p.country for p in other}):
            return True
    return False


def _visit(parties: Iterable[Party]) -> tuple[set, set]:
    """(persons of one country, states none of whose persons is named), else two empty sets."""
    persons = {p.actor_id: p.country for p in parties if p.kind == "person"}
    states = {p.country for p in parties if p.kind == "country"} - set(persons.values())
    if not persons or not states or len(set(persons.values())) != 1:
        return set(), set()
    return set(persons), states


def _one_visit(it: MergeItem, ev: EventKey) -> bool:
    """Two reports of one person's visit to one state, dated days apart within the visit's length."""
    if it.type not in STATE_OR_HOLDER or not it.date or not ev.date or len(it.date) < 10 or len(ev.date) < 10:
        return False
    try:
        if abs((_date.fromisoformat(it.date[:10]) - _date.fromisoformat(ev.date[:10])).days) > VISIT_DAYS:
            return False
    except ValueError:
        return False
    persons, states = _visit(it.parties)
    theirs, hosts = _visit(ev.parties)
    return bool(persons & theirs) and bool(states & hosts)


def _reversed(it: MergeItem, ev: EventKey) -> bool:
    """The mention's actors are the event's recipients and the other way round (by country)."""
    if it.type in MUTUAL:
        return False

    def sides(parties, persons: bool = False):
        out: dict = {"actor": set(), "recipient": set()}
        for p in parties:
            if not persons or p.kind == "person":
                out[p.role].add(p.actor_id if persons else p.country or p.actor_id)
        return out["actor"], out["recipient"]

    def opposed(mine, theirs) -> bool:
        (mine_a, mine_r), (their_a, their_r) = mine, theirs
        return bool(mine_a & their_r) and bool(mine_r & their_a) and not mine_a & their_a and not mine_r & their_r
    # by country, and by person: "Trump phê phán Tillerson" is not "Tillerson chỉ trích Trump", one state's two
    return opposed(sides(it.parties), sides(ev.parties)) or opposed(sides(it.parties, True), sides(ev.parties, True))


def vague(date: str | None) -> bool:
    """No month: the report may be of any of the year's events."""
    return not date or len(date) < 7


def _dates_agree(a: str | None, b: str | None, same_doc: bool) -> bool:
    if not a or not b:
        return same_doc
    n = min(len(a), len(b))
    return a[:n] == b[:n]
