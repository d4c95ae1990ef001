//! Gold-form records (`{"doc", "start", "end", "text", "kind", "value",
//! "value_max", "unit"}`, offsets in code points) for the scorer, the
//! `scan` example and later the `tualek scan` command.

use std::str::FromStr;

use serde::Serialize;

use super::{Found, extract};
use crate::text::CodePoints;

/// One figure as the gold lists write it.
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    pub doc: String,
    /// Code points, not bytes.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: String,
    pub value: Option<serde_json::Number>,
    pub value_max: Option<serde_json::Number>,
    pub unit: Option<String>,
}

fn number(d: &Option<crate::model::Decimal>) -> Option<serde_json::Number> {
    d.and_then(|d| serde_json::Number::from_str(&d.normalize().to_string()).ok())
}

impl Record {
    /// `at` counts the code points of `text`: figures come in order.
    pub fn from_found(doc: &str, text: &str, at: &mut CodePoints, f: &Found) -> Option<Record> {
        Some(Record {
            doc: doc.to_string(),
            start: at.of(f.start)?,
            end: at.of(f.end)?,
            text: text.get(f.start..f.end)?.to_string(),
            kind: f.kind.as_str().to_string(),
            value: number(&f.value),
            value_max: number(&f.value_max),
            unit: f.unit.clone(),
        })
    }
}

/// Extracts the figures of one document as gold-form records.
pub fn records(doc: &str, text: &str) -> Vec<Record> {
    let mut at = CodePoints::new(text);
    extract(text)
        .iter()
        .filter_map(|f| Record::from_found(doc, text, &mut at, f))
        .collect()
}
