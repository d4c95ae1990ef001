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
    ("first", (ord(1), true)),
    ("second", (ord(2), true)),
    ("third", (ord(3), true)),
    ("fourth", (ord(4), true)),
    ("fifth", (ord(5), true)),
    ("sixth", (ord(6), true)),
    ("seventh", (ord(7), true)),
    ("eighth", (ord(8), true)),
    ("ninth", (ord(9), true)),
    ("tenth", (ord(10), true)),
    ("eleventh", (ord(11), true)),
    ("twelfth", (ord(12), true)),
    ("thirteenth", (ord(13), true)),
    ("fourteenth", (ord(14), true)),
    ("fifteenth", (ord(15), true)),
    ("sixteenth", (ord(16), true)),
    ("seventeenth", (ord(17), true)),
    ("eighteenth", (ord(18), true)),
    ("nineteenth", (ord(19), true)),
    ("twentieth", (ord(20), true)),
    ("thirtieth", (ord(30), true)),
    ("fortieth", (ord(40), true)),
    ("fiftieth", (ord(50), true)),
    ("sixtieth", (ord(60), true)),
    ("seventieth", (ord(70), true)),
    ("eightieth", (ord(80), true)),
    ("ninetieth", (ord(90), true)),
    ("nineth", (ord(9), true)),
    ("hundredth", (ord(100), true)),
    ("thousandth", (ord(1000), true)),
    ("millionth", (ord(1_000_000), true)),
    ("billionth", (ord(1_000_000_000), true)),
    ("trillionth", (ord(1_000_000_000_000), true)),
    ("firsts", (W::Ord { n: 1, plural: true }, false)),
    ("seconds", (W::Ord { n: 2, plural: true }, false)),
    ("thirds", (W::Ord { n: 3, plural: true }, false)),
    ("fourths", (W::Ord { n: 4, plural: true }, false)),
    ("fifths", (W::Ord { n: 5, plural: true }, false)),
    ("sixths", (W::Ord { n: 6, plural: true }, false)),
    ("sevenths", (W::Ord { n: 7, plural: true }, false)),
    ("eighths", (W::Ord { n: 8, plural: true }, false)),
    ("ninths", (W::Ord { n: 9, plural: true }, false)),
    ("tenths", (ords(10), false)),
    ("elevenths", (ords(11), false)),
    ("twelfths", (ords(12), false)),
    ("thirteenths", (ords(13), false)),
    ("fourteenths", (ords(14), false)),
    ("fifteenths", (ords(15), false)),
    ("sixteenths", (ords(16), false)),
    ("seventeenths", (ords(17), false)),
    ("eighteenths", (ords(18), false)),
    ("nineteenths", (ords(19), false)),
    ("twentieths", (ords(20), false)),
    ("thirtieths", (ords(30), false)),
    ("fortieths", (ords(40), false)),
    ("fiftieths", (ords(50), false)),
    ("sixtieths", (ords(60), false)),
    ("seventieths", (ords(70), false)),
    ("eightieths", (ords(80), false)),
    ("ninetieths", (ords(90), false)),
    ("hundredths", (ords(100), false)),
    ("thousandths", (ords(1000), false)),
    ("millionths", (ords(1_000_000), false)),
    ("billionths", (ords(1_000_000_000), false)),
    ("trillionths", (ords(1_000_000_000_000), false)),
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

/// An ordinal word's [`W`]; [`ords`] its plural (`thirds`).
const fn ord(n: u64) -> W {
    W::Ord { n, plural: false }
}

const fn ords(n: u64) -> W {
    W::Ord { n, plural: true }
}

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
    let mut ph = Phrase {
        t,
        p,
        depth,
        toks: tokens(t, p, MAX_TOKS),
        best: None,
        total: Decimal::ZERO,
        cur: 0,
        since_and: None,
        and_after: None,
        last_group: Decimal::ZERO,
        last: None,
        had_a: false,
        words: 0,
        last_scale: u64::MAX,
    };
    let mut k = 0;
    while k < ph.toks.len() {
        let Some(w) = ph.toks[k].w else { break };
        match ph.word(k, w) {
            Flow::Go => k += 1,
            Flow::Stop => break,
            Flow::Fail => return None,
        }
    }
    ph.finish()
}

/// What a word did to the phrase: the next word may go on with it, it ends
/// here (the best reading so far stands), or it is no number phrase.
enum Flow {
    Go,
    Stop,
    Fail,
}

/// [`parse_at`]'s state between words.
struct Phrase<'t> {
    t: &'t str,
    p: usize,
    depth: u8,
    toks: Toks,
    /// The longest well-formed reading so far.
    best: Option<WordNum>,
    /// Completed scale groups.
    total: Decimal,
    /// The part below the last scale.
    cur: u64,
    /// What the units after the last `and` added (`three hundred and two
    /// dozens`: only the two is multiplied), and the word before that `and`.
    since_and: Option<u64>,
    and_after: Option<W>,
    /// What the last scale word added (`three lakh crore` multiplies it again).
    last_group: Decimal,
    /// The last number word.
    last: Option<W>,
    had_a: bool,
    words: usize,
    last_scale: u64,
}

impl Phrase<'_> {
    /// One word, the `k`th token.
    fn word(&mut self, k: usize, w: W) -> Flow {
        use W::*;
        match w {
            A => self.article(k),
            Unit(u) => self.unit(k, w, u),
            Num(n) => self.digits(k, w, n),
            Teen(n) | Tens(n) => self.teen_or_tens(k, w, n),
            Hundred => self.hundred(k, w),
            Scale(s) => self.scale(k, w, s),
            Dozen | Vague(_) if self.last.is_some() || (self.had_a && w == Dozen) => {
                self.multiplied(k, w)
            }
            Dozen => Flow::Fail,
            Vague(s) => self.vague(k, s),
            TensOf => self.tens_of(k),
            And => self.and(k),
            Point => self.point(k),
            Half { plural } | Quarter { plural } => self.half_or_quarter(k, w, plural),
            Ord { n, plural } => self.ordinal(k, n, plural),
            Of => Flow::Stop,
        }
    }

    fn next(&self, k: usize) -> Option<W> {
        self.toks.get(k + 1).and_then(|x| x.w)
    }

    /// The whole number so far.
    fn whole(&self) -> Decimal {
        self.total + dec(self.cur)
    }

    /// Whether the phrase so far is the lone word `one` (or `a`): the
    /// numerator of a fraction.
    fn lone_one(&self) -> bool {
        (self.words == 1 && self.last == Some(W::Unit(1))) || (self.had_a && self.last.is_none())
    }

    /// Word `k` (`w`) is part of the number, which is now `value`.
    fn took(&mut self, k: usize, w: W, value: Decimal) -> Flow {
        self.words += 1;
        self.last = Some(w);
        self.set(self.toks[k].end, value, WordKind::Cardinal, self.words);
        Flow::Go
    }

    fn set(&mut self, end: usize, value: Decimal, kind: WordKind, words: usize) {
        self.best = Some(WordNum {
            start: self.p,
            end,
            value,
            kind,
            words,
            lone_one: false,
        });
    }

    /// Adds `n` below the last scale, the word `w` at token `k`.
    fn add(&mut self, k: usize, w: W, n: u64) -> Flow {
        self.cur += n;
        if let Some(s) = &mut self.since_and {
            *s += n;
        }
        self.took(k, w, self.whole())
    }

    /// `a hundred`, `a dozen`, `a half`, `a third` — only at the start.
    fn article(&mut self, k: usize) -> Flow {
        use W::*;
        if k != 0 {
            return Flow::Stop;
        }
        match self.next(k) {
            Some(Hundred | Scale(_) | Dozen | Half { .. } | Quarter { .. }) => {}
            Some(Ord { n, plural: false }) if n >= 3 => {}
            _ => return Flow::Fail,
        }
        self.had_a = true;
        self.cur = 1;
        Flow::Go
    }

    fn unit(&mut self, k: usize, w: W, u: u8) -> Flow {
        use W::*;
        if matches!(self.last, Some(Unit(_) | Teen(_) | Num(_)))
            || (matches!(self.last, Some(Tens(_))) && u == 0)
        {
            return Flow::Stop;
        }
        self.add(k, w, u as u64)
    }

    /// Digits start a phrase (`3 hundred`) or follow a scale (`4 thousand 3
    /// hundred`, `3 hundred and 21`).
    fn digits(&mut self, k: usize, w: W, n: u16) -> Flow {
        use W::*;
        let scaled = matches!(self.next(k), Some(Hundred | Scale(_)));
        let ok = match self.last {
            None => k == 0,
            Some(Hundred) => self.since_and.is_some() && n > 0 && !scaled,
            Some(Scale(_)) => self.since_and.is_none(),
            _ => false,
        };
        if !ok || (!scaled && !matches!(self.last, Some(Hundred))) {
            return Flow::Stop;
        }
        self.add(k, w, n as u64)
    }

    fn teen_or_tens(&mut self, k: usize, w: W, n: u8) -> Flow {
        use W::*;
        // A compound ordinal as denominator: `one twenty-fifth`, `three
        // twenty-firsts`, `one hundred thirty-fifths`.
        if let (Tens(x), Some(_), Some(Ord { n: o, plural })) = (w, self.last, self.next(k))
            && o < 10
            && if plural {
                self.whole() > Decimal::ONE
            } else {
                self.lone_one()
            }
        {
            let v = self.whole() / dec(x as u64 + o);
            self.set(self.toks[k + 1].end, v, WordKind::Fraction, self.words + 2);
            return Flow::Stop;
        }
        if matches!(self.last, Some(Unit(_) | Teen(_) | Tens(_) | Num(_))) {
            return Flow::Stop;
        }
        self.add(k, w, n as u64)
    }

    fn hundred(&mut self, k: usize, w: W) -> Flow {
        use W::*;
        if matches!(self.last, Some(Hundred))
            || (self.last.is_none() && !self.had_a)
            || (self.since_and.is_some() && self.and_after == Some(Hundred))
        {
            // a bare `hundred` is no number phrase on its own
            return if self.last.is_none() {
                Flow::Fail
            } else {
                Flow::Stop
            };
        }
        self.cur = self.cur.max(1) * 100;
        self.since_and = None;
        self.took(k, w, self.whole())
    }

    fn scale(&mut self, k: usize, w: W, s: u64) -> Flow {
        if self.last.is_none() && !self.had_a {
            return Flow::Fail;
        }
        if s == 10_000_000 && self.last == Some(W::Scale(100_000)) {
            // `three lakh crore`
            self.total += self.last_group * dec(s) - self.last_group;
            self.last_group *= dec(s);
            self.last_scale = 100_000 * s;
        } else {
            if s >= self.last_scale {
                return Flow::Stop;
            }
            self.last_group = dec(self.cur.max(1)) * dec(s);
            self.total += self.last_group;
            self.last_scale = s;
        }
        self.cur = 0;
        self.since_and = None;
        self.took(k, w, self.total)
    }

    /// `a dozen`, `three dozen`, `three dozens`, `322 hundreds`: a multiplied
    /// scale; after `and` only the part after it.
    fn multiplied(&mut self, k: usize, w: W) -> Flow {
        let m = match w {
            W::Vague(s) => s,
            _ => 12,
        };
        let v = match self.since_and {
            Some(sa) if sa > 0 => self.whole() - dec(sa) + dec(sa) * dec(m),
            _ => self.total + dec(self.cur.max(1)) * dec(m),
        };
        self.set(self.toks[k].end, v, WordKind::Cardinal, self.words + 1);
        Flow::Stop
    }

    /// `hundreds`, `hundreds of thousands`.
    fn vague(&mut self, k: usize, s: u64) -> Flow {
        use W::*;
        if self.had_a {
            return Flow::Fail;
        }
        let mut v = dec(s);
        let mut end = self.toks[k].end;
        if let (Some(Of), Some(Vague(s2) | Scale(s2))) = (self.next(k), self.next(k + 1))
            && s2 > s
            && s2 >= 1000
        {
            v = dec(s) * dec(s2);
            end = self.toks[k + 2].end;
        }
        self.set(end, v, WordKind::Vague, 1);
        Flow::Stop
    }

    /// `tens of thousands`.
    fn tens_of(&mut self, k: usize) -> Flow {
        use W::*;
        if self.last.is_some() || self.had_a {
            return Flow::Stop;
        }
        if let (Some(Of), Some(Vague(s2) | Scale(s2))) = (self.next(k), self.next(k + 1))
            && s2 >= 1000
        {
            let end = self.toks[k + 2].end;
            self.set(end, dec(10) * dec(s2), WordKind::Vague, 1);
        }
        Flow::Stop
    }

    fn and(&mut self, k: usize) -> Flow {
        use W::*;
        if self.last.is_none() {
            return Flow::Stop;
        }
        if self.and_fraction(k) {
            return Flow::Stop;
        }
        // `one hundred and six`
        match (self.last, self.next(k)) {
            (Some(Hundred | Scale(_)), Some(Unit(_) | Teen(_) | Tens(_)))
            | (Some(Hundred), Some(Num(_))) => {
                self.since_and = Some(0);
                self.and_after = self.last;
                Flow::Go
            }
            _ => Flow::Stop,
        }
    }

    /// `one and a half`, `twenty and three fifths`, `one hundred and three
    /// quarters`, `five and a half million`, `one million and a half`: a
    /// whole number and a fraction after the `and` at `k`.
    fn and_fraction(&mut self, k: usize) -> bool {
        use W::*;
        let Some(nt) = self.toks.get(k + 1) else {
            return false;
        };
        if self.depth >= 4 {
            return false;
        }
        let Some(f) = parse_at(self.t, nt.start, self.depth + 1) else {
            return false;
        };
        if f.kind != WordKind::Fraction {
            return false;
        }
        let after = self.toks.iter().position(|x| x.start >= f.end);
        let v;
        let mut end = f.end;
        match after.and_then(|j| self.toks[j].w.map(|w| (j, w))) {
            Some((j, Scale(s2))) if s2 < self.last_scale => {
                v = self.total + (dec(self.cur) + f.value) * dec(s2);
                end = self.toks[j].end;
            }
            _ => {
                v = match self.last {
                    Some(Scale(s)) if self.cur == 0 => self.total + f.value * dec(s),
                    _ => self.whole() + f.value,
                };
            }
        }
        self.set(end, v, WordKind::Cardinal, self.words + f.words);
        true
    }

    /// `two hundred point zero three`.
    fn point(&mut self, k: usize) -> Flow {
        use W::*;
        if self.last.is_none() {
            return Flow::Stop;
        }
        let toks = &self.toks;
        let mut digits = String::new();
        let mut end = toks[k].end;
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
            let v = self.whole() + f;
            self.set(end, v, WordKind::Cardinal, self.words + 1);
        }
        Flow::Stop
    }

    fn half_or_quarter(&mut self, k: usize, w: W, plural: bool) -> Flow {
        let d = if matches!(w, W::Half { .. }) { 2 } else { 4 };
        if self.last.is_none() && !self.had_a {
            return self.bare_half_or_quarter(k, d, plural);
        }
        // `a half`, `one half`, `three quarters`
        if self.lone_one() == plural {
            return Flow::Stop;
        }
        let v = self.whole() / dec(d);
        self.set(self.toks[k].end, v, WordKind::Fraction, self.words + 1);
        Flow::Stop
    }

    /// `half`, `half a dozen`, `half a million`, `quarter million` (`d` is
    /// 2 or 4) at the start of the phrase.
    fn bare_half_or_quarter(&mut self, k: usize, d: u64, plural: bool) -> Flow {
        use W::*;
        if plural {
            return Flow::Fail;
        }
        if d == 2 && self.next(k) == Some(A) {
            match self.next(k + 1) {
                Some(Dozen) => {
                    self.set(self.toks[k + 2].end, dec(6), WordKind::Cardinal, 1);
                    return Flow::Stop;
                }
                Some(Scale(s)) => {
                    let v = dec(s) / dec(2);
                    self.set(self.toks[k + 2].end, v, WordKind::Cardinal, 1);
                    return Flow::Stop;
                }
                _ => {}
            }
        }
        if let Some(Scale(s)) = self.next(k) {
            let v = dec(s) / dec(d);
            self.set(self.toks[k + 1].end, v, WordKind::Cardinal, 1);
            return Flow::Stop;
        }
        if d == 4 {
            return Flow::Fail; // a bare `quarter` is mostly a place or a period
        }
        self.set(self.toks[k].end, Decimal::new(5, 1), WordKind::Fraction, 1);
        Flow::Stop
    }

    fn ordinal(&mut self, k: usize, n: u64, plural: bool) -> Flow {
        use W::*;
        let nd = dec(n);
        let end = self.toks[k].end;
        let whole = self.whole();
        let lone_one = self.lone_one();
        let words = self.words;
        match self.last {
            // `a third`, `a fifth`, `a trillionth`
            None if self.had_a && !plural => {
                self.set(end, Decimal::ONE / nd, WordKind::Fraction, 1);
            }
            None if !plural => self.set(end, nd, WordKind::Ordinal, 1),
            // `twenty-first`
            Some(Tens(_)) if n < 10 && !plural => {
                self.set(end, whole + nd, WordKind::Ordinal, words + 1);
            }
            // `one hundredth` is a fraction, `two hundredth` and `three
            // trillionth` are ordinals.
            Some(_) if !plural && is_scale_ordinal(n) => {
                if lone_one {
                    self.set(end, Decimal::ONE / nd, WordKind::Fraction, 2);
                } else {
                    self.set(end, whole * nd, WordKind::Ordinal, words + 1);
                }
            }
            // `one hundred fifth`
            Some(Hundred | Scale(_)) if n < 100 && !plural => {
                self.set(end, whole + nd, WordKind::Ordinal, words + 1);
            }
            // `one-third`, `two thirds`, `five eighths`, `one million two
            // thousand two hundred three fifths`
            Some(_) if n >= 3 && plural != lone_one => {
                self.set(end, whole / nd, WordKind::Fraction, words + 1);
            }
            _ => {}
        }
        Flow::Stop
    }

    /// The best reading, widened by `of a million` after a fraction.
    fn finish(self) -> Option<WordNum> {
        use W::*;
        let toks = &self.toks;
        let mut b = self.best?;
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
}

/// English ordinal suffix after digits (`21st`, `2nd`, `4th`).
pub(crate) fn is_ordinal_suffix(s: &str) -> bool {
    s.len() == 2
        && matches!(
            super::chars::Low::new(s).as_str(),
            "st" | "nd" | "rd" | "th"
        )
}
