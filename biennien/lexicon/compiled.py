"""Big regexes compiled once per machine, not once per process.

The one scan of lexicon/names.py is a 1.2 MB alternation: `re` parses and assembles it in ~3 s of
CPU, in every process that analyses a text (each ingest, each CLI call, each eval set). What `re`
compiles it to (the `_sre` program: a list of integers, the group names) depends only on the
pattern, its flags and the Python that compiled it, so it is kept in the user's cache directory
(settings `caches.compiled_dir`; default `$XDG_CACHE_HOME/biennien` or `~/.cache/biennien`),
one marshal file per pattern named by the sha256 of (Python, `_sre` magic, flags, pattern), and
handed to `_sre.compile` as `re` itself would (re/_compiler.py `compile`); `_sre` checks the
program it is given. Nothing is ever downloaded; a missing, unreadable or unwritable cache only
means compiling as usual. The Pattern made is equal (`==`) to `re.compile`'s.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
from pathlib import Path

import _sre
from re import _compiler, _parser

from .. import settings

MIN_CHARS = 50_000   # smaller patterns compile in a few ms: not worth a file
TAG = f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}".encode()


def cache_dir() -> Path:
    where = settings.get("caches", "compiled_dir")
    if where:
        return Path(where).expanduser()
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "biennien"


def compile(pattern: str, flags: int = 0, where: Path | None = None) -> re.Pattern:  # noqa: A001 - re.compile's twin
    """`re.compile(pattern, flags)`, its program read from the cache when a process compiled it before."""
    flags = int(flags)
    if len(pattern) < MIN_CHARS or flags & re.DEBUG:
        return re.compile(pattern, flags)
    digest = hashlib.sha256(TAG + b"|%d|" % flags + pattern.encode("utf-8", "surrogatepass")).hexdigest()
    path = (where or cache_dir()) / "regex" / f"{digest}.marshal"
    try:
        return _sre.compile(pattern, *marshal.loads(path.read_bytes()))
    except Exception:  # noqa: BLE001 - absent, truncated or foreign: compile it
        pass
    try:
        program = _program(pattern, flags)
        compiled = _sre.compile(pattern, *program)
    except Exception:  # noqa: BLE001 - a Python whose re internals differ: compile as re does, uncached
        return re.compile(pattern, flags)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_bytes(marshal.dumps(program))
        os.replace(partial, path)   # whole or not at all, whichever process writes it first
    except (OSError, ValueError):
        pass
    return compiled


def _program(pattern: str, flags: int) -> tuple:
    """What re/_compiler.py `compile` gives `_sre.compile` after the pattern: flags, code, groups,
    group index and index group."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]   # opcodes are int subclasses: plain ints marshal
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)
