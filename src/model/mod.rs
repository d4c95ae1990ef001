//! Plain data: documents, figures, links and the history of changes.
//!
//! Nothing here does I/O. Offsets in these types are Unicode code points
//! (end exclusive), because that is what users, files and exports see.

mod claim;
mod document;
mod figure;
pub(crate) use figure::string_enum;
mod history;
mod link;
mod segment;

pub use claim::{ClaimReview, Dismissal};
pub use document::{Document, DocumentMeta, Language};
pub use figure::{Figure, FigureRow, Kind, Origin, Span, Status};
pub use history::{Change, HistoryEntry, HistoryKind, HistoryState, Row};
pub use link::{Link, LinkStatus, Relation};
pub use rust_decimal::Decimal;
pub use segment::{InlineTag, Segment, SegmentId, SegmentReview, SegmentVerdict};

/// Database row ids. Zero means "not stored yet".
pub type DocId = i64;
pub type FigureId = i64;
pub type LinkId = i64;
