//! Media contacts: `Media contact: Jane Doe, +1 555 0100, jane@acme.com`.
//!
//! A contact section opens at a cue (`Media contact:`, `For more
//! information, please contact`, `Press office`, ...) and runs over the
//! short lines after it until a stop line (`About ...`, `Forward-Looking`,
//! a long prose line). A short line holding both an email and a phone is a
//! section of its own, and so is a prose sentence that asks the reader to
//! contact or call someone at an address or number. Inside a section the
//! text is cut into pieces (line breaks, runs of spaces, `|`, and the
//! seams of scraped text whose line breaks were lost: `DoePublic`,
//! `Doe7603521889`); each personal name starts a contact and the emails and
//! phones after it belong to it.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use regex::Regex;

use crate::record::Contact;
use crate::segment::{self, Doc};
use crate::text::lowercase_end;
use crate::wordhash::{Fnv, word_list};

/// A set of listed words, with the cheap hash: looked up per token.
type Words<T> = HashSet<T, BuildHasherDefault<Fnv>>;

/// The contacts and where the contact section lies.
#[derive(Debug, Default)]
pub(crate) struct Contacts {
    /// Each contact found.
    pub(crate) contacts: Vec<Contact>,
    /// Clean ranges of the contact blocks (excluded from paragraphs).
    pub(crate) blocks: Vec<Range<usize>>,
}

/// A line longer than this is prose, not part of a contact block.
const MAX_CONTACT_LINE: usize = 220;
/// A longer sentence is not read for a contact.
const MAX_SENTENCE: usize = 600;
/// At most this many sections and contacts are read from one release.
const MAX_SECTIONS: usize = 100;

/// A section looks at most this many non-blank lines after its cue.
const MAX_SECTION_LINES: usize = 12;

fn matcher(words: &[&str]) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        // Anchored searches ask only whether a text starts with a word.
        .start_kind(StartKind::Both)
        .build(words)
        .expect("valid word list")
}

static CUES: LazyLock<AhoCorasick> =
    LazyLock::new(|| matcher(&word_list(include_str!("../data/contact_cues.txt"))));
/// [`CUES`] lower-cased (sorted, no repeats).
fn lower_cues() -> Vec<String> {
    let mut words: Vec<String> = word_list(include_str!("../data/contact_cues.txt"))
        .into_iter()
        .map(str::to_ascii_lowercase)
        .collect();
    words.sort();
    words.dedup();
    words
}

/// The longest word before `contact` in a led cue (see [`LOWER_CUES`]).
const LED_MAX: usize = 3;

/// [`CUES`] lower-cased, searched case-sensitively in the lower-cased
/// text: the same matches (ASCII lower-casing keeps offsets), found once per
/// release and faster, as a case-sensitive automaton can use its SIMD
/// prefilter. The automaton leaves out the led cues, a short word and then
/// the cue `contact` (`ir contact`): their first letters are common in
/// prose (`their contact`) and would slow the search down. Each place one
/// is written is at most [`LED_MAX`] bytes before a match of `contact`,
/// so [`cue_hits`] looks for them only there.
struct LowerCues {
    /// The kept cues that start with no other kept cue (`contact`, not
    /// `contact:`), searched for where a match starts: each kept cue
    /// starts with one of them, so the leftmost place one of these is
    /// written is where the leftmost match of a kept cue starts. Fewer
    /// words make the SIMD search cheaper (at most 32 take its fastest
    /// form).
    heads: AhoCorasick,
    /// All the kept cues, asked only for the longest one at a start.
    kept: AhoCorasick,
    /// The led cues.
    led: Vec<String>,
}

static LOWER_CUES: LazyLock<LowerCues> = LazyLock::new(|| {
    let words = lower_cues();
    let contact = words.iter().any(|w| w == "contact");
    let (led, kept): (Vec<String>, Vec<String>) = words.into_iter().partition(|w| {
        contact
            && w.strip_suffix("contact")
                .is_some_and(|p| !p.is_empty() && p.len() <= LED_MAX && p.ends_with(' '))
    });
    let heads = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(cue_heads(&kept))
        .expect("valid word list");
    let kept = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Anchored)
        .build(&kept)
        .expect("valid word list");
    LowerCues { heads, kept, led }
});

/// The words of `words` that start with no other of them.
fn cue_heads(words: &[String]) -> Vec<&str> {
    words
        .iter()
        .filter(|w| !words.iter().any(|v| v != *w && w.starts_with(v.as_str())))
        .map(String::as_str)
        .collect()
}

/// Where the cue phrases are written in `lower` (the lower-cased text):
/// the leftmost-longest matches of all of them, one after another.
fn cue_hits(lower: &str) -> Vec<Range<usize>> {
    let LowerCues { heads, kept, led } = &*LOWER_CUES;
    let b = lower.as_bytes();
    let mut hits = Vec::new();
    let mut at = 0;
    while let Some(h) = heads.find(Input::new(lower).span(at..lower.len())) {
        // The longest kept cue where the leftmost head starts (the head
        // is one, so there is one).
        let anchored = Input::new(lower)
            .span(h.start()..lower.len())
            .anchored(Anchored::Yes);
        let m = kept.find(anchored).map_or(h.range(), |m| m.range());
        let mut hit = m.clone();
        // A led cue starting before the match is the leftmost; one
        // starting with it wins if it is longer.
        for q in m.start.saturating_sub(LED_MAX).max(at)..=m.start {
            let longest = led
                .iter()
                .filter(|w| b[q..].starts_with(w.as_bytes()))
                .map(String::len)
                .max();
            if let Some(n) = longest {
                if q < m.start || n > hit.len() {
                    hit = q..q + n;
                }
                break;
            }
        }
        at = hit.end;
        hits.push(hit);
    }
    hits
}

static NOT_MEDIA: LazyLock<AhoCorasick> =
    LazyLock::new(|| matcher(&word_list(include_str!("../data/contact_not_media.txt"))));
static STOPS: LazyLock<AhoCorasick> =
    LazyLock::new(|| matcher(&word_list(include_str!("../data/contact_stops.txt"))));
static NON_NAME: LazyLock<Listed> = LazyLock::new(|| {
    Listed::new(
        word_list(include_str!("../data/contact_nonname.txt"))
            .into_iter()
            .map(str::to_lowercase),
    )
});
static GLUED_PREFIX: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../data/contact_titles.txt")));
static ORG_SUFFIX: LazyLock<Listed> = LazyLock::new(|| {
    Listed::new(
        word_list(include_str!("../data/contact_org_suffix.txt"))
            .into_iter()
            .map(String::from),
    )
});
static PLACES: LazyLock<AhoCorasick> =
    LazyLock::new(|| matcher(&word_list(include_str!("../data/contact_places.txt"))));
static ROLES: LazyLock<Listed> = LazyLock::new(|| {
    Listed::new(
        word_list(include_str!("../data/contact_roles.txt"))
            .into_iter()
            .map(String::from),
    )
});
static HONORIFICS: LazyLock<Listed> = LazyLock::new(|| {
    Listed::new(
        word_list(include_str!("../data/contact_honorifics.txt"))
            .into_iter()
            .map(String::from),
    )
});

/// A word list looked up per token. Three tests rule most tokens out
/// before any hashing: no listed word is longer than `longest`, each
/// starts with one of the bytes in `first`, and its first two bytes (ASCII
/// letters in either case) are one of the pairs in `pairs`.
struct Listed {
    words: Words<String>,
    longest: usize,
    first: [bool; 256],
    pairs: [u64; 16],
}

/// Which of [`Listed::pairs`]' 1024 bits stands for a word's first two
/// bytes: ASCII letters in either case give the same bit, and so does a
/// word and its ASCII lower-case form. (Other bytes may share a bit: the
/// test only rules words out.)
fn pair_bit(w: &[u8]) -> usize {
    let fold = |b: u8| usize::from(b | 0x20) & 31;
    w.first().map_or(0, |&b| fold(b) << 5) | w.get(1).map_or(0, |&b| fold(b))
}

impl Listed {
    fn new(words: impl Iterator<Item = String>) -> Listed {
        let words: Words<String> = words.collect();
        let mut first = [false; 256];
        let mut pairs = [0u64; 16];
        for w in &words {
            if let Some(&b) = w.as_bytes().first() {
                first[usize::from(b)] = true;
            }
            let bit = pair_bit(w.as_bytes());
            pairs[bit / 64] |= 1 << (bit % 64);
        }
        let longest = words.iter().map(String::len).max().unwrap_or(0);
        Listed {
            words,
            longest,
            first,
            pairs,
        }
    }

    /// Whether a listed word may have the first two bytes of `w`.
    fn pair_listed(&self, w: &str) -> bool {
        let bit = pair_bit(w.as_bytes());
        self.pairs[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Whether `w` is listed, as written.
    fn contains(&self, w: &str) -> bool {
        w.len() <= self.longest
            && w.as_bytes()
                .first()
                .is_some_and(|&b| self.first[usize::from(b)])
            && self.pair_listed(w)
            && self.words.contains(w)
    }

    /// Whether `w` lower-cased is listed (for a list of lower-case words).
    fn contains_lower(&self, w: &str) -> bool {
        // ASCII lower-casing keeps the length and works byte by byte.
        if w.is_ascii()
            && (w.len() > self.longest
                || !w
                    .as_bytes()
                    .first()
                    .is_some_and(|&b| self.first[usize::from(b.to_ascii_lowercase())])
                || !self.pair_listed(w))
        {
            return false;
        }
        crate::wordhash::with_lower(w, |l| self.words.contains(l))
    }
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,}")
        .expect("valid regex")
});
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:https?://|www\.)[A-Za-z0-9.-]+\.[a-z]{2,}(?:/[^\s]*)?|[A-Za-z][A-Za-z0-9-]*\.(?:com|org|net|news|gov|edu|io|ai)(?:/[^\s]*)?")
        .expect("valid regex")
});
static PHONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\+?\(?\d[\d()./ -]{5,}\d").expect("valid regex"));
/// A prose sentence that points at a contact.
static CONTACT_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:contact|call|email|e-mail|reach)\b").expect("valid regex")
});

/// The words of [`CONTACT_VERB`], lower-case.
const VERBS: [&str; 5] = ["contact", "call", "email", "e-mail", "reach"];

/// [`VERBS`], each searched for in the lower-cased text with `memchr`'s
/// SIMD substring search: the fallback for [`VERB_SEARCH`].
static VERB_WORDS: LazyLock<Vec<memchr::memmem::Finder<'static>>> = LazyLock::new(|| {
    VERBS
        .iter()
        .map(|w| memchr::memmem::Finder::new(w.as_bytes()))
        .collect()
});

/// [`VERBS`] searched for all at once in the lower-cased text with the
/// SIMD multi-word search (Teddy), where the processor has it. No two of
/// their places can overlap (no word's end is another's start, and none
/// holds another), so a search that skips past each match finds them all.
static VERB_SEARCH: LazyLock<Option<aho_corasick::packed::Searcher>> = LazyLock::new(|| {
    aho_corasick::packed::Config::new()
        .builder()
        .extend(VERBS)
        .build()
});

/// Finds the media contacts.
pub(crate) fn find(doc: &Doc) -> Contacts {
    let clean = doc.clean();
    let mut sections: Vec<(Range<usize>, bool)> = Vec::new();
    let mut covered_until = 0;
    // Cue phrases hold no line break, so one search of the whole text finds
    // what a search of each line would.
    let lower = doc.lower();
    let hits = cue_hits(lower);
    let mut next_hit = 0;
    let verbs = verb_starts(clean, lower);
    let mut next_verb = 0;
    for (i, line) in doc.lines.iter().enumerate() {
        if sections.len() >= MAX_SECTIONS {
            break;
        }
        while next_hit < hits.len() && hits[next_hit].start < line.start {
            next_hit += 1;
        }
        while next_verb < verbs.len() && verbs[next_verb] < line.start {
            next_verb += 1;
        }
        if line.start < covered_until {
            continue;
        }
        let text = &clean[line.clone()];
        let in_line = hits[next_hit..]
            .iter()
            .take_while(|h| h.end <= line.end)
            .map(|h| h.start - line.start..h.end - line.start);
        let cues = accepted_cues(text, in_line);
        if !cues.is_empty() {
            for (k, at) in cues.iter().enumerate().take(MAX_SECTIONS) {
                let start = line.start + at;
                let next = cues.get(k + 1).map_or(line.end, |n| line.start + n);
                let end = if next < line.end {
                    bounded_end(clean, start, next)
                } else if line.end - start <= MAX_CONTACT_LINE * 2 {
                    extend_section(doc, i + 1, line.end)
                } else {
                    // A cue inside a long line of run-together text: read
                    // on to a stop phrase, and not far.
                    bounded_end(clean, start, line.end)
                };
                sections.push((start..end, true));
                covered_until = end;
            }
        } else if text.len() <= MAX_CONTACT_LINE
            && has_email(text)
            && may_have_phone(text)
            && phones_in(text).next().is_some()
        {
            sections.push((line.clone(), true));
            covered_until = line.end;
        } else if let Some(end) = name_led_block(doc, i) {
            sections.push((line.start..end, true));
            covered_until = end;
        } else if verbs.get(next_verb).is_some_and(|&v| v < line.end)
            && (memchr::memchr(b'@', text.as_bytes()).is_some()
                || may_have_phone(text) && PHONE.is_match(text))
        {
            for s in segment::sentences(clean, line.clone()) {
                let st = &clean[s.clone()];
                if st.len() <= MAX_SENTENCE
                    && CONTACT_VERB.is_match(st)
                    && !NOT_MEDIA.is_match(st)
                    && (EMAIL.is_match(st) || phones_in(st).next().is_some())
                {
                    sections.push((s, false));
                }
            }
        }
    }
    let mut out = Contacts::default();
    for (range, is_block) in sections {
        let found = read_section(doc, range.clone(), is_block);
        if found.is_empty() {
            continue;
        }
        if is_block {
            out.blocks.push(range);
        }
        for c in found {
            if out.contacts.len() >= MAX_SECTIONS {
                break;
            }
            if !out.contacts.iter().any(|o| same_contact(o, &c)) {
                out.contacts.push(c);
            }
        }
    }
    // A desk whose numbers and addresses a named contact also has is that
    // contact, mentioned again. (Decided over the whole list first, then
    // dropped: no copy of the contacts.)
    let keep: Vec<bool> = out
        .contacts
        .iter()
        .map(|c| {
            c.name.is_some()
                || !out.contacts.iter().any(|o| {
                    o.name.is_some()
                        && c.emails.iter().all(|e| o.emails.contains(e))
                        && c.phones.iter().all(|p| o.phones.contains(p))
                })
        })
        .collect();
    let mut keep = keep.into_iter();
    out.contacts.retain(|_| keep.next().unwrap_or(true));
    out
}

/// Where [`CONTACT_VERB`] matches in `clean` (`lower` is its ASCII
/// lower-case form), without running it over the whole text.
fn verb_starts(clean: &str, lower: &str) -> Vec<usize> {
    // Each place one of the verbs' words is written (no character outside
    // ASCII case-folds to their letters) between characters that are not
    // word characters, as `\b` asks. An ASCII neighbour is tested here;
    // for another, the regex is asked about the word and the characters
    // on each side (all its `\b` looks at).
    verb_words(lower)
        .into_iter()
        .filter(|m| {
            let b = clean.as_bytes();
            let before = m.start.checked_sub(1).map(|k| b[k]);
            let after = b.get(m.end).copied();
            if before.is_none_or(|c| c.is_ascii()) && after.is_none_or(|c| c.is_ascii()) {
                let word =
                    |c: Option<u8>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_');
                return !word(before) && !word(after);
            }
            let before = clean[..m.start].chars().next_back();
            let after = clean[m.end..].chars().next();
            let from = m.start - before.map_or(0, char::len_utf8);
            let to = m.end + after.map_or(0, char::len_utf8);
            CONTACT_VERB.is_match(&clean[from..to])
        })
        .map(|m| m.start)
        .collect()
}

/// Where the words of [`VERBS`] are written in `lower`, in text order.
fn verb_words(lower: &str) -> Vec<Range<usize>> {
    if let Some(search) = &*VERB_SEARCH {
        return search
            .find_iter(lower)
            .map(|m| m.start()..m.end())
            .collect();
    }
    verb_words_one_by_one(lower)
}

/// [`verb_words`] one word at a time.
fn verb_words_one_by_one(lower: &str) -> Vec<Range<usize>> {
    let mut words: Vec<Range<usize>> = VERB_WORDS
        .iter()
        .flat_map(|f| {
            let n = f.needle().len();
            f.find_iter(lower.as_bytes()).map(move |k| k..k + n)
        })
        .collect();
    words.sort_unstable_by_key(|r| r.start);
    words
}

/// Whether a contact cue starts a line (see [`accepted_cues`]).
fn cue_at_start(text: &str) -> bool {
    // The leftmost-longest match at 0, when there is one, is the one an
    // unanchored search finds first; later ones start further on.
    anchored(&CUES, text).is_some_and(|m| !accepted_cues(text, std::iter::once(m)).is_empty())
}

/// The match of `words` (built to allow it) at the very start of `text`.
fn anchored(words: &AhoCorasick, text: &str) -> Option<Range<usize>> {
    words
        .find(Input::new(text).anchored(Anchored::Yes))
        .map(|m| m.range())
}

/// Which of the cue phrases matched at `matches` in a line start a
/// contact section there: at the line start or after a sentence end, a
/// run of spaces or a glued seam.
fn accepted_cues(text: &str, matches: impl Iterator<Item = Range<usize>>) -> Vec<usize> {
    let mut found = Vec::new();
    for m in matches {
        let at = m.start;
        let before = &text[..at];
        let prev = before.chars().next_back();
        let matched = &text[m.clone()];
        let rest = text[m.end..].trim();
        // `... Contact:` and a cue that ends its line (`Acme press office`)
        // are headings wherever they stand.
        let colon = matched.ends_with(':') || rest.starts_with(':');
        let heading = colon || rest.is_empty();
        let ok = match prev {
            None => true,
            Some(p) if p.is_whitespace() && heading => true,
            Some(p) if before.trim().is_empty() => p.is_whitespace(),
            Some(p) if p.is_whitespace() => {
                let t = before.trim_end();
                before.len() - t.len() >= 2 || t.ends_with(['.', ':', ';', '!', '?', ')', '"'])
            }
            Some(p) => {
                (p.is_lowercase() || !p.is_alphanumeric())
                    && text[at..].starts_with(char::is_uppercase)
            }
        };
        // `Contact` alone must be a heading or glued to what follows, not a
        // verb in a sentence.
        let bare = matched.eq_ignore_ascii_case("contact");
        if ok && bare {
            let after = &text[m.end..];
            let heading = after.trim().is_empty()
                || after.starts_with(char::is_uppercase)
                || after.starts_with(':');
            if !heading || !matched.starts_with('C') {
                continue;
            }
        }
        if ok {
            found.push(at);
        }
    }
    found
}

/// A line that starts with a name standing alone (`Jane Roe` or `Jane Roe
/// Press Officer jane@...`), with an email or phone on it or on the short
/// lines right after it: where that block ends.
fn name_led_block(doc: &Doc, i: usize) -> Option<usize> {
    let clean = doc.clean();
    let line = doc.lines[i].clone();
    let text = &clean[line.clone()];
    // A line that starts with an ASCII byte that is neither a capital nor
    // white space (a wrapped line's lowercase word) is ruled out at once.
    if text
        .as_bytes()
        .first()
        .is_some_and(|&c| c.is_ascii_graphic() && !c.is_ascii_uppercase())
    {
        return None;
    }
    let lead = text.len() - text.trim_start().len();
    let rest = &text[lead..];
    if !rest.starts_with(char::is_uppercase) {
        return None;
    }
    // The name must be the whole first piece: capitalised words with one
    // space between them, so the word after the first space is
    // capitalised too. Most lines of prose fail this cheap test.
    let second = memchr::memchr(b' ', rest.as_bytes()).map_or("", |k| &rest[k + 1..]);
    if !second.starts_with(char::is_uppercase) || first_piece_is_no_name(rest) {
        return None;
    }
    // Where the block ends, if an email or phone is in reach; checked
    // before the name, as most lines have neither (an email has an `@`, a
    // phone digits).
    // (An email has an `@`, a phone a digit: `has_email` and
    // `may_have_phone` look for those first.)
    let reach = |t: &str| has_email(t) || may_have_phone(t) && phones_in(t).next().is_some();
    let head = &text[..floor_boundary(text, MAX_CONTACT_LINE)];
    let end = if reach(head) {
        Some(line.end.min(line.start + head.len()))
    } else {
        let mut end = None;
        for l in doc.lines.iter().skip(i + 1).take(5) {
            let t = clean[l.clone()].trim();
            if t.is_empty() || t.len() > 80 {
                break;
            }
            if reach(t) {
                end = Some(l.end);
            }
        }
        end
    }?;
    lone_name_first(text).then_some(end)
}

/// Whether the first piece of a line is one name and nothing else.
fn lone_name_first(text: &str) -> bool {
    let lead = text.len() - text.trim_start().len();
    // Only the first piece matters, and it is short.
    let Some(first) = first_pieces(&text[..floor_boundary(text, lead + 64)], 1).next() else {
        return false;
    };
    if first.start != lead || first.len() > 40 {
        return false;
    }
    let names = names_in(&text[first.clone()]);
    names.len() == 1 && names[0].0 == (0..first.len())
}

/// Whether the first piece of a line that opens with `rest` (after its
/// leading spaces) is surely not one name and nothing else (see
/// [`lone_name_first`]), told from its first words without cutting pieces:
/// its first word is an honorific or no name word (`PRESS`, `The`), or
/// punctuation follows it (`ACCRA, Ghana`), or plain capitalised words
/// (`[A-Z][a-z]*`, one space after each) run on into a lowercase word, a
/// number or a fifth word. The bytes read hold no place where a piece is
/// cut (no seam, `|` or double space) and lie within the 64 bytes the
/// piece is cut from, and none is a space or a control character that
/// might be trimmed off the piece's end. `false` only says: look.
fn first_piece_is_no_name(rest: &str) -> bool {
    let b = rest.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    // A lowercase letter before a capital may be a seam.
    let seam = b[..letters]
        .windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    if letters == 0 || seam {
        return false;
    }
    // The first token: the letters and perhaps a full stop.
    let end = letters + usize::from(b.get(letters) == Some(&b'.'));
    if end >= 64 {
        return false;
    }
    match b.get(end) {
        Some(b' ') => {
            // A name starting the piece starts with a name word.
            let first = &rest[..end];
            if HONORIFICS.contains(first) || !is_name_token(first) {
                return true;
            }
        }
        // Punctuation is a token of its own, which ends a run of name
        // words after one word (`+` and `(` after a letter cut a piece).
        Some(&c)
            if c.is_ascii_graphic()
                && !c.is_ascii_alphanumeric()
                && !matches!(c, b'\'' | b'-' | b'.' | b'|' | b'+' | b'(') =>
        {
            return true;
        }
        _ => return false,
    }
    let mut k = 0;
    for _ in 0..4 {
        // A plain capitalised word and one space.
        if !b.get(k).is_some_and(u8::is_ascii_uppercase) {
            return false;
        }
        k += 1;
        while b.get(k).is_some_and(u8::is_ascii_lowercase) {
            k += 1;
        }
        if b.get(k) != Some(&b' ') {
            return false;
        }
        k += 1;
        match b.get(k) {
            // (Spaces and control characters may be trimmed off the piece.)
            Some(&c) if k < 64 && c.is_ascii_graphic() && c != b'|' => {
                // A lowercase word, a number or punctuation in the piece.
                if !c.is_ascii_uppercase() {
                    return true;
                }
            }
            _ => return false,
        }
    }
    // A fifth word in the piece: a name is at most four.
    true
}

/// Whether [`PHONE`] may match `t`: a match is a run of seven or more of
/// its bytes (digits, brackets, `.`, `/`, space, `-`) with a digit at each
/// end. Text with non-ASCII characters (`\d` is Unicode-aware) is left to
/// the regex.
fn may_have_phone(t: &str) -> bool {
    // Counted branch-free first (this vectorises): most text has fewer
    // than two digits and no other bytes (`high`).
    let (mut digits, mut high) = (0usize, 0u8);
    for chunk in t.as_bytes().chunks(255) {
        let (d, h) = chunk.iter().fold((0u8, 0u8), |(d, h), &b| {
            (d + u8::from(b.is_ascii_digit()), h | (b & 0x80))
        });
        digits += usize::from(d);
        high |= h;
    }
    if digits < 2 && high == 0 {
        return false;
    }
    let mut run = 0;
    let mut digits = 0;
    for &b in t.as_bytes() {
        if b.is_ascii_digit() {
            run += 1;
            digits += 1;
        } else if matches!(b, b'(' | b')' | b'.' | b'/' | b' ' | b'-') {
            run += 1;
        } else if b.is_ascii() {
            run = 0;
            digits = 0;
            continue;
        } else {
            return true;
        }
        if run >= 7 && digits >= 2 {
            return true;
        }
    }
    false
}

/// Whether `t` holds an email address; most text has no `@` to look at.
fn has_email(t: &str) -> bool {
    memchr::memchr(b'@', t.as_bytes()).is_some() && EMAIL.is_match(t)
}

/// Extends a section over the short lines after it, up to a stop line.
fn extend_section(doc: &Doc, from: usize, mut end: usize) -> usize {
    let clean = doc.clean();
    let mut seen = 0;
    for line in doc.lines.iter().skip(from) {
        let text = clean[line.clone()].trim();
        if text.is_empty() {
            continue;
        }
        seen += 1;
        if seen > MAX_SECTION_LINES
            || text.len() > MAX_CONTACT_LINE
            || is_stop(text)
            || is_prose(text)
        {
            break;
        }
        if cue_at_start(text) {
            break;
        }
        end = line.end;
    }
    end
}

/// The largest char boundary of `s` at or before `at`.
fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The end of a section that starts mid-line at `start` in a long line.
fn bounded_end(clean: &str, start: usize, line_end: usize) -> usize {
    let mut end = (start + MAX_CONTACT_LINE * 2).min(line_end);
    while !clean.is_char_boundary(end) {
        end -= 1;
    }
    let text = &clean[start..end];
    let stop = STOPS
        .find_iter(text)
        .find(|m| m.start() > 0 && text[..m.start()].ends_with(char::is_whitespace));
    match stop {
        Some(m) => start + m.start(),
        None => end,
    }
}

/// A line of running text: six words or more, most of them lowercase.
fn is_prose(text: &str) -> bool {
    let (words, lower) = word_counts(text);
    // The email and phone searches last: most lines fail the count.
    words >= 6
        && lower * 2 >= words
        && !(has_email(text) || may_have_phone(text) && phones_in(text).next().is_some())
}

/// How many words (split at white space) `text` has, and how many of them
/// start with a lowercase letter.
fn word_counts(text: &str) -> (usize, usize) {
    if text.is_ascii() {
        // Byte by byte without branches: a word starts at a byte that is
        // not white space after one that is (or at the start).
        let (mut words, mut lower, mut after_space) = (0, 0, true);
        for &c in text.as_bytes() {
            let space = matches!(c, b' ' | b'\t'..=b'\r');
            let start = after_space & !space;
            words += usize::from(start);
            lower += usize::from(start & c.is_ascii_lowercase());
            after_space = space;
        }
        return (words, lower);
    }
    let mut words = 0;
    let mut lower = 0;
    for w in text.split_whitespace() {
        words += 1;
        if w.starts_with(char::is_lowercase) {
            lower += 1;
        }
    }
    (words, lower)
}

/// Whether a stop phrase starts `text`.
fn is_stop(text: &str) -> bool {
    anchored(&STOPS, text).is_some()
}

/// An entity found in a section, in text order.
enum Item {
    Name(String, Vec<String>, Range<usize>),
    Email(String),
    Phone(String),
}

fn read_section(doc: &Doc, range: Range<usize>, is_block: bool) -> Vec<Contact> {
    let clean = doc.clean();
    let text = &clean[range.clone()];
    let mut items: Vec<(Range<usize>, Item)> = Vec::new();
    let mut taken: Vec<Range<usize>> = Vec::new();
    for m in EMAIL.find_iter(text) {
        let r = fix_email(text, m.range());
        items.push((r.clone(), Item::Email(text[r.clone()].to_string())));
        taken.push(r);
    }
    for m in URL.find_iter(text) {
        if !taken
            .iter()
            .any(|t| t.start <= m.start() && m.start() < t.end)
        {
            taken.push(m.range());
        }
    }
    for r in phones_in(text) {
        if taken.iter().any(|t| t.start < r.end && r.start < t.end) {
            continue;
        }
        items.push((r.clone(), Item::Phone(text[r].to_string())));
    }
    // Only a contact with an email or a phone is kept, and names bring
    // neither: with none here, the names need not be read.
    if items.is_empty() {
        return Vec::new();
    }
    // The pieces are cut once: the names and the role after each name are
    // read from them.
    let cut: Vec<Range<usize>> = pieces(text).collect();
    let ascii = text.is_ascii();
    for (r, name, honorifics) in names_in_pieces(text, cut.iter().cloned()) {
        if taken.iter().any(|t| t.start < r.end && r.start < t.end) {
            continue;
        }
        // In prose, only the name right after `contact` or `call`.
        if !is_block && !after_contact_verb(&text[..r.start]) {
            continue;
        }
        items.push((r.clone(), Item::Name(name, honorifics, r)));
    }
    items.sort_by_key(|(at, _)| at.start);
    let names = items
        .iter()
        .filter(|(_, i)| matches!(i, Item::Name(..)))
        .count();
    // While contacts are read, their spans hold section-relative clean
    // offsets; they are mapped to the input at the end.
    let mut contacts: Vec<Contact> = Vec::new();
    let mut pending: Option<Contact> = None;
    for (at, item) in items {
        let span = crate::Span::new(at.start, at.end);
        match item {
            Item::Name(..)
                if pending.as_ref().is_some_and(|p| {
                    p.name.is_some() && p.emails.is_empty() && p.phones.is_empty()
                }) =>
            {
                // A name line, then an organisation or title line that
                // looks like a name.
            }
            Item::Name(name, honorifics, r) => {
                // With a single name, what came before (a desk line) is
                // its contact too.
                let mut c = match pending.take() {
                    Some(p) if names == 1 && p.name.is_none() => p,
                    Some(p) => {
                        contacts.push(p);
                        empty_contact(span)
                    }
                    None => empty_contact(span),
                };
                c.span.end = c.span.end.max(at.end);
                c.name = Some(name);
                c.honorifics = honorifics;
                let (title, organisation) = role_and_org(text, r.end, &cut, ascii);
                c.title = title;
                c.organisation = c.organisation.take().or(organisation);
                pending = Some(c);
            }
            Item::Email(e) => {
                let c = pending.get_or_insert_with(|| empty_contact(span));
                c.span.end = c.span.end.max(at.end);
                if !c.emails.contains(&e) {
                    c.emails.push(e);
                }
            }
            Item::Phone(p) => {
                let c = pending.get_or_insert_with(|| empty_contact(span));
                c.span.end = c.span.end.max(at.end);
                if !c.phones.contains(&p) {
                    c.phones.push(p);
                }
            }
        }
    }
    contacts.extend(pending);
    for c in &mut contacts {
        c.span = doc
            .text
            .span(range.start + c.span.start..range.start + c.span.end.max(c.span.start));
    }
    // A name with no way to reach it is only a contact in a cued block.
    contacts.retain(|c| c.name.is_some() || !c.emails.is_empty() || !c.phones.is_empty());
    let reachable = contacts
        .iter()
        .any(|c| !c.emails.is_empty() || !c.phones.is_empty());
    if !reachable {
        contacts.clear();
    }
    contacts
}

/// The role and organisation written right after a name (`, Press
/// Officer, Acme Widgets`, or on the next lines), if any.
///
/// `cut` holds the [`pieces`] of `text`, which is ASCII if `ascii`.
fn role_and_org(
    text: &str,
    after: usize,
    cut: &[Range<usize>],
    ascii: bool,
) -> (Option<String>, Option<String>) {
    let mut title = None;
    let mut org = None;
    let tail = &text[after..floor_boundary(text, after + 300)];
    // One word buffer serves every part.
    let mut words: Vec<&str> = Vec::new();
    // Read up to the first number or address: what follows belongs to
    // the next contact or to an address block.
    for piece in tail_pieces(text, cut, after, ascii) {
        for part in tail[piece].split([',', '|', '(', ')']) {
            let part = part.trim().trim_start_matches(':').trim();
            if has_digit_or_at(part) {
                return (title, org);
            }
            if part.len() < 2 || part.len() > 80 {
                continue;
            }
            words.clear();
            words.extend(part.split_whitespace());
            // `Acme Association Email Us Here`: labels after the name.
            while words.len() > 1
                && words
                    .last()
                    .is_some_and(|w| NON_NAME.contains_lower(w) && !ORG_SUFFIX.contains(w))
            {
                words.pop();
            }
            let role = words
                .iter()
                .any(|w| ROLES.contains(w.trim_end_matches('.')));
            let is_org = words
                .iter()
                .any(|w| ORG_SUFFIX.contains(w) || ORG_SUFFIX.contains(w.trim_end_matches('.')));
            // The words joined only when they are kept.
            if role && title.is_none() {
                title = Some(words.join(" "));
            } else if is_org && org.is_none() && !role {
                org = Some(words.join(" "));
            }
        }
    }
    (title, org)
}

/// The first three [`pieces`] of the 300 bytes of `text` from `after`
/// (`text[after..]` cut anew), in the tail's offsets, taken from `cut`,
/// the pieces of `text` (`ascii` says whether `text` is ASCII).
///
/// The cutter's state is only the piece's start and the current word:
/// after a byte that is no letter and no `.`, a cut of the tail and a cut
/// of the whole text decide alike at every byte, and the tail's pieces are
/// those of the text from `after` on, clipped to the tail and trimmed.
/// Otherwise (`after` in a word) the tail is cut anew.
fn tail_pieces(
    text: &str,
    cut: &[Range<usize>],
    after: usize,
    ascii: bool,
) -> impl Iterator<Item = Range<usize>> {
    let end = floor_boundary(text, after + 300);
    let fresh = !ascii
        || text
            .as_bytes()
            .get(after)
            .is_some_and(|&c| c.is_ascii_alphabetic() || c == b'.');
    let anew = fresh.then(|| first_pieces(&text[after..end], 3));
    let from_cut = (!fresh).then(|| {
        let first = cut.partition_point(|p| p.end <= after);
        cut[first..]
            .iter()
            .take_while(move |p| p.start < end)
            .filter_map(move |p| {
                let r = p.start.max(after)..p.end.min(end);
                let r = segment::trim_range(text, r.start..r.end.max(r.start));
                (!r.is_empty()).then(|| r.start - after..r.end - after)
            })
            .take(3)
    });
    anew.into_iter()
        .flatten()
        .chain(from_cut.into_iter().flatten())
}

/// Whether `head` ends with `contact`/`call` (and perhaps an honorific).
fn after_contact_verb(head: &str) -> bool {
    let mut words = head.split_whitespace().rev();
    let mut word = words.next().unwrap_or("");
    if HONORIFICS.contains(word) {
        word = words.next().unwrap_or("");
    }
    let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    CONTACT_VERB.is_match(word) && word.len() <= 7
}

fn empty_contact(span: crate::Span) -> Contact {
    Contact {
        name: None,
        honorifics: Vec::new(),
        title: None,
        organisation: None,
        location: None,
        emails: Vec::new(),
        phones: Vec::new(),
        urls: Vec::new(),
        span,
    }
}

/// Whether `b` repeats `a` (a contact block printed twice).
fn same_contact(a: &Contact, b: &Contact) -> bool {
    let same_name = a.name.is_some() && a.name == b.name;
    let shared = b.emails.iter().any(|e| a.emails.contains(e))
        || b.phones.iter().any(|p| a.phones.contains(p));
    (same_name && (shared || (b.emails.is_empty() && b.phones.is_empty())))
        || (a.name.is_none() && b.name.is_none() && a.emails == b.emails && a.phones == b.phones)
}

/// Trims what a lost line break glued onto the front of an email: a
/// phone's digits (`7603521889jane@`), a legal form (`Inc.jane@`), a role
/// or an organisation word that the domain repeats (`Consultingjane@
/// consulting.com`).
fn fix_email(text: &str, r: Range<usize>) -> Range<usize> {
    let e = &text[r.clone()];
    let Some(at) = e.find('@') else {
        return r;
    };
    let local = &e[..at];
    // A phone number glued on: cut after the last digit once seven
    // digits have been seen, when letters follow.
    let mut seen = 0;
    let mut cut = None;
    for (k, c) in local.char_indices() {
        if c.is_ascii_digit() {
            seen += 1;
            if seen >= 7 && local[k + 1..].starts_with(|n: char| n.is_ascii_alphabetic()) {
                cut = Some(k + 1);
            }
        }
    }
    if let Some(k) = cut {
        return fix_email(text, r.start + k..r.end);
    }
    for p in GLUED_PREFIX.iter() {
        if local.len() > p.len() && local.starts_with(p) {
            let rest = &local[p.len()..];
            if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
                return r.start + p.len()..r.end;
            }
        }
    }
    // `Consultingjane@sprigconsulting.com`: a capitalised word that the
    // domain repeats, then a lowercase local part.
    let b = local.as_bytes();
    if b.first().is_some_and(u8::is_ascii_uppercase) && b[1..].iter().all(u8::is_ascii_lowercase) {
        // Each head of the local part lower-cased is a head of this.
        let (domain, local) = (e[at + 1..].to_ascii_lowercase(), local.to_ascii_lowercase());
        for k in (4..local.len().saturating_sub(1)).rev() {
            if domain.contains(&local[..k]) {
                return r.start + k..r.end;
            }
        }
    }
    r
}

/// The phone numbers in `text`, as ranges.
fn phones_in(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    PHONE
        .find_iter(text)
        .flat_map(move |m| split_phones(text, m.range()))
}

/// Cuts a run of digits and separators into phone numbers: a new number
/// starts after ten digits, or at a `+`/`(` after seven.
fn split_phones(text: &str, r: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = r.start;
    let mut digits = 0;
    let s = &text[r.clone()];
    let mut pos = r.start;
    for tok in s.split(' ') {
        let tok_start = pos;
        pos += tok.len() + 1;
        if tok.is_empty() {
            // A run of spaces separates numbers.
            if let Some(st) = start.take() {
                push_phone(text, st..end, digits, &mut out);
            }
            digits = 0;
            continue;
        }
        let d = tok.bytes().filter(u8::is_ascii_digit).count();
        // A token that is a whole number by itself also starts a new one.
        let fresh = tok.starts_with(['+', '(']) || d >= 7;
        // With a country code (`+880 1711 555 204`) a number runs longer.
        let international = start.is_some_and(|st| text[st..].starts_with('+'));
        let full = if international { 13 } else { 10 };
        if start.is_some() && (digits >= full || (fresh && digits >= 7)) {
            if let Some(st) = start.take() {
                push_phone(text, st..end, digits, &mut out);
            }
            digits = 0;
        }
        if start.is_none() {
            start = Some(tok_start);
        }
        digits += d;
        end = tok_start + tok.len();
    }
    if let Some(st) = start {
        push_phone(text, st..end, digits, &mut out);
    }
    out
}

fn push_phone(text: &str, r: Range<usize>, digits: usize, out: &mut Vec<Range<usize>>) {
    let r = segment::trim_range(text, r);
    let mut r = r;
    while r.end > r.start && text[..r.end].ends_with(['(', '.', '-', '/']) {
        r.end -= 1;
    }
    let s = &text[r.clone()];
    if !(7..=15).contains(&digits) {
        return;
    }
    // `75207-4399` is a postcode, `2024-2025` a span of years.
    let b = s.as_bytes();
    let zip = b.len() == 10 && b[5] == b'-' && !s.contains(' ');
    let years = b.len() == 9 && b[4] == b'-';
    // `2024-06-05` is a date, `10.00-18.00` office hours.
    let date = b.len() == 10 && b[4] == b'-' && b[7] == b'-';
    let hours = s.matches(['.', ':']).count() == 2 && s.contains('-') && digits == 8;
    if date || hours {
        return;
    }
    if zip || years {
        return;
    }
    // `USA1 (242-8721)`: a digit glued to a word is not where a number
    // starts.
    let glued = text[..r.start].ends_with(|c: char| c.is_alphabetic());
    let first_digits = s
        .split(' ')
        .next()
        .map_or(0, |t| t.bytes().filter(u8::is_ascii_digit).count());
    // A `+` starts a number wherever it stands (`...example.com+1 617`).
    if glued && first_digits < 3 && !s.starts_with('+') {
        return;
    }
    out.push(r);
}

/// Personal names in a section: in each piece (cut at line breaks,
/// space runs, `|` and glued seams), the first run of two to four
/// capitalised words that is not an address, a place, a possessive, an
/// organisation's leading words or half of a camel-case word.
fn names_in(text: &str) -> Vec<(Range<usize>, String, Vec<String>)> {
    names_in_pieces(text, pieces(text))
}

/// [`names_in`], given the [`pieces`] of `text`.
fn names_in_pieces(
    text: &str,
    pieces: impl Iterator<Item = Range<usize>>,
) -> Vec<(Range<usize>, String, Vec<String>)> {
    let mut out = Vec::new();
    // One token buffer serves every piece.
    let mut tokens = Vec::with_capacity(64);
    for piece in pieces {
        let p = &text[piece.clone()];
        // A name is two capitalised words or more: a piece with fewer than
        // two capitals (a number, an address) holds none. (A byte outside
        // ASCII may be part of a capital.)
        if p.bytes()
            .filter(|&c| c.is_ascii_uppercase() || c >= 0x80)
            .count()
            < 2
        {
            continue;
        }
        tokenize(p, &mut tokens);
        let mut i = 0;
        while i < tokens.len() {
            let mut honorifics = Vec::new();
            let mut j = i;
            while j < tokens.len() && HONORIFICS.contains(&p[tokens[j].clone()]) {
                honorifics.push(p[tokens[j].clone()].to_string());
                j += 1;
            }
            let first = j;
            while j < tokens.len() && j - first < 4 && is_name_token(&p[tokens[j].clone()]) {
                j += 1;
            }
            let mut count = j - first;
            // `Jane Roe M: 0412 ...`: a label letter is not an initial.
            while count > 2
                && p[tokens[first + count - 1].clone()]
                    .trim_end_matches('.')
                    .len()
                    <= 1
            {
                count -= 1;
            }
            if count >= 2 && org_follows(text, piece.start + tokens[j - 1].end) {
                // `Jane Roe Acme Widgets Group`: the name is the first two.
                count = if count >= 3 { 2 } else { 0 };
            }
            if count >= 2 && is_person_run(text, &piece, &tokens, first, first + count) {
                let last = first + count - 1;
                let r = piece.start + tokens[first].start..piece.start + tokens[last].end;
                let name = text[r.clone()].trim_end_matches('.').to_string();
                out.push((r, name, honorifics));
                // Later capitalised words in the piece are an organisation
                // or a place, until a number or an address starts the next
                // contact.
                j = first + count;
                while j < tokens.len() && !has_digit_or_at(&p[tokens[j].clone()]) {
                    j += 1;
                }
            }
            i = j.max(i + 1);
        }
    }
    out
}

/// Word tokens of a piece, put in `tokens` (emptied first); punctuation
/// other than a space is an empty token that breaks a run.
fn tokenize(p: &str, tokens: &mut Vec<Range<usize>>) {
    tokens.clear();
    if p.is_ascii() {
        tokenize_ascii(p.as_bytes(), tokens);
    } else {
        tokenize_chars(p, tokens);
    }
}

/// [`tokenize`] char by char, for any text.
fn tokenize_chars(p: &str, tokens: &mut Vec<Range<usize>>) {
    let mut start = None;
    for (k, c) in p.char_indices().chain(std::iter::once((p.len(), ' '))) {
        let word_char = c.is_alphanumeric() || matches!(c, '\'' | '-' | '.' | '\u{2019}');
        match (word_char, start) {
            (true, None) => start = Some(k),
            (false, Some(s)) => {
                tokens.push(s..k);
                start = None;
                if c != ' ' {
                    tokens.push(k..k);
                }
            }
            (false, None) if c != ' ' => tokens.push(k..k),
            _ => {}
        }
    }
}

/// [`tokenize`] for ASCII text, byte by byte.
fn tokenize_ascii(p: &[u8], tokens: &mut Vec<Range<usize>>) {
    let is_word = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'\'' | b'-' | b'.');
    let mut start = None;
    let mut k = 0;
    while k <= p.len() {
        let c = p.get(k).copied().unwrap_or(b' ');
        let word_char = is_word(c);
        if word_char && start.is_some() {
            // Inside a word: on to its end.
            k += p[k..].iter().take_while(|&&c| is_word(c)).count();
            continue;
        }
        match (word_char, start) {
            (true, None) => start = Some(k),
            (false, Some(s)) => {
                tokens.push(s..k);
                start = None;
                if c != b' ' {
                    tokens.push(k..k);
                }
            }
            (false, None) if c != b' ' => tokens.push(k..k),
            _ => {}
        }
        k += 1;
    }
}

/// Whether `s` holds an ASCII digit or an `@` (tested on bytes: both are
/// ASCII).
fn has_digit_or_at(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit() || b == b'@')
}

/// Whether an organisation word (`Group`, `Office`) follows `at`.
fn org_follows(text: &str, at: usize) -> bool {
    let rest = text[at..].trim_start_matches(' ');
    let word = rest.split([' ', ',', '\n']).next().unwrap_or("");
    ORG_SUFFIX.contains(word) || ORG_SUFFIX.contains(word.trim_end_matches('.'))
}

/// Checks a run of name tokens `first..end` of a piece for the things that
/// look like names but are not.
fn is_person_run(
    text: &str,
    piece: &Range<usize>,
    tokens: &[Range<usize>],
    first: usize,
    end: usize,
) -> bool {
    let p = &text[piece.clone()];
    let mut words = tokens[first..end].iter().map(|t| &p[t.clone()]);
    // A possessive (`Minister Roe's office`) or a lone initial at the end.
    if words
        .clone()
        .any(|w| w.ends_with(['\'', '\u{2019}']) || w.ends_with("'s"))
        || words
            .next_back()
            .is_some_and(|w| w.trim_end_matches('.').len() <= 1)
    {
        return false;
    }
    // An address: `19 Quail Run Circle`.
    if first > 0
        && p[tokens[first - 1].clone()]
            .bytes()
            .any(|b| b.is_ascii_digit())
    {
        return false;
    }
    let run_end = piece.start + tokens[end - 1].end;
    let after = &text[run_end..];
    // An organisation name: `Acme and Sons`, `Office of X`.
    let next = after.trim_start_matches(' ');
    let next_word = next.split([' ', ',', '\n']).next().unwrap_or("");
    if matches!(next_word, "and" | "of" | "&" | "for" | "de") {
        let then = next[next_word.len()..].trim_start();
        if then.starts_with(char::is_uppercase) {
            return false;
        }
    }
    // Half of a camel-case word: `Acme BioPharma`.
    if after.starts_with(char::is_uppercase) {
        let glued = after.split([' ', ',', '\n']).next().unwrap_or("");
        let mut cs = glued.chars();
        cs.next();
        let camel = cs.next().is_some_and(char::is_lowercase);
        let word = glued.trim_end_matches(|c: char| !c.is_alphanumeric());
        // A role glued on (`Jane KoVice President`) is a seam, not a word.
        if camel && !NON_NAME.contains_lower(word) && !ROLES.contains(word) {
            return false;
        }
    }
    // A city: `Port Town, BC`, `Springfield, Ohio`, `Rivertown NSW 2650`.
    let rest = after
        .strip_prefix(", ")
        .or_else(|| after.strip_prefix(' '))
        .unwrap_or("");
    let b = rest.as_bytes();
    let caps = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let tail = rest[caps..].trim_start_matches(' ');
    let code = (2..=3).contains(&caps)
        && (tail.is_empty() || tail.starts_with(|c: char| c.is_ascii_digit() || c == '\n'));
    if code || (after.starts_with(", ") && anchored(&PLACES, rest).is_some()) {
        return false;
    }
    // The tail of an organisation name: `Office of the Hon Jane Roe`.
    let mut k = first;
    while k > 0 && HONORIFICS.contains(&p[tokens[k - 1].clone()]) {
        k -= 1;
    }
    if k > 0 && matches!(&p[tokens[k - 1].clone()], "of" | "the" | "and" | "&") {
        return false;
    }
    true
}

/// A capitalised word that may be part of a personal name.
fn is_name_token(t: &str) -> bool {
    let mut chars = t.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    let rest: &str = chars.as_str();
    // Initials: `A`, `A.`.
    if rest.is_empty() || rest == "." {
        return true;
    }
    // All capitals (`PCG`, `BC`) are acronyms, not names.
    if !rest.chars().any(char::is_lowercase) {
        return false;
    }
    if t.ends_with('.') && !t[..t.len() - 1].contains('.') && t.len() > 3 {
        // `Corp.`, `Inc.`: abbreviations end with a full stop.
        return !is_non_name(&t[..t.len() - 1]);
    }
    !is_non_name(t.trim_end_matches('.')) && !t.bytes().any(|b| b.is_ascii_digit())
}

/// Whether a word, lower-cased, is in [`NON_NAME`]. Short ASCII words are
/// lower-cased on the stack: this runs per token.
fn is_non_name(w: &str) -> bool {
    NON_NAME.contains_lower(w)
}

/// Cuts a section into pieces at line breaks, runs of two spaces, `|`,
/// and the seams where scraped text lost its line breaks: a lowercase
/// letter before a capital (`DoeAcme`), a letter before a digit, `+` or
/// `(` (`Doe(212)`), a digit before a letter, and `.` before a capital
/// after a word of three letters or more (`Inc.Jane`).
fn pieces(text: &str) -> Pieces<'_> {
    first_pieces(text, usize::MAX)
}

/// The first `limit` of [`pieces`]: the cutting stops there. For ASCII
/// text the pieces are cut as they are asked for, so a reader that stops
/// early does not cut the rest.
fn first_pieces(text: &str, limit: usize) -> Pieces<'_> {
    if text.is_ascii() {
        return Pieces::Ascii(AsciiPieces::new(text).take(limit));
    }
    Pieces::Chars(pieces_chars(text, limit).into_iter())
}

/// The pieces of a text (see [`pieces`]).
enum Pieces<'a> {
    Ascii(std::iter::Take<AsciiPieces<'a>>),
    Chars(std::vec::IntoIter<Range<usize>>),
}

impl Iterator for Pieces<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        match self {
            Pieces::Ascii(p) => p.next(),
            Pieces::Chars(p) => p.next(),
        }
    }
}

/// Adds a piece, trimmed, unless it is empty; says whether `limit` pieces
/// are there.
fn keep_piece(out: &mut Vec<Range<usize>>, text: &str, r: Range<usize>, limit: usize) -> bool {
    let r = segment::trim_range(text, r);
    if !r.is_empty() {
        out.push(r);
    }
    out.len() >= limit
}

/// [`first_pieces`] char by char, for any text.
fn pieces_chars(text: &str, limit: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    let mut word_len = 0;
    let mut word_start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((k, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        // `McAllister`, `MacLeod`: a name prefix, not a seam.
        let name_prefix = matches!(&text[word_start..k], "Mc" | "Mac");
        let cut_before = match prev {
            Some(p) => {
                (p.is_lowercase() && c.is_uppercase() && !name_prefix)
                    || (p.is_alphabetic() && (c.is_ascii_digit() || c == '+' || c == '('))
                    || (p.is_ascii_digit() && c.is_alphabetic())
                    || (p == '.' && c.is_uppercase() && word_len >= 4)
            }
            None => false,
        };
        let hard = c == '\n' || c == '|' || (c == ' ' && next == Some(' '));
        if cut_before || hard {
            if k > start && keep_piece(&mut out, text, start..k, limit) {
                return out;
            }
            start = if hard { k + c.len_utf8() } else { k };
        }
        if c.is_alphabetic() || c == '.' {
            if word_len == 0 {
                word_start = k;
            }
            word_len += 1;
        } else {
            word_len = 0;
            word_start = k + c.len_utf8();
        }
        prev = Some(c);
    }
    if text.len() > start {
        keep_piece(&mut out, text, start..text.len(), limit);
    }
    out
}

/// [`pieces`] for ASCII text, byte by byte: the same cuts, made as the
/// pieces are asked for.
struct AsciiPieces<'a> {
    text: &'a str,
    /// Where the current piece starts.
    start: usize,
    /// The length of the word being read, and where it starts.
    word_len: usize,
    word_start: usize,
    /// The next byte to read.
    k: usize,
}

impl AsciiPieces<'_> {
    fn new(text: &str) -> AsciiPieces<'_> {
        AsciiPieces {
            text,
            start: 0,
            word_len: 0,
            word_start: 0,
            k: 0,
        }
    }
}

impl Iterator for AsciiPieces<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let text = self.text;
        let b = text.as_bytes();
        let AsciiPieces {
            mut start,
            mut word_len,
            mut word_start,
            mut k,
            ..
        } = *self;
        while k < b.len() {
            let c = b[k];
            // Lower-case letters after a letter make no cut and only
            // lengthen the word: the run of them is passed over at once.
            if c.is_ascii_lowercase() && k > 0 && b[k - 1].is_ascii_alphabetic() {
                let run = lowercase_end(b, k) - k;
                word_len += run;
                k += run;
                continue;
            }
            // The other common bytes that make no cut, taken without the
            // tests below: a single space, which ends a word; a capital
            // after a space, which starts one; a digit after a non-letter.
            let prev = k.checked_sub(1).map(|p| b[p]);
            if c == b' ' && b.get(k + 1) != Some(&b' ') {
                word_len = 0;
                word_start = k + 1;
                k += 1;
                continue;
            }
            if c.is_ascii_uppercase() && prev.is_none_or(|p| p == b' ') {
                if word_len == 0 {
                    word_start = k;
                }
                word_len += 1;
                k += 1;
                continue;
            }
            if c.is_ascii_digit() && !prev.is_some_and(|p| p.is_ascii_alphabetic()) {
                word_len = 0;
                word_start = k + 1;
                k += 1;
                continue;
            }
            let cut_before = k > 0 && {
                let p = b[k - 1];
                (p.is_ascii_lowercase()
                    && c.is_ascii_uppercase()
                    // `McAllister`, `MacLeod`: a name prefix, not a seam.
                    && !matches!(&b[word_start..k], b"Mc" | b"Mac"))
                    || (p.is_ascii_alphabetic() && (c.is_ascii_digit() || c == b'+' || c == b'('))
                    || (p.is_ascii_digit() && c.is_ascii_alphabetic())
                    || (p == b'.' && c.is_ascii_uppercase() && word_len >= 4)
            };
            let hard = c == b'\n' || c == b'|' || (c == b' ' && b.get(k + 1) == Some(&b' '));
            // The piece that ends here, given once this byte is read.
            let mut piece = None;
            if cut_before || hard {
                if k > start {
                    piece = Some(segment::trim_range(text, start..k));
                }
                start = if hard { k + 1 } else { k };
            }
            if c.is_ascii_alphabetic() || c == b'.' {
                if word_len == 0 {
                    word_start = k;
                }
                word_len += 1;
            } else {
                word_len = 0;
                word_start = k + 1;
            }
            k += 1;
            if let Some(r) = piece.filter(|r| !r.is_empty()) {
                *self = AsciiPieces {
                    text,
                    start,
                    word_len,
                    word_start,
                    k,
                };
                return Some(r);
            }
        }
        self.k = k;
        // The last piece, once.
        let last = (text.len() > start).then(|| segment::trim_range(text, start..text.len()));
        self.start = text.len();
        last.filter(|r| !r.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_paths_cut_as_the_char_paths_do() {
        let cases: &[&str] = &[
            "",
            "Jane Roe, Press Officer",
            "Jane RoeAcme Widgets  +1 555 0100|jane@acme.test",
            "Ian McAllister and Rob MacLeod",
            "Acme Inc.Jane Roe (212)555-0100",
            "Doe7603521889 Public Affairs",
            "O'Neil-Smith Jr. 2nd floor\nNext line",
            "lower words then aCapital, roe7603 and 99bottles|pipe  two spaces",
            "Dr.Jane deVries (ext.12) MacDonald-lee x.y.z end",
            " Tel 555 0100  Fax 555 0101 | Mob 7 A B. C.D Roe",
            "5 Jane 12 (34)+5 A.B. x9Y 9x MacRoe Mc2 a.Bcde.Fgh",
        ];
        for text in cases {
            let all: Vec<_> = AsciiPieces::new(text).collect();
            assert_eq!(all, pieces_chars(text, usize::MAX), "{text:?}");
            assert_eq!(pieces(text).collect::<Vec<_>>(), all, "{text:?}");
            for limit in 1..4 {
                let want = &all[..all.len().min(limit)];
                let got: Vec<_> = first_pieces(text, limit).collect();
                assert_eq!(got, want, "{text:?} {limit}");
                assert_eq!(pieces_chars(text, limit), want, "{text:?} {limit}");
            }
            // `tokenize` empties its buffer first.
            let (mut by_byte, mut by_char) = (Vec::new(), Vec::new());
            by_byte.push(0..0);
            tokenize(text, &mut by_byte);
            tokenize_chars(text, &mut by_char);
            assert_eq!(by_byte, by_char, "{text:?}");
        }
    }

    #[test]
    fn no_name_lines_are_told_as_the_pieces_tell_them() {
        let cases: &[&str] = &[
            "Jane Roe",
            "Jane Roe said the plan works",
            "The Company said",
            "PRESS RELEASE",
            "Mr. Jo Ann Lee",
            "Dr Jo Lee, Director",
            "ACCRA, Ghana, 5 May",
            "Jane, Roe",
            "Jane Ann Lee Roe Kim",
            "Jane Ann Lee Roe",
            "Jane Ann Lee Roe  Acme Widgets",
            "Jane Roe | Acme",
            "Jane Roe 555 0100",
            "Jane Roe+1 555 0100",
            "Jane Roe(212) 555-0100",
            "Jane RoeAcme Widgets",
            "JaneRoe Acme",
            "Ian McAllister said",
            "Jo Lee-Kim said",
            "Jane Roe.Acme Widgets",
            "Jane. Roe said",
            "U.S. Attorney Jo Lee",
            "About Acme Widgets",
            "Ana Lucía Roe said",
            "A B C D e",
            "Jane \u{c9}mile Roe",
            "Jane Roe: 555 0100",
            "Jane:Roe",
            "Jane  Roe",
            "Jane Roe\tsaid",
            "Jane Roe \t | Acme",
            "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa Roe",
            "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, Roe",
            "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa Bee roe",
            "Jo Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa Bee Roe",
        ];
        for text in cases {
            for lead in ["", "  "] {
                let line = format!("{lead}{text}");
                if first_piece_is_no_name(text) {
                    assert!(!lone_name_first(&line), "{line:?}");
                }
            }
        }
        // The common lines are told without cutting pieces.
        for text in [
            "The Company said",
            "PRESS RELEASE",
            "Mr. Jo Lee",
            "ACCRA, Ghana",
        ] {
            assert!(first_piece_is_no_name(text), "{text:?}");
        }
        assert!(lone_name_first("Jane Roe"));
    }

    #[test]
    fn no_name_lines_agree_on_generated_lines() {
        // Lines glued from invented words and the bytes the piece cutter
        // and tokenizer look at (a simple generator: no new dependency).
        let parts = [
            "Jane",
            "Roe",
            "Mr.",
            "Dr",
            "The",
            "PRESS",
            "Mc",
            "Allister",
            "and",
            " ",
            "  ",
            ",",
            ".",
            "|",
            "+1",
            "(",
            "555",
            "\u{c9}",
            "\u{e9}",
            "Acme",
            "A",
            "B.",
            "-",
            "'",
            ":",
            "Lee",
            "x",
            "Group",
            "Inc.",
            "of",
            "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "Bbbbbbbbbbbbbbbbb",
            "\t",
            "\u{b}",
        ];
        let mut rng = crate::test_rng::Lcg(12345);
        let mut next = || rng.step() >> 33;
        let (mut ruled_out, mut names) = (0, 0);
        for _ in 0..100_000 {
            let mut line = String::new();
            for _ in 0..next() % 16 + 1 {
                line.push_str(parts[next() as usize % parts.len()]);
                if next() % 4 != 0 {
                    line.push(' ');
                }
            }
            if first_piece_is_no_name(&line) {
                ruled_out += 1;
                assert!(!lone_name_first(&line), "{line:?}");
            }
            names += usize::from(lone_name_first(&line));
        }
        assert!(ruled_out > 10_000 && names > 1_000, "{ruled_out} {names}");
    }

    #[test]
    fn ascii_pieces_agree_on_generated_text() {
        let parts = [
            "Jane",
            "Roe",
            "Mc",
            "Mac",
            "Leod",
            "Inc.",
            "acme",
            "A.",
            ".",
            " ",
            "  ",
            "|",
            "\n",
            "+1",
            "(212)",
            "555",
            "-",
            "x",
            "jo@acme.test",
            "Ltd",
            ",",
            ":",
            "Z9",
            "9z",
        ];
        let mut rng = crate::test_rng::Lcg(777);
        let mut next = || rng.step() >> 33;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..next() % 12 {
                text.push_str(parts[next() as usize % parts.len()]);
            }
            let all: Vec<_> = AsciiPieces::new(&text).collect();
            assert_eq!(all, pieces_chars(&text, usize::MAX), "{text:?}");
        }
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        let cases: &[&str] = &[
            "",
            "   ",
            "one",
            " Two words ",
            "a\tb\x0bc\x0cd\re\nf",
            "Mixed case Words and more words here",
            "x,y z. (a) 'b' -c",
            "\u{e9}t\u{e9} en France",
            "\u{a0}no\u{2003}break",
            "file\x1cseparator \x1f unit",
        ];
        for text in cases {
            let words = text.split_whitespace();
            let want = (
                words.clone().count(),
                words.filter(|w| w.starts_with(char::is_lowercase)).count(),
            );
            assert_eq!(word_counts(text), want, "{text:?}");
        }
    }

    #[test]
    fn verb_words_are_found_all_at_once_as_one_by_one() {
        for a in VERBS {
            for b in VERBS {
                assert!(a == b || !a.contains(b), "{a} {b}");
                for k in 1..a.len() {
                    assert!(!b.starts_with(&a[k..]), "{a} {b}");
                }
            }
        }
        let cases: &[&str] = &[
            "",
            "call",
            "please contact or call us, email or e-mail, reach out",
            "recall the contacts; e-mailing emails; reaches callcall",
            "contactcallemaile-mailreach",
            "a long text with no verb at all, written to be longer than a block of thirty-two bytes",
            "cal con ema e-m rea contac",
        ];
        for text in cases {
            assert_eq!(verb_words(text), verb_words_one_by_one(text), "{text:?}");
        }
    }

    #[test]
    fn tail_pieces_are_the_pieces_of_the_tail() {
        let parts = [
            "Jane",
            "Roe",
            "Mc",
            "Mac",
            "Leod",
            "Inc.",
            "acme",
            "A.",
            ".",
            " ",
            "  ",
            "|",
            "\n",
            "+1",
            "(212)",
            "555",
            "-",
            "x",
            "jo@acme.test",
            "Ltd",
            ",",
            ":",
            "Z9",
            "9z",
            "Officer",
            "\u{e9}",
        ];
        let mut rng = crate::test_rng::Lcg(4242);
        let mut next = || rng.step() >> 33;
        let mut texts: Vec<String> = vec![
            "Media contact: Jane Roe, Press Officer, Acme Widgets | +1 555 0100".into(),
            "Jane Roe\nPress Officer\nAcme Ltd.\n\nBo Kim  Head of Media (Acme)".into(),
            format!("Jane Roe, {}", "Officer ".repeat(60)),
        ];
        for _ in 0..3_000 {
            let mut text = String::new();
            for _ in 0..next() % 40 {
                text.push_str(parts[next() as usize % parts.len()]);
            }
            texts.push(text);
        }
        for text in &texts {
            let cut: Vec<_> = pieces(text).collect();
            for after in (0..=text.len()).filter(|&k| text.is_char_boundary(k)) {
                let tail = &text[after..floor_boundary(text, after + 300)];
                let want: Vec<_> = first_pieces(tail, 3).collect();
                let got: Vec<_> = tail_pieces(text, &cut, after, text.is_ascii()).collect();
                assert_eq!(got, want, "{text:?} {after}");
            }
        }
    }

    #[test]
    fn cue_hits_as_one_automaton_finds_them() {
        let all = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(lower_cues())
            .expect("valid word list");
        assert!(!LOWER_CUES.led.is_empty());
        let mut cases: Vec<String> = [
            "",
            "their contact details: ir contact, pr contacts: media contact:",
            "for more information, please contact their press office: ir contactpr contact",
            "air contact  fir contact:ir contact details contact information",
            "ir contac pr contac ir  contact ir-contact",
        ]
        .map(String::from)
        .to_vec();
        // Cue words glued in every order, for overlapping candidates.
        let words = [
            "ir",
            "pr",
            " ",
            "contact",
            "s",
            ":",
            " details",
            "media",
            "press",
            "for more information",
            ",",
            "the",
            "\u{e9}",
        ];
        for a in words {
            for b in words {
                for c in words {
                    for d in ["", " contact", "ir", "pr "] {
                        cases.push(format!("{a}{b}{c}{d}{a}"));
                    }
                }
            }
        }
        // Every cue, its heads and their cut-off forms, glued at random
        // with separators: long cues that start with shorter ones
        // (`press office:`, `for more information, contact`) and near
        // misses.
        let mut parts: Vec<String> = Vec::new();
        for cue in lower_cues() {
            for k in (1..=cue.len()).filter(|&k| cue.is_char_boundary(k)) {
                parts.push(cue[..k].to_string());
            }
        }
        parts.extend(
            [" ", ", ", ":", "\n", "their ", "ir ", "pr ", "s", "\u{e9}"].map(String::from),
        );
        let mut rng = crate::test_rng::Lcg(77);
        let mut next = || (rng.step() >> 33) as usize;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..next() % 8 {
                text.push_str(&parts[next() % parts.len()]);
            }
            cases.push(text);
        }
        for text in &cases {
            let want: Vec<_> = all.find_iter(text.as_str()).map(|m| m.range()).collect();
            assert_eq!(cue_hits(text), want, "{text:?}");
        }
    }

    #[test]
    fn cue_heads_start_no_other() {
        let words = [
            "contact",
            "contact:",
            "contacts:",
            "media contact",
            "media:",
            "press",
        ]
        .map(String::from);
        assert_eq!(
            cue_heads(&words),
            ["contact", "media contact", "media:", "press"]
        );
        let words = ["a", "ab", "b", "ba", "abc"].map(String::from);
        assert_eq!(cue_heads(&words), ["a", "b"]);
        assert!(cue_heads(&[]).is_empty());
    }

    #[test]
    fn verbs_as_the_regex_finds_them() {
        let cases: &[&str] = &[
            "Please contact Jane Roe.",
            "CALL 555 0100",
            "Recall the e-mail",
            "email: a@b.test",
            "unreachable",
            "contact_us",
            "\u{e9}contact",
            "r\u{e9}ach call\u{e9}",
            "Reach-out, Emailing",
        ];
        for text in cases {
            let found = !verb_starts(text, &text.to_ascii_lowercase()).is_empty();
            assert_eq!(found, CONTACT_VERB.is_match(text), "{text:?}");
        }
    }

    #[test]
    fn line_start_searches() {
        // (line, a cue starts it, a stop phrase starts it)
        let cases: &[(&str, bool, bool)] = &[
            ("Media contact: Jane Roe", true, false),
            ("Contact", true, false),
            ("contact us today", false, false),
            ("Please contact Jane Roe", false, false),
            ("About Acme Widgets", false, true),
            ("Read about Acme", false, false),
            ("", false, false),
        ];
        for (line, cue, stop) in cases {
            let first_cue = accepted_cues(line, CUES.find_iter(*line).map(|m| m.range()));
            assert_eq!(first_cue.first() == Some(&0), *cue, "{line:?}");
            assert_eq!(cue_at_start(line), *cue, "{line:?}");
            let found = STOPS.find(*line).is_some_and(|m| m.start() == 0);
            assert_eq!(found, *stop, "{line:?}");
            assert_eq!(is_stop(line), *stop, "{line:?}");
        }
    }

    #[test]
    fn listed_words() {
        // (word, an organisation suffix, a non-name word in any case)
        let cases: &[(&str, bool, bool)] = &[
            ("Agency", true, true),
            ("agency", false, true),
            ("AGENCY", false, true),
            ("Jane", false, false),
            ("A", false, false),
            ("", false, false),
            ("Agencyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy", false, false),
            ("\u{c9}cole", false, false),
            ("AG", false, false),
            ("Ag", false, false),
            ("aGENCY", false, true),
            ("Agenc", false, false),
            ("Ab", false, false),
            ("Ltd", true, true),
            ("LTD", false, true),
            ("ltd.", false, false),
        ];
        for (w, suffix, non_name) in cases {
            assert_eq!(ORG_SUFFIX.contains(w), *suffix, "{w:?}");
            assert_eq!(
                ORG_SUFFIX.contains(w),
                ORG_SUFFIX.words.contains(*w),
                "{w:?}"
            );
            assert_eq!(NON_NAME.contains_lower(w), *non_name, "{w:?}");
            let lower = w.to_lowercase();
            assert_eq!(
                NON_NAME.contains_lower(w),
                NON_NAME.words.contains(&lower),
                "{w:?}"
            );
        }
    }

    #[test]
    fn pre_filters_agree_with_the_regexes() {
        let cases: &[&str] = &[
            "",
            "No number here.",
            "Call 555 0100 now",
            "Tel: +44 (0)20 7946 0000",
            "In 2024 and 2025 sales grew.",
            "Ring 12-34-56-7",
            "jane@example.org",
            "jane at example dot org",
            "\u{661}\u{662}\u{663}\u{664}\u{665}\u{666}\u{667}",
        ];
        for t in cases {
            if PHONE.is_match(t) {
                assert!(may_have_phone(t), "{t:?}");
            }
            assert_eq!(has_email(t), EMAIL.is_match(t), "{t:?}");
        }
    }

    fn contacts(input: &str) -> Vec<(Option<String>, Vec<String>, Vec<String>)> {
        let doc = Doc::new(input);
        find(&doc)
            .contacts
            .into_iter()
            .map(|c| (c.name, c.emails, c.phones))
            .collect()
    }

    fn c(
        name: Option<&str>,
        emails: &[&str],
        phones: &[&str],
    ) -> (Option<String>, Vec<String>, Vec<String>) {
        (
            name.map(str::to_string),
            emails.iter().map(|s| s.to_string()).collect(),
            phones.iter().map(|s| s.to_string()).collect(),
        )
    }

    #[test]
    fn finds_contacts() {
        let cases: Vec<(&str, Vec<_>)> = vec![
            (
                "Body text.\n\nMedia contact:\nJane Roe\nAcme Widgets\n+1 305-555-0100\njane@acme.test\n",
                vec![c(
                    Some("Jane Roe"),
                    &["jane@acme.test"],
                    &["+1 305-555-0100"],
                )],
            ),
            (
                "Media ContactJane RoePublic Relations Manager(212) 555-0100jane@acme.test\n",
                vec![c(
                    Some("Jane Roe"),
                    &["jane@acme.test"],
                    &["(212) 555-0100"],
                )],
            ),
            (
                "Media Contacts  Ann Lee (Minister Roe): 0412 345 678  Bo Kim: 0498 765 432\n",
                vec![
                    c(Some("Ann Lee"), &[], &["0412 345 678"]),
                    c(Some("Bo Kim"), &[], &["0498 765 432"]),
                ],
            ),
            (
                "For more details call Ann Lee at 828-555-0199 or email press@acme.test.\n",
                vec![c(Some("Ann Lee"), &["press@acme.test"], &["828-555-0199"])],
            ),
            (
                "Contacts:Widget Partners(214) 555-0121 info@widget.test\n",
                vec![c(None, &["info@widget.test"], &["(214) 555-0121"])],
            ),
            (
                "CONTACT:\n\nJon Roe7605551889media@acme.test\n",
                vec![c(Some("Jon Roe"), &["media@acme.test"], &["7605551889"])],
            ),
            (
                "Media contact:\nAnn Lee\nAcme Ltd\n2024-06-05, 10.00-18.00\n+44 20 7946 0000\n",
                vec![c(Some("Ann Lee"), &[], &["+44 20 7946 0000"])],
            ),
            (
                "Worried? Call our helpline on 0800 555 0199 at any time.\n",
                vec![],
            ),
            (
                "Media contact: Ann Lee, +880 1711 555 204, ann@acme.test\n",
                vec![c(
                    Some("Ann Lee"),
                    &["ann@acme.test"],
                    &["+880 1711 555 204"],
                )],
            ),
            (
                "Media contact: Ann Lee, +1 617-555-0198 617-555-0199, ann@acme.test\n",
                vec![c(
                    Some("Ann Lee"),
                    &["ann@acme.test"],
                    &["+1 617-555-0198", "617-555-0199"],
                )],
            ),
            (
                "Investor ContactBo KoVice President, Investor Relationsir@acme.test+1 617-555-0143\n",
                vec![c(Some("Bo Ko"), &["ir@acme.test"], &["+1 617-555-0143"])],
            ),
            (
                "Media contacts: Ann Lee, 416-555-0160, ann@acme.test; Owen McAdam, 416-555-0171, \
                 owen@acme.test\n",
                vec![
                    c(Some("Ann Lee"), &["ann@acme.test"], &["416-555-0160"]),
                    c(Some("Owen McAdam"), &["owen@acme.test"], &["416-555-0171"]),
                ],
            ),
            (
                "For interviews, please contact:\n\nIn Lisbon: Rui Matos, Press Officer, rui@acme.test\n",
                vec![c(Some("Rui Matos"), &["rui@acme.test"], &[])],
            ),
            (
                "The firm grew 15% in 2024-2025 to 1,234,567 units.\n",
                vec![],
            ),
            (
                "For Immediate Release\nAnn Lee\nSpokesperson\nOffice: 714-555-0108\n",
                vec![c(Some("Ann Lee"), &[], &["714-555-0108"])],
            ),
            (
                "Please contact Ms. Ann Lee, Acme, ann@acme.test for more.\n",
                vec![c(Some("Ann Lee"), &["ann@acme.test"], &[])],
            ),
            (
                "Contact:\nAnn Lee, MD, Chief Officer\nann@acme.test\n",
                vec![c(Some("Ann Lee"), &["ann@acme.test"], &[])],
            ),
            (
                "Contact: Bo Kim bo@acme.test\nOffice of the Hon Ann Lee MP\nRivertown NSW 2650\n",
                vec![c(Some("Bo Kim"), &["bo@acme.test"], &[])],
            ),
            (
                "Contact: Bo Kim: +61 412 345 678\nAnn Lee M: 0412 345 678 E: ann@lee.test\n",
                vec![
                    c(Some("Bo Kim"), &[], &["+61 412 345 678"]),
                    c(Some("Ann Lee"), &["ann@lee.test"], &["0412 345 678"]),
                ],
            ),
            (
                "Acme press office\nMain switchboard 020 7946 0000\n",
                vec![c(None, &[], &["020 7946 0000"])],
            ),
            (
                "Media Contact:Email: news@acme.orgPhone: (877) 555-0120acme.org\n",
                vec![c(None, &["news@acme.org"], &["(877) 555-0120"])],
            ),
            (
                "Press contact: press@acme.test\n\nAbout Acme\nAcme is a firm founded in 1999 with 1,200,300 users.\n",
                vec![c(None, &["press@acme.test"], &[])],
            ),
        ];
        for (input, want) in cases {
            assert_eq!(contacts(input), want, "input {input:?}");
        }
    }

    #[test]
    fn survives_hostile_input() {
        let inputs = [
            "Contact: ".repeat(20_000),
            "Jane Roe ".repeat(50_000),
            format!("Media contact: {}", "\u{e9}".repeat(5_000)),
            format!("{}\u{e9}", "Ann Lee ann@x.test 555-0100-22 ".repeat(3_000)),
            "1 ".repeat(100_000),
            "Mr. ".repeat(100_000),
        ];
        for input in inputs {
            let doc = Doc::new(&input);
            let found = find(&doc);
            assert!(found.contacts.len() <= MAX_SECTIONS);
        }
    }

    #[test]
    fn spans_cover_each_contact() {
        let input = "Media contacts:\nAnn Lee: 0412 345 678\nBo Kim: bo@kim.test\n";
        let doc = Doc::new(input);
        let got: Vec<&str> = find(&doc)
            .contacts
            .iter()
            .map(|c| c.span.text(input))
            .collect();
        assert_eq!(got, ["Ann Lee: 0412 345 678", "Bo Kim: bo@kim.test"]);
    }

    #[test]
    fn fixes_glued_emails() {
        for (input, want) in [
            ("Inc.jane@acme.test", "jane@acme.test"),
            (
                "Consultingann@bestconsulting.test",
                "ann@bestconsulting.test",
            ),
            ("Chairmaninfo@acme.test", "info@acme.test"),
            ("Ann.Lee@acme.test", "Ann.Lee@acme.test"),
            ("Press@acme.test", "Press@acme.test"),
        ] {
            let r = fix_email(input, 0..input.len());
            assert_eq!(&input[r], want);
        }
    }
}
