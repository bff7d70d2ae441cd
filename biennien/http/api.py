"""JSON under /api/: the CLI's questions, answered by the same functions of `biennien.query`
(events, network and article are answered with their pages, in answers.py).

Each endpoint returns exactly what `biennien COMMAND --json` prints for the same question (the
tests compare them). Bad parameters are 400 with a one-line `{"error": ...}`; an unknown actor
or document is 404. Every list is bounded: `limit` (a default, at most 500) and `offset` page
through it, and the answer says how many there are in all, so that an answer does not grow
with the knowledge base.
"""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from .. import query
from .common import DATE, ERRORS, NAME, json_response, limit_param, offset_param

router = APIRouter(prefix="/api", tags=["api"])


def _answer(request: Request, fn, *args, **kwargs) -> Response:
    return json_response(fn(request.app.state.stores.get(), *args, **kwargs))


@router.get("/search", summary="Actors and sentences matching some words", responses=ERRORS)
def search(request: Request, q: str = Query(..., max_length=200, description="words; case and diacritics ignored"),
           limit: int = limit_param(20), offset: int = offset_param()) -> Response:
    """Like `biennien search TEXT --json`: actors whose spellings contain the words, and sentences
    (full-text search) that contain them; `actor_total` and `sentence_total` count them all."""
    return _answer(request, query.search, q, limit, offset)


@router.get("/actor", summary="An actor: spellings, country, roles, mentions, events, people met", responses=ERRORS)
def actor(request: Request, name: str = Query(..., max_length=200, description=NAME),
          limit: int = limit_param(20), offset: int = offset_param()) -> Response:
    """Like `biennien actor NAME --json`. `limit` and `offset` page through its mentions and events
    (`mention_count`, `event_count`); each role carries at most 10 pieces of evidence
    (`evidence_count`) and a spread of 60 of the dates it was seen on (`observed_count`)."""
    return _answer(request, query.actor, name, limit, offset)


@router.get("/who", summary="Who held a post on a date", responses=ERRORS)
def who(request: Request, title: str = Query(..., max_length=200, description='a post, e.g. "Bộ trưởng Quốc phòng"'),
        on: Optional[str] = Query(None, max_length=10, description=DATE + "; default: today"),
        country: Optional[str] = Query(None, max_length=3, description="ISO 3166 alpha-3, e.g. LAO"),
        limit: int = limit_param(10), offset: int = offset_param()) -> Response:
    """Like `biennien who TITLE --country C --on DATE --json`: the most likely holder first, with evidence;
    without a country, one ranking per country (`countries`); each holder's `basis` says what its
    place rests on (`record`, `stated`, `dated`, `undated`: seen only in articles of unknown date)."""
    return _answer(request, query.who, title, country, on, limit, offset)


@router.get("/timeline", summary="An actor's events and role changes in date order", responses=ERRORS)
def timeline(request: Request, name: str = Query(..., max_length=200, description=NAME),
             limit: int = limit_param(100), offset: int = offset_param()) -> Response:
    """Like `biennien timeline NAME --json`. The pages split the actor's events, newest first
    (`total`); each role change comes with the page whose events span its date."""
    return _answer(request, query.timeline, name, limit, offset)


@router.get("/stats", summary="Counts of what the knowledge base holds")
def stats(request: Request) -> Response:
    """Like `biennien stats --json`."""
    return _answer(request, query.stats)


@router.get("/post", summary="Everyone seen in a post, earliest first", responses=ERRORS)
def post(request: Request, title: str = Query(..., max_length=200, description="a post"),
         country: Optional[str] = Query(None, max_length=3, description="ISO alpha-3"),
         limit: int = limit_param(20), offset: int = offset_param()) -> Response:
    """The timeline of a post: each holder's role with start, end, observed dates and evidence,
    earliest first (`total` roles); at most 10 pieces of evidence a role (`evidence_count`) and a
    spread of 60 of the dates it was seen on (`observed_count`)."""
    return _answer(request, query.post, title, country, limit, offset)


@router.get("/overview", summary="Counts, latest events and articles, most mentioned actors")
def overview(request: Request, limit: int = limit_param(10)) -> Response:
    return _answer(request, query.overview, limit)
