//! Pairs the figures of a document with those of its translation: inside
//! aligned segments when there are any ([`link_in_segments`], one segment
//! pair at a time with [`link_segment`]), else in order over the whole text
//! ([`align_in_order`]).
//!
//! Without segments, a translation keeps its figures in about the same
//! order, so figures are matched in order: each one to the next figure of
//! the same kind and value a few places ahead at most (words can move within
//! a sentence, and one side may have a figure the other lacks). Between two
//! matched pairs, when both sides left the same number of figures unmatched
//! and their kinds agree one by one, those are paired too: the same figure,
//! translated with another value, which is exactly what a reviewer must see.

use super::qa::{kinds_may_read_alike, same_value};
use crate::model::{Figure, FigureId, Kind, Span};

/// How far ahead a figure's match may sit on the other side.
const WINDOW: usize = 6;

/// Pairs (a, b) of figures that answer each other, in document order.
/// Rejected and stale figures take no part.
pub fn align_in_order(a: &[Figure], b: &[Figure]) -> Vec<(FigureId, FigureId)> {
    let live = |fs: &[Figure]| -> Vec<Figure> {
        let mut v: Vec<Figure> = fs.iter().filter(|f| f.status.is_live()).cloned().collect();
        v.sort_by_key(|f| (f.span.start, f.id));
        v
    };
    let (a, b) = (live(a), live(b));
    let same = |x: &Figure, y: &Figure| {
        same_kind(x.kind, y.kind) && x.value == y.value && x.value_max == y.value_max
    };

    // Anchors: exact matches, in order.
    let mut anchors: Vec<(usize, usize)> = Vec::new();
    let mut j = 0;
    for (i, x) in a.iter().enumerate() {
        if let Some(k) = (j..b.len().min(j + WINDOW)).find(|&k| same(x, &b[k])) {
            anchors.push((i, k));
            j = k + 1;
        }
    }

    // Gaps of equal length with matching kinds: the same figures, values apart.
    let mut pairs = Vec::new();
    let mut prev = (0, 0);
    let ends = anchors.iter().copied().chain([(a.len(), b.len())]);
    for (ai, bi) in ends {
        let (ga, gb) = (&a[prev.0..ai], &b[prev.1..bi]);
        if ga.len() == gb.len() && ga.iter().zip(gb).all(|(x, y)| same_kind(x.kind, y.kind)) {
            pairs.extend(ga.iter().zip(gb).map(|(x, y)| (x.id, y.id)));
        }
        if ai < a.len() {
            pairs.push((a[ai].id, b[bi].id));
        }
        prev = (ai + 1, bi + 1);
    }
    pairs
}

/// Kinds that a translation may read differently and still mean one figure:
/// a date on one side is often a bare year on the other.
fn same_kind(x: Kind, y: Kind) -> bool {
    x == y || matches!((x, y), (Kind::Date, Kind::Year) | (Kind::Year, Kind::Date))
}

/// Pairs the figures of one segment pair (source, target), the rule shared
/// by the linker and the number check:
/// 1. by value: figures stating the same value ([`super::qa::same_value`]),
///    first those also of one kind and unit, each with the nearest in order;
/// 2. by kind and unit: what is left, of one kind and one unit, in order
///    (`1,255 pupils` ↔ `1,525 pupils`: the same figure, another value);
/// 3. by order: what is left, of kinds that may read alike, in order.
///
/// Leftovers stay unpaired. Rejected and stale figures take no part.
pub fn link_segment(a: &[Figure], b: &[Figure]) -> Vec<(FigureId, FigureId)> {
    let (a, b) = (live_sorted(a), live_sorted(b));
    link_segment_indices(&a, &b)
        .into_iter()
        .map(|(i, j)| (a[i].id, b[j].id))
        .collect()
}

/// The figures that take part (not rejected, not stale), in document order.
pub(crate) fn live_sorted(figures: &[Figure]) -> Vec<&Figure> {
    let mut live: Vec<&Figure> = figures.iter().filter(|f| f.status.is_live()).collect();
    live.sort_by_key(|f| (f.span.start, f.id));
    live
}

/// [`link_segment`] on figures already live and sorted: index pairs, by source index.
pub(crate) fn link_segment_indices(a: &[&Figure], b: &[&Figure]) -> Vec<(usize, usize)> {
    let mut pairing = Pairing::new(a.len(), b.len());
    pairing.by_nearest(a, b, |x, y| {
        same_value(x, y) && x.kind == y.kind && x.unit == y.unit
    });
    pairing.by_nearest(a, b, same_value);
    pairing.in_order(a, b, |x, y| same_kind(x.kind, y.kind) && x.unit == y.unit);
    pairing.in_order(a, b, |x, y| kinds_may_read_alike(x.kind, y.kind));
    pairing.pairs.sort_unstable();
    pairing.pairs
}

/// Which figures of either side are taken, and the pairs made so far.
struct Pairing {
    a_taken: Vec<bool>,
    b_taken: Vec<bool>,
    pairs: Vec<(usize, usize)>,
}

impl Pairing {
    fn new(na: usize, nb: usize) -> Self {
        Pairing {
            a_taken: vec![false; na],
            b_taken: vec![false; nb],
            pairs: Vec::new(),
        }
    }

    fn take(&mut self, i: usize, j: usize) {
        self.a_taken[i] = true;
        self.b_taken[j] = true;
        self.pairs.push((i, j));
    }

    /// Each free source figure with the free target figure that fits and
    /// stands nearest its relative place (words move inside a sentence; a
    /// value said twice is paired first with first).
    fn by_nearest(
        &mut self,
        a: &[&Figure],
        b: &[&Figure],
        fits: impl Fn(&Figure, &Figure) -> bool,
    ) {
        let scale = b.len() as f64 / a.len().max(1) as f64;
        for (i, x) in a.iter().enumerate() {
            if self.a_taken[i] {
                continue;
            }
            let expected = i as f64 * scale;
            let best = (0..b.len())
                .filter(|&j| !self.b_taken[j] && fits(x, b[j]))
                .min_by(|&j, &k| {
                    let dj = (j as f64 - expected).abs();
                    let dk = (k as f64 - expected).abs();
                    dj.total_cmp(&dk).then(j.cmp(&k))
                });
            if let Some(j) = best {
                self.take(i, j);
            }
        }
    }

    /// Free figures paired in order: each free source figure with the first
    /// free target figure that fits after the last one this step paired.
    fn in_order(&mut self, a: &[&Figure], b: &[&Figure], fits: impl Fn(&Figure, &Figure) -> bool) {
        let mut next = 0;
        for (i, x) in a.iter().enumerate() {
            if self.a_taken[i] {
                continue;
            }
            if let Some(j) = (next..b.len()).find(|&j| !self.b_taken[j] && fits(x, b[j])) {
                self.take(i, j);
                next = j + 1;
            }
        }
    }
}

/// Pairs figures inside each aligned segment pair (`(a, b)` spans in code
/// points of the two documents) with [`link_segment`], then, with
/// [`align_in_order`], the figures no segment holds. A figure is held by a
/// segment when it starts inside the segment's span; a segment whose other
/// side is empty (a sentence with no counterpart) holds its figures too, so
/// they stay unlinked instead of being paired across the text.
pub fn link_in_segments(
    segments: &[(Span, Span)],
    a: &[Figure],
    b: &[Figure],
) -> Vec<(FigureId, FigureId)> {
    let (a, b) = (live_sorted(a), live_sorted(b));
    let mut a_held = vec![false; a.len()];
    let mut b_held = vec![false; b.len()];
    let mut pairs = Vec::new();
    for &(sa, sb) in segments {
        let ra = held_range(&a, sa);
        let rb = held_range(&b, sb);
        a_held[ra.clone()].iter_mut().for_each(|h| *h = true);
        b_held[rb.clone()].iter_mut().for_each(|h| *h = true);
        let (fa, fb) = (&a[ra.clone()], &b[rb.clone()]);
        pairs.extend(
            link_segment_indices(fa, fb)
                .into_iter()
                .map(|(i, j)| (fa[i].id, fb[j].id)),
        );
    }
    let rest = |fs: &[&Figure], held: &[bool]| -> Vec<Figure> {
        fs.iter()
            .zip(held)
            .filter(|(_, h)| !**h)
            .map(|(f, _)| (*f).clone())
            .collect()
    };
    pairs.extend(align_in_order(&rest(&a, &a_held), &rest(&b, &b_held)));
    pairs
}

/// The figures (sorted by start) that start inside `span`.
fn held_range(sorted: &[&Figure], span: Span) -> std::ops::Range<usize> {
    if span.is_empty() {
        return 0..0;
    }
    let from = sorted.partition_point(|f| f.span.start < span.start);
    let to = sorted.partition_point(|f| f.span.start < span.end);
    from..to.max(from)
}

/// Pairs the figures of two plain documents that translate each other:
/// their sentences aligned first ([`super::sentences::align`]), then the
/// figures inside each sentence pair ([`link_in_segments`]).
pub fn link_translation(
    a_text: &str,
    a: &[Figure],
    b_text: &str,
    b: &[Figure],
) -> Vec<(FigureId, FigureId)> {
    let beads = super::sentences::align(a_text, a, b_text, b);
    link_in_segments(&beads, a, b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Decimal, Origin, Span, Status};

    fn fig(id: i64, kind: Kind, value: i64) -> Figure {
        Figure {
            id,
            document: 1,
            span: Span::new(id as usize * 10, id as usize * 10 + 2),
            text: value.to_string(),
            kind,
            value: Some(Decimal::from(value)),
            value_max: None,
            unit: None,
            origin: Origin::manual(),
            status: Status::Unreviewed,
            reviewer: None,
            reviewed_at: None,
            note: None,
        }
    }

    #[test]
    fn pairs_in_order_and_skips_what_one_side_lacks() {
        let a = [
            fig(1, Kind::Year, 2023),
            fig(2, Kind::Count, 96),
            fig(3, Kind::Count, 46),
            fig(4, Kind::Percent, 40),
        ];
        // The translation dropped the 46 and added a 7.
        let b = [
            fig(11, Kind::Year, 2023),
            fig(12, Kind::Count, 96),
            fig(13, Kind::Count, 7),
            fig(14, Kind::Count, 8),
            fig(15, Kind::Percent, 40),
        ];
        assert_eq!(align_in_order(&a, &b), [(1, 11), (2, 12), (4, 15)]);
    }

    #[test]
    fn a_figure_translated_with_another_value_is_still_paired() {
        let a = [
            fig(1, Kind::Count, 1255),
            fig(2, Kind::Count, 493),
            fig(3, Kind::Percent, 40),
        ];
        let b = [
            fig(11, Kind::Count, 1225),
            fig(12, Kind::Count, 493),
            fig(13, Kind::Percent, 40),
        ];
        assert_eq!(align_in_order(&a, &b), [(1, 11), (2, 12), (3, 13)]);
    }

    fn with_unit(mut f: Figure, unit: &str) -> Figure {
        f.unit = Some(unit.to_string());
        f
    }

    #[test]
    fn a_segment_pairs_by_value_then_kind_and_unit_then_order() {
        let a = [
            fig(1, Kind::Date, 2022),                    // a date of 2022
            with_unit(fig(2, Kind::Count, 40), "boys"),  // translated as 41
            with_unit(fig(3, Kind::Count, 35), "girls"), // moved, same value
            fig(4, Kind::Percent, 12),                   // became a count 13
            fig(5, Kind::Year, 1999),                    // dropped
        ];
        let b = [
            with_unit(fig(11, Kind::Count, 35), "girls"),
            fig(12, Kind::Ordinal, 7),
            with_unit(fig(13, Kind::Count, 41), "boys"),
            fig(14, Kind::Year, 2022),
            fig(15, Kind::Count, 13),
        ];
        let mut pairs = link_segment(&a, &b);
        pairs.sort();
        // 2022 by value across date and year; 35 girls by value; 40 ↔ 41
        // boys by kind and unit (not the first count in order, 35);
        // 12 % ↔ 13 by order among kinds that may read alike. The year 1999
        // and the ordinal 7 are left: a moment and a position never pair.
        assert_eq!(pairs, [(1, 14), (2, 13), (3, 11), (4, 15)]);
    }

    #[test]
    fn figures_outside_every_segment_go_to_the_order_aligner() {
        let a = [fig(1, Kind::Count, 5), fig(2, Kind::Count, 6)];
        let b = [fig(11, Kind::Count, 6), fig(12, Kind::Count, 5)];
        // One segment holds the first figure of each side (spans 10..12).
        let segments = [(Span::new(10, 13), Span::new(110, 113))];
        assert_eq!(link_in_segments(&segments, &a, &b), [(1, 11), (2, 12)]);
        // An empty side holds nothing, the other side's figure stays alone.
        let one_sided = [(Span::new(10, 13), Span::new(0, 0))];
        assert_eq!(link_in_segments(&one_sided, &a, &b), [(2, 11)]);
    }

    #[test]
    fn rejected_figures_and_unequal_gaps_stay_unpaired() {
        let mut rejected = fig(2, Kind::Count, 5);
        rejected.status = Status::Rejected;
        let a = [fig(1, Kind::Count, 10), rejected, fig(3, Kind::Count, 30)];
        let b = [
            fig(11, Kind::Count, 10),
            fig(12, Kind::Count, 4),
            fig(13, Kind::Money, 9),
            fig(14, Kind::Count, 30),
        ];
        assert_eq!(align_in_order(&a, &b), [(1, 11), (3, 14)]);
        assert!(align_in_order(&[], &b).is_empty());
    }
}
