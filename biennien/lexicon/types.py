"""Event types, read once from resources/vi/event_types.tsv: one row per PLOVER type says how many
sides it needs, whether it governs what follows it, whether its nouns report events of their own,
whether the network page offers it, the CAMEO code of a plan, and its labels. Every module that
treats types differently asks here; adding a type is a row there and trigger rows in triggers.tsv.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from .. import resources


@dataclass(slots=True, frozen=True)
class EventType:
    name: str
    sides: str                  # two | one | one_or_two | two_states
    governing: bool
    governs_nouns: bool         # a noun of an event after it is its content ("lên án vụ tấn công")
    standalone: bool
    network: int | None         # position on the network page, None: not offered
    plan_cameo: str | None
    unnamed_side: str | None    # "actors" | "recipients": the side the place's country takes when nobody is named
    label_vi: str
    label_en: str


@functools.cache
def table() -> dict[str, EventType]:
    """Every type, in the file's order (the order the UI and the API list them in)."""
    return {r["type"]: EventType(r["type"], r["sides"], r["governing"] in ("yes", "nouns"),
                                 r["governing"] == "nouns", r["standalone"] == "yes",
                                 int(r["network"]) if r["network"] else None, r["plan_cameo"],
                                 r["unnamed_side"], r["label_vi"], r["label_en"])
            for r in resources.load("event_types")}


@functools.cache
def names() -> tuple[str, ...]:
    return tuple(table())


@functools.cache
def with_sides(sides: str) -> frozenset[str]:
    return frozenset(t.name for t in table().values() if t.sides == sides)


@functools.cache
def governing() -> frozenset[str]:
    return frozenset(t.name for t in table().values() if t.governing)


@functools.cache
def governs_nouns() -> frozenset[str]:
    return frozenset(t.name for t in table().values() if t.governs_nouns)


@functools.cache
def standalone() -> frozenset[str]:
    return frozenset(t.name for t in table().values() if t.standalone)


@functools.cache
def unnamed_sides() -> dict[str, str]:
    """{type: "actors" | "recipients"} for the types whose place stands in when nobody is named."""
    return {t.name: t.unnamed_side for t in table().values() if t.unnamed_side}


@functools.cache
def network() -> tuple[str, ...]:
    offered = [t for t in table().values() if t.network is not None]
    return tuple(t.name for t in sorted(offered, key=lambda t: t.network))


@functools.cache
def plan_cameo() -> dict[str, str]:
    return {t.name: t.plan_cameo for t in table().values() if t.plan_cameo}


def label(name: str, lang: str) -> str:
    """The type's name in the UI ("en", else Vietnamese); an unknown type as it is."""
    t = table().get(name)
    return name if t is None else t.label_en if lang == "en" else t.label_vi
