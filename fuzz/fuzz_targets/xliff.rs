//! `cargo fuzz run xliff`: any bytes as XLIFF 1.2 or 2.0, read or refused.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::check_bilingual(tualek::import::bilingual::parse_xliff(data), "fuzz.xlf");
});
