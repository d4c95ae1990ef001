use serde::Serialize;

use super::formula_safe;
use crate::model::{Decimal, DocumentMeta, Figure};

/// One figure as exported: the guideline's fields, then review and document fields.
/// Offsets are code points, end exclusive; values are exact JSON numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: String,
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    pub value: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    pub value_max: Option<Decimal>,
    pub unit: Option<String>,
    pub status: String,
    pub reviewer: Option<String>,
    pub reviewed_at: Option<String>,
    pub note: Option<String>,
    pub doc_title: String,
    pub language: String,
    pub id: i64,
    pub origin: String,
}

impl Record {
    pub const COLUMNS: [&'static str; 16] = [
        "doc",
        "start",
        "end",
        "text",
        "kind",
        "value",
        "value_max",
        "unit",
        "status",
        "reviewer",
        "reviewed_at",
        "note",
        "doc_title",
        "language",
        "id",
        "origin",
    ];

    pub fn new(f: &Figure, d: &DocumentMeta) -> Record {
        Record {
            doc: d.file_name().to_string(),
            start: f.span.start,
            end: f.span.end,
            text: f.text.clone(),
            kind: f.kind.to_string(),
            value: f.value.map(|v| v.normalize()),
            value_max: f.value_max.map(|v| v.normalize()),
            unit: f.unit.clone(),
            status: f.status.to_string(),
            reviewer: f.reviewer.clone(),
            reviewed_at: f.reviewed_at.clone(),
            note: f.note.clone(),
            doc_title: d.title.clone(),
            language: d.language.to_string(),
            id: f.id,
            origin: f.origin.0.clone(),
        }
    }

    /// The same fields as text, in `COLUMNS` order; absent values are empty
    /// cells. Text cells are [`formula_safe`]: they may come from anyone's
    /// document; the numeric ones are numbers Tualek formats.
    pub fn csv_row(&self) -> [String; 16] {
        let text = |s: &str| formula_safe(s).into_owned();
        let opt = |s: &Option<String>| text(s.as_deref().unwrap_or_default());
        let dec = |d: &Option<Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
        [
            text(&self.doc),
            self.start.to_string(),
            self.end.to_string(),
            text(&self.text),
            text(&self.kind),
            dec(&self.value),
            dec(&self.value_max),
            opt(&self.unit),
            text(&self.status),
            opt(&self.reviewer),
            opt(&self.reviewed_at),
            opt(&self.note),
            text(&self.doc_title),
            text(&self.language),
            self.id.to_string(),
            text(&self.origin),
        ]
    }
}
