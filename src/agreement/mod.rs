//! How far annotators agree: chance-corrected coefficients over their labels.
//!
//! Pure, like `extract`: ratings in, numbers out. The formulas are the ones
//! the reference implementations on PyPI compute (`sklearn.metrics.
//! cohen_kappa_score`, `statsmodels.stats.inter_rater.fleiss_kappa`, the
//! `krippendorff` package), so a team can check Tualek's numbers with them.
//! A coefficient that is undefined (no items, or chance agreement already
//! perfect) is `None`, where those libraries answer NaN.

mod coefficients;
mod spans;

pub use coefficients::{Level, cohen_kappa, fleiss_kappa, krippendorff_alpha};
pub use spans::SpanCounts;
