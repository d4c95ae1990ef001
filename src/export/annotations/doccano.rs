//! doccano JSON Lines: `{"text", "label": [[start, end, kind]], "doc_id"}`,
//! offsets in UTF-16 units (how doccano counts), and every character outside
//! ASCII written as `\uXXXX`: doccano's import guesses the encoding and reads
//! UTF-8 Lao as Thai TIS-620 otherwise.

use std::io::Write;

use serde::Serialize;

use super::{AnnotatedDoc, OffsetUnit, Offsets};
use crate::export::ExportError;
use crate::model::Figure;

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    label: Vec<(usize, usize, &'static str)>,
    doc_id: i64,
}

/// Writes one line per document; `unit` is UTF-16 for doccano itself.
/// Returns how many figures were left out for standing inside (or across)
/// a wider one: doccano's import drops overlapping spans without a word, so
/// the export keeps the widest and says how many it could not write.
pub fn write_doccano(
    w: &mut dyn Write,
    docs: &[AnnotatedDoc],
    unit: OffsetUnit,
) -> Result<usize, ExportError> {
    let mut left_out = 0;
    for d in docs {
        let at = Offsets::new(&d.text, unit);
        let kept = widest_apart(&d.figures);
        left_out += d.figures.len() - kept.len();
        let line = Line {
            text: &d.text,
            label: kept
                .iter()
                .map(|f| (at.of(f.span.start), at.of(f.span.end), f.kind.as_str()))
                .collect(),
            doc_id: d.id,
        };
        let json = serde_json::to_string(&line)?;
        w.write_all(ascii_escaped(&json).as_bytes())
            .and_then(|_| w.write_all(b"\n"))
            .map_err(|e| ExportError::Io("output".into(), e))?;
    }
    Ok(left_out)
}

/// The figures no two of which overlap, a wider one before what it holds, in text order.
fn widest_apart(figures: &[Figure]) -> Vec<&Figure> {
    let mut by_place: Vec<&Figure> = figures.iter().collect();
    by_place.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
    let mut kept: Vec<&Figure> = Vec::with_capacity(by_place.len());
    for f in by_place {
        if kept.last().is_none_or(|k| k.span.end <= f.span.start) {
            kept.push(f);
        }
    }
    kept
}

/// JSON with every non-ASCII character as a `\u` escape (a surrogate pair
/// above the BMP). Valid because serde_json leaves such characters only
/// inside strings, where an escape means the same character.
pub fn ascii_escaped(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{:04x}", u));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_ascii_is_escaped_and_reads_back_the_same() {
        let json = serde_json::to_string(&("ເງິນ 1,250 ລ້ານ", "😀")).unwrap();
        let escaped = ascii_escaped(&json);
        assert!(escaped.is_ascii());
        assert!(escaped.contains("\\ud83d\\ude00"));
        let back: (String, String) = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, ("ເງິນ 1,250 ລ້ານ".to_string(), "😀".to_string()));
    }

    #[test]
    fn utf16_offsets_count_an_emoji_twice() {
        let at = Offsets::new("😀 12", OffsetUnit::Utf16);
        assert_eq!((at.of(0), at.of(1), at.of(2), at.of(4)), (0, 2, 3, 5));
        assert_eq!(Offsets::new("😀 12", OffsetUnit::CodePoints).of(2), 2);
    }
}
