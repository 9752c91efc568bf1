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

/// The entries of a word list in `data/`: one a line, trimmed; blank
/// lines and `#` comments skipped.
pub(crate) fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// [`entries`], collected.
pub(crate) fn word_list(data: &'static str) -> Vec<&'static str> {
    entries(data).collect()
}

/// A set of words with the cheap hash.
pub(crate) type WordSet = HashSet<String, BuildHasherDefault<Fnv>>;

/// A map from words with the cheap hash.
pub(crate) type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Calls `f` with `text` lower-cased. Short ASCII text, which is what the
/// per-token look-ups see, is lower-cased on the stack; anything else in a
/// new string.
pub(crate) fn with_lower<R>(text: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    if text.is_ascii() && text.len() <= buf.len() {
        let lower = &mut buf[..text.len()];
        lower.copy_from_slice(text.as_bytes());
        lower.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(lower) {
            return f(lower);
        }
    }
    f(&text.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::{with_lower, word_list};

    #[test]
    fn reads_word_lists() {
        let data = "# a comment\nalpha\n\n  beta gamma  \n\t\n#delta\nepsilon\n";
        assert_eq!(word_list(data), ["alpha", "beta gamma", "epsilon"]);
    }

    #[test]
    fn lower_cases_on_the_stack_and_off_it() {
        let long = "Ministry ".repeat(10);
        let cases: &[(&str, String)] = &[
            ("Ministry", "ministry".into()),
            ("ÉCOLE Normale", "école normale".into()),
            ("", String::new()),
            (&long, long.to_lowercase()),
        ];
        for (input, want) in cases {
            assert_eq!(with_lower(input, str::to_string), *want, "{input:?}");
        }
    }
}
