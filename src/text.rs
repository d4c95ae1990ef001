//! Offsets: code points at the boundaries, bytes inside, and grapheme clusters
//! so that no span ever splits a Lao base letter from its vowel or tone marks.

/// A character of the Lao block (letters, vowels, marks and digits).
pub fn is_lao(c: char) -> bool {
    ('\u{0E80}'..='\u{0EFF}').contains(&c)
}

/// Maps code-point offsets to byte offsets (and back) for one text in O(log n).
///
/// Building it costs one pass over the text; use it when converting many offsets.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every `STRIDE`th code point, plus the text length.
    marks: Vec<usize>,
    char_len: usize,
}

const STRIDE: usize = 64;

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut marks = Vec::with_capacity(text.len() / STRIDE + 2);
        let mut n = 0;
        for (b, _) in text.char_indices() {
            if n % STRIDE == 0 {
                marks.push(b);
            }
            n += 1;
        }
        if n % STRIDE == 0 {
            marks.push(text.len());
        }
        CharIndex { marks, char_len: n }
    }

    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Byte offset of code point `c` (`c == char_len` gives the text length).
    pub fn byte_of(&self, text: &str, c: usize) -> Option<usize> {
        if c > self.char_len {
            return None;
        }
        let block = c / STRIDE;
        let base = *self.marks.get(block)?;
        let rest = c - block * STRIDE;
        if rest == 0 {
            return Some(base);
        }
        text[base..]
            .char_indices()
            .nth(rest)
            .map(|(b, _)| base + b)
            .or(Some(text.len()))
    }

    /// Code-point offset of byte `b`, which must be on a char boundary.
    pub fn char_of(&self, text: &str, b: usize) -> Option<usize> {
        if b > text.len() || !text.is_char_boundary(b) {
            return None;
        }
        let block = self.marks.partition_point(|&m| m <= b) - 1;
        Some(block * STRIDE + text[self.marks[block]..b].chars().count())
    }
}

/// Code-point offsets of byte offsets that mostly come in ascending order
/// (the extractor's figures, sorted by start): each costs a count of the
/// code points since the one before, so a whole text costs one pass and no
/// index. Use [`CharIndex`] for offsets in any order.
pub struct CodePoints<'a> {
    text: &'a str,
    byte: usize,
    char: usize,
}

impl<'a> CodePoints<'a> {
    pub fn new(text: &'a str) -> Self {
        CodePoints {
            text,
            byte: 0,
            char: 0,
        }
    }

    /// `None` off a char boundary or past the end, as [`CharIndex::char_of`].
    pub fn of(&mut self, b: usize) -> Option<usize> {
        if !self.text.is_char_boundary(b) {
            return None;
        }
        if b >= self.byte {
            self.char += bytecount::num_chars(&self.text.as_bytes()[self.byte..b]);
        } else {
            self.char -= bytecount::num_chars(&self.text.as_bytes()[b..self.byte]);
        }
        self.byte = b;
        Some(self.char)
    }
}

/// Byte offset of code point `c` in `text` (linear; for one-off conversions).
pub fn byte_of_char(text: &str, c: usize) -> Option<usize> {
    if c == 0 {
        return Some(0);
    }
    let mut n = 0;
    for (b, _) in text.char_indices() {
        if n == c {
            return Some(b);
        }
        n += 1;
    }
    (n == c).then_some(text.len())
}

/// The code points `[start, end)` of `text`, if that range exists.
pub fn char_slice(text: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let s = byte_of_char(text, start)?;
    let e = s + byte_of_char(&text[s..], end - start)?;
    Some(&text[s..e])
}

/// Whether byte offset `b` lies on an extended grapheme cluster boundary.
pub fn is_grapheme_boundary(text: &str, b: usize) -> bool {
    if b == 0 || b == text.len() {
        return true;
    }
    if !text.is_char_boundary(b) {
        return false;
    }
    let mut cursor = unicode_segmentation::GraphemeCursor::new(b, text.len(), true);
    cursor.is_boundary(text, 0).unwrap_or(false)
}

/// The nearest grapheme boundary at or before byte `b` (the text's end is one).
/// Looks only around `b`, so it costs the same anywhere in a long text.
pub fn floor_grapheme(text: &str, b: usize) -> usize {
    let mut b = b.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    if is_grapheme_boundary(text, b) {
        return b;
    }
    let mut cursor = unicode_segmentation::GraphemeCursor::new(b, text.len(), true);
    cursor.prev_boundary(text, 0).ok().flatten().unwrap_or(0)
}

/// The nearest grapheme boundary at or after byte `b`.
pub fn ceil_grapheme(text: &str, b: usize) -> usize {
    let mut b = b.min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    if is_grapheme_boundary(text, b) {
        return b;
    }
    let mut cursor = unicode_segmentation::GraphemeCursor::new(b, text.len(), true);
    cursor
        .next_boundary(text, 0)
        .ok()
        .flatten()
        .unwrap_or(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    #[test]
    fn code_points_count_on_in_either_direction() {
        let text = "ເງິນ 1,250 ລ້ານກີບ 👍🏽 end";
        let mut at = CodePoints::new(text);
        let idx = CharIndex::new(text);
        let mut offsets: Vec<usize> = (0..=text.len() + 1).collect();
        offsets.extend((0..=text.len()).rev().step_by(3));
        for b in offsets {
            assert_eq!(at.of(b), idx.char_of(text, b), "{b}");
        }
    }

    #[test]
    fn grapheme_floor_and_ceil_find_the_cluster_edges_around_an_offset() {
        let text = "ກ ເງິນ 12";
        // ເ(0..3) ງ(3..6) ິ(6..9) ນ(9..12) after "ກ " (4 bytes).
        let (ng, vowel, n) = (4 + 3, 4 + 6, 4 + 9);
        assert_eq!(floor_grapheme(text, vowel), ng);
        assert_eq!(ceil_grapheme(text, vowel), n);
        assert_eq!(floor_grapheme(text, vowel + 1), ng, "inside a character");
        assert_eq!(ceil_grapheme(text, ng), ng);
        assert_eq!(floor_grapheme(text, text.len()), text.len());
        assert_eq!(ceil_grapheme(text, 0), 0);
        // The same answers as a walk over every cluster from the start.
        let starts: Vec<usize> = text
            .grapheme_indices(true)
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        for b in 0..=text.len() {
            let floor = *starts.iter().rev().find(|&&i| i <= b).unwrap();
            let ceil = *starts.iter().find(|&&i| i >= b).unwrap();
            assert_eq!(
                (floor_grapheme(text, b), ceil_grapheme(text, b)),
                (floor, ceil),
                "{b}"
            );
        }
    }

    #[test]
    fn char_index_round_trips_on_lao_and_ascii() {
        let text = "ເງິນ 1,250 ລ້ານກີບ ".repeat(40) + "end";
        let idx = CharIndex::new(&text);
        assert_eq!(idx.char_len(), text.chars().count());
        for (c, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.byte_of(&text, c), Some(b));
            assert_eq!(idx.char_of(&text, b), Some(c));
        }
        assert_eq!(idx.byte_of(&text, idx.char_len()), Some(text.len()));
        assert_eq!(idx.byte_of(&text, idx.char_len() + 1), None);
        assert_eq!(idx.char_of(&text, 1), None, "inside a multi-byte char");
    }

    #[test]
    fn code_points_not_bytes() {
        // "1,250" starts at code point 5 but UTF-8 byte 13 (see notes/formats.md).
        let text = "ເງິນ 1,250 ລ້ານກີບ";
        assert_eq!(byte_of_char(text, 5), Some(13));
        assert_eq!(char_slice(text, 5, 10), Some("1,250"));
        assert_eq!(char_slice(text, 5, 99), None);
    }

    #[test]
    fn lao_clusters_are_not_split() {
        let text = "ກີບ"; // ກ + ີ (vowel mark) + ບ
        assert!(is_grapheme_boundary(text, 0));
        assert!(
            !is_grapheme_boundary(text, "ກ".len()),
            "between base and vowel mark"
        );
        assert!(is_grapheme_boundary(text, "ກີ".len()));
        assert_eq!(floor_grapheme(text, "ກ".len()), 0);
        assert_eq!(ceil_grapheme(text, "ກ".len()), "ກີ".len());
    }
}
