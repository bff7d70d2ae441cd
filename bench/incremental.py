"""Incremental ingest: the cost per new article of a batch into a large store vs into an empty one.

    python bench/incremental.py [--input FILE] [--batch 1000] [--base DB] [--workers N]

The last `--batch` articles of the input are the new batch; the large store holds all the others
(built into `--base` unless that file exists: build it once, reuse it). The batch goes into a
copy of the large store and into an empty store; each line gives ms per new article for the
per-article stage (waiting on the workers), the store writes and the global resolution. The
resolution should cost about the same in both: it takes only unresolved documents and reads the
rest through indexes.
"""
from __future__ import annotations

import argparse
import gzip
import os
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest import DEFAULT_INPUT  # noqa: E402  (bench/ingest.py)

from biennien.run import ingest  # noqa: E402
from biennien.scale.local import cores  # noqa: E402
from biennien.store import Store  # noqa: E402


def split(path: Path, batch: int, folder: Path) -> tuple[Path, Path]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as f:
        lines = f.readlines()
    base, new = folder / "base.jsonl", folder / "batch.jsonl"
    base.write_bytes(b"".join(lines[:-batch]))
    new.write_bytes(b"".join(lines[-batch:]))
    return base, new


def copy(src: Path, dst: Path) -> None:
    """A consistent copy of a WAL store (sqlite's backup API)."""
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)


def run(paths: list[str], db: Path, workers: int, label: str) -> None:
    with Store(db) as store:
        before = store.scalar("SELECT count(*) FROM documents")
        s = ingest(paths, store, workers=workers)
    n = max(s.new, 1)
    t = s.timings
    print(f"{label:34} {before:6} docs before, {s.new:5} new: total {1000 * s.seconds / n:6.2f} ms/article"
          f" = analyse (wait) {1000 * t['analyse'] / n:5.2f} + store {1000 * t['store'] / n:5.2f}"
          f" + resolve {1000 * t['resolve'] / n:5.2f} (CPU {1000 * t['resolve_cpu'] / n:5.2f})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--base", type=Path, default=Path(tempfile.gettempdir()) / "biennien-bench-base.db")
    ap.add_argument("--workers", type=int, default=cores())
    args = ap.parse_args()
    print(f"{cores()} cores, {args.workers} workers; load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="biennien-bench-inc-") as tmp:
        tmp = Path(tmp)
        base, new = split(args.input, args.batch, tmp)
        if not args.base.exists():
            run([str(base)], args.base, args.workers, "building the large store")
        copy(args.base, tmp / "large.db")
        run([str(new)], tmp / "large.db", args.workers, f"{args.batch} new into the large store")
        run([str(new)], tmp / "empty.db", args.workers, f"{args.batch} new into an empty store")
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
