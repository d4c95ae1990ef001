//! `cargo fuzz run html`: the visible text of any page, or a reason; never a
//! panic, never a stack overflow, and figures on grapheme boundaries.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(page) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok((title, text)) = tualek::import::visible_text(page) {
        assert!(title.is_none_or(|t| !t.is_empty()));
        common::check_figures(&text);
    }
});
