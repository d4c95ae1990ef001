//! The text around a number, shared by every stage that looks at it.

use super::chars::*;
use super::units;

/// The text around a number, looked at once and shared by the checks that
/// widen it: where the spaces after a position end and the ASCII word
/// there, where the spaces before a position begin, and the currency sign
/// or code before it. Each is kept for the last position asked about, so
/// the many checks on the same neighbours skip the same spaces only once.
pub(super) struct Look<'t> {
    pub(super) t: &'t str,
    /// `skip_hspace(t, a_from) == a_j`; `a_we`: end of the ASCII word at
    /// `a_j`, once asked for (`usize::MAX` before).
    pub(super) a_from: usize,
    pub(super) a_j: usize,
    pub(super) a_we: usize,
    /// `word_key` of that word and whether it has no capital, once asked
    /// for (`a_key_ok`).
    pub(super) a_key: u128,
    pub(super) a_lower: bool,
    pub(super) a_key_ok: bool,
    /// `skip_hspace_back(t, b_from) == b_j`.
    pub(super) b_from: usize,
    pub(super) b_j: usize,
    /// `currency_before(t, c_from) == c`.
    pub(super) c_from: usize,
    pub(super) c: Option<(usize, &'static str)>,
}

impl<'t> Look<'t> {
    pub(super) fn new(t: &'t str) -> Self {
        Look {
            t,
            a_from: usize::MAX,
            a_j: 0,
            a_we: usize::MAX,
            a_key: 0,
            a_lower: false,
            a_key_ok: false,
            b_from: usize::MAX,
            b_j: 0,
            c_from: usize::MAX,
            c: None,
        }
    }

    /// `skip_hspace(t, i)`.
    #[inline(always)]
    pub(super) fn after(&mut self, i: usize) -> usize {
        if self.a_from != i {
            self.a_from = i;
            let b = self.t.as_bytes();
            // mostly no space or one, then an ASCII byte
            self.a_j = match (b.get(i), b.get(i + 1)) {
                (Some(&x), _) if x < 0x80 && x != b' ' && x != b'\t' => i,
                (Some(b' '), Some(&y)) if y < 0x80 && y != b' ' && y != b'\t' => i + 1,
                _ => skip_hspace(self.t, i),
            };
            self.a_we = usize::MAX;
            self.a_key_ok = false;
        }
        self.a_j
    }

    /// [`Look::word_after`] and the word's key: (start, word, `word_key`,
    /// whether the word has no capital letter).
    #[inline(always)]
    pub(super) fn keyed_word_after(&mut self, i: usize) -> (usize, &'t str, u128, bool) {
        let (j, w) = self.word_after(i);
        if !self.a_key_ok {
            self.a_key = word_key(w);
            self.a_lower = word_key_lower(w).is_some();
            self.a_key_ok = true;
        }
        (j, w, self.a_key, self.a_lower)
    }

    /// `next_word(t, i)`: the start and the ASCII word after the spaces.
    #[inline(always)]
    pub(super) fn word_after(&mut self, i: usize) -> (usize, &'t str) {
        let j = self.after(i);
        if self.a_we == usize::MAX {
            self.a_we = ascii_word_end(self.t, j);
        }
        (j, self.t.get(j..self.a_we).unwrap_or(""))
    }

    /// `skip_hspace_back(t, i)`.
    #[inline(always)]
    pub(super) fn before(&mut self, i: usize) -> usize {
        if self.b_from != i {
            self.b_from = i;
            let b = self.t.as_bytes();
            // mostly one space or none after an ASCII byte, `i` on a char
            // boundary (the byte at `i` no continuation byte)
            let at_boundary = b.get(i).is_none_or(|&c| (c as i8) >= -0x40);
            self.b_j = match (
                i.checked_sub(1).and_then(|k| b.get(k)),
                i.checked_sub(2).and_then(|k| b.get(k)),
            ) {
                (Some(&x), _) if at_boundary && x < 0x80 && x != b' ' && x != b'\t' => i,
                (Some(b' '), Some(&y)) if at_boundary && y < 0x80 && y != b' ' && y != b'\t' => {
                    i - 1
                }
                _ => skip_hspace_back(self.t, i),
            };
        }
        self.b_j
    }

    /// `prev_word(t, i)`.
    #[inline(always)]
    pub(super) fn word_before(&mut self, i: usize) -> (usize, &'t str) {
        ascii_word_before(self.t, self.before(i))
    }

    /// `units::currency_before(t, i)`.
    #[inline(always)]
    pub(super) fn currency_before(&mut self, i: usize) -> Option<(usize, &'static str)> {
        if self.c_from != i {
            let j = self.before(i);
            let c = units::currency_ending_at(self.t, j);
            self.c_from = i;
            self.c = c;
            return c;
        }
        self.c
    }
}
