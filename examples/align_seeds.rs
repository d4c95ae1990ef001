//! `cargo run --release --example align_seeds [SEED_DIR]`: the translation
//! engines measured on seed 004 (a Lao article, then the English report it
//! summarises), against the gold translation links.
//!
//! Prints link precision and recall of (a) the order aligner alone
//! ([`align_in_order`]) and (b) sentences aligned first ([`link_translation`]),
//! then the number check of every sentence pair the aligner made, the
//! flagged ones listed with their reason. Source = the Lao part, target = the
//! English part. A bead with one side empty (an English sentence the Lao
//! summary leaves out) is not a segment: it is counted, never flagged.
//!
//! Reads `../shared` at run time (or the directory given); prints a note and
//! exits 0 when it is absent.

use std::collections::HashSet;
use std::path::PathBuf;

use tualek::align::{align_in_order, check_segment, link_translation, sentences};
use tualek::app::extract::found_figures;
use tualek::model::{Figure, FigureId, Span};

const SEED: &str = "004_12f228d6a8688fab.txt";

fn main() {
    let shared = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let (Ok(text), Ok(gold)) = (
        std::fs::read_to_string(shared.join("seeds").join(SEED)),
        std::fs::read_to_string(shared.join("gold/seeds.links.jsonl")),
    ) else {
        println!(
            "{}: seed 004 or its gold links not found; nothing measured",
            shared.display()
        );
        return;
    };
    let Some(cut) = english_start(&text) else {
        println!("no English part found in {SEED}");
        return;
    };
    let gold = gold_links(&gold);
    let lao: String = text.chars().take(cut).collect();
    let english: String = text.chars().skip(cut).collect();
    let a = with_ids(found_figures(1, &lao), 1);
    let b = with_ids(found_figures(2, &english), 100_000);
    println!(
        "seed {SEED}: Lao part {} code points, {} figures; English part from {cut}, {} code points, {} figures; {} gold translation links",
        lao.chars().count(),
        a.len(),
        english.chars().count(),
        b.len(),
        gold.len()
    );
    let whole = |pairs: &[(FigureId, FigureId)]| to_offsets(pairs, &a, &b, cut);
    score(
        "(a) in order (align_in_order)",
        &whole(&align_in_order(&a, &b)),
        &gold,
    );
    let linked = whole(&link_translation(&lao, &a, &english, &b));
    score("(b) sentences first (link_translation)", &linked, &gold);
    if std::env::var_os("VERBOSE").is_some() {
        show_misses(&text, &linked, &gold);
    }
    qa_report(&lao, &a, &english, &b);
}

/// The code point where the first line written mostly in Latin letters starts.
fn english_start(text: &str) -> Option<usize> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
        let latin = letters.iter().filter(|c| c.is_ascii_alphabetic()).count();
        if letters.len() >= 20 && latin * 10 >= letters.len() * 9 {
            return Some(at);
        }
        at += line.chars().count();
    }
    None
}

/// The gold translation links as (a start, b start), code points of the seed.
fn gold_links(jsonl: &str) -> HashSet<(usize, usize)> {
    jsonl
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["relation"] == "translation" && v["a"]["doc"] == SEED)
        .filter_map(|v| {
            Some((
                v["a"]["start"].as_u64()? as usize,
                v["b"]["start"].as_u64()? as usize,
            ))
        })
        .collect()
}

fn with_ids(mut figures: Vec<Figure>, first: FigureId) -> Vec<Figure> {
    for (k, f) in figures.iter_mut().enumerate() {
        f.id = first + k as FigureId;
    }
    figures
}

/// Figure pairs as (a start, b start) in code points of the whole seed.
fn to_offsets(
    pairs: &[(FigureId, FigureId)],
    a: &[Figure],
    b: &[Figure],
    cut: usize,
) -> Vec<(usize, usize)> {
    let start = |fs: &[Figure], id| fs.iter().find(|f| f.id == id).map(|f| f.span.start);
    pairs
        .iter()
        .filter_map(|&(x, y)| Some((start(a, x)?, start(b, y)? + cut)))
        .collect()
}

fn score(name: &str, links: &[(usize, usize)], gold: &HashSet<(usize, usize)>) {
    let right = links.iter().filter(|l| gold.contains(l)).count();
    let precision = right as f64 / links.len().max(1) as f64;
    let recall = right as f64 / gold.len().max(1) as f64;
    println!(
        "{name}: {} links, {right} right: precision {:.1} %, recall {:.1} % ({right}/{})",
        links.len(),
        100.0 * precision,
        100.0 * recall,
        gold.len()
    );
}

/// With VERBOSE set: the gold links not found, and the links found that are not gold.
fn show_misses(text: &str, linked: &[(usize, usize)], gold: &HashSet<(usize, usize)>) {
    let at = |p: usize| -> String { text.chars().skip(p).take(12).collect() };
    let mut missed: Vec<_> = gold.iter().filter(|g| !linked.contains(g)).collect();
    missed.sort();
    for (x, y) in missed {
        println!("  missed {x} {:?} ↔ {y} {:?}", at(*x), at(*y));
    }
    for (x, y) in linked.iter().filter(|l| !gold.contains(l)) {
        println!("  not gold {x} {:?} ↔ {y} {:?}", at(*x), at(*y));
    }
}

fn inside(figures: &[Figure], span: Span) -> Vec<Figure> {
    figures
        .iter()
        .filter(|f| !span.is_empty() && f.span.start >= span.start && f.span.start < span.end)
        .cloned()
        .collect()
}

fn snippet(text: &str, span: Span) -> String {
    let s: String = text
        .chars()
        .skip(span.start)
        .take(span.len().min(70))
        .collect();
    if span.len() > 70 {
        format!("{s}…")
    } else {
        s
    }
}

fn qa_report(lao: &str, a: &[Figure], english: &str, b: &[Figure]) {
    let (sa, sb) = (sentences::split(lao), sentences::split(english));
    let beads = sentences::align(lao, a, english, b);
    let one_sided = beads
        .iter()
        .filter(|(x, y)| x.is_empty() || y.is_empty())
        .count();
    let pairs: Vec<&(Span, Span)> = beads
        .iter()
        .filter(|(x, y)| !x.is_empty() && !y.is_empty())
        .collect();
    println!(
        "sentences: {} Lao, {} English; {} beads: {} sentence pairs, {one_sided} one-sided (not checked)",
        sa.len(),
        sb.len(),
        beads.len(),
        pairs.len()
    );
    if std::env::var_os("BEADS").is_some() {
        for (x, y) in &beads {
            let figs = |fs: &[Figure], s: Span| -> String {
                inside(fs, s)
                    .iter()
                    .map(|f| f.text.clone())
                    .collect::<Vec<_>>()
                    .join(",")
            };
            println!(
                "  bead {:>5}+{:<4} {:>6}+{:<4} [{}] [{}] {} | {}",
                x.start,
                x.len(),
                y.start,
                y.len(),
                figs(a, *x),
                figs(b, *y),
                snippet(lao, *x).chars().take(25).collect::<String>(),
                snippet(english, *y).chars().take(30).collect::<String>()
            );
        }
    }
    let mut flagged = 0;
    for (n, &&(x, y)) in pairs.iter().enumerate() {
        let (fa, fb) = (inside(a, x), inside(b, y));
        let check = check_segment(&fa, &fb);
        if !check.is_flagged() {
            continue;
        }
        flagged += 1;
        let text_of = |fs: &[Figure], id| {
            fs.iter()
                .find(|f| f.id == id)
                .map_or(String::new(), |f| f.text.clone())
        };
        let mut reasons: Vec<String> = Vec::new();
        reasons.extend(
            check
                .mismatched
                .iter()
                .map(|&(s, t)| format!("{} ≠ {}", text_of(&fa, s), text_of(&fb, t))),
        );
        reasons.extend(
            check
                .missing
                .iter()
                .map(|&s| format!("missing {}", text_of(&fa, s))),
        );
        reasons.extend(
            check
                .extra
                .iter()
                .map(|&t| format!("extra {}", text_of(&fb, t))),
        );
        println!(
            "  pair {}: {} — {}\n    lo: {}\n    en: {}",
            n + 1,
            check.verdict(),
            reasons.join("; "),
            snippet(lao, x),
            snippet(english, y)
        );
    }
    println!("QA: {flagged} of {} sentence pairs flagged", pairs.len());
}
