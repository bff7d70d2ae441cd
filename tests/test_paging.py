"""Answers do not grow with the knowledge base: every list in the API and the pages has a bounded
default `limit` and an `offset`, the answer says how many there are in all, and the pages of a
list do not overlap and together hold all of it. Nested lists (a role's evidence and dates, an
event's mentions) are capped, with their counts.

The store: 300 made-up articles, each with another foreign minister (300 holders of one post),
the same guest (300 events of one actor), the same prime minister (one role seen 300 times) and
the same summit reported again (one event with 300 mentions)."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from click.testing import CliRunner

from biennien.http import create_app
from biennien.cli import app as cli
from biennien.checks import MAX_LIMIT
from biennien.query import NESTED, OBSERVED
from biennien.run import ingest
from biennien.store import Store

from .made_up_news import crowded_feed

N = 300
MINISTER, PM, GUEST, LAO_PM = "Bộ trưởng Bộ Ngoại giao", "Phạm Minh Khôi", "Khamphao Ernthavanh", "Sonexay Siphandone"
KB = 1024


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crowd")
    with Store(folder / "kb.db") as store:
        assert ingest([str(crowded_feed(folder / "crowd.jsonl", N))], store).new == N
    return folder / "kb.db"


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


def _get(client, url: str, **params):
    r = client.get(url, params=params)
    assert r.status_code == 200, r.text
    return r


def _pages(client, url: str, key, size: int, **params) -> list[list]:
    """Every page of a list, `size` at a time, until one comes back short."""
    pages, offset = [], 0
    while True:
        answer = _get(client, url, limit=size, offset=offset, **params).json()
        items = key(answer)
        pages.append(items)
        if len(items) < size:
            return pages
        offset += size


def _disjoint_and_whole(pages: list[list], total: int) -> None:
    flat = [x for page in pages for x in page]
    assert len(flat) == len(set(flat)) == total, (len(flat), len(set(flat)), total)


def test_post_with_hundreds_of_holders(client):
    r = _get(client, "/api/post", title=MINISTER)
    answer = r.json()
    assert answer["total"] == N and answer["offset"] == 0 and len(answer["roles"]) == answer["limit"] == 20
    assert len(r.content) < 40 * KB, len(r.content)  # it was 300 roles, each with all its evidence
    pages = _pages(client, "/api/post", lambda a: [x["actor_id"] for x in a["roles"]], 64, title=MINISTER)
    _disjoint_and_whole(pages, N)
    past = _get(client, "/api/post", title=MINISTER, offset=N + 5).json()
    assert past["roles"] == [] and past["total"] == N


def test_a_role_seen_hundreds_of_times(client):
    r = _get(client, "/api/post", title="Thủ tướng", country="VNM")
    (role,) = r.json()["roles"]
    assert role["name"] == PM and role["evidence_count"] >= N and len(role["evidence"]) == NESTED
    assert role["observed_count"] >= N and len(role["observed"]) == OBSERVED
    assert role["observed"][0] == role["first_observed"] and role["observed"][-1] == role["last_observed"]
    assert len(r.content) < 20 * KB, len(r.content)
    actor = _get(client, "/api/actor", name=PM)
    assert all(len(x["evidence"]) <= NESTED and len(x["observed"]) <= OBSERVED for x in actor.json()["roles"])
    assert len(actor.content) < 40 * KB, len(actor.content)


def test_who_pages(client):
    answer = _get(client, "/api/who", title=MINISTER, country="VNM", on="2010").json()
    # the holders are seen from 2000 to 2024: those seen only after 2020 are too far from 2010 to answer
    total = answer["total"]
    assert N // 2 < total < N and len(answer["holders"]) == 10
    pages = _pages(client, "/api/who", lambda a: [h["actor_id"] for h in a["holders"]], 70, title=MINISTER,
                   country="VNM", on="2010")
    _disjoint_and_whole(pages, total)


def test_events_of_an_actor_in_hundreds_of_events(client):
    r = _get(client, "/api/events", actor=GUEST)
    assert int(r.headers["x-total-count"]) == N and len(r.json()) == 50
    assert r.headers["link"] == f'<http://testserver/api/events?actor={GUEST.replace(" ", "+")}&offset=50>; rel="next"'
    pages = _pages(client, "/api/events", lambda a: [e["event_id"] for e in a], 64, actor=GUEST)
    _disjoint_and_whole(pages, N)
    last = _get(client, "/api/events", actor=GUEST, offset=N - 10)
    assert len(last.json()) == 10 and "link" not in last.headers


def test_an_event_reported_hundreds_of_times(client):
    (summit,) = _get(client, "/api/events", actor=LAO_PM, type="CONSULT").json()
    assert summit["mention_count"] == N and len(summit["mentions"]) == NESTED
    assert all(len(e["mentions"]) <= NESTED for e in _get(client, "/api/overview").json()["latest_events"])


def test_actor_pages_its_mentions_and_events(client):
    first = _get(client, "/api/actor", name=GUEST, limit=100).json()
    assert first["event_count"] == N and len(first["events"]) == 100 and first["mention_count"] >= N
    events = _pages(client, "/api/actor", lambda a: [e["event_id"] for e in a["events"]], 100, name=GUEST)
    _disjoint_and_whole(events, N)
    mentions = _pages(client, "/api/actor", lambda a: [(m["doc_id"], m["start"]) for m in a["mentions"]], 128,
                      name=GUEST)
    _disjoint_and_whole(mentions, first["mention_count"])


def test_timeline_pages_split_events_and_role_changes(client):
    whole = _get(client, "/api/timeline", name=GUEST, limit=MAX_LIMIT).json()
    assert whole["total"] == N
    default = _get(client, "/api/timeline", name=GUEST)
    assert sum(i["kind"] == "event" for i in default.json()["items"]) == 100
    pages = _pages(client, "/api/timeline", lambda a: [_item(i) for i in a["items"] if i["kind"] == "event"], 32,
                   name=GUEST)
    _disjoint_and_whole(pages, N)
    roles = [[_item(i) for i in _get(client, "/api/timeline", name=GUEST, limit=32, offset=32 * k).json()["items"]
              if i["kind"] == "role"] for k in range(len(pages) + 1)]
    assert sorted(x for page in roles for x in page) == sorted(_item(i) for i in whole["items"] if i["kind"] == "role")
    _disjoint_and_whole(roles, sum(map(len, roles)))


def _item(item: dict) -> str:
    return json.dumps(item["event"]["event_id"] if item["kind"] == "event" else [item["date"], item["change"],
                                                                                  item["role"]])


def test_search_pages(client):
    answer = _get(client, "/api/search", q="Bộ trưởng").json()
    assert answer["sentence_total"] >= N and len(answer["sentences"]) == 20
    pages = _pages(client, "/api/search", lambda a: [(s["doc_id"], s["idx"]) for s in a["sentences"]], 100,
                   q="Bộ trưởng")
    _disjoint_and_whole(pages, answer["sentence_total"])
    actors = _get(client, "/api/search", q="Nguyễn").json()
    assert actors["actor_total"] == N // 12 and len(actors["actors"]) == 20
    pages = _pages(client, "/api/search", lambda a: [x["actor_id"] for x in a["actors"]], 7, q="Nguyễn")
    _disjoint_and_whole(pages, actors["actor_total"])


def test_network_pages(client):
    answer = _get(client, "/api/network", limit=50).json()
    assert answer["total"] >= N and len(answer["edges"]) == 50
    pages = _pages(client, "/api/network", lambda a: [(e["a"], e["b"]) for e in a["edges"]], 100)
    _disjoint_and_whole(pages, answer["total"])


def test_the_who_page_shows_a_page_of_holders(client):
    first = _get(client, "/who", title=MINISTER, lang="en")
    assert len(first.content) < 120 * KB, len(first.content)  # it was every holder, each with its evidence
    assert f"Holders 1–20 of {N}" in first.text and "offset=20" in first.text
    second = _get(client, "/who", title=MINISTER, offset=20, lang="en")
    assert f"Holders 21–40 of {N}" in second.text
    names = {page: {a for a in _holders(r.text)} for page, r in (("first", first), ("second", second))}
    assert len(names["first"]) == len(names["second"]) == 20 and not names["first"] & names["second"]


def _holders(html: str) -> set[str]:
    import re

    return set(re.findall(r'<p class="ev-holder"><a href="/actor/(\d+)"', html))


def test_the_events_page_says_how_many(client):
    page = _get(client, "/events", actor=GUEST, lang="en")  # 20 a page (http.answers.PAGE)
    assert f"Events 1–20 of {N}" in page.text and "offset=20" in page.text


@pytest.mark.parametrize("args,url,params", [
    (["who", MINISTER, "--country", "VNM", "--on", "2010", "--limit", "5", "--offset", "295"], "/api/who",
     {"title": MINISTER, "country": "VNM", "on": "2010", "limit": 5, "offset": 295}),
    (["events", "--actor", GUEST, "--offset", "100"], "/api/events", {"actor": GUEST, "offset": 100}),
    (["timeline", GUEST, "--limit", "20", "--offset", "40"], "/api/timeline", {"name": GUEST, "limit": 20, "offset": 40}),
    (["actor", PM, "--limit", "5", "--offset", "10"], "/api/actor", {"name": PM, "limit": 5, "offset": 10}),
    (["search", "Bộ trưởng", "--offset", "20"], "/api/search", {"q": "Bộ trưởng", "offset": 20}),
], ids=["who", "events", "timeline", "actor", "search"])
def test_cli_pages_as_the_api_does(client, db, args, url, params):
    result = CliRunner().invoke(cli, [*args, "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == _get(client, url, **params).json()


def test_cli_says_where_a_page_ends(db):
    result = CliRunner().invoke(cli, ["events", "--actor", GUEST, "--limit", "5", "--offset", "10", "--db", str(db)])
    assert result.exit_code == 0 and result.stdout.splitlines()[-1] == f"(events 11–15 of {N}; --offset 15 for more)"


# --- paging together with the coded errors, the grouped sources and the CLI's evidence ----------

def test_the_events_page_groups_a_capped_list_and_counts_the_rest(client):
    """The summit carries its first NESTED reports; the page groups those by article and says
    how many articles are left from `article_count`, not from the capped list."""
    (summit,) = _get(client, "/api/events", actor=LAO_PM, type="CONSULT").json()
    assert summit["mention_count"] == summit["article_count"] == N and len(summit["mentions"]) == NESTED
    page = _get(client, "/events", actor=LAO_PM, type="CONSULT", lang="en").text
    row = page.split(f'id="event-{summit["event_id"]}"')[1].split("</tr>")[0]
    assert row.count('class="src"') == 3 and f"and {N - 3} more" in row, row


def test_the_cli_prints_a_capped_events_evidence_with_its_counts(db):
    result = CliRunner().invoke(cli, ["events", "--actor", LAO_PM, "--type", "CONSULT", "--db", str(db)])
    assert result.exit_code == 0, result.output
    head, said, where = result.stdout.splitlines()[:3]
    assert head.endswith(f"({N} reports in {N} articles)") and said.strip().startswith("“") and \
        where.strip().startswith("— "), result.stdout


def test_a_bad_offset_is_a_coded_error(client, db):
    from biennien.checks import MAX_OFFSET, QueryError
    from biennien.query import events
    from biennien.web.errors import query_message

    with Store(db, readonly=True) as store, pytest.raises(QueryError) as caught:
        events(store, offset=MAX_OFFSET + 1)
    assert caught.value.code == "offset_range" and caught.value.values == {"value": MAX_OFFSET + 1, "max": MAX_OFFSET}

    class Asking:  # what query_message reads of a request: its language
        def __init__(self, lang):
            self.query_params, self.cookies, self.headers = {"lang": lang}, {}, {}

    said = {lang: query_message(Asking(lang), caught.value) for lang in ("vi", "en")}
    assert said["vi"] == f"Vị trí bắt đầu phải từ 0 đến {MAX_OFFSET}, không phải {MAX_OFFSET + 1}.", said
    assert said["en"] == f"The offset must be between 0 and {MAX_OFFSET}, not {MAX_OFFSET + 1}.", said
    for lang, words in (("en", "Offset: must be 0 or more, not -1"), ("vi", "Vị trí bắt đầu: phải từ 0 trở lên")):
        r = client.get("/who", params={"title": MINISTER, "offset": -1, "lang": lang})
        assert r.status_code == 400 and words in r.text, r.text
    result = CliRunner().invoke(cli, ["events", "--offset", "-1", "--db", str(db)])
    assert result.exit_code == 2 and f"offset must be between 0 and {MAX_OFFSET}, got -1" in result.output


def test_an_article_shows_its_own_report_of_a_widely_reported_event(client, db):
    """The summit's event carries its first NESTED reports (by article id); the page of an article
    after those still links its own sentence and counts the others from `mention_count`."""
    (summit,) = _get(client, "/api/events", actor=LAO_PM, type="CONSULT").json()
    with Store(db, readonly=True) as store:
        last = store.scalar("SELECT max(doc_id) FROM event_mentions WHERE event_id = ?", (summit["event_id"],))
    assert last not in {m["doc_id"] for m in summit["mentions"]}
    page = _get(client, f"/article/{last}", lang="en").text
    item = page.split('id="doc-events"')[1].split("</li>")[0]
    assert 'class="sref" href="?s=' in item and f"{N - 1} other reports" in item, item
