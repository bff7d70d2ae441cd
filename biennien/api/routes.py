"""JSON under /api/: the CLI's questions, answered by the same functions of `biennien.query`.

Each endpoint returns exactly what `biennien COMMAND --json` prints for the same question (the
tests compare them). Bad parameters are 400 with a one-line `{"error": ...}`; an unknown actor
or document is 404. Every list is bounded: `limit` (a default, at most 500) and `offset` page
through it, and the answer says how many there are in all, so that an answer does not grow
with the knowledge base.
"""
from __future__ import annotations

import json
from typing import Optional

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from .. import query
from ..query import MAX_LIMIT, MAX_OFFSET

router = APIRouter(prefix="/api", tags=["api"])
ERRORS = {400: {"description": "a bad parameter: `{\"error\": \"one line\"}`"},
          404: {"description": "no such actor or document: `{\"error\": \"one line\"}`"}}


def json_response(data, status: int = 200) -> Response:
    """JSON as the CLI prints it (UTF-8, not ASCII-escaped, non-JSON values as strings)."""
    body = json.dumps(data, ensure_ascii=False, default=str, separators=(",", ":"))
    return Response(body.encode("utf-8"), status_code=status, media_type="application/json")


def _answer(request: Request, fn, *args, **kwargs) -> Response:
    return json_response(fn(request.app.state.stores.get(), *args, **kwargs))


def _limit(default: int):
    return Query(default, ge=1, le=MAX_LIMIT, description=f"how many at most (1–{MAX_LIMIT})")


def _offset():
    return Query(0, ge=0, le=MAX_OFFSET, description="how many to skip: the next page starts at offset + limit "
                                                     "(the answer says how many there are in all)")


NAME = "an actor's name or spelling (diacritics matter), or its numeric id"
DATE = "YYYY, YYYY-MM or YYYY-MM-DD"


@router.get("/search", summary="Actors and sentences matching some words", responses=ERRORS)
def search(request: Request, q: str = Query(..., max_length=200, description="words; case and diacritics ignored"),
           limit: int = _limit(20), offset: int = _offset()) -> Response:
    """Like `biennien search TEXT --json`: actors whose spellings contain the words, and sentences
    (full-text search) that contain them; `actor_total` and `sentence_total` count them all."""
    return _answer(request, query.search, q, limit, offset)


@router.get("/actor", summary="An actor: spellings, country, roles, mentions, events, people met", responses=ERRORS)
def actor(request: Request, name: str = Query(..., max_length=200, description=NAME),
          limit: int = _limit(20), offset: int = _offset()) -> Response:
    """Like `biennien actor NAME --json`. `limit` and `offset` page through its mentions and events
    (`mention_count`, `event_count`); each role carries at most 10 pieces of evidence
    (`evidence_count`) and a spread of 60 of the dates it was seen on (`observed_count`)."""
    return _answer(request, query.actor, name, limit, offset)


@router.get("/who", summary="Who held a post on a date", responses=ERRORS)
def who(request: Request, title: str = Query(..., max_length=200, description='a post, e.g. "Bộ trưởng Quốc phòng"'),
        on: str = Query(..., max_length=10, description=DATE),
        country: Optional[str] = Query(None, max_length=3, description="ISO 3166 alpha-3, e.g. LAO"),
        limit: int = _limit(10), offset: int = _offset()) -> Response:
    """Like `biennien who TITLE --country C --on DATE --json`: the most likely holder first, with evidence."""
    return _answer(request, query.who, title, country, on, limit, offset)


@router.get("/events", summary="Events, newest first, filtered", responses=ERRORS)
def events(request: Request, actor: Optional[str] = Query(None, max_length=200, description=NAME),
           type: Optional[str] = Query(None, max_length=200, description="PLOVER type(s), comma-separated"),
           country: Optional[str] = Query(None, max_length=3, description="ISO alpha-3 of a participant"),
           since: Optional[str] = Query(None, max_length=10, description=DATE),
           until: Optional[str] = Query(None, max_length=10, description=DATE),
           planned: Optional[bool] = Query(None, description="true: only plans announced for later; false: only "
                                                             "what happened"),
           min_confidence: Optional[float] = Query(None, ge=0, le=1, description="only events at least this sure "
                                                   "(0..1; README: Confidence)"),
           participants: str = Query("named", pattern="^(named|none|any)$",
                                     description="named: events with an identifiable actor or recipient (default); "
                                                 "none: only those without; any: all"),
           limit: int = _limit(50), offset: int = _offset()) -> Response:
    """Like `biennien events ... --json`: a list, as the CLI prints it; the header `X-Total-Count`
    says how many events match, `Link` names the next page. Each event carries at most 10 of its
    mentions (`mention_count`)."""
    store = request.app.state.stores.get()
    found = query.events(store, actor, type, country, since, until, planned, limit, offset,
                         min_confidence=min_confidence, participants=participants)
    total = query.events_total(store, actor, type, country, since, until, planned, min_confidence=min_confidence,
                               participants=participants)
    response = json_response(found)
    response.headers["x-total-count"] = str(total)
    if offset + limit < total:
        response.headers["link"] = f'<{request.url.include_query_params(offset=offset + limit)}>; rel="next"'
    return response


@router.get("/timeline", summary="An actor's events and role changes in date order", responses=ERRORS)
def timeline(request: Request, name: str = Query(..., max_length=200, description=NAME),
             limit: int = _limit(100), offset: int = _offset()) -> Response:
    """Like `biennien timeline NAME --json`. The pages split the actor's events, newest first
    (`total`); each role change comes with the page whose events span its date."""
    return _answer(request, query.timeline, name, limit, offset)


@router.get("/article/{doc_id}", summary="One article: clean text, zones, sentences, mentions, times, events, roles",
            responses=ERRORS)
def article(request: Request, doc_id: str = Path(..., max_length=64, description="16 hex digits")) -> Response:
    """Offsets point into `text`; `event_mentions` carry trigger offsets."""
    return _answer(request, query.article, doc_id)


@router.get("/stats", summary="Counts of what the knowledge base holds")
def stats(request: Request) -> Response:
    """Like `biennien stats --json`."""
    return _answer(request, query.stats)


@router.get("/network", summary="Who met whom: actor pairs sharing events", responses=ERRORS)
def network(request: Request, type: Optional[str] = Query("CONSULT", max_length=200,
                                                          description="PLOVER type(s), comma-separated"),
            since: Optional[str] = Query(None, max_length=10, description=DATE),
            until: Optional[str] = Query(None, max_length=10, description=DATE),
            kinds: Optional[str] = Query("person,organization", max_length=100,
                                         description="actor kinds, comma-separated"),
            limit: int = _limit(200), offset: int = _offset()) -> Response:
    """Pairs (`a`, `b`, events shared `n`, `first`, `last`), the most shared first (`total` pairs),
    and the actors they name."""
    return _answer(request, query.network, type, since, until, kinds, limit, offset)


@router.get("/post", summary="Everyone seen in a post, earliest first", responses=ERRORS)
def post(request: Request, title: str = Query(..., max_length=200, description="a post"),
         country: Optional[str] = Query(None, max_length=3, description="ISO alpha-3"),
         limit: int = _limit(20), offset: int = _offset()) -> Response:
    """The timeline of a post: each holder's role with start, end, observed dates and evidence,
    earliest first (`total` roles); at most 10 pieces of evidence a role (`evidence_count`) and a
    spread of 60 of the dates it was seen on (`observed_count`)."""
    return _answer(request, query.post, title, country, limit, offset)


@router.get("/overview", summary="Counts, latest events and articles, most mentioned actors")
def overview(request: Request, limit: int = _limit(10)) -> Response:
    return _answer(request, query.overview, limit)
