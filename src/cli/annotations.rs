//! `tualek import-annotations`: annotations made elsewhere, checked span by span.

use std::path::PathBuf;
use std::process::ExitCode;

use super::Outcome;
use crate::app::Project;
use crate::app::annotations::LabelMap;
use crate::import::annotations::{AnnotationFormat, read_annotations};

pub(super) struct Args {
    pub file: PathBuf,
    pub format: AnnotationFormat,
    pub labels: Option<PathBuf>,
    pub strict: bool,
    pub max_mb: u64,
    pub unit: Option<crate::export::annotations::OffsetUnit>,
}

/// Imports the file; lists every span left out on stderr. Exit code 0 when
/// everything fit, 2 when some spans were left out, 1 when nothing was read.
pub(super) fn import(p: &mut Project, args: Args) -> Outcome {
    let labels = match &args.labels {
        Some(path) => {
            let bytes = crate::import::read_regular(path, crate::import::DEFAULT_MAX_BYTES)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            let text = String::from_utf8(bytes)
                .map_err(|_| format!("{}: not UTF-8 text", path.display()))?;
            LabelMap::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?
        }
        None => LabelMap::default(),
    };
    let docs = read_annotations(
        &args.file,
        args.format,
        args.max_mb.saturating_mul(1 << 20),
        args.unit,
    )
    .map_err(|e| format!("{}: {e}", args.file.display()))?;
    let report = p
        .import_annotations(&docs, args.format, &labels, &args.file, args.strict)
        .map_err(|e| e.to_string())?;
    for (at, why) in &report.problems {
        let line = format!("{}, {at}: {why}", args.file.display());
        eprintln!("{}", super::display_safe(&line));
    }
    if report.history.is_none() && args.strict && !report.problems.is_empty() {
        eprintln!(
            "nothing imported: {} spans do not fit (--strict)",
            report.problems.len()
        );
        return Ok(ExitCode::from(2));
    }
    println!(
        "imported {} figures ({} read anew, {} already there) in {} documents ({} new); {} left out",
        report.added + report.replaced,
        report.replaced,
        report.unchanged,
        report.new_documents.len() + report.matched_documents.len(),
        report.new_documents.len(),
        report.problems.len()
    );
    Ok(if report.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}
