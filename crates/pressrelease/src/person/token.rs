//! Words of the clean text with their byte ranges.

use std::borrow::Cow;
use std::cell::Cell;
use std::ops::Range;

use super::lexicon::LEXICON;
use crate::text::lowercase_end;

/// One word: letters and digits, with inner `-` or `'`.
#[derive(Debug, Clone)]
pub(super) struct Token<'a> {
    /// Clean byte range.
    pub(super) range: Range<usize>,
    /// Lower-case form, without a possessive `'s`.
    pub(super) lower: Cow<'a, str>,
    /// Starts with a capital letter.
    pub(super) cap: bool,
    /// A single capital letter (an initial).
    pub(super) initial: bool,
    /// An initial with its full stop (`A.` in `Jane A. Doe`).
    pub(super) dotted_initial: bool,
    /// A part after a hyphen starts lower-case (`Employee-owned`).
    pub(super) lower_after_hyphen: bool,
    /// The word holds a `-`.
    hyphen: bool,
    /// The word holds an ASCII digit.
    digit: bool,
    /// The lexicon's class bits of `lower` (`lexicon::class`) and the facts
    /// derived from them ([`Token::TITLE_HEAD`] ...), worked out on first
    /// use: most lower-case words are never asked about.
    facts: Cell<Option<(u16, u8)>>,
}

impl Token<'_> {
    /// The lower-case form.
    pub(super) fn lower(&self) -> &str {
        &self.lower
    }

    const TITLE_HEAD: u8 = 1;
    const TITLE_WORD: u8 = 1 << 1;
    const PARTICLE: u8 = 1 << 2;
    const NAME_WORD: u8 = 1 << 3;

    /// Heads a title (`Lexicon::is_title_head`).
    pub(super) fn is_title_head(&self) -> bool {
        self.flags() & Self::TITLE_HEAD != 0
    }

    /// May stand in a title (`Lexicon::is_title_word`).
    pub(super) fn is_title_word(&self) -> bool {
        self.flags() & Self::TITLE_WORD != 0
    }

    /// A name particle (`bin`, `van`, `al-`).
    pub(super) fn is_particle(&self) -> bool {
        self.flags() & Self::PARTICLE != 0
    }

    /// May stand in a name.
    pub(super) fn is_name_word(&self) -> bool {
        self.flags() & Self::NAME_WORD != 0
    }

    /// In the lexicon list of `bit` (`lexicon::class`).
    #[inline]
    pub(super) fn is(&self, bit: u16) -> bool {
        self.facts().0 & bit != 0
    }

    #[inline]
    fn flags(&self) -> u8 {
        self.facts().1
    }

    /// The class bits and flags, worked out once. The check is inlined
    /// into every rule; the work is not.
    #[inline]
    fn facts(&self) -> (u16, u8) {
        match self.facts.get() {
            Some(f) => f,
            None => self.first_facts(),
        }
    }

    #[inline(never)]
    fn first_facts(&self) -> (u16, u8) {
        let f = self.classify();
        self.facts.set(Some(f));
        f
    }

    /// Works out the class bits and flags from the other fields, with one
    /// look-up for most words (two for hyphenated ones).
    fn classify(&self) -> (u16, u8) {
        use super::lexicon::class;
        let lex = &*LEXICON;
        let lower: &str = &self.lower;
        let own = lex.class(lower);
        let (hyphen, digit) = (self.hyphen, self.digit);
        let head = if hyphen {
            lex.is_title_head_in(lower, own)
        } else {
            own & (class::TITLE_HEAD | class::PLURAL_HEAD) != 0
        };
        // Flag arithmetic on bools (`&`, `|`) rather than `&&`/`||`: the
        // facts of the words of a release follow no pattern a branch
        // predictor could learn.
        let word = head | (own & class::TITLE_MOD != 0);
        // (A token never ends with `-`: the scans join a `-` only before a
        // letter or digit, and only `tokenize` builds tokens.)
        let particle = own & class::PARTICLE != 0;
        const NEVER_NAME: u16 =
            class::NOT_NAME | class::PLURAL_NOT_NAME | class::HONORIFIC | class::SUFFIX;
        let name_word = self.dotted_initial
            | particle
            | (self.cap & !digit & !self.lower_after_hyphen & (own & NEVER_NAME == 0) & !word);
        let flags = (u8::from(head) * Self::TITLE_HEAD)
            | (u8::from(word) * Self::TITLE_WORD)
            | (u8::from(particle) * Self::PARTICLE)
            | (u8::from(name_word) * Self::NAME_WORD);
        (own, flags)
    }
}

/// Splits `text` into words. `lowered` is `text` with its ASCII letters
/// lower-cased (`str::to_ascii_lowercase`, same byte offsets), so the
/// lower-case form of an ASCII word is a slice of it.
pub(super) fn tokenize<'a>(text: &'a str, lowered: &'a str) -> Vec<Token<'a>> {
    debug_assert_eq!(text.len(), lowered.len());
    let bytes = text.as_bytes();
    // Room for the words of ordinary text without growing.
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let mut i = 0;
    while i < bytes.len() {
        // Bytes are tested directly; only non-ASCII bytes are decoded.
        // Spaces and punctuation, in a tight loop.
        while i < bytes.len() && BYTE_KIND[usize::from(bytes[i])] == 0 {
            i += 1;
        }
        let Some(&b) = bytes.get(i) else {
            break;
        };
        // The common case: an ASCII word, scanned without decoding and
        // built on its own path. Its first run of lower-case letters is
        // read first: most words are letters only and end there, with
        // most of their facts known.
        if b.is_ascii() {
            let run_end = lowercase_end(bytes, i + 1);
            let next = bytes.get(run_end);
            if b.is_ascii_alphabetic()
                && next.is_none_or(|&d| NEXT_KIND[usize::from(d)] == NEXT_STOP)
            {
                out.push(letters_token(lowered, i, run_end, b, next));
                i = run_end;
                continue;
            }
            if let Some(word) = scan_ascii(text, i, run_end) {
                let end = word.end;
                out.push(ascii_token(text, lowered, i, &word));
                i = end;
                continue;
            }
        }
        let (c, word) = if b.is_ascii() {
            (b as char, scan_general(text, i))
        } else {
            let c = char_at(text, i);
            if !c.is_alphanumeric() {
                i += c.len_utf8();
                continue;
            }
            (c, scan_general(text, i))
        };
        let Word {
            end,
            ascii,
            hyphen,
            digit,
            ..
        } = word;
        let cap = if b.is_ascii() {
            b.is_ascii_uppercase()
        } else {
            c.is_uppercase()
        };
        let initial = cap && end - i == c.len_utf8();
        // Without a possessive `'s`.
        let stem_end = if bytes[i..end].ends_with(b"'s") {
            end - 2
        } else {
            end
        };
        let lower = if ascii {
            Cow::Borrowed(&lowered[i..stem_end])
        } else {
            Cow::Owned(text[i..stem_end].to_lowercase())
        };
        let tok = Token {
            range: i..end,
            lower,
            cap,
            initial,
            dotted_initial: initial && bytes.get(end) == Some(&b'.'),
            lower_after_hyphen: hyphen && lower_after_hyphen(&text[i..end]),
            hyphen,
            digit,
            facts: Cell::new(None),
        };
        out.push(tok);
        i = end;
    }
    out
}

/// The token of the word of ASCII letters only at bytes `i..end`, with
/// first byte `first` and byte `next` after it: no hyphen, digit or `'s`.
#[inline]
fn letters_token<'a>(
    lowered: &'a str,
    i: usize,
    end: usize,
    first: u8,
    next: Option<&u8>,
) -> Token<'a> {
    let cap = first.is_ascii_uppercase();
    let initial = cap && end - i == 1;
    Token {
        range: i..end,
        lower: Cow::Borrowed(&lowered[i..end]),
        cap,
        initial,
        dotted_initial: initial && next == Some(&b'.'),
        lower_after_hyphen: false,
        hyphen: false,
        digit: false,
        facts: Cell::new(None),
    }
}

/// The token of the ASCII word `word` found at byte `i`: its lower-case
/// form is a slice of `lowered`.
#[inline]
fn ascii_token<'a>(text: &'a str, lowered: &'a str, i: usize, word: &Word) -> Token<'a> {
    let bytes = text.as_bytes();
    let end = word.end;
    let cap = bytes[i].is_ascii_uppercase();
    let initial = cap && end - i == 1;
    // Without a possessive `'s`; only a word with a `'` can end with one.
    let stem_end =
        if word.quote && end - i >= 2 && bytes[end - 2] == b'\'' && bytes[end - 1] == b's' {
            end - 2
        } else {
            end
        };
    Token {
        range: i..end,
        lower: Cow::Borrowed(&lowered[i..stem_end]),
        cap,
        initial,
        dotted_initial: initial && bytes.get(end) == Some(&b'.'),
        lower_after_hyphen: word.hyphen && lower_after_hyphen(&text[i..end]),
        hyphen: word.hyphen,
        digit: word.digit,
        facts: Cell::new(None),
    }
}

/// Whether a part after a hyphen of `word` starts lower-case and is longer
/// than a syllable: `Hyun-woo` is a name; `Employee-owned` is not.
fn lower_after_hyphen(word: &str) -> bool {
    if word.is_ascii() {
        // Bytes are chars here: no decoding, no char count.
        return word
            .as_bytes()
            .split(|&b| b == b'-')
            .skip(1)
            .any(|p| p.first().is_some_and(u8::is_ascii_lowercase) && p.len() > 3);
    }
    word.split('-')
        .skip(1)
        .any(|p| p.chars().next().is_some_and(char::is_lowercase) && p.chars().count() > 3)
}

/// Per byte: 1 for an ASCII letter or digit, 2 for a non-ASCII byte, 0
/// for the rest (spaces, punctuation).
static BYTE_KIND: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            1
        } else if !c.is_ascii() {
            2
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Kinds of the byte after a run of lower-case letters ([`NEXT_KIND`]).
const NEXT_STOP: u8 = 0;
const NEXT_DIGIT: u8 = 1;
const NEXT_JOIN: u8 = 2;
const NEXT_UPPER: u8 = 3;
const NEXT_OTHER: u8 = 4;

/// Per byte, what it does after a run of lower-case letters in
/// [`scan_ascii`]: ends the word (ASCII punctuation and spaces), is a
/// digit, a `-` or `'` that may join two parts, a capital, or a
/// non-ASCII byte.
static NEXT_KIND: [u8; 256] = {
    let mut t = [NEXT_OTHER; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            NEXT_DIGIT
        } else if c == b'-' || c == b'\'' {
            NEXT_JOIN
        } else if c.is_ascii_uppercase() {
            NEXT_UPPER
        } else {
            // (A run never stops at a lower-case letter; were it to, the
            // word would end there, as at punctuation.)
            NEXT_STOP
        };
        b += 1;
    }
    t
};

/// A word found by a scan: where it ends and what it holds.
struct Word {
    end: usize,
    /// Only ASCII bytes.
    ascii: bool,
    /// Holds a `-`.
    hyphen: bool,
    /// Holds a `'` ([`scan_ascii`] only; `false` from [`scan_general`]).
    quote: bool,
    /// Holds an ASCII digit.
    digit: bool,
}

/// Where the run of ASCII capitals that starts at byte `j` ends.
#[inline]
fn upper_run(bytes: &[u8], mut j: usize) -> usize {
    while j < bytes.len() && bytes[j].is_ascii_uppercase() {
        j += 1;
    }
    j
}

/// Scans the word starting at byte `i`, an ASCII letter or digit, while it
/// stays ASCII; `None` when a non-ASCII char has to be looked at (then
/// [`scan_general`] scans it again). `run_end` is where the run of
/// lower-case letters after its first byte ends (`text::lowercase_end(bytes, i + 1)`).
#[inline]
fn scan_ascii(text: &str, i: usize, run_end: usize) -> Option<Word> {
    let bytes = text.as_bytes();
    let mut hyphen = false;
    let mut quote = false;
    let mut digit = bytes[i].is_ascii_digit();
    // The first char and the run after it are on the word.
    let mut end = run_end;
    // `j` is the next byte; it passes `end` only over an inner `-` or `'`,
    // which is always followed by a char of the word.
    let mut j = run_end;
    while let Some(&d) = bytes.get(j) {
        // One table look-up sorts the byte after the run.
        match NEXT_KIND[usize::from(d)] {
            NEXT_STOP => break,
            NEXT_DIGIT => {
                if glued_digit(&text[i..j]) {
                    break;
                }
                digit = true;
                j += 1;
                end = j;
            }
            NEXT_JOIN => {
                match bytes.get(j + 1) {
                    Some(n) if n.is_ascii_alphanumeric() => {}
                    Some(n) if !n.is_ascii() => return None,
                    _ => break,
                }
                hyphen |= d == b'-';
                quote |= d == b'\'';
                j += 1;
            }
            NEXT_UPPER => {
                // Only after a lower-case letter may a capital start a new
                // word (`glued_capital`); after a capital, digit or `-`
                // it goes on the word with the capitals after it
                // (`UNICEF`), in one step.
                if bytes[j - 1].is_ascii_lowercase() {
                    if glued_capital(text, i, j) {
                        break;
                    }
                    j += 1;
                }
                j = upper_run(bytes, j);
                end = j;
            }
            // A non-ASCII byte: the general scan decodes it.
            _ => return None,
        }
        // Lower-case letters go on the word, whatever came before.
        let run = j;
        j = lowercase_end(bytes, j);
        if j > run {
            end = j;
        }
    }
    Some(Word {
        end,
        ascii: true,
        hyphen,
        quote,
        digit,
    })
}

/// Scans the word starting at byte `i` (a letter or digit), decoding
/// non-ASCII chars.
#[inline(never)]
fn scan_general(text: &str, i: usize) -> Word {
    let bytes = text.as_bytes();
    let b = bytes[i];
    let c = char_at(text, i);
    let mut ascii = b.is_ascii();
    let mut hyphen = false;
    let mut digit = b.is_ascii_digit();
    let mut end = i + c.len_utf8();
    // `j` is the next char; it passes `end` only over an inner `-` or
    // `'`, which is always followed by a char of the word.
    let mut j = end;
    loop {
        // The common case first, in a tight loop: lower-case ASCII
        // letters go on the word, whatever came before.
        let run = j;
        while j < bytes.len() && bytes[j].is_ascii_lowercase() {
            j += 1;
        }
        if j > run {
            end = j;
        }
        let Some(&d) = bytes.get(j) else {
            break;
        };
        if d.is_ascii_digit() {
            // A phone glued to a name (`Doe5550100`) starts a new word.
            if glued_digit(&text[i..j]) {
                break;
            }
            digit = true;
            j += 1;
            end = j;
        } else if d == b'-' || d == b'\'' {
            // Only inside a word: `Al-Thani`, `O'Connor`.
            if !text[j + 1..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
            {
                break;
            }
            hyphen |= d == b'-';
            j += 1;
        } else if d.is_ascii_uppercase() {
            if glued_capital(text, i, j) {
                break;
            }
            j += 1;
            end = j;
        } else if d.is_ascii() {
            break;
        } else {
            let ch = char_at(text, j);
            if !ch.is_alphanumeric() || ch.is_uppercase() && glued_capital(text, i, j) {
                break;
            }
            ascii = false;
            j += ch.len_utf8();
            end = j;
        }
    }
    Word {
        end,
        ascii,
        hyphen,
        quote: false,
        digit,
    }
}

/// The char starting at byte `i` of `text` (a char boundary).
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or('\0')
}

/// Whether a digit after the word so far `head` starts a new word: a phone
/// glued to a name (`Doe5550100`), after three or more chars ending in a
/// letter.
fn glued_digit(head: &str) -> bool {
    let last_alpha = match head.as_bytes().last() {
        Some(b) if b.is_ascii() => b.is_ascii_alphabetic(),
        _ => head.chars().next_back().is_some_and(char::is_alphabetic),
    };
    last_alpha && head.chars().take(3).count() >= 3
}

/// Whether the capital at byte `j` starts a new word after the word so far
/// `text[i..j]`: words glued by lost markup (`DetailsJane`, `DoeTel`) split
/// where a capital follows three or more letters, and a short word glued to
/// a title word splits too (`KoVice President`).
fn glued_capital(text: &str, i: usize, j: usize) -> bool {
    // Both rules need a lower-case letter before the capital; an ASCII byte
    // that is not one rules them out without decoding.
    let before = text.as_bytes()[j - 1];
    if before.is_ascii() && !before.is_ascii_lowercase() {
        return false;
    }
    let head = &text[i..j];
    is_glued_prefix(head) || glued_title(head, &text[j..])
}

/// Whether a short word so far is glued to a title word (`KoVice
/// President`, lost line breaks in a contact block).
fn glued_title(head: &str, rest: &str) -> bool {
    if !head.chars().next_back().is_some_and(char::is_lowercase) {
        return false;
    }
    let end = rest
        .char_indices()
        .find(|&(k, c)| k > 0 && !c.is_lowercase())
        .map_or(rest.len(), |(k, _)| k);
    end <= 24 && super::lexicon::LEXICON.is_title_word(&rest[..end].to_lowercase())
}

/// Whether a word so far ends where a capital starts a new word: three or
/// more letters ending lower-case, but not `Mac` or `Van` (`MacLeod`).
fn is_glued_prefix(head: &str) -> bool {
    head.chars().next_back().is_some_and(char::is_lowercase)
        && head.chars().take(3).count() >= 3
        && !matches!(
            head,
            "Mac" | "Van" | "Von" | "Del" | "Des" | "Dos" | "Das" | "Della"
        )
}

/// The tokenizer before its fast path for words of letters only, kept to
/// check the new one against.
#[cfg(test)]
mod old {
    use super::*;

    pub(super) fn old_tokenize<'a>(text: &'a str, lowered: &'a str) -> Vec<Token<'a>> {
        debug_assert_eq!(text.len(), lowered.len());
        let bytes = text.as_bytes();
        // Room for the words of ordinary text without growing.
        let mut out = Vec::with_capacity(text.len() / 6 + 1);
        let mut i = 0;
        while i < bytes.len() {
            // Bytes are tested directly; only non-ASCII bytes are decoded.
            // Spaces and punctuation, in a tight loop.
            while i < bytes.len() && BYTE_KIND[usize::from(bytes[i])] == 0 {
                i += 1;
            }
            let Some(&b) = bytes.get(i) else {
                break;
            };
            // The common case: an ASCII word, scanned without decoding and
            // built on its own path.
            if b.is_ascii()
                && let Some(word) = old_scan_ascii(text, i)
            {
                let end = word.end;
                out.push(old_ascii_token(text, lowered, i, &word));
                i = end;
                continue;
            }
            let (c, word) = if b.is_ascii() {
                (b as char, scan_general(text, i))
            } else {
                let c = char_at(text, i);
                if !c.is_alphanumeric() {
                    i += c.len_utf8();
                    continue;
                }
                (c, scan_general(text, i))
            };
            let Word {
                end,
                ascii,
                hyphen,
                digit,
                ..
            } = word;
            let cap = if b.is_ascii() {
                b.is_ascii_uppercase()
            } else {
                c.is_uppercase()
            };
            let initial = cap && end - i == c.len_utf8();
            // Without a possessive `'s`.
            let stem_end = if bytes[i..end].ends_with(b"'s") {
                end - 2
            } else {
                end
            };
            let lower = if ascii {
                Cow::Borrowed(&lowered[i..stem_end])
            } else {
                Cow::Owned(text[i..stem_end].to_lowercase())
            };
            let tok = Token {
                range: i..end,
                lower,
                cap,
                initial,
                dotted_initial: initial && bytes.get(end) == Some(&b'.'),
                lower_after_hyphen: hyphen && lower_after_hyphen(&text[i..end]),
                hyphen,
                digit,
                facts: Cell::new(None),
            };
            out.push(tok);
            i = end;
        }
        out
    }

    #[inline]
    fn old_ascii_token<'a>(text: &'a str, lowered: &'a str, i: usize, word: &Word) -> Token<'a> {
        let bytes = text.as_bytes();
        let end = word.end;
        let cap = bytes[i].is_ascii_uppercase();
        let initial = cap && end - i == 1;
        // Without a possessive `'s`.
        let stem_end = if end - i >= 2 && bytes[end - 2] == b'\'' && bytes[end - 1] == b's' {
            end - 2
        } else {
            end
        };
        Token {
            range: i..end,
            lower: Cow::Borrowed(&lowered[i..stem_end]),
            cap,
            initial,
            dotted_initial: initial && bytes.get(end) == Some(&b'.'),
            lower_after_hyphen: word.hyphen && lower_after_hyphen(&text[i..end]),
            hyphen: word.hyphen,
            digit: word.digit,
            facts: Cell::new(None),
        }
    }

    #[inline]
    fn old_scan_ascii(text: &str, i: usize) -> Option<Word> {
        let bytes = text.as_bytes();
        let mut hyphen = false;
        let mut digit = bytes[i].is_ascii_digit();
        let mut end = i + 1;
        // `j` is the next byte; it passes `end` only over an inner `-` or `'`,
        // which is always followed by a char of the word.
        let mut j = end;
        loop {
            // Lower-case letters go on the word, whatever came before.
            let run = j;
            j = lowercase_end(bytes, j);
            if j > run {
                end = j;
            }
            let Some(&d) = bytes.get(j) else {
                break;
            };
            // One table look-up sorts the byte after the run; most words stop
            // at once.
            match NEXT_KIND[usize::from(d)] {
                NEXT_STOP => break,
                NEXT_DIGIT => {
                    if glued_digit(&text[i..j]) {
                        break;
                    }
                    digit = true;
                    j += 1;
                    end = j;
                }
                NEXT_JOIN => {
                    match bytes.get(j + 1) {
                        Some(n) if n.is_ascii_alphanumeric() => {}
                        Some(n) if !n.is_ascii() => return None,
                        _ => break,
                    }
                    hyphen |= d == b'-';
                    j += 1;
                }
                NEXT_UPPER => {
                    if glued_capital(text, i, j) {
                        break;
                    }
                    j += 1;
                    end = j;
                }
                // A non-ASCII byte: the general scan decodes it.
                _ => return None,
            }
        }
        Some(Word {
            end,
            ascii: true,
            hyphen,
            quote: false,
            digit,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field of every token, to compare two tokenizers.
    fn fields(text: &str, toks: &[Token]) -> Vec<String> {
        toks.iter()
            .map(|t| {
                format!(
                    "{:?} {:?} {:?} {} {} {} {} {} {} {:?}",
                    t.range,
                    &text[t.range.clone()],
                    t.lower,
                    t.cap,
                    t.initial,
                    t.dotted_initial,
                    t.lower_after_hyphen,
                    t.hyphen,
                    t.digit,
                    t.facts.get(),
                )
            })
            .collect()
    }

    #[test]
    fn fast_path_agrees_with_the_old_tokenizer() {
        let table: &[&str] = &[
            "",
            "a",
            "A",
            "A.",
            "J. Doe",
            "Jane Roe, CEO of ACME-Vorta Ltd.",
            "O'Connor's co-founder said: \"yes\"",
            "UNICEF UNICEFs McAdams MacLeod DetailsJane KoVice",
            "Doe5550100 B2b 2024 x9 9x 10-K Zo-'s A--B al-'s el-",
            "caf\u{e9} \u{c9}lodie Jean-\u{c9}ric Zo\u{eb}'s ab-\u{2026} x\u{e9}",
            "end with a word",
            "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "line\nbreak\ttab  two  spaces",
        ];
        // Pieces that meet at every kind of boundary, strung at random.
        let pieces: &[&str] = &[
            "a",
            "b",
            "Z",
            "Q",
            "jane",
            "Doe",
            "ACME",
            "Vice",
            "President",
            "Mac",
            "Van",
            "x",
            "7",
            "42",
            "-",
            "'",
            "'s",
            ".",
            ",",
            " ",
            " ",
            "\n",
            "(",
            "\u{e9}",
            "\u{c9}",
            "\u{2026}",
            "\u{fc}ller",
            "Tel",
            "co",
            "abcdefgh",
            "Ab",
            "A.",
        ];
        let mut texts: Vec<String> = table.iter().map(|t| t.to_string()).collect();
        let mut rng = crate::test_rng::Lcg(0x5eed);
        for _ in 0..3000 {
            let mut t = String::new();
            let n = (rng.step() >> 59) as usize + 1;
            for _ in 0..n {
                t.push_str(pieces[(rng.step() >> 33) as usize % pieces.len()]);
            }
            texts.push(t);
        }
        for text in &texts {
            let lowered = text.to_ascii_lowercase();
            let new = tokenize(text, &lowered);
            let old = super::old::old_tokenize(text, &lowered);
            assert_eq!(fields(text, &new), fields(text, &old), "text {text:?}");
        }
    }

    #[test]
    fn lower_parts_after_hyphens() {
        let cases: &[(&str, bool)] = &[
            ("Employee-owned", true),
            ("Hyun-woo", false),
            ("Jean-Luc", false),
            ("Co-founder-level", true),
            ("Al-", false),
            ("Vorta-\u{e9}tudes", true),
            ("Vorta-\u{e9}t\u{e9}", false),
            ("Vorta-\u{e9}t", false),
            ("Zel-\u{c9}tudes", false),
        ];
        for (word, want) in cases {
            assert_eq!(lower_after_hyphen(word), *want, "word {word:?}");
        }
    }

    #[test]
    fn words() {
        let cases: &[(&str, &[&str])] = &[
            ("Ahmed S. Al-Thani", &["Ahmed", "S", "Al-Thani"]),
            ("O'Connor's - end", &["O'Connor's", "end"]),
            ("co-founder, CEO.", &["co-founder", "CEO"]),
            (
                "DetailsJane SmithTel McAdams",
                &["Details", "Jane", "Smith", "Tel", "McAdams"],
            ),
            ("Zel KoVice President", &["Zel", "Ko", "Vice", "President"]),
            ("Min-jae", &["Min-jae"]),
            (
                "Jean-\u{c9}ric M\u{fc}ller, Zo\u{eb}'s, caf\u{e9}\u{2026} Doe5550100",
                &[
                    "Jean-\u{c9}ric",
                    "M\u{fc}ller",
                    "Zo\u{eb}'s",
                    "caf\u{e9}",
                    "Doe",
                    "5550100",
                ],
            ),
            ("ab-\u{2026} \u{c9}TAT-Vorta", &["ab", "\u{c9}TAT-Vorta"]),
        ];
        for (input, want) in cases {
            let lowered = input.to_ascii_lowercase();
            let got: Vec<&str> = tokenize(input, &lowered)
                .iter()
                .map(|t| &input[t.range.clone()])
                .collect();
            assert_eq!(&got, want, "input {input:?}");
        }
    }

    #[test]
    fn no_token_ends_with_a_hyphen() {
        // `classify` relies on it: a particle is read from its own form.
        let texts = [
            "Al- Thani",
            "bin-",
            "van- der-Berg -x",
            "ab-\u{e9} \u{e9}-- Zo-'s",
            "A--B al-'s el-",
            "x-1- y-\u{2014}",
        ];
        for text in texts {
            let lowered = text.to_ascii_lowercase();
            for t in tokenize(text, &lowered) {
                assert!(!t.lower().ends_with('-'), "{text:?}: {:?}", t.lower());
                assert!(!text[t.range.clone()].ends_with('-'), "{text:?}");
            }
        }
    }

    #[test]
    fn glued_digits() {
        let cases: &[(&str, bool)] = &[
            ("Doe", true),
            ("Do", false),
            ("Tel2", false),
            ("Al-", false),
            ("R\u{e9}n\u{e9}", true),
            ("\u{e9}\u{e9}", false),
        ];
        for (head, want) in cases {
            assert_eq!(glued_digit(head), *want, "head {head:?}");
        }
    }

    #[test]
    fn glued_capitals() {
        // (text, capital's byte offset, splits there)
        let cases: &[(&str, usize, bool)] = &[
            ("DetailsJane", 7, true),
            ("McAdams", 2, false),
            ("MacLeod", 3, false),
            ("UNICEF", 3, false),
            ("KoVice", 2, true),
            ("KoVorta", 2, false),
            ("Ren\u{e9}Roe", 5, true),
        ];
        for (text, at, want) in cases {
            assert_eq!(glued_capital(text, 0, *at), *want, "text {text:?}");
        }
    }

    #[test]
    fn lower_forms_and_flags() {
        // (text, lower-case form of the first word, name word, title word)
        let cases: &[(&str, &str, bool, bool)] = &[
            ("Zorvin", "zorvin", true, false),
            ("ZORVIN's", "zorvin", true, false),
            ("Directors", "directors", false, true),
            ("Co-Founder", "co-founder", false, true),
            ("\u{c9}lodie", "\u{e9}lodie", true, false),
            ("Jr", "jr", false, false),
            ("B2b", "b2b", false, false),
            ("van", "van", true, false),
        ];
        for (text, lower, name, title) in cases {
            let lowered = text.to_ascii_lowercase();
            let toks = tokenize(text, &lowered);
            let t = &toks[0];
            assert_eq!(t.lower(), *lower, "text {text:?}");
            assert_eq!(t.is_name_word(), *name, "text {text:?}");
            assert_eq!(t.is_title_word(), *title, "text {text:?}");
        }
    }
}
