//! The dataset card beside a gold-standard export: written from the set and
//! the export's files, read back by mlcroissant (records and sha256 included)
//! and huggingface_hub, refused when tampered with, and never written over a
//! README.md of someone else's.

mod common;

use std::path::{Path, PathBuf};

use common::cli::ok;
use common::tools::{consumer_check, consumers_python, tool_present};
use tualek::export::Selection;
use tualek::export::annotations::card::{
    CROISSANT, CardOptions, README, card_dir, check_card_target, write_card,
};
use tualek::export::annotations::{GoldFormat, GoldOptions, GoldSet, write_gold};
use tualek::store::Store;

const LAO: &str = "ມີ75ຄົນ ໄດ້ຮັບເງິນ 65,5 ລ້ານ ກີບ.\r\n😀 ປີ 2024 ມີ 12 ແຂວງ.\r\n";
const ENGLISH: &str = "In 2024, 75 people 😀 got 65.5 million kip in 12 provinces.\n";

/// A project with both texts; the Lao figures confirmed by Noy, the English by Ann.
fn project(dir: &Path) -> PathBuf {
    let p = dir.join("p.tualek");
    let ps = p.to_str().unwrap();
    ok(&["new", ps]);
    let lo = common::write(dir, "lo.txt", LAO.as_bytes());
    let en = common::write(dir, "en.txt", ENGLISH.as_bytes());
    ok(&["import", ps, lo.to_str().unwrap(), en.to_str().unwrap()]);
    for line in ok(&["figures", ps, "--format", "jsonl"]).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let who = if v["language"] == "lo" { "Noy" } else { "Ann" };
        let id = v["id"].to_string();
        ok(&["review", ps, &id, "--reviewer", who, "confirm"]);
    }
    p
}

/// Exports the project's reviewed figures in `format` to `out` and writes the card beside it.
fn export_with_card(project: &Path, format: GoldFormat, out: &Path) -> (GoldSet, Vec<PathBuf>) {
    let store = Store::open(project).unwrap();
    let set = GoldSet::load(&store, &Selection::reviewed_gold()).unwrap();
    let dir = card_dir(format, out);
    check_card_target(&dir).unwrap();
    // The card by hand, to name the dataset; `write_gold` writes one of its own by default.
    let plain = GoldOptions {
        no_card: true,
        ..Default::default()
    };
    let report = write_gold(&store, &set, format, out, &plain).unwrap();
    let options = CardOptions {
        name: Some("Tualek test figures".into()),
        ..Default::default()
    };
    let card = write_card(&dir, &set, format, &report.files, &options).unwrap();
    (set, card)
}

fn consumers_present() -> bool {
    tool_present(
        &consumers_python(),
        &["-c", "import mlcroissant, huggingface_hub"],
        "mlcroissant and huggingface_hub (PyPI)",
    )
}

/// A copy of the card's folder with `edit` applied to the file `name` in it.
fn tampered(dir: &Path, name: &str, edit: impl FnOnce(String) -> String) -> tempfile::TempDir {
    let copy = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, copy.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let target = copy.path().join(name);
    let text = std::fs::read_to_string(&target).unwrap();
    std::fs::write(&target, edit(text)).unwrap();
    copy
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn the_card_counts_the_set_and_points_at_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let p = project(dir.path());
    let out_dir = dir.path().join("gold");
    std::fs::create_dir(&out_dir).unwrap();
    let out = out_dir.join("gold.spacy.jsonl");
    let (set, card) = export_with_card(&p, GoldFormat::Spacy, &out);
    assert_eq!(card, [out_dir.join(README), out_dir.join(CROISSANT)]);
    let readme = std::fs::read_to_string(out_dir.join(README)).unwrap();
    assert!(readme.starts_with("---\n"));
    assert!(readme.contains("tualek_export: true\n"));
    assert!(readme.contains("    - \"gold.spacy.jsonl\"\n"), "{readme}");
    assert!(readme.contains("| Noy | 4 |"), "{readme}");
    assert!(readme.contains("| Ann | 4 |"), "{readme}");
    assert!(readme.contains(&format!("| confirmed | {} |", set.figure_count())));
    let croissant: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out_dir.join(CROISSANT)).unwrap()).unwrap();
    let file = &croissant["distribution"][0];
    assert_eq!(file["contentUrl"], "gold.spacy.jsonl");
    assert_eq!(file["sha256"], sha256_hex(&std::fs::read(&out).unwrap()));
    assert_eq!(croissant["inLanguage"], serde_json::json!(["en", "lo"]));
}

#[test]
fn mlcroissant_and_huggingface_hub_read_the_card_and_refuse_a_tampered_one() {
    if !consumers_present() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let p = project(dir.path());
    let out = dir.path().join("gold.spacy.jsonl");
    let (set, _) = export_with_card(&p, GoldFormat::Spacy, &out);
    let said = consumer_check("croissant_check.py", dir.path()).unwrap();
    let expected = format!(
        "2 records, {} spans read by mlcroissant",
        set.figure_count()
    );
    assert!(said.starts_with(&expected), "{said}");
    assert!(said.contains("(1 data file(s))"), "{said}");

    // A wrong sha256: mlcroissant refuses to read the records.
    let bad = tampered(dir.path(), CROISSANT, |t| {
        let mut v: serde_json::Value = serde_json::from_str(&t).unwrap();
        v["distribution"][0]["sha256"] = sha256_hex(b"something else").into();
        v.to_string()
    });
    let why = consumer_check("croissant_check.py", bad.path()).unwrap_err();
    assert!(why.contains("Hash of downloaded file"), "{why}");

    // A span moved by one code point (the hash updated to match): its text no longer agrees.
    let shifted = tampered(dir.path(), "gold.spacy.jsonl", |t| {
        t.replacen(
            "\"start\":2,\"end\":4,\"token_start\"",
            "\"start\":3,\"end\":4,\"token_start\"",
            1,
        )
    });
    let moved = std::fs::read(shifted.path().join("gold.spacy.jsonl")).unwrap();
    assert_ne!(moved, std::fs::read(&out).unwrap(), "the span was moved");
    let croissant = shifted.path().join(CROISSANT);
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&croissant).unwrap()).unwrap();
    v["distribution"][0]["sha256"] = sha256_hex(&moved).into();
    std::fs::write(&croissant, v.to_string()).unwrap();
    let why = consumer_check("croissant_check.py", shifted.path()).unwrap_err();
    assert!(why.contains("cuts '5', not '75'"), "{why}");

    // A front-matter field off the Hub's list.
    let broken = tampered(dir.path(), README, |t| {
        t.replace("- multilingual\n", "- bilingual\n")
    });
    let why = consumer_check("croissant_check.py", broken.path()).unwrap_err();
    assert!(why.contains("multilinguality is ['bilingual']"), "{why}");
}

#[test]
fn prodigy_and_doccano_cards_load_too_doccano_in_utf16_units() {
    if !consumers_present() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let p = project(dir.path());
    let prodigy = dir.path().join("prodigy");
    std::fs::create_dir(&prodigy).unwrap();
    let (set, _) = export_with_card(&p, GoldFormat::Prodigy, &prodigy.join("gold.jsonl"));
    let said = consumer_check("croissant_check.py", &prodigy).unwrap();
    // A task per document and answer: here every figure is accepted.
    let (docs, n) = (set.docs.len(), set.figure_count());
    assert!(
        said.starts_with(&format!("{docs} records, {n} spans")),
        "{said}"
    );

    let doccano = dir.path().join("doccano");
    std::fs::create_dir(&doccano).unwrap();
    export_with_card(&p, GoldFormat::Doccano, &doccano.join("gold.jsonl"));
    let croissant = std::fs::read_to_string(doccano.join(CROISSANT)).unwrap();
    assert!(croissant.contains("UTF-16 units"));
    let said = consumer_check("croissant_check.py", &doccano).unwrap();
    assert!(said.starts_with(&format!("2 records, {n} spans")), "{said}");
}

#[test]
fn a_readme_of_someone_elses_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let p = project(dir.path());
    let mine = "---\nlicense: mit\n---\n# My own notes on these documents\n";
    std::fs::write(dir.path().join(README), mine).unwrap();
    let why = check_card_target(dir.path()).unwrap_err().to_string();
    assert!(
        why.contains("README.md exists and is not a dataset card Tualek wrote"),
        "{why}"
    );

    let store = Store::open(&p).unwrap();
    let set = GoldSet::load(&store, &Selection::reviewed_gold()).unwrap();
    let out = dir.path().join("gold.spacy.jsonl");
    let why = write_gold(
        &store,
        &set,
        GoldFormat::Spacy,
        &out,
        &GoldOptions::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(!out.exists(), "the export itself is not written either");
    assert!(why.contains("left as it is"), "{why}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join(README)).unwrap(),
        mine
    );
    assert!(!dir.path().join(CROISSANT).exists());
}

/// spaCy, Prodigy and doccano are written one document at a time and the
/// card counted as they go; it must say what the card of the whole set says,
/// links counted only where both figures were exported.
#[test]
fn a_streamed_export_counts_its_card_as_the_whole_set_does() {
    let dir = tempfile::tempdir().unwrap();
    let p = project(dir.path());
    let ps = p.to_str().unwrap();
    let ids: Vec<String> = ok(&["figures", ps, "--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    ok(&["link", ps, &ids[0], &ids[1]]);
    ok(&["link", ps, &ids[1], &ids[2]]);
    // The second link loses a figure to the selection.
    ok(&["review", ps, &ids[2], "reject"]);
    let store = Store::open_read(&p).unwrap();
    let selection = Selection::reviewed_gold();
    for format in [GoldFormat::Spacy, GoldFormat::Prodigy, GoldFormat::Doccano] {
        let streamed = dir.path().join(format!("{}-streamed", format.name()));
        let out = streamed.join("gold.jsonl");
        std::fs::create_dir_all(&streamed).unwrap();
        let report = tualek::export::annotations::export_gold(
            &store,
            &selection,
            format,
            &out,
            &GoldOptions::default(),
            &mut |_, _| true,
        )
        .unwrap()
        .unwrap();
        assert_eq!(report.links, 1, "{}", format.name());
        assert_eq!(report.figures, ids.len() - 1, "{}", format.name());

        let whole = dir.path().join(format!("{}-whole", format.name()));
        std::fs::create_dir_all(&whole).unwrap();
        let set = GoldSet::load(&store, &selection).unwrap();
        assert_eq!(set.links.len(), 1);
        let copy = whole.join("gold.jsonl");
        std::fs::copy(&out, &copy).unwrap();
        write_card(&whole, &set, format, &[copy], &CardOptions::default()).unwrap();
        for file in [README, CROISSANT] {
            let read = |d: &Path| std::fs::read_to_string(d.join(file)).unwrap();
            assert_eq!(read(&streamed), read(&whole), "{} {file}", format.name());
        }
    }
}
