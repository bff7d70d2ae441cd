"""stages/events/coordinated.py: a governing act of another type joined by "và" after the first one's
content is a second act of the same speaker; what a governing verb governs stays its content."""
from __future__ import annotations

import pytest

from tests.test_events import _analysed, names


def _kept(text: str) -> list:
    return [(e.type, names(e.actors), names(e.recipients)) for e in _analysed("Hôm qua, " + text)]


def test_a_request_joined_after_a_condemnation_is_an_act_of_its_own():
    found = _kept("Bộ Ngoại giao Thổ Nhĩ Kỳ đã lên án quyết định trên của Mỹ, đồng thời gọi đây là hành động "
                  "\" vô trách nhiệm \" và kêu gọi Washington xem xét lại quyết định này.")
    assert ("ACCUSE", ["Bộ Ngoại giao Thổ Nhĩ Kỳ"], ["Mỹ"]) in found
    assert ("REQUEST", ["Bộ Ngoại giao Thổ Nhĩ Kỳ"], ["Washington"]) in found


def test_the_second_act_takes_the_first_ones_speaker():
    found = _kept("Việt Nam kiên quyết phản đối các hoạt động của Đài Loan tại quần đảo Trường Sa và yêu cầu Đài "
                  "Loan không để tái diễn các hành động tương tự.")
    assert [(t, actors) for t, actors, _ in found] == [("ACCUSE", ["Việt Nam"]), ("REQUEST", ["Việt Nam"])]


@pytest.mark.parametrize("text, kept", [
    # a verb of another kind after "và" is still what the first act offers
    ("Nhật Bản sẵn sàng hỗ trợ và hợp tác với Việt Nam.", ["AGREE"]),
    # a governing verb with no "và" before it is the content of the first: the request asks for it
    ("Mỹ đề nghị Hàn Quốc lên án Triều Tiên.", ["REQUEST"]),
    # a comma alone does not join a second act: it lists what is asked for
    ("Mỹ kêu gọi Nga rút quân, cam kết tôn trọng lệnh ngừng bắn.", ["REQUEST"]),
])
def test_what_a_governing_verb_governs_stays_its_content(text, kept):
    assert [t for t, _, _ in _kept(text)] == kept
