//! Long work (import, export, the full check of the project file) on a
//! thread of its own, with progress and Cancel.
//!
//! The job opens its own connection to the project file; the workbench keeps
//! reading the last committed state meanwhile, so the window never freezes.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, Mutex};

use crate::app::{ImportReport, Project};
use crate::export::{self, ExportError, ExportPlan};
use crate::import::ImportOptions;
use crate::store::Store;

/// How far a job has come.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JobProgress {
    pub done: usize,
    pub total: usize,
    /// What it is working on (a file name).
    pub current: String,
}

impl JobProgress {
    pub fn fraction(&self) -> f32 {
        if self.total == 0 {
            0.0
        } else {
            self.done as f32 / self.total as f32
        }
    }
}

#[derive(Debug)]
pub enum JobOutcome {
    Imported(ImportReport),
    /// How many figures went to the file (or folder), and what its format could not hold.
    Exported(export::Exported, PathBuf),
    /// What the full check of the project file found (nothing: it is sound).
    Checked(Vec<String>),
    Cancelled,
    Failed(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    Import,
    Export,
    Check,
}

/// A job under way.
pub struct Job {
    pub kind: JobKind,
    progress: Arc<Mutex<JobProgress>>,
    cancel: Arc<AtomicBool>,
    outcome: Receiver<JobOutcome>,
}

impl Job {
    /// Imports `paths` into the project at `project` on a new thread. `wake` is
    /// called whenever there is news, so the window can repaint.
    pub fn import(
        project: PathBuf,
        reviewer: String,
        paths: Vec<PathBuf>,
        options: ImportOptions,
        wake: impl Fn() + Send + 'static,
    ) -> Job {
        let progress = Arc::new(Mutex::new(JobProgress::default()));
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, rx) = channel();
        let (p, c) = (progress.clone(), cancel.clone());
        std::thread::Builder::new()
            .name("tualek-import".into())
            .spawn(move || {
                let outcome = match Project::open(&project, &reviewer) {
                    Ok(mut project) => {
                        let report = project.import(&paths, &options, &mut |at| {
                            if let Ok(mut g) = p.lock() {
                                *g = JobProgress {
                                    done: at.done,
                                    total: at.total,
                                    current: at
                                        .path
                                        .file_name()
                                        .map(|n| n.to_string_lossy().into_owned())
                                        .unwrap_or_default(),
                                };
                            }
                            wake();
                            !c.load(Ordering::Relaxed)
                        });
                        match report {
                            Ok(r) => JobOutcome::Imported(r),
                            Err(e) => JobOutcome::Failed(e.to_string()),
                        }
                    }
                    Err(e) => JobOutcome::Failed(e.to_string()),
                };
                let _ = tx.send(outcome);
                wake();
            })
            .expect("spawning a thread");
        Job {
            kind: JobKind::Import,
            progress,
            cancel,
            outcome: rx,
        }
    }

    /// Writes the export `plan` describes to `out` on a new thread, with its own
    /// connection to the project (read only: an export changes nothing).
    pub fn export(
        project: PathBuf,
        plan: ExportPlan,
        out: PathBuf,
        wake: impl Fn() + Send + 'static,
    ) -> Job {
        let progress = Arc::new(Mutex::new(JobProgress::default()));
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, rx) = channel();
        let (p, c) = (progress.clone(), cancel.clone());
        let current = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        std::thread::Builder::new()
            .name("tualek-export".into())
            .spawn(move || {
                let mut tell = |done: usize, total: usize| {
                    if let Ok(mut g) = p.lock() {
                        *g = JobProgress {
                            done,
                            total,
                            current: current.clone(),
                        };
                    }
                    wake();
                    !c.load(Ordering::Relaxed)
                };
                let written = Store::open_read(&project)
                    .map_err(ExportError::from)
                    .and_then(|store| {
                        export::export_selection(
                            &store,
                            &plan.selection,
                            plan.format,
                            &out,
                            &mut tell,
                        )
                    });
                let outcome = match written {
                    Ok(done) => JobOutcome::Exported(done, out),
                    Err(ExportError::Cancelled) => JobOutcome::Cancelled,
                    Err(e) => JobOutcome::Failed(e.to_string()),
                };
                let _ = tx.send(outcome);
                wake();
            })
            .expect("spawning a thread");
        Job {
            kind: JobKind::Export,
            progress,
            cancel,
            outcome: rx,
        }
    }

    /// Runs the full check of the project file (every page, every reference,
    /// the schema: `tualek check`) on a new thread, with a connection of its
    /// own that reads only. It is O(file size), seconds on a big project, so
    /// never on the window's thread. SQLite cannot stop a check half-way:
    /// Cancel reports as soon as it is done, and nothing was changed anyway.
    pub fn check(project: PathBuf, wake: impl Fn() + Send + 'static) -> Job {
        let progress = Arc::new(Mutex::new(JobProgress {
            current: project
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            ..Default::default()
        }));
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, rx) = channel();
        let c = cancel.clone();
        std::thread::Builder::new()
            .name("tualek-check".into())
            .spawn(move || {
                let outcome = match Store::check(&project) {
                    _ if c.load(Ordering::Relaxed) => JobOutcome::Cancelled,
                    Ok(findings) => JobOutcome::Checked(findings),
                    Err(e) => JobOutcome::Failed(e.to_string()),
                };
                let _ = tx.send(outcome);
                wake();
            })
            .expect("spawning a thread");
        Job {
            kind: JobKind::Check,
            progress,
            cancel,
            outcome: rx,
        }
    }

    pub fn progress(&self) -> JobProgress {
        self.progress.lock().map(|g| g.clone()).unwrap_or_default()
    }

    /// Asks the job to stop; it rolls back and reports soon after.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelling(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// The outcome, once the job has finished.
    pub fn poll(&self) -> Option<JobOutcome> {
        match self.outcome.try_recv() {
            Ok(o) => Some(o),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                Some(JobOutcome::Failed("the job stopped unexpectedly".into()))
            }
        }
    }

    /// Waits for the outcome (for tests and headless use).
    pub fn wait(&self) -> JobOutcome {
        self.outcome
            .recv()
            .unwrap_or(JobOutcome::Failed("the job stopped unexpectedly".into()))
    }
}
