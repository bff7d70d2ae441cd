"""CSV feeds (`.csv`, `.csv.gz`): a header row naming the same fields as the JSON ones, then one
article per row. A file whose header names no text or title field is refused in one line (it is
not a feed, and storing it as one giant article would be silently wrong); a bad row is one error
and the other rows are still read."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from ..records import IngestError, Source
from .ingest import TEXT_FIELDS, TITLE_FIELDS, from_record

csv.field_size_limit(8 * 2**20)   # one article's text (ingest.MAX_ARTICLE_BYTES)
DELIMITERS = ",;\t|"


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(text.split("\n", 1)[0], DELIMITERS)
    except csv.Error:
        return csv.excel


def read_csv(name: str, text: str) -> Iterator[Source | IngestError]:
    """One Source per row of a CSV feed (fields as in from_record; header names ignore case)."""
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        yield IngestError(name, "empty file")
        return
    except csv.Error as exc:
        yield IngestError(name, f"malformed CSV header: {exc}")
        return
    if not set(header) & set(TEXT_FIELDS + TITLE_FIELDS):
        shown = ", ".join(h for h in header[:6] if h)[:120] or "nothing"
        yield IngestError(name, "not a CSV feed: its header row names none of the fields "
                          + "|".join(TEXT_FIELDS + TITLE_FIELDS) + f" (it has {shown})")
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield IngestError(f"{name}:{reader.line_num}", f"malformed CSV: {exc}")
            continue
        where = f"{name}:{reader.line_num}"
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            yield IngestError(where, f"{len(row)} cells, the header has {len(header)}")
            continue
        yield from_record(where, {k: v for k, v in zip(header, row) if k})
