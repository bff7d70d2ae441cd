"""The CLI end to end: ingest, export (the contract), stats; bad parts never lose good data."""
from __future__ import annotations

import pytest

import json
import re
import subprocess
import sys
from datetime import date

from click.testing import CliRunner

from biennien import __version__
from biennien.cli import app
from biennien.export import CONTRACT

from .conftest import SEEDS, SHARED
from .conftest_web import build_web_db

runner = CliRunner()
KHOI = "Nguyễn Minh Khôi"


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
    assert set(doc) == {"doc_id", "source", "title", "published", "published_precision", "outlet",
                        "period"}   # beyond the contract: an undated article's days (issue 14)
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


def test_demo_keeps_its_store_where_it_says_and_tells_how_to_browse_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    assert "4 articles" in result.output
    kept = tmp_path / "biennien-demo.db"
    assert kept.exists() and f"kept in {kept}" in result.output
    assert f"biennien serve --db {kept}" in result.output
    again = runner.invoke(app, ["demo", "--db", str(tmp_path / "elsewhere.db")])
    assert again.exit_code == 0 and f"biennien serve --db {tmp_path / 'elsewhere.db'}" in again.output


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"biennien {__version__}"


COMMANDS = ["ingest", "export", "stats", "who", "actor", "events", "timeline", "search", "demo", "serve"]


@pytest.mark.parametrize("args", [[], *[[c] for c in COMMANDS]], ids=["biennien", *COMMANDS])
def test_help_names_values_not_python_types(args):
    result = runner.invoke(app, [*args, "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert not re.search(r"<(str|bool|int|float|path|Path)>", result.output), result.output
    if args and args[0] in ("who", "events"):
        assert "DATE" in result.output


@pytest.fixture(scope="module")
def web_db(tmp_path_factory):
    return build_web_db(str(tmp_path_factory.mktemp("cli")))


def test_events_and_timeline_show_the_evidence(web_db):
    """Each event: its participants, the sentence of its first report and where it is from."""
    events = runner.invoke(app, ["events", "--actor", KHOI, "--db", str(web_db)])
    assert events.exit_code == 0, events.output
    lines = events.output.splitlines()
    heads = [i for i, line in enumerate(lines) if re.match(r"\d{4}(-\d\d){0,2} +[A-Z]+ ", line)]
    assert len(heads) == 3, events.output
    for i in heads:
        assert KHOI in lines[i] and "?" not in lines[i] and "mentions)" not in lines[i]
        assert lines[i + 1].strip().startswith("“") and lines[i + 2].strip().startswith("— "), lines[i:i + 3]
    assert "“Chiều 20/2, tại Vientiane, Phó Thủ tướng" in events.output
    assert "made-up/5e0000000000aa02.txt" in events.output
    assert "[planned 2024-06]" in events.output
    timeline = runner.invoke(app, ["timeline", KHOI, "--db", str(web_db)])
    assert timeline.exit_code == 0, timeline.output
    assert "“Sáng 12/3, tại Hà Nội" in timeline.output and "Bounmy Keomany" in timeline.output
    assert "“Ông Nguyễn Minh Khôi được bổ nhiệm" in timeline.output  # a role change, with its sentence


def test_who_without_on_means_today(web_db):
    today = runner.invoke(app, ["who", "Phó Thủ tướng", "--country", "VNM", "--db", str(web_db), "--json"])
    assert today.exit_code == 0, today.output
    assert json.loads(today.output)["on"] == date.today().isoformat()
    assert json.loads(today.output)["holders"][0]["name"] == KHOI


def test_who_without_a_country_prints_one_ranking_per_country(web_db):
    """Each country under its code, its likeliest holder marked, each holder with what its place
    rests on."""
    out = runner.invoke(app, ["who", "Phó Thủ tướng", "--on", "2025-03-01", "--db", str(web_db)])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert lines[0] == "[VNM]" and lines[1].startswith(f"→ {KHOI}") and "states its start" in lines[1]
    groups = [line for line in lines if line.startswith("[")]
    assert groups == ["[VNM]", "[LAO]"] and sum(line.startswith("→") for line in lines) == 2


def test_a_read_command_starts_without_the_pipeline():
    """`biennien who …` is asked hundreds of times by scripts (and by the eval gate): it loads the
    store's readers, not the pipeline's stages and their data, nor a settings library."""
    code = ("import sys, biennien.cli; heavy = [m for m in ('biennien.pipeline', 'biennien.stages', 'pydantic', "
            "'typer') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_commands_listed_in_the_order_of_work():
    result = runner.invoke(app, ["--help"])
    listed = [line.split()[0] for line in result.output.split("Commands:")[1].splitlines() if line.strip()]
    assert listed == COMMANDS


def test_an_undated_event_shows_the_day_its_text_says_and_the_years_of_its_article(tmp_path):
    """Issue 13: no date, but "Sáng 30-5": the listing says so, with the period the article's text allows."""
    from .test_store import undated_db
    db = undated_db(tmp_path / "u.db")
    shown = runner.invoke(app, ["events", "--db", str(db), "--min-confidence", "0"])
    assert shown.exit_code == 0, shown.output
    talks = next(line for line in shown.output.splitlines() if " CONSULT " in line)
    assert talks.startswith("30/5 (year unknown; article 2016-2018) CONSULT"), talks
    listed = json.loads(runner.invoke(app, ["events", "--db", str(db), "--min-confidence", "0", "--json"]).output)
    talks = next(e for e in listed if e["type"] == "CONSULT")
    assert talks["date"] is None and talks["date_partial"] == "--05-30"
    assert talks["article_period"]["start"][:4] == "2016" and talks["article_period"]["end"][:4] == "2018"
