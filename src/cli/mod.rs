//! `tualek` on the command line: the same library as the workbench, headless.

mod annotations;
mod args;
mod claims;
mod documents;
mod figures;
mod generate;
mod links;
mod qa;
mod report;
mod safe;
mod table;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use crate::app::links::Links;
use crate::app::{Command, Decision, FigureFields, ImportReport, Project, reviewer_name};
use crate::export::annotations::GoldFormat;
use crate::export::{self, Format};
use crate::import::ImportOptions;
use crate::model::{HistoryEntry, Language, Span};
use crate::store::FigureFilter;
pub use generate::command;

use args::{Cli, Cmd, DecisionCmd, ExportFormat, FieldArgs, ListFormat};
pub use safe::display_safe;
use safe::path_safe;

/// What lies behind a failure's one-line reason (SQLite's report on a
/// damaged file), printed after it with `--verbose`.
static DETAILS: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// What the command line asked for: a command it has run, or the workbench
/// window, which the binary opens (the command line knows no GUI).
pub enum Ran {
    Done(ExitCode),
    /// `tualek` alone or `tualek open`: the window on `project`, else the
    /// last project, else the sample.
    Window {
        project: Option<std::path::PathBuf>,
        reviewer: Option<String>,
    },
}

/// Runs the command line; any failure is one line on stderr and exit code 1
/// (with `--verbose`, the details behind it on the lines after).
pub fn main() -> Ran {
    let cli = Cli::parse();
    let verbose = cli.verbose;
    let reviewer = cli.reviewer;
    let command = match cli.command {
        None => {
            return Ran::Window {
                project: None,
                reviewer,
            };
        }
        Some(Cmd::Open { project }) => return Ran::Window { project, reviewer },
        Some(command) => command,
    };
    Ran::Done(match run(command, reviewer.as_deref()) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("tualek: {}", display_safe(&message));
            let details = DETAILS.lock().ok().and_then(|mut d| d.take());
            if let (true, Some(details)) = (verbose, details) {
                for line in details.lines() {
                    eprintln!("  {}", display_safe(line));
                }
            }
            ExitCode::FAILURE
        }
    })
}

/// A failure to open the window, as the command line reports any failure.
pub fn window_failed(message: &str) -> ExitCode {
    eprintln!("tualek: {}", display_safe(message));
    ExitCode::FAILURE
}

type Outcome = Result<ExitCode, String>;

fn open(path: &Path, reviewer: &str) -> Result<Project, String> {
    Project::open(path, reviewer).map_err(keep_details)
}

/// The one-line message of a failed open; SQLite's full report, when there is
/// one, is kept for `--verbose`.
fn keep_details(e: crate::app::AppError) -> String {
    if let crate::app::AppError::Store(s) = &e
        && let (Some(details), Ok(mut keep)) = (s.details(), DETAILS.lock())
    {
        *keep = Some(details.to_string());
    }
    e.to_string()
}

/// Refuses a `--doc` that names no document of the project (or a removed one):
/// it would otherwise select nothing and succeed.
fn check_doc(p: &Project, doc: Option<i64>) -> Result<(), String> {
    let Some(id) = doc else { return Ok(()) };
    match p.store().document_meta(id).map_err(|e| e.to_string())? {
        Some(meta) if !meta.removed => Ok(()),
        _ => Err(format!(
            "document {id} is not in the project; nothing was written"
        )),
    }
}

/// Prints what an export did: on stderr when the export itself went to the
/// standard output (`--out -`), so the data stays clean.
fn say(out: &Path, line: &str) {
    if export::Target::of(out) == export::Target::Stdout {
        eprintln!("{}", display_safe(line));
    } else {
        println!("{}", display_safe(line));
    }
}

/// For commands that only read: nothing is written, not even a migration.
fn open_read(path: &Path, reviewer: &str) -> Result<Project, String> {
    Project::open_read(path, reviewer).map_err(keep_details)
}

/// The relation of links between two documents when none is given: by their
/// languages. Refuses a document that is not in the project.
fn default_relation(p: &Project, a: i64, b: i64) -> Result<crate::model::Relation, String> {
    let docs = p.store().documents().map_err(|e| e.to_string())?;
    let language = |id| {
        docs.iter()
            .find(|d| d.id == id)
            .map(|d| &d.language)
            .ok_or_else(|| format!("document {id} not found"))
    };
    Ok(crate::model::Relation::between(language(a)?, language(b)?))
}

/// Runs one command (any but `open`, which [`main`] hands to the binary).
fn run(command: Cmd, reviewer: Option<&str>) -> Outcome {
    // A scan opens no project, so it never asks the OS for the user's name
    // (a read of /etc/nsswitch.conf and /etc/passwd on every run).
    let command = match command {
        Cmd::Scan { files, format } => return scan(&files, format),
        command => command,
    };
    let who = reviewer_name(reviewer);
    let err = |e: crate::app::AppError| e.to_string();
    match command {
        Cmd::Open { .. } => return Err("`open` opens the workbench window".into()),
        Cmd::New { project } => {
            Project::create(&project, &who).map_err(err)?;
            println!("created {}", path_safe(&project));
        }
        Cmd::Import {
            project,
            paths,
            lang,
            max_mb,
        } => {
            let mut p = open(&project, &who)?;
            let options = ImportOptions {
                language: lang.as_deref().map(Language::new),
                max_bytes: max_mb.saturating_mul(1024 * 1024),
            };
            let report = import_with_bar(&mut p, &paths, &options).map_err(err)?;
            return Ok(print_import(&report));
        }
        Cmd::Scan { files, format } => return scan(&files, format),
        Cmd::Extract { project, doc } => {
            let mut p = open(&project, &who)?;
            check_doc(&p, doc)?;
            let bar = progress_bar("extracting");
            let docs = doc.map(|d| vec![d]);
            let report = p
                .extract(docs.as_deref(), &mut |at| {
                    bar.set_length(at.total as u64);
                    bar.set_position(at.done as u64);
                    bar.set_message(path_safe(at.path));
                    true
                })
                .map_err(err)?;
            bar.finish_and_clear();
            println!(
                "{} documents: {} figures added, {} updated, {} marked stale ({})",
                report.documents,
                report.added,
                report.updated,
                report.stale,
                crate::extract::VERSION
            );
        }
        Cmd::Docs { project } => print_docs(&open_read(&project, &who)?)?,
        Cmd::Check { project } => return check(&project),
        Cmd::Doc {
            project,
            id,
            lang,
            title,
        } => {
            let mut p = match (&lang, &title) {
                (None, None) => open_read(&project, &who)?,
                _ => open(&project, &who)?,
            };
            documents::doc(&mut p, id, lang, title)?
        }
        Cmd::Split {
            project,
            id,
            at,
            lang_after,
        } => documents::split(&mut open(&project, &who)?, id, at, lang_after)?,
        Cmd::Figures {
            project,
            doc,
            status,
            format,
        } => {
            let p = open_read(&project, &who)?;
            check_doc(&p, doc)?;
            let filter = FigureFilter {
                document: doc,
                statuses: status,
            };
            figures::print(&p, &filter, format)?;
        }
        Cmd::Add {
            project,
            doc,
            start,
            end,
            fields,
            note,
        } => {
            let mut p = open(&project, &who)?;
            let done = p
                .execute(Command::Add {
                    document: doc,
                    span: Span::new(start, end),
                    fields: fields_of(fields),
                    note,
                })
                .map_err(err)?;
            println!("added figure {}", done.first_id().unwrap_or_default());
        }
        Cmd::Review {
            project,
            figure,
            decision,
        } => {
            let mut p = open(&project, &who)?;
            let (decision, note) = match decision {
                DecisionCmd::Confirm { note } => (Decision::Confirm, note),
                DecisionCmd::Reject { note } => (Decision::Reject, note),
                DecisionCmd::Fix { fields, note } => {
                    if fields.value.is_none() {
                        return Err("fix needs --value".into());
                    }
                    (Decision::Fix(fields_of(fields)), note)
                }
            };
            let status = match decision {
                Decision::Confirm => "confirmed",
                Decision::Reject => "rejected",
                Decision::Fix(_) => "corrected",
            };
            p.execute(Command::Review {
                figure,
                decision,
                note,
            })
            .map_err(err)?;
            println!("figure {figure} {status}");
        }
        Cmd::Note {
            project,
            figure,
            text,
        } => {
            let mut p = open(&project, &who)?;
            p.execute(Command::Note {
                figure,
                note: Some(text.clone()),
            })
            .map_err(err)?;
            if text.trim().is_empty() {
                println!("figure {figure}: note cleared");
            } else {
                println!("figure {figure}: note saved");
            }
        }
        Cmd::Link {
            project,
            a,
            b,
            relation,
        } => {
            let mut p = open(&project, &who)?;
            let relation = match relation {
                Some(r) => r,
                None => {
                    let doc_of = |id| {
                        p.store()
                            .figure(id)
                            .map_err(|e| e.to_string())?
                            .map(|f| f.document)
                            .ok_or_else(|| format!("figure {id} not found"))
                    };
                    default_relation(&p, doc_of(a)?, doc_of(b)?)?
                }
            };
            p.execute(Command::Link { a, b, relation }).map_err(err)?;
            let links = Links::load(p.store()).map_err(|e| e.to_string())?;
            let agree = links
                .of(a)
                .find(|l| l.other(a).is_some_and(|o| o.id == b))
                .is_some_and(|l| !l.disagrees());
            let verdict = if agree {
                "same value"
            } else {
                "values disagree"
            };
            println!("linked figures {a} and {b} ({relation}): {verdict}");
        }
        Cmd::Align {
            project,
            doc_a,
            doc_b,
            relation,
        } => {
            let mut p = open(&project, &who)?;
            // Checks both documents exist, whether or not a relation was given.
            let by_language = default_relation(&p, doc_a, doc_b)?;
            let relation = relation.unwrap_or(by_language);
            let pairs = p.figure_pairs(doc_a, doc_b, relation).map_err(err)?;
            let done = p
                .execute(Command::LinkAll { pairs, relation })
                .map_err(err)?;
            let links = Links::load(p.store()).map_err(|e| e.to_string())?;
            println!(
                "linked {} pairs of figures; {} links in the project disagree (relation: {relation})",
                done.changes.len(),
                links.disagreements()
            );
        }
        Cmd::Unlink { project, links } => {
            let mut p = open(&project, &who)?;
            let done = p
                .execute(Command::UnlinkAll {
                    links: links.clone(),
                })
                .map_err(err)?;
            match done.changes.len() {
                1 => println!("removed 1 link"),
                n => println!("removed {n} links"),
            }
        }
        Cmd::Links {
            project,
            disagreeing,
            format,
        } => {
            let p = open_read(&project, &who)?;
            let links = Links::load(p.store()).map_err(|e| e.to_string())?;
            links::print(p.store(), &links, disagreeing, format)?;
        }
        Cmd::Claims {
            project,
            disagreeing,
            suggested,
            accepted,
            format,
            action,
        } => match action {
            Some(action) => claims::decide(&mut open(&project, &who)?, action)?,
            None => {
                let state = match (suggested, accepted) {
                    (true, _) => Some(crate::claims::ClaimState::Suggested),
                    (_, true) => Some(crate::claims::ClaimState::Accepted),
                    _ => None,
                };
                let filter = claims::Filter { disagreeing, state };
                claims::print(&open_read(&project, &who)?, filter, format)?;
            }
        },
        Cmd::Undo { project } => {
            let entry = open(&project, &who)?.undo().map_err(err)?;
            println!("undone #{}: {}", entry.id, display_safe(&entry.summary));
        }
        Cmd::Redo { project } => {
            let entry = open(&project, &who)?.redo().map_err(err)?;
            println!("redone #{}: {}", entry.id, display_safe(&entry.summary));
        }
        Cmd::History { project, format } => {
            let p = open_read(&project, &who)?;
            let history = p.store().history().map_err(|e| e.to_string())?;
            print_history(&history, format)?;
        }
        Cmd::Export {
            project,
            format,
            out,
            status,
            doc,
            offsets,
            base_iri,
            no_card,
            license,
        } => {
            let p = open_read(&project, &who)?;
            check_doc(&p, doc)?;
            let format = match format.gold() {
                Some(gold) => {
                    let args = GoldArgs {
                        statuses: status,
                        doc,
                        offsets,
                        base_iri,
                        no_card,
                        license,
                    };
                    return export_gold(&p, gold, &out, args);
                }
                None if format == ExportFormat::Csv => Format::Csv,
                None => Format::Jsonl,
            };
            let filter = FigureFilter {
                document: doc,
                statuses: status,
            };
            let n = export::export(p.store(), &filter, format, &out).map_err(|e| e.to_string())?;
            say(&out, &format!("exported {n} figures to {}", out.display()));
        }
        Cmd::Report {
            project,
            out,
            format,
        } => report::report(&open_read(&project, &who)?, &out, format)?,
        Cmd::Generate { what } => return generate::run(what),
        Cmd::ImportAnnotations {
            project,
            file,
            format,
            labels,
            strict,
            offsets,
            max_mb,
        } => {
            let args = annotations::Args {
                file,
                format: format.format(),
                labels,
                strict,
                max_mb,
                unit: offsets.map(args::OffsetsArg::unit),
            };
            return annotations::import(&mut open(&project, &who)?, args);
        }
        Cmd::ImportPair {
            project,
            source,
            target,
            max_mb,
        } => return qa::import_pair(&mut open(&project, &who)?, &source, &target, max_mb),
        Cmd::Qa {
            file,
            pair,
            format,
            out,
            all,
            fail_on_problems,
        } => {
            let args = qa::QaArgs {
                file,
                pair,
                format,
                out,
                all,
                fail_on_problems,
            };
            return qa::qa(args, &who);
        }
        Cmd::AcceptSegment {
            project,
            source,
            target,
            segment,
            note,
            flag_again,
        } => qa::accept_segment(
            &mut open(&project, &who)?,
            (source, target, segment),
            note.as_deref(),
            flag_again,
        )?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `tualek check`: "ok", or each finding on its own line and exit 1.
fn check(project: &Path) -> Outcome {
    let findings = Project::check(project).map_err(|e| e.to_string())?;
    if findings.is_empty() {
        println!("ok");
        return Ok(ExitCode::SUCCESS);
    }
    for finding in &findings {
        println!("{}", display_safe(finding));
    }
    Ok(ExitCode::FAILURE)
}

/// `tualek export` in a gold-standard format: the reviewed figures (unless
/// `--status` says otherwise) of the chosen documents, in the consumer's shape.
fn export_gold(p: &Project, format: GoldFormat, out: &Path, args: GoldArgs) -> Outcome {
    use crate::export::annotations::{GoldOptions, card};
    let mut selection = export::Selection::reviewed_gold();
    if !args.statuses.is_empty() {
        selection.statuses = args.statuses;
    }
    selection.documents = args.doc.map(|d| vec![d]);
    let options = GoldOptions {
        unit: args.offsets.map(args::OffsetsArg::unit),
        base_iri: args.base_iri,
        no_card: args.no_card,
        license: args.license,
    };
    let report = crate::export::annotations::export_gold(
        p.store(),
        &selection,
        format,
        out,
        &options,
        &mut |_, _| true,
    )
    .map_err(|e| e.to_string())?
    .ok_or("the export was cancelled")?;
    let line = format!(
        "exported {} figures of {} documents to {}",
        report.figures,
        report.documents,
        out.display()
    );
    say(out, &line);
    for note in &report.notes {
        say(out, note);
    }
    if let Some(card) = report.files.iter().find(|f| f.ends_with(card::README)) {
        say(out, &format!("dataset card: {}", card.display()));
    }
    Ok(ExitCode::SUCCESS)
}

/// The options of `tualek export` that only gold-standard formats read.
struct GoldArgs {
    statuses: Vec<crate::model::Status>,
    doc: Option<i64>,
    offsets: Option<args::OffsetsArg>,
    base_iri: Option<String>,
    no_card: bool,
    license: Option<String>,
}

fn print_docs(p: &Project) -> Result<(), String> {
    let counts = p.store().review_counts().map_err(|e| e.to_string())?;
    let rows: Vec<Vec<String>> = p
        .store()
        .documents()
        .map_err(|e| e.to_string())?
        .into_iter()
        .map(|d| {
            let c = counts.get(&d.id).copied().unwrap_or_default();
            vec![
                d.id.to_string(),
                d.language.to_string(),
                d.char_len.to_string(),
                format!("{}/{}", c.reviewed, c.total),
                d.title,
            ]
        })
        .collect();
    table::print(&["id", "lang", "chars", "reviewed", "title"], &rows);
    Ok(())
}

fn fields_of(a: FieldArgs) -> FigureFields {
    FigureFields {
        kind: a.kind,
        value: a.value,
        value_max: a.value_max,
        unit: a.unit,
    }
}

/// A progress bar on stderr (hidden when stderr is not a terminal).
fn progress_bar(what: &str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template(&format!(
            "{{spinner}} {what} [{{bar:30}}] {{pos}}/{{len}} {{per_sec}} {{wide_msg}}"
        ))
        .expect("a valid template")
        .progress_chars("=> "),
    );
    bar
}

/// The figures of files, as gold records (JSON Lines) or a table.
fn scan(files: &[std::path::PathBuf], format: ListFormat) -> Outcome {
    if let ListFormat::Jsonl = format {
        return scan_jsonl(files);
    }
    let mut rows = Vec::new();
    let mut failed = false;
    for path in files {
        let text = match crate::import::read_text(path, &ImportOptions::default()) {
            Ok(t) => t,
            Err(e) => {
                scan_refused(path, &e);
                failed = true;
                continue;
            }
        };
        for r in crate::extract::records(&scan_name(path), &text) {
            rows.push(vec![
                r.doc,
                format!("{}..{}", r.start, r.end),
                r.text,
                r.kind,
                r.value.map(|v| v.to_string()).unwrap_or_default(),
                r.value_max.map(|v| v.to_string()).unwrap_or_default(),
                r.unit.unwrap_or_default(),
            ]);
        }
    }
    if !rows.is_empty() {
        table::print(
            &["doc", "span", "text", "kind", "value", "value_max", "unit"],
            &rows,
        );
    }
    Ok(scan_exit(failed))
}

fn scan_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn scan_refused(path: &Path, e: &crate::import::ImportError) {
    eprintln!(
        "tualek: {}",
        display_safe(&format!("{}: {e}", path.display()))
    );
}

fn scan_exit(failed: bool) -> ExitCode {
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The bytes serde_json escapes in a string: control characters, `"` and `\\`.
static ESCAPED: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

/// Writes `n` in decimal, as serde_json writes an unsigned integer.
fn scan_uint(buf: &mut Vec<u8>, n: u64) {
    buf.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// Writes `s` as serde_json writes a string: as it is between quotes when
/// nothing in it needs escaping (almost every span and unit), else by serde_json.
fn scan_str(buf: &mut Vec<u8>, s: &str) -> Result<(), String> {
    if s.bytes().any(|b| ESCAPED[b as usize]) {
        return serde_json::to_writer(&mut *buf, s).map_err(|e| e.to_string());
    }
    buf.push(b'"');
    buf.extend_from_slice(s.as_bytes());
    buf.push(b'"');
    Ok(())
}

/// Writes a figure's value as [`crate::extract::Record`] does (the
/// normalized decimal as a JSON number, `null` without one); a
/// whole number, the common case, without going through a string.
fn scan_value(buf: &mut Vec<u8>, d: &Option<crate::model::Decimal>) -> Result<(), String> {
    use std::str::FromStr;
    let Some(d) = d else {
        buf.extend_from_slice(b"null");
        return Ok(());
    };
    // A whole number (scale 0) is already in its normal form, -0 aside,
    // which writes as 0 all the same.
    if d.scale() == 0
        && let Ok(n) = u64::try_from(d.mantissa().unsigned_abs())
        && (n == 0 || d.is_sign_positive())
    {
        scan_uint(buf, n);
        return Ok(());
    }
    let d = d.normalize();
    match serde_json::Number::from_str(&d.to_string()) {
        Ok(n) => serde_json::to_writer(&mut *buf, &n).map_err(|e| e.to_string()),
        Err(_) => {
            buf.extend_from_slice(b"null");
            Ok(())
        }
    }
}

/// `tualek scan --format jsonl`: the same lines as serializing
/// [`crate::extract::records`], written through one buffer, each offset
/// counted on from the one before rather than looked up.
fn scan_jsonl(files: &[std::path::PathBuf]) -> Outcome {
    const FLUSH_AT: usize = 1 << 16;
    let mut out = std::io::stdout().lock();
    let mut buf: Vec<u8> = Vec::with_capacity(FLUSH_AT + 4096);
    let mut failed = false;
    for (n, path) in files.iter().enumerate() {
        let held = match crate::import::read_text_in_place(path, &ImportOptions::default()) {
            Ok(t) => t,
            Err(e) => {
                out.write_all(&buf).map_err(|e| e.to_string())?;
                out.flush().map_err(|e| e.to_string())?;
                buf.clear();
                scan_refused(path, &e);
                failed = true;
                continue;
            }
        };
        // Every line of a file starts the same way: written once, copied after.
        let mut head = b"{\"doc\":".to_vec();
        serde_json::to_writer(&mut head, &scan_name(path)).map_err(|e| e.to_string())?;
        head.extend_from_slice(b",\"start\":");
        let text = held.as_str();
        let mut at = crate::text::CodePoints::new(text);
        let mut found = Vec::with_capacity(crate::extract::capacity_for(text));
        crate::import::prefault(&mut found);
        let found = crate::extract::extract_into(text, found);
        for f in &found {
            let (Some(start), Some(end), Some(span)) =
                (at.of(f.start), at.of(f.end), text.get(f.start..f.end))
            else {
                continue;
            };
            // The fields of a Record in its order, as serde_json writes them.
            buf.extend_from_slice(&head);
            scan_uint(&mut buf, start as u64);
            buf.extend_from_slice(b",\"end\":");
            scan_uint(&mut buf, end as u64);
            buf.extend_from_slice(b",\"text\":");
            scan_str(&mut buf, span)?;
            buf.extend_from_slice(b",\"kind\":");
            scan_str(&mut buf, f.kind.as_str())?;
            buf.extend_from_slice(b",\"value\":");
            scan_value(&mut buf, &f.value)?;
            buf.extend_from_slice(b",\"value_max\":");
            scan_value(&mut buf, &f.value_max)?;
            buf.extend_from_slice(b",\"unit\":");
            match &f.unit {
                Some(u) => scan_str(&mut buf, u)?,
                None => buf.extend_from_slice(b"null"),
            }
            buf.extend_from_slice(b"}\n");
            if buf.len() >= FLUSH_AT {
                out.write_all(&buf).map_err(|e| e.to_string())?;
                buf.clear();
            }
        }
        if n + 1 == files.len() {
            // The process ends next and its memory goes back with it: the
            // last file's text and figures (a String each) are not freed one
            // by one, a tenth of a millisecond per MB.
            std::mem::forget(found);
            std::mem::forget(held);
        }
    }
    out.write_all(&buf).map_err(|e| e.to_string())?;
    out.flush().map_err(|e| e.to_string())?;
    Ok(scan_exit(failed))
}

/// Imports with a progress bar on stderr.
fn import_with_bar(
    p: &mut Project,
    paths: &[std::path::PathBuf],
    options: &ImportOptions,
) -> crate::app::Result<ImportReport> {
    let bar = progress_bar("importing");
    let report = p.import(paths, options, &mut |at| {
        bar.set_length(at.total as u64);
        bar.set_position(at.done as u64);
        bar.set_message(path_safe(at.path));
        true
    });
    bar.finish_and_clear();
    report
}

fn print_import(report: &ImportReport) -> ExitCode {
    for (path, id) in &report.added {
        println!("imported {} as document {id}", path_safe(path));
    }
    for (path, source, target, segments) in &report.pairs {
        println!(
            "aligned {} as a translation pair: documents {source} and {target}, {segments} segments",
            path_safe(path)
        );
    }
    for (path, existing) in &report.duplicates {
        println!(
            "skipped {}: the same text is already document {} ({})",
            path_safe(path),
            existing.id,
            display_safe(&existing.title)
        );
    }
    let mut err = std::io::stderr().lock();
    for (path, why) in &report.refused {
        let line = format!("not imported {}: {why}", path.display());
        let _ = writeln!(err, "tualek: {}", display_safe(&line));
    }
    println!(
        "{} imported ({} figures found), {} already present, {} refused",
        report.added.len(),
        report.figures,
        report.duplicates.len(),
        report.refused.len()
    );
    if report.refused.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn print_history(history: &[HistoryEntry], format: ListFormat) -> Result<(), String> {
    match format {
        ListFormat::Jsonl => {
            let mut out = std::io::stdout().lock();
            for e in history {
                serde_json::to_writer(&mut out, e).map_err(|e| e.to_string())?;
                writeln!(out).map_err(|e| e.to_string())?;
            }
        }
        ListFormat::Table => {
            let rows: Vec<Vec<String>> = history
                .iter()
                .map(|e| {
                    let state = match e.kind {
                        crate::model::HistoryKind::Do => e.state.to_string(),
                        _ => String::new(),
                    };
                    vec![
                        e.id.to_string(),
                        e.at.clone(),
                        e.who.clone(),
                        e.kind.to_string(),
                        state,
                        e.summary.clone(),
                    ]
                })
                .collect();
            table::print(&["#", "at", "who", "kind", "state", "summary"], &rows);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_writes_numbers_and_strings_as_serde_json_does() {
        for n in [0, 7, 10, 99, 1_000_000, u64::MAX] {
            let mut buf = Vec::new();
            scan_uint(&mut buf, n);
            assert_eq!(buf, serde_json::to_vec(&n).unwrap());
        }
        for s in [
            "",
            "1,250 ລ້ານ",
            "say \"hi\"",
            "a\\b",
            "tab\there\r\n",
            "\u{1}\u{1f}\u{7f}",
            "👨‍👩‍👧",
        ] {
            let mut buf = Vec::new();
            scan_str(&mut buf, s).unwrap();
            assert_eq!(buf, serde_json::to_vec(s).unwrap(), "{s:?}");
        }
        for v in [
            "0",
            "1250",
            "-7",
            "12.50",
            "0.750",
            "123456789012345678901234",
            "1e3",
        ] {
            let d = v.parse::<crate::model::Decimal>().ok();
            let mut buf = Vec::new();
            scan_value(&mut buf, &d).unwrap();
            let expected = d.and_then(|d| {
                use std::str::FromStr;
                serde_json::Number::from_str(&d.normalize().to_string()).ok()
            });
            assert_eq!(buf, serde_json::to_vec(&expected).unwrap(), "{v}");
        }
        let mut buf = Vec::new();
        scan_value(&mut buf, &None).unwrap();
        assert_eq!(buf, b"null");
    }
}
