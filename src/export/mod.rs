//! Figures out of a project, in the formats other tools read.
//!
//! Every file is written beside its destination under a temporary name,
//! synced, then renamed over it: a failed export never leaves half a file
//! (a device, a pipe or `-` is written to directly: see [`target`]).

pub mod annotations;
mod csv_safe;
pub mod qa_csv;
mod record;
pub mod report;
mod target;
pub mod tmx;

pub use csv_safe::formula_safe;
pub use record::Record;
pub use target::{Target, is_stream, write_atomically};

use std::io::Write;
use std::path::Path;

use crate::model::{DocId, Status};
use crate::store::{FigureFilter, Store, StoreError};

/// A file format figures are exported in. A new format is a variant here,
/// its name and extension below, and its writer in [`export_selection`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Csv,
    /// A format another tool reads, written from whole documents (see [`annotations`]).
    Gold(annotations::GoldFormat),
}

impl Format {
    /// Every format, in the order a user is offered them: Tualek's own, then the gold-standard ones.
    pub fn all() -> Vec<Format> {
        let own = [Format::Jsonl, Format::Csv];
        own.into_iter()
            .chain(
                annotations::GoldFormat::ALL
                    .iter()
                    .map(|g| Format::Gold(*g)),
            )
            .collect()
    }

    /// Whether it is written as a folder of files (chosen as a folder).
    pub fn is_folder(self) -> bool {
        matches!(self, Format::Gold(g) if g.is_folder())
    }

    /// The file name extension (without the dot).
    pub fn extension(self) -> &'static str {
        self.extensions().first().copied().unwrap_or("")
    }

    /// The extensions a file of this format goes by, the usual one first
    /// (none for a folder format).
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Jsonl => &["jsonl"],
            Format::Csv => &["csv"],
            Format::Gold(g) => g.extensions(),
        }
    }

    /// The id of its name in the UI's translations.
    pub fn message_id(self) -> &'static str {
        match self {
            Format::Jsonl => "format-jsonl",
            Format::Csv => "format-csv",
            Format::Gold(g) => g.message_id(),
        }
    }
}

/// An export as planned in the workbench's export window: what to write, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportPlan {
    pub format: Format,
    pub selection: Selection,
}

/// Which figures an export writes: those of these statuses (all when empty)
/// in these documents (all when `None`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Selection {
    pub statuses: Vec<Status>,
    pub documents: Option<Vec<DocId>>,
}

impl Selection {
    /// What a gold-standard set holds: the figures a reviewer accepted.
    pub fn reviewed_gold() -> Selection {
        Selection {
            statuses: vec![Status::Confirmed, Status::Corrected],
            documents: None,
        }
    }

    pub fn includes(&self, document: DocId, status: Status) -> bool {
        (self.statuses.is_empty() || self.statuses.contains(&status)) && self.has_document(document)
    }

    /// Whether figures of `document` are wanted at all.
    pub fn has_document(&self, document: DocId) -> bool {
        self.documents
            .as_ref()
            .is_none_or(|docs| docs.contains(&document))
    }

    /// How many figures it selects, given the project's counts per document and status.
    pub fn count(&self, tally: &std::collections::HashMap<(DocId, Status), usize>) -> usize {
        tally
            .iter()
            .filter(|((doc, status), _)| self.includes(*doc, *status))
            .map(|(_, n)| n)
            .sum()
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "jsonl" | "json-lines" => Ok(Format::Jsonl),
            "csv" => Ok(Format::Csv),
            other => annotations::GoldFormat::ALL
                .iter()
                .find(|g| g.name() == other)
                .map(|g| Format::Gold(*g))
                .ok_or_else(|| format!("unknown export format '{other}'")),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Writing `{0}` (a path, or "the standard output") failed.
    #[error("{}", io_message(.0, .1))]
    Io(String, std::io::Error),
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("the export was cancelled")]
    Cancelled,
    /// The export was asked for something it cannot write as asked.
    #[error("{0}")]
    Invalid(String),
}

/// One line for a failed write: a full disk says so, and that nothing was
/// written (a file export leaves the old file as it was).
fn io_message(what: &str, e: &std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::StorageFull {
        return format!("{what}: the disk is full; nothing was written");
    }
    format!("cannot write {what}: {e}")
}

/// The figures `filter` selects, as export records, by document and position.
pub fn records(store: &Store, filter: &FigureFilter) -> Result<Vec<Record>, StoreError> {
    let mut out = Vec::new();
    for_each_record(
        store,
        filter,
        |_| true,
        |r| {
            out.push(r);
            Ok::<_, StoreError>(())
        },
    )?;
    Ok(out)
}

/// Calls `each` with the record of every figure `filter` selects in a
/// document `keep` accepts, by document and position, one at a time: what
/// the listings and exports stream, so a project of millions of figures is
/// written in the memory of one (and of the documents' metadata, never
/// their texts). Returns how many records `each` took.
pub fn for_each_record<E: From<StoreError>>(
    store: &Store,
    filter: &FigureFilter,
    keep: impl Fn(DocId) -> bool,
    mut each: impl FnMut(Record) -> Result<(), E>,
) -> Result<usize, E> {
    let docs: std::collections::HashMap<_, _> =
        store.documents()?.into_iter().map(|d| (d.id, d)).collect();
    let mut n = 0;
    store.for_each_figure(filter, |f| match docs.get(&f.document) {
        Some(d) if keep(f.document) => {
            n += 1;
            each(Record::new(&f, d))
        }
        _ => Ok(()),
    })?;
    Ok(n)
}

/// Writes the selected figures to `out`; returns how many.
pub fn export(
    store: &Store,
    filter: &FigureFilter,
    format: Format,
    out: &Path,
) -> Result<usize, ExportError> {
    stream_records(store, filter, |_| true, format, out)
}

/// What an export wrote: how many figures, and what its format could not hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Exported {
    pub figures: usize,
    pub notes: Vec<String>,
}

/// Writes the figures `selection` picks (several documents at once) to `out`.
/// `progress` hears (documents read, documents in all) and stops the export by returning false.
pub fn export_selection(
    store: &Store,
    selection: &Selection,
    format: Format,
    out: &Path,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Exported, ExportError> {
    if let Format::Gold(gold) = format {
        let options = annotations::GoldOptions::default();
        let report = annotations::export_gold(store, selection, gold, out, &options, progress)?
            .ok_or(ExportError::Cancelled)?;
        return Ok(Exported {
            figures: report.figures,
            notes: report.notes,
        });
    }
    let filter = FigureFilter {
        statuses: selection.statuses.clone(),
        ..Default::default()
    };
    let figures = stream_records(
        store,
        &filter,
        |doc| selection.has_document(doc),
        format,
        out,
    )?;
    Ok(Exported {
        figures,
        notes: Vec::new(),
    })
}

/// Writes the records of [`for_each_record`] to `out` in `format` (JSON
/// Lines or CSV) as they are read; returns how many.
fn stream_records(
    store: &Store,
    filter: &FigureFilter,
    keep: impl Fn(DocId) -> bool,
    format: Format,
    out: &Path,
) -> Result<usize, ExportError> {
    let mut n = 0;
    write_atomically(out, |w| {
        n = match format {
            Format::Jsonl => for_each_record(store, filter, keep, |r| write_jsonl_record(w, &r))?,
            Format::Csv => {
                let mut csv = CsvRecords::new(w)?;
                let n = for_each_record(store, filter, keep, |r| csv.push(&r))?;
                csv.finish()?;
                n
            }
            Format::Gold(g) => {
                return Err(ExportError::Invalid(format!(
                    "{} is written from whole documents: use export_selection",
                    g.name()
                )));
            }
        };
        Ok(())
    })?;
    Ok(n)
}

pub fn write_jsonl(w: &mut dyn Write, records: &[Record]) -> Result<(), ExportError> {
    for r in records {
        write_jsonl_record(w, r)?;
    }
    Ok(())
}

/// One record as a line of JSON Lines.
pub fn write_jsonl_record(w: &mut dyn Write, r: &Record) -> Result<(), ExportError> {
    serde_json::to_writer(&mut *w, r)?;
    w.write_all(b"\n")
        .map_err(|e| ExportError::Io("output".into(), e))
}

pub fn write_csv(w: &mut dyn Write, records: &[Record]) -> Result<(), ExportError> {
    let mut csv = CsvRecords::new(w)?;
    for r in records {
        csv.push(r)?;
    }
    csv.finish()
}

/// A CSV export being written a record at a time: the header, then each
/// row as it comes (what both [`write_csv`] and a streamed export use, so
/// the two write the same cells).
struct CsvRecords<'w> {
    csv: csv::Writer<&'w mut dyn Write>,
}

impl<'w> CsvRecords<'w> {
    fn new(w: &'w mut dyn Write) -> Result<Self, ExportError> {
        let mut csv = csv::Writer::from_writer(w);
        csv.write_record(Record::COLUMNS)?;
        Ok(CsvRecords { csv })
    }

    fn push(&mut self, r: &Record) -> Result<(), ExportError> {
        Ok(self.csv.write_record(r.csv_row())?)
    }

    fn finish(mut self) -> Result<(), ExportError> {
        self.csv
            .flush()
            .map_err(|e| ExportError::Io("output".into(), e))
    }
}
