//! XLIFF 1.2 (`<file><body><trans-unit><source><target>`, units also inside
//! `<group>`) and XLIFF 2.0 (`<file><unit><segment><source><target>`).

use super::xml::{self, Element};
use super::{Bilingual, Inline, SegmentText, Unit, decode_xml, language, segment_text};
use crate::import::ImportError;
use crate::model::Language;

const XLIFF_1_NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:1";
const XLIFF_2_NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Version {
    One,
    Two,
}

/// Reads an XLIFF file, 1.2 or 2.0 as its root's `version` (or, lacking
/// one, its namespace) says. Units are numbered in document order across
/// files and groups. The languages are the first `<file>`'s (1.2) or the
/// root's (2.0).
pub fn parse_xliff(bytes: &[u8]) -> Result<Bilingual, ImportError> {
    let source = decode_xml(bytes)?;
    let mut units = Vec::new();
    let mut langs = (None, None);
    let root = xml::walk(
        &source,
        "xliff",
        &["trans-unit", "unit"],
        |ancestors, unit| {
            let number = units.len() + 1;
            let read = match (version(&ancestors[0])?, unit.name.as_str()) {
                (Version::One, "trans-unit") => unit_1(&unit, &source, number)?,
                (Version::Two, "unit") => unit_2(&unit, &source, number)?,
                _ => return Ok(()),
            };
            if units.is_empty() {
                langs = languages(ancestors);
            }
            units.push(read);
            Ok(())
        },
    )?;
    version(&root)?;
    if units.is_empty() {
        return Err(ImportError::NoUnits);
    }
    Ok(Bilingual {
        source_lang: langs.0,
        target_lang: langs.1,
        units,
    })
}

fn version(root: &Element) -> Result<Version, ImportError> {
    let version = root.attribute("version").unwrap_or("");
    let namespace = root.attribute("xmlns").unwrap_or("");
    if version.starts_with("2.") || namespace.starts_with(XLIFF_2_NAMESPACE) {
        Ok(Version::Two)
    } else if version.starts_with("1.") || namespace.starts_with(XLIFF_1_NAMESPACE) {
        Ok(Version::One)
    } else {
        Err(ImportError::UnsupportedXliff(version.to_string()))
    }
}

/// 1.2 names them on the enclosing `<file>`, 2.0 on the root.
fn languages(ancestors: &[Element]) -> (Option<Language>, Option<Language>) {
    match ancestors.iter().rev().find(|e| e.name == "file") {
        Some(file) if file.attribute("source-language").is_some() => (
            language(file.attribute("source-language")),
            language(file.attribute("target-language")),
        ),
        _ => (
            language(ancestors[0].attribute("srcLang")),
            language(ancestors[0].attribute("trgLang")),
        ),
    }
}

fn unit_1(unit: &Element, source: &str, number: usize) -> Result<Unit, ImportError> {
    let side = |name: &str, missing: ImportError| {
        unit.child(name)
            .map(|e| segment_text(e, source, inline_1))
            .ok_or(missing)
    };
    Ok(Unit {
        source: side("source", ImportError::NoSource { unit: number })?,
        target: side("target", ImportError::NoTarget { unit: number })?,
    })
}

/// A 2.0 `<unit>` is one segment number however many `<segment>`s it has:
/// their texts are joined with a space (tags moved along).
fn unit_2(unit: &Element, source: &str, number: usize) -> Result<Unit, ImportError> {
    let mut joined = Unit {
        source: SegmentText::default(),
        target: SegmentText::default(),
    };
    for (k, segment) in unit.children_named("segment").enumerate() {
        let side = |name: &str, missing: ImportError| {
            segment
                .child(name)
                .map(|e| segment_text(e, source, inline_2))
                .ok_or(missing)
        };
        let source_side = side("source", ImportError::NoSource { unit: number })?;
        let target_side = side("target", ImportError::NoTarget { unit: number })?;
        if k > 0 {
            joined.source.push(SegmentText::plain(" "));
            joined.target.push(SegmentText::plain(" "));
        }
        joined.source.push(source_side);
        joined.target.push(target_side);
    }
    if unit.child("segment").is_none() {
        return Err(ImportError::NoSegment { unit: number });
    }
    Ok(joined)
}

/// XLIFF 1.2: `<g>` and `<mrk>` wrap text; `<x/>`, `<bx/>`, `<ex/>` stand
/// alone; `<bpt>`, `<ept>`, `<ph>`, `<it>` hold native code.
fn inline_1(name: &str) -> Inline {
    match name {
        "g" | "mrk" => Inline::Wrap,
        "x" | "bx" | "ex" | "bpt" | "ept" | "ph" | "it" => Inline::Code,
        _ => Inline::Wrap,
    }
}

/// XLIFF 2.0: `<pc>` and `<mrk>` wrap text; `<ph/>`, `<sc/>`, `<ec/>`,
/// `<sm/>`, `<em/>` (and `<cp/>`) are empty markers.
fn inline_2(name: &str) -> Inline {
    match name {
        "pc" | "mrk" => Inline::Wrap,
        "ph" | "sc" | "ec" | "sm" | "em" | "cp" => Inline::Code,
        _ => Inline::Wrap,
    }
}
