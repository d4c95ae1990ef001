//! Small, panic-free helpers for walking a `&str` by byte offset.
//!
//! Every function takes byte offsets that the caller got from this module or
//! from a match, and uses `str::get`, so a stray offset yields `None` rather
//! than a panic: the extractor must never panic on any input.

/// The char starting at byte `i`.
#[inline]
pub(crate) fn ch(t: &str, i: usize) -> Option<char> {
    // ASCII first: one byte, and always a char boundary
    match t.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(b as char),
        None => None,
        _ => t.get(i..)?.chars().next(),
    }
}

/// The char ending at byte `i`.
#[inline]
pub(crate) fn ch_before(t: &str, i: usize) -> Option<char> {
    let b = t.as_bytes();
    if i == 0 || i > b.len() {
        return None;
    }
    // ASCII first, when `i` is a char boundary (the byte at `i` is no
    // continuation byte)
    let p = b[i - 1];
    if p < 0x80 && b.get(i).is_none_or(|&c| (c as i8) >= -0x40) {
        return Some(p as char);
    }
    t.get(..i)?.chars().next_back()
}

/// Horizontal space, including the invisible ones Lao text carries (U+200B).
#[inline]
pub(crate) fn is_hspace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{a0}' | '\u{200b}' | '\u{202f}' | '\u{2009}' | '\u{2007}' | '\u{2060}'
    )
}

/// Skips horizontal space forwards.
pub(crate) fn skip_hspace(t: &str, mut i: usize) -> usize {
    let b = t.as_bytes();
    // ASCII first: spaces and tabs, and any other ASCII byte ends the run
    while let Some(&x) = b.get(i) {
        match x {
            b' ' | b'\t' => i += 1,
            0..0x80 => return i,
            _ => break,
        }
    }
    while let Some(c) = ch(t, i) {
        if !is_hspace(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// Skips horizontal space backwards.
pub(crate) fn skip_hspace_back(t: &str, mut i: usize) -> usize {
    let b = t.as_bytes();
    if i > b.len() || !t.is_char_boundary(i) {
        return i;
    }
    while i > 0 {
        match b[i - 1] {
            b' ' | b'\t' => i -= 1,
            0..0x80 => return i,
            _ => break,
        }
    }
    while let Some(c) = ch_before(t, i) {
        if !is_hspace(c) {
            break;
        }
        i -= c.len_utf8();
    }
    i
}

/// Skips only U+200B and friends (invisible, never a word break to a reader).
pub(crate) fn skip_invisible(t: &str, mut i: usize) -> usize {
    while let Some(c) = ch(t, i) {
        if !matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}') {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// Skips U+200B and friends backwards, as [`skip_invisible`].
pub(crate) fn skip_invisible_back(t: &str, mut i: usize) -> usize {
    while let Some(c) = ch_before(t, i) {
        if !matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}') {
            break;
        }
        i -= c.len_utf8();
    }
    i
}

/// High bit of each byte of `x` (eight bytes of text) that is no ASCII
/// letter.
#[inline]
fn non_letters(x: u64) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // case-folded, seven low bits: bit 7 set when ≥ `a`, when > `z`
    let h = (x | 0x2020_2020_2020_2020) & LOW7;
    let ge_a = h + 0x1F1F_1F1F_1F1F_1F1F;
    let gt_z = h + 0x0505_0505_0505_0505;
    let letter = ge_a & !gt_z & !x & HIGH;
    !letter & HIGH
}

/// End of the ASCII-letter word starting at `i` (== `i` when none).
#[inline]
pub(crate) fn ascii_word_end(t: &str, i: usize) -> usize {
    let b = t.as_bytes();
    let mut j = i;
    // eight bytes at a time: no branch on each letter, whose last one
    // (words differ in length) would be mispredicted
    while let Some(x) = b.get(j..j + 8).and_then(|c| c.try_into().ok()) {
        let nl = non_letters(u64::from_le_bytes(x));
        if nl != 0 {
            return j + (nl.trailing_zeros() / 8) as usize;
        }
        j += 8;
    }
    while j < b.len() && b[j].is_ascii_alphabetic() {
        j += 1;
    }
    j
}

/// The ASCII-letter word starting at `i` (may be empty).
pub(crate) fn ascii_word_at(t: &str, i: usize) -> &str {
    t.get(i..ascii_word_end(t, i)).unwrap_or("")
}

/// The ASCII-letter word ending at `i`: (start, word).
#[inline]
pub(crate) fn ascii_word_before(t: &str, i: usize) -> (usize, &str) {
    let b = t.as_bytes();
    let mut j = i.min(b.len());
    // eight bytes at a time, as in `ascii_word_end`
    while let Some(x) = j
        .checked_sub(8)
        .and_then(|s| b.get(s..j))
        .and_then(|c| c.try_into().ok())
    {
        let nl = non_letters(u64::from_le_bytes(x));
        if nl != 0 {
            j -= (nl.leading_zeros() / 8) as usize;
            return (j, t.get(j..i).unwrap_or(""));
        }
        j -= 8;
    }
    while j > 0 && b[j - 1].is_ascii_alphabetic() {
        j -= 1;
    }
    (j, t.get(j..i).unwrap_or(""))
}

/// The previous ASCII word, skipping horizontal space: (start, word).
pub(crate) fn prev_word(t: &str, i: usize) -> (usize, &str) {
    ascii_word_before(t, skip_hspace_back(t, i))
}

/// The next ASCII word, skipping horizontal space: (start, word).
pub(crate) fn next_word(t: &str, i: usize) -> (usize, &str) {
    let s = skip_hspace(t, i);
    (s, ascii_word_at(t, s))
}

/// `hay.starts_with(w)`, testing two bytes of `w` (its last and middle one)
/// before comparing all of it: table words mostly differ there, and the
/// whole comparison is a `memcmp` call.
#[inline]
pub(crate) fn has_prefix(hay: &str, w: &str) -> bool {
    let (h, w) = (hay.as_bytes(), w.as_bytes());
    let n = w.len();
    n <= h.len() && (n == 0 || (h[n - 1] == w[n - 1] && h[n / 2] == w[n / 2])) && h[..n] == *w
}

/// `hay.ends_with(w)`, as [`has_prefix`].
#[inline]
pub(crate) fn has_suffix(hay: &str, w: &str) -> bool {
    let (h, w) = (hay.as_bytes(), w.as_bytes());
    let n = w.len();
    if n > h.len() {
        return false;
    }
    let s = h.len() - n;
    (n == 0 || (h[s + n - 1] == w[n - 1] && h[s + n / 2] == w[n / 2])) && h[s..] == *w
}

/// Whether the text at `i` starts with `w`, ASCII case-insensitively.
pub(crate) fn starts_ci(t: &str, i: usize, w: &str) -> bool {
    t.as_bytes()
        .get(i..i + w.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(w.as_bytes()))
}

/// ASCII letter or digit: glue that makes a number part of a name.
#[inline]
pub(crate) fn is_ascii_alnum(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric())
}

/// Lao script letters, vowels and marks (not the Lao digits).
#[inline]
pub(crate) fn is_lao(c: char) -> bool {
    ('\u{0E80}'..='\u{0EFF}').contains(&c) && !('\u{0ED0}'..='\u{0ED9}').contains(&c)
}

/// Whether Lao script stands within a few chars after `i` on the same line.
#[inline]
pub(crate) fn lao_near(t: &str, i: usize) -> bool {
    let s = skip_hspace(t, i);
    ch(t, s).is_some_and(is_lao) || ch_before(t, skip_hspace_back(t, i)).is_some_and(is_lao)
}

/// A short ASCII word lower-cased on the stack: lets hot paths `match` on a
/// word without allocating. A word longer than 24 bytes reads as `#`, which
/// equals no word (nor the empty one) that callers compare with.
#[derive(Clone, Copy)]
pub(crate) struct Low {
    buf: [u8; 24],
    len: u8,
}

impl Low {
    pub(crate) fn new(w: &str) -> Low {
        let mut l = Low {
            buf: [0; 24],
            len: 0,
        };
        if w.len() <= 24 {
            for (k, c) in w.bytes().enumerate() {
                l.buf[k] = c.to_ascii_lowercase();
            }
            l.len = w.len() as u8;
        } else {
            l.buf[0] = b'#';
            l.len = 1;
        }
        l
    }

    pub(crate) fn as_str(&self) -> &str {
        // SAFETY: `buf[..len]` is a whole `&str` with its ASCII letters
        // lower-cased (or empty), which is still valid UTF-8.
        unsafe { std::str::from_utf8_unchecked(&self.buf[..self.len as usize]) }
    }
}

/// Whether a Lao or Thai character (bytes 0xE0 0xB8–0xBB) starts at `i`.
#[inline]
pub(crate) fn lao_thai_at(t: &str, i: usize) -> bool {
    let b = t.as_bytes();
    b.get(i) == Some(&0xE0) && b.get(i + 1).is_some_and(|c| (0xB8..=0xBB).contains(c))
}

/// Whether a Lao or Thai character ends at `i`.
#[inline]
pub(crate) fn lao_thai_before(t: &str, i: usize) -> bool {
    i >= 3 && lao_thai_at(t, i - 3)
}

/// A word of at most 16 bytes, ASCII-lower-cased and packed into an integer
/// (its bytes little-endian, zero-padded): hot paths compare words as
/// integers instead of strings. A longer word gives `u128::MAX`, which no
/// [`key`] equals.
#[inline]
pub(crate) fn word_key(w: &str) -> u128 {
    match raw_key(w) {
        Some((lo, hi)) => (ascii_lower(lo) as u128) | (ascii_lower(hi) as u128) << 64,
        None => u128::MAX,
    }
}

/// [`word_key`] of a word with no capital letter; `None` when `w` has one
/// or is longer than 16 bytes (for maps of lower-case words looked up as
/// written: such a word is in none).
#[inline]
pub(crate) fn word_key_lower(w: &str) -> Option<u128> {
    let (lo, hi) = raw_key(w)?;
    (ascii_lower(lo) == lo && ascii_lower(hi) == hi).then_some(lo as u128 | (hi as u128) << 64)
}

/// The bytes of `w` (at most 16), little-endian, zero-padded, as two
/// halves; `None` when longer.
#[inline]
fn raw_key(w: &str) -> Option<(u64, u64)> {
    let b = w.as_bytes();
    let n = b.len();
    // the bytes, little-endian, by at most two (overlapping) loads: no loop
    // and no variable-length copy
    let u64_at = |i: usize| {
        let mut x = [0u8; 8];
        x.copy_from_slice(&b[i..i + 8]);
        u64::from_le_bytes(x)
    };
    let u32_at = |i: usize| {
        let mut x = [0u8; 4];
        x.copy_from_slice(&b[i..i + 4]);
        u32::from_le_bytes(x) as u64
    };
    Some(match n {
        0 => (0, 0),
        1..=3 => {
            let x = b[0] as u64
                | (b[n / 2] as u64) << (8 * (n / 2))
                | (b[n - 1] as u64) << (8 * (n - 1));
            (x, 0)
        }
        4..=8 => (u32_at(0) | u32_at(n - 4) << (8 * (n - 4)), 0),
        9..=16 => {
            // the second load covers bytes n - 8 .. n: shifted into place,
            // its part at or past byte 8 is the high half
            let tail = u64_at(n - 8);
            let sh = 8 * (n - 8) as u32;
            let lo = u64_at(0) | tail.checked_shl(sh).unwrap_or(0);
            let hi = if sh == 0 { 0 } else { tail >> (64 - sh) };
            (lo, hi)
        }
        _ => return None,
    })
}

/// Each byte of `x` that is an ASCII capital, lower-cased; others as they
/// are.
#[inline]
fn ascii_lower(x: u64) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let h = x & LOW7;
    // bit 7 of each byte: its low seven bits are ≥ `A`, > `Z`
    let ge_a = h + 0x3F3F_3F3F_3F3F_3F3F;
    let gt_z = h + 0x2525_2525_2525_2525;
    let upper = ge_a & !gt_z & !x & HIGH;
    x | (upper >> 2)
}

/// [`word_key`] of a literal, at compile time (at most 16 bytes).
pub(crate) const fn key(w: &str) -> u128 {
    let b = w.as_bytes();
    assert!(b.len() <= 16, "word keys hold at most 16 bytes");
    let mut k = 0u128;
    let mut i = 0;
    while i < b.len() {
        k |= (b[i].to_ascii_lowercase() as u128) << (8 * i);
        i += 1;
    }
    k
}

/// Slots of a [`WordMap`]'s hash index (a power of two, more than twice
/// the largest map).
const SLOTS: usize = 256;

/// The index slot of a word key.
#[inline]
const fn key_slot(k: u128) -> usize {
    let x = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOTS.trailing_zeros())) as usize
}

/// A fixed map from words (any case) to values, built at compile time: a
/// hash index of [`SLOTS`] bytes over the keys ([`key`]), probed linearly,
/// so most words that are not in the map are turned away by one byte.
pub(crate) struct WordMap<V: Copy + 'static, const N: usize> {
    keys: [u128; N],
    vals: [V; N],
    /// Entry number + 1 by slot; 0 is an empty slot.
    index: [u8; SLOTS],
}

impl<V: Copy + 'static, const N: usize> WordMap<V, N> {
    /// Builds the map; a word listed twice keeps its first value.
    pub(crate) const fn new(words: [(&str, V); N]) -> Self {
        // Under half the slots, so an entry number + 1 always fits a u8.
        assert!(N < SLOTS / 2, "WordMap: too many words");
        let mut keys = [0u128; N];
        let mut vals = [words[0].1; N];
        let mut index = [0u8; SLOTS];
        let mut i = 0;
        while i < N {
            keys[i] = key(words[i].0);
            vals[i] = words[i].1;
            let mut s = key_slot(keys[i]);
            loop {
                let e = index[s] as usize;
                if e == 0 {
                    index[s] = (i + 1) as u8;
                    break;
                }
                if keys[e - 1] == keys[i] {
                    break; // listed before: the first value stays
                }
                s = (s + 1) % SLOTS;
            }
            i += 1;
        }
        WordMap { keys, vals, index }
    }

    /// The value of the word whose key is `k`.
    #[inline]
    pub(crate) fn get_key(&self, k: u128) -> Option<V> {
        let mut s = key_slot(k);
        loop {
            let e = self.index[s] as usize;
            if e == 0 {
                return None;
            }
            // `e - 1 < N` by construction; `get` keeps it panic-free
            if self.keys.get(e - 1) == Some(&k) {
                return self.vals.get(e - 1).copied();
            }
            s = (s + 1) % SLOTS;
        }
    }

    /// The value of `w` (any case).
    #[inline]
    pub(crate) fn get(&self, w: &str) -> Option<V> {
        self.get_key(word_key(w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The loads and the lower-casing of [`word_key`] agree with the byte
    /// loop of [`key`] for every length and byte kind.
    #[test]
    fn word_key_matches_byte_loop() {
        let slow = |w: &str| {
            let mut k = 0u128;
            for (i, c) in w.bytes().enumerate() {
                k |= (c.to_ascii_lowercase() as u128) << (8 * i);
            }
            k
        };
        let pool = "aZ@[`{AzMmQ0 9-é\u{7f}";
        let chars: Vec<char> = pool.chars().collect();
        let mut seed = 7u32;
        for _ in 0..20000 {
            let mut w = String::new();
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let len = (seed >> 16) as usize % 18;
            while w.len() < len {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                w.push(chars[(seed >> 16) as usize % chars.len()]);
            }
            let want = if w.len() > 16 { u128::MAX } else { slow(&w) };
            assert_eq!(word_key(&w), want, "{w:?}");
        }
        assert_eq!(word_key("Hundred"), key("hundred"));
        assert_eq!(word_key_lower("hundred"), Some(key("hundred")));
        assert_eq!(word_key_lower("hundreD"), None);
        assert_eq!(word_key_lower("a-b é"), Some(word_key("a-b é")));
        assert_eq!(word_key_lower(""), Some(0));
    }

    /// The eight-byte word scans agree with byte loops.
    #[test]
    fn word_scans_match_byte_loops() {
        let pool = [
            "a", "Z", "@", "[", "`", "{", " ", "é", "9", "z", "A", "ສ", "\u{7f}", "-",
        ];
        let mut seed = 11u32;
        for _ in 0..5000 {
            let mut w = String::new();
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let len = (seed >> 16) as usize % 40;
            for _ in 0..len {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                w.push_str(pool[(seed >> 16) as usize % pool.len()]);
            }
            let b = w.as_bytes();
            for i in 0..=b.len() {
                let mut e = i;
                while e < b.len() && b[e].is_ascii_alphabetic() {
                    e += 1;
                }
                assert_eq!(ascii_word_end(&w, i), e, "{w:?} {i}");
                let mut s = i;
                while s > 0 && b[s - 1].is_ascii_alphabetic() {
                    s -= 1;
                }
                if w.is_char_boundary(i) {
                    assert_eq!(ascii_word_before(&w, i), (s, &w[s..i]), "{w:?} {i}");
                }
            }
        }
        assert_eq!(word_key(""), 0);
    }
}
