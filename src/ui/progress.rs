//! The progress window of a background job, with Cancel.

use crate::app::workbench::{Job, JobKind};
use crate::i18n::{Arg, I18n};

/// An open that ends sooner (every open but a check after a crash) shows
/// no window at all, rather than one that flashes for a frame.
const OPEN_QUIETLY: std::time::Duration = std::time::Duration::from_millis(300);

/// Draws the job's progress; returns true when the user pressed Cancel.
pub fn show(ctx: &egui::Context, job: &Job, i18n: &I18n) -> bool {
    let mut cancel = false;
    if job.kind == JobKind::Open && job.elapsed() < OPEN_QUIETLY {
        return false;
    }
    let p = job.progress();
    let title = match job.kind {
        JobKind::Open => i18n.t("job-open"),
        JobKind::Import => i18n.t("job-import"),
        JobKind::Export => i18n.t("job-export"),
        JobKind::Check => i18n.t("job-check"),
    };
    egui::Window::new(title)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_BOTTOM, [0.0, -48.0])
        .show(ctx, |ui| {
            if matches!(job.kind, JobKind::Check | JobKind::Open) {
                // Work that cannot count its steps (a check): a spinner, not an empty bar.
                ui.set_min_width(360.0);
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.weak(&p.current);
                });
            } else {
                ui.label(i18n.t_args(
                    "job-progress",
                    &[
                        ("done", Arg::Int(p.done as i64)),
                        ("total", Arg::Int(p.total as i64)),
                    ],
                ));
                ui.add(
                    egui::ProgressBar::new(p.fraction())
                        .desired_width(360.0)
                        .desired_height(8.0),
                );
                ui.weak(&p.current);
            }
            let label = if job.is_cancelling() {
                i18n.t("job-cancelling")
            } else {
                i18n.t("job-cancel")
            };
            if ui
                .add_enabled(!job.is_cancelling(), egui::Button::new(label))
                .clicked()
            {
                cancel = true;
            }
        });
    cancel
}
