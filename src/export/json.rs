//! The JSON export, streamed: each article becomes a `Record`, is serialised into a buffer of
//! its own and written out escaped, so memory holds one record, never the corpus.
//!
//! The document is exactly what a pretty printer gives for `{"articles": [...]}`: two-space
//! indentation, each record at depth two. Beyond what JSON requires (C0 controls, `"`, `\`),
//! DEL, C1 controls and every character of the invisible table (`crate::invisible`: bidi,
//! zero-width, tag and other format characters, separators, noncharacters) are written as
//! `\uXXXX` (a surrogate pair above U+FFFF), so an export printed on a terminal cannot act on
//! it or hide text, and it still reads back to the same text.

use std::io::{self, Write};

use crate::invisible::{FIRST_DROPPED, is_invisible};
use crate::record::{Record, RelatedRecord};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use crate::store::{ArticleId, Store};

/// What goes before each line of a record inside the document: depth two of two spaces.
const RECORD_INDENT: &str = "    ";

impl Record {
    /// The record of article `id`, with its links resolved and its backlinks, as the store has
    /// them. (Defined here, not in `record`, because it needs the store.)
    pub fn from_store(store: &Store, id: ArticleId) -> Self {
        let article = store.body(id);
        let related = article
            .related
            .iter()
            .zip(store.targets(id))
            .map(|(link, &target)| RelatedRecord {
                title: link.title.clone(),
                summary: link.summary.clone(),
                photo: link.photo.clone(),
                target: store.key(target),
            })
            .collect();
        Self {
            id: store.key(id),
            kind: article.kind,
            title: article.title.clone(),
            title_derived: article.title_derived,
            lead: article.lead.clone(),
            dateline: article.dateline.clone(),
            photos: article.photos.clone(),
            paragraphs: article.paragraphs.clone(),
            raw_paragraphs: article.raw_paragraphs.clone(),
            raw_lead: article.raw_lead.clone(),
            raw_captions: article.raw_captions.clone(),
            signoff: article.signoff.clone(),
            related,
            cited_by: store.cited_by(id).iter().map(|&c| store.key(c)).collect(),
            sources: article.sources.clone(),
            warnings: article.warnings.clone(),
        }
    }
}

/// `{"articles": [...]}`, pretty-printed, one record at a time.
pub fn write_document(store: &Store, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"{\n  \"articles\": [")?;
    let mut first = true;
    each_record(store, true, |json| {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        first = false;
        out.write_all(RECORD_INDENT.as_bytes())?;
        write_escaped(json, RECORD_INDENT, out)
    })?;
    if !first {
        out.write_all(b"\n  ")?;
    }
    out.write_all(b"]\n}\n")
}

/// One record per line.
pub fn write_lines(store: &Store, out: &mut dyn Write) -> io::Result<()> {
    each_record(store, false, |json| {
        write_escaped(json, "", out)?;
        out.write_all(b"\n")
    })
}

/// Records made at once, per chunk: enough for every core to read bodies back, few enough that
/// memory stays near the catalogue's.
const CHUNK: usize = 256;

/// Gives `write` the JSON of every record, in store order. The records of each chunk are made on
/// every core (reading a body back parses and repairs it), then written in order.
fn each_record(
    store: &Store,
    pretty: bool,
    mut write: impl FnMut(&str) -> io::Result<()>,
) -> io::Result<()> {
    let ids: Vec<ArticleId> = store.ids().collect();
    let workers = thread::available_parallelism().map_or(1, |n| n.get());
    for chunk in ids.chunks(CHUNK) {
        let next = AtomicUsize::new(0);
        let made: Vec<Mutex<Option<serde_json::Result<String>>>> =
            chunk.iter().map(|_| Mutex::new(None)).collect();
        thread::scope(|scope| {
            for _ in 0..workers.min(chunk.len()) {
                scope.spawn(|| {
                    loop {
                        let at = next.fetch_add(1, Ordering::Relaxed);
                        let Some(&id) = chunk.get(at) else { break };
                        let record = Record::from_store(store, id);
                        let json = if pretty {
                            serde_json::to_string_pretty(&record)
                        } else {
                            serde_json::to_string(&record)
                        };
                        if let Ok(mut slot) = made[at].lock() {
                            *slot = Some(json);
                        }
                    }
                });
            }
        });
        for slot in made {
            if let Some(json) = slot.into_inner().ok().flatten() {
                write(&json?)?;
            }
        }
    }
    Ok(())
}

/// Whether a character must be written as an escape. JSON's own writer has escaped C0 controls
/// already; these are the others a terminal may act on or hide.
fn needs_escape(c: char) -> bool {
    c == '\u{7F}' || ('\u{80}'..='\u{9F}').contains(&c) || is_invisible(c)
}

/// Writes `json` (serde's output for one record) with every [`needs_escape`] character as a
/// `\uXXXX` escape, and `indent` after each line break. Those characters and raw line breaks
/// can only stand inside strings and between tokens respectively, so doing this over the whole
/// text is safe. Bytes that cannot start either are passed over a byte at a time, without
/// decoding their characters: nearly all of a French page.
fn write_escaped(json: &str, indent: &str, out: &mut dyn Write) -> io::Result<()> {
    let bytes = json.as_bytes();
    let (mut start, mut at) = (0, 0);
    while at < bytes.len() {
        if !may_start_escape(bytes[at]) {
            at += 1;
            continue;
        }
        // A byte that may start one is ASCII or a lead byte, so `at` is a character's start.
        let Some(c) = json[at..].chars().next() else {
            break;
        };
        let next = at + c.len_utf8();
        let newline = c == '\n' && !indent.is_empty();
        if newline || needs_escape(c) {
            out.write_all(&bytes[start..at])?;
            start = next;
            if newline {
                out.write_all(b"\n")?;
                out.write_all(indent.as_bytes())?;
            } else {
                let mut units = [0; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(out, "\\u{unit:04x}")?;
                }
            }
        }
        at = next;
    }
    out.write_all(&bytes[start..])
}

/// The lead byte of [`FIRST_DROPPED`] in UTF-8 (a two-byte character: 110xxxxx, its top five
/// bits): no character from there on is passed over.
const FIRST_DROPPED_LEAD: u8 = {
    let code = FIRST_DROPPED as u32;
    assert!(code >= 0x80 && code < 0x800);
    (0xC0 | (code >> 6)) as u8
};

/// Whether `byte` may start a line break or a character [`needs_escape`] says is escaped:
/// `\n`, DEL, the C1 controls (U+0080–U+009F, lead byte C2) and anything from the lead byte of
/// the first character the invisible table holds. Continuation bytes (80–BF) never do.
fn may_start_escape(byte: u8) -> bool {
    byte == b'\n' || byte == 0x7F || byte == 0xC2 || byte >= FIRST_DROPPED_LEAD
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(json: &str, indent: &str) -> String {
        let mut out = Vec::new();
        write_escaped(json, indent, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn invisible_and_control_characters_become_escapes() {
        let text = "a\u{7f}b\u{9b}c\u{202e}d\u{E0041}e\u{2028}f\u{AD}é";
        let json = serde_json::to_string(text).unwrap();
        let out = escaped(&json, "");
        assert_eq!(
            out,
            "\"a\\u007fb\\u009bc\\u202ed\\udb40\\udc41e\\u2028f\u{AD}é\""
        );
        assert_eq!(serde_json::from_str::<String>(&out).unwrap(), text);
    }

    /// The writer before it passed bytes over: every character decoded and asked.
    fn escaped_char_by_char(json: &str, indent: &str) -> String {
        let mut out = String::new();
        for c in json.chars() {
            if c == '\n' && !indent.is_empty() {
                out.push('\n');
                out.push_str(indent);
            } else if needs_escape(c) {
                let mut units = [0; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn every_character_is_written_as_the_char_by_char_writer_did() {
        let mut buf = [0; 4];
        assert_eq!(
            FIRST_DROPPED.encode_utf8(&mut buf).as_bytes()[0],
            FIRST_DROPPED_LEAD
        );
        let every: String = (0..=0x10FFFF).filter_map(char::from_u32).collect();
        for indent in ["", "    "] {
            assert!(escaped(&every, indent) == escaped_char_by_char(&every, indent));
        }
    }

    #[test]
    fn line_breaks_take_the_indent() {
        assert_eq!(
            escaped("{\n  \"a\": 1\n}", "    "),
            "{\n      \"a\": 1\n    }"
        );
        assert_eq!(escaped("{\n}", ""), "{\n}");
    }
}
