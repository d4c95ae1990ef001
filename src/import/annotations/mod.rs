//! Annotations made elsewhere, read into one shape: each document's text (or
//! the name of a document the project holds) and its spans as the file gives
//! them. Nothing here checks a span against a text or decides a kind: the app
//! does that in one place for every format, so a span that does not fit is
//! listed with its reason the same way whatever the file it came from.

use std::path::Path;

use crate::export::annotations::OffsetUnit;
use crate::model::Decimal;

/// A format annotations are imported from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnnotationFormat {
    /// Tualek's own JSON Lines (`tualek export --format jsonl`): figures of
    /// documents the project holds, found by name.
    Tualek,
    /// spaCy JSON Lines (`text`, `spans`), as Tualek writes and Prodigy reads.
    Spacy,
    /// Prodigy JSON Lines: a task per span or per text, with an `answer`.
    Prodigy,
    /// brat standoff: a `.ann` with its `.txt` beside it, or a folder of them.
    Brat,
    /// Label Studio JSON (an array of tasks) or its JSON-MIN export.
    LabelStudio,
    /// doccano JSON Lines (`label` triples or `entities`), UTF-16 offsets.
    Doccano,
}

impl AnnotationFormat {
    pub fn name(self) -> &'static str {
        match self {
            AnnotationFormat::Tualek => "tualek",
            AnnotationFormat::Spacy => "spacy",
            AnnotationFormat::Prodigy => "prodigy",
            AnnotationFormat::Brat => "brat",
            AnnotationFormat::LabelStudio => "labelstudio",
            AnnotationFormat::Doccano => "doccano",
        }
    }
}

/// Where a document's text comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum IncomingText {
    /// The file holds the text itself: matched with a project document by
    /// its text, or imported as a new document.
    Text(String),
    /// The file names a document the project must already hold (Tualek
    /// JSON Lines carry no text): its `doc` name, else its title.
    Named(String),
}

/// One document's annotations as a file gives them.
#[derive(Debug, Clone, PartialEq)]
pub struct IncomingDoc {
    pub text: IncomingText,
    pub title: Option<String>,
    pub language: Option<String>,
    /// The unit the spans' offsets count in.
    pub unit: OffsetUnit,
    pub spans: Vec<IncomingSpan>,
    /// Where it stands in the file, for messages ("line 3", "report.ann").
    pub at: String,
}

/// One span as a file gives it: offsets in the document's `unit`, end exclusive.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IncomingSpan {
    pub start: usize,
    pub end: usize,
    /// The format's label (a kind's name, or one a mapping file maps).
    pub label: String,
    /// The span's text as the file copies it, checked against the document.
    pub text: Option<String>,
    pub value: Option<Decimal>,
    pub value_max: Option<Decimal>,
    pub unit: Option<String>,
    /// Where it stands in the file, for messages ("span 2", "T4").
    pub at: String,
}

/// Why a whole file was refused (a bad span is listed, not refused: see the app).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnnotationError {
    #[error("cannot read it: {0}")]
    Unreadable(String),
    #[error("{size} bytes is over the limit of {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    /// The file is not of the format asked for; says what it looks like instead when it can.
    #[error("not {format}: {reason}")]
    WrongFormat {
        format: &'static str,
        reason: String,
    },
}

/// Reads the annotations in `path` as `format`. `unit` overrides the unit
/// the file's offsets count in, for the formats whose tool may count either
/// way (doccano: UTF-16 units by default; Label Studio: code points, UTF-16
/// in its older editor); the others count code points and ignore it.
pub fn read_annotations(
    path: &Path,
    format: AnnotationFormat,
    max_bytes: u64,
    unit: Option<OffsetUnit>,
) -> Result<Vec<IncomingDoc>, AnnotationError> {
    // brat reads a folder or a pair of files; the others one file.
    if format == AnnotationFormat::Brat {
        return brat::read(path, max_bytes);
    }
    let bytes = read_limited(path, max_bytes)?;
    read_annotation_bytes(&bytes, format, unit)
}

/// Reads annotations from a file's bytes, as [`read_annotations`] does; for
/// brat, which reads a `.ann` and its `.txt`, see [`read_brat_bytes`].
pub fn read_annotation_bytes(
    bytes: &[u8],
    format: AnnotationFormat,
    unit: Option<OffsetUnit>,
) -> Result<Vec<IncomingDoc>, AnnotationError> {
    match format {
        AnnotationFormat::LabelStudio => labelstudio::read(bytes, unit),
        AnnotationFormat::Doccano => doccano::read(bytes, unit),
        AnnotationFormat::Brat => Err(AnnotationError::WrongFormat {
            format: "brat standoff",
            reason: "brat reads a .ann with its .txt".into(),
        }),
        _ => jsonl::read(bytes, format),
    }
}

/// One brat document from the bytes of its `.ann` and `.txt` (`name` for messages).
pub fn read_brat_bytes(ann: &[u8], txt: &[u8], name: &str) -> Result<IncomingDoc, AnnotationError> {
    brat::parse(ann, txt, name, "the text")
}

/// The format a file's name and first line suggest, for a user who did not
/// say (the workbench's File → Import annotations).
pub fn guess_format(path: &Path) -> Option<AnnotationFormat> {
    use std::io::BufRead;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if path.is_dir() || ext.eq_ignore_ascii_case("ann") {
        return Some(AnnotationFormat::Brat);
    }
    if ext.eq_ignore_ascii_case("json") {
        return Some(AnnotationFormat::LabelStudio);
    }
    // Only a regular file is opened (a named pipe would wait for ever).
    let (file, _) = crate::import::open_regular(path).ok()?;
    let mut first = String::new();
    let head = std::io::Read::take(file, 1 << 20);
    for line in std::io::BufReader::new(head).lines().take(50) {
        let line = line.ok()?;
        if !line.trim().is_empty() {
            first = line;
            break;
        }
    }
    let v: serde_json::Value = serde_json::from_str(first.trim_start_matches('\u{feff}')).ok()?;
    let has = |key: &str| v.get(key).is_some();
    if has("doc") && has("kind") {
        Some(AnnotationFormat::Tualek)
    } else if has("text") && has("answer") {
        Some(AnnotationFormat::Prodigy)
    } else if has("text") && has("spans") {
        Some(AnnotationFormat::Spacy)
    } else if has("text") && (has("label") || has("entities")) {
        Some(AnnotationFormat::Doccano)
    } else {
        None
    }
}

/// The bytes of `path`, refused past `max_bytes` or when it is not a
/// regular file (see [`crate::import::read_bytes`]).
pub fn read_limited(path: &Path, max_bytes: u64) -> Result<Vec<u8>, AnnotationError> {
    let options = super::ImportOptions {
        max_bytes,
        ..Default::default()
    };
    super::read_bytes(path, &options).map_err(|e| match e {
        super::ImportError::TooLarge { size, limit } => AnnotationError::TooLarge { size, limit },
        super::ImportError::Unreadable(why) => AnnotationError::Unreadable(why),
        super::ImportError::NotAFile(what) => {
            AnnotationError::Unreadable(format!("it is {what}, not a regular file"))
        }
        other => AnnotationError::Unreadable(other.to_string()),
    })
}

/// The UTF-8 text of a file's bytes (a BOM dropped), or why it is not text.
pub fn utf8(bytes: &[u8], format: &'static str) -> Result<String, AnnotationError> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    String::from_utf8(bytes.to_vec()).map_err(|e| AnnotationError::WrongFormat {
        format,
        reason: format!("not UTF-8 text (byte {})", e.utf8_error().valid_up_to()),
    })
}

mod brat;
mod doccano;
mod jsonl;
mod labelstudio;
