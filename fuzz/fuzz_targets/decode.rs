//! `cargo fuzz run decode`: any bytes as a `.txt`, `.md` or `.html` file (the
//! first byte picks which): a document or a reason, its length in code points
//! right, its figures on grapheme boundaries.
#![no_main]

mod common;

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use tualek::import::{ImportOptions, document_from_bytes};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = ["f.txt", "f.md", "f.html"][usize::from(pick % 3)];
    if let Ok(text) = tualek::import::decode(bytes) {
        common::check_figures(&text);
    }
    if let Ok(doc) = document_from_bytes(bytes, Path::new(name), &ImportOptions::default()) {
        assert_eq!(doc.meta.char_len as usize, doc.text.chars().count());
        common::check_figures(&doc.text);
    }
});
