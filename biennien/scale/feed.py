"""Input as a stream of work units that are cheap to ship to another process.

`read(paths)` is `stages.ingest.read` with one difference: a JSONL feed (`.jsonl`, `.ndjson`,
gzipped or not, or JSONL on standard input) travels a line at a time as undecoded bytes, a
`Line`. The reading process only splits lines, so decoding (NFC, legacy encodings) and JSON run
beside the analysis, in parallel; `source(line)` turns a line into what the stage would have
read. Walk, names, limits, line numbers and error messages are the ingest stage's; every other
file is read by the stage and travels as its `Source`.
"""
from __future__ import annotations

import codecs
import gzip
import io
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..records import IngestError, Source
from ..stages import ingest as stage
from ..stages.decode import DecodeError, decode


@dataclass(slots=True)
class Line:
    """One non-blank line of a JSONL feed, still bytes."""

    where: str   # "path:number", as the ingest stage names it
    data: bytes


Item = Source | Line | IngestError


def read(paths: Iterable[str], skip: frozenset[str] = frozenset()) -> Iterator[Item]:
    """Every item under `paths`; files whose resolved path is in `skip` (the store's own database,
    WAL and journal when it lies among the inputs) are passed over."""
    def one(path: Path) -> Iterator[Item]:
        if not skip or os.path.realpath(path) not in skip:
            yield from _file(path)

    for path in paths:
        if path == "-":
            yield from _stdin()
        elif os.path.isdir(path):
            yield from stage.read_dir(Path(path), one)
        elif os.path.exists(path) or os.path.islink(path):
            yield from one(Path(path))
        else:
            yield IngestError(stage.display_name(path), "no such file or directory")


COUNT_AT_MOST = 1_000_000  # files: past that, counting them first would be a wait of its own


def count(paths: Iterable[str]) -> int | None:
    """How many items `read(paths)` will yield, when that can be told beforehand: every input a
    file of one article (text, HTML) or a directory of them. None for standard input, a feed
    (.jsonl), a .json file (one article or a list) or past COUNT_AT_MOST files."""
    n = 0
    for path in paths:
        if path == "-":
            return None
        found = stage.read_dir(Path(path), lambda p: iter([p])) if os.path.isdir(path) else iter([Path(path)])
        for item in found:
            if isinstance(item, Path) and (is_feed(item.name) or item.name.lower().removesuffix(".gz")
                                           .endswith((".json", ".csv"))):
                return None
            n += 1
            if n > COUNT_AT_MOST:
                return None
    return n


def source(line: Line) -> Source | IngestError | None:
    """What the ingest stage reads from this line (None: a line of only Unicode spaces)."""
    try:
        text = decode(line.data)
    except DecodeError as exc:
        return IngestError(line.where, str(exc))
    return stage.parse_line(line.where, text) if text.strip() else None


def is_feed(name: str) -> bool:
    return name.lower().removesuffix(".gz").endswith(stage.FEED_SUFFIXES)


def _file(path: Path) -> Iterator[Item]:
    if not is_feed(path.name) or not path.is_file():
        yield from stage.read_file(path)  # pipes, devices, HTML, text, .json: the stage's limits
        return
    name, gz = stage.display_name(path), path.name.lower().endswith(".gz")
    try:
        handle = gzip.open(path, "rb") if gz else open(path, "rb")
    except OSError as exc:
        yield IngestError(name, f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        try:
            yield from _lines(name, handle, lambda: stage.read_file(path))
        except (OSError, EOFError, zlib.error) as exc:  # a broken gzip or a read error part way: what came before is kept
            yield IngestError(name, f"broken gzip: {exc}" if gz else f"cannot read: {exc.strerror or exc}")


def _stdin() -> Iterator[Item]:
    name = "<stdin>"
    handle = sys.stdin.buffer if hasattr(sys.stdin.buffer, "peek") else io.BufferedReader(sys.stdin.buffer)
    if handle.peek(stage.HEAD)[:stage.HEAD].lstrip()[:1] != b"{":
        yield from stage.read_stream(name, handle.read(stage.MAX_JSON_BYTES + 1))
        return
    yield from _lines(name, handle, lambda: stage.read_stream(name, handle.read(stage.MAX_JSON_BYTES + 1)))


def _lines(name: str, handle: BinaryIO, whole: Callable[[], Iterator[Item]]) -> Iterator[Item]:
    """The stage's JSONL stream (same limits, numbers and errors), lines left undecoded."""
    head = handle.peek(stage.HEAD)[:stage.HEAD]
    if not stage.as_lines(head):
        yield from whole()  # empty, UTF-16/32 or binary: the ingest stage reads it and says what it is
        return
    number, seen = 0, False
    for data in stage.raw_lines(handle):
        number += 1
        where = f"{name}:{number}"
        if data is None:
            seen = True
            yield IngestError(where, f"line too long (over {stage.MAX_ARTICLE_BYTES // 2**20} MiB): "
                                     "one article a line")
            continue
        if number == 1 and data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8):]
        if data.strip():
            seen = True
            yield Line(where, data)
    if not seen:
        yield IngestError(name, "empty file")
