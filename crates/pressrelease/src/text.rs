//! Normalisation: the text every reader works on, with a map back to the
//! original input.
//!
//! Readers see one clean form of the text: `\n` line ends, plain spaces,
//! straight quotes, `-` for every dash, no Markdown emphasis, escapes, link
//! or image syntax, and common mojibake repaired. Each clean byte remembers
//! the original bytes it came from, so a range found in the clean text maps
//! back to a span of the input (the approach of tokenizers'
//! `NormalizedString`).

use std::ops::Range;

use crate::span::{Mention, Span};

/// The original input, its clean form, and the map between them.
pub(crate) struct Text<'a> {
    /// The input exactly as given.
    pub(crate) original: &'a str,
    /// The normalised text readers work on.
    pub(crate) clean: String,
    /// Where each clean byte came from, as runs of clean bytes in order:
    /// the map back to the input.
    runs: Vec<Run>,
    /// For each block of [`BLOCK_BYTES`] clean bytes, the index of the run
    /// holding its first byte: where the look-up of a byte's run starts.
    block_runs: Vec<u32>,
}

/// Clean bytes per entry of [`Text::block_runs`]. Runs start at distinct
/// bytes, so a look-up steps over fewer runs than this.
const BLOCK_BYTES: usize = 32;

/// A run of clean bytes from `clean` on, up to the next run's start.
#[derive(Debug, Clone, Copy)]
struct Run {
    /// Clean offset of the run's first byte.
    clean: u32,
    /// Original offset of its first byte (`copied`), or of what the whole
    /// run stands for.
    from: u32,
    /// End of the original range the whole run stands for; unused when
    /// `copied`.
    to: u32,
    /// Bytes copied one for one: clean byte `clean + k` is original byte
    /// `from + k`. Otherwise every byte of the run came from `from..to`.
    copied: bool,
}

/// Mojibake from UTF-8 read as Windows-1252, and what it stood for.
const MOJIBAKE: &[(&str, &str)] = &[
    ("\u{e2}\u{20ac}\u{2122}", "'"),
    ("\u{e2}\u{20ac}\u{2dc}", "'"),
    ("\u{e2}\u{20ac}\u{153}", "\""),
    ("\u{e2}\u{20ac}\u{9d}", "\""),
    ("\u{e2}\u{20ac}\u{201c}", "-"),
    ("\u{e2}\u{20ac}\u{201d}", "-"),
    ("\u{e2}\u{20ac}\u{a2}", "\u{2022}"),
    ("\u{e2}\u{20ac}\u{a6}", "..."),
    ("\u{c3}\u{a2}\u{c2}\u{80}\u{c2}\u{a2}", "\u{2022}"),
    ("\u{c3}\u{af}\u{c2}\u{82}\u{c2}\u{b7}", "\u{2022}"),
    ("\u{c3}\u{af}\u{c2}\u{82}\u{c2}\u{a7}", "\u{2022}"),
    ("\u{c3}\u{af}\u{c2}\u{82}\u{c2}\u{a8}", "\u{2022}"),
    ("\u{c3}\u{af}\u{c2}\u{82}\u{c2}\u{d8}", "\u{2022}"),
    ("\u{c3}\u{af}\u{c2}\u{81}\u{c2}\u{b6}", "\u{2022}"),
    ("\u{c3}\u{af}\u{c2}\u{81}\u{c2}\u{ad}", "\u{2022}"),
    ("\u{c3}\u{af}\u{c2}\u{82}", "\u{2022}"),
    ("\u{c3}\u{af}\u{c2}\u{81}", "\u{2022}"),
    ("\u{c2}\u{a0}", " "),
    ("\u{c3}\u{a9}", "\u{e9}"),
];

impl<'a> Text<'a> {
    /// Normalises `original`.
    pub(crate) fn new(original: &'a str) -> Text<'a> {
        let mut t = Text {
            original,
            clean: String::with_capacity(original.len()),
            // A run starts at each byte that is not plain ASCII text (a
            // curly quote, a dash, markup): sized for a few per line, so
            // most texts never grow it.
            runs: Vec::with_capacity(original.len() / 64 + 16),
            block_runs: Vec::new(),
        };
        t.normalise();
        t.block_runs = block_runs(&t.runs, t.clean.len());
        t
    }

    fn push(&mut self, s: &str, from: usize, to: usize) {
        if s.is_empty() {
            return;
        }
        self.runs.push(Run {
            clean: self.clean.len() as u32,
            from: from as u32,
            to: to as u32,
            copied: false,
        });
        self.clean.push_str(s);
    }

    fn push_char(&mut self, c: char, from: usize, to: usize) {
        let mut buf = [0u8; 4];
        self.push(c.encode_utf8(&mut buf), from, to);
    }

    /// Copies `original[from..to]`, plain ASCII kept as it is: each clean
    /// byte maps to the one original byte it copies.
    fn push_plain(&mut self, from: usize, to: usize) {
        // A copy that goes on where the last one stopped extends its run.
        let goes_on = self.runs.last().is_some_and(|r| {
            r.copied && r.from as usize + (self.clean.len() - r.clean as usize) == from
        });
        if !goes_on && from < to {
            self.runs.push(Run {
                clean: self.clean.len() as u32,
                from: from as u32,
                to: to as u32,
                copied: true,
            });
        }
        self.clean.push_str(&self.original[from..to]);
    }

    fn at_line_start(&self) -> bool {
        self.clean.is_empty() || self.clean.ends_with('\n')
    }

    /// Whether only spaces stand between the last line break and here.
    fn at_line_start_after_space(&self) -> bool {
        self.clean.trim_end_matches([' ', '\t']).ends_with('\n')
            || self.clean.trim_end_matches([' ', '\t']).is_empty()
    }

    fn normalise(&mut self) {
        let src = self.original;
        let bytes = src.as_bytes();
        let mut i = 0;
        // Where a Markdown link's `](url)` tail starts and ends, once its
        // opening `[` has been dropped.
        let mut link_tail: Option<(usize, usize)> = None;
        let mut links = LinkScan::new();
        while i < src.len() {
            // Plain ASCII text, the bulk of any release, is copied a run at
            // a time.
            let plain = plain_run(&bytes[i..]);
            if plain > 0 {
                self.push_plain(i, i + plain);
                i += plain;
                continue;
            }
            if let Some((at, end)) = link_tail {
                if i == at {
                    i = end;
                    link_tail = None;
                    continue;
                }
            }
            let rest = &src[i..];
            let c = rest.chars().next().unwrap_or(' ');
            let n = c.len_utf8();
            // Line-start markup: headings and block quotes.
            if self.at_line_start() && (c == '#' || c == '>') {
                let marks = rest.bytes().take_while(|&b| b == c as u8).count();
                let after = rest.as_bytes().get(marks).copied();
                if (c == '#' && marks <= 6 || c == '>')
                    && matches!(after, Some(b' ' | b'\t') | None)
                {
                    i += marks + usize::from(after.is_some());
                    continue;
                }
            }
            match c {
                '\r' => {
                    let to = if bytes.get(i + 1) == Some(&b'\n') {
                        i + 2
                    } else {
                        i + 1
                    };
                    self.push("\n", i, to);
                    i = to;
                    continue;
                }
                '\x0c' | '\x0b' | '\u{2028}' | '\u{2029}' | '\u{85}' => self.push("\n", i, i + n),
                '\\' => {
                    // A Markdown escape stands for the character itself.
                    match rest[1..].chars().next() {
                        Some(e) if e.is_ascii_punctuation() => {
                            self.push_char(e, i, i + 1 + e.len_utf8());
                            i += 1 + e.len_utf8();
                            continue;
                        }
                        _ => self.push(" ", i, i + 1),
                    }
                }
                '*' | '_' if rest[1..].starts_with(c) => {
                    // Bold markers; a run of four or more is a rule line.
                    let run = rest.bytes().take_while(|&b| b == c as u8).count();
                    if run >= 3 && self.at_line_start() {
                        self.push("\n", i, i + run);
                    }
                    i += run;
                    continue;
                }
                '*' => {
                    // A `*` with space after it is never emphasis: keep it
                    // as a bullet at a line start or after a space or `:`
                    // (bullets glued to their intro line).
                    let bullet = rest[1..].starts_with([' ', '\t'])
                        && (self.at_line_start_after_space() || self.clean.ends_with([' ', ':']));
                    if bullet {
                        self.push("*", i, i + 1);
                    }
                }
                '!' if rest.starts_with("![") => match links.link_at(bytes, i + 1) {
                    Some((_, end)) => {
                        i = end;
                        continue;
                    }
                    None => self.push("!", i, i + 1),
                },
                '[' => match links.link_at(bytes, i) {
                    Some((close, end)) if close > i + 1 => {
                        link_tail = Some((close, end));
                    }
                    _ => self.push("[", i, i + 1),
                },
                '\u{a0}'
                | '\t'
                | '\u{2000}'..='\u{200a}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}' => self.push(" ", i, i + n),
                '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2069}'
                | '\u{feff}'
                | '\u{ad}' => {}
                '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{b4}' => {
                    self.push("'", i, i + n)
                }
                '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => {
                    self.push("\"", i, i + n)
                }
                '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}' => {
                    self.push("-", i, i + n)
                }
                '\u{f000}'..='\u{f0ff}'
                | '\u{25aa}'
                | '\u{25cf}'
                | '\u{25e6}'
                | '\u{2043}'
                | '\u{2219}'
                | '\u{27a2}'
                | '\u{2713}'
                | '\u{2714}'
                | '\u{25ba}'
                | '\u{25a0}'
                | '\u{b7}'
                    if self.at_line_start() || self.clean.ends_with(' ') =>
                {
                    self.push("\u{2022}", i, i + n)
                }
                'â' | 'Ã' | 'Â' => {
                    if let Some((bad, good)) =
                        MOJIBAKE.iter().find(|(bad, _)| rest.starts_with(bad))
                    {
                        self.push(good, i, i + bad.len());
                        i += bad.len();
                        continue;
                    }
                    self.push_char(c, i, i + n);
                }
                c if c.is_control() && c != '\n' => self.push(" ", i, i + n),
                c => self.push_char(c, i, i + n),
            }
            i += n;
        }
    }

    /// The run holding clean byte `at` (< `clean.len()`): the last run
    /// starting at or before `at`, found from the run holding the first
    /// byte of its block.
    fn run_of(&self, at: usize) -> &Run {
        let mut k = self
            .block_runs
            .get(at / BLOCK_BYTES)
            .map_or(0, |&k| k as usize);
        while self.runs.get(k + 1).is_some_and(|r| r.clean as usize <= at) {
            k += 1;
        }
        &self.runs[k]
    }

    /// The original offset where clean byte `at` starts; the input's end
    /// for the end of the clean text.
    fn start_of(&self, at: usize) -> usize {
        if at >= self.clean.len() {
            return self.original.len() as u32 as usize;
        }
        let r = self.run_of(at);
        if r.copied {
            (r.from + (at as u32 - r.clean)) as usize
        } else {
            r.from as usize
        }
    }

    /// The original offset where clean byte `at` (< `clean.len()`) ends.
    fn end_of(&self, at: usize) -> usize {
        let r = self.run_of(at);
        if r.copied {
            (r.from + (at as u32 - r.clean) + 1) as usize
        } else {
            r.to as usize
        }
    }

    /// The original span of a clean byte range. Removed markup at either
    /// edge stays outside the span.
    pub(crate) fn span(&self, range: Range<usize>) -> Span {
        if range.start >= range.end {
            let at = self.start_of(range.start.min(self.clean.len()));
            return Span::new(at, at);
        }
        let start = self.start_of(range.start);
        let end = self.end_of(range.end - 1);
        Span::new(start, end.max(start))
    }

    /// A verbatim mention of the clean byte range.
    pub(crate) fn mention(&self, range: Range<usize>) -> Mention {
        let span = self.span(range);
        Mention::new(&self.original[span.start..span.end], span.start, span.end)
    }
}

/// For each block of [`BLOCK_BYTES`] bytes of a clean text `len` bytes
/// long, the index of the last run starting at or before the block's first
/// byte (0 when none does).
fn block_runs(runs: &[Run], len: usize) -> Vec<u32> {
    let mut out = Vec::with_capacity(len.div_ceil(BLOCK_BYTES));
    // Run `k` holds the first byte of each block not yet given a run that
    // starts before the next run does (runs start in order; the first at 0).
    for (k, next) in (0..runs.len()).zip(runs.iter().skip(1).map(|r| r.clean as usize).chain([len]))
    {
        let blocks = next.div_ceil(BLOCK_BYTES);
        if blocks > out.len() {
            out.resize(blocks, k as u32);
        }
    }
    out
}

/// A table saying, for every byte, whether it is one of `bytes`: a set
/// tested with one look-up in hot loops.
pub(crate) const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut k = 0;
    while k < bytes.len() {
        table[bytes[k] as usize] = true;
        k += 1;
    }
    table
}

/// [`is_plain`] for every byte, looked up rather than worked out: the
/// normaliser asks it of every byte of the input.
static PLAIN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = is_plain(b as u8);
        b += 1;
    }
    table
};

/// Whether an ASCII byte is copied as it is wherever it stands: not markup,
/// not a control character, not the `]` a pending link tail waits for, and
/// not the first byte of a multi-byte character.
const fn is_plain(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'"'..=b'~')
        && !matches!(b, b'#' | b'>' | b'\\' | b'*' | b'_' | b'!' | b'[' | b']')
}

/// [`is_plain`] as comparisons joined without branches, so that a block
/// of bytes is tested with vector instructions.
#[inline(always)]
fn plain_bits(c: u8) -> bool {
    let printable = c.wrapping_sub(b'"') <= b'~' - b'"';
    (printable | (c == b' ') | (c == b'\n'))
        & (c != b'#')
        & (c != b'>')
        & (c != b'\\')
        & (c != b'*')
        & (c != b'_')
        & (c != b'!')
        & (c != b'[')
        & (c != b']')
}

/// How many bytes at the start of `b` are [`PLAIN`]. Whole blocks of 16
/// are tested with arithmetic the compiler turns into vector compares (a
/// table look-up per byte cannot be); the bytes after the last whole
/// block are looked up.
fn plain_run(b: &[u8]) -> usize {
    const BLOCK: usize = 16;
    let mut at = 0;
    for block in b.chunks_exact(BLOCK) {
        // A flag byte per byte, read as one number: its lowest set byte is
        // the first that is not plain, found without a loop.
        let mut flags = [0u8; BLOCK];
        for (f, &c) in flags.iter_mut().zip(block) {
            *f = u8::from(!plain_bits(c));
        }
        let odd = u128::from_le_bytes(flags);
        if odd != 0 {
            return at + (odd.trailing_zeros() / 8) as usize;
        }
        at += BLOCK;
    }
    at + b[at..]
        .iter()
        .position(|&c| !PLAIN[usize::from(c)])
        .unwrap_or(b.len() - at)
}

/// Finds the next byte matching a predicate, for queries whose starting
/// points never move backwards: a remembered answer serves every later query
/// that starts at or before it, so a whole pass costs linear time however
/// many `[` the text holds.
struct NextByte {
    from: usize,
    found: usize,
    matches: fn(u8) -> bool,
}

impl NextByte {
    fn new(matches: fn(u8) -> bool) -> NextByte {
        NextByte {
            from: 0,
            found: 0,
            matches,
        }
    }

    /// The first index at or after `from` whose byte matches, or
    /// `bytes.len()`.
    fn find(&mut self, bytes: &[u8], from: usize) -> usize {
        if from < self.from || from > self.found {
            self.found = bytes[from.min(bytes.len())..]
                .iter()
                .position(|&b| (self.matches)(b))
                .map_or(bytes.len(), |k| from + k);
        }
        self.from = from;
        self.found
    }
}

/// Scanners for Markdown link syntax: the `]` closing its text, and the end
/// of its `(url)`.
struct LinkScan {
    close: NextByte,
    tail: NextByte,
}

impl LinkScan {
    fn new() -> LinkScan {
        LinkScan {
            close: NextByte::new(|b| b == b']' || b == b'\n'),
            tail: NextByte::new(|b| b == b')' || b == b'\n' || b == b' '),
        }
    }

    /// For a `[` at `open`, the offsets of its `]` and of the end of its
    /// `(url)`, when the two form a Markdown link.
    fn link_at(&mut self, bytes: &[u8], open: usize) -> Option<(usize, usize)> {
        let close = self.close.find(bytes, open + 1);
        if bytes.get(close) != Some(&b']') || bytes.get(close + 1) != Some(&b'(') {
            return None;
        }
        let end = self.tail.find(bytes, close + 2);
        (bytes.get(end) == Some(&b')')).then_some((close, end + 1))
    }
}

/// `s.split_whitespace().count()`, counted byte by byte (branch-free, so
/// it vectorises) when `s` is ASCII: a word starts at each byte that is
/// not whitespace after one that is (or at the start).
// The header asks only `at_most_words`; this stays as the tests' reference.
#[cfg(test)]
pub(crate) fn word_count(s: &str) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().count();
    }
    // The ASCII bytes `char::is_whitespace` accepts: tab to carriage
    // return, and space.
    let space = |b: u8| (b == b' ') | (b.wrapping_sub(9) < 5);
    let b = s.as_bytes();
    let first = usize::from(b.first().is_some_and(|&c| !space(c)));
    first
        + b.windows(2)
            .map(|w| usize::from(space(w[0]) & !space(w[1])))
            .sum::<usize>()
}

/// How many characters of `s` are upper case and how many lower case
/// (`char::is_uppercase`, `char::is_lowercase`): in one branch-free pass
/// over the bytes (this vectorises) when `s` is ASCII.
pub(crate) fn case_counts(s: &str) -> (usize, usize) {
    if s.is_ascii() {
        return s.bytes().fold((0, 0), |(upper, lower), b| {
            (
                upper + usize::from(b.is_ascii_uppercase()),
                lower + usize::from(b.is_ascii_lowercase()),
            )
        });
    }
    s.chars().fold((0, 0), |(upper, lower), c| {
        (
            upper + usize::from(c.is_uppercase()),
            lower + usize::from(c.is_lowercase()),
        )
    })
}

/// Whether `s` has at most `n` words (`word_count(s) <= n`), counted a
/// block of 32 bytes at a time so that a long line stops early.
pub(crate) fn at_most_words(s: &str, n: usize) -> bool {
    let b = s.as_bytes();
    let space = |b: u8| (b == b' ') | (b.wrapping_sub(9) < 5);
    let mut words = usize::from(b.first().is_some_and(|&c| !space(c)));
    let mut at = 0;
    while at + 1 < b.len() {
        let end = (b.len() - 1).min(at + 32);
        let block = &b[at..=end];
        if !block.is_ascii() {
            // Any other whitespace is not ASCII: counted char by char.
            return s.split_whitespace().nth(n).is_none();
        }
        // A word starts at each byte that is not a space after one that
        // is (a zip of two slices vectorises; `windows` does not).
        let starts = block[..block.len() - 1]
            .iter()
            .zip(&block[1..])
            .fold(0u32, |n, (&a, &b)| n + u32::from(space(a) & !space(b)));
        words += starts as usize;
        if words > n {
            return false;
        }
        at = end;
    }
    words <= n
}

/// Folds runs of whitespace into one space and trims the ends.
pub(crate) fn fold_space(s: &str) -> String {
    // Most texts (one line of a paragraph, a name) fold to themselves.
    if is_folded(s) {
        return s.to_string();
    }
    if !has_odd_space(s) {
        return fold_plain_space(s);
    }
    if s.is_ascii() {
        return fold_ascii_space(s);
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Where the run of ASCII lower-case letters that starts at byte `j` ends.
/// Eight bytes at a time: most words take one step. (The people and
/// contact tokenizers both pass over such runs.)
#[inline]
pub(crate) fn lowercase_end(bytes: &[u8], mut j: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(j..j + 8) {
        let mut buf = [0u8; 8];
        buf.copy_from_slice(chunk);
        let x = u64::from_le_bytes(buf);
        // Per byte, with its high bit set first so that no borrow crosses
        // bytes: the high bit of `from_a` is set when the low seven bits
        // are `a` or more, that of `past_z` when they are past `z`.
        let from_a = (x | HIGH) - ONES * u64::from(b'a');
        let past_z = (x | HIGH) - ONES * (u64::from(b'z') + 1);
        // High bits of the bytes that are no lower-case letter: below `a`,
        // past `z`, or not ASCII.
        let other = (!from_a | past_z | x) & HIGH;
        if other != 0 {
            return j + (other.trailing_zeros() / 8) as usize;
        }
        j += 8;
    }
    while j < bytes.len() && bytes[j].is_ascii_lowercase() {
        j += 1;
    }
    j
}

/// Whether [`fold_space`] gives `s` back as it is, tested in one
/// branch-free pass (this vectorises): single spaces between words, none
/// at either end, and no other whitespace. Control bytes and the bytes
/// that may start a non-ASCII space (0xC2, 0xE1..=0xE3) answer `false`:
/// such texts take the slow road.
pub(crate) fn is_folded(s: &str) -> bool {
    let b = s.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return true;
    };
    if first == b' ' || last == b' ' {
        return false;
    }
    // Each byte with the one after it: an odd byte, or a space after a
    // space. The last byte, not a space, is tested alone.
    // Control bytes (tab, line breaks) and the lead bytes of non-ASCII
    // spaces; any other byte, DEL included, is not whitespace.
    let odd = |c: u8| (c < b' ') | (c == 0xC2) | (c.wrapping_sub(0xE1) < 3);
    if odd(last) {
        return false;
    }
    // Blocks of 64 pairs: a text that fails stops within a block. A last
    // block shorter than that is moved back to end at the last pair
    // (testing some pairs twice), so that it too is tested whole by vector
    // compares, not byte by byte.
    let pairs = b.len() - 1;
    let mut at = 0;
    while at < pairs {
        if pairs - at < 64 && pairs >= 64 {
            at = pairs - 64;
        }
        let end = pairs.min(at + 64);
        let bad = b[at..end]
            .iter()
            .zip(&b[at + 1..end + 1])
            .fold(false, |bad, (&c, &next)| {
                bad | odd(c) | ((c == b' ') & (next == b' '))
            });
        if bad {
            return false;
        }
        at = end;
    }
    true
}

/// Whether `s` has whitespace other than space and line break: tab and
/// the other ASCII controls, or a non-ASCII space. Clean text rarely has
/// any.
fn has_odd_space(s: &str) -> bool {
    let b = s.as_bytes();
    // Most text is printable ASCII and line breaks: ruled out in one
    // branch-free pass (this vectorises) before any search.
    let plain = b.chunks(64).all(|block| {
        block.iter().fold(true, |ok, &c| {
            ok & ((c >= b' ') | (c == b'\n')) & (c < 0x80)
        })
    });
    if plain {
        return false;
    }
    if memchr::memchr3(b'\t', b'\r', 0x0b, b).is_some() || memchr::memchr(0x0c, b).is_some() {
        return true;
    }
    // Every non-ASCII space (U+0085, U+00A0, U+1680, U+2000..U+205F,
    // U+3000) starts with one of these lead bytes; look at each such
    // character.
    let mut from = 0;
    while let Some(k) = memchr::memchr3(0xc2, 0xe1, 0xe2, &b[from..]) {
        let at = from + k;
        if s[at..].starts_with(char::is_whitespace) {
            return true;
        }
        from = at + 1;
    }
    let mut from = 0;
    while let Some(k) = memchr::memchr(0xe3, &b[from..]) {
        let at = from + k;
        if s[at..].starts_with(char::is_whitespace) {
            return true;
        }
        from = at + 1;
    }
    false
}

/// A searcher for two spaces, built once (building one per search costs
/// more than searching a short text).
pub(crate) static DOUBLE_SPACE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"  "));

/// The range of `bytes` without the leading and trailing bytes that
/// `is_space` accepts.
fn trimmed(bytes: &[u8], is_space: impl Fn(u8) -> bool) -> Range<usize> {
    let first = bytes
        .iter()
        .position(|&b| !is_space(b))
        .unwrap_or(bytes.len());
    let last = bytes
        .iter()
        .rposition(|&b| !is_space(b))
        .map_or(first, |k| k + 1);
    first..last
}

/// [`fold_space`] for text whose only whitespace is space and line break:
/// the stretches between line breaks and runs of spaces, found with
/// `memchr`, are copied whole.
fn fold_plain_space(s: &str) -> String {
    let is_space = |b: u8| b == b' ' || b == b'\n';
    // Trimmed: every whitespace run has a word on each side.
    let t = &s[trimmed(s.as_bytes(), is_space)];
    let b = t.as_bytes();
    let mut out = String::with_capacity(b.len());
    let mut copied = 0;
    // The next line break and double space at or after `copied`, found
    // again only once passed, so the whole fold is linear.
    let mut line_break = memchr::memchr(b'\n', b);
    let mut double = DOUBLE_SPACE.find(b);
    loop {
        if line_break.is_some_and(|k| k < copied) {
            line_break = memchr::memchr(b'\n', &b[copied..]).map(|k| copied + k);
        }
        if double.is_some_and(|k| k < copied) {
            double = DOUBLE_SPACE.find(&b[copied..]).map(|k| copied + k);
        }
        let at = match (line_break, double) {
            (Some(n), Some(d)) => n.min(d),
            (Some(k), None) | (None, Some(k)) => k,
            (None, None) => break,
        };
        let mut start = at;
        while start > copied && is_space(b[start - 1]) {
            start -= 1;
        }
        let mut end = at;
        while end < b.len() && is_space(b[end]) {
            end += 1;
        }
        // Runs hold only ASCII bytes, so these are char boundaries.
        out.push_str(&t[copied..start]);
        out.push(' ');
        copied = end;
    }
    out.push_str(&t[copied..]);
    out
}

/// [`fold_space`] for ASCII text, whose whitespace is the bytes
/// `char::is_whitespace` accepts below 128. Text between odd whitespace
/// (a run, or a tab or line break) is copied a stretch at a time.
fn fold_ascii_space(s: &str) -> String {
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
    let bytes = &s.as_bytes()[trimmed(s.as_bytes(), is_space)];
    let mut out = Vec::with_capacity(bytes.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !is_space(b) {
            i += 1;
            continue;
        }
        // The text is trimmed, so a space here has a byte after it.
        if b == b' ' && !is_space(bytes[i + 1]) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while is_space(bytes[end]) {
            end += 1;
        }
        out.extend_from_slice(&bytes[copied..i]);
        out.push(b' ');
        copied = end;
        i = end;
    }
    out.extend_from_slice(&bytes[copied..]);
    // Whole ASCII stretches and single spaces make ASCII.
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimmed_ranges() {
        let space = |b: u8| b == b' ' || b == b'\n';
        let cases: &[(&str, std::ops::Range<usize>)] = &[
            ("  ab c \n", 2..6),
            ("abc", 0..3),
            ("   ", 3..3),
            ("", 0..0),
        ];
        for (input, want) in cases {
            assert_eq!(trimmed(input.as_bytes(), space), *want, "{input:?}");
        }
    }

    fn clean(s: &str) -> String {
        Text::new(s).clean
    }

    #[test]
    fn plain_bits_agree_with_the_table() {
        for b in 0..=255u8 {
            assert_eq!(plain_bits(b), PLAIN[usize::from(b)], "{b}");
        }
    }

    #[test]
    fn plain_runs_stop_at_the_first_markup_byte() {
        for (input, run) in [
            ("", 0),
            ("plain", 5),
            ("*x", 0),
            ("sixteen bytes ok*", 16),
            ("fifteen bytes o*", 15),
            ("a long plain line of text, more than sixteen bytes_", 50),
            ("thirty-two bytes of plain text!!", 30),
            ("caf\u{e9} au lait", 3),
            ("tab\there", 3),
        ] {
            assert_eq!(plain_run(input.as_bytes()), run, "{input:?}");
        }
    }

    #[test]
    fn normalises() {
        let cases: &[(&str, &str)] = &[
            ("a\r\nb\rc", "a\nb\nc"),
            ("## **PRESS RELEASE**", "PRESS RELEASE"),
            ("\\*\\*\\*\\*", "****"),
            ("it\u{2019}s \u{201c}ok\u{201d}", "it's \"ok\""),
            ("Under\u{2011}Secretary \u{2013} x", "Under-Secretary - x"),
            ("see [the site](https://x.org/a) now", "see the site now"),
            ("![](https://x.org/a.jpg)\nText", "\nText"),
            ("a\u{a0}b", "a b"),
            ("it\u{e2}\u{20ac}\u{2122}s", "it's"),
            ("* item", "* item"),
            ("  * item", "  * item"),
            ("Key points:* item", "Key points:* item"),
            ("\u{c3}\u{a2}\u{c2}\u{80}\u{c2}\u{a2} item", "\u{2022} item"),
            ("__bold__ and *em*", "bold and em"),
            ("> quoted", "quoted"),
            ("#hashtag", "#hashtag"),
        ];
        for (input, want) in cases {
            assert_eq!(&clean(input), want, "input {input:?}");
        }
    }

    /// Texts with every kind of whitespace, for the whitespace helpers.
    const SPACED: &[&str] = &[
        "",
        "  ",
        "one",
        " one  two\tthree\n",
        "a\x0bb\x0cc\rd\x1fe",
        "one two",
        "one  two ",
        "\tone \n two\x0b",
        "a b  c   d e",
        "line one\nline two \n  three\n",
        " \n \n ",
        "caf\u{e9}  cr\u{e8}me\nbr\u{fb}l\u{e9}e",
        "tab\tand\u{2003}em space\u{3000}wide",
        "\u{85}next line",
        "caf\u{e9} \u{a9} 2024 \u{2022}  item \u{4e2d}\u{6587}\n end",
        "a\u{a0}b\u{1680}c\u{2009}d\u{2028}e\u{3000}f",
        "caf\u{e9}\u{a0} au\u{2003}lait ",
        "a long line of plain text that goes on for more than sixty-four bytes\tthen a tab",
        "a long line of plain text that goes on for more than sixty-four bytes\u{a0}then",
        "caf\u{e9} au\u{2003}lait",
        "  lead and trail  ",
    ];

    #[test]
    fn byte_sets() {
        let set = byte_set(b"a,\n\xff");
        for b in 0..=255u8 {
            assert_eq!(set[b as usize], b"a,\n\xff".contains(&b), "{b}");
        }
    }

    #[test]
    fn counts_words() {
        for input in SPACED {
            assert_eq!(
                word_count(input),
                input.split_whitespace().count(),
                "{input:?}"
            );
        }
    }

    #[test]
    fn folded_texts_fold_to_themselves() {
        let more = [
            "Acme opened a mill.",
            "a",
            " a",
            "a ",
            "a  b",
            "a\nb",
            "caf\u{e9} cr\u{e8}me",
            "a\u{a0}b",
            "\u{2022} item",
            "a long line of plain text that goes on for more than sixty-four bytes, then  two spaces",
            "a long line of plain text that goes on for more than sixty-four bytes, then one space",
            "sixty-four bytes of text end with a space here, and then we go on ",
        ];
        for input in SPACED.iter().chain(&more) {
            let folded = input.split_whitespace().collect::<Vec<_>>().join(" ");
            if is_folded(input) {
                assert_eq!(&folded, input, "{input:?}");
            }
            // Plain single-spaced ASCII is recognised.
            let plain = input.bytes().all(|c| c == b' ' || c.is_ascii_graphic());
            if plain && folded == *input {
                assert!(is_folded(input), "{input:?}");
            }
        }
    }

    #[test]
    fn counts_cases() {
        for input in SPACED
            .iter()
            .chain(&["ACME Opens", "\u{c9}COLE Normale", "\u{df}x\u{1c5}"])
        {
            let upper = input.chars().filter(|c| c.is_uppercase()).count();
            let lower = input.chars().filter(|c| c.is_lowercase()).count();
            assert_eq!(case_counts(input), (upper, lower), "{input:?}");
        }
    }

    #[test]
    fn bounds_word_counts() {
        let long = "word ".repeat(40);
        let mixed = format!("{long}caf\u{e9} {long}");
        let more = [long.as_str(), mixed.as_str(), "a b", " a  b ", "x"];
        for input in SPACED.iter().chain(&more) {
            let count = input.split_whitespace().count();
            for n in [0, 1, 2, 3, 6, 12, 39, 40, 41, 80, 81] {
                assert_eq!(at_most_words(input, n), count <= n, "{input:?} {n}");
            }
        }
    }

    #[test]
    fn folds_space() {
        for input in SPACED {
            let want = input.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(fold_space(input), want, "input {input:?}");
        }
    }

    #[test]
    fn runs_map_each_byte() {
        // (input, clean range, original span)
        let cases: &[(&str, Range<usize>, (usize, usize))] = &[
            ("plain text", 2..6, (2, 6)),
            ("abc**def**ghi", 3..6, (5, 8)),
            ("abc**def**ghi", 0..9, (0, 13)),
            ("abc**def**ghi", 9..9, (13, 13)),
            ("abc**def**ghi", 3..3, (5, 5)),
            ("a\u{2013}b", 1..2, (1, 4)),
            ("a\u{2013}b", 2..3, (4, 5)),
            ("x\r\ny", 1..2, (1, 3)),
            ("\u{200b}\u{200b}ab", 0..2, (6, 8)),
        ];
        for (input, range, (start, end)) in cases {
            let t = Text::new(input);
            assert_eq!(
                t.span(range.clone()),
                crate::Span::new(*start, *end),
                "input {input:?} range {range:?}"
            );
        }
    }

    #[test]
    fn run_look_up_agrees_with_a_search() {
        let inputs = [
            "plain text only",
            "**Doha, 27\u{a0}March** \u{2013} The [UN](http://un.org) met.",
            &"\u{201c}q\u{201d} ".repeat(40),
            &format!("{}*x*{}", "a".repeat(70), "b".repeat(33)),
            &"**".repeat(100),
            "\u{200b}\u{200b}ab",
        ];
        for input in inputs {
            let t = Text::new(input);
            for at in 0..t.clean.len() {
                let k = t.runs.partition_point(|r| r.clean as usize <= at);
                let want = &t.runs[k.saturating_sub(1)];
                let got = t.run_of(at);
                assert_eq!(
                    (got.clean, got.from, got.to, got.copied),
                    (want.clean, want.from, want.to, want.copied),
                    "{input:?} at {at}"
                );
            }
        }
    }

    #[test]
    fn spans_map_back() {
        let input = "**Doha, 27\u{a0}March** \u{2013} The [UN](http://un.org) met.";
        let t = Text::new(input);
        let at = t.clean.find("Doha").unwrap();
        assert_eq!(t.mention(at..at + 4).text, "Doha");
        let at = t.clean.find("27 March").unwrap();
        assert_eq!(t.mention(at..at + 8).text, "27\u{a0}March");
        let at = t.clean.find("UN").unwrap();
        assert_eq!(t.mention(at..at + 2).text, "UN");
        let end = t.clean.len();
        assert_eq!(t.span(0..end), crate::Span::new(2, input.len()));
    }

    #[test]
    fn lower_runs() {
        // (text, start, end of the run)
        let cases: &[(&str, usize, usize)] = &[
            ("abcdefghijklmnopQ", 0, 16),
            ("abc def", 0, 3),
            ("Abc", 0, 0),
            ("Abc", 1, 3),
            ("a{b", 0, 1),
            ("a`b", 0, 1),
            ("z\u{e9}", 0, 1),
            ("", 0, 0),
            ("abcdefgh", 0, 8),
            ("abcdefghi", 3, 9),
        ];
        for (text, at, want) in cases {
            assert_eq!(
                lowercase_end(text.as_bytes(), *at),
                *want,
                "text {text:?} at {at}"
            );
        }
    }

    #[test]
    fn lowercase_runs_are_counted_as_byte_by_byte() {
        let cases: &[&[u8]] = &[
            b"",
            b"a",
            b"abc",
            b"abcdefgh",
            b"abcdefghi",
            b"abcdefghijklmnopq Z",
            b"Abc",
            b"abc{def",
            b"abc`def",
            b"abcdefg@hij",
            b"xyzxyzx\x7fyz",
            b"abcdefgh\x80\xff",
            b"\xe1\xfa\xfb",
            b"az AZ 09",
        ];
        for b in cases {
            for k in 0..=b.len() {
                let want = b[k..].iter().take_while(|c| c.is_ascii_lowercase()).count();
                assert_eq!(lowercase_end(b, k) - k, want, "{b:?} {k}");
            }
        }
        // Every byte value in each of the eight places.
        for v in 0..=255u8 {
            for at in 0..8 {
                let mut b = *b"abcdefghij";
                b[at] = v;
                let want = b.iter().take_while(|c| c.is_ascii_lowercase()).count();
                assert_eq!(lowercase_end(&b, 0), want, "{v} {at}");
            }
        }
    }
}
