//! Importing files as one action: all of them land, or (on cancel or crash) none.

use std::path::{Path, PathBuf};

use crate::import::{self, ImportError, ImportOptions, bilingual};
use crate::model::{DocId, Document, DocumentMeta, Segment};
use crate::store::{ActionTx, ImportOutcome};

use super::extract::found_rows;
use crate::extract::{self, Found};

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

/// A file read (and, for a single document, its figures found) ahead of
/// the store, on the import's reading thread.
enum Prepared {
    Document(std::result::Result<(Document, Vec<Found>), ImportError>),
    Pair(std::result::Result<bilingual::BilingualPair, ImportError>),
}

/// Reads `path` and finds its figures: everything of an import that does not
/// touch the project.
fn prepare(path: &Path, options: &ImportOptions) -> Prepared {
    if bilingual::is_bilingual(path) {
        return Prepared::Pair(
            bilingual::read_bilingual(path, options).and_then(|b| b.into_pair(path, options)),
        );
    }
    Prepared::Document(import::read_file(path, options).map(|doc| {
        let found = extract::extract(&doc.text);
        (doc, found)
    }))
}

impl Project {
    /// Imports files and folders (recursively) in one action.
    ///
    /// `progress` is called before each file is stored; returning `false`
    /// cancels the whole import, which then leaves the project as it was.
    ///
    /// Files are read, decoded and searched for figures on a second thread,
    /// one file ahead of the store, so the two cores of a small machine
    /// share the work: the store's writing is the larger half.
    pub fn import(
        &mut self,
        paths: &[PathBuf],
        options: &ImportOptions,
        progress: &mut dyn FnMut(ImportProgress) -> bool,
    ) -> Result<ImportReport> {
        let import::Collected { files, refused } = import::collect(paths);
        let files = &files;
        let mut report = ImportReport {
            refused,
            ..Default::default()
        };
        let total = files.len();
        let who = self.reviewer.clone();
        let mut tx = self.store.begin_import(&who)?;
        let finished = std::thread::scope(|scope| -> Result<bool> {
            // One file waits while the next is read: the memory of two.
            let (ready, prepared) = std::sync::mpsc::sync_channel(1);
            scope.spawn(move || {
                for path in files {
                    // The store stopped (cancelled, or an error): so do we.
                    if ready.send(prepare(path, options)).is_err() {
                        return;
                    }
                }
            });
            for (done, (path, next)) in files.iter().zip(prepared).enumerate() {
                if !progress(ImportProgress { done, total, path }) {
                    return Ok(false);
                }
                store_prepared(&mut tx, &mut report, path, next)?;
            }
            Ok(true)
        })?;
        if !finished {
            report.cancelled = true;
            return Ok(report); // dropping `tx` rolls back
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

/// Stores one prepared file in an import action and files the outcome.
fn store_prepared(
    tx: &mut ActionTx<'_>,
    report: &mut ImportReport,
    path: &Path,
    prepared: Prepared,
) -> Result<()> {
    match prepared {
        Prepared::Pair(Ok(p)) => {
            let stored = store_pair(tx, &p.source, &p.target, &p.segments)?;
            record_pair(report, [path, path], stored);
        }
        Prepared::Document(Ok((doc, found))) => match tx.import_document(&doc)? {
            ImportOutcome::Added(id) => {
                report.figures += tx.add_found_rows(id, found_rows(&doc.text, &found))?;
                report.added.push((path.to_path_buf(), id));
            }
            ImportOutcome::Restored(id) => report.added.push((path.to_path_buf(), id)),
            ImportOutcome::Duplicate(meta) => report.duplicates.push((path.to_path_buf(), meta)),
        },
        Prepared::Pair(Err(e)) | Prepared::Document(Err(e)) => {
            report.refused.push((path.to_path_buf(), e))
        }
    }
    Ok(())
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
            let found = extract::extract(&doc.text);
            tx.add_found_rows(id, found_rows(&doc.text, &found))?
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
        let mut tx = self.store.begin_import(&who)?;
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
