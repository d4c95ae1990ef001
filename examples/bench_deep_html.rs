//! Deep HTML benchmark: the time to read (or refuse) pages of nested `<div>`s.
//!
//! `cargo run --release --example bench_deep_html` prints, for each depth,
//! the page's size, the time `visible_text` took and whether it was read.
//! Past `MAX_HTML_DEPTH` a page is refused after about the first piece that
//! went too deep, so 100 000 levels cost no more than 2 000; a wide page of
//! the same size shows what an ordinary page of that size costs.

use std::time::Instant;

use tualek::import::visible_text;

fn nested(levels: usize) -> String {
    format!(
        "<html><body>{}Officials assisted 1,255 workers{}</body></html>",
        "<div>".repeat(levels),
        "</div>".repeat(levels)
    )
}

fn wide(paragraphs: usize) -> String {
    let p = "<div><p>Officials assisted <b>1,255</b> workers.</p></div>\n";
    format!("<html><body>{}</body></html>", p.repeat(paragraphs))
}

fn time(label: &str, page: &str) {
    let started = Instant::now();
    let read = visible_text(page);
    let took = started.elapsed();
    let outcome = match read {
        Ok((_, text)) => format!("read, {} chars", text.chars().count()),
        Err(e) => format!("refused: {e}"),
    };
    println!(
        "{label:>28}: {:>9} bytes, {:>9.1} ms, {outcome}",
        page.len(),
        took.as_secs_f64() * 1000.0
    );
}

/// html5ever alone, with no bound: its tree builder scans its stack of
/// open elements for each start tag, so doubling the depth quadruples this.
fn parse_alone(label: &str, page: &str) {
    let started = Instant::now();
    let doc = scraper::Html::parse_document(page);
    let took = started.elapsed();
    println!(
        "{:>28}: {:>9} bytes, {:>9.1} ms, {} nodes",
        format!("unbounded parse, {label}"),
        page.len(),
        took.as_secs_f64() * 1000.0,
        doc.tree.nodes().count()
    );
}

fn main() {
    for levels in [5_000, 10_000, 20_000] {
        parse_alone(&format!("{levels} levels"), &nested(levels));
    }
    parse_alone("20000 paragraphs", &wide(20_000));
    for levels in [100, 998, 2_000, 50_000, 100_000] {
        time(&format!("{levels} nested levels"), &nested(levels));
    }
    for breaks in [50_000, 100_000] {
        let page = format!("{}<p>493 women</p>", "<div><br></div>".repeat(breaks));
        time(&format!("{breaks} line breaks"), &page);
    }
    for paragraphs in [20_000, 100_000] {
        time(&format!("{paragraphs} paragraphs, wide"), &wide(paragraphs));
    }
}
