//! Links on the command line: `align` and `link` with a relation (or one read
//! from the documents' languages), `unlink` in one action, and `links` with
//! each link's relation and its values as JSON numbers.

mod common;

use common::cli::{fails, ok, tualek};

use common::{ENGLISH, LAO, write};
use serde_json::Value;

/// A project with two documents (imported in name order: a.txt is 1, b.txt is 2).
fn project(a: &str, b: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.tualek").to_string_lossy().into_owned();
    ok(&["new", &project]);
    write(dir.path(), "docs/a.txt", a.as_bytes());
    write(dir.path(), "docs/b.txt", b.as_bytes());
    let docs = dir.path().join("docs");
    ok(&["import", &project, docs.to_str().unwrap()]);
    (dir, project)
}

/// Two news stories in English that report the same facts (one slip: 439).
const STORY_A: &str = "Officials assisted 1,255 workers, including 493 women.\n";
const STORY_B: &str = "The ministry helped 1,255 workers, 439 of them women.\n";

fn links(p: &str) -> Vec<Value> {
    ok(&["links", p, "--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn figure(p: &str, doc: &str, text: &str) -> String {
    let out = ok(&["figures", p, "--format", "jsonl"]);
    out.lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|r| r["doc"] == doc && r["text"] == text)
        .unwrap_or_else(|| panic!("no {text} in {doc}: {out}"))["id"]
        .to_string()
}

fn relations(p: &str) -> Vec<String> {
    links(p)
        .iter()
        .map(|l| l["relation"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn align_takes_a_relation_and_otherwise_reads_it_from_the_languages() {
    // Lao and English: a translation.
    let (_d, p) = project(LAO, ENGLISH);
    let out = ok(&["align", &p, "1", "2"]);
    assert!(out.contains("relation: translation"), "{out}");
    assert_eq!(relations(&p), ["translation", "translation"]);
    ok(&["undo", &p]);
    let out = ok(&["align", &p, "1", "2", "--relation", "source"]);
    assert!(out.contains("relation: source"), "{out}");
    assert_eq!(relations(&p), ["source", "source"]);

    // Two English stories: the same facts, not a translation.
    let (_d2, news) = project(STORY_A, STORY_B);
    let out = ok(&["align", &news, "1", "2"]);
    assert!(out.contains("1 links in the project disagree"), "{out}");
    assert_eq!(relations(&news), ["same", "same"]);

    // A document that is not there, or a relation that is not one: refused, nothing written.
    assert!(fails(&["align", &news, "1", "9"]).contains("document 9 not found"));
    let bad = tualek(&["align", &news, "1", "2", "--relation", "cousin"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("cousin"));
    assert_eq!(links(&news).len(), 2);
}

#[test]
fn link_defaults_its_relation_the_same_way() {
    let (_d, p) = project(STORY_A, STORY_B);
    let (a, b) = (figure(&p, "a.txt", "493"), figure(&p, "b.txt", "439"));
    let out = ok(&["link", &p, &a, &b]);
    assert!(out.contains("(same): values disagree"), "{out}");
    let (a, b) = (figure(&p, "a.txt", "1,255"), figure(&p, "b.txt", "1,255"));
    let out = ok(&["link", &p, &a, &b, "--relation", "source"]);
    assert!(out.contains("(source): same value"), "{out}");
    assert_eq!(relations(&p), ["same", "source"]);
    assert!(fails(&["link", &p, "9999", &b]).contains("figure 9999 not found"));
}

#[test]
fn unlink_removes_every_link_given_in_one_undoable_action() {
    let (_d, p) = project(LAO, ENGLISH);
    ok(&["align", &p, "1", "2"]);
    let ids: Vec<String> = links(&p).iter().map(|l| l["id"].to_string()).collect();
    assert_eq!(ids.len(), 2);
    let actions = ok(&["history", &p, "--format", "jsonl"]).lines().count();

    // An unknown id refuses the whole command.
    let err = fails(&["unlink", &p, &ids[0], "999"]);
    assert!(err.contains("link 999 not found"), "{err}");
    assert_eq!(links(&p).len(), 2, "nothing removed");

    let out = ok(&["unlink", &p, &ids[0], &ids[1]]);
    assert!(out.contains("removed 2 links"), "{out}");
    assert!(links(&p).is_empty());
    let history = ok(&["history", &p, "--format", "jsonl"]);
    assert_eq!(
        history.lines().count(),
        actions + 1,
        "one action: {history}"
    );

    ok(&["undo", &p]);
    let back: Vec<String> = links(&p).iter().map(|l| l["id"].to_string()).collect();
    assert_eq!(back, ids, "undo brings both back");
    assert!(ok(&["unlink", &p, &ids[1]]).contains("removed 1 link"));
    assert_eq!(links(&p).len(), 1);
}

#[test]
fn links_give_values_as_json_numbers_and_each_relation() {
    let (_d, p) = project(LAO, ENGLISH);
    ok(&["align", &p, "1", "2"]);
    // An exact decimal that a float would not keep.
    let lao_493 = figure(&p, "a.txt", "493");
    ok(&[
        "review",
        &p,
        &lao_493,
        "fix",
        "--value",
        "493.10000000000000001",
    ]);

    let raw = ok(&["links", &p, "--format", "jsonl"]);
    assert!(raw.contains("\"value\":1255"), "{raw}");
    assert!(raw.contains("\"value\":493.10000000000000001"), "{raw}");
    assert!(!raw.contains("\"value\":\""), "no value as a string: {raw}");
    for line in links(&p) {
        for end in ["a", "b"] {
            assert!(line[end]["value"].is_number(), "{line}");
            assert!(line[end]["value_max"].is_null(), "{line}");
        }
        assert_eq!(line["relation"], "translation");
    }

    let table = ok(&["links", &p]);
    let header = table.lines().next().unwrap();
    assert!(header.starts_with("link  relation"), "{table}");
    assert_eq!(table.matches("translation").count(), 2, "{table}");
}
