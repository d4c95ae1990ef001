//! The list of disagreeing links, opened from the status bar's counter or
//! Review → Show disagreeing links: both figures of each link, their values
//! and documents; a row's Show button (or either figure) brings the pair up
//! side by side.

use egui::{Color32, RichText, Ui};

use super::inspector::value_text;
use crate::app::workbench::{Action, LinkedPair, Workbench};
use crate::i18n::I18n;
use crate::model::{DocumentMeta, Figure};

#[derive(Default)]
pub struct Disagreements {
    open: bool,
}

impl Disagreements {
    pub fn is_open(&self) -> bool {
        self.open
    }

    pub fn close(&mut self) {
        self.open = false;
    }

    pub fn toggle(&mut self) {
        self.open = !self.open;
    }

    /// Draws the window when open; returns the action a click asked for.
    pub fn show(&mut self, ctx: &egui::Context, wb: &Workbench, i18n: &I18n) -> Option<Action> {
        if !self.open {
            return None;
        }
        let mut action = None;
        let mut open = true;
        egui::Window::new(i18n.t("disagreements-title"))
            .id(egui::Id::unique("disagreements"))
            .open(&mut open)
            .collapsible(false)
            .default_width(640.0)
            // Over the middle of the two documents, where the eye already is.
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .show(ctx, |ui| {
                let pairs: Vec<&LinkedPair> = wb.links.iter().filter(|p| p.disagrees()).collect();
                if pairs.is_empty() {
                    ui.weak(i18n.t("disagreements-none"));
                    return;
                }
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| action = table(ui, &pairs, &wb.documents, i18n));
            });
        self.open &= open;
        action
    }
}

fn table(ui: &mut Ui, pairs: &[&LinkedPair], docs: &[DocumentMeta], i18n: &I18n) -> Option<Action> {
    let mut action = None;
    egui::Grid::new("disagreements-grid")
        .num_columns(8)
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.label("");
            for id in [
                "column-text",
                "column-value",
                "column-document",
                "column-text",
                "column-value",
                "column-document",
                "column-relation",
            ] {
                ui.strong(i18n.t(id));
            }
            ui.end_row();
            for pair in pairs {
                let mut clicked = ui
                    .button(i18n.t("disagreements-show"))
                    .on_hover_text(i18n.t("hint-show-pair"))
                    .clicked();
                for f in [&pair.a, &pair.b] {
                    clicked |= end(ui, f, docs, i18n);
                }
                ui.label(i18n.t(&format!("relation-{}", pair.link.relation)));
                ui.end_row();
                if clicked {
                    action = Some(Action::ShowLink(pair.link.id));
                }
            }
        });
    action
}

/// One figure's cells (text, value, document); true when its text was clicked.
fn end(ui: &mut Ui, f: &Figure, docs: &[DocumentMeta], i18n: &I18n) -> bool {
    let clicked = ui
        .link(format!("\u{201c}{}\u{201d}", f.text))
        .on_hover_text(i18n.t("hint-show-pair"))
        .clicked();
    ui.label(
        RichText::new(value_text(f, i18n.number_style())).color(Color32::from_rgb(210, 40, 40)),
    );
    let title = docs
        .iter()
        .find(|d| d.id == f.document)
        .map_or("", |d| d.title.as_str());
    ui.label(title);
    clicked
}
