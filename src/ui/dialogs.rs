//! File dialogs: the system's (rfd) on a thread of their own so the window
//! never blocks, or Tualek's own chooser ([`FileChooser`]) when this desktop
//! has none — checked first ([`system_dialogs`](super::system_dialogs)), since
//! rfd then returns at once as if cancelled. Every request (new, open, import
//! files or a folder, export) goes through here either way.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::file_chooser::{ChooserMode, ChooserOutcome, FileChooser};
use super::system_dialogs::{DialogChoice, Fallback, system_dialog_available};
use crate::export::ExportPlan;
use crate::export::report::ReportFormat;
use crate::i18n::I18n;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogRequest {
    NewProject,
    OpenProject,
    ImportFiles,
    ImportFolder,
    /// A file of annotations made in another tool.
    ImportAnnotations,
    /// Where to write an export planned in the export window.
    Export(ExportPlan),
    /// Where to write the fact-check report (HTML, or Markdown by its extension).
    Report,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogAnswer {
    NewProject(PathBuf),
    OpenProject(PathBuf),
    Import(Vec<PathBuf>),
    ImportAnnotations(PathBuf),
    Export(PathBuf, ExportPlan),
    Report(PathBuf, ReportFormat),
}

impl DialogRequest {
    fn mode(&self) -> ChooserMode {
        match self {
            DialogRequest::Export(plan) if plan.format.is_folder() => ChooserMode::Folder,
            DialogRequest::NewProject | DialogRequest::Export(_) | DialogRequest::Report => {
                ChooserMode::SaveFile
            }
            DialogRequest::OpenProject | DialogRequest::ImportAnnotations => ChooserMode::OpenFile,
            DialogRequest::ImportFiles => ChooserMode::OpenFiles,
            DialogRequest::ImportFolder => ChooserMode::Folder,
        }
    }

    fn extensions(&self) -> &'static [&'static str] {
        match self {
            DialogRequest::NewProject | DialogRequest::OpenProject => &["tualek"],
            DialogRequest::ImportFiles => crate::import::EXTENSIONS,
            DialogRequest::ImportFolder => &[],
            DialogRequest::ImportAnnotations => &["jsonl", "json", "ndjson", "ann"],
            DialogRequest::Export(plan) => plan.format.extensions(),
            DialogRequest::Report => &["html", "htm", "md"],
        }
    }

    /// The file name proposed for a save.
    fn file_name(&self) -> Option<String> {
        match self {
            DialogRequest::NewProject => Some("project.tualek".into()),
            DialogRequest::Export(plan) if plan.format.is_folder() => None,
            DialogRequest::Export(plan) => Some(format!("figures.{}", plan.format.extension())),
            DialogRequest::Report => Some("report.html".into()),
            _ => None,
        }
    }

    /// The answer for the paths picked; `None` when nothing was.
    fn answer(self, mut paths: Vec<PathBuf>) -> Option<DialogAnswer> {
        if paths.is_empty() {
            return None;
        }
        Some(match self {
            DialogRequest::NewProject => {
                DialogAnswer::NewProject(with_extension(paths.remove(0), "tualek"))
            }
            DialogRequest::OpenProject => DialogAnswer::OpenProject(paths.remove(0)),
            DialogRequest::ImportFiles | DialogRequest::ImportFolder => DialogAnswer::Import(paths),
            DialogRequest::ImportAnnotations => DialogAnswer::ImportAnnotations(paths.remove(0)),
            DialogRequest::Export(plan) if plan.format.is_folder() => {
                DialogAnswer::Export(paths.remove(0), plan)
            }
            DialogRequest::Export(plan) => {
                let path = with_extension(paths.remove(0), plan.format.extension());
                DialogAnswer::Export(path, plan)
            }
            DialogRequest::Report => {
                let path = with_extension(paths.remove(0), ReportFormat::Html.extension());
                let format = ReportFormat::from_path(&path).unwrap_or(ReportFormat::Html);
                DialogAnswer::Report(path, format)
            }
        })
    }
}

/// Decides, for each request, whether the system's dialog can show it.
pub type Probe = Arc<dyn Fn() -> Result<(), Fallback> + Send + Sync>;

enum Message {
    Answer(DialogAnswer),
    /// The system dialog closed (picked or cancelled).
    Closed,
    /// The system has no dialog: Tualek's own shows the request.
    Fallback(DialogRequest, String, PathBuf, Fallback),
}

pub struct Dialogs {
    tx: Sender<Message>,
    rx: Receiver<Message>,
    probe: Probe,
    /// A system dialog (or the check before it) is up.
    waiting: bool,
    chooser: Option<(DialogRequest, FileChooser)>,
    /// Whether the status bar said once why Tualek's own chooser is used.
    told: bool,
}

impl Default for Dialogs {
    /// As `TUALEK_FILE_DIALOG` asks; by default, the system's where there is one.
    fn default() -> Self {
        Dialogs::new(DialogChoice::from_env())
    }
}

impl Dialogs {
    pub fn new(choice: DialogChoice) -> Dialogs {
        let probe: Probe = match choice {
            DialogChoice::Auto => Arc::new(|| {
                if system_dialog_available() {
                    Ok(())
                } else {
                    Err(Fallback::NoSystemDialog)
                }
            }),
            DialogChoice::System => Arc::new(|| Ok(())),
            DialogChoice::Builtin => Arc::new(|| Err(Fallback::Asked)),
        };
        Dialogs::with_probe(probe)
    }

    /// Dialogs that ask `probe` before each request whether the system's can show it.
    pub fn with_probe(probe: Probe) -> Dialogs {
        let (tx, rx) = channel();
        Dialogs {
            tx,
            rx,
            probe,
            waiting: false,
            chooser: None,
            told: false,
        }
    }

    /// Whether a dialog is up: the window's own keys then wait.
    pub fn is_open(&self) -> bool {
        self.waiting || self.chooser.is_some()
    }

    /// Whether Tualek's own chooser is up.
    pub fn chooser_open(&self) -> bool {
        self.chooser.is_some()
    }

    /// Asks for a path, starting in `dir`; the answer arrives through [`Dialogs::show`].
    pub fn request(
        &mut self,
        request: DialogRequest,
        ctx: &egui::Context,
        title: String,
        dir: PathBuf,
    ) {
        if self.is_open() {
            return;
        }
        self.waiting = true;
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        let probe = self.probe.clone();
        std::thread::spawn(move || {
            match probe() {
                Ok(()) => {
                    if let Some(a) = system_dialog(request, &title, &dir) {
                        let _ = tx.send(Message::Answer(a));
                    }
                    // Sent even when cancelled, so the window knows the dialog is closed.
                    let _ = tx.send(Message::Closed);
                }
                Err(why) => {
                    let _ = tx.send(Message::Fallback(request, title, dir, why));
                }
            }
            ctx.request_repaint();
        });
    }

    /// Draws Tualek's own chooser when it is up; returns the answers that
    /// arrived, and the reason for the chooser the first time it is used.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        i18n: &I18n,
    ) -> (Vec<DialogAnswer>, Option<Fallback>) {
        let mut answers = Vec::new();
        let mut first_fallback = None;
        while let Ok(message) = self.rx.try_recv() {
            match message {
                Message::Answer(a) => answers.push(a),
                Message::Closed => self.waiting = false,
                Message::Fallback(request, title, dir, why) => {
                    self.waiting = false;
                    let file_name = request.file_name();
                    let mut chooser = FileChooser::new(
                        request.mode(),
                        title,
                        &dir,
                        file_name.as_deref(),
                        request.extensions(),
                    )
                    .with_reason(why.message_id());
                    if request == DialogRequest::NewProject {
                        // Opening it as new would fail: the project exists.
                        chooser = chooser.never_replace();
                    }
                    self.chooser = Some((request, chooser));
                    if !self.told {
                        self.told = true;
                        first_fallback = Some(why);
                    }
                }
            }
        }
        if let Some((_, chooser)) = &mut self.chooser
            && let Some(outcome) = chooser.show(ctx, i18n)
        {
            let (request, _) = self.chooser.take().expect("the chooser is up");
            if let ChooserOutcome::Picked(paths) = outcome
                && let Some(a) = request.answer(paths)
            {
                answers.push(a);
            }
        }
        (answers, first_fallback)
    }
}

/// Shows the system's dialog for `request` (blocking: call it off the UI thread).
fn system_dialog(request: DialogRequest, title: &str, dir: &Path) -> Option<DialogAnswer> {
    let mut dialog = rfd::FileDialog::new().set_title(title).set_directory(dir);
    let extensions = request.extensions();
    if !extensions.is_empty() {
        let name = match &request {
            DialogRequest::NewProject | DialogRequest::OpenProject => "Tualek",
            DialogRequest::ImportFiles => "Text, Markdown, HTML",
            DialogRequest::ImportAnnotations => "Annotations",
            DialogRequest::Report => "HTML, Markdown",
            _ => extensions[0],
        };
        dialog = dialog.add_filter(name, extensions);
    }
    if let Some(name) = request.file_name() {
        dialog = dialog.set_file_name(name);
    }
    let picked = match request.mode() {
        ChooserMode::SaveFile => dialog.save_file().map(|p| vec![p]),
        ChooserMode::OpenFile => dialog.pick_file().map(|p| vec![p]),
        ChooserMode::OpenFiles => dialog.pick_files(),
        ChooserMode::Folder => dialog.pick_folder().map(|p| vec![p]),
    };
    request.answer(picked.unwrap_or_default())
}

fn with_extension(mut p: PathBuf, ext: &str) -> PathBuf {
    if p.extension().is_none() {
        p.set_extension(ext);
    }
    p
}
