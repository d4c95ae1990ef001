use std::path::PathBuf;

/// Why the store refused or failed. Each message is one line a user can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}: no such project file")]
    NotFound(PathBuf),
    #[error("{0}: a file is already there; choose another name")]
    AlreadyExists(PathBuf),
    #[error("{0}: not a Tualek project ({1})")]
    NotTualek(PathBuf, String),
    #[error(
        "{path}: made by a newer Tualek (schema {found}, this one knows up to {supported}); \
         the file was left untouched"
    )]
    TooNew {
        path: PathBuf,
        found: i32,
        supported: i32,
    },
    #[error(
        "{path}: made by an older Tualek (schema {found}); open it once in the workbench, \
         or run any command that changes it, to upgrade it"
    )]
    TooOld { path: PathBuf, found: i32 },
    #[error("{0}: {1}; it was not opened and was left untouched")]
    Hostile(PathBuf, String),
    #[error("{0}: checking the project took too long; it was not opened and was left untouched")]
    TooSlow(PathBuf),
    #[error(
        "{0}: the project was not closed cleanly and its folder is read-only; copy it to a \
         folder you can write to and open it there"
    )]
    Unrecoverable(PathBuf),
    /// SQLite's report on the damage may run to many lines: the message
    /// shows its first; [`StoreError::details`] holds all of it.
    #[error("{}: the project file is damaged ({})", .0.display(), damage_summary(.1))]
    Corrupt(PathBuf, String),
    #[error("{0}: the project file is read-only")]
    ReadOnly(PathBuf),
    #[error("{0}: the project is locked by another process; close it there and try again")]
    Locked(PathBuf),
    #[error("{0}")]
    Invalid(String),
    #[error("the project changed under this action ({0}); nothing was written")]
    Conflict(String),
    #[error("nothing to undo")]
    NothingToUndo,
    #[error("nothing to redo")]
    NothingToRedo,
    /// The disk holding the project has no room left (seen at open, where
    /// SQLite reports only an I/O error).
    #[error("{0}: the disk is full; nothing was written (free some space and try again)")]
    DiskFull(PathBuf),
    #[error("{}", sqlite_message(.0))]
    Sqlite(#[from] rusqlite::Error),
    #[error("history entry is unreadable: {0}")]
    History(#[from] serde_json::Error),
}

impl StoreError {
    /// What lies behind the one-line message, for `--verbose`: SQLite's
    /// whole report on a damaged file. `None` when the message says it all.
    pub fn details(&self) -> Option<&str> {
        match self {
            StoreError::Corrupt(_, report) if damage_summary(report) != *report => Some(report),
            _ => None,
        }
    }
}

/// The first line of SQLite's report that names a problem (the report
/// starts with a `*** in database main ***` heading), cut to a readable
/// length, with how many more lines there are.
fn damage_summary(report: &str) -> String {
    let lines: Vec<&str> = report
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("***"))
        .collect();
    let Some(first) = lines.first() else {
        return report.trim().to_string();
    };
    let mut summary: String = first.chars().take(120).collect();
    if summary.len() < first.len() {
        summary.push('…');
    }
    match lines.len() {
        1 if summary == report => summary,
        1 => format!("{summary}; --verbose shows SQLite's report"),
        n => format!(
            "{summary}, and {} more problems; --verbose shows SQLite's report",
            n - 1
        ),
    }
}

/// An SQLite failure in words: a full disk says so, and that the change
/// was not written (SQLite rolls the transaction back).
fn sqlite_message(e: &rusqlite::Error) -> String {
    if matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::DiskFull)) {
        return "the disk is full; nothing was written (free some space and try again)".into();
    }
    if is_corrupt(e) {
        // Found by a query, not at open: a cleanly closed file is not read
        // page by page when it opens, so damage shows where it is read.
        return "the project file is damaged (SQLite: database disk image is malformed); \
                nothing was written; `tualek check` lists the damage"
            .into();
    }
    format!("database error: {e}")
}

/// Whether `e` means the disk holding `path` is full: SQLite says so
/// (`SQLITE_FULL`), or reports an I/O error while the file system has
/// (next to) no room left — creating the `-shm` file of a project on a full
/// disk fails that way.
pub(crate) fn is_disk_full(e: &rusqlite::Error, path: &std::path::Path) -> bool {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DiskFull) => true,
        Some(rusqlite::ErrorCode::SystemIoFailure) => free_bytes(path).is_some_and(|b| b < 1 << 20),
        _ => false,
    }
}

/// Bytes free to an ordinary user on the file system holding `path`.
#[cfg(unix)]
fn free_bytes(path: &std::path::Path) -> Option<u64> {
    use std::os::unix::ffi::OsStrExt;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => std::path::Path::new("."),
    };
    let c = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
    // SAFETY: `c` is NUL-terminated and `stat` is a plain struct statvfs fills.
    let mut stat: libc::statvfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statvfs(c.as_ptr(), &mut stat) } != 0 {
        return None;
    }
    Some((stat.f_bavail as u64).saturating_mul(stat.f_frsize as u64))
}

#[cfg(not(unix))]
fn free_bytes(_: &std::path::Path) -> Option<u64> {
    None
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

pub(crate) fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

pub(crate) fn is_not_a_database(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase)
    )
}

pub(crate) fn is_corrupt(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite(code: i32) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None)
    }

    #[test]
    fn a_full_disk_says_so_and_that_nothing_was_written() {
        let e = StoreError::from(sqlite(rusqlite::ffi::SQLITE_FULL));
        let text = e.to_string();
        assert!(
            text.contains("disk is full") && text.contains("nothing was written"),
            "{text}"
        );
        assert!(is_disk_full(
            &sqlite(rusqlite::ffi::SQLITE_FULL),
            std::path::Path::new("x")
        ));
        // An I/O error where there is room is an I/O error.
        assert!(!is_disk_full(
            &sqlite(rusqlite::ffi::SQLITE_IOERR),
            &std::env::temp_dir().join("x")
        ));
        assert!(
            StoreError::from(sqlite(rusqlite::ffi::SQLITE_IOERR))
                .to_string()
                .contains("I/O")
        );
    }

    #[test]
    fn a_damage_report_of_many_lines_is_one_line_with_the_rest_in_details() {
        let report = "*** in database main ***\nPage 5: never used\nPage 6: never used\nTree 2 page 2 cell 0: invalid page number 99";
        let e = StoreError::Corrupt("p.tualek".into(), report.into());
        let text = e.to_string();
        assert_eq!(text.lines().count(), 1, "{text}");
        assert!(
            text.contains("Page 5: never used, and 2 more problems"),
            "{text}"
        );
        assert!(text.contains("--verbose"), "{text}");
        assert_eq!(e.details(), Some(report));
        let plain =
            StoreError::Corrupt("p.tualek".into(), "database disk image is malformed".into());
        assert_eq!(
            plain.to_string(),
            "p.tualek: the project file is damaged (database disk image is malformed)"
        );
        assert_eq!(plain.details(), None);
    }
}
