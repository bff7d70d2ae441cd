"""The CLI end to end: ingest, export (the contract), stats; bad parts never lose good data."""
from __future__ import annotations

import pytest

import json
import subprocess
import sys

from typer.testing import CliRunner

from biennien.cli import app
from biennien.export import CONTRACT

from .conftest import SEEDS, SHARED

runner = CliRunner()


@pytest.mark.needs_shared
def test_ingest_seeds_export_contract_and_score(tmp_path):
    db, out = tmp_path / "s.db", tmp_path / "out"
    result = runner.invoke(app, ["ingest", str(SEEDS), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "5 new, 0 unchanged, 0 failed" in result.output
    again = runner.invoke(app, ["ingest", str(SEEDS), "--db", str(db)])
    assert "0 new, 5 unchanged, 0 failed" in again.output
    assert runner.invoke(app, ["export", "--db", str(db), "--out", str(out)]).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.jsonl" for n in CONTRACT)
    doc = json.loads((out / "documents.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert set(doc) == {"doc_id", "source", "title", "published", "published_precision", "outlet"}
    score = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(SHARED / "eval" / "seeds.gold.json"),
                            str(out)], capture_output=True, text=True, check=True)
    assert "doc_dates_accuracy: 1.000" in score.stdout


def test_bad_inputs_reported_good_ones_kept(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("Sáng 10/10, Thủ tướng tiếp đoàn đại biểu.", encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (src / "bad-utf8.txt").write_bytes(b"abc \xff\xfe\x81 def")
    (src / "broken.html").write_text("<html><body><p>Chiều 9/1, Bộ trưởng tiếp đoàn đại biểu cấp cao<p", encoding="utf-8")
    (src / "feed.jsonl").write_text('{"text": "Tin một từ feed."}\n{oops\n{"text": "Tin hai từ feed."}\n', encoding="utf-8")
    db = tmp_path / "kb.db"
    result = runner.invoke(app, ["ingest", str(src), "--db", str(db)])
    assert result.exit_code == 1
    errors = [l for l in result.output.splitlines() if l.startswith("error:")]
    assert len(errors) == 4, result.output
    assert any("empty.txt: empty file" in e for e in errors)
    assert any("binary.txt: binary data" in e for e in errors)
    assert any("bad-utf8.txt: not valid UTF-8" in e for e in errors)
    assert any("feed.jsonl:2: malformed JSON" in e for e in errors)
    assert "4 new, 0 unchanged, 4 failed" in result.output
    stats = runner.invoke(app, ["stats", "--db", str(db), "--json"])
    assert json.loads(stats.output)["documents"] == 4


def test_stdin_and_missing_db(tmp_path):
    db = tmp_path / "kb.db"
    result = runner.invoke(app, ["ingest", "-", "--db", str(db)], input='{"text": "Tin từ stdin.", "date": "2024-01-02"}\n')
    assert result.exit_code == 0 and "1 new" in result.output
    missing = runner.invoke(app, ["stats", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no such knowledge base" in missing.output


@pytest.mark.needs_shared
def test_rss_feed_keeps_published_and_link(tmp_path):
    db, out = tmp_path / "r.db", tmp_path / "out"
    result = runner.invoke(app, ["ingest", str(SHARED / "corpus" / "rss" / "politics-rss.jsonl"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    runner.invoke(app, ["export", "--db", str(db), "--out", str(out)])
    feed = [json.loads(l) for l in (SHARED / "corpus" / "rss" / "politics-rss.jsonl").read_text(encoding="utf-8").splitlines()]
    docs = {d["source"]: d for d in map(json.loads, (out / "documents.jsonl").read_text(encoding="utf-8").splitlines())}
    kept = [item for item in feed if item["link"] in docs]
    assert len(kept) >= len(feed) - 5  # items repeating another's title and summary are one article
    for item in kept:
        doc = docs[item["link"]]
        assert doc["published"] == item["published"][:10] and doc["published_precision"] == "day"


def test_demo_runs():
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    assert "4 articles" in result.output
