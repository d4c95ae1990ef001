//! Files into documents: `.txt`, `.md`, `.html`/`.htm`, alone or in folders.
//!
//! This layer reads and decodes; storing is the app's business, so that one
//! import is one action in the project's history.

pub mod annotations;
pub mod bilingual;
mod decode;
mod html;
mod language;
mod leased;
mod read;

pub use bilingual::is_bilingual;
pub use decode::{DecodeError, decode, decode_owned};
pub use html::visible_text;
pub use language::guess as guess_language;
pub use leased::FileText;
pub use read::{kind_of, open_regular, prefault, read_regular};

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::model::{Document, DocumentMeta, Language};

/// Files larger than this are refused unless the caller raises it.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// File name endings Tualek imports: documents, then bilingual files (each
/// of which becomes two documents and their segments, see [`bilingual`]).
pub const EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "html", "htm", "tmx", "xlf", "xliff",
];

#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Overrides the guess from the script.
    pub language: Option<Language>,
    pub max_bytes: u64,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            language: None,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Why one file was not imported. The message names no path; the caller does.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read it: {0}")]
    Unreadable(String),
    #[error("{size} bytes is over the limit of {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    /// A named pipe, a device, a socket or a folder: reading one could wait
    /// or run forever, so only regular files are read.
    #[error("cannot read it: it is {0}, not a regular file")]
    NotAFile(&'static str),
    /// More bytes came than the limit, though the file system reported fewer.
    #[error("over the limit of {limit} bytes (it reported {reported} bytes but held more)")]
    GrewPastLimit { reported: u64, limit: u64 },
    /// An HTML page deeper than a real page ever is (a hostile one).
    #[error(
        "its elements are nested more than {limit} levels deep; Tualek reads pages nested up to {limit} levels"
    )]
    HtmlTooDeep { limit: usize },
    #[error("not a file type Tualek imports (use .txt, .md, .html, .htm, .tmx, .xlf or .xliff)")]
    Unsupported,
    #[error("{0}")]
    Decode(#[from] DecodeError),
    #[error("no visible text in the page")]
    NoVisibleText,
    /// One side of a bilingual file is already in the project on its own (or
    /// paired otherwise): its segments could not hang on both documents.
    #[error(
        "its {side} text is already in the project as document {id} \u{201c}{title}\u{201d}, \
         not aligned with the other side; remove that document first"
    )]
    PairTextHeld {
        side: &'static str,
        id: i64,
        title: String,
    },
    #[error("its source and target texts are the same: nothing in it is translated")]
    SameTexts,
    #[error("not a bilingual file type Tualek reads (use .tmx, .xlf or .xliff)")]
    NotBilingual,
    #[error(
        "a bilingual file, which is two documents: import it into a project, or check it with `tualek qa`"
    )]
    Bilingual,
    #[error("not well-formed XML (line {line}): {reason}")]
    NotXml { line: usize, reason: String },
    #[error("the root element is <{found}>, not <{expected}>")]
    WrongRoot {
        found: String,
        expected: &'static str,
    },
    #[error("XLIFF version '{0}' is not supported (Tualek reads 1.2 and 2.0)")]
    UnsupportedXliff(String),
    #[error(
        "the file declares entities in its DOCTYPE; Tualek does not expand entities, so it refuses the file"
    )]
    EntityDeclared,
    #[error("elements are nested deeper than {limit} levels")]
    TooDeep { limit: usize },
    #[error("the file has no translation units")]
    NoUnits,
    #[error("translation unit {unit} has no source segment")]
    NoSource { unit: usize },
    #[error("translation unit {unit} has no target segment")]
    NoTarget { unit: usize },
    #[error("translation unit {unit} has no segment")]
    NoSegment { unit: usize },
    #[error("the source has {source_lines} lines and the target {target_lines}")]
    LineCounts {
        source_lines: usize,
        target_lines: usize,
    },
}

/// A path the user named, expanded: files to import, and what was refused on the way.
#[derive(Debug, Default)]
pub struct Collected {
    pub files: Vec<PathBuf>,
    pub refused: Vec<(PathBuf, ImportError)>,
}

/// Expands folders recursively (sorted, so imports are repeatable). Inside a
/// folder, files of other types are passed over; named explicitly, they are
/// refused. A name Tualek imports that is not a regular file (a named pipe,
/// a device) is refused in a folder too, so the user hears of it; symbolic
/// links are followed, and one that loops back is listed, not walked again.
pub fn collect(paths: &[PathBuf]) -> Collected {
    let mut out = Collected::default();
    for path in paths {
        if path.is_dir() {
            collect_folder(path, &mut out);
        } else if !path.exists() {
            out.refused
                .push((path.clone(), ImportError::Unreadable("no such file".into())));
        } else if is_supported(path) {
            out.files.push(path.clone());
        } else {
            out.refused.push((path.clone(), ImportError::Unsupported));
        }
    }
    out
}

fn collect_folder(folder: &Path, out: &mut Collected) {
    let walker = walkdir::WalkDir::new(folder)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_dir() || !is_supported(e.path()) => {}
            Ok(e) if e.file_type().is_file() => out.files.push(e.into_path()),
            Ok(e) => {
                let what = kind_of(&e.file_type());
                out.refused
                    .push((e.into_path(), ImportError::NotAFile(what)));
            }
            Err(e) => {
                let at = e.path().unwrap_or(folder).to_path_buf();
                let why = match e.loop_ancestor() {
                    Some(up) => format!("it links back to {}, not followed", up.display()),
                    None => e.to_string(),
                };
                out.refused.push((at, ImportError::Unreadable(why)));
            }
        }
    }
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

pub fn is_supported(path: &Path) -> bool {
    EXTENSIONS.contains(&extension(path).as_str())
}

/// Reads one file into a document (id 0, not stored yet).
pub fn read_file(path: &Path, options: &ImportOptions) -> Result<Document, ImportError> {
    let (bytes, source) = read_document_file(path, options)?;
    document_from_decoded(decode_owned(bytes)?, &source, options)
}

/// The bytes of a file that can be a document, and where it really is (the
/// extension that counts is that of the file a link points to).
fn read_document_file(
    path: &Path,
    options: &ImportOptions,
) -> Result<(Vec<u8>, PathBuf), ImportError> {
    let source = document_source(path)?;
    Ok((read_bytes(path, options)?, source))
}

/// Where a file that can be a document really is (the extension that counts
/// is that of the file a link points to); a file of another kind is refused.
fn document_source(path: &Path) -> Result<PathBuf, ImportError> {
    if !is_supported(path) {
        return Err(ImportError::Unsupported);
    }
    if bilingual::is_bilingual(path) {
        return Err(ImportError::Bilingual);
    }
    Ok(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
}

/// A file's bytes, at most `options.max_bytes` of them, and only from a
/// regular file (see [`read_regular`]): every reader of a user's file goes
/// through here.
pub fn read_bytes(path: &Path, options: &ImportOptions) -> Result<Vec<u8>, ImportError> {
    read_regular(path, options.max_bytes)
}

/// Builds a document from a file's bytes; `source` names where they came from.
pub fn document_from_bytes(
    bytes: &[u8],
    source: &Path,
    options: &ImportOptions,
) -> Result<Document, ImportError> {
    document_from_decoded(decode(bytes)?, source, options)
}

/// Builds a document from a file's decoded text.
fn document_from_decoded(
    raw: String,
    source: &Path,
    options: &ImportOptions,
) -> Result<Document, ImportError> {
    let (title, text) = title_and_text(raw, source)?;
    let stem = || {
        source
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("untitled")
            .to_string()
    };
    let title = match title {
        Some(Title::Html(t)) => t.unwrap_or_else(stem),
        Some(Title::Markdown) => markdown_title(&text).unwrap_or_else(stem),
        None => stem(),
    };
    let language = options
        .language
        .clone()
        .unwrap_or_else(|| guess_language(&text));
    let sha256 = content_sha256(&text);
    Ok(Document {
        meta: DocumentMeta {
            id: 0,
            title,
            language,
            source_path: source.to_string_lossy().into_owned(),
            imported_at: crate::store::now(),
            sha256,
            char_len: text.chars().count() as i64,
            removed: false,
        },
        text,
    })
}

/// Where a document's title comes from, besides its file name.
enum Title {
    /// An HTML page's `<title>`, if it has one.
    Html(Option<String>),
    /// A Markdown text's first heading.
    Markdown,
}

/// The text of a decoded file as Tualek reads it (an HTML page's visible
/// text; anything else as it is), and where its title comes from.
fn title_and_text(raw: String, source: &Path) -> Result<(Option<Title>, String), ImportError> {
    match extension(source).as_str() {
        "html" | "htm" => {
            let (title, text) = visible_text(&raw)?;
            if text.trim().is_empty() {
                return Err(ImportError::NoVisibleText);
            }
            Ok((Some(Title::Html(title)), text))
        }
        "md" | "markdown" => Ok((Some(Title::Markdown), raw)),
        _ => Ok((None, raw)),
    }
}

/// The text [`read_file`] would give a document of, refused for the same
/// reasons, without the rest of a document (no language guess, no SHA-256,
/// no length): what `tualek scan` needs of a file.
pub fn read_text(path: &Path, options: &ImportOptions) -> Result<String, ImportError> {
    let (bytes, source) = read_document_file(path, options)?;
    Ok(title_and_text(decode_owned(bytes)?, &source)?.1)
}

/// The text [`read_text`] gives, for a reader that only looks at it (`tualek
/// scan`): a large plain-text or Markdown file comes mapped in place under a
/// read lease rather than copied (see `leased.rs`); an HTML page is read.
pub fn read_text_in_place(path: &Path, options: &ImportOptions) -> Result<FileText, ImportError> {
    let source = document_source(path)?;
    match extension(&source).as_str() {
        "html" | "htm" => {
            let raw = decode_owned(read_bytes(path, options)?)?;
            Ok(FileText::Owned(title_and_text(raw, &source)?.1))
        }
        _ => leased::read_file_text(path, options.max_bytes),
    }
}

/// The first ATX heading (`# Title`) of a Markdown text.
fn markdown_title(text: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .find(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim().to_string())
        .filter(|t| !t.is_empty())
}

/// A document of `text` as it came from `path`, not yet stored.
pub fn document_from_text(
    title: String,
    language: Language,
    path: &Path,
    text: String,
) -> Document {
    Document {
        meta: DocumentMeta {
            id: 0,
            title,
            language,
            source_path: path.to_string_lossy().into_owned(),
            imported_at: crate::store::now(),
            sha256: content_sha256(&text),
            char_len: text.chars().count() as i64,
            removed: false,
        },
        text,
    }
}

/// Hex SHA-256 of a text's UTF-8: how a project tells the same content apart.
pub fn content_sha256(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
