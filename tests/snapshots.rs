//! Pixel snapshots of the workbench in English and in Lao.
//!
//! Behind the `snapshots` feature: they need a wgpu adapter (on a machine
//! with no GPU, Debian's `mesa-vulkan-drivers`). `.ci/run` turns them on.
//! After a deliberate change to the look: `UPDATE_SNAPSHOTS=1 cargo test --features snapshots`.
#![cfg(feature = "snapshots")]

use egui_kittest::Harness;
use tualek::app::Project;
use tualek::app::workbench::Workbench;
use tualek::i18n::Locale;
use tualek::ui::WorkbenchApp;

fn snapshot(locale: Locale, name: &str) {
    snapshot_after(locale, name, |_| {});
}

/// The workbench after `change` to its state, applied once it has drawn a
/// frame (so what was laid out before the change must not linger).
fn snapshot_after(locale: Locale, name: &str, change: impl FnOnce(&mut WorkbenchApp)) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.tualek");
    drop(Project::open_or_create_sample(&path, "tester").unwrap());
    let mut wb = Workbench::new(None, "tester");
    wb.settings.locale = locale;
    wb.open_project(&path, false).unwrap();
    let mut harness = Harness::builder()
        .with_size([1400.0, 860.0])
        .with_context_setup(tualek::fonts::install)
        .build_eframe(move |_| WorkbenchApp::new(wb));
    harness.run();
    change(harness.state_mut());
    harness.run();
    harness.snapshot(name);
}

#[test]
fn workbench_in_english() {
    snapshot(Locale::En, "workbench-en");
}

#[test]
fn workbench_in_lao() {
    snapshot(Locale::Lo, "workbench-lo");
}

#[test]
fn workbench_switched_to_dark_at_run_time() {
    snapshot_after(Locale::En, "workbench-en-dark", |app| {
        app.wb.settings.dark = true
    });
}
