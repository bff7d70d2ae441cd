"""Coordinates of the places biennien names: resources/vi/coordinates.tsv (written at build time by
scripts/place_coordinates.py from GeoNames; nothing is looked up at run time).

An event's location is a place's name ("Hà Nội") or the words of a place phrase ("Trụ sở Bộ
Quốc phòng Lào"): the most precise known name inside it gives the point (a city before a
province, a province before a country, a country before a region).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import resources
from .text import place_tones, trie_pattern

PRECISIONS = ("city", "province", "country", "region")   # most precise first


@dataclass(slots=True, frozen=True)
class Point:
    name: str                 # the known name found
    country: str | None
    precision: str            # city | province | country | region
    latitude: float
    longitude: float
    geonameid: int | None


@functools.cache
def _points() -> dict[str, Point]:
    out: dict[str, Point] = {}
    for r in resources.load("coordinates"):
        out.setdefault(r["name"], Point(r["name"], r["country"], r["precision"], float(r["latitude"]),
                                        float(r["longitude"]), int(r["geonameid"]) if r["geonameid"] else None))
    by_iso = {p.country: p for p in out.values() if p.precision == "country"}
    for r in resources.load("countries"):   # every spelling of a country: "Mỹ", "Hoa Kỳ", "Lào"
        p = by_iso.get(r["iso3"])
        if p and r["name"] not in out:   # "Mỹ", "Ý" are ambiguous in a sentence, not in a place phrase
            out[r["name"]] = Point(r["name"], p.country, p.precision, p.latitude, p.longitude, p.geonameid)
    return out


@functools.cache
def _pattern() -> re.Pattern:
    return re.compile(rf"(?<!\w)({trie_pattern(_points())})(?!\w)")


def point(name: str | None) -> Point | None:
    """The point of a place's exact name."""
    return _points().get(name) if name else None


def locate(text: str | None) -> Point | None:
    """The point of a location: its exact name, else the most precise known name inside it."""
    if not text:
        return None
    text = place_tones(text)
    exact = _points().get(text)
    if exact:
        return exact
    found = [_points()[m.group(1)] for m in _pattern().finditer(text)]
    if not found:
        return None
    return min(found, key=lambda p: (PRECISIONS.index(p.precision), -len(p.name)))


def fields(text: str | None) -> dict:
    """The coordinate fields of an answer: latitude, longitude, location_precision, geonameid."""
    p = locate(text)
    if p is None:
        return {"latitude": None, "longitude": None, "location_precision": None, "geonameid": None}
    return {"latitude": p.latitude, "longitude": p.longitude, "location_precision": p.precision,
            "geonameid": p.geonameid}
