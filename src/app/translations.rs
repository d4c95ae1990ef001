//! Translation pairs as a project has them: the segments of a bilingual file
//! (stored with its import) or, for two plain documents, their sentences
//! aligned on the fly; the figures linked inside each segment pair; the
//! number check of every segment, with the reviewers' acceptances.

use crate::align::{self, SegmentCheck};
use crate::model::{
    Change, DocId, Document, DocumentMeta, Figure, FigureId, Relation, Row, SegmentReview,
    SegmentVerdict, Span,
};
use crate::store::{ActionTx, FigureFilter, now};
use crate::text::CharIndex;

use super::command::non_empty;
use super::{AppError, Command, Executed, Project, Refusal, Result};

/// Where a pair's segments come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segmentation {
    /// Stored with the import of a bilingual file (TMX, XLIFF, a line pair).
    Stored,
    /// The two documents' sentences, aligned now ([`crate::align::sentences`]).
    Sentences,
}

/// One segment pair and its number check.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentQa {
    /// 1-based: the unit's (or line's, or sentence pair's) position.
    pub number: u32,
    /// Code points of the source document (empty when the source has nothing here).
    pub source: Span,
    /// Code points of the target document.
    pub target: Span,
    pub source_text: String,
    pub target_text: String,
    /// The figures of each side that lie in the segment, by position.
    pub source_figures: Vec<Figure>,
    pub target_figures: Vec<Figure>,
    pub check: SegmentCheck,
    pub verdict: SegmentVerdict,
    /// A reviewer accepted the segment as it is.
    pub review: Option<SegmentReview>,
    /// False for a sentence of one text that the sentence aligner found no
    /// counterpart for: shown with its figures, never flagged. A summary (or a
    /// report quoting a longer one) has many; a guess of the aligner is no
    /// finding. A stored segment is always aligned: its file pairs it.
    pub aligned: bool,
}

impl SegmentQa {
    /// A problem nobody has accepted yet.
    pub fn is_flagged(&self) -> bool {
        self.aligned && self.verdict != SegmentVerdict::Ok && self.review.is_none()
    }
}

/// Segments by verdict, as the status bar and the command line count them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QaCounts {
    pub ok: usize,
    pub mismatch: usize,
    pub missing: usize,
    pub extra: usize,
    /// Flagged segments a reviewer accepted (counted here, not under their verdict).
    pub accepted: usize,
    /// Sentences with no counterpart (sentence alignment only; never flagged).
    pub unaligned: usize,
}

impl QaCounts {
    /// Problems still open.
    pub fn problems(&self) -> usize {
        self.mismatch + self.missing + self.extra
    }
}

/// The number check of a translation pair, segment by segment.
#[derive(Debug, Clone, PartialEq)]
pub struct PairQa {
    pub source: DocumentMeta,
    pub target: DocumentMeta,
    pub segmentation: Segmentation,
    pub segments: Vec<SegmentQa>,
}

impl PairQa {
    pub fn counts(&self) -> QaCounts {
        let mut c = QaCounts::default();
        for s in &self.segments {
            if !s.aligned {
                c.unaligned += 1;
                continue;
            }
            match (s.review.is_some(), s.verdict) {
                (_, SegmentVerdict::Ok) => c.ok += 1,
                (true, _) => c.accepted += 1,
                (false, SegmentVerdict::Mismatch) => c.mismatch += 1,
                (false, SegmentVerdict::Missing) => c.missing += 1,
                (false, SegmentVerdict::Extra) => c.extra += 1,
            }
        }
        c
    }

    /// The segments with a problem nobody accepted.
    pub fn flagged(&self) -> impl Iterator<Item = &SegmentQa> {
        self.segments.iter().filter(|s| s.is_flagged())
    }
}

impl Project {
    /// The pair's segments as `(source span, target span)` and where they
    /// come from: the stored alignment (either order of `a` and `b`), else
    /// the two texts' sentences aligned now.
    pub fn segment_spans(
        &self,
        a: &Document,
        b: &Document,
        a_figures: &[Figure],
        b_figures: &[Figure],
    ) -> Result<(Vec<(Span, Span)>, Segmentation)> {
        let stored = self.store().segments(a.meta.id, b.meta.id)?;
        if !stored.is_empty() {
            let spans = stored.iter().map(|s| (s.source, s.target)).collect();
            return Ok((spans, Segmentation::Stored));
        }
        let beads = align::sentences::align(&a.text, a_figures, &b.text, b_figures);
        Ok((beads, Segmentation::Sentences))
    }

    /// The number check of documents `a` (source) and `b` (target).
    pub fn qa(&self, a: DocId, b: DocId) -> Result<PairQa> {
        if a == b {
            return Err(Refusal::SameDocument.into());
        }
        let (da, db) = (self.live_document(a)?, self.live_document(b)?);
        let (fa, fb) = (self.figures_of(a)?, self.figures_of(b)?);
        let (spans, segmentation) = self.segment_spans(&da, &db, &fa, &fb)?;
        let reviews = match segmentation {
            Segmentation::Stored => self.store().segment_reviews(a, b)?,
            Segmentation::Sentences => Vec::new(),
        };
        let mut segments = check_pair(&da, &db, &fa, &fb, &spans, segmentation);
        for seg in &mut segments {
            seg.review = reviews.iter().find(|r| r.number == seg.number).cloned();
        }
        Ok(PairQa {
            source: da.meta,
            target: db.meta,
            segmentation,
            segments,
        })
    }

    /// Figure pairs of documents `a` and `b` that answer each other: inside
    /// segment pairs for a translation (stored segments, else sentences
    /// aligned), in order over the whole texts for two sources in one language.
    pub fn figure_pairs(
        &self,
        a: DocId,
        b: DocId,
        relation: Relation,
    ) -> Result<Vec<(FigureId, FigureId)>> {
        let (da, db) = (self.live_document(a)?, self.live_document(b)?);
        let (fa, fb) = (self.figures_of(a)?, self.figures_of(b)?);
        if relation != Relation::Translation && self.store().segments(a, b)?.is_empty() {
            return Ok(align::align_in_order(&fa, &fb));
        }
        let (spans, _) = self.segment_spans(&da, &db, &fa, &fb)?;
        Ok(align::link_in_segments(&spans, &fa, &fb))
    }

    /// Accepts segment `number` of the stored pair `a`–`b` as it is, with a
    /// note. The command itself refuses a pair without stored segments and a
    /// segment with nothing to accept (see [`plan_accept`]).
    pub fn accept_segment(
        &mut self,
        a: DocId,
        b: DocId,
        number: u32,
        note: Option<&str>,
    ) -> Result<Executed> {
        self.execute(Command::SegmentAccept {
            source: a,
            target: b,
            number,
            note: note.map(str::to_string),
        })
    }

    fn live_document(&self, id: DocId) -> Result<Document> {
        self.store()
            .document(id)?
            .ok_or_else(|| AppError::NotFound(format!("document {id}")))
    }

    fn figures_of(&self, doc: DocId) -> Result<Vec<Figure>> {
        Ok(self.store().figures(&FigureFilter {
            document: Some(doc),
            statuses: vec![],
        })?)
    }
}

/// The number check of two documents, segment by segment (`spans`: each
/// segment's span in the source and in the target, in order), with no
/// reviews: what a bilingual file says before any project holds it.
/// `*_figures` are each document's figures sorted by position.
pub fn check_pair(
    source: &Document,
    target: &Document,
    source_figures: &[Figure],
    target_figures: &[Figure],
    spans: &[(Span, Span)],
    segmentation: Segmentation,
) -> Vec<SegmentQa> {
    let (ca, cb) = (CharIndex::new(&source.text), CharIndex::new(&target.text));
    spans
        .iter()
        .enumerate()
        .map(|(i, &(sa, sb))| {
            let (sf, tf) = (inside(source_figures, sa), inside(target_figures, sb));
            let check = align::check_segment(&sf, &tf);
            SegmentQa {
                number: i as u32 + 1,
                source: sa,
                target: sb,
                source_text: slice(&ca, &source.text, sa),
                target_text: slice(&cb, &target.text, sb),
                verdict: check.verdict(),
                check,
                source_figures: sf,
                target_figures: tf,
                review: None,
                aligned: segmentation == Segmentation::Stored || !(sa.is_empty() || sb.is_empty()),
            }
        })
        .collect()
}

fn slice(ci: &CharIndex, text: &str, s: Span) -> String {
    match (ci.byte_of(text, s.start), ci.byte_of(text, s.end)) {
        (Some(x), Some(y)) if x <= y => text[x..y].to_string(),
        _ => String::new(),
    }
}

/// The figures wholly inside a span (of figures sorted by position),
/// rejected and stale ones left out.
fn inside(figures: &[Figure], span: Span) -> Vec<Figure> {
    if span.is_empty() {
        return Vec::new();
    }
    let first = figures.partition_point(|f| f.span.start < span.start);
    figures[first..]
        .iter()
        .take_while(|f| f.span.start < span.end)
        .filter(|f| f.span.end <= span.end)
        .filter(|f| f.status.is_live())
        .cloned()
        .collect()
}

/// A segment named by its pair and number: (source, target, number).
type SegmentKey = (DocId, DocId, u32);

pub(super) fn plan_accept(
    tx: &ActionTx,
    (source, target, number): SegmentKey,
    note: &Option<String>,
    who: &str,
) -> Result<(Vec<Change>, String)> {
    for doc in [source, target] {
        tx.document(doc)?
            .ok_or_else(|| AppError::NotFound(format!("document {doc}")))?;
    }
    // Only a stored segment keeps a review: a sentence alignment can change
    // with the figures, so its numbers are no stable key.
    let Some(segment) = tx.segment(source, target, number)? else {
        return Err(if tx.aligned(source, target)? {
            AppError::NotFound(format!("segment {number}"))
        } else {
            Refusal::SegmentsNotStored.into()
        });
    };
    let before = tx.segment_review(source, target, number)?;
    if before.is_none() {
        // The check of this one segment, as `Project::qa` makes it.
        let side = |doc, span| -> Result<Vec<Figure>> { Ok(inside(&tx.figures_of(doc)?, span)) };
        let check = align::check_segment(
            &side(segment.source_doc, segment.source)?,
            &side(segment.target_doc, segment.target)?,
        );
        if check.verdict() == SegmentVerdict::Ok {
            return Err(Refusal::SegmentNotFlagged.into());
        }
    }
    let note = note.as_deref().and_then(non_empty);
    if let Some(b) = &before
        && b.note == note
    {
        return Err(Refusal::NoteUnchanged.into());
    }
    let after = SegmentReview {
        id: before.as_ref().map_or(0, |b| b.id),
        source_doc: before.as_ref().map_or(source, |b| b.source_doc),
        target_doc: before.as_ref().map_or(target, |b| b.target_doc),
        number,
        note: note.clone(),
        reviewer: who.to_string(),
        reviewed_at: now(),
    };
    let summary = match &note {
        Some(n) => format!("accept segment {number}: \u{201c}{n}\u{201d}"),
        None => format!("accept segment {number}"),
    };
    let change = Change {
        before: before.map(Row::SegmentReview),
        after: Some(Row::SegmentReview(after)),
    };
    Ok((vec![change], summary))
}

pub(super) fn plan_unaccept(
    tx: &ActionTx,
    (source, target, number): SegmentKey,
) -> Result<(Vec<Change>, String)> {
    let before = tx
        .segment_review(source, target, number)?
        .ok_or(Refusal::SegmentNotAccepted)?;
    let change = Change {
        before: Some(Row::SegmentReview(before)),
        after: None,
    };
    Ok((vec![change], format!("flag segment {number} again")))
}
