//! Offsets in other units: one linear pass over the input after
//! extraction fills `char_*` and `utf16_*` beside every byte pair.

use crate::record::Release;
use crate::span::{Mention, Span};

/// Which units to add beside the byte offsets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Units {
    /// Unicode scalar values (`char_start`/`char_end`).
    pub(crate) chars: bool,
    /// UTF-16 code units (`utf16_start`/`utf16_end`).
    pub(crate) utf16: bool,
}

impl Units {
    fn any(self) -> bool {
        self.chars || self.utf16
    }
}

/// The three offset fields of one end of a pair.
struct End<'a> {
    byte: usize,
    chars: &'a mut Option<usize>,
    utf16: &'a mut Option<usize>,
}

/// Calls `f` on both ends of every offset pair in `release`. Any new
/// record field that carries a [`Span`] or [`Mention`] must be visited here.
fn visit(release: &mut Release, f: &mut dyn FnMut(End<'_>)) {
    fn span(s: &mut Span, f: &mut dyn FnMut(End<'_>)) {
        f(End {
            byte: s.start,
            chars: &mut s.char_start,
            utf16: &mut s.utf16_start,
        });
        f(End {
            byte: s.end,
            chars: &mut s.char_end,
            utf16: &mut s.utf16_end,
        });
    }
    fn mention(m: &mut Mention, f: &mut dyn FnMut(End<'_>)) {
        f(End {
            byte: m.start,
            chars: &mut m.char_start,
            utf16: &mut m.utf16_start,
        });
        f(End {
            byte: m.end,
            chars: &mut m.char_end,
            utf16: &mut m.utf16_end,
        });
    }
    if let Some(d) = &mut release.dateline {
        span(&mut d.span, f);
    }
    for p in &mut release.people {
        p.mentions.iter_mut().for_each(|m| mention(m, f));
    }
    for o in &mut release.organisations {
        o.mentions.iter_mut().for_each(|m| mention(m, f));
    }
    for l in &mut release.lists {
        span(&mut l.span, f);
    }
    for c in &mut release.contacts {
        span(&mut c.span, f);
    }
    for p in &mut release.paragraphs {
        span(&mut p.span, f);
    }
}

/// Fills the asked-for units beside every byte offset of `release`, which
/// was extracted from `input`.
///
/// Sorts the distinct byte offsets, then walks `input` once counting chars
/// and UTF-16 units: O(n + k log k) for n bytes and k offsets. An offset
/// inside a character (never produced by the extractor) counts the
/// characters that start before it; one past the end counts them all.
pub(crate) fn fill(release: &mut Release, input: &str, units: Units) {
    if !units.any() {
        return;
    }
    let mut bytes = Vec::new();
    visit(release, &mut |end| bytes.push(end.byte));
    if bytes.is_empty() {
        return;
    }
    bytes.sort_unstable();
    bytes.dedup();
    let mut counts = Vec::with_capacity(bytes.len());
    let (mut chars, mut utf16) = (0usize, 0usize);
    let mut k = 0;
    for (at, c) in input.char_indices() {
        while k < bytes.len() && bytes[k] <= at {
            counts.push((chars, utf16));
            k += 1;
        }
        if k == bytes.len() {
            break;
        }
        chars += 1;
        utf16 += c.len_utf16();
    }
    counts.resize(bytes.len(), (chars, utf16));
    visit(release, &mut |end| {
        // Every byte offset was collected above, so the search finds it.
        let i = bytes.binary_search(&end.byte).unwrap_or(0);
        let (c, u) = counts[i];
        if units.chars {
            *end.chars = Some(c);
        }
        if units.utf16 {
            *end.utf16 = Some(u);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Paragraph, Person};

    fn release(spans: &[(usize, usize)], mentions: &[(usize, usize)], input: &str) -> Release {
        let mut r = Release::default();
        for &(s, e) in spans {
            r.paragraphs.push(Paragraph {
                text: input.get(s..e).unwrap_or("").to_string(),
                span: Span::new(s, e),
            });
        }
        if !mentions.is_empty() {
            r.people.push(Person {
                name: String::new(),
                honorifics: vec![],
                titles: vec![],
                organisations: vec![],
                mentions: mentions
                    .iter()
                    .map(|&(s, e)| Mention::new(&input[s..e], s, e))
                    .collect(),
            });
        }
        r
    }

    #[test]
    fn char_and_utf16_offsets_slice_the_same_text() {
        // (input, byte spans, byte mentions)
        type Pairs = &'static [(usize, usize)];
        let cases: &[(&str, Pairs, Pairs)] = &[
            ("plain ascii text", &[(0, 5), (6, 11)], &[(12, 16)]),
            ("Zoë Ñúñez met Åsa", &[(0, 4)], &[(0, 11), (16, 20)]),
            ("日本語のテキスト and more", &[(0, 9), (25, 28)], &[(9, 24)]),
            (
                "emoji 🎉 party 🎉🎉 end",
                &[(0, 5), (6, 10)],
                &[(17, 25), (26, 29)],
            ),
            ("", &[(0, 0)], &[]),
        ];
        for &(input, spans, mentions) in cases {
            let mut r = release(spans, mentions, input);
            fill(
                &mut r,
                input,
                Units {
                    chars: true,
                    utf16: true,
                },
            );
            let chars: Vec<char> = input.chars().collect();
            let units: Vec<u16> = input.encode_utf16().collect();
            let all = r.paragraphs.iter().map(|p| p.span).chain(
                r.people
                    .iter()
                    .flat_map(|p| p.mentions.iter().map(|m| m.span())),
            );
            for s in all {
                let want = s.text(input);
                let (cs, ce) = (s.char_start.unwrap(), s.char_end.unwrap());
                let got: String = chars[cs..ce].iter().collect();
                assert_eq!(got, want, "chars in {input:?}");
                let (us, ue) = (s.utf16_start.unwrap(), s.utf16_end.unwrap());
                let got = String::from_utf16(&units[us..ue]).unwrap();
                assert_eq!(got, want, "utf16 in {input:?}");
            }
        }
    }

    #[test]
    fn only_asked_units_and_odd_offsets() {
        let input = "Señor";
        let mut r = release(&[(0, 5), (3, 3), (0, 99)], &[], input);
        fill(
            &mut r,
            input,
            Units {
                chars: true,
                utf16: false,
            },
        );
        let got: Vec<_> = r
            .paragraphs
            .iter()
            .map(|p| (p.span.char_start, p.span.char_end, p.span.utf16_end))
            .collect();
        // Byte 3 is inside `ñ`: counts the 3 chars that start before it.
        assert_eq!(
            got,
            [
                (Some(0), Some(4), None),
                (Some(3), Some(3), None),
                (Some(0), Some(5), None)
            ]
        );
        let mut r = release(&[(0, 5)], &[], input);
        fill(&mut r, input, Units::default());
        assert_eq!(r.paragraphs[0].span, Span::new(0, 5));
    }
}
