//! Typed errors of the library.

use thiserror::Error;

/// A rules file that cannot be used.
#[derive(Debug, Error)]
pub enum RulesError {
    #[error("rules file {file}: {message}")]
    Io { file: String, message: String },
    #[error("rules file {file}: {message}")]
    Syntax { file: String, message: String },
    #[error("rules file {file}, entry {entry}: {message}")]
    Entry { file: String, entry: String, message: String },
}
