//! The workbench's live claims (app::LiveClaims) follow every action —
//! review, fix, accept, dismiss, split, undo, redo, import — and always
//! equal what a full run over the project (Project::claims) finds.

mod common;

use common::{Temp, figure_id, write};
use tualek::app::{Command, Decision, FigureFields, LiveClaims, Project};
use tualek::claims::{ClaimId, ClaimState, ReviewedClaim, Verdict};
use tualek::import::ImportOptions;

const A: &str =
    "Police recorded 96 new human trafficking cases in 2024, in which 85 people were targeted.\n";
const B: &str = "Laos recorded 46 new human trafficking cases in 2024, with 85 victims.\n";
const C: &str = "The ministry said 96 new human trafficking cases were recorded in 2024.\n";

fn project(texts: &[&str]) -> (Temp, Project, Vec<i64>) {
    let (t, mut p) = common::new_project();
    let paths: Vec<_> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| write(t.dir.path(), &format!("docs/{i}.txt"), text.as_bytes()))
        .collect();
    let report = p
        .import(&paths, &ImportOptions::default(), &mut |_| true)
        .unwrap();
    let ids = report.added.iter().map(|(_, id)| *id).collect();
    (t, p, ids)
}

/// What a claim says: id, figures, verdict, state, notes.
type Shape = (ClaimId, Vec<i64>, Verdict, ClaimState, Vec<String>);

fn shape(claims: &[ReviewedClaim]) -> Vec<Shape> {
    let mut v: Vec<_> = claims
        .iter()
        .map(|c| {
            let mut f = c.claim.figures();
            f.sort();
            (
                c.claim.id,
                f,
                c.claim.verdict,
                c.claim.state,
                c.notes().map(str::to_string).collect(),
            )
        })
        .collect();
    v.sort_by_key(|x| x.0);
    v
}

fn check(live: &LiveClaims, p: &Project) {
    let full = p.claims().unwrap();
    assert_eq!(shape(live.claims()), shape(&full));
    // In the same order: disagreements first.
    let ids = |cs: &[ReviewedClaim]| cs.iter().map(|c| c.claim.id).collect::<Vec<_>>();
    assert_eq!(ids(live.claims()), ids(&full));
}

#[test]
fn live_claims_follow_every_action_and_its_undo() {
    let (_t, mut p, docs) = project(&[A, B, C]);
    let mut live = LiveClaims::load(&p).unwrap();
    check(&live, &p);
    assert!(!live.claims().is_empty());
    let forty_six = figure_id(&p, docs[1], "46");

    // Reject the 46: it leaves its claim.
    let done = p
        .execute(Command::Review {
            figure: forty_six,
            decision: Decision::Reject,
            note: None,
        })
        .unwrap();
    live.absorb(&p, &done.changes).unwrap();
    check(&live, &p);
    assert!(
        live.claims()
            .iter()
            .all(|c| !c.claim.figures().contains(&forty_six))
    );

    // Undo brings it back; redo takes it out again.
    let entry = p.undo().unwrap();
    live.absorb(&p, &entry.changes).unwrap();
    check(&live, &p);
    assert!(
        live.claims()
            .iter()
            .any(|c| c.claim.figures().contains(&forty_six))
    );
    let entry = p.redo().unwrap();
    live.absorb(&p, &entry.changes).unwrap();
    check(&live, &p);
    let entry = p.undo().unwrap();
    live.absorb(&p, &entry.changes).unwrap();

    // Fixed to 96, its claim now agrees.
    let fields = FigureFields {
        value: Some(96.into()),
        ..FigureFields::default()
    };
    let done = p
        .execute(Command::Review {
            figure: forty_six,
            decision: Decision::Fix(fields),
            note: None,
        })
        .unwrap();
    live.absorb(&p, &done.changes).unwrap();
    check(&live, &p);
    let c = live
        .claims()
        .iter()
        .find(|c| c.claim.figures().contains(&forty_six))
        .unwrap();
    assert_eq!(c.claim.verdict, Verdict::Agrees);

    // Accept, note, dismiss and split through the project's claim commands.
    let id = c.claim.id;
    let done = p.accept_claim(id).unwrap();
    live.absorb(&p, &done.changes).unwrap();
    check(&live, &p);
    let done = p.note_claim(id, Some("both count cases opened")).unwrap();
    live.absorb(&p, &done.changes).unwrap();
    check(&live, &p);
    let other = live
        .claims()
        .iter()
        .find(|c| c.claim.state == ClaimState::Suggested)
        .map(|c| c.claim.id)
        .expect("a suggested claim is left");
    let done = p.dismiss_claim(other).unwrap();
    live.absorb(&p, &done.changes).unwrap();
    check(&live, &p);
    assert!(
        live.claims()
            .iter()
            .all(|c| c.claim.id != other || c.claim.state == ClaimState::Accepted)
    );
    let done = p.split_claim(id, forty_six).unwrap();
    live.absorb(&p, &done.changes).unwrap();
    check(&live, &p);
    for _ in 0..4 {
        let entry = p.undo().unwrap();
        live.absorb(&p, &entry.changes).unwrap();
        check(&live, &p);
    }

    // An import reloads.
    let path = write(
        _t.dir.path(),
        "docs/late.txt",
        b"Officials said 96 new human trafficking cases were recorded in 2024 by police.\n",
    );
    let report = p
        .import(&[path], &ImportOptions::default(), &mut |_| true)
        .unwrap();
    assert_eq!(report.added.len(), 1);
    let entry = p.store().undoable().unwrap().unwrap();
    live.absorb(&p, &entry.changes).unwrap();
    check(&live, &p);
}
