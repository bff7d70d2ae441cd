"""The Dask path with 1 and 2 workers on the same input: time of each phase, the speed-up of the
per-article (map) phase and end to end, and whether the stores export the same files as local runs.

    python bench/cluster.py [--input FILE] [--limit N] [--workers 1,2] [--local 1,2] [--reference DB]

`--local` also ingests with the local pool of so many workers (1: in process), timed the same way;
every store's contract export is compared byte for byte with the first local run's (and, where the
bytes differ, as sorted lines). `--reference` compares with a store already ingested from the same
input by the same code (e.g. the one `bench/ingest.py --keep` left) instead of a local run of 1.
Keep `if __name__ == "__main__"`: Dask's workers start by importing this file.
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


def exported(db: Path, out: Path) -> dict[str, bytes]:
    with Store(db, readonly=True) as store:
        export_contract(store, out)
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def _lines(data: bytes) -> list[bytes]:
    return sorted(data.splitlines())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--workers", default="1,2", help="comma-separated Dask worker counts")
    ap.add_argument("--local", default="1", help="comma-separated local pool worker counts (1: in process)")
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
        for n in [int(w) for w in args.local.split(",") if w] if args.reference is None else []:
            db = tmp / f"local{n}.db"
            t0 = time.perf_counter()
            with Store(db) as store:
                s = ingest([str(path)], store, workers=n)
            wall = time.perf_counter() - t0
            print(f"local, {n} worker(s): {s.line()}; store {s.timings.get('store', 0):.1f} s,"
                  f" resolve {s.timings.get('resolve', 0):.1f} s, wall {wall:.1f} s")
            exports[f"local{n}"], walls[f"local{n}"] = exported(db, tmp / f"out-local{n}"), wall
        if args.reference is not None:
            exports["reference"] = exported(args.reference, tmp / "out-reference")
        counts = sorted(maps)
        if len(counts) > 1:
            print(f"speed-up dask {counts[-1]} vs {counts[0]} worker(s): map {maps[counts[0]] / maps[counts[-1]]:.2f}×,"
                  f" end to end {walls[counts[0]] / walls[counts[-1]]:.2f}×")
        local = sorted(k for k in walls if isinstance(k, str))
        if len(local) > 1:
            print(f"speed-up {local[-1]} vs {local[0]}: end to end {walls[local[0]] / walls[local[-1]]:.2f}×")
        name0 = "reference" if "reference" in exports else next((k for k in exports if k.startswith("local")),
                                                                 next(iter(exports)))
        first = exports[name0]
        for name, files in exports.items():
            if name == name0:
                continue
            diff = [f for f in sorted(set(first) | set(files)) if files.get(f) != first.get(f)]
            lines = [f for f in diff if _lines(files.get(f, b"")) != _lines(first.get(f, b""))]
            print(f"export of {name} {'is byte-identical to' if not diff else 'DIFFERS from'} {name0}'s"
                  + (f": {', '.join(diff)} ({'the same sorted lines' if not lines else 'other lines: ' + ', '.join(lines)})"
                     if diff else ""))


if __name__ == "__main__":
    main()
