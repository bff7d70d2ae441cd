"""Clean text: HTML to text (`markup`), NFC, page chrome dropped, captions/credits/bylines marked.

The clean text is the article's paragraphs joined by a blank line. Captions, credits, bylines
and source lines stay in it (a caption can report an event) but are marked as `Zone`s, so that
no later stage takes a photographer or a reporter for an actor. Offsets into this text are what
every later stage uses.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

from .. import resources
from ..io.markup import html_to_text
from ..records import Article, Source, Zone

DATE_FIELD = re.compile(r"^\s*date\s+(\d{4}(?:-\d{2}){0,2})\b\s*")
AGENCY_LEAD = re.compile(r"^\(([A-ZĐ][A-ZĐa-zđ0-9./ -]{1,30})\)\s*[-–—]+\s*")
TABLE_CELL = re.compile(r"^\|\s*(.*?)\s*\|$")
# control characters and invisible format characters (soft hyphen, zero-width and direction marks,
# word joiners, BOM): a name written "Ph\u00adạm" is "Phạm"
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]")
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+")
# What SPACES.sub(" ", ...) changes, and only that: a single " " is left alone, not replaced by itself
SPACES_TO_FOLD = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u3000]")
# Capitalised words joined by dots, spaces, commas or dashes, then maybe "/OUTLET". Written so that
# each line splits one way only: the nested optional joints it replaced backtracked exponentially
# (a 22-letter line of capitals took 30 s), and its "[,-–]" was a range matching nearly anything.
BYLINE_NAME = r"[A-ZĐ][\wÀ-ỹ]*"
BYLINE_JOINT = r"(?:\.?\s*[,\-–]\s*|\.?\s+|\.\.?)"
BYLINE = re.compile(rf"^{BYLINE_NAME}(?:{BYLINE_JOINT}{BYLINE_NAME})*\.?"
                    r"(?:\s*/\s*[\w.-]+(?: [\w.-]+){0,3})?\s*$")


@functools.cache
def _chrome() -> tuple[re.Pattern, re.Pattern]:
    rows = resources.load("chrome")
    drop = "|".join(f"(?:{r['pattern']})" for r in rows if r["action"] == "drop")
    tail = "|".join(f"(?:{r['pattern']})" for r in rows if r["action"] == "tail")
    return re.compile(rf"^(?:{drop})$", re.I), re.compile(rf"^(?:{tail})$", re.I)


@functools.cache
def _credit() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    """(a credit at the end of a line, a line that is only a credit, marker -> kind)."""
    rows = resources.load("credits")
    markers = sorted((r["marker"] for r in rows), key=len, reverse=True)
    alt = "|".join(re.escape(m) for m in markers)
    body = r"[^()\n]{1,80}?"
    tail = re.compile(rf"(?:\s*\(\s*(?:{alt})\s*:\s*{body}\)|(?<=[\s.,;])(?:{alt})\s*:\s*{body})\s*[.)]?\s*$", re.I)
    only = re.compile(rf"^\(?\s*(?:{alt})\s*:\s*{body}\)?\s*\.?$", re.I)
    return tail, only, {m.casefold(): r["kind"] for m, r in zip(markers, rows)}


@functools.cache
def _line_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(a dateline on a line of its own: "Thứ Năm, 10/10/2024 14:45 (GMT+0)", weekdays from
    date_words.tsv; a source line: "Nguồn VOV: https://…", markers of kind source in credits.tsv)."""
    weekdays = sorted((r["word"] for r in resources.load("date_words") if r["kind"] == "weekday"), key=len, reverse=True)
    days = "|".join(re.escape(w).replace("\\ ", r"\s+") for w in weekdays)
    dateline = re.compile(rf"^(?:(?:{days})\s*,?\s*)?(\d{{1,2}}/\d{{1,2}}/\d{{4}})"
                          r"(?:\s*[-,|]?\s*\d{1,2}[:h]\d{2}(?::\d{2})?)?\s*(?:\(?(?:GMT|UTC)\s*[+-]?\d*\)?)?$", re.I)
    markers = "|".join(re.escape(r["marker"]) for r in resources.load("credits") if r["kind"] == "source")
    source = re.compile(rf"^(?:{markers})\b[^:\n]{{0,40}}:?\s*(?:https?://\S+)?\s*$", re.I)
    return dateline, source


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return CONTROL.sub("", text)


def doc_id_for(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def clean(source: Source) -> Article:
    raw, meta = source.raw, {}
    if source.is_html:
        raw, meta = html_to_text(raw)
    text = normalize(raw)
    meta_date = source.published or meta.get("date")
    match = DATE_FIELD.match(text)
    if match:
        meta_date = meta_date or match.group(1)
        text = text[match.end():]
    blocks, dateline = _blocks(text)
    if source.is_html and not any(kind == "body" and _prose(line) for line, kind in blocks):
        blocks, meta = [], {}  # a page of menus and link lists: no article (the title alone is none)
    title = (source.title or meta.get("title")) if blocks or not source.is_html else None
    if title:
        title = SPACES.sub(" ", normalize(title)).strip()
        if not blocks or blocks[0][0].casefold() != title.casefold():
            blocks.insert(0, (title, "title"))
        else:
            blocks[0] = (blocks[0][0], "title")
    elif len(blocks) > 1 and _title_like(blocks[0][0]) and blocks[0][1] == "body":
        title = blocks[0][0]
        blocks[0] = (title, "title")
    clean_text, zones = _assemble(blocks)
    return Article(doc_id=doc_id_for(clean_text), source=source.source, title=title, text=clean_text,
                   outlet=source.outlet or meta.get("outlet"), url=source.url or meta.get("url"),
                   zones=zones, meta_date=meta_date or dateline)


def _prose(line: str) -> bool:
    """A line that reads as running text, not a menu item or a link label."""
    return len(line.split()) >= 8 or line.endswith((".", "!", "?", "…", '"', "”"))


def _title_like(line: str) -> bool:
    return len(line) <= 250 and not line.rstrip().endswith((".", "!", "?", "…", ":")) or len(line) <= 120


def _lines(text: str) -> list[str]:
    """The lines, spaces folded: one pass over the text (SPACES_TO_FOLD never matches a newline)."""
    out = []
    for line in SPACES_TO_FOLD.sub(" ", text).split("\n"):
        line = line.strip()
        cell = TABLE_CELL.match(line) if line[:1] == "|" else None
        if cell:
            line = cell.group(1).strip()
        out.append(line)
    return out


def _blocks(text: str) -> tuple[list[tuple[str, str]], str | None]:
    """(paragraph, kind) pairs with chrome dropped, and a dateline found on a line of its own."""
    drop, tail = _chrome()
    lines = _lines(text)
    total = sum(len(l) for l in lines) or 1
    blocks: list[tuple[str, str]] = []
    dateline = None
    seen = 0
    after_image = False
    for line in lines:
        seen += len(line)
        if not line:
            continue
        if tail.match(line) and seen > total / 2:
            break
        if drop.match(line):
            after_image = line.startswith("![")
            continue
        when = _line_patterns()[0].match(line)
        if when:
            dateline = dateline or when.group(1)
            continue
        if blocks and blocks[-1][0] == line:
            continue  # a caption repeated twice in a row is one caption
        blocks.append((line, _kind(line, blocks, after_image)))
        after_image = False
    _mark_bylines(blocks)
    return blocks, dateline


def _kind(line: str, blocks: list[tuple[str, str]], after_image: bool) -> str:
    if ":" not in line:  # every credit and source marker is "WORD:"; most lines have no colon
        return "source" if len(line) < 200 and _line_patterns()[1].match(line) else "body"
    tail, only, _ = _credit()
    if only.match(line):
        if not after_image and blocks and blocks[-1][1] == "body" and len(blocks[-1][0]) <= 250:
            blocks[-1] = (blocks[-1][0], "caption")  # "Paul Whelan, ... ." then "Ảnh: Reuters."
        return "credit"
    if len(line) < 200 and _line_patterns()[1].match(line):
        return "source"
    if tail.search(line):
        return "caption"
    return "body"


def _mark_bylines(blocks: list[tuple[str, str]]) -> None:
    """The last one or two short lines of names ("N.Diệp", "Trần Tuấn, Hồ Hải/VOV-Vientiane")."""
    checked = 0
    for i in range(len(blocks) - 1, -1, -1):
        line, kind = blocks[i]
        if kind in ("source", "credit"):
            continue
        if checked >= 2 or kind != "body":
            break
        checked += 1
        if len(line) <= 60 and len(line.split()) <= 10 and BYLINE.match(line) and i > 0:
            blocks[i] = (line, "byline")
        else:
            break


def _assemble(blocks: list[tuple[str, str]]) -> tuple[str, list[Zone]]:
    tail, _, kinds = _credit()
    parts: list[str] = []
    zones: list[Zone] = []
    pos = 0
    for line, kind in blocks:
        if parts:
            pos += 2
        start, end = pos, pos + len(line)
        if kind == "caption":
            credit = tail.search(line)
            cut = start + (credit.start() if credit else len(line))
            zones.append(Zone(start, cut, "caption"))
            if credit:
                zones.append(Zone(cut, end, "credit"))
        elif kind != "body":
            zones.append(Zone(start, end, kind))
        else:
            lead = AGENCY_LEAD.match(line)
            if lead:
                zones.append(Zone(start, start + lead.end(), "source"))
        parts.append(line)
        pos = end
    return "\n\n".join(parts), zones
