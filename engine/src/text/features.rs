//! The features of the small learned crisis model: hashed word unigrams and
//! bigrams and character 3- to 5-grams of lightly normalised text. This
//! file stands alone (no crate imports) because `build.rs` includes it to
//! train the model on the same features the binary computes.

/// Number of hash buckets (a power of two).
pub const BUCKETS: usize = 1 << 14;

/// Lower case, accents folded, apostrophes dropped ("don't" and "dont" are
/// one word), runs of three or more of one letter squeezed to one.
pub fn normalise(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, words: &mut Vec<String>| {
        if !word.is_empty() {
            words.push(squeeze3(word));
            word.clear();
        }
    };
    for c in text.chars() {
        if matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{b4}') {
            continue;
        }
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                word.push(fold(l));
            }
        } else {
            flush(&mut word, &mut words);
        }
    }
    flush(&mut word, &mut words);
    words
}

fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        'ß' => 's',
        c => c,
    }
}

fn squeeze3(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::with_capacity(word.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let run = chars[i..].iter().take_while(|&&d| d == c).count();
        for _ in 0..run.min(if run >= 3 { 1 } else { run }) {
            out.push(c);
        }
        i += run;
    }
    out
}

/// FNV-1a over a tag and the bytes of a feature.
fn hash(tag: u8, parts: &[&str]) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    };
    eat(tag);
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            eat(b' ');
        }
        for b in p.bytes() {
            eat(b);
        }
    }
    (h as usize) & (BUCKETS - 1)
}

/// FNV-1a over a tag and the UTF-8 bytes of some characters: the same
/// number as [`hash`] of the string they make, without making it.
fn hash_chars(tag: u8, chars: &[char]) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    };
    eat(tag);
    let mut utf8 = [0u8; 4];
    for c in chars {
        for b in c.encode_utf8(&mut utf8).bytes() {
            eat(b);
        }
    }
    (h as usize) & (BUCKETS - 1)
}

/// The hashed features of `text`, sorted and without repeats.
pub fn features(text: &str) -> Vec<usize> {
    let words = normalise(text);
    // A set of buckets as bits: sorted and without repeats for free.
    let mut seen = vec![0u64; BUCKETS / 64];
    let mut add = |i: usize| seen[i / 64] |= 1 << (i % 64);
    for (i, w) in words.iter().enumerate() {
        add(hash(b'w', &[w]));
        if let Some(next) = words.get(i + 1) {
            add(hash(b'b', &[w, next]));
        }
    }
    let mut joined: Vec<char> = Vec::with_capacity(text.len() + 2);
    joined.push(' ');
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            joined.push(' ');
        }
        joined.extend(w.chars());
    }
    joined.push(' ');
    for n in 3..=5 {
        for window in joined.windows(n) {
            add(hash_chars(b'c', window));
        }
    }
    let mut out = Vec::new();
    for (k, bits) in seen.iter().enumerate() {
        let mut bits = *bits;
        while bits != 0 {
            let b = bits.trailing_zeros() as usize;
            out.push(k * 64 + b);
            bits &= bits - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashing_characters_is_hashing_their_string() {
        let chars: Vec<char> = " dé mo".chars().collect();
        for n in 1..chars.len() {
            let s: String = chars[..n].iter().collect();
            assert_eq!(hash_chars(b'c', &chars[..n]), hash(b'c', &[&s]));
        }
        let f = features("I can't go on");
        assert!(f.windows(2).all(|w| w[0] < w[1]));
    }
}
