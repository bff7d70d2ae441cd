"""Latency of the `who` and `actor` queries (what the CLI, the API and the web UI call) on a store.

    python bench/queries.py [--db /tmp/vietnews.db] [--n 200] [--seed 1]

The questions come from the store itself: posts people hold (the most observed first, then a
random draw) on random publication dates, and actors (the most mentioned — the worst case —
then a random draw), asked by their name and by their last word. Read-only, as the web server opens it.
"""
from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from biennien import query as q
from biennien.store import Store


def _questions(store: Store, n: int, rng: random.Random) -> tuple[list[tuple], list[str]]:
    posts = store.rows("SELECT title, country, count(*) AS n FROM roles GROUP BY title_key, country ORDER BY n DESC")
    dates = [r["published"] for r in store.rows("SELECT published FROM documents WHERE published IS NOT NULL"
                                                " ORDER BY random() LIMIT ?", (n,))] or ["2020-01-01"]
    top = posts[: n // 2] + rng.sample(posts, min(len(posts), n - n // 2))
    who = [(p["title"], p["country"], rng.choice(dates)) for p in top] if top else []
    hot = [r["name"] for r in store.rows("SELECT a.name, count(*) AS n FROM mentions m JOIN actors a USING (actor_id)"
                                         " GROUP BY a.actor_id ORDER BY n DESC LIMIT ?", (n // 4,))]
    some = [r["name"] for r in store.rows("SELECT name FROM actors WHERE kind = 'person' ORDER BY random() LIMIT ?",
                                          (n // 2,))]
    names = hot + some + [name.split()[-1] for name in hot[: n // 4]]
    return who, names


def _time(calls) -> tuple[list[float], int]:
    """Milliseconds per call, and how many calls were a QueryError ("no such actor" is an answer too)."""
    out, refused = [], 0
    for call in calls:
        t0 = time.perf_counter()
        try:
            call()
        except q.QueryError:
            refused += 1
        out.append(1000 * (time.perf_counter() - t0))
    return out, refused


def _line(name: str, timed: tuple[list[float], int]) -> str:
    ms, refused = timed
    if not ms:
        return f"{name:7} no questions (empty store?)"
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    return (f"{name:7} n={len(ms):4}  p50 {statistics.median(ms):7.2f} ms  p95 {p95:7.2f} ms  "
            f"max {ms[-1]:7.2f} ms  ({refused} answered with a QueryError)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, default=Path("/tmp/vietnews.db"))
    ap.add_argument("--n", type=int, default=200, help="questions of each kind")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with Store(args.db, readonly=True) as store:
        who, names = _questions(store, args.n, rng)
        print(f"{args.db}: " + ", ".join(f"{v} {k}" for k, v in q.stats(store).items() if isinstance(v, int)))
        _time([lambda: q.who(store, *who[0]), lambda: q.actor(store, names[0])] if who and names else [])  # warm
        print(_line("who", _time([lambda w=w: q.who(store, *w) for w in who])))
        print(_line("actor", _time([lambda a=a: q.actor(store, a, 20) for a in names])))


if __name__ == "__main__":
    main()
