"""store/resolution.py: roles written as a round changes them, each keeping its id."""
from biennien import resolve
from biennien.pipeline import analyse
from biennien.records import Source
from biennien.store import Store

TEXTS = [("a.txt", "Ngày 10/3/2020, Bộ trưởng Ngô Xuân Lịch tiếp đoàn Lào."),
         ("b.txt", "Ngày 12/5/2021, Bộ trưởng Quốc phòng Ngô Xuân Lịch thăm Campuchia."),
         ("c.txt", "Ngày 2/6/2021, Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản Yamada Takio."),
         ("d.txt", "Ngày 9/7/2021, Bộ trưởng Quốc phòng Ngô Xuân Lịch tiếp Đại sứ Nhật Bản Yamada Takio.")]


def _roles(store: Store) -> dict[int, tuple]:
    """role id -> (what the role is and says, its evidence as (document, sentence))."""
    out = {}
    for r in store.rows('SELECT role_id, a.key, rank, title, title_key, organization, r.country, start, "end",'
                        " first_observed, last_observed, certainty FROM roles r JOIN actors a USING (actor_id)"):
        evidence = store.db.execute("SELECT o.doc_id, o.sentence FROM role_evidence e JOIN role_observations o"
                                    " ON o.id = e.observation_id WHERE e.role_id = ? ORDER BY 1, 2",
                                    (r["role_id"],)).fetchall()
        seen = store.db.execute("SELECT count(*) FROM role_seen WHERE role_id = ?", (r["role_id"],)).fetchone()[0]
        out[r.pop("role_id")] = (tuple(r.values()), tuple(evidence), seen)
    return out


def _store(path, size: int) -> dict[int, tuple]:
    with Store(path) as store:
        history = []
        for name, text in TEXTS:
            store.add([analyse(Source(name, text))])
            resolve.run(store, size=size)
            history.append(_roles(store))
        return history


def test_rounds_update_roles_to_what_one_round_makes_and_ids_stay(tmp_path):
    one = _store(tmp_path / "one.db", 100)[-1]
    rounds = _store(tmp_path / "rounds.db", 1)
    assert sorted(rounds[-1].values()) == sorted(one.values())
    for earlier, later in zip(rounds, rounds[1:]):   # a role that stays keeps its id
        kept = {v[0][:5]: k for k, v in earlier.items()}
        for role_id, v in later.items():
            assert kept.get(v[0][:5], role_id) == role_id


def test_a_short_form_folded_into_a_fuller_one_is_deleted_with_its_evidence(tmp_path):
    rounds = _store(tmp_path / "rounds.db", 1)
    assert len(rounds[0]) == 1 and len(rounds[1]) == 1   # "Bộ trưởng" joins "Bộ trưởng Quốc phòng"
    (first,), (second,) = rounds[0].values(), rounds[1].values()
    assert first[0][3] == "Bộ trưởng" and second[0][4].startswith(first[0][4] + " ")
    assert len(second[1]) == 2 == second[2]   # both sightings its evidence, in role_seen too


def test_events_sharing_seeks_the_month_of_a_type_and_keeps_event_order(tmp_path):
    from biennien.store import resolution as io
    with Store(tmp_path / "kb.db") as store, store.transaction():
        store.db.executemany("INSERT INTO actors (actor_id, name, kind, key) VALUES (?,?,?,?)",
                             [(1, "A", "person", "a"), (2, "B", "person", "b")])
        ids = [io.add_event(store, {"type": t, "date": d, "date_precision": "day", "actors": [{"actor_id": a}],
                                    "recipients": []})
               for t, d, a in [("MEET", "2020-01-05", 1), ("MEET", "2020-01", 2), ("MEET", "2020-02-01", 1),
                               ("ACCUSE", "2020-01-05", 1), ("MEET", "2020-01-31", 1), ("MEET", "2020-011", 1)]]
        found = [r["event_id"] for r in io.events_sharing(store, "MEET", "2020-01", [1, 2])]
        assert found == [ids[0], ids[1], ids[4], ids[5]]   # what LIKE '2020-01%' found, in id order
        assert io.events_sharing(store, "MEET", "2020-01", [2])[0]["event_id"] == ids[1]
