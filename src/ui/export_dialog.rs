//! File → Export…: the command line's export choices in a window — the
//! format, the statuses (confirmed and corrected by default: a gold set holds
//! what a reviewer accepted), the documents — and how many figures that writes.
//! "Export…" then asks where (the file dialog) and the workbench writes it.

use std::collections::{BTreeSet, HashMap};

use egui::{Key, Ui};

use crate::export::{ExportPlan, Format, Selection};
use crate::i18n::{Arg, I18n};
use crate::model::{DocId, DocumentMeta, Status};

pub struct ExportDialog {
    open: bool,
    format: Format,
    statuses: BTreeSet<usize>,
    /// Documents left out; new documents are in until unticked.
    left_out: BTreeSet<DocId>,
    /// Figures per document and status, read when the window opened.
    tally: HashMap<(DocId, Status), usize>,
}

impl Default for ExportDialog {
    fn default() -> Self {
        let gold = Selection::reviewed_gold();
        ExportDialog {
            open: false,
            format: Format::Jsonl,
            statuses: Status::ALL
                .iter()
                .enumerate()
                .filter(|(_, s)| gold.statuses.contains(s))
                .map(|(i, _)| i)
                .collect(),
            left_out: BTreeSet::new(),
            tally: HashMap::new(),
        }
    }
}

impl ExportDialog {
    /// Opens the window over the project's current counts; the choices made
    /// last time stay.
    pub fn open(&mut self, tally: HashMap<(DocId, Status), usize>) {
        self.tally = tally;
        self.open = true;
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The export the window's choices describe, over `documents`.
    pub fn plan(&self, documents: &[DocumentMeta]) -> ExportPlan {
        let statuses = Status::ALL
            .iter()
            .enumerate()
            .filter(|(i, _)| self.statuses.contains(i))
            .map(|(_, s)| *s)
            .collect();
        let chosen: Vec<DocId> = documents
            .iter()
            .map(|d| d.id)
            .filter(|id| !self.left_out.contains(id))
            .collect();
        let documents = (chosen.len() < documents.len()).then_some(chosen);
        ExportPlan {
            format: self.format,
            selection: Selection {
                statuses,
                documents,
            },
        }
    }

    /// Draws the window; returns the plan when the user asks to export it.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        documents: &[DocumentMeta],
        i18n: &I18n,
    ) -> Option<ExportPlan> {
        if !self.open {
            return None;
        }
        if ctx.input(|i| i.key_pressed(Key::Escape)) {
            self.open = false;
            return None;
        }
        let mut open = true;
        let mut go = false;
        egui::Window::new(i18n.t("export-title"))
            .id(egui::Id::unique("tualek-export"))
            .collapsible(false)
            .resizable(false)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .open(&mut open)
            .show(ctx, |ui| go = self.contents(ui, documents, i18n));
        self.open = self.open && open && !go;
        go.then(|| self.plan(documents))
    }

    fn contents(&mut self, ui: &mut Ui, documents: &[DocumentMeta], i18n: &I18n) -> bool {
        ui.strong(i18n.t("export-format"));
        ui.horizontal_wrapped(|ui| {
            for format in Format::all() {
                ui.radio_value(&mut self.format, format, i18n.t(format.message_id()));
            }
        });
        if matches!(self.format, Format::Gold(_)) {
            ui.weak(i18n.t("export-gold-note"));
        }
        ui.add_space(6.0);

        ui.strong(i18n.t("export-statuses"));
        ui.horizontal_wrapped(|ui| {
            for (i, status) in Status::ALL.iter().enumerate() {
                let mut on = self.statuses.contains(&i);
                let name = i18n.t(&format!("status-{}", status.as_str()));
                if ui.checkbox(&mut on, name).changed() {
                    if on {
                        self.statuses.insert(i);
                    } else {
                        self.statuses.remove(&i);
                    }
                }
            }
        });
        ui.add_space(6.0);

        ui.horizontal(|ui| {
            ui.strong(i18n.t("export-documents"));
            if ui.small_button(i18n.t("export-documents-all")).clicked() {
                self.left_out.clear();
            }
            if ui.small_button(i18n.t("export-documents-none")).clicked() {
                self.left_out = documents.iter().map(|d| d.id).collect();
            }
        });
        egui::ScrollArea::vertical()
            .max_height(220.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for doc in documents {
                    let mut on = !self.left_out.contains(&doc.id);
                    let label = format!("{}  ·  {}", doc.title, doc.language);
                    if ui.checkbox(&mut on, label).changed() {
                        if on {
                            self.left_out.remove(&doc.id);
                        } else {
                            self.left_out.insert(doc.id);
                        }
                    }
                }
            });
        ui.separator();

        let plan = self.plan(documents);
        let no_status = plan.selection.statuses.is_empty();
        // No status ticked writes nothing, rather than everything as on the command line.
        let count = if no_status {
            0
        } else {
            plan.selection.count(&self.tally)
        };
        ui.label(i18n.t_args("export-count", &[("count", Arg::Int(count as i64))]));
        let mut go = false;
        ui.horizontal(|ui| {
            if ui
                .add_enabled(count > 0, egui::Button::new(i18n.t("export-go")))
                .clicked()
            {
                go = true;
            }
            if ui.button(i18n.t("export-cancel")).clicked() {
                self.open = false;
            }
        });
        go
    }
}
