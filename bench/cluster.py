"""The Dask path with 1 and 2 workers on the same input: time of each phase, the speed-up of the
per-article (map) phase, and whether the two stores export the same files as a local run.

    python bench/cluster.py [--input FILE] [--limit N] [--workers 1,2] [--reference DB]

`--reference` compares with a store already ingested from the same input by the same code (e.g.
the one `bench/ingest.py --keep` left); without it a local in-process run is made for the
comparison. Keep `if __name__ == "__main__"`: Dask's workers start by importing this file.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest import DEFAULT_INPUT, prepare  # noqa: E402  (bench/ingest.py)

from biennien.export import export_contract  # noqa: E402
from biennien.run import ingest  # noqa: E402
from biennien.scale import cluster  # noqa: E402
from biennien.scale.local import cores  # noqa: E402
from biennien.store import Store  # noqa: E402


def exported(db: Path, out: Path) -> dict[str, list[str]]:
    with Store(db, readonly=True) as store:
        export_contract(store, out)
    return {p.name: sorted(p.read_text(encoding="utf-8").splitlines()) for p in sorted(out.iterdir())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--workers", default="1,2", help="comma-separated Dask worker counts")
    ap.add_argument("--reference", type=Path, help="a store from a local run on the same input")
    args = ap.parse_args()
    print(f"{cores()} cores; load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="biennien-bench-dask-") as tmp:
        tmp = Path(tmp)
        path = prepare(args.input, args.limit, tmp)
        exports, maps, walls = {}, {}, {}
        for n in [int(w) for w in args.workers.split(",")]:
            db = tmp / f"dask{n}.db"
            t0 = time.perf_counter()
            with Store(db) as store:
                s = cluster.ingest([str(path)], store, "local", workers=n, parquet=tmp / f"parquet{n}")
            wall = time.perf_counter() - t0
            maps[n], walls[n] = s.timings["map"], wall
            articles = s.new + s.unchanged
            print(f"dask {n} worker(s): {s.line()}; map (analyse, write Parquet) {s.timings['map']:.1f} s"
                  f" = {articles / s.timings['map']:.0f} articles/s,"
                  f" load {s.timings['load'] + s.timings['store']:.1f} s,"
                  f" resolve {s.timings['resolve']:.1f} s, wall {wall:.1f} s; the workers had"
                  f" {100 * s.timings['map_cpu'] / (n * s.timings['map']):.0f} % of {n} core(s) during the map"
                  f" (map, load and resolve overlap: the writer stores each partition as it comes)")
            exports[f"dask{n}"] = exported(db, tmp / f"out{n}")
        reference = args.reference
        if reference is None:
            reference = tmp / "local.db"
            with Store(reference) as store:
                s = ingest([str(path)], store, workers=1)
            print(f"local, 1 process: {s.line()}")
        exports["local"] = exported(reference, tmp / "out-local")
        counts = sorted(maps)
        if len(counts) > 1:
            print(f"speed-up {counts[-1]} vs {counts[0]} worker(s): map {maps[counts[0]] / maps[counts[-1]]:.2f}×,"
                  f" end to end {walls[counts[0]] / walls[counts[-1]]:.2f}×")
        first = exports["local"]
        for name, files in exports.items():
            same = files == first
            diff = [f for f in first if files.get(f) != first[f]]
            print(f"export of {name} {'equals' if same else 'DIFFERS from'} the local run's (sorted lines)"
                  + (f": {', '.join(diff)}" if diff else ""))


if __name__ == "__main__":
    main()
