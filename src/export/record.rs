use serde::Serialize;

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

    /// The same fields as text, in `COLUMNS` order; absent values are empty cells.
    pub fn csv_row(&self) -> [String; 16] {
        let opt = |s: &Option<String>| s.clone().unwrap_or_default();
        let dec = |d: &Option<Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
        [
            self.doc.clone(),
            self.start.to_string(),
            self.end.to_string(),
            self.text.clone(),
            self.kind.clone(),
            dec(&self.value),
            dec(&self.value_max),
            opt(&self.unit),
            self.status.clone(),
            opt(&self.reviewer),
            opt(&self.reviewed_at),
            opt(&self.note),
            self.doc_title.clone(),
            self.language.clone(),
            self.id.to_string(),
            self.origin.clone(),
        ]
    }
}
