"""Cleaning: chrome dropped, captions/credits/bylines marked, offsets stable, seeds' tails."""
from __future__ import annotations

import pytest

from biennien.records import Source
from biennien.stages.clean import clean
from biennien.io.read import read

from .conftest import SEEDS


def _zones(article, kind):
    return [article.text[z.start:z.end] for z in article.zones if z.kind == kind]


@pytest.mark.needs_shared
def test_chrome_and_tail_blocks_dropped_from_seed_002():
    (src,) = list(read([str(SEEDS / "002_3f32e1dc35918625.txt")]))
    art = clean(src)
    assert "Tin bài liên quan" not in art.text and "Đọc nhiều" not in art.text
    assert "Petr Tsvetov" not in art.text and "António Guterres" not in art.text
    assert "![]()" not in art.text
    assert all("Ảnh: Nhật Bắc" in c for c in _zones(art, "credit"))


@pytest.mark.needs_shared
def test_seed_001_logo_share_widgets_dateline_byline():
    (src,) = list(read([str(SEEDS / "001_4254b62a75ecaa6d.txt")]))
    art = clean(src)
    for junk in ("Logo báo", "zalo-icon", "viber-icon", "có thể bạn quan tâm", "Ý KIẾN BÌNH LUẬN", "14:45"):
        assert junk not in art.text
    assert art.meta_date == "10/10/2024"
    assert _zones(art, "byline") == ["N.Diệp"]


@pytest.mark.needs_shared
def test_seed_000_captions_deduplicated_credit_and_byline():
    (src,) = list(read([str(SEEDS / "000_328953519ee53bc3.txt")]))
    art = clean(src)
    caption = "Thượng tướng Khamlieng Outhakaysone, Bộ trưởng Quốc phòng Lào tiếp Đoàn đại biểu Bộ Quốc phòng Việt Nam."
    assert art.text.count(caption) == 1
    assert _zones(art, "credit") == ["Ảnh: Hồ Hải", "Ảnh: Hồ Hải"]
    assert _zones(art, "byline") == ["Trần Tuấn, Hồ Hải/VOV-Vientiane"]
    assert _zones(art, "source")[0].startswith("Nguồn VOV")


def test_leading_date_field_is_metadata():
    art = clean(Source("x.txt", " date 2022-06 Sáng 2/6, Thượng tướng A tiếp B."))
    assert art.meta_date == "2022-06" and art.text.startswith("Sáng 2/6")


def test_standalone_credit_marks_previous_line_caption():
    art = clean(Source("x.txt", "Tin chính.\nPaul Whelan, người đang bị giam ở Nga.\nẢnh: Reuters.\nTin tiếp theo dài."))
    assert _zones(art, "caption") == ["Paul Whelan, người đang bị giam ở Nga."]
    assert _zones(art, "credit") == ["Ảnh: Reuters."]


def test_zones_point_into_text_and_html_goes_through_trafilatura():
    html = ("<html><head><title>Tiêu đề</title></head><body><nav>Trang chủ</nav><article><h1>Tiêu đề</h1>"
            "<p>Sáng 10/10, tại Hà Nội, Thủ tướng tiếp đoàn đại biểu cấp cao của nước bạn.</p>"
            "<p>Hai bên nhất trí tăng cường hợp tác trong thời gian tới.</p></article></body></html>")
    art = clean(Source("x.html", html, is_html=True))
    assert "Thủ tướng tiếp" in art.text and "Trang chủ" not in art.text
    assert art.title == "Tiêu đề"
    for z in art.zones:
        assert 0 <= z.start <= z.end <= len(art.text)


def test_broken_html_still_yields_text():
    art = clean(Source("x.html", "<html><body><p>Sáng nay, Bộ trưởng tiếp đoàn đại biểu của tỉnh bạn<di", True))
    assert isinstance(art.text, str)


# --- HTML nested deeper than lxml builds ------------------------------------------------------

DEEP_PARAGRAPH = ("Chiều 12/3, tại Hà Nội, Bộ trưởng Bộ Quốc phòng Phan Văn Giang đã tiếp Đại sứ Lào, hai bên nhất trí "
                  "tăng cường hợp tác đào tạo.")


def _nested(n: int, open_tags: str = "<div>", close_tags: str = "</div>") -> str:
    return ("<html><head><title>Hội đàm quốc phòng</title><script>var x = '<div>';</script></head><body>"
            "<nav><a href='/'>Trang chủ</a></nav>" + open_tags * n + f"<p>{DEEP_PARAGRAPH}</p>" + close_tags * n
            + "</body></html>")


DIV, SPAN_B, TABLE, UNCLOSED = ("<div>", "</div>"), ("<span><b>", "</b></span>"), ("<table><tr><td>", "</table>"), \
    ("<div>", "")


@pytest.mark.parametrize("n,tags", [(1_000, DIV), (10_000, DIV), (100_000, DIV), (10_000, SPAN_B), (10_000, TABLE),
                                    (100_000, UNCLOSED)], ids=["1000", "10000", "100000", "span-b", "table", "unclosed"])
def test_deeply_nested_html_keeps_the_article(n, tags):
    """libxml2 stops building the tree at depth 256 and trafilatura found nothing ("page chrome
    only?"): the flat pass keeps the paragraph, in memory that does not grow with the depth."""
    import tracemalloc

    from biennien.pipeline import analyse

    html = _nested(n, *tags)
    tracemalloc.start()
    article = clean(Source("deep.html", html, is_html=True))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert article.title == "Hội đàm quốc phòng"
    assert article.text == f"Hội đàm quốc phòng\n\n{DEEP_PARAGRAPH}"
    assert peak < 16 * 2**20 + 2 * len(html), peak
    names = {m.name for m in analyse(Source("deep.html", html, is_html=True)).mentions}
    assert "Phan Văn Giang" in names


def test_shallow_html_still_goes_through_trafilatura(monkeypatch):
    from biennien.io import markup

    assert not markup.too_deep(_nested(200)) and markup.too_deep(_nested(300))
    html = _nested(200)  # lxml builds it: trafilatura's extraction, with its metadata
    assert clean(Source("ok.html", html, is_html=True)).text == f"Hội đàm quốc phòng\n\n{DEEP_PARAGRAPH}"
    monkeypatch.setattr(markup, "flat_text", lambda html: pytest.fail("the flat pass on a shallow page"))
    clean(Source("ok.html", html, is_html=True))


def test_deeply_nested_page_through_the_cli(tmp_path):
    from click.testing import CliRunner

    from biennien.cli import app
    from biennien.store import Store

    (tmp_path / "deep.html").write_text(_nested(100_000), encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "deep.html"), "--db", str(tmp_path / "kb.db")])
    # a slow machine may print a progress line first: the summary is a line of its own
    summary = [line for line in result.output.splitlines() if line.startswith("1 new, 0 unchanged, 0 failed")]
    assert result.exit_code == 0 and summary, result.output
    with Store(tmp_path / "kb.db", readonly=True) as store:
        assert DEEP_PARAGRAPH in store.scalar("SELECT text FROM documents")


def test_a_link_to_another_article_is_no_part_of_the_text():
    text = ("Tin chính về cuộc hội đàm giữa hai bộ trưởng.\n\n> > Xem thêm: Nữ phi công tuyệt thực trong nhà tù\n\n"
            "Xem thêm Hai nước tập trận chung trên biển\n\nHai bên ký biên bản ghi nhớ.")
    art = clean(Source("x.txt", text))
    assert "Xem thêm" not in art.text and "tuyệt thực" not in art.text and "Hai bên ký" in art.text
