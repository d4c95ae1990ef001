//! The bottom bar: counts for the active document, "saved", the last notice, key hints.

use egui::{Color32, Ui};

use crate::app::workbench::{Notice, Workbench};
use crate::i18n::{Arg, I18n};

pub fn show(ui: &mut Ui, wb: &Workbench, i18n: &I18n) {
    ui.horizontal(|ui| {
        if let Some(doc) = &wb.active_pane().doc {
            // Kept up to date by the workbench as actions land: no scan per frame.
            let c = wb.counts.get(&doc.meta.id).copied().unwrap_or_default();
            ui.label(i18n.t_args(
                "bar-counts",
                &[
                    ("count", Arg::Int(c.total as i64)),
                    ("reviewed", Arg::Int(c.reviewed as i64)),
                    ("unreviewed", Arg::Int((c.total - c.reviewed) as i64)),
                ],
            ));
            ui.separator();
        }
        if wb.project.is_some() {
            // "Saving" covers the few milliseconds between an action's commit
            // and its fsync (see store::Flusher).
            let saved = if wb.job.is_some() {
                i18n.t("bar-working")
            } else if wb.is_saved() {
                i18n.t("bar-saved")
            } else {
                i18n.t("bar-saving")
            };
            ui.label(saved);
            ui.separator();
        }
        let disagreements = wb.links.disagreements();
        if disagreements > 0 {
            ui.colored_label(
                Color32::from_rgb(220, 60, 60),
                i18n.t_args(
                    "bar-disagreements",
                    &[("count", Arg::Int(disagreements as i64))],
                ),
            )
            .on_hover_text(i18n.t("hint-disagreements"));
            ui.separator();
        }
        match &wb.notice {
            Some(Notice::Info(id, arg)) => {
                let text = match arg {
                    Some(a) => i18n.t_args(id, &[("arg", Arg::Str(a))]),
                    None => i18n.t(id),
                };
                ui.label(text);
            }
            Some(Notice::Counted(id, count, arg)) => {
                ui.label(i18n.t_args(
                    id,
                    &[("count", Arg::Int(*count as i64)), ("arg", Arg::Str(arg))],
                ));
            }
            Some(Notice::Failed(id, arg)) => {
                let text = match arg {
                    Some(a) => i18n.t_args(id, &[("arg", Arg::Str(a))]),
                    None => i18n.t(id),
                };
                ui.colored_label(
                    Color32::from_rgb(220, 60, 60),
                    format!("{} {text}", i18n.t("error-prefix")),
                );
            }
            Some(Notice::Error(e)) => {
                ui.colored_label(
                    Color32::from_rgb(220, 60, 60),
                    format!("{} {e}", i18n.t("error-prefix")),
                );
            }
            None => {}
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.weak(i18n.t("bar-hints"));
        });
    });
}
