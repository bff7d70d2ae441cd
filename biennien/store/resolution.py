"""Reads and writes of the global resolution step (resolve/): the SQL side of it."""
from __future__ import annotations

import json

from .db import Store


def unresolved_round(store: Store, size: int) -> tuple[list[str], bool]:
    """The unresolved documents of the first round that has any, and whether every document of
    that round is stored. Round k holds the documents stored k*size+1th to (k+1)*size-th (their
    rowids: documents are never deleted, and a rolled-back insert takes no rowid)."""
    first = store.scalar("SELECT min(rowid) FROM documents WHERE resolved = 0")
    if first is None:
        return [], False
    lo = (first - 1) // size * size + 1
    hi = lo + size - 1
    docs = [r[0] for r in store.db.execute("SELECT doc_id FROM documents WHERE resolved = 0 AND rowid BETWEEN ? AND ?"
                                           " ORDER BY rowid", (lo, hi))]
    return docs, store.scalar("SELECT max(rowid) FROM documents") >= hi


def _in(ids: list) -> str:
    return ",".join("?" * len(ids))


def mentions_of(store: Store, doc_ids: list[str]) -> list[dict]:
    return store.rows(f"SELECT id, doc_id, start, kind, name, surface, country FROM mentions WHERE doc_id IN ({_in(doc_ids)})"
                      " ORDER BY doc_id, start", doc_ids)


def observations_of(store: Store, doc_ids: list[str]) -> list[dict]:
    return store.rows(f"SELECT id, person, country FROM role_observations WHERE doc_id IN ({_in(doc_ids)})"
                      " ORDER BY id", doc_ids)


_IN_CAPTION = ("(SELECT s.is_caption FROM sentences s WHERE s.doc_id = m.doc_id AND s.idx = m.sentence)"
               " AS in_caption")


def event_mentions_of(store: Store, doc_ids: list[str]) -> list[dict]:
    """The event mentions of `doc_ids`, each with whether its sentence is a caption (`in_caption`)."""
    rows = store.rows(f"SELECT m.*, {_IN_CAPTION} FROM event_mentions m WHERE m.doc_id IN ({_in(doc_ids)})"
                      f" ORDER BY m.doc_id, m.sentence, m.id", doc_ids)
    for r in rows:
        for k in ("actors", "recipients", "context"):
            r[k] = json.loads(r[k])
        r["planned"] = json.loads(r["planned"]) if r["planned"] else None
    return rows


def actors_by_key(store: Store, kind: str, key: str) -> list[dict]:
    return store.rows("SELECT a.actor_id, a.country FROM aliases s JOIN actors a USING (actor_id)"
                      " WHERE s.key = ? AND a.kind = ? GROUP BY a.actor_id", (key, kind))


def person_candidates(store: Store, prefixes: list[str]) -> list[dict]:
    """Person aliases whose key starts with one of `prefixes` (fuzzy-match candidates): key ranges
    read from the aliases_key index, so the cost does not grow with the table."""
    out: list[dict] = []
    for prefix in prefixes:
        # CROSS JOIN: aliases first, by key range (left to itself the planner scans every person)
        out += store.rows("SELECT s.key, a.actor_id, a.country FROM aliases s CROSS JOIN actors a USING (actor_id)"
                          " WHERE s.key >= ? AND s.key < ? AND a.kind = 'person'", (prefix, prefix + "\U0010ffff"))
    return out


def persons_ending(store: Store, word: str, limit: int = 20) -> list[dict]:
    """Stored persons with an alias key of two or more words ending with `word` ("vladimir putin"
    for "putin"): read from the trigram index (migration 5), at most `limit` aliases."""
    keys = store.rows("SELECT key, actor_id FROM aliases_tri WHERE aliases_tri MATCH ? LIMIT ?",
                      ('"' + word.replace('"', '""') + '"', limit))
    ids = sorted({r["actor_id"] for r in keys if r["key"].endswith(" " + word)})
    if not ids:
        return []
    return store.rows(f"SELECT actor_id, name, country FROM actors WHERE kind = 'person' AND actor_id IN ({_in(ids)})",
                      ids)


def defer_foreign_keys(store: Store) -> None:
    """Foreign keys checked at the commit of this transaction, not at each statement: a round
    links mentions and events to new actors before it writes them, all in one statement."""
    store.db.execute("PRAGMA defer_foreign_keys = ON")


def next_actor_id(store: Store) -> int:
    """The id SQLite gives the next actor inserted without one (actors are never deleted)."""
    return (store.scalar("SELECT max(actor_id) FROM actors") or 0) + 1


def add_actors(store: Store, rows: list[tuple[int, str, str, str | None, str]]) -> None:
    """(actor_id, name, kind, country, key) rows, in one statement."""
    store.db.executemany("INSERT INTO actors (actor_id, name, kind, country, key) VALUES (?,?,?,?,?)", rows)


def add_aliases(store: Store, rows: list[tuple[int, str, str, int]]) -> None:
    """(actor_id, alias, key, count) upserted, counts added."""
    store.db.executemany("INSERT INTO aliases (actor_id, alias, key, count) VALUES (?,?,?,?)"
                         " ON CONFLICT (actor_id, alias) DO UPDATE SET count = count + excluded.count", rows)


def _by_row(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(value, row id) pairs in row order: the updates walk the table's pages once, in order."""
    return sorted(pairs, key=lambda p: p[1])


def add_new_aliases(store: Store, rows: list[tuple[int, str, str, int]]) -> None:
    """`add_aliases` in one statement, in the order given: the insert trigger feeds full-text search,
    which flushes at the end of each statement (one executemany row is one statement)."""
    if not rows:
        return
    store.db.execute("CREATE TEMP TABLE IF NOT EXISTS new_aliases (actor_id INTEGER, alias TEXT, key TEXT, count INTEGER)")
    store.db.execute("DELETE FROM temp.new_aliases")
    store.db.executemany("INSERT INTO temp.new_aliases (actor_id, alias, key, count) VALUES (?,?,?,?)", rows)
    store.db.execute("INSERT INTO aliases (actor_id, alias, key, count) SELECT actor_id, alias, key, count"
                     " FROM temp.new_aliases WHERE true ORDER BY rowid"
                     " ON CONFLICT (actor_id, alias) DO UPDATE SET count = count + excluded.count")
    store.db.execute("DELETE FROM temp.new_aliases")


def assign_mentions(store: Store, pairs: list[tuple[int, int]]) -> None:
    store.db.executemany("UPDATE mentions SET actor_id = ? WHERE id = ?", _by_row(pairs))


def add_mentions(store: Store, rows: list[tuple]) -> None:
    """Mention rows as `Store.insert` held them, each with its actor id last, in one statement:
    stored once, with their actor (not inserted, then updated a round later)."""
    store.db.executemany('INSERT INTO mentions (doc_id, sentence, start, "end", surface, kind, name, rank, titles,'
                         " organization, country, in_caption, actor_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)


def assign_observations(store: Store, pairs: list[tuple[int, int]]) -> None:
    store.db.executemany("UPDATE role_observations SET actor_id = ? WHERE id = ?", _by_row(pairs))


def refresh_actors(store: Store, actor_ids: list[int], canonical, vote, new_countries=None) -> None:
    """Canonical name = canonical(alias counts); country = vote(mention countries).

    `new_countries` (actor_id -> the countries of the mentions just assigned to it) spares the
    recount of every mention of an actor (a country's: a good part of the table) when the new
    ones cannot change the vote: the stored country is the vote of the earlier mentions, so
    mentions of that same country keep it the winner."""
    for i in range(0, len(actor_ids), 500):
        chunk = actor_ids[i:i + 500]
        counts: dict[int, dict[str, int]] = {}
        for r in store.db.execute(f"SELECT actor_id, alias, count FROM aliases WHERE actor_id IN ({_in(chunk)})", chunk):
            counts.setdefault(r[0], {})[r[1]] = r[2]
        recount = chunk
        if new_countries is not None:
            stored = dict(store.db.execute(f"SELECT actor_id, country FROM actors WHERE actor_id IN ({_in(chunk)})",
                                           chunk).fetchall())
            recount = [a for a in chunk if new_countries.get(a, set()) - {stored.get(a)}]
        countries: dict[int, dict[str, int]] = {}
        for r in store.db.execute(f"SELECT actor_id, country, count(*) FROM mentions WHERE actor_id IN ({_in(recount)})"
                                  " AND country IS NOT NULL GROUP BY actor_id, country ORDER BY actor_id, country", recount):
            countries.setdefault(r[0], {})[r[1]] = r[2]
        store.db.executemany("UPDATE actors SET name = ?, country = COALESCE(?, country) WHERE actor_id = ?",
                             [(canonical(counts[a]), vote(countries.get(a, {})), a) for a in chunk if a in counts])


def mark_resolved(store: Store, doc_ids: list[str]) -> None:
    store.db.execute(f"UPDATE documents SET resolved = 1 WHERE doc_id IN ({_in(doc_ids)})", doc_ids)


# --- roles ------------------------------------------------------------------------------------

def observations_for_actors(store: Store, actor_ids: list[int]) -> list[dict]:
    out = []
    for i in range(0, len(actor_ids), 500):
        chunk = actor_ids[i:i + 500]
        out += store.rows(f"SELECT o.*, d.published, d.published_precision, d.period_lo, d.period_hi FROM role_observations o"
                          f" JOIN documents d USING (doc_id) WHERE o.actor_id IN ({_in(chunk)})", chunk)
    return out


ROLE_IDENTITY = ("actor_id", "rank", "title_key", "country")   # what a role is: its id stays while these do
ROLE_VALUES = ("title", "organization", "start", "end", "first_observed", "last_observed", "certainty")


def update_roles(store: Store, actor_ids: list[int], roles: list[dict]) -> None:
    """Make the stored roles of these actors `roles` (each with 'observations': [ids]), writing only
    what changed. A role is known by its identity (actor, rank, title key, country): a stored one
    keeps its id, its values are updated if they changed, its evidence gains the new observations
    and loses only those no longer its own (a short form of a post folded elsewhere); a new one is
    inserted (the next id), a stored one that no longer forms is deleted. Before (replace_roles),
    every role of every touched person was deleted and inserted again, with its evidence and the
    role_seen rows its trigger keeps: the cost of a round grew with what the store knew of them."""
    stored: dict[tuple, dict] = {}
    evidence: dict[int, set[int]] = {}
    for i in range(0, len(actor_ids), 500):
        chunk = actor_ids[i:i + 500]
        for r in store.rows('SELECT role_id, actor_id, rank, title_key, country, title, organization, start, "end",'
                            f" first_observed, last_observed, certainty FROM roles WHERE actor_id IN ({_in(chunk)})",
                            chunk):
            stored[tuple(r[k] for k in ROLE_IDENTITY)] = r
            evidence[r["role_id"]] = set()
        for role_id, observation_id in store.db.execute(
                f"SELECT e.role_id, e.observation_id FROM roles r JOIN role_evidence e ON e.role_id = r.role_id"
                f" WHERE r.actor_id IN ({_in(chunk)})", chunk):
            evidence[role_id].add(observation_id)
    kept = {tuple(role[k] for k in ROLE_IDENTITY) for role in roles}
    gone = [(r["role_id"],) for key, r in stored.items() if key not in kept]
    store.db.executemany("DELETE FROM roles WHERE role_id = ?", gone)
    for role in roles:
        old = stored.get(tuple(role[k] for k in ROLE_IDENTITY))
        if old is None:
            role_id = store.db.execute(
                "INSERT INTO roles (actor_id, rank, title, title_key, organization, country, start, \"end\","
                " first_observed, last_observed, certainty) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (role["actor_id"], role["rank"], role["title"], role["title_key"], role["organization"],
                 role["country"], role["start"], role["end"], role["first_observed"], role["last_observed"],
                 role["certainty"])).lastrowid
            had: set[int] = set()
        else:
            role_id, had = old["role_id"], evidence[old["role_id"]]
            if any(old[k] != role[k] for k in ROLE_VALUES):
                store.db.execute('UPDATE roles SET title = ?, organization = ?, start = ?, "end" = ?, first_observed = ?,'
                                 " last_observed = ?, certainty = ? WHERE role_id = ?",
                                 (*(role[k] for k in ROLE_VALUES), role_id))
        now = role["observations"]
        store.db.executemany("DELETE FROM role_evidence WHERE role_id = ? AND observation_id = ?",
                             [(role_id, o) for o in sorted(had.difference(now))])
        store.db.executemany("INSERT OR IGNORE INTO role_evidence (role_id, observation_id) VALUES (?,?)",
                             [(role_id, o) for o in now if o not in had])


# --- events -----------------------------------------------------------------------------------

def add_event(store: Store, event: dict) -> int:
    cur = store.db.execute(
        "INSERT INTO events (type, mode, context, cameo, date, date_precision, location, planned, actors, recipients,"
        " date_partial) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (event["type"], event.get("mode"), json.dumps(event.get("context") or [], ensure_ascii=False),
         event.get("cameo"), event.get("date"), event.get("date_precision"), event.get("location"),
         json.dumps(event["planned"], ensure_ascii=False) if event.get("planned") else None,
         json.dumps(event["actors"], ensure_ascii=False), json.dumps(event["recipients"], ensure_ascii=False),
         event.get("date_partial")))
    event_id = cur.lastrowid
    link_event_actors(store, event_id, event)
    return event_id


def link_event_actors(store: Store, event_id: int, event: dict) -> None:
    store.db.executemany("INSERT OR IGNORE INTO event_actors (event_id, actor_id, role) VALUES (?,?,?)",
                         [(event_id, p["actor_id"], role) for role in ("actor", "recipient")
                          for p in event[role + "s"] if p.get("actor_id")])


def assign_event_mentions(store: Store, pairs: list[tuple[int, int]]) -> None:
    store.db.executemany("UPDATE event_mentions SET event_id = ? WHERE id = ?", _by_row(pairs))


def events_sharing(store: Store, type_: str, month: str, actor_ids: list[int]) -> list[dict]:
    """Stored events of `type_` dated in `month` (YYYY-MM) with a participant among `actor_ids`,
    each with its parties and where it is reported (`mentions`: doc_id, sentence,
    trigger, reported, actors, recipients, in_caption)."""
    if not actor_ids:
        return []
    rows = []
    for i in range(0, len(actor_ids), 500):
        chunk = actor_ids[i:i + 500]
        # the events of the type in the month, sought in events_named (an event with a participant
        # has a named side); `events_type` read every event of the type, a cost that grew with the
        # store. A date starts with its month ("2020-01", "2020-01-05"): a key range, not a LIKE.
        rows += store.rows(f"SELECT DISTINCT e.event_id, e.type, e.date, e.date_precision, e.actors, e.recipients,"
                           f" e.planned, e.cameo FROM event_actors x JOIN events e INDEXED BY events_named"
                           f" ON e.event_id = x.event_id WHERE x.actor_id IN ({_in(chunk)}) AND e.type = ?"
                           f" AND e.date >= ? AND e.date < ? AND (e.actors != '[]' OR e.recipients != '[]')"
                           f" ORDER BY e.event_id", [*chunk, type_, month, month + "\U0010ffff"])
    return _event_keys(store, rows)


def events_naming_both(store: Store, type_: str, pairs: list[tuple[int, int]]) -> list[dict]:
    """Stored dated events of `type_` with both actors of one of `pairs` among their participants,
    as events_sharing gives them: what an undated report of those two may be told of."""
    rows = []
    for a, b in pairs:
        rows += store.rows("SELECT e.event_id, e.type, e.date, e.date_precision, e.actors, e.recipients, e.planned, e.cameo"
                           " FROM events e WHERE e.type = ? AND e.date IS NOT NULL"
                           " AND e.event_id IN (SELECT event_id FROM event_actors WHERE actor_id = ?)"
                           " AND e.event_id IN (SELECT event_id FROM event_actors WHERE actor_id = ?)", (type_, a, b))
    return _event_keys(store, rows)


def _event_keys(store: Store, rows: list[dict]) -> list[dict]:
    seen, out = set(), []
    for r in rows:
        if r["event_id"] in seen:
            continue
        seen.add(r["event_id"])
        r["actors"], r["recipients"] = json.loads(r["actors"]), json.loads(r["recipients"])
        r["planned"] = json.loads(r["planned"]) if r["planned"] else None
        r["mentions"] = store.rows(f"SELECT m.doc_id, m.sentence, m.trigger, m.reported, m.actors, m.recipients,"
                                   f" {_IN_CAPTION} FROM event_mentions m WHERE m.event_id = ?", (r["event_id"],))
        for m in r["mentions"]:
            m["actors"], m["recipients"] = json.loads(m["actors"]), json.loads(m["recipients"])
        out.append(r)
    return out


def update_event(store: Store, event_id: int, event: dict) -> None:
    store.db.execute("UPDATE events SET date = ?, date_precision = ?, date_partial = ?, actors = ?, recipients = ?"
                     " WHERE event_id = ?", (event["date"], event["date_precision"], event.get("date_partial"),
                                             json.dumps(event["actors"], ensure_ascii=False),
                                             json.dumps(event["recipients"], ensure_ascii=False), event_id))
    store.db.execute("DELETE FROM event_actors WHERE event_id = ?", (event_id,))
    link_event_actors(store, event_id, event)
