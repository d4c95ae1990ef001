//! Creating and opening project files, refusing anything that is not a sound,
//! writable Tualek project of a schema this build understands.

use std::path::Path;
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

use super::error::{Result, StoreError, is_busy, is_corrupt, is_not_a_database};
use super::{Store, schema};

/// How long to wait for another process's write to finish before calling the file locked.
const BUSY_TIMEOUT: Duration = Duration::from_secs(3);

impl Store {
    /// Creates a new, empty project. Refuses to overwrite anything.
    pub fn create(path: &Path) -> Result<Store> {
        if path.exists() {
            return Err(StoreError::AlreadyExists(path.to_path_buf()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_EXRESCODE;
        let made = Connection::open_with_flags(path, flags)
            .map_err(StoreError::from)
            .and_then(|conn| Self::prepare(path, conn));
        if made.is_err() {
            // Never leave a half-made project behind.
            for suffix in ["", "-wal", "-shm", "-journal"] {
                let mut p = path.as_os_str().to_owned();
                p.push(suffix);
                let _ = std::fs::remove_file(p);
            }
        }
        made
    }

    /// Opens an existing project, migrating it to the latest schema.
    ///
    /// Refused, with the file left untouched: a missing, read-only, foreign,
    /// damaged or newer-schema file. Refused: a project another process holds locked.
    pub fn open(path: &Path) -> Result<Store> {
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => StoreError::NotFound(path.to_path_buf()),
            _ => StoreError::Invalid(format!("{}: {e}", path.display())),
        })?;
        if meta.is_dir() {
            return Err(StoreError::NotTualek(
                path.to_path_buf(),
                "it is a folder".into(),
            ));
        }
        if meta.permissions().readonly() {
            return Err(StoreError::ReadOnly(path.to_path_buf()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_EXRESCODE;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
        if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
            return Err(StoreError::ReadOnly(path.to_path_buf()));
        }
        Self::prepare(path, conn)
    }

    /// Hardens the connection, checks what the file is, then migrates it.
    /// Nothing is written before every check has passed.
    fn prepare(path: &Path, mut conn: Connection) -> Result<Store> {
        let bad = |e| classify(path, e);
        // The file may come from someone else: do not let its schema run code.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)
            .map_err(bad)?;
        conn.pragma_update(None, "trusted_schema", false)
            .map_err(bad)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(bad)?;

        let app_id = schema::application_id(&conn).map_err(bad)?;
        let version = schema::user_version(&conn).map_err(bad)?;
        let fresh = app_id == 0 && version == 0 && table_count(&conn).map_err(bad)? == 0;
        if !fresh && app_id != schema::APPLICATION_ID {
            return Err(StoreError::NotTualek(
                path.to_path_buf(),
                "an SQLite database of another program".into(),
            ));
        }
        if version > schema::LATEST {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found: version,
                supported: schema::LATEST,
            });
        }
        let check: String = conn
            .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
            .map_err(bad)?;
        if check != "ok" {
            return Err(StoreError::Corrupt(path.to_path_buf(), check));
        }

        // WAL with FULL sync: a committed review survives a crash or power loss.
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(bad)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Invalid(format!(
                "{}: cannot switch the project to WAL mode (got {mode})",
                path.display()
            )));
        }
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(bad)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(bad)?;
        schema::migrate_to(&mut conn, schema::LATEST).map_err(bad)?;
        Ok(Store {
            flusher: None,
            conn,
            path: path.to_path_buf(),
        })
    }
}

fn table_count(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
}

/// Turns SQLite's failures at open time into what they mean for the user.
fn classify(path: &Path, e: rusqlite::Error) -> StoreError {
    let path = path.to_path_buf();
    if is_busy(&e) {
        StoreError::Locked(path)
    } else if is_not_a_database(&e) {
        StoreError::NotTualek(path, "not an SQLite database".into())
    } else if super::error::is_disk_full(&e, &path) {
        StoreError::DiskFull(path)
    } else if is_corrupt(&e) {
        StoreError::Corrupt(path, e.to_string())
    } else if matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::ReadOnly)) {
        StoreError::ReadOnly(path)
    } else {
        StoreError::Sqlite(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_from_others_cannot_run_code_or_rewrite_the_schema() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::create(&dir.path().join("p.tualek")).unwrap();
        assert!(
            store
                .conn
                .db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE)
                .unwrap()
        );
        let trusted: i64 = store
            .conn
            .pragma_query_value(None, "trusted_schema", |r| r.get(0))
            .unwrap();
        assert_eq!(trusted, 0);
        let fk: i64 = store
            .conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        let sync: i64 = store
            .conn
            .pragma_query_value(None, "synchronous", |r| r.get(0))
            .unwrap();
        assert_eq!(sync, 2, "synchronous=FULL");
        // Defensive mode forbids writing the schema table even with writable_schema.
        store
            .conn
            .pragma_update(None, "writable_schema", true)
            .unwrap();
        let write = store
            .conn
            .execute("DELETE FROM sqlite_schema WHERE name = 'figures'", []);
        assert!(write.is_err(), "defensive mode must refuse schema writes");
    }
}
