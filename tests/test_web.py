"""The web UI in a real browser: Debian's chromium driven by Playwright over a real uvicorn server.

Each page is loaded, the main paths are clicked through (event → its article with the trigger
highlighted, actor → role timeline → evidence → article), an article's `<script>` must stay text,
nothing may be fetched from outside the server, and a screenshot of each page is written to
test-artifacts/screenshots/ for a person to look at.
"""
from __future__ import annotations

from datetime import date

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT
from .conftest_web import SEED_ERRORS, XSS, LiveServer, build_web_db

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = ROOT / "test-artifacts" / "screenshots"
KHOI = "Nguyễn Minh Khôi"
MADE_UP = "5e0000000000aa01"


def _chromium() -> str:
    """Debian's chromium, installed if missing and we may (Playwright's own download does not work
    here). In CI (CI=true) a browser that cannot be had fails the run instead of skipping it."""
    if Path(CHROMIUM).exists():
        return CHROMIUM
    give_up = pytest.fail if os.environ.get("CI") else pytest.skip
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        give_up(f"{CHROMIUM} is missing and only root can `apt-get install -y chromium`")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]
    done = subprocess.run(install, env=env, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:  # a fresh machine has no package lists yet
        subprocess.run(["apt-get", "update"], env=env, capture_output=True, text=True, timeout=900)
        done = subprocess.run(install, env=env, capture_output=True, text=True, timeout=900)
    if done.returncode != 0 or not Path(CHROMIUM).exists():
        give_up(f"could not install chromium: {done.stderr.strip().splitlines()[-1:] or done.returncode}")
    return CHROMIUM


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with LiveServer(build_web_db(str(tmp_path_factory.mktemp("web")))) as live:
        yield live


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright python package is not installed")
    executable = _chromium()
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=ARGS)
        yield b
        b.close()


class Watch:
    """A page that records console errors, page errors, dialogs and every request it makes."""

    def __init__(self, browser, server, width: int = 1280, height: int = 900):
        self.server = server
        self.context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
        self.page = self.context.new_page()
        self.page.set_default_timeout(10_000)
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def goto(self, path: str):
        response = self.page.goto(self.server.url + path)
        assert response is not None and response.status == 200, (path, response and response.status)
        return self.page

    def shot(self, name: str, full: bool = True) -> None:
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full)

    def check(self) -> None:
        assert not self.errors, self.errors
        assert not self.dialogs, self.dialogs
        outside = [u for u in self.requests if not u.startswith(self.server.url)]
        assert not outside, f"fetched from outside the server: {outside}"

    def close(self) -> None:
        self.context.close()


@pytest.fixture()
def watch(browser, server):
    w = Watch(browser, server)
    yield w
    w.close()


def test_home_search_without_diacritics(watch):
    page = watch.goto("/")
    assert page.locator(".cards .card").count() >= 5
    page.fill("input[name=q]", "nguyen minh khoi")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/?q=*")
    assert page.locator("#results .actors a.actor", has_text=KHOI).count() == 1
    assert page.locator("#results mark").count() > 0
    page.fill("input[name=q]", "khamliang")
    page.press("input[name=q]", "Enter")
    page.wait_for_load_state()
    assert page.locator("#results .snippets li").count() > 0  # the seed articles speak of him
    watch.shot("home")
    watch.check()


CONTRAST = """el => {
    const rgb = c => c.match(/[\\d.]+/g).map(Number);
    const lum = c => { const [r, g, b] = rgb(c).slice(0, 3).map(v => { v /= 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    let bg = el, colour = getComputedStyle(el).backgroundColor;
    while ((colour === "transparent" || rgb(colour)[3] === 0) && bg.parentElement) {
        bg = bg.parentElement; colour = getComputedStyle(bg).backgroundColor; }
    const a = lum(getComputedStyle(el).color), b = lum(colour);
    return {text: getComputedStyle(el).color, background: colour,
            ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)};
}"""


@pytest.mark.parametrize("path", ["/", "/?q=khoi", "/?q=x&lang=en"])
def test_typed_search_text_is_readable(watch, path):
    """The hero is white on dark; the search box inside it once inherited the white (white on white)."""
    page = watch.goto(path)
    box = page.locator("input[name=q]")
    box.fill("Phan Văn Giang")
    seen = box.evaluate(CONTRAST)
    assert seen["ratio"] >= 4.5, seen  # WCAG AA for body text
    watch.check()


def test_event_row_leads_to_its_article_with_the_trigger_highlighted(watch):
    page = watch.goto("/events")
    rows = page.locator("#events-table tbody tr")
    assert rows.count() >= 3
    watch.shot("events")
    row = page.locator("#events-table tbody tr", has=page.locator(".sources a.src")).first
    trigger = row.locator(".trigger-word").first.inner_text().strip("«»")
    row.locator(".sources a.src").first.click()
    page.wait_for_url("**/article/**")
    highlighted = page.locator(".s.s-hl")
    assert highlighted.count() >= 1
    assert trigger in highlighted.first.locator(".hl-trigger").all_inner_texts()
    assert highlighted.first.is_visible()
    watch.check()


def test_events_filters(watch):
    page = watch.goto("/events")
    page.select_option("select[name=type]", "AGREE")
    page.select_option("select[name=planned]", "planned")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/events?*")
    types = page.locator("#events-table tbody .type").all_inner_texts()
    assert types and all(t == types[0] for t in types)
    assert page.locator("#events-table tbody .badge.planned").count() == len(types)
    watch.check()
    page.fill("input[name=since]", "yesterday")
    page.click("form.filters button[type=submit]")
    assert "YYYY" in page.locator(".error").inner_text()
    assert all("400" in e for e in watch.errors)  # the page itself answers 400, nothing else failed


def test_actor_timeline_evidence_and_back_to_the_article(watch):
    page = watch.goto("/?q=khoi")
    page.locator("#results a.actor", has_text=KHOI).first.click()
    page.wait_for_url("**/actor/*")
    assert page.locator("h1").inner_text().strip() == KHOI
    bands = page.locator("#role-chart a.band-link")
    assert bands.count() >= 2
    assert page.locator("#role-chart .lane-post .lane-label", has_text="Phó Thủ tướng").count() == 1
    assert page.locator("#role-chart line.stated").count() >= 1  # the stated start (tháng 1/2025)
    band = page.locator("#role-chart .lane-post", has_text="Phó Thủ tướng").locator("a.band-link").first
    band.hover()
    tip = page.locator(".tip")
    assert tip.is_visible() and "Phó Thủ tướng" in tip.inner_text()
    watch.shot("actor")
    band.click()
    block = page.locator(".ev-block.selected")
    assert block.count() == 1 and "bổ nhiệm" in block.inner_text()
    block.locator("a.src").last.click()
    page.wait_for_url("**/article/**")
    assert "bổ nhiệm" in page.locator(".s.s-hl").first.inner_text()
    assert page.locator(".s.s-hl a.hl-person", has_text=KHOI).count() == 1
    watch.check()


@pytest.mark.needs_shared
def test_seed_actor_timeline(watch):
    """Khamlieng/Khamliang from the seeds: one actor, roles over 2022–2025."""
    page = watch.goto("/?q=khamlieng")
    actor = page.locator("#results a.actor", has_text="Outhakaysone")
    assert actor.count() >= 1, "the seeds' Khamlieng Outhakaysone is not found"
    actor.first.click()
    page.wait_for_url("**/actor/*")
    assert page.locator("#role-chart").count() == 1, "no role chart for Khamlieng"
    assert page.locator("#role-chart a.band-link").count() >= 1
    watch.shot("actor-seed")
    watch.check()


@pytest.mark.needs_shared
def test_seed_who(watch):
    """Who was Laos' defence minister on 2025-01-09, from the seeds."""
    page = watch.goto("/who?title=Bộ trưởng Quốc phòng&country=LAO&on=2025-01-09")
    assert page.locator("#holders .holder").count() >= 1, "no holder of the post in the seeds"
    assert "Outhakaysone" in page.locator("#holders .holder.first").inner_text()
    watch.shot("who-seed")
    watch.check()


def test_article_highlights_and_escapes(watch):
    page = watch.goto(f"/article/{MADE_UP}")
    text = page.locator("#article-text .text")
    assert XSS in text.inner_text()  # shown as text, never run
    assert page.evaluate("document.querySelectorAll('script:not([src]):not([type=\"application/json\"])').length") == 0
    assert page.evaluate("document.querySelectorAll('#article-text img, #article-text script').length") == 0
    for kind in ("person", "location", "country", "time", "trigger"):
        assert text.locator(f".hl-{kind}").count() >= 1, kind
    assert page.locator("#apart .zone-credit", has_text="Ảnh:").count() == 1
    assert "Ảnh:" not in text.inner_text()  # credits are set apart, not in the news text
    assert page.locator("#doc-events .event-item").count() == 2
    assert page.locator("#doc-roles li").count() >= 2
    page.uncheck("#hl-legend input[data-kind=person]")
    assert "hide-person" in page.locator("#article-text").get_attribute("class")
    page.check("#hl-legend input[data-kind=person]")
    page.locator("#doc-events a.sref", has_text="ký kết").click()
    assert page.locator(".s.s-hl .hl-trigger", has_text="ký kết").count() == 1
    watch.shot("article")
    watch.check()


@pytest.mark.needs_shared
def test_seed_article(watch, server):
    page = watch.goto("/")
    seeds = page.locator("ul.articles a", has_text="Lào")
    assert seeds.count() >= 1, f"no seed article in the store (ingest errors: {SEED_ERRORS[:1]})"
    seeds.first.click()
    page.wait_for_url("**/article/**")
    assert page.locator("#article-text .text p").count() >= 3
    watch.shot("article-seed")
    watch.check()


@pytest.mark.needs_shared
def test_network(watch):
    page = watch.goto("/network?since=2023")
    nodes = page.locator("svg#network g.node")
    assert nodes.count() >= 6
    box = page.locator("svg#network").bounding_box()
    assert box and box["width"] > 600
    inside = page.evaluate("""() => [...document.querySelectorAll('svg#network circle')].every(c => {
        const x = +c.getAttribute('cx'), y = +c.getAttribute('cy');
        return x >= 0 && x <= 1000 && y >= 0 && y <= 640; })""")
    assert inside
    watch.shot("network")
    node = page.locator("svg#network g.node", has_text=KHOI)
    node.hover()
    assert "focus" in page.locator("svg#network").get_attribute("class")
    assert page.locator("svg#network .edge.lit").count() >= 2
    page.mouse.move(5, 5)
    node.locator("circle").click()
    page.wait_for_url("**/actor/*")
    assert page.locator("h1").inner_text().strip() == KHOI
    watch.check()


def test_who_held_the_post(watch):
    page = watch.goto("/who")
    page.fill("input[name=title]", "Phó Thủ tướng")
    page.fill("input[name=country]", "VNM")
    page.fill("input[name=on]", "2025-03-01")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/who?*")
    assert page.locator("#holders .holder.first a").first.inner_text() == KHOI
    assert page.locator("#post-chart a.band-link").count() >= 1
    assert page.locator("#post-chart line.on").count() >= 1
    watch.shot("who")
    watch.check()


def test_who_answers_per_country_and_for_today(watch):
    """Without a country, one ranking per country under its name, the likeliest of each marked,
    each holder saying what its place rests on; without a date, today (as /api/who answers)."""
    page = watch.goto("/who?title=Phó Thủ tướng&on=2025-03-01")
    groups = page.locator("#holders h3.country-group")
    assert groups.count() >= 2
    assert page.locator("#holders .holder.first").count() == groups.count()
    order = page.evaluate("() => [...document.querySelectorAll('#holders .holder')].map(h => h.dataset.country)")
    assert order == sorted(order, key=order.index)   # each country's holders together
    assert page.locator("#holders .basis").count() == len(order)
    assert page.locator("#holders .holder.first .holder-name a").first.inner_text() == KHOI
    watch.shot("who-countries")
    page = watch.goto("/who?title=Phó Thủ tướng&country=VNM")
    assert date.today().isoformat() in page.locator("#holders h2").inner_text()
    assert page.locator("#holders h3.country-group").count() == 0
    watch.check()


def test_docs_page_and_english(watch):
    page = watch.goto("/docs")
    assert page.locator("section.endpoint").count() >= 9
    form = page.locator("section.endpoint", has_text="/api/article/{doc_id}").locator("form")
    form.locator("input[name=doc_id]").fill(MADE_UP)
    form.locator("button").click()
    page.wait_for_url(f"**/api/article/{MADE_UP}")
    assert MADE_UP in page.content()
    page = watch.goto("/docs")
    watch.shot("docs")
    page.locator(".lang a", has_text="EN").click()
    page.wait_for_url("**lang=en")
    assert page.locator("nav a", has_text="Events").count() == 1
    watch.goto("/events")
    assert page.locator("h1").inner_text() == "Events"  # remembered
    watch.shot("events-en", full=False)
    watch.goto("/?lang=vi")
    watch.check()


@pytest.mark.parametrize("path,name", [("/", "phone-home"), ("/actor?name=" + KHOI, "phone-actor"),
                                       (f"/article/{MADE_UP}", "phone-article"), ("/events", "phone-events"),
                                       ("/network?since=2022", "phone-network"),
                                       ("/who?title=Phó Thủ tướng&on=2025-03-01", "phone-who")])
def test_phone_width(browser, server, path, name):
    w = Watch(browser, server, width=390, height=844)
    try:
        page = w.goto(path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{path} is {overflow}px wider than a phone"
        w.shot(name, full=False)
        w.check()
    finally:
        w.close()


OVERLAPS = """() => {
    const box = r => ({l: r.left, r: r.right, t: r.top, b: r.bottom});
    const cut = (a, b) => ({l: Math.max(a.l, b.l), r: Math.min(a.r, b.r), t: Math.max(a.t, b.t), b: Math.min(a.b, b.b)});
    const hit = (a, b) => a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5;
    const found = [];
    document.querySelectorAll('.chart .lane-svg').forEach((lane, i) => {
        const seen = [];
        const lr = box(lane.getBoundingClientRect());
        lane.querySelectorAll('text:not(.tick)').forEach(t => {
            const room = t.parentElement, clipped = room.matches('svg.band-label');
            const left = clipped ? lr.l + room.x.baseVal.value : -1e9;  // the label's clip
            const v = cut(box(t.getBoundingClientRect()),
                          {l: left, r: clipped ? left + room.width.baseVal.value : 1e9, t: lr.t, b: lr.b});
            if (v.r - v.l > 1) { seen.push([t.textContent, v]); }
        });
        lane.querySelectorAll('text.tick').forEach(t => {
            if (getComputedStyle(t).display !== 'none') { seen.push([t.textContent, box(t.getBoundingClientRect())]); }
        });
        seen.forEach(([name, v], j) => {
            if (v.l < lr.l - 1 || v.r > lr.r + 1) { found.push(['outside', i, name]); }
            seen.slice(j + 1).forEach(([other, w]) => { if (hit(v, w)) { found.push([i, name, other]); } });
        });
    });
    return found;
}"""


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", [pytest.param("/who?title=Bộ trưởng Quốc phòng&country=LAO&on=2025-01-09",
                                               marks=pytest.mark.needs_shared),
                                  "/who?title=Phó Thủ tướng&on=2025-03-01", "/actor?name=Lê Quang Hào",
                                  "/actor?name=" + KHOI])
def test_chart_labels_never_overlap(browser, server, path, width):
    """Band labels end where the next band of their lane starts; tick labels keep apart (every
    other one hides on a phone); nothing spills out of its lane."""
    w = Watch(browser, server, width=width, height=900)
    try:
        page = w.goto(path)
        assert page.locator(".chart .lane-svg").count() >= 2
        assert page.evaluate(OVERLAPS) == []
        w.check()
    finally:
        w.close()


def test_actor_page_uses_the_width(watch):
    """One evidence card once took a third of the row and left the rest empty."""
    page = watch.goto("/actor?name=Somsak Vongphachanh")
    cards = page.locator("#timeline .ev-block")
    row = page.locator("#timeline .ev-list").bounding_box()
    assert cards.count() == 1 and cards.first.bounding_box()["width"] >= 0.95 * row["width"]
    table = page.locator("#actor-events table").bounding_box()
    panel = page.locator("#actor-events").bounding_box()
    assert table["width"] >= 0.9 * panel["width"]
    watch.check()


@pytest.fixture()
def phone(browser, server):
    w = Watch(browser, server, width=390, height=844)
    yield w
    w.close()


def test_phone_shows_every_navigation_item(phone):
    """The navigation once ran off a phone's edge ("Who he…") with nothing saying it scrolled."""
    page = phone.goto("/who")
    links = page.locator("header.top nav a")
    assert links.count() == 6   # search, events, map, network, who, API
    for i in range(links.count()):
        box = links.nth(i).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, links.nth(i).inner_text()
    assert page.evaluate("(n => n.scrollWidth <= n.clientWidth)(document.querySelector('header.top nav'))")
    phone.check()


@pytest.mark.needs_shared
def test_events_come_in_pages(phone):
    """All events on one page made it 11,000 px tall on a phone: 20 a page, then Next."""
    page = phone.goto("/events?min_confidence=0")      # every event: more than a page under the default threshold too
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == 20
    assert page.evaluate("document.documentElement.scrollHeight") < 20 * 844 / 2
    first = set(rows.evaluate_all("rs => rs.map(r => r.id)"))
    page.locator(".pager a[rel=next]").click()
    page.wait_for_url("**offset=20*")
    later = set(page.locator("#events-table tbody tr").evaluate_all("rs => rs.map(r => r.id)"))
    assert later and not later & first
    page.locator(".pager a[rel=prev]").click()
    page.wait_for_url("**/events?min_confidence=0")
    assert page.locator("#events-table tbody tr").count() == 20
    phone.check()


@pytest.mark.needs_shared
def test_network_labels_are_readable_on_a_phone(phone):
    page = phone.goto("/network?since=2022")
    labels = page.evaluate("""() => [...document.querySelectorAll('svg#network text')].map(t => {
        const r = t.getBoundingClientRect(); return [t.textContent, r.left, r.right, r.top, r.bottom]; })""")
    assert len(labels) >= 6
    svg = page.locator("svg#network").bounding_box()
    for name, left, right, top, bottom in labels:
        assert bottom - top >= 11, (name, bottom - top)  # 12 px text: readable, not 4 px
        assert left >= svg["x"] - 1 and right <= svg["x"] + svg["width"] + 1, name
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            assert a[2] <= b[1] or b[2] <= a[1] or a[4] <= b[3] or b[4] <= a[3], (a[0], b[0])
    phone.check()


LOOK = [("home", "/", "nguyen minh khoi"), ("actor", "/actor?name=" + KHOI, None),
        ("who", "/who?title=Phó Thủ tướng&country=VNM&on=2025-03-01", None), ("events", "/events", None),
        ("network", "/network?since=2022", None)]


@pytest.mark.parametrize("width,height,device", [(1280, 900, "desktop"), (390, 844, "phone")])
@pytest.mark.parametrize("name,path,typed", LOOK, ids=[x[0] for x in LOOK])
def test_screenshots_to_look_at(browser, server, name, path, typed, width, height, device):
    """test-artifacts/screenshots/look-PAGE-DEVICE.png for a person to check, the home page with a
    query typed in; each page fits the width and loads without an error."""
    w = Watch(browser, server, width=width, height=height)
    try:
        page = w.goto(path)
        if typed:
            page.fill("input[name=q]", typed)
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 1
        w.shot(f"look-{name}-{device}", full=device == "desktop" or name != "events")
        w.check()
    finally:
        w.close()


@pytest.mark.parametrize("span", [0.5, 3, 40, 200, 825, 2000])
def test_axis_ticks_any_span(span):
    """An article dated 1200 by its metadata once made the actor and who pages answer 500."""
    from biennien.web.charts import Axis
    ticks = Axis(2025 - span, 2025).ticks()
    assert 1 <= len(ticks) <= 14
    assert all(0 <= t["x"] <= 100 for t in ticks)
