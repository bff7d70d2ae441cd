"""The store's files where they cannot be written: a folder the user cannot write, read-only
media. Every read command answers there (SQLite needs its -shm beside a WAL store unless the
store is opened immutable); where it truly cannot read, one line names the cause.

Tests run as root, which writes anywhere: the child processes drop to `nobody` after importing
everything they need (this interpreter may live where nobody cannot look), as in
tests/test_bad_inputs.py."""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from biennien.run import ingest
from biennien.store import Store

from .made_up_news import feed

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "biennien" / "samples"
READS = [["stats"], ["who", "Tổng Bí thư", "--country", "VNM", "--on", "2024-09-01"], ["actor", "Tô Lâm"],
         ["events"], ["timeline", "Tô Lâm"], ["search", "Lào"]]
needs_root = pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0,
                                reason="drops to nobody, which needs root")


@pytest.fixture
def work():
    """A folder nobody can look into (mkdtemp makes it private), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="biennien-ro-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir():
                path.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


def _build(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    db = folder / "kb.db"
    with Store(db) as store:
        assert ingest([str(SAMPLES)], store).new == 4
    assert not Path(f"{db}-wal").exists()  # closing the last connection checkpointed the WAL
    return db


def _lock(folder: Path) -> None:
    for path in folder.iterdir():
        path.chmod(0o444)
    folder.chmod(0o555)


def _as_nobody(db: Path, out: Path, commands: list[list[str]]) -> list[dict]:
    """Each command's exit status and output, run through the CLI as nobody; `serve` is the app
    `biennien serve` would hand to uvicorn, asked for /api/stats and the home page."""
    warm = out / "warm"
    warm.mkdir()
    shutil.copy(db, warm / "kb.db")
    script = textwrap.dedent(f"""
        import json, os, sys
        sys.path.insert(0, {str(ROOT)!r})
        import uvicorn
        from fastapi.testclient import TestClient
        from click.testing import CliRunner
        import biennien.cli, biennien.export
        runner, served = CliRunner(), []
        uvicorn.run = lambda app, **kw: served.append(app)

        def run(db, args):
            result = runner.invoke(biennien.cli.app, [*args, "--db", db])
            answer = {{"args": args, "status": result.exit_code, "output": result.output}}
            if args == ["serve"] and served:
                with TestClient(served.pop()) as client:
                    answer["api"] = client.get("/api/stats").json()
                    answer["home"] = client.get("/").status_code
            return answer

        commands = {commands!r}
        for args in commands:  # as root on a copy first: every lazy import done while it can be
            run({str(warm / 'kb.db')!r}, [{str(warm)!r} if b == "--out" else a for a, b in zip(args, ["", *args])])
        os.setgid(65534); os.setuid(65534)
        print(json.dumps([run({str(db)!r}, args) for args in commands]))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def _every_read(out: Path) -> list[list[str]]:
    export = out / "export"
    export.mkdir()
    export.chmod(0o777)
    return [*READS, ["export", "--out", str(export)], ["serve"]]


@needs_root
def test_every_read_command_in_a_folder_nobody_can_write(work):
    db = _build(work / "kb")
    _lock(work / "kb")
    answers = _as_nobody(db, work, _every_read(work))
    for answer in answers:
        assert answer["status"] == 0, answer
    stats, who = answers[0]["output"], answers[1]["output"]
    assert "documents: 4" in stats and who.startswith("→ Tô Lâm")
    assert "written to" in answers[6]["output"]
    assert answers[7]["api"]["documents"] == 4 and answers[7]["home"] == 200
    assert sorted(p.name for p in (work / "kb").iterdir()) == ["kb.db"]  # nothing written beside it


@needs_root
def test_writing_in_a_folder_nobody_can_write_names_the_cause(work):
    db = _build(work / "kb")
    _lock(work / "kb")
    ingest, export = _as_nobody(db, work, [["ingest", str(SAMPLES), "-w", "1"], ["export", "--out", str(work / "kb")]])
    assert ingest["status"] == 2 and ingest["output"] == f"error: {db}: cannot write: {db.parent} is not writable\n"
    assert export["status"] == 2
    assert export["output"] == f"error: {work / 'kb' / 'documents.jsonl'}: cannot write: Permission denied\n"


@needs_root
def test_a_wal_with_its_index_is_read_in_a_folder_nobody_can_write(work):
    """A store left with its -wal and -shm (a writer killed, or still running as its owner): the
    changes in the WAL are read through the read-only index."""
    db = _build(work / "kb")
    _leave_wal(db, "INSERT INTO documents (doc_id, source, text, ingested_at) VALUES ('ffffffffffffffff', 'x', 'y', 'z')")
    _lock(work / "kb")
    (answer,) = _as_nobody(db, work, [["stats", "--json"]])
    assert answer["status"] == 0 and json.loads(answer["output"])["documents"] == 5


@needs_root
def test_a_wal_without_its_index_names_the_cause(work):
    """The WAL holds changes, its index is gone and the folder is not writable: SQLite cannot
    rebuild the index, and reading the file without the WAL would show an older, maybe torn store."""
    db = _build(work / "kb")
    _leave_wal(db, "DELETE FROM event_actors")
    Path(f"{db}-shm").unlink()
    _lock(work / "kb")
    (answer,) = _as_nobody(db, work, [["stats"]])
    assert answer["status"] == 2
    assert answer["output"] == (f"error: {db}: cannot read: its write-ahead log kb.db-wal holds changes not yet in "
                                f"the store, and SQLite cannot make kb.db-shm beside it ({db.parent} is not writable"
                                "): open it once as a user who can write there\n")


@needs_root
def test_an_unreadable_store_names_the_cause(work):
    db = _build(work / "kb")
    db.chmod(0o000)
    (answer,) = _as_nobody(db, work, [["stats"]])
    assert answer["status"] == 2 and answer["output"] == f"error: {db}: cannot read: Permission denied\n"


def _leave_wal(db: Path, sql: str) -> None:
    """A writer that dies after a commit, before any checkpoint: -wal and -shm stay."""
    script = (f"import os, sqlite3; c = sqlite3.connect({str(db)!r}); c.execute('PRAGMA wal_autocheckpoint = 0');"
              f" c.execute({sql!r}); c.commit(); os._exit(0)")
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    assert Path(f"{db}-wal").stat().st_size > 0 and Path(f"{db}-shm").exists()


@contextlib.contextmanager
def tmpfs(mount: Path, size: str):
    """A tmpfs of `size` at `mount` for the block (skipped where this process may not mount one)."""
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here (needs root in a privileged container)")
    try:
        yield mount
    finally:
        if subprocess.run(["umount", str(mount)], capture_output=True).returncode:
            subprocess.run(["umount", "-l", str(mount)], check=False)  # still busy: detach it


@pytest.fixture
def read_only_mount(work):
    """A read-only file system (made read-only by the test that uses it)."""
    with tmpfs(work / "media", "8m") as mount:
        yield mount


def test_every_read_command_on_read_only_media(work, read_only_mount):
    """Root on a read-only file system: even root cannot make the -shm."""
    db = _build(work / "kb")
    shutil.copy(db, read_only_mount / "kb.db")
    subprocess.run(["mount", "-o", "remount,ro", str(read_only_mount)], check=True)
    db = read_only_mount / "kb.db"
    with pytest.raises(sqlite3.OperationalError):  # SQLite alone cannot read it
        sqlite3.connect(f"file:{db}?mode=ro", uri=True).execute("SELECT count(*) FROM documents").fetchone()
    from click.testing import CliRunner

    from biennien.cli import app
    for args in _every_read(work)[:-1]:
        result = CliRunner().invoke(app, [*args, "--db", str(db)])
        assert result.exit_code == 0, (args, result.output)
    from fastapi.testclient import TestClient

    from biennien.http import create_app
    with TestClient(create_app(db)) as client:
        assert client.get("/api/stats").json()["documents"] == 4 and client.get("/").status_code == 200
    assert sorted(p.name for p in read_only_mount.iterdir()) == ["kb.db"]


# --- a full disk ------------------------------------------------------------------------------

def _whole(db: Path) -> tuple[int, int]:
    """Passes the integrity and foreign key checks; (documents, resolved documents)."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        return con.execute("SELECT count(*), coalesce(sum(resolved), 0) FROM documents").fetchone()
    finally:
        con.close()


def _documents(db: Path) -> set[tuple]:
    with Store(db, readonly=True) as store:
        return {tuple(r.values()) for r in store.rows("SELECT doc_id, source, title, text, published FROM documents")}


def test_disk_full_while_writing_keeps_what_was_committed(tmp_path, monkeypatch):
    """SQLite's own SQLITE_FULL (the store may grow by a few pages only): the round under way (one
    transaction) is rolled back, the committed ones stay, and the same ingest run again stores the rest."""
    from biennien import run
    from biennien.store import DiskFull

    monkeypatch.setattr(run, "BATCH", 32)
    monkeypatch.setattr(run, "RESOLVE_EVERY", 48)
    news = feed(tmp_path / "news.jsonl", 200)
    with Store(tmp_path / "reference.db") as store:
        ingest([str(news)], store)
    db = tmp_path / "kb.db"
    with Store(db) as store:
        pages = store.scalar("PRAGMA page_count")
        store.db.execute(f"PRAGMA max_page_count = {pages + 200}")  # 800 KB more, then "full"
        with pytest.raises(DiskFull) as failure:
            ingest([str(news)], store, workers=2)
    assert str(failure.value).startswith(f"{db}: disk full (database or disk is full, ")
    assert str(failure.value).endswith("): what was stored is kept; make room and run the same ingest again to go on")
    stored, _ = _whole(db)
    assert 0 < stored < 200 and stored % 48 == 0  # whole rounds, none half-written
    with Store(db) as store:
        summary = ingest([str(news)], store)
    assert (summary.new, summary.unchanged, summary.failed) == (200 - stored, stored, 0)
    assert _whole(db) == (200, 200) and _documents(db) == _documents(tmp_path / "reference.db")


@pytest.fixture
def small_disk(work):
    """A 3 MiB file system."""
    with tmpfs(work / "disk", "3m") as mount:
        yield mount


def _cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""), **(env or {})}
    return subprocess.run([sys.executable, "-m", "biennien.cli", *args], capture_output=True, text=True, env=env,
                          timeout=300)


def test_disk_full_through_the_cli(work, small_disk):
    """A real full disk under `biennien ingest -w 2`: one line, its own exit status, a whole store,
    and the same command run again when there is room stores everything."""
    news = feed(work / "news.jsonl", 800)
    reference = work / "reference.db"
    assert _cli("ingest", str(news), "--db", str(reference), "-q", "-w", "2").returncode == 0
    db = small_disk / "kb.db"
    (work / "rounds.toml").write_text("[ingest]\nresolve_every = 100\n", encoding="utf-8")  # a round is a transaction
    rounds = {"BIENNIEN_SETTINGS": str(work / "rounds.toml")}
    full = _cli("ingest", str(news), "--db", str(db), "-q", "-w", "2", env=rounds)
    assert full.returncode == 3 and full.stdout == "", full.stderr
    assert full.stderr.startswith(f"error: {db}: disk full (database or disk is full, ") and \
        full.stderr.count("\n") == 1, full.stderr
    stored, _ = _whole(db)
    assert 0 < stored < 800 and stored % 100 == 0  # some rounds committed before the disk filled, whole
    subprocess.run(["mount", "-o", "remount,size=64m", str(small_disk)], check=True)
    again = _cli("ingest", str(news), "--db", str(db), "-q", "-w", "2", env=rounds)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith(f"{800 - stored} new, {stored} unchanged, 0 failed")
    assert _whole(db) == (800, 800) and _documents(db) == _documents(reference)
    assert "disk full" in _cli("ingest", "--help").stdout
