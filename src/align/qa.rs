//! The number check of one segment pair: every figure of the source should
//! have its counterpart in the target, with the same value.
//!
//! Values compare exactly, as the extractor reads them: it already turns
//! `3,6 ລ້ານ`, `3.6 million`, `໓.໖ ລ້ານ` and `ສາມລ້ານຫົກແສນ` into one decimal, so the
//! check never looks at digit strings, scripts or separators, only at
//! values — which is what digit-string QA tools cannot do on Lao.

use crate::model::{Figure, FigureId, Kind, SegmentVerdict};

/// What the check of one segment pair found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SegmentCheck {
    /// Pairs of figures (source, target) with the same value.
    pub matched: Vec<(FigureId, FigureId)>,
    /// Pairs that answer each other but state different values.
    pub mismatched: Vec<(FigureId, FigureId)>,
    /// Source figures with no counterpart.
    pub missing: Vec<FigureId>,
    /// Target figures with no counterpart.
    pub extra: Vec<FigureId>,
}

impl SegmentCheck {
    /// The gravest finding: a mismatch, then a missing figure, then an extra one.
    pub fn verdict(&self) -> SegmentVerdict {
        if !self.mismatched.is_empty() {
            SegmentVerdict::Mismatch
        } else if !self.missing.is_empty() {
            SegmentVerdict::Missing
        } else if !self.extra.is_empty() {
            SegmentVerdict::Extra
        } else {
            SegmentVerdict::Ok
        }
    }

    /// Whether the segment needs a reviewer's eye.
    pub fn is_flagged(&self) -> bool {
        self.verdict() != SegmentVerdict::Ok
    }
}

/// Checks the figures of one segment's source against its target's
/// (rejected and stale figures take no part).
///
/// Figures are paired by [`super::figures::link_segment`] (value, then kind
/// and unit, then order among kinds that may read alike), so a figure
/// translated with another value is one *mismatch*, not a missing figure
/// plus an extra one.
pub fn check_segment(source: &[Figure], target: &[Figure]) -> SegmentCheck {
    let live_source = super::figures::live_sorted(source);
    let live_target = super::figures::live_sorted(target);
    let pairs = super::figures::link_segment_indices(&live_source, &live_target);
    let mut out = SegmentCheck::default();
    let mut source_paired = vec![false; live_source.len()];
    let mut target_paired = vec![false; live_target.len()];
    for (i, j) in pairs {
        let (x, y) = (live_source[i], live_target[j]);
        source_paired[i] = true;
        target_paired[j] = true;
        if same_value(x, y) {
            out.matched.push((x.id, y.id));
        } else {
            out.mismatched.push((x.id, y.id));
        }
    }
    out.missing = unpaired_ids(&live_source, &source_paired);
    out.extra = unpaired_ids(&live_target, &target_paired);
    out
}

fn unpaired_ids(figures: &[&Figure], paired: &[bool]) -> Vec<FigureId> {
    figures
        .iter()
        .zip(paired)
        .filter(|(_, p)| !**p)
        .map(|(f, _)| f.id)
        .collect()
}

/// The one rule for "these two figures state the same thing": equal values
/// (both ends of a range), and kinds that may read alike.
///
/// Exact decimal equality, so `65.5 million` = `65,5 ລ້ານ` (both 65 500 000)
/// and `1,255` = `1.255` when the extractor read both as 1255. A year and a
/// date of that year compare equal because the extractor gives a date the
/// value of its year. Two figures the extractor could not value (None) are
/// the same only when their texts are.
pub fn same_value(a: &Figure, b: &Figure) -> bool {
    if !kinds_may_read_alike(a.kind, b.kind) && !year_read_on_one_side(a.kind, b.kind) {
        return false;
    }
    match (a.value, b.value) {
        (Some(x), Some(y)) => x == y && a.value_max == b.value_max,
        (None, None) => a.text.trim() == b.text.trim(),
        _ => false,
    }
}

/// Kinds a translation may give one figure: a date on one side is often a
/// bare year on the other; a count, an amount, a share or a length may lose
/// its unit word (`40 ສ່ວນຮ້ອຍ` is read as a count of 40 today, `40%` as a
/// percent); `Tier 2` and `ກຸ່ມທີ 2` are an identifier and an ordinal. Only
/// moments and quantities never read alike: a year is not 2 023 people.
pub fn kinds_may_read_alike(x: Kind, y: Kind) -> bool {
    x == y
        || kind_family(x) == kind_family(y)
        || is_position(x) && y == Kind::Count
        || is_position(y) && x == Kind::Count
}

/// A whole number in the range of years that one side's reading took for a
/// year and the other for a quantity (`1393 ຄົນ` read as a year, `1393
/// children` as a count): when the values are equal the number was carried
/// over as written, and only its reading differs — no translation error.
/// Only for equal values: a year is never paired with another number.
fn year_read_on_one_side(x: Kind, y: Kind) -> bool {
    let quantity = |k| kind_family(k) == 2;
    (x == Kind::Year && quantity(y)) || (y == Kind::Year && quantity(x))
}

/// Moments, positions (which one), quantities (how many, how much, how long).
pub(crate) fn kind_family(k: Kind) -> u8 {
    match k {
        Kind::Year | Kind::Date => 0,
        Kind::Ordinal | Kind::Rank | Kind::Identifier => 1,
        Kind::Count | Kind::Money | Kind::Percent | Kind::Duration | Kind::Other => 2,
    }
}

fn is_position(k: Kind) -> bool {
    kind_family(k) == 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Decimal, Origin, Span, Status};

    fn fig(id: i64, kind: Kind, value: i64, unit: Option<&str>) -> Figure {
        Figure {
            id,
            document: 1,
            span: Span::new(id as usize * 10, id as usize * 10 + 2),
            text: value.to_string(),
            kind,
            value: Some(Decimal::from(value)),
            value_max: None,
            unit: unit.map(str::to_string),
            origin: Origin::manual(),
            status: Status::Unreviewed,
            reviewer: None,
            reviewed_at: None,
            note: None,
        }
    }

    #[test]
    fn a_changed_value_is_one_mismatch_not_missing_plus_extra() {
        let src = [fig(1, Kind::Count, 1255, Some("people"))];
        let tgt = [fig(11, Kind::Count, 1525, Some("people"))];
        let check = check_segment(&src, &tgt);
        assert_eq!(check.mismatched, [(1, 11)]);
        assert!(check.missing.is_empty() && check.extra.is_empty());
        assert_eq!(check.verdict(), SegmentVerdict::Mismatch);
    }

    #[test]
    fn a_year_and_a_count_never_pair_up() {
        let src = [fig(1, Kind::Year, 2021, None)];
        let tgt = [fig(11, Kind::Count, 7, None)];
        let check = check_segment(&src, &tgt);
        assert_eq!((check.missing, check.extra), (vec![1], vec![11]));
        assert_eq!(check_segment(&src, &[]).verdict(), SegmentVerdict::Missing);
        assert_eq!(check_segment(&[], &tgt).verdict(), SegmentVerdict::Extra);
    }

    #[test]
    fn the_same_number_read_as_a_year_on_one_side_is_no_problem() {
        let src = [fig(1, Kind::Year, 1393, None)];
        let tgt = [fig(11, Kind::Count, 1393, Some("children"))];
        let check = check_segment(&src, &tgt);
        assert_eq!(check.matched, [(1, 11)]);
        assert_eq!(check.verdict(), SegmentVerdict::Ok);
        // Another number is still no partner of a year.
        let other = [fig(12, Kind::Count, 1394, Some("children"))];
        assert_eq!(
            check_segment(&src, &other).verdict(),
            SegmentVerdict::Missing
        );
    }

    #[test]
    fn ranges_compare_both_ends() {
        let mut a = fig(1, Kind::Duration, 10, Some("years"));
        let mut b = fig(11, Kind::Duration, 10, Some("years"));
        a.value_max = Some(Decimal::from(15));
        assert!(!same_value(&a, &b));
        b.value_max = Some(Decimal::from(15));
        assert!(same_value(&a, &b));
    }
}
