//! Creating and opening project files, refusing anything that is not a sound
//! Tualek project of a schema this build understands.
//!
//! Only [`Store::create`] makes a project. [`Store::open`] opens one to change
//! it (migrating an older schema); [`Store::open_read`] opens one to read it
//! and never writes. Both refuse, with the file left untouched, whatever is
//! not a project, and a project whose schema is not exactly Tualek's.

use std::path::Path;
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

use super::error::{Result, StoreError, is_busy, is_corrupt, is_not_a_database};
use super::header::{self, Sidecars};
use super::sidecars::ReaderSidecars;
use super::{Store, guard, schema};

/// The page size of a new project, in bytes.
const PAGE_SIZE: i64 = 8192;

/// The page cache of a writing connection, in KiB. SQLite's default (2 MiB)
/// is spilled to the WAL again and again by an import that fills several
/// B-trees at once.
const CACHE_KIB: i64 = 16 * 1024;

/// How long to wait for another process's write to finish before calling the file locked.
const BUSY_TIMEOUT: Duration = Duration::from_secs(3);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// A new file, made here.
    Create,
    /// An existing project, to change.
    Write,
    /// An existing project, to read: nothing is written, not even a migration.
    Read,
}

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
            .and_then(|conn| {
                // Only an empty file takes a page size. 8 KiB pages pack
                // texts of a few KiB with less left over on each page.
                conn.pragma_update(None, "page_size", PAGE_SIZE)?;
                Self::prepare(path, conn, Mode::Create, false)
            });
        if made.is_err() {
            // Never leave a half-made project behind.
            for suffix in ["", "-wal", "-shm", "-journal"] {
                let _ = std::fs::remove_file(header::sidecar(path, suffix));
            }
        }
        made
    }

    /// Opens an existing project to change it, migrating an older schema.
    ///
    /// Refused, with the file left untouched: a missing, empty, read-only,
    /// foreign, damaged, hostile or newer-schema file. Refused: a project
    /// another process holds locked while this one must migrate it.
    pub fn open(path: &Path) -> Result<Store> {
        let sidecars = Sidecars::of(path);
        header::precheck(path, sidecars)?;
        let meta = std::fs::metadata(path).map_err(|e| StoreError::Invalid(e.to_string()))?;
        if meta.permissions().readonly() {
            return Err(StoreError::ReadOnly(path.to_path_buf()));
        }
        let unclean = header::left_unclosed(path, sidecars);
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_EXRESCODE;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
        if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
            return Err(StoreError::ReadOnly(path.to_path_buf()));
        }
        Self::prepare(path, conn, Mode::Write, unclean)
    }

    /// Opens an existing project to read it: no migration, no change of
    /// journal mode, nothing written to the file. Works on a read-only file
    /// and in a read-only folder. An older schema is refused (upgrading it
    /// would be a write): [`StoreError::TooOld`] says how to upgrade.
    pub fn open_read(path: &Path) -> Result<Store> {
        let sidecars = Sidecars::of(path);
        header::precheck(path, sidecars)?;
        let unclean = header::left_unclosed(path, sidecars);
        // Declared before the connection, so dropped after it: SQLite's
        // reader files are removed only once the connection has closed.
        let reader_files = ReaderSidecars::note(path, sidecars);
        let conn = read_connection(path, sidecars)?;
        let mut store = Self::prepare(path, conn, Mode::Read, unclean)?;
        store.reader_files = Some(reader_files);
        Ok(store)
    }

    /// Hardens the connection, checks what the file is, then (writing)
    /// migrates it. Nothing is written before every check has passed, and
    /// the write lock is taken only when there is a migration to run.
    fn prepare(path: &Path, mut conn: Connection, mode: Mode, unclean: bool) -> Result<Store> {
        let bad = |e| classify(path, e);
        harden(&mut conn).map_err(bad)?;
        // Here, not in `harden`: registering prepares a statement, which
        // reads the file, and a reader in a read-only folder learns only
        // from its first read that it must open the file as immutable.
        super::trigram::register(&conn).map_err(bad)?;
        guard::start_budget(&mut conn).map_err(bad)?;
        let version = identify(path, &conn, mode)?;
        guard::end_budget(&mut conn).map_err(bad)?;
        if unclean {
            quick_check(path, &conn)?;
        }
        if mode == Mode::Read {
            if version < schema::LATEST {
                return Err(StoreError::TooOld {
                    path: path.to_path_buf(),
                    found: version,
                });
            }
            return Ok(Store::new(path, conn));
        }
        // WAL with FULL sync: a committed review survives a crash or power loss.
        // Switching needs the file to itself, so only a file not yet in WAL asks.
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .map_err(bad)?;
        if !mode.eq_ignore_ascii_case("wal") {
            let mode: String = conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
                .map_err(bad)?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(StoreError::Invalid(format!(
                    "{}: cannot switch the project to WAL mode (got {mode})",
                    path.display()
                )));
            }
        }
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(bad)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(bad)?;
        conn.pragma_update(None, "cache_size", -CACHE_KIB)
            .map_err(bad)?;
        // A statement's journal (and SQLite's other scratch) in memory: on
        // disk, each import of a document made, wrote and unlinked a file of
        // its own, and that file system work was half the import's time.
        conn.pragma_update(None, "temp_store", "MEMORY")
            .map_err(bad)?;
        if version < schema::LATEST {
            schema::migrate_to(&mut conn, schema::LATEST).map_err(bad)?;
        }
        Ok(Store::new(path, conn))
    }
}

/// A read-only connection, hardened, that has read the file once.
///
/// A WAL project in a folder where SQLite cannot make its `-shm` file cannot
/// be read the usual way (SQLite's rule for read-only WAL databases). When no
/// `-wal` holds commits, nobody can be writing it (a writer needs both
/// files), so the file is read as immutable, without them. Otherwise its last
/// commits are in the `-wal` and only a writable folder can recover them.
pub(super) fn read_connection(path: &Path, sidecars: Sidecars) -> Result<Connection> {
    let bad = |e| classify(path, e);
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_EXRESCODE;
    let mut conn = Connection::open_with_flags(path, flags).map_err(bad)?;
    harden(&mut conn).map_err(bad)?;
    match schema::user_version(&conn) {
        Ok(_) => return Ok(conn),
        Err(e) if cannot_open(&e) => drop(conn),
        Err(e) => return Err(bad(e)),
    }
    if sidecars.wal_has_frames() {
        return Err(StoreError::Unrecoverable(path.to_path_buf()));
    }
    let uri = format!("file:{}?immutable=1", uri_path(path));
    let mut conn =
        Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI).map_err(bad)?;
    harden(&mut conn).map_err(bad)?;
    Ok(conn)
}

/// The file may come from someone else: its schema may not run code, and no
/// statement may grow without bound.
pub(super) fn harden(conn: &mut Connection) -> rusqlite::Result<()> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.pragma_update(None, "trusted_schema", false)?;
    guard::set_limits(conn)?;
    conn.busy_timeout(BUSY_TIMEOUT)
}

/// What SQLite says the file is (the header alone can be stale while the
/// `-wal` holds commits); returns its schema version once it proved a
/// Tualek project whose schema is exactly the migrations' for that version.
fn identify(path: &Path, conn: &Connection, mode: Mode) -> Result<i32> {
    let version = project_version(path, conn, mode)?;
    let found = guard::schema_mismatch(conn, version).map_err(|e| classify(path, e))?;
    match found {
        Some(why) => Err(StoreError::Hostile(path.to_path_buf(), why)),
        None => Ok(version),
    }
}

/// The schema version of a file SQLite says is a Tualek project this build
/// can read (any file, for [`Mode::Create`]'s new one).
pub(super) fn project_version(path: &Path, conn: &Connection, mode: Mode) -> Result<i32> {
    let bad = |e| classify(path, e);
    let app_id = schema::application_id(conn).map_err(bad)?;
    let version = schema::user_version(conn).map_err(bad)?;
    if mode != Mode::Create {
        if app_id == 0 && version == 0 && table_count(conn).map_err(bad)? == 0 {
            return Err(StoreError::NotTualek(
                path.to_path_buf(),
                "an empty SQLite database".into(),
            ));
        }
        if app_id != schema::APPLICATION_ID {
            return Err(StoreError::NotTualek(
                path.to_path_buf(),
                "an SQLite database of another program".into(),
            ));
        }
    }
    if version > schema::LATEST {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: schema::LATEST,
        });
    }
    Ok(version)
}

/// SQLite's quick check (O(file size)): for a file not closed cleanly only.
fn quick_check(path: &Path, conn: &Connection) -> Result<()> {
    let check: String = conn
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .map_err(|e| classify(path, e))?;
    if check != "ok" {
        return Err(StoreError::Corrupt(path.to_path_buf(), check));
    }
    Ok(())
}

fn table_count(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
}

/// What SQLite says when it cannot make the `-shm` file of a WAL project
/// (SQLITE_READONLY_DIRECTORY, SQLITE_READONLY_CANTINIT or SQLITE_CANTOPEN).
fn cannot_open(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly)
    )
}

/// A path as the path part of an SQLite `file:` URI: every byte but the
/// unreserved ones and `/` percent-encoded, so `?`, `#` and `%` stay literal.
fn uri_path(path: &Path) -> String {
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str()).to_vec();
    #[cfg(not(unix))]
    let bytes = path.to_string_lossy().into_owned().into_bytes();
    let mut out = String::new();
    for &b in &bytes {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Turns SQLite's failures at open time into what they mean for the user.
pub(super) fn classify(path: &Path, e: rusqlite::Error) -> StoreError {
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
    } else if matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::OperationInterrupted)
    ) {
        StoreError::TooSlow(path)
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
        let temp: i64 = store
            .conn
            .pragma_query_value(None, "temp_store", |r| r.get(0))
            .unwrap();
        assert_eq!(temp, 2, "temp_store=MEMORY: no scratch file per statement");
        let attached = store
            .conn
            .limit(rusqlite::limits::Limit::SQLITE_LIMIT_ATTACHED)
            .unwrap();
        assert_eq!(attached, 0, "no ATTACH");
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

    #[test]
    fn a_path_with_uri_characters_stays_literal() {
        assert_eq!(
            uri_path(Path::new("/tmp/a b?c#d%e.tualek")),
            "/tmp/a%20b%3Fc%23d%25e.tualek"
        );
    }
}
