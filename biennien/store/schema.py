"""The schema as an ordered list of migrations; `PRAGMA user_version` is the version applied.

Append a migration to change the schema; never edit one that has shipped.
"""
from __future__ import annotations

# Every piece of role evidence as role_seen holds it (migration 5): its date, the last day of that
# date (`hi`: a year's 31 December, a month's last day), a stated start or end, the article.
ROLE_SEEN = """SELECT role_id, observation_id, x.date, CASE length(x.date) WHEN 4 THEN x.date || '-12-31'
               WHEN 7 THEN date(x.date || '-01', '+1 month', '-1 day') ELSE x.date END, x.change, x.doc_id
        FROM (SELECT e.role_id, e.observation_id, COALESCE(o.date, d.published) date, o.change, o.doc_id
              FROM role_evidence e JOIN role_observations o ON o.id = e.observation_id
              JOIN documents d ON d.doc_id = o.doc_id) x"""

MIGRATIONS: list[str] = [
    # 1: documents, sentences with full-text search, and the tables later stages fill.
    """
    CREATE TABLE documents (
        doc_id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        title TEXT,
        text TEXT NOT NULL,
        published TEXT,
        published_precision TEXT CHECK (published_precision IN ('day', 'month', 'year')),
        outlet TEXT,
        url TEXT,
        ingested_at TEXT NOT NULL,
        resolved INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX documents_published ON documents(published);
    CREATE INDEX documents_unresolved ON documents(resolved) WHERE resolved = 0;

    -- every source an article was read from (the same text under two paths is one document)
    CREATE TABLE document_sources (
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        PRIMARY KEY (doc_id, source)
    ) WITHOUT ROWID;

    CREATE TABLE zones (
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        kind TEXT NOT NULL
    );
    CREATE INDEX zones_doc ON zones(doc_id);

    CREATE TABLE sentences (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        is_caption INTEGER NOT NULL DEFAULT 0,
        UNIQUE (doc_id, idx)
    );
    CREATE VIRTUAL TABLE sentences_fts USING fts5(
        text, content='sentences', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
    CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
        INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
        INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;

    CREATE TABLE actors (
        actor_id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'country', 'location')),
        country TEXT,
        key TEXT NOT NULL
    );
    CREATE INDEX actors_key ON actors(kind, key);
    CREATE INDEX actors_name ON actors(name COLLATE NOCASE);

    CREATE TABLE aliases (
        actor_id INTEGER NOT NULL REFERENCES actors(actor_id) ON DELETE CASCADE,
        alias TEXT NOT NULL,
        key TEXT NOT NULL,
        count INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (actor_id, alias)
    ) WITHOUT ROWID;
    CREATE INDEX aliases_key ON aliases(key);

    CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        sentence INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        surface TEXT NOT NULL,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        rank TEXT,
        titles TEXT NOT NULL DEFAULT '[]',
        organization TEXT,
        country TEXT,
        in_caption INTEGER NOT NULL DEFAULT 0,
        actor_id INTEGER REFERENCES actors(actor_id)
    );
    CREATE INDEX mentions_doc ON mentions(doc_id);
    CREATE INDEX mentions_actor ON mentions(actor_id);

    CREATE TABLE time_exprs (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        sentence INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        surface TEXT NOT NULL,
        value TEXT,
        precision TEXT,
        kind TEXT NOT NULL,
        value_end TEXT,
        tense TEXT
    );
    CREATE INDEX time_exprs_doc ON time_exprs(doc_id);

    CREATE TABLE events (
        event_id INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        mode TEXT,
        context TEXT NOT NULL DEFAULT '[]',
        cameo TEXT,
        date TEXT,
        date_precision TEXT,
        location TEXT,
        planned TEXT,
        actors TEXT NOT NULL DEFAULT '[]',
        recipients TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX events_date ON events(date);
    CREATE INDEX events_type ON events(type);

    CREATE TABLE event_actors (
        event_id INTEGER NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
        actor_id INTEGER NOT NULL REFERENCES actors(actor_id),
        role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
        PRIMARY KEY (event_id, actor_id, role)
    ) WITHOUT ROWID;
    CREATE INDEX event_actors_actor ON event_actors(actor_id);

    CREATE TABLE event_mentions (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        sentence INTEGER NOT NULL,
        trigger TEXT NOT NULL,
        trigger_start INTEGER,
        trigger_end INTEGER,
        type TEXT NOT NULL,
        mode TEXT,
        context TEXT NOT NULL DEFAULT '[]',
        cameo TEXT,
        actors TEXT NOT NULL DEFAULT '[]',
        recipients TEXT NOT NULL DEFAULT '[]',
        place TEXT,
        date TEXT,
        date_precision TEXT,
        planned TEXT,
        negated INTEGER NOT NULL DEFAULT 0,
        reported INTEGER NOT NULL DEFAULT 0,
        event_id INTEGER REFERENCES events(event_id)
    );
    CREATE INDEX event_mentions_doc ON event_mentions(doc_id);
    CREATE INDEX event_mentions_event ON event_mentions(event_id);

    CREATE TABLE role_observations (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        sentence INTEGER NOT NULL,
        person TEXT NOT NULL,
        rank TEXT,
        title TEXT,
        organization TEXT,
        country TEXT,
        date TEXT,
        date_precision TEXT,
        change TEXT CHECK (change IN ('start', 'end')),
        change_date TEXT,
        actor_id INTEGER REFERENCES actors(actor_id)
    );
    CREATE INDEX role_observations_doc ON role_observations(doc_id);
    CREATE INDEX role_observations_actor ON role_observations(actor_id);

    CREATE TABLE roles (
        role_id INTEGER PRIMARY KEY,
        actor_id INTEGER NOT NULL REFERENCES actors(actor_id),
        rank TEXT,
        title TEXT NOT NULL,
        title_key TEXT NOT NULL,
        organization TEXT,
        country TEXT,
        start TEXT,
        "end" TEXT,
        first_observed TEXT,
        last_observed TEXT,
        certainty TEXT
    );
    CREATE INDEX roles_actor ON roles(actor_id);
    CREATE INDEX roles_post ON roles(title_key, country);

    CREATE TABLE role_evidence (
        role_id INTEGER NOT NULL REFERENCES roles(role_id) ON DELETE CASCADE,
        observation_id INTEGER NOT NULL REFERENCES role_observations(id) ON DELETE CASCADE,
        PRIMARY KEY (role_id, observation_id)
    ) WITHOUT ROWID;
    CREATE INDEX role_evidence_obs ON role_evidence(observation_id);
    """,
    # 2: actor spellings searchable without diacritics through an index ("khamliang", "hoang xuan")
    """
    CREATE VIRTUAL TABLE aliases_fts USING fts5(
        alias, actor_id UNINDEXED, tokenize='unicode61 remove_diacritics 2');
    INSERT INTO aliases_fts (alias, actor_id) SELECT alias, actor_id FROM aliases;
    CREATE TRIGGER aliases_ai AFTER INSERT ON aliases BEGIN
        INSERT INTO aliases_fts (alias, actor_id) VALUES (new.alias, new.actor_id);
    END;
    CREATE TRIGGER aliases_ad AFTER DELETE ON aliases BEGIN
        DELETE FROM aliases_fts WHERE actor_id = old.actor_id AND alias = old.alias;
    END;
    """,
    # 3: sentences are indexed for search per batch by Store.add (a per-row trigger made FTS5 flush
    # at every row); mentions by actor and country for the country vote of resolution.
    """
    DROP TRIGGER sentences_ai;
    CREATE INDEX mentions_actor_country ON mentions(actor_id, country);
    """,
    # 4: what event-data users filter by: Goldstein intensity and quad class (from the CAMEO code),
    # the confidence of an event (biennien/confidence.py) and when it was added (incremental exports);
    # filled by store/scores.py when events are resolved, and for stored events when this migrates.
    """
    ALTER TABLE events ADD COLUMN goldstein REAL;
    ALTER TABLE events ADD COLUMN quad_class INTEGER;
    ALTER TABLE events ADD COLUMN confidence REAL;
    ALTER TABLE events ADD COLUMN date_added TEXT;
    CREATE INDEX events_confidence ON events(confidence);
    CREATE INDEX events_added ON events(date_added);
    """,
    # 5: queries that stay fast as the store grows (issue 17). `role_seen`: each piece of a role's
    # evidence with its date (the observation's, else its article's; `hi` the last day of it),
    # kept by triggers on role_evidence, so that `who` and a role's evidence seek by date instead of
    # reading all the evidence of a post. The newest documents walked in page order (an actor's
    # latest mentions); an actor's mentions by document (a page of them without the table); the
    # events a list shows by default (with a named participant: read.PARTICIPANTS) newest first,
    # of a type or of any, so that a page of them and their count read an index. `aliases_tri`: the
    # alias keys by trigram, so that a part of a name ("Jong-un", "Nẵng") finds its actors
    # without reading every alias (read.actors_named).
    """
    CREATE TABLE role_seen (
        role_id INTEGER NOT NULL REFERENCES roles(role_id) ON DELETE CASCADE,
        observation_id INTEGER NOT NULL,
        date TEXT,
        hi TEXT,
        change TEXT,
        doc_id TEXT,
        PRIMARY KEY (role_id, observation_id)
    ) WITHOUT ROWID;
    CREATE INDEX role_seen_date ON role_seen(role_id, date, doc_id);
    CREATE INDEX role_seen_hi ON role_seen(role_id, hi);
    CREATE TRIGGER role_seen_ai AFTER INSERT ON role_evidence BEGIN
        INSERT OR REPLACE INTO role_seen (role_id, observation_id, date, hi, change, doc_id)
        SELECT new.role_id, new.observation_id, x.date, CASE length(x.date) WHEN 4 THEN x.date || '-12-31'
               WHEN 7 THEN date(x.date || '-01', '+1 month', '-1 day') ELSE x.date END, x.change, x.doc_id
        FROM (SELECT COALESCE(o.date, d.published) date, o.change, o.doc_id FROM role_observations o
              JOIN documents d ON d.doc_id = o.doc_id WHERE o.id = new.observation_id) x;
    END;
    CREATE TRIGGER role_seen_ad AFTER DELETE ON role_evidence BEGIN
        DELETE FROM role_seen WHERE role_id = old.role_id AND observation_id = old.observation_id;
    END;
    INSERT INTO role_seen (role_id, observation_id, date, hi, change, doc_id) """ + ROLE_SEEN + """;

    DROP INDEX documents_published;
    CREATE INDEX documents_latest ON documents(published DESC, doc_id);
    DROP INDEX mentions_actor;
    CREATE INDEX mentions_actor_doc ON mentions(actor_id, doc_id, start);
    CREATE INDEX events_named ON events(type, date DESC, event_id) WHERE (actors != '[]' OR recipients != '[]');
    CREATE INDEX events_named_date ON events(date DESC, event_id) WHERE (actors != '[]' OR recipients != '[]');

    CREATE VIRTUAL TABLE aliases_tri USING fts5(key, actor_id UNINDEXED, tokenize='trigram');
    INSERT INTO aliases_tri (key, actor_id) SELECT key, actor_id FROM aliases;
    CREATE TRIGGER aliases_tri_ai AFTER INSERT ON aliases BEGIN
        INSERT INTO aliases_tri (key, actor_id) VALUES (new.key, new.actor_id);
    END;
    """,
    # 6: persons' keys drop the diacritics of foreign words (text.name_key: "Stéphane" = "Stephane");
    # the keys are recomputed in Python by Store.migrate (REKEY_PERSONS)
    "SELECT 1;",
    # 7: `who` and a role's evidence at a million events (issue 17). A role's first and last
    # sightings are the earliest and latest dates of its evidence in role_seen (no end of tenure),
    # as resolution writes them (resolve/roles.py): `who` sets aside by them, without a seek, the
    # people seen only far from the date (who._far); a store made by older code gets them from its
    # evidence here. role_seen's two indexes carry `change`, so that a seek that leaves out the end
    # of a tenure (store/seen.py) reads the index alone, not the row of every entry it passes; a
    # post's roles carry what ranking its holders reads (read.post_holdings), in the same order.
    """
    DROP INDEX roles_post;
    CREATE INDEX roles_post ON roles(title_key, country, role_id, actor_id, start, "end", first_observed, last_observed);
    DROP INDEX role_seen_date;
    CREATE INDEX role_seen_date ON role_seen(role_id, date, doc_id, change);
    DROP INDEX role_seen_hi;
    CREATE INDEX role_seen_hi ON role_seen(role_id, hi, change);
    UPDATE roles SET first_observed = NULL, last_observed = NULL;
    UPDATE roles SET first_observed = s.first, last_observed = s.last FROM (SELECT role_id, min(date) first,
        max(date) last FROM role_seen WHERE change IS NOT 'end' GROUP BY role_id) s WHERE s.role_id = roles.role_id;
    """,
    # 8: an actor's mentions indexed only once resolution names the actor. Mentions are stored
    # with no actor and given one a round later: full indexes held an entry for each under NULL,
    # written on insert and moved on update; partial ones write it once (issue 17: the writer's
    # update of a round's mentions was its dearest statement). `actor_id = ?` and `actor_id IN`
    # imply `actor_id IS NOT NULL`, so every read by actor still seeks these.
    """
    DROP INDEX mentions_actor_doc;
    DROP INDEX mentions_actor_country;
    CREATE INDEX mentions_actor_doc ON mentions(actor_id, doc_id, start) WHERE actor_id IS NOT NULL;
    CREATE INDEX mentions_actor_country ON mentions(actor_id, country) WHERE actor_id IS NOT NULL;
    """,
    # 9: an article without a publication date keeps the days its text allows (`period_lo`,
    # `period_hi`: Article.period, stages/dateline.period), and its role evidence is seen over that
    # period (`span` = 1: `date` its first day, `hi` its last), so that `who` on a day inside it
    # prefers a holder seen there to one whose tenure the text rules out (issue 14). Read by a
    # partial index: spans are few beside dated evidence; the two indexes carry `span`, so that the
    # seeks of dated evidence alone still read the index only.
    """
    ALTER TABLE documents ADD COLUMN period_lo TEXT;
    ALTER TABLE documents ADD COLUMN period_hi TEXT;
    ALTER TABLE role_seen ADD COLUMN span INTEGER;
    DROP TRIGGER role_seen_ai;
    CREATE TRIGGER role_seen_ai AFTER INSERT ON role_evidence BEGIN
        INSERT OR REPLACE INTO role_seen (role_id, observation_id, date, hi, change, doc_id, span)
        SELECT new.role_id, new.observation_id, x.date, CASE WHEN x.span THEN x.period_hi
               WHEN length(x.date) = 4 THEN x.date || '-12-31'
               WHEN length(x.date) = 7 THEN date(x.date || '-01', '+1 month', '-1 day') ELSE x.date END,
               x.change, x.doc_id, x.span
        FROM (SELECT COALESCE(o.date, d.published, d.period_lo) date, o.change, o.doc_id, d.period_hi,
                     CASE WHEN o.date IS NULL AND d.published IS NULL AND d.period_lo IS NOT NULL THEN 1 END span
              FROM role_observations o JOIN documents d ON d.doc_id = o.doc_id WHERE o.id = new.observation_id) x;
    END;
    CREATE INDEX role_seen_span ON role_seen(role_id, date, hi) WHERE span = 1 AND change IS NOT 'end';
    DROP INDEX role_seen_date;
    CREATE INDEX role_seen_date ON role_seen(role_id, date, doc_id, change, span);
    DROP INDEX role_seen_hi;
    CREATE INDEX role_seen_hi ON role_seen(role_id, hi, change, span);
    """,
    # 10: an act nothing dates keeps the day or month its text says without a year (issue 13):
    # `date_partial`, ISO 8601's reduced form ("--05-30", "--11"; EventMention.date_partial), on the
    # report and on its event while the event has no date. Stores made before it have none to show.
    """
    ALTER TABLE event_mentions ADD COLUMN date_partial TEXT;
    ALTER TABLE events ADD COLUMN date_partial TEXT;
    """,
    # 11: one index of mentions by actor, not two (issue 17: a round's mentions are inserted into
    # every index of the table, at pages spread over all of it once the store outgrows the writer's
    # page cache). The country vote of resolution (resolution.refresh_actors) reads the country
    # from mentions_actor_doc, which carries it, instead of from an index of its own.
    """
    DROP INDEX mentions_actor_country;
    DROP INDEX mentions_actor_doc;
    CREATE INDEX mentions_actor_doc ON mentions(actor_id, doc_id, start, country) WHERE actor_id IS NOT NULL;
    """,
]
REKEY_PERSONS = 6   # stores below version 6 (migration 6) get their person keys recomputed

VERSION = len(MIGRATIONS)
