//! Bytes to text: binary files are refused, invalid UTF-8 is decoded lossily with a warning that
//! names the first bad line, and a byte-order mark is dropped.

use std::path::Path;

use super::{DiagnosticKind, Loaded};
use crate::error::Location;

/// How far into a file we look for NUL bytes: binary formats show them early, text never does.
const SNIFF_LEN: usize = 8192;

pub(super) fn decode(path: &Path, mut bytes: Vec<u8>, out: &mut Loaded) -> Option<String> {
    if memchr::memchr(0, &bytes[..bytes.len().min(SNIFF_LEN)]).is_some() {
        out.warn(
            Location::file(path),
            DiagnosticKind::Binary,
            "skipped: binary file (NUL bytes)",
        );
        return None;
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(e) => {
            let bad = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let line = 1 + memchr::memchr_iter(b'\n', &bytes[..bad]).count();
            out.warn(
                Location::line(path, line),
                DiagnosticKind::InvalidUtf8,
                "invalid UTF-8: decoded with replacement characters (U+FFFD)",
            );
            Some(String::from_utf8_lossy(&bytes).into_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_is_skipped_and_bad_utf8_located() {
        let mut out = Loaded::default();
        assert!(decode(Path::new("b"), b"PK\x03\x04\0\0".to_vec(), &mut out).is_none());
        let text = decode(Path::new("t"), b"ok\nok\nbad \xff here".to_vec(), &mut out).unwrap();
        assert_eq!(text, "ok\nok\nbad \u{fffd} here");
        assert_eq!(out.diagnostics[0].kind, DiagnosticKind::Binary);
        assert_eq!(out.diagnostics[1].location, Location::line("t", 3));
    }
}
