"""stages/events/doers.py: who does a verb."""
from __future__ import annotations

from tests.test_events_holders import _analysed
from tests.test_events import names


def test_a_meeting_told_after_a_main_clause_of_saying_is_the_speakers():
    # the main verb ("khẳng định", "tuyên bố") reports no event of its own: its subject met B
    for said in ("khẳng định sẽ tăng hợp tác", "tuyên bố sẽ khuyến khích doanh nghiệp nước này đầu tư vào Việt Nam"):
        found = _analysed(f"Thủ tướng Sato Kenji {said}, khi hội đàm với Tổng Bí thư Tô Lâm.")
        assert [(names(e.actors), names(e.recipients)) for e in found if e.type == "CONSULT"] == [
            (["Sato Kenji"], ["Tô Lâm"])]
