"""Fixtures for the API and browser tests: the seed store plus three small made-up articles.

The seeds give the real pipeline's output (which grows as the stages land); the made-up articles
carry hand-made findings (persons, a rank change, a stated start, met-with events, a planned
signing, a caption credit and a `<script>` in the text) so every page has something to show and
the escaping can be checked whatever the stages find. Their text is written for these tests.
"""
from __future__ import annotations

import functools
import socket
import threading
import time
from pathlib import Path

from biennien.records import (Analysis, Article, EventMention, Mention, Participant, RoleObservation, Sentence,
                              TimeExpr, Zone)

from .conftest import SEEDS

XSS = '<script>alert("xss")</script>'
ARTICLES = [
    ("5e0000000000aa01", "2024-03-12", "Bộ trưởng Nguyễn Minh Khôi tiếp Đại sứ Somsak Vongphachanh",
     "Bộ trưởng Nguyễn Minh Khôi tiếp Đại sứ Somsak Vongphachanh\n\n"
     "Sáng 12/3, tại Hà Nội, Bộ trưởng Bộ Ngoại giao Nguyễn Minh Khôi đã tiếp Đại sứ Lào Somsak Vongphachanh.\n\n"
     "Hai bên nhất trí sẽ ký kết bản ghi nhớ về đào tạo cán bộ vào tháng 6/2024.\n\n"
     f"Đại sứ đọc một thư bạn đọc gửi tới có dòng {XSS} và <img src=x onerror=alert(2)> làm ví dụ.\n\n"
     "Ảnh: Trần Văn Ảnh/TTXVN"),
    ("5e0000000000aa02", "2025-02-20", "Phó Thủ tướng Nguyễn Minh Khôi hội đàm tại Vientiane",
     "Phó Thủ tướng Nguyễn Minh Khôi hội đàm tại Vientiane\n\n"
     "Chiều 20/2, tại Vientiane, Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao Nguyễn Minh Khôi hội đàm với "
     "Phó Thủ tướng Lào Bounmy Keomany.\n\n"
     "Ông Nguyễn Minh Khôi được bổ nhiệm giữ chức Phó Thủ tướng (tháng 1/2025).\n\n"
     "Cùng ngày, Trung tướng Lê Quang Hào, Tư lệnh Quân khu 9, tiếp Đại sứ Somsak Vongphachanh.\n\n"
     "Phóng viên: Minh Anh"),
    ("5e0000000000aa03", "2023-09-05", "Thiếu tướng Lê Quang Hào tiếp đoàn Bộ Quốc phòng Campuchia",
     "Thiếu tướng Lê Quang Hào tiếp đoàn Bộ Quốc phòng Campuchia\n\n"
     "Ngày 5/9, Thiếu tướng Lê Quang Hào, Phó Tư lệnh Quân khu 9, tiếp đoàn Bộ Quốc phòng Campuchia "
     "do Đại tướng Hun Vathana dẫn đầu.\n\n"
     "Hai bên trao đổi về hợp tác quản lý biên giới."),
]


def _at(text: str, surface: str, after: int = 0) -> tuple[int, int]:
    start = text.index(surface, after)
    return start, start + len(surface)


def _analysis(doc_id: str, published: str, title: str, text: str) -> Analysis:
    art = Article(doc_id=doc_id, source=f"made-up/{doc_id}.txt", title=title, text=text, published=published,
                  published_precision="day", outlet="test")
    a = Analysis(article=art)
    pos = 0
    for i, para in enumerate(p for p in text.split("\n\n")):
        a.sentences.append(Sentence(doc_id, i, pos, pos + len(para), para, is_caption=para.startswith(("Ảnh:",))))
        pos += len(para) + 2
    art.zones.append(Zone(0, len(title), "title"))
    last = a.sentences[-1]
    if last.text.startswith("Ảnh:"):
        art.zones.append(Zone(last.start, last.end, "credit"))
    if last.text.startswith("Phóng viên:"):
        art.zones.append(Zone(last.start, last.end, "byline"))
    return a


def _sentence(a: Analysis, offset: int) -> int:
    return next(s.index for s in a.sentences if s.start <= offset < s.end)


def _mention(a: Analysis, surface: str, kind: str, name: str, country: str | None, after: int = 0,
             rank: str | None = None, titles: tuple = ()) -> None:
    start, end = _at(a.article.text, surface, after)
    a.mentions.append(Mention(a.article.doc_id, _sentence(a, start), start, end, surface, kind, name, rank,
                              list(titles), None, country))


def _time(a: Analysis, surface: str, value: str, precision: str, tense: str = "past") -> None:
    start, end = _at(a.article.text, surface)
    a.times.append(TimeExpr(a.article.doc_id, _sentence(a, start), start, end, surface, value, precision,
                            tense=tense))


def _event(a: Analysis, trigger: str, type: str, actors: list, recipients: list, date: str, after: int = 0,
           place: str | None = None, planned: dict | None = None, cameo: str = "040") -> None:
    start, end = _at(a.article.text, trigger, after)
    a.events.append(EventMention(a.article.doc_id, _sentence(a, start), trigger, type, "visit", [], cameo,
                                 [Participant(*p) for p in actors], [Participant(*p) for p in recipients], place,
                                 date, "day" if len(date) == 10 else "month", planned, trigger_start=start,
                                 trigger_end=end))


def _role(a: Analysis, near: str, person: str, rank, title, country, date, change=None, change_date=None) -> None:
    sentence = _sentence(a, a.article.text.index(near))
    a.roles.append(RoleObservation(a.article.doc_id, sentence, person, rank, title, None, country, date, "day",
                                   change, change_date))


KHOI, SOMSAK, BOUNMY = ("Nguyễn Minh Khôi", "person", "VNM"), ("Somsak Vongphachanh", "person", "LAO"), \
    ("Bounmy Keomany", "person", "LAO")
HAO, HUN, MOD_KHM = ("Lê Quang Hào", "person", "VNM"), ("Hun Vathana", "person", "KHM"), \
    ("Bộ Quốc phòng Campuchia", "organization", "KHM")


def made_up() -> list[Analysis]:
    """The three made-up articles with their hand-made findings."""
    one, two, three = (_analysis(*row) for row in ARTICLES)
    body = one.article.text.index("Sáng")
    _time(one, "Sáng 12/3", "2024-03-12", "day")
    _time(one, "tháng 6/2024", "2024-06", "month", "future")
    _mention(one, "Hà Nội", "location", "Hà Nội", "VNM", body)
    _mention(one, "Nguyễn Minh Khôi", "person", KHOI[0], "VNM", body, titles=("Bộ trưởng Bộ Ngoại giao",))
    _mention(one, "Lào", "country", "Lào", "LAO", body)
    _mention(one, "Somsak Vongphachanh", "person", SOMSAK[0], "LAO", body, titles=("Đại sứ",))
    _event(one, "tiếp", "CONSULT", [KHOI], [SOMSAK], "2024-03-12", body, place="Hà Nội")
    _event(one, "ký kết", "AGREE", [KHOI], [SOMSAK], "2024-06", planned={"start": "2024-06", "end": None},
           cameo="057")
    _role(one, "Bộ trưởng Bộ Ngoại giao", KHOI[0], None, "Bộ trưởng Bộ Ngoại giao", "VNM", "2024-03-12")
    _role(one, "Đại sứ Lào", SOMSAK[0], None, "Đại sứ", "LAO", "2024-03-12")

    body = two.article.text.index("Chiều")
    _time(two, "Chiều 20/2", "2025-02-20", "day")
    _time(two, "tháng 1/2025", "2025-01", "month")
    _mention(two, "Vientiane", "location", "Vientiane", "LAO", body)
    _mention(two, "Nguyễn Minh Khôi", "person", KHOI[0], "VNM", body, titles=("Phó Thủ tướng",))
    _mention(two, "Bounmy Keomany", "person", BOUNMY[0], "LAO", body, titles=("Phó Thủ tướng",))
    _mention(two, "Nguyễn Minh Khôi", "person", KHOI[0], "VNM", two.article.text.index("Ông"))
    _mention(two, "Lê Quang Hào", "person", HAO[0], "VNM", body, rank="Trung tướng", titles=("Tư lệnh",))
    _mention(two, "Somsak Vongphachanh", "person", SOMSAK[0], "LAO", body, titles=("Đại sứ",))
    _event(two, "hội đàm", "CONSULT", [KHOI], [BOUNMY], "2025-02-20", body, place="Vientiane")
    _event(two, "tiếp", "CONSULT", [HAO], [SOMSAK], "2025-02-20", two.article.text.index("Cùng"), place="Vientiane")
    _role(two, "Chiều 20/2", KHOI[0], None, "Phó Thủ tướng", "VNM", "2025-02-20")
    _role(two, "Chiều 20/2", KHOI[0], None, "Bộ trưởng Bộ Ngoại giao", "VNM", "2025-02-20")
    _role(two, "Chiều 20/2", BOUNMY[0], None, "Phó Thủ tướng", "LAO", "2025-02-20")
    _role(two, "được bổ nhiệm", KHOI[0], None, "Phó Thủ tướng", "VNM", "2025-02-20", "start", "2025-01")
    _role(two, "Cùng ngày", HAO[0], "Trung tướng", "Tư lệnh Quân khu 9", "VNM", "2025-02-20")

    body = three.article.text.index("Ngày")
    _time(three, "Ngày 5/9", "2023-09-05", "day")
    _mention(three, "Lê Quang Hào", "person", HAO[0], "VNM", body, rank="Thiếu tướng", titles=("Phó Tư lệnh",))
    _mention(three, "Bộ Quốc phòng Campuchia", "organization", MOD_KHM[0], "KHM", body)
    _mention(three, "Hun Vathana", "person", HUN[0], "KHM", body, rank="Đại tướng")
    _event(three, "tiếp", "CONSULT", [HAO], [MOD_KHM, HUN], "2023-09-05", body)
    _role(three, "Ngày 5/9", HAO[0], "Thiếu tướng", "Phó Tư lệnh Quân khu 9", "VNM", "2023-09-05")
    return [one, two, three]


SEED_ERRORS: list[str] = []


@functools.cache
def build_web_db(folder: str) -> Path:
    """The seeds ingested by the real pipeline, then the made-up articles, then resolution."""
    from biennien import resolve
    from biennien.run import ingest
    from biennien.store import Store

    path = Path(folder) / "web.db"
    with Store(path) as store:
        summary = ingest([str(SEEDS)], store)
        # stages under construction may fail an article: the pages must still work, so go on
        SEED_ERRORS.extend(summary.errors)
        store.add(made_up())
        resolve.run(store)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """A real uvicorn server on 127.0.0.1 in a thread, over `create_app(db)`."""

    def __init__(self, db: Path):
        import uvicorn

        from biennien.http import create_app

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=self.port,
                                                    log_level="warning", access_log=False))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)
