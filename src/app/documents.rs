//! Commands on documents themselves: a title and a language set by hand, and
//! a mixed file (a Lao article followed by the English report) split in two.
//!
//! Both are planned as row changes like every other command, so they undo
//! exactly. A split changes the first document's text: the history names
//! texts by SHA-256 (kept in `document_texts`), never copies megabytes.

use crate::import::{content_sha256, guess_language};
use crate::model::{Change, DocId, DocumentMeta, Language, Row};
use crate::store::ActionTx;
use crate::text;

use super::{AppError, Refusal, Result};

fn quoted(d: &DocumentMeta) -> String {
    format!("document {} \u{201c}{}\u{201d}", d.id, d.title)
}

/// A new title and/or language for a document. Setting what is there already
/// plans no change (and so leaves no history).
pub(super) fn plan_set(
    tx: &ActionTx,
    document: DocId,
    title: Option<&str>,
    language: Option<&Language>,
) -> Result<(Vec<Change>, String)> {
    let before = tx
        .document(document)?
        .ok_or_else(|| AppError::NotFound(format!("document {document}")))?
        .meta;
    let mut after = before.clone();
    let mut what = Vec::new();
    if let Some(title) = title {
        let title = title.trim();
        if title.is_empty() {
            return Err(AppError::Invalid(
                "a document's title cannot be empty".into(),
            ));
        }
        if title != before.title {
            after.title = title.to_string();
            what.push(format!("rename to \u{201c}{title}\u{201d}"));
        }
    }
    if let Some(language) = language {
        let language = Language::parse(language.as_str()).map_err(AppError::Invalid)?;
        if language != before.language {
            // Plain ASCII: summaries show in the status bar, whose fonts may lack arrows.
            what.push(format!("language {language} (was {})", before.language));
            after.language = language;
        }
    }
    if what.is_empty() {
        return Ok((Vec::new(), String::new()));
    }
    let summary = format!("{}: {}", quoted(&before), what.join(", "));
    Ok((
        vec![Change {
            before: Some(Row::Document(before)),
            after: Some(Row::Document(after)),
        }],
        summary,
    ))
}

/// The start of the line holding code point `c` (0 on the first line).
pub fn line_start(text: &str, c: usize) -> usize {
    let byte = text::byte_of_char(text, c).unwrap_or(text.len());
    match text[..byte].rfind('\n') {
        Some(nl) => text[..=nl].chars().count(),
        None => 0,
    }
}

/// Splits `document` at code point `at`, which must start a line other than
/// the first. The document keeps its id and the text before `at`; a new one,
/// titled "<title> (2)", gets the text from `at` with the figures there, their
/// spans moved back by `at`. Links stay on their figures.
pub(super) fn plan_split(
    tx: &mut ActionTx,
    document: DocId,
    at: usize,
    language_after: Option<Language>,
) -> Result<(Vec<Change>, String)> {
    let doc = tx
        .document(document)?
        .ok_or_else(|| AppError::NotFound(format!("document {document}")))?;
    if tx.has_segments(document)? {
        return Err(Refusal::SplitSegmented.into());
    }
    let len = doc.text.chars().count();
    if at == 0 || at >= len {
        return Err(AppError::Invalid(format!(
            "cannot split at {at}: the cut must fall inside the document (1 to {}), \
             at the start of a line",
            len.saturating_sub(1)
        )));
    }
    let byte = text::byte_of_char(&doc.text, at).expect("at < len");
    if !doc.text[..byte].ends_with('\n') {
        let before = line_start(&doc.text, at);
        let next = doc.text[byte..]
            .find('\n')
            .map(|nl| at + doc.text[byte..byte + nl].chars().count() + 1)
            .filter(|&n| n < len);
        let hint = match (before, next) {
            (0, Some(n)) => format!("the next line starts at {n}"),
            (b, Some(n)) => format!("this line starts at {b}, the next at {n}"),
            (0, None) => "the document has a single line".to_string(),
            (b, None) => format!("this line starts at {b}"),
        };
        return Err(AppError::Invalid(format!(
            "offset {at} is not at the start of a line; {hint}"
        )));
    }
    let figures = tx.figures_of(document)?;
    // Its text is escaped: a figure over the cut holds a line break, and a
    // reason is one line.
    if let Some(f) = figures
        .iter()
        .find(|f| f.span.start < at && f.span.end > at)
    {
        return Err(AppError::Invalid(format!(
            "figure {} \u{201c}{}\u{201d} at {}..{} crosses offset {at}; \
             cut at another line",
            f.id,
            f.text.escape_debug(),
            f.span.start,
            f.span.end
        )));
    }
    let (head, tail) = doc.text.split_at(byte);
    let (head_sha, tail_sha) = (content_sha256(head), content_sha256(tail));
    if head_sha == tail_sha {
        return Err(AppError::Invalid(format!(
            "the text before and after offset {at} is the same; a project keeps a text once"
        )));
    }
    if let Some(other) = tx.document_with_text(&head_sha)?
        && other.id != document
    {
        return Err(AppError::Invalid(same_text("before", at, &other)));
    }
    if let Some(other) = tx.document_with_text(&tail_sha)?
        && !other.removed
    {
        return Err(AppError::Invalid(same_text("from", at, &other)));
    }

    let before = doc.meta.clone();
    let first = DocumentMeta {
        sha256: head_sha.clone(),
        char_len: at as i64,
        ..before.clone()
    };
    let mut second = DocumentMeta {
        id: 0,
        title: format!("{} (2)", before.title),
        language: language_after.unwrap_or_else(|| guess_language(tail)),
        source_path: before.source_path.clone(),
        imported_at: before.imported_at.clone(),
        sha256: tail_sha,
        char_len: (len - at) as i64,
        removed: false,
    };
    tx.keep_text(&head_sha, head)?;
    second.id = tx.stage_document(&second, tail)?;

    let mut changes = vec![
        Change {
            before: Some(Row::Document(before.clone())),
            after: Some(Row::Document(first)),
        },
        Change {
            before: None,
            after: Some(Row::Document(second.clone())),
        },
    ];
    // A hidden row taken over (a split undone, then superseded) may still
    // hold figures of an undone import: they go, recorded, so undo restores them.
    for left in tx.figures_of(second.id)? {
        changes.push(Change {
            before: Some(Row::Figure(left)),
            after: None,
        });
    }
    let mut moved = 0;
    for f in figures.into_iter().filter(|f| f.span.start >= at) {
        let mut after = f.clone();
        after.document = second.id;
        after.span.start -= at;
        after.span.end -= at;
        changes.push(Change {
            before: Some(Row::Figure(f)),
            after: Some(Row::Figure(after)),
        });
        moved += 1;
    }
    let summary = format!(
        "split {} at {at}: the rest is document {} \u{201c}{}\u{201d} ({}) with {moved} figures",
        quoted(&before),
        second.id,
        second.title,
        second.language
    );
    Ok((changes, summary))
}

fn same_text(side: &str, at: usize, other: &DocumentMeta) -> String {
    let whose = if other.removed {
        format!("document {} (hidden: its import was undone)", other.id)
    } else {
        quoted(other)
    };
    format!("the text {side} offset {at} is the same as {whose}; a project keeps a text once")
}

#[cfg(test)]
mod tests {
    use super::line_start;

    #[test]
    fn line_starts() {
        let t = "ລາວ\nab\r\ncd";
        assert_eq!(line_start(t, 0), 0);
        assert_eq!(line_start(t, 2), 0);
        assert_eq!(line_start(t, 4), 4);
        assert_eq!(line_start(t, 6), 4);
        assert_eq!(line_start(t, 8), 8);
        assert_eq!(line_start(t, 99), 8);
    }
}
