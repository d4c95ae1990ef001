//! `tualek links`: each link with both figures and whether they agree.

use std::collections::HashMap;
use std::io::Write;

use super::args::ListFormat;
use super::table;
use crate::app::links::{LinkedPair, Links};
use crate::model::{DocId, Figure};
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
                let line = serde_json::json!({
                    "id": p.link.id,
                    "relation": p.link.relation.as_str(),
                    "agrees": !p.disagrees(),
                    "a": end(&p.a, &titles),
                    "b": end(&p.b, &titles),
                });
                writeln!(out, "{line}").map_err(|e| e.to_string())?;
            }
        }
        ListFormat::Table => {
            let rows: Vec<Vec<String>> = shown.map(row).collect();
            table::print(
                &[
                    "link", "a", "text a", "value a", "b", "text b", "value b", "verdict",
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
        p.a.id.to_string(),
        p.a.text.clone(),
        value(&p.a),
        p.b.id.to_string(),
        p.b.text.clone(),
        value(&p.b),
        if p.disagrees() { "disagrees" } else { "agrees" }.to_string(),
    ]
}

fn end(f: &Figure, titles: &HashMap<DocId, String>) -> serde_json::Value {
    serde_json::json!({
        "figure": f.id,
        "doc": f.document,
        "doc_title": titles.get(&f.document),
        "start": f.span.start,
        "end": f.span.end,
        "text": f.text,
        "value": f.value,
        "value_max": f.value_max,
        "status": f.status.as_str(),
    })
}
