use super::*;
use crate::export::annotations::AnnotatedDoc;
use crate::model::{Figure, Origin, Span};

fn figure(
    id: i64,
    doc: i64,
    text: &str,
    at: usize,
    kind: Kind,
    status: Status,
    reviewer: Option<&str>,
) -> Figure {
    Figure {
        id,
        document: doc,
        span: Span::new(at, at + text.chars().count()),
        text: text.into(),
        kind,
        value: None,
        value_max: None,
        unit: None,
        origin: Origin::manual(),
        status,
        reviewer: reviewer.map(String::from),
        reviewed_at: None,
        note: None,
    }
}

/// Two documents, Lao and English, four figures by two reviewers and one by nobody.
fn set() -> GoldSet {
    let lo = AnnotatedDoc {
        id: 1,
        title: "ບົດລາຍງານ | 2024".into(),
        language: "lo".into(),
        text: "ມີ75ຄົນ ປີ 2024".into(),
        figures: vec![
            figure(10, 1, "75", 2, Kind::Count, Status::Confirmed, Some("Noy")),
            figure(
                11,
                1,
                "2024",
                10,
                Kind::Year,
                Status::Corrected,
                Some("Noy"),
            ),
        ],
    };
    let en = AnnotatedDoc {
        id: 2,
        title: "Report".into(),
        language: "en".into(),
        text: "In 2024, 75 people got 5%.".into(),
        figures: vec![
            figure(20, 2, "2024", 3, Kind::Year, Status::Confirmed, Some("Ann")),
            figure(21, 2, "75", 9, Kind::Count, Status::Confirmed, Some("Ann")),
            figure(22, 2, "5%", 23, Kind::Percent, Status::Unreviewed, None),
        ],
    };
    GoldSet::new(vec![lo, en], Vec::new())
}

#[test]
fn counts_come_from_the_set() {
    let c = counts(&set());
    assert_eq!(c.figures, 5);
    assert_eq!(
        c.kinds,
        [(Kind::Count, 2), (Kind::Percent, 1), (Kind::Year, 2)]
    );
    assert_eq!(
        c.statuses,
        vec![
            (Status::Unreviewed, 1),
            (Status::Confirmed, 3),
            (Status::Corrected, 1)
        ]
    );
    assert_eq!(c.reviewers.get(&Some("Noy".into())), Some(&2));
    assert_eq!(c.reviewers.get(&Some("Ann".into())), Some(&2));
    assert_eq!(c.reviewers.get(&None), Some(&1));
    assert_eq!(c.languages, ["en", "lo"]);
    assert_eq!(
        c.documents[0],
        (1, "ບົດລາຍງານ | 2024".into(), "lo".into(), 2)
    );
}

#[test]
fn size_buckets_follow_the_hub() {
    assert_eq!(size_category(0), "n<1K");
    assert_eq!(size_category(999), "n<1K");
    assert_eq!(size_category(1000), "1K<n<10K");
    assert_eq!(size_category(9_999), "1K<n<10K");
    assert_eq!(size_category(10_000), "10K<n<100K");
    assert_eq!(size_category(2_500_000), "1M<n<10M");
    assert_eq!(size_category(usize::MAX), "n>1T");
}

/// The card of [`set`] exported as one spaCy file in a temporary folder.
fn written(options: &CardOptions) -> (tempfile::TempDir, Card) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("gold.spacy.jsonl");
    std::fs::write(&file, "{}\n").unwrap();
    let card = card(
        &counts(&set()),
        GoldFormat::Spacy,
        dir.path(),
        &[file],
        options,
    )
    .unwrap();
    (dir, card)
}

fn front_matter(readme: &str) -> &str {
    let rest = readme
        .strip_prefix("---\n")
        .expect("opens with front matter");
    &rest[..rest.find("\n---\n").expect("front matter closes")]
}

#[test]
fn front_matter_has_the_hub_fields() {
    let date = time::macros::date!(2026 - 12 - 01);
    let options = CardOptions {
        date: Some(date),
        ..Default::default()
    };
    let (_dir, card) = written(&options);
    let fm = front_matter(&card.readme);
    for line in [
        "tualek_export: true",
        "pretty_name: \"Tualek gold-standard figures\"",
        "language:\n- en\n- lo\n",
        "annotations_creators:\n- expert-generated\n",
        "language_creators:\n- found\n",
        "multilinguality:\n- multilingual\n",
        "size_categories:\n- n<1K\n",
        "task_categories:\n- token-classification\n",
        "task_ids:\n- named-entity-recognition\n",
        "configs:\n- config_name: default\n  data_files:\n  - split: train\n    path:\n    - \"gold.spacy.jsonl\"",
    ] {
        assert!(fm.contains(line), "{line:?} not in\n{fm}");
    }
    assert!(fm.contains("license: unknown # not stated"), "{fm}");
    let body = &card.readme[fm.len()..];
    assert!(body.contains("| Noy | 2 |"), "{body}");
    assert!(body.contains("| (nobody named) | 1 |"), "{body}");
    assert!(body.contains("| year | 2 |"), "{body}");
    assert!(body.contains("| confirmed | 3 |"), "{body}");
    assert!(
        body.contains("ບົດລາຍງານ \\| 2024"),
        "a | in a title does not end the cell"
    );
    assert!(body.contains("Annotation guideline: v3"));
    assert!(body.contains(env!("CARGO_PKG_VERSION")));
    assert!(body.contains("2026-12-01"));
    assert!(body.contains("**code points**"));
    assert_eq!(card.croissant["datePublished"], "2026-12-01");
    assert_eq!(card.croissant["license"], "unknown");
    assert!(card.croissant.get("url").is_none());
}

#[test]
fn one_language_is_monolingual_and_a_licence_is_written_both_ways() {
    let mut set = set();
    set.docs.remove(0);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("g.jsonl");
    std::fs::write(&file, "{}\n").unwrap();
    let options = CardOptions {
        license: Some("CC-BY-4.0".into()),
        url: Some("https://example.org/gold".into()),
        ..Default::default()
    };
    let card = card(
        &counts(&set),
        GoldFormat::Spacy,
        dir.path(),
        &[file],
        &options,
    )
    .unwrap();
    let fm = front_matter(&card.readme);
    assert!(fm.contains("multilinguality:\n- monolingual\n"), "{fm}");
    assert!(fm.contains("license: \"cc-by-4.0\""), "{fm}");
    assert_eq!(
        card.croissant["license"],
        "https://spdx.org/licenses/CC-BY-4.0.html"
    );
    assert_eq!(card.croissant["url"], "https://example.org/gold");
}

#[test]
fn the_distribution_states_each_file_size_and_sha256() {
    let (_dir, card) = written(&CardOptions::default());
    let files = card.croissant["distribution"].as_array().unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0]["contentUrl"], "gold.spacy.jsonl");
    assert_eq!(files[0]["encodingFormat"], "application/jsonlines");
    // sha256("{}\n")
    assert_eq!(
        files[0]["sha256"],
        "ca3d163bab055381827226140568f3bef7eaac187cebd76878e0b63e9e442356"
    );
    assert_eq!(files[0]["contentSize"], "3 B");
    let spans = &card.croissant["recordSet"][0]["field"][4];
    assert_eq!(spans["repeated"], true);
    assert_eq!(
        spans["subField"][0]["source"]["transform"]["jsonPath"],
        "start"
    );
}

#[test]
fn yaml_quoting_keeps_lao_and_escapes_what_yaml_cannot_hold() {
    assert_eq!(readme::yaml_quoted("ລາວ 😀"), "\"ລາວ 😀\"");
    assert_eq!(readme::yaml_quoted("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
    assert_eq!(readme::yaml_quoted("x\u{1}\u{2028}"), "\"x\\u0001\\u2028\"");
}

#[test]
fn a_file_outside_the_card_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let other = tempfile::tempdir().unwrap();
    let file = other.path().join("g.jsonl");
    std::fs::write(&file, "{}\n").unwrap();
    let err = card(
        &counts(&set()),
        GoldFormat::Spacy,
        dir.path(),
        &[file],
        &CardOptions::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("is not in"), "{err}");
}

#[test]
fn a_foreign_readme_is_refused_and_left_alone_but_our_own_is_replaced() {
    let (dir, _) = written(&CardOptions::default());
    let files = [dir.path().join("gold.spacy.jsonl")];
    let readme = dir.path().join(README);
    std::fs::write(&readme, "# My notes\n").unwrap();
    let err = write_card(
        dir.path(),
        &set(),
        GoldFormat::Spacy,
        &files,
        &CardOptions::default(),
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("not a dataset card Tualek wrote"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&readme).unwrap(), "# My notes\n");
    assert!(!dir.path().join(CROISSANT).exists());
    // Front matter of someone else's that merely mentions the key is not ours either.
    std::fs::write(&readme, "---\nlicense: mit\n---\ntualek_export: true\n").unwrap();
    assert!(check_card_target(dir.path()).is_err());
    // Our own card is replaced.
    std::fs::remove_file(&readme).unwrap();
    let written = write_card(
        dir.path(),
        &set(),
        GoldFormat::Spacy,
        &files,
        &CardOptions::default(),
    )
    .unwrap();
    assert_eq!(written, [readme.clone(), dir.path().join(CROISSANT)]);
    check_card_target(dir.path()).unwrap();
    write_card(
        dir.path(),
        &set(),
        GoldFormat::Spacy,
        &files,
        &CardOptions::default(),
    )
    .unwrap();
    // A croissant.json without our README beside it is someone else's.
    std::fs::remove_file(&readme).unwrap();
    assert!(check_card_target(dir.path()).is_err());
}

#[test]
fn card_dir_is_the_folder_holding_a_single_file_export() {
    assert_eq!(
        card_dir(GoldFormat::Spacy, Path::new("out/gold.jsonl")),
        PathBuf::from("out")
    );
    assert_eq!(
        card_dir(GoldFormat::Spacy, Path::new("gold.jsonl")),
        PathBuf::from(".")
    );
}

#[test]
fn a_folder_export_lists_its_files_by_relative_path_and_skips_folders_and_the_card() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("docs");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("1.ann"), "T1\tCount 2 4\t75\n").unwrap();
    std::fs::write(dir.path().join(README), "---\ntualek_export: true\n---\n").unwrap();
    let files = [
        dir.path().to_path_buf(),
        sub.clone(),
        sub.join("1.ann"),
        dir.path().join(README),
    ];
    let data = data_files(dir.path(), &files).unwrap();
    assert_eq!(data.len(), 1);
    assert_eq!(data[0].path, "docs/1.ann");
    assert_eq!(data[0].bytes, 16);
    assert_eq!(data[0].encoding_format(), "text/plain");
    assert!(!data[0].loadable_by_datasets());
    // Nothing datasets reads by extension: no `configs`, and no record set.
    let card = card(
        &counts(&set()),
        GoldFormat::Spacy,
        dir.path(),
        &files,
        &CardOptions::default(),
    )
    .unwrap();
    assert!(!front_matter(&card.readme).contains("configs:"));
    assert!(card.croissant.get("recordSet").is_none());
}
