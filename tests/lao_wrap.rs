//! Lao text in a document pane wraps only at word boundaries.
//!
//! The check: every row break falls on a line-break opportunity of ICU4X's
//! dictionary segmenter (or after white space). Plain egui wrapping, shown for
//! comparison, breaks Lao words in the middle; the pane must not.

use icu_segmenter::LineSegmenter;
use icu_segmenter::options::LineBreakOptions;
use tualek::ui::wrap_points;

const SAMPLE_LAO: &str = include_str!("../assets/sample/labour-migration-lo.txt");

/// The Lao part of seed 004 (its lines with Lao in them), when ../shared is there.
fn seed_004_lao() -> Option<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seeds/004_12f228d6a8688fab.txt"
    );
    let text = std::fs::read_to_string(path).ok()?;
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| {
            l.chars()
                .filter(|c| ('\u{0E80}'..='\u{0EFF}').contains(c))
                .count()
                > 10
        })
        .collect();
    Some(lines.join("\n"))
}

/// Row breaks that fall inside a word, counted over every line of `text`.
fn mid_word_breaks(
    ctx: &egui::Context,
    text: &str,
    width: f32,
    lao_breaks: bool,
) -> (usize, usize) {
    let segmenter = LineSegmenter::new_dictionary(LineBreakOptions::default());
    let (mut bad, mut all) = (0, 0);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let allowed: Vec<usize> = segmenter
            .segment_str(line)
            .map(|b| line[..b].chars().count())
            .collect();
        let chars: Vec<char> = line.chars().collect();
        for p in wrap_points(ctx, line, width, lao_breaks) {
            all += 1;
            let after_space = p > 0 && chars[p - 1].is_whitespace();
            if !after_space && !allowed.contains(&p) {
                bad += 1;
            }
        }
    }
    (bad, all)
}

fn check(text: &str) {
    let ctx = egui::Context::default();
    tualek::fonts::install(&ctx);
    // The first pass loads the fonts; the second lays out. No renderer takes
    // the font textures here, so their updates are dropped on purpose.
    ctx.run_ui(egui::RawInput::default(), |_| {})
        .textures_delta
        .clear();
    let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
        let ctx = ui.ctx();
        for width in [250.0, 400.0, 700.0] {
            // The text column of a pane is a little narrower than the pane.
            let (bad, all) = mid_word_breaks(ctx, text, width - 24.0, true);
            eprintln!("{width} px: {all} row breaks, {bad} inside a word");
            assert!(
                all > 0,
                "at {width} px nothing wrapped: the check proved nothing"
            );
            assert_eq!(
                bad, 0,
                "{bad} of {all} row breaks split a word at {width} px"
            );
        }
        let (plain_bad, plain_all) = mid_word_breaks(ctx, text, 250.0 - 24.0, false);
        eprintln!("plain egui at 250 px: {plain_all} row breaks, {plain_bad} inside a word");
        assert!(
            plain_bad > 0,
            "plain egui wrapping should split Lao words; the check cannot fail otherwise"
        );
    });
    out.textures_delta.clear();
}

#[test]
fn lao_of_seed_004_wraps_at_word_boundaries() {
    match seed_004_lao() {
        Some(text) => check(&text),
        None => eprintln!("../shared/seeds is not here: checked the sample document only"),
    }
}

#[test]
fn the_lao_sample_wraps_at_word_boundaries() {
    check(SAMPLE_LAO);
}
