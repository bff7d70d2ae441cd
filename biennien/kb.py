"""The notebook API: `kb = biennien.open("kb.db")`, then questions that answer typed records.

    kb.events(actor="Phan Văn Giang", type="CONSULT", since="2024", min_confidence=0.7).to_pandas()
    kb.actors("Khamliang"); kb.roles(actor="Phan Văn Giang"); kb.roles(title="Bộ trưởng Quốc phòng")
    kb.who("Bộ trưởng Quốc phòng", country="LAO", on="2025-01-09"); kb.search("khamliang")

Every call goes through biennien.query, the layer the CLI and the HTTP API answer from; this module
only turns its answers into dataclasses and tables. Lists are read a page (500) at a time until
`limit` (None: all) is reached.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from . import query, sectors
from .checks import MAX_LIMIT
from .store import read, search, tables
from .store.db import Store


class Records(list):
    """A list of records that turns into a table: `.to_pandas()`, `.to_polars()`, `.to_dicts()`."""

    def to_dicts(self) -> list[dict]:
        return [dataclasses.asdict(r) for r in self]

    def to_pandas(self):
        import pandas as pd
        return pd.DataFrame(self.to_dicts(), columns=self._columns())

    def to_polars(self):
        try:
            import polars as pl   # optional: not a dependency of biennien
        except ImportError:
            raise ImportError("to_polars() needs polars: pip install polars (or use to_pandas())") from None
        return pl.DataFrame(self.to_dicts())

    def _columns(self) -> list[str] | None:
        return [f.name for f in dataclasses.fields(self[0])] if self else None


@dataclass(slots=True)
class Event:
    event_id: int
    date: str | None
    date_precision: str | None
    type: str
    mode: str | None
    cameo: str | None
    quad_class: int | None
    goldstein: float | None
    confidence: float | None
    actors: list[str]
    recipients: list[str]
    location: str | None
    latitude: float | None
    longitude: float | None
    planned_start: str | None
    planned_end: str | None
    mention_count: int
    article_count: int
    first_sentence: str | None
    first_source: str | None
    date_added: str | None
    actor_ids: list[int] = field(default_factory=list)
    recipient_ids: list[int] = field(default_factory=list)
    date_partial: str | None = None   # no date: the day or month said without a year ("--05-30")


@dataclass(slots=True)
class Actor:
    actor_id: int
    name: str
    kind: str
    country: str | None
    sectors: list[str]
    mentions: int | None = None


@dataclass(slots=True)
class Role:
    actor_id: int
    name: str
    rank: str | None
    title: str
    organization: str | None
    country: str | None
    sectors: list[str]
    start: str | None
    end: str | None
    first_observed: str | None
    last_observed: str | None
    certainty: str | None
    evidence_count: int


@dataclass(slots=True)
class Holder:
    actor_id: int
    name: str
    since: str | None
    until: str | None
    last_observed: str | None
    evidence_count: int
    evidence: list[dict]
    country: str | None = None   # without a country asked, one ranking per country, in turn
    basis: str | None = None     # record, stated, dated, undated (who.py: what the place rests on)


@dataclass(slots=True)
class Sentence:
    doc_id: str
    index: int
    text: str
    title: str | None
    published: str | None


def _event(e: dict) -> Event:
    first = e["mentions"][0] if e["mentions"] else {}
    plan = e.get("planned") or {}
    return Event(e["event_id"], e["date"], e["date_precision"], e["type"], e["mode"], e["cameo"], e["quad_class"],
                 e["goldstein"], e["confidence"], [p["name"] for p in e["actors"]],
                 [p["name"] for p in e["recipients"]], e["location"], e["latitude"], e["longitude"],
                 plan.get("start"), plan.get("end"), e["mention_count"], e["article_count"], first.get("sentence"),
                 first.get("source"), e["date_added"], [p.get("actor_id") for p in e["actors"]],
                 [p.get("actor_id") for p in e["recipients"]], e.get("date_partial"))


class KnowledgeBase:
    """A store opened for reading (it may be open for writing elsewhere: SQLite WAL)."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        self.store = Store(path, readonly=True)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "KnowledgeBase":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"biennien.open({self.path!r})"

    def _pages(self, ask, total: int, limit: int | None) -> list:
        wanted = total if limit is None else min(limit, total)
        out: list = []
        while len(out) < wanted:
            page = ask(min(MAX_LIMIT, wanted - len(out)), len(out))
            if not page:
                break
            out += page
        return out

    def events(self, actor: str | None = None, type: str | None = None, country: str | None = None,
               since: str | None = None, until: str | None = None, planned: bool | None = None,
               min_confidence: float | None = None, limit: int | None = None) -> Records:
        """Events newest first, as `biennien events` (type: PLOVER type(s), comma-separated)."""
        question = (actor, type, country, since, until, planned)
        total = query.events_total(self.store, *question, min_confidence=min_confidence)
        found = self._pages(lambda n, at: query.events(self.store, *question, n, at, min_confidence=min_confidence),
                            total, limit)
        return Records(_event(e) for e in found)

    def actors(self, name: str | None = None, kind: str | None = None, country: str | None = None,
               limit: int | None = None) -> Records:
        """Actors whose spellings start with the words of `name` (no name: every actor), the most
        mentioned first; `kind` (person, organization, country, location) and `country` narrow it."""
        if name:
            words = name.split()
            total = search.count_actors(self.store, words)
            rows = self._pages(lambda n, at: query.search(self.store, name, n, at)["actors"], total, None)
        else:
            rows = list(read.iter_actors(self.store))
        rows = [r for r in rows if (not kind or r["kind"] == kind)
                and (not country or r["country"] == query.check_country(country))][:limit]
        roles: dict[int, list[dict]] = {}
        people = [r["actor_id"] for r in rows if r["kind"] == "person"]
        if len(people) > 50:   # many people: every role in one pass rather than a question each
            for role in tables.roles(self.store):
                roles.setdefault(role["actor_id"], []).append(role)
        else:
            roles = {i: read.roles_of_actor(self.store, i, 1) for i in people}
        return Records(Actor(r["actor_id"], r["name"], r["kind"], r["country"],
                             sectors.of_actor(r["kind"], r["name"], roles.get(r["actor_id"], ())), r.get("n"))
                       for r in rows)

    def roles(self, actor: str | None = None, title: str | None = None, country: str | None = None) -> Records:
        """An actor's roles (`actor`), or everyone seen in a post (`title`, in `country` or any)."""
        if bool(actor) == bool(title):
            raise query.QueryError("roles need an actor or a title, not both", "roles_question")
        if actor:
            a = query.find_actor(self.store, actor)
            found = [{**r, "actor_id": a["actor_id"], "name": a["name"]}
                     for r in read.roles_of_actor(self.store, a["actor_id"], 1)]
        else:
            total = query.post(self.store, title, country, 1)["total"]
            found = self._pages(lambda n, at: query.post(self.store, title, country, n, at)["roles"], total, None)
        return Records(Role(r["actor_id"], r["name"], r["rank"], r["title"], r["organization"], r["country"],
                            sectors.of_role(r["rank"], r["title"], r["organization"]), r["start"], r["end"],
                            r["first_observed"], r["last_observed"], r["certainty"], r["evidence_count"])
                       for r in found)

    def who(self, title: str, country: str | None = None, on: str | None = None) -> Records:
        """Who held a post on a date (today unless `on`), the most likely holder first."""
        answer = query.who(self.store, title, country, on, MAX_LIMIT)   # query.who: today when None
        return Records(Holder(h["actor_id"], h["name"], h["since"], h["until"], h["last_observed"],
                              h["evidence_count"], h["evidence"], h["country"], h["basis"]) for h in answer["holders"])

    def search(self, text: str, limit: int = 100) -> Records:
        """Sentences matching the words (diacritics optional); `.actors` holds the actors found."""
        answer = query.search(self.store, text, min(limit, MAX_LIMIT))
        out = Records(Sentence(s["doc_id"], s["idx"], s["text"], s["title"], s["published"])
                      for s in answer["sentences"])
        out.actors = Records(Actor(a["actor_id"], a["name"], a["kind"], a["country"], [], a["n"])
                             for a in answer["actors"])
        out.total = answer["sentence_total"]
        return out


def open(path: str | Path) -> KnowledgeBase:  # noqa: A001 - biennien.open, as sqlite3.connect
    """Open a knowledge base for questions from Python (a notebook, a script)."""
    return KnowledgeBase(path)
