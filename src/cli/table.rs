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
    let cells: Vec<Vec<String>> = std::iter::once(header.iter().map(|s| s.to_string()).collect())
        .chain(rows.iter().map(|r| r.iter().map(|c| clip(c)).collect()))
        .collect();
    let mut widths = vec![0; header.len()];
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.width());
        }
    }
    let mut out = String::new();
    for row in &cells {
        let mut line = String::new();
        for (i, (c, w)) in row.iter().zip(&widths).enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(c);
            line.extend(std::iter::repeat_n(' ', w - c.width()));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
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
