//! Segment pairs out as TMX 1.4b, valid against its DTD (`tests/tmx14.dtd`).
//!
//! No DOCTYPE is written: a reader would try to fetch `tmx14.dtd` from beside
//! the file, and validity is checked against the DTD itself
//! (`xmllint --dtdvalid`). Whatever the input, the output is well-formed and
//! valid: text is escaped, characters XML 1.0 forbids are left out, and an
//! inline tag is written back only when it is a TMX inline element the DTD
//! allows in `<seg>` (see [`writable_tags`]).

use std::io::{self, Write};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::import::bilingual::SegmentText;
use crate::model::{InlineTag, Language};

/// One `<tu>`: the segment, its translation, properties (`x-tualek-verdict`
/// → `mismatch`) and a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TmxUnit {
    pub source: SegmentText,
    pub target: SegmentText,
    pub props: Vec<(String, String)>,
    pub note: Option<String>,
}

/// One `<tuv>` of a [`TmxTu`]: its language, its own props (the DTD puts
/// them before the `<seg>`) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TmxVariant {
    pub lang: Language,
    pub props: Vec<(String, String)>,
    pub seg: SegmentText,
}

/// A `<tu>` whose variants each say their own language: what a file of
/// several document pairs, not all the same way round, needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TmxTu {
    pub props: Vec<(String, String)>,
    pub note: Option<String>,
    pub variants: Vec<TmxVariant>,
}

/// The header's `srclang` for units whose first variant is the source:
/// their one source language, else `*all*` (TMX's word for "any").
pub fn source_language(tus: &[TmxTu]) -> String {
    let mut langs = tus
        .iter()
        .filter_map(|t| t.variants.first())
        .map(|v| &v.lang);
    match langs.next() {
        Some(first) if langs.all(|l| l == first) => first.as_str().to_string(),
        Some(_) => "*all*".into(),
        None => "*all*".into(),
    }
}

/// Writes a whole TMX 1.4b document.
pub fn write_tmx(
    out: &mut impl Write,
    source_lang: &Language,
    target_lang: &Language,
    units: &[TmxUnit],
) -> io::Result<()> {
    write_document(out, source_lang.as_str(), |out| {
        for unit in units {
            write_unit(out, source_lang, target_lang, unit)?;
        }
        Ok(())
    })
}

/// Writes a whole TMX 1.4b document of units that name their variants' languages.
pub fn write_tmx_tus(out: &mut impl Write, srclang: &str, tus: &[TmxTu]) -> io::Result<()> {
    write_document(out, srclang, |out| {
        for tu in tus {
            let tuvs: Vec<Tuv> = tu
                .variants
                .iter()
                .map(|v| (&v.lang, v.props.as_slice(), &v.seg))
                .collect();
            write_tu(out, &tu.props, tu.note.as_deref(), &tuvs)?;
        }
        Ok(())
    })
}

/// The header and body around what `body` writes.
fn write_document<W: Write>(
    out: &mut W,
    srclang: &str,
    body: impl FnOnce(&mut W) -> io::Result<()>,
) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<tmx version="1.4">"#)?;
    writeln!(
        out,
        r#"  <header creationtool="Tualek" creationtoolversion="{}" segtype="sentence" o-tmf="Tualek" adminlang="en" srclang="{}" datatype="plaintext"/>"#,
        env!("CARGO_PKG_VERSION"),
        attribute(srclang)
    )?;
    writeln!(out, "  <body>")?;
    body(out)?;
    writeln!(out, "  </body>")?;
    writeln!(out, "</tmx>")
}

fn write_unit(
    out: &mut impl Write,
    source_lang: &Language,
    target_lang: &Language,
    unit: &TmxUnit,
) -> io::Result<()> {
    let tuvs: [Tuv; 2] = [
        (source_lang, &[], &unit.source),
        (target_lang, &[], &unit.target),
    ];
    write_tu(out, &unit.props, unit.note.as_deref(), &tuvs)
}

/// A `<tuv>` to write: language, props, segment.
type Tuv<'a> = (&'a Language, &'a [(String, String)], &'a SegmentText);

/// The DTD wants a `<tu>`'s (and a `<tuv>`'s) notes and props before what
/// follows them.
fn write_tu(
    out: &mut impl Write,
    props: &[(String, String)],
    note: Option<&str>,
    tuvs: &[Tuv],
) -> io::Result<()> {
    writeln!(out, "    <tu>")?;
    write_props(out, "      ", props)?;
    if let Some(note) = note {
        writeln!(out, "      <note>{}</note>", text(note))?;
    }
    for (lang, props, segment) in tuvs {
        if props.is_empty() {
            writeln!(
                out,
                r#"      <tuv xml:lang="{}"><seg>{}</seg></tuv>"#,
                attribute(lang.as_str()),
                seg(segment)
            )?;
        } else {
            writeln!(
                out,
                r#"      <tuv xml:lang="{}">"#,
                attribute(lang.as_str())
            )?;
            write_props(out, "        ", props)?;
            writeln!(out, "        <seg>{}</seg>", seg(segment))?;
            writeln!(out, "      </tuv>")?;
        }
    }
    writeln!(out, "    </tu>")
}

fn write_props(out: &mut impl Write, indent: &str, props: &[(String, String)]) -> io::Result<()> {
    for (kind, value) in props {
        writeln!(
            out,
            r#"{indent}<prop type="{}">{}</prop>"#,
            attribute(kind),
            text(value)
        )?;
    }
    Ok(())
}

/// A segment's text with its writable tags put back where they stood
/// (a tag past the end goes at the end).
fn seg(segment: &SegmentText) -> String {
    let mut tags = writable_tags(&segment.tags);
    tags.sort_by_key(|t| t.at);
    let mut out = String::with_capacity(segment.text.len() + 16);
    let mut next = tags.iter().peekable();
    for (i, c) in segment.text.chars().enumerate() {
        while let Some(tag) = next.next_if(|t| t.at <= i) {
            out.push_str(&tag.xml);
        }
        push_escaped(&mut out, c, false);
    }
    for tag in next {
        out.push_str(&tag.xml);
    }
    out
}

/// The tags that can go back into a TMX `<seg>`: TMX's own inline elements
/// (`bpt`, `ept`, `ph`, `it`, `ut` whole; `hi` as a start and end tag that
/// pair up), each checked against the DTD's attributes and content. Tags
/// of other formats (XLIFF's `<g>`, `<x/>`, `<pc>`, `<mrk>`, …) are dropped:
/// TMX has no place for them, and rewriting them as `<ph>` would invent
/// markup the translator never saw. Their text is kept.
pub fn writable_tags(tags: &[InlineTag]) -> Vec<&InlineTag> {
    let mut keep = vec![false; tags.len()];
    let mut open_hi = Vec::new();
    for (i, tag) in tags.iter().enumerate() {
        let xml = tag.xml.trim();
        match tag.name.as_str() {
            "hi" if is_end_tag(xml, "hi") => {
                if let Some(start) = open_hi.pop() {
                    keep[start] = true;
                    keep[i] = true;
                }
            }
            "hi" if !xml.ends_with("/>") && valid_inline(&format!("{xml}</hi>"), "hi") => {
                open_hi.push(i)
            }
            "hi" | "bpt" | "ept" | "ph" | "it" | "ut" => keep[i] = valid_inline(xml, &tag.name),
            _ => {}
        }
    }
    tags.iter()
        .zip(keep)
        .filter_map(|(t, k)| k.then_some(t))
        .collect()
}

fn is_end_tag(xml: &str, name: &str) -> bool {
    xml.strip_prefix("</")
        .and_then(|r| r.strip_suffix('>'))
        .is_some_and(|n| n.trim() == name)
}

/// The attributes the DTD allows on each inline element, the required first.
fn allowed_attributes(name: &str) -> Option<(&'static [&'static str], &'static [&'static str])> {
    Some(match name {
        "bpt" => (&["i"], &["x", "type"]),
        "ept" => (&["i"], &[]),
        "it" => (&["pos"], &["x", "type"]),
        "ph" => (&[], &["x", "assoc", "type"]),
        "hi" => (&[], &["x", "type"]),
        "ut" => (&[], &["x"]),
        "sub" => (&[], &["datatype", "type"]),
        _ => return None,
    })
}

/// The elements the DTD allows directly inside `parent`.
fn allowed_children(parent: &str) -> &'static [&'static str] {
    match parent {
        "bpt" | "ept" | "it" | "ph" | "ut" => &["sub"],
        _ => &["bpt", "ept", "it", "ph", "hi", "ut"],
    }
}

/// Whether `xml` is exactly one element named `name`, well-formed, with
/// only what the DTD allows inside it, and no character XML forbids.
fn valid_inline(xml: &str, name: &str) -> bool {
    if xml.chars().any(|c| !allowed_char(c)) {
        return false;
    }
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<String> = Vec::new();
    let mut roots = 0;
    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(_) => return false,
        };
        let opens = matches!(event, Event::Start(_));
        match event {
            Event::Start(start) | Event::Empty(start) => {
                let parent = stack.last().map_or("seg", String::as_str);
                let element = start.local_name().as_ref().to_string();
                let fits = if stack.is_empty() {
                    element == name
                } else {
                    allowed_children(parent).contains(&element.as_str())
                };
                if !fits || !valid_attributes(&start, &element) {
                    return false;
                }
                if stack.is_empty() {
                    roots += 1;
                }
                if opens {
                    stack.push(element);
                }
            }
            Event::End(_) => {
                stack.pop();
            }
            Event::Text(t) if stack.is_empty() && !t.trim().is_empty() => {
                return false;
            }
            Event::GeneralRef(r) => {
                let known = r.is_char_ref()
                    || quick_xml::escape::resolve_predefined_entity(r.as_ref()).is_some();
                if !known || r.resolve_char_ref().is_err() {
                    return false;
                }
            }
            Event::Eof => return roots == 1 && stack.is_empty(),
            Event::Text(_) | Event::CData(_) => {}
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {
                return false;
            }
        }
    }
}

fn valid_attributes(start: &BytesStart, element: &str) -> bool {
    let Some((required, optional)) = allowed_attributes(element) else {
        return false;
    };
    let mut seen = Vec::new();
    for attribute in start.attributes() {
        let Ok(attribute) = attribute else {
            return false;
        };
        let key = attribute.key.as_ref();
        if !required.contains(&key) && !optional.contains(&key) {
            return false;
        }
        if element == "it" && key == "pos" && !matches!(&*attribute.value, "begin" | "end") {
            return false;
        }
        seen.push(key.to_string());
    }
    required.iter().all(|r| seen.iter().any(|s| s == r))
}

/// XML 1.0's Char production, less what a Rust `char` cannot be anyway.
fn allowed_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Character data: `&`, `<`, `>` escaped, CR as a reference (a raw one
/// would be read back as LF), forbidden characters left out.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        push_escaped(&mut out, c, false);
    }
    out
}

/// An attribute value in double quotes: as [`text`], and `"` too.
fn attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        push_escaped(&mut out, c, true);
    }
    out
}

fn push_escaped(out: &mut String, c: char, in_attribute: bool) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' if in_attribute => out.push_str("&quot;"),
        '\r' => out.push_str("&#xD;"),
        '\n' if in_attribute => out.push_str("&#xA;"),
        '\t' if in_attribute => out.push_str("&#x9;"),
        c if allowed_char(c) => out.push(c),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tu(source: &str, target: &str) -> TmxTu {
        let variant = |lang: &str| TmxVariant {
            lang: Language::new(lang),
            props: vec![("x-doc".into(), "1".into())],
            seg: SegmentText::plain("12"),
        };
        TmxTu {
            props: Vec::new(),
            note: None,
            variants: vec![variant(source), variant(target)],
        }
    }

    #[test]
    fn the_header_names_one_source_language_or_all() {
        assert_eq!(source_language(&[tu("lo", "en"), tu("lo", "th")]), "lo");
        assert_eq!(source_language(&[tu("lo", "en"), tu("en", "lo")]), "*all*");
        assert_eq!(source_language(&[]), "*all*");
    }

    #[test]
    fn a_variant_s_props_come_before_its_segment() {
        let mut out = Vec::new();
        write_tmx_tus(&mut out, "lo", &[tu("lo", "en")]).unwrap();
        let xml = String::from_utf8(out).unwrap();
        let prop = xml.find(r#"<prop type="x-doc">1</prop>"#).unwrap();
        assert!(prop > xml.find(r#"<tuv xml:lang="lo">"#).unwrap());
        assert!(prop < xml.find("<seg>12</seg>").unwrap());
    }
}
