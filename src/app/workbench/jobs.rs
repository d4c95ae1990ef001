//! Long work (opening a project, import, export, the full check of the
//! project file) on a thread of its own, with progress and Cancel.
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
    /// The project, opened (or made) and ready to install.
    Opened(OpenedProject),
    Cancelled,
    Failed(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    Open,
    Import,
    Export,
    Check,
}

/// A project opened on a job's thread; the workbench takes the project
/// out when it installs it, and the path stays to say what was opened.
pub struct OpenedProject {
    pub path: PathBuf,
    project: Option<Box<Project>>,
}

impl OpenedProject {
    pub fn take(&mut self) -> Option<Project> {
        self.project.take().map(|p| *p)
    }
}

impl std::fmt::Debug for OpenedProject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "OpenedProject({})", self.path.display())
    }
}

/// A job under way.
pub struct Job {
    pub kind: JobKind,
    started: std::time::Instant,
    progress: Arc<Mutex<JobProgress>>,
    cancel: Arc<AtomicBool>,
    outcome: Receiver<JobOutcome>,
}

/// What a job's thread holds to tell the window how far it has come and to
/// hear a Cancel.
struct Reporter {
    progress: Arc<Mutex<JobProgress>>,
    cancel: Arc<AtomicBool>,
    wake: Box<dyn Fn() + Send>,
}

impl Reporter {
    /// Records how far the job has come and wakes the window; false once
    /// the user has asked it to stop.
    fn tell(&self, done: usize, total: usize, current: String) -> bool {
        if let Ok(mut g) = self.progress.lock() {
            *g = JobProgress {
                done,
                total,
                current,
            };
        }
        (self.wake)();
        !self.cancelled()
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// A file's name for the progress window.
fn name_of(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

impl Job {
    /// Runs `work` on a new thread named `name`; its outcome is sent back
    /// and the window woken.
    fn spawn(
        kind: JobKind,
        name: &str,
        current: String,
        wake: impl Fn() + Send + 'static,
        work: impl FnOnce(&Reporter) -> JobOutcome + Send + 'static,
    ) -> Job {
        let progress = Arc::new(Mutex::new(JobProgress {
            current,
            ..Default::default()
        }));
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, rx) = channel();
        let reporter = Reporter {
            progress: progress.clone(),
            cancel: cancel.clone(),
            wake: Box::new(wake),
        };
        std::thread::Builder::new()
            .name(name.into())
            .spawn(move || {
                let outcome = work(&reporter);
                let _ = tx.send(outcome);
                (reporter.wake)();
            })
            .expect("spawning a thread");
        Job {
            kind,
            started: std::time::Instant::now(),
            progress,
            cancel,
            outcome: rx,
        }
    }

    /// Opens the project at `project` (makes it, when `create`) on a new
    /// thread. Opening is quick, except for a file a crash left behind:
    /// then SQLite's quick check reads the whole file first (seconds on a
    /// big project), which must not freeze the window. A Cancel cannot stop
    /// the check; the project it opens is then closed again.
    pub fn open(
        project: PathBuf,
        reviewer: String,
        create: bool,
        wake: impl Fn() + Send + 'static,
    ) -> Job {
        Job::spawn(
            JobKind::Open,
            "tualek-open",
            name_of(&project),
            wake,
            move |r| {
                let opened = if create {
                    Project::create(&project, &reviewer)
                } else {
                    Project::open(&project, &reviewer)
                };
                match opened {
                    // A project made on request stays, Cancel or not.
                    _ if r.cancelled() && !create => JobOutcome::Cancelled,
                    Ok(p) => JobOutcome::Opened(OpenedProject {
                        path: project,
                        project: Some(Box::new(p)),
                    }),
                    Err(e) => JobOutcome::Failed(e.to_string()),
                }
            },
        )
    }

    /// Imports `paths` into the project at `project` on a new thread. `wake` is
    /// called whenever there is news, so the window can repaint.
    pub fn import(
        project: PathBuf,
        reviewer: String,
        paths: Vec<PathBuf>,
        options: ImportOptions,
        wake: impl Fn() + Send + 'static,
    ) -> Job {
        Job::spawn(
            JobKind::Import,
            "tualek-import",
            String::new(),
            wake,
            move |r| {
                let mut project = match Project::open(&project, &reviewer) {
                    Ok(p) => p,
                    Err(e) => return JobOutcome::Failed(e.to_string()),
                };
                let report = project.import(&paths, &options, &mut |at| {
                    r.tell(at.done, at.total, name_of(at.path))
                });
                match report {
                    Ok(r) => JobOutcome::Imported(r),
                    Err(e) => JobOutcome::Failed(e.to_string()),
                }
            },
        )
    }

    /// Writes the export `plan` describes to `out` on a new thread, with its own
    /// connection to the project (read only: an export changes nothing).
    pub fn export(
        project: PathBuf,
        plan: ExportPlan,
        out: PathBuf,
        wake: impl Fn() + Send + 'static,
    ) -> Job {
        let current = name_of(&out);
        Job::spawn(
            JobKind::Export,
            "tualek-export",
            current.clone(),
            wake,
            move |r| {
                let written = Store::open_read(&project)
                    .map_err(ExportError::from)
                    .and_then(|store| {
                        export::export_selection(
                            &store,
                            &plan.selection,
                            plan.format,
                            &out,
                            &mut |done, total| r.tell(done, total, current.clone()),
                        )
                    });
                match written {
                    Ok(done) => JobOutcome::Exported(done, out),
                    Err(ExportError::Cancelled) => JobOutcome::Cancelled,
                    Err(e) => JobOutcome::Failed(e.to_string()),
                }
            },
        )
    }

    /// Runs the full check of the project file (every page, every reference,
    /// the schema: `tualek check`) on a new thread, with a connection of its
    /// own that reads only. It is O(file size), seconds on a big project, so
    /// never on the window's thread. SQLite cannot stop a check half-way:
    /// Cancel reports as soon as it is done, and nothing was changed anyway.
    pub fn check(project: PathBuf, wake: impl Fn() + Send + 'static) -> Job {
        let current = name_of(&project);
        Job::spawn(
            JobKind::Check,
            "tualek-check",
            current,
            wake,
            move |r| match Store::check(&project) {
                _ if r.cancelled() => JobOutcome::Cancelled,
                Ok(findings) => JobOutcome::Checked(findings),
                Err(e) => JobOutcome::Failed(e.to_string()),
            },
        )
    }

    /// How long the job has been running.
    pub fn elapsed(&self) -> std::time::Duration {
        self.started.elapsed()
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
