//! Stable hashes, the same on every machine and build (unlike `std`'s):
//! FNV-1a for short keys (paths, names, event ids) and a word-at-a-time
//! content hash for file bytes and cache payloads.

use std::hash::{BuildHasherDefault, Hasher};

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a, 64 bits: for short keys (paths, names).
#[must_use]
pub fn fnv(bytes: &[u8]) -> u64 {
    let mut hasher = Fnv::default();
    hasher.write(bytes);
    hasher.finish()
}

/// FNV-1a as a [`Hasher`], for maps with short keys and for keys fed in
/// pieces ([`fnv`] of the pieces joined).
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(FNV_OFFSET)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
    }
}

/// Builds [`Fnv`] hashers for `HashMap`s keyed by short values.
pub type FnvBuild = BuildHasherDefault<Fnv>;

/// A fast 64-bit content hash (eight bytes per step) to tell whether a file
/// or a cache payload changed. Not cryptographic; stable across builds and
/// platforms, unlike `std`'s hasher.
#[must_use]
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut hash = HASH_SEED ^ (bytes.len() as u64).wrapping_mul(HASH_K);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        hash = mix(hash, u64::from_le_bytes(word));
    }
    for &b in chunks.remainder() {
        hash = mix(hash, u64::from(b));
    }
    hash
}

const HASH_K: u64 = 0x9e37_79b9_7f4a_7c15;
const HASH_SEED: u64 = 0x243f_6a88_85a3_08d3;

/// One step of [`content_hash`] and [`StreamHash`].
fn mix(hash: u64, word: u64) -> u64 {
    let hash = (hash ^ word).wrapping_mul(HASH_K);
    hash ^ (hash >> 29)
}

/// The same mixing as [`content_hash`] over bytes fed in pieces, with the
/// length folded in at the end (only then is it known): the hash of a
/// cache payload written straight into its file.
#[derive(Debug)]
pub struct StreamHash {
    hash: u64,
    pending: [u8; 8],
    filled: usize,
    /// Bytes fed so far.
    pub len: u64,
}

impl Default for StreamHash {
    fn default() -> Self {
        Self::new()
    }
}

impl StreamHash {
    /// An empty hash.
    #[must_use]
    pub fn new() -> Self {
        Self {
            hash: HASH_SEED,
            pending: [0; 8],
            filled: 0,
            len: 0,
        }
    }

    /// Feeds `bytes`.
    pub fn update(&mut self, mut bytes: &[u8]) {
        self.len += bytes.len() as u64;
        // Complete a word left over from the last piece, byte by byte.
        while self.filled > 0 {
            let Some((&b, rest)) = bytes.split_first() else {
                return;
            };
            self.pending[self.filled] = b;
            self.filled = (self.filled + 1) % 8;
            bytes = rest;
            if self.filled == 0 {
                self.hash = mix(self.hash, u64::from_le_bytes(self.pending));
            }
        }
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.hash = mix(self.hash, u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.pending[self.filled] = b;
            self.filled += 1;
        }
    }

    /// The hash of everything fed.
    #[must_use]
    pub fn finish(&self) -> u64 {
        let tail = self.pending.get(..self.filled).unwrap_or_default();
        let hash = tail.iter().fold(self.hash, |h, &b| mix(h, u64::from(b)));
        mix(hash, self.len.wrapping_mul(HASH_K))
    }
}

#[cfg(test)]
mod tests {
    use super::{Fnv, content_hash, fnv};
    use std::hash::Hasher;

    #[test]
    fn fnv_is_fnv1a_and_streams() {
        // The published FNV-1a 64 test vectors.
        assert_eq!(fnv(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv(b"foobar"), 0x8594_4171_f739_67e8);
        let mut pieces = Fnv::default();
        pieces.write(b"foo");
        pieces.write(b"bar");
        assert_eq!(pieces.finish(), fnv(b"foobar"));
    }

    #[test]
    fn content_hash_sees_every_byte() {
        let text = b"The minister visited Moscow on Tuesday, 5 August 2017.";
        let base = content_hash(text);
        for i in 0..text.len() {
            let mut changed = text.to_vec();
            changed[i] ^= 1;
            assert_ne!(content_hash(&changed), base, "byte {i}");
        }
        assert_ne!(content_hash(&text[..text.len() - 1]), base);
        assert_eq!(content_hash(text), base);
    }

    #[test]
    fn the_payload_hash_is_the_same_in_pieces_and_whole() {
        let bytes: Vec<u8> = (0..1000_u32).map(|i| (i * 7 % 251) as u8).collect();
        let whole = {
            let mut h = super::StreamHash::new();
            h.update(&bytes);
            h.finish()
        };
        for split in [1, 3, 7, 8, 9, 64, 999] {
            let mut h = super::StreamHash::new();
            for piece in bytes.chunks(split) {
                h.update(piece);
            }
            assert_eq!(h.finish(), whole, "pieces of {split}");
        }
        // Every byte counts, and so does the length.
        let mut changed = bytes.clone();
        changed[500] ^= 1;
        let mut h = super::StreamHash::new();
        h.update(&changed);
        assert_ne!(h.finish(), whole);
        let mut h = super::StreamHash::new();
        h.update(&bytes[..999]);
        assert_ne!(h.finish(), whole);
    }
}
