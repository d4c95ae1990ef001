//! XLIFF 1.2 (`<file><body><trans-unit><source><target>`, units also inside
//! `<group>`) and XLIFF 2.0 (`<file><unit><segment><source><target>`).

use super::xml::{self, Element};
use super::{Bilingual, Inline, SegmentText, Unit, decode_xml, language, segment_text};
use crate::import::ImportError;

const XLIFF_1_NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:1";
const XLIFF_2_NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2";

/// Reads an XLIFF file, 1.2 or 2.0 as its root's `version` (or, lacking
/// one, its namespace) says. Units are numbered in document order across
/// files and groups.
pub fn parse_xliff(bytes: &[u8]) -> Result<Bilingual, ImportError> {
    let source = decode_xml(bytes)?;
    let root = xml::parse(&source, "xliff")?;
    let version = root.attribute("version").unwrap_or("");
    let namespace = root.attribute("xmlns").unwrap_or("");
    let bilingual = if version.starts_with("2.") || namespace.starts_with(XLIFF_2_NAMESPACE) {
        version_2(&root, &source)?
    } else if version.starts_with("1.") || namespace.starts_with(XLIFF_1_NAMESPACE) {
        version_1(&root, &source)?
    } else {
        return Err(ImportError::UnsupportedXliff(version.to_string()));
    };
    if bilingual.units.is_empty() {
        return Err(ImportError::NoUnits);
    }
    Ok(bilingual)
}

fn version_1(root: &Element, source: &str) -> Result<Bilingual, ImportError> {
    let first_file = root.child("file");
    let mut trans_units = Vec::new();
    for file in root.children_named("file") {
        for body in file.children_named("body") {
            descendants(body, "trans-unit", &mut trans_units);
        }
    }
    let units = trans_units
        .iter()
        .enumerate()
        .map(|(i, unit)| {
            let number = i + 1;
            let side = |name: &str, missing: ImportError| {
                unit.child(name)
                    .map(|e| segment_text(e, source, inline_1))
                    .ok_or(missing)
            };
            Ok(Unit {
                source: side("source", ImportError::NoSource { unit: number })?,
                target: side("target", ImportError::NoTarget { unit: number })?,
            })
        })
        .collect::<Result<_, ImportError>>()?;
    Ok(Bilingual {
        source_lang: language(first_file.and_then(|f| f.attribute("source-language"))),
        target_lang: language(first_file.and_then(|f| f.attribute("target-language"))),
        units,
    })
}

fn version_2(root: &Element, source: &str) -> Result<Bilingual, ImportError> {
    let mut units = Vec::new();
    for file in root.children_named("file") {
        descendants(file, "unit", &mut units);
    }
    let units = units
        .iter()
        .enumerate()
        .map(|(i, unit)| unit_2(unit, source, i + 1))
        .collect::<Result<_, ImportError>>()?;
    Ok(Bilingual {
        source_lang: language(root.attribute("srcLang")),
        target_lang: language(root.attribute("trgLang")),
        units,
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

/// Every element named `name` under `element`, in document order, without
/// looking inside a match (units do not nest) — through `<group>`s at any depth.
fn descendants<'a>(element: &'a Element, name: &str, out: &mut Vec<&'a Element>) {
    for child in element.elements() {
        if child.name == name {
            out.push(child);
        } else {
            descendants(child, name, out);
        }
    }
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
