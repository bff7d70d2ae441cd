"""What the JSON API and the pages share: the forms of the parameters, JSON as the CLI prints it,
and which of the two a request wants."""
from __future__ import annotations

import json

from fastapi import Query, Request
from fastapi.responses import Response

from ..checks import MAX_LIMIT, MAX_OFFSET

ERRORS = {400: {"description": "a bad parameter: `{\"error\": \"one line\"}`"},
          404: {"description": "no such actor or document: `{\"error\": \"one line\"}`"}}
NAME = "an actor's name or spelling (diacritics matter), or its numeric id"
DATE = "YYYY, YYYY-MM or YYYY-MM-DD"
PLANNED = {"": None, "planned": True, "true": True, "happened": False, "false": False}


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def json_response(data, status: int = 200) -> Response:
    """JSON as the CLI prints it (UTF-8, not ASCII-escaped, non-JSON values as strings)."""
    body = json.dumps(data, ensure_ascii=False, default=str, separators=(",", ":"))
    return Response(body.encode("utf-8"), status_code=status, media_type="application/json")


def limit_param(default: int):
    return Query(default, ge=1, le=MAX_LIMIT, description=f"how many at most (1–{MAX_LIMIT})")


def offset_param():
    return Query(0, ge=0, le=MAX_OFFSET, description="how many to skip: the next page starts at offset + limit "
                                                     "(the answer says how many there are in all)")


def planned_param():
    return Query("", pattern="^(|planned|happened|true|false)$",
                 description="planned (or true): only plans announced for later; happened (or false): only what "
                             "happened")


def planned_value(planned: str) -> bool | None:
    return PLANNED[planned]


def joined(values: list[str]) -> str:
    """A list parameter given repeated (`type=A&type=B`), comma-separated (`type=A,B`) or both, as
    one comma-separated string."""
    return ",".join(v.strip() for value in values for v in value.split(",") if v.strip())
