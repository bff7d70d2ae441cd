"""Reading inputs: formats, feeds, stdin, and bad parts reported one line each."""
from __future__ import annotations

import gzip
import json

import pytest

from biennien.records import IngestError, Source
from biennien.io.feed import Line, source as line_source
from biennien.io.feed import read as feed_read
from biennien.io.read import read, read_stream


def _sources(items):
    """Sources and errors as the stage gives them; the feed reader's undecoded lines decoded."""
    out = []
    for item in items:
        out.append(line_source(item) if isinstance(item, Line) else item)
    return [i for i in out if i is not None]


def _split(items):
    return [i for i in items if isinstance(i, Source)], [i for i in items if isinstance(i, IngestError)]


def test_directory_recursive_with_formats(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Tin một.\n\nNội dung.", encoding="utf-8")
    (tmp_path / "two.html").write_text("<html><body><p>Tin hai</p></body></html>", encoding="utf-8")
    (tmp_path / "three.json").write_text(json.dumps({"title": "Ba", "content": "Tin ba."}), encoding="utf-8")
    with gzip.open(tmp_path / "four.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"text": "Tin bốn.", "link": "https://x.vn/4", "date": "2024-10-10"}) + "\n")
    sources, errors = _split(list(read([str(tmp_path)])))
    assert not errors
    assert len(sources) == 4
    four = next(s for s in sources if s.url)
    assert four.published == "2024-10-10" and four.source == "https://x.vn/4"
    assert any(s.is_html for s in sources)


def test_jsonl_malformed_line_among_good_ones(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "Một."}\n{"text": broken\n\n{"text": "Hai."}\n[1, 2]\n{"title": 5, "text": 7}\n',
                    encoding="utf-8")
    sources, errors = _split(list(read([str(path)])))
    assert [s.raw for s in sources] == ["Một.", "Hai.", "7"]
    assert [e.source for e in errors] == [f"{path}:2", f"{path}:5"]
    assert "malformed JSON" in errors[0].message and "expected a JSON object" in errors[1].message


def test_missing_text_fields(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"url": "https://x.vn/1"}\n', encoding="utf-8")
    _, errors = _split(list(read([str(path)])))
    assert "no text" in errors[0].message


def test_empty_binary_and_missing_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 4)
    _, errors = _split(list(read([str(tmp_path), str(tmp_path / "nope.txt")])))
    messages = {e.source.rsplit("/", 1)[-1]: e.message for e in errors}
    assert messages == {"bin.txt": "binary data, not text", "empty.txt": "empty file",
                        "nope.txt": "no such file or directory"}


def test_symlink_loop_is_safe(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("Tin.", encoding="utf-8")
    (tmp_path / "d" / "loop").symlink_to(tmp_path / "d")
    sources, _ = _split(list(read([str(tmp_path)])))
    assert len(sources) == 1


def test_stdin_kinds():
    assert read_stream("<stdin>", b'{"text": "A."}\n')
    (src,) = list(read_stream("<stdin>", "Tin từ stdin.".encode()))
    assert src.raw == "Tin từ stdin." and not src.is_html


ARTICLE = "Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản tại Hà Nội số {i}."


def _texts(items):
    return [i.raw for i in items if isinstance(i, Source)], [str(i) for i in items if not isinstance(i, Source)]


@pytest.mark.parametrize("eol", ["\r", "\r\n", "\n"])
def test_jsonl_line_ends_cr_crlf_lf(tmp_path, eol):
    """A feed written with old-Mac CR-only line ends lost every article."""
    path = tmp_path / "feed.jsonl"
    path.write_bytes(eol.join(json.dumps({"text": ARTICLE.format(i=i)}, ensure_ascii=False)
                              for i in range(5)).encode() + eol.encode())
    for reader in (read, feed_read):
        texts, errors = _texts(_sources(reader([str(path)])))
        assert errors == [] and texts == [ARTICLE.format(i=i) for i in range(5)], reader


@pytest.mark.parametrize("where", [0, 1, 300])
def test_one_utf16_line_in_a_utf8_feed_costs_that_line(tmp_path, where):
    """One UTF-16 line lost the whole file (first 8 KiB) or the good line after it."""
    lines = [json.dumps({"text": ARTICLE.format(i=i)}, ensure_ascii=False).encode() + b"\n" for i in range(400)]
    lines[where] = json.dumps({"text": "x"}).encode("utf-16") + "\n".encode("utf-16-le")
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"".join(lines))
    for reader in (read, feed_read):
        texts, errors = _texts(_sources(reader([str(path)])))
        expected = [ARTICLE.format(i=i) for i in range(400) if i != where]
        assert [t for t in texts if t != "x"] == expected, reader
        assert len(errors) <= 1


def test_soft_hyphen_inside_a_name_keeps_the_person():
    from biennien.pipeline import analyse
    text = "Thủ tướng Ph\u00adạm Minh Chính tiếp Đại sứ Nhật Bản tại Hà Nội.\nThủ tướng Phạm Minh Chính\u200b nói."
    analysis = analyse(Source("x.txt", text))
    assert "\u00ad" not in analysis.article.text
    assert "Phạm Minh Chính" in {m.name for m in analysis.mentions if m.kind == "person"}


@pytest.mark.parametrize("published,expected", [
    (1754637529, "2025-08-08"), (1754637529000, "2025-08-08"), ("1754637529", "2025-08-08"),
    (1754586000, "2025-08-08"),                      # 17:00 UTC on the 7th is the 8th in Vietnam
    ("Fri, 08 Aug 2025 14:18:49 +0700", "2025-08-08"), ("2025-08-08T14:18:49+07:00", "2025-08-08"),
    ("2025-08-07T20:00:00Z", "2025-08-08"), ("Thu, 07 Aug 2025 20:00:00 GMT", "2025-08-08"),  # zoned: as in Vietnam
    ("2025-08-08T23:00:00-05:00", "2025-08-09"),
])
def test_feed_dates_as_unix_timestamps_rfc2822_and_iso(tmp_path, published, expected):
    from biennien.pipeline import analyse
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": ARTICLE.format(i=1), "published": published}, ensure_ascii=False), encoding="utf-8")
    [source] = list(read([str(path)]))
    assert analyse(source).article.published == expected


def test_a_feed_date_that_cannot_be_read_is_a_warning_naming_the_line(tmp_path):
    from biennien.run import ingest
    from biennien.store import Store
    path = tmp_path / "feed.jsonl"
    lines = [{"text": ARTICLE.format(i=1), "published": "2025-08-08"}, {"text": ARTICLE.format(i=2), "published": "hôm qua"}]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    with Store(tmp_path / "kb.db") as store:
        summary = ingest([str(path)], store)
    assert summary.failed == 0 and len(summary.warnings) == 1
    assert "feed.jsonl:2" in summary.warnings[0] and "hôm qua" in summary.warnings[0]
