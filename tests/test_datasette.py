"""Datasette loads a store with the shipped metadata.json: titles and column descriptions shown,
facets on, sentences searchable through their full-text table, internals hidden."""
from __future__ import annotations

import asyncio
import json
import shutil

import pytest

from biennien.datasette import metadata
from biennien.store import Store

datasette_app = pytest.importorskip("datasette.app")  # a test dependency: pip install -e ".[test]"


def _get(ds, path: str):
    async def go():
        return await ds.client.get(path)
    return asyncio.run(go())


@pytest.fixture(scope="module")
def ds(seeds_db, tmp_path_factory):
    db = tmp_path_factory.mktemp("ds") / "kb.db"
    shutil.copy(seeds_db, db)
    return datasette_app.Datasette([str(db)], metadata=metadata("kb"), immutables=[])


def test_metadata_describes_every_column_of_its_tables(seeds_db):
    meta = metadata("kb")["databases"]["kb"]["tables"]
    with Store(seeds_db, readonly=True) as store:
        for table, about in meta.items():
            if about.get("hidden"):
                continue
            columns = {r["name"] for r in store.rows(f"PRAGMA table_info({table})")}
            assert columns, table
            described = set(about["columns"])
            assert columns - {"id"} <= described | {"id"} and described <= columns, (table, columns ^ described)


def test_datasette_loads_the_store_with_the_metadata(ds):
    home = _get(ds, "/kb.json")
    assert home.status_code == 200
    hidden = {t["name"]: t["hidden"] for t in home.json()["tables"]}
    assert hidden["events"] is False and hidden["sentences_fts"] is True and hidden["zones"] is True
    events = _get(ds, "/kb/events.json?_shape=objects")
    assert events.status_code == 200 and events.json()["rows"]
    assert set(events.json()["facet_results"]) >= {"type", "quad_class"}   # the metadata's facets
    page = _get(ds, "/kb/events")
    assert "One row per real-world event" in page.text and "Goldstein scale of the CAMEO code" in page.text
    assert "biên niên" in _get(ds, "/").text


def test_sentences_are_searched_through_their_full_text_table(ds):
    found = _get(ds, "/kb/sentences.json?_search=khamliang&_shape=objects")
    assert found.status_code == 200, found.text
    rows = found.json()["rows"]
    assert rows and all("khamliang" in r["text"].casefold() for r in rows)


def test_python_m_biennien_datasette_names_the_database(tmp_path):
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "-m", "biennien.datasette", "news.db"], capture_output=True, text=True,
                         check=True).stdout
    assert list(json.loads(out)["databases"]) == ["news"]
