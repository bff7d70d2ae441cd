"""The HTML pages: each one calls the same `biennien.query` functions as the CLI and the JSON API.

Pages with a form (home, events, network, who) show a bad value as a message above the form and
answer 400; the actor and article pages answer 404 for what does not exist.
"""
from __future__ import annotations

import time
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import FileResponse, RedirectResponse

from .. import query
from ..query import PLOVER_TYPES, QueryError
from . import charts
from .errors import query_message
from .render import WEB, country_colour, language, render, translator
from .views import article_view, event_sources, marked, participants

router = APIRouter(include_in_schema=False)
NETWORK_TYPES = ("CONSULT", "AGREE", "COOPERATE", "SUPPORT", "AID", "REQUEST")
KINDS = ("person", "organization", "country")
OVERVIEW_TTL = 15.0
CONFIDENCES = ("0.5", "0.6", "0.7", "0.8", "0.9")  # the events page's minimum-confidence choices
EVENTS_PAGE = 20  # events on a page unless ?limit= asks for more (at most 200): a phone scrolls through 20


def _store(request: Request):
    return request.app.state.stores.get()


def _t(request: Request):
    return translator(language(request)[0])


def _status(error: str | None) -> int:
    return 400 if error else 200


def _cached(request: Request, key: str, fn, ttl: float = OVERVIEW_TTL):
    """A slow-changing answer kept for `ttl` seconds (the home page's counts and top lists)."""
    cache = request.app.state.page_cache
    now = time.monotonic()
    hit = cache.get(key)
    if hit and now - hit[0] < ttl:
        return hit[1]
    value = fn()
    cache[key] = (now, value)
    return value


@router.get("/")
def home(request: Request, q: str = Query("", max_length=200)):
    store = _store(request)
    found, error = None, None
    if q.strip():
        try:
            found = query.search(store, q, 30)
        except QueryError as exc:
            error = query_message(request, exc)
    return render(request, "home.html", {"active": "home", "q": q, "found": found, "error": error, "marked": marked,
                                         "overview": _cached(request, "overview", lambda: query.overview(store, 8)), "parts": participants},
                  _status(error))


@router.get("/actor")
def actor_by_name(request: Request, name: str = Query(..., max_length=200)):
    found = query.find_actor(_store(request), name)
    return RedirectResponse(f"/actor/{found['actor_id']}", status_code=303)


@router.get("/actor/{ref}")
def actor(request: Request, ref: str = Path(..., max_length=200)):
    store = _store(request)
    data = query.actor(store, ref, 100)
    for role in data["roles"]:
        query.locate(store, role["evidence"])
    chart = charts.actor_chart(data["roles"], data["events"], _t(request))
    return render(request, "actor.html", {"a": data, "chart": chart, "parts": participants})


@router.get("/events")
def events(request: Request, actor: str = Query("", max_length=200), type: str = Query("", max_length=200),
           country: str = Query("", max_length=3), since: str = Query("", max_length=10),
           until: str = Query("", max_length=10), planned: str = Query("", pattern="^(|planned|happened)$"),
           min_confidence: str = Query("", pattern=r"^(|0(\.\d{1,2})?|1(\.0{1,2})?)$"),
           attribution: str = Query("named", alias="participants", pattern="^(named|none|any)$"),
           offset: int = Query(0, ge=0, le=1_000_000), limit: int = Query(EVENTS_PAGE, ge=1, le=200)):
    store = _store(request)
    rows, total, error = [], 0, None
    question = (actor or None, type or None, country or None, since or None, until or None,
                {"planned": True, "happened": False}.get(planned))
    try:
        sure = float(min_confidence) if min_confidence else None
        rows = query.events(store, *question, limit, offset, min_confidence=sure, participants=attribution)
        total = query.events_total(store, *question, min_confidence=sure, participants=attribution)
    except QueryError as exc:
        error = query_message(request, exc)
    form = {"actor": actor, "type": type, "country": country, "since": since, "until": until, "planned": planned,
            "min_confidence": min_confidence, "participants": attribution}
    api = {**{k: v for k, v in form.items() if v and k not in ("planned", "participants")}, "limit": limit,
           "offset": offset}
    if attribution != "named":
        api["participants"] = attribution
    if planned:
        api["planned"] = "true" if planned == "planned" else "false"
    return render(request, "events.html", {
        "active": "events", "api_url": "/api/events?" + urlencode(api), "rows": rows, "total": total,
        "more": offset + len(rows) < total, "offset": offset, "limit": limit,
        "form": form, "types": PLOVER_TYPES, "confidences": CONFIDENCES, "error": error, "parts": participants, "sources": event_sources,
        "page": offset // limit + 1}, _status(error))


@router.get("/network")
def network(request: Request, type: list[str] = Query(["CONSULT"], max_length=16),
            since: str = Query("", max_length=10), until: str = Query("", max_length=10),
            kind: list[str] = Query(["person", "organization"], max_length=4),
            limit: int = Query(120, ge=1, le=500)):
    store = _store(request)
    graph, error = {"nodes": [], "edges": []}, None
    try:
        graph = query.network(store, ",".join(type), since or None, until or None, ",".join(kind), limit)
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
    return render(request, "network.html", {
        "active": "network", "graph": data, "names": names, "edges": graph["edges"][:60],
        "countries": sorted(countries.values(), key=lambda c: -c["n"]), "types": NETWORK_TYPES, "kinds": KINDS,
        "form": {"type": type, "since": since, "until": until, "kind": kind}, "error": error}, _status(error))


@router.get("/article/{doc_id}")
def article(request: Request, doc_id: str = Path(..., max_length=64), s: list[int] = Query([], max_length=50)):
    store = _store(request)
    doc = query.article(store, doc_id)
    view = article_view(doc)
    return render(request, "article.html", {"doc": doc, "view": view, "selected": set(s), "parts": participants})


@router.get("/who")
def who(request: Request, title: str = Query("", max_length=200), country: str = Query("", max_length=3),
        on: str = Query("", max_length=10), offset: int = Query(0, ge=0, le=1_000_000),
        limit: int = Query(20, ge=1, le=100)):
    """The holders on a date, and the post's timeline a page of holders at a time (a prime
    minister's post, in any country, has hundreds)."""
    store = _store(request)
    holders, post, chart, error = None, None, None, None
    try:
        if title.strip():
            post = query.post(store, title, country or None, limit, offset)
            for role in post["roles"]:
                query.locate(store, role["evidence"])
            if on:
                holders = query.who(store, title, country or None, on)["holders"]
                for h in holders:
                    query.locate(store, h["evidence"])
            chart = charts.post_chart(post["roles"], _t(request), on or None)
    except QueryError as exc:
        error = query_message(request, exc)
    return render(request, "who.html", {
        "active": "who", "form": {"title": title, "country": country, "on": on}, "post": post, "holders": holders,
        "offset": offset, "limit": limit,
        "chart": chart, "posts": query.posts(store, 200), "error": error}, _status(error))


@router.get("/favicon.ico")
def favicon():
    """Browsers ask for it on the JSON answers, which have no <link rel=icon>."""
    return FileResponse(WEB / "static" / "favicon.svg", media_type="image/svg+xml")


@router.get("/docs")
def docs(request: Request):
    schema = request.app.openapi()
    endpoints = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            endpoints.append({"path": path, "method": method.upper(), "summary": op.get("summary", ""),
                              "description": op.get("description", ""),
                              "parameters": [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                                              "description": p.get("description", ""),
                                              "default": p.get("schema", {}).get("default")}
                                             for p in op.get("parameters", [])]})
    return render(request, "docs.html", {"active": "docs", "endpoints": endpoints, "info": schema.get("info", {})})
