//! Claims across sources as a project has them: the engine
//! ([`crate::claims`]) run over the project's live figures, with the
//! reviewers' decisions (links of relation `same`, dismissals, notes) applied;
//! and the commands that store those decisions.
//!
//! Claims themselves are never stored: they are derived each run. What is
//! stored is what reviewers decide: `same` links (an accepted claim),
//! dismissals (pairs that are not the same fact) and reviews (who accepted a
//! claim or wrote its note, and when), each hanging on the claim's anchor,
//! its lowest figure id.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::claims::{Claim, ClaimId, ClaimState, ReviewedClaim};
use crate::model::{
    Change, ClaimReview, Dismissal, FigureId, Link, LinkId, LinkStatus, Relation, Row,
};
use crate::store::{ActionTx, now};

use super::command::{figure, non_empty};
use super::{AppError, Command, Executed, Project, Refusal, Result};

/// Pairs of figures, as the engine takes them.
pub type Pairs = Vec<(FigureId, FigureId)>;

impl Project {
    /// Every claim of the project, disagreements first, each with the
    /// reviews hanging on its figures.
    pub fn claims(&self) -> Result<Vec<ReviewedClaim>> {
        // One way to read a project's claims: the workbench's, run once.
        Ok(super::LiveClaims::load(self)?.into_claims())
    }

    /// What reviewers decided, as the engine takes it ([`Input::same`],
    /// [`Input::distinct`]; also for [`crate::claims::ClaimIndex::set_constraints`]):
    /// the pairs joined by `same` links, and the pairs dismissed.
    pub fn claim_constraints(&self) -> Result<(Pairs, Pairs)> {
        let same = self
            .store()
            .links()?
            .into_iter()
            .filter(|l| joins_claims(l.relation))
            .map(|l| (l.a, l.b))
            .collect();
        let distinct = self
            .store()
            .dismissals()?
            .into_iter()
            .map(|d| (d.a, d.b))
            .collect();
        Ok((same, distinct))
    }

    /// Claims from the engine (e.g. a [`crate::claims::ClaimIndex`] kept by the
    /// workbench) with the reviews hanging on their figures, oldest first.
    pub fn with_reviews(&self, claims: Vec<Claim>) -> Result<Vec<ReviewedClaim>> {
        let mut reviews: HashMap<FigureId, Vec<ClaimReview>> = HashMap::new();
        for r in self.store().claim_reviews()? {
            reviews.entry(r.figure).or_default().push(r);
        }
        Ok(claims
            .into_iter()
            .map(|claim| {
                let mut on: Vec<ClaimReview> = claim
                    .mentions
                    .iter()
                    .filter_map(|m| reviews.get(&m.figure))
                    .flatten()
                    .cloned()
                    .collect();
                on.sort_by_key(|r| r.id);
                ReviewedClaim { claim, reviews: on }
            })
            .collect())
    }

    /// One claim by its id, as [`Project::claims`] finds it now.
    pub fn claim(&self, id: ClaimId) -> Result<Option<ReviewedClaim>> {
        Ok(self.claims()?.into_iter().find(|c| c.claim.id == id))
    }

    /// Accepts a claim: its figures joined by `same` links, the acceptance recorded.
    pub fn accept_claim(&mut self, id: ClaimId) -> Result<Executed> {
        let claim = self.known_claim(id)?;
        self.execute(Command::ClaimAccept {
            figures: claim.claim.figures(),
        })
    }

    /// Dismisses a suggested claim, for good: it is not proposed again.
    pub fn dismiss_claim(&mut self, id: ClaimId) -> Result<Executed> {
        let claim = self.known_claim(id)?;
        if claim.claim.state == ClaimState::Accepted {
            return Err(Refusal::ClaimJoined.into());
        }
        self.execute(Command::ClaimDismiss {
            figures: claim.claim.figures(),
        })
    }

    /// Takes one figure out of a claim.
    pub fn split_claim(&mut self, id: ClaimId, figure: FigureId) -> Result<Executed> {
        let claim = self.known_claim(id)?;
        let figures = claim.claim.figures();
        if !figures.contains(&figure) {
            return Err(not_in_claim(figure, id, &figures));
        }
        let others = figures.into_iter().filter(|f| *f != figure).collect();
        self.execute(Command::ClaimSplit { figure, others })
    }

    /// Joins two claims into one accepted claim.
    pub fn merge_claims(&mut self, a: ClaimId, b: ClaimId) -> Result<Executed> {
        if a == b {
            return Err(Refusal::ClaimMergeItself.into());
        }
        let (ca, cb) = (self.known_claim(a)?, self.known_claim(b)?);
        self.execute(Command::ClaimMerge {
            a: ca.claim.figures(),
            b: cb.claim.figures(),
        })
    }

    /// Sets (or, with `None` or blank text, clears) a claim's note.
    pub fn note_claim(&mut self, id: ClaimId, note: Option<&str>) -> Result<Executed> {
        let claim = self.known_claim(id)?;
        self.execute(Command::ClaimNote {
            figures: claim.claim.figures(),
            note: note.map(str::to_string),
        })
    }

    fn known_claim(&self, id: ClaimId) -> Result<ReviewedClaim> {
        self.claim(id)?
            .ok_or_else(|| AppError::NotFound(format!("claim {id}")))
    }
}

/// Whether links of this relation join figures into one accepted claim: the
/// one place that decides it, for the engine's input and for the commands.
/// Only `same` does: a translation pair is one statement in two languages,
/// which the engine may still propose as a claim for a reviewer to accept.
fn joins_claims(relation: Relation) -> bool {
    relation == Relation::Same
}

fn not_in_claim(figure: FigureId, id: ClaimId, figures: &[FigureId]) -> AppError {
    let list: Vec<String> = figures.iter().map(|f| f.to_string()).collect();
    AppError::Invalid(format!(
        "figure {figure} is not in claim {id} (its figures: {})",
        list.join(", ")
    ))
}

/// Which figures `same` links join, each to a representative (union–find).
#[derive(Default)]
struct Joined {
    parent: HashMap<FigureId, FigureId>,
}

impl Joined {
    /// The `same` links as they stand, leaving out those about to go.
    fn load(tx: &ActionTx, leaving: &HashSet<LinkId>) -> Result<Joined> {
        let mut joined = Joined::default();
        for l in tx.links()? {
            if joins_claims(l.relation) && !leaving.contains(&l.id) {
                joined.union(l.a, l.b);
            }
        }
        Ok(joined)
    }

    fn find(&mut self, x: FigureId) -> FigureId {
        let mut root = x;
        while let Some(&p) = self.parent.get(&root) {
            if p == root {
                break;
            }
            root = p;
        }
        // Path compression.
        let mut at = x;
        while let Some(&p) = self.parent.get(&at) {
            if p == root {
                break;
            }
            self.parent.insert(at, root);
            at = p;
        }
        root
    }

    fn union(&mut self, a: FigureId, b: FigureId) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent.insert(ra.max(rb), ra.min(rb));
            self.parent.entry(ra.min(rb)).or_insert(ra.min(rb));
        }
    }

    fn together(&mut self, a: FigureId, b: FigureId) -> bool {
        self.find(a) == self.find(b)
    }
}

/// The figures, each once, lowest first; at least two, all stored.
fn claim_figures(tx: &ActionTx, figures: &[FigureId]) -> Result<Vec<FigureId>> {
    let set: BTreeSet<FigureId> = figures.iter().copied().collect();
    if set.len() < 2 {
        return Err(Refusal::ClaimTooFew.into());
    }
    for id in &set {
        figure(tx, *id)?;
    }
    Ok(set.into_iter().collect())
}

fn new_row(row: Row) -> Change {
    Change {
        before: None,
        after: Some(row),
    }
}

fn gone(row: Row) -> Change {
    Change {
        before: Some(row),
        after: None,
    }
}

/// New `same` links that make `figures` (lowest first) one joined group: a
/// star from the lowest, skipping figures joined to it already. A pair linked
/// already in another relation (a translation) is joined through another
/// member of the group instead.
fn join(tx: &ActionTx, joined: &mut Joined, figures: &[FigureId]) -> Result<Vec<Change>> {
    let Some((&anchor, rest)) = figures.split_first() else {
        return Ok(Vec::new());
    };
    let mut changes = Vec::new();
    for &f in rest {
        if joined.together(anchor, f) {
            continue;
        }
        let mut via = None;
        for &m in figures {
            if m != f && joined.together(anchor, m) && !tx.linked(m, f)? {
                via = Some(m);
                break;
            }
        }
        // Linked to every member already, as a translation or a source: one
        // pair, one link, so the reviewer says which relation holds.
        let Some(m) = via else {
            return Err(Refusal::ClaimLinkedOtherwise.into());
        };
        joined.union(m, f);
        changes.push(new_row(Row::Link(Link {
            id: 0,
            a: m.min(f),
            b: m.max(f),
            relation: Relation::Same,
            status: LinkStatus::Unreviewed,
        })));
    }
    Ok(changes)
}

/// Lifts every dismissal among `figures`.
fn undismiss(tx: &ActionTx, figures: &[FigureId]) -> Result<Vec<Change>> {
    let mut changes = Vec::new();
    for (i, &x) in figures.iter().enumerate() {
        for &y in &figures[i + 1..] {
            if let Some(d) = tx.dismissal(x, y)? {
                changes.push(gone(Row::Dismissal(d)));
            }
        }
    }
    Ok(changes)
}

/// The anchor's review, updated by `who` now (or a new one), and whether one existed.
fn review_on(
    tx: &ActionTx,
    anchor: FigureId,
    who: &str,
) -> Result<(Option<ClaimReview>, ClaimReview)> {
    let before = tx.claim_reviews_of(anchor)?.into_iter().next();
    let mut after = before.clone().unwrap_or(ClaimReview {
        id: 0,
        figure: anchor,
        note: None,
        reviewer: String::new(),
        reviewed_at: String::new(),
    });
    after.reviewer = who.to_string();
    after.reviewed_at = now();
    Ok((before, after))
}

fn review_change(before: Option<ClaimReview>, after: ClaimReview) -> Change {
    Change {
        before: before.map(Row::ClaimReview),
        after: Some(Row::ClaimReview(after)),
    }
}

pub(super) fn plan_accept(
    tx: &ActionTx,
    figures: &[FigureId],
    who: &str,
) -> Result<(Vec<Change>, String)> {
    let figures = claim_figures(tx, figures)?;
    let changes = plan_join(tx, &figures, who, true)?;
    let summary = format!(
        "accept claim {}: {} figures as the same fact",
        ClaimId(figures[0]),
        figures.len()
    );
    Ok((changes, summary))
}

/// Dismissals lifted, `same` links added and the anchor's review: what
/// accepting (or merging into) one claim of `figures` writes.
fn plan_join(
    tx: &ActionTx,
    figures: &[FigureId],
    who: &str,
    refuse_if_done: bool,
) -> Result<Vec<Change>> {
    let mut documents = HashSet::new();
    for id in figures {
        documents.insert(figure(tx, *id)?.document);
    }
    if documents.len() < 2 {
        return Err(Refusal::ClaimOneDocument.into());
    }
    let mut changes = undismiss(tx, figures)?;
    let mut joined = Joined::load(tx, &HashSet::new())?;
    let links = join(tx, &mut joined, figures)?;
    let (before, after) = review_on(tx, figures[0], who)?;
    if refuse_if_done && changes.is_empty() && links.is_empty() && before.is_some() {
        return Err(Refusal::ClaimAcceptedAlready.into());
    }
    changes.extend(links);
    changes.push(review_change(before, after));
    Ok(changes)
}

pub(super) fn plan_dismiss(tx: &ActionTx, figures: &[FigureId]) -> Result<(Vec<Change>, String)> {
    let figures = claim_figures(tx, figures)?;
    let mut joined = Joined::load(tx, &HashSet::new())?;
    if figures.iter().all(|f| joined.together(figures[0], *f)) {
        return Err(Refusal::ClaimJoined.into());
    }
    let mut changes = Vec::new();
    for (i, &x) in figures.iter().enumerate() {
        for &y in &figures[i + 1..] {
            // Figures a reviewer joined stay joined: hand-made links win.
            if joined.together(x, y) || tx.dismissal(x, y)?.is_some() {
                continue;
            }
            changes.push(new_row(Row::Dismissal(Dismissal::of(x, y))));
        }
    }
    if changes.is_empty() {
        return Err(Refusal::ClaimApartAlready.into());
    }
    let summary = format!(
        "dismiss the suggested claim {} ({} figures)",
        ClaimId(figures[0]),
        figures.len()
    );
    Ok((changes, summary))
}

pub(super) fn plan_split(
    tx: &ActionTx,
    figure_id: FigureId,
    others: &[FigureId],
) -> Result<(Vec<Change>, String)> {
    let others: Vec<FigureId> = others
        .iter()
        .copied()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if others.contains(&figure_id) {
        return Err(AppError::Invalid(format!(
            "figure {figure_id} cannot be split from itself"
        )));
    }
    if others.is_empty() {
        return Err(Refusal::ClaimTooFew.into());
    }
    let split = figure(tx, figure_id)?;
    for id in &others {
        figure(tx, *id)?;
    }
    let mut changes = Vec::new();
    // The `same` links between the figure and the others go, either way round.
    let mut leaving = HashSet::new();
    let mut was_joined = Joined::load(tx, &HashSet::new())?;
    for l in tx.links()?.into_iter().filter(|l| joins_claims(l.relation)) {
        let other = match (l.a == figure_id, l.b == figure_id) {
            (true, _) => l.b,
            (_, true) => l.a,
            _ => continue,
        };
        if others.contains(&other) {
            leaving.insert(l.id);
            changes.push(gone(Row::Link(l)));
        }
    }
    // The others it held together stay together.
    let mut joined = Joined::load(tx, &leaving)?;
    let held: Vec<FigureId> = others
        .iter()
        .copied()
        .filter(|o| was_joined.together(figure_id, *o))
        .collect();
    changes.extend(join(tx, &mut joined, &held)?);
    for &o in &others {
        if tx.dismissal(figure_id, o)?.is_none() {
            changes.push(new_row(Row::Dismissal(Dismissal::of(figure_id, o))));
        }
    }
    if changes.is_empty() {
        return Err(Refusal::ClaimApartAlready.into());
    }
    // Its reviews were the claim's: they stay with the claim.
    for r in tx.claim_reviews_of(figure_id)? {
        let after = ClaimReview {
            figure: others[0],
            ..r.clone()
        };
        changes.push(review_change(Some(r), after));
    }
    let summary = format!(
        "split figure {} \u{201c}{}\u{201d} out of claim {}",
        split.id,
        split.text,
        ClaimId(figure_id.min(others[0]))
    );
    Ok((changes, summary))
}

pub(super) fn plan_merge(
    tx: &ActionTx,
    a: &[FigureId],
    b: &[FigureId],
    who: &str,
) -> Result<(Vec<Change>, String)> {
    let (sa, sb): (BTreeSet<FigureId>, BTreeSet<FigureId>) =
        (a.iter().copied().collect(), b.iter().copied().collect());
    if sa.is_empty() || sb.is_empty() {
        return Err(Refusal::ClaimTooFew.into());
    }
    if !sa.is_disjoint(&sb) {
        return Err(Refusal::ClaimMergeItself.into());
    }
    let figures = claim_figures(tx, &sa.union(&sb).copied().collect::<Vec<_>>())?;
    let changes = plan_join(tx, &figures, who, false)?;
    let (ia, ib) = (
        ClaimId(*sa.first().expect("not empty")),
        ClaimId(*sb.first().expect("not empty")),
    );
    let summary = format!(
        "merge claims {ia} and {ib} into {} ({} figures)",
        ClaimId(figures[0]),
        figures.len()
    );
    Ok((changes, summary))
}

pub(super) fn plan_note(
    tx: &ActionTx,
    figures: &[FigureId],
    note: Option<&str>,
    who: &str,
) -> Result<(Vec<Change>, String)> {
    let figures = claim_figures(tx, figures)?;
    let note = note.and_then(non_empty);
    let (before, mut after) = review_on(tx, figures[0], who)?;
    if before.as_ref().and_then(|r| r.note.clone()) == note {
        return Err(Refusal::NoteUnchanged.into());
    }
    after.note = note;
    let id = ClaimId(figures[0]);
    let summary = match &after.note {
        Some(n) => format!("note on claim {id}: \u{201c}{n}\u{201d}"),
        None => format!("clear the note on claim {id}"),
    };
    Ok((vec![review_change(before, after)], summary))
}
