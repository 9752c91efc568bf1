//! People: names with honorifics, titles, organisations and mentions.
//!
//! A person is a run of name words (capitalised words, initials and
//! particles such as `bin` or `van der`) with evidence around it: an
//! honorific or a title before it, an appositive title after it, a speech
//! verb or a cue (`said`, `according to`, `by`) beside it. Shorter later
//! forms (`Ms. Doe`, `Director Doe`) are mentions of the person already
//! found, never new people.

mod lexicon;
mod mention;
mod title;
mod token;

use std::ops::Range;

use crate::contact::Contacts;
use crate::record::{Organisation, Person};
use crate::segment::Doc;
use crate::wordhash::{WordMap, WordSet};
use lexicon::LEXICON;
use mention::Builder;
use token::{Token, tokenize};

/// Longest name, in words; longer capitalised runs are not names.
const MAX_NAME_WORDS: usize = 7;

/// A run of name words with what surrounds it.
#[derive(Debug, Clone)]
struct Candidate {
    /// Token indices of the name.
    words: Range<usize>,
    /// Clean range of the mention (honorifics and title before included).
    mention: Range<usize>,
    honorifics: Vec<String>,
    titles: Vec<String>,
    /// Evidence that the run is a person.
    evidence: bool,
    /// Clean offsets where an organisation tied to the person may start
    /// (`of the X`, `from X`, `, Title, X`).
    org_at: Vec<usize>,
}

/// Finds every named person, once each.
pub(crate) fn find(doc: &Doc, organisations: &[Organisation], contacts: &Contacts) -> Vec<Person> {
    let clean = doc.clean();
    // A token's lower-case form is a slice of the lower-cased text.
    let toks = tokenize(clean, doc.lower());
    let mut candidates = candidates(clean, &toks);
    roles_after_pronouns(clean, &toks, &mut candidates);
    // Whether each candidate opens a bulleted line, worked out once for
    // both list rules.
    let bullets: Vec<bool> = candidates
        .iter()
        .map(|c| bullet_start(clean, c.mention.start))
        .collect();
    chain_lists(clean, &toks, &mut candidates, &bullets);
    chain_bullets_back(clean, &toks, &mut candidates, &bullets);
    // Fullest forms first, so shorter forms fold into them.
    let mut order: Vec<usize> = (0..candidates.len())
        .filter(|&i| candidates[i].evidence && name_len(&toks, &candidates[i]) >= 2)
        .collect();
    order.sort_by_key(|&i| std::cmp::Reverse(name_len(&toks, &candidates[i])));
    let mut people: Vec<Builder> = Vec::with_capacity(order.len() + contacts.contacts.len());
    // People by the last word of their name, so matching stays linear: the
    // first and the latest person with that word, and for each person the
    // next one with the same word (no list allocated per name).
    let mut by_last: WordMap<&str, (usize, usize)> = WordMap::default();
    by_last.reserve(order.len());
    let mut same_last: Vec<usize> = Vec::with_capacity(order.len());
    // A run that is an organisation's whole name is not a person.
    let org_names = OrgNames::new(organisations);
    for i in order {
        let c = &candidates[i];
        let text = &clean[toks[c.words.start].range.start..toks[c.words.end - 1].range.end];
        if org_names.contains(text) {
            continue;
        }
        let last = toks[c.words.end - 1].lower();
        let known = by_last.get(last).is_some_and(|&(first, _)| {
            chain(&same_last, first).any(|k| people[k].matches(&toks, c))
        });
        if known {
            continue;
        }
        let k = people.len();
        same_last.push(usize::MAX);
        match by_last.get_mut(last) {
            Some((_, latest)) => {
                same_last[*latest] = k;
                *latest = k;
            }
            None => {
                by_last.insert(last, (k, k));
            }
        }
        people.push(Builder::new(clean, &toks, c));
    }
    for c in candidates {
        let last = toks[c.words.end - 1].lower();
        let hit = by_last.get(last).and_then(|&(first, _)| {
            chain(&same_last, first).find(|&k| people[k].matches(&toks, &c))
        });
        if let Some(k) = hit {
            people[k].add(c);
        }
    }
    for contact in &contacts.contacts {
        let Some(name) = contact.name.as_deref().filter(|n| !n.trim().is_empty()) else {
            continue;
        };
        // `In Maputo: ...`, `Investor Relations`: a label or desk is no
        // person unless it opens with a given name.
        let first = name.split(' ').next().unwrap_or("");
        let last = name.rsplit(' ').next().unwrap_or("");
        if (contains_lower(&LEXICON.not_names, first) || contains_lower(&LEXICON.desk, last))
            && !contains_lower(&LEXICON.given, first)
            && !people.iter().any(|p| p.name.eq_ignore_ascii_case(name))
        {
            continue;
        }
        if let Some(p) = people.iter_mut().find(|p| same_lower(&p.name, name)) {
            p.orgs.extend(contact.organisation.iter().cloned());
            if let Some(t) = &contact.title
                && !p
                    .titles
                    .iter()
                    .any(|x| x.get(..t.len()).is_some_and(|h| h.eq_ignore_ascii_case(t)))
            {
                p.titles.push(t.clone());
            }
            continue;
        }
        let mention = match clean.find(name) {
            Some(at) => doc.text.mention(at..at + name.len()),
            None => crate::span::Mention::new(
                contact.span.text(doc.text.original),
                contact.span.start,
                contact.span.end,
            ),
        };
        people.push(Builder {
            name: name.to_string(),
            words: &[],
            honorifics: contact.honorifics.clone(),
            titles: contact.title.iter().cloned().collect(),
            mentions: Vec::new(),
            first: usize::MAX,
            contact_mention: Some(mention),
            org_at: Vec::new(),
            orgs: contact.organisation.iter().cloned().collect(),
        });
    }
    people.sort_by_key(|p| p.first);
    let org_index = mention::OrgIndex::new(organisations);
    people
        .into_iter()
        .map(|p| p.finish(doc, &org_index))
        .collect()
}

/// The people with one last word, from the first: each person's entry in
/// `same_last` is the next one (`usize::MAX` after the latest).
fn chain(same_last: &[usize], first: usize) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(Some(first), move |&k| {
        Some(same_last[k]).filter(|&n| n != usize::MAX)
    })
}

/// Whether `set` holds `text` lower-cased; short ASCII text is lower-cased
/// on the stack.
fn contains_lower(set: &WordSet, text: &str) -> bool {
    crate::wordhash::with_lower(text, |l| set.contains(l))
}

/// Whether `a` and `b` are equal once lower-cased, without copies for
/// ASCII text.
fn same_lower(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    // `str::to_lowercase` maps every char on its own but a capital sigma,
    // whose form depends on its place in the word: without one, compare
    // char by char, without copies.
    const SIGMA: char = '\u{3a3}';
    if !a.contains(SIGMA) && !b.contains(SIGMA) {
        return a
            .chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase));
    }
    a.to_lowercase() == b.to_lowercase()
}

/// A hash of `text` lower-cased, eight bytes at a time, without a copy
/// for ASCII text (whose lower-case form is its bytes lower-cased).
fn lower_hash(text: &str) -> u64 {
    if text.is_ascii() {
        hash_chunks(text.as_bytes(), ascii_lower_chunk)
    } else {
        hash_chunks(text.to_lowercase().as_bytes(), |x| x)
    }
}

/// FNV-style mixing of `bytes` in little-endian 8-byte chunks (the last
/// one zero-padded), each passed through `map` first.
fn hash_chunks(bytes: &[u8], map: impl Fn(u64) -> u64) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in bytes.chunks(8) {
        let mut w = [0u8; 8];
        w[..c.len()].copy_from_slice(c);
        h = (h ^ map(u64::from_le_bytes(w))).wrapping_mul(0x0100_0000_01b3);
        h ^= h >> 29;
    }
    h
}

/// Eight ASCII bytes with their capitals lower-cased: per byte, the high
/// bit of `from_a` is set from `A` on, that of `past_z` past `Z` (no carry
/// crosses bytes below 0x80), and a capital gains 0x20.
fn ascii_lower_chunk(x: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let from_a = x + 0x3f3f_3f3f_3f3f_3f3f;
    let past_z = x + 0x2525_2525_2525_2525;
    x | ((from_a & !past_z & HIGH) >> 2)
}

/// The names and acronyms of the release's organisations, in any case.
/// Kept as hashes of their lower-case forms with the forms themselves, so
/// that no lower-case copy is made: a hit is checked on the text.
struct OrgNames<'a> {
    /// (hash of the lower-case form, the form), sorted by hash.
    forms: Vec<(u64, &'a str)>,
}

impl<'a> OrgNames<'a> {
    fn new(organisations: &'a [Organisation]) -> OrgNames<'a> {
        let mut forms = Vec::with_capacity(organisations.len() * 2);
        for o in organisations {
            for form in std::iter::once(o.name.as_str()).chain(o.acronym.as_deref()) {
                forms.push((lower_hash(form), form));
            }
        }
        forms.sort_unstable_by_key(|f| f.0);
        OrgNames { forms }
    }

    /// Whether `text` lower-cased is a name or acronym lower-cased.
    fn contains(&self, text: &str) -> bool {
        if self.forms.is_empty() {
            return false;
        }
        let h = lower_hash(text);
        let from = self.forms.partition_point(|f| f.0 < h);
        self.forms[from..]
            .iter()
            .take_while(|f| f.0 == h)
            .any(|f| same_lower(f.1, text))
    }
}

fn name_len(toks: &[Token], c: &Candidate) -> usize {
    toks[c.words.clone()].iter().filter(|t| t.cap).count()
}

/// How far back (in bytes) a pronoun looks for its person.
const PRONOUN_REACH: usize = 400;

/// Roles given through a pronoun right after a person: `She serves as CFO
/// of Acme`, `Jane Doe, who is Chair of X`. The role goes to the nearest
/// person before the pronoun.
fn roles_after_pronouns(clean: &str, toks: &[Token], candidates: &mut [Candidate]) {
    let mut next = 0;
    let bytes = clean.as_bytes();
    for (i, tok) in toks.iter().enumerate() {
        // A string test, not the class bits, so that most words are never
        // looked up; the first letter, by one table look-up, rules out
        // most words before the lower-case form is read (a token always
        // starts inside the text, so the byte is there).
        let first = bytes.get(tok.range.start).copied().unwrap_or(0);
        if !PRONOUN_START[usize::from(first)] || !matches!(tok.lower(), "he" | "she" | "who") {
            continue;
        }
        let mut k = i + 1;
        if toks.get(k).is_some_and(|t| {
            matches!(
                t.lower(),
                "currently" | "also" | "now" | "previously" | "has" | "will"
            )
        }) {
            k += 1;
        }
        let Some(verb) = toks.get(k) else {
            continue;
        };
        let serves = matches!(verb.lower(), "serves" | "served" | "serve" | "is" | "was");
        if !serves || (k + 1..=k + 2).any(|j| j >= toks.len()) {
            continue;
        }
        k += 1;
        if toks[k].lower == "as" {
            k += 1;
        }
        // Only a title word after its determiner opens a role.
        let mut t = k;
        while t + 1 < toks.len() && matches!(toks[t].lower(), "the" | "a" | "an" | "its") {
            t += 1;
        }
        if !toks[t].is_title_word() && !toks[t].cap {
            continue;
        }
        let at = toks[i].range.start;
        while next < candidates.len() && candidates[next].mention.start < at {
            next += 1;
        }
        let Some(c) = candidates[..next]
            .iter_mut()
            .rev()
            .take(8)
            .find(|c| c.evidence)
            // A mention may run past the pronoun (`Hon.P She`): no reach
            // to measure, and no role.
            .filter(|c| {
                at.checked_sub(c.mention.end)
                    .is_some_and(|d| d <= PRONOUN_REACH)
            })
        else {
            continue;
        };
        let mut stop = 0;
        let roles = title::clause_titles(clean, toks, k, 0, &mut stop);
        if stop > 0 && clean[stop..].starts_with(", ") && roles.len() == 1 {
            let k = start_token(toks, stop);
            push_org_start(clean, toks, k, &mut c.org_at);
        }
        for r in roles {
            if !c.titles.contains(&r) {
                c.titles.push(r);
            }
        }
    }
}

/// Bytes that open `he`, `she` or `who` in any case.
static PRONOUN_START: [bool; 256] = crate::text::byte_set(b"hswHSW");

/// Names listed after a person (`Jane Doe, CFA, Ken Poe and Al Roe`)
/// are people too.
fn chain_lists(clean: &str, toks: &[Token], candidates: &mut [Candidate], bullets: &[bool]) {
    // The last candidate that opened a bulleted line: (its start, evidence).
    let mut last_bullet: Option<(usize, bool)> = None;
    for k in 0..candidates.len() {
        let start = candidates[k].mention.start;
        if bullets[k] {
            if let Some((prev_start, true)) = last_bullet {
                let lines = clean[prev_start..start]
                    .bytes()
                    .filter(|&b| b == b'\n')
                    .count();
                let next = &candidates[k];
                if lines <= 2 && next.words.len() >= 2 && looks_like_name(clean, toks, &next.words)
                {
                    candidates[k].evidence = true;
                }
            }
            last_bullet = Some((start, candidates[k].evidence));
        }
        if k == 0 {
            continue;
        }
        let (prev, next) = (&candidates[k - 1], &candidates[k]);
        if !prev.evidence || next.words.len() < 2 {
            continue;
        }
        // `Trial Attorneys Jane Roe and Al Poe`: a plural title before
        // the first name is the next one's too.
        let plural = (prev.mention.start < toks[prev.words.start].range.start)
            .then(|| prev.titles.first())
            .flatten()
            .filter(|t| t.ends_with('s') && !t.ends_with("ss"))
            .cloned();
        if next.evidence && plural.is_none() {
            continue;
        }
        let from = toks[prev.words.end - 1].range.end;
        let to = toks[next.words.start].range.start;
        if to < from || to - from > 16 {
            continue;
        }
        if !looks_like_name(clean, toks, &next.words) {
            continue;
        }
        let between = clean[from..to].trim();
        let between = between.trim_start_matches(',').trim_start();
        let between = ["CFA", "MD", "PhD", "Jr.", "Jr", "MP"]
            .iter()
            .fold(between, |b, s| b.strip_prefix(s).unwrap_or(b))
            .trim();
        let between = between.trim_start_matches(',').trim();
        if matches!(between, "" | "and" | "&" | "or") {
            candidates[k].evidence = true;
            if let Some(t) = plural
                && between == "and"
                && !candidates[k].titles.contains(&t)
            {
                candidates[k].titles.push(t);
            }
        }
    }
}

/// Bulleted names before a person found in the same list are people too
/// (the backward half of the bullet rule in [`chain_lists`]).
fn chain_bullets_back(clean: &str, toks: &[Token], candidates: &mut [Candidate], bullets: &[bool]) {
    let mut next_bullet: Option<usize> = None;
    for k in (0..candidates.len()).rev() {
        let start = candidates[k].mention.start;
        if !bullets[k] {
            continue;
        }
        if let Some(next_start) = next_bullet {
            let lines = clean[start..next_start]
                .bytes()
                .filter(|&b| b == b'\n')
                .count();
            let c = &candidates[k];
            if lines <= 2 && c.words.len() >= 2 && looks_like_name(clean, toks, &c.words) {
                candidates[k].evidence = true;
            }
        }
        next_bullet = candidates[k].evidence.then_some(start);
    }
}

/// Whether clean offset `at` opens a bulleted line (`* `, `- `, `• `).
fn bullet_start(clean: &str, at: usize) -> bool {
    // Bytes: spaces and the markers are ASCII, and the three bytes of `•`
    // at the end can only be that char.
    let head = &clean.as_bytes()[..spaces_before(clean, at)];
    let marker = if head.ends_with(b"*") || head.ends_with(b"-") {
        head.len() - 1
    } else if head.ends_with("\u{2022}".as_bytes()) {
        head.len() - 3
    } else {
        return false;
    };
    opens_line(clean, marker)
}

/// Where the run of spaces and tabs that ends at clean offset `at` starts.
fn spaces_before(clean: &str, at: usize) -> usize {
    let bytes = clean.as_bytes();
    let mut k = at;
    while k > 0 && matches!(bytes[k - 1], b' ' | b'\t') {
        k -= 1;
    }
    k
}

/// Whether only spaces stand between the line start and clean offset `at`.
/// Scans back over the spaces only, so it stays cheap on long lines.
pub(super) fn opens_line(clean: &str, at: usize) -> bool {
    let k = spaces_before(clean, at);
    k == 0 || clean.as_bytes()[k - 1] == b'\n'
}

/// Whether only spaces and commas stand between clean offset `at` and the
/// line end; returns the line end.
fn ends_line(clean: &str, at: usize) -> Option<usize> {
    let rest = clean[at..].trim_start_matches([' ', ',', '\t']);
    (rest.is_empty() || rest.starts_with('\n')).then(|| clean.len() - rest.len())
}

/// Whether tokens `i` and `i + 1` stand in one name: one space between
/// them, or the full stop of an initial.
fn joined(clean: &str, toks: &[Token], i: usize) -> bool {
    let Some(next) = toks.get(i + 1) else {
        return false;
    };
    // Bytes: the same test without char-boundary checks.
    let gap = &clean.as_bytes()[toks[i].range.end..next.range.start];
    gap == b" " || (toks[i].initial && (gap == b". " || gap == b"."))
}

/// Whether a token may stand in a name.
fn is_name_word(t: &Token) -> bool {
    t.is_name_word()
}

fn is_particle(t: &Token) -> bool {
    t.is_particle()
}

/// Whether token `k` is a post-nominal set off by commas: two to four
/// capitals, no title word (`Jane Doe, RN, MPH,`).
fn is_post_nominal(clean: &str, toks: &[Token], k: usize) -> bool {
    let t = &toks[k];
    let text = &clean[t.range.clone()];
    (2..=4).contains(&text.len())
        && text.bytes().all(|b| b.is_ascii_uppercase())
        && k > 0
        && gap_bytes(clean, toks, k - 1) == b", "
        && matches!(gap_bytes(clean, toks, k), b", " | b"," | b". " | b".")
        && !t.is_title_word()
}

/// Lower-case suffixes after a name (`Jane Doe Jr`, `Jane Doe PhD`).
const SUFFIXES: [&str; 12] = [
    "jr", "sr", "ii", "iii", "iv", "mp", "phd", "md", "cfa", "obe", "mbe", "cbe",
];

pub(super) fn is_suffix(lower: &str) -> bool {
    SUFFIXES.contains(&lower)
}

/// Every run of name words, with its evidence.
fn candidates(clean: &str, toks: &[Token]) -> Vec<Candidate> {
    // Room for a run in every sixteen words without growing.
    let mut out = Vec::with_capacity(toks.len() / 16 + 4);
    let mut i = 0;
    while i < toks.len() {
        // Straight to the next capitalised name word: most words are not.
        let Some(skip) = toks[i..].iter().position(|t| t.cap && is_name_word(t)) else {
            break;
        };
        i += skip;
        let mut end = i + 1;
        // `Jane Doe ACME Events`: an acronym ends a mixed-case name, and a
        // mixed-case word ends an all-caps one.
        // A lower-case second byte rules an acronym out without a call.
        let caps = |t: &Token| {
            let second = clean.as_bytes().get(t.range.start + 1);
            !(t.range.len() > 1 && second.is_some_and(u8::is_ascii_lowercase))
                && is_acronym(&clean[t.range.clone()])
        };
        let first_caps = caps(&toks[i]);
        while end < toks.len()
            && joined(clean, toks, end - 1)
            && is_name_word(&toks[end])
            && (caps(&toks[end]) == first_caps || !toks[end].cap || toks[end].initial)
        {
            end += 1;
        }
        // `Prof. Hyun-woo Park`: after a style, a surname that is also a
        // common word (`Park`, `Hall`) still ends the name.
        if end == i + 1
            && end < toks.len()
            && joined(clean, toks, i)
            && toks[end].cap
            && !toks[end].initial
            && toks[end].is(lexicon::class::NOT_NAME)
            && !toks[end].is_title_word()
            && !toks[end].is(lexicon::class::HONORIFIC)
            && !honorifics_before(clean, toks, i).1.is_empty()
        {
            end += 1;
        }
        let next_start = end;
        if let Some(c) = run_candidate(clean, toks, i, end) {
            out.push(c);
        }
        i = next_start;
    }
    out
}

/// The candidate in the run of name words `start..end`, if any.
fn run_candidate(clean: &str, toks: &[Token], start: usize, end: usize) -> Option<Candidate> {
    let run_end = end;
    // Styles spelled with initials (`H.E.`, `HH`) open the run.
    let mut i = start;
    while let Some(n) = honorific_at(clean, toks, i, end) {
        i += n;
    }
    // `Appoints Jane Doe`, `Acme PR Jane Doe`: words before a given name
    // that opens the rest of the run are not part of the name.
    if let Some(k) = (i + 1..end.saturating_sub(1))
        .find(|&k| toks[k].cap && toks[k].is(lexicon::class::GIVEN) && !is_particle(&toks[k - 1]))
        && !toks[i].is(lexicon::class::GIVEN)
        && (i..k).all(|j| is_junk_lead(clean, &toks[j]))
    {
        i = k;
    }
    // Particles do not end a name.
    let mut end = end;
    // (The capital first: most runs end with one, and it is a field.)
    while end > i + 1 && !toks[end - 1].cap && is_particle(&toks[end - 1]) {
        end -= 1;
    }
    if i >= end || end - i > MAX_NAME_WORDS {
        return None;
    }
    // `Room C`, `M.D.`: a name does not end with a bare letter.
    if toks[end - 1].initial && !clean[toks[end - 1].range.end..].starts_with('.')
        || toks[i..end].iter().all(|t| t.initial || !t.cap)
    {
        return None;
    }
    // A name that runs on into a capitalised word (`Jane Doe Foundation`)
    // is part of a longer name.
    let runs_on = end == run_end
        && joined(clean, toks, end - 1)
        && toks.get(end).is_some_and(|t| {
            // (The acronym test, which decodes chars, only when it matters.)
            let glued_org = || {
                toks[i].is(lexicon::class::GIVEN)
                    && !clean[t.range.clone()].chars().any(char::is_lowercase)
            };
            t.cap && !is_suffix(&t.lower) && !t.is_title_word() && !glued_org()
        });
    (!runs_on).then(|| candidate(clean, toks, i..end))
}

/// Whether a capitalised word before a given name is not part of the name:
/// an acronym, a verb (`Appoints`), a role or an abstract noun.
fn is_junk_lead(clean: &str, t: &Token) -> bool {
    const ENDINGS: &[&str] = &["tion", "ness", "ment", "ing", "ity", "acy", "ist", "ils"];
    let text = &clean[t.range.clone()];
    !text.chars().any(char::is_lowercase)
        || t.lower.ends_with('s') && !t.lower.ends_with("ss")
        || t.is_title_word()
        || ENDINGS.iter().any(|e| t.lower.ends_with(e))
}

/// The number of tokens of an honorific starting at token `i` and ending
/// before `end`.
fn honorific_at(clean: &str, toks: &[Token], i: usize, end: usize) -> Option<usize> {
    if !toks[i].is(lexicon::class::HON_FIRST) {
        return None;
    }
    // Only honorifics opening with this word can match.
    let list = LEXICON.hon_by_first.get(toks[i].lower())?;
    list.iter()
        .map(|&k| &LEXICON.honorifics[k])
        .find(|h| {
            i + h.len() < end
                && h.iter().enumerate().all(|(k, w)| {
                    let t = i + k;
                    toks[t].lower == *w && matches!(gap_bytes(clean, toks, t), b" " | b". " | b".")
                })
        })
        .map(Vec::len)
}

/// Reads the evidence around the name words `words`.
fn candidate(clean: &str, toks: &[Token], words: Range<usize>) -> Candidate {
    let (hon_start, honorifics) = honorifics_before(clean, toks, words.start);
    let mut start = hon_start;
    let mut titles = Vec::new();
    let mut evidence = !honorifics.is_empty();
    let hon_k = start_token_near(toks, hon_start, words.start);
    if let Some((at, t)) = title::before(clean, toks, hon_start, hon_k) {
        // `Director of Policy Studies at Acme`: the words after a title
        // that run on into `at`/`of` + a capital belong to the title.
        let k = hon_k;
        let after_connector = k > 0
            && matches!(
                toks[k - 1].lower(),
                "of" | "for" | "the" | "and" | "on" | "in" | "at" | "to"
            );
        let runs_on = after_connector
            && toks
                .get(words.end)
                .is_some_and(|t| matches!(t.lower(), "at" | "of" | "for" | "in"))
            && gap_bytes(clean, toks, words.end - 1) == b" "
            && toks.get(words.end + 1).is_some_and(|t| t.cap);
        let given = toks[words.start].is(lexicon::class::GIVEN);
        // `the Minister of X, Jane Doe`: a title set off by a comma.
        let comma_form = clean[..hon_start].ends_with(", ");
        let head_last = t.last().is_some_and(|t| {
            t.split(' ')
                .next_back()
                .is_some_and(|w| is_title_head_any_case(w.trim_end_matches('.')))
        });
        if !runs_on
            && (given || head_last || comma_form || !honorifics.is_empty())
            && (!honorifics.is_empty() || looks_like_name(clean, toks, &words))
        {
            evidence = true;
            start = at;
            titles.extend(t);
        }
    }
    let name_end = toks[words.end - 1].range.end;
    let mut end = words.end;
    while end < toks.len()
        && (is_suffix(&toks[end].lower) || is_post_nominal(clean, toks, end))
        && gap(clean, toks, end - 1)
            .trim_matches([' ', ',', '.'])
            .is_empty()
    {
        end += 1;
    }
    // `Jane Doe, RN, was named`: a verb after post-nominals.
    if end > words.end
        && toks.get(end).is_some_and(|t| {
            t.is(lexicon::class::AFTER) || matches!(t.lower(), "was" | "is" | "has" | "will")
        })
        && looks_like_name(clean, toks, &words)
    {
        evidence = true;
    }
    // What stands between the name (with its suffixes) and the next word.
    let after_gap = gap(clean, toks, end - 1);
    if let Some(next) = toks.get(end) {
        let g = after_gap;
        if (g == " " || g == ", ")
            && next.is(lexicon::class::AFTER)
            && looks_like_name(clean, toks, &words)
        {
            evidence = true;
        }
    }
    if !evidence && age_or_phone_after(clean, name_end) && looks_like_name(clean, toks, &words) {
        evidence = true;
    }
    let mut org_at = Vec::new();
    if let Some(next) = toks.get(end)
        && matches!(next.lower(), "of" | "from" | "at" | "with")
        && after_gap.trim_start_matches(',') == " "
    {
        push_org_start(clean, toks, end + 1, &mut org_at);
    }
    let mut stop_at = 0;
    let mut after = title::after(
        clean,
        toks,
        toks[words.start].range.start,
        end,
        &mut stop_at,
    );
    if after.is_empty() {
        after = title::letterhead(clean, toks, toks[words.start].range.start.min(start), end);
    }
    // `Acme Minerals, Chief Geologist`, `Acme DAO, a leader in`: the run
    // before an appositive title must read as a name.
    // (Only read when there is a title to keep or drop.)
    if !after.is_empty() {
        let lower_title = after
            .first()
            .is_some_and(|t| t.starts_with(char::is_lowercase));
        let name_like = toks[words.start].is(lexicon::class::GIVEN)
            || if lower_title {
                looks_like_name(clean, toks, &words)
            } else {
                !has_noun_ending(toks, &words)
            };
        if !name_like {
            after.clear();
        }
    }
    if !after.is_empty() {
        evidence = true;
        titles.extend(after);
        // `Jane Doe, Director, Acme Corp.`: an employer after the title.
        if clean[stop_at..].starts_with(", ") {
            let k = start_token(toks, stop_at);
            push_org_start(clean, toks, k, &mut org_at);
        }
    } else if after_gap == ", " {
        // `Jane Doe, Acme Corp.`: an appositive employer.
        push_org_start(clean, toks, end, &mut org_at);
    }
    // Without a title before, the mention starts where the honorifics do.
    let start_k = if start == hon_start {
        hon_k
    } else {
        start_token_near(toks, start, hon_k)
    };
    if !evidence && cue_before(clean, toks, start_k) && looks_like_name(clean, toks, &words) {
        evidence = true;
    }
    if !evidence && starts_with_given_name(toks, &words) {
        evidence = true;
    }
    if !evidence && alone_on_line(clean, toks, &words) {
        evidence = true;
    }
    // `the Red Cross said`, `American Red Cross said`: a name does not
    // follow an article or run on from a capitalised word.
    let k = start_k;
    if k > 0 && gap_bytes(clean, toks, k - 1) == b" " {
        let p = &toks[k - 1];
        let article = matches!(p.lower(), "the" | "a" | "an") && titles.is_empty();
        let run_on = p.cap
            && titles.is_empty()
            && honorifics.is_empty()
            && !toks[words.start].is(lexicon::class::GIVEN)
            && !is_function_word(&p.lower);
        if article || run_on {
            evidence = false;
        }
    }
    Candidate {
        words,
        mention: toks[start_k].range.start.min(start)..name_end,
        honorifics,
        titles,
        evidence,
        org_at,
    }
}

/// [`lexicon::Lexicon::is_title_head`] of a word in any case; short ASCII
/// words are lower-cased on the stack.
fn is_title_head_any_case(word: &str) -> bool {
    crate::wordhash::with_lower(word, |l| LEXICON.is_title_head(l))
}

/// Records where an organisation may start at token `k`, past a `the`.
fn push_org_start(clean: &str, toks: &[Token], mut k: usize, out: &mut Vec<usize>) {
    if toks.get(k).is_some_and(|t| t.lower == "the") && gap_bytes(clean, toks, k) == b" " {
        k += 1;
    }
    if let Some(t) = toks.get(k).filter(|t| t.cap) {
        out.push(t.range.start);
    }
}

/// Index of the token starting at clean offset `at`.
fn start_token(toks: &[Token], at: usize) -> usize {
    toks.partition_point(|t| t.range.start < at)
        .min(toks.len().saturating_sub(1))
}

/// [`start_token`] for an offset at or a little before the start of token
/// `near`: a few steps back instead of a binary search.
fn start_token_near(toks: &[Token], at: usize, near: usize) -> usize {
    if near >= toks.len() || toks[near].range.start < at {
        return start_token(toks, at);
    }
    let mut k = near;
    for _ in 0..16 {
        if k == 0 || toks[k - 1].range.start < at {
            return k.min(toks.len() - 1);
        }
        k -= 1;
    }
    start_token(toks, at)
}

/// [`gap`] as bytes, for comparisons with ASCII marks: no char-boundary
/// checks (token ends are char boundaries anyway).
#[inline(always)]
fn gap_bytes<'a>(clean: &'a str, toks: &[Token], i: usize) -> &'a [u8] {
    let bytes = clean.as_bytes();
    match toks.get(i + 1) {
        Some(n) => &bytes[toks[i].range.end..n.range.start],
        None => &bytes[toks[i].range.end..],
    }
}

/// The text between token `i` and the next one (or the text's end).
#[inline(always)]
fn gap<'a>(clean: &'a str, toks: &[Token], i: usize) -> &'a str {
    match toks.get(i + 1) {
        Some(n) => &clean[toks[i].range.end..n.range.start],
        None => &clean[toks[i].range.end..],
    }
}

/// Honorifics written right before token `first`: the token index where
/// they start and their texts, in order. The test that turns most names
/// away is inlined into the caller; the reading is not.
#[inline]
fn honorifics_before(clean: &str, toks: &[Token], first: usize) -> (usize, Vec<String>) {
    if first == 0 || !toks[first - 1].is(lexicon::class::HON_LAST) {
        return (toks[first].range.start, Vec::new());
    }
    read_honorifics_before(clean, toks, first)
}

/// [`honorifics_before`] past its first test.
#[inline(never)]
fn read_honorifics_before(clean: &str, toks: &[Token], first: usize) -> (usize, Vec<String>) {
    let mut start = first;
    let mut found = Vec::new();
    // `H.E. Sheikh Dr.`: a few stacked styles at most.
    for _ in 0..4 {
        if start == 0 || !toks[start - 1].is(lexicon::class::HON_LAST) {
            break;
        }
        // Only honorifics ending with this word can match.
        let Some(list) = LEXICON.hon_by_last.get(toks[start - 1].lower()) else {
            break;
        };
        let Some(h) = list.iter().map(|&k| &LEXICON.honorifics[k]).find(|h| {
            h.len() <= start
                && h.iter().enumerate().all(|(k, w)| {
                    let t = start - h.len() + k;
                    toks[t].lower == *w && {
                        let g = gap(clean, toks, t);
                        matches!(g, " " | ". " | ".")
                    }
                })
        }) else {
            break;
        };
        let from = start - h.len();
        // `Attorney General Jane Doe`: a rank right after a title word
        // ends the title.
        if h.len() == 1
            && h[0] == "general"
            && from > 0
            && gap_bytes(clean, toks, from - 1) == b" "
            && toks[from - 1].cap
            && toks[from - 1].is_title_head()
        {
            break;
        }
        // The text with its full stop, if any, in one allocation and
        // without the formatting machinery.
        let text = &clean[toks[from].range.start..toks[start - 1].range.end];
        let dot = clean[toks[start - 1].range.end..].starts_with('.');
        let mut h = String::with_capacity(text.len() + usize::from(dot));
        h.push_str(text);
        if dot {
            h.push('.');
        }
        found.push(h);
        start = from;
    }
    found.reverse();
    let at = if found.is_empty() {
        toks[first].range.start
    } else {
        toks[start].range.start
    };
    (at, found)
}

/// Whether a cue (`said`, `according to`, `by`) stands right before the
/// token `first`.
fn cue_before(clean: &str, toks: &[Token], first: usize) -> bool {
    // Every cue ends with a word marked in the lexicon: most names have
    // none before them.
    if first == 0 || !toks[first - 1].is(lexicon::class::CUE_LAST) {
        return false;
    }
    LEXICON.before.iter().any(|cue| {
        cue.len() <= first
            && cue.iter().enumerate().all(|(k, w)| {
                let t = first - cue.len() + k;
                toks[t].lower == *w && matches!(gap_bytes(clean, toks, t), b" " | b": " | b":")
            })
    })
}

/// Capitalised words that open a sentence or a cue before a name.
fn is_function_word(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "by"
            | "said"
            | "says"
            | "contact"
            | "and"
            | "with"
            | "from"
            | "to"
            | "as"
            | "when"
            | "while"
            | "but"
            | "according"
            | "for"
            | "in"
            | "at"
            | "on"
            | "thanks"
            | "today"
            | "yesterday"
    ) || LEXICON.class(lower) & lexicon::class::CUE_ONE != 0
}

/// Whether a word is an acronym: three or more letters, all capitals.
fn is_acronym(word: &str) -> bool {
    // One pass over the bytes, without early exits (words are short):
    // whether any is an ASCII lower-case letter (a lower-case char in any
    // word), how many are ASCII letters, and whether all are ASCII.
    let (mut lower, mut letters, mut ascii) = (false, 0usize, true);
    for &b in word.as_bytes() {
        lower |= b.is_ascii_lowercase();
        letters += usize::from(b.is_ascii_alphabetic());
        ascii &= b.is_ascii();
    }
    if ascii || lower {
        return !lower && letters > 2;
    }
    !word.chars().any(char::is_lowercase) && word.chars().filter(|c| c.is_alphabetic()).count() > 2
}

/// Whether a word of the run ends like an abstract or plural noun.
fn has_noun_ending(toks: &[Token], words: &Range<usize>) -> bool {
    toks[words.clone()].iter().any(|t| has_noun_end(&t.lower))
}

/// Whether a word ends like an abstract or plural noun, rare at the end
/// of names: `-tion`, `-ness`, `-ing`, `-ers` ...
fn has_noun_end(lower: &str) -> bool {
    let b = lower.as_bytes();
    let n = b.len();
    n >= 3
        && matches!(
            &b[n - 3..],
            b"ing"
                | b"ity"
                | b"ics"
                | b"ies"
                | b"ums"
                | b"age"
                | b"ure"
                | b"ism"
                | b"ogy"
                | b"ery"
                | b"ors"
                | b"ers"
                | b"als"
        )
        || n >= 4
            && matches!(
                &b[n - 4..],
                b"tion" | b"sion" | b"ness" | b"ment" | b"ance" | b"ence" | b"ship"
            )
}

/// Whether a run reads as a name rather than a capitalised phrase: no
/// acronyms, no abstract-noun endings, not all initials.
fn looks_like_name(clean: &str, toks: &[Token], words: &Range<usize>) -> bool {
    let ws = &toks[words.clone()];
    let given = ws.first().is_some_and(|t| t.is(lexicon::class::GIVEN));
    ws.iter().all(|t| {
        let text = &clean[t.range.clone()];
        // An ASCII lower-case letter rules an acronym out before any char
        // is decoded.
        let acronym = !text.bytes().any(|b| b.is_ascii_lowercase())
            && text.chars().filter(|c| c.is_alphabetic()).count() > 2
            && !text.chars().any(char::is_lowercase);
        !acronym && (given || !has_noun_end(&t.lower))
    })
}

/// Whether an age (`, 34,`, `(34)`) or a phone (`: +1 555`) follows a name.
fn age_or_phone_after(clean: &str, name_end: usize) -> bool {
    let rest = &clean[name_end..];
    let mut cut = rest.len().min(24);
    while !rest.is_char_boundary(cut) {
        cut -= 1;
    }
    let rest = &rest[..cut];
    let digits_then = |s: &str| {
        let n = s.chars().take_while(char::is_ascii_digit).count();
        (1..=3).contains(&n) && s[n..].starts_with([',', ')', ' '])
    };
    if let Some(r) = rest.strip_prefix(", ") {
        return digits_then(r) && !r.starts_with('0');
    }
    if let Some(r) = rest.strip_prefix(" (") {
        // `(34)` is an age, `(713) 555-0100` a phone.
        let n = r.chars().take_while(char::is_ascii_digit).count();
        let after = r[n..].strip_prefix(')').unwrap_or("x");
        return (1..=2).contains(&n)
            && !after.trim_start().starts_with(|c: char| c.is_ascii_digit());
    }
    // `Jane Doe 0447 000 000`, `Jane Doe555-0100`: a phone right after.
    let phone = rest.trim_start_matches(' ');
    let digits = phone
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')' | '+'))
        .filter(char::is_ascii_digit)
        .count();
    if digits >= 7 && phone.starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '(') {
        return true;
    }
    rest.strip_prefix(':').is_some_and(|r| {
        let r = r.trim_start_matches(' ');
        let digits = r
            .chars()
            .take_while(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')' | '+'))
            .filter(char::is_ascii_digit)
            .count();
        // The window is cut at 24 bytes, so a phone shows at least 7 digits.
        digits >= 7
    })
}

/// Whether a name of two to four words opens with a common given name.
fn starts_with_given_name(toks: &[Token], words: &Range<usize>) -> bool {
    let n = words.len();
    let first = &toks[words.start];
    (2..=4).contains(&n)
        && first.cap
        && first.is(lexicon::class::GIVEN)
        && toks[words.clone()]
            .iter()
            .any(|t| t.cap && t.lower.chars().count() > 1 && !std::ptr::eq(t, first))
}

/// Whether the name fills its line and the next line reads as a title
/// (a signature block).
fn alone_on_line(clean: &str, toks: &[Token], words: &Range<usize>) -> bool {
    let start = toks[words.start].range.start;
    let end = toks[words.end - 1].range.end;
    let Some(line_end) = ends_line(clean, end).filter(|_| opens_line(clean, start)) else {
        return false;
    };
    let next = clean[line_end..].trim_start_matches('\n');
    let mut cut = next.len().min(200);
    while !next.is_char_boundary(cut) {
        cut -= 1;
    }
    let next_line = next[..cut].lines().next().unwrap_or("");
    next_line
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .take(6)
        .any(|w| crate::wordhash::with_lower(w, |l| LEXICON.is_title_head(l)))
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod hash_tests {
    use super::{PRONOUN_START, ascii_lower_chunk, lower_hash};

    #[test]
    fn pronoun_starts() {
        // Exactly the bytes whose ASCII lower case is `h`, `s` or `w`.
        for b in 0..=255u8 {
            let want = matches!(b | 0x20, b'h' | b's' | b'w');
            assert_eq!(PRONOUN_START[usize::from(b)], want, "byte {b:#x}");
        }
    }

    #[test]
    fn lower_hashes_agree_across_cases() {
        // (text, text with the same lower-case form)
        let cases: &[(&str, &str)] = &[
            ("Zorvin Roads Office", "zorvin roads office"),
            ("ZORVIN@[`{", "zorvin@[`{"),
            ("\u{c9}cole Vorta", "\u{e9}cole vorta"),
            ("", ""),
            ("A", "a"),
        ];
        for (a, b) in cases {
            assert_eq!(lower_hash(a), lower_hash(b), "{a:?} {b:?}");
        }
        assert_ne!(lower_hash("Zorvin"), lower_hash("Zorvim"));
    }

    #[test]
    fn lower_case_equality() {
        let cases: &[(&str, &str, bool)] = &[
            ("Jane Roe", "JANE ROE", true),
            ("Jane Roe", "Jane Rod", false),
            ("\u{c9}lodie Vorta", "\u{e9}LODIE VORTA", true),
            ("\u{c9}lodie", "Elodie", false),
            ("\u{3a3}\u{391}\u{3a3}", "\u{3c3}\u{3b1}\u{3c2}", true),
            ("\u{3a3}\u{391}\u{3a3}", "\u{3c3}\u{3b1}\u{3c3}", false),
            ("Stra\u{df}e", "STRASSE", false),
        ];
        for (a, b, want) in cases {
            assert_eq!(super::same_lower(a, b), *want, "{a:?} {b:?}");
            assert_eq!(a.to_lowercase() == b.to_lowercase(), *want, "{a:?} {b:?}");
        }
    }

    #[test]
    fn ascii_chunks_lower_case() {
        for b in 0u8..0x80 {
            let x = u64::from_le_bytes([b; 8]);
            let want = u64::from_le_bytes([b.to_ascii_lowercase(); 8]);
            assert_eq!(ascii_lower_chunk(x), want, "byte {b:#x}");
        }
    }
}
