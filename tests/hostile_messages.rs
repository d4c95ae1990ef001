//! Messages about hostile files (issue 14, item 7): names with terminal
//! controls are escaped, a damaged project's reason is one line (SQLite's
//! report after `--verbose`), a full disk says so and that nothing was written.
#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::Command;

use common::cli::{fails, ok, tualek};
use common::{ENGLISH, write};

/// ESC starting a colour sequence, and a RIGHT-TO-LEFT OVERRIDE.
const EVIL: &str = "ev\u{1b}[31mil\u{202e}gpj.exe";
const EVIL_SHOWN: &str = "ev\\u{1b}[31mil\\u{202e}gpj.exe";

fn project() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.tualek").display().to_string();
    ok(&["new", &p]);
    let doc = write(dir.path(), "english.txt", ENGLISH.as_bytes());
    ok(&["import", &p, doc.to_str().unwrap()]);
    (dir, p)
}

fn assert_no_raw_controls(text: &str) {
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "raw control characters printed: {text:?}"
    );
}

#[test]
fn a_reviewer_name_with_terminal_controls_is_shown_escaped() {
    let (_dir, p) = project();
    ok(&["--reviewer", EVIL, "review", &p, "1", "confirm"]);
    ok(&["--reviewer", EVIL, "note", &p, "1", "one\ntwo\u{1b}[2J"]);
    let history = ok(&["history", &p]);
    assert_no_raw_controls(&history);
    assert!(history.contains(EVIL_SHOWN), "{history}");
    assert!(history.contains("“one\\ntwo\\u{1b}[2J”"), "{history}");
    // One line per entry: the note's newline did not break a row.
    assert_eq!(history.lines().count(), 4, "{history}");
    // JSON output keeps the name as it is (serde escapes it for JSON).
    let jsonl = ok(&["history", &p, "--format", "jsonl"]);
    assert!(jsonl.contains("ev\\u001b[31mil\u{202e}gpj.exe"), "{jsonl}");
}

#[test]
fn a_document_title_and_file_name_with_controls_are_shown_escaped() {
    let (dir, p) = project();
    ok(&["doc", &p, "1", "--title", EVIL]);
    let docs = ok(&["docs", &p]);
    assert_no_raw_controls(&docs);
    assert!(docs.contains(EVIL_SHOWN), "{docs}");
    let shown = ok(&["doc", &p, "1"]);
    assert_no_raw_controls(&shown);
    assert!(shown.contains(EVIL_SHOWN), "{shown}");

    // A file of that name: the import line, and a refusal's one line.
    let named = write(dir.path(), &format!("{EVIL}.txt"), b"Sold 75 units.\n");
    let out = ok(&["import", &p, named.to_str().unwrap()]);
    assert_no_raw_controls(&out);
    assert!(
        out.contains(&format!("{EVIL_SHOWN}.txt as document 2")),
        "{out}"
    );
    let missing = dir.path().join("no\nsuch\u{1b}]0;owned\u{7}.txt");
    let out = tualek(&["import", &p, missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    assert_no_raw_controls(&err);
    assert!(err.contains("no\\nsuch\\u{1b}]0;owned\\u{7}.txt"), "{err}");
    // An error line of `tualek` itself.
    let err = fails(&[
        "docs",
        &dir.path()
            .join(format!("{EVIL}.tualek"))
            .display()
            .to_string(),
    ]);
    assert_no_raw_controls(&err);
    assert!(err.contains(EVIL_SHOWN), "{err}");
}

/// A project whose `links` table's page (a leaf) claims 50 cells it does
/// not have: SQLite's check reports it over several lines.
fn damaged_project() -> (tempfile::TempDir, String) {
    let (dir, p) = project();
    let (root, size): (i64, usize) = {
        let conn = rusqlite::Connection::open(&p).unwrap();
        let root = conn
            .query_row(
                "SELECT rootpage FROM sqlite_schema WHERE name = 'links'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let size = conn
            .pragma_query_value(None, "page_size", |r| r.get::<_, i64>(0))
            .unwrap();
        (root, size as usize)
    };
    let mut bytes = std::fs::read(&p).unwrap();
    let page = (root as usize - 1) * size;
    bytes[page + 3] = 0;
    bytes[page + 4] = 50;
    std::fs::write(&p, bytes).unwrap();
    (dir, p)
}

/// What kill -9 leaves of a damaged project: the file and a `-wal` holding a
/// commit, nobody holding them; its next open reads it page by page.
fn crashed_damaged_project() -> (tempfile::TempDir, String) {
    let (dir, p) = damaged_project();
    let live = rusqlite::Connection::open(&p).unwrap();
    live.execute_batch(
        "PRAGMA wal_autocheckpoint = 0; UPDATE figures SET note = 'x' WHERE id = 1;",
    )
    .unwrap();
    let crashed = format!("{p}.crashed.tualek");
    std::fs::copy(&p, &crashed).unwrap();
    std::fs::copy(format!("{p}-wal"), format!("{crashed}-wal")).unwrap();
    drop(live);
    (dir, crashed)
}

#[test]
fn a_damaged_project_is_one_line_and_verbose_gives_the_details() {
    let (_dir, p) = crashed_damaged_project();
    let before = std::fs::read(&p).unwrap();
    let err = fails(&["docs", &p]);
    assert!(
        err.contains("the project file is damaged (")
            && err.contains("page")
            && err.contains("--verbose"),
        "{err}"
    );
    let out = tualek(&["--verbose", "docs", &p]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    assert!(lines.len() > 1, "details after the reason: {err}");
    assert!(lines[0].contains("the project file is damaged"), "{err}");
    assert!(
        err.contains("*** in database main ***"),
        "SQLite's report: {err}"
    );
    assert_eq!(std::fs::read(&p).unwrap(), before, "project unchanged");
}

#[test]
fn damage_found_by_a_query_is_one_line_that_names_the_check() {
    let (_dir, p) = project();
    common::damage_root_page(Path::new(&p), "figures");
    let before = std::fs::read(&p).unwrap();
    let err = fails(&["figures", &p]);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains("the project file is damaged") && err.contains("tualek check"),
        "{err}"
    );
    assert_eq!(std::fs::read(&p).unwrap(), before, "project unchanged");
}

/// A 2 MB tmpfs mounted for one test, unmounted when dropped; `None`
/// where mounting is not allowed (not root, or no CAP_SYS_ADMIN).
struct SmallDisk(tempfile::TempDir);

impl SmallDisk {
    fn mount() -> Option<SmallDisk> {
        let dir = tempfile::tempdir().ok()?;
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .ok()?
            .success();
        mounted.then_some(SmallDisk(dir))
    }

    fn path(&self) -> &Path {
        self.0.path()
    }

    /// Fills what is left of the disk.
    fn fill(&self) {
        let _ = Command::new("dd")
            .args(["if=/dev/zero", "bs=4096"])
            .arg(format!("of={}", self.path().join("fill").display()))
            .stderr(std::process::Stdio::null())
            .status();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.0.path()).status();
    }
}

#[test]
fn a_full_disk_says_so_and_that_nothing_was_written() {
    let Some(disk) = SmallDisk::mount() else {
        eprintln!(
            "skipped: cannot mount a small tmpfs here (the mapping is unit-tested in store::error)"
        );
        return;
    };
    let p = disk.path().join("p.tualek").display().to_string();
    ok(&["new", &p]);
    let doc = write(disk.path(), "english.txt", ENGLISH.as_bytes());
    ok(&["import", &p, doc.to_str().unwrap()]);
    let (elsewhere, other) = project();
    disk.fill();
    let before = std::fs::read(&p).unwrap();
    // The project on the full disk: a review cannot be written.
    let err = fails(&["review", &p, "1", "confirm"]);
    assert!(
        err.contains("the disk is full; nothing was written"),
        "{err}"
    );
    assert_eq!(std::fs::read(&p).unwrap(), before, "project unchanged");
    // An export from a project elsewhere onto the full disk.
    let out = disk.path().join("figures.csv");
    std::fs::write(&out, "").ok();
    let err = fails(&[
        "export",
        &other,
        "--format",
        "csv",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        err.contains("figures.csv: the disk is full; nothing was written"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&out).unwrap(),
        b"",
        "the old file is as it was"
    );
    drop(elsewhere);
}
