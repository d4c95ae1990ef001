//! doccano JSON Lines: a line per text, its spans as `label` triples
//! (`[[start, end, "LABEL"]]`, sequence labeling; `labels` in older exports)
//! or as `entities` objects (`{start_offset, end_offset, label}`, relation
//! extraction). doccano counts offsets in UTF-16 units (its editor's
//! JavaScript string indices), unless its project counted graphemes.

use serde_json::Value;

use super::{AnnotationError, IncomingDoc, IncomingSpan, IncomingText};
use crate::export::annotations::OffsetUnit;

const NAME: &str = "doccano JSON Lines";

fn wrong(reason: String) -> AnnotationError {
    AnnotationError::WrongFormat {
        format: NAME,
        reason,
    }
}

/// Reads the lines in `bytes`; `unit` overrides doccano's UTF-16 units.
pub(super) fn read(
    bytes: &[u8],
    unit: Option<OffsetUnit>,
) -> Result<Vec<IncomingDoc>, AnnotationError> {
    let text = super::utf8(bytes, NAME)?;
    let mut docs = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("line {}", n + 1);
        let v: Value =
            serde_json::from_str(line).map_err(|e| wrong(format!("{at}: not JSON: {e}")))?;
        let Some(text) = v["text"].as_str() else {
            return Err(wrong(format!("{at} has no \"text\"")));
        };
        let spans = spans(&v, &at)?;
        docs.push(IncomingDoc {
            text: IncomingText::Text(text.to_string()),
            title: v["title"].as_str().map(str::to_string),
            language: v["language"].as_str().map(str::to_string),
            unit: unit.unwrap_or(OffsetUnit::Utf16),
            spans,
            at,
        });
    }
    if docs.is_empty() {
        return Err(wrong("the file holds no lines".into()));
    }
    Ok(docs)
}

fn offset(v: &Value) -> Option<usize> {
    v.as_u64().map(|n| n as usize)
}

/// The spans of one line; a line whose spans are in no shape doccano writes is refused.
fn spans(v: &Value, at: &str) -> Result<Vec<IncomingSpan>, AnnotationError> {
    let span = |i: usize, start, end, label: &str| IncomingSpan {
        start,
        end,
        label: label.to_string(),
        at: format!("{at}, span {}", i + 1),
        ..Default::default()
    };
    if let Some(entities) = v["entities"].as_array() {
        return entities
            .iter()
            .enumerate()
            .map(|(i, e)| {
                match (
                    offset(&e["start_offset"]),
                    offset(&e["end_offset"]),
                    e["label"].as_str(),
                ) {
                    (Some(s), Some(t), Some(l)) => Ok(span(i, s, t, l)),
                    _ => Err(wrong(format!(
                        "{at}: entity {} lacks start_offset, end_offset or label",
                        i + 1
                    ))),
                }
            })
            .collect();
    }
    let triples = match (&v["label"], &v["labels"]) {
        (Value::Array(a), _) | (Value::Null, Value::Array(a)) => a,
        (Value::Null, Value::Null) => {
            let hint = if v.get("spans").is_some() {
                " (its \"spans\" look like spaCy or Prodigy JSON Lines)"
            } else {
                ""
            };
            return Err(wrong(format!(
                "{at} has no \"label\" nor \"entities\"{hint}"
            )));
        }
        _ => {
            return Err(wrong(format!(
                "{at}: \"label\" is not a list of [start, end, label] (a text classification export?)"
            )));
        }
    };
    triples
        .iter()
        .enumerate()
        .map(|(i, t)| match (offset(&t[0]), offset(&t[1]), t[2].as_str()) {
            (Some(s), Some(e), Some(l)) => Ok(span(i, s, e, l)),
            _ => Err(wrong(format!(
                "{at}: label {} is not [start, end, \"LABEL\"] (text classification labels are plain strings)",
                i + 1
            ))),
        })
        .collect()
}
