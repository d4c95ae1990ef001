use serde::{Deserialize, Serialize};

use super::figure::string_enum;
use super::{DocId, Span};

/// A segment's row id. Zero means "not stored yet".
pub type SegmentId = i64;

/// An inline tag of a bilingual file (`<bpt>`, `<ph>`, `<g>`, …), kept out
/// of the text so figures and offsets see only words, but remembered so a
/// segment can be written back with its markup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InlineTag {
    /// Code points from the start of the segment's text to where the tag stood.
    pub at: usize,
    /// The element's local name (`bpt`, `ept`, `ph`, `it`, `g`, `x`, `pc`, …).
    pub name: String,
    /// The element as it was written, with its content (`<ph x="1">&lt;br/&gt;</ph>`);
    /// for a paired element that wraps text, only its start or end tag.
    pub xml: String,
}

/// One aligned segment of a document pair: the `number`-th translation unit
/// (or line) of a bilingual file, and where it stands in each of the two
/// documents the file became.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub id: SegmentId,
    pub source_doc: DocId,
    pub target_doc: DocId,
    /// 1-based position of the `<tu>`, `<trans-unit>`, `<unit>` or line in its file.
    pub number: u32,
    /// Code points of the source document.
    pub source: Span,
    /// Code points of the target document.
    pub target: Span,
    pub source_tags: Vec<InlineTag>,
    pub target_tags: Vec<InlineTag>,
}

string_enum! {
    /// The number check of one segment pair: one verdict, the gravest found.
    SegmentVerdict {
        /// Every figure has its counterpart, with the same value.
        Ok = "ok",
        /// A figure whose counterpart states another value (1,255 ↔ 1,525).
        Mismatch = "mismatch",
        /// A figure of the source with no counterpart in the target.
        Missing = "missing",
        /// A figure of the target with no counterpart in the source.
        Extra = "extra",
    }
}

/// A reviewer's acceptance of a flagged segment: the change is legitimate
/// (a unit converted, a figure left out on purpose), with a note saying why.
/// Hangs on the pair of documents and the segment's number, so it survives
/// a re-run of the extractor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentReview {
    pub id: i64,
    pub source_doc: DocId,
    pub target_doc: DocId,
    pub number: u32,
    pub note: Option<String>,
    pub reviewer: String,
    /// RFC 3339, UTC.
    pub reviewed_at: String,
}
