"""Answers as plain text on the terminal: what the read commands of cli.py print without --json."""
from __future__ import annotations

import click

SAID = 300  # characters of an evidence sentence printed


def sides(e: dict) -> str:
    """Who did it → to whom, as the web pages show it; the recipients only when there are some."""
    doers, done_to = (", ".join(p["name"] for p in e[k]) for k in ("actors", "recipients"))
    if doers and done_to:
        return f"{doers} → {done_to}"
    return doers or (f"→ {done_to}" if done_to else "(no participant found)")


def print_evidence(m: dict, indent: str = "") -> None:
    said = (m.get("sentence") or "").strip()
    if said:
        click.echo(f"{indent}    “{said if len(said) <= SAID else said[:SAID - 1] + '…'}”")
    where = m.get("title") or m.get("source") or m.get("doc_id") or "?"
    if m.get("title") and m.get("source"):
        where += f" ({m['source']})"
    click.echo(f"{indent}    — {where}")


def print_event(e: dict, when: str | None, indent: str = "") -> None:
    """An event: date, type and participants, then the sentence of its first report and where it is from."""
    plan = ""
    if e.get("planned"):
        plan = f"  [planned {e['planned'].get('start') or '?'}" + \
            (f"..{e['planned']['end']}" if e["planned"].get("end") else "") + "]"
    mentions = e.get("mentions") or []  # the first few (`mention_count` and `article_count` count them all)
    reports = e.get("mention_count", len(mentions))
    articles = e.get("article_count", len({m.get("doc_id") for m in mentions}))
    more = f"  ({reports} reports in {articles} article{'s' if articles != 1 else ''})" if reports > 1 else ""
    click.echo(f"{indent}{said_when(e, when):10} {e['type']:9} {sides(e)}{plan}{_scores(e)}{more}")
    for m in mentions[:1]:
        print_evidence(m, indent)


BASIS = {"record": "term of public record", "former": "seen only as a former holder: before its until, not when",
         "stated": "a source states its start or end",
         "dated": "seen near the date, or in an article of unknown date placed around it",
         "undated": "seen only in articles of unknown date: no answer for a date"}


DATED = ("record", "stated", "dated")   # bases that answer for a date


def print_holders(data: dict, offset: int) -> None:
    """`who`: without a country, one ranking per country under its code, the likeliest of each
    marked ("?" when what it rests on dates nothing); each holder with what its place rests on and
    the evidence nearest the date."""
    title, country, on = data["title"], data["country"], data["on"]
    if not data["holders"]:
        click.echo(f"nobody known as {title} ({country or 'any country'}) on {on}")
    group = None
    for h in data["holders"]:
        best = group != h["country"] and not (offset and group is None)
        if not country and group != h["country"]:
            click.echo(f"[{h['country'] or '?'}]")
        group = h["country"]
        mark = (" ", "→" if h.get("basis") in DATED else "?")[best]   # "?": first, but no answer for a date
        click.echo(f"{mark} {h['name']}  (since {h['since'] or '?'}, until {h['until'] or '?'};"
                   f" {BASIS.get(h.get('basis'), '?')})")
        for e in h["evidence"][:2 if best else 1]:
            click.echo(f"    [{e['date'] or 'date unknown'}] {e['sentence']}  — {e['source']}")
    more(len(data["holders"]), data["total"], offset, "holders")


def said_when(e: dict, when: str | None) -> str:
    """An event's date; with none, the day or month of no known year its text says (`date_partial`,
    "--05-30") and the years its articles may be of: "30/5 (year unknown; article 2016-2018)"."""
    p = e.get("date_partial")
    if when or not p:
        return when or "?"
    said = f"{int(p[5:])}/{int(p[2:4])}" if len(p) == 7 else f"month {int(p[2:4])}"
    span = e.get("article_period") or {}
    years = "-".join(sorted({span[k][:4] for k in ("start", "end") if span.get(k)}))
    return f"{said} (year unknown{'; article ' + years if years else ''})"


def more(shown: int, total: int | None, offset: int, what: str) -> None:
    """Where a page of a longer list ends, and how to ask for the next."""
    if total is not None and (offset or offset + shown < total):
        nxt = f"; --offset {offset + shown} for more" if offset + shown < total else ""
        click.echo(f"({what} {offset + 1 if shown else offset}–{offset + shown} of {total}{nxt})")


def _scores(e: dict) -> str:
    """CAMEO code, Goldstein value, quad class and confidence, as one bracket (where known)."""
    parts = [f"cameo {e['cameo']}" if e.get("cameo") else None,
             f"goldstein {e['goldstein']:+.1f}" if e.get("goldstein") is not None else None,
             f"quad {e['quad_class']}" if e.get("quad_class") else None,
             f"conf {e['confidence']:.2f}" if e.get("confidence") is not None else None]
    shown = ", ".join(p for p in parts if p)
    return f"  [{shown}]" if shown else ""
