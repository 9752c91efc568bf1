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

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::record::Organisation;
use crate::segment::Doc;

/// The word lists of `data/org_cues.txt`, by section.
struct Lists {
    cue: HashSet<String>,
    lead: HashSet<String>,
    title: HashSet<String>,
    nonhead: HashSet<String>,
    verb: HashSet<String>,
    tail: HashSet<String>,
    generic: HashSet<String>,
    kind: HashSet<String>,
    bare: HashSet<String>,
    possessor: HashSet<String>,
    employer: HashSet<String>,
    list_noun: HashSet<String>,
    act: HashSet<String>,
    not_acronym: HashSet<String>,
    /// Well-known bodies without a cue word, as written, with a short form.
    known: Vec<(String, Option<String>)>,
    not_orgs: HashSet<String>,
    places: HashSet<String>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let mut lists = Lists {
        cue: HashSet::new(),
        lead: HashSet::new(),
        title: HashSet::new(),
        nonhead: HashSet::new(),
        verb: HashSet::new(),
        tail: HashSet::new(),
        generic: HashSet::new(),
        kind: HashSet::new(),
        bare: HashSet::new(),
        possessor: HashSet::new(),
        employer: HashSet::new(),
        list_noun: HashSet::new(),
        act: HashSet::new(),
        not_acronym: HashSet::new(),
        known: Vec::new(),
        not_orgs: words(include_str!("../data/not_orgs.txt")).collect(),
        places: words(include_str!("../data/places.txt")).collect(),
    };
    let mut section = "";
    for line in include_str!("../data/org_cues.txt").lines() {
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
            "act" => &mut lists.act,
            "not_acronym" => &mut lists.not_acronym,
            _ => continue,
        };
        set.insert(line.to_lowercase());
    }
    lists
});

/// The entries of a one-per-line list, lower-cased, comments skipped.
fn words(data: &'static str) -> impl Iterator<Item = String> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
}

/// A stock ticker in parentheses: `(NASDAQ: ACME)`, `(OTC: AERA)`.
static TICKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\((?:NASDAQ|Nasdaq|NYSE|NYSE American|OTC|OTCQB|OTCQX|OTC Markets|TSX|TSXV|TSX-V|CSE|ASX|LSE|AIM|Euronext|NEO|CBOE|Cboe)[A-Za-z ]*:\s*([A-Z][A-Z0-9.]{0,7})\)",
    )
    .expect("ticker regex")
});

/// Above this many organisations, the pairwise acronym passes are skipped
/// (no release names this many; hostile input must stay linear).
const MAX_PAIRWISE: usize = 300;

/// Lowercase words that may join the capitalised words of a name.
const CONNECTORS: &[&str] = &[
    "of", "for", "on", "and", "the", "de", "du", "des", "la", "le", "bin", "bint", "al", "el",
    "von", "van", "der", "den", "y", "da", "di", "in", "to",
];

/// Abbreviations that keep their full stop as part of the word.
const KEEP_DOT: &[&str] = &[
    "Inc", "Co", "Corp", "Ltd", "Bros", "St", "Jr", "Sr", "Cos", "Mfg", "Intl", "Assn", "Dept",
];

/// One word or punctuation mark of the text.
#[derive(Debug, Clone)]
struct Tok {
    /// Byte range in the text scanned.
    r: Range<usize>,
    /// Whether this is a word (else one punctuation character).
    word: bool,
    /// Whether a line break comes before the token.
    brk: bool,
}

/// Splits `s` into word and punctuation tokens, in one pass.
fn tokenize(s: &str) -> Vec<Tok> {
    let b = s.as_bytes();
    let mut toks = Vec::new();
    let mut brk = true;
    let mut i = 0;
    while i < s.len() {
        let c = match s[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        if c == '\n' {
            brk = true;
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c.is_alphanumeric() {
            let start = i;
            let mut end = i + c.len_utf8();
            let mut seam = None;
            let mut prev = c;
            while let Some(n) = s[end..].chars().next() {
                if n.is_alphanumeric() {
                    if seam.is_none() && prev.is_lowercase() && n.is_uppercase() {
                        seam = Some(end);
                    }
                    prev = n;
                    end += n.len_utf8();
                    continue;
                }
                // Inner `-`, `'` and `.` stay in the word (`Counter-Terrorism`,
                // `U.S`) when a letter or digit follows.
                if !matches!(n, '-' | '\'' | '.') {
                    break;
                }
                let after = s[end + 1..].chars().next();
                // `Directors.3` is a word and a footnote mark, `U.S` one word.
                let footnote = n == '.'
                    && after.is_some_and(|a| a.is_ascii_digit())
                    && s[..end].ends_with(|p: char| p.is_alphabetic());
                if after.is_some_and(char::is_alphanumeric) && !footnote {
                    end += 1;
                    continue;
                }
                break;
            }
            // A plural possessive keeps its apostrophe (`Veterans' Affairs`).
            if s[start..end].ends_with('s')
                && s[end..].starts_with("' ")
                && s[end + 2..].starts_with(|c: char| c.is_uppercase())
            {
                end += 1;
            }
            // A possessive `'s` is not part of the name, unless a
            // capitalised word follows (`District Attorney's Office`).
            if s[start..end].ends_with("'s") && end - start > 2 {
                let next_cap = s[end..]
                    .strip_prefix(' ')
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_uppercase);
                if !next_cap || !in_set(&LISTS.possessor, &s[start..end - 2]) {
                    end -= 2;
                }
            }
            // Lines flattened into one (`Jo BellACME Group`, `Contact
            // DetailsAcme Labs`) leave a seam inside a word: the word ends
            // there, and a line break comes before the rest.
            if let Some(m) = seam.filter(|&m| is_glued(s, start, m, end)) {
                toks.push(Tok {
                    r: start..m,
                    word: true,
                    brk,
                });
                brk = true;
                i = m;
                continue;
            }
            let w = &s[start..end];
            if b.get(end) == Some(&b'.') {
                let one_capital = w.len() == 1 && c.is_uppercase();
                if one_capital || KEEP_DOT.contains(&w) || w.contains('.') {
                    end += 1;
                }
            }
            toks.push(Tok {
                r: start..end,
                word: true,
                brk,
            });
            brk = false;
            i = end;
            continue;
        }
        let n = c.len_utf8();
        toks.push(Tok {
            r: i..i + n,
            word: false,
            brk,
        });
        brk = false;
        i += n;
    }
    toks
}

/// Whether the word `start..end` is two words glued at the seam `m`
/// (a lower-case letter, then a capital): the rest starts with two capitals
/// (`BellACME`). Camel-case names (`AmpliKite`, `KiteCo`) stay whole.
fn is_glued(s: &str, start: usize, m: usize, end: usize) -> bool {
    let mut head = s[start..m].chars();
    let capital_head = head.next().is_some_and(char::is_uppercase)
        && head.filter(|c| c.is_lowercase()).count() >= 2;
    let mut rest = s[m..end].chars();
    rest.next();
    capital_head && rest.next().is_some_and(char::is_uppercase)
}

/// The text of a token.
fn text<'s>(s: &'s str, t: &Tok) -> &'s str {
    &s[t.r.clone()]
}

/// Whether a word starts with a capital letter.
fn is_cap(w: &str) -> bool {
    let mut chars = w.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => true,
        // `5G`, `3M`: a digit led word with capitals.
        Some(c) if c.is_ascii_digit() => chars.any(char::is_uppercase),
        _ => false,
    }
}

/// Whether a word looks like an acronym: `UNOCT`, `T-ROC`, `UNESCO`.
fn is_acronym(w: &str) -> bool {
    let upper = w.chars().filter(|c| c.is_uppercase()).count();
    let lower = w.chars().filter(|c| c.is_lowercase()).count();
    is_cap(w) && upper >= 2 && lower <= upper && w.len() <= 12
}

fn is_connector(w: &str) -> bool {
    CONNECTORS.contains(&w)
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

fn in_set(set: &HashSet<String>, w: &str) -> bool {
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

fn is_cue(w: &str) -> bool {
    in_set(&LISTS.cue, w)
}

/// A name found in a text: its byte range and the range of its acronym.
#[derive(Debug, Clone)]
struct Found {
    range: Range<usize>,
    acronym: Option<Range<usize>>,
}

/// Finds the organisation names inside a piece of text, such as a title:
/// `Director of the Department of International Cooperation` gives the
/// range of `Department of International Cooperation`.
///
/// Only names with a cue word (`Department`, `Ministry`, `Foundation`,
/// `Inc.`, ...) are found here, without a leading `the`; the ranges are
/// byte ranges into `text`, in order.
pub(crate) fn names_in(text: &str) -> Vec<Range<usize>> {
    let toks = tokenize(text);
    scan(text, &toks).into_iter().map(|f| f.range).collect()
}

/// Capitalised runs: index ranges into `toks`, each starting and ending on
/// a capitalised word.
fn runs(s: &str, toks: &[Tok]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !(t.word && is_cap(text(s, t))) {
            i += 1;
            continue;
        }
        let start = i;
        let mut last = i;
        let mut k = i + 1;
        let mut joins = 0;
        while k < toks.len() && !toks[k].brk {
            let w = text(s, &toks[k]);
            if toks[k].word && is_cap(w) && CONNECTORS.iter().any(|c| c.eq_ignore_ascii_case(w)) {
                // Title Case `Of`, `For`, `And`, `The` in headlines.
                if joins >= 2 {
                    break;
                }
                joins += 1;
            } else if toks[k].word && is_cap(w) && in_set(&LISTS.lead, w) {
                break;
            } else if toks[k].word && is_cap(w) {
                last = k;
                joins = 0;
            } else if (is_connector(w) && joins < 2 && (w != "the" || joins > 0))
                || (w == "," && k + 1 < toks.len() && is_legal(text(s, &toks[k + 1])))
            {
                joins += 1;
            } else {
                break;
            }
            k += 1;
        }
        out.push(start..last + 1);
        i = last + 1;
    }
    out
}

/// Legal forms that may follow a comma inside a company name.
fn is_legal(w: &str) -> bool {
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
fn is_of(w: &str) -> bool {
    matches!(w, "of" | "for" | "on" | "Of" | "For" | "On")
}

/// Whether a connector starts a new phrase rather than continuing a name.
fn is_boundary(w: &str) -> bool {
    is_of(w) || matches!(w, "in" | "In" | "at" | "At")
}

/// Cue-headed names inside one capitalised run (token indices, end
/// exclusive).
fn names_in_run(s: &str, toks: &[Tok], run: Range<usize>) -> Vec<Range<usize>> {
    let lists = &*LISTS;
    let mut out = Vec::new();
    let mut pos = run.start;
    while pos < run.end {
        let Some(cue) = (pos..run.end).find(|&k| toks[k].word && is_cue(text(s, &toks[k]))) else {
            break;
        };
        // The name starts after the last `of`/`for`/`on` before the cue.
        let mut start = (pos..cue)
            .rev()
            .find(|&k| {
                let w = text(s, &toks[k]);
                // `Water and Power Authority` is one name; `Kite Labs and
                // Jo Bell Group` or `and the X Group` are two stretches.
                is_boundary(w)
                    || (matches!(w, "and" | "And")
                        && (cue - k > 3
                            || toks
                                .get(k + 1)
                                .is_some_and(|t| matches!(text(s, t), "the" | "The"))))
            })
            .map_or(pos, |k| k + 1);
        while start < cue {
            let w = text(s, &toks[start]);
            if is_connector(w) || in_set(&lists.lead, w) || in_set(&lists.verb, w) {
                start += 1;
            } else {
                break;
            }
        }
        // A headline verb before the cue ends what came before it
        // (`Sanders Leads Harbour Committee`).
        if let Some(v) = (start..cue)
            .rev()
            .find(|&k| in_set(&lists.verb, text(s, &toks[k])))
        {
            start = v + 1;
        }
        // A title before the name (`Vice President Acme Commission`) is
        // not part of it, unless only the cue would be left (`Executive
        // Committee`).
        if let Some(t) = (start..cue)
            .rev()
            .find(|&k| in_set(&lists.title, text(s, &toks[k])))
        {
            if t + 1 < cue || cue + 1 < run.end && is_of(text(s, &toks[cue + 1])) {
                start = t + 1;
            }
        }
        let mut end = cue + 1;
        let mut k = cue + 1;
        let mut ok = true;
        // Rest of the head stretch: more words up to the next connector.
        while k < run.end && !is_connector(text(s, &toks[k])) && text(s, &toks[k]) != "," {
            let w = text(s, &toks[k]);
            if is_legal(&s[toks[end - 1].r.clone()]) || !toks[k].word {
                break;
            }
            if in_set(&lists.verb, w) || in_set(&lists.title, w) {
                break;
            }
            if is_cue(w) || (end == k && in_set(&lists.tail, w)) {
                end = k + 1;
            }
            k += 1;
        }
        if end < k {
            // Words after the head: a verb or a title ends the name; anything
            // else (`Acme Foundation Award`) makes it something else.
            let w = text(s, &toks[end]).to_lowercase();
            if !(lists.verb.contains(&w) || lists.title.contains(&w)) {
                ok = false;
            }
            k = end;
        } else if k < run.end && is_legal(&s[toks[end - 1].r.clone()]) {
            // Nothing follows a legal form: `Acme Inc. and Bolt Ltd.`.
            k = end;
        } else {
            // Complements: `of Foreign Affairs`, `and Research`, `of the
            // Ministry of Interior`.
            let mut after_of = false;
            while k < run.end {
                let c = text(s, &toks[k]);
                if c == "," {
                    // `, Inc.`
                    if k + 1 < run.end && is_legal(text(s, &toks[k + 1])) {
                        end = k + 2;
                        k += 2;
                        continue;
                    }
                    break;
                }
                if !is_connector(c) {
                    break;
                }
                let mut j = k;
                while j < run.end && is_connector(text(s, &toks[j])) {
                    j += 1;
                }
                let seg_end = (j..run.end)
                    .find(|&m| is_connector(text(s, &toks[m])) || !toks[m].word)
                    .unwrap_or(run.end);
                if j >= seg_end {
                    break;
                }
                // A complement naming a body of its own (`Committee of the
                // Ministry of Interior`) is a second name; `and` right after
                // the head joins two names (`Acme Group and Bolt Media`).
                let seg_has_cue = (j..seg_end).any(|m| is_cue(text(s, &toks[m])));
                let and = matches!(c, "and" | "And" | "&");
                // `and the X` opens a new phrase, unless one last word
                // ends the run after an `of`/`for` complement (`Office for
                // West Kiteland and the Sahel`).
                let last_word = after_of && seg_end == run.end && seg_end == j + 1;
                let and_the = and && j > k + 1 && !last_word;
                let cue_later = and
                    && (j..run.end)
                        .take_while(|&m| !matches!(text(s, &toks[m]), "and" | "And" | "&" | ","))
                        .any(|m| is_cue(text(s, &toks[m])));
                // After `of X`, `and Human Services` still belongs to the
                // name; `and Ministry of Y` opens a new one.
                let opens_name = is_cue(text(s, &toks[j]))
                    || (seg_end < run.end && is_of(text(s, &toks[seg_end])) && seg_has_cue);
                if (seg_has_cue && !(and && after_of && !opens_name))
                    || (and && (!after_of || and_the || (cue_later && opens_name)))
                    // `in` + one word is a place (`Institute of Kites in
                    // Harbourton`); `in Preventing Harm` belongs to the name.
                    || (matches!(c, "in" | "In")
                        && (!after_of
                            || (seg_end == j + 1
                                && toks
                                    .get(seg_end)
                                    .is_none_or(|t| !matches!(text(s, t), "and" | "And")))))
                    || (matches!(c, "to" | "To") && !after_of)
                    || matches!(c, "at" | "At" | "the" | "The")
                {
                    break;
                }
                after_of = true;
                let first = text(s, &toks[j]).to_lowercase();
                if lists.places.contains(&first) && seg_end < run.end {
                    // `of the State of X`: a place, not part of the name.
                    break;
                }
                let stop = (j..seg_end).find(|&m| {
                    let w = text(s, &toks[m]).to_lowercase();
                    lists.verb.contains(&w) || lists.title.contains(&w)
                });
                match stop {
                    Some(m) => {
                        if m > j {
                            end = m;
                        }
                        break;
                    }
                    None => {
                        end = seg_end;
                        k = seg_end;
                    }
                }
            }
            k = end;
        }
        if ok && start < end {
            out.push(start..end);
        }
        pos = k.max(cue + 1);
    }
    out
}

/// Every cue-headed name in `s`, with an acronym where parentheses give one.
fn scan(s: &str, toks: &[Tok]) -> Vec<Found> {
    let mut out = Vec::new();
    for run in runs(s, toks) {
        for mut r in names_in_run(s, toks, run) {
            r.start = list_start(s, toks, r.clone());
            let range = toks[r.start].r.start..toks[r.end - 1].r.end;
            if !is_org_name(&s[range.clone()]) {
                continue;
            }
            out.push(Found {
                range,
                acronym: acronym_around(s, toks, r),
            });
        }
    }
    out
}

/// The start of a name whose head words are a list: `United Nations
/// Educational, Scientific and Cultural Organization` is one name, though
/// the run of capitalised words stops at the comma.
fn list_start(s: &str, toks: &[Tok], r: Range<usize>) -> usize {
    let head_and = r
        .clone()
        .take_while(|&k| !is_of(text(s, &toks[k])))
        .any(|k| text(s, &toks[k]) == "and");
    let w = |k: usize| text(s, &toks[k]);
    // `Educational, Scientific and Cultural Organization` or, with a
    // serial comma, `Educational, Scientific, and Cultural Organization`.
    let before = if head_and && r.start >= 1 && w(r.start - 1) == "," {
        r.start - 1
    } else if r.start >= 2 && w(r.start - 1) == "and" && w(r.start - 2) == "," {
        r.start - 2
    } else {
        return r.start;
    };
    let mut start = before;
    let mut words = 0;
    while start > 0 && before - start < 10 && !toks[start].brk {
        let t = &toks[start - 1];
        let x = text(s, t);
        if x == "," && words > 0 {
            start -= 1;
            continue;
        }
        if !(t.word && is_cap(x)) || in_set(&LISTS.lead, x) || is_connector(x) {
            break;
        }
        if is_cue(x) {
            // A list of names (`Acme Media, and Bolt Group`), not one name.
            return r.start;
        }
        words += 1;
        start -= 1;
    }
    while start < before && !toks[start].word {
        start += 1;
    }
    // At least three words before, else it is a plain list.
    if words >= 3 { start } else { r.start }
}

/// Whether a candidate name passes the stop lists.
fn is_org_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    if LISTS.not_orgs.contains(&lower) {
        return false;
    }
    // A name needs a capitalised word besides its cue and generic words.
    name.split(' ')
        .any(|w| is_cap(w) && !is_cue(w) && !in_set(&LISTS.generic, w) && !is_connector(w))
}

/// The acronym in parentheses after (`Name (ACR)`) or around (`ACR
/// (Name)`) the name at token range `r`.
fn acronym_around(s: &str, toks: &[Tok], r: Range<usize>) -> Option<Range<usize>> {
    // An exchange with a listing: `Frankfurt Stock Exchange (FWB: ACME)`.
    let exchange = matches!(text(s, &toks[r.end - 1]), "Exchange" | "Market");
    if exchange && toks.get(r.end).is_some_and(|t| text(s, t) == "(") {
        let a = toks.get(r.end + 1)?;
        if a.word
            && is_acronym(text(s, a))
            && toks.get(r.end + 2).is_some_and(|t| text(s, t) == ":")
        {
            return Some(a.r.clone());
        }
    }
    if let Some(a) = paren_acronym(s, toks, r.end) {
        return Some(a);
    }
    if r.start >= 2
        && text(s, &toks[r.start - 1]) == "("
        && toks.get(r.end).is_some_and(|t| text(s, t) == ")")
    {
        let a = &toks[r.start - 2];
        if a.word && is_acronym(text(s, a)) {
            return Some(a.r.clone());
        }
    }
    None
}

/// An acronym in parentheses opening at token `k`: `(ACR)`, `("ACR")`,
/// `(T-ROC Global)`.
fn paren_acronym(s: &str, toks: &[Tok], k: usize) -> Option<Range<usize>> {
    if toks.get(k).map(|t| text(s, t)) != Some("(") {
        return None;
    }
    let mut i = k + 1;
    while toks
        .get(i)
        .is_some_and(|t| matches!(text(s, t), "\"" | "'" | "the" | "hereinafter" | "or"))
    {
        i += 1;
    }
    let first = toks.get(i)?;
    if !first.word || !is_acronym(text(s, first)) {
        return None;
    }
    let mut end = i + 1;
    // A short form of up to three words: `(T-ROC Global)`.
    while end < i + 3 && toks.get(end).is_some_and(|t| t.word && is_cap(text(s, t))) {
        end += 1;
    }
    let mut close = end;
    while toks
        .get(close)
        .is_some_and(|t| matches!(text(s, t), "\"" | "'"))
    {
        close += 1;
    }
    if toks.get(close).map(|t| text(s, t)) != Some(")") {
        return None;
    }
    Some(first.r.start..toks[end - 1].r.end)
}

/// Whether the capital letters of `acr` appear, in order, among the
/// capitals of `name`, the first matching its first word.
fn spells(acr: &str, name: &str) -> bool {
    let letters: Vec<char> = acr
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect();
    if letters.len() < 2 {
        return false;
    }
    let caps: Vec<char> = name.chars().filter(|c| c.is_uppercase()).collect();
    if caps.first() != letters.first() {
        return false;
    }
    let mut it = caps.iter();
    letters.iter().all(|l| it.any(|c| c == l))
}

/// Whether the acronym's letters are exactly the initials of the name's
/// capitalised words (`UNDP` for `United Nations Development Programme`).
fn initials(acr: &str, name: &str) -> bool {
    let mut letters = acr.chars().filter(|c| c.is_alphabetic());
    let mut n = 0;
    let mut single = false;
    let words = name
        .split([' ', '-'])
        .filter(|w| is_cap(w) && !is_legal(w.trim_end_matches(',')));
    for w in words {
        // An all-capitals word gives all its letters (`USA International
        // Harp Competition`, `USAIHC`), when the acronym has them.
        if w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase()) {
            let rest = letters.clone();
            if w.chars().all(|c| letters.next() == Some(c)) {
                n += 1;
                continue;
            }
            letters = rest;
        }
        let first = w.chars().next();
        if letters.next() != first {
            return false;
        }
        n += 1;
        single = true;
    }
    // `ACMEDAO` glued from `ACME DAO` is a handle, not an acronym.
    letters.next().is_none() && n >= 2 && single
}

/// Names without a cue word that an acronym in parentheses spells out:
/// `Islamic State in Iraq and the Levant (ISIL)`.
fn spelled_names(s: &str, toks: &[Tok]) -> Vec<Found> {
    let lists = &*LISTS;
    let mut out = Vec::new();
    for run in runs(s, toks) {
        let Some(acr) = paren_acronym(s, toks, run.end) else {
            continue;
        };
        let a = &s[acr.clone()];
        if run.len() < 2 {
            continue;
        }
        let end_at = toks[run.end - 1].r.end;
        let head = text(s, &toks[run.end - 1]).to_lowercase();
        if lists.nonhead.contains(&head) {
            continue;
        }
        // Acronyms spell short names: look at the last dozen tokens only.
        // Runs without a cue word are often terms (`Open Educational
        // Resources (OER)`), so the acronym must be exactly the initials
        // of every capitalised word, or the name must hold a cue word.
        let from = run.start.max(run.end.saturating_sub(12));
        let start = (from..run.end).find(|&k| {
            let w = text(s, &toks[k]);
            let name = &s[toks[k].r.start..end_at];
            toks[k].word
                && is_cap(w)
                && !in_set(&lists.lead, w)
                && ((initials(a, name) && acts(s, toks, &acr))
                    || (spells(a, name) && (k..run.end).any(|m| is_cue(text(s, &toks[m])))))
        });
        if let Some(k) = start {
            if k + 1 < run.end {
                out.push(Found {
                    range: toks[k].r.start..end_at,
                    acronym: Some(acr),
                });
            }
        }
    }
    out
}

/// Whether what follows `Name (ACR)` treats it as a body: a verb (`was
/// founded`, `has`, `announced`) or a description (`, a non-profit`).
fn acts(s: &str, toks: &[Tok], acr: &Range<usize>) -> bool {
    let close = toks.partition_point(|t| t.r.start < acr.end);
    let Some(close) = (close..toks.len().min(close + 3)).find(|&k| text(s, &toks[k]) == ")") else {
        return false;
    };
    let w = |k: usize| toks.get(k).map_or("", |t| text(s, t));
    if w(close + 1) == "," {
        return matches!(w(close + 2), "a" | "an" | "the" | "which" | "who");
    }
    in_set(&LISTS.act, w(close + 1))
}

/// Company names before a stock ticker: `Acme Widgets (NASDAQ: ACME)`.
fn ticker_names(s: &str, toks: &[Tok]) -> Vec<(Found, String)> {
    let lists = &*LISTS;
    let mut out = Vec::new();
    for m in TICKER.captures_iter(s) {
        let (Some(all), Some(sym)) = (m.get(0), m.get(1)) else {
            continue;
        };
        let k = toks.partition_point(|t| t.r.start < all.start());
        // Walk back over the capitalised words before the parenthesis.
        let mut end = k;
        if end > 0 && text(s, &toks[end - 1]) == "," {
            end -= 1;
        }
        let mut start = end;
        while start > 0 {
            let t = &toks[start - 1];
            let w = text(s, t);
            let lower = w.to_lowercase();
            let capital = t.word
                && is_cap(w)
                && !lists.verb.contains(&lower)
                && !lists.title.contains(&lower)
                && !lists.lead.contains(&lower)
                && !is_connector(w);
            let joined = (matches!(w, "&" | "and" | "of" | "de")
                || (w == "," && start < end && is_legal(text(s, &toks[start]))))
                && start < end;
            if !(capital || joined) || (start < end && toks[start].brk) || end - start >= 8 {
                break;
            }
            start -= 1;
            if t.brk {
                break;
            }
        }
        while start < end && {
            let w = text(s, &toks[start]);
            !is_cap(w) || in_set(&lists.lead, w)
        } {
            start += 1;
        }
        if start < end {
            let range = toks[start].r.start..toks[end - 1].r.end;
            out.push((
                Found {
                    range,
                    acronym: None,
                },
                sym.as_str().to_string(),
            ));
        }
    }
    out
}

/// Headings `About Acme Corp.`: the company the boilerplate describes,
/// with the short form in parentheses if the heading gives one.
fn about_names(doc: &Doc) -> Vec<Found> {
    let mut out = Vec::new();
    for line in &doc.lines {
        let l = doc.slice(line.clone());
        let lead = l.len() - l.trim_start().len();
        let Some(rest) = l[lead..].strip_prefix("About ") else {
            continue;
        };
        let mut start = line.start + lead + "About ".len();
        let mut name = rest.trim_end().trim_end_matches([':', '.']).trim_end();
        if let Some(n) = name
            .strip_prefix("the ")
            .or_else(|| name.strip_prefix("The "))
        {
            start += name.len() - n.len();
            name = n;
        }
        let mut acronym = None;
        if let Some(open) = name.rfind(" (") {
            if name.ends_with(')') {
                let a = start + open + 2..start + name.len() - 1;
                let short = doc.clean().get(a.clone()).unwrap_or("");
                if is_acronym(short) && !short.contains([':', ' ']) {
                    acronym = Some(a);
                }
                name = &name[..open];
            }
        }
        let n_words = name.split_whitespace().count();
        if n_words == 0 || n_words > 8 || !is_cap(name) {
            continue;
        }
        let capitalised = name
            .split_whitespace()
            .all(|w| is_cap(w) || is_connector(w) || !w.starts_with(char::is_alphabetic));
        if !capitalised || LISTS.not_orgs.contains(&name.to_lowercase()) {
            continue;
        }
        if matches!(
            name.to_lowercase().as_str(),
            "us" | "author" | "this release" | "survey" | "study" | "report"
        ) {
            continue;
        }
        out.push(Found {
            range: start..start + name.len(),
            acronym,
        });
    }
    out
}

/// Names described as bodies: `Acme, a leading provider of ...`,
/// `Acme is a global company`, `Acme, the maker of ...`.
fn described_names(s: &str, toks: &[Tok]) -> Vec<Found> {
    let lists = &*LISTS;
    let mut out = Vec::new();
    for run in runs(s, toks) {
        let k = run.end;
        let Some(next) = toks.get(k) else { continue };
        let det = match text(s, next) {
            "," => k + 1,
            "is" => k + 1,
            _ => continue,
        };
        if !toks
            .get(det)
            .is_some_and(|t| matches!(text(s, t), "a" | "an" | "the"))
        {
            continue;
        }
        // The describing phrase: a few words up to a comma or full stop.
        let described = toks[det + 1..]
            .iter()
            .take(8)
            .take_while(|t| t.word || text(s, t) == "-")
            .enumerate()
            .any(|(i, t)| {
                in_set(&lists.kind, text(s, t))
                    && toks.get(det + 2 + i).is_none_or(|n| text(s, n) != "'")
            });
        if !described {
            continue;
        }
        // `Founded by Jo Bell, the firm ...` describes the firm, not Jo Bell.
        let led_by = run.start > 1
            && matches!(text(s, &toks[run.start - 1]), "by" | "By")
            && matches!(
                text(s, &toks[run.start - 2]).to_ascii_lowercase().as_str(),
                "founded" | "co-founded" | "led" | "chaired" | "headed" | "run" | "directed"
            );
        if led_by {
            continue;
        }
        // The name: the last few capitalised words, no leading stop words.
        let mut start = run.start.max(run.end.saturating_sub(6));
        while start < run.end {
            let w = text(s, &toks[start]);
            let lower = w.to_lowercase();
            if is_connector(w)
                || lists.lead.contains(&lower)
                || lists.verb.contains(&lower)
                || lists.title.contains(&lower)
                || !is_cap(w)
            {
                start += 1;
            } else {
                break;
            }
        }
        if start >= run.end {
            continue;
        }
        let range = toks[start].r.start..toks[run.end - 1].r.end;
        let name = &s[range.clone()];
        let personal = toks[start..run.end].iter().any(|t| {
            let w = text(s, t).to_lowercase();
            lists.title.contains(&w) || lists.lead.contains(&w) || w == "and"
        });
        let single = run.end - start == 1 && !is_cue(name);
        if personal || !(single || is_org_name(name)) {
            continue;
        }
        out.push(Found {
            range,
            acronym: None,
        });
    }
    out
}

/// Lists of three or more names (`Acme Bank, Kite, Bolt Media and
/// Quill`) where one item is already known as an organisation: every
/// item is one.
fn listed_names(s: &str, toks: &[Tok], known: &HashSet<String>) -> Vec<Found> {
    let lists = &*LISTS;
    // Items: capitalised runs, split at `and`, trimmed of connectors.
    let mut items: Vec<Range<usize>> = Vec::new();
    for run in runs(s, toks) {
        let mut a = run.start;
        for k in run.clone().chain(std::iter::once(run.end)) {
            let split = k == run.end || matches!(text(s, &toks[k]), "and" | "And");
            if !split {
                continue;
            }
            let mut b = k;
            while a < b && is_connector(text(s, &toks[a])) {
                a += 1;
            }
            while b > a && is_connector(text(s, &toks[b - 1])) {
                b -= 1;
            }
            if a < b {
                items.push(a..b);
            }
            a = k + 1;
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let mut j = i + 1;
        while j < items.len() {
            let gap = items[j - 1].end..items[j].start;
            let joined = gap.len() <= 2
                && !toks[items[j].start].brk
                && gap
                    .clone()
                    .all(|k| matches!(text(s, &toks[k]), "," | "and"));
            if !joined {
                break;
            }
            j += 1;
        }
        if j - i >= 3 {
            let name = |r: &Range<usize>| &s[toks[r.start].r.start..toks[r.end - 1].r.end];
            let has_org = items[i..j].iter().any(|r| {
                known.contains(&key(name(r))) || r.clone().any(|k| is_cue(text(s, &toks[k])))
            });
            // What leads into the list: `partners, including`, `with`.
            let first = items[i].start;
            let lead_in: Vec<&str> = (first.saturating_sub(5)..first)
                .filter(|&k| !toks[k + 1..=first].iter().any(|t| t.brk))
                .map(|k| text(s, &toks[k]))
                .collect();
            let noun = lead_in.iter().any(|w| in_set(&lists.list_noun, w));
            let intro = lead_in.iter().any(|w| {
                matches!(
                    *w,
                    "including" | "include" | "includes" | "with" | "are" | ":"
                )
            });
            // `Jo Bell, President, and Al Roe, Chair`: a list of people.
            let titled = items[i..j]
                .iter()
                .any(|r| r.len() == 1 && in_set(&lists.title, text(s, &toks[r.start])));
            if intro && (noun || has_org) && !titled {
                for r in &items[i..j] {
                    // A middle initial (`Jo Q. Bell`) marks a person.
                    let initial = r.clone().skip(1).any(|k| {
                        let w = text(s, &toks[k]);
                        w.len() == 2 && w.ends_with('.') && is_cap(w)
                    });
                    let plain = !initial
                        && r.len() <= 5
                        && r.clone().all(|k| {
                            let w = text(s, &toks[k]);
                            !in_set(&lists.title, w)
                                && !in_set(&lists.verb, w)
                                && !in_set(&lists.lead, w)
                        });
                    if plain && !LISTS.not_orgs.contains(&name(r).to_lowercase()) {
                        out.push(Found {
                            range: toks[r.start].r.start..toks[r.end - 1].r.end,
                            acronym: None,
                        });
                    }
                }
            }
        }
        i = j;
    }
    out
}

/// Employers named after a role: `CEO of Acme`, `founder of Kite Labs`.
fn employer_names(s: &str, toks: &[Tok]) -> Vec<Found> {
    let lists = &*LISTS;
    let mut out = Vec::new();
    for k in 0..toks.len().saturating_sub(2) {
        let t = &toks[k];
        if !matches!(text(s, &toks[k + 1]), "of" | "at") {
            continue;
        }
        if !t.word || !in_set(&lists.employer, text(s, t)) {
            continue;
        }
        let mut start = k + 2;
        if toks
            .get(start)
            .is_some_and(|t| matches!(text(s, t), "the" | "The"))
        {
            start += 1;
        }
        let mut end = start;
        while end < toks.len() && end - start < 10 && !toks[end].brk {
            let w = text(s, &toks[end]);
            let ok = toks[end].word
                && is_cap(w)
                && !in_set(&lists.title, w)
                && !in_set(&lists.lead, w)
                && !in_set(&lists.verb, w)
                && !is_connector(w);
            let joined = end > start
                && (matches!(w, "&" | "of" | "and")
                    || (is_connector(w) && !matches!(w, "the" | "for" | "on" | "in" | "to")));
            if !(ok || joined) {
                break;
            }
            end += 1;
        }
        while end > start && !is_cap(text(s, &toks[end - 1])) {
            end -= 1;
        }
        if end > start && end - start < 10 {
            let range = toks[start].r.start..toks[end - 1].r.end;
            if !LISTS.not_orgs.contains(&s[range.clone()].to_lowercase()) {
                out.push(Found {
                    range,
                    acronym: paren_acronym(s, toks, end),
                });
            }
        }
    }
    out
}

/// Legislatures named by one word (`Congress`, `the Senate`) inside a
/// sentence.
fn bare_names(s: &str, toks: &[Tok]) -> Vec<Found> {
    let mut out = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        let w = text(s, t);
        if !t.word || t.brk || k == 0 || !is_cap(w) || !in_set(&LISTS.bare, w) {
            continue;
        }
        let prev = text(s, &toks[k - 1]);
        let next_cap = toks
            .get(k + 1)
            .is_some_and(|n| !n.brk && n.word && is_cap(text(s, n)));
        // `the Congress` is more often an event than the legislature.
        let mid_sentence = toks[k - 1].word && !is_cap(prev) && !(prev == "the" && w == "Congress");
        if mid_sentence && !next_cap {
            out.push(Found {
                range: t.r.clone(),
                acronym: None,
            });
        }
    }
    out
}

/// Well-known bodies named on their own (`the United Nations said`), not
/// as the start of a longer name (`United Nations Office of ...`).
fn known_names(s: &str, toks: &[Tok]) -> Vec<Found> {
    let mut out = Vec::new();
    for (name, short) in &LISTS.known {
        for (at, _) in s.match_indices(name.as_str()) {
            let end = at + name.len();
            let k = toks.partition_point(|t| t.r.start < end);
            let starts_word = toks
                .get(toks.partition_point(|t| t.r.start < at))
                .is_some_and(|t| t.r.start == at);
            if !starts_word || toks.get(k).is_some_and(|t| t.word && t.r.start == end) {
                continue;
            }
            let next_cap = toks
                .get(k)
                .is_some_and(|t| t.word && is_cap(text(s, t)) && !t.brk);
            if next_cap {
                continue;
            }
            let acronym = paren_acronym(s, toks, k);
            let _ = short;
            out.push(Found {
                range: at..end,
                acronym,
            });
        }
    }
    out
}

/// A name written twice over by flattened markup (`Acme LabsAcme Labs`,
/// `AcmeAcme Capital`): the longer copy.
fn undouble(s: &str, r: Range<usize>) -> Range<usize> {
    let n = &s[r.clone()];
    if n.len() > 120 {
        return r;
    }
    let mut prev: Option<char> = None;
    for (i, c) in n.char_indices() {
        let split = c.is_uppercase() && prev.is_some_and(|p| p.is_lowercase() || p == ' ');
        prev = Some(c);
        if !split || i == 0 {
            continue;
        }
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
    const SMALL: &[&str] = &[
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to",
        "with", "vs", "via",
    ];
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_alphabetic) && !SMALL.contains(w))
        .collect();
    // Lists of names (`Sponsors: Acme Bank, Bolt Group`) have commas.
    if words.len() < 5 || words.len() > 30 || line.contains(',') {
        return false;
    }
    let caps = words.iter().filter(|w| is_cap(w)).count();
    caps * 100 >= words.len() * 85
}

/// Whether a name has more than two words: short names in a headline are
/// usually right.
fn is_long(name: &str) -> bool {
    name.split_whitespace().count() > 2
}

/// Lower-cased comparison key of a name: no leading `the`, no legal form.
fn key(name: &str) -> String {
    let mut k = name.to_lowercase();
    for suffix in [
        " inc.",
        " inc",
        " ltd.",
        " ltd",
        " llc",
        " corp.",
        " corp",
        " co.",
        " co",
        " plc",
        " limited",
        " gmbh",
        " llp",
        " corporation",
        " incorporated",
    ] {
        if let Some(stripped) = k.strip_suffix(suffix) {
            k = stripped.trim_end_matches(',').to_string();
            break;
        }
    }
    k
}

/// Finds every named organisation, once each.
pub(crate) fn find(doc: &Doc) -> Vec<Organisation> {
    let s = doc.clean();
    let toks = tokenize(s);
    let mut found = scan(s, &toks);
    found.extend(spelled_names(s, &toks));
    let tickers = ticker_names(s, &toks);
    let mut ticker_of: HashMap<String, String> = HashMap::new();
    for (f, sym) in &tickers {
        ticker_of.insert(key(&s[f.range.clone()]), sym.clone());
        found.push(f.clone());
    }
    found.extend(about_names(doc));
    found.extend(known_names(s, &toks));
    found.extend(described_names(s, &toks));
    found.extend(bare_names(s, &toks));
    found.extend(employer_names(s, &toks));
    let known: HashSet<String> = found.iter().map(|f| key(&s[f.range.clone()])).collect();
    found.extend(listed_names(s, &toks, &known));
    found.sort_by_key(|f| (f.range.start, std::cmp::Reverse(f.range.end)));

    // Group by name.
    let mut orgs: Vec<Organisation> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for f in &mut found {
        f.range = undouble(s, f.range.clone());
    }
    // (body, clean start) pairs already given as a mention.
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    for f in &found {
        let name = crate::text::fold_space(&s[f.range.clone()]);
        let k = key(&name);
        let i = *index.entry(k).or_insert_with(|| {
            orgs.push(Organisation {
                name: name.clone(),
                acronym: None,
                mentions: Vec::new(),
            });
            orgs.len() - 1
        });
        let org = &mut orgs[i];
        if name.len() > org.name.len() {
            org.name = name;
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
    // headline's words run together.
    let title_lines: Vec<bool> = doc
        .lines
        .iter()
        .map(|l| is_title_case(doc.slice(l.clone())))
        .collect();
    if title_lines.iter().any(|&t| t) {
        let in_title = |f: &Found| {
            title_lines
                .get(doc.line_of(f.range.start))
                .copied()
                .unwrap_or(false)
        };
        let keep: HashSet<String> = found
            .iter()
            .filter(|f| !in_title(f))
            .map(|f| key(&crate::text::fold_space(&s[f.range.clone()])))
            .collect();
        orgs.retain(|o| keep.contains(&key(&o.name)) || o.mentions.len() > 1 || !is_long(&o.name));
    }

    // A name that is another body's acronym is that body. These passes
    // compare names pairwise, so they run only on a release-sized list.
    let small = orgs.len() <= MAX_PAIRWISE;
    let mut i = 0;
    while small && i < orgs.len() {
        let name = orgs[i].name.clone();
        let owner = is_acronym(&name)
            .then(|| {
                orgs.iter().position(|o| {
                    o.name != name
                        && (o.acronym.as_deref() == Some(name.as_str())
                            || (o.acronym.is_none() && initials(&name, &o.name)))
                })
            })
            .flatten();
        match owner {
            Some(j) => {
                let gone = orgs.remove(i);
                let j = if j > i { j - 1 } else { j };
                orgs[j].acronym.get_or_insert(name);
                orgs[j].mentions.extend(gone.mentions);
            }
            None => i += 1,
        }
    }

    // A one-word name that starts exactly one longer name is its short
    // form (`Kitewell` beside `Kitewell Foods Inc.`).
    let mut i = 0;
    while small && i < orgs.len() {
        let name = orgs[i].name.clone();
        let prefix = format!("{name} ");
        let mut longer = orgs
            .iter()
            .enumerate()
            .filter(|(j, o)| *j != i && o.name.starts_with(&prefix));
        match (name.contains(' '), longer.next(), longer.next()) {
            (false, Some((j, _)), None) => {
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
    let mut by_acr: HashMap<String, usize> = HashMap::new();
    for (i, o) in orgs.iter().enumerate() {
        if let Some(a) = &o.acronym {
            by_acr.insert(a.clone(), i);
        }
    }
    let mut by_ticker: HashMap<&str, usize> = HashMap::new();
    for (i, o) in orgs.iter().enumerate() {
        if let Some(sym) = ticker_of.get(&key(&o.name)) {
            by_ticker.entry(sym.as_str()).or_insert(i);
        }
    }
    // Clean ranges already given as mentions, sorted, for a quick
    // containment test.
    let mut covered: Vec<Range<usize>> = found
        .iter()
        .flat_map(|f| std::iter::once(f.range.clone()).chain(f.acronym.clone()))
        .collect();
    covered.sort_by_key(|r| r.start);
    let is_covered = |r: &Range<usize>| {
        let k = covered.partition_point(|c| c.start <= r.start);
        covered[k.saturating_sub(4)..k]
            .iter()
            .any(|c| c.end >= r.end)
    };
    let mut tried: HashSet<&str> = HashSet::new();
    for (k, t) in toks.iter().enumerate() {
        let w = text(s, t);
        if !t.word || !is_acronym(w) {
            continue;
        }
        let i = match by_acr.get(w) {
            Some(&i) => i,
            None => {
                let mut hit = None;
                if !tried.contains(w) {
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
                if hit.is_none() && !is_covered(&t.r) && lone_body(s, &toks, k) {
                    // A body named only by its acronym (`ACME has ...`),
                    // unless a name holds it as a word (`ACME Labs`).
                    let holder = small
                        .then(|| orgs.iter().position(|o| o.name.split(' ').any(|x| x == w)))
                        .flatten();
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
        if !is_covered(&t.r) {
            orgs[i].mentions.push(doc.text.mention(t.r.clone()));
        }
    }
    for o in &mut orgs {
        o.mentions.sort_by_key(|m| m.start);
    }
    orgs
}

/// Whether the acronym at token `k`, which no name defines, acts as a body:
/// the subject of a verb (`ACME has`, `the ACME announced`) or named after
/// `via`, `@` or `member`.
fn lone_body(s: &str, toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    let w = text(s, t);
    let plain = w.len() >= 2
        && w.len() <= 8
        && w.bytes().all(|b| b.is_ascii_uppercase() || b == b'&')
        && !in_set(&LISTS.not_acronym, w)
        && !inside_ticker(s, t);
    if !plain {
        return false;
    }
    let prev = k.checked_sub(1).map(|p| &toks[p]);
    // Part of a longer capitalised name (`ACME DAO is`) or a heading.
    let prev_cap = prev.is_some_and(|p| {
        let x = text(s, p);
        p.word && is_cap(x) && !matches!(x, "The" | "A" | "An")
    });
    if prev_cap && !t.brk {
        return false;
    }
    let after = toks
        .get(k + 1)
        .filter(|n| n.word && !n.brk)
        .map(|n| text(s, n));
    let verb = after
        .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_lowercase()) && in_set(&LISTS.act, a));
    let before = prev
        .filter(|_| !t.brk)
        .is_some_and(|p| matches!(text(s, p), "via" | "@" | "member"));
    verb || before
}

/// Whether the token sits inside a `(EXCHANGE: SYM)` ticker.
fn inside_ticker(s: &str, t: &Tok) -> bool {
    let before = &s[..t.r.start];
    before.ends_with(": ") || before.ends_with(':')
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
    fn headline_runs_are_dropped() {
        let input = "Sanders Leads Quiet Harbour Review Committee For Fish Policy\n\nText here.";
        let orgs = find(&Doc::new(input));
        assert!(orgs.is_empty(), "{orgs:?}");
        assert!(is_title_case("Acme Group Opens Doors For New Staff"));
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
        let listed = format!("partners, including {}", ["Kite Office"; 20_000].join(", "));
        let orgs = find(&Doc::new(&listed));
        assert_eq!(orgs.len(), 1);
        assert_eq!(orgs[0].mentions.len(), 20_000);
    }
}
