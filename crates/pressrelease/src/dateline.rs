//! The dateline: `CITY, Region, Country, Date --` at the start of the body,
//! or failing that a date line in the header.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::header::Header;
use crate::record::Dateline;
use crate::segment::Doc;
use crate::text::{case_counts, fold_space};
use crate::wordhash::{WordMap, with_lower};

/// Non-blank lines after the headline searched for a dateline.
const BODY_LINES: usize = 8;
/// Bytes of a line searched for the dateline's date.
const DATE_WINDOW: usize = 160;

/// Lower-cased place name -> ISO code, from a `name\tcode` table.
fn load_places(table: &str) -> WordMap<String, &str> {
    let mut map = WordMap::default();
    for line in table.lines().filter(|l| !l.starts_with('#')) {
        if let Some((name, code)) = line.split_once('\t') {
            map.entry(name.trim().to_lowercase()).or_insert(code.trim());
        }
    }
    map
}

static COUNTRIES: LazyLock<WordMap<String, &'static str>> =
    LazyLock::new(|| load_places(include_str!("../data/countries.tsv")));
static REGIONS: LazyLock<WordMap<String, &'static str>> =
    LazyLock::new(|| load_places(include_str!("../data/regions.tsv")));

const MONTHS: &str = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";

/// A date, full or partial, with an optional weekday before it.
fn date_pattern() -> String {
    let wd = r"(?:(?:mon|tues|tue|wednes|wed|thurs|thu|fri|satur|sat|sun)(?:day)?\.?,?\s+)?";
    let ord = r"(?:st|nd|rd|th)?";
    format!(
        r"\b{wd}(?:(?P<d1>\d{{1,2}}){ord}\s+(?:of\s+)?(?P<m1>{MONTHS})\b\.?,?\s+(?P<y1>\d{{4}})\b|(?P<m2>{MONTHS})\b\.?\s+(?P<d2>\d{{1,2}}){ord}(?:,\s*|\s+)(?P<y2>\d{{4}})\b|(?P<d3>\d{{1,2}})[./](?P<m3>\d{{1,2}})[./](?P<y3>\d{{4}})\b|(?P<y4>\d{{4}})-(?P<m4>\d{{2}})-(?P<d4>\d{{2}})\b|(?P<m5>{MONTHS})\b\.?\s+(?P<d5>\d{{1,2}}){ord}\b|(?P<d6>\d{{1,2}}){ord}\s+(?P<m6>{MONTHS})\b)"
    )
}

/// A date anywhere.
static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){}", date_pattern())).expect("date pattern"));

/// A date at the very start. Where a date starts a text, [`DATE`] finds
/// that same date; this one gives up on other texts after a byte or two.
static DATE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("(?i)^(?:{})", date_pattern())).expect("date start pattern")
});

/// A time or a wire tag right after a dateline's date.
static AFTER_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\s*(?:@\s*)?\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z][a-z]+)?|\s*/[^/\n]{1,40}/|\s*\([^()\n]{1,40}\))*",
    )
    .expect("after-date pattern")
});

/// A time of day at the start of a text, possibly after a separator.
static TIME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[-|/@,\s]*\d{1,2}[:.]\d{2}\b").expect("time pattern"));

/// A prefix like `Date:` before a header date.
static DATE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:date|dated|issued|issued on|published|published on|release date|released|embargoed until|embargoed to|embargoed|embargo)\s*:?\s*")
        .expect("date prefix pattern")
});

/// `today (28 May 2020)` in the body.
static TODAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\btoday,?\s+\(?").expect("today pattern"));

/// A date found in text.
#[derive(Debug, Clone, PartialEq)]
struct FoundDate {
    /// Byte range of the date (weekday included) in the searched text.
    range: Range<usize>,
    /// The ISO date; `None` when the date is partial or invalid.
    iso: Option<String>,
}

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    let key = lower.get(..3)?;
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months.iter().position(|m| *m == key).map(|i| i as u32 + 1)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// The ISO form of a date, if it is a real calendar date.
fn iso(year: u32, month: u32, day: u32) -> Option<String> {
    let ok = (1800..=2200).contains(&year)
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month(year, month);
    ok.then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// The first date in `s`, full or partial.
fn find_date(s: &str) -> Option<FoundDate> {
    date_by(&DATE, s)
}

/// The date starting `s`, full or partial: what [`find_date`] finds when
/// its date starts at offset 0.
fn date_at_start(s: &str) -> Option<FoundDate> {
    // A date starts with a digit or with the first three letters of a
    // month or a weekday; other texts need no search. (A text starting
    // outside ASCII is searched: `\d` and case folding reach beyond it.)
    let first = *s.as_bytes().first()?;
    let may_start = !first.is_ascii()
        || first.is_ascii_digit()
        || (first.is_ascii_alphabetic() && head3_in(s, DATE_WORD_HEADS) != Some(false));
    if !may_start {
        return None;
    }
    date_by(&DATE_START, s)
}

/// The first three letters of every month and weekday [`date_pattern`]
/// names.
const DATE_WORD_HEADS: &[[u8; 3]] = &[
    *b"jan", *b"feb", *b"mar", *b"apr", *b"may", *b"jun", *b"jul", *b"aug", *b"sep", *b"oct",
    *b"nov", *b"dec", *b"mon", *b"tue", *b"wed", *b"thu", *b"fri", *b"sat", *b"sun",
];

/// The first three letters of every [`DATE_PREFIX`] word.
const DATE_PREFIX_HEADS: &[[u8; 3]] = &[*b"dat", *b"iss", *b"pub", *b"rel", *b"emb"];

/// Whether `t` starts with one of `heads` (lower case, ASCII), its case
/// aside: `None` when a byte of the first three is not ASCII (case
/// folding reaches ASCII letters from outside it); `Some(false)` for an
/// ASCII text shorter than three bytes.
fn head3_in(t: &str, heads: &[[u8; 3]]) -> Option<bool> {
    let b = t.as_bytes();
    let head = b.get(..3).unwrap_or(b);
    if !head.is_ascii() {
        return None;
    }
    Some(
        head.len() == 3
            && heads.contains(&[head[0], head[1], head[2]].map(|c| c.to_ascii_lowercase())),
    )
}

/// Where a [`DATE_PREFIX`] at the start of `t` ends, or 0. Its words
/// start with `dat`, `iss`, `pub`, `rel` or `emb`: other texts need no
/// search.
fn date_prefix_end(t: &str) -> usize {
    if head3_in(t, DATE_PREFIX_HEADS) == Some(false) {
        return 0;
    }
    DATE_PREFIX.find(t).map_or(0, |m| m.end())
}

/// Whether `s` holds a digit: ASCII, or any numeric character once `s`
/// is not ASCII. Every date has one, so text without one needs no search
/// (which on non-ASCII text is slow, the lazy DFA giving up on Unicode
/// word boundaries); and no part of such a text has one either.
pub(crate) fn has_number(s: &str) -> bool {
    // Tested 16 bytes at a time, branch-free (this vectorises).
    let mut high = 0u8;
    let mut blocks = s.as_bytes().chunks_exact(16);
    for block in &mut blocks {
        let (digit, h) = block.iter().fold((0u8, 0u8), |(d, h), &b| {
            (d | u8::from(b.is_ascii_digit()), h | (b & 0x80))
        });
        if digit != 0 {
            return true;
        }
        high |= h;
    }
    for &b in blocks.remainder() {
        if b.is_ascii_digit() {
            return true;
        }
        high |= b & 0x80;
    }
    high != 0 && s.chars().any(char::is_numeric)
}

/// Whether `s` holds four ASCII digits in a row. A full date (one with an
/// ISO form) has them: its year is `\d{4}`, and a year in other digits
/// does not parse.
pub(crate) fn has_year(s: &str) -> bool {
    // Blocks of 16 bytes with no digit, most of any text, are passed over
    // after a branch-free test (this vectorises); a run of digits cannot
    // go on through them.
    let mut run = 0;
    let mut blocks = s.as_bytes().chunks_exact(16);
    for block in &mut blocks {
        let any = block
            .iter()
            .fold(0u8, |any, &b| any | u8::from(b.is_ascii_digit()));
        if any == 0 {
            run = 0;
        } else if digit_run(block, &mut run) {
            return true;
        }
    }
    digit_run(blocks.remainder(), &mut run)
}

/// Goes on counting a run of ASCII digits (`run` long before `b`) over
/// `b`; whether it reaches four.
fn digit_run(b: &[u8], run: &mut usize) -> bool {
    for &c in b {
        if c.is_ascii_digit() {
            *run += 1;
            if *run == 4 {
                return true;
            }
        } else {
            *run = 0;
        }
    }
    false
}

fn date_by(re: &Regex, s: &str) -> Option<FoundDate> {
    if !has_number(s) {
        return None;
    }
    let mut buf = [0u8; STAND_IN_MAX];
    let found = match ascii_stand_in(s, &mut buf) {
        Some(ascii) => re.find(ascii)?,
        None => re.find(s)?,
    };
    let date = &s[found.range()];
    if !date.is_ascii() {
        return date_by_captures(re, s);
    }
    // The match alone says which branch of the pattern matched and where
    // its parts are, so no capturing search is needed.
    let mut numbers: Vec<&str> = Vec::with_capacity(3);
    let mut words: Vec<&str> = Vec::with_capacity(4);
    let mut month_first = false;
    for token in date
        .split(|c: char| !c.is_ascii_alphanumeric())
        .flat_map(split_digits)
    {
        if token.is_empty() {
            continue;
        }
        if token.as_bytes()[0].is_ascii_digit() {
            numbers.push(token);
        } else if !(numbers.is_empty() && words.is_empty() && is_weekday(token)) {
            month_first |= numbers.is_empty() && words.is_empty();
            words.push(token);
        }
    }
    let num = |k: usize| numbers.get(k).and_then(|n| n.parse::<u32>().ok());
    let (iso, partial_day) = match (month_first, numbers.len(), words.last()) {
        // `March 27, 2022`; `March 27`.
        (true, 2, _) => (
            month_number(words[0]).and_then(|m| iso(num(1)?, m, num(0)?)),
            None,
        ),
        (true, _, _) => (None, num(0)),
        // `27 March 2022`; `27 March`.
        (false, 2, Some(month)) => (
            month_number(month).and_then(|m| iso(num(1)?, m, num(0)?)),
            None,
        ),
        (false, 1, Some(_)) => (None, num(0)),
        // `2022-03-27`.
        (false, _, _) if numbers.first().is_some_and(|n| n.len() == 4) => {
            (iso(num(0)?, num(1)?, num(2)?), None)
        }
        // `27.03.2022`: day first, unless the month would be impossible.
        (false, _, _) => {
            let (d, m, y) = (num(0)?, num(1)?, num(2)?);
            (if m > 12 { iso(y, d, m) } else { iso(y, m, d) }, None)
        }
    };
    if iso.is_none() && partial_day.is_some_and(|d| !(1..=31).contains(&d)) {
        return None;
    }
    Some(FoundDate {
        range: found.range(),
        iso,
    })
}

/// Longest text [`ascii_stand_in`] copies.
const STAND_IN_MAX: usize = 256;

/// Matches one word character as the date patterns' Unicode `\b` sees it.
static WORD_CHAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\w$").expect("word pattern"));

/// For a text with characters outside ASCII, an ASCII text of the same
/// length where the date patterns match at the same places: each such
/// character becomes bytes the patterns never take, `_` for a word
/// character and `#` for any other, so every `\b` stays where it was.
/// The lazy DFA gives up at the first non-ASCII byte next to a Unicode
/// `\b`, and the fallback search costs twenty times more. `None` for
/// ASCII text (searched as it is), for a long one, and where a character
/// outside ASCII could be part of a date: a digit (`\d`), a space (`\s`),
/// or a letter that case-folds to an ASCII one (`ſ`, the Kelvin sign).
fn ascii_stand_in<'b>(s: &str, buf: &'b mut [u8; STAND_IN_MAX]) -> Option<&'b str> {
    if s.is_ascii() || s.len() > STAND_IN_MAX {
        return None;
    }
    let out = &mut buf[..s.len()];
    out.copy_from_slice(s.as_bytes());
    for (k, c) in s.char_indices().filter(|(_, c)| !c.is_ascii()) {
        if c.is_numeric() || c.is_whitespace() || matches!(c, '\u{17f}' | '\u{212a}') {
            return None;
        }
        let mut tmp = [0u8; 4];
        let fill = if WORD_CHAR.is_match(c.encode_utf8(&mut tmp)) {
            b'_'
        } else {
            b'#'
        };
        out[k..k + c.len_utf8()].fill(fill);
    }
    std::str::from_utf8(out).ok()
}

/// Splits `3rd` into `3` and `rd`.
fn split_digits(token: &str) -> [&str; 2] {
    let k = token.bytes().take_while(u8::is_ascii_digit).count();
    [&token[..k], &token[k..]]
}

/// Whether an ASCII word is a weekday as [`date_pattern`] spells them.
fn is_weekday(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    let stem = lower.strip_suffix("day").unwrap_or(&lower);
    matches!(
        stem,
        "mon"
            | "tues"
            | "tue"
            | "wednes"
            | "wed"
            | "thurs"
            | "thu"
            | "fri"
            | "satur"
            | "sat"
            | "sun"
    )
}

/// [`date_by`] read from the pattern's capture groups, for dates with
/// non-ASCII characters.
fn date_by_captures(re: &Regex, s: &str) -> Option<FoundDate> {
    let caps = re.captures(s)?;
    let range = caps.get(0)?.range();
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let month = |name: &str| caps.name(name).and_then(|m| month_number(m.as_str()));
    let iso = if let Some(y) = num("y1") {
        month("m1").and_then(|m| iso(y, m, num("d1")?))
    } else if let Some(y) = num("y2") {
        month("m2").and_then(|m| iso(y, m, num("d2")?))
    } else if let Some(y) = num("y3") {
        // Day first, unless the month would be impossible (`03/27/2022`).
        let (d, m) = (num("d3")?, num("m3")?);
        if m > 12 { iso(y, d, m) } else { iso(y, m, d) }
    } else if let Some(y) = num("y4") {
        iso(y, num("m4")?, num("d4")?)
    } else {
        None
    };
    // A partial date must still name a possible day.
    let partial_ok = ["d5", "d6"]
        .iter()
        .filter_map(|d| num(d))
        .all(|d| (1..=31).contains(&d));
    if iso.is_none() && !partial_ok {
        return None;
    }
    Some(FoundDate { range, iso })
}

/// A date that is the whole of `s` (after a `Date:` prefix), or that starts
/// it when `allow_rest` is set.
fn leading_date(s: &str, allow_rest: bool) -> Option<FoundDate> {
    // Only a full date is taken, found in a part of `s`.
    if !has_year(s) {
        return None;
    }
    leading_date_with_year(s, allow_rest)
}

/// [`leading_date`] for a text known to have a year.
fn leading_date_with_year(s: &str, allow_rest: bool) -> Option<FoundDate> {
    let t = s.trim();
    let skip = date_prefix_end(t);
    let head = &t[skip..floor_char(t, t.len().min(skip + DATE_WINDOW))];
    let found = date_at_start(head)?;
    let rest = t[skip + found.range.end..].trim_matches(|c: char| c.is_whitespace() || c == ',');
    // A time after the date keeps it a date line (`May 3, 2024 08:00 AM ET`).
    let timed = TIME.is_match(rest);
    let rest_ok = rest.is_empty() || timed || allow_rest && !rest.starts_with(char::is_lowercase);
    (found.range.start == 0 && found.iso.is_some() && rest_ok).then_some(found)
}

/// Whether `s` is a line holding only a dateline with a place and a full
/// date (`NEW YORK, 5 May 2021`). (The header asks
/// [`is_date_or_dateline_line`]; this stays as the tests' reference.)
#[cfg(test)]
pub(crate) fn is_dateline_line(s: &str) -> bool {
    // A full date has a year; most lines have none and need no parsing.
    has_year(s) && is_dateline_line_with_year(s)
}

/// [`is_dateline_line`] for a text known to have a year.
fn is_dateline_line_with_year(s: &str) -> bool {
    parse_line(s).is_some_and(|p| {
        p.place.is_some()
            && p.date.is_some_and(|d| d.iso.is_some())
            && s[p.text.end.min(s.len())..]
                .trim_matches([' ', '-'])
                .is_empty()
    })
}

/// Whether `s` is a line holding only a date (for the header reader).
pub(crate) fn is_date_line(s: &str) -> bool {
    leading_date(s, false).is_some()
}

/// `is_date_line(s) || is_dateline_line(s)`, looking for a year once.
pub(crate) fn is_date_or_dateline_line(s: &str) -> bool {
    has_year(s) && (leading_date_with_year(s, false).is_some() || is_dateline_line_with_year(s))
}

const CONNECTORS: &[&str] = &[
    "of", "de", "da", "del", "di", "do", "dos", "la", "le", "el", "and", "upon", "on", "am", "im",
    "en", "sur", "the", "y", "&",
];

/// Whether `s` reads as a place: `City`, `City, Region`, `CITY, Country`.
fn is_place(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.len() > 70 || s.contains(|c: char| c.is_ascii_digit()) {
        return false;
    }
    // No lists built: the parts and words are walked as they come.
    let mut parts = s.split(',').map(str::trim);
    if parts.clone().count() > 4 || parts.clone().any(str::is_empty) {
        return false;
    }
    parts.all(|p| {
        let mut words = p.split_whitespace();
        words.clone().count() <= 5
            && words.next().is_some_and(|first| {
                first.starts_with(char::is_uppercase)
                    && first.chars().filter(|c| c.is_alphabetic()).count() >= 2
            })
            && words.all(|w| {
                w.starts_with(char::is_uppercase) || with_lower(w, |l| CONNECTORS.contains(&l))
            })
    })
}

/// Where a place segment before the date ends: at a wire tag, a slash or a
/// dash separator.
fn place_segment(prefix: &str) -> &str {
    // The first of ` - `, ` -`, `- `, ` / `, `/`, `(` or ` | `, in one
    // pass (` - ` starts where ` -` does). Each starts with an ASCII byte,
    // so `end` is a char boundary.
    let b = prefix.as_bytes();
    let end = (0..b.len())
        .find(|&i| {
            let r = &b[i..];
            r.starts_with(b" -")
                || r.starts_with(b"- ")
                || r.starts_with(b" / ")
                || r.starts_with(b"/")
                || r.starts_with(b"(")
                || r.starts_with(b" | ")
        })
        .unwrap_or(b.len());
    prefix[..end].trim().trim_end_matches(',').trim()
}

/// Whether a word group is written in capitals (`SANTA ANA`, `McALLEN`).
fn is_capitals(s: &str) -> bool {
    let (upper, lower) = case_counts(s);
    upper >= 2 && lower * 4 <= upper
}

/// Title case for a place written in capitals: `NEW YORK` -> `New York`.
fn title_case(s: &str) -> String {
    if s.chars().any(char::is_lowercase) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic() && c != '\'';
    }
    out
}

/// A dateline read from one line.
#[derive(Debug, Default, PartialEq)]
struct Parsed {
    /// Byte range of the dateline text in the line.
    text: Range<usize>,
    /// The place as written (`CITY, Region`), if any.
    place: Option<Range<usize>>,
    /// The date, if any.
    date: Option<FoundDate>,
}

/// Reads a dateline at the start of `line`.
fn parse_line(line: &str) -> Option<Parsed> {
    let lead = line.len() - line.trim_start().len();
    let mut pos = lead;
    let mut paren_place: Option<Range<usize>> = None;
    // A leading `(Wire)` or `(City, State)`.
    if line[pos..].starts_with('(') {
        let close = head(&line[pos..], 61).find(')')?;
        let inner = pos + 1..pos + close;
        // `(Wire) - May 3, 2024 - CITY`: a date straight after means a wire.
        let after = line[pos + close + 1..].trim_start_matches([' ', '-', ',']);
        let date_next = date_at_start(head(after, DATE_WINDOW)).is_some();
        if !date_next && is_place(&line[inner.clone()]) {
            paren_place = Some(inner);
        }
        pos += close + 1;
    }
    let window_end = floor_char(line, (pos + DATE_WINDOW).min(line.len()));
    let window = &line[pos..window_end];
    if let Some(place) = paren_place {
        // `(City, State) - text`: the date, if any, is the body's.
        let rest = &line[pos..];
        let date = find_date(head(rest, DATE_WINDOW)).filter(|d| d.range.start < 3);
        let end = date.as_ref().map_or(pos, |d| pos + d.range.end);
        let date = date.map(|d| FoundDate {
            range: pos + d.range.start..pos + d.range.end,
            iso: d.iso,
        });
        return Some(Parsed {
            text: lead..end,
            place: Some(place),
            date,
        });
    }
    if let Some(found) = find_date(window) {
        if let Some(parsed) = with_date(line, lead, pos, found) {
            return Some(parsed);
        }
    }
    // A place in capitals and a dash: `SANTA ANA - text`.
    let rest = &line[pos..];
    let head = &rest[..floor_char(rest, rest.len().min(80))];
    // The first of ` -`, `- ` or `--`, in one pass.
    let hb = head.as_bytes();
    let dash = (0..hb.len())
        .find(|&i| {
            let r = &hb[i..];
            r.starts_with(b" -") || r.starts_with(b"- ") || r.starts_with(b"--")
        })
        .filter(|&d| d > 0 && d <= 60)?;
    let seg = place_segment(&rest[..dash]);
    if crate::header::is_label(seg) {
        return None;
    }
    let mut parts = seg.split(',');
    let caps = parts.next().is_some_and(is_capitals);
    // `Geneva, Switzerland - text`: a known region or country vouches for a
    // city not in capitals.
    let known = parts.any(|p| {
        with_lower(p.trim(), |key| {
            COUNTRIES.contains_key(key) || REGIONS.contains_key(key)
        })
    });
    let start = pos + (rest.len() - rest.trim_start().len());
    let text_end = pos + rest[..dash].trim_end().len();
    ((caps || known) && is_place(seg)).then(|| Parsed {
        text: start..text_end,
        place: Some(start..start + seg.len()),
        date: None,
    })
}

/// Reads a dateline whose date was found at `found` (relative to `pos`).
fn with_date(line: &str, lead: usize, pos: usize, found: FoundDate) -> Option<Parsed> {
    let date_range = pos + found.range.start..pos + found.range.end;
    let prefix = &line[pos..date_range.start];
    let mut end = date_range.end
        + AFTER_DATE
            .find(&line[date_range.end..])
            .map_or(0, |m| m.end());
    let bare =
        prefix.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | ',' | '/' | '|'));
    let place = if bare.is_empty() {
        // Date first: `May 3, 2024 - City, ST - text`.
        let after = &line[end..];
        let sep = after.len() - after.trim_start_matches([' ', '-', ',', '/']).len();
        let rest = &after[sep..];
        let window = &rest[..floor_char(rest, rest.len().min(DATE_WINDOW))];
        let stop = window.find(" - ").or_else(|| window.find(" / "));
        match stop {
            Some(stop) if is_place(&rest[..stop]) => {
                let start = end + sep;
                end = start + stop;
                Some(start..start + stop)
            }
            _ => None,
        }
    } else {
        let seg = place_segment(prefix);
        // The date must follow the place or a separator, not a word of the
        // first sentence (`GENEVA - On 5 May 2021, ...`).
        let before = prefix.trim_end();
        let separated = before.len() == seg.len() + (prefix.len() - prefix.trim_start().len())
            || before.ends_with(['-', ',', '/', '(', ')', '|']);
        if !is_place(seg) || prefix.len() > 120 || !separated {
            return None;
        }
        let start = pos + (prefix.len() - prefix.trim_start().len());
        Some(start..start + seg.len())
    };
    if place.is_none() && !bare.is_empty() {
        return None;
    }
    Some(Parsed {
        text: lead..end,
        place,
        date: Some(FoundDate {
            range: date_range,
            iso: found.iso,
        }),
    })
}

/// The first `n` bytes of `s`, or fewer to end on a character boundary.
fn head(s: &str, n: usize) -> &str {
    &s[..floor_char(s, s.len().min(n))]
}

fn floor_char(s: &str, mut at: usize) -> usize {
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Splits a place into city, region, country and country code.
fn split_place(
    place: &str,
) -> (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
) {
    let mut parts = place.split(',').map(str::trim).filter(|p| !p.is_empty());
    // `SAN JOSE & NEW YORK`: the first place is the city.
    let city = parts
        .next()
        .map(|c| {
            c.split(" & ")
                .next()
                .unwrap_or(c)
                .split(" and ")
                .next()
                .unwrap_or(c)
        })
        .map(str::trim)
        .map(title_case);
    let (mut region, mut country, mut code) = (None, None, None);
    for part in parts {
        let (in_countries, in_regions) = with_lower(part, |key| {
            (COUNTRIES.get(key).copied(), REGIONS.get(key).copied())
        });
        if country.is_none() {
            if let Some(c) = in_countries {
                country = Some(part.to_string());
                code = Some(c.to_string());
                continue;
            }
        }
        if region.is_none() && country.is_none() {
            if let Some(c) = in_regions {
                region = Some(part.to_string());
                code = Some(c.to_string());
            }
        }
    }
    // A city that is a country or territory of its own (`SINGAPORE`).
    if code.is_none() {
        code = city
            .as_ref()
            .and_then(|c| with_lower(c, |key| COUNTRIES.get(key).copied()))
            .map(|c| c.to_string());
    }
    (city, region, country, code)
}

/// A header date in `line`: the whole line (`Date: 3 May 2021`), or after a
/// label (`FOR RELEASE: 3 May 2021`), or one `|` part of it. Returns the
/// date's range in the line.
fn header_date_in(line: &str, allow_rest: bool) -> Option<(Range<usize>, Option<String>)> {
    // Every part is a part of `line`, and a date is only taken with its
    // year.
    if !has_year(line) {
        return None;
    }
    let date_at = |start: usize| {
        let part = &line[start..];
        let part = part.find('|').map_or(part, |end| &part[..end]);
        // The whole line is known to have a year.
        let d = if part.len() == line.len() {
            leading_date_with_year(part, allow_rest)
        } else {
            leading_date(part, allow_rest)
        }?;
        let lead = part.len() - part.trim_start().len();
        let skip = date_prefix_end(part.trim_start());
        let at = start + lead + skip;
        Some((at + d.range.start..at + d.range.end, d.iso))
    };
    // The parts in order: the whole line, after a label prefix, after a
    // label, after each `|`. Each is tried before the next is looked for
    // (most lines with a date have it at the start).
    date_at(0)
        .or_else(|| crate::header::label_prefix(line).and_then(|(_, start)| date_at(start)))
        .or_else(|| {
            crate::header::label_part(line).and_then(|label| {
                // `label` is a slice of the trimmed line.
                let lead = line.len() - line.trim_start().len();
                let after = lead + label.len();
                let rest = &line[after..];
                date_at(
                    after + (rest.len() - rest.trim_start_matches([' ', '-', ',', ':', '|']).len()),
                )
            })
        })
        .or_else(|| {
            line.match_indices('|')
                .take(8)
                .find_map(|(i, _)| date_at(i + 1))
        })
}

/// Finds the dateline, if any.
pub(crate) fn find(doc: &Doc, header: &Header) -> Option<Dateline> {
    let first_body = header.headline_line.map_or(0, |l| l + 1);
    let lines: Vec<usize> = doc.non_blank_lines(first_body).take(BODY_LINES).collect();
    let above: Vec<usize> = doc
        .non_blank_lines(0)
        .take_while(|&i| i < first_body)
        .take(40)
        .collect();
    // A date line in the header, looked for when first needed (a dateline
    // with its own date needs none).
    let mut header_date = HeaderDate {
        doc,
        above: &above,
        body: &lines,
        found: None,
    };
    // The body's lines first; then a full dateline above the headline
    // (`GENEVA, 5 May 2021`), which counts when the body has none (those
    // lines are only read then).
    if let Some(found) = dateline_in(doc, &lines, &mut header_date) {
        return Some(found);
    }
    let above_datelines: Vec<usize> = above
        .iter()
        .copied()
        .filter(|&i| {
            has_year(doc.line(i))
                && parse_line(doc.line(i)).is_some_and(|p| {
                    p.place.is_some() && p.date.as_ref().is_some_and(|d| d.iso.is_some())
                })
        })
        .collect();
    if let Some(found) = dateline_in(doc, &above_datelines, &mut header_date) {
        return Some(found);
    }
    if let Some((range, iso)) = header_date.get().take() {
        return Some(date_only(doc, range, iso));
    }
    // `out today (28 May 2020)` in the first paragraphs.
    for &i in lines.iter().take(3) {
        let line = doc.line(i);
        let window = &line[..floor_char(line, line.len().min(2000))];
        if let Some(m) = TODAY.find(window) {
            let found =
                date_at_start(head(&line[m.end()..], DATE_WINDOW)).filter(|d| d.iso.is_some());
            if let Some(d) = found {
                let start = doc.lines[i].start + m.end();
                return Some(date_only(doc, start..start + d.range.end, d.iso));
            }
        }
    }
    None
}

/// A date in the header (clean range and ISO date): on a date line before
/// the headline, or on one of the first lines after it.
type DateAt = (Range<usize>, Option<String>);

/// The header date of a release, looked for on first use: the same answer
/// whenever it is asked.
struct HeaderDate<'d, 'a> {
    doc: &'d Doc<'a>,
    /// The non-blank lines above the headline.
    above: &'d [usize],
    /// The first non-blank lines after it.
    body: &'d [usize],
    /// The header date, once looked for.
    found: Option<Option<DateAt>>,
}

impl HeaderDate<'_, '_> {
    fn get(&mut self) -> &mut Option<DateAt> {
        let (doc, above, body) = (self.doc, self.above, self.body);
        self.found.get_or_insert_with(|| {
            let at_line = |i: usize, (r, iso): DateAt| {
                let base = doc.lines[i].start;
                (base + r.start..base + r.end, iso)
            };
            above
                .iter()
                .find_map(|&i| header_date_in(doc.line(i), true).map(|d| at_line(i, d)))
                .or_else(|| {
                    body.iter()
                        .take(6)
                        .find_map(|&i| header_date_in(doc.line(i), false).map(|d| at_line(i, d)))
                })
        })
    }
}

/// The dateline among the candidate lines `candidates` (in order), if
/// any; a date with no place met on the way becomes the header date when
/// there is none yet. (A line's follower in the list is looked at for a
/// dash only when it is the next line of the text.)
fn dateline_in(doc: &Doc, candidates: &[usize], header_date: &mut HeaderDate) -> Option<Dateline> {
    for (k, &i) in candidates.iter().enumerate() {
        let line = doc.line(i);
        if is_date_line(line) {
            continue;
        }
        let mut parsed = parse_line(line);
        // `CITY` on a line of its own, the text going on after a dash.
        if parsed.is_none() {
            let next_dash = candidates
                .get(k + 1)
                .is_some_and(|&n| n == i + 1 && doc.line(n).trim_start().starts_with('-'));
            if next_dash {
                parsed = parse_line(&format!("{line} -")).filter(|p| p.date.is_none());
            }
        }
        let Some(parsed) = parsed else { continue };
        let base = doc.lines[i].start;
        let Some(place) = parsed.place.clone() else {
            // A date with no place (`May 3, 2024 08:00 ET | Source: Acme`):
            // a header date; the dateline may follow.
            if let Some(d) = parsed.date.filter(|d| d.iso.is_some()) {
                header_date
                    .get()
                    .get_or_insert((base + d.range.start..base + d.range.end, d.iso));
            }
            continue;
        };
        let (city, region, country, country_code) = split_place(&line[place]);
        let mut date = parsed.date.as_ref().and_then(|d| d.iso.clone());
        if date.is_none() {
            date = header_date.get().as_ref().and_then(|(_, iso)| iso.clone());
        }
        let range = base + parsed.text.start..base + parsed.text.end.min(line.len());
        let range = crate::segment::trim_range(doc.clean(), range);
        return Some(Dateline {
            text: fold_space(doc.slice(range.clone()))
                .trim_end_matches([' ', '-'])
                .to_string(),
            city,
            region,
            country,
            country_code,
            date,
            span: doc.text.span(range),
        });
    }
    None
}

fn date_only(doc: &Doc, range: Range<usize>, iso: Option<String>) -> Dateline {
    Dateline {
        text: fold_space(doc.slice(range.clone())),
        city: None,
        region: None,
        country: None,
        country_code: None,
        date: iso,
        span: doc.text.span(range),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_date_fills_a_dateline_without_one() {
        // (input, dateline text, date)
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "PRESS RELEASE\n\nDate: 3 May 2021\n\nCouncil Opens a Park\n\nGENEVA - The council met.",
                "GENEVA",
                Some("2021-05-03"),
            ),
            (
                "PRESS RELEASE\n\nDate: 3 May 2021\n\nCouncil Opens a Park\n\nGENEVA, 5 May 2021 - The council met.",
                "GENEVA, 5 May 2021",
                Some("2021-05-05"),
            ),
            (
                "PRESS RELEASE\n\nDate: 3 May 2021\n\nCouncil Opens a Park\n\nThe council met.",
                "3 May 2021",
                Some("2021-05-03"),
            ),
        ];
        for (input, text, date) in cases {
            let doc = Doc::new(input);
            let header = crate::header::read(&doc);
            let d = find(&doc, &header).expect(input);
            assert_eq!(
                (d.text.as_str(), d.date.as_deref()),
                (*text, *date),
                "{input:?}"
            );
        }
    }

    #[test]
    fn header_dates() {
        // Each part is tried in turn: the line, after a label, after a `|`.
        let cases: &[(&str, Option<&str>)] = &[
            ("3 May 2021", Some("3 May 2021")),
            ("FOR RELEASE: 3 May 2021", Some("3 May 2021")),
            ("Press Release | 3 May 2021", Some("3 May 2021")),
            (
                "Harbour Office | Quay Street | 3 May 2021",
                Some("3 May 2021"),
            ),
            ("Harbour Office | Quay Street", None),
            ("The harbour opened in 2021", None),
        ];
        for &(line, want) in cases {
            let got = header_date_in(line, false).map(|(r, _)| &line[r]);
            assert_eq!(got, want, "{line:?}");
        }
    }

    #[test]
    fn word_heads_rule_out_only_what_the_patterns_miss() {
        let texts = [
            "May 5, 2021",
            "mAY 5 2021",
            "Tuesday, 5 May 2021",
            "Sept. 5, 2021",
            "The 5 May 2021",
            "Ma",
            "M",
            "",
            "5 May 2021",
            "Date: 5 May 2021",
            "DATED 5 May 2021",
            "Released: 5 May 2021",
            "Embargoed until 5 May 2021",
            "Press release 5 May 2021",
            "\u{17f}ept 5, 2021",
            "\u{17f}un 5 May 2021",
            "i\u{17f}\u{17f}ued: 5 May 2021",
        ];
        for t in texts {
            // The same answer as searching every text.
            assert_eq!(date_at_start(t), date_by(&DATE_START, t), "{t:?}");
            assert_eq!(
                date_prefix_end(t),
                DATE_PREFIX.find(t).map_or(0, |m| m.end()),
                "{t:?}"
            );
        }
    }

    #[test]
    fn date_or_dateline_lines() {
        for line in [
            "5 May 2021",
            "NEW YORK, 5 May 2021",
            "NEW YORK, 5 May 2021 - The council met.",
            "Date: 5 May 2021",
            "The council met in 2021.",
            "Geneva",
            "",
        ] {
            let want = is_date_line(line) || is_dateline_line(line);
            assert_eq!(is_date_or_dateline_line(line), want, "{line:?}");
        }
    }

    #[test]
    fn place_segments() {
        let cases: &[(&str, &str)] = &[
            ("GENEVA, ", "GENEVA"),
            ("GENEVA - ", "GENEVA"),
            ("Port Town (Wire) ", "Port Town"),
            ("CITY / Region", "CITY"),
            ("SAN JOSE | x", "SAN JOSE"),
            ("Oslo-Nord -x", "Oslo-Nord"),
            ("Z\u{fc}rich- x", "Z\u{fc}rich"),
            ("", ""),
        ];
        for (prefix, want) in cases {
            assert_eq!(place_segment(prefix), *want, "{prefix:?}");
        }
    }

    #[test]
    fn digit_tests() {
        // (text, has_number, has_year)
        let cases: &[(&str, bool, bool)] = &[
            ("", false, false),
            ("No date", false, false),
            ("5 May", true, false),
            ("5 May 2024", true, true),
            ("12 345", true, false),
            ("Caf\u{e9} \u{663}", true, false),
            ("x2024", true, true),
            // Runs across and inside the 16-byte blocks.
            ("Issued on the 12th day of month 2024", true, true),
            (
                "A long line with no digits at all 12 and 34 then 567",
                true,
                false,
            ),
            ("fourteen bytes20 24 and more words after it", true, false),
            ("fourteen bytes2024 and more words after it", true, true),
            ("sixteen bytes..2024", true, true),
            ("a line of thirty-two bytes here.1999", true, true),
            ("no digit in the first block, one 7 later", true, false),
            (
                "no digit in the first block, caf\u{e9} \u{663}",
                true,
                false,
            ),
            (
                "no digit in the first block, caf\u{e9} at all",
                false,
                false,
            ),
        ];
        for (text, number, year) in cases {
            assert_eq!(has_number(text), *number, "{text:?}");
            assert_eq!(has_year(text), *year, "{text:?}");
        }
    }

    #[test]
    fn start_pre_filters_agree_with_the_regexes() {
        let cases: &[&str] = &[
            "5 May 2021",
            "May 5, 2021",
            "Monday, 5 May 2021",
            "Sept. 5",
            "The 5 May 2021",
            "Date: 5 May 2021",
            "Issued on 5 May 2021",
            "embargoed until 5 May",
            "Released: today",
            "On 5 May 2021",
            "\u{663} May",
            "",
        ];
        for text in cases {
            assert_eq!(date_at_start(text), date_by(&DATE_START, text), "{text:?}");
            let want = DATE_PREFIX.find(text).map_or(0, |m| m.end());
            assert_eq!(date_prefix_end(text), want, "{text:?}");
        }
    }

    #[test]
    fn stand_in_matches_where_the_text_does() {
        // Texts with characters outside ASCII around dates and words.
        let cases: &[&str] = &[
            "Z\u{fc}rich, 5 May 2021 - Text",
            "\u{2022} 5 May 2021",
            "\u{e9}5 May 2021 caf\u{e9}",
            "May\u{e9} 5, 2021 and June 7, 2022",
            "Gen\u{e8}ve (Mar. 27, 2022) \u{2013} x",
            "5\u{2022}May 2021 or 2022-03-27\u{e9}",
            "x\u{301}12.03.2024 \u{20ac}5 Mai",
            "\u{2022}Monday\u{2022}, 27 March 2022",
        ];
        for re in [&*DATE, &*DATE_START] {
            for text in cases {
                let mut buf = [0u8; STAND_IN_MAX];
                let ascii = ascii_stand_in(text, &mut buf).expect(text);
                assert_eq!(ascii.len(), text.len());
                let want = re.find(text).map(|m| m.range());
                assert_eq!(re.find(ascii).map(|m| m.range()), want, "{text:?}");
            }
        }
        // Left to the real search: ASCII, digits, spaces and letters that
        // fold to ASCII ones.
        for text in ["5 May 2021", "\u{663} May", "5\u{2003}May", "\u{17f}ept 5"] {
            let mut buf = [0u8; STAND_IN_MAX];
            assert!(ascii_stand_in(text, &mut buf).is_none(), "{text:?}");
        }
    }

    #[test]
    fn parses_dates() {
        let cases: &[(&str, Option<&str>)] = &[
            ("27 March 2022", Some("2022-03-27")),
            ("March 27, 2022", Some("2022-03-27")),
            ("Mar. 27, 2022", Some("2022-03-27")),
            ("Sept. 5, 2022", Some("2022-09-05")),
            ("27.03.2022", Some("2022-03-27")),
            ("2022-03-27", Some("2022-03-27")),
            ("27th March 2022", Some("2022-03-27")),
            ("Monday, 27 March 2022", Some("2022-03-27")),
            ("AUGUST 12, 2026", Some("2026-08-12")),
            ("Friday Oct 24, 2025", Some("2025-10-24")),
            ("March 2nd, 2026", Some("2026-03-02")),
            ("31 April 2022", None),
            ("29 February 2023", None),
            ("29 February 2024", Some("2024-02-29")),
            ("July 31", None),
        ];
        for (input, want) in cases {
            let got = find_date(input).expect(input);
            assert_eq!(
                date_by_captures(&DATE, input),
                Some(got.clone()),
                "input {input:?}"
            );
            assert_eq!(got.iso.as_deref(), *want, "input {input:?}");
            assert_eq!(got.range, 0..input.len(), "input {input:?}");
        }
    }

    #[test]
    fn reads_datelines() {
        // (line, city, date)
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            (
                "BOSTON, March 3, 2024 /PRNewswire/ -- Acme said",
                Some("Boston"),
                Some("2024-03-03"),
            ),
            (
                "Valletta, Republic of Somewhere, 14 February 2023 - The",
                Some("Valletta"),
                Some("2023-02-14"),
            ),
            (
                "SPRINGFIELD, IL - May 8, 2025 (SOMEWIRE) - The",
                Some("Springfield"),
                Some("2025-05-08"),
            ),
            (
                "NORTH BAY, ON / Wire Co / May 29, 2024 9:31",
                Some("North Bay"),
                Some("2024-05-29"),
            ),
            (
                "LISBON (Mar. 27, 2022) - Text",
                Some("Lisbon"),
                Some("2022-03-27"),
            ),
            (
                "May 3, 2024 - Fairview, OR, Some PR - The firm",
                Some("Fairview"),
                Some("2024-05-03"),
            ),
            (
                "(SomeWire) - May 3, 2024 - FAIRVIEW - The firm",
                Some("Fairview"),
                Some("2024-05-03"),
            ),
            (
                "(Fairview, Oregon) -On Monday, May 3, 2024, a man",
                Some("Fairview"),
                None,
            ),
            ("RIVERTON - The office said", Some("Riverton"), None),
            (
                "GLENDALE, Sept. 5 - The senator said",
                Some("Glendale"),
                None,
            ),
            ("Acme Corp announced on May 3, 2024 that", None, None),
            (
                "GENEVA - On 5 May 2021, the board met",
                Some("Geneva"),
                None,
            ),
            ("COVID-19 cases rose on 5 May 2021", None, None),
            ("FOR IMMEDIATE RELEASE - Acme said", None, None),
            (
                "Brussels, 03/27/2022 - Text",
                Some("Brussels"),
                Some("2022-03-27"),
            ),
        ];
        for (line, city, date) in cases {
            let parsed = parse_line(line);
            let got_city = parsed
                .as_ref()
                .and_then(|p| p.place.clone())
                .and_then(|r| split_place(&line[r]).0);
            let got_date = parsed
                .as_ref()
                .and_then(|p| p.date.as_ref())
                .and_then(|d| d.iso.clone());
            assert_eq!(got_city.as_deref(), *city, "line {line:?}");
            assert_eq!(got_date.as_deref(), *date, "line {line:?}");
        }
    }

    #[test]
    fn splits_places() {
        type Case<'a> = (
            &'a str,
            &'a str,
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
        );
        let cases: &[Case] = &[
            ("NEW YORK, N.Y.", "New York", Some("N.Y."), None, Some("US")),
            (
                "Doha, State of Qatar",
                "Doha",
                None,
                Some("State of Qatar"),
                Some("QA"),
            ),
            (
                "SEOUL, Republic of Korea",
                "Seoul",
                None,
                Some("Republic of Korea"),
                Some("KR"),
            ),
            ("Fresno, Calif.", "Fresno", Some("Calif."), None, Some("US")),
            ("DUBAI, UAE", "Dubai", None, Some("UAE"), Some("AE")),
            ("McALLEN, Texas", "McALLEN", Some("Texas"), None, Some("US")),
            ("SINGAPORE", "Singapore", None, None, Some("SG")),
            ("RIVERTON & LAKEVILLE", "Riverton", None, None, None),
        ];
        for (place, city, region, country, code) in cases {
            let (c, r, k, cc) = split_place(place);
            assert_eq!(c.as_deref(), Some(*city), "{place}");
            assert_eq!(r.as_deref(), *region, "{place}");
            assert_eq!(k.as_deref(), *country, "{place}");
            assert_eq!(cc.as_deref(), *code, "{place}");
        }
    }

    #[test]
    fn finds_in_documents() {
        // (input, city, date)
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            (
                "# Acme Opens a Mill\n\nBOSTON, March 3, 2024 /Wire/ -- Acme said.",
                Some("Boston"),
                Some("2024-03-03"),
            ),
            (
                "MEDIA RELEASE\n\n7 February 2020\n\nNew Roads\n\nThe minister said.",
                None,
                Some("2020-02-07"),
            ),
            (
                "New Roads\nDate: 3 May 2021\n\nThe minister said.",
                None,
                Some("2021-05-03"),
            ),
            (
                "New Roads\nMay 3, 2021\n\nRIVERTON, May 3 - The mayor said.",
                Some("Riverton"),
                Some("2021-05-03"),
            ),
            (
                "New Roads\n\nRIVERTON\n- The mayor said.",
                Some("Riverton"),
                None,
            ),
            (
                "GENEVA, 5 May 2021\n\nNew Roads\n\nThe board said.",
                Some("Geneva"),
                Some("2021-05-05"),
            ),
            (
                "New Roads\n\nThe report out today (28 December 2016) shows.",
                None,
                Some("2016-12-28"),
            ),
            (
                "New Roads\n\nThe board met on 5 May 2021 and said so.",
                None,
                None,
            ),
        ];
        for (input, city, date) in cases {
            let doc = Doc::new(input);
            let header = crate::header::read(&doc);
            let got = find(&doc, &header);
            assert_eq!(
                got.as_ref().and_then(|d| d.city.as_deref()),
                *city,
                "input {input:?}"
            );
            assert_eq!(
                got.as_ref().and_then(|d| d.date.as_deref()),
                *date,
                "input {input:?}"
            );
            if let Some(d) = got {
                assert!(d.span.start <= d.span.end && d.span.end <= input.len());
            }
        }
    }
}
