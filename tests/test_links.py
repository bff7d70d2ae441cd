"""Every link works: starting from every page of a store (home, search results, each actor, events,
network, who, each article), every href and src on every page reached is followed; each must answer
2xx and each #fragment must name an element of the page it points to."""
from __future__ import annotations

from datetime import date
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from fastapi.testclient import TestClient

from biennien import query as q
from biennien.http import create_app
from biennien.store import Store

from .conftest_web import build_web_db

HOST = "testserver"
MAX_PAGES = 6000  # far above what the stores here reach: a crawl that grows without end fails


class Page(HTMLParser):
    """The links (href, src) and the anchors (id, a name) of an HTML page."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.anchors: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.anchors.add(a["id"])
        if tag == "a" and a.get("name"):
            self.anchors.add(a["name"])
        for name in ("href", "src"):
            if a.get(name) is not None and tag in ("a", "link", "script", "img", "iframe", "area"):
                self.links.append(a[name])


def starts(store: Store) -> list[str]:
    """The pages a person may land on: every actor, article, post (on each date it was seen, and
    today), the events and network pages, and a search for each actor's name."""
    ids = [r["actor_id"] for r in store.rows("SELECT actor_id FROM actors ORDER BY actor_id")]
    names = [r["name"] for r in store.rows("SELECT name FROM actors ORDER BY actor_id")]
    docs = [r["doc_id"] for r in store.rows("SELECT doc_id FROM documents ORDER BY doc_id")]
    out = ["/", "/events", "/network", "/network?" + urlencode({"since": "1900", "type": q.PLOVER_TYPES}, doseq=True),
           "/who", "/docs", "/?q=khamliang", "/?q=bo quoc phong"]
    out += ["/?" + urlencode({"q": n}) for n in names]
    out += [f"/actor/{i}" for i in ids] + [f"/article/{d}" for d in docs]
    for post in q.posts(store, 200):
        base = {"title": post["title"], "country": post["country"] or ""}
        days = {r["date"] for r in q.post(store, post["title"], post["country"])["roles"]
                for r in [{"date": d} for d in r["observed"]]} | {date.today().isoformat()}
        out += ["/who?" + urlencode(base)] + ["/who?" + urlencode({**base, "on": d}) for d in sorted(days) if d]
    return out


def crawl(db) -> dict:
    checked, pages, broken, missing = 0, {}, [], []
    fragments: list[tuple[str, str, str]] = []
    with Store(db, readonly=True) as store:
        queue = starts(store)
    with TestClient(create_app(db)) as client:
        while queue:
            url = queue.pop()
            if url in pages:
                continue
            assert len(pages) < MAX_PAGES, "the crawl does not end"
            r = client.get(url)
            page = Page()
            if r.headers.get("content-type", "").startswith("text/html"):
                page.feed(r.text)
            pages[url] = page.anchors
            if not 200 <= r.status_code < 300:
                broken.append((url, r.status_code, r.text[:200]))
            for href in page.links:
                checked += 1
                target = urlsplit(urljoin(f"http://{HOST}{url}", href))
                assert target.scheme in ("http", "https"), (url, href)
                if target.netloc != HOST:
                    continue  # an article's original, outside: not ours to check
                path = target.path + (f"?{target.query}" if target.query else "")
                if target.fragment:
                    fragments.append((url, path, target.fragment))
                if path not in pages:
                    queue.append(path)
    missing = sorted({(src, path, frag) for src, path, frag in fragments if frag not in pages[path]})
    return {"links": checked, "pages": len(pages), "fragments": len(fragments), "broken": broken, "missing": missing}


def _report(found: dict, capsys) -> None:
    with capsys.disabled():
        print(f"\n{found['links']} links checked on {found['pages']} pages, {found['fragments']} with a #fragment")
    assert not found["broken"], found["broken"][:10]
    assert not found["missing"], found["missing"][:10]


@pytest.mark.needs_shared
def test_every_link_of_the_seeds_store_works(seeds_db, capsys):
    found = crawl(seeds_db)
    _report(found, capsys)
    assert found["pages"] > 100 and found["fragments"] > 100


@pytest.mark.needs_shared
def test_every_link_of_the_web_store_works(tmp_path_factory, capsys):
    """The seeds plus the made-up articles, whose headlines and credits are evidence too."""
    found = crawl(build_web_db(str(tmp_path_factory.mktemp("links"))))
    _report(found, capsys)
    assert found["pages"] > 100


def test_a_link_to_the_headline_or_a_caption_lands_on_it(tmp_path_factory):
    db = build_web_db(str(tmp_path_factory.mktemp("links")))
    with TestClient(create_app(db)) as client, Store(db, readonly=True) as store:
        doc = q.article(store, "5e0000000000aa01")
        title = next(s["idx"] for s in doc["sentences"] if s["start"] == 0)
        credit = next(s["idx"] for s in doc["sentences"] if s["text"].startswith("Ảnh:"))
        for i in (title, credit):
            page = Page()
            page.feed(client.get(f"/article/{doc['doc_id']}?s={i}").text)
            assert f"s-{i}" in page.anchors, i
