//! W3C Web Annotation (JSON-LD): one `AnnotationCollection` whose embedded
//! first (and only) `AnnotationPage` holds an `Annotation` per figure and one
//! per link.
//!
//! A figure is a `classifying` annotation: its body a `TextualBody` whose
//! value is the figure's kind (the class), carrying the exact value, unit,
//! status and reviewer in terms of our own; its target the document with a
//! `TextQuoteSelector` and a `TextPositionSelector` that agree, in code
//! points, as the model requires. A link is a `linking` annotation (the
//! model's motivation for relating a target to another resource): its target
//! the one figure's place, its body the other's, each in its own document.
//!
//! The `@context` is the model's own context followed by ours: a JSON-LD
//! processor silently drops every term no context declares, so each term we
//! write is declared there (see [`our_context`]).

use std::collections::HashMap;
use std::io::Write;

use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use super::{AnnotatedDoc, GoldSet};
use crate::export::ExportError;
use crate::model::{Decimal, DocId, Figure, Link, LinkStatus};
use crate::text::{CharIndex, ceil_grapheme, floor_grapheme};

/// The Web Annotation context, spelt exactly as the model requires (`http`).
pub const ANNO_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// The namespace of the terms the model has none for.
pub const NAMESPACE: &str = "https://tualek.org/ns#";
/// Where documents are named when no `--base-iri` is given.
pub const DEFAULT_BASE_IRI: &str = "urn:tualek:doc:";
/// At most this many code points of context before and after a quote.
const QUOTE_CONTEXT: usize = 32;

/// Our terms: the figure's facts, the link's relation, its review status
/// (`status`) and the verdict on its two values (`verdict`, as `tualek links`
/// shows it). `value` is the
/// model's (`rdf:value`, the textual body's text), so the figure's value is
/// `figureValue`, an exact `xsd:decimal` written as a string.
pub fn our_context() -> Value {
    json!({
        "tualek": NAMESPACE,
        "kind": "tualek:kind",
        "figureValue": {"@id": "tualek:value", "@type": "xsd:decimal"},
        "figureValueMax": {"@id": "tualek:valueMax", "@type": "xsd:decimal"},
        "unit": "tualek:unit",
        "status": "tualek:status",
        "reviewer": "tualek:reviewer",
        "reviewedAt": {"@id": "tualek:reviewedAt", "@type": "xsd:dateTime"},
        "note": "tualek:note",
        "relation": "tualek:relation",
        "verdict": "tualek:verdict",
        "linkedFigures": {"@id": "tualek:linkedFigure", "@type": "@id"}
    })
}

/// The annotation id of a figure.
pub fn figure_iri(id: i64) -> String {
    format!("urn:tualek:figure:{id}")
}

/// The annotation id of a link.
pub fn link_iri(id: i64) -> String {
    format!("urn:tualek:link:{id}")
}

/// Writes the collection; `base_iri` names the documents (their id appended).
pub fn write_webanno(
    w: &mut dyn Write,
    set: &GoldSet,
    base_iri: Option<&str>,
) -> Result<(), ExportError> {
    let base = base_iri.unwrap_or(DEFAULT_BASE_IRI);
    // Each text's code-point index, built once: a quote's context is cut by code points.
    let index: HashMap<DocId, CharIndex> = set
        .docs
        .iter()
        .map(|d| (d.id, CharIndex::new(&d.text)))
        .collect();
    let place = |d: &AnnotatedDoc, f: &Figure| place(base, d, &index[&d.id], f);
    let total = set.figure_count() + set.links.len();
    let figures = set
        .docs
        .iter()
        .flat_map(|d| d.figures.iter().map(move |f| (d, f)))
        .map(|(d, f)| Some(figure_annotation(f, place(d, f))));
    let links = set.links.iter().map(|l| link_annotation(set, l, place));
    // The items are written as they are made (a million figures never stand
    // whole in memory) and hashed on the way; the ids the hash gives come
    // after them, which JSON-LD does not mind.
    let head = json!({
        "@context": [ANNO_CONTEXT, our_context()],
        "type": "AnnotationCollection",
        "label": format!(
            "Tualek gold standard: {} figures in {} documents",
            set.figure_count(),
            set.docs.len()
        ),
        "total": total,
    });
    let io = |e| ExportError::Io("output".into(), e);
    // The head object without its closing brace: the page and the ids follow.
    let head = serde_json::to_vec(&head)?;
    w.write_all(&head[..head.len() - 1]).map_err(io)?;
    w.write_all(br#","first":{"type":"AnnotationPage","startIndex":0,"items":["#)
        .map_err(io)?;
    let mut hash = Sha256::new();
    for (n, item) in figures.chain(links).flatten().enumerate() {
        let json = serde_json::to_vec(&item)?;
        hash.update(&json);
        w.write_all(if n == 0 { b"\n" } else { b",\n" })
            .map_err(io)?;
        w.write_all(&json).map_err(io)?;
    }
    let hex: String = hash.finalize()[..12]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let id = format!("urn:tualek:gold:{hex}");
    let page = format!("{id}:page:1");
    let tail = format!(
        "\n],\"id\":{},\"partOf\":{}}},\"id\":{},\"last\":{}}}\n",
        Value::from(page.as_str()),
        Value::from(id.as_str()),
        Value::from(id.as_str()),
        Value::from(page.as_str()),
    );
    w.write_all(tail.as_bytes()).map_err(io)
}

fn figure_annotation(f: &Figure, target: Value) -> Value {
    let mut body = Map::new();
    body.insert("type".into(), "TextualBody".into());
    body.insert("purpose".into(), "classifying".into());
    body.insert("value".into(), f.kind.as_str().into());
    body.insert("format".into(), "text/plain".into());
    body.insert("kind".into(), f.kind.as_str().into());
    let optional = [
        ("figureValue", f.value.map(decimal)),
        ("figureValueMax", f.value_max.map(decimal)),
        ("unit", f.unit.clone()),
        ("reviewer", f.reviewer.clone()),
        ("reviewedAt", f.reviewed_at.clone()),
        ("note", f.note.clone()),
    ];
    body.insert("status".into(), f.status.as_str().into());
    for (key, v) in optional {
        if let Some(v) = v {
            body.insert(key.into(), v.into());
        }
    }
    json!({
        "id": figure_iri(f.id),
        "type": "Annotation",
        "motivation": "classifying",
        "body": body,
        "target": target,
    })
}

/// A link: target the first figure's place, body the second's; `None` when
/// a figure is not in the set (the set keeps only links of its figures).
fn link_annotation(
    set: &GoldSet,
    link: &Link,
    place: impl Fn(&AnnotatedDoc, &Figure) -> Value,
) -> Option<Value> {
    let (da, fa) = set.figure(link.a)?;
    let (db, fb) = set.figure(link.b)?;
    Some(json!({
        "id": link_iri(link.id),
        "type": "Annotation",
        "motivation": "linking",
        "relation": link.relation.as_str(),
        "status": link.status.as_str(),
        "verdict": LinkStatus::of_values(fa, fb).as_str(),
        "linkedFigures": [figure_iri(fa.id), figure_iri(fb.id)],
        "body": place(db, fb),
        "target": place(da, fa),
    }))
}

/// Where a figure stands: its document and the two selectors.
fn place(base: &str, doc: &AnnotatedDoc, index: &CharIndex, f: &Figure) -> Value {
    let quote = Quote::at(&doc.text, index, f.span.start, f.span.end);
    json!({
        "type": "SpecificResource",
        "source": format!("{base}{}", doc.id),
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": quote.exact,
                "prefix": quote.prefix,
                "suffix": quote.suffix,
            },
            {
                "type": "TextPositionSelector",
                "start": f.span.start,
                "end": f.span.end,
            }
        ]
    })
}

fn decimal(d: Decimal) -> String {
    d.normalize().to_string()
}

/// A quote of code points `[start, end)` with up to [`QUOTE_CONTEXT`] code
/// points either side, the context cut only at grapheme boundaries so it
/// never starts or ends inside a Lao cluster (a vowel sign without its
/// consonant would match nothing a reader sees).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub prefix: String,
    pub exact: String,
    pub suffix: String,
}

impl Quote {
    pub fn of(text: &str, start: usize, end: usize) -> Quote {
        Quote::at(text, &CharIndex::new(text), start, end)
    }

    /// As [`Quote::of`], with the text's code-point index built once for many quotes.
    pub fn at(text: &str, index: &CharIndex, start: usize, end: usize) -> Quote {
        let byte = |c: usize| index.byte_of(text, c).unwrap_or(text.len());
        let (s, e) = (byte(start), byte(end.max(start)));
        let from = ceil_grapheme(text, byte(start.saturating_sub(QUOTE_CONTEXT))).min(s);
        // `floor_grapheme` never answers the text's end, itself a boundary.
        let to = match byte(end + QUOTE_CONTEXT) {
            b if b >= text.len() => text.len(),
            b => floor_grapheme(text, b).max(e),
        };
        Quote {
            prefix: text[from..s].to_string(),
            exact: text[s..e].to_string(),
            suffix: text[e..to].to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quote_context_is_cut_at_clusters_and_agrees_with_the_offsets() {
        // "ເງິນ" is 4 code points in 3 clusters (ເ, ງິ, ນ); 32 code points
        // before the figure falls on the vowel ິ, inside the cluster ງິ.
        let text = format!("ເງິນ{}1,250 ລ້ານ", " ".repeat(30));
        let start = 34;
        let q = Quote::of(&text, start, start + 5);
        assert_eq!(q.exact, "1,250");
        assert_eq!(q.prefix, format!("ນ{}", " ".repeat(30)));
        assert_eq!(q.suffix, " ລ້ານ");
        let before: String = text.chars().take(start).collect();
        assert!(before.ends_with(&q.prefix));
    }

    #[test]
    fn a_quote_at_the_text_edges_has_empty_context() {
        let q = Quote::of("12", 0, 2);
        assert_eq!(
            (q.prefix.as_str(), q.exact.as_str(), q.suffix.as_str()),
            ("", "12", "")
        );
    }
}
