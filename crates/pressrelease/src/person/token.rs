//! Words of the clean text with their byte ranges.

use std::borrow::Cow;
use std::ops::Range;

use super::lexicon::LEXICON;

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
    /// The lexicon's class bits of `lower` (`lexicon::class`).
    pub(super) class: u16,
    /// Derived facts ([`Token::TITLE_HEAD`] ...), worked out once.
    flags: u8,
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
        self.flags & Self::TITLE_HEAD != 0
    }

    /// May stand in a title (`Lexicon::is_title_word`).
    pub(super) fn is_title_word(&self) -> bool {
        self.flags & Self::TITLE_WORD != 0
    }

    /// A name particle (`bin`, `van`, `al-`).
    pub(super) fn is_particle(&self) -> bool {
        self.flags & Self::PARTICLE != 0
    }

    /// May stand in a name.
    pub(super) fn is_name_word(&self) -> bool {
        self.flags & Self::NAME_WORD != 0
    }

    /// In the lexicon list of `bit` (`lexicon::class`).
    pub(super) fn is(&self, bit: u16) -> bool {
        self.class & bit != 0
    }

    /// Works out the class bits and flags from the other fields.
    fn classify(&mut self) {
        use super::lexicon::class;
        let lex = &*LEXICON;
        let lower: &str = &self.lower;
        let own = lex.class(lower);
        self.class = own;
        let head = lex.is_title_head_in(lower, own);
        let word = head || own & class::TITLE_MOD != 0;
        let trimmed = lower.trim_end_matches('-');
        let particle = own & class::PARTICLE != 0
            || trimmed.len() != lower.len() && lex.class(trimmed) & class::PARTICLE != 0;
        let name_word = self.dotted_initial
            || particle
            || self.cap
                && !lower.bytes().any(|b| b.is_ascii_digit())
                && !self.lower_after_hyphen
                && own & class::NOT_NAME == 0
                && lower
                    .strip_suffix('s')
                    .is_none_or(|w| lex.class(w) & class::NOT_NAME == 0)
                && !word
                && own & class::HONORIFIC == 0
                && !super::is_suffix(lower);
        self.flags = [
            (head, Self::TITLE_HEAD),
            (word, Self::TITLE_WORD),
            (particle, Self::PARTICLE),
            (name_word, Self::NAME_WORD),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .fold(0, |f, (_, bit)| f | bit);
    }
}

/// Splits `text` into words.
pub(super) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            // The common case first: a lower-case ASCII letter goes on the
            // word, whatever came before.
            if d.is_ascii_lowercase() {
                end = j + 1;
                chars.next();
                continue;
            }
            // Words glued by lost markup (`DetailsJane`, `DoeTel`) split
            // where a capital follows four or more letters.
            // A phone glued to a name (`Doe5550100`) starts a new word.
            let glued_digit = d.is_ascii_digit()
                && text[i..j]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic)
                && text[i..j].chars().take(3).count() >= 3;
            if glued_digit
                || d.is_uppercase()
                    && (is_glued_prefix(&text[i..j]) || glued_title(&text[i..j], &text[j..]))
            {
                break;
            }
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                chars.next();
            } else if matches!(d, '-' | '\'') {
                // Only inside a word: `Al-Thani`, `O'Connor`.
                let next = text[j + 1..].chars().next();
                if next.is_some_and(char::is_alphanumeric) {
                    chars.next();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let word = &text[i..end];
        let cap = c.is_uppercase();
        let initial = cap && word.chars().count() == 1;
        let mut tok = Token {
            range: i..end,
            lower: {
                let w = word.strip_suffix("'s").unwrap_or(word);
                if w.is_ascii() {
                    if w.bytes().any(|b| b.is_ascii_uppercase()) {
                        Cow::Owned(w.to_ascii_lowercase())
                    } else {
                        Cow::Borrowed(w)
                    }
                } else {
                    Cow::Owned(w.to_lowercase())
                }
            },
            cap,
            initial,
            dotted_initial: initial && text[end..].starts_with('.'),
            // `Hyun-woo` (a short syllable) is a name; `Employee-owned` is not.
            lower_after_hyphen: word
                .split('-')
                .skip(1)
                .any(|p| p.chars().next().is_some_and(char::is_lowercase) && p.chars().count() > 3),
            class: 0,
            flags: 0,
        };
        tok.classify();
        out.push(tok);
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

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
        ];
        for (input, want) in cases {
            let got: Vec<&str> = tokenize(input)
                .iter()
                .map(|t| &input[t.range.clone()])
                .collect();
            assert_eq!(&got, want, "input {input:?}");
        }
    }
}
