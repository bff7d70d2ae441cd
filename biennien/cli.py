"""The `biennien` command: thin — parse arguments, call run/query/export, print."""
from __future__ import annotations

import json
import os
import shlex
import sys
from datetime import date
from pathlib import Path
from typing import Optional

import click

from . import __version__
from . import query as q
from .export import FORMATS
from .records import IngestError
from .terminal import more, print_event, print_evidence, print_holders, sides
from .store import DiskFull, Missing, Store, StoreError

DB_HELP = "knowledge base file (default: $BIENNIEN_DB or ./biennien.db)"
DEMO_DB = "biennien-demo.db"
OFFSET_HELP = "how many to skip: the next page starts at offset + limit"
FAILED, USAGE, DISK_FULL = 1, 2, 3  # exit statuses of ingest (README, Use)
INGEST_EXIT = ("Exit status: 0 everything read was stored; 1 some articles failed (each named on an error: line, "
               "the others stored); 2 bad arguments, or a store that cannot be opened; 3 the disk filled up "
               "(error: STORE: disk full (...)): what was stored is kept, and the same command run again when "
               "there is room goes on from there.")


class _Group(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)   # in the order they are defined: ingest first, serve last


@click.group(cls=_Group, no_args_is_help=True, context_settings={"max_content_width": 120})
@click.version_option(__version__, "--version", prog_name="biennien", message="%(prog)s %(version)s",
                      help="print the version and exit")
def app() -> None:
    """biennien: a time-aware knowledge base of actors and events from Vietnamese news."""


def _db_option(f):
    return click.option("--db", metavar="FILE", help=DB_HELP)(f)


def _json_option(f):
    return click.option("--json", "as_json", is_flag=True, help="print JSON")(f)


def _page_options(limit: int, limit_help: str):
    def decorate(f):
        f = click.option("--offset", default=0, show_default=True, type=int, metavar="N", help=OFFSET_HELP)(f)
        return click.option("--limit", default=limit, show_default=True, type=int, metavar="N", help=limit_help)(f)
    return decorate


def _db(db: Optional[str]) -> str:
    return db or os.environ.get("BIENNIEN_DB") or "biennien.db"


def _fail(message: str, code: int = USAGE) -> None:
    click.echo(f"error: {message}", err=True)
    raise click.exceptions.Exit(code)


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
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@app.command(epilog=INGEST_EXIT)
@click.argument("paths", nargs=-1, required=True, metavar="ARTICLES")
@_db_option
@click.option("--workers", "-w", type=click.IntRange(min=1), metavar="N",
              help="processes for the per-article stage (default: all cores; 1: this process); with --dask local, "
                   "Dask workers")
@click.option("--dask", metavar="local|ADDRESS", help="run the per-article stage on Dask: local (a LocalCluster) "
                                                      "or a scheduler address such as tcp://host:8786")
@click.option("--parquet", type=click.Path(path_type=Path), metavar="DIR",
              help="with --dask: folder for the per-article Parquet (default: temporary; with a remote scheduler, "
                   "storage the workers share)")
@click.option("--quiet", "-q", is_flag=True, help="no progress (a bar on a terminal, else a line every few seconds "
                                                    "on standard error)")
def ingest(paths: tuple[str, ...], db: Optional[str], workers: Optional[int], dask: Optional[str],
           parquet: Optional[Path], quiet: bool) -> None:
    """Read articles (.txt, .html, .json, .jsonl, .jsonl.gz) into the knowledge base.

    ARTICLES: files, directories (recursive), or - for standard input."""
    paths = list(paths)
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
        click.echo(f"error: {error}", err=True)

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
        click.echo(f"warning: {warning}", err=True)
    click.echo(summary.line())
    raise click.exceptions.Exit(FAILED if summary.failed else 0)


@app.command()
@_db_option
@click.option("--out", required=True, type=click.Path(path_type=Path), metavar="DIR", help="directory to write")
@click.option("--format", "format", default="contract", show_default=True, metavar="FORMAT",
              help="; ".join(f"{name} ({what})" for name, (_, what) in FORMATS.items()))
@click.option("--since", metavar="DATE_ADDED", help="parquet, plover, csv: only what was added at or after this date or time")
@click.option("--unattributed", is_flag=True, help="also write events with no identifiable participant")
def export(db: Optional[str], out: Path, format: str, since: Optional[str], unattributed: bool) -> None:
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
    click.echo(", ".join(f"{n} {name}" for name, n in written.items()) + f" written to {out}")


@app.command()
@_db_option
@_json_option
def stats(db: Optional[str], as_json: bool) -> None:
    """Counts of what the knowledge base holds."""
    with _open(db) as store:
        data = q.stats(store)
    if as_json:
        _print_json(data)
        return
    for key, value in data.items():
        click.echo(f"{key}: {value}")


def _query(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except q.QueryError as exc:
        _fail(str(exc))


@app.command()
@click.argument("title")
@click.option("--country", metavar="ISO3", help="ISO 3166 alpha-3, e.g. LAO")
@click.option("--on", metavar="DATE", help="date: YYYY-MM-DD (or YYYY-MM, YYYY); default: today")
@_page_options(10, "holders to show")
@_db_option
@_json_option
def who(title: str, country: Optional[str], on: Optional[str], limit: int, offset: int, db: Optional[str],
        as_json: bool) -> None:
    """Who held a post on a date (today unless --on), most likely first, with the sentences that prove it.

    TITLE: a post, e.g. "Bộ trưởng Quốc phòng"."""
    on = on or date.today().isoformat()
    with _open(db) as store:
        data = _query(q.who, store, title, country, on, limit, offset)
    if as_json:
        _print_json(data)
        return
    print_holders(data, offset)


@app.command()
@click.argument("name")
@_db_option
@_page_options(20, "mentions and events to show")
@_json_option
def actor(name: str, db: Optional[str], limit: int, offset: int, as_json: bool) -> None:
    """An actor's spellings, country, role timeline and mentions, with evidence.

    NAME: a name or spelling, e.g. Khamliang."""
    with _open(db) as store:
        data = _query(q.actor, store, name, limit, offset)
    if as_json:
        _print_json(data)
        return
    click.echo(f"{data['name']}  [{data['kind']}, {data['country'] or '?'}]  #{data['actor_id']}")
    if data["aliases"]:
        click.echo("  also: " + "; ".join(data["aliases"]))
    for r in data["roles"]:
        seen = ", ".join(r["observed"][:6])
        click.echo(f"  {r['rank'] or ''} {r['title']} ({r['country'] or '?'})  start {r['start'] or '?'}"
                   f"  end {r['end'] or '?'}  seen {seen}".replace("  ", " ", 1))
    for e in data["events"][:limit]:
        others = ", ".join(p["name"] for p in e["actors"] + e["recipients"] if p["actor_id"] != data["actor_id"])
        click.echo(f"  {e['date'] or '?'} {e['type']} {others}")
    more(len(data["events"]), data["event_count"], offset, "events")
    click.echo(f"  {data['mention_count']} mentions")


@app.command()
@click.option("--actor", metavar="NAME", help="an actor's name or id")
@click.option("--type", "type", metavar="TYPES", help="PLOVER type(s), comma-separated")
@click.option("--country", metavar="ISO3", help="ISO alpha-3 of a participant")
@click.option("--since", metavar="DATE", help="from this date (YYYY, YYYY-MM or YYYY-MM-DD)")
@click.option("--until", metavar="DATE", help="up to this date")
@click.option("--planned", is_flag=True, help="only activities announced for later")
@click.option("--min-confidence", type=float, metavar="X", help="only events at least this sure, 0..1 (see README)")
@click.option("--unattributed", is_flag=True, help="only events with no identifiable participant (hidden otherwise)")
@_page_options(50, "events to show at most")
@_db_option
@_json_option
def events(actor: Optional[str], type: Optional[str], country: Optional[str], since: Optional[str],
           until: Optional[str], planned: bool, min_confidence: Optional[float], unattributed: bool, limit: int,
           offset: int, db: Optional[str], as_json: bool) -> None:
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
        click.echo("no events")
    for e in data:
        print_event(e, e["date"])
    more(len(data), total, offset, "events")



@app.command()
@click.argument("name")
@_page_options(100, "events to show (the newest; with the role changes of their time)")
@_db_option
@_json_option
def timeline(name: str, limit: int, offset: int, db: Optional[str], as_json: bool) -> None:
    """An actor's events and role changes in date order, with sources.

    NAME: an actor's name."""
    with _open(db) as store:
        data = _query(q.timeline, store, name, limit, offset)
    if as_json:
        _print_json(data)
        return
    a = data["actor"]
    click.echo(f"{a['name']}  [{a['kind']}, {a['country'] or '?'}]  #{a['actor_id']}")
    shown: set[tuple] = set()
    for item in data["items"]:
        if item["kind"] == "event":
            print_event(item["event"], item["date"], "  ")
            continue
        if (item["role"], item["date"]) in shown:  # first and last seen on one day: said once
            continue
        shown.add((item["role"], item["date"]))
        click.echo(f"  {item['date'] or '?':10} {item['change']:9} {item['role']}")
        for source in item["sources"][:1]:
            print_evidence(source, "  ")
    more(sum(i["kind"] == "event" for i in data["items"]), data["total"], offset, "events")


@app.command()
@click.argument("text")
@_db_option
@_page_options(20, "actors and sentences to show at most")
@_json_option
def search(text: str, db: Optional[str], limit: int, offset: int, as_json: bool) -> None:
    """Actors and sentences matching some words (case and diacritics ignored).

    TEXT: words; case and diacritics ignored."""
    with _open(db) as store:
        data = _query(q.search, store, text, limit, offset)
    if as_json:
        _print_json(data)
        return
    for a in data["actors"]:
        click.echo(f"{a['name']} [{a['kind']}, {a['country'] or '?'}]")
    for s in data["sentences"]:
        click.echo(f"  {s['published'] or '?'} {s['text']}")
    more(len(data["actors"]), data["actor_total"], offset, "actors")
    more(len(data["sentences"]), data["sentence_total"], offset, "sentences")


@app.command()
@click.option("--db", metavar="FILE", help=f"where to keep the demo's knowledge base (default: ./{DEMO_DB})")
def demo(db: Optional[str]) -> None:
    """Ingest the sample articles shipped with biennien, print what was found, and say how to browse it."""
    from importlib import resources

    from .run import ingest as run_ingest

    samples = resources.files("biennien") / "samples"
    path = Path(db or DEMO_DB).resolve()
    with resources.as_file(samples) as folder, Store(path) as store:
        summary = run_ingest([str(folder)], store, on_error=lambda e: click.echo(f"error: {e}", err=True))
        click.echo(summary.line())
        data = q.stats(store)
        click.echo(f"{data['documents']} articles, {data['sentences']} sentences, {data['actors']} actors, "
                   f"{data['roles']} roles, {data['events']} events")
        click.echo("people and their posts:")
        for person in q.overview(store, 8)["top_people"]:
            a = q.actor(store, str(person["actor_id"]), 5)
            posts = "; ".join(sorted({" ".join(x for x in (r["rank"], r["title"]) if x) for r in a["roles"]}))
            click.echo(f"  {a['name']} ({a['country'] or '?'}): {posts or '-'}")
        click.echo("events:")
        for e in q.events(store, limit=20):
            plan = f" (planned {e['planned'].get('start')})" if e["planned"] else ""
            click.echo(f"  {e['date'] or '?':10} {e['type']:9} {sides(e)}{plan}")
        click.echo("who held the post:")
        for post, country, on in (("Tổng Bí thư", "VNM", "2024-09-01"), ("Chủ tịch nước", "VNM", "2024-11-01")):
            holders = q.who(store, post, country, on)["holders"]
            click.echo(f"  {post} ({country}) on {on}: {holders[0]['name'] if holders else 'unknown'}")
    shown = shlex.quote(str(path))
    click.echo(f"\nThe demo's knowledge base is kept in {path} (delete the file to remove it).")
    click.echo(f"Browse it in the web UI:  biennien serve --db {shown}")
    click.echo(f"Ask it questions:         biennien events --db {shown}")


@app.command()
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True, metavar="ADDRESS", help="address to listen on")
@click.option("--port", default=8000, show_default=True, type=int, metavar="PORT", help="port to listen on")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), metavar="N",
              help="server processes (readers never block each other)")
def serve(db: Optional[str], host: str, port: int, workers: int) -> None:
    """The web UI and the HTTP/JSON API (read-only on the knowledge base); API docs at /docs."""
    import uvicorn

    from .http import create_app

    path = _db(db)
    try:
        web = create_app(path)
    except StoreError as exc:
        _fail(_why(exc, path))
    click.echo(f"serving {path} on http://{host}:{port}/ (API docs: /docs); Ctrl-C stops")
    if workers > 1:  # each process builds its own app from the path
        os.environ["BIENNIEN_SERVE_DB"] = str(Path(path).resolve())
        web = "biennien.http.app:from_environment"
    uvicorn.run(web, host=host, port=port, log_level="warning", server_header=False, workers=workers,
                factory=workers > 1)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
