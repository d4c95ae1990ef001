//! Documents whose text changes (a split), and texts stored before a change shows them.

use rusqlite::{OptionalExtension, params};

use super::ActionTx;
use super::error::{Result, StoreError};
use super::rows::{self, DOCUMENT_COLUMNS};
use crate::model::{DocId, DocumentMeta};

impl ActionTx<'_> {
    /// Keeps `text` under its SHA-256, so that a document snapshot naming
    /// that hash can take it (see `rows::write_row`), now and on redo.
    pub fn keep_text(&mut self, sha256: &str, text: &str) -> Result<()> {
        self.tx
            .prepare_cached("INSERT OR IGNORE INTO document_texts (sha256, text) VALUES (?1, ?2)")?
            .execute(params![sha256, text])?;
        Ok(())
    }

    /// The document row holding this text, shown or hidden (an undone import or split).
    pub fn document_with_text(&self, sha256: &str) -> Result<Option<DocumentMeta>> {
        let sql = format!("SELECT {DOCUMENT_COLUMNS} FROM documents WHERE sha256 = ?1");
        Ok(self
            .tx
            .prepare_cached(&sql)?
            .query_row([sha256], rows::document_from)
            .optional()?)
    }

    /// Stores a new document's text hidden, as an import does, so that a
    /// change (before: none, after: `meta` with the returned id) shows it.
    /// A hidden row with the same text is taken over instead: texts are unique.
    pub fn stage_document(&mut self, meta: &DocumentMeta, text: &str) -> Result<DocId> {
        if let Some(existing) = self.document_with_text(&meta.sha256)? {
            if !existing.removed {
                return Err(StoreError::Invalid(format!(
                    "the same text is already document {} ({})",
                    existing.id, existing.title
                )));
            }
            return Ok(existing.id);
        }
        self.tx
            .prepare_cached(
                "INSERT INTO documents (title, language, source_path, imported_at, sha256, \
                 char_len, removed, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7)",
            )?
            .execute(params![
                meta.title,
                meta.language.as_str(),
                meta.source_path,
                meta.imported_at,
                meta.sha256,
                text.chars().count() as i64,
                text
            ])?;
        let id = self.tx.last_insert_rowid();
        super::search::index_text(&self.tx, id, text)?;
        Ok(id)
    }
}
