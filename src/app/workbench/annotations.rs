//! File → Import annotations…: a file made in another tool, its format
//! guessed from its name and first line, checked span by span as
//! `tualek import-annotations` checks it; one undoable action.

use std::path::Path;

use super::{Notice, Workbench};
use crate::app::annotations::LabelMap;
use crate::import::annotations::{guess_format, read_annotations};

/// Annotation files larger than this are refused in the workbench, as on the command line.
const MAX_BYTES: u64 = 256 * 1024 * 1024;

impl Workbench {
    /// Imports the annotations in `path`; the notice says what came in and,
    /// when spans were left out, the first with its reason.
    pub fn import_annotations(&mut self, path: &Path) {
        let name = path.display().to_string();
        let Some(format) = guess_format(path) else {
            self.notice = Some(Notice::Failed("notice-annotations-unknown", Some(name)));
            return;
        };
        let Some(project) = self.project.as_mut() else {
            self.notice = Some(Notice::Failed("error-no-project", None));
            return;
        };
        let read =
            read_annotations(path, format, MAX_BYTES, None).map_err(|e| format!("{name}: {e}"));
        let report = read.and_then(|docs| {
            project
                .import_annotations(&docs, format, &LabelMap::default(), path, false)
                .map_err(|e| e.to_string())
        });
        match report {
            Err(e) => self.notice = Some(Notice::Error(e)),
            Ok(r) => {
                self.refresh_documents();
                self.refresh_claims(None);
                self.refresh_qa(None);
                let added = r.added + r.replaced;
                self.notice = Some(match r.problems.first() {
                    Some((at, why)) => Notice::Error(format!(
                        "{name}: {added} figures imported; {} spans left out, the first at {at}: {why}",
                        r.problems.len()
                    )),
                    None => Notice::Count("notice-imported-annotations", added, Some(name)),
                });
                for id in &r.new_documents {
                    if let Some(free) = self.panes.empty() {
                        self.load_into(free, *id);
                    }
                }
            }
        }
    }
}
