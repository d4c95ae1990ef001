//! A reviewer's process killed at a random moment loses nothing it acknowledged.
//!
//! The child (this test binary again, running `kill_child_role`) reviews
//! figures one by one and prints each id once its transaction committed.
//! The parent sends SIGKILL at a random moment, reopens the file, checks its
//! integrity and that every acknowledged review is there.
//!
//! Half the rounds run the child as the workbench does, with deferred sync
//! (commits do not wait for fsync; a flush thread follows): a killed process
//! must lose nothing then either, since its commits were in the OS's hands.

mod common;

use std::io::Read;
use std::path::Path;
use std::process::{Command as Process, Stdio};
use std::time::Duration;

use tualek::app::{Command, Decision, Project};
use tualek::model::Status;
use tualek::store::FigureFilter;

const ROUNDS: usize = 24;
const FIGURES: usize = 150;
const PROJECT_ENV: &str = "TUALEK_KILL_TEST_PROJECT";
const DECISION_ENV: &str = "TUALEK_KILL_TEST_DECISION";
const DEFERRED_ENV: &str = "TUALEK_KILL_TEST_DEFERRED";

fn decision(round: usize) -> (&'static str, Status) {
    if round.is_multiple_of(2) {
        ("confirm", Status::Confirmed)
    } else {
        ("reject", Status::Rejected)
    }
}

/// The child's part; run only by the parent, with the project in the environment.
#[test]
#[ignore = "run by killed_reviewers_lose_nothing_they_acknowledged"]
fn kill_child_role() {
    let path = std::env::var(PROJECT_ENV).expect("run by the parent test");
    let reject = std::env::var(DECISION_ENV).unwrap() == "reject";
    let mut p = Project::open(Path::new(&path), "child").unwrap();
    if std::env::var(DEFERRED_ENV).unwrap() == "1" {
        p.defer_sync().unwrap();
    }
    let ids = common::figure_ids(&p);
    // Round and round until killed, so that every kill lands mid-work.
    for id in ids.iter().copied().cycle().take(1_000_000) {
        let decision = if reject {
            Decision::Reject
        } else {
            Decision::Confirm
        };
        p.execute(Command::Review {
            figure: id,
            decision,
            note: Some(format!("by child {}", std::process::id())),
        })
        .unwrap();
        // Printed only after commit returned: this is the acknowledgement.
        println!("ack {id}");
    }
}

#[test]
fn killed_reviewers_lose_nothing_they_acknowledged() {
    let (t, mut p) = common::new_project();
    let text = "In 2023, 75 workers came back. ".repeat(FIGURES / 2);
    let doc_path = common::write(t.dir.path(), "numbers.txt", text.as_bytes());
    p.import(&[doc_path], &Default::default(), &mut |_| true)
        .unwrap();
    let found = p.store().figures(&FigureFilter::default()).unwrap().len();
    assert_eq!(
        found, FIGURES,
        "the extractor's figures are what the child reviews"
    );
    drop(p);

    let seed = fastrand::u64(..);
    println!("seed {seed}");
    let mut rng = fastrand::Rng::with_seed(seed);
    let me = std::env::current_exe().unwrap();
    // Acknowledged reviews, with FULL sync and with deferred sync.
    let mut total_acked = [0, 0];
    for round in 0..ROUNDS {
        let (word, status) = decision(round);
        let deferred = round % 4 >= 2;
        let mut child = Process::new(&me)
            .args([
                "--ignored",
                "--exact",
                "kill_child_role",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(PROJECT_ENV, &t.path)
            .env(DECISION_ENV, word)
            .env(DEFERRED_ENV, if deferred { "1" } else { "0" })
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Sometimes during start-up, mostly in the middle of the reviews.
        std::thread::sleep(Duration::from_millis(rng.u64(0..400)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let mut out = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        let acked: Vec<i64> = out
            .lines()
            .filter_map(|l| l.strip_prefix("ack "))
            .map(|id| id.trim().parse().unwrap())
            .collect();
        total_acked[usize::from(deferred)] += acked.len();

        let p = Project::open(&t.path, "parent").unwrap();
        assert_eq!(
            p.store().integrity_check().unwrap(),
            vec!["ok".to_string()],
            "round {round}"
        );
        for id in &acked {
            let f = p.store().figure(*id).unwrap().unwrap();
            assert_eq!(
                f.status, status,
                "round {round} (seed {seed}, deferred {deferred}): figure {id} was acknowledged"
            );
            assert_eq!(f.reviewer.as_deref(), Some("child"));
        }
        // The history holds one entry per stored review, none half-written.
        for e in p.store().history().unwrap() {
            assert!(!e.changes.is_empty());
        }
    }
    let [full, deferred] = total_acked;
    println!(
        "{} acknowledged reviews over {ROUNDS} kills ({full} with FULL sync, {deferred} deferred)",
        full + deferred
    );
    assert!(
        full > 0 && deferred > 0,
        "the child never got to review anything in one mode: the test proved nothing there"
    );
}
