//! What a file is, read from its first 100 bytes and the files beside it,
//! before SQLite touches anything: so a file that is not a project is refused
//! without SQLite creating `-wal`/`-shm` files beside it.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::error::{Result, StoreError};
use super::schema;

/// The sixteen bytes every SQLite database begins with.
const MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// The `-wal` and `-shm` files beside a project, as found before opening it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sidecars {
    /// The length of the `-wal` file, if there is one.
    pub(crate) wal_len: Option<u64>,
    pub(crate) shm_exists: bool,
}

impl Sidecars {
    pub(crate) fn of(path: &Path) -> Sidecars {
        Sidecars {
            wal_len: std::fs::metadata(sidecar(path, "-wal"))
                .ok()
                .map(|m| m.len()),
            shm_exists: sidecar(path, "-shm").exists(),
        }
    }

    /// Whether the `-wal` holds commits not yet copied into the file: then the
    /// file alone does not say what the project holds; SQLite must read both.
    pub(crate) fn wal_has_frames(self) -> bool {
        self.wal_len.is_some_and(|n| n > 0)
    }
}

pub(crate) fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// Refuses a missing file, a folder, a file that is not SQLite, an empty file,
/// an empty database or another program's, and a newer schema, from the bytes
/// alone. When the `-wal` holds commits the header may be stale (a project
/// made but never checkpointed still says version 0): then only what the
/// header cannot get wrong is checked, and SQLite's view decides the rest.
pub(crate) fn precheck(path: &Path, sidecars: Sidecars) -> Result<()> {
    let not = |why: &str| StoreError::NotTualek(path.to_path_buf(), why.into());
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => StoreError::NotFound(path.to_path_buf()),
        _ => StoreError::Invalid(format!("{}: {e}", path.display())),
    })?;
    if meta.is_dir() {
        return Err(not("it is a folder"));
    }
    if !meta.is_file() {
        return Err(not("not a regular file"));
    }
    if meta.len() == 0 {
        return Err(not("an empty file"));
    }
    let mut head = [0u8; 100];
    let mut file =
        File::open(path).map_err(|e| StoreError::Invalid(format!("{}: {e}", path.display())))?;
    let n = read_up_to(&mut file, &mut head)
        .map_err(|e| StoreError::Invalid(format!("{}: {e}", path.display())))?;
    if n < head.len() || &head[..16] != MAGIC {
        return Err(not("not an SQLite database"));
    }
    if sidecars.wal_has_frames() {
        return Ok(());
    }
    let be = |at: usize| i32::from_be_bytes([head[at], head[at + 1], head[at + 2], head[at + 3]]);
    let (user_version, app_id, pages) = (be(60), be(68), be(28));
    if app_id == 0 && user_version == 0 && pages <= 1 {
        return Err(not("an empty SQLite database"));
    }
    if app_id != schema::APPLICATION_ID {
        return Err(not("an SQLite database of another program"));
    }
    if user_version > schema::LATEST {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: user_version,
            supported: schema::LATEST,
        });
    }
    Ok(())
}

/// Reads until `buf` is full or the file ends (a short read is not the end).
fn read_up_to(file: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// Whether the project was left without being closed: its `-wal` holds commits
/// and no connection (of any process, this one included) holds a lock on it.
/// A connection in WAL mode holds a shared lock on the file for as long as it
/// is open, and the last one to close copies the `-wal` in and deletes it, so
/// a `-wal` with commits and no lock is what a crash (or a read-only last
/// reader, which cannot copy) leaves behind. Linux lists every lock in
/// `/proc/locks`, which needs no file descriptor (closing one of ours would
/// drop this process's SQLite locks). Elsewhere, or when the list cannot be
/// read, every `-wal` with commits counts as unclean: a slower open, never a
/// skipped check.
pub(crate) fn left_unclosed(path: &Path, sidecars: Sidecars) -> bool {
    if !sidecars.wal_has_frames() {
        return false;
    }
    !locked_by_anyone(path).unwrap_or(false)
}

#[cfg(target_os = "linux")]
fn locked_by_anyone(path: &Path) -> Option<bool> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).ok()?;
    let dev = meta.dev();
    let id = format!(
        "{:02x}:{:02x}:{}",
        libc::major(dev),
        libc::minor(dev),
        meta.ino()
    );
    let locks = std::fs::read_to_string("/proc/locks").ok()?;
    Some(
        locks
            .lines()
            .any(|line| line.split_whitespace().any(|field| field == id)),
    )
}

#[cfg(not(target_os = "linux"))]
fn locked_by_anyone(_path: &Path) -> Option<bool> {
    None
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn an_open_connection_is_seen_in_the_lock_list() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.db");
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; CREATE TABLE t(x); INSERT INTO t VALUES (1);",
        )
        .unwrap();
        assert_eq!(locked_by_anyone(&path), Some(true));
        assert!(
            !left_unclosed(&path, Sidecars::of(&path)),
            "open, not crashed"
        );
        drop(conn);
        assert_eq!(locked_by_anyone(&path), Some(false));
    }
}
