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
    /// First letters (lower-case) that start some English trigger word.
    en_first: [bool; 256],
    /// For a Lao char (2nd byte 0xBA/0xBB, 3rd byte): index into `lao_lists`.
    lao_first: [u8; 128],
    lao_lists: Vec<Vec<(&'static str, Trig)>>,
}

const EN_BITS: usize = 11;

fn pack(w: &[u8]) -> Option<u128> {
    if w.is_empty() || w.len() > 16 {
        return None;
    }
    let mut k: u128 = 0;
    for &b in w {
        k = (k << 8) | (b | 0x20) as u128;
    }
    Some(k | ((w.len() as u128) << 124))
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
        let mut en_first = [false; 256];
        for (w, tr) in en {
            let k = pack(w.as_bytes()).expect("short trigger words");
            let mut s = slot(k);
            while en_keys[s] != 0 && en_keys[s] != k {
                s = (s + 1) & (size - 1);
            }
            en_keys[s] = k;
            en_vals[s] = *tr;
            let f = w.as_bytes()[0].to_ascii_lowercase();
            en_first[f as usize] = true;
            en_first[f.to_ascii_uppercase() as usize] = true;
        }
        let mut lao_first = [0u8; 128];
        let mut lao_lists: Vec<Vec<(&'static str, Trig)>> = vec![Vec::new()];
        for (w, tr) in lao {
            let b = w.as_bytes();
            let idx = (((b[1] == 0xBB) as usize) << 6) | (b[2] & 0x3F) as usize;
            if lao_first[idx] == 0 {
                lao_lists.push(Vec::new());
                lao_first[idx] = (lao_lists.len() - 1) as u8;
            }
            lao_lists[lao_first[idx] as usize].push((w, *tr));
        }
        for l in &mut lao_lists {
            l.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        Scanner {
            en_keys,
            en_vals,
            en_first,
            lao_first,
            lao_lists,
        }
    }

    fn en_lookup(&self, w: &[u8]) -> Option<Trig> {
        let k = pack(w)?;
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
    pub(crate) fn next(&self, t: &str, pos: usize) -> Option<(usize, usize, Trig)> {
        let b = t.as_bytes();
        let n = b.len();
        let mut i = pos;
        while i < n {
            let c = b[i];
            if c < 0x80 {
                if c.is_ascii_digit() {
                    return Some((i, i + 1, Trig::Digit));
                }
                if c.is_ascii_alphabetic() {
                    let s = i;
                    i += 1;
                    while i < n && b[i].is_ascii_alphabetic() {
                        i += 1;
                    }
                    if (s == 0 || !b[s - 1].is_ascii_alphanumeric())
                        && self.en_first[c as usize]
                        && i - s <= 11
                        && let Some(tr) = self.en_lookup(&b[s..i])
                    {
                        return Some((s, i, tr));
                    }
                    continue;
                }
                if c == b'$' {
                    return Some((i, i + 1, Trig::Sign));
                }
                i += 1;
                continue;
            }
            if c == 0xE0 && i + 2 < n {
                let (b1, b2) = (b[i + 1], b[i + 2]);
                if b1 == 0xBB && (0x90..=0x99).contains(&b2)
                    || b1 == 0xB9 && (0x90..=0x99).contains(&b2)
                {
                    return Some((i, i + 3, Trig::Digit));
                }
                if b1 == 0xBA || b1 == 0xBB {
                    let idx = (((b1 == 0xBB) as usize) << 6) | (b2 & 0x3F) as usize;
                    let li = self.lao_first[idx];
                    if li != 0 {
                        let rest = &b[i..];
                        // compare the second char's last byte before the whole word
                        let c2 = rest.get(5).copied().unwrap_or(0);
                        for (w, tr) in &self.lao_lists[li as usize] {
                            let wb = w.as_bytes();
                            if wb[5] == c2 && rest.starts_with(wb) {
                                return Some((i, i + w.len(), *tr));
                            }
                        }
                    }
                    i += 3;
                    continue;
                }
                if b1 == 0xB8 && b2 == 0xBF {
                    return Some((i, i + 3, Trig::Sign)); // ฿
                }
                i += 3;
                continue;
            }
            if c == 0xE2
                && i + 2 < n
                && (b[i + 1] == 0x82 && (b[i + 2] == 0xAD || b[i + 2] == 0xAC))
            {
                return Some((i, i + 3, Trig::Sign)); // ₭ €
            }
            if c == 0xC2 && i + 1 < n {
                match b[i + 1] {
                    0xA3 => return Some((i, i + 2, Trig::Sign)), // £
                    0xBC..=0xBE => return Some((i, i + 2, Trig::Vulgar)), // ¼ ½ ¾
                    _ => {}
                }
            }
            if c == 0xE2 && i + 2 < n && b[i + 1] == 0x85 && (0x90..=0x9E).contains(&b[i + 2]) {
                return Some((i, i + 3, Trig::Vulgar)); // ⅐ … ⅞
            }
            // skip the rest of this UTF-8 sequence
            i += match c {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF7 => 4,
                _ => 1,
            };
        }
        None
    }
}

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
