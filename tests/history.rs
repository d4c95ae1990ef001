//! Every action leaves one history row; undo and redo restore exactly, also after reopening.

mod common;

use common::{ENGLISH, LAO, span_of};
use tualek::app::{AppError, Command, Decision, FigureFields, Project};
use tualek::model::{
    Decimal, Figure, HistoryKind, HistoryState, Kind, LinkStatus, Relation, Row, Span, Status,
};
use tualek::store::{FigureFilter, StoreError};

fn dec(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap()
}

fn all_figures(p: &Project) -> Vec<Figure> {
    p.store().figures(&FigureFilter::default()).unwrap()
}

/// The project's observable state: documents, figures and links.
fn snapshot(p: &Project) -> String {
    format!(
        "{:?}\n{:?}\n{:?}",
        p.store().documents().unwrap(),
        all_figures(p),
        p.store().links().unwrap()
    )
}

fn add(p: &mut Project, doc: i64, span: Span, value: &str, unit: &str) -> i64 {
    let fields = FigureFields {
        kind: Some(Kind::Count),
        value: Some(dec(value)),
        value_max: None,
        unit: Some(unit.into()),
    };
    p.execute(Command::Add {
        document: doc,
        span,
        fields,
        note: None,
    })
    .unwrap()
    .first_id()
    .unwrap()
}

/// Runs `command`, checks its history row, then undo, redo and undo again across reopenings.
fn check_round_trip(t: &common::Temp, mut p: Project, command: Command) -> Project {
    let before = snapshot(&p);
    let history_len = p.store().history().unwrap().len();
    let action = command.action_name();
    let done = p.execute(command).unwrap();
    let after = snapshot(&p);
    assert_ne!(before, after, "{action} changed nothing");

    let history = p.store().history().unwrap();
    assert_eq!(history.len(), history_len + 1);
    let entry = history.last().unwrap();
    assert_eq!(Some(entry.id), done.history);
    assert_eq!(entry.kind, HistoryKind::Do);
    assert_eq!(entry.action, action);
    assert_eq!(entry.who, "tester");
    assert_eq!(entry.state, HistoryState::Applied);
    assert!(
        entry.at.ends_with('Z') && entry.at.len() == 20,
        "{}",
        entry.at
    );
    assert!(!entry.changes.is_empty());
    assert_eq!(entry.changes, done.changes);

    // Undo in a new process-like session: the history survives reopening.
    drop(p);
    let mut p = Project::open(&t.path, "second").unwrap();
    let undone = p.undo().unwrap();
    assert_eq!(undone.id, entry.id);
    assert_eq!(snapshot(&p), before, "undo of {action}");
    let last = p.store().history().unwrap().pop().unwrap();
    assert_eq!(
        (last.kind, last.reverts, last.who.as_str()),
        (HistoryKind::Undo, Some(entry.id), "second")
    );

    drop(p);
    let mut p = Project::open(&t.path, "third").unwrap();
    assert_eq!(p.redo().unwrap().id, entry.id);
    assert_eq!(snapshot(&p), after, "redo of {action}");
    p.undo().unwrap();
    assert_eq!(snapshot(&p), before);
    p.redo().unwrap();
    assert_eq!(snapshot(&p), after);
    p.set_reviewer("tester");
    p
}

#[test]
fn imported_documents_arrive_with_their_figures_unreviewed() {
    let (_t, p, lo, en) = common::project_with_docs();
    for (doc, text) in [(lo, "1,255"), (lo, "493"), (en, "1,255"), (en, "493")] {
        let f = p
            .store()
            .figure(common::figure_id(&p, doc, text))
            .unwrap()
            .unwrap();
        assert_eq!(f.status, Status::Unreviewed);
        assert!(f.origin.0.starts_with("extract/"), "{:?}", f.origin);
    }
    let entry = &p.store().history().unwrap()[0];
    assert!(entry.summary.contains("figures found"), "{}", entry.summary);
}

#[test]
fn every_action_is_recorded_undone_and_redone() {
    let (t, p, lo, en) = common::project_with_docs();
    let f_lo = common::figure_id(&p, lo, "1,255");
    let f_en = common::figure_id(&p, en, "1,255");
    let women = common::figure_id(&p, en, "493");

    let p = check_round_trip(
        &t,
        p,
        Command::Review {
            figure: f_lo,
            decision: Decision::Confirm,
            note: Some("ok".into()),
        },
    );
    let p = check_round_trip(
        &t,
        p,
        Command::Review {
            figure: women,
            decision: Decision::Reject,
            note: None,
        },
    );
    let fix = FigureFields {
        value: Some(dec("1256")),
        unit: Some("migrant workers".into()),
        ..Default::default()
    };
    let p = check_round_trip(
        &t,
        p,
        Command::Review {
            figure: f_en,
            decision: Decision::Fix(fix),
            note: None,
        },
    );
    let p = check_round_trip(
        &t,
        p,
        Command::Reanchor {
            figure: f_lo,
            span: span_of(LAO, "1,25"),
        },
    );
    let fields = FigureFields {
        kind: Some(Kind::Count),
        value: Some(dec("493")),
        ..Default::default()
    };
    let p = check_round_trip(
        &t,
        p,
        Command::Add {
            document: en,
            span: Span::new(0, 9),
            fields,
            note: None,
        },
    );
    let p = check_round_trip(
        &t,
        p,
        Command::Link {
            a: f_lo,
            b: f_en,
            relation: Relation::Translation,
        },
    );
    let link = p.store().links().unwrap()[0].id;
    let p = check_round_trip(
        &t,
        p,
        Command::SetLinkStatus {
            link,
            status: LinkStatus::Disagrees,
        },
    );
    check_round_trip(&t, p, Command::Unlink { link });
}

#[test]
fn a_fix_is_stored_as_corrected_with_the_old_values_in_history() {
    let (_t, mut p, _lo, en) = common::project_with_docs();
    let id = common::figure_id(&p, en, "1,255");
    let fix = FigureFields {
        kind: Some(Kind::Count),
        value: Some(dec("65500000")),
        ..Default::default()
    };
    p.execute(Command::Review {
        figure: id,
        decision: Decision::Fix(fix),
        note: Some("misread".into()),
    })
    .unwrap();
    let f = p.store().figure(id).unwrap().unwrap();
    assert_eq!(f.status, Status::Corrected);
    assert_eq!(f.value, Some(dec("65500000")));
    assert_eq!(f.reviewer.as_deref(), Some("tester"));
    assert_eq!(f.note.as_deref(), Some("misread"));
    let entry = p.store().history().unwrap().pop().unwrap();
    let Some(Row::Figure(old)) = &entry.changes[0].before else {
        panic!("no before")
    };
    assert_eq!(old.value, Some(dec("1255")));
    assert_eq!(old.status, Status::Unreviewed);
}

#[test]
fn exact_decimals_survive_the_round_trip() {
    let (_t, mut p, _lo, en) = common::project_with_docs();
    let id = common::figure_id(&p, en, "493");
    let tenth = FigureFields {
        value: Some(dec("0.1")),
        ..Default::default()
    };
    p.execute(Command::Review {
        figure: id,
        decision: Decision::Fix(tenth),
        note: None,
    })
    .unwrap();
    let fix = FigureFields {
        value: Some(dec("65500000.000000000000000001")),
        ..Default::default()
    };
    p.execute(Command::Review {
        figure: id,
        decision: Decision::Fix(fix),
        note: None,
    })
    .unwrap();
    assert_eq!(
        p.store().figure(id).unwrap().unwrap().value,
        Some(dec("65500000.000000000000000001"))
    );
    p.undo().unwrap();
    assert_eq!(
        p.store().figure(id).unwrap().unwrap().value,
        Some(dec("0.1"))
    );
}

#[test]
fn a_new_action_after_undo_discards_the_redo() {
    let (_t, mut p, _lo, en) = common::project_with_docs();
    let id = common::figure_id(&p, en, "493");
    p.execute(Command::Review {
        figure: id,
        decision: Decision::Reject,
        note: None,
    })
    .unwrap();
    p.undo().unwrap();
    p.execute(Command::Review {
        figure: id,
        decision: Decision::Confirm,
        note: None,
    })
    .unwrap();
    assert!(matches!(
        p.redo(),
        Err(AppError::Store(StoreError::NothingToRedo))
    ));
    let states: Vec<_> = p
        .store()
        .history()
        .unwrap()
        .iter()
        .filter(|e| e.kind == HistoryKind::Do)
        .map(|e| e.state)
        .collect();
    assert_eq!(
        states,
        [
            HistoryState::Applied,
            HistoryState::Discarded,
            HistoryState::Applied
        ]
    );
}

#[test]
fn undo_walks_back_to_the_empty_project_and_stops() {
    let (_t, mut p, _lo, en) = common::project_with_docs();
    add(&mut p, en, span_of(ENGLISH, "Officials"), "1", "officials");
    p.undo().unwrap(); // the add
    p.undo().unwrap(); // the import
    assert!(p.store().documents().unwrap().is_empty());
    assert!(all_figures(&p).is_empty());
    assert!(matches!(
        p.undo(),
        Err(AppError::Store(StoreError::NothingToUndo))
    ));
    p.redo().unwrap();
    assert_eq!(p.store().documents().unwrap().len(), 2);
    assert_eq!(
        all_figures(&p).len(),
        4,
        "the import's figures come back with it"
    );
}

#[test]
fn bad_spans_are_refused_and_change_nothing() {
    let (_t, mut p, lo, en) = common::project_with_docs();
    let history = p.store().history().unwrap();
    let state = snapshot(&p);
    let len = LAO.chars().count();
    let cases = [
        (lo, Span::new(3, 3), "empty span"),
        (lo, Span::new(5, 2), "empty span"),
        (lo, Span::new(0, len + 1), "outside the document"),
        (lo, Span::new(2, 5), "splits a character cluster"), // ເຈົ້າ: between ຈ and its vowel ົ
        (en, span_of(ENGLISH, "493 women"), "overlaps figure"),
        (99, Span::new(0, 1), "document 99 not found"),
    ];
    for (doc, span, message) in cases {
        let err = p
            .execute(Command::Add {
                document: doc,
                span,
                fields: FigureFields::default(),
                note: None,
            })
            .unwrap_err();
        assert!(err.to_string().contains(message), "{span:?}: {err}");
    }
    let err = p
        .execute(Command::Review {
            figure: 999,
            decision: Decision::Confirm,
            note: None,
        })
        .unwrap_err();
    assert_eq!(err.to_string(), "figure 999 not found");
    assert_eq!(p.store().history().unwrap(), history);
    assert_eq!(snapshot(&p), state);
}

#[test]
fn a_stale_history_entry_is_refused_not_forced() {
    // Another process changed the figure after the action: undo must not clobber it.
    let (t, mut p, _lo, en) = common::project_with_docs();
    let id = common::figure_id(&p, en, "493");
    p.execute(Command::Review {
        figure: id,
        decision: Decision::Confirm,
        note: None,
    })
    .unwrap();
    {
        let conn = rusqlite::Connection::open(&t.path).unwrap();
        conn.execute(
            "UPDATE figures SET note = 'edited elsewhere' WHERE id = ?1",
            [id],
        )
        .unwrap();
    }
    let err = p.undo().unwrap_err();
    assert!(
        err.to_string().contains("changed under this action"),
        "{err}"
    );
    assert_eq!(
        p.store().figure(id).unwrap().unwrap().note.as_deref(),
        Some("edited elsewhere")
    );
}
