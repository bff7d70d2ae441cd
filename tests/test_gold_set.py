"""Our blind gold set (eval/gold/): the waves are disjoint, every annotation is well formed, and the
split files are what eval/merge.py builds from the annotations (nobody edits a gold file by hand).

merge.py writes posts without the holder's country using biennien's countries table; a new name in
that table can add a bare spelling of a post to a built split. Then rebuild that split
(`python eval/merge.py dev2`) in the same commit and say so: the annotations stay as they were."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import eval_tool, need_shared

ROOT = Path(__file__).parent.parent
GOLD = ROOT / "eval" / "gold"


@pytest.fixture(scope="module")
def merge():
    return eval_tool("merge")


def _waves() -> dict[str, list[dict]]:
    return {p.name: json.loads(p.read_text(encoding="utf-8"))["texts"] for p in sorted(GOLD.glob("sample*.json"))}


def test_waves_are_disjoint_and_every_text_has_its_annotation():
    waves = _waves()
    assert len(waves) >= 2
    seen: set[str] = set()
    assign = json.loads((GOLD / "annotations" / "assign.json").read_text(encoding="utf-8"))
    for name, chosen in waves.items():
        files = {c["file"] for c in chosen}
        assert not files & seen, (name, sorted(files & seen)[:3])
        seen |= files
        for file in files:
            copies = assign[file]
            assert [copy for _, copy in copies].count("a") == 1, (file, copies)
            for batch, _ in copies:
                assert (GOLD / "annotations" / batch / file.replace(".txt", ".json")).exists(), (batch, file)


def test_every_annotation_validates():
    files = sorted(str(p) for p in (GOLD / "annotations").glob("b*/*.json"))
    out = subprocess.run([sys.executable, str(ROOT / "eval" / "validate.py"), *files],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip().endswith(f"{len(files)} files, 0 problems"), out.stdout[-2000:]


@pytest.mark.parametrize("wave", ["dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12"])
def test_a_later_wave_is_what_merge_builds_from_its_annotations(merge, wave):
    need_shared()
    chosen = json.loads((GOLD / f"sample-{wave}.json").read_text(encoding="utf-8"))["texts"]
    assign = json.loads((GOLD / "annotations" / "assign.json").read_text(encoding="utf-8"))
    built, _ = merge.build(wave, chosen, assign)
    stored = json.loads((GOLD / f"{wave}.gold.json").read_text(encoding="utf-8"))
    for key in ("documents", "persons", "not_actors", "roles", "former_titles", "events", "asof"):
        assert _titles_unordered(built[key]) == _titles_unordered(stored[key]), key


def _titles_unordered(rows: list) -> list:
    """A role's titles as a set: merge.py puts the bare post first when the countries table knows
    the country at its end ("Ngoại trưởng Seychelles" -> "Ngoại trưởng", SYC), so a country row
    added after a wave was built reorders them; the scorer reads the titles as any-of."""
    return [{**r, "titles": sorted(r["titles"])} if isinstance(r, dict) and "titles" in r else r for r in rows]
