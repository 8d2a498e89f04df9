//! The `isnad` command line: a thin layer over the library.

mod cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

// Extraction makes many small strings in the workers that the writer thread
// frees; glibc malloc spent about a tenth of the run on that hand-off.
// jemalloc is about 10 % faster end to end at 30 MB peak RSS (mimalloc was
// as fast but went to 65 MB).
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// Exit status: every document was read and processed.
pub const EXIT_OK: u8 = 0;
/// Exit status: the run finished, but some documents failed (see stderr).
pub const EXIT_PARTIAL: u8 = 1;
/// Exit status: bad usage, bad rules, unwritable output, or --strict stop.
pub const EXIT_FATAL: u8 = 2;

#[derive(Parser)]
#[command(
    name = "isnad",
    version,
    about = "Attributed claims from Arabic news: who said what, to which outlet, through which marker."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract attributed claims from articles into CSV or JSON lines.
    Extract(cmd::extract::Args),
    /// Score a prediction CSV against a gold CSV.
    Eval(cmd::eval::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(a) => cmd::extract::run(a),
        Command::Eval(a) => cmd::eval::run(a),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::from(EXIT_OK);
            }
            eprintln!("isnad: {e:#}");
            ExitCode::from(EXIT_FATAL)
        }
    }
}

/// A closed stdout (`isnad extract … | head`) ends the run quietly.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<isnad::pipeline::RunError>()
                .is_some_and(|r| matches!(r, isnad::pipeline::RunError::Write(io) if io.kind() == std::io::ErrorKind::BrokenPipe))
            || c.downcast_ref::<csv::Error>()
                .is_some_and(|ce| matches!(ce.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe))
    })
}
