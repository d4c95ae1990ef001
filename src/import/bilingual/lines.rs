//! Two plain-text files, a translation of each other line by line.

use super::{Bilingual, SegmentText, Unit};
use crate::import::{ImportError, decode, guess_language};

/// Pairs line `n` of `source` with line `n` of `target`: segment `n` is line `n`.
///
/// Line ends are `\n`, `\r\n` or `\r`; a final line end does not start
/// another line. A blank line is kept as an empty segment (on either side,
/// or both), so segment numbers stay the files' line numbers. Each side's
/// language is guessed from its own text.
pub fn pair_lines(source: &[u8], target: &[u8]) -> Result<Bilingual, ImportError> {
    let source = decode(source)?;
    let target = decode(target)?;
    let source_lines = lines(&source);
    let target_lines = lines(&target);
    if source_lines.len() != target_lines.len() {
        return Err(ImportError::LineCounts {
            source_lines: source_lines.len(),
            target_lines: target_lines.len(),
        });
    }
    let units = source_lines
        .into_iter()
        .zip(target_lines)
        .map(|(s, t)| Unit {
            source: SegmentText::plain(s),
            target: SegmentText::plain(t),
        })
        .collect();
    Ok(Bilingual {
        source_lang: Some(guess_language(&source)),
        target_lang: Some(guess_language(&target)),
        units,
    })
}

fn lines(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    if out.last() == Some(&"") {
        out.pop();
    }
    // A lone CR (old Mac files) ends a line too.
    out.into_iter().flat_map(|l| l.split('\r')).collect()
}
