"""`who` answers only what the evidence supports (issue 14, item 4), on a store the pipeline builds
from made-up sentences: a holder inside the terms of public record, never outside them; a holder
seen only as a former one after those seen holding the post; evidence with no date said to be so;
one ranking per country; today when no date is asked."""
from __future__ import annotations

import json
from datetime import date

import pytest

from biennien import query
from biennien.run import ingest
from biennien.store import Store

NEWS = [   # made up: (name, publication date or None for an article of unknown date, text)
    ("former", None, "Nguyên Bộ trưởng Bộ Quốc phòng Trần Văn Cũ dự lễ kỷ niệm tại Hà Nội."),
    ("current", None, "Bộ trưởng Bộ Quốc phòng Đỗ Văn Mới tiếp Đại sứ Lào tại Hà Nội."),
    ("undated", None, "Bộ trưởng Bộ Ngoại giao Lê Văn Tám tiếp Đại sứ Nhật Bản tại Hà Nội."),
    ("chinh", None, "Thủ tướng Phạm Minh Chính tiếp Đại sứ Lào tại Hà Nội."),
    ("hung", "2026-06-10", "Chiều 10/6, tại Hà Nội, Thủ tướng Lê Minh Hưng tiếp Đại sứ Nhật Bản."),
    ("obama", "2017-10-16", "Năm 2015, Tổng thống Mỹ Barack Obama đã thăm Việt Nam. Chiều 16/10, Tổng thống Mỹ "
                            "Donald Trump phát biểu tại Nhà Trắng."),
    ("macron", "2018-06-01", "Chiều 1/6, Tổng thống Pháp Emmanuel Macron hội đàm với Thủ tướng Lào Thongloun "
                             "Sisoulith tại Paris."),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("who")
    feed = folder / "news.jsonl"
    feed.write_text("".join(json.dumps({"url": f"made-up/{name}", "title": "Tin", "text": text,
                                        **({"date": day} if day else {})}, ensure_ascii=False) + "\n"
                            for name, day, text in NEWS), encoding="utf-8")
    with Store(folder / "kb.db") as s:
        ingest([str(feed)], s)
        yield s


def _holders(answer: dict) -> list[tuple]:
    return [(h["name"], h["basis"]) for h in answer["holders"]]


def test_a_term_of_public_record_outranks_dated_evidence_and_bounds_it(store):
    """The prime minister seen only in an article of unknown date is the answer inside his term of
    record, though his successor is seen on a date nearer; the successor is no answer before his
    own term, nor the predecessor after his."""
    before = query.who(store, "Thủ tướng", "VNM", "2025-09-30")
    assert _holders(before) == [("Phạm Minh Chính", "record")]
    assert (before["holders"][0]["since"], before["holders"][0]["until"]) == ("2021-04-05", "2026-04-07")
    after = query.who(store, "Thủ tướng", "VNM", "2026-06-10")
    assert _holders(after) == [("Lê Minh Hưng", "record")] and after["holders"][0]["until"] is None


def test_a_holder_told_of_in_the_past_is_no_holder_after_his_term(store):
    assert _holders(query.who(store, "Tổng thống", "USA", "2017-10-16")) == [("Donald Trump", "record")]
    assert _holders(query.who(store, "Tổng thống", "USA", "2015-06-01")) == [("Barack Obama", "record")]


def test_a_former_holder_never_ranks_above_one_seen_holding_the_post(store):
    answer = query.who(store, "Bộ trưởng Bộ Quốc phòng", "VNM", "2020-01-01")
    ids = {h["name"]: h["actor_id"] for h in answer["holders"]}
    assert ids["Trần Văn Cũ"] < ids["Đỗ Văn Mới"]   # the order a tie would give
    assert _holders(answer) == [("Đỗ Văn Mới", "undated"), ("Trần Văn Cũ", "former")]


def test_evidence_with_no_date_says_so(store):
    """A holder seen only in an article of unknown date is listed, last, as such: no since, no
    date of evidence made up."""
    answer = query.who(store, "Bộ trưởng Bộ Ngoại giao", "VNM", "2020-01-01")
    assert _holders(answer) == [("Lê Văn Tám", "undated")]
    assert answer["holders"][0]["since"] is None and answer["holders"][0]["evidence"][0]["date"] is None


def test_without_a_country_one_ranking_per_country_and_today_by_default(store):
    answer = query.who(store, "Tổng thống", None, "2018-06-01")
    assert answer["countries"] == ["USA", "FRA"] or answer["countries"] == ["FRA", "USA"]
    countries = [h["country"] for h in answer["holders"]]
    assert countries == sorted(countries, key=answer["countries"].index)   # grouped, in the order of `countries`
    assert {h["name"] for h in answer["holders"]} == {"Donald Trump", "Emmanuel Macron"}
    assert query.who(store, "Tổng thống", "USA")["on"] == date.today().isoformat()
