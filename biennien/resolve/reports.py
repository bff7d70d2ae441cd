"""Event mentions of newly resolved documents → events in the store, via resolve/events.merge.

Blocking keeps this incremental and near-linear: mentions dated to a day or a month are merged
per (type, month) with the stored events of that type and month that share a participant with
them; mentions with only a year or no date merge within their own document. Stored events are
never re-merged with each other.
"""
from __future__ import annotations

from collections import defaultdict

from ..store import resolution as io
from ..store.db import Store
from .events import EventKey, MergeItem, NewEvent, Party, merge, participants

FIELDS = ("mode", "context", "cameo", "place", "planned")


def _item(m: dict, actors: list[dict], recipients: list[dict]) -> MergeItem:
    parties = tuple(Party(p["actor_id"], p["kind"], p.get("country"), role)
                    for role, side in (("actor", actors), ("recipient", recipients)) for p in side)
    return MergeItem(m["id"], m["doc_id"], m["sentence"], m["type"], m["date"], m["date_precision"], parties,
                     (m["planned"] or {}).get("start"), bool(m["negated"]))


def _block(item: MergeItem) -> tuple:
    if item.date and len(item.date) >= 7:
        return (item.type, item.date[:7])
    return (item.type, "doc", item.doc_id)


def _stored(store: Store, block: tuple, items: list[MergeItem]) -> list[EventKey]:
    if block[1] == "doc":
        return []
    actor_ids = sorted({p.actor_id for it in items for p in it.parties})
    out = []
    for row in io.events_sharing(store, block[0], block[1], actor_ids):
        parties = tuple(Party(p["actor_id"], p["kind"], p.get("country"), role)
                        for role in ("actor", "recipient") for p in row[role + "s"])
        out.append(EventKey(row["event_id"], row["type"], row["date"], row["date_precision"], parties,
                            (row["planned"] or {}).get("start"), frozenset(row["doc_ids"]), row["sentences"]))
    return out


def _show(parties: list[Party], names: dict) -> list[dict]:
    return [{"actor_id": p.actor_id, "name": names.get(p.actor_id, {}).get("name"), "kind": p.kind,
             "country": p.country} for p in parties]


def resolve(store: Store, rows: list[dict], participants_of) -> None:
    """`rows`: event mentions of the new documents; `participants_of(row)` → (actors, recipients)
    as dicts with actor_id, name, kind, country."""
    by_key, blocks, names = {}, defaultdict(list), {}
    for m in rows:
        actors, recipients = participants_of(m)
        for p in actors + recipients:
            names.setdefault(p["actor_id"], p)
        item = _item(m, actors, recipients)
        by_key[item.key] = m
        blocks[_block(item)].append(item)
    pairs = []
    for block, items in blocks.items():
        result = merge(items, _stored(store, block, items))
        first: dict = {}
        for key, event in result.assign.items():
            first.setdefault(event, by_key[key])
        ids = {}
        for event, ek in result.events.items():
            actors, recipients = participants(ek)
            names.update({r["actor_id"]: r for r in io.actor_names(store, [p.actor_id for p in actors + recipients
                                                                           if p.actor_id not in names])})
            shown = {"type": ek.type, "date": ek.date, "date_precision": ek.date_precision,
                     "actors": _show(actors, names), "recipients": _show(recipients, names)}
            if isinstance(event, NewEvent):
                m = first[event]
                ids[event] = io.add_event(store, {**shown, **{k: m[k] for k in FIELDS}, "location": m["place"]})
            else:
                io.update_event(store, event, shown)
                ids[event] = event
        pairs += [(ids[event], key) for key, event in result.assign.items()]
    io.assign_event_mentions(store, pairs)
