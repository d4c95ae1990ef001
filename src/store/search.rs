//! Finding text across a project's documents.

use rusqlite::{Connection, params};

use super::Store;
use super::error::Result;
use crate::model::DocId;

/// Adds a document just inserted to the search index (schema 6 has no
/// trigger for it; see the migration for why).
pub(super) fn index_text(conn: &Connection, id: DocId, text: &str) -> Result<()> {
    conn.prepare_cached("INSERT INTO document_search (rowid, text) VALUES (?1, ?2)")?
        .execute(params![id, text])?;
    Ok(())
}

impl Store {
    /// Ids of the (not removed) documents whose text contains `query`, in
    /// import order. ASCII letters match either case.
    ///
    /// A query of three or more characters goes through the trigram index,
    /// which names the documents holding every trigram of it; each one's
    /// text is then checked with an escaped LIKE. A shorter one scans the
    /// texts with that LIKE alone.
    pub fn search_documents(&self, query: &str, limit: usize) -> Result<Vec<DocId>> {
        let query = query.trim();
        // No text holds a NUL (imports refuse one), and SQLite would read
        // the pattern and the FTS5 query only up to it.
        if query.is_empty() || query.contains('\0') {
            return Ok(Vec::new());
        }
        let limit = limit as i64;
        let like = like_containing(query);
        let ids = match super::trigram::match_query(query) {
            Some(terms) => {
                let mut stmt = self.conn.prepare_cached(
                    "SELECT d.id FROM document_search s JOIN documents d ON d.id = s.rowid \
                     WHERE document_search MATCH ?1 AND d.text LIKE ?2 ESCAPE '\\' \
                     AND d.removed = 0 ORDER BY d.id LIMIT ?3",
                )?;
                stmt.query_map((terms, like, limit), |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?
            }
            None => {
                let mut stmt = self.conn.prepare_cached(
                    "SELECT id FROM documents WHERE removed = 0 AND text LIKE ?1 ESCAPE '\\' \
                     ORDER BY id LIMIT ?2",
                )?;
                stmt.query_map((like, limit), |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?
            }
        };
        Ok(ids)
    }
}

/// The LIKE pattern (with `ESCAPE '\\'`) for texts containing `query`
/// literally: its backslashes, `%` and `_` escaped.
pub(super) fn like_containing(query: &str) -> String {
    let escaped = query
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}
