"""Ingest on one machine: streamed feeds read like the ingest stage reads them, and a process pool
that stores exactly what a single process stores."""
from __future__ import annotations

import codecs
import gzip
import itertools
import json
import os
import sqlite3

import pytest
from click.testing import CliRunner

from biennien import resolve, run
from biennien.cli import app
from biennien.export import export_contract
from biennien.records import IngestError, Source
from biennien.run import batches, ingest
from biennien.io import feed
from biennien.scale.local import analyse_item, map_batches
from biennien.io.read import read as stage_read
from biennien.store import Store

from .conftest import SEEDS, SHARED

VIETNEWS = SHARED / "corpus" / "vietnews" / "vietnews-test.jsonl.gz"


def small_corpus(folder, n: int = 200):
    """The seeds, n vietnews articles, and a few bad lines among them."""
    with gzip.open(VIETNEWS, "rt", encoding="utf-8") as f:
        lines = list(itertools.islice(f, n))
    lines[3:3] = ["{broken\n", "\n", "[1, 2]\n"]
    lines.insert(50, lines[10])  # the same article twice
    (folder / "news.jsonl").write_text("".join(lines), encoding="utf-8")
    return [str(SEEDS), str(folder / "news.jsonl")]


def _export(db, out) -> dict[str, str]:
    with Store(db) as store:
        export_contract(store, out)
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir())}


def small_rounds(monkeypatch) -> None:
    """Store batches of 32 and a round of resolution every 60 new documents: several of each."""
    monkeypatch.setattr(run, "BATCH", 32)
    monkeypatch.setattr(run, "RESOLVE_EVERY", 60)


@pytest.mark.needs_shared
def test_pool_stores_exactly_what_one_process_stores(tmp_path, monkeypatch):
    small_rounds(monkeypatch)
    paths = small_corpus(tmp_path)
    runs = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        with Store(db) as store:
            summary = ingest(paths, store, workers=workers)
        runs[workers] = (summary, _export(db, tmp_path / f"out{workers}"))
    (one, out1), (two, out2) = runs[1], runs[2]
    assert (one.new, one.unchanged, one.failed) == (two.new, two.unchanged, two.failed) == (205, 1, 2)
    assert one.errors == two.errors  # reported in input order
    assert out1 == out2              # ids included: one writer stores in input order


def test_feed_lines_read_like_the_ingest_stage(tmp_path):
    records = [{"title": "Một", "text": "Tin một.", "link": "https://x.vn/1", "date": "2024-10-10"},
               {"content": "Tin hai."}, {"text": "Cafe\u0301 ba."}]  # a decomposed é: NFC beside the analysis
    body = "\n".join(json.dumps(r, ensure_ascii=False) for r in records[:2])
    body += '\n\n{"text": broken\n[1]\n\u00a0\n' + json.dumps(records[2], ensure_ascii=False) + "\n"
    plain, gz = tmp_path / "a.jsonl", tmp_path / "b.jsonl.gz"
    plain.write_bytes(codecs.BOM_UTF8 + body.encode("utf-8"))
    gz.write_bytes(gzip.compress(body.encode("utf-8")))
    for path in (plain, gz):
        items = list(feed.read([str(path)]))
        assert all(isinstance(i, feed.Line) for i in items)
        ours = [r for r in (feed.source(i) for i in items) if r is not None]
        theirs = list(stage_read([str(path)]))
        assert ours == theirs


def _as_stage_reads(items):
    return [r for r in (feed.source(i) if isinstance(i, feed.Line) else i for i in items) if r is not None]


def test_feed_bad_parts_read_like_the_ingest_stage(tmp_path):
    good = json.dumps({"text": "Tin."}) + "\n"
    hostile = ["[" * 100_000 + "]" * 100_000, '{"text": ' + "9" * 5000 + "}", '{"text": "x' + "y" * 9 * 2**20 + '"}']
    (tmp_path / "hostile.jsonl").write_text("\n".join(hostile) + "\n" + good, encoding="utf-8")
    (tmp_path / "truncated.jsonl.gz").write_bytes(gzip.compress(good.encode() * 50)[:40])
    (tmp_path / "blank.jsonl").write_bytes(b"\n \n")
    with open(os.path.join(os.fsencode(tmp_path), b"name-\xff.jsonl"), "wb") as f:
        f.write(good.encode())
    for path in sorted(tmp_path.iterdir()):
        assert _as_stage_reads(feed.read([str(path)])) == list(stage_read([str(path)])), path
    errors = [i for i in _as_stage_reads(feed.read([str(tmp_path)])) if isinstance(i, IngestError)]
    assert [e.message.split(":")[0] for e in errors] == ["empty file", "malformed JSON", "malformed JSON",
                                                         "line too long (over 8 MiB)", "broken gzip"]


def test_files_that_are_not_feeds_go_through_the_stage(tmp_path):
    (tmp_path / "a.txt").write_text("Tin một.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_bytes("".encode())                          # empty
    (tmp_path / "c.jsonl").write_bytes('{"text": "Tin ba."}\n'.encode("utf-16"))  # UTF-16 with BOM
    (tmp_path / "d.jsonl.gz").write_bytes(b"not gzip at all")
    (tmp_path / ".hidden.jsonl").write_text('{"text": "x"}', encoding="utf-8")
    ours = list(feed.read([str(tmp_path), str(tmp_path / "missing.jsonl")]))
    assert [type(i) for i in ours] == [Source, IngestError, Source, IngestError, IngestError]
    assert ours[1].message == "empty file" and ours[2].raw == "Tin ba."
    assert "broken gzip" in ours[3].message and "no such file" in ours[4].message


def test_analyse_item_reports_instead_of_raising(tmp_path):
    bad = feed.Line("x.jsonl:7", b"\xff\xfe{oops")
    result = analyse_item(bad)
    assert isinstance(result, IngestError) and result.source == "x.jsonl:7"
    assert analyse_item(feed.Line("x.jsonl:8", "\u00a0".encode())) is None


def test_batches_first_one_small():
    assert [len(b) for b in batches(range(10), 4, first=2)] == [2, 4, 4]
    assert list(batches([], 4)) == []


@pytest.mark.needs_shared
def test_cli_ingest_with_workers(tmp_path):
    db = tmp_path / "kb.db"
    result = CliRunner().invoke(app, ["ingest", str(SEEDS), "--db", str(db), "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert "5 new, 0 unchanged, 0 failed" in result.output


@pytest.mark.parametrize("bad", ["0", "-1"])
def test_cli_workers_must_be_positive(tmp_path, bad):
    result = CliRunner().invoke(app, ["ingest", str(SEEDS), "--db", str(tmp_path / "kb.db"), "--workers", bad])
    assert result.exit_code == 2


def _store_rows(db) -> dict[str, list]:
    """Every row of every table (full-text search's own tables by a search), ids included, ingest times left out."""
    con = sqlite3.connect(db)
    try:
        out = {}
        for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
                                    " AND name NOT LIKE '%\\_fts%' ESCAPE '\\' AND name NOT LIKE 'aliases\\_tri%' ESCAPE '\\'"):
            columns = [f'"{c[1]}"' for c in con.execute(f"PRAGMA table_info({table})")
                       if c[1] not in ("ingested_at", "date_added")]
            out[table] = con.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {', '.join(columns)}").fetchall()
        out["search"] = con.execute("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH 'nam' ORDER BY rank").fetchall()
        out["alias trigrams"] = con.execute("SELECT rowid, key, actor_id FROM aliases_tri ORDER BY rowid").fetchall()
        return out
    finally:
        con.close()


@pytest.mark.needs_shared
def test_rounds_store_what_documents_stored_then_resolved_make(tmp_path, monkeypatch):
    """The writer stores a round in one transaction and inserts its mentions once, with their
    actors; the store is the one of the documents stored first (Store.add, mentions without actor)
    and resolved after (resolve.run), and the same when an earlier writer left part of a round
    stored and unresolved."""
    small_rounds(monkeypatch)
    paths = small_corpus(tmp_path)
    with Store(tmp_path / "writer.db") as store:
        ingest(paths, store)
    analysed = [r for b in map_batches(batches(feed.read(paths), 32), 1) for r in b
                if r is not None and not isinstance(r, IngestError)]
    with Store(tmp_path / "added.db") as store:
        for i in range(0, len(analysed), 32):
            store.add(analysed[i:i + 32])
        resolve.run(store, size=60)
    with Store(tmp_path / "mixed.db") as store:
        store.add(analysed[:90])   # a round and a half stored unresolved
        summary = ingest(paths, store)
    assert (summary.new, summary.unchanged) == (205 - len({r.doc_id for r in analysed[:90]}), 90)
    writer = _store_rows(tmp_path / "writer.db")
    assert len(writer["mentions"]) > 3000 and all(m[-1] is not None for m in writer["mentions"])
    assert _store_rows(tmp_path / "added.db") == writer
    assert _store_rows(tmp_path / "mixed.db") == writer
