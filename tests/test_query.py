"""who / actor / events over a store built from hand-made per-article findings (no NLP involved)."""
from __future__ import annotations

import pytest

from biennien import query as q
from biennien import resolve
from biennien.records import Analysis, Article, EventMention, Mention, Participant, RoleObservation, Sentence
from biennien.store import Store


def _analysis(doc_id: str, published: str, people: list[tuple[str, str, str, str | None, str | None]],
              events: list[EventMention] = ()) -> Analysis:
    """people: (name, title, country, change, change_date)."""
    text = " ".join(f"{n}, {t}." for n, t, *_ in people) or "x"
    art = Article(doc_id=doc_id, source=f"{doc_id}.txt", title=None, text=text, published=published,
                  published_precision="day" if len(published) == 10 else "month")
    a = Analysis(article=art, sentences=[Sentence(doc_id, 0, 0, len(text), text)])
    for name, title, country, change, change_date in people:
        start = text.index(name)
        a.mentions.append(Mention(doc_id, 0, start, start + len(name), name, "person", name, None, [title],
                                  None, country))
        a.roles.append(RoleObservation(doc_id, 0, name, None, title, None, country, published,
                                       change=change, change_date=change_date))
    a.events = list(events)
    return a


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "kb.db") as s:
        s.add([
            _analysis("a" * 16, "2024-10-10", [("Chansamone Chanyalath", "Bộ trưởng Bộ Quốc phòng", "LAO", None, None)]),
            _analysis("b" * 16, "2025-01-09", [("Khamlieng Outhakaysone", "Bộ trưởng Quốc phòng", "LAO", None, None)]),
            _analysis("c" * 16, "2025-10-15", [("Khamliang Outhakaysone", "Bộ trưởng Quốc phòng", "LAO", None, None)],
                      [EventMention("c" * 16, 0, "hội đàm", "CONSULT", "visit", actors=[Participant("Phan Văn Giang", "person", "VNM")],
                                    recipients=[Participant("Khamliang Outhakaysone", "person", "LAO")], date="2025-10-15",
                                    date_precision="day")]),
            _analysis("d" * 16, "2022-06-02", [("Khamlieng Outhakaysone", "Tổng Tham mưu trưởng", "LAO", "start", "2022-02")]),
            _analysis("e" * 16, "2024-03-01", [("Nguyễn Văn A", "Chủ tịch", "VNM", "end", "2024-02")]),
            _analysis("f" * 16, "2023-05-01", [("Nguyễn Văn A", "Chủ tịch", "VNM", None, None)]),
            _analysis("0" * 16, "2024-06-01", [("Trần Văn B", "Chủ tịch", "VNM", None, None)]),
        ])
        resolve.run(s)
        yield s


def test_who_holds_a_post_on_a_date(store):
    assert q.who(store, "Bộ trưởng Quốc phòng", "LAO", "2024-10-10")["holders"][0]["name"] == "Chansamone Chanyalath"
    assert q.who(store, "Bộ trưởng Bộ Quốc phòng", "LAO", "2025-01-09")["holders"][0]["name"] == "Khamlieng Outhakaysone"
    top = q.who(store, "bộ trưởng quốc phòng", "lao", "2025-10-15")["holders"][0]
    assert top["name"].startswith("Kham") and top["evidence"][0]["date"] == "2025-10-15"


def test_who_uses_stated_start_and_end(store):
    staff = q.who(store, "Tổng Tham mưu trưởng", "LAO", "2022-03-01")["holders"][0]
    assert staff["name"] == "Khamlieng Outhakaysone" and staff["since"] == "2022-02"
    chair = q.who(store, "Chủ tịch", "VNM", "2024-05-01")["holders"]
    assert chair[0]["name"] == "Trần Văn B"


def test_spellings_are_one_actor(store):
    a = q.actor(store, "Khamliang")
    assert a["name"] == "Khamlieng Outhakaysone" and a["aliases"] == ["Khamliang Outhakaysone"]
    assert a["country"] == "LAO" and len(a["roles"]) == 2
    assert a["events"][0]["type"] == "CONSULT"


def test_events_filters_and_errors(store):
    assert len(q.events(store, actor="Phan Văn Giang", type="CONSULT", since="2025")) == 1
    assert q.events(store, country="LAO", until="2024") == []
    with pytest.raises(q.QueryError, match="unknown event type"):
        q.events(store, type="MEET")
    with pytest.raises(q.QueryError, match="YYYY"):
        q.events(store, since="yesterday")
    with pytest.raises(q.QueryError, match="alpha-3"):
        q.who(store, "Thủ tướng", "Lào", "2024-01-01")
    with pytest.raises(q.QueryError, match="no actor"):
        q.actor(store, "Nobody Here")


def test_timeline_and_search(store):
    t = q.timeline(store, "Khamlieng Outhakaysone")
    dates = [i["date"] for i in t["items"]]
    assert dates == sorted(dates) and any(i["kind"] == "event" for i in t["items"])
    found = q.search(store, "khamliang")
    assert found["actors"][0]["name"] == "Khamlieng Outhakaysone"


def test_actor_by_rank_or_honorific_and_last_word(store):
    assert q.actor(store, "Tướng B")["name"] == "Trần Văn B"
    assert q.actor(store, "ông B")["name"] == "Trần Văn B"
    with pytest.raises(q.NotFound):
        q.actor(store, "Tướng Zzz")


def test_a_country_name_answers_the_country_not_a_body_named_after_it(tmp_path):
    text = "Quân đội Trung Quốc tập trận. Quân đội Trung Quốc diễn tập. Trung Quốc phản đối."
    art = Article(doc_id="c1", source="c1.txt", title=None, text=text, published="2025-01-01",
                  published_precision="day")
    a = Analysis(article=art, sentences=[Sentence("c1", 0, 0, len(text), text)])
    for surface, kind, nth in (("Quân đội Trung Quốc", "organization", 0), ("Quân đội Trung Quốc", "organization", 1),
                               ("Trung Quốc", "country", 2)):
        start = [i for i in range(len(text)) if text.startswith(surface, i)][nth] if kind == "organization" \
            else text.rindex(surface)
        a.mentions.append(Mention("c1", 0, start, start + len(surface), surface, kind, surface, country="CHN"))
    with Store(tmp_path / "kb.db") as s:
        s.add([a])
        resolve.run(s)
        found = q.find_actor(s, "Trung Quốc")
        assert (found["name"], found["kind"]) == ("Trung Quốc", "country")
        assert q.find_actor(s, "Quân đội Trung Quốc")["kind"] == "organization"


def test_who_without_country_answers_per_country_and_only_inside_the_evidence(tmp_path):
    with Store(tmp_path / "kb.db") as s:
        s.add([_analysis("g" * 16, "2017-06-01", [("Emmanuel Macron", "Tổng thống", "FRA", None, None)]),
               _analysis("h" * 16, "2018-06-01", [("Donald Trump", "Tổng thống", "USA", None, None)]),
               _analysis("i" * 16, "1995-06-01", [("Jacques Chirac", "Tổng thống", "FRA", None, None)])])
        resolve.run(s)
        answer = q.who(s, "Tổng thống", None, "2017-09-01")   # Macron seen nearer the date than Trump; Chirac too far
        assert answer["countries"] == ["FRA", "USA"]
        assert [(h["name"], h["country"]) for h in answer["holders"]] == [("Emmanuel Macron", "FRA"),
                                                                          ("Donald Trump", "USA")]
        # a holder seen in 1995 only is no answer for 2018, nor anyone for 1945
        assert q.who(s, "Tổng thống", "FRA", "1945-05-08")["holders"] == []
        assert q.who(s, "Tổng thống", "FRA")["on"]   # --on defaults to today


def test_who_keeps_a_holder_whose_evidence_has_no_date_last(tmp_path):
    with Store(tmp_path / "kb.db") as s:
        a = _analysis("j" * 16, "2017-06-01", [("Emmanuel Macron", "Tổng thống", "FRA", None, None)])
        a.article.published = a.article.published_precision = None
        a.roles[0].date = a.roles[0].date_precision = None
        s.add([a])
        resolve.run(s)
        assert [h["name"] for h in q.who(s, "Tổng thống", "FRA", "2017-09-01")["holders"]] == ["Emmanuel Macron"]


def _undated(doc_id: str, name: str, title: str, country: str, period: tuple[str, str]) -> Analysis:
    a = _analysis(doc_id, "2000-01-01", [(name, title, country, None, None)])
    a.article.published = a.article.published_precision = None
    a.article.period = period
    a.roles[0].date = a.roles[0].date_precision = None
    return a


def test_who_reads_an_undated_articles_period(tmp_path):
    """Two holders seen only in undated articles, each placed by its text in a period: on a day in
    one period its holder is the answer, with no date of evidence made up ("since" stays unknown);
    a holder seen on a day near the question outranks a period that merely contains it."""
    with Store(tmp_path / "kb.db") as s:
        s.add([_undated("n" * 16, "Trần Văn Cũ", "Tổng Bí thư", "VNM", ("2011-01-19", "2024-07-19")),
               _undated("p" * 16, "Lê Văn Mới", "Tổng Bí thư", "VNM", ("2024-08-03", "2026-04-07"))])
        resolve.run(s)
        late = q.who(s, "Tổng Bí thư", "VNM", "2025-10-06")["holders"]
        assert [h["name"] for h in late] == ["Lê Văn Mới", "Trần Văn Cũ"] and late[0]["since"] is None
        assert q.who(s, "Tổng Bí thư", "VNM", "2016-05-01")["holders"][0]["name"] == "Trần Văn Cũ"
        s.add([_analysis("q" * 16, "2016-04-20", [("Phạm Văn Gần", "Tổng Bí thư", "VNM", None, None)])])
        resolve.run(s)
        assert q.who(s, "Tổng Bí thư", "VNM", "2016-05-01")["holders"][0]["name"] == "Phạm Văn Gần"


def test_who_holds_a_stated_tenure_while_it_is_fresh_then_prefers_the_nearer_holder(tmp_path):
    """A start stated in 2016 with no end is held for a term past its last evidence; ten years on, a
    holder seen four days after the date is the answer."""
    with Store(tmp_path / "kb.db") as s:
        s.add([_analysis("k" * 16, "2016-04-02", [("Trần Văn Đông", "Chủ tịch nước", "VNM", "start", "2016-04-02")]),
               _analysis("m" * 16, "2026-05-12", [("Lê Văn Tây", "Chủ tịch nước", "VNM", None, None)])])
        resolve.run(s)
        assert q.who(s, "Chủ tịch nước", "VNM", "2019-06-01")["holders"][0]["name"] == "Trần Văn Đông"
        assert q.who(s, "Chủ tịch nước", "VNM", "2026-05-08")["holders"][0]["name"] == "Lê Văn Tây"


def test_events_without_participants_are_kept_but_hidden(tmp_path):
    """An event nobody is named in stays in the store, out of the lists unless asked for."""
    lone = EventMention("9" * 16, 0, "tấn công", "ASSAULT", None, date="2025-02-01", date_precision="day")
    with Store(tmp_path / "kb.db") as s:
        s.add([_analysis("9" * 16, "2025-02-01", [("Trần Văn B", "Chủ tịch", "VNM", None, None)], [lone])])
        resolve.run(s)
        assert q.events(s) == [] and q.events_total(s) == 0
        hidden = q.events(s, participants="none")
        assert [e["type"] for e in hidden] == ["ASSAULT"] and hidden[0]["attributed"] is False
        assert q.events_total(s, participants="any") == 1 and q.stats(s)["events_unattributed"] == 1
        with pytest.raises(q.QueryError, match="participants"):
            q.events(s, participants="some")




def test_who_window_is_held_inside_the_calendar():
    # a question about year 5 with evidence 2,000 years away once overflowed date arithmetic
    from datetime import date
    from biennien import who
    assert who._shift(date(5, 1, 1), -800_000) == date.min
    assert who._shift(date(9998, 12, 31), 800_000) == date.max
    assert who._shift(date(2024, 1, 1), 31) == date(2024, 2, 1)
