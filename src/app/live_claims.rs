//! The claims of an open project, kept up to date as the reviewer works.
//!
//! [`Project::claims`] runs the engine over the whole project: right for the
//! command line, too slow to repeat after every keystroke in a project of
//! thousands of documents. [`LiveClaims`] keeps the engine's
//! [`ClaimIndex`] and the texts it reads, and after each action re-reads
//! only the rows that action touched: a reviewed figure is re-featured and
//! only the claims around it are regrouped.

use std::collections::{HashMap, HashSet};

use crate::claims::{Claim, ClaimId, ClaimIndex, Input, ReviewedClaim, Source, order, sort};
use crate::model::{Change, DocId, Figure, FigureId, Language, Row};
use crate::store::FigureFilter;

use super::{Project, Result};

/// A project's claims and what is needed to update them in place.
pub struct LiveClaims {
    texts: HashMap<DocId, (Language, String)>,
    index: ClaimIndex,
    claims: Vec<ReviewedClaim>,
}

impl LiveClaims {
    /// Reads the project and groups all of it.
    pub fn load(project: &Project) -> Result<LiveClaims> {
        let store = project.store();
        let mut texts = HashMap::new();
        for meta in store.documents()? {
            if let Some(doc) = store.document(meta.id)? {
                texts.insert(meta.id, (doc.meta.language, doc.text));
            }
        }
        let figures: Vec<Figure> = store
            .figures(&FigureFilter::default())?
            .into_iter()
            .filter(|f| f.status.is_live())
            .collect();
        let (same, distinct) = project.claim_constraints()?;
        let sources = sources_of(&texts, None);
        let index = ClaimIndex::build(&Input {
            sources: &sources,
            figures: &figures,
            same: &same,
            distinct: &distinct,
        });
        let mut live = LiveClaims {
            texts,
            index,
            claims: Vec::new(),
        };
        live.index.take_changes();
        let mut claims: Vec<Claim> = live.index.claims().cloned().collect();
        sort(&mut claims);
        live.claims = project.with_reviews(claims)?;
        Ok(live)
    }

    /// The claims, given up by a caller that needs no updates.
    pub fn into_claims(self) -> Vec<ReviewedClaim> {
        self.claims
    }

    /// The claims, disagreements first (as [`crate::claims::sort`] orders them).
    pub fn claims(&self) -> &[ReviewedClaim] {
        &self.claims
    }

    /// Takes in an action (done, undone or redone) by the rows it touched,
    /// re-read from the project as they stand now. An action on documents
    /// (an import, a split, a removal) reloads everything.
    pub fn absorb(&mut self, project: &Project, changes: &[Change]) -> Result<()> {
        if changes
            .iter()
            .any(|c| matches!(c.row(), Some(Row::Document(_))))
        {
            *self = LiveClaims::load(project)?;
            return Ok(());
        }
        let mut figures: Vec<FigureId> = Vec::new();
        let mut constraints = false;
        let mut reviews = false;
        for c in changes {
            match c.row() {
                Some(Row::Figure(f)) => figures.push(f.id),
                Some(Row::Link(_)) | Some(Row::Dismissal(_)) => constraints = true,
                Some(Row::ClaimReview(_)) => reviews = true,
                _ => {}
            }
        }
        figures.sort_unstable();
        figures.dedup();
        if !figures.is_empty() {
            let mut now: Vec<(FigureId, Option<Figure>)> = Vec::new();
            for id in figures {
                let f = project.store().figure(id)?.filter(|f| f.status.is_live());
                now.push((id, f));
            }
            let docs: HashSet<DocId> = now
                .iter()
                .filter_map(|(_, f)| f.as_ref().map(|f| f.document))
                .collect();
            let sources = sources_of(&self.texts, Some(&docs));
            let changed: Vec<(FigureId, Option<&Figure>)> =
                now.iter().map(|(id, f)| (*id, f.as_ref())).collect();
            self.index.update(&sources, &changed);
        }
        if constraints {
            let (same, distinct) = project.claim_constraints()?;
            self.index.set_constraints(&same, &distinct);
        }
        self.collect(project, reviews)
    }

    /// Replaces in the list only the claims the index dropped or made (a
    /// project has tens of thousands; an action touches a few), and takes
    /// the reviews in again for all of them only when a review changed.
    fn collect(&mut self, project: &Project, reviews: bool) -> Result<()> {
        let (dropped, made) = self.index.take_changes();
        let gone: HashSet<ClaimId> = dropped.iter().chain(&made).copied().collect();
        let mut claims: Vec<Claim> = Vec::with_capacity(self.claims.len());
        let mut kept: Vec<ReviewedClaim> = Vec::new();
        for c in std::mem::take(&mut self.claims) {
            if reviews || gone.contains(&c.claim.id) {
                claims.push(c.claim);
            } else {
                kept.push(c);
            }
        }
        claims.retain(|c| !gone.contains(&c.id));
        let mut seen: HashSet<ClaimId> = HashSet::new();
        for id in made {
            if seen.insert(id)
                && let Some(c) = self.index.claim(id)
            {
                claims.push(c.clone());
            }
        }
        kept.extend(project.with_reviews(claims)?);
        // Disagreements first, as `sort` orders claims.
        kept.sort_by(|a, b| order(&a.claim, &b.claim));
        self.claims = kept;
        Ok(())
    }
}

fn sources_of<'a>(
    texts: &'a HashMap<DocId, (Language, String)>,
    only: Option<&HashSet<DocId>>,
) -> Vec<Source<'a>> {
    let mut v: Vec<Source> = texts
        .iter()
        .filter(|(id, _)| only.is_none_or(|o| o.contains(id)))
        .map(|(id, (language, text))| Source {
            id: *id,
            language,
            text,
        })
        .collect();
    v.sort_by_key(|s| s.id);
    v
}
