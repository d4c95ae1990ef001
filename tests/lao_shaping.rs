//! Lao as egui draws it with the bundled Noto Sans Lao: tone marks stacked
//! above the upper vowels (ລິ້ງ, ເຂົ້າ, ສິ້ງ, ຂຶ້ນ) and rows that never break
//! inside a grapheme cluster or, in labels, inside a word.
//!
//! Ink is read from the font atlas itself: each glyph's rows of pixels with
//! coverage, placed where the tessellator puts them, so "above" means what
//! the screen shows, not only what the shaper computed.

use std::sync::Arc;

use egui::epaint::text::Glyph;
use egui::text::{LayoutJob, TextWrapping};
use egui::{Color32, ColorImage, Context, FontId, Galley, RawInput, Rect, RichText, TextWrapMode};
use unicode_segmentation::UnicodeSegmentation;

/// Coverage (alpha) from which a pixel counts as ink: a sixth.
const INK: u8 = 40;

/// A context with the workbench's fonts at `pixels_per_point`, fonts loaded.
fn context(pixels_per_point: f32) -> Context {
    let ctx = Context::default();
    ctx.set_pixels_per_point(pixels_per_point);
    tualek::fonts::install(&ctx);
    // No renderer takes the font textures here: their updates are dropped.
    ctx.run_ui(RawInput::default(), |_| {})
        .textures_delta
        .clear();
    ctx
}

/// Runs `f` inside a frame of `ctx` (where fonts may lay out).
fn in_frame(ctx: &Context, f: impl FnMut(&mut egui::Ui)) {
    ctx.run_ui(RawInput::default(), f).textures_delta.clear();
}

fn layout(ctx: &Context, text: &str, size: f32) -> Arc<Galley> {
    ctx.fonts_mut(|f| f.layout_no_wrap(text.to_owned(), FontId::proportional(size), Color32::WHITE))
}

/// The physical pixel rows (top inclusive, bottom exclusive) in which `glyph`
/// leaves ink, as the tessellator places its atlas image.
fn ink_rows(glyph: &Glyph, atlas: &ColorImage, pixels_per_point: f32) -> Option<(i32, i32)> {
    let uv = glyph.uv_rect;
    if uv.is_nothing() {
        return None;
    }
    let top = ((glyph.pos.y + uv.offset.y) * pixels_per_point).round() as i32;
    let mut rows: Option<(i32, i32)> = None;
    for ty in uv.min[1]..uv.max[1] {
        let inked = (uv.min[0]..uv.max[0])
            .any(|tx| atlas.pixels[ty as usize * atlas.size[0] + tx as usize].a() >= INK);
        if inked {
            let y = top + i32::from(ty - uv.min[1]);
            rows = Some(rows.map_or((y, y + 1), |(t, _)| (t, y + 1)));
        }
    }
    rows
}

/// The drawn glyphs of the marks of a one-word galley (zero advance, some ink),
/// in shaping order: the upper vowel, then the tone mark.
fn marks(galley: &Galley) -> Vec<&Glyph> {
    galley.rows[0]
        .glyphs
        .iter()
        .filter(|g| g.advance_width == 0.0 && !g.uv_rect.is_nothing())
        .collect()
}

fn glyph_rect(g: &Glyph) -> Rect {
    Rect::from_min_size(g.pos + g.uv_rect.offset, g.uv_rect.size)
}

const STACKED: [&str; 4] = ["ລິ້ງ", "ເຂົ້າ", "ສິ້ງ", "ຂຶ້ນ"];

#[test]
fn the_tone_mark_glyph_lies_above_the_vowel_glyph() {
    let ctx = context(1.0);
    in_frame(&ctx, |ui| {
        for word in STACKED {
            let galley = layout(ui.ctx(), word, 40.0);
            let m = marks(&galley);
            assert_eq!(m.len(), 2, "{word}: a vowel and a tone mark");
            let (vowel, tone) = (glyph_rect(m[0]), glyph_rect(m[1]));
            assert!(
                tone.bottom() <= vowel.top(),
                "{word}: tone mark {tone:?} overlaps the vowel {vowel:?}"
            );
            assert!(
                tone.x_range().intersects(vowel.x_range()),
                "{word}: stacked, not beside"
            );
        }
    });
}

#[test]
fn tone_marks_leave_the_vowel_ink_alone_at_ui_sizes_and_zooms() {
    for pixels_per_point in [1.0, 1.25, 1.5, 1.8, 2.0] {
        let ctx = context(pixels_per_point);
        in_frame(&ctx, |ui| {
            // Small text, buttons and body (12.5), the document (14.375), headings.
            let sizes = [11.0, 12.5, 14.375, 16.0, 18.0, 20.0, 24.0];
            let galleys: Vec<(f32, &str, Arc<Galley>)> = sizes
                .iter()
                .flat_map(|&size| STACKED.map(|w| (size, w, layout(ui.ctx(), w, size))))
                .collect();
            let atlas = ui.ctx().fonts(|f| f.image());
            for (size, word, galley) in &galleys {
                let m = marks(galley);
                let vowel = ink_rows(m[0], &atlas, pixels_per_point).unwrap();
                let tone = ink_rows(m[1], &atlas, pixels_per_point).unwrap();
                assert!(
                    tone.1 <= vowel.0,
                    "{word} at {size} pt, zoom {pixels_per_point}: tone mark rows {tone:?} \
                     overlap the vowel's {vowel:?}"
                );
                // At the sizes read most, interface (12.5) and document
                // (14.375) text at zoom 1, a blank row parts them, as
                // HarfBuzz and FreeType draw it. (The font's own hinting
                // bytecode left them touching at 14.375 and overlapping in ຂຶ້ນ.)
                if pixels_per_point == 1.0 && (*size == 12.5 || *size == 14.375) {
                    assert!(
                        tone.1 < vowel.0,
                        "{word} at {size} pt: no blank row between the tone mark {tone:?} \
                         and the vowel {vowel:?}"
                    );
                }
            }
        });
    }
}

/// The check above can fail: the plain tone mark (what is drawn when the
/// font's `ccmp` substitution to `maiTho-lao.small` does not run, e.g. when
/// a cluster is shaped in pieces) sits at the height of the vowel.
#[test]
fn the_plain_tone_mark_would_sit_on_the_vowel() {
    let ctx = context(1.0);
    in_frame(&ctx, |ui| {
        let vowel = glyph_rect(marks(&layout(ui.ctx(), "ລິ", 40.0))[0]);
        let plain_tone = glyph_rect(marks(&layout(ui.ctx(), "ລ້", 40.0))[0]);
        assert!(
            plain_tone.y_range().intersects(vowel.y_range()),
            "the plain mark {plain_tone:?} should overlap the vowel {vowel:?}"
        );
    });
}

#[test]
fn nikhahit_and_tone_are_one_ligature() {
    let ctx = context(1.0);
    in_frame(&ctx, |ui| {
        let galley = layout(ui.ctx(), "ຂໍ້", 40.0);
        assert_eq!(marks(&galley).len(), 1, "ໍ + ້ are drawn as one glyph");
    });
}

/// Char offsets at which the rows of `galley` after the first start.
fn row_starts(galley: &Galley) -> Vec<usize> {
    let mut at = 0;
    let mut starts = Vec::new();
    for row in &galley.rows[..galley.rows.len() - 1] {
        at += row.char_count_including_newline().0;
        starts.push(at);
    }
    starts
}

fn grapheme_starts(text: &str) -> Vec<usize> {
    let mut at = 0;
    let mut starts = Vec::new();
    for g in text.graphemes(true) {
        starts.push(at);
        at += g.chars().count();
    }
    starts
}

/// Lao as the interface shows it: a placeholder, a sentence, a hard word.
const LAO_LINES: [&str; 3] = [
    "ເລືອກເອກະສານທາງຊ້າຍເພື່ອສະແດງຢູ່ບ່ອນນີ້.",
    "ປຸ່ມລັດໃຊ້ໄດ້ເມື່ອບໍ່ໄດ້ພິມຢູ່ໃນຊ່ອງຂໍ້ຄວາມ.",
    "ຊ້າຍຕ່າງເຂົ້າລິ້ງສິ້ງຂໍ້",
];

#[test]
fn a_row_break_never_splits_a_grapheme_cluster() {
    let ctx = context(1.0);
    in_frame(&ctx, |ui| {
        for text in LAO_LINES {
            let clusters = grapheme_starts(text);
            // Down to narrower than one letter: egui must break "anywhere".
            for width in [4.0, 9.0, 14.0, 20.0, 33.0, 60.0] {
                let mut job = LayoutJob::simple(
                    text.to_owned(),
                    FontId::proportional(14.0),
                    Color32::WHITE,
                    width,
                );
                job.wrap = TextWrapping::wrap_at_width(width);
                let galley = ui.ctx().fonts_mut(|f| f.layout_job(job));
                let starts = row_starts(&galley);
                assert!(!starts.is_empty(), "{width} px wraps");
                for s in starts {
                    assert!(
                        clusters.contains(&s),
                        "at {width} px a row starts inside a cluster of {text:?} (char {s})"
                    );
                }
            }
        }
    });
}

/// Keeping clusters whole must not stop a long number from wrapping in a
/// narrow table cell.
#[test]
fn a_long_number_still_wraps_in_a_narrow_column() {
    let ctx = context(1.0);
    in_frame(&ctx, |ui| {
        let job = LayoutJob::simple(
            "65500000000000".to_owned(),
            FontId::proportional(14.0),
            Color32::WHITE,
            30.0,
        );
        let galley = ui.ctx().fonts_mut(|f| f.layout_job(job));
        assert!(galley.rows.len() > 2, "{} rows", galley.rows.len());
        assert!(galley.rect.width() <= 30.0 + 0.5, "{}", galley.rect.width());
    });
}

/// Lays out `text` as a label in a column `width` points wide, through the
/// same path egui's `Label` takes.
fn label_galley(ui: &egui::Ui, text: impl Into<egui::WidgetText>, width: f32) -> Arc<Galley> {
    text.into()
        .into_galley(ui, Some(TextWrapMode::Wrap), width, egui::TextStyle::Body)
}

#[test]
fn narrow_lao_labels_wrap_between_words() {
    let ctx = context(1.0);
    in_frame(&ctx, |ui| {
        for text in &LAO_LINES[..2] {
            for width in [30.0, 60.0, 90.0, 140.0] {
                let galley = label_galley(ui, tualek::ui::lao_breaks::wrapping(ui, *text), width);
                let shown = galley.text().to_owned();
                let chars: Vec<char> = shown.chars().collect();
                let clusters = grapheme_starts(&shown);
                let starts = row_starts(&galley);
                assert!(!starts.is_empty(), "{width} px wraps {text}");
                for s in starts {
                    assert!(
                        clusters.contains(&s),
                        "{width} px: a row starts inside a cluster"
                    );
                    // A row break inside a word is allowed only when the word
                    // alone is wider than the label.
                    if chars[s - 1] != ' ' {
                        let word_start = chars[..s]
                            .iter()
                            .rposition(|&c| c == ' ')
                            .map_or(0, |i| i + 1);
                        let word_end = chars[s..]
                            .iter()
                            .position(|&c| c == ' ')
                            .map_or(chars.len(), |i| s + i);
                        let word: String = chars[word_start..word_end].iter().collect();
                        let word_width = layout(
                            ui.ctx(),
                            &word,
                            ui.style().text_styles[&egui::TextStyle::Body].size,
                        )
                        .rect
                        .width();
                        assert!(
                            word_width > width,
                            "{width} px: {word:?} ({word_width} px) split though it fits"
                        );
                    }
                }
                assert_eq!(
                    shown.replace(' ', ""),
                    text.replace(' ', ""),
                    "nothing lost"
                );
            }
        }
        // Plain egui wrapping splits words at these widths: what the helper is for.
        let plain = label_galley(ui, RichText::new(LAO_LINES[0]), 90.0);
        let shown: Vec<char> = plain.text().chars().collect();
        assert!(
            row_starts(&plain).iter().any(|&s| shown[s - 1] != ' '),
            "plain egui should break this Lao sentence inside a word"
        );
        // Text without Lao comes back untouched.
        let english = tualek::ui::lao_breaks::wrapping(ui, "Choose a document");
        assert_eq!(english.text(), "Choose a document");
    });
}
