//! The workbench's remembered choices: language, theme, zoom, the relation
//! of new links, recent projects.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Locale;
use crate::model::Relation;

/// How many recent projects the File menu lists.
const RECENT: usize = 8;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub locale: Locale,
    pub dark: bool,
    pub zoom: f32,
    /// Show numbers in the UI with Lao digits (when the UI is in Lao).
    pub lao_digits: bool,
    pub two_panes: bool,
    /// The relation L and Shift+L give new links (Review → Link as);
    /// `None`: by the documents' languages (see [`Relation::between`]).
    pub link_relation: Option<Relation>,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            locale: Locale::En,
            dark: false,
            zoom: 1.0,
            lao_digits: false,
            two_panes: true,
            link_relation: None,
            recent: Vec::new(),
        }
    }
}

impl Settings {
    pub fn default_path() -> PathBuf {
        super::data_dir().join("settings.json")
    }

    /// Reads settings; a missing or unreadable file gives the defaults.
    pub fn load(path: &Path) -> Settings {
        std::fs::read(path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Settings>(&bytes).ok())
            .map(Settings::within_bounds)
            .unwrap_or_default()
    }

    /// The zoom the View menu offers (50–200 %), whatever a file says.
    pub const ZOOM: std::ops::RangeInclusive<f32> = 0.5..=2.0;

    /// The zoom after a step of the View menu or Ctrl+= / Ctrl+-: rounded to
    /// a tenth, so steps land on 100 % again, and within [`Settings::ZOOM`].
    /// A step of 0 resets it to 100 %; one that is not a number changes nothing.
    pub fn zoomed(&self, step: f32) -> f32 {
        let zoom = if step == 0.0 {
            1.0
        } else if step.is_finite() {
            self.zoom + step
        } else {
            self.zoom
        };
        if !zoom.is_finite() {
            return 1.0;
        }
        ((zoom * 10.0).round() / 10.0).clamp(*Self::ZOOM.start(), *Self::ZOOM.end())
    }

    fn within_bounds(mut self) -> Settings {
        self.zoom = if self.zoom.is_finite() {
            self.zoom.clamp(*Self::ZOOM.start(), *Self::ZOOM.end())
        } else {
            1.0
        };
        self
    }

    /// Writes settings atomically (temporary file, then rename).
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        let dir = path.parent().unwrap_or(Path::new("."));
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        std::io::Write::write_all(&mut tmp, &json)?;
        tmp.persist(path).map_err(|e| e.error)?;
        Ok(())
    }

    /// The last project opened, if it still exists.
    pub fn last_project(&self) -> Option<&Path> {
        self.recent
            .first()
            .map(PathBuf::as_path)
            .filter(|p| p.exists())
    }

    pub fn remember(&mut self, project: &Path) {
        let project = std::fs::canonicalize(project).unwrap_or_else(|_| project.to_path_buf());
        self.recent.retain(|p| p != &project);
        self.recent.insert(0, project);
        self.recent.truncate(RECENT);
    }
}
