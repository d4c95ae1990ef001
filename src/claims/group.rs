//! Candidate pairs, their scores and reasons, and the grouping into claims.
//! (First cut: figures of one kind and one counted noun, one per document.)

use std::collections::BTreeMap;

use super::context::{hedge_at, sentence_at};
use super::{Claim, ClaimId, ClaimState, Description, Input, Mention, Reason, verdict_of};
use crate::text::CharIndex;

pub fn claims(input: &Input) -> Vec<Claim> {
    let mut groups: BTreeMap<(String, String), Vec<Mention>> = BTreeMap::new();
    for f in input.figures {
        let Some(src) = input.sources.iter().find(|s| s.id == f.document) else {
            continue;
        };
        let Some(unit) = f.unit.as_ref().map(|u| u.to_lowercase()) else {
            continue;
        };
        let idx = CharIndex::new(src.text);
        let (Some(s), Some(e)) = (
            idx.byte_of(src.text, f.span.start),
            idx.byte_of(src.text, f.span.end),
        ) else {
            continue;
        };
        let (ss, se) = sentence_at(src.text, s, e);
        let list = groups.entry((f.kind.to_string(), unit)).or_default();
        if list.iter().any(|m| m.doc == f.document) {
            continue;
        }
        list.push(Mention {
            figure: f.id,
            doc: f.document,
            span: f.span,
            text: f.text.clone(),
            kind: f.kind,
            value: f.value,
            value_max: f.value_max,
            unit: f.unit.clone(),
            hedge: hedge_at(src.text, s, e),
            sentence: crate::model::Span::new(
                idx.char_of(src.text, ss).unwrap_or(0),
                idx.char_of(src.text, se).unwrap_or(0),
            ),
            sentence_text: src.text[ss..se].to_string(),
            time: None,
        });
    }
    let mut out = Vec::new();
    for ((_, unit), mentions) in groups {
        if mentions.len() < 2 {
            continue;
        }
        let (verdict, rounder) = verdict_of(&mentions);
        let same = |m: &Mention| {
            input
                .same
                .iter()
                .any(|(a, b)| *a == m.figure || *b == m.figure)
        };
        out.push(Claim {
            id: ClaimId(mentions.iter().map(|m| m.figure).min().unwrap_or(0)),
            state: if mentions.iter().all(same) {
                ClaimState::Accepted
            } else {
                ClaimState::Suggested
            },
            rounder: rounder.map(|i| mentions[i].figure),
            score: 0.5,
            reasons: vec![Reason::SameNoun { noun: unit.clone() }],
            description: Description {
                noun: Some(unit),
                time: None,
                words: Vec::new(),
            },
            verdict,
            mentions,
        });
    }
    out
}
