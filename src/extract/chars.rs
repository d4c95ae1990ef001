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

/// End of the ASCII-letter word starting at `i` (== `i` when none).
pub(crate) fn ascii_word_end(t: &str, i: usize) -> usize {
    let b = t.as_bytes();
    let mut j = i;
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
pub(crate) fn ascii_word_before(t: &str, i: usize) -> (usize, &str) {
    let b = t.as_bytes();
    let mut j = i.min(b.len());
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

#[inline]

/// Whether Lao script stands within a few chars after `i` on the same line.
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
    let b = w.as_bytes();
    if b.len() > 16 {
        return u128::MAX;
    }
    // byte by byte: the words are short, and a variable-length copy would
    // cost a call
    let mut k = 0u128;
    for (i, &c) in b.iter().enumerate() {
        k |= (c.to_ascii_lowercase() as u128) << (8 * i);
    }
    k
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

/// A fixed map from words (any case) to values, sorted by [`key`] at
/// compile time and searched by halves: no string comparison at run time.
pub(crate) struct WordMap<V: Copy + 'static, const N: usize> {
    keys: [u128; N],
    vals: [V; N],
}

impl<V: Copy + 'static, const N: usize> WordMap<V, N> {
    /// Builds the map; a word listed twice keeps its first value.
    pub(crate) const fn new(words: [(&str, V); N]) -> Self {
        let mut keys = [0u128; N];
        let mut vals = [words[0].1; N];
        let mut i = 0;
        while i < N {
            keys[i] = key(words[i].0);
            vals[i] = words[i].1;
            i += 1;
        }
        // insertion sort, stable: the first of equal keys stays first
        let mut i = 1;
        while i < N {
            let mut j = i;
            while j > 0 && keys[j - 1] > keys[j] {
                let (k, v) = (keys[j - 1], vals[j - 1]);
                keys[j - 1] = keys[j];
                vals[j - 1] = vals[j];
                keys[j] = k;
                vals[j] = v;
                j -= 1;
            }
            i += 1;
        }
        WordMap { keys, vals }
    }

    /// The value of the word whose key is `k`.
    #[inline]
    pub(crate) fn get_key(&self, k: u128) -> Option<V> {
        // the first of equal keys
        let i = self.keys.partition_point(|&x| x < k);
        (i < N && self.keys[i] == k).then(|| self.vals[i])
    }

    /// The value of `w` (any case).
    #[inline]
    pub(crate) fn get(&self, w: &str) -> Option<V> {
        self.get_key(word_key(w))
    }

    /// The value of `w` as written (for maps of lower-case words).
    #[inline]
    pub(crate) fn get_exact(&self, w: &str) -> Option<V> {
        if w.bytes().any(|b| b.is_ascii_uppercase()) {
            return None;
        }
        self.get(w)
    }
}
