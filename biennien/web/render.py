"""Templates, interface language and the little formatting helpers the templates share.

The interface speaks Vietnamese by default and English on request (`?lang=en`, remembered in a
cookie); its words are rows of `static/strings.json`, never Python literals.
"""
from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from urllib.parse import urlencode

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from .. import resources
from ..lexicon import types as event_types

WEB = Path(__file__).resolve().parent
LANGS = ("vi", "en")
COOKIE = "lang"
# colours for the countries seen most; any other country gets one from PALETTE by its code
COUNTRY_COLOURS = {"VNM": "#c8102e", "LAO": "#1f5fa8", "KHM": "#2e8540", "CHN": "#d98c00", "USA": "#6a3d9a",
                   "RUS": "#00838f", "JPN": "#ad1457", "KOR": "#5d4037", "THA": "#7cb342", "IND": "#ef6c00"}
PALETTE = ("#8e24aa", "#3949ab", "#00897b", "#f4511e", "#6d4c41", "#546e7a", "#c0ca33", "#d81b60", "#039be5")
NO_COUNTRY = "#8a8f98"


@functools.cache
def strings() -> dict[str, dict[str, str]]:
    return json.loads((WEB / "static" / "strings.json").read_text(encoding="utf-8"))


@functools.cache
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    try:
        for row in resources.load("countries"):
            if row.get("kind") == "name" and row.get("iso3"):
                names.setdefault(row["iso3"], row["name"])
    except Exception:  # noqa: BLE001 - a resource being edited must not take the pages down
        pass
    return names


def country_colour(code: str | None) -> str:
    if not code:
        return NO_COUNTRY
    if code in COUNTRY_COLOURS:
        return COUNTRY_COLOURS[code]
    return PALETTE[int(hashlib.md5(code.encode()).hexdigest(), 16) % len(PALETTE)]


def translator(lang: str):
    table = strings()

    def t(key: str, **values) -> str:
        entry = table.get(key)
        text = (entry.get(lang) or entry.get("vi")) if entry else key
        return text.format(**values) if values else text
    return t


def country_name(code: str | None, lang: str) -> str:
    if not code:
        return "?"
    entry = strings().get(f"country.{code}")
    if entry and entry.get(lang):
        return entry[lang]
    return _country_names().get(code, code) if lang == "vi" else code


def doc_label(title: str | None, source: str | None, published: str | None = None) -> str:
    """How an article is named in links: its title, else its date and file name."""
    if title and title.strip():
        return title.strip()
    name = (source or "?").rstrip("/").rsplit("/", 1)[-1]
    return f"{published} · {name}" if published else name


def inline_code(text: str | None) -> Markup:
    """`back-quoted` parts of API descriptions as <code>, everything escaped."""
    parts = (text or "").split("`")
    return Markup("".join(str(escape(p)) if i % 2 == 0 else f"<code>{escape(p)}</code>" for i, p in enumerate(parts)))


def language(request: Request) -> tuple[str, bool]:
    """The interface language, and whether it was asked for just now (to remember it)."""
    asked = request.query_params.get("lang")
    if asked in LANGS:
        return asked, True
    cookie = request.cookies.get(COOKIE)
    return (cookie if cookie in LANGS else "vi"), False


def url_with(request: Request, **changes) -> str:
    """This page's URL with some query parameters changed (None removes one)."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in changes]
    for key, value in changes.items():
        if value is None or value == "":
            continue
        for v in value if isinstance(value, (list, tuple)) else [value]:
            params.append((key, str(v)))
    query = urlencode(params)
    return request.url.path + (f"?{query}" if query else "")



def web_link(url: str | None) -> str | None:
    """A stored URL as a link target only when it is http(s): a feed may carry "javascript:" or
    "data:" in its url field, which must never reach an href."""
    if not url:
        return None
    scheme = url.strip().split(":", 1)[0].lower() if ":" in url else ""
    return url.strip() if scheme in ("http", "https") else None


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(WEB / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["colour"] = country_colour
    env.filters["web_link"] = web_link
    env.globals["doc_label"] = doc_label
    env.filters["code"] = inline_code
    return env


TEMPLATES = Jinja2Templates(env=_environment())


def render(request: Request, name: str, context: dict, status: int = 200):
    lang, remember = language(request)
    t = translator(lang)
    context = {"request": request, "lang": lang, "t": t, "active": context.get("active", ""),
               "url_with": lambda **c: url_with(request, **c),
               "country": lambda code: country_name(code, lang),
               "type_label": lambda type: event_types.label(type, lang),
               **context}
    response = TEMPLATES.TemplateResponse(request, name, context, status_code=status)
    if remember:
        response.set_cookie(COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax", httponly=True)
    return response
