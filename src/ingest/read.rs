//! One file's bytes, read safely, and turned into text: only regular files are read (checked
//! on the open handle, so a file swapped for a FIFO or a device between the walk and the read
//! is still never read), through a hard cap, and decoded from UTF-8 or BOM-marked UTF-16.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{ErrorKind, Read};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use super::Diagnostic;

/// Pages above this size are skipped: no real article comes near it, and a reader should not
/// stall on a runaway file.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

const MB: u64 = 1024 * 1024;

/// Bytes asked of the file per read.
const CHUNK: usize = 64 * 1024;

/// How much of a file may be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cap {
    /// A page: at most [`MAX_FILE_BYTES`].
    Page,
    /// An export: all of it, as large as it says it is. A file that gives more than it says
    /// it holds (a `/proc` file says 0) is read to [`MAX_FILE_BYTES`] at most.
    Export,
}

/// The bytes of the file at `path`, or why it was skipped.
pub fn read_file(path: &Path, source: &str, cap: Cap) -> Result<(Vec<u8>, Metadata), Diagnostic> {
    let cannot = |e: std::io::Error| Diagnostic::file(source, format!("cannot read: {e}"));
    let file = open(path).map_err(cannot)?;
    // The type is taken from the handle, not the path: what is read is what was checked.
    let meta = file.metadata().map_err(cannot)?;
    if !meta.is_file() {
        return Err(Diagnostic::file(
            source,
            "skipped: not a regular file (FIFO, socket or device)",
        ));
    }
    let size = meta.len();
    let limit = match cap {
        Cap::Page => MAX_FILE_BYTES,
        Cap::Export => size.max(MAX_FILE_BYTES),
    };
    if size > limit {
        return Err(Diagnostic::file(
            source,
            format!(
                "skipped: {} MB is larger than the {} MB a page may be",
                size / MB,
                MAX_FILE_BYTES / MB
            ),
        ));
    }
    // The size a file reports is not a promise (`/proc/self/pagemap` says 0 and gives
    // gigabytes): whatever it says, no more than the limit (and one chunk) is read.
    let expected = usize::try_from(size.min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected + CHUNK);
    let mut file = file;
    loop {
        // Whole chunks, straight into the buffer: some pseudo-files only answer reads of a
        // multiple of their record size (`pagemap`: 8 bytes).
        let filled = bytes.len();
        bytes.resize(filled + CHUNK, 0);
        let read = file.read(&mut bytes[filled..]);
        bytes.truncate(filled + read.as_ref().map_or(0, |&n| n));
        match read {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(cannot(e)),
        }
        if bytes.len() as u64 > limit {
            return Err(Diagnostic::file(
                source,
                format!(
                    "skipped: gives more than {} MB though it says it holds {size} bytes \
                     (a device or /proc file?)",
                    limit / MB
                ),
            ));
        }
    }
    Ok((bytes, meta))
}

/// Opens for reading without waiting: a FIFO swapped in after the walk looked would block an
/// ordinary open until a writer came; a terminal never becomes our controlling terminal.
fn open(path: &Path) -> std::io::Result<File> {
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

/// Bytes → text. A UTF-8 byte-order mark is dropped; UTF-16 with its mark (either byte order)
/// is decoded; otherwise a NUL byte means a binary file (skipped) and invalid UTF-8 is decoded
/// lossily with a warning at the first bad line. An empty file is skipped.
pub fn decode(bytes: Vec<u8>, source: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    if bytes.is_empty() {
        diagnostics.push(Diagnostic::at(source, 1, "skipped: the file is empty"));
        return None;
    }
    match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => return utf16(rest, u16::from_le_bytes, source, diagnostics),
        [0xFE, 0xFF, rest @ ..] => return utf16(rest, u16::from_be_bytes, source, diagnostics),
        _ => {}
    }
    let mut bytes = bytes;
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        diagnostics.push(Diagnostic::at(
            source,
            line_of(&bytes, at),
            "skipped: NUL byte (a binary file, not a page)",
        ));
        return None;
    }
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            diagnostics.push(Diagnostic::at(
                source,
                line_of(&bytes, at),
                "invalid UTF-8: bad bytes replaced by \u{FFFD}",
            ));
            Some(String::from_utf8_lossy(&bytes).into_owned())
        }
    }
}

/// UTF-16 after its byte-order mark: unpaired surrogates (and an odd last byte) become
/// U+FFFD, with a warning at the first.
fn utf16(
    bytes: &[u8],
    unit: fn([u8; 2]) -> u16,
    source: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    let pairs = bytes.chunks_exact(2);
    let odd = !pairs.remainder().is_empty();
    let units = pairs.map(|pair| unit([pair[0], pair[1]]));
    let mut text = String::with_capacity(bytes.len());
    let mut bad_line = None;
    let mut line = 1;
    for c in char::decode_utf16(units) {
        let c = c.unwrap_or_else(|_| {
            bad_line.get_or_insert(line);
            '\u{FFFD}'
        });
        line += usize::from(c == '\n');
        text.push(c);
    }
    if odd {
        bad_line.get_or_insert(line);
        text.push('\u{FFFD}');
    }
    if let Some(line) = bad_line {
        diagnostics.push(Diagnostic::at(
            source,
            line,
            "invalid UTF-16: unpaired surrogates replaced by \u{FFFD}",
        ));
    }
    if text.is_empty() {
        diagnostics.push(Diagnostic::at(source, 1, "skipped: the file is empty"));
        return None;
    }
    Some(text)
}

/// 1-based line number of byte offset `at`.
pub fn line_of(bytes: &[u8], at: usize) -> usize {
    1 + bytes[..at.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// As if the walk had seen a regular file and a FIFO or device took its place before the
    /// read: the open does not block, nothing is read.
    #[test]
    fn what_is_not_a_regular_file_on_the_handle_is_not_read() {
        let dir = tempfile::TempDir::new().unwrap();
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        for path in [
            fifo.as_path(),
            Path::new("/dev/zero"),
            Path::new("/dev/null"),
        ] {
            for cap in [Cap::Page, Cap::Export] {
                let skipped = read_file(path, "x", cap).unwrap_err();
                assert!(skipped.message.contains("not a regular file"), "{skipped}");
            }
        }
    }

    #[test]
    fn byte_order_marks_are_not_text() {
        let mut diagnostics = Vec::new();
        let text = decode(b"\xEF\xBB\xBFTitre".to_vec(), "x", &mut diagnostics);
        assert_eq!(text.as_deref(), Some("Titre"));
        assert_eq!(decode(vec![0xFF, 0xFE], "x", &mut diagnostics), None);
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    }
}
