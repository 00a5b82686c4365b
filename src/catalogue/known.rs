//! Reading a catalogue back: the file whole in one buffer, checked (magic, version, head mark,
//! count, checksum), and its records found by path without being decoded. A record is decoded
//! when its file is loaded, on a loading thread; an unchanged file's record goes to the next
//! catalogue as it is. The buffer is given back whole once the load is done.

use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use foldhash::HashMap;

use super::{FileCard, HEAD, HEAD_MARK, MAGIC, Slim, VERSION};

/// What the last run's catalogue says, by path, not decoded yet.
#[derive(Debug, Default)]
pub struct Known {
    bytes: Arc<Vec<u8>>,
    files: HashMap<PathBuf, Range<usize>>,
}

/// One file's record in a catalogue read back.
#[derive(Debug, Clone)]
pub struct Record {
    bytes: Arc<Vec<u8>>,
    range: Range<usize>,
}

impl Record {
    pub fn bytes(&self) -> &[u8] {
        &self.bytes[self.range.clone()]
    }

    /// The file card it holds; `None` if it does not decode (its file is then read again).
    pub fn decode(&self) -> Option<FileCard> {
        decode(self.bytes())
    }
}

impl Known {
    /// How many files it knows.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Every file card it holds, decoded (for tools that want them all; a load takes them one
    /// by one).
    pub fn into_file_cards(self) -> impl Iterator<Item = FileCard> {
        let bytes = self.bytes;
        (self.files.into_values()).filter_map(move |range| {
            let bytes = Arc::clone(&bytes);
            Record { bytes, range }.decode()
        })
    }

    /// Takes `path`'s record out: each is used once, and a file the catalogue knew that is no
    /// longer there is simply never taken.
    pub fn take(&mut self, path: &Path) -> Option<Record> {
        let range = self.files.remove(path)?;
        Some(Record {
            bytes: Arc::clone(&self.bytes),
            range,
        })
    }
}

/// Why a catalogue could not be read back.
type Problem = &'static str;

/// A catalogue's bytes, checked whole, as what it knows.
pub fn known(bytes: Vec<u8>) -> Result<Known, Problem> {
    let mut at = Cursor {
        bytes: &bytes,
        at: 0,
    };
    let count = header(&mut at)?;
    let mut files = HashMap::default();
    let (mut records, mut head_marked) = (0, false);
    let mut hash = Checksum::new();
    loop {
        match at.u32()? {
            0 => {
                if at.u64()? != hash.0 || at.at != bytes.len() {
                    return Err("corrupt (its checksum does not match)");
                }
                if !head_marked || records != count {
                    return Err("corrupt (its count does not match)");
                }
                let bytes = Arc::new(bytes);
                return Ok(Known { bytes, files });
            }
            HEAD_MARK => {
                let marked = at.u64()? == hash.0;
                if head_marked || !marked || records != HEAD.min(count) {
                    return Err("corrupt (its head does not match)");
                }
                head_marked = true;
            }
            len => {
                let range = at.take(len as usize)?;
                let record = &bytes[range.clone()];
                hash.feed(record);
                let path = path_of(record).ok_or("corrupt (a record has no path)")?;
                files.insert(path, range);
                records += 1;
            }
        }
    }
}

/// The first [`HEAD`] file cards of a catalogue, checked by the head's own hash, and how many
/// records the whole holds; `None` when the head is not sound.
pub fn head(input: &mut impl Read) -> Option<(Vec<FileCard>, usize)> {
    let mut start = [0u8; MAGIC.len() + 8];
    input.read_exact(&mut start).ok()?;
    let count = header(&mut Cursor {
        bytes: &start,
        at: 0,
    })
    .ok()?;
    let mut files = Vec::new();
    let mut hash = Checksum::new();
    let mut record = Vec::new();
    loop {
        let mut len = [0u8; 4];
        input.read_exact(&mut len).ok()?;
        match u32::from_le_bytes(len) {
            HEAD_MARK => {
                let mut stored = [0u8; 8];
                input.read_exact(&mut stored).ok()?;
                return (u64::from_le_bytes(stored) == hash.0).then_some((files, count));
            }
            len if files.len() < HEAD && len > 0 => {
                // Read through `take`: a corrupt length asks no more memory than the file has.
                record.clear();
                input.take(u64::from(len)).read_to_end(&mut record).ok()?;
                if record.len() != len as usize {
                    return None;
                }
                hash.feed(&record);
                files.push(decode(&record)?);
            }
            _ => return None,
        }
    }
}

/// The file card a record's bytes hold.
fn decode(record: &[u8]) -> Option<FileCard> {
    let slim: Slim = postcard::from_bytes(record).ok()?;
    Some(slim.into_file_card())
}

/// Checks the magic and version; gives the count of records.
fn header(at: &mut Cursor) -> Result<usize, Problem> {
    let magic = at
        .take(MAGIC.len())
        .map_err(|_| "not a liseuse catalogue")?;
    if at.bytes[magic] != MAGIC[..] {
        return Err("not a liseuse catalogue");
    }
    if at.u32()? != VERSION {
        return Err("made by another version");
    }
    Ok(at.u32()? as usize)
}

/// The path a record is for: its first field, which postcard writes as a varint length and
/// the path's UTF-8 bytes. Read without decoding the rest.
fn path_of(record: &[u8]) -> Option<PathBuf> {
    let (mut len, mut shift, mut at) = (0usize, 0, 0);
    loop {
        let byte = *record.get(at)?;
        len |= usize::from(byte & 0x7f).checked_shl(shift)?;
        at += 1;
        if byte & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    let text = std::str::from_utf8(record.get(at..at.checked_add(len)?)?).ok()?;
    Some(PathBuf::from(text))
}

/// Reads a buffer from the front; running past its end is a catalogue cut short.
struct Cursor<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl Cursor<'_> {
    fn take(&mut self, len: usize) -> Result<Range<usize>, Problem> {
        let end = (self.at.checked_add(len))
            .filter(|&end| end <= self.bytes.len())
            .ok_or("cut short")?;
        let range = self.at..end;
        self.at = end;
        Ok(range)
    }

    fn u32(&mut self) -> Result<u32, Problem> {
        let range = self.take(4)?;
        let mut word = [0u8; 4];
        word.copy_from_slice(&self.bytes[range]);
        Ok(u32::from_le_bytes(word))
    }

    fn u64(&mut self) -> Result<u64, Problem> {
        let range = self.take(8)?;
        let mut word = [0u8; 8];
        word.copy_from_slice(&self.bytes[range]);
        Ok(u64::from_le_bytes(word))
    }
}

/// The catalogue's checksum: FNV-1a over each record's 8-byte words, then its last bytes one by
/// one. Tens of megabytes are checked at each start; byte by byte, that took ~60 ms at 50,000
/// pages. It finds damage, it is no defence against forgery (nothing here is secret).
pub struct Checksum(pub u64);

impl Checksum {
    const PRIME: u64 = 0x0100_0000_01b3;

    pub fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }

    pub fn feed(&mut self, record: &[u8]) {
        let words = record.chunks_exact(8);
        let rest = words.remainder();
        for word in words {
            let word = u64::from_le_bytes(word.try_into().expect("8 bytes"));
            self.0 = (self.0 ^ word).wrapping_mul(Self::PRIME);
        }
        for &byte in rest {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(Self::PRIME);
        }
        // The length, so that records cut at other places do not sum alike.
        self.0 = (self.0 ^ record.len() as u64).wrapping_mul(Self::PRIME);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::SystemTime;

    #[test]
    fn a_record_is_found_by_its_path_without_decoding_it() {
        for path in [
            "pages/a.txt",
            "",
            "dossier/Hanoï – été.txt",
            &"x".repeat(300),
        ] {
            let file = FileCard {
                path: PathBuf::from(path),
                len: 12,
                modified: Some(SystemTime::UNIX_EPOCH),
                read_at: SystemTime::UNIX_EPOCH,
                card: None,
                diagnostics: Vec::new(),
            };
            let bytes = postcard::to_stdvec(&Slim::of(&file)).unwrap();
            assert_eq!(path_of(&bytes), Some(PathBuf::from(path)));
        }
        assert_eq!(path_of(&[0x85]), None);
        assert_eq!(path_of(&[3, b'a']), None);
    }

    #[test]
    fn a_head_with_a_corrupt_length_is_refused_without_asking_for_it() {
        let mut file = MAGIC.to_vec();
        file.extend(VERSION.to_le_bytes());
        file.extend(1u32.to_le_bytes());
        file.extend((u32::MAX - 1).to_le_bytes());
        file.extend(b"a few bytes, not four gigabytes");
        assert!(head(&mut file.as_slice()).is_none());
        assert!(known(file).is_err());
    }
}
