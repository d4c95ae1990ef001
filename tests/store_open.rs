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
    let page = 4096;
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
