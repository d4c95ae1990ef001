//! `tualek qa`: the number check of a translation, segment by segment, with
//! or without a project; and `tualek import-pair` / `accept-segment`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use super::Outcome;
use super::args::QaFormat;
use crate::app::translations::{SegmentQa, Segmentation, check_pair};
use crate::app::{Command, Project};
use crate::export::qa_csv::{QaRow, write_qa_csv};
use crate::export::tmx::{TmxUnit, write_tmx};
use crate::import::ImportOptions;
use crate::import::bilingual::{self, BilingualPair, SegmentText};
use crate::model::{Decimal, Figure, InlineTag, Language, Span};

/// What `tualek qa` was asked.
pub(super) struct QaArgs {
    pub file: Option<PathBuf>,
    pub pair: Vec<String>,
    pub format: QaFormat,
    pub out: Option<PathBuf>,
    pub all: bool,
    pub fail_on_problems: bool,
}

/// A checked pair: the languages, each segment's check, and its inline tags.
struct Checked {
    source_lang: Language,
    target_lang: Language,
    segments: Vec<SegmentQa>,
    tags: Vec<(Vec<InlineTag>, Vec<InlineTag>)>,
}

pub(super) fn qa(args: QaArgs, who: &str) -> Outcome {
    let checked = load(&args, who)?;
    let mut buffer = Vec::new();
    write_checked(&mut buffer, &checked, &args).map_err(|e| e.to_string())?;
    match &args.out {
        Some(path) => crate::export::write_atomically(path, |w| {
            w.write_all(&buffer)
                .map_err(|e| crate::export::ExportError::Io(path.display().to_string(), e))
        })
        .map_err(|e| e.to_string())?,
        None => std::io::stdout()
            .lock()
            .write_all(&buffer)
            .map_err(|e| e.to_string())?,
    }
    let problems = checked.segments.iter().filter(|s| s.is_flagged()).count();
    let accepted = checked
        .segments
        .iter()
        .filter(|s| s.review.is_some())
        .count();
    eprintln!(
        "{} segments: {problems} with problems, {accepted} accepted",
        checked.segments.len()
    );
    Ok(if args.fail_on_problems && problems > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn load(args: &QaArgs, who: &str) -> Result<Checked, String> {
    let options = ImportOptions::default();
    match (&args.file, args.pair.as_slice()) {
        (Some(file), []) if bilingual::is_bilingual(file) => {
            let pair = bilingual::read_bilingual(file, &options)
                .and_then(|b| b.into_pair(file, &options))
                .map_err(|e| format!("{}: {e}", file.display()))?;
            Ok(check_file(pair))
        }
        (Some(file), _) if bilingual::is_bilingual(file) => Err(format!(
            "{} is a bilingual file: --pair names two text files, or two documents of a project",
            file.display()
        )),
        (None, [a, b]) => {
            let (a, b) = (PathBuf::from(a), PathBuf::from(b));
            let pair = bilingual::read_line_pair(&a, &b, &options)
                .and_then(|l| l.into_pair_of_files(&a, &b, &options))
                .map_err(|e| format!("{} and {}: {e}", a.display(), b.display()))?;
            Ok(check_file(pair))
        }
        (Some(project), [a, b]) => {
            let id = |s: &str| {
                s.parse::<i64>()
                    .map_err(|_| format!("'{s}' is not a document id (see `tualek docs`)"))
            };
            check_project(&super::open_read(project, who)?, id(a)?, id(b)?)
        }
        (Some(file), []) => Err(format!(
            "{} is not a .tmx, .xlf or .xliff file; for a project, name two documents with --pair",
            file.display()
        )),
        _ => Err(
            "name a bilingual file, --pair SOURCE.txt TARGET.txt, or a project with --pair DOC DOC"
                .into(),
        ),
    }
}

/// Checks a bilingual file that no project holds: the extractor's figures
/// of each side, the file's own segments.
fn check_file(pair: BilingualPair) -> Checked {
    let numbered = |doc, text: &str, first: i64| -> Vec<Figure> {
        let mut figures = crate::app::extract::found_figures(doc, text);
        for (i, f) in figures.iter_mut().enumerate() {
            f.id = first + i as i64;
        }
        figures
    };
    let fa = numbered(1, &pair.source.text, 1);
    let fb = numbered(2, &pair.target.text, 1 + fa.len() as i64);
    let spans: Vec<(Span, Span)> = pair.segments.iter().map(|s| (s.source, s.target)).collect();
    let segments = check_pair(
        &pair.source,
        &pair.target,
        &fa,
        &fb,
        &spans,
        Segmentation::Stored,
    );
    Checked {
        source_lang: pair.source.meta.language.clone(),
        target_lang: pair.target.meta.language.clone(),
        segments,
        tags: pair
            .segments
            .into_iter()
            .map(|s| (s.source_tags, s.target_tags))
            .collect(),
    }
}

fn check_project(p: &Project, a: i64, b: i64) -> Result<Checked, String> {
    let qa = p.qa(a, b).map_err(|e| e.to_string())?;
    let stored = p.store().segments(a, b).map_err(|e| e.to_string())?;
    let tags = qa
        .segments
        .iter()
        .map(|s| {
            stored
                .iter()
                .find(|t| t.number == s.number)
                .map(|t| (t.source_tags.clone(), t.target_tags.clone()))
                .unwrap_or_default()
        })
        .collect();
    Ok(Checked {
        source_lang: qa.source.language,
        target_lang: qa.target.language,
        segments: qa.segments,
        tags,
    })
}

fn write_checked(out: &mut Vec<u8>, c: &Checked, args: &QaArgs) -> std::io::Result<()> {
    let listed = |s: &&SegmentQa| args.all || s.is_flagged() || s.review.is_some();
    match args.format {
        QaFormat::Jsonl => {
            for s in c.segments.iter().filter(listed) {
                serde_json::to_writer(&mut *out, &segment_json(s))?;
                out.push(b'\n');
            }
        }
        QaFormat::Table => {
            let rows: Vec<Vec<String>> = c
                .segments
                .iter()
                .filter(listed)
                .map(|s| {
                    vec![
                        s.number.to_string(),
                        verdict_word(s),
                        figures_text(&s.source_figures),
                        figures_text(&s.target_figures),
                        one_line(&s.source_text),
                        one_line(&s.target_text),
                    ]
                })
                .collect();
            let head = [
                "segment",
                "verdict",
                "source figures",
                "target figures",
                "source",
                "target",
            ];
            if !rows.is_empty() {
                out.extend(super::table::render(&head, &rows).into_bytes());
            }
        }
        QaFormat::Tmx => {
            let units: Vec<TmxUnit> = c
                .segments
                .iter()
                .zip(&c.tags)
                .map(|(s, (st, tt))| TmxUnit {
                    source: SegmentText {
                        text: s.source_text.clone(),
                        tags: st.clone(),
                    },
                    target: SegmentText {
                        text: s.target_text.clone(),
                        tags: tt.clone(),
                    },
                    props: tmx_props(s),
                    note: s.review.as_ref().and_then(|r| r.note.clone()),
                })
                .collect();
            write_tmx(out, &c.source_lang, &c.target_lang, &units)?;
        }
        QaFormat::Csv => {
            let rows: Vec<QaRow> = c
                .segments
                .iter()
                .map(|s| QaRow {
                    segment: s.number,
                    verdict: verdict_text(s).to_string(),
                    accepted: s.review.is_some(),
                    note: s.review.as_ref().and_then(|r| r.note.clone()),
                    source: s.source_text.clone(),
                    target: s.target_text.clone(),
                    source_figures: figures_text(&s.source_figures),
                    target_figures: figures_text(&s.target_figures),
                })
                .collect();
            write_qa_csv(out, &rows).map_err(|e| std::io::Error::other(e.to_string()))?;
        }
    }
    Ok(())
}

/// The TMX properties of a checked segment: its verdict, and who accepted it.
fn tmx_props(s: &SegmentQa) -> Vec<(String, String)> {
    let mut props = vec![(
        "x-tualek-verdict".to_string(),
        s.verdict.as_str().to_string(),
    )];
    if let Some(r) = &s.review {
        props.push(("x-tualek-accepted-by".to_string(), r.reviewer.clone()));
        props.push(("x-tualek-accepted-at".to_string(), r.reviewed_at.clone()));
    }
    props
}

/// The verdict as files carry it: `unaligned` for a sentence the aligner
/// found no counterpart for (its verdict is no finding).
fn verdict_text(s: &SegmentQa) -> &'static str {
    if s.aligned {
        s.verdict.as_str()
    } else {
        "unaligned"
    }
}

fn verdict_word(s: &SegmentQa) -> String {
    if !s.aligned {
        return format!("unaligned ({})", s.verdict);
    }
    match &s.review {
        Some(_) => format!("{} (accepted)", s.verdict),
        None => s.verdict.to_string(),
    }
}

/// A segment as one JSON line; figure offsets are code points into the
/// segment's own text (given beside them), so a line stands alone.
#[derive(Serialize)]
struct SegmentLine<'a> {
    segment: u32,
    verdict: &'static str,
    source: &'a str,
    target: &'a str,
    figures: Vec<FigureLine<'a>>,
    /// False for a sentence the aligner found no counterpart for (never flagged).
    aligned: bool,
    accepted: bool,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct FigureLine<'a> {
    side: &'static str,
    text: &'a str,
    kind: &'static str,
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    value: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    value_max: Option<Decimal>,
    unit: Option<&'a str>,
    start: usize,
    end: usize,
    /// matched, mismatch, missing or extra.
    role: &'static str,
}

fn segment_json<'a>(s: &'a SegmentQa) -> SegmentLine<'a> {
    let role = |id| {
        let c = &s.check;
        if c.mismatched.iter().any(|p| p.0 == id || p.1 == id) {
            "mismatch"
        } else if c.missing.contains(&id) {
            "missing"
        } else if c.extra.contains(&id) {
            "extra"
        } else {
            "matched"
        }
    };
    let side = |name, figures: &'a [Figure], seg: Span| {
        figures
            .iter()
            .map(move |f| figure_line(name, f, seg, role(f.id)))
    };
    let figures = side("source", &s.source_figures, s.source)
        .chain(side("target", &s.target_figures, s.target))
        .collect();
    SegmentLine {
        segment: s.number,
        verdict: s.verdict.as_str(),
        source: &s.source_text,
        target: &s.target_text,
        figures,
        aligned: s.aligned,
        accepted: s.review.is_some(),
        note: s.review.as_ref().and_then(|r| r.note.as_deref()),
    }
}

fn figure_line<'a>(
    side: &'static str,
    f: &'a Figure,
    seg: Span,
    role: &'static str,
) -> FigureLine<'a> {
    FigureLine {
        side,
        text: &f.text,
        kind: f.kind.as_str(),
        value: f.value.map(|v| v.normalize()),
        value_max: f.value_max.map(|v| v.normalize()),
        unit: f.unit.as_deref(),
        start: f.span.start - seg.start,
        end: f.span.end - seg.start,
        role,
    }
}

fn figures_text(figures: &[Figure]) -> String {
    figures
        .iter()
        .map(|f| f.text.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn one_line(text: &str) -> String {
    const MAX: usize = 60;
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > MAX {
        let cut: String = flat.chars().take(MAX - 1).collect();
        format!("{cut}…")
    } else {
        flat
    }
}

/// `tualek import-pair`: two text files, line n ↔ line n, as one action.
pub(super) fn import_pair(p: &mut Project, source: &Path, target: &Path, max_mb: u64) -> Outcome {
    let options = ImportOptions {
        language: None,
        max_bytes: max_mb.saturating_mul(1024 * 1024),
    };
    let report = p
        .import_pair(source, target, &options)
        .map_err(|e| e.to_string())?;
    Ok(super::print_import(&report))
}

/// `tualek accept-segment`.
pub(super) fn accept_segment(
    p: &mut Project,
    (source, target, number): (i64, i64, u32),
    note: Option<&str>,
    flag_again: bool,
) -> Result<(), String> {
    if flag_again {
        p.execute(Command::SegmentUnaccept {
            source,
            target,
            number,
        })
        .map_err(|e| e.to_string())?;
        println!("segment {number} is flagged again");
    } else {
        p.accept_segment(source, target, number, note)
            .map_err(|e| e.to_string())?;
        println!("accepted segment {number}");
    }
    Ok(())
}
