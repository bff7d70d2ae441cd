"""The writer's cost per round of the global step, as the store grows (issue 17):

    python bench/rounds.py [--input FILE] [--limit 12000] [--workers N] [--keep DB] [--save RUN.json]
                           [--before RUN.json]

Ingests the first `--limit` articles into a fresh store (`run.ingest`, as `biennien ingest` does)
and prints, per round of `ingest.resolve_every` documents, the writer thread's CPU ms per document
spent resolving it, and the seconds of the statements that grew with the store (store/resolution.py
functions, timed where resolve/ calls them). A cost that does not grow with the store stays flat
from round to round. `--before` prints a saved run's per-document column beside this one's.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest import DEFAULT_INPUT, prepare  # noqa: E402  (bench/ingest.py)

from biennien import resolve  # noqa: E402
from biennien.resolve import reports  # noqa: E402
from biennien import run  # noqa: E402
from biennien.run import ingest  # noqa: E402
from biennien.scale.local import cores  # noqa: E402
from biennien.store import Store  # noqa: E402
from biennien.store import resolution as io  # noqa: E402

TIMED = ("add_mentions", "assign_mentions", "assign_observations", "observations_for_actors", "replace_roles",
         "update_roles", "person_candidates", "events_sharing", "events_naming_both", "refresh_actors",
         "add_aliases", "add_new_aliases", "persons_ending", "actors_by_key")


def instrument(rounds: list[dict]) -> None:
    """Wrap resolve_round and the store functions it calls: each round's CPU and statement times."""
    current: dict[str, float] = defaultdict(float)

    def timed(name, fn):
        def wrapper(*a, **k):
            t0 = time.thread_time()
            try:
                return fn(*a, **k)
            finally:
                current[name] += time.thread_time() - t0
        return wrapper

    for name in TIMED:
        if hasattr(io, name):
            setattr(io, name, timed(name, getattr(io, name)))
    original = resolve.resolve_round

    def round_(store, doc_ids, held=()):
        current.clear()
        t0 = time.thread_time()
        original(store, doc_ids, held)
        cpu = time.thread_time() - t0
        rounds.append({"docs": len(doc_ids), "cpu": cpu, "commit": 0.0, **current})

    resolve.resolve_round = round_
    resolve_and_commit = run._Round.resolve

    def committed(self):
        n = len(rounds)
        t0 = time.thread_time()
        resolve_and_commit(self)
        if len(rounds) > n:   # the commit of the round's transaction, timed apart
            rounds[-1]["commit"] = time.thread_time() - t0 - rounds[-1]["cpu"]

    run._Round.resolve = committed
    assert reports.io is io


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--limit", type=int, default=12000)
    ap.add_argument("--workers", type=int, default=cores())
    ap.add_argument("--keep", type=Path, help="keep the store here")
    ap.add_argument("--save", type=Path, help="write the per-round numbers here (JSON)")
    ap.add_argument("--before", type=Path, help="a run saved with --save: its ms/doc beside this one's")
    args = ap.parse_args()
    print(f"{cores()} cores, {args.workers} workers; load average {os.getloadavg()[0]:.2f}", file=sys.stderr)
    rounds: list[dict] = []
    instrument(rounds)
    with tempfile.TemporaryDirectory(prefix="biennien-bench-rounds-") as tmp:
        path = prepare(args.input, args.limit, Path(tmp))
        db = args.keep or Path(tmp) / "store.db"
        with Store(db) as store:
            ingest([str(path)], store, workers=args.workers)
    before = json.loads(args.before.read_text()) if args.before else []
    names = [n for n in TIMED if any(r.get(n, 0) > 0.005 for r in rounds)]
    print("round  docs  ms/doc" + ("  before" if before else "") + "  commit "
          + " ".join(f"{n[:14]:>14}" for n in names))
    for i, r in enumerate(rounds):
        old = f"  {1000 * before[i]['cpu'] / before[i]['docs']:6.2f}" if i < len(before) else ("  " + " " * 6 if before else "")
        print(f"{i + 1:5} {r['docs']:5} {1000 * r['cpu'] / r['docs']:7.2f}{old} {r['commit']:7.2f} "
              + " ".join(f"{r.get(n, 0):14.3f}" for n in names))
    print(f"load average {os.getloadavg()[0]:.2f}", file=sys.stderr)
    if args.save:
        args.save.write_text(json.dumps(rounds))


if __name__ == "__main__":
    main()
