//! The word lists behind the people reader, parsed once.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// FNV-1a: word lookups hash short keys, where SipHash costs more than
/// the lookup itself; the keys are fixed lists, not input.
#[derive(Default)]
pub(super) struct Fnv(u64);

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
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A set of lower-case words.
pub(super) type Set = HashSet<String, BuildHasherDefault<Fnv>>;

/// Every list, lower-cased.
pub(super) struct Lexicon {
    /// Honorifics as word sequences (full stops dropped), longest first.
    pub(super) honorifics: Vec<Vec<String>>,
    /// Words that make a phrase a title.
    pub(super) title_heads: Set,
    /// Words that may open a title before its head.
    pub(super) title_mods: Set,
    /// Particles that may stand inside a name.
    pub(super) particles: Set,
    /// Capitalised words that are never part of a name.
    pub(super) not_names: Set,
    /// Verbs right after a name.
    pub(super) after: Set,
    /// Cue phrases right before a name, as word sequences.
    pub(super) before: Vec<Vec<String>>,
    /// Common given names.
    pub(super) given: Set,
    /// Words that open an office's unit (`Department`, `Office`).
    pub(super) unit: Set,
    /// Last words of a contact desk (`Relations`, `Media`).
    pub(super) desk: Set,
}

pub(super) static LEXICON: LazyLock<Lexicon> = LazyLock::new(build);

fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

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
    for line in lines(data) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name;
        } else {
            out.entry(current).or_default().push(line);
        }
    }
    out
}

fn build() -> Lexicon {
    let mut honorifics: Vec<Vec<String>> = lines(include_str!("../../data/honorifics.txt"))
        .map(words)
        .collect();
    honorifics.sort_by_key(|h| std::cmp::Reverse(h.len()));
    let mut title_heads = Set::default();
    let mut title_mods = Set::default();
    for line in lines(include_str!("../../data/title_words.txt")) {
        let ws = words(line);
        if let Some((head, mods)) = ws.split_last() {
            title_heads.insert(head.clone());
            let connector =
                |w: &&String| matches!(w.as_str(), "of" | "for" | "in" | "to" | "the" | "and");
            title_mods.extend(mods.iter().filter(|w| !connector(w)).cloned());
        }
    }
    let particles = lines(include_str!("../../data/name_particles.txt"))
        .map(str::to_lowercase)
        .collect();
    let not_names = lines(include_str!("../../data/not_names.txt"))
        .map(str::to_lowercase)
        .collect();
    let cues = sections(include_str!("../../data/person_cues.txt"));
    let after = cues
        .get("after")
        .into_iter()
        .flatten()
        .map(|w| w.to_lowercase())
        .collect();
    let before = cues
        .get("before")
        .into_iter()
        .flatten()
        .map(|w| words(w))
        .collect();
    let given = lines(include_str!("../../data/given_names.txt"))
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
    Lexicon {
        desk,
        unit,
        given,
        honorifics,
        title_heads,
        title_mods,
        particles,
        not_names,
        after,
        before,
    }
}

impl Lexicon {
    /// Whether a lower-case word heads a title (`director`,
    /// `under-secretary-general`, `co-founder`).
    pub(super) fn is_title_head(&self, lower: &str) -> bool {
        let head = |w: &str| {
            self.title_heads.contains(w)
                || w.strip_suffix('s')
                    .is_some_and(|w| self.title_heads.contains(w))
        };
        head(lower) || lower.rsplit_once('-').is_some_and(|(_, last)| head(last))
    }

    /// Whether a lower-case word may open or sit inside a title.
    pub(super) fn is_title_word(&self, lower: &str) -> bool {
        self.is_title_head(lower) || self.title_mods.contains(lower)
    }
}
