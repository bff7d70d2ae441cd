"""Queries that stay fast as the store grows (issue 17) give the answers the plain reads gave.

`who` ranks holders from a few index seeks per role (`role_seen`, migration 5) and reads the
evidence of one page of holders: here it is compared with the reading of every piece of evidence
of the post (the implementation it replaced, kept below as the reference). An actor's mentions and
events are read by walking the newest articles or events where the actor is in many, else by
sorting its own: both plans give the same pages. `role_seen` mirrors `role_evidence` as
resolution rebuilds roles, and an actor's alias counts are its mention count."""
from __future__ import annotations

import json
from datetime import date

import pytest

from biennien import query, tenures
from biennien.checks import _as_date
from biennien.records import EventFilter
from biennien.resolve.roles import title_key
from biennien.run import ingest
from biennien.store import Store, read

from .made_up_news import crowded_feed, feed

POSTS = ["Bộ trưởng Bộ Ngoại giao", "Thủ tướng", "Phó Thủ tướng", "Bộ trưởng Bộ Quốc phòng", "Chủ tịch Quốc hội",
         "Bộ trưởng Bộ Công Thương", "Đại sứ"]
DAYS = ["1975-04-30", "1999-03-05", "2003-07-01", "2010", "2012-05", "2020-02-29", "2021-06-15", "2022", "2024-12-31",
        "2030-01-01", "2041", "5000-01-01"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scale")
    with Store(folder / "kb.db") as store:
        ingest([str(crowded_feed(folder / "crowd.jsonl", 150))], store)
        ingest([str(feed(folder / "news.jsonl", 120))], store)   # a second run: roles rebuilt
        ingest([str(_undated(folder / "undated.jsonl"))], store)   # articles placed only in a period
        assert store.scalar("SELECT count(*) FROM role_seen WHERE span = 1") >= 4
    return folder / "kb.db"


UNDATED_NEWS = [   # made up: office-holders of known tenure date nothing but bound their articles
    "Thủ tướng Nguyễn Xuân Phúc và Bộ trưởng Bộ Ngoại giao Lê Văn Tám tiếp Đại sứ Nhật Bản.",
    "Thủ tướng Phạm Minh Chính và Bộ trưởng Bộ Ngoại giao Trần Văn Chín tiếp Đại sứ Lào.",
    "Chủ tịch Quốc hội Vương Đình Huệ hội kiến Thủ tướng Lào.",
    "Thủ tướng Phạm Minh Chính tiếp Bộ trưởng Bộ Quốc phòng Đỗ Văn Mười.",
]


def _undated(path):
    path.write_text("".join(json.dumps({"url": f"undated-{i}", "title": "Tin", "text": text}, ensure_ascii=False) + "\n"
                            for i, text in enumerate(UNDATED_NEWS)), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def store(db):
    with Store(db, readonly=True) as s:
        yield s


def test_role_seen_mirrors_the_evidence(store):
    seen = store.rows("SELECT role_id, observation_id, date, change, doc_id FROM role_seen ORDER BY 1, 2")
    full = store.rows("SELECT e.role_id, e.observation_id, COALESCE(o.date, d.published, d.period_lo) date, o.change,"
                      " o.doc_id FROM role_evidence e JOIN role_observations o ON o.id = e.observation_id"
                      " JOIN documents d ON d.doc_id = o.doc_id ORDER BY 1, 2")
    assert seen == full and len(seen) > 300
    for r in store.rows("SELECT date, hi FROM role_seen WHERE date IS NOT NULL AND span IS NULL"):
        assert r["hi"] == _as_date(r["date"], end=True).isoformat()
    periods = store.rows("SELECT s.date, s.hi, d.period_lo, d.period_hi FROM role_seen s JOIN documents d USING (doc_id)"
                         " WHERE s.span = 1")
    assert periods and all((r["date"], r["hi"]) == (r["period_lo"], r["period_hi"]) for r in periods)


def test_alias_counts_are_mention_counts(store):
    """read.actor answers `mention_count` from the aliases (a few rows, where mentions are millions)."""
    by_alias = dict(store.db.execute("SELECT actor_id, sum(count) FROM aliases GROUP BY actor_id").fetchall())
    by_mention = dict(store.db.execute("SELECT actor_id, count(*) FROM mentions WHERE actor_id IS NOT NULL"
                                       " GROUP BY actor_id").fetchall())
    assert {a: n for a, n in by_alias.items() if n} == by_mention


def test_events_with_a_stored_participant_name_one(store):
    """read.count_events counts an actor's events from event_actors alone."""
    assert store.scalar("SELECT count(*) FROM event_actors") > 100
    assert store.scalar("SELECT count(*) FROM events e WHERE e.actors = '[]' AND e.recipients = '[]'"
                        " AND EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.event_id)") == 0


def test_a_roles_first_and_last_sightings_are_its_evidence_extent(store):
    """who._far reads them instead of the evidence (migration 7)."""
    stored = store.rows("SELECT role_id, first_observed, last_observed FROM roles ORDER BY role_id")
    seen = {r["role_id"]: r for r in store.rows("SELECT role_id, min(date) first,"
                                                " max(CASE WHEN span = 1 THEN hi ELSE date END) last FROM role_seen"
                                                " WHERE change IS NOT 'end' GROUP BY role_id")}
    assert [(r["first_observed"], r["last_observed"]) for r in stored] == \
        [(seen[r["role_id"]]["first"], seen[r["role_id"]]["last"]) if r["role_id"] in seen else (None, None)
         for r in stored]
    assert sum(r["first_observed"] is not None for r in stored) > 100


def test_who_sets_aside_people_seen_only_far_from_the_date(store, monkeypatch):
    """Far from every holder's evidence, most people are set aside without a seek, and the answer
    is the one the seeks give (the reference below reads every piece of evidence)."""
    from biennien import who

    asked: list[int] = []
    spans = who.seen.spans
    monkeypatch.setattr(who.seen, "spans", lambda s, ids, day: asked.extend(ids) or spans(s, ids, day))
    for on in ("1985-01-01", "2040"):
        asked.clear()
        answer = query.who(store, POSTS[0], None, on, 500)
        roles = store.scalar("SELECT count(*) FROM roles WHERE title_key = ?", (title_key(POSTS[0]),))
        assert len(asked) < roles // 2, (on, len(asked), roles)
        assert answer == _who_by_reading_all(store, POSTS[0], None, on)


@pytest.mark.parametrize("title", POSTS)
def test_who_answers_as_reading_all_the_evidence(store, title):
    for country in (None, "VNM", "LAO"):
        for on in DAYS:
            assert query.who(store, title, country, on, 500) == _who_by_reading_all(store, title, country, on), \
                (title, country, on)


@pytest.mark.parametrize("walk", [0, 10**18])
def test_both_plans_give_the_same_pages(store, monkeypatch, walk):
    actors = [r["actor_id"] for r in store.rows("SELECT actor_id, sum(count) n FROM aliases GROUP BY actor_id"
                                                " ORDER BY n DESC LIMIT 6")]
    expected = {}
    for a in actors:
        total = read.actor(store, a)["mention_count"]
        expected[a] = ([read.mentions_of_actor(store, a, 7, k * 7, total) for k in range(4)],
                       [read.find_events(store, EventFilter(actor_ids=[a]), 9, k * 9, 3) for k in range(4)])
    monkeypatch.setattr(read, "WALK", walk)
    for a in actors:
        total = read.actor(store, a)["mention_count"]
        assert [read.mentions_of_actor(store, a, 7, k * 7, total) for k in range(4)] == expected[a][0]
        assert [read.find_events(store, EventFilter(actor_ids=[a]), 9, k * 9, 3) for k in range(4)] == expected[a][1]
        assert read.count_events(store, EventFilter(actor_ids=[a])) == store.scalar(
            "SELECT count(*) FROM events e WHERE (e.actors != '[]' OR e.recipients != '[]') AND e.event_id IN"
            " (SELECT event_id FROM event_actors WHERE actor_id = ?) AND e.confidence >= ?",
            (a, read.least_confidence("named", None) or 0.0))     # at the default threshold
    whole = read.mentions_of_actor(store, actors[0], 500, 0, 10**9)
    assert whole == read.mentions_of_actor(store, actors[0], 500, 0, None) and len(whole) > 100


# --- the reference: `who` as it was, from every piece of evidence of the post -------------------

SPAN_DAYS, UNDATED = 3653, 10**6


def _distance(on: date, value: str) -> int:
    lo, hi = _as_date(value), _as_date(value, end=True)
    return 0 if lo <= on <= hi else min(abs((on - lo).days), abs((on - hi).days))


def _who_by_reading_all(store, title, country, on):
    day = _as_date(on)
    groups: dict = {}
    for role in read.roles_for_post(store, title_key(title), country):
        people = groups.setdefault(role["country"], {})
        p = people.setdefault(role["actor_id"], {"actor_id": role["actor_id"], "name": role["name"], "observed": set(),
                                                 "starts": set(), "ends": set(), "evidence": []})
        p["observed"].update(role["observed"])
        p["starts"].update(d for d in [role["start"]] if d)
        p["ends"].update(d for d in [role["end"]] if d)
        p["evidence"] += role["evidence"]
        p.setdefault("periods", set()).update(_periods(store, role["role_id"]))
        others = tuple(sorted({r[0] for r in store.db.execute("SELECT title FROM roles WHERE actor_id = ? AND role_id != ?",
                                                             (role["actor_id"], role["role_id"]))}))
        p["terms"] = p.get("terms", set()) | set(tenures.terms(role["title"], role["name"], others))
        p["current"] = p.get("current", False) or bool(store.scalar(
            "SELECT count(*) FROM role_evidence e JOIN role_observations o ON o.id = e.observation_id"
            " WHERE e.role_id = ? AND o.change IS NOT 'end'", (role["role_id"],)))
    ranked = []
    for iso, people in groups.items():
        holders = []
        for p in people.values():
            score = _score(p, people, day)
            if score[0] or SPAN_DAYS < score[3] < UNDATED:
                continue
            observed = sorted(p["observed"], key=_as_date)
            since = min(p["starts"], key=_as_date) if p["starts"] else (observed[0] if observed else None)
            until = max(p["ends"], key=_as_date) if p["ends"] else None
            term = tenures.holds(tuple(sorted(p["terms"])), day)
            if term:
                since, until = term[0].isoformat(), None if term[1] == date.max else term[1].isoformat()
            basis = "record" if term else "former" if not p["current"] else "stated" if p["starts"] or p["ends"] else \
                "dated" if score[3] < UNDATED else "undated"
            p["evidence"].sort(key=lambda e: _distance(day, e["date"]) if e.get("date") else UNDATED)
            holders.append((score, {
                "actor_id": p["actor_id"], "name": p["name"], "country": iso, "since": since, "until": until,
                "last_observed": observed[-1] if observed else None, "basis": basis,
                "evidence": [{k: e[k] for k in ("doc_id", "sentence", "date", "source", "title")}
                             for e in p["evidence"][:5]], "evidence_count": len(p["evidence"])}))
        holders.sort(key=lambda sh: (sh[0], sh[1]["actor_id"]))
        if holders:
            ranked.append(holders)
    ranked.sort(key=lambda hs: (hs[0][0], hs[0][1]["actor_id"]))
    answer = [h for hs in ranked for _, h in hs]
    return {"title": title, "country": country, "on": on, "total": len(answer), "offset": 0, "limit": 500,
            "countries": [hs[0][1]["country"] for hs in ranked], "holders": answer[:500]}


def _periods(store, role_id):
    """The periods of the undated articles a role was seen in (migration 9), its evidence with no date."""
    return {(r[0], r[1]) for r in store.db.execute(
        "SELECT d.period_lo, d.period_hi FROM role_evidence e JOIN role_observations o ON o.id = e.observation_id"
        " JOIN documents d ON d.doc_id = o.doc_id WHERE e.role_id = ? AND o.date IS NULL AND d.published IS NULL"
        " AND d.period_lo IS NOT NULL AND o.change IS NOT 'end'", (role_id,))}


def _period_distance(day, lo, hi):
    """Outside a period, as far as its nearer end; inside, as far as its middle may lie (at most SPAN_DAYS)."""
    lo, hi = _as_date(lo), _as_date(hi)
    return min(((hi - lo).days + 1) // 2, SPAN_DAYS) if lo <= day <= hi else (day - hi).days if hi < day \
        else (lo - day).days


def _score(p, people, day):
    starts = [s for s in p["starts"] if _as_date(s) <= day]
    last_start = max(starts, key=_as_date) if starts else None
    # a period counts from its first day as a sighting on or before the day
    before = [d for d in p["observed"] | {lo for lo, _ in p["periods"]} if _as_date(d) <= day]
    ended = any(_as_date(e, end=True) < day and (last_start is None or _as_date(e) >= _as_date(last_start))
                for e in p["ends"])
    not_yet = bool(p["starts"]) and last_start is None and not before
    last_seen = max([_as_date(d) for d in before] + ([_as_date(last_start)] if last_start else []), default=None)
    superseded = last_seen is not None and any(
        q is not p and any(last_seen < _as_date(d) <= day for d in q["observed"] | q["starts"] | {lo for lo, _ in q["periods"]})
        for q in people.values())
    distance = min([_distance(day, d) for d in p["observed"]] + [_period_distance(day, *s) for s in p["periods"]]
                   or [UNDATED])
    former = not p["current"]
    if p["terms"]:   # a term of public record decides: in office inside it, out of it outside
        term = tenures.holds(tuple(sorted(p["terms"])), day)
        if term is None:
            return (True, former, False, UNDATED, True, False)
        return (False, False, False, distance if SPAN_DAYS < distance < UNDATED else 0, term[1] == day, superseded, distance)
    if last_start and not ended and not superseded:
        distance = 0
    return (ended or not_yet, former, superseded, distance, True)
