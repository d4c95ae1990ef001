//! `tualek scan --format jsonl` writes exactly what the library's records
//! serialize to, so a faster writer cannot drift from `tualek::extract::records`.

use std::path::Path;
use std::process::Command;

/// Lao, English and emoji with CRLF line ends, tabs and quotes around the
/// figures, whole numbers, decimals, ranges, a number too long for 64 bits.
const MIXED: &str = "ລາຍງານ ປີ 2023\r\n\
    ເງິນ 1,250 ລ້ານກີບ 👍🏽 ແລະ 3,5 ຕື້ກີບ\r\n\
    The budget rose 12.50% to $4.2 million (\"up\" from 0.75%) 🎉\r\n\
    \tຄົນງານ 493 ຄົນ, 1 255 workers, 15–20 kg, 2,000-3,000 people\r\n\
    Zero: 0 items; 007 agents; a figure of 123456789012345678901234 dong\r\n\
    ສອງພັນ ຫ້າຮ້ອຍ ກີບ 👨‍👩‍👧 twenty-five percent, on 3 May 2024, -7 °C\r\n";

/// The lines the library gives for `text` under the name `doc`.
fn library(doc: &str, text: &str) -> String {
    let mut out = Vec::new();
    for r in tualek::extract::records(doc, text) {
        serde_json::to_writer(&mut out, &r).unwrap();
        out.push(b'\n');
    }
    String::from_utf8(out).unwrap()
}

fn scan(files: &[&Path]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tualek"))
        .args(["scan", "--format", "jsonl"])
        .args(files)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn scan_jsonl_is_the_library_records_serialized() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mixed.txt");
    std::fs::write(&file, MIXED).unwrap();
    let expected = library("mixed.txt", MIXED);
    assert!(
        expected.lines().count() >= 10,
        "the text has figures of many kinds: {expected}"
    );
    // Both ways a value is written: a whole number and anything else.
    assert!(expected.contains("\"value\":1250") && expected.contains("\"value\":12.5"));
    let (ok, out, err) = scan(&[&file]);
    assert!(ok, "{err}");
    assert_eq!(out, expected);
}

#[test]
fn several_files_odd_names_encodings_and_a_refused_one_between() {
    let dir = tempfile::tempdir().unwrap();
    // Over 1 MB: the quoted, BOM and binary files are mapped in place.
    let long = MIXED.repeat(2600);
    assert!(long.len() > 1 << 20);
    // A name that needs escaping in JSON, a BOM, UTF-16, Markdown and HTML.
    let quoted = dir.path().join("say \"ນີ້\" \\ here.txt");
    std::fs::write(&quoted, &long).unwrap();
    let bom = dir.path().join("bom.txt");
    std::fs::write(&bom, [b"\xEF\xBB\xBF", long.as_bytes()].concat()).unwrap();
    let utf16 = dir.path().join("utf16.txt");
    let mut units = vec![0xFF, 0xFE];
    units.extend(MIXED.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&utf16, units).unwrap();
    let binary = dir.path().join("binary.txt");
    std::fs::write(&binary, format!("{long}12 kg\0 of it")).unwrap();
    let md = dir.path().join("notes.md");
    std::fs::write(&md, format!("# Title 2024\r\n\r\n{MIXED}")).unwrap();
    let html = dir.path().join("page.html");
    std::fs::write(
        &html,
        format!("<html><head><title>7 days</title></head><body><p>{MIXED}</p></body></html>"),
    )
    .unwrap();

    let files = [&quoted, &bom, &binary, &utf16, &md, &html];
    let (ok, out, err) = scan(&files.map(|p| p.as_path()));
    assert!(!ok, "the binary file is refused: exit code 1");
    assert!(err.contains("binary.txt") && err.contains("NUL"), "{err}");
    let mut expected = String::new();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy();
        if name == "binary.txt" {
            continue;
        }
        let text = tualek::import::read_file(path, &Default::default())
            .unwrap()
            .text;
        expected += &library(&name, &text);
    }
    assert_eq!(out, expected);
}
