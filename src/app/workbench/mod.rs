//! The workbench's state and the actions a user takes in it.
//!
//! The UI draws this state and sends [`Action`]s; [`Workbench::perform`] is
//! the one place they take effect. Edits become project [`Command`]s (each
//! persisted with its inverse, so undoable across restarts); navigation only
//! moves the view. Nothing here knows about egui.

mod annotations;
mod claims;
mod jobs;
mod linking;
mod pane;
mod qa;
pub mod report;
mod search;
mod tally;

pub use crate::app::links::{LinkedPair, Links};
pub use claims::{ClaimFilter, ClaimShow, ClaimsView, default_pair};
pub use jobs::{Job, JobKind, JobOutcome, JobProgress, OpenedProject};
pub use pane::{LoadedDoc, Pane, PaneId, Panes, PerPane};
pub use qa::{QaShow, QaView};
pub use search::{SearchHit, search};

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::app::{AppError, Command, Decision, FigureFields, Project, Refusal, Settings};
use crate::import::ImportOptions;
use crate::model::{
    Change, DocId, DocumentMeta, Figure, FigureId, Language, LinkId, Relation, Row, Span, Status,
};
use crate::store::{FigureFilter, ReviewCounts};

/// What the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    OpenDocument {
        pane: PaneId,
        doc: DocId,
    },
    SelectFigure {
        pane: PaneId,
        figure: FigureId,
    },
    SelectText {
        pane: PaneId,
        span: Option<Span>,
    },
    FocusPane(PaneId),
    /// Open `doc` in the active pane and bring a stretch of its text into
    /// view, selected (a search hit).
    ShowText {
        doc: DocId,
        span: Span,
    },
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
    /// A decision with the reviewer's note (Confirm and Reject with a note
    /// typed in the inspector); `None` keeps the note there is.
    Review {
        decision: Decision,
        note: Option<String>,
    },
    /// Sets a figure's note alone; its status stays.
    SetNote {
        figure: FigureId,
        note: String,
    },
    Reanchor,
    AddFromSelection,
    /// Link the figures selected in the two panes (a translation pair).
    LinkPanes,
    /// Link every figure of one pane to the one answering it in the other
    /// (see [`crate::align`]).
    LinkAllPanes,
    /// Bring a figure into view: selected where its document is shown, else
    /// opened in the other pane. The active pane stays active.
    ShowFigure(FigureId),
    Undo,
    Redo,
    ToggleTwoPanes,
    /// View settings: remembered in the settings file, like
    /// [`Action::ToggleTwoPanes`], and never in the project's history.
    SetDark(bool),
    /// Change the zoom by this step (see [`Settings::zoomed`]); 0 resets it.
    Zoom(f32),
    SetLocale(crate::i18n::Locale),
    /// Lao digits in the UI's numbers (when it is in Lao).
    SetLaoDigits(bool),
    /// The relation L and Shift+L give new links; `None`: by the languages.
    ChooseLinkRelation(Option<Relation>),
    /// Change how an existing link's figures relate (undoable).
    SetLinkRelation {
        link: LinkId,
        relation: Relation,
    },
    /// Remove a link (undoable).
    Unlink(LinkId),
    /// Select the next (previous) figure of the active pane whose link
    /// disagrees, and its partner in the other pane.
    NextDisagreement,
    PreviousDisagreement,
    /// Bring both figures of a link into view, one in each pane.
    ShowLink(LinkId),
    /// Rename a document and/or set its language (`None` keeps it).
    SetDocument {
        doc: DocId,
        title: Option<String>,
        language: Option<Language>,
    },
    /// Split the document of `pane` at the start of the line holding `at`
    /// (a code point), else of the line where the pane's text selection begins.
    SplitDocument {
        pane: PaneId,
        at: Option<usize>,
    },
    /// Open or close the Claims panel.
    ToggleClaims,
    /// Select a claim and show two of its mentions side by side.
    SelectClaim(crate::claims::ClaimId),
    /// Select the next (previous) claim the panel's filter lets through.
    NextClaim,
    PreviousClaim,
    SetClaimFilter(ClaimFilter),
    /// Show these two mentions of the selected claim side by side.
    ShowClaimMentions {
        a: FigureId,
        b: FigureId,
    },
    /// Accept the selected claim: its figures become `same` links (undoable).
    AcceptClaim,
    /// Dismiss the selected claim: never proposed again (undoable).
    DismissClaim,
    /// Take a figure out of the selected claim; `None`: the figure selected
    /// in the active pane (undoable).
    SplitClaim(Option<FigureId>),
    /// Join another claim to the selected one (undoable).
    MergeClaim(crate::claims::ClaimId),
    /// Set (an empty note: clear) the note on a claim (undoable).
    NoteClaim {
        claim: crate::claims::ClaimId,
        note: String,
    },
    /// Open or close the translation QA view (on the panes' pair, see
    /// [`Workbench::default_qa_pair`]).
    ToggleQa,
    /// Open the QA view on this pair.
    OpenQa {
        source: DocId,
        target: DocId,
    },
    /// Which segments the QA view lists.
    SetQaShow(QaShow),
    /// Select a segment and show it in the two panes.
    SelectSegment(u32),
    /// Select the next (previous) flagged segment, wrapping around.
    NextProblem,
    PreviousProblem,
    /// Accept a flagged segment (`None`: the selected one) with a note, or
    /// set the note of an accepted one (undoable).
    AcceptSegment {
        number: Option<u32>,
        note: Option<String>,
    },
    /// Flag an accepted segment again (undoable).
    UnacceptSegment {
        number: Option<u32>,
    },
}

impl Action {
    /// Whether the action writes to the project (and so waits while a job holds it).
    pub fn writes(&self) -> bool {
        matches!(
            self,
            Action::Confirm
                | Action::Reject
                | Action::Fix { .. }
                | Action::Review { .. }
                | Action::SetNote { .. }
                | Action::Reanchor
                | Action::AddFromSelection
                | Action::LinkPanes
                | Action::LinkAllPanes
                | Action::Undo
                | Action::Redo
                | Action::SetLinkRelation { .. }
                | Action::Unlink(_)
                | Action::SetDocument { .. }
                | Action::SplitDocument { .. }
                | Action::AcceptClaim
                | Action::DismissClaim
                | Action::SplitClaim(_)
                | Action::MergeClaim(_)
                | Action::NoteClaim { .. }
                | Action::AcceptSegment { .. }
                | Action::UnacceptSegment { .. }
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
    /// An action undone or redone: its stable name (`review.confirm`) and
    /// what it acted on (a figure's text, a count), for the UI to word.
    History {
        undone: bool,
        action: String,
        subject: String,
    },
    /// A message id whose text depends on a count (`$count`, for its
    /// plural), with an optional path or name (`$arg`).
    Count(&'static str, usize, Option<String>),
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
    /// The project's claims across sources, and the Claims panel's state.
    pub claims: ClaimsView,
    /// The translation QA view's state (one document pair's number check).
    pub qa: QaView,
    pub panes: Panes,
    pub active: PaneId,
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
            claims: ClaimsView::default(),
            qa: QaView::default(),
            panes: Panes::default(),
            active: PaneId::Left,
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

    /// Puts a line in the status bar (what the window itself has to say:
    /// a dialog it could not show, a file dropped with no project open).
    pub fn notify(&mut self, notice: Notice) {
        self.notice = Some(notice);
    }

    /// Saves the settings; a failure becomes a notice, never a crash.
    pub fn save_settings(&mut self) {
        if let Some(path) = &self.settings_path
            && let Err(e) = self.settings.save(path)
        {
            self.notice = Some(Notice::Error(format!("{}: {e}", path.display())));
        }
    }

    /// Opens a project (creating it when `create`), remembering it as the latest,
    /// on this thread: for headless use and tests. The window opens projects
    /// with [`Workbench::start_open`].
    pub fn open_project(&mut self, path: &Path, create: bool) -> Result<(), AppError> {
        let project = if create {
            Project::create(path, &self.reviewer)?
        } else {
            Project::open(path, &self.reviewer)?
        };
        self.install(project);
        Ok(())
    }

    /// Opens (or makes) a project on a thread of its own; it replaces the
    /// open one when ready ([`Workbench::poll_job`]). What the window does:
    /// a file a crash left behind is checked first, which can take seconds.
    pub fn start_open(&mut self, path: PathBuf, create: bool, wake: impl Fn() + Send + 'static) {
        if self.job.is_some() {
            self.notice = Some(Notice::Info("notice-busy", None));
            return;
        }
        self.job = Some(Job::open(path, self.reviewer.clone(), create, wake));
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
        self.panes = Panes::default();
        self.active = PaneId::Left;
        self.saved_actions = 0;
        self.save_settings();
        self.refresh_documents();
        self.claims.selected = None;
        self.refresh_claims(None);
        self.qa = QaView::default();
        // Show the first two documents side by side, a Lao one first if there is one.
        let mut order: Vec<&DocumentMeta> = self.documents.iter().collect();
        order.sort_by_key(|d| (d.language.as_str() != "lo", d.id));
        let first: Vec<DocId> = order.iter().take(2).map(|d| d.id).collect();
        for (pane, doc) in PaneId::ALL.into_iter().zip(first) {
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

    fn load_into(&mut self, pane: PaneId, doc: DocId) {
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
        // Only an import writes the project beside the window; the other
        // jobs read it, or open another project, so edits go ahead.
        let importing = self.job.as_ref().is_some_and(|j| j.kind == JobKind::Import);
        if action.writes() && importing {
            self.queued.push_back(action);
            self.notice = Some(Notice::Count("notice-queued", self.queued.len(), None));
            return;
        }
        // Only moving through the figures drags the other pane along, and
        // not where the reviewer picked a figure by hand (to link it, say):
        // that stays until the reviewer goes back to that pane.
        let moves = matches!(
            action,
            Action::Next
                | Action::Previous
                | Action::NextUnreviewed
                | Action::Confirm
                | Action::Reject
                | Action::Fix { .. }
                | Action::Review { .. }
                | Action::Undo
                | Action::Redo
        );
        let before = (self.active, self.panes[self.active].selected);
        if let Err(e) = self.try_perform(action) {
            self.notice = Some(Notice::from_error(&e));
        }
        if moves && (self.active, self.panes[self.active].selected) != before {
            self.panes[self.active].hand_picked = false;
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
        let (active, other) = (self.active, self.active.other());
        let Some(selected) = self.panes[active].selected else {
            return;
        };
        if self.panes[other].hand_picked {
            return;
        }
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
                self.load_into(pane, doc);
                self.active = pane;
            }
            Action::SelectFigure { pane, figure } => {
                self.enter_pane(pane);
                self.panes[self.active].select(Some(figure));
                self.panes[self.active].hand_picked = true;
            }
            Action::SelectText { pane, span } => {
                self.enter_pane(pane);
                self.panes[self.active].text_selection = span.filter(|s| !s.is_empty());
            }
            Action::FocusPane(p) => self.enter_pane(p),
            Action::ShowText { doc, span } => {
                self.load_into(pane, doc);
                self.panes[pane].show_text(span);
            }
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
                    self.enter_pane(self.active.other());
                }
            }
            Action::ToggleTwoPanes => {
                self.settings.two_panes = !self.settings.two_panes;
                if !self.settings.two_panes {
                    self.active = PaneId::Left;
                }
                self.save_settings();
            }
            Action::Confirm | Action::Reject | Action::Fix { .. } | Action::Review { .. } => {
                let figure = self.selected_id()?;
                let (decision, note) = match action {
                    Action::Confirm => (Decision::Confirm, None),
                    Action::Reject => (Decision::Reject, None),
                    Action::Fix { fields, note } => (Decision::Fix(fields), note),
                    Action::Review { decision, note } => (decision, note),
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
            Action::SetNote { figure, note } => {
                self.execute(Command::Note {
                    figure,
                    note: Some(note),
                })?;
                self.notice = Some(Notice::Info("notice-note-saved", None));
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
                let relation = self.new_link_relation()?;
                self.execute(Command::Link { a, b, relation })?;
                self.notice = Some(Notice::Info(linking::linked_notice(relation), None));
            }
            Action::LinkAllPanes => {
                let [Some(a), Some(b)] = PaneId::ALL.map(|p| &self.panes[p].doc) else {
                    return Err(Refusal::OpenBothPanes.into());
                };
                if a.meta.id == b.meta.id {
                    return Err(Refusal::SameDocument.into());
                }
                let (a, b) = (a.meta.id, b.meta.id);
                let relation = self.new_link_relation()?;
                let project = self.project.as_ref().ok_or(Refusal::NoProject)?;
                let pairs = project.figure_pairs(a, b, relation)?;
                let before = self.links.len();
                self.execute(Command::LinkAll { pairs, relation })?;
                let made = self.links.len().saturating_sub(before);
                self.notice = Some(Notice::Count(
                    linking::linked_all_notice(relation),
                    made,
                    None,
                ));
            }
            Action::ChooseLinkRelation(relation) => {
                self.settings.link_relation = relation;
                self.save_settings();
            }
            Action::SetDark(dark) => {
                self.settings.dark = dark;
                self.save_settings();
            }
            Action::Zoom(step) => {
                self.settings.zoom = self.settings.zoomed(step);
                self.save_settings();
            }
            Action::SetLocale(locale) => {
                self.settings.locale = locale;
                self.save_settings();
            }
            Action::SetLaoDigits(on) => {
                self.settings.lao_digits = on;
                self.save_settings();
            }
            Action::SetLinkRelation { link, relation } => {
                self.execute(Command::SetLinkRelation { link, relation })?;
                self.notice = Some(Notice::Info(linking::relation_notice(relation), None));
            }
            Action::Unlink(link) => {
                self.execute(Command::Unlink { link })?;
                self.notice = Some(Notice::Info("notice-unlinked", None));
            }
            Action::NextDisagreement => self.step_disagreement(true)?,
            Action::PreviousDisagreement => self.step_disagreement(false)?,
            Action::ShowLink(link) => self.show_link(link)?,
            Action::SetDocument {
                doc,
                title,
                language,
            } => {
                self.execute(Command::SetDocument {
                    document: doc,
                    title,
                    language,
                })?;
            }
            Action::SplitDocument { pane, at } => self.split(pane, at)?,
            Action::ToggleClaims
            | Action::SelectClaim(_)
            | Action::NextClaim
            | Action::PreviousClaim
            | Action::SetClaimFilter(_)
            | Action::ShowClaimMentions { .. } => self.claim_navigation(action)?,
            Action::AcceptClaim
            | Action::DismissClaim
            | Action::SplitClaim(_)
            | Action::MergeClaim(_)
            | Action::NoteClaim { .. } => self.claim_command(action)?,
            Action::ToggleQa
            | Action::OpenQa { .. }
            | Action::SetQaShow(_)
            | Action::SelectSegment(_)
            | Action::NextProblem
            | Action::PreviousProblem => self.qa_navigation(action)?,
            Action::AcceptSegment { .. } | Action::UnacceptSegment { .. } => {
                self.qa_command(action)?
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
                self.notice = Some(Notice::History {
                    undone: undo,
                    action: entry.action.clone(),
                    subject: subject_of(&rows),
                });
                // The reviewer sees what the undo or redo touched.
                if let Some(f) = rows.iter().find_map(|c| match &c.after {
                    Some(Row::Figure(f)) => Some(f.clone()),
                    _ => None,
                }) {
                    self.reveal(&f);
                }
            }
        }
        Ok(())
    }

    /// Selects a figure where its document is shown (making that pane
    /// active), else opens its document in the active pane.
    fn reveal(&mut self, f: &Figure) {
        let pane = match self.panes.showing(f.document) {
            Some(pane) => pane,
            None => {
                self.load_into(self.active, f.document);
                self.active
            }
        };
        self.active = pane;
        self.panes[pane].select(Some(f.id));
    }

    /// Splits a pane's document at a line start; the new part is shown in the other pane.
    fn split(&mut self, pane: PaneId, at: Option<usize>) -> Result<(), AppError> {
        let doc = self.panes[pane].doc.as_ref().ok_or(Refusal::NoDocument)?;
        let at = at
            .or(self.panes[pane].text_selection.map(|s| s.start))
            .ok_or(Refusal::SplitWhere)?;
        let cut = crate::app::documents::line_start(&doc.text, at);
        if cut == 0 {
            return Err(Refusal::SplitFirstLine.into());
        }
        let document = doc.meta.id;
        let done = self.run(Command::Split {
            document,
            at: cut,
            language_after: None,
        })?;
        self.panes[pane].text_selection = None;
        if let Some(new) = done.created_document() {
            // Beside the first part when there are two panes; with one, the
            // first part stays in view and the new one is in the list.
            if self.settings.two_panes {
                self.load_into(pane.other(), new);
            }
            self.active = pane;
            let title = self
                .documents
                .iter()
                .find(|d| d.id == new)
                .map(|d| d.title.clone());
            self.notice = Some(Notice::Info("notice-split", title));
        }
        Ok(())
    }

    fn show_figure(&mut self, id: FigureId) -> Result<(), AppError> {
        let figure = self
            .find_figure(id)
            .ok_or_else(|| AppError::NotFound(format!("figure {id}")))?;
        let pane = match self.panes.showing(figure.document) {
            Some(pane) => pane,
            None => {
                let pane = if self.settings.two_panes {
                    self.active.other()
                } else {
                    self.active
                };
                self.load_into(pane, figure.document);
                pane
            }
        };
        self.panes[pane].select(Some(id));
        // Shown on request, as following would: no hand pick to keep.
        self.panes[pane].hand_picked = false;
        Ok(())
    }

    /// Makes `pane` the active one. Coming back to a pane lets go of the
    /// figure picked there by hand: J/K in the other pane drag it along again.
    fn enter_pane(&mut self, pane: PaneId) {
        if pane != self.active {
            self.panes[pane].hand_picked = false;
            self.active = pane;
        }
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
    fn guess_fields(&self, pane: PaneId, span: Span) -> FigureFields {
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
        Ok(self.run(command)?.first_id())
    }

    /// Runs a command and brings the panes and counts in step; returns all it did.
    fn run(&mut self, command: Command) -> Result<crate::app::Executed, AppError> {
        let project = self.project.as_mut().ok_or_else(no_project)?;
        let done = project.execute(command)?;
        self.absorb(&done.changes);
        self.saved_actions += 1;
        Ok(done)
    }

    /// Applies changed rows to the loaded documents and the review counts.
    fn absorb(&mut self, changes: &[Change]) {
        let mut documents_changed = Vec::new();
        let figure = |row: &Option<Row>| match row {
            Some(Row::Figure(f)) => Some(f.clone()),
            _ => None,
        };
        for change in changes {
            if let Some(Row::Document(d)) = change.row() {
                documents_changed.push(d.id);
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
            // A figure can move to another document (a split): both hear of it.
            let moved_from = before.as_ref().map(|f| f.document);
            for pane in &mut self.panes {
                if let Some(doc) = pane
                    .doc
                    .as_mut()
                    .filter(|d| d.meta.id == any.document || Some(d.meta.id) == moved_from)
                {
                    doc.apply(any.id, after.as_ref());
                    if after.is_none() && pane.selected == Some(any.id) {
                        pane.selected = None;
                    }
                }
            }
        }
        if !documents_changed.is_empty() {
            self.refresh_documents();
            self.reload_panes_of(&documents_changed);
        }
        self.refresh_claims(Some(changes));
        self.refresh_qa(Some(changes));
    }

    /// Brings the panes showing these documents up to date: a new title or
    /// language in place; a new text (a split, its undo) loaded again, keeping
    /// the selection where the figure is still there.
    fn reload_panes_of(&mut self, docs: &[DocId]) {
        for pane in PaneId::ALL {
            let Some(shown) = self.panes[pane].doc.as_ref().map(|d| d.meta.clone()) else {
                continue;
            };
            let Some(now) = self.documents.iter().find(|d| d.id == shown.id).cloned() else {
                continue;
            };
            if !docs.contains(&shown.id) {
                continue;
            }
            if now.sha256 == shown.sha256 {
                if let Some(doc) = self.panes[pane].doc.as_mut() {
                    doc.meta = now;
                }
                continue;
            }
            let selected = self.panes[pane].selected;
            self.load_into(pane, shown.id);
            if let Some(f) = selected
                && self.panes[pane]
                    .doc
                    .as_ref()
                    .is_some_and(|d| d.figure(f).is_some())
            {
                self.panes[pane].select(Some(f));
            }
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
        let Some(path) = self.project_for_job() else {
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

    /// The project file a new background job works on; `None`, with the
    /// notice saying why, when a job is under way or no project is open.
    fn project_for_job(&mut self) -> Option<PathBuf> {
        if self.job.is_some() {
            self.notice = Some(Notice::Info("notice-busy", None));
            return None;
        }
        let path = self.project_path().map(Path::to_path_buf);
        if path.is_none() {
            self.notice = Some(Notice::from_error(&no_project()));
        }
        path
    }

    /// Starts writing an export planned in the export window, with progress and Cancel.
    pub fn start_export(
        &mut self,
        out: PathBuf,
        plan: crate::export::ExportPlan,
        wake: impl Fn() + Send + 'static,
    ) {
        let Some(path) = self.project_for_job() else {
            return;
        };
        self.job = Some(Job::export(path, plan, out, wake));
    }

    /// Starts the full check of the open project's file (File → Check project file).
    pub fn start_check(&mut self, wake: impl Fn() + Send + 'static) {
        let Some(path) = self.project_for_job() else {
            return;
        };
        self.job = Some(Job::check(path, wake));
    }

    /// Collects a finished job's outcome and replays the edits made meanwhile.
    pub fn poll_job(&mut self) -> Option<JobOutcome> {
        let job = self.job.as_ref()?;
        let (mut outcome, kind) = (job.poll()?, job.kind);
        self.job = None;
        if let JobOutcome::Opened(opened) = &mut outcome {
            if let Some(project) = opened.take() {
                self.notice = None;
                self.install(project);
            }
            return Some(outcome);
        }
        match &outcome {
            JobOutcome::Imported(report) if report.cancelled => {
                self.notice = Some(Notice::Info("notice-import-cancelled", None));
            }
            JobOutcome::Imported(report) => {
                self.refresh_documents();
                self.refresh_claims(None);
                self.refresh_qa(None);
                self.notice = Some(match report.refused.first() {
                    Some((path, why)) => Notice::Error(format!("{}: {why}", path.display())),
                    None => Notice::Count("notice-imported", report.added.len(), None),
                });
                // Show what arrived when a pane is free.
                for (_, id) in &report.added {
                    if let Some(free) = self.panes.empty() {
                        self.load_into(free, *id);
                    }
                }
            }
            JobOutcome::Exported(done, path) => {
                // What the format could not hold follows where it went.
                let mut place = path.display().to_string();
                for note in &done.notes {
                    place = format!("{place}; {note}");
                }
                let notice = Notice::Count("notice-exported-figures", done.figures, Some(place));
                self.notice = Some(notice);
            }
            JobOutcome::Opened(_) => {}
            JobOutcome::Checked(findings) => {
                self.notice = Some(match findings.first() {
                    None => Notice::Info("notice-check-ok", None),
                    Some(first) => Notice::Failed("notice-check-damaged", Some(first.clone())),
                });
            }
            JobOutcome::Cancelled if kind == JobKind::Open => {
                self.notice = Some(Notice::Info("notice-open-cancelled", None));
            }
            JobOutcome::Cancelled if kind == JobKind::Check => {
                self.notice = Some(Notice::Info("notice-check-cancelled", None));
            }
            JobOutcome::Cancelled => {
                self.notice = Some(Notice::Info("notice-export-cancelled", None));
            }
            JobOutcome::Failed(e) => self.notice = Some(Notice::Error(e.clone())),
        }
        while let Some(action) = self.queued.pop_front() {
            self.perform(action);
        }
        Some(outcome)
    }
}

/// What an action's rows were about, for "Undone: confirm “75”": the text
/// of its one figure, else the title of the document it changed, else nothing.
fn subject_of(rows: &[Change]) -> String {
    let figures: Vec<&Figure> = rows
        .iter()
        .filter_map(|c| match c.row() {
            Some(Row::Figure(f)) => Some(f),
            _ => None,
        })
        .collect();
    if let [f] = figures.as_slice() {
        return format!("\u{201c}{}\u{201d}", f.text);
    }
    rows.iter()
        .find_map(|c| match (&c.before, &c.after) {
            (Some(Row::Document(d)), _) | (None, Some(Row::Document(d))) => {
                Some(format!("\u{201c}{}\u{201d}", d.title))
            }
            // A segment is named by its number ("accept segment 3").
            (Some(Row::SegmentReview(r)), _) | (None, Some(Row::SegmentReview(r))) => {
                Some(r.number.to_string())
            }
            _ => None,
        })
        .unwrap_or_default()
}

fn no_project() -> AppError {
    Refusal::NoProject.into()
}
