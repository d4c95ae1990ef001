//! The dataset card written beside a gold-standard export: a Hugging Face
//! `README.md` (YAML front matter, then what the set is) and a Croissant 1.0
//! `croissant.json`, so the set can be published, found and loaded without a
//! word from whoever exported it.
//!
//! Everything counted comes from the [`GoldSet`]; the only thing read from disk
//! is each written file's size and SHA-256, which the Croissant file must state
//! for a consumer to trust (and `mlcroissant` checks). A `README.md` of someone
//! else's in the export's folder is never overwritten: [`check_card_target`]
//! refuses before anything is written.

mod croissant;
mod readme;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::{GoldFormat, GoldSet, OffsetUnit};
use crate::export::{ExportError, write_atomically};
use crate::model::{Kind, Status};

/// The file names of the card, in the export's folder.
pub const README: &str = "README.md";
pub const CROISSANT: &str = "croissant.json";

/// The front-matter key that marks a `README.md` as Tualek's own card (and so
/// one a later export may replace).
pub const OWN_MARK: &str = "tualek_export";

/// What the card says beyond what the set itself tells.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CardOptions {
    /// The dataset's human-readable name; `None` is "Tualek gold-standard figures".
    pub name: Option<String>,
    /// The licence as an SPDX identifier (`CC-BY-4.0`); `None` writes the
    /// placeholder `unknown` (Hugging Face's id for "not stated") and says so.
    pub license: Option<String>,
    /// Where the dataset is published; `None` leaves `url` out and says so.
    pub url: Option<String>,
    /// The dataset's version; `None` is `1.0.0`.
    pub version: Option<String>,
    /// The export date; `None` is today (UTC).
    pub date: Option<time::Date>,
    /// The offset unit the export was written in; `None` is the format's own.
    pub unit: Option<OffsetUnit>,
}

/// The two files of a card, as text and JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub readme: String,
    pub croissant: serde_json::Value,
}

/// What the card counts: figures per kind, status and reviewer, and per document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub figures: usize,
    pub links: usize,
    /// Kinds with at least one figure, in [`Kind::ALL`] order.
    pub kinds: Vec<(Kind, usize)>,
    /// Statuses with at least one figure, in [`Status::ALL`] order.
    pub statuses: Vec<(Status, usize)>,
    /// Reviewer name (`None`: not reviewed by anyone named) and their figures, by name.
    pub reviewers: BTreeMap<Option<String>, usize>,
    /// The documents' languages, sorted, each once.
    pub languages: Vec<String>,
    /// Per document: id, title, language, figures.
    pub documents: Vec<(i64, String, String, usize)>,
}

/// The counts of `set`.
pub fn counts(set: &GoldSet) -> Counts {
    let mut counts = Counts::default();
    for d in &set.docs {
        counts.add(d);
    }
    counts.links = set.links.len();
    counts
}

impl Counts {
    /// Counts one more document: a streamed export counts each as it is
    /// written and lets it go, so the card never needs the whole set.
    pub fn add(&mut self, d: &super::AnnotatedDoc) {
        for f in &d.figures {
            bump(&mut self.kinds, f.kind, Kind::ALL);
            bump(&mut self.statuses, f.status, Status::ALL);
            *self.reviewers.entry(f.reviewer.clone()).or_insert(0) += 1;
        }
        self.figures += d.figures.len();
        if let Err(at) = self.languages.binary_search(&d.language) {
            self.languages.insert(at, d.language.clone());
        }
        let entry = (d.id, d.title.clone(), d.language.clone(), d.figures.len());
        self.documents.push(entry);
    }
}

/// Adds one to `key`'s count, keeping `counts` in the order of `all`.
fn bump<T: Copy + PartialEq>(counts: &mut Vec<(T, usize)>, key: T, all: &[T]) {
    match counts.iter_mut().find(|(k, _)| *k == key) {
        Some((_, n)) => *n += 1,
        None => {
            let rank = |k: &T| all.iter().position(|a| a == k);
            let at = counts.partition_point(|(k, _)| rank(k) < rank(&key));
            counts.insert(at, (key, 1));
        }
    }
}

/// Hugging Face's size bucket for `n` examples (here: figures).
pub fn size_category(n: usize) -> &'static str {
    const BUCKETS: [&str; 11] = [
        "n<1K",
        "1K<n<10K",
        "10K<n<100K",
        "100K<n<1M",
        "1M<n<10M",
        "10M<n<100M",
        "100M<n<1B",
        "1B<n<10B",
        "10B<n<100B",
        "100B<n<1T",
        "n>1T",
    ];
    let mut bound: u128 = 1000;
    for bucket in &BUCKETS[..BUCKETS.len() - 1] {
        if (n as u128) < bound {
            return bucket;
        }
        bound *= 10;
    }
    BUCKETS[BUCKETS.len() - 1]
}

/// One written file as the card describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataFile {
    /// Its path relative to the card's folder, with `/` between parts.
    pub path: String,
    pub bytes: u64,
    /// Lower-case hex.
    pub sha256: String,
}

impl DataFile {
    /// The media type Croissant's `encodingFormat` gives it, by extension.
    pub fn encoding_format(&self) -> &'static str {
        match self
            .path
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
        {
            Some(e) if e == "jsonl" => "application/jsonlines",
            Some(e) if e == "json" => "application/json",
            Some(e) if e == "jsonld" => "application/ld+json",
            Some(e) if e == "csv" => "text/csv",
            Some(e) if e == "tsv" => "text/tab-separated-values",
            Some(e) if e == "xml" || e == "tmx" => "application/xml",
            Some(e) if e == "txt" || e == "ann" || e == "conf" => "text/plain",
            _ => "application/octet-stream",
        }
    }

    /// Whether Hugging Face `datasets` reads it by its extension (JSON Lines, JSON, CSV).
    pub fn loadable_by_datasets(&self) -> bool {
        matches!(
            self.encoding_format(),
            "application/jsonlines" | "application/json" | "text/csv"
        )
    }
}

/// The folder an export's card goes in: the export itself for a folder
/// format, else the folder holding the file (`.` for a bare file name).
pub fn card_dir(format: GoldFormat, out: &Path) -> PathBuf {
    if format.is_folder() {
        return out.to_path_buf();
    }
    match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Size and SHA-256 of every regular file in `files` (as written by the
/// export, under `dir`); folders and the card's own files are skipped.
pub fn data_files(dir: &Path, files: &[PathBuf]) -> Result<Vec<DataFile>, ExportError> {
    let mut out = Vec::new();
    for file in files {
        let io = |e: std::io::Error| ExportError::Io(file.display().to_string(), e);
        if std::fs::metadata(file).map_err(io)?.is_dir() {
            continue;
        }
        let rel = relative(dir, file)?;
        if rel == README || rel == CROISSANT {
            continue;
        }
        let mut f = std::fs::File::open(file).map_err(io)?;
        let mut hash = Sha256::new();
        let mut buf = vec![0u8; 64 * 1024];
        let mut bytes = 0u64;
        loop {
            let n = f.read(&mut buf).map_err(io)?;
            if n == 0 {
                break;
            }
            hash.update(&buf[..n]);
            bytes += n as u64;
        }
        let sha256 = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
        out.push(DataFile {
            path: rel,
            bytes,
            sha256,
        });
    }
    Ok(out)
}

/// `file`'s path under `dir`, `/`-separated; an error if it is not under it
/// (a card can only point at files beside it).
fn relative(dir: &Path, file: &Path) -> Result<String, ExportError> {
    let rel = if dir == Path::new(".") && file.is_relative() {
        file.strip_prefix(".").unwrap_or(file)
    } else {
        file.strip_prefix(dir).map_err(|_| {
            ExportError::Invalid(format!(
                "{} is not in {}, where the dataset card goes",
                file.display(),
                dir.display()
            ))
        })?
    };
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.is_empty() || parts.iter().any(|p| p == "..") {
        return Err(ExportError::Invalid(format!(
            "{} is not a file in {}",
            file.display(),
            dir.display()
        )));
    }
    Ok(parts.join("/"))
}

/// The card of `set`, exported in `format` as `files` (the export's files,
/// under `dir`, the card's folder).
pub fn card(
    counts: &Counts,
    format: GoldFormat,
    dir: &Path,
    files: &[PathBuf],
    options: &CardOptions,
) -> Result<Card, ExportError> {
    let data = data_files(dir, files)?;
    if data.is_empty() {
        return Err(ExportError::Invalid(
            "a dataset card needs at least one exported file to describe".into(),
        ));
    }
    let about = About::new(counts.clone(), format, options);
    Ok(Card {
        readme: readme::readme(&about, &data),
        croissant: croissant::croissant(&about, &data),
    })
}

/// Everything both files of the card say, settled once.
struct About {
    counts: Counts,
    format: GoldFormat,
    unit: OffsetUnit,
    name: String,
    license: Option<String>,
    url: Option<String>,
    version: String,
    date: String,
}

impl About {
    fn new(counts: Counts, format: GoldFormat, options: &CardOptions) -> About {
        let date = options
            .date
            .unwrap_or_else(|| time::OffsetDateTime::now_utc().date());
        About {
            counts,
            format,
            unit: options.unit.unwrap_or(format.default_unit()),
            name: options
                .name
                .clone()
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| "Tualek gold-standard figures".into()),
            license: options.license.clone().filter(|l| !l.trim().is_empty()),
            url: options.url.clone().filter(|u| !u.trim().is_empty()),
            version: options.version.clone().unwrap_or_else(|| "1.0.0".into()),
            date: date.to_string(),
        }
    }

    /// One sentence on what the set is.
    fn description(&self) -> String {
        format!(
            "Numbers (counts, money, percentages, dates, ...) marked in {} {} document(s) \
             and reviewed with Tualek: {} figure(s), exported as {} with offsets in {}, \
             end exclusive.",
            self.counts.documents.len(),
            self.counts.languages.join("/"),
            self.counts.figures,
            format_title(self.format),
            self.unit.name()
        )
    }
}

/// The format's name as a reader knows it.
fn format_title(format: GoldFormat) -> &'static str {
    match format {
        GoldFormat::Spacy => "spaCy JSON Lines",
        GoldFormat::Prodigy => "Prodigy JSON Lines",
        GoldFormat::Doccano => "doccano JSON Lines",
        GoldFormat::Brat => "brat standoff",
        GoldFormat::Webanno => "W3C Web Annotation JSON-LD",
        GoldFormat::Tmx => "TMX 1.4b",
        GoldFormat::LabelStudio => "Label Studio tasks",
    }
}

/// Refuses `dir` when a `README.md` there is not Tualek's own card (or a
/// `croissant.json` stands there without one): the card would replace a file
/// someone wrote. The caller runs this before writing the export itself.
pub fn check_card_target(dir: &Path) -> Result<(), ExportError> {
    let readme = dir.join(README);
    let croissant = dir.join(CROISSANT);
    if readme.exists() {
        if !is_own_readme(&readme)? {
            return Err(ExportError::Invalid(format!(
                "{} exists and is not a dataset card Tualek wrote (no `{OWN_MARK}: true` in \
                 its front matter); it is left as it is: move it, or export into another folder",
                readme.display()
            )));
        }
    } else if croissant.exists() {
        return Err(ExportError::Invalid(format!(
            "{} exists without a README.md Tualek wrote beside it; it is left as it is: \
             move it, or export into another folder",
            croissant.display()
        )));
    }
    Ok(())
}

/// Whether the `README.md` at `path` opens with YAML front matter holding `tualek_export: true`.
fn is_own_readme(path: &Path) -> Result<bool, ExportError> {
    let io = |e: std::io::Error| ExportError::Io(path.display().to_string(), e);
    let mut head = Vec::new();
    std::fs::File::open(path)
        .map_err(io)?
        .take(64 * 1024)
        .read_to_end(&mut head)
        .map_err(io)?;
    let text = String::from_utf8_lossy(&head);
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return Ok(false);
    }
    let mark = format!("{OWN_MARK}: true");
    for line in lines {
        let line = line.trim_end();
        if line == "---" {
            return Ok(false);
        }
        if line == mark {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Writes the card of `set` (see [`card`]) into `dir` as `README.md` and
/// `croissant.json`, each atomically, after [`check_card_target`]; returns
/// their paths, README first.
pub fn write_card(
    dir: &Path,
    set: &GoldSet,
    format: GoldFormat,
    files: &[PathBuf],
    options: &CardOptions,
) -> Result<Vec<PathBuf>, ExportError> {
    write_card_of(dir, &counts(set), format, files, options)
}

/// As [`write_card`], from the counts alone.
pub fn write_card_of(
    dir: &Path,
    counts: &Counts,
    format: GoldFormat,
    files: &[PathBuf],
    options: &CardOptions,
) -> Result<Vec<PathBuf>, ExportError> {
    check_card_target(dir)?;
    let card = card(counts, format, dir, files, options)?;
    let readme = dir.join(README);
    let croissant = dir.join(CROISSANT);
    let io = |p: &Path, e: std::io::Error| ExportError::Io(p.display().to_string(), e);
    // README first: it marks the pair as Tualek's, so a failure between the two
    // leaves a folder the next export may still write into.
    write_atomically(&readme, |w| {
        w.write_all(card.readme.as_bytes())
            .map_err(|e| io(&readme, e))
    })?;
    write_atomically(&croissant, |w| {
        serde_json::to_writer_pretty(&mut *w, &card.croissant)?;
        w.write_all(b"\n").map_err(|e| io(&croissant, e))
    })?;
    Ok(vec![readme, croissant])
}

#[cfg(test)]
mod tests;
