//! Inputs the fuzzers (`fuzz/`) found crashing, kept as tests: each file in
//! `tests/fixtures/fuzz` is read the way its target reads it, and the
//! figures of every text it yields must be sorted, disjoint and on
//! grapheme boundaries, without a panic.

use std::path::Path;

use tualek::import::{ImportOptions, decode, document_from_bytes};
use tualek::text::is_grapheme_boundary;

fn check_figures(text: &str) {
    let mut last = 0;
    let found = tualek::extract::extract(text);
    for f in &found {
        assert!(f.start >= last && f.start < f.end && f.end <= text.len());
        assert!(is_grapheme_boundary(text, f.start) && is_grapheme_boundary(text, f.end));
        last = f.end;
    }
}

#[test]
fn every_crash_the_fuzzers_found_is_read_without_a_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let data = std::fs::read(entry.unwrap().path()).unwrap();
        files += 1;
        // Every target takes its first byte as a choice and reads the rest;
        // the extractor sees the text as decoded and as plain lossy UTF-8.
        let rest = &data[1..];
        check_figures(&String::from_utf8_lossy(rest));
        if let Ok(text) = decode(rest) {
            check_figures(&text);
        }
        for name in ["f.txt", "f.md", "f.html"] {
            if let Ok(doc) = document_from_bytes(rest, Path::new(name), &ImportOptions::default()) {
                check_figures(&doc.text);
            }
        }
    }
    assert!(files >= 3, "the crash inputs are in {}", dir.display());
}
