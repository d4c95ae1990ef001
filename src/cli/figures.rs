//! `tualek figures`: a project's figures as JSON Lines or a table, streamed.
//!
//! A big project holds millions of figures: both forms are written row by
//! row as the store reads them, never gathered first. A table needs its
//! column widths before its first line, so it reads the figures twice: once
//! for the widths, once to print. That costs a second query but keeps the
//! output exactly as lined up as a table of gathered rows, in the memory of
//! one row (fixed widths would cut or misalign columns that a first pass
//! sizes right).

use std::io::Write;

use super::args::ListFormat;
use super::table;
use crate::app::Project;
use crate::export::{self, ExportError};
use crate::model::{Decimal, Figure};
use crate::store::{FigureFilter, StoreError};

const HEADER: [&str; 8] = [
    "id", "doc", "span", "text", "kind", "value", "unit", "status",
];

/// Prints the figures `filter` selects in `format` on stdout.
pub(super) fn print(p: &Project, filter: &FigureFilter, format: ListFormat) -> Result<(), String> {
    let stdout = std::io::stdout().lock();
    // Stdout flushes at every newline otherwise: a system call per figure.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout);
    match format {
        ListFormat::Jsonl => {
            export::for_each_record(
                p.store(),
                filter,
                |_| true,
                |r| export::write_jsonl_record(&mut out, &r),
            )
            .map_err(|e| e.to_string())?;
        }
        ListFormat::Table => {
            let mut widths = table::Widths::new(&HEADER);
            p.store()
                .for_each_figure(filter, |f| {
                    widths.fit(&cells(f));
                    Ok::<_, StoreError>(())
                })
                .map_err(|e| e.to_string())?;
            let write = |out: &mut dyn Write, line: String| {
                out.write_all(line.as_bytes())
                    .map_err(|e| ExportError::Io("output".into(), e))
            };
            write(&mut out, widths.line(&HEADER)).map_err(|e| e.to_string())?;
            p.store()
                .for_each_figure(filter, |f| write(&mut out, widths.line(&cells(f))))
                .map_err(|e| e.to_string())?;
        }
    }
    out.flush().map_err(|e| format!("cannot write output: {e}"))
}

/// A figure's row of the table.
fn cells(f: Figure) -> [String; 8] {
    let dec = |d: Option<Decimal>| d.map(|d| d.normalize().to_string()).unwrap_or_default();
    let value = match f.value_max {
        Some(_) => format!("{}–{}", dec(f.value), dec(f.value_max)),
        None => dec(f.value),
    };
    [
        f.id.to_string(),
        f.document.to_string(),
        format!("{}..{}", f.span.start, f.span.end),
        f.text,
        f.kind.to_string(),
        value,
        f.unit.unwrap_or_default(),
        f.status.to_string(),
    ]
}
