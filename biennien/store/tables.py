"""Whole-table reads for the flat exports (Parquet): plain rows, one pass, no nesting."""
from __future__ import annotations

from collections.abc import Iterator

from .db import Store


def documents(store: Store) -> dict[str, dict]:
    """Every document's url, source, outlet, publication date and when it was added, by doc_id."""
    return {r["doc_id"]: r for r in store.iter_rows(
        "SELECT doc_id, source, url, outlet, published, ingested_at FROM documents")}


def roles(store: Store) -> Iterator[dict]:
    yield from store.iter_rows(
        'SELECT r.role_id, r.actor_id, a.name, r.rank, r.title, r.organization, r.country, r.start, r."end",'
        " r.first_observed, r.last_observed, r.certainty, (SELECT count(*) FROM role_evidence e"
        " WHERE e.role_id = r.role_id) evidence_count FROM roles r JOIN actors a USING (actor_id) ORDER BY r.role_id")


def actor_mention_counts(store: Store) -> dict[int, int]:
    return {r[0]: r[1] for r in store.db.execute("SELECT actor_id, sum(count) FROM aliases GROUP BY actor_id")}


def event_mentions(store: Store, since: str | None = None) -> Iterator[dict]:
    """Every report of an event (GDELT's mentions): the article, its sentence, the trigger."""
    where, params = ("AND d.ingested_at >= ?", [since]) if since else ("", [])
    yield from store.iter_rows(
        "SELECT m.id mention_id, m.event_id, m.doc_id, m.sentence sentence_index, s.text sentence, m.trigger,"
        " m.type, m.mode, m.cameo, m.date, m.date_precision, m.date_partial, m.place, m.negated, m.reported"
        " FROM event_mentions m JOIN documents d ON d.doc_id = m.doc_id"
        " LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence"
        f" WHERE m.event_id IS NOT NULL {where} ORDER BY m.event_id, m.doc_id, m.sentence", params)


def actor_mentions(store: Store, since: str | None = None) -> Iterator[dict]:
    """Every mention of a name (person, organisation, country, place) outside captions."""
    where, params = ("AND d.ingested_at >= ?", [since]) if since else ("", [])
    yield from store.iter_rows(
        'SELECT m.id mention_id, m.doc_id, m.sentence sentence_index, m.start, m."end", m.surface, m.kind, m.name,'
        " m.actor_id, m.country FROM mentions m JOIN documents d ON d.doc_id = m.doc_id"
        f" WHERE m.in_caption = 0 {where} ORDER BY m.doc_id, m.start", params)
