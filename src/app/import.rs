//! Importing files as one action: all of them land, or (on cancel or crash) none.

use std::path::{Path, PathBuf};

use crate::import::{self, ImportError, ImportOptions, bilingual};
use crate::model::{DocId, Document, DocumentMeta, Segment};
use crate::store::{ActionTx, ImportOutcome};

use super::extract::found_figures_iter;

use super::{AppError, Project, Result};

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
    /// Bilingual files (and line pairs) imported as two documents with their
    /// segment alignment: the file, the source and target documents, and
    /// how many segments. Both documents are in `added` too.
    pub pairs: Vec<(PathBuf, DocId, DocId, usize)>,
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
            if bilingual::is_bilingual(path) {
                let read = bilingual::read_bilingual(path, options)
                    .and_then(|b| b.into_pair(path, options));
                match read {
                    Ok(p) => {
                        let stored = store_pair(&mut tx, &p.source, &p.target, &p.segments)?;
                        record_pair(&mut report, [path, path], stored);
                    }
                    Err(e) => report.refused.push((path.clone(), e)),
                }
                continue;
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
        ImportOutcome::Added(id) => {
            tx.add_found_figures_from(id, found_figures_iter(id, &doc.text))?
        }
        _ => 0,
    };
    Ok((outcome, figures))
}

/// What storing one aligned pair did.
pub(super) enum PairOutcome {
    /// Both documents new, their segments stored: (source, target, segments, figures).
    Added(DocId, DocId, usize, usize),
    /// The pair is in the project already (shown again if it was hidden).
    Present(Box<[DocumentMeta; 2]>),
}

/// Stores the two documents of a bilingual file and their segments (whose
/// document ids are filled in here) in an import action. A side whose text
/// the project holds outside this alignment refuses the pair, before
/// anything of it is written.
pub(super) fn store_pair(
    tx: &mut ActionTx<'_>,
    source: &Document,
    target: &Document,
    segments: &[Segment],
) -> Result<std::result::Result<PairOutcome, ImportError>> {
    // Two documents cannot hold one text (texts are unique in a project).
    if source.meta.sha256 == target.meta.sha256 {
        return Ok(Err(ImportError::SameTexts));
    }
    let held = (
        tx.document_with_text(&source.meta.sha256)?,
        tx.document_with_text(&target.meta.sha256)?,
    );
    match held {
        (None, None) => {}
        (Some(s), Some(t)) if tx.aligned(s.id, t.id)? => {
            let shown = |tx: &mut ActionTx<'_>, doc: &Document| -> Result<DocumentMeta> {
                Ok(match tx.import_document(doc)? {
                    ImportOutcome::Duplicate(meta) => meta,
                    ImportOutcome::Restored(id) | ImportOutcome::Added(id) => DocumentMeta {
                        id,
                        removed: false,
                        ..doc.meta.clone()
                    },
                })
            };
            let (s, t) = (shown(tx, source)?, shown(tx, target)?);
            return Ok(Ok(PairOutcome::Present(Box::new([s, t]))));
        }
        (s, t) => {
            let (side, meta) = match (s, t) {
                (Some(m), _) => ("source", m),
                (_, Some(m)) => ("target", m),
                (None, None) => unreachable!("handled above"),
            };
            return Ok(Err(ImportError::PairTextHeld {
                side,
                id: meta.id,
                title: meta.title,
            }));
        }
    }
    let (ImportOutcome::Added(s), f1) = store_document(tx, source)? else {
        return Err(AppError::Invalid("the source document was not new".into()));
    };
    let (ImportOutcome::Added(t), f2) = store_document(tx, target)? else {
        return Err(AppError::Invalid("the target document was not new".into()));
    };
    let segments: Vec<Segment> = segments
        .iter()
        .map(|seg| Segment {
            source_doc: s,
            target_doc: t,
            ..seg.clone()
        })
        .collect();
    let n = tx.add_segments(&segments)?;
    Ok(Ok(PairOutcome::Added(s, t, n, f1 + f2)))
}

impl Project {
    /// Imports two text files that translate each other, line n with line
    /// n, as one action: two documents and their segment alignment.
    pub fn import_pair(
        &mut self,
        source: &Path,
        target: &Path,
        options: &ImportOptions,
    ) -> Result<ImportReport> {
        let read = bilingual::read_line_pair(source, target, options)
            .and_then(|b| b.into_pair_of_files(source, target, options));
        match read {
            Ok(pair) => self.import_aligned(source, &pair.source, &pair.target, &pair.segments),
            Err(e) => Ok(ImportReport {
                refused: vec![(source.to_path_buf(), e)],
                ..Default::default()
            }),
        }
    }

    /// Imports one aligned pair (two documents and their segments, ids 0),
    /// as one action, named after `path`. Also what a bilingual file becomes.
    pub fn import_aligned(
        &mut self,
        path: &Path,
        source: &Document,
        target: &Document,
        segments: &[Segment],
    ) -> Result<ImportReport> {
        let who = self.reviewer.clone();
        let mut tx = self.store.begin("import", &who)?;
        let mut report = ImportReport::default();
        record_pair(
            &mut report,
            [path, Path::new(&target.meta.source_path)],
            store_pair(&mut tx, source, target, segments)?,
        );
        let summary = format!(
            "import {} as a translation pair ({} figures found)",
            path.display(),
            report.figures
        );
        report.history = tx.commit(&summary)?;
        Ok(report)
    }
}

/// Files the outcome of one pair in the report, each document under the
/// file it came from (one file for a TMX or XLIFF, two for a line pair).
pub(super) fn record_pair(
    report: &mut ImportReport,
    [path, target_path]: [&Path; 2],
    outcome: std::result::Result<PairOutcome, ImportError>,
) {
    match outcome {
        Ok(PairOutcome::Added(s, t, n, figures)) => {
            report.figures += figures;
            report.added.push((path.to_path_buf(), s));
            report.added.push((target_path.to_path_buf(), t));
            report.pairs.push((path.to_path_buf(), s, t, n));
        }
        Ok(PairOutcome::Present(both)) => {
            let [s, t] = *both;
            report.duplicates.push((path.to_path_buf(), s));
            report.duplicates.push((target_path.to_path_buf(), t));
        }
        Err(e) => report.refused.push((path.to_path_buf(), e)),
    }
}
