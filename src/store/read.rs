//! Queries that read the project.

use rusqlite::{params_from_iter, types::Value};

use super::Store;
use super::error::{Result, StoreError};
use super::rows::{
    self, CLAIM_REVIEW_COLUMNS, DISMISSAL_COLUMNS, DOCUMENT_COLUMNS, FIGURE_COLUMNS, LINK_COLUMNS,
};
use crate::model::{
    ClaimReview, Dismissal, DocId, Document, DocumentMeta, Figure, FigureId, Link, Status,
};

/// Which figures to list. Figures of removed documents are never listed.
#[derive(Debug, Clone, Default)]
pub struct FigureFilter {
    pub document: Option<DocId>,
    /// Any of these statuses; empty means all.
    pub statuses: Vec<Status>,
}

impl Store {
    /// The project's documents (not removed ones), in import order.
    pub fn documents(&self) -> Result<Vec<DocumentMeta>> {
        let sql = format!("SELECT {DOCUMENT_COLUMNS} FROM documents WHERE removed = 0 ORDER BY id");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], rows::document_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn document_meta(&self, id: DocId) -> Result<Option<DocumentMeta>> {
        rows::read_document(&self.conn, id)
    }

    /// A document with its text.
    pub fn document(&self, id: DocId) -> Result<Option<Document>> {
        let Some(meta) = rows::read_document(&self.conn, id)? else {
            return Ok(None);
        };
        let text: String =
            self.conn
                .query_row("SELECT text FROM documents WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
        Ok(Some(Document { meta, text }))
    }

    pub fn figure(&self, id: FigureId) -> Result<Option<Figure>> {
        rows::read_figure(&self.conn, id)
    }

    /// Figures by document, then position.
    pub fn figures(&self, filter: &FigureFilter) -> Result<Vec<Figure>> {
        let mut out = Vec::new();
        self.for_each_figure(filter, |f| {
            out.push(f);
            Ok::<_, StoreError>(())
        })?;
        Ok(out)
    }

    /// Calls `each` with the figures `filter` selects, in the order of
    /// [`Store::figures`], one row at a time: a listing or an export of a
    /// project with millions of figures holds one of them, not all. Only the
    /// figure's own columns are read (never a document's text). Stops at the
    /// first error `each` returns, and returns it.
    pub fn for_each_figure<E: From<StoreError>>(
        &self,
        filter: &FigureFilter,
        mut each: impl FnMut(Figure) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let (sql, args) = figure_query(filter);
        let mut stmt = self.conn.prepare(&sql).map_err(StoreError::from)?;
        let mut rows = stmt
            .query(params_from_iter(args))
            .map_err(StoreError::from)?;
        while let Some(row) = rows.next().map_err(StoreError::from)? {
            each(rows::figure_from(row).map_err(StoreError::from)?)?;
        }
        Ok(())
    }

    /// Links whose both figures are in documents still present.
    pub fn links(&self) -> Result<Vec<Link>> {
        let cols = LINK_COLUMNS
            .split(", ")
            .map(|c| format!("l.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT {cols} FROM links l \
             JOIN figures fa ON fa.id = l.a JOIN documents da ON da.id = fa.document_id \
             JOIN figures fb ON fb.id = l.b JOIN documents db ON db.id = fb.document_id \
             WHERE da.removed = 0 AND db.removed = 0 ORDER BY l.id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], rows::link_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Store {
    /// Reviewers' words on claims whose figure is in a document still
    /// present, oldest first.
    pub fn claim_reviews(&self) -> Result<Vec<ClaimReview>> {
        let cols = prefixed("r", CLAIM_REVIEW_COLUMNS);
        let sql = format!(
            "SELECT {cols} FROM claim_reviews r \
             JOIN figures f ON f.id = r.figure_id JOIN documents d ON d.id = f.document_id \
             WHERE d.removed = 0 ORDER BY r.id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], rows::claim_review_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Pairs of figures dismissed as not the same fact, both in documents
    /// still present, oldest first.
    pub fn dismissals(&self) -> Result<Vec<Dismissal>> {
        let cols = prefixed("x", DISMISSAL_COLUMNS);
        let sql = format!(
            "SELECT {cols} FROM claim_dismissals x \
             JOIN figures fa ON fa.id = x.a JOIN documents da ON da.id = fa.document_id \
             JOIN figures fb ON fb.id = x.b JOIN documents db ON db.id = fb.document_id \
             WHERE da.removed = 0 AND db.removed = 0 ORDER BY x.id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], rows::dismissal_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The query of [`Store::figures`] and its arguments: the figures' columns
/// only, by document, then position.
fn figure_query(filter: &FigureFilter) -> (String, Vec<Value>) {
    let cols = prefixed("f", FIGURE_COLUMNS);
    let mut sql = format!(
        "SELECT {cols} FROM figures f JOIN documents d ON d.id = f.document_id \
         WHERE d.removed = 0"
    );
    let mut args: Vec<Value> = Vec::new();
    if let Some(doc) = filter.document {
        args.push(Value::Integer(doc));
        sql += &format!(" AND f.document_id = ?{}", args.len());
    }
    if !filter.statuses.is_empty() {
        let marks: Vec<String> = filter
            .statuses
            .iter()
            .map(|s| {
                args.push(Value::Integer(rows::status_code(*s)));
                format!("?{}", args.len())
            })
            .collect();
        sql += &format!(" AND f.status IN ({})", marks.join(", "));
    }
    sql += " ORDER BY f.document_id, f.start, f.\"end\", f.id";
    (sql, args)
}

/// `a.x, a.y` for columns `x, y`.
fn prefixed(table: &str, columns: &str) -> String {
    columns
        .split(", ")
        .map(|c| format!("{table}.{c}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How far review of one document has come.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReviewCounts {
    pub total: usize,
    /// Confirmed, corrected or rejected.
    pub reviewed: usize,
}

impl Store {
    /// Review counts per document (stale figures are not counted).
    pub fn review_counts(&self) -> Result<std::collections::HashMap<DocId, ReviewCounts>> {
        let mut stmt = self.conn.prepare(
            "SELECT document_id, count(*), \
             sum(status IN (?1, ?2, ?3)) FROM figures WHERE status <> ?4 GROUP BY document_id",
        )?;
        let codes = [
            Status::Confirmed,
            Status::Corrected,
            Status::Rejected,
            Status::Stale,
        ]
        .map(rows::status_code);
        let rows = stmt.query_map(codes, |r| {
            Ok((
                r.get::<_, DocId>(0)?,
                ReviewCounts {
                    total: r.get::<_, i64>(1)? as usize,
                    reviewed: r.get::<_, i64>(2)? as usize,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Store {
    /// How many figures each document holds in each status (documents not removed).
    pub fn status_counts(&self) -> Result<std::collections::HashMap<(DocId, Status), usize>> {
        let mut stmt = self.conn.prepare(
            "SELECT f.document_id, f.status, count(*) FROM figures f \
             JOIN documents d ON d.id = f.document_id WHERE d.removed = 0 \
             GROUP BY f.document_id, f.status",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, DocId>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        let mut out = std::collections::HashMap::new();
        for row in rows {
            let (doc, status, n) = row?;
            // A status this build does not know is left out of the counts, not an error.
            if let Some(status) = rows::status_of(status) {
                out.insert((doc, status), n as usize);
            }
        }
        Ok(out)
    }
}
