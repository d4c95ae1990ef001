//! Colours for figures by status, in the dark and the light theme.

use egui::{Color32, Visuals};

use crate::model::Status;

pub struct FigureColors {
    pub unreviewed: Color32,
    pub confirmed: Color32,
    pub corrected: Color32,
    pub rejected: Color32,
    pub stale: Color32,
    pub rejected_line: Color32,
    pub outline: Color32,
    pub text_selection: Color32,
    /// Underline of linked figures, outline of the selection's partner.
    pub link: Color32,
    /// Underline of figures whose linked figure states another value.
    pub disputed: Color32,
}

impl FigureColors {
    pub fn for_visuals(v: &Visuals) -> FigureColors {
        if v.dark_mode {
            FigureColors {
                unreviewed: Color32::from_rgb(110, 90, 20),
                confirmed: Color32::from_rgb(30, 100, 50),
                corrected: Color32::from_rgb(35, 75, 130),
                rejected: Color32::from_rgb(70, 70, 70),
                stale: Color32::from_rgb(55, 50, 65),
                rejected_line: Color32::from_gray(200),
                outline: Color32::from_rgb(255, 170, 40),
                text_selection: v.selection.bg_fill,
                link: Color32::from_rgb(90, 170, 255),
                disputed: Color32::from_rgb(255, 90, 90),
            }
        } else {
            FigureColors {
                unreviewed: Color32::from_rgb(255, 232, 140),
                confirmed: Color32::from_rgb(180, 235, 190),
                corrected: Color32::from_rgb(175, 210, 250),
                rejected: Color32::from_rgb(220, 220, 220),
                stale: Color32::from_rgb(230, 220, 240),
                rejected_line: Color32::from_gray(90),
                outline: Color32::from_rgb(220, 100, 0),
                text_selection: v.selection.bg_fill,
                link: Color32::from_rgb(30, 100, 210),
                disputed: Color32::from_rgb(210, 30, 30),
            }
        }
    }

    pub fn background(&self, status: Status) -> Color32 {
        match status {
            Status::Unreviewed => self.unreviewed,
            Status::Confirmed => self.confirmed,
            Status::Corrected => self.corrected,
            Status::Rejected => self.rejected,
            Status::Stale => self.stale,
        }
    }
}

/// What a verdict says, for its colour: the Claims panel and the Translation
/// QA view colour agreement, caution and disagreement alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Good,
    Info,
    Caution,
    Bad,
    Other,
}

/// A verdict's colour in the light or dark theme; words always go with it.
pub fn tone_color(tone: Tone, dark: bool) -> Color32 {
    match (tone, dark) {
        (Tone::Good, false) => Color32::from_rgb(20, 130, 60),
        (Tone::Good, true) => Color32::from_rgb(90, 200, 120),
        (Tone::Info, false) => Color32::from_rgb(20, 110, 150),
        (Tone::Info, true) => Color32::from_rgb(90, 180, 220),
        (Tone::Caution, false) => Color32::from_rgb(170, 100, 0),
        (Tone::Caution, true) => Color32::from_rgb(235, 170, 60),
        (Tone::Bad, false) => Color32::from_rgb(200, 30, 30),
        (Tone::Bad, true) => Color32::from_rgb(255, 100, 100),
        (Tone::Other, false) => Color32::from_rgb(120, 60, 180),
        (Tone::Other, true) => Color32::from_rgb(190, 150, 255),
    }
}
