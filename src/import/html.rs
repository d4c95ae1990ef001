//! The visible text of an HTML page, through html5ever (by way of `scraper`).
//!
//! Scripts, styles and other invisible elements are dropped; block elements
//! become line breaks and runs of white space collapse, as a browser shows them.

use scraper::{Html, Node};

use super::ImportError;

/// Elements whose content a reader never sees.
const HIDDEN: &[&str] = &[
    "head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
    "canvas", "math", "select", "datalist", "button",
];

/// Elements that stand apart from the text around them by a blank line.
const PARAGRAPHS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "ul",
    "ol",
    "dl",
    "figure",
    "hr",
    "address",
    "section",
    "article",
    "aside",
    "header",
    "footer",
    "main",
    "nav",
];

/// Elements that start on a line of their own.
const LINES: &[&str] = &[
    "div",
    "li",
    "tr",
    "dt",
    "dd",
    "figcaption",
    "form",
    "fieldset",
    "details",
    "summary",
    "caption",
    "legend",
    "body",
    "html",
    "option",
    "center",
];

mod depth_sink;

/// How deep elements may nest. Real pages stay far below (browsers
/// themselves flatten a tree past 512 levels); a deeper one is hostile, and
/// refused before it costs time.
pub const MAX_HTML_DEPTH: usize = 1000;

/// The page's title (`<title>`, else its first `<h1>`) and its visible text;
/// refused when its elements nest deeper than [`MAX_HTML_DEPTH`].
pub fn visible_text(html: &str) -> Result<(Option<String>, String), ImportError> {
    let too_deep = ImportError::HtmlTooDeep {
        limit: MAX_HTML_DEPTH,
    };
    let doc = depth_sink::parse_bounded(html, MAX_HTML_DEPTH).ok_or(too_deep.clone())?;
    let mut out = Writer::default();
    walk(doc.tree.root(), &mut out, MAX_HTML_DEPTH).ok_or(too_deep)?;
    let title = first_text(&doc, "title").or_else(|| first_text(&doc, "h1"));
    Ok((title, out.finish()))
}

fn first_text(doc: &Html, tag: &str) -> Option<String> {
    let selector = scraper::Selector::parse(tag).ok()?;
    let el = doc.select(&selector).next()?;
    let text = el.text().collect::<String>();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// The line breaks an element stands apart by: 2 for a paragraph, 1 for a line.
fn breaks_of(name: &str) -> usize {
    if PARAGRAPHS.contains(&name) {
        2
    } else if LINES.contains(&name) {
        1
    } else {
        0
    }
}

/// Writes the visible text under `root`, in one pass over the tree without
/// recursion (a deep page cannot overflow the stack); `None` when elements
/// nest deeper than `limit`.
fn walk(root: ego_tree::NodeRef<'_, Node>, out: &mut Writer, limit: usize) -> Option<()> {
    use ego_tree::iter::Edge;
    let mut depth = 0usize;
    // The hidden element being passed over, and how many `pre`/`textarea` are open.
    let mut hidden: Option<ego_tree::NodeId> = None;
    let mut pre = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                let Node::Element(el) = node.value() else {
                    if let (Node::Text(t), None) = (node.value(), hidden) {
                        out.text(t, pre > 0);
                    }
                    continue;
                };
                depth += 1;
                if depth > limit {
                    return None;
                }
                if hidden.is_some() {
                    continue;
                }
                let name = el.name();
                if HIDDEN.contains(&name) || el.attr("hidden").is_some() {
                    hidden = Some(node.id());
                    continue;
                }
                match name {
                    "br" => out.newlines(1, true),
                    "td" | "th" => out.cell(),
                    _ => {}
                }
                out.newlines(breaks_of(name), false);
                if name == "pre" || name == "textarea" {
                    pre += 1;
                }
            }
            Edge::Close(node) => {
                let Node::Element(el) = node.value() else {
                    continue;
                };
                depth -= 1;
                if hidden.is_some() {
                    if hidden == Some(node.id()) {
                        hidden = None;
                    }
                    continue;
                }
                let name = el.name();
                if name == "pre" || name == "textarea" {
                    pre -= 1;
                }
                out.newlines(breaks_of(name), false);
            }
        }
    }
    Some(())
}

/// Accumulates text, holding back spaces and line breaks until text follows,
/// so that none pile up at block edges.
#[derive(Default)]
struct Writer {
    out: String,
    space: bool,
    breaks: usize,
    cell: bool,
}

impl Writer {
    fn text(&mut self, t: &str, pre: bool) {
        if pre {
            self.flush();
            self.out.push_str(t);
            return;
        }
        if t.starts_with(|c: char| c.is_ascii_whitespace()) {
            self.space = true;
        }
        for (i, word) in t.split_ascii_whitespace().enumerate() {
            if i > 0 {
                self.space = true;
            }
            self.flush();
            self.out.push_str(word);
        }
        if t.ends_with(|c: char| c.is_ascii_whitespace()) {
            self.space = true;
        }
    }

    fn flush(&mut self) {
        if self.out.is_empty() {
            self.breaks = 0;
            self.space = false;
            self.cell = false;
            return;
        }
        if self.breaks > 0 {
            // Only whether the text already ends in `breaks` line breaks
            // matters: looking further back would cost the whole run of
            // them at each flush (`<div><br></div>` repeated was quadratic).
            let have = self
                .out
                .bytes()
                .rev()
                .take(self.breaks)
                .take_while(|&b| b == b'\n')
                .count();
            while self.out.ends_with([' ', '\t']) {
                self.out.pop();
            }
            for _ in have..self.breaks {
                self.out.push('\n');
            }
        } else if self.cell {
            self.out.push('\t');
        } else if self.space && !self.out.ends_with(['\n', ' ', '\t']) {
            self.out.push(' ');
        }
        self.breaks = 0;
        self.space = false;
        self.cell = false;
    }

    fn newlines(&mut self, n: usize, forced: bool) {
        if forced {
            // <br> breaks even an empty line, like a browser.
            self.flush();
            self.out.push('\n');
            return;
        }
        self.breaks = self.breaks.max(n);
    }

    fn cell(&mut self) {
        if self.breaks == 0 && !self.out.is_empty() && !self.out.ends_with('\n') {
            self.cell = true;
        }
    }

    fn finish(self) -> String {
        let lines: Vec<&str> = self.out.lines().map(str::trim_end).collect();
        let mut text = lines.join("\n");
        while text.ends_with('\n') {
            text.pop();
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visible_text_ok(html: &str) -> (Option<String>, String) {
        visible_text(html).unwrap()
    }

    fn nested(levels: usize) -> String {
        format!(
            "{}1,255 workers{}",
            "<div>".repeat(levels),
            "</div>".repeat(levels)
        )
    }

    #[test]
    fn nesting_up_to_the_limit_is_read() {
        // <html> and <body> stand above the divs.
        let (_, text) = visible_text_ok(&nested(MAX_HTML_DEPTH - 2));
        assert_eq!(text, "1,255 workers");
    }

    #[test]
    fn nesting_past_the_limit_is_refused() {
        for levels in [MAX_HTML_DEPTH, 5 * MAX_HTML_DEPTH, 100_000] {
            let err = visible_text(&nested(levels)).unwrap_err();
            assert_eq!(
                err,
                ImportError::HtmlTooDeep {
                    limit: MAX_HTML_DEPTH
                }
            );
        }
    }

    #[test]
    fn many_line_breaks_keep_their_count() {
        let (_, text) = visible_text_ok(&format!("a{}b", "<div><br></div>".repeat(3)));
        assert_eq!(text, "a\n\n\n\nb");
    }

    #[test]
    fn hidden_elements_nested_in_each_other_stay_hidden() {
        let (_, text) = visible_text_ok(
            "<p>a<script>x<b>y</b></script><span hidden>z<i hidden>w</i>v</span>b</p><pre> c  d</pre>",
        );
        assert_eq!(text, "ab\n\n c  d");
    }

    #[test]
    fn drops_scripts_styles_and_head() {
        let (title, text) = visible_text_ok(
            "<html><head><title> Trafficking  report </title><style>p{color:red}</style>\
             <script>var x = 1255;</script></head><body><p>Hello <b>1,255</b> workers</p>\
             <noscript>enable js</noscript></body></html>",
        );
        assert_eq!(title.as_deref(), Some("Trafficking report"));
        assert_eq!(text, "Hello 1,255 workers");
    }

    #[test]
    fn blocks_become_line_breaks() {
        let (_, text) = visible_text_ok(
            "<h1>Title</h1><p>One\n  two</p><p>ສາມ&nbsp;ຄົນ</p><ul><li>a</li><li>b</li></ul>\
             <div>x<br>y</div><table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>",
        );
        assert_eq!(
            text,
            "Title\n\nOne two\n\nສາມ\u{a0}ຄົນ\n\na\nb\n\nx\ny\n\n1\t2\n3"
        );
    }

    #[test]
    fn inline_elements_keep_spacing() {
        let (_, text) =
            visible_text_ok("<p>US<i>D</i> 5,810 and <a href=x>493</a> <em>women</em></p>");
        assert_eq!(text, "USD 5,810 and 493 women");
    }

    #[test]
    fn pre_keeps_white_space() {
        let (_, text) = visible_text_ok("<p>a</p><pre>  1   2\n3</pre>");
        assert_eq!(text, "a\n\n  1   2\n3");
    }
}
