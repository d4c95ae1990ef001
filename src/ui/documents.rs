//! The left-hand panel: the project's documents, their review progress, a filter.

use egui::{ProgressBar, Ui};

use crate::app::workbench::{Action, Workbench};
use crate::i18n::{Arg, I18n};

#[derive(Default)]
pub struct DocumentsPanel {
    filter: String,
}

impl DocumentsPanel {
    pub fn show(&mut self, ui: &mut Ui, wb: &Workbench, i18n: &I18n) -> Vec<Action> {
        let mut actions = Vec::new();
        ui.heading(i18n.t("documents-title"));
        let label = ui.label(i18n.t("documents-filter"));
        ui.add(
            egui::TextEdit::singleline(&mut self.filter).hint_text(i18n.t("documents-filter-hint")),
        )
        .labelled_by(label.id);
        ui.add_space(4.0);
        let needle = self.filter.trim().to_lowercase();
        let shown: Vec<usize> = wb
            .panes
            .iter()
            .map(|p| p.doc.as_ref().map_or(0, |d| d.meta.id))
            .map(|id| id as usize)
            .collect();
        egui::ScrollArea::vertical()
            .id_salt("documents")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for doc in &wb.documents {
                    if !needle.is_empty()
                        && !doc.title.to_lowercase().contains(&needle)
                        && doc.language.as_str() != needle
                    {
                        continue;
                    }
                    let counts = wb.counts.get(&doc.id).copied().unwrap_or_default();
                    let open_in = shown.iter().position(|&id| id == doc.id as usize);
                    let title =
                        format!("{}  ·  {}", doc.title, i18n.language(doc.language.as_str()));
                    let response = ui
                        .add(
                            egui::Button::selectable(open_in == Some(wb.active), &title).truncate(),
                        )
                        .on_hover_text(&title);
                    if response.clicked() {
                        actions.push(Action::OpenDocument {
                            pane: wb.active,
                            doc: doc.id,
                        });
                    }
                    response.context_menu(|ui| {
                        for (pane, id) in [(0, "documents-open-left"), (1, "documents-open-right")]
                        {
                            if ui.button(i18n.t(id)).clicked() {
                                actions.push(Action::OpenDocument { pane, doc: doc.id });
                                ui.close();
                            }
                        }
                    });
                    let fraction = if counts.total == 0 {
                        0.0
                    } else {
                        counts.reviewed as f32 / counts.total as f32
                    };
                    let text = i18n.t_args(
                        "documents-progress",
                        &[
                            ("reviewed", Arg::Int(counts.reviewed as i64)),
                            ("total", Arg::Int(counts.total as i64)),
                        ],
                    );
                    // The count beside the bar, not on it: text over the
                    // fill is hard to read in either theme.
                    ui.horizontal(|ui| {
                        ui.add(
                            ProgressBar::new(fraction)
                                .desired_height(6.0)
                                .desired_width((ui.available_width() * 0.4).max(30.0)),
                        );
                        ui.add(
                            egui::Label::new(egui::RichText::new(text).small().weak()).truncate(),
                        );
                    });
                    ui.add_space(6.0);
                }
            });
        actions
    }
}
