//! Reviewers' decisions on claims across sources: accept, dismiss, split,
//! merge and note, each stored in the project file as one undoable action,
//! and each seen again after closing and reopening the project.

mod common;

use common::{Temp, figure_id, write};
use rusqlite::Connection;
use tualek::app::{AppError, Command, Project, Refusal};
use tualek::claims::{ClaimId, ClaimState, ReviewedClaim};
use tualek::import::ImportOptions;
use tualek::model::{DocId, FigureId, HistoryKind, Relation};
use tualek::store::{Store, schema};

/// Two reports of one fact with different values (the issue's own example).
const A: &str = "Police recorded 96 new human trafficking cases in 2024.\n";
const B: &str = "Laos recorded 46 new human trafficking cases in 2024.\n";
const C: &str = "The ministry counted 96 human trafficking cases in 2024.\n";

/// A project with one document per text, imported in this order.
fn project(texts: &[&str]) -> (Temp, Project, Vec<DocId>) {
    let (t, mut p) = common::new_project();
    let paths: Vec<_> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| write(t.dir.path(), &format!("docs/{i}.txt"), text.as_bytes()))
        .collect();
    let report = p
        .import(&paths, &ImportOptions::default(), &mut |_| true)
        .unwrap();
    assert!(report.refused.is_empty(), "{:?}", report.refused);
    let ids = report.added.iter().map(|(_, id)| *id).collect();
    (t, p, ids)
}

/// The claim holding `figure`, if any.
fn claim_of(p: &Project, figure: FigureId) -> Option<ReviewedClaim> {
    p.claims()
        .unwrap()
        .into_iter()
        .find(|c| c.claim.figures().contains(&figure))
}

fn figures_of(c: &ReviewedClaim) -> Vec<FigureId> {
    let mut f = c.claim.figures();
    f.sort();
    f
}

/// `same` links as sorted pairs.
fn same_links(p: &Project) -> Vec<(FigureId, FigureId)> {
    let mut pairs: Vec<_> = p
        .store()
        .links()
        .unwrap()
        .into_iter()
        .filter(|l| l.relation == Relation::Same)
        .map(|l| (l.a.min(l.b), l.a.max(l.b)))
        .collect();
    pairs.sort();
    pairs
}

fn dismissed(p: &Project) -> Vec<(FigureId, FigureId)> {
    p.store()
        .dismissals()
        .unwrap()
        .into_iter()
        .map(|d| (d.a, d.b))
        .collect()
}

/// Everything a claim decision can change, and the claims seen from it.
fn snapshot(p: &Project) -> String {
    let claims: Vec<String> = p
        .claims()
        .unwrap()
        .iter()
        .map(|c| {
            format!(
                "{} {:?} {:?} {:?}",
                c.claim.id,
                c.claim.state,
                figures_of(c),
                c.notes().collect::<Vec<_>>()
            )
        })
        .collect();
    format!(
        "links {:?}\ndismissals {:?}\nreviews {:?}\nclaims {claims:?}",
        p.store().links().unwrap(),
        p.store().dismissals().unwrap(),
        p.store().claim_reviews().unwrap(),
    )
}

/// Runs `act` (one action named `action`), then checks it is one history
/// entry, that undo brings back what was before and redo what was after, and
/// that the state after is what a reopened project shows. Returns the reopened project.
fn round_trip(
    t: &Temp,
    mut p: Project,
    action: &str,
    act: impl FnOnce(&mut Project) -> tualek::app::Result<tualek::app::Executed>,
) -> Project {
    let before = snapshot(&p);
    let entries = p.store().history().unwrap().len();
    let done = act(&mut p).unwrap();
    let after = snapshot(&p);
    assert_ne!(before, after, "{action} changed nothing");
    let history = p.store().history().unwrap();
    assert_eq!(history.len(), entries + 1, "one history entry");
    let entry = history.last().unwrap();
    assert_eq!(entry.action, action);
    assert_eq!(entry.kind, HistoryKind::Do);
    assert_eq!(Some(entry.id), done.history);

    assert_eq!(p.undo().unwrap().action, action);
    assert_eq!(snapshot(&p), before, "undo of {action}");
    assert_eq!(p.redo().unwrap().action, action);
    assert_eq!(snapshot(&p), after, "redo of {action}");

    drop(p);
    let mut p = Project::open(&t.path, "tester").unwrap();
    assert_eq!(snapshot(&p), after, "{action} after reopening");
    // And undo still works after the restart.
    p.undo().unwrap();
    assert_eq!(snapshot(&p), before, "undo of {action} after reopening");
    p.redo().unwrap();
    assert_eq!(snapshot(&p), after);
    p
}

fn refusal(e: AppError) -> Refusal {
    match e {
        AppError::Refused(r) => r,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn accepting_a_suggestion_links_its_figures_and_records_the_reviewer() {
    let (t, p, docs) = project(&[A, B]);
    let (a, b) = (figure_id(&p, docs[0], "96"), figure_id(&p, docs[1], "46"));
    let claim = claim_of(&p, a).expect("96 and 46 cases make a claim");
    assert_eq!(figures_of(&claim), vec![a, b]);
    assert_eq!(claim.claim.state, ClaimState::Suggested);
    assert_eq!(claim.claim.id, ClaimId(a), "the lowest figure id");
    assert!(claim.reviews.is_empty());

    let mut p = round_trip(&t, p, "claim.accept", |p| p.accept_claim(ClaimId(a)));
    assert_eq!(same_links(&p), vec![(a, b)]);
    let claim = claim_of(&p, a).unwrap();
    assert_eq!(claim.claim.state, ClaimState::Accepted);
    assert_eq!(figures_of(&claim), vec![a, b]);
    let [review] = &claim.reviews[..] else {
        panic!("one review: {:?}", claim.reviews);
    };
    assert_eq!((review.figure, review.reviewer.as_str()), (a, "tester"));
    assert!(review.reviewed_at.ends_with('Z'), "{}", review.reviewed_at);
    assert_eq!(review.note, None);

    // Accepting it again has nothing left to do.
    let again = p.accept_claim(ClaimId(a)).unwrap_err();
    assert_eq!(refusal(again), Refusal::ClaimAcceptedAlready);
    // Nor can an accepted claim be dismissed: the reviewer's links win.
    let dismiss = p.dismiss_claim(ClaimId(a)).unwrap_err();
    assert_eq!(refusal(dismiss), Refusal::ClaimJoined);
    let raw = p
        .execute(Command::ClaimDismiss {
            figures: vec![a, b],
        })
        .unwrap_err();
    assert_eq!(refusal(raw), Refusal::ClaimJoined);
    assert!(dismissed(&p).is_empty());
}

#[test]
fn a_hand_made_same_link_is_an_accepted_claim() {
    let (_t, mut p, docs) = project(&[A, B]);
    let (a, b) = (figure_id(&p, docs[0], "96"), figure_id(&p, docs[1], "46"));
    p.execute(Command::Link {
        a: b,
        b: a,
        relation: Relation::Same,
    })
    .unwrap();
    let claim = claim_of(&p, a).unwrap();
    assert_eq!(claim.claim.state, ClaimState::Accepted);
    assert_eq!(figures_of(&claim), vec![a, b]);
    assert!(
        claim.reviews.is_empty(),
        "nobody accepted it as a claim yet"
    );

    // Accepting it adds no second link (b→a counts), only the review.
    let done = p.accept_claim(ClaimId(a)).unwrap();
    assert_eq!(done.changes.len(), 1, "{:?}", done.changes);
    assert_eq!(same_links(&p), vec![(a, b)]);
    assert_eq!(claim_of(&p, a).unwrap().reviews.len(), 1);

    // Splitting removes the link whichever way round it was made.
    p.split_claim(ClaimId(a), a).unwrap();
    assert!(same_links(&p).is_empty());
    assert!(claim_of(&p, a).is_none());
    assert_eq!(p.store().claim_reviews().unwrap()[0].figure, b);
}

#[test]
fn a_dismissed_suggestion_is_not_proposed_again_even_after_reopening() {
    let (t, p, docs) = project(&[A, B]);
    let (a, b) = (figure_id(&p, docs[0], "96"), figure_id(&p, docs[1], "46"));
    assert!(claim_of(&p, a).is_some());

    let p = round_trip(&t, p, "claim.dismiss", |p| p.dismiss_claim(ClaimId(a)));
    assert_eq!(dismissed(&p), vec![(a, b)], "stored lowest first");
    assert!(claim_of(&p, a).is_none(), "{:?}", p.claims().unwrap());
    assert!(claim_of(&p, b).is_none());
    drop(p);

    // A restart runs the engine again from scratch: still not proposed.
    let mut p = Project::open(&t.path, "tester").unwrap();
    assert!(claim_of(&p, a).is_none());
    assert!(p.dismiss_claim(ClaimId(a)).is_err(), "no such claim now");
    let again = p
        .execute(Command::ClaimDismiss {
            figures: vec![b, a],
        })
        .unwrap_err();
    assert_eq!(refusal(again), Refusal::ClaimApartAlready);

    // Accepting the pair by hand lifts the dismissal.
    p.execute(Command::ClaimAccept {
        figures: vec![a, b],
    })
    .unwrap();
    assert!(dismissed(&p).is_empty());
    assert_eq!(claim_of(&p, a).unwrap().claim.state, ClaimState::Accepted);
}

#[test]
fn splitting_a_figure_out_keeps_the_others_together_and_the_note_with_them() {
    let (t, mut p, docs) = project(&[A, B, C]);
    let a = figure_id(&p, docs[0], "96");
    let b = figure_id(&p, docs[1], "46");
    let c = figure_id(&p, docs[2], "96");
    assert_eq!(figures_of(&claim_of(&p, a).unwrap()), vec![a, b, c]);
    p.accept_claim(ClaimId(a)).unwrap();
    assert_eq!(
        same_links(&p),
        vec![(a, b), (a, c)],
        "a star from the lowest"
    );
    p.note_claim(ClaimId(a), Some("two sources say 96"))
        .unwrap();

    // Splitting out the star's centre: the other two stay joined.
    let p = round_trip(&t, p, "claim.split", |p| p.split_claim(ClaimId(a), a));
    assert_eq!(same_links(&p), vec![(b, c)]);
    assert_eq!(dismissed(&p), vec![(a, b), (a, c)]);
    let rest = claim_of(&p, b).unwrap();
    assert_eq!(figures_of(&rest), vec![b, c]);
    assert_eq!(rest.claim.state, ClaimState::Accepted);
    assert_eq!(rest.claim.id, ClaimId(b));
    assert_eq!(rest.notes().collect::<Vec<_>>(), ["two sources say 96"]);
    assert_eq!(
        rest.reviews[0].figure, b,
        "the review moved to the lowest other"
    );
    assert!(
        claim_of(&p, a).is_none_or(|c| !c.claim.figures().contains(&b)),
        "96 is not grouped with 46 again"
    );

    // A figure not in the claim cannot be split out of it.
    let mut p = p;
    let err = p.split_claim(ClaimId(b), a).unwrap_err();
    assert!(err.to_string().contains("not in claim c"), "{err}");
}

#[test]
fn splitting_a_suggestion_dismisses_the_pairs() {
    let (t, p, docs) = project(&[A, B]);
    let (a, b) = (figure_id(&p, docs[0], "96"), figure_id(&p, docs[1], "46"));
    let p = round_trip(&t, p, "claim.split", |p| p.split_claim(ClaimId(a), b));
    assert!(same_links(&p).is_empty());
    assert_eq!(dismissed(&p), vec![(a, b)]);
    assert!(claim_of(&p, a).is_none());
}

#[test]
fn merging_two_claims_makes_one_accepted_claim() {
    let (t, mut p, docs) = project(&[A, B, C]);
    let a = figure_id(&p, docs[0], "96");
    let b = figure_id(&p, docs[1], "46");
    let c = figure_id(&p, docs[2], "96");
    // Keep the third report apart, as a reviewer would who doubted it.
    p.split_claim(ClaimId(a), c).unwrap();
    assert_eq!(dismissed(&p), vec![(a, c), (b, c)]);
    assert_eq!(figures_of(&claim_of(&p, a).unwrap()), vec![a, b]);

    // Merging puts it back: links join all three, the dismissals go.
    let p = round_trip(&t, p, "claim.merge", |p| {
        p.execute(Command::ClaimMerge {
            a: vec![a, b],
            b: vec![c],
        })
    });
    assert!(dismissed(&p).is_empty());
    assert_eq!(same_links(&p), vec![(a, b), (a, c)]);
    let one = claim_of(&p, c).unwrap();
    assert_eq!(figures_of(&one), vec![a, b, c]);
    assert_eq!(one.claim.state, ClaimState::Accepted);
    assert_eq!(one.reviews.len(), 1, "the merge is recorded on the anchor");
    assert_eq!(one.reviews[0].figure, a);

    let mut p = p;
    let itself = p.merge_claims(ClaimId(a), ClaimId(a)).unwrap_err();
    assert_eq!(refusal(itself), Refusal::ClaimMergeItself);
    let overlap = p
        .execute(Command::ClaimMerge {
            a: vec![a, b],
            b: vec![b, c],
        })
        .unwrap_err();
    assert_eq!(refusal(overlap), Refusal::ClaimMergeItself);
}

#[test]
fn merging_two_claims_by_id() {
    // Two facts the engine keeps apart (cases, suspects); a reviewer who read
    // the sources says they are one.
    let (t, p, docs) = project(&[
        A,
        B,
        "Police arrested 119 trafficking suspects in 2024.\n",
        "Officers arrested 95 trafficking suspects in 2024.\n",
    ]);
    let a = figure_id(&p, docs[0], "96");
    let b = figure_id(&p, docs[1], "46");
    let c = figure_id(&p, docs[2], "119");
    let d = figure_id(&p, docs[3], "95");
    assert_eq!(figures_of(&claim_of(&p, a).unwrap()), vec![a, b]);
    assert_eq!(figures_of(&claim_of(&p, c).unwrap()), vec![c, d]);

    let p = round_trip(&t, p, "claim.merge", |p| {
        p.merge_claims(ClaimId(a), ClaimId(c))
    });
    assert_eq!(same_links(&p), vec![(a, b), (a, c), (a, d)]);
    let one = claim_of(&p, d).unwrap();
    assert_eq!(figures_of(&one), vec![a, b, c, d]);
    assert_eq!(one.claim.id, ClaimId(a));
    assert_eq!(one.claim.state, ClaimState::Accepted);

    let mut p = p;
    let unknown = p.merge_claims(ClaimId(a), ClaimId(9999)).unwrap_err();
    assert_eq!(unknown.to_string(), "claim c9999 not found");
}

#[test]
fn a_note_is_set_changed_and_cleared_each_undoably() {
    let (t, p, docs) = project(&[A, B]);
    let a = figure_id(&p, docs[0], "96");
    let note = "Xinhua counts cases opened, Lao Security News counts complaints";
    let p = round_trip(&t, p, "claim.note", |p| {
        p.note_claim(ClaimId(a), Some(note))
    });
    let claim = claim_of(&p, a).unwrap();
    assert_eq!(claim.notes().collect::<Vec<_>>(), [note]);
    assert_eq!(
        claim.claim.state,
        ClaimState::Suggested,
        "a note does not accept the claim"
    );
    assert_eq!(claim.last_review().unwrap().reviewer, "tester");

    let mut p = p;
    let same = p
        .note_claim(ClaimId(a), Some(&format!("  {note} ")))
        .unwrap_err();
    assert_eq!(refusal(same), Refusal::NoteUnchanged);

    let p = round_trip(&t, p, "claim.note", |p| {
        p.note_claim(ClaimId(a), Some("both count complaints"))
    });
    assert_eq!(
        claim_of(&p, a).unwrap().notes().collect::<Vec<_>>(),
        ["both count complaints"]
    );
    assert_eq!(
        p.store().claim_reviews().unwrap().len(),
        1,
        "one review, updated"
    );

    let mut p = round_trip(&t, p, "claim.note", |p| {
        p.note_claim(ClaimId(a), Some("  "))
    });
    assert_eq!(claim_of(&p, a).unwrap().notes().count(), 0);
    let none = p.note_claim(ClaimId(a), None).unwrap_err();
    assert_eq!(refusal(none), Refusal::NoteUnchanged);
    let history = p.store().history().unwrap();
    assert!(
        history
            .last()
            .unwrap()
            .summary
            .contains("clear the note on claim c")
    );
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let (_t, mut p, docs) = project(&[
        "Police recorded 96 new human trafficking cases in 2024. Police arrested 119 suspects.\n",
        B,
    ]);
    let a = figure_id(&p, docs[0], "96");
    let a2 = figure_id(&p, docs[0], "119");
    let b = figure_id(&p, docs[1], "46");
    let before = snapshot(&p);
    let entries = p.store().history().unwrap().len();

    let one = p.execute(Command::ClaimAccept {
        figures: vec![a, a],
    });
    assert_eq!(refusal(one.unwrap_err()), Refusal::ClaimTooFew);
    let none = p.execute(Command::ClaimDismiss { figures: vec![] });
    assert_eq!(refusal(none.unwrap_err()), Refusal::ClaimTooFew);
    let unknown = p.execute(Command::ClaimAccept {
        figures: vec![a, 9999],
    });
    assert!(matches!(unknown, Err(AppError::NotFound(ref w)) if w == "figure 9999"));
    let one_doc = p.execute(Command::ClaimAccept {
        figures: vec![a, a2],
    });
    assert_eq!(refusal(one_doc.unwrap_err()), Refusal::ClaimOneDocument);
    let itself = p.execute(Command::ClaimSplit {
        figure: a,
        others: vec![a, b],
    });
    assert!(matches!(itself, Err(AppError::Invalid(_))), "{itself:?}");
    let nobody = p.execute(Command::ClaimSplit {
        figure: a,
        others: vec![],
    });
    assert_eq!(refusal(nobody.unwrap_err()), Refusal::ClaimTooFew);
    let unknown_claim = p.accept_claim(ClaimId(9999)).unwrap_err();
    assert_eq!(unknown_claim.to_string(), "claim c9999 not found");
    let note = p.note_claim(ClaimId(a), None).unwrap_err();
    assert_eq!(refusal(note), Refusal::NoteUnchanged);

    assert_eq!(snapshot(&p), before);
    assert_eq!(p.store().history().unwrap().len(), entries);
}

#[test]
fn reviews_and_dismissals_of_a_removed_document_are_not_read() {
    let (t, mut p, docs) = project(&[A, B]);
    let (a, b) = (figure_id(&p, docs[0], "96"), figure_id(&p, docs[1], "46"));
    p.note_claim(ClaimId(a), Some("checked")).unwrap();
    p.split_claim(ClaimId(a), b).unwrap();
    assert_eq!(p.store().claim_reviews().unwrap().len(), 1);
    assert_eq!(dismissed(&p), vec![(a, b)]);
    drop(p);
    // A document hidden (as an undone import leaves it): what hangs on its
    // figures is kept in the file but not read.
    Connection::open(&t.path)
        .unwrap()
        .execute("UPDATE documents SET removed = 1 WHERE id = ?1", [docs[0]])
        .unwrap();
    let store = Store::open(&t.path).unwrap();
    assert!(store.claim_reviews().unwrap().is_empty());
    assert!(store.dismissals().unwrap().is_empty());
}

#[test]
fn a_version_3_project_opens_migrated_with_its_figures() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.tualek");
    {
        let mut conn = Connection::open(&path).unwrap();
        schema::migrate_to(&mut conn, 3).unwrap();
        assert_eq!(schema::user_version(&conn).unwrap(), 3);
        for (text, sha, value) in [(A, "aa", "96"), (B, "bb", "46")] {
            conn.execute(
                "INSERT INTO documents (title, language, source_path, imported_at, sha256, \
                 char_len, text) VALUES (?1, 'en', ?2, '2026-01-01T00:00:00Z', ?3, ?4, ?5)",
                rusqlite::params![
                    sha,
                    format!("/old/{sha}.txt"),
                    sha,
                    text.chars().count() as i64,
                    text
                ],
            )
            .unwrap();
            let doc = conn.last_insert_rowid();
            let start = text.find(value).unwrap() as i64;
            conn.execute(
                "INSERT INTO figures (document_id, start, \"end\", text, kind, value, unit, \
                 origin, status) VALUES (?1, ?2, ?3, ?4, 'count', ?4, 'cases', 'x', 'unreviewed')",
                rusqlite::params![doc, start, start + 2, value],
            )
            .unwrap();
        }
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name = 'claim_reviews'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 0, "version 3 has no claim tables");
    }
    let mut p = Project::open(&path, "tester").unwrap();
    assert_eq!(p.store().schema_version().unwrap(), schema::LATEST);
    assert!(p.store().claim_reviews().unwrap().is_empty());
    assert!(p.store().dismissals().unwrap().is_empty());
    let claims = p.claims().unwrap();
    assert_eq!(claims.len(), 1, "{claims:?}");
    let id = claims[0].claim.id;
    p.accept_claim(id).unwrap();
    p.note_claim(id, Some("from an old file")).unwrap();
    drop(p);
    let p = Project::open(&path, "tester").unwrap();
    assert_eq!(
        p.claim(id).unwrap().unwrap().notes().collect::<Vec<_>>(),
        ["from an old file"]
    );
    assert_eq!(p.store().integrity_check().unwrap(), ["ok"]);
}

#[test]
fn the_store_refuses_a_dismissal_out_of_order_or_twice() {
    let (t, mut p, docs) = project(&[A, B]);
    let (a, b) = (figure_id(&p, docs[0], "96"), figure_id(&p, docs[1], "46"));
    p.execute(Command::ClaimDismiss {
        figures: vec![a, b],
    })
    .unwrap();
    drop(p);
    let conn = Connection::open(&t.path).unwrap();
    let twice = conn.execute(
        "INSERT INTO claim_dismissals (a, b) VALUES (?1, ?2)",
        [a, b],
    );
    assert!(twice.is_err(), "UNIQUE(a, b)");
    let backwards = conn.execute(
        "INSERT INTO claim_dismissals (a, b) VALUES (?1, ?2)",
        [b, a],
    );
    assert!(backwards.is_err(), "CHECK (a < b)");
}

#[test]
fn a_pair_linked_as_a_translation_is_joined_through_another_figure_or_refused() {
    let (_t, mut p, docs) = project(&[A, B, C]);
    let a = figure_id(&p, docs[0], "96");
    let b = figure_id(&p, docs[1], "46");
    let c = figure_id(&p, docs[2], "96");
    p.execute(Command::Link {
        a,
        b: c,
        relation: Relation::Source,
    })
    .unwrap();
    // a–c is one link already (a source): c is joined through b instead.
    p.execute(Command::ClaimAccept {
        figures: vec![a, b, c],
    })
    .unwrap();
    assert_eq!(same_links(&p), vec![(a, b), (b, c)]);
    p.undo().unwrap();

    // With only the two, there is no other way: the reviewer is told what to do.
    let refused = p
        .execute(Command::ClaimAccept {
            figures: vec![a, c],
        })
        .unwrap_err();
    assert_eq!(refusal(refused), Refusal::ClaimLinkedOtherwise);
    assert!(same_links(&p).is_empty());
}

#[test]
fn the_constraints_and_reviews_feed_an_index_kept_elsewhere() {
    // The workbench may keep a ClaimIndex of its own and update it; what the
    // reviewers decided comes from the project the same way claims() uses it.
    let (_t, mut p, docs) = project(&[A, B, C]);
    let a = figure_id(&p, docs[0], "96");
    let b = figure_id(&p, docs[1], "46");
    let c = figure_id(&p, docs[2], "96");
    p.split_claim(ClaimId(a), c).unwrap();
    p.accept_claim(ClaimId(a)).unwrap();
    let (same, distinct) = p.claim_constraints().unwrap();
    assert_eq!(same, vec![(a, b)]);
    assert_eq!(distinct, vec![(a, c), (b, c)]);

    let texts: Vec<tualek::model::Document> = docs
        .iter()
        .map(|d| p.store().document(*d).unwrap().unwrap())
        .collect();
    let sources: Vec<tualek::claims::Source> = texts
        .iter()
        .map(|d| tualek::claims::Source {
            id: d.meta.id,
            language: &d.meta.language,
            text: &d.text,
        })
        .collect();
    let figures = p
        .store()
        .figures(&tualek::store::FigureFilter::default())
        .unwrap();
    let input = tualek::claims::Input {
        sources: &sources,
        figures: &figures,
        same: &same,
        distinct: &distinct,
    };
    let mut found: Vec<_> = tualek::claims::ClaimIndex::build(&input)
        .claims()
        .cloned()
        .collect();
    tualek::claims::sort(&mut found);
    let reviewed = p.with_reviews(found).unwrap();
    assert_eq!(reviewed, p.claims().unwrap());
    assert_eq!(reviewed[0].reviews.len(), 1);
}

#[test]
fn each_claim_action_is_worded_for_undo_in_both_languages() {
    use tualek::i18n::{I18n, Locale};
    let commands = [
        Command::ClaimAccept { figures: vec![] },
        Command::ClaimDismiss { figures: vec![] },
        Command::ClaimSplit {
            figure: 1,
            others: vec![],
        },
        Command::ClaimMerge {
            a: vec![],
            b: vec![],
        },
        Command::ClaimNote {
            figures: vec![],
            note: None,
        },
    ];
    let (en, lo) = (I18n::new(Locale::En, false), I18n::new(Locale::Lo, false));
    for c in &commands {
        let action = c.action_name();
        assert!(action.starts_with("claim."), "{action}");
        let (e, l) = (en.history(action, ""), lo.history(action, ""));
        assert!(e.contains("claim") && !e.contains(action), "{action}: {e}");
        assert!(!l.contains(action) && l != e, "{action}: {l}");
    }
}
