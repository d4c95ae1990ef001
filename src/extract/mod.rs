//! The figure extractor: text in, figures out. Pure: no I/O, no GUI, no SQL.
//!
//! Follows `GUIDELINE.md` (what counts as a figure, its span and fields) and
//! `notes/lao.md`. Files by concern:
//! - [`digits`]: digit runs of any script, grouping and decimal marks;
//! - [`english_words`]: English number words, ordinals, fractions;
//! - [`lao_words`]: Lao number words on syllable boundaries, Lao months;
//! - [`units`]: currencies, percent, time units, labels, the Lao gloss table;
//! - [`dates`]: dates, months and year ranges;
//! - [`triggers`]: the fast scan for places where a figure may start;
//!
//! and the stages a figure goes through, in order:
//! - [`lexicon`]: every word table the stages look at, once, as data;
//! - [`dispatch`]: what starts a figure, by trigger, and the single pass;
//! - [`number`]: reading the number there (the front of the readers above);
//! - [`widen`]: currency, sign, ratio, percent, range and label around it;
//! - [`classify`]: the ordered rules deciding its kind, value and unit;
//! - [`emit`]: the one place that checks, normalises and pushes a figure;
//! - [`look`] and [`nouns`]: the text around a number, the counted noun after it;
//! - [`neighbours`]: after the pass, readings the figures around a figure
//!   settle (compound durations, ratios and shares, phone numbers, units past
//!   an age or `of whom`);
//! - [`records`]: gold-form JSON records for the scorer and the CLI.
//!
//! Offsets in [`Found`] are bytes; callers convert them to code points with
//! [`crate::text::CharIndex`] before anything user-visible.

mod chars;
mod classify;
mod dates;
mod digits;
mod dispatch;
mod emit;
mod english_words;
mod lao_words;
mod lexicon;
mod look;
mod neighbours;
mod nouns;
mod number;
mod records;
mod triggers;
mod units;
mod widen;

pub use records::{Record, records};
pub use units::lao_word_for;

/// Bump when the output for some input changes.
pub const VERSION: &str = "extract/0.4.0";

/// The version of the annotation guideline (`GUIDELINE.md`, "What counts as a
/// figure") the extractor and the reviewers follow; a dataset card names it, so
/// whoever uses a gold-standard set knows which rules its spans were cut by.
pub const GUIDELINE_VERSION: &str = "3";

/// One figure found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// BYTE offset into the input text, on a grapheme-cluster boundary.
    pub start: usize,
    /// BYTE offset, exclusive, on a grapheme-cluster boundary.
    pub end: usize,
    pub kind: crate::model::Kind,
    /// Exact: rust_decimal, never via f64.
    pub value: Option<crate::model::Decimal>,
    pub value_max: Option<crate::model::Decimal>,
    pub unit: Option<String>,
}

/// All figures in `text`, sorted by start, never overlapping. Never panics.
pub fn extract(text: &str) -> Vec<Found> {
    extract_into(text, Vec::new())
}

/// [`extract`] into `out` (cleared first), for a caller that has memory
/// ready for the figures: [`capacity_for`] of them.
pub fn extract_into(text: &str, out: Vec<Found>) -> Vec<Found> {
    neighbours::refine(text, dispatch::run(text, out))
}

/// Room for the figures of `text` that growing rarely needs: about one
/// figure per 200 bytes of dense prose, so growing never copies what was found.
pub fn capacity_for(text: &str) -> usize {
    text.len() / 160 + 4
}
