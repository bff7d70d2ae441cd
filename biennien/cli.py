"""The `biennien` command: thin — parse arguments, call run/query/export, print."""
from __future__ import annotations

import json
import os
import shlex
import sys
from datetime import date
from pathlib import Path
from typing import Optional

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from . import __version__
from . import query as q
from .export import FORMATS
from .records import IngestError
from .terminal import more, print_event, print_evidence, sides
from .store import DiskFull, Missing, Store, StoreError

DB_HELP = "knowledge base file (default: $BIENNIEN_DB or ./biennien.db)"
DEMO_DB = "biennien-demo.db"
OFFSET_HELP = "how many to skip: the next page starts at offset + limit"
FAILED, USAGE, DISK_FULL = 1, 2, 3  # exit statuses of ingest (README, Use)
INGEST_EXIT = ("Exit status: 0 everything read was stored; 1 some articles failed (each named on an error: line, "
               "the others stored); 2 bad arguments, or a store that cannot be opened; 3 the disk filled up "
               "(error: STORE: disk full (...)): what was stored is kept, and the same command run again when "
               "there is room goes on from there.")


def _plain_help(params: list) -> list:
    """Typer prints each parameter's Python type in --help (<str>, <bool>, <int>): a flag shows
    nothing, an option the name of its value (DATE, FILE, N …), an argument its name alone."""
    for p in params:
        if isinstance(p, TyperArgument):
            p.metavar = p.metavar or (p.name or "value").upper()
            p.display_type_rich = lambda ctx: None
        elif getattr(p, "is_flag", False) or getattr(p, "count", False):
            p.metavar = ""
        elif p.metavar is None:
            p.metavar = (p.name or "value").upper()
    return params


class _Command(TyperCommand):
    def get_params(self, ctx):
        return _plain_help(super().get_params(ctx))


class _Group(TyperGroup):
    def get_params(self, ctx):
        return _plain_help(super().get_params(ctx))


app = typer.Typer(cls=_Group, add_completion=False, no_args_is_help=True,
                  help="biennien: a time-aware knowledge base of actors and events from Vietnamese news.")


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"biennien {__version__}")
        raise typer.Exit()


@app.callback()
def _options(version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                          help="print the version and exit")) -> None:
    """biennien: a time-aware knowledge base of actors and events from Vietnamese news."""


def _db(db: Optional[str]) -> str:
    return db or os.environ.get("BIENNIEN_DB") or "biennien.db"


def _fail(message: str, code: int = USAGE) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _open(db: Optional[str], readonly: bool = True) -> Store:
    path = _db(db)
    try:
        return Store(path, readonly=readonly)
    except StoreError as exc:
        _fail(_why(exc, path))
        raise


def _why(exc: StoreError, path: str) -> str:
    if isinstance(exc, Missing):
        return f"{exc} (run `biennien ingest ... --db {path}` first)"
    return str(exc)


def _print_json(data) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@app.command(cls=_Command, epilog=INGEST_EXIT)
def ingest(paths: list[str] = typer.Argument(..., metavar="ARTICLES",
                                             help="files, directories (recursive), or - for standard input"),
           db: Optional[str] = typer.Option(None, metavar="FILE", help=DB_HELP),
           workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1, metavar="N",
                                                 help="processes for the per-article stage (default: all cores; "
                                                      "1: this process); with --dask local, Dask workers"),
           dask: Optional[str] = typer.Option(None, metavar="local|ADDRESS", help="run the per-article stage on Dask: local (a LocalCluster) "
                                                         "or a scheduler address such as tcp://host:8786"),
           parquet: Optional[Path] = typer.Option(None, metavar="DIR", help="with --dask: folder for the per-article Parquet "
                                                             "(default: temporary; with a remote scheduler, storage "
                                                             "the workers share)"),
           quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress (a bar on a terminal, else a line "
                                                                         "every few seconds on standard error)")) -> None:
    """Read articles (.txt, .html, .json, .jsonl, .jsonl.gz) into the knowledge base."""
    from .progress import progress
    from .run import ingest as run_ingest
    from .io import feed

    try:
        store = Store(_db(db))
    except DiskFull as exc:
        _fail(str(exc), DISK_FULL)
    except StoreError as exc:
        _fail(str(exc))
    if workers is None:
        from .scale.local import cores

        workers = cores()

    def on_error(error: IngestError) -> None:
        typer.echo(f"error: {error}", err=True)

    total = None if quiet else feed.count(paths)
    try:
        with progress(sys.stderr, total, quiet) as advance, store:
            if dask:
                from .scale.cluster import ScaleError, ingest as dask_ingest

                try:
                    summary = dask_ingest(paths, store, dask, workers, parquet, on_error=on_error, on_progress=advance)
                except ScaleError as exc:
                    _fail(str(exc))
            else:
                summary = run_ingest(paths, store, on_error=on_error, on_progress=advance, workers=workers)
    except DiskFull as exc:
        _fail(str(exc), DISK_FULL)
    for warning in summary.warnings:
        typer.echo(f"warning: {warning}", err=True)
    typer.echo(summary.line())
    raise typer.Exit(FAILED if summary.failed else 0)


@app.command(cls=_Command)
def export(db: Optional[str] = typer.Option(None, metavar="FILE", help=DB_HELP),
           out: Path = typer.Option(..., metavar="DIR", help="directory to write"),
           format: str = typer.Option("contract", metavar="FORMAT", help="; ".join(
               f"{name} ({what})" for name, (_, what) in FORMATS.items())),
           since: Optional[str] = typer.Option(None, metavar="DATE_ADDED",
                                               help="parquet, plover, csv: only what was added at or after this date or time"),
           unattributed: bool = typer.Option(False, "--unattributed",
                                             help="also write events with no identifiable participant")) -> None:
    """Write the knowledge base out in one of the export formats (export.FORMATS): the evaluation
    contract, PLOVER JSON records, a CSV of events, or Parquet tables (docs/codebook.md)."""
    from .export import export as run_export

    with _open(db) as store:
        try:
            written = run_export(store, out, format, since, "any" if unattributed else "named")
        except ValueError as exc:
            _fail(str(exc))
        except OSError as exc:
            _fail(f"{exc.filename or out}: cannot write: {exc.strerror}")
    typer.echo(", ".join(f"{n} {name}" for name, n in written.items()) + f" written to {out}")


@app.command(cls=_Command)
def stats(db: Optional[str] = typer.Option(None, metavar="FILE", help=DB_HELP),
          as_json: bool = typer.Option(False, "--json", help="print JSON")) -> None:
    """Counts of what the knowledge base holds."""
    with _open(db) as store:
        data = q.stats(store)
    if as_json:
        _print_json(data)
        return
    for key, value in data.items():
        typer.echo(f"{key}: {value}")


def _query(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except q.QueryError as exc:
        _fail(str(exc))


@app.command(cls=_Command)
def who(title: str = typer.Argument(..., help='a post, e.g. "Bộ trưởng Quốc phòng"'),
        country: Optional[str] = typer.Option(None, metavar="ISO3", help="ISO 3166 alpha-3, e.g. LAO"),
        on: Optional[str] = typer.Option(None, metavar="DATE", help="date: YYYY-MM-DD (or YYYY-MM, YYYY); default: today"),
        limit: int = typer.Option(10, metavar="N", help="holders to show"),
        offset: int = typer.Option(0, metavar="N", help=OFFSET_HELP),
        db: Optional[str] = typer.Option(None, metavar="FILE", help=DB_HELP),
        as_json: bool = typer.Option(False, "--json", help="print JSON")) -> None:
    """Who held a post on a date (today unless --on), most likely first, with the sentences that prove it."""
    on = on or date.today().isoformat()
    with _open(db) as store:
        data = _query(q.who, store, title, country, on, limit, offset)
    if as_json:
        _print_json(data)
        return
    if not data["holders"]:
        typer.echo(f"nobody known as {title} ({country or 'any country'}) on {on}")
    for i, h in enumerate(data["holders"]):
        best = i == 0 and offset == 0
        where = "" if country else f" [{h['country'] or '?'}]"   # without --country: grouped by country
        typer.echo(f"{'→' if best else ' '} {h['name']}{where}  (since {h['since'] or '?'}, until {h['until'] or '?'})")
        for e in h["evidence"][:2 if best else 1]:
            typer.echo(f"    [{e['date']}] {e['sentence']}  — {e['source']}")
    more(len(data["holders"]), data["total"], offset, "holders")


@app.command(cls=_Command)
def actor(name: str = typer.Argument(..., help="a name or spelling, e.g. Khamliang"),
          db: Optional[str] = typer.Option(None, metavar="FILE", help=DB_HELP),
          limit: int = typer.Option(20, metavar="N", help="mentions and events to show"),
          offset: int = typer.Option(0, metavar="N", help=OFFSET_HELP),
          as_json: bool = typer.Option(False, "--json", help="print JSON")) -> None:
    """An actor's spellings, country, role timeline and mentions, with evidence."""
    with _open(db) as store:
        data = _query(q.actor, store, name, limit, offset)
    if as_json:
        _print_json(data)
        return
    typer.echo(f"{data['name']}  [{data['kind']}, {data['country'] or '?'}]  #{data['actor_id']}")
    if data["aliases"]:
        typer.echo("  also: " + "; ".join(data["aliases"]))
    for r in data["roles"]:
        seen = ", ".join(r["observed"][:6])
        typer.echo(f"  {r['rank'] or ''} {r['title']} ({r['country'] or '?'})  start {r['start'] or '?'}"
                   f"  end {r['end'] or '?'}  seen {seen}".replace("  ", " ", 1))
    for e in data["events"][:limit]:
        others = ", ".join(p["name"] for p in e["actors"] + e["recipients"] if p["actor_id"] != data["actor_id"])
        typer.echo(f"  {e['date'] or '?'} {e['type']} {others}")
    more(len(data["events"]), data["event_count"], offset, "events")
    typer.echo(f"  {data['mention_count']} mentions")


@app.command(cls=_Command)
def events(actor: Optional[str] = typer.Option(None, metavar="NAME", help="an actor's name or id"),
           type: Optional[str] = typer.Option(None, metavar="TYPES", help="PLOVER type(s), comma-separated"),
           country: Optional[str] = typer.Option(None, metavar="ISO3", help="ISO alpha-3 of a participant"),
           since: Optional[str] = typer.Option(None, metavar="DATE", help="from this date (YYYY, YYYY-MM or YYYY-MM-DD)"),
           until: Optional[str] = typer.Option(None, metavar="DATE", help="up to this date"),
           planned: bool = typer.Option(False, "--planned", help="only activities announced for later"),
           min_confidence: Optional[float] = typer.Option(None, "--min-confidence", metavar="X",
                                                          help="only events at least this sure, 0..1 (see README)"),
           unattributed: bool = typer.Option(False, "--unattributed",
                                             help="only events with no identifiable participant (hidden otherwise)"),
           limit: int = typer.Option(50, metavar="N", help="events to show at most"),
           offset: int = typer.Option(0, metavar="N", help=OFFSET_HELP),
           db: Optional[str] = typer.Option(None, metavar="FILE", help=DB_HELP),
           as_json: bool = typer.Option(False, "--json", help="print JSON")) -> None:
    """Events, newest first, filtered by actor, type, country, dates, plans."""
    question = (actor, type, country, since, until, True if planned else None)
    who = "none" if unattributed else "named"
    with _open(db) as store:
        data = _query(q.events, store, *question, limit, offset, min_confidence=min_confidence, participants=who)
        total = None if as_json else _query(q.events_total, store, *question, min_confidence=min_confidence,
                                            participants=who)
    if as_json:
        _print_json(data)
        return
    if not data:
        typer.echo("no events")
    for e in data:
        print_event(e, e["date"])
    more(len(data), total, offset, "events")



@app.command(cls=_Command)
def timeline(name: str = typer.Argument(..., help="an actor's name"),
             limit: int = typer.Option(100, metavar="N",
                                       help="events to show (the newest; with the role changes of their time)"),
             offset: int = typer.Option(0, metavar="N", help=OFFSET_HELP),
             db: Optional[str] = typer.Option(None, metavar="FILE", help=DB_HELP),
             as_json: bool = typer.Option(False, "--json", help="print JSON")) -> None:
    """An actor's events and role changes in date order, with sources."""
    with _open(db) as store:
        data = _query(q.timeline, store, name, limit, offset)
    if as_json:
        _print_json(data)
        return
    a = data["actor"]
    typer.echo(f"{a['name']}  [{a['kind']}, {a['country'] or '?'}]  #{a['actor_id']}")
    shown: set[tuple] = set()
    for item in data["items"]:
        if item["kind"] == "event":
            print_event(item["event"], item["date"], "  ")
            continue
        if (item["role"], item["date"]) in shown:  # first and last seen on one day: said once
            continue
        shown.add((item["role"], item["date"]))
        typer.echo(f"  {item['date'] or '?':10} {item['change']:9} {item['role']}")
        for source in item["sources"][:1]:
            print_evidence(source, "  ")
    more(sum(i["kind"] == "event" for i in data["items"]), data["total"], offset, "events")


@app.command(cls=_Command)
def search(text: str = typer.Argument(..., help="words; case and diacritics ignored"), db: Optional[str] = typer.Option(None, metavar="FILE", help=DB_HELP),
           limit: int = typer.Option(20, metavar="N", help="actors and sentences to show at most"),
           offset: int = typer.Option(0, metavar="N", help=OFFSET_HELP),
           as_json: bool = typer.Option(False, "--json", help="print JSON")) -> None:
    """Actors and sentences matching some words (case and diacritics ignored)."""
    with _open(db) as store:
        data = _query(q.search, store, text, limit, offset)
    if as_json:
        _print_json(data)
        return
    for a in data["actors"]:
        typer.echo(f"{a['name']} [{a['kind']}, {a['country'] or '?'}]")
    for s in data["sentences"]:
        typer.echo(f"  {s['published'] or '?'} {s['text']}")
    more(len(data["actors"]), data["actor_total"], offset, "actors")
    more(len(data["sentences"]), data["sentence_total"], offset, "sentences")


@app.command(cls=_Command)
def demo(db: Optional[str] = typer.Option(None, metavar="FILE",
                                         help=f"where to keep the demo's knowledge base (default: ./{DEMO_DB})")) -> None:
    """Ingest the sample articles shipped with biennien, print what was found, and say how to browse it."""
    from importlib import resources

    from .run import ingest as run_ingest

    samples = resources.files("biennien") / "samples"
    path = Path(db or DEMO_DB).resolve()
    with resources.as_file(samples) as folder, Store(path) as store:
        summary = run_ingest([str(folder)], store, on_error=lambda e: typer.echo(f"error: {e}", err=True))
        typer.echo(summary.line())
        data = q.stats(store)
        typer.echo(f"{data['documents']} articles, {data['sentences']} sentences, {data['actors']} actors, "
                   f"{data['roles']} roles, {data['events']} events")
        typer.echo("people and their posts:")
        for person in q.overview(store, 8)["top_people"]:
            a = q.actor(store, str(person["actor_id"]), 5)
            posts = "; ".join(sorted({" ".join(x for x in (r["rank"], r["title"]) if x) for r in a["roles"]}))
            typer.echo(f"  {a['name']} ({a['country'] or '?'}): {posts or '-'}")
        typer.echo("events:")
        for e in q.events(store, limit=20):
            plan = f" (planned {e['planned'].get('start')})" if e["planned"] else ""
            typer.echo(f"  {e['date'] or '?':10} {e['type']:9} {sides(e)}{plan}")
        typer.echo("who held the post:")
        for post, country, on in (("Tổng Bí thư", "VNM", "2024-09-01"), ("Chủ tịch nước", "VNM", "2024-11-01")):
            holders = q.who(store, post, country, on)["holders"]
            typer.echo(f"  {post} ({country}) on {on}: {holders[0]['name'] if holders else 'unknown'}")
    shown = shlex.quote(str(path))
    typer.echo(f"\nThe demo's knowledge base is kept in {path} (delete the file to remove it).")
    typer.echo(f"Browse it in the web UI:  biennien serve --db {shown}")
    typer.echo(f"Ask it questions:         biennien events --db {shown}")


@app.command(cls=_Command)
def serve(db: Optional[str] = typer.Option(None, metavar="FILE", help=DB_HELP),
          host: str = typer.Option("127.0.0.1", metavar="ADDRESS", help="address to listen on"),
          port: int = typer.Option(8000, metavar="PORT", help="port to listen on"),
          workers: int = typer.Option(1, min=1, max=64, metavar="N", help="server processes (readers never block each other)")) -> None:
    """The web UI and the HTTP/JSON API (read-only on the knowledge base); API docs at /docs."""
    import uvicorn

    from .http import create_app

    path = _db(db)
    try:
        web = create_app(path)
    except StoreError as exc:
        _fail(_why(exc, path))
    typer.echo(f"serving {path} on http://{host}:{port}/ (API docs: /docs); Ctrl-C stops")
    if workers > 1:  # each process builds its own app from the path
        os.environ["BIENNIEN_SERVE_DB"] = str(Path(path).resolve())
        web = "biennien.http.app:from_environment"
    uvicorn.run(web, host=host, port=port, log_level="warning", server_header=False, workers=workers,
                factory=workers > 1)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
