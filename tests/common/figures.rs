//! What the extractor finds, in a form tests can compare at a glance.

use std::str::FromStr;

use tualek::extract::extract;
use tualek::model::{Decimal, Kind};
use tualek::text::is_grapheme_boundary;

/// (text, kind, value, value_max, unit) of one figure.
pub type Fig = (
    String,
    Kind,
    Option<Decimal>,
    Option<Decimal>,
    Option<String>,
);

pub fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// Every figure of `t`, each checked to lie on grapheme-cluster boundaries.
pub fn figs(t: &str) -> Vec<Fig> {
    extract(t)
        .into_iter()
        .map(|f| {
            assert!(
                is_grapheme_boundary(t, f.start) && is_grapheme_boundary(t, f.end),
                "{t:?}"
            );
            (
                t[f.start..f.end].to_string(),
                f.kind,
                f.value,
                f.value_max,
                f.unit,
            )
        })
        .collect()
}

/// The one figure of `t`.
pub fn one(t: &str) -> Fig {
    let v = figs(t);
    assert_eq!(v.len(), 1, "{t:?} gave {v:?}");
    v.into_iter().next().unwrap()
}

/// The texts of the figures of `t`.
pub fn texts(t: &str) -> Vec<String> {
    figs(t).into_iter().map(|f| f.0).collect()
}
