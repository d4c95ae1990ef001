//! Native file dialogs (rfd), run off the UI thread so the window never blocks.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::export::Format;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogRequest {
    NewProject,
    OpenProject,
    ImportFiles,
    ImportFolder,
    Export(Format),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogAnswer {
    NewProject(PathBuf),
    OpenProject(PathBuf),
    Import(Vec<PathBuf>),
    Export(PathBuf, Format),
}

pub struct Dialogs {
    tx: Sender<DialogAnswer>,
    rx: Receiver<DialogAnswer>,
    open: bool,
}

impl Default for Dialogs {
    fn default() -> Self {
        let (tx, rx) = channel();
        Dialogs {
            tx,
            rx,
            open: false,
        }
    }
}

impl Dialogs {
    /// Opens a dialog on its own thread; its answer arrives through `poll`.
    pub fn request(&mut self, request: DialogRequest, ctx: &egui::Context, title: String) {
        if self.open {
            return;
        }
        self.open = true;
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let project_filter = |d: rfd::FileDialog| d.add_filter("Tualek", &["tualek"]);
            let dialog = rfd::FileDialog::new().set_title(title);
            let answer = match request {
                DialogRequest::NewProject => project_filter(dialog)
                    .set_file_name("project.tualek")
                    .save_file()
                    .map(|p| DialogAnswer::NewProject(with_extension(p, "tualek"))),
                DialogRequest::OpenProject => project_filter(dialog)
                    .pick_file()
                    .map(DialogAnswer::OpenProject),
                DialogRequest::ImportFiles => dialog
                    .add_filter("Text, Markdown, HTML", crate::import::EXTENSIONS)
                    .pick_files()
                    .map(DialogAnswer::Import),
                DialogRequest::ImportFolder => {
                    dialog.pick_folder().map(|p| DialogAnswer::Import(vec![p]))
                }
                DialogRequest::Export(format) => {
                    let ext = match format {
                        Format::Jsonl => "jsonl",
                        Format::Csv => "csv",
                    };
                    dialog
                        .add_filter(ext, &[ext])
                        .set_file_name(format!("figures.{ext}"))
                        .save_file()
                        .map(|p| DialogAnswer::Export(with_extension(p, ext), format))
                }
            };
            if let Some(a) = answer {
                let _ = tx.send(a);
            }
            // Sent even when cancelled, so the UI knows the dialog is closed.
            let _ = tx.send(DialogAnswer::Import(Vec::new()));
            ctx.request_repaint();
        });
    }

    /// Answers that arrived since the last call.
    pub fn poll(&mut self) -> Vec<DialogAnswer> {
        let mut out = Vec::new();
        while let Ok(a) = self.rx.try_recv() {
            if a == DialogAnswer::Import(Vec::new()) {
                self.open = false;
            } else {
                out.push(a);
            }
        }
        out
    }
}

fn with_extension(mut p: PathBuf, ext: &str) -> PathBuf {
    if p.extension().is_none() {
        p.set_extension(ext);
    }
    p
}
