"""How long pathological inputs take: the timing budgets that tests must not assert.

    PYTHONPATH=. python bench/pathological.py

Each line: what, seconds (CPU of this process), the budget it once blew, ok/SLOW. The tests check
what these inputs produce (tests/test_times.py, tests/test_bad_inputs.py); this says how fast.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from biennien.records import Article, Sentence
from biennien.run import ingest
from biennien.stages import times
from biennien.store import Store


def _times(text: str) -> None:
    article = Article(doc_id="d", source="bench", title=None, text=text, published="2024-10-10",
                      published_precision="day")
    times.find(article, [Sentence("d", 0, 0, len(text), text)])


def _long_article(folder: Path) -> None:
    words = ["Bộ trưởng", "Thủ tướng", "Chủ tịch UBND TP.", "Đại sứ", "Giám đốc Sở"]
    lines = [f"Ngày {i % 28 + 1}/{i % 12 + 1}, {words[i % 5]} Hồ Chí Minh tiếp đoàn công tác số {i} của Th. Nam."
             for i in range(10_000)]
    (folder / "long.txt").write_text("\n".join(lines), encoding="utf-8")
    with Store(str(folder / "kb.db")) as store:
        ingest([str(folder / "long.txt")], store)


def _huge_file(folder: Path) -> None:
    (folder / "huge.txt").write_bytes(b"Ha Noi. " * (50 * 2**20 // 8 + 1))
    with Store(str(folder / "kb2.db")) as store:
        ingest([str(folder / "huge.txt")], store)


def main() -> int:
    slow = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = [("times: 200,000 digits", lambda: _times("2024" * 50_000), 5),
                 ("times: 20,000 dates", lambda: _times("ngày 9/10 " * 20_000), 5),
                 ("times: 100,000 brackets", lambda: _times("(" * 100_000 + "9/10"), 5),
                 ("ingest: one article of 10,000 lines", lambda: _long_article(folder), 60),
                 ("ingest: a 50 MB .txt refused", lambda: _huge_file(folder), 20)]
        for name, run, budget in cases:
            t0 = time.process_time()
            run()
            seconds = time.process_time() - t0
            slow += seconds > budget
            print(f"{name:<40} {seconds:7.2f} s  budget {budget:>3} s  {'ok' if seconds <= budget else 'SLOW'}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
