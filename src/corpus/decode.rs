//! Bytes to text: binary files are refused, invalid UTF-8 is decoded lossily with a warning that
//! names the first bad line, and a byte-order mark is dropped.

use std::borrow::Cow;
use std::path::Path;

use super::{DiagnosticKind, Loaded};
use crate::error::Location;

/// How far into a file we look for NUL bytes: binary formats show them early, text never does.
const SNIFF_LEN: usize = 8192;

/// Whether the bytes look binary; such a file is reported and skipped.
pub(super) fn is_binary(path: &Path, bytes: &[u8], out: &mut Loaded) -> bool {
    let binary = memchr::memchr(0, &bytes[..bytes.len().min(SNIFF_LEN)]).is_some();
    if binary {
        out.warn(
            Location::file(path),
            DiagnosticKind::Binary,
            "skipped: binary file (NUL bytes)",
        );
    }
    binary
}

/// The text of a UTF-16 file, recognised by its byte-order mark (little or big endian), as
/// UTF-8 with a UTF-8 mark so that offsets into it are those of a UTF-8 file; unpaired
/// surrogates become U+FFFD.
pub(super) fn utf16(bytes: &[u8]) -> Option<String> {
    let (little, body) = if let Some(b) = bytes.strip_prefix(b"\xFF\xFE") {
        (true, b)
    } else if let Some(b) = bytes.strip_prefix(b"\xFE\xFF") {
        (false, b)
    } else {
        return None;
    };
    let units = body.chunks(2).map(|c| {
        let pair = [c[0], c.get(1).copied().unwrap_or(0)];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut text = String::from("\u{feff}");
    text.extend(char::decode_utf16(units).map(|r| r.unwrap_or('\u{fffd}')));
    Some(text)
}

pub(super) fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Decodes `bytes`, the content of `path` from line `first_line` on; invalid UTF-8 is replaced
/// and reported with the line of the first bad byte.
pub(super) fn decode<'a>(
    path: &Path,
    bytes: &'a [u8],
    first_line: usize,
    out: &mut Loaded,
) -> Cow<'a, str> {
    // The SIMD check accepts exactly what the standard one does, several times faster on
    // accented text; the standard one runs only on failure, for the place of the bad byte.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Cow::Borrowed(text);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(e) => {
            let bad = e.valid_up_to();
            let line = first_line + memchr::memchr_iter(b'\n', &bytes[..bad]).count();
            out.warn(
                Location::line(path, line),
                DiagnosticKind::InvalidUtf8,
                "invalid UTF-8: decoded with replacement characters (U+FFFD)",
            );
            String::from_utf8_lossy(bytes)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_is_skipped_and_bad_utf8_located() {
        let mut out = Loaded::default();
        assert!(is_binary(Path::new("b"), b"PK\x03\x04\0\0", &mut out));
        assert!(!is_binary(Path::new("t"), b"texte", &mut out));
        let text = decode(Path::new("t"), b"ok\nok\nbad \xff here", 1, &mut out);
        assert_eq!(text, "ok\nok\nbad \u{fffd} here");
        assert_eq!(out.diagnostics[0].kind, DiagnosticKind::Binary);
        assert_eq!(out.diagnostics[1].location, Location::line("t", 3));
        assert_eq!(strip_bom(b"\xEF\xBB\xBFx"), b"x");
        assert_eq!(utf16(b"\xFF\xFEa\0\xe9\0").as_deref(), Some("\u{feff}aé"));
        assert_eq!(
            utf16(b"\xFE\xFF\0a\xd8\0").as_deref(),
            Some("\u{feff}a\u{fffd}")
        );
        assert_eq!(utf16(b"plain"), None);
    }
}
