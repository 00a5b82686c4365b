//! Embeds the bundled corpus (every file under `data/` becomes a (path, bytes) pair in the
//! binary, so `liseuse` with no path works from any directory) and the repairer's word list,
//! decoded here once rather than at every start.

use std::fs;
use std::path::{Path, PathBuf};

#[path = "src/ingest/repair/compounds.rs"]
mod compounds;
#[path = "src/ingest/repair/front_coded.rs"]
mod front_coded;
#[path = "src/ingest/repair/word_slots.rs"]
#[allow(
    dead_code,
    reason = "build.rs makes the table; only the binary probes it"
)]
mod word_slots;

fn main() {
    println!("cargo:rerun-if-changed=data");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    collect(&root.join("data"), &mut files);
    files.sort();
    let mut code = String::from("&[\n");
    for file in &files {
        let relative = file.strip_prefix(root).expect("data/ is inside the crate");
        let name = relative.to_string_lossy().replace('\\', "/");
        code.push_str(&format!(
            "    ({name:?}, include_bytes!({:?}) as &[u8]),\n",
            file.display().to_string()
        ));
    }
    code.push_str("]\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("bundled.rs"), code).expect("OUT_DIR is writable");
    decode_word_list(root, &out);
}

/// `mots.txt` (front-coded, small in the repository) as the words in one string and their ends
/// as little-endian `u32`s: the decode took ~15 ms of the reader's first screen.
fn decode_word_list(root: &Path, out: &Path) {
    let list = root.join("src/ingest/repair/mots.txt");
    println!("cargo:rerun-if-changed={}", list.display());
    println!("cargo:rerun-if-changed=src/ingest/repair/front_coded.rs");
    println!("cargo:rerun-if-changed=src/ingest/repair/compounds.rs");
    println!("cargo:rerun-if-changed=src/ingest/repair/word_slots.rs");
    let front_coded = fs::read_to_string(&list).expect("the word list is UTF-8");
    let (words, ends) = front_coded::decode(&front_coded);
    fs::write(out.join("mots.compounds"), compounds(&words, &ends)).expect("OUT_DIR is writable");
    let slots = word_slots::build(split(&words, &ends).into_iter());
    let slots: Vec<u8> = slots.iter().flat_map(|slot| slot.to_le_bytes()).collect();
    fs::write(out.join("mots.slots"), slots).expect("OUT_DIR is writable");
    let ends: Vec<u8> = ends.iter().flat_map(|end| end.to_le_bytes()).collect();
    fs::write(out.join("mots.words"), words).expect("OUT_DIR is writable");
    fs::write(out.join("mots.ends"), ends).expect("OUT_DIR is writable");
}

/// The parts of the list's hyphenated compounds: heads, one per line, a blank line, tails.
fn compounds(words: &str, ends: &[u32]) -> String {
    let list = split(words, ends);
    let hyphenated = list.iter().copied().filter(|word| word.contains('-'));
    let (mut heads, mut tails) =
        compounds::compound_parts(hyphenated, |part| list.binary_search(&part).is_ok());
    for parts in [&mut heads, &mut tails] {
        parts.sort_unstable();
        parts.dedup();
    }
    format!("{}\n\n{}\n", heads.join("\n"), tails.join("\n"))
}

/// The words of the joined list, in order.
fn split<'a>(words: &'a str, ends: &[u32]) -> Vec<&'a str> {
    let starts = std::iter::once(0).chain(ends.iter().map(|&end| end as usize));
    starts
        .zip(ends)
        .map(|(start, &end)| &words[start..end as usize])
        .collect()
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}
