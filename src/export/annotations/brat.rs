//! brat standoff: a folder with each document's text (`.txt`, byte-exact) and
//! its annotations (`.ann`), the `annotation.conf` brat needs to show them,
//! and `links.tsv` for the links brat cannot hold.
//!
//! brat counts offsets in code points of the `.txt` as Python reads it (no
//! newline conversion: CRLF is two), and silently drops a text-bound line
//! whose text is not the text at its offsets; so every `T` line copies the
//! code-point slice of the very text written beside it. Attribute values
//! are enumerated in brat, so a figure's exact value, unit and Tualek id go
//! in an `AnnotatorNotes` comment ([`notes`], read back by [`parse_notes`]).
//! A brat relation joins two annotations of one document: links across
//! documents are rows of `links.tsv` instead.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::{AnnotatedDoc, GoldSet};
use crate::export::{ExportError, write_atomically};
use crate::model::{Decimal, Figure, FigureId, Kind, Link, LinkStatus, Relation, Status};

/// The file brat reads entity, relation and attribute types from.
pub const CONF_FILE: &str = "annotation.conf";
/// The links between figures of two documents, one a row.
pub const LINKS_FILE: &str = "links.tsv";
/// The columns of [`LINKS_FILE`], its first row.
pub const LINK_COLUMNS: [&str; 11] = [
    "relation", "status", "file_a", "id_a", "text_a", "file_b", "id_b", "text_b", "figure_a",
    "figure_b", "link",
];

/// A kind's brat entity type: capitalised (`Count`), as brat types read.
pub fn entity_type(kind: Kind) -> String {
    capitalised(kind.as_str())
}

/// The kind a brat entity type names (`Count`, `count`), if any.
pub fn kind_of(entity_type: &str) -> Option<Kind> {
    entity_type.parse().ok()
}

/// A relation's brat relation type (`Translation`).
pub fn relation_type(relation: Relation) -> String {
    capitalised(relation.as_str())
}

/// The value of a figure's `Status` attribute. A stale figure is never
/// exported; it would read as unreviewed, which it is.
fn status_value(status: Status) -> String {
    match status {
        Status::Stale => "Unreviewed".into(),
        s => capitalised(s.as_str()),
    }
}

fn capitalised(name: &str) -> String {
    let mut c = name.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

/// What a figure's `AnnotatorNotes` comment holds beside its span and kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notes {
    pub value: Option<Decimal>,
    pub value_max: Option<Decimal>,
    pub unit: Option<String>,
    pub figure: Option<FigureId>,
}

/// A figure's comment: `value=65500000; value_max=…; unit=kip; figure=7`,
/// the fields it has; `%`, `;`, tabs and line breaks in a unit `%`-escaped.
pub fn notes(f: &Figure) -> String {
    let mut parts = Vec::new();
    if let Some(v) = f.value {
        parts.push(format!("value={v}"));
    }
    if let Some(v) = f.value_max {
        parts.push(format!("value_max={v}"));
    }
    if let Some(u) = &f.unit {
        parts.push(format!("unit={}", escape_note(u)));
    }
    parts.push(format!("figure={}", f.id));
    parts.join("; ")
}

/// The fields of a comment [`notes`] wrote; anything else in it (a note a
/// brat user typed) is left out, and a number that does not parse is absent.
pub fn parse_notes(comment: &str) -> Notes {
    let mut out = Notes::default();
    for part in comment.split(';') {
        let Some((key, value)) = part.trim().split_once('=') else {
            continue;
        };
        let value = value.trim();
        match key.trim() {
            "value" => out.value = Decimal::from_str_exact(value).ok(),
            "value_max" => out.value_max = Decimal::from_str_exact(value).ok(),
            "unit" => out.unit = Some(unescape_note(value)),
            "figure" => out.figure = value.parse().ok(),
            _ => {}
        }
    }
    out
}

fn escape_note(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' | ';' | '\t' | '\n' | '\r' => {
                let _ = write!(out, "%{:02X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

fn unescape_note(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        let code = rest
            .get(i + 1..i + 3)
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match code {
            Some(b) if b.is_ascii() => {
                out.push(b as char);
                rest = &rest[i + 3..];
            }
            _ => {
                out.push('%');
                rest = &rest[i + 1..];
            }
        }
    }
    out + rest
}

/// `annotation.conf`: every kind, every relation between any two kinds,
/// nested and overlapping figures allowed, the review status as an
/// attribute of figures and of relations.
pub fn annotation_conf() -> String {
    let kinds: Vec<String> = Kind::ALL.iter().map(|k| entity_type(*k)).collect();
    let any = kinds.join("|");
    let mut s = String::from("# Written by Tualek: one entity type per figure kind.\n[entities]\n");
    for k in &kinds {
        s += k;
        s.push('\n');
    }
    s += "\n[relations]\n";
    for r in Relation::ALL {
        let _ = writeln!(s, "{}\tArg1:{any}, Arg2:{any}", relation_type(*r));
    }
    s += "# A range and a year inside it are both figures.\n";
    s += "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n";
    s += "\n[events]\n\n[attributes]\n";
    let statuses = [
        Status::Confirmed,
        Status::Corrected,
        Status::Unreviewed,
        Status::Rejected,
    ];
    let values: Vec<String> = statuses.iter().map(|s| status_value(*s)).collect();
    let _ = writeln!(s, "Status\tArg:<ENTITY>, Value:{}", values.join("|"));
    let links: Vec<String> = LinkStatus::ALL
        .iter()
        .map(|s| capitalised(s.as_str()))
        .collect();
    let _ = writeln!(s, "LinkStatus\tArg:<RELATION>, Value:{}", links.join("|"));
    s
}

/// A file stem for `doc` not yet in `used`: its id (4 digits), then the
/// ASCII letters, digits, `-` and `_` of its title (other runs become one
/// `-`, a Lao title none), lower-case, at most 40 of them.
fn file_stem(doc: &AnnotatedDoc, used: &mut HashSet<String>) -> String {
    let mut safe = String::new();
    for c in doc.title.chars() {
        if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
            safe.push(c.to_ascii_lowercase());
        } else if !safe.ends_with('-') {
            safe.push('-');
        }
    }
    let safe: String = safe.trim_matches('-').chars().take(40).collect();
    let safe = safe.trim_end_matches('-');
    let base = if safe.is_empty() {
        format!("{:04}", doc.id)
    } else {
        format!("{:04}-{safe}", doc.id)
    };
    let mut stem = base.clone();
    let mut n = 2;
    // Case-insensitive file systems: compare lower-case (the stem already is).
    while !used.insert(stem.clone()) {
        stem = format!("{base}-{n}");
        n += 1;
    }
    stem
}

/// A document's text cut by code points.
struct Chars<'a> {
    text: &'a str,
    /// `byte[c]`: the byte offset of code point `c`, and the length at the end.
    byte: Vec<usize>,
}

impl<'a> Chars<'a> {
    fn new(text: &'a str) -> Self {
        let mut byte: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        byte.push(text.len());
        Chars { text, byte }
    }

    fn slice(&self, start: usize, end: usize) -> Option<&'a str> {
        let (s, e) = (*self.byte.get(start)?, *self.byte.get(end)?);
        self.text.get(s..e)
    }

    /// The figure's span as brat fragments: one, or several when it crosses
    /// a line break (a `.ann` line cannot hold one), each without the break.
    fn fragments(&self, f: &Figure) -> Result<Vec<(usize, usize)>, ExportError> {
        let (start, end) = (f.span.start, f.span.end);
        let text = self.slice(start, end).ok_or_else(|| {
            ExportError::Invalid(format!(
                "figure {} ({start}..{end}) lies outside its document {}",
                f.id, f.document
            ))
        })?;
        let mut out = Vec::new();
        let mut from = None;
        for (i, c) in text.chars().enumerate() {
            let breaks = c == '\n' || c == '\r';
            match (from, breaks) {
                (None, false) => from = Some(start + i),
                (Some(s), true) => {
                    out.push((s, start + i));
                    from = None;
                }
                _ => {}
            }
        }
        if let Some(s) = from {
            out.push((s, end));
        }
        Ok(out)
    }
}

/// A `.ann` line's text: what brat compares with the `.txt`, the fragments'
/// texts joined by one space (brat's separator).
fn fragment_text(chars: &Chars, fragments: &[(usize, usize)]) -> String {
    let parts: Vec<&str> = fragments
        .iter()
        .filter_map(|(s, e)| chars.slice(*s, *e))
        .collect();
    parts.join(" ")
}

/// Where each figure of the set went: its file stem and `T` id.
type Placed = HashMap<FigureId, (String, String)>;

/// The `.ann` of one document (its figures get `T1`, `T2`, … in order,
/// recorded in `placed`) with the relations among them from `links`.
fn ann(
    doc: &AnnotatedDoc,
    stem: &str,
    links: &[&Link],
    placed: &mut Placed,
) -> Result<String, ExportError> {
    let chars = Chars::new(&doc.text);
    let mut s = String::new();
    for (i, f) in doc.figures.iter().enumerate() {
        let n = i + 1;
        let fragments = chars.fragments(f)?;
        let offsets: Vec<String> = fragments.iter().map(|(a, b)| format!("{a} {b}")).collect();
        let text = fragment_text(&chars, &fragments);
        let kind = entity_type(f.kind);
        let _ = writeln!(s, "T{n}\t{kind} {}\t{text}", offsets.join(";"));
        let _ = writeln!(s, "A{n}\tStatus T{n} {}", status_value(f.status));
        let _ = writeln!(s, "#{n}\tAnnotatorNotes T{n}\t{}", notes(f));
        placed.insert(f.id, (stem.to_string(), format!("T{n}")));
    }
    let mut attribute = doc.figures.len();
    for (i, l) in links.iter().enumerate() {
        let (Some((_, a)), Some((_, b))) = (placed.get(&l.a), placed.get(&l.b)) else {
            continue;
        };
        let r = format!("R{}", i + 1);
        let _ = writeln!(s, "{r}\t{} Arg1:{a} Arg2:{b}", relation_type(l.relation));
        attribute += 1;
        let status = capitalised(l.status.as_str());
        let _ = writeln!(s, "A{attribute}\tLinkStatus {r} {status}");
    }
    Ok(s)
}

/// A TSV cell: backslash, tab and line breaks written as `\\`, `\t`, `\n`, `\r`.
fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

/// `links.tsv`: a header, then each link whose figures are in two documents.
fn links_tsv(set: &GoldSet, across: &[&Link], placed: &Placed) -> String {
    let mut s = LINK_COLUMNS.join("\t") + "\n";
    for l in across {
        let (Some((fa, ta)), Some((fb, tb))) = (placed.get(&l.a), placed.get(&l.b)) else {
            continue;
        };
        let text = |id| {
            set.figure(id)
                .map(|(_, f)| cell(&f.text))
                .unwrap_or_default()
        };
        let row = [
            relation_type(l.relation),
            capitalised(l.status.as_str()),
            format!("{fa}.ann"),
            ta.clone(),
            text(l.a),
            format!("{fb}.ann"),
            tb.clone(),
            text(l.b),
            l.a.to_string(),
            l.b.to_string(),
            l.id.to_string(),
        ];
        s += &row.join("\t");
        s.push('\n');
    }
    s
}

/// Writes `set` into the folder `out` (made if missing), each file
/// atomically; returns the files written, `annotation.conf` first.
pub fn write_brat(set: &GoldSet, out: &Path) -> Result<Vec<PathBuf>, ExportError> {
    if out.is_file() {
        return Err(ExportError::Invalid(format!(
            "{} is a file; brat standoff is a folder of .txt and .ann files: give a folder to write into",
            out.display()
        )));
    }
    std::fs::create_dir_all(out).map_err(|e| ExportError::Io(out.display().to_string(), e))?;
    let mut files = Vec::new();
    let mut put = |name: &str, text: &str| -> Result<(), ExportError> {
        let path = out.join(name);
        write_atomically(&path, |w| {
            w.write_all(text.as_bytes())
                .map_err(|e| ExportError::Io(path.display().to_string(), e))
        })?;
        files.push(path.clone());
        Ok(())
    };
    put(CONF_FILE, &annotation_conf())?;
    let doc_of: HashMap<FigureId, i64> = set
        .docs
        .iter()
        .flat_map(|d| d.figures.iter().map(move |f| (f.id, d.id)))
        .collect();
    let same_doc = |l: &Link| {
        doc_of
            .get(&l.a)
            .is_some_and(|a| doc_of.get(&l.b) == Some(a))
    };
    let mut used = HashSet::new();
    let mut placed = Placed::new();
    for doc in &set.docs {
        let stem = file_stem(doc, &mut used);
        let within: Vec<&Link> = set
            .links
            .iter()
            .filter(|l| same_doc(l) && doc_of.get(&l.a) == Some(&doc.id))
            .collect();
        let ann = ann(doc, &stem, &within, &mut placed)?;
        put(&format!("{stem}.txt"), &doc.text)?;
        put(&format!("{stem}.ann"), &ann)?;
    }
    let across: Vec<&Link> = set.links.iter().filter(|l| !same_doc(l)).collect();
    put(LINKS_FILE, &links_tsv(set, &across, &placed))?;
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_read_back_with_an_awkward_unit() {
        let n = parse_notes("value=65500000; value_max=70.25; unit=kip%3Bper%25day; figure=12");
        assert_eq!(n.value, Decimal::from_str_exact("65500000").ok());
        assert_eq!(n.value_max, Decimal::from_str_exact("70.25").ok());
        assert_eq!(n.unit.as_deref(), Some("kip;per%day"));
        assert_eq!(n.figure, Some(12));
        assert_eq!(escape_note("kip;per%day"), "kip%3Bper%25day");
        assert_eq!(unescape_note("100%"), "100%");
        assert_eq!(parse_notes("a note someone typed"), Notes::default());
    }

    #[test]
    fn kinds_are_capitalised_and_map_back() {
        for k in Kind::ALL {
            let t = entity_type(*k);
            assert!(t.chars().next().unwrap().is_ascii_uppercase() && !t.contains(' '));
            assert_eq!(kind_of(&t), Some(*k));
        }
        assert_eq!(kind_of("Protein"), None);
    }

    fn figure(id: FigureId, start: usize, end: usize, text: &str) -> Figure {
        Figure {
            id,
            document: 1,
            span: crate::model::Span::new(start, end),
            text: text.into(),
            kind: Kind::Money,
            value: Decimal::from_str_exact("1250").ok(),
            value_max: None,
            unit: Some("kip".into()),
            origin: crate::model::Origin::manual(),
            status: Status::Corrected,
            reviewer: None,
            reviewed_at: None,
            note: None,
        }
    }

    #[test]
    fn a_figure_over_a_line_break_is_written_as_fragments() {
        let text = "ab 1,2\r\n50 kip";
        let doc = AnnotatedDoc {
            id: 1,
            title: "t".into(),
            language: "en".into(),
            text: text.into(),
            figures: vec![figure(4, 3, 14, "1,2\r\n50 kip"), figure(5, 8, 10, "50")],
        };
        let link = Link {
            id: 9,
            a: 4,
            b: 5,
            relation: Relation::Same,
            status: LinkStatus::Agrees,
        };
        let mut placed = Placed::new();
        let ann = ann(&doc, "0001-t", &[&link], &mut placed).unwrap();
        let expected = "T1\tMoney 3 6;8 14\t1,2 50 kip\n\
                        A1\tStatus T1 Corrected\n\
                        #1\tAnnotatorNotes T1\tvalue=1250; unit=kip; figure=4\n\
                        T2\tMoney 8 10\t50\n\
                        A2\tStatus T2 Corrected\n\
                        #2\tAnnotatorNotes T2\tvalue=1250; unit=kip; figure=5\n\
                        R1\tSame Arg1:T1 Arg2:T2\n\
                        A3\tLinkStatus R1 Agrees\n";
        assert_eq!(ann, expected);
        assert_eq!(placed[&5], ("0001-t".to_string(), "T2".to_string()));
        let outside = AnnotatedDoc {
            figures: vec![figure(6, 10, 99, "?")],
            ..doc
        };
        assert!(super::ann(&outside, "x", &[], &mut placed).is_err());
    }

    #[test]
    fn a_stem_keeps_ascii_of_the_title_and_stays_unique() {
        let doc = |id, title: &str| AnnotatedDoc {
            id,
            title: title.into(),
            language: "lo".into(),
            text: String::new(),
            figures: vec![],
        };
        let mut used = HashSet::new();
        assert_eq!(
            file_stem(&doc(7, "Report 2024.txt"), &mut used),
            "0007-report-2024-txt"
        );
        assert_eq!(file_stem(&doc(8, "ບົດລາຍງານ"), &mut used), "0008");
        used.insert("0009".into());
        assert_eq!(file_stem(&doc(9, "ລາວ"), &mut used), "0009-2");
    }
}
