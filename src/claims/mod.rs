//! Claims across sources: figures in different documents that state the same
//! quantity about the same thing, grouped, with a verdict on whether the
//! sources agree. Pure like [`crate::extract`]: figures and texts in, claims
//! out; no SQL, no GUI.
//!
//! Values are deliberately *not* a grouping requirement: two sources giving
//! different numbers for one fact is exactly what a fact-checker must see.
//! Files by concern:
//! - [`nouns`]: the counted noun folded for number and spelling, and glossed
//!   between Lao and English;
//! - [`words`]: content words of a sentence (Lao through the ICU4X word segmenter);
//! - [`context`]: sentences, the time a figure speaks of, hedge words;
//! - [`verdict`]: agrees, agrees within rounding, hedged, disagrees;
//! - [`group`]: candidate pairs, their scores and reasons, and the grouping.

mod context;
mod group;
pub mod nouns;
mod verdict;
mod words;

use serde::{Deserialize, Serialize};

use crate::model::{ClaimReview, Decimal, DocId, Figure, FigureId, Kind, Language, Span};

pub use context::{Hedge, HedgeKind};
pub use group::ClaimIndex;
pub use verdict::{Verdict, verdict_of};

/// One document as the engine sees it.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    pub id: DocId,
    pub language: &'a Language,
    pub text: &'a str,
}

/// What the engine works from. Figures the reviewer rejected (or that went
/// stale) must be left out by the caller: only live figures make claims.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub sources: &'a [Source<'a>],
    pub figures: &'a [Figure],
    /// Pairs a person joined (links of relation `same`): always one claim.
    pub same: &'a [(FigureId, FigureId)],
    /// Pairs a person said are not the same fact (dismissed suggestions,
    /// figures split out of a claim): never grouped together again.
    pub distinct: &'a [(FigureId, FigureId)],
}

/// A claim's id: its lowest figure id, so it stays the same from run to run
/// as long as its grouping does. Shown as `c<id>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct ClaimId(pub FigureId);

impl std::fmt::Display for ClaimId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "c{}", self.0)
    }
}

impl std::str::FromStr for ClaimId {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let t = s.trim();
        let digits = t.strip_prefix(['c', 'C']).unwrap_or(t);
        digits
            .parse::<FigureId>()
            .ok()
            .filter(|n| *n > 0)
            .map(ClaimId)
            .ok_or_else(|| format!("'{s}' is not a claim id (they look like c12)"))
    }
}

impl From<ClaimId> for String {
    fn from(id: ClaimId) -> String {
        id.to_string()
    }
}

impl TryFrom<String> for ClaimId {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

/// Whether a person has looked at the grouping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimState {
    /// Proposed by the engine; nothing stored yet.
    Suggested,
    /// Joined by `same` links, by a person.
    Accepted,
}

impl ClaimState {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimState::Suggested => "suggested",
            ClaimState::Accepted => "accepted",
        }
    }
}

/// One figure of a claim, with what the verdict and a reader need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub figure: FigureId,
    pub doc: DocId,
    /// Code points in the document.
    pub span: Span,
    pub text: String,
    pub kind: Kind,
    pub value: Option<Decimal>,
    pub value_max: Option<Decimal>,
    pub unit: Option<String>,
    /// "more than", "about", "ກວ່າ" …: words that make the figure a bound or
    /// an estimate, as written.
    pub hedge: Option<Hedge>,
    /// The sentence the figure stands in, in code points.
    pub sentence: Span,
    pub sentence_text: String,
    /// The year or date the figure speaks of, when one is found (`2024`,
    /// `2024-01-30`).
    pub time: Option<String>,
}

/// Why the engine grouped figures, in pieces a person can read (and the
/// interface can translate).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// The same counted noun (after folding and glossing): `cases`.
    SameNoun { noun: String },
    /// Nouns that name the same kind of thing: `people` and `victims`.
    RelatedNouns { a: String, b: String },
    /// Both speak of this year or date.
    SameTime { time: String },
    /// Content words the sentences share.
    SharedWords { words: Vec<String> },
    /// The same value (a hint, never a requirement).
    SameValue,
    /// A person joined these figures.
    Accepted,
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::SameNoun { noun } => write!(f, "same counted noun {noun}"),
            Reason::RelatedNouns { a, b } => write!(f, "related nouns {a} and {b}"),
            Reason::SameTime { time } => write!(f, "same time {time}"),
            Reason::SharedWords { words } => write!(f, "shared words {}", words.join(", ")),
            Reason::SameValue => f.write_str("same value"),
            Reason::Accepted => f.write_str("accepted by a reviewer"),
        }
    }
}

/// What a claim is about, for its row in a list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Description {
    /// The counted noun, in English where a gloss exists.
    pub noun: Option<String>,
    pub time: Option<String>,
    /// The most telling content words the sentences share.
    pub words: Vec<String>,
}

impl std::fmt::Display for Description {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        if let Some(n) = &self.noun {
            parts.push(n.clone());
        }
        if let Some(t) = &self.time {
            parts.push(t.clone());
        }
        if !self.words.is_empty() {
            parts.push(format!("({})", self.words.join(", ")));
        }
        if parts.is_empty() {
            f.write_str("figures")
        } else {
            f.write_str(&parts.join(" · "))
        }
    }
}

/// Figures in several documents that state one fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub id: ClaimId,
    pub state: ClaimState,
    /// At least two, in at least two documents; ordered by document, then offset.
    pub mentions: Vec<Mention>,
    /// How sure the engine is, 0 to 1 (1 for accepted claims).
    pub score: f32,
    pub reasons: Vec<Reason>,
    pub description: Description,
    pub verdict: Verdict,
    /// For [`Verdict::Rounding`]: the mention whose figure is the rounder one.
    pub rounder: Option<FigureId>,
}

impl Claim {
    /// False only for [`Verdict::Disagrees`].
    pub fn agrees(&self) -> bool {
        self.verdict != Verdict::Disagrees
    }

    pub fn figures(&self) -> Vec<FigureId> {
        self.mentions.iter().map(|m| m.figure).collect()
    }

    pub fn mention(&self, figure: FigureId) -> Option<&Mention> {
        self.mentions.iter().find(|m| m.figure == figure)
    }

    /// The reasons joined for one line of text ("same counted noun cases; same time 2024").
    pub fn reason_text(&self) -> String {
        let parts: Vec<String> = self.reasons.iter().map(|r| r.to_string()).collect();
        parts.join("; ")
    }
}

/// A claim with what reviewers said about it (filled in by the app from the
/// project file; the engine itself knows nothing of reviews).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewedClaim {
    pub claim: Claim,
    /// Reviews hanging on any of the claim's figures, oldest first.
    pub reviews: Vec<ClaimReview>,
}

impl ReviewedClaim {
    /// The notes written on the claim, oldest first.
    pub fn notes(&self) -> impl Iterator<Item = &str> {
        self.reviews.iter().filter_map(|r| r.note.as_deref())
    }

    /// The newest review.
    pub fn last_review(&self) -> Option<&ClaimReview> {
        self.reviews
            .iter()
            .max_by(|a, b| a.reviewed_at.cmp(&b.reviewed_at))
    }
}

/// Finds the claims in a project: the accepted ones (from `same` links) and
/// the engine's suggestions among the other figures. Disagreeing claims
/// first, then by score.
pub fn find_claims(input: &Input) -> Vec<Claim> {
    let mut claims = group::claims(input);
    sort(&mut claims);
    claims
}

/// Disagreements first, then accepted before suggested, then the surest.
pub fn sort(claims: &mut [Claim]) {
    claims.sort_by(order);
}

/// The order [`sort`] puts claims in.
pub fn order(a: &Claim, b: &Claim) -> std::cmp::Ordering {
    (a.agrees(), a.state != ClaimState::Accepted)
        .cmp(&(b.agrees(), b.state != ClaimState::Accepted))
        .then(b.score.total_cmp(&a.score))
        .then(a.id.cmp(&b.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_ids_read_back() {
        assert_eq!("c12".parse::<ClaimId>(), Ok(ClaimId(12)));
        assert_eq!("12".parse::<ClaimId>(), Ok(ClaimId(12)));
        assert_eq!(ClaimId(7).to_string(), "c7");
        assert!("c".parse::<ClaimId>().is_err());
        assert!("c0".parse::<ClaimId>().is_err());
        assert!("x3".parse::<ClaimId>().is_err());
    }
}
