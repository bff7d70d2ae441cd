"""Confidence (biennien/confidence.py) is bounded and grows with each kind of evidence; Goldstein,
quad class and confidence (the learned one over that evidence: tests/test_learned.py) are stored
per event, kept on migration, shown and filtered by."""
from __future__ import annotations

import itertools
import json
import sqlite3

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, strategies as st
from click.testing import CliRunner

from biennien import cameo, learned
from biennien.http import create_app
from biennien.cli import app as cli
from biennien.confidence import DATE, PARTIES, TRIGGER, confidence, date_source
from biennien.run import ingest
from biennien.store import Store
from biennien.store import scores as kept
from biennien.store.schema import MIGRATIONS

KINDS = st.tuples(st.sampled_from(list(TRIGGER)), st.sampled_from(list(PARTIES)), st.sampled_from(list(DATE)),
                  st.integers(0, 50))


@given(KINDS)
def test_confidence_is_bounded(evidence):
    assert 0.0 <= confidence(*evidence) <= 1.0


def _ordered(levels: dict) -> list[str]:
    return sorted(levels, key=levels.__getitem__)


@pytest.mark.parametrize("position,levels", [(0, TRIGGER), (1, PARTIES), (2, DATE)])
def test_confidence_grows_with_each_kind_of_evidence(position, levels):
    others = [list(TRIGGER), list(PARTIES), list(DATE), [0, 1, 3]]
    for rest in itertools.product(*(o for i, o in enumerate(others) if i != position)):
        scores = []
        for level in _ordered(levels):
            args = list(rest)
            args.insert(position, level)
            scores.append(confidence(*args))
        assert scores == sorted(scores) and scores[0] < scores[-1], (position, rest, scores)


def test_confidence_grows_with_independent_reports_and_the_extremes():
    scores = [confidence("specific", "both", "sentence", n) for n in range(6)]
    assert all(a < b for a, b in zip(scores, scores[1:]))
    assert confidence("none", "none", "none", 0) == 0.0
    assert confidence("specific", "both", "sentence", 60) == 1.0


def test_date_source_levels():
    assert date_source(None, "2025-01-02", False) == "none"
    assert date_source("2025-01-02", "2025-01-02", False) == "publication"
    assert date_source("2025-01-01", "2025-01-02", False) == "article"
    assert date_source("2025-01-02", "2025-01-02", True) == "sentence"


def test_goldstein_and_quad_class_of_codes():
    assert cameo.goldstein("042") == 1.9 and cameo.quad_class("042") == 1
    assert cameo.goldstein("0874") == 10.0 and cameo.quad_class("0874") == 2
    assert cameo.goldstein("1823") == -10.0 and cameo.quad_class("190") == 4
    assert cameo.goldstein("1832") == -10.0   # a 4-digit code without a row: its parent's value
    assert cameo.goldstein(None) is None and cameo.quad_class("010") is None


ONE = ("Thủ tướng Lào thăm Việt Nam\n\nSáng 3/3, tại Hà Nội, Thủ tướng Phạm Minh Chính hội đàm với "
       "Thủ tướng Lào Sonexay Siphandone.\n\nHai bên nhất trí tăng cường hợp tác quốc phòng.\n")
TWO = ("Hai Thủ tướng hội đàm\n\nSáng 3/3, tại Hà Nội, Thủ tướng Phạm Minh Chính đã hội đàm với "
       "Thủ tướng Lào Sonexay Siphandone về hợp tác.\n")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    root = tmp_path_factory.mktemp("conf")
    feed = root / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"text": t, "published": "2025-03-03", "url": f"https://x.vn/{i}"},
                                         ensure_ascii=False) for i, t in enumerate((ONE,))) + "\n", encoding="utf-8")
    path = root / "kb.db"
    with Store(path) as store:
        ingest([str(feed)], store)
    return path


def _events(path) -> list[dict]:
    with Store(path, readonly=True) as s:
        return s.rows("SELECT event_id, cameo, goldstein, quad_class, confidence, date_added FROM events")


def test_stored_events_carry_their_scores(db):
    events = _events(db)
    assert events
    for e in events:
        assert e["goldstein"] == cameo.goldstein(e["cameo"]) and e["quad_class"] == cameo.quad_class(e["cameo"])
        assert 0 < e["confidence"] <= 1 and e["date_added"]
    meeting = next(e for e in events if e["cameo"] == "040")
    # a specific trigger, two parties, dated in its own sentence, one article: the hand-set score,
    # and the confidence stored is the learned one over that evidence (biennien/learned.py)
    with Store(db, readonly=True) as s:
        row, = kept.events(s, [meeting["event_id"]])
        found = kept.evidence(s, [meeting["event_id"]])[meeting["event_id"]]
    assert kept.hand_set(row, found) == confidence("specific", "both", "sentence", 1)
    assert meeting["confidence"] == learned.confidence(row, found, kept.hand_set(row, found))


def test_a_second_report_raises_the_confidence(tmp_path, db):
    path = tmp_path / "kb.db"
    for i, text in enumerate((ONE, TWO)):
        feed = tmp_path / f"{i}.jsonl"
        feed.write_text(json.dumps({"text": text, "published": "2025-03-03"}, ensure_ascii=False) + "\n",
                        encoding="utf-8")
        with Store(path) as store:
            ingest([str(feed)], store)
    with Store(path, readonly=True) as s:
        row = s.rows("SELECT e.confidence, e.date_added, count(DISTINCT m.doc_id) n FROM events e"
                     " JOIN event_mentions m USING (event_id) WHERE e.cameo = '040' GROUP BY e.event_id")
    assert len(row) == 1 and row[0]["n"] == 2
    assert row[0]["confidence"] > next(e["confidence"] for e in _events(db) if e["cameo"] == "040")


UNDO_5 = ("CREATE INDEX mentions_actor_country ON mentions(actor_id, country) WHERE actor_id IS NOT NULL;"   # 11
          " ALTER TABLE events DROP COLUMN date_partial; ALTER TABLE event_mentions DROP COLUMN date_partial;"   # 10
          " DROP TRIGGER role_seen_ai; DROP TRIGGER role_seen_ad; DROP TABLE role_seen;"
          " ALTER TABLE documents DROP COLUMN period_lo; ALTER TABLE documents DROP COLUMN period_hi;"   # 9
          " DROP TRIGGER aliases_tri_ai; DROP TABLE aliases_tri; DROP INDEX events_named; DROP INDEX events_named_date;"
          " DROP INDEX documents_latest; CREATE INDEX documents_published ON documents(published);"
          " DROP INDEX mentions_actor_doc; CREATE INDEX mentions_actor ON mentions(actor_id);")


def test_a_store_of_schema_3_gets_scores_when_migrated(tmp_path, db):
    old = tmp_path / "old.db"
    src = sqlite3.connect(db)
    src.backup(dst := sqlite3.connect(old))
    src.close()
    dst.executescript(UNDO_5 +   # back to the schema of version 4, then of version 3
                      "DROP INDEX events_confidence; DROP INDEX events_added;"
                      + "".join(f"ALTER TABLE events DROP COLUMN {c};"
                                for c in ("goldstein", "quad_class", "confidence", "date_added"))
                      + "PRAGMA user_version = 3;")
    dst.close()
    with Store(old) as store:
        assert store.version() == len(MIGRATIONS)
    assert [(e["goldstein"], e["confidence"]) for e in _events(old)] == [(e["goldstein"], e["confidence"])
                                                                        for e in _events(db)]
    assert all(e["date_added"] for e in _events(old))


def test_min_confidence_filters_in_cli_api_and_page(db):
    scores = sorted(e["confidence"] for e in _events(db))
    cut = scores[-1]
    runner = CliRunner()
    out = runner.invoke(cli, ["events", "--db", str(db), "--min-confidence", str(cut), "--json"])
    assert out.exit_code == 0, out.output
    shown = json.loads(out.output)
    assert shown and all(e["confidence"] >= cut for e in shown) and len(shown) == scores.count(cut)
    assert "goldstein" in shown[0] and "quad_class" in shown[0]
    bad = runner.invoke(cli, ["events", "--db", str(db), "--min-confidence", "2"])
    assert bad.exit_code != 0 and "min_confidence must be between 0 and 1" in bad.output
    text = runner.invoke(cli, ["events", "--db", str(db)]).output
    assert "goldstein +1.0" in text and "conf " in text
    with TestClient(create_app(db)) as client:
        r = client.get("/api/events", params={"min_confidence": cut})
        assert r.status_code == 200 and int(r.headers["x-total-count"]) == scores.count(cut)
        assert client.get("/api/events", params={"min_confidence": 1.5}).status_code == 400
        everything = client.get("/events").text
        page = client.get("/events", params={"min_confidence": "0.9"}).text
        assert 'name="min_confidence"' in everything and 'class="goldstein"' in everything
        assert page.count('id="event-') == sum(s >= 0.9 for s in scores) < everything.count('id="event-')

