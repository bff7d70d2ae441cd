"""Vietnamese time expressions: the table of tests/data/time_expressions.tsv, every resource row,
offsets on the seed articles, junk input, and the API the events stage uses."""
from __future__ import annotations

import csv
import random
from datetime import date
from pathlib import Path

import pytest

from biennien import pipeline, resources
from biennien.lexicon.dates import offsets, zones
from biennien.records import Analysis, Article, Sentence, TimeExpr
from biennien.stages import times

HERE = Path(__file__).parent
SEEDS = HERE.parent.parent / "shared" / "corpus" / "seeds"
ANCHOR = "2024-10-10"


def _rows() -> list[dict]:
    lines = [line for line in (HERE / "data" / "time_expressions.tsv").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _precision(anchor: str | None) -> str | None:
    return {10: "day", 7: "month", 4: "year"}.get(len(anchor or ""))


def _find(text: str, anchor: str | None = ANCHOR) -> list[TimeExpr]:
    article = Article(doc_id="d", source="test", title=None, text=text, published=anchor,
                      published_precision=_precision(anchor))
    return times.find(article, [Sentence("d", 0, 0, len(text), text)])


def _none(cell: str) -> str | None:
    return None if cell == "-" else cell


ROWS = _rows()


def test_table_is_big_enough():
    positive = [r for r in ROWS if r["surface"]]
    assert len(positive) >= 100 and len(ROWS) - len(positive) >= 20


@pytest.mark.parametrize("row", ROWS, ids=[r["context"] or r["surface"] for r in ROWS])
def test_table(row):
    anchor = _none(row["anchor"])
    found = _find(row["context"] or row["surface"], anchor)
    if not row["surface"]:
        assert found == [], [t.surface for t in found]
        return
    assert [t.surface for t in found] == [row["surface"]]
    t = found[0]
    if row["prefer"]:
        t = times.resolve(t, anchor, _precision(anchor), row["prefer"])
    got = (t.value, t.precision, t.kind, t.value_end)
    assert got == tuple(_none(row[k]) for k in ("value", "precision", "kind", "value_end"))
    if row["tense"]:
        assert t.tense == _none(row["tense"])


WORDS = resources.load("date_words")


@pytest.mark.parametrize("row", WORDS, ids=[f"{r['kind']}:{r['word']}" for r in WORDS])
def test_every_date_word_row(row):
    """Each row's example does what the row says (a row is data, and data gets a test)."""
    found = _find(row["example"])
    word = " ".join(row["word"].split()).lower()
    if row["kind"] in ("offset", "offset_link", "vague"):   # an act some time before or after another
        text = row["example"]
        got = [(text[a:b].lower(), n) for a, b, n, _, _ in offsets(text)]
        if row["kind"] == "vague":
            assert got == [], got
        else:
            assert any(word in phrase.split() and (row["kind"] != "offset" or n * int(row["value"]) > 0)
                       for phrase, n in got), got
        return
    if row["kind"] in ("quantity", "not_after"):       # they turn a date-looking phrase into nothing
        assert found == [], [t.surface for t in found]
        return
    assert found, row["example"]
    if row["kind"] == "zone":                          # a clock after a time, outside its text
        zone = zones()["home" if row["value"] == "home" else "local"]
        t = found[-1]
        assert (zone.match(row["example"], t.end) if row["value"] == "home" else zone.search(row["example"], t.end))
        return
    if row["kind"] in ("prep", "hint_follow"):          # outside the expression's text
        assert found[0].value is not None
        return
    if row["kind"] == "year_shared":                    # between two dates: the first takes the second's year
        assert len(found) >= 2 and found[0].value[:4] == found[1].value[:4] != ANCHOR[:4], \
            [(t.surface, t.value) for t in found]
        return
    assert any(word in " ".join(t.surface.split()).lower() for t in found), [t.surface for t in found]
    t = next(t for t in found if word in " ".join(t.surface.split()).lower())
    value = row["value"]
    if row["kind"] == "weekday":
        assert date.fromisoformat(t.value).weekday() == int(value)
    elif row["kind"] == "month_name":
        assert int(t.value[5:7]) == int(value)
    elif row["kind"] == "quarter_num":
        assert t.precision == "quarter" and int(t.value[5:7]) == int(value) * 3 - 2
    elif row["kind"] in ("stem", "branch"):         # the year of the name nearest to 2024
        assert (int(t.value[:4]) - 4) % (10 if row["kind"] == "stem" else 12) == int(value)
        assert abs(int(t.value[:4]) - 2024) <= 30 and len(t.value) == 10
    elif row["kind"] == "part" and value:
        lo, hi = map(int, value.split("-"))
        assert int(t.value[-2:]) == lo and int(t.value_end[-2:]) == min(hi, 30)
    elif row["kind"] in ("day_rel", "day_rel_short"):
        assert (date.fromisoformat(t.value) - date.fromisoformat(ANCHOR)).days == int(value)
    elif row["kind"] == "day_same":                 # counted from the day named before it
        before = [x for x in found if x.end <= t.start and x.precision == "day"]
        assert before and (date.fromisoformat(t.value) - date.fromisoformat(before[-1].value)).days == int(value)
    else:
        assert t.value is not None


HOLIDAYS = resources.load("date_holidays")


@pytest.mark.parametrize("row", HOLIDAYS, ids=[f"{r['name']}:{r['date']}" for r in HOLIDAYS])
def test_every_holiday_row(row):
    found = [t for t in _find(row["example"], "2024-06-15") if row["name"] in t.surface]
    assert found, row["example"]
    date_ = row["date"]
    if row["same_as"]:
        assert found[0].value is not None
    elif not date_:
        assert found[0].value is None            # named, no date known here: found, no value
    elif len(date_) == 10:
        assert found[0].value == date_
    else:
        assert found[0].value[5:] == date_


def test_lunar_dates_are_right_for_known_years():
    """A few dates checked against published calendars (Tết 2024 fell on Saturday 10 February)."""
    assert times.evaluate("Tết Nguyên đán 2024", None)[:4] == ("2024-02-10", "day", "point", None)
    assert date(2025, 1, 29).weekday() == 2   # Tết Ất Tỵ: Wednesday 29 January 2025
    assert times.evaluate("Tết Ất Tỵ", "2024-12-01")[0] == "2025-01-29"
    assert times.evaluate("Tết Ất Tỵ", None)[0] is None        # a cycle name alone: which cycle?
    assert times.evaluate("dịp Tết", None)[:4] == (None, None, "point", None)   # no anchor, no year
    assert times.evaluate("Tết Mậu Thân 1968", None)[:4] == ("1968", "year", "point", None)   # no row: its year
    assert times.evaluate("Tết Mậu Thân", "1970-03-01")[0] == "1968"


def _seed_analyses() -> list[Analysis]:
    """The seeds through the stages this one requires, in the pipeline's declared order (the
    others, and the stages after this one, are not ours to test)."""
    from biennien.io.read import read
    needed, stages = set(), []
    for name, run, requires, provides in reversed(pipeline.STAGES[:[s[0] for s in pipeline.STAGES].index("times") + 1]):
        if name == "times" or provides & needed:
            stages.insert(0, run)
            needed |= requires
    out = []
    for source in read([str(SEEDS)]):
        a = Analysis(article=None)  # type: ignore[arg-type]
        for run in stages:
            run(a, source)
        out.append(a)
    return out


@pytest.mark.needs_shared
def test_offsets_on_seed_articles():
    analyses = _seed_analyses()
    assert len(analyses) == 5
    total = 0
    for a in analyses:
        for t in a.times:
            assert a.article.text[t.start:t.end] == t.surface
            s = a.sentences[t.sentence]
            assert s.start <= t.start < t.end <= s.end
            total += 1
    assert total >= 20


@pytest.mark.needs_shared
def test_seed_article_dates():
    """What the events stage needs from the seeds: the lead's date and the planned ones."""
    by_source = {Path(a.article.source).name[:3]: a for a in _seed_analyses()}
    got = {(t.surface, t.value) for t in by_source["001"].times}
    assert {("sáng 10/10", "2024-10-10"), ("sáng 9/10", "2024-10-09"), ("ngày 21/10", "2024-10-21"),
            ("tháng 11", "2024-11"), ("quý I-2025", "2025-01")} <= got
    assert ("Chiều nay (9/1)", "2025-01-09") in {(t.surface, t.value) for t in by_source["000"].times}


JUNK = ["", " ", "\n\n", "\x00\x01\ufeff", "9/", "/9", "ngày", "ngày /", "từ ngày", "từ ngày 22 đến",
        "31/2", "ngày 31/2", "30/2/2024", "ngày 29/2", "quý V", "năm 0000", "năm 9999", "tháng 13",
        "99/99/9999", "(((((", "thứ Hai" * 200, "1/" * 500, "ngày 1/1 " * 300, "İstanbul ngày 2/9",
        "ǅ 2/9 ﬃ ngày", "Đ" * 1000, "tuần tới " * 50, "🙂 ngày 9/10 🙂", "từ 2030 đến 2020",
        "giai đoạn 2029 - 2025", "từ ngày 23 đến 22/10", "hôm\u00a0qua", "sáng\t9/10"]


@pytest.mark.parametrize("anchor", [None, "2024-10-10", "2024-10", "2024", "garbage", "0001-01-01", "9999-12-31"])
def test_junk_never_raises(anchor):
    rng = random.Random(7)
    alphabet = "0123456789/-().,: ngàythứáuầnquýIVsngchiềutốiquamaiTếtđến"
    texts = JUNK + ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 120))) for _ in range(300)]
    for text in texts:
        for t in _find(text, anchor):
            assert text[t.start:t.end] == t.surface
    article = Article(doc_id="d", source="x", title=None, text="ngày 9/10", published=anchor)
    assert isinstance(times.find(article, [Sentence("d", 0, -5, 10_000, "")]), list)   # offsets out of range
    assert times.find(Article(doc_id="d", source="x", title=None, text=None), []) == []   # type: ignore[arg-type]


def test_long_junk_is_read():
    """One 200,000-digit "number" once took 40 s (a token match ran to its end at every core); how
    long these take is measured in bench/pathological.py, never asserted here."""
    for text in ("2024" * 50_000, "ngày 9/10 " * 20_000, "(" * 100_000 + "9/10"):
        assert all(text[t.start:t.end] == t.surface for t in _find(text))


def test_api_for_the_events_stage():
    text = "Sáng 9/10, hai bên hội đàm. Hai bên sẽ tổ chức diễn tập vào tháng 2 và tuần tới."
    article = Article(doc_id="d", source="x", title=None, text=text, published=ANCHOR, published_precision="day")
    cut = text.index("Hai")
    sentences = [Sentence("d", 0, 0, cut - 1, text[:cut - 1]), Sentence("d", 1, cut, len(text), text[cut:])]
    found = times.find(article, sentences)
    grouped = {i: [t for t in found if t.sentence == i] for i in (0, 1)}
    assert [t.surface for t in grouped[0]] == ["Sáng 9/10"]
    assert [t.surface for t in grouped[1]] == ["tháng 2", "tuần tới"]
    month = grouped[1][0]
    assert (month.value, month.tense) == ("2025-02", "future")                 # nearest
    past = times.resolve(month, ANCHOR, "day", "past")
    assert (past.value, past.tense, past.surface, past.start) == ("2024-02", "past", "tháng 2", month.start)
    assert times.resolve(month, ANCHOR, "day", "future").value == "2025-02"
    assert times.evaluate("sáng 9/10", ANCHOR, "day")[:4] == ("2024-10-09", "day", "point", None)
    assert times.evaluate("vào tháng 11", ANCHOR, "day", "future")[:4] == ("2024-11", "month", "point", None)
    assert times.evaluate("quý I-2025", None)[:4] == ("2025-01", "quarter", "range", "2025-03")
    assert times.evaluate("hôm qua", ANCHOR)[4] == "past"
    assert times.evaluate("không phải ngày", ANCHOR)[:4] == (None, None, "point", None)


def test_same_day_needs_a_day_named_before_it():
    """"Chiều cùng ngày" with no day before it is no date: it never falls back to the publication."""
    assert _find("Chiều cùng ngày, hai bên hội đàm.") == []
    found = _find("Hôm qua, ông đến Hà Nội. Chiều cùng ngày, ông hội đàm.")
    assert [t.value for t in found] == ["2024-10-09", "2024-10-09"]
    assert [t.surface for t in _find("Tháng 5/2019 ông đến. Hôm sau ông về.")] == ["Tháng 5/2019"]
    for same in ("CHIỀU CÙNG NGÀY", "Chiều Cùng Ngày"):   # in capitals, in title case
        found = _find(f"Ngày 10/10, ông đến Hà Nội. {same}, ông hội đàm.")
        assert [(t.surface, t.value) for t in found] == [("Ngày 10/10", "2024-10-10"), (same, "2024-10-10")]


def test_the_day_after_a_told_day_is_told_not_planned():
    found = _find("Ngày 10/10, nạn nhân mất tích. Hắn bị bắt vào sáng sớm hôm sau.")
    assert [(t.value, t.tense) for t in found] == [("2024-10-10", None), ("2024-10-11", "past")]
    found = _find("Ngày 12/10 tới, hai bên hội đàm. Hôm sau, hai bên ký kết.")
    assert found[-1].value == "2024-10-13" and found[-1].tense == "future"


def test_without_an_anchor_a_day_or_month_keeps_what_it_says_without_a_year():
    """Issue 13: "30-5" in an article nothing dates is 30 May of no known year, ISO 8601's reduced
    form "--05-30"; a month "--11". Never a year made up, and nothing for what needs the anchor."""
    assert times.partial("sáng 30-5") == "--05-30" and times.partial("ngày 10/10") == "--10-10"
    assert times.partial("tháng 11") == "--11" and times.partial("29/2") == "--02-29"
    assert times.partial("từ ngày 22 đến 23/10") == "--10-22"   # a range: its first day, as a dated text reads it
    assert times.partial("Quốc khánh 2/9") == "--09-02"         # a fixed holiday: its day
    for needs_a_year in ("Tết Nguyên đán", "thứ Hai", "quý I", "hôm qua", "tháng trước", "tháng 12 năm ngoái", "31/6"):
        assert times.partial(needs_a_year) is None, needs_a_year
    assert times.partial("năm 2016") is None                    # a year alone is a value, not a partial one
    found = _find("Sáng 30-5, hai bên hội đàm. Tháng 11, hai bên ký kết. Năm 2016, hai bên gặp lại.", anchor=None)
    assert [(t.value, t.partial) for t in found] == [(None, "--05-30"), (None, "--11"), ("2016", None)]
    # with an anchor the value is what counts: no partial one beside it
    assert [t.partial for t in _find("Sáng 30-5, hai bên hội đàm.")] == [None]
