//! `isnad extract`: articles in, attributed claims out.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use isnad::pipeline::{self, Failure, Next, Summary};
use isnad::read::{self, Format, ReadConfig};
use isnad::write::{ClaimWriter, OutputFormat, WriteConfig};
use isnad::{Rules, decode};

#[derive(clap::Args)]
pub struct Args {
    /// Files, directories (walked recursively, sorted) or - for stdin. Default: stdin.
    inputs: Vec<String>,
    /// Output file (written to a temporary file and renamed at the end; a device or pipe is written in place). Default, or -: stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Input format, instead of guessing from the extension: txt, jsonl, csv, trec.
    #[arg(long)]
    format: Option<String>,
    /// Field or column holding the document id (JSONL, CSV).
    #[arg(long, default_value = "id")]
    id_field: String,
    /// Field or column holding the article text (JSONL, CSV).
    #[arg(long, default_value = "text")]
    text_field: String,
    /// Force an input encoding (utf-8, utf-16le, utf-16be, windows-1256) instead of detecting it.
    #[arg(long)]
    encoding: Option<String>,
    /// Output format: csv or jsonl.
    #[arg(long, default_value = "csv")]
    output_format: String,
    /// Excel-friendly CSV: a UTF-8 BOM and formula-like cells neutralised.
    #[arg(long)]
    excel: bool,
    /// Load rules from this directory instead of the embedded ones.
    #[arg(long)]
    rules: Option<PathBuf>,
    /// Worker threads (default: all cores). Output is identical for any value.
    #[arg(long)]
    threads: Option<usize>,
    /// Write failed documents as CSV (source, record, reason) to this file.
    #[arg(long)]
    errors: Option<PathBuf>,
    /// Stop at the first failed document.
    #[arg(long)]
    strict: bool,
    /// No progress bar and no summary.
    #[arg(short, long)]
    quiet: bool,
}

/// The command line compiled into settings before any document is read.
struct Config {
    rules: Rules,
    read: ReadConfig,
    write: WriteConfig,
    threads: usize,
}

fn compile(a: &Args) -> Result<Config> {
    let rules = match &a.rules {
        Some(dir) => Rules::from_dir(dir)?,
        None => Rules::embedded(),
    };
    let format = match a.format.as_deref() {
        Some(f) => Some(Format::from_name(f).with_context(|| format!("unknown --format {f:?} (txt, jsonl, csv, trec)"))?),
        None => None,
    };
    let encoding = match a.encoding.as_deref() {
        Some(e) => Some(decode::encoding_for_label(e).with_context(|| format!("unknown --encoding {e:?}"))?),
        None => None,
    };
    let out_format = match a.output_format.as_str() {
        "csv" => OutputFormat::Csv,
        "jsonl" => OutputFormat::Jsonl,
        other => bail!("unknown --output-format {other:?} (csv, jsonl)"),
    };
    if a.threads == Some(0) {
        bail!("--threads must be at least 1");
    }
    let threads = a
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    Ok(Config {
        rules,
        read: ReadConfig {
            format,
            id_field: a.id_field.clone(),
            text_field: a.text_field.clone(),
            encoding,
            defer_json: true,
        },
        write: WriteConfig {
            format: out_format,
            excel: a.excel,
        },
        threads,
    })
}

pub fn run(a: Args) -> Result<u8> {
    let cfg = compile(&a)?;
    let inputs = if a.inputs.is_empty() {
        vec!["-".to_string()]
    } else {
        a.inputs.clone()
    };
    let (sources, walk_failures) = read::sources(&inputs);
    let records = walk_failures.into_iter().chain(read::records(sources, cfg.read.clone()));

    let mut errors_csv = match &a.errors {
        Some(p) => {
            let mut w = csv::Writer::from_writer(BufWriter::new(
                File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
            ));
            w.write_record(["source", "record", "reason"])?;
            Some(w)
        }
        None => None,
    };
    let strict = a.strict;
    let mut on_failure = |f: &Failure| {
        let at = if f.location.is_empty() {
            String::new()
        } else {
            format!("{}: ", f.location)
        };
        eprintln!("isnad: {}: {at}{}", f.source, f.reason);
        if let Some(w) = &mut errors_csv {
            let _ = w.write_record([f.source.as_str(), f.location.as_str(), f.reason.as_str()]);
        }
        if strict { Next::Stop } else { Next::Continue }
    };

    let bar = (!a.quiet && io::stderr().is_terminal()).then(|| {
        let b = ProgressBar::new_spinner();
        b.set_style(ProgressStyle::with_template("{spinner} {elapsed} {msg}").unwrap_or_else(|_| ProgressStyle::default_spinner()));
        b
    });
    let started = Instant::now();
    let mut progress = |s: &Summary| {
        if let Some(b) = &bar {
            let secs = started.elapsed().as_secs_f64().max(1e-9);
            b.set_message(format!(
                "{} documents, {:.1} MB/s, {} claims",
                s.read,
                s.bytes as f64 / 1e6 / secs,
                s.claims
            ));
            b.tick();
        }
    };

    // -o -: standard output, as for the inputs.
    let output = a.output.filter(|p| p.as_os_str() != "-");
    // Standard output, a device or a pipe (-o /dev/null, a FIFO) is written in
    // place: renaming a temporary file over a device would replace it with a
    // plain file.
    let special = output
        .as_deref()
        .and_then(|p| std::fs::metadata(p).ok())
        .is_some_and(|m| !m.file_type().is_file() && !m.is_dir());
    let summary = match output.as_deref().filter(|_| !special) {
        Some(path) => {
            let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
            let tmp = tempfile::Builder::new()
                .prefix(".isnad-")
                .suffix(".partial")
                .tempfile_in(dir)
                .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
            let mut sink = ClaimWriter::new(BufWriter::with_capacity(1 << 20, tmp), cfg.write)?;
            let summary = pipeline::run(records, &cfg.rules, cfg.threads, &mut sink, &mut on_failure, &mut progress);
            let summary = finish_errors(summary, &mut errors_csv)?;
            let tmp = sink.into_inner().into_inner().map_err(|e| e.into_error())?;
            tmp.persist(path).with_context(|| format!("cannot write {}", path.display()))?;
            summary
        }
        None => {
            let out: Box<dyn Write + Send> = match &output {
                Some(path) => Box::new(File::create(path).with_context(|| format!("cannot write {}", path.display()))?),
                None => Box::new(io::stdout()),
            };
            let mut sink = ClaimWriter::new(BufWriter::with_capacity(1 << 16, out), cfg.write)?;
            let summary = pipeline::run(records, &cfg.rules, cfg.threads, &mut sink, &mut on_failure, &mut progress);
            let summary = finish_errors(summary, &mut errors_csv)?;
            sink.into_inner().flush()?;
            summary
        }
    };
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if !a.quiet {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "isnad: {} documents read: {} with claims, {} without claims, {} failed; {} claims written ({:.1} MB in {:.2} s)",
            summary.read,
            summary.with_claims,
            summary.without_claims,
            summary.failed,
            summary.claims,
            summary.bytes as f64 / 1e6,
            secs
        );
    }
    Ok(if summary.failed > 0 { crate::EXIT_PARTIAL } else { crate::EXIT_OK })
}

fn finish_errors(summary: Result<Summary, pipeline::RunError>, errors_csv: &mut Option<csv::Writer<BufWriter<File>>>) -> Result<Summary> {
    if let Some(w) = errors_csv {
        w.flush()?;
    }
    Ok(summary?)
}
