"""Ingest progress where there is no terminal (a log, a notebook, CI): a line every few seconds
with the count, the rate and, when the total is known beforehand, how far along and the time left.
The clock is a fake one: no test here waits or times anything."""
from __future__ import annotations

import io

from click.testing import CliRunner

from biennien import progress
from biennien.cli import app
from biennien.progress import Lines, duration
from biennien.io import feed


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_line_every_few_seconds_with_count_rate_and_time_left():
    out, clock = io.StringIO(), Clock()
    report = Lines(out, total=1000, every=5, clock=clock)
    for _ in range(12):  # 12 seconds, 50 articles a second
        clock.now += 1
        report(50)
    lines = out.getvalue().splitlines()
    assert lines == ["ingest: 250 articles of 1,000 (25%), 50 articles/s, 5 s so far, about 15 s to go",
                     "ingest: 500 articles of 1,000 (50%), 50 articles/s, 10 s so far, about 10 s to go"]


def test_without_a_total_no_percentage_and_no_time_left():
    out, clock = io.StringIO(), Clock()
    report = Lines(out, every=5, clock=clock)
    clock.now += 6
    report(3000)
    assert out.getvalue() == "ingest: 3,000 articles, 500 articles/s, 6 s so far\n"


def test_durations_read_as_time():
    assert [duration(s) for s in (4.4, 65, 3725)] == ["4 s", "1 min 05 s", "1 h 02 min"]


def test_the_total_is_known_for_files_of_one_article(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for name in ("a.txt", "b.html", "sub/c.txt", ".hidden.txt"):
        (folder / name).write_text("Tin.", encoding="utf-8")
    assert feed.count([str(folder)]) == 3  # dot files are passed over, as ingest does
    assert feed.count([str(folder), str(folder / "a.txt")]) == 4
    (folder / "feed.jsonl").write_text('{"text": "Tin."}\n', encoding="utf-8")
    assert feed.count([str(folder)]) is None  # a feed's length is not known before reading it
    assert feed.count(["-"]) is None


def test_ingest_reports_progress_on_a_captured_stderr(tmp_path, monkeypatch):
    """CliRunner's stderr is not a terminal: the plain lines, not a bar."""
    monkeypatch.setattr(progress, "EVERY", 0.0)  # a line for every batch
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text(f"Sáng 10/10, Thủ tướng tiếp đoàn đại biểu số {i}.", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "kb.db"), "-w", "1"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("ingest: ")]
    assert lines and lines[-1].startswith("ingest: 3 articles of 3 (100%), "), result.stderr
    assert "\x1b" not in result.stderr  # no terminal control codes in a log
    quiet = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "kb.db"), "-q"])
    assert quiet.exit_code == 0 and "ingest: " not in quiet.stderr
