//! Annotations made elsewhere, brought into the project as figures to verify.
//!
//! Every format's reader only parses; the checks live here, once: a span is
//! put where the file says or listed with its reason (outside the text,
//! splitting a cluster, its text not the document's there, an unknown label,
//! crossing another figure), never moved to where it might have been meant.
//! The figures arrive unreviewed, with origin `imported:<format>`, in one
//! undoable action.

use std::collections::HashMap;
use std::path::Path;

use crate::export::annotations::OffsetUnit;
use crate::extract;
use crate::import::annotations::{AnnotationFormat, IncomingDoc, IncomingSpan, IncomingText};
use crate::model::{Change, DocId, Figure, Kind, Language, Origin, Row, Span, Status};
use crate::store::{ActionTx, ImportOutcome};
use crate::text::CharIndex;

use super::command::span_text_at;
use super::{AppError, Project, Result};

/// How a format's labels name Tualek's kinds, where the names differ.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LabelMap(HashMap<String, Kind>);

impl LabelMap {
    /// A mapping file: a JSON object `{"LABEL": "kind"}`, or one `LABEL = kind`
    /// per line (`#` starts a comment).
    pub fn parse(text: &str) -> std::result::Result<LabelMap, String> {
        let pairs: Vec<(String, String)> = if text.trim_start().starts_with('{') {
            let map: HashMap<String, String> = serde_json::from_str(text)
                .map_err(|e| format!("not a JSON object of label → kind: {e}"))?;
            map.into_iter().collect()
        } else {
            let mut pairs = Vec::new();
            for (n, line) in text.lines().enumerate() {
                let line = line.split('#').next().unwrap_or("").trim();
                if line.is_empty() {
                    continue;
                }
                let (label, kind) = line
                    .split_once('=')
                    .ok_or_else(|| format!("line {}: expected `LABEL = kind`", n + 1))?;
                pairs.push((label.trim().to_string(), kind.trim().to_string()));
            }
            pairs
        };
        let mut map = HashMap::new();
        for (label, kind) in pairs {
            let k = kind_named(&kind).ok_or_else(|| {
                format!(
                    "“{kind}” (for label “{label}”) is not a kind; kinds are {}",
                    kind_names()
                )
            })?;
            map.insert(label, k);
        }
        Ok(LabelMap(map))
    }

    /// The kind `label` names: the mapping's, else a kind of that name in any case.
    pub fn kind(&self, label: &str) -> Option<Kind> {
        self.0.get(label).copied().or_else(|| kind_named(label))
    }
}

fn kind_named(name: &str) -> Option<Kind> {
    name.trim().to_ascii_lowercase().parse().ok()
}

fn kind_names() -> String {
    let kinds = [
        Kind::Count,
        Kind::Money,
        Kind::Percent,
        Kind::Date,
        Kind::Year,
        Kind::Duration,
        Kind::Ordinal,
        Kind::Rank,
        Kind::Identifier,
        Kind::Other,
    ];
    kinds.map(Kind::as_str).join(", ")
}

/// What importing annotations did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnnotationReport {
    /// Figures added.
    pub added: usize,
    /// Unreviewed figures of the extractor's at the same span, now read as the file says.
    pub replaced: usize,
    /// Spans the project already held as the file gives them.
    pub unchanged: usize,
    /// Documents the file brought that the project did not hold.
    pub new_documents: Vec<DocId>,
    /// Project documents the file's documents matched (by text, or by name).
    pub matched_documents: Vec<DocId>,
    /// Each span (or document) left out: where it stands in the file, and why.
    pub problems: Vec<(String, String)>,
    pub history: Option<i64>,
}

impl Project {
    /// Brings the annotations `docs` (read from `source` as `format`) into the
    /// project. With `strict`, one span that does not fit leaves the project as it was.
    pub fn import_annotations(
        &mut self,
        docs: &[IncomingDoc],
        format: AnnotationFormat,
        labels: &LabelMap,
        source: &Path,
        strict: bool,
    ) -> Result<AnnotationReport> {
        let named: Vec<_> = self.store.documents()?;
        let origin = Origin(format!("imported:{}", format.name()));
        let mut report = AnnotationReport::default();
        let who = self.reviewer.clone();
        let mut tx = self.store.begin("annotations.import", &who)?;
        for (n, doc) in docs.iter().enumerate() {
            let id = match &doc.text {
                IncomingText::Text(text) => {
                    let stored = store_text(&mut tx, doc, text, source, n)?;
                    match stored {
                        (id, true) => report.new_documents.push(id),
                        (id, false) => report.matched_documents.push(id),
                    }
                    stored.0
                }
                IncomingText::Named(name) => {
                    let found = named
                        .iter()
                        .find(|m| m.file_name() == name || &m.title == name);
                    let Some(meta) = found else {
                        report.problems.push((
                            doc.at.clone(),
                            format!(
                                "the project holds no document “{name}” (this format carries \
                                 no text: import the document first)"
                            ),
                        ));
                        continue;
                    };
                    report.matched_documents.push(meta.id);
                    meta.id
                }
            };
            let fresh = report.new_documents.last() == Some(&id);
            add_spans(&mut tx, id, doc, labels, &origin, fresh, &mut report)?;
        }
        if strict && !report.problems.is_empty() {
            return Ok(report); // dropping `tx` rolls back
        }
        let summary = format!(
            "import annotations from {} ({} figures; {} new documents)",
            source.display(),
            report.added + report.replaced,
            report.new_documents.len()
        );
        report.history = tx.commit(&summary)?;
        Ok(report)
    }
}

/// Stores a file's document text (or finds it already stored): its id, and whether it is new.
fn store_text(
    tx: &mut ActionTx<'_>,
    doc: &IncomingDoc,
    text: &str,
    source: &Path,
    n: usize,
) -> Result<(DocId, bool)> {
    let stem = source
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("annotations");
    let title = doc
        .title
        .clone()
        .unwrap_or_else(|| format!("{stem} {}", n + 1));
    let language = doc
        .language
        .as_deref()
        .and_then(|l| Language::parse(l).ok())
        .unwrap_or_else(|| crate::import::guess_language(text));
    let document = crate::import::document_from_text(title, language, source, text.to_string());
    Ok(match tx.import_document(&document)? {
        ImportOutcome::Added(id) => (id, true),
        ImportOutcome::Restored(id) => (id, false),
        ImportOutcome::Duplicate(meta) => (meta.id, false),
    })
}

/// Checks each span of `doc` against document `id` and stores those that fit.
fn add_spans(
    tx: &mut ActionTx<'_>,
    id: DocId,
    doc: &IncomingDoc,
    labels: &LabelMap,
    origin: &Origin,
    fresh: bool,
    report: &mut AnnotationReport,
) -> Result<()> {
    let text = tx
        .document(id)?
        .ok_or_else(|| AppError::NotFound(format!("document {id}")))?
        .text;
    let index = CharIndex::new(&text);
    let units = (doc.unit == OffsetUnit::Utf16).then(|| utf16_to_code_points(&text));
    let mut live: Vec<Figure> = tx
        .figures_of(id)?
        .into_iter()
        .filter(|f| f.status.is_live())
        .collect();
    let mut added = Vec::new();
    // The extractor's readings of the whole text, for spans the file gives no value:
    // read in context, a figure keeps the thing it counts ("75 people").
    let mut readings: Option<HashMap<Span, Figure>> = None;
    for s in &doc.spans {
        let figure = match read_span(s, id, &text, &index, units.as_deref(), labels, origin) {
            Ok(mut f) => {
                if f.value.is_none() {
                    let found = readings.get_or_insert_with(|| {
                        super::extract::found_figures(id, &text)
                            .into_iter()
                            .map(|f| (f.span, f))
                            .collect()
                    });
                    let span = f.span;
                    read_value(&mut f, found.get(&span));
                }
                f
            }
            Err(why) => {
                report.problems.push((s.at.clone(), why));
                continue;
            }
        };
        match place(&figure, &live) {
            Placed::New => {
                live.push(figure.clone());
                added.push(figure);
            }
            Placed::Same => report.unchanged += 1,
            Placed::Replaces(old) => {
                let new = Figure {
                    id: old.id,
                    ..figure.clone()
                };
                tx.apply(Change {
                    before: Some(Row::Figure(old.clone())),
                    after: Some(Row::Figure(new)),
                })?;
                report.replaced += 1;
            }
            Placed::Refused(why) => report.problems.push((s.at.clone(), why)),
        }
    }
    report.added += added.len();
    if fresh {
        tx.add_found_figures(id, &added)?;
    } else {
        for f in added {
            tx.apply(Change {
                before: None,
                after: Some(Row::Figure(f)),
            })?;
        }
    }
    Ok(())
}

/// The figure a span of the file describes, or why it cannot be one.
fn read_span(
    s: &IncomingSpan,
    doc: DocId,
    text: &str,
    index: &CharIndex,
    units: Option<&[Option<usize>]>,
    labels: &LabelMap,
    origin: &Origin,
) -> std::result::Result<Figure, String> {
    let (start, end) = match units {
        Some(units) => {
            let cp = |u: usize| {
                units.get(u).copied().flatten().ok_or_else(|| {
                    if u >= units.len() {
                        format!(
                            "offset {u} is past the end of the text ({} UTF-16 units)",
                            units.len() - 1
                        )
                    } else {
                        format!("offset {u} falls inside a character of two UTF-16 units")
                    }
                })
            };
            (cp(s.start)?, cp(s.end)?)
        }
        None => (s.start, s.end),
    };
    let span = Span::new(start, end);
    let found = span_text_at(text, index, span).map_err(|e| e.to_string())?;
    if let Some(given) = &s.text
        && given != &found
    {
        return Err(format!(
            "the file gives “{given}” but the document has “{found}” at {start}..{end}"
        ));
    }
    let kind = labels.kind(&s.label).ok_or_else(|| {
        format!(
            "unknown label “{}”: use a kind ({}) or map it in a labels file",
            s.label,
            kind_names()
        )
    })?;
    Ok(Figure {
        id: 0,
        document: doc,
        span,
        text: found,
        kind,
        value: s.value,
        value_max: s.value_max,
        unit: s.unit.clone(),
        origin: origin.clone(),
        status: Status::Unreviewed,
        reviewer: None,
        reviewed_at: None,
        note: None,
    })
}

/// Where a source gives no value, the extractor's reading supplies value,
/// upper end and unit: its figure at the same span of the document, else the
/// widest figure it finds in the span's text alone.
fn read_value(figure: &mut Figure, in_context: Option<&Figure>) {
    let (value, value_max, unit) = match in_context {
        Some(f) => (f.value, f.value_max, f.unit.clone()),
        None => match extract::extract(&figure.text)
            .into_iter()
            .max_by_key(|f| f.end - f.start)
        {
            Some(f) => (f.value, f.value_max, f.unit),
            None => return,
        },
    };
    figure.value = value;
    figure.value_max = value_max;
    if figure.unit.is_none() {
        figure.unit = unit;
    }
}

enum Placed<'a> {
    New,
    /// The project holds this very figure already.
    Same,
    /// An unreviewed figure of the extractor's stands at the same span.
    Replaces(&'a Figure),
    Refused(String),
}

/// How `figure` fits among a document's live figures: a figure may hold
/// another or sit inside one (a range and its years), never cross one.
fn place<'a>(figure: &Figure, live: &'a [Figure]) -> Placed<'a> {
    let s = figure.span;
    for f in live {
        if f.span == s {
            let same_reading = f.kind == figure.kind
                && f.value == figure.value
                && f.value_max == figure.value_max
                && f.unit == figure.unit;
            if same_reading && !f.origin.is_extractor() {
                return Placed::Same;
            }
            if f.origin.is_extractor() && f.status == Status::Unreviewed {
                return Placed::Replaces(f);
            }
            if f.id == 0 {
                return Placed::Refused(format!(
                    "another span of the file stands at {}..{} as {}",
                    s.start,
                    s.end,
                    f.kind.as_str()
                ));
            }
            return Placed::Refused(format!(
                "figure {} “{}” ({}, {}) already stands at {}..{}; review it there",
                f.id,
                f.text,
                f.kind.as_str(),
                f.status.as_str(),
                s.start,
                s.end
            ));
        }
        let nested = (f.span.start <= s.start && s.end <= f.span.end)
            || (s.start <= f.span.start && f.span.end <= s.end);
        if f.span.overlaps(&s) && !nested {
            return Placed::Refused(format!(
                "{}..{} crosses figure “{}” at {}..{} (one may hold the other, not cross it)",
                s.start, s.end, f.text, f.span.start, f.span.end
            ));
        }
    }
    Placed::New
}

/// `at[u]`: the code point UTF-16 unit `u` starts, `None` inside a surrogate pair.
fn utf16_to_code_points(text: &str) -> Vec<Option<usize>> {
    let mut at = Vec::with_capacity(text.len() + 1);
    for (c, ch) in text.chars().enumerate() {
        at.push(Some(c));
        if ch.len_utf16() == 2 {
            at.push(None);
        }
    }
    at.push(Some(text.chars().count()));
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_labels_file_maps_names_and_refuses_unknown_kinds() {
        let map = LabelMap::parse("# brat names\nMONEY = money\nQuantity=count\n").unwrap();
        assert_eq!(map.kind("MONEY"), Some(Kind::Money));
        assert_eq!(map.kind("Quantity"), Some(Kind::Count));
        assert_eq!(map.kind("Percent"), Some(Kind::Percent));
        assert_eq!(map.kind("Amount"), None);
        let json = LabelMap::parse(r#"{"CARDINAL": "count"}"#).unwrap();
        assert_eq!(json.kind("CARDINAL"), Some(Kind::Count));
        let err = LabelMap::parse("X = amount").unwrap_err();
        assert!(err.contains("not a kind"), "{err}");
        assert!(LabelMap::parse("no equals sign").is_err());
    }

    #[test]
    fn utf16_units_map_to_code_points_and_refuse_a_half_emoji() {
        let at = utf16_to_code_points("😀 12");
        assert_eq!(at, [Some(0), None, Some(1), Some(2), Some(3), Some(4)]);
    }
}
