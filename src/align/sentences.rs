//! Sentences of a text, and the sentences of two translations paired.
//!
//! [`split`] cuts English at `.`, `?`, `!` and line ends (not inside `3.6`,
//! `1,255`, `U.S.`, `No. 5`, `Mr.`), and Lao at the same marks plus the
//! phrase breaks Lao writes as spaces (see [`split`]). [`align`] pairs the
//! sentences of two texts with a length-based dynamic programme in the
//! spirit of Gale–Church and hunalign, the figures themselves serving as
//! anchors.

use std::collections::HashMap;

use crate::model::{Decimal, Figure, Span};
use crate::text::is_lao;

/// A Lao phrase break ends a sentence only once the sentence holds this many
/// code points: a Lao phrase is often only a few words (a space also marks a
/// pause, a list item, or a line wrapped by hand: `ສະຫະ ລັດ`), while an English
/// sentence is one or two clauses, so grouping short phrases keeps the two
/// sides' units comparable for the aligner.
const MIN_LAO_SENTENCE: usize = 80;

/// Words that end with a full stop without ending a sentence (`Mr. Phan`,
/// `No. 5`, `Jan. 2022`). Tokens with a dot inside (`U.S.`, `e.g.`) and
/// single letters (initials) are recognised without a list.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "No", "Nos", "Art", "Sec", "Fig",
    "vs", "approx", "Gen", "Col", "Lt", "Sgt", "Gov", "Sen", "Rep", "Rev", "Hon", "Inc", "Ltd",
    "Co", "Corp", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec", "p", "pp", "vol", "ch", "cf",
];

/// The sentences of a text, as code-point spans without their surrounding
/// white space (blank lines left out).
///
/// A sentence ends at a line end; at `.`, `?`, `!` or `…` followed by white
/// space or the end of the text (closing quotes and brackets stay with it),
/// unless the `.` ends an abbreviation or the next word starts in lower case;
/// and, in Lao, at a phrase break — a space between two Lao letters, or after
/// the repetition mark ໆ — once the sentence is [`MIN_LAO_SENTENCE`] long.
/// A space before a digit never breaks (`ປີ 2023` stays whole).
pub fn split(text: &str) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_line_end(c) {
            push_trimmed(&chars, start, i, &mut out);
            start = i + 1;
        } else if matches!(c, '.' | '?' | '!' | '…') && ends_sentence(&chars, i) {
            let end = after_closers(&chars, i + 1);
            push_trimmed(&chars, start, end, &mut out);
            start = end;
            i = end;
            continue;
        } else if c == ' ' && is_lao_phrase_break(&chars, i) && i - start >= MIN_LAO_SENTENCE {
            push_trimmed(&chars, start, i, &mut out);
            start = i + 1;
        }
        i += 1;
    }
    push_trimmed(&chars, start, chars.len(), &mut out);
    out
}

fn is_line_end(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// Pushes `[start, end)` without its leading and trailing white space, if
/// anything is left.
fn push_trimmed(chars: &[char], mut start: usize, mut end: usize, out: &mut Vec<Span>) {
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if end > start {
        out.push(Span::new(start, end));
    }
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '›')
}

fn after_closers(chars: &[char], mut i: usize) -> usize {
    while i < chars.len() && is_closer(chars[i]) {
        i += 1;
    }
    i
}

/// Whether the mark at `i` ends its sentence.
fn ends_sentence(chars: &[char], i: usize) -> bool {
    let after = after_closers(chars, i + 1);
    if after < chars.len() && !chars[after].is_whitespace() {
        return false; // 3.6, U.S, …"quoted", a URL
    }
    if chars[i] != '.' {
        return true;
    }
    let next_word = chars[after..].iter().find(|c| !c.is_whitespace());
    if next_word.is_some_and(|c| c.is_lowercase()) {
        return false;
    }
    !is_abbreviation(token_before(chars, i))
}

/// The word just before position `i`, without opening quotes or brackets.
fn token_before(chars: &[char], i: usize) -> &[char] {
    let mut k = i;
    while k > 0 && !chars[k - 1].is_whitespace() {
        k -= 1;
    }
    let mut token = &chars[k..i];
    while let Some((first, rest)) = token.split_first() {
        if first.is_alphanumeric() {
            break;
        }
        token = rest;
    }
    token
}

fn is_abbreviation(token: &[char]) -> bool {
    if token.contains(&'.') {
        return true; // U.S., e.g., ພ.ສ.
    }
    if token.len() == 1 && token[0].is_alphabetic() {
        return true; // an initial
    }
    let word: String = token.iter().collect();
    ABBREVIATIONS.contains(&word.as_str())
}

/// A Lao letter (not a Lao digit): what a Lao phrase starts and ends with.
fn is_lao_letter(c: char) -> bool {
    is_lao(c) && !('\u{0ED0}'..='\u{0ED9}').contains(&c)
}

/// Whether the space at `i` is a Lao phrase break: Lao letters (or ໆ) on
/// both sides, on one line.
fn is_lao_phrase_break(chars: &[char], i: usize) -> bool {
    let before = chars[..i].iter().rev().find(|c| **c != ' ');
    let after = chars[i..].iter().find(|c| **c != ' ');
    match (before, after) {
        (Some(&b), Some(&a)) => is_lao_letter(b) && is_lao_letter(a),
        _ => false,
    }
}

/// A sentence pair from the aligner: how many sentences each side takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Bead {
    a: usize,
    b: usize,
}

/// The bead shapes tried, as in Gale–Church: 1-1, a sentence on one side
/// only, and a sentence split in two or two merged on the other side.
const BEADS: [Bead; 6] = [
    Bead { a: 1, b: 1 },
    Bead { a: 1, b: 0 },
    Bead { a: 0, b: 1 },
    Bead { a: 2, b: 1 },
    Bead { a: 1, b: 2 },
    Bead { a: 2, b: 2 },
];

/// −ln of each bead's prior probability (Gale–Church's estimates: 1-1 0.89,
/// 2-1 and 1-2 0.089 together, 2-2 0.011). The one-sided beads' price is
/// set per text pair (see [`skip_costs`]).
fn prior_cost(bead: Bead) -> f64 {
    match (bead.a, bead.b) {
        (1, 1) => -(0.89f64).ln(),
        (2, 2) => -(0.011f64).ln(),
        _ => -(0.0445f64).ln(),
    }
}

/// Gale–Church's variance of the length difference per character.
const LENGTH_VARIANCE: f64 = 6.8;
/// Translations between two languages differ in length by this factor at
/// most; a greater difference in the texts' totals means one text says
/// more (a summary and its report), so the ratio is clamped to it.
const MAX_RATIO: f64 = 2.0;
/// Gale–Church's prior for a sentence with no counterpart.
const MIN_SKIP_PROBABILITY: f64 = 0.0099;
/// Texts whose lengths differ from the translation's ratio by no more than
/// this share are taken for a plain translation.
const PLAIN_TRANSLATION_SURPLUS: f64 = 0.2;
/// The prior for a sentence of the shorter text with no counterpart, when
/// the texts' lengths show one adapts or summarises the other.
const ADAPTATION_SKIP_PROBABILITY: f64 = 0.1;
/// The bonus for one shared figure value, divided by the square root of the
/// number of sentences holding that value on the side holding it most
/// (a year said in every paragraph anchors little).
const ANCHOR_BONUS: f64 = 6.0;
/// The price of each figure that a sentence pair leaves without a partner
/// of the same value.
const FIGURE_PENALTY: f64 = 3.0;
/// The second pass's ratio needs this many anchored sentence pairs.
const MIN_ANCHORED_BEADS: usize = 3;
/// Up to this many DP cells the whole table is filled; above, a band around
/// the diagonal.
const FULL_TABLE_CELLS: usize = 250_000;
/// The band's half-width, in sentences, beyond the diagonal's slope.
const BAND: usize = 100;

/// Sentence pairs of two texts that translate each other, in order: each
/// `(a, b)` spans in code points of the two texts; an empty span
/// (start == end) on one side means that side has nothing there, and sits
/// where that side's text would hold it.
///
/// A dynamic programme over beads (1-1, 1-0, 0-1, 2-1, 1-2, 2-2) minimises
/// the sum of: the bead's prior; the length cost of Gale–Church (the length
/// difference against a ratio estimated from the texts' totals, clamped to
/// [`MAX_RATIO`]); minus a bonus per figure value both sides share; plus a
/// penalty per figure left without a partner. Sentences are joined where a
/// figure would straddle them. Memory stays linear for long texts: above
/// [`FULL_TABLE_CELLS`] only a band around the diagonal is filled.
pub fn align(a_text: &str, a: &[Figure], b_text: &str, b: &[Figure]) -> Vec<(Span, Span)> {
    let sa = join_over_figures(split(a_text), a);
    let sb = join_over_figures(split(b_text), b);
    let mut ids = ValueIds::default();
    let a_side = Side::new(&sa, a, &mut ids);
    let b_side = Side::new(&sb, b, &mut ids);
    let weights = anchor_weights(&a_side, &b_side, &ids);
    let mut problem = Problem::new(a_side, b_side, weights);
    let mut beads = problem.solve();
    // As hunalign does: a second pass with the length ratio of the sentence
    // pairs the first pass anchored on shared figures, which is the ratio of
    // the translation itself, not of two texts of which one says more.
    if let Some(ratio) = problem.anchored_ratio(&beads) {
        problem.set_ratio(ratio);
        beads = problem.solve();
    }
    beads_to_spans(&beads, &sa, &sb)
}

/// One text's sentences as the aligner sees them: lengths and figure values.
struct Side {
    len: Vec<f64>,
    /// Each sentence's value ids (sorted, repeats kept).
    values: Vec<Vec<u32>>,
    /// Each sentence's value-and-unit ids, for figures with a unit.
    units: Vec<Vec<u32>>,
}

impl Side {
    fn new(sentences: &[Span], figures: &[Figure], ids: &mut ValueIds) -> Self {
        let mut values = vec![Vec::new(); sentences.len()];
        let mut units = vec![Vec::new(); sentences.len()];
        for f in figures.iter().filter(|f| f.status.is_live()) {
            let k = sentences.partition_point(|s| s.end <= f.span.start);
            if k >= sentences.len() || sentences[k].start > f.span.start {
                continue;
            }
            if let Some(id) = ids.id(f, false) {
                values[k].push(id);
            }
            if let Some(id) = ids.id(f, true) {
                units[k].push(id);
            }
        }
        values
            .iter_mut()
            .chain(units.iter_mut())
            .for_each(|v| v.sort_unstable());
        Side {
            len: sentences.iter().map(|s| s.len() as f64).collect(),
            values,
            units,
        }
    }
}

/// Joins neighbouring sentences wherever a figure would straddle them, so
/// no figure is cut by a segment.
fn join_over_figures(sentences: Vec<Span>, figures: &[Figure]) -> Vec<Span> {
    let mut joins_next = vec![false; sentences.len()];
    let containing = |pos: usize| sentences.partition_point(|s| s.end <= pos);
    for f in figures
        .iter()
        .filter(|f| f.status.is_live() && !f.span.is_empty())
    {
        let first = containing(f.span.start);
        let last = containing(f.span.end - 1);
        if last >= sentences.len() || sentences[last].start >= f.span.end {
            continue; // ends in the white space after its sentence, or past the text
        }
        for j in joins_next.iter_mut().take(last).skip(first) {
            *j = true;
        }
    }
    let mut out: Vec<Span> = Vec::with_capacity(sentences.len());
    let mut joining = false;
    for (s, joins) in sentences.into_iter().zip(joins_next) {
        match out.last_mut() {
            Some(last) if joining => last.end = s.end,
            _ => out.push(s),
        }
        joining = joins;
    }
    out
}

/// Small numbers for figure values, so the programme compares integers.
/// A value is keyed with its kind's family (a moment, a position, a
/// quantity): `Tier 2` anchors on `ກຸ່ມທີ 2`, not on every "two" of the
/// text; a second id adds the unit (`tier`, `cases`), when there is one.
#[derive(Default)]
struct ValueIds {
    ids: HashMap<ValueKey, u32>,
}

type ValueKey = (u8, Decimal, Option<Decimal>, Option<String>);

impl ValueIds {
    fn id(&mut self, f: &Figure, with_unit: bool) -> Option<u32> {
        let family = super::qa::kind_family(f.kind);
        let unit = match with_unit {
            true => Some(f.unit.clone()?),
            false => None,
        };
        let key = (
            family,
            f.value?.normalize(),
            f.value_max.map(|v| v.normalize()),
            unit,
        );
        let next = self.ids.len() as u32;
        Some(*self.ids.entry(key).or_insert(next))
    }
    fn len(&self) -> usize {
        self.ids.len()
    }
    /// How much of an anchor's bonus each id carries: a value alone its
    /// [`specificity`], a value with its unit the rest.
    fn shares(&self) -> Vec<f64> {
        let mut out = vec![1.0; self.ids.len()];
        for ((_, value, _, unit), &id) in &self.ids {
            let specific = specificity(*value);
            out[id as usize] = if unit.is_some() {
                1.0 - specific
            } else {
                specific
            };
        }
        out
    }
}

/// The bonus a shared value earns: rarer values anchor more. A value said in
/// many sentences anchors little (its bonus is divided by the square root of
/// the count, on the side saying it most), and so does a small whole number
/// ([`specificity`]) unless its unit agrees too: `three` or `4` turn up in
/// any two texts, `306` or `Tier 2` ↔ `ກຸ່ມທີ 2` (both read as tiers) do not.
fn anchor_weights(a: &Side, b: &Side, ids: &ValueIds) -> Vec<f64> {
    let n = ids.len();
    let spread = |side: &Side| {
        let mut count = vec![0usize; n];
        for v in side.values.iter().chain(&side.units) {
            let mut seen = v.clone();
            seen.dedup();
            seen.iter().for_each(|&id| count[id as usize] += 1);
        }
        count
    };
    let (ca, cb) = (spread(a), spread(b));
    let shares = ids.shares();
    (0..n)
        .map(|id| ANCHOR_BONUS * shares[id] / (ca[id].max(cb[id]).max(1) as f64).sqrt())
        .collect()
}

/// How telling a value is as an anchor, from 0.35 (a whole number below 10)
/// through 0.7 (below 100) to 1 (anything larger, or with a fraction).
fn specificity(value: Decimal) -> f64 {
    let whole = value.fract().is_zero();
    let size = value.abs();
    if whole && size < Decimal::from(10) {
        0.35
    } else if whole && size < Decimal::from(100) {
        0.7
    } else {
        1.0
    }
}

/// The prices of a sentence with no counterpart on side a and on side b.
///
/// When one text is much longer than a translation would make it (beyond
/// [`MAX_RATIO`]), the surplus share of its sentences is expected to have no
/// counterpart, and leaving one out costs −ln of that share. Such a pair is
/// a summary or an adaptation, not a plain translation, so the shorter side
/// too has sentences of its own (a heading, a caption, an introduction):
/// leaving one out there costs −ln [`ADAPTATION_SKIP_PROBABILITY`].
fn skip_costs(raw_ratio: f64, ratio: f64) -> (f64, f64) {
    let cost = |share: f64| -share.max(MIN_SKIP_PROBABILITY).ln();
    let surplus = 1.0 - (raw_ratio / ratio).min(ratio / raw_ratio);
    if surplus <= PLAIN_TRANSLATION_SURPLUS {
        return (cost(0.0), cost(0.0));
    }
    let (a_share, b_share) = if raw_ratio > ratio {
        (ADAPTATION_SKIP_PROBABILITY, surplus)
    } else {
        (surplus, ADAPTATION_SKIP_PROBABILITY)
    };
    (cost(a_share), cost(b_share))
}

/// One alignment problem: the two sides, the anchors' weights, the length
/// ratio and what leaving a sentence out costs.
struct Problem {
    a: Side,
    b: Side,
    weights: Vec<f64>,
    /// The texts' total lengths, b over a.
    raw_ratio: f64,
    ratio: f64,
    skip_a: f64,
    skip_b: f64,
}

/// A row of the DP table: the cells `lo..lo + cost.len()` of row `i`.
struct Row {
    lo: usize,
    cost: Vec<f64>,
    back: Vec<u8>,
}

impl Row {
    fn get(&self, j: usize) -> f64 {
        j.checked_sub(self.lo)
            .and_then(|k| self.cost.get(k).copied())
            .unwrap_or(f64::INFINITY)
    }
}

impl Problem {
    fn new(a: Side, b: Side, weights: Vec<f64>) -> Self {
        let (ta, tb): (f64, f64) = (a.len.iter().sum(), b.len.iter().sum());
        let raw_ratio = if ta > 0.0 && tb > 0.0 { tb / ta } else { 1.0 };
        let mut problem = Problem {
            a,
            b,
            weights,
            raw_ratio,
            ratio: 1.0,
            skip_a: 0.0,
            skip_b: 0.0,
        };
        problem.set_ratio(raw_ratio);
        problem
    }

    /// Sets the length ratio (clamped to [`MAX_RATIO`]) and the skip costs with it.
    fn set_ratio(&mut self, ratio: f64) {
        self.ratio = ratio.clamp(1.0 / MAX_RATIO, MAX_RATIO);
        (self.skip_a, self.skip_b) = skip_costs(self.raw_ratio, self.ratio);
    }

    /// The length ratio of the sentence pairs sharing a figure value, when
    /// there are at least [`MIN_ANCHORED_BEADS`] of them.
    fn anchored_ratio(&self, beads: &[Bead]) -> Option<f64> {
        let (mut i, mut j) = (0, 0);
        let (mut la, mut lb, mut count) = (0.0, 0.0, 0);
        for bead in beads {
            let (ra, rb) = (i..i + bead.a, j..j + bead.b);
            if bead.a > 0 && bead.b > 0 {
                let (a, b) = (&self.a.values[ra.clone()], &self.b.values[rb.clone()]);
                if compare(Merge::of(a), Merge::of(b), &self.weights).a_shared > 0 {
                    la += self.a.len[ra].iter().sum::<f64>();
                    lb += self.b.len[rb].iter().sum::<f64>();
                    count += 1;
                }
            }
            i += bead.a;
            j += bead.b;
        }
        (count >= MIN_ANCHORED_BEADS && la > 0.0).then(|| lb / la)
    }

    /// The band of row `i`: the columns filled.
    fn band(&self, i: usize) -> (usize, usize) {
        let (n, m) = (self.a.len.len(), self.b.len.len());
        if (n + 1).saturating_mul(m + 1) <= FULL_TABLE_CELLS || n == 0 {
            return (0, m);
        }
        let slope = m as f64 / n as f64;
        let half = BAND + (2.0 * slope).ceil() as usize;
        let centre = (i as f64 * slope).round() as usize;
        (centre.saturating_sub(half), (centre + half).min(m))
    }

    /// The cheapest bead sequence from the start to the end of both texts.
    fn solve(&self) -> Vec<Bead> {
        let n = self.a.len.len();
        let mut rows: Vec<Row> = Vec::with_capacity(n + 1);
        for i in 0..=n {
            let (lo, hi) = self.band(i);
            let mut row = Row {
                lo,
                cost: vec![f64::INFINITY; hi - lo + 1],
                back: vec![u8::MAX; hi - lo + 1],
            };
            for j in lo..=hi {
                if i == 0 && j == 0 {
                    row.cost[0] = 0.0;
                    continue;
                }
                let (cost, back) = self.best_into(&rows, &row, i, j);
                row.cost[j - lo] = cost;
                row.back[j - lo] = back;
            }
            rows.push(row);
        }
        self.trace_back(&rows)
    }

    /// The cheapest way into cell (i, j): its cost and the bead taken.
    fn best_into(&self, rows: &[Row], current: &Row, i: usize, j: usize) -> (f64, u8) {
        let mut best = (f64::INFINITY, u8::MAX);
        for (k, bead) in BEADS.iter().enumerate() {
            if bead.a > i || bead.b > j {
                continue;
            }
            let (pi, pj) = (i - bead.a, j - bead.b);
            let before = if pi == i {
                current.get(pj)
            } else {
                rows[pi].get(pj)
            };
            if before.is_finite() {
                let cost = before + self.bead_cost(*bead, pi, pj);
                if cost < best.0 {
                    best = (cost, k as u8);
                }
            }
        }
        best
    }

    fn trace_back(&self, rows: &[Row]) -> Vec<Bead> {
        let (mut i, mut j) = (self.a.len.len(), self.b.len.len());
        let mut beads = Vec::new();
        while i > 0 || j > 0 {
            let k = rows[i].back[j - rows[i].lo] as usize;
            let bead = BEADS[k];
            beads.push(bead);
            i -= bead.a;
            j -= bead.b;
        }
        beads.reverse();
        beads
    }

    /// The cost of the bead taking sentences `i..i + bead.a` and `j..j + bead.b`.
    fn bead_cost(&self, bead: Bead, i: usize, j: usize) -> f64 {
        match (bead.a, bead.b) {
            (0, _) => return self.skip_b,
            (_, 0) => return self.skip_a,
            _ => {}
        }
        let (ra, rb) = (i..i + bead.a, j..j + bead.b);
        let la: f64 = self.a.len[ra.clone()].iter().sum();
        let lb: f64 = self.b.len[rb.clone()].iter().sum();
        prior_cost(bead) + length_cost(la * self.ratio, lb) + self.figure_cost(ra, rb)
    }

    /// Minus the anchors' bonus, plus the penalty for figures left alone.
    fn figure_cost(&self, ra: std::ops::Range<usize>, rb: std::ops::Range<usize>) -> f64 {
        let (a, b) = (&self.a.values[ra.clone()], &self.b.values[rb.clone()]);
        if a.iter().all(Vec::is_empty) && b.iter().all(Vec::is_empty) {
            return 0.0;
        }
        // A value said twice on one side (`ກຸ່ມທີ 2 ຫຼື Tiers 2`, a gloss) and
        // once on the other is not a figure left out: only values the other
        // side never states cost the penalty.
        let values = compare(Merge::of(a), Merge::of(b), &self.weights);
        let units = compare(
            Merge::of(&self.a.units[ra]),
            Merge::of(&self.b.units[rb]),
            &self.weights,
        );
        FIGURE_PENALTY * values.alone as f64 - values.bonus - units.bonus
    }
}

/// The ids of one or two sorted lists (a bead's sentences), in order,
/// without allocating: the programme asks this millions of times.
struct Merge<'a> {
    x: &'a [u32],
    y: &'a [u32],
}

impl<'a> Merge<'a> {
    fn of(lists: &'a [Vec<u32>]) -> Self {
        match lists {
            [x] => Merge { x, y: &[] },
            [x, y] => Merge { x, y },
            _ => Merge { x: &[], y: &[] },
        }
    }
}

impl Iterator for Merge<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        let take_x = match (self.x.first(), self.y.first()) {
            (Some(p), Some(q)) => p <= q,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => return None,
        };
        let side = if take_x { &mut self.x } else { &mut self.y };
        let (&first, rest) = side.split_first()?;
        *side = rest;
        Some(first)
    }
}

/// What two beads' sides share.
#[derive(Debug, Default, PartialEq)]
struct Shared {
    /// The summed weight of the ids both sides hold (each id once).
    bonus: f64,
    /// Figures whose id the other side never holds.
    alone: usize,
    /// Figures of side a whose id side b holds too.
    a_shared: usize,
}

fn compare(a: Merge, b: Merge, weights: &[f64]) -> Shared {
    let (mut a, mut b) = (a.peekable(), b.peekable());
    let mut out = Shared::default();
    loop {
        match (a.peek().copied(), b.peek().copied()) {
            (None, None) => return out,
            (Some(x), Some(y)) if x == y => {
                out.bonus += weights[x as usize];
                while a.next_if_eq(&x).is_some() {
                    out.a_shared += 1;
                }
                while b.next_if_eq(&x).is_some() {}
            }
            (Some(x), y) if y.is_none_or(|y| x < y) => {
                a.next();
                out.alone += 1;
            }
            _ => {
                b.next();
                out.alone += 1;
            }
        }
    }
}

/// Gale–Church's length cost: −ln of the two-tailed probability of a length
/// difference this large, the variance growing with the sentences' length.
fn length_cost(expected: f64, actual: f64) -> f64 {
    let mean = ((expected + actual) / 2.0).max(1.0);
    let delta = (actual - expected).abs() / (mean * LENGTH_VARIANCE).sqrt();
    -ln_erfc(delta / std::f64::consts::SQRT_2)
}

/// ln(erfc(x)) for x ≥ 0 (Numerical Recipes' erfcc, relative error below
/// 1.2e-7), computed in the log so large x never underflows to ln(0).
fn ln_erfc(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.5 * x);
    let poly = -1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    t.ln() - x * x + poly
}

/// Each bead as the spans it covers; an empty span where a side has nothing.
fn beads_to_spans(beads: &[Bead], sa: &[Span], sb: &[Span]) -> Vec<(Span, Span)> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(beads.len());
    for bead in beads {
        out.push((cover(sa, i, bead.a), cover(sb, j, bead.b)));
        i += bead.a;
        j += bead.b;
    }
    out
}

/// The span of sentences `i..i + count`, or an empty span where sentence `i`
/// would stand (just after the previous one).
fn cover(sentences: &[Span], i: usize, count: usize) -> Span {
    if count == 0 {
        let at = match i {
            0 => sentences.first().map_or(0, |s| s.start),
            _ => sentences[i - 1].end,
        };
        return Span::new(at, at);
    }
    Span::new(sentences[i].start, sentences[i + count - 1].end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    fn pieces(text: &str) -> Vec<String> {
        split(text)
            .into_iter()
            .map(|s| text.chars().skip(s.start).take(s.len()).collect())
            .collect()
    }

    #[test]
    fn english_stops_are_not_cut_inside_numbers_or_abbreviations() {
        let text = "Mr. Vong paid 1,255 kip, i.e. 3.6 times more. Was it No. 5? Yes!\nDone";
        assert_eq!(
            pieces(text),
            [
                "Mr. Vong paid 1,255 kip, i.e. 3.6 times more.",
                "Was it No. 5?",
                "Yes!",
                "Done"
            ]
        );
    }

    #[test]
    fn a_long_lao_run_breaks_at_a_space_between_lao_letters() {
        let phrase = "ພວກເຮົາໄດ້ໄປຢ້ຽມຢາມໂຮງຮຽນໃນແຂວງຫຼວງພະບາງ";
        let text = format!("{phrase}{phrase} {phrase} ປີ 2023");
        let got = pieces(&text);
        assert_eq!(
            got,
            [format!("{phrase}{phrase}"), format!("{phrase} ປີ 2023")]
        );
    }

    #[test]
    fn a_figure_straddling_two_sentences_joins_them() {
        let sentences = split("It cost 3. 5 kip more. Then less.");
        assert_eq!(sentences.len(), 3);
        let mut f = Figure {
            id: 1,
            document: 1,
            span: Span::new(8, 12),
            text: "3. 5".into(),
            kind: crate::model::Kind::Money,
            value: Some(Decimal::new(35, 1)),
            value_max: None,
            unit: None,
            origin: crate::model::Origin::manual(),
            status: Status::Unreviewed,
            reviewer: None,
            reviewed_at: None,
            note: None,
        };
        let joined = join_over_figures(sentences.clone(), std::slice::from_ref(&f));
        assert_eq!(joined, [Span::new(0, 22), sentences[2]]);
        f.status = Status::Rejected;
        assert_eq!(join_over_figures(sentences.clone(), &[f]), sentences);
    }

    #[test]
    fn ln_erfc_matches_known_values() {
        assert!((ln_erfc(0.0) - 0.0).abs() < 1e-6);
        assert!((ln_erfc(1.0) - 0.157_299_207f64.ln()).abs() < 1e-5);
        assert!(ln_erfc(40.0).is_finite());
    }
}
