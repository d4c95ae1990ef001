//! Project files that are not projects, projects made to attack whoever opens
//! them, and reading a project without writing to it (issue 14, items 3, 4, 6).

mod common;

use std::path::{Path, PathBuf};

use common::cli::{fails, ok, tualek};
use rusqlite::Connection;

const TEXT: &str = "Officials assisted 1,255 workers, including 493 women, in 2024.\n\
                    Another 87 people came later, with 12 children.\n";

/// A project made with the command line: one document, its figures found.
fn project(dir: &Path) -> PathBuf {
    let path = dir.join("p.tualek");
    let p = path.to_str().unwrap();
    ok(&["new", p]);
    let text = common::write(dir, "report.txt", TEXT.as_bytes());
    ok(&["import", p, text.to_str().unwrap()]);
    path
}

/// Runs `args` (with the project's path in place of `P`), which must fail
/// with a one-line reason containing `reason`, leaving the project's bytes
/// and its folder's listing as they were.
fn refused(path: &Path, args: &[&str], reason: &str) {
    let dir = path.parent().unwrap();
    let (bytes, names) = (common::file_bytes(path), common::folder_names(dir));
    let p = path.to_str().unwrap();
    let args: Vec<&str> = args.iter().map(|a| if *a == "P" { p } else { a }).collect();
    let err = fails(&args);
    assert!(err.contains(reason), "{args:?}: {err}");
    assert!(
        common::file_bytes(path) == bytes,
        "{args:?} changed the file"
    );
    assert_eq!(
        common::folder_names(dir),
        names,
        "{args:?} left files beside the project"
    );
}

/// A read command and a write command: both must be refused.
fn every_command_refuses(path: &Path, reason: &str) {
    refused(path, &["docs", "P"], reason);
    refused(path, &["figures", "P"], reason);
    refused(path, &["links", "P"], reason);
    refused(path, &["review", "P", "1", "confirm"], reason);
    refused(path, &["import", "P", "/dev/null"], reason);
    refused(path, &["undo", "P"], reason);
}

#[test]
fn an_empty_file_is_not_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::write(dir.path(), "z.tualek", b"");
    every_command_refuses(&path, "not a Tualek project (an empty file)");
    refused(&path, &["check", "P"], "(an empty file)");
    assert_eq!(common::file_bytes(&path).len(), 0);
    assert_eq!(
        common::folder_names(dir.path()),
        vec!["z.tualek".to_string()]
    );
}

#[test]
fn an_empty_database_in_wal_mode_is_not_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("e.tualek");
    {
        let conn = Connection::open(&path).unwrap();
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }
    assert_eq!(
        common::folder_names(dir.path()),
        vec!["e.tualek".to_string()]
    );
    every_command_refuses(&path, "not a Tualek project (an empty SQLite database)");
}

#[test]
fn only_new_makes_a_project_and_open_refuses_another_programs_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA journal_mode = WAL; CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        .unwrap();
    every_command_refuses(&path, "an SQLite database of another program");
}

#[test]
fn read_only_commands_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = project(dir.path());
    let p = path.to_str().unwrap();
    let out = tempfile::tempdir().unwrap();
    let (bytes, names) = (common::file_bytes(&path), common::folder_names(dir.path()));
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    let csv = out.path().join("f.csv");
    let report = out.path().join("r.html");
    let reads: Vec<Vec<&str>> = vec![
        vec!["docs", p],
        vec!["doc", p, "1"],
        vec!["figures", p],
        vec!["figures", p, "--format", "jsonl"],
        vec!["links", p],
        vec!["claims", p],
        vec!["history", p],
        vec![
            "export",
            p,
            "--format",
            "csv",
            "--out",
            csv.to_str().unwrap(),
        ],
        vec!["report", p, "--out", report.to_str().unwrap()],
        vec!["check", p],
    ];
    for args in &reads {
        ok(args);
        assert!(
            common::file_bytes(&path) == bytes,
            "{args:?} changed the file"
        );
        assert_eq!(
            common::folder_names(dir.path()),
            names,
            "{args:?} left files beside it"
        );
    }
    assert_eq!(ok(&["check", p]), "ok\n");
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        modified
    );
}

#[test]
fn readers_and_openers_are_not_blocked_by_a_writer() {
    let dir = tempfile::tempdir().unwrap();
    let path = project(dir.path());
    let p = path.to_str().unwrap();
    // Another writer, mid-transaction (as an import is), its lock held: before,
    // every open took the write lock and was refused after 3 s.
    let writer = Connection::open(&path).unwrap();
    writer
        .execute_batch("BEGIN IMMEDIATE; UPDATE figures SET note = 'pending' WHERE id = 1;")
        .unwrap();
    assert!(ok(&["docs", p]).contains("report"));
    let figures = ok(&["figures", p, "--format", "jsonl"]);
    assert!(
        !figures.contains("pending"),
        "an uncommitted write was read"
    );
    ok(&["check", p]);
    // A writing open that has nothing to migrate takes no lock either.
    tualek::store::Store::open(&path).expect("opened beside a writer");
    // Writing is what waits, then says so.
    let err = fails(&["review", p, "1", "confirm"]);
    assert!(err.contains("locked by another process"), "{err}");
    writer.execute_batch("COMMIT").unwrap();
    ok(&["review", p, "1", "confirm"]);
}

#[test]
fn an_older_schema_is_refused_by_readers_and_upgraded_by_writers() {
    use tualek::store::schema;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.tualek");
    {
        let mut conn = Connection::open(&path).unwrap();
        conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
            .unwrap();
        schema::migrate_to(&mut conn, schema::LATEST - 1).unwrap();
    }
    let p = path.to_str().unwrap();
    refused(&path, &["docs", "P"], "made by an older Tualek");
    refused(&path, &["figures", "P"], "open it once in the workbench");
    assert_eq!(ok(&["check", p]), "ok\n", "an older schema checks sound");
    let text = common::write(dir.path(), "a.txt", TEXT.as_bytes());
    ok(&["import", p, text.to_str().unwrap()]);
    assert!(ok(&["docs", p]).contains(" a"));
    let conn = Connection::open(&path).unwrap();
    assert_eq!(schema::user_version(&conn).unwrap(), schema::LATEST);
}

/// Runs `tualek` as an unprivileged user when this test runs as root (root
/// writes anywhere, so a read-only folder would not be read-only to it).
fn as_reader(args: &[&str]) -> std::process::Output {
    if unsafe { libc::geteuid() } != 0 {
        return tualek(args);
    }
    std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_tualek"))
        .args(args)
        .env("TUALEK_REVIEWER", "cli-tester")
        .output()
        .expect("setpriv (util-linux) runs the reader as nobody")
}

#[test]
fn a_project_in_a_read_only_folder_can_be_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = project(dir.path());
    let p = path.to_str().unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let (bytes, names) = (common::file_bytes(&path), common::folder_names(dir.path()));
    assert_eq!(
        names,
        vec!["p.tualek", "report.txt"],
        "no -wal or -shm to use"
    );
    for args in [vec!["docs", p], vec!["figures", p], vec!["check", p]] {
        let out = as_reader(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {err}");
    }
    let out = as_reader(&["review", p, "1", "confirm"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("read-only"));
    assert!(common::file_bytes(&path) == bytes);
    assert_eq!(common::folder_names(dir.path()), names);
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// A project changed by hand through SQLite, as an attacker would send it.
fn hostile(sql: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = project(dir.path());
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(sql).unwrap();
    drop(conn);
    assert_eq!(
        common::folder_names(dir.path()),
        vec!["p.tualek", "report.txt"]
    );
    (dir, path)
}

#[test]
fn a_hostile_schema_is_refused_by_every_command() {
    let cases = [
        (
            "CREATE TRIGGER confirm_all AFTER UPDATE ON figures BEGIN \
             UPDATE figures SET status = 'confirmed', reviewer = 'attacker'; END;",
            "the project holds a trigger Tualek did not make: confirm_all",
        ),
        (
            "CREATE TRIGGER ignore_reviews BEFORE UPDATE ON figures BEGIN \
             SELECT RAISE(IGNORE); END;",
            "the project holds a trigger Tualek did not make: ignore_reviews",
        ),
        (
            "CREATE TRIGGER forget AFTER INSERT ON history BEGIN \
             DELETE FROM history WHERE id < new.id; END;",
            "the project holds a trigger Tualek did not make: forget",
        ),
        (
            "CREATE VIEW forever AS WITH RECURSIVE r(n) AS \
             (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r;",
            "the project holds a view Tualek did not make: forever",
        ),
        (
            "CREATE TABLE stash(secret TEXT);",
            "the project holds a table Tualek did not make: stash",
        ),
        (
            "CREATE INDEX figures_by_text ON figures(text);",
            "the project holds an index Tualek did not make: figures_by_text",
        ),
        (
            "ALTER TABLE figures RENAME COLUMN note TO remark;",
            "a changed table: figures",
        ),
        (
            "DROP TRIGGER document_search_delete; \
             CREATE TRIGGER document_search_delete AFTER DELETE ON documents BEGIN \
             DELETE FROM history; END;",
            "a changed trigger: document_search_delete",
        ),
    ];
    for (sql, reason) in cases {
        let (_dir, path) = hostile(sql);
        every_command_refuses(&path, reason);
        let out = tualek(&["check", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{reason}");
    }
}

#[test]
fn sqlite_statistics_are_not_hostile() {
    let (_dir, path) = hostile("ANALYZE;");
    ok(&["docs", path.to_str().unwrap()]);
    ok(&["review", path.to_str().unwrap(), "1", "confirm"]);
}

/// Damages an index that listing documents never reads: damage only a
/// check of every page finds.
fn damage_an_index(path: &Path) {
    common::damage_root_page(path, "links_by_b");
}

#[test]
fn the_page_by_page_check_runs_only_after_a_crash_and_in_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = project(dir.path());
    let p = path.to_str().unwrap();
    damage_an_index(&path);
    // Closed cleanly: opening does not read every page (O(file size)).
    ok(&["docs", p]);
    let out = tualek(&["check", p]);
    assert_eq!(out.status.code(), Some(1));
    let found = String::from_utf8(out.stdout).unwrap();
    assert!(!found.is_empty() && found != "ok\n", "{found}");

    // Open in another process with commits in its -wal: not a crash.
    let live = Connection::open(&path).unwrap();
    live.execute_batch(
        "PRAGMA wal_autocheckpoint = 0; UPDATE figures SET note = 'x' WHERE id = 1;",
    )
    .unwrap();
    ok(&["docs", p]);

    // What kill -9 leaves: the file and a -wal with commits, nobody holding them.
    let crashed = dir.path().join("crashed.tualek");
    std::fs::copy(&path, &crashed).unwrap();
    std::fs::copy(
        dir.path().join("p.tualek-wal"),
        dir.path().join("crashed.tualek-wal"),
    )
    .unwrap();
    drop(live);
    let c = crashed.to_str().unwrap();
    for args in [vec!["docs", c], vec!["review", c, "1", "confirm"]] {
        let out = tualek(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("damaged"), "{args:?}: {err}");
    }
}
