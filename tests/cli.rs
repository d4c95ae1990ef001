//! The command line, run as a user runs it: exit codes, messages, output formats.

mod common;

use common::cli::{fails, ok, tualek};

use common::{ENGLISH, LAO, span_of, write};

fn setup() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.tualek").to_string_lossy().into_owned();
    ok(&["new", &project]);
    write(dir.path(), "docs/lao.txt", LAO.as_bytes());
    write(dir.path(), "docs/english.txt", ENGLISH.as_bytes());
    let docs = dir.path().join("docs");
    let out = ok(&["import", &project, docs.to_str().unwrap()]);
    assert!(
        out.contains("2 imported (4 figures found), 0 already present, 0 refused"),
        "{out}"
    );
    (dir, project)
}

/// The id of the figure `text` in the document file `doc`, from `figures --format jsonl`.
fn figure(p: &str, doc: &str, text: &str) -> String {
    let out = ok(&["figures", p, "--format", "jsonl"]);
    out.lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|r| r["doc"] == doc && r["text"] == text)
        .unwrap_or_else(|| panic!("no {text} in {doc}: {out}"))["id"]
        .to_string()
}

#[test]
fn a_review_session_from_the_terminal() {
    let (dir, p) = setup();
    let docs = ok(&["docs", &p]);
    assert!(
        docs.contains("english") && docs.contains("lao") && docs.contains("0/2"),
        "{docs}"
    );

    let table = ok(&["figures", &p]);
    assert!(
        table.lines().next().unwrap().starts_with("id  doc  span"),
        "{table}"
    );
    assert!(
        table.contains("1,255") && table.contains("unreviewed"),
        "{table}"
    );

    let workers = figure(&p, "english.txt", "1,255");
    let lao_women = figure(&p, "lao.txt", "493");
    assert_eq!(
        ok(&[
            "review", &p, &workers, "fix", "--value", "1256", "--note", "typo"
        ]),
        format!("figure {workers} corrected\n")
    );
    assert_eq!(
        ok(&["review", &p, &lao_women, "reject"]),
        format!("figure {lao_women} rejected\n")
    );
    // A figure the extractor missed, added by hand ("Officials" is no figure; it stands in).
    let out = ok(&[
        "add", &p, "--doc", "1", "--start", "0", "--end", "9", "--kind", "other", "--value", "1",
    ]);
    assert!(out.starts_with("added figure "), "{out}");

    let only = ok(&["figures", &p, "--status", "rejected", "--format", "jsonl"]);
    let rec: serde_json::Value = serde_json::from_str(only.trim()).unwrap();
    assert_eq!(rec["text"], "493");
    assert_eq!(rec["doc"], "lao.txt");
    assert_eq!(
        rec["start"],
        serde_json::json!(LAO.chars().take_while(|&c| c != '4').count())
    );
    assert_eq!(rec["reviewer"], "cli-tester");

    assert!(ok(&["undo", &p]).starts_with("undone #4: add figure"));
    assert!(ok(&["undo", &p]).starts_with("undone #3: reject figure"));
    assert!(ok(&["figures", &p, "--status", "rejected", "--format", "jsonl"]).is_empty());
    assert!(ok(&["redo", &p]).starts_with("redone #3"));
    let history = ok(&["history", &p]);
    for needle in [
        "import 2 documents",
        "fix figure",
        "undo #3",
        "redo #3",
        "cli-tester",
    ] {
        assert!(history.contains(needle), "{needle} missing in\n{history}");
    }
    let history_json = ok(&["history", &p, "--format", "jsonl"]);
    let fix: serde_json::Value =
        serde_json::from_str(history_json.lines().nth(1).unwrap()).unwrap();
    assert_eq!(fix["action"], "review.fix");
    assert_eq!(fix["changes"][0]["before"]["row"]["value"], "1255");
    assert_eq!(fix["changes"][0]["after"]["row"]["value"], "1256");

    let out_path = dir.path().join("gold.jsonl");
    let out = ok(&[
        "export",
        &p,
        "--format",
        "jsonl",
        "--out",
        out_path.to_str().unwrap(),
        "--status",
        "confirmed,corrected",
    ]);
    assert_eq!(
        out,
        format!("exported 1 figures to {}\n", out_path.display())
    );
    let line = std::fs::read_to_string(&out_path).unwrap();
    let rec: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    for key in [
        "doc",
        "start",
        "end",
        "text",
        "kind",
        "value",
        "value_max",
        "unit",
        "status",
        "reviewer",
        "reviewed_at",
        "doc_title",
        "language",
    ] {
        assert!(rec.get(key).is_some(), "{key} missing in {rec}");
    }
    assert_eq!(rec["value"], serde_json::json!(1256), "a JSON number");
    assert_eq!(
        (rec["language"].as_str(), rec["doc_title"].as_str()),
        (Some("en"), Some("english"))
    );

    let csv_path = dir.path().join("gold.csv");
    ok(&[
        "export",
        &p,
        "--format",
        "csv",
        "--out",
        csv_path.to_str().unwrap(),
    ]);
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "doc,start,end,text,kind,value,value_max,unit,status,reviewer,reviewed_at,note,doc_title,language,id,origin"
    );
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("english.txt,19,24,\"1,255\",count,1256,,workers,corrected,cli-tester,"),
        "{csv}"
    );
    assert!(csv.contains("lao.txt,"));
}

#[test]
fn scan_prints_gold_records_without_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "lao.txt", LAO.as_bytes());
    let out = ok(&["scan", file.to_str().unwrap()]);
    let records: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2, "{out}");
    let sp = span_of(LAO, "1,255");
    assert_eq!(records[0]["doc"], "lao.txt");
    assert_eq!(
        (records[0]["start"].as_u64(), records[0]["end"].as_u64()),
        (Some(sp.start as u64), Some(sp.end as u64))
    );
    assert_eq!(records[0]["value"], serde_json::json!(1255));
    let table = ok(&["scan", "--format", "table", file.to_str().unwrap()]);
    assert!(table.contains("1,255") && table.contains("493"), "{table}");
    assert!(
        fails(&["scan", dir.path().join("missing.txt").to_str().unwrap()]).contains("missing.txt")
    );
}

#[test]
fn extract_reruns_over_a_project() {
    let (_dir, p) = setup();
    let out = ok(&["extract", &p]);
    assert!(
        out.starts_with("2 documents: 0 figures added, 0 updated, 0 marked stale"),
        "{out}"
    );
}

#[test]
fn bad_input_gets_a_one_line_reason_and_changes_nothing() {
    let (dir, p) = setup();
    let before = ok(&["history", &p, "--format", "jsonl"]);
    let missing = dir.path().join("missing.tualek");
    assert!(fails(&["docs", missing.to_str().unwrap()]).contains("no such project file"));
    assert!(fails(&["new", &p]).contains("already there"));
    assert!(fails(&["review", &p, "42", "confirm"]).contains("figure 42 not found"));
    assert!(fails(&["review", &p, "42", "fix"]).contains("fix needs --value"));
    assert!(
        fails(&["add", &p, "--doc", "2", "--start", "2", "--end", "5"])
            .contains("splits a character cluster")
    );
    assert!(
        fails(&["add", &p, "--doc", "1", "--start", "5", "--end", "500"])
            .contains("outside the document")
    );
    assert!(
        fails(&["add", &p, "--doc", "9", "--start", "0", "--end", "1"])
            .contains("document 9 not found")
    );
    let text = write(dir.path(), "plain.txt", b"not a project");
    assert!(fails(&["docs", text.to_str().unwrap()]).contains("not a Tualek project"));
    assert_eq!(
        ok(&["history", &p, "--format", "jsonl"]),
        before,
        "nothing was written"
    );

    // Usage errors come from clap with exit code 2.
    let out = tualek(&["review", &p, "1", "approve"]);
    assert_eq!(out.status.code(), Some(2));
    let out = tualek(&["figures", &p, "--status", "maybe"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown status 'maybe'"));
}

#[test]
fn an_import_with_bad_files_imports_the_rest_and_exits_non_zero() {
    let (dir, p) = setup();
    write(dir.path(), "more/ok.md", b"# More\n\n12 cases");
    write(dir.path(), "more/bad.txt", b"\xC3\x28 invalid");
    let more = dir.path().join("more");
    let out = tualek(&["import", &p, more.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stdout.contains("1 imported (1 figures found), 0 already present, 1 refused"),
        "{stdout}"
    );
    assert!(
        stderr.contains("bad.txt: not valid UTF-8 (at byte 0)"),
        "{stderr}"
    );
    assert!(ok(&["docs", &p]).contains("More"));
}

#[test]
fn a_failed_export_leaves_no_file_behind() {
    let (dir, p) = setup();
    let target = dir.path().join("out");
    std::fs::create_dir(&target).unwrap(); // a folder where the file should go
    assert!(
        fails(&[
            "export",
            &p,
            "--format",
            "csv",
            "--out",
            target.to_str().unwrap()
        ])
        .contains("cannot write")
    );
    let nowhere = dir.path().join("no/such/dir/x.jsonl");
    assert!(
        fails(&[
            "export",
            &p,
            "--format",
            "jsonl",
            "--out",
            nowhere.to_str().unwrap()
        ])
        .contains("cannot write")
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".tualek-export")
        })
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    assert!(std::fs::read_dir(&target).unwrap().next().is_none());
}

#[test]
fn an_export_replaces_an_old_file_whole() {
    let (dir, p) = setup();
    let out = dir.path().join("gold.jsonl");
    std::fs::write(
        &out,
        "old content that is much longer than the new export will be\n".repeat(100),
    )
    .unwrap();
    ok(&[
        "export",
        &p,
        "--format",
        "jsonl",
        "--out",
        out.to_str().unwrap(),
    ]);
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        written.lines().count(),
        4,
        "the four figures, no old tail: {written}"
    );
    assert!(!written.contains("old content"));
}

#[test]
fn align_links_a_translation_and_links_lists_what_disagrees() {
    let (_d, p) = setup();
    let out = ok(&["align", &p, "1", "2"]);
    assert!(
        out.starts_with("linked 2 pairs of figures; 0 links in the project disagree"),
        "{out}"
    );
    let lines: Vec<serde_json::Value> = ok(&["links", &p, "--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines
            .iter()
            .all(|l| l["agrees"] == true && l["relation"] == "translation")
    );
    assert_eq!(lines[0]["a"]["text"], "1,255");
    assert_eq!(lines[0]["b"]["text"], "1,255");

    // Aligning again links nothing new; linking a linked pair is refused.
    assert!(fails(&["align", &p, "1", "2"]).contains("linked already"));
    let (a, b) = (
        figure(&p, "lao.txt", "493"),
        figure(&p, "english.txt", "493"),
    );
    assert!(fails(&["link", &p, &a, &b]).contains("linked already"));

    // A fix that makes the Lao say 439 shows as the one disagreement.
    ok(&["review", &p, &a, "fix", "--value", "439"]);
    let table = ok(&["links", &p, "--disagreeing"]);
    assert_eq!(table.lines().count(), 2, "header and one link: {table}");
    assert!(
        table.contains("439") && table.contains("disagrees"),
        "{table}"
    );
    // Undo takes the fix back; redo and undo of the alignment work like any action.
    ok(&["undo", &p]);
    assert_eq!(ok(&["links", &p, "--disagreeing"]).lines().count(), 1);
    ok(&["undo", &p]);
    assert_eq!(ok(&["links", &p]).lines().count(), 1, "only the header");
}

#[test]
fn a_note_alone_changes_no_status_and_undoes() {
    let (_d, p) = setup();
    let id = figure(&p, "english.txt", "1,255");
    let record = |p: &str| -> serde_json::Value {
        let out = ok(&["figures", p, "--format", "jsonl"]);
        out.lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .find(|r| r["id"].as_i64() == id.parse::<i64>().ok())
            .unwrap()
    };
    let out = ok(&["note", &p, &id, "check the ILO table"]);
    assert!(out.contains("note saved"), "{out}");
    let r = record(&p);
    assert_eq!(r["note"], "check the ILO table");
    assert_eq!(r["status"], "unreviewed", "a note is no decision");
    // The same note again changes nothing and says so.
    let err = fails(&["note", &p, &id, "check the ILO table"]);
    assert!(err.contains("unchanged"), "{err}");
    ok(&["undo", &p]);
    assert_eq!(record(&p)["note"], serde_json::Value::Null);
    ok(&["redo", &p]);
    ok(&["note", &p, &id, ""]);
    assert_eq!(record(&p)["note"], serde_json::Value::Null);
    let history = ok(&["history", &p, "--format", "jsonl"]);
    let notes = history
        .lines()
        .filter(|l| l.contains("\"kind\":\"do\",\"action\":\"figure.note\""))
        .count();
    assert_eq!(notes, 2, "{history}");
}
