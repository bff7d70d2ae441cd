"""One analysis as the rows the store inserts: built where the article was analysed (a worker),
so the one writer only runs the inserts.

Pure (no SQL, no store): `of(analysis)` makes the rows of every table but `documents`' ingest
time, which the writer adds when it stores them. A `Rows` travels from a worker to the writer
as tuples of strings and numbers, far cheaper to pickle than the records of an `Analysis`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..records import Analysis

# the tables `of` fills besides documents and document_sources, in foreign-key order
TABLES = ("zones", "sentences", "mentions", "time_exprs", "event_mentions", "role_observations")


@dataclass(slots=True)
class Rows:
    doc_id: str
    source: str
    document: tuple                 # the documents row without its last column, ingested_at
    tables: tuple[list, ...]        # the rows of each of TABLES, in that order
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    def __reduce__(self):
        return Rows, (self.doc_id, self.source, self.document, self.tables, self.warnings, self.timings)


_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # one encoder, not one per json.dumps


def _json(value) -> str:
    return _encode(value) if value != [] else "[]"   # most mentions have no title: no encoder call


def _participants(parts) -> str:
    return _json([{"name": p.name, "kind": p.kind, "country": p.country} for p in parts])


def of(a: Analysis) -> Rows:
    """The rows one analysis adds to the store."""
    art = a.article
    d = art.doc_id
    tables = (
        [(d, z.start, z.end, z.kind) for z in art.zones],
        [(d, s.index, s.start, s.end, s.text, int(s.is_caption)) for s in a.sentences],
        [(d, m.sentence, m.start, m.end, m.surface, m.kind, m.name, m.rank, _json(m.titles), m.organization,
          m.country, int(m.in_caption)) for m in a.mentions],
        [(d, t.sentence, t.start, t.end, t.surface, t.value, t.precision, t.kind, t.value_end, t.tense)
         for t in a.times],
        [(d, e.sentence, e.trigger, e.trigger_start, e.trigger_end, e.type, e.mode, _json(e.context), e.cameo,
          _participants(e.actors), _participants(e.recipients), e.place, e.date, e.date_precision,
          _json(e.planned) if e.planned else None, int(e.negated), int(e.reported), e.date_partial) for e in a.events],
        [(d, r.sentence, r.person, r.rank, r.title, r.organization, r.country, r.date, r.date_precision, r.change,
          r.change_date) for r in a.roles],
    )
    lo, hi = art.period or (None, None)
    document = (d, art.source, art.title, art.text, art.published, art.published_precision, art.outlet, art.url,
                lo, hi)
    return Rows(d, art.source, document, tables, a.warnings, a.timings)
