//! The menu bar.

use egui::Ui;

use super::UiCommand;
use super::dialogs::DialogRequest;
use super::shortcuts::{self, Shortcut};
use crate::app::workbench::{Action, Workbench};
use crate::i18n::{I18n, Locale};
use crate::model::Relation;

pub fn show(ui: &mut Ui, wb: &Workbench, i18n: &I18n) -> Vec<UiCommand> {
    let mut out = Vec::new();
    let has_project = wb.project.is_some();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(i18n.t("menu-file"), |ui| {
            let item =
                |ui: &mut Ui, out: &mut Vec<UiCommand>, id: &str, enabled: bool, cmd: UiCommand| {
                    if ui
                        .add_enabled(enabled, egui::Button::new(i18n.t(id)))
                        .clicked()
                    {
                        out.push(cmd);
                        ui.close();
                    }
                };
            // Items with a shortcut show its keys.
            let keyed = |ui: &mut Ui,
                         out: &mut Vec<UiCommand>,
                         id: &str,
                         enabled: bool,
                         keys: Shortcut,
                         cmd: UiCommand| {
                let button = egui::Button::new(i18n.t(id)).shortcut_text(shortcuts::keys_of(keys));
                if ui.add_enabled(enabled, button).clicked() {
                    out.push(cmd);
                    ui.close();
                }
            };
            keyed(
                ui,
                &mut out,
                "menu-new-project",
                true,
                Shortcut::NewProject,
                UiCommand::Dialog(DialogRequest::NewProject),
            );
            keyed(
                ui,
                &mut out,
                "menu-open-project",
                true,
                Shortcut::OpenProject,
                UiCommand::Dialog(DialogRequest::OpenProject),
            );
            item(
                ui,
                &mut out,
                "menu-open-sample",
                true,
                UiCommand::OpenSample,
            );
            ui.menu_button(i18n.t("menu-recent"), |ui| {
                if wb.settings.recent.is_empty() {
                    ui.weak(i18n.t("menu-recent-none"));
                }
                for path in &wb.settings.recent {
                    if ui.button(path.display().to_string()).clicked() {
                        out.push(UiCommand::OpenProject(path.clone()));
                        ui.close();
                    }
                }
            });
            ui.separator();
            keyed(
                ui,
                &mut out,
                "menu-import-files",
                has_project,
                Shortcut::ImportFiles,
                UiCommand::Dialog(DialogRequest::ImportFiles),
            );
            item(
                ui,
                &mut out,
                "menu-import-folder",
                has_project,
                UiCommand::Dialog(DialogRequest::ImportFolder),
            );
            item(
                ui,
                &mut out,
                "menu-import-annotations",
                has_project,
                UiCommand::Dialog(DialogRequest::ImportAnnotations),
            );
            keyed(
                ui,
                &mut out,
                "menu-export",
                has_project,
                Shortcut::Export,
                UiCommand::ExportWindow,
            );
            item(
                ui,
                &mut out,
                "menu-export-report",
                has_project,
                UiCommand::Dialog(DialogRequest::Report),
            );
            item(
                ui,
                &mut out,
                "menu-check-project",
                has_project,
                UiCommand::CheckProject,
            );
            ui.separator();
            item(ui, &mut out, "menu-quit", true, UiCommand::Quit);
        });
        ui.menu_button(i18n.t("menu-edit"), |ui| {
            for (id, action) in [("menu-undo", Action::Undo), ("menu-redo", Action::Redo)] {
                if ui
                    .add_enabled(has_project, egui::Button::new(i18n.t(id)))
                    .clicked()
                {
                    out.push(UiCommand::Act(action));
                    ui.close();
                }
            }
            if ui
                .add_enabled(has_project, egui::Button::new(i18n.t("menu-search")))
                .clicked()
            {
                out.push(UiCommand::ToggleSearch);
                ui.close();
            }
        });
        ui.menu_button(i18n.t("menu-review"), |ui| {
            let actions = [
                ("action-confirm", UiCommand::Act(Action::Confirm)),
                ("action-reject", UiCommand::Act(Action::Reject)),
                ("action-fix", UiCommand::EditValue),
                ("action-reanchor", UiCommand::Act(Action::Reanchor)),
                ("action-add", UiCommand::Act(Action::AddFromSelection)),
                ("action-link", UiCommand::Act(Action::LinkPanes)),
                ("action-link-all", UiCommand::Act(Action::LinkAllPanes)),
                (
                    "action-next-unreviewed",
                    UiCommand::Act(Action::NextUnreviewed),
                ),
                (
                    "action-next-disagreement",
                    UiCommand::Act(Action::NextDisagreement),
                ),
                (
                    "action-previous-disagreement",
                    UiCommand::Act(Action::PreviousDisagreement),
                ),
                ("action-show-disagreements", UiCommand::ToggleDisagreements),
            ];
            for (id, cmd) in actions {
                if ui
                    .add_enabled(has_project, egui::Button::new(i18n.t(id)))
                    .clicked()
                {
                    out.push(cmd);
                    ui.close();
                }
            }
            // Claims across sources (the Claims panel), with their keys.
            ui.separator();
            let has_claim = wb.claims.selected_claim().is_some();
            let claim_items = [
                (
                    "menu-next-claim",
                    Shortcut::NextClaim,
                    Action::NextClaim,
                    has_project,
                ),
                (
                    "menu-previous-claim",
                    Shortcut::PreviousClaim,
                    Action::PreviousClaim,
                    has_project,
                ),
                (
                    "menu-accept-claim",
                    Shortcut::AcceptClaim,
                    Action::AcceptClaim,
                    has_claim,
                ),
                (
                    "menu-dismiss-claim",
                    Shortcut::DismissClaim,
                    Action::DismissClaim,
                    has_claim,
                ),
                (
                    "menu-split-claim",
                    Shortcut::SplitClaim,
                    Action::SplitClaim(None),
                    has_claim,
                ),
            ];
            for (id, keys, action, enabled) in claim_items {
                let button = egui::Button::new(i18n.t(id)).shortcut_text(shortcuts::keys_of(keys));
                if ui.add_enabled(enabled, button).clicked() {
                    out.push(UiCommand::Act(action));
                    ui.close();
                }
            }
            // Translation QA (the QA view), with its keys.
            ui.separator();
            let has_segment = wb.qa.open && wb.qa.selected_segment().is_some();
            let qa_items = [
                (
                    "menu-next-problem",
                    Shortcut::NextProblem,
                    Action::NextProblem,
                    has_project,
                ),
                (
                    "menu-previous-problem",
                    Shortcut::PreviousProblem,
                    Action::PreviousProblem,
                    has_project,
                ),
                (
                    "menu-accept-segment",
                    Shortcut::AcceptSegment,
                    Action::AcceptSegment {
                        number: None,
                        note: None,
                    },
                    has_segment && wb.qa.can_accept(),
                ),
            ];
            for (id, keys, action, enabled) in qa_items {
                let button = egui::Button::new(i18n.t(id)).shortcut_text(shortcuts::keys_of(keys));
                if ui.add_enabled(enabled, button).clicked() {
                    out.push(UiCommand::Act(action));
                    ui.close();
                }
            }
            // The relation L and Shift+L give new links, remembered in the settings.
            ui.separator();
            let choices = [
                ("menu-link-as-auto", None),
                ("menu-link-as-translation", Some(Relation::Translation)),
                ("menu-link-as-source", Some(Relation::Source)),
                ("menu-link-as-same", Some(Relation::Same)),
            ];
            for (id, relation) in choices {
                if ui
                    .radio(wb.settings.link_relation == relation, i18n.t(id))
                    .clicked()
                {
                    out.push(UiCommand::Act(Action::ChooseLinkRelation(relation)));
                    ui.close();
                }
            }
        });
        ui.menu_button(i18n.t("menu-view"), |ui| {
            let mut two = wb.settings.two_panes;
            if ui.checkbox(&mut two, i18n.t("menu-two-panes")).clicked() {
                out.push(UiCommand::Act(Action::ToggleTwoPanes));
            }
            let mut claims = wb.claims.open;
            if ui
                .checkbox(&mut claims, i18n.t("menu-claims"))
                .on_hover_text(shortcuts::keys_of(Shortcut::ToggleClaims))
                .clicked()
            {
                out.push(UiCommand::Act(Action::ToggleClaims));
            }
            let mut qa = wb.qa.open;
            if ui
                .checkbox(&mut qa, i18n.t("menu-qa"))
                .on_hover_text(shortcuts::keys_of(Shortcut::ToggleQa))
                .clicked()
            {
                out.push(UiCommand::Act(Action::ToggleQa));
            }
            // The pairs with stored segments, each to check.
            ui.menu_button(i18n.t("menu-qa-pair"), |ui| {
                let mut actions = Vec::new();
                super::qa::pair_menu(ui, wb, i18n, &mut actions);
                out.extend(actions.into_iter().map(UiCommand::Act));
            });
            let mut dark = wb.settings.dark;
            if ui.checkbox(&mut dark, i18n.t("menu-dark")).clicked() {
                out.push(UiCommand::Act(Action::SetDark(dark)));
            }
            ui.separator();
            for (id, step) in [("menu-zoom-in", 0.1), ("menu-zoom-out", -0.1)] {
                if ui.button(i18n.t(id)).clicked() {
                    out.push(UiCommand::Act(Action::Zoom(step)));
                }
            }
            if ui.button(i18n.t("menu-zoom-reset")).clicked() {
                out.push(UiCommand::Act(Action::Zoom(0.0)));
            }
            ui.separator();
            ui.menu_button(i18n.t("menu-language"), |ui| {
                for locale in Locale::ALL {
                    if ui
                        .radio(wb.settings.locale == locale, locale.native_name())
                        .clicked()
                    {
                        out.push(UiCommand::Act(Action::SetLocale(locale)));
                        ui.close();
                    }
                }
            });
            let mut lao_digits = wb.settings.lao_digits;
            if ui
                .checkbox(&mut lao_digits, i18n.t("menu-lao-digits"))
                .clicked()
            {
                out.push(UiCommand::Act(Action::SetLaoDigits(lao_digits)));
            }
        });
        ui.menu_button(i18n.t("menu-help"), |ui| {
            if ui.button(i18n.t("menu-shortcuts")).clicked() {
                out.push(UiCommand::ToggleHelp);
                ui.close();
            }
        });
    });
    out
}
