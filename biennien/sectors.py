"""Sectors of actors in PLOVER's agent vocabulary (GOV, MIL, COP, LEG, JUD, PTY, ...), derived
from what biennien already reads: organisation kinds, titles, organisations and ranks
(resources/vi/sectors.tsv). Derived when read, never stored: a new row changes every answer."""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from . import resources


@functools.cache
def _kinds() -> dict[str, str]:
    """Organisation name (as written and its normal form) → its kind in organizations.tsv."""
    out = {}
    for r in resources.load("organizations"):
        out[r["name"]] = r["kind"]
        if r.get("normal"):
            out.setdefault(r["normal"], r["kind"])
    return out


@functools.cache
def _rules() -> tuple[dict[str, set[str]], list[tuple[re.Pattern, str]], str | None]:
    by_kind: dict[str, set[str]] = {}
    words: list[tuple[re.Pattern, str]] = []
    rank = None
    for r in resources.load("sectors"):
        if r["on"] == "kind":
            by_kind.setdefault(r["match"], set()).add(r["sector"])
        elif r["on"] == "word":
            words.append((re.compile(rf"(?<!\w){re.escape(r['match'])}(?!\w)"), r["sector"]))
        elif r["on"] == "rank":
            rank = r["sector"]
    return by_kind, words, rank


def of_words(*texts: str | None) -> set[str]:
    """Sectors named by the words of titles, organisations or names."""
    _, words, _ = _rules()
    return {sector for text in texts if text for pattern, sector in words if pattern.search(text)}


def of_organization(name: str | None) -> set[str]:
    """An organisation's sectors: its kind's, then the words of its name."""
    if not name:
        return set()
    by_kind, _, _ = _rules()
    return set(by_kind.get(_kinds().get(name, ""), ())) | of_words(name)


def of_role(rank: str | None, title: str | None, organization: str | None) -> list[str]:
    """A role's sectors, sorted: its title's and organisation's words, its organisation's kind,
    and MIL for a rank (COP instead when the role is police)."""
    found = of_words(title) | of_organization(organization)   # the organisation's words are read there
    _, _, rank_sector = _rules()
    if rank and rank_sector and "COP" not in found:
        found.add(rank_sector)
    return sorted(found)


def of_actor(kind: str, name: str, roles: Iterable[dict] = ()) -> list[str]:
    """An actor's sectors: an organisation's own; a person's, every sector of their roles."""
    if kind == "organization":
        return sorted(of_organization(name))
    if kind == "person":
        return sorted({s for r in roles for s in of_role(r.get("rank"), r.get("title"), r.get("organization"))})
    return []
