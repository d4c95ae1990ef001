//! The JSON Lines formats: Tualek's own export, spaCy's and Prodigy's.

use serde::Deserialize;

use super::{AnnotationError, AnnotationFormat, IncomingDoc, IncomingSpan, IncomingText};
use crate::export::annotations::OffsetUnit;
use crate::model::Decimal;

#[derive(Deserialize)]
struct TualekLine {
    doc: String,
    start: usize,
    end: usize,
    text: Option<String>,
    kind: String,
    #[serde(default, with = "rust_decimal::serde::arbitrary_precision_option")]
    value: Option<Decimal>,
    #[serde(default, with = "rust_decimal::serde::arbitrary_precision_option")]
    value_max: Option<Decimal>,
    unit: Option<String>,
    doc_title: Option<String>,
    language: Option<String>,
}

#[derive(Deserialize)]
struct SpacyLine {
    text: String,
    #[serde(default)]
    spans: Vec<SpacySpan>,
    answer: Option<String>,
    #[serde(default)]
    meta: SpacyMeta,
}

#[derive(Deserialize)]
struct SpacySpan {
    start: usize,
    end: usize,
    label: String,
    text: Option<String>,
    #[serde(default, with = "rust_decimal::serde::arbitrary_precision_option")]
    value: Option<Decimal>,
    #[serde(default, with = "rust_decimal::serde::arbitrary_precision_option")]
    value_max: Option<Decimal>,
    unit: Option<String>,
}

#[derive(Deserialize, Default)]
struct SpacyMeta {
    title: Option<String>,
    language: Option<String>,
}

pub(super) fn read(
    bytes: &[u8],
    format: AnnotationFormat,
) -> Result<Vec<IncomingDoc>, AnnotationError> {
    let name = match format {
        AnnotationFormat::Tualek => "Tualek JSON Lines",
        AnnotationFormat::Prodigy => "Prodigy JSON Lines",
        _ => "spaCy JSON Lines",
    };
    let text = super::utf8(bytes, name)?;
    let mut docs: Vec<IncomingDoc> = Vec::new();
    // Lines of one document (a Prodigy task per span, a Tualek line per figure) join it.
    let mut index: std::collections::HashMap<IncomingText, usize> = Default::default();
    let mut lines = 0;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        lines += 1;
        let at = format!("line {}", n + 1);
        let wrong = |e: serde_json::Error| AnnotationError::WrongFormat {
            format: name,
            reason: format!("{at}: {e}"),
        };
        if format == AnnotationFormat::Tualek {
            let l: TualekLine = serde_json::from_str(line).map_err(wrong)?;
            let span = IncomingSpan {
                start: l.start,
                end: l.end,
                label: l.kind,
                text: l.text,
                value: l.value,
                value_max: l.value_max,
                unit: l.unit,
                at: at.clone(),
            };
            let header = (l.doc_title, l.language, at);
            entry(&mut docs, &mut index, IncomingText::Named(l.doc), header).push(span);
            continue;
        }
        let l: SpacyLine = serde_json::from_str(line).map_err(wrong)?;
        // A Prodigy task someone rejected or skipped annotates nothing.
        let accepted = l.answer.as_deref().is_none_or(|a| a == "accept");
        let spans = l
            .spans
            .into_iter()
            .enumerate()
            .filter(|_| accepted)
            .map(|(i, s)| IncomingSpan {
                start: s.start,
                end: s.end,
                label: s.label,
                text: s.text,
                value: s.value,
                value_max: s.value_max,
                unit: s.unit,
                at: format!("{at}, span {}", i + 1),
            })
            .collect::<Vec<_>>();
        let header = (l.meta.title, l.meta.language, at);
        entry(&mut docs, &mut index, IncomingText::Text(l.text), header).extend(spans);
    }
    if lines == 0 {
        return Err(AnnotationError::WrongFormat {
            format: name,
            reason: "the file holds no lines".into(),
        });
    }
    Ok(docs)
}

/// The spans of the document `text` names, a new document (with `header`'s
/// title, language and place) when no earlier line named it.
fn entry<'a>(
    docs: &'a mut Vec<IncomingDoc>,
    index: &mut std::collections::HashMap<IncomingText, usize>,
    text: IncomingText,
    (title, language, at): (Option<String>, Option<String>, String),
) -> &'a mut Vec<IncomingSpan> {
    let i = *index.entry(text.clone()).or_insert_with(|| {
        docs.push(IncomingDoc {
            text,
            title,
            language,
            unit: OffsetUnit::CodePoints,
            spans: Vec::new(),
            at,
        });
        docs.len() - 1
    });
    &mut docs[i].spans
}
