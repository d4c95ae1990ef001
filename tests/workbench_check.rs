//! File → Check project file: the full check (`tualek check`) runs on a
//! thread of its own while the window keeps drawing, and says what it found.

mod common;

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tualek::app::Project;
use tualek::app::workbench::{Notice, Workbench};
use tualek::ui::WorkbenchApp;

/// The sample project at `path`, damaged first by `damage`, in a workbench.
fn workbench(dir: &Path, damage: impl FnOnce(&Path)) -> Harness<'static, WorkbenchApp> {
    let path = dir.join("sample.tualek");
    drop(Project::open_or_create_sample(&path, "tester").unwrap());
    damage(&path);
    let mut wb = Workbench::new(Some(dir.join("settings.json")), "tester");
    wb.open_project(&path, false).unwrap();
    Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(12)
        .with_context_setup(tualek::fonts::install)
        .build_eframe(move |_| WorkbenchApp::new(wb))
}

fn check_from_the_menu(h: &mut Harness<'static, WorkbenchApp>) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Check project file").click();
    // The progress bar moves while the check runs: frames, not a settled run.
    h.step();
    common::until_the_job_ends(h);
}

#[test]
fn a_sound_project_is_checked_in_the_background_and_said_to_be_sound() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = workbench(dir.path(), |_| {});
    check_from_the_menu(&mut h);
    assert!(
        matches!(
            h.state().wb.notice,
            Some(Notice::Info("notice-check-ok", None))
        ),
        "{:?}",
        h.state().wb.notice
    );
    h.get_by_label_contains("The project file is sound");
}

#[test]
fn a_damaged_index_is_found_by_the_check_and_named() {
    let dir = tempfile::tempdir().unwrap();
    // An index page overwritten: the file opens (a cleanly closed file is
    // not read page by page then), the full check finds it.
    let mut h = workbench(dir.path(), |path| {
        common::damage_root_page(path, "links_by_b")
    });
    check_from_the_menu(&mut h);
    match &h.state().wb.notice {
        Some(Notice::Failed("notice-check-damaged", Some(first))) => {
            assert!(!first.is_empty())
        }
        other => panic!("the damage was not reported: {other:?}"),
    }
    h.get_by_label_contains("The project file is damaged (first problem:");
}

/// What kill -9 leaves of `path` at `to`: the file and a `-wal` with
/// commits that no process holds. Opening it reads every page first.
fn crash_left_copy(path: &Path, to: &Path, change: &str) {
    let live = rusqlite::Connection::open(path).unwrap();
    live.execute_batch(&format!("PRAGMA wal_autocheckpoint = 0; {change}"))
        .unwrap();
    std::fs::copy(path, to).unwrap();
    let wal = |p: &Path| format!("{}-wal", p.display());
    std::fs::copy(wal(path), wal(to)).unwrap();
    drop(live);
}

#[test]
fn a_project_a_crash_left_opens_on_a_thread_while_the_open_one_stays() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = workbench(dir.path(), |_| {});
    let first = h.state().wb.project_path().unwrap().to_path_buf();
    let crashed = dir.path().join("crashed.tualek");
    crash_left_copy(
        &first,
        &crashed,
        "UPDATE documents SET title = 'After the crash' WHERE id = 1;",
    );

    h.state_mut().wb.start_open(crashed.clone(), false, || {});
    // The window's thread did not open it: the project before is still open.
    assert!(matches!(
        h.state().wb.job.as_ref().map(|j| j.kind),
        Some(tualek::app::workbench::JobKind::Open)
    ));
    assert_eq!(h.state().wb.project_path(), Some(first.as_path()));
    common::until_the_job_ends(&mut h);
    let wb = &h.state().wb;
    assert_eq!(
        wb.project_path(),
        Some(crashed.as_path()),
        "{:?}",
        wb.notice
    );
    assert!(wb.notice.is_none(), "{:?}", wb.notice);
    assert!(
        wb.documents.iter().any(|d| d.title == "After the crash"),
        "the commits in the -wal were recovered"
    );
    // In the documents list and the pane's header.
    assert!(h.get_all_by_label_contains("After the crash").count() >= 1);
}

#[test]
fn a_damaged_project_a_crash_left_is_refused_and_the_open_one_stays() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = workbench(dir.path(), |_| {});
    let first = h.state().wb.project_path().unwrap().to_path_buf();
    let damaged = dir.path().join("damaged.tualek");
    std::fs::copy(&first, &damaged).unwrap();
    common::damage_root_page(&damaged, "links_by_b");
    let crashed = dir.path().join("crashed.tualek");
    crash_left_copy(
        &damaged,
        &crashed,
        "UPDATE figures SET note = 'x' WHERE id = 1;",
    );

    h.state_mut().wb.start_open(crashed, false, || {});
    common::until_the_job_ends(&mut h);
    let wb = &h.state().wb;
    assert_eq!(wb.project_path(), Some(first.as_path()));
    match &wb.notice {
        Some(Notice::Error(e)) => assert!(e.contains("damaged"), "{e}"),
        other => panic!("the damage was not reported: {other:?}"),
    }
}
