//! Pairs the figures of a document with those of its translation: inside
//! aligned segments when there are any, else in order over the whole text.
//!
//! A translation keeps its figures in about the same order, so figures are
//! matched in order: each one to the next figure of the same kind and value
//! a few places ahead at most (words can move within a sentence, and one
//! side may have a figure the other lacks). Between two matched pairs, when
//! both sides left the same number of figures unmatched and their kinds
//! agree one by one, those are paired too: the same figure, translated with
//! another value, which is exactly what a reviewer must see.

use crate::model::{Figure, FigureId, Kind, Span, Status};

/// How far ahead a figure's match may sit on the other side.
const WINDOW: usize = 6;

/// Pairs (a, b) of figures that answer each other, in document order.
/// Rejected and stale figures take no part.
pub fn align_in_order(a: &[Figure], b: &[Figure]) -> Vec<(FigureId, FigureId)> {
    let live = |fs: &[Figure]| -> Vec<Figure> {
        let mut v: Vec<Figure> = fs
            .iter()
            .filter(|f| !matches!(f.status, Status::Rejected | Status::Stale))
            .cloned()
            .collect();
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

/// Pairs figures inside each aligned segment pair (`(a, b)` spans in code
/// points of the two documents), then, in order, those no segment holds.
pub fn link_in_segments(
    segments: &[(Span, Span)],
    a: &[Figure],
    b: &[Figure],
) -> Vec<(FigureId, FigureId)> {
    let inside = |fs: &[Figure], s: Span| -> Vec<Figure> {
        fs.iter()
            .filter(|f| f.span.start >= s.start && f.span.end <= s.end)
            .cloned()
            .collect()
    };
    let mut pairs = Vec::new();
    for &(sa, sb) in segments {
        pairs.extend(align_in_order(&inside(a, sa), &inside(b, sb)));
    }
    let held = |f: &Figure, side: fn(&(Span, Span)) -> Span| {
        segments
            .iter()
            .any(|s| f.span.start >= side(s).start && f.span.end <= side(s).end)
    };
    let rest_a: Vec<Figure> = a.iter().filter(|f| !held(f, |s| s.0)).cloned().collect();
    let rest_b: Vec<Figure> = b.iter().filter(|f| !held(f, |s| s.1)).cloned().collect();
    pairs.extend(align_in_order(&rest_a, &rest_b));
    pairs
}

/// Pairs the figures of two plain documents that translate each other:
/// their sentences aligned first ([`super::sentences::align`]), then the
/// figures inside each sentence pair.
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
    use crate::model::{Decimal, Origin, Span};

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
