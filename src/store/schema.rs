//! The schema and its migrations, numbered by `PRAGMA user_version`.
//!
//! A migration is appended, never edited: files in the field were made by the
//! old steps. Each step runs in its own transaction together with the bump of
//! `user_version`, so a crash leaves the file at one version or the next.

use rusqlite::Connection;

/// `PRAGMA application_id`: "TuaL" in ASCII, marking a file as a Tualek project.
pub const APPLICATION_ID: i32 = 0x5475_614C;

pub const MIGRATIONS: &[&str] = &[
    // 1: documents, figures, links and the history of every change.
    r#"
    CREATE TABLE documents (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        title       TEXT    NOT NULL,
        language    TEXT    NOT NULL,
        source_path TEXT    NOT NULL,
        imported_at TEXT    NOT NULL,
        sha256      TEXT    NOT NULL UNIQUE,
        char_len    INTEGER NOT NULL CHECK (char_len >= 0),
        removed     INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
        text        TEXT    NOT NULL
    ) STRICT;

    CREATE TABLE figures (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        start       INTEGER NOT NULL CHECK (start >= 0),
        "end"       INTEGER NOT NULL CHECK ("end" > start),
        text        TEXT    NOT NULL,
        kind        TEXT    NOT NULL,
        value       TEXT,
        value_max   TEXT,
        unit        TEXT,
        origin      TEXT    NOT NULL,
        status      TEXT    NOT NULL,
        reviewer    TEXT,
        reviewed_at TEXT,
        note        TEXT
    ) STRICT;
    CREATE INDEX figures_by_document ON figures(document_id, start);
    CREATE INDEX figures_by_status ON figures(status);

    CREATE TABLE links (
        id       INTEGER PRIMARY KEY AUTOINCREMENT,
        a        INTEGER NOT NULL REFERENCES figures(id),
        b        INTEGER NOT NULL REFERENCES figures(id),
        relation TEXT    NOT NULL,
        status   TEXT    NOT NULL,
        CHECK (a <> b)
    ) STRICT;
    CREATE INDEX links_by_a ON links(a);
    CREATE INDEX links_by_b ON links(b);

    CREATE TABLE history (
        id      INTEGER PRIMARY KEY AUTOINCREMENT,
        at      TEXT    NOT NULL,
        who     TEXT    NOT NULL,
        kind    TEXT    NOT NULL CHECK (kind IN ('do', 'undo', 'redo')),
        action  TEXT    NOT NULL,
        summary TEXT    NOT NULL,
        reverts INTEGER REFERENCES history(id),
        state   TEXT    NOT NULL CHECK (state IN ('applied', 'undone', 'discarded')),
        changes TEXT    NOT NULL
    ) STRICT;
    CREATE INDEX history_stack ON history(kind, state, id);
    "#,
    // 2: full-text search over document text. The trigram tokenizer finds
    // words inside Lao runs, which have no spaces for a word tokenizer to use.
    r#"
    CREATE VIRTUAL TABLE document_search USING fts5(
        text, content = 'documents', content_rowid = 'id', tokenize = 'trigram'
    );
    INSERT INTO document_search(document_search) VALUES ('rebuild');
    CREATE TRIGGER document_search_insert AFTER INSERT ON documents BEGIN
        INSERT INTO document_search(rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER document_search_delete AFTER DELETE ON documents BEGIN
        INSERT INTO document_search(document_search, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    "#,
    // 3: a document's text can change (a document split in two keeps the text
    // before the cut). The history names texts by SHA-256, never copies them,
    // so every text a document has had is kept here for undo and redo; and
    // the search index follows a changed text.
    r#"
    CREATE TABLE document_texts (
        sha256 TEXT PRIMARY KEY,
        text   TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE TRIGGER document_search_update AFTER UPDATE OF text ON documents BEGIN
        INSERT INTO document_search(document_search, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO document_search(rowid, text) VALUES (new.id, new.text);
    END;
    "#,
    // 4: what reviewers decide about claims across sources. Claims are derived
    // each run; an accepted one is its figures joined by `same` links. Stored
    // here: a review (who accepted it or wrote a note, when) hanging on the
    // claim's anchor figure, and dismissals, pairs of figures that are not
    // the same fact, so a dismissed suggestion is never proposed again.
    r#"
    CREATE TABLE claim_reviews (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        figure_id   INTEGER NOT NULL REFERENCES figures(id),
        note        TEXT,
        reviewer    TEXT    NOT NULL,
        reviewed_at TEXT    NOT NULL
    ) STRICT;
    CREATE INDEX claim_reviews_by_figure ON claim_reviews(figure_id);

    CREATE TABLE claim_dismissals (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        a  INTEGER NOT NULL REFERENCES figures(id),
        b  INTEGER NOT NULL REFERENCES figures(id),
        CHECK (a < b),
        UNIQUE (a, b)
    ) STRICT;
    CREATE INDEX claim_dismissals_by_b ON claim_dismissals(b);
    "#,
    // 5: translations segment by segment. A bilingual file (TMX, XLIFF, two
    // files line by line) becomes two documents and the alignment of their
    // segments: the n-th unit's span in each, and its inline tags (JSON), kept
    // out of the text. Segments are stored with the import that made them and
    // go and come back with their documents, like found figures. A review
    // accepts a flagged segment (a legitimate change) with a note; it hangs on
    // the document pair and the segment's number, so a re-run keeps it.
    r#"
    CREATE TABLE segments (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        source_doc   INTEGER NOT NULL REFERENCES documents(id),
        target_doc   INTEGER NOT NULL REFERENCES documents(id),
        number       INTEGER NOT NULL CHECK (number >= 1),
        source_start INTEGER NOT NULL CHECK (source_start >= 0),
        source_end   INTEGER NOT NULL CHECK (source_end >= source_start),
        target_start INTEGER NOT NULL CHECK (target_start >= 0),
        target_end   INTEGER NOT NULL CHECK (target_end >= target_start),
        source_tags  TEXT    NOT NULL,
        target_tags  TEXT    NOT NULL,
        CHECK (source_doc <> target_doc),
        UNIQUE (source_doc, target_doc, number)
    ) STRICT;
    CREATE INDEX segments_by_target ON segments(target_doc);

    CREATE TABLE segment_reviews (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        source_doc  INTEGER NOT NULL REFERENCES documents(id),
        target_doc  INTEGER NOT NULL REFERENCES documents(id),
        number      INTEGER NOT NULL CHECK (number >= 1),
        note        TEXT,
        reviewer    TEXT    NOT NULL,
        reviewed_at TEXT    NOT NULL,
        UNIQUE (source_doc, target_doc, number)
    ) STRICT;
    "#,
    // 6: a smaller, faster file. Kind and status become small integer codes
    // (the store's `kind_code` and `status_code` name them), so a figure row
    // no longer spells "unreviewed" millions of times; the status index
    // keeps only the figures someone has dealt with (or the extractor left
    // stale), not every unreviewed one. The search index keeps which
    // documents hold a trigram, not where (`detail=none`): a search is a
    // LIKE over the index, which SQLite checks against the text itself.
    // A new document's text is indexed by the store's own insert, not by a
    // trigger: a statement that fires one opens a savepoint, and FTS5
    // writes its pending index to disk at every savepoint, so each document
    // became a segment of its own, merged again and again.
    r#"
    DROP INDEX figures_by_status;
    ALTER TABLE figures ADD COLUMN kind_code INTEGER NOT NULL DEFAULT 0
        CHECK (kind_code BETWEEN 0 AND 9);
    ALTER TABLE figures ADD COLUMN status_code INTEGER NOT NULL DEFAULT 0
        CHECK (status_code BETWEEN 0 AND 4);
    UPDATE figures SET
        kind_code = CASE kind
            WHEN 'count' THEN 0 WHEN 'money' THEN 1 WHEN 'percent' THEN 2
            WHEN 'date' THEN 3 WHEN 'year' THEN 4 WHEN 'duration' THEN 5
            WHEN 'ordinal' THEN 6 WHEN 'rank' THEN 7 WHEN 'identifier' THEN 8
            WHEN 'other' THEN 9 END,
        status_code = CASE status
            WHEN 'unreviewed' THEN 0 WHEN 'confirmed' THEN 1 WHEN 'corrected' THEN 2
            WHEN 'rejected' THEN 3 WHEN 'stale' THEN 4 END;
    ALTER TABLE figures DROP COLUMN kind;
    ALTER TABLE figures DROP COLUMN status;
    ALTER TABLE figures RENAME COLUMN kind_code TO kind;
    ALTER TABLE figures RENAME COLUMN status_code TO status;
    CREATE INDEX figures_by_status ON figures(status) WHERE status <> 0;

    DROP TRIGGER document_search_insert;
    DROP TRIGGER document_search_delete;
    DROP TRIGGER document_search_update;
    DROP TABLE document_search;
    CREATE VIRTUAL TABLE document_search USING fts5(
        text, content = 'documents', content_rowid = 'id', tokenize = 'trigram',
        detail = 'none'
    );
    INSERT INTO document_search(document_search) VALUES ('rebuild');
    CREATE TRIGGER document_search_delete AFTER DELETE ON documents BEGIN
        INSERT INTO document_search(document_search, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    CREATE TRIGGER document_search_update AFTER UPDATE OF text ON documents BEGIN
        INSERT INTO document_search(document_search, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO document_search(rowid, text) VALUES (new.id, new.text);
    END;
    "#,
    // 7: the search index through Tualek's own trigram tokenizer
    // (store/trigram.rs), which leaves out the repeats of a text's trigrams
    // that it saw lately: the same index for `detail=none`, built in a
    // fraction of the time. The triggers are made again for the new table.
    r#"
    DROP TRIGGER document_search_delete;
    DROP TRIGGER document_search_update;
    DROP TABLE document_search;
    CREATE VIRTUAL TABLE document_search USING fts5(
        text, content = 'documents', content_rowid = 'id', tokenize = 'tualek_trigram',
        detail = 'none'
    );
    INSERT INTO document_search(document_search) VALUES ('rebuild');
    CREATE TRIGGER document_search_delete AFTER DELETE ON documents BEGIN
        INSERT INTO document_search(document_search, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    CREATE TRIGGER document_search_update AFTER UPDATE OF text ON documents BEGIN
        INSERT INTO document_search(document_search, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO document_search(rowid, text) VALUES (new.id, new.text);
    END;
    "#,
];

pub const LATEST: i32 = MIGRATIONS.len() as i32;

pub fn user_version(conn: &Connection) -> rusqlite::Result<i32> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

pub fn application_id(conn: &Connection) -> rusqlite::Result<i32> {
    conn.pragma_query_value(None, "application_id", |r| r.get(0))
}

/// Runs the migrations after the file's version up to `target`, each in one transaction.
/// Registers the search index's tokenizer on `conn` first (migration 7 names it).
pub fn migrate_to(conn: &mut Connection, target: i32) -> rusqlite::Result<()> {
    let target = target.min(LATEST);
    super::trigram::register(conn)?;
    loop {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let current = user_version(&tx)?;
        if current >= target {
            return Ok(());
        }
        if current == 0 {
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        tx.execute_batch(MIGRATIONS[current as usize])?;
        tx.pragma_update(None, "user_version", current + 1)?;
        tx.commit()?;
    }
}
