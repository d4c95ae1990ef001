//! The workbench window (egui): panels that draw the state of
//! [`Workbench`](crate::app::workbench::Workbench) and turn what the user does
//! into actions. No panel touches the project file; every change goes
//! through `Workbench::perform`.

mod claims;
pub mod dialogs;
mod disagreements;
mod document_view;
mod documents;
mod export_dialog;
pub mod file_chooser;
mod inspector;
pub mod lao_breaks;
mod menu;
mod progress;
mod qa;
mod search;
pub mod shortcuts;
mod status_bar;
pub mod system_dialogs;
mod theme;

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use egui::Ui;

use crate::app::workbench::{Action, JobOutcome, Notice, PaneId, PerPane, Workbench};
use crate::app::{Settings, reviewer_name};
use crate::i18n::I18n;
use claims::ClaimsPanel;
use dialogs::{DialogAnswer, DialogRequest, Dialogs};
use disagreements::Disagreements;
use document_view::DocumentView;
pub use document_view::wrap_points;
use documents::DocumentsPanel;
use export_dialog::ExportDialog;
use inspector::Editor;
use qa::QaPanel;
use search::SearchPanel;
use shortcuts::Shortcut;

/// Narrower than this (in points), a document pane is too cramped to read:
/// the window then shows one pane instead of two.
const MIN_PANE_WIDTH: f32 = 280.0;

/// The room the side panels always leave for the documents, in points.
const MIN_CENTRAL_WIDTH: f32 = 320.0;

/// What the user asked of the window itself, beside workbench actions.
#[derive(Debug, Clone, PartialEq)]
pub enum UiCommand {
    Act(Action),
    Dialog(DialogRequest),
    /// File → Export…: the window with the export's choices.
    ExportWindow,
    /// File → Check project file: the full check, in the background.
    CheckProject,
    OpenProject(PathBuf),
    OpenSample,
    Quit,
    ToggleSearch,
    ToggleHelp,
    /// Put the cursor in the value field (the E key).
    EditValue,
    /// Open or close the list of disagreeing links.
    ToggleDisagreements,
    /// Rename the active pane's document in the documents panel (F2).
    RenameDocument,
}

pub struct WorkbenchApp {
    pub wb: Workbench,
    i18n: I18n,
    /// Whether `i18n` was built with Lao digits (it does not say).
    i18n_lao_digits: bool,
    views: PerPane<DocumentView>,
    editor: Editor,
    documents: DocumentsPanel,
    search: SearchPanel,
    dialogs: Dialogs,
    disagreements: Disagreements,
    export: ExportDialog,
    claims: ClaimsPanel,
    qa: QaPanel,
    show_help: bool,
    editor_error: Option<String>,
    background: (Sender<Notice>, Receiver<Notice>),
    applied_style: Option<(bool, f32)>,
    quit: bool,
}

impl WorkbenchApp {
    pub fn new(wb: Workbench) -> WorkbenchApp {
        let lao_digits = wb.settings.lao_digits;
        let i18n = I18n::new(wb.settings.locale, lao_digits);
        WorkbenchApp {
            wb,
            i18n,
            i18n_lao_digits: lao_digits,
            views: PerPane::default(),
            editor: Editor::default(),
            documents: DocumentsPanel::default(),
            search: SearchPanel::default(),
            dialogs: Dialogs::default(),
            disagreements: Disagreements::default(),
            export: ExportDialog::default(),
            claims: ClaimsPanel::default(),
            qa: QaPanel::default(),
            show_help: false,
            editor_error: None,
            background: channel(),
            applied_style: None,
            quit: false,
        }
    }

    /// The same window with other file dialogs (tests force Tualek's own chooser this way).
    pub fn with_dialogs(mut self, dialogs: Dialogs) -> WorkbenchApp {
        self.dialogs = dialogs;
        self
    }

    pub fn i18n(&self) -> &I18n {
        &self.i18n
    }

    /// One frame of the whole window.
    pub fn frame(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.apply_style(&ctx);
        self.follow_locale();
        self.poll(&ctx);

        let mut commands: Vec<UiCommand> = Vec::new();
        self.dropped_files(&ctx);
        let dialog_up = self.dialogs.is_open() || self.export.is_open();
        if !dialog_up
            && !self.show_help
            && self.disagreements.is_open()
            && !ctx.text_edit_focused()
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.disagreements.close();
        }
        if dialog_up {
            // A dialog is up: its keys (Enter, Esc, Tab) are its own.
        } else if !self.show_help {
            commands.extend(self.keys(&ctx));
        } else if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
            || !shortcuts::pressed(&ctx).is_empty()
        {
            // The overlay is up: Esc or any shortcut key closes it first.
            self.show_help = false;
        }

        egui::Panel::top("menu").show(ui, |ui| {
            commands.extend(menu::show(ui, &self.wb, &self.i18n));
        });
        egui::Panel::bottom("status").show(ui, |ui| {
            if status_bar::show(ui, &self.wb, &self.i18n) {
                commands.push(UiCommand::ToggleDisagreements);
            }
        });
        // The Claims panel spans the window's width above the status bar: its
        // rows are wide (values by source), and the documents stay side by side.
        if self.wb.claims.open && self.wb.project.is_some() {
            let height = ui.available_height();
            // Sized anew (a share of the height) when the window's height
            // changes: a size dragged in a big window would crowd a small one.
            let bucket = (height / 16.0).round() as i64;
            egui::Panel::bottom(("claims", bucket))
                .resizable(true)
                .default_size((height * 0.38).clamp(160.0, 340.0))
                .size_range(110.0..=(height * 0.6).max(110.0))
                .show(ui, |ui| {
                    let actions = self.claims.show(ui, &self.wb, &self.i18n);
                    commands.extend(actions.into_iter().map(UiCommand::Act));
                });
        }
        // The QA view, like the Claims panel, spans the window's width: each
        // row holds a segment's source beside its target.
        if self.wb.qa.open && self.wb.project.is_some() {
            let height = ui.available_height();
            let bucket = (height / 16.0).round() as i64;
            egui::Panel::bottom(("qa", bucket))
                .resizable(true)
                .default_size((height * 0.4).clamp(170.0, 360.0))
                .size_range(120.0..=(height * 0.6).max(120.0))
                .show(ui, |ui| {
                    let actions = self.qa.show(ui, &self.wb, &self.i18n);
                    commands.extend(actions.into_iter().map(UiCommand::Act));
                });
        }
        // Side panels take a share of the window, so a small window or a big
        // zoom leaves the documents room; each can be dragged wider or narrower.
        let width = ui.available_width();
        let spare = (width - MIN_CENTRAL_WIDTH).max(0.0);
        egui::Panel::left("documents")
            .resizable(true)
            .default_size((width * 0.17).clamp(120.0, 230.0))
            .size_range(120.0..=(spare * 0.4).max(120.0))
            .show(ui, |ui| {
                let actions = self.documents.show(ui, &self.wb, &self.i18n);
                commands.extend(actions.into_iter().map(UiCommand::Act));
            });
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size((width * 0.3).clamp(200.0, 420.0))
            .size_range(200.0..=(spare * 0.6).max(200.0))
            .show(ui, |ui| {
                let active = self.wb.active;
                let cx = inspector::Context {
                    links: &self.wb.links,
                    documents: &self.wb.documents,
                    i18n: &self.i18n,
                };
                let actions = inspector::show(
                    ui,
                    active,
                    &self.wb.panes[active],
                    &mut self.editor,
                    &cx,
                    &mut self.editor_error,
                );
                commands.extend(actions.into_iter().map(UiCommand::Act));
                if let Some(e) = &self.editor_error {
                    ui.colored_label(egui::Color32::from_rgb(220, 60, 60), e);
                }
            });
        egui::CentralPanel::default_margins().show(ui, |ui| {
            if self.wb.project.is_none() {
                ui.centered_and_justified(|ui| {
                    let welcome = egui::RichText::new(self.i18n.t("welcome")).heading();
                    ui.label(lao_breaks::wrapping(ui, welcome))
                });
                return;
            }
            let actions = self.panes(ui);
            commands.extend(actions.into_iter().map(UiCommand::Act));
        });

        if let Some(hit) = self.search.show(&ctx, &self.wb, &self.i18n) {
            commands.push(UiCommand::Act(Action::ShowText {
                doc: hit.doc,
                span: hit.span,
            }));
        }
        if let Some(action) = self.disagreements.show(&ctx, &self.wb, &self.i18n) {
            commands.push(UiCommand::Act(action));
        }
        if self.show_help {
            self.help_overlay(&ctx);
        }
        if let Some(job) = &self.wb.job
            && progress::show(&ctx, job, &self.i18n)
        {
            job.cancel();
        }
        if let Some(plan) = self.export.show(&ctx, &self.wb.documents, &self.i18n) {
            commands.push(UiCommand::Dialog(DialogRequest::Export(plan)));
        }
        let (answers, fallback) = self.dialogs.show(&ctx, &self.i18n);
        if let Some(why) = fallback {
            self.wb.notify(Notice::Info(why.message_id(), None));
        }
        for answer in answers {
            self.answer(answer, &ctx);
        }

        for command in commands {
            self.run(command, &ctx);
        }
        if self.quit {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn panes(&mut self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        // Too narrow for two readable columns (a small window, a big zoom):
        // the active pane alone; Tab still switches between the two.
        let fits_two = ui.available_width() >= 2.0 * MIN_PANE_WIDTH;
        let two = self.wb.settings.two_panes && fits_two;
        let active = self.wb.active;
        let shown: Vec<PaneId> = if two {
            PaneId::ALL.to_vec()
        } else {
            vec![active]
        };
        let (views, panes, i18n) = (&mut self.views, &self.wb.panes, &self.i18n);
        let links = &self.wb.links;
        let both_loaded = self.wb.settings.two_panes;
        let marks = self.wb.claim_marks();
        // In each pane, the figure linked to the other pane's selection.
        let partner = |i: PaneId| {
            let selected = panes[i.other()].selected?;
            let doc = panes[i].doc.as_ref()?.meta.id;
            links
                .of(selected)
                .filter_map(|p| p.other(selected))
                .find(|f| f.document == doc)
                .map(|f| f.id)
        };
        ui.columns(shown.len(), |columns| {
            for (ui, &i) in columns.iter_mut().zip(&shown) {
                let title = panes[i].doc.as_ref().map(|d| {
                    format!(
                        "{}  ·  {}",
                        d.meta.title,
                        i18n.language(d.meta.language.as_str())
                    )
                });
                // The same stroke width active or not, so a pane's text
                // keeps its width (and its line breaks) when it becomes active.
                let color = if i == active && two {
                    ui.visuals().selection.stroke.color
                } else {
                    ui.visuals().widgets.noninteractive.bg_stroke.color
                };
                let frame = egui::Frame::group(ui.style()).stroke(egui::Stroke::new(1.5, color));
                frame.show(ui, |ui| {
                    ui.set_min_size(ui.available_size());
                    if let Some(t) = title {
                        ui.add(egui::Label::new(egui::RichText::new(&t).strong()).truncate())
                            .on_hover_text(t);
                        ui.separator();
                    }
                    let partner = both_loaded.then(|| partner(i)).flatten();
                    actions.extend(views[i].show(ui, i, &panes[i], links, partner, &marks, i18n));
                });
            }
        });
        actions
    }

    fn keys(&mut self, ctx: &egui::Context) -> Vec<UiCommand> {
        shortcuts::pressed(ctx)
            .into_iter()
            .map(|s| match s {
                Shortcut::Confirm => UiCommand::Act(Action::Confirm),
                Shortcut::Reject => UiCommand::Act(Action::Reject),
                Shortcut::Fix => UiCommand::EditValue,
                Shortcut::Next => UiCommand::Act(Action::Next),
                Shortcut::Previous => UiCommand::Act(Action::Previous),
                Shortcut::NextUnreviewed => UiCommand::Act(Action::NextUnreviewed),
                Shortcut::SwitchPane => UiCommand::Act(Action::SwitchPane),
                Shortcut::Reanchor => UiCommand::Act(Action::Reanchor),
                Shortcut::Add => UiCommand::Act(Action::AddFromSelection),
                Shortcut::Link => UiCommand::Act(Action::LinkPanes),
                Shortcut::LinkAll => UiCommand::Act(Action::LinkAllPanes),
                Shortcut::NextDisagreement => UiCommand::Act(Action::NextDisagreement),
                Shortcut::PreviousDisagreement => UiCommand::Act(Action::PreviousDisagreement),
                Shortcut::Undo => UiCommand::Act(Action::Undo),
                Shortcut::Redo => UiCommand::Act(Action::Redo),
                Shortcut::Search => UiCommand::ToggleSearch,
                Shortcut::Help => UiCommand::ToggleHelp,
                Shortcut::ZoomIn => UiCommand::Act(Action::Zoom(0.1)),
                Shortcut::ZoomOut => UiCommand::Act(Action::Zoom(-0.1)),
                Shortcut::ZoomReset => UiCommand::Act(Action::Zoom(0.0)),
                Shortcut::Rename => UiCommand::RenameDocument,
                Shortcut::NewProject => UiCommand::Dialog(DialogRequest::NewProject),
                Shortcut::OpenProject => UiCommand::Dialog(DialogRequest::OpenProject),
                Shortcut::ImportFiles => UiCommand::Dialog(DialogRequest::ImportFiles),
                Shortcut::Export => UiCommand::ExportWindow,
                Shortcut::ToggleClaims => UiCommand::Act(Action::ToggleClaims),
                Shortcut::NextClaim => UiCommand::Act(Action::NextClaim),
                Shortcut::PreviousClaim => UiCommand::Act(Action::PreviousClaim),
                Shortcut::AcceptClaim => UiCommand::Act(Action::AcceptClaim),
                Shortcut::DismissClaim => UiCommand::Act(Action::DismissClaim),
                Shortcut::SplitClaim => UiCommand::Act(Action::SplitClaim(None)),
                Shortcut::ToggleQa => UiCommand::Act(Action::ToggleQa),
                Shortcut::NextProblem => UiCommand::Act(Action::NextProblem),
                Shortcut::PreviousProblem => UiCommand::Act(Action::PreviousProblem),
                // Shift+Enter confirmed a figure before it accepted segments:
                // it still does while the QA view is closed.
                // (with the note typed in the view: see `run`)
                Shortcut::AcceptSegment if self.wb.qa.open => {
                    UiCommand::Act(Action::AcceptSegment {
                        number: None,
                        note: None,
                    })
                }
                Shortcut::AcceptSegment => UiCommand::Act(Action::Confirm),
            })
            .collect()
    }

    fn run(&mut self, command: UiCommand, ctx: &egui::Context) {
        match command {
            UiCommand::Act(action) => {
                if action.writes() || matches!(action, Action::SelectFigure { .. }) {
                    self.editor_error = None;
                }
                // A note typed in the inspector goes with the decision taken
                // from the keyboard or the menu, as with the buttons.
                let action = match (&action, self.wb.active_pane().selected) {
                    (Action::Confirm, Some(id)) => {
                        inspector::review(&self.editor, id, crate::app::Decision::Confirm)
                    }
                    (Action::Reject, Some(id)) => {
                        inspector::review(&self.editor, id, crate::app::Decision::Reject)
                    }
                    // Likewise the note typed in the QA view, with the menu's accept.
                    (
                        Action::AcceptSegment {
                            number: None,
                            note: None,
                        },
                        _,
                    ) => Action::AcceptSegment {
                        number: None,
                        note: self.qa.note_for(&self.wb),
                    },
                    _ => action,
                };
                self.wb.perform(action);
            }
            UiCommand::Dialog(
                DialogRequest::ImportFiles
                | DialogRequest::ImportFolder
                | DialogRequest::ImportAnnotations,
            ) if self.wb.project.is_none() => {
                self.wb.notify(Notice::Failed("error-no-project", None));
            }
            UiCommand::Dialog(request) => {
                let title = match request {
                    DialogRequest::NewProject => self.i18n.t("menu-new-project"),
                    DialogRequest::OpenProject => self.i18n.t("menu-open-project"),
                    DialogRequest::ImportFiles => self.i18n.t("menu-import-files"),
                    DialogRequest::ImportFolder => self.i18n.t("menu-import-folder"),
                    DialogRequest::ImportAnnotations => self.i18n.t("menu-import-annotations"),
                    DialogRequest::Export(_) => self.i18n.t("export-where"),
                    DialogRequest::Report => self.i18n.t("report-where"),
                };
                let dir = self.start_dir();
                self.dialogs.request(request, ctx, title, dir);
            }
            UiCommand::ExportWindow => {
                if self.wb.project.is_some() {
                    let tally = self.wb.status_counts();
                    self.export.open(tally);
                }
            }
            UiCommand::CheckProject => {
                let ctx = ctx.clone();
                self.wb.start_check(move || ctx.request_repaint());
            }
            UiCommand::OpenProject(path) => self.open(path, false, ctx),
            UiCommand::OpenSample => {
                if let Err(e) = self.wb.open_sample() {
                    self.wb.notify(Notice::from_error(&e));
                }
                self.views = PerPane::default();
            }
            UiCommand::Quit => self.quit = true,
            UiCommand::ToggleSearch => self.search.toggle(),
            UiCommand::ToggleHelp => self.show_help = !self.show_help,
            UiCommand::EditValue => self.editor.focus_value = true,
            UiCommand::ToggleDisagreements => self.disagreements.toggle(),
            UiCommand::RenameDocument => {
                if let Some(doc) = &self.wb.active_pane().doc {
                    self.documents.start_rename(&doc.meta);
                }
            }
        }
    }

    /// Rebuilds the translations when the language or the digits setting
    /// changed (View → Language, View → Lao digits).
    fn follow_locale(&mut self) {
        let wanted = (self.wb.settings.locale, self.wb.settings.lao_digits);
        if (self.i18n.locale(), self.i18n_lao_digits) != wanted {
            self.i18n = I18n::new(wanted.0, wanted.1);
            self.i18n_lao_digits = wanted.1;
        }
    }

    /// Opens a project off the window's thread; its views are reset once
    /// it is in (see [`WorkbenchApp::poll`]).
    fn open(&mut self, path: PathBuf, create: bool, ctx: &egui::Context) {
        let ctx = ctx.clone();
        self.wb
            .start_open(path, create, move || ctx.request_repaint());
    }

    fn apply_style(&mut self, ctx: &egui::Context) {
        let wanted = (self.wb.settings.dark, self.wb.settings.zoom);
        if self.applied_style != Some(wanted) {
            ctx.set_theme(if wanted.0 {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
            ctx.set_zoom_factor(wanted.1);
            // Zoom keys are ours (shortcuts::TABLE), so the saved zoom is
            // always the one shown; egui's own would change only the view.
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            self.applied_style = Some(wanted);
        }
    }

    /// Collects finished background work: jobs, dialogs, exports.
    fn poll(&mut self, ctx: &egui::Context) {
        if !self.wb.has_waker() {
            let ctx = ctx.clone();
            self.wb
                .set_waker(std::sync::Arc::new(move || ctx.request_repaint()));
        }
        self.wb.poll_saved();
        if self.wb.job.is_some() {
            if let Some(JobOutcome::Opened(_)) = self.wb.poll_job() {
                self.views = PerPane::default();
            }
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        while let Ok(notice) = self.background.1.try_recv() {
            self.wb.notify(notice);
        }
    }

    fn answer(&mut self, answer: DialogAnswer, ctx: &egui::Context) {
        match answer {
            DialogAnswer::NewProject(path) => self.open(path, true, ctx),
            DialogAnswer::OpenProject(path) => self.open(path, false, ctx),
            DialogAnswer::Import(paths) => self.import(paths, ctx),
            DialogAnswer::ImportAnnotations(path) => self.wb.import_annotations(&path),
            DialogAnswer::Export(path, plan) => self.export(path, plan, ctx),
            DialogAnswer::Report(path, format) => self.report(path, format, ctx),
        }
    }

    /// Where a file dialog starts: the open project's folder, else the home folder.
    fn start_dir(&self) -> PathBuf {
        self.wb
            .project_path()
            .and_then(|p| p.parent())
            .filter(|p| !p.as_os_str().is_empty())
            .map(PathBuf::from)
            .or_else(|| directories::UserDirs::new().map(|u| u.home_dir().to_path_buf()))
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("."))
    }

    fn import(&mut self, paths: Vec<PathBuf>, ctx: &egui::Context) {
        let ctx = ctx.clone();
        self.wb.start_import(paths, move || ctx.request_repaint());
    }

    /// Exports on a thread of its own, with progress and Cancel.
    fn export(&mut self, out: PathBuf, plan: crate::export::ExportPlan, ctx: &egui::Context) {
        let ctx = ctx.clone();
        self.wb
            .start_export(out, plan, move || ctx.request_repaint());
    }

    /// Writes the fact-check report on a thread of its own, with its own
    /// connection to the project, as an export is written.
    fn report(
        &mut self,
        out: PathBuf,
        format: crate::export::report::ReportFormat,
        ctx: &egui::Context,
    ) {
        let Some(project) = self.wb.project_path().map(PathBuf::from) else {
            return;
        };
        let reviewer = self.wb.reviewer().to_string();
        let tx = self.background.0.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            use crate::app::workbench::report::write_report_of;
            let notice = match write_report_of(&project, &reviewer, &out, format) {
                Ok(w) => Notice::Count(
                    "notice-report-written",
                    w.claims,
                    Some(w.path.display().to_string()),
                ),
                Err(e) => Notice::Error(e),
            };
            let _ = tx.send(notice);
            ctx.request_repaint();
        });
    }

    /// Files dropped on the window are imported into the open project.
    fn dropped_files(&mut self, ctx: &egui::Context) {
        let paths: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !paths.is_empty() {
            if self.wb.project.is_none() {
                self.wb
                    .notify(Notice::Error(self.i18n.t("error-no-project")));
            } else {
                self.import(paths, ctx);
            }
        }
    }

    fn help_overlay(&mut self, ctx: &egui::Context) {
        let mut open = true;
        let screen = ctx.content_rect();
        egui::Window::new(self.i18n.t("help-title"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .max_width((screen.width() - 48.0).max(200.0))
            .open(&mut open)
            .show(ctx, |ui| {
                // Scrolls in a small window (or at a big zoom) instead of
                // running off the screen.
                let room = (screen.height() - 140.0).max(120.0);
                egui::ScrollArea::vertical()
                    .max_height(room)
                    .show(ui, |ui| {
                        egui::Grid::new("shortcuts")
                            .num_columns(2)
                            .striped(true)
                            .show(ui, |ui| {
                                for (_, keys, id) in shortcuts::TABLE {
                                    ui.monospace(shortcuts::describe(keys));
                                    ui.add(egui::Label::new(self.i18n.t(id)).wrap());
                                    ui.end_row();
                                }
                            });
                    });
                ui.add_space(6.0);
                let footer = egui::RichText::new(self.i18n.t("help-footer")).weak();
                ui.label(lao_breaks::wrapping(ui, footer));
            });
        self.show_help &= open;
    }
}

impl eframe::App for WorkbenchApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }
}

/// Opens the workbench window on `project`, else the last project, else the sample.
pub fn run(project: Option<PathBuf>, reviewer: Option<&str>) -> Result<(), String> {
    let reviewer = reviewer_name(reviewer);
    let mut wb = Workbench::new(Some(Settings::default_path()), &reviewer);
    // A project of the user's opens once the window is up (it may need a
    // check that takes seconds); the bundled sample, small and ours, at once.
    let start = project.or_else(|| wb.settings.last_project().map(PathBuf::from));
    if start.is_none()
        && let Err(e) = wb.open_sample()
    {
        // The window still opens, with the reason in the status bar.
        wb.notify(Notice::from_error(&e));
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Tualek")
            .with_app_id("tualek")
            .with_inner_size([1440.0, 880.0])
            .with_min_inner_size([720.0, 420.0])
            .with_drag_and_drop(true),
        // Installed below with a Chinese preference instead.
        system_font_fallback: false,
        ..Default::default()
    };
    eframe::run_native(
        "Tualek",
        options,
        Box::new(move |cc| {
            crate::fonts::install(&cc.egui_ctx);
            crate::fonts::add_system_fallback(&cc.egui_ctx);
            // The remembered zoom from the first frame on, so nothing is laid
            // out (and no panel size stored) at another zoom first.
            cc.egui_ctx.set_zoom_factor(wb.settings.zoom);
            if let Some(path) = start {
                let ctx = cc.egui_ctx.clone();
                wb.start_open(path, false, move || ctx.request_repaint());
            }
            Ok(Box::new(WorkbenchApp::new(wb)))
        }),
    )
    .map_err(|e| e.to_string())
}
