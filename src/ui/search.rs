//! The search window (Ctrl+F): every occurrence across the project's documents.

use egui::{Key, Ui};

use crate::app::workbench::{SearchHit, Workbench, search};
use crate::i18n::{Arg, I18n};

/// Most hits listed at once.
const LIMIT: usize = 500;

#[derive(Default)]
pub struct SearchPanel {
    pub open: bool,
    query: String,
    searched: String,
    hits: Vec<SearchHit>,
    error: Option<String>,
    focus: bool,
}

impl SearchPanel {
    pub fn toggle(&mut self) {
        self.open = !self.open;
        self.focus = self.open;
    }

    /// Draws the window; returns the hit the user chose.
    pub fn show(&mut self, ctx: &egui::Context, wb: &Workbench, i18n: &I18n) -> Option<SearchHit> {
        if !self.open {
            return None;
        }
        let mut chosen = None;
        let mut open = self.open;
        egui::Window::new(i18n.t("search-title"))
            .open(&mut open)
            .default_width(420.0)
            .show(ctx, |ui| {
                let label = ui.label(i18n.t("search-label"));
                let r = ui
                    .add(egui::TextEdit::singleline(&mut self.query).desired_width(f32::INFINITY))
                    .labelled_by(label.id);
                // A new window's first pass only sizes it: keep asking until the field has focus.
                if self.focus {
                    r.request_focus();
                    self.focus = !r.has_focus();
                }
                if self.query != self.searched {
                    self.run(wb);
                }
                if let Some(e) = &self.error {
                    ui.colored_label(egui::Color32::RED, e);
                } else if !self.query.trim().is_empty() {
                    ui.weak(i18n.t_args(
                        "search-count",
                        &[("count", Arg::Int(self.hits.len() as i64))],
                    ));
                }
                let pick_first = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                if pick_first {
                    chosen = self.hits.first().cloned();
                }
                self.list(ui, &mut chosen);
            });
        if ctx.input(|i| i.key_pressed(Key::Escape)) {
            open = false;
        }
        self.open = open;
        chosen
    }

    fn run(&mut self, wb: &Workbench) {
        self.searched = self.query.clone();
        self.error = None;
        self.hits = match &wb.project {
            Some(p) => search(p.store(), &self.query, LIMIT).unwrap_or_else(|e| {
                self.error = Some(e.to_string());
                Vec::new()
            }),
            None => Vec::new(),
        };
    }

    fn list(&self, ui: &mut Ui, chosen: &mut Option<SearchHit>) {
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .show(ui, |ui| {
                for hit in &self.hits {
                    let text = format!("{} — {}", hit.title, hit.snippet);
                    if ui.selectable_label(false, text).clicked() {
                        *chosen = Some(hit.clone());
                    }
                }
            });
    }
}
