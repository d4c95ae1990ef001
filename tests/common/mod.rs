//! Helpers shared by the integration tests: temporary projects and documents.
#![allow(dead_code)]

pub mod cli;
pub mod consumer_project;
pub mod figures;
pub mod gold_project;
pub mod tools;

use std::path::{Path, PathBuf};

use tualek::app::Project;
use tualek::import::ImportOptions;
use tualek::model::DocId;

pub const LAO: &str = "ເຈົ້າໜ້າທີ່ຊ່ວຍເຫຼືອແຮງງານ 1,255 ຄົນ, ໃນນັ້ນມີແມ່ຍິງ 493 ຄົນ.\n";
pub const ENGLISH: &str = "Officials assisted 1,255 workers, including 493 women.\n";

pub struct Temp {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

/// A new, empty project file in a fresh temporary folder.
pub fn new_project() -> (Temp, Project) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("test.tualek");
    let project = Project::create(&path, "tester").expect("create project");
    (Temp { dir, path }, project)
}

/// The names in a folder, sorted: what a command left beside a file (a
/// `-wal`, a temporary export) shows up here.
pub fn folder_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A project holding the Lao and the English sentence; returns their ids.
pub fn project_with_docs() -> (Temp, Project, DocId, DocId) {
    let (t, mut p) = new_project();
    let lo = write(t.dir.path(), "src/lao.txt", LAO.as_bytes());
    let en = write(t.dir.path(), "src/english.txt", ENGLISH.as_bytes());
    let report = p
        .import(&[lo, en], &ImportOptions::default(), &mut |_| true)
        .unwrap();
    assert!(report.refused.is_empty(), "{:?}", report.refused);
    let ids: Vec<DocId> = report.added.iter().map(|(_, id)| *id).collect();
    (t, p, ids[0], ids[1])
}

/// Code-point span of the first `needle` in `haystack`.
pub fn span_of(haystack: &str, needle: &str) -> tualek::model::Span {
    let b = haystack.find(needle).expect("needle present");
    let start = haystack[..b].chars().count();
    tualek::model::Span::new(start, start + needle.chars().count())
}

pub fn file_bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

/// Overwrites the root page of the table or index `name` in the project at
/// `path` (4 KiB pages): damage SQLite meets only where it reads that object,
/// or in a check of every page.
pub fn damage_root_page(path: &Path, name: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let root: i64 = conn
        .query_row(
            "SELECT rootpage FROM sqlite_schema WHERE name = ?1",
            [name],
            |r| r.get(0),
        )
        .unwrap();
    let page = conn
        .pragma_query_value(None, "page_size", |r| r.get::<_, i64>(0))
        .unwrap() as usize;
    drop(conn);
    let mut bytes = file_bytes(path);
    let at = (root as usize - 1) * page;
    bytes[at..at + page].fill(0xA5);
    std::fs::write(path, bytes).unwrap();
}

/// The id of the figure whose text is `text` in document `doc`.
pub fn figure_id(p: &Project, doc: DocId, text: &str) -> i64 {
    let filter = tualek::store::FigureFilter {
        document: Some(doc),
        statuses: vec![],
    };
    let figures = p.store().figures(&filter).unwrap();
    figures
        .iter()
        .find(|f| f.text == text)
        .unwrap_or_else(|| panic!("no figure {text:?} in document {doc}: {figures:?}"))
        .id
}

/// The ids of every figure in the project.
pub fn figure_ids(p: &Project) -> Vec<i64> {
    p.store()
        .figures(&tualek::store::FigureFilter::default())
        .unwrap()
        .iter()
        .map(|f| f.id)
        .collect()
}

/// Steps the workbench window until its background job is done (a job's
/// progress window keeps repainting, so frame by frame, not a settled
/// run), then lets it settle.
pub fn until_the_job_ends(h: &mut egui_kittest::Harness<'static, tualek::ui::WorkbenchApp>) {
    let start = std::time::Instant::now();
    while h.state().wb.job.is_some() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(30),
            "the job never ended"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    h.run();
}
