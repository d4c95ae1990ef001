//! Search across a project: documents from the full-text index, then every
//! occurrence in each, as code-point spans the view can jump to.

use crate::model::{DocId, Span};
use crate::store::{Store, StoreError};

/// One occurrence of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub doc: DocId,
    pub title: String,
    pub span: Span,
    /// The line around the hit, trimmed to a readable length.
    pub snippet: String,
}

/// Up to `limit` occurrences of `query` (ASCII letters match either case).
pub fn search(store: &Store, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
    let query = query.trim();
    let mut hits = Vec::new();
    for id in store.search_documents(query, limit)? {
        let Some(doc) = store.document(id)? else {
            continue;
        };
        for start in occurrences(&doc.text, query) {
            if hits.len() >= limit {
                return Ok(hits);
            }
            let end = start + query.len();
            let c = doc.text[..start].chars().count();
            hits.push(SearchHit {
                doc: id,
                title: doc.meta.title.clone(),
                span: Span::new(c, c + query.chars().count()),
                snippet: snippet(&doc.text, start, end),
            });
        }
    }
    Ok(hits)
}

/// Byte offsets of each occurrence, not overlapping.
fn occurrences(text: &str, query: &str) -> Vec<usize> {
    if query.is_empty() {
        return Vec::new();
    }
    if query.is_ascii() {
        let (t, q) = (text.as_bytes(), query.as_bytes());
        let mut out = Vec::new();
        let mut i = 0;
        while i + q.len() <= t.len() {
            if t[i..i + q.len()].eq_ignore_ascii_case(q) {
                out.push(i);
                i += q.len();
            } else {
                i += 1;
            }
        }
        out
    } else {
        text.match_indices(query).map(|(i, _)| i).collect()
    }
}

fn snippet(text: &str, start: usize, end: usize) -> String {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let before: String = {
        let chars: Vec<char> = text[line_start..start].chars().collect();
        chars[chars.len().saturating_sub(40)..].iter().collect()
    };
    let after: String = text[end..line_end].chars().take(60).collect();
    format!(
        "{}{}{}",
        before.trim_start(),
        &text[start..end],
        after.trim_end()
    )
}
