"""The questions people ask the knowledge base: who / actor / events / timeline / search / article.

One implementation for the CLI, the HTTP API and the web UI; every function returns plain JSON-able
data. `QueryError` is a clear, one-line answer to a bad question.
"""
from __future__ import annotations

import functools
import re

from . import resources, sectors, settings
from . import who as holders
from .checks import (NotFound, QueryError, _as_date, check_confidence, check_country, check_date, check_limit,
                     check_offset, check_participants)
from .lexicon import types as event_types
from .records import EventFilter
from .resolve.actors import key as name_key
from .resolve.roles import title_key
from .store import read
from .store import search as fulltext
from .store import views
from .store.db import Store

PLOVER_TYPES = event_types.names()   # resources/vi/event_types.tsv, in its order
NESTED = settings.get("answers", "nested")      # evidence items per role, mentions per event in an answer (`evidence_count`,
                       # `mention_count` say how many there are)
OBSERVED = settings.get("answers", "observed")  # dates a role was seen on, in an answer: spread over all of them (`observed_count`)
MAX_ROLES = settings.get("answers", "max_roles")  # an actor's roles in an answer (`role_count`)


def _paged(total: int, limit: int, offset: int) -> dict:
    """What a client needs to ask for the next page: how many in all, and where this page starts."""
    return {"total": total, "offset": offset, "limit": limit}


def _spread(dates: list[str], n: int = OBSERVED) -> list[str]:
    """At most n of the sorted `dates`, evenly spread, the first and the last kept."""
    if len(dates) <= n:
        return dates
    step = (len(dates) - 1) / (n - 1)
    return [dates[round(i * step)] for i in range(n)]


ROLE_KEYS = ("rank", "title", "organization", "country", "start", "end", "observed", "certainty", "evidence",
             "evidence_count")


def _role(role: dict, keys: tuple[str, ...] = ROLE_KEYS) -> dict:
    """A role as answered: its evidence (read capped at NESTED) and a spread of its observation dates."""
    out = {k: role[k] for k in keys}
    out["observed"], out["observed_count"] = _spread(role["observed"]), len(role["observed"])
    out["sectors"] = sectors.of_role(role.get("rank"), role.get("title"), role.get("organization"))
    return out


# --- who ---------------------------------------------------------------------------------

who = holders.who   # biennien/who.py: the holders of a post on a date, ranked, with evidence
SPAN_DAYS, UNDATED = holders.SPAN_DAYS, holders.UNDATED


# --- actors ------------------------------------------------------------------------------

MAX_ID = 2**63 - 1  # SQLite's largest integer

def find_actor(store: Store, name: str, kind: str | None = None) -> dict:
    """The actor a name most likely means (exact spelling first, then a part of a name)."""
    if not name or not name.strip():
        raise QueryError("an actor name is needed", "actor_needed")
    ref = name.strip()
    if ref.isascii() and ref.isdigit() and int(ref) <= MAX_ID:  # an id; past SQLite's integers it is a name
        found = read.actor(store, int(ref))
        if found:
            return found
    iso = _country_code(ref) if kind in (None, "country") else None
    if iso:   # "Trung Quốc" is the country, not the most mentioned body with the words in its name
        rows = read.actors_named(store, iso, "country")
        if rows:
            return read.actor(store, rows[0]["actor_id"])
    key = name_key(name, kind or "person")
    if not key:  # punctuation alone ("%", "_"): no actor's name
        raise NotFound(f"no actor named {name!r}", "no_actor", name=name)
    rows = read.actors_named(store, key, kind)
    bare = _without_address(name)
    if not rows and bare != name.strip():  # "Tướng Cương", "ông Cương": the person called so
        rows = read.actors_named(store, name_key(bare, "person"), "person", ending=True)
    if not rows:
        raise NotFound(f"no actor named {name!r}", "no_actor", name=name)
    return read.actor(store, rows[0]["actor_id"])


@functools.cache
def _countries() -> dict[str, str]:
    return {name_key(r["name"], "person"): r["iso3"] for r in resources.load("countries")}


def _country_code(name: str) -> str | None:
    """The ISO code a country's name stands for ("Trung Quốc", "Mỹ", "Hoa Kỳ"), or None."""
    return _countries().get(name_key(name, "person"))


@functools.cache
def _address_words() -> frozenset[str]:
    """Ranks and honorifics that may stand before a name ("Tướng", "Thượng tướng", "ông", "đồng chí")."""
    return frozenset(w.casefold() for w in resources.column("ranks", "rank") + resources.column("honorifics", "word"))


def _without_address(name: str) -> str:
    words = name.split()
    while len(words) > 1:
        for n in (3, 2, 1):
            if len(words) > n and " ".join(words[:n]).casefold() in _address_words():
                words = words[n:]
                break
        else:
            break
    return " ".join(words)


def actor(store: Store, name: str, limit: int = 50, offset: int = 0) -> dict:
    """An actor's spellings, country, role timeline, mentions, events and the people met most;
    `limit` and `offset` page through its mentions and its events (`mention_count`, `event_count`)."""
    limit, offset = check_limit(limit), check_offset(offset)
    a = find_actor(store, name)
    me = [a["actor_id"]]
    roles = read.roles_of_actor(store, a["actor_id"], NESTED)
    a["roles"], a["role_count"] = [_role(r) for r in roles[:MAX_ROLES]], len(roles)
    a["sectors"] = sectors.of_actor(a["kind"], a["name"], roles)
    a["mentions"] = read.mentions_of_actor(store, a["actor_id"], limit, offset, a["mention_count"])
    a["events"] = read.find_events(store, EventFilter(actor_ids=me), limit, offset, NESTED)
    a["event_count"] = read.count_events(store, EventFilter(actor_ids=me))
    a["offset"], a["limit"] = offset, limit
    a["met"] = read.co_actors(store, a["actor_id"], 20)
    return a


# --- events ------------------------------------------------------------------------------

def events(store: Store, actor: str | None = None, type: str | None = None, country: str | None = None,
           since: str | None = None, until: str | None = None, planned: bool | None = None,
           limit: int = 100, offset: int = 0, min_confidence: float | None = None,
           participants: str | None = None) -> list[dict]:
    """Events newest first, at most `limit` from `offset` (`events_total` counts them all);
    `min_confidence`: only events at least this sure (biennien/confidence.py). By default only
    events with a named participant; `participants="none"` lists the others, "any" all."""
    found = _event_filter(store, actor, type, country, since, until, planned, min_confidence, participants)
    return read.find_events(store, found, check_limit(limit), check_offset(offset), NESTED)


def events_total(store: Store, actor: str | None = None, type: str | None = None, country: str | None = None,
                 since: str | None = None, until: str | None = None, planned: bool | None = None,
                 min_confidence: float | None = None, participants: str | None = None) -> int:
    return read.count_events(store, _event_filter(store, actor, type, country, since, until, planned, min_confidence,
                                                  participants))


def _event_filter(store: Store, actor, type, country, since, until, planned, min_confidence=None,
                  participants=None) -> EventFilter:
    """A question about events as the filter `read.find_events` takes, checked."""
    types = _types(type) or None
    actor_ids = [find_actor(store, actor)["actor_id"]] if actor else None
    return EventFilter(actor_ids, types, check_country(country), check_date(since, "--since"),
                       check_date(until, "--until"), planned, check_confidence(min_confidence),
                       check_participants(participants))


def timeline(store: Store, name: str, limit: int = 100, offset: int = 0) -> dict:
    """An actor's events and role changes in date order, with sources. The pages split its events,
    newest first (`total`); a role change comes with the page whose events span its date."""
    limit, offset = check_limit(limit), check_offset(offset)
    a = find_actor(store, name)
    me = [a["actor_id"]]
    found = read.find_events(store, EventFilter(actor_ids=me), limit + (offset > 0), max(offset - 1, 0), NESTED)
    total = read.count_events(store, EventFilter(actor_ids=me))
    before = found.pop(0) if offset and found else None  # the page before ends here: this page's time ends there
    items = [{"date": e["date"], "kind": "event", "type": e["type"], "event": e, "sources": e["mentions"]}
             for e in found]
    upper = (before["date"] or "") if before else None
    lower = (found[-1]["date"] or "") if found and offset + len(found) < total else ""
    if offset and offset >= total:  # past the last page
        upper = lower = ""
    for r in read.roles_of_actor(store, a["actor_id"], NESTED):
        post = " ".join(x for x in (r["rank"], r["title"], r["country"]) if x)
        for what, when in (("start", r["start"]), ("end", r["end"]), ("first seen", r["first_observed"]),
                           ("last seen", r["last_observed"])):
            if when and when >= lower and (upper is None or when < upper):
                items.append({"date": when, "kind": "role", "change": what, "role": post,
                              "sources": [e for e in r["evidence"] if e.get("date") == when or e.get("change")][:3]})
    items.sort(key=lambda i: (i["date"] or ""))
    return {"actor": {k: a[k] for k in ("actor_id", "name", "kind", "country", "aliases")}, **_paged(total, limit, offset),
            "items": items}


# --- articles, search, stats -----------------------------------------------------------

def article(store: Store, doc_id: str) -> dict:
    if not re.fullmatch(r"[0-9a-f]{16}", doc_id or ""):
        raise QueryError(f"not a document id: {doc_id!r}", "doc_id", value=doc_id)
    doc = read.document(store, doc_id)
    if doc is None:
        raise NotFound(f"no document {doc_id}", "no_document", value=doc_id)
    ids = sorted({m["event_id"] for m in doc["event_mentions"] if m["event_id"]})
    doc["events"] = read.events_by_id(store, ids, NESTED)
    doc["roles"] = read.roles_in_document(store, doc_id)
    return doc


def search(store: Store, q: str, limit: int = 20, offset: int = 0) -> dict:
    """Actors and sentences matching the words: `limit` of each from `offset`, and how many of each."""
    q = (q or "").strip()
    if not q:
        raise QueryError("a search needs some words", "search_empty")
    if len(q) > 200:
        raise QueryError("a search is at most 200 characters", "search_long", max=200)
    limit, offset = check_limit(limit), check_offset(offset)
    words = re.findall(r"[^\W_]+", q)
    fts = " ".join(f'"{w}"' for w in words)
    return {"query": q, "offset": offset, "limit": limit, "actors": fulltext.search_actors(store, words, limit, offset),
            "actor_total": fulltext.count_actors(store, words),
            "sentences": fulltext.search_sentences(store, fts, limit, offset) if fts else [],
            "sentence_total": fulltext.count_sentences(store, fts) if fts else 0}


def stats(store: Store) -> dict:
    return read.counts(store)


# --- views for the web UI and the HTTP API -----------------------------------------------

ACTOR_KINDS = ("person", "organization", "country", "location")


def _types(type: str | None, default: tuple[str, ...] = ()) -> list[str]:
    types = [t.strip().upper() for t in (type or "").split(",") if t.strip()] or list(default)
    bad = [t for t in types if t not in PLOVER_TYPES]
    if bad:
        raise QueryError(f"unknown event type {bad[0]!r}; PLOVER types are {', '.join(PLOVER_TYPES)}",
                         "event_type", value=bad[0], allowed=", ".join(PLOVER_TYPES))
    return types


def network(store: Store, type: str | None = "CONSULT", since: str | None = None, until: str | None = None,
            kinds: str | None = "person,organization", limit: int = 200, offset: int = 0) -> dict:
    """Who met whom: pairs of actors sharing events of these types in a date range, with the actors;
    `limit` pairs from `offset`, the most shared first (`total` pairs)."""
    types = _types(type, ("CONSULT",))
    kind_list = [k.strip().lower() for k in (kinds or "").split(",") if k.strip()] or list(ACTOR_KINDS)
    bad = [k for k in kind_list if k not in ACTOR_KINDS]
    if bad:
        raise QueryError(f"unknown actor kind {bad[0]!r}; kinds are {', '.join(ACTOR_KINDS)}", "actor_kind",
                         value=bad[0], allowed=", ".join(ACTOR_KINDS))
    since, until = check_date(since, "--since"), check_date(until, "--until")
    limit, offset = check_limit(limit), check_offset(offset)
    edges, total = views.meetings(store, types, since, until, kind_list, limit, offset)
    degree: dict[int, int] = {}
    for e in edges:
        for side in ("a", "b"):
            degree[e[side]] = degree.get(e[side], 0) + e["n"]
    nodes = views.actors_by_id(store, sorted(degree))
    for n in nodes:
        n["events"] = degree[n["actor_id"]]
    nodes.sort(key=lambda n: (-n["events"], n["name"]))
    return {"types": types, "since": since, "until": until, "kinds": kind_list, **_paged(total, limit, offset),
            "nodes": nodes, "edges": edges}


def post(store: Store, title: str, country: str | None = None, limit: int = 20, offset: int = 0) -> dict:
    """Everyone seen in a post (in one country, or any), earliest first: the timeline of the post,
    `limit` roles from `offset` (`total`)."""
    if not title or not title.strip():
        raise QueryError("a post title is needed, e.g. Bộ trưởng Quốc phòng", "title_needed")
    if len(title) > 200:
        raise QueryError("a post title is at most 200 characters", "title_long", max=200)
    country, limit, offset = check_country(country), check_limit(limit), check_offset(offset)
    roles = read.roles_for_post(store, title_key(title), country, evidence=False)
    roles.sort(key=lambda r: (_as_date(r["start"] or r["first_observed"] or "9999"), r["role_id"]))
    page = read.with_evidence(store, roles[offset:offset + limit], NESTED)
    keys = ("actor_id", "name", "rank", "title", "organization", "country", "start", "end", "first_observed",
            "last_observed", "observed", "certainty", "evidence", "evidence_count")
    return {"title": title, "country": country, **_paged(len(roles), limit, offset),
            "roles": [_role(r, keys) for r in page]}


def overview(store: Store, limit: int = 10) -> dict:
    """What the home page shows: counts, the latest events and articles, the most mentioned actors."""
    limit = check_limit(limit)
    return {"counts": read.counts(store),
            "latest_events": read.find_events(store, EventFilter(), limit, 0, NESTED),
            "latest_documents": views.latest_documents(store, limit),
            "top_people": views.top_actors(store, "person", limit),
            "top_organizations": views.top_actors(store, "organization", limit)}


def posts(store: Store, limit: int = 200) -> list[dict]:
    """Posts with a known holder (title, country, how often seen), the most seen first."""
    return views.post_titles(store, check_limit(limit))


def locate(store: Store, evidence: list[dict]) -> list[dict]:
    """Adds `sentence_index` to evidence items that name their sentence by text (for links)."""
    for e in evidence:
        if "sentence_index" not in e and e.get("doc_id") and e.get("sentence"):
            e["sentence_index"] = views.sentence_index(store, e["doc_id"], e["sentence"])
    return evidence
