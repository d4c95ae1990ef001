//! W3C Web Annotation export of a project with Lao and English that
//! translate each other (CRLF lines, an emoji before a figure), its figures
//! linked by `tualek align`: the collection's shape, selectors that cut out
//! each figure in code points, `--base-iri`, and the W3C test schemas with
//! PyLD (tests/consumers/webanno_check.py) accepting it and refusing a
//! shifted selector.

mod common;

use std::path::{Path, PathBuf};

use common::cli::{fails, ok};
use serde_json::Value;

const LAO: &str = "ມີ75ຄົນ ໄດ້ຮັບເງິນ 65,5 ລ້ານ ກີບ.\r\n😀 ປີ 2024 ມີ 12 ແຂວງ.\r\n";
const ENGLISH: &str = "In 2024, 75 people got 😀 65.5 million kip in 12 provinces.\n";

/// A project with both texts (documents 1 and 2), every figure confirmed,
/// the two documents' figures linked.
fn project(dir: &Path) -> String {
    let p = dir.join("p.tualek").to_str().unwrap().to_string();
    ok(&["new", &p]);
    let lo = common::write(dir, "lo.txt", LAO.as_bytes());
    let en = common::write(dir, "en.txt", ENGLISH.as_bytes());
    ok(&["import", &p, lo.to_str().unwrap(), en.to_str().unwrap()]);
    let docs = ok(&["docs", &p]);
    assert!(docs.contains("1   lo") && docs.contains("2   en"), "{docs}");
    for line in ok(&["figures", &p, "--format", "jsonl"]).lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        ok(&["review", &p, &v["id"].to_string(), "confirm"]);
    }
    ok(&["align", &p, "1", "2"]);
    p
}

/// Exports as `webanno` beside the project, with `extra` arguments.
fn export(p: &str, name: &str, extra: &[&str]) -> (PathBuf, Value) {
    let out = Path::new(p).with_file_name(name);
    let mut args = vec!["export", p, "--format", "webanno", "--out"];
    args.push(out.to_str().unwrap());
    args.extend_from_slice(extra);
    ok(&args);
    let json = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    (out, json)
}

fn items(collection: &Value) -> &Vec<Value> {
    collection["first"]["items"].as_array().unwrap()
}

fn cp_slice(text: &str, start: u64, end: u64) -> String {
    let (s, e) = (start as usize, end as usize);
    text.chars().skip(s).take(e - s).collect()
}

/// The text, exact/prefix/suffix and offsets of one place (a target or body),
/// checked against the document `texts` has for its source.
fn check_place(place: &Value, texts: &[(String, &str)]) -> (String, u64) {
    let source = place["source"].as_str().unwrap();
    let text = texts
        .iter()
        .find(|(iri, _)| iri == source)
        .map(|(_, t)| *t)
        .unwrap_or_else(|| panic!("unknown source {source}"));
    let sel = place["selector"].as_array().unwrap();
    assert_eq!(sel[0]["type"], "TextQuoteSelector");
    assert_eq!(sel[1]["type"], "TextPositionSelector");
    let (start, end) = (
        sel[1]["start"].as_u64().unwrap(),
        sel[1]["end"].as_u64().unwrap(),
    );
    let exact = sel[0]["exact"].as_str().unwrap();
    assert_eq!(cp_slice(text, start, end), exact);
    let prefix = sel[0]["prefix"].as_str().unwrap();
    let suffix = sel[0]["suffix"].as_str().unwrap();
    let n = prefix.chars().count() as u64;
    assert!(n <= 32 && start >= n, "{prefix:?}");
    assert_eq!(cp_slice(text, start - n, start), prefix);
    let m = suffix.chars().count() as u64;
    assert_eq!(cp_slice(text, end, end + m), suffix);
    (exact.to_string(), start)
}

fn texts(base: &str) -> Vec<(String, &'static str)> {
    vec![(format!("{base}1"), LAO), (format!("{base}2"), ENGLISH)]
}

#[test]
fn a_collection_of_classifying_figures_and_linking_links() {
    let dir = tempfile::tempdir().unwrap();
    let p = project(dir.path());
    let (_, c) = export(&p, "gold.jsonld", &[]);
    assert_eq!(c["@context"][0], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(c["@context"][1]["tualek"], "https://tualek.org/ns#");
    assert_eq!(c["type"], "AnnotationCollection");
    assert_eq!(c["first"]["type"], "AnnotationPage");
    assert!(c["label"].as_str().unwrap().contains("8 figures"));
    let items = items(&c);
    assert_eq!(c["total"].as_u64().unwrap() as usize, items.len());
    let texts = texts("urn:tualek:doc:");
    let figures: Vec<&Value> = items
        .iter()
        .filter(|a| a["motivation"] == "classifying")
        .collect();
    assert_eq!(figures.len(), 8);
    for f in &figures {
        assert!(f["id"].as_str().unwrap().starts_with("urn:tualek:figure:"));
        assert_eq!(f["type"], "Annotation");
        let body = &f["body"];
        assert_eq!(body["type"], "TextualBody");
        assert_eq!(body["value"], body["kind"]);
        assert_eq!(body["status"], "confirmed");
        assert_eq!(body["reviewer"], "cli-tester");
        check_place(&f["target"], &texts);
    }
    // The emoji before "65.5 million" counts one code point (two UTF-16 units).
    let money = figures
        .iter()
        .find(|f| f["target"]["source"] == "urn:tualek:doc:2" && f["body"]["kind"] == "money")
        .unwrap();
    let (exact, start) = check_place(&money["target"], &texts);
    assert!(exact.starts_with("65.5"), "{exact}");
    let at = ENGLISH.chars().position(|c| c == '😀').unwrap() as u64 + 2;
    assert_eq!(start, at);
    assert_eq!(money["body"]["figureValue"], "65500000");
    assert_eq!(money["body"]["unit"], "LAK");
    let links: Vec<&Value> = items
        .iter()
        .filter(|a| a["motivation"] == "linking")
        .collect();
    assert_eq!(links.len(), 4, "align linked four pairs");
    for l in links {
        assert_eq!(l["relation"], "translation");
        assert_eq!(l["verdict"], "agrees");
        assert_eq!(l["linkedFigures"].as_array().unwrap().len(), 2);
        let (a, _) = check_place(&l["target"], &texts);
        let (b, _) = check_place(&l["body"], &texts);
        assert_ne!(l["target"]["source"], l["body"]["source"]);
        assert!(!a.is_empty() && !b.is_empty());
    }
}

#[test]
fn base_iri_names_the_documents_and_offsets_stay_code_points() {
    let dir = tempfile::tempdir().unwrap();
    let p = project(dir.path());
    let base = "https://example.org/texts/";
    let (_, c) = export(&p, "gold.jsonld", &["--base-iri", base]);
    let texts = texts(base);
    for a in items(&c) {
        for place in [&a["target"], &a["body"]] {
            if place.get("source").is_some() {
                assert!(place["source"].as_str().unwrap().starts_with(base));
                check_place(place, &texts);
            }
        }
    }
    let why = fails(&[
        "export",
        &p,
        "--format",
        "webanno",
        "--offsets",
        "utf16",
        "--out",
        dir.path().join("u.jsonld").to_str().unwrap(),
    ]);
    assert!(why.contains("code points"), "{why}");
}

/// Writes `{source IRI: text}` beside `export`, where the check looks for it.
fn write_texts(export: &Path) {
    let map: serde_json::Map<String, Value> = texts("urn:tualek:doc:")
        .into_iter()
        .map(|(iri, t)| (iri, Value::from(t)))
        .collect();
    let path = format!("{}.texts.json", export.display());
    std::fs::write(path, Value::Object(map).to_string()).unwrap();
}

#[test]
fn the_w3c_schemas_and_pyld_read_it_and_refuse_a_shifted_selector() {
    use common::tools::{consumer_check, consumers_python, tool_present};
    let probe = ["-c", "import jsonschema, pyld, referencing"];
    if !tool_present(&consumers_python(), &probe, "jsonschema and PyLD (PyPI)") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let p = project(dir.path());
    let (out, mut c) = export(&p, "gold.jsonld", &[]);
    write_texts(&out);
    let said = consumer_check("webanno_check.py", &out).unwrap();
    assert!(said.starts_with("12 annotations (4 links)"), "{said}");
    // The check can fail: one TextPositionSelector moved by one code point.
    let position = &mut c["first"]["items"][1]["target"]["selector"][1];
    for key in ["start", "end"] {
        position[key] = (position[key].as_u64().unwrap() + 1).into();
    }
    let shifted = dir.path().join("shifted.jsonld");
    std::fs::write(&shifted, c.to_string()).unwrap();
    write_texts(&shifted);
    let why = consumer_check("webanno_check.py", &shifted).unwrap_err();
    assert!(
        why.contains("urn:tualek:figure:") && why.contains(", not "),
        "{why}"
    );
}
