//! doccano itself imports the doccano export: its own JSONL parser, with the
//! "Auto" encoding detection its upload defaults to, and its sequence-labeling
//! dataset, into a fresh database; every span it stores cuts the figure's
//! text out of the text it stored. doccano 1.8 pins old libraries, so it has a
//! virtual environment of its own: `$TUALEK_DOCCANO_PYTHON` (`.ci/run` makes it).

mod common;

use std::path::{Path, PathBuf};

use common::cli::ok;
use common::gold_project::gold_project;
use common::tools::{doccano_check, doccano_python};

fn export(p: &str, format: &str) -> PathBuf {
    let out = Path::new(p).with_file_name(format!("gold.{format}.jsonl"));
    ok(&[
        "export",
        p,
        "--format",
        format,
        "--out",
        out.to_str().unwrap(),
    ]);
    out
}

fn rewritten(
    path: &Path,
    name: &str,
    ascii: bool,
    change: impl Fn(&mut Vec<serde_json::Value>),
) -> PathBuf {
    let mut lines: Vec<serde_json::Value> = std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    change(&mut lines);
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let text = if ascii {
        tualek::export::annotations::doccano::ascii_escaped(&text)
    } else {
        text
    };
    let out = path.with_file_name(name);
    std::fs::write(&out, text).unwrap();
    out
}

#[test]
fn doccano_itself_imports_every_span_and_refuses_a_shifted_one_or_unescaped_lao() {
    use common::tools::tool_present;
    if !tool_present(
        &doccano_python(),
        &["-c", "import backend.data_import, backend.config"],
        "doccano 1.8 (PyPI, own venv)",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let gp = gold_project(dir.path());
    let doccano = export(&gp.path, "doccano");
    // The spaCy export of the same figures gives each span's text.
    let reference = export(&gp.path, "spacy");
    let said = doccano_check(&doccano, &reference).unwrap();
    assert!(
        said.starts_with("2 examples, 6 spans imported by doccano 1.8"),
        "{said}"
    );
    // The check can fail: a span moved by one UTF-16 unit cuts out the wrong text.
    let shifted = rewritten(&doccano, "shifted.jsonl", true, |l| {
        let s = &mut l[1]["label"][0][0];
        *s = (s.as_u64().unwrap() + 1).into();
    });
    let why = doccano_check(&shifted, &reference).unwrap_err();
    assert!(why.contains("doccano's spans cut out"), "{why}");
    // Why the export escapes: doccano's encoding detection misreads UTF-8 Lao.
    let utf8 = rewritten(&doccano, "utf8.jsonl", false, |_| {});
    let why = doccano_check(&utf8, &reference).unwrap_err();
    assert!(why.contains("doccano read the text as"), "{why}");
}
