"""Read inputs into `Source` records: files, directories (recursive), stdin, JSON and JSONL feeds.

`read(paths)` yields `Source` or `IngestError`, never raises for bad input: one bad file or
line is one error, and everything else is still read. Nothing is read without a bound: a file
that is one article is refused above `MAX_ARTICLE_BYTES` before it is read (a 50 MB "article" is
a dump or a concatenation, not news: storing a cut-off prefix of it would be silently wrong), a
JSON file is read whole up to `MAX_JSON_BYTES`, and a JSONL feed is streamed a line at a time.
"""
from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from ..records import IngestError, Source
from . import dateline
from .decode import DecodeError, decode, looks_binary

TEXT_FIELDS = ("text", "content", "body", "summary")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
DATE_FIELDS = ("published", "date", "published_at", "pubDate", "time")
OUTLET_FIELDS = ("source", "outlet", "publisher", "site")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
FEED_SUFFIXES = (".jsonl", ".ndjson")
MAX_ARTICLE_BYTES = 8 * 2**20   # one article (a file, a feed line): news pages stay under ~2 MB
MAX_JSON_BYTES = 64 * 2**20     # a .json file (or a UTF-16 feed) is parsed whole: its objects cost ~10x
HEAD = 8192
VIETNAM = dateline.VIETNAM   # unix timestamps are dated as the press we read would date them
CHUNK = 2**16                   # bytes read at a time when splitting a feed into lines
_EOL = re.compile(rb"\r\n|\r|\n")
_BOMS_16_32 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # the UTF-32 BOMs start with these
_SURROGATE = re.compile(r"[\ud800-\udfff]")

Item = Source | IngestError


def read(paths: Iterable[str]) -> Iterator[Item]:
    for path in paths:
        if path == "-":
            yield from _read_handle("<stdin>", _peekable(sys.stdin.buffer), None)
        elif os.path.isdir(path):
            yield from read_dir(Path(path))
        elif os.path.exists(path) or os.path.islink(path):
            yield from read_file(Path(path))
        else:
            yield IngestError(display_name(path), "no such file or directory")


def display_name(path: str | Path) -> str:
    """A path as text that can be stored and printed: bytes of a file name that are not UTF-8 (an
    old archive's "Tin t\\xf8c.txt") come as surrogates, which SQLite and the terminal refuse; they
    are shown escaped, as that."""
    name = str(path)
    if _SURROGATE.search(name):
        name = re.sub(r"[\ud800-\udc7f\udd00-\udfff]", "\ufffd", name)  # surrogates that were never bytes
        name = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name


def read_dir(root: Path, read_one: Callable[[Path], Iterator] | None = None) -> Iterator:
    """Every file under root, sorted, dot files left out, each directory once (symlink loops are
    safe), depth-first without recursion (a deep tree cannot exhaust the stack). `read_one` reads
    each file (default `read_file`; the scale feed passes its own)."""
    read_one = read_one or read_file
    seen: set[tuple[int, int]] = set()
    stack: list[Iterator[os.DirEntry]] = []

    def enter(directory: Path) -> IngestError | None:
        try:
            st = directory.stat()
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            return IngestError(display_name(directory), f"cannot read directory: {exc.strerror or exc}")
        if (st.st_dev, st.st_ino) not in seen:
            seen.add((st.st_dev, st.st_ino))
            stack.append(iter(entries))
        return None

    error = enter(root)
    if error:
        yield error
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            error = enter(Path(entry.path))
            if error:
                yield error
        else:
            yield from read_one(Path(entry.path))


def _kind_of(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISDIR, "a directory")):
        if test(mode):
            return name
    return "not a regular file"


def _limit(kind: str) -> int:
    return MAX_JSON_BYTES if kind.endswith((".json", ".csv") + FEED_SUFFIXES) else MAX_ARTICLE_BYTES


def _too_large(size: int | None, kind: str) -> str:
    """Why a file is refused: its size (None: over the limit, found while reading) and the way out."""
    limit = _limit(kind)
    how_big = f"{size / 2**20:.1f} MiB > {limit // 2**20} MiB" if size else f"over {limit // 2**20} MiB"
    if limit == MAX_JSON_BYTES:
        return f"too large to parse whole ({how_big}): give many articles as .jsonl, one a line (streamed)"
    return (f"too large for one article ({how_big}): a news article is a few KB; "
            "split it, or give many articles as .jsonl, one a line")


def read_file(path: Path) -> Iterator[Item]:
    """One file, or a pipe (`<(zcat feed.gz)`) or character device, read with the same bounds. A
    pipe is opened without waiting for a writer: one nobody writes to reads as empty, not forever."""
    name = display_name(path)
    lower = path.name.lower()
    gz = lower.endswith(".gz")
    kind = lower[:-3] if gz else lower
    try:
        st = path.stat()
    except OSError as exc:
        yield IngestError(name, f"cannot read: {exc.strerror or exc}")
        return
    regular = stat.S_ISREG(st.st_mode)
    if not (regular or stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode)):
        yield IngestError(name, f"cannot read: {_kind_of(st.st_mode)}, not a file")
        return
    if regular and not gz and st.st_size > _limit(kind) and not kind.endswith(FEED_SUFFIXES):
        yield IngestError(name, _too_large(st.st_size, kind))
        return
    try:
        raw = _open_pipe(path) if stat.S_ISFIFO(st.st_mode) else open(path, "rb")
        handle = gzip.open(raw, "rb") if gz else raw
    except OSError as exc:
        yield IngestError(name, f"cannot read: {exc.strerror or exc}")
        return
    with raw, handle:
        try:
            yield from _read_handle(name, handle, kind)
        except (OSError, EOFError, zlib.error) as exc:  # what came before is kept
            yield IngestError(name, f"broken gzip: {exc}" if gz else f"cannot read: {exc.strerror or exc}")


def read_stream(name: str, data: bytes) -> Iterator[Item]:
    """Bytes already read (stdin): JSONL if the first non-blank character is '{', HTML if '<',
    else one text article."""
    yield from _read_handle(name, io.BufferedReader(io.BytesIO(data)), None)


def _peekable(handle: BinaryIO) -> BinaryIO:
    """stdin as a reader with `peek` (a pipe's buffer has it; a test's BytesIO has not)."""
    return handle if hasattr(handle, "peek") else io.BufferedReader(handle)  # type: ignore[arg-type]


def _open_pipe(path: Path) -> BinaryIO:
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    os.set_blocking(fd, True)  # no writer now: reads end at once; a writer: wait for its data
    return open(fd, "rb")


def _read_handle(name: str, handle, kind: str | None) -> Iterator[Item]:
    """A file's bytes by kind (`.jsonl`, `.json`, `.html`, ...; None: sniff, as for stdin)."""
    head = handle.peek(HEAD)[:HEAD]
    if kind is None:
        first = head.lstrip()[:1]
        kind = ".jsonl" if first == b"{" else ".html" if first == b"<" else ".txt"
    if kind.endswith(FEED_SUFFIXES) and as_lines(head):
        yield from _jsonl_stream(name, handle)
        return
    limit = _limit(kind)
    data = handle.read(limit + 1)
    if len(data) > limit:
        yield IngestError(name, _too_large(None, kind))
        return
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
    if lower.endswith(FEED_SUFFIXES):
        yield from read_jsonl(name, text)
    elif lower.endswith(".json"):
        yield from read_json(name, text)
    elif lower.endswith(".csv"):
        from .csv_feed import read_csv
        yield from read_csv(name, text)
    elif lower.endswith(HTML_SUFFIXES):
        yield Source(source=name, raw=text, is_html=True)
    else:
        yield Source(source=name, raw=text, is_html=_looks_html(text))


def _looks_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


def raw_lines(handle: BinaryIO, limit: int = MAX_ARTICLE_BYTES) -> Iterator[bytes | None]:
    """The lines of a byte stream, split at LF, CRLF or a lone CR (old Mac files), without their
    ends; None for a line longer than `limit` (dropped unread past the limit). The NUL that ends a
    UTF-16LE line ("\\n\\x00") stays with that line, so the line after it is not spoilt."""
    buffer = b""
    too_long = False
    read = getattr(handle, "read1", handle.read)  # what is there now: a gzip broken later keeps it
    while True:
        chunk = read(CHUNK)
        if not chunk:
            break
        buffer += chunk
        start = 0
        for match in _EOL.finditer(buffer):
            end = match.end()
            if match.group() == b"\r" and end == len(buffer):
                break  # a CR at the end of the chunk may be the first half of a CRLF
            line = buffer[start:match.start()]
            if end < len(buffer) and buffer[end] == 0 and line.count(b"\x00") * 3 > len(line):
                end += 1  # the high byte of a UTF-16LE newline
                line += b"\n\x00"
            start = end
            if too_long:
                too_long = False
                yield None
            elif len(line) > limit:
                yield None
            else:
                yield line
        buffer = buffer[start:]
        if len(buffer) > limit:
            buffer, too_long = b"", True  # the rest of this line is dropped as it comes
    if too_long or len(buffer) > limit:
        yield None
    elif buffer:
        yield buffer


def _jsonl_stream(name: str, handle) -> Iterator[Item]:
    """A UTF-8 (or legacy) feed a line at a time: each line decoded on its own, none unbounded."""
    number, seen = 0, False
    for data in raw_lines(handle):
        number += 1
        where = f"{name}:{number}"
        if data is None:
            seen = True
            yield IngestError(where, f"line too long (over {MAX_ARTICLE_BYTES // 2**20} MiB): one article a line")
            continue
        if number == 1 and data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8):]
        if not data.strip():
            continue
        try:
            text = decode(data)
        except DecodeError as exc:
            seen = True
            yield IngestError(where, str(exc))
            continue
        if text.strip():
            seen = True
            yield parse_line(where, text)
    if not seen:
        yield IngestError(name, "empty file")


def as_lines(head: bytes) -> bool:
    """Is a feed with this head read a line at a time? Not when empty, in UTF-16/32 throughout, or
    binary; a feed whose first line is a JSON object is, whatever comes later (one UTF-16 or binary
    line among UTF-8 ones costs that line, not the file)."""
    if not head.strip() or _whole_utf16(head):
        return False
    jsonl = head.lstrip().startswith(b"{") or head.startswith(codecs.BOM_UTF8 + b"{")
    return jsonl or head.startswith(_BOMS_16_32) or not looks_binary(head)


def _whole_utf16(head: bytes) -> bool:
    """A feed in UTF-16/32 (read whole, up to its limit), not a UTF-8 feed whose first line alone
    is UTF-16: after the first UTF-16 newline the bytes still have NULs."""
    if not head.startswith(_BOMS_16_32):
        return False
    newline = b"\n\x00" if head.startswith(codecs.BOM_UTF16_LE) else b"\x00\n"
    end = head.find(newline)
    return end < 0 or end + 2 >= len(head) or b"\x00" in head[end + 2:end + 66]


def read_jsonl(name: str, text: str) -> Iterator[Item]:
    for number, line in enumerate(io.StringIO(text), 1):
        if line.strip():
            yield parse_line(f"{name}:{number}", line)


def parse_line(where: str, line: str) -> Item:
    """One JSONL line to a Source, or the one-line reason it is none."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return IngestError(where, f"malformed JSON: {exc.msg} at column {exc.colno}")
    except (ValueError, RecursionError) as exc:  # 5,000-digit numbers, [[[[...]]]] nested too deep
        return IngestError(where, f"malformed JSON: {_json_reason(exc)}")
    return from_record(where, obj)


def _json_reason(exc: Exception) -> str:
    return "nested too deeply" if isinstance(exc, RecursionError) else str(exc).split(";")[0]


def read_json(name: str, text: str) -> Iterator[Item]:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        yield IngestError(name, f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
        return
    except (ValueError, RecursionError) as exc:
        yield IngestError(name, f"malformed JSON: {_json_reason(exc)}")
        return
    if isinstance(obj, dict) and "articles" in obj:
        obj = obj["articles"]
        if not isinstance(obj, list):
            yield IngestError(name, f'"articles" is not a list but {type(obj).__name__}')
            return
    if isinstance(obj, list):
        for number, item in enumerate(obj):
            yield from_record(f"{name}[{number}]", item)
    else:
        yield from_record(name, obj)


def _field(obj: dict, names: tuple[str, ...], numbers: bool = False) -> str | None:
    """The first of `names` holding a non-blank string (or, for text and titles, a number)."""
    for key in names:
        value = obj.get(key)
        if numbers and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.strip():
            value = value.strip()
            return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value
    return None


def from_record(where: str, obj: object) -> Item:
    """A feed record to a Source: text|content|body (or summary), title, url|link, published|date.
    Fields of the wrong type count as missing; a lone surrogate ("\\ud800") becomes U+FFFD."""
    if not isinstance(obj, dict):
        return IngestError(where, f"expected a JSON object, got {type(obj).__name__}")
    body = _field(obj, TEXT_FIELDS, numbers=True)
    title = _field(obj, TITLE_FIELDS, numbers=True)
    if body is None and title is None:
        return IngestError(where, "no text: none of the fields " + "|".join(TEXT_FIELDS) + " holds a string")
    if body is not None and len(body) > MAX_ARTICLE_BYTES:
        return IngestError(where, f"text too large for one article ({len(body) // 2**20} M characters)")
    url = _field(obj, URL_FIELDS)
    raw = body or ""
    is_html = "<p" in raw[:2000].lower() or _looks_html(raw)
    published = _published(obj)
    warning = None
    if published is not None and dateline.parse_date(published)[0] is None:
        warning = (f"{where}: published {published[:40]!r} is no date biennien reads (ISO 8601, RFC 2822,"
                   " D/M/YYYY, unix seconds or milliseconds); the date is inferred from the text")
    return Source(source=url or where, raw=raw, is_html=is_html, title=title,
                  published=published, url=url, outlet=_field(obj, OUTLET_FIELDS), warning=warning)


EPOCH = re.compile(r"\d{10}(?:\d{3})?(?:\.\d+)?")   # unix seconds or milliseconds, as a number or digits


def _published(obj: dict) -> str | None:
    """The record's publication date as text: a string as given, or a unix timestamp (seconds, or
    milliseconds past 10^11) as an ISO date-time in UTC+07:00, the time zone of the press we read."""
    value = _field(obj, DATE_FIELDS, numbers=True)
    if value is not None and EPOCH.fullmatch(value):
        return _from_epoch(float(value)) or value
    return value


def _from_epoch(value: float) -> str | None:
    seconds = value / 1000 if abs(value) >= 10**11 else value
    try:
        return datetime.fromtimestamp(seconds, VIETNAM).isoformat()
    except (OverflowError, OSError, ValueError):
        return None
