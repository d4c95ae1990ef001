//! `tualek qa`, `import-pair`, `accept-segment` and bilingual `import`, run as
//! a user runs them: the number check of a translation with and without a
//! project, its exit codes, and the checked pair written back as TMX and CSV.

mod common;

use common::cli::{fails, ok, tualek};
use common::tools::{dtd_valid, tool_present, translate_toolkit_units};

/// Our own sentences: unit 2 translates 1,255 as 1,525, unit 3 drops the 40.
const TMX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="hand" creationtoolversion="1" segtype="sentence" o-tmf="none"
          adminlang="en" srclang="lo" datatype="plaintext"/>
  <body>
    <tu><tuv xml:lang="lo"><seg>ມີນັກຮຽນ ໑໒ ຄົນ ໃນປີ 2024.</seg></tuv>
        <tuv xml:lang="en"><seg>There were 12 students in 2024.</seg></tuv></tu>
    <tu><tuv xml:lang="lo"><seg>ແຮງງານ <ph x="1">&lt;b/&gt;</ph>1,255 ຄົນ ກັບຄືນ.</seg></tuv>
        <tuv xml:lang="en"><seg>Some <ph x="1">&lt;b/&gt;</ph>1,525 workers came back.</seg></tuv></tu>
    <tu><tuv xml:lang="lo"><seg>ມີ 12 ແຂວງ ແລະ 40 ເມືອງ.</seg></tuv>
        <tuv xml:lang="en"><seg>There are 12 provinces.</seg></tuv></tu>
    <tu><tuv xml:lang="lo"><seg>ງົບປະມານ 65,5 ລ້ານ ກີບ.</seg></tuv>
        <tuv xml:lang="en"><seg>A budget of 65.5 million kip.</seg></tuv></tu>
  </body>
</tmx>
"#;

fn lines(out: &str) -> Vec<serde_json::Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn qa_lists_the_flagged_segments_of_a_tmx_without_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let tmx = common::write(dir.path(), "units.tmx", TMX.as_bytes());
    let path = tmx.to_str().unwrap();
    let found = lines(&ok(&["qa", path, "--format", "jsonl"]));
    let got: Vec<(u64, &str)> = found
        .iter()
        .map(|l| {
            (
                l["segment"].as_u64().unwrap(),
                l["verdict"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, [(2, "mismatch"), (3, "missing")]);
    let mismatch = &found[0];
    assert_eq!(mismatch["source"], "ແຮງງານ 1,255 ຄົນ ກັບຄືນ.");
    let figures = mismatch["figures"].as_array().unwrap();
    let source = figures.iter().find(|f| f["side"] == "source").unwrap();
    assert_eq!(source["text"], "1,255");
    assert_eq!(source["value"], 1255, "an exact JSON number");
    assert_eq!(source["role"], "mismatch");
    // Offsets are code points into the segment's text.
    let (start, end) = (
        source["start"].as_u64().unwrap() as usize,
        source["end"].as_u64().unwrap() as usize,
    );
    let text: String = mismatch["source"]
        .as_str()
        .unwrap()
        .chars()
        .skip(start)
        .take(end - start)
        .collect();
    assert_eq!(text, "1,255");

    // Every segment with --all; the table names the verdicts.
    assert_eq!(
        lines(&ok(&["qa", path, "--format", "jsonl", "--all"])).len(),
        4
    );
    let table = ok(&["qa", path]);
    assert!(
        table.contains("mismatch") && table.contains("missing"),
        "{table}"
    );

    // The gate: exit 2 when problems are found, 0 when there are none.
    let gated = tualek(&["qa", path, "--fail-on-problems"]);
    assert_eq!(gated.status.code(), Some(2));
    let clean = common::write(
        dir.path(),
        "clean.tmx",
        TMX.replace("1,525", "1,255")
            .replace(
                "There are 12 provinces.",
                "There are 12 provinces and 40 districts.",
            )
            .as_bytes(),
    );
    let out = tualek(&["qa", clean.to_str().unwrap(), "--fail-on-problems"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn qa_refuses_an_unreadable_file_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let bad = common::write(dir.path(), "bad.tmx", b"<tmx version=\"1.4\"><body><tu>");
    let why = fails(&["qa", bad.to_str().unwrap()]);
    assert!(why.contains("bad.tmx"), "{why}");
    let html = common::write(dir.path(), "page.xlf", b"<html><body>12</body></html>");
    let why = fails(&["qa", html.to_str().unwrap()]);
    assert!(why.contains("<html>"), "{why}");
    let a = common::write(dir.path(), "a.txt", "ໜຶ່ງ 1\nສອງ 2\n".as_bytes());
    let b = common::write(dir.path(), "b.txt", b"one 1\n");
    let why = fails(&["qa", "--pair", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(why.contains("2 lines") && why.contains("1"), "{why}");
    let why = fails(&["qa"]);
    assert!(why.contains("--pair"), "{why}");
}

#[test]
fn a_line_pair_is_checked_line_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let a = common::write(dir.path(), "a.txt", "ມີ ໓ ຄົນ.\nປີ 2020.\n".as_bytes());
    let b = common::write(dir.path(), "b.txt", b"There were 3 people.\nIn 2021.\n");
    let found = lines(&ok(&[
        "qa",
        "--pair",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--format",
        "jsonl",
    ]));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["segment"], 2);
    assert_eq!(found[0]["verdict"], "mismatch");
}

#[test]
fn in_a_project_a_pair_is_imported_checked_accepted_and_written_back() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.tualek");
    let p = project.to_str().unwrap();
    ok(&["new", p]);
    let tmx = common::write(dir.path(), "units.tmx", TMX.as_bytes());
    let imported = ok(&["import", p, tmx.to_str().unwrap()]);
    assert!(
        imported.contains("as a translation pair: documents 1 and 2, 4 segments"),
        "{imported}"
    );
    let flagged = lines(&ok(&["qa", p, "--pair", "1", "2", "--format", "jsonl"]));
    assert_eq!(flagged.len(), 2);

    ok(&[
        "accept-segment",
        p,
        "1",
        "2",
        "3",
        "--note",
        "the districts are left out on purpose",
    ]);
    let after = lines(&ok(&["qa", p, "--pair", "1", "2", "--format", "jsonl"]));
    let third = after.iter().find(|l| l["segment"] == 3).unwrap();
    assert_eq!(third["accepted"], true);
    assert_eq!(third["note"], "the districts are left out on purpose");
    let gated = tualek(&["qa", p, "--pair", "1", "2", "--fail-on-problems"]);
    assert_eq!(gated.status.code(), Some(2), "segment 2 is still open");
    let why = fails(&["accept-segment", p, "1", "2", "1"]);
    assert!(why.contains("no problem"), "{why}");

    // Written back: TMX with each verdict and note, valid and readable; CSV.
    let out = dir.path().join("checked.tmx");
    ok(&[
        "qa",
        p,
        "--pair",
        "1",
        "2",
        "--format",
        "tmx",
        "--out",
        out.to_str().unwrap(),
    ]);
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(
        written.contains(r#"<prop type="x-tualek-verdict">mismatch</prop>"#),
        "{written}"
    );
    assert!(written.contains("<note>the districts are left out on purpose</note>"));
    assert!(
        written.contains(r#"<ph x="1">&lt;b/&gt;</ph>"#),
        "inline tags kept: {written}"
    );
    if tool_present("xmllint", &["--version"], "xmllint (libxml2-utils)") {
        dtd_valid(&out).unwrap();
    }
    if tool_present(
        "python3",
        &["-c", "import translate.storage.tmx"],
        "translate-toolkit",
    ) {
        let units = translate_toolkit_units(&out);
        assert_eq!(units.len(), 4);
        assert_eq!(units[0].1, "There were 12 students in 2024.");
        assert!(units[2].2.contains("left out on purpose"), "{units:?}");
    }
    let csv_out = dir.path().join("qa.csv");
    ok(&[
        "qa",
        p,
        "--pair",
        "1",
        "2",
        "--format",
        "csv",
        "--out",
        csv_out.to_str().unwrap(),
    ]);
    let mut reader = csv::Reader::from_path(&csv_out).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);

    // Flag again, then undo restores the acceptance.
    ok(&["accept-segment", p, "1", "2", "3", "--flag-again"]);
    let again = lines(&ok(&["qa", p, "--pair", "1", "2", "--format", "jsonl"]));
    assert!(again.iter().all(|l| l["accepted"] == false));
    ok(&["undo", p]);
    let undone = lines(&ok(&["qa", p, "--pair", "1", "2", "--format", "jsonl"]));
    assert!(undone.iter().any(|l| l["accepted"] == true));
}

#[test]
fn import_pair_aligns_two_text_files_and_align_links_inside_the_lines() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.tualek");
    let p = project.to_str().unwrap();
    ok(&["new", p]);
    let a = common::write(
        dir.path(),
        "lo.txt",
        "ມີ ໓ ຄົນ ແລະ 5 ເມືອງ.\nປີ 2020 ມີ 5 ຄົນ.\n".as_bytes(),
    );
    let b = common::write(
        dir.path(),
        "en.txt",
        b"There were 3 people in 5 districts.\nIn 2020, 5 people.\n",
    );
    let out = ok(&["import-pair", p, a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(out.contains("2 segments"), "{out}");
    let linked = ok(&["align", p, "1", "2"]);
    assert!(linked.starts_with("linked 4 pairs"), "{linked}");
    let bad = common::write(dir.path(), "short.txt", b"one line\n");
    let out = tualek(&["import-pair", p, a.to_str().unwrap(), bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("2 lines") && err.contains("1"), "{err}");
}
