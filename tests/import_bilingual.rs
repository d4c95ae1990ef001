//! Bilingual files in: TMX, XLIFF 1.2 and 2.0, line pairs, and bad files
//! refused with a reason. Fixtures in tests/fixtures/bilingual are our own sentences.

use std::path::{Path, PathBuf};

use tualek::import::bilingual::{
    Bilingual, SegmentText, pair_lines, parse_tmx, parse_xliff, read_bilingual, read_line_pair,
};
use tualek::import::{ImportError, ImportOptions, is_bilingual};
use tualek::model::{InlineTag, Language};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bilingual")
        .join(name)
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap()
}

/// Code points before the first `needle` in `text`.
fn char_at(text: &str, needle: &str) -> usize {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} in {text:?}"));
    text[..byte].chars().count()
}

fn tag(at: usize, name: &str, xml: &str) -> InlineTag {
    InlineTag {
        at,
        name: name.into(),
        xml: xml.into(),
    }
}

fn texts(
    side: impl Fn(&tualek::import::bilingual::Unit) -> &SegmentText,
    b: &Bilingual,
) -> Vec<String> {
    b.units.iter().map(|u| side(u).text.clone()).collect()
}

type Parser = fn(&[u8]) -> Result<Bilingual, ImportError>;

fn error_message(result: Result<Bilingual, ImportError>) -> String {
    result.expect_err("the file should be refused").to_string()
}

#[test]
fn tmx_units_languages_and_text_without_markup() {
    let tmx = parse_tmx(&bytes("budget.tmx")).unwrap();
    assert_eq!(tmx.source_lang, Some(Language::new("lo-la")));
    assert_eq!(tmx.target_lang, Some(Language::new("en-us")));
    assert_eq!(
        texts(|u| &u.source, &tmx),
        [
            "ໃນປີ 2024 ມີນັກຮຽນ 1.255 ຄົນ.",
            // The source is the tuv in srclang, though it comes second here.
            "ລາຄາເພີ່ມຂຶ້ນ 3,6 ເປີເຊັນ & ອື່ນໆ.",
            // <sub> inside <ph> is not text; <hi>'s content is.
            "ໂຮງຮຽນມີຄູ ໑໒ ຄົນ.",
            // Character references and CDATA.
            "ງົບປະມານ 65,5 ລ້ານກີບ <ປີ 2025>",
            "ແຖວທີໜຶ່ງ\nແຖວທີ 2",
        ]
    );
    assert_eq!(
        texts(|u| &u.target, &tmx),
        [
            "In 2024 there were 1,255 students.",
            "Prices rose by 3.6 percent & more.",
            "The school has 12 teachers.",
            "A budget of 65.5 million Kip <2025>",
            "First line\nline 2",
        ]
    );
}

#[test]
fn tmx_inline_tags_keep_their_xml_and_position() {
    let tmx = parse_tmx(&bytes("budget.tmx")).unwrap();
    let first = &tmx.units[0].target;
    let at = char_at(&first.text, "1,255");
    assert_eq!(
        first.tags,
        [
            tag(at, "bpt", r#"<bpt i="1">&lt;b&gt;</bpt>"#),
            tag(at + 5, "ept", r#"<ept i="1">&lt;/b&gt;</ept>"#),
        ]
    );
    let lao = &tmx.units[2].source;
    let digits = char_at(&lao.text, "໑໒");
    let dot = char_at(&lao.text, ".");
    assert_eq!(
        lao.tags,
        [
            tag(digits, "hi", r#"<hi type="em">"#),
            tag(digits + 2, "hi", "</hi>"),
            tag(dot, "ph", "<ph>{1}<sub>ບໍ່ແມ່ນຂໍ້ຄວາມ</sub></ph>"),
        ]
    );
}

#[test]
fn tmx_with_a_bom_utf16_and_crlf_reads_the_same() {
    let plain = parse_tmx(&bytes("budget.tmx")).unwrap();
    let text = String::from_utf8(bytes("budget.tmx")).unwrap();
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    assert_eq!(parse_tmx(&with_bom).unwrap(), plain);

    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(parse_tmx(&utf16).unwrap(), plain);

    // CR LF inside a segment reads as LF, like XML's own line-end rule.
    let crlf = text.replace('\n', "\r\n");
    let read = parse_tmx(crlf.as_bytes()).unwrap();
    assert_eq!(read.units[4].source.text, "ແຖວທີໜຶ່ງ\nແຖວທີ 2");
    assert_eq!(texts(|u| &u.target, &read), texts(|u| &u.target, &plain));
}

#[test]
fn tmx_srclang_all_takes_the_first_tuv() {
    let tmx = r#"<tmx version="1.4"><header srclang="*all*"/><body>
        <tu><tuv xml:lang="en"><seg>Ten</seg></tuv><tuv xml:lang="lo"><seg>ສິບ</seg></tuv></tu>
        </body></tmx>"#;
    let read = parse_tmx(tmx.as_bytes()).unwrap();
    assert_eq!(read.units[0].source.text, "Ten");
    assert_eq!(read.units[0].target.text, "ສິບ");
    assert_eq!(read.source_lang, Some(Language::new("en")));
}

#[test]
fn xliff_12_units_in_groups_with_inline_tags() {
    let xliff = parse_xliff(&bytes("households.xlf")).unwrap();
    assert_eq!(xliff.source_lang, Some(Language::new("en")));
    assert_eq!(xliff.target_lang, Some(Language::new("lo")));
    assert_eq!(
        texts(|u| &u.source, &xliff),
        [
            "The district counted 75 households.",
            "Half of them have water.",
            "Twelve wells were dug <2023>.",
            "Cost: $4,500",
        ]
    );
    assert_eq!(
        texts(|u| &u.target, &xliff),
        [
            "ເມືອງນັບໄດ້ 75 ຄົວເຮືອນ.",
            "ເຄິ່ງໜຶ່ງ ມີນ້ຳໃຊ້.",
            "ໄດ້ຂຸດນ້ຳສ້າງ ສິບສອງ ແຫ່ງ <2023>.",
            "ຄ່າໃຊ້ຈ່າຍ: 4.500 ໂດລາ",
        ]
    );
    let g = &xliff.units[0].target;
    let at = char_at(&g.text, "75");
    assert_eq!(
        g.tags,
        [tag(at, "g", r#"<g id="1">"#), tag(at + 2, "g", "</g>")]
    );
    let x = &xliff.units[1].source;
    assert_eq!(x.tags, [tag(12, "x", r#"<x id="2"/>"#)]);
    let mrk = &xliff.units[2].source;
    assert_eq!(mrk.tags[0], tag(13, "mrk", r#"<mrk mtype="term">"#));
    assert_eq!(mrk.tags[1], tag(17, "mrk", "</mrk>"));
}

#[test]
fn xliff_20_segments_of_a_unit_are_joined_with_a_space() {
    let xliff = parse_xliff(&bytes("road.xlf")).unwrap();
    assert_eq!(xliff.source_lang, Some(Language::new("en")));
    assert_eq!(xliff.target_lang, Some(Language::new("lo")));
    assert_eq!(
        texts(|u| &u.source, &xliff),
        [
            "The road is 42 km long. It cost 9 billion kip.",
            "Open in 2026."
        ]
    );
    assert_eq!(
        texts(|u| &u.target, &xliff),
        ["ທາງຍາວ 42 ກມ. ມັນມູນຄ່າ 9 ຕື້ ກີບ.", "ເປີດ ໃນປີ 2026."]
    );
    // The second segment's tags moved by the first segment and the space.
    let target = &xliff.units[0].target;
    let at = char_at(&target.text, "9 ຕື້");
    assert_eq!(
        target.tags,
        [tag(at, "pc", r#"<pc id="1">"#), tag(at + 5, "pc", "</pc>")]
    );
    assert_eq!(
        xliff.units[1].source.tags,
        [tag(4, "ph", r#"<ph id="2"/>"#)]
    );
}

#[test]
fn line_pairs_keep_blank_lines_as_empty_segments() {
    let pair = pair_lines(&bytes("pair-lo.txt"), &bytes("pair-en.txt")).unwrap();
    assert_eq!(pair.source_lang, Some(Language::new("lo")));
    assert_eq!(pair.target_lang, Some(Language::new("en")));
    assert_eq!(pair.units.len(), 4);
    assert_eq!(pair.units[2].source.text, "");
    assert_eq!(pair.units[2].target.text, "");
    assert_eq!(pair.units[3].target.text, "Laos has 18 provinces.");
    // CR LF and lone CR end lines as LF does.
    let crlf = pair_lines(b"one 1\r\ntwo 2\r\n", b"ONE 1\rTWO 2\r").unwrap();
    assert_eq!(texts(|u| &u.source, &crlf), ["one 1", "two 2"]);
    assert_eq!(texts(|u| &u.target, &crlf), ["ONE 1", "TWO 2"]);
}

#[test]
fn line_pairs_of_unequal_length_are_refused() {
    let message = error_message(pair_lines(b"a\nb\nc\n", b"a\nb\n"));
    assert_eq!(message, "the source has 3 lines and the target 2");
}

#[test]
fn bad_files_say_what_is_wrong() {
    let cases: &[(&str, &str, Parser)] = &[
        (
            "<tmx><body><tu>",
            "not well-formed XML (line 1): <tu> is never closed",
            parse_tmx,
        ),
        (
            "<tmx>\n<body>\n</tuv></body></tmx>",
            "not well-formed XML (line 3)",
            parse_tmx,
        ),
        (
            "<!DOCTYPE html><html><body><p>Hi<br></p></body></html>",
            "the root element is <html>, not <tmx>",
            parse_tmx,
        ),
        (
            "<tmx version=\"1.4\"><body/></tmx>",
            "the file has no translation units",
            parse_tmx,
        ),
        (
            "<tmx><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>1</seg></tuv></tu>\
             <tu><tuv xml:lang=\"en\"><seg>2</seg></tuv><tuv xml:lang=\"lo\"><seg>2</seg></tuv></tu>\
             <tu><tuv xml:lang=\"en\"><seg>3</seg></tuv></tu></body></tmx>",
            "translation unit 1 has no target segment",
            parse_tmx,
        ),
        (
            "<tmx><header srclang=\"fr\"/><body><tu><tuv xml:lang=\"en\"><seg>1</seg></tuv>\
             <tuv xml:lang=\"lo\"><seg>1</seg></tuv></tu></body></tmx>",
            "translation unit 1 has no source segment",
            parse_tmx,
        ),
        (
            "<tmx><body><tu><tuv xml:lang=\"en\"><seg>&bogus;</seg></tuv></tu></body></tmx>",
            "the entity &bogus; is not defined",
            parse_tmx,
        ),
        (
            "<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>a</source><target>b</target></trans-unit>\
             <group><trans-unit id=\"2\"><source>Nine 9</source></trans-unit></group></body></file></xliff>",
            "translation unit 2 has no target segment",
            parse_xliff,
        ),
        (
            "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\"><file><unit id=\"1\">\
             <segment><source>a</source><target>b</target></segment><segment><source>c</source></segment>\
             </unit></file></xliff>",
            "translation unit 1 has no target segment",
            parse_xliff,
        ),
        (
            "<xliff version=\"3.1\"><file/></xliff>",
            "XLIFF version '3.1' is not supported",
            parse_xliff,
        ),
        (
            "<tmx><body></body></tmx>",
            "the root element is <tmx>, not <xliff>",
            parse_xliff,
        ),
        ("", "the file is empty", parse_tmx),
        ("just words, 12 of them", "no root element", parse_tmx),
    ];
    for (file, expected, parse) in cases {
        let message = error_message(parse(file.as_bytes()));
        assert!(
            message.contains(expected),
            "{file:?}: {message:?} should say {expected:?}"
        );
    }
}

#[test]
fn declared_entities_are_refused_never_expanded() {
    let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE tmx [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
]>
<tmx><body><tu><tuv xml:lang="en"><seg>&lol2;</seg></tuv></tu></body></tmx>"#;
    let message = error_message(parse_tmx(laughs.as_bytes()));
    assert!(message.contains("declares entities"), "{message}");
}

#[test]
fn nesting_deeper_than_the_cap_is_refused() {
    let depth = tualek::import::bilingual::MAX_DEPTH + 10;
    let file = format!(
        "<tmx><body>{}{}</body></tmx>",
        "<hi>".repeat(depth),
        "</hi>".repeat(depth)
    );
    let message = error_message(parse_tmx(file.as_bytes()));
    assert_eq!(
        message,
        format!("elements are nested deeper than {} levels", depth - 10)
    );
}

#[test]
fn into_pair_spans_index_each_segment_exactly() {
    for (name, parse) in [
        ("budget.tmx", parse_tmx as Parser),
        ("households.xlf", parse_xliff),
        ("road.xlf", parse_xliff),
    ] {
        let bilingual = parse(&bytes(name)).unwrap();
        let units = bilingual.units.clone();
        let pair = bilingual
            .into_pair(&fixture(name), &ImportOptions::default())
            .unwrap();
        assert_eq!(pair.segments.len(), units.len(), "{name}");
        let source: Vec<char> = pair.source.text.chars().collect();
        let target: Vec<char> = pair.target.text.chars().collect();
        for (segment, unit) in pair.segments.iter().zip(&units) {
            let cut = |doc: &[char], span: tualek::model::Span| -> String {
                doc[span.start..span.end].iter().collect()
            };
            assert_eq!(cut(&source, segment.source), unit.source.text, "{name}");
            assert_eq!(cut(&target, segment.target), unit.target.text, "{name}");
            assert_eq!(segment.source_tags, unit.source.tags);
            assert_eq!(segment.target_tags, unit.target.tags);
            assert_eq!(
                (segment.id, segment.source_doc, segment.target_doc),
                (0, 0, 0)
            );
        }
        let numbers: Vec<u32> = pair.segments.iter().map(|s| s.number).collect();
        assert_eq!(numbers, (1..=units.len() as u32).collect::<Vec<_>>());
        assert_eq!(pair.source.meta.char_len as usize, source.len());
        assert_ne!(pair.source.meta.sha256, pair.target.meta.sha256);
        assert_eq!(pair.source.meta.source_path, pair.target.meta.source_path);
    }
}

#[test]
fn into_pair_joins_segments_with_newlines_and_names_the_documents() {
    let xliff = parse_xliff(&bytes("households.xlf")).unwrap();
    let pair = xliff
        .into_pair(&fixture("households.xlf"), &ImportOptions::default())
        .unwrap();
    assert!(
        pair.source
            .text
            .starts_with("The district counted 75 households.\nHalf of them")
    );
    assert_eq!(pair.source.meta.title, "households (en)");
    assert_eq!(pair.target.meta.title, "households (lo)");
    assert_eq!(pair.target.meta.language, Language::new("lo"));
    // A tag's position plus its segment's start is its place in the document.
    let segment = &pair.segments[0];
    let tag = &segment.target_tags[0];
    let doc: Vec<char> = pair.target.text.chars().collect();
    let from: String = doc[segment.target.start + tag.at..]
        .iter()
        .take(2)
        .collect();
    assert_eq!(from, "75");
}

#[test]
fn missing_languages_are_guessed_from_each_side() {
    let tmx = r#"<tmx><header srclang="*all*"/><body>
        <tu><tuv xml:lang="not a tag"><seg>ມີ 3 ຄົນ</seg></tuv><tuv xml:lang="?"><seg>There are 3 people</seg></tuv></tu>
        </body></tmx>"#;
    let read = parse_tmx(tmx.as_bytes()).unwrap();
    assert_eq!(
        (read.source_lang.clone(), read.target_lang.clone()),
        (None, None)
    );
    let pair = read
        .into_pair(Path::new("mixed.tmx"), &ImportOptions::default())
        .unwrap();
    assert_eq!(pair.source.meta.language, Language::new("lo"));
    assert_eq!(pair.target.meta.language, Language::new("en"));
}

#[test]
fn files_by_extension_with_the_size_limit() {
    assert!(is_bilingual(Path::new("a/report.TMX")));
    assert!(is_bilingual(Path::new("x.xlf")) && is_bilingual(Path::new("x.xliff")));
    assert!(!is_bilingual(Path::new("x.txt")));
    let options = ImportOptions::default();
    assert_eq!(
        read_bilingual(&fixture("budget.tmx"), &options)
            .unwrap()
            .units
            .len(),
        5
    );
    assert_eq!(
        read_bilingual(&fixture("road.xlf"), &options)
            .unwrap()
            .units
            .len(),
        2
    );
    let small = ImportOptions {
        max_bytes: 100,
        ..ImportOptions::default()
    };
    let too_large = read_bilingual(&fixture("budget.tmx"), &small).unwrap_err();
    assert!(matches!(
        too_large,
        ImportError::TooLarge { limit: 100, .. }
    ));
    assert_eq!(
        read_bilingual(&fixture("pair-en.txt"), &options).unwrap_err(),
        ImportError::NotBilingual
    );
    let lines = read_line_pair(&fixture("pair-lo.txt"), &fixture("pair-en.txt"), &options).unwrap();
    let pair = lines
        .into_pair_of_files(&fixture("pair-lo.txt"), &fixture("pair-en.txt"), &options)
        .unwrap();
    assert_eq!(pair.source.meta.title, "pair-lo");
    assert_eq!(pair.target.meta.title, "pair-en");
    assert_eq!(pair.segments[2].source.len(), 0);
    assert_eq!(pair.segments[3].number, 4);
}

/// Never a panic on a damaged file: every truncation of each fixture, and
/// random byte changes, end in units or in a reason.
#[test]
fn damaged_files_are_refused_without_panicking() {
    let mut rng = fastrand::Rng::with_seed(12);
    for (name, parse) in [
        ("budget.tmx", parse_tmx as Parser),
        ("households.xlf", parse_xliff),
        ("road.xlf", parse_xliff),
    ] {
        let good = bytes(name);
        let mut refused = 0;
        for cut in 0..good.len() {
            refused += usize::from(parse(&good[..cut]).is_err());
        }
        // Only cuts after the root's end tag still read; every earlier one is refused.
        assert!(
            refused >= good.len() - 20,
            "{name}: {refused} of {} cuts refused",
            good.len()
        );
        for _ in 0..2000 {
            let mut bad = good.clone();
            for _ in 0..rng.usize(1..4) {
                let at = rng.usize(..bad.len());
                bad[at] = *rng.choice(b"<>&/\"'=![]x\n\0\xE0\xFF;#".iter()).unwrap();
            }
            if let Ok(read) = parse(&bad) {
                assert!(!read.units.is_empty(), "{name}: units or an error");
            }
        }
    }
}

#[test]
fn xliff_version_is_told_by_the_namespace_when_the_root_has_none() {
    let two = r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="lo">
        <file id="f"><unit id="1"><segment><source>Seven</source><target>ເຈັດ</target></segment></unit></file></xliff>"#;
    let one = r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" target-language="lo">
        <body><trans-unit id="1"><source>Eight</source><target>ແປດ</target></trans-unit></body></file></xliff>"#;
    let two = parse_xliff(two.as_bytes()).unwrap();
    let one = parse_xliff(one.as_bytes()).unwrap();
    assert_eq!(two.units[0].target.text, "ເຈັດ");
    assert_eq!(one.units[0].target.text, "ແປດ");
    assert_eq!(one.target_lang, Some(Language::new("lo")));
}

#[test]
fn a_tmx_sub_outside_a_code_element_is_not_text() {
    let tmx = r#"<tmx><header srclang="en"/><body><tu>
        <tuv xml:lang="en"><seg>a<sub>not this</sub>b 4</seg></tuv>
        <tuv xml:lang="lo"><seg>ກ 4</seg></tuv></tu></body></tmx>"#;
    let read = parse_tmx(tmx.as_bytes()).unwrap();
    assert_eq!(read.units[0].source.text, "ab 4");
    assert!(read.units[0].source.tags.is_empty());
}

#[test]
fn lone_carriage_returns_keep_blank_lines_too() {
    let pair = pair_lines(b"one 1\r\rthree 3\r", b"ONE 1\n\nTHREE 3").unwrap();
    assert_eq!(texts(|u| &u.source, &pair), ["one 1", "", "three 3"]);
    assert_eq!(texts(|u| &u.target, &pair), ["ONE 1", "", "THREE 3"]);
}
