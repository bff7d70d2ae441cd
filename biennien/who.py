"""Who held a post on a date: the holders ranked from what each role's evidence says about the date,
read as a few seeks per role (store/seen.py) and the evidence of one page of holders only, so that a
post with thousands of holders and evidence in every year stays fast (issue 17)."""
from __future__ import annotations

import functools
from datetime import date, timedelta

from . import settings, tenures
from .checks import _as_date as _as_date_of
from .checks import check_country, check_date, check_limit, check_offset
from .resolve.roles import title_key
from .store import read, seen
from .store.db import Store

_as_date = functools.lru_cache(maxsize=1 << 16)(_as_date_of)   # the same few thousand dates, parsed once
SPAN_DAYS = 3653   # ten years: farther than this from all its evidence, a holding is no answer
UNDATED = 10**6    # the distance of a holder whose evidence carries no date
EVIDENCE = 5       # pieces of evidence a holder comes with, the nearest to the date first
TENURE_DAYS = settings.get("answers", "tenure_days")


def _distance(on: date, value: str) -> int:
    lo, hi = _as_date(value), _as_date(value, end=True)
    return 0 if lo <= on <= hi else min(abs((on - lo).days), abs((on - hi).days))


def who(store: Store, title: str, country: str | None, on: str | None = None, limit: int = 10,
        offset: int = 0) -> dict:
    """Who held `title` in `country` on `on` (today when None), the most likely holder first, with
    evidence. A holder whose stated start comes after `on`, whose stated end comes before it, whose
    terms of public record (tenures.py) leave it out, or whose nearest evidence is more than
    SPAN_DAYS away is no answer; one seen only as a former holder ranks after those seen holding
    it. Each holder says what its place rests on (`basis`): `record` (a term of public record
    contains the date), `former` (only sentences calling it a former holder), `stated` (a start or end a source states), `dated` (evidence with a
    date, or an undated article's period), `undated` (only articles of unknown date: no answer
    for a date, listed last). Without a country, each country's holders are ranked among
    themselves and answered as a group (`countries` in the order of their likeliest holder): one
    post in two countries has two holders."""
    limit, offset = check_limit(limit), check_offset(offset)
    country, on = check_country(country), check_date(on, "--on") or date.today().isoformat()
    day = _as_date(on)
    iso = day.isoformat()
    groups: dict[str | None, dict[int, dict]] = {}
    holdings = read.post_holdings(store, title_key(title), country)
    for pos, (role_id, actor_id, iso3, start, end, first, last) in enumerate(holdings):
        people = groups.get(iso3)
        if people is None:
            people = groups[iso3] = {}
        p = people.get(actor_id)
        if p is None:   # most people hold a post once, with no stated start or end: no sets made for them
            p = people[actor_id] = {"actor_id": actor_id, "roles": [], "starts": NONE, "ends": NONE, "seen": [],
                                    "terms": ()}
        p["roles"].append((pos, role_id))
        p["seen"].append((first, last))
        if start:
            p["starts"] = p["starts"] | {start}
        if end:
            p["ends"] = p["ends"] | {end}
    everyone = [p for people in groups.values() for p in people.values()]
    ordinal = day.toordinal()
    near = [p for p in everyone if not _far(p, ordinal)]
    _read_terms(store, near)
    _read_spans(store, near, day, iso)
    ranked = []
    for iso3, people in groups.items():
        latest = sorted(((p["latest"], p["actor_id"]) for p in people.values() if p["latest"]), reverse=True)[:2]
        holders = []
        for p in people.values():
            if p["far"]:
                continue   # seen only far from the date, no stated start or end: no answer (see _far)
            score = _score(p, latest, day)
            if score[0] or SPAN_DAYS < score[3] < UNDATED:
                continue   # out of office by a stated start or end, or seen only far from the date
                           # (evidence with no date at all bounds nothing: such a holder ranks last)
            until = max(p["ends"], key=_as_date) if p["ends"] else None
            since = min(p["starts"], key=_as_date) if p["starts"] else None
            term = tenures.holds(p["terms"], day)
            if term:   # the record says since when, and until when if it has ended
                since, until = term[0].isoformat(), None if term[1] == date.max else term[1].isoformat()
            holders.append((score, {"actor_id": p["actor_id"], "name": None, "country": iso3,
                                    "since": since, "until": until, "last_observed": None,
                                    "basis": _basis(p, term), "roles": p["roles"]}))
        holders.sort(key=lambda sh: (sh[0], sh[1]["actor_id"]))
        if holders:
            ranked.append(holders)
    ranked.sort(key=lambda hs: (hs[0][0], hs[0][1]["actor_id"]))
    answer = [h for hs in ranked for _, h in hs]
    page = answer[offset:offset + limit]
    totals = seen.counts(store, [rid for h in page for _, rid in h["roles"]])
    extents = seen.extent(store, [rid for h in page for _, rid in h["roles"]])
    names = read.actor_names(store, [h["actor_id"] for h in page])
    for h in page:
        h["name"] = names[h["actor_id"]]
        roles_of = h.pop("roles")
        dated = [extents[rid] for _, rid in roles_of if rid in extents]
        if dated:   # its earliest and latest sightings (with no stated start, the first is since when)
            h["since"] = h["since"] or min((d[0] for d in dated), key=_as_date)
            h["last_observed"] = max((d[1] for d in dated), key=_as_date)
        h["evidence"] = _nearest(store, roles_of, day)
        h["evidence_count"] = sum(totals.get(rid, 0) for _, rid in roles_of)
    for h in answer[offset + limit:] + answer[:offset]:
        h.pop("roles")
    return {"title": title, "country": country, "on": on, "total": len(answer), "offset": offset, "limit": limit,
            "countries": [hs[0][1]["country"] for hs in ranked], "holders": page}


def _shift(day: date, days: int) -> date:
    """`day` moved by `days`, held within the calendar (a question may ask about year 1)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


NONE: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1 << 16)
def _bounds(value: str) -> tuple[int, int, int]:
    """A date's first day, last day and the last day of its year, as ordinals."""
    lo, hi = _as_date(value), _as_date(value, end=True)
    return lo.toordinal(), hi.toordinal(), date(lo.year, 12, 31).toordinal()


def _far(p: dict, day: int) -> bool:
    """Whether every role of a person with no stated start or end was seen only more than
    SPAN_DAYS (and less than UNDATED) days from `day`, wholly before or wholly after it: no holder
    then, known from its roles' first and last sightings (roles.first_observed, last_observed:
    the earliest and latest dates of role_seen, migration 7) without a seek. Such a person still
    counts as the latest seen in the post (`latest`): its last sighting on or before the day is
    the last sighting of its roles wholly before it."""
    p["far"] = False
    if p["starts"] or p["ends"]:
        return False
    uptos = []
    try:
        for first, last in p["seen"]:
            if not first or not last:
                return False
            _, hi, year_end = _bounds(last)
            if SPAN_DAYS < day - year_end and day - hi < UNDATED:   # every date ends by its last year's end
                uptos.append(_as_date(last))
            elif not SPAN_DAYS < _bounds(first)[0] - day < UNDATED:   # after: the earliest is the nearest
                return False
    except ValueError:   # a date that is no calendar date: read as the seeks read it
        return False
    p["far"], p["latest"] = True, max(uptos, default=None)
    return True


def _read_terms(store: Store, people: list[dict]) -> None:
    """Each person's terms of public record in the post, from its roles' titles and its name."""
    named = seen.posts_named(store, [rid for p in people for _, rid in p["roles"]])
    for p in people:
        p["terms"] = tuple(sorted({t for _, rid in p["roles"] if rid in named
                                   for t in tenures.terms(*named[rid][:2], tuple(sorted(set(named[rid][2]))))}))


def _basis(p: dict, term: tenures.Term | None) -> str:
    """What a holder's place rests on: a term of public record, only sentences calling it a
    former holder (which say it held the post before their date, not when), a stated start or end,
    evidence with a date (or an undated article's period), or nothing dated at all."""
    if term:
        return "record"
    if p["former"]:
        return "former"
    if p["starts"] or p["ends"]:
        return "stated"
    return "dated" if p["distance"] < UNDATED else "undated"


def _read_spans(store: Store, people: list[dict], day: date, iso: str) -> None:
    found = seen.spans(store, [rid for p in people for _, rid in p["roles"]], iso)
    for p in people:
        p["spans"] = [found[rid] for _, rid in p["roles"]]
        p["former"] = not any(s["current"] for s in p["spans"])   # seen only as a former holder
        _summarise(p, day, iso)


def _within(days: int | None, distance: int) -> int:
    """`distance`, or nearer when an undated article whose period of `days` days contains the day
    saw the holder: as far as the middle of the period may lie (a period is weaker evidence than a
    date)."""
    return distance if days is None else min(days // 2, SPAN_DAYS, distance)


def _summarise(p: dict, day: date, iso: str) -> None:
    """A person's dates in the post, from its roles' spans: the nearest distance, the latest
    sighting or stated start on or before the day (`latest`)."""
    spans = p["spans"]
    if len(spans) == 1 and not p["starts"]:   # the most common: one role, no stated start
        s = spans[0]
        p["upto"] = p["latest"] = _as_date(s["upto"]) if s["upto"] else None
        below, above = s["below"], s["above"]
        if s["inside"]:
            p["distance"] = 0
        elif below and above:
            p["distance"] = _within(s["within"], min((day - _as_date(below)).days, (_as_date(above) - day).days))
        else:
            p["distance"] = _within(s["within"], (day - _as_date(below)).days if below else
                                    (_as_date(above) - day).days if above else UNDATED)
        return
    upto = [_as_date(s["upto"]) for s in spans if s["upto"]]
    p["upto"] = max(upto, default=None)
    starts = [_as_date(s) for s in p["starts"] if _as_date(s) <= day]
    p["latest"] = max(upto + starts, default=None)
    if any(s["inside"] for s in spans):
        p["distance"] = 0
    else:
        near = [(day - _as_date(s["below"])).days for s in spans if s["below"]]
        near += [(_as_date(s["above"]) - day).days for s in spans if s["above"]]
        near += [_within(s["within"], UNDATED) for s in spans if s["within"] is not None]
        p["distance"] = min(near, default=UNDATED)


def _score(p: dict, latest: list[tuple[date, int]], day: date) -> tuple:
    """Sort key of a candidate holder on `day` (smaller is likelier): out of office by a stated
    start or end or by the terms of public record, seen only as a former holder, superseded by
    someone seen in the post later (but not after `day`), then the distance in days from `day` to
    the nearest evidence (0 inside a stated tenure). A holder the record keeps in office on the day
    (its evidence no farther than SPAN_DAYS, or with no date) ranks before all others: among such,
    one whose term ends that day after one whose term goes on (the successor took office), then as
    the others."""
    former = p["former"]
    if p["terms"]:   # the record decides: in office inside a term, out of it outside
        term = tenures.holds(p["terms"], day)
        if term is None:
            return (True, former, False, UNDATED, True, False)
        superseded = _superseded(p, p["upto"], latest)
        far = SPAN_DAYS < p["distance"] < UNDATED   # the record narrows what the evidence allows, never widens it
        return (False, False, False, p["distance"] if far else 0, term[1] == day, superseded, p["distance"])
    if not p["starts"] and not p["ends"]:   # the most common: neither ended, nor yet to start, nor in a stated tenure
        return (False, former, _superseded(p, p["upto"], latest), p["distance"], True)
    starts = [s for s in p["starts"] if _as_date(s) <= day]
    last_start = max(starts, key=_as_date) if starts else None
    ended = any(_as_date(e, end=True) < day and (last_start is None or _as_date(e) >= _as_date(last_start))
                for e in p["ends"])
    not_yet = bool(p["starts"]) and last_start is None and p["upto"] is None
    last_seen = max([d for d in (p["upto"], _as_date(last_start) if last_start else None) if d], default=None)
    superseded = _superseded(p, last_seen, latest)
    distance = p["distance"]
    if last_start and not ended and not superseded:   # inside a stated tenure: held while it is fresh,
        # then as far as its evidence is (Trần Đại Quang stated from 2016 is no answer in 2026 beside
        # Tô Lâm seen four days off)
        distance = max(0, min(distance, (day - last_seen).days - TENURE_DAYS))
    return (ended or not_yet, former, superseded, distance, True)


def _superseded(p: dict, last_seen: date | None, latest: list[tuple[date, int]]) -> bool:
    """Someone else was seen in the post (or stated to start it) after `p` was last, not after the day."""
    other = next((d for d, actor_id in latest if actor_id != p["actor_id"]), None)
    return last_seen is not None and other is not None and other > last_seen


def _nearest(store: Store, roles: list[tuple[int, int]], day: date) -> list[dict]:
    """The EVIDENCE pieces of evidence of a holder's roles nearest to `day`; among equally near,
    in the order of its roles, then by date, article and sentence. The nearest few of each role
    bound the distance; the rows within it are ordered but for the sentence, and only the first
    EVIDENCE (and those tied with the last) are read whole."""
    iso = day.isoformat()
    candidates = sorted(_gap(day, r[0]) for _, rid in roles for r in seen.near(store, rid, iso, EVIDENCE))
    limit = candidates[EVIDENCE - 1] if len(candidates) >= EVIDENCE else UNDATED
    rows = []
    for pos, rid in roles:
        if limit < UNDATED:
            low, high = _shift(day, -limit).isoformat(), _shift(day, limit).isoformat()
            found = seen.around(store, rid, low, iso, high)
        else:
            found = seen.near(store, rid, iso, 10**9) + seen.undated(store, rid, EVIDENCE)
        rows += {(_gap(day, d), pos, d is not None, d or "", doc, o) for d, doc, o in found}
    rows.sort()
    rows = [r for r in rows if r[:5] <= rows[EVIDENCE - 1][:5]] if len(rows) > EVIDENCE else rows
    detail = seen.details(store, sorted({r[5] for r in rows}))
    rows.sort(key=lambda r: (*r[:5], detail[r[5]]["index"]))
    return [{k: detail[r[5]][k] for k in ("doc_id", "sentence", "date", "source", "title")} for r in rows[:EVIDENCE]]


def _gap(day: date, value: str | None) -> int:
    return _distance(day, value) if value else UNDATED
