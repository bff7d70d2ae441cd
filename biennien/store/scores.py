"""Per-event scores kept in the events table: Goldstein value and quad class (biennien/cameo.py),
confidence (the learned probability of biennien/learned.py over the evidence below, the hand-set
score of biennien/confidence.py among it, or that score alone without weights) and the time the
event was first stored (`date_added`)."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from .. import cameo, learned
from ..confidence import DATE, TRIGGER, best, confidence, date_source, parties_kind, trigger_kind

if TYPE_CHECKING:   # db.py runs refresh_all when it migrates a store: a runtime import would be a cycle
    from .db import Store

# a mention's date is its sentence's own if a time expression there is that date (at either's precision);
# then where it is (its sentence, that sentence's length, how many sentences its article has) and its trigger
MENTIONS_SQL = (
    "SELECT m.event_id, m.mode, m.reported, m.doc_id, m.date, d.published,"
    " EXISTS (SELECT 1 FROM time_exprs t WHERE t.doc_id = m.doc_id AND t.sentence = m.sentence"
    "   AND t.value IS NOT NULL AND m.date IS NOT NULL"
    "   AND substr(t.value, 1, min(length(t.value), length(m.date))) = substr(m.date, 1, min(length(t.value), length(m.date)))),"
    " m.sentence, s.\"end\" - s.start, (SELECT max(idx) + 1 FROM sentences x WHERE x.doc_id = m.doc_id), m.trigger,"
    " (SELECT count(*) FROM event_mentions y WHERE y.doc_id = m.doc_id AND y.sentence = m.sentence),"
    " m.negated, s.is_caption"
    " FROM event_mentions m JOIN documents d ON d.doc_id = m.doc_id"
    " LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence WHERE m.event_id IN ({})")
EVENT_SQL = ("SELECT event_id, type, mode, cameo, date_precision, location, planned, actors, recipients FROM events"
             " WHERE event_id IN ({})")


def no_evidence() -> dict:
    return {"triggers": set(), "dates": set(), "docs": set(), "mentions": 0, "reported": 0, "first": 99,
            "sentences": 0, "chars": 0, "words": 1, "crowd": 0, "negated": 0, "caption": 0,
            "gap": None}


def evidence(store: Store, ids: list[int]) -> dict[int, dict]:
    """What the mentions of these events say (see learned.features), by event id."""
    found: dict[int, dict] = {}
    marks = ",".join("?" * len(ids))
    for r in store.db.execute(MENTIONS_SQL.format(marks), ids):
        e = found.get(r[0]) or found.setdefault(r[0], no_evidence())
        e["triggers"].add(trigger_kind(r[1], bool(r[2])))
        e["dates"].add(date_source(r[4], r[5], bool(r[6])))
        e["docs"].add(r[3])
        e["mentions"] += 1
        e["reported"] += bool(r[2])
        e["first"] = min(e["first"], r[7])
        e["sentences"] = max(e["sentences"], r[9] or 0)
        if r[8]:   # the shortest sentence
            e["chars"] = min(e["chars"], r[8]) if e["chars"] else r[8]
        e["words"] = max(e["words"], len((r[10] or "").split()))
        e["crowd"] = max(e["crowd"], r[11] or 0)
        e["negated"] += bool(r[12])
        e["caption"] += bool(r[13])
        gap = learned.days_apart(r[4], r[5])
        if gap is not None and (e["gap"] is None or abs(gap) < abs(e["gap"])):
            e["gap"] = gap
    return found


def events(store: Store, ids: list[int]) -> list[dict]:
    """The rows the scores are computed from, participants parsed."""
    rows = store.db.execute(EVENT_SQL.format(",".join("?" * len(ids))), ids).fetchall()
    keys = ("event_id", "type", "mode", "cameo", "date_precision", "location", "planned", "actors", "recipients")
    out = []
    for r in rows:
        e = dict(zip(keys, r))
        e["actors"], e["recipients"] = json.loads(e["actors"]), json.loads(e["recipients"])
        out.append(e)
    return out


def with_evidence(store: Store, ids: list[int]) -> list[tuple[dict, dict]]:
    """(event row, its evidence) for these events (at most a few hundred: one IN list)."""
    found = evidence(store, ids)
    return [(e, found.get(e["event_id"]) or no_evidence()) for e in events(store, ids)]


def hand_set(e: dict, ev: dict) -> float:
    """The hand-set confidence (biennien/confidence.py) of an event row from its evidence."""
    return confidence(best(TRIGGER, ev["triggers"]), parties_kind(e["actors"], e["recipients"]),
                      best(DATE, ev["dates"]), len(ev["docs"]))


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def refresh(store: Store, event_ids: list[int], added: str | None = None) -> None:
    """Recompute the scores of these events from their rows and mentions; `date_added` is set once."""
    added = added or now()
    ids = sorted(set(event_ids))
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        updates = [(cameo.goldstein(e["cameo"]), cameo.quad_class(e["cameo"]), learned.confidence(e, ev, hand_set(e, ev)),
                    added, e["event_id"]) for e, ev in with_evidence(store, chunk)]
        store.db.executemany("UPDATE events SET goldstein = ?, quad_class = ?, confidence = ?,"
                             " date_added = COALESCE(date_added, ?) WHERE event_id = ?", updates)


def refresh_all(store: Store) -> None:
    """Every stored event (a store migrated to version 4: `date_added` is the migration's time)."""
    ids = [r[0] for r in store.db.execute("SELECT event_id FROM events")]
    refresh(store, ids)
