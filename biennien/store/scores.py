"""Per-event scores kept in the events table: Goldstein value and quad class (biennien/cameo.py),
confidence (biennien/confidence.py) and the time the event was first stored (`date_added`)."""
from __future__ import annotations

import json
from datetime import datetime, timezone

from .. import cameo
from ..confidence import DATE, TRIGGER, best, confidence, date_source, parties_kind, trigger_kind
from .db import Store

# a mention's date is its sentence's own if a time expression there is that date (at either's precision)
MENTIONS_SQL = (
    "SELECT m.event_id, m.mode, m.reported, m.doc_id, m.date, d.published,"
    " EXISTS (SELECT 1 FROM time_exprs t WHERE t.doc_id = m.doc_id AND t.sentence = m.sentence"
    "   AND t.value IS NOT NULL AND m.date IS NOT NULL"
    "   AND substr(t.value, 1, min(length(t.value), length(m.date))) = substr(m.date, 1, min(length(t.value), length(m.date))))"
    " FROM event_mentions m JOIN documents d ON d.doc_id = m.doc_id WHERE m.event_id IN ({})")


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def refresh(store: Store, event_ids: list[int], added: str | None = None) -> None:
    """Recompute the scores of these events from their rows and mentions; `date_added` is set once."""
    added = added or now()
    ids = sorted(set(event_ids))
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        evidence: dict[int, dict] = {}
        for r in store.db.execute(MENTIONS_SQL.format(marks), chunk):
            e = evidence.setdefault(r[0], {"triggers": set(), "dates": set(), "docs": set()})
            e["triggers"].add(trigger_kind(r[1], bool(r[2])))
            e["dates"].add(date_source(r[4], r[5], bool(r[6])))
            e["docs"].add(r[3])
        rows = store.db.execute(f"SELECT event_id, cameo, actors, recipients FROM events WHERE event_id IN ({marks})",
                                chunk).fetchall()
        updates = []
        for event_id, code, actors, recipients in rows:
            e = evidence.get(event_id, {"triggers": set(), "dates": set(), "docs": set()})
            score = confidence(best(TRIGGER, e["triggers"]), parties_kind(json.loads(actors), json.loads(recipients)),
                               best(DATE, e["dates"]), len(e["docs"]))
            updates.append((cameo.goldstein(code), cameo.quad_class(code), score, added, event_id))
        store.db.executemany("UPDATE events SET goldstein = ?, quad_class = ?, confidence = ?,"
                             " date_added = COALESCE(date_added, ?) WHERE event_id = ?", updates)


def refresh_all(store: Store) -> None:
    """Every stored event (a store migrated to version 4: `date_added` is the migration's time)."""
    ids = [r[0] for r in store.db.execute("SELECT event_id FROM events")]
    refresh(store, ids)
