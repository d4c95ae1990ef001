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

/// Lao stacks as a Lao reader expects: tone marks above the upper vowels
/// (ລິ້ງ ເຂົ້າ ສິ້ງ ຂໍ້), at the document's size and larger, and a narrow
/// column that wraps between words with no mark torn from its letter.
#[test]
fn a_lao_line() {
    const LINE: &str = "ລິ້ງ ເຂົ້າ ສິ້ງ ຂໍ້ ຊ້າຍ ຕ່າງ ເຈົ້າໜ້າທີ່ ເພີ່ມຂຶ້ນ";
    let mut harness = Harness::builder()
        .with_size([540.0, 200.0])
        .with_context_setup(tualek::fonts::install)
        .build_ui(|ui| {
            let frame = egui::Frame::new()
                .fill(ui.visuals().panel_fill)
                .inner_margin(12.0);
            frame.show(ui, |ui| {
                ui.set_min_size(ui.available_size());
                for size in [14.375, 20.0, 32.0] {
                    ui.label(egui::RichText::new(LINE).size(size));
                }
                ui.allocate_ui(egui::vec2(90.0, 80.0), |ui| {
                    let text = "ເລືອກເອກະສານທາງຊ້າຍ ເພື່ອສະແດງຢູ່ບ່ອນນີ້.";
                    ui.label(tualek::ui::lao_breaks::wrapping(ui, text));
                });
            });
        });
    harness.run();
    harness.snapshot("lao-line");
}
