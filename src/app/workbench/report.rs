//! File → Export report… and `tualek report`: the fact-check report of a
//! project's claims ([`crate::export::report`]) written to a file.

use std::path::{Path, PathBuf};

use crate::app::Project;
use crate::export::report::{self, ReportFormat};

/// What a written report holds, for the message saying so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportWritten {
    pub path: PathBuf,
    pub claims: usize,
    pub disagreeing: usize,
}

/// The name a report gives its project: the project file's name without `.tualek`.
pub fn project_name(project: &Project) -> String {
    let path = project.store().path();
    path.file_stem()
        .or_else(|| path.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Writes the report of `project`'s claims to `out` (atomically; a missing
/// folder is refused), dated now.
pub fn write_report(
    project: &Project,
    out: &Path,
    format: ReportFormat,
) -> Result<ReportWritten, String> {
    let claims = project.claims().map_err(|e| e.to_string())?;
    let documents = project.store().documents().map_err(|e| e.to_string())?;
    report::write(
        out,
        format,
        &claims,
        &documents,
        &project_name(project),
        &crate::store::now(),
    )
    .map_err(|e| e.to_string())?;
    Ok(ReportWritten {
        path: out.to_path_buf(),
        claims: claims.len(),
        disagreeing: claims.iter().filter(|c| !c.claim.agrees()).count(),
    })
}

/// Opens the project at `project` on a connection of its own (so it can run
/// on a thread beside the workbench) and writes its report.
pub fn write_report_of(
    project: &Path,
    reviewer: &str,
    out: &Path,
    format: ReportFormat,
) -> Result<ReportWritten, String> {
    let p = Project::open(project, reviewer).map_err(|e| e.to_string())?;
    write_report(&p, out, format)
}
