use serde::{Deserialize, Serialize};

use super::FigureId;

/// A reviewer's note on a claim (a group of figures stating the same fact in
/// several sources). Claims themselves are not stored: an accepted claim is
/// the figures joined by links of relation `same`; the note is kept on the
/// claim's anchor figure, its lowest-numbered mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimNote {
    pub id: i64,
    /// The claim's anchor: its mention with the lowest figure id.
    pub figure: FigureId,
    pub note: String,
    pub reviewer: String,
    /// RFC 3339, UTC.
    pub noted_at: String,
}
