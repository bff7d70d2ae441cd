"""The SQLite store: one writer, many readers (WAL), foreign keys on, schema migrated on open."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path

from .. import settings
from ..records import Analysis
from ..text import fold, name_key
from .access import DiskFull, Missing, StoreError, cause, connect_read
from .rows import TABLES, Rows
from .rows import of as rows_of
from .schema import MIGRATIONS, REKEY_PERSONS, VERSION

CACHE_KIB = settings.get("caches", "store_page_cache_kib")  # the writer's page cache
READ_CACHE_KIB = settings.get("caches", "reader_page_cache_kib")
READ_MMAP_MIB = settings.get("caches", "reader_mmap_mib")  # pages read in place: no copy, no system call


class Store:
    """A knowledge base file. `readonly=True` opens it for queries only (the web server and every
    read command), also where it cannot be written (see `_connect_read`)."""

    def __init__(self, path: str | Path, readonly: bool = False):
        self.path = str(path)
        self.readonly = readonly
        self.db: sqlite3.Connection | None = None
        try:
            if readonly:
                self.db = connect_read(self.path)
            else:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.create_function("fold", 1, fold, deterministic=True)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA busy_timeout = 30000")
            if not readonly:
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
                self.db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")  # 64 MB: the writer's indexes stay in memory
                self.migrate()
            else:
                self.db.execute(f"PRAGMA cache_size = -{READ_CACHE_KIB}")
                self.db.execute(f"PRAGMA mmap_size = {READ_MMAP_MIB * 2**20}")
            if readonly and self.version() != VERSION:
                raise StoreError(f"{self.path}: schema version {self.version()}, this biennien needs {VERSION}: "
                                 "open it once with a writing command (ingest) to migrate")
        except (sqlite3.Error, StoreError) as exc:
            if self.db is not None:
                self.db.close()  # a refused store is not held open (nor its media busy)
            if isinstance(exc, StoreError):
                raise
            raise cause(self.path, exc, writing=not readonly) from None

    # --- schema -----------------------------------------------------------------------------

    def version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        current = self.version()
        if current > VERSION:
            raise StoreError(f"{self.path}: schema version {current} is newer than this biennien ({VERSION})")
        for number in range(current, VERSION):
            self.db.executescript(f"BEGIN IMMEDIATE;\n{MIGRATIONS[number]}\nPRAGMA user_version = {number + 1};\nCOMMIT;")
        if 0 < current < 4 <= VERSION:  # events stored before migration 4 get their scores now
            from .scores import refresh_all
            with self.transaction():
                refresh_all(self)
        if 0 < current < REKEY_PERSONS <= VERSION:  # persons stored before it get the keys of text.name_key
            with self.transaction():
                _rekey_persons(self)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def transaction(self):
        return _Transaction(self)

    # --- writing per-article results ---------------------------------------------------------

    def known(self, doc_ids: Iterable[str]) -> set[str]:
        ids = list(doc_ids)
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.db.execute(f"SELECT doc_id FROM documents WHERE doc_id IN ({marks})", chunk))
        return found

    def add(self, analyses: list[Analysis | Rows]) -> list[str]:
        """Store what is new, in one transaction; returns the doc_ids that were new (`insert`), the
        new sentences indexed for full-text search (`index_sentences`)."""
        with self.transaction():
            last = self.last_sentence()
            new, _ = self.insert(analyses)
            self.index_sentences(last)
        return new

    def insert(self, analyses: list[Analysis | Rows], limit: int | None = None,
               held: list[tuple] | None = None) -> tuple[list[str], int]:
        """Insert the rows of what is new, in the caller's transaction: at most `limit` new documents
        (the rest of a resolution round), taken in order. Returns the new doc_ids and how many of
        `analyses` were taken (new or not). Rows are gathered per table and written with one
        executemany each (an `Analysis` is made into its `Rows` here; workers send them made).
        `held`: the mention rows are appended there, not inserted (resolution inserts them with
        their actors: store.resolution.add_mentions)."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        new: list[str] = []
        documents, sources, children = [], [], tuple([] for _ in TABLES)
        seen = self.known(a.doc_id if isinstance(a, Rows) else a.article.doc_id for a in analyses)
        taken = 0
        for a in analyses:
            r = a if isinstance(a, Rows) else rows_of(a)
            if r.doc_id not in seen and limit is not None and len(new) == limit:
                break
            taken += 1
            sources.append((r.doc_id, r.source))   # every path, a duplicate's too (stored or in this batch)
            if r.doc_id in seen:
                continue
            seen.add(r.doc_id)
            new.append(r.doc_id)
            documents.append((*r.document, now))
            for table, rows in zip(children, r.tables):
                table += rows
        if held is not None:
            held += children[MENTIONS]
            children[MENTIONS].clear()
        for sql, rows in zip(INSERTS.values(), (documents, sources, *children)):
            if rows:
                self.db.executemany(sql, rows)
        return new, taken

    def last_sentence(self) -> int:
        return self.scalar("SELECT coalesce(max(id), 0) FROM sentences")

    def index_sentences(self, after: int) -> None:
        """The sentences stored after id `after` indexed for search in one statement (a per-row
        trigger made FTS5 flush every row)."""
        self.db.execute("INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE id > ?", (after,))

    def stored(self) -> int:
        """How many documents were ever stored: the last rowid (documents are never deleted)."""
        return self.scalar("SELECT coalesce(max(rowid), 0) FROM documents")

    # --- generic reading ----------------------------------------------------------------------

    def rows(self, sql: str, params: Iterable = ()) -> list[dict]:
        return [dict(r) for r in self.db.execute(sql, tuple(params))]

    def iter_rows(self, sql: str, params: Iterable = ()) -> Iterator[dict]:
        for r in self.db.execute(sql, tuple(params)):
            yield dict(r)

    def scalar(self, sql: str, params: Iterable = ()):
        row = self.db.execute(sql, tuple(params)).fetchone()
        return row[0] if row else None


MENTIONS = TABLES.index("mentions")
# Insert statements in foreign-key order: documents, document_sources, then rows.TABLES.
INSERTS = {
    "documents": "INSERT INTO documents (doc_id, source, title, text, published, published_precision, outlet, url,"
                 " period_lo, period_hi, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
    "document_sources": "INSERT OR IGNORE INTO document_sources (doc_id, source) VALUES (?,?)",
    "zones": 'INSERT INTO zones (doc_id, start, "end", kind) VALUES (?,?,?,?)',
    "sentences": 'INSERT INTO sentences (doc_id, idx, start, "end", text, is_caption) VALUES (?,?,?,?,?,?)',
    "mentions": 'INSERT INTO mentions (doc_id, sentence, start, "end", surface, kind, name, rank, titles,'
                " organization, country, in_caption) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
    "time_exprs": 'INSERT INTO time_exprs (doc_id, sentence, start, "end", surface, value, precision, kind,'
                  " value_end, tense) VALUES (?,?,?,?,?,?,?,?,?,?)",
    "event_mentions": "INSERT INTO event_mentions (doc_id, sentence, trigger, trigger_start, trigger_end, type, mode,"
                      " context, cameo, actors, recipients, place, date, date_precision, planned, negated, reported,"
                      " date_partial) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "role_observations": "INSERT INTO role_observations (doc_id, sentence, person, rank, title, organization, country,"
                         " date, date_precision, change, change_date) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
}


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error. A full disk (at a write or at the
    commit) leaves nothing of the transaction and is raised as `DiskFull`, one line."""

    def __init__(self, store: Store):
        self.store, self.db = store, store.db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            try:
                self.db.execute("COMMIT")
                return False
            except sqlite3.Error as error:
                exc = error
        if self.db.in_transaction:  # SQLite may have rolled back already
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # and if it cannot, closing the connection does
        if isinstance(exc, sqlite3.Error):
            error = cause(self.store.path, exc, writing=True)
            if isinstance(error, DiskFull):
                raise error from exc
            if exc_type is None:
                raise exc
        return False


def _rekey_persons(store: Store) -> None:
    """Person actors and their aliases keyed again by `text.name_key` (a store made before foreign
    names were keyed without their diacritics); actors keyed alike stay apart until merged."""
    store.db.executemany("UPDATE actors SET key = ? WHERE actor_id = ?",
                         [(name_key(r["name"]), r["actor_id"]) for r in
                          store.rows("SELECT actor_id, name FROM actors WHERE kind = 'person'")])
    store.db.executemany("UPDATE aliases SET key = ? WHERE actor_id = ? AND alias = ?",
                         [(name_key(r["alias"]), r["actor_id"], r["alias"]) for r in store.rows(
                             "SELECT s.actor_id, s.alias FROM aliases s JOIN actors a USING (actor_id)"
                             " WHERE a.kind = 'person'")])
    # the trigram index of alias keys (migration 5) is kept only on insert: its person rows again
    store.db.execute("DELETE FROM aliases_tri WHERE actor_id IN (SELECT actor_id FROM actors WHERE kind = 'person')")
    store.db.execute("INSERT INTO aliases_tri (key, actor_id) SELECT s.key, s.actor_id FROM aliases s"
                     " JOIN actors a USING (actor_id) WHERE a.kind = 'person'")
