//! `tualek doc` and `tualek split`: a document's title and language, and a split in two.

use crate::app::{Command, Project};
use crate::model::{DocId, DocumentMeta, Language, Row};

fn language(tag: Option<String>) -> Result<Option<Language>, String> {
    tag.as_deref().map(Language::parse).transpose()
}

/// A document in one line, safe for a terminal (its title and path come
/// from someone's file).
fn describe(d: &DocumentMeta) -> String {
    let line = format!(
        "document {}: \u{201c}{}\u{201d} ({}), {} characters, from {}",
        d.id, d.title, d.language, d.char_len, d.source_path
    );
    super::display_safe(&line).into_owned()
}

fn meta(p: &Project, id: DocId) -> Result<DocumentMeta, String> {
    p.store()
        .document_meta(id)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("document {id} not found"))
}

/// Shows a document; with a title or a language, sets them first (one action).
pub fn doc(
    p: &mut Project,
    id: DocId,
    lang: Option<String>,
    title: Option<String>,
) -> Result<(), String> {
    let language = language(lang)?;
    if title.is_some() || language.is_some() {
        let done = p
            .execute(Command::SetDocument {
                document: id,
                title,
                language,
            })
            .map_err(|e| e.to_string())?;
        if done.history.is_none() {
            println!("unchanged");
        }
    }
    println!("{}", describe(&meta(p, id)?));
    Ok(())
}

/// Splits a document at a line start; prints both parts.
pub fn split(
    p: &mut Project,
    id: DocId,
    at: usize,
    lang_after: Option<String>,
) -> Result<(), String> {
    let language_after = language(lang_after)?;
    let done = p
        .execute(Command::Split {
            document: id,
            at,
            language_after,
        })
        .map_err(|e| e.to_string())?;
    let new = done
        .created_document()
        .ok_or("the split made no new document")?;
    let moved = done
        .changes
        .iter()
        .filter(|c| matches!((&c.before, &c.after), (Some(Row::Figure(a)), Some(Row::Figure(b))) if a.document != b.document))
        .count();
    println!("split document {id} at {at}; {moved} figures moved to document {new}");
    println!("{}", describe(&meta(p, id)?));
    println!("{}", describe(&meta(p, new)?));
    Ok(())
}
