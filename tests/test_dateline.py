from pathlib import Path

import pytest

from biennien.pipeline import analyse
from biennien.records import Source
from biennien.stages.dateline import from_url, parse_date
from biennien.io.read import read

from .conftest import SEEDS, seeds_gold


@pytest.mark.needs_shared
def test_seed_publication_dates():
    for gold in seeds_gold()["documents"]:
        (src,) = list(read([str(SEEDS / gold["file"])]))
        art = analyse(src).article
        assert (art.published, art.published_precision) == (gold["published"], gold["precision"]), gold["file"]


@pytest.mark.parametrize("raw,expected", [
    ("2025-08-08T14:18:49+07:00", ("2025-08-08", "day")), ("2022-06", ("2022-06", "month")), ("2022", ("2022", "year")),
    ("10/10/2024", ("2024-10-10", "day")), ("Fri, 08 Aug 2025 14:18:49 +0700", ("2025-08-08", "day")),
    ("not a date", (None, None)), ("2024-13-40", (None, None)), (None, (None, None))])
def test_parse_metadata_dates(raw, expected):
    assert parse_date(raw) == expected


def test_url_dates():
    assert from_url("https://tuoitre.vn/abc-20250804103512345.htm") == ("2025-08-04", "day")
    assert from_url("https://x.vn/2024/10/10/abc") == ("2024-10-10", "day")
    assert from_url("https://vnexpress.net/abc-4924650.html") == (None, None)


def test_unknown_date_is_null():
    art = analyse(Source("x.txt", "Một bài không có ngày tháng nào cả.")).article
    assert (art.published, art.published_precision) == (None, None)


def test_month_meta_refined_by_lead_only_when_it_agrees():
    art = analyse(Source("x.txt", "Sáng 2/7, đoàn đến thăm.", published="2022-06")).article
    assert (art.published, art.published_precision) == ("2022-06", "month")


@pytest.mark.parametrize("meta,expected", [
    ("1200-03-04", (None, None)),            # a typo in a feed's metadata: not a real publication date
    ("0001-01-01", (None, None)),
    ("2999-01-01", (None, None)),            # centuries ahead
    ("1975-04-30", ("1975-04-30", "day")),   # old, but real
])
def test_impossible_publication_dates_count_as_missing(meta, expected):
    art = analyse(Source("x.txt", "Một bài không có ngày tháng nào cả.", published=meta)).article
    assert (art.published, art.published_precision) == expected


def test_impossible_metadata_date_falls_back_to_the_text():
    art = analyse(Source("x.txt", "Hai bên hội đàm\nSáng 10/10/2024, hai bên hội đàm tại Hà Nội.", published="1200-01-01")).article
    assert art.published == "2024-10-10"
