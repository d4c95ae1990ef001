//! Undo and redo, replayed from the history table so they survive restarts.
//!
//! `Do` entries form a stack: the applied ones, then (after some undos) the
//! undone ones. Undo reverts the newest applied entry; redo re-applies the
//! oldest undone one. Both are recorded as entries of their own, so the
//! history shows every step anyone took.

use rusqlite::OptionalExtension;

use super::Store;
use super::action::{apply_change, insert_history};
use super::error::{Result, StoreError};
use super::rows::parse;
use crate::model::{Change, HistoryEntry, HistoryKind, HistoryState};

const HISTORY_COLUMNS: &str = "id, at, who, kind, action, summary, reverts, state, changes";

fn entry_from(r: &rusqlite::Row) -> rusqlite::Result<(HistoryEntry, String)> {
    let text = |i| r.get::<_, String>(i);
    Ok((
        HistoryEntry {
            id: r.get(0)?,
            at: text(1)?,
            who: text(2)?,
            kind: parse(3, text(3)?)?,
            action: text(4)?,
            summary: text(5)?,
            reverts: r.get(6)?,
            state: parse(7, text(7)?)?,
            changes: Vec::new(),
        },
        text(8)?,
    ))
}

fn with_changes((mut entry, json): (HistoryEntry, String)) -> Result<HistoryEntry> {
    entry.changes = serde_json::from_str(&json)?;
    Ok(entry)
}

impl Store {
    /// The whole history, oldest first.
    pub fn history(&self) -> Result<Vec<HistoryEntry>> {
        let sql = format!("SELECT {HISTORY_COLUMNS} FROM history ORDER BY id");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], entry_from)?;
        rows.map(|r| with_changes(r?)).collect()
    }

    /// The entry undo would revert, if any.
    pub fn undoable(&self) -> Result<Option<HistoryEntry>> {
        self.stack_top("state = 'applied' ORDER BY id DESC")
    }

    /// The entry redo would re-apply, if any.
    pub fn redoable(&self) -> Result<Option<HistoryEntry>> {
        self.stack_top("state = 'undone' ORDER BY id ASC")
    }

    fn stack_top(&self, which: &str) -> Result<Option<HistoryEntry>> {
        let sql =
            format!("SELECT {HISTORY_COLUMNS} FROM history WHERE kind = 'do' AND {which} LIMIT 1");
        self.conn
            .query_row(&sql, [], entry_from)
            .optional()?
            .map(with_changes)
            .transpose()
    }

    /// Reverts the newest applied action; returns the entry it reverted.
    pub fn undo(&mut self, who: &str) -> Result<HistoryEntry> {
        let entry = self.undoable()?.ok_or(StoreError::NothingToUndo)?;
        let inverse: Vec<Change> = entry.changes.iter().rev().map(Change::inverse).collect();
        self.replay(
            who,
            HistoryKind::Undo,
            &entry,
            &inverse,
            HistoryState::Undone,
        )?;
        Ok(entry)
    }

    /// Re-applies the oldest undone action; returns the entry it re-applied.
    pub fn redo(&mut self, who: &str) -> Result<HistoryEntry> {
        let entry = self.redoable()?.ok_or(StoreError::NothingToRedo)?;
        let changes = entry.changes.clone();
        self.replay(
            who,
            HistoryKind::Redo,
            &entry,
            &changes,
            HistoryState::Applied,
        )?;
        Ok(entry)
    }

    fn replay(
        &mut self,
        who: &str,
        kind: HistoryKind,
        entry: &HistoryEntry,
        changes: &[Change],
        new_state: HistoryState,
    ) -> Result<()> {
        let tx = super::write_transaction(&mut self.conn, &self.path)?;
        for change in changes {
            // Ids were fixed when the action was first applied, so replay writes
            // rows back under the very same ids.
            if change.row().is_none_or(|row| row.id() == 0) {
                return Err(StoreError::Invalid(format!(
                    "history entry {} is malformed",
                    entry.id
                )));
            }
            apply_change(&tx, change.clone())?;
        }
        tx.execute(
            "UPDATE history SET state = ?1 WHERE id = ?2",
            (new_state.as_str(), entry.id),
        )?;
        let summary = format!("{kind} #{}: {}", entry.id, entry.summary);
        insert_history(
            &tx,
            who,
            kind,
            &entry.action,
            &summary,
            Some(entry.id),
            HistoryState::Applied,
            changes,
        )?;
        tx.commit()?;
        self.committed();
        Ok(())
    }
}
