"""Reads for queries and exports: the SQL behind query.py and export.py."""
from __future__ import annotations

import json
from collections.abc import Iterator

from .. import geo, learned, settings
from ..records import EventFilter
from . import seen
from .db import Store


WALK = 6  # walk the newest rows when (rows of an actor)^2 > WALK * (rows wanted) * (rows in all): see find_events


def _in(ids: list) -> str:
    return ",".join("?" * len(ids))


def counts(store: Store) -> dict:
    tables = ["documents", "sentences", "actors", "mentions", "events", "event_mentions", "roles",
              "role_observations", "time_exprs"]
    out = {t: store.scalar(f"SELECT count(*) FROM {t}") for t in tables}
    out["actors_by_kind"] = {r["kind"]: r["n"] for r in store.rows("SELECT kind, count(*) n FROM actors GROUP BY kind")}
    out["events_by_type"] = {r["type"]: r["n"] for r in store.rows("SELECT type, count(*) n FROM events GROUP BY type")}
    out["events_unattributed"] = store.scalar(f"SELECT count(*) FROM events e WHERE {PARTICIPANTS['none']}")
    out["published"] = store.rows("SELECT min(published) first, max(published) last FROM documents")[0]
    out["schema_version"] = store.version()
    return out


# --- documents and sentences --------------------------------------------------------------

def iter_documents(store: Store) -> Iterator[dict]:
    """The contract's documents, with `period`: for an article with no publication date, the first
    and last day its text allows (`{"start", "end"}`, migration 9), else null."""
    for d in store.iter_rows("SELECT doc_id, source, title, published, published_precision, outlet, period_lo, period_hi"
                             " FROM documents ORDER BY source, doc_id"):
        yield _with_period(d)


def _with_period(d: dict) -> dict:
    lo, hi = d.pop("period_lo"), d.pop("period_hi")
    d["period"] = {"start": lo, "end": hi} if lo else None
    return d


def document(store: Store, doc_id: str) -> dict | None:
    rows = store.rows("SELECT doc_id, source, title, text, published, published_precision, outlet, url, period_lo,"
                      " period_hi FROM documents WHERE doc_id = ?", (doc_id,))
    if not rows:
        return None
    doc = _with_period(rows[0])
    doc["zones"] = store.rows('SELECT start, "end", kind FROM zones WHERE doc_id = ? ORDER BY start', (doc_id,))
    doc["sentences"] = store.rows('SELECT idx, start, "end", text, is_caption FROM sentences WHERE doc_id = ?'
                                  " ORDER BY idx", (doc_id,))
    doc["mentions"] = store.rows('SELECT m.start, m."end", m.surface, m.kind, m.name, m.rank, m.titles, m.country,'
                                 " m.actor_id, m.sentence FROM mentions m WHERE doc_id = ? ORDER BY start", (doc_id,))
    for m in doc["mentions"]:
        m["titles"] = json.loads(m["titles"])
        if m["kind"] == "location":
            m.update(geo.fields(m["name"]))
    doc["times"] = store.rows('SELECT start, "end", surface, value, precision, kind, value_end FROM time_exprs'
                              " WHERE doc_id = ? ORDER BY start", (doc_id,))
    doc["event_mentions"] = store.rows("SELECT id, event_id, sentence, trigger, trigger_start, trigger_end, type"
                                       " FROM event_mentions WHERE doc_id = ? ORDER BY sentence", (doc_id,))
    return doc


# --- actors -------------------------------------------------------------------------------

def iter_actors(store: Store) -> Iterator[dict]:
    aliases: dict[int, list[str]] = {}
    for r in store.db.execute("SELECT actor_id, alias FROM aliases ORDER BY actor_id, count DESC, alias"):
        aliases.setdefault(r[0], []).append(r[1])
    for a in store.iter_rows("SELECT actor_id, name, kind, country FROM actors ORDER BY actor_id"):
        a["aliases"] = [x for x in aliases.get(a["actor_id"], []) if x != a["name"]]
        yield a


ALIASES = settings.get("answers", "aliases")  # spellings shown with an actor, the most used first


def actor(store: Store, actor_id: int) -> dict | None:
    rows = store.rows("SELECT actor_id, name, kind, country FROM actors WHERE actor_id = ?", (actor_id,))
    if not rows:
        return None
    a = rows[0]
    a["aliases"] = [r["alias"] for r in store.rows("SELECT alias FROM aliases WHERE actor_id = ? AND alias != ?"
                                                   " ORDER BY count DESC, alias LIMIT ?", (actor_id, a["name"], ALIASES))]
    # every mention assigned to an actor counts once in its aliases (resolve: add_aliases), and
    # these are a few rows where its mentions can be millions (tests/test_store.py checks it)
    a["mention_count"] = store.scalar("SELECT coalesce(sum(count), 0) FROM aliases WHERE actor_id = ?", (actor_id,))
    return a


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# Equally mentioned actors, in the order the reads before the trigram index gave them (by key or
# kind, the last id first; a scan of every alias, the first id first): the same name, the same actor.
TIES = {("=", False): " DESC", ("=", True): " DESC", ("LIKE", True): " DESC", ("LIKE", False): ""}


def actors_named(store: Store, key: str, kind: str | None = None, limit: int = 20,
                 ending: bool = False) -> list[dict]:
    """Actors whose alias key equals `key`, else contains it (with ending=True: ends with its words,
    for a person called by the last word of the name); the most mentioned first."""
    kind_sql, params = ("AND a.kind = ?", [kind]) if kind else ("", [])
    like = _like_escape(key)  # "%" and "_" in a name are letters, not wildcards
    tries = (("LIKE", f"% {like}", f" {key}"),) if ending else (("=", key, ""), ("LIKE", f"%{like}%", key))
    for op, value, part in tries:  # part: what a key must hold, looked up in the trigram index (migration 5)
        escape = " ESCAPE '\\'" if op == "LIKE" else ""
        if len(part) >= 3:
            escape += " AND s.actor_id IN (SELECT actor_id FROM aliases_tri WHERE aliases_tri MATCH ?)"
        rows = store.rows(f"SELECT a.actor_id, a.name, a.kind, a.country, sum(s.count) n FROM aliases s"
                          f" JOIN actors a USING (actor_id) WHERE s.key {op} ?{escape} {kind_sql}"
                          f" GROUP BY a.actor_id ORDER BY n DESC, a.actor_id{TIES[op, bool(kind)]} LIMIT ?",
                          [value, *(['"' + part.replace('"', '""') + '"'] if len(part) >= 3 else []), *params, limit])
        if rows:
            return rows
    return []


def mentions_of_actor(store: Store, actor_id: int, limit: int, offset: int = 0, total: int | None = None) -> list[dict]:
    """A page of an actor's mentions, the latest articles first: an actor mentioned `total` times in
    many articles by walking the articles newest first until the page is full, else its mentions
    sorted (a few thousand at most); then the sentences of the page alone."""
    order = "ORDER BY d.published DESC, d.doc_id, m.start LIMIT ? OFFSET ?"
    docs = store.scalar("SELECT max(rowid) FROM documents") or 0
    if total is not None and total * total > WALK * (offset + limit) * docs:
        ids = store.db.execute("SELECT m.id FROM documents d CROSS JOIN mentions m ON m.doc_id = d.doc_id"
                               f" AND m.actor_id = ? {order}", (actor_id, limit, offset)).fetchall()
    else:
        ids = store.db.execute("SELECT m.id FROM mentions m JOIN documents d ON d.doc_id = m.doc_id"
                               f" WHERE m.actor_id = ? {order}", (actor_id, limit, offset)).fetchall()
    ids = [r[0] for r in ids]
    found = {r.pop("id"): r for r in store.rows(
        'SELECT m.id, m.doc_id, m.sentence, m.surface, m.start, m."end", s.text AS sentence_text, d.title, d.published'
        " FROM mentions m JOIN documents d USING (doc_id) LEFT JOIN sentences s ON s.doc_id = m.doc_id"
        f" AND s.idx = m.sentence WHERE m.id IN ({_in(ids)})", ids)} if ids else {}
    return [found[i] for i in ids]


def iter_mentions(store: Store) -> Iterator[dict]:
    yield from store.iter_rows('SELECT m.actor_id, m.doc_id, m.surface, m.start, m."end", s.text AS sentence'
                               " FROM mentions m LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence"
                               " WHERE m.actor_id IS NOT NULL ORDER BY m.doc_id, m.start")


def co_actors(store: Store, actor_id: int, limit: int, events: int = 2000) -> list[dict]:
    """Actors who share events with this one (its latest `events` stored), most shared first."""
    return store.rows("SELECT a.actor_id, a.name, a.kind, a.country, count(DISTINCT o.event_id) n FROM (SELECT DISTINCT"
                      " event_id FROM event_actors WHERE actor_id = ? ORDER BY event_id DESC LIMIT ?) e JOIN event_actors"
                      " o ON o.event_id = e.event_id AND o.actor_id != ? JOIN actors a ON a.actor_id = o.actor_id"
                      " GROUP BY a.actor_id ORDER BY n DESC, a.actor_id DESC LIMIT ?", (actor_id, events, actor_id, limit))


# --- roles --------------------------------------------------------------------------------

EVIDENCE_SQL = ("SELECT e.role_id, o.doc_id, o.sentence, s.text, COALESCE(o.date, d.published) date, o.change,"
                " o.change_date, d.source, d.title FROM role_evidence e JOIN role_observations o ON o.id = e.observation_id"
                " JOIN documents d ON d.doc_id = o.doc_id"
                " LEFT JOIN sentences s ON s.doc_id = o.doc_id AND s.idx = o.sentence")


def with_evidence(store: Store, roles: list[dict], per_role: int | None = None) -> list[dict]:
    """Each role's evidence in date order (with per_role: the statements of a start or an end,
    then the earliest, at most per_role) and `evidence_count`; `observed`: every date it was seen."""
    if per_role is not None:  # by index seeks (store/seen.py), whatever the evidence of a role
        seen.first_evidence(store, roles, per_role)
        return roles
    ids, evidence, observed = [r["role_id"] for r in roles], {}, {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for r in store.db.execute(f"{EVIDENCE_SQL} WHERE e.role_id IN ({_in(chunk)}) ORDER BY 5, 2, 3", chunk):
            evidence.setdefault(r[0], []).append({"doc_id": r[1], "sentence": r[3], "date": r[4], "change": r[5],
                                                  "change_date": r[6], "source": r[7], "title": r[8]})
            if r[4] and r[5] != "end":
                observed.setdefault(r[0], set()).add(r[4])
    for role in roles:
        role["evidence"] = evidence.get(role["role_id"], [])
        role["evidence_count"] = len(role["evidence"])
        role["observed"] = sorted(observed.get(role["role_id"], ()))
    return roles


def roles_of_actor(store: Store, actor_id: int, per_role: int | None = None) -> list[dict]:
    return with_evidence(store, store.rows(
        'SELECT r.role_id, r.actor_id, a.name, r.rank, r.title, r.organization, r.country, r.start, r."end",'
        " r.first_observed, r.last_observed, r.certainty FROM roles r JOIN actors a USING (actor_id)"
        " WHERE r.actor_id = ? ORDER BY COALESCE(r.start, r.first_observed)", (actor_id,)), per_role)


def roles_for_post(store: Store, title_key: str, country: str | None, evidence: bool = True) -> list[dict]:
    """Every role in a post; without `evidence`, the roles alone (to page through, then
    `with_evidence` on one page)."""
    country_sql, params = ("AND r.country = ?", [country]) if country else ("", [])
    roles = store.rows(
        'SELECT r.role_id, r.actor_id, a.name, r.rank, r.title, r.organization, r.country, r.start, r."end",'
        " r.first_observed, r.last_observed, r.certainty FROM roles r JOIN actors a USING (actor_id)"
        f" WHERE r.title_key = ? {country_sql}", [title_key, *params])
    return with_evidence(store, roles) if evidence else roles


def post_holdings(store: Store, title_key: str, country: str | None) -> list[tuple]:
    """(role_id, actor_id, country, start, end, first_observed, last_observed) of every role in a
    post: what ranking its holders needs, without the actors' names (`actor_names` reads them for
    one page)."""
    country_sql, params = ("AND country = ?", [country]) if country else ("", [])
    return store.db.execute('SELECT role_id, actor_id, country, start, "end", first_observed, last_observed FROM roles'
                            f" WHERE title_key = ? {country_sql} ORDER BY country, role_id", [title_key, *params]).fetchall()


def actor_names(store: Store, actor_ids: list[int]) -> dict[int, str]:
    return dict(store.db.execute("SELECT actor_id, name FROM actors WHERE actor_id IN (SELECT value FROM json_each(?))",
                                 (json.dumps(actor_ids),)).fetchall())


def iter_roles(store: Store, batch: int = 2000) -> Iterator[dict]:
    last = 0
    while True:
        rows = store.rows('SELECT r.role_id, r.actor_id, a.name, r.rank, r.title, r.organization, r.country, r.start,'
                          ' r."end", r.certainty FROM roles r JOIN actors a USING (actor_id) WHERE r.role_id > ?'
                          " ORDER BY r.role_id LIMIT ?", (last, batch))
        if not rows:
            return
        yield from with_evidence(store, rows)
        last = rows[-1]["role_id"]


# --- events -------------------------------------------------------------------------------

def _event_rows(rows: list[dict]) -> list[dict]:
    for e in rows:
        for k in ("context", "actors", "recipients"):
            e[k] = json.loads(e[k])
        e["planned"] = json.loads(e["planned"]) if e["planned"] else None
        e["attributed"] = bool(e["actors"] or e["recipients"])
        e.update(geo.fields(e["location"]))   # the location's coordinates (resources/vi/coordinates.tsv)
    return rows


def _with_mentions(store: Store, events: list[dict], per_event: int | None = None) -> list[dict]:
    """Each event's mentions (with per_event: the first so many), `mention_count` and
    `article_count` (how many reports, in how many articles, in all); for one with a partial date,
    `article_period`: the days its articles (of those read) may be of (documents.period_lo/hi)."""
    ids = [e["event_id"] for e in events]
    found: dict[int, list[dict]] = {}
    totals: dict[int, int] = {}
    articles: dict[int, int] = {}
    periods: dict[int, list[tuple[str, str]]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        sql, params = ("SELECT m.event_id, m.doc_id, s.text, m.trigger, d.source, d.title, m.sentence, d.period_lo,"
                       " d.period_hi FROM event_mentions m"
                       " JOIN documents d USING (doc_id) LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence"
                       f" WHERE m.event_id IN ({_in(chunk)})"), [*chunk]
        if per_event is not None:
            sql = (f"SELECT * FROM (SELECT x.*, row_number() OVER (PARTITION BY event_id ORDER BY doc_id, sentence) k,"
                   f" count(*) OVER (PARTITION BY event_id) n FROM ({sql}) x) WHERE k <= ?")
            params.append(per_event)
            for r in store.db.execute("SELECT event_id, count(DISTINCT doc_id) FROM event_mentions"
                                      f" WHERE event_id IN ({_in(chunk)}) GROUP BY event_id", chunk):
                articles[r[0]] = r[1]
        for r in store.db.execute(f"{sql} ORDER BY 2, 7", params):
            found.setdefault(r[0], []).append({"doc_id": r[1], "sentence": r[2], "trigger": r[3], "source": r[4],
                                               "title": r[5], "sentence_index": r[6]})
            if r[7]:
                periods.setdefault(r[0], []).append((r[7], r[8]))
            if per_event is not None:
                totals[r[0]] = r[10]
    for e in events:
        e["mentions"] = found.get(e["event_id"], [])
        e["mention_count"] = totals.get(e["event_id"], len(e["mentions"]))
        e["article_count"] = articles.get(e["event_id"], len({m["doc_id"] for m in e["mentions"]}))
        days = periods.get(e["event_id"]) if e.get("date_partial") else None
        e["article_period"] = {"start": min(d[0] for d in days), "end": max(d[1] for d in days)} if days else None
    return events


def _date_range(where: list[str], params: list, since: str | None, until: str | None) -> None:
    """Events dated within [since, until], each compared at the bound's own precision."""
    if since:
        where.append("substr(e.date, 1, length(?)) >= ?")
        params += [since, since]
    if until:
        where.append("substr(e.date, 1, length(?)) <= ?")
        params += [until, until]


# Which events a list shows by who takes part: "named" (the default: at least one actor or
# recipient), "none" (no identifiable participant: kept in the store, of no use in a list), "any".
PARTICIPANTS = {"named": "(e.actors != '[]' OR e.recipients != '[]')",
                "none": "(e.actors = '[]' AND e.recipients = '[]')", "any": None}

EVENT_COLUMNS = ("e.event_id, e.date, e.date_precision, e.date_partial, e.type, e.mode, e.context, e.cameo, e.actors,"
                 " e.recipients, e.location, e.planned, e.goldstein, e.quad_class, e.confidence, e.date_added")


def least_confidence(participants: str, min_confidence: float | None) -> float | None:
    """The confidence an event needs to be listed: the one asked for, else, in the default view
    ("named"), the default threshold the learned weights carry (biennien/learned.py; none unless
    it raised F1 on held-out dev data): the events under it stay in the store, listed with
    `min_confidence=0` or `participants="any"`."""
    if min_confidence is not None:
        return min_confidence
    return learned.threshold() if participants == "named" else None


def _event_filter(f: EventFilter, walk: bool = False) -> tuple[str, list]:
    """WHERE and its parameters; `walk`: an actor's events tested one by one as the events are
    read newest first (for an actor in many events), not gathered first."""
    actor_ids, types, country, planned = f.actor_ids, f.types, f.country, f.planned
    min_confidence = least_confidence(f.participants, f.min_confidence)
    participants = f.participants
    where, params = [], []
    if PARTICIPANTS[participants]:
        where.append(PARTICIPANTS[participants])
    if min_confidence:
        where.append("e.confidence >= ?")
        params.append(min_confidence)
    if actor_ids is not None:
        where.append(f"EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.event_id AND x.actor_id IN"
                     f" ({_in(actor_ids)}))" if walk else
                     f"e.event_id IN (SELECT event_id FROM event_actors WHERE actor_id IN ({_in(actor_ids)}))")
        params += actor_ids
    if types:
        where.append(f"e.type IN ({_in(types)})")
        params += types
    if country:
        where.append("e.event_id IN (SELECT x.event_id FROM event_actors x JOIN actors a USING (actor_id)"
                     " WHERE a.country = ?)")
        params.append(country)
    _date_range(where, params, f.since, f.until)
    if planned is not None:
        where.append("e.planned IS NOT NULL" if planned else "e.planned IS NULL")
    return (" WHERE " + " AND ".join(where) if where else ""), params


def find_events(store: Store, which: EventFilter, limit: int, offset: int = 0,
                mentions: int | None = None) -> list[dict]:
    """Events newest first; `mentions`: at most so many mentions each; `which.participants`: see
    PARTICIPANTS."""
    walk = False
    if which.actor_ids:  # the newest events walked until the page is full, where the actor is in many
        n = store.scalar(f"SELECT count(*) FROM event_actors WHERE actor_id IN ({_in(which.actor_ids)})",
                         which.actor_ids)
        walk = n * n > WALK * (offset + limit) * (store.scalar("SELECT max(event_id) FROM events") or 0)
    where, params = _event_filter(which, walk)
    sql = f"SELECT {EVENT_COLUMNS} FROM events e{where} ORDER BY e.date DESC, e.event_id LIMIT ? OFFSET ?"
    return _with_mentions(store, _event_rows(store.rows(sql, [*params, limit, offset])), mentions)


def count_events(store: Store, which: EventFilter) -> int:
    f = which
    if f.actor_ids and f.participants != "none" and not (f.types or f.country or f.since or f.until) \
            and not least_confidence(f.participants, f.min_confidence) and f.planned is None:  # an actor's events alone; one with a stored participant names one (tests)
        return store.scalar(f"SELECT count(DISTINCT event_id) FROM event_actors WHERE actor_id IN"
                            f" ({_in(which.actor_ids)})", which.actor_ids)
    where, params = _event_filter(which)
    return store.scalar(f"SELECT count(*) FROM events e{where}", params)


def iter_events(store: Store, batch: int = 2000, added_since: str | None = None,
                participants: str = "any", min_confidence: float | None = None) -> Iterator[dict]:
    """Every event (with `added_since`: those first stored at or after it; `participants`: see
    PARTICIPANTS; `min_confidence`: see least_confidence), by id."""
    last = 0
    added = " AND e.date_added >= ?" if added_since else ""
    params = [added_since] if added_since else []
    if PARTICIPANTS[participants]:
        added += f" AND {PARTICIPANTS[participants]}"
    cut = least_confidence(participants, min_confidence)
    if cut:
        added += " AND e.confidence >= ?"
        params.append(cut)
    while True:
        rows = store.rows(f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.event_id > ?{added} ORDER BY e.event_id"
                          " LIMIT ?", (last, *params, batch))
        if not rows:
            return
        yield from _with_mentions(store, _event_rows(rows))
        last = rows[-1]["event_id"]


def events_by_id(store: Store, ids: list[int], mentions: int | None = None) -> list[dict]:
    if not ids:
        return []
    return _with_mentions(store, _event_rows(store.rows(
        f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.event_id IN ({_in(ids)}) ORDER BY e.date", ids)), mentions)


def roles_in_document(store: Store, doc_id: str) -> list[dict]:
    return store.rows("SELECT o.sentence, o.person, o.actor_id, o.rank, o.title, o.organization, o.country, o.date,"
                      " o.change, o.change_date FROM role_observations o WHERE o.doc_id = ? ORDER BY o.sentence",
                      (doc_id,))
