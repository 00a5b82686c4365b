//! The bundled word list's front coding, decoded: shared by `build.rs` (which decodes the list
//! once, at build time, into the binary) and the lexicon's own tests of malformed input.

/// Front-coded lines → the words joined in one string, and where each ends. Each line is one
/// ASCII digit (how many leading bytes it shares with the previous word) then the rest of the
/// word. A malformed line (no digit, a length past the previous word or inside a character) is
/// skipped rather than trusted.
pub fn decode(front_coded: &str) -> (String, Vec<u32>) {
    let mut text = String::with_capacity(front_coded.len() * 3);
    let mut ends = Vec::with_capacity(front_coded.len() / 4);
    let mut previous = 0..0;
    for line in front_coded.lines() {
        let Some(shared) = line
            .bytes()
            .next()
            .filter(u8::is_ascii)
            .and_then(|b| b.checked_sub(b'0'))
        else {
            continue;
        };
        let shared = usize::from(shared);
        let start = text.len();
        let kept = previous.start + shared;
        if shared > previous.len() || !text.is_char_boundary(kept) {
            continue;
        }
        text.extend_from_within(previous.start..kept);
        text.push_str(&line[1..]);
        ends.push(text.len() as u32);
        previous = start..text.len();
    }
    (text, ends)
}
