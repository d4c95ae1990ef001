//! brat standoff: a `.ann` with its `.txt` beside it, or a folder of them.
//!
//! Offsets are code points of the `.txt` exactly as its bytes decode (brat
//! reads it without newline conversion or BOM removal). A text-bound (`T`)
//! line gives a span, its entity type the label (`Count` → `count` when it
//! names a kind, otherwise as written for a label mapping), its text the
//! span's text; the `AnnotatorNotes` comment Tualek writes gives back the
//! value, upper value and unit. Other lines (relations, events, attributes,
//! normalisations, equivalences) are checked to be standoff and otherwise
//! left alone.
//!
//! A discontinuous span (`T1 Count 10 12;14 17`) is read as one span from
//! its first start to its last end. When the gaps between its fragments are
//! only white space (a figure broken over a line, as Tualek writes one) its
//! text is that whole slice of the `.txt`; otherwise its text stays the
//! line's (the fragments joined by spaces), so the app's check against the
//! document lists it as not matching instead of taking more than was marked.

use std::path::{Path, PathBuf};

use super::{AnnotationError, IncomingDoc, IncomingSpan, IncomingText};
use crate::export::annotations::OffsetUnit;
use crate::export::annotations::brat::{kind_of, parse_notes};

const FORMAT: &str = "brat standoff";

fn wrong(reason: String) -> AnnotationError {
    AnnotationError::WrongFormat {
        format: FORMAT,
        reason,
    }
}

/// Reads `path`: a `.ann` file, or a folder whose every `.ann` is read (in
/// name order) with its `.txt`. Each file is held to `max_bytes`.
pub(super) fn read(path: &Path, max_bytes: u64) -> Result<Vec<IncomingDoc>, AnnotationError> {
    if path.is_dir() {
        let mut anns: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| AnnotationError::Unreadable(format!("{}: {e}", path.display())))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "ann"))
            .collect();
        if anns.is_empty() {
            return Err(wrong(format!(
                "the folder {} holds no .ann file",
                path.display()
            )));
        }
        anns.sort();
        anns.iter().map(|a| read_one(a, max_bytes)).collect()
    } else {
        Ok(vec![read_one(path, max_bytes)?])
    }
}

/// One `.ann` and the `.txt` beside it.
fn read_one(ann: &Path, max_bytes: u64) -> Result<IncomingDoc, AnnotationError> {
    let name = ann
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| ann.display().to_string());
    if ann.extension().is_some_and(|e| e == "txt") {
        return Err(wrong(format!(
            "{name} is a brat text; give its .ann (or the folder)"
        )));
    }
    let txt = ann.with_extension("txt");
    if !txt.exists() {
        return Err(wrong(format!(
            "{name} has no text {} beside it",
            file_name(&txt)
        )));
    }
    let ann_bytes = super::read_limited(ann, max_bytes)?;
    let txt_bytes = super::read_limited(&txt, max_bytes).map_err(|e| match e {
        AnnotationError::Unreadable(why) => {
            AnnotationError::Unreadable(format!("{}: {why}", file_name(&txt)))
        }
        other => other,
    })?;
    let mut doc = parse(&ann_bytes, &txt_bytes, &name, &file_name(&txt))?;
    doc.title = ann.file_stem().map(|s| s.to_string_lossy().into_owned());
    Ok(doc)
}

/// One document from the bytes of a `.ann` (`name`) and of its `.txt` (`txt_name`).
pub(super) fn parse(
    ann: &[u8],
    txt: &[u8],
    name: &str,
    txt_name: &str,
) -> Result<IncomingDoc, AnnotationError> {
    let lines = super::utf8(ann, FORMAT)?;
    let text = String::from_utf8(txt.to_vec()).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        wrong(format!("{txt_name} is not UTF-8 text (byte {at})"))
    })?;
    let spans = parse_ann(&lines, &text, name)?;
    Ok(IncomingDoc {
        text: IncomingText::Text(text),
        title: None,
        language: None,
        unit: OffsetUnit::CodePoints,
        spans,
        at: name.to_string(),
    })
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The spans of a `.ann` (`name` for messages), values from the comments on them.
fn parse_ann(lines: &str, text: &str, name: &str) -> Result<Vec<IncomingSpan>, AnnotationError> {
    let mut spans: Vec<IncomingSpan> = Vec::new();
    let mut notes: Vec<(String, String)> = Vec::new();
    let cuts = Cuts::new(text);
    for (n, line) in lines.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = || format!("{name} line {}", n + 1);
        let (id, rest) = line
            .split_once('\t')
            .filter(|(id, _)| is_standoff_id(id))
            .ok_or_else(|| wrong(format!("{}: not a standoff line: {}", at(), shorten(line))))?;
        let (data, tail) = rest.split_once('\t').unwrap_or((rest, ""));
        match id.chars().next() {
            Some('T') => spans.push(text_bound(id, data, tail, &cuts).ok_or_else(|| {
                wrong(format!(
                    "{}: a text-bound line is `T<n>\\t<Type> <start> <end>\\t<text>`: {}",
                    at(),
                    shorten(line)
                ))
            })?),
            Some('#') => {
                let mut words = data.split_whitespace();
                if let (Some("AnnotatorNotes"), Some(target)) = (words.next(), words.next()) {
                    notes.push((target.to_string(), tail.to_string()));
                }
            }
            _ => {}
        }
    }
    for (target, comment) in notes {
        let n = parse_notes(&comment);
        if let Some(s) = spans.iter_mut().find(|s| s.at == target) {
            s.value = n.value.or(s.value.take());
            s.value_max = n.value_max.or(s.value_max.take());
            s.unit = n.unit.or(s.unit.take());
        }
    }
    Ok(spans)
}

/// brat's ids: `T3`, `R1`, `E2`, `A1`, `M1`, `N4`, `#2`, and `*` for equivalences.
fn is_standoff_id(id: &str) -> bool {
    let mut c = id.chars();
    match c.next() {
        Some('*') => c.as_str().is_empty(),
        Some('T' | 'R' | 'E' | 'A' | 'M' | 'N' | '#') => {
            !c.as_str().is_empty() && c.as_str().chars().all(|d| d.is_ascii_digit())
        }
        _ => false,
    }
}

/// A line cut to 60 characters for a message.
fn shorten(line: &str) -> String {
    let mut s: String = line.chars().take(60).collect();
    if s.len() < line.len() {
        s.push('…');
    }
    s.replace('\t', "⇥")
}

/// The span of a `T` line: `data` is `<Type> <start> <end>[;<start> <end>…]`.
fn text_bound(id: &str, data: &str, tail: &str, cuts: &Cuts) -> Option<IncomingSpan> {
    let (label, offsets) = data.split_once(' ')?;
    let mut fragments = Vec::new();
    for f in offsets.split(';') {
        let (s, e) = f.trim().split_once(' ')?;
        fragments.push((
            s.trim().parse::<usize>().ok()?,
            e.trim().parse::<usize>().ok()?,
        ));
    }
    let (start, end) = (fragments.first()?.0, fragments.last()?.1);
    let gaps_blank = fragments.windows(2).all(|w| {
        cuts.slice(w[0].1, w[1].0)
            .is_some_and(|g| g.chars().all(char::is_whitespace))
    });
    let text = if fragments.len() > 1 && gaps_blank {
        cuts.slice(start, end).map(str::to_string)
    } else {
        Some(tail.to_string())
    };
    Some(IncomingSpan {
        start,
        end,
        label: kind_of(label).map_or_else(|| label.to_string(), |k| k.as_str().to_string()),
        text,
        value: None,
        value_max: None,
        unit: None,
        at: id.to_string(),
    })
}

/// Code-point slices of the `.txt` (for the gaps of discontinuous spans).
struct Cuts<'a> {
    text: &'a str,
    byte: Vec<usize>,
}

impl<'a> Cuts<'a> {
    fn new(text: &'a str) -> Self {
        let mut byte: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        byte.push(text.len());
        Cuts { text, byte }
    }

    fn slice(&self, start: usize, end: usize) -> Option<&'a str> {
        self.text.get(*self.byte.get(start)?..*self.byte.get(end)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_break_inside_a_span_reads_as_one_span() {
        let text = "ab 1,2\r\n50 kip";
        let ann = "T1\tMoney 3 6;8 14\t1,2 50 kip\n#1\tAnnotatorNotes T1\tvalue=1250; unit=kip\n";
        let spans = parse_ann(ann, text, "x.ann").unwrap();
        assert_eq!((spans[0].start, spans[0].end), (3, 14));
        assert_eq!(spans[0].text.as_deref(), Some("1,2\r\n50 kip"));
        assert_eq!(spans[0].label, "money");
        assert_eq!(spans[0].unit.as_deref(), Some("kip"));
        // Words between the fragments: the line's own text, which will not match.
        let apart = parse_ann("T1\tProtein 0 2;8 10\tab 50\n", text, "x.ann").unwrap();
        assert_eq!((apart[0].start, apart[0].end), (0, 10));
        assert_eq!(apart[0].text.as_deref(), Some("ab 50"));
        assert_eq!(apart[0].label, "Protein");
    }

    #[test]
    fn a_line_that_is_not_standoff_is_named() {
        let e = parse_ann("T1\tCount 0 1\ta\n{\"text\": 1}\n", "a", "x.ann").unwrap_err();
        assert!(
            e.to_string().contains("x.ann line 2: not a standoff line"),
            "{e}"
        );
        let e = parse_ann("T1\tCount zero 1\ta\n", "a", "x.ann").unwrap_err();
        assert!(
            e.to_string().contains("x.ann line 1: a text-bound line"),
            "{e}"
        );
        assert!(parse_ann("R1\tSame Arg1:T1 Arg2:T2\n*\tEquiv T1 T2\n", "", "x").is_ok());
    }
}
