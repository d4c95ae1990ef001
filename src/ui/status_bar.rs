//! The bottom bar: counts for the active document, "saved", the number of
//! disagreeing links (a click lists them), the last notice, key hints.

use egui::{Color32, Ui};

use crate::app::workbench::{Notice, Workbench};
use crate::i18n::{Arg, I18n};

/// Draws the bar; true when the disagreement counter was clicked.
pub fn show(ui: &mut Ui, wb: &Workbench, i18n: &I18n) -> bool {
    let mut counter_clicked = false;
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
        if wb.qa.open && wb.qa.check().is_some() {
            qa_counts(ui, wb, i18n);
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
            let text = egui::RichText::new(i18n.t_args(
                "bar-disagreements",
                &[("count", Arg::Int(disagreements as i64))],
            ))
            .color(Color32::from_rgb(220, 60, 60))
            .underline();
            counter_clicked = ui
                .add(egui::Button::new(text).frame(false))
                .on_hover_text(i18n.t("hint-disagreements"))
                .on_hover_cursor(egui::CursorIcon::PointingHand)
                .clicked();
            ui.separator();
        }
        let red = Color32::from_rgb(220, 60, 60);
        let notice = match &wb.notice {
            Some(Notice::Info(id, arg)) => Some((message(i18n, id, arg.as_deref()), None)),
            Some(Notice::Failed(id, arg)) => Some((
                format!(
                    "{} {}",
                    i18n.t("error-prefix"),
                    message(i18n, id, arg.as_deref())
                ),
                Some(red),
            )),
            Some(Notice::History {
                undone,
                action,
                subject,
            }) => {
                let what = i18n.history(action, subject);
                let id = if *undone {
                    "notice-undone"
                } else {
                    "notice-redone"
                };
                Some((i18n.t_args(id, &[("arg", Arg::Str(&what))]), None))
            }
            Some(Notice::Count(id, count, arg)) => {
                let count = ("count", Arg::Int(*count as i64));
                let text = match arg {
                    Some(a) => i18n.t_args(id, &[count, ("arg", Arg::Str(a))]),
                    None => i18n.t_args(id, &[count]),
                };
                Some((text, None))
            }
            Some(Notice::Error(e)) => Some((format!("{} {e}", i18n.t("error-prefix")), Some(red))),
            None => None,
        };
        // The notice comes first; the key hints (all of them under F1 too)
        // only where the notice leaves them room, never drawn over it.
        let hints = i18n.t("bar-hints");
        let width_of = |ui: &Ui, text: &str| {
            let font = egui::TextStyle::Body.resolve(ui.style());
            ui.fonts_mut(|f| f.layout_no_wrap(text.to_string(), font, Color32::WHITE))
                .size()
                .x
        };
        let notice_width = notice.as_ref().map_or(0.0, |(t, _)| width_of(ui, t));
        let room = ui.available_width();
        let show_hints = notice_width + width_of(ui, &hints) + 24.0 <= room;
        if let Some((text, color)) = notice {
            let mut rich = egui::RichText::new(text.clone());
            if let Some(c) = color {
                rich = rich.color(c);
            }
            ui.scope(|ui| {
                ui.set_max_width(room.max(0.0));
                ui.add(egui::Label::new(rich).truncate())
                    .on_hover_text(text);
            });
        }
        if show_hints {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.weak(hints);
            });
        }
    });
    counter_clicked
}

/// The QA view's segments by verdict ("QA: 12 ok · 1 mismatch · …"), the
/// open problems in red; kept by the workbench, not counted per frame.
fn qa_counts(ui: &mut Ui, wb: &Workbench, i18n: &I18n) {
    let c = wb.qa.counts();
    let text = i18n.t_args(
        "bar-qa-counts",
        &[
            ("ok", Arg::Int(c.ok as i64)),
            ("mismatch", Arg::Int(c.mismatch as i64)),
            ("missing", Arg::Int(c.missing as i64)),
            ("extra", Arg::Int(c.extra as i64)),
            ("accepted", Arg::Int(c.accepted as i64)),
        ],
    );
    let mut rich = egui::RichText::new(text);
    if c.problems() > 0 {
        rich = rich.color(Color32::from_rgb(220, 60, 60));
    }
    ui.label(rich).on_hover_text(i18n.t("hint-qa-counts"));
}

/// A notice's message id with its one optional argument, in words.
fn message(i18n: &I18n, id: &str, arg: Option<&str>) -> String {
    match arg {
        Some(a) => i18n.t_args(id, &[("arg", Arg::Str(a))]),
        None => i18n.t(id),
    }
}
