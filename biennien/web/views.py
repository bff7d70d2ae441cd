"""Shaping query answers for the templates: the article's text cut into highlighted pieces, and
search words marked in snippets. Pure functions of plain data; the templates escape every piece."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import fold

WORD = re.compile(r"[^\W_]+")


@dataclass(slots=True)
class Span:
    start: int
    end: int
    kind: str                    # person | organization | country | location | time | trigger
    label: str
    href: str | None = None
    event: int | None = None


@dataclass(slots=True)
class Piece:
    text: str
    kinds: list[str] = field(default_factory=list)
    label: str = ""
    href: str | None = None
    events: list[int] = field(default_factory=list)

    @property
    def cls(self) -> str:
        return " ".join(f"hl hl-{k}" if i == 0 else f"hl-{k}" for i, k in enumerate(self.kinds))


@dataclass(slots=True)
class Chunk:
    """A sentence's part inside one paragraph (or text outside any sentence: idx None)."""

    idx: int | None
    anchor: bool
    caption: bool
    pieces: list[Piece]


def _spans(doc: dict) -> list[Span]:
    text = doc["text"]
    sentences = {s["idx"]: s for s in doc["sentences"]}
    spans = []
    for m in doc["mentions"]:
        label = " · ".join(str(x) for x in (m.get("rank"), ", ".join(m.get("titles") or []), m.get("name"),
                                            m.get("country")) if x)
        spans.append(Span(m["start"], m["end"], m["kind"], label,
                          f"/actor/{m['actor_id']}" if m.get("actor_id") else None))
    for x in doc["times"]:
        value = x.get("value") or "?"
        if x.get("value_end"):
            value += f" → {x['value_end']}"
        spans.append(Span(x["start"], x["end"], "time", value))
    for e in doc["event_mentions"]:
        start, end = e.get("trigger_start"), e.get("trigger_end")
        if start is None or end is None:
            s = sentences.get(e["sentence"])
            found = text.find(e["trigger"], s["start"], s["end"]) if s and e.get("trigger") else -1
            if found < 0:
                continue
            start, end = found, found + len(e["trigger"])
        spans.append(Span(start, end, "trigger", e["type"], event=e.get("event_id")))
    return [s for s in spans if 0 <= s.start < s.end <= len(text)]


def _pieces(text: str, start: int, end: int, spans: list[Span]) -> list[Piece]:
    inside = [s for s in spans if s.start < end and s.end > start]
    cuts = sorted({start, end, *(max(start, s.start) for s in inside), *(min(end, s.end) for s in inside)})
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        over = [s for s in inside if s.start <= a and s.end >= b]
        piece = Piece(text[a:b])
        for s in sorted(over, key=lambda s: s.kind == "trigger"):
            if s.kind not in piece.kinds:
                piece.kinds.append(s.kind)
            piece.href = piece.href or s.href
            if s.event is not None:
                piece.events.append(s.event)
        piece.label = " | ".join(dict.fromkeys(s.label for s in over if s.label))
        pieces.append(piece)
    return pieces


def _outside(zones: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    out, pos = [], 0
    for start, end in sorted(zones):
        if start > pos:
            out.append((pos, start))
        pos = max(pos, end)
    if pos < length:
        out.append((pos, length))
    return out


def _chunks(text: str, a: int, b: int, sentences: list[dict], spans: list[Span], anchored: set[int]) -> list[Chunk]:
    """text[a:b] cut at sentence bounds; the first chunk of each sentence carries its anchor."""
    chunks, pos = [], a
    for s in sentences:
        if s["end"] <= pos or s["start"] >= b:
            continue
        if s["start"] > pos:
            chunks.append(Chunk(None, False, False, _pieces(text, pos, s["start"], spans)))
        cs, ce = max(pos, s["start"]), min(b, s["end"])
        chunks.append(Chunk(s["idx"], s["idx"] not in anchored, bool(s["is_caption"]), _pieces(text, cs, ce, spans)))
        anchored.add(s["idx"])
        pos = ce
    if pos < b:
        chunks.append(Chunk(None, False, False, _pieces(text, pos, b, spans)))
    return chunks


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def article_view(doc: dict) -> dict:
    """Paragraphs of chunks of highlighted pieces; the title, captions, credits and bylines set
    apart. Every sentence gets an anchor (`#s-N`) wherever it is shown: evidence may be the
    headline or a caption, and a link to it must land somewhere."""
    text = doc["text"]
    spans = _spans(doc)
    zones = [(z["start"], z["end"], z["kind"]) for z in doc["zones"] if 0 <= z["start"] < z["end"] <= len(text)]
    sentences = sorted(doc["sentences"], key=lambda s: s["start"])
    anchored: set[int] = set()
    title: list[Chunk] = []
    for s, e, kind in sorted(zones):
        if kind == "title":
            a, b = _trimmed(text, s, e)
            if a < b:
                title += _chunks(text, a, b, sentences, spans, anchored)
    paragraphs = []
    for lo, hi in _outside([(s, e) for s, e, _ in zones], len(text)):
        for line in re.finditer(r"[^\n]+", text[lo:hi]):
            a, b = _trimmed(text, lo + line.start(), lo + line.end())
            if a < b:
                paragraphs.append(_chunks(text, a, b, sentences, spans, anchored))
    apart = []
    for s, e, kind in sorted(zones):
        a, b = _trimmed(text, s, e)
        if kind != "title" and a < b:
            apart.append({"kind": kind, "text": text[a:b], "chunks": _chunks(text, a, b, sentences, spans, anchored)})
    counts: dict[str, int] = {}
    for s in spans:
        counts[s.kind] = counts.get(s.kind, 0) + 1
    unplaced = sorted(s["idx"] for s in sentences if s["idx"] not in anchored)
    return {"title": title, "paragraphs": paragraphs, "apart": apart, "counts": counts, "unplaced": unplaced}


def _folded(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index of the character it came from."""
    out, where = [], []
    for i, c in enumerate(text):
        f = fold(c) or ""
        out.append(f)
        where += [i] * len(f)
    return "".join(out), where


def marked(text: str, query: str) -> list[tuple[str, bool]]:
    """`text` cut into (piece, matches a word of `query`) pairs, ignoring case and diacritics."""
    words = sorted({fold(w) for w in WORD.findall(query or "") if w}, key=len, reverse=True)
    if not words or not text:
        return [(text or "", False)]
    folded, where = _folded(text)
    pattern = re.compile("|".join(re.escape(w) for w in words))
    out, pos = [], 0
    for m in pattern.finditer(folded):
        if m.start() == m.end():
            continue
        a, b = where[m.start()], where[m.end() - 1] + 1
        if a < pos:
            continue
        if a > pos:
            out.append((text[pos:a], False))
        out.append((text[a:b], True))
        pos = b
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def participants(event: dict) -> tuple[list[dict], list[dict]]:
    return list(event.get("actors") or []), list(event.get("recipients") or [])


def event_sources(event: dict) -> list[dict]:
    """An event's reports grouped by article: the first report there (the link) and every trigger
    word said there, so five reports in one article are one line, not five. The event carries its
    first mentions only (query.NESTED); its `article_count` says how many articles there are in all."""
    by_doc: dict[str, dict] = {}
    for m in event.get("mentions") or []:
        entry = by_doc.setdefault(m.get("doc_id"), {**m, "triggers": []})
        if m.get("trigger") and m["trigger"] not in entry["triggers"]:
            entry["triggers"].append(m["trigger"])
    return list(by_doc.values())
