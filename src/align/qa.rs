//! The number check of one segment pair: every figure of the source should
//! have its counterpart in the target, with the same value.

use crate::model::{Figure, FigureId, SegmentVerdict};

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
}

/// Checks the figures of one segment's source against its target's
/// (rejected and stale figures take no part).
pub fn check_segment(source: &[Figure], target: &[Figure]) -> SegmentCheck {
    let pairs = super::align_in_order(source, target);
    let by_id = |fs: &[Figure], id| fs.iter().find(|f| f.id == id).cloned();
    let mut out = SegmentCheck::default();
    for &(a, b) in &pairs {
        let (Some(x), Some(y)) = (by_id(source, a), by_id(target, b)) else {
            continue;
        };
        if x.value == y.value && x.value_max == y.value_max {
            out.matched.push((a, b));
        } else {
            out.mismatched.push((a, b));
        }
    }
    let live = |f: &&Figure| {
        !matches!(
            f.status,
            crate::model::Status::Rejected | crate::model::Status::Stale
        )
    };
    out.missing = source
        .iter()
        .filter(live)
        .map(|f| f.id)
        .filter(|id| !pairs.iter().any(|p| p.0 == *id))
        .collect();
    out.extra = target
        .iter()
        .filter(live)
        .map(|f| f.id)
        .filter(|id| !pairs.iter().any(|p| p.1 == *id))
        .collect();
    out
}
