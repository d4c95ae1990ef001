//! Plain-text tables that line up in a terminal, Lao included: widths come
//! from `unicode-width`, which counts vowel and tone marks as zero. Cells
//! come from other people's files: control characters in them are escaped.

use unicode_width::UnicodeWidthStr;

/// Longest a cell may be before it is cut with an ellipsis.
const MAX_CELL: usize = 48;

pub fn print(header: &[&str], rows: &[Vec<String>]) {
    print!("{}", render(header, rows));
}

/// The table as text, one line per row, the header first.
pub fn render(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths = Widths::new(header);
    for row in rows {
        widths.fit(row);
    }
    let mut out = widths.line(header);
    for row in rows {
        out.push_str(&widths.line(row));
    }
    out
}

/// The widths of a table's columns, found in a first pass over its rows,
/// so that a table too big to hold (a project's every figure) can be
/// printed row by row in a second pass, lined up as [`render`] lines it up.
pub struct Widths(Vec<usize>);

impl Widths {
    /// The widths of the header alone.
    pub fn new(header: &[&str]) -> Widths {
        let mut widths = Widths(vec![0; header.len()]);
        widths.fit(header);
        widths
    }

    /// Widens the columns to hold `row` (its cells as [`render`] shows them).
    pub fn fit<S: AsRef<str>>(&mut self, row: &[S]) {
        for (w, c) in self.0.iter_mut().zip(row) {
            *w = (*w).max(clip(c.as_ref()).width());
        }
    }

    /// One row as a line, its newline included. A cell wider than its
    /// column (a row changed between the two passes) pushes the rest right.
    pub fn line<S: AsRef<str>>(&self, row: &[S]) -> String {
        let mut line = String::new();
        for (i, (c, w)) in row.iter().zip(&self.0).enumerate() {
            let c = clip(c.as_ref());
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(&c);
            line.extend(std::iter::repeat_n(' ', w.saturating_sub(c.width())));
        }
        let mut line = line.trim_end().to_string();
        line.push('\n');
        line
    }
}

/// A cell on one line, safe for a terminal (controls and bidi overrides
/// escaped, see [`super::safe`]), cut to [`MAX_CELL`] columns.
fn clip(s: &str) -> String {
    let one_line = super::safe::display_safe(s).into_owned();
    if one_line.width() <= MAX_CELL {
        return one_line;
    }
    let mut out = String::new();
    for g in unicode_segmentation::UnicodeSegmentation::graphemes(one_line.as_str(), true) {
        if out.width() + g.width() >= MAX_CELL {
            break;
        }
        out.push_str(g);
    }
    out.push('…');
    out
}
