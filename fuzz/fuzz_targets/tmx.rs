//! `cargo fuzz run tmx`: any bytes as TMX, read into a pair of documents or refused.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::check_bilingual(tualek::import::bilingual::parse_tmx(data), "fuzz.tmx");
});
