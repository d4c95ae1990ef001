//! Where Lao text may wrap.
//!
//! egui wraps only at white space (or anywhere, mid-word, when a word is too
//! long), and Lao writes no spaces between words. ICU4X's dictionary line
//! segmenter knows the word boundaries; at each one inside a Lao run the view
//! inserts a hair-thin space, which gives egui a place to wrap. The inserted
//! spaces never reach the document: offsets are mapped back.
//!
//! Labels and hints get the same treatment ([`wrapping`]): without it a narrow
//! panel wraps a Lao sentence inside its words ("ຕ່|າງ"), one letter a row at
//! worst. (That a row break never splits a cluster, leaving "ຊ ້ າ ຍ", is
//! the patched epaint's part: see `patches/README.md`.)

use std::sync::OnceLock;

use egui::text::{ByteIndex, LayoutJob, LayoutSection};
use egui::{FontSelection, RichText, Ui, WidgetText};
use icu_segmenter::LineSegmenter;

use crate::text::is_lao;
use icu_segmenter::options::LineBreakOptions;

/// Font size of the spaces inserted at Lao word boundaries: wide enough to
/// be a place to wrap, too thin to see (a fifth of a pixel).
pub const HAIR_SPACE_SIZE: f32 = 0.5;

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

/// A label's or hint's text that wraps between Lao words, never inside one:
/// a hair-thin space at each Lao word boundary (text without Lao comes back
/// as it is). Use it for sentences a narrow panel may wrap; the spaces are in
/// the shown text only.
pub fn wrapping(ui: &Ui, text: impl Into<RichText>) -> WidgetText {
    let text: RichText = text.into();
    let points = lao_break_points(text.text());
    if points.is_empty() {
        return text.into();
    }
    let job = WidgetText::from(text).into_layout_job(
        ui.style(),
        FontSelection::Default,
        ui.text_valign(),
    );
    with_hair_spaces(std::sync::Arc::unwrap_or_clone(job), &points).into()
}

/// `job`, one section of text, with a hair space inserted at each byte offset
/// of `points` (ascending, on char boundaries).
pub fn with_hair_spaces(job: LayoutJob, points: &[usize]) -> LayoutJob {
    let Some(first) = job.sections.first() else {
        return job;
    };
    let format = first.format.clone();
    let mut hair = format.clone();
    hair.font_id.size = HAIR_SPACE_SIZE;
    let mut out = LayoutJob {
        wrap: job.wrap.clone(),
        halign: job.halign,
        justify: job.justify,
        ..Default::default()
    };
    let push = |out: &mut LayoutJob, s: &str, format: &egui::TextFormat| {
        let start = out.text.len();
        out.text.push_str(s);
        out.sections.push(LayoutSection {
            leading_space: 0.0,
            byte_range: ByteIndex(start)..ByteIndex(out.text.len()),
            format: format.clone(),
        });
    };
    let mut from = 0;
    for &p in points.iter().filter(|&&p| p > 0 && p < job.text.len()) {
        push(&mut out, &job.text[from..p], &format);
        push(&mut out, " ", &hair);
        from = p;
    }
    push(&mut out, &job.text[from..], &format);
    out
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

    #[test]
    fn hair_spaces_go_between_words_and_nothing_is_lost() {
        let text = "ກະລຸນາເລືອກເອກະສານ";
        let points = lao_break_points(text);
        let job = with_hair_spaces(
            LayoutJob::single_section(text.to_owned(), Default::default()),
            &points,
        );
        assert_eq!(job.text.replace(' ', ""), text);
        assert_eq!(job.text.matches(' ').count(), points.len());
        assert_eq!(job.sections.len(), 2 * points.len() + 1);
        for s in job
            .sections
            .iter()
            .filter(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0] == " ")
        {
            assert_eq!(s.format.font_id.size, HAIR_SPACE_SIZE);
        }
    }
}
