//! `tualek report`: the fact-check report of a project's claims, as one
//! self-contained HTML file or as Markdown.

use std::path::Path;

use crate::app::Project;
use crate::app::workbench::report::write_report;
use crate::export::report::ReportFormat;

use super::args::ReportFormatArg;

/// The format asked for, else the one `out`'s extension names, else HTML.
pub fn format_for(out: &Path, asked: Option<ReportFormatArg>) -> ReportFormat {
    match asked {
        Some(ReportFormatArg::Html) => ReportFormat::Html,
        Some(ReportFormatArg::Md) => ReportFormat::Markdown,
        None => ReportFormat::from_path(out).unwrap_or(ReportFormat::Html),
    }
}

/// Writes the report and says what it holds.
pub fn report(p: &Project, out: &Path, format: Option<ReportFormatArg>) -> Result<(), String> {
    let written = write_report(p, out, format_for(out, format))?;
    let line = format!(
        "wrote a report of {} claims ({} disagreeing) to {}",
        written.claims,
        written.disagreeing,
        written.path.display()
    );
    super::say(out, &line);
    Ok(())
}
