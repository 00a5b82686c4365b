//! The tantivy tokenizer that makes index terms: our word splitter (`words.rs`), and so our
//! `fold`. Registered under `TOKENIZER` on every index this crate opens.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::words::words;

/// The name fields of our schema give for their tokenizer.
pub const TOKENIZER: &str = "liseuse-fold";

#[derive(Debug, Clone, Default)]
pub struct FoldTokenizer;

/// The words of one text, handed out one by one.
pub struct FoldTokens {
    tokens: Vec<Token>,
    at: usize,
}

impl Tokenizer for FoldTokenizer {
    type TokenStream<'a> = FoldTokens;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> FoldTokens {
        let tokens = words(text)
            .into_iter()
            .enumerate()
            .map(|(position, word)| Token {
                offset_from: word.range.start,
                offset_to: word.range.end,
                position,
                text: word.folded,
                position_length: 1,
            })
            .collect();
        FoldTokens { tokens, at: 0 }
    }
}

impl TokenStream for FoldTokens {
    fn advance(&mut self) -> bool {
        if self.at < self.tokens.len() {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        &self.tokens[self.at - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.at - 1]
    }
}
