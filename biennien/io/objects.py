"""JSON to `Source`: one JSONL line, a .json file (an object, a list, or {"articles": [...]}), a
record's fields (text|content|body|summary, title|headline, url|link, published|date|..., source|
outlet|...). Pure: the text is already decoded (io.read and io.feed read and decode it)."""
from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from datetime import datetime

from .. import settings
from ..records import IngestError, Source
from ..stages import dateline

TEXT_FIELDS = ("text", "content", "body", "summary")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
DATE_FIELDS = ("published", "date", "published_at", "pubDate", "time")
OUTLET_FIELDS = ("source", "outlet", "publisher", "site")
MAX_ARTICLE_BYTES = settings.get("ingest", "max_article_bytes")   # one article (a file, a feed line): news pages stay under ~2 MB
VIETNAM = dateline.VIETNAM   # unix timestamps are dated as the press we read would date them
_SURROGATE = re.compile(r"[\ud800-\udfff]")

Item = Source | IngestError


def looks_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


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
    is_html = "<p" in raw[:2000].lower() or looks_html(raw)
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
