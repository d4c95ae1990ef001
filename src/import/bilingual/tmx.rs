//! TMX 1.4b: `<tmx><header srclang=…/><body><tu><tuv xml:lang=…><seg>`.

use super::xml::{self, Element};
use super::{Bilingual, Inline, Unit, decode_xml, language, segment_text};
use crate::import::ImportError;

/// Reads a TMX file. The source of each `<tu>` is the `<tuv>` in the
/// header's `srclang` (the first `<tuv>` when it is `*all*` or absent); the
/// target is the first `<tuv>` in another language.
pub fn parse_tmx(bytes: &[u8]) -> Result<Bilingual, ImportError> {
    let source = decode_xml(bytes)?;
    let mut srclang: Option<String> = None;
    let mut units = Vec::new();
    let mut langs = (None, None);
    xml::walk(&source, "tmx", &["header", "tu"], |_, element| {
        if element.name == "header" {
            srclang = element
                .attribute("srclang")
                .filter(|l| !l.eq_ignore_ascii_case("*all*"))
                .map(str::to_string);
            return Ok(());
        }
        let number = units.len() + 1;
        let (source_tuv, target_tuv) = pick_tuvs(&element, srclang.as_deref(), number)?;
        if units.is_empty() {
            langs = (
                language(tuv_lang(source_tuv)),
                language(tuv_lang(target_tuv)),
            );
        }
        units.push(Unit {
            source: seg(source_tuv, &source, number)?,
            target: seg(target_tuv, &source, number)?,
        });
        Ok(())
    })?;
    if units.is_empty() {
        return Err(ImportError::NoUnits);
    }
    Ok(Bilingual {
        source_lang: langs.0,
        target_lang: langs.1,
        units,
    })
}

/// `xml:lang`, or the deprecated `lang` of TMX 1.3.
fn tuv_lang(tuv: &Element) -> Option<&str> {
    tuv.attribute("xml:lang").or_else(|| tuv.attribute("lang"))
}

fn pick_tuvs<'a>(
    tu: &'a Element,
    srclang: Option<&str>,
    number: usize,
) -> Result<(&'a Element, &'a Element), ImportError> {
    let tuvs: Vec<&Element> = tu.children_named("tuv").collect();
    let source = match srclang {
        None => tuvs.first().copied(),
        Some(lang) => tuvs
            .iter()
            .copied()
            .find(|t| same_lang(tuv_lang(t), lang, true))
            .or_else(|| {
                tuvs.iter()
                    .copied()
                    .find(|t| same_lang(tuv_lang(t), lang, false))
            }),
    }
    .ok_or(ImportError::NoSource { unit: number })?;
    let source_lang = tuv_lang(source).unwrap_or("");
    let target = tuvs
        .iter()
        .copied()
        .find(|t| !same_lang(tuv_lang(t), source_lang, true))
        .ok_or(ImportError::NoTarget { unit: number })?;
    Ok((source, target))
}

/// Whether a `<tuv>`'s language is `lang`: the whole tag, or (not `exact`)
/// the primary subtag alone, so `srclang="en-US"` finds `xml:lang="en"`.
fn same_lang(tuv: Option<&str>, lang: &str, exact: bool) -> bool {
    let Some(tuv) = tuv else { return false };
    if exact {
        return tuv.eq_ignore_ascii_case(lang);
    }
    let primary = |t: &str| {
        t.split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    primary(tuv) == primary(lang)
}

fn seg(tuv: &Element, source: &str, number: usize) -> Result<super::SegmentText, ImportError> {
    let seg = tuv
        .child("seg")
        .ok_or(ImportError::NoSegment { unit: number })?;
    Ok(segment_text(seg, source, inline))
}

/// TMX's inline elements: `<hi>` wraps text; `<sub>` holds a sub-flow that is
/// not the segment's text (it only belongs inside a code element, which is
/// kept whole anyway); the others hold native code.
fn inline(name: &str) -> Inline {
    match name {
        "hi" => Inline::Wrap,
        "sub" => Inline::Skip,
        "bpt" | "ept" | "it" | "ph" | "ut" => Inline::Code,
        _ => Inline::Wrap,
    }
}
