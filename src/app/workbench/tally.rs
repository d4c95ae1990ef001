//! Counts the export dialog shows before anything is written.

use std::collections::HashMap;

use super::{Notice, Workbench};
use crate::model::{DocId, Status};

impl Workbench {
    /// How many figures each document holds in each status; empty with no
    /// project, and on a read failure (then the notice says why).
    pub fn status_counts(&mut self) -> HashMap<(DocId, Status), usize> {
        let Some(project) = &self.project else {
            return HashMap::new();
        };
        match project.store().status_counts() {
            Ok(counts) => counts,
            Err(e) => {
                self.notice = Some(Notice::Error(e.to_string()));
                HashMap::new()
            }
        }
    }
}
