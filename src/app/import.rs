//! Importing files as one action: all of them land, or (on cancel or crash) none.

use std::path::{Path, PathBuf};

use crate::import::{self, ImportError, ImportOptions};
use crate::model::Document;
use crate::model::{DocId, DocumentMeta};
use crate::store::{ActionTx, ImportOutcome};

use super::extract::found_figures;

use super::{Project, Result};

/// Reported before each file is read.
#[derive(Debug, Clone, Copy)]
pub struct ImportProgress<'a> {
    pub done: usize,
    pub total: usize,
    pub path: &'a Path,
}

/// What an import did, file by file.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub added: Vec<(PathBuf, DocId)>,
    /// Figures the extractor found in the new documents.
    pub figures: usize,
    /// Files whose text the project already holds, with the document holding it.
    pub duplicates: Vec<(PathBuf, DocumentMeta)>,
    /// Files not imported, with the reason.
    pub refused: Vec<(PathBuf, ImportError)>,
    pub history: Option<i64>,
    /// Cancelled by the caller: nothing was imported.
    pub cancelled: bool,
}

impl Project {
    /// Imports files and folders (recursively) in one action.
    ///
    /// `progress` is called before each file; returning `false` cancels the
    /// whole import, which then leaves the project as it was.
    pub fn import(
        &mut self,
        paths: &[PathBuf],
        options: &ImportOptions,
        progress: &mut dyn FnMut(ImportProgress) -> bool,
    ) -> Result<ImportReport> {
        let collected = import::collect(paths);
        let mut report = ImportReport {
            refused: collected.refused,
            ..Default::default()
        };
        let total = collected.files.len();
        let who = self.reviewer.clone();
        let mut tx = self.store.begin("import", &who)?;
        for (done, path) in collected.files.iter().enumerate() {
            if !progress(ImportProgress { done, total, path }) {
                report.cancelled = true;
                return Ok(report); // dropping `tx` rolls back
            }
            match import::read_file(path, options) {
                Ok(doc) => match store_document(&mut tx, &doc)? {
                    (ImportOutcome::Added(id), figures) => {
                        report.figures += figures;
                        report.added.push((path.clone(), id));
                    }
                    (ImportOutcome::Restored(id), _) => report.added.push((path.clone(), id)),
                    (ImportOutcome::Duplicate(meta), _) => {
                        report.duplicates.push((path.clone(), meta))
                    }
                },
                Err(e) => report.refused.push((path.clone(), e)),
            }
        }
        progress(ImportProgress {
            done: total,
            total,
            path: Path::new(""),
        });
        let summary = match report.added.as_slice() {
            [(path, _)] => format!(
                "import {} ({} figures found)",
                path.display(),
                report.figures
            ),
            added => format!(
                "import {} documents ({} figures found)",
                added.len(),
                report.figures
            ),
        };
        report.history = tx.commit(&summary)?;
        Ok(report)
    }
}

/// Stores one document in an import action and, when it is new, the figures
/// the extractor finds in it. Returns what happened and how many figures.
pub(super) fn store_document(
    tx: &mut ActionTx<'_>,
    doc: &Document,
) -> Result<(ImportOutcome, usize)> {
    let outcome = tx.import_document(doc)?;
    let figures = match outcome {
        ImportOutcome::Added(id) => tx.add_found_figures(id, &found_figures(id, &doc.text))?,
        _ => 0,
    };
    Ok((outcome, figures))
}
