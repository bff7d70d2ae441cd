"""Crash safety and concurrent use of the store, with real processes.

An ingest killed with SIGKILL at random points (the whole process group: the writer and its
workers, as the OOM killer or a power cut would) and then run again leaves a store that opens,
passes `PRAGMA integrity_check`, and holds every article exactly once, fully resolved: the same
documents and rows as an ingest that was never interrupted. Readers (a read-only `Store`, the
`biennien stats` command) keep answering while an ingest writes (WAL).
"""
from __future__ import annotations

import gzip
import itertools
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from biennien import query
from biennien.store import Store
from biennien.store.schema import VERSION

from .conftest import ROOT, SHARED

VIETNEWS = SHARED / "corpus" / "vietnews" / "vietnews-test.jsonl.gz"
TABLES = ("documents", "zones", "sentences", "mentions", "time_exprs", "event_mentions", "role_observations")
KILLS = 6


def _corpus(path: Path, n: int, skip: int = 0) -> Path:
    with gzip.open(VIETNEWS, "rt", encoding="utf-8") as f:
        path.write_text("".join(itertools.islice(f, skip, skip + n)), encoding="utf-8")
    return path


def _start(feed: Path, db: Path) -> subprocess.Popen:
    """`biennien ingest` in its own process group (so that one signal reaches its workers too), in
    store batches of 32 and rounds of 64 documents (a round is one transaction: with the default
    2,000 these few hundred articles would be committed at once)."""
    settings = feed.parent / "small_rounds.toml"
    settings.write_text("[ingest]\nbatch = 32\nresolve_every = 64\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
           "BIENNIEN_SETTINGS": str(settings)}
    return subprocess.Popen([sys.executable, "-m", "biennien.cli", "ingest", str(feed), "--db", str(db), "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)


def _kill(proc: subprocess.Popen) -> bool:
    """SIGKILL to the whole group; True if it was still running."""
    alive = proc.poll() is None
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=30)
    return alive


def _check(db: Path) -> dict[str, int]:
    """Opens, passes the integrity and foreign key checks, no orphans; row counts per table."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        if con.execute("PRAGMA user_version").fetchone()[0] < VERSION:
            return {}  # killed before the schema was made: nothing stored yet
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        for table in TABLES[1:]:
            orphans = con.execute(f"SELECT count(*) FROM {table} WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
            assert orphans.fetchone()[0] == 0, table
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        counts["unresolved"] = con.execute("SELECT count(*) FROM documents WHERE resolved = 0").fetchone()[0]
        counts["mentions without actor"] = con.execute(
            "SELECT count(*) FROM mentions m JOIN documents d USING (doc_id) WHERE d.resolved = 1 AND m.actor_id IS NULL"
        ).fetchone()[0]
        counts["event mentions without event"] = con.execute(  # negated ones and lone fragments stay mentions
            "SELECT count(*) FROM event_mentions m JOIN documents d USING (doc_id)"
            " WHERE d.resolved = 1 AND m.event_id IS NULL AND NOT m.negated").fetchone()[0]
        counts["events without mentions"] = con.execute(
            "SELECT count(*) FROM events WHERE event_id NOT IN"
            " (SELECT event_id FROM event_mentions WHERE event_id IS NOT NULL)").fetchone()[0]
        return counts
    finally:
        con.close()


def _state(db: Path) -> tuple[int, int]:
    """(documents, resolved documents), (0, 0) before there is a store."""
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return tuple(con.execute("SELECT count(*), coalesce(sum(resolved), 0) FROM documents").fetchone())
        finally:
            con.close()
    except sqlite3.Error:
        return (0, 0)


def _doc_ids(db: Path) -> set[str]:
    con = sqlite3.connect(db)
    try:
        return {r[0] for r in con.execute("SELECT doc_id FROM documents")}
    finally:
        con.close()


@pytest.mark.needs_shared
def test_killed_ingest_then_rerun_stores_everything_once(tmp_path):
    started = time.perf_counter()
    feed = _corpus(tmp_path / "news.jsonl", 300)
    reference = tmp_path / "reference.db"
    t0 = time.perf_counter()
    proc = _start(feed, reference)
    out, err = proc.communicate(timeout=60)
    full = time.perf_counter() - t0
    assert proc.returncode == 0, err
    expected = _check(reference)
    assert expected["documents"] > 250 and expected["unresolved"] == 0

    db = tmp_path / "kb.db"
    rng = random.Random(7)
    kills, runs, stored_after_kill = 0, 0, []
    # Where to kill: at a random moment of the run (start-up, analysis), or a random moment just
    # after the store changed (a round committed, the next being written or resolved),
    # until KILLS runs were killed while running.
    while kills < KILLS and runs < 2 * KILLS:
        before = _state(db)
        when = "change" if runs % 2 == 0 and before != (expected["documents"],) * 2 else "any"
        proc = _start(feed, db)
        runs += 1
        if when == "any":
            time.sleep(full * rng.uniform(0.2, 0.9))
        else:
            while proc.poll() is None and _state(db) == before:
                time.sleep(0.005)
            time.sleep(rng.uniform(0.0, 0.06))
        kills += _kill(proc)
        counts = _check(db)  # every kill leaves a store that opens and is whole
        if counts:
            with Store(db, readonly=True) as store:
                assert query.stats(store)["documents"] == counts["documents"]
        stored_after_kill.append((counts.get("documents", 0), counts.get("documents", 0) - counts.get("unresolved", 0)))
    assert stored_after_kill == sorted(stored_after_kill)  # what was committed stays committed
    proc = _start(feed, db)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err

    found = _check(db)
    assert found == expected, (found, expected)
    assert _doc_ids(db) == _doc_ids(reference)
    assert found["unresolved"] == found["mentions without actor"] == 0
    # a meeting with one side named that joins no event stays a mention (resolve/events.founds), as in
    # the run never killed (found == expected): no other event mention is left without its event
    assert found["event mentions without event"] == expected["event mentions without event"]
    with Store(db) as store:  # and the writer opens it again
        assert query.stats(store)["documents"] == expected["documents"]
    print(f"\ncrash test: {runs + 2} runs, {kills} killed while running, (documents, resolved) after each kill "
          f"{stored_after_kill}, expected {expected['documents']} found {found['documents']}, "
          f"{time.perf_counter() - started:.1f} s")
    assert kills == KILLS


@pytest.mark.needs_shared
def test_readers_answer_while_an_ingest_writes(tmp_path):
    feed = _corpus(tmp_path / "news.jsonl", 1200, skip=300)
    db = tmp_path / "kb.db"
    writer = _start(feed, db)
    deadline = time.monotonic() + 60
    while not _ready(db):
        assert writer.poll() is None and time.monotonic() < deadline, "the ingest never made its store"
        time.sleep(0.02)
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    cli_counts, store_counts = [], []
    with Store(db, readonly=True) as store:
        while writer.poll() is None:
            assert time.monotonic() < deadline, "the ingest took over a minute"
            cli = subprocess.run([sys.executable, "-m", "biennien.cli", "stats", "--db", str(db), "--json"],
                                 capture_output=True, text=True, env=env, timeout=30)
            assert cli.returncode == 0, cli.stderr
            cli_counts.append(json.loads(cli.stdout)["documents"])
            for _ in range(5):
                store_counts.append(store.scalar("SELECT count(*) FROM documents"))
                assert query.stats(store)["documents"] >= store_counts[-1]
                time.sleep(0.01)
        assert writer.returncode == 0, writer.stderr.read()
        final = store.scalar("SELECT count(*) FROM documents")
    print(f"\nreaders: {len(cli_counts)} CLI stats answers {sorted(set(cli_counts))}, {len(store_counts)} read-only "
          f"Store answers from {store_counts[0]} to {store_counts[-1]}, {final} documents in the end")
    assert store_counts == sorted(store_counts) and cli_counts == sorted(cli_counts)
    assert any(0 < n < final for n in store_counts + cli_counts), (store_counts, cli_counts, final)
    assert len(cli_counts) >= 2 and final > 1000


def _ready(db: Path) -> bool:
    if not db.exists():
        return False
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("PRAGMA user_version").fetchone()[0] == VERSION
        finally:
            con.close()
    except sqlite3.Error:
        return False


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    """Alive and not a zombie (an orphan's zombie waits for whoever reaps orphans here)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the workers through Linux /proc")
def test_workers_die_with_the_killed_main_process(tmp_path):
    """SIGKILL to the writer alone (not its process group): its pool workers, blocked on the task
    queue or busy with a batch, exit too instead of holding the store open for ever."""
    from .made_up_news import feed

    news = feed(tmp_path / "news.jsonl", 6000)
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen([sys.executable, "-m", "biennien.cli", "ingest", str(news), "--db", str(tmp_path / "kb.db"),
                             "-q", "-w", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            start_new_session=True)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
            workers = _children(proc.pid)
            time.sleep(0.02)
        assert len(workers) == 2, (workers, proc.poll())
        time.sleep(0.5)  # the workers busy with batches
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 10  # a bound on a hang, not a speed: they go within a second or two
        while any(map(_running, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in workers if _running(pid)], "workers outlived their main process"
    finally:
        for pid in workers:
            if _running(pid):
                os.kill(pid, signal.SIGKILL)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the worker through Linux /proc")
def test_the_portable_watch_ends_a_worker_without_prctl(tmp_path):
    """Where PR_SET_PDEATHSIG is not used (not Linux, or a pool made off the main thread), the
    worker's watch thread sees that it was handed to another parent and exits."""
    script = (f"import multiprocessing, os, sys, time; sys.path.insert(0, {str(ROOT)!r})\n"
              "from biennien.scale import local\n"
              "def worker(writer):\n"
              "    local._die_with(writer, from_main_thread=False); time.sleep(120)\n"
              "if __name__ == '__main__':\n"
              "    p = multiprocessing.get_context('fork').Process(target=worker, args=(os.getpid(),)); p.start()\n"
              "    print(p.pid, flush=True); time.sleep(120)\n")
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, start_new_session=True)
    worker = int(proc.stdout.readline())
    try:
        time.sleep(0.3)
        assert _running(worker)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 10  # a bound on a hang: the watch looks every second
        while _running(worker) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _running(worker), "the worker outlived its parent"
    finally:
        if _running(worker):
            os.kill(worker, signal.SIGKILL)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)


class _Crash(BaseException):
    """A kill, in-process: nothing catches it, the open transaction rolls back."""


def _crashing(after: int):
    """A mapper that runs the stage here and dies after `after` batches of results."""
    from biennien.scale import local

    def mapper(items):
        for n, batch in enumerate(local.map_batches(items, 1)):
            if n == after:
                raise _Crash
            yield batch
    return mapper


@pytest.mark.parametrize("crash", ["store 5", "store 9", "store 5, store 12", "resolve 2", "store 4, resolve 3"])
def test_a_crash_and_a_rerun_build_the_store_an_uninterrupted_ingest_builds(tmp_path, monkeypatch, crash):
    """Ids included (actors, events, roles): a crash between store batches or in a round of the
    global step, then the same ingest again, makes the store one uninterrupted ingest makes."""
    from biennien import resolve, run

    from .made_up_news import feed
    from .test_run import _export

    monkeypatch.setattr(run, "BATCH", 32)          # store batches of 32 ...
    monkeypatch.setattr(run, "RESOLVE_EVERY", 100)  # ... and a round of the global step every 100 documents
    news = [str(feed(tmp_path / "news.jsonl", 400))]
    with Store(tmp_path / "reference.db") as store:
        run.ingest(news, store)
    db = tmp_path / "kb.db"
    real_events = resolve._events
    for step in crash.split(", "):
        where, n = step.split()
        rounds = itertools.count(1)

        def dying_events(*args, n=int(n)):
            if next(rounds) == n:
                raise _Crash
            return real_events(*args)

        monkeypatch.setattr(resolve, "_events", dying_events if where == "resolve" else real_events)
        with Store(db) as store, pytest.raises(_Crash):
            run.ingest(news, store, mapper=_crashing(int(n)) if where == "store" else None)
    monkeypatch.setattr(resolve, "_events", real_events)
    with Store(db) as store:
        run.ingest(news, store)
    assert _export(db, tmp_path / "out") == _export(tmp_path / "reference.db", tmp_path / "reference")
