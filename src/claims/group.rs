//! Candidate pairs, their scores and reasons, and the grouping into claims.
//!
//! Each live figure gets features once: its kind, folded noun, the time it
//! speaks of, its hedge, and the content words of its sentence (those near
//! the figure weigh double). Candidates are found through an inverted index
//! of (sort of thing, word) and (sort of thing, value), so the work grows
//! with the figures, not with their pairs; a word too common to tell facts
//! apart is used for scoring only, never to find candidates. Pairs above a
//! threshold are joined greedily, best first, never putting two figures of
//! one document or a dismissed pair into one claim. Joining only happens
//! along scored edges, so each connected part of the candidate graph can be
//! grouped on its own: that is what [`ClaimIndex::update`] relies on.

use std::collections::BTreeMap;

// Keys here are our own ids, not input an attacker picks: a fast hash is safe.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::context::{hedge_at, sentence_at};
use super::nouns::{self, Match};
use super::words::{fold, tokens};
use super::{Claim, ClaimId, ClaimState, Description, Input, Mention, Reason, Source, verdict_of};
use crate::model::{DocId, Figure, FigureId, Kind, Span};
use crate::text::{CharIndex, is_lao};

/// Below this a pair is not proposed.
pub const THRESHOLD: f32 = 0.5;
/// A word or value in more figures of one block than this finds no candidates.
const POSTING_CAP: usize = 32;
/// How many of a figure's rarest keys (words, value) look for candidates.
const RARE_KEYS: usize = 8;
/// How many candidates (those sharing the most keys) a figure is scored against.
const CANDIDATES: usize = 16;
/// Words this close to the figure (in words, within its sentence) count double.
const NEAR: usize = 6;

#[derive(Debug, Clone)]
struct Feat {
    mention: Mention,
    lao: bool,
    class: u8,
    noun: Option<String>,
    /// The block a noun belongs to: its sort ("people") or itself.
    block: u32,
    /// The year the figure speaks of, from its own sentence.
    time: Option<String>,
    /// When the sentence names no year: the last one named before it in the
    /// document (a story's time holds until another is named), else the
    /// document's date line. A weaker signal than `time`, never a veto.
    doc_time: Option<String>,
    /// Word id → weight (2 near the figure, 1 elsewhere in the sentence), by id.
    words: Vec<(u32, f32)>,
    /// [`value_key`] of the value, computed once.
    value_key: Option<u64>,
}

/// What scoring a pair reads, kept small and apart from the rest of a
/// figure's features: candidate search scores millions of pairs, and each
/// pointer it does not follow is a cache miss saved.
#[derive(Debug, Clone)]
struct Hot {
    doc: DocId,
    class: u8,
    year_or_date: bool,
    lao: bool,
    /// The folded noun's word id, or [`NONE`].
    noun: u32,
    /// [`nouns::sort_id`] of the noun, 0 for none.
    sort: u8,
    /// The year of the figure's sentence, 0 for none.
    time: u16,
    /// That, or the year carried from before or the date line, 0 for none.
    time_or_carried: u16,
    value: Option<crate::model::Decimal>,
    value_max: Option<crate::model::Decimal>,
    /// The words weighed by rarity ([`ClaimIndex::weigh`]), by id, and the
    /// vector's length.
    vector: Box<[(u32, f32)]>,
    norm: f32,
}

const NONE: u32 = u32::MAX;

fn year_number(y: Option<&String>) -> u16 {
    y.and_then(|y| y.parse::<u16>().ok()).unwrap_or(0)
}

/// Kinds that can be compared with each other.
fn class(kind: Kind) -> Option<u8> {
    Some(match kind {
        Kind::Count => 0,
        Kind::Money => 1,
        Kind::Percent => 2,
        Kind::Date => 3,
        Kind::Year => 4,
        Kind::Duration => 5,
        Kind::Ordinal => 6,
        Kind::Rank => 7,
        Kind::Other => 8,
        Kind::Identifier => return None,
    })
}

/// The claims engine's state for one project: features, candidate edges,
/// and the claims they make.
#[derive(Debug, Default)]
pub struct ClaimIndex {
    feats: HashMap<FigureId, Feat>,
    hot: HashMap<FigureId, Hot>,
    vocab: HashMap<String, u32>,
    /// Words as written → their folded word id (`None`: a stopword).
    folded: HashMap<Box<str>, Option<u32>>,
    names: Vec<String>,
    /// Each word as first seen written (lower case), for people to read:
    /// "trafficking" where `names` holds the stem "traffick".
    shown: Vec<String>,
    /// How many figures' sentences hold each word (by id).
    df: Vec<u32>,
    blocks: HashMap<u64, u32>,
    /// Units as written → folded nouns.
    units: HashMap<Box<str>, Option<String>>,
    postings: HashMap<(u32, u64), Vec<FigureId>>,
    edges: HashMap<FigureId, Vec<(FigureId, f32)>>,
    same: Vec<(FigureId, FigureId)>,
    distinct: HashSet<(FigureId, FigureId)>,
    claims: BTreeMap<ClaimId, Claim>,
    times: HashMap<DocId, DocTimes>,
    /// Each document's code point ↔ byte map, for updates.
    chars: HashMap<DocId, CharIndex>,
    /// Claims dropped and made since [`ClaimIndex::take_changes`] was last called.
    dropped: Vec<ClaimId>,
    made: Vec<ClaimId>,
    /// Figure → the claim it is in.
    member: HashMap<FigureId, ClaimId>,
}

fn key(a: FigureId, b: FigureId) -> (FigureId, FigureId) {
    (a.min(b), a.max(b))
}

fn value_key_of(f: &Figure) -> Option<u64> {
    let v = f.value?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    std::hash::Hash::hash(&v.normalize().to_string(), &mut h);
    Some(std::hash::Hasher::finish(&h) | 1 << 63)
}

impl ClaimIndex {
    pub fn build(input: &Input) -> ClaimIndex {
        let mut index = ClaimIndex {
            same: input.same.to_vec(),
            distinct: input.distinct.iter().map(|&(a, b)| key(a, b)).collect(),
            ..ClaimIndex::default()
        };
        index.feats.reserve(input.figures.len());
        index.hot.reserve(input.figures.len());
        let mut by_doc: HashMap<DocId, Vec<&Figure>> = HashMap::default();
        for f in input.figures {
            by_doc.entry(f.document).or_default().push(f);
        }
        for src in input.sources {
            if let Some(figs) = by_doc.get_mut(&src.id) {
                figs.sort_by_key(|f| f.span.start);
                let chars = CharIndex::new(src.text);
                let times = doc_times(src.text, figs, &chars);
                let feats = features(src, &chars, figs, &times, &mut index);
                index.times.insert(src.id, times);
                index.chars.insert(src.id, chars);
                for f in feats {
                    index.feats.insert(f.mention.figure, f);
                }
            }
        }
        let ids: Vec<FigureId> = {
            let mut v: Vec<FigureId> = index.feats.keys().copied().collect();
            v.sort_unstable();
            v
        };
        for &id in &ids {
            index.post(id);
            index.weigh(id);
        }
        for &id in &ids {
            index.connect(id, true);
        }
        index.regroup_all();
        index
    }

    /// The claims dropped and the claims made (ids; a claim regrouped
    /// unchanged is in both) since the last call: what a list shown to a
    /// person must replace.
    pub fn take_changes(&mut self) -> (Vec<ClaimId>, Vec<ClaimId>) {
        (
            std::mem::take(&mut self.dropped),
            std::mem::take(&mut self.made),
        )
    }

    /// A claim by id.
    pub fn claim(&self, id: ClaimId) -> Option<&Claim> {
        self.claims.get(&id)
    }

    /// Every claim, in no particular order.
    pub fn claims(&self) -> impl Iterator<Item = &Claim> {
        self.claims.values()
    }

    fn word_id(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.vocab.get(w) {
            return id;
        }
        let id = self.names.len() as u32;
        self.vocab.insert(w.to_string(), id);
        self.names.push(w.to_string());
        self.shown.push(String::new());
        self.df.push(0);
        id
    }

    /// Figures are compared only within a block: one kind class and one
    /// sort of thing (or, for a noun of no known sort, that noun).
    fn block_id(&mut self, class: u8, noun: Option<&str>) -> u32 {
        let what = match noun {
            None => 0,
            Some(n) => match nouns::sort_id(n) {
                0 => 256 + self.word_id(n) as u64,
                sort => sort as u64,
            },
        };
        let next = self.blocks.len() as u32;
        *self
            .blocks
            .entry((class as u64) << 40 | what)
            .or_insert(next)
    }

    /// [`nouns::fold`], once per unit as written.
    fn fold_unit(&mut self, unit: &str) -> Option<String> {
        if let Some(n) = self.units.get(unit) {
            return n.clone();
        }
        let n = nouns::fold(unit);
        self.units.insert(unit.into(), n.clone());
        n
    }

    fn post(&mut self, id: FigureId) {
        let Some(f) = self.feats.get(&id) else { return };
        let block = f.block as u64;
        let mut keys: Vec<u64> = f.words.iter().map(|(w, _)| *w as u64).collect();
        keys.extend(f.value_key);
        for k in keys {
            self.postings.entry((block as u32, k)).or_default().push(id);
        }
    }

    fn unpost(&mut self, id: FigureId) {
        let Some(f) = self.feats.get(&id) else { return };
        let block = f.block;
        let mut keys: Vec<u64> = f.words.iter().map(|(w, _)| *w as u64).collect();
        keys.extend(f.value_key);
        for k in keys {
            if let Some(list) = self.postings.get_mut(&(block, k)) {
                list.retain(|x| *x != id);
            }
        }
    }

    /// Scores `id` against its candidates and records the edges above the
    /// threshold: against every candidate, or (`later_only`, while building,
    /// where every figure takes its turn) only those with a higher id.
    fn connect(&mut self, id: FigureId, later_only: bool) {
        let Some(f) = self.feats.get(&id) else { return };
        let mut keys: Vec<u64> = f.words.iter().map(|(w, _)| *w as u64).collect();
        keys.extend(f.value_key);
        // The rarest keys find the candidates: they tell facts apart best,
        // and a figure's work stays bounded however large the project.
        let mut lists: Vec<&Vec<FigureId>> = keys
            .iter()
            .filter_map(|k| self.postings.get(&(f.block, *k)))
            .filter(|list| list.len() <= POSTING_CAP)
            .collect();
        lists.sort_by_key(|l| l.len());
        lists.truncate(RARE_KEYS);
        let mut candidates: Vec<FigureId> = Vec::new();
        for list in lists {
            {
                candidates.extend(
                    list.iter()
                        .copied()
                        .filter(|&g| g > id || (!later_only && g != id)),
                );
            }
        }
        // The candidates sharing the most words (or the value) with the figure.
        candidates.sort_unstable();
        let mut counted: Vec<(usize, FigureId)> = Vec::new();
        for run in candidates.chunk_by(|a, b| a == b) {
            counted.push((run.len(), run[0]));
        }
        if counted.len() > CANDIDATES {
            counted.select_nth_unstable_by(CANDIDATES, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            counted.truncate(CANDIDATES);
        }
        let known: HashSet<FigureId> = self
            .edges
            .get(&id)
            .map(|es| es.iter().map(|(g, _)| *g).collect())
            .unwrap_or_default();
        let mut found = Vec::new();
        for g in counted
            .into_iter()
            .map(|(_, g)| g)
            .filter(|g| !known.contains(g))
        {
            if let Some(s) = self.quick_score(id, g)
                && s >= THRESHOLD
            {
                found.push((g, s));
            }
        }
        for (g, s) in found {
            self.edges.entry(id).or_default().push((g, s));
            self.edges.entry(g).or_default().push((id, s));
        }
    }

    fn disconnect(&mut self, id: FigureId) -> Vec<FigureId> {
        let gone = self.edges.remove(&id).unwrap_or_default();
        for (g, _) in &gone {
            if let Some(list) = self.edges.get_mut(g) {
                list.retain(|(x, _)| *x != id);
            }
        }
        gone.into_iter().map(|(g, _)| g).collect()
    }

    fn idf(&self, w: u32) -> f32 {
        let n = self.feats.len().max(1) as f32;
        let df = self.df.get(w as usize).copied().unwrap_or(1).max(1) as f32;
        (1.0 + n / df).ln()
    }

    /// Weighs a figure's words by how rare they are (now) and takes the
    /// vector's length, once, so that scoring a pair is a merge of two
    /// sorted lists.
    fn weigh(&mut self, id: FigureId) {
        // The noun gets a word id even when no sentence holds it as a word.
        let Some(noun) = self.feats.get(&id).map(|f| f.noun.clone()) else {
            return;
        };
        let noun_id = noun.map_or(NONE, |n| self.word_id(&n));
        let Some(f) = self.feats.get(&id) else { return };
        let vector: Box<[(u32, f32)]> =
            f.words.iter().map(|&(w, x)| (w, x * self.idf(w))).collect();
        let norm = vector.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
        let hot = Hot {
            doc: f.mention.doc,
            class: f.class,
            year_or_date: matches!(f.mention.kind, Kind::Year | Kind::Date),
            lao: f.lao,
            noun: noun_id,
            sort: f.noun.as_deref().map_or(0, nouns::sort_id),
            time: year_number(f.time.as_ref()),
            time_or_carried: year_number(f.time.as_ref().or(f.doc_time.as_ref())),
            value: f.mention.value,
            value_max: f.mention.value_max,
            vector,
            norm,
        };
        self.hot.insert(id, hot);
    }

    /// The score of two figures as one fact and why (`None` when they
    /// cannot be one: same document, other kinds, other nouns or years, or a
    /// dismissed pair), whether or not it reaches the threshold.
    pub fn explain(&self, a: FigureId, b: FigureId) -> Option<(f32, Vec<Reason>)> {
        let mut reasons = Vec::new();
        let s = self.pair_score(a, b, true, Some(&mut reasons))?;
        Some((s, reasons))
    }

    /// The score alone: what candidate search runs, many times per figure.
    fn quick_score(&self, a: FigureId, b: FigureId) -> Option<f32> {
        self.pair_score(a, b, true, None)
    }

    /// `veto`: refuse pairs that cannot be one fact (off for claims a
    /// person accepted, whose joins stand anyway). `reasons`: collect why.
    fn pair_score(
        &self,
        a: FigureId,
        b: FigureId,
        veto: bool,
        reasons: Option<&mut Vec<Reason>>,
    ) -> Option<f32> {
        let (ha, hb) = (self.hot.get(&a)?, self.hot.get(&b)?);
        let vetoed = ha.doc == hb.doc || ha.class != hb.class || self.distinct.contains(&key(a, b));
        if vetoed && veto {
            return None;
        }
        let (noun, noun_match) = match (ha.noun, hb.noun) {
            // Years and dates count no noun: being one is what they share.
            (NONE, NONE) if ha.year_or_date => (1.0, None),
            (NONE, NONE) => (0.6, None),
            (NONE, _) | (_, NONE) => (0.3, None),
            (x, y) if x == y => (1.0, Some(Match::Same)),
            _ if ha.sort != 0 && ha.sort == hb.sort => (0.5, Some(Match::Related)),
            _ if veto => return None,
            _ => (0.0, Some(Match::Different)),
        };
        let time = match (ha.time, hb.time) {
            (x, y) if x != 0 && y != 0 && x != y => {
                if veto {
                    return None;
                }
                0.0
            }
            (x, _) if x != 0 && hb.time != 0 => 1.0,
            _ if ha.time_or_carried != 0 && ha.time_or_carried == hb.time_or_carried => 0.6,
            _ => 0.0,
        };
        let explaining = reasons.is_some();
        let (words, shared) = self.similarity(ha, hb, explaining);
        let same_value = ha.value.is_some() && ha.value == hb.value && ha.value_max == hb.value_max;
        let value = if same_value { 1.0 } else { 0.0 };
        // Across languages the sentences share few words even when they
        // translate each other; the noun, time and value carry more.
        let words = if ha.lao != hb.lao {
            (2.0 * words).min(1.0)
        } else {
            words
        };
        let s = (0.3 * noun + 0.15 * time + 0.45 * words + 0.1 * value).min(1.0);
        if let Some(list) = reasons
            && let (Some(fa), Some(fb)) = (self.feats.get(&a), self.feats.get(&b))
        {
            match noun_match {
                Some(Match::Same) => list.push(Reason::SameNoun {
                    noun: written_noun(fa, fb),
                }),
                Some(Match::Related) => list.push(Reason::RelatedNouns {
                    a: written_noun(fa, fa),
                    b: written_noun(fb, fb),
                }),
                _ => {}
            }
            if time == 1.0
                && let Some(t) = &fa.time
            {
                list.push(Reason::SameTime { time: t.clone() });
            }
            if let Some(shared) = shared.filter(|s| !s.is_empty()) {
                list.push(Reason::SharedWords { words: shared });
            }
            if same_value {
                list.push(Reason::SameValue);
            }
        }
        Some(s)
    }

    /// Weighted cosine of the two figures' words and, when asked, the
    /// shared words, most telling first.
    fn similarity(&self, a: &Hot, b: &Hot, names: bool) -> (f32, Option<Vec<String>>) {
        if a.norm == 0.0 || b.norm == 0.0 {
            return (0.0, names.then(Vec::new));
        }
        let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
        let mut shared: Vec<(f32, u32)> = Vec::new();
        while i < a.vector.len() && j < b.vector.len() {
            let ((wa, x), (wb, y)) = (a.vector[i], b.vector[j]);
            match wa.cmp(&wb) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += x * y;
                    if names {
                        shared.push((x * y, wa));
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        let cosine = dot / (a.norm * b.norm);
        if !names {
            return (cosine, None);
        }
        shared.sort_by(|p, q| q.0.total_cmp(&p.0).then(p.1.cmp(&q.1)));
        let list = shared
            .iter()
            .take(4)
            .map(|(_, w)| {
                let shown = &self.shown[*w as usize];
                if shown.is_empty() {
                    &self.names[*w as usize]
                } else {
                    shown
                }
                .clone()
            })
            .collect();
        (cosine, Some(list))
    }

    /// Groups every figure anew.
    fn regroup_all(&mut self) {
        let mut ids: Vec<FigureId> = self.feats.keys().copied().collect();
        ids.sort_unstable();
        self.claims.clear();
        self.member.clear();
        self.group(ids);
    }

    /// Groups the figures in the connected parts (through edges and `same`
    /// links) holding `seeds`, replacing the claims they were in.
    fn regroup(&mut self, seeds: &[FigureId]) {
        let same_adj = self.same_adjacency();
        let mut part: HashSet<FigureId> = HashSet::default();
        let mut stack: Vec<FigureId> = seeds.to_vec();
        // Claims of the seeds go too: their other members are regrouped with them.
        for s in seeds {
            if let Some(c) = self.member.get(s).and_then(|c| self.claims.get(c)) {
                stack.extend(c.mentions.iter().map(|m| m.figure));
            }
        }
        while let Some(x) = stack.pop() {
            if !part.insert(x) {
                continue;
            }
            if let Some(es) = self.edges.get(&x) {
                stack.extend(es.iter().map(|(g, _)| *g).filter(|g| !part.contains(g)));
            }
            if let Some(ns) = same_adj.get(&x) {
                stack.extend(ns.iter().filter(|g| !part.contains(g)));
            }
        }
        for x in &part {
            if let Some(c) = self.member.remove(x)
                && let Some(old) = self.claims.remove(&c)
            {
                self.dropped.push(c);
                for m in old.mentions {
                    self.member.remove(&m.figure);
                }
            }
        }
        let mut part: Vec<FigureId> = part
            .into_iter()
            .filter(|x| self.feats.contains_key(x))
            .collect();
        // By id, so that ties between equal scores break the same way in an
        // update as in a full build.
        part.sort_unstable();
        self.group(part);
    }

    /// Groups `part` (sorted figure ids, none of them in a claim now).
    fn group(&mut self, part: Vec<FigureId>) {
        // Union-find over the part (dense indices): accepted groups first,
        // then edges, best first. A root's documents and members are kept
        // as lists only once it has grown past one figure.
        let at: HashMap<FigureId, usize> = part.iter().enumerate().map(|(i, &x)| (x, i)).collect();
        let mut parent: Vec<usize> = (0..part.len()).collect();
        let mut grown: HashMap<usize, (Vec<DocId>, Vec<FigureId>)> = HashMap::default();
        let doc_of = |i: usize| self.feats[&part[i]].mention.doc;
        fn find(parent: &mut [usize], x: usize) -> usize {
            let mut r = x;
            while parent[r] != r {
                r = parent[r];
            }
            let mut y = x;
            while parent[y] != r {
                let next = parent[y];
                parent[y] = r;
                y = next;
            }
            r
        }
        let lists = |grown: &mut HashMap<usize, (Vec<DocId>, Vec<FigureId>)>, r: usize| {
            grown
                .remove(&r)
                .unwrap_or_else(|| (vec![doc_of(r)], vec![part[r]]))
        };
        let mut accepted = vec![false; part.len()];
        for &(a, b) in &self.same {
            let (Some(&ia), Some(&ib)) = (at.get(&a), at.get(&b)) else {
                continue;
            };
            accepted[ia] = true;
            accepted[ib] = true;
            let (ra, rb) = (find(&mut parent, ia), find(&mut parent, ib));
            if ra != rb {
                parent[rb] = ra;
                let (mut da, mut ma) = lists(&mut grown, ra);
                let (db, mb) = lists(&mut grown, rb);
                da.extend(db);
                da.sort_unstable();
                ma.extend(mb);
                grown.insert(ra, (da, ma));
            }
        }
        let mut edges: Vec<(f32, usize, usize)> = Vec::new();
        for (i, &x) in part.iter().enumerate() {
            if accepted[i] {
                continue;
            }
            for &(g, s) in self.edges.get(&x).into_iter().flatten() {
                if let Some(&j) = at.get(&g)
                    && x < g
                    && !accepted[j]
                {
                    edges.push((s, i, j));
                }
            }
        }
        edges.sort_by(|p, q| q.0.total_cmp(&p.0).then((p.1, p.2).cmp(&(q.1, q.2))));
        for &(_, x, g) in &edges {
            let (rx, rg) = (find(&mut parent, x), find(&mut parent, g));
            if rx == rg {
                continue;
            }
            let (dx, mx) = lists(&mut grown, rx);
            let (dg, mg) = lists(&mut grown, rg);
            // Documents are kept sorted: look the smaller list up in the larger.
            let (small, large) = if dx.len() <= dg.len() {
                (&dx, &dg)
            } else {
                (&dg, &dx)
            };
            let clash = small.iter().any(|d| large.binary_search(d).is_ok());
            let dismissed = !self.distinct.is_empty()
                && mx
                    .iter()
                    .any(|&p| mg.iter().any(|&q| self.distinct.contains(&key(p, q))));
            if clash || dismissed {
                grown.insert(rx, (dx, mx));
                grown.insert(rg, (dg, mg));
                continue;
            }
            // The larger group takes in the smaller.
            let (root, child, (mut d, mut m), (d2, m2)) = if mx.len() >= mg.len() {
                (rx, rg, (dx, mx), (dg, mg))
            } else {
                (rg, rx, (dg, mg), (dx, mx))
            };
            parent[child] = root;
            for doc in d2 {
                let at = d.binary_search(&doc).unwrap_or_else(|i| i);
                d.insert(at, doc);
            }
            m.extend(m2);
            grown.insert(root, (d, m));
        }
        let mut roots: Vec<usize> = grown.keys().copied().collect();
        roots.sort_unstable();
        for r in roots {
            let Some((_, mut figs)) = grown.remove(&r) else {
                continue;
            };
            if figs.len() < 2 {
                continue;
            }
            figs.sort_unstable();
            let state = if figs.iter().all(|f| accepted[at[f]]) {
                ClaimState::Accepted
            } else {
                ClaimState::Suggested
            };
            if let Some(claim) = self.make_claim(&figs, state) {
                for m in &claim.mentions {
                    self.member.insert(m.figure, claim.id);
                }
                self.made.push(claim.id);
                self.claims.insert(claim.id, claim);
            }
        }
    }

    fn same_adjacency(&self) -> HashMap<FigureId, Vec<FigureId>> {
        let mut adj: HashMap<FigureId, Vec<FigureId>> = HashMap::default();
        for &(a, b) in &self.same {
            adj.entry(a).or_default().push(b);
            adj.entry(b).or_default().push(a);
        }
        adj
    }

    fn make_claim(&self, figs: &[FigureId], state: ClaimState) -> Option<Claim> {
        let mut feats: Vec<&Feat> = figs.iter().filter_map(|f| self.feats.get(f)).collect();
        feats.sort_by_key(|f| (f.mention.doc, f.mention.span.start));
        if feats.len() < 2 {
            return None;
        }
        // The pair scores inside the claim: the best gives the reasons, the
        // weakest link the score (a claim is as sure as its least sure join).
        // A person's join stands even where the engine would veto it.
        let veto = state == ClaimState::Suggested;
        let mut best: Option<(f32, FigureId, FigureId)> = None;
        let mut weakest = f32::MAX;
        let members: HashSet<FigureId> = feats.iter().map(|f| f.mention.figure).collect();
        for f in &feats {
            let a = f.mention.figure;
            let mut best_for_a = 0.0f32;
            // A suggestion was joined along scored edges; a small claim (or
            // an accepted one, joined by a person) is scored pair by pair.
            if veto && feats.len() > 8 {
                for &(b, s) in self.edges.get(&a).into_iter().flatten() {
                    if members.contains(&b) {
                        best_for_a = best_for_a.max(s);
                        if best.is_none_or(|(bs, _, _)| s > bs) {
                            best = Some((s, a, b));
                        }
                    }
                }
            } else {
                for g in &feats {
                    let b = g.mention.figure;
                    if b == a {
                        continue;
                    }
                    if let Some(s) = self.pair_score(a, b, veto, None) {
                        best_for_a = best_for_a.max(s);
                        if best.is_none_or(|(bs, _, _)| s > bs) {
                            best = Some((s, a, b));
                        }
                    }
                }
            }
            weakest = weakest.min(best_for_a);
        }
        let best = best.map(|(s, a, b)| {
            let mut r = Vec::new();
            self.pair_score(a, b, veto, Some(&mut r));
            (s, r)
        });
        let (mut score, mut reasons) = best.unwrap_or((0.0, Vec::new()));
        score = score.min(weakest);
        // Three decimals: what a person reads, and stable in files.
        score = (score * 1000.0).round() / 1000.0;
        if state == ClaimState::Accepted {
            score = 1.0;
            reasons.insert(0, Reason::Accepted);
        }
        let mentions: Vec<Mention> = feats.iter().map(|f| f.mention.clone()).collect();
        let (verdict, rounder) = verdict_of(&mentions);
        let description = self.describe(&feats, &reasons);
        Some(Claim {
            id: ClaimId(mentions.iter().map(|m| m.figure).min()?),
            state,
            rounder: rounder.map(|i| mentions[i].figure),
            score,
            reasons,
            description,
            verdict,
            mentions,
        })
    }

    fn describe(&self, feats: &[&Feat], reasons: &[Reason]) -> Description {
        let mut nouns: BTreeMap<&str, usize> = BTreeMap::new();
        for f in feats {
            if let Some(n) = &f.noun {
                *nouns.entry(n.as_str()).or_default() += 1;
            }
        }
        let folded = nouns
            .iter()
            .max_by_key(|(n, c)| (**c, std::cmp::Reverse(**n)))
            .map(|(n, _)| n.to_string());
        // As written, from an English mention where there is one.
        let noun = folded.and_then(|n| {
            let with: Vec<&&Feat> = feats
                .iter()
                .filter(|f| f.noun.as_deref() == Some(n.as_str()))
                .collect();
            let pick = with.iter().find(|f| !f.lao).or(with.first())?;
            Some(written_noun(pick, pick))
        });
        let time = feats.iter().find_map(|f| f.time.clone());
        let words = reasons
            .iter()
            .find_map(|r| match r {
                Reason::SharedWords { words } => Some(words.iter().take(3).cloned().collect()),
                _ => None,
            })
            .unwrap_or_default();
        Description { noun, time, words }
    }
}

impl ClaimIndex {
    /// The figures changed (added, reviewed, fixed) or removed (`None`): their
    /// features, edges and the claims around them are rebuilt; the rest stays.
    pub fn update(&mut self, sources: &[Source], changed: &[(FigureId, Option<&Figure>)]) {
        let mut touched: Vec<FigureId> = Vec::new();
        for &(id, figure) in changed {
            touched.push(id);
            touched.extend(self.disconnect(id));
            self.unpost(id);
            self.hot.remove(&id);
            if let Some(old) = self.feats.remove(&id) {
                for (w, _) in &old.words {
                    if let Some(d) = self.df.get_mut(*w as usize) {
                        *d = d.saturating_sub(1);
                    }
                }
            }
            let Some(f) = figure else { continue };
            let Some(src) = sources.iter().find(|s| s.id == f.document) else {
                continue;
            };
            // A year fixed or added moves the document's time marks (the
            // figures already featured keep theirs until rebuilt).
            let times = self.times.entry(f.document).or_default();
            times.marks.retain(|(sp, _)| *sp != f.span);
            if let Some(y) = year_of(f) {
                let at = times
                    .marks
                    .partition_point(|(sp, _)| (sp.start, sp.end) < (f.span.start, f.span.end));
                times.marks.insert(at, (f.span, y));
            }
            let times = times.clone();
            // A document's offsets map, kept from the build: rebuilding it
            // for a long document would cost more than the whole update.
            let chars = self
                .chars
                .remove(&f.document)
                .unwrap_or_else(|| CharIndex::new(src.text));
            let feats = features(src, &chars, &[f], &times, self);
            self.chars.insert(f.document, chars);
            for feat in feats {
                self.feats.insert(feat.mention.figure, feat);
            }
            self.post(id);
            self.weigh(id);
        }
        for &(id, figure) in changed {
            if figure.is_some() {
                self.connect(id, false);
                touched.extend(self.edges.get(&id).into_iter().flatten().map(|(g, _)| *g));
            }
        }
        self.regroup(&touched);
    }

    /// A reviewer joined or separated figures: the constraints change and the
    /// claims around the figures named are regrouped.
    pub fn set_constraints(
        &mut self,
        same: &[(FigureId, FigureId)],
        distinct: &[(FigureId, FigureId)],
    ) {
        let old_same: HashSet<(FigureId, FigureId)> =
            self.same.iter().map(|&(a, b)| key(a, b)).collect();
        let new_same: HashSet<(FigureId, FigureId)> =
            same.iter().map(|&(a, b)| key(a, b)).collect();
        let new_distinct: HashSet<(FigureId, FigureId)> =
            distinct.iter().map(|&(a, b)| key(a, b)).collect();
        let lifted: Vec<(FigureId, FigureId)> =
            self.distinct.difference(&new_distinct).copied().collect();
        let mut touched: HashSet<FigureId> = HashSet::default();
        for (a, b) in old_same
            .symmetric_difference(&new_same)
            .chain(self.distinct.symmetric_difference(&new_distinct))
        {
            touched.insert(*a);
            touched.insert(*b);
        }
        self.same = same.to_vec();
        self.distinct = new_distinct;
        // A dismissal lifted (an undo): the pair was never scored, score it now.
        for (a, b) in lifted {
            let known = self
                .edges
                .get(&a)
                .is_some_and(|es| es.iter().any(|(g, _)| *g == b));
            if let Some(s) = self.quick_score(a, b)
                && s >= THRESHOLD
                && !known
            {
                self.edges.entry(a).or_default().push((b, s));
                self.edges.entry(b).or_default().push((a, s));
            }
        }
        // The figures of accepted claims that lost or gained a join go too,
        // so their old claims are found and dropped.
        let mut seeds: Vec<FigureId> = touched.iter().copied().collect();
        for (a, b) in old_same {
            if touched.contains(&a) || touched.contains(&b) {
                seeds.push(a);
                seeds.push(b);
            }
        }
        seeds.sort_unstable();
        seeds.dedup();
        if !seeds.is_empty() {
            self.regroup(&seeds);
        }
    }
}

/// The years a document names, where: what the time of each figure is read from.
#[derive(Debug, Clone, Default)]
struct DocTimes {
    /// Year and date figures with a year, by start (code points).
    marks: Vec<(Span, String)>,
    /// The year of the document's date line.
    dateline: Option<String>,
}

fn year_of(f: &Figure) -> Option<String> {
    let y = match f.kind {
        Kind::Year => f.value.map(|v| v.normalize().to_string()),
        Kind::Date => super::context::read_date(&f.text)
            .and_then(|d| d.year)
            .map(|y| y.to_string()),
        _ => None,
    }?;
    (y.len() == 4).then_some(y)
}

fn doc_times(text: &str, figs: &[&Figure], chars: &CharIndex) -> DocTimes {
    let mut marks: Vec<(Span, String)> = figs
        .iter()
        .filter_map(|f| year_of(f).map(|y| (f.span, y)))
        .collect();
    marks.sort_by_key(|(s, _)| (s.start, s.end));
    DocTimes {
        marks,
        dateline: dateline_year(text, figs, chars),
    }
}

/// A shared noun as written, lower case: from the first figure not in Lao.
fn written_noun(a: &Feat, b: &Feat) -> String {
    let pick = if a.lao && !b.lao { b } else { a };
    let unit = pick
        .mention
        .unit
        .as_deref()
        .or(a.noun.as_deref())
        .unwrap_or("");
    unit.trim().to_lowercase()
}

/// A sentence's byte range.
type Sentence = (usize, usize);

/// The features of one document's figures (sorted by start).
fn features(
    src: &Source,
    chars: &CharIndex,
    figs: &[&Figure],
    times: &DocTimes,
    index: &mut ClaimIndex,
) -> Vec<Feat> {
    let text = src.text;
    let mut out = Vec::new();
    // Consecutive figures often share a sentence: its words (as ids) once.
    let mut sentence_cache: Option<(Sentence, Vec<(usize, u32)>)> = None;
    // Years and dates of each sentence, by sentence start.
    for f in figs.iter() {
        let Some(cls) = class(f.kind) else { continue };
        // "Other" figures state a fact only with a unit (an age, an area).
        if f.kind == Kind::Other && f.unit.is_none() {
            continue;
        }
        let (Some(s), Some(e)) = (
            chars.byte_of(text, f.span.start),
            chars.byte_of(text, f.span.end),
        ) else {
            continue;
        };
        if s >= e || e > text.len() {
            continue;
        }
        if is_dateline(text, s, f.kind) {
            continue;
        }
        let (ss, se) = sentence_at(text, s, e);
        if sentence_cache
            .as_ref()
            .is_none_or(|(span, _)| *span != (ss, se))
        {
            let mut ids: Vec<(usize, u32)> = Vec::new();
            tokens(text, ss, se, &mut |at, raw, lao| {
                // Folding (stopwords, stems, glosses) once per word as written.
                let id = match index.folded.get(raw) {
                    Some(id) => *id,
                    None => {
                        let id = fold(raw, lao).map(|w| index.word_id(&w));
                        // Shown as first written, in English once an
                        // English source has written it (the interface and
                        // reports read best in one script per claim).
                        if let Some(id) = id {
                            let shown = &mut index.shown[id as usize];
                            if shown.is_empty() || (!lao && shown.chars().any(is_lao)) {
                                *shown = raw.to_lowercase();
                            }
                        }
                        index.folded.insert(raw.into(), id);
                        id
                    }
                };
                if let Some(id) = id {
                    ids.push((at, id));
                }
            });
            sentence_cache = Some(((ss, se), ids));
        }
        let words: &[(usize, u32)] = sentence_cache.as_ref().map_or(&[], |(_, w)| w);
        let noun = f.unit.as_deref().and_then(|u| index.fold_unit(u));
        let noun_id = noun.as_deref().and_then(|n| index.vocab.get(n).copied());
        // The figure's own words and its noun say nothing about which fact it is.
        let position = words.partition_point(|(at, _)| *at < s);
        let mut weights: Vec<(u32, f32)> = Vec::with_capacity(words.len());
        for (i, &(at, id)) in words.iter().enumerate() {
            if (at >= s && at < e) || Some(id) == noun_id {
                continue;
            }
            let distance = if i < position {
                position - i
            } else {
                i + 1 - position
            };
            weights.push((id, if distance <= NEAR { 2.0 } else { 1.0 }));
        }
        // By id, each once at its highest weight.
        weights.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        weights.dedup_by_key(|w| w.0);
        for (id, _) in &weights {
            index.df[*id as usize] += 1;
        }
        let time = time_in_sentence(times, f, ss, se, chars, text);
        let carried = if matches!(f.kind, Kind::Year | Kind::Date) {
            None
        } else {
            let before = times
                .marks
                .partition_point(|(sp, _)| sp.end <= f.span.start);
            before
                .checked_sub(1)
                .map(|i| times.marks[i].1.clone())
                .or_else(|| times.dateline.clone())
        };
        let block = index.block_id(cls, noun.as_deref());
        let mention = Mention {
            figure: f.id,
            doc: f.document,
            span: f.span,
            text: f.text.clone(),
            kind: f.kind,
            value: f.value,
            value_max: f.value_max,
            unit: f.unit.clone(),
            hedge: hedge_at(text, s, e),
            sentence: Span::new(
                chars.char_of(text, ss).unwrap_or(0),
                chars.char_of(text, se).unwrap_or(0),
            ),
            sentence_text: text[ss..se].to_string(),
            time: time.clone(),
        };
        out.push(Feat {
            mention,
            lao: text[ss..se].chars().any(is_lao),
            class: cls,
            noun,
            block,
            time,
            doc_time: carried,
            words: weights,
            value_key: value_key_of(f),
        });
    }
    out
}

/// The year of another year or date figure in the same sentence: the time
/// the figure speaks of. Years and dates themselves have none (their own
/// value is what is compared).
fn time_in_sentence(
    times: &DocTimes,
    f: &Figure,
    ss: usize,
    se: usize,
    chars: &CharIndex,
    text: &str,
) -> Option<String> {
    if matches!(f.kind, Kind::Year | Kind::Date) {
        return None;
    }
    let (cs, ce) = (chars.char_of(text, ss)?, chars.char_of(text, se)?);
    let from = times.marks.partition_point(|(sp, _)| sp.start < cs);
    times.marks[from..]
        .iter()
        .take_while(|(sp, _)| sp.start < ce)
        .find(|(sp, _)| sp.end <= ce && *sp != f.span)
        .map(|(_, y)| y.clone())
}

/// A date or year at the head of a document, alone on a short line (a
/// news story's date line): it dates the document, it states no fact.
fn is_dateline(text: &str, s: usize, kind: Kind) -> bool {
    if !matches!(kind, Kind::Date | Kind::Year) || s > 600 {
        return false;
    }
    let line_start = text[..s].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[s..].find('\n').map_or(text.len(), |i| s + i);
    let line = &text[line_start..line_end];
    let words = line.split_whitespace().count();
    words <= 8 && !line.trim_end().ends_with('.')
}

fn dateline_year(text: &str, figs: &[&Figure], chars: &CharIndex) -> Option<String> {
    figs.iter().find_map(|f| {
        let s = chars.byte_of(text, f.span.start)?;
        if !is_dateline(text, s, f.kind) {
            return None;
        }
        match f.kind {
            Kind::Year => f.value.map(|v| v.normalize().to_string()),
            _ => super::context::read_date(&f.text)
                .and_then(|d| d.year)
                .map(|y| y.to_string()),
        }
    })
}

pub fn claims(input: &Input) -> Vec<Claim> {
    ClaimIndex::build(input).claims().cloned().collect()
}
