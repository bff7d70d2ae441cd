"""Properties of the whole per-article stage, over generated input (Hypothesis): any text, any
bytes, any HTML, any feed record goes through clean -> sentences -> mentions -> times -> events ->
roles without raising, and every offset points into the clean text."""
from __future__ import annotations

import os
import time

from hypothesis import HealthCheck, example, given, settings, strategies as st

from biennien import resources
from biennien.pipeline import analyse
from biennien.records import Analysis, IngestError, Source
from biennien.io.decode import DecodeError, decode
from biennien.io.objects import from_record

EXAMPLES = int(os.environ.get("BIENNIEN_PROPERTY_EXAMPLES", "120"))  # raise it for a long hunt
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words and shapes the stages look for, so that generated text reaches their code and not only
# their "nothing here" paths: titles, ranks, names, dates, triggers, captions, credits, bylines.
WORDS = ["Bộ trưởng", "Quốc phòng", "Thủ tướng", "Đại tướng", "Thượng tướng", "Trung tướng", "Chủ tịch", "nước",
         "Tổng Bí thư", "Phạm Minh Chính", "Phan Văn Giang", "Khamliang Outhakaysone", "Lào", "Việt Nam",
         "Hà Nội", "Viêng Chăn", "Campuchia", "tiếp", "hội đàm", "thăm", "ký", "biên bản ghi nhớ", "trao tặng",
         "diễn tập", "sẽ", "dự kiến", "không", "cho biết", "ngày", "tháng", "năm", "sáng", "chiều", "hôm qua",
         "tuần tới", "10/10", "9/1/2025", "2024", "tháng 2/2022", "Quý III", "Ảnh:", "(Ảnh: TTXVN)", "Theo",
         "Nguồn:", "TTXVN", "VOV", "N.Diệp", "TP.", "PGS.TS.", "Q.", "ông", "bà", "Đoàn", "Ủy ban", "(", ")",
         "“", "”", ".", ",", ":", ";", "!", "?", "…", "-", "–", "/", "|", "\n", "\n\n", "\t", "  ", "\u00a0",
         "\u200b", "\r\n", "Ấn Độ", "ĐẠI", "A", "Z", "x", "0", "9", "#", "&", "<p>", "</p>", "<", ">", "\ufeff"]


PEOPLE = ["Bộ trưởng Quốc phòng Phan Văn Giang", "Đại tướng Phan Văn Giang", "Thủ tướng Phạm Minh Chính",
          "Thượng tướng Khamliang Outhakaysone, Bộ trưởng Quốc phòng Lào", "Tổng Bí thư Tô Lâm", "ông Nguyễn Văn A",
          "Chủ tịch nước", "đoàn đại biểu Bộ Quốc phòng Campuchia", "Đại sứ Lào tại Việt Nam", "Bộ Ngoại giao"]


def vietnamese_like() -> st.SearchStrategy[str]:
    """Runs of the words above, of sentences built like news (date, actor, trigger from the
    resource, recipient, place), and of arbitrary text, in any order."""
    piece = st.one_of(st.sampled_from(WORDS), st.text(max_size=6))
    triggers = st.sampled_from([r["trigger"] for r in resources.load("triggers")])
    sentence = st.tuples(st.sampled_from(["", "Chiều 9/1, ", "Ngày 10/10/2024, ", "Tuần tới, ", "Sáng nay "]),
                         st.sampled_from(PEOPLE), st.sampled_from(["", " đã", " sẽ", " không"]), triggers,
                         st.sampled_from(PEOPLE + [""]), st.sampled_from(["", " tại Hà Nội", " ở Viêng Chăn"]),
                         st.sampled_from([".", "", " (Ảnh: TTXVN).", "\n\n"])
                         ).map(lambda p: f"{p[0]}{p[1]}{p[2]} {p[3]} {p[4]}{p[5]}{p[6]}")
    return st.lists(st.one_of(piece, sentence, sentence), max_size=40).map(lambda parts: " ".join(parts))


def check(a: Analysis) -> None:
    """Every offset inside the clean text, every surface the text it points at."""
    text = a.article.text
    n = len(text)
    assert a.article.doc_id
    for z in a.article.zones:
        assert 0 <= z.start <= z.end <= n, z
    for i, s in enumerate(a.sentences):
        assert s.index == i and 0 <= s.start <= s.end <= n and text[s.start:s.end] == s.text, s
    for m in a.mentions:
        assert 0 <= m.start <= m.end <= n and text[m.start:m.end] == m.surface, m
        assert 0 <= m.sentence < len(a.sentences), m
    for t in a.times:
        assert 0 <= t.start <= t.end <= n and text[t.start:t.end] == t.surface, t
        assert 0 <= t.sentence < len(a.sentences), t
    for e in a.events:
        assert 0 <= e.sentence < len(a.sentences), e
        if e.trigger_start is not None or e.trigger_end is not None:
            assert 0 <= e.trigger_start <= e.trigger_end <= n, e
            assert text[e.trigger_start:e.trigger_end] == e.trigger, e
    for r in a.roles:
        assert 0 <= r.sentence < len(a.sentences), r


@SETTINGS
@given(st.text())
@example("")
@example("\x00\ud7ff\U0010ffff\u2028\u2029\x85\r")
@example("A" * 40 + "!")  # a last line of capitals: the byline pattern backtracked exponentially here
def test_any_text(text):
    check(analyse(Source("x.txt", text)))


@SETTINGS
@given(vietnamese_like(), st.none() | st.sampled_from(["2024-10-10", "2025", "10/10/2024", "hôm qua", "x"]))
@example("Chiều 9/1, Bộ trưởng Phan Văn Giang tiếp Đại tướng Khamliang Outhakaysone tại Hà Nội.", None)
def test_vietnamese_like_text(text, published):
    check(analyse(Source("x.txt", text, published=published)))


@settings(max_examples=EXAMPLES // 2, deadline=None)
@given(vietnamese_like(), st.sampled_from(["<p>", "<div>", "<li>", "<script>", "<!--", "<table><tr><td>", ""]))
def test_any_html(text, tag):
    check(analyse(Source("x.html", f"<html><body>{tag}{text}", is_html=True)))


@SETTINGS
@given(st.binary(max_size=400))
@example(b"\xff\xfe\x00")
@example(b"\xef\xbb\xbf\xa8\xb5")
def test_any_bytes_decode_or_refuse(data):
    try:
        text = decode(data)
    except DecodeError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    check(analyse(Source("x.txt", text)))


@SETTINGS
@given(st.lists(st.sampled_from([b"\xa8", b"\xb5", b"\xf9", b"a\xf9", b"\xd6\xd4\xf8", b"\xcc", b"\xde", b"\xe4",
                                 b"Vie\xe4t", b" ", b"\n", b".", b"H\xb5 N\xe9i", b"\x93", b"\x81"]), max_size=40))
def test_legacy_looking_bytes(parts):
    data = b"".join(parts)
    try:
        text = decode(data)
    except DecodeError:
        return
    check(analyse(Source("x.txt", text)))


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40)
                           | st.sampled_from(WORDS),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                           max_leaves=8)
FIELDS = ["text", "content", "body", "summary", "title", "headline", "url", "link", "published", "date", "source"]


@SETTINGS
@given(st.one_of(st.dictionaries(st.sampled_from(FIELDS), JSON_VALUES, max_size=6), JSON_VALUES))
def test_any_feed_record(record):
    item = from_record("feed.jsonl:1", record)
    if isinstance(item, IngestError):
        assert item.message and "\n" not in item.message
        return
    check(analyse(item))


@settings(max_examples=EXAMPLES // 3, deadline=None)
@given(st.from_regex(r"[A-ZĐ][A-ZĐa-z .,\-–/]{18,58}[!?:]", fullmatch=True))
def test_short_last_lines_are_fast(line):
    """The last lines are tried as bylines: a pattern that backtracks takes minutes on some of them."""
    started = time.perf_counter()
    check(analyse(Source("x.txt", f"Bộ trưởng tiếp đoàn đại biểu.\n\n{line}")))
    assert time.perf_counter() - started < 2.0
