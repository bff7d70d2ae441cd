"""Intensity and quad class of a CAMEO code, read from resources/vi/goldstein.tsv and quad_classes.tsv.

Event-data users filter by these two numbers (GDELT's GoldsteinScale and QuadClass); biennien
derives them from the CAMEO code each event already has, so they are never out of step with it.
"""
from __future__ import annotations

import functools

from . import resources

VISIT_CAMEO = "042"    # make a visit: its place is its host; a visit and the talks during it are two events
SIGN_CAMEO = "057"   # sign a formal agreement: an act of its own, never the same as praise or a medal
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@functools.cache
def _goldstein() -> dict[str, float]:
    return {r["cameo"]: float(r["goldstein"]) for r in resources.load("goldstein")}


@functools.cache
def _quads() -> dict[str, int]:
    return {r["root"]: int(r["quad_class"]) for r in resources.load("quad_classes")}


def goldstein(code: str | None) -> float | None:
    """The Goldstein value of a CAMEO code (a 4-digit code without a row takes its 3-digit parent's)."""
    if not code:
        return None
    table = _goldstein()
    return table.get(code, table.get(code[:3]))


def quad_class(code: str | None) -> int | None:
    """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    return _quads().get(code[:2]) if code else None
