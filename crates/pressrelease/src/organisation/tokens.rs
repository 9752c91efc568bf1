//! Word and punctuation tokens of the clean text.

use std::ops::Range;

use super::*;

/// One word or punctuation mark of the text.
#[derive(Debug, Clone)]
pub(super) struct Tok {
    /// Byte range in the text scanned.
    pub(super) r: Range<usize>,
    /// Whether this is a word (else one punctuation character).
    pub(super) word: bool,
    /// Whether a line break comes before the token.
    pub(super) brk: bool,
    /// The word lists holding the token's text (bits of `words`).
    pub(super) f: u32,
}

impl Tok {
    /// Whether one of the word lists `bits` holds the token's text.
    pub(super) fn is(&self, bits: u32) -> bool {
        self.f & bits != 0
    }
}

/// Splits `s` into word and punctuation tokens, in one pass.
pub(super) fn tokenize(s: &str) -> Vec<Tok> {
    let b = s.as_bytes();
    let mut toks = Vec::new();
    let mut brk = true;
    let mut i = 0;
    while i < s.len() {
        let Some(c) = char_at(s, i) else { break };
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
            while let Some(n) = char_at(s, end) {
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
                let after = char_at(s, end + 1);
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
                    f: token_flags(&s[start..m], true),
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
                f: token_flags(&s[start..end], true),
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
            f: token_flags(&s[i..i + n], false),
            r: i..i + n,
            word: false,
            brk,
        });
        brk = false;
        i += n;
    }
    toks
}

/// The character at byte `i` of `s` (a char boundary), read directly
/// when it is ASCII.
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s.get(i..).and_then(|r| r.chars().next()),
        None => None,
    }
}

/// Whether the word `start..end` is two words glued at the seam `m`
/// (a lower-case letter, then a capital): the rest starts with two capitals
/// (`BellACME`). Camel-case names (`AmpliKite`, `KiteCo`) stay whole.
pub(super) fn is_glued(s: &str, start: usize, m: usize, end: usize) -> bool {
    let mut head = s[start..m].chars();
    let capital_head = head.next().is_some_and(char::is_uppercase)
        && head.filter(|c| c.is_lowercase()).count() >= 2;
    let mut rest = s[m..end].chars();
    rest.next();
    capital_head && rest.next().is_some_and(char::is_uppercase)
}

/// The text of a token.
pub(super) fn text<'s>(s: &'s str, t: &Tok) -> &'s str {
    &s[t.r.clone()]
}

/// Whether a word starts with a capital letter.
pub(super) fn is_cap(w: &str) -> bool {
    let mut chars = w.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => true,
        // `5G`, `3M`: a digit led word with capitals.
        Some(c) if c.is_ascii_digit() => chars.any(char::is_uppercase),
        // `d'Hydrologie`, `l'Eau`: an elided article before a capital.
        Some('d' | 'l') => {
            chars.next() == Some('\'') && chars.next().is_some_and(char::is_uppercase)
        }
        _ => false,
    }
}

/// Whether a word looks like an acronym: `UNOCT`, `T-ROC`, `UNESCO`.
pub(super) fn is_acronym(w: &str) -> bool {
    if w.len() > 12 || !is_cap(w) {
        return false;
    }
    let (mut upper, mut lower) = (0usize, 0usize);
    for c in w.chars() {
        upper += usize::from(c.is_uppercase());
        lower += usize::from(c.is_lowercase());
    }
    upper >= 2 && lower <= upper
}
