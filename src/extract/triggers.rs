//! The fast scan for places where a figure may start: digits of any script,
//! currency signs, English number/month/label words at word starts, and Lao
//! number words and months.
//!
//! Most text holds no figure, so this loop is what sets the speed: one table
//! lookup per byte, one hash probe per English word whose first letter could
//! start a trigger, and per Lao character a lookup by its initial letter.

use std::sync::OnceLock;

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
    lao_lists: Vec<Vec<(&'static str, Trig)>>,
    /// Nibble tables for a byte-set test (see [`classify_avx2`]): bits 0–3
    /// of `nib_lo[x & 15] & nib_hi[x >> 4]` tell whether `x` is the third
    /// byte of some Lao/Thai trigger word's first char, bits 4–7 whether
    /// it is the third byte of its second char.
    nib_lo: [u8; 16],
    nib_hi: [u8; 16],
    /// AVX2 found at run time.
    avx2: bool,
}

const EN_BITS: usize = 11;

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
        let mut lao_lists: Vec<Vec<(&'static str, Trig)>> = vec![Vec::new()];
        for (w, tr) in lao {
            let b = w.as_bytes();
            let idx = (((b[1] & 3) as usize) << 12)
                | (((b[2] & 0x3F) as usize) << 6)
                | (b[5] & 0x3F) as usize;
            if lao_first[idx] == 0 {
                lao_lists.push(Vec::new());
                lao_first[idx] = (lao_lists.len() - 1) as u8;
            }
            lao_lists[lao_first[idx] as usize].push((w, *tr));
        }
        for l in &mut lao_lists {
            l.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        let mut nib_lo = [0u8; 16];
        let mut nib_hi = [0u8; 16];
        for h in 8..12 {
            nib_hi[h] = 0x11 << (h - 8);
        }
        for (w, _) in lao {
            // every Lao trigger word has at least two chars (the scan
            // compares the second one's last byte)
            let b = w.as_bytes();
            for (x, shift) in [(b[2], 0), (b[5], 4)] {
                nib_lo[(x & 15) as usize] |= 1 << ((x >> 4) - 8 + shift);
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
            nib_lo,
            nib_hi,
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
    /// into two bit masks (ASCII letters; bytes that may start some other
    /// trigger), then only word starts and those bytes are looked at.
    pub(crate) fn next(&self, t: &str, pos: usize) -> Option<(usize, usize, Trig)> {
        let b = t.as_bytes();
        let n = b.len();
        let mut i = pos;
        while i < n {
            let end = (i + 64).min(n);
            let (letters, special) = self.classify(&b[i..end]);
            let prev_letter = i > 0 && CLASS[b[i - 1] as usize] == LETTER;
            let starts = letters & !((letters << 1) | prev_letter as u64);
            let mut cand = starts | special;
            while cand != 0 {
                let k = cand.trailing_zeros() as usize;
                cand &= cand - 1;
                let p = i + k;
                if special >> k & 1 != 0 {
                    if let Some(hit) = self.at_special(b, p) {
                        return Some(hit);
                    }
                    continue;
                }
                // an ASCII word starts at p
                let rest = !(letters >> k);
                let e = if rest != 0 && k + (rest.trailing_zeros() as usize) < end - i {
                    p + rest.trailing_zeros() as usize
                } else {
                    let mut e = end;
                    while e < n && CLASS[b[e] as usize] == LETTER {
                        e += 1;
                    }
                    e
                };
                let len = e - p;
                // `e - p >= 2` letters: `b[p + 1]` is one
                if (2..=16).contains(&len)
                    && self.en_pre[(b[p] & 0x1F) as usize][(b[p + 1] & 0x1F) as usize] >> len & 1
                        != 0
                    && (p == 0 || !b[p - 1].is_ascii_digit())
                    && self.en_last[(b[e - 1] & 0x1F) as usize] >> len & 1 != 0
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
                    for (w, tr) in &self.lao_lists[li as usize] {
                        let wb = w.as_bytes();
                        // bytes 0–2 and 5 are known equal: compare the rest in
                        // place (a `memcmp` call costs more for ~12 bytes)
                        if wb[5] == c2 && rest.len() >= wb.len() && rest[3..wb.len()] == wb[3..] {
                            return Some((i, i + w.len(), *tr));
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

impl Scanner {
    /// Bit masks of a block of at most 64 bytes: (ASCII letters, bytes that
    /// may start another trigger: digits, `$`, lead bytes 0xC2, 0xE2, and
    /// 0xE0 — with AVX2, only the 0xE0 whose char and the char after it
    /// could begin a Lao/Thai trigger).
    #[inline]
    fn classify(&self, block: &[u8]) -> (u64, u64) {
        #[cfg(target_arch = "x86_64")]
        if let Ok(full) = <&[u8; 64]>::try_from(block) {
            if self.avx2 {
                // SAFETY: AVX2 was detected at run time.
                return unsafe { classify_avx2(full, &self.nib_lo, &self.nib_hi) };
            }
            return classify_sse2(full);
        }
        classify_scalar(block)
    }
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

/// [`Scanner::classify`] for a full block, 32 bytes at a time.
///
/// A Lao/Thai trigger at `p` (0xE0 lead) is either a digit or ฿ (third
/// byte 0x90–0x99 or 0xBF) or a word whose first char's third byte (at
/// `p + 2`) and second char's third byte (at `p + 5`) are in the sets of
/// `nib_lo`/`nib_hi`; every other 0xE0 is dropped here, so most Lao chars
/// are never looked at one by one. The last five positions of the block
/// cannot see `p + 5` and are kept.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn classify_avx2(block: &[u8; 64], nib_lo: &[u8; 16], nib_hi: &[u8; 16]) -> (u64, u64) {
    use std::arch::x86_64::*;
    let mut m = [[0u32; 2]; 6];
    let set = |x: u8| _mm256_set1_epi8(x as i8);
    // x in [lo, lo + len) as unsigned, via a signed compare of x - lo + 0x80
    let in_range = |x: __m256i, lo: u8, len: u8| {
        let t = _mm256_add_epi8(x, set(0x80u8.wrapping_sub(lo)));
        _mm256_cmpgt_epi8(set(0x80u8.wrapping_add(len)), t)
    };
    // SAFETY: the tables are 16 readable bytes each; unaligned loads.
    let (tlo, thi) = unsafe {
        (
            _mm256_broadcastsi128_si256(_mm_loadu_si128(nib_lo.as_ptr() as *const __m128i)),
            _mm256_broadcastsi128_si256(_mm_loadu_si128(nib_hi.as_ptr() as *const __m128i)),
        )
    };
    let zero = _mm256_setzero_si256();
    for (k, chunk) in block.chunks_exact(32).enumerate() {
        // SAFETY: `chunk` is 32 readable bytes; unaligned load.
        let v = unsafe { _mm256_loadu_si256(chunk.as_ptr() as *const __m256i) };
        let letter = in_range(_mm256_or_si256(v, set(0x20)), b'a', 26);
        let base = _mm256_or_si256(
            _mm256_or_si256(in_range(v, b'0', 10), _mm256_cmpeq_epi8(v, set(b'$'))),
            _mm256_or_si256(
                _mm256_cmpeq_epi8(v, set(0xE2)),
                _mm256_cmpeq_epi8(v, set(0xC2)),
            ),
        );
        let e0 = _mm256_cmpeq_epi8(v, set(0xE0));
        let lo = _mm256_and_si256(v, set(0x0F));
        let hi = _mm256_and_si256(_mm256_srli_epi16(v, 4), set(0x0F));
        let nib = _mm256_and_si256(_mm256_shuffle_epi8(tlo, lo), _mm256_shuffle_epi8(thi, hi));
        // zero where not in the set
        let first = _mm256_cmpeq_epi8(_mm256_and_si256(nib, set(0x0F)), zero);
        let second = _mm256_cmpeq_epi8(_mm256_and_si256(nib, set(0xF0)), zero);
        let digit_or_baht = _mm256_or_si256(in_range(v, 0x90, 10), _mm256_cmpeq_epi8(v, set(0xBF)));
        for (j, x) in [letter, base, e0, first, second, digit_or_baht]
            .into_iter()
            .enumerate()
        {
            m[j][k] = _mm256_movemask_epi8(x) as u32;
        }
    }
    let w = |j: usize| (m[j][0] as u64) | ((m[j][1] as u64) << 32);
    let (letters, base, e0) = (w(0), w(1), w(2));
    let (first, second, digit_or_baht) = (!w(3), !w(4), w(5));
    let lao = e0 & (((first >> 2) & (second >> 5)) | (digit_or_baht >> 2) | (0x1F << 59));
    (letters, base | lao)
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
