//! `isnad eval`: score predictions against gold, as score.py does.

use std::fs::File;
use std::path::PathBuf;

use anyhow::{Context, Result, anyhow};
use isnad::eval;

#[derive(clap::Args)]
pub struct Args {
    /// Gold CSV: doc_id, claim, speaker, speaker_type, outlet, cue, quote_type, required.
    #[arg(long)]
    gold: PathBuf,
    /// Prediction CSV, as `isnad extract` writes it.
    #[arg(long)]
    pred: PathBuf,
    /// List misses, false alarms and wrong attributions.
    #[arg(long)]
    errors: bool,
    /// Exit with status 1 when attribution F1 is below this.
    #[arg(long)]
    min_attribution_f1: Option<f64>,
}

pub fn run(a: Args) -> Result<u8> {
    let open = |p: &PathBuf| File::open(p).with_context(|| format!("cannot open {}", p.display()));
    let gold = eval::read_rows(open(&a.gold)?, &a.gold.display().to_string()).map_err(|e| anyhow!(e))?;
    let pred = eval::read_rows(open(&a.pred)?, &a.pred.display().to_string()).map_err(|e| anyhow!(e))?;
    let report = eval::score(&gold, &pred);
    if a.errors {
        for line in &report.errors {
            println!("{line}");
        }
    }
    println!("{}", report.figures.summary_line());
    Ok(match a.min_attribution_f1 {
        Some(min) if report.figures.attribution_f1 < min => crate::EXIT_PARTIAL,
        _ => crate::EXIT_OK,
    })
}
