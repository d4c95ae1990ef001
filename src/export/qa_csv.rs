//! The number QA of a translation, one CSV row per segment, for a reviewer's
//! spreadsheet or a pipeline's log.

use std::io::Write;

use super::{ExportError, formula_safe};

/// One checked segment pair. Figures are listed as the QA found them,
/// already formatted by the caller (`1,255 (1255); 75 ຄົນ (75)`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QaRow {
    /// 1-based segment number in its file.
    pub segment: u32,
    /// `ok`, `mismatch`, `missing` or `extra`.
    pub verdict: String,
    /// A reviewer accepted the flagged segment as a legitimate change.
    pub accepted: bool,
    pub note: Option<String>,
    pub source: String,
    pub target: String,
    pub source_figures: String,
    pub target_figures: String,
}

impl QaRow {
    pub const COLUMNS: &'static [&'static str] = &[
        "segment",
        "verdict",
        "accepted",
        "note",
        "source",
        "target",
        "source_figures",
        "target_figures",
    ];

    /// The row's cells; text cells are [`formula_safe`] (a segment, a note
    /// or a figure such as `-5 %` may start like a formula), the segment
    /// number is a number.
    fn fields(&self) -> [String; 8] {
        let text = |s: &str| formula_safe(s).into_owned();
        [
            self.segment.to_string(),
            text(&self.verdict),
            self.accepted.to_string(),
            text(self.note.as_deref().unwrap_or_default()),
            text(&self.source),
            text(&self.target),
            text(&self.source_figures),
            text(&self.target_figures),
        ]
    }
}

/// Writes a header row, then one row per segment (the csv crate quotes
/// fields holding commas, quotes or line breaks).
pub fn write_qa_csv(out: impl Write, rows: &[QaRow]) -> Result<(), ExportError> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(QaRow::COLUMNS)?;
    for row in rows {
        csv.write_record(row.fields())?;
    }
    csv.flush()
        .map_err(|e| ExportError::Io("output".into(), e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cells_that_start_like_a_formula_get_a_quote() {
        let row = QaRow {
            segment: 3,
            verdict: "mismatch".into(),
            accepted: false,
            note: Some("=HYPERLINK(\"http://x\")".into()),
            source: "-5 % in 2024".into(),
            target: "@ ຄົນ".into(),
            source_figures: "-5 % (-5)".into(),
            target_figures: String::new(),
        };
        let mut out = Vec::new();
        write_qa_csv(&mut out, &[row]).unwrap();
        let mut reader = csv::Reader::from_reader(out.as_slice());
        let cells = reader.records().next().unwrap().unwrap();
        assert_eq!(&cells[0], "3");
        assert_eq!(&cells[3], "'=HYPERLINK(\"http://x\")");
        assert_eq!(&cells[4], "'-5 % in 2024");
        assert_eq!(&cells[5], "'@ ຄົນ");
        assert_eq!(&cells[6], "'-5 % (-5)");
        assert_eq!(&cells[7], "");
    }
}
