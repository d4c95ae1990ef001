//! Gold-standard sets in the formats annotation tools read: a document's
//! text with its figures, written in each consumer's shape and offset unit.
//!
//! Offsets inside Tualek are code points; some consumers count UTF-16 code
//! units instead (doccano, Label Studio's older editor). [`Offsets`] converts
//! at the last moment, per document, so no writer does its own arithmetic.

pub mod doccano;
pub mod spacy;

use crate::model::{DocId, Figure, Status};
use crate::store::{FigureFilter, Store, StoreError};

use super::Selection;

/// A document and the figures an export writes of it, by position.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnotatedDoc {
    pub id: DocId,
    pub title: String,
    pub language: String,
    pub text: String,
    pub figures: Vec<Figure>,
}

/// The unit a consumer counts offsets in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OffsetUnit {
    /// Unicode code points (Python `str` indices): spaCy, Prodigy, brat, W3C.
    CodePoints,
    /// UTF-16 code units (JavaScript string indices): doccano.
    Utf16,
}

/// Code-point offsets of one text as a consumer counts them.
pub struct Offsets {
    /// `utf16[c]`: UTF-16 units before code point `c` (only for [`OffsetUnit::Utf16`]).
    utf16: Option<Vec<usize>>,
}

impl Offsets {
    pub fn new(text: &str, unit: OffsetUnit) -> Offsets {
        let utf16 = (unit == OffsetUnit::Utf16).then(|| {
            let mut at = Vec::with_capacity(text.len() + 1);
            let mut n = 0;
            for c in text.chars() {
                at.push(n);
                n += c.len_utf16();
            }
            at.push(n);
            at
        });
        Offsets { utf16 }
    }

    /// Code point `c` in the consumer's unit.
    pub fn of(&self, c: usize) -> usize {
        match &self.utf16 {
            Some(at) => at
                .get(c)
                .copied()
                .unwrap_or_else(|| *at.last().unwrap_or(&0)),
            None => c,
        }
    }
}

/// The documents `selection` picks that hold at least one selected figure
/// (live figures only: a stale figure is no annotation), in id order.
pub fn annotated_docs(
    store: &Store,
    selection: &Selection,
) -> Result<Vec<AnnotatedDoc>, StoreError> {
    let filter = FigureFilter {
        statuses: selection.statuses.clone(),
        ..Default::default()
    };
    let mut figures = store.figures(&filter)?;
    figures.retain(|f| f.status != Status::Stale && selection.has_document(f.document));
    let mut out: Vec<AnnotatedDoc> = Vec::new();
    for f in figures {
        if out.last().is_none_or(|d| d.id != f.document) {
            let Some(doc) = store.document(f.document)? else {
                continue;
            };
            out.push(AnnotatedDoc {
                id: doc.meta.id,
                title: doc.meta.title,
                language: doc.meta.language.to_string(),
                text: doc.text,
                figures: Vec::new(),
            });
        }
        if let Some(d) = out.last_mut() {
            d.figures.push(f);
        }
    }
    Ok(out)
}
