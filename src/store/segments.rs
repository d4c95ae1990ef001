//! Segment alignments of translation pairs, and the reviews of their segments.

use rusqlite::params;

use super::Store;
use super::action::ActionTx;
use super::error::{Result, StoreError};
use super::rows::{self, SEGMENT_COLUMNS, SEGMENT_REVIEW_COLUMNS};
use crate::model::{DocId, Segment, SegmentReview};

/// Segments of pairs whose two documents are both shown.
const LIVE: &str = "EXISTS (SELECT 1 FROM documents d WHERE d.id = s.source_doc AND d.removed = 0) \
     AND EXISTS (SELECT 1 FROM documents d WHERE d.id = s.target_doc AND d.removed = 0)";

impl Store {
    /// The document pairs (source, target) that hold a segment alignment.
    pub fn segment_pairs(&self) -> Result<Vec<(DocId, DocId)>> {
        let sql = format!(
            "SELECT DISTINCT source_doc, target_doc FROM segments s WHERE {LIVE} \
             ORDER BY source_doc, target_doc"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The segments of a pair, by number: source `a` and target `b`, or the
    /// other way round (then each segment is given with its sides swapped,
    /// so `source` always lies in `a`).
    pub fn segments(&self, a: DocId, b: DocId) -> Result<Vec<Segment>> {
        let cols = prefixed(SEGMENT_COLUMNS);
        let sql = format!(
            "SELECT {cols} FROM segments s WHERE {LIVE} AND \
             ((source_doc = ?1 AND target_doc = ?2) OR (source_doc = ?2 AND target_doc = ?1)) \
             ORDER BY number"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params![a, b], rows::segment_from)?;
        let found = rows.collect::<rusqlite::Result<Vec<Segment>>>()?;
        Ok(found.into_iter().map(|s| facing(s, a)).collect())
    }

    /// The accepted segments of a pair (either order), by number.
    pub fn segment_reviews(&self, a: DocId, b: DocId) -> Result<Vec<SegmentReview>> {
        let sql = format!(
            "SELECT {SEGMENT_REVIEW_COLUMNS} FROM segment_reviews WHERE \
             (source_doc = ?1 AND target_doc = ?2) OR (source_doc = ?2 AND target_doc = ?1) \
             ORDER BY number"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params![a, b], rows::segment_review_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl ActionTx<'_> {
    /// Stores the segment alignment of two documents this same action imported.
    ///
    /// Like found figures, segments are not listed in the history: undoing
    /// the import hides both documents, and their segments with them.
    pub fn add_segments(&mut self, segments: &[Segment]) -> Result<usize> {
        for s in segments {
            for doc in [s.source_doc, s.target_doc] {
                if !self.is_fresh(doc) {
                    return Err(StoreError::Invalid(format!(
                        "document {doc} was not imported by this action; segments come with their import"
                    )));
                }
            }
        }
        let mut stmt = self.tx.prepare_cached(&format!(
            "INSERT INTO segments ({SEGMENT_COLUMNS}) \
             VALUES (NULL, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
        ))?;
        for s in segments {
            stmt.execute(params![
                s.source_doc,
                s.target_doc,
                s.number,
                s.source.start as i64,
                s.source.end as i64,
                s.target.start as i64,
                s.target.end as i64,
                serde_json::to_string(&s.source_tags)?,
                serde_json::to_string(&s.target_tags)?,
            ])?;
        }
        Ok(segments.len())
    }

    /// Segment `number` of the pair, its `source` side in document `source`
    /// (the pair may be stored either way round).
    pub fn segment(&self, source: DocId, target: DocId, number: u32) -> Result<Option<Segment>> {
        use rusqlite::OptionalExtension;
        let sql = format!(
            "SELECT {SEGMENT_COLUMNS} FROM segments WHERE number = ?3 AND \
             ((source_doc = ?1 AND target_doc = ?2) OR (source_doc = ?2 AND target_doc = ?1))"
        );
        let found = self
            .tx
            .prepare_cached(&sql)?
            .query_row(params![source, target, number], rows::segment_from)
            .optional()?;
        Ok(found.map(|s| facing(s, source)))
    }

    /// Whether two documents are the sides of one segment alignment (either order).
    pub fn aligned(&self, a: DocId, b: DocId) -> Result<bool> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM segments WHERE (source_doc = ?1 AND target_doc = ?2) \
                 OR (source_doc = ?2 AND target_doc = ?1))",
            )?
            .query_row([a, b], |r| r.get(0))?)
    }

    /// Whether a document is one side of a segment alignment.
    pub fn has_segments(&self, doc: DocId) -> Result<bool> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM segments WHERE source_doc = ?1 OR target_doc = ?1)",
            )?
            .query_row([doc], |r| r.get(0))?)
    }

    /// The review of one segment of a pair (either order), if it was accepted.
    pub fn segment_review(
        &self,
        source: DocId,
        target: DocId,
        number: u32,
    ) -> Result<Option<SegmentReview>> {
        use rusqlite::OptionalExtension;
        let sql = format!(
            "SELECT {SEGMENT_REVIEW_COLUMNS} FROM segment_reviews WHERE number = ?3 AND \
             ((source_doc = ?1 AND target_doc = ?2) OR (source_doc = ?2 AND target_doc = ?1))"
        );
        Ok(self
            .tx
            .prepare_cached(&sql)?
            .query_row(params![source, target, number], rows::segment_review_from)
            .optional()?)
    }
}

/// The segment with its sides swapped when its source is not in `source`.
fn facing(mut s: Segment, source: DocId) -> Segment {
    if s.source_doc != source {
        std::mem::swap(&mut s.source_doc, &mut s.target_doc);
        std::mem::swap(&mut s.source, &mut s.target);
        std::mem::swap(&mut s.source_tags, &mut s.target_tags);
    }
    s
}

fn prefixed(columns: &str) -> String {
    columns
        .split(", ")
        .map(|c| format!("s.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}
