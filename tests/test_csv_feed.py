"""CSV feeds: one article per row under a header naming the JSON fields; a bad row is one error
naming its line, the rest is stored; a CSV without such a header is refused, not stored whole."""
from __future__ import annotations

import csv
import gzip
import io

from click.testing import CliRunner

from biennien.cli import app as cli
from biennien.io.read import read
from biennien.store import Store

GOOD = [("Thủ tướng tiếp Đại sứ Nhật Bản", "Sáng 3/3, tại Hà Nội, Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản "
         "Ito Naoki.", "https://tin.vn/1", "2025-03-03"),
        ("Bộ trưởng Quốc phòng hội đàm", "Chiều 5/3, Bộ trưởng Quốc phòng Phan Văn Giang hội đàm với Bộ trưởng "
         "Quốc phòng Lào Chansamone Chanyalath.", "https://tin.vn/2", "1741132800"),
        ("Hai bên ký kết", "Ngày 7/3, hai bên ký kết bản ghi nhớ về hợp tác đào tạo.", "https://tin.vn/3",
         "2025-03-07")]


def _csv(rows, header=("title", "content", "link", "date"), delimiter=",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    if header:
        writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def test_rows_are_articles_with_their_fields(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text(_csv(GOOD), encoding="utf-8")
    items = list(read([str(path)]))
    assert [i.title for i in items] == [g[0] for g in GOOD]
    assert items[0].url == "https://tin.vn/1" and items[0].published == "2025-03-03"
    assert items[1].published.startswith("2025-03-05T07:00:00+07:00")   # a unix timestamp, in Vietnam's time
    assert items[2].raw == GOOD[2][1]


def test_a_bad_row_among_good_ones_is_one_error_and_the_rest_is_stored(tmp_path):
    rows = [GOOD[0], ("Dòng hỏng", "văn bản", "https://tin.vn/x", "2025-03-04", "thừa một ô"), GOOD[1],
            ("", "", "", ""), GOOD[2]]
    path = tmp_path / "feed.csv.gz"
    path.write_bytes(gzip.compress(_csv(rows, ("Title", "Body", "URL", "Published"), ";").encode("utf-8")))
    db = tmp_path / "kb.db"
    result = CliRunner().invoke(cli, ["ingest", str(path), "--db", str(db), "-q"])
    assert result.exit_code == 1, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {path}:3: 5 cells, the header has 4"]
    with Store(db, readonly=True) as store:
        assert store.scalar("SELECT count(*) FROM documents") == 3
        assert {r["url"] for r in store.rows("SELECT url FROM documents")} == {g[2] for g in GOOD}


def test_a_csv_without_a_feed_header_is_refused_not_stored_whole(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(_csv(GOOD, header=None), encoding="utf-8")
    items = list(read([str(path)]))
    assert len(items) == 1 and not hasattr(items[0], "raw")
    assert str(items[0]).startswith(f"{path}: not a CSV feed: its header row names none of the fields text|")
    db = tmp_path / "kb.db"
    result = CliRunner().invoke(cli, ["ingest", str(path), "--db", str(db), "-q"])
    assert result.exit_code == 1 and "not a CSV feed" in result.output
    with Store(db, readonly=True) as store:
        assert store.scalar("SELECT count(*) FROM documents") == 0


def test_an_empty_csv_and_a_quoted_newline(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    assert "empty file" in str(next(read([str(empty)])))
    quoted = tmp_path / "q.csv"
    quoted.write_text(_csv([("Tin", "Đoạn một.\n\nĐoạn hai.", "https://tin.vn/q", "2025-01-01")]), encoding="utf-8")
    (item,) = read([str(quoted)])
    assert item.raw == "Đoạn một.\n\nĐoạn hai."
