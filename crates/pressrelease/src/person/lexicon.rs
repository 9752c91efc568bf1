//! The word lists behind the people reader, parsed once.

use crate::wordhash::{WordMap, entries};
use std::collections::HashMap;
use std::sync::LazyLock;

/// A set of lower-case words.
pub(super) type Set = crate::wordhash::WordSet;

/// Every list, lower-cased.
pub(super) struct Lexicon {
    /// Honorifics as word sequences (full stops dropped), longest first.
    pub(super) honorifics: Vec<Vec<String>>,
    /// Indices into `honorifics` by first word, in list order.
    pub(super) hon_by_first: WordMap<String, Vec<usize>>,
    /// Indices into `honorifics` by last word, in list order.
    pub(super) hon_by_last: WordMap<String, Vec<usize>>,
    /// Capitalised words that are never part of a name.
    pub(super) not_names: Set,
    /// Cue phrases right before a name, as word sequences.
    pub(super) before: Vec<Vec<String>>,
    /// Common given names.
    pub(super) given: Set,
    /// Words that open an office's unit (`Department`, `Office`).
    pub(super) unit: Set,
    /// Last words of a contact desk (`Relations`, `Media`).
    pub(super) desk: Set,
    /// Every listed word with the lists it is in ([`class`] bits), so a
    /// token is classified with one lookup.
    classes: WordMap<String, u16>,
    /// The keys of `classes` of up to 16 bytes, packed, for look-ups
    /// without hashing strings.
    short: ShortWords,
    /// Length in bytes of the longest key of `classes`: a longer word is in
    /// no list, so it needs no look-up.
    longest: usize,
}

/// Bits of a word's class: the lists it stands in.
pub(super) mod class {
    pub(in super::super) const PARTICLE: u16 = 1;
    pub(in super::super) const NOT_NAME: u16 = 1 << 1;
    pub(in super::super) const TITLE_HEAD: u16 = 1 << 2;
    pub(in super::super) const TITLE_MOD: u16 = 1 << 3;
    pub(in super::super) const HONORIFIC: u16 = 1 << 4;
    pub(in super::super) const GIVEN: u16 = 1 << 5;
    pub(in super::super) const AFTER: u16 = 1 << 6;
    pub(in super::super) const HON_FIRST: u16 = 1 << 7;
    pub(in super::super) const HON_LAST: u16 = 1 << 8;
    /// A title head plus `s` (`directors`).
    pub(in super::super) const PLURAL_HEAD: u16 = 1 << 9;
    /// A never-a-name word plus `s`.
    pub(in super::super) const PLURAL_NOT_NAME: u16 = 1 << 10;
    /// A suffix after a name (`Jr`, `PhD`: [`super::super::SUFFIXES`]).
    pub(in super::super) const SUFFIX: u16 = 1 << 11;
    /// The last word of a cue before a name (`said`, `to` of `according
    /// to`).
    pub(in super::super) const CUE_LAST: u16 = 1 << 12;
    /// A one-word cue before a name.
    pub(in super::super) const CUE_ONE: u16 = 1 << 13;
    /// A word that ends an appositive (`who`, `was`: `title::CLAUSE_STOPS`).
    pub(in super::super) const CLAUSE_STOP: u16 = 1 << 14;
}

/// A word of 1 to 16 bytes as a little-endian integer, zero-padded.
/// Words hold no zero bytes, so the packing is one-to-one.
type Packed = u128;

/// Packs a word of 1 to 16 bytes.
fn pack(word: &[u8]) -> Option<Packed> {
    (1..=16).contains(&word.len()).then(|| pack_short(word))
}

/// [`pack`] of a word of 1 to 16 bytes (checked by the caller). Two
/// overlapping reads cover the word: the overlap holds the same bytes, so
/// OR-ing them is exact (no byte loop, no `memcpy`). Words of up to 8
/// bytes, most words, are packed in 64-bit arithmetic.
#[inline]
fn pack_short(word: &[u8]) -> Packed {
    let n = word.len();
    let read8 = |at: usize| {
        let mut buf = [0u8; 8];
        buf.copy_from_slice(&word[at..at + 8]);
        u64::from_le_bytes(buf)
    };
    let read4 = |at: usize| {
        let mut buf = [0u8; 4];
        buf.copy_from_slice(&word[at..at + 4]);
        u64::from(u32::from_le_bytes(buf))
    };
    match n {
        9.. => Packed::from(read8(0)) | Packed::from(read8(n - 8)) << (8 * (n - 8)),
        8 => Packed::from(read8(0)),
        4..=7 => Packed::from(read4(0) | read4(n - 4) << (8 * (n - 4))),
        _ => {
            let byte = |k: usize| u64::from(word[k]) << (8 * k);
            Packed::from(byte(0) | byte(n / 2) | byte(n - 1))
        }
    }
}

/// The short words of the lexicon with their class bits, in an
/// open-addressing table keyed by packed words.
struct ShortWords {
    keys: Vec<Packed>,
    bits: Vec<u16>,
    /// Bits of the table size (a power of two).
    shift: u32,
}

impl ShortWords {
    fn new(classes: &WordMap<String, u16>) -> ShortWords {
        // At most a quarter full, so a miss ends after a probe or two.
        let size = (classes.len() * 4).next_power_of_two().max(16);
        let mut table = ShortWords {
            keys: vec![0; size],
            bits: vec![0; size],
            shift: 64 - size.trailing_zeros(),
        };
        for (w, &bits) in classes {
            if let Some(key) = pack(w.as_bytes()) {
                let mut k = table.slot(key);
                while table.keys[k] != 0 {
                    k = (k + 1) & (size - 1);
                }
                table.keys[k] = key;
                table.bits[k] = bits;
            }
        }
        table
    }

    fn slot(&self, key: Packed) -> usize {
        let h =
            (key as u64 ^ ((key >> 64) as u64).rotate_left(31)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> self.shift) as usize
    }

    /// The class bits of a packed word (0 if it is in no list).
    #[inline]
    fn get(&self, key: Packed) -> u16 {
        let mask = self.keys.len() - 1;
        let mut k = self.slot(key);
        loop {
            let here = self.keys[k];
            if here == key {
                return self.bits[k];
            }
            if here == 0 {
                return 0;
            }
            k = (k + 1) & mask;
        }
    }
}

pub(super) static LEXICON: LazyLock<Lexicon> = LazyLock::new(build);

/// Splits a phrase into lower-case words without full stops.
pub(super) fn words(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| c.is_whitespace() || c == '.')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn sections(data: &str) -> HashMap<&str, Vec<&str>> {
    let mut out: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut current = "";
    for line in entries(data) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name;
        } else {
            out.entry(current).or_default().push(line);
        }
    }
    out
}

fn build() -> Lexicon {
    let mut honorifics: Vec<Vec<String>> = entries(include_str!("../../data/honorifics.txt"))
        .map(words)
        .collect();
    honorifics.sort_by_key(|h| std::cmp::Reverse(h.len()));
    let mut title_heads = Set::default();
    let mut title_mods = Set::default();
    for line in entries(include_str!("../../data/title_words.txt")) {
        let ws = words(line);
        if let Some((head, mods)) = ws.split_last() {
            title_heads.insert(head.clone());
            let connector =
                |w: &&String| matches!(w.as_str(), "of" | "for" | "in" | "to" | "the" | "and");
            title_mods.extend(mods.iter().filter(|w| !connector(w)).cloned());
        }
    }
    let particles: Set = entries(include_str!("../../data/name_particles.txt"))
        .map(str::to_lowercase)
        .collect();
    let not_names: Set = entries(include_str!("../../data/not_names.txt"))
        .map(str::to_lowercase)
        .collect();
    let cues = sections(include_str!("../../data/person_cues.txt"));
    // Verbs right after a name (class `AFTER`).
    let after: Set = cues
        .get("after")
        .into_iter()
        .flatten()
        .map(|w| w.to_lowercase())
        .collect();
    let before: Vec<Vec<String>> = cues
        .get("before")
        .into_iter()
        .flatten()
        .map(|w| words(w))
        .collect();
    let given = entries(include_str!("../../data/given_names.txt"))
        .map(str::to_lowercase)
        .collect();
    let unit = cues
        .get("unit")
        .into_iter()
        .flatten()
        .map(|w| w.to_lowercase())
        .collect();
    let desk = cues
        .get("desk")
        .into_iter()
        .flatten()
        .map(|w| w.to_lowercase())
        .collect();
    let mut classes: WordMap<String, u16> = WordMap::default();
    let mut mark = |set: &Set, bit: u16| {
        for w in set {
            *classes.entry(w.clone()).or_default() |= bit;
        }
    };
    mark(&particles, class::PARTICLE);
    mark(&not_names, class::NOT_NAME);
    mark(&title_heads, class::TITLE_HEAD);
    mark(&title_mods, class::TITLE_MOD);
    mark(&given, class::GIVEN);
    mark(&after, class::AFTER);
    for h in &honorifics {
        let mut add = |w: &String, bit: u16| *classes.entry(w.clone()).or_default() |= bit;
        if h.len() == 1 {
            add(&h[0], class::HONORIFIC);
        }
        if let Some(w) = h.first() {
            add(w, class::HON_FIRST);
        }
        if let Some(w) = h.last() {
            add(w, class::HON_LAST);
        }
    }
    // Derived facts, so a token needs one look-up: plurals of title heads
    // and of never-a-name words, and name suffixes.
    for w in &title_heads {
        *classes.entry(format!("{w}s")).or_default() |= class::PLURAL_HEAD;
    }
    for w in &not_names {
        *classes.entry(format!("{w}s")).or_default() |= class::PLURAL_NOT_NAME;
    }
    for w in super::SUFFIXES {
        *classes.entry(w.to_string()).or_default() |= class::SUFFIX;
    }
    for w in super::title::CLAUSE_STOPS {
        *classes.entry(w.to_string()).or_default() |= class::CLAUSE_STOP;
    }
    for cue in &before {
        if let Some(w) = cue.last() {
            *classes.entry(w.clone()).or_default() |= class::CUE_LAST;
        }
        if let [w] = cue.as_slice() {
            *classes.entry(w.clone()).or_default() |= class::CUE_ONE;
        }
    }
    let longest = classes.keys().map(String::len).max().unwrap_or(0);
    let mut hon_by_first: WordMap<String, Vec<usize>> = WordMap::default();
    let mut hon_by_last: WordMap<String, Vec<usize>> = WordMap::default();
    for (k, h) in honorifics.iter().enumerate() {
        if let (Some(first), Some(last)) = (h.first(), h.last()) {
            hon_by_first.entry(first.clone()).or_default().push(k);
            hon_by_last.entry(last.clone()).or_default().push(k);
        }
    }
    Lexicon {
        short: ShortWords::new(&classes),
        classes,
        longest,
        desk,
        unit,
        given,
        honorifics,
        hon_by_first,
        hon_by_last,
        not_names,
        before,
    }
}

impl Lexicon {
    /// The [`class`] bits of a lower-case word (0 if it is in no list).
    #[inline]
    pub(super) fn class(&self, lower: &str) -> u16 {
        let word = lower.as_bytes();
        if (1..=16).contains(&word.len()) {
            return self.short.get(pack_short(word));
        }
        self.class_long(lower)
    }

    /// [`Lexicon::class`] of a word longer than 16 bytes (or empty), off
    /// the hot path so that the common case needs few registers.
    #[cold]
    #[inline(never)]
    fn class_long(&self, lower: &str) -> u16 {
        if lower.len() > self.longest {
            return 0;
        }
        self.classes.get(lower).copied().unwrap_or(0)
    }

    /// Whether a lower-case word heads a title (`director`,
    /// `under-secretary-general`, `co-founder`).
    pub(super) fn is_title_head(&self, lower: &str) -> bool {
        self.is_title_head_in(lower, self.class(lower))
    }

    /// [`Lexicon::is_title_head`] given the word's own class bits: a head,
    /// its plural, or a hyphenated word ending in either (`co-founders`).
    pub(super) fn is_title_head_in(&self, lower: &str, own: u16) -> bool {
        const HEAD: u16 = class::TITLE_HEAD | class::PLURAL_HEAD;
        // `-` is ASCII, so the cut stays on a char boundary.
        own & HEAD != 0
            || lower
                .bytes()
                .rposition(|b| b == b'-')
                .is_some_and(|k| self.class(&lower[k + 1..]) & HEAD != 0)
    }

    /// Whether a lower-case word may open or sit inside a title.
    pub(super) fn is_title_word(&self, lower: &str) -> bool {
        let own = self.class(lower);
        self.is_title_head_in(lower, own) || own & class::TITLE_MOD != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_lookups_agree_with_the_map() {
        let lex = &*LEXICON;
        for (w, &bits) in &lex.classes {
            assert_eq!(lex.class(w), bits, "word {w:?}");
        }
    }

    #[test]
    fn unlisted_words() {
        let cases: &[&str] = &[
            "zorvin",
            "quellingtonshire",
            "a-very-long-unlisted-word",
            "x",
        ];
        let lex = &*LEXICON;
        for w in cases {
            assert_eq!(lex.class(w), 0, "word {w:?}");
        }
    }

    #[test]
    fn packing_every_length() {
        let text = b"abcdefghijklmnopq";
        for n in 1..=16 {
            let word = &text[..n];
            let want = word
                .iter()
                .enumerate()
                .fold(0u128, |k, (i, &b)| k | u128::from(b) << (8 * i));
            assert_eq!(pack(word), Some(want), "length {n}");
        }
    }

    #[test]
    fn packing() {
        let cases: &[(&[u8], Option<Packed>)] = &[
            (b"", None),
            (b"ab", Some(0x6261)),
            (b"abcdefghi", Some(0x69_6867_6665_6463_6261)),
            (b"abcdefghijklmnopq", None),
        ];
        for (word, want) in cases {
            assert_eq!(pack(word), *want, "word {word:?}");
        }
    }
}
