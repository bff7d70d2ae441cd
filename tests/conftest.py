"""Shared fixtures: paths to ../shared and a knowledge base built once from the seeds."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
# CI sets this: a test that needs ../shared then fails instead of skipping when it is missing.
REQUIRE_SHARED = os.environ.get("BIENNIEN_REQUIRE_SHARED", "") not in ("", "0")
MISSING = ("needs ../shared (the corpora and gold files the project is evaluated on, laid beside "
           "the checkout); absent here")


def need_shared() -> None:
    """Skip (or, with BIENNIEN_REQUIRE_SHARED=1, fail) a test when ../shared is not there."""
    if not (SHARED / "corpus" / "seeds").is_dir() or not (SHARED / "eval").is_dir():
        if REQUIRE_SHARED:
            pytest.fail(MISSING.replace("absent here", "absent, and BIENNIEN_REQUIRE_SHARED is set"))
        pytest.skip(MISSING)


def eval_tool(name: str):
    """A module of eval/ (the gold tools, not shipped) imported by name: eval_tool("run")."""
    import importlib
    import sys
    sys.path.insert(0, str(ROOT / "eval"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.pop(0)


def seeds_gold() -> dict:
    need_shared()
    return json.loads((SHARED / "eval" / "seeds.gold.json").read_text(encoding="utf-8"))


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "needs_shared: the test reads ../shared (skipped when it is absent)")


def pytest_runtest_setup(item) -> None:
    if item.get_closest_marker("needs_shared"):
        need_shared()


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory) -> Path:
    """A store built from the five seed articles (read-only for tests that use it)."""
    from biennien.run import ingest
    from biennien.store import Store

    need_shared()
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with Store(path) as store:
        summary = ingest([str(SEEDS)], store)
    assert summary.new == 5 and summary.failed == 0
    return path
