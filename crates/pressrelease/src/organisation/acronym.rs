//! Acronyms: in parentheses, spelled out by a name, or used alone.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::*;

/// A stock ticker in parentheses: `(NASDAQ: ACME)`, `(OTC: AERA)`.
pub(super) static TICKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\((?:NASDAQ|Nasdaq|NYSE|NYSE American|OTC|OTCQB|OTCQX|OTC Markets|TSX|TSXV|TSX-V|CSE|ASX|LSE|AIM|Euronext|NEO|CBOE|Cboe)[A-Za-z ]*:\s*([A-Z][A-Z0-9.]{0,7})\)",
    )
    .expect("ticker regex")
});

/// The acronym in parentheses after (`Name (ACR)`) or around (`ACR
/// (Name)`) the name at token range `r`.
pub(super) fn acronym_around(s: &str, toks: &[Tok], r: Range<usize>) -> Option<Range<usize>> {
    // An exchange with a listing: `Frankfurt Stock Exchange (FWB: ACME)`.
    let exchange = matches!(text(s, &toks[r.end - 1]), "Exchange" | "Market");
    if exchange && toks.get(r.end).is_some_and(|t| text(s, t) == "(") {
        let a = toks.get(r.end + 1)?;
        if a.word
            && is_acronym(text(s, a))
            && toks.get(r.end + 2).is_some_and(|t| text(s, t) == ":")
        {
            return Some(a.r());
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
            return Some(a.r());
        }
    }
    None
}

/// An acronym in parentheses opening at token `k`: `(ACR)`, `("ACR")`,
/// `(T-ROC Global)`.
///
/// Most tokens are no `(`: that test is inlined where it is called, the
/// rest is read in [`acronym_in_parens`].
#[inline]
pub(super) fn paren_acronym(s: &str, toks: &[Tok], k: usize) -> Option<Range<usize>> {
    if !toks.get(k).is_some_and(|t| is_mark(s, t, b'(')) {
        return None;
    }
    acronym_in_parens(s, toks, k)
}

/// [`paren_acronym`] once token `k` is a `(`.
#[inline(never)]
fn acronym_in_parens(s: &str, toks: &[Tok], k: usize) -> Option<Range<usize>> {
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
    Some(first.start()..toks[end - 1].end())
}

/// A one-word short form in parentheses right after a well-known body's
/// name (`Islamic Front for the Coast (Sahiliya)`): a capitalised word in
/// mixed case that is not a place and not one of the name's own words.
pub(super) fn paren_alias(s: &str, toks: &[Tok], name: &str, k: usize) -> Option<Range<usize>> {
    if toks.get(k).map(|t| text(s, t)) != Some("(") {
        return None;
    }
    let alias = toks.get(k + 1)?;
    if !alias.word || toks.get(k + 2).map(|t| text(s, t)) != Some(")") {
        return None;
    }
    let w = text(s, alias);
    let mixed = is_cap(w) && w.chars().any(char::is_lowercase);
    let own = name.split(' ').any(|n| n == w);
    // The token's bits hold the word lists' answers.
    let place = alias.is(COUNTRY);
    (mixed && w.chars().count() >= 3 && !own && !place).then(|| alias.r())
}

/// Whether the capital letters of `acr` appear, in order, among the
/// capitals of `name`, the first matching its first word.
pub(super) fn spells(acr: &str, name: &str) -> bool {
    // Read twice rather than collected: no allocation per candidate.
    let letters = || {
        acr.chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_uppercase)
    };
    let caps = || name.chars().filter(|c| c.is_uppercase());
    let mut first_two = letters();
    let (Some(first), Some(_)) = (first_two.next(), first_two.next()) else {
        return false;
    };
    if caps().next() != Some(first) {
        return false;
    }
    let mut it = caps();
    letters().all(|l| it.any(|c| c == l))
}

/// Whether the acronym's letters are exactly the initials of the name's
/// capitalised words (`UNDP` for `United Nations Development Programme`).
pub(super) fn initials(acr: &str, name: &str) -> bool {
    // An ASCII first letter of the acronym starts a word of the name:
    // without it in the name, nothing to read.
    let first = acr
        .bytes()
        .find(|&b| b.is_ascii_alphabetic() || !b.is_ascii());
    if let Some(f) = first.filter(u8::is_ascii) {
        let b = name.as_bytes();
        if !b.contains(&f) {
            return false;
        }
        // A name opening with another ASCII capital opens with a word
        // the acronym does not start, unless that word is a legal form
        // (which is skipped).
        if b.first()
            .is_some_and(|&n0| n0.is_ascii_uppercase() && n0 != f)
        {
            let end = b
                .iter()
                .position(|&x| x == b' ' || x == b'-')
                .unwrap_or(b.len());
            if !is_legal(name[..end].trim_end_matches(',')) {
                return false;
            }
        }
    }
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
pub(super) fn spelled_names(s: &str, toks: &[Tok], runs: &[Run]) -> Vec<Found> {
    let mut out = Vec::new();
    for run in runs.iter().map(|r| r.range.clone()) {
        // (The cheap test first: both are pure.)
        if run.len() < 2 {
            continue;
        }
        let Some(acr) = paren_acronym(s, toks, run.end) else {
            continue;
        };
        let a = &s[acr.clone()];
        let end_at = toks[run.end - 1].end();
        if toks[run.end - 1].is(NONHEAD) {
            continue;
        }
        // Acronyms spell short names: look at the last dozen tokens only.
        // Runs without a cue word are often terms (`Open Educational
        // Resources (OER)`), so the acronym must be exactly the initials
        // of every capitalised word, or the name must hold a cue word.
        let from = run.start.max(run.end.saturating_sub(12));
        // (Whether the name acts is the same for every start: read once.
        // A start may take `spells` only before the run's last cue word.)
        let mut acting = None;
        let last_cue = (from..run.end).rev().find(|&m| toks[m].is(CUE));
        let start = (from..run.end).find(|&k| {
            if !(toks[k].word && is_cap(text(s, &toks[k]))) {
                return false;
            }
            let name = &s[toks[k].start()..end_at];
            let exact = initials(a, name);
            // A lead word (`Last`, `Next`) may open a name the acronym
            // spells exactly (`Last Kite Project (LKP)`).
            (!toks[k].is(LEAD) || exact)
                && ((exact && *acting.get_or_insert_with(|| acts(s, toks, &acr)))
                    || (last_cue.is_some_and(|c| k <= c) && spells(a, name)))
        });
        if let Some(k) = start {
            if k + 1 < run.end {
                out.push(Found {
                    range: toks[k].start()..end_at,
                    acronym: Some(acr),
                });
            }
        }
    }
    out
}

/// Whether what follows `Name (ACR)` treats it as a body: a verb (`was
/// founded`, `has`, `announced`) or a description (`, a non-profit`).
pub(super) fn acts(s: &str, toks: &[Tok], acr: &Range<usize>) -> bool {
    let close = toks.partition_point(|t| t.start() < acr.end);
    let Some(close) = (close..toks.len().min(close + 3)).find(|&k| text(s, &toks[k]) == ")") else {
        return false;
    };
    let w = |k: usize| toks.get(k).map_or("", |t| text(s, t));
    if w(close + 1) == "," {
        return matches!(w(close + 2), "a" | "an" | "the" | "which" | "who");
    }
    toks.get(close + 1).is_some_and(|t| t.is(ACT))
}

/// Whether the acronym at token `k`, which no name defines, acts as a body:
/// the subject of a verb (`ACME has`, `the ACME announced`) or named after
/// `via`, `@` or `member`.
pub(super) fn lone_body(s: &str, toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    let w = text(s, t);
    let plain = w.len() >= 2
        && w.len() <= 8
        && w.bytes().all(|b| b.is_ascii_uppercase() || b == b'&')
        && !t.is(NOT_ACRONYM)
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
    let verb = toks.get(k + 1).is_some_and(|n| {
        n.word && !n.brk && s.as_bytes()[n.start()].is_ascii_lowercase() && n.is(ACT)
    });
    let before = prev
        .filter(|_| !t.brk)
        .is_some_and(|p| matches!(text(s, p), "via" | "@" | "member"));
    verb || before
}

/// Whether the token sits inside a `(EXCHANGE: SYM)` ticker.
pub(super) fn inside_ticker(s: &str, t: &Tok) -> bool {
    let before = &s[..t.start()];
    before.ends_with(": ") || before.ends_with(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_spell_names() {
        // (acronym, name, spelled)
        let cases = [
            ("KSA", "Kite Safety Agency", true),
            ("KA", "Kite Safety Agency", true),
            ("SKA", "Kite Safety Agency", false),
            ("K", "Kite Safety Agency", false),
            ("K-A", "Kite Agency", true),
            ("kA", "Kite Agency", true),
            ("KAA", "Kite Agency", false),
            ("\u{c9}KA", "\u{c9}cole Kite Agency", true),
            ("\u{df}A", "SSA Agency", true),
            ("", "Kite Agency", false),
        ];
        for (acr, name, want) in cases {
            assert_eq!(spells(acr, name), want, "{acr} {name}");
        }
    }

    #[test]
    fn initials_spell_names() {
        // (acronym, name, spelled)
        let cases = [
            ("KSA", "Kite Safety Agency", true),
            ("XSA", "Kite Safety Agency", false),
            ("KSA", "Kite Agency", false),
            ("KAI", "Kite Agency Inc.", false),
            ("KA", "Kite Agency Inc.", true),
            ("KSA", "KS Agency", true),
            ("123", "Kite Safety Agency", false),
            ("\u{c9}KA", "\u{c9}cole Kite Agency", true),
            ("\u{c9}KA", "Ecole Kite Agency", false),
            ("", "Kite Agency", false),
            ("KA", "Inc Kite Agency", true),
            ("KA", "Inc, Kite Agency", true),
            ("KA", "Bolt Kite Agency", false),
            ("KA", "Kite-Agency", true),
            ("kA", "Kite Agency", false),
            ("BKA", "BOLT Kite Agency", true),
            ("BOLTKA", "BOLT Kite Agency", true),
        ];
        for (acr, name, want) in cases {
            assert_eq!(initials(acr, name), want, "{acr} {name}");
        }
    }
}
