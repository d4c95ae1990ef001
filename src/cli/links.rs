//! `tualek links`: each link with its relation, both figures and whether they agree.

use std::collections::HashMap;
use std::io::Write;

use serde::Serialize;

use super::args::ListFormat;
use super::table;
use crate::app::links::{LinkedPair, Links};
use crate::model::{Decimal, DocId, Figure};
use crate::store::Store;

pub fn print(
    store: &Store,
    links: &Links,
    disagreeing_only: bool,
    format: ListFormat,
) -> Result<(), String> {
    let titles: HashMap<DocId, String> = store
        .documents()
        .map_err(|e| e.to_string())?
        .into_iter()
        .map(|d| (d.id, d.title))
        .collect();
    let shown = links.iter().filter(|p| !disagreeing_only || p.disagrees());
    match format {
        ListFormat::Jsonl => {
            let mut out = std::io::stdout().lock();
            for p in shown {
                let line = Line {
                    id: p.link.id,
                    relation: p.link.relation.as_str(),
                    agrees: !p.disagrees(),
                    a: end(&p.a, &titles),
                    b: end(&p.b, &titles),
                };
                let line = serde_json::to_string(&line).map_err(|e| e.to_string())?;
                writeln!(out, "{line}").map_err(|e| e.to_string())?;
            }
        }
        ListFormat::Table => {
            let rows: Vec<Vec<String>> = shown.map(row).collect();
            table::print(
                &[
                    "link", "relation", "a", "text a", "value a", "b", "text b", "value b",
                    "verdict",
                ],
                &rows,
            );
        }
    }
    Ok(())
}

fn value(f: &Figure) -> String {
    match (f.value, f.value_max) {
        (Some(v), Some(m)) => format!("{}-{}", v.normalize(), m.normalize()),
        (Some(v), None) => v.normalize().to_string(),
        _ => String::new(),
    }
}

fn row(p: &LinkedPair) -> Vec<String> {
    vec![
        p.link.id.to_string(),
        p.link.relation.to_string(),
        p.a.id.to_string(),
        p.a.text.clone(),
        value(&p.a),
        p.b.id.to_string(),
        p.b.text.clone(),
        value(&p.b),
        if p.disagrees() { "disagrees" } else { "agrees" }.to_string(),
    ]
}

/// One link in JSON Lines.
#[derive(Serialize)]
struct Line<'a> {
    id: i64,
    relation: &'static str,
    agrees: bool,
    a: End<'a>,
    b: End<'a>,
}

/// One end of a link in JSON Lines; values are exact JSON numbers, as in
/// the figure exports (`65500000`, never `"65500000"` or a float).
#[derive(Serialize)]
struct End<'a> {
    figure: i64,
    doc: DocId,
    doc_title: Option<&'a String>,
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    value: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    value_max: Option<Decimal>,
    status: &'static str,
}

fn end<'a>(f: &'a Figure, titles: &'a HashMap<DocId, String>) -> End<'a> {
    End {
        figure: f.id,
        doc: f.document,
        doc_title: titles.get(&f.document),
        start: f.span.start,
        end: f.span.end,
        text: &f.text,
        value: f.value.map(|v| v.normalize()),
        value_max: f.value_max.map(|v| v.normalize()),
        status: f.status.as_str(),
    }
}
