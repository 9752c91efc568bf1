//! Property tests: any text, and invented releases with random edits, give
//! a record whose spans and mentions fit the input, the same on every run.
//!
//! Each property runs 256 cases; `PROPTEST_CASES=5000 cargo test --test
//! integration properties` runs more.

use proptest::prelude::*;
use proptest::test_runner::Config;

use crate::invariants::{check_bytes, check_str};

/// Pieces that stress normalisation and offsets: markup, dashes, quotes,
/// invisible and bidi marks, combining marks, emoji, odd line ends,
/// mojibake and multi-byte letters.
const HOSTILE: &[&str] = &[
    "\0",
    "\r",
    "\r\n",
    "\n\n",
    "\x0c",
    "\x0b",
    "\x1b[0m",
    "\u{7f}",
    "\u{85}",
    "\u{a0}",
    "\u{ad}",
    "\u{200b}",
    "\u{200e}",
    "\u{200f}",
    "\u{202e}",
    "\u{2066}",
    "\u{2069}",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "\u{fffd}",
    "e\u{301}",
    "\u{301}\u{302}\u{303}",
    "\u{1f600}",
    "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}",
    "\u{1f1fa}\u{1f1f3}",
    "\u{2013}",
    "\u{2014}",
    "\u{2019}",
    "\u{201c}",
    "\u{201d}",
    "\u{2022}",
    "\u{f0b7}",
    "\u{e2}\u{20ac}\u{2122}",
    "\u{e2}\u{20ac}",
    "\u{c3}\u{af}\u{c2}\u{82}\u{c2}\u{b7}",
    "\u{c3}\u{a9}",
    "\u{c2}",
    "\u{3000}",
    "\u{5d0}\u{5d1}",
    "\u{627}\u{644}",
    "\u{4e2d}\u{6587}",
    "\u{130}",
    "\u{df}",
    "\u{1e9e}",
    "**",
    "__",
    "*",
    "_",
    "\\",
    "\\*",
    "#",
    "## ",
    "> ",
    "[",
    "]",
    "](",
    "[a](b)",
    "![",
    "(",
    ")",
    ". ",
    "...",
    "@",
    "+",
    "\"",
    "'",
    "- ",
    "* ",
    "1. ",
    "---",
    "Mr. ",
    "Dr. ",
    "H.E. ",
    "Inc.",
    ", said ",
    "Contact: ",
    "PRESS RELEASE\n",
];

/// One piece of text: a hostile piece, a word, or any character.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(HOSTILE).prop_map(str::to_string),
        3 => "[A-Za-z]{1,9}",
        2 => prop::sample::select(WORDS).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => Just(" ".to_string()),
        1 => Just("\n".to_string()),
    ]
}

/// Text made of pieces: mostly hostile, shaped a little like prose.
fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..120).prop_map(|v| v.concat())
}

const FIRST: &[&str] = &[
    "Amara", "Tobin", "Lina", "Maren", "Jonas", "Petra", "Ilse", "Rafe", "Sam", "Oskar", "Yusra",
    "Desmond", "Halvard", "Noor", "Beatriz", "Chidi", "Mirela", "Tomasz",
];
const LAST: &[&str] = &[
    "Velk",
    "Harrow",
    "Oster",
    "Quill",
    "Feld",
    "Sollen",
    "Dunmore",
    "Okonjo",
    "Ridley",
    "Brandt",
    "Al-Fahran",
    "de la Vega",
    "Nakamura-Holt",
    "O'Brannagh",
    "Lindqvist",
    "Achterberg",
];
const HONORIFIC: &[&str] = &[
    "",
    "",
    "Mr. ",
    "Ms. ",
    "Mrs. ",
    "Dr. ",
    "Prof. ",
    "H.E. ",
    "Sir ",
    "Major General ",
    "H.E. Mr. ",
    "the Hon. ",
];
const ROLE: &[&str] = &[
    "Director",
    "Executive Director",
    "Minister",
    "Chief Executive Officer",
    "Under-Secretary-General",
    "Head of Research",
    "Press Officer",
    "Chairman of the Board",
];
const ORG: &[&str] = &[
    "Tidal Commission",
    "Northfield Grain Cooperative",
    "Ministry of Coastal Affairs",
    "Office of Examples",
    "University of Greyhaven",
    "Friends of the Marsh Trust",
    "Department of Water Works",
    "Bracken Solar Ltd.",
    "Council of Harbour Towns",
];
const PLACE: &[&str] = &[
    "PORT ALDERY",
    "Velmora City",
    "BRACKENVILLE, Ore.",
    "Greyhaven",
    "Silt Harbour, Republic of Velmora",
    "NEW BRACKEN",
];
const DATE: &[&str] = &[
    "14 February 2031",
    "March 3, 2032",
    "2 April 2033",
    "Sept. 9, 2030",
    "1 May",
    "31/12/2029",
];
const WORDS: &[&str] = &[
    "the",
    "and",
    "of",
    "said",
    "today",
    "announced",
    "new",
    "programme",
    "harbour",
    "report",
    "will",
    "support",
    "agreed",
    "to",
    "in",
    "with",
    "for",
    "a",
    "partners",
    "review",
];
const LABEL: &[&str] = &[
    "PRESS RELEASE",
    "FOR IMMEDIATE RELEASE",
    "**MEDIA ADVISORY**",
    "## STATEMENT",
    "News Release",
    "",
];
const DASH: &[&str] = &[" - ", " -- ", " \u{2013} ", " \u{2014} ", ": ", " "];
const BULLET: &[&str] = &["* ", "- ", "\u{2022} ", "1. ", "(a) ", "\u{f0b7} ", "o "];

/// Picks `list[i % len]`.
fn pick<'a>(list: &[&'a str], i: usize) -> &'a str {
    list[i % list.len()]
}

/// An invented release, built from choice numbers so proptest can shrink
/// it.
fn release(c: &[usize]) -> String {
    let n = |k: usize| c.get(k).copied().unwrap_or(k);
    let person = |k: usize| {
        format!(
            "{}{} {}",
            pick(HONORIFIC, n(k)),
            pick(FIRST, n(k + 1)),
            pick(LAST, n(k + 2))
        )
    };
    let mut s = String::new();
    let label = pick(LABEL, n(0));
    if !label.is_empty() {
        s.push_str(label);
        s.push_str("\n\n");
    }
    s.push_str(&format!(
        "{} and the {} Agree on a {} {}\n\n",
        pick(ORG, n(1)),
        pick(ORG, n(2)),
        pick(WORDS, n(3)),
        pick(WORDS, n(4))
    ));
    s.push_str(&format!(
        "{}, {}{}{} ({}) {} {}.",
        pick(PLACE, n(5)),
        pick(DATE, n(6)),
        pick(DASH, n(7)),
        pick(ORG, n(8)),
        pick(ORG, n(8))
            .split_whitespace()
            .filter_map(|w| w.chars().next())
            .collect::<String>(),
        pick(WORDS, n(9)),
        pick(WORDS, n(10)),
    ));
    s.push_str(&format!(
        " \"We {} the {},\" said {}, {} of the {}.\n\n",
        pick(WORDS, n(11)),
        pick(WORDS, n(12)),
        person(13),
        pick(ROLE, n(16)),
        pick(ORG, n(17))
    ));
    let items = n(18) % 5;
    if items > 0 {
        s.push_str("The partners agreed to:\n\n");
        let bullet = pick(BULLET, n(19));
        for k in 0..items {
            s.push_str(&format!(
                "{bullet}{} the {} {}{}\n",
                pick(WORDS, n(20) + k),
                pick(WORDS, n(21) + 2 * k),
                pick(WORDS, n(22) + 3 * k),
                if k + 1 < items { ";" } else { "." }
            ));
        }
        s.push('\n');
    }
    s.push_str(&format!(
        "{} {} met {} in {}. {} {} thanked the {}.\n\n",
        person(23),
        pick(WORDS, n(26)),
        person(27),
        pick(PLACE, n(30)),
        pick(ROLE, n(31)),
        pick(LAST, n(32)),
        pick(ORG, n(33))
    ));
    let first = pick(FIRST, n(34));
    let last = pick(LAST, n(35));
    let user: String = first.chars().filter(char::is_ascii_alphabetic).collect();
    s.push_str(&format!(
        "Media contact:\n{first} {last}, {}, {}\n{}@{}.example | +{} 555 0{:03}\n",
        pick(ROLE, n(36)),
        pick(ORG, n(37)),
        user.to_lowercase(),
        pick(WORDS, n(38)),
        n(39) % 99 + 1,
        n(40) % 1000
    ));
    s
}

/// A random edit of a text.
#[derive(Debug, Clone)]
enum Edit {
    /// Insert a piece at a fraction of the length.
    Insert(f64, String),
    /// Delete between two fractions of the length.
    Delete(f64, f64),
    /// Repeat the text between two fractions of the length.
    Repeat(f64, f64),
    /// Keep only up to a fraction of the length.
    Truncate(f64),
    /// Change every `\n` to `\r\n` or `\r`.
    LineEnds(bool),
    /// Replace every `"` with curly quotes.
    CurlyQuotes,
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = 0.0..=1.0f64;
    prop_oneof![
        6 => (at.clone(), piece()).prop_map(|(a, p)| Edit::Insert(a, p)),
        2 => (at.clone(), at.clone()).prop_map(|(a, b)| Edit::Delete(a, b)),
        1 => (at.clone(), at.clone()).prop_map(|(a, b)| Edit::Repeat(a, b)),
        1 => at.prop_map(Edit::Truncate),
        1 => any::<bool>().prop_map(Edit::LineEnds),
        1 => Just(Edit::CurlyQuotes),
    ]
}

/// The character boundary at or before a fraction of `s`.
fn boundary(s: &str, at: f64) -> usize {
    let mut k = ((s.len() as f64) * at) as usize;
    k = k.min(s.len());
    while !s.is_char_boundary(k) {
        k -= 1;
    }
    k
}

fn apply(mut s: String, edits: &[Edit]) -> String {
    for e in edits {
        match e {
            Edit::Insert(a, p) => {
                let k = boundary(&s, *a);
                s.insert_str(k, p);
            }
            Edit::Delete(a, b) | Edit::Repeat(a, b) => {
                let (x, y) = (boundary(&s, a.min(*b)), boundary(&s, a.max(*b)));
                if matches!(e, Edit::Delete(..)) {
                    s.replace_range(x..y, "");
                } else {
                    let part = s[x..y].repeat(3);
                    s.insert_str(y, &part);
                }
            }
            Edit::Truncate(a) => {
                let k = boundary(&s, *a);
                s.truncate(k);
            }
            Edit::LineEnds(crlf) => s = s.replace('\n', if *crlf { "\r\n" } else { "\r" }),
            Edit::CurlyQuotes => {
                let mut open = true;
                s = s
                    .chars()
                    .map(|c| {
                        if c == '"' {
                            open = !open;
                            if open { '\u{201d}' } else { '\u{201c}' }
                        } else {
                            c
                        }
                    })
                    .collect();
            }
        }
    }
    s
}

fn release_with_edits() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(any::<usize>(), 41),
        prop::collection::vec(edit(), 0..12),
    )
        .prop_map(|(choices, edits)| apply(release(&choices), &edits))
}

/// The byte-order marks `extract_bytes` reads.
const BOMS: &[&[u8]] = &[b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF"];

/// Runs the record checks, failing the property with the reason.
fn holds(input: &str) -> Result<(), TestCaseError> {
    check_str(input).map(|_| ()).map_err(TestCaseError::fail)?;
    check_bytes(input.as_bytes()).map_err(TestCaseError::fail)?;
    Ok(())
}

proptest! {
    #![proptest_config(Config::default())]

    #[test]
    fn any_string(input in any::<String>()) {
        holds(&input)?;
    }

    #[test]
    fn hostile_pieces(input in hostile_text()) {
        holds(&input)?;
    }

    #[test]
    fn edited_releases(input in release_with_edits()) {
        holds(&input)?;
    }

    #[test]
    fn any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_bytes(&bytes).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn bytes_with_bom(
        bom in prop::sample::select(BOMS),
        body in prop::collection::vec(any::<u8>(), 0..200),
    ) {
        let mut bytes = bom.to_vec();
        bytes.extend_from_slice(&body);
        check_bytes(&bytes).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn edited_releases_as_utf16(input in release_with_edits(), le in any::<bool>()) {
        let mut bytes: Vec<u8> = if le { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        for unit in input.encode_utf16() {
            bytes.extend_from_slice(&if le { unit.to_le_bytes() } else { unit.to_be_bytes() });
        }
        check_bytes(&bytes).map_err(TestCaseError::fail)?;
    }
}

/// The generator makes releases that look like releases.
#[test]
fn invented_release_looks_like_one() {
    let s = release(&[0; 41]);
    assert!(s.starts_with("PRESS RELEASE\n\n"), "{s}");
    assert!(s.contains("said Amara Velk, Director of the Tidal Commission."));
    assert!(s.contains("Media contact:\nAmara Velk, Director, Tidal Commission\n"));
    let release = check_str(&s).unwrap();
    assert_eq!(release.label.as_deref(), Some("PRESS RELEASE"));
}

/// Edits keep the text valid and land where they are asked to.
#[test]
fn edits_apply() {
    let cases: &[(&str, Edit, &str)] = &[
        ("abc", Edit::Insert(0.5, "X".into()), "aXbc"),
        ("a\u{e9}b", Edit::Insert(0.5, "X".into()), "aX\u{e9}b"),
        ("abcd", Edit::Delete(0.75, 0.25), "ad"),
        ("abcd", Edit::Repeat(0.0, 0.5), "ababababcd"),
        ("abcd", Edit::Truncate(0.5), "ab"),
        ("a\nb", Edit::LineEnds(false), "a\rb"),
        ("\"a\"", Edit::CurlyQuotes, "\u{201c}a\u{201d}"),
    ];
    for (input, e, want) in cases {
        assert_eq!(
            apply(input.to_string(), std::slice::from_ref(e)),
            *want,
            "{e:?}"
        );
    }
}
