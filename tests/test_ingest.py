"""Reading inputs: formats, feeds, stdin, and bad parts reported one line each."""
from __future__ import annotations

import gzip
import json

from biennien.records import IngestError, Source
from biennien.stages.ingest import read, read_stream


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
