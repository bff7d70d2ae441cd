"""Anniversaries of relations between two states bound an undated article (stages/relations.py), in
made-up sentences; every row of resources/vi/relations.tsv does what it says in its example."""
from __future__ import annotations

import re
from datetime import date

import pytest

from biennien import resources
from biennien.pipeline import analyse
from biennien.records import Source
from biennien.stages import bounds, relations


def _years(*sentences: str) -> list[tuple[date, date]]:
    return [spans[0] for kind, spans in relations.evidence([bounds.spelled(s) for s in sentences])]


def _year(y: int) -> tuple[date, date]:
    return date(y, 1, 1), date(y, 12, 31)


@pytest.mark.parametrize("row", [r for r in resources.load("relations") if r["kind"] == "pair"],
                         ids=lambda r: f"{r['a']}-{r['b']}-{r['bond']}")
def test_a_pair_dates_its_anniversary_to_its_year(row):
    count = int(re.search(r"\d+", row["example"]).group())
    assert _years(row["example"]) == [_year(date.fromisoformat(row["established"]).year + count)]


@pytest.mark.parametrize("row", [r for r in resources.load("relations") if r["kind"] in ("bond", "now")],
                         ids=lambda r: f"{r['kind']}:{r['pattern']}")
def test_a_bond_or_a_word_of_this_year_dates_its_example(row):
    assert len(_years(row["example"])) == 1
    if row["kind"] == "now":   # without it, the future word leaves the anniversary ahead: no year
        assert _years(row["example"].replace(row["pattern"] + " ", "")) == []


def test_a_state_named_alone_is_paired_with_the_home_state():
    assert _years("Toàn quyền Úc thăm TP. HCM nhân dịp kỷ niệm 45 năm thiết lập quan hệ ngoại giao hai nước.") == [_year(2018)]
    # none in the sentence: the one foreign state the article names
    assert _years("Ông Pramudwinai thăm Thái Lan.", "Hai nước đang kỷ niệm 40 năm quan hệ ngoại giao.") == [_year(2016)]
    # two foreign states named: their own relations, not Viet Nam's
    assert _years("Singapore đặt tên lan theo Tổng thống Mỹ nhân kỷ niệm 50 năm quan hệ ngoại giao hai nước.") == [_year(2016)]


def test_no_year_when_the_states_are_not_known():
    assert _years("Hai nước đang kỷ niệm 45 năm quan hệ ngoại giao.") == []
    assert _years("Pháp và Nhật Bản thăm Hà Nội.", "Hai nước kỷ niệm 45 năm quan hệ ngoại giao.") == []
    # a given name is no state: "Hằng Nga", nor "Anh" opening the sentence
    assert _years("Bà Hằng Nga nói hai nước kỷ niệm 45 năm quan hệ ngoại giao.") == []


def test_history_and_the_future_date_nothing():
    assert _years("Năm 2013, Việt Nam và Pháp kỷ niệm 40 năm thiết lập quan hệ ngoại giao.") == []
    assert _years("Việt Nam và Pháp sẽ kỷ niệm 45 năm thiết lập quan hệ ngoại giao.") == []
    assert _years("Hai bên chuẩn bị kỷ niệm 45 năm thiết lập quan hệ ngoại giao Việt Nam - Singapore vào năm sau.") == []


def test_states_reads_names_as_written():
    assert relations.states("Việt Nam - Trung Quốc kỷ niệm 65 năm") == ["VNM", "CHN"]
    assert relations.states("Ngoại trưởng Mỹ Mike Pompeo") == ["USA"]
    assert relations.states("Anh Nguyễn Văn Nam") == []


def test_an_anniversary_of_relations_and_the_lead_date_the_article():
    text = ("Toàn quyền Úc thăm TP. HCM\n"
            "Sáng 25-5, Chủ tịch UBND TP. HCM tiếp Toàn quyền Úc trong chuyến thăm nhân dịp kỷ niệm 45 năm "
            "thiết lập quan hệ ngoại giao hai nước.\n")
    art = analyse(Source("x.txt", text)).article
    assert (art.published, art.published_precision) == ("2018-05-25", "day")
