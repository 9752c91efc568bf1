//! Word and punctuation tokens of the clean text.

use std::ops::Range;

use super::words::{
    CHECK, HIGH_BITS, Head, Table, in_range, mark_table, plain_word_flags, short_word_flags, table,
};
use super::*;

/// One word or punctuation mark of the text.
#[derive(Debug, Clone)]
pub(super) struct Tok {
    /// Byte range in the text scanned, as `u32` (the token fits in 16
    /// bytes; [`tokenize_with_caps`] reads no text past `u32::MAX`).
    pub(super) start: u32,
    pub(super) end: u32,
    /// Whether this is a word (else one punctuation character).
    pub(super) word: bool,
    /// Whether a line break comes before the token.
    pub(super) brk: bool,
    /// Bits of `words`: the word lists holding the token's text and its
    /// facts (capitalised, acronym, connector, legal form).
    pub(super) f: u32,
}

impl Tok {
    /// Byte range in the text scanned.
    #[inline(always)]
    pub(super) fn r(&self) -> Range<usize> {
        self.start()..self.end()
    }

    /// Where the token starts in the text scanned.
    #[inline(always)]
    pub(super) fn start(&self) -> usize {
        self.start as usize
    }

    /// Where the token ends in the text scanned.
    #[inline(always)]
    pub(super) fn end(&self) -> usize {
        self.end as usize
    }

    /// The token's length in bytes.
    #[inline(always)]
    pub(super) fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    /// Whether the token has one of `bits` (a list or a fact).
    pub(super) fn is(&self, bits: u32) -> bool {
        self.f & bits != 0
    }
}

/// Byte classes of [`CLASS`].
const SPACE: u8 = 1;
const ALNUM: u8 = 1 << 1;
const UPPER: u8 = 1 << 2;
const LOWER: u8 = 1 << 3;
const ALPHA: u8 = 1 << 4;
/// `-`, `'` and `.`: inside a word when a letter or digit follows.
const JOINER: u8 = 1 << 5;
/// A byte of a non-ASCII character.
const WIDE: u8 = 1 << 6;
// `scan_ascii_word` shifts a small letter's bit onto a capital's.
const _: () = assert!(LOWER >> 1 == UPPER);

/// The class of every byte, as `char` methods answer for ASCII.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let x = i as u8;
        t[i] = if x >= 0x80 {
            WIDE
        } else if x.is_ascii_uppercase() {
            ALNUM | UPPER | ALPHA
        } else if x.is_ascii_lowercase() {
            ALNUM | LOWER | ALPHA
        } else if x.is_ascii_digit() {
            ALNUM
        } else if matches!(x, b'\t' | 0x0b | 0x0c | b'\r' | b' ' | b'\n') {
            // `char::is_whitespace` on ASCII.
            SPACE
        } else if matches!(x, b'-' | b'\'' | b'.') {
            JOINER
        } else {
            0
        };
        i += 1;
    }
    t
};

/// Splits `s` into word and punctuation tokens, in one pass.
///
/// Bytes are read directly; only non-ASCII characters are decoded.
#[cfg(test)]
pub(super) fn tokenize(s: &str) -> Vec<Tok> {
    tokenize_with_caps(s).0
}

/// [`tokenize`], with the indices of the capitalised tokens ([`CAP`]), in
/// order: the passes that look only at those skip the rest.
pub(super) fn tokenize_with_caps(s: &str) -> (Vec<Tok>, Vec<usize>) {
    // Token offsets are `u32`: a text past that (4 GiB) gives no tokens.
    if u32::try_from(s.len()).is_err() {
        return (Vec::new(), Vec::new());
    }
    let b = s.as_bytes();
    let mut toks = Vec::with_capacity(b.len() / 5 + 1);
    let mut caps = Vec::with_capacity(b.len() / 16 + 1);
    let table = table();
    let marks = mark_table();
    let mut brk = true;
    let mut i = 0;
    // The common tokens here (plain words, ASCII marks); the rest in
    // `other_token`, out of line so that this loop keeps its registers.
    while i < b.len() {
        let x = b[i];
        let class = CLASS[usize::from(x)];
        if class & SPACE != 0 {
            brk |= x == b'\n';
            i += 1;
            continue;
        }
        if class & ALNUM != 0 {
            // Most words are plain: ASCII letters and digits, no seam, and
            // no joiner or non-ASCII byte after them. A machine word or
            // two reads them; none of the rules of `other_token` apply.
            if let Some(w) = plain_word(table, b, i) {
                let mut f = plain_word_flags(b, i, &w);
                // A capital first, or a digit with a capital later on.
                if class & UPPER != 0 || (class & ALPHA == 0 && (w.up[0] | w.up[1]) != 0) {
                    f |= CAP | w.acronym(w.end - i);
                    caps.push(toks.len());
                }
                toks.push(Tok {
                    f,
                    start: i as u32,
                    end: w.end as u32,
                    word: true,
                    brk,
                });
                brk = false;
                // One space after a word is the common case: step over it
                // here (a space never sets `brk`).
                i = w.end + usize::from(w.next == b' ');
                continue;
            }
        } else if class & WIDE == 0 {
            // An ASCII mark (never capitalised: a test checks).
            toks.push(Tok {
                f: marks[usize::from(x & 0x7f)],
                start: i as u32,
                end: i as u32 + 1,
                word: false,
                brk,
            });
            brk = false;
            i += 1;
            i += usize::from(b.get(i) == Some(&b' '));
            continue;
        }
        i = other_token(s, i, &mut toks, &mut caps, &mut brk);
    }
    (toks, caps)
}

/// The token at `i` that [`tokenize_with_caps`] leaves: a word that is not
/// plain, or a non-ASCII character. Pushes it (and the index of a
/// capitalised one to `caps`) and gives where the next token may start.
#[inline(never)]
fn other_token(
    s: &str,
    i: usize,
    toks: &mut Vec<Tok>,
    caps: &mut Vec<usize>,
    brk: &mut bool,
) -> usize {
    let b = s.as_bytes();
    let x = b[i];
    let class = CLASS[usize::from(x)];
    if class & WIDE != 0 {
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
            return b.len();
        };
        if c.is_whitespace() {
            return i + c.len_utf8();
        }
        if !c.is_alphanumeric() {
            let len = c.len_utf8();
            push(
                toks,
                caps,
                Tok {
                    f: token_flags(s, i..i + len, false),
                    start: i as u32,
                    end: (i + len) as u32,
                    word: false,
                    brk: *brk,
                },
            );
            *brk = false;
            let i = i + len;
            return i + usize::from(b.get(i) == Some(&b' '));
        }
    }
    let start = i;
    let (mut end, seam, dot, head) = match scan_ascii_word(b, start) {
        Some((end, seam, dot, head)) => (end, seam, dot, head),
        None => {
            let (end, seam, dot) = scan_word(s, start);
            (end, seam, dot, None)
        }
    };
    // A plural possessive keeps its apostrophe (`Veterans' Affairs`).
    if b[end - 1] == b's' && b[end..].starts_with(b"' ") && upper_at(s, end + 2) {
        end += 1;
    }
    // A possessive `'s` is not part of the name, unless a
    // capitalised word follows (`District Attorney's Office`).
    if end - start > 2 && b[..end].ends_with(b"'s") {
        let next_cap = b.get(end) == Some(&b' ') && upper_at(s, end + 1);
        if !next_cap || !in_set(&LISTS.possessor, &s[start..end - 2]) {
            end -= 2;
        }
    }
    // Lines flattened into one (`Jo BellACME Group`, `Contact
    // DetailsAcme Labs`) leave a seam inside a word: the word ends
    // there, and a line break comes before the rest.
    if let Some(m) = seam.filter(|&m| is_glued(s, start, m, end)) {
        push(
            toks,
            caps,
            Tok {
                f: token_flags(s, start..m, true),
                start: start as u32,
                end: m as u32,
                word: true,
                brk: *brk,
            },
        );
        *brk = true;
        return m;
    }
    if b.get(end) == Some(&b'.') {
        let one_capital = end - start == 1 && x.is_ascii_uppercase();
        if one_capital || dot || KEEP_DOT.contains(&&s[start..end]) {
            end += 1;
        }
    }
    // An ASCII word within its first eight bytes: their reading
    // serves again.
    let f = match &head {
        Some(head) if end - start <= 8 => short_word_flags(s, start..end, head),
        _ => token_flags(s, start..end, true),
    };
    push(
        toks,
        caps,
        Tok {
            f,
            start: start as u32,
            end: end as u32,
            word: true,
            brk: *brk,
        },
    );
    *brk = false;
    end
}

/// Adds a token, and its index to `caps` if it is capitalised.
#[inline(always)]
fn push(toks: &mut Vec<Tok>, caps: &mut Vec<usize>, t: Tok) {
    if t.is(CAP) {
        caps.push(toks.len());
    }
    toks.push(t);
}

/// The word starting at `start` (an ASCII letter or digit) when it is
/// plain: up to fifteen ASCII letters and digits, no capital after a small
/// letter (no seam), and the byte after it neither a joiner (`-`, `'`,
/// `.`; a sentence's full stop aside) nor non-ASCII. `None` sends the word
/// to the full reading, which gives a plain word the same end.
#[inline(always)]
pub(super) fn plain_word(table: &Table, b: &[u8], start: usize) -> Option<Plain> {
    // Reads eight bytes: the letters and digits, lower-cased, and the
    // marks of the capitals and small letters among them.
    let read = |at: usize| {
        let x = match b.get(at..at + 8) {
            Some(&[b0, b1, b2, b3, b4, b5, b6, b7]) => {
                u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7])
            }
            // Near the end of the text, zero-padded: a zero byte stops
            // the word, as the end of the text does (and reads as no
            // joiner after it).
            _ => tail(b, at),
        };
        // As in `scan_ascii_word`: bytes after a non-ASCII one may read
        // wrong, but the word stops before them.
        let ascii = !x & HIGH_BITS;
        // The 0x20 bit makes a capital small and leaves a digit as it is.
        let lower = x | 0x2020_2020_2020_2020;
        let letter = in_range(lower, b'a', b'z') & ascii;
        let alnum = letter | (in_range(x, b'0', b'9') & ascii);
        // 8 when all eight bytes are letters and digits.
        let stop = !alnum & HIGH_BITS;
        let n = stop.trailing_zeros() as usize / 8;
        let inside = below_first_stop(stop);
        // The 0x20 bit, moved onto each letter's mark, tells the cases
        // apart.
        let (up, low) = (letter & !(x << 2) & inside, letter & (x << 2) & inside);
        (n, x, lower & inside, up, low)
    };
    // A capital above the lowest small letter (no branch: `&` on bools).
    let capital_after_small = |up: u64, low: u64| (low != 0) & (up > (low & low.wrapping_neg()));
    let (n, x, key, up, low) = read(start);
    let mut seam = capital_after_small(up, low);
    // Each length has its table; the byte after the word is the one after
    // those the word takes of the last eight read.
    let mut w = if n == 8 {
        let after_eight = b.get(start + 8).copied().unwrap_or(0);
        if CLASS[usize::from(after_eight)] & ALNUM == 0 {
            // Exactly eight: the byte after them ends the word, with no
            // second reading.
            Plain {
                end: start + 8,
                next: after_eight,
                f: table.plain_long([key, 0], up != 0),
                up: [up, 0],
                low: [low, 0],
            }
        } else {
            let (n2, x2, key2, up2, low2) = read(start + 8);
            if n2 == 8 {
                return None;
            }
            seam |= up2 != 0 && (low != 0 || capital_after_small(up2, low2));
            Plain {
                end: start + 8 + n2,
                next: (x2 >> (8 * n2)) as u8,
                f: table.plain_long([key, key2], (up | up2) != 0),
                up: [up, up2],
                low: [low, low2],
            }
        }
    } else {
        Plain {
            end: start + n,
            next: (x >> (8 * n)) as u8,
            f: table.plain_short(key, up != 0),
            up: [up, 0],
            low: [low, 0],
        }
    };
    let after = CLASS[usize::from(w.next)];
    if after & (WIDE | JOINER) != 0 || seam {
        if after & WIDE != 0 || seam {
            return None;
        }
        let beyond = b.get(w.end + 1).copied().unwrap_or(0);
        match w.next {
            // A full stop ending a sentence (no letter or digit after it)
            // stays out of the word, unless the word keeps it (`Inc.`,
            // `J.`): then the full reading of the bits takes it.
            b'.' if CLASS[usize::from(beyond)] & (ALNUM | WIDE) == 0 => {
                let word = &b[start..w.end];
                if (word.len() == 1 && word[0].is_ascii_uppercase())
                    || KEEP_DOT.iter().any(|k| k.as_bytes() == word)
                {
                    w.end += 1;
                    w.next = beyond;
                    w.f = CHECK;
                }
            }
            // A possessive `'s` stays out of the word (as `other_token`
            // leaves it) when no capitalised word follows; the rest (a
            // possessor's name, `Attorney's Office`) takes the full reading.
            b'\'' if beyond == b's' => {
                let third = b.get(w.end + 2).copied().unwrap_or(0);
                if CLASS[usize::from(third)] & (ALNUM | JOINER | WIDE) != 0 {
                    return None;
                }
                let fourth = b.get(w.end + 3).copied().unwrap_or(0);
                if third == b' ' && (fourth.is_ascii_uppercase() || !fourth.is_ascii()) {
                    return None;
                }
            }
            _ => return None,
        }
    }
    Some(w)
}

/// The bytes of `b` from `at` to its end (fewer than eight), zero-padded,
/// as a machine word.
#[cold]
#[inline(never)]
fn tail(b: &[u8], at: usize) -> u64 {
    let mut x = [0u8; 8];
    let rest = b.get(at..).unwrap_or_default();
    for (x, &c) in x.iter_mut().zip(rest) {
        *x = c;
    }
    u64::from_le_bytes(x)
}

/// The bytes below the first byte marked in `stop` (marks on top bits,
/// as [`in_range`] gives them), all eight when none is: no branch.
#[inline(always)]
fn below_first_stop(stop: u64) -> u64 {
    // The lowest mark moved to its byte's bottom bit, less one; no mark
    // gives zero less one, every bit.
    ((stop & stop.wrapping_neg()) >> 7).wrapping_sub(1)
}

/// A plain word (see [`plain_word`]): its end, the byte after it, its
/// table value (see [`plain_word_flags`]), and per eight bytes its
/// lower-cased bytes and the marks of its capitals and small letters (see
/// [`in_range`]), zero past the word.
pub(super) struct Plain {
    pub(super) end: usize,
    pub(super) next: u8,
    pub(super) f: u32,
    pub(super) up: [u64; 2],
    pub(super) low: [u64; 2],
}

/// [`scan_word`] for a word of ASCII letters, digits and joiners (the
/// common case), eight bytes at a time where it can; `None` when a
/// non-ASCII character touches the word.
fn scan_ascii_word(b: &[u8], start: usize) -> Option<(usize, Option<usize>, bool, Option<Head>)> {
    let mut end = start;
    // The first eight bytes, when the text has them.
    let mut head = None;
    let mut dot = false;
    // Every class seen, and whether a capital came after a small letter:
    // only then may the word hold a seam.
    let (mut seen, mut capital_after_small) = (0, 0);
    loop {
        // Letters and digits: eight bytes at a time, then byte by byte
        // near the end of the text.
        while let Some(chunk) = b.get(end..end + 8) {
            let x = u64::from_le_bytes([
                chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
            ]);
            // Bytes after a non-ASCII one may read wrong; the run stops
            // before them.
            let ascii = !x & HIGH_BITS;
            let up = in_range(x, b'A', b'Z') & ascii;
            let low = in_range(x, b'a', b'z') & ascii;
            let alnum = up | low | (in_range(x, b'0', b'9') & ascii);
            if end == start {
                head = Some(Head { x, up, low });
            }
            let stop = !alnum & HIGH_BITS;
            // 8 when no byte stops the run.
            let n = stop.trailing_zeros() as usize / 8;
            let inside = below_first_stop(stop);
            let (up, low) = (up & inside, low & inside);
            // A capital after a small letter: after one read before, or
            // above the lowest small letter here.
            if up != 0 && (seen & LOWER != 0 || (low != 0 && up > (low & low.wrapping_neg()))) {
                capital_after_small = UPPER;
            }
            if low != 0 {
                seen |= LOWER;
            }
            end += n;
            if n < 8 {
                break;
            }
        }
        while let Some(&x) = b.get(end) {
            let c = CLASS[usize::from(x)];
            if c & ALNUM == 0 {
                break;
            }
            capital_after_small |= c & UPPER & ((seen & LOWER) >> 1);
            seen |= c;
            end += 1;
        }
        let Some(&x) = b.get(end) else { break };
        let c = CLASS[usize::from(x)];
        if c & WIDE != 0 {
            return None;
        }
        if c & JOINER == 0 {
            break;
        }
        let after = b.get(end + 1).map_or(0, |&a| CLASS[usize::from(a)]);
        if after & WIDE != 0 {
            return None;
        }
        // `Directors.3` is a word and a footnote mark.
        let footnote =
            x == b'.' && after & ALPHA == 0 && CLASS[usize::from(b[end - 1])] & ALPHA != 0;
        if after & ALNUM == 0 || footnote {
            break;
        }
        dot |= x == b'.';
        end += 1;
    }
    let mut seam = None;
    if capital_after_small != 0 {
        // The first capital right after a small letter, joiners aside.
        let mut lower = false;
        for (k, &x) in b.iter().enumerate().take(end).skip(start) {
            let c = CLASS[usize::from(x)];
            if c & ALNUM == 0 {
                continue;
            }
            if lower && c & UPPER != 0 {
                seam = Some(k);
                break;
            }
            lower = c & LOWER != 0;
        }
    }
    Some((end, seam, dot, head))
}

/// Reads the word starting at byte `start` (a letter or digit): its end,
/// the first seam inside it (a lower-case letter, then a capital) and
/// whether an inner `.` joined it.
fn scan_word(s: &str, start: usize) -> (usize, Option<usize>, bool) {
    let b = s.as_bytes();
    let mut end = start;
    let mut seam = None;
    let mut dot = false;
    // Whether the last letter or digit read was lower-case, alphabetic.
    let (mut lower, mut alpha) = (false, false);
    while let Some(&x) = b.get(end) {
        if x.is_ascii_alphanumeric() {
            if lower && seam.is_none() && x.is_ascii_uppercase() {
                seam = Some(end);
            }
            lower = x.is_ascii_lowercase();
            alpha = x.is_ascii_alphabetic();
            end += 1;
            continue;
        }
        if !x.is_ascii() {
            let Some(n) = s.get(end..).and_then(|r| r.chars().next()) else {
                break;
            };
            if !n.is_alphanumeric() {
                break;
            }
            if lower && seam.is_none() && n.is_uppercase() {
                seam = Some(end);
            }
            lower = n.is_lowercase();
            alpha = n.is_alphabetic();
            end += n.len_utf8();
            continue;
        }
        // Inner `-`, `'` and `.` stay in the word (`Counter-Terrorism`,
        // `U.S`) when a letter or digit follows; `Directors.3` is a word
        // and a footnote mark.
        if !matches!(x, b'-' | b'\'' | b'.') {
            break;
        }
        let joins = match b.get(end + 1) {
            Some(a) if a.is_ascii() => {
                a.is_ascii_alphanumeric() && !(x == b'.' && a.is_ascii_digit() && alpha)
            }
            Some(_) => s
                .get(end + 1..)
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_alphanumeric),
            None => false,
        };
        if !joins {
            break;
        }
        dot |= x == b'.';
        end += 1;
    }
    (end, seam, dot)
}

/// Whether the character at byte `i` of `s` is a capital letter.
fn upper_at(s: &str, i: usize) -> bool {
    match s.as_bytes().get(i) {
        Some(x) if x.is_ascii() => x.is_ascii_uppercase(),
        Some(_) => s
            .get(i..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase),
        None => false,
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

/// The indices of the capitalised tokens ([`CAP`]), in order (as
/// [`tokenize_with_caps`] gives them).
#[cfg(test)]
pub(super) fn capitalised(toks: &[Tok]) -> Vec<usize> {
    (0..toks.len()).filter(|&k| toks[k].is(CAP)).collect()
}

/// Whether the token is the one-byte mark `m` (`(`, `,`): no slicing of
/// the text.
pub(super) fn is_mark(s: &str, t: &Tok, m: u8) -> bool {
    t.len() == 1 && s.as_bytes().get(t.start()) == Some(&m)
}

/// The text of a token.
pub(super) fn text<'s>(s: &'s str, t: &Tok) -> &'s str {
    &s[t.r()]
}

/// Whether a word starts with a capital letter.
pub(super) fn is_cap(w: &str) -> bool {
    let b = w.as_bytes();
    match b.first() {
        Some(x) if x.is_ascii_uppercase() => true,
        // `5G`, `3M`: a digit led word with capitals.
        Some(x) if x.is_ascii_digit() => {
            if w.is_ascii() {
                b.iter().any(u8::is_ascii_uppercase)
            } else {
                w.chars().any(char::is_uppercase)
            }
        }
        // `d'Hydrologie`, `l'Eau`: an elided article before a capital.
        Some(b'd' | b'l') => b.get(1) == Some(&b'\'') && upper_at(w, 2),
        Some(x) if x.is_ascii() => false,
        Some(_) => w.chars().next().is_some_and(char::is_uppercase),
        None => false,
    }
}

/// Whether a word looks like an acronym: `UNOCT`, `T-ROC`, `UNESCO`.
pub(super) fn is_acronym(w: &str) -> bool {
    if w.len() > 12 || !is_cap(w) {
        return false;
    }
    let (mut upper, mut lower) = (0usize, 0usize);
    if w.is_ascii() {
        for x in w.bytes() {
            upper += usize::from(x.is_ascii_uppercase());
            lower += usize::from(x.is_ascii_lowercase());
        }
    } else {
        for c in w.chars() {
            upper += usize::from(c.is_uppercase());
            lower += usize::from(c.is_lowercase());
        }
    }
    upper >= 2 && lower <= upper
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn below_first_stop_masks_the_bytes_before_the_first_mark() {
        let cases: &[(u64, u64)] = &[
            (0, !0),
            (0x80, 0),
            (0x8000, 0xff),
            (0x0080_0000_0000_8000, 0xff),
            (0x8000_0000_0000_0000, 0x00ff_ffff_ffff_ffff),
            (HIGH_BITS, 0),
        ];
        for &(stop, want) in cases {
            assert_eq!(below_first_stop(stop), want, "{stop:#x}");
        }
    }

    // The tokenizer before its byte-level rewrite: the new one must give
    // the same tokens.
    /// Splits `s` into word and punctuation tokens, in one pass.
    fn tokenize_reference(s: &str) -> Vec<Tok> {
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
                        f: token_flags(s, start..m, true),
                        start: start as u32,
                        end: m as u32,
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
                    f: token_flags(s, start..end, true),
                    start: start as u32,
                    end: end as u32,
                    word: true,
                    brk,
                });
                brk = false;
                i = end;
                continue;
            }
            let n = c.len_utf8();
            toks.push(Tok {
                f: token_flags(s, i..i + n, false),
                start: i as u32,
                end: (i + n) as u32,
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

    /// Whether a word starts with a capital letter.
    fn is_cap_reference(w: &str) -> bool {
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
    fn is_acronym_reference(w: &str) -> bool {
        if w.len() > 12 || !is_cap_reference(w) {
            return false;
        }
        let (mut upper, mut lower) = (0usize, 0usize);
        for c in w.chars() {
            upper += usize::from(c.is_uppercase());
            lower += usize::from(c.is_lowercase());
        }
        upper >= 2 && lower <= upper
    }

    /// Invented text with every case the tokenizer treats apart.
    const PIECES: &[&str] = &[
        "Kite",
        "kite",
        "KITE",
        "Ann",
        " ",
        "  ",
        "\n",
        "\t",
        "\r",
        "\u{b}",
        "-",
        "'",
        ".",
        ",",
        "(",
        ")",
        "&",
        "3",
        "5G",
        "d'Eau",
        "l'Eau",
        "'s",
        "s' ",
        "U.S",
        "Inc",
        "Co",
        "St",
        "A",
        "\u{e9}",
        "\u{c9}",
        "\u{2019}",
        "\u{a0}",
        "\u{3000}",
        "\u{24b6}",
        "f\u{fc}r",
        "\u{df}",
        "Bell",
        "ACME",
        "Attorney's",
        "Kite's ",
        "'s ",
        "'s",
        "Inc.",
        "J.",
        "J. ",
        "Veterans' Affairs",
        "Kites.3",
        "x.3",
        "BellACME",
        "DetailsAcme",
        "\u{1f600}",
        "\u{2160}",
        "\u{1d400}",
        "Ma\u{ef}s",
        "\u{130}",
        // The fast path's two tables (up to seven bytes, eight to
        // sixteen), its case-sensitive entries and its limits.
        "Ministry",
        "MINISTRY",
        "Harbourmasters",
        "Kitewellharbourx",
        "Counterintelligence",
        "of",
        "Of",
        "OF",
        "De",
        "DE",
        "LA",
        "Y",
        "y",
        "plc",
        "PLC",
        "GmbH",
        "Ltd",
        "KITE2024",
        "2024",
        "3M",
    ];

    #[test]
    fn agrees_with_the_reference_tokenizer() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut cases: Vec<String> = PIECES.iter().map(|p| p.to_string()).collect();
        for _ in 0..20_000 {
            let n = 1 + next() % 24;
            cases.push(
                (0..n)
                    .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                    .collect(),
            );
        }
        for s in &cases {
            let (got, caps) = tokenize_with_caps(s);
            assert_eq!(caps, capitalised(&got), "{s:?}");
            let want = tokenize_reference(s);
            let got: Vec<_> = got.iter().map(|t| (t.r(), t.word, t.brk, t.f)).collect();
            let want: Vec<_> = want.iter().map(|t| (t.r(), t.word, t.brk, t.f)).collect();
            assert_eq!(got, want, "{s:?}");
            for t in tokenize(s) {
                let w = text(s, &t);
                assert_eq!(is_cap(w), is_cap_reference(w), "{w:?}");
                assert_eq!(is_acronym(w), is_acronym_reference(w), "{w:?}");
            }
        }
    }

    #[test]
    fn ascii_marks_are_never_capitalised() {
        // The tokenizer's mark path adds no index to `caps`.
        for (x, f) in mark_table().iter().enumerate() {
            if CLASS[x] & (ALNUM | SPACE) == 0 {
                assert_eq!(f & CAP, 0, "{x}");
            }
        }
    }

    #[test]
    fn marks() {
        // (text, mark, whether the first token is that mark)
        let cases: &[(&str, u8, bool)] = &[
            ("(Kite)", b'(', true),
            ("(Kite)", b')', false),
            (", Kite", b',', true),
            ("Kite", b'K', false),
            ("\u{e9}", b'(', false),
        ];
        for (text, m, want) in cases {
            let toks = tokenize(text);
            assert_eq!(is_mark(text, &toks[0], *m), *want, "{text:?}");
        }
    }

    #[test]
    fn plain_words() {
        // (text, end of the plain word at its start, if plain)
        let cases: &[(&str, Option<usize>)] = &[
            ("Kite Labs said", Some(4)),
            ("kite, and more", Some(4)),
            ("Harbourmasters said", Some(14)),
            ("KITE2024 went out", Some(8)),
            ("Counterintelligence is long", None),
            ("Kite", Some(4)),
            ("K", Some(1)),
            ("Harbourmasters", Some(14)),
            ("Counterintelligence", None),
            ("Kite.", Some(4)),
            ("Kite-", None),
            ("Kite said.", Some(4)),
            ("Kite. Labs said", Some(4)),
            ("Kite.\u{e9}t\u{e9} said", None),
            ("Kite.Labs said", None),
            ("Kite.3 Labs said", None),
            ("Acme Inc. said", Some(4)),
            ("Inc. is said", Some(4)),
            ("Inc.", Some(4)),
            ("Inc.com said", None),
            ("INC. is said", Some(3)),
            ("J. Bell said", Some(2)),
            ("J.R. Bell said", None),
            ("Kite's wings", Some(4)),
            ("Kite's", Some(4)),
            ("Kite's Wings", None),
            ("Kite's \u{c9}cole", None),
            ("Kite's, wings", Some(4)),
            ("Kite'st wings", None),
            ("Kite's-wings", None),
            ("Kite's\u{e9}", None),
            ("Kite't wings", None),
            ("Kites' Wings", None),
            ("Jo. Bell said", Some(2)),
            ("Kite-Labs said", None),
            ("Kite's labs said", Some(4)),
            ("Kite\u{e9}t\u{e9} said", None),
            ("BellACME Group", None),
            ("AmpliKite Group", None),
            ("ACMEkites said so", Some(9)),
            ("HarbourmastersAcme said", None),
        ];
        for (text, want) in cases {
            let got = plain_word(table(), text.as_bytes(), 0).map(|w| w.end);
            assert_eq!(got, *want, "{text:?}");
        }
    }

    #[test]
    fn words_and_marks() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Kite Labs, Inc. said",
                &["Kite", "Labs", ",", "Inc.", "said"],
            ),
            ("the U.S. Office", &["the", "U.S.", "Office"]),
            (
                "Board of Kites.3 met",
                &["Board", "of", "Kites", ".", "3", "met"],
            ),
            ("Veterans' Affairs", &["Veterans'", "Affairs"]),
            ("Jo's kite", &["Jo", "'", "s", "kite"]),
            ("Jo BellACME Group", &["Jo", "Bell", "ACME", "Group"]),
            ("AmpliKite", &["AmpliKite"]),
            ("Counter-Terrorism Office", &["Counter-Terrorism", "Office"]),
            ("l'Eau \u{e9}t\u{e9}", &["l'Eau", "\u{e9}t\u{e9}"]),
        ];
        for (input, want) in cases {
            let got: Vec<&str> = tokenize(input).iter().map(|t| text(input, t)).collect();
            assert_eq!(&got, want, "{input:?}");
        }
    }
}
