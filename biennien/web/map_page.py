"""The map page (/map): events on an SVG world map, with a zoom to Vietnam and its neighbours.

The server answers the same `query.events` question as the events page and groups the located
events by point; the browser draws them over Natural Earth countries with d3-geo and
topojson-client (vendored from npm in static/vendor/, no tile server: it works offline).
"""
from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request

from .. import query
from ..query import PLOVER_TYPES, QueryError
from .errors import query_message
from .render import render
from .views import event_sources

router = APIRouter(include_in_schema=False)
MAP_EVENTS = 500   # the newest located events drawn at once (query.MAX_LIMIT); the page says how many match
VIEWS = ("world", "region")


def _points(events: list[dict]) -> list[dict]:
    """Events grouped by their point, each with what the page lists when the point is clicked."""
    points: dict[tuple, dict] = {}
    for e in events:
        if e.get("latitude") is None:
            continue
        p = points.setdefault((e["latitude"], e["longitude"]), {
            "lat": e["latitude"], "lon": e["longitude"], "place": e["location"], "precision": e["location_precision"],
            "events": [], "quads": {}})
        p["quads"][e["quad_class"]] = p["quads"].get(e["quad_class"], 0) + 1
        p["events"].append({
            "id": e["event_id"], "date": e["date"], "type": e["type"], "quad": e["quad_class"],
            "who": " → ".join(x for x in (", ".join(a["name"] for a in e["actors"] if a.get("name")),
                                          ", ".join(r["name"] for r in e["recipients"] if r.get("name"))) if x),
            "sources": [{"doc_id": s["doc_id"], "title": s.get("title") or s.get("source"),
                         "sentence_index": s.get("sentence_index")} for s in event_sources(e)[:3]]})
    out = []
    for p in points.values():
        quads = p.pop("quads")
        p["quad"] = max(quads, key=lambda q: (quads[q], -(q or 0)))
        out.append(p)
    out.sort(key=lambda p: -len(p["events"]))
    return out


@router.get("/map")
def map_page(request: Request, actor: str = Query("", max_length=200), type: str = Query("", max_length=200),
             since: str = Query("", max_length=10), until: str = Query("", max_length=10),
             view: str = Query("world", pattern="^(world|region)$")):
    store = request.app.state.stores.get()
    question = (actor or None, type or None, None, since or None, until or None, None)
    events, total, error = [], 0, None
    try:
        events = query.events(store, *question, MAP_EVENTS, 0)
        total = query.events_total(store, *question)
    except QueryError as exc:
        error = query_message(request, exc)
    points = _points(events)
    form = {"actor": actor, "type": type, "since": since, "until": until}
    listing = "/events?" + urlencode({k: v for k, v in form.items() if v})
    return render(request, "map.html", {
        "active": "map", "form": form, "types": PLOVER_TYPES, "view": view, "points": points, "error": error,
        "shown": len(events), "total": total, "located": sum(len(p["events"]) for p in points),
        "events_url": listing}, 400 if error else 200)
