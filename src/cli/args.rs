//! The command line's grammar.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::claims::ClaimId;
use crate::export::annotations::{GoldFormat, OffsetUnit};
use crate::import::annotations::AnnotationFormat;
use crate::model::{Decimal, Kind, Relation, Status};

#[derive(Debug, Parser)]
#[command(
    name = "tualek",
    version,
    about = "Verify the figures in Lao and English documents"
)]
pub struct Cli {
    /// Who is reviewing (default: $TUALEK_REVIEWER, else the OS user).
    #[arg(long, global = true, value_name = "NAME")]
    pub reviewer: Option<String>,
    /// On failure, print the details behind the one-line reason (such as
    /// SQLite's report on a damaged project).
    #[arg(long, global = true)]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Option<Cmd>,
}

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Open a project in the workbench window (default: the last project,
    /// else the sample).
    Open { project: Option<PathBuf> },
    /// Create an empty project file.
    New { project: PathBuf },
    /// Import .txt, .md and .html files, or folders of them (recursively).
    Import {
        project: PathBuf,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The documents' language (default: guessed from the script).
        #[arg(long, value_name = "TAG")]
        lang: Option<String>,
        /// Refuse files larger than this many megabytes.
        #[arg(long, value_name = "MB", default_value_t = 64)]
        max_mb: u64,
    },
    /// Print the figures of files, without a project (gold record form, code points).
    Scan {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ListFormat::Jsonl)]
        format: ListFormat,
    },
    /// Run the extractor over a project's documents (reviewed figures are never changed).
    Extract {
        project: PathBuf,
        #[arg(long, value_name = "ID")]
        doc: Option<i64>,
    },
    /// List the project's documents.
    Docs { project: PathBuf },
    /// Check the whole project file (every page, reference and the schema); prints "ok" or the findings.
    Check { project: PathBuf },
    /// Show a document; with --title or --lang, rename it or set its language (undoable).
    Doc {
        project: PathBuf,
        id: i64,
        /// The document's language, a tag such as en, lo, th, zh or und.
        #[arg(long, value_name = "TAG")]
        lang: Option<String>,
        #[arg(long)]
        title: Option<String>,
    },
    /// Split a document in two at a line start: the text from there, with its
    /// figures (offsets moved), becomes a new document. One undoable action.
    Split {
        project: PathBuf,
        id: i64,
        /// Code-point offset of the line where the second part begins.
        #[arg(long, value_name = "CP")]
        at: usize,
        /// The second part's language (default: guessed from its text).
        #[arg(long, value_name = "TAG")]
        lang_after: Option<String>,
    },
    /// List figures.
    Figures {
        project: PathBuf,
        #[arg(long, value_name = "ID")]
        doc: Option<i64>,
        /// Only these statuses (comma-separated).
        #[arg(long, value_name = "S", value_delimiter = ',')]
        status: Vec<Status>,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Add a figure the extractor missed (offsets in code points, end exclusive).
    Add {
        project: PathBuf,
        #[arg(long, value_name = "ID")]
        doc: i64,
        #[arg(long)]
        start: usize,
        #[arg(long)]
        end: usize,
        #[command(flatten)]
        fields: FieldArgs,
        #[arg(long)]
        note: Option<String>,
    },
    /// Confirm, reject or fix a figure.
    Review {
        project: PathBuf,
        figure: i64,
        #[command(subcommand)]
        decision: DecisionCmd,
    },
    /// Set a figure's note, or clear it with "", without changing its status.
    Note {
        project: PathBuf,
        figure: i64,
        text: String,
    },
    /// Link two figures (a sentence and its translation, a claim and its source).
    Link {
        project: PathBuf,
        a: i64,
        b: i64,
        /// How they relate (default: translation when the two documents'
        /// languages differ, same when they are one language).
        #[arg(long)]
        relation: Option<Relation>,
    },
    /// Link every figure of a document to the one answering it in another
    /// (its translation, or a story on the same facts), in one undoable action.
    Align {
        project: PathBuf,
        doc_a: i64,
        doc_b: i64,
        /// How the figures relate (default: translation when the two
        /// documents' languages differ, same when they are one language).
        #[arg(long)]
        relation: Option<Relation>,
    },
    /// Remove links (ids from `tualek links`), all in one undoable action.
    Unlink {
        project: PathBuf,
        #[arg(required = true, value_name = "LINK")]
        links: Vec<i64>,
    },
    /// List the links, with both figures and whether their values agree.
    Links {
        project: PathBuf,
        /// Only the links whose two figures state different values.
        #[arg(long)]
        disagreeing: bool,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// List claims across sources (one fact stated in several documents) with
    /// their verdicts; or accept, dismiss, split, merge or note one (undoable).
    Claims {
        project: PathBuf,
        /// Only the claims whose sources disagree.
        #[arg(long)]
        disagreeing: bool,
        /// Only the engine's suggestions, not accepted yet.
        #[arg(long, conflicts_with = "accepted")]
        suggested: bool,
        /// Only the claims a reviewer accepted (joined by `same` links).
        #[arg(long)]
        accepted: bool,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        #[command(subcommand)]
        action: Option<ClaimsCmd>,
    },
    /// Undo the last action.
    Undo { project: PathBuf },
    /// Redo the last undone action.
    Redo { project: PathBuf },
    /// Show every action taken on the project.
    History {
        project: PathBuf,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Export figures.
    Export {
        project: PathBuf,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The file to write (`-`: the standard output; a folder for brat).
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Only these statuses (comma-separated), e.g. confirmed,corrected
        /// (default: all for jsonl and csv; confirmed and corrected for the
        /// gold-standard formats).
        #[arg(long, value_name = "S", value_delimiter = ',')]
        status: Vec<Status>,
        #[arg(long, value_name = "ID")]
        doc: Option<i64>,
        /// The offset unit (default: the consumer's own: UTF-16 for doccano,
        /// code points for the others; only doccano and labelstudio choose).
        #[arg(long, value_enum)]
        offsets: Option<OffsetsArg>,
        /// The IRI prefix documents are named under in W3C annotations
        /// (default: urn:tualek:doc:, then the document's id).
        #[arg(long, value_name = "IRI")]
        base_iri: Option<String>,
        /// Write no dataset card (README.md and croissant.json) beside a
        /// gold-standard export.
        #[arg(long)]
        no_card: bool,
        /// The dataset card's licence, an SPDX identifier such as CC-BY-4.0
        /// (default: a placeholder the card asks you to fill).
        #[arg(long, value_name = "SPDX")]
        license: Option<String>,
    },
    /// Import annotations made elsewhere as unreviewed figures: documents
    /// matched by their text (or added), every span checked against it; a
    /// span that does not fit is listed with its reason and left out.
    ImportAnnotations {
        project: PathBuf,
        file: PathBuf,
        #[arg(long, value_enum)]
        format: AnnotationFormatArg,
        /// A file mapping the format's labels to kinds: `LABEL = kind` per
        /// line, or a JSON object (default: labels are kind names).
        #[arg(long, value_name = "FILE")]
        labels: Option<PathBuf>,
        /// Import nothing when any span does not fit.
        #[arg(long)]
        strict: bool,
        /// The unit the file's offsets count in (default: the tool's own:
        /// UTF-16 for doccano, code points for the others).
        #[arg(long, value_enum)]
        offsets: Option<OffsetsArg>,
        /// Refuse files larger than this many megabytes.
        #[arg(long, value_name = "MB", default_value_t = 256)]
        max_mb: u64,
    },
    /// Import two plain-text files that translate each other, line by line,
    /// as two documents and their segment alignment (line n ↔ line n).
    ImportPair {
        project: PathBuf,
        source: PathBuf,
        target: PathBuf,
        /// Refuse files larger than this many megabytes.
        #[arg(long, value_name = "MB", default_value_t = 64)]
        max_mb: u64,
    },
    /// Check the numbers of a translation segment by segment: a bilingual
    /// file (.tmx, .xlf, .xliff), two text files line by line (--pair A B),
    /// or two documents of a project (P --pair DOC DOC). Prints the flagged
    /// segments; exit code 2 with --fail-on-problems when there are any.
    Qa {
        /// A bilingual file, or a project (then --pair names two document ids).
        file: Option<PathBuf>,
        /// Two text files aligned line by line; with a project, the source and target document ids.
        #[arg(long, num_args = 2, value_names = ["SOURCE", "TARGET"])]
        pair: Vec<String>,
        /// table and jsonl list the flagged segments; tmx and csv write every segment with its verdict.
        #[arg(long, value_enum, default_value_t = QaFormat::Table)]
        format: QaFormat,
        /// Write to this file (atomically) instead of standard output.
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
        /// List the segments found right too (table and jsonl).
        #[arg(long)]
        all: bool,
        /// Exit with code 2 when any segment has an open problem (to gate a pipeline).
        #[arg(long)]
        fail_on_problems: bool,
    },
    /// Accept a flagged segment of an aligned pair (a legitimate change: a unit
    /// converted, a figure left out on purpose), with a note; undoable.
    AcceptSegment {
        project: PathBuf,
        source: i64,
        target: i64,
        segment: u32,
        #[arg(long)]
        note: Option<String>,
        /// Take the acceptance back instead: the segment is flagged again.
        #[arg(long)]
        flag_again: bool,
    },
    /// Write the fact-check report: every claim across sources, disagreements
    /// first, with each source's sentence, the verdict and the reviewers' notes.
    Report {
        project: PathBuf,
        /// The file to write (.html or .md).
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// html or md (default: from the extension of --out, else html).
        #[arg(long, value_enum)]
        format: Option<ReportFormatArg>,
    },
    /// Write the man pages or shell completions (for packaging).
    #[command(hide = true)]
    Generate {
        #[command(subcommand)]
        what: super::generate::GenerateCmd,
    },
}

#[derive(Debug, Subcommand)]
pub enum DecisionCmd {
    /// The figure is read right.
    Confirm {
        #[arg(long)]
        note: Option<String>,
    },
    /// The figure is no figure.
    Reject {
        #[arg(long)]
        note: Option<String>,
    },
    /// The figure is misread: store the right reading (as `corrected`).
    Fix {
        #[command(flatten)]
        fields: FieldArgs,
        #[arg(long)]
        note: Option<String>,
    },
}

/// A reviewer's decision on a claim (ids as `tualek claims` lists them: c12).
#[derive(Debug, Subcommand)]
pub enum ClaimsCmd {
    /// Accept a suggested claim: its figures become links of relation `same`.
    Accept { id: ClaimId },
    /// Dismiss a suggested claim: it is not proposed again.
    Dismiss { id: ClaimId },
    /// Take one figure out of a claim.
    Split { id: ClaimId, figure: i64 },
    /// Join two claims into one.
    Merge { a: ClaimId, b: ClaimId },
    /// Write a note on a claim ("" clears it).
    Note { id: ClaimId, text: String },
}

#[derive(Debug, Args, Default)]
pub struct FieldArgs {
    #[arg(long)]
    pub kind: Option<Kind>,
    /// An exact decimal, e.g. 65500000 or 3.6
    #[arg(long, value_parser = parse_decimal)]
    pub value: Option<Decimal>,
    /// A range's upper end.
    #[arg(long, value_parser = parse_decimal)]
    pub value_max: Option<Decimal>,
    /// The counted thing, or an ISO 4217 code for money ("" clears it).
    #[arg(long)]
    pub unit: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ListFormat {
    Table,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QaFormat {
    Table,
    Jsonl,
    /// TMX 1.4b, each segment's verdict and note as properties.
    Tmx,
    Csv,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ReportFormatArg {
    Html,
    Md,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Jsonl,
    Csv,
    /// spaCy JSON Lines: a line per document, tokens cut at every figure edge, the figures as spans.
    Spacy,
    /// Prodigy JSON Lines: a task per figure, `answer` from its review.
    Prodigy,
    /// doccano JSON Lines: `label: [[start, end, kind]]`, ASCII-escaped.
    Doccano,
    /// brat standoff: --out is a folder of .txt and .ann files, annotation.conf and links.tsv.
    Brat,
    /// W3C Web Annotation JSON-LD: an AnnotationCollection, a `classifying` annotation per figure
    /// (TextQuote + TextPosition selectors, code points), a `linking` one per link.
    Webanno,
    /// TMX 1.4b: the segment pairs holding translation-linked figures, each link's verdict a prop.
    Tmx,
    /// Label Studio tasks (JSON array), with `<out stem>.config.xml`, the labeling config.
    #[value(name = "labelstudio")]
    LabelStudio,
}

impl ExportFormat {
    /// The gold-standard format it names; `None` for Tualek's own JSON Lines and CSV.
    pub fn gold(self) -> Option<GoldFormat> {
        match self {
            ExportFormat::Jsonl | ExportFormat::Csv => None,
            ExportFormat::Spacy => Some(GoldFormat::Spacy),
            ExportFormat::Prodigy => Some(GoldFormat::Prodigy),
            ExportFormat::Doccano => Some(GoldFormat::Doccano),
            ExportFormat::Brat => Some(GoldFormat::Brat),
            ExportFormat::Webanno => Some(GoldFormat::Webanno),
            ExportFormat::Tmx => Some(GoldFormat::Tmx),
            ExportFormat::LabelStudio => Some(GoldFormat::LabelStudio),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AnnotationFormatArg {
    /// Tualek's own JSON Lines (`export --format jsonl`), of documents the project holds.
    Tualek,
    Spacy,
    Prodigy,
    /// brat standoff: a `.ann` (its `.txt` beside it) or a folder of them.
    Brat,
    /// Label Studio JSON tasks, or its JSON-MIN export.
    #[value(name = "labelstudio")]
    LabelStudio,
    /// doccano JSON Lines (UTF-16 offsets unless --offsets codepoints).
    Doccano,
}

impl AnnotationFormatArg {
    pub fn format(self) -> AnnotationFormat {
        match self {
            AnnotationFormatArg::Tualek => AnnotationFormat::Tualek,
            AnnotationFormatArg::Spacy => AnnotationFormat::Spacy,
            AnnotationFormatArg::Prodigy => AnnotationFormat::Prodigy,
            AnnotationFormatArg::Brat => AnnotationFormat::Brat,
            AnnotationFormatArg::LabelStudio => AnnotationFormat::LabelStudio,
            AnnotationFormatArg::Doccano => AnnotationFormat::Doccano,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OffsetsArg {
    Codepoints,
    Utf16,
}

impl OffsetsArg {
    pub fn unit(self) -> OffsetUnit {
        match self {
            OffsetsArg::Codepoints => OffsetUnit::CodePoints,
            OffsetsArg::Utf16 => OffsetUnit::Utf16,
        }
    }
}

fn parse_decimal(s: &str) -> Result<Decimal, String> {
    let s = s.trim().replace('_', "");
    Decimal::from_str_exact(&s)
        .or_else(|_| Decimal::from_scientific(&s))
        .map_err(|_| format!("'{s}' is not a decimal number"))
}
