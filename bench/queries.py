"""Latency of the `who`, `actor` and `events` queries (what the CLI, the API and the web UI call) on
a store, and of the pages and API answers that show them (FastAPI's TestClient, in process).

    python bench/queries.py [--db /tmp/vietnews.db] [--n 200] [--seed 1] [--repeat 3] [--http]

The questions come from the store itself (drawn with `--seed`: the same store asks the same
questions): posts people hold (the most observed first, then a random draw) on random publication dates, and actors (the most mentioned — the worst case —
then a random draw), asked by their name and by their last word; events of the same actors, of
a type, and the newest of all. Each question is asked `--repeat` times and its median time kept
(the machine is shared); p50 and p95 are over the questions. `--http` adds the pages and the API
(`/who`, `/api/who`, `/actor/ID`, `/api/actor`, `/events`, `/api/events`), with their median and
largest response sizes. `--cpu` times CPU, not the wall clock, on a busy machine. Read-only, as the web server opens it. Big stores: bench/scale_store.py.
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
    posts = store.rows("SELECT title, country, count(*) AS n FROM roles GROUP BY title_key, country ORDER BY n DESC, title_key, country")
    published = [r[0] for r in store.db.execute("SELECT published FROM documents WHERE published IS NOT NULL"
                                                " ORDER BY doc_id")]
    dates = rng.sample(published, min(n, len(published))) or ["2020-01-01"]
    top = posts[: n // 2] + rng.sample(posts, min(len(posts), n - n // 2))
    who = [(p["title"], p["country"], rng.choice(dates)) for p in top] if top else []
    hot = [r["name"] for r in store.rows("SELECT a.name, count(*) AS n FROM mentions m JOIN actors a USING (actor_id)"
                                         " GROUP BY a.actor_id ORDER BY n DESC, a.actor_id LIMIT ?", (n // 4,))]
    persons = [r[0] for r in store.db.execute("SELECT name FROM actors WHERE kind = 'person' ORDER BY actor_id")]
    some = rng.sample(persons, min(n // 2, len(persons)))
    names = hot + some + [name.split()[-1] for name in hot[: n // 4]]
    return who, names


REPEAT = 3
CLOCK = time.perf_counter   # --cpu: time.process_time (this process's CPU: SQLite runs in it), for a busy machine


def _time(calls) -> tuple[list[float], int]:
    """Milliseconds per call (the median of REPEAT), and how many calls were a QueryError ("no
    such actor" is an answer too)."""
    out, refused = [], 0
    for call in calls:
        times = []
        for _ in range(REPEAT):
            t0 = CLOCK()
            try:
                call()
            except q.QueryError:
                refused += 1 if not times else 0
            times.append(1000 * (CLOCK() - t0))
        out.append(statistics.median(times))
    return out, refused


def _fetch(client, sizes: list[int], url: str, params: dict) -> None:
    r = client.get(url, params=params)
    if r.status_code not in (200, 404):
        raise SystemExit(f"{url} {params}: {r.status_code} {r.text[:200]}")
    sizes.append(len(r.content))


def _http(db: Path, who: list[tuple], names: list[str], types: list[str]) -> None:
    from fastapi.testclient import TestClient

    from biennien.http import create_app

    with TestClient(create_app(db)) as client:
        pages = {
            "/who": [("/who", {"title": t, "country": c or "", "on": on}) for t, c, on in who],
            "/who(post)": [("/who", {"title": t}) for t, _, _ in who],
            "/api/who": [("/api/who", {"title": t, "country": c or "", "on": on}) for t, c, on in who],
            "/actor": [("/actor", {"name": a}) for a in names],
            "/api/actor": [("/api/actor", {"name": a}) for a in names],
            "/events": [("/events", {"actor": a}) for a in names[: len(names) // 2]] + [("/events", {"type": t})
                                                                                         for t in types],
            "/api/events": [("/api/events", {"actor": a}) for a in names[: len(names) // 2]]
            + [("/api/events", {"type": t}) for t in types],
        }
        client.get("/who", params={"title": who[0][0]}) if who else None  # warm
        for name, asks in pages.items():
            sizes: list[int] = []
            timed = _time([lambda u=u, p=p: _fetch(client, sizes, u, p) for u, p in asks])
            size = f"  size p50 {statistics.median(sizes) / 1024:6.1f} KB max {max(sizes) / 1024:6.1f} KB" if sizes else ""
            print(_line(name, timed) + size)


def _line(name: str, timed: tuple[list[float], int]) -> str:
    ms, refused = timed
    if not ms:
        return f"{name:7} no questions (empty store?)"
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    return (f"{name:11} n={len(ms):4}  p50 {statistics.median(ms):7.2f} ms  p95 {p95:7.2f} ms  "
            f"max {ms[-1]:7.2f} ms  ({refused} answered with a QueryError)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, default=Path("/tmp/vietnews.db"))
    ap.add_argument("--n", type=int, default=200, help="questions of each kind")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3, help="times each question is asked (its median is kept)")
    ap.add_argument("--http", action="store_true", help="also the pages and the API")
    ap.add_argument("--cpu", action="store_true", help="CPU time of this process, not wall-clock time")
    args = ap.parse_args()
    global REPEAT, CLOCK
    REPEAT, CLOCK = args.repeat, (time.process_time if args.cpu else time.perf_counter)
    rng = random.Random(args.seed)
    with Store(args.db, readonly=True) as store:
        who, names = _questions(store, args.n, rng)
        print(f"{args.db}: " + ", ".join(f"{v} {k}" for k, v in q.stats(store).items() if isinstance(v, int)))
        _time([lambda: q.who(store, *who[0]), lambda: q.actor(store, names[0])] if who and names else [])  # warm
        print(_line("who", _time([lambda w=w: q.who(store, *w) for w in who])))
        print(_line("actor", _time([lambda a=a: q.actor(store, a, 20) for a in names])))
        types = [t for t in q.PLOVER_TYPES if t in q.stats(store)["events_by_type"]]
        print(_line("events", _time([lambda a=a: q.events(store, a, limit=50) for a in names[: len(names) // 2]]
                                    + [lambda t=t: q.events(store, type=t, limit=50) for t in types]
                                    + [lambda: q.events(store, limit=50)])))
        print(_line("events#", _time([lambda a=a: q.events_total(store, a) for a in names[: len(names) // 2]]
                                     + [lambda t=t: q.events_total(store, type=t) for t in types])))
    if args.http:
        _http(args.db, who, names, types)


if __name__ == "__main__":
    main()
