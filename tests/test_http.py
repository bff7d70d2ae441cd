"""The HTTP API and the pages, in-process: every page answers, every /api/ answer equals the CLI's
`--json` answer to the same question, bad parameters are clear 4xx, and the safety rules hold."""
from __future__ import annotations

import html
import http.client
import json
import re

import pytest
from fastapi.testclient import TestClient
from click.testing import CliRunner

from biennien import query as q
from biennien.http import create_app
from biennien.cli import app as cli
from biennien.store import Store

from .conftest_web import XSS, LiveServer, build_web_db

KHOI, HAO = "Nguyễn Minh Khôi", "Lê Quang Hào"
MADE_UP = "5e0000000000aa01"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_web_db(str(tmp_path_factory.mktemp("web")))


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


@pytest.fixture(scope="module")
def store(db):
    with Store(db, readonly=True) as s:
        yield s


def _cli(db, *args) -> object:
    result = CliRunner().invoke(cli, [*args, "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --- pages --------------------------------------------------------------------------------

def test_every_page_answers(client, store):
    khoi = q.find_actor(store, KHOI)["actor_id"]
    pages = ["/", "/?q=khamliang", "/?q=nguyen minh khoi", "/events", "/events?type=CONSULT&since=2024",
             "/events?planned=planned", "/events?participants=none", "/events?participants=any", "/network", "/network?type=CONSULT&type=AGREE&since=2024&kind=person",
             "/who", f"/who?title=Phó Thủ tướng&country=VNM&on=2025-03-01", f"/actor/{khoi}",
             f"/article/{MADE_UP}?s=1", "/docs", "/openapi.json", "/static/css/app.css", "/static/js/app.js",
             "/static/js/network.js", "/static/favicon.svg"]
    pages += [d["doc_id"] and f"/article/{d['doc_id']}" for d in q.overview(store, 20)["latest_documents"]]
    for url in pages:
        for lang in ("vi", "en"):
            r = client.get(url, params={"lang": lang})
            assert r.status_code == 200, (url, r.text[:300])
    assert client.get("/actor", params={"name": KHOI}, follow_redirects=False).headers["location"] == f"/actor/{khoi}"


def test_search_ignores_case_and_diacritics(client):
    page = client.get("/", params={"q": "nguyen minh khoi"}).text
    assert KHOI in page and "<mark>" in page
    found = client.get("/api/search", params={"q": "NGUYEN minh KHOI"}).json()
    assert found["actors"][0]["name"] == KHOI and found["sentences"]


def test_language_is_remembered(client):
    r = client.get("/events", params={"lang": "en"})
    assert ">Events<" in r.text and "lang=en" in r.headers["set-cookie"]
    assert ">Events<" in client.get("/network").text  # the cookie, not the parameter
    client.get("/", params={"lang": "vi"})
    assert ">Sự kiện<" in client.get("/network").text


# --- the API answers what the CLI answers ---------------------------------------------------

CASES = [
    ("/api/stats", {}, ["stats"]),
    ("/api/search", {"q": "khamliang"}, ["search", "khamliang"]),
    ("/api/search", {"q": "khoi", "limit": 5}, ["search", "khoi", "--limit", "5"]),
    ("/api/actor", {"name": KHOI}, ["actor", KHOI]),
    ("/api/actor", {"name": HAO, "limit": 3}, ["actor", HAO, "--limit", "3"]),
    ("/api/who", {"title": "Phó Thủ tướng", "country": "VNM", "on": "2025-03-01"},
     ["who", "Phó Thủ tướng", "--country", "VNM", "--on", "2025-03-01"]),
    ("/api/who", {"title": "Bộ trưởng Quốc phòng", "country": "LAO", "on": "2025-01-09"},
     ["who", "Bộ trưởng Quốc phòng", "--country", "LAO", "--on", "2025-01-09"]),
    ("/api/who", {"title": "Phó Thủ tướng", "on": "2025-03-01"}, ["who", "Phó Thủ tướng", "--on", "2025-03-01"]),
    ("/api/who", {"title": "Phó Thủ tướng"}, ["who", "Phó Thủ tướng"]),   # both ask about today
    ("/api/events", {}, ["events"]),
    ("/api/events", {"type": "CONSULT", "since": "2024", "limit": 10}, ["events", "--type", "CONSULT", "--since", "2024",
                                                                       "--limit", "10"]),
    ("/api/events", {"actor": KHOI, "planned": "true"}, ["events", "--actor", KHOI, "--planned"]),
    ("/api/events", {"country": "KHM", "until": "2024-12"}, ["events", "--country", "KHM", "--until", "2024-12"]),
    ("/api/events", {"participants": "none"}, ["events", "--unattributed"]),
    ("/api/timeline", {"name": HAO}, ["timeline", HAO]),
    ("/api/timeline", {"name": KHOI}, ["timeline", KHOI]),
    # pages: limit and offset mean the same in both
    ("/api/events", {"limit": 2, "offset": 1}, ["events", "--limit", "2", "--offset", "1"]),
    ("/api/search", {"q": "khoi", "limit": 1, "offset": 1}, ["search", "khoi", "--limit", "1", "--offset", "1"]),
    ("/api/actor", {"name": KHOI, "limit": 1, "offset": 1}, ["actor", KHOI, "--limit", "1", "--offset", "1"]),
    ("/api/timeline", {"name": KHOI, "limit": 1, "offset": 1}, ["timeline", KHOI, "--limit", "1", "--offset", "1"]),
    ("/api/who", {"title": "Phó Thủ tướng", "country": "VNM", "on": "2025-03-01", "limit": 1, "offset": 1},
     ["who", "Phó Thủ tướng", "--country", "VNM", "--on", "2025-03-01", "--limit", "1", "--offset", "1"]),
]


@pytest.mark.parametrize("url,params,args", CASES, ids=[" ".join(c[2]) for c in CASES])
def test_api_equals_cli_json(client, db, url, params, args):
    r = client.get(url, params=params)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/json")
    assert r.json() == _cli(db, *args)


def test_api_without_a_cli_command_equals_the_query_functions(client, store):
    """article, network, post and overview have no CLI command: the same query function answers."""
    assert client.get(f"/api/article/{MADE_UP}").json() == json.loads(json.dumps(q.article(store, MADE_UP), default=str))
    assert client.get("/api/network", params={"since": "2023"}).json() == q.network(store, since="2023")
    assert client.get("/api/post", params={"title": "Phó Thủ tướng"}).json() == q.post(store, "Phó Thủ tướng")
    assert client.get("/api/overview").json()["counts"] == q.stats(store)


def test_the_made_up_findings_are_served(client):
    art = client.get(f"/api/article/{MADE_UP}").json()
    assert XSS in art["text"] and {e["type"] for e in art["events"]} == {"CONSULT", "AGREE"}
    trigger = next(m for m in art["event_mentions"] if m["type"] == "CONSULT")
    assert art["text"][trigger["trigger_start"]:trigger["trigger_end"]] == "tiếp"
    post = client.get("/api/post", params={"title": "Phó Thủ tướng", "country": "VNM"}).json()
    assert post["roles"][0]["name"] == KHOI and post["roles"][0]["start"] == "2025-01"


# --- bad questions ------------------------------------------------------------------------

BAD = [
    ("/api/events", {"limit": 501}, 400, "limit"),
    ("/api/events", {"limit": 0}, 400, "limit"),
    ("/api/events", {"offset": -1}, 400, "offset"),
    ("/api/events", {"since": "yesterday"}, 400, "YYYY"),
    ("/api/events", {"until": "2024-02-30"}, 400, "not a real date"),
    ("/api/events", {"type": "MEET"}, 400, "unknown event type"),
    ("/api/events", {"planned": "maybe"}, 400, "planned"),
    ("/api/events", {"actor": "Nobody Here"}, 404, "no actor"),
    ("/api/who", {"title": "Thủ tướng", "on": "2024", "country": "Lào"}, 400, "alpha-3"),
    ("/api/who", {"on": "2024"}, 400, "title"),
    ("/api/actor", {"name": "Nobody Here"}, 404, "no actor"),
    ("/api/actor", {"name": "x" * 201}, 400, "name"),
    ("/api/actor", {}, 400, "name"),
    ("/api/search", {"q": ""}, 400, "needs some words"),
    ("/api/search", {"q": "x" * 201}, 400, "200"),
    ("/api/network", {"kinds": "robot"}, 400, "unknown actor kind"),
    ("/api/network", {"type": "CONSULT,NOPE"}, 400, "unknown event type"),
    ("/api/post", {"title": " "}, 400, "title"),
    ("/api/article/zz", {}, 400, "not a document id"),
    ("/api/article/0000000000000000", {}, 404, "no document"),
    ("/api/nowhere", {}, 404, "Not Found"),
    ("/api/actor", {"name": str(2**63)}, 404, "no actor"),          # past SQLite's integers: a name
    ("/api/actor", {"name": "9" * 40}, 404, "no actor"),
    ("/api/timeline", {"name": str(2**64)}, 404, "no actor"),
    ("/api/events", {"actor": str(2**63)}, 404, "no actor"),
    ("/api/actor", {"name": "%"}, 404, "no actor"),                  # not a LIKE wildcard
    ("/api/actor", {"name": "_"}, 404, "no actor"),
    ("/api/actor", {"name": "%%"}, 404, "no actor"),
]


@pytest.mark.parametrize("url,params,status,message", BAD, ids=[f"{b[0]}-{b[3]}" for b in BAD])
def test_bad_parameters_are_4xx_with_a_message(client, url, params, status, message):
    r = client.get(url, params=params)
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert message in error and "\n" not in error


def test_bad_page_parameters_show_the_message(client):
    r = client.get("/events", params={"since": "yesterday"})
    assert r.status_code == 400 and "YYYY" in r.text and "<form" in r.text
    assert client.get("/events", params={"limit": 9999}).status_code == 400
    assert client.get("/actor/999999").status_code == 404
    assert client.get("/article/zz").status_code == 400
    assert client.get("/who", params={"title": "Thủ tướng", "on": "soon"}).status_code == 400


PAGE_ERRORS = [
    (f"/article/{MADE_UP}?s=x", 400, "Câu: cần một số nguyên", "Sentence: a whole number is needed"),
    (f"/article/{MADE_UP}?s=", 400, "Câu: cần một số nguyên", "Sentence: a whole number is needed"),
    ("/article/zz", 400, "«zz» không phải mã bài báo", "“zz” is not an article id"),
    ("/article/0000000000000000", 404, "Không có bài báo nào mã", "There is no article with the id"),
    ("/actor/999999", 404, "Không có nhân vật hay tổ chức nào tên «999999»", "No actor named “999999”"),
    ("/actor?name=", 400, "Cần tên một nhân vật", "An actor's name is needed"),
    ("/?q=" + "x" * 201, 400, "Từ khóa: dài tối đa 200 ký tự", "Search words: at most 200 characters"),
    ("/events?since=yesterday", 400, "Từ ngày: cần ngày dạng YYYY", "Since: a date is YYYY"),
    ("/events?limit=9999", 400, "Số kết quả: tối đa là 500", "Number of results: must be at most 500"),
    ("/events?type=MEET", 400, "Không có loại sự kiện «MEET»", "Unknown event type “MEET”"),
    ("/events?planned=maybe", 400, "Tình trạng: «maybe» không phải", "Status: “maybe” is not one of"),
    ("/who?title=Thủ tướng&on=soon", 400, "Vào ngày: cần ngày dạng", "On: a date is"),
    ("/who?title=Thủ tướng&country=Lào", 400, "Quốc gia: cần mã ISO 3166", "Country: an ISO 3166 alpha-3 code"),
    ("/network?kind=robot", 400, "Không có loại chủ thể «robot»", "Unknown actor kind “robot”"),
    ("/nowhere", 404, "Không có trang nào ở địa chỉ này", "There is no page at this address"),
]


@pytest.mark.parametrize("url,status,vi,en", PAGE_ERRORS, ids=[e[0][:40] for e in PAGE_ERRORS])
def test_page_errors_speak_the_pages_language(client, url, status, vi, en):
    """Vietnamese on Vietnamese pages, English with ?lang=en, naming the form's field (never the
    CLI's --flag or pydantic's "Input should ..."), with a way back; the JSON API stays English."""
    for lang, words in (("en", en), ("vi", vi)):  # vi last: the client keeps the language cookie
        r = client.get(url + ("&" if "?" in url else "?") + f"lang={lang}")
        assert r.status_code == status, (url, lang)
        message = html.unescape(re.search(r'<p class="error"[^>]*>(.*?)</p>', r.text, re.S).group(1))
        assert words in message and "\n" not in message.strip(), (lang, message)
        assert "Input should" not in message and "--" not in message
        assert 'href="/"' in r.text
    api = client.get("/api/events", params={"since": "yesterday"}).json()["error"]
    assert api == "--since must be YYYY, YYYY-MM or YYYY-MM-DD, got 'yesterday'"


def test_an_error_page_links_back_to_where_the_person_came_from(client):
    came = "http://testserver/events?type=AGREE"
    r = client.get("/actor/999999", headers={"referer": came})
    assert r.status_code == 404 and 'href="/events?type=AGREE"' in r.text
    for foreign in ("https://elsewhere.example/x", "http://testserver//elsewhere.example/x", "javascript:alert(1)"):
        r = client.get("/actor/999999", headers={"referer": foreign})
        assert "elsewhere" not in r.text and "javascript:" not in r.text


def test_a_crashing_page_says_so_in_its_language(db, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("secret detail")

    monkeypatch.setattr(q, "overview", broken)
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        for lang, words in (("vi", "Máy chủ gặp lỗi"), ("en", "The server failed to answer")):
            r = c.get("/", params={"lang": lang})
            assert r.status_code == 500 and words in r.text and "secret detail" not in r.text


# --- safety -------------------------------------------------------------------------------

def test_security_headers_on_every_kind_of_response(client):
    for url in ("/", "/api/stats", "/static/css/app.css", "/nowhere", "/api/events?limit=999"):
        h = client.get(url).headers
        csp = h["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp, url
        assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY"
        assert h["referrer-policy"] == "same-origin"


def test_pages_have_no_inline_script_or_style(client, store):
    khoi = q.find_actor(store, KHOI)["actor_id"]
    for url in ("/", "/?q=khoi", "/events", "/network", f"/actor/{khoi}", f"/article/{MADE_UP}",
                "/who?title=Phó Thủ tướng&on=2025-03-01", "/docs"):
        html = client.get(url).text
        scripts = re.findall(r"<script\b([^>]*)>", html)
        assert all("src=" in s or 'type="application/json"' in s for s in scripts), url
        assert not re.search(r"<[^>]*\son[a-z]+\s*=", html), url
        assert not re.search(r"<[^>]*\sstyle\s*=", html), url


def test_user_input_and_article_text_are_escaped(client):
    page = client.get(f"/article/{MADE_UP}").text
    assert XSS not in page and "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;" in page
    assert "<img src=x" not in page
    echoed = client.get("/", params={"q": '"><script>alert(1)</script>'}).text
    assert "<script>alert(1)" not in echoed and "&lt;script&gt;alert(1)" in echoed
    assert "<script>alert" not in client.get("/events", params={"actor": "<script>alert(1)</script>"}).text


def test_request_size_is_bounded(client):
    assert client.post("/api/stats", content=b"x" * 20_000).status_code == 413
    assert client.get("/api/search", params={"q": "a" * 5000}).status_code == 414
    assert client.post("/api/stats", content=b"{}").status_code == 405


def test_head_answers_like_get(client):
    r = client.head("/")
    assert r.status_code == 200 and r.content == b""


def test_no_path_traversal_on_static_routes(db):
    """Raw paths over a real socket: nothing outside web/static is ever served."""
    with LiveServer(db) as server:
        for path in ("/static/../pyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml",
                     "/static/..%2f..%2f..%2fpyproject.toml", "/static/css/../../../http/app.py",
                     "/static/%2e%2e%2f%2e%2e%2fapi%2fapp.py", "/static//etc/passwd", "/static/..\\..\\pyproject.toml"):
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
            conn.request("GET", path)
            r = conn.getresponse()
            body = r.read()
            conn.close()
            assert r.status in (400, 404), (path, r.status)
            assert b"[project]" not in body and b"create_app" not in body and b"root:" not in body, path


def test_openapi_lists_every_endpoint_and_docs_work_offline(client):
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {"/api/search", "/api/actor", "/api/who", "/api/events", "/api/timeline", "/api/article/{doc_id}",
            "/api/stats", "/api/network", "/api/post"} <= paths
    docs = client.get("/docs").text
    assert "/api/events" in docs and not re.search(r"(src|href)=\"(https?:)?//", docs)


def test_a_crash_is_a_one_line_500_with_the_headers(db, monkeypatch):
    def broken(store):
        raise RuntimeError("secret detail")

    monkeypatch.setattr(q, "stats", broken)
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        r = c.get("/api/stats")
        assert r.status_code == 500 and r.json() == {"error": "internal error (see the server log)"}
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert "secret detail" not in r.text


def test_serve_refuses_a_missing_or_foreign_file(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no such knowledge base" in result.output
    (tmp_path / "junk.db").write_text("not sqlite")
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "junk.db")])
    assert result.exit_code == 2 and "not a biennien knowledge base" in result.output


def test_huge_numeric_actor_pages_say_no_actor(client):
    for url in (f"/actor/{2**63}", f"/events?actor={2**63}", "/events?actor=%25"):
        for lang, words in (("en", "No actor named"), ("vi", "Không có nhân vật hay tổ chức nào tên")):
            r = client.get(url + ("&" if "?" in url else "?") + f"lang={lang}")
            assert r.status_code in (400, 404) and words in r.text, (url, r.status_code)


def test_only_web_urls_become_links(tmp_path):
    feed = tmp_path / "feed.jsonl"
    rows = [{"url": bad, "title": f"Tin {i}", "text": f"Thủ tướng Nguyễn Văn An tiếp đoàn khách số {i} tại Hà Nội."}
            for i, bad in enumerate(["javascript:alert(1)", "data:text/html,<b>x</b>", " JavaScript:alert(2)",
                                     "https://example.org/ok"])]
    feed.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    from biennien.run import ingest
    with Store(tmp_path / "kb.db") as s:
        assert ingest([str(feed)], s).new == 4
        docs = s.rows("SELECT doc_id, url FROM documents")
    with TestClient(create_app(tmp_path / "kb.db")) as c:
        for doc in docs:
            html = c.get(f"/article/{doc['doc_id']}").text
            hrefs = re.findall(r'href="([^"]*)"', html)
            assert not any(h.strip().lower().startswith(("javascript:", "data:")) for h in hrefs), hrefs
            assert ("https://example.org/ok" in hrefs) == (doc["url"] == "https://example.org/ok")


def test_cli_actor_with_a_huge_number_is_one_line(db):
    result = CliRunner().invoke(cli, ["actor", str(2**63), "--db", str(db)])
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "no actor" in result.output


def test_page_and_api_take_the_same_parameters(client, store):
    """One handler answers /events and /api/events (and /network, /article): the same caps and the
    same forms of a list (repeated or comma-separated) and of `planned` (planned|happened,
    true|false), whichever is asked."""
    both = {"type": ["CONSULT", "AGREE"], "limit": 500}
    assert client.get("/events", params=both).status_code == 200
    assert len(client.get("/api/events", params=both).json()) == len(client.get(
        "/api/events", params={"type": "CONSULT,AGREE", "limit": 500}).json())
    for path in ("/events", "/api/events"):
        assert client.get(path, params={"limit": 501}).status_code == 400
        for form, value in (("planned", True), ("true", True), ("happened", False), ("false", False)):
            assert client.get(path, params={"planned": form}).status_code == 200
    assert client.get("/api/events", params={"planned": "planned"}).json() == q.events(store, planned=True)[:50]
    assert client.get("/api/network", params={"type": ["CONSULT", "AGREE"]}).json() == \
        client.get("/api/network", params={"type": "CONSULT,AGREE"}).json() == q.network(store, "CONSULT,AGREE")
    assert client.get("/network", params={"type": "CONSULT,AGREE"}).status_code == 200


def test_an_undated_event_says_its_day_without_a_year_in_json_and_on_the_pages(tmp_path):
    """Issue 13: the API's event carries `date_partial` and `article_period` beside its null date; the
    events page, the actor page and the article page say "30/5 (year unknown; article 2016–2018)"."""
    from .test_store import undated_db
    db = undated_db(tmp_path / "u.db")
    with TestClient(create_app(db)) as c:
        talks = next(e for e in c.get("/api/events", params={"participants": "any"}).json() if e["type"] == "CONSULT")
        assert (talks["date"], talks["date_partial"]) == (None, "--05-30")
        assert talks["article_period"]["start"][:4] == "2016"
        doc = talks["mentions"][0]["doc_id"]
        actor = talks["actors"][0]["actor_id"]
        for url in ("/events?participants=any", f"/actor/{actor}", f"/article/{doc}"):
            en = c.get(url, params={"lang": "en"}).text
            assert ">30/5</time>" in en and "(year unknown; article 2016–2018)" in en, url
        assert "(không rõ năm; bài viết 2016–2018)" in c.get("/events?participants=any", params={"lang": "vi"}).text
