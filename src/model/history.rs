use serde::{Deserialize, Serialize};

use super::figure::string_enum;
use super::{ClaimReview, Dismissal, DocumentMeta, Figure, Link, SegmentReview};

/// A snapshot of one stored row, as the history keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "table", content = "row", rename_all = "lowercase")]
pub enum Row {
    Document(DocumentMeta),
    Figure(Figure),
    Link(Link),
    /// A reviewer's acceptance of, or note on, a claim.
    #[serde(rename = "claim_review")]
    ClaimReview(ClaimReview),
    /// Two figures a reviewer said are not the same fact.
    Dismissal(Dismissal),
    /// A flagged segment of a translation accepted, with a note.
    #[serde(rename = "segment_review")]
    SegmentReview(SegmentReview),
}

impl Row {
    pub fn id(&self) -> i64 {
        match self {
            Row::Document(d) => d.id,
            Row::Figure(f) => f.id,
            Row::Link(l) => l.id,
            Row::ClaimReview(r) => r.id,
            Row::Dismissal(d) => d.id,
            Row::SegmentReview(r) => r.id,
        }
    }
    pub fn table(&self) -> &'static str {
        match self {
            Row::Document(_) => "document",
            Row::Figure(_) => "figure",
            Row::Link(_) => "link",
            Row::ClaimReview(_) => "claim_review",
            Row::Dismissal(_) => "dismissal",
            Row::SegmentReview(_) => "segment_review",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_rows_are_named_in_the_history() {
        let review = Row::ClaimReview(ClaimReview {
            id: 3,
            figure: 7,
            note: Some("cases opened".into()),
            reviewer: "noy".into(),
            reviewed_at: "2026-01-30T10:00:00Z".into(),
        });
        let json = serde_json::to_value(&review).unwrap();
        assert_eq!(json["table"], "claim_review");
        assert_eq!(json["row"]["figure"], 7);
        assert_eq!(serde_json::from_value::<Row>(json).unwrap(), review);
        assert_eq!(review.table(), "claim_review");
        assert_eq!(review.id(), 3);

        let dismissal = Row::Dismissal(Dismissal::of(9, 4));
        let json = serde_json::to_value(&dismissal).unwrap();
        assert_eq!(json["table"], "dismissal");
        assert_eq!(
            (json["row"]["a"].as_i64(), json["row"]["b"].as_i64()),
            (Some(4), Some(9))
        );
        assert_eq!(serde_json::from_value::<Row>(json).unwrap(), dismissal);
        assert_eq!(dismissal.table(), "dismissal");
    }
}
