//! The extractor's output, figure for figure and byte for byte, on texts it
//! must go on reading the same way while it is rebuilt stage by stage: the
//! seed documents, every input of the peer suite, the test fixtures' texts,
//! and number soup made of the pieces the property test uses.
//!
//! The reference is what the extractor gave when the test was written, in
//! `tests/fixtures/extract_golden/*.tsv`: one line per figure (input, start
//! and end in bytes, kind, value, upper value, unit), so a change shows as a
//! readable diff. A change meant to alter the readings rewrites them with
//! `TUALEK_BLESS=1 cargo test --test extract_golden`, and the diff of those
//! files is then part of the commit, to be read like code.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use tualek::extract::extract;

fn golden(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/extract_golden")
        .join(format!("{name}.tsv"))
}

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

/// Tabs, line ends and backslashes escaped, so that every field stays on its line.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// The extractor's figures in `inputs`, one line each, in the reference's form.
fn readings(inputs: &[(String, String)]) -> String {
    let mut out = String::new();
    for (name, text) in inputs {
        for f in extract(text) {
            let show =
                |d: Option<tualek::model::Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                escape(name),
                f.start,
                f.end,
                escape(&text[f.start..f.end]),
                f.kind.as_str(),
                show(f.value),
                show(f.value_max),
                escape(f.unit.as_deref().unwrap_or("")),
            )
            .unwrap();
        }
    }
    out
}

/// Compares today's readings of `inputs` with the reference `name`, or
/// writes them as the reference under `TUALEK_BLESS=1`.
fn compare(name: &str, inputs: &[(String, String)]) {
    assert!(!inputs.is_empty(), "{name}: no inputs");
    let now = readings(inputs);
    let path = golden(name);
    if std::env::var_os("TUALEK_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &now).unwrap();
        return;
    }
    let before = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (TUALEK_BLESS=1 writes it)", path.display()));
    if now != before {
        let (old, new): (Vec<&str>, Vec<&str>) = (before.lines().collect(), now.lines().collect());
        let first = old
            .iter()
            .zip(&new)
            .position(|(a, b)| a != b)
            .unwrap_or(old.len().min(new.len()));
        panic!(
            "{name}: the extractor reads differently ({} figures before, {} now); first change at figure {}:\n  before: {}\n  now:    {}",
            old.len(),
            new.len(),
            first + 1,
            old.get(first).unwrap_or(&"(none)"),
            new.get(first).unwrap_or(&"(none)"),
        );
    }
}

/// Inputs under `../shared`, or `None` (with a word on stderr) where the
/// checkout has no such folder beside it; CI (`TUALEK_REQUIRE_TOOLS=1`)
/// always has it.
fn from_shared(what: &str) -> Option<PathBuf> {
    let dir = shared().join(what);
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("TUALEK_REQUIRE_TOOLS").is_none(),
        "{} is missing",
        dir.display()
    );
    eprintln!("{} is not here: skipped", dir.display());
    None
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    found.sort();
    found
}

fn name_of(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn the_seed_documents_read_as_before() {
    let Some(dir) = from_shared("seeds") else {
        return;
    };
    let inputs: Vec<(String, String)> = files(&dir, "txt")
        .iter()
        .map(|p| (name_of(p), std::fs::read_to_string(p).unwrap()))
        .collect();
    compare("seeds", &inputs);
}

#[test]
fn every_input_of_the_peer_suite_reads_as_before() {
    let Some(dir) = from_shared("peers/recognizers-text") else {
        return;
    };
    let mut inputs = Vec::new();
    for p in files(&dir, "json") {
        let cases: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        for (i, case) in cases.as_array().unwrap().iter().enumerate() {
            if let Some(text) = case["Input"].as_str() {
                inputs.push((format!("{}#{i}", name_of(&p)), text.to_string()));
            }
        }
    }
    compare("peers", &inputs);
}

#[test]
fn the_fixture_texts_read_as_before() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut inputs = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for p in files(&dir, "txt") {
            if let Ok(text) = std::fs::read_to_string(&p) {
                let name = p.strip_prefix(&root).unwrap().display().to_string();
                inputs.push((name, text));
            }
        }
        let mut subs: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir() && !p.ends_with("extract_golden"))
            .collect();
        subs.sort();
        dirs.extend(subs.into_iter().rev());
    }
    inputs.sort();
    compare("fixtures", &inputs);
}

/// The property test's pieces: dense, number-heavy text in Lao, Thai and
/// English, with marks, separators and scale words next to each other.
const PIECES: &[&str] = &[
    "1,255",
    "3,6",
    "ລ້ານ",
    "ສອງຮ້ອຍ",
    "ທີ",
    "ເດືອນຕຸລາ",
    "\u{200b}",
    "\u{0e48}",
    "-",
    " to ",
    "$",
    "%",
    "one",
    "twenty-one",
    "January",
    "/",
    "^",
    "e",
    "x10^",
    "½",
    " and a half",
    " hundred",
    " million",
    " fifths",
    " out of ",
    " over ",
    " k",
    "ยี่สิบเอ็ด",
    "ร้อยละ",
    "ล้าน",
    "\u{0e40}",
    "ແສນ",
    "໒໐໒໔",
    "๒๕",
    ".",
    ",",
    " ",
    "\n",
    "\u{301}",
    "2024",
    "45.5",
    "0",
    "ກີບ",
    "ຄົນ",
    "US$",
    " per cent",
    "ປີ",
    " between ",
    " and ",
    "ເຖິງ",
    "–",
    "(",
    ")",
];

/// Number soup, the same every run: a small generator of its own, so that
/// no library's choice of random numbers can change the inputs.
fn soup(count: usize) -> Vec<(String, String)> {
    let mut state: u64 = 0x7475_616c_656b; // "tualek"
    let mut next = move || {
        // xorshift64*
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    };
    (0..count)
        .map(|i| {
            let len = (next() % 30) as usize;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            (format!("soup{i}"), text)
        })
        .collect()
}

#[test]
fn number_soup_reads_as_before() {
    compare("soup", &soup(6_000));
}
