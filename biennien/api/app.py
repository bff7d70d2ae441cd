"""`create_app(db)` builds the FastAPI app; `biennien serve` hands it to uvicorn, tests use it directly.

Read-only on the store, one SQLite connection per worker thread (connections are not thread-safe).
Every response carries the security headers; request bodies and query strings are bounded; errors
are one-line messages, JSON under /api/ and an HTML page elsewhere.
"""
from __future__ import annotations

import logging
import os
import threading
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..query import NotFound, QueryError
from ..store.db import Store
from .routes import json_response
from .routes import router as api_router

log = logging.getLogger("biennien.api")
STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
MAX_BODY = 16 * 1024
MAX_QUERY = 4096
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]


class Stores:
    """One read-only Store per thread, opened on first use."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        Store(self.path, readonly=True).close()  # a missing or foreign file fails here, not per request
        self.local = threading.local()
        self.lock = threading.Lock()
        self.opened: list[Store] = []

    def get(self) -> Store:
        store = getattr(self.local, "store", None)
        if store is None:
            store = self.local.store = Store(self.path, readonly=True)
            with self.lock:
                self.opened.append(store)
        return store

    def close(self) -> None:
        with self.lock:
            for store in self.opened:
                store.close()
            self.opened.clear()


class Guard:
    """ASGI middleware: security headers on every response, bounded request size."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        static = scope["path"].startswith("/static/")
        started = False

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {name for name, _ in SECURITY_HEADERS}
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                headers += SECURITY_HEADERS
                if static:
                    headers.append((b"cache-control", b"public, max-age=3600"))
                message = {**message, "headers": headers}
            await send(message)

        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length", b"0")
        if b"transfer-encoding" in headers:
            return await _refuse(send_with_headers, 411, "a request body needs a Content-Length")
        if not length.isdigit() or int(length) > MAX_BODY:
            return await _refuse(send_with_headers, 413, f"request body larger than {MAX_BODY} bytes")
        if len(scope.get("query_string", b"")) > MAX_QUERY:
            return await _refuse(send_with_headers, 414, f"query string longer than {MAX_QUERY} bytes")
        out = send_with_headers
        if scope["method"] == "HEAD":  # answered as GET without its body
            scope = {**scope, "method": "GET"}

            async def send_head(message):
                if message["type"] == "http.response.body":
                    message = {**message, "body": b""}
                await send_with_headers(message)
            out = send_head
        try:
            await self.app(scope, receive, out)
        except Exception:  # noqa: BLE001 - a crash is a one-line 500 with our headers, never a traceback
            log.exception("unhandled error on %s", scope.get("path"))
            if started:
                raise
            request = Request(scope)
            response = _error(request, 500, "internal error (see the server log)", _page_words("internal_message",
                                                                                                 request))
            await response(scope, receive, out)


async def _refuse(send, status: int, message: str) -> None:
    body = json_response({"error": message}, status).body
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(request: Request, status: int, message: str, page_message: str | None = None):
    """JSON under /api/ (`message`, English, one line); elsewhere an HTML page saying
    `page_message` in the page's language, with a link back."""
    if _wants_json(request):
        return json_response({"error": message}, status)
    from ..web.errors import back_link
    from ..web.render import render

    return render(request, "error.html", {"status": status, "message": page_message or message,
                                          "back": back_link(request)}, status)


def _page_words(name: str, request: Request, *args) -> str | None:
    """web.errors.<name>(request, *args) when the answer is a page (the JSON API needs none)."""
    if _wants_json(request):
        return None
    from ..web import errors

    return getattr(errors, name)(request, *args)


def _validation_message(exc: RequestValidationError) -> str:
    errors = exc.errors()
    if not errors:
        return "bad request"
    first = errors[0]
    where = first.get("loc", ())[-1] if first.get("loc") else "request"
    return f"{where}: {first.get('msg', 'invalid value')}"


def create_app(db_path: str | Path) -> FastAPI:
    """The app over one knowledge base file (opened read-only; fails now if it cannot be opened)."""
    from ..web.map_page import router as map_router
    from ..web.pages import router as pages_router

    stores = Stores(db_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        stores.close()

    app = FastAPI(lifespan=lifespan, title="biennien", version="1", docs_url=None, redoc_url=None, openapi_url="/openapi.json",
                  description="A time-aware knowledge base of political actors and events from Vietnamese news. "
                              "Every endpoint answers the same question as the CLI command of the same name "
                              "(`--json`), from the same query functions.")
    app.state.stores = stores
    app.state.page_cache = {}  # slow-changing page parts (web.pages._cached)
    app.include_router(api_router)
    app.include_router(pages_router)
    app.include_router(map_router)
    app.mount("/static", StaticFiles(directory=STATIC, follow_symlink=False), name="static")

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError):
        message = str(exc).splitlines()[0] if str(exc) else "bad question"
        return _error(request, 404 if isinstance(exc, NotFound) else 400, message,
                      _page_words("query_message", request, exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        return _error(request, 400, _validation_message(exc), _page_words("validation_message", request, exc.errors()))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "error"
        return _error(request, exc.status_code, message, _page_words("http_message", request, exc.status_code))

    app.add_middleware(Guard)
    return app


def from_environment() -> FastAPI:
    """The app over $BIENNIEN_SERVE_DB: what each process of `biennien serve --workers N` builds."""
    return create_app(os.environ["BIENNIEN_SERVE_DB"])
