"""What went wrong, said in the page's language: a bad question (`QueryError`), a bad parameter
(FastAPI's validation), a missing page. The JSON API keeps its one-line English errors; these
are the pages' words, rows of `static/strings.json` like every other word of the interface."""
from __future__ import annotations

from urllib.parse import urlsplit

from fastapi import Request

from ..checks import QueryError
from .render import language, strings, translator

LONGEST = 80  # characters of a rejected value shown back


def _shown(value) -> str:
    text = str(value)
    return text if len(text) <= LONGEST else text[:LONGEST] + "…"


def _field(t, name: str) -> str:
    return t(f"field.{name}") if f"field.{name}" in strings() else name


def query_message(request: Request, exc: QueryError) -> str:
    t = translator(language(request)[0])
    key = f"error.query.{getattr(exc, 'code', 'bad')}"
    if key not in strings():
        key = "error.query.bad"
    values = {k: _field(t, v) if k == "field" else _shown(v) if k in ("value", "name") else v
              for k, v in getattr(exc, "values", {}).items()}
    try:
        return t(key, **values)
    except (KeyError, IndexError):  # a row naming a value the error does not carry
        return t("error.query.bad")


def validation_message(request: Request, errors: list[dict]) -> str:
    """The first of FastAPI's validation errors, one line, naming the form's field."""
    t = translator(language(request)[0])
    if not errors:
        return t("error.other")
    first = errors[0]
    loc = first.get("loc") or ()
    name = next((str(x) for x in reversed(loc) if isinstance(x, str)), "")
    kind = first.get("type", "")
    kind = "int_parsing" if kind.startswith("int_") else kind
    key = f"error.param.{kind}" if f"error.param.{kind}" in strings() else "error.param.other"
    values = {"field": _field(t, name) if name else "?", "value": _shown(first.get("input", "")),
              **{k: _shown(v) for k, v in (first.get("ctx") or {}).items()}}
    try:
        return t(key, **values)
    except (KeyError, IndexError):
        return t("error.param.other", **values)


def http_message(request: Request, status: int) -> str:
    t = translator(language(request)[0])
    if status == 404:
        return t("error.no_page")
    if status == 405:
        return t("error.method", method=request.method)
    return t("error.other")


def internal_message(request: Request) -> str:
    return translator(language(request)[0])("error.internal")


def back_link(request: Request) -> str | None:
    """The page the person came from, when it is one of ours and not this one."""
    referer = request.headers.get("referer")
    if not referer:
        return None
    url = urlsplit(referer)
    if url.netloc != request.url.netloc or url.scheme not in ("http", "https"):
        return None
    if not url.path.startswith("/") or url.path.startswith("//") or "\\" in url.path:
        return None  # "//host" or "/\\host" would lead a browser elsewhere
    path = url.path + (f"?{url.query}" if url.query else "")
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return path if path != here else None
