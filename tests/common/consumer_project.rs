//! The project every gold-standard consumer check exports: Lao and English,
//! CRLF lines, unspaced Lao, an emoji before a figure, nested figures (a
//! range and the year inside it), a link within a document and one across.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::cli::ok;

pub const LAO: &str = "ມີ75ຄົນ ໄດ້ຮັບເງິນ 65,5 ລ້ານ ກີບ ໃນປີ 2019–2020.\r\n😀 ປີ 2024 ມີ 12 ແຂວງ.\r\n";
pub const ENGLISH: &str =
    "In 2019–2020, 75 people 😀 got 65.5 million kip in 12 provinces.\r\nSee 2024.\r\n";

/// The figures of each text: (the figure's text, its kind), in text order,
/// each found at its first place after the one before (a year inside a range
/// comes right after the range).
const LAO_FIGURES: &[(&str, &str)] = &[
    ("75", "count"),
    ("65,5 ລ້ານ ກີບ", "money"),
    ("2019–2020", "year"),
    ("2019", "year"),
    ("2024", "year"),
    ("12", "count"),
];
const ENGLISH_FIGURES: &[(&str, &str)] = &[
    ("2019–2020", "year"),
    ("2019", "year"),
    ("75", "count"),
    ("65.5 million kip", "money"),
    ("12", "count"),
    ("2024", "year"),
];

pub struct ConsumerProject {
    pub path: PathBuf,
    /// Each document's text by its id.
    pub texts: HashMap<i64, String>,
}

/// Code-point spans of `figures` in `text`.
fn spans(text: &str, figures: &[(&str, &str)]) -> Vec<serde_json::Value> {
    let mut from = 0;
    figures
        .iter()
        .map(|(t, kind)| {
            let at = from + text[from..].find(t).expect("a figure of the text");
            let start = text[..at].chars().count();
            let end = start + t.chars().count();
            from = at; // a nested figure starts where its holder does
            serde_json::json!({"start": start, "end": end, "label": kind, "text": t})
        })
        .collect()
}

/// Builds the project in `dir`: the texts and figures come in through
/// `import-annotations`, every figure is confirmed, then linked.
pub fn consumer_project(dir: &Path) -> ConsumerProject {
    let path = dir.join("gold.tualek");
    let p = path.to_str().unwrap();
    ok(&["new", p]);
    let lines = [
        serde_json::json!({"text": LAO, "spans": spans(LAO, LAO_FIGURES), "meta": {"title": "ລາຍງານ", "language": "lo"}}),
        serde_json::json!({"text": ENGLISH, "spans": spans(ENGLISH, ENGLISH_FIGURES), "meta": {"title": "Report", "language": "en"}}),
    ];
    let file = dir.join("seed.spacy.jsonl");
    let body: String = lines.iter().map(|l| l.to_string() + "\n").collect();
    std::fs::write(&file, body).unwrap();
    ok(&[
        "import-annotations",
        p,
        file.to_str().unwrap(),
        "--format",
        "spacy",
        "--strict",
    ]);
    let figures: Vec<serde_json::Value> = ok(&["figures", p, "--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(figures.len(), LAO_FIGURES.len() + ENGLISH_FIGURES.len());
    for f in &figures {
        ok(&["review", p, &f["id"].to_string(), "confirm"]);
    }
    let id = |lang: &str, text: &str| {
        figures
            .iter()
            .find(|f| f["language"] == lang && f["text"] == text)
            .map(|f| f["id"].to_string())
            .unwrap()
    };
    // Across documents: the 75s translate each other; within the English one,
    // the 2024 of the last line restates nothing but is linked as a source.
    ok(&["link", p, &id("lo", "75"), &id("en", "75")]);
    ok(&["link", p, &id("lo", "12"), &id("en", "12")]);
    ok(&[
        "link",
        p,
        &id("en", "2019"),
        &id("en", "2024"),
        "--relation",
        "source",
    ]);
    // A new project numbers its documents in the file's order.
    assert!(ok(&["doc", p, "1"]).contains("ລາຍງານ"));
    assert!(ok(&["doc", p, "2"]).contains("Report"));
    let texts = HashMap::from([(1, LAO.to_string()), (2, ENGLISH.to_string())]);
    ConsumerProject { path, texts }
}
