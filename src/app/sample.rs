//! The bundled sample project, so a new user's first run shows something real.

use std::path::{Path, PathBuf};

use crate::import::{ImportOptions, document_from_bytes};
use crate::model::Language;

use super::{Project, Result};

/// The sample documents: (file name, language, title, text), embedded in
/// the binary. Each is titled in its own language, as a reader names it.
pub const SAMPLE_DOCUMENTS: &[(&str, &str, &str, &str)] = &[
    (
        "labour-migration-lo.txt",
        "lo",
        "ການເຄື່ອນຍ້າຍແຮງງານ ແລະ ການຄ້າມະນຸດ",
        include_str!("../../assets/sample/labour-migration-lo.txt"),
    ),
    (
        "labour-migration-en.txt",
        "en",
        "Labour migration and trafficking in Laos",
        include_str!("../../assets/sample/labour-migration-en.txt"),
    ),
];

/// Where Tualek keeps its own files (the sample project, settings).
pub fn data_dir() -> PathBuf {
    directories::ProjectDirs::from("org", "Tualek", "tualek")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| std::env::temp_dir().join("tualek"))
}

/// The sample project's path in the data folder.
pub fn sample_path() -> PathBuf {
    data_dir().join("sample.tualek")
}

impl Project {
    /// Opens the sample project at `path`, creating it (with its documents) if absent.
    pub fn open_or_create_sample(path: &Path, reviewer: &str) -> Result<Project> {
        if path.exists() {
            return Project::open(path, reviewer);
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| super::AppError::Invalid(format!("{}: {e}", dir.display())))?;
        }
        let mut project = Project::create(path, reviewer)?;
        let mut tx = project.store.begin_import(reviewer)?;
        for (name, lang, title, text) in SAMPLE_DOCUMENTS {
            let options = ImportOptions {
                language: Some(Language::new(lang)),
                ..Default::default()
            };
            let mut doc = document_from_bytes(text.as_bytes(), Path::new(name), &options)
                .expect("the bundled sample documents are valid");
            doc.meta.title = title.to_string();
            super::import::store_document(&mut tx, &doc)?;
        }
        tx.commit("import the sample documents")?;
        project.link_sample_translations()?;
        Ok(project)
    }

    /// Links the figures of the Lao sample to those of its English counterpart,
    /// as Review → Link all matching figures would (one undoable action).
    fn link_sample_translations(&mut self) -> Result<()> {
        let docs = self.store.documents()?;
        let figures = |doc: Option<&crate::model::DocumentMeta>| -> Result<Vec<_>> {
            let Some(doc) = doc else {
                return Ok(Vec::new());
            };
            Ok(self.store.figures(&crate::store::FigureFilter {
                document: Some(doc.id),
                statuses: vec![],
            })?)
        };
        let lo = figures(docs.iter().find(|d| d.language.as_str() == "lo"))?;
        let en = figures(docs.iter().find(|d| d.language.as_str() == "en"))?;
        let pairs = crate::align::align_in_order(&lo, &en);
        if !pairs.is_empty() {
            self.execute(super::Command::LinkAll {
                pairs,
                relation: crate::model::Relation::Translation,
            })?;
        }
        Ok(())
    }
}
