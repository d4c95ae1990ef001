//! Gold-standard sets in the formats annotation tools read: a document's
//! text with its figures, written in each consumer's shape and offset unit.
//!
//! Offsets inside Tualek are code points; some consumers count UTF-16 code
//! units instead (doccano, Label Studio's older editor). [`Offsets`] converts
//! at the last moment, per document, so no writer does its own arithmetic.

pub mod brat;
pub mod card;
pub mod doccano;
pub mod gold_tmx;
pub mod labelstudio;
pub mod spacy;
pub mod webanno;

use std::io::Write;
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
    Ok(annotated_docs_with(store, selection, &mut |_, _| true)?.unwrap_or_default())
}

/// As [`annotated_docs`], telling `progress` (documents read, documents in
/// all) as it goes; `None` when `progress` asked to stop.
fn annotated_docs_with(
    store: &Store,
    selection: &Selection,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Option<Vec<AnnotatedDoc>>, StoreError> {
    let mut out = Vec::new();
    let done = for_each_annotated_doc(store, selection, progress, |d| {
        out.push(d);
        Ok::<_, StoreError>(())
    })?;
    Ok(done.then_some(out))
}

/// Calls `each` with the documents of [`annotated_docs`], one at a time, in
/// id order: a streamed export holds one document's text and figures, not
/// the project's. `progress` hears (documents read, documents in all);
/// returns `Ok(false)` when it asked to stop.
pub fn for_each_annotated_doc<E: From<StoreError>>(
    store: &Store,
    selection: &Selection,
    progress: &mut dyn FnMut(usize, usize) -> bool,
    mut each: impl FnMut(AnnotatedDoc) -> Result<(), E>,
) -> Result<bool, E> {
    // The documents holding a selected live figure, from the counts alone.
    let wanted: std::collections::HashSet<DocId> = store
        .status_counts()?
        .into_iter()
        .filter(|&((d, status), n)| {
            n > 0 && status != Status::Stale && selection.includes(d, status)
        })
        .map(|((d, _), _)| d)
        .collect();
    let docs: Vec<_> = store
        .documents()?
        .into_iter()
        .filter(|d| wanted.contains(&d.id))
        .collect();
    let total = docs.len();
    for (read, meta) in docs.into_iter().enumerate() {
        if !progress(read, total) {
            return Ok(false);
        }
        let filter = FigureFilter {
            document: Some(meta.id),
            statuses: selection.statuses.clone(),
        };
        let mut figures = store.figures(&filter)?;
        figures.retain(|f| f.status != Status::Stale);
        if figures.is_empty() {
            continue;
        }
        let Some(doc) = store.document(meta.id)? else {
            continue;
        };
        each(AnnotatedDoc {
            id: doc.meta.id,
            title: doc.meta.title,
            language: doc.meta.language.to_string(),
            text: doc.text,
            figures,
        })?;
    }
    progress(total, total);
    Ok(true)
}

/// What a gold-standard export writes: the documents with their selected
/// figures, and the links whose two figures are both among them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GoldSet {
    pub docs: Vec<AnnotatedDoc>,
    pub links: Vec<Link>,
    /// Where each figure stands: (index in `docs`, index in its `figures`).
    at: std::collections::HashMap<FigureId, (usize, usize)>,
}

impl GoldSet {
    /// The set `selection` picks out of `store`.
    pub fn load(store: &Store, selection: &Selection) -> Result<GoldSet, StoreError> {
        Ok(Self::load_with(store, selection, &mut |_, _| true)?.unwrap_or_default())
    }

    /// As [`GoldSet::load`], telling `progress` (documents read, documents in
    /// all); `None` when it asked to stop.
    pub fn load_with(
        store: &Store,
        selection: &Selection,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<Option<GoldSet>, StoreError> {
        let Some(docs) = annotated_docs_with(store, selection, progress)? else {
            return Ok(None);
        };
        Ok(Some(GoldSet::new(docs, store.links()?)))
    }

    /// The set of `docs` and those of `links` whose two figures are among them.
    pub fn new(docs: Vec<AnnotatedDoc>, mut links: Vec<Link>) -> GoldSet {
        let at: std::collections::HashMap<FigureId, (usize, usize)> = docs
            .iter()
            .enumerate()
            .flat_map(|(i, d)| {
                d.figures
                    .iter()
                    .enumerate()
                    .map(move |(j, f)| (f.id, (i, j)))
            })
            .collect();
        links.retain(|l| at.contains_key(&l.a) && at.contains_key(&l.b));
        GoldSet { docs, links, at }
    }

    /// A figure of the set and its document.
    pub fn figure(&self, id: FigureId) -> Option<(&AnnotatedDoc, &Figure)> {
        let &(i, j) = self.at.get(&id)?;
        let d = &self.docs[i];
        Some((d, &d.figures[j]))
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
    /// brat standoff: a folder of `.txt` and `.ann` files with `annotation.conf`.
    Brat,
    /// W3C Web Annotation JSON-LD: an `AnnotationCollection` of figures and links.
    Webanno,
    /// TMX 1.4b: the segment pairs that hold translation links.
    Tmx,
    /// Label Studio tasks (a JSON array) and the labeling config beside them.
    LabelStudio,
}

impl GoldFormat {
    /// Every gold-standard format, in the order a user is offered them.
    pub const ALL: &'static [GoldFormat] = &[
        GoldFormat::Spacy,
        GoldFormat::Prodigy,
        GoldFormat::Doccano,
        GoldFormat::Brat,
        GoldFormat::Webanno,
        GoldFormat::Tmx,
        GoldFormat::LabelStudio,
    ];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            GoldFormat::Spacy => "spacy",
            GoldFormat::Prodigy => "prodigy",
            GoldFormat::Doccano => "doccano",
            GoldFormat::Brat => "brat",
            GoldFormat::Webanno => "webanno",
            GoldFormat::Tmx => "tmx",
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
        matches!(self, GoldFormat::Brat)
    }

    /// The file name extensions a single-file export goes by, the usual one
    /// first (none for a folder format).
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            GoldFormat::Spacy | GoldFormat::Prodigy | GoldFormat::Doccano => &["jsonl"],
            GoldFormat::Brat => &[],
            GoldFormat::Webanno => &["jsonld", "json"],
            GoldFormat::Tmx => &["tmx"],
            GoldFormat::LabelStudio => &["json"],
        }
    }

    /// The id of its name in the UI's translations.
    pub fn message_id(self) -> &'static str {
        match self {
            GoldFormat::Spacy => "format-spacy",
            GoldFormat::Prodigy => "format-prodigy",
            GoldFormat::Doccano => "format-doccano",
            GoldFormat::Brat => "format-brat",
            GoldFormat::Webanno => "format-webanno",
            GoldFormat::Tmx => "format-tmx",
            GoldFormat::LabelStudio => "format-labelstudio",
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
    /// Leave out the dataset card (README.md and croissant.json beside the export).
    pub no_card: bool,
    /// The card's licence, an SPDX identifier; `None` writes a placeholder to fill.
    pub license: Option<String>,
}

/// What a gold-standard export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldReport {
    pub documents: usize,
    pub figures: usize,
    pub links: usize,
    /// Every file written, the export itself first.
    pub files: Vec<PathBuf>,
    /// What the format could not hold, in words for the user ("2 figures
    /// inside another left out: doccano keeps no overlapping spans").
    pub notes: Vec<String>,
}

/// Writes `set` in `format` to `out` (a file, or a folder for folder formats).
pub fn write_gold(
    store: &Store,
    set: &GoldSet,
    format: GoldFormat,
    out: &Path,
    options: &GoldOptions,
) -> Result<GoldReport, ExportError> {
    let unit = unit_of(format, options)?;
    let mut written = Written {
        links: set.links.len(),
        notes: Vec::new(),
    };
    let plan = CardPlan::new(format, out, options)?;
    written.notes.extend(plan.notes.iter().cloned());
    let stream = plan.stream;
    let mut files: Vec<PathBuf> = match format {
        // A folder format: the folder first, then every file written into it.
        GoldFormat::Brat => std::iter::once(out.to_path_buf())
            .chain(brat::write_brat(set, out)?)
            .collect(),
        _ => {
            write_atomically(out, |w| {
                write_file(w, store, set, format, unit, options, &mut written)
            })?;
            let mut files = vec![out.to_path_buf()];
            // Label Studio needs its labeling config to read the tasks.
            if format == GoldFormat::LabelStudio && stream {
                written.notes.push(format!(
                    "no labeling config written: the tasks went to {}; Label Studio \
                     needs one to read them",
                    stream_name(out)
                ));
            } else if format == GoldFormat::LabelStudio {
                let config = labelstudio::config_path(out);
                write_atomically(&config, |w| {
                    w.write_all(labelstudio::labeling_config().as_bytes())
                        .map_err(|e| ExportError::Io(config.display().to_string(), e))
                })?;
                files.push(config);
            }
            files
        }
    };
    files.extend(plan.write(&card::counts(set), format, &files, options, unit)?);
    Ok(GoldReport {
        documents: set.docs.len(),
        figures: set.figure_count(),
        links: written.links,
        files,
        notes: written.notes,
    })
}

/// Whether a dataset card goes beside an export, and where. A stream (`-`, a
/// device, a pipe) has no folder to hold one, and a folder format cannot go
/// into a stream. A README.md of someone else's refuses the export before
/// anything is written.
struct CardPlan {
    stream: bool,
    dir: Option<PathBuf>,
    notes: Vec<String>,
}

impl CardPlan {
    fn new(format: GoldFormat, out: &Path, options: &GoldOptions) -> Result<CardPlan, ExportError> {
        let stream = super::is_stream(out);
        if stream && format.is_folder() {
            return Err(ExportError::Invalid(format!(
                "{} writes a folder of files; --out must name a folder, not {}",
                format.name(),
                stream_name(out)
            )));
        }
        let mut notes = Vec::new();
        if stream && !options.no_card {
            notes.push(format!(
                "no dataset card written: the export went to {}, not a file",
                stream_name(out)
            ));
        }
        let dir = (!options.no_card && !stream).then(|| card::card_dir(format, out));
        if let Some(dir) = &dir {
            card::check_card_target(dir)?;
        }
        Ok(CardPlan { stream, dir, notes })
    }

    /// Writes the card of what `counts` counts (when one is planned); the files it wrote.
    fn write(
        &self,
        counts: &card::Counts,
        format: GoldFormat,
        files: &[PathBuf],
        options: &GoldOptions,
        unit: OffsetUnit,
    ) -> Result<Vec<PathBuf>, ExportError> {
        let Some(dir) = &self.dir else {
            return Ok(Vec::new());
        };
        let about = card::CardOptions {
            license: options.license.clone(),
            unit: Some(unit),
            ..Default::default()
        };
        card::write_card_of(dir, counts, format, files, &about)
    }
}

/// A stream target in words: "the standard output" for `-`, else its path.
fn stream_name(out: &Path) -> String {
    match super::Target::of(out) {
        super::Target::Stdout => "the standard output".into(),
        _ => out.display().to_string(),
    }
}

/// The offset unit an export in `format` writes, refusing one its consumer cannot read.
fn unit_of(format: GoldFormat, options: &GoldOptions) -> Result<OffsetUnit, ExportError> {
    let unit = options.unit.unwrap_or(format.default_unit());
    if unit != format.default_unit() && !format.unit_choosable() {
        return Err(ExportError::Invalid(format!(
            "{} counts offsets in {}; --offsets chooses only for doccano and labelstudio",
            format.name(),
            format.default_unit().name()
        )));
    }
    Ok(unit)
}

/// Exports the set `selection` picks in `format` to `out`, as [`write_gold`]
/// does, with `progress` as in [`GoldSet::load_with`]; `None` when it asked
/// to stop (nothing is then written). The formats of one line per document
/// (spaCy, Prodigy, doccano) are streamed: each document is read, written
/// and its text let go before the next, so the export holds the largest
/// document, not the project. The others need the whole set at once (links
/// across documents, one JSON array) and load it.
pub fn export_gold(
    store: &Store,
    selection: &Selection,
    format: GoldFormat,
    out: &Path,
    options: &GoldOptions,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Option<GoldReport>, ExportError> {
    if !matches!(
        format,
        GoldFormat::Spacy | GoldFormat::Prodigy | GoldFormat::Doccano
    ) {
        let Some(set) = GoldSet::load_with(store, selection, progress)? else {
            return Ok(None);
        };
        return write_gold(store, &set, format, out, options).map(Some);
    }
    let unit = unit_of(format, options)?;
    let plan = CardPlan::new(format, out, options)?;
    // What the card counts (kinds, statuses, reviewers), document by document.
    let mut counted = card::Counts::default();
    // The figures written, to count the links between two of them.
    let mut ids: Vec<FigureId> = Vec::new();
    let mut left_out = 0;
    let written = write_atomically(out, |w| {
        let done = for_each_annotated_doc(store, selection, progress, |d| {
            let one = std::slice::from_ref(&d);
            match format {
                GoldFormat::Spacy => spacy::write_spacy(w, one)?,
                GoldFormat::Prodigy => spacy::write_prodigy(w, one)?,
                _ => left_out += doccano::write_doccano(w, one, unit)?,
            }
            counted.add(&d);
            ids.extend(d.figures.iter().map(|f| f.id));
            Ok::<_, ExportError>(())
        })?;
        // A cancelled export leaves no file: the temporary one is dropped.
        if done {
            Ok(())
        } else {
            Err(ExportError::Cancelled)
        }
    });
    match written {
        Err(ExportError::Cancelled) => return Ok(None),
        other => other?,
    }
    ids.sort_unstable();
    let written = |id: &FigureId| ids.binary_search(id).is_ok();
    counted.links = store
        .links()?
        .iter()
        .filter(|l| written(&l.a) && written(&l.b))
        .count();
    let mut notes = plan.notes.clone();
    if left_out > 0 {
        notes.push(format!(
            "{left_out} figures inside or across another left out: doccano keeps no \
             overlapping spans"
        ));
    }
    let mut files = vec![out.to_path_buf()];
    files.extend(plan.write(&counted, format, &files, options, unit)?);
    Ok(Some(GoldReport {
        documents: counted.documents.len(),
        figures: counted.figures,
        links: counted.links,
        files,
        notes,
    }))
}

/// What writing one file of a format found: the links it could write, and
/// what it could not hold, in words.
struct Written {
    links: usize,
    notes: Vec<String>,
}

/// Writes a single-file format to `w`.
fn write_file(
    w: &mut dyn Write,
    store: &Store,
    set: &GoldSet,
    format: GoldFormat,
    unit: OffsetUnit,
    options: &GoldOptions,
    written: &mut Written,
) -> Result<(), ExportError> {
    match format {
        GoldFormat::Spacy => spacy::write_spacy(w, &set.docs),
        GoldFormat::Prodigy => spacy::write_prodigy(w, &set.docs),
        GoldFormat::Doccano => {
            let n = doccano::write_doccano(w, &set.docs, unit)?;
            if n > 0 {
                written.notes.push(format!(
                    "{n} figures inside or across another left out: doccano keeps no \
                     overlapping spans"
                ));
            }
            Ok(())
        }
        GoldFormat::Webanno => webanno::write_webanno(w, set, options.base_iri.as_deref()),
        GoldFormat::Tmx => {
            let tmx = gold_tmx::GoldTmx::build(store, set)?;
            written.links = tmx.links;
            let translations = set
                .links
                .iter()
                .filter(|l| l.relation == crate::model::Relation::Translation)
                .count();
            if translations > tmx.links {
                written.notes.push(format!(
                    "{} of {translations} translation links left out: their figures \
                     stand in different sentence pairs",
                    translations - tmx.links
                ));
            }
            tmx.write(w)
        }
        GoldFormat::LabelStudio => {
            written.links = labelstudio::write_labelstudio(w, set, unit)?;
            Ok(())
        }
        GoldFormat::Brat => Err(ExportError::Invalid("brat writes a folder".into())),
    }
}
