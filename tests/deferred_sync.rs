//! The workbench's deferred durability: commits return before their fsync,
//! a flush thread completes it, and nothing is ever visible half-done.

mod common;

use std::time::Duration;

use tualek::app::{Command, Decision, Project};
use tualek::model::Status;
use tualek::store::FigureFilter;

fn wal_len(t: &common::Temp) -> u64 {
    let mut wal = t.path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(wal).map(|m| m.len()).unwrap_or(0)
}

/// Confirms then rejects every figure, `rounds` times; returns how many actions ran.
fn review_all(p: &mut Project, rounds: usize) -> usize {
    let ids = common::figure_ids(p);
    let mut n = 0;
    for round in 0..rounds {
        for id in &ids {
            let decision = if round % 2 == 0 {
                Decision::Confirm
            } else {
                Decision::Reject
            };
            p.execute(Command::Review {
                figure: *id,
                decision,
                note: None,
            })
            .unwrap();
            n += 1;
        }
    }
    n
}

#[test]
fn actions_are_visible_at_once_and_flushed_soon_after() {
    let (t, mut p, _, _) = common::project_with_docs();
    p.defer_sync().unwrap();
    p.defer_sync().unwrap(); // a second call changes nothing
    assert!(
        p.store().flusher().is_some(),
        "a deferred store has a flusher"
    );
    let id = p.store().figures(&FigureFilter::default()).unwrap()[0].id;
    p.execute(Command::Review {
        figure: id,
        decision: Decision::Confirm,
        note: None,
    })
    .unwrap();
    // Committed: another connection sees it before any fsync.
    let other = Project::open(&t.path, "reader").unwrap();
    assert_eq!(
        other.store().figure(id).unwrap().unwrap().status,
        Status::Confirmed
    );
    let flusher = p.store().flusher().unwrap();
    assert!(flusher.wait(Duration::from_secs(10)), "never flushed");
    assert!(p.store().is_flushed());
    assert_eq!(flusher.take_error(), None);
}

#[test]
fn undo_and_redo_are_flushed_too() {
    let (_t, mut p, _, _) = common::project_with_docs();
    p.defer_sync().unwrap();
    review_all(&mut p, 1);
    p.undo().unwrap();
    p.redo().unwrap();
    p.undo().unwrap();
    assert!(p.store().flusher().unwrap().wait(Duration::from_secs(10)));
    assert!(p.store().is_flushed());
}

#[test]
fn the_flush_thread_keeps_the_wal_from_growing_without_end() {
    // Same work twice: a store with deferred sync (its own checkpoints are off,
    // the flusher runs them) and one with FULL sync and SQLite's automatic
    // checkpoints. Without the flusher's checkpoints the first WAL would grow
    // with every action.
    let (t, mut p, _, _) = common::project_with_docs();
    p.defer_sync().unwrap();
    let mut actions = 0;
    while p.store().flusher().unwrap().checkpoints() < 3 {
        actions += review_all(&mut p, 20);
        // A reviewer's pause: the flusher checkpoints in it (it waits for
        // 60 ms without commits), and the second wait lasts until that is done.
        let flusher = p.store().flusher().unwrap();
        assert!(flusher.wait(Duration::from_secs(10)));
        std::thread::sleep(Duration::from_millis(150));
        assert!(flusher.wait(Duration::from_secs(10)));
        assert!(actions < 20_000, "no checkpoint after {actions} actions");
    }
    let deferred_wal = wal_len(&t);

    let (t2, mut full, _, _) = common::project_with_docs();
    review_all(&mut full, actions / 4); // 4 figures in each project
    let full_wal = wal_len(&t2);
    println!("{actions} actions: WAL {deferred_wal} bytes deferred, {full_wal} bytes with FULL");
    assert!(
        deferred_wal <= full_wal * 2,
        "deferred WAL {deferred_wal} bytes vs {full_wal} with automatic checkpoints"
    );
    drop(p);
    // Closing waited for the flusher and checkpointed: the reopened project is whole.
    let p = Project::open(&t.path, "reader").unwrap();
    assert_eq!(p.store().integrity_check().unwrap(), vec!["ok".to_string()]);
}
