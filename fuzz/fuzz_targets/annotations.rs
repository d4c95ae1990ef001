//! `cargo fuzz run annotations`: any bytes through the annotation readers,
//! the first byte picking the format (spaCy, Prodigy, Tualek JSON Lines,
//! Label Studio, doccano, brat with its `.ann` and `.txt` split at the first
//! NUL byte). Read or refused, never a panic; a text a file brings becomes
//! a document, so its figures must be on grapheme boundaries, and a span
//! counted in code points that lies inside its text slices it on char
//! boundaries.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use tualek::export::annotations::OffsetUnit;
use tualek::import::annotations::{
    AnnotationFormat, IncomingDoc, IncomingText, read_annotation_bytes, read_brat_bytes,
};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let units = [None, Some(OffsetUnit::CodePoints), Some(OffsetUnit::Utf16)];
    let unit = units[usize::from(pick / 8) % 3];
    let docs = match pick % 6 {
        0 => read_annotation_bytes(bytes, AnnotationFormat::Spacy, unit),
        1 => read_annotation_bytes(bytes, AnnotationFormat::Prodigy, unit),
        2 => read_annotation_bytes(bytes, AnnotationFormat::Tualek, unit),
        3 => read_annotation_bytes(bytes, AnnotationFormat::LabelStudio, unit),
        4 => read_annotation_bytes(bytes, AnnotationFormat::Doccano, unit),
        _ => {
            let cut = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
            let txt = bytes.get(cut + 1..).unwrap_or_default();
            read_brat_bytes(&bytes[..cut], txt, "fuzz.ann").map(|d| vec![d])
        }
    };
    for doc in docs.iter().flatten() {
        check(doc);
    }
});

fn check(doc: &IncomingDoc) {
    let IncomingText::Text(text) = &doc.text else {
        return;
    };
    common::check_figures(text);
    if doc.unit != OffsetUnit::CodePoints {
        return;
    }
    let len = text.chars().count();
    for span in doc
        .spans
        .iter()
        .filter(|s| s.start <= s.end && s.end <= len)
    {
        assert!(tualek::text::char_slice(text, span.start, span.end).is_some());
    }
}
