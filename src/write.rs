//! Writing claims: CSV or JSON lines, with spreadsheet-safe cells on request.

use std::io::{self, Write};

use serde::Serialize;

use crate::model::Claim;

/// The CSV columns, in order.
pub const COLUMNS: [&str; 13] = [
    "doc_id",
    "claim_id",
    "speaker",
    "speaker_type",
    "speaker_title",
    "speaker_mention",
    "outlet",
    "cue",
    "cue_text",
    "quote_type",
    "claim",
    "start",
    "end",
];

/// Output layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Csv,
    Jsonl,
}

/// How to write: compiled from the command line before any work.
#[derive(Debug, Clone, Copy)]
pub struct WriteConfig {
    pub format: OutputFormat,
    /// A UTF-8 BOM and neutralised formula cells, for Excel.
    pub excel: bool,
}

/// Receives each document's claims in input order.
pub trait Sink {
    /// Writes the claims of one document.
    fn write_doc(&mut self, doc_id: &str, claims: &[Claim]) -> io::Result<()>;
    /// Flushes everything written.
    fn finish(&mut self) -> io::Result<()>;
}

/// A cell a spreadsheet would run as a formula gets a leading apostrophe
/// (OWASP's advice on CSV injection).
pub fn neutralize(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// Decimal digits of a number, written without allocating: three per
/// claim row.
#[derive(Clone, Copy, Default)]
struct Digits([u8; 20]);

impl Digits {
    fn format(&mut self, mut n: usize) -> &str {
        let mut i = self.0.len();
        loop {
            i -= 1;
            self.0[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        // Only ASCII digits were written.
        std::str::from_utf8(&self.0[i..]).unwrap_or_default()
    }
}

#[derive(Serialize)]
struct Row<'a> {
    doc_id: &'a str,
    #[serde(flatten)]
    claim: &'a Claim,
}

/// Writes one CSV cell, quoted only when it holds a comma, a quotation mark
/// or a line break: the cells the csv crate would quote, written the same way.
fn csv_cell(w: &mut impl Write, cell: &str) -> io::Result<()> {
    let b = cell.as_bytes();
    if memchr::memchr3(b',', b'"', b'\n', b).is_none() && memchr::memchr(b'\r', b).is_none() {
        return w.write_all(b);
    }
    w.write_all(b"\"")?;
    for (i, part) in cell.split('"').enumerate() {
        if i > 0 {
            w.write_all(b"\"\"")?;
        }
        w.write_all(part.as_bytes())?;
    }
    w.write_all(b"\"")
}

/// Writes one CSV row and its line end.
fn csv_row<'a>(w: &mut impl Write, cells: impl IntoIterator<Item = &'a str>) -> io::Result<()> {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        csv_cell(w, cell)?;
    }
    w.write_all(b"\n")
}

/// Writes claims as CSV with a header row, or as JSON lines.
pub struct ClaimWriter<W: Write> {
    cfg: WriteConfig,
    out: W,
}

impl<W: Write> ClaimWriter<W> {
    /// A writer that has already written the header (CSV) or BOM (Excel).
    /// Cells go straight to `out`, which should be buffered.
    pub fn new(mut out: W, cfg: WriteConfig) -> io::Result<Self> {
        if cfg.excel {
            out.write_all("\u{feff}".as_bytes())?;
        }
        if cfg.format == OutputFormat::Csv {
            csv_row(&mut out, COLUMNS)?;
        }
        Ok(ClaimWriter { cfg, out })
    }

    /// Gives back the underlying writer.
    pub fn into_inner(self) -> W {
        self.out
    }
}

impl<W: Write> Sink for ClaimWriter<W> {
    fn write_doc(&mut self, doc_id: &str, claims: &[Claim]) -> io::Result<()> {
        let excel = self.cfg.excel;
        fn cell(excel: bool, s: &str) -> std::borrow::Cow<'_, str> {
            if excel { neutralize(s) } else { s.into() }
        }
        let w = &mut self.out;
        match self.cfg.format {
            OutputFormat::Csv => {
                let mut numbers = [Digits::default(); 3];
                for c in claims {
                    let [id, start, end] = &mut numbers;
                    let (id, start, end) = (id.format(c.claim_id), start.format(c.start), end.format(c.end));
                    csv_row(
                        w,
                        [
                            cell(excel, doc_id).as_ref(),
                            id,
                            &cell(excel, &c.speaker),
                            c.speaker_type.as_str(),
                            &cell(excel, &c.speaker_title),
                            &cell(excel, &c.speaker_mention),
                            &cell(excel, &c.outlet),
                            &cell(excel, &c.cue),
                            &cell(excel, &c.cue_text),
                            c.quote_type.as_str(),
                            &cell(excel, &c.claim),
                            start,
                            end,
                        ],
                    )?;
                }
            }
            OutputFormat::Jsonl => {
                for c in claims {
                    serde_json::to_writer(&mut *w, &Row { doc_id, claim: c })?;
                    w.write_all(b"\n")?;
                }
            }
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralize("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralize("-1+2"), "'-1+2");
        assert_eq!(neutralize("قال"), "قال");
    }

    #[test]
    fn cells_are_quoted_as_the_csv_crate_quotes_them() {
        let cells = ["قال", "a,b", "say \"no\"", "two\nlines", "cr\r", "", "«نعم»"];
        let mut ours = Vec::new();
        csv_row(&mut ours, cells).unwrap();
        let mut theirs = csv::Writer::from_writer(Vec::new());
        theirs.write_record(cells).unwrap();
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            String::from_utf8(theirs.into_inner().unwrap()).unwrap()
        );
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        let mut d = Digits::default();
        for n in [0, 7, 10, 4096, usize::MAX] {
            assert_eq!(d.format(n), n.to_string());
        }
    }
}
