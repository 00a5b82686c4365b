//! Walks a paragraph token by token and run of letters by run of letters, asking the rules
//! where spaces go. It only finds the places; inserting the spaces is the caller's job.
//! One pass, no look-back beyond the previous token, so the cost stays linear in the text.

use std::sync::LazyLock;

use super::Split;
use super::rules::{Judge, Rule};
use crate::fold::{CharTable, is_letter};
use crate::invisible::is_invisible;

/// How many times one run may be split again after a first split (`desrésultatspositifs`).
const MAX_DEPTH: usize = 2;

/// Characters that mark a token as an address, a code or markup, never prose: `qdnd.vn`,
/// `contact@vnanet.vn`, `a_b`, `https://…`.
const MACHINE_MARKS: &[char] = &[
    '/', '@', '_', '#', '=', '\\', '&', '%', '+', '~', '|', '<', '>', '{', '}', '[', ']', '*', '^',
    '$', '`',
];

/// Every place where `text` needs a space, in order.
pub fn splits(judge: &Judge, text: &str) -> Vec<Split> {
    let mut out = Vec::new();
    let mut previous: Option<&str> = None;
    for (start, token) in tokens(text) {
        if let Some(dot) = sentence_glue(judge, token) {
            // Two tokens that lost their space: each is scanned on its own.
            let (left, right) = token.split_at(dot);
            if !is_machine_text(left) {
                scan_token(judge, left, start, previous, &mut out);
            }
            out.push(Split::new(start + dot, Rule::Period));
            if !is_machine_text(right) {
                scan_token(judge, right, start + dot, None, &mut out);
            }
        } else if !is_machine_text(token) {
            scan_token(judge, token, start, previous, &mut out);
        }
        previous = token.chars().all(is_letter).then_some(token);
    }
    out
}

/// Where a sentence glued after its period starts in `token` (`pays.Le` → the `L`): the token
/// has one period between two letters, the word after it ends the token (closing punctuation
/// aside), and the rule agrees (see [`Judge::period`]). Otherwise `None`, and the dotted token
/// stays machine text (`qdnd.vn`, `U.S.A`).
fn sentence_glue(judge: &Judge, token: &str) -> Option<usize> {
    let dot = token.match_indices('.').map(|(i, _)| i).find(|&i| {
        let before = token[..i].chars().next_back();
        let after = token[i + 1..].chars().next();
        before.is_some_and(is_letter) && after.is_some_and(is_letter)
    })?;
    let (left, right) = (&token[..dot], &token[dot + 1..]);
    let word_end = right
        .char_indices()
        .find(|&(_, c)| !is_letter(c))
        .map_or(right.len(), |(i, _)| i);
    let (word, tail) = right.split_at(word_end);
    let stem_start = left
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_letter(c))
        .last()
        .map_or(left.len(), |(i, _)| i);
    let stem = &left[stem_start..];
    // Nothing but closing punctuation after the word: `Le,` or `Le)` but not `Le.vn`.
    let closed = tail.chars().all(|c| ".…,;:!?)»”\"'’".contains(c));
    (closed && judge.period(stem, word)).then_some(dot + 1)
}

/// The white-space separated tokens of `text`, with their byte offsets.
fn tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(char::is_whitespace)
        .filter(|t| !t.is_empty())
        .map(move |t| (t.as_ptr() as usize - text.as_ptr() as usize, t))
}

/// Tokens no rule may touch: numbers (`3,5`, `COVID-19`), addresses (`qdnd.vn`), and text with
/// combining marks, soft hyphens, invisible characters (`crate::invisible`) or control
/// characters, whose letters the rules would misread.
fn is_machine_text(token: &str) -> bool {
    let mut previous_alphabetic = false;
    let mut chars = token.chars().peekable();
    while let Some(c) = chars.next() {
        let dotted =
            c == '.' && previous_alphabetic && chars.peek().is_some_and(|next| is_letter(*next));
        let machine = is_machine_char_tabled(c);
        if dotted || machine {
            return true;
        }
        previous_alphabetic = is_letter(c);
    }
    false
}

/// A character that makes its token machine text wherever it stands.
fn is_machine_char(c: char) -> bool {
    c.is_numeric()
        || c.is_control()
        || MACHINE_MARKS.contains(&c)
        || unicode_normalization::char::is_combining_mark(c)
        || c == '\u{AD}'
        || is_invisible(c)
}

/// [`is_machine_char`], read from a table for the characters of French and Vietnamese text
/// (ASCII, Latin-1 and Latin Extended, Latin Extended Additional): the repairer asks it of every
/// character of every token, and its Unicode look-ups cost a tenth of a page's repair.
fn is_machine_char_tabled(c: char) -> bool {
    static TABLE: LazyLock<CharTable<bool>> =
        LazyLock::new(|| CharTable::new(&[0..0x250, 0x1E00..0x1F00], is_machine_char));
    TABLE.get(c).copied().unwrap_or_else(|| is_machine_char(c))
}

/// The runs of letters of `token`, as byte ranges.
fn runs(token: &str) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, c) in token.char_indices() {
        match (is_letter(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push((s, token.len()));
    }
    runs
}

fn scan_token(
    judge: &Judge,
    token: &str,
    base: usize,
    previous: Option<&str>,
    out: &mut Vec<Split>,
) {
    let runs = runs(token);
    for (j, &(start, end)) in runs.iter().enumerate() {
        let word = &token[start..end];
        let after = token[end..].chars().next();
        let next = runs
            .get(j + 1)
            .filter(|&&(next_start, _)| after.is_some_and(|c| end + c.len_utf8() == next_start))
            .map(|&(s, e)| &token[s..e]);
        if matches!(after, Some('\'' | '’')) {
            // An elided form (`jusqu'`, `aujourd'`) is never split inside; only a word glued to
            // an elided article is (`seral'occasion`).
            if let Some(next) = next
                && judge.elision(word, next)
            {
                let last = word.chars().next_back().map_or(0, char::len_utf8);
                out.push(Split::new(base + end - last, Rule::Elision));
            }
            continue;
        }
        if j == 0 && start == 1 && token.starts_with(',') && previous.is_some() {
            // A comma glued to the next word but spaced from the one before (`amis ,a`).
            out.push(Split::new(base + 1, Rule::Comma));
        }
        let previous = if j == 0 && start == 0 { previous } else { None };
        split_run(judge, word, base + start, previous, 0, out);
        if after == Some(',') && next.is_some() {
            out.push(Split::new(base + end + 1, Rule::Comma));
        }
    }
}

/// Splits one run, then each half again (up to [`MAX_DEPTH`]), pushing splits in text order.
fn split_run(
    judge: &Judge,
    word: &str,
    offset: usize,
    previous: Option<&str>,
    depth: usize,
    out: &mut Vec<Split>,
) {
    let Some((i, rule)) = judge.split(word, previous) else {
        return;
    };
    let at = word.char_indices().nth(i).map_or(word.len(), |(b, _)| b);
    let (left, right) = word.split_at(at);
    if depth < MAX_DEPTH {
        split_run(judge, left, offset, previous, depth + 1, out);
    }
    out.push(Split::new(offset + at, rule));
    if depth < MAX_DEPTH {
        split_run(judge, right, offset + at, Some(left), depth + 1, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_say_what_the_predicate_says() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_machine_char_tabled(c), is_machine_char(c), "{c:?}");
        }
    }
}
