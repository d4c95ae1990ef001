//! Claims across sources in the workbench: the project's claims (kept in
//! step with every change, see [`Workbench::refresh_claims`]), the one
//! selected, the filter of the Claims panel, walking from claim to claim, and
//! showing two of a claim's mentions side by side in the panes.

use super::{Action, Notice, PaneId, Workbench};
use crate::app::{AppError, Command, LiveClaims};
use crate::claims::{ClaimId, ClaimState, Mention, ReviewedClaim, Verdict};
use crate::model::{Change, DocumentMeta, FigureId};

/// Which claims the panel lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClaimShow {
    #[default]
    All,
    /// Only claims whose sources disagree.
    Disagreeing,
    /// Only the engine's suggestions.
    Suggested,
    /// Only claims a reviewer accepted.
    Accepted,
}

impl ClaimShow {
    pub const ALL: [ClaimShow; 4] = [
        ClaimShow::All,
        ClaimShow::Disagreeing,
        ClaimShow::Suggested,
        ClaimShow::Accepted,
    ];
}

/// The panel's filter: a choice of claims and words to look for in their
/// descriptions and their documents' titles.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClaimFilter {
    pub show: ClaimShow,
    pub text: String,
}

impl ClaimFilter {
    /// Whether the filter lets `claim` through. The text matches, ignoring
    /// case, the description (counted noun, time, words), the mentions (their
    /// text, counted noun as written, sentence) and the claim's document titles.
    pub fn admits(&self, claim: &ReviewedClaim, documents: &[DocumentMeta]) -> bool {
        let c = &claim.claim;
        let shown = match self.show {
            ClaimShow::All => true,
            ClaimShow::Disagreeing => c.verdict == Verdict::Disagrees,
            ClaimShow::Suggested => c.state == ClaimState::Suggested,
            ClaimShow::Accepted => c.state == ClaimState::Accepted,
        };
        if !shown {
            return false;
        }
        let needle = self.text.trim().to_lowercase();
        if needle.is_empty() {
            return true;
        }
        let d = &c.description;
        let mut hay: Vec<String> = d.noun.iter().chain(&d.time).cloned().collect();
        hay.extend(d.words.iter().cloned());
        for m in &c.mentions {
            hay.push(m.text.clone());
            hay.extend(m.unit.iter().cloned());
            hay.push(m.sentence_text.clone());
            if let Some(doc) = documents.iter().find(|doc| doc.id == m.doc) {
                hay.push(doc.title.clone());
            }
        }
        hay.iter().any(|h| h.to_lowercase().contains(&needle))
    }
}

/// The workbench's view of the project's claims.
#[derive(Default)]
pub struct ClaimsView {
    /// Every claim of the project, kept up to date action by action.
    live: Option<LiveClaims>,
    pub selected: Option<ClaimId>,
    pub filter: ClaimFilter,
    /// The two mentions of the selected claim shown side by side.
    pub shown: Option<[FigureId; 2]>,
    /// Whether the Claims panel is open.
    pub open: bool,
}

impl ClaimsView {
    /// Every claim of the project, disagreements first (as the engine sorts them).
    pub fn all(&self) -> &[ReviewedClaim] {
        self.live.as_ref().map_or(&[], |l| l.claims())
    }

    /// The claims the filter lets through, disagreeing ones first.
    pub fn visible<'a>(&'a self, documents: &[DocumentMeta]) -> Vec<&'a ReviewedClaim> {
        let mut out: Vec<&ReviewedClaim> = self
            .all()
            .iter()
            .filter(|c| self.filter.admits(c, documents))
            .collect();
        // The engine sorts them so already; kept here so the panel never
        // depends on it (a stable sort keeps the engine's order otherwise).
        out.sort_by_key(|c| c.claim.agrees());
        out
    }

    pub fn get(&self, id: ClaimId) -> Option<&ReviewedClaim> {
        self.all().iter().find(|c| c.claim.id == id)
    }

    pub fn selected_claim(&self) -> Option<&ReviewedClaim> {
        self.get(self.selected?)
    }

    /// The claim a figure belongs to.
    pub fn claim_of(&self, figure: FigureId) -> Option<&ReviewedClaim> {
        self.all()
            .iter()
            .find(|c| c.claim.mentions.iter().any(|m| m.figure == figure))
    }
}

/// The two mentions a claim opens with: the first two in different
/// documents; for a disagreeing claim, two that state different values.
pub fn default_pair(mentions: &[Mention], disagrees: bool) -> Option<[FigureId; 2]> {
    let pairs = || {
        mentions.iter().enumerate().flat_map(move |(i, a)| {
            mentions[i + 1..]
                .iter()
                .filter(move |b| b.doc != a.doc)
                .map(move |b| (a, b))
        })
    };
    let differ = |(a, b): &(&Mention, &Mention)| (a.value, a.value_max) != (b.value, b.value_max);
    let pick = if disagrees {
        pairs().find(differ).or_else(|| pairs().next())
    } else {
        pairs().next()
    };
    pick.map(|(a, b)| [a.figure, b.figure])
}

impl Workbench {
    /// Brings the claims up to date: the one place that does, after opening
    /// a project and an import (`changes` None: everything is read again)
    /// and after every executed command, undo and redo (the rows it touched:
    /// [`LiveClaims`] regroups only around them). Keeps the selection on the
    /// same claim when it is still there, else on the claim its first
    /// remaining figure went to.
    pub fn refresh_claims(&mut self, changes: Option<&[Change]>) {
        let Some(project) = &self.project else {
            self.claims.live = None;
            self.claims.selected = None;
            self.claims.shown = None;
            return;
        };
        let before: Vec<FigureId> = self
            .claims
            .selected_claim()
            .map(|c| c.claim.figures())
            .unwrap_or_default();
        let done = match (self.claims.live.as_mut(), changes) {
            (Some(live), Some(changes)) => live.absorb(project, changes),
            _ => LiveClaims::load(project).map(|live| self.claims.live = Some(live)),
        };
        if let Err(e) = done {
            // Never a stale list: empty until the next refresh succeeds.
            self.claims.live = None;
            self.notice = Some(Notice::Error(e.to_string()));
        }
        if let Some(id) = self.claims.selected
            && self.claims.get(id).is_none()
        {
            self.claims.selected = before
                .iter()
                .find_map(|f| self.claims.claim_of(*f))
                .map(|c| c.claim.id);
        }
        // The pair shown stays while both are still mentions of the claim.
        let keep = match (self.claims.selected_claim(), self.claims.shown) {
            (Some(c), Some([a, b])) => c.claim.mention(a).is_some() && c.claim.mention(b).is_some(),
            _ => false,
        };
        if !keep {
            self.claims.shown = self
                .claims
                .selected_claim()
                .and_then(|c| default_pair(&c.claim.mentions, !c.claim.agrees()));
        }
    }

    /// The navigation of the Claims panel (none of it writes to the project).
    pub(super) fn claim_navigation(&mut self, action: Action) -> Result<(), AppError> {
        match action {
            Action::ToggleClaims => self.claims.open = !self.claims.open,
            Action::SetClaimFilter(filter) => self.claims.filter = filter,
            Action::SelectClaim(id) => self.select_claim(id)?,
            Action::NextClaim => self.step_claim(true)?,
            Action::PreviousClaim => self.step_claim(false)?,
            Action::ShowClaimMentions { a, b } => {
                let claim = self
                    .claims
                    .selected_claim()
                    .ok_or_else(|| AppError::NotFound("claim".into()))?;
                let (Some(ma), Some(mb)) = (claim.claim.mention(a), claim.claim.mention(b)) else {
                    return Err(AppError::NotFound(format!("mentions {a} and {b}")));
                };
                let pair = [ma.figure, mb.figure];
                self.claims.shown = Some(pair);
                self.show_mentions(pair);
            }
            _ => {}
        }
        Ok(())
    }

    /// Selects a claim and shows two of its mentions side by side.
    pub fn select_claim(&mut self, id: ClaimId) -> Result<(), AppError> {
        let claim = self
            .claims
            .get(id)
            .ok_or_else(|| AppError::NotFound(format!("claim {id}")))?;
        let pair = default_pair(&claim.claim.mentions, !claim.claim.agrees());
        self.claims.selected = Some(id);
        self.claims.open = true;
        self.claims.shown = pair;
        if let Some(pair) = pair {
            self.show_mentions(pair);
        }
        Ok(())
    }

    /// Selects the next (previous) claim the filter lets through, wrapping
    /// around; the first (last) when none is selected.
    fn step_claim(&mut self, forward: bool) -> Result<(), AppError> {
        let visible: Vec<ClaimId> = self
            .claims
            .visible(&self.documents)
            .iter()
            .map(|c| c.claim.id)
            .collect();
        if visible.is_empty() {
            self.claims.open = true;
            self.notice = Some(Notice::Info("notice-no-claims", None));
            return Ok(());
        }
        let n = visible.len();
        let at = self
            .claims
            .selected
            .and_then(|id| visible.iter().position(|c| *c == id));
        let next = match (at, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            (None, true) => 0,
            (None, false) => n - 1,
        };
        self.select_claim(visible[next])
    }

    /// Puts two mentions side by side, each document kept in the pane that
    /// shows it already where it can be; with one pane, the first alone.
    fn show_mentions(&mut self, [a, b]: [FigureId; 2]) {
        let (Some(fa), Some(fb)) = (self.find_figure(a), self.find_figure(b)) else {
            return;
        };
        let place = |wb: &mut Workbench, pane: PaneId, f: &crate::model::Figure| {
            if !wb.panes[pane].shows(f.document) {
                wb.load_into(pane, f.document);
            }
            wb.panes[pane].select(Some(f.id));
            wb.panes[pane].hand_picked = false;
        };
        if !self.settings.two_panes || fa.document == fb.document {
            place(self, self.active, &fa);
            return;
        }
        // Of the two ways to place them, the one that opens fewer documents;
        // else the first mention on the left.
        let kept = |wb: &Workbench, pa: PaneId, pb: PaneId| {
            wb.panes[pa].shows(fa.document) as u8 + wb.panes[pb].shows(fb.document) as u8
        };
        let (left, right) = (PaneId::Left, PaneId::Right);
        let (pa, pb) = if kept(self, right, left) > kept(self, left, right) {
            (right, left)
        } else {
            (left, right)
        };
        place(self, pa, &fa);
        place(self, pb, &fb);
    }

    /// The figures of the selected claim, for the panes to outline.
    pub fn claim_marks(&self) -> Vec<FigureId> {
        match self.claims.selected_claim().filter(|_| self.claims.open) {
            Some(c) => c.claim.figures(),
            None => Vec::new(),
        }
    }
}

impl Workbench {
    /// The reviewer's decisions on claims, each one command through the
    /// workbench's normal path (`Workbench::run`), so Ctrl+Z undoes it.
    pub(super) fn claim_command(&mut self, action: Action) -> Result<(), AppError> {
        let wanted = match &action {
            Action::NoteClaim { claim, .. } => Some(*claim),
            _ => self.claims.selected,
        };
        let Some(claim) = wanted
            .and_then(|id| self.claims.get(id))
            .map(|c| c.claim.clone())
        else {
            self.notice = Some(Notice::Failed("error-select-claim", None));
            return Ok(());
        };
        let figures = claim.figures();
        match action {
            Action::AcceptClaim => {
                self.run(Command::ClaimAccept { figures })?;
                self.notice = Some(Notice::Info("notice-claim-accepted", None));
            }
            Action::DismissClaim => {
                if claim.state == ClaimState::Accepted {
                    return Err(crate::app::Refusal::ClaimJoined.into());
                }
                // The claim goes; the next one in the list takes its place.
                let next = self.claim_after(claim.id);
                self.run(Command::ClaimDismiss { figures })?;
                self.notice = Some(Notice::Info("notice-claim-dismissed", None));
                match next {
                    Some(id) if self.claims.get(id).is_some() => self.select_claim(id)?,
                    _ => self.claims.selected = None,
                }
            }
            Action::SplitClaim(figure) => {
                let figure = figure.or_else(|| {
                    self.panes[self.active]
                        .selected
                        .filter(|f| claim.mention(*f).is_some())
                });
                let Some(figure) = figure.filter(|f| claim.mention(*f).is_some()) else {
                    self.notice = Some(Notice::Failed("error-claim-split-which", None));
                    return Ok(());
                };
                let others: Vec<FigureId> = figures.into_iter().filter(|f| *f != figure).collect();
                self.run(Command::ClaimSplit { figure, others })?;
                self.notice = Some(Notice::Info("notice-claim-split", None));
            }
            Action::MergeClaim(other) => {
                let b = self
                    .claims
                    .get(other)
                    .map(|c| c.claim.figures())
                    .ok_or_else(|| AppError::NotFound(format!("claim {other}")))?;
                self.run(Command::ClaimMerge { a: figures, b })?;
                self.notice = Some(Notice::Info("notice-claim-merged", None));
                if let Some(id) = self.claims.claim_of(claim.id.0).map(|c| c.claim.id) {
                    self.select_claim(id)?;
                }
            }
            Action::NoteClaim { note, .. } => {
                let note = Some(note.trim().to_string()).filter(|n| !n.is_empty());
                self.run(Command::ClaimNote { figures, note })?;
                self.notice = Some(Notice::Info("notice-claim-note-saved", None));
            }
            _ => {}
        }
        Ok(())
    }

    /// The claim after `id` in the panel's list (the one before, at the end).
    fn claim_after(&self, id: ClaimId) -> Option<ClaimId> {
        let visible: Vec<ClaimId> = self
            .claims
            .visible(&self.documents)
            .iter()
            .map(|c| c.claim.id)
            .collect();
        let i = visible.iter().position(|c| *c == id)?;
        visible
            .get(i + 1)
            .or(i.checked_sub(1).and_then(|j| visible.get(j)))
            .copied()
    }
}
