"""Exports: the contract's fields exactly, PLOVER records, a CSV that spreadsheets open."""
from __future__ import annotations

import csv
import json

import pytest

from biennien.export import CSV_FIELDS, export
from biennien.store import Store

from .test_query import store  # noqa: F401 - the hand-made store fixture

FIELDS = {
    "documents": {"doc_id", "source", "title", "published", "published_precision", "outlet",
                  "period"},   # beyond the contract: the days an undated article's text allows (issue 14)
    "actors": {"actor_id", "name", "aliases", "kind", "country"},
    "mentions": {"actor_id", "doc_id", "surface", "start", "end", "sentence"},
    "roles": {"actor_id", "name", "rank", "title", "organization", "country", "observed", "start", "end", "evidence"},
    "events": {"event_id", "date", "date_precision", "type", "mode", "context", "cameo", "actors", "recipients",
               "location", "planned", "mentions",
               # beyond the evaluation contract (the scorer reads only its own fields): issue 18
               "goldstein", "quad_class", "confidence", "latitude", "longitude",
               "date_partial"},   # beyond it too: with `date` null, the day or month said without a year (issue 13)
}


def _jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_contract_fields_exactly(store: Store, tmp_path):  # noqa: F811
    counts = export(store, tmp_path)
    for name, fields in FIELDS.items():
        rows = _jsonl(tmp_path / f"{name}.jsonl")
        assert len(rows) == counts[name] > 0, name
        for row in rows:
            assert set(row) == fields, (name, row)
    event = _jsonl(tmp_path / "events.jsonl")[0]
    # participants under their actor's canonical name, whatever spelling the report used
    assert {p["name"] for p in event["actors"] + event["recipients"]} == {"Phan Văn Giang", "Khamlieng Outhakaysone"}
    assert set(event["mentions"][0]) == {"doc_id", "sentence", "trigger"}
    role = next(r for r in _jsonl(tmp_path / "roles.jsonl") if r["start"])
    assert role["start"] == "2022-02" and role["evidence"][0]["sentence"]


def test_plover_and_csv(store: Store, tmp_path):  # noqa: F811
    export(store, tmp_path, "plover")
    (rec,) = _jsonl(tmp_path / "events.plover.jsonl")
    assert rec["event_type"] == "CONSULT" and rec["mode"] == "visit" and rec["event_date"] == "2025-10-15"
    assert rec["actor_country"] == ["VNM"] and rec["recipient_country"] == ["LAO"]
    export(store, tmp_path, "csv")
    with (tmp_path / "events.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == CSV_FIELDS and rows[0]["type"] == "CONSULT"


def test_unknown_format(store: Store, tmp_path):  # noqa: F811
    with pytest.raises(ValueError, match="unknown export format"):
        export(store, tmp_path, "xml")


def test_exports_leave_out_events_without_participants(tmp_path):
    from biennien import resolve
    from biennien.records import EventMention

    from .test_query import _analysis

    lone = EventMention("9" * 16, 0, "tấn công", "ASSAULT", None, date="2025-02-01", date_precision="day")
    with Store(tmp_path / "kb.db") as s:
        s.add([_analysis("9" * 16, "2025-02-01", [("Trần Văn B", "Chủ tịch", "VNM", None, None)], [lone])])
        resolve.run(s)
        assert export(s, tmp_path / "named")["events"] == 0
        assert export(s, tmp_path / "all", participants="any")["events"] == 1
        assert export(s, tmp_path / "csv", "csv", participants="any")["events.csv"] == 1


def test_an_undated_articles_period_is_exported(tmp_path):
    from .test_query import _undated
    from biennien import resolve
    with Store(tmp_path / "kb.db") as s:
        s.add([_undated("n" * 16, "Trần Văn Cũ", "Tổng Bí thư", "VNM", ("2011-01-19", "2024-07-19"))])
        resolve.run(s)
        export(s, tmp_path / "out")
    (doc,) = _jsonl(tmp_path / "out" / "documents.jsonl")
    assert doc["published"] is None and doc["period"] == {"start": "2011-01-19", "end": "2024-07-19"}


def test_an_undated_events_partial_date_is_exported_beside_its_null_date(tmp_path):
    """Issue 13: the contract's `date` stays null (the scorer reads it); `date_partial` says 30 May."""
    from .test_store import undated_db
    with Store(undated_db(tmp_path / "u.db"), readonly=True) as s:
        export(s, tmp_path / "contract", participants="any")
        export(s, tmp_path / "plover", "plover", participants="any")
        export(s, tmp_path / "csv", "csv", participants="any")
    talks = next(e for e in _jsonl(tmp_path / "contract" / "events.jsonl") if e["type"] == "CONSULT")
    assert (talks["date"], talks["date_precision"], talks["date_partial"]) == (None, None, "--05-30")
    rec = next(r for r in _jsonl(tmp_path / "plover" / "events.plover.jsonl") if r["event_type"] == "CONSULT")
    assert (rec["event_date"], rec["date_partial"]) == (None, "--05-30")
    with (tmp_path / "csv" / "events.csv").open(encoding="utf-8-sig", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["type"] == "CONSULT")
    assert (row["date"], row["date_partial"]) == ("", "--05-30")
