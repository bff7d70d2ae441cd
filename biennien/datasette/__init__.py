"""metadata.json for browsing a store with Datasette: `datasette kb.db -m metadata.json --immutable`
(metadata is keyed by database name: a store named kb.db; `python -m biennien.datasette NAME.db`
prints the same metadata for another name)."""
from __future__ import annotations

import json
from importlib import resources


def metadata(db_name: str = "kb") -> dict:
    """The shipped metadata.json, its tables under the database `db_name` (a file's name without .db)."""
    meta = json.loads((resources.files(__name__) / "metadata.json").read_text(encoding="utf-8"))
    meta["databases"] = {db_name: meta["databases"]["kb"]}
    return meta
