//! Reading and writing single rows: the mapping between SQL columns and model types.

use std::str::FromStr;

use rusqlite::{Connection, OptionalExtension, Row as SqlRow, params};

use super::error::{Result, StoreError};
use crate::model::{
    ClaimReview, Decimal, Dismissal, DocId, DocumentMeta, Figure, FigureId, InlineTag, Kind,
    Language, Link, LinkId, Origin, Row, Segment, SegmentReview, Span, Status,
};

pub const DOCUMENT_COLUMNS: &str =
    "id, title, language, source_path, imported_at, sha256, char_len, removed";
pub const FIGURE_COLUMNS: &str = "id, document_id, start, \"end\", text, kind, value, value_max, \
     unit, origin, status, reviewer, reviewed_at, note";
pub const LINK_COLUMNS: &str = "id, a, b, relation, status";
pub const CLAIM_REVIEW_COLUMNS: &str = "id, figure_id, note, reviewer, reviewed_at";
pub const DISMISSAL_COLUMNS: &str = "id, a, b";
pub const SEGMENT_COLUMNS: &str = "id, source_doc, target_doc, number, source_start, source_end, \
     target_start, target_end, source_tags, target_tags";
pub const SEGMENT_REVIEW_COLUMNS: &str =
    "id, source_doc, target_doc, number, note, reviewer, reviewed_at";

pub(crate) fn parse<T: FromStr<Err = String>>(idx: usize, s: String) -> rusqlite::Result<T> {
    s.parse().map_err(|e: String| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, e.into())
    })
}

fn decimal(idx: usize, s: Option<String>) -> rusqlite::Result<Option<Decimal>> {
    s.map(|s| {
        Decimal::from_str_exact(&s).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, e.into())
        })
    })
    .transpose()
}

/// The integer each kind is stored as (schema 6). These numbers are in
/// files already, so they never change, whatever order the model lists kinds in.
const KIND_CODES: &[(Kind, i64)] = &[
    (Kind::Count, 0),
    (Kind::Money, 1),
    (Kind::Percent, 2),
    (Kind::Date, 3),
    (Kind::Year, 4),
    (Kind::Duration, 5),
    (Kind::Ordinal, 6),
    (Kind::Rank, 7),
    (Kind::Identifier, 8),
    (Kind::Other, 9),
];

/// As [`KIND_CODES`], for statuses; 0 (unreviewed) is the one the status
/// index leaves out.
const STATUS_CODES: &[(Status, i64)] = &[
    (Status::Unreviewed, 0),
    (Status::Confirmed, 1),
    (Status::Corrected, 2),
    (Status::Rejected, 3),
    (Status::Stale, 4),
];

pub fn kind_code(kind: Kind) -> i64 {
    code_of(KIND_CODES, kind)
}

pub fn status_code(status: Status) -> i64 {
    code_of(STATUS_CODES, status)
}

fn code_of<T: PartialEq + Copy>(codes: &[(T, i64)], value: T) -> i64 {
    codes
        .iter()
        .find(|(v, _)| *v == value)
        .map(|&(_, c)| c)
        .expect("every variant has a code")
}

/// The status a stored code names, or `None` for a code this build does not know.
pub fn status_of(code: i64) -> Option<Status> {
    STATUS_CODES
        .iter()
        .find(|&&(_, c)| c == code)
        .map(|&(s, _)| s)
}

fn from_code<T: Copy>(codes: &[(T, i64)], idx: usize, code: i64) -> rusqlite::Result<T> {
    codes
        .iter()
        .find(|&&(_, c)| c == code)
        .map(|&(v, _)| v)
        .ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                idx,
                rusqlite::types::Type::Integer,
                format!("unknown code {code}").into(),
            )
        })
}

pub fn decimal_text(d: &Option<Decimal>) -> Option<String> {
    d.map(|d| {
        let mut out = String::new();
        push_decimal(&mut out, d);
        out
    })
}

/// Appends a decimal as the store writes it (normalised: `1255.0` is `1255`).
pub fn push_decimal(out: &mut String, d: Decimal) {
    use rust_decimal::prelude::ToPrimitive;
    let d = d.normalize();
    // most values are whole: the same digits, without Decimal's formatter
    match d.to_i64() {
        Some(n) if d.scale() == 0 => out.push_str(itoa::Buffer::new().format(n)),
        _ => {
            use std::fmt::Write;
            let _ = write!(out, "{d}");
        }
    }
}

pub fn document_from(r: &SqlRow) -> rusqlite::Result<DocumentMeta> {
    Ok(DocumentMeta {
        id: r.get(0)?,
        title: r.get(1)?,
        language: Language::new(&r.get::<_, String>(2)?),
        source_path: r.get(3)?,
        imported_at: r.get(4)?,
        sha256: r.get(5)?,
        char_len: r.get(6)?,
        removed: r.get(7)?,
    })
}

pub fn figure_from(r: &SqlRow) -> rusqlite::Result<Figure> {
    Ok(Figure {
        id: r.get(0)?,
        document: r.get(1)?,
        span: Span::new(r.get::<_, i64>(2)? as usize, r.get::<_, i64>(3)? as usize),
        text: r.get(4)?,
        kind: from_code(KIND_CODES, 5, r.get(5)?)?,
        value: decimal(6, r.get(6)?)?,
        value_max: decimal(7, r.get(7)?)?,
        unit: r.get(8)?,
        origin: Origin(r.get(9)?),
        status: from_code(STATUS_CODES, 10, r.get(10)?)?,
        reviewer: r.get(11)?,
        reviewed_at: r.get(12)?,
        note: r.get(13)?,
    })
}

pub fn link_from(r: &SqlRow) -> rusqlite::Result<Link> {
    Ok(Link {
        id: r.get(0)?,
        a: r.get(1)?,
        b: r.get(2)?,
        relation: parse(3, r.get(3)?)?,
        status: parse(4, r.get(4)?)?,
    })
}

pub fn claim_review_from(r: &SqlRow) -> rusqlite::Result<ClaimReview> {
    Ok(ClaimReview {
        id: r.get(0)?,
        figure: r.get(1)?,
        note: r.get(2)?,
        reviewer: r.get(3)?,
        reviewed_at: r.get(4)?,
    })
}

pub fn dismissal_from(r: &SqlRow) -> rusqlite::Result<Dismissal> {
    Ok(Dismissal {
        id: r.get(0)?,
        a: r.get(1)?,
        b: r.get(2)?,
    })
}

pub fn segment_from(r: &SqlRow) -> rusqlite::Result<Segment> {
    let tags = |i: usize| -> rusqlite::Result<Vec<InlineTag>> {
        let json: String = r.get(i)?;
        serde_json::from_str(&json).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
        })
    };
    let span = |i: usize| -> rusqlite::Result<Span> {
        Ok(Span::new(
            r.get::<_, i64>(i)? as usize,
            r.get::<_, i64>(i + 1)? as usize,
        ))
    };
    Ok(Segment {
        id: r.get(0)?,
        source_doc: r.get(1)?,
        target_doc: r.get(2)?,
        number: r.get(3)?,
        source: span(4)?,
        target: span(6)?,
        source_tags: tags(8)?,
        target_tags: tags(9)?,
    })
}

pub fn segment_review_from(r: &SqlRow) -> rusqlite::Result<SegmentReview> {
    Ok(SegmentReview {
        id: r.get(0)?,
        source_doc: r.get(1)?,
        target_doc: r.get(2)?,
        number: r.get(3)?,
        note: r.get(4)?,
        reviewer: r.get(5)?,
        reviewed_at: r.get(6)?,
    })
}

pub fn read_segment_review(conn: &Connection, id: i64) -> Result<Option<SegmentReview>> {
    let sql = format!("SELECT {SEGMENT_REVIEW_COLUMNS} FROM segment_reviews WHERE id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], segment_review_from)
        .optional()?)
}

/// A document's metadata; removed documents count as absent.
pub fn read_document(conn: &Connection, id: DocId) -> Result<Option<DocumentMeta>> {
    let sql = format!("SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = ?1 AND removed = 0");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], document_from)
        .optional()?)
}

pub fn read_figure(conn: &Connection, id: FigureId) -> Result<Option<Figure>> {
    let sql = format!("SELECT {FIGURE_COLUMNS} FROM figures WHERE id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], figure_from)
        .optional()?)
}

pub fn read_link(conn: &Connection, id: LinkId) -> Result<Option<Link>> {
    let sql = format!("SELECT {LINK_COLUMNS} FROM links WHERE id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], link_from)
        .optional()?)
}

pub fn read_claim_review(conn: &Connection, id: i64) -> Result<Option<ClaimReview>> {
    let sql = format!("SELECT {CLAIM_REVIEW_COLUMNS} FROM claim_reviews WHERE id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], claim_review_from)
        .optional()?)
}

pub fn read_dismissal(conn: &Connection, id: i64) -> Result<Option<Dismissal>> {
    let sql = format!("SELECT {DISMISSAL_COLUMNS} FROM claim_dismissals WHERE id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], dismissal_from)
        .optional()?)
}

/// The row a snapshot describes, as it stands now.
pub fn read_current(conn: &Connection, like: &Row) -> Result<Option<Row>> {
    Ok(match like {
        Row::Document(d) => read_document(conn, d.id)?.map(Row::Document),
        Row::Figure(f) => read_figure(conn, f.id)?.map(Row::Figure),
        Row::Link(l) => read_link(conn, l.id)?.map(Row::Link),
        Row::ClaimReview(r) => read_claim_review(conn, r.id)?.map(Row::ClaimReview),
        Row::Dismissal(d) => read_dismissal(conn, d.id)?.map(Row::Dismissal),
        Row::SegmentReview(r) => read_segment_review(conn, r.id)?.map(Row::SegmentReview),
    })
}

/// Writes `row` (insert or replace by id). A row with id 0 gets a new id, returned.
pub fn write_row(conn: &Connection, row: &Row) -> Result<i64> {
    match row {
        Row::Document(d) => {
            // Documents are never inserted here: their text arrives with the
            // import, which inserts the row hidden before the change shows it.
            let stored: Option<String> = conn
                .prepare_cached("SELECT sha256 FROM documents WHERE id = ?1")?
                .query_row([d.id], |r| r.get(0))
                .optional()?;
            let Some(stored) = stored else {
                return Err(StoreError::Invalid(format!(
                    "document {} is not stored",
                    d.id
                )));
            };
            if stored != d.sha256 {
                change_text(conn, d)?;
            }
            conn.prepare_cached(
                "UPDATE documents SET title = ?2, language = ?3, source_path = ?4, \
                 imported_at = ?5, removed = 0 WHERE id = ?1",
            )?
            .execute(params![
                d.id,
                d.title,
                d.language.as_str(),
                d.source_path,
                d.imported_at
            ])?;
            Ok(d.id)
        }
        Row::Figure(f) => {
            let id = (f.id != 0).then_some(f.id);
            conn.prepare_cached(&format!(
                "INSERT INTO figures ({FIGURE_COLUMNS}) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) {}",
                upsert(FIGURE_COLUMNS)
            ))?
            .execute(params![
                id,
                f.document,
                f.span.start as i64,
                f.span.end as i64,
                f.text,
                kind_code(f.kind),
                decimal_text(&f.value),
                decimal_text(&f.value_max),
                f.unit,
                f.origin.0,
                status_code(f.status),
                f.reviewer,
                f.reviewed_at,
                f.note,
            ])?;
            Ok(id.unwrap_or_else(|| conn.last_insert_rowid()))
        }
        Row::Link(l) => {
            let id = (l.id != 0).then_some(l.id);
            conn.prepare_cached(&format!(
                "INSERT INTO links ({LINK_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5) {}",
                upsert(LINK_COLUMNS)
            ))?
            .execute(params![
                id,
                l.a,
                l.b,
                l.relation.as_str(),
                l.status.as_str()
            ])?;
            Ok(id.unwrap_or_else(|| conn.last_insert_rowid()))
        }
        Row::ClaimReview(r) => {
            let id = (r.id != 0).then_some(r.id);
            conn.prepare_cached(&format!(
                "INSERT INTO claim_reviews ({CLAIM_REVIEW_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5) {}",
                upsert(CLAIM_REVIEW_COLUMNS)
            ))?
            .execute(params![id, r.figure, r.note, r.reviewer, r.reviewed_at])?;
            Ok(id.unwrap_or_else(|| conn.last_insert_rowid()))
        }
        Row::Dismissal(d) => {
            if d.a >= d.b {
                return Err(StoreError::Invalid(format!(
                    "a dismissal joins two figures in order, lowest first (got {} and {})",
                    d.a, d.b
                )));
            }
            let id = (d.id != 0).then_some(d.id);
            conn.prepare_cached(&format!(
                "INSERT INTO claim_dismissals ({DISMISSAL_COLUMNS}) VALUES (?1, ?2, ?3) {}",
                upsert(DISMISSAL_COLUMNS)
            ))?
            .execute(params![id, d.a, d.b])?;
            Ok(id.unwrap_or_else(|| conn.last_insert_rowid()))
        }
        Row::SegmentReview(r) => {
            let id = (r.id != 0).then_some(r.id);
            conn.prepare_cached(&format!(
                "INSERT INTO segment_reviews ({SEGMENT_REVIEW_COLUMNS}) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) {}",
                upsert(SEGMENT_REVIEW_COLUMNS)
            ))?
            .execute(params![
                id,
                r.source_doc,
                r.target_doc,
                r.number,
                r.note,
                r.reviewer,
                r.reviewed_at
            ])?;
            Ok(id.unwrap_or_else(|| conn.last_insert_rowid()))
        }
    }
}

/// Gives a document the text its snapshot names by SHA-256 (a split, or its
/// undo). The history never copies texts: the one the row holds now is kept in
/// `document_texts` first, so that going back finds it there too.
fn change_text(conn: &Connection, d: &DocumentMeta) -> Result<()> {
    // Texts are unique: another row holding this one (an import of the same
    // file, undone) blocks the change, with a reason rather than SQLite's.
    let holder: Option<i64> = conn
        .prepare_cached("SELECT id FROM documents WHERE sha256 = ?1 AND id <> ?2")?
        .query_row(params![d.sha256, d.id], |r| r.get(0))
        .optional()?;
    if let Some(other) = holder {
        return Err(StoreError::Conflict(format!(
            "document {other} holds the text document {} would take back",
            d.id
        )));
    }
    conn.prepare_cached(
        "INSERT OR IGNORE INTO document_texts (sha256, text) \
         SELECT sha256, text FROM documents WHERE id = ?1",
    )?
    .execute([d.id])?;
    let n = conn
        .prepare_cached(
            "UPDATE documents SET text = t.text, sha256 = t.sha256, char_len = ?3 \
             FROM document_texts t WHERE documents.id = ?1 AND t.sha256 = ?2",
        )?
        .execute(params![d.id, d.sha256, d.char_len])?;
    if n == 0 {
        return Err(StoreError::Invalid(format!(
            "the text of document {} with SHA-256 {} is not kept in this project",
            d.id, d.sha256
        )));
    }
    Ok(())
}

/// `ON CONFLICT(id) DO UPDATE` for every column but the id. An update in place,
/// unlike `REPLACE`, never deletes the row that links point at.
fn upsert(columns: &str) -> String {
    let sets: Vec<String> = columns
        .split(", ")
        .skip(1)
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    format!("ON CONFLICT(id) DO UPDATE SET {}", sets.join(", "))
}

/// Removes the row a snapshot describes (a document is hidden, not deleted).
pub fn delete_row(conn: &Connection, row: &Row) -> Result<()> {
    match row {
        Row::Document(d) => conn
            .prepare_cached("UPDATE documents SET removed = 1 WHERE id = ?1")?
            .execute([d.id])?,
        Row::Figure(f) => conn
            .prepare_cached("DELETE FROM figures WHERE id = ?1")?
            .execute([f.id])?,
        Row::Link(l) => conn
            .prepare_cached("DELETE FROM links WHERE id = ?1")?
            .execute([l.id])?,
        Row::ClaimReview(r) => conn
            .prepare_cached("DELETE FROM claim_reviews WHERE id = ?1")?
            .execute([r.id])?,
        Row::Dismissal(d) => conn
            .prepare_cached("DELETE FROM claim_dismissals WHERE id = ?1")?
            .execute([d.id])?,
        Row::SegmentReview(r) => conn
            .prepare_cached("DELETE FROM segment_reviews WHERE id = ?1")?
            .execute([r.id])?,
    };
    Ok(())
}

/// Gives a fresh snapshot the id the database assigned it.
pub fn with_id(row: &Row, id: i64) -> Row {
    let mut row = row.clone();
    match &mut row {
        Row::Document(d) => d.id = id,
        Row::Figure(f) => f.id = id,
        Row::Link(l) => l.id = id,
        Row::ClaimReview(r) => r.id = id,
        Row::Dismissal(d) => d.id = id,
        Row::SegmentReview(r) => r.id = id,
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn decimal_text_writes_what_the_decimal_formatter_writes() {
        for s in [
            "0",
            "-0",
            "7",
            "-12",
            "1255.0",
            "2024",
            "6.5",
            "-0.25",
            "100.000",
            "33.333333333333",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "12000000000",
            "0.0000001",
            "79228162514264337593543950335",
        ] {
            let d = Decimal::from_str(s).unwrap();
            assert_eq!(
                decimal_text(&Some(d)),
                Some(d.normalize().to_string()),
                "{s}"
            );
        }
        assert_eq!(decimal_text(&None), None);
    }
}
