"""stages/events/voices.py: a state's act of speech is said by the official the article quotes."""
from __future__ import annotations

from biennien.records import TitleClaim
from biennien.stages import events
from tests.test_events import article, mention, names

SPOKESPERSON = TitleClaim("Người phát ngôn Bộ Ngoại giao", "Bộ Ngoại giao Trung Hoa")


def _requests(text: str, parties, claims: dict[str, list[TitleClaim]]) -> list[tuple[list[str], list[str]]]:
    art, ss = article(text)
    ms = []
    for surface, kind, country in parties:
        for nth in range(art.text.count(surface)):
            m = mention(art, ss, surface, kind, country, nth=nth)
            m.title_claims = list(claims.get(surface, ()))
            ms.append(m)
    return [(names(e.actors), names(e.recipients)) for e in events.find(art, ss, ms, [])
            if e.type == "REQUEST" and not e.negated]


STORY = ("Trung Hoa yêu cầu Singapore tôn trọng lập trường về Biển Đông.\n\n"
         "\"Chúng tôi hy vọng Singapore giữ lập trường khách quan\", Người phát ngôn Hoa Mai Lan nói.")
PARTIES = [("Trung Hoa", "country", "CHN"), ("Singapore", "country", "SGP"), ("Hoa Mai Lan", "person", "CHN"),
           ("Bộ Ngoại giao Trung Hoa", "organization", "CHN")]


def test_a_states_request_is_said_by_its_spokesperson():
    found = _requests(STORY, PARTIES, {"Hoa Mai Lan": [SPOKESPERSON]})
    assert found == [(["Hoa Mai Lan"], ["Singapore"])]


def test_a_quoted_scholar_or_a_former_official_is_no_voice_of_the_state():
    scholar = [TitleClaim("Giám đốc Trung tâm nghiên cứu", None)]
    assert _requests(STORY, PARTIES, {"Hoa Mai Lan": scholar}) == [(["Trung Hoa"], ["Singapore"])]
    former = [TitleClaim("Người phát ngôn Bộ Ngoại giao", "Bộ Ngoại giao Trung Hoa", past=True)]
    assert _requests(STORY, PARTIES, {"Hoa Mai Lan": former}) == [(["Trung Hoa"], ["Singapore"])]


def test_a_voice_named_after_the_words_that_quote_it():
    text = ("Trung Hoa yêu cầu Singapore tôn trọng lập trường về Biển Đông.\n\n"
            "Báo Straits Times dẫn lời bà Hoa Mai Lan nhận định như vậy.")
    assert _requests(text, PARTIES, {"Hoa Mai Lan": [SPOKESPERSON]}) == [(["Hoa Mai Lan"], ["Singapore"])]


def test_two_officials_quoted_as_often_leave_the_state():
    text = STORY + "\n\nThứ trưởng Lý Minh cho biết Trung Hoa sẽ theo dõi."
    claims = {"Hoa Mai Lan": [SPOKESPERSON], "Lý Minh": [TitleClaim("Thứ trưởng Ngoại giao", None)]}
    found = _requests(text, [*PARTIES, ("Lý Minh", "person", "CHN")], claims)
    assert found == [(["Trung Hoa"], ["Singapore"])]


def test_a_request_made_to_the_voice_keeps_the_state():
    text = ("Trung Hoa yêu cầu bà Hoa Mai Lan từ chức.\n\n"
            "Bà Hoa Mai Lan cho biết sẽ cân nhắc.")
    assert _requests(text, PARTIES, {"Hoa Mai Lan": [SPOKESPERSON]}) == [(["Trung Hoa"], ["Hoa Mai Lan"])]


def test_a_body_speaks_only_through_a_holder_of_a_post_in_it():
    text = ("Bộ Ngoại giao Trung Hoa yêu cầu Singapore tôn trọng lập trường.\n\n"
            "Bộ trưởng Quốc phòng Lý Minh cho biết quân đội đã sẵn sàng.")
    claims = {"Lý Minh": [TitleClaim("Bộ trưởng Quốc phòng", "Bộ Quốc phòng Trung Hoa")]}
    found = _requests(text, [*PARTIES, ("Lý Minh", "person", "CHN")], claims)
    assert found == [(["Bộ Ngoại giao Trung Hoa"], ["Singapore"])]


def test_a_capital_speaks_as_its_state_but_another_city_does_not():
    capital = STORY.replace("Trung Hoa yêu cầu", "Bắc Kinh yêu cầu", 1)
    parties = [*PARTIES, ("Bắc Kinh", "location", "CHN"), ("Thượng Hải", "location", "CHN")]
    assert _requests(capital, parties, {"Hoa Mai Lan": [SPOKESPERSON]}) == [(["Hoa Mai Lan"], ["Singapore"])]
    city = STORY.replace("Trung Hoa yêu cầu", "Thượng Hải yêu cầu", 1)
    assert _requests(city, parties, {"Hoa Mai Lan": [SPOKESPERSON]}) == [(["Thượng Hải"], ["Singapore"])]
