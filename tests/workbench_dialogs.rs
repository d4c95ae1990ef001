//! File dialogs and the export window, driven by key and label: Tualek's own
//! file chooser where the desktop has no dialog (issue 10, item 2), and the
//! export window's choices (item 9). Each test checks what the project, the
//! window or the exported file then holds.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::accesskit::{Role, Toggled};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use tualek::app::Project;
use tualek::app::workbench::{Notice, Workbench};
use tualek::model::Status;
use tualek::ui::WorkbenchApp;
use tualek::ui::dialogs::Dialogs;
use tualek::ui::system_dialogs::{DialogChoice, Fallback, portal_file_chooser, zenity_on_path};

struct Setup {
    dir: tempfile::TempDir,
    path: PathBuf,
}

/// The sample project in a temporary folder, in a workbench with these dialogs.
fn workbench(dialogs: Dialogs) -> (Setup, Harness<'static, WorkbenchApp>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.tualek");
    drop(Project::open_or_create_sample(&path, "tester").unwrap());
    let mut wb = Workbench::new(Some(dir.path().join("settings.json")), "tester");
    wb.open_project(&path, false).unwrap();
    let harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(12)
        .with_context_setup(tualek::fonts::install)
        .build_eframe(move |_| WorkbenchApp::new(wb).with_dialogs(dialogs));
    (Setup { dir, path }, harness)
}

/// Runs frames until `done` holds (dialogs and exports answer from threads).
fn run_until(
    h: &mut Harness<'static, WorkbenchApp>,
    what: &str,
    done: impl Fn(&Harness<'static, WorkbenchApp>) -> bool,
) {
    let start = Instant::now();
    while !done(h) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(10));
        h.run();
    }
}

fn chooser_open(h: &Harness<'static, WorkbenchApp>) -> bool {
    h.query_by_role_and_label(Role::TextInput, "Path").is_some()
}

fn menu(h: &mut Harness<'static, WorkbenchApp>, item: &str) {
    h.get_by_label("File").click();
    h.run();
    // Items with a shortcut read "Open project… Ctrl+O".
    h.get_by_label_contains(item).click();
    h.run();
}

/// Replaces what the chooser's path field holds with `path`, then presses Enter.
fn type_path(h: &mut Harness<'static, WorkbenchApp>, path: &Path) {
    h.get_by_role_and_label(Role::TextInput, "Path").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Path")
        .type_text(&path.display().to_string());
    h.run();
    h.key_press(Key::Enter);
    // A project chosen here opens on a job of its own: frames until it is in.
    let start = Instant::now();
    while h.state().wb.job.is_some() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the job never ended"
        );
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.run();
}

fn checked(h: &Harness<'static, WorkbenchApp>, label: &str) -> bool {
    h.get_by_role_and_label(Role::CheckBox, label)
        .accesskit_node()
        .toggled()
        == Some(Toggled::True)
}

#[test]
fn with_the_chooser_forced_open_project_opens_the_path_typed() {
    let (s, mut h) = workbench(Dialogs::new(DialogChoice::Builtin));
    let other = s.dir.path().join("other.tualek");
    drop(Project::create(&other, "tester").unwrap());

    menu(&mut h, "Open project…");
    run_until(&mut h, "the built-in chooser", chooser_open);
    // It says why it is up, in the window and once in the status bar.
    assert_eq!(
        h.state().wb.notice,
        Some(Notice::Info(Fallback::Asked.message_id(), None))
    );
    let why = "Tualek's own file chooser is used, as TUALEK_FILE_DIALOG=builtin asks.";
    assert_eq!(
        h.query_all_by_label(why).count(),
        2,
        "in the chooser and the status bar"
    );

    type_path(&mut h, &other);
    run_until(&mut h, "the project to open", |h| {
        h.state().wb.project_path() == Some(other.as_path())
    });
    assert!(!chooser_open(&h), "the chooser closes on Enter");
    assert!(
        h.state().wb.documents.is_empty(),
        "the new, empty project is open"
    );
}

#[test]
fn the_chooser_opens_when_the_system_has_no_dialog() {
    // The real checks, pointed at a desktop with neither zenity on PATH
    // nor a bus (so no portal): what rfd would fail on silently.
    let empty = tempfile::tempdir().unwrap();
    let path = std::env::join_paths([empty.path()]).unwrap();
    let bus = format!("unix:path={}", empty.path().join("bus").display());
    let probe = Arc::new(move || {
        if zenity_on_path(Some(&path)) || portal_file_chooser(&bus, Duration::from_secs(2)) {
            Ok(())
        } else {
            Err(Fallback::NoSystemDialog)
        }
    });
    let (s, mut h) = workbench(Dialogs::with_probe(probe));
    let before = h.state().wb.documents.len();
    let report = s.dir.path().join("report.txt");
    std::fs::write(
        &report,
        "The survey counted 1,255 workers in 3 provinces.\n",
    )
    .unwrap();

    menu(&mut h, "Import files…");
    run_until(&mut h, "the built-in chooser", chooser_open);
    let why = "No system file dialog (xdg desktop portal or zenity) was found, \
               so Tualek uses its own file chooser.";
    assert_eq!(
        h.state().wb.notice,
        Some(Notice::Info("dialog-fallback-none", None))
    );
    assert_eq!(
        h.query_all_by_label(why).count(),
        2,
        "the chooser and the status bar say why it is up"
    );

    // Tab completes the file's name from its first letters.
    h.get_by_role_and_label(Role::TextInput, "Path").focus();
    h.run();
    h.key_press(Key::End);
    h.get_by_role_and_label(Role::TextInput, "Path")
        .type_text("rep");
    h.run();
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Path")
            .value()
            .as_deref(),
        Some(report.display().to_string().as_str())
    );
    h.key_press(Key::Enter);
    h.run();
    run_until(&mut h, "the import", |h| {
        h.state().wb.job.is_none() && h.state().wb.documents.len() == before + 1
    });
    let added = h.state().wb.documents.last().unwrap().clone();
    assert_eq!(added.source_path, report.display().to_string());
}

#[test]
fn esc_closes_the_chooser_and_nothing_changes() {
    let (s, mut h) = workbench(Dialogs::new(DialogChoice::Builtin));
    menu(&mut h, "New project…");
    run_until(&mut h, "the built-in chooser", chooser_open);
    // The name proposed is in the project's folder.
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Path").value(),
        Some(s.dir.path().join("project.tualek").display().to_string())
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(!chooser_open(&h));
    assert_eq!(h.state().wb.project_path(), Some(s.path.as_path()));
    assert!(!s.dir.path().join("project.tualek").exists());
}

#[cfg(unix)]
/// A private session bus (`dbus-daemon`), killed when dropped; `None` where
/// dbus-daemon is not installed.
struct Bus {
    daemon: std::process::Child,
    address: String,
}

#[cfg(unix)]
impl Bus {
    fn start() -> Option<Bus> {
        let mut daemon = std::process::Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .ok()?;
        let mut line = String::new();
        std::io::BufRead::read_line(
            &mut std::io::BufReader::new(daemon.stdout.take().unwrap()),
            &mut line,
        )
        .unwrap();
        let address = line.trim().to_string();
        assert!(address.starts_with("unix:"), "dbus-daemon said {address:?}");
        Some(Bus { daemon, address })
    }
}

#[cfg(unix)]
impl Drop for Bus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

#[cfg(unix)]
/// Stands in for xdg-desktop-portal: its FileChooser interface, version 4.
struct FakeFileChooser;

#[cfg(unix)]
#[zbus::interface(name = "org.freedesktop.portal.FileChooser")]
impl FakeFileChooser {
    // The portal spells its properties in lower case.
    #[zbus(property, name = "version")]
    fn version(&self) -> u32 {
        4
    }
}

#[cfg(unix)]
#[test]
fn the_portal_is_found_on_the_bus_only_when_it_serves_a_file_chooser() {
    let Some(bus) = Bus::start() else {
        eprintln!("dbus-daemon is not installed: the bus cases are not checked here");
        return;
    };
    assert!(
        !portal_file_chooser(&bus.address, Duration::from_secs(3)),
        "no portal runs on a fresh bus"
    );
    let portal = pollster::block_on(async {
        zbus::connection::Builder::address(bus.address.as_str())
            .unwrap()
            .name("org.freedesktop.portal.Desktop")
            .unwrap()
            .serve_at("/org/freedesktop/portal/desktop", FakeFileChooser)
            .unwrap()
            .build()
            .await
            .unwrap()
    });
    assert!(portal_file_chooser(&bus.address, Duration::from_secs(3)));
    drop(portal);
}

/// Exported records' statuses, from a JSON Lines file.
fn statuses_in(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["status"].as_str().unwrap().to_string()
        })
        .collect()
}

fn exported_notice(h: &Harness<'static, WorkbenchApp>) -> Option<(usize, String)> {
    match &h.state().wb.notice {
        Some(Notice::Count("notice-exported-figures", n, Some(path))) => Some((*n, path.clone())),
        _ => None,
    }
}

#[test]
fn the_export_window_writes_only_confirmed_and_corrected_by_default() {
    let (s, mut h) = workbench(Dialogs::new(DialogChoice::Builtin));
    // Two confirmed, one rejected, one corrected; the rest stay unreviewed.
    h.key_press(Key::Enter);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.key_press(Key::X);
    h.run();
    h.key_press(Key::E);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Value")
        .type_text("12345.5");
    h.run();
    h.key_press(Key::Enter);
    h.run();

    menu(&mut h, "Export figures…");
    h.get_by_label("Export figures");
    assert!(checked(&h, "confirmed") && checked(&h, "corrected"));
    for other in ["unreviewed", "rejected", "stale"] {
        assert!(!checked(&h, other), "{other} is left out by default");
    }
    h.get_by_label("3 figures will be written.");
    // The figure keys wait while the window is up.
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("3 figures will be written.");

    h.get_by_label("Export…").click();
    h.run();
    run_until(&mut h, "the built-in chooser", chooser_open);
    let out = s.dir.path().join("figures.jsonl");
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Path").value(),
        Some(out.display().to_string()),
        "a save starts with the format's file name in the project's folder"
    );
    h.key_press(Key::Enter);
    h.run();
    run_until(&mut h, "the export", |h| exported_notice(h).is_some());
    assert_eq!(exported_notice(&h), Some((3, out.display().to_string())));
    let mut got = statuses_in(&out);
    got.sort();
    assert_eq!(got, ["confirmed", "confirmed", "corrected"]);
    h.get_by_label(&format!("Wrote 3 figures to {}", out.display()));
}

#[test]
fn the_export_window_writes_a_gold_standard_format_with_progress() {
    let (s, mut h) = workbench(Dialogs::new(DialogChoice::Builtin));
    h.key_press(Key::Enter); // confirm the first figure
    h.run();
    menu(&mut h, "Export figures…");
    h.get_by_role_and_label(Role::RadioButton, "spaCy JSON Lines (.jsonl)")
        .click();
    h.run();
    h.get_by_label_contains("Gold-standard formats write whole documents");
    let counts = Project::open(&s.path, "reader")
        .unwrap()
        .store()
        .status_counts()
        .unwrap();
    let gold: usize = counts
        .iter()
        .filter(|((_, st), _)| matches!(st, Status::Confirmed | Status::Corrected))
        .map(|(_, n)| n)
        .sum();
    assert!(gold > 0);
    h.get_by_label("Export…").click();
    h.run();
    run_until(&mut h, "the built-in chooser", chooser_open);
    let out = s.dir.path().join("gold");
    type_path(&mut h, &out);
    run_until(&mut h, "the export", |h| exported_notice(h).is_some());
    let out = out.with_extension("jsonl");
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines.len(),
        1,
        "one document holds the one confirmed figure"
    );
    assert_eq!(lines[0]["spans"].as_array().unwrap().len(), 1);
    assert!(lines[0]["tokens"].as_array().is_some());
}

#[test]
fn import_annotations_reads_a_file_of_another_tool_and_undo_takes_it_back() {
    let (s, mut h) = workbench(Dialogs::new(DialogChoice::Builtin));
    let before = h.state().wb.documents.len();
    let text = "In 2024, 75 people came; 12 stayed.";
    let line = serde_json::json!({
        "text": text,
        "spans": [{"start": 3, "end": 7, "label": "year"}, {"start": 9, "end": 11, "label": "count"},
                  {"start": 25, "end": 30, "label": "count", "text": "12"}],
    });
    let file = s.dir.path().join("other-tool.jsonl");
    std::fs::write(&file, line.to_string() + "\n").unwrap();
    menu(&mut h, "Import annotations…");
    run_until(&mut h, "the built-in chooser", chooser_open);
    type_path(&mut h, &file);
    run_until(&mut h, "the import", |h| {
        h.state().wb.documents.len() == before + 1
    });
    match &h.state().wb.notice {
        Some(Notice::Error(e)) => {
            assert!(e.contains("2 figures imported; 1 spans left out"), "{e}");
            assert!(
                e.contains("the file gives “12” but the document has “12 st”"),
                "{e}"
            );
        }
        other => panic!("{other:?}"),
    }
    let p = Project::open(&s.path, "reader").unwrap();
    let doc = h.state().wb.documents.last().unwrap().id;
    let figures = p.store().figures(&Default::default()).unwrap();
    let imported: Vec<_> = figures.iter().filter(|f| f.document == doc).collect();
    assert_eq!(imported.len(), 2);
    assert!(
        imported
            .iter()
            .all(|f| f.origin.0 == "imported:spacy" && f.status == Status::Unreviewed)
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().wb.documents.len(),
        before,
        "undo takes the import back"
    );
}

#[test]
fn an_export_job_reports_its_progress_by_document() {
    use tualek::app::workbench::{Job, JobOutcome};
    use tualek::export::annotations::GoldFormat;
    use tualek::export::{ExportPlan, Format, Selection};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.tualek");
    drop(Project::open_or_create_sample(&path, "tester").unwrap());
    let documents = Project::open(&path, "tester")
        .unwrap()
        .store()
        .documents()
        .unwrap()
        .len();
    let plan = ExportPlan {
        format: Format::Gold(GoldFormat::Doccano),
        selection: Selection::default(),
    };
    let out = dir.path().join("all.jsonl");
    let job = Job::export(path, plan, out.clone(), || {});
    match job.wait() {
        JobOutcome::Exported(done, written) => {
            assert!(done.figures > 0 && done.notes.is_empty());
            assert_eq!(written, out);
        }
        other => panic!("{other:?}"),
    }
    let p = job.progress();
    assert_eq!((p.done, p.total), (documents, documents));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap().lines().count(),
        documents
    );
}

#[test]
fn the_export_window_chooses_format_statuses_and_documents() {
    let (s, mut h) = workbench(Dialogs::new(DialogChoice::Builtin));
    let docs = h.state().wb.documents.clone();
    let (lao, english) = (&docs[0], &docs[1]);
    let count = |status: Status, doc| {
        Project::open(&s.path, "reader")
            .unwrap()
            .store()
            .status_counts()
            .unwrap()
            .get(&(doc, status))
            .copied()
            .unwrap_or(0)
    };
    let english_unreviewed = count(Status::Unreviewed, english.id);
    assert!(english_unreviewed > 0);

    menu(&mut h, "Export figures…");
    h.get_by_role_and_label(Role::RadioButton, "CSV (.csv)")
        .click();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, "confirmed").click();
    h.get_by_role_and_label(Role::CheckBox, "corrected").click();
    h.run();
    h.get_by_label("0 figures will be written.");
    h.get_by_role_and_label(Role::CheckBox, "unreviewed")
        .click();
    h.run();
    h.get_by_role_and_label(
        Role::CheckBox,
        &format!("{}  ·  {}", lao.title, lao.language),
    )
    .click();
    h.run();
    h.get_by_label(&format!("{english_unreviewed} figures will be written."));

    h.get_by_label("Export…").click();
    h.run();
    run_until(&mut h, "the built-in chooser", chooser_open);
    let out = s.dir.path().join("english");
    type_path(&mut h, &out);
    run_until(&mut h, "the export", |h| exported_notice(h).is_some());
    let out = out.with_extension("csv");
    let mut csv = csv::Reader::from_path(&out).unwrap();
    let headers = csv.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), english_unreviewed);
    for row in &rows {
        assert_eq!(&row[col("status")], "unreviewed");
        assert_eq!(&row[col("language")], english.language.to_string());
    }
}

#[test]
fn new_project_then_import_a_folder_through_the_chooser() {
    let (s, mut h) = workbench(Dialogs::new(DialogChoice::Builtin));
    let news = s.dir.path().join("news");
    std::fs::create_dir(&news).unwrap();
    std::fs::write(
        news.join("a.txt"),
        "Police arrested 12 people on 3 May 2024.\n",
    )
    .unwrap();
    std::fs::write(
        news.join("b.md"),
        "# Budget\n\nThe budget grew by 4.5 percent.\n",
    )
    .unwrap();

    menu(&mut h, "New project…");
    run_until(&mut h, "the built-in chooser", chooser_open);
    // An existing project is refused rather than replaced.
    type_path(&mut h, &s.path);
    assert!(chooser_open(&h), "the chooser stays up");
    h.get_by_label(&format!(
        "{} exists already: choose another name.",
        s.path.display()
    ));
    let fresh = s.dir.path().join("fresh");
    type_path(&mut h, &fresh);
    let fresh = fresh.with_extension("tualek");
    run_until(&mut h, "the new project", |h| {
        h.state().wb.project_path() == Some(fresh.as_path())
    });
    assert!(fresh.exists());

    menu(&mut h, "Import a folder…");
    run_until(&mut h, "the built-in chooser", chooser_open);
    h.get_by_label("Choose this folder");
    type_path(&mut h, &news);
    run_until(&mut h, "the import", |h| {
        h.state().wb.job.is_none() && h.state().wb.documents.len() == 2
    });
    let titles: Vec<String> = h
        .state()
        .wb
        .documents
        .iter()
        .map(|d| d.title.clone())
        .collect();
    assert!(titles.contains(&"Budget".to_string()), "{titles:?}");
}

#[test]
fn ctrl_o_and_ctrl_e_open_the_chooser_and_the_export_window() {
    let (_s, mut h) = workbench(Dialogs::new(DialogChoice::Builtin));
    assert!(h.query_by_label("Export figures").is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("Export figures");
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_by_label("Export figures").is_none(),
        "Esc closes it"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    run_until(&mut h, "the built-in chooser", chooser_open);
    assert_eq!(
        h.get_by_label("Open project…").accesskit_node().role(),
        Role::Window
    );
}

/// A file dropped on the window, as the windowing layer hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn files_dropped_while_the_chooser_is_up_are_imported() {
    let (s, mut h) = workbench(Dialogs::new(DialogChoice::Builtin));
    let before = h.state().wb.documents.len();
    let dropped = s.dir.path().join("dropped.txt");
    std::fs::write(&dropped, "Rain fell on 2 of the 7 days.\n").unwrap();
    menu(&mut h, "Import files…");
    run_until(&mut h, "the built-in chooser", chooser_open);
    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(dropped.clone())));
    h.run();
    run_until(&mut h, "the import", |h| {
        h.state().wb.job.is_none() && h.state().wb.documents.len() == before + 1
    });
    assert!(chooser_open(&h), "the chooser stays up for more");
}

#[test]
fn ctrl_i_without_a_project_says_to_open_one_first() {
    let dir = tempfile::tempdir().unwrap();
    let wb = Workbench::new(Some(dir.path().join("settings.json")), "tester");
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(12)
        .with_context_setup(tualek::fonts::install)
        .build_eframe(move |_| {
            WorkbenchApp::new(wb).with_dialogs(Dialogs::new(DialogChoice::Builtin))
        });
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run();
    assert_eq!(
        h.state().wb.notice,
        Some(Notice::Failed("error-no-project", None))
    );
    std::thread::sleep(Duration::from_millis(100));
    h.run();
    assert!(
        !chooser_open(&h),
        "no chooser opens for an import with nowhere to go"
    );
}
