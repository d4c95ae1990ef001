//! Element trees over quick-xml, one per unit, shared by the TMX and XLIFF readers.
//!
//! A unit is small and its parts are looked up by name, so each is built as
//! a tree; the file around the units is streamed (see [`walk`]). Each element remembers where its start and end tags stood in the decoded
//! text, so an inline tag can be kept exactly as it was written.
//!
//! Safety: entities are never expanded. Only the five predefined ones and
//! character references are read; a DOCTYPE that declares entities is
//! refused outright (no billion laughs), and nesting is capped.

use std::ops::Range;

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesRef, BytesStart, Event};

use crate::import::ImportError;

/// Deeper nesting than this is refused: no real bilingual file comes close,
/// and a cap keeps a hostile file from exhausting the stack or memory.
pub const MAX_DEPTH: usize = 64;

#[derive(Debug)]
pub enum Node {
    Element(Element),
    /// Character data with references resolved and line ends as XML reads
    /// them (CR LF and lone CR become LF).
    Text(String),
}

#[derive(Debug)]
pub struct Element {
    /// The local name, without a namespace prefix (`lang` of `xml:lang` is an attribute, not this).
    pub name: String,
    /// Attributes by their qualified name (`xml:lang`), values unescaped.
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Node>,
    /// Byte range of the start tag (the whole tag for `<x/>`) in the decoded text.
    pub start_tag: Range<usize>,
    /// Byte range of the end tag; `None` for an empty-element tag.
    pub end_tag: Option<Range<usize>>,
}

impl Element {
    pub fn attribute(&self, qualified: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(k, _)| k == qualified)
            .map(|(_, v)| v.as_str())
    }

    /// Child elements with this local name, in document order.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.elements().filter(move |e| e.name == name)
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The element exactly as written in `source`, start tag to end tag.
    pub fn raw<'s>(&self, source: &'s str) -> &'s str {
        let end = self.end_tag.as_ref().map_or(self.start_tag.end, |r| r.end);
        &source[self.start_tag.start..end]
    }

    pub fn raw_start<'s>(&self, source: &'s str) -> &'s str {
        &source[self.start_tag.clone()]
    }

    pub fn raw_end<'s>(&self, source: &'s str) -> &'s str {
        self.end_tag.as_ref().map_or("", |r| &source[r.clone()])
    }
}

/// Reads a whole decoded document whose root must be named `root` (checked
/// as soon as it opens, so an HTML page is named as such rather than failing
/// on its first unclosed `<br>`).
///
/// Only the elements named in `collect` (`<tu>`, `<trans-unit>`, …) are
/// built whole, each handed to `found` with its ancestors as it closes and
/// then dropped; the ancestors are kept as shells, attributes without
/// children. So memory follows what the caller keeps of each unit, not the
/// size of the file. Returns the root's shell.
pub fn walk(
    source: &str,
    root: &'static str,
    collect: &[&str],
    mut found: impl FnMut(&[Element], Element) -> Result<(), ImportError>,
) -> Result<Element, ImportError> {
    let mut reader = Reader::from_str(source);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = Vec::new();
    // The depth in `stack` of the element being built whole, if any.
    let mut building: Option<usize> = None;
    loop {
        let before = reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| not_xml(source, reader.error_position() as usize, &e.to_string()))?;
        let after = reader.buffer_position() as usize;
        let (start, empty) = match event {
            Event::Start(start) => (start, false),
            Event::Empty(start) => (start, true),
            Event::End(_) => {
                let mut done = stack
                    .pop()
                    .ok_or_else(|| not_xml(source, before, "an end tag with no element open"))?;
                done.end_tag = Some(before..after);
                if let Some(root) = close(&mut stack, &mut building, done, &mut found)? {
                    return Ok(root);
                }
                continue;
            }
            Event::Text(text) if building.is_some() => {
                push_text(&mut stack, &text.xml10_content());
                continue;
            }
            Event::CData(data) if building.is_some() => {
                push_text(&mut stack, &data.xml10_content());
                continue;
            }
            Event::GeneralRef(reference) => {
                let resolved = resolve_reference(&reference)
                    .map_err(|reason| not_xml(source, before, &reason))?;
                if building.is_some() {
                    push_text(&mut stack, &resolved);
                }
                continue;
            }
            Event::DocType(doctype) => {
                if doctype.into_inner().contains("<!ENTITY") {
                    return Err(ImportError::EntityDeclared);
                }
                continue;
            }
            Event::Eof => return Err(unclosed(source, &stack)),
            Event::Text(_)
            | Event::CData(_)
            | Event::Comment(_)
            | Event::Decl(_)
            | Event::PI(_) => {
                continue;
            }
        };
        if stack.len() >= MAX_DEPTH {
            return Err(ImportError::TooDeep { limit: MAX_DEPTH });
        }
        let opened = element(&start, before..after, source)?;
        check_root(&stack, &opened, root)?;
        if building.is_none() && collect.contains(&opened.name.as_str()) {
            building = Some(stack.len());
        }
        if empty {
            if let Some(root) = close(&mut stack, &mut building, opened, &mut found)? {
                return Ok(root);
            }
        } else {
            stack.push(opened);
        }
    }
}

/// An element has closed: into its parent while a unit is being built, to
/// `found` when it is the unit, dropped when it is an ancestor's shell.
/// Returns the root once it closes.
fn close(
    stack: &mut [Element],
    building: &mut Option<usize>,
    done: Element,
    found: &mut impl FnMut(&[Element], Element) -> Result<(), ImportError>,
) -> Result<Option<Element>, ImportError> {
    match *building {
        Some(depth) if depth == stack.len() => {
            *building = None;
            found(stack, done)?;
        }
        Some(_) => {
            if let Some(parent) = stack.last_mut() {
                parent.children.push(Node::Element(done));
            }
        }
        None if stack.is_empty() => return Ok(Some(done)),
        None => {}
    }
    Ok(None)
}

fn unclosed(source: &str, stack: &[Element]) -> ImportError {
    match stack.last() {
        Some(open) => not_xml(
            source,
            source.len(),
            &format!("<{}> is never closed", open.name),
        ),
        None => ImportError::NotXml {
            line: 1,
            reason: "no root element".into(),
        },
    }
}

fn check_root(stack: &[Element], opened: &Element, root: &'static str) -> Result<(), ImportError> {
    if stack.is_empty() && opened.name != root {
        return Err(ImportError::WrongRoot {
            found: opened.name.clone(),
            expected: root,
        });
    }
    Ok(())
}

fn push_text(stack: &mut [Element], text: &str) {
    let Some(parent) = stack.last_mut() else {
        return;
    };
    match parent.children.last_mut() {
        Some(Node::Text(existing)) => existing.push_str(text),
        _ => parent.children.push(Node::Text(text.to_string())),
    }
}

fn element(start: &BytesStart, tag: Range<usize>, source: &str) -> Result<Element, ImportError> {
    let name = start.local_name().as_ref().to_string();
    let mut attributes = Vec::new();
    for attribute in start.attributes() {
        let attribute =
            attribute.map_err(|e| not_xml(source, tag.start, &format!("<{name}>: {e}")))?;
        let value = attribute
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| not_xml(source, tag.start, &format!("<{name}>: {e}")))?;
        attributes.push((attribute.key.as_ref().to_string(), value.into_owned()));
    }
    Ok(Element {
        name,
        attributes,
        children: Vec::new(),
        start_tag: tag,
        end_tag: None,
    })
}

/// `&amp;` and its kin, `&#x0EB2;` and `&#3762;`; any other entity is an error,
/// since nothing here declares one.
fn resolve_reference(reference: &BytesRef) -> Result<String, String> {
    match reference.resolve_char_ref() {
        Ok(Some(c)) => return Ok(c.to_string()),
        Ok(None) => {}
        Err(e) => return Err(format!("&{};: {e}", reference.as_ref() as &str)),
    }
    let name: &str = reference.as_ref();
    resolve_predefined_entity(name)
        .map(str::to_string)
        .ok_or_else(|| format!("the entity &{name}; is not defined"))
}

fn not_xml(source: &str, byte: usize, reason: &str) -> ImportError {
    let byte = byte.min(source.len());
    let line = source.as_bytes()[..byte]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1;
    ImportError::NotXml {
        line,
        reason: reason.to_string(),
    }
}
