"""stages/events/holders.py: office titles standing for the persons who hold them."""
from __future__ import annotations

from biennien.pipeline import analyse
from biennien.records import Source
from tests.test_events import names


def _analysed(text: str, published: str = "2017-12-06"):
    return [e for e in analyse(Source(source="x.txt", raw="Tin\n\n" + text, published=published)).events
            if not e.negated]


def test_a_title_and_country_stand_for_the_holder_of_public_record_the_article_names_without_it():
    # "ông Trump" carries no title here; the tenures of public record hold him in the post
    found = _analysed("Ông Trump ngày 5/12 nói với các lãnh đạo Israel về Jerusalem.\n\n"
                      "Tổng thống Palestine Mahmoud Abbas đã nhận được điện đàm của Tổng thống Mỹ.")
    assert [(names(e.actors), names(e.recipients)) for e in found if e.type == "CONSULT"] == [
        (["Trump"], ["Mahmoud Abbas"])]


def test_a_person_the_record_knows_in_no_such_post_stands_for_no_title():
    found = _analysed("Phát ngôn viên Nhà Trắng Sarah Sanders cho hay ông Mark Kowal sẽ tới.\n\n"
                      "Tổng thống Palestine Mahmoud Abbas đã nhận được điện đàm của Tổng thống Mỹ.")
    assert [(names(e.actors), names(e.recipients)) for e in found if e.type == "CONSULT"] == [
        (["Mỹ"], ["Mahmoud Abbas"])]


def test_a_former_title_and_country_stand_for_the_former_holder_among_two():
    found = _analysed("Cựu ngoại trưởng Mỹ chỉ trích Tổng thống Donald Trump.\n\n"
                      "Cựu ngoại trưởng Rex Tillerson nói trong khi Ngoại trưởng Mike Pompeo im lặng.", "2018-12-08")
    assert [(names(e.actors), names(e.recipients)) for e in found if e.type == "ACCUSE"] == [
        (["Rex Tillerson"], ["Donald Trump"])]
