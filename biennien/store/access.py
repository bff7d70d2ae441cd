"""Opening the store's files: read-only where they cannot be written, and one line naming why a
file cannot be used (the path, then the cause the user can act on, never SQLite's guess alone)."""
from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from urllib.parse import quote


class StoreError(RuntimeError):
    pass


class Missing(StoreError):
    """No file at the store's path (a read needs one; a write makes it)."""


class DiskFull(StoreError):
    """The store's file system filled up: the transaction under way was rolled back, what was
    committed stays, and the same ingest run again resumes where it stopped."""


LOW_SPACE = 1 << 20  # an I/O error with less free than this is taken for a full disk


def connect_read(path: str) -> sqlite3.Connection:
    """A read-only connection. SQLite reads a WAL store through the index beside it (-shm), which
    it makes when missing: on read-only media or in a folder the user cannot write it cannot
    (SQLITE_READONLY_DIRECTORY), though a -shm already there is read as it is. A store whose WAL
    holds nothing (its writers closed, which checkpoints) is then opened immutable, as the file it
    is: no writer can be at work, for a writer keeps a -wal. One started later is not seen by
    this connection. Changes in the WAL without an index cannot be read safely: the error says so."""
    where = Path(path)
    _readable(where)
    uri = f"file:{quote(str(where.resolve()))}"
    db = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False, timeout=30)
    try:
        db.execute("SELECT count(*) FROM sqlite_schema").fetchone()  # the first read opens the WAL
        return db
    except sqlite3.OperationalError as exc:
        db.close()
        if not exc.sqlite_errorname.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")):
            raise
    wal = Path(f"{where}-wal")
    if wal.exists() and wal.stat().st_size:
        raise StoreError(f"{path}: cannot read: its write-ahead log {wal.name} holds changes not yet in the store, "
                         f"and SQLite cannot make {where.name}-shm beside it ({_unwritable(where.parent)}): "
                         "open it once as a user who can write there")
    return sqlite3.connect(f"{uri}?immutable=1", uri=True, check_same_thread=False)


def _readable(path: Path) -> None:
    """A missing or unreadable file named as such, not as "unable to open database file"."""
    try:
        with open(path, "rb"):
            pass
    except FileNotFoundError:
        raise Missing(f"{path}: no such knowledge base") from None
    except IsADirectoryError:
        raise StoreError(f"{path}: a folder, not a knowledge base file") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc.strerror}") from None


def _unwritable(folder: Path) -> str:
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return f"{folder} is on a read-only file system"
    except OSError:
        pass
    return f"{folder} is not writable"


def cause(path: str, exc: sqlite3.Error, writing: bool) -> StoreError:
    """The one-line error for a SQLite failure on the store at `path`."""
    name = getattr(exc, "sqlite_errorname", "")
    where = Path(path)
    free = _free(where.parent)
    if name == "SQLITE_FULL" or (name.startswith("SQLITE_IOERR") and free is not None and free < LOW_SPACE):
        left = f", {_size(free)} free there" if free is not None else ""
        return DiskFull(f"{path}: disk full ({exc}{left}): what was stored is kept; make room and run the same "
                        "ingest again to go on")
    if name == "SQLITE_NOTADB":
        return StoreError(f"{path}: not a biennien knowledge base ({exc})")
    if name.startswith("SQLITE_READONLY") or name.startswith("SQLITE_CANTOPEN"):
        if name == "SQLITE_READONLY_DIRECTORY" or not os.access(where.parent, os.W_OK):
            return StoreError(f"{path}: cannot {'write' if writing else 'read'}: {_unwritable(where.parent)}")
        if where.exists() and not os.access(where, os.W_OK if writing else os.R_OK):
            reason = "read-only" if writing else os.strerror(errno.EACCES)
            return StoreError(f"{path}: cannot {'write' if writing else 'read'}: {reason}")
    return StoreError(f"{path}: {exc}")


def _free(folder: Path) -> int | None:
    """Bytes an unprivileged writer may still use in `folder`'s file system, None if unknown."""
    try:
        st = os.statvfs(folder)
    except (OSError, AttributeError):
        return None
    return st.f_bavail * st.f_frsize


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    return f"{n / 1024:.0f} KiB" if n < 1 << 20 else f"{n / (1 << 20):.1f} MiB"
