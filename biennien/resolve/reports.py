"""Event mentions of newly resolved documents → events in the store, via resolve/events.merge.

Blocking keeps this incremental and near-linear: mentions dated to a day or a month are merged
per (type, month) with the stored events of that type and month that share a participant with
them; mentions with only a year or no date merge within their own document, and with the dated
stored events (the round's dated blocks are written first) that name two of their named persons
or organisations: an article whose date is unknown tells of the meeting another outlet dated
(resolve/events.py decides whether it fits, and leaves it alone when two such events do). Stored
events are never re-merged with each other.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from ..store import resolution as io
from ..store import scores
from ..store.db import Store
from .events import EventKey, MergeItem, NewEvent, item_from_row, key_from_row, merge, summarise


def _block(item: MergeItem) -> tuple:
    if item.date and len(item.date) >= 7:
        return (item.type, item.date[:7])
    return (item.type, "doc", item.doc_id)


def _named(item: MergeItem) -> list:
    """Who names a side of an undated report: persons and organisations; a stay's host state too."""
    kinds = ("person", "organization", "country") if item.visit == "stay" else ("person", "organization")
    return sorted({p.actor_id for p in item.parties if p.kind in kinds})


def _stored(store: Store, block: tuple, items: list[MergeItem]) -> tuple[list[EventKey], dict]:
    """The stored events new items of this block may join, as merge keys, and their rows by id."""
    if block[1] == "doc":
        pairs = sorted({pair for it in items for pair in combinations(_named(it), 2)})
        found = io.events_naming_both(store, block[0], pairs)
    else:
        found = io.events_sharing(store, block[0], block[1], sorted({p.actor_id for it in items for p in it.parties}))
    rows = {r["event_id"]: r for r in found}
    return [key_from_row(r, r["mentions"]) for r in rows.values()], rows


def resolve(store: Store, rows: list[dict], participants_of) -> None:
    """`rows`: event mentions of the new documents; `participants_of(row)` → (actors, recipients)
    as dicts with actor_id, name, kind, country."""
    by_key, blocks = {}, defaultdict(list)
    for m in rows:
        actors, recipients = participants_of(m)
        m = {**m, "actors": actors, "recipients": recipients}
        item = item_from_row(m)
        by_key[item.key] = m
        blocks[_block(item)].append(item)
    pairs = []
    for block, items in sorted(blocks.items(), key=lambda b: b[0][1] == "doc"):   # dated blocks first
        existing, stored = _stored(store, block, items)
        result = merge(items, existing)
        members: dict = defaultdict(list)
        for key, event in result.assign.items():
            members[event].append(by_key[key])
        ids = {}
        for event, ek in result.events.items():
            if isinstance(event, NewEvent):
                ids[event] = io.add_event(store, summarise(ek, members[event]))
            else:  # a stored event: its own row names the parties it had
                io.update_event(store, event, summarise(ek, [stored[event], *members[event]]))
                ids[event] = event
        pairs += [(ids[event], key) for key, event in result.assign.items()]
    io.assign_event_mentions(store, pairs)
    scores.refresh(store, [event_id for event_id, _ in pairs])
