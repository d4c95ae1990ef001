//! Claims on the command line: `tualek claims` lists them (JSON Lines with
//! each field's type checked, or a table), filters them, and runs the
//! reviewer's decisions on them, each undoable.

mod common;

use common::cli::{fails, ok, tualek};
use common::write;
use serde_json::Value;

/// A project with one document per text (imported in name order: 0.txt is document 1).
fn project(texts: &[&str]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.tualek").to_string_lossy().into_owned();
    ok(&["new", &project]);
    for (i, text) in texts.iter().enumerate() {
        write(dir.path(), &format!("docs/{i}.txt"), text.as_bytes());
    }
    let docs = dir.path().join("docs");
    ok(&["import", &project, docs.to_str().unwrap()]);
    (dir, project)
}

const A: &str = "Police recorded 96 new human trafficking cases in 2024.\n";
const B: &str = "Laos recorded 46 new human trafficking cases in 2024.\n";
const C: &str = "The ministry counted 96 human trafficking cases in 2024.\n";
/// A Lao word first, so code points and bytes differ; and a hedge.
const HEDGED: &str = "ລາຍງານ: Officials said more than 1,000 workers were assisted in 2023.\n";
const EXACT: &str = "The ministry assisted 1,255 workers in 2023.\n";

fn claims(p: &str, filters: &[&str]) -> Vec<Value> {
    let mut args = vec!["claims", p, "--format", "jsonl"];
    args.extend_from_slice(filters);
    ok(&args)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The claim with a mention of `text` in document file `doc`.
fn claim_with<'c>(claims: &'c [Value], doc: &str, text: &str) -> Option<&'c Value> {
    claims.iter().find(|c| {
        c["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["doc"] == doc && m["text"] == text)
    })
}

fn id_of(c: &Value) -> String {
    c["id"].as_str().unwrap().to_string()
}

#[test]
fn jsonl_gives_each_claim_with_its_fields_and_types() {
    let (_d, p) = project(&[A, B]);
    let all = claims(&p, &[]);
    let c = claim_with(&all, "0.txt", "96").expect("96 and 46 cases are one claim");
    let id = c["id"].as_str().unwrap();
    assert!(id.starts_with('c') && id[1..].parse::<u32>().is_ok(), "{c}");
    assert!(c["description"].as_str().unwrap().contains("case"), "{c}");
    assert!(c["description"].as_str().unwrap().contains("2024"), "{c}");
    assert_eq!(c["verdict"], "disagrees");
    assert_eq!(c["agrees"], false);
    assert_eq!(c["state"], "suggested");
    let score = c["score"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&score), "{c}");
    assert!(
        c["reason"].as_str().unwrap().contains("same time 2024"),
        "{c}"
    );
    assert_eq!(c["notes"], Value::Array(vec![]));
    let mentions = c["mentions"].as_array().unwrap();
    assert_eq!(mentions.len(), 2, "{c}");
    let docs: Vec<&str> = mentions
        .iter()
        .map(|m| m["doc"].as_str().unwrap())
        .collect();
    assert_eq!(docs, ["0.txt", "1.txt"], "the source file names");
    let m = &mentions[0];
    assert!(m["figure"].is_i64(), "{m}");
    assert_eq!(m["doc_title"], "0");
    assert_eq!(
        (m["start"].as_u64(), m["end"].as_u64()),
        (Some(16), Some(18))
    );
    assert_eq!(m["text"], "96");
    assert!(m["value"].is_number(), "a JSON number: {m}");
    assert_eq!(m["value"].as_u64(), Some(96));
    assert!(m["value_max"].is_null());
    assert!(m["hedge"].is_null());
    assert_eq!(
        m["sentence"],
        "Police recorded 96 new human trafficking cases in 2024."
    );
    assert_eq!(mentions[1]["value"].as_u64(), Some(46));
    // The claim's id is its lowest figure id.
    let lowest = mentions.iter().map(|m| m["figure"].as_i64().unwrap()).min();
    assert_eq!(Some(format!("c{}", lowest.unwrap())), Some(id.to_string()));
}

#[test]
fn a_hedged_figure_keeps_its_words_and_offsets_count_code_points() {
    let (_d, p) = project(&[HEDGED, EXACT]);
    let all = claims(&p, &[]);
    let c = claim_with(&all, "0.txt", "1,000").expect("1,000 and 1,255 workers: one claim");
    assert_eq!(c["verdict"], "hedged", "{c}");
    assert_eq!(c["agrees"], true, "only a disagreement does not agree");
    let m = &c["mentions"][0];
    assert_eq!(m["hedge"], "more than");
    // "ລາຍງານ: Officials said more than " is 33 code points (and more bytes).
    assert_eq!(
        (m["start"].as_u64(), m["end"].as_u64()),
        (Some(33), Some(38))
    );
    assert_eq!(m["value"].as_u64(), Some(1000));
    assert!(c["mentions"][1]["hedge"].is_null());
    // --disagreeing leaves it out.
    assert!(claim_with(&claims(&p, &["--disagreeing"]), "0.txt", "1,000").is_none());
}

#[test]
fn filters_by_verdict_and_state() {
    let (_d, p) = project(&[
        "Police recorded 96 new human trafficking cases in 2024. Officials said more than \
         1,000 workers were assisted in 2023.\n",
        "Laos recorded 46 new human trafficking cases in 2024. The ministry assisted 1,255 \
         workers in 2023.\n",
    ]);
    let all = claims(&p, &[]);
    assert!(all.len() >= 2, "{all:?}");
    let cases = id_of(claim_with(&all, "0.txt", "96").unwrap());
    let workers = id_of(claim_with(&all, "0.txt", "1,000").unwrap());
    assert_ne!(cases, workers);
    assert_eq!(all[0]["verdict"], "disagrees", "disagreements first");

    let disagreeing = claims(&p, &["--disagreeing"]);
    assert!(disagreeing.iter().all(|c| c["verdict"] == "disagrees"));
    assert!(disagreeing.iter().any(|c| id_of(c) == cases));
    assert!(!disagreeing.iter().any(|c| id_of(c) == workers));

    assert!(claims(&p, &["--accepted"]).is_empty());
    assert_eq!(claims(&p, &["--suggested"]).len(), all.len());
    ok(&["claims", &p, "accept", &workers]);
    let accepted = claims(&p, &["--accepted"]);
    assert_eq!(accepted.len(), 1, "{accepted:?}");
    assert_eq!(id_of(&accepted[0]), workers);
    assert_eq!(accepted[0]["state"], "accepted");
    assert!(
        !claims(&p, &["--suggested"])
            .iter()
            .any(|c| id_of(c) == workers)
    );
    assert!(claims(&p, &["--accepted", "--disagreeing"]).is_empty());

    let both = tualek(&["claims", &p, "--accepted", "--suggested"]);
    assert!(
        !both.status.success(),
        "--accepted and --suggested conflict"
    );
}

#[test]
fn accept_dismiss_split_and_note_on_the_command_line() {
    let (_d, p) = project(&[A, B, C]);
    let all = claims(&p, &[]);
    let c = claim_with(&all, "0.txt", "96").unwrap();
    let id = id_of(c);
    let figures: Vec<String> = c["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["figure"].to_string())
        .collect();
    assert_eq!(figures.len(), 3, "{c}");

    let out = ok(&["claims", &p, "accept", &id]);
    assert!(
        out.starts_with(&format!("accepted claim {id}: figures ")),
        "{out}"
    );
    assert!(out.contains("(2 new links)"), "{out}");
    let links = ok(&["links", &p, "--format", "jsonl"]);
    assert_eq!(links.lines().count(), 2, "{links}");
    assert!(
        links.lines().all(|l| l.contains("\"relation\":\"same\"")),
        "{links}"
    );
    let now = claims(&p, &["--accepted"]);
    assert_eq!(now.len(), 1);
    assert_eq!(now[0]["reviewer"], "cli-tester");
    assert!(now[0]["reviewed_at"].as_str().unwrap().ends_with('Z'));
    let again = fails(&["claims", &p, "accept", &id]);
    assert!(again.contains("accepted already"), "{again}");

    let out = ok(&["claims", &p, "note", &id, "Xinhua counts cases opened"]);
    assert_eq!(out.trim(), format!("claim {id}: note saved"));
    assert_eq!(
        claims(&p, &["--accepted"])[0]["notes"],
        serde_json::json!(["Xinhua counts cases opened"])
    );
    let table = ok(&["claims", &p]);
    assert!(
        table.lines().next().unwrap().starts_with("claim  state"),
        "{table}"
    );
    assert!(table.contains("Xinhua counts cases opened"), "{table}");
    let row = table
        .lines()
        .find(|l| l.starts_with(&format!("{id} ")))
        .unwrap();
    assert!(
        row.contains("96 · 46 · 96"),
        "values in source order: {table}"
    );
    assert!(row.contains("0.txt · 1.txt · 2.txt"), "{table}");
    assert!(
        row.contains("accepted") && row.contains("disagrees"),
        "{table}"
    );

    // Split the third report out: the first two stay one accepted claim.
    let third = &figures[2];
    let out = ok(&["claims", &p, "split", &id, third]);
    assert_eq!(
        out.trim(),
        format!("split figure {third} out of claim {id}")
    );
    let after = claims(&p, &[]);
    let kept = claim_with(&after, "0.txt", "96").unwrap();
    assert_eq!(kept["state"], "accepted");
    assert_eq!(kept["mentions"].as_array().unwrap().len(), 2, "{kept}");
    assert!(claim_with(&after, "2.txt", "96").is_none(), "{after:?}");
    let history = ok(&["history", &p]);
    assert!(history.contains("split figure"), "{history}");

    // Undo brings it back into the claim.
    ok(&["undo", &p]);
    let back = claims(&p, &[]);
    assert_eq!(
        claim_with(&back, "0.txt", "96").unwrap()["mentions"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn a_dismissed_claim_is_gone_from_the_list_until_undone() {
    let (_d, p) = project(&[A, B]);
    let id = id_of(claim_with(&claims(&p, &[]), "0.txt", "96").unwrap());
    let out = ok(&["claims", &p, "dismiss", &id]);
    assert!(out.starts_with(&format!("dismissed claim {id}")), "{out}");
    assert!(claim_with(&claims(&p, &[]), "0.txt", "96").is_none());
    let err = fails(&["claims", &p, "dismiss", &id]);
    assert_eq!(err.trim(), format!("tualek: claim {id} not found"));
    ok(&["undo", &p]);
    assert!(claim_with(&claims(&p, &[]), "0.txt", "96").is_some());
}

#[test]
fn bad_claim_ids_and_figures_are_refused_with_nothing_changed() {
    let (_d, p) = project(&[A, B]);
    let c = claim_with(&claims(&p, &[]), "0.txt", "96").unwrap().clone();
    let id = id_of(&c);
    let history = ok(&["history", &p, "--format", "jsonl"]);

    let err = fails(&["claims", &p, "accept", "c9999"]);
    assert_eq!(err.trim(), "tualek: claim c9999 not found");
    let err = fails(&["claims", &p, "split", &id, "9999"]);
    assert!(
        err.contains(&format!("figure 9999 is not in claim {id}")),
        "{err}"
    );
    let err = fails(&["claims", &p, "merge", &id, &id]);
    assert!(err.contains("one claim already"), "{err}");
    let err = fails(&["claims", &p, "note", &id, ""]);
    assert!(err.contains("note is unchanged"), "{err}");
    let bad = tualek(&["claims", &p, "accept", "x1"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a claim id"));

    assert_eq!(ok(&["history", &p, "--format", "jsonl"]), history);
    assert_eq!(claim_with(&claims(&p, &[]), "0.txt", "96"), Some(&c));
}
