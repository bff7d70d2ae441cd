"""Bad input through the real CLI: each case names the file and why in one `error:` line, sets the
exit status, and every good article of the same run is still stored. Legacy Vietnamese encodings
(Windows-1258, TCVN3, VNI) are converted, not refused: round trips on sentences written here."""
from __future__ import annotations

import builtins
import codecs
import errno
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import tracemalloc
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from biennien import resources
from biennien.cli import app
from biennien.records import Source
from biennien.io import read as stage
from biennien.stages import clean
from biennien.io.decode import DecodeError, decode, detect, encode_legacy
from biennien.store import Store

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()

GOOD = "Sáng 12/3, Bộ trưởng Bộ Quốc phòng tiếp Đại sứ Lào tại Hà Nội.\n\nHai bên trao đổi về hợp tác đào tạo cán bộ."
ARTICLE = (
    "Đoàn đại biểu quân sự cấp cao thăm Việt Nam\n\n"
    "Chiều 12/3, tại Hà Nội, Bộ trưởng Bộ Quốc phòng đã chủ trì lễ đón đoàn đại biểu quân sự cấp cao của nước bạn.\n\n"
    "Hai bên nhất trí tăng cường hợp tác trong các lĩnh vực đào tạo, trao đổi kinh nghiệm, khắc phục hậu quả "
    "chiến tranh và giữ gìn hòa bình khu vực.\n\n"
    "Ủy ban nhân dân thành phố cho biết sẽ tổ chức lễ kỷ niệm vào đầu tháng tới, với sự tham dự của những "
    "người dân ở huyện lỵ.")
# Sentences for round trips: every tone on every vowel family, đ, capitals at sentence starts and
# in headlines (TCVN3 has no toned capitals: those two places are where its reader restores them).
SENTENCES = [
    "Thủ tướng Chính phủ đã gửi thư chúc mừng các nhà khoa học trẻ nhân dịp năm mới.",
    "Ấn Độ và Việt Nam ký biên bản ghi nhớ về hợp tác nghiên cứu, ứng dụng công nghệ vũ trụ.",
    "Ở vùng cao, nhiều học sinh phải vượt suối, lội bùn để đến trường mỗi sáng.",
    "Người dân ven biển được hướng dẫn gia cố nhà cửa, tránh trú bão an toàn.",
    "Ông cho rằng việc sửa đổi luật đất đai cần lắng nghe ý kiến của nông dân.",
    "THÔNG BÁO KẾT QUẢ HỘI NGHỊ LẦN THỨ BẢY BAN CHẤP HÀNH TRUNG ƯƠNG",
    "Ủy ban nhân dân huyện lỵ vừa khởi công xây dựng cầu mới, dự kiến hoàn thành trong quý ba.",
    "Đêm qua, mưa lớn kèm dông lốc khiến hàng chục cây xanh bị gãy đổ, ảnh hưởng giao thông.",
    "Ẩm thực Huế nổi tiếng với những món ăn cầu kỳ, được chế biến tỉ mỉ từ nguyên liệu địa phương.",
    "Chiếc thuyền nhỏ trôi chầm chậm trên dòng sông quê, để lại vệt sóng mỏng manh.",
]


def _ingest(*paths, db: Path, stdin: bytes | None = None):
    """(exit status, error lines, summary line) of `biennien ingest`."""
    result = runner.invoke(app, ["ingest", *map(str, paths), "--db", str(db)], input=stdin)
    lines = result.output.splitlines()
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, [l for l in lines if l.startswith("error:")], lines[-1] if lines else ""


def _docs(db: Path) -> dict[str, str]:
    """source -> clean text of every stored document."""
    with Store(db, readonly=True) as store:
        return {r["source"]: r["text"] for r in store.rows("SELECT source, text FROM documents")}


def _clean_text(text: str) -> str:
    return clean.clean(Source("x.txt", text)).text


def _folder(tmp_path: Path, name: str, data: bytes) -> tuple[Path, Path]:
    """A folder with one good article and `name`; the store lives outside it."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / name).write_bytes(data)
    return folder, tmp_path / "kb.db"


# --- refused, with the reason -----------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16
NOT_UTF8 = "error: {path}: not valid UTF-8 (byte 0xff at offset 4) and no Vietnamese legacy encoding " \
           "(Windows-1258, TCVN3, VNI) fits"


@pytest.mark.parametrize("name,data,message", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\t\r\n  ", "empty file"),
    ("image.txt", PNG, "binary data, not text"),
    ("photo.html", PNG, "binary data, not text"),
    ("latin.txt", b"abc \xff\xfe\x81 def, caf\xe9 cr\xe8me", NOT_UTF8.split("{path}: ")[1]),
    ("broken.txt.gz", b"\x1f\x8b\x08\x00 not really gzip", "broken gzip: "),
    ("empty.jsonl", b"\n\n  \n", "empty file"),
    ("bad.json", b'{"title": "x", "text": ', "malformed JSON: Expecting value at line 1 column 24"),
    ("list.json", b'{"articles": "not a list"}', '"articles" is not a list but str'),
], ids=lambda v: v if isinstance(v, str) and "." in v and len(v) < 25 else "")
def test_refused_with_one_line_reason(tmp_path, name, data, message):
    folder, db = _folder(tmp_path, name, data)
    status, errors, summary = _ingest(folder, db=db)
    assert status == 1
    assert len(errors) == 1 and errors[0].startswith(f"error: {folder / name}: {message}"), errors
    assert summary.startswith("1 new, 0 unchanged, 1 failed")
    assert list(_docs(db)) == [str(folder / "good.txt")]


def test_truncated_gzip_feed_keeps_the_lines_before_the_break(tmp_path):
    """Bad input never loses good data: the lines decoded before the break are stored, the break is
    one error naming the file."""
    data = gzip.compress("".join(f'{{"text": "Tin số {i} về hội đàm."}}\n' for i in range(2000)).encode())
    folder, db = _folder(tmp_path, "truncated.jsonl.gz", data[: len(data) // 2])
    status, errors, summary = _ingest(folder, db=db)
    assert status == 1
    assert len(errors) == 1 and errors[0].startswith(f"error: {folder / 'truncated.jsonl.gz'}: broken gzip: "), errors
    kept = int(summary.split(" new")[0])
    assert 2 < kept < 2001 and str(folder / "good.txt") in _docs(db)


def test_50_mb_text_file_is_refused_unread(tmp_path):
    """Refused, not cut: a 50 MB "article" is a dump or a concatenation, and a stored prefix of it
    would be wrong without saying so. It is refused from its size alone (never read, memory flat);
    the same text gzipped is refused after reading just past the bound."""
    folder, db = _folder(tmp_path, "huge.txt", b"")
    line = (ARTICLE.replace("\n\n", " ") + "\n").encode()
    with open(folder / "huge.txt", "wb") as f:
        f.write(line * (50 * 2**20 // len(line) + 1))
    size = (folder / "huge.txt").stat().st_size
    with open(folder / "huge.txt", "rb") as src, gzip.open(folder / "huge-too.txt.gz", "wb", compresslevel=1) as dst:
        shutil.copyfileobj(src, dst)
    tracemalloc.start()
    status, errors, summary = _ingest(folder, db=db)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert status == 1 and summary.startswith("1 new, 0 unchanged, 2 failed")
    advice = "a news article is a few KB; split it, or give many articles as .jsonl, one a line"
    assert errors == [
        f"error: {folder / 'huge-too.txt.gz'}: too large for one article (over 8 MiB): {advice}",
        f"error: {folder / 'huge.txt'}: too large for one article ({size / 2**20:.1f} MiB > 8 MiB): {advice}"]
    assert peak < 40 * 2**20, peak  # 8 MiB read from the .gz, nothing from the .txt
    assert list(_docs(db)) == [str(folder / "good.txt")]


def test_unreadable_file_is_one_error(tmp_path, monkeypatch):
    """Tests run as root, which reads any file: the kernel's EACCES is simulated where the file is
    opened (`test_unreadable_file_as_nobody` gets the real one)."""
    folder, db = _folder(tmp_path, "secret.txt", "Tin mật.".encode())
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if str(file).endswith("secret.txt"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    status, errors, summary = _ingest(folder, folder / "secret.txt", db=db)
    assert status == 1 and summary.startswith("1 new, 0 unchanged, 2 failed")
    assert errors == [f"error: {folder / 'secret.txt'}: cannot read: Permission denied"] * 2  # in the walk, and named
    assert list(_docs(db)) == [str(folder / "good.txt")]


def test_unreadable_file_as_nobody(tmp_path):
    """A real mode-000 file, read by a process without root: as root, the child drops to nobody
    after importing everything it needs (this interpreter may live where nobody cannot look)."""
    work = Path(tempfile.mkdtemp(prefix="biennien-perm-"))
    try:
        work.chmod(0o777)
        (work / "in").mkdir()
        (work / "in").chmod(0o777)
        (work / "in" / "good.txt").write_text(GOOD, encoding="utf-8")
        (work / "warm.txt").write_text(ARTICLE, encoding="utf-8")
        (work / "in" / "secret.txt").write_text("Tin mật.", encoding="utf-8")
        (work / "in" / "secret.txt").chmod(0o000)
        script = textwrap.dedent(f"""
            import os, sys
            sys.path.insert(0, {str(ROOT)!r})
            from click.testing import CliRunner
            import biennien.cli
            runner = CliRunner()  # one run as root first: every lazy import done while it can be
            runner.invoke(biennien.cli.app, ["ingest", {str(work / 'warm.txt')!r}, "--db", {str(work / 'warm.db')!r}, "-w", "1"])
            if os.getuid() == 0:
                os.setgid(65534); os.setuid(65534)
            result = runner.invoke(biennien.cli.app, ["ingest", {str(work / 'in')!r}, "--db", {str(work / 'kb.db')!r}, "-w", "1"])
            print(result.output, end="")
            if result.exception and not isinstance(result.exception, SystemExit):
                import traceback; traceback.print_exception(result.exception)
            sys.exit(result.exit_code)
        """)
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
        assert done.returncode == 1, done.stdout + done.stderr
        assert f"error: {work / 'in' / 'secret.txt'}: cannot read: Permission denied" in done.stdout.splitlines()
        assert "1 new, 0 unchanged, 1 failed" in done.stdout
    finally:
        shutil.rmtree(work, ignore_errors=True)


def test_symlink_loops_dangling_links_and_pipes(tmp_path):
    folder = tmp_path / "in"
    (folder / "a").mkdir(parents=True)
    (folder / "a" / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "a" / "up").symlink_to("..")                  # a loop: back to the top
    (folder / "a" / "self.txt").symlink_to("self.txt")      # a link to itself
    (folder / "b").symlink_to("a")                          # the same folder twice
    (folder / "gone.txt").symlink_to("nowhere.txt")         # dangling
    os.mkfifo(folder / "pipe.txt")                          # nobody writes to it: must not block the walk
    status, errors, summary = _ingest(folder, db=tmp_path / "kb.db")
    assert status == 1 and summary.startswith("1 new, 0 unchanged, 3 failed")
    assert errors == [f"error: {folder / 'a' / 'self.txt'}: cannot read: Too many levels of symbolic links",
                      f"error: {folder / 'gone.txt'}: cannot read: No such file or directory",
                      f"error: {folder / 'pipe.txt'}: empty file"]
    assert list(_docs(tmp_path / "kb.db")) == [str(folder / "a" / "good.txt")]


def test_file_names_that_are_not_utf8(tmp_path):
    """Old archives name files in legacy encodings: the bytes that are not UTF-8 are shown escaped
    (the name Python gives them holds surrogates, which SQLite refused: the whole run crashed)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"tin-t\xf8c.txt"), "wb") as f:
        f.write(ARTICLE.encode())
    with open(os.path.join(os.fsencode(folder), b"r\xf6ng.txt"), "wb") as f:
        pass
    status, errors, summary = _ingest(folder, db=tmp_path / "kb.db")
    assert status == 1 and summary.startswith("2 new, 0 unchanged, 1 failed")
    assert errors == [f"error: {folder}/r\\xf6ng.txt: empty file"]
    assert set(_docs(tmp_path / "kb.db")) == {str(folder / "good.txt"), f"{folder}/tin-t\\xf8c.txt"}


def test_feed_name_that_is_not_utf8(tmp_path):
    path = os.path.join(os.fsencode(tmp_path), b"feed-\xff.jsonl")
    with open(path, "wb") as f:
        f.write(json.dumps({"text": GOOD}, ensure_ascii=False).encode() + b"\n")
    status, errors, summary = _ingest(os.fsdecode(path), db=tmp_path / "kb.db")
    assert status == 0 and summary.startswith("1 new")


@pytest.fixture
def deep_tree(tmp_path):
    """1,200 nested folders with one article at the bottom (made and removed by coreutils: Python's
    rmtree recurses too)."""
    top = tmp_path / "in"
    bottom = top / "/".join(["d"] * 1200)
    subprocess.run(["mkdir", "-p", str(bottom)], check=True)
    (bottom / "deep.txt").write_text(GOOD, encoding="utf-8")
    yield top
    subprocess.run(["rm", "-rf", str(top)], check=True)


def test_deep_directory_tree_in_the_stage(deep_tree):
    (found,) = list(stage.read([str(deep_tree)]))  # walked without recursion
    assert isinstance(found, Source) and found.raw == GOOD


def test_deep_directory_tree_through_the_cli(deep_tree, tmp_path):
    status, errors, summary = _ingest(deep_tree, db=tmp_path / "kb.db")
    assert status == 0 and summary.startswith("1 new")


# --- read, converted, stored --------------------------------------------------------------------

def _cp1258(text: str) -> bytes:
    return encode_legacy(text, "windows-1258")


def _mojibake(text: str) -> bytes:
    """TCVN3 bytes once read as Windows-1252 and saved as UTF-8, as old web archives hold them."""
    return encode_legacy(text, "tcvn3").decode("cp1252").encode("utf-8")


@pytest.mark.parametrize("encoding,encode", [
    ("utf-8 with BOM", lambda t: codecs.BOM_UTF8 + t.encode()),
    ("utf-16 LE with BOM", lambda t: t.encode("utf-16")),
    ("utf-16 BE with BOM", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be")),
    ("windows-1258", _cp1258),
    ("tcvn3", lambda t: encode_legacy(t, "tcvn3")),
    ("vni", lambda t: encode_legacy(t, "vni")),
    ("tcvn3 mojibake in utf-8", _mojibake),
    ("nfd", lambda t: unicodedata.normalize("NFD", t).encode()),
    ("utf-8 cut mid-letter", lambda t: (t + " Hà Nội").encode()[:-1]),
])
def test_encodings_are_read_as_the_same_article(tmp_path, encoding, encode):
    """Stored with the same clean text, hence the same doc_id, as the Unicode original."""
    folder, db = _folder(tmp_path, "article.txt", encode(ARTICLE))
    (folder / "unicode.txt").write_text(ARTICLE, encoding="utf-8")
    status, errors, summary = _ingest(folder, db=db)
    docs = _docs(db)
    expected = ARTICLE + " Hà Nộ" if encoding == "utf-8 cut mid-letter" else ARTICLE
    assert docs[str(folder / "article.txt")] == _clean_text(expected)
    assert status == 0 and not errors
    if encoding != "utf-8 cut mid-letter":
        assert summary.startswith("2 new, 1 unchanged, 0 failed")  # unicode.txt is the same article


@pytest.mark.parametrize("name", ["tcvn3", "vni", "windows-1258"])
@pytest.mark.parametrize("sentence", SENTENCES, ids=lambda s: s[:20])
def test_legacy_round_trip(name, sentence):
    text, found = detect(encode_legacy(sentence, name))
    assert found == name and text == sentence


@pytest.mark.needs_shared
@pytest.mark.parametrize("name", ["tcvn3", "vni"])
def test_legacy_round_trip_of_real_articles(name):
    """150 real articles: always the right encoding; the text exact but for TCVN3's lost capitals."""
    path = ROOT.parent / "shared" / "corpus" / "vietnews" / "vietnews-test.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        texts = [unicodedata.normalize("NFC", json.loads(next(f))["text"]) for _ in range(150)]
    texts = [t for t in texts if encode_legacy(t, name).decode("cp1252", "replace").count("?") == t.count("?")]
    results = [detect(encode_legacy(t, name)) for t in texts]
    assert all(found == name for _, found in results)
    assert all(text.casefold() == t.casefold() for (text, _), t in zip(results, texts))
    exact = sum(text == t for (text, _), t in zip(results, texts)) / len(texts)
    assert exact >= (0.85 if name == "tcvn3" else 1.0)


@pytest.mark.parametrize("name", ["tcvn3", "vni"])
def test_every_table_row_round_trips(name):
    key = "byte" if name == "tcvn3" else "bytes"
    for row in resources.load(f"legacy_{name}"):
        assert row["char"] in row["example"], row
        raw = bytes.fromhex(row[key])
        assert raw.decode("latin-1") in encode_legacy(row["example"], name).decode("latin-1"), row
        sentence = f"Hôm nay, người dân vui mừng đón chào {row['example']}."  # a few words decide the encoding
        assert decode(encode_legacy(sentence, name)) == sentence, row


def test_foreign_legacy_text_is_not_taken_for_vietnamese():
    for text in ("Café crème, déjà vu à la française.", "Über große Straße, schön und grün."):
        with pytest.raises(DecodeError, match="no Vietnamese legacy encoding"):
            decode(text.encode("cp1252"))
    assert decode("Tin «nóng» lúc 9°C: giá 100¥ ±5%.".encode()) == "Tin «nóng» lúc 9°C: giá 100¥ ±5%."


def test_html_truncated_mid_tag(tmp_path):
    page = ("<html><head><title>Hội đàm</title></head><body><article><h1>Hội đàm</h1>"
            "<p>Chiều 9/1, Bộ trưởng tiếp đoàn đại biểu cấp cao.</p><p>Hai bên trao đổi về hợp tác <a href=\"/x")
    folder, db = _folder(tmp_path, "cut.html", page.encode())
    status, errors, summary = _ingest(folder, db=db)
    assert status == 0 and not errors and summary.startswith("2 new")
    text = _docs(db)[str(folder / "cut.html")]
    assert "Chiều 9/1, Bộ trưởng tiếp đoàn đại biểu cấp cao." in text and "<" not in text


NAV_ONLY = """<!doctype html><html><head><title>Báo Tin Tức - Trang chủ</title></head><body>
<header><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li>
<li><a href="/the-gioi">Thế giới</a></li><li><a href="/kinh-te">Kinh tế</a></li></ul></nav></header>
<div class="menu"><a href="/dang-nhap">Đăng nhập</a> | <a href="/dang-ky">Đăng ký</a> | <a href="/lien-he">Liên hệ</a></div>
<footer><nav><a href="/gioi-thieu">Giới thiệu</a> <a href="/quang-cao">Quảng cáo</a></nav></footer></body></html>"""


def test_page_of_navigation_only(tmp_path):
    folder, db = _folder(tmp_path, "menu.html", NAV_ONLY.encode())
    status, errors, summary = _ingest(folder, db=db)
    assert errors == [f"error: {folder / 'menu.html'}: no article text left after cleaning (page chrome only?)"]
    assert status == 1 and list(_docs(db)) == [str(folder / "good.txt")]


def test_10000_line_article(tmp_path):
    """One article of 10,000 lines (0.8 MB): stored whole (sentence splitting was quadratic in the
    article's length; bench/pathological.py measures how long it takes)."""
    words = ["Bộ trưởng", "Thủ tướng", "Chủ tịch UBND TP.", "Đại sứ", "Giám đốc Sở"]
    lines = [f"Ngày {i % 28 + 1}/{i % 12 + 1}, {words[i % 5]} Hồ Chí Minh tiếp đoàn công tác số {i} của Th. Nam."
             for i in range(10_000)]
    folder, db = _folder(tmp_path, "long.txt", "\n".join(lines).encode())
    status, errors, summary = _ingest(folder, db=db)
    assert status == 0 and not errors and summary.startswith("2 new")
    with Store(db, readonly=True) as store:
        (doc,) = store.rows("SELECT doc_id, text FROM documents WHERE source = ?", [str(folder / "long.txt")])
        sentences = store.scalar("SELECT count(*) FROM sentences WHERE doc_id = ?", [doc["doc_id"]])
    assert doc["text"].count("\n\n") == 9_999 and sentences >= 10_000


# --- feeds: one error a bad line --------------------------------------------------------------

def test_jsonl_malformed_lines_missing_fields_wrong_types(tmp_path):
    good1 = {"title": "Tin một", "text": "Chiều 12/3, Bộ trưởng tiếp đoàn đại biểu Lào."}
    lines = [
        json.dumps(good1, ensure_ascii=False),                                         # 1 stored
        '{"text": broken',                                                             # 2
        "[1, 2]",                                                                      # 3
        '{"url": "https://x.vn/4"}',                                                   # 4
        '{"text": ["một", "hai"], "title": {"vi": "x"}}',                              # 5
        '"chỉ một chuỗi"',                                                             # 6
        json.dumps({"text": "Sáng 13/3, Thủ tướng thăm Viêng Chăn.", "date": {"y": 2024}, "url": 5,
                    "source": None}, ensure_ascii=False),                              # 7 stored
        "",                                                                            # 8 blank
        "\u00a0",                                                                      # 9 blank
        '{"text": "Tin \\ud800 có ký tự lẻ: Chủ tịch nước tiếp khách."}',              # 10 stored, U+FFFD
        json.dumps(good1, ensure_ascii=False),                                         # 11 the same as 1
    ]
    path = tmp_path / "feed.jsonl"
    data = "\n".join(lines).encode() + b'\n{"text": "Tin \xff\xfe h\xe1\x81ng."}\n'  # 12 not UTF-8
    path.write_bytes(data)
    status, errors, summary = _ingest(path, db=tmp_path / "kb.db")
    no_text = "no text: none of the fields text|content|body|summary holds a string"
    assert errors == [f"error: {path}:2: malformed JSON: Expecting value at column 10",
                      f"error: {path}:3: expected a JSON object, got list",
                      f"error: {path}:4: {no_text}",
                      f"error: {path}:5: {no_text}",
                      f"error: {path}:6: expected a JSON object, got str",
                      f"error: {path}:12: " + NOT_UTF8.split("{path}: ")[1].replace("offset 4", "offset 14")]
    assert status == 1 and summary.startswith("3 new, 1 unchanged, 6 failed")
    docs = _docs(tmp_path / "kb.db")
    assert set(docs) == {f"{path}:1", f"{path}:7", f"{path}:10"}
    assert "\ufffd" in docs[f"{path}:10"]


HOSTILE_LINES = ["[" * 100_000 + "]" * 100_000, '{"text": ' + "1" * 5000 + "}"]


def test_hostile_json_lines_in_the_stage(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([*HOSTILE_LINES, json.dumps({"text": GOOD}, ensure_ascii=False)]) + "\n", encoding="utf-8")
    items = list(stage.read([str(path)]))
    assert str(items[0]) == f"{path}:1: malformed JSON: nested too deeply"
    assert str(items[1]).startswith(f"{path}:2: malformed JSON: Exceeds the limit (4300 digits)")
    assert isinstance(items[2], Source) and items[2].raw == GOOD


def test_hostile_json_lines_through_the_cli(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([*HOSTILE_LINES, json.dumps({"text": GOOD}, ensure_ascii=False)]) + "\n", encoding="utf-8")
    status, errors, summary = _ingest(path, db=tmp_path / "kb.db")
    assert status == 1 and len(errors) == 2 and summary.startswith("1 new, 0 unchanged, 2 failed")


def test_line_too_long_for_one_article_in_the_stage(tmp_path):
    path = tmp_path / "feed.jsonl"
    big = json.dumps({"text": "x" * (stage.MAX_ARTICLE_BYTES + 10)})
    path.write_text("\n".join([big, json.dumps({"text": GOOD}, ensure_ascii=False)]) + "\n", encoding="utf-8")
    items = list(stage.read([str(path)]))
    assert str(items[0]) == f"{path}:1: line too long (over 8 MiB): one article a line"
    assert isinstance(items[1], Source) and items[1].raw == GOOD


def test_stdin_in_vni(tmp_path):
    status, errors, summary = _ingest("-", db=tmp_path / "kb.db", stdin=encode_legacy(ARTICLE, "vni"))
    assert status == 0 and not errors and summary.startswith("1 new")
    assert list(_docs(tmp_path / "kb.db").values()) == [_clean_text(ARTICLE)]


def test_ingest_of_the_folder_that_holds_the_store_skips_the_store(tmp_path):
    folder, db = _folder(tmp_path, "other.txt", ARTICLE.encode())
    db = folder / "kb.db"
    for _ in range(2):  # the second run finds kb.db, kb.db-wal, kb.db-shm beside the articles
        status, errors, summary = _ingest(folder, db=db)
        assert status == 0 and errors == [], errors
    assert summary.startswith("0 new, 2 unchanged, 0 failed")
