//! The translation QA view in the workbench: the number check of one
//! document pair segment by segment ([`Project::qa`](crate::app::Project::qa)),
//! kept in step with every change (see [`Workbench::refresh_qa`]), the
//! segment selected, the view's filter, walking from problem to problem,
//! accepting a flagged segment and showing a segment in the two panes.

use super::{Action, Notice, PaneId, Workbench};
use crate::align;
use crate::app::translations::{PairQa, QaCounts, SegmentQa, Segmentation};
use crate::app::{AppError, Command, Refusal};
use crate::model::{Change, DocId, Figure, Row};

/// Which segments the view lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QaShow {
    #[default]
    All,
    /// Flagged segments nobody accepted.
    Problems,
    /// Flagged segments a reviewer accepted.
    Accepted,
}

impl QaShow {
    pub const ALL: [QaShow; 3] = [QaShow::All, QaShow::Problems, QaShow::Accepted];

    fn admits(self, s: &SegmentQa) -> bool {
        match self {
            QaShow::All => true,
            QaShow::Problems => s.is_flagged(),
            QaShow::Accepted => s.review.is_some(),
        }
    }
}

/// The workbench's view of one translation pair's number check.
///
/// The check is computed when the view opens and again only after a command
/// (or an undo, a redo, an import) that touches the pair, never per frame:
/// a pair of 10 000 segments costs a few dozen milliseconds to check.
#[derive(Default)]
pub struct QaView {
    /// Whether the QA view is open.
    pub open: bool,
    /// The pair checked: (source, target).
    pub pair: Option<(DocId, DocId)>,
    check: Option<PairQa>,
    /// Indices into the check's segments that the filter lets through.
    visible: Vec<usize>,
    counts: QaCounts,
    /// The selected segment's number.
    pub selected: Option<u32>,
    pub show: QaShow,
}

impl QaView {
    /// The pair's number check, when a pair is chosen.
    pub fn check(&self) -> Option<&PairQa> {
        self.check.as_ref()
    }

    /// Every segment of the pair, by number.
    pub fn segments(&self) -> &[SegmentQa] {
        self.check.as_ref().map_or(&[], |c| &c.segments)
    }

    /// Positions (in [`QaView::segments`]) of the rows the filter lets through.
    pub fn visible(&self) -> &[usize] {
        &self.visible
    }

    /// The segments by verdict, as the status bar shows them.
    pub fn counts(&self) -> QaCounts {
        self.counts
    }

    /// Whether segments can be accepted: only a stored alignment keeps reviews.
    pub fn can_accept(&self) -> bool {
        self.check
            .as_ref()
            .is_some_and(|c| c.segmentation == Segmentation::Stored)
    }

    pub fn segment(&self, number: u32) -> Option<&SegmentQa> {
        let segments = self.segments();
        // Numbers are 1-based positions; the search is the fallback.
        segments
            .get((number as usize).wrapping_sub(1))
            .filter(|s| s.number == number)
            .or_else(|| segments.iter().find(|s| s.number == number))
    }

    pub fn selected_segment(&self) -> Option<&SegmentQa> {
        self.segment(self.selected?)
    }

    /// The row of the selected segment among the visible ones.
    pub fn selected_row(&self) -> Option<usize> {
        let number = self.selected?;
        self.visible
            .iter()
            .position(|&i| self.segments()[i].number == number)
    }

    fn set_check(&mut self, check: Option<PairQa>) {
        self.check = check;
        self.recount();
    }

    /// Counts and the filter's rows, after any change to the check or the filter.
    fn recount(&mut self) {
        self.counts = self.check.as_ref().map(PairQa::counts).unwrap_or_default();
        let show = self.show;
        self.visible = self
            .segments()
            .iter()
            .enumerate()
            .filter(|(_, s)| show.admits(s))
            .map(|(i, _)| i)
            .collect();
        if self.selected.is_some_and(|n| self.segment(n).is_none()) {
            self.selected = None;
        }
    }

    /// Puts the reviews a change wrote in place, without checking the pair
    /// again; false when the change is about something else.
    fn patch_review(&mut self, change: &Change) -> bool {
        let Some(Row::SegmentReview(any)) = change.row() else {
            return false;
        };
        let after = match &change.after {
            Some(Row::SegmentReview(r)) => Some(r.clone()),
            _ => None,
        };
        let Some(check) = self.check.as_mut() else {
            return true;
        };
        let ours = [check.source.id, check.target.id];
        if ours.contains(&any.source_doc) && ours.contains(&any.target_doc) {
            let number = any.number;
            if let Some(s) = check.segments.iter_mut().find(|s| s.number == number) {
                s.review = after;
            }
        }
        true
    }
}

impl QaView {
    /// Puts a figure a change wrote in place — out of the segment that held
    /// it, into the one that holds it now — and checks those segments again;
    /// false when the whole pair must be checked again (sentences aligned
    /// on the fly move with their figures, the anchors).
    ///
    /// A confirm in a pair of 10 000 segments so costs a scan of the
    /// segments, not a [`Project::qa`](crate::app::Project::qa) of the pair.
    fn patch_figure(&mut self, change: &Change) -> bool {
        let Some(Row::Figure(_)) = change.row() else {
            return false;
        };
        let Some(check) = self.check.as_mut() else {
            return true;
        };
        if check.segmentation != Segmentation::Stored {
            return false;
        }
        let (source, target) = (check.source.id, check.target.id);
        let figure = |row: &Option<Row>| match row {
            Some(Row::Figure(f)) => Some(f.clone()),
            _ => None,
        };
        let mut touched: Vec<usize> = Vec::new();
        if let Some(before) = figure(&change.before) {
            for (i, s) in check.segments.iter_mut().enumerate() {
                let len = (s.source_figures.len(), s.target_figures.len());
                s.source_figures.retain(|f| f.id != before.id);
                s.target_figures.retain(|f| f.id != before.id);
                if len != (s.source_figures.len(), s.target_figures.len()) {
                    touched.push(i);
                }
            }
        }
        let after = figure(&change.after).filter(|f| f.status.is_live());
        if let Some(f) = after {
            for (i, s) in check.segments.iter_mut().enumerate() {
                let (span, figures) = if f.document == source {
                    (s.source, &mut s.source_figures)
                } else if f.document == target {
                    (s.target, &mut s.target_figures)
                } else {
                    break;
                };
                if span.is_empty() || f.span.start < span.start || f.span.end > span.end {
                    continue;
                }
                // In the order `Project::qa` reads them: start, end, id.
                let key = |g: &Figure| (g.span.start, g.span.end, g.id);
                let at = figures.partition_point(|g| key(g) < key(&f));
                figures.insert(at, f.clone());
                touched.push(i);
            }
        }
        for i in touched {
            let s = &mut check.segments[i];
            s.check = align::check_segment(&s.source_figures, &s.target_figures);
            s.verdict = s.check.verdict();
        }
        true
    }
}

/// Whether a change can alter the check of the pair (its figures, its
/// documents, its reviews); a change of links or claims cannot.
fn touches(change: &Change, (a, b): (DocId, DocId)) -> bool {
    let ours = |doc: DocId| doc == a || doc == b;
    let figure_doc = |row: &Option<Row>| match row {
        Some(Row::Figure(f)) => Some(f.document),
        _ => None,
    };
    match change.row() {
        Some(Row::Figure(_)) => [&change.before, &change.after]
            .into_iter()
            .filter_map(figure_doc)
            .any(ours),
        Some(Row::Document(d)) => ours(d.id),
        Some(Row::SegmentReview(r)) => ours(r.source_doc) || ours(r.target_doc),
        _ => false,
    }
}

impl Workbench {
    /// Brings the QA view up to date: after opening it, an import (`changes`
    /// None: checked again) and every executed command, undo and redo (the
    /// rows it touched: reviews are put in place, a change to the pair's
    /// figures or documents checks it again, anything else leaves it be).
    pub fn refresh_qa(&mut self, changes: Option<&[Change]>) {
        let Some(pair) = self.qa.pair.filter(|_| self.qa.open) else {
            self.qa.set_check(None);
            return;
        };
        if let Some(changes) = changes {
            let relevant: Vec<&Change> = changes.iter().filter(|c| touches(c, pair)).collect();
            if relevant.is_empty() {
                return;
            }
            let in_place = relevant
                .iter()
                .all(|c| self.qa.patch_review(c) || self.qa.patch_figure(c));
            if in_place {
                self.qa.recount();
                return;
            }
        }
        let Some(project) = &self.project else {
            self.qa = Default::default();
            return;
        };
        match project.qa(pair.0, pair.1) {
            Ok(check) => self.qa.set_check(Some(check)),
            Err(e) => {
                // A pair that is gone (an undone import) closes the view.
                self.qa.pair = None;
                self.qa.open = false;
                self.qa.set_check(None);
                self.notice = Some(Notice::from_error(&e));
            }
        }
    }

    /// The pair the view opens on: the two panes' documents when they hold
    /// stored segments (as stored: source, target), else the pair it showed
    /// last, else the first pair with stored segments, else the two panes'
    /// documents (their sentences aligned now).
    pub fn default_qa_pair(&self) -> Option<(DocId, DocId)> {
        let shown: Vec<DocId> = self
            .panes
            .iter()
            .filter_map(|p| p.doc.as_ref().map(|d| d.meta.id))
            .collect();
        let pairs = self
            .project
            .as_ref()
            .and_then(|p| p.store().segment_pairs().ok())
            .unwrap_or_default();
        if let [a, b] = shown[..]
            && let Some(&stored) = pairs
                .iter()
                .find(|&&(s, t)| (s, t) == (a, b) || (s, t) == (b, a))
        {
            return Some(stored);
        }
        let live = |d: DocId| self.documents.iter().any(|m| m.id == d);
        if let Some((a, b)) = self.qa.pair
            && live(a)
            && live(b)
        {
            return Some((a, b));
        }
        if let Some(&first) = pairs.first() {
            return Some(first);
        }
        match shown[..] {
            [a, b] if a != b => Some((a, b)),
            _ => None,
        }
    }

    /// The navigation of the QA view (none of it writes to the project).
    pub(super) fn qa_navigation(&mut self, action: Action) -> Result<(), AppError> {
        match action {
            Action::ToggleQa => {
                if self.qa.open {
                    // Closed, the view is not kept up to date: checked again on opening.
                    self.qa.open = false;
                    self.qa.set_check(None);
                } else {
                    match self.default_qa_pair() {
                        Some((source, target)) => self.open_qa(source, target)?,
                        None => self.notice = Some(Notice::Failed("error-qa-no-pair", None)),
                    }
                }
            }
            Action::OpenQa { source, target } => self.open_qa(source, target)?,
            Action::SetQaShow(show) => {
                self.qa.show = show;
                self.qa.recount();
            }
            Action::SelectSegment(number) => self.select_segment(number)?,
            Action::NextProblem => self.step_problem(true)?,
            Action::PreviousProblem => self.step_problem(false)?,
            _ => {}
        }
        Ok(())
    }

    /// Opens the view on a pair, checking it now.
    fn open_qa(&mut self, source: DocId, target: DocId) -> Result<(), AppError> {
        if source == target {
            return Err(Refusal::SameDocument.into());
        }
        let project = self.project.as_ref().ok_or(Refusal::NoProject)?;
        let check = project.qa(source, target)?;
        if self.qa.pair != Some((source, target)) {
            self.qa.selected = None;
        }
        self.qa.pair = Some((source, target));
        self.qa.open = true;
        self.qa.set_check(Some(check));
        Ok(())
    }

    /// Selects a segment and shows it in the panes: the source document on
    /// the left and the target on the right, each at the segment's first figure.
    pub fn select_segment(&mut self, number: u32) -> Result<(), AppError> {
        let segment = self
            .qa
            .segment(number)
            .ok_or_else(|| AppError::NotFound(format!("segment {number}")))?;
        let (source, target) = self.qa.pair.ok_or(Refusal::OpenBothPanes)?;
        let at = [
            (
                source,
                segment.source_figures.first().map(|f| f.id),
                segment.source.start,
            ),
            (
                target,
                segment.target_figures.first().map(|f| f.id),
                segment.target.start,
            ),
        ];
        self.qa.selected = Some(number);
        self.qa.open = true;
        for (pane, (doc, figure, start)) in PaneId::ALL.into_iter().zip(at) {
            let shown = self.panes[pane].doc.as_ref().map(|d| d.meta.id);
            if shown != Some(doc) {
                self.load_into(pane, doc);
            }
            let p = &mut self.panes[pane];
            p.hand_picked = false;
            match figure {
                Some(id) => p.select(Some(id)),
                None => {
                    // No figure on this side: the segment's start in view.
                    p.selected = None;
                    p.scroll_target = Some(start);
                    p.scroll_generation += 1;
                }
            }
        }
        self.active = PaneId::Left;
        Ok(())
    }

    /// Selects the next (previous) flagged segment, wrapping around; the
    /// first (last) when none is selected. The filter follows: a problem is
    /// never selected out of sight.
    fn step_problem(&mut self, forward: bool) -> Result<(), AppError> {
        if !self.qa.open {
            self.qa_navigation(Action::ToggleQa)?;
            if !self.qa.open {
                return Ok(());
            }
        }
        let flagged: Vec<u32> = self
            .qa
            .segments()
            .iter()
            .filter(|s| s.is_flagged())
            .map(|s| s.number)
            .collect();
        if flagged.is_empty() {
            self.notice = Some(Notice::Info("notice-qa-no-problems", None));
            return Ok(());
        }
        let n = flagged.len();
        let at = self.qa.selected;
        let next = match (at, forward) {
            (Some(s), true) => flagged.iter().position(|&f| f > s).unwrap_or(0),
            (Some(s), false) => flagged.iter().rposition(|&f| f < s).unwrap_or(n - 1),
            (None, true) => 0,
            (None, false) => n - 1,
        };
        if self.qa.show == QaShow::Accepted {
            self.qa.show = QaShow::Problems;
            self.qa.recount();
        }
        self.select_segment(flagged[next])
    }
}

impl Workbench {
    /// The reviewer's decisions on segments, each one command through the
    /// project, so Ctrl+Z undoes it and the view follows.
    pub(super) fn qa_command(&mut self, action: Action) -> Result<(), AppError> {
        let number = match &action {
            Action::AcceptSegment { number, .. } | Action::UnacceptSegment { number } => {
                number.or(self.qa.selected)
            }
            _ => None,
        };
        let (Some((source, target)), Some(number)) = (self.qa.pair, number) else {
            self.notice = Some(Notice::Failed("error-select-segment", None));
            return Ok(());
        };
        match action {
            Action::AcceptSegment { note, .. } => {
                // The command refuses a segment with nothing to accept, or
                // one of a pair aligned only by sentence.
                self.run(Command::SegmentAccept {
                    source,
                    target,
                    number,
                    note,
                })?;
                self.notice = Some(Notice::Info(
                    "notice-segment-accepted",
                    Some(number.to_string()),
                ));
            }
            Action::UnacceptSegment { .. } => {
                self.run(Command::SegmentUnaccept {
                    source,
                    target,
                    number,
                })?;
                self.notice = Some(Notice::Info(
                    "notice-segment-flagged",
                    Some(number.to_string()),
                ));
            }
            _ => {}
        }
        Ok(())
    }
}
