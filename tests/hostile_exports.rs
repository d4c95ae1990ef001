//! Exports to hostile or careless targets (issue 14, item 5): a device, the
//! standard output, a pipe, a read-only file, a folder; the modes of what is
//! written; CSV cells a spreadsheet would run; `--doc` of no document.
#![cfg(unix)]

mod common;

use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;

use common::cli::{fails, ok, tualek};
use common::{ENGLISH, write};

/// A project with one English document titled `title`, its first figure
/// confirmed; returns the folder and the project's path.
fn project(title: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.tualek").display().to_string();
    ok(&["new", &p]);
    let text = format!("{ENGLISH}Prices fell -5 % in a year.\n");
    let doc = write(dir.path(), "english.txt", text.as_bytes());
    ok(&["import", &p, doc.to_str().unwrap()]);
    ok(&["doc", &p, "1", "--title", title]);
    ok(&["review", &p, "1", "confirm"]);
    (dir, p)
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

fn out_in(dir: &tempfile::TempDir, name: &str) -> (PathBuf, String) {
    let path = dir.path().join(name);
    let shown = path.display().to_string();
    (path, shown)
}

#[test]
fn a_full_device_is_written_to_not_renamed_over_and_the_export_fails() {
    let (dir, p) = project("Labour report");
    let before = std::fs::read(&p).unwrap();
    let files = common::folder_names(dir.path());
    for format in ["csv", "jsonl", "spacy", "webanno"] {
        let err = fails(&["export", &p, "--format", format, "--out", "/dev/full"]);
        assert!(
            err.contains("could not write to /dev/full: no space left on device"),
            "{format}: {err}"
        );
        let meta = std::fs::symlink_metadata("/dev/full").unwrap();
        assert!(
            meta.file_type().is_char_device(),
            "{format}: /dev/full is still a device"
        );
    }
    assert_eq!(std::fs::read(&p).unwrap(), before, "project unchanged");
    assert_eq!(
        common::folder_names(dir.path()),
        files,
        "nothing left beside the project"
    );
    // No dataset card went into /dev.
    assert!(!Path::new("/dev/README.md").exists());
}

#[test]
fn dash_is_the_standard_output_and_the_summary_goes_to_stderr() {
    let (dir, p) = project("Labour report");
    let files = common::folder_names(dir.path());
    let out = tualek(&["export", &p, "--format", "jsonl", "--out", "-"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let records: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l:?}")))
        .collect();
    assert_eq!(records.len(), 3, "{stdout}");
    assert_eq!(records[0]["text"], "1,255");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr, "exported 3 figures to -\n");
    assert_eq!(common::folder_names(dir.path()), files, "no file named '-'");

    // A gold format too; its card cannot go anywhere, and it says so.
    let out = tualek(&["export", &p, "--format", "spacy", "--out", "-"]);
    assert_eq!(out.status.code(), Some(0));
    let line: serde_json::Value =
        serde_json::from_slice(out.stdout.split(|b| *b == b'\n').next().unwrap()).unwrap();
    assert!(line["text"].as_str().unwrap().contains("1,255"), "{line}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("no dataset card written: the export went to the standard output"),
        "{stderr}"
    );
    assert_eq!(
        common::folder_names(dir.path()),
        files,
        "no card beside the project"
    );
}

#[test]
fn dev_stdout_redirected_to_a_file_is_written_into_not_replaced() {
    let (dir, p) = project("Labour report");
    let (out, shown) = out_in(&dir, "redirected.jsonl");
    let status = Command::new("sh")
        .arg("-c")
        .arg("exec \"$0\" export \"$1\" --format jsonl --out /dev/stdout 2>/dev/null >\"$2\"")
        .arg(env!("CARGO_BIN_EXE_tualek"))
        .arg(&p)
        .arg(&shown)
        .env("TUALEK_REVIEWER", "cli-tester")
        .status()
        .unwrap();
    assert!(status.success());
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().count(), 3, "{text}");
    assert_eq!(
        common::folder_names(dir.path()),
        ["english.txt", "p.tualek", "redirected.jsonl"]
    );
}

#[test]
fn a_folder_format_refuses_dash_and_a_device() {
    let (dir, p) = project("Labour report");
    let files = common::folder_names(dir.path());
    let err = fails(&["export", &p, "--format", "brat", "--out", "-"]);
    assert!(
        err.contains("brat writes a folder of files") && err.contains("standard output"),
        "{err}"
    );
    let err = fails(&["export", &p, "--format", "brat", "--out", "/dev/null"]);
    assert!(err.contains("not /dev/null"), "{err}");
    assert_eq!(common::folder_names(dir.path()), files);
    assert!(
        std::fs::symlink_metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[test]
fn a_named_pipe_is_written_into_and_stays_a_pipe() {
    let (dir, p) = project("Labour report");
    let (fifo, shown) = out_in(&dir, "pipe");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    ok(&["export", &p, "--format", "csv", "--out", &shown]);
    let text = reader.join().unwrap();
    assert!(text.starts_with("doc,start,end,text"), "{text}");
    assert_eq!(text.lines().count(), 4, "{text}");
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

#[test]
fn a_read_only_target_is_refused_and_left_as_it_was() {
    let (dir, p) = project("Labour report");
    let (out, shown) = out_in(&dir, "figures.csv");
    std::fs::write(&out, "my own spreadsheet\n").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&p).unwrap();
    let files = common::folder_names(dir.path());
    for format in ["csv", "spacy"] {
        let err = fails(&["export", &p, "--format", format, "--out", &shown]);
        assert!(
            err.contains(&format!("{shown} is read-only; nothing was written")),
            "{err}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "my own spreadsheet\n"
    );
    assert_eq!(mode(&out), 0o444);
    assert_eq!(std::fs::read(&p).unwrap(), before, "project unchanged");
    assert_eq!(
        common::folder_names(dir.path()),
        files,
        "no temporary file left"
    );
}

#[test]
fn a_folder_where_a_file_is_expected_is_refused() {
    let (dir, p) = project("Labour report");
    let (folder, shown) = out_in(&dir, "exports");
    std::fs::create_dir(&folder).unwrap();
    let err = fails(&["export", &p, "--format", "jsonl", "--out", &shown]);
    assert!(
        err.contains(&format!(
            "cannot write {shown}: it is a folder; give the name of a file"
        )),
        "{err}"
    );
    assert!(common::folder_names(&folder).is_empty());
    let missing = dir.path().join("no such folder").join("f.csv");
    let err = fails(&[
        "export",
        &p,
        "--format",
        "csv",
        "--out",
        missing.to_str().unwrap(),
    ]);
    assert!(err.contains("does not exist; nothing was written"), "{err}");
}

#[test]
fn a_replaced_file_keeps_its_mode_and_a_new_one_follows_the_umask() {
    let (dir, p) = project("Labour report");
    let (old, shown) = out_in(&dir, "old.csv");
    std::fs::write(&old, "old\n").unwrap();
    for kept in [0o644, 0o640, 0o600, 0o664] {
        std::fs::set_permissions(&old, std::fs::Permissions::from_mode(kept)).unwrap();
        ok(&["export", &p, "--format", "csv", "--out", &shown]);
        assert_eq!(mode(&old), kept, "mode {kept:o} kept");
        assert!(std::fs::read_to_string(&old).unwrap().starts_with("doc,"));
    }
    for (umask, expected) in [
        ("022", 0o644),
        ("027", 0o640),
        ("077", 0o600),
        ("002", 0o664),
    ] {
        let (new, shown) = out_in(&dir, &format!("new-{umask}.jsonl"));
        let status = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "umask {umask} && exec \"$0\" export \"$1\" --format jsonl --out \"$2\" >/dev/null"
            ))
            .arg(env!("CARGO_BIN_EXE_tualek"))
            .arg(&p)
            .arg(&shown)
            .env("TUALEK_REVIEWER", "cli-tester")
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(mode(&new), expected, "umask {umask}");
    }
}

#[test]
fn a_symbolic_link_to_a_file_stays_a_link_and_its_file_is_replaced() {
    let (dir, p) = project("Labour report");
    let (real, _) = out_in(&dir, "real.csv");
    std::fs::write(&real, "old\n").unwrap();
    let (link, shown) = out_in(&dir, "link.csv");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    ok(&["export", &p, "--format", "csv", "--out", &shown]);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(std::fs::read_to_string(&real).unwrap().starts_with("doc,"));
}

#[test]
fn csv_text_cells_that_start_like_a_formula_get_a_quote() {
    let title = "=HYPERLINK(\"http://x\")";
    let (dir, p) = project(title);
    ok(&["note", &p, "1", "@SUM(A1:A9)"]);
    let (out, shown) = out_in(&dir, "figures.csv");
    ok(&["export", &p, "--format", "csv", "--out", &shown]);
    let mut reader = csv::Reader::from_path(&out).unwrap();
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 3);
    for row in &rows {
        assert_eq!(&row[col("doc_title")], "'=HYPERLINK(\"http://x\")");
    }
    assert_eq!(&rows[0][col("note")], "'@SUM(A1:A9)");
    let minus = rows
        .iter()
        .find(|r| r[col("text")].contains('5') && r[col("kind")] == *"percent");
    let minus = minus.unwrap_or_else(|| panic!("no -5 % figure: {rows:?}"));
    assert_eq!(&minus[col("text")], "'-5 %", "a text cell is quoted");
    assert_eq!(&minus[col("value")], "-5", "a number is left a number");
    // JSON Lines carries the title as it is: no spreadsheet reads it.
    let jsonl = ok(&["figures", &p, "--format", "jsonl"]);
    assert!(
        jsonl.contains("\"doc_title\":\"=HYPERLINK(\\\"http://x\\\")\""),
        "{jsonl}"
    );
}

#[test]
fn a_document_id_not_in_the_project_is_refused_and_nothing_written() {
    let (dir, p) = project("Labour report");
    let before = std::fs::read(&p).unwrap();
    let (out, shown) = out_in(&dir, "out.jsonl");
    let reason = "document 999 is not in the project";
    for format in ["jsonl", "csv", "spacy"] {
        let err = fails(&[
            "export", &p, "--format", format, "--out", &shown, "--doc", "999",
        ]);
        assert!(err.contains(reason), "{format}: {err}");
        assert!(!out.exists(), "{format}: nothing written");
    }
    assert!(fails(&["extract", &p, "--doc", "999"]).contains(reason));
    assert!(fails(&["figures", &p, "--doc", "999"]).contains(reason));
    assert_eq!(std::fs::read(&p).unwrap(), before, "project unchanged");
    // The document that is there still works.
    ok(&[
        "export", &p, "--format", "jsonl", "--out", &shown, "--doc", "1",
    ]);
    assert!(out.exists());
}

/// Runs `tualek` as the user `nobody` (through util-linux's `setpriv`);
/// `None` where that is not possible (not root, or no setpriv).
fn as_nobody(args: &[&str]) -> Option<std::process::Output> {
    let root = std::fs::metadata("/proc/self").is_ok_and(|m| {
        use std::os::unix::fs::MetadataExt;
        m.uid() == 0
    });
    if !root {
        return None;
    }
    Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_tualek"))
        .args(args)
        .env("TUALEK_REVIEWER", "nobody")
        .output()
        .ok()
}

#[test]
fn a_file_or_folder_this_user_cannot_write_is_refused() {
    let (dir, p) = project("Labour report");
    // The project is nobody's to open; the folder beside it is not.
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o666)).unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let into_locked = locked.join("x.csv").display().to_string();
    let Some(out) = as_nobody(&["export", &p, "--format", "csv", "--out", &into_locked]) else {
        eprintln!("skipped: cannot run as another user here");
        return;
    };
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("does not let you write in it; nothing was written"),
        "{err}"
    );
    assert!(common::folder_names(&locked).is_empty());

    // root's file in a folder anyone may write in: the rename would work,
    // but the file is not this user's to replace.
    let (theirs, shown) = out_in(&dir, "theirs.csv");
    std::fs::write(&theirs, "root's\n").unwrap();
    std::fs::set_permissions(&theirs, std::fs::Permissions::from_mode(0o644)).unwrap();
    let files = common::folder_names(dir.path());
    let out = as_nobody(&["export", &p, "--format", "csv", "--out", &shown]).unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&format!("{shown} is read-only; nothing was written")),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "root's\n");
    assert_eq!(common::folder_names(dir.path()), files);
}
