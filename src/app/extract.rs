//! Running the extractor over a project without ever overriding a reviewer.
//!
//! A re-run leaves reviewed and hand-made figures alone, adds what is new as
//! unreviewed, refreshes unreviewed figures whose reading changed, and marks
//! unreviewed figures the extractor no longer finds as stale (never deletes).

use std::collections::HashMap;

use crate::extract;
use crate::model::{Change, DocId, Figure, FigureRow, Origin, Row, Span, Status};
use crate::text::CodePoints;

use super::{ImportProgress, Project, Result};

/// The extractor's figures for a document's text, as unreviewed model figures.
pub fn found_figures(doc: DocId, text: &str) -> Vec<Figure> {
    found_figures_iter(doc, text).collect()
}

fn found_figures_iter(doc: DocId, text: &str) -> impl Iterator<Item = Figure> + '_ {
    let mut at = CodePoints::new(text);
    extract::extract(text).into_iter().filter_map(move |f| {
        let start = at.of(f.start)?;
        let end = at.of(f.end)?;
        Some(Figure {
            id: 0,
            document: doc,
            span: Span::new(start, end),
            text: text.get(f.start..f.end)?.to_string(),
            kind: f.kind,
            value: f.value,
            value_max: f.value_max,
            unit: f.unit,
            origin: Origin(extract::VERSION.to_string()),
            status: Status::Unreviewed,
            reviewer: None,
            reviewed_at: None,
            note: None,
        })
    })
}

/// The extractor's findings in `text` as rows to store, borrowing their
/// strings from the text and the findings.
pub fn found_rows<'a>(
    text: &'a str,
    found: &'a [extract::Found],
) -> impl Iterator<Item = FigureRow<'a>> + 'a {
    let mut at = CodePoints::new(text);
    found.iter().filter_map(move |f| {
        let start = at.of(f.start)?;
        let end = at.of(f.end)?;
        Some(FigureRow {
            span: Span::new(start, end),
            text: text.get(f.start..f.end)?,
            kind: f.kind,
            value: f.value,
            value_max: f.value_max,
            unit: f.unit.as_deref(),
            origin: extract::VERSION,
            status: Status::Unreviewed,
        })
    })
}

/// What a re-run changed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ExtractReport {
    pub documents: usize,
    pub added: usize,
    pub updated: usize,
    pub stale: usize,
    pub history: Option<i64>,
    pub cancelled: bool,
}

/// The changes that bring a document's figures in line with what the extractor found.
pub fn plan(existing: &[Figure], found: Vec<Figure>, report: &mut ExtractReport) -> Vec<Change> {
    // Only the extractor's own unreviewed readings are its to change.
    let protected = |f: &Figure| !f.origin.is_extractor() || f.status.is_reviewed();
    let by_span: HashMap<Span, &Figure> = existing.iter().map(|f| (f.span, f)).collect();
    let mut changes = Vec::new();
    let mut matched = std::collections::HashSet::new();
    // Spans that stay: reviewed or hand-made figures (rejected ones excepted).
    let mut kept: Vec<Span> = existing
        .iter()
        .filter(|f| protected(f) && f.status != Status::Rejected)
        .map(|f| f.span)
        .collect();
    let mut fresh = Vec::new();
    for f in found {
        match by_span.get(&f.span) {
            Some(old) => {
                matched.insert(old.id);
                if protected(old) {
                    continue;
                }
                let same = old.kind == f.kind
                    && old.value == f.value
                    && old.value_max == f.value_max
                    && old.unit == f.unit
                    && old.origin == f.origin
                    && old.status == Status::Unreviewed;
                if !same {
                    let new = Figure {
                        id: old.id,
                        status: Status::Unreviewed,
                        ..f
                    };
                    changes.push(Change {
                        before: Some(Row::Figure((*old).clone())),
                        after: Some(Row::Figure(new)),
                    });
                    report.updated += 1;
                }
                kept.push(old.span);
            }
            None => fresh.push(f),
        }
    }
    for f in fresh {
        if kept.iter().any(|s| s.overlaps(&f.span)) {
            continue; // a reviewer's span wins over a new reading
        }
        kept.push(f.span);
        changes.push(Change {
            before: None,
            after: Some(Row::Figure(f)),
        });
        report.added += 1;
    }
    for old in existing {
        if !matched.contains(&old.id) && !protected(old) && old.status == Status::Unreviewed {
            let stale = Figure {
                status: Status::Stale,
                ..old.clone()
            };
            changes.push(Change {
                before: Some(Row::Figure(old.clone())),
                after: Some(Row::Figure(stale)),
            });
            report.stale += 1;
        }
    }
    changes
}

impl Project {
    /// Runs the current extractor over `docs` (all documents when `None`) as one action.
    /// `progress` is called before each document; returning `false` cancels, changing nothing.
    pub fn extract(
        &mut self,
        docs: Option<&[DocId]>,
        progress: &mut dyn FnMut(ImportProgress) -> bool,
    ) -> Result<ExtractReport> {
        let ids: Vec<DocId> = match docs {
            Some(ids) => ids.to_vec(),
            None => self.store.documents()?.iter().map(|d| d.id).collect(),
        };
        let who = self.reviewer.clone();
        let mut tx = self.store.begin("extract", &who)?;
        let mut report = ExtractReport::default();
        for (done, id) in ids.iter().enumerate() {
            let Some(doc) = tx.document(*id)? else {
                continue;
            };
            let name = std::path::PathBuf::from(&doc.meta.title);
            if !progress(ImportProgress {
                done,
                total: ids.len(),
                path: &name,
            }) {
                report.cancelled = true;
                return Ok(report);
            }
            let existing = tx.figures_of(*id)?;
            for change in plan(&existing, found_figures(*id, &doc.text), &mut report) {
                tx.apply(change)?;
            }
            report.documents += 1;
        }
        let summary = format!(
            "extract ({}): {} added, {} updated, {} stale in {} documents",
            extract::VERSION,
            report.added,
            report.updated,
            report.stale,
            report.documents
        );
        report.history = tx.commit(&summary)?;
        Ok(report)
    }
}
