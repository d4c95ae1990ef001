//! The workbench's state and the actions a user takes in it.
//!
//! The UI draws this state and sends [`Action`]s; [`Workbench::perform`] is
//! the one place they take effect. Edits become project [`Command`]s (each
//! persisted with its inverse, so undoable across restarts); navigation only
//! moves the view. Nothing here knows about egui.

mod jobs;
mod pane;
mod search;
mod tally;

pub use crate::app::links::{LinkedPair, Links};
pub use jobs::{Job, JobKind, JobOutcome, JobProgress};
pub use pane::{LoadedDoc, Pane};
pub use search::{SearchHit, search};

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::app::{AppError, Command, Decision, FigureFields, Project, Refusal, Settings};
use crate::import::ImportOptions;
use crate::model::{Change, DocId, DocumentMeta, Figure, FigureId, Relation, Row, Span, Status};
use crate::store::{FigureFilter, ReviewCounts};

/// What the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    OpenDocument {
        pane: usize,
        doc: DocId,
    },
    SelectFigure {
        pane: usize,
        figure: FigureId,
    },
    SelectText {
        pane: usize,
        span: Option<Span>,
    },
    FocusPane(usize),
    Next,
    Previous,
    NextUnreviewed,
    SwitchPane,
    Confirm,
    Reject,
    Fix {
        fields: FigureFields,
        note: Option<String>,
    },
    Reanchor,
    AddFromSelection,
    /// Link the figures selected in the two panes (a translation pair).
    LinkPanes,
    /// Link every figure of one pane to the one answering it in the other
    /// (see [`crate::app::align`]).
    LinkAllPanes,
    /// Bring a figure into view: selected where its document is shown, else
    /// opened in the other pane. The active pane stays active.
    ShowFigure(FigureId),
    Undo,
    Redo,
    ToggleTwoPanes,
}

impl Action {
    /// Whether the action writes to the project (and so waits while a job holds it).
    pub fn writes(&self) -> bool {
        matches!(
            self,
            Action::Confirm
                | Action::Reject
                | Action::Fix { .. }
                | Action::Reanchor
                | Action::AddFromSelection
                | Action::LinkPanes
                | Action::LinkAllPanes
                | Action::Undo
                | Action::Redo
        )
    }
}

/// A line for the status bar: what just happened, or what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A message id of the UI's translations, with one optional argument.
    Info(&'static str, Option<String>),
    /// A failure the UI's translations name (message id, optional argument).
    Failed(&'static str, Option<String>),
    /// A failure in words from elsewhere (the system, a file's parser).
    Error(String),
    /// A message id with a count (`$count`, for its plural) and a path or name (`$arg`).
    Counted(&'static str, usize, String),
}

impl Notice {
    /// The notice for an error: translated where the UI knows it, else its text.
    pub fn from_error(e: &AppError) -> Notice {
        use crate::store::StoreError as S;
        let path = |p: &Path| Some(p.display().to_string());
        match e {
            AppError::Refused(r) => Notice::Failed(r.message_id(), None),
            AppError::Store(s) => match s {
                S::NothingToUndo => Notice::Failed("error-nothing-to-undo", None),
                S::NothingToRedo => Notice::Failed("error-nothing-to-redo", None),
                S::Conflict(_) => Notice::Failed("error-conflict", None),
                S::Locked(p) => Notice::Failed("error-locked", path(p)),
                S::ReadOnly(p) => Notice::Failed("error-read-only", path(p)),
                S::NotFound(p) => Notice::Failed("error-no-such-project", path(p)),
                S::AlreadyExists(p) => Notice::Failed("error-already-exists", path(p)),
                S::NotTualek(p, _) => Notice::Failed("error-not-tualek", path(p)),
                S::TooNew { path: p, .. } => Notice::Failed("error-too-new", path(p)),
                S::Corrupt(p, _) => Notice::Failed("error-corrupt", path(p)),
                _ => Notice::Error(e.to_string()),
            },
            _ => Notice::Error(e.to_string()),
        }
    }
}

pub struct Workbench {
    pub project: Option<Project>,
    pub settings: Settings,
    settings_path: Option<PathBuf>,
    pub documents: Vec<DocumentMeta>,
    pub counts: HashMap<DocId, ReviewCounts>,
    /// The project's links, with both figures of each.
    pub links: Links,
    pub panes: [Pane; 2],
    pub active: usize,
    pub notice: Option<Notice>,
    pub job: Option<Job>,
    /// Edits made while a job holds the project, applied when it is done.
    pub queued: VecDeque<Action>,
    /// Actions applied since the project was opened (all of them saved).
    pub saved_actions: usize,
    reviewer: String,
    /// Asks for a repaint when commits reach the disk (set by the window).
    waker: Option<Arc<dyn Fn() + Send + Sync>>,
}

impl Workbench {
    /// A workbench with no project; settings are read from and saved to `settings_path`.
    pub fn new(settings_path: Option<PathBuf>, reviewer: &str) -> Workbench {
        let settings = settings_path
            .as_deref()
            .map(Settings::load)
            .unwrap_or_default();
        Workbench {
            project: None,
            settings,
            settings_path,
            documents: Vec::new(),
            counts: HashMap::new(),
            links: Links::default(),
            panes: Default::default(),
            active: 0,
            notice: None,
            job: None,
            queued: VecDeque::new(),
            saved_actions: 0,
            reviewer: reviewer.to_string(),
            waker: None,
        }
    }

    pub fn reviewer(&self) -> &str {
        &self.reviewer
    }

    /// Saves the settings; a failure becomes a notice, never a crash.
    pub fn save_settings(&mut self) {
        if let Some(path) = &self.settings_path
            && let Err(e) = self.settings.save(path)
        {
            self.notice = Some(Notice::Error(format!("{}: {e}", path.display())));
        }
    }

    /// Opens a project (creating it when `create`), remembering it as the latest.
    pub fn open_project(&mut self, path: &Path, create: bool) -> Result<(), AppError> {
        let project = if create {
            Project::create(path, &self.reviewer)?
        } else {
            Project::open(path, &self.reviewer)?
        };
        self.install(project);
        Ok(())
    }

    /// Opens the bundled sample project, creating it on first use.
    pub fn open_sample(&mut self) -> Result<(), AppError> {
        let project = Project::open_or_create_sample(&crate::app::sample_path(), &self.reviewer)?;
        self.install(project);
        Ok(())
    }

    /// Called whenever the project's latest commits have reached the disk.
    pub fn set_waker(&mut self, waker: Arc<dyn Fn() + Send + Sync>) {
        self.waker = Some(waker);
        self.hand_waker_to_flusher();
    }

    pub fn has_waker(&self) -> bool {
        self.waker.is_some()
    }

    fn hand_waker_to_flusher(&self) {
        if let (Some(w), Some(f)) = (
            &self.waker,
            self.project.as_ref().and_then(|p| p.store().flusher()),
        ) {
            let w = w.clone();
            f.set_waker(Box::new(move || w()));
        }
    }

    /// Whether every action so far is on disk (not just committed).
    pub fn is_saved(&self) -> bool {
        self.project.as_ref().is_none_or(|p| p.store().is_flushed())
    }

    /// Blocks until every action so far is on disk, or `timeout` passes.
    pub fn wait_until_saved(&self, timeout: std::time::Duration) -> bool {
        match self.project.as_ref().and_then(|p| p.store().flusher()) {
            Some(f) => f.wait(timeout),
            None => true,
        }
    }

    /// Turns a failure to make actions durable into a notice.
    pub fn poll_saved(&mut self) {
        if let Some(e) = self
            .project
            .as_ref()
            .and_then(|p| p.store().flusher())
            .and_then(|f| f.take_error())
        {
            self.notice = Some(Notice::Error(e));
        }
    }

    fn install(&mut self, mut project: Project) {
        // Frames must not wait for fsyncs; a flush thread makes each action
        // durable a few milliseconds after it commits. Should that fail to
        // start, actions still save, only with the fsync on the frame.
        if let Err(e) = project.defer_sync() {
            self.notice = Some(Notice::Error(e.to_string()));
        }
        self.settings.remember(project.store().path());
        self.project = Some(project);
        self.hand_waker_to_flusher();
        self.panes = Default::default();
        self.active = 0;
        self.saved_actions = 0;
        self.save_settings();
        self.refresh_documents();
        // Show the first two documents side by side, a Lao one first if there is one.
        let mut order: Vec<&DocumentMeta> = self.documents.iter().collect();
        order.sort_by_key(|d| (d.language.as_str() != "lo", d.id));
        let first: Vec<DocId> = order.iter().take(2).map(|d| d.id).collect();
        for (pane, doc) in first.into_iter().enumerate() {
            self.load_into(pane, doc);
        }
    }

    pub fn project_path(&self) -> Option<&Path> {
        self.project.as_ref().map(|p| p.store().path())
    }

    /// Re-reads the document list and review counts.
    pub fn refresh_documents(&mut self) {
        let Some(p) = &self.project else { return };
        match (
            p.store().documents(),
            p.store().review_counts(),
            Links::load(p.store()),
        ) {
            (Ok(docs), Ok(counts), Ok(links)) => {
                self.documents = docs;
                self.counts = counts;
                self.links = links;
            }
            (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
                self.notice = Some(Notice::Error(e.to_string()))
            }
        }
        // A pane whose document was removed (an undone import) is emptied.
        let present: Vec<DocId> = self.documents.iter().map(|d| d.id).collect();
        for pane in &mut self.panes {
            if pane
                .doc
                .as_ref()
                .is_some_and(|d| !present.contains(&d.meta.id))
            {
                *pane = Pane::default();
            }
        }
    }

    fn load_into(&mut self, pane: usize, doc: DocId) {
        let Some(p) = &self.project else { return };
        let loaded = p.store().document(doc).and_then(|d| {
            let figures = p.store().figures(&FigureFilter {
                document: Some(doc),
                statuses: vec![],
            })?;
            Ok(d.map(|d| LoadedDoc::new(d.meta, d.text, figures)))
        });
        match loaded {
            Ok(Some(d)) => {
                self.panes[pane] = Pane {
                    doc: Some(d),
                    ..Default::default()
                };
                self.panes[pane].step(0);
            }
            Ok(None) => self.notice = Some(Notice::Error(format!("document {doc} not found"))),
            Err(e) => self.notice = Some(Notice::Error(e.to_string())),
        }
    }

    pub fn active_pane(&self) -> &Pane {
        &self.panes[self.active]
    }

    /// Applies one action. Failures become a notice; nothing is half-done.
    pub fn perform(&mut self, action: Action) {
        if action.writes() && self.job.is_some() {
            self.queued.push_back(action);
            self.notice = Some(Notice::Info(
                "notice-queued",
                Some(self.queued.len().to_string()),
            ));
            return;
        }
        // Only moving through the figures drags the other pane along: a
        // figure picked there by hand (to link it, say) stays picked.
        let moves = matches!(
            action,
            Action::Next
                | Action::Previous
                | Action::NextUnreviewed
                | Action::Confirm
                | Action::Reject
                | Action::Fix { .. }
        );
        let before = (self.active, self.panes[self.active].selected);
        if let Err(e) = self.try_perform(action) {
            self.notice = Some(Notice::from_error(&e));
        }
        if moves && (self.active, self.panes[self.active].selected) != before {
            self.follow_links();
        }
    }

    /// When the active pane's selection has a linked figure in the other
    /// pane, selects that one too: a translation's figure beside its original.
    /// (Only on moves through the figures, see `perform`.)
    fn follow_links(&mut self) {
        if !self.settings.two_panes {
            return;
        }
        let (active, other) = (self.active, 1 - self.active);
        let Some(selected) = self.panes[active].selected else {
            return;
        };
        let Some(other_doc) = self.panes[other].doc.as_ref().map(|d| d.meta.id) else {
            return;
        };
        let partner = self
            .links
            .of(selected)
            .filter_map(|p| p.other(selected))
            .find(|f| f.document == other_doc)
            .map(|f| f.id);
        if let Some(id) = partner
            && self.panes[other].selected != Some(id)
        {
            self.panes[other].select(Some(id));
        }
    }

    /// A figure as the workbench knows it: from a loaded pane, else the project.
    pub fn find_figure(&self, id: FigureId) -> Option<Figure> {
        self.panes
            .iter()
            .filter_map(|p| p.doc.as_ref()?.figure(id))
            .next()
            .cloned()
            .or_else(|| self.project.as_ref()?.store().figure(id).ok().flatten())
    }

    fn try_perform(&mut self, action: Action) -> Result<(), AppError> {
        let pane = self.active;
        match action {
            Action::OpenDocument { pane, doc } => {
                self.load_into(pane.min(1), doc);
                self.active = pane.min(1);
            }
            Action::SelectFigure { pane, figure } => {
                self.active = pane.min(1);
                self.panes[self.active].select(Some(figure));
            }
            Action::SelectText { pane, span } => {
                self.active = pane.min(1);
                self.panes[self.active].text_selection = span.filter(|s| !s.is_empty());
            }
            Action::FocusPane(p) => self.active = p.min(1),
            Action::ShowFigure(id) => self.show_figure(id)?,
            Action::Next => self.panes[pane].step(1),
            Action::Previous => self.panes[pane].step(-1),
            Action::NextUnreviewed => {
                if !self.panes[pane].next_unreviewed() {
                    self.notice = Some(Notice::Info("notice-all-reviewed", None));
                }
            }
            Action::SwitchPane => {
                if self.settings.two_panes {
                    self.active = 1 - self.active;
                }
            }
            Action::ToggleTwoPanes => {
                self.settings.two_panes = !self.settings.two_panes;
                if !self.settings.two_panes {
                    self.active = 0;
                }
                self.save_settings();
            }
            Action::Confirm | Action::Reject | Action::Fix { .. } => {
                let figure = self.selected_id()?;
                let (decision, note) = match action {
                    Action::Confirm => (Decision::Confirm, None),
                    Action::Reject => (Decision::Reject, None),
                    Action::Fix { fields, note } => (Decision::Fix(fields), note),
                    _ => unreachable!("matched above"),
                };
                self.execute(Command::Review {
                    figure,
                    decision,
                    note,
                })?;
                // Moving on is what a reviewer does next.
                if matches!(self.panes[pane].selected_figure().map(|f| f.status), Some(s) if s.is_reviewed())
                {
                    self.panes[pane].next_unreviewed();
                }
            }
            Action::Reanchor => {
                let figure = self.selected_id()?;
                let span = self.text_selection()?;
                self.execute(Command::Reanchor { figure, span })?;
                self.panes[pane].text_selection = None;
            }
            Action::AddFromSelection => {
                let span = self.text_selection()?;
                let document = self.panes[pane]
                    .doc
                    .as_ref()
                    .map(|d| d.meta.id)
                    .ok_or(Refusal::NoDocument)?;
                let fields = self.guess_fields(pane, span);
                let done = self.execute(Command::Add {
                    document,
                    span,
                    fields,
                    note: None,
                })?;
                self.panes[pane].text_selection = None;
                self.panes[pane].select(done);
            }
            Action::LinkPanes => {
                let ids: Vec<FigureId> = self.panes.iter().filter_map(|p| p.selected).collect();
                let [a, b] = ids[..] else {
                    return Err(Refusal::SelectInBothPanes.into());
                };
                self.execute(Command::Link {
                    a,
                    b,
                    relation: Relation::Translation,
                })?;
            }
            Action::LinkAllPanes => {
                let [Some(a), Some(b)] = [&self.panes[0].doc, &self.panes[1].doc] else {
                    return Err(Refusal::OpenBothPanes.into());
                };
                if a.meta.id == b.meta.id {
                    return Err(Refusal::SameDocument.into());
                }
                let pairs = crate::app::align::align(&a.figures, &b.figures);
                let before = self.links.len();
                self.execute(Command::LinkAll {
                    pairs,
                    relation: Relation::Translation,
                })?;
                let made = self.links.len().saturating_sub(before);
                self.notice = Some(Notice::Info("notice-linked-all", Some(made.to_string())));
            }
            Action::Undo | Action::Redo => {
                let project = self.project.as_mut().ok_or_else(no_project)?;
                let (entry, undo) = match action {
                    Action::Undo => (project.undo()?, true),
                    _ => (project.redo()?, false),
                };
                let rows: Vec<Change> = entry
                    .changes
                    .iter()
                    .map(|c| if undo { c.inverse() } else { c.clone() })
                    .collect();
                self.absorb(&rows);
                self.saved_actions += 1;
                let id = if undo {
                    "notice-undone"
                } else {
                    "notice-redone"
                };
                self.notice = Some(Notice::Info(id, Some(entry.summary)));
            }
        }
        Ok(())
    }

    fn show_figure(&mut self, id: FigureId) -> Result<(), AppError> {
        let figure = self
            .find_figure(id)
            .ok_or_else(|| AppError::NotFound(format!("figure {id}")))?;
        let shown = self
            .panes
            .iter()
            .position(|p| p.doc.as_ref().is_some_and(|d| d.meta.id == figure.document));
        let pane = match shown {
            Some(pane) => pane,
            None => {
                let pane = if self.settings.two_panes {
                    1 - self.active
                } else {
                    self.active
                };
                self.load_into(pane, figure.document);
                pane
            }
        };
        self.panes[pane].select(Some(id));
        Ok(())
    }

    fn selected_id(&self) -> Result<FigureId, AppError> {
        self.panes[self.active]
            .selected
            .ok_or(Refusal::SelectFigure.into())
    }

    fn text_selection(&self) -> Result<Span, AppError> {
        self.panes[self.active]
            .text_selection
            .ok_or(Refusal::SelectText.into())
    }

    /// Kind and value for a figure added from a selection: from the extractor
    /// when it reads the selected text, else left for the reviewer to fill in.
    fn guess_fields(&self, pane: usize, span: Span) -> FigureFields {
        let Some(doc) = &self.panes[pane].doc else {
            return FigureFields::default();
        };
        let text = &doc.text[doc.bytes(span)];
        match crate::extract::extract(text)
            .into_iter()
            .find(|f| f.start == 0 && f.end == text.len())
        {
            Some(f) => FigureFields {
                kind: Some(f.kind),
                value: f.value,
                value_max: f.value_max,
                unit: f.unit,
            },
            None => FigureFields::default(),
        }
    }

    /// Runs a command and brings the panes and counts in step with what it changed.
    /// Returns the id of the first row it wrote.
    fn execute(&mut self, command: Command) -> Result<Option<i64>, AppError> {
        let project = self.project.as_mut().ok_or_else(no_project)?;
        let done = project.execute(command)?;
        self.absorb(&done.changes);
        self.saved_actions += 1;
        Ok(done.first_id())
    }

    /// Applies changed rows to the loaded documents and the review counts.
    fn absorb(&mut self, changes: &[Change]) {
        let mut documents_changed = false;
        let figure = |row: &Option<Row>| match row {
            Some(Row::Figure(f)) => Some(f.clone()),
            _ => None,
        };
        for change in changes {
            if matches!(change.row(), Some(Row::Document(_))) {
                documents_changed = true;
                continue;
            }
            if let Some(Row::Link(any)) = change.row() {
                let after = match &change.after {
                    Some(Row::Link(l)) => Some(l),
                    _ => None,
                };
                let mut links = std::mem::take(&mut self.links);
                links.link_changed(any.id, after, |id| self.find_figure(id));
                self.links = links;
                continue;
            }
            let (before, after) = (figure(&change.before), figure(&change.after));
            let Some(any) = after.as_ref().or(before.as_ref()).cloned() else {
                continue; // a link: nothing shown changes
            };
            if let Some(f) = &before {
                self.count(f.document, f.status, -1);
            }
            if let Some(f) = &after {
                self.count(f.document, f.status, 1);
            }
            self.links.figure_changed(any.id, after.as_ref());
            for pane in &mut self.panes {
                if let Some(doc) = pane.doc.as_mut().filter(|d| d.meta.id == any.document) {
                    doc.apply(any.id, after.as_ref());
                    if after.is_none() && pane.selected == Some(any.id) {
                        pane.selected = None;
                    }
                }
            }
        }
        if documents_changed {
            self.refresh_documents();
        }
    }

    fn count(&mut self, doc: DocId, status: Status, delta: isize) {
        if status == Status::Stale {
            return;
        }
        let c = self.counts.entry(doc).or_default();
        c.total = (c.total as isize + delta).max(0) as usize;
        if status.is_reviewed() {
            c.reviewed = (c.reviewed as isize + delta).max(0) as usize;
        }
    }

    /// Starts importing files in the background.
    pub fn start_import(&mut self, paths: Vec<PathBuf>, wake: impl Fn() + Send + 'static) {
        if self.job.is_some() {
            self.notice = Some(Notice::Info("notice-busy", None));
            return;
        }
        let Some(path) = self.project_path().map(Path::to_path_buf) else {
            self.notice = Some(Notice::from_error(&no_project()));
            return;
        };
        self.job = Some(Job::import(
            path,
            self.reviewer.clone(),
            paths,
            ImportOptions::default(),
            wake,
        ));
    }

    /// Collects a finished job's outcome and replays the edits made meanwhile.
    pub fn poll_job(&mut self) -> Option<JobOutcome> {
        let outcome = self.job.as_ref()?.poll()?;
        self.job = None;
        match &outcome {
            JobOutcome::Imported(report) if report.cancelled => {
                self.notice = Some(Notice::Info("notice-import-cancelled", None));
            }
            JobOutcome::Imported(report) => {
                self.refresh_documents();
                self.notice = Some(match report.refused.first() {
                    Some((path, why)) => Notice::Error(format!("{}: {why}", path.display())),
                    None => Notice::Info("notice-imported", Some(report.added.len().to_string())),
                });
                // Show what arrived when a pane is free.
                for (_, id) in &report.added {
                    if let Some(free) = self.panes.iter().position(|p| p.doc.is_none()) {
                        self.load_into(free, *id);
                    }
                }
            }
            JobOutcome::Failed(e) => self.notice = Some(Notice::Error(e.clone())),
        }
        while let Some(action) = self.queued.pop_front() {
            self.perform(action);
        }
        Some(outcome)
    }
}

fn no_project() -> AppError {
    Refusal::NoProject.into()
}
