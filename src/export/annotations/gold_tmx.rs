//! The gold set's translation links as TMX 1.4b: one `<tu>` per segment
//! pair that holds both figures of at least one link with relation
//! `translation`, with each link's verdict as a prop.
//!
//! The segment pairs are the project's own: the stored segments where the
//! pair was imported from a bilingual file, else the two texts' sentences
//! aligned as the QA view aligns them ([`crate::align::sentences::align`]
//! over every figure of the two documents). A link whose two figures fall
//! in different segment pairs has no unit holding both and is left out.
//!
//! Each `<tuv>` names its document in a `<prop type="x-doc">` (the id), so a
//! file of several pairs stays traceable; the `<tu>` carries
//! `x-segment` (its number in the pair), `x-segmentation` (`stored` or
//! `sentences`) and one `x-link` per link: `"1,250 = 1,250: agrees"`.
//! A pair is written from the source of its stored alignment, else from the
//! document imported first (the lower id); the header's `srclang` is that
//! side's language when every unit shares it, `*all*` otherwise.

use std::collections::BTreeMap;
use std::io::Write;

use super::{AnnotatedDoc, GoldSet};
use crate::export::ExportError;
use crate::export::tmx::{TmxTu, TmxVariant, source_language, write_tmx_tus};
use crate::import::bilingual::SegmentText;
use crate::model::{DocId, Figure, InlineTag, Language, Link, LinkStatus, Relation, Span};
use crate::store::{FigureFilter, Store};
use crate::text::char_slice;

/// The units of a gold TMX, ready to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTmx {
    pub tus: Vec<TmxTu>,
    /// The translation links written (each in exactly one unit).
    pub links: usize,
}

/// One side of a segment pair: its span and the inline tags its file had.
struct Side {
    span: Span,
    tags: Vec<InlineTag>,
}

/// A pair's segments, each side facing its document, with its number
/// (the unit's or line's in its file; the sentence pair's, 1-based).
struct Segments {
    stored: bool,
    pairs: Vec<(u32, Side, Side)>,
}

impl GoldTmx {
    /// The units of `set`'s translation links, pair by pair (in order of
    /// their documents), segment by segment.
    pub fn build(store: &Store, set: &GoldSet) -> Result<GoldTmx, ExportError> {
        let stored_pairs = store.segment_pairs()?;
        let mut by_pair: BTreeMap<(DocId, DocId), Vec<&Link>> = BTreeMap::new();
        for link in set
            .links
            .iter()
            .filter(|l| l.relation == Relation::Translation)
        {
            let (Some((da, _)), Some((db, _))) = (set.figure(link.a), set.figure(link.b)) else {
                continue;
            };
            if da.id == db.id {
                continue;
            }
            let (x, y) = (da.id.min(db.id), da.id.max(db.id));
            let key = if stored_pairs.contains(&(y, x)) {
                (y, x)
            } else {
                (x, y)
            };
            by_pair.entry(key).or_default().push(link);
        }
        let mut out = GoldTmx {
            tus: Vec::new(),
            links: 0,
        };
        for ((source, target), links) in by_pair {
            let (Some(ds), Some(dt)) = (doc(set, source), doc(set, target)) else {
                continue;
            };
            let segments = segments(store, ds, dt)?;
            out.add_pair(set, ds, dt, &segments, &links);
        }
        Ok(out)
    }

    /// The units of one pair: each segment pair holding a link, in order.
    fn add_pair(
        &mut self,
        set: &GoldSet,
        ds: &AnnotatedDoc,
        dt: &AnnotatedDoc,
        segments: &Segments,
        links: &[&Link],
    ) {
        let mut held: BTreeMap<usize, Vec<(&Figure, &Figure)>> = BTreeMap::new();
        for &link in links {
            let Some((fs, ft)) = facing(set, link, ds.id) else {
                continue;
            };
            let inside = |side: &Side, f: &Figure| {
                side.span.start <= f.span.start && f.span.end <= side.span.end
            };
            if let Some(i) = segments
                .pairs
                .iter()
                .position(|(_, s, t)| inside(s, fs) && inside(t, ft))
            {
                held.entry(i).or_default().push((fs, ft));
            }
        }
        for (i, found) in held {
            let (number, s, t) = &segments.pairs[i];
            let mut props = vec![
                ("x-segment".to_string(), number.to_string()),
                (
                    "x-segmentation".to_string(),
                    if segments.stored {
                        "stored"
                    } else {
                        "sentences"
                    }
                    .to_string(),
                ),
            ];
            for (fs, ft) in &found {
                let verdict = LinkStatus::of_values(fs, ft).as_str();
                let verdict = format!("{} = {}: {verdict}", fs.text, ft.text);
                props.push(("x-link".to_string(), verdict));
            }
            self.links += found.len();
            self.tus.push(TmxTu {
                props,
                note: None,
                variants: vec![variant(ds, s), variant(dt, t)],
            });
        }
    }

    /// Writes the TMX document.
    pub fn write(&self, w: &mut dyn Write) -> Result<(), ExportError> {
        write_tmx_tus(&mut &mut *w, &source_language(&self.tus), &self.tus)
            .map_err(|e| ExportError::Io("output".into(), e))
    }
}

fn doc(set: &GoldSet, id: DocId) -> Option<&AnnotatedDoc> {
    set.docs.iter().find(|d| d.id == id)
}

/// The link's two figures, the one in `source` first.
fn facing<'a>(set: &'a GoldSet, link: &Link, source: DocId) -> Option<(&'a Figure, &'a Figure)> {
    let (da, fa) = set.figure(link.a)?;
    let (_, fb) = set.figure(link.b)?;
    Some(if da.id == source { (fa, fb) } else { (fb, fa) })
}

/// The pair's stored segments (facing `ds`), else its sentences aligned over
/// every figure of both documents, as the app aligns them.
fn segments(store: &Store, ds: &AnnotatedDoc, dt: &AnnotatedDoc) -> Result<Segments, ExportError> {
    let stored = store.segments(ds.id, dt.id)?;
    if !stored.is_empty() {
        let pairs = stored
            .into_iter()
            .map(|s| {
                let source = Side {
                    span: s.source,
                    tags: s.source_tags,
                };
                let target = Side {
                    span: s.target,
                    tags: s.target_tags,
                };
                (s.number, source, target)
            })
            .collect();
        return Ok(Segments {
            stored: true,
            pairs,
        });
    }
    let figures = |d: DocId| {
        store.figures(&FigureFilter {
            document: Some(d),
            statuses: vec![],
        })
    };
    let (fs, ft) = (figures(ds.id)?, figures(dt.id)?);
    let beads = crate::align::sentences::align(&ds.text, &fs, &dt.text, &ft);
    let side = |span| Side {
        span,
        tags: Vec::new(),
    };
    Ok(Segments {
        stored: false,
        pairs: (1..)
            .zip(beads)
            .map(|(n, (a, b))| (n, side(a), side(b)))
            .collect(),
    })
}

fn variant(doc: &AnnotatedDoc, side: &Side) -> TmxVariant {
    let text = char_slice(&doc.text, side.span.start, side.span.end).unwrap_or_default();
    TmxVariant {
        lang: Language::new(&doc.language),
        props: vec![("x-doc".to_string(), doc.id.to_string())],
        seg: SegmentText {
            text: text.to_string(),
            tags: side.tags.clone(),
        },
    }
}
