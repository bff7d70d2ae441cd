"""The map page in the real browser (Debian's chromium over a real uvicorn server, as test_web.py):
countries drawn from the vendored world atlas, a circle per located place, a click lists its
events with links to their articles, the zoom to Vietnam and its neighbours, the filters, and
nothing fetched from outside the server. Screenshots: test-artifacts/screenshots/map-*.png."""
from __future__ import annotations

import json

import pytest
from .test_web import SHOTS, Watch, browser, server  # noqa: F401 - the browser and server fixtures


@pytest.fixture()
def watch(browser, server):  # noqa: F811
    w = Watch(browser, server)
    yield w
    w.close()


def _points(page) -> list[dict]:
    return json.loads(page.locator("#map-data").text_content())["points"]


def test_map_draws_countries_and_located_events_and_clicks_through(watch):
    page = watch.goto("/map")
    page.wait_for_selector("#map[data-drawn]")
    assert page.locator("#map path.country").count() > 200        # Natural Earth 1:50m countries
    points = _points(page)
    assert points and page.locator("#map circle.point").count() == int(page.locator("#map").get_attribute("data-drawn"))
    hanoi = next(p for p in points if p["place"] == "Hà Nội")
    box = page.locator("#map").bounding_box()
    dot = page.locator(f'#map circle.point[data-place="Hà Nội"]')
    x, y = float(dot.get_attribute("cx")), float(dot.get_attribute("cy"))
    # Hà Nội (105.8 E, 21.0 N) on a Natural Earth world map of 960 x 520 lies right of the middle, above it
    assert 960 * 0.7 < x < 960 * 0.85 and 520 * 0.25 < y < 520 * 0.45, (x, y, box)
    watch.shot("map-world")
    dot.focus()                       # on the world map Hà Nội's circle lies under its neighbours':
    page.keyboard.press("Enter")      # the keyboard reaches every point
    items = page.locator("#map-list li[data-event]")
    assert items.count() == len(hanoi["events"])
    link = page.locator("#map-list a.src").first
    href = link.get_attribute("href")
    assert href.startswith("/article/")
    link.click()
    page.wait_for_url("**/article/**")
    assert page.locator("h1").count() == 1
    watch.check()


def test_map_zooms_to_vietnam_and_its_neighbours(watch):
    page = watch.goto("/map")
    page.wait_for_selector("#map[data-drawn]")
    world = page.locator('#map circle.point[data-place="Hà Nội"]')
    far = float(world.get_attribute("cx"))
    page.click('.map-views a[data-view="region"]')
    page.wait_for_function("document.getElementById('map').dataset.view === 'region'")
    zoomed = page.locator('#map circle.point[data-place="Hà Nội"]')
    x, y = float(zoomed.get_attribute("cx")), float(zoomed.get_attribute("cy"))
    # in the box 96-118 E, 4-27 N, Hà Nội is in the upper middle, far from where the world map put it
    assert 960 * 0.3 < x < 960 * 0.6 and y < 520 * 0.4 and abs(x - far) > 100
    assert "view=region" in page.url
    watch.shot("map-region")
    watch.check()


def test_map_filters_by_type_date_and_actor(watch):
    page = watch.goto("/map")
    everything = sum(len(p["events"]) for p in _points(page))
    page.select_option("select[name=type]", "CONSULT")
    page.fill("input[name=since]", "2025")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/map?*")
    page.wait_for_selector("#map[data-drawn]")
    points = _points(page)
    events = [e for p in points for e in p["events"]]
    assert events and len(events) < everything
    assert all(e["type"] == "CONSULT" and e["date"] >= "2025" for e in events)
    page.goto(watch.server.url + "/map?actor=Nguy%E1%BB%85n%20Minh%20Kh%C3%B4i")
    page.wait_for_selector("#map[data-drawn]")
    mine = [e for p in _points(page) for e in p["events"]]
    assert mine and all("Nguyễn Minh Khôi" in e["who"] for e in mine)
    watch.check()


def test_map_answers_a_bad_date_with_400_and_no_points(watch):
    response = watch.page.goto(watch.server.url + "/map?since=yesterday")
    assert response.status == 400 and "YYYY" in watch.page.locator(".error").inner_text()
    assert _points(watch.page) == []
