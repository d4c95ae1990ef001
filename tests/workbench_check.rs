//! File → Check project file: the full check (`tualek check`) runs on a
//! thread of its own while the window keeps drawing, and says what it found.

use std::path::Path;
use std::time::{Duration, Instant};

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
    let start = Instant::now();
    while h.state().wb.job.is_some() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the check never ended"
        );
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.run();
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
        let root: i64 = rusqlite::Connection::open(path)
            .unwrap()
            .query_row(
                "SELECT rootpage FROM sqlite_schema WHERE name = 'links_by_b'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let mut bytes = std::fs::read(path).unwrap();
        let at = (root as usize - 1) * 4096;
        bytes[at..at + 4096].fill(0xA5);
        std::fs::write(path, bytes).unwrap();
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
