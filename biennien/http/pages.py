"""The HTML pages that are only pages (home, actor, who, docs); events, network and article are
answered as a page or as JSON by one handler each, in answers.py. Each calls the same
`biennien.query` functions as the CLI and the JSON API.

Pages with a form (home, events, network, who) show a bad value as a message above the form and
answer 400; the actor and article pages answer 404 for what does not exist.
"""
from __future__ import annotations

import time

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import FileResponse, RedirectResponse

from .. import query, settings
from ..checks import QueryError
from ..web import charts
from ..web.errors import query_message
from ..web.render import WEB, language, render, translator
from ..web.views import marked, participants

router = APIRouter(include_in_schema=False)
OVERVIEW_TTL = settings.get("http", "overview_ttl")


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


@router.get("/who")
def who(request: Request, title: str = Query("", max_length=200), country: str = Query("", max_length=3),
        on: str = Query("", max_length=10), offset: int = Query(0, ge=0, le=1_000_000),
        limit: int = Query(20, ge=1, le=100)):
    """The holders on a date (today when none is given, as /api/who answers), one ranking per
    country when no country is given, and the post's timeline a page of holders at a time (a
    prime minister's post, in any country, has hundreds)."""
    store = _store(request)
    holders, answer, post, chart, error = None, None, None, None, None
    try:
        if title.strip():
            post = query.post(store, title, country or None, limit, offset)
            for role in post["roles"]:
                query.locate(store, role["evidence"])
            answer = query.who(store, title, country or None, on or None)
            holders = answer["holders"]
            for h in holders:
                query.locate(store, h["evidence"])
            chart = charts.post_chart(post["roles"], _t(request), on or None)
    except QueryError as exc:
        error = query_message(request, exc)
    return render(request, "who.html", {
        "active": "who", "form": {"title": title, "country": country, "on": on}, "post": post, "holders": holders,
        "answer": answer,
        "offset": offset, "limit": limit,
        "chart": chart, "posts": _cached(request, "posts", lambda: query.posts(store, 200)), "error": error},
        _status(error))


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
