//! `cargo fuzz run extract`: the extractor must never panic, and every span
//! must be sorted, disjoint and on grapheme-cluster boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut last = 0;
    for f in tualek::extract::extract(text) {
        assert!(f.start >= last && f.start < f.end && f.end <= text.len());
        assert!(tualek::text::is_grapheme_boundary(text, f.start));
        assert!(tualek::text::is_grapheme_boundary(text, f.end));
        last = f.end;
    }
});
