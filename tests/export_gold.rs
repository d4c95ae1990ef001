//! Gold-standard exports (spaCy, Prodigy, doccano) of a project with Lao and
//! English, CRLF lines, an emoji before a figure and unspaced Lao: every
//! span, as the consumer counts offsets, cuts out exactly the figure's text.

mod common;

use common::cli::ok;

const LAO: &str = "ມີ75ຄົນ ໄດ້ຮັບເງິນ 65,5 ລ້ານ ກີບ.\r\n😀 ປີ 2024 ມີ 12 ແຂວງ.\r\n";
const ENGLISH: &str = "In 2024, 75 people 😀 got 65.5 million kip in 12 provinces.\n";

/// A project with both texts, every figure confirmed.
fn project(dir: &std::path::Path) -> String {
    let p = dir.join("p.tualek");
    let p = p.to_str().unwrap().to_string();
    ok(&["new", &p]);
    let lo = common::write(dir, "lo.txt", LAO.as_bytes());
    let en = common::write(dir, "en.txt", ENGLISH.as_bytes());
    ok(&["import", &p, lo.to_str().unwrap(), en.to_str().unwrap()]);
    let figures = ok(&["figures", &p, "--format", "jsonl"]);
    for line in figures.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        ok(&["review", &p, &v["id"].to_string(), "confirm"]);
    }
    p
}

/// Exports the project in `format` (with `extra` arguments) beside it; the file's path.
fn export(p: &str, format: &str, extra: &[&str]) -> std::path::PathBuf {
    let out = std::path::Path::new(p).with_file_name(format!("gold.{format}.jsonl"));
    let mut args = vec![
        "export",
        p,
        "--format",
        format,
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    ok(&args);
    out
}

fn lines(path: &std::path::Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn cp_slice(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

#[test]
fn spacy_spans_sit_on_tokens_and_cut_out_their_text() {
    let dir = tempfile::tempdir().unwrap();
    let p = project(dir.path());
    let out = export(&p, "spacy", &[]);
    let docs = lines(&out);
    assert_eq!(docs.len(), 2);
    let mut spans = 0;
    for d in &docs {
        let text = d["text"].as_str().unwrap();
        let tokens = d["tokens"].as_array().unwrap();
        let rebuilt: String = tokens
            .iter()
            .map(|t| {
                let ws = if t["ws"].as_bool().unwrap() { " " } else { "" };
                format!("{}{ws}", t["text"].as_str().unwrap())
            })
            .collect();
        assert_eq!(rebuilt, text, "the tokens give back the text");
        for s in d["spans"].as_array().unwrap() {
            spans += 1;
            let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
            assert_eq!(cp_slice(text, start, end), s["text"].as_str().unwrap());
            let (ts, te) = (
                s["token_start"].as_u64().unwrap(),
                s["token_end"].as_u64().unwrap(),
            );
            assert_eq!(tokens[ts as usize]["start"].as_u64().unwrap(), start);
            assert_eq!(tokens[te as usize]["end"].as_u64().unwrap(), end);
        }
        assert!(d["meta"]["doc_id"].as_i64().is_some());
    }
    assert!(spans >= 8, "{spans} spans");
    // The unspaced Lao figure is a token of its own.
    assert!(
        docs[0]["tokens"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["text"] == "75")
    );
}

#[test]
fn prodigy_has_a_task_per_document_and_answer() {
    let dir = tempfile::tempdir().unwrap();
    let p = project(dir.path());
    let first = ok(&["figures", &p, "--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .next()
        .unwrap();
    ok(&["review", &p, &first["id"].to_string(), "reject"]);
    let out = export(&p, "prodigy", &["--status", "confirmed,rejected"]);
    let tasks = lines(&out);
    // Both documents accept their figures; the first also rejects one.
    let answers: Vec<(i64, &str)> = tasks
        .iter()
        .map(|t| {
            (
                t["meta"]["doc_id"].as_i64().unwrap(),
                t["answer"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(answers, [(1, "accept"), (1, "reject"), (2, "accept")]);
    for t in &tasks {
        let status = if t["answer"] == "accept" {
            "confirmed"
        } else {
            "rejected"
        };
        assert!(
            t["spans"]
                .as_array()
                .unwrap()
                .iter()
                .all(|s| s["status"] == status)
        );
    }
    assert_eq!(tasks[1]["spans"].as_array().unwrap().len(), 1);
    assert_eq!(tasks[1]["spans"][0]["figure_id"], first["id"]);
}

#[test]
fn doccano_counts_utf16_units_and_writes_ascii() {
    let dir = tempfile::tempdir().unwrap();
    let p = project(dir.path());
    let out = export(&p, "doccano", &[]);
    let raw = std::fs::read_to_string(&out).unwrap();
    assert!(
        raw.is_ascii(),
        "ASCII-escaped, so doccano cannot misread the encoding"
    );
    let mut labels = 0;
    for d in lines(&out) {
        let units: Vec<u16> = d["text"].as_str().unwrap().encode_utf16().collect();
        for l in d["label"].as_array().unwrap() {
            labels += 1;
            let (s, e) = (
                l[0].as_u64().unwrap() as usize,
                l[1].as_u64().unwrap() as usize,
            );
            let cut = String::from_utf16(&units[s..e]).unwrap();
            assert!(cut.chars().any(|c| c.is_numeric()), "{cut:?}");
            assert!(!cut.starts_with(' ') && !cut.ends_with(' '), "{cut:?}");
        }
        assert!(d["doc_id"].as_i64().is_some());
    }
    assert!(labels >= 8);
    // After the emoji, UTF-16 and code points differ by one.
    let cp = dir.path().join("cp.jsonl");
    ok(&[
        "export",
        &p,
        "--format",
        "doccano",
        "--offsets",
        "codepoints",
        "--out",
        cp.to_str().unwrap(),
    ]);
    assert_ne!(std::fs::read_to_string(&cp).unwrap(), raw);
}

#[test]
fn spacy_itself_reads_every_span_back_and_refuses_a_shifted_one() {
    use common::tools::{consumer_check, consumers_python, tool_present};
    if !tool_present(&consumers_python(), &["-c", "import spacy"], "spaCy (PyPI)") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let p = project(dir.path());
    let out = export(&p, "spacy", &[]);
    let said = consumer_check("spacy_check.py", &out).unwrap();
    assert!(said.starts_with("2 docs,"), "{said}");
    // The check can fail: one span moved by one code point is refused.
    let mut docs = lines(&out);
    let span = &mut docs[0]["spans"][0];
    span["start"] = (span["start"].as_u64().unwrap() + 1).into();
    let shifted = dir.path().join("shifted.jsonl");
    let text: Vec<String> = docs.iter().map(|d| d.to_string()).collect();
    std::fs::write(&shifted, text.join("\n") + "\n").unwrap();
    let why = consumer_check("spacy_check.py", &shifted).unwrap_err();
    assert!(
        why.contains("no span at") || why.contains("is not"),
        "{why}"
    );
}
