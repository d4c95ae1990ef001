//! Where Lao text may wrap.
//!
//! egui wraps only at white space (or anywhere, mid-word, when a word is too
//! long), and Lao writes no spaces between words. ICU4X's dictionary line
//! segmenter knows the word boundaries; at each one inside a Lao run the view
//! inserts a hair-thin space, which gives egui a place to wrap. The inserted
//! spaces never reach the document: offsets are mapped back.

use std::sync::OnceLock;

use icu_segmenter::LineSegmenter;
use icu_segmenter::options::LineBreakOptions;

fn is_lao(c: char) -> bool {
    ('\u{0E80}'..='\u{0EFF}').contains(&c)
}

/// Byte offsets inside `text` where a break may be added: ICU line-break
/// opportunities between two Lao characters (never at existing white space,
/// never inside a cluster).
pub fn lao_break_points(text: &str) -> Vec<usize> {
    if !text.chars().any(is_lao) {
        return Vec::new();
    }
    static SEGMENTER: OnceLock<icu_segmenter::LineSegmenterBorrowed<'static>> = OnceLock::new();
    let segmenter =
        SEGMENTER.get_or_init(|| LineSegmenter::new_dictionary(LineBreakOptions::default()));
    segmenter
        .segment_str(text)
        .filter(|&b| b > 0 && b < text.len())
        .filter(|&b| {
            let before = text[..b].chars().next_back();
            let after = text[b..].chars().next();
            matches!((before, after), (Some(x), Some(y)) if is_lao(x) && is_lao(y))
                && crate::text::is_grapheme_boundary(text, b)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_fall_between_lao_words_only() {
        let text = "ລາວຖືກຈັດຢູ່ໃນກຸ່ມ 2023 Tier 2";
        let points = lao_break_points(text);
        assert!(!points.is_empty());
        for &b in &points {
            assert!(text.is_char_boundary(b));
            assert!(crate::text::is_grapheme_boundary(text, b));
            assert!(b < text.find(' ').unwrap(), "only inside the Lao run");
        }
        assert!(lao_break_points("no Lao here at all").is_empty());
    }
}
