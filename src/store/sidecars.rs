//! The `-wal` and `-shm` files a read-only connection leaves behind.
//!
//! SQLite lets a reader run beside a writer through these two files, so a
//! read-only connection to a WAL project makes them when they are missing;
//! but only a connection that can write deletes them when it closes last. A
//! command that only reads must leave the folder as it found it: when this
//! reader made the files, a writing connection is opened and closed after
//! the reader's has closed. It reads one header field and writes nothing;
//! as the last connection SQLite's own close removes the files under its
//! locks, and while another connection is open SQLite keeps them.

use std::path::{Path, PathBuf};

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

use super::header::Sidecars;

/// Held by a read-only [`super::Store`] and dropped after its connection.
pub(crate) struct ReaderSidecars {
    path: PathBuf,
    /// Whether neither file was there before this reader opened the project.
    made_here: bool,
}

impl ReaderSidecars {
    pub(crate) fn note(path: &Path, before: Sidecars) -> ReaderSidecars {
        ReaderSidecars {
            path: path.to_path_buf(),
            made_here: before.wal_len.is_none() && !before.shm_exists,
        }
    }
}

impl Drop for ReaderSidecars {
    fn drop(&mut self) {
        if !self.made_here {
            return;
        }
        let now = Sidecars::of(&self.path);
        // A `-wal` with commits means a writer came meanwhile: its files.
        if now.wal_has_frames() || (now.wal_len.is_none() && !now.shm_exists) {
            return;
        }
        let _ = close_as_writer(&self.path);
    }
}

fn close_as_writer(path: &Path) -> rusqlite::Result<()> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_EXRESCODE;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.pragma_update(None, "trusted_schema", false)?;
    if conn.is_readonly(rusqlite::MAIN_DB)? {
        return Ok(());
    }
    conn.query_row("PRAGMA user_version", [], |_| Ok(()))?;
    conn.close().map_err(|(_, e)| e)
}
