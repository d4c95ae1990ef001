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
    #[error("{0}: the project file is damaged ({1})")]
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
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("history entry is unreadable: {0}")]
    History(#[from] serde_json::Error),
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
