//! The Label Studio and doccano readers: they parse what those tools (and
//! Tualek's exports to them) write, offsets in the file's own unit, and
//! refuse a file of another format with a reason.

mod common;

use common::cli::ok;
use common::gold_project::{LAO, gold_project};
use tualek::export::annotations::OffsetUnit;
use tualek::import::annotations::{
    AnnotationError, AnnotationFormat, IncomingDoc, IncomingText, read_annotations,
};
use tualek::model::Decimal;

const MB: u64 = 1 << 20;

fn read(
    path: &std::path::Path,
    format: AnnotationFormat,
) -> Result<Vec<IncomingDoc>, AnnotationError> {
    read_annotations(path, format, MB, None)
}

fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    common::write(dir, name, text.as_bytes())
}

fn wrong_format(r: Result<Vec<IncomingDoc>, AnnotationError>) -> String {
    match r {
        Err(AnnotationError::WrongFormat { reason, .. }) => reason,
        other => panic!("expected WrongFormat, got {other:?}"),
    }
}

fn export(p: &str, format: &str, name: &str, extra: &[&str]) -> std::path::PathBuf {
    let out = std::path::Path::new(p).with_file_name(name);
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

#[test]
fn label_studio_tasks_tualek_wrote_read_back_with_readings_and_without_rejections() {
    let dir = tempfile::tempdir().unwrap();
    let gp = gold_project(dir.path());
    let all = ["--status", "confirmed,corrected,rejected,unreviewed"];
    let out = export(&gp.path, "labelstudio", "gold.json", &all);
    let docs = read(&out, AnnotationFormat::LabelStudio).unwrap();
    assert_eq!(docs.len(), 2);
    let lao = &docs[0];
    assert_eq!(lao.text, IncomingText::Text(LAO.into()));
    assert_eq!(lao.language.as_deref(), Some("lo"));
    assert_eq!(lao.unit, OffsetUnit::CodePoints);
    // The rejected 2024 is dropped; the unreviewed 12 is a prediction, so
    // with annotations present it is not read either.
    let texts: Vec<&str> = lao
        .spans
        .iter()
        .map(|s| s.text.as_deref().unwrap())
        .collect();
    assert_eq!(texts, ["75", "65,5 ລ້ານ"]);
    let money = &lao.spans[1];
    assert_eq!(
        (money.start, money.end, money.label.as_str()),
        (19, 28, "money")
    );
    assert_eq!(money.value, Decimal::from_str_exact("65500000").ok());
    assert_eq!(money.unit.as_deref(), Some("LAK"));
    assert!(money.at.contains("region f"), "{}", money.at);
    // Written in UTF-16 units, the tasks say so and are read so.
    let utf16 = export(
        &gp.path,
        "labelstudio",
        "gold16.json",
        &["--offsets", "utf16"],
    );
    let docs = read(&utf16, AnnotationFormat::LabelStudio).unwrap();
    assert_eq!(docs[1].unit, OffsetUnit::Utf16);
    // The caller's unit wins.
    let docs = read_annotations(
        &utf16,
        AnnotationFormat::LabelStudio,
        MB,
        Some(OffsetUnit::CodePoints),
    )
    .unwrap();
    assert_eq!(docs[1].unit, OffsetUnit::CodePoints);
}

#[test]
fn label_studio_predictions_count_when_nobody_annotated_and_json_min_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let tasks = r#"[{"data": {"text": "In 2024, 75 people"},
        "annotations": [{"was_cancelled": true, "result": [{"id": "a", "from_name": "label",
            "to_name": "text", "type": "labels", "value": {"start": 3, "end": 7, "labels": ["year"]}}]}],
        "predictions": [{"model_version": "m1", "result": [{"id": "b", "from_name": "label",
            "to_name": "text", "type": "labels", "value": {"start": 9, "end": 11, "text": "75", "labels": ["count"]}}]}]}]"#;
    let docs = read(
        &write(dir.path(), "t.json", tasks),
        AnnotationFormat::LabelStudio,
    )
    .unwrap();
    let s = &docs[0].spans;
    assert_eq!(s.len(), 1, "the cancelled annotation is no annotation");
    assert_eq!(
        (s[0].start, s[0].end, s[0].label.as_str()),
        (9, 11, "count")
    );
    assert!(s[0].at.starts_with("task 1, prediction 1"), "{}", s[0].at);
    let min = r#"[{"text": "ມີ75ຄົນ", "id": 3, "annotator": 1, "annotation_id": 7,
        "label": [{"start": 2, "end": 4, "text": "75", "labels": ["count"]}]}]"#;
    let docs = read(
        &write(dir.path(), "min.json", min),
        AnnotationFormat::LabelStudio,
    )
    .unwrap();
    assert_eq!(docs[0].text, IncomingText::Text("ມີ75ຄົນ".into()));
    assert_eq!((docs[0].spans[0].start, docs[0].spans[0].end), (2, 4));
    assert_eq!(docs[0].unit, OffsetUnit::CodePoints);
}

#[test]
fn doccano_lines_read_in_utf16_units_both_shapes() {
    let dir = tempfile::tempdir().unwrap();
    let gp = gold_project(dir.path());
    let out = export(&gp.path, "doccano", "gold.jsonl", &[]);
    let docs = read(&out, AnnotationFormat::Doccano).unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[0].text,
        IncomingText::Text(LAO.into()),
        "the \\u escapes read back"
    );
    assert_eq!(docs[1].unit, OffsetUnit::Utf16);
    let money = docs[1].spans.iter().find(|s| s.label == "money").unwrap();
    // "65.5 million" is at code points 25..37, one unit later after the emoji.
    assert_eq!((money.start, money.end), (26, 38));
    let entities = r#"{"text": "😀 75", "entities": [{"id": 1, "label": "count", "start_offset": 3, "end_offset": 5}], "relations": []}"#;
    let docs = read(
        &write(dir.path(), "e.jsonl", entities),
        AnnotationFormat::Doccano,
    )
    .unwrap();
    assert_eq!((docs[0].spans[0].start, docs[0].spans[0].end), (3, 5));
    let graphemes = read_annotations(
        &out,
        AnnotationFormat::Doccano,
        MB,
        Some(OffsetUnit::CodePoints),
    )
    .unwrap();
    assert_eq!(graphemes[0].unit, OffsetUnit::CodePoints);
}

#[test]
fn a_file_of_another_format_is_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let gp = gold_project(dir.path());
    let spacy = export(&gp.path, "spacy", "gold.spacy.jsonl", &[]);
    let doccano = export(&gp.path, "doccano", "gold.jsonl", &[]);
    let studio = export(&gp.path, "labelstudio", "gold.json", &[]);
    let why = wrong_format(read(&spacy, AnnotationFormat::LabelStudio));
    assert!(why.contains("JSON Lines"), "{why}");
    let why = wrong_format(read(&doccano, AnnotationFormat::LabelStudio));
    assert!(why.contains("not one JSON value"), "{why}");
    let why = wrong_format(read(&spacy, AnnotationFormat::Doccano));
    assert!(why.contains("line 1") && why.contains("spaCy"), "{why}");
    let why = wrong_format(read(&studio, AnnotationFormat::Doccano));
    assert!(why.contains("line 1"), "{why}");
    // One doccano line is one JSON value, but no task.
    let one = write(
        dir.path(),
        "one.jsonl",
        r#"{"text": "75", "label": [[0, 2, "count"]]}"#,
    );
    let why = wrong_format(read(&one, AnnotationFormat::LabelStudio));
    assert!(why.contains("neither"), "{why}");
    let classes = write(
        dir.path(),
        "c.jsonl",
        r#"{"text": "75", "label": ["positive"]}"#,
    );
    let why = wrong_format(read(&classes, AnnotationFormat::Doccano));
    assert!(why.contains("label 1"), "{why}");
}
