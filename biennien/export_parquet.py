"""A flat Parquet export for event-data users (pandas, polars, DuckDB, R): `events.parquet` with
one row per event × actor × recipient (GDELT's layout), and `actors`, `roles`, `mentions` (every
report of an event) and `actor_mentions` (every name found) tables. Columns: docs/codebook.md.

Written in row groups as the store is read, so memory stays flat on a large store.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from . import geo, sectors
from .store import read, tables
from .store.db import Store

S, I, F, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
LIST = pa.list_(pa.string())
GEO = [("latitude", F), ("longitude", F), ("location_precision", S), ("geonameid", I)]

EVENTS = pa.schema([
    ("event_id", I), ("date", S), ("date_precision", S), ("date_partial", S), ("type", S), ("mode", S), ("context", S),
    ("cameo", S), ("quad_class", pa.int8()), ("goldstein", F), ("confidence", F),
    ("actor_id", I), ("actor_name", S), ("actor_kind", S), ("actor_country", S), ("actor_sector", S),
    ("recipient_id", I), ("recipient_name", S), ("recipient_kind", S), ("recipient_country", S),
    ("recipient_sector", S), ("location", S), *GEO, ("planned_start", S), ("planned_end", S),
    ("num_mentions", I), ("num_articles", I), ("source_url", S), ("outlet", S), ("date_added", S)])
ACTORS = pa.schema([("actor_id", I), ("name", S), ("kind", S), ("country", S), ("sectors", LIST),
                    ("aliases", LIST), ("num_mentions", I), *GEO])
ROLES = pa.schema([("role_id", I), ("actor_id", I), ("name", S), ("rank", S), ("title", S), ("organization", S),
                   ("country", S), ("sectors", LIST), ("start", S), ("end", S), ("first_observed", S),
                   ("last_observed", S), ("certainty", S), ("evidence_count", I)])
MENTIONS = pa.schema([("mention_id", I), ("event_id", I), ("doc_id", S), ("sentence_index", I), ("sentence", S),
                      ("trigger", S), ("type", S), ("mode", S), ("cameo", S), ("date", S), ("date_precision", S),
                      ("date_partial", S), ("place", S), ("negated", B), ("reported", B), ("published", S),
                      ("source_url", S), ("outlet", S), ("date_added", S)])
ACTOR_MENTIONS = pa.schema([("mention_id", I), ("doc_id", S), ("sentence_index", I), ("start", I), ("end", I),
                            ("surface", S), ("kind", S), ("name", S), ("actor_id", I), ("country", S), *GEO,
                            ("published", S), ("date_added", S)])
BATCH = 20_000


def _write(path: Path, schema: pa.Schema, rows: Iterable[dict]) -> int:
    """Rows (dicts with the schema's keys) into one Parquet file, a row group per BATCH rows."""
    n = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        chunk: list[dict] = []
        for row in rows:
            chunk.append(row)
            if len(chunk) >= BATCH:
                writer.write_table(pa.Table.from_pylist(chunk, schema))
                n, chunk = n + len(chunk), []
        if chunk or not n:
            writer.write_table(pa.Table.from_pylist(chunk, schema))
            n += len(chunk)
    return n


def _url(doc: dict | None) -> str | None:
    return (doc.get("url") or doc.get("source")) if doc else None


class _Actors:
    """Every actor's kind and sectors (a person's from their roles), read once."""

    def __init__(self, store: Store):
        roles: dict[int, list[dict]] = {}
        for r in tables.roles(store):
            roles.setdefault(r["actor_id"], []).append(r)
        self.roles = roles
        self.rows = {a["actor_id"]: a for a in read.iter_actors(store)}
        self.sectors = {i: sectors.of_actor(a["kind"], a["name"], roles.get(i, ())) for i, a in self.rows.items()}

    def side(self, prefix: str, p: dict | None) -> dict:
        if p is None:
            return {f"{prefix}_{k}": None for k in ("id", "name", "kind", "country", "sector")}
        a = self.rows.get(p.get("actor_id"), {})
        return {f"{prefix}_id": p.get("actor_id"), f"{prefix}_name": a.get("name", p.get("name")),
                f"{prefix}_kind": a.get("kind", p.get("kind")), f"{prefix}_country": a.get("country", p.get("country")),
                f"{prefix}_sector": ";".join(self.sectors.get(p.get("actor_id"), [])) or None}


def event_rows(store: Store, actors: _Actors, docs: dict, since: str | None = None,
               participants: str = "named") -> Iterator[dict]:
    for e in read.iter_events(store, added_since=since, participants=participants):
        first = docs.get(e["mentions"][0]["doc_id"]) if e["mentions"] else None
        base = {"event_id": e["event_id"], "date": e["date"], "date_precision": e["date_precision"],
                "date_partial": e["date_partial"], "type": e["type"],
                "mode": e["mode"], "context": ";".join(e["context"]) or None, "cameo": e["cameo"],
                "quad_class": e["quad_class"], "goldstein": e["goldstein"], "confidence": e["confidence"],
                "location": e["location"], **{k: e[k] for k, _ in GEO},
                "planned_start": (e["planned"] or {}).get("start"), "planned_end": (e["planned"] or {}).get("end"),
                "num_mentions": e["mention_count"], "num_articles": e["article_count"], "source_url": _url(first),
                "outlet": first.get("outlet") if first else None, "date_added": e["date_added"]}
        for a in e["actors"] or [None]:
            for r in e["recipients"] or [None]:
                yield {**base, **actors.side("actor", a), **actors.side("recipient", r)}


def actor_rows(actors: _Actors, counts: dict[int, int]) -> Iterator[dict]:
    for i, a in actors.rows.items():
        point = geo.fields(a["name"]) if a["kind"] in ("location", "country") else geo.fields(None)
        yield {"actor_id": i, "name": a["name"], "kind": a["kind"], "country": a["country"],
               "sectors": actors.sectors[i], "aliases": a["aliases"], "num_mentions": counts.get(i, 0), **point}


def role_rows(actors: _Actors) -> Iterator[dict]:
    for rows in actors.roles.values():
        for r in rows:
            yield {**r, "sectors": sectors.of_role(r["rank"], r["title"], r["organization"])}


def mention_rows(store: Store, docs: dict, since: str | None) -> Iterator[dict]:
    for m in tables.event_mentions(store, since):
        d = docs.get(m["doc_id"], {})
        yield {**m, "negated": bool(m["negated"]), "reported": bool(m["reported"]), "published": d.get("published"),
               "source_url": _url(d), "outlet": d.get("outlet"), "date_added": d.get("ingested_at")}


def actor_mention_rows(store: Store, docs: dict, since: str | None) -> Iterator[dict]:
    for m in tables.actor_mentions(store, since):
        d = docs.get(m["doc_id"], {})
        point = geo.fields(m["name"]) if m["kind"] in ("location", "country") else geo.fields(None)
        yield {**m, **point, "published": d.get("published"), "date_added": d.get("ingested_at")}


def export_parquet(store: Store, out: Path, since: str | None = None, participants: str = "named") -> dict[str, int]:
    """Write the five tables into `out`; with `since` (an ISO date or time), only events, reports
    and mentions added at or after it (actors and roles are written whole: they change as they grow)."""
    out.mkdir(parents=True, exist_ok=True)
    docs = tables.documents(store)
    actors = _Actors(store)
    return {"events.parquet": _write(out / "events.parquet", EVENTS, event_rows(store, actors, docs, since, participants)),
            "actors.parquet": _write(out / "actors.parquet", ACTORS,
                                     actor_rows(actors, tables.actor_mention_counts(store))),
            "roles.parquet": _write(out / "roles.parquet", ROLES, role_rows(actors)),
            "mentions.parquet": _write(out / "mentions.parquet", MENTIONS, mention_rows(store, docs, since)),
            "actor_mentions.parquet": _write(out / "actor_mentions.parquet", ACTOR_MENTIONS,
                                             actor_mention_rows(store, docs, since))}
