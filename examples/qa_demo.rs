//! Writes a project with one aligned Lao–English pair, for the QA view's
//! screenshots and a first look (`cargo run --example qa_demo -- P`, then
//! `cargo run --release -- open P`). The sentences are our own: most are
//! translated right (Lao digits, the Lao decimal comma and grouping dot,
//! number words), one states another number, one leaves a figure out, and
//! one adds a figure, accepted with a note.

use std::path::{Path, PathBuf};

use tualek::app::Project;
use tualek::import::{ImportOptions, document_from_bytes};
use tualek::model::{Document, Segment, Span};

/// (Lao source, English target), one segment each.
const PAIR: &[(&str, &str)] = &[
    (
        "ເມືອງນີ້ມີປະຊາກອນ 48.500 ຄົນ.",
        "The district has 48,500 inhabitants.",
    ),
    (
        "ຖະໜົນເສັ້ນໃໝ່ຍາວ ໑໒ ກິໂລແມັດ.",
        "The new road is 12 kilometres long.",
    ),
    ("ໂຮງຮຽນມີນັກຮຽນ 1.255 ຄົນ.", "The school has 1,525 pupils."),
    (
        "ຊາວບ້ານ 75 ຄົນ ໄດ້ເຂົ້າຮ່ວມກອງປະຊຸມໃນປີ 2024.",
        "75 villagers took part in the meeting in 2024.",
    ),
    ("ພວກເຂົາປູກຕົ້ນໄມ້ 40 ຕົ້ນ ໃນເວລາ 3 ມື້.", "They planted 40 trees."),
    (
        "ໂຄງການນີ້ໃຊ້ງົບປະມານ 65,5 ລ້ານກີບ.",
        "The project cost 65.5 million kip.",
    ),
    ("ມີອາສາສະໝັກສິບສອງຄົນມາຊ່ວຍ.", "Twelve volunteers came to help."),
    (
        "ຕະຫຼາດເຊົ້າເປີດທຸກມື້.",
        "The morning market opens every day with 6 stalls.",
    ),
];

/// The segment accepted in the demo, and why.
const ACCEPTED: (u32, &str) = (8, "the English names the stalls counted on the day");

fn document(name: &str, lines: &[&str]) -> Document {
    let text = lines.join("\n") + "\n";
    document_from_bytes(text.as_bytes(), Path::new(name), &ImportOptions::default())
        .expect("our own text imports")
}

/// The code-point span of each line of `lines` joined by newlines.
fn line_spans(lines: &[&str]) -> Vec<Span> {
    let mut at = 0;
    lines
        .iter()
        .map(|l| {
            let n = l.chars().count();
            let span = Span {
                start: at,
                end: at + n,
            };
            at += n + 1;
            span
        })
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path: PathBuf = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .ok_or("usage: qa_demo PROJECT")?;
    if path.exists() {
        return Err(format!("{} exists already", path.display()).into());
    }
    let mut project = Project::create(&path, "demo")?;
    let lao: Vec<&str> = PAIR.iter().map(|p| p.0).collect();
    let eng: Vec<&str> = PAIR.iter().map(|p| p.1).collect();
    let (source, target) = (
        document("ບ້ານໜອງບົວ.txt", &lao),
        document("Nong Bua village.txt", &eng),
    );
    let segments: Vec<Segment> = line_spans(&lao)
        .into_iter()
        .zip(line_spans(&eng))
        .enumerate()
        .map(|(i, (s, t))| Segment {
            id: 0,
            source_doc: 0,
            target_doc: 0,
            number: i as u32 + 1,
            source: s,
            target: t,
            source_tags: vec![],
            target_tags: vec![],
        })
        .collect();
    project.import_aligned(&path.with_extension("tmx"), &source, &target, &segments)?;
    let (a, b) = project.store().segment_pairs()?[0];
    project.accept_segment(a, b, ACCEPTED.0, Some(ACCEPTED.1))?;
    for s in project.qa(a, b)?.segments {
        let accepted = if s.review.is_some() {
            " (accepted)"
        } else {
            ""
        };
        println!(
            "{:>2} {:<9}{accepted} {}",
            s.number,
            s.verdict.as_str(),
            s.target_text
        );
    }
    println!("wrote {}", path.display());
    Ok(())
}
