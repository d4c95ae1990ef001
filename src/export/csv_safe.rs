//! CSV cells a spreadsheet will not run as formulas.
//!
//! Spreadsheets read a cell that starts with `=`, `+`, `-` or `@` (and, in
//! some, TAB or CR before one) as a formula: a document title
//! `=HYPERLINK("http://…")` from someone else's file becomes a live link, or
//! worse, when a reviewer opens the export. OWASP's advice, followed here:
//! such a cell gets a leading `'`, which spreadsheets show as text and do
//! not display.
//!
//! Only text cells go through [`formula_safe`]: the numeric columns (offsets,
//! values, ids, segment numbers) hold numbers Tualek formats itself, such as
//! `-5` or `-0.25`. A number cannot be a formula, and quoting it would turn
//! a value column into text a spreadsheet no longer sums.

use std::borrow::Cow;

/// `cell`, with a leading `'` when a spreadsheet would read it as a formula.
pub fn formula_safe(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

#[cfg(test)]
mod tests {
    use super::formula_safe;

    #[test]
    fn cells_a_spreadsheet_would_run_get_a_quote() {
        for cell in [
            "=HYPERLINK(\"http://x\")",
            "+1+2",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
        ] {
            assert_eq!(formula_safe(cell), format!("'{cell}"));
        }
    }

    #[test]
    fn other_cells_are_left_alone() {
        for cell in ["", "1,255", "ຄົນ", "a=b", " =1", "'=1"] {
            assert_eq!(formula_safe(cell), cell);
        }
    }
}
