//! Re-running the extractor over a project never overrides a reviewer.

mod common;

use common::figure_id;
use tualek::app::{Command, Decision, FigureFields, Project};
use tualek::model::{Decimal, Figure, Status};
use tualek::store::FigureFilter;

fn figures(p: &Project) -> Vec<Figure> {
    p.store().figures(&FigureFilter::default()).unwrap()
}

#[test]
fn a_rerun_keeps_reviews_refreshes_readings_and_marks_stale() {
    let (t, mut p, lo, en) = common::project_with_docs();
    let confirmed = figure_id(&p, en, "1,255");
    let corrected = figure_id(&p, lo, "493");
    let misread = figure_id(&p, en, "493");
    p.execute(Command::Review {
        figure: confirmed,
        decision: Decision::Confirm,
        note: None,
    })
    .unwrap();
    let fix = FigureFields {
        value: Some(Decimal::from(494)),
        ..Default::default()
    };
    p.execute(Command::Review {
        figure: corrected,
        decision: Decision::Fix(fix),
        note: None,
    })
    .unwrap();
    // What an older extractor left behind: a misreading and a false figure
    // (kind 0 is a count, status 0 unreviewed).
    {
        let conn = rusqlite::Connection::open(&t.path).unwrap();
        conn.execute(
            "UPDATE figures SET value = '500', origin = 'extract/0.0.1' WHERE id = ?1",
            [misread],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO figures (document_id, start, \"end\", text, kind, origin, status) \
             VALUES (?1, 0, 9, 'Officials', 0, 'extract/0.0.1', 0)",
            [en],
        )
        .unwrap();
    }
    let before = figures(&p);
    let reviewed_before: Vec<Figure> = before
        .iter()
        .filter(|f| f.status.is_reviewed())
        .cloned()
        .collect();

    let report = p.extract(None, &mut |_| true).unwrap();
    assert_eq!(
        (report.added, report.updated, report.stale, report.documents),
        (0, 1, 1, 2),
        "{report:?}"
    );
    let after = figures(&p);
    let reviewed_after: Vec<Figure> = after
        .iter()
        .filter(|f| f.status.is_reviewed())
        .cloned()
        .collect();
    assert_eq!(
        reviewed_after, reviewed_before,
        "reviewed figures are untouched"
    );
    let refreshed = p.store().figure(misread).unwrap().unwrap();
    assert_eq!(
        (refreshed.value, refreshed.status),
        (Some(Decimal::from(493)), Status::Unreviewed)
    );
    assert_eq!(refreshed.origin.0, tualek::extract::VERSION);
    let stale = after.iter().find(|f| f.text == "Officials").unwrap();
    assert_eq!(stale.status, Status::Stale, "kept, not deleted");
    assert_eq!(after.len(), before.len());

    // Nothing new the second time: no action, no history row.
    let again = p.extract(None, &mut |_| true).unwrap();
    assert_eq!(
        (again.added, again.updated, again.stale, again.history),
        (0, 0, 0, None)
    );

    // The run is one action: undo restores the old readings.
    p.undo().unwrap();
    assert_eq!(figures(&p), before);
}

#[test]
fn a_rerun_adds_what_is_new_but_never_over_a_reviewers_span() {
    let (t, mut p, _lo, en) = common::project_with_docs();
    let women = figure_id(&p, en, "493");
    let workers = figure_id(&p, en, "1,255");
    // A reviewer re-anchored "1,255" to "1,25"; the extractor's "1,255" must not come back over it.
    let span = common::span_of(common::ENGLISH, "1,25");
    p.execute(Command::Reanchor {
        figure: workers,
        span,
    })
    .unwrap();
    // And a figure an old run missed (deleted behind the store's back, as if never found).
    {
        let conn = rusqlite::Connection::open(&t.path).unwrap();
        conn.execute("DELETE FROM figures WHERE id = ?1", [women])
            .unwrap();
    }
    let report = p.extract(None, &mut |_| true).unwrap();
    assert_eq!(report.added, 1, "{report:?}");
    let texts: Vec<String> = p
        .store()
        .figures(&FigureFilter {
            document: Some(en),
            statuses: vec![],
        })
        .unwrap()
        .into_iter()
        .map(|f| format!("{}:{}", f.text, f.status))
        .collect();
    assert_eq!(texts, ["1,25:corrected", "493:unreviewed"]);
}

#[test]
fn a_cancelled_run_changes_nothing() {
    let (t, mut p, _lo, en) = common::project_with_docs();
    // Give the run something to do: a misreading to refresh.
    let id = figure_id(&p, en, "493");
    rusqlite::Connection::open(&t.path)
        .unwrap()
        .execute("UPDATE figures SET value = '9' WHERE id = ?1", [id])
        .unwrap();
    let before = figures(&p);
    let report = p.extract(None, &mut |at| at.done < 1).unwrap();
    assert!(report.cancelled);
    assert_eq!(figures(&p), before);
    assert_eq!(p.store().history().unwrap().len(), 1, "only the import");
}
