"""The Parquet export: every column the issue lists, one row per event × actor × recipient, the
codebook defines every column, DuckDB answers a group-by, locations carry coordinates, and
`--since` exports only what was added since."""
from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from biennien import learned
from biennien.cli import app as cli
from biennien.export_parquet import ACTOR_MENTIONS, ACTORS, EVENTS, MENTIONS, ROLES
from biennien.run import ingest
from biennien.store import Store

from .conftest import SHARED, need_shared

COLUMNS = ("event_id date date_precision type mode cameo quad_class goldstein confidence actor_id actor_name "
           "actor_country actor_sector recipient_id recipient_name recipient_country recipient_sector location "
           "latitude longitude planned_start planned_end num_mentions num_articles source_url outlet date_added date_partial").split()
CODEBOOK = Path(__file__).resolve().parent.parent / "docs" / "codebook.md"


def _export(db: Path, out: Path, *more: str) -> str:
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--out", str(out), "--format", "parquet", *more])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def seeds_parquet(seeds_db, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("parquet")
    _export(seeds_db, out)
    return out


def test_events_parquet_has_every_column_and_one_row_per_actor_and_recipient(seeds_parquet, seeds_db):
    table = pq.read_table(seeds_parquet / "events.parquet")
    assert set(COLUMNS) <= set(table.column_names)
    rows = table.to_pylist()
    with Store(seeds_db, readonly=True) as s:
        events = s.rows("SELECT event_id, actors, recipients, confidence FROM events")
    cut = learned.threshold()           # the default threshold: the events under it stay stored, unexported
    events = [e for e in events if cut is None or e["confidence"] >= cut]
    expected = sum(max(len(json.loads(e["actors"])), 1) * max(len(json.loads(e["recipients"])), 1) for e in events)
    assert len(rows) == expected and {r["event_id"] for r in rows} == {e["event_id"] for e in events}
    for r in rows:
        assert r["quad_class"] in (1, 2, 3, 4) and -10 <= r["goldstein"] <= 10 and 0 < r["confidence"] <= 1
        assert r["num_articles"] >= 1 and r["num_mentions"] >= r["num_articles"] and r["date_added"]
    assert any(r["actor_sector"] for r in rows)


def test_other_tables_are_written_with_their_schemas(seeds_parquet):
    for name, schema in (("actors", ACTORS), ("roles", ROLES), ("mentions", MENTIONS),
                         ("actor_mentions", ACTOR_MENTIONS)):
        table = pq.read_table(seeds_parquet / f"{name}.parquet")
        assert table.schema.equals(schema, check_metadata=False) and table.num_rows > 0, name
    roles = pq.read_table(seeds_parquet / "roles.parquet").to_pylist()
    assert any(r["sectors"] for r in roles)


def test_the_codebook_defines_every_column_with_its_values():
    text = CODEBOOK.read_text(encoding="utf-8")
    for schema in (EVENTS, ACTORS, ROLES, MENTIONS, ACTOR_MENTIONS):
        for name in schema.names:
            assert re.search(rf"^\| `{name}` \|", text, re.M), f"docs/codebook.md: no row for {name}"


def test_duckdb_answers_a_group_by(seeds_parquet):
    path = str(seeds_parquet / "events.parquet")
    rows = duckdb.sql(f"SELECT quad_class, count(DISTINCT event_id) n, avg(goldstein) g FROM '{path}'"
                      " GROUP BY quad_class ORDER BY quad_class").fetchall()
    assert rows and sum(n for _, n, _ in rows) == len(set(pq.read_table(path).column("event_id").to_pylist()))


def _located_share(path: Path) -> float:
    rows = pq.read_table(path, columns=["location", "latitude"]).to_pylist()
    located = [r for r in rows if r["location"]]
    return sum(r["latitude"] is not None for r in located) / len(located)


def test_nine_in_ten_located_rows_have_coordinates_on_seeds(seeds_parquet):
    assert _located_share(seeds_parquet / "events.parquet") >= 0.9


@pytest.mark.needs_shared
def test_nine_in_ten_located_rows_have_coordinates_on_politics_600(tmp_path):
    need_shared()
    db = tmp_path / "p600.db"
    with Store(db) as store:
        ingest([str(SHARED / "corpus" / "vietnews" / "politics-600.jsonl")], store)
    _export(db, tmp_path / "out")
    assert _located_share(tmp_path / "out" / "events.parquet") >= 0.9


def test_since_exports_only_what_was_added_since(tmp_path):
    db = tmp_path / "kb.db"
    first = tmp_path / "a.jsonl"
    first.write_text(json.dumps({"text": "Thủ tướng tiếp khách\n\nSáng 3/3, tại Hà Nội, Thủ tướng Phạm Minh Chính "
                                 "tiếp Đại sứ Nhật Bản Ito Naoki.", "published": "2025-03-03"},
                                ensure_ascii=False) + "\n", encoding="utf-8")
    with Store(db) as store:
        ingest([str(first)], store)
        store.db.execute("UPDATE events SET date_added = '2020-01-01T00:00:00Z'")
        store.db.execute("UPDATE documents SET ingested_at = '2020-01-01T00:00:00Z'")
    second = tmp_path / "b.jsonl"
    second.write_text(json.dumps({"text": "Bộ trưởng hội đàm\n\nChiều 5/3, tại Viêng Chăn, Bộ trưởng Quốc phòng "
                                  "Phan Văn Giang hội đàm với Bộ trưởng Quốc phòng Lào Chansamone Chanyalath.",
                                  "published": "2025-03-05"}, ensure_ascii=False) + "\n", encoding="utf-8")
    with Store(db) as store:
        ingest([str(second)], store)
    _export(db, tmp_path / "all")
    _export(db, tmp_path / "new", "--since", "2021-01-01")
    everything = pq.read_table(tmp_path / "all" / "events.parquet").to_pylist()
    new = pq.read_table(tmp_path / "new" / "events.parquet").to_pylist()
    assert new and len({r["event_id"] for r in new}) < len({r["event_id"] for r in everything})
    assert all(r["date_added"] >= "2021" for r in new) and {r["location"] for r in new} == {"Viêng Chăn"}
    assert new[0]["latitude"] == pytest.approx(17.97, abs=0.01) and new[0]["location_precision"] == "city"
    mentions = pq.read_table(tmp_path / "new" / "mentions.parquet").to_pylist()
    assert mentions and all(m["date_added"] >= "2021" for m in mentions)
    bad = CliRunner().invoke(cli, ["export", "--db", str(db), "--out", str(tmp_path / "x"), "--since", "2021"])
    assert bad.exit_code != 0 and "--since works with --format parquet, plover or csv" in bad.output
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--out", str(tmp_path / "p"), "--format", "plover",
                                      "--since", "2021-01-01"])
    assert result.exit_code == 0, result.output
    plover = [json.loads(line) for line in (tmp_path / "p" / "events.plover.jsonl").read_text().splitlines()]
    assert {r["id"] for r in plover} == {f"biennien-{r['event_id']}" for r in new}


@pytest.mark.parametrize("fmt,name", [("contract", "events.jsonl"), ("plover", "events.plover.jsonl"),
                                      ("csv", "events.csv")])
def test_scores_are_in_every_event_export(seeds_db, tmp_path, fmt, name):
    result = CliRunner().invoke(cli, ["export", "--db", str(seeds_db), "--out", str(tmp_path), "--format", fmt])
    assert result.exit_code == 0, result.output
    text = (tmp_path / name).read_text(encoding="utf-8-sig")
    if fmt == "csv":
        import csv
        rows = list(csv.DictReader(text.splitlines()))
        assert rows and all(0 < float(r["confidence"]) <= 1 and r["quad_class"] and r["goldstein"] for r in rows)
    else:
        rows = [json.loads(line) for line in text.splitlines()]
        assert rows and all(0 < r["confidence"] <= 1 and r["quad_class"] in (1, 2, 3, 4) for r in rows)


def test_an_undated_events_partial_date_is_a_column_of_events_and_mentions(tmp_path):
    from .test_store import undated_db
    db = undated_db(tmp_path / "u.db")
    _export(db, tmp_path / "out")
    events = pq.read_table(tmp_path / "out" / "events.parquet").to_pylist()
    assert {(r["type"], r["date"], r["date_partial"]) for r in events} >= {("CONSULT", None, "--05-30")}
    mentions = pq.read_table(tmp_path / "out" / "mentions.parquet").to_pylist()
    assert "--05-30" in {r["date_partial"] for r in mentions}
