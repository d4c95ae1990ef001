//! One user action = one transaction = one history row.

use rusqlite::{OptionalExtension, Transaction, params};

use super::error::{Result, StoreError};
use super::rows::{self, DOCUMENT_COLUMNS};
use super::{Store, now};
use crate::model::{
    Change, DocId, Document, DocumentMeta, Figure, FigureRow, HistoryKind, HistoryState, Row,
};

/// An action under way. Nothing it writes is visible to others, or survives a
/// crash, until `commit`; dropping it rolls everything back.
pub struct ActionTx<'s> {
    pub(super) tx: Transaction<'s>,
    flusher: Option<&'s super::Flusher>,
    who: String,
    action: String,
    changes: Vec<Change>,
    /// Documents this action stored for the first time.
    fresh: std::collections::HashSet<DocId>,
    /// New texts not yet in the search index, and their length in bytes.
    unindexed: Vec<(DocId, String)>,
    unindexed_bytes: usize,
}

/// How much new text an action holds back before adding it to the search
/// index in one run of inserts.
///
/// FTS5 writes its pending index out as a new segment whenever any later
/// statement opens a statement journal (a figure batch, the next document's
/// row): indexing each text as it is stored made every document a segment
/// of its own, and FTS5 spent the import merging them. Texts indexed one
/// after another, with no other statement between them, share segments.
const SEARCH_BATCH_BYTES: usize = 8 << 20;

/// Found figures stored by one statement.
const FIGURE_BATCH: usize = 32;

/// What importing one document's text did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportOutcome {
    Added(DocId),
    /// A document whose import had been undone, shown again with its figures.
    Restored(DocId),
    /// The same text (by SHA-256) is already in the project.
    Duplicate(DocumentMeta),
}

impl Store {
    /// Starts an action by `who`, named like `review.confirm`.
    ///
    /// The write lock is taken now, so two processes never interleave halves of actions.
    pub fn begin(&mut self, action: &str, who: &str) -> Result<ActionTx<'_>> {
        self.begin_checked(action, who, true)
    }

    /// As [`Store::begin`], for an import of new documents: its rows refer
    /// only to documents it inserts itself (figures and segments name the
    /// ids their documents' inserts just returned), so SQLite's foreign-key
    /// checks, a lookup for every figure and a tenth of a big import's time,
    /// are left out. The next action has them again.
    pub fn begin_import(&mut self, who: &str) -> Result<ActionTx<'_>> {
        self.begin_checked("import", who, false)
    }

    fn begin_checked(
        &mut self,
        action: &str,
        who: &str,
        foreign_keys: bool,
    ) -> Result<ActionTx<'_>> {
        let Store {
            flusher,
            conn,
            path,
            ..
        } = self;
        let tx = super::checked_transaction(conn, path, foreign_keys)?;
        Ok(ActionTx {
            tx,
            flusher: flusher.as_ref(),
            who: who.to_string(),
            action: action.to_string(),
            changes: Vec::new(),
            fresh: Default::default(),
            unindexed: Vec::new(),
            unindexed_bytes: 0,
        })
    }
}

impl ActionTx<'_> {
    /// Applies one change, after checking that the row still is what `before` says.
    /// A new row (id 0) gets its id here; the returned change carries it.
    pub fn apply(&mut self, change: Change) -> Result<Change> {
        let change = apply_change(&self.tx, change)?;
        self.changes.push(change.clone());
        Ok(change)
    }

    /// Stores a document's text and shows it; a text already present is reported instead.
    /// A document whose import was undone is shown again rather than stored twice.
    pub fn import_document(&mut self, doc: &Document) -> Result<ImportOutcome> {
        let char_len = bytecount::num_chars(doc.text.as_bytes()) as i64;
        let sql = format!("SELECT {DOCUMENT_COLUMNS} FROM documents WHERE sha256 = ?1");
        let existing = self
            .tx
            .prepare_cached(&sql)?
            .query_row([&doc.meta.sha256], rows::document_from)
            .optional()?;
        let mut meta = doc.meta.clone();
        meta.removed = false;
        meta.char_len = char_len;
        match existing {
            Some(meta) if !meta.removed => Ok(ImportOutcome::Duplicate(meta)),
            Some(hidden) => {
                meta.id = hidden.id;
                self.apply(Change {
                    before: None,
                    after: Some(Row::Document(meta)),
                })?;
                Ok(ImportOutcome::Restored(hidden.id))
            }
            None => {
                // Stored shown at once, as the change says: inserting it hidden
                // and showing it after would write the whole text a second time.
                let m = &doc.meta;
                self.tx
                    .prepare_cached(
                        "INSERT INTO documents (title, language, source_path, imported_at, \
                         sha256, char_len, removed, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7)",
                    )?
                    .execute(params![
                        m.title,
                        m.language.as_str(),
                        m.source_path,
                        m.imported_at,
                        m.sha256,
                        char_len,
                        doc.text
                    ])?;
                meta.id = self.tx.last_insert_rowid();
                self.unindexed_bytes += doc.text.len();
                self.unindexed.push((meta.id, doc.text.clone()));
                if self.unindexed_bytes >= SEARCH_BATCH_BYTES {
                    self.index_held_texts()?;
                }
                self.fresh.insert(meta.id);
                self.changes.push(Change {
                    before: None,
                    after: Some(Row::Document(meta.clone())),
                });
                Ok(ImportOutcome::Added(meta.id))
            }
        }
    }

    /// Stores the extractor's figures for a document this same action imported.
    ///
    /// They are not listed in the history row one by one: undoing the import
    /// hides the document and its figures with it, and redoing shows both
    /// again, so the history stays small however many figures a corpus holds.
    pub fn add_found_figures(&mut self, doc: DocId, figures: &[Figure]) -> Result<usize> {
        self.add_found_rows(doc, figures.iter().map(Figure::as_row))
    }

    /// As [`ActionTx::add_found_figures`], taking borrowed rows one at a time
    /// as they come: an import of a big document stores each as it is made
    /// rather than building millions of figures first.
    pub fn add_found_rows<'a>(
        &mut self,
        doc: DocId,
        figures: impl IntoIterator<Item = FigureRow<'a>>,
    ) -> Result<usize> {
        if !self.fresh.contains(&doc) {
            return Err(StoreError::Invalid(format!(
                "document {doc} was not imported by this action; add its figures as changes"
            )));
        }
        // Several rows a statement: most of a one-row insert's cost is the
        // statement's own (binding, opening cursors, the foreign-key check's
        // set-up), not the row's.
        let mut batch: Vec<FigureRow<'a>> = Vec::with_capacity(FIGURE_BATCH);
        let mut digits = String::new();
        let mut n = 0;
        for f in figures {
            batch.push(f);
            if batch.len() == FIGURE_BATCH {
                n += self.insert_found(doc, &batch, &mut digits)?;
                batch.clear();
            }
        }
        // The rest one by one: a statement for each length would crowd the
        // statement cache.
        for f in batch.chunks(1) {
            n += self.insert_found(doc, f, &mut digits)?;
        }
        Ok(n)
    }

    /// Inserts found figures of `doc` with one statement (one of two: a full
    /// batch or a single row). The statement's text is made once per length
    /// and the values are bound borrowed; the decimals are written into
    /// `digits`, one buffer for the whole batch.
    fn insert_found(
        &self,
        doc: DocId,
        figures: &[FigureRow<'_>],
        digits: &mut String,
    ) -> Result<usize> {
        use rusqlite::types::{ToSqlOutput, Value, ValueRef};
        if figures.is_empty() {
            return Ok(0);
        }
        digits.clear();
        let mut decimal = |d: Option<crate::model::Decimal>| {
            d.map(|d| {
                let from = digits.len();
                rows::push_decimal(digits, d);
                from..digits.len()
            })
        };
        let decimals: Vec<[_; 2]> = figures
            .iter()
            .map(|f| [decimal(f.value), decimal(f.value_max)])
            .collect();
        let digits: &str = digits;
        let int = |n: i64| ToSqlOutput::Owned(Value::Integer(n));
        fn text(s: Option<&str>) -> ToSqlOutput<'_> {
            s.map_or(ToSqlOutput::Owned(Value::Null), |s| {
                ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes()))
            })
        }
        let mut values: Vec<ToSqlOutput<'_>> = Vec::with_capacity(1 + figures.len() * 9);
        values.push(int(doc));
        for (f, [value, value_max]) in figures.iter().zip(decimals) {
            values.extend([
                int(f.span.start as i64),
                int(f.span.end as i64),
                text(Some(f.text)),
                int(rows::kind_code(f.kind)),
                text(value.map(|r| &digits[r])),
                text(value_max.map(|r| &digits[r])),
                text(f.unit),
                text(Some(f.origin)),
                int(rows::status_code(f.status)),
            ]);
        }
        let mut stmt = self.tx.prepare_cached(&insert_found_sql(figures.len()))?;
        Ok(stmt.execute(rusqlite::params_from_iter(values))?)
    }

    /// A figure as this action sees it (its own writes included).
    pub fn figure(&self, id: crate::model::FigureId) -> Result<Option<crate::model::Figure>> {
        rows::read_figure(&self.tx, id)
    }

    /// A document with its text, as this action sees it.
    pub fn document(&self, id: DocId) -> Result<Option<Document>> {
        let Some(meta) = rows::read_document(&self.tx, id)? else {
            return Ok(None);
        };
        let text = self
            .tx
            .query_row("SELECT text FROM documents WHERE id = ?1", [id], |r| {
                r.get(0)
            })?;
        Ok(Some(Document { meta, text }))
    }

    /// The figures of a document, by position.
    pub fn figures_of(&self, doc: DocId) -> Result<Vec<crate::model::Figure>> {
        let sql = format!(
            "SELECT {} FROM figures WHERE document_id = ?1 ORDER BY start, id",
            rows::FIGURE_COLUMNS
        );
        let mut stmt = self.tx.prepare(&sql)?;
        let found = stmt.query_map([doc], rows::figure_from)?;
        Ok(found.collect::<rusqlite::Result<_>>()?)
    }

    pub fn link(&self, id: crate::model::LinkId) -> Result<Option<crate::model::Link>> {
        rows::read_link(&self.tx, id)
    }

    /// Whether two figures are linked already, either way round.
    pub fn linked(&self, a: crate::model::FigureId, b: crate::model::FigureId) -> Result<bool> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM links WHERE (a = ?1 AND b = ?2) OR (a = ?2 AND b = ?1))",
            )?
            .query_row([a, b], |r| r.get(0))?)
    }

    /// Every link, oldest first.
    pub fn links(&self) -> Result<Vec<crate::model::Link>> {
        let sql = format!("SELECT {} FROM links ORDER BY id", rows::LINK_COLUMNS);
        let mut stmt = self.tx.prepare_cached(&sql)?;
        let found = stmt.query_map([], rows::link_from)?;
        Ok(found.collect::<rusqlite::Result<_>>()?)
    }

    /// The reviews hanging on a figure, oldest first.
    pub fn claim_reviews_of(
        &self,
        figure: crate::model::FigureId,
    ) -> Result<Vec<crate::model::ClaimReview>> {
        let sql = format!(
            "SELECT {} FROM claim_reviews WHERE figure_id = ?1 ORDER BY id",
            rows::CLAIM_REVIEW_COLUMNS
        );
        let mut stmt = self.tx.prepare_cached(&sql)?;
        let found = stmt.query_map([figure], rows::claim_review_from)?;
        Ok(found.collect::<rusqlite::Result<_>>()?)
    }

    /// The dismissal of two figures (either order), if they were dismissed.
    pub fn dismissal(
        &self,
        x: crate::model::FigureId,
        y: crate::model::FigureId,
    ) -> Result<Option<crate::model::Dismissal>> {
        let sql = format!(
            "SELECT {} FROM claim_dismissals WHERE a = ?1 AND b = ?2",
            rows::DISMISSAL_COLUMNS
        );
        Ok(self
            .tx
            .prepare_cached(&sql)?
            .query_row([x.min(y), x.max(y)], rows::dismissal_from)
            .optional()?)
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Whether this action stored the document for the first time.
    pub(super) fn is_fresh(&self, doc: DocId) -> bool {
        self.fresh.contains(&doc)
    }

    /// Adds the texts held back (see [`SEARCH_BATCH_BYTES`]) to the search index.
    fn index_held_texts(&mut self) -> Result<()> {
        for (id, text) in self.unindexed.drain(..) {
            super::search::index_text(&self.tx, id, &text)?;
        }
        self.unindexed_bytes = 0;
        Ok(())
    }

    /// Appends the history row and commits. An action that changed nothing
    /// commits nothing and leaves no history; it returns `None`.
    pub fn commit(mut self, summary: &str) -> Result<Option<i64>> {
        if self.changes.is_empty() {
            return Ok(None);
        }
        self.index_held_texts()?;
        // A new action makes whatever was undone impossible to redo.
        self.tx
            .prepare_cached(
                "UPDATE history SET state = 'discarded' WHERE kind = 'do' AND state = 'undone'",
            )?
            .execute([])?;
        let id = insert_history(
            &self.tx,
            &self.who,
            HistoryKind::Do,
            &self.action,
            summary,
            None,
            HistoryState::Applied,
            &self.changes,
        )?;
        self.tx.commit()?;
        if let Some(f) = self.flusher {
            f.committed();
        }
        Ok(Some(id))
    }
}

/// Checks `change.before` against the stored row, then writes `change.after`.
pub(crate) fn apply_change(conn: &rusqlite::Connection, change: Change) -> Result<Change> {
    let Some(like) = change.row() else {
        return Err(StoreError::Invalid(
            "a change with neither before nor after".into(),
        ));
    };
    let fresh = like.id() == 0;
    if !fresh {
        let current = rows::read_current(conn, like)?;
        if current != change.before {
            return Err(StoreError::Conflict(format!(
                "{} {}",
                like.table(),
                like.id()
            )));
        }
    } else if change.before.is_some() {
        return Err(StoreError::Invalid("a new row cannot have a before".into()));
    }
    match &change.after {
        Some(row) => {
            let id = rows::write_row(conn, row)?;
            if fresh {
                return Ok(Change {
                    before: None,
                    after: Some(rows::with_id(row, id)),
                });
            }
        }
        None => rows::delete_row(conn, change.before.as_ref().expect("checked above"))?,
    }
    Ok(change)
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn insert_history(
    conn: &rusqlite::Connection,
    who: &str,
    kind: HistoryKind,
    action: &str,
    summary: &str,
    reverts: Option<i64>,
    state: HistoryState,
    changes: &[Change],
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO history (at, who, kind, action, summary, reverts, state, changes) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        now(),
        who,
        kind.as_str(),
        action,
        summary,
        reverts,
        state.as_str(),
        serde_json::to_string(changes)?
    ])?;
    Ok(conn.last_insert_rowid())
}

/// `INSERT INTO figures … VALUES (…), (…)` for `n` rows: ?1 is the document,
/// each row's nine values follow. Built once for a full batch and once for a
/// single row, the lengths used; any other is built each time.
fn insert_found_sql(n: usize) -> std::borrow::Cow<'static, str> {
    use std::sync::OnceLock;
    static BATCH: OnceLock<String> = OnceLock::new();
    static ONE: OnceLock<String> = OnceLock::new();
    let make = || {
        let rows: Vec<String> = (0..n)
            .map(|i| {
                let marks: Vec<String> = (0..9).map(|k| format!("?{}", 2 + i * 9 + k)).collect();
                format!("(NULL, ?1, {}, NULL, NULL, NULL)", marks.join(", "))
            })
            .collect();
        format!(
            "INSERT INTO figures ({}) VALUES {}",
            rows::FIGURE_COLUMNS,
            rows.join(", ")
        )
    };
    match n {
        FIGURE_BATCH => BATCH.get_or_init(make).as_str().into(),
        1 => ONE.get_or_init(make).as_str().into(),
        _ => make().into(),
    }
}
