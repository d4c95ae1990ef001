//! `tualek claims`: claims across sources (the same fact in several
//! documents) with their verdicts, and the reviewer's decisions on them.

use std::collections::HashMap;
use std::io::Write;

use serde::Serialize;

use super::args::{ClaimsCmd, ListFormat};
use super::table;
use crate::app::Project;
use crate::claims::{ClaimId, ClaimState, Mention, ReviewedClaim, Verdict};
use crate::model::{Decimal, DocId, DocumentMeta};

/// Which claims `tualek claims` lists.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter {
    pub disagreeing: bool,
    /// Only suggested (`Some(Suggested)`) or only accepted claims.
    pub state: Option<ClaimState>,
}

impl Filter {
    fn keeps(&self, c: &ReviewedClaim) -> bool {
        (!self.disagreeing || c.claim.verdict == Verdict::Disagrees)
            && self.state.is_none_or(|s| c.claim.state == s)
    }
}

pub fn print(p: &Project, filter: Filter, format: ListFormat) -> Result<(), String> {
    let docs: HashMap<DocId, DocumentMeta> = p
        .store()
        .documents()
        .map_err(|e| e.to_string())?
        .into_iter()
        .map(|d| (d.id, d))
        .collect();
    let claims = p.claims().map_err(|e| e.to_string())?;
    let shown = claims.iter().filter(|c| filter.keeps(c));
    match format {
        ListFormat::Jsonl => {
            let mut out = std::io::stdout().lock();
            for c in shown {
                let line = serde_json::to_string(&line(c, &docs)).map_err(|e| e.to_string())?;
                writeln!(out, "{line}").map_err(|e| e.to_string())?;
            }
        }
        ListFormat::Table => {
            let rows: Vec<Vec<String>> = shown.map(|c| row(c, &docs)).collect();
            table::print(
                &[
                    "claim", "state", "verdict", "about", "values", "sources", "score", "note",
                ],
                &rows,
            );
        }
    }
    Ok(())
}

/// Runs a decision on a claim and says what was done.
pub fn decide(p: &mut Project, action: ClaimsCmd) -> Result<(), String> {
    let err = |e: crate::app::AppError| e.to_string();
    match action {
        ClaimsCmd::Accept { id } => {
            let figures = figures(p, id)?;
            let done = p.accept_claim(id).map_err(err)?;
            let links = added_links(&done);
            println!(
                "accepted claim {id}: figures {} are the same fact ({links} new {})",
                list(&figures),
                if links == 1 { "link" } else { "links" }
            );
        }
        ClaimsCmd::Dismiss { id } => {
            let figures = figures(p, id)?;
            p.dismiss_claim(id).map_err(err)?;
            println!(
                "dismissed claim {id}: figures {} will not be suggested together again",
                list(&figures)
            );
        }
        ClaimsCmd::Split { id, figure } => {
            p.split_claim(id, figure).map_err(err)?;
            println!("split figure {figure} out of claim {id}");
        }
        ClaimsCmd::Merge { a, b } => {
            p.merge_claims(a, b).map_err(err)?;
            let merged = ClaimId(a.0.min(b.0));
            let n = p
                .claim(merged)
                .map_err(err)?
                .map_or(0, |c| c.claim.mentions.len());
            println!("merged claims {a} and {b} into claim {merged} ({n} figures)");
        }
        ClaimsCmd::Note { id, text } => {
            p.note_claim(id, Some(&text)).map_err(err)?;
            if text.trim().is_empty() {
                println!("claim {id}: note cleared");
            } else {
                println!("claim {id}: note saved");
            }
        }
    }
    Ok(())
}

/// A claim's figures, refusing an id no claim has now.
fn figures(p: &Project, id: ClaimId) -> Result<Vec<i64>, String> {
    p.claim(id)
        .map_err(|e| e.to_string())?
        .map(|c| c.claim.figures())
        .ok_or_else(|| format!("claim {id} not found"))
}

fn list(ids: &[i64]) -> String {
    let s: Vec<String> = ids.iter().map(|i| i.to_string()).collect();
    s.join(", ")
}

fn added_links(done: &crate::app::Executed) -> usize {
    done.changes
        .iter()
        .filter(|c| c.before.is_none() && matches!(c.after, Some(crate::model::Row::Link(_))))
        .count()
}

/// One claim in JSON Lines.
#[derive(Serialize)]
struct Line<'a> {
    id: ClaimId,
    description: String,
    verdict: &'static str,
    agrees: bool,
    state: &'static str,
    score: f32,
    reason: String,
    /// For a rounding verdict: the figure whose value is the rounder.
    rounder: Option<i64>,
    notes: Vec<&'a str>,
    reviewer: Option<&'a str>,
    reviewed_at: Option<&'a str>,
    mentions: Vec<MentionLine<'a>>,
}

/// One mention in JSON Lines: offsets in code points, values as exact JSON
/// numbers, as in the figure exports.
#[derive(Serialize)]
struct MentionLine<'a> {
    figure: i64,
    /// The document's source file name.
    doc: &'a str,
    doc_id: DocId,
    doc_title: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    kind: &'static str,
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    value: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    value_max: Option<Decimal>,
    unit: Option<&'a str>,
    /// The hedge words as written ("more than"), or null.
    hedge: Option<&'a str>,
    time: Option<&'a str>,
    sentence: &'a str,
}

fn line<'a>(c: &'a ReviewedClaim, docs: &'a HashMap<DocId, DocumentMeta>) -> Line<'a> {
    let claim = &c.claim;
    let last = c.last_review();
    Line {
        id: claim.id,
        description: claim.description.to_string(),
        verdict: claim.verdict.as_str(),
        agrees: claim.agrees(),
        state: claim.state.as_str(),
        score: claim.score,
        reason: claim.reason_text(),
        rounder: claim.rounder,
        notes: c.notes().collect(),
        reviewer: last.map(|r| r.reviewer.as_str()),
        reviewed_at: last.map(|r| r.reviewed_at.as_str()),
        mentions: claim.mentions.iter().map(|m| mention(m, docs)).collect(),
    }
}

fn mention<'a>(m: &'a Mention, docs: &'a HashMap<DocId, DocumentMeta>) -> MentionLine<'a> {
    let doc = docs.get(&m.doc);
    MentionLine {
        figure: m.figure,
        doc: doc.map_or("", |d| d.file_name()),
        doc_id: m.doc,
        doc_title: doc.map_or("", |d| d.title.as_str()),
        start: m.span.start,
        end: m.span.end,
        text: &m.text,
        kind: m.kind.as_str(),
        value: m.value.map(|v| v.normalize()),
        value_max: m.value_max.map(|v| v.normalize()),
        unit: m.unit.as_deref(),
        hedge: m.hedge.as_ref().map(|h| h.words.as_str()),
        time: m.time.as_deref(),
        sentence: &m.sentence_text,
    }
}

fn row(c: &ReviewedClaim, docs: &HashMap<DocId, DocumentMeta>) -> Vec<String> {
    let claim = &c.claim;
    let values: Vec<String> = claim
        .mentions
        .iter()
        .map(|m| {
            let value = match (m.value, m.value_max) {
                (Some(v), Some(x)) => format!("{}–{}", v.normalize(), x.normalize()),
                (Some(v), None) => v.normalize().to_string(),
                _ => m.text.clone(),
            };
            match &m.hedge {
                Some(h) => format!("{} {value}", h.words),
                None => value,
            }
        })
        .collect();
    let sources: Vec<&str> = claim
        .mentions
        .iter()
        .map(|m| docs.get(&m.doc).map_or("?", |d| d.file_name()))
        .collect();
    let verdict = match (claim.verdict, claim.rounder) {
        (Verdict::Rounding, Some(f)) => format!("rounding (figure {f} rounder)"),
        (v, _) => v.to_string(),
    };
    vec![
        claim.id.to_string(),
        claim.state.as_str().to_string(),
        verdict,
        claim.description.to_string(),
        values.join(" · "),
        sources.join(" · "),
        format!("{:.2}", claim.score),
        c.notes().collect::<Vec<_>>().join(" / "),
    ]
}
