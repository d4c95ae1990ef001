//! The claims engine on small hand-written texts, figures found by the real
//! extractor: the same fact across sources and languages, rounding, hedges,
//! dates, and facts that share a noun and a year but must stay apart.

use tualek::app::extract::found_figures;
use tualek::claims::{Claim, ClaimIndex, ClaimState, Input, Reason, Source, Verdict, find_claims};
use tualek::model::{Figure, FigureId, Language};

struct Docs {
    texts: Vec<String>,
    languages: Vec<Language>,
    figures: Vec<Figure>,
}

fn docs(texts: &[&str]) -> Docs {
    let mut figures = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        for mut f in found_figures(i as i64 + 1, t) {
            f.id = figures.len() as i64 + 1;
            figures.push(f);
        }
    }
    Docs {
        texts: texts.iter().map(|t| t.to_string()).collect(),
        languages: texts
            .iter()
            .map(|t| {
                Language::new(if t.chars().any(|c| ('\u{e80}'..='\u{eff}').contains(&c)) {
                    "lo"
                } else {
                    "en"
                })
            })
            .collect(),
        figures,
    }
}

impl Docs {
    fn sources(&self) -> Vec<Source<'_>> {
        self.texts
            .iter()
            .enumerate()
            .map(|(i, text)| Source {
                id: i as i64 + 1,
                language: &self.languages[i],
                text,
            })
            .collect()
    }

    fn claims_with(
        &self,
        same: &[(FigureId, FigureId)],
        distinct: &[(FigureId, FigureId)],
    ) -> Vec<Claim> {
        let sources = self.sources();
        find_claims(&Input {
            sources: &sources,
            figures: &self.figures,
            same,
            distinct,
        })
    }

    fn claims(&self) -> Vec<Claim> {
        self.claims_with(&[], &[])
    }

    /// The figure whose text is `text` in document `doc` (1-based).
    fn fig(&self, doc: i64, text: &str) -> FigureId {
        self.figures
            .iter()
            .find(|f| f.document == doc && f.text == text)
            .unwrap_or_else(|| panic!("no figure {text:?} in doc {doc}: {:?}", self.figures))
            .id
    }
}

/// The claim holding figure `id`.
fn claim_of(claims: &[Claim], id: FigureId) -> Option<&Claim> {
    claims.iter().find(|c| c.mention(id).is_some())
}

fn texts(c: &Claim) -> Vec<&str> {
    c.mentions.iter().map(|m| m.text.as_str()).collect()
}

#[test]
fn two_sources_giving_different_counts_for_one_fact_disagree() {
    let d = docs(&[
        "Police recorded 96 new human trafficking cases in 2024.",
        "Laos recorded 46 new human trafficking cases in 2024.",
    ]);
    let claims = d.claims();
    let c = claim_of(&claims, d.fig(1, "96")).expect("96 and 46 make a claim");
    assert_eq!(texts(c), ["96", "46"]);
    assert_eq!(c.verdict, Verdict::Disagrees);
    assert!(!c.agrees());
    assert_eq!(c.state, ClaimState::Suggested);
    assert!(
        c.reasons.contains(&Reason::SameNoun {
            noun: "cases".into()
        }),
        "{:?}",
        c.reasons
    );
    assert!(
        c.reasons.contains(&Reason::SameTime {
            time: "2024".into()
        }),
        "{:?}",
        c.reasons
    );
    assert!(
        c.reason_text().contains("trafficking"),
        "{}",
        c.reason_text()
    );
    assert_eq!(c.description.noun.as_deref(), Some("cases"));
    assert_eq!(c.description.time.as_deref(), Some("2024"));
    assert_eq!(
        claims[0].verdict,
        Verdict::Disagrees,
        "disagreements come first"
    );
}

#[test]
fn figures_in_one_sentence_pair_with_their_counterparts() {
    let d = docs(&[
        "Police recorded 96 new human trafficking cases in 2024, in which 85 people were targeted and for which 119 suspects were arrested.",
        "Laos recorded 46 new human trafficking cases in 2024, resulting in 95 arrests and 85 victims.",
    ]);
    let claims = d.claims();
    let pair = |a: &str, b: &str| {
        let c = claim_of(&claims, d.fig(1, a))
            .unwrap_or_else(|| panic!("{a} in no claim: {claims:#?}"));
        assert!(
            c.mention(d.fig(2, b)).is_some(),
            "{a} should go with {b}: {:?}",
            texts(c)
        );
        c.verdict
    };
    assert_eq!(pair("96", "46"), Verdict::Disagrees);
    assert_eq!(pair("119", "95"), Verdict::Disagrees);
    assert_eq!(pair("85", "85"), Verdict::Agrees);
}

#[test]
fn the_same_fact_in_lao_and_english_agrees() {
    let d = docs(&[
        "ໃນປີ 2024 ຕຳຫຼວດໄດ້ບັນທຶກຄະດີການຄ້າມະນຸດ 96 ຄະດີ.",
        "In 2024 the police recorded 96 human trafficking cases.",
    ]);
    let claims = d.claims();
    let c = claim_of(&claims, d.fig(1, "96")).expect("the Lao and English 96 make a claim");
    assert!(c.mention(d.fig(2, "96")).is_some());
    assert_eq!(c.verdict, Verdict::Agrees);
    assert!(
        c.reasons.contains(&Reason::SameNoun {
            noun: "cases".into()
        }),
        "{:?}",
        c.reasons
    );
}

#[test]
fn rounding_is_told_apart_and_the_rounder_named() {
    let d = docs(&[
        "The dam project employed 1.2 million workers in 2023.",
        "In 2023 the dam project employed 1.23 million workers.",
    ]);
    let claims = d.claims();
    let c = claim_of(&claims, d.fig(1, "1.2 million")).expect("a claim");
    assert_eq!(c.verdict, Verdict::Rounding);
    assert_eq!(c.rounder, Some(d.fig(1, "1.2 million")));
    assert!(c.agrees());
}

#[test]
fn a_hedge_is_kept_and_bounds_the_value() {
    let d = docs(&[
        "More than 1,000 workers were sent abroad by agencies in 2023.",
        "In 2023 agencies sent 1,255 workers abroad.",
        "Fewer than 1,000 workers were sent abroad by agencies in 2023.",
    ]);
    let claims = d.claims();
    let more = d.fig(1, "1,000");
    let c = claim_of(&claims, more).expect("a claim");
    assert_eq!(
        c.mention(more)
            .and_then(|m| m.hedge.as_ref())
            .map(|h| h.words.as_str()),
        Some("More than")
    );
    // Two documents give bounds; the claim holds one figure per document.
    assert!(c.mention(d.fig(2, "1,255")).is_some(), "{:?}", texts(c));
    let consistent = Verdict::Hedged;
    let only_more: Vec<_> = c.mentions.iter().filter(|m| m.doc != 3).cloned().collect();
    assert_eq!(tualek::claims::verdict_of(&only_more).0, consistent);
    let fewer = d.fig(3, "1,000");
    let with_fewer: Vec<_> = claims
        .iter()
        .flat_map(|c| c.mentions.iter())
        .filter(|m| m.figure == fewer || m.figure == d.fig(2, "1,255"))
        .cloned()
        .collect();
    assert_eq!(
        tualek::claims::verdict_of(&with_fewer).0,
        Verdict::Disagrees
    );
    if c.mention(fewer).is_some() {
        assert_eq!(c.verdict, Verdict::Disagrees);
    }
}

#[test]
fn cases_opened_and_cases_convicted_are_different_facts() {
    let d = docs(&[
        "Police opened 120 cases in 2024.",
        "Courts convicted 45 cases in 2024.",
    ]);
    assert!(
        claim_of(&d.claims(), d.fig(1, "120")).is_none(),
        "{:#?}",
        d.claims()
    );

    let d = docs(&[
        "In 2024 the police opened 120 trafficking investigations, and the courts convicted 45 traffickers.",
        "The courts convicted 45 traffickers in 2024, while the police opened 118 trafficking investigations.",
    ]);
    let claims = d.claims();
    let opened = claim_of(&claims, d.fig(1, "120")).expect("opened pairs with opened");
    assert!(
        opened.mention(d.fig(2, "118")).is_some(),
        "{:?}",
        texts(opened)
    );
    let convicted = claim_of(&claims, d.fig(1, "45")).expect("convicted pairs with convicted");
    assert!(
        convicted.mention(d.fig(2, "45")).is_some(),
        "{:?}",
        texts(convicted)
    );
}

#[test]
fn different_years_are_different_facts() {
    let d = docs(&[
        "Police recorded 96 human trafficking cases in 2023.",
        "Police recorded 46 human trafficking cases in 2024.",
    ]);
    assert!(claim_of(&d.claims(), d.fig(1, "96")).is_none());
}

#[test]
fn a_date_claim_compares_the_whole_date() {
    let d = docs(&[
        "The new anti-trafficking law took effect on 30 January 2025 across the country.",
        "The new anti-trafficking law took effect on January 31, 2025 across the country.",
        "The new anti-trafficking law took effect on 30/01/2025 across the country.",
    ]);
    let claims = d.claims();
    let c = claim_of(&claims, d.fig(1, "30 January 2025")).expect("a date claim");
    assert_eq!(c.mentions.len(), 3, "{:?}", texts(c));
    assert_eq!(c.verdict, Verdict::Disagrees);
    let agreeing: Vec<_> = c.mentions.iter().filter(|m| m.doc != 2).cloned().collect();
    assert_eq!(tualek::claims::verdict_of(&agreeing).0, Verdict::Agrees);
}

#[test]
fn a_dismissed_pair_is_not_proposed_and_a_joined_pair_is_accepted() {
    let d = docs(&[
        "Police recorded 96 new human trafficking cases in 2024.",
        "Laos recorded 46 new human trafficking cases in 2024.",
    ]);
    let (a, b) = (d.fig(1, "96"), d.fig(2, "46"));
    assert!(claim_of(&d.claims_with(&[], &[(b, a)]), a).is_none());
    // A person may join what the engine would never group (different nouns, years).
    let (y1, y2) = (d.fig(1, "2024"), d.fig(2, "46"));
    let claims = d.claims_with(&[(y1, y2)], &[]);
    let c = claim_of(&claims, y1).expect("the joined pair is a claim");
    assert_eq!(c.state, ClaimState::Accepted);
    assert_eq!(c.score, 1.0);
    assert!(c.mention(y2).is_some());
    assert!(claim_of(&claims, a).is_none_or(|c| c.mention(y2).is_none()));
}

#[test]
fn a_figure_belongs_to_one_claim_and_one_document_gives_one_mention() {
    let d = docs(&[
        "Police recorded 96 human trafficking cases in 2024. Officers received 96 human trafficking cases in 2024.",
        "Laos recorded 46 human trafficking cases in 2024.",
    ]);
    let claims = d.claims();
    let mut seen = std::collections::HashSet::new();
    for c in &claims {
        let docs: std::collections::HashSet<_> = c.mentions.iter().map(|m| m.doc).collect();
        assert_eq!(
            docs.len(),
            c.mentions.len(),
            "one mention per document: {:?}",
            texts(c)
        );
        for m in &c.mentions {
            assert!(seen.insert(m.figure), "figure {} in two claims", m.figure);
        }
    }
}

#[test]
fn identifiers_and_date_lines_make_no_claims() {
    let d = docs(&[
        "January 30, 2025\nDecree No. 245 was signed by the minister on Monday.",
        "January 30, 2025\nDecree No. 245 was signed by the minister on Monday.",
    ]);
    for c in d.claims() {
        assert!(
            c.mentions
                .iter()
                .all(|m| m.text != "January 30, 2025" && !m.text.contains("245")),
            "{:?}",
            texts(&c)
        );
    }
}

#[test]
fn an_update_after_one_review_gives_what_a_rebuild_gives() {
    let d = docs(&[
        "Police recorded 96 new human trafficking cases in 2024, in which 85 people were targeted.",
        "Laos recorded 46 new human trafficking cases in 2024, with 85 victims.",
        "The ministry said 96 new human trafficking cases were recorded in 2024.",
    ]);
    let sources = d.sources();
    let input = Input {
        sources: &sources,
        figures: &d.figures,
        same: &[],
        distinct: &[],
    };
    let mut index = ClaimIndex::build(&input);
    // The 46 is rejected: it leaves the project's live figures.
    let gone = d.fig(2, "46");
    index.update(&sources, &[(gone, None)]);
    let live: Vec<Figure> = d.figures.iter().filter(|f| f.id != gone).cloned().collect();
    let rebuilt = find_claims(&Input {
        sources: &sources,
        figures: &live,
        same: &[],
        distinct: &[],
    });
    let mut updated: Vec<Claim> = index.claims().cloned().collect();
    tualek::claims::sort(&mut updated);
    // Scores weigh words by how rare they are in the whole project, so the
    // claims an update leaves alone may keep scores a rebuild would shift in
    // the last digits; the groupings and verdicts are the same.
    let shape = |cs: &[Claim]| {
        let mut v: Vec<_> = cs
            .iter()
            .map(|c| (c.id, c.figures(), c.verdict, c.state))
            .collect();
        v.sort_by_key(|x| x.0);
        v
    };
    assert_eq!(shape(&updated), shape(&rebuilt));
    assert!(!rebuilt.is_empty());
    assert!(claim_of(&updated, gone).is_none());
    // Fixed to another value: back in, with the new value.
    let mut fixed = d.figures.iter().find(|f| f.id == gone).cloned().unwrap();
    fixed.value = Some(96.into());
    index.update(&sources, &[(gone, Some(&fixed))]);
    let c = index
        .claims()
        .find(|c| c.mention(gone).is_some())
        .cloned()
        .expect("back in a claim");
    assert_eq!(c.verdict, Verdict::Agrees);
    // A dismissal through the constraints.
    let other = c.mentions.iter().find(|m| m.figure != gone).unwrap().figure;
    index.set_constraints(&[], &[(gone, other)]);
    assert!(
        index
            .claims()
            .all(|c| !(c.mention(gone).is_some() && c.mention(other).is_some()))
    );
}

#[test]
fn lifting_a_dismissal_brings_the_claim_back_in_an_index_built_with_it() {
    let d = docs(&[
        "Police recorded 96 new human trafficking cases in 2024.",
        "Laos recorded 46 new human trafficking cases in 2024.",
    ]);
    let sources = d.sources();
    let (a, b) = (d.fig(1, "96"), d.fig(2, "46"));
    let input = Input {
        sources: &sources,
        figures: &d.figures,
        same: &[],
        distinct: &[(a, b)],
    };
    let mut index = ClaimIndex::build(&input);
    assert!(
        index
            .claims()
            .all(|c| c.mention(a).is_none() || c.mention(b).is_none())
    );
    // The dismissal undone.
    index.set_constraints(&[], &[]);
    let c = index
        .claims()
        .find(|c| c.mention(a).is_some())
        .expect("the claim is back");
    assert!(c.mention(b).is_some());
    assert_eq!(c.verdict, Verdict::Disagrees);
}
