//! Widening a number into a figure: currency, sign, ratio, percent, range
//! and the label before it.

use rust_decimal::Decimal;

use super::chars::*;
use super::english_words::WordKind;
use super::lexicon::*;
use super::look::Look;
use super::number::{Core, any_core};
use super::units;
use crate::model::Kind;

/// A label word before `i` (English): (start, kind, unit).
pub(super) fn label_before(t: &str, i: usize) -> Option<(usize, Kind, &'static str)> {
    label_ending_at(t, skip_hspace_back(t, i))
}

/// Whether an English or Lao label stands before the number at `p`.
pub(super) fn labelled(t: &str, p: usize) -> bool {
    label_before(t, p).is_some()
        || units::LAO_ID_LABELS
            .iter()
            .any(|(w, _)| has_suffix(&t[..skip_hspace_back(t, p)], w))
}

/// [`label_before`] with the spaces skipped: `j` is `skip_hspace_back(t, i)`.
pub(super) fn label_ending_at(t: &str, mut j: usize) -> Option<(usize, Kind, &'static str)> {
    // a label ends in a letter or a `.` (`No.`); anything else is none
    if !matches!(
        j.checked_sub(1).and_then(|k| t.as_bytes().get(k)),
        Some(b'.' | b'A'..=b'Z' | b'a'..=b'z')
    ) {
        return None;
    }
    let mut dotted = false;
    if ch_before(t, j) == Some('.') {
        j -= 1;
        dotted = true;
    } else if ch_before(t, j) == Some('#') {
        return None;
    }
    let (ws, w) = ascii_word_before(t, j);
    if w.is_empty() || !w.as_bytes()[0].is_ascii_uppercase() {
        return None;
    }
    let low = Low::new(w);
    let lw = low.as_str();
    if dotted && !DOTTED_LABELS.contains(&lw) {
        return None;
    }
    if matches!(lw, "no" | "nos") && !dotted {
        return None;
    }
    if let Some(u) = units::rank_label(lw) {
        return Some((ws, Kind::Rank, u));
    }
    if let Some(u) = units::id_label(lw) {
        return Some((ws, Kind::Identifier, u));
    }
    None
}

/// `over N`, `out of N`, or (after one) `in N` after a number: a ratio,
/// valued as the quotient. Not when the second number is a year or a time
/// follows (`25 in 2021`, `2000 over 3 years`). Returns (end, value).
pub(super) fn ratio_after(lk: &mut Look, core: &Core, value: Decimal) -> Option<(usize, Decimal)> {
    let t = lk.t;
    let (j, w, wk, _) = lk.keyed_word_after(core.end);
    if j == core.end || w.len() < 2 || w.len() > 4 {
        return None;
    }
    // the word, any case, by its key
    let k = if wk == key("over") {
        j + 4
    } else if wk == key("out") {
        let (k, of) = next_word(t, j + 3);
        if !of.eq_ignore_ascii_case("of") {
            return None;
        }
        k + 2
    } else if wk == key("in") && value == Decimal::ONE {
        j + 2
    } else {
        return None;
    };
    // a part out of a whole: `12 out of 10` is two numbers
    let part = !w.eq_ignore_ascii_case("over");
    let k2 = skip_hspace(t, k);
    if k2 == k {
        return None;
    }
    let b = any_core(t, k2)?;
    if b.kind.is_some()
        || b.money.is_some()
        || b.year_shape()
        || b.value <= Decimal::ZERO
        || (part && b.value < value)
        || b.words == Some(WordKind::Vague)
        || units::time_unit_after(t, b.end).is_some()
        || units::percent_after(t, b.end).is_some()
    {
        return None;
    }
    Some((b.end, value.checked_div(b.value)?))
}
