use serde::{Deserialize, Serialize};

use super::DocId;

/// A document's language as a BCP 47 primary tag (`lo`, `en`, `th`, `zh`, …).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Language(pub String);

impl Language {
    pub fn new(tag: &str) -> Self {
        Language(tag.trim().to_ascii_lowercase())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A tag a user typed, checked: a primary language of 2 or 3 letters
    /// (`und` for undetermined), optionally with subtags (`zh-hant`).
    pub fn parse(tag: &str) -> Result<Language, String> {
        let lang = Language::new(tag);
        let mut parts = lang.0.split('-');
        let primary = parts.next().unwrap_or("");
        let primary_ok =
            (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase());
        let rest_ok = parts
            .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        if primary_ok && rest_ok {
            Ok(lang)
        } else {
            Err(format!(
                "'{}' is not a language tag (use one like en, lo, th, zh or und)",
                tag.trim()
            ))
        }
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Everything about a document except its text. This is what the history
/// records, so that undoing an import never copies megabytes of text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentMeta {
    pub id: DocId,
    pub title: String,
    pub language: Language,
    /// Where the text came from, as the user named it.
    pub source_path: String,
    /// RFC 3339, UTC.
    pub imported_at: String,
    /// Hex SHA-256 of the stored text (UTF-8), so the same content in another
    /// encoding is still recognised as the same.
    pub sha256: String,
    /// Length of the text in code points.
    pub char_len: i64,
    /// Hidden documents are an undone import: kept so redo costs nothing.
    pub removed: bool,
}

impl DocumentMeta {
    /// The file name of the source, which is what gold files call `doc`.
    pub fn file_name(&self) -> &str {
        self.source_path
            .rsplit(['/', '\\'])
            .next()
            .filter(|s| !s.is_empty())
            .unwrap_or(&self.title)
    }
}

/// A document with its exact text: the text every offset refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub meta: DocumentMeta,
    pub text: String,
}
