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
