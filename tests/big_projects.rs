//! Big projects: listings and exports streamed a row at a time, and an
//! import that stores figures as the extractor finds them. These tests check
//! that streaming changed nothing a user sees (the speed and memory are the
//! benchmark's, `examples/bench_big_project.rs`), that a listing never reads
//! a document's text, and that an import is still all or nothing.

mod common;

use std::path::{Path, PathBuf};

use common::cli::{ok, tualek};
use common::{ENGLISH, LAO, write};
use tualek::app::{Command, Decision, FigureFields, Project};
use tualek::export::Record;
use tualek::export::annotations::{GoldFormat, GoldOptions, GoldSet, export_gold, write_gold};
use tualek::import::ImportOptions;
use tualek::model::{DocumentMeta, Figure, Status};
use tualek::store::FigureFilter;

/// A project of three documents (Lao, English, HTML) with a confirmed, a
/// corrected and a rejected figure (its note full of CSV's specials), and an
/// undone import whose figures must not be listed.
fn mixed_project(dir: &Path) -> (PathBuf, Project) {
    let path = dir.join("mixed.tualek");
    let mut p = Project::create(&path, "tester").unwrap();
    let lo = write(dir, "src/lao.txt", LAO.repeat(3).as_bytes());
    let en = write(dir, "src/english.txt", ENGLISH.repeat(2).as_bytes());
    let html = write(
        dir,
        "src/page.html",
        b"<html><head><title>Budget 2024</title></head><body><p>Spending rose 12.5% to \
          4,200 million kip, and 3 to 5 schools opened.</p></body></html>",
    );
    let report = p
        .import(&[lo, en, html], &ImportOptions::default(), &mut |_| true)
        .unwrap();
    assert_eq!(report.added.len(), 3, "{:?}", report.refused);
    let ids: Vec<i64> = all_figures(&p).iter().map(|f| f.id).collect();
    assert!(ids.len() >= 8, "the documents hold figures: {ids:?}");
    let review = |p: &mut Project, figure, decision, note: Option<&str>| {
        p.execute(Command::Review {
            figure,
            decision,
            note: note.map(str::to_string),
        })
        .unwrap();
    };
    review(&mut p, ids[0], Decision::Confirm, None);
    let fix = FigureFields {
        value: Some("1256".parse().unwrap()),
        ..Default::default()
    };
    review(
        &mut p,
        ids[1],
        Decision::Fix(fix),
        Some("typo in the source"),
    );
    let note = "says \"about\", not exact;\nsee page 2";
    review(&mut p, ids[ids.len() - 1], Decision::Reject, Some(note));
    let gone = write(dir, "src/gone.txt", b"In 1999 there were 77 wells.\n");
    p.import(&[gone], &ImportOptions::default(), &mut |_| true)
        .unwrap();
    p.undo().unwrap();
    (path, p)
}

fn all_figures(p: &Project) -> Vec<Figure> {
    p.store().figures(&FigureFilter::default()).unwrap()
}

fn metas(p: &Project) -> Vec<DocumentMeta> {
    p.store().documents().unwrap()
}

/// The records of `figures`, as an export writes them.
fn expected_records(p: &Project, figures: &[Figure]) -> Vec<Record> {
    let docs = metas(p);
    figures
        .iter()
        .map(|f| Record::new(f, docs.iter().find(|d| d.id == f.document).unwrap()))
        .collect()
}

fn json_lines(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn as_json(records: &[Record]) -> Vec<serde_json::Value> {
    records
        .iter()
        .map(|r| serde_json::to_value(r).unwrap())
        .collect()
}

#[test]
fn figures_as_json_lines_are_every_figure_once_in_document_and_position_order() {
    let dir = tempfile::tempdir().unwrap();
    let (path, p) = mixed_project(dir.path());
    let listed = ok(&["figures", path.to_str().unwrap(), "--format", "jsonl"]);
    let lines = json_lines(&listed);
    let figures = all_figures(&p);
    assert_eq!(lines.len(), figures.len(), "one line per figure");
    assert_eq!(lines, as_json(&expected_records(&p, &figures)));
    let places: Vec<(String, u64, u64)> = lines
        .iter()
        .map(|l| {
            (
                l["doc"].as_str().unwrap().to_string(),
                l["start"].as_u64().unwrap(),
                l["end"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut docs_in_order: Vec<&str> = places.iter().map(|(d, _, _)| d.as_str()).collect();
    docs_in_order.dedup();
    assert_eq!(docs_in_order, ["lao.txt", "english.txt", "page.html"]);
    for pair in places.windows(2) {
        if pair[0].0 == pair[1].0 {
            assert!(pair[0].1 <= pair[1].1, "by position: {pair:?}");
        }
    }
    assert!(
        !listed.contains("wells") && !listed.contains("\"77\""),
        "the undone import"
    );
    let statuses: Vec<&str> = lines
        .iter()
        .map(|l| l["status"].as_str().unwrap())
        .collect();
    for s in ["confirmed", "corrected", "rejected", "unreviewed"] {
        assert!(statuses.contains(&s), "{s} in {statuses:?}");
    }
}

#[test]
fn figures_filtered_by_document_and_status_list_only_those() {
    let dir = tempfile::tempdir().unwrap();
    let (path, p) = mixed_project(dir.path());
    let project = path.to_str().unwrap();
    let english = metas(&p)[1].id.to_string();
    let listed = ok(&["figures", project, "--format", "jsonl", "--doc", &english]);
    let filter = FigureFilter {
        document: Some(metas(&p)[1].id),
        statuses: vec![],
    };
    let figures = p.store().figures(&filter).unwrap();
    assert!(!figures.is_empty());
    assert_eq!(
        json_lines(&listed),
        as_json(&expected_records(&p, &figures))
    );
    let reviewed = ok(&[
        "figures",
        project,
        "--format",
        "jsonl",
        "--status",
        "confirmed,rejected",
    ]);
    let statuses: Vec<String> = json_lines(&reviewed)
        .iter()
        .map(|l| l["status"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(statuses, ["confirmed", "rejected"]);
}

#[test]
fn the_figures_table_has_a_line_per_figure_its_columns_lined_up() {
    let dir = tempfile::tempdir().unwrap();
    let (path, p) = mixed_project(dir.path());
    let table = ok(&["figures", path.to_str().unwrap()]);
    let lines: Vec<&str> = table.lines().collect();
    let figures = all_figures(&p);
    assert_eq!(
        lines.len(),
        figures.len() + 1,
        "a header and a line per figure"
    );
    assert!(lines[0].starts_with("id  "), "{}", lines[0]);
    // Every line's span cell starts where the header's "span" does (in
    // terminal columns: Lao vowel marks take none).
    let column = |line: &str, cell: &str| {
        let at = line
            .find(cell)
            .unwrap_or_else(|| panic!("{cell} in {line}"));
        unicode_width::UnicodeWidthStr::width(&line[..at])
    };
    let span_column = column(lines[0], "span");
    let text_column = column(lines[0], "text");
    for (line, f) in lines[1..].iter().zip(&figures) {
        assert!(line.starts_with(&format!("{} ", f.id)), "{line}");
        let span = format!("{}..{}", f.span.start, f.span.end);
        assert_eq!(column(line, &span), span_column, "{line}");
        let after = line.find(&span).unwrap() + span.len();
        let text_at = after
            + line[after..]
                .find(&f.text)
                .expect("the text after the span");
        let width = unicode_width::UnicodeWidthStr::width(&line[..text_at]);
        assert_eq!(width, text_column, "{line}");
    }
}

#[test]
fn exports_as_json_lines_and_csv_hold_the_selected_figures_as_records() {
    let dir = tempfile::tempdir().unwrap();
    let (path, p) = mixed_project(dir.path());
    let project = path.to_str().unwrap();
    let jsonl = dir.path().join("out.jsonl");
    let said = ok(&[
        "export",
        project,
        "--format",
        "jsonl",
        "--out",
        jsonl.to_str().unwrap(),
    ]);
    let figures = all_figures(&p);
    assert!(
        said.contains(&format!("exported {} figures", figures.len())),
        "{said}"
    );
    let written = std::fs::read_to_string(&jsonl).unwrap();
    assert_eq!(
        json_lines(&written),
        as_json(&expected_records(&p, &figures))
    );
    // The export and the listing are the same bytes.
    assert_eq!(written, ok(&["figures", project, "--format", "jsonl"]));

    let csv_path = dir.path().join("out.csv");
    let reviewed = "confirmed,corrected,rejected";
    ok(&[
        "export",
        project,
        "--format",
        "csv",
        "--status",
        reviewed,
        "--out",
        csv_path.to_str().unwrap(),
    ]);
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    assert_eq!(
        reader.headers().unwrap(),
        &csv::StringRecord::from(Record::COLUMNS.to_vec())
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let chosen: Vec<Figure> = figures
        .into_iter()
        .filter(|f| f.status != Status::Unreviewed)
        .collect();
    let expected: Vec<Vec<String>> = expected_records(&p, &chosen)
        .iter()
        .map(|r| r.csv_row().to_vec())
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows, expected);
}

#[test]
fn listings_and_own_exports_never_read_a_document_text() {
    let dir = tempfile::tempdir().unwrap();
    let (path, p) = mixed_project(dir.path());
    let before = ok(&["figures", path.to_str().unwrap(), "--format", "jsonl"]);
    drop(p);
    // Texts no reader can take as a string: a command that read one would fail.
    // The search index's trigger is set aside for the change and put back as
    // it was: a project whose schema differs from Tualek's is refused.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let trigger: String = conn
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'document_search_update'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    conn.execute_batch(
        "DROP TRIGGER document_search_update; \
         UPDATE documents SET text = CAST(X'C328FFFE' AS TEXT);",
    )
    .unwrap();
    conn.execute_batch(&trigger).unwrap();
    drop(conn);
    let project = path.to_str().unwrap();
    let out = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    assert_eq!(ok(&["figures", project, "--format", "jsonl"]), before);
    ok(&["figures", project]);
    ok(&[
        "export",
        project,
        "--format",
        "jsonl",
        "--out",
        &out("a.jsonl"),
    ]);
    ok(&["export", project, "--format", "csv", "--out", &out("a.csv")]);
    // The check can fail: an export that needs the texts does read them.
    let spacy = tualek(&[
        "export",
        project,
        "--format",
        "spacy",
        "--out",
        &out("g.jsonl"),
    ]);
    assert!(!spacy.status.success(), "spaCy lines carry the text");
}

#[test]
fn a_streamed_gold_export_writes_what_the_whole_set_writes() {
    let dir = tempfile::tempdir().unwrap();
    let (_, p) = mixed_project(dir.path());
    let selection = tualek::export::Selection::default();
    for format in [GoldFormat::Spacy, GoldFormat::Prodigy, GoldFormat::Doccano] {
        let out = dir.path().join(format!("{}.jsonl", format.name()));
        let readme = dir.path().join("README.md");
        let options = GoldOptions::default();
        let set = GoldSet::load(p.store(), &selection).unwrap();
        let whole = write_gold(p.store(), &set, format, &out, &options).unwrap();
        let (file, card) = (
            std::fs::read(&out).unwrap(),
            std::fs::read(&readme).unwrap(),
        );
        let mut seen = Vec::new();
        let streamed = export_gold(
            p.store(),
            &selection,
            format,
            &out,
            &options,
            &mut |a, b| {
                seen.push((a, b));
                true
            },
        )
        .unwrap()
        .expect("not cancelled");
        assert_eq!(streamed, whole, "{format:?}");
        assert_eq!(std::fs::read(&out).unwrap(), file, "{format:?}");
        assert_eq!(std::fs::read(&readme).unwrap(), card, "{format:?}");
        assert_eq!(
            seen.last(),
            Some(&(3, 3)),
            "progress over the three documents"
        );
    }
    // A cancelled streamed export leaves the last file as it was.
    let out = dir.path().join("spacy.jsonl");
    let kept = std::fs::read(&out).unwrap();
    let options = GoldOptions::default();
    let cancelled = export_gold(
        p.store(),
        &selection,
        GoldFormat::Spacy,
        &out,
        &options,
        &mut |a, _| a < 1,
    )
    .unwrap();
    assert!(cancelled.is_none());
    assert_eq!(std::fs::read(&out).unwrap(), kept);
}

#[test]
fn an_import_streaming_its_figures_is_still_one_undoable_action() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.tualek");
    let mut p = Project::create(&path, "tester").unwrap();
    let big = LAO.repeat(400) + &ENGLISH.repeat(400);
    let a = write(dir.path(), "in/a.txt", big.as_bytes());
    let b = write(dir.path(), "in/b.txt", b"In 2020 we counted 41 boats.\n");
    // Cancelled after the big file: nothing of it stays.
    let report = p
        .import(
            &[a.clone(), b.clone()],
            &ImportOptions::default(),
            &mut |at| at.done < 1,
        )
        .unwrap();
    assert!(report.cancelled);
    assert!(metas(&p).is_empty() && all_figures(&p).is_empty());
    assert!(p.store().history().unwrap().is_empty());

    let report = p
        .import(&[a, b], &ImportOptions::default(), &mut |_| true)
        .unwrap();
    let stored = all_figures(&p).len();
    assert_eq!(report.figures, stored, "every figure found is stored");
    assert!(stored >= 1600, "{stored} figures");
    assert_eq!(p.store().history().unwrap().len(), 1, "one action");
    p.undo().unwrap();
    assert!(
        metas(&p).is_empty() && all_figures(&p).is_empty(),
        "undone whole"
    );
    p.redo().unwrap();
    assert_eq!(all_figures(&p).len(), stored, "redone whole");
}
