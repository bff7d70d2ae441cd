"""lexicon/compiled.py: a big regex's program kept on disk gives the Pattern re.compile gives."""
import marshal
import re

from biennien.lexicon import compiled
from biennien.text import trie_pattern


def _big() -> str:
    words = {f"từ{i}ngữ{i * 7 % 13}" for i in range(9000)}
    return rf"(?<![^\W_])(?:(?P<word>{trie_pattern(words)})|(?P<num>\d+))(?![^\W_])"


def _files(where):
    return sorted((where / "regex").glob("*.marshal")) if (where / "regex").exists() else []


def test_a_big_pattern_is_written_once_then_read_and_equals_re_compile(tmp_path, monkeypatch):
    pattern = _big()
    assert len(pattern) >= compiled.MIN_CHARS
    first = compiled.compile(pattern, 0, tmp_path)
    assert len(_files(tmp_path)) == 1
    calls = []
    monkeypatch.setattr(compiled, "_program", lambda *a: calls.append(a))   # a read must not compile
    second = compiled.compile(pattern, 0, tmp_path)
    assert calls == []
    assert first == second == re.compile(pattern)
    match = second.search("đây là từ17ngữ2 và 42")
    assert (match.group("word"), match.lastgroup) == ("từ17ngữ2", "word")
    assert [m.lastgroup for m in second.finditer("từ3ngữ8 99 từ3ngữ")] == ["word", "num"]


def test_flags_are_part_of_the_key(tmp_path):
    pattern = _big()
    assert compiled.compile(pattern, re.IGNORECASE, tmp_path) == re.compile(pattern, re.IGNORECASE)
    assert compiled.compile(pattern, 0, tmp_path) == re.compile(pattern)
    assert len(_files(tmp_path)) == 2
    assert compiled.compile(pattern, re.IGNORECASE, tmp_path).search("TỪ5NGỮ9")


def test_a_broken_file_is_compiled_again_and_replaced(tmp_path):
    pattern = _big()
    compiled.compile(pattern, 0, tmp_path)
    (path,) = _files(tmp_path)
    for junk in (b"not marshal", marshal.dumps((0, [1, 2, 3], 0, {}, ())), b""):
        path.write_bytes(junk)   # garbage, a program _sre refuses, a truncated write
        assert compiled.compile(pattern, 0, tmp_path) == re.compile(pattern)
        assert path.read_bytes() != junk


def test_small_patterns_and_an_unwritable_cache_just_compile(tmp_path):
    assert compiled.compile(r"\d+", 0, tmp_path) == re.compile(r"\d+")
    assert _files(tmp_path) == []
    blocked = tmp_path / "file"
    blocked.write_text("x")   # the cache directory cannot be made under a file
    assert compiled.compile(_big(), 0, blocked) == re.compile(_big())


def test_the_default_directory_follows_the_setting_then_xdg(monkeypatch, tmp_path):
    monkeypatch.setitem(compiled.settings.table()["caches"], "compiled_dir", str(tmp_path / "mine"))
    assert compiled.cache_dir() == tmp_path / "mine"
    monkeypatch.setitem(compiled.settings.table()["caches"], "compiled_dir", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert compiled.cache_dir() == tmp_path / "xdg" / "biennien"


def test_re_internals_that_differ_compile_as_re_does_and_write_nothing(tmp_path, monkeypatch):
    def differs(*_):
        raise AttributeError("module 're._compiler' has no attribute '_code'")
    monkeypatch.setattr(compiled, "_program", differs)
    pattern = _big()
    assert compiled.compile(pattern, re.IGNORECASE, tmp_path) == re.compile(pattern, re.IGNORECASE)
    assert _files(tmp_path) == []
