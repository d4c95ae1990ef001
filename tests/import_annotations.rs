//! `tualek import-annotations`: round trips through each format Tualek
//! writes, and each bad span listed with its reason, never shifted.

mod common;

use std::path::{Path, PathBuf};

use common::cli::{fails, ok, tualek};

const LAO: &str = "ມີ75ຄົນ ໄດ້ຮັບເງິນ 65,5 ລ້ານ ກີບ.\r\n😀 ປີ 2024 ມີ 12 ແຂວງ.\r\n";
const ENGLISH: &str = "In 2024, 75 people 😀 got 65.5 million kip in 12 provinces.\n";

struct Project {
    dir: tempfile::TempDir,
    path: String,
}

impl Project {
    fn new() -> Project {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.tualek").to_str().unwrap().to_string();
        ok(&["new", &path]);
        Project { dir, path }
    }

    /// A project holding both texts, every figure the extractor found confirmed.
    fn reviewed() -> Project {
        let p = Project::new();
        let lo = common::write(p.dir.path(), "lo.txt", LAO.as_bytes());
        let en = common::write(p.dir.path(), "en.txt", ENGLISH.as_bytes());
        ok(&[
            "import",
            &p.path,
            lo.to_str().unwrap(),
            en.to_str().unwrap(),
        ]);
        for f in p.figures() {
            ok(&["review", &p.path, &f["id"].to_string(), "confirm"]);
        }
        p
    }

    fn figures(&self) -> Vec<serde_json::Value> {
        ok(&["figures", &self.path, "--format", "jsonl"])
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    fn export(&self, format: &str) -> PathBuf {
        let out = self.dir.path().join(format!("out.{format}.jsonl"));
        ok(&[
            "export",
            &self.path,
            "--format",
            format,
            "--out",
            out.to_str().unwrap(),
        ]);
        out
    }

    fn import(&self, file: &Path, format: &str, extra: &[&str]) -> std::process::Output {
        let mut args = vec![
            "import-annotations",
            &self.path,
            file.to_str().unwrap(),
            "--format",
            format,
        ];
        args.extend_from_slice(extra);
        tualek(&args)
    }
}

/// What a figure states, whoever made it: (text, kind, value, value_max, unit, start, end).
fn readings(figures: &[serde_json::Value]) -> Vec<String> {
    let mut out: Vec<String> = figures
        .iter()
        .filter(|f| f["status"] != "stale")
        .map(|f| {
            format!(
                "{} {} {} {} {} {} {}",
                f["text"], f["kind"], f["value"], f["value_max"], f["unit"], f["start"], f["end"]
            )
        })
        .collect();
    out.sort();
    out
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn exports_come_back_as_the_same_figures() {
    let a = Project::reviewed();
    let original = readings(&a.figures());
    assert!(original.len() >= 8);
    for format in ["spacy", "prodigy", "brat", "labelstudio", "doccano"] {
        let file = a.export(format);
        let b = Project::new();
        let out = b.import(&file, format, &[]);
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        let back = b.figures();
        assert_eq!(readings(&back), original, "{format}");
        assert!(back.iter().all(|f| f["status"] == "unreviewed"));
        let origin = format!("imported:{format}");
        assert!(back.iter().all(|f| f["origin"] == origin.as_str()));
        assert_eq!(ok(&["docs", &b.path]).lines().count(), 3, "two documents");
        // The same file again changes nothing.
        let again = b.import(&file, format, &[]);
        assert!(String::from_utf8_lossy(&again.stdout).contains("imported 0 figures"));
        assert_eq!(b.figures().len(), back.len());
        // A re-run of the extractor leaves imported figures alone.
        ok(&["extract", &b.path]);
        assert_eq!(readings(&b.figures()), original, "{format} after extract");
    }
}

#[test]
fn tualek_jsonl_reads_the_figures_of_documents_the_project_holds() {
    let a = Project::reviewed();
    let file = a.dir.path().join("figures.jsonl");
    ok(&[
        "export",
        &a.path,
        "--format",
        "jsonl",
        "--status",
        "confirmed",
        "--out",
        file.to_str().unwrap(),
    ]);
    // A fresh project with the same texts: the extractor's unreviewed figures
    // at the same spans are read anew as the file says.
    let b = Project::new();
    let lo = common::write(b.dir.path(), "lo.txt", LAO.as_bytes());
    let en = common::write(b.dir.path(), "en.txt", ENGLISH.as_bytes());
    ok(&[
        "import",
        &b.path,
        lo.to_str().unwrap(),
        en.to_str().unwrap(),
    ]);
    let out = b.import(&file, "tualek", &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(readings(&b.figures()), readings(&a.figures()));
    assert!(b.figures().iter().all(|f| f["origin"] == "imported:tualek"));
    // Without the documents there is nothing to hang the figures on.
    let c = Project::new();
    let out = c.import(&file, "tualek", &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("the project holds no document “lo.txt”"),
        "{}",
        stderr(&out)
    );
}

/// A spaCy line with the given spans over `text`.
fn spacy_line(text: &str, spans: &[(usize, usize, &str, Option<&str>)]) -> String {
    let spans: Vec<serde_json::Value> = spans
        .iter()
        .map(
            |(s, e, label, t)| serde_json::json!({"start": s, "end": e, "label": label, "text": t}),
        )
        .collect();
    serde_json::json!({"text": text, "spans": spans}).to_string() + "\n"
}

#[test]
fn each_bad_span_is_listed_with_its_reason_and_the_good_ones_import() {
    let p = Project::new();
    let text = "ມີ75ຄົນ in 2019–2020 and 12 more.";
    // 75 at 2..4; 2019–2020 at 11..20; 2019 at 11..15; 12 at 25..27.
    let file = common::write(
        p.dir.path(),
        "bad.jsonl",
        spacy_line(
            text,
            &[
                (2, 4, "count", Some("75")),
                (11, 20, "date", None),
                (11, 15, "year", Some("2019")),
                (3, 4, "count", Some("75")),
                (26, 28, "count", Some("12")),
                (25, 27, "AMOUNT", None),
                (25, 99, "count", None),
                (1, 2, "count", None),
                (18, 22, "count", None),
            ],
        )
        .as_bytes(),
    );
    let out = p.import(&file, "spacy", &[]);
    assert_eq!(out.status.code(), Some(2), "some spans were left out");
    let err = stderr(&out);
    for (at, why) in [
        (
            "span 4",
            "the file gives “75” but the document has “5” at 3..4",
        ),
        ("span 5", "the file gives “12” but the document has"),
        ("span 6", "unknown label “AMOUNT”"),
        ("span 7", "is outside the document (33 characters)"),
        ("span 8", "splits a character cluster"),
        ("span 9", "crosses figure “2019–2020” at 11..20"),
    ] {
        assert!(
            err.lines().any(|l| l.contains(at) && l.contains(why)),
            "{at}: {why}\n{err}"
        );
    }
    // The three that fit are there, nested range and year included; the
    // range's value came from the extractor, since the file gives none.
    let figures = p.figures();
    assert_eq!(figures.len(), 3, "{figures:?}");
    let range = figures.iter().find(|f| f["text"] == "2019–2020").unwrap();
    assert_eq!(range["value"], 2019);
    assert_eq!(range["value_max"], 2020);
    // With a labels file the unknown label maps to a kind.
    let labels = common::write(p.dir.path(), "labels.txt", b"AMOUNT = count\n");
    let out = p.import(&file, "spacy", &["--labels", labels.to_str().unwrap()]);
    assert!(!stderr(&out).contains("AMOUNT"), "{}", stderr(&out));
    assert_eq!(p.figures().len(), 4);
}

#[test]
fn strict_imports_nothing_when_a_span_does_not_fit_and_undo_takes_an_import_back() {
    let p = Project::new();
    let text = "In 2024, 75 people came.";
    let lines = spacy_line(text, &[(3, 7, "year", None), (9, 30, "count", None)]);
    let file = common::write(p.dir.path(), "a.jsonl", lines.as_bytes());
    let out = p.import(&file, "spacy", &["--strict"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("nothing imported"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        ok(&["docs", &p.path]).lines().count(),
        1,
        "no document either"
    );
    let good = spacy_line(text, &[(3, 7, "year", None), (9, 11, "count", None)]);
    let file = common::write(p.dir.path(), "b.jsonl", good.as_bytes());
    assert!(p.import(&file, "spacy", &["--strict"]).status.success());
    assert_eq!(p.figures().len(), 2);
    ok(&["undo", &p.path]);
    assert!(p.figures().is_empty());
    assert_eq!(ok(&["docs", &p.path]).lines().count(), 1);
}

#[test]
fn a_file_of_another_format_is_refused_with_what_is_wrong() {
    let p = Project::new();
    let csv = common::write(p.dir.path(), "f.csv", b"doc,start,end\nlo.txt,1,2\n");
    let why = fails(&[
        "import-annotations",
        &p.path,
        csv.to_str().unwrap(),
        "--format",
        "spacy",
    ]);
    assert!(why.contains("not spaCy JSON Lines: line 1:"), "{why}");
    let doccano = common::write(
        p.dir.path(),
        "d.jsonl",
        br#"{"text": "12 people", "label": [[0, 2, "count"]]}"#,
    );
    let why = fails(&[
        "import-annotations",
        &p.path,
        doccano.to_str().unwrap(),
        "--format",
        "tualek",
    ]);
    assert!(
        why.contains("not Tualek JSON Lines: line 1: missing field"),
        "{why}"
    );
    let empty = common::write(p.dir.path(), "e.jsonl", b"\n");
    let why = fails(&[
        "import-annotations",
        &p.path,
        empty.to_str().unwrap(),
        "--format",
        "prodigy",
    ]);
    assert!(why.contains("holds no lines"), "{why}");
    let missing = p.dir.path().join("missing.jsonl");
    let why = fails(&[
        "import-annotations",
        &p.path,
        missing.to_str().unwrap(),
        "--format",
        "doccano",
    ]);
    assert_eq!(why.matches("cannot read it").count(), 1, "{why}");
    assert_eq!(ok(&["docs", &p.path]).lines().count(), 1);
}
