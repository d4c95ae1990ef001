//! The project file: one SQLite database, and the only place in Tualek with SQL.
//!
//! Every user action is one transaction that also appends a history row, so
//! a decision is either wholly on disk or not at all, and undo survives restarts.

mod action;
mod error;
mod flush;
mod guard;
mod header;
mod history;
mod integrity;
mod open;
mod read;
mod rows;
pub mod schema;
mod search;
mod segments;
mod sidecars;
mod texts;
pub mod trigram;

pub use action::{ActionTx, ImportOutcome};
pub use error::{Result, StoreError};
pub use flush::{Flusher, Waker};
pub use read::{FigureFilter, ReviewCounts};

use std::path::{Path, PathBuf};

use rusqlite::Connection;

/// An open project.
pub struct Store {
    /// Declared first so it is dropped first: its last flush and its
    /// connection end before `conn` closes and checkpoints the file.
    flusher: Option<Flusher>,
    conn: Connection,
    path: PathBuf,
    /// A read-only store's cleanup of SQLite's reader files, declared after
    /// `conn` so it runs once the connection has closed.
    reader_files: Option<sidecars::ReaderSidecars>,
}

impl Store {
    fn new(path: &Path, conn: Connection) -> Store {
        Store {
            flusher: None,
            conn,
            path: path.to_path_buf(),
            reader_files: None,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open file (always `schema::LATEST` once open).
    pub fn schema_version(&self) -> Result<i32> {
        Ok(schema::user_version(&self.conn)?)
    }
}

/// Now, as RFC 3339 UTC to the second: the form every timestamp in a project takes.
pub fn now() -> String {
    let f = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    time::OffsetDateTime::now_utc()
        .format(&f)
        .expect("formatting a UTC time cannot fail")
}

/// Takes the write lock now, so two processes never interleave halves of actions.
fn write_transaction<'c>(
    conn: &'c mut Connection,
    path: &Path,
) -> Result<rusqlite::Transaction<'c>> {
    checked_transaction(conn, path, true)
}

/// As [`write_transaction`], with SQLite's foreign-key checks on or off for
/// this transaction (the pragma cannot change inside one, so every write
/// transaction sets it as it starts).
fn checked_transaction<'c>(
    conn: &'c mut Connection,
    path: &Path,
    foreign_keys: bool,
) -> Result<rusqlite::Transaction<'c>> {
    conn.pragma_update(None, "foreign_keys", foreign_keys)?;
    conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(|e| {
            if error::is_busy(&e) {
                StoreError::Locked(path.to_path_buf())
            } else {
                e.into()
            }
        })
}
