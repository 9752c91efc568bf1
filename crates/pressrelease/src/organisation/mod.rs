//! Organisations: names built from cue words, with their acronyms.
//!
//! The reader works on word tokens of the clean text. A name is a run of
//! capitalised words (joined by `of`, `for`, `and`, `the`, `&`, ...) whose
//! head is a cue word (`Ministry`, `Office`, `Foundation`, `Inc.`, ...):
//! `Ministry of Foreign Affairs`, `Acme Water Authority`. Runs without a cue
//! word count only when an acronym in parentheses spells them out, when a
//! stock ticker follows them, or when an `About X` heading names them.
//! Acronyms come from parentheses either way round (`Name (ACR)`,
//! `ACR (Name)`) or from initials, and their later lone uses become
//! mentions of the same organisation.

use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::ops::Range;

use crate::record::Organisation;
use crate::segment::Doc;
use crate::wordhash::{Fnv, WordMap};

mod acronym;
mod context;
mod names;
mod tokens;
mod words;

pub(crate) use words::cue_file;

use acronym::*;
use context::*;
use names::*;
use tokens::*;
use words::*;

/// A set with the cheap hash (the maps here are read once per name or
/// acronym; none is iterated, so the hash cannot change the output).
type FastSet<T> = HashSet<T, BuildHasherDefault<Fnv>>;

/// Above this many organisations, the pairwise acronym passes are skipped
/// (no release names this many; hostile input must stay linear).
const MAX_PAIRWISE: usize = 300;

/// Finds the organisation names inside a piece of text, such as a title:
/// `Director of the Department of International Cooperation` gives the
/// range of `Department of International Cooperation`.
///
/// Only names with a cue word (`Department`, `Ministry`, `Foundation`,
/// `Inc.`, ...) are found here, without a leading `the`; the ranges are
/// byte ranges into `text`, in order.
pub(crate) fn names_in(text: &str) -> Vec<Range<usize>> {
    let (toks, caps) = tokenize_with_caps(text);
    let mut found = Vec::new();
    scan_into(text, &toks, &runs(text, &toks, &caps), &mut found);
    found.into_iter().map(|f| f.range).collect()
}

/// A name written twice over by flattened markup (`Acme LabsAcme Labs`,
/// `AcmeAcme Capital`): the longer copy.
fn undouble(s: &str, r: Range<usize>) -> Range<usize> {
    let n = &s[r.clone()];
    if n.len() > 120 {
        return r;
    }
    // Where a capital follows a small letter or a space: bytes for an
    // ASCII name (nearly all), characters otherwise.
    let splits: &mut dyn Iterator<Item = usize> = if n.is_ascii() {
        let b = n.as_bytes();
        &mut (1..b.len()).filter(move |&i| {
            b[i].is_ascii_uppercase() && (b[i - 1].is_ascii_lowercase() || b[i - 1] == b' ')
        })
    } else {
        let mut prev: Option<char> = None;
        &mut n.char_indices().filter_map(move |(i, c)| {
            let split = c.is_uppercase() && prev.is_some_and(|p| p.is_lowercase() || p == ' ');
            prev = Some(c);
            (split && i > 0).then_some(i)
        })
    };
    for i in splits {
        let a = n[..i].trim_end();
        let b = &n[i..];
        if b.starts_with(a) {
            return r.start + i..r.end;
        }
        if a.starts_with(b) {
            return r.start..r.start + a.len();
        }
    }
    r
}

/// Whether a line is written in Title Case: five or more words, nearly
/// all capitalised, small words (`For`, `To`, `With`) too.
fn is_title_case(line: &str) -> bool {
    // Lists of names (`Sponsors: Acme Bank, Bolt Group`) have commas.
    if line.contains(',') {
        return false;
    }
    let mut counts = TitleCounts::default();
    let counted = if line.is_ascii() {
        // `split_whitespace` a byte at a time.
        let space = |x: u8| x.is_ascii_whitespace() || x == 0x0b;
        let b = line.as_bytes();
        let mut i = 0;
        let mut more = true;
        while more && i < b.len() {
            if space(b[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < b.len() && !space(b[i]) {
                i += 1;
            }
            more = counts.add(&line[start..i]);
        }
        more
    } else {
        line.split_whitespace().all(|w| counts.add(w))
    };
    let TitleCounts { words, caps } = counts;
    if !counted || words < 5 {
        return false;
    }
    // Contact lines have addresses and phone numbers.
    let contact = line.contains('@')
        || line.contains("www.")
        || line
            .as_bytes()
            .windows(3)
            .any(|w| w.iter().all(u8::is_ascii_digit));
    !contact && caps * 100 >= words * 85
}

/// The words [`is_title_case`] counts, and how many are capitalised.
#[derive(Default)]
struct TitleCounts {
    words: usize,
    caps: usize,
}

impl TitleCounts {
    /// Counts one word; false once the line cannot be in Title Case.
    fn add(&mut self, w: &str) -> bool {
        const SMALL: &[&str] = &[
            "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to",
            "with", "vs", "via",
        ];
        if !w.starts_with(char::is_alphabetic) {
            return true;
        }
        let cap = is_cap(w);
        if !cap && SMALL.contains(&w) {
            return true;
        }
        self.words += 1;
        self.caps += usize::from(cap);
        // Five words in small letters are too many for 30 words or less.
        self.words <= 30 && self.words - self.caps <= 4
    }
}

/// Whether a name has more than two words: short names in a headline are
/// usually right.
fn is_long(name: &str) -> bool {
    name.split_whitespace().count() > 2
}

/// Where the core words of a plain name (capitalised words only, no `of`,
/// `and`) start, without a leading `UN` or `United Nations`, and how many
/// there are (the name's words are one space apart); `None` for other
/// names.
fn core_of(name: &str) -> Option<(usize, usize)> {
    let rest = name
        .strip_prefix("UN ")
        .or_else(|| name.strip_prefix("United Nations "))
        .unwrap_or(name);
    let mut n = 0;
    for w in rest.split(' ') {
        if !is_cap(w) || is_connector(w) {
            return None;
        }
        n += 1;
    }
    Some((name.len() - rest.len(), n))
}

/// [`crate::text::fold_space`] of a name, borrowed when the name has only
/// single spaces between words (nearly always): no allocation then.
fn folded(name: &str) -> Cow<'_, str> {
    let b = name.as_bytes();
    // One pass: printable ASCII and single spaces, none at either end
    // (a space before the start counts as one).
    let mut prev = b' ';
    let plain = b.last().is_some_and(|&x| x != b' ')
        && b.iter().all(|&x| {
            let ok = (x > b' ' && x < 0x80) || (x == b' ' && prev != b' ');
            prev = x;
            ok
        });
    if plain {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(crate::text::fold_space(name))
    }
}

/// Lower-cased comparison key of a name: no leading `the`, no legal form.
fn key(name: &str) -> String {
    let mut k = String::new();
    key_into(name, &mut k);
    k
}

/// [`key`], written into `k` (cleared first) so that a buffer serves
/// every name.
fn key_into(name: &str, k: &mut String) {
    k.clear();
    if name.is_ascii() {
        // ASCII names (nearly all): lower-casing keeps every byte in
        // place, so the legal form is looked for in `name` itself, within
        // its last bytes (the longest form is ` incorporated`), and only
        // the bytes kept are copied.
        let cut = legal_cut(name.as_bytes())
            .map_or(name.len(), |at| name[..at].trim_end_matches(',').len());
        k.push_str(&name[..cut]);
        k.make_ascii_lowercase();
        return;
    }
    k.push_str(&name.to_lowercase());
    if let Some(at) = k
        .rfind(' ')
        .filter(|&at| is_legal_suffix(&k.as_bytes()[at..]))
    {
        k.truncate(k[..at].trim_end_matches(',').len());
    }
}

/// The length of the longest legal form of [`is_legal_suffix`], with its
/// space.
const LEGAL_TAIL: usize = " incorporated".len();

/// Where the legal form ending a name of ASCII bytes `b` starts (at its
/// space), if it ends with one in any case (see [`is_legal_suffix`]).
///
/// The name's last bytes are read as one number, without a branch per
/// byte: lower-cased, the last space found, and the word from it
/// compared whole with each form.
fn legal_cut(b: &[u8]) -> Option<usize> {
    let from = b.len().saturating_sub(LEGAL_TAIL);
    let mut tail = [0u8; 16];
    tail[..b.len() - from].copy_from_slice(&b[from..]);
    let x = u128::from_le_bytes(tail);
    // The bytes are ASCII, as `in_range` needs.
    let lower = |w: u64| w | (in_range(w, b'A', b'Z') >> 2);
    let (lo, hi) = (lower(x as u64), lower((x >> 64) as u64));
    let (space_lo, space_hi) = (in_range(lo, b' ', b' '), in_range(hi, b' ', b' '));
    let last = |m: u64| (63 - m.leading_zeros() as usize) / 8;
    let at = if space_hi != 0 {
        8 + last(space_hi)
    } else if space_lo != 0 {
        last(space_lo)
    } else {
        return None;
    };
    // With its length in the top byte (a NUL byte pads no form).
    let len = (b.len() - from - at) as u128;
    let word = (((u128::from(hi) << 64) | u128::from(lo)) >> (8 * at)) | (len << 120);
    LEGAL_WORDS
        .iter()
        .fold(false, |hit, &w| hit | (w == word))
        .then_some(from + at)
}

/// The legal forms of [`is_legal_suffix`], each read as [`legal_cut`]
/// reads a name's last word.
const LEGAL_WORDS: [u128; 15] = {
    const FORMS: [&[u8]; 15] = [
        b" inc.",
        b" inc",
        b" ltd.",
        b" ltd",
        b" llc",
        b" corp.",
        b" corp",
        b" co.",
        b" co",
        b" plc",
        b" limited",
        b" gmbh",
        b" llp",
        b" corporation",
        b" incorporated",
    ];
    let mut out = [0u128; 15];
    let mut i = 0;
    while i < FORMS.len() {
        let mut j = 0;
        while j < FORMS[i].len() {
            out[i] |= (FORMS[i][j] as u128) << (8 * j);
            j += 1;
        }
        out[i] |= (FORMS[i].len() as u128) << 120;
        i += 1;
    }
    out
};

/// Whether a name's last word, with the space before it and lower-cased,
/// is a legal form (every legal form is one word after a space: only the
/// last word can be one; one `match`: the lengths sort the forms before
/// any compare).
fn is_legal_suffix(w: &[u8]) -> bool {
    matches!(
        w,
        b" inc."
            | b" inc"
            | b" ltd."
            | b" ltd"
            | b" llc"
            | b" corp."
            | b" corp"
            | b" co."
            | b" co"
            | b" plc"
            | b" limited"
            | b" gmbh"
            | b" llp"
            | b" corporation"
            | b" incorporated"
    )
}

/// Finds every named organisation, once each.
pub(crate) fn find(doc: &Doc) -> Vec<Organisation> {
    let s = doc.clean();
    // With the capitalised tokens: the passes that look only at those
    // skip the rest.
    let (toks, caps) = tokenize_with_caps(s);
    let runs = runs(s, &toks, &caps);
    // Room for a release's names: the passes add to one buffer.
    let mut found = Vec::with_capacity(64);
    scan_into(s, &toks, &runs, &mut found);
    found.extend(spelled_names(s, &toks, &runs));
    let tickers = ticker_names(s, &toks);
    let mut ticker_of: WordMap<String, String> = WordMap::default();
    for (f, sym) in &tickers {
        ticker_of.insert(key(&s[f.range.clone()]), sym.clone());
        found.push(f.clone());
    }
    found.extend(about_names(doc));
    found.extend(known_names(s, &toks, &caps));
    found.extend(described_names(s, &toks, &runs));
    found.extend(bare_names(s, &toks, &caps));
    found.extend(employer_names(s, &toks));
    found.extend(subject_names(s, &toks, &runs, &caps));
    let listed = listed_names(s, &toks, &runs, &found);
    found.extend(listed);
    found.sort_by_key(|f| (f.range.start, std::cmp::Reverse(f.range.end)));

    // Group by name.
    // (Sized once: at most one body per name.)
    let mut orgs: Vec<Organisation> = Vec::with_capacity(found.len());
    let mut index: WordMap<String, usize> =
        WordMap::with_capacity_and_hasher(found.len(), Default::default());
    for f in &mut found {
        f.range = undouble(s, f.range.clone());
    }
    // (body, clean start) pairs already given as a mention.
    let mut seen: FastSet<(usize, usize)> =
        FastSet::with_capacity_and_hasher(found.len(), Default::default());
    // Each found name's org index, for the Title Case check below.
    let mut org_of: Vec<usize> = Vec::with_capacity(found.len());
    let mut k = String::new();
    for f in &found {
        let name = folded(&s[f.range.clone()]);
        key_into(&name, &mut k);
        let i = match index.get(k.as_str()) {
            Some(&i) => i,
            None => {
                orgs.push(Organisation {
                    name: name.to_string(),
                    acronym: None,
                    mentions: Vec::new(),
                });
                index.insert(k.clone(), orgs.len() - 1);
                orgs.len() - 1
            }
        };
        org_of.push(i);
        let org = &mut orgs[i];
        if name.len() > org.name.len() {
            org.name = name.into_owned();
        }
        if seen.insert((i, f.range.start)) {
            org.mentions.push(doc.text.mention(f.range.clone()));
        }
        if let (None, Some(a)) = (&org.acronym, &f.acronym) {
            org.acronym = Some(s[a.clone()].to_string());
            let m = doc.text.mention(a.clone());
            org.mentions.push(m);
        }
    }

    for o in &mut orgs {
        if o.acronym.is_none() {
            let short = LISTS
                .known
                .iter()
                .find(|(n, _)| *n == o.name)
                .and_then(|(_, a)| a.as_ref());
            if let Some(a) = short {
                if toks.iter().any(|t| text(s, t) == a) {
                    o.acronym = Some(a.clone());
                }
            }
        }
    }

    // Names seen only in Title Case lines (headlines) are too often a
    // headline's words run together. Only a long name with one mention
    // may be dropped, and only the lines holding one are read.
    let doubtful: Vec<bool> = orgs
        .iter()
        .map(|o| o.mentions.len() <= 1 && is_long(&o.name))
        .collect();
    if doubtful.iter().any(|&d| d) {
        let mut title_lines: Vec<Option<bool>> = vec![None; doc.lines.len()];
        // Bodies named outside a Title Case line (every name of a body
        // has the body's key).
        let mut keep = vec![false; orgs.len()];
        for (f, &i) in found.iter().zip(&org_of) {
            if !doubtful[i] || keep[i] {
                continue;
            }
            let l = doc.line_of(f.range.start);
            let in_title = title_lines.get_mut(l).is_some_and(|t| {
                *t.get_or_insert_with(|| is_title_case(doc.slice(doc.lines[l].clone())))
            });
            keep[i] = !in_title;
        }
        let mut keep = doubtful.iter().zip(keep);
        orgs.retain(|_| keep.next().is_none_or(|(&d, k)| !d || k));
    }

    // A name that is another body's acronym is that body. These passes
    // compare names pairwise, so they run only on a release-sized list.
    let small = orgs.len() <= MAX_PAIRWISE;
    let mut i = 0;
    while small && i < orgs.len() {
        let name = orgs[i].name.as_str();
        let owner = is_acronym(name)
            .then(|| {
                orgs.iter().position(|o| {
                    o.name != name
                        && (o.acronym.as_deref() == Some(name)
                            || (o.acronym.is_none() && initials(name, &o.name)))
                })
            })
            .flatten();
        match owner {
            Some(j) => {
                let gone = orgs.remove(i);
                let j = if j > i { j - 1 } else { j };
                orgs[j].acronym.get_or_insert(gone.name);
                orgs[j].mentions.extend(gone.mentions);
            }
            None => i += 1,
        }
    }

    // A name written with a word left out (`UN Kite Safety Compact` beside
    // `Kite Safety Coordination Compact`) is the same body: plain names of
    // three or more capitalised words, same first and last word, one inside
    // the other, a leading `UN` or `United Nations` aside.
    // Where each name's core words start (see `core_of`) and how many
    // there are: worked out once per name, not once per pair.
    let mut cores: Vec<Option<(usize, usize)>> = orgs
        .iter()
        .map(|o| {
            // Under three words (two spaces), a name never pairs: skip
            // reading it.
            let spaces = o.name.bytes().filter(|&b| b == b' ').take(2).count();
            if !small || spaces < 2 {
                return None;
            }
            core_of(&o.name)
        })
        .collect();
    let mut i = 0;
    while small && i < orgs.len() {
        let same = match cores[i] {
            Some((at, n)) if n >= 3 => {
                let short = &orgs[i].name[at..];
                let (first, last) = (short.split(' ').next(), short.rsplit(' ').next());
                orgs.iter().zip(&cores).enumerate().position(|(j, (o, c))| {
                    let Some((long_at, long_n)) = *c else {
                        return false;
                    };
                    let long = &o.name[long_at..];
                    j != i
                        && long_n > n
                        && long.split(' ').next() == first
                        && long.rsplit(' ').next() == last
                        && {
                            let mut it = long.split(' ');
                            short.split(' ').all(|w| it.any(|l| l == w))
                        }
                })
            }
            _ => None,
        };
        match same {
            Some(j) => {
                cores.remove(i);
                let gone = orgs.remove(i);
                let j = if j > i { j - 1 } else { j };
                orgs[j].mentions.extend(gone.mentions);
                if orgs[j].acronym.is_none() {
                    orgs[j].acronym = gone.acronym;
                }
            }
            None => i += 1,
        }
    }

    // A name that starts exactly one longer name is its short form
    // (`Kitewell` beside `Kitewell Foods Inc.`, `Kite Medical` beside
    // `Kite Medical Systems AG`).
    let mut i = 0;
    while small && i < orgs.len() {
        let name = orgs[i].name.as_str();
        let n = name.len();
        let mut longer = orgs.iter().enumerate().filter(|(j, o)| {
            // `name` and a space start `o.name`.
            let starts =
                o.name.len() > n && o.name.as_bytes()[n] == b' ' && o.name.starts_with(name);
            // A longer name of its own (`Kite University School of
            // Music` beside `Kite University`) is another body.
            *j != i && starts && (!name.contains(' ') || o.name[n + 1..].split(' ').count() <= 2)
        });
        match (longer.next(), longer.next()) {
            (Some((j, _)), None) => {
                let gone = orgs.remove(i);
                let j = if j > i { j - 1 } else { j };
                orgs[j].mentions.extend(gone.mentions);
                if orgs[j].acronym.is_none() {
                    orgs[j].acronym = gone.acronym;
                }
            }
            _ => i += 1,
        }
    }

    // Lone capitalised acronyms: mentions of a body they define or spell.
    let mut by_acr: WordMap<String, usize> = WordMap::default();
    for (i, o) in orgs.iter().enumerate() {
        if let Some(a) = &o.acronym {
            by_acr.insert(a.clone(), i);
        }
    }
    let mut by_ticker: WordMap<&str, usize> = WordMap::default();
    for (i, o) in orgs.iter().enumerate() {
        if ticker_of.is_empty() {
            break;
        }
        if let Some(sym) = ticker_of.get(&key(&o.name)) {
            by_ticker.entry(sym.as_str()).or_insert(i);
        }
    }
    // Clean ranges already given as mentions, sorted, for a quick
    // containment test.
    // (A plain loop: a `flat_map` collect grows the vector step by step.)
    let mut covered: Vec<Range<usize>> = Vec::with_capacity(2 * found.len());
    for f in &found {
        covered.push(f.range.clone());
        covered.extend(f.acronym.clone());
    }
    covered.sort_by_key(|r| r.start);
    let is_covered = |r: &Range<usize>| {
        let k = covered.partition_point(|c| c.start <= r.start);
        covered[k.saturating_sub(4)..k]
            .iter()
            .any(|c| c.end >= r.end)
    };
    let mut tried: FastSet<&str> = FastSet::default();
    // Acronyms are capitalised.
    for &k in &caps {
        let t = &toks[k];
        if !t.word || !t.is(ACRONYM) {
            continue;
        }
        let w = text(s, t);
        let i = match by_acr.get(w) {
            Some(&i) => i,
            None => {
                let mut hit = None;
                // `KU Women` opens a name of its own: not the short form of
                // `Kite University`.
                let in_name = toks
                    .get(k + 1)
                    .is_some_and(|n| n.word && !n.brk && n.is(CAP));
                if !tried.contains(w) && !in_name {
                    if !inside_ticker(s, t) {
                        tried.insert(w);
                    }
                    if small {
                        hit = orgs
                            .iter()
                            .position(|o| o.acronym.is_none() && initials(w, &o.name));
                    }
                    hit = hit.or_else(|| {
                        by_ticker
                            .get(w)
                            .copied()
                            .filter(|&i| orgs[i].acronym.is_none() && !inside_ticker(s, t))
                    });
                    if let Some(i) = hit {
                        orgs[i].acronym = Some(w.to_string());
                    }
                }
                // Bounded, so that hostile input stays linear.
                let room = orgs.len() <= MAX_PAIRWISE;
                if hit.is_none() && room && !is_covered(&t.r()) && lone_body(s, &toks, k) {
                    // A body named only by its acronym (`ACME has ...`),
                    // unless a name holds it as a word (`ACME Labs`).
                    let holder = orgs.iter().position(|o| o.name.split(' ').any(|x| x == w));
                    hit = holder.or_else(|| {
                        orgs.push(Organisation {
                            name: w.to_string(),
                            acronym: None,
                            mentions: Vec::new(),
                        });
                        Some(orgs.len() - 1)
                    });
                }
                let Some(i) = hit else { continue };
                by_acr.insert(w.to_string(), i);
                i
            }
        };
        if !is_covered(&t.r()) {
            orgs[i].mentions.push(doc.text.mention(t.r()));
        }
    }
    for o in &mut orgs {
        o.mentions.sort_by_key(|m| m.start);
    }
    orgs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<&str> {
        names_in(s).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn finds_names_in_text() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Director of the Department of Sea Trade",
                &["Department of Sea Trade"],
            ),
            (
                "the Ministry of Foreign Affairs and the Ministry of Interior",
                &["Ministry of Foreign Affairs", "Ministry of Interior"],
            ),
            (
                "Chair of the Coastal Committee of the Ministry of Fish",
                &["Coastal Committee", "Ministry of Fish"],
            ),
            ("Minister for Health", &[]),
            (
                "the Lakeside Water and Power Authority said",
                &["Lakeside Water and Power Authority"],
            ),
            (
                "Ministry of Education and Research",
                &["Ministry of Education and Research"],
            ),
            (
                "Borland Foundation Announces New Grants",
                &["Borland Foundation"],
            ),
            ("the Borland Foundation Award", &[]),
            ("the Government", &[]),
            (
                "Ministry of Interior of the State of Farland",
                &["Ministry of Interior"],
            ),
            ("Quillon Widgets, Inc. said", &["Quillon Widgets, Inc."]),
            (
                "the Northland Sea Maritime, Fishing, and Coastal Organization (NSMFCO)",
                &["Northland Sea Maritime, Fishing, and Coastal Organization"],
            ),
            (
                "Department of Sea and Fish and Coastal Services",
                &["Department of Sea and Fish and Coastal Services"],
            ),
            (
                "Ridley Pumps Group and Kestrel Motors",
                &["Ridley Pumps Group"],
            ),
            (
                "Lake Farms and the Ridley Pumps Group",
                &["Ridley Pumps Group"],
            ),
            ("Lake Farms and Jo Q. Ridley Group", &["Jo Q. Ridley Group"]),
            (
                "Ridley Pumps Services International said",
                &["Ridley Pumps Services International"],
            ),
            (
                "Programme Office on Harbour Safety in Preventing Floods",
                &["Programme Office on Harbour Safety in Preventing Floods"],
            ),
            ("the Government in the Senate", &[]),
            (
                "Veterans' Affairs Department of Farland",
                &["Veterans' Affairs Department of Farland"],
            ),
        ];
        for (input, want) in cases {
            assert_eq!(&names(input), want, "input {input:?}");
        }
    }

    #[test]
    fn keys_drop_case_and_legal_forms() {
        let cases = [
            ("Kite Labs", "kite labs"),
            ("Kite Labs, Inc.", "kite labs"),
            ("Kite Labs Inc", "kite labs"),
            ("Kite Co", "kite"),
            ("Kite Co. Ltd", "kite co."),
            ("Kite Incorporated", "kite"),
            ("Kite  LLC", "kite "),
            ("Kiteinc", "kiteinc"),
            (
                "Kite Aerospace Engineering Corporation",
                "kite aerospace engineering",
            ),
            ("Kite Labs,, INCORPORATED", "kite labs"),
            (
                "Kite Shipping Incorporations",
                "kite shipping incorporations",
            ),
            ("Kite inc. of Bolton", "kite inc. of bolton"),
            ("Co", "co"),
            ("Inc", "inc"),
            ("\u{c9}cole Kite GmbH", "\u{e9}cole kite"),
        ];
        for (name, want) in cases {
            assert_eq!(key(name), want, "{name:?}");
        }
    }

    #[test]
    fn legal_cut_agrees_with_the_byte_by_byte_reading() {
        // The reading `legal_cut` replaced: the last space within the
        // last bytes, and the lower-cased word from it.
        let old = |b: &[u8]| {
            let tail = b.len().saturating_sub(LEGAL_TAIL)..b.len();
            b[tail.clone()]
                .iter()
                .rposition(|&x| x == b' ')
                .map(|p| tail.start + p)
                .filter(|&at| is_legal_suffix(&b[at..].to_ascii_lowercase()))
        };
        let cases = [
            "Kite Labs",
            "Kite Labs, Inc.",
            "Kite Labs Inc",
            "Kite Co",
            "Kite Co. Ltd",
            "Kite Incorporated",
            "Kite Labs INCORPORATED",
            "Kite CORPORATION",
            "Kite Corporations",
            "Kite  LLC",
            "Kite LLC ",
            "Kite inc\0",
            "Kite inc.\0",
            "Kiteinc",
            "Kite GmbH",
            "Kite Limited",
            "Kite Limitedx",
            " inc",
            "Co",
            "Inc",
            "",
            " ",
            "A B C D E F G H",
            "Kite Plc",
            "Kite-Co",
            "Kite @Co",
            "Kite [CO",
        ];
        for name in cases {
            let b = name.as_bytes();
            assert_eq!(legal_cut(b), old(b), "{name:?}");
        }
    }

    #[test]
    fn cores_agree_with_the_word_by_word_reading() {
        // The reading `core_of` replaced.
        let old = |name: &str| {
            let rest = name
                .strip_prefix("UN ")
                .or_else(|| name.strip_prefix("United Nations "))
                .unwrap_or(name);
            rest.split(' ')
                .all(|w| is_cap(w) && !is_connector(w))
                .then(|| (name.len() - rest.len(), rest.split(' ').count()))
        };
        let cases = [
            "Kite Safety Coordination Compact",
            "UN Kite Safety Compact",
            "United Nations Kite Office",
            "Office of Kites",
            "Office Of Kites",
            "Kite  Labs",
            "Kite Labs ",
            "UN",
            "UN ",
            "",
            "Kite And Bolt",
            "\u{c9}cole Kite Labs",
            "d'Kite Labs",
            "5G Kite Labs",
        ];
        for name in cases {
            assert_eq!(core_of(name), old(name), "{name:?}");
        }
    }

    #[test]
    fn folded_names_match_fold_space() {
        // (name, borrowed as it is)
        let cases = [
            ("Kite Labs", true),
            ("Kite  Labs", false),
            ("Kite\nLabs", false),
            (" Kite Labs", false),
            ("Kite Labs ", false),
            ("Kite\tLabs", false),
            ("\u{c9}cole Kite", false),
            ("Kite\u{a0}Labs", false),
            ("K", true),
            ("", false),
        ];
        for (name, borrowed) in cases {
            let got = folded(name);
            assert_eq!(got, crate::text::fold_space(name), "{name:?}");
            assert_eq!(matches!(got, Cow::Borrowed(_)), borrowed, "{name:?}");
        }
    }

    #[test]
    fn doubled_names_keep_one_copy() {
        let cases: &[(&str, &str)] = &[
            ("Acme LabsAcme Labs", "Acme Labs"),
            ("AcmeAcme Capital", "Acme Capital"),
            ("Acme Labs", "Acme Labs"),
            ("Kite Labs Kite", "Kite Labs"),
            ("\u{c9}cole Kite\u{c9}cole Kite", "\u{c9}cole Kite"),
            ("\u{c9}cole Kite", "\u{c9}cole Kite"),
            ("A", "A"),
            ("", ""),
        ];
        for (name, want) in cases {
            let r = undouble(name, 0..name.len());
            assert_eq!(&name[r], *want, "{name:?}");
        }
    }

    #[test]
    fn reads_acronyms_and_tickers() {
        let input = "The Office of Sea Trade (OST) met the Harbour League of Merchants (HLM).\n\nLater OST spoke. Quillon Widgets (NASDAQ: QWID) grew. QWID sells.\n\nAbout Bramble Labs\n\nText.";
        let doc = Doc::new(input);
        let orgs = find(&doc);
        let got: Vec<(&str, Option<&str>)> = orgs
            .iter()
            .map(|o| (o.name.as_str(), o.acronym.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("Office of Sea Trade", Some("OST")),
                ("Harbour League of Merchants", Some("HLM")),
                ("Quillon Widgets", Some("QWID")),
                ("Bramble Labs", None),
            ]
        );
        assert_eq!(orgs[0].mentions.len(), 3);
    }

    #[test]
    fn well_known_bodies_keep_a_short_form_in_parentheses() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Envoys met the European Union (Unionis) today.",
                Some("Unionis"),
            ),
            ("Envoys met the European Union (Belgium) today.", None),
            ("Envoys met the European Union (Union) today.", None),
        ];
        for (input, want) in cases {
            let orgs = find(&Doc::new(input));
            let got = orgs.first().and_then(|o| o.acronym.as_deref());
            assert_eq!(got, *want, "input {input:?}");
        }
    }

    #[test]
    fn acronym_forms() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "the Office of Sea Trade (\"OST\") met",
                "Office of Sea Trade",
                Some("OST"),
            ),
            (
                "the Office of Sea Trade (the OST) met",
                "Office of Sea Trade",
                Some("OST"),
            ),
            (
                "on the Kestrel Stock Exchange (KSE: QWI) today",
                "Kestrel Stock Exchange",
                Some("KSE"),
            ),
            (
                "Quillon Widgets Inc. (NASDAQ: QWI) grew",
                "Quillon Widgets Inc.",
                None,
            ),
            (
                "the Harbour University said. HU staff",
                "Harbour University",
                Some("HU"),
            ),
            (
                "the Coastal County Sheriff's Department said",
                "Coastal County Sheriff's Department",
                None,
            ),
            (
                "Brindle Labs, a software company, said",
                "Brindle Labs",
                None,
            ),
            ("a bill in Congress passed", "Congress", None),
            ("The Taliban, a group, said", "Taliban", None),
            (
                "Jo Bell, founder of Kite Hill Ventures, said",
                "Kite Hill Ventures",
                None,
            ),
            ("Jo Bell, CEO of Bramblewick, said", "Bramblewick", None),
            (
                "It works with partners, including Kitewell, Brambly Foods, Quillon and Harbourlight.",
                "Brambly Foods",
                None,
            ),
            (
                "Sponsors are Acme Bank, Kitewell, Quillon and Harbourlight.",
                "Harbourlight",
                None,
            ),
            (
                "Bramble Office Opens Doors For New Harbour Team Leaders\n\nThe Bramble Office said.",
                "Bramble Office",
                None,
            ),
            (
                "The Quiet Harbour Project (QHP), a charity, said",
                "Quiet Harbour Project",
                Some("QHP"),
            ),
            (
                "The KESTREL Open Kite Contest (KESTRELOKC) was founded",
                "KESTREL Open Kite Contest",
                Some("KESTRELOKC"),
            ),
            (
                "the Union of Coastal and Inland Fish Traders (UCIFT) in 2020",
                "Union of Coastal and Inland Fish Traders",
                Some("UCIFT"),
            ),
            ("Since 2001, QWIB has grown.", "QWIB", None),
            (
                "with Kite Australia today announcing a plan",
                "Kite Australia",
                None,
            ),
            (
                "the Ministry of Kites, Strings and Tails said",
                "Ministry of Kites, Strings and Tails",
                None,
            ),
            (
                "said Kite Advisors Chief Officer and Kite Funds President Jo Bell.",
                "Kite Funds",
                None,
            ),
            (
                "a statement from the Office of the Commissioner for Kite Affairs",
                "Office of the Commissioner for Kite Affairs",
                None,
            ),
            ("the Kite Faculty of Law met", "Kite Faculty of Law", None),
            (
                "the Kite University met KU Women staff",
                "Kite University",
                None,
            ),
            (
                "Fondation Marisol pour l'Eau and the Université de Lisle Engineer Jo Bell",
                "Université de Lisle",
                None,
            ),
            (
                "Fondation Marisol pour l'Eau said",
                "Fondation Marisol pour l'Eau",
                None,
            ),
            ("The DAs Office will act", "DAs Office", None),
            (
                "Kitewell Launches New Kites\n\nText here.",
                "Kitewell",
                None,
            ),
            (
                "Bramble SKY Names New Chief\n\nText here.",
                "Bramble SKY",
                None,
            ),
            ("The KITE Labs today announced a kite.", "KITE Labs", None),
            (
                "Call the Kite Safety Unit: 555 010 0100 - Harbour Department of Fish and Wild Kites: 555 010 0101",
                "Harbour Department of Fish and Wild Kites",
                None,
            ),
            (
                "The Last Kite Project (LKP), a charity, said",
                "Last Kite Project",
                Some("LKP"),
            ),
            (
                "The Kite Party (KP) today announcing a plan",
                "Kite Party",
                Some("KP"),
            ),
            (
                "Under the Kite Plan, Congress passed a bill.",
                "Congress",
                None,
            ),
            (
                "It was investigated by the Harbour Police Department Detectives Jo Bell and Al Roe.",
                "Harbour Police Department",
                None,
            ),
            (
                "Jo Bell, Director for Kite Policy at Bramble Works, spoke.",
                "Bramble Works",
                None,
            ),
            (
                "Jo Bell, a nurse at Harbour Mercy, spoke.",
                "Harbour Mercy",
                None,
            ),
            (
                "We met with executives of Kitewell, Bramblo, Quillon and Harbly.",
                "Bramblo",
                None,
            ),
            (
                "It helps companies like Kitewell, Bramblo, Quillon and Harbly.",
                "Harbly",
                None,
            ),
            (
                "the Kite Institute of Wind Sciences in Harbourton said",
                "Kite Institute of Wind Sciences",
                None,
            ),
            (
                "we think the Kite Office for Preventing Storms in Harbours and Coasts met today",
                "Kite Office for Preventing Storms in Harbours and Coasts",
                None,
            ),
            (
                "we think the Kite Office for West Harbour and the Reefs met today",
                "Kite Office for West Harbour and the Reefs",
                None,
            ),
            (
                "Contact: Jo BellKITE Advisory Group (555) 010-0100 jo@kite.example",
                "KITE Advisory Group",
                None,
            ),
            (
                "Founded by Jo Bell, the firm sells kites. Courses by Kitewell, the learning platform.",
                "Kitewell",
                None,
            ),
            ("Sold via QWIB to readers.", "QWIB", None),
        ];
        for (input, name, acr) in cases {
            let orgs = find(&Doc::new(input));
            let got = orgs.iter().find(|o| o.name == *name);
            assert!(got.is_some(), "input {input:?}: {orgs:?}");
            assert_eq!(
                got.and_then(|o| o.acronym.as_deref()),
                *acr,
                "input {input:?}"
            );
        }
    }

    #[test]
    fn terms_and_titles_are_not_bodies() {
        let cases = [
            "Teachers share Open Kite Lessons (OKL) online.",
            "Our CEO said it. The EV is fast.",
            "The KITE DAO is new.",
            "Kite Bolt (KITEBOLT) grew.",
            "Founded by Jo Bell, the firm sells kites.",
            "Jo Bell, Director at the Annual Meeting, spoke.",
            "Jo Bell Named Chief of Kites\n\nText here.",
            "Jo Said, 40, was found.",
            "It breaks Penal Code Section 12 today.",
            "Bell Signs Kite Bill\n\nSenator Jo Bell signed it.",
            "France Signs Deal\n\nText here.",
            "The board has members, including Jo Bell, President, and Al Roe, Chair.",
        ];
        for input in cases {
            let orgs = find(&Doc::new(input));
            assert!(orgs.is_empty(), "input {input:?}: {orgs:?}");
        }
    }

    #[test]
    fn people_lists_are_not_bodies() {
        let input = "Speakers were Jo Bell, Ann Roe and Tim Doe.";
        assert!(find(&Doc::new(input)).is_empty());
        let input = "Sponsors are Acme Bank, Kitewell and Jo Q. Bell.";
        let names: Vec<String> = find(&Doc::new(input)).into_iter().map(|o| o.name).collect();
        assert_eq!(names, ["Acme Bank", "Kitewell"]);
    }

    #[test]
    fn short_forms_join_their_body() {
        let input = "Kitewell Foods Inc. grew. Kitewell, a food company, hired.";
        let orgs = find(&Doc::new(input));
        assert_eq!(orgs.len(), 1, "{orgs:?}");
        assert_eq!(orgs[0].name, "Kitewell Foods Inc.");
        assert_eq!(orgs[0].mentions.len(), 2);
    }

    #[test]
    fn short_names_join_one_longer_name() {
        let input = "Kite Medical Systems AG grew. Jo Bell, CEO of Kite Medical, spoke. \
                     Harbour University and the Harbour University School of Kite Design met.";
        let names: Vec<String> = find(&Doc::new(input)).into_iter().map(|o| o.name).collect();
        assert_eq!(
            names,
            [
                "Kite Medical Systems AG",
                "Harbour University",
                "Harbour University School of Kite Design"
            ]
        );
    }

    #[test]
    fn names_with_a_word_left_out_are_one_body() {
        let input = "The Kite Safety Coordination Compact met. The UN Kite Safety Compact said. \
                     The Harbour Kite Office and the Harbour Office met.";
        let names: Vec<String> = find(&Doc::new(input)).into_iter().map(|o| o.name).collect();
        assert_eq!(
            names,
            [
                "Kite Safety Coordination Compact",
                "Harbour Kite Office",
                "Harbour Office"
            ]
        );
    }

    #[test]
    fn headline_runs_are_dropped() {
        let input = "Sanders Leads Quiet Harbour Review Committee For Fish Policy\n\nText here by Jo Sanders.";
        let orgs = find(&Doc::new(input));
        assert!(orgs.is_empty(), "{orgs:?}");
        assert!(is_title_case("Acme Group Opens Doors For New Staff"));
        let cases: &[(&str, bool)] = &[
            ("Kite Labs Opens a New Office in Harbourton", true),
            (
                "Kite Labs opens a new office in the old harbour town",
                false,
            ),
            ("Kite Labs Opens Office", false),
            ("Kite Labs Opens Office at 120 Harbour Road Today", false),
            ("Kite Labs Opens Harbour Office, Adds Staff", false),
            ("A B C D E F G H I J K L one two", true),
            ("A B C D E F G H I J K L one two three", false),
            (
                "one two three four five A B C D E F G H I J K L M N O P Q R S T U V W X Y Z",
                false,
            ),
        ];
        for (line, want) in cases {
            assert_eq!(is_title_case(line), *want, "{line:?}");
        }
        assert!(!is_title_case(
            "Sponsors: Acme Group, Bolt Bank, Kite Labs And More"
        ));
    }

    #[test]
    fn hostile_input_does_not_panic() {
        let long = "Alpha ".repeat(10_000) + "Office";
        assert_eq!(names(&long).len(), 1);
        let _ = names("( ( (NASDAQ: X) ) About");
        let _ = find(&Doc::new(
            "Kite\u{2019}s Office-\u{e9}t\u{e9} Lab.\u{e9} Ann\u{2019}\u{e9}",
        ));
        assert_eq!(names("the Board of Kites.3 met"), ["Board of Kites"]);
        let _ = find(&Doc::new("About \n(\"\nOffice (A"));
        let many = "the United Nations (UN) and UN ".repeat(20_000);
        let orgs = find(&Doc::new(&many));
        assert_eq!(orgs[0].acronym.as_deref(), Some("UN"));
        assert_eq!(orgs.len(), 1);
        let firms: String = (0..3_000)
            .map(|i| format!("Q{i}X Labs (Q{i}X), a company. "))
            .collect();
        assert_eq!(find(&Doc::new(&firms)).len(), 3_000);
        let lone: String = (0..20_000)
            .map(|i| format!("Q{}X has grown. ", char::from(b'A' + (i % 26) as u8)))
            .collect();
        assert!(find(&Doc::new(&lone)).len() <= 26);
        let many_lone: String = (0..5_000)
            .map(|i| {
                let a = char::from(b'A' + (i % 26) as u8);
                let b = char::from(b'A' + (i / 26 % 26) as u8);
                let c = char::from(b'A' + (i / 676 % 26) as u8);
                format!("{a}{b}{c}Q has grown. ")
            })
            .collect();
        assert!(find(&Doc::new(&many_lone)).len() <= MAX_PAIRWISE + 1);
        let listed = format!("partners, including {}", ["Kite Office"; 20_000].join(", "));
        let orgs = find(&Doc::new(&listed));
        assert_eq!(orgs.len(), 1);
        assert_eq!(orgs[0].mentions.len(), 20_000);
    }
}
