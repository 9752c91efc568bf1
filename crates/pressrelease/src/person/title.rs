//! Titles: offices written before a name (`Minister for Health Jane Doe`)
//! or after it as an appositive (`Jane Doe, Director of X and Chair of Y,`).

use super::lexicon::LEXICON;
use super::token::Token;
use super::{gap, gap_bytes};
use crate::wordhash::with_lower;

/// Longest title, in words.
const MAX_TITLE_WORDS: usize = 24;

/// Small words that may join the words of a title.
fn is_connector(lower: &str) -> bool {
    matches!(
        lower,
        "of" | "for" | "the" | "and" | "on" | "in" | "at" | "to" | "&"
    )
}

/// Words that end an appositive: verbs and relative pronouns (class
/// `CLAUSE_STOP`, see [`CLAUSE_STOPS`]) and verbs after a name (`AFTER`).
fn is_clause_stop(t: &Token) -> bool {
    t.is(super::lexicon::class::CLAUSE_STOP | super::lexicon::class::AFTER)
}

/// Relative pronouns and verbs that end an appositive.
pub(super) const CLAUSE_STOPS: [&str; 22] = [
    "who", "which", "whose", "that", "is", "was", "are", "were", "has", "have", "had", "will",
    "would", "can", "could", "also", "as", "since", "when", "where", "while", "with",
];

/// A title written right before clean offset `at` (where a name or its
/// honorifics start): its start offset and text.
/// `k` is the index of the token at `at` ([`super::start_token`]).
/// The tests that turn most names away are inlined into the caller; the
/// reading is not.
#[inline]
pub(super) fn before(
    clean: &str,
    toks: &[Token],
    at: usize,
    k: usize,
) -> Option<(usize, Vec<String>)> {
    // A title ends one space, a comma, a full stop or a bracket before the
    // name.
    if k == 0
        || toks[k].range.start != at
        || !matches!(gap_bytes(clean, toks, k - 1), b" " | b", " | b". " | b"), ")
    {
        return None;
    }
    title_before(clean, toks, k)
}

/// [`before`] past its first tests.
#[inline(never)]
fn title_before(clean: &str, toks: &[Token], k: usize) -> Option<(usize, Vec<String>)> {
    let mut last = k - 1;
    // Bytes: the gaps are compared with ASCII marks only.
    let mut g = gap_bytes(clean, toks, last);
    // `the Executive Secretary of the Basin Authority (BA), Jane Doe`: an
    // acronym in brackets closes the title.
    if g == b"), "
        && last > 0
        && gap_bytes(clean, toks, last - 1) == b" ("
        && is_caps(&clean[toks[last].range.clone()])
    {
        last -= 1;
        g = b", ";
    }
    let abbrev = g == b". " && toks[last].cap && toks[last].is_title_head();
    // `praised founder Jane Doe`, `said chief executive Jane Doe`.
    if g == b" " && !toks[last].cap && toks[last].is_title_head() {
        let mut from = last;
        while from > 0
            && gap_bytes(clean, toks, from - 1) == b" "
            && !toks[from - 1].cap
            && toks[from - 1].is_title_word()
        {
            from -= 1;
        }
        let start = toks[from].range.start;
        return Some((start, vec![clean[start..toks[last].range.end].to_string()]));
    }
    let comma = g == b", " && toks[last].cap;
    if !(g == b" " && toks[last].cap || abbrev || comma) {
        return None;
    }
    let mut first = last;
    while first > 0 && last - first < MAX_TITLE_WORDS {
        let j = first - 1;
        let t = &toks[j];
        let g = gap_bytes(clean, toks, j);
        // `Assistant U.S. Attorney`: dotted initials stand in titles.
        let ok = (g == b" " || t.initial && matches!(g, b"." | b". "))
            && (t.cap
                || is_connector(&t.lower)
                || t.is_title_word()
                || super::is_particle(t) && toks[j + 1].cap);
        if !ok {
            break;
        }
        if t.cap && t.is(super::lexicon::class::GIVEN) {
            // `Commissioner Jo Roe and Commissioner Al Poe`: another name
            // ends the title at the `and` after it.
            match (j..=last).find(|&k| toks[k].lower == "and") {
                Some(k) if k < last => first = k + 1,
                _ => {}
            }
            break;
        }
        first = j;
    }
    // `the Minister of Foreign Affairs of Somewhere, Jane Doe`: a title set
    // off by a comma is either one word or opened by a determiner.
    if comma && !toks[last].is_title_head() {
        let is_det =
            |t: &Token| matches!(t.lower(), "the" | "his" | "her" | "its" | "their" | "our");
        let det =
            first > 0 && gap_bytes(clean, toks, first - 1) == b" " && is_det(&toks[first - 1]);
        if !(det || is_det(&toks[first])) {
            return None;
        }
    }
    // Start at the first title word, with up to three capitalised words
    // before it (`Health Minister`, `Cook County Attorney`), after any
    // possessive (`Acme's CEO`).
    let head_at = (first..=last).find(|&j| toks[j].is_title_word())?;
    let mut from = head_at.saturating_sub(3).max(first);
    // `YMCA of Somewhere President`: keep all of an `of` phrase or none
    // (a leading `the` is no such phrase).
    let mut lead = first;
    while lead < head_at && (!toks[lead].cap || is_function_word(&toks[lead].lower)) {
        lead += 1;
    }
    if (lead..head_at).any(|j| is_connector(&toks[j].lower)) {
        from = head_at;
    }
    while from < head_at && (!toks[from].cap || is_function_word(&toks[from].lower)) {
        from += 1;
    }
    // A possessive right before the name is part of the title
    // (`Deputy Chief's Jane Doe`); one before a title word is its owner.
    if let Some(p) = (from..last)
        .rev()
        .find(|&j| clean[toks[j].range.clone()].ends_with("'s"))
    {
        from = p + 1;
    }
    let mut to = last;
    while to > from && is_connector(&toks[to].lower) {
        to -= 1;
    }
    if from > to || !(from..=to).any(|j| toks[j].is_title_head()) {
        return None;
    }
    let start = toks[from].range.start;
    let mut roles = split_roles(clean, toks, from..to + 1);
    if abbrev && to == last {
        if let Some(r) = roles.last_mut() {
            r.push('.');
        }
    }
    Some((start, roles))
}

/// Whether a word is written in capitals only.
fn is_caps(word: &str) -> bool {
    word.len() >= 2 && !word.chars().any(char::is_lowercase)
}

/// Capitalised words that open a sentence rather than a title.
fn is_function_word(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "today"
            | "yesterday"
            | "also"
            | "and"
            | "but"
            | "when"
            | "as"
            | "in"
            | "on"
            | "at"
            | "by"
            | "with"
            | "from"
            | "said"
            | "says"
    ) || lower.len() <= 3 && LEXICON.class(lower) & super::lexicon::class::NOT_NAME != 0
}

/// Splits coordinated roles at `and` before a title word:
/// `Director of X and Chairman of Y` gives both.
pub(super) fn split_roles(
    clean: &str,
    toks: &[Token],
    words: std::ops::Range<usize>,
) -> Vec<String> {
    let (first, last) = (words.start, words.end);
    // Each part is read as soon as it is cut off: no list of parts.
    let mut out = Vec::new();
    let mut push = |r: std::ops::Range<usize>| {
        if r.is_empty() || !toks[r.clone()].iter().any(|t| t.is_title_head()) {
            return;
        }
        let mut e = r.end;
        while e > r.start + 1 && is_connector(&toks[e - 1].lower) {
            e -= 1;
        }
        out.push(clean[toks[r.start].range.start..toks[e - 1].range.end].replace('\n', " "));
    };
    let mut part_start = first;
    let has_head = |r: std::ops::Range<usize>| toks[r].iter().any(|t| t.is_title_head());
    for j in first..last {
        if matches!(toks[j].lower(), "and" | "&") && j > part_start && j + 1 < last {
            let mut n = j + 1;
            if matches!(toks[n].lower(), "the" | "a" | "an") && n + 1 < last {
                n += 1;
            }
            // The right side runs to the next `and`; both sides need a head.
            let right_end = (n..last).find(|&k| toks[k].lower == "and").unwrap_or(last);
            if has_head(n..right_end) && (toks[n].is_title_word() || has_head(part_start..j)) {
                push(part_start..j);
                part_start = n;
            }
        }
    }
    push(part_start..last);
    out
}

/// Titles in a letterhead after a name that opens its line, set off by
/// wide spaces or on the next lines: `Jane Doe MP  Minister for X  Minister for Y`.
/// The test that turns most names away is inlined into the caller; the
/// reading is not.
#[inline]
pub(super) fn letterhead(
    clean: &str,
    toks: &[Token],
    name_start: usize,
    end: usize,
) -> Vec<String> {
    if end == 0 || end > toks.len() || !super::opens_line(clean, name_start) {
        return Vec::new();
    }
    letterhead_titles(clean, toks, end)
}

/// [`letterhead`] for a name that opens its line and ends before token `end`.
#[inline(never)]
fn letterhead_titles(clean: &str, toks: &[Token], end: usize) -> Vec<String> {
    let lex = &*LEXICON;
    let from = toks[end - 1].range.end;
    let mut stop = (from + 400).min(clean.len());
    while !clean.is_char_boundary(stop) {
        stop -= 1;
    }
    let rest = &clean[from..stop];
    if !(rest.starts_with("  ") || rest.starts_with('\n') || rest.starts_with(" \n")) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut gapped = false;
    for (k, seg) in rest.split('\n').enumerate() {
        if k > 6 {
            break;
        }
        // `Minister for X` then a blank line then `Minister Assisting the
        // Y`: letterhead titles may stand in paragraphs of their own, as
        // long as they are written in capitals and small words only.
        if seg.trim().is_empty() {
            gapped = !out.is_empty();
            continue;
        }
        for (n, part) in split_wide(seg)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .enumerate()
        {
            // One pass over the words, lower-cased on the stack.
            let (mut count, mut first_title, mut any_head) = (0, false, false);
            for w in part.split(' ') {
                with_lower(w.trim_matches([',', '.', ';']), |l| {
                    if count == 0 {
                        first_title = lex.is_title_word(l);
                    }
                    any_head |= lex.is_title_head(l);
                });
                count += 1;
            }
            let is_title = first_title && any_head && count <= MAX_TITLE_WORDS;
            // Only looked at after a blank line.
            let formal = || {
                part.split(' ')
                    .all(|w| w.starts_with(char::is_uppercase) || with_lower(w, is_connector))
            };
            let named = || {
                part.split(' ')
                    .any(|w| with_lower(w, |l| lex.given.contains(l)))
            };
            if gapped && (!formal() || named()) {
                return out;
            }
            if is_title {
                out.push(part.trim_end_matches([',', '.']).to_string());
            } else if k > 0 || n > 0 {
                return out;
            }
        }
    }
    out
}

/// `seg.split("  ")` without a substring searcher: the pieces between
/// runs of two spaces, matched from the left without overlaps.
fn split_wide(seg: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(seg);
    std::iter::from_fn(move || {
        let r = rest?;
        // Both bytes are ASCII spaces, so the cuts are char boundaries.
        match r.as_bytes().windows(2).position(|w| w == b"  ") {
            Some(k) => {
                rest = Some(&r[k + 2..]);
                Some(&r[..k])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// Where the clause starting at `from` ends: at `,` `;` `(` `"` `:`, a line
/// end or a full stop that ends a sentence.
pub(super) fn clause_end(clean: &str, from: usize) -> usize {
    let limit = clause_limit(clean, from);
    let bytes = clean.as_bytes();
    let mut i = from;
    while i < limit {
        // Most bytes end nothing: skip them with one table test.
        if CLAUSE_MARK[usize::from(bytes[i])] && ends_clause(clean, from, i) {
            return i;
        }
        i += 1;
    }
    limit
}

/// [`clause_end`] for a clause that starts at token `k`: only the gaps
/// between tokens are read, as no token holds a byte that ends a clause.
fn clause_end_at(clean: &str, toks: &[Token], k: usize) -> usize {
    let from = toks[k].range.start;
    let limit = clause_limit(clean, from);
    let bytes = clean.as_bytes();
    for j in k..toks.len() {
        let gap_start = toks[j].range.end;
        let gap_end = toks.get(j + 1).map_or(clean.len(), |t| t.range.start);
        for i in gap_start..gap_end.min(limit) {
            if CLAUSE_MARK[usize::from(bytes[i])] && ends_clause(clean, from, i) {
                return i;
            }
        }
        if gap_end >= limit {
            break;
        }
    }
    limit
}

/// Where a clause from `from` stops at the latest: 300 bytes on, on a char
/// boundary (callers slice there).
fn clause_limit(clean: &str, from: usize) -> usize {
    let mut limit = (from + 300).min(clean.len());
    while !clean.is_char_boundary(limit) {
        limit -= 1;
    }
    limit
}

/// Whether the mark at byte `i` ends the clause that starts at `from`.
fn ends_clause(clean: &str, from: usize, i: usize) -> bool {
    let bytes = clean.as_bytes();
    match bytes[i] {
        b',' if is_legal_suffix(&clean[i + 1..]) => false,
        // A hard-wrapped line goes on in lower case.
        b'\n' if bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase) && i > from => false,
        b',' | b';' | b'(' | b')' | b'"' | b':' | b'\n' | b'[' => true,
        b'.' => {
            let next = bytes.get(i + 1).copied();
            // The word before the stop, within the clause (a char
            // boundary even after a multi-byte character).
            let word_start = word_start_before(clean, from, i);
            let word = &clean[word_start..i];
            let abbrev = word.len() == 1
                || ["inc", "corp", "co", "ltd", "st", "jr", "sr", "no", "dept"]
                    .iter()
                    .any(|a| word.eq_ignore_ascii_case(a));
            next.is_none_or(|n| !n.is_ascii_alphanumeric()) && !(abbrev && next == Some(b' '))
        }
        _ => false,
    }
}

/// Bytes that may end a clause ([`clause_end`]).
static CLAUSE_MARK: [bool; 256] = crate::text::byte_set(b",;()\":\n[.");

/// Where the word of letters and digits that ends at `end` starts, not
/// before `from` (both char boundaries).
fn word_start_before(clean: &str, from: usize, end: usize) -> usize {
    // ASCII first: a byte scan back to the first byte that is no ASCII
    // letter or digit; chars only if that byte is part of one.
    let head = &clean.as_bytes()[from..end];
    match head.iter().rposition(|b| !b.is_ascii_alphanumeric()) {
        None => from,
        Some(k) if head[k].is_ascii() => from + k + 1,
        Some(_) => clean[from..end]
            .char_indices()
            .rev()
            .find(|&(_, c)| !c.is_alphanumeric())
            .map_or(from, |(k, c)| from + k + c.len_utf8()),
    }
}

/// Whether tokens from `k` are a name of two to four capitalised words,
/// opening with a given name, that ends its clause.
fn followed_by_name(clean: &str, toks: &[Token], k: usize) -> bool {
    let mut n = 0;
    while k + n < toks.len() && n < 4 && toks[k + n].cap && !toks[k + n].is_title_word() {
        let g = gap(clean, toks, k + n);
        n += 1;
        if g != " " {
            break;
        }
    }
    n >= 2
        && toks[k].is(super::lexicon::class::GIVEN)
        && matches!(gap(clean, toks, k + n - 1).chars().next(), Some(',' | '.'))
}

/// Whether the name at `name_start` opens its line or follows a colon
/// (`Contact: Jane Doe Director of X`).
fn in_contact_line(clean: &str, name_start: usize) -> bool {
    let head = clean[..name_start].trim_end_matches([' ', '\t']);
    head.is_empty() || head.ends_with('\n') || head.ends_with(':')
}

/// Whether `rest` (after a comma) opens with a legal form: `, Inc.`.
fn is_legal_suffix(rest: &str) -> bool {
    let rest = rest.trim_start();
    // Every legal form opens with an ASCII letter, here a capital: most
    // texts after a comma are turned away before any char is decoded.
    if !rest.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    // The word of letters, digits and full stops that opens `rest`, as a
    // slice (no copy).
    let len = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(rest.len(), |(k, _)| k);
    let word = &rest[..len];
    let next = rest[len..].chars().next();
    if !word.starts_with(char::is_uppercase)
        || next.is_some_and(|c| c.is_alphanumeric() || c == '-')
    {
        return false;
    }
    const LEGAL: [&str; 13] = [
        "inc", "llc", "ltd", "corp", "plc", "l.l.c", "co", "gmbh", "s.a", "n.v", "ag", "lp", "llp",
    ];
    let word = word.trim_end_matches('.');
    LEGAL.iter().any(|l| word.eq_ignore_ascii_case(l))
}

/// Appositive titles after a name whose next token is `end`:
/// `, Director of X and Chair of Y,` gives both roles.
/// The test that turns most names away (a plain word after one space, as
/// in `Jane Doe said`) is inlined into the caller; the reading is not.
#[inline]
pub(super) fn after(
    clean: &str,
    toks: &[Token],
    name_start: usize,
    end: usize,
    stop_at: &mut usize,
) -> Vec<String> {
    if end == 0
        || end >= toks.len()
        || gap_bytes(clean, toks, end - 1) == b" " && !toks[end].cap && toks[end].lower != "as"
    {
        return Vec::new();
    }
    appositive(clean, toks, name_start, end, stop_at)
}

/// [`after`] past its first test.
#[inline(never)]
fn appositive(
    clean: &str,
    toks: &[Token],
    name_start: usize,
    end: usize,
    stop_at: &mut usize,
) -> Vec<String> {
    let mut end = end;
    let g = gap(clean, toks, end - 1);
    let gb = g.as_bytes();
    if gb == b" " && toks[end].lower == "as" && end + 1 < toks.len() {
        // `appointed Jane Doe as its new Chief Financial Officer`
        end += 1;
        while end + 1 < toks.len()
            && matches!(
                toks[end].lower(),
                "its" | "the" | "a" | "an" | "our" | "new" | "their" | "his" | "her"
            )
        {
            end += 1;
        }
        if !toks[end].is_title_word() {
            return Vec::new();
        }
    } else if gb == b" "
        && toks[end].cap
        && toks[end].is(super::lexicon::class::TITLE_HEAD)
        && in_contact_line(clean, name_start)
    {
        // `Jane Doe Director of Communications` in a contact or signature.
    } else if gb == b" (" {
        // `Jane Doe (D-Vt.), Chair of X`: a short bracket before the comma.
        let mut e = end;
        while e < toks.len() && e - end < 4 && !gap(clean, toks, e).contains(')') {
            e += 1;
        }
        let closes =
            e < toks.len() && e - end < 4 && gap(clean, toks, e).trim_start_matches('.') == "), ";
        if !closes || e + 1 >= toks.len() {
            return Vec::new();
        }
        end = e + 1;
    } else if g.trim_end() != "," {
        return Vec::new();
    }
    clause_titles(clean, toks, end, 0, stop_at)
}

/// The titles in the clause that starts at token `end`, and in the
/// clauses after it that open with a title word (`Chairman, President,
/// and CEO of Acme`).
pub(super) fn clause_titles(
    clean: &str,
    toks: &[Token],
    end: usize,
    depth: usize,
    stop_at: &mut usize,
) -> Vec<String> {
    let lex = &*LEXICON;
    let mut stop = clause_end_at(clean, toks, end);
    // `Director, Department of X,`: a bare title takes the unit after it.
    let bare = toks[end..]
        .iter()
        .take_while(|t| t.range.end <= stop)
        .count();
    if (1..=2).contains(&bare)
        && toks[end..end + bare].iter().all(|t| t.is_title_word())
        && clean[stop..].starts_with(", ")
    {
        let k = end + bare;
        if toks
            .get(k)
            .is_some_and(|t| t.cap && lex.unit.contains(t.lower()))
        {
            stop = clause_end_at(clean, toks, k);
        }
    }
    let mut last = end;
    while last < toks.len() && toks[last].range.end <= stop && last - end < MAX_TITLE_WORDS {
        // A lower-case word that is no title word ends the title
        // (`Chief Financial Officer effective immediately`).
        let t = &toks[last];
        // `President of the Union du Sud`: a name particle before a
        // capital stays in the title.
        let particle = super::is_particle(t) && toks.get(last + 1).is_some_and(|n| n.cap);
        if last > end
            && !t.cap
            && !particle
            && !is_connector(&t.lower)
            && !t.is_title_word()
            && !t.lower.contains('@')
            && !matches!(t.lower(), "the" | "a" | "an")
        {
            break;
        }
        if is_clause_stop(&toks[last]) && !(last == end && toks[last].is_title_word()) {
            break;
        }
        // `CEO Phone: 555`: a contact label ends the title.
        if last > end
            && matches!(
                toks[last].lower(),
                "phone"
                    | "tel"
                    | "email"
                    | "e-mail"
                    | "fax"
                    | "mobile"
                    | "cell"
                    | "web"
                    | "website"
            )
        {
            break;
        }
        last += 1;
    }
    // `Adviser for the Vorta Roads campaign`: a lower-case noun after
    // capitalised words names a thing, so the title stops before its
    // `for`/`on` phrase.
    let cut_lower = toks.get(last).is_some_and(|t| {
        t.range.end <= stop
            && !t.cap
            && !is_clause_stop(t)
            && !is_connector(&t.lower)
            && (t.range.end == stop
                || toks
                    .get(last + 1)
                    .is_some_and(|n| n.is(super::lexicon::class::AFTER)))
    });
    if cut_lower && last > end + 1 && toks[last - 1].cap {
        if let Some(c) = (end + 1..last)
            .rev()
            .find(|&j| matches!(toks[j].lower(), "for" | "on"))
            .filter(|&c| (end..c).any(|j| toks[j].is_title_head()))
        {
            last = c;
        }
    }
    if last == end {
        return Vec::new();
    }
    let mut first = end;
    while first < last
        && matches!(
            toks[first].lower(),
            "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our"
        )
    {
        first += 1;
    }
    if let Some(p) =
        (first..last.min(first + 4)).find(|&j| clean[toks[j].range.clone()].ends_with("'s"))
    {
        first = p + 1;
    }
    if first >= last
        || toks[first..last]
            .iter()
            .any(|t| t.lower.chars().all(|c| c.is_ascii_digit()))
    {
        return Vec::new();
    }
    if !(first..last.min(first + 6)).any(|j| toks[j].is_title_head()) {
        return Vec::new();
    }
    // `, of the Roads Office`: a clause opened by a connector is no title;
    // `, Commissioner Jane Doe`: nor is one that names another person.
    let names_person = (first + 1..last).any(|j| {
        toks[j].cap
            && toks[j].is(super::lexicon::class::GIVEN)
            && j + 1 < last
            && toks[j + 1].cap
            && gap_bytes(clean, toks, j) == b" "
    });
    if is_connector(&toks[first].lower) || names_person {
        return Vec::new();
    }
    // `his Advisor on X, Jane Doe,`: a title followed by a name is that
    // name's title.
    let at_stop = toks.get(last).is_some_and(|t| t.range.start > stop);
    if at_stop && clean[stop..].starts_with(", ") && followed_by_name(clean, toks, last) {
        return Vec::new();
    }
    let mut out = split_roles(clean, toks, first..last);
    // `Minister for Trade, Tourism and Investment`: a series of capitalised
    // words after a comma completes a title that ends on its complement.
    if at_stop
        && clean[stop..].starts_with(", ")
        && !toks[last - 1].is_title_head()
        && let Some((k, end)) = comma_series(clean, toks, last)
        && let Some(role) = out.last_mut()
        && role.ends_with(&clean[toks[last - 1].range.clone()])
    {
        role.push_str(&clean[toks[last - 1].range.end..toks[k - 1].range.end]);
        last = k;
        stop = end;
    }
    if !out.is_empty() {
        *stop_at = stop;
    }
    if depth < 4 && !out.is_empty() && at_stop && clean[stop..].starts_with(", ") {
        let mut k = last;
        if toks.get(k).is_some_and(|t| t.lower == "and") {
            k += 1;
        }
        if toks.get(k).is_some_and(|t| t.cap && t.is_title_word()) {
            out.extend(clause_titles(clean, toks, k, depth + 1, stop_at));
        }
    }
    out
}

/// A comma series that ends a title from token `k`: capitalised words
/// joined by `and`/`&`, ending the clause (`Tourism and Investment`). Gives
/// the token after it and the clause end.
fn comma_series(clean: &str, toks: &[Token], k: usize) -> Option<(usize, usize)> {
    let first = toks.get(k)?;
    if !first.cap || first.is_title_word() || first.is(super::lexicon::class::GIVEN) {
        return None;
    }
    let end = clause_end_at(clean, toks, k);
    let mut n = k;
    let mut joined = false;
    while n < toks.len() && toks[n].range.end <= end && n - k < 6 {
        let t = &toks[n];
        if n > k && gap(clean, toks, n - 1).contains('&') {
            joined = true;
        }
        if t.lower == "and" {
            joined = true;
        } else if !t.cap || gap(clean, toks, n.saturating_sub(1)).contains('.') {
            return None;
        }
        n += 1;
    }
    let closed = toks.get(n).is_none_or(|t| t.range.start > end);
    (joined && closed && n > k + 2 && !matches!(toks[n - 1].lower(), "and" | "&"))
        .then_some((n, end))
}

#[cfg(test)]
mod tests {
    use super::{clause_end, clause_end_at, word_start_before};
    use crate::person::token::tokenize;

    #[test]
    fn clause_ends_from_tokens_agree() {
        let long = format!("Head of {} Unit", "Zorvin ".repeat(60));
        let texts: &[&str] = &[
            "Jane Roe, Director of Roads, Zorvin Co. Ltd. and more; then (this) \"that\": x.",
            "Chief of Staff at Vorta St. Clinic.\nnext line\nNext Line",
            "Director, Zorvin, Inc., said. A.B. Roe [1] caf\u{e9}. Fin",
            "Minister\u{2014}Vorta \u{e9}t\u{e9}. End",
            &long,
        ];
        for text in texts {
            let lowered = text.to_ascii_lowercase();
            let toks = tokenize(text, &lowered);
            for k in 0..toks.len() {
                let want = clause_end(text, toks[k].range.start);
                assert_eq!(clause_end_at(text, &toks, k), want, "{text:?} at {k}");
            }
        }
    }

    #[test]
    fn wide_splits() {
        let cases: &[&str] = &[
            "a  b",
            "a   b",
            "  a",
            "a  ",
            "",
            "a b",
            "a    b  c",
            "\u{e9}  \u{e9}",
        ];
        for seg in cases {
            let want: Vec<&str> = seg.split("  ").collect();
            let got: Vec<&str> = super::split_wide(seg).collect();
            assert_eq!(got, want, "seg {seg:?}");
        }
    }

    #[test]
    fn word_starts() {
        // (text, from, end, start)
        let cases: &[(&str, usize, usize, usize)] = &[
            ("Acme Inc.", 0, 8, 5),
            ("Inc.", 0, 3, 0),
            ("of X-Ray Co.", 0, 11, 9),
            ("Caf\u{e9} Co.", 0, 8, 6),
            ("M\u{fc}ller.", 0, 7, 0),
            ("a \u{fc}ber.", 0, 7, 2),
            ("long words", 5, 10, 5),
        ];
        for (text, from, end, want) in cases {
            assert_eq!(word_start_before(text, *from, *end), *want, "text {text:?}");
        }
    }

    #[test]
    fn clause_end_stays_on_char_boundaries() {
        // A full stop right after a word that follows a 4-byte character
        // once sliced inside that character.
        let text = "Director of the Friends \u{a1a9f}Trust. Next";
        let at = text.find('.').unwrap();
        assert_eq!(clause_end(text, 0), at);
        // A clause longer than the limit ends inside a multi-byte run.
        let text = "\u{e9}".repeat(400);
        assert!(text.is_char_boundary(clause_end(&text, 2)));
    }
}
