//! Gold-standard sets in the formats annotation tools read: a document's
//! text with its figures, written in each consumer's shape and offset unit.
//!
//! Offsets inside Tualek are code points; some consumers count UTF-16 code
//! units instead (doccano, Label Studio's older editor). [`Offsets`] converts
//! at the last moment, per document, so no writer does its own arithmetic.

pub mod doccano;
pub mod labelstudio;
pub mod spacy;

use std::path::{Path, PathBuf};

use crate::model::{DocId, Figure, FigureId, Link, Status};
use crate::store::{FigureFilter, Store, StoreError};

use super::{ExportError, Selection, write_atomically};

/// A document and the figures an export writes of it, by position.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnotatedDoc {
    pub id: DocId,
    pub title: String,
    pub language: String,
    pub text: String,
    pub figures: Vec<Figure>,
}

/// The unit a consumer counts offsets in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OffsetUnit {
    /// Unicode code points (Python `str` indices): spaCy, Prodigy, brat, W3C.
    CodePoints,
    /// UTF-16 code units (JavaScript string indices): doccano.
    Utf16,
}

impl OffsetUnit {
    pub fn name(self) -> &'static str {
        match self {
            OffsetUnit::CodePoints => "code points",
            OffsetUnit::Utf16 => "UTF-16 units",
        }
    }
}

/// Code-point offsets of one text as a consumer counts them.
pub struct Offsets {
    /// `utf16[c]`: UTF-16 units before code point `c` (only for [`OffsetUnit::Utf16`]).
    utf16: Option<Vec<usize>>,
}

impl Offsets {
    pub fn new(text: &str, unit: OffsetUnit) -> Offsets {
        let utf16 = (unit == OffsetUnit::Utf16).then(|| {
            let mut at = Vec::with_capacity(text.len() + 1);
            let mut n = 0;
            for c in text.chars() {
                at.push(n);
                n += c.len_utf16();
            }
            at.push(n);
            at
        });
        Offsets { utf16 }
    }

    /// Code point `c` in the consumer's unit.
    pub fn of(&self, c: usize) -> usize {
        match &self.utf16 {
            Some(at) => at
                .get(c)
                .copied()
                .unwrap_or_else(|| *at.last().unwrap_or(&0)),
            None => c,
        }
    }
}

/// The documents `selection` picks that hold at least one selected figure
/// (live figures only: a stale figure is no annotation), in id order.
pub fn annotated_docs(
    store: &Store,
    selection: &Selection,
) -> Result<Vec<AnnotatedDoc>, StoreError> {
    let filter = FigureFilter {
        statuses: selection.statuses.clone(),
        ..Default::default()
    };
    let mut figures = store.figures(&filter)?;
    figures.retain(|f| f.status != Status::Stale && selection.has_document(f.document));
    let mut out: Vec<AnnotatedDoc> = Vec::new();
    for f in figures {
        if out.last().is_none_or(|d| d.id != f.document) {
            let Some(doc) = store.document(f.document)? else {
                continue;
            };
            out.push(AnnotatedDoc {
                id: doc.meta.id,
                title: doc.meta.title,
                language: doc.meta.language.to_string(),
                text: doc.text,
                figures: Vec::new(),
            });
        }
        if let Some(d) = out.last_mut() {
            d.figures.push(f);
        }
    }
    Ok(out)
}

/// What a gold-standard export writes: the documents with their selected
/// figures, and the links whose two figures are both among them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GoldSet {
    pub docs: Vec<AnnotatedDoc>,
    pub links: Vec<Link>,
}

impl GoldSet {
    /// The set `selection` picks out of `store`.
    pub fn load(store: &Store, selection: &Selection) -> Result<GoldSet, StoreError> {
        let docs = annotated_docs(store, selection)?;
        let ids: std::collections::HashSet<FigureId> = docs
            .iter()
            .flat_map(|d| d.figures.iter().map(|f| f.id))
            .collect();
        let mut links = store.links()?;
        links.retain(|l| ids.contains(&l.a) && ids.contains(&l.b));
        Ok(GoldSet { docs, links })
    }

    /// A figure of the set and its document.
    pub fn figure(&self, id: FigureId) -> Option<(&AnnotatedDoc, &Figure)> {
        self.docs
            .iter()
            .find_map(|d| d.figures.iter().find(|f| f.id == id).map(|f| (d, f)))
    }

    pub fn figure_count(&self) -> usize {
        self.docs.iter().map(|d| d.figures.len()).sum()
    }
}

/// A gold-standard format: what `tualek export --format` and File → Export offer
/// beside Tualek's own JSON Lines and CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoldFormat {
    Spacy,
    Prodigy,
    Doccano,
    /// Label Studio tasks (a JSON array) and the labeling config beside them.
    LabelStudio,
}

impl GoldFormat {
    /// Every gold-standard format, in the order a user is offered them.
    pub const ALL: &'static [GoldFormat] = &[
        GoldFormat::Spacy,
        GoldFormat::Prodigy,
        GoldFormat::Doccano,
        GoldFormat::LabelStudio,
    ];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            GoldFormat::Spacy => "spacy",
            GoldFormat::Prodigy => "prodigy",
            GoldFormat::Doccano => "doccano",
            GoldFormat::LabelStudio => "labelstudio",
        }
    }

    /// The unit its consumer counts offsets in.
    pub fn default_unit(self) -> OffsetUnit {
        match self {
            GoldFormat::Doccano => OffsetUnit::Utf16,
            _ => OffsetUnit::CodePoints,
        }
    }

    /// Whether `--offsets` may choose another unit (the consumer reads both).
    pub fn unit_choosable(self) -> bool {
        matches!(self, GoldFormat::Doccano | GoldFormat::LabelStudio)
    }

    /// Whether the export is a folder of files rather than one file.
    pub fn is_folder(self) -> bool {
        false
    }

    /// The file name extension a single-file export usually has.
    pub fn extension(self) -> &'static str {
        match self {
            GoldFormat::LabelStudio => "json",
            _ => "jsonl",
        }
    }
}

/// How a gold-standard export is written, beyond its format.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldOptions {
    /// The offset unit; `None` is the consumer's own.
    pub unit: Option<OffsetUnit>,
    /// The IRI documents are named under (W3C); `None` is `urn:tualek:doc:`.
    pub base_iri: Option<String>,
}

/// What a gold-standard export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldReport {
    pub documents: usize,
    pub figures: usize,
    pub links: usize,
    /// Every file written, the export itself first.
    pub files: Vec<PathBuf>,
}

/// Writes `set` in `format` to `out` (a file, or a folder for folder formats).
pub fn write_gold(
    store: &Store,
    set: &GoldSet,
    format: GoldFormat,
    out: &Path,
    options: &GoldOptions,
) -> Result<GoldReport, ExportError> {
    let _ = store;
    let unit = options.unit.unwrap_or(format.default_unit());
    if unit != format.default_unit() && !format.unit_choosable() {
        return Err(ExportError::Invalid(format!(
            "{} counts offsets in {}; --offsets chooses only for doccano and labelstudio",
            format.name(),
            format.default_unit().name()
        )));
    }
    let mut links = set.links.len();
    let mut files = vec![out.to_path_buf()];
    write_atomically(out, |w| match format {
        GoldFormat::Spacy => spacy::write_spacy(w, &set.docs),
        GoldFormat::Prodigy => spacy::write_prodigy(w, &set.docs),
        GoldFormat::Doccano => doccano::write_doccano(w, &set.docs, unit),
        GoldFormat::LabelStudio => {
            links = labelstudio::write_labelstudio(w, set, unit)?;
            Ok(())
        }
    })?;
    if format == GoldFormat::LabelStudio {
        let config = labelstudio::config_path(out);
        write_atomically(&config, |w| {
            w.write_all(labelstudio::labeling_config().as_bytes())
                .map_err(|e| ExportError::Io(config.display().to_string(), e))
        })?;
        files.push(config);
    }
    Ok(GoldReport {
        documents: set.docs.len(),
        figures: set.figure_count(),
        links,
        files,
    })
}
