"""Read inputs into `Source` records: files, directories (recursive), stdin, JSON and JSONL feeds.

`read(paths)` yields `Source` or `IngestError`, never raises for bad input: one bad file or
line is one error, and everything else is still read.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import IngestError, Source
from .decode import DecodeError, decode

TEXT_FIELDS = ("text", "content", "body", "summary")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
DATE_FIELDS = ("published", "date", "published_at", "pubDate", "time")
OUTLET_FIELDS = ("source", "outlet", "publisher", "site")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MAX_FILE_BYTES = 512 * 1024 * 1024

Item = Source | IngestError


def read(paths: Iterable[str]) -> Iterator[Item]:
    for path in paths:
        if path == "-":
            yield from read_stream("<stdin>", sys.stdin.buffer.read())
        elif os.path.isdir(path):
            yield from read_dir(Path(path))
        elif os.path.exists(path) or os.path.islink(path):
            yield from read_file(Path(path))
        else:
            yield IngestError(path, "no such file or directory")


def read_dir(root: Path) -> Iterator[Item]:
    """Every file under root, sorted, following no directory symlink twice (loops are safe)."""
    seen: set[tuple[int, int]] = set()

    def walk(directory: Path) -> Iterator[Item]:
        try:
            st = directory.stat()
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            yield IngestError(str(directory), f"cannot read directory: {exc.strerror or exc}")
            return
        key = (st.st_dev, st.st_ino)
        if key in seen:
            return
        seen.add(key)
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                yield from walk(path)
            else:
                yield from read_file(path)

    yield from walk(root)


def read_file(path: Path) -> Iterator[Item]:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield IngestError(name, f"file too large ({size // 2**20} MiB > {MAX_FILE_BYTES // 2**20} MiB)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield IngestError(name, f"cannot read: {exc.strerror or exc}")
        return
    lower = path.name.lower()
    if lower.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            yield IngestError(name, f"broken gzip: {exc}")
            return
        lower = lower[:-3]
    yield from read_bytes(name, lower, data)


def read_stream(name: str, data: bytes) -> Iterator[Item]:
    """stdin: JSONL if the first non-blank character is '{', HTML if '<', else one text article."""
    head = data.lstrip()[:1]
    kind = ".jsonl" if head == b"{" else ".html" if head == b"<" else ".txt"
    yield from read_bytes(name, kind, data)


def read_bytes(name: str, lower: str, data: bytes) -> Iterator[Item]:
    if not data.strip():
        yield IngestError(name, "empty file")
        return
    try:
        text = decode(data)
    except DecodeError as exc:
        yield IngestError(name, str(exc))
        return
    if lower.endswith(".jsonl") or lower.endswith(".ndjson"):
        yield from read_jsonl(name, text)
    elif lower.endswith(".json"):
        yield from read_json(name, text)
    elif lower.endswith(HTML_SUFFIXES):
        yield Source(source=name, raw=text, is_html=True)
    else:
        yield Source(source=name, raw=text, is_html=_looks_html(text))


def _looks_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


def read_jsonl(name: str, text: str) -> Iterator[Item]:
    for number, line in enumerate(io.StringIO(text), 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(where, f"malformed JSON: {exc.msg} at column {exc.colno}")
            continue
        yield from_record(where, obj)


def read_json(name: str, text: str) -> Iterator[Item]:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        yield IngestError(name, f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
        return
    items = obj if isinstance(obj, list) else obj.get("articles", [obj]) if isinstance(obj, dict) else [obj]
    for number, item in enumerate(items):
        yield from_record(f"{name}[{number}]" if isinstance(obj, list) else name, item)


def _field(obj: dict, names: tuple[str, ...]) -> str | None:
    for key in names:
        value = obj.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def from_record(where: str, obj: object) -> Item:
    """A feed record to a Source: text|content|body (or summary), title, url|link, published|date."""
    if not isinstance(obj, dict):
        return IngestError(where, f"expected a JSON object, got {type(obj).__name__}")
    body = _field(obj, TEXT_FIELDS)
    title = _field(obj, TITLE_FIELDS)
    if body is None and title is None:
        return IngestError(where, "no text: none of the fields " + "|".join(TEXT_FIELDS) + " holds a string")
    url = _field(obj, URL_FIELDS)
    raw = body or ""
    is_html = "<p" in raw[:2000].lower() or _looks_html(raw)
    return Source(source=url or where, raw=raw, is_html=is_html, title=title,
                  published=_field(obj, DATE_FIELDS), url=url, outlet=_field(obj, OUTLET_FIELDS))
