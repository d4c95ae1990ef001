//! A small element tree over quick-xml, shared by the TMX and XLIFF readers.
//!
//! Bilingual files are read whole (they are bounded by the import size
//! limit), so a tree is simpler to walk than a stream and costs little.
//! Each element remembers where its start and end tags stood in the decoded
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

/// Parses a whole decoded document into its root element, which must be
/// named `root` (checked as soon as it opens, so an HTML page is named as
/// such rather than failing on its first unclosed `<br>`).
pub fn parse(source: &str, root: &'static str) -> Result<Element, ImportError> {
    let mut reader = Reader::from_str(source);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = Vec::new();
    loop {
        let before = reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| not_xml(source, reader.error_position() as usize, &e.to_string()))?;
        let after = reader.buffer_position() as usize;
        match event {
            Event::Start(start) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(ImportError::TooDeep { limit: MAX_DEPTH });
                }
                let opened = element(&start, before..after, source)?;
                check_root(&stack, &opened, root)?;
                stack.push(opened);
            }
            Event::Empty(start) => {
                let empty = element(&start, before..after, source)?;
                check_root(&stack, &empty, root)?;
                if let Some(root) = attach(&mut stack, Node::Element(empty)) {
                    return Ok(root);
                }
            }
            Event::End(_) => {
                let mut done = stack
                    .pop()
                    .ok_or_else(|| not_xml(source, before, "an end tag with no element open"))?;
                done.end_tag = Some(before..after);
                if let Some(root) = attach(&mut stack, Node::Element(done)) {
                    return Ok(root);
                }
            }
            Event::Text(text) => push_text(&mut stack, &text.xml10_content()),
            Event::CData(data) => push_text(&mut stack, &data.xml10_content()),
            Event::GeneralRef(reference) => {
                let resolved = resolve_reference(&reference)
                    .map_err(|reason| not_xml(source, before, &reason))?;
                push_text(&mut stack, &resolved);
            }
            Event::DocType(doctype) => {
                if doctype.into_inner().contains("<!ENTITY") {
                    return Err(ImportError::EntityDeclared);
                }
            }
            Event::Eof => {
                return Err(match stack.last() {
                    Some(open) => not_xml(
                        source,
                        source.len(),
                        &format!("<{}> is never closed", open.name),
                    ),
                    None => ImportError::NotXml {
                        line: 1,
                        reason: "no root element".into(),
                    },
                });
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
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

/// Adds a finished node to its parent; returns the root once it is closed.
fn attach(stack: &mut [Element], node: Node) -> Option<Element> {
    match (stack.last_mut(), node) {
        (Some(parent), node) => {
            parent.children.push(node);
            None
        }
        (None, Node::Element(root)) => Some(root),
        (None, Node::Text(_)) => None,
    }
}

/// Text outside the root (whitespace between the declaration and the root) is dropped.
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
