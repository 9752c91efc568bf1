//! Names headed by a cue word: `Ministry of Foreign Affairs`, `Acme
//! Water Authority`.

use std::ops::Range;

use super::*;

/// A name found in a text: its byte range and the range of its acronym.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub(super) range: Range<usize>,
    pub(super) acronym: Option<Range<usize>>,
}

/// A capitalised run: an index range into `toks`, starting and ending on
/// a capitalised word, with facts of its tokens.
#[derive(Debug, Clone)]
pub(super) struct Run {
    pub(super) range: Range<usize>,
    /// Its tokens' bits `or`ed together: a pass that needs a cue word or a
    /// connector skips the runs without one.
    pub(super) bits: u32,
    /// How many of its tokens are `and` or `And` (see [`is_and`]).
    pub(super) ands: u32,
}

/// Whether a token is `and` or `And` (a connector: only those are read).
pub(super) fn is_and(s: &str, t: &Tok) -> bool {
    t.is(CONNECTOR) && t.len() == 3 && matches!(&s.as_bytes()[t.r()], b"and" | b"And")
}

/// The capitalised runs of `toks` (see [`Run`]), in order. `caps` lists
/// the capitalised tokens (see [`capitalised`]): only those can start a
/// run.
pub(super) fn runs(s: &str, toks: &[Tok], caps: &[usize]) -> Vec<Run> {
    // At most one run per capitalised token.
    let mut out = Vec::with_capacity(caps.len());
    let b = s.as_bytes();
    // Where the next run may start.
    let mut i = 0;
    for &start in caps {
        if start < i || !toks[start].word {
            continue;
        }
        let mut last = start;
        let mut k = start + 1;
        let mut joins = 0;
        // The facts of the run so far, and of the joining tokens after it.
        let (mut bits, mut joining) = (toks[start].f, 0);
        let (mut ands, mut joining_ands) = (u32::from(is_and(s, &toks[start])), 0);
        while k < toks.len() && !toks[k].brk {
            let t = &toks[k];
            let cap = t.word && t.is(CAP);
            // (Left unread when the run stops before `t`.)
            joining |= t.f;
            if cap && t.is(ANY_CASE_CONNECTOR) {
                // Title Case `Of`, `For`, `And`, `The` in headlines.
                if joins >= 2 {
                    break;
                }
                joins += 1;
                joining_ands += u32::from(is_and(s, t));
            } else if cap && t.is(LEAD) {
                break;
            } else if cap {
                last = k;
                joins = 0;
                bits |= joining;
                joining = 0;
                ands += joining_ands;
                joining_ands = 0;
            } else if (t.is(CONNECTOR) && joins < 2 && (joins > 0 || &b[t.r()] != b"the"))
                || (!t.word && is_mark(s, t, b',') && toks.get(k + 1).is_some_and(|n| n.is(LEGAL)))
            {
                joins += 1;
                joining_ands += u32::from(is_and(s, t));
            } else {
                break;
            }
            k += 1;
        }
        out.push(Run {
            range: start..last + 1,
            bits,
            ands,
        });
        i = last + 1;
    }
    out
}

/// Cue-headed names inside one capitalised run (token indices, end
/// exclusive), added to `out`: one buffer serves every run.
fn names_in_run_into(s: &str, toks: &[Tok], run: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut pos = run.start;
    while pos < run.end {
        // (Over a slice: no bounds check per token.)
        let Some(cue) = toks[pos..run.end]
            .iter()
            .position(|t| t.word && t.is(CUE))
            .map(|p| pos + p)
        else {
            break;
        };
        // The name starts after the last `of`/`for`/`on` before the cue.
        let mut start = (pos..cue)
            .rev()
            .find(|&k| {
                // Every word tested here has two or three letters: longer
                // tokens need no reading.
                if toks[k].len() > 3 {
                    return false;
                }
                let w = text(s, &toks[k]);
                // `Water and Power Authority` is one name; `Kite Labs and
                // Jo Bell Group` or `and the X Group` are two stretches.
                is_boundary(w)
                    || (matches!(w, "and" | "And")
                        && (cue - k > 3
                            || toks
                                .get(k + 1)
                                .is_some_and(|t| matches!(text(s, t), "the" | "The"))))
            })
            .map_or(pos, |k| k + 1);
        while start < cue {
            if toks[start].is(CONNECTOR | LEAD | VERB) {
                start += 1;
            } else {
                break;
            }
        }
        // A headline verb before the cue ends what came before it
        // (`Sanders Leads Harbour Committee`).
        if let Some(v) = toks[start..cue].iter().rposition(|t| t.is(VERB)) {
            start += v + 1;
        }
        // A title before the name (`Vice President Acme Commission`) is
        // not part of it, unless only the cue would be left (`Executive
        // Committee`).
        if let Some(t) = toks[start..cue]
            .iter()
            .rposition(|t| t.is(TITLE))
            .map(|p| start + p)
        {
            if t + 1 < cue || cue + 1 < run.end && is_of(text(s, &toks[cue + 1])) {
                start = t + 1;
                // `Officer and Acme Funds President`.
                while start < cue && toks[start].is(CONNECTOR) {
                    start += 1;
                }
            }
        }
        // A head-first cue (`Fondation Kite`, `Université de Lisle`) takes
        // the words after it, up to a verb, a title or punctuation.
        if toks[cue].is(HEAD_FIRST) {
            let mut e = cue + 1;
            while e < run.end && e < cue + 8 {
                let t = &toks[e];
                if !t.word
                    || t.is(CUE | VERB | TITLE | EMPLOYER)
                    || matches!(text(s, t), "and" | "And")
                {
                    break;
                }
                e += 1;
            }
            while e > cue + 1 && toks[e - 1].is(CONNECTOR) {
                e -= 1;
            }
            if e > cue + 1 {
                out.push(cue..e);
                pos = e;
                continue;
            }
        }
        let mut end = cue + 1;
        let mut k = cue + 1;
        let mut ok = true;
        // Rest of the head stretch: more words up to the next connector.
        while k < run.end && !toks[k].is(CONNECTOR) && text(s, &toks[k]) != "," {
            let t = &toks[k];
            if toks[end - 1].is(LEGAL) || !t.word {
                break;
            }
            if t.is(VERB | TITLE) {
                break;
            }
            if t.is(CUE) || (end == k && t.is(TAIL)) {
                end = k + 1;
            }
            k += 1;
        }
        if end < k {
            // Words after the head: a verb or a title ends the name; anything
            // else (`Acme Foundation Award`) makes it something else.
            if !toks[end].is(VERB | TITLE) {
                ok = false;
            }
            k = end;
        } else if k < run.end && toks[end - 1].is(LEGAL) {
            // Nothing follows a legal form: `Acme Inc. and Bolt Ltd.`.
            k = end;
        } else {
            // Complements: `of Foreign Affairs`, `and Research`, `of the
            // Ministry of Interior`.
            let mut after_of = false;
            while k < run.end {
                let c = text(s, &toks[k]);
                if c == "," {
                    // `, Inc.`
                    if k + 1 < run.end && toks[k + 1].is(LEGAL) {
                        end = k + 2;
                        k += 2;
                        continue;
                    }
                    break;
                }
                if !toks[k].is(CONNECTOR) {
                    break;
                }
                let mut j = k;
                while j < run.end && toks[j].is(CONNECTOR) {
                    j += 1;
                }
                let seg_end = (j..run.end)
                    .find(|&m| toks[m].is(CONNECTOR) || !toks[m].word)
                    .unwrap_or(run.end);
                if j >= seg_end {
                    break;
                }
                // A complement naming a body of its own (`Committee of the
                // Ministry of Interior`) is a second name; `and` right after
                // the head joins two names (`Acme Group and Bolt Media`).
                let seg_has_cue = (j..seg_end).any(|m| toks[m].is(CUE));
                let and = matches!(c, "and" | "And" | "&");
                // `and the X` opens a new phrase, unless one last word
                // ends the run after an `of`/`for` complement (`Office for
                // West Kiteland and the Sahel`).
                let last_word = after_of && seg_end == run.end && seg_end == j + 1;
                let and_the = and && j > k + 1 && !last_word;
                let cue_later = and
                    && (j..run.end)
                        .take_while(|&m| !matches!(text(s, &toks[m]), "and" | "And" | "&" | ","))
                        .any(|m| toks[m].is(CUE));
                // After `of X`, `and Human Services` still belongs to the
                // name; `and Ministry of Y` opens a new one.
                let opens_name = toks[j].is(CUE)
                    || (seg_end < run.end && is_of(text(s, &toks[seg_end])) && seg_has_cue);
                if (seg_has_cue && !(and && after_of && !opens_name))
                    || (and && (!after_of || and_the || (cue_later && opens_name)))
                    // `in` + one word is a place (`Institute of Kites in
                    // Harbourton`); `in Preventing Harm` belongs to the name.
                    || (matches!(c, "in" | "In")
                        && (!after_of
                            || (seg_end == j + 1
                                && toks
                                    .get(seg_end)
                                    .is_none_or(|t| !matches!(text(s, t), "and" | "And")))))
                    || (matches!(c, "to" | "To") && !after_of)
                    || matches!(c, "at" | "At" | "the" | "The")
                {
                    break;
                }
                after_of = true;
                if toks[j].is(PLACE) && seg_end < run.end {
                    // `of the State of X`: a place, not part of the name.
                    break;
                }
                // `Office of the Commissioner`: an office named after its
                // holder keeps the title.
                let holder = matches!(text(s, &toks[j - 1]), "the" | "The");
                let stop = (j..seg_end)
                    .find(|&m| toks[m].is(VERB) || (toks[m].is(TITLE) && !(holder && m == j)));
                match stop {
                    Some(m) => {
                        if m > j {
                            end = m;
                        }
                        break;
                    }
                    None => {
                        end = seg_end;
                        k = seg_end;
                    }
                }
            }
            k = end;
        }
        if ok && start < end {
            out.push(start..end);
        }
        pos = k.max(cue + 1);
    }
}

/// Every cue-headed name in `s`, with an acronym where parentheses give
/// one, added to `out`.
pub(super) fn scan_into(s: &str, toks: &[Tok], runs: &[Run], out: &mut Vec<Found>) {
    // The names of one run at a time, in one buffer.
    let mut names = Vec::new();
    for run in runs {
        // A name needs a cue word: most runs have none.
        if run.bits & CUE == 0 {
            continue;
        }
        let run = run.range.clone();
        names.clear();
        names_in_run_into(s, toks, run, &mut names);
        for mut r in names.drain(..) {
            // `Penal Code Section 236`, `Chapter 11`: a part of a text.
            let numbered = toks[r.end - 1].len() == 7
                && matches!(text(s, &toks[r.end - 1]), "Section" | "Chapter")
                && toks
                    .get(r.end)
                    .is_some_and(|t| text(s, t).starts_with(|c: char| c.is_ascii_digit()));
            if numbered {
                continue;
            }
            r.start = list_start(s, toks, r.clone());
            r.end = list_end(s, toks, r.clone());
            let range = toks[r.start].start()..toks[r.end - 1].end();
            if !is_org_name_at(s, toks, r.clone()) {
                continue;
            }
            out.push(Found {
                range,
                acronym: acronym_around(s, toks, r),
            });
        }
    }
}

/// The start of a name whose head words are a list: `United Nations
/// Educational, Scientific and Cultural Organization` is one name, though
/// the run of capitalised words stops at the comma.
pub(super) fn list_start(s: &str, toks: &[Tok], r: Range<usize>) -> usize {
    // (Read only after a comma: `of` and `and` are connectors, so only
    // those are read.)
    let head_and = || {
        r.clone()
            .take_while(|&k| !(toks[k].is(ANY_CASE_CONNECTOR) && is_of(text(s, &toks[k]))))
            .any(|k| toks[k].is(CONNECTOR) && text(s, &toks[k]) == "and")
    };
    let w = |k: usize| text(s, &toks[k]);
    // `Educational, Scientific and Cultural Organization` or, with a
    // serial comma, `Educational, Scientific, and Cultural Organization`.
    let before = if r.start >= 1 && is_mark(s, &toks[r.start - 1], b',') && head_and() {
        r.start - 1
    } else if r.start >= 2 && w(r.start - 1) == "and" && w(r.start - 2) == "," {
        r.start - 2
    } else {
        return r.start;
    };
    let mut start = before;
    let mut words = 0;
    while start > 0 && before - start < 10 && !toks[start].brk {
        let t = &toks[start - 1];
        let x = text(s, t);
        if x == "," && words > 0 {
            start -= 1;
            continue;
        }
        if !(t.word && t.is(CAP)) || t.is(LEAD | CONNECTOR) {
            break;
        }
        if t.is(CUE) {
            // A list of names (`Acme Media, and Bolt Group`), not one name.
            return r.start;
        }
        words += 1;
        start -= 1;
    }
    while start < before && !toks[start].word {
        start += 1;
    }
    // At least three words before, else it is a plain list.
    if words >= 3 { start } else { r.start }
}

/// The end of a name whose complement is a list: `Ministry of Labour,
/// Employment and Social Affairs` is one name, though the run of
/// capitalised words stops at the comma. The list must close with `and`
/// and plain capitalised words (no cue word: `Office of Kites, Acme Group
/// and Bolt Labs` is three names).
pub(super) fn list_end(s: &str, toks: &[Tok], r: Range<usize>) -> usize {
    let w = |k: usize| toks.get(k).map_or("", |t| text(s, t));
    // (The comma first: most names have none after them.)
    if !toks.get(r.end).is_some_and(|t| is_mark(s, t, b','))
        || toks[r.end - 1].is(CUE)
        || !r.clone().any(|k| is_of(w(k)))
    {
        return r.end;
    }
    let mut k = r.end;
    let mut and = false;
    while k < r.end + 12 && k < toks.len() {
        let x = w(k);
        if toks[k].brk {
            break;
        }
        if x == "," && !and {
            k += 1;
            continue;
        }
        if x == "and" && !and {
            and = true;
            k += 1;
            continue;
        }
        let plain = toks[k].word && toks[k].is(CAP) && !toks[k].is(CUE | TITLE);
        if !plain {
            break;
        }
        k += 1;
        // The list ends at the first word after `and` that is not followed
        // by another capitalised word.
        if and && !toks.get(k).is_some_and(|t| t.word && t.is(CAP) && !t.brk) {
            return k;
        }
    }
    r.end
}

/// [`is_org_name`] of the words of tokens `r`: when they are words one
/// space apart, their bits already answer.
pub(super) fn is_org_name_at(s: &str, toks: &[Tok], r: Range<usize>) -> bool {
    let words = &toks[r];
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let name = &s[first.start()..last.end()];
    let b = s.as_bytes();
    let spaced = words.iter().all(|t| t.word)
        && words
            .windows(2)
            .all(|p| p[1].start() == p[0].end() + 1 && b[p[0].end()] == b' ');
    if !spaced {
        return is_org_name(name);
    }
    // (The bits first: the stop list is the costlier test.)
    words
        .iter()
        .any(|t| t.is(CAP) && !t.is(CUE | GENERIC | CONNECTOR))
        && !is_not_org(name)
}

/// Whether a candidate name passes the stop lists.
pub(super) fn is_org_name(name: &str) -> bool {
    if is_not_org(name) {
        return false;
    }
    // A name needs a capitalised word besides its cue and generic words
    // (the word's bits answer every test at once).
    name.split(' ').any(|w| {
        let f = token_flags(w, 0..w.len(), true);
        f & CAP != 0 && f & (CUE | GENERIC | CONNECTOR) == 0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connector_bits_cover_the_words_read_behind_them() {
        // `list_start` reads `of` and `and` only on tokens with these bits.
        let text = "Office of Kites and the Board For Strings On Tails, and OF AND Of \
                    For On of for on and And Kiteand andKite";
        for t in tokenize(text) {
            let w = &text[t.r()];
            assert!(!is_of(w) || t.is(ANY_CASE_CONNECTOR), "{w:?}");
            assert!(w != "and" || t.is(CONNECTOR), "{w:?}");
        }
    }

    #[test]
    fn run_bits_are_their_tokens_bits() {
        let cases = [
            "Ministry of Kites and Bolts said",
            "The Kite Labs, Inc. met Jo Bell of the Harbour Office.",
            "Kite Of The And Labs Office",
            "a b c",
            "Kite\nLabs Office",
            "Acme & Bolt Group, Kite Labs and Quill",
            "And Kite And Bolt and Quill and",
            "Kite and and Bolt",
        ];
        for text in cases {
            let (toks, caps) = tokenize_with_caps(text);
            for run in runs(text, &toks, &caps) {
                let r = run.range;
                let want = toks[r.clone()].iter().fold(0, |b, t| b | t.f);
                assert_eq!(run.bits, want, "{text:?} {r:?}");
                let ands = toks[r.clone()]
                    .iter()
                    .filter(|t| matches!(&text[t.r()], "and" | "And"))
                    .count();
                assert_eq!(run.ands as usize, ands, "{text:?} {r:?}");
            }
        }
    }

    #[test]
    fn token_bits_answer_as_the_words_do() {
        let cases = [
            "Kite Labs",
            "Office",
            "Ministry of Kites",
            "Kite  Labs",
            "Kite, Labs",
            "Acme & Bolt Group",
            "Kite-Labs Office",
            "the Office",
            "\u{c9}cole Kite",
            "Jo's Group",
        ];
        for text in cases {
            let toks = tokenize(text);
            let want = is_org_name(text);
            assert_eq!(is_org_name_at(text, &toks, 0..toks.len()), want, "{text:?}");
        }
    }
}
