"""A role's evidence by date (`role_seen`, migration 5): what `who` and a role's first evidence need,
read by index seeks, so that the cost of a question does not grow with the evidence of a post.

A date here is ISO at any precision (YYYY, YYYY-MM, YYYY-MM-DD), and `day` a full ISO day. For
such dates `v <= day` as strings exactly when v's first day is on or before `day`, the dates that
contain `day` are `day`, its month and its year, and a date before `day` that does not contain it
ends (`hi`) before it: three seeks answer what a scan of every date answered.
"""
from __future__ import annotations

import json

from .db import Store

NOT_END = "s.change IS NOT 'end'"
DATED = "date IS NOT NULL AND span IS NOT 1"   # evidence with a date of its own, not an undated article's period
CHUNK = 300


def _in(ids: list) -> str:
    return ",".join("?" * len(ids))


def spans(store: Store, role_ids: list[int], day: str) -> dict[int, dict]:
    """Per role, over the dates it was seen on (evidence that is no end of tenure, dated):
    `inside` (a date contains `day`), `below` (the last day of the latest date wholly before it),
    `above` (the earliest date after it), `upto` (the latest date on or before it), `within` (the
    days of the narrowest period of an undated article that contains `day`, migration 9; None
    when none does), `current` (seen holding it at all: not only as a former holder, "nguyên Bộ
    trưởng X", or leaving it). A period counts as its first day for `upto` and `above`, its last
    for `below`."""
    out: dict[int, dict] = {}
    where = f"s.role_id = r.value AND {NOT_END}"
    sql = ("SELECT r.value,"
           f" EXISTS (SELECT 1 FROM role_seen s INDEXED BY role_seen_date WHERE {where} AND s.date IN (?, ?, ?)),"
           f" (SELECT s.hi FROM role_seen s WHERE {where} AND s.hi < ? ORDER BY s.hi DESC LIMIT 1),"
           f" (SELECT s.date FROM role_seen s WHERE {where} AND s.date > ? ORDER BY s.date LIMIT 1),"
           f" (SELECT s.date FROM role_seen s WHERE {where} AND s.date <= ? ORDER BY s.date DESC LIMIT 1),"
           " (SELECT min(julianday(s.hi) - julianday(s.date)) FROM role_seen s INDEXED BY role_seen_span"
           f" WHERE {where} AND s.span = 1 AND s.date <= ? AND s.hi >= ?),"
           f" EXISTS (SELECT 1 FROM role_seen s WHERE {where})"
           " FROM json_each(?) r")
    for i in range(0, len(role_ids), 5000):
        chunk = role_ids[i:i + 5000]
        for r in store.db.execute(sql, (day, day[:7], day[:4], day, day, day, day, day, json.dumps(chunk))):
            out[r[0]] = {"inside": bool(r[1]), "below": r[2], "above": r[3], "upto": r[4],
                         "within": None if r[5] is None else int(r[5]) + 1, "current": bool(r[6])}
    return out


def extent(store: Store, role_ids: list[int]) -> dict[int, tuple[str, str]]:
    """Per role seen on a date, its earliest and latest dates (no end of tenure; a period of an
    undated article is no date it was seen on)."""
    where = f"s.role_id = r.value AND {NOT_END} AND s.date IS NOT NULL AND s.span IS NOT 1"
    return {r[0]: (r[1], r[2]) for r in store.db.execute(
        f"SELECT r.value, (SELECT s.date FROM role_seen s WHERE {where} ORDER BY s.date LIMIT 1),"
        f" (SELECT s.date FROM role_seen s WHERE {where} ORDER BY s.date DESC LIMIT 1) FROM json_each(?) r",
        (json.dumps(role_ids),)) if r[1]}


def counts(store: Store, role_ids: list[int]) -> dict[int, int]:
    """How many pieces of evidence each role has."""
    out: dict[int, int] = {}
    for i in range(0, len(role_ids), CHUNK):
        chunk = role_ids[i:i + CHUNK]
        out.update(store.db.execute(f"SELECT role_id, count(*) FROM role_seen WHERE role_id IN ({_in(chunk)})"
                                    " GROUP BY role_id", chunk).fetchall())
    return out


def observed(store: Store, role_ids: list[int]) -> dict[int, list[str]]:
    """Every date each role was seen on, sorted."""
    out: dict[int, list[str]] = {}
    for i in range(0, len(role_ids), CHUNK):
        chunk = role_ids[i:i + CHUNK]
        for r in store.db.execute(f"SELECT DISTINCT s.role_id, s.date FROM role_seen s WHERE s.role_id IN ({_in(chunk)})"
                                  f" AND {NOT_END} AND s.date IS NOT NULL AND s.span IS NOT 1 ORDER BY 1, 2", chunk):
            out.setdefault(r[0], []).append(r[1])
    return out


def first(store: Store, role_id: int, n: int) -> list[int]:
    """Observation ids among which are a role's first n pieces of evidence in the order
    (change IS NULL, date, doc_id, sentence): its statements of a start or an end, then the
    earliest n others by (date, doc_id), with every other one that ties with the last."""
    ids = [r[0] for r in store.db.execute("SELECT observation_id FROM role_seen WHERE role_id = ? AND change IS NOT NULL",
                                          (role_id,))]
    rows = store.db.execute("SELECT observation_id, date, doc_id FROM role_seen s WHERE role_id = ? AND change IS NULL"
                            " ORDER BY date, doc_id LIMIT ?", (role_id, n)).fetchall()
    ids += [r[0] for r in rows]
    if len(rows) == n:
        date, doc = rows[-1][1], rows[-1][2]
        ids += [r[0] for r in store.db.execute("SELECT observation_id FROM role_seen WHERE role_id = ? AND change IS NULL"
                                               " AND date IS ? AND doc_id IS ?", (role_id, date, doc))]
    return sorted(set(ids))


def near(store: Store, role_id: int, day: str, n: int) -> list[tuple[str | None, str, int]]:
    """(date, doc_id, observation id) of a role's evidence nearest to `day`, at least n of them
    where it has so many: those containing it, the latest n wholly before it and the earliest n
    after it (by the first or last day of their dates)."""
    rows = store.db.execute(f"SELECT date, doc_id, observation_id FROM role_seen WHERE role_id = ? AND {DATED}"
                            " AND date IN (?, ?, ?)", (role_id, day, day[:7], day[:4])).fetchall()
    rows += store.db.execute(f"SELECT date, doc_id, observation_id FROM role_seen WHERE role_id = ? AND {DATED}"
                             " AND hi < ? ORDER BY hi DESC LIMIT ?", (role_id, day, n)).fetchall()
    rows += store.db.execute(f"SELECT date, doc_id, observation_id FROM role_seen WHERE role_id = ? AND {DATED}"
                             " AND date > ? ORDER BY date LIMIT ?", (role_id, day, n)).fetchall()
    return rows


def around(store: Store, role_id: int, low_hi: str, day: str, high_date: str) -> list[tuple[str | None, str, int]]:
    """(date, doc_id, observation id) of a role's evidence within a distance of `day`: dates
    containing it, those ending on or after `low_hi` before it, those starting on or before
    `high_date` after it."""
    return store.db.execute(
        f"SELECT date, doc_id, observation_id FROM role_seen WHERE role_id = ? AND {DATED} AND (date IN (?, ?, ?)"
        " OR (hi < ? AND hi >= ?) OR (date > ? AND date <= ?))",
        (role_id, day, day[:7], day[:4], day, low_hi, day, high_date)).fetchall()


def undated(store: Store, role_id: int, n: int) -> list[tuple[None, str, int]]:
    """(None, doc_id, observation id) of a role's first n undated pieces of evidence by article
    (an article's period is no date), with those that tie with the last."""
    rows = store.db.execute("SELECT NULL, doc_id, observation_id FROM role_seen WHERE role_id = ?"
                            f" AND NOT ({DATED}) ORDER BY doc_id LIMIT ?", (role_id, n)).fetchall()
    if rows and len(rows) == n:
        rows += store.db.execute("SELECT NULL, doc_id, observation_id FROM role_seen WHERE role_id = ?"
                                 f" AND NOT ({DATED}) AND doc_id = ?", (role_id, rows[-1][1])).fetchall()
    return rows


def details(store: Store, observation_ids: list[int]) -> dict[int, dict]:
    """Pieces of evidence as answered, by observation id: the article, the sentence (its text and
    `index`), the date (the observation's, else the article's), a stated start or end."""
    out: dict[int, dict] = {}
    for i in range(0, len(observation_ids), CHUNK):
        chunk = observation_ids[i:i + CHUNK]
        for r in store.db.execute(
                "SELECT o.id, o.doc_id, s.text, COALESCE(o.date, d.published), o.change, o.change_date, d.source,"
                " d.title, o.sentence FROM role_observations o JOIN documents d ON d.doc_id = o.doc_id"
                " LEFT JOIN sentences s ON s.doc_id = o.doc_id AND s.idx = o.sentence"
                f" WHERE o.id IN ({_in(chunk)})", chunk):
            out[r[0]] = {"doc_id": r[1], "sentence": r[2], "date": r[3], "change": r[4], "change_date": r[5],
                         "source": r[6], "title": r[7], "index": r[8]}
    return out


def _order(e: dict) -> tuple:
    """A role's evidence order: by date (undated first), article, sentence."""
    return (e["date"] is not None, e["date"] or "", e["doc_id"], e["index"])


def first_evidence(store: Store, roles: list[dict], per_role: int) -> None:
    """Each role's first `per_role` pieces of evidence (its statements of a start or an end, then
    the earliest), in date order; `evidence_count`; `observed`, every date it was seen on."""
    ids = [r["role_id"] for r in roles]
    totals, dates = counts(store, ids), observed(store, ids)
    wanted = {rid: first(store, rid, per_role) for rid in ids}
    found = details(store, sorted({o for v in wanted.values() for o in v}))
    for role in roles:
        rid = role["role_id"]
        items = sorted((found[o] for o in wanted[rid] if o in found), key=lambda e: (e["change"] is None, *_order(e)))
        items = sorted(items[:per_role], key=_order)
        role["evidence"] = [{k: e[k] for k in ("doc_id", "sentence", "date", "change", "change_date", "source", "title")}
                            for e in items]
        role["evidence_count"] = totals.get(rid, 0)
        role["observed"] = dates.get(rid, [])


def posts_named(store: Store, role_ids: list[int]) -> dict[int, tuple[str, str, list[str]]]:
    """Per role, its title, its holder's name as kept and the titles of the holder's other roles (a
    tenure of public record is matched on them: tenures.py), read for the holders a date does not
    set aside."""
    return {r[0]: (r[1], r[2], json.loads(r[3])) for r in store.db.execute(
        "SELECT r.role_id, r.title, a.name, (SELECT json_group_array(o.title) FROM roles o WHERE o.actor_id = r.actor_id"
        " AND o.role_id != r.role_id) FROM roles r JOIN actors a ON a.actor_id = r.actor_id"
        " WHERE r.role_id IN (SELECT value FROM json_each(?))", (json.dumps(role_ids),))}
