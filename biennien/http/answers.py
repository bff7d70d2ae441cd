"""Questions answered as a page or as JSON by one handler, from the same parameters.

Each handler is registered twice: at `/PATH` (HTML, a form above the answer) and at `/api/PATH`
(JSON, as `biennien COMMAND --json` prints it). The parameters, their forms and their bounds are
the same for both (a list is repeated or comma-separated, `planned` is `planned|happened` or
`true|false`, `limit` is at most MAX_LIMIT); only the default page size differs, since a page
is read on a screen. A bad question is a message above the form with status 400 on the page,
and a one-line JSON error (400, or 404 for what does not exist) from the API.
"""
from __future__ import annotations

from typing import Optional
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from .. import query, settings
from ..checks import MAX_LIMIT, QueryError
from ..lexicon import types as event_types
from ..web.errors import query_message
from ..web.render import country_colour, language, render
from ..web.views import article_view, event_sources, participants
from .common import (DATE, ERRORS, NAME, joined, json_response, offset_param, planned_param, planned_value,
                     wants_json)

router = APIRouter()
PAGE = settings.get("http", "events_page")            # a phone scrolls through 20
API_PAGE = settings.get("http", "api_events")
NETWORK_PAGE = settings.get("http", "network_page")
API_NETWORK = settings.get("http", "api_network")
KINDS = ("person", "organization", "country")
CONFIDENCES = ("0.5", "0.6", "0.7", "0.8", "0.9")  # the events page's minimum-confidence choices


def _limit(description: str):
    return Query(None, ge=1, le=MAX_LIMIT, description=f"{description} (1–{MAX_LIMIT})")


@router.get("/events", include_in_schema=False)
@router.get("/api/events", summary="Events, newest first, filtered", responses=ERRORS)
def events(request: Request, actor: str = Query("", max_length=200, description=NAME),
           type: list[str] = Query([], max_length=16, description="PLOVER type(s), repeated or comma-separated"),
           country: str = Query("", max_length=3, description="ISO alpha-3 of a participant"),
           since: str = Query("", max_length=10, description=DATE), until: str = Query("", max_length=10, description=DATE),
           planned: str = planned_param(),
           min_confidence: str = Query("", pattern=r"^(|0(\.\d+)?|1(\.0+)?)$",
                                       description="only events at least this sure, 0..1 (README: Confidence)"),
           attribution: str = Query("named", alias="participants", pattern="^(named|none|any)$",
                                    description="named: events with an identifiable actor or recipient (default); "
                                                "none: only those without; any: all"),
           limit: Optional[int] = _limit(f"how many at most; {API_PAGE} unless given"),
           offset: int = offset_param()) -> Response:
    """Like `biennien events ... --json`: a list, as the CLI prints it; the header `X-Total-Count`
    says how many events match, `Link` names the next page. Each event carries at most 10 of its
    mentions (`mention_count`)."""
    store = request.app.state.stores.get()
    as_json = wants_json(request)
    limit = limit or (API_PAGE if as_json else PAGE)
    question = (actor or None, joined(type) or None, country or None, since or None, until or None,
                planned_value(planned))
    sure = {"min_confidence": float(min_confidence) if min_confidence else None, "participants": attribution}
    if as_json:
        found = query.events(store, *question, limit, offset, **sure)
        total = query.events_total(store, *question, **sure)
        response = json_response(found)
        response.headers["x-total-count"] = str(total)
        if offset + limit < total:
            response.headers["link"] = f'<{request.url.include_query_params(offset=offset + limit)}>; rel="next"'
        return response
    rows, total, error = [], 0, None
    try:
        rows = query.events(store, *question, limit, offset, **sure)
        total = query.events_total(store, *question, **sure)
    except QueryError as exc:
        error = query_message(request, exc)
    form = {"actor": actor, "type": joined(type), "country": country, "since": since, "until": until,
            "planned": {"true": "planned", "false": "happened"}.get(planned, planned), "min_confidence": min_confidence,
            "participants": attribution}
    api = {**{k: v for k, v in form.items() if v and k not in ("planned", "participants")}, "limit": limit,
           "offset": offset}
    if attribution != "named":
        api["participants"] = attribution
    if form["planned"]:
        api["planned"] = "true" if form["planned"] == "planned" else "false"
    return render(request, "events.html", {
        "active": "events", "api_url": "/api/events?" + urlencode(api), "rows": rows, "total": total,
        "more": offset + len(rows) < total, "offset": offset, "limit": limit,
        "form": form, "types": query.PLOVER_TYPES, "confidences": CONFIDENCES, "error": error, "parts": participants, "sources": event_sources,
        "page": offset // limit + 1}, 400 if error else 200)


@router.get("/network", include_in_schema=False)
@router.get("/api/network", summary="Who met whom: actor pairs sharing events", responses=ERRORS)
def network(request: Request,
            type: list[str] = Query(["CONSULT"], max_length=16, description="PLOVER type(s), repeated or comma-separated"),
            since: str = Query("", max_length=10, description=DATE), until: str = Query("", max_length=10, description=DATE),
            kind: list[str] = Query([], max_length=4, description="actor kinds, repeated or comma-separated "
                                                                  "(default person, organization)"),
            kinds: str = Query("", max_length=100, include_in_schema=False),  # the API's first spelling of `kind`
            limit: Optional[int] = _limit(f"pairs at most; {API_NETWORK} unless given"),
            offset: int = offset_param()) -> Response:
    """Pairs (`a`, `b`, events shared `n`, `first`, `last`), the most shared first (`total` pairs),
    and the actors they name."""
    store = request.app.state.stores.get()
    as_json = wants_json(request)
    kind_list = [k for k in joined([*kind, kinds]).split(",") if k] or ["person", "organization"]
    limit = limit or (API_NETWORK if as_json else NETWORK_PAGE)
    question = (joined(type), since or None, until or None, ",".join(kind_list), limit, offset)
    if as_json:
        return json_response(query.network(store, *question))
    graph, error = {"nodes": [], "edges": []}, None
    try:
        graph = query.network(store, *question)
    except QueryError as exc:
        error = query_message(request, exc)
    lang = language(request)[0]
    countries: dict[str, dict] = {}
    for n in graph["nodes"]:
        n["colour"] = country_colour(n.get("country"))
        code = n.get("country") or ""
        entry = countries.setdefault(code, {"code": code, "colour": n["colour"], "n": 0})
        entry["n"] += 1
    names = {n["actor_id"]: n["name"] for n in graph["nodes"]}
    data = {"nodes": [{"id": n["actor_id"], "name": n["name"], "country": n.get("country"), "colour": n["colour"],
                       "kind": n["kind"], "events": n["events"]} for n in graph["nodes"]],
            "edges": [{"a": e["a"], "b": e["b"], "n": e["n"], "first": e["first"], "last": e["last"]}
                      for e in graph["edges"]],
            "lang": lang}
    form_types = [t for t in joined(type).split(",") if t]
    return render(request, "network.html", {
        "active": "network", "graph": data, "names": names, "edges": graph["edges"][:60],
        "countries": sorted(countries.values(), key=lambda c: -c["n"]), "types": event_types.network(),
        "kinds": KINDS, "form": {"type": form_types, "since": since, "until": until, "kind": kind_list},
        "error": error}, 400 if error else 200)


@router.get("/article/{doc_id}", include_in_schema=False)
@router.get("/api/article/{doc_id}", responses=ERRORS,
            summary="One article: clean text, zones, sentences, mentions, times, events, roles")
def article(request: Request, doc_id: str = Path(..., max_length=64, description="16 hex digits"),
            s: list[int] = Query([], max_length=50, include_in_schema=False)) -> Response:
    """Offsets point into `text`; `event_mentions` carry trigger offsets."""
    store = request.app.state.stores.get()
    doc = query.article(store, doc_id)
    if wants_json(request):
        return json_response(doc)
    return render(request, "article.html", {"doc": doc, "view": article_view(doc), "selected": set(s),
                                            "parts": participants})
