//! The fast scan for places where a figure may start: digits of any script,
//! currency signs, English number/month/label words at word starts, and Lao
//! number words and months.
//!
//! Most text holds no figure, so this loop is what sets the speed: one table
//! lookup per byte, one hash probe per English word whose first letter could
//! start a trigger, and per Lao character a lookup by its initial letter.

use std::sync::OnceLock;

use super::chars::ascii_word_end;

/// What kind of trigger was found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Trig {
    Digit,
    EnWord,
    Month,
    RomanLabel,
    LaoWord,
    Sign,
    /// A vulgar fraction character: `½`, `⅔`.
    Vulgar,
}

/// The masks of the block [`Scanner::next`] looked at last: bits for the
/// bytes `start..end` (see [`Scanner::classify`]). The default holds no
/// block.
#[derive(Default)]
pub(crate) struct Cursor {
    start: usize,
    end: usize,
    letters: u64,
    special: u64,
    /// Word starts that may be English triggers, and `special`.
    cand: u64,
}

/// A Lao/Thai trigger word, with its bytes 3–10 as an integer (and the
/// mask of those it has) for a one-load comparison.
struct LaoWord {
    word: &'static str,
    trig: Trig,
    key: u64,
    mask: u64,
}

pub(crate) struct Scanner {
    /// Open-addressing table of lower-cased English words packed in a u128.
    en_keys: Vec<u128>,
    en_vals: Vec<Trig>,
    /// By the first two letters (their low five bits): bit `len` is set when some
    /// English trigger word of that length starts with them. Rejects nearly
    /// every ordinary word (`the`, `and`, `of`) without hashing it.
    en_pre: [[u32; 32]; 32],
    /// By the last letter (its low five bits): bit `len` is set when some
    /// trigger word of that length ends with it.
    en_last: [u32; 32],
    /// For a Thai or Lao char (2nd byte 0xB8–0xBB, 3rd byte) and the low six
    /// bits of the next char's last byte: index into `lao_lists`.
    lao_first: Vec<u8>,
    lao_lists: Vec<Vec<LaoWord>>,
    /// The first three letters of every English trigger word, by their low
    /// four bits (one table lookup each), covered by `8 * EN_GROUPS` boxes
    /// `F × G × H` (see [`cover`]): bit `k % 8` of `en_box[k / 8][d][c & 15]`
    /// is set when `c & 15` is in box `k`'s set for position `d`. A word
    /// whose first three letters fall in no box is no trigger, so
    /// [`classify_avx2`] drops it before any lookup.
    en_box: [[[u8; 16]; 3]; EN_GROUPS],
    /// The same for Lao/Thai trigger words, by the last bytes of their first
    /// two chars (bytes 2 and 5; `& 0x3F`), with 8 boxes: bit `k` of
    /// `lao_box[d][x & 0x3F]`.
    lao_box: [[u8; 64]; 2],
    /// AVX2 found at run time.
    avx2: bool,
}

const EN_BITS: usize = 11;

/// Groups of eight boxes in the English word filter (see `en_box`).
const EN_GROUPS: usize = 2;

/// The word `b[p..p + len]` (1 to 16 bytes) with each byte `| 0x20`,
/// little-endian in an integer, zero-padded: one unaligned load when 16
/// bytes are there to read. Letters are never zero, so equal keys mean
/// equal (case-folded) words.
#[inline]
fn pack(b: &[u8], p: usize, len: usize) -> Option<u128> {
    if len == 0 || len > 16 {
        return None;
    }
    let raw = match b.get(p..p + 16) {
        Some(x) => u128::from_le_bytes(x.try_into().ok()?),
        None => {
            let mut buf = [0u8; 16];
            buf[..len].copy_from_slice(b.get(p..p + len)?);
            u128::from_le_bytes(buf)
        }
    };
    let mask = if len == 16 {
        u128::MAX
    } else {
        (1u128 << (8 * len)) - 1
    };
    Some((raw | 0x2020_2020_2020_2020_2020_2020_2020_2020) & mask)
}

#[inline]
fn slot(k: u128) -> usize {
    let x = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - EN_BITS)) as usize
}

impl Scanner {
    fn new(en: &[(&'static str, Trig)], lao: &[(&'static str, Trig)]) -> Scanner {
        let size = 1 << EN_BITS;
        let mut en_keys = vec![0u128; size];
        let mut en_vals = vec![Trig::Digit; size];
        let mut en_pre = [[0u32; 32]; 32];
        let mut en_last = [0u32; 32];
        for (w, tr) in en {
            let k = pack(w.as_bytes(), 0, w.len()).expect("short trigger words");
            let mut s = slot(k);
            while en_keys[s] != 0 && en_keys[s] != k {
                s = (s + 1) & (size - 1);
            }
            en_keys[s] = k;
            en_vals[s] = *tr;
            let wb = w.as_bytes();
            let (f, g) = (wb[0] & 0x1F, wb[1] & 0x1F);
            en_pre[f as usize][g as usize] |= 1 << wb.len();
            en_last[(wb[wb.len() - 1] & 0x1F) as usize] |= 1 << wb.len();
        }
        let mut lao_first = vec![0u8; 256 * 64];
        let mut lao_lists: Vec<Vec<LaoWord>> = vec![Vec::new()];
        for (w, tr) in lao {
            let b = w.as_bytes();
            let idx = (((b[1] & 3) as usize) << 12)
                | (((b[2] & 0x3F) as usize) << 6)
                | (b[5] & 0x3F) as usize;
            if lao_first[idx] == 0 {
                lao_lists.push(Vec::new());
                lao_first[idx] = (lao_lists.len() - 1) as u8;
            }
            let mut k = [0u8; 8];
            let tail = &b[3.min(b.len())..b.len().min(11)];
            k[..tail.len()].copy_from_slice(tail);
            let mask = if tail.len() >= 8 {
                u64::MAX
            } else {
                (1u64 << (8 * tail.len())) - 1
            };
            lao_lists[lao_first[idx] as usize].push(LaoWord {
                word: w,
                trig: *tr,
                key: u64::from_le_bytes(k),
                mask,
            });
        }
        for l in &mut lao_lists {
            l.sort_by_key(|x| std::cmp::Reverse(x.word.len()));
        }
        // Without boxes (a trigger too short for them) the vector scan
        // keeps every word start or Lao char: all bits set.
        let mut en_box = [[[0xFF; 16]; 3]; EN_GROUPS];
        let en_pts: Option<Vec<[u64; 3]>> = en
            .iter()
            .map(|(w, _)| {
                let b = w.as_bytes();
                (b.len() >= 3 && b[..3].iter().all(u8::is_ascii_alphabetic))
                    .then(|| [0, 1, 2].map(|d| 1u64 << (b[d] & 15)))
            })
            .collect();
        if let Some(pts) = en_pts {
            en_box = [[[0; 16]; 3]; EN_GROUPS];
            for (k, bx) in cover(pts, 8 * EN_GROUPS).iter().enumerate() {
                for (d, set) in bx.iter().enumerate() {
                    for (c, slot) in en_box[k / 8][d].iter_mut().enumerate() {
                        if set >> c & 1 != 0 {
                            *slot |= 1 << (k % 8);
                        }
                    }
                }
            }
        }
        let mut lao_box = [[0xFF; 64]; 2];
        // two dimensions; the third holds one value for all
        let lao_pts: Option<Vec<[u64; 3]>> = lao
            .iter()
            .map(|(w, _)| {
                let b = w.as_bytes();
                (b.len() >= 6).then(|| [1u64 << (b[2] & 0x3F), 1u64 << (b[5] & 0x3F), 1])
            })
            .collect();
        if let Some(pts) = lao_pts {
            lao_box = [[0; 64]; 2];
            for (k, bx) in cover(pts, 8).iter().enumerate() {
                for (d, set) in bx.iter().take(2).enumerate() {
                    for (x, slot) in lao_box[d].iter_mut().enumerate() {
                        if set >> x & 1 != 0 {
                            *slot |= 1 << k;
                        }
                    }
                }
            }
        }
        #[cfg(target_arch = "x86_64")]
        let avx2 = std::arch::is_x86_feature_detected!("avx2");
        #[cfg(not(target_arch = "x86_64"))]
        let avx2 = false;
        Scanner {
            en_keys,
            en_vals,
            en_pre,
            en_last,
            lao_first,
            lao_lists,
            en_box,
            lao_box,
            avx2,
        }
    }

    /// The trigger word `b[p..p + len]`, if it is one.
    fn en_lookup(&self, b: &[u8], p: usize, len: usize) -> Option<Trig> {
        let k = pack(b, p, len)?;
        let mut s = slot(k);
        loop {
            let e = self.en_keys[s];
            if e == k {
                return Some(self.en_vals[s]);
            }
            if e == 0 {
                return None;
            }
            s = (s + 1) & ((1 << EN_BITS) - 1);
        }
    }

    /// The next trigger at or after byte `pos`: (start, end, kind).
    ///
    /// Works on blocks of 64 bytes: a branch-free pass classifies each byte
    /// into bit masks (ASCII letters; bytes that may start some other
    /// trigger; places where an English trigger word may start), then only
    /// word starts and those bytes are looked at. `cur` keeps the last
    /// block's masks, so a call that starts inside the block the call
    /// before stopped in reads them again instead of classifying anew.
    pub(crate) fn next(
        &self,
        t: &str,
        pos: usize,
        cur: &mut Cursor,
    ) -> Option<(usize, usize, Trig)> {
        let b = t.as_bytes();
        let n = b.len();
        let mut i = pos;
        while i < n {
            // the block's masks: the kept ones, or new ones (used from the
            // registers they were computed in, not read back)
            let (i0, end, letters, special, all) = if cur.start <= i && i < cur.end {
                (cur.start, cur.end, cur.letters, cur.special, cur.cand)
            } else {
                let end = (i + 64).min(n);
                let (letters, special, en_ok) = self.classify(b, i, end);
                let prev_letter = i > 0 && CLASS[b[i - 1] as usize] == LETTER;
                let starts = letters & !((letters << 1) | prev_letter as u64) & en_ok;
                let cand = starts | special;
                *cur = Cursor {
                    start: i,
                    end,
                    letters,
                    special,
                    cand,
                };
                (i, end, letters, special, cand)
            };
            // the places before `i` were looked at already
            let mut cand = all & (u64::MAX << (i - i0));
            while cand != 0 {
                let k = cand.trailing_zeros() as usize;
                cand &= cand - 1;
                let p = i0 + k;
                if special >> k & 1 != 0 {
                    if let Some(hit) = self.at_special(b, p) {
                        return Some(hit);
                    }
                    continue;
                }
                // an ASCII word starts at p
                let rest = !(letters >> k);
                let e = if rest != 0 && k + (rest.trailing_zeros() as usize) < end - i0 {
                    p + rest.trailing_zeros() as usize
                } else {
                    ascii_word_end(t, end)
                };
                let len = e - p;
                // `e - p >= 2` letters: `b[p + 1]` is one. The two tables
                // are tested as one (a single branch, often mispredicted,
                // instead of two).
                if (2..=16).contains(&len)
                    && (self.en_pre[(b[p] & 0x1F) as usize][(b[p + 1] & 0x1F) as usize]
                        & self.en_last[(b[e - 1] & 0x1F) as usize])
                        >> len
                        & 1
                        != 0
                    && (p == 0 || !b[p - 1].is_ascii_digit())
                    && let Some(tr) = self.en_lookup(b, p, len)
                {
                    return Some((p, e, tr));
                }
            }
            i = end;
        }
        None
    }

    /// A trigger at a digit, sign or multi-byte lead byte `p`, if any.
    #[inline]
    fn at_special(&self, b: &[u8], i: usize) -> Option<(usize, usize, Trig)> {
        let n = b.len();
        // compares, not a `match` on the byte class: the jump table's
        // indirect branch mispredicts whenever Lao chars and digits mix
        let c = b[i];
        if c == 0xE0 {
            if i + 2 >= n {
                return None;
            }
            let (b1, b2) = (b[i + 1], b[i + 2]);
            return if (0xB8..=0xBB).contains(&b1) {
                if (b1 == 0xBB || b1 == 0xB9) && (0x90..=0x99).contains(&b2) {
                    return Some((i, i + 3, Trig::Digit)); // Lao, Thai digits
                }
                if b1 == 0xB8 && b2 == 0xBF {
                    return Some((i, i + 3, Trig::Sign)); // ฿
                }
                let rest = &b[i..];
                let c2 = rest.get(5).copied().unwrap_or(0);
                let idx = (((b1 & 3) as usize) << 12)
                    | (((b2 & 0x3F) as usize) << 6)
                    | (c2 & 0x3F) as usize;
                let li = self.lao_first[idx];
                if li != 0 {
                    // bytes 0–2 are known equal; bytes 3–10 compare as one
                    // integer, the rest (long words only) as a slice
                    let x = rest
                        .get(3..11)
                        .and_then(|x| x.try_into().ok())
                        .map(u64::from_le_bytes);
                    for lw in &self.lao_lists[li as usize] {
                        let wb = lw.word.as_bytes();
                        let hit = match x {
                            Some(x) => {
                                x & lw.mask == lw.key
                                    && (wb.len() <= 11 || rest.get(11..wb.len()) == wb.get(11..))
                            }
                            None => rest.len() >= wb.len() && rest[3..wb.len()] == wb[3..],
                        };
                        if hit {
                            return Some((i, i + wb.len(), lw.trig));
                        }
                    }
                }
                None
            } else {
                None
            };
        }
        if c.is_ascii_digit() {
            return Some((i, i + 1, Trig::Digit));
        }
        if c == b'$' {
            return Some((i, i + 1, Trig::Sign));
        }
        if c == 0xE2 {
            if i + 2 >= n {
                return None;
            }
            let (b1, b2) = (b[i + 1], b[i + 2]);
            return if b1 == 0x82 && (b2 == 0xAD || b2 == 0xAC) {
                Some((i, i + 3, Trig::Sign)) // ₭ €
            } else if b1 == 0x85 && (0x90..=0x9E).contains(&b2) {
                Some((i, i + 3, Trig::Vulgar)) // ⅐ … ⅞
            } else {
                None
            };
        }
        // 0xC2
        match b.get(i + 1) {
            // LEAD_C2
            Some(0xA3) => Some((i, i + 2, Trig::Sign)), // £
            Some(0xBC..=0xBE) => Some((i, i + 2, Trig::Vulgar)), // ¼ ½ ¾
            _ => None,
        }
    }
}

/// Bytes a block's classification reads: the block and the next five
/// (an English word's next two letters, a Lao char's next char).
const VIEW: usize = 64 + 8;

impl Scanner {
    /// Bit masks of the block `b[i..end]` (at most 64 bytes): (ASCII
    /// letters; bytes that may start another trigger: digits, `$`, lead
    /// bytes 0xC2, 0xE2, and 0xE0 — with AVX2, only the 0xE0 whose char and
    /// the char after it could begin a Lao/Thai trigger; places where an
    /// English trigger word may start — with AVX2, only where the first three
    /// letters fall in one of `en_box`, otherwise everywhere).
    #[inline(always)]
    fn classify(&self, b: &[u8], i: usize, end: usize) -> (u64, u64, u64) {
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            // zero-padded past the text's end: a zero byte is no letter and
            // starts nothing
            // read in place (a copy would cost a store-forwarding stall
            // for each unaligned load of it); copied only at the text's end
            let (letters, special, en_ok) = match b.get(i..i + VIEW).and_then(|x| x.try_into().ok())
            {
                // SAFETY: AVX2 was detected at run time.
                Some(view) => unsafe { classify_avx2(view, self) },
                None => {
                    let mut buf = [0u8; VIEW];
                    let rest = b.get(i..).unwrap_or(&[]);
                    let k = rest.len().min(VIEW);
                    buf[..k].copy_from_slice(&rest[..k]);
                    // SAFETY: as above.
                    unsafe { classify_avx2(&buf, self) }
                }
            };
            let len = end - i;
            if len >= 64 {
                // (no masking: and-ing the three with one vector load
                // of two of them stalls on the stores that wrote them)
                return (letters, special, en_ok);
            }
            let keep = (1u64 << len) - 1;
            return (letters & keep, special & keep, en_ok & keep);
        }
        let block = &b[i..end];
        #[cfg(target_arch = "x86_64")]
        if let Ok(full) = <&[u8; 64]>::try_from(block) {
            let (l, s) = classify_sse2(full);
            return (l, s, u64::MAX);
        }
        let (l, s) = classify_scalar(block);
        (l, s, u64::MAX)
    }
}

/// Covers points (one bit set per dimension) with at most `n` boxes (a
/// set of values per dimension): starting from one box per point, merges
/// the two boxes whose union adds the fewest points not in either, until
/// `n` remain. Any cover is correct, as the scan checks every place it
/// keeps; a tight one keeps fewer places that hold no trigger.
fn cover(points: Vec<[u64; 3]>, n: usize) -> Vec<[u64; 3]> {
    let mut boxes: Vec<[u64; 3]> = Vec::new();
    for p in points {
        if !boxes.contains(&p) {
            boxes.push(p);
        }
    }
    let vol = |x: &[u64; 3]| x.iter().map(|s| s.count_ones() as i64).product::<i64>();
    while boxes.len() > n {
        let mut best = (i64::MAX, 0, 0);
        for i in 0..boxes.len() {
            for j in i + 1..boxes.len() {
                let m = [0, 1, 2].map(|d| boxes[i][d] | boxes[j][d]);
                let cost = vol(&m) - vol(&boxes[i]) - vol(&boxes[j]);
                if cost < best.0 {
                    best = (cost, i, j);
                }
            }
        }
        let (_, i, j) = best;
        let gone = boxes.remove(j);
        for (a, b) in boxes[i].iter_mut().zip(gone) {
            *a |= b;
        }
    }
    boxes
}

/// [`Scanner::classify`] byte by byte (every 0xE0 is kept).
fn classify_scalar(block: &[u8]) -> (u64, u64) {
    let mut letters: u64 = 0;
    let mut special: u64 = 0;
    for (k, &c) in block.iter().enumerate().take(64) {
        let cl = CLASS[c as usize];
        letters |= ((cl == LETTER) as u64) << k;
        special |= ((cl > LETTER) as u64) << k;
    }
    (letters, special)
}

/// [`Scanner::classify`] for a full block, 32 bytes at a time: `x` holds
/// the block's 64 bytes and the [`VIEW`] `- 64` after it.
///
/// A Lao/Thai trigger at `p` (0xE0 lead) is a Lao or Thai digit (second
/// byte 0xBB or 0xB9, third 0x90–0x99), ฿ (third byte 0xBF) or a word whose
/// first char's third byte (at `p + 2`) and second char's third byte (at
/// `p + 5`) fall in one box of `lao_box`; every other 0xE0 is dropped
/// here, so most Lao chars are never looked at one by one.
///
/// An English trigger at `p` has letters at `p`, `p + 1` and `p + 2` that
/// fall in one box of `en_box`.
///
/// Halves of 32 bytes with no 0xE0 skip the Lao tests, halves with no
/// letter the English ones: most of English text holds no 0xE0, most of Lao
/// text no letter.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn classify_avx2(x: &[u8; VIEW], sc: &Scanner) -> (u64, u64, u64) {
    use std::arch::x86_64::*;
    // the four masks, built in registers (an array of halves would be
    // read back as whole words, which stalls on the two stores of halves)
    let mut m = [0u64; 4];
    let set = |x: u8| _mm256_set1_epi8(x as i8);
    // x in [lo, lo + len) as unsigned, via a signed compare of x - lo + 0x80
    let in_range = |x: __m256i, lo: u8, len: u8| {
        let t = _mm256_add_epi8(x, set(0x80u8.wrapping_sub(lo)));
        _mm256_cmpgt_epi8(set(0x80u8.wrapping_add(len)), t)
    };
    let letter = |v: __m256i| in_range(_mm256_or_si256(v, set(0x20)), b'a', 26);
    let zero = _mm256_setzero_si256();
    // SAFETY (`load16`): each table is 16 readable bytes.
    // (plain loops: `array::map` is not always inlined, and outside this
    // function the loads lose AVX2)
    let mut en_tabs = [[zero; 3]; EN_GROUPS];
    for (g, tabs) in en_tabs.iter_mut().enumerate() {
        for (d, tab) in tabs.iter_mut().enumerate() {
            *tab = unsafe { load16(&sc.en_box[g][d]) };
        }
    }
    for k in 0..2 {
        // SAFETY: `x` holds VIEW bytes, so 32 bytes from `32 * k + d`
        // (d ≤ 5) are readable; unaligned loads.
        let at =
            |d: usize| unsafe { _mm256_loadu_si256(x.as_ptr().add(32 * k + d) as *const __m256i) };
        let v = at(0);
        let base = _mm256_or_si256(
            _mm256_or_si256(in_range(v, b'0', 10), _mm256_cmpeq_epi8(v, set(b'$'))),
            _mm256_or_si256(
                _mm256_cmpeq_epi8(v, set(0xE2)),
                _mm256_cmpeq_epi8(v, set(0xC2)),
            ),
        );
        let letters = _mm256_movemask_epi8(letter(v)) as u32;
        let lead = _mm256_movemask_epi8(_mm256_cmpeq_epi8(v, set(0xE0))) as u32;
        m[0] |= (letters as u64) << (32 * k);
        m[1] |= (_mm256_movemask_epi8(base) as u32 as u64) << (32 * k);
        if lead != 0 {
            let (v1, v2, v5) = (at(1), at(2), at(5));
            // SAFETY: AVX2 is enabled here.
            let pair =
                unsafe { _mm256_and_si256(lut64(&sc.lao_box[0], v2), lut64(&sc.lao_box[1], v5)) };
            // Lao digits (0xBB) and Thai digits (0xB9): `v1 | 2 == 0xBB`
            let digit = _mm256_and_si256(
                _mm256_cmpeq_epi8(_mm256_or_si256(v1, set(2)), set(0xBB)),
                in_range(v2, 0x90, 10),
            );
            let baht = _mm256_cmpeq_epi8(v2, set(0xBF));
            let keep = _mm256_andnot_si256(_mm256_cmpeq_epi8(pair, zero), set(0xFF));
            let keep = _mm256_or_si256(keep, _mm256_or_si256(digit, baht));
            m[2] |= ((lead & _mm256_movemask_epi8(keep) as u32) as u64) << (32 * k);
        }
        if letters != 0 {
            let (v1, v2) = (at(1), at(2));
            // English: the box bits of the three letters (a table lookup by
            // the low four bits; a byte with bit 7 set looks up 0), for each
            // group of boxes
            let mut no_box = set(0xFF);
            for tabs in &en_tabs {
                let acc = _mm256_and_si256(
                    _mm256_and_si256(
                        _mm256_shuffle_epi8(tabs[0], v),
                        _mm256_shuffle_epi8(tabs[1], v1),
                    ),
                    _mm256_shuffle_epi8(tabs[2], v2),
                );
                no_box = _mm256_and_si256(no_box, _mm256_cmpeq_epi8(acc, zero));
            }
            m[3] |= (!_mm256_movemask_epi8(no_box) as u32 as u64) << (32 * k);
        }
    }
    let w = |j: usize| m[j];
    let letters = w(0);
    // letters at `p + 1` and `p + 2` too (the two bytes after the block
    // from the view)
    let l = |i: usize| (CLASS[x[i] as usize] == LETTER) as u64;
    let next1 = (letters >> 1) | l(64) << 63;
    let next2 = (letters >> 2) | l(64) << 62 | l(65) << 63;
    (letters, w(1) | w(2), w(3) & next1 & next2)
}

/// 16 bytes from `p`, in both lanes.
///
/// # Safety
/// AVX2 must be available and `p` must hold 16 readable bytes.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
unsafe fn load16(p: &[u8]) -> std::arch::x86_64::__m256i {
    use std::arch::x86_64::*;
    debug_assert!(p.len() >= 16);
    // SAFETY: the caller guarantees 16 readable bytes; unaligned load.
    unsafe { _mm256_broadcastsi128_si256(_mm_loadu_si128(p.as_ptr() as *const __m128i)) }
}

/// `tab[v & 0x3F]` for each byte of `v`: four tables of 16, picked by
/// bits 4 and 5 (moved to bit 7 for the blends).
///
/// # Safety
/// AVX2 must be available.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
unsafe fn lut64(tab: &[u8; 64], v: std::arch::x86_64::__m256i) -> std::arch::x86_64::__m256i {
    use std::arch::x86_64::*;
    // SAFETY: `tab` is 64 readable bytes, four quarters of 16.
    let (t0, t1, t2, t3) = unsafe {
        (
            load16(&tab[..16]),
            load16(&tab[16..32]),
            load16(&tab[32..48]),
            load16(&tab[48..]),
        )
    };
    // a byte with bit 7 set would look up 0
    let i = _mm256_and_si256(v, _mm256_set1_epi8(0x3F));
    let b4 = _mm256_slli_epi16(i, 3);
    let lo = _mm256_blendv_epi8(_mm256_shuffle_epi8(t0, i), _mm256_shuffle_epi8(t1, i), b4);
    let hi = _mm256_blendv_epi8(_mm256_shuffle_epi8(t2, i), _mm256_shuffle_epi8(t3, i), b4);
    _mm256_blendv_epi8(lo, hi, _mm256_slli_epi16(i, 2))
}

/// [`classify_scalar`] for a full block, 16 bytes at a time (SSE2 is part of every
/// x86-64 CPU, so no run-time detection is needed).
#[cfg(target_arch = "x86_64")]
#[inline]
fn classify_sse2(block: &[u8; 64]) -> (u64, u64) {
    use std::arch::x86_64::*;
    let mut letters: u64 = 0;
    let mut special: u64 = 0;
    for (k, chunk) in block.chunks_exact(16).enumerate() {
        // SAFETY: `chunk` is 16 readable bytes; SSE2 is always available on
        // x86-64 and `_mm_loadu_si128` has no alignment requirement.
        let (l, sp) = unsafe {
            let v = _mm_loadu_si128(chunk.as_ptr() as *const __m128i);
            let set = |x: u8| _mm_set1_epi8(x as i8);
            // x in [lo, lo + len) as unsigned, via a signed compare of x - lo + 0x80
            let in_range = |x: __m128i, lo: u8, len: u8| {
                let t = _mm_add_epi8(x, set(0x80u8.wrapping_sub(lo)));
                _mm_cmplt_epi8(t, set(0x80u8.wrapping_add(len)))
            };
            let letter = in_range(_mm_or_si128(v, set(0x20)), b'a', 26);
            let digit = in_range(v, b'0', 10);
            let sp = _mm_or_si128(
                _mm_or_si128(digit, _mm_cmpeq_epi8(v, set(b'$'))),
                _mm_or_si128(
                    _mm_or_si128(_mm_cmpeq_epi8(v, set(0xE0)), _mm_cmpeq_epi8(v, set(0xE2))),
                    _mm_cmpeq_epi8(v, set(0xC2)),
                ),
            );
            (
                _mm_movemask_epi8(letter) as u16,
                _mm_movemask_epi8(sp) as u16,
            )
        };
        letters |= (l as u64) << (16 * k);
        special |= (sp as u64) << (16 * k);
    }
    (letters, special)
}

const SKIP: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const DOLLAR: u8 = 3;
const LEAD_E0: u8 = 4;
const LEAD_E2: u8 = 5;
const LEAD_C2: u8 = 6;

/// Byte classes for the scan loop. Lead bytes of sequences that hold no
/// trigger stay SKIP: their continuation bytes (0x80–0xBF) are SKIP too.
static CLASS: [u8; 256] = {
    let mut c = [SKIP; 256];
    let mut k = 0;
    while k < 256 {
        let b = k as u8;
        c[k] = if b.is_ascii_alphabetic() {
            LETTER
        } else if b.is_ascii_digit() {
            DIGIT
        } else if b == b'$' {
            DOLLAR
        } else if b == 0xE0 {
            LEAD_E0
        } else if b == 0xE2 {
            LEAD_E2
        } else if b == 0xC2 {
            LEAD_C2
        } else {
            SKIP
        };
        k += 1;
    }
    c
};

/// The scanner, built once.
pub(crate) fn scanner(
    build: impl FnOnce() -> (Vec<(&'static str, Trig)>, Vec<(&'static str, Trig)>),
) -> &'static Scanner {
    static S: OnceLock<Scanner> = OnceLock::new();
    S.get_or_init(|| {
        let (en, lao) = build();
        Scanner::new(&en, &lao)
    })
}
