//! Claims across sources as a project has them: the engine
//! ([`crate::claims`]) run over the project's live figures, with the
//! reviewers' decisions (links of relation `same`, dismissals, notes) applied.

use crate::claims::{Input, ReviewedClaim, Source, find_claims};
use crate::model::{Document, FigureId, Relation, Status};
use crate::store::FigureFilter;

use super::{Project, Result};

impl Project {
    /// Every claim of the project, disagreements first.
    pub fn claims(&self) -> Result<Vec<ReviewedClaim>> {
        let store = self.store();
        let mut documents: Vec<Document> = Vec::new();
        for meta in store.documents()? {
            if let Some(doc) = store.document(meta.id)? {
                documents.push(doc);
            }
        }
        let figures = store.figures(&FigureFilter {
            statuses: vec![Status::Unreviewed, Status::Confirmed, Status::Corrected],
            ..FigureFilter::default()
        })?;
        let same: Vec<(FigureId, FigureId)> = store
            .links()?
            .into_iter()
            .filter(|l| l.relation == Relation::Same)
            .map(|l| (l.a, l.b))
            .collect();
        let sources: Vec<Source> = documents
            .iter()
            .map(|d| Source {
                id: d.meta.id,
                language: &d.meta.language,
                text: &d.text,
            })
            .collect();
        let input = Input {
            sources: &sources,
            figures: &figures,
            same: &same,
            distinct: &[],
        };
        Ok(find_claims(&input)
            .into_iter()
            .map(|claim| ReviewedClaim {
                claim,
                reviews: Vec::new(),
            })
            .collect())
    }
}
