//! Bilingual files in: TMX 1.4b, XLIFF 1.2 and 2.0, and two plain-text files
//! paired line by line. Pure: bytes in, data out; storing them is the app's business.
//!
//! A file becomes a [`Bilingual`]: its units in file order, each a source
//! and a target [`SegmentText`] with its inline markup lifted out into
//! [`InlineTag`]s. [`Bilingual::into_pair`] then joins each side into one
//! document and records where every segment stands in it.
//!
//! Line ends: XML itself reads CR LF and a lone CR as LF, and the line
//! reader does the same, so a segment's own line breaks are always `\n`
//! (a character reference `&#13;` is kept as the CR it names).
//! Nothing else is changed: leading and trailing spaces stay, nothing is
//! collapsed.

mod lines;
mod tmx;
mod xliff;
mod xml;

pub use lines::pair_lines;
pub use tmx::parse_tmx;
pub use xliff::parse_xliff;
pub use xml::MAX_DEPTH;

use std::path::Path;

use crate::import::{ImportError, ImportOptions, decode, guess_language};
use crate::model::{Document, InlineTag, Language, Segment, Span};

use xml::{Element, Node};

/// File name endings read as bilingual files.
pub const EXTENSIONS: &[&str] = &["tmx", "xlf", "xliff"];

/// One side of a unit: its words without markup, and the markup kept apart.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SegmentText {
    pub text: String,
    /// In the order they stood; `at` counts code points of `text`.
    pub tags: Vec<InlineTag>,
}

impl SegmentText {
    /// Plain text with no markup.
    pub fn plain(text: impl Into<String>) -> Self {
        SegmentText {
            text: text.into(),
            tags: Vec::new(),
        }
    }

    fn char_len(&self) -> usize {
        self.text.chars().count()
    }

    /// Appends `other`, its tags moved by this text's length.
    fn push(&mut self, other: SegmentText) {
        let shift = self.char_len();
        self.text.push_str(&other.text);
        self.tags.extend(other.tags.into_iter().map(|mut t| {
            t.at += shift;
            t
        }));
    }
}

/// A translation unit (or a line pair): the segment and its translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub source: SegmentText,
    pub target: SegmentText,
}

/// A whole bilingual file, units in file order (unit `i` is segment number `i + 1`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bilingual {
    /// As the file names it, when that is a valid tag; otherwise guessed later.
    pub source_lang: Option<Language>,
    pub target_lang: Option<Language>,
    pub units: Vec<Unit>,
}

/// Two documents and their segment alignment, ready to be stored as one action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BilingualPair {
    pub source: Document,
    pub target: Document,
    /// Ids and document ids are 0: the app fills them when it stores them.
    pub segments: Vec<Segment>,
}

/// Whether a path names a file read by [`read_bilingual`].
pub fn is_bilingual(path: &Path) -> bool {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    EXTENSIONS.contains(&extension.as_str())
}

/// Reads a `.tmx`, `.xlf` or `.xliff` file, with the same size limit as any import.
pub fn read_bilingual(path: &Path, options: &ImportOptions) -> Result<Bilingual, ImportError> {
    if !is_bilingual(path) {
        return Err(ImportError::NotBilingual);
    }
    let bytes = crate::import::read_bytes(path, options)?;
    let is_tmx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("tmx"));
    if is_tmx {
        parse_tmx(&bytes)
    } else {
        parse_xliff(&bytes)
    }
}

/// Reads two plain-text files and pairs them line by line.
pub fn read_line_pair(
    source: &Path,
    target: &Path,
    options: &ImportOptions,
) -> Result<Bilingual, ImportError> {
    let source = crate::import::read_bytes(source, options)?;
    let target = crate::import::read_bytes(target, options)?;
    pair_lines(&source, &target)
}

impl Bilingual {
    /// The two documents of a file read from `source_path`: both carry that
    /// path (their texts, and so their SHA-256, differ). Titles are the file
    /// stem with the side's language, `report (lo)` and `report (en)`; when
    /// both sides have one language, `report (source, en)` and `report (target, en)`.
    /// A side's language is the file's, else `options.language` for the
    /// source, else guessed from the side's own text.
    pub fn into_pair(
        self,
        source_path: &Path,
        options: &ImportOptions,
    ) -> Result<BilingualPair, ImportError> {
        self.into_pair_of_files(source_path, source_path, options)
    }

    /// As [`into_pair`](Self::into_pair), for two files (a line pair): each
    /// document carries its own path, and is titled by its file's stem.
    pub fn into_pair_of_files(
        self,
        source_path: &Path,
        target_path: &Path,
        options: &ImportOptions,
    ) -> Result<BilingualPair, ImportError> {
        if self.units.is_empty() {
            return Err(ImportError::NoUnits);
        }
        let (source_text, source_spans) = join(self.units.iter().map(|u| &u.source.text));
        let (target_text, target_spans) = join(self.units.iter().map(|u| &u.target.text));
        let source_lang = self
            .source_lang
            .or_else(|| options.language.clone())
            .unwrap_or_else(|| guess_language(&source_text));
        let target_lang = self
            .target_lang
            .unwrap_or_else(|| guess_language(&target_text));
        // A document's language is a primary tag, as every other import
        // gives it (`lo-LA` → `lo`): the workbench names it, links and claims
        // compare it. The file's full tags stay in [`Bilingual`].
        let (source_lang, target_lang) = (primary(&source_lang), primary(&target_lang));
        let (source_title, target_title) =
            titles(source_path, target_path, &source_lang, &target_lang);
        let segments = self
            .units
            .into_iter()
            .zip(source_spans.into_iter().zip(target_spans))
            .enumerate()
            .map(|(i, (unit, (source, target)))| Segment {
                id: 0,
                source_doc: 0,
                target_doc: 0,
                number: (i + 1) as u32,
                source,
                target,
                source_tags: unit.source.tags,
                target_tags: unit.target.tags,
            })
            .collect();
        Ok(BilingualPair {
            source: document(source_title, source_lang, source_path, source_text),
            target: document(target_title, target_lang, target_path, target_text),
            segments,
        })
    }
}

/// Joins segment texts with `\n`, returning each one's code-point span.
fn join<'a>(texts: impl Iterator<Item = &'a String>) -> (String, Vec<Span>) {
    let mut joined = String::new();
    let mut spans = Vec::new();
    let mut at = 0;
    for (i, text) in texts.enumerate() {
        if i > 0 {
            joined.push('\n');
            at += 1;
        }
        let len = text.chars().count();
        joined.push_str(text);
        spans.push(Span::new(at, at + len));
        at += len;
    }
    (joined, spans)
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("untitled")
        .to_string()
}

fn titles(
    source_path: &Path,
    target_path: &Path,
    source_lang: &Language,
    target_lang: &Language,
) -> (String, String) {
    if source_path != target_path {
        return (stem(source_path), stem(target_path));
    }
    let stem = stem(source_path);
    if source_lang == target_lang {
        (
            format!("{stem} (source, {source_lang})"),
            format!("{stem} (target, {target_lang})"),
        )
    } else {
        (
            format!("{stem} ({source_lang})"),
            format!("{stem} ({target_lang})"),
        )
    }
}

fn document(title: String, language: Language, path: &Path, text: String) -> Document {
    super::document_from_text(title, language, path, text)
}

/// A language attribute as a [`Language`], or `None` when it is absent or
/// not a tag (the side's language is then guessed from its text).
fn language(tag: Option<&str>) -> Option<Language> {
    tag.and_then(|t| Language::parse(t).ok())
}

fn primary(language: &Language) -> Language {
    Language::new(language.as_str().split('-').next().unwrap_or("und"))
}

/// Decodes a file's bytes (BOM, UTF-16) into the text the XML reader parses.
fn decode_xml(bytes: &[u8]) -> Result<String, ImportError> {
    Ok(decode(bytes)?)
}

/// How an inline element of a format relates to the segment's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Inline {
    /// Its content is markup or native code (`<ph>`, `<bpt>`, `<x/>`): the
    /// whole element is one tag, none of it text.
    Code,
    /// It wraps text (`<g>`, `<hi>`, `<pc>`, `<mrk>`): its start and end tags
    /// are two tags, what it wraps is text.
    Wrap,
    /// Not text and not kept: a TMX `<sub>` outside a code element.
    Skip,
}

/// The text of a `<seg>`, `<source>` or `<target>`, its inline elements
/// lifted out as tags by what `kind` says of each name.
fn segment_text(element: &Element, source: &str, kind: fn(&str) -> Inline) -> SegmentText {
    let mut out = SegmentText::default();
    let mut chars = 0;
    collect(element, source, kind, &mut out, &mut chars);
    out
}

fn collect(
    element: &Element,
    source: &str,
    kind: fn(&str) -> Inline,
    out: &mut SegmentText,
    chars: &mut usize,
) {
    for node in &element.children {
        match node {
            Node::Text(text) => {
                out.text.push_str(text);
                *chars += text.chars().count();
            }
            Node::Element(inner) => match kind(&inner.name) {
                Inline::Code => tag(out, *chars, inner, inner.raw(source)),
                Inline::Skip => {}
                Inline::Wrap if inner.end_tag.is_none() => {
                    tag(out, *chars, inner, inner.raw(source))
                }
                Inline::Wrap => {
                    tag(out, *chars, inner, inner.raw_start(source));
                    collect(inner, source, kind, out, chars);
                    tag(out, *chars, inner, inner.raw_end(source));
                }
            },
        }
    }
}

fn tag(out: &mut SegmentText, at: usize, element: &Element, xml: &str) {
    out.tags.push(InlineTag {
        at,
        name: element.name.clone(),
        xml: xml.to_string(),
    });
}
