//! The word lists of `data/org_cues.txt` and the small closed lists of
//! connectors and legal forms, with cheap look-ups.

use super::tokens::{Plain, is_acronym, is_cap};
use crate::wordhash::{WordMap, entries};
use std::ops::Range;
use std::sync::LazyLock;

/// A set of lower-cased words with the cheap hash.
pub(super) type Set = crate::wordhash::WordSet;

/// The word lists of `data/org_cues.txt`, by section.
pub(super) struct Lists {
    pub(super) cue: Set,
    pub(super) lead: Set,
    pub(super) title: Set,
    pub(super) nonhead: Set,
    pub(super) verb: Set,
    pub(super) tail: Set,
    pub(super) generic: Set,
    pub(super) kind: Set,
    pub(super) bare: Set,
    pub(super) possessor: Set,
    pub(super) employer: Set,
    pub(super) list_noun: Set,
    pub(super) act: Set,
    /// Cue words that open their name (`Fondation Kite`); also cues.
    pub(super) head_first: Set,
    pub(super) not_acronym: Set,
    /// Well-known bodies without a cue word, as written, with a short form.
    pub(super) known: Vec<(String, Option<String>)>,
    pub(super) not_orgs: Set,
    pub(super) places: Set,
    /// Countries and regions (shared with the dateline reader's tables).
    pub(super) countries: Set,
}

pub(super) static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let mut lists = Lists {
        cue: Set::default(),
        lead: Set::default(),
        title: Set::default(),
        nonhead: Set::default(),
        verb: Set::default(),
        tail: Set::default(),
        generic: Set::default(),
        kind: Set::default(),
        bare: Set::default(),
        possessor: Set::default(),
        employer: Set::default(),
        list_noun: Set::default(),
        act: Set::default(),
        head_first: Set::default(),
        not_acronym: Set::default(),
        known: Vec::new(),
        not_orgs: words(include_str!("../../data/not_orgs.txt")).collect(),
        places: words(include_str!("../../data/places.txt")).collect(),
        countries: words(include_str!("../../data/countries.tsv"))
            .chain(words(include_str!("../../data/regions.tsv")))
            .filter_map(|l| l.split('\t').next().map(str::to_string))
            .collect(),
    };
    for (section, line) in cue_file() {
        if section == "known" {
            let (name, short) = match line.split_once(" = ") {
                Some((n, a)) => (n.trim(), Some(a.trim().to_string())),
                None => (line, None),
            };
            lists.known.push((name.to_string(), short));
            continue;
        }
        let set = match section {
            "cue" => &mut lists.cue,
            "lead" => &mut lists.lead,
            "title" => &mut lists.title,
            "nonhead" => &mut lists.nonhead,
            "verb" => &mut lists.verb,
            "tail" => &mut lists.tail,
            "generic" => &mut lists.generic,
            "kind" => &mut lists.kind,
            "bare" => &mut lists.bare,
            "possessor" => &mut lists.possessor,
            "employer" => &mut lists.employer,
            "list_noun" => &mut lists.list_noun,
            "head_first" => {
                lists.cue.insert(line.to_lowercase());
                &mut lists.head_first
            }
            "act" => &mut lists.act,
            "not_acronym" => &mut lists.not_acronym,
            _ => continue,
        };
        set.insert(line.to_lowercase());
    }
    lists
});

/// The entries of `data/org_cues.txt` with the `[section]` each stands in,
/// comments and blank lines skipped.
pub(crate) fn cue_file() -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut section = "";
    entries(include_str!("../../data/org_cues.txt")).filter_map(move |line| {
        match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            Some(name) => {
                section = name;
                None
            }
            None => Some((section, line)),
        }
    })
}

/// The entries of a one-per-line list, lower-cased, comments skipped.
pub(super) fn words(data: &'static str) -> impl Iterator<Item = String> {
    entries(data).map(str::to_lowercase)
}

/// Lowercase words that may join the capitalised words of a name.
pub(super) const CONNECTORS: &[&str] = &[
    "of", "for", "on", "and", "the", "de", "du", "des", "la", "le", "bin", "bint", "al", "el",
    "von", "van", "der", "den", "y", "da", "di", "in", "to",
];

/// Abbreviations that keep their full stop as part of the word.
pub(super) const KEEP_DOT: &[&str] = &[
    "Inc", "Co", "Corp", "Ltd", "Bros", "St", "Jr", "Sr", "Cos", "Mfg", "Intl", "Assn", "Dept",
];

pub(super) fn is_connector(w: &str) -> bool {
    // Every connector is short (a test checks it).
    w.len() <= CONNECTOR_LEN && is_short_connector(w)
}

fn is_short_connector(w: &str) -> bool {
    CONNECTORS.contains(&w)
        // Lower-case only: `Do`, `Del` and `Et` may be names.
        || LOWER_CONNECTORS.contains(&w)
        || w == "&"
        || (w.len() <= 4
            && CONNECTORS.iter().any(|c| c.eq_ignore_ascii_case(w))
            && w != "La"
            && w != "Le"
            && w != "Al"
            && w != "El"
            && w != "De"
            && w != "Da"
            && w != "Di"
            && w != "Y")
}

/// Whether a name is one of `not_orgs` (as [`in_set`] answers): an ASCII
/// name is looked up in [`Table`], without hashing a lower-cased copy.
pub(super) fn is_not_org(name: &str) -> bool {
    let b = name.as_bytes();
    if b.len() <= TABLE_WORD && name.is_ascii() {
        // Non-ASCII and longer phrases are not in the table, but no
        // lower-cased short ASCII name could equal them.
        let table = &*TABLE;
        return table.may_be_not_org(b) && table.get(&key_of(b), b.len()) & NOT_ORG_PHRASE != 0;
    }
    in_set(&LISTS.not_orgs, name)
}

pub(super) fn in_set(set: &Set, w: &str) -> bool {
    // Runs per token or candidate: short words are lower-cased on the stack.
    crate::wordhash::with_lower(w, |l| set.contains(l))
}

/// Bits of [`flags_of`]: which word lists hold a word.
pub(super) const CUE: u32 = 1;
pub(super) const LEAD: u32 = 1 << 1;
pub(super) const TITLE: u32 = 1 << 2;
pub(super) const NONHEAD: u32 = 1 << 3;
pub(super) const VERB: u32 = 1 << 4;
pub(super) const TAIL: u32 = 1 << 5;
pub(super) const GENERIC: u32 = 1 << 6;
pub(super) const KIND: u32 = 1 << 7;
pub(super) const BARE: u32 = 1 << 8;
pub(super) const EMPLOYER: u32 = 1 << 9;
pub(super) const PLACE: u32 = 1 << 10;
pub(super) const COUNTRY: u32 = 1 << 11;
pub(super) const HEAD_FIRST: u32 = 1 << 12;
pub(super) const LIST_NOUN: u32 = 1 << 13;
pub(super) const ACT: u32 = 1 << 14;
pub(super) const NOT_ACRONYM: u32 = 1 << 15;

/// Bits of [`token_flags`] worked out from the word itself, once per
/// token: [`is_cap`], [`is_acronym`], [`is_connector`], a connector in any
/// case (`Of`, `THE`) and [`is_legal`].
pub(super) const CAP: u32 = 1 << 16;
pub(super) const ACRONYM: u32 = 1 << 17;
pub(super) const CONNECTOR: u32 = 1 << 18;
pub(super) const ANY_CASE_CONNECTOR: u32 = 1 << 19;
pub(super) const LEGAL: u32 = 1 << 20;

/// Bits for the per-token look-up only: the lower-cased word is a
/// connector (`of`), or a connector that counts only in lower case (`do`).
const CONNECTOR_WORD: u32 = 1 << 21;
const LOWER_CONNECTOR_WORD: u32 = 1 << 22;
/// The lower-cased word is a legal form (`inc`).
const LEGAL_WORD: u32 = 1 << 23;
/// The lower-cased text is a phrase of `not_orgs` (see [`is_not_org`]).
const NOT_ORG_PHRASE: u32 = 1 << 24;
/// The bits of [`Table`] that no token keeps.
const TABLE_ONLY: u32 = CONNECTOR_WORD | LOWER_CONNECTOR_WORD | LEGAL_WORD | NOT_ORG_PHRASE;

/// Connectors that count only in lower case: `Do`, `Del` and `Et` may be
/// names.
const LOWER_CONNECTORS: &[&str] = &["do", "del", "della", "pour", "para", "f\u{fc}r", "et"];

/// Every listed word with the bits of the lists holding it, so that one
/// look-up per token answers every list.
static MEMBERS: LazyLock<WordMap<Box<[u8]>, u32>> = LazyLock::new(|| {
    let l = &*LISTS;
    let mut map: WordMap<Box<[u8]>, u32> = WordMap::default();
    for (set, bit) in [
        (&l.cue, CUE),
        (&l.lead, LEAD),
        (&l.title, TITLE),
        (&l.nonhead, NONHEAD),
        (&l.verb, VERB),
        (&l.tail, TAIL),
        (&l.generic, GENERIC),
        (&l.kind, KIND),
        (&l.bare, BARE),
        (&l.employer, EMPLOYER),
        (&l.places, PLACE),
        (&l.countries, COUNTRY),
        (&l.head_first, HEAD_FIRST),
        (&l.list_noun, LIST_NOUN),
        (&l.act, ACT),
        (&l.not_acronym, NOT_ACRONYM),
    ] {
        for w in set {
            *map.entry(w.as_bytes().into()).or_default() |= bit;
        }
    }
    map
});

/// Whether some listed word does not start with a letter or digit (so
/// that punctuation tokens need a look-up too).
static PUNCT_MEMBER: LazyLock<bool> = LazyLock::new(|| {
    MEMBERS
        .keys()
        .any(|w| !w.first().is_some_and(u8::is_ascii_alphanumeric))
});

/// The longest listed word, in bytes: longer words need no look-up.
static LONGEST: LazyLock<usize> =
    LazyLock::new(|| MEMBERS.keys().map(|w| w.len()).max().unwrap_or(0));

/// The list bits of a word, as [`in_set`] would answer for each list.
pub(super) fn flags_of(w: &str) -> u32 {
    let mut buf = [0u8; 32];
    if w.len() <= buf.len() && w.is_ascii() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        if w.len() > *LONGEST {
            return 0;
        }
        b.make_ascii_lowercase();
        return MEMBERS.get(&b[..]).copied().unwrap_or(0);
    }
    MEMBERS
        .get(w.to_lowercase().as_bytes())
        .copied()
        .unwrap_or(0)
}

/// The longest word [`Table`] holds, in bytes.
const TABLE_WORD: usize = 32;

/// A word of up to [`TABLE_WORD`] ASCII bytes, lower-cased and padded
/// with zero bytes, as four machine words.
type Key = [u64; TABLE_WORD / 8];

/// The listed ASCII words (and the connectors) in an open-addressing
/// table: the per-token look-up hashes the word while lower-casing it, and
/// most words stop at an empty slot.
pub(super) struct Table {
    /// Index + 1 into `entries`; 0 marks an empty slot.
    slots: Vec<u16>,
    entries: Vec<(Key, usize, u32)>,
    /// `slots.len() - 1`.
    mask: usize,
    longest: usize,
    punct_member: bool,
    /// The words of up to eight bytes again, keyed by their one machine
    /// word (zero-padded; no listed word has a zero byte): the look-up
    /// of most tokens.
    short: Vec<(u64, u32)>,
    /// `short.len() - 1`.
    short_mask: usize,
    /// The words of letters and digits again, with the bits a plain word
    /// gets (see [`plain_word_flags`]): up to seven bytes, and eight to
    /// sixteen.
    plain_short: Cuckoo<u64, PLAIN_SHORT_SLOTS>,
    plain_long: Cuckoo<[u64; 2], PLAIN_LONG_SLOTS>,
    /// The lengths of the `not_orgs` phrases in the table, one bit each.
    not_org_lens: u64,
    /// Their first bytes (lower-cased), one bit each.
    not_org_firsts: [u64; 4],
}

impl Table {
    #[inline]
    fn get(&self, key: &Key, len: usize) -> u32 {
        let mut h = key_hash(key, len) & self.mask;
        loop {
            let Some(e) = self.slots[h].checked_sub(1) else {
                return 0;
            };
            let (k, n, bits) = &self.entries[usize::from(e)];
            if *n == len && k == key {
                return *bits;
            }
            h = (h + 1) & self.mask;
        }
    }
}

impl Table {
    /// Whether `b` (ASCII, up to [`TABLE_WORD`] bytes) has the length and
    /// first byte of a `not_orgs` phrase: most names fail here, before
    /// any look-up.
    #[inline]
    fn may_be_not_org(&self, b: &[u8]) -> bool {
        let Some(&first) = b.first() else {
            return false;
        };
        let first = first.to_ascii_lowercase();
        (self.not_org_lens >> b.len()) & 1 != 0
            && (self.not_org_firsts[usize::from(first >> 6)] >> (first & 63)) & 1 != 0
    }

    /// [`Table::get`] for a word of up to eight bytes, as its first key
    /// word.
    #[inline]
    fn get_short(&self, x: u64) -> u32 {
        let mut h = short_hash(x) & self.short_mask;
        loop {
            let (k, bits) = self.short[h];
            if k == x {
                return bits;
            }
            if k == 0 {
                return 0;
            }
            h = (h + 1) & self.short_mask;
        }
    }
}

/// Slots of [`Table::plain_short`] and [`Table::plain_long`]: at most
/// about 0.4 full, so that two choices place every word (a test checks).
const PLAIN_SHORT_SLOTS: usize = 2048;
const PLAIN_LONG_SLOTS: usize = 1024;

/// A bit of [`Cuckoo`] values only: the word needs the full reading of
/// [`token_flags`] (a legal form, whose case counts, or a
/// connector that is a name when capitalised: `La`, `De`, `Y`).
pub(super) const CHECK: u32 = 1 << 25;

/// A key of [`Cuckoo`]: a lower-cased word, zero-padded (no listed word
/// has a zero byte, so the empty key `0` matches no word).
pub(super) trait CuckooKey: Copy + Default + PartialEq {
    /// The key folded into one machine word, for hashing.
    fn fold(self) -> u64;
    /// Zero if the keys are equal, else not.
    fn differ(self, other: Self) -> u64;
}

impl CuckooKey for u64 {
    #[inline(always)]
    fn fold(self) -> u64 {
        self
    }

    #[inline(always)]
    fn differ(self, other: Self) -> u64 {
        self ^ other
    }
}

impl CuckooKey for [u64; 2] {
    #[inline(always)]
    fn fold(self) -> u64 {
        self[0] ^ self[1].wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }

    #[inline(always)]
    fn differ(self, other: Self) -> u64 {
        (self[0] ^ other[0]) | (self[1] ^ other[1])
    }
}

/// Every bit when `d` is zero, else none: by a borrow, which the compiler
/// keeps as arithmetic (a comparison would become a branch on the text).
#[inline(always)]
fn equal_mask(d: u64) -> u32 {
    (u128::from(d).wrapping_sub(1) >> 64) as u32
}

/// A two-choice (cuckoo) hash table of `N` slots (a power of two): every
/// word sits in one of the two slots its key picks, so that a look-up
/// reads both and compares, with no loop and no branch on the text.
pub(super) struct Cuckoo<K, const N: usize> {
    /// Per slot: the key, and the value for a word in small letters and
    /// for one with a capital.
    slots: Box<[(K, [u32; 2]); N]>,
    /// The odd multiplier that hashes the keys (the first that placed
    /// every word).
    seed: u64,
}

impl<K: CuckooKey, const N: usize> Cuckoo<K, N> {
    /// The two slots of a key: from the high bits of both halves of one
    /// 128-bit product.
    #[inline(always)]
    fn slots_of(key: K, seed: u64) -> (usize, usize) {
        let p = u128::from(key.fold()) * u128::from(seed);
        let a = (p as u64 >> (64 - N.trailing_zeros())) as usize;
        let b = ((p >> 64) as u64 as usize) & (N - 1);
        (a, b)
    }

    /// The value of `key` (`upper`: whether the word has a capital), `0`
    /// for an unlisted word.
    #[inline(always)]
    pub(super) fn get(&self, key: K, upper: bool) -> u32 {
        let (a, b) = Self::slots_of(key, self.seed);
        let (ka, va) = &self.slots[a];
        let (kb, vb) = &self.slots[b];
        let u = usize::from(upper);
        // Masks, not branches: the word is in either slot or in neither.
        (va[u] & equal_mask(ka.differ(key))) | (vb[u] & equal_mask(kb.differ(key)))
    }

    /// A table of `words`; `None` if no multiplier of those tried places
    /// them all.
    fn new(words: &[(K, [u32; 2])]) -> Option<Self> {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..64 {
            let mut slots: Box<[(K, [u32; 2]); N]> = vec![(K::default(), [0; 2]); N]
                .into_boxed_slice()
                .try_into()
                .ok()?;
            if words.iter().all(|&w| Self::place(&mut slots, w, seed)) {
                return Some(Cuckoo { slots, seed });
            }
            seed = seed.wrapping_add(0x2545_f491_4f6c_dd1e) | 1;
        }
        None
    }

    /// Puts `word` in one of its slots, moving the words in the way to
    /// their other slot; `false` after too many moves.
    fn place(slots: &mut [(K, [u32; 2]); N], mut word: (K, [u32; 2]), seed: u64) -> bool {
        let (a, b) = Self::slots_of(word.0, seed);
        let mut at = if slots[a].0 == K::default() { a } else { b };
        for _ in 0..4 * N {
            word = std::mem::replace(&mut slots[at], word);
            if word.0 == K::default() {
                return true;
            }
            let (a, b) = Self::slots_of(word.0, seed);
            at = if at == a { b } else { a };
        }
        false
    }
}

fn short_hash(x: u64) -> usize {
    (x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 40) as usize
}

fn key_hash(key: &Key, len: usize) -> usize {
    let h = key[0] ^ key[1].rotate_left(17) ^ key[2].rotate_left(31) ^ key[3].rotate_left(47);
    let h = (h ^ len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> 40) as usize
}

/// The key of an ASCII word of up to [`TABLE_WORD`] bytes.
fn key_of(w: &[u8]) -> Key {
    let mut buf = [0u8; TABLE_WORD];
    buf[..w.len()].copy_from_slice(w);
    buf.make_ascii_lowercase();
    let mut key = [0u64; TABLE_WORD / 8];
    for (k, c) in key.iter_mut().zip(buf.chunks_exact(8)) {
        *k = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
    }
    key
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut bits: Vec<(&[u8], u32)> = MEMBERS.iter().map(|(w, &b)| (&w[..], b)).collect();
    // A connector in any case is one: its fact rides with the word.
    bits.extend(
        CONNECTORS
            .iter()
            .map(|c| (c.as_bytes(), CONNECTOR_WORD | ANY_CASE_CONNECTOR)),
    );
    bits.extend(
        LOWER_CONNECTORS
            .iter()
            .map(|c| (c.as_bytes(), LOWER_CONNECTOR_WORD)),
    );
    bits.extend(LEGAL_FORMS.iter().map(|c| (c.as_bytes(), LEGAL_WORD)));
    bits.extend(
        LISTS
            .not_orgs
            .iter()
            .map(|p| (p.as_bytes(), NOT_ORG_PHRASE)),
    );
    let mut entries: Vec<(Key, usize, u32)> = Vec::new();
    for (w, b) in bits {
        if w.len() > TABLE_WORD || !w.is_ascii() {
            continue;
        }
        let key = key_of(w);
        match entries
            .iter_mut()
            .find(|(k, n, _)| *k == key && *n == w.len())
        {
            Some(e) => e.2 |= b,
            None => entries.push((key, w.len(), b)),
        }
    }
    // At most a quarter full, so that misses end fast.
    let size = (entries.len() * 4).next_power_of_two().max(64);
    let mask = size - 1;
    let mut slots = vec![0u16; size];
    for (i, (key, len, _)) in entries.iter().enumerate() {
        let mut h = key_hash(key, *len) & mask;
        while slots[h] != 0 {
            h = (h + 1) & mask;
        }
        slots[h] = u16::try_from(i + 1).expect("word lists fit a u16 index");
    }
    let longest = entries.iter().map(|e| e.1).max().unwrap_or(0);
    let short_entries: Vec<(u64, u32)> = entries
        .iter()
        .filter(|(key, len, _)| *len <= 8 && key[0] != 0)
        .map(|(key, _, bits)| (key[0], *bits))
        .collect();
    let short_size = (short_entries.len() * 4).next_power_of_two().max(64);
    let short_mask = short_size - 1;
    let mut short = vec![(0u64, 0u32); short_size];
    for (x, bits) in short_entries {
        let mut h = short_hash(x) & short_mask;
        while short[h].0 != 0 {
            h = (h + 1) & short_mask;
        }
        short[h] = (x, bits);
    }
    // The words a plain word can be: letters and digits, up to sixteen.
    let (mut plain_short, mut plain_long) = (Vec::new(), Vec::new());
    for (key, len, bits) in &entries {
        let mut word = [0u8; 16];
        for (w, k) in word.chunks_exact_mut(8).zip(key) {
            w.copy_from_slice(&k.to_le_bytes());
        }
        let word = &word[..(*len).min(16)];
        if *len == 0 || *len > 16 || !word.iter().all(u8::is_ascii_alphanumeric) {
            continue;
        }
        let values = plain_values(word, *bits);
        // (A word of eight bytes fills the first read: the tokenizer reads
        // on, and looks it up with the longer words.)
        if *len < 8 {
            plain_short.push((key[0], values));
        } else {
            plain_long.push(([key[0], key[1]], values));
        }
    }
    let plain_short = Cuckoo::new(&plain_short).expect("two choices place the short words");
    let plain_long = Cuckoo::new(&plain_long).expect("two choices place the long words");
    let (mut not_org_lens, mut not_org_firsts) = (0u64, [0u64; 4]);
    for (key, len, bits) in &entries {
        if bits & NOT_ORG_PHRASE != 0 {
            // (Keys are lower-cased; the first byte is the lowest.)
            let first = key[0] as u8;
            not_org_lens |= 1 << len;
            not_org_firsts[usize::from(first >> 6)] |= 1 << (first & 63);
        }
    }
    Table {
        not_org_lens,
        not_org_firsts,
        slots,
        entries,
        mask,
        longest,
        punct_member: *PUNCT_MEMBER,
        short,
        short_mask,
        plain_short,
        plain_long,
    }
});

/// The values of a listed word of letters and digits `w` (lower-cased)
/// with the table bits `bits` in [`Table::plain_short`] and
/// [`Table::plain_long`]: its [`token_flags`] but for [`CAP`] and
/// [`ACRONYM`], written in small letters and with a capital ([`CHECK`]
/// when the capitals' places count).
fn plain_values(w: &[u8], bits: u32) -> [u32; 2] {
    let connector = |yes: bool| if yes { CONNECTOR } else { 0 };
    // (`ANY_CASE_CONNECTOR` comes with `CONNECTOR_WORD`.)
    let lower = bits
        | connector(bits & (CONNECTOR_WORD | LOWER_CONNECTOR_WORD) != 0)
        | if bits & LEGAL_WORD != 0 && std::str::from_utf8(w).is_ok_and(is_legal) {
            LEGAL
        } else {
            0
        };
    let name_like = matches!(
        w,
        b"la" | b"le" | b"al" | b"el" | b"de" | b"da" | b"di" | b"y"
    );
    let upper = if bits & LEGAL_WORD != 0 || (bits & CONNECTOR_WORD != 0 && name_like) {
        CHECK
    } else {
        bits | connector(bits & CONNECTOR_WORD != 0 && w.len() <= 4)
    };
    [lower & !TABLE_ONLY, upper & !TABLE_ONLY]
}

/// The top bit of every byte of a machine word.
pub(super) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The bytes of `x` (all ASCII) in `lo..=hi`, each marked by its top bit.
pub(super) fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let each = |b: u8| u64::from(b).wrapping_mul(0x0101_0101_0101_0101);
    // No byte carries into the next: every byte and addend is below 0x80.
    let from_lo = x.wrapping_add(each(0x80 - lo));
    let past_hi = x.wrapping_add(each(0x7f - hi));
    from_lo & !past_hi & HIGH_BITS
}

/// The `n` (1 to 8) bytes of `b` from `at`, zero-padded, as a machine word.
fn load(b: &[u8], at: usize, n: usize) -> u64 {
    match b.get(at..at + 8) {
        Some(&[b0, b1, b2, b3, b4, b5, b6, b7]) => {
            let x = u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7]);
            if n >= 8 {
                x
            } else {
                x & ((1u64 << (8 * n)) - 1)
            }
        }
        // Near the end of the text: byte by byte (a copy into an array
        // compiles to a call to `memcpy`).
        _ => b[at..at + n]
            .iter()
            .rev()
            .fold(0, |x, &c| (x << 8) | u64::from(c)),
    }
}

/// How many bytes [`in_range`] marked.
fn count_bytes(marks: u64) -> u64 {
    (marks >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56
}

/// The bits of a token's text `s[r]`: the lists holding it (every word,
/// and punctuation only when a list holds some) and the facts of [`CAP`].
pub(super) fn token_flags(s: &str, r: Range<usize>, word: bool) -> u32 {
    let b = s.as_bytes();
    let len = r.len();
    if len == 0 || len > TABLE_WORD {
        return token_flags_by_char(&s[r], word);
    }
    // Eight bytes at a time: lower-case into the key, count the capitals
    // and small letters, and spot any non-ASCII byte.
    let mut key: Key = [0; TABLE_WORD / 8];
    let (mut upper, mut lower, mut high) = (0u64, 0u64, 0u64);
    for (i, k) in key.iter_mut().enumerate().take(len.div_ceil(8)) {
        let x = load(b, r.start + 8 * i, (len - 8 * i).min(8));
        high |= x;
        let up = in_range(x, b'A', b'Z');
        let low = in_range(x, b'a', b'z');
        upper += count_bytes(up);
        lower += count_bytes(low);
        // A capital's 0x80 mark moved to 0x20 makes it small.
        *k = x | (up >> 2);
    }
    if high & HIGH_BITS != 0 {
        return token_flags_by_char(&s[r], word);
    }
    word_facts(s, r, word, &key, upper > 0, || (upper, lower))
}

/// The first eight bytes of a word as the tokenizer read them, with the
/// marks of their capitals and small letters (see [`in_range`]).
pub(super) struct Head {
    pub(super) x: u64,
    pub(super) up: u64,
    pub(super) low: u64,
}

/// [`token_flags`] of an ASCII word of up to eight bytes, from its [`Head`]
/// (read from the word's start): no second reading of the bytes.
#[inline]
pub(super) fn short_word_flags(s: &str, r: Range<usize>, head: &Head) -> u32 {
    let len = r.len();
    let keep = if len >= 8 {
        !0
    } else {
        (1u64 << (8 * len)) - 1
    };
    let (x, up, low) = (head.x & keep, head.up & keep, head.low & keep);
    let key = [x | (up >> 2), 0, 0, 0];
    word_facts(s, r, true, &key, up != 0, || {
        (count_bytes(up), count_bytes(low))
    })
}

/// The rest of [`token_flags`] for an ASCII text, given its key, whether
/// it has a capital and how to count its capitals and small letters (only
/// capitalised words need the counts).
#[inline(always)]
fn word_facts(
    s: &str,
    r: Range<usize>,
    word: bool,
    key: &Key,
    any_upper: bool,
    counts: impl Fn() -> (u64, u64),
) -> u32 {
    let len = r.len();
    // Up to eight bytes, the key is one machine word.
    let look_up = |table: &Table| {
        if len <= 8 {
            table.get_short(key[0])
        } else {
            table.get(key, len)
        }
    };
    let b = &s.as_bytes()[r.clone()];
    let table = &*TABLE;
    let mut f = 0;
    // Punctuation needs the look-up only when a list holds some (the
    // connectors and legal forms are letters).
    let lists = word || table.punct_member;
    if (lists || b[0].is_ascii_alphanumeric()) && b.len() <= table.longest {
        f = look_up(table);
        if !lists {
            f &= CONNECTOR_WORD | LOWER_CONNECTOR_WORD | LEGAL_WORD;
        }
    }
    // `is_cap`, `is_acronym`.
    let cap = match b[0] {
        b'A'..=b'Z' => true,
        b'0'..=b'9' => any_upper,
        b'd' | b'l' => b.get(1) == Some(&b'\'') && b.get(2).is_some_and(u8::is_ascii_uppercase),
        _ => false,
    };
    if cap {
        f |= CAP;
        if b.len() <= 12 {
            let (upper, lower) = counts();
            if upper >= 2 && lower <= upper {
                f |= ACRONYM;
            }
        }
    }
    // `is_connector`: the lists in lower case, or (up to four letters)
    // in any case but the name-like `La`, `Al`, `De`, ...
    if f & (CONNECTOR_WORD | LOWER_CONNECTOR_WORD) != 0
        && (!any_upper
            || (f & CONNECTOR_WORD != 0
                && b.len() <= 4
                && !matches!(
                    b,
                    b"La" | b"Le" | b"Al" | b"El" | b"De" | b"Da" | b"Di" | b"Y"
                )))
        || b == b"&"
    {
        f |= CONNECTOR;
    }
    if f & CONNECTOR_WORD != 0 {
        f |= ANY_CASE_CONNECTOR;
    }
    // `is_legal` (which drops full stops at the end).
    if (f & LEGAL_WORD != 0 || b[len - 1] == b'.') && is_legal(&s[r]) {
        f |= LEGAL;
    }
    f & !TABLE_ONLY
}

/// The table of every listed word, for [`plain_word_flags`]: the
/// tokenizer looks it up once, not once per word.
pub(super) fn table() -> &'static Table {
    &TABLE
}

/// [`token_flags`] of a plain word (see `tokens::plain_word`) read as
/// `w` from `b[start..]`, but for [`CAP`] and [`ACRONYM`] (see
/// [`Plain::acronym`]): its table value, for all but a few listed words.
#[inline(always)]
pub(super) fn plain_word_flags(b: &[u8], start: usize, w: &Plain) -> u32 {
    if w.f & CHECK != 0 {
        return checked_flags(b, start, w.end);
    }
    w.f
}

/// [`token_flags`] of the plain word `b[start..end]`, for the few listed
/// words whose capitals' places count (see [`CHECK`]).
#[cold]
#[inline(never)]
fn checked_flags(b: &[u8], start: usize, end: usize) -> u32 {
    match b.get(start..end).map(std::str::from_utf8) {
        Some(Ok(w)) => token_flags(w, 0..w.len(), true),
        _ => 0,
    }
}

impl Table {
    /// The value of a plain word of up to seven bytes (see
    /// [`plain_values`]) from its key, `0` if no list holds it: one
    /// look-up with no branch on the word.
    #[inline(always)]
    pub(super) fn plain_short(&self, key: u64, upper: bool) -> u32 {
        self.plain_short.get(key, upper)
    }

    /// [`Table::plain_short`] for eight to sixteen bytes.
    #[inline(always)]
    pub(super) fn plain_long(&self, key: [u64; 2], upper: bool) -> u32 {
        self.plain_long.get(key, upper)
    }
}

impl Plain {
    /// [`ACRONYM`] if the word, capitalised, is an acronym
    /// ([`is_acronym`]), else `0`.
    #[inline(always)]
    pub(super) fn acronym(&self, len: usize) -> u32 {
        // Both halves' marks as one bytes at most 2 each, summed at once.
        let count =
            |m: [u64; 2]| ((m[0] >> 7) + (m[1] >> 7)).wrapping_mul(0x0101_0101_0101_0101) >> 56;
        let (upper, lower) = (count(self.up), count(self.low));
        if len <= 12 && upper >= 2 && lower <= upper {
            ACRONYM
        } else {
            0
        }
    }
}

/// [`token_flags`] of every one-byte punctuation token (an ASCII mark),
/// made once: the tokenizer looks the table up once, not once per mark.
pub(super) fn mark_table() -> &'static [u32; 128] {
    static MARKS: LazyLock<[u32; 128]> = LazyLock::new(|| {
        std::array::from_fn(|x| {
            let mark = char::from(x as u8).to_string();
            token_flags(&mark, 0..mark.len(), false)
        })
    });
    &MARKS
}

/// [`token_flags`] for any text, char by char.
fn token_flags_by_char(w: &str, word: bool) -> u32 {
    let mut f = if word || *PUNCT_MEMBER {
        flags_of(w)
    } else {
        0
    };
    if is_cap(w) {
        f |= CAP;
        if is_acronym(w) {
            f |= ACRONYM;
        }
    }
    if w.len() <= CONNECTOR_LEN {
        if is_connector(w) {
            f |= CONNECTOR;
        }
        if CONNECTORS.iter().any(|c| c.eq_ignore_ascii_case(w)) {
            f |= ANY_CASE_CONNECTOR;
        }
    }
    if is_legal(w) {
        f |= LEGAL;
    }
    f
}

/// The longest connector, in bytes: longer words need no comparison.
const CONNECTOR_LEN: usize = 5;

/// Legal forms that may follow a comma inside a company name.
pub(super) fn is_legal(w: &str) -> bool {
    LEGAL_FORMS.contains(&w.trim_end_matches('.'))
}

/// Legal forms, as [`is_legal`] reads them.
const LEGAL_FORMS: &[&str] = &[
    "Inc", "LLC", "Ltd", "Corp", "PLC", "plc", "LLP", "LP", "GmbH", "AG", "SA", "Limited",
];

/// Whether the token at `k` opens a `of`/`for`/`on` complement.
pub(super) fn is_of(w: &str) -> bool {
    matches!(w, "of" | "for" | "on" | "Of" | "For" | "On")
}

/// Whether a connector starts a new phrase rather than continuing a name.
pub(super) fn is_boundary(w: &str) -> bool {
    is_of(w) || matches!(w, "in" | "In" | "at" | "At")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_org_phrases_from_the_table() {
        let mut cases: Vec<String> = LISTS.not_orgs.iter().cloned().collect();
        cases.extend(LISTS.not_orgs.iter().map(|p| p.to_uppercase()));
        cases.extend(LISTS.not_orgs.iter().map(|p| format!("{p}s")));
        for extra in [
            "",
            "Kite Labs",
            "Office",
            "the Office",
            "\u{c9}cole",
            "Board of Kites and Strings and Tails and More Words",
        ] {
            cases.push(extra.to_string());
        }
        for name in &cases {
            assert_eq!(is_not_org(name), in_set(&LISTS.not_orgs, name), "{name:?}");
        }
    }

    #[test]
    fn not_org_gate_passes_every_phrase() {
        let table = table();
        for p in LISTS
            .not_orgs
            .iter()
            .filter(|p| p.is_ascii() && p.len() <= TABLE_WORD)
        {
            assert!(table.may_be_not_org(p.as_bytes()), "{p:?}");
            assert!(table.may_be_not_org(p.to_uppercase().as_bytes()), "{p:?}");
        }
        // Lengths and first bytes no phrase has.
        let long = "x".repeat(TABLE_WORD);
        for name in ["", long.as_str()] {
            assert!(!table.may_be_not_org(name.as_bytes()), "{name:?}");
        }
    }

    #[test]
    fn short_table_agrees_with_the_full_table() {
        let table = &*TABLE;
        for (key, len, bits) in table.entries.iter().filter(|e| e.1 <= 8) {
            assert_eq!(table.get_short(key[0]), *bits, "{key:?}");
            assert_eq!(table.get(key, *len), *bits, "{key:?}");
        }
        // (word, listed)
        for (w, listed) in [
            ("of", true),
            ("ministry", true),
            ("zorblat", false),
            ("q", false),
        ] {
            let key = key_of(w.as_bytes());
            assert_eq!(table.get_short(key[0]), table.get(&key, w.len()), "{w}");
            assert_eq!(table.get_short(key[0]) != 0, listed, "{w}");
        }
    }

    #[test]
    fn cue_file_entries_carry_their_section() {
        let entries: Vec<_> = cue_file().collect();
        assert!(
            entries
                .iter()
                .all(|(s, l)| !s.is_empty() && !l.starts_with(['#', '[']))
        );
        assert!(entries.iter().any(|(s, _)| *s == "cue"));
        assert!(entries.iter().any(|(s, _)| *s == "known"));
    }

    #[test]
    fn flags_agree_with_the_lists() {
        let l = &*LISTS;
        for (set, bit) in [
            (&l.cue, CUE),
            (&l.lead, LEAD),
            (&l.title, TITLE),
            (&l.verb, VERB),
            (&l.employer, EMPLOYER),
            (&l.places, PLACE),
            (&l.list_noun, LIST_NOUN),
            (&l.act, ACT),
            (&l.not_acronym, NOT_ACRONYM),
        ] {
            for w in [
                "Ministry", "MINISTRY", "said", "Kitewell", "of", "&", "Zorblat",
            ] {
                assert_eq!(flags_of(w) & bit != 0, in_set(set, w), "{w}");
            }
        }
    }

    #[test]
    fn connectors_are_short() {
        let extra = ["do", "del", "della", "pour", "para", "f\u{fc}r", "et", "&"];
        for w in CONNECTORS.iter().chain(&extra) {
            assert!(w.len() <= CONNECTOR_LEN, "{w}");
            assert!(is_connector(w), "{w}");
        }
    }

    #[test]
    fn token_facts() {
        let cases: &[(&str, u32)] = &[
            ("Kite", CAP),
            ("KITE", CAP | ACRONYM),
            ("of", CONNECTOR | ANY_CASE_CONNECTOR),
            ("Of", CAP | CONNECTOR | ANY_CASE_CONNECTOR),
            ("La", CAP | ANY_CASE_CONNECTOR),
            ("&", CONNECTOR),
            ("Inc.", CAP | LEGAL),
            ("plc", LEGAL),
            ("kite", 0),
        ];
        let facts = CAP | ACRONYM | CONNECTOR | ANY_CASE_CONNECTOR | LEGAL;
        for (w, want) in cases {
            assert_eq!(token_flags(w, 0..w.len(), true) & facts, *want, "{w}");
        }
    }

    #[test]
    fn token_flags_agree_with_the_char_by_char_reading() {
        let mut words: Vec<String> = MEMBERS
            .keys()
            .filter_map(|w| std::str::from_utf8(w).ok())
            .map(str::to_string)
            .collect();
        words.extend(
            CONNECTORS
                .iter()
                .chain(LOWER_CONNECTORS)
                .map(|w| w.to_string()),
        );
        words.extend(
            [
                "",
                "&",
                ",",
                ".",
                "(",
                "5G",
                "3m",
                "d'Eau",
                "l'eau",
                "d'",
                "Inc.",
                "LTD",
                "plc",
                "Y",
                "y",
                "La",
                "LA",
                "Do",
                "DO",
                "Del",
                "KITE-ROC",
                "T-ROC",
                "U.S.",
                "Kite's",
                "Abcdefghijklmnopqrstuvwxyzabcdefg",
                "ABCDEFGHIJKLM",
                "\u{e9}t\u{e9}",
                "Inc..",
                "GmbH.",
                "gmbh",
                "Limited.",
                "Ag",
                ".",
                "..",
            ]
            .map(str::to_string),
        );
        let mut cases = Vec::new();
        for w in &words {
            let mut title = w.clone();
            if let Some(f) = title.get_mut(..1) {
                f.make_ascii_uppercase();
            }
            cases.extend([w.clone(), w.to_uppercase(), title]);
        }
        for w in &cases {
            for word in [true, false] {
                assert_eq!(
                    token_flags(w, 0..w.len(), word),
                    token_flags_by_char(w, word),
                    "{w:?}"
                );
                // Inside a longer text too.
                let text = format!("{w} Kite");
                assert_eq!(
                    token_flags(&text, 0..w.len(), word),
                    token_flags_by_char(w, word),
                    "{w:?}"
                );
            }
        }
    }

    #[test]
    fn plain_words_agree_with_token_flags() {
        // Every listed word of letters and digits, and a few more, in
        // several cases, read as the tokenizer's fast path reads it.
        let mut words: Vec<String> = MEMBERS
            .keys()
            .filter(|w| w.len() <= 15 && w.iter().all(u8::is_ascii_alphanumeric))
            .filter_map(|w| std::str::from_utf8(w).ok())
            .map(str::to_string)
            .collect();
        words.extend(
            CONNECTORS
                .iter()
                .chain(LOWER_CONNECTORS)
                .chain(LEGAL_FORMS)
                .chain(&["5g", "3m", "y", "kite", "kitewellharbour", "ab12", "12ab"])
                .map(|w| w.to_string()),
        );
        let mut cases = Vec::new();
        for w in words.iter().filter(|w| w.is_ascii()) {
            let mut title = w.clone();
            title[..1].make_ascii_uppercase();
            let mut two = w.to_uppercase();
            two[2.min(w.len())..].make_ascii_lowercase();
            cases.extend([w.clone(), w.to_uppercase(), title, two]);
        }
        cases.extend(
            [
                "GmbH", "PlC", "pLC", "lA", "LA", "La", "Y", "DE", "De", "dE",
            ]
            .map(String::from),
        );
        let mut plain = 0;
        for w in &cases {
            for text in [format!("{w} kite"), w.clone(), format!("{w}.")] {
                let toks = super::super::tokens::tokenize(&text);
                assert_eq!(toks[0].f, token_flags(&text, toks[0].r(), true), "{text:?}");
                let p = super::super::tokens::plain_word(table(), text.as_bytes(), 0);
                plain += usize::from(p.is_some());
            }
        }
        // Most cases take the fast path.
        assert!(
            plain * 2 > cases.len() * 3,
            "{plain} of {}",
            cases.len() * 3
        );
    }

    #[test]
    fn plain_tables_hold_every_plain_word() {
        let table = table();
        let mut n = 0;
        for (key, len, bits) in &table.entries {
            let word = &key_word(key)[..(*len).min(32)];
            if *len > 16 || !word.iter().all(u8::is_ascii_alphanumeric) {
                continue;
            }
            n += 1;
            let values = plain_values(word, *bits);
            for upper in [false, true] {
                let got = if *len < 8 {
                    table.plain_short(key[0], upper)
                } else {
                    table.plain_long([key[0], key[1]], upper)
                };
                assert_eq!(got, values[usize::from(upper)], "{word:?}");
            }
        }
        assert!(n > 100, "{n}");
        // Unlisted words, and the empty key.
        for w in ["zorblat", "kitewellharbour", ""] {
            let key = key_of(w.as_bytes());
            assert_eq!(table.plain_short(key[0], false), 0, "{w}");
            assert_eq!(table.plain_long([key[0], key[1]], true), 0, "{w}");
        }
    }

    /// The bytes of a key.
    fn key_word(key: &Key) -> Vec<u8> {
        key.iter().flat_map(|k| k.to_le_bytes()).collect()
    }

    #[test]
    fn machine_word_helpers() {
        let word = |s: &[u8]| load(s, 0, s.len().min(8));
        // (bytes, capitals, small letters, digits)
        let cases: &[(&[u8], u64, u64, u64)] = &[
            (b"Kite", 1, 3, 0),
            (b"KITE-5G", 5, 0, 1),
            (b"@[`{/:", 0, 0, 0),
            (b"AZaz09", 2, 2, 2),
            (b"", 0, 0, 0),
        ];
        for (s, up, low, digit) in cases {
            let x = word(s);
            assert_eq!(count_bytes(in_range(x, b'A', b'Z')), *up, "{s:?}");
            assert_eq!(count_bytes(in_range(x, b'a', b'z')), *low, "{s:?}");
            assert_eq!(count_bytes(in_range(x, b'0', b'9')), *digit, "{s:?}");
        }
        // Inside a longer text and at its end: only `n` bytes, zero-padded.
        assert_eq!(
            load(b"abcdefghij", 2, 3),
            u64::from_le_bytes(*b"cde\0\0\0\0\0")
        );
        assert_eq!(
            load(b"abcdefghij", 8, 2),
            u64::from_le_bytes(*b"ij\0\0\0\0\0\0")
        );
        assert_eq!(load(b"abcdefghij", 1, 8), u64::from_le_bytes(*b"bcdefghi"));
    }
}
