//! The word lists of `data/org_cues.txt` and the small closed lists of
//! connectors and legal forms, with cheap look-ups.

use crate::wordhash::WordMap;
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
    let mut section = "";
    for line in include_str!("../../data/org_cues.txt").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            continue;
        }
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

/// The entries of a one-per-line list, lower-cased, comments skipped.
pub(super) fn words(data: &'static str) -> impl Iterator<Item = String> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
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
    CONNECTORS.contains(&w)
        // Lower-case only: `Do`, `Del` and `Et` may be names.
        || matches!(w, "do" | "del" | "della" | "pour" | "para" | "für" | "et")
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

pub(super) fn in_set(set: &Set, w: &str) -> bool {
    // Lower-case short ASCII words on the stack: this runs per token.
    let mut buf = [0u8; 32];
    if w.len() <= buf.len() && w.is_ascii() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        return std::str::from_utf8(b).is_ok_and(|l| set.contains(l));
    }
    set.contains(&w.to_lowercase())
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

/// The list bits of a token's text: every word, and punctuation only when
/// a list holds some.
pub(super) fn token_flags(w: &str, word: bool) -> u32 {
    if word || *PUNCT_MEMBER {
        flags_of(w)
    } else {
        0
    }
}

pub(super) fn is_cue(w: &str) -> bool {
    in_set(&LISTS.cue, w)
}

/// Legal forms that may follow a comma inside a company name.
pub(super) fn is_legal(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "Inc"
            | "LLC"
            | "Ltd"
            | "Corp"
            | "PLC"
            | "plc"
            | "LLP"
            | "LP"
            | "GmbH"
            | "AG"
            | "SA"
            | "Limited"
    )
}

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
    fn flags_agree_with_the_lists() {
        let l = &*LISTS;
        for (set, bit) in [
            (&l.cue, CUE),
            (&l.lead, LEAD),
            (&l.title, TITLE),
            (&l.verb, VERB),
            (&l.employer, EMPLOYER),
            (&l.places, PLACE),
        ] {
            for w in [
                "Ministry", "MINISTRY", "said", "Kitewell", "of", "&", "Zorblat",
            ] {
                assert_eq!(flags_of(w) & bit != 0, in_set(set, w), "{w}");
            }
        }
    }
}
