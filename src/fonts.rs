//! The workbench's fonts: egui's own for Latin, the bundled Noto Sans Lao
//! behind it for Lao (it has no Latin glyphs), and the system's fonts for
//! anything else a document holds, such as Chinese.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

pub const NOTO_SANS_LAO: &[u8] = include_bytes!("../assets/fonts/NotoSansLao-Regular.ttf");
pub const NOTO_SANS_LAO_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSansLao-Bold.ttf");

/// Installs the bundled fonts as fallbacks after egui's defaults.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "NotoSansLao".into(),
        Arc::new(FontData::from_static(NOTO_SANS_LAO)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("NotoSansLao".into());
    }
    fonts
}

/// Lets text in other scripts fall back to the fonts installed on the system.
/// Chinese is preferred in Simplified Chinese faces: reports in this field
/// quote Chinese, not Japanese, and the CJK ideographs are shared.
pub fn add_system_fallback(ctx: &egui::Context) {
    ctx.add_font_provider(Arc::new(
        egui_system_font_provider::SystemFontProvider::new().with_locale(Some("zh-Hans")),
    ));
}
