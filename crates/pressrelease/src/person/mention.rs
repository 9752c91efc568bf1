//! Mentions: folding the runs that name one person into one record.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind};

use super::Candidate;
use super::token::Token;
use crate::record::{Organisation, Person};
use crate::segment::Doc;

/// A person being assembled from its candidates.
pub(super) struct Builder<'a> {
    /// The fullest form of the name.
    pub(super) name: String,
    /// The name's tokens (a slice of the release's tokens, not a copy).
    pub(super) words: &'a [Token<'a>],
    pub(super) honorifics: Vec<String>,
    pub(super) titles: Vec<String>,
    /// Clean ranges of every mention.
    pub(super) mentions: Vec<Range<usize>>,
    /// Clean offset of the first mention, for ordering.
    pub(super) first: usize,
    /// The mention of a contact person not found in the text.
    pub(super) contact_mention: Option<crate::span::Mention>,
    /// Clean offsets where a tied organisation may start.
    pub(super) org_at: Vec<usize>,
    /// Organisations given outright (a contact's employer).
    pub(super) orgs: Vec<String>,
}

/// Whether `long` lower-cased equals `short` lower-cased, or ends with a
/// space and it.
fn same_or_ends_with_word(long: &str, short: &str) -> bool {
    if long.is_ascii() && short.is_ascii() {
        return long.eq_ignore_ascii_case(short) || ends_with_word(long, short);
    }
    let (long, short) = (long.to_lowercase(), short.to_lowercase());
    long == short || long.ends_with(&format!(" {short}"))
}

/// The titles without those that open a longer one, followed by a space
/// (`Under-Secretary-General` beside `Under-Secretary-General for X`),
/// ignoring case.
fn without_covered_titles(titles: Vec<String>) -> Vec<String> {
    if titles.iter().all(|t| t.is_ascii()) {
        // ASCII lower-casing keeps lengths: compare in place.
        let opens = |l: &str, o: &str| {
            o.len() > l.len()
                && o.as_bytes()[l.len()] == b' '
                && o.as_bytes()[..l.len()].eq_ignore_ascii_case(l.as_bytes())
        };
        let covered = |l: &str| titles.iter().any(|o| opens(l, o));
        if !titles.iter().any(|l| covered(l)) {
            return titles;
        }
        let keep: Vec<bool> = titles.iter().map(|l| !covered(l)).collect();
        return titles
            .into_iter()
            .zip(keep)
            .filter_map(|(t, k)| k.then_some(t))
            .collect();
    }
    let lowered: Vec<String> = titles.iter().map(|t| t.to_lowercase()).collect();
    titles
        .iter()
        .zip(&lowered)
        .filter(|(_, l)| {
            !lowered.iter().any(|o| {
                o.len() > l.len() && o.as_bytes()[l.len()] == b' ' && o.starts_with(l.as_str())
            })
        })
        .map(|(t, _)| t.clone())
        .collect()
}

/// Whether `long` lower-cased ends with a space and `short` lower-cased.
fn ends_with_word(long: &str, short: &str) -> bool {
    if long.is_ascii() && short.is_ascii() {
        // ASCII lower-casing keeps lengths, so the tail can be cut first.
        let (l, s) = (long.as_bytes(), short.as_bytes());
        return l.len() > s.len()
            && l[l.len() - s.len() - 1] == b' '
            && l[l.len() - s.len()..].eq_ignore_ascii_case(s);
    }
    long.to_lowercase()
        .ends_with(&format!(" {}", short.to_lowercase()))
}

/// The organisation reader's cue words (`data/org_cues.txt`, sections
/// `cue` and `head_first`), matched in any ASCII case.
static ORG_CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let cues: Vec<String> = crate::organisation::cue_file()
        .filter(|(section, _)| matches!(*section, "cue" | "head_first"))
        .map(|(_, line)| line.to_lowercase())
        .collect();
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        // Titles are short and many: a full DFA is the fastest search.
        .kind(Some(AhoCorasickKind::DFA))
        .build(cues)
        .expect("cue words build a matcher")
});

/// [`crate::organisation::names_in`], skipped for ASCII text that holds no
/// cue word: that reader finds a name only around a word that is one, so
/// the call would find nothing.
fn org_names_in(text: &str) -> Vec<Range<usize>> {
    if text.is_ascii() && !has_cue_word(text) {
        return Vec::new();
    }
    crate::organisation::names_in(text)
}

/// Whether ASCII `text` may hold a cue word as a word of its own. Only a
/// match inside a longer word is ruled out: one that a small letter
/// follows (`Officer`), or that opens in lower case after a letter or
/// digit (words glued at a capital are split by the organisation reader).
fn has_cue_word(text: &str) -> bool {
    let b = text.as_bytes();
    ORG_CUES.find_overlapping_iter(text).any(|m| {
        let inside_after = b.get(m.end()).is_some_and(u8::is_ascii_lowercase);
        let inside_before = m.start() > 0
            && b[m.start() - 1].is_ascii_alphanumeric()
            && !b[m.start()].is_ascii_uppercase();
        !inside_after && !inside_before
    })
}

/// A first word as an index key: lower-case, without closing stops.
fn key(word: &str) -> String {
    let mut out = String::new();
    push_key(&mut out, word);
    out
}

/// Appends [`key`] of `word` to `out`, without a copy for ASCII words.
fn push_key(out: &mut String, word: &str) {
    // The closing marks are ASCII: trim them as bytes, without decoding
    // chars (the cut stays on a char boundary).
    let bytes = word.as_bytes();
    let mut n = bytes.len();
    while n > 0 && matches!(bytes[n - 1], b'.' | b';' | b':' | b')' | b'\'') {
        n -= 1;
    }
    let word = &word[..n];
    if word.is_ascii() {
        let from = out.len();
        out.push_str(word);
        out[from..].make_ascii_lowercase();
    } else {
        out.push_str(&word.to_lowercase());
    }
}

/// An organisation's name without a trailing legal form (`Acme, Inc.`
/// gives `Acme`).
fn core_name(name: &str) -> &str {
    const LEGAL: &[&str] = &[
        "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "llc", "plc", "co.", "limited", "l.l.c.",
        "gmbh", "ag", "s.a.", "n.v.", "lp", "llp",
    ];
    let Some((head, last)) = name.rsplit_once(' ') else {
        return name;
    };
    if LEGAL.iter().any(|l| last.eq_ignore_ascii_case(l)) {
        head.trim_end_matches(',')
    } else {
        name
    }
}

/// The release's organisations, by the lower-case first word of their
/// names and acronyms, so a lookup stays cheap.
pub(super) struct OrgIndex<'a> {
    /// Every first word, lower-case, one after another.
    words: String,
    /// (the first word's range in `words`, the name or acronym, its
    /// organisation), sorted by first word; forms with the same first word
    /// keep the order of the list, at most [`OrgIndex::PER_WORD`] of them.
    entries: Vec<(Range<usize>, &'a str, &'a Organisation)>,
    /// One bit per (length, last byte) of the first words
    /// ([`OrgIndex::bit`]): most words looked up have none, and are
    /// turned away without a search.
    seen: [u64; 4],
    /// One bit per ASCII byte that opens a first word: a text opening with
    /// an ASCII letter or digit that opens none is turned away at once.
    first_bytes: u128,
}

impl<'a> OrgIndex<'a> {
    /// A bounded list per word keeps lookups cheap on hostile input.
    const PER_WORD: usize = 32;

    pub(super) fn new(organisations: &'a [Organisation]) -> OrgIndex<'a> {
        // Room for every first word without growing: a first word is no
        // longer than its form, and the core name's is the name's.
        let room: usize = organisations
            .iter()
            .map(|o| 2 * o.name.len() + o.acronym.as_ref().map_or(0, String::len))
            .sum();
        let mut words = String::with_capacity(room);
        let mut entries = Vec::with_capacity(organisations.len() * 2);
        for o in organisations {
            let core = core_name(&o.name);
            let forms = [Some(o.name.as_str()), o.acronym.as_deref(), Some(core)];
            for (n, form) in forms.into_iter().enumerate() {
                let Some(form) = form else {
                    continue;
                };
                if n == 2 && (form.len() == o.name.len() || form.len() < 3) {
                    continue;
                }
                // The first word: up to a space or comma (ASCII, so the cut
                // is a char boundary).
                let cut = form
                    .bytes()
                    .position(|b| b == b' ' || b == b',')
                    .unwrap_or(form.len());
                if let Some(w) = Some(&form[..cut]).filter(|w| !w.is_empty()) {
                    let from = words.len();
                    push_key(&mut words, w);
                    entries.push((from..words.len(), form, o));
                }
            }
        }
        // A stable sort keeps the list order among forms of one word.
        // Bytes compare as the strings do, without char-boundary checks.
        let bytes = words.as_bytes();
        entries.sort_by(|x, y| bytes[x.0.clone()].cmp(&bytes[y.0.clone()]));
        let mut run = 0;
        let mut prev: Option<Range<usize>> = None;
        entries.retain(|e| {
            let same = prev.take().is_some_and(|p| bytes[p] == bytes[e.0.clone()]);
            run = if same { run + 1 } else { 0 };
            prev = Some(e.0.clone());
            run < Self::PER_WORD
        });
        let mut seen = [0; 4];
        let mut first_bytes = 0u128;
        for e in &entries {
            let word = &words.as_bytes()[e.0.clone()];
            let bit = Self::bit(word);
            seen[bit / 64] |= 1 << (bit % 64);
            if let Some(&b) = word.first().filter(|b| b.is_ascii()) {
                first_bytes |= 1 << b;
            }
        }
        OrgIndex {
            words,
            entries,
            seen,
            first_bytes,
        }
    }

    /// The bit of [`OrgIndex::seen`] for a word, in any ASCII case.
    fn bit(word: &[u8]) -> usize {
        let last = word.last().map_or(0, u8::to_ascii_lowercase);
        (word.len() % 16) * 16 + usize::from(last % 16)
    }

    /// Whether some first word may be `word` (in any ASCII case).
    fn may_hold(&self, word: &[u8]) -> bool {
        let bit = Self::bit(word);
        self.seen[bit / 64] & 1 << (bit % 64) != 0
    }

    /// The forms whose first word is `key` (lower-case), in list order.
    fn with_first(&self, key: &[u8]) -> &[(Range<usize>, &'a str, &'a Organisation)] {
        if !self.may_hold(key) {
            return &[];
        }
        let word = |e: &(Range<usize>, &str, &Organisation)| &self.words.as_bytes()[e.0.clone()];
        let from = self.entries.partition_point(|e| word(e) < key);
        // A few forms at most share a first word: step over them.
        let to = from
            + self.entries[from..]
                .iter()
                .take_while(|e| word(e) == key)
                .count();
        &self.entries[from..to]
    }

    /// The organisation whose name or acronym opens `text`, the longest.
    fn opening(&self, text: &str) -> Option<&'a Organisation> {
        if self.entries.is_empty() {
            return None;
        }
        // Bytes: the marks are ASCII, so the cuts stay on char boundaries.
        let bytes = text.as_bytes();
        // A word opening with an ASCII letter or digit keeps it (lower-
        // cased) as the first byte of its key: most words are turned away
        // here, before the word is measured.
        if let Some(&b) = bytes.first().filter(|b| b.is_ascii_alphanumeric())
            && self.first_bytes & 1 << b.to_ascii_lowercase() == 0
        {
            return None;
        }
        let first_len = bytes
            .iter()
            .position(|&b| b == b' ' || b == b',')
            .unwrap_or(bytes.len());
        let first = &text[..first_len];
        // `key(first)` without allocating for a short ASCII word.
        let mut word_len = first_len;
        while word_len > 0 && matches!(bytes[word_len - 1], b'.' | b';' | b':' | b')' | b'\'') {
            word_len -= 1;
        }
        let word = &text[..word_len];
        let list = if word.is_ascii() && word.len() <= 32 {
            // Most words are turned away here, before any copy.
            if !self.may_hold(word.as_bytes()) {
                return None;
            }
            let mut buf = [0u8; 32];
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            self.with_first(lower)
        } else {
            self.with_first(key(first).as_bytes())
        };
        list.iter()
            .filter(|(_, form, _)| {
                text.get(..form.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(form))
                    && !text[form.len()..].starts_with(|c: char| c.is_alphanumeric())
            })
            .max_by_key(|(_, form, _)| form.len())
            .map(|(_, _, o)| *o)
    }

    /// The listed organisation named exactly `text`, if any.
    fn named(&self, text: &str) -> Option<&'a Organisation> {
        self.opening(text).filter(|o| {
            o.name.len() == text.len()
                || o.acronym.as_deref().is_some_and(|a| a.len() == text.len())
        })
    }
}

impl<'a> Builder<'a> {
    /// A person named by the candidate `c`.
    pub(super) fn new(clean: &str, toks: &'a [Token<'a>], c: &Candidate) -> Builder<'a> {
        let range = toks[c.words.start].range.start..toks[c.words.end - 1].range.end;
        Builder {
            name: clean[range].to_string(),
            words: &toks[c.words.clone()],
            honorifics: Vec::new(),
            titles: Vec::new(),
            mentions: Vec::new(),
            first: c.mention.start,
            contact_mention: None,
            org_at: Vec::new(),
            orgs: Vec::new(),
        }
    }

    /// Whether a candidate names this person: its words are the person's
    /// words and it ends with the surname (so a first name alone does not).
    pub(super) fn matches(&self, toks: &[Token], c: &Candidate) -> bool {
        let words = &toks[c.words.clone()];
        let Some(last) = words.last() else {
            return false;
        };
        if self.words.last().map(Token::lower) != Some(last.lower()) {
            return false;
        }
        let mut from = 0;
        for w in words {
            match self.words[from..]
                .iter()
                .position(|x| x.lower() == w.lower())
            {
                Some(k) => from += k + 1,
                None => return false,
            }
        }
        true
    }

    /// Adds a mention with its honorifics and titles, taking them over.
    pub(super) fn add(&mut self, c: Candidate) {
        self.first = self.first.min(c.mention.start);
        self.mentions.push(c.mention);
        if self.org_at.is_empty() {
            self.org_at = c.org_at;
        } else {
            self.org_at.extend(c.org_at);
        }
        for h in c.honorifics {
            if !self.honorifics.iter().any(|x| x.eq_ignore_ascii_case(&h)) {
                self.honorifics.push(h);
            }
        }
        for t in c.titles {
            // `District Attorney` beside `Brooklyn District Attorney`.
            let known = self.titles.iter().any(|x| same_or_ends_with_word(x, &t));
            if !known {
                self.titles.retain(|x| !ends_with_word(&t, x));
                self.titles.push(t);
            }
        }
    }

    /// The record, with organisations tied through titles.
    pub(super) fn finish(self, doc: &Doc, index: &OrgIndex) -> Person {
        let mut mentions: Vec<_> = self
            .mentions
            .iter()
            .map(|r| doc.text.mention(r.clone()))
            .collect();
        mentions.extend(self.contact_mention);
        // `Under-Secretary-General` beside `Under-Secretary-General for X`
        // says nothing more.
        let titles = without_covered_titles(self.titles);
        let clean = doc.clean();
        let mut orgs: Vec<String> = Vec::new();
        let mut push = |name: &str| {
            if !orgs.iter().any(|o| o.eq_ignore_ascii_case(name)) {
                orgs.push(name.to_string());
            }
        };
        for t in &titles {
            // Organisations named inside the title, found by their cue
            // words or listed for the release.
            for r in org_names_in(t) {
                let name = &t[r];
                push(index.named(name).map_or(name, |o| o.name.as_str()));
            }
            // Word starts, by a byte loop: titles are short, too short
            // for `memchr` to pay.
            let spaces = t.bytes().enumerate().filter(|&(_, b)| b == b' ');
            let starts = std::iter::once(0).chain(spaces.map(|(k, _)| k + 1));
            for at in starts {
                if let Some(o) = index.opening(&t[at..]) {
                    push(&o.name);
                }
            }
        }
        for &at in &self.org_at {
            let Some(rest) = clean.get(at..) else {
                continue;
            };
            if let Some(o) = index.opening(rest) {
                push(&o.name);
                continue;
            }
            let end = super::title::clause_end(clean, at);
            let window = &clean[at..end];
            if let Some(r) = org_names_in(window).into_iter().next()
                && r.start == 0
            {
                push(&window[r]);
            }
        }
        for o in &self.orgs {
            push(index.named(o).map_or(o.as_str(), |x| x.name.as_str()));
        }
        Person {
            name: self.name,
            honorifics: self.honorifics,
            titles,
            organisations: orgs,
            mentions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{
        OrgIndex, ends_with_word, has_cue_word, same_or_ends_with_word, without_covered_titles,
    };
    use crate::record::Organisation;

    #[test]
    fn covered_titles() {
        let cases: &[(&[&str], &[&str])] = &[
            (&["Director", "Director of Roads"], &["Director of Roads"]),
            (&["director", "DIRECTOR of Roads"], &["DIRECTOR of Roads"]),
            (
                &["Director", "Directorate Head"],
                &["Director", "Directorate Head"],
            ),
            (
                &["Ministre", "Ministre d'\u{c9}tat"],
                &["Ministre d'\u{c9}tat"],
            ),
            (&["\u{c9}TAT", "\u{e9}tat x"], &["\u{e9}tat x"]),
            (&[], &[]),
        ];
        for (titles, want) in cases {
            let titles: Vec<String> = titles.iter().map(|t| t.to_string()).collect();
            assert_eq!(without_covered_titles(titles.clone()), *want, "{titles:?}");
        }
    }

    #[test]
    fn openings() {
        let org = |name: &str, acronym: Option<&str>| Organisation {
            name: name.to_string(),
            acronym: acronym.map(str::to_string),
            mentions: Vec::new(),
        };
        let orgs = [
            org("Zorvin Labs, Inc.", None),
            org("Zorvin", None),
            org("Vorta Roads Office", Some("VRO")),
        ];
        let index = OrgIndex::new(&orgs);
        // (text, the organisation opening it)
        let cases: &[(&str, Option<&str>)] = &[
            ("Zorvin Labs, Inc. and more", Some("Zorvin Labs, Inc.")),
            ("zorvin labs said", Some("Zorvin Labs, Inc.")),
            ("Zorvin's team", None),
            ("ZORVIN, a firm", Some("Zorvin")),
            ("VRO. Next", Some("Vorta Roads Office")),
            ("Vorta Roads", None),
            ("Chief Executive", None),
            ("vorta", None),
            ("Vro", Some("Vorta Roads Office")),
            ("9 Zorvin", None),
            (", Zorvin", None),
            ("", None),
        ];
        for (text, want) in cases {
            let got = index.opening(text).map(|o| o.name.as_str());
            assert_eq!(got, *want, "text {text:?}");
        }
        assert!(OrgIndex::new(&[]).opening("Zorvin").is_none());
    }

    #[test]
    fn cue_words() {
        let cases: &[(&str, bool)] = &[
            ("Chief Executive Officer", false),
            ("Director, Zorvin Office of Trade", true),
            ("Head of the vorta council", true),
            ("President of Zorvin Corp.", true),
            ("Co-Chair", false),
            ("Partner at ZorvinBank", true),
            ("Chairman", false),
            ("Teamster", false),
        ];
        for (text, want) in cases {
            assert_eq!(has_cue_word(text), *want, "text {text:?}");
        }
    }

    #[test]
    fn title_words() {
        // (long, short, same or ends with it, ends with it after a space)
        let cases: &[(&str, &str, bool, bool)] = &[
            ("Vorta District Attorney", "district attorney", true, true),
            ("District Attorney", "DISTRICT ATTORNEY", true, false),
            ("Vorta DistrictAttorney", "Attorney", false, false),
            ("Attorney", "Vorta Attorney", false, false),
            ("Ministre d'\u{c9}tat", "d'\u{e9}tat", true, true),
            ("\u{c9}TAT", "\u{e9}tat", true, false),
        ];
        for (long, short, same, ends) in cases {
            assert_eq!(
                same_or_ends_with_word(long, short),
                *same,
                "{long:?} {short:?}"
            );
            assert_eq!(ends_with_word(long, short), *ends, "{long:?} {short:?}");
        }
    }
}
