//! Gold TMX: the segment pairs that hold translation-linked figures, from a
//! line pair's stored segments and from two plain documents' sentences
//! aligned; valid against the TMX 1.4b DTD (xmllint), read by
//! translate-toolkit with the right texts, each side naming its document.

mod common;

use std::path::{Path, PathBuf};

use common::cli::ok;
use common::tools::{dtd_valid, tool_present, translate_toolkit_units};
use quick_xml::Reader;
use quick_xml::events::Event;
use serde_json::Value;

const LAO: &str = "ມີ75ຄົນ ໄດ້ຮັບເງິນ 65,5 ລ້ານ ກີບ.\r\n😀 ປີ 2024 ມີ 12 ແຂວງ.\r\n";
const ENGLISH_LINES: &str =
    "75 people got 😀 65.5 million kip.\r\nIn 2024 there were 12 provinces.\r\n";
const ENGLISH_PROSE: &str = "In 2024, 75 people got 😀 65.5 million kip in 12 provinces.\n";

/// A project of the two texts (documents 1 and 2), every figure confirmed
/// and linked by `tualek align`; `pair` imports them as a line pair.
fn project(dir: &Path, english: &str, pair: bool) -> String {
    let p = dir.join("p.tualek").to_str().unwrap().to_string();
    ok(&["new", &p]);
    let lo = common::write(dir, "lo.txt", LAO.as_bytes());
    let en = common::write(dir, "en.txt", english.as_bytes());
    let (lo, en) = (lo.to_str().unwrap(), en.to_str().unwrap());
    if pair {
        ok(&["import-pair", &p, lo, en]);
    } else {
        ok(&["import", &p, lo, en]);
    }
    for f in figures(&p) {
        ok(&["review", &p, &f["id"].to_string(), "confirm"]);
    }
    ok(&["align", &p, "1", "2"]);
    p
}

fn figures(p: &str) -> Vec<Value> {
    ok(&["figures", p, "--format", "jsonl"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn figure_id(p: &str, language: &str, text: &str) -> String {
    figures(p)
        .into_iter()
        .find(|f| f["language"] == language && f["text"] == text)
        .map(|f| f["id"].to_string())
        .unwrap()
}

fn export(p: &str, extra: &[&str]) -> PathBuf {
    let out = Path::new(p).with_file_name("gold.tmx");
    let mut args = vec![
        "export",
        p,
        "--format",
        "tmx",
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    ok(&args);
    out
}

/// One `<tu>` as written: its props and its `<tuv>`s.
#[derive(Debug, Default)]
struct Tu {
    props: Vec<(String, String)>,
    tuvs: Vec<Tuv>,
}

#[derive(Debug, Default)]
struct Tuv {
    lang: String,
    props: Vec<(String, String)>,
    text: String,
}

fn read_tus(path: &Path) -> (String, Vec<Tu>) {
    let xml = std::fs::read_to_string(path).unwrap();
    let mut reader = Reader::from_str(&xml);
    let (mut srclang, mut tus) = (String::new(), Vec::<Tu>::new());
    let (mut prop, mut in_seg) = (None::<String>, false);
    // The attributes read (xml:lang, type, srclang) hold no references.
    let attr = |e: &quick_xml::events::BytesStart, name: &str| {
        e.try_get_attribute(name)
            .unwrap()
            .map(|a| a.value.into_owned())
            .unwrap_or_default()
    };
    loop {
        match reader.read_event().unwrap() {
            Event::Empty(e) if e.name().as_ref() == "header" => srclang = attr(&e, "srclang"),
            Event::Start(e) => match e.name().as_ref() {
                "tu" => tus.push(Tu::default()),
                "tuv" => {
                    let tu = tus.last_mut().unwrap();
                    tu.tuvs.push(Tuv {
                        lang: attr(&e, "xml:lang"),
                        ..Tuv::default()
                    });
                }
                "prop" => prop = Some(attr(&e, "type")),
                "seg" => in_seg = true,
                _ => {}
            },
            Event::End(e) if e.name().as_ref() == "seg" => in_seg = false,
            Event::Text(t) => {
                let text = t.xml10_content().into_owned();
                let tu = tus.last_mut();
                if let (Some(kind), Some(tu)) = (prop.take(), tu) {
                    match tu.tuvs.last_mut() {
                        Some(tuv) => tuv.props.push((kind, text)),
                        None => tu.props.push((kind, text)),
                    }
                } else if in_seg {
                    tus.last_mut().unwrap().tuvs.last_mut().unwrap().text += &text;
                }
            }
            Event::GeneralRef(r) if in_seg => {
                let c = r.resolve_char_ref().unwrap().unwrap();
                tus.last_mut()
                    .unwrap()
                    .tuvs
                    .last_mut()
                    .unwrap()
                    .text
                    .push(c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    (srclang, tus)
}

fn props<'a>(props: &'a [(String, String)], kind: &str) -> Vec<&'a str> {
    props
        .iter()
        .filter(|(k, _)| k == kind)
        .map(|(_, v)| v.as_str())
        .collect()
}

/// Valid per the DTD, and what translate-toolkit reads: (source, target) per unit.
fn consumers_read(path: &Path) -> Option<Vec<(String, String)>> {
    if !tool_present("xmllint", &["--version"], "xmllint (libxml2-utils)") {
        return None;
    }
    dtd_valid(path).unwrap();
    if !tool_present("python3", &["-c", "import translate"], "translate-toolkit") {
        return None;
    }
    let units = translate_toolkit_units(path);
    Some(units.into_iter().map(|(s, t, _)| (s, t)).collect())
}

#[test]
fn a_line_pair_gives_its_stored_segments_with_each_links_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let p = project(dir.path(), ENGLISH_LINES, true);
    // A link across two segments: no segment pair holds both figures.
    let (a, b) = (figure_id(&p, "lo", "75"), figure_id(&p, "en", "12"));
    ok(&["link", &p, &a, &b]);
    let out = Path::new(&p).with_file_name("gold.tmx");
    let said = ok(&[
        "export",
        &p,
        "--format",
        "tmx",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        said.contains(
            "1 of 5 translation links left out: their figures stand in different sentence pairs"
        ),
        "{said}"
    );
    let (srclang, tus) = read_tus(&out);
    assert_eq!(srclang, "lo");
    assert_eq!(tus.len(), 2, "{tus:?}");
    let lines: Vec<Vec<&str>> = [LAO, ENGLISH_LINES]
        .iter()
        .map(|t| t.split("\r\n").collect())
        .collect();
    for (i, tu) in tus.iter().enumerate() {
        assert_eq!(props(&tu.props, "x-segmentation"), ["stored"]);
        assert_eq!(props(&tu.props, "x-segment"), [(i + 1).to_string()]);
        assert_eq!(tu.tuvs.len(), 2);
        let (lo, en) = (&tu.tuvs[0], &tu.tuvs[1]);
        assert_eq!((lo.lang.as_str(), en.lang.as_str()), ("lo", "en"));
        assert_eq!(props(&lo.props, "x-doc"), ["1"]);
        assert_eq!(props(&en.props, "x-doc"), ["2"]);
        assert_eq!(lo.text, lines[0][i]);
        assert_eq!(en.text, lines[1][i]);
        assert_eq!(props(&tu.props, "x-link").len(), 2);
    }
    assert_eq!(
        props(&tus[0].props, "x-link"),
        ["75 = 75: agrees", "65,5 ລ້ານ = 65.5 million: agrees"]
    );
    let all = std::fs::read_to_string(&out).unwrap();
    assert!(
        !all.contains("75 = 12"),
        "the cross-segment link is left out"
    );
    if let Some(units) = consumers_read(&out) {
        let texts: Vec<(String, String)> = (0..2)
            .map(|i| (lines[0][i].to_string(), lines[1][i].to_string()))
            .collect();
        assert_eq!(units, texts);
    }
    // Figures outside the set take their links with them: an empty, valid TMX.
    let none = export(&p, &["--status", "rejected"]);
    assert!(read_tus(&none).1.is_empty());
    consumers_read(&none);
}

#[test]
fn two_plain_documents_give_their_sentences_aligned_with_a_cr_kept() {
    let dir = tempfile::tempdir().unwrap();
    let p = project(dir.path(), ENGLISH_PROSE, false);
    let out = export(&p, &[]);
    let raw = std::fs::read_to_string(&out).unwrap();
    assert!(raw.contains("&#xD;"), "a CR in a segment is a reference");
    let (_, tus) = read_tus(&out);
    assert!(!tus.is_empty());
    let mut links = 0;
    for tu in &tus {
        assert_eq!(props(&tu.props, "x-segmentation"), ["sentences"]);
        assert_eq!(props(&tu.tuvs[0].props, "x-doc"), ["1"]);
        assert_eq!(props(&tu.tuvs[1].props, "x-doc"), ["2"]);
        assert!(LAO.contains(&tu.tuvs[0].text) && ENGLISH_PROSE.contains(&tu.tuvs[1].text));
        for verdict in props(&tu.props, "x-link") {
            let (pair, status) = verdict.rsplit_once(": ").unwrap();
            let (a, b) = pair.split_once(" = ").unwrap();
            assert!(
                tu.tuvs[0].text.contains(a) && tu.tuvs[1].text.contains(b),
                "{verdict}"
            );
            assert_eq!(status, "agrees");
            links += 1;
        }
    }
    assert_eq!(links, 4, "every link align made sits in one sentence pair");
    if let Some(units) = consumers_read(&out) {
        let read: Vec<(String, String)> = tus
            .iter()
            .map(|t| (t.tuvs[0].text.clone(), t.tuvs[1].text.clone()))
            .collect();
        assert_eq!(units, read);
        assert!(units.iter().any(|(s, _)| s.contains("\r\n")), "{units:?}");
    }
}
