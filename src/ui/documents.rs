//! The left-hand panel: the project's documents, their review progress, a
//! filter, and a context menu to rename a document, set its language or
//! split it at the line selected in its pane.

use egui::{Button, Key, ProgressBar, Ui};

use crate::app::workbench::{Action, PaneId, Workbench};
use crate::i18n::{Arg, I18n};
use crate::model::{DocId, DocumentMeta, Language};

/// The languages the menu offers (`lang-<tag>` names them); the command line takes any tag.
pub const LANGUAGES: &[&str] = &["en", "lo", "th", "zh", "vi", "km", "und"];

#[derive(Default)]
pub struct DocumentsPanel {
    filter: String,
    /// The document being renamed and the title typed so far.
    renaming: Option<(DocId, String)>,
    /// Put the cursor in the title field on the next frame.
    focus_rename: bool,
}

impl DocumentsPanel {
    /// Starts renaming a document in place (its context menu, or F2).
    pub fn start_rename(&mut self, doc: &DocumentMeta) {
        self.renaming = Some((doc.id, doc.title.clone()));
        self.focus_rename = true;
    }

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
                    if self.renaming.as_ref().is_some_and(|(id, _)| *id == doc.id) {
                        self.rename_field(ui, i18n, &mut actions);
                    } else {
                        let title =
                            format!("{}  ·  {}", doc.title, i18n.language(doc.language.as_str()));
                        let response = ui
                            .add(
                                egui::Button::selectable(wb.active_pane().shows(doc.id), &title)
                                    .truncate(),
                            )
                            .on_hover_text(&title);
                        if response.clicked() {
                            actions.push(Action::OpenDocument {
                                pane: wb.active,
                                doc: doc.id,
                            });
                        }
                        response.context_menu(|ui| self.menu(ui, wb, doc, i18n, &mut actions));
                    }
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

    /// The title being typed: Enter (or clicking elsewhere) saves it, Esc cancels.
    fn rename_field(&mut self, ui: &mut Ui, i18n: &I18n, actions: &mut Vec<Action>) {
        let Some((id, title)) = self.renaming.as_mut() else {
            return;
        };
        let label = ui.label(i18n.t("documents-title-field"));
        let mut output = egui::TextEdit::singleline(title)
            .hint_text(i18n.t("documents-rename-hint"))
            .desired_width(f32::INFINITY)
            .show(ui);
        let response = output
            .response
            .response
            .clone()
            .labelled_by(label.id)
            .on_hover_text(i18n.t("documents-rename-hint"));
        if std::mem::take(&mut self.focus_rename) {
            // The whole title selected, so typing replaces it.
            response.request_focus();
            let all = egui::text_selection::CCursorRange::select_all(&output.galley);
            output.state.cursor.set_char_range(Some(all));
            output.state.store(ui.ctx(), response.id);
        }
        if response.lost_focus() {
            if !ui.input(|i| i.key_pressed(Key::Escape)) {
                actions.push(Action::SetDocument {
                    doc: *id,
                    title: Some(title.clone()),
                    language: None,
                });
            }
            self.renaming = None;
        }
    }

    fn menu(
        &mut self,
        ui: &mut Ui,
        wb: &Workbench,
        doc: &DocumentMeta,
        i18n: &I18n,
        actions: &mut Vec<Action>,
    ) {
        let choices = [
            (PaneId::Left, "documents-open-left"),
            (PaneId::Right, "documents-open-right"),
        ];
        for (pane, id) in choices {
            if ui.button(i18n.t(id)).clicked() {
                actions.push(Action::OpenDocument { pane, doc: doc.id });
                ui.close();
            }
        }
        ui.separator();
        if ui.button(i18n.t("documents-rename")).clicked() {
            self.start_rename(doc);
            ui.close();
        }
        ui.menu_button(i18n.t("documents-language"), |ui| {
            for tag in LANGUAGES {
                let name = format!("{} ({tag})", i18n.t(&format!("lang-{tag}")));
                if ui.radio(doc.language.as_str() == *tag, name).clicked() {
                    actions.push(Action::SetDocument {
                        doc: doc.id,
                        title: None,
                        language: Some(Language::new(tag)),
                    });
                    ui.close();
                }
            }
        });
        // Split where the pane showing this document has text selected.
        let pane = wb
            .panes
            .with_ids()
            .filter(|(_, p)| p.shows(doc.id))
            .max_by_key(|(_, p)| p.text_selection.is_some())
            .map(|(i, p)| (i, p.text_selection.is_some()));
        let split = ui
            .add_enabled(
                pane.is_some_and(|(_, selected)| selected),
                Button::new(i18n.t("documents-split")),
            )
            .on_hover_text(i18n.t("hint-split"))
            .on_disabled_hover_text(i18n.t("refused-split-where"));
        if split.clicked()
            && let Some((pane, _)) = pane
        {
            actions.push(Action::SplitDocument { pane, at: None });
            ui.close();
        }
    }
}
