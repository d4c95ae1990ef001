//! Files that are not what their names say (issue 14, items 1 and 2): a
//! named pipe with no writer, a link to a device, a file larger than it
//! reports, a page nested 100 000 levels deep. Each is refused with a
//! one-line reason, quickly, the project file untouched, and in a folder
//! import it is listed while the files beside it import.
#![cfg(unix)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::write;

/// Longer than any of these commands takes on a loaded machine, far shorter
/// than "forever": a command still running then has hung.
const DEADLINE: Duration = Duration::from_secs(60);

/// Runs `tualek` with a deadline: a command that has not exited by then is
/// killed and the test fails (a hang must not hang the test run too).
fn run(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tualek"))
        .args(args)
        .env("TUALEK_REVIEWER", "cli-tester")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > DEADLINE {
            child.kill().unwrap();
            let _ = child.wait();
            panic!("{args:?} did not finish within {DEADLINE:?}: it hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// Runs a command that must fail with exit code 1; returns its stdout and stderr.
fn refused(args: &[&str]) -> (String, String) {
    let out = run(args);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
    (String::from_utf8(out.stdout).unwrap(), stderr)
}

/// Runs a command that must fail with one line on stderr containing `reason`.
fn refused_with(args: &[&str], reason: &str) {
    let (_, stderr) = refused(args);
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
    assert!(stderr.starts_with("tualek: "), "{stderr}");
    assert!(stderr.contains(reason), "{args:?}: {stderr}");
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

fn symlink(target: &str, link: &Path) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A new project (made by `tualek new`) in a fresh folder.
fn project() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.tualek");
    assert!(run(&["new", s(&p)]).status.success());
    (dir, p)
}

/// The project's bytes and its document listing, to compare after a refusal.
fn state(p: &Path) -> (Vec<u8>, String) {
    let docs = run(&["docs", s(p)]);
    assert!(docs.status.success());
    (
        std::fs::read(p).unwrap(),
        String::from_utf8(docs.stdout).unwrap(),
    )
}

/// A page whose text sits inside `levels` nested `<div>`s.
fn deep_html(levels: usize) -> String {
    format!(
        "<html><body>{}Officials assisted 1,255 workers{}</body></html>",
        "<div>".repeat(levels),
        "</div>".repeat(levels)
    )
}

#[test]
fn a_named_pipe_is_refused_by_every_reader_without_waiting_for_a_writer() {
    let (dir, p) = project();
    let before = state(&p);
    let fifo = dir.path().join("fifo.txt");
    mkfifo(&fifo);
    let pipe = "fifo.txt: cannot read it: it is a named pipe, not a regular file";

    let (stdout, stderr) = refused(&["import", s(&p), s(&fifo)]);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains(pipe), "{stderr}");
    assert!(stdout.contains("0 imported"), "{stdout}");
    assert_eq!(state(&p), before, "the project is unchanged");

    refused_with(&["scan", s(&fifo)], pipe);

    let good = write(
        dir.path(),
        "good.txt",
        b"Officials assisted 1,255 workers\n",
    );
    let (_, stderr) = refused(&["import-pair", s(&p), s(&fifo), s(&good)]);
    assert!(stderr.contains("a named pipe"), "{stderr}");
    let (_, stderr) = refused(&["qa", "--pair", s(&fifo), s(&good)]);
    assert!(stderr.contains("a named pipe"), "{stderr}");

    let tmx = dir.path().join("fifo.tmx");
    mkfifo(&tmx);
    refused_with(
        &["qa", s(&tmx)],
        "fifo.tmx: cannot read it: it is a named pipe",
    );

    let jsonl = dir.path().join("fifo.jsonl");
    mkfifo(&jsonl);
    refused_with(
        &["import-annotations", s(&p), s(&jsonl), "--format", "spacy"],
        "fifo.jsonl: cannot read it: it is a named pipe, not a regular file",
    );
    let ann = write(dir.path(), "brat/doc.ann", b"T1\tCount 0 5\t1,255\n");
    mkfifo(&ann.with_extension("txt"));
    refused_with(
        &["import-annotations", s(&p), s(&ann), "--format", "brat"],
        "doc.txt: it is a named pipe, not a regular file",
    );
    assert_eq!(state(&p), before, "the project is unchanged");
}

#[test]
fn a_link_to_a_device_is_refused_as_a_device_before_reading() {
    let (dir, p) = project();
    let before = state(&p);
    let zero = dir.path().join("z.txt");
    symlink("/dev/zero", &zero);
    let device = "z.txt: cannot read it: it is a device, not a regular file";
    refused_with(&["scan", s(&zero)], device);
    let (_, stderr) = refused(&["import", s(&p), s(&zero)]);
    assert!(stderr.contains(device), "{stderr}");
    assert_eq!(state(&p), before, "the project is unchanged");
}

#[test]
fn a_file_over_the_limit_is_refused_by_the_bytes_it_holds() {
    let (dir, p) = project();
    let before = state(&p);
    let big = write(dir.path(), "big.txt", &vec![b'7'; 2 << 20]);
    let (_, stderr) = refused(&["import", s(&p), s(&big), "--max-mb", "1"]);
    assert!(
        stderr.contains("big.txt: 2097152 bytes is over the limit of 1048576 bytes"),
        "{stderr}"
    );
    // A kernel file reports size 0 and holds megabytes: the bytes read count.
    let kallsyms = Path::new("/proc/kallsyms");
    if kallsyms.exists() {
        let link = dir.path().join("kallsyms.txt");
        symlink("/proc/kallsyms", &link);
        let (_, stderr) = refused(&["import", s(&p), s(&link), "--max-mb", "1"]);
        assert!(
            stderr.contains(
                "kallsyms.txt: over the limit of 1048576 bytes (it reported 0 bytes but held more)"
            ),
            "{stderr}"
        );
    } else {
        eprintln!("no /proc/kallsyms here: the unit test in src/import/read.rs covers it");
    }
    assert_eq!(state(&p), before, "the project is unchanged");
}

#[test]
fn a_page_nested_too_deep_is_refused_with_its_reason() {
    let (dir, p) = project();
    let before = state(&p);
    let deep = write(dir.path(), "deep.html", deep_html(100_000).as_bytes());
    let reason = "deep.html: its elements are nested more than 1000 levels deep; \
                  Tualek reads pages nested up to 1000 levels";
    refused_with(&["scan", s(&deep)], reason);
    let (_, stderr) = refused(&["import", s(&p), s(&deep)]);
    assert!(stderr.contains(reason), "{stderr}");
    assert_eq!(state(&p), before, "the project is unchanged");

    // Deep but within the limit: read.
    let ok = write(dir.path(), "ok.html", deep_html(900).as_bytes());
    let out = run(&["scan", s(&ok)]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("1,255"));
}

#[test]
fn a_folder_import_lists_what_it_cannot_read_and_imports_the_rest() {
    let (dir, p) = project();
    let folder = dir.path().join("in");
    write(
        &folder,
        "a-good.txt",
        b"Officials assisted 1,255 workers.\n",
    );
    write(
        &folder,
        "b-good.html",
        b"<html><head><title>Page</title></head><body><p>493 women</p></body></html>",
    );
    write(&folder, "c-deep.html", deep_html(100_000).as_bytes());
    mkfifo(&folder.join("d-fifo.txt"));
    symlink("/dev/zero", &folder.join("e-zero.txt"));
    symlink(".", &folder.join("f-loop"));
    std::fs::create_dir(folder.join("g.txt")).unwrap(); // a folder named like a file: walked into

    let (stdout, stderr) = refused(&["import", s(&p), s(&folder)]);
    assert!(stdout.contains("2 imported"), "{stdout}");
    assert!(stdout.contains("4 refused"), "{stdout}\n{stderr}");
    let line = |name: &str| {
        stderr
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} is listed: {stderr}"))
            .to_string()
    };
    assert!(line("c-deep.html").contains("nested more than 1000 levels deep"));
    assert!(line("d-fifo.txt").contains("it is a named pipe, not a regular file"));
    assert!(line("e-zero.txt").contains("it is a device, not a regular file"));
    assert!(
        line("f-loop").contains("cannot read it: it links back to"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 4, "{stderr}");

    let docs = String::from_utf8(run(&["docs", s(&p)]).stdout).unwrap();
    assert!(docs.contains("a-good"), "{docs}");
    assert!(docs.contains("Page"), "{docs}");
}

#[test]
fn a_page_of_a_hundred_thousand_line_breaks_is_read_without_hanging() {
    // Each break used to look back over every break before it: quadratic,
    // minutes for this page (the run's deadline catches a return of that).
    let dir = tempfile::tempdir().unwrap();
    let page = format!(
        "<html><body>{}<p>493 women</p></body></html>",
        "<div><br></div>".repeat(100_000)
    );
    let breaks = write(dir.path(), "breaks.html", page.as_bytes());
    let out = run(&["scan", s(&breaks)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("493"));
}
