//! Bytes to text: BOMs, UTF-8, UTF-16 and windows-1256.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1256};
use thiserror::Error;

/// Why bytes could not become text.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DecodeError {
    #[error("empty file")]
    Empty,
    #[error("binary data (NUL byte at offset {0})")]
    Binary(usize),
    #[error("invalid UTF-8 at byte {0}, and the bytes do not read as windows-1256 Arabic either")]
    InvalidUtf8(usize),
}

/// Looks up an encoding by a label such as `utf-8`, `utf-16le`, `windows-1256`, `cp1256`.
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let l = label.trim().to_ascii_lowercase();
    let l = if l == "cp1256" { "windows-1256".to_string() } else { l };
    Encoding::for_label(l.as_bytes())
}

/// Share of letters in the Arabic block a windows-1256 reading must reach
/// among non-ASCII characters before it is trusted.
const CP1256_MIN_ARABIC: f64 = 0.7;

/// Decodes a document. `forced` skips detection.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<String, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(enc) = forced {
        let (text, _, _) = enc.decode(bytes);
        return Ok(text.into_owned());
    }
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom..];
        if enc == UTF_16LE || enc == UTF_16BE {
            return Ok(enc.decode_without_bom_handling(body).0.into_owned());
        }
        if let Ok(s) = std::str::from_utf8(body) {
            return Ok(s.to_string());
        }
    }
    // Legacy files often end in a stray NUL (the windows-1256 newspaper
    // files do); a NUL anywhere else means binary data.
    let end = bytes.iter().rposition(|&b| b != 0).map_or(0, |e| e + 1);
    let bytes = &bytes[..end];
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(nul) = memchr::memchr(0, bytes) {
        return Err(DecodeError::Binary(nul));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let (text, _, had_errors) = WINDOWS_1256.decode(bytes);
            if !had_errors && looks_arabic(&text) {
                Ok(text.into_owned())
            } else {
                Err(DecodeError::InvalidUtf8(e.valid_up_to()))
            }
        }
    }
}

fn looks_arabic(text: &str) -> bool {
    let (mut arabic, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if ('\u{0600}'..='\u{06FF}').contains(&c) {
            arabic += 1;
        } else if !matches!(
            c,
            '“' | '”' | '«' | '»' | '\u{00A0}' | '–' | '—' | '…' | '\u{200E}' | '\u{200F}' | 'é' | 'à' | 'è' | 'ç'
        ) {
            other += 1;
        }
    }
    other == 0 || arabic as f64 / (arabic + other) as f64 >= CP1256_MIN_ARABIC
}

/// Decodes bytes that must be UTF-8 (a JSONL or CSV record). The check is
/// vectorised: it runs over every record of a corpus.
pub fn utf8(bytes: &[u8]) -> Result<&str, DecodeError> {
    simdutf8::compat::from_utf8(bytes).map_err(|e| DecodeError::InvalidUtf8(e.valid_up_to()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1256_is_detected() {
        let (bytes, _, _) = WINDOWS_1256.encode("وقال الوزير إن الاتفاق صامد");
        assert!(std::str::from_utf8(&bytes).is_err());
        assert_eq!(decode(&bytes, None).unwrap(), "وقال الوزير إن الاتفاق صامد");
    }

    #[test]
    fn boms_are_honoured() {
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("قال".as_bytes());
        assert_eq!(decode(&b, None).unwrap(), "قال");
        let mut u16 = vec![0xFF, 0xFE];
        for unit in "قال".encode_utf16() {
            u16.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&u16, None).unwrap(), "قال");
    }

    #[test]
    fn binary_and_bad_utf8_are_refused() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None), Err(DecodeError::Binary(8)));
        assert_eq!(decode(b"PK\x03\x04\x14\x00\x08\x00", None), Err(DecodeError::Binary(5)));
        assert!(matches!(decode(b"abc\x80\x99 \x99\x80", None), Err(DecodeError::InvalidUtf8(3))));
        // French letters read the same in windows-1256: not an error.
        assert_eq!(decode(b"caf\xe9", None).unwrap(), "café");
        assert_eq!(decode(b"", None), Err(DecodeError::Empty));
    }
}
