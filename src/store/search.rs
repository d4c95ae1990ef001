//! Finding text across a project's documents.

use super::Store;
use super::error::Result;
use crate::model::DocId;

impl Store {
    /// Ids of the (not removed) documents whose text contains `query`.
    /// Three or more characters use the trigram index; shorter queries scan with LIKE.
    pub fn search_documents(&self, query: &str, limit: usize) -> Result<Vec<DocId>> {
        let query = query.trim();
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let limit = limit as i64;
        let ids = if query.chars().count() >= 3 {
            // A quoted FTS5 string is matched as a literal substring.
            let phrase = format!("\"{}\"", query.replace('"', "\"\""));
            let mut stmt = self.conn.prepare(
                "SELECT d.id FROM document_search s JOIN documents d ON d.id = s.rowid \
                 WHERE document_search MATCH ?1 AND d.removed = 0 ORDER BY rank LIMIT ?2",
            )?;
            stmt.query_map((phrase, limit), |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        } else {
            let escaped = query
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            let mut stmt = self.conn.prepare(
                "SELECT id FROM documents WHERE removed = 0 AND text LIKE ?1 ESCAPE '\\' \
                 ORDER BY id LIMIT ?2",
            )?;
            stmt.query_map((format!("%{escaped}%"), limit), |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        Ok(ids)
    }
}
