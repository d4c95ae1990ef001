//! Importing files: encodings, HTML, folders, duplicates, and each kind of bad file.

mod common;

use std::path::PathBuf;

use common::{LAO, write};
use tualek::app::Project;
use tualek::import::{ImportError, ImportOptions};
use tualek::model::Language;

fn import(p: &mut Project, paths: &[PathBuf]) -> tualek::app::ImportReport {
    p.import(paths, &ImportOptions::default(), &mut |_| true)
        .unwrap()
}

fn only_text(p: &Project) -> String {
    let docs = p.store().documents().unwrap();
    assert_eq!(docs.len(), 1);
    p.store().document(docs[0].id).unwrap().unwrap().text
}

fn utf16(s: &str, le: bool) -> Vec<u8> {
    let mut v = if le {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in s.encode_utf16() {
        v.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    v
}

#[test]
fn each_encoding_stores_the_same_text() {
    let text = "ລາວ 1,255 ຄົນ\r\nLine two: 493 women\n";
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("utf8.txt", text.as_bytes().to_vec()),
        (
            "bom.txt",
            [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        ),
        ("le.txt", utf16(text, true)),
        ("be.txt", utf16(text, false)),
    ];
    for (name, bytes) in cases {
        let (t, mut p) = common::new_project();
        let path = write(t.dir.path(), name, &bytes);
        let report = import(&mut p, &[path]);
        assert_eq!(report.added.len(), 1, "{name}: {:?}", report.refused);
        assert_eq!(
            only_text(&p),
            text,
            "{name}: the text offsets refer to, \\r\\n kept"
        );
        let meta = &p.store().documents().unwrap()[0];
        assert_eq!(meta.char_len as usize, text.chars().count());
        assert_eq!(meta.title, name.trim_end_matches(".txt"));
    }
}

#[test]
fn the_same_text_in_two_encodings_is_one_document() {
    let (t, mut p) = common::new_project();
    let a = write(t.dir.path(), "a.txt", LAO.as_bytes());
    let b = write(t.dir.path(), "b.txt", &utf16(LAO, true));
    let report = import(&mut p, &[a, b.clone()]);
    assert_eq!(report.added.len(), 1);
    assert_eq!(report.duplicates.len(), 1);
    assert_eq!(report.duplicates[0].0, b);
    let again = import(&mut p, &[b]);
    assert_eq!(
        (again.added.len(), again.duplicates.len(), again.history),
        (0, 1, None)
    );
    assert_eq!(p.store().documents().unwrap().len(), 1);
}

#[test]
fn html_gives_its_visible_text_and_title() {
    let (t, mut p) = common::new_project();
    let html = "<!doctype html><html><head><title>ລາຍງານ</title><style>.x{}</style>\
        <script>track(1255)</script></head><body><h1>Report</h1><p>ແຮງງານ <b>1,255</b> ຄົນ</p>\
        <div>US$ 580</div></body></html>";
    let path = write(t.dir.path(), "page.html", html.as_bytes());
    import(&mut p, &[path]);
    assert_eq!(only_text(&p), "Report\n\nແຮງງານ 1,255 ຄົນ\n\nUS$ 580");
    let meta = &p.store().documents().unwrap()[0];
    assert_eq!(meta.title, "ລາຍງານ");
    assert_eq!(meta.language, Language::new("lo"));
}

#[test]
fn markdown_is_kept_as_written_and_titled_by_its_heading() {
    let (t, mut p) = common::new_project();
    let md = "# Labour migration\n\n*1,255* workers\n";
    let path = write(t.dir.path(), "notes.md", md.as_bytes());
    import(&mut p, &[path]);
    assert_eq!(only_text(&p), md);
    assert_eq!(p.store().documents().unwrap()[0].title, "Labour migration");
}

#[test]
fn language_is_guessed_and_can_be_overridden() {
    let (t, mut p) = common::new_project();
    let lo = write(t.dir.path(), "lo.txt", LAO.as_bytes());
    let th = write(t.dir.path(), "th.txt", "แรงงาน ๑,๒๕๕ คน".as_bytes());
    let zh = write(t.dir.path(), "zh.txt", "工人一千二百五十五人".as_bytes());
    let en = write(t.dir.path(), "en.txt", common::ENGLISH.as_bytes());
    import(&mut p, &[lo, th, zh, en]);
    let langs: Vec<String> = p
        .store()
        .documents()
        .unwrap()
        .iter()
        .map(|d| d.language.to_string())
        .collect();
    assert_eq!(langs, ["lo", "th", "zh", "en"]);

    let forced = write(t.dir.path(), "forced.txt", b"Just English words here.");
    let options = ImportOptions {
        language: Some(Language::new("LO")),
        ..Default::default()
    };
    p.import(&[forced], &options, &mut |_| true).unwrap();
    assert_eq!(
        p.store()
            .documents()
            .unwrap()
            .last()
            .unwrap()
            .language
            .as_str(),
        "lo"
    );
}

#[test]
fn a_folder_imports_recursively_and_bad_files_are_listed_while_the_rest_import() {
    let (t, mut p) = common::new_project();
    let root = t.dir.path().join("corpus");
    write(&root, "a.txt", LAO.as_bytes());
    write(&root, "deep/er/b.md", b"# B\n\n75 people");
    write(&root, "deep/c.htm", b"<p>65.5 million Lao kip</p>");
    write(&root, "deep/image.png", b"\x89PNG\r\n\x1a\n\0\0");
    write(&root, "bad/latin1.txt", b"caf\xE9 1,255");
    write(&root, "bad/nul.txt", b"12\x0034");
    write(&root, "bad/empty.txt", b"");
    write(&root, "bad/blank.txt", b"  \n ");
    write(&root, "bad/big.txt", &vec![b'9'; 2048]);
    write(&root, "bad/empty.html", b"<html><script>1</script></html>");
    std::os::unix::fs::symlink(root.join("missing.txt"), root.join("bad/dangling.txt")).unwrap();
    let options = ImportOptions {
        max_bytes: 1024,
        ..Default::default()
    };
    let mut calls = 0;
    let report = p
        .import(std::slice::from_ref(&root), &options, &mut |_| {
            calls += 1;
            true
        })
        .unwrap();

    let titles: Vec<String> = p
        .store()
        .documents()
        .unwrap()
        .into_iter()
        .map(|d| d.title)
        .collect();
    assert_eq!(titles, ["a", "c", "B"], "sorted by path, depth first");
    let mut refused: Vec<(String, String)> = report
        .refused
        .iter()
        .map(|(path, why)| {
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                why.to_string(),
            )
        })
        .collect();
    refused.sort();
    let expect = [
        ("big.txt", "2048 bytes is over the limit of 1024 bytes"),
        ("blank.txt", "the file is empty"),
        ("dangling.txt", "cannot read it"),
        ("empty.html", "no visible text in the page"),
        ("empty.txt", "the file is empty"),
        ("latin1.txt", "not valid UTF-8 (at byte 3)"),
        ("nul.txt", "binary data (a NUL byte at byte 2)"),
    ];
    assert_eq!(refused.len(), expect.len(), "{refused:?}");
    for ((name, why), (want_name, want_why)) in refused.iter().zip(expect) {
        assert_eq!(name, want_name);
        assert!(why.contains(want_why), "{name}: {why}");
    }
    assert!(calls >= 3, "progress reported per file");
    assert_eq!(
        p.store().history().unwrap().len(),
        1,
        "one import, one action"
    );
}

#[test]
fn a_batch_of_only_bad_files_changes_nothing() {
    let (t, mut p) = common::new_project();
    let bad = write(t.dir.path(), "bad.txt", b"\xFF\xFF\xFF");
    let unsupported = write(t.dir.path(), "data.json", b"{}");
    let report = import(&mut p, &[bad, unsupported]);
    assert_eq!(report.refused.len(), 2);
    assert!(
        report
            .refused
            .iter()
            .any(|(path, why)| path.ends_with("data.json")
                && matches!(why, ImportError::Unsupported))
    );
    assert_eq!(report.history, None);
    assert!(p.store().documents().unwrap().is_empty());
    assert!(p.store().history().unwrap().is_empty());
    drop(p);
    let reopened = Project::open(&t.path, "tester").unwrap();
    assert!(reopened.store().documents().unwrap().is_empty());
}

#[test]
fn a_cancelled_import_leaves_the_project_as_it_was() {
    let (t, mut p) = common::new_project();
    let a = write(t.dir.path(), "a.txt", b"1 2 3");
    let b = write(t.dir.path(), "b.txt", b"4 5 6");
    let report = p
        .import(&[a, b], &ImportOptions::default(), &mut |at| at.done < 1)
        .unwrap();
    assert!(report.cancelled);
    assert!(p.store().documents().unwrap().is_empty());
    assert!(p.store().history().unwrap().is_empty());
}

#[test]
fn an_undone_import_comes_back_on_reimport_without_a_second_copy() {
    let (t, mut p) = common::new_project();
    let a = write(t.dir.path(), "a.txt", LAO.as_bytes());
    let first = import(&mut p, std::slice::from_ref(&a));
    p.undo().unwrap();
    assert!(p.store().documents().unwrap().is_empty());
    let second = import(&mut p, &[a]);
    assert_eq!(
        second.added[0].1, first.added[0].1,
        "the same row is shown again"
    );
    assert_eq!(p.store().documents().unwrap().len(), 1);
}

/// A batch lands in order, each document with exactly the figures the
/// extractor finds in it (a big one's stored in many batches), a file
/// repeated in the batch as a duplicate without figures of its own, and a
/// bad file in between refused without disturbing the ones around it.
#[test]
fn a_mixed_batch_lands_in_order_with_every_figure() {
    let (t, mut p) = common::new_project();
    let big: String = (1..=3000).map(|n| format!("{n} workers. ")).collect();
    let a = write(t.dir.path(), "a.txt", big.as_bytes());
    let bad = write(t.dir.path(), "bad.txt", b"1\x002");
    let again = write(t.dir.path(), "again.txt", big.as_bytes());
    let lao = write(t.dir.path(), "lao.txt", LAO.as_bytes());
    let mut seen = Vec::new();
    let report = p
        .import(
            &[a.clone(), bad.clone(), again.clone(), lao.clone()],
            &ImportOptions::default(),
            &mut |at| {
                seen.push(at.done);
                true
            },
        )
        .unwrap();
    assert_eq!(
        seen,
        [0, 1, 2, 3, 4],
        "progress before each file, then at the end"
    );
    let added: Vec<&PathBuf> = report.added.iter().map(|(path, _)| path).collect();
    assert_eq!(added, [&a, &lao]);
    assert_eq!(report.refused.len(), 1);
    assert_eq!(report.refused[0].0, bad);
    assert_eq!(report.duplicates.len(), 1);
    assert_eq!(report.duplicates[0].0, again);
    let mut total = 0;
    for (path, id) in &report.added {
        let text = p.store().document(*id).unwrap().unwrap().text;
        let expected = tualek::app::extract::found_figures(*id, &text);
        let stored = p
            .store()
            .figures(&tualek::store::FigureFilter {
                document: Some(*id),
                statuses: Vec::new(),
            })
            .unwrap();
        let key = |f: &tualek::model::Figure| {
            (
                f.document,
                f.span,
                f.text.clone(),
                f.kind,
                f.value,
                f.value_max,
                f.unit.clone(),
                f.origin.clone(),
            )
        };
        assert_eq!(
            stored.iter().map(key).collect::<Vec<_>>(),
            expected.iter().map(key).collect::<Vec<_>>(),
            "{}",
            path.display()
        );
        total += stored.len();
    }
    assert!(total > 3000, "the big file's figures took many batches");
    assert_eq!(report.figures, total);
}

/// An import leaves SQLite's foreign-key checks out (its rows name only the
/// documents it inserts itself): its references are sound all the same, and
/// the next action checks them again.
#[test]
fn an_import_skips_the_reference_checks_and_the_next_action_has_them() {
    use tualek::model::{Change, Figure, Origin, Row, Span, Status};
    use tualek::store::Store;
    let (t, mut p) = common::new_project();
    let a = write(t.dir.path(), "a.txt", common::ENGLISH.as_bytes());
    let lao = write(t.dir.path(), "lao.txt", LAO.as_bytes());
    let report = p
        .import(&[a, lao], &ImportOptions::default(), &mut |_| true)
        .unwrap();
    assert!(report.figures >= 4);
    drop(p);
    assert_eq!(Store::check(&t.path).unwrap(), Vec::<String>::new());

    let dangling = || Change {
        before: None,
        after: Some(Row::Figure(Figure {
            id: 0,
            document: 999,
            span: Span::new(0, 4),
            text: "1255".into(),
            kind: tualek::model::Kind::Count,
            value: None,
            value_max: None,
            unit: None,
            origin: Origin::manual(),
            status: Status::Unreviewed,
            reviewer: None,
            reviewed_at: None,
            note: None,
        })),
    };
    let mut store = Store::open(&t.path).unwrap();
    {
        // Inside an import nothing checks a reference (so this one is dropped).
        let mut tx = store.begin_import("tester").unwrap();
        tx.apply(dangling()).expect("not checked inside an import");
    }
    let mut tx = store.begin("figure.add", "tester").unwrap();
    let err = tx.apply(dangling()).expect_err("a figure of no document");
    assert!(err.to_string().contains("FOREIGN KEY"), "{err}");
}

/// An import adds its texts to the search index in runs (a run is written
/// once it holds 8 MB, the rest at the commit): a search then finds the
/// documents of every run, Lao as well as English, and no others.
#[test]
fn texts_of_a_big_import_are_all_found_by_search() {
    let (t, mut p) = common::new_project();
    let filler = "plain words without numbers here. ".repeat(4_500_000 / 34);
    let mut paths = Vec::new();
    for (name, marker) in [
        ("one.txt", "zebracorn"),
        ("two.txt", "ໝາກມ່ວງສຸກ"),
        ("three.txt", "quokkafish"),
    ] {
        let text = format!("{marker} opens this. {filler}");
        paths.push(write(t.dir.path(), name, text.as_bytes()));
    }
    let report = p
        .import(&paths, &ImportOptions::default(), &mut |_| true)
        .unwrap();
    assert_eq!(report.added.len(), 3);
    let ids: Vec<_> = report.added.iter().map(|(_, id)| *id).collect();
    for (marker, id) in [
        ("zebracorn", ids[0]),
        ("ໝາກມ່ວງສຸກ", ids[1]),
        ("quokkafish", ids[2]),
    ] {
        assert_eq!(
            p.store().search_documents(marker, 10).unwrap(),
            [id],
            "{marker}"
        );
    }
    assert_eq!(p.store().search_documents("plain words", 10).unwrap(), ids);
    assert!(
        p.store()
            .search_documents("unicornfish", 10)
            .unwrap()
            .is_empty()
    );
}
