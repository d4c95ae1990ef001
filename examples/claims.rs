//! `cargo run --release --example claims -- FILE…`: extracts the figures of
//! each file, runs the claims engine over them and prints one claim a line
//! as JSON (document file names, code-point starts), for measuring the
//! engine against `seeds.links.jsonl` (see the README's claims section).

use std::io::Write;

use tualek::claims::{Input, Source, find_claims};
use tualek::model::Language;

fn main() {
    let mut names = Vec::new();
    let mut texts = Vec::new();
    for path in std::env::args().skip(1) {
        match std::fs::read_to_string(&path) {
            Ok(t) => texts.push(t),
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            }
        }
        names.push(
            std::path::Path::new(&path)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or(path.clone()),
        );
    }
    let languages: Vec<Language> = texts.iter().map(|_| Language::new("und")).collect();
    let mut figures = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        for mut f in tualek::app::extract::found_figures(i as i64 + 1, text) {
            f.id = figures.len() as i64 + 1;
            figures.push(f);
        }
    }
    let sources: Vec<Source> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| Source {
            id: i as i64 + 1,
            language: &languages[i],
            text,
        })
        .collect();
    let input = Input {
        sources: &sources,
        figures: &figures,
        same: &[],
        distinct: &[],
    };
    // CLAIMS_EXPLAIN="001.txt:615 002.txt:393" prints why two figures are
    // (or are not) one fact.
    if let Ok(pair) = std::env::var("CLAIMS_EXPLAIN") {
        let find = |spec: &str| {
            let (doc, start) = spec.rsplit_once(':')?;
            let d = names.iter().position(|n| n.starts_with(doc))? as i64 + 1;
            let start: usize = start.parse().ok()?;
            figures
                .iter()
                .find(|f| f.document == d && f.span.start == start)
                .map(|f| f.id)
        };
        let specs: Vec<&str> = pair.split_whitespace().collect();
        if let [a, b] = specs[..]
            && let (Some(a), Some(b)) = (find(a), find(b))
        {
            let index = tualek::claims::ClaimIndex::build(&input);
            let unit = |id: i64| {
                figures
                    .iter()
                    .find(|f| f.id == id)
                    .map(|f| (f.text.clone(), f.kind, f.unit.clone()))
            };
            eprintln!("{:?} {:?}", unit(a), unit(b));
            eprintln!("{:?}", index.explain(a, b));
        } else {
            eprintln!("CLAIMS_EXPLAIN: figures not found");
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for c in find_claims(&input) {
        let mentions: Vec<serde_json::Value> = c
            .mentions
            .iter()
            .map(|m| {
                serde_json::json!({
                    "doc": names[(m.doc - 1) as usize],
                    "start": m.span.start,
                    "text": m.text,
                    "unit": m.unit,
                })
            })
            .collect();
        let line = serde_json::json!({
            "id": c.id,
            "verdict": c.verdict.as_str(),
            "score": c.score,
            "description": c.description.to_string(),
            "reason": c.reason_text(),
            "mentions": mentions,
        });
        writeln!(out, "{line}").expect("stdout");
    }
}
