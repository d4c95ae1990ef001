//! The one way a figure leaves the extractor: [`emit`] checks it (on
//! grapheme boundaries, not empty, after the figure before), normalises its
//! values and pushes it; [`keep`] is the same checks for a figure built
//! whole at its trigger. No figure can skip a check the others get.

use rust_decimal::Decimal;

use super::Found;

/// Result of looking at one trigger.
pub(super) struct Step {
    /// A figure was found and pushed to the output list; `skip` is its end.
    pub(super) found: bool,
    /// Where to look for the next trigger (when nothing was found, at least
    /// one char on).
    pub(super) skip: usize,
}

/// The step after a figure [`emit`] kept, ending at `e`.
#[inline]
pub(super) fn found_at(e: usize) -> Step {
    Step {
        found: true,
        skip: e,
    }
}

/// Whether `f` passes the checks every figure must pass: sorted and
/// disjoint (at or after `floor`), not empty, on grapheme boundaries.
#[inline(always)]
fn admits(t: &str, floor: usize, f: &Found) -> bool {
    f.start >= floor
        && f.end > f.start
        && f.end <= t.len()
        && boundary(t, f.start)
        && boundary(t, f.end)
}

/// Pushes `f` to `out`, its values normalised, when it [`admits`]; returns
/// its end, or `None` when it failed a check.
#[inline(always)] // the figure's fields stay in registers (through memory
// they are read back wider than written, a store-forwarding stall)
pub(super) fn emit(out: &mut Vec<Found>, t: &str, floor: usize, f: Found) -> Option<usize> {
    if !admits(t, floor, &f) {
        return None;
    }
    let end = f.end;
    out.push(Found {
        value: f.value.map(norm),
        value_max: f.value_max.map(norm),
        ..f
    });
    Some(end)
}

/// [`emit`] as a [`Step`] for a figure built whole at its trigger (dates,
/// Roman numerals, ordinal words, ຮ້ອຍລະ before a number): either way the
/// scan goes on at its end. Its values are pushed as read, not normalised:
/// all are integers but ຮ້ອຍລະ's, whose stored readings keep the scale the
/// number was written with (`ร้อยละ3,6ร้อย` is 360.0).
#[inline]
pub(super) fn keep(t: &str, out: &mut Vec<Found>, floor: usize, f: Found) -> Step {
    let end = f.end;
    let found = admits(t, floor, &f);
    if found {
        out.push(f);
    }
    Step { found, skip: end }
}

/// `v.normalize()`, without the call for a non-zero integer (which it
/// returns as it is; a zero it makes positive).
#[inline(always)]
pub(super) fn norm(v: Decimal) -> Decimal {
    if v.scale() == 0 && !v.is_zero() {
        v
    } else {
        v.normalize()
    }
}

/// A grapheme-cluster boundary: between two ASCII bytes (not CR LF) always,
/// otherwise as `crate::text` decides.
#[inline]
pub(super) fn boundary(t: &str, i: usize) -> bool {
    let b = t.as_bytes();
    if i == 0 || i == b.len() {
        return i <= b.len();
    }
    match (b.get(i - 1), b.get(i)) {
        (Some(&x), Some(&y)) if x < 0x80 && y < 0x80 => !(x == b'\r' && y == b'\n'),
        _ => crate::text::is_grapheme_boundary(t, i),
    }
}
