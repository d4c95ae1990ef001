//! Sentences of a text, and the sentences of two translations paired.

use crate::model::{Figure, Span};

/// The sentences of a text, as code-point spans (blank lines left out).
pub fn split(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.chars().enumerate() {
        if c == '\n' {
            if i > start {
                out.push(Span::new(start, i));
            }
            start = i + 1;
        }
    }
    let n = text.chars().count();
    if n > start {
        out.push(Span::new(start, n));
    }
    out
}

/// Sentence pairs of two texts that translate each other, in order: each
/// `(a, b)` spans in code points of the two texts; an empty span on one side
/// means that side has nothing there.
pub fn align(a_text: &str, _a: &[Figure], b_text: &str, _b: &[Figure]) -> Vec<(Span, Span)> {
    split(a_text).into_iter().zip(split(b_text)).collect()
}
