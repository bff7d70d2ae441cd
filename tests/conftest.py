"""Shared fixtures: paths to ../shared and a knowledge base built once from the seeds."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory) -> Path:
    """A store built from the five seed articles (read-only for tests that use it)."""
    from biennien.run import ingest
    from biennien.store import Store

    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with Store(path) as store:
        summary = ingest([str(SEEDS)], store)
    assert summary.new == 5 and summary.failed == 0
    return path
