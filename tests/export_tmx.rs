//! TMX and QA CSV out: written TMX is valid against the TMX 1.4b DTD
//! (xmllint), readable by translate-toolkit, and reads back as written.
//!
//! The two tools come from Debian (`libxml2-utils`) and PyPI
//! (`translate-toolkit`); `.ci/run` installs them and sets
//! TUALEK_REQUIRE_TOOLS=1, so there a missing tool fails the test. Elsewhere
//! it prints a skip line and passes.

mod common;

use std::path::{Path, PathBuf};

use common::tools::{dtd_valid, tool_present, translate_toolkit_units};

use tualek::export::qa_csv::{QaRow, write_qa_csv};
use tualek::export::tmx::{TmxUnit, writable_tags, write_tmx};
use tualek::import::bilingual::{Bilingual, SegmentText, parse_tmx, parse_xliff};
use tualek::model::{InlineTag, Language};

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bilingual")
        .join(name);
    std::fs::read(path).unwrap()
}

fn units_of(file: &Bilingual) -> Vec<TmxUnit> {
    file.units
        .iter()
        .enumerate()
        .map(|(i, u)| TmxUnit {
            source: u.source.clone(),
            target: u.target.clone(),
            props: vec![(
                "x-tualek-verdict".into(),
                if i == 1 { "mismatch" } else { "ok" }.into(),
            )],
            note: (i == 1).then(|| "checked by hand: 3,6 = 3.6 & <fine>".to_string()),
        })
        .collect()
}

fn tmx_string(source: &str, target: &str, units: &[TmxUnit]) -> String {
    let mut out = Vec::new();
    write_tmx(
        &mut out,
        &Language::new(source),
        &Language::new(target),
        units,
    )
    .unwrap();
    String::from_utf8(out).expect("TMX is UTF-8")
}

fn plain_unit(source: &str, target: &str) -> TmxUnit {
    TmxUnit {
        source: SegmentText::plain(source),
        target: SegmentText::plain(target),
        props: Vec::new(),
        note: None,
    }
}

fn temp_file(name: &str, contents: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, contents).unwrap();
    (dir, path)
}

#[test]
fn a_tmx_read_and_written_reads_back_the_same() {
    let read = parse_tmx(&fixture("budget.tmx")).unwrap();
    let written = tmx_string("lo-la", "en-us", &units_of(&read));
    let again = parse_tmx(written.as_bytes()).unwrap();
    assert_eq!(
        again, read,
        "text and tags, unit by unit, and the languages"
    );
}

#[test]
fn props_and_note_come_before_the_tuvs() {
    let read = parse_tmx(&fixture("budget.tmx")).unwrap();
    let written = tmx_string("lo", "en", &units_of(&read));
    let second = written.split("<tu>").nth(2).unwrap();
    let prop = second
        .find(r#"<prop type="x-tualek-verdict">mismatch</prop>"#)
        .unwrap();
    let note = second
        .find("<note>checked by hand: 3,6 = 3.6 &amp; &lt;fine&gt;</note>")
        .unwrap();
    let tuv = second.find("<tuv").unwrap();
    assert!(prop < tuv && note < tuv, "{second}");
    assert!(written.contains(r#"creationtool="Tualek""#));
    assert!(written.contains(&format!(
        r#"creationtoolversion="{}""#,
        env!("CARGO_PKG_VERSION")
    )));
    assert!(written.contains(r#"srclang="lo""#));
}

#[test]
fn text_is_escaped_and_forbidden_characters_left_out() {
    let unit = plain_unit(
        "a & b < c > d \u{1}e\u{FFFE}\u{B} \"q\"",
        "ກ & ຂ\u{7}\r\nend",
    );
    let written = tmx_string("en", "lo", &[unit]);
    assert!(
        written.contains("<seg>a &amp; b &lt; c &gt; d e \"q\"</seg>"),
        "{written}"
    );
    let again = parse_tmx(written.as_bytes()).unwrap();
    assert_eq!(again.units[0].source.text, "a & b < c > d e \"q\"");
    // A CR is written as a reference, so it survives XML's line-end rule.
    assert_eq!(again.units[0].target.text, "ກ & ຂ\r\nend");
}

#[test]
fn only_tags_the_dtd_allows_are_written_back() {
    let tag = |at, name: &str, xml: &str| InlineTag {
        at,
        name: name.into(),
        xml: xml.into(),
    };
    let tags = vec![
        tag(0, "bpt", r#"<bpt i="1">&lt;b&gt;</bpt>"#),
        tag(0, "bpt", r#"<bpt x="1">no i</bpt>"#),
        tag(1, "ph", r#"<ph id="3">&lt;br/&gt;</ph>"#),
        tag(1, "ph", r#"<ph x="2">{1}<sub type="x">ຂໍ້ຄວາມ</sub></ph>"#),
        tag(2, "it", r#"<it pos="middle">x</it>"#),
        tag(2, "it", r#"<it pos="end">&lt;/i&gt;</it>"#),
        tag(2, "hi", r#"<hi type="em">"#),
        tag(3, "hi", r#"<hi>"#),
        tag(4, "hi", "</hi>"),
        tag(4, "g", r#"<g id="1">"#),
        tag(4, "x", r#"<x id="2"/>"#),
        tag(5, "ept", r#"<ept i="1">&lt;/b&gt;</ept>"#),
        tag(5, "ept", r#"<ept i="1"><bpt i="2"/></ept>"#),
    ];
    let kept: Vec<&str> = writable_tags(&tags)
        .iter()
        .map(|t| t.xml.as_str())
        .collect();
    assert_eq!(
        kept,
        [
            r#"<bpt i="1">&lt;b&gt;</bpt>"#,
            r#"<ph x="2">{1}<sub type="x">ຂໍ້ຄວາມ</sub></ph>"#,
            r#"<it pos="end">&lt;/i&gt;</it>"#,
            // The inner <hi> pairs with the one </hi>; the outer is left unclosed, so dropped.
            "<hi>",
            "</hi>",
            r#"<ept i="1">&lt;/b&gt;</ept>"#,
        ]
    );
}

#[test]
fn xliff_markup_is_dropped_its_text_kept() {
    let read = parse_xliff(&fixture("households.xlf")).unwrap();
    let written = tmx_string("en", "lo", &units_of(&read));
    assert!(
        !written.contains("<g ") && !written.contains("<x "),
        "{written}"
    );
    let again = parse_tmx(written.as_bytes()).unwrap();
    for (a, b) in again.units.iter().zip(&read.units) {
        assert_eq!(a.source.text, b.source.text);
        assert_eq!(a.target.text, b.target.text);
        assert!(a.source.tags.is_empty() && a.target.tags.is_empty());
    }
}

#[test]
fn written_tmx_is_valid_against_the_dtd() {
    if !tool_present("xmllint", &["--version"], "xmllint (libxml2-utils)") {
        return;
    }
    let budget = parse_tmx(&fixture("budget.tmx")).unwrap();
    let households = parse_xliff(&fixture("households.xlf")).unwrap();
    let road = parse_xliff(&fixture("road.xlf")).unwrap();
    let awkward = plain_unit("\u{1}<&>\u{FFFF}\"'", "");
    let files = [
        tmx_string("lo-la", "en-us", &units_of(&budget)),
        tmx_string("en", "lo", &units_of(&households)),
        tmx_string("en", "lo", &units_of(&road)),
        tmx_string("en\"x", "lo<", &[awkward]),
        tmx_string("en", "lo", &[]),
    ];
    for (i, tmx) in files.iter().enumerate() {
        let (_dir, path) = temp_file(&format!("out{i}.tmx"), tmx);
        dtd_valid(&path).unwrap_or_else(|e| panic!("file {i} invalid:\n{e}\n{tmx}"));
    }
    // The check itself can fail: a <tu> without its <tuv>s is refused.
    let (_dir, bad) = temp_file(
        "bad.tmx",
        &files[1]
            .replace("<tuv", "<tuvx")
            .replace("</tuv>", "</tuvx>"),
    );
    assert!(dtd_valid(&bad).is_err());
}

#[test]
fn translate_toolkit_reads_the_written_tmx() {
    if !tool_present(
        "python3",
        &["-c", "import translate.storage.tmx"],
        "translate-toolkit (PyPI)",
    ) {
        return;
    }
    let read = parse_xliff(&fixture("road.xlf")).unwrap();
    let mut units = units_of(&read);
    units.push(plain_unit("Twelve & more", "ສິບສອງ & ຫຼາຍກວ່າ"));
    units[1].note = Some("ປີ 2026 ok".into());
    let (_dir, path) = temp_file("road.tmx", &tmx_string("en", "lo", &units));
    let seen = translate_toolkit_units(&path);
    assert_eq!(seen.len(), 3);
    assert_eq!(seen[0].0, "The road is 42 km long. It cost 9 billion kip.");
    assert_eq!(seen[0].1, "ທາງຍາວ 42 ກມ. ມັນມູນຄ່າ 9 ຕື້ ກີບ.");
    assert_eq!(seen[2].0, "Twelve & more");
    assert_eq!(seen[2].1, "ສິບສອງ & ຫຼາຍກວ່າ");
    assert!(seen[1].2.contains("ປີ 2026 ok"), "{:?}", seen[1]);
}

#[test]
fn qa_csv_has_a_header_and_one_row_per_segment() {
    let rows = vec![
        QaRow {
            segment: 1,
            verdict: "ok".into(),
            accepted: false,
            note: None,
            source: "In 2024 there were 1,255 students.".into(),
            target: "ໃນປີ 2024 ມີນັກຮຽນ 1.255 ຄົນ.".into(),
            source_figures: "2024; 1,255".into(),
            target_figures: "2024; 1.255".into(),
        },
        QaRow {
            segment: 2,
            verdict: "mismatch".into(),
            accepted: true,
            note: Some("converted, \"miles\" to km".into()),
            source: "two\nlines".into(),
            target: "ສອງ".into(),
            source_figures: "2".into(),
            target_figures: "3.2".into(),
        },
    ];
    let mut out = Vec::new();
    write_qa_csv(&mut out, &rows).unwrap();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "segment",
            "verdict",
            "accepted",
            "note",
            "source",
            "target",
            "source_figures",
            "target_figures"
        ]
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 2);
    assert_eq!(&records[0][1], "ok");
    assert_eq!(&records[0][3], "");
    assert_eq!(&records[0][5], "ໃນປີ 2024 ມີນັກຮຽນ 1.255 ຄົນ.");
    assert_eq!(&records[1][2], "true");
    assert_eq!(&records[1][3], "converted, \"miles\" to km");
    assert_eq!(&records[1][4], "two\nlines");
}
