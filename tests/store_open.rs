//! Creating, migrating and refusing to open project files.

mod common;

use rusqlite::Connection;
use tualek::store::{Store, StoreError, schema};

#[test]
fn every_migration_step_from_an_empty_file() {
    // Version 0 is an empty file, which only `Store::create` makes a project.
    for target in 1..=schema::LATEST {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.tualek");
        let mut conn = Connection::open(&path).unwrap();
        schema::migrate_to(&mut conn, target).unwrap();
        assert_eq!(schema::user_version(&conn).unwrap(), target);
        let expected_id = if target == 0 {
            0
        } else {
            schema::APPLICATION_ID
        };
        assert_eq!(schema::application_id(&conn).unwrap(), expected_id);
        drop(conn);

        // Opening finishes the climb to the latest schema.
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), schema::LATEST);
        assert_eq!(store.integrity_check().unwrap(), vec!["ok".to_string()]);
        assert!(store.documents().unwrap().is_empty());
        assert!(store.history().unwrap().is_empty());
    }
}

#[test]
fn a_new_project_is_marked_and_in_wal_mode() {
    let (t, _p) = common::new_project();
    let conn = Connection::open(&t.path).unwrap();
    assert_eq!(
        schema::application_id(&conn).unwrap(),
        schema::APPLICATION_ID
    );
    assert_eq!(schema::user_version(&conn).unwrap(), schema::LATEST);
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn create_refuses_to_overwrite() {
    let (t, _p) = common::new_project();
    let before = common::file_bytes(&t.path);
    let err = Store::create(&t.path).err().expect("refused");
    assert!(matches!(err, StoreError::AlreadyExists(_)), "{err}");
    assert!(err.to_string().contains("already there"));
    assert!(common::file_bytes(&t.path) == before, "the file changed");
}

#[test]
fn a_newer_schema_is_refused_and_left_untouched() {
    let (t, p) = common::new_project();
    drop(p);
    {
        let conn = Connection::open(&t.path).unwrap();
        conn.pragma_update(None, "user_version", schema::LATEST + 1)
            .unwrap();
    }
    let before = common::file_bytes(&t.path);
    let err = Store::open(&t.path).err().expect("refused");
    assert!(
        matches!(err, StoreError::TooNew { found, .. } if found == schema::LATEST + 1),
        "{err}"
    );
    assert!(err.to_string().contains("newer Tualek"), "{err}");
    assert!(common::file_bytes(&t.path) == before, "the file changed");
}

#[test]
fn a_text_file_is_not_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::write(
        dir.path(),
        "notes.tualek",
        b"this is just some text, not SQLite at all\n",
    );
    let err = Store::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::NotTualek(..)), "{err}");
    assert!(err.to_string().contains("not a Tualek project"), "{err}");
    assert_eq!(
        common::file_bytes(&path),
        b"this is just some text, not SQLite at all\n"
    );
}

#[test]
fn another_programs_database_is_not_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        .unwrap();
    let before = common::file_bytes(&path);
    let err = Store::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::NotTualek(..)), "{err}");
    assert!(err.to_string().contains("another program"), "{err}");
    assert!(common::file_bytes(&path) == before, "the file changed");
}

#[test]
fn a_damaged_file_is_refused() {
    let (t, mut p, _, _) = common::project_with_docs();
    // Enough rows that the tables span several pages.
    let long = "1,255 workers and 493 women. ".repeat(2000);
    let more = common::write(t.dir.path(), "long.txt", long.as_bytes());
    p.import(&[more], &Default::default(), &mut |_| true)
        .unwrap();
    drop(p); // the last connection checkpoints the WAL into the file
    let mut bytes = common::file_bytes(&t.path);
    let page = 8192; // a new project's page size
    assert!(bytes.len() > 6 * page, "file has {} bytes", bytes.len());
    for b in &mut bytes[2 * page..4 * page] {
        *b = 0xA5;
    }
    std::fs::write(&t.path, &bytes).unwrap();
    // A file closed cleanly is not read page by page at open (that is
    // O(file size)); the full check finds the damage, writing nothing.
    let findings = Store::check(&t.path).unwrap();
    assert!(!findings.is_empty(), "the damage was not found");
    assert!(common::file_bytes(&t.path) == bytes, "the file changed");
}

#[test]
fn a_read_only_file_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let (t, p) = common::new_project();
    drop(p);
    std::fs::set_permissions(&t.path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = common::file_bytes(&t.path);
    let err = Store::open(&t.path).err().expect("refused");
    assert!(matches!(err, StoreError::ReadOnly(_)), "{err}");
    assert!(err.to_string().contains("read-only"), "{err}");
    assert!(common::file_bytes(&t.path) == before, "the file changed");
}

#[test]
fn a_project_locked_by_another_process_is_refused() {
    let (t, p) = common::new_project();
    drop(p);
    // Another process's writer: an exclusive transaction held open.
    let holder = Connection::open(&t.path).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    // Opening takes no lock (WAL lets readers run beside a writer); writing does.
    let mut store = Store::open(&t.path).expect("opens beside a writer");
    let err = store.begin("test", "tester").err().expect("refused");
    assert!(matches!(err, StoreError::Locked(_)), "{err}");
    assert!(
        err.to_string().contains("locked by another process"),
        "{err}"
    );
    holder.execute_batch("ROLLBACK").unwrap();
    Store::open(&t.path).expect("opens once the lock is gone");
}

#[test]
fn a_missing_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope.tualek");
    let err = Store::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::NotFound(_)), "{err}");
    assert!(!path.exists(), "opening must not create the file");
}

/// Schema 6 stores kinds and statuses as codes and rebuilds the search
/// index, schema 7 rebuilds it with Tualek's tokenizer: a version-5 file keeps every figure, review, link and history
/// entry through it, its search still finds English and Lao, and its
/// history still undoes.
#[test]
fn a_version_5_project_migrates_with_everything_kept() {
    use tualek::app::Project;
    use tualek::app::workbench::search;
    use tualek::model::{Change, Figure, Kind, Origin, Row, Span, Status};
    use tualek::store::FigureFilter;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v5.tualek");
    let english = "In 2023 officials assisted 1,255 workers and paid 500,000 kip.";
    let lao = "ໃນປີ 2023 ແຮງງານ 1,255 ຄົນ ໄດ້ກັບຄືນມາ";
    let stored = [
        // document, start, end, text, kind, value, unit, origin, status, reviewer
        (
            1,
            3,
            7,
            "2023",
            "year",
            "2023",
            None,
            "extract/0.3.0",
            "unreviewed",
            None,
        ),
        (
            1,
            27,
            32,
            "1,255",
            "count",
            "1255",
            Some("workers"),
            "extract/0.3.0",
            "confirmed",
            Some("ana"),
        ),
        (
            1,
            50,
            57,
            "500,000",
            "money",
            "500000",
            Some("LAK"),
            "manual",
            "corrected",
            Some("bo"),
        ),
        (
            2,
            5,
            9,
            "2023",
            "year",
            "2023",
            None,
            "extract/0.3.0",
            "rejected",
            Some("ana"),
        ),
        (
            2,
            17,
            22,
            "1,255",
            "count",
            "1255",
            Some("people"),
            "extract/0.2.0",
            "stale",
            None,
        ),
    ];
    {
        let mut conn = Connection::open(&path).unwrap();
        schema::migrate_to(&mut conn, 5).unwrap();
        for (i, text) in [english, lao].iter().enumerate() {
            conn.execute(
                "INSERT INTO documents (title, language, source_path, imported_at, sha256, \
                 char_len, text) VALUES (?1, ?2, ?1, '2026-01-01T00:00:00Z', ?1, ?3, ?4)",
                rusqlite::params![
                    format!("doc{i}"),
                    ["en", "lo"][i],
                    text.chars().count() as i64,
                    text
                ],
            )
            .unwrap();
        }
        for (doc, start, end, text, kind, value, unit, origin, status, reviewer) in stored {
            conn.execute(
                "INSERT INTO figures (document_id, start, \"end\", text, kind, value, unit, \
                 origin, status, reviewer) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                rusqlite::params![
                    doc, start, end, text, kind, value, unit, origin, status, reviewer
                ],
            )
            .unwrap();
        }
        conn.execute(
            "INSERT INTO links (a, b, relation, status) VALUES (2, 5, 'translation', 'agrees')",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO claim_reviews (figure_id, note, reviewer, reviewed_at) \
             VALUES (2, 'checked', 'ana', '2026-01-02T00:00:00Z')",
            [],
        )
        .unwrap();
        // The history of confirming figure 2, as an older build wrote it.
        let figure = |status: Status, reviewer: Option<&str>| Figure {
            id: 2,
            document: 1,
            span: Span::new(27, 32),
            text: "1,255".into(),
            kind: Kind::Count,
            value: Some(1255.into()),
            value_max: None,
            unit: Some("workers".into()),
            origin: Origin("extract/0.3.0".into()),
            status,
            reviewer: reviewer.map(str::to_string),
            reviewed_at: None,
            note: None,
        };
        let changes = vec![Change {
            before: Some(Row::Figure(figure(Status::Unreviewed, None))),
            after: Some(Row::Figure(figure(Status::Confirmed, Some("ana")))),
        }];
        conn.execute(
            "INSERT INTO history (at, who, kind, action, summary, state, changes) VALUES \
             ('2026-01-02T00:00:00Z', 'ana', 'do', 'review.confirm', 'confirm 1,255', 'applied', ?1)",
            [serde_json::to_string(&changes).unwrap()],
        )
        .unwrap();
    }

    let mut p = Project::open(&path, "tester").unwrap();
    assert_eq!(p.store().schema_version().unwrap(), schema::LATEST);
    assert_eq!(p.store().integrity_check().unwrap(), ["ok"]);
    let figures = p.store().figures(&FigureFilter::default()).unwrap();
    let found: Vec<_> = figures
        .iter()
        .map(|f| {
            (
                f.id,
                f.text.as_str(),
                f.kind.as_str(),
                f.value.map(|v| v.to_string()),
                f.unit.as_deref(),
                f.origin.0.as_str(),
                f.status.as_str(),
                f.reviewer.as_deref(),
            )
        })
        .collect();
    let expected: Vec<_> = stored
        .iter()
        .enumerate()
        .map(
            |(i, &(_, _, _, text, kind, value, unit, origin, status, reviewer))| {
                let v = Some(value.to_string());
                (i as i64 + 1, text, kind, v, unit, origin, status, reviewer)
            },
        )
        .collect();
    assert_eq!(found, expected);
    assert_eq!(p.store().links().unwrap().len(), 1);
    assert_eq!(
        p.store().claim_reviews().unwrap()[0].note.as_deref(),
        Some("checked")
    );
    let counts = p.store().review_counts().unwrap();
    assert_eq!((counts[&1].total, counts[&1].reviewed), (3, 2));
    assert_eq!(
        (counts[&2].total, counts[&2].reviewed),
        (1, 1),
        "stale is not counted"
    );

    assert_eq!(
        search(p.store(), "officials ASSISTED", 10).unwrap().len(),
        1
    );
    assert_eq!(search(p.store(), "ແຮງງານ", 10).unwrap()[0].title, "doc1");
    assert_eq!(search(p.store(), "1,255", 10).unwrap().len(), 2);

    // The old history entry still undoes against the migrated row.
    p.undo().unwrap();
    let f = p.store().figure(2).unwrap().unwrap();
    assert_eq!((f.status, f.reviewer), (Status::Unreviewed, None));
}
