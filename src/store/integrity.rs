//! `tualek check`: the full check that opening skips.
//!
//! Opening checks the schema always and SQLite's quick check only for a file
//! not closed cleanly (the quick check reads the whole file: seconds on a big
//! project). This reads everything: every page, every index, every reference.

use std::path::Path;

use super::error::{Result, StoreError};
use super::header::{self, Sidecars};
use super::open::{Mode, classify, project_version, read_connection};
use super::sidecars::ReaderSidecars;
use super::{Store, guard};

impl Store {
    /// Checks the project at `path` without writing to it: SQLite's full
    /// `integrity_check`, `foreign_key_check`, and the schema against the
    /// migrations'. Returns the findings, one a line; none when it is sound.
    /// Refused like [`Store::open_read`] only for what is not a project at
    /// all; a project of an older schema is checked against that schema.
    pub fn check(path: &Path) -> Result<Vec<String>> {
        let sidecars = Sidecars::of(path);
        header::precheck(path, sidecars)?;
        let _reader_files = ReaderSidecars::note(path, sidecars);
        let conn = read_connection(path, sidecars)?;
        let bad = |e| classify(path, e);
        let version = project_version(path, &conn, Mode::Read)?;
        let mut findings = Vec::new();
        match guard::schema_findings(&conn, version) {
            Ok(found) => findings.extend(found),
            Err(e) => return damaged(bad(e)),
        }
        match lines(&conn, "PRAGMA integrity_check") {
            Ok(found) => findings.extend(found.into_iter().filter(|l| l != "ok")),
            Err(e) => return damaged(bad(e)),
        }
        match foreign_keys(&conn) {
            Ok(found) => findings.extend(found),
            Err(e) => return damaged(bad(e)),
        }
        Ok(findings)
    }

    /// Runs SQLite's full `PRAGMA integrity_check`; returns its findings ("ok" when sound).
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        Ok(lines(&self.conn, "PRAGMA integrity_check")?)
    }
}

/// A file too damaged to check through is one finding, not a failure.
fn damaged(e: StoreError) -> Result<Vec<String>> {
    match e {
        StoreError::Corrupt(_, why) => Ok(vec![format!("the file is damaged: {why}")]),
        e => Err(e),
    }
}

fn lines(conn: &rusqlite::Connection, sql: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    rows.collect()
}

fn foreign_keys(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let rows = stmt.query_map([], |r| {
        let table: String = r.get(0)?;
        let row: Option<i64> = r.get(1)?;
        let parent: String = r.get(2)?;
        Ok(match row {
            Some(id) => format!("{table} row {id} refers to a missing row of {parent}"),
            None => format!("a row of {table} refers to a missing row of {parent}"),
        })
    })?;
    rows.collect()
}
