//! The Label Studio export: a task per document, reviewed figures as an
//! annotation per reviewer, unreviewed ones as a prediction, links within a
//! document as relations, and the labeling config beside it; Label Studio's
//! own SDK validates it and converts it, and refuses a shifted region or an
//! undeclared label.

mod common;

use common::cli::ok;
use common::gold_project::{GoldProject, gold_project};
use serde_json::Value;

const ALL: &str = "confirmed,corrected,rejected,unreviewed";

/// Exports `gp` as Label Studio tasks (with `extra` arguments); the tasks' path.
fn export(gp: &GoldProject, extra: &[&str]) -> std::path::PathBuf {
    let out = std::path::Path::new(&gp.path).with_file_name("gold.json");
    let mut args = vec!["export", &gp.path, "--format", "labelstudio"];
    args.extend_from_slice(&["--out", out.to_str().unwrap()]);
    args.extend_from_slice(extra);
    ok(&args);
    out
}

fn tasks(path: &std::path::Path) -> Vec<Value> {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn labels(results: &Value) -> Vec<&Value> {
    results
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["type"] == "labels")
        .collect()
}

#[test]
fn tasks_hold_annotations_per_reviewer_predictions_and_relations() {
    let dir = tempfile::tempdir().unwrap();
    let gp = gold_project(dir.path());
    let out = export(&gp, &["--status", ALL]);
    let tasks = tasks(&out);
    assert_eq!(tasks.len(), 2);
    let lao = &tasks[0];
    assert_eq!(lao["data"]["language"], "lo");
    assert_eq!(lao["data"]["text"], common::gold_project::LAO);
    let text: Vec<char> = lao["data"]["text"].as_str().unwrap().chars().collect();
    let reviewers: Vec<&str> = lao["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["tualek_reviewer"].as_str().unwrap())
        .collect();
    assert_eq!(reviewers, ["kham", "noy"]);
    assert_eq!(
        lao["meta"]["tualek_reviewers"],
        serde_json::json!(reviewers)
    );
    // Every region cuts its text out of the task's text, in code points.
    let mut regions = 0;
    for list in lao["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .chain(lao["predictions"].as_array().unwrap())
    {
        for r in labels(&list["result"]) {
            regions += 1;
            let (s, e) = (
                r["value"]["start"].as_u64().unwrap() as usize,
                r["value"]["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                text[s..e].iter().collect::<String>(),
                r["value"]["text"].as_str().unwrap()
            );
            assert_eq!(r["from_name"], "label");
            assert_eq!(r["to_name"], "text");
        }
    }
    assert_eq!(regions, 4);
    // kham's rejection is a region whose status choice says so.
    let kham = &lao["annotations"][0]["result"];
    let rejected = kham
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["type"] == "choices")
        .unwrap();
    assert_eq!(
        rejected["value"]["choices"],
        serde_json::json!(["rejected"])
    );
    assert_eq!(rejected["id"], format!("f{}", gp.id("lo:2024")));
    // The unreviewed figure is the prediction, by this version of Tualek.
    let prediction = &lao["predictions"][0];
    assert_eq!(
        prediction["model_version"],
        format!("tualek {}", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(labels(&prediction["result"])[0]["value"]["text"], "12");
    // The reading of a figure goes in its per-region value.
    let noy = lao["annotations"][1]["result"].as_array().unwrap();
    let money = noy
        .iter()
        .find(|r| r["type"] == "textarea" && r["id"] == format!("f{}", gp.id("lo:65,5 ລ້ານ")))
        .unwrap();
    assert_eq!(money["value"]["text"], serde_json::json!(["65500000 LAK"]));
    // Only the link whose figures share noy's annotation is a relation.
    let relations: Vec<&Value> = noy.iter().filter(|r| r["type"] == "relation").collect();
    assert_eq!(relations.len(), 1);
    assert_eq!(relations[0]["from_id"], format!("f{}", gp.id("lo:75")));
    assert_eq!(relations[0]["to_id"], format!("f{}", gp.id("lo:65,5 ລ້ານ")));
    assert_eq!(relations[0]["labels"], serde_json::json!(["same"]));
    assert!(tasks[1]["predictions"].as_array().unwrap().is_empty());
}

#[test]
fn the_labeling_config_beside_it_declares_every_label_used() {
    let dir = tempfile::tempdir().unwrap();
    let gp = gold_project(dir.path());
    let out = export(&gp, &[]);
    let config = std::fs::read_to_string(dir.path().join("gold.config.xml")).unwrap();
    assert!(config.starts_with("<View>"));
    assert!(config.contains("<Text name=\"text\" value=\"$text\"/>"));
    let mut used = 0;
    for t in tasks(&out) {
        // Unreviewed figures are not exported by default.
        assert!(t["predictions"].as_array().unwrap().is_empty());
        for a in t["annotations"].as_array().unwrap() {
            for r in labels(&a["result"]) {
                used += 1;
                let label = r["value"]["labels"][0].as_str().unwrap();
                assert!(
                    config.contains(&format!("<Label value=\"{label}\"/>")),
                    "{label}"
                );
            }
        }
    }
    assert_eq!(used, 6, "confirmed figures only");
}

#[test]
fn utf16_offsets_are_chosen_with_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let gp = gold_project(dir.path());
    let cp = tasks(&export(&gp, &[]));
    let utf16 = tasks(&export(&gp, &["--offsets", "utf16"]));
    assert_eq!(utf16[1]["meta"]["offsets"], "UTF-16 units");
    let start = |t: &Value, i: usize| {
        labels(&t["annotations"][1]["result"])[i]["value"]["start"]
            .as_u64()
            .unwrap()
    };
    // English "65.5 million" comes after the emoji: one unit more in UTF-16.
    let money = labels(&cp[1]["annotations"][1]["result"])
        .iter()
        .position(|r| r["value"]["text"] == "65.5 million")
        .unwrap();
    assert_eq!(start(&utf16[1], money), start(&cp[1], money) + 1);
    // "2024" comes before it: the same in both.
    assert_eq!(start(&utf16[1], 0), start(&cp[1], 0));
}

#[test]
fn label_studio_itself_validates_and_converts_and_refuses_a_shifted_region_or_an_undeclared_label()
{
    use common::tools::{consumer_check, consumers_python, tool_present};
    let probe = [
        "-c",
        "import label_studio_sdk.converter, label_studio_sdk.label_interface",
    ];
    if !tool_present(&consumers_python(), &probe, "label-studio-sdk (PyPI)") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let gp = gold_project(dir.path());
    let out = export(&gp, &["--status", ALL]);
    let said = consumer_check("labelstudio_check.py", &out).unwrap();
    assert!(
        said.starts_with("2 tasks, 8 regions valid; 7 annotated regions"),
        "{said}"
    );
    let config = dir.path().join("gold.config.xml");
    let broken = |name: &str, change: &dyn Fn(&mut Vec<Value>)| {
        let mut t = tasks(&out);
        change(&mut t);
        let path = dir.path().join(format!("{name}.json"));
        std::fs::write(&path, serde_json::to_string(&t).unwrap()).unwrap();
        std::fs::copy(&config, dir.path().join(format!("{name}.config.xml"))).unwrap();
        consumer_check("labelstudio_check.py", &path).unwrap_err()
    };
    // A region moved by one code point.
    let why = broken("shifted", &|t| {
        let v = &mut t[0]["annotations"][1]["result"][0]["value"];
        v["start"] = (v["start"].as_u64().unwrap() + 1).into();
    });
    assert!(why.contains("region f") && why.contains(", not "), "{why}");
    // A label the config does not declare (labels are case-sensitive).
    let why = broken("undeclared", &|t| {
        t[1]["annotations"][0]["result"][0]["value"]["labels"] = serde_json::json!(["Count"]);
    });
    assert!(why.contains("Invalid value for control 'label'"), "{why}");
    // A relation to a region its result list does not hold.
    let why = broken("dangling", &|t| {
        let r = t[0]["annotations"][1]["result"].as_array_mut().unwrap();
        let rel = r.iter_mut().find(|r| r["type"] == "relation").unwrap();
        rel["to_id"] = "f999".into();
    });
    assert!(why.contains("not found in regions"), "{why}");
}
