use serde::{Deserialize, Serialize};

use super::figure::string_enum;
use super::{DocumentMeta, Figure, Link};

/// A snapshot of one stored row, as the history keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "table", content = "row", rename_all = "lowercase")]
pub enum Row {
    Document(DocumentMeta),
    Figure(Figure),
    Link(Link),
}

impl Row {
    pub fn id(&self) -> i64 {
        match self {
            Row::Document(d) => d.id,
            Row::Figure(f) => f.id,
            Row::Link(l) => l.id,
        }
    }
    pub fn table(&self) -> &'static str {
        match self {
            Row::Document(_) => "document",
            Row::Figure(_) => "figure",
            Row::Link(_) => "link",
        }
    }
}

/// One row going from `before` to `after`; `None` means absent.
///
/// Every user action is a list of these. Its inverse is the same list
/// reversed with `before` and `after` swapped, which is what makes undo exact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub before: Option<Row>,
    pub after: Option<Row>,
}

impl Change {
    pub fn inverse(&self) -> Change {
        Change {
            before: self.after.clone(),
            after: self.before.clone(),
        }
    }
    /// The row either side describes.
    pub fn row(&self) -> Option<&Row> {
        self.after.as_ref().or(self.before.as_ref())
    }
}

string_enum! {
    /// What a history entry records.
    HistoryKind {
        /// A user action.
        Do = "do",
        /// The undoing of an earlier action (see `reverts`).
        Undo = "undo",
        /// The redoing of an earlier, undone action.
        Redo = "redo",
    }
}

string_enum! {
    /// Where a `Do` entry stands on the undo stack.
    HistoryState {
        Applied = "applied",
        Undone = "undone",
        /// Undone, then superseded by a new action: it can no longer be redone.
        Discarded = "discarded",
    }
}

/// One entry in a project's history: who did what, when, and the rows before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub id: i64,
    /// RFC 3339, UTC.
    pub at: String,
    pub who: String,
    pub kind: HistoryKind,
    /// A stable action name such as `review.confirm` or `import`.
    pub action: String,
    /// A one-line human description.
    pub summary: String,
    /// For undo and redo entries: the `Do` entry they act on.
    pub reverts: Option<i64>,
    /// Meaningful for `Do` entries only.
    pub state: HistoryState,
    pub changes: Vec<Change>,
}
