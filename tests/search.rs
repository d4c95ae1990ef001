//! Searching a project: the trigram index finds words inside Lao text with no spaces.

mod common;

use tualek::app::workbench::search;

#[test]
fn finds_lao_inside_a_run_and_english_in_any_case() {
    let (t, mut p) = common::new_project();
    let lo = common::write(
        t.dir.path(),
        "lo.txt",
        "ສະບາຍດີປະເທດລາວ ມີແຮງງານ 1,255 ຄົນ\n".as_bytes(),
    );
    let en = common::write(
        t.dir.path(),
        "en.txt",
        b"Officials assisted 1,255 workers.\nWORKERS came back.\n96% of file_name cases.\n",
    );
    p.import(&[lo, en], &Default::default(), &mut |_| true)
        .unwrap();

    let hits = search(p.store(), "ປະເທດ", 50).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(
        (hits[0].span.start, hits[0].span.end),
        (7, 12),
        "code points, inside the Lao run"
    );
    assert!(hits[0].snippet.contains("ປະເທດ"));

    let hits = search(p.store(), "workers", 50).unwrap();
    assert_eq!(hits.len(), 2, "ASCII letters match either case: {hits:?}");
    assert!(hits.iter().all(|h| h.title == "en"));

    let both = search(p.store(), "1,255", 50).unwrap();
    assert_eq!(both.len(), 2);
    // Under three characters the trigram index cannot help; the query still works.
    assert_eq!(search(p.store(), "ລາ", 50).unwrap().len(), 1);
    assert!(search(p.store(), "", 50).unwrap().is_empty());
    assert!(
        search(p.store(), "\"quoted\" AND NOT", 50)
            .unwrap()
            .is_empty(),
        "FTS syntax is searched literally"
    );
    // LIKE's wildcards are searched for as themselves, through the index too.
    assert_eq!(search(p.store(), "96% of", 50).unwrap().len(), 1);
    assert!(search(p.store(), "96%f", 50).unwrap().is_empty());
    assert_eq!(search(p.store(), "file_name", 50).unwrap().len(), 1);
    assert!(search(p.store(), "file_nam_", 50).unwrap().is_empty());
    assert!(search(p.store(), "le_", 50).unwrap().len() == 1);

    // Undone imports are not found.
    p.undo().unwrap();
    assert!(search(p.store(), "workers", 50).unwrap().is_empty());
}

/// Queries no one types but a paste can hold: long, with NUL, all quotes or
/// FTS5 operators. Each gets an answer or a clear error, never a panic.
#[test]
fn odd_queries_answer_or_fail_cleanly() {
    let (t, mut p) = common::new_project();
    let text = "Officials assisted 1,255 workers. \"\"\" ** NEAR( ^ ) ຄົນ\n".repeat(50);
    let en = common::write(t.dir.path(), "en.txt", text.as_bytes());
    p.import(&[en], &Default::default(), &mut |_| true).unwrap();
    for q in [
        "\"\"\"",
        "** NEAR(",
        "^ ) ຄົນ",
        "a\0b\0c",
        "\u{FFFD}\u{FFFD}\u{FFFD}",
    ] {
        let found = search(p.store(), q, 5);
        assert!(found.is_ok(), "{q:?}: {found:?}");
    }
    assert_eq!(search(p.store(), "** NEAR(", 5).unwrap().len(), 5);
    let long = text.repeat(4);
    match search(p.store(), &long, 5) {
        Ok(hits) => assert!(hits.is_empty(), "the text holds no four copies of itself"),
        Err(e) => assert!(!e.to_string().is_empty()),
    }
    let pasted = text.lines().take(20).collect::<Vec<_>>().join("\n");
    assert_eq!(
        search(p.store(), &pasted, 5).unwrap().len(),
        text.matches(pasted.as_str()).count(),
        "a pasted paragraph of 20 lines"
    );
}
