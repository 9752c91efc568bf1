//! A cheap hash for the word lists the readers look words up in.
//!
//! Readers look up short words once per token, where the default SipHash
//! costs more than the rest of the look-up; the keys are fixed lists from
//! `data/`, not input, so a non-keyed hash is safe.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a, mixing eight bytes at a time.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        // Whole words at a time: a byte-wise loop costs a multiply per
        // letter.
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h ^ u64::from_le_bytes(w)).wrapping_mul(0x0100_0000_01b3);
            h ^= h >> 29;
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            h = (h ^ u64::from_le_bytes(w)).wrapping_mul(0x0100_0000_01b3);
            h ^= h >> 29;
        }
        self.0 = h;
    }
}

/// A set of words with the cheap hash.
pub(crate) type WordSet = HashSet<String, BuildHasherDefault<Fnv>>;

/// A map from words with the cheap hash.
pub(crate) type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
