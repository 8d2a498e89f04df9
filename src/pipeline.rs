//! Runs documents through extraction in parallel, in bounded batches, and
//! hands the results to a sink in input order. The only module with threads.

use std::sync::Mutex;
use std::sync::mpsc::sync_channel;

use rayon::prelude::*;

use crate::Extraction;
use crate::read::Record;
use crate::rules::Rules;
use crate::write::Sink;

/// Documents per batch; with the byte cap, keeps memory flat on any input.
const BATCH_DOCS: usize = 1024;
/// Input bytes per batch.
const BATCH_BYTES: usize = 4 << 20;

/// A document that could not be read or processed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub source: String,
    pub location: String,
    pub doc_id: String,
    pub reason: String,
}

/// Counts for the end-of-run summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub read: usize,
    pub with_claims: usize,
    pub without_claims: usize,
    pub failed: usize,
    pub claims: usize,
    pub bytes: u64,
}

/// What the caller wants after a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    Continue,
    Stop,
}

/// Why a run ended early.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("writing output: {0}")]
    Write(#[from] std::io::Error),
    #[error("stopped at the first failure")]
    Stopped,
    #[error("cannot start worker threads: {0}")]
    Threads(String),
}

/// Extracts one record. A panic inside extraction is a bug, but it must not
/// lose the run: it becomes this document's failure.
fn process(scratch: &mut crate::Scratch, rec: &Record, rules: &Rules) -> Result<Extraction, String> {
    let text = rec.body.as_ref().map_err(Clone::clone)?;
    // The scratch buffers are cleared before each use, so a panic that
    // leaves them half-written cannot leak into the next document.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| crate::extract_with(scratch, text, rules)))
        .map_err(|_| "internal error while extracting (please report this document)".to_string())
}

/// Runs every record through extraction with `threads` workers. `on_failure`
/// sees each failure in input order; `progress` sees the summary after each batch.
pub fn run(
    records: impl Iterator<Item = Record> + Send,
    rules: &Rules,
    threads: usize,
    sink: &mut (dyn Sink + Send),
    on_failure: &mut (dyn FnMut(&Failure) -> Next + Send),
    progress: &mut (dyn FnMut(&Summary) + Send),
) -> Result<Summary, RunError> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.max(1))
        .build()
        .map_err(|e| RunError::Threads(e.to_string()))?;
    // Three stages, each a batch apart: reading, extraction on the pool, and
    // writing in input order. Bounded channels keep memory flat.
    let (tx, rx) = sync_channel::<Vec<Record>>(1);
    let (wtx, wrx) = sync_channel::<Extracted>(1);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut batch = Vec::new();
            let mut bytes = 0;
            for r in records {
                bytes += r.len();
                batch.push(r);
                if batch.len() >= BATCH_DOCS || bytes >= BATCH_BYTES {
                    if tx.send(std::mem::take(&mut batch)).is_err() {
                        return;
                    }
                    bytes = 0;
                }
            }
            if !batch.is_empty() {
                let _ = tx.send(batch);
            }
        });
        let writer = scope.spawn(move || write_batches(wrx, sink, on_failure, progress));
        // One set of buffers per worker for the whole run: rayon's
        // `map_init` would make one per split of every batch, and the
        // buffers would grow again each time.
        let scratch: Vec<Mutex<crate::Scratch>> = (0..pool.current_num_threads()).map(|_| Mutex::default()).collect();
        for mut batch in rx.iter() {
            // Deferred JSON lines are parsed here, on the workers.
            let results = pool.install(|| {
                batch
                    .par_iter_mut()
                    .map(|r| {
                        let worker = rayon::current_thread_index().unwrap_or(0) % scratch.len();
                        // Only this worker takes its lock; a panic cannot
                        // poison it (process catches them) and would leave
                        // nothing behind (the buffers are cleared first).
                        let mut s = scratch[worker].lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                        r.parse();
                        process(&mut s, r, rules)
                    })
                    .collect()
            });
            if wtx.send((batch, results)).is_err() {
                break; // the writer stopped: a write error or --strict
            }
        }
        // Dropping the ends of the channels stops the other stages.
        drop(wtx);
        drop(rx);
        writer
            .join()
            .unwrap_or_else(|_| Err(RunError::Threads("the writer thread panicked".into())))
    })
}

/// A batch of records with their extraction results, in the same order.
type Extracted = (Vec<Record>, Vec<Result<Extraction, String>>);

/// Writes each batch's claims in input order and accounts for every record.
fn write_batches(
    batches: std::sync::mpsc::Receiver<Extracted>,
    sink: &mut (dyn Sink + Send),
    on_failure: &mut (dyn FnMut(&Failure) -> Next + Send),
    progress: &mut (dyn FnMut(&Summary) + Send),
) -> Result<Summary, RunError> {
    let mut summary = Summary::default();
    for (batch, results) in batches {
        for (rec, ex) in batch.iter().zip(results) {
            summary.read += 1;
            match ex {
                Ok(ex) => {
                    summary.bytes += rec.body.as_ref().map_or(0, |t| t.len() as u64);
                    if ex.claims.is_empty() {
                        summary.without_claims += 1;
                    } else {
                        summary.with_claims += 1;
                        summary.claims += ex.claims.len();
                        sink.write_doc(&rec.doc_id, &ex.claims)?;
                    }
                }
                Err(reason) => {
                    summary.failed += 1;
                    let f = Failure {
                        source: rec.source.clone(),
                        location: rec.location.clone(),
                        doc_id: rec.doc_id.clone(),
                        reason,
                    };
                    if on_failure(&f) == Next::Stop {
                        return Err(RunError::Stopped);
                    }
                }
            }
        }
        progress(&summary);
    }
    sink.finish()?;
    Ok(summary)
}
