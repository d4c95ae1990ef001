//! Span agreement: how far two annotators' figure sets cover the same text.

use std::ops::Range;

/// Two annotators' figures in one or more documents, matched as
/// `../shared/tools/score_figures.py` matches gold and predictions: spans
/// that overlap pair up, the largest overlap first, each figure at most once;
/// a pair is exact when start and end are equal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpanCounts {
    /// Figures of the first annotator, and of the second.
    pub first: usize,
    pub second: usize,
    /// Pairs that overlap, and those of them with equal spans.
    pub overlapping: usize,
    pub exact: usize,
}

impl SpanCounts {
    /// Matches the spans of one document (code points, end exclusive).
    pub fn of_document(first: &[Range<usize>], second: &[Range<usize>]) -> SpanCounts {
        // The second annotator's spans by start, for the overlap sweep: a
        // figure's span is short, so those overlapping one of the first
        // annotator's start at most the longest span's length before it.
        let mut order: Vec<usize> = (0..second.len()).collect();
        order.sort_by_key(|&j| second[j].start);
        let longest = second.iter().map(|s| s.len()).max().unwrap_or(0);
        let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
        for (i, a) in first.iter().enumerate() {
            let from = order.partition_point(|&j| second[j].start + longest <= a.start);
            for &j in order[from..]
                .iter()
                .take_while(|&&j| second[j].start < a.end)
            {
                let b = &second[j];
                let overlap = a.end.min(b.end).saturating_sub(a.start.max(b.start));
                if overlap > 0 {
                    pairs.push((overlap, i, j));
                }
            }
        }
        // The scorer's order: overlap, then position in each list, largest first.
        pairs.sort_unstable_by(|x, y| y.cmp(x));
        let (mut used_first, mut used_second) =
            (vec![false; first.len()], vec![false; second.len()]);
        let mut counts = SpanCounts {
            first: first.len(),
            second: second.len(),
            ..SpanCounts::default()
        };
        for (_, i, j) in pairs {
            if used_first[i] || used_second[j] {
                continue;
            }
            used_first[i] = true;
            used_second[j] = true;
            counts.overlapping += 1;
            counts.exact += usize::from(first[i] == second[j]);
        }
        counts
    }

    /// Adds another document's counts.
    pub fn add(&mut self, other: SpanCounts) {
        self.first += other.first;
        self.second += other.second;
        self.overlapping += other.overlapping;
        self.exact += other.exact;
    }

    /// F1 of the overlapping pairs: 2m / (first + second), the harmonic mean
    /// of the two ways round. `None` when neither annotator has a figure.
    pub fn overlap_f1(&self) -> Option<f64> {
        self.f1(self.overlapping)
    }

    /// F1 of the exact pairs, likewise.
    pub fn exact_f1(&self) -> Option<f64> {
        self.f1(self.exact)
    }

    fn f1(&self, matched: usize) -> Option<f64> {
        let all = self.first + self.second;
        (all > 0).then(|| 2.0 * matched as f64 / all as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// First: 0..4, 10..15, 20..22, 40..45. Second: 0..4 (exact), 11..15
    /// (overlaps 10..15 by 4), 12..16 (overlaps it by 3: left over), 30..31.
    /// Overlapping 2, exact 1, of 4 + 4 figures: F1 4/8 and 2/8.
    #[test]
    fn pairs_by_largest_overlap_each_figure_once() {
        let first = [0..4, 10..15, 20..22, 40..45];
        let second = [12..16, 0..4, 30..31, 11..15];
        let c = SpanCounts::of_document(&first, &second);
        assert_eq!(
            c,
            SpanCounts {
                first: 4,
                second: 4,
                overlapping: 2,
                exact: 1
            }
        );
        assert_eq!(c.overlap_f1(), Some(0.5));
        assert_eq!(c.exact_f1(), Some(0.25));
    }

    /// A long span of the second annotator still meets the first's spans
    /// that start well after it does.
    #[test]
    fn long_spans_are_not_missed_by_the_sweep() {
        let first = [50..52, 90..95];
        let second = [0..3, 40..100];
        let c = SpanCounts::of_document(&first, &second);
        assert_eq!((c.overlapping, c.exact), (1, 0));
        let mut all = c;
        all.add(SpanCounts::of_document(&[], &[]));
        assert_eq!(all, c);
        assert_eq!(SpanCounts::default().overlap_f1(), None);
        assert_eq!(
            SpanCounts::of_document(&first[..1], &[]).overlap_f1(),
            Some(0.0)
        );
    }
}
