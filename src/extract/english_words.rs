//! English number words: `eight`, `twenty-one`, `a hundred`, `two thousand
//! five hundred`, `one-third`, `half`, `dozens`, ordinals (`second`, `21st`).
//!
//! Parsing is a small grammar over the words after a trigger; the longest
//! well-formed prefix wins, so `five to 15` stops after `five` and the range
//! is assembled elsewhere.

use rust_decimal::Decimal;

use super::chars::{WordMap, ch, is_hspace, word_key_lower};

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum W {
    /// 0–9
    Unit(u8),
    /// 10–19
    Teen(u8),
    /// 20, 30, … 90
    Tens(u8),
    Hundred,
    /// thousand, million, …
    Scale(u64),
    Dozen,
    /// dozens, hundreds, thousands, millions: a vague amount at its scale.
    Vague(u64),
    /// `tens` (only in `tens of thousands`).
    TensOf,
    /// An ordinal word and its number; `plural` for `thirds`, `fifths`.
    Ord {
        n: u64,
        plural: bool,
    },
    Half {
        plural: bool,
    },
    Quarter {
        plural: bool,
    },
    A,
    And,
    Point,
    Of,
    /// A plain number of 1–3 ASCII digits inside a phrase: `3 hundred and 21`.
    Num(u16),
}

/// The number words: what each is, and whether it may start a number (the
/// trigger scan's English words are these; plural ordinals, `halves`, the
/// abbreviations of `dozen` and the joining words only go on one).
pub(crate) const NUMBER_WORDS: [(&str, (W, bool)); 122] = [
    ("zero", (W::Unit(0), true)),
    ("one", (W::Unit(1), true)),
    ("two", (W::Unit(2), true)),
    ("three", (W::Unit(3), true)),
    ("four", (W::Unit(4), true)),
    ("five", (W::Unit(5), true)),
    ("six", (W::Unit(6), true)),
    ("seven", (W::Unit(7), true)),
    ("eight", (W::Unit(8), true)),
    ("nine", (W::Unit(9), true)),
    ("nought", (W::Unit(0), true)),
    ("naught", (W::Unit(0), true)),
    ("ten", (W::Teen(10), true)),
    ("eleven", (W::Teen(11), true)),
    ("twelve", (W::Teen(12), true)),
    ("thirteen", (W::Teen(13), true)),
    ("fourteen", (W::Teen(14), true)),
    ("fifteen", (W::Teen(15), true)),
    ("sixteen", (W::Teen(16), true)),
    ("seventeen", (W::Teen(17), true)),
    ("eighteen", (W::Teen(18), true)),
    ("nineteen", (W::Teen(19), true)),
    ("twenty", (W::Tens(20), true)),
    ("thirty", (W::Tens(30), true)),
    ("forty", (W::Tens(40), true)),
    ("fifty", (W::Tens(50), true)),
    ("sixty", (W::Tens(60), true)),
    ("seventy", (W::Tens(70), true)),
    ("eighty", (W::Tens(80), true)),
    ("ninety", (W::Tens(90), true)),
    (
        "first",
        (
            W::Ord {
                n: 1,
                plural: false,
            },
            true,
        ),
    ),
    (
        "second",
        (
            W::Ord {
                n: 2,
                plural: false,
            },
            true,
        ),
    ),
    (
        "third",
        (
            W::Ord {
                n: 3,
                plural: false,
            },
            true,
        ),
    ),
    (
        "fourth",
        (
            W::Ord {
                n: 4,
                plural: false,
            },
            true,
        ),
    ),
    (
        "fifth",
        (
            W::Ord {
                n: 5,
                plural: false,
            },
            true,
        ),
    ),
    (
        "sixth",
        (
            W::Ord {
                n: 6,
                plural: false,
            },
            true,
        ),
    ),
    (
        "seventh",
        (
            W::Ord {
                n: 7,
                plural: false,
            },
            true,
        ),
    ),
    (
        "eighth",
        (
            W::Ord {
                n: 8,
                plural: false,
            },
            true,
        ),
    ),
    (
        "ninth",
        (
            W::Ord {
                n: 9,
                plural: false,
            },
            true,
        ),
    ),
    (
        "tenth",
        (
            W::Ord {
                n: 10,
                plural: false,
            },
            true,
        ),
    ),
    (
        "eleventh",
        (
            W::Ord {
                n: 11,
                plural: false,
            },
            true,
        ),
    ),
    (
        "twelfth",
        (
            W::Ord {
                n: 12,
                plural: false,
            },
            true,
        ),
    ),
    (
        "thirteenth",
        (
            W::Ord {
                n: 13,
                plural: false,
            },
            true,
        ),
    ),
    (
        "fourteenth",
        (
            W::Ord {
                n: 14,
                plural: false,
            },
            true,
        ),
    ),
    (
        "fifteenth",
        (
            W::Ord {
                n: 15,
                plural: false,
            },
            true,
        ),
    ),
    (
        "sixteenth",
        (
            W::Ord {
                n: 16,
                plural: false,
            },
            true,
        ),
    ),
    (
        "seventeenth",
        (
            W::Ord {
                n: 17,
                plural: false,
            },
            true,
        ),
    ),
    (
        "eighteenth",
        (
            W::Ord {
                n: 18,
                plural: false,
            },
            true,
        ),
    ),
    (
        "nineteenth",
        (
            W::Ord {
                n: 19,
                plural: false,
            },
            true,
        ),
    ),
    (
        "twentieth",
        (
            W::Ord {
                n: 20,
                plural: false,
            },
            true,
        ),
    ),
    (
        "thirtieth",
        (
            W::Ord {
                n: 30,
                plural: false,
            },
            true,
        ),
    ),
    (
        "fortieth",
        (
            W::Ord {
                n: 40,
                plural: false,
            },
            true,
        ),
    ),
    (
        "fiftieth",
        (
            W::Ord {
                n: 50,
                plural: false,
            },
            true,
        ),
    ),
    (
        "sixtieth",
        (
            W::Ord {
                n: 60,
                plural: false,
            },
            true,
        ),
    ),
    (
        "seventieth",
        (
            W::Ord {
                n: 70,
                plural: false,
            },
            true,
        ),
    ),
    (
        "eightieth",
        (
            W::Ord {
                n: 80,
                plural: false,
            },
            true,
        ),
    ),
    (
        "ninetieth",
        (
            W::Ord {
                n: 90,
                plural: false,
            },
            true,
        ),
    ),
    (
        "nineth",
        (
            W::Ord {
                n: 9,
                plural: false,
            },
            true,
        ),
    ),
    (
        "hundredth",
        (
            W::Ord {
                n: 100,
                plural: false,
            },
            true,
        ),
    ),
    (
        "thousandth",
        (
            W::Ord {
                n: 1000,
                plural: false,
            },
            true,
        ),
    ),
    (
        "millionth",
        (
            W::Ord {
                n: 1_000_000,
                plural: false,
            },
            true,
        ),
    ),
    (
        "billionth",
        (
            W::Ord {
                n: 1_000_000_000,
                plural: false,
            },
            true,
        ),
    ),
    (
        "trillionth",
        (
            W::Ord {
                n: 1_000_000_000_000,
                plural: false,
            },
            true,
        ),
    ),
    ("firsts", (W::Ord { n: 1, plural: true }, false)),
    ("seconds", (W::Ord { n: 2, plural: true }, false)),
    ("thirds", (W::Ord { n: 3, plural: true }, false)),
    ("fourths", (W::Ord { n: 4, plural: true }, false)),
    ("fifths", (W::Ord { n: 5, plural: true }, false)),
    ("sixths", (W::Ord { n: 6, plural: true }, false)),
    ("sevenths", (W::Ord { n: 7, plural: true }, false)),
    ("eighths", (W::Ord { n: 8, plural: true }, false)),
    ("ninths", (W::Ord { n: 9, plural: true }, false)),
    (
        "tenths",
        (
            W::Ord {
                n: 10,
                plural: true,
            },
            false,
        ),
    ),
    (
        "elevenths",
        (
            W::Ord {
                n: 11,
                plural: true,
            },
            false,
        ),
    ),
    (
        "twelfths",
        (
            W::Ord {
                n: 12,
                plural: true,
            },
            false,
        ),
    ),
    (
        "thirteenths",
        (
            W::Ord {
                n: 13,
                plural: true,
            },
            false,
        ),
    ),
    (
        "fourteenths",
        (
            W::Ord {
                n: 14,
                plural: true,
            },
            false,
        ),
    ),
    (
        "fifteenths",
        (
            W::Ord {
                n: 15,
                plural: true,
            },
            false,
        ),
    ),
    (
        "sixteenths",
        (
            W::Ord {
                n: 16,
                plural: true,
            },
            false,
        ),
    ),
    (
        "seventeenths",
        (
            W::Ord {
                n: 17,
                plural: true,
            },
            false,
        ),
    ),
    (
        "eighteenths",
        (
            W::Ord {
                n: 18,
                plural: true,
            },
            false,
        ),
    ),
    (
        "nineteenths",
        (
            W::Ord {
                n: 19,
                plural: true,
            },
            false,
        ),
    ),
    (
        "twentieths",
        (
            W::Ord {
                n: 20,
                plural: true,
            },
            false,
        ),
    ),
    (
        "thirtieths",
        (
            W::Ord {
                n: 30,
                plural: true,
            },
            false,
        ),
    ),
    (
        "fortieths",
        (
            W::Ord {
                n: 40,
                plural: true,
            },
            false,
        ),
    ),
    (
        "fiftieths",
        (
            W::Ord {
                n: 50,
                plural: true,
            },
            false,
        ),
    ),
    (
        "sixtieths",
        (
            W::Ord {
                n: 60,
                plural: true,
            },
            false,
        ),
    ),
    (
        "seventieths",
        (
            W::Ord {
                n: 70,
                plural: true,
            },
            false,
        ),
    ),
    (
        "eightieths",
        (
            W::Ord {
                n: 80,
                plural: true,
            },
            false,
        ),
    ),
    (
        "ninetieths",
        (
            W::Ord {
                n: 90,
                plural: true,
            },
            false,
        ),
    ),
    (
        "hundredths",
        (
            W::Ord {
                n: 100,
                plural: true,
            },
            false,
        ),
    ),
    (
        "thousandths",
        (
            W::Ord {
                n: 1000,
                plural: true,
            },
            false,
        ),
    ),
    (
        "millionths",
        (
            W::Ord {
                n: 1_000_000,
                plural: true,
            },
            false,
        ),
    ),
    (
        "billionths",
        (
            W::Ord {
                n: 1_000_000_000,
                plural: true,
            },
            false,
        ),
    ),
    (
        "trillionths",
        (
            W::Ord {
                n: 1_000_000_000_000,
                plural: true,
            },
            false,
        ),
    ),
    ("hundred", (W::Hundred, true)),
    ("thousand", (W::Scale(1_000), true)),
    ("million", (W::Scale(1_000_000), true)),
    ("billion", (W::Scale(1_000_000_000), true)),
    ("trillion", (W::Scale(1_000_000_000_000), true)),
    ("lakh", (W::Scale(100_000), true)),
    ("crore", (W::Scale(10_000_000), true)),
    ("dozen", (W::Dozen, true)),
    ("doz", (W::Dozen, false)),
    ("dozs", (W::Dozen, false)),
    ("dz", (W::Dozen, false)),
    ("dzs", (W::Dozen, false)),
    ("dozens", (W::Vague(12), true)),
    ("hundreds", (W::Vague(100), true)),
    ("thousands", (W::Vague(1_000), true)),
    ("millions", (W::Vague(1_000_000), true)),
    ("billions", (W::Vague(1_000_000_000), true)),
    ("tens", (W::TensOf, true)),
    ("half", (W::Half { plural: false }, true)),
    ("halves", (W::Half { plural: true }, false)),
    ("quarter", (W::Quarter { plural: false }, true)),
    ("quarters", (W::Quarter { plural: true }, true)),
    ("a", (W::A, false)),
    ("an", (W::A, false)),
    ("and", (W::And, false)),
    ("point", (W::Point, false)),
    ("of", (W::Of, false)),
];

/// [`NUMBER_WORDS`] by word.
static WORDS: WordMap<(W, bool), 122> = WordMap::new(NUMBER_WORDS);

/// Looks up one lower-cased word (a capital in it makes it none).
pub(crate) fn lookup(w: &str) -> Option<W> {
    WORDS.get_key(word_key_lower(w)?).map(|(v, _)| v)
}

/// What a word phrase states.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum WordKind {
    Cardinal,
    Ordinal,
    Fraction,
    Vague,
}

#[derive(Debug, Clone)]
pub(crate) struct WordNum {
    pub start: usize,
    pub end: usize,
    pub value: Decimal,
    pub kind: WordKind,
    /// Number of number words (not counting `a`, `and`).
    pub words: usize,
    /// The phrase is the single word `one`.
    pub lone_one: bool,
}

/// One token: byte span and lower-cased word.
#[derive(Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    w: Option<W>,
}

/// At most this many tokens are read for one phrase.
const MAX_TOKS: usize = 24;

/// The tokens of one phrase, on the stack (a parse allocates nothing).
struct Toks {
    a: [Tok; MAX_TOKS],
    n: usize,
}

impl Toks {
    fn push(&mut self, t: Tok) {
        if self.n < MAX_TOKS {
            self.a[self.n] = t;
            self.n += 1;
        }
    }
}

impl std::ops::Deref for Toks {
    type Target = [Tok];
    fn deref(&self) -> &[Tok] {
        &self.a[..self.n]
    }
}

/// Reads up to `max` (at most [`MAX_TOKS`]) word tokens starting at `p`,
/// separated by spaces or a hyphen.
fn tokens(t: &str, p: usize, max: usize) -> Toks {
    let b = t.as_bytes();
    let max = max.min(MAX_TOKS);
    let mut out = Toks {
        a: [Tok {
            start: 0,
            end: 0,
            w: None,
        }; MAX_TOKS],
        n: 0,
    };
    let mut i = p;
    let mut buf = [0u8; 16];
    while out.len() < max {
        let s = i;
        let mut e = s;
        let w = if b.get(s).is_some_and(u8::is_ascii_digit) {
            while e < b.len() && b[e].is_ascii_digit() {
                e += 1;
            }
            // only a whole token of at most three digits
            let glued = b.get(e).is_some_and(|c| {
                c.is_ascii_alphanumeric()
                    || (matches!(c, b'.' | b',' | b'/' | b'^')
                        && b.get(e + 1).is_some_and(u8::is_ascii_digit))
            });
            if e - s > 3 || glued {
                None
            } else {
                std::str::from_utf8(&b[s..e])
                    .ok()
                    .and_then(|x| x.parse().ok())
                    .map(W::Num)
            }
        } else {
            while e < b.len() && b[e].is_ascii_alphabetic() {
                e += 1;
            }
            if e == s || e - s > buf.len() {
                break;
            }
            for (k, c) in b[s..e].iter().enumerate() {
                buf[k] = c.to_ascii_lowercase();
            }
            // SAFETY: `buf[..e - s]` holds ASCII letters only.
            lookup(unsafe { std::str::from_utf8_unchecked(&buf[..e - s]) })
        };
        let stop = w.is_none();
        out.push(Tok {
            start: s,
            end: e,
            w,
        });
        if stop {
            break;
        }
        // Separator: spaces, or a hyphen with optional spaces around it.
        let mut j = e;
        let mut spaces = 0;
        while let Some(c) = ch(t, j) {
            if is_hspace(c) {
                j += c.len_utf8();
                spaces += 1;
            } else {
                break;
            }
        }
        if b.get(j) == Some(&b'-') {
            j += 1;
            while let Some(c) = ch(t, j) {
                if is_hspace(c) {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
        } else if spaces == 0 || spaces > 3 {
            break;
        }
        i = j;
    }
    out
}

fn dec(n: u64) -> Decimal {
    Decimal::from(n)
}

/// Parses an English number phrase starting at `p` (the start of a word).
pub(crate) fn parse_words(t: &str, p: usize) -> Option<WordNum> {
    parse_at(t, p, 0)
}

/// Scale words that also make ordinals (`hundredth`, `trillionth`).
fn is_scale_ordinal(n: u64) -> bool {
    matches!(
        n,
        100 | 1_000 | 1_000_000 | 1_000_000_000 | 1_000_000_000_000
    )
}

/// The grammar. `depth` bounds the recursion for `X and <fraction>`.
fn parse_at(t: &str, p: usize, depth: u8) -> Option<WordNum> {
    use W::*;
    let toks = tokens(t, p, MAX_TOKS);
    let mut best: Option<WordNum> = None;
    let mut total = Decimal::ZERO; // completed scale groups
    let mut cur: u64 = 0; // the part below the last scale
    // What the units after the last `and` added (`three hundred and two
    // dozens`: only the two is multiplied).
    let mut since_and: Option<u64> = None;
    let mut and_after: Option<W> = None; // the word before that `and`
    // What the last scale word added (`three lakh crore` multiplies it again).
    let mut last_group = Decimal::ZERO;
    let mut last: Option<W> = None; // last number word
    let mut had_a = false;
    let mut words = 0usize;
    let mut last_scale = u64::MAX;
    let mut k = 0;
    let set = |best: &mut Option<WordNum>, end: usize, v: Decimal, kind, words: usize| {
        *best = Some(WordNum {
            start: p,
            end,
            value: v,
            kind,
            words,
            lone_one: false,
        });
    };
    while k < toks.len() {
        let tk = &toks[k];
        let Some(w) = tk.w else { break };
        let next = toks.get(k + 1).and_then(|x| x.w);
        // The whole number so far, and whether it is the lone word `one`
        // (or `a`): numerators of fractions.
        let whole = total + dec(cur);
        let lone_one = (words == 1 && last == Some(Unit(1))) || (had_a && last.is_none());
        match w {
            A => {
                // `a hundred`, `a dozen`, `a half`, `a third` — only at the start.
                if k != 0 {
                    break;
                }
                match next {
                    Some(Hundred | Scale(_) | Dozen | Half { .. } | Quarter { .. }) => {}
                    Some(Ord { n, plural: false }) if n >= 3 => {}
                    _ => return None,
                }
                had_a = true;
                cur = 1;
            }
            Unit(u) => {
                if matches!(last, Some(Unit(_) | Teen(_) | Num(_))) {
                    break;
                }
                if matches!(last, Some(Tens(_))) && u == 0 {
                    break;
                }
                cur += u as u64;
                if let Some(s) = &mut since_and {
                    *s += u as u64;
                }
                words += 1;
                last = Some(w);
                set(
                    &mut best,
                    tk.end,
                    total + dec(cur),
                    WordKind::Cardinal,
                    words,
                );
            }
            Num(n) => {
                // digits start a phrase (`3 hundred`) or follow a scale
                // (`4 thousand 3 hundred`, `3 hundred and 21`)
                let scaled = matches!(next, Some(Hundred | Scale(_)));
                let ok = match last {
                    None => k == 0,
                    Some(Hundred) => since_and.is_some() && n > 0 && !scaled,
                    Some(Scale(_)) => since_and.is_none(),
                    _ => false,
                };
                if !ok || (!scaled && !matches!(last, Some(Hundred))) {
                    break;
                }
                cur += n as u64;
                if let Some(s) = &mut since_and {
                    *s += n as u64;
                }
                words += 1;
                last = Some(w);
                set(
                    &mut best,
                    tk.end,
                    total + dec(cur),
                    WordKind::Cardinal,
                    words,
                );
            }
            Teen(n) | Tens(n) => {
                // A compound ordinal as denominator: `one twenty-fifth`,
                // `three twenty-firsts`, `one hundred thirty-fifths`.
                if let (Tens(x), Some(_), Some(Ord { n: o, plural })) = (w, last, next)
                    && o < 10
                    && if plural {
                        whole > Decimal::ONE
                    } else {
                        lone_one
                    }
                {
                    let v = whole / dec(x as u64 + o);
                    set(&mut best, toks[k + 1].end, v, WordKind::Fraction, words + 2);
                    break;
                }
                if matches!(last, Some(Unit(_) | Teen(_) | Tens(_) | Num(_))) {
                    break;
                }
                cur += n as u64;
                if let Some(s) = &mut since_and {
                    *s += n as u64;
                }
                words += 1;
                last = Some(w);
                set(
                    &mut best,
                    tk.end,
                    total + dec(cur),
                    WordKind::Cardinal,
                    words,
                );
            }
            Hundred => {
                if matches!(last, Some(Hundred))
                    || (last.is_none() && !had_a)
                    || (since_and.is_some() && and_after == Some(Hundred))
                {
                    // a bare `hundred` is no number phrase on its own
                    last?;
                    break;
                }
                cur = cur.max(1) * 100;
                since_and = None;
                words += 1;
                last = Some(w);
                set(
                    &mut best,
                    tk.end,
                    total + dec(cur),
                    WordKind::Cardinal,
                    words,
                );
            }
            Scale(s) => {
                if last.is_none() && !had_a {
                    return None;
                }
                if s == 10_000_000 && last == Some(Scale(100_000)) {
                    // `three lakh crore`
                    total += last_group * dec(s) - last_group;
                    last_group *= dec(s);
                    last_scale = 100_000 * s;
                } else {
                    if s >= last_scale {
                        break;
                    }
                    last_group = dec(cur.max(1)) * dec(s);
                    total += last_group;
                    last_scale = s;
                }
                cur = 0;
                since_and = None;
                words += 1;
                last = Some(w);
                set(&mut best, tk.end, total, WordKind::Cardinal, words);
            }
            Dozen | Vague(_) if last.is_some() || (had_a && w == Dozen) => {
                // `a dozen`, `three dozen`, `three dozens`, `322 hundreds`:
                // a multiplied scale; after `and` only the part after it.
                let m = match w {
                    Vague(s) => s,
                    _ => 12,
                };
                let v = match since_and {
                    Some(sa) if sa > 0 => whole - dec(sa) + dec(sa) * dec(m),
                    _ => total + dec(cur.max(1)) * dec(m),
                };
                set(&mut best, tk.end, v, WordKind::Cardinal, words + 1);
                break;
            }
            Dozen => return None,
            Vague(s) => {
                if had_a {
                    return None;
                }
                // `hundreds of thousands`
                let mut v = dec(s);
                let mut end = tk.end;
                if let (Some(Of), Some(Vague(s2) | Scale(s2))) =
                    (next, toks.get(k + 2).and_then(|x| x.w))
                    && s2 > s
                    && s2 >= 1000
                {
                    v = dec(s) * dec(s2);
                    end = toks[k + 2].end;
                }
                set(&mut best, end, v, WordKind::Vague, 1);
                break;
            }
            TensOf => {
                // `tens of thousands`
                if last.is_some() || had_a {
                    break;
                }
                if let (Some(Of), Some(Vague(s2) | Scale(s2))) =
                    (next, toks.get(k + 2).and_then(|x| x.w))
                    && s2 >= 1000
                {
                    set(
                        &mut best,
                        toks[k + 2].end,
                        dec(10) * dec(s2),
                        WordKind::Vague,
                        1,
                    );
                }
                break;
            }
            And => {
                if last.is_none() {
                    break;
                }
                // `one and a half`, `twenty and three fifths`, `one hundred
                // and three quarters`, `five and a half million`, `one
                // million and a half`: a whole number and a fraction.
                if depth < 4
                    && let Some(nt) = toks.get(k + 1)
                    && let Some(f) = parse_at(t, nt.start, depth + 1)
                    && f.kind == WordKind::Fraction
                {
                    let after = toks.iter().position(|x| x.start >= f.end);
                    let v;
                    let mut end = f.end;
                    match after.and_then(|j| toks[j].w.map(|w| (j, w))) {
                        Some((j, Scale(s2))) if s2 < last_scale => {
                            v = total + (dec(cur) + f.value) * dec(s2);
                            end = toks[j].end;
                        }
                        _ => {
                            v = match last {
                                Some(Scale(s)) if cur == 0 => total + f.value * dec(s),
                                _ => whole + f.value,
                            };
                        }
                    }
                    set(&mut best, end, v, WordKind::Cardinal, words + f.words);
                    break;
                }
                // `one hundred and six`
                match (last, next) {
                    (Some(Hundred | Scale(_)), Some(Unit(_) | Teen(_) | Tens(_)))
                    | (Some(Hundred), Some(Num(_))) => {
                        since_and = Some(0);
                        and_after = last;
                    }
                    _ => break,
                }
            }
            Point => {
                // `two hundred point zero three`
                if last.is_none() {
                    break;
                }
                let mut digits = String::new();
                let mut end = tk.end;
                let mut j = k + 1;
                while let Some(x) = toks.get(j) {
                    match x.w {
                        Some(Unit(u)) => digits.push((b'0' + u) as char),
                        Some(Teen(n) | Tens(n)) => {
                            let mut s = n.to_string();
                            if let (Tens(_), Some(Some(Unit(u)))) =
                                (x.w.unwrap_or(A), toks.get(j + 1).map(|y| y.w))
                                && u > 0
                            {
                                s.pop();
                                s.push((b'0' + u) as char);
                                j += 1;
                            }
                            digits.push_str(&s);
                        }
                        _ => break,
                    }
                    end = toks[j].end;
                    j += 1;
                }
                if !digits.is_empty()
                    && let Ok(f) = format!("0.{digits}").parse::<Decimal>()
                {
                    let v = whole + f;
                    set(&mut best, end, v, WordKind::Cardinal, words + 1);
                }
                break;
            }
            Half { plural } | Quarter { plural } => {
                let d = if matches!(w, Half { .. }) { 2 } else { 4 };
                if last.is_none() && !had_a {
                    // `half`, `half a dozen`, `half a million`
                    if plural {
                        return None;
                    }
                    if d == 2 && next == Some(A) {
                        match toks.get(k + 2).and_then(|x| x.w) {
                            Some(Dozen) => {
                                set(&mut best, toks[k + 2].end, dec(6), WordKind::Cardinal, 1);
                                break;
                            }
                            Some(Scale(s)) => {
                                let v = dec(s) / dec(2);
                                set(&mut best, toks[k + 2].end, v, WordKind::Cardinal, 1);
                                break;
                            }
                            _ => {}
                        }
                    }
                    if let Some(Scale(s)) = next {
                        let v = dec(s) / dec(d);
                        set(&mut best, toks[k + 1].end, v, WordKind::Cardinal, 1);
                        break;
                    }
                    if d == 4 {
                        return None; // a bare `quarter` is mostly a place or a period
                    }
                    set(&mut best, tk.end, Decimal::new(5, 1), WordKind::Fraction, 1);
                    break;
                }
                // `a half`, `one half`, `three quarters`
                if lone_one == plural {
                    break;
                }
                set(
                    &mut best,
                    tk.end,
                    whole / dec(d),
                    WordKind::Fraction,
                    words + 1,
                );
                break;
            }
            Ord { n, plural } => {
                let nd = dec(n);
                match last {
                    None if had_a
                        // `a third`, `a fifth`, `a trillionth`
                        && !plural =>
                    {
                        set(&mut best, tk.end, Decimal::ONE / nd, WordKind::Fraction, 1);
                    }
                    None if !plural => {
                        set(&mut best, tk.end, nd, WordKind::Ordinal, 1);
                    }
                    Some(Tens(_)) if n < 10 && !plural => {
                        // `twenty-first`
                        let v = whole + nd;
                        set(&mut best, tk.end, v, WordKind::Ordinal, words + 1);
                    }
                    Some(_) if !plural && is_scale_ordinal(n) => {
                        // `one hundredth` is a fraction, `two hundredth` and
                        // `three trillionth` are ordinals.
                        if lone_one {
                            set(&mut best, tk.end, Decimal::ONE / nd, WordKind::Fraction, 2);
                        } else {
                            let v = whole * nd;
                            set(&mut best, tk.end, v, WordKind::Ordinal, words + 1);
                        }
                    }
                    Some(Hundred | Scale(_)) if n < 100 && !plural => {
                        // `one hundred fifth`
                        let v = whole + nd;
                        set(&mut best, tk.end, v, WordKind::Ordinal, words + 1);
                    }
                    Some(_) if n >= 3 && plural != lone_one => {
                        // `one-third`, `two thirds`, `five eighths`, `one
                        // million two thousand two hundred three fifths`
                        set(&mut best, tk.end, whole / nd, WordKind::Fraction, words + 1);
                    }
                    _ => {}
                }
                break;
            }
            Of => break,
        }
        k += 1;
    }
    let mut b = best?;
    // `two thirds of a million`
    if b.kind == WordKind::Fraction
        && let Some(j) = toks.iter().position(|x| x.end == b.end)
        && let (Some(Of), Some(A), Some(Scale(s))) = (
            toks.get(j + 1).and_then(|x| x.w),
            toks.get(j + 2).and_then(|x| x.w),
            toks.get(j + 3).and_then(|x| x.w),
        )
    {
        b.value *= dec(s);
        b.end = toks[j + 3].end;
        b.kind = WordKind::Cardinal;
    }
    b.lone_one = b.words == 1
        && b.kind == WordKind::Cardinal
        && toks
            .first()
            .is_some_and(|t| t.w == Some(Unit(1)) && t.end == b.end);
    Some(b)
}

/// English ordinal suffix after digits (`21st`, `2nd`, `4th`).
pub(crate) fn is_ordinal_suffix(s: &str) -> bool {
    s.len() == 2
        && matches!(
            super::chars::Low::new(s).as_str(),
            "st" | "nd" | "rd" | "th"
        )
}
