use serde::{Deserialize, Serialize};

use super::FigureId;

/// A reviewer's word on a claim (a group of figures stating the same fact in
/// several sources): who accepted it or wrote a note on it, and when.
/// Claims themselves are not stored: an accepted claim is the figures joined
/// by links of relation `same`, so this row hangs on the claim's anchor, its
/// mention with the lowest figure id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimReview {
    pub id: i64,
    /// The claim's anchor: its mention with the lowest figure id.
    pub figure: FigureId,
    /// "Xinhua counts cases opened, Lao Security News counts complaints".
    pub note: Option<String>,
    pub reviewer: String,
    /// RFC 3339, UTC.
    pub reviewed_at: String,
}

/// A reviewer's word that two figures do not state the same fact: a
/// suggestion dismissed, or a figure split out of a claim. The engine never
/// groups the two again. Stored with `a < b`, so a pair is one row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dismissal {
    pub id: i64,
    pub a: FigureId,
    pub b: FigureId,
}

impl Dismissal {
    /// A new (unstored) dismissal of the pair, in either order.
    pub fn of(x: FigureId, y: FigureId) -> Dismissal {
        Dismissal {
            id: 0,
            a: x.min(y),
            b: x.max(y),
        }
    }

    /// Whether it dismisses this pair (either order).
    pub fn is(&self, x: FigureId, y: FigureId) -> bool {
        (self.a, self.b) == (x.min(y), x.max(y))
    }
}
