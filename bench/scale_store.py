"""A big store for query benchmarks, made from a real one by copying it with perturbed ids and dates.

    python bench/scale_store.py --base /tmp/vietnews.db --events 1000000 --out /tmp/vietnews-1m.db

`--base` is a store `biennien ingest` made (e.g. of ../shared/corpus/vietnews/vietnews-test.jsonl.gz,
22,644 articles, ~36k events). The output holds `copies = events / base events` copies of it
(the last one partial: the documents whose id sorts below a cut, and the events first reported
in them), made in SQL (INSERT ... SELECT from the attached base, secondary indexes dropped and
made again at the end), so that it does not depend on ingest speed. Copy k (0, 1, ...):

- ids: integer keys are offset by k times the base's largest (sentences, mentions, time
  expressions, events, event mentions, role observations); a document id keeps its first 12 hex
  digits, its last 4 xor k (copy 0 keeps the base's ids); sources end in `#k`.
- dates: the year is moved k years back (29 February becomes the 28th). An undated document
  (most of vietnews-test) gets a publication date in year 2023 - k, its day drawn from its id, and
  an undated event the date of the document it was first reported in: a real archive dates its
  articles, and a year of news a copy spreads the dates the way a long archive does.
- people: a person's identity lasts `--generation` copies (4: a term of office). Copies
  g*4 .. g*4+3 share generation g's persons: new actor ids (offset by g times the base's
  largest), new names (the last word of every spelling swapped for another given name of the
  base, the same for all spellings of an actor), and their roles (role ids offset, first and last
  observed recomputed from their evidence). Countries, places and organisations are shared by all
  copies, so the most mentioned actors (Việt Nam, Hà Nội, ...) get `copies` times their mentions
  and events, the worst case for `actor` and `events --actor`; a post gets a new holder every
  generation, as it does over decades (`who` and the post timeline).
- alias counts are the mentions copied (as resolution counts them); mention surfaces, event
  participant names and article texts are copied as they are.
- full-text search indexes only copy 0 (`--fts` indexes every copy; search is not benchmarked).

Stores of 10k, 100k and 1M events, as reported in issue 17:

    for n in 10000 100000 1000000; do python bench/scale_store.py --events $n --out /tmp/qs/s$n.db; done
"""
from __future__ import annotations

import argparse
import math
import sqlite3
import time
from datetime import date, timedelta
from pathlib import Path

from biennien.resolve.actors import key as name_key
from biennien.store import Store
from biennien.store.schema import ROLE_SEEN

LAST_YEAR = 2023


def shift(value: str | None, k: int) -> str | None:
    """An ISO date (YYYY, YYYY-MM, YYYY-MM-DD...) k years earlier."""
    if not value or not value[:4].isdigit() or k == 0:
        return value
    rest = value[4:]
    if rest.startswith("-02-29"):
        rest = "-02-28" + rest[6:]
    return f"{int(value[:4]) - k:04d}{rest}"


def synthetic(doc_id: str, k: int) -> str:
    """A day of year LAST_YEAR - k, drawn from a document id."""
    return (date(LAST_YEAR - k, 1, 1) + timedelta(days=int(doc_id[:8], 16) % 365)).isoformat()


def doc_copy(doc_id: str, k: int) -> str:
    return doc_id if k == 0 else f"{doc_id[:12]}{int(doc_id[12:], 16) ^ k:04x}"


class Renamer:
    """Generation g's spelling of a person's name: its last word swapped for another given name."""

    def __init__(self, base: sqlite3.Connection):
        words = sorted({n.split()[-1] for (n,) in base.execute("SELECT name FROM b.actors WHERE kind = 'person'")
                        if n.split()})
        self.pool, self.index = words, {w: i for i, w in enumerate(words)}

    def name(self, name: str, g: int) -> str:
        words = name.split()
        if g == 0 or not words:
            return name
        i = self.index.get(words[-1], sum(map(ord, words[-1])))
        words[-1] = self.pool[(i + 7919 * g) % len(self.pool)]
        return " ".join(words)

    def key(self, name: str, g: int) -> str:
        return name_key(self.name(name, g), "person")


INT_KEYS = {"sentences": "id", "mentions": "id", "time_exprs": "id", "events": "event_id",
            "event_mentions": "id", "role_observations": "id", "actors": "actor_id", "roles": "role_id"}

# copies c(k, g, whole): x is the base table's row; DOC selects what copy k holds of a document
DOC = "(c.whole OR {col} < :cut)"
PERSON = "(SELECT 1 FROM temp.persons p WHERE p.actor_id = {col})"


def _actor(col: str) -> str:
    return f"CASE WHEN {col} IS NOT NULL AND EXISTS {PERSON.format(col=col)} THEN {col} + c.g * :MA ELSE {col} END"


def _role(col: str, actor: str) -> str:
    return f"CASE WHEN EXISTS {PERSON.format(col=actor)} THEN {col} + c.g * :MR ELSE {col} END"


INSERTS = {
    "documents": ("INSERT INTO documents SELECT doc_copy(x.doc_id, c.k), x.source || iif(c.k, '#' || c.k, ''), x.title,"
                  " x.text, coalesce(shift(x.published, c.k), synthetic(x.doc_id, c.k)),"
                  " iif(x.published IS NULL, 'day', x.published_precision), x.outlet, x.url, x.ingested_at, x.resolved"
                  " FROM temp.copies c, b.documents x WHERE " + DOC.format(col="x.doc_id")),
    "document_sources": ("INSERT INTO document_sources SELECT doc_copy(x.doc_id, c.k), x.source || iif(c.k, '#' || c.k, '')"
                         " FROM temp.copies c, b.document_sources x WHERE " + DOC.format(col="x.doc_id")),
    "zones": ('INSERT INTO zones SELECT doc_copy(x.doc_id, c.k), x.start, x."end", x.kind'
              " FROM temp.copies c, b.zones x WHERE " + DOC.format(col="x.doc_id")),
    "sentences": ('INSERT INTO sentences SELECT x.id + c.k * :MS, doc_copy(x.doc_id, c.k), x.idx, x.start, x."end",'
                  " x.text, x.is_caption FROM temp.copies c, b.sentences x WHERE " + DOC.format(col="x.doc_id")),
    "mentions": ('INSERT INTO mentions SELECT x.id + c.k * :MM, doc_copy(x.doc_id, c.k), x.sentence, x.start, x."end",'
                 " x.surface, x.kind, x.name, x.rank, x.titles, x.organization, x.country, x.in_caption, "
                 + _actor("x.actor_id") + " FROM temp.copies c, b.mentions x WHERE " + DOC.format(col="x.doc_id")),
    "time_exprs": ('INSERT INTO time_exprs SELECT x.id + c.k * :MT, doc_copy(x.doc_id, c.k), x.sentence, x.start, x."end",'
                   " x.surface, shift(x.value, c.k), x.precision, x.kind, shift(x.value_end, c.k), x.tense"
                   " FROM temp.copies c, b.time_exprs x WHERE " + DOC.format(col="x.doc_id")),
    "events": ("INSERT INTO events SELECT x.event_id + c.k * :ME, x.type, x.mode, x.context, x.cameo,"
               " coalesce(shift(x.date, c.k), coalesce(shift(f.published, c.k), synthetic(f.doc_id, c.k))),"
               " iif(x.date IS NULL, 'day', x.date_precision), x.location, x.planned, x.actors, x.recipients,"
               " x.goldstein, x.quad_class, x.confidence, x.date_added"
               " FROM temp.copies c, b.events x JOIN temp.firsts f USING (event_id) WHERE " + DOC.format(col="f.doc_id")),
    "event_actors": ("INSERT OR IGNORE INTO event_actors SELECT x.event_id + c.k * :ME, " + _actor("x.actor_id") +
                     ", x.role FROM temp.copies c, b.event_actors x JOIN temp.firsts f USING (event_id) WHERE "
                     + DOC.format(col="f.doc_id")),
    "event_mentions": ("INSERT INTO event_mentions SELECT x.id + c.k * :MEM, doc_copy(x.doc_id, c.k), x.sentence,"
                       " x.trigger, x.trigger_start, x.trigger_end, x.type, x.mode, x.context, x.cameo, x.actors,"
                       " x.recipients, x.place, shift(x.date, c.k), x.date_precision, x.planned, x.negated, x.reported,"
                       " x.event_id + c.k * :ME FROM temp.copies c, b.event_mentions x WHERE " + DOC.format(col="x.doc_id")),
    "role_observations": ("INSERT INTO role_observations SELECT x.id + c.k * :MO, doc_copy(x.doc_id, c.k), x.sentence,"
                          " x.person, x.rank, x.title, x.organization, x.country, shift(x.date, c.k), x.date_precision,"
                          " x.change, shift(x.change_date, c.k), " + _actor("x.actor_id") +
                          " FROM temp.copies c, b.role_observations x WHERE " + DOC.format(col="x.doc_id")),
    "role_evidence": ("INSERT OR IGNORE INTO role_evidence SELECT " + _role("x.role_id", "r.actor_id") +
                      ", x.observation_id + c.k * :MO FROM temp.copies c, b.role_evidence x"
                      " JOIN b.role_observations o ON o.id = x.observation_id JOIN b.roles r ON r.role_id = x.role_id"
                      " WHERE " + DOC.format(col="o.doc_id")),
    # per generation (temp.gens(g, n): n copies in generation g; :copies in all)
    "actors": ("INSERT INTO actors SELECT x.actor_id + g.g * :MA, rename(x.name, g.g), x.kind, x.country,"
               " iif(g.g, rekey(x.name, g.g), x.key) FROM temp.gens g, b.actors x"
               " WHERE g.g = 0 OR x.kind = 'person'"),
    "aliases": ("INSERT OR IGNORE INTO aliases SELECT x.actor_id + g.g * :MA, rename(x.alias, g.g),"
                " iif(g.g, rekey(x.alias, g.g), x.key), 0"
                " FROM temp.gens g, b.aliases x JOIN b.actors a USING (actor_id) WHERE g.g = 0 OR a.kind = 'person'"),
    # an alias counts the mentions of the actor by that name (as resolution counts them)
    "alias counts": ("UPDATE aliases SET count = x.n FROM (SELECT actor_id, rename(name, actor_id / :MA) alias,"
                     " count(*) n FROM mentions WHERE actor_id IS NOT NULL GROUP BY actor_id, name) x"
                     " WHERE aliases.actor_id = x.actor_id AND aliases.alias = x.alias"),
    "roles": ("INSERT INTO roles SELECT x.role_id + g.g * :MR, x.actor_id + g.g * :MA, x.rank, x.title, x.title_key,"
              ' x.organization, x.country, shift(x.start, g.g * :G), shift(x."end", g.g * :G), x.first_observed,'
              " x.last_observed, x.certainty FROM temp.gens g, b.roles x JOIN b.actors a USING (actor_id)"
              " WHERE g.g = 0 OR a.kind = 'person'"),
}

# roles seen on the copies' dates
OBSERVED = ("UPDATE roles SET first_observed = s.first, last_observed = s.last FROM (SELECT e.role_id,"
            " min(coalesce(o.date, d.published)) first, max(coalesce(o.date, d.published)) last FROM role_evidence e"
            " JOIN role_observations o ON o.id = e.observation_id JOIN documents d ON d.doc_id = o.doc_id"
            " WHERE o.change IS NOT 'end' GROUP BY e.role_id) s WHERE s.role_id = roles.role_id")


def build(base: Path, out: Path, events: int, generation: int, fts: bool) -> dict:
    if out.exists():
        raise SystemExit(f"{out} exists: remove it first")
    with Store(out):  # the current schema, empty
        pass
    db = sqlite3.connect(out, isolation_level=None)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -400000")
    db.execute("ATTACH ? AS b", (str(base),))
    renamer = Renamer(db)
    db.create_function("shift", 2, shift, deterministic=True)
    db.create_function("synthetic", 2, synthetic, deterministic=True)
    db.create_function("doc_copy", 2, doc_copy, deterministic=True)
    db.create_function("rename", 2, renamer.name, deterministic=True)
    db.create_function("rekey", 2, renamer.key, deterministic=True)
    base_events = db.execute("SELECT count(*) FROM b.events").fetchone()[0]
    copies = events / base_events
    whole, frac = int(copies), copies - int(copies)
    n = whole + (frac > 0)
    cut = format(int(frac * 16**4), "04x") if frac else "0000"
    params = {k: (db.execute(f"SELECT coalesce(max({col}), 0) + 1 FROM b.{t}").fetchone()[0])
              for k, (t, col) in {"MS": ("sentences", "id"), "MM": ("mentions", "id"), "MT": ("time_exprs", "id"),
                                  "ME": ("events", "event_id"), "MEM": ("event_mentions", "id"),
                                  "MO": ("role_observations", "id"), "MA": ("actors", "actor_id"),
                                  "MR": ("roles", "role_id")}.items()}
    params.update(cut=cut, G=generation, copies=copies)
    gens = math.ceil(n / generation)
    db.executescript(f"""
        CREATE TEMP TABLE copies (k INTEGER PRIMARY KEY, g INTEGER, whole INTEGER);
        CREATE TEMP TABLE gens (g INTEGER PRIMARY KEY, n REAL);
        CREATE TEMP TABLE persons (actor_id INTEGER PRIMARY KEY);
        INSERT INTO temp.persons SELECT actor_id FROM b.actors WHERE kind = 'person';
        CREATE TEMP TABLE firsts (event_id INTEGER PRIMARY KEY, doc_id TEXT, published TEXT);
        INSERT INTO temp.firsts SELECT m.event_id, min(m.doc_id), NULL FROM b.event_mentions m
            WHERE m.event_id IS NOT NULL GROUP BY m.event_id;
        UPDATE temp.firsts SET published = (SELECT published FROM b.documents d WHERE d.doc_id = firsts.doc_id);
    """)
    db.executemany("INSERT INTO temp.copies VALUES (?, ?, ?)", [(k, k // generation, int(k < whole)) for k in range(n)])
    db.executemany("INSERT INTO temp.gens VALUES (?, ?)",
                   [(g, min(copies, (g + 1) * generation) - g * generation) for g in range(gens)])
    schema = db.execute("SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND sql IS NOT NULL").fetchall()
    db.execute("PRAGMA foreign_keys = OFF")
    triggers = db.execute("SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger'"
                          " AND tbl_name IN ('aliases', 'role_evidence')").fetchall()
    for name, _ in triggers:   # their rows are made in one statement each at the end
        db.execute(f"DROP TRIGGER {name}")
    for name, _ in schema:
        db.execute(f"DROP INDEX {name}")
    timings = {}
    db.execute("BEGIN")
    for table, sql in INSERTS.items():
        t0 = time.perf_counter()
        used = {k: v for k, v in params.items() if f":{k}" in sql}
        db.execute(sql, used)
        timings[table] = round(time.perf_counter() - t0, 1)
        print(f"  {table}: {db.total_changes:,} changes so far, {timings[table]} s", flush=True)
    t0 = time.perf_counter()
    for name, sql in schema:
        db.execute(sql)
    timings["indexes"] = round(time.perf_counter() - t0, 1)
    print(f"  indexes: {timings['indexes']} s", flush=True)
    db.execute(OBSERVED)
    db.execute("INSERT INTO aliases_fts (alias, actor_id) SELECT alias, actor_id FROM aliases")
    db.execute("INSERT INTO aliases_tri (key, actor_id) SELECT key, actor_id FROM aliases")
    db.execute("INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences"
               + ("" if fts else " WHERE id < :MS"), {"MS": params["MS"]})
    db.execute(f"INSERT INTO role_seen (role_id, observation_id, date, hi, change, doc_id) {ROLE_SEEN}")
    for _, sql in triggers:
        db.execute(sql)
    db.execute("COMMIT")
    counts = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "events", "mentions",
                                                                                 "actors", "roles", "role_observations")}
    db.close()
    return {"copies": round(copies, 3), "generations": gens, **counts, "seconds": timings}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", type=Path, default=Path("/tmp/vietnews.db"))
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--events", type=int, default=1_000_000, help="events wanted (about: copies of the base)")
    ap.add_argument("--generation", type=int, default=4, help="copies that share the same persons")
    ap.add_argument("--fts", action="store_true", help="index every copy's sentences for search")
    args = ap.parse_args()
    t0 = time.perf_counter()
    out = build(args.base, args.out, args.events, args.generation, args.fts)
    print(f"{args.out}: {out}, {time.perf_counter() - t0:.0f} s, {args.out.stat().st_size / 2**20:.0f} MB")


if __name__ == "__main__":
    main()
