//! The workbench's state and commands.
//!
//! Every user action is a [`Command`]. [`Project::execute`] is the one place
//! they are applied: it plans the command as row changes (each with its
//! before and after, hence its own inverse), writes them in one transaction
//! with one history row, and so makes every action undoable, even after a restart.

pub mod annotations;
mod claims;
mod command;
pub mod documents;
pub mod extract;
mod import;
pub mod links;
mod live_claims;
mod sample;
mod settings;
pub mod translations;
pub mod workbench;

pub use command::{Command, Decision, Executed, FigureFields, span_text};
pub use import::{ImportProgress, ImportReport};
pub use live_claims::LiveClaims;
pub use sample::{SAMPLE_DOCUMENTS, data_dir, sample_path};
pub use settings::Settings;

use std::path::Path;

use crate::model::HistoryEntry;
use crate::store::{Store, StoreError};

/// Why a command was refused. Nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Refused(#[from] Refusal),
    #[error("{0}")]
    Invalid(String),
    #[error("{0} not found")]
    NotFound(String),
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;

/// What a reviewer can run into while working, each with its message id in
/// the UI's translations (the `Display` text is for the command line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("no project is open")]
    NoProject,
    #[error("no document in this pane")]
    NoDocument,
    #[error("select a figure first")]
    SelectFigure,
    #[error("select some text first")]
    SelectText,
    #[error("select a figure in each pane to link them")]
    SelectInBothPanes,
    #[error("open a document in each pane to link their figures")]
    OpenBothPanes,
    #[error("the two panes show the same document")]
    SameDocument,
    #[error("a figure cannot be linked to itself")]
    LinkToItself,
    #[error("these figures are linked already")]
    AlreadyLinked,
    #[error("no figures to link: every pair found is linked already")]
    NothingNewToLink,
    #[error("the note is unchanged")]
    NoteUnchanged,
    #[error("click or select text on the line where the second part begins")]
    SplitWhere,
    #[error("the first line cannot begin the second part: choose a later line")]
    SplitFirstLine,
    #[error("a claim needs at least two figures")]
    ClaimTooFew,
    #[error("a claim's figures must come from at least two documents")]
    ClaimOneDocument,
    #[error("this claim is accepted already")]
    ClaimAcceptedAlready,
    #[error("these figures are kept apart already")]
    ClaimApartAlready,
    #[error("a reviewer joined these figures: split a figure out of the claim instead")]
    ClaimJoined,
    #[error("these are one claim already")]
    ClaimMergeItself,
    #[error(
        "these figures are linked as a translation or a source already: make that link a \
         \u{201c}same fact\u{201d} link to accept the claim"
    )]
    ClaimLinkedOtherwise,
    #[error(
        "only the segments of a bilingual file can be accepted; these documents were aligned by sentence"
    )]
    SegmentsNotStored,
    #[error("this segment has no problem to accept")]
    SegmentNotFlagged,
    #[error("this segment is not accepted")]
    SegmentNotAccepted,
    #[error(
        "a document of an aligned translation pair cannot be split: its segments would no longer match"
    )]
    SplitSegmented,
}

impl Refusal {
    /// The message id in `i18n/*/workbench.ftl`.
    pub fn message_id(self) -> &'static str {
        match self {
            Refusal::NoProject => "refused-no-project",
            Refusal::NoDocument => "refused-no-document",
            Refusal::SelectFigure => "refused-select-figure",
            Refusal::SelectText => "refused-select-text",
            Refusal::SelectInBothPanes => "refused-select-in-both-panes",
            Refusal::OpenBothPanes => "refused-open-both-panes",
            Refusal::SameDocument => "refused-same-document",
            Refusal::LinkToItself => "refused-link-to-itself",
            Refusal::AlreadyLinked => "refused-already-linked",
            Refusal::NothingNewToLink => "refused-nothing-new-to-link",
            Refusal::NoteUnchanged => "refused-note-unchanged",
            Refusal::SplitWhere => "refused-split-where",
            Refusal::SplitFirstLine => "refused-split-first-line",
            Refusal::ClaimTooFew => "refused-claim-too-few",
            Refusal::ClaimOneDocument => "refused-claim-one-document",
            Refusal::ClaimAcceptedAlready => "refused-claim-accepted-already",
            Refusal::ClaimApartAlready => "refused-claim-apart-already",
            Refusal::ClaimJoined => "refused-claim-joined",
            Refusal::ClaimMergeItself => "refused-claim-merge-itself",
            Refusal::ClaimLinkedOtherwise => "refused-claim-linked-otherwise",
            Refusal::SegmentsNotStored => "refused-segments-not-stored",
            Refusal::SegmentNotFlagged => "refused-segment-not-flagged",
            Refusal::SegmentNotAccepted => "refused-segment-not-accepted",
            Refusal::SplitSegmented => "refused-split-segmented",
        }
    }

    pub const ALL: &[Refusal] = &[
        Refusal::NoProject,
        Refusal::NoDocument,
        Refusal::SelectFigure,
        Refusal::SelectText,
        Refusal::SelectInBothPanes,
        Refusal::OpenBothPanes,
        Refusal::SameDocument,
        Refusal::LinkToItself,
        Refusal::AlreadyLinked,
        Refusal::NothingNewToLink,
        Refusal::NoteUnchanged,
        Refusal::SplitWhere,
        Refusal::SplitFirstLine,
        Refusal::ClaimTooFew,
        Refusal::ClaimOneDocument,
        Refusal::ClaimAcceptedAlready,
        Refusal::ClaimApartAlready,
        Refusal::ClaimJoined,
        Refusal::ClaimMergeItself,
        Refusal::ClaimLinkedOtherwise,
        Refusal::SegmentsNotStored,
        Refusal::SegmentNotFlagged,
        Refusal::SegmentNotAccepted,
        Refusal::SplitSegmented,
    ];
}

/// An open project and the reviewer at work on it.
pub struct Project {
    store: Store,
    reviewer: String,
}

impl Project {
    pub fn create(path: &Path, reviewer: &str) -> Result<Project> {
        Ok(Project {
            store: Store::create(path)?,
            reviewer: reviewer.to_string(),
        })
    }

    pub fn open(path: &Path, reviewer: &str) -> Result<Project> {
        Ok(Project {
            store: Store::open(path)?,
            reviewer: reviewer.to_string(),
        })
    }

    /// Opens a project to read it: nothing is written, not even a migration
    /// (an older schema is refused with how to upgrade it).
    pub fn open_read(path: &Path, reviewer: &str) -> Result<Project> {
        Ok(Project {
            store: Store::open_read(path)?,
            reviewer: reviewer.to_string(),
        })
    }

    /// The full check of the project at `path` (see [`Store::check`]): the
    /// findings, one a line; none when it is sound. Writes nothing.
    pub fn check(path: &Path) -> Result<Vec<String>> {
        Ok(Store::check(path)?)
    }

    /// Read access for views and exports. Writes go through commands only.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Commits stop waiting for the disk; a background thread makes them
    /// durable right after (see [`crate::store::Flusher`]). For the workbench,
    /// whose frames cannot wait for an fsync.
    pub fn defer_sync(&mut self) -> Result<()> {
        Ok(self.store.defer_sync()?)
    }

    pub fn reviewer(&self) -> &str {
        &self.reviewer
    }

    pub fn set_reviewer(&mut self, reviewer: &str) {
        self.reviewer = reviewer.to_string();
    }

    /// Reverts the newest action still applied.
    pub fn undo(&mut self) -> Result<HistoryEntry> {
        Ok(self.store.undo(&self.reviewer)?)
    }

    /// Re-applies the action undone most recently.
    pub fn redo(&mut self) -> Result<HistoryEntry> {
        Ok(self.store.redo(&self.reviewer)?)
    }
}

/// The reviewer's name: the given one, else `TUALEK_REVIEWER`, else the OS user.
pub fn reviewer_name(given: Option<&str>) -> String {
    given
        .map(str::to_string)
        .or_else(|| std::env::var("TUALEK_REVIEWER").ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .or_else(|| whoami::username().ok())
        .unwrap_or_else(|| "unknown".to_string())
}
