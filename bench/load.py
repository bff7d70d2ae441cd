"""A bounded load test of the HTTP API and pages: N concurrent clients for T seconds on /api/actor,
/api/events, /api/post and the /who page, against 127.0.0.1 only. Prints requests/s, p50/p95/p99 latency and errors.

    python bench/load.py --db /tmp/vietnews.db                 # starts `biennien serve` itself
    python bench/load.py --url http://127.0.0.1:8000 --clients 50 --seconds 20

Each client keeps one HTTP/1.1 connection open (as a browser or a script would) and sends the
next request when the previous answer is in. Questions are drawn from what the store holds: the
most mentioned actors by name, and event filters by type, actor, country and year. The run stops
by itself after T seconds (plus at most 30 s for answers under way).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from urllib.parse import urlencode, urlsplit

LOCAL = {"127.0.0.1", "localhost", "::1"}
TIMEOUT = 30.0


class Stats:
    def __init__(self) -> None:
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.statuses: dict[int, int] = defaultdict(int)

    def add(self, endpoint: str, seconds: float, status: int | None, error: str | None = None) -> None:
        if status is not None:
            self.statuses[status] += 1
        if error or status != 200:
            self.errors[error or f"HTTP {status}"] += 1
        else:
            self.latency[endpoint].append(seconds)


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("connection closed")
    status = int(status_line.split()[1])
    length, chunked = 0, False
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "content-length":
            length = int(value.strip())
        elif name.lower() == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
    if not chunked:
        return status, await reader.readexactly(length)
    body = b""
    while True:
        size = int((await reader.readline()).strip(), 16)
        body += await reader.readexactly(size + 2)
        if size == 0:
            return status, body


async def _client(host: str, port: int, questions: list[tuple[str, str]], deadline: float, stats: Stats,
                  seed: int) -> None:
    rng = random.Random(seed)
    reader = writer = None
    while time.perf_counter() < deadline:
        endpoint, path = rng.choice(questions)
        started = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), TIMEOUT)
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: application/json\r\n\r\n".encode())
            await writer.drain()
            status, _ = await asyncio.wait_for(_read_response(reader), TIMEOUT)
            stats.add(endpoint, time.perf_counter() - started, status)
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ConnectionError, ValueError) as exc:
            stats.add(endpoint, time.perf_counter() - started, None, type(exc).__name__)
            if writer is not None:
                writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


def _get_json(host: str, port: int, path: str):
    import http.client

    conn = http.client.HTTPConnection(host, port, timeout=60)
    conn.request("GET", path)
    r = conn.getresponse()
    body = r.read()
    conn.close()
    if r.status != 200:
        raise SystemExit(f"error: GET {path}: HTTP {r.status}: {body[:200]!r}")
    return json.loads(body)


def questions(host: str, port: int, rng: random.Random) -> list[tuple[str, str]]:
    """Actor and events questions about what this store holds."""
    overview = _get_json(host, port, "/api/overview?limit=50")
    names = [a["name"] for a in overview["top_people"] + overview["top_organizations"]]
    types = sorted(overview["counts"].get("events_by_type") or {}) or ["CONSULT"]
    first = (overview["counts"]["published"].get("first") or "2020")[:4]
    last = (overview["counts"]["published"].get("last") or "2025")[:4]
    years = [str(y) for y in range(int(first), int(last) + 1)] or ["2024"]
    countries = sorted({a["country"] for a in overview["top_people"] if a.get("country")}) or ["VNM"]
    out: list[tuple[str, str]] = []
    for name in names or ["Việt Nam"]:
        out.append(("actor", "/api/actor?" + urlencode({"name": name, "limit": 20})))
    for _ in range(max(50, len(out))):
        params: dict = {"limit": 50}
        pick = rng.random()
        if pick < 0.3:
            params["type"] = rng.choice(types)
        elif pick < 0.6 and names:
            params["actor"] = rng.choice(names)
        elif pick < 0.8:
            params["country"] = rng.choice(countries)
        if rng.random() < 0.5:
            params["since"] = rng.choice(years)
        out.append(("events", "/api/events?" + urlencode(params)))
    for title in POSTS:   # the posts with the most holders: the answers that grew with the corpus
        out.append(("post", "/api/post?" + urlencode({"title": title})))
        for _ in range(5):
            on = f"{rng.choice(years)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            out.append(("who", "/who?" + urlencode({"title": title, "country": rng.choice(countries), "on": on})))
            out.append(("who", "/who?" + urlencode({"title": title})))
    return out


POSTS = ("Thủ tướng", "Chủ tịch nước", "Tổng thống", "Bộ trưởng Quốc phòng", "Bộ trưởng Ngoại giao", "Đại sứ")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server(db: str, workers: int) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    code = "from biennien.cli import main; main()"
    proc = subprocess.Popen([sys.executable, "-c", code, "serve", "--db", db, "--host", "127.0.0.1",
                             "--port", str(port), "--workers", str(workers)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"error: the server did not start: {proc.stderr.read().decode()[-500:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc, port
        except OSError:
            time.sleep(0.1)
    proc.terminate()
    raise SystemExit("error: the server did not start within 30 s")


def _ms(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return 1000 * values[min(len(values) - 1, int(q * len(values)))]


async def run(host: str, port: int, clients: int, seconds: float, seed: int) -> tuple[Stats, float]:
    rng = random.Random(seed)
    asked = questions(host, port, rng)
    stats = Stats()
    started = time.perf_counter()
    deadline = started + seconds
    tasks = [_client(host, port, asked, deadline, stats, seed + i) for i in range(clients)]
    await asyncio.wait_for(asyncio.gather(*tasks), seconds + TIMEOUT + 5)
    return stats, time.perf_counter() - started


def report(stats: Stats, elapsed: float, clients: int) -> None:
    done = sum(len(v) for v in stats.latency.values())
    failed = sum(stats.errors.values())
    every = [x for v in stats.latency.values() for x in v]
    print(f"{clients} clients, {elapsed:.1f} s: {done + failed} requests, {done / elapsed:.0f} requests/s answered 200, "
          f"{failed} errors")
    print(f"  all      p50 {_ms(every, .5):7.1f} ms   p95 {_ms(every, .95):7.1f} ms   p99 {_ms(every, .99):7.1f} ms"
          f"   mean {1000 * statistics.fmean(every) if every else float('nan'):7.1f} ms")
    for endpoint, values in sorted(stats.latency.items()):
        print(f"  {endpoint:8} p50 {_ms(values, .5):7.1f} ms   p95 {_ms(values, .95):7.1f} ms   "
              f"p99 {_ms(values, .99):7.1f} ms   n {len(values)}")
    if stats.errors:
        print("  errors: " + ", ".join(f"{k} ×{n}" for k, n in sorted(stats.errors.items())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="knowledge base to serve (starts `biennien serve` on a free local port)")
    parser.add_argument("--url", help="an already running server, e.g. http://127.0.0.1:8000 (local only)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=1, help="server processes when started with --db")
    args = parser.parse_args()
    if not 1 <= args.clients <= 500:
        parser.error("--clients must be between 1 and 500")
    if not 0 < args.seconds <= 600:
        parser.error("--seconds must be between 0 and 600")
    if not 1 <= args.workers <= 16:
        parser.error("--workers must be between 1 and 16")
    if bool(args.db) == bool(args.url):
        parser.error("give either --db (to start a server) or --url (of a running one)")
    proc = None
    if args.url:
        parts = urlsplit(args.url)
        if parts.hostname not in LOCAL or parts.scheme != "http":
            parser.error("--url must be http://127.0.0.1:PORT (this load test only runs against this machine)")
        host, port = "127.0.0.1" if parts.hostname == "localhost" else parts.hostname, parts.port or 80
    else:
        if not os.path.exists(args.db):
            parser.error(f"{args.db}: no such knowledge base")
        proc, port = _start_server(args.db, args.workers)
        host = "127.0.0.1"
    try:
        stats, elapsed = asyncio.run(run(host, port, args.clients, args.seconds, args.seed))
        report(stats, elapsed, args.clients)
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)  # the server we started, and its worker processes


if __name__ == "__main__":
    main()
