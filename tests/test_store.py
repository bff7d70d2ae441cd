import sqlite3

import pytest

from biennien.pipeline import analyse
from biennien.records import Source
from biennien.store import Store, StoreError
from biennien.store.schema import VERSION


def test_schema_wal_foreign_keys_and_version(tmp_path):
    with Store(tmp_path / "kb.db") as store:
        assert store.version() == VERSION
        assert store.scalar("PRAGMA journal_mode") == "wal"
        assert store.scalar("PRAGMA foreign_keys") == 1


def test_same_article_twice_changes_nothing(tmp_path):
    a = analyse(Source("a.txt", "Sáng 10/10, Thủ tướng tiếp đoàn."))
    with Store(tmp_path / "kb.db") as store:
        assert store.add([a]) == [a.article.doc_id]
        assert store.add([analyse(Source("b.txt", "Sáng 10/10, Thủ tướng tiếp đoàn."))]) == []
        assert store.scalar("SELECT count(*) FROM documents") == 1
        assert store.scalar("SELECT count(*) FROM sentences") == 1


def test_every_path_of_a_duplicate_is_kept_within_one_batch_and_across_batches(tmp_path):
    text = "Sáng 10/10, Thủ tướng tiếp đoàn."
    with Store(tmp_path / "kb.db") as store:
        assert len(store.add([analyse(Source(name, text)) for name in ("a.txt", "b.txt")])) == 1
        store.add([analyse(Source("c.txt", text))])
        assert store.scalar("SELECT count(*) FROM documents") == 1
        assert sorted(r["source"] for r in store.rows("SELECT source FROM document_sources")) == ["a.txt", "b.txt", "c.txt"]


def test_fts_is_diacritic_insensitive(tmp_path):
    with Store(tmp_path / "kb.db") as store:
        store.add([analyse(Source("a.txt", "Thượng tướng Khamliang Outhakaysone tiếp đoàn."))])
        assert store.scalar("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'thuong khamliang'") == 1


def test_readonly_store_refuses_writes(tmp_path):
    Store(tmp_path / "kb.db").close()
    with Store(tmp_path / "kb.db", readonly=True) as store:
        with pytest.raises(sqlite3.OperationalError):
            store.db.execute("DELETE FROM documents")


def test_not_a_store(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="bad.db"):
        Store(bad)
    with pytest.raises(StoreError, match="no such knowledge base"):
        Store(tmp_path / "missing.db", readonly=True)


def test_migration_keys_foreign_person_names_without_their_diacritics(tmp_path):
    """A store made before `text.name_key` gets its person keys again: a later "Stephane Dujarric"
    finds the stored "Stéphane Dujarric"."""
    from biennien.store.resolution import actors_by_key
    from biennien.store.schema import MIGRATIONS, REKEY_PERSONS
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript("".join(f"{m}\n" for m in MIGRATIONS[:REKEY_PERSONS - 1]) + f"PRAGMA user_version = {REKEY_PERSONS - 1};")
    db.execute("INSERT INTO actors (actor_id, name, kind, country, key) VALUES (1, 'Stéphane Dujarric', 'person', NULL, 'stéphane dujarric')")
    db.execute("INSERT INTO aliases (actor_id, alias, key, count) VALUES (1, 'Stéphane Dujarric', 'stéphane dujarric', 1)")
    db.commit()
    db.close()
    with Store(path) as store:
        assert [r["actor_id"] for r in actors_by_key(store, "person", "stephane dujarric")] == [1]


def test_migration_gives_roles_the_extent_of_their_evidence(tmp_path):
    """Migration 7: a role's first and last sightings are its evidence's earliest and latest dates
    (not an end of tenure), whatever an older store held; a role seen on no date has none."""
    from biennien.store.schema import MIGRATIONS
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript("".join(f"{m}\n" for m in MIGRATIONS[:6]) + "PRAGMA user_version = 6;")
    db.execute("INSERT INTO documents (doc_id, source, text, published, ingested_at) VALUES"
               " ('d1', 'a', 'x', '2015-03-02', 'now'), ('d2', 'b', 'x', NULL, 'now')")
    db.execute("INSERT INTO actors (actor_id, name, kind, key) VALUES (1, 'Phạm Văn Một', 'person', 'x')")
    db.executemany("INSERT INTO role_observations (id, doc_id, sentence, person, title, date, change) VALUES"
                   " (?, ?, 0, 'Phạm Văn Một', 'Bộ trưởng', ?, ?)",
                   [(1, "d1", None, None), (2, "d1", "2019-07", None), (3, "d1", "2023", "end"), (4, "d2", None, None)])
    db.executemany("INSERT INTO roles (role_id, actor_id, title, title_key, first_observed, last_observed)"
                   " VALUES (?, 1, 'Bộ trưởng', 'bộ trưởng', '1990', '2030')", [(1,), (2,)])
    db.executemany("INSERT INTO role_evidence VALUES (?, ?)", [(1, 1), (1, 2), (1, 3), (2, 4)])
    db.commit()
    db.close()
    with Store(path) as store:
        assert store.rows("SELECT role_id, first_observed, last_observed FROM roles ORDER BY 1") == [
            {"role_id": 1, "first_observed": "2015-03-02", "last_observed": "2019-07"},
            {"role_id": 2, "first_observed": None, "last_observed": None}]


def test_migrates_an_older_store_and_keeps_its_data(tmp_path):
    from biennien.store.schema import MIGRATIONS
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0] + "\nPRAGMA user_version = 1;")
    db.execute("INSERT INTO actors (actor_id, name, kind, country, key) VALUES (1, 'Hoàng Xuân Chiến', 'person', 'VNM', 'x')")
    db.execute("INSERT INTO aliases (actor_id, alias, key, count) VALUES (1, 'Hoàng Xuân Chiến', 'x', 3)")
    db.commit()
    db.close()
    with Store(path) as store:
        assert store.version() == VERSION
        from biennien.store.search import search_actors
        assert [a["name"] for a in search_actors(store, ["hoang", "xuan"], 5)] == ["Hoàng Xuân Chiến"]
    with pytest.raises(StoreError, match="newer than this biennien"):
        db = sqlite3.connect(path)
        db.execute(f"PRAGMA user_version = {VERSION + 1}")
        db.commit()
        db.close()
        Store(path)


# a made-up article nothing dates (no dateline; its president's tenure bounds it to 2016-2018):
# the talks are said on 30 May of no known year (issue 13)
UNDATED = ("Chủ tịch nước hội đàm với Tổng thống Nga\n\nSáng 30-5, tại Hà Nội, Chủ tịch nước Trần Đại Quang đã hội đàm "
           "với Tổng thống Nga Vladimir Putin. Hai bên nhất trí tăng cường hợp tác.")


def undated_db(path):
    """A store of UNDATED, resolved (used by the export, CLI and HTTP tests too)."""
    from biennien import resolve
    with Store(path) as store:
        store.add([analyse(Source("made-up/undated.txt", UNDATED))])
        resolve.run(store)
    return path


def test_an_undated_event_keeps_the_day_its_report_says_without_a_year(tmp_path):
    with Store(undated_db(tmp_path / "u.db"), readonly=True) as store:
        talks = store.rows("SELECT date, date_precision, date_partial FROM events WHERE type = 'CONSULT'")
        assert talks == [{"date": None, "date_precision": None, "date_partial": "--05-30"}]
        # the headline's report says no day; the lead's does, and the event keeps it
        assert sorted(r["date_partial"] or "" for r in store.rows(
            "SELECT date_partial FROM event_mentions WHERE type = 'CONSULT'")) == ["", "--05-30"]
        assert store.rows("SELECT date_partial FROM events WHERE type = 'AGREE'") == [{"date_partial": None}]


def test_migration_adds_the_partial_date_to_an_older_stores_events(tmp_path):
    from biennien.store.schema import MIGRATIONS
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript("\n".join(MIGRATIONS[:9]) + "\nPRAGMA user_version = 9;")
    db.execute("INSERT INTO events (event_id, type, date, date_precision) VALUES (1, 'CONSULT', NULL, NULL)")
    db.commit()
    db.close()
    with Store(path) as store:
        assert store.version() == VERSION
        assert store.rows("SELECT event_id, date, date_partial FROM events") == [
            {"event_id": 1, "date": None, "date_partial": None}]   # made before: nothing to show, nothing made up
        assert "date_partial" in {r["name"] for r in store.rows("PRAGMA table_info(event_mentions)")}
