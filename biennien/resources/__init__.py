"""Vietnamese knowledge as data: tab-separated files under resources/vi/.

Each file starts with `#` comment lines saying what a row means, then a header line naming the
columns, then one row per line. Empty cells are None. Files are read once per process.
"""
from __future__ import annotations

import functools
import unicodedata
from importlib import resources


class ResourceError(ValueError):
    pass


def files() -> list[str]:
    """Names (without .tsv) of every resource file shipped."""
    root = resources.files(__name__) / "vi"
    return sorted(p.name[:-4] for p in root.iterdir() if p.name.endswith(".tsv"))


@functools.cache
def load(name: str) -> tuple[dict, ...]:
    """Rows of resources/vi/NAME.tsv as dicts, NFC, cells stripped; raises on a malformed row."""
    path = resources.files(__name__) / "vi" / f"{name}.tsv"
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    header: list[str] | None = None
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            raise ResourceError(f"{name}.tsv:{number}: {len(cells)} cells, header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        rows.append({k: (v or None) for k, v in zip(header, cells)})
    if header is None:
        raise ResourceError(f"{name}.tsv: no header line")
    return tuple(rows)


@functools.cache
def column(name: str, key: str) -> tuple[str, ...]:
    """One column of a resource, rows with an empty cell left out."""
    return tuple(r[key] for r in load(name) if r.get(key))
