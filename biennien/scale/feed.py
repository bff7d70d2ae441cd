"""Input as a stream of work units that are cheap to ship to another process.

`read(paths)` is `stages.ingest.read` with one difference: a JSONL feed (`.jsonl`, `.ndjson`,
gzipped or not, or JSONL on standard input) is streamed line by line and each line travels
undecoded, as a `Line`. The reading process only splits lines, so JSON decoding and NFC run
beside the analysis, in parallel, and memory does not grow with the size of the feed. Every
other file is read by the ingest stage and travels as its `Source`.

Line names and error messages are the ingest stage's (`path:number`). One difference, on
purpose: a line that is not UTF-8 is one error for that line, where the stage judges the whole
file's encoding at once.
"""
from __future__ import annotations

import codecs
import gzip
import itertools
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..records import IngestError, Source
from ..stages import ingest as stage
from ..stages.decode import DecodeError, decode, looks_binary

FEEDS = (".jsonl", ".ndjson")
HEAD = 8192


@dataclass(slots=True)
class Line:
    """One non-blank line of a JSONL feed, still bytes."""

    where: str   # "path:number", as the ingest stage names it
    data: bytes


Item = Source | Line | IngestError


def read(paths: Iterable[str]) -> Iterator[Item]:
    for path in paths:
        if path == "-":
            yield from _stdin()
        elif os.path.isdir(path):
            yield from _walk(Path(path))
        elif os.path.exists(path) or os.path.islink(path):
            yield from _file(Path(path))
        else:
            yield IngestError(path, "no such file or directory")


def source(line: Line) -> Source | IngestError | None:
    """The `Source` of one feed line (None for a line of only Unicode spaces)."""
    try:
        text = decode(line.data)
    except DecodeError as exc:
        return IngestError(line.where, str(exc))
    if not text.strip():
        return None
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return IngestError(line.where, f"malformed JSON: {exc.msg} at column {exc.colno}")
    return stage.from_record(line.where, obj)


def is_feed(name: str) -> bool:
    lower = name.lower()
    return lower.removesuffix(".gz").endswith(FEEDS)


def _walk(root: Path) -> Iterator[Item]:
    """The ingest stage's directory walk (sorted, no dot files, each directory once), feeds streamed."""
    seen: set[tuple[int, int]] = set()

    def walk(directory: Path) -> Iterator[Item]:
        try:
            st = directory.stat()
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            yield IngestError(str(directory), f"cannot read directory: {exc.strerror or exc}")
            return
        if (st.st_dev, st.st_ino) in seen:
            return
        seen.add((st.st_dev, st.st_ino))
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            yield from walk(Path(entry.path)) if is_dir else _file(Path(entry.path))

    yield from walk(root)


def _file(path: Path) -> Iterator[Item]:
    if not is_feed(path.name) or not path.is_file():
        yield from stage.read_file(path)
        return
    name, gz = str(path), path.name.lower().endswith(".gz")
    try:
        handle = gzip.open(path, "rb") if gz else open(path, "rb")
    except OSError as exc:
        yield IngestError(name, f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        try:
            yield from _lines(name, handle, lambda head: stage.read_file(path))
        except (OSError, EOFError) as exc:  # a broken gzip or a read error part way: what came before is kept
            yield IngestError(name, f"broken gzip: {exc}" if gz else f"cannot read: {exc.strerror or exc}")


def _stdin() -> Iterator[Item]:
    name, handle = "<stdin>", sys.stdin.buffer
    head = handle.peek(HEAD)[:HEAD] if hasattr(handle, "peek") else b""
    if head.lstrip()[:1] != b"{":
        yield from stage.read_stream(name, handle.read())
        return
    yield from _lines(name, handle, lambda head: stage.read_stream(name, head + handle.read()))


def _lines(name: str, handle: BinaryIO, whole: Callable[[bytes], Iterator[Item]]) -> Iterator[Item]:
    head = handle.read(HEAD)
    if not head.strip() or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or looks_binary(head):
        yield from whole(head)  # empty, UTF-16 or binary: the ingest stage reads it whole and says what it is
        return
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8):]
    first = (head + handle.readline()).split(b"\n")
    if first[-1] == b"":
        first.pop()
    for number, data in enumerate(itertools.chain(first, handle), 1):
        if data.strip():
            yield Line(f"{name}:{number}", data)
