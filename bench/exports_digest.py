"""Identity check: one sha256 per exported file, for a re-layout that must not change behaviour.

    PYTHONPATH=. python bench/exports_digest.py [--sets seeds,bkee-dev,vietnews-2000,dev-dated,...]
                                               [--workers 2] [--out /tmp/biennien-digest]

Ingests each set into a fresh store, exports every format `biennien export` offers and prints
`<sha256>  <set>/<format>/<file>` (for Parquet, `rows:<sha256>` of its rows without the ingest
time `date_added`), after a line with the set's ingest counts (a stage that fails
on every article must not pass as "the same empty exports"). Inputs and stores live at fixed
paths under OUT (sources are exported as given), so two checkouts print the same lines exactly
when they build the same exports. Run it on the commit you start from and on yours, and `diff` the outputs.

Sets: seeds, bkee-dev, vietnews-2000 (the first 2,000 lines of vietnews-test), and the gold
sets fed as in eval/run.py (dev/dev2/test x dated/undated, dev3-dated ... dev6-dated); `--sets`
takes any other set of eval/run.py too (dev7-undated, dev10-dated, ...).
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))
import run as eval_run  # noqa: E402  (eval/run.py: how the gold sets are fed)

SHARED = ROOT.parent / "shared"
VIETNEWS = SHARED / "corpus" / "vietnews" / "vietnews-test.jsonl.gz"
OLD_FORMATS = ("contract", "plover", "csv")   # before export.FORMATS (+ parquet where it exists), for an older commit
SETS = ("seeds", "bkee-dev", "vietnews-2000", "dev-dated", "dev-undated", "dev2-dated", "dev2-undated", "dev3-dated",
        "dev4-dated", "dev5-dated", "dev6-dated", "test-dated",
        "test-undated")


def build_input(name: str, where: Path) -> Path:
    if name != "vietnews-2000":
        return eval_run.build_inputs(name, where)
    where.mkdir(parents=True, exist_ok=True)
    feed = where / "vietnews-2000.jsonl"
    with gzip.open(VIETNEWS, "rt", encoding="utf-8") as lines, feed.open("w", encoding="utf-8") as out:
        for n, line in enumerate(lines):
            if n == 2000:
                break
            out.write(line)
    return feed


def _digest(path: Path) -> str:
    """sha256 of the file; of a Parquet file, of its rows without `date_added` (the wall-clock time
    of the ingest, different on every run by design) in a canonical JSON form."""
    if path.suffix != ".parquet":
        return hashlib.sha256(path.read_bytes()).hexdigest()
    import pyarrow.parquet as pq
    table = pq.read_table(path)
    rows = table.drop([c for c in table.column_names if c == "date_added"]).to_pylist()
    text = json.dumps({"columns": table.column_names, "rows": rows}, ensure_ascii=False, default=str, sort_keys=True)
    return "rows:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def digests(name: str, out: Path, workers: int) -> list[str]:
    from biennien import export as exports
    from biennien.export import export
    from biennien.run import ingest
    from biennien.store import Store

    base = out / name
    shutil.rmtree(base, ignore_errors=True)
    source = build_input(name, base / "input")
    lines = []
    with Store(str(base / "kb.db")) as store:
        summary = ingest([str(source)], store, workers=workers)
        lines.append(f"ingest {name}: {summary.new} new, {summary.unchanged} unchanged, {summary.failed} failed")
        old = OLD_FORMATS + (("parquet",) if importlib.util.find_spec("biennien.export_parquet") else ())
        for fmt in getattr(exports, "FORMATS", old):   # every format `biennien export` offers
            export(store, base / fmt, fmt)
            for path in sorted((base / fmt).iterdir()):
                lines.append(f"{_digest(path)}  {name}/{fmt}/{path.name}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=Path("/tmp/biennien-digest"))
    args = parser.parse_args(argv)
    import biennien
    print(f"biennien from {Path(biennien.__file__).parent}", file=sys.stderr)
    for name in (n.strip() for n in args.sets.split(",") if n.strip()):
        if name not in SETS + eval_run.SETS:
            parser.error(f"unknown set {name!r}: {' '.join(dict.fromkeys(SETS + eval_run.SETS))}")
        for line in digests(name, args.out, args.workers):
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
