"""The regression gate: the seeds gold and BKEE dev scores may not fall below their pinned floors
(tests/eval_floors.json), like trafilatura's evaluation in CI. Scores come from the shared scorers."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from biennien.export import export_contract
from biennien.run import ingest
from biennien.store import Store

from .conftest import SHARED, eval_tool, need_shared

FLOORS = json.loads((Path(__file__).parent / "eval_floors.json").read_text(encoding="utf-8"))
EVAL = SHARED / "eval"


def _score(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, *args, "--json"], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).parent.parent)
    return json.loads(out.stdout[:out.stdout.rindex("}") + 1])


@pytest.fixture(scope="module")
def seeds_scores(seeds_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds-export")
    with Store(seeds_db, readonly=True) as store:
        export_contract(store, out)
    cli = f"{sys.executable} -m biennien.cli"
    return _score([str(EVAL / "score.py"), str(EVAL / "seeds.gold.json"), str(out), "--db", str(seeds_db),
                   "--cli", cli])


@pytest.fixture(scope="module")
def bkee_scores(tmp_path_factory):
    need_shared()
    tmp = tmp_path_factory.mktemp("bkee")
    with Store(tmp / "bkee.db") as store:
        summary = ingest([str(SHARED / "corpus" / "bkee" / "dev")], store)
        assert summary.failed == 0, summary.errors[:3]
        export_contract(store, tmp / "export")
    return _score([str(EVAL / "bkee.py"), "score", str(EVAL / "bkee" / "dev.gold.jsonl"), str(tmp / "export")])


@pytest.mark.parametrize("metric", sorted(FLOORS["seeds"]))
def test_seeds_floor(seeds_scores, metric):
    assert seeds_scores[metric] >= FLOORS["seeds"][metric] - 1e-9, (metric, seeds_scores)


def test_seeds_no_non_actor_leaks(seeds_scores):
    assert len(seeds_scores["non_actors_leaked"]) <= FLOORS["seeds_max"]["non_actors_leaked"], seeds_scores["non_actors_leaked"]


@pytest.mark.parametrize("metric", sorted(FLOORS["bkee_dev"]))
def test_bkee_dev_floor(bkee_scores, metric):
    assert bkee_scores[metric] >= FLOORS["bkee_dev"][metric] - 1e-9, (metric, bkee_scores)


def _run_set(name: str, out: Path) -> dict:
    """One set of our blind gold through eval/run.py: built from ../shared, ingested, scored."""
    need_shared()
    return eval_tool("run").run_set(name, out)


@pytest.fixture(scope="module", params=["dev-dated", "dev-undated", "dev2-dated", "dev2-undated",
                                                "dev3-dated", "dev3-undated", "dev4-dated", "dev4-undated",
                                                "dev5-dated", "dev5-undated", "dev6-dated", "dev6-undated",
                                                "dev7-dated", "dev7-undated", "dev8-dated", "dev8-undated",
                                                "dev9-dated", "dev9-undated",
                                                "dev10-dated", "dev10-undated",
                                                "dev11-dated", "dev11-undated"])
def gold_scores(request, tmp_path_factory):
    return request.param, _run_set(request.param, tmp_path_factory.mktemp(request.param))


def test_gold_dev_floors(gold_scores):
    name, scores = gold_scores
    floors = FLOORS[name.replace("-", "_")]
    below = {k: (scores[k], v) for k, v in floors.items() if scores[k] < v - 1e-9}
    assert not below, f"{name} below its floors (score, floor): {below}"
    for metric, ceiling in FLOORS.get(name.replace("-", "_") + "_max", {}).items():
        assert scores[metric] <= ceiling + 1e-9, (name, metric, scores[metric], ceiling)
