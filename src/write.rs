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

/// The I/O error inside a CSV error, so that a broken pipe stays one.
fn io_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
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

/// Writes claims as CSV with a header row, or as JSON lines.
pub struct ClaimWriter<W: Write> {
    cfg: WriteConfig,
    csv: Option<csv::Writer<W>>,
    raw: Option<W>,
}

impl<W: Write> ClaimWriter<W> {
    /// A writer that has already written the header (CSV) or BOM (Excel).
    pub fn new(mut out: W, cfg: WriteConfig) -> io::Result<Self> {
        if cfg.excel {
            out.write_all("\u{feff}".as_bytes())?;
        }
        match cfg.format {
            OutputFormat::Csv => {
                let mut w = csv::WriterBuilder::new().from_writer(out);
                w.write_record(COLUMNS).map_err(io_error)?;
                Ok(ClaimWriter {
                    cfg,
                    csv: Some(w),
                    raw: None,
                })
            }
            OutputFormat::Jsonl => Ok(ClaimWriter {
                cfg,
                csv: None,
                raw: Some(out),
            }),
        }
    }

    /// Gives back the underlying writer.
    pub fn into_inner(self) -> io::Result<W> {
        match (self.csv, self.raw) {
            (Some(w), _) => w.into_inner().map_err(|e| e.into_error()),
            (None, Some(w)) => Ok(w),
            _ => Err(io::Error::other("writer already taken")),
        }
    }
}

impl<W: Write> Sink for ClaimWriter<W> {
    fn write_doc(&mut self, doc_id: &str, claims: &[Claim]) -> io::Result<()> {
        let excel = self.cfg.excel;
        fn cell(excel: bool, s: &str) -> std::borrow::Cow<'_, str> {
            if excel { neutralize(s) } else { s.into() }
        }
        if let Some(w) = &mut self.csv {
            let mut numbers = [Digits::default(); 3];
            for c in claims {
                let [id, start, end] = &mut numbers;
                let (id, start, end) = (id.format(c.claim_id), start.format(c.start), end.format(c.end));
                w.write_record([
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
                ])
                .map_err(io_error)?;
            }
        } else if let Some(w) = &mut self.raw {
            for c in claims {
                serde_json::to_writer(&mut *w, &Row { doc_id, claim: c })?;
                w.write_all(b"\n")?;
            }
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        if let Some(w) = &mut self.csv {
            w.flush()?;
        }
        if let Some(w) = &mut self.raw {
            w.flush()?;
        }
        Ok(())
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
    fn numbers_are_written_in_decimal() {
        let mut d = Digits::default();
        for n in [0, 7, 10, 4096, usize::MAX] {
            assert_eq!(d.format(n), n.to_string());
        }
    }
}
