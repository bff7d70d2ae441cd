"""Exports derived from the store: the evaluation contract (../shared/eval/README.md), PLOVER, CSV."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path

from .store import read
from .store.db import Store

CONTRACT = ("documents", "actors", "mentions", "roles", "events")


def _write_jsonl(path: Path, rows: Iterable[dict]) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def _participant(p: dict, names: dict[int, str]) -> dict:
    """A participant under its actor's canonical name (the mention's spelling if it has no actor)."""
    return {"actor_id": p.get("actor_id"), "name": names.get(p.get("actor_id"), p.get("name")), "kind": p.get("kind"),
            "country": p.get("country")}


def contract_rows(store: Store, name: str, participants: str = "named",
                  min_confidence: float | None = None) -> Iterable[dict]:
    if name == "documents":
        yield from read.iter_documents(store)
    elif name == "actors":
        for a in read.iter_actors(store):
            yield {k: a[k] for k in ("actor_id", "name", "aliases", "kind", "country")}
    elif name == "mentions":
        yield from read.iter_mentions(store)
    elif name == "roles":
        for r in read.iter_roles(store):
            yield {"actor_id": r["actor_id"], "name": r["name"], "rank": r["rank"], "title": r["title"],
                   "organization": r["organization"], "country": r["country"], "observed": r["observed"],
                   "start": r["start"], "end": r["end"],
                   "evidence": [{"doc_id": e["doc_id"], "sentence": e["sentence"]} for e in r["evidence"]]}
    elif name == "events":
        for e in _canonical_events(store, participants=participants, min_confidence=min_confidence):
            yield {"event_id": e["event_id"], "date": e["date"], "date_precision": e["date_precision"],
                   "date_partial": e["date_partial"], "type": e["type"], "mode": e["mode"], "context": e["context"],
                   "cameo": e["cameo"],
                   "actors": e["actors"], "recipients": e["recipients"], "location": e["location"],
                   "planned": e["planned"], "goldstein": e["goldstein"], "quad_class": e["quad_class"],
                   "confidence": e["confidence"], "latitude": e["latitude"], "longitude": e["longitude"],
                   "mentions": [{"doc_id": m["doc_id"], "sentence": m["sentence"], "trigger": m["trigger"]}
                                for m in e["mentions"]]}


def export_contract(store: Store, out: Path, participants: str = "named") -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    return {name: _write_jsonl(out / f"{name}.jsonl", contract_rows(store, name, participants)) for name in CONTRACT}


def _canonical_events(store: Store, since: str | None = None, participants: str = "named",
                      min_confidence: float | None = None) -> Iterable[dict]:
    """Stored events (added at or after `since`) with every participant under its actor's canonical
    name. By default only events with a named participant (`participants="any"`: all; see
    store.read.PARTICIPANTS) at the default confidence (`min_confidence`: see store.read.least_confidence)."""
    names = {a["actor_id"]: a["name"] for a in read.iter_actors(store)}
    for e in read.iter_events(store, added_since=since, participants=participants, min_confidence=min_confidence):
        e["actors"] = [_participant(p, names) for p in e["actors"]]
        e["recipients"] = [_participant(p, names) for p in e["recipients"]]
        yield e


def plover_rows(store: Store, since: str | None = None, participants: str = "named") -> Iterable[dict]:
    """PLOVER event records (the POLECAT field layout: event_type, mode, context, actor/recipient, …)."""
    for e in _canonical_events(store, since, participants):
        first = e["mentions"][0] if e["mentions"] else {}
        yield {"id": f"biennien-{e['event_id']}", "event_type": e["type"], "mode": e["mode"],
               "context": e["context"], "cameo": e["cameo"], "event_date": e["date"],
               "date_precision": e["date_precision"], "date_partial": e["date_partial"],
               "actor": [p["name"] for p in e["actors"]], "actor_country": sorted({p["country"] for p in e["actors"] if p.get("country")}),
               "recipient": [p["name"] for p in e["recipients"]],
               "recipient_country": sorted({p["country"] for p in e["recipients"] if p.get("country")}),
               "location": e["location"], "planned": e["planned"], "goldstein": e["goldstein"],
               "quad_class": e["quad_class"], "confidence": e["confidence"],
               "geolocation": {"lat": e["latitude"], "lon": e["longitude"], "precision": e["location_precision"]}
               if e["latitude"] is not None else None,
               "event_text": first.get("sentence"), "trigger": first.get("trigger"),
               "source": [{"doc_id": m["doc_id"], "source": m["source"], "sentence": m["sentence"]} for m in e["mentions"]],
               "language": "vi"}


CSV_FIELDS = ["event_id", "date", "date_precision", "date_partial", "type", "mode", "context", "cameo", "actors",
              "actor_countries", "recipients", "recipient_countries", "location", "latitude", "longitude", "planned_start", "planned_end",
              "goldstein", "quad_class", "confidence", "mentions", "first_source", "first_sentence"]


def csv_rows(store: Store, since: str | None = None, participants: str = "named") -> Iterable[dict]:
    for e in _canonical_events(store, since, participants):
        first = e["mentions"][0] if e["mentions"] else {}
        yield {"event_id": e["event_id"], "date": e["date"], "date_precision": e["date_precision"],
               "date_partial": e["date_partial"], "type": e["type"], "mode": e["mode"],
               "context": ";".join(e["context"]), "cameo": e["cameo"],
               "actors": "; ".join(p["name"] for p in e["actors"]),
               "actor_countries": ";".join(sorted({p["country"] for p in e["actors"] if p.get("country")})),
               "recipients": "; ".join(p["name"] for p in e["recipients"]),
               "recipient_countries": ";".join(sorted({p["country"] for p in e["recipients"] if p.get("country")})),
               "location": e["location"], "latitude": e["latitude"], "longitude": e["longitude"],
               "goldstein": e["goldstein"], "quad_class": e["quad_class"], "confidence": e["confidence"],
               "planned_start": (e["planned"] or {}).get("start"),
               "planned_end": (e["planned"] or {}).get("end"), "mentions": len(e["mentions"]),
               "first_source": first.get("source"), "first_sentence": first.get("sentence")}


def export_contract_whole(store: Store, out: Path, since: str | None = None,
                          participants: str = "named") -> dict[str, int]:
    if since:
        raise ValueError("--since works with --format parquet, plover or csv (the contract is the whole store)")
    return export_contract(store, out, participants)


def export_plover(store: Store, out: Path, since: str | None = None, participants: str = "named") -> dict[str, int]:
    return {"events.plover.jsonl": _write_jsonl(out / "events.plover.jsonl", plover_rows(store, since, participants))}


def export_csv(store: Store, out: Path, since: str | None = None, participants: str = "named") -> dict[str, int]:
    n = 0
    with (out / "events.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, CSV_FIELDS)
        writer.writeheader()
        for row in csv_rows(store, since, participants):
            writer.writerow(row)
            n += 1
    return {"events.csv": n}


def export_parquet(store: Store, out: Path, since: str | None = None, participants: str = "named") -> dict[str, int]:
    from .export_parquet import export_parquet as write   # pyarrow: the optional [dask] extra
    return write(store, out, since, participants)


# name -> (writer(store, out, since, participants), what it is): `biennien export --format` offers these, in this order
FORMATS = {"contract": (export_contract_whole, "the eval JSONL files"), "plover": (export_plover, "PLOVER JSON records"),
           "csv": (export_csv, "a CSV of events"),
           "parquet": (export_parquet, "tables: events x actor x recipient, actors, roles, mentions; docs/codebook.md")}


def export(store: Store, out: Path, fmt: str = "contract", since: str | None = None,
           participants: str = "named") -> dict[str, int]:
    """Events with no identifiable participant are left out unless `participants` is "any"."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: {', '.join(FORMATS)}")
    if fmt != "parquet":    # the Parquet writer makes its folder itself
        out.mkdir(parents=True, exist_ok=True)
    return FORMATS[fmt][0](store, out, since, participants)
