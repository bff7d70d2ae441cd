"""Full-text search over the store: sentences (sentences_fts) and actors by any of their
spellings (aliases_fts), with how many there are in all."""
from __future__ import annotations

from .db import Store


def search_sentences(store: Store, fts_query: str, limit: int, offset: int = 0) -> list[dict]:
    return store.rows("SELECT s.doc_id, s.idx, s.text, d.title, d.published FROM sentences_fts f"
                      " JOIN sentences s ON s.id = f.rowid JOIN documents d ON d.doc_id = s.doc_id"
                      " WHERE sentences_fts MATCH ? ORDER BY rank, s.id LIMIT ? OFFSET ?", (fts_query, limit, offset))


def count_sentences(store: Store, fts_query: str) -> int:
    return store.scalar("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH ?", (fts_query,))


def _actors_matching(words: list[str]) -> tuple[str, str]:
    match = " ".join('"' + w.replace('"', '') + '"*' for w in words)
    return ("SELECT a.actor_id, a.name, a.kind, a.country, max(s.count) n FROM aliases_fts f"
            " JOIN aliases s ON s.actor_id = f.actor_id AND s.alias = f.alias"
            " JOIN actors a ON a.actor_id = f.actor_id WHERE aliases_fts MATCH ? GROUP BY a.actor_id"), match


def search_actors(store: Store, words: list[str], limit: int, offset: int = 0) -> list[dict]:
    """Actors one of whose spellings has words starting with each of `words`, ignoring case and
    diacritics (the aliases_fts index), most mentioned first."""
    if not words:
        return []
    sql, match = _actors_matching(words)
    return store.rows(f"{sql} ORDER BY n DESC, a.actor_id LIMIT ? OFFSET ?", (match, limit, offset))


def count_actors(store: Store, words: list[str]) -> int:
    """How many actors `search_actors` finds in all."""
    if not words:
        return 0
    sql, match = _actors_matching(words)
    return store.scalar(f"SELECT count(*) FROM ({sql})", (match,))
