"""The notebook API (biennien.open): typed records, tables, and the same answers as the CLI."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner

import biennien
from biennien.cli import app as cli
from biennien.kb import Actor, Event, Holder, Records, Role, Sentence
from biennien.query import QueryError


@pytest.fixture(scope="module")
def kb(seeds_db):
    with biennien.open(seeds_db) as kb:
        yield kb


def _cli(*args: str):
    result = CliRunner().invoke(cli, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_events_are_the_cli_answer_as_records_and_a_table(kb, seeds_db):
    events = kb.events()
    assert isinstance(events, Records) and events and all(isinstance(e, Event) for e in events)
    assert [e.event_id for e in events] == [e["event_id"] for e in _cli("events", "--db", str(seeds_db),
                                                                         "--limit", "500")]
    table = events.to_pandas()
    assert isinstance(table, pd.DataFrame) and len(table) == len(events)
    assert {"event_id", "type", "quad_class", "goldstein", "confidence", "latitude"} <= set(table.columns)
    consult = kb.events(type="CONSULT", since="2025")
    assert consult and all(e.type == "CONSULT" and e.date >= "2025" for e in consult)
    sure = kb.events(min_confidence=0.8)
    assert all(e.confidence >= 0.8 for e in sure) and len(sure) < len(events)
    assert len(kb.events(limit=2)) == 2
    assert all(e.planned_start for e in kb.events(planned=True))


def test_events_of_an_actor_and_the_actor(kb):
    (giang, *_) = kb.actors("Phan Văn Giang")
    assert isinstance(giang, Actor) and giang.kind == "person" and "MIL" in giang.sectors
    his = kb.events(actor="Phan Văn Giang")
    assert his and all(giang.actor_id in e.actor_ids + e.recipient_ids for e in his)
    countries = kb.actors(kind="country")
    assert countries and {a.kind for a in countries} == {"country"}
    assert kb.actors(kind="person", country="LAO").to_pandas()["country"].eq("LAO").all()


def test_roles_who_and_search(kb, seeds_db):
    roles = kb.roles(actor="Khamliang")
    assert roles and all(isinstance(r, Role) for r in roles) and any("MIL" in r.sectors for r in roles)
    post = kb.roles(title="Bộ trưởng Quốc phòng", country="LAO")
    assert post and {r.country for r in post} == {"LAO"}
    holders = kb.who("Bộ trưởng Quốc phòng", country="LAO", on="2025-01-09")
    cli_holders = _cli("who", "Bộ trưởng Quốc phòng", "--country", "LAO", "--on", "2025-01-09", "--db", str(seeds_db))
    assert isinstance(holders[0], Holder) and [h.name for h in holders] == [h["name"] for h in cli_holders["holders"]]
    assert [(h.country, h.basis) for h in holders] == [(h["country"], h["basis"]) for h in cli_holders["holders"]]
    found = kb.search("khamliang")
    assert found and isinstance(found[0], Sentence) and found.actors and found.total >= len(found)
    assert list(found.to_pandas().columns) == ["doc_id", "index", "text", "title", "published"]
    with pytest.raises(QueryError):
        kb.roles()
    with pytest.raises(QueryError):
        kb.events(min_confidence=3)


def test_to_polars_or_a_clear_error(kb):
    try:
        import polars  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match="pip install polars"):
            kb.events().to_polars()
    else:
        assert kb.events().to_polars().height == len(kb.events())


def test_an_empty_answer_is_an_empty_table(kb):
    empty = kb.events(since="2099")
    assert empty == [] and empty.to_pandas().empty
