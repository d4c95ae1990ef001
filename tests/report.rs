//! The fact-check report (issue 11, item 6): written through the library,
//! the command line (`tualek report`) and the workbench (File → Export
//! report…), then read back — the HTML with a real parser (`scraper`), the
//! Markdown as text — and checked against the project's own claims.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::cli::{fails, ok};
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use scraper::{ElementRef, Html, Selector};
use tualek::app::workbench::{Notice, Workbench};
use tualek::app::{Command, Project};
use tualek::claims::{ReviewedClaim, Verdict};
use tualek::export::report::{self, ReportFormat};
use tualek::import::ImportOptions;
use tualek::model::{ClaimReview, Decimal, DocId, DocumentMeta};
use tualek::ui::WorkbenchApp;
use tualek::ui::dialogs::Dialogs;
use tualek::ui::system_dialogs::DialogChoice;

/// Two English stories and a Lao one on the same facts: 96 cases in one
/// English story and in the Lao, 46 in the other English story (a
/// disagreement); 1,255 workers and 493 women in both English stories.
/// The second story holds markup-like text, which must come out as text.
const POLICE: &str = "Police recorded 96 new human trafficking cases in 2024. \
Officials assisted 1,255 workers, including 493 women.\n";
const LAOS: &str = "Laos recorded 46 new human trafficking cases in 2024 \
<script>alert(\"x\")</script> & more. Officials assisted 1,255 workers, including 493 women.\n";
const LAO: &str = "ຕຳຫຼວດບັນທຶກຄະດີການຄ້າມະນຸດໃໝ່ 96 ຄະດີ ໃນປີ 2024. \
ເຈົ້າໜ້າທີ່ຊ່ວຍເຫຼືອແຮງງານ 1,255 ຄົນ, ໃນນັ້ນມີແມ່ຍິງ 493 ຄົນ.\n";

/// A title with markup in it, given to the second story.
const ODD_TITLE: &str = "Laos <i>News</i> & \"Views\"";

struct Setup {
    dir: tempfile::TempDir,
    path: PathBuf,
    project: Project,
    docs: [DocId; 3],
}

fn setup() -> Setup {
    let (t, mut p) = common::new_project();
    let files = [
        common::write(t.dir.path(), "src/police.txt", POLICE.as_bytes()),
        common::write(t.dir.path(), "src/laos.txt", LAOS.as_bytes()),
        common::write(t.dir.path(), "src/lao.txt", LAO.as_bytes()),
    ];
    let report = p
        .import(&files, &ImportOptions::default(), &mut |_| true)
        .unwrap();
    assert!(report.refused.is_empty(), "{:?}", report.refused);
    let ids: Vec<DocId> = report.added.iter().map(|(_, id)| *id).collect();
    p.execute(Command::SetDocument {
        document: ids[1],
        title: Some(ODD_TITLE.into()),
        language: None,
    })
    .unwrap();
    let common::Temp { dir, path } = t;
    Setup {
        dir,
        path,
        project: p,
        docs: [ids[0], ids[1], ids[2]],
    }
}

fn claims_and_documents(p: &Project) -> (Vec<ReviewedClaim>, Vec<DocumentMeta>) {
    (p.claims().unwrap(), p.store().documents().unwrap())
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap()
}

/// The claim one of whose mentions is the figure `text` in `doc`.
fn claim_with<'a>(claims: &'a [ReviewedClaim], doc: DocId, value: &str) -> &'a ReviewedClaim {
    claims
        .iter()
        .find(|c| {
            c.claim
                .mentions
                .iter()
                .any(|m| m.doc == doc && m.value == Some(dec(value)))
        })
        .unwrap_or_else(|| panic!("no claim holds {value} of document {doc}: {claims:#?}"))
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn text_of(e: ElementRef) -> String {
    e.text().collect()
}

/// The `<article>` of each claim, in the report's order, by claim id.
fn articles(doc: &Html) -> Vec<(String, ElementRef<'_>)> {
    doc.select(&sel("article.claim"))
        .map(|a| (a.value().attr("id").unwrap_or_default().to_string(), a))
        .collect()
}

/// Everything the report's HTML says about the claims, checked against them.
fn check_html(html: &str, claims: &[ReviewedClaim], documents: &[DocumentMeta]) {
    let doc = Html::parse_document(html);
    let found = articles(&doc);
    assert_eq!(found.len(), claims.len(), "one article per claim");
    let by_id: HashMap<&str, ElementRef> = found.iter().map(|(id, a)| (id.as_str(), *a)).collect();
    let language: HashMap<DocId, &str> = documents
        .iter()
        .map(|d| (d.id, d.language.as_str()))
        .collect();
    for c in claims {
        let id = c.claim.id.to_string();
        let article = by_id
            .get(id.as_str())
            .unwrap_or_else(|| panic!("claim {id} is missing from the report"));
        assert_eq!(
            article.value().attr("data-verdict"),
            Some(c.claim.verdict.as_str()),
            "{id}'s verdict"
        );
        assert!(text_of(*article).contains(&id), "{id} is shown by its id");
        for m in &c.claim.mentions {
            // Its row in the values table, with its value (grouped as written).
            let row = article
                .select(&sel(&format!("tr[data-figure=\"{}\"]", m.figure)))
                .next()
                .unwrap_or_else(|| panic!("{id}: no row for figure {}", m.figure));
            let value = text_of(row.select(&sel("td.value")).next().expect("a value cell"));
            if m.kind == tualek::model::Kind::Date {
                assert!(
                    value.contains(&m.text),
                    "{id}: the date as written: {value:?}"
                );
            } else {
                let digits: String = value.chars().filter(|c| c.is_ascii_digit()).collect();
                let expected = m.value.unwrap().normalize().to_string().replace('.', "");
                assert!(
                    digits.starts_with(&expected),
                    "{id}, figure {}: {value:?} shows {expected}",
                    m.figure
                );
            }
            // Its sentence, quoted with the figure marked, in its document's language.
            let quote = article
                .select(&sel(&format!("blockquote[data-figure=\"{}\"]", m.figure)))
                .next()
                .unwrap_or_else(|| panic!("{id}: no quote for figure {}", m.figure));
            let marks: Vec<String> = quote.select(&sel("mark")).map(text_of).collect();
            assert_eq!(marks, [m.text.as_str()], "{id}: the figure is marked");
            assert_eq!(
                quote.value().attr("lang"),
                Some(language[&m.doc]),
                "{id}: the quote's language"
            );
            let quoted = text_of(quote.select(&sel("p")).next().unwrap());
            assert_eq!(
                quoted.trim(),
                m.sentence_text
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                "{id}: the whole sentence is quoted"
            );
        }
    }
    // The index links every claim, in the same order.
    let index: Vec<&str> = doc
        .select(&sel(".index a"))
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    let targets: Vec<String> = found.iter().map(|(id, _)| format!("#{id}")).collect();
    assert_eq!(index, targets, "the index");
    // Disagreements first.
    let verdicts: Vec<&str> = found
        .iter()
        .map(|(_, a)| a.value().attr("data-verdict").unwrap())
        .collect();
    let first_agreeing = verdicts
        .iter()
        .position(|v| *v != "disagrees")
        .unwrap_or(verdicts.len());
    assert!(
        verdicts[first_agreeing..].iter().all(|v| *v != "disagrees"),
        "disagreements come first: {verdicts:?}"
    );
}

/// Every attribute, the CSS and the text: no address outside the file.
fn assert_self_contained(html: &str) {
    let doc = Html::parse_document(html);
    for e in doc
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
    {
        let name = e.value().name();
        assert!(
            !matches!(
                name,
                "script"
                    | "link"
                    | "img"
                    | "iframe"
                    | "object"
                    | "embed"
                    | "video"
                    | "audio"
                    | "source"
                    | "base"
                    | "frame"
            ),
            "no <{name}> element"
        );
        for (attr, value) in e.value().attrs() {
            let v = value.trim().to_ascii_lowercase();
            assert!(
                !(v.contains("://")
                    || v.starts_with("//")
                    || v.starts_with("data:")
                    || v.starts_with("javascript:")),
                "<{name} {attr}={value:?}> points elsewhere"
            );
            assert!(
                !matches!(attr, "src" | "href" | "srcset" | "action" | "style")
                    || v.starts_with('#'),
                "<{name} {attr}={value:?}>"
            );
        }
    }
    let css: String = doc.select(&sel("style")).map(text_of).collect();
    assert!(!css.is_empty(), "the CSS is inline");
    let lower = css.to_ascii_lowercase();
    assert!(!lower.contains("@import"), "no @import");
    assert!(!lower.contains("http"), "no web address in the CSS");
    let urls: Vec<&str> = lower.split("url(").skip(1).collect();
    assert_eq!(urls.len(), 2, "the two embedded Lao faces, nothing else");
    for u in urls {
        assert!(
            u.trim_start_matches(['"', '\''])
                .starts_with("data:font/ttf;base64,"),
            "url({}…) is not embedded",
            &u[..u.len().min(40)]
        );
    }
    assert!(
        !html.to_ascii_lowercase().contains("http"),
        "no web address at all"
    );
}

/// The fonts inside the CSS, decoded.
fn embedded_fonts(html: &str) -> Vec<Vec<u8>> {
    html.split("data:font/ttf;base64,")
        .skip(1)
        .map(|rest| {
            let end = rest.find(')').unwrap();
            unbase64(&rest[..end])
        })
        .collect()
}

fn unbase64(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let mut out = Vec::new();
    for chunk in s.as_bytes().chunks(4) {
        let pad = chunk.iter().filter(|&&c| c == b'=').count();
        let mut n = 0u32;
        for &c in chunk {
            n = (n << 6) | u32::from(if c == b'=' { 0 } else { value(c) });
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..3 - pad]);
    }
    out
}

#[test]
fn the_html_report_holds_every_claim_disagreements_first_with_the_figures_marked() {
    let s = setup();
    let (claims, documents) = claims_and_documents(&s.project);
    let cases = claim_with(&claims, s.docs[0], "96");
    assert_eq!(
        cases.claim.verdict,
        Verdict::Disagrees,
        "96 against 46 cases"
    );
    assert!(
        cases.claim.mentions.iter().any(|m| m.doc == s.docs[1]),
        "the 46 is in the claim"
    );
    let workers = claim_with(&claims, s.docs[0], "1255");
    assert!(workers.claim.agrees(), "1,255 workers twice");

    // Handed the claims in any order, the report puts disagreements first.
    let mut reversed = claims.clone();
    reversed.reverse();
    assert!(reversed.last().is_some_and(|c| !c.claim.agrees()));
    check_html(
        &report::html(&reversed, &documents, "p", "now"),
        &reversed,
        &documents,
    );

    let html = report::html(&claims, &documents, "trafficking", "2026-12-01T12:00:00Z");
    check_html(&html, &claims, &documents);
    assert_self_contained(&html);

    let doc = Html::parse_document(&html);
    let found = articles(&doc);
    assert_eq!(
        found[0].0,
        cases.claim.id.to_string(),
        "the disagreement is the first claim"
    );
    let article = found[0].1;
    assert!(article.value().classes().any(|c| c == "disagrees"));
    let badge = text_of(article.select(&sel(".verdict .badge")).next().unwrap());
    assert_eq!(badge, "disagrees", "the verdict in words");
    let words = text_of(article.select(&sel(".verdict .words")).next().unwrap());
    assert!(
        words.contains("the sources give 96 and 46")
            || words.contains("the sources give 46 and 96"),
        "{words}"
    );
    // The values by source, with their documents' titles.
    let rows: Vec<String> = article.select(&sel("tbody tr")).map(text_of).collect();
    assert!(
        rows.iter()
            .any(|r| r.contains("96 cases") && r.contains("police")),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.contains("46 cases") && r.contains(ODD_TITLE)),
        "{rows:?}"
    );
    // The Lao source, quoted in Lao with its lang attribute.
    let lao_quote = article
        .select(&sel("blockquote[lang=\"lo\"]"))
        .next()
        .expect("the Lao source is quoted as Lao");
    assert!(text_of(lao_quote).contains("ຄະດີການຄ້າມະນຸດ"));
    assert_eq!(
        text_of(lao_quote.select(&sel("mark")).next().unwrap()),
        "96"
    );

    // The title, project and date; the summary counts the disagreement.
    assert!(text_of(doc.select(&sel("h1")).next().unwrap()).contains("Fact-check report"));
    assert_eq!(
        text_of(doc.select(&sel(".project")).next().unwrap()),
        "trafficking"
    );
    assert!(html.contains("2026-12-01T12:00:00Z"));
    let disagreeing = claims.iter().filter(|c| !c.claim.agrees()).count();
    let summary = text_of(doc.select(&sel(".summary")).next().unwrap());
    assert!(
        summary.contains(&format!("{} claims", claims.len()))
            && summary.contains(&format!("{disagreeing} disagree")),
        "{summary}"
    );
    // The state and the engine's reason.
    let facts = text_of(article.select(&sel(".facts")).next().unwrap());
    assert!(facts.contains("State: suggested"), "{facts}");
    assert!(facts.contains(&cases.claim.reason_text()), "{facts}");
}

#[test]
fn markup_in_a_document_or_a_title_stays_text() {
    let s = setup();
    let (claims, documents) = claims_and_documents(&s.project);
    let html = report::html(&claims, &documents, "<b>project</b>", "now");
    let doc = Html::parse_document(&html);
    assert_eq!(
        doc.select(&sel("script")).count(),
        0,
        "the text's <script> stays text"
    );
    assert_eq!(
        doc.select(&sel("i")).count(),
        0,
        "the title's <i> stays text"
    );
    assert_eq!(
        doc.select(&sel("b")).count(),
        0,
        "the project's <b> stays text"
    );
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more"));
    let cases = claim_with(&claims, s.docs[1], "46");
    let quote = doc
        .select(&sel(&format!(
            "blockquote[data-figure=\"{}\"]",
            cases
                .claim
                .mentions
                .iter()
                .find(|m| m.doc == s.docs[1])
                .unwrap()
                .figure
        )))
        .next()
        .unwrap();
    assert!(text_of(quote).contains("<script>alert(\"x\")</script> & more"));
    assert!(
        text_of(quote).contains(ODD_TITLE),
        "the source's title, as text"
    );
    assert_eq!(
        text_of(doc.select(&sel(".project")).next().unwrap()),
        "<b>project</b>"
    );
}

#[test]
fn the_bundled_lao_font_is_embedded_with_fallbacks() {
    let s = setup();
    let (claims, documents) = claims_and_documents(&s.project);
    let html = report::html(&claims, &documents, "p", "now");
    let fonts = embedded_fonts(&html);
    assert_eq!(
        fonts,
        [
            tualek::fonts::NOTO_SANS_LAO.to_vec(),
            tualek::fonts::NOTO_SANS_LAO_BOLD.to_vec()
        ],
        "the regular and bold faces, byte for byte"
    );
    let doc = Html::parse_document(&html);
    let css: String = doc.select(&sel("style")).map(text_of).collect();
    assert!(css.contains("font-family: \"Tualek Lao\""));
    for fallback in ["\"Noto Sans Lao\"", "\"Phetsarath OT\"", "sans-serif"] {
        assert!(css.contains(fallback), "{fallback} is in the fallback list");
    }
    assert!(
        css.contains("[lang=\"lo\"]"),
        "Lao text picks the Lao faces"
    );
}

#[test]
fn reviews_show_their_notes_who_and_when_escaped() {
    let s = setup();
    let (mut claims, documents) = claims_and_documents(&s.project);
    let cases = claim_with(&claims, s.docs[0], "96").claim.id;
    let anchor = cases.0;
    let target = claims.iter_mut().find(|c| c.claim.id == cases).unwrap();
    target.reviews = vec![
        ClaimReview {
            id: 1,
            figure: anchor,
            note: Some("Xinhua counts cases opened, <LSN> counts complaints".into()),
            reviewer: "somchai".into(),
            reviewed_at: "2026-11-30T09:15:00Z".into(),
        },
        ClaimReview {
            id: 2,
            figure: anchor,
            note: None,
            reviewer: "ນາງ ແກ້ວ".into(),
            reviewed_at: "2026-12-01T08:00:00Z".into(),
        },
    ];
    let html = report::html(&claims, &documents, "p", "now");
    let doc = Html::parse_document(&html);
    let article = articles(&doc)
        .into_iter()
        .find(|(id, _)| *id == cases.to_string())
        .unwrap()
        .1;
    let notes: Vec<String> = article.select(&sel(".notes li")).map(text_of).collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes[0].contains("Xinhua counts cases opened, <LSN> counts complaints"));
    assert!(notes[0].contains("somchai") && notes[0].contains("2026-11-30T09:15:00Z"));
    assert!(notes[1].contains("ນາງ ແກ້ວ") && notes[1].contains("2026-12-01T08:00:00Z"));
    // Unreviewed claims say so.
    let others = articles(&doc)
        .into_iter()
        .filter(|(id, _)| *id != cases.to_string())
        .count();
    assert_eq!(
        doc.select(&sel("article .none")).count(),
        others,
        "every other claim reads 'Not reviewed yet'"
    );

    let md = report::markdown(&claims, &documents, "p", "now");
    assert!(md.contains(
        "Xinhua counts cases opened, \\<LSN> counts complaints — somchai, 2026-11-30T09:15:00Z"
    ));
}

#[test]
fn the_markdown_report_holds_every_claim_disagreements_first() {
    let s = setup();
    let (claims, documents) = claims_and_documents(&s.project);
    let md = report::markdown(&claims, &documents, "trafficking", "2026-12-01T12:00:00Z");
    assert!(md.starts_with("# Fact-check report\n"));
    assert!(md.contains("- **Project:** trafficking"));
    for c in &claims {
        let line = format!(
            "\n- {} ({}",
            c.claim.id,
            match c.claim.verdict {
                Verdict::Rounding => "agrees within rounding",
                v => v.as_str(),
            }
        );
        assert!(md.contains(&line), "{line:?} in the index");
    }
    let headings: Vec<usize> = claims
        .iter()
        .map(|c| {
            md.find(&format!("\n## {} · ", c.claim.id))
                .unwrap_or_else(|| panic!("{} is missing:\n{md}", c.claim.id))
        })
        .collect();
    for (c, at) in claims.iter().zip(&headings) {
        let section = &md[*at..];
        let section = &section[..section[4..].find("\n## ").map_or(section.len(), |e| e + 4)];
        for m in &c.claim.mentions {
            assert!(
                section.contains(&format!("**{}**", m.text)),
                "{}: {} is marked in its quote",
                c.claim.id,
                m.text
            );
        }
        let verdict = match c.claim.verdict {
            Verdict::Disagrees => "**Verdict: disagrees",
            Verdict::Agrees => "**Verdict: agrees**",
            Verdict::Rounding => "**Verdict: agrees within rounding",
            Verdict::Hedged => "**Verdict: hedged",
        };
        assert!(section.contains(verdict), "{section}");
    }
    // Disagreements first.
    let mut order: Vec<(usize, bool)> = headings
        .iter()
        .zip(&claims)
        .map(|(at, c)| (*at, c.claim.agrees()))
        .collect();
    order.sort();
    let agrees: Vec<bool> = order.iter().map(|(_, a)| *a).collect();
    let mut sorted = agrees.clone();
    sorted.sort();
    assert_eq!(agrees, sorted, "disagreeing claims come first");
    assert_eq!(agrees.first(), Some(&false), "there is a disagreement");
    // Markup stays text; the Lao reads as Lao.
    assert!(md.contains("\\<script>alert(\"x\")\\</script> & more"));
    assert!(md.contains("ຕຳຫຼວດບັນທຶກຄະດີການຄ້າມະນຸດໃໝ່ **96** ຄະດີ ໃນປີ 2024."));
    assert!(md.contains("| 46 cases | 46 |"), "{md}");
}

#[test]
fn tualek_report_writes_html_or_markdown_by_extension_or_format() {
    let s = setup();
    let (claims, documents) = claims_and_documents(&s.project);
    drop(s.project);
    let project = s.path.display().to_string();
    let out_dir = s.dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();

    let html_path = out_dir.join("report.html");
    let said = ok(&[
        "report",
        &project,
        "--out",
        &html_path.display().to_string(),
    ]);
    let disagreeing = claims.iter().filter(|c| !c.claim.agrees()).count();
    assert_eq!(
        said.trim(),
        format!(
            "wrote a report of {} claims ({disagreeing} disagreeing) to {}",
            claims.len(),
            html_path.display()
        )
    );
    let html = std::fs::read_to_string(&html_path).unwrap();
    check_html(&html, &claims, &documents);
    assert_self_contained(&html);
    assert!(
        html.contains("<dd class=\"project\">test</dd>"),
        "named after the project file"
    );

    // The extension picks Markdown; --format overrides the extension.
    let md_path = out_dir.join("report.md");
    ok(&["report", &project, "--out", &md_path.display().to_string()]);
    let md = std::fs::read_to_string(&md_path).unwrap();
    assert!(md.starts_with("# Fact-check report\n"));
    let forced = out_dir.join("report.txt");
    ok(&[
        "report",
        &project,
        "--out",
        &forced.display().to_string(),
        "--format",
        "md",
    ]);
    assert!(
        std::fs::read_to_string(&forced)
            .unwrap()
            .starts_with("# Fact-check report\n")
    );
    let unknown = out_dir.join("report.out");
    ok(&["report", &project, "--out", &unknown.display().to_string()]);
    assert!(
        std::fs::read_to_string(&unknown)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    // Written again over itself: still whole, and no temporary file is left.
    ok(&[
        "report",
        &project,
        "--out",
        &html_path.display().to_string(),
    ]);
    assert_eq!(
        std::fs::read_to_string(&html_path).unwrap().len(),
        html.len()
    );
    assert_eq!(
        common::folder_names(&out_dir),
        ["report.html", "report.md", "report.out", "report.txt"]
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&html_path).unwrap().permissions().mode();
        assert_eq!(
            mode & 0o044,
            0o044,
            "a report is readable by whoever it is sent to"
        );
    }
}

#[test]
fn a_missing_folder_is_refused_and_nothing_is_written() {
    let s = setup();
    drop(s.project);
    let project = s.path.display().to_string();
    let missing = s.dir.path().join("no such folder");
    let out = missing.join("report.html");
    let err = fails(&["report", &project, "--out", &out.display().to_string()]);
    assert!(
        err.contains("does not exist") && err.contains("no such folder"),
        "{err}"
    );
    assert!(!missing.exists(), "no folder made");
    assert!(!out.exists());
    let before = common::folder_names(s.dir.path());
    let bad_format = s.dir.path().join("r.html");
    let out = common::cli::tualek(&[
        "report",
        &project,
        "--out",
        &bad_format.display().to_string(),
        "--format",
        "pdf",
    ]);
    assert!(!out.status.success(), "an unknown format is refused");
    assert_eq!(
        common::folder_names(s.dir.path()),
        before,
        "nothing written"
    );
    // The library refuses the same way.
    let (claims, documents) = {
        let p = Project::open(&s.path, "tester").unwrap();
        claims_and_documents(&p)
    };
    let missing_out = missing.join("r.md");
    let err = report::write(
        &missing_out,
        ReportFormat::Markdown,
        &claims,
        &documents,
        "p",
        "now",
    )
    .unwrap_err();
    assert!(err.to_string().contains("does not exist"), "{err}");
    assert!(!missing.exists());
}

#[test]
fn a_project_without_claims_still_makes_a_report() {
    let (t, p) = common::new_project();
    let (claims, documents) = claims_and_documents(&p);
    assert!(claims.is_empty());
    let html = report::html(&claims, &documents, "empty", "now");
    let doc = Html::parse_document(&html);
    assert_eq!(articles(&doc).len(), 0);
    assert!(text_of(doc.select(&sel(".summary")).next().unwrap()).contains("0 claims"));
    assert!(html.contains("No claims"));
    assert!(report::markdown(&claims, &documents, "empty", "now").contains("No claims"));
    drop(t);
}

// ------------------------------------------------ the workbench

fn run_until(
    h: &mut Harness<'static, WorkbenchApp>,
    what: &str,
    done: impl Fn(&Harness<'static, WorkbenchApp>) -> bool,
) {
    let start = Instant::now();
    while !done(h) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(10));
        h.run();
    }
}

fn chooser_open(h: &Harness<'static, WorkbenchApp>) -> bool {
    h.query_by_role_and_label(Role::TextInput, "Path").is_some()
}

fn written_notice(h: &Harness<'static, WorkbenchApp>) -> Option<(usize, String)> {
    match &h.state().wb.notice {
        Some(Notice::Count("notice-report-written", n, Some(path))) => Some((*n, path.clone())),
        _ => None,
    }
}

fn workbench(s: &Setup) -> Harness<'static, WorkbenchApp> {
    let mut wb = Workbench::new(Some(s.dir.path().join("settings.json")), "tester");
    wb.open_project(&s.path, false).unwrap();
    Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(12)
        .with_context_setup(tualek::fonts::install)
        .build_eframe(move |_| {
            WorkbenchApp::new(wb).with_dialogs(Dialogs::new(DialogChoice::Builtin))
        })
}

fn open_export_report(h: &mut Harness<'static, WorkbenchApp>) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export report…").click();
    h.run();
    run_until(h, "the built-in chooser", chooser_open);
}

#[test]
fn file_export_report_writes_the_report_where_the_chooser_says() {
    let s = setup();
    let (claims, documents) = claims_and_documents(&s.project);
    let mut h = workbench(&s);

    open_export_report(&mut h);
    let out = s.dir.path().join("report.html");
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Path").value(),
        Some(out.display().to_string()),
        "the save starts with report.html in the project's folder"
    );
    h.key_press(Key::Enter);
    h.run();
    run_until(&mut h, "the report", |h| written_notice(h).is_some());
    assert_eq!(
        written_notice(&h),
        Some((claims.len(), out.display().to_string()))
    );
    h.get_by_label(&format!(
        "Wrote the report of {} claims to {}",
        claims.len(),
        out.display()
    ));
    let html = std::fs::read_to_string(&out).unwrap();
    check_html(&html, &claims, &documents);
    assert_self_contained(&html);

    // A name ending in .md writes Markdown.
    open_export_report(&mut h);
    let md = s.dir.path().join("notes.md");
    h.get_by_role_and_label(Role::TextInput, "Path").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Path")
        .type_text(&md.display().to_string());
    h.run();
    h.key_press(Key::Enter);
    h.run();
    run_until(&mut h, "the Markdown report", |h| {
        written_notice(h).is_some_and(|(_, p)| p == md.display().to_string())
    });
    let text = std::fs::read_to_string(&md).unwrap();
    for c in &claims {
        assert!(text.contains(&format!("## {} · ", c.claim.id)));
    }
}

#[test]
fn file_export_report_refuses_a_missing_folder_and_replaces_only_when_asked_twice() {
    let s = setup();
    let mut h = workbench(&s);
    let type_path = |h: &mut Harness<'static, WorkbenchApp>, path: &Path| {
        h.get_by_role_and_label(Role::TextInput, "Path").focus();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
        h.run();
        h.get_by_role_and_label(Role::TextInput, "Path")
            .type_text(&path.display().to_string());
        h.run();
        h.key_press(Key::Enter);
        h.run();
    };
    open_export_report(&mut h);
    let gone = s.dir.path().join("gone");
    type_path(&mut h, &gone.join("report.html"));
    h.get_by_label(&format!("The folder does not exist: {}", gone.display()));
    assert!(chooser_open(&h), "the chooser stays up");
    assert_eq!(written_notice(&h), None);
    assert!(!gone.exists());

    // A file there already is replaced on the second Enter only.
    let out = s.dir.path().join("old.html");
    std::fs::write(&out, "old").unwrap();
    type_path(&mut h, &out);
    h.get_by_label(&format!(
        "{} exists already: press Enter or Save again to replace it.",
        out.display()
    ));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
    h.key_press(Key::Enter);
    h.run();
    run_until(&mut h, "the report", |h| written_notice(h).is_some());
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
}

#[test]
fn an_accepted_claim_with_a_note_shows_the_note_who_and_when() {
    let mut s = setup();
    let (claims, _) = claims_and_documents(&s.project);
    let cases = claim_with(&claims, s.docs[0], "96").claim.id;
    s.project.accept_claim(cases).unwrap();
    let note = "Police count cases opened, <the ministry> counts complaints";
    s.project.note_claim(cases, Some(note)).unwrap();
    let (claims, documents) = claims_and_documents(&s.project);
    let reviewed = claims.iter().find(|c| c.claim.id == cases).unwrap();
    assert!(!reviewed.reviews.is_empty(), "the note is a review");
    drop(s.project);

    let out = s.dir.path().join("report.html");
    ok(&[
        "report",
        &s.path.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    let html = std::fs::read_to_string(&out).unwrap();
    check_html(&html, &claims, &documents);
    let doc = Html::parse_document(&html);
    let article = articles(&doc)
        .into_iter()
        .find(|(id, _)| *id == cases.to_string())
        .unwrap()
        .1;
    assert_eq!(article.value().attr("data-state"), Some("accepted"));
    let notes: Vec<String> = article.select(&sel(".notes li")).map(text_of).collect();
    assert!(notes.iter().any(|n| n.contains(note)), "{notes:?}");
    for review in &reviewed.reviews {
        assert!(
            notes
                .iter()
                .any(|n| n.contains(&review.reviewer) && n.contains(&review.reviewed_at)),
            "{review:?} in {notes:?}"
        );
    }
    let facts = text_of(article.select(&sel(".facts")).next().unwrap());
    assert!(facts.contains("State: accepted"), "{facts}");

    let md_out = s.dir.path().join("report.md");
    ok(&[
        "report",
        &s.path.display().to_string(),
        "--out",
        &md_out.display().to_string(),
    ]);
    let md = std::fs::read_to_string(&md_out).unwrap();
    assert!(
        md.contains("Police count cases opened, \\<the ministry> counts complaints — tester, "),
        "{md}"
    );
}

// ------------------------------------------------ hand-made claims

fn meta(id: DocId, title: &str, language: &str) -> DocumentMeta {
    DocumentMeta {
        id,
        title: title.into(),
        language: tualek::model::Language::new(language),
        source_path: format!("/src/{id}.txt"),
        imported_at: "2026-12-01T00:00:00Z".into(),
        sha256: String::new(),
        char_len: 100,
        removed: false,
    }
}

/// A mention whose figure `text` stands in `sentence` at code point `at`
/// (of the document; the sentence starts at 10).
fn mention(
    figure: i64,
    doc: DocId,
    sentence: &str,
    text: &str,
    value: &str,
) -> tualek::claims::Mention {
    let b = sentence.find(text).expect("the figure is in its sentence");
    let at = 10 + sentence[..b].chars().count();
    tualek::claims::Mention {
        figure,
        doc,
        span: tualek::model::Span::new(at, at + text.chars().count()),
        text: text.into(),
        kind: tualek::model::Kind::Count,
        value: Some(dec(value)),
        value_max: None,
        unit: Some("people".into()),
        hedge: None,
        sentence: tualek::model::Span::new(10, 10 + sentence.chars().count()),
        sentence_text: sentence.into(),
        time: Some("2023".into()),
    }
}

fn claim(
    mentions: Vec<tualek::claims::Mention>,
    verdict: Verdict,
    rounder: Option<i64>,
) -> ReviewedClaim {
    ReviewedClaim {
        claim: tualek::claims::Claim {
            id: tualek::claims::ClaimId(mentions[0].figure),
            state: tualek::claims::ClaimState::Suggested,
            mentions,
            score: 0.8,
            reasons: vec![tualek::claims::Reason::SameNoun {
                noun: "people".into(),
            }],
            description: tualek::claims::Description {
                noun: Some("people".into()),
                time: Some("2023".into()),
                words: vec!["migrants".into()],
            },
            verdict,
            rounder,
        },
        reviews: vec![],
    }
}

#[test]
fn rounding_names_the_rounder_figure_and_hedges_are_shown() {
    let docs = [meta(1, "Vientiane Times", "en"), meta(2, "ປະເທດລາວ", "lo")];
    let rounded = claim(
        vec![
            mention(
                1,
                1,
                "About 1.2 million migrants left in 2023.",
                "1.2 million",
                "1200000",
            ),
            mention(
                2,
                2,
                "ແຮງງານ 1,230,000 ຄົນ ໃນປີ 2023.",
                "1,230,000",
                "1230000",
            ),
        ],
        Verdict::Rounding,
        Some(1),
    );
    let mut more = mention(3, 1, "More than 1,000 people were helped.", "1,000", "1000");
    more.hedge = Some(tualek::claims::Hedge {
        kind: tualek::claims::HedgeKind::MoreThan,
        words: "More than".into(),
    });
    let hedged = claim(
        vec![more, mention(4, 2, "ຊ່ວຍເຫຼືອ 1,255 ຄົນ.", "1,255", "1255")],
        Verdict::Hedged,
        None,
    );
    let claims = [hedged, rounded];
    let html = report::html(&claims, &docs, "p", "now");
    check_html(&html, &claims, &docs);
    let doc = Html::parse_document(&html);
    let c1 = doc.select(&sel("article#c1")).next().unwrap();
    let verdict = text_of(c1.select(&sel(".verdict")).next().unwrap());
    assert!(
        verdict.contains("agrees within rounding")
            && verdict.contains("“1.2 million” (Vientiane Times) is the rounder figure"),
        "{verdict}"
    );
    let rounder_row = text_of(c1.select(&sel("tr[data-figure=\"1\"]")).next().unwrap());
    assert!(
        rounder_row.contains("1,200,000 people (rounder)"),
        "{rounder_row}"
    );
    let other_row = text_of(c1.select(&sel("tr[data-figure=\"2\"]")).next().unwrap());
    assert!(!other_row.contains("rounder"), "{other_row}");
    let c3 = doc.select(&sel("article#c3")).next().unwrap();
    assert_eq!(
        text_of(c3.select(&sel(".verdict .badge")).next().unwrap()),
        "hedged"
    );
    let hedge_row = text_of(c3.select(&sel("tr[data-figure=\"3\"]")).next().unwrap());
    assert!(hedge_row.contains("More than"), "{hedge_row}");
    // Agreeing claims keep the order they came in.
    let order: Vec<String> = articles(&doc).into_iter().map(|(id, _)| id).collect();
    assert_eq!(order, ["c3", "c1"]);

    let md = report::markdown(&claims, &docs, "p", "now");
    assert!(md.contains(
        "**Verdict: agrees within rounding: “1.2 million” (Vientiane Times) is the rounder figure**"
    ));
    assert!(
        md.contains(
            "| Vientiane Times (en) | 1,200,000 people (rounder) | 1.2 million | — | 2023 |"
        ),
        "{md}"
    );
    assert!(md.contains("| More than | 2023 |"), "{md}");
}

#[test]
fn mentions_that_do_not_match_their_sentence_are_quoted_without_a_panic() {
    let docs = [meta(1, "", "en"), meta(2, "B", "und")];
    // Offsets past the sentence, found by its text instead.
    let mut shifted = mention(1, 1, "Officials counted 75 people.", "75", "75");
    shifted.span = tualek::model::Span::new(5000, 5002);
    // A figure not in its sentence at all, and an unknown document.
    let mut absent = mention(2, 2, "Nothing here.", "Nothing", "1");
    absent.text = "ninety".into();
    let mut lost = mention(3, 9, "Officials counted 75 people.", "75", "75");
    lost.sentence = tualek::model::Span::new(usize::MAX - 1, usize::MAX);
    let claims = [claim(
        vec![shifted, absent, lost],
        Verdict::Disagrees,
        Some(99),
    )];
    let html = report::html(&claims, &docs, "p", "now");
    let doc = Html::parse_document(&html);
    let quote = |f: i64| {
        doc.select(&sel(&format!("blockquote[data-figure=\"{f}\"]")))
            .next()
            .unwrap()
    };
    assert_eq!(text_of(quote(1).select(&sel("mark")).next().unwrap()), "75");
    assert_eq!(quote(2).select(&sel("mark")).count(), 0);
    assert!(text_of(quote(2)).contains("Nothing here."));
    assert_eq!(quote(2).value().attr("lang"), None, "und gives no lang");
    assert!(
        text_of(quote(3)).contains("document 9"),
        "an unknown document is named by id"
    );
    assert!(
        text_of(quote(1)).contains("document 1"),
        "an empty title is named by id"
    );
    let md = report::markdown(&claims, &docs, "p", "now");
    assert!(md.contains("Officials counted **75** people."));
}

#[test]
fn a_long_sentence_is_cut_around_its_figure() {
    let docs = [meta(1, "A", "en"), meta(2, "B", "en")];
    let long = format!("{} 75 people {}", "word ".repeat(300), "more ".repeat(300));
    let claims = [claim(
        vec![
            mention(1, 1, &long, "75", "75"),
            mention(2, 2, "Officials counted 75 people.", "75", "75"),
        ],
        Verdict::Agrees,
        None,
    )];
    let html = report::html(&claims, &docs, "p", "now");
    let doc = Html::parse_document(&html);
    let quoted = text_of(
        doc.select(&sel("blockquote[data-figure=\"1\"] p"))
            .next()
            .unwrap(),
    );
    assert!(quoted.starts_with('…') && quoted.ends_with('…'), "{quoted}");
    assert!(quoted.chars().count() < 900, "{}", quoted.chars().count());
    assert!(quoted.contains("word 75 people more"));
}

#[test]
fn years_and_dates_are_not_grouped_like_counts() {
    let docs = [meta(1, "A", "en"), meta(2, "B", "en")];
    let mut year = mention(1, 1, "It began in 2024 in Vientiane.", "2024", "2024");
    year.kind = tualek::model::Kind::Year;
    year.unit = None;
    let mut date = mention(
        2,
        2,
        "It began on 30 January 2024.",
        "30 January 2024",
        "2024",
    );
    date.kind = tualek::model::Kind::Date;
    date.unit = None;
    date.time = Some("2024-01-30".into());
    let claims = [claim(vec![year, date], Verdict::Agrees, None)];
    let html = report::html(&claims, &docs, "p", "now");
    check_html(&html, &claims, &docs);
    let doc = Html::parse_document(&html);
    let cell = |f: i64| {
        text_of(
            doc.select(&sel(&format!("tr[data-figure=\"{f}\"] td.value")))
                .next()
                .unwrap(),
        )
    };
    assert_eq!(cell(1), "2024");
    assert_eq!(cell(2), "30 January 2024 (2024-01-30)");
    let index = text_of(doc.select(&sel(".index .values")).next().unwrap());
    assert_eq!(index, "2024 · 30 January 2024");
}
