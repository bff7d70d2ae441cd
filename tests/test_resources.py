"""Every resource file loads, says what a row means, and every row of ours is checked."""
from __future__ import annotations

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
    elif row["kind"] in ("present", "present_after"):
        year = int(re.search(r"(?:19|20)\d\d", ex).group())
        assert dateline.present_years([ex]) == [year], ex
    else:
        pytest.fail(f"unknown kind {row['kind']}")


@pytest.mark.parametrize("row", resources.load("title_links"), ids=lambda r: r["word"])
def test_title_link_joins_two_titles_of_one_person(row):
    from biennien.pipeline import analyse
    from biennien.records import Source
    text = f"Sáng 10/10, {row['example']}, đã tiếp đoàn đại biểu."
    persons = [m for m in analyse(Source("x.txt", text)).mentions if m.kind == "person"]
    if row["kind"] == "posted":   # the envoy keeps the title and the country that sent them
        assert [(m.titles, m.country) for m in persons] == [(["Đại sứ tại Anh"], "RUS")], [(m.name, m.titles) for m in persons]
        return
    assert persons and len(persons[0].titles) >= 2, [(m.name, m.titles) for m in persons]
    if row["kind"] == "of":   # the post names whom it serves; that holder keeps their own title
        assert f" {row['word']} " in persons[0].titles[-1] and len(persons) == 2 and persons[1].titles, persons
