//! Mentions: folding the runs that name one person into one record.

use std::ops::Range;

use super::Candidate;
use super::token::Token;
use crate::record::{Organisation, Person};
use crate::segment::Doc;

/// A person being assembled from its candidates.
pub(super) struct Builder {
    /// The fullest form of the name.
    pub(super) name: String,
    /// Lower-case name words.
    pub(super) words: Vec<String>,
    pub(super) honorifics: Vec<String>,
    pub(super) titles: Vec<String>,
    /// Clean ranges of every mention.
    pub(super) mentions: Vec<Range<usize>>,
    /// Clean offset of the first mention, for ordering.
    pub(super) first: usize,
    /// The mention of a contact person not found in the text.
    pub(super) contact_mention: Option<crate::span::Mention>,
}

impl Builder {
    /// A person named by the candidate `c`.
    pub(super) fn new(clean: &str, toks: &[Token], c: &Candidate) -> Builder {
        let range = toks[c.words.start].range.start..toks[c.words.end - 1].range.end;
        Builder {
            name: clean[range].to_string(),
            words: toks[c.words.clone()]
                .iter()
                .map(|t| t.lower.clone())
                .collect(),
            honorifics: Vec::new(),
            titles: Vec::new(),
            mentions: Vec::new(),
            first: c.mention.start,
            contact_mention: None,
        }
    }

    /// Whether a candidate names this person: its words are the person's
    /// words and it ends with the surname (so a first name alone does not).
    pub(super) fn matches(&self, toks: &[Token], c: &Candidate) -> bool {
        let words = &toks[c.words.clone()];
        let Some(last) = words.last() else {
            return false;
        };
        if self.words.last() != Some(&last.lower) {
            return false;
        }
        let mut from = 0;
        for w in words {
            match self.words[from..].iter().position(|x| *x == w.lower) {
                Some(k) => from += k + 1,
                None => return false,
            }
        }
        true
    }

    /// Adds a mention with its honorifics and titles.
    pub(super) fn add(&mut self, c: &Candidate) {
        self.first = self.first.min(c.mention.start);
        self.mentions.push(c.mention.clone());
        for h in &c.honorifics {
            if !self.honorifics.iter().any(|x| x.eq_ignore_ascii_case(h)) {
                self.honorifics.push(h.clone());
            }
        }
        for t in &c.titles {
            // `District Attorney` beside `Brooklyn District Attorney`.
            let lower = t.to_lowercase();
            let known = self.titles.iter().any(|x| {
                let x = x.to_lowercase();
                x == lower || x.ends_with(&format!(" {lower}"))
            });
            if !known {
                self.titles
                    .retain(|x| !lower.ends_with(&format!(" {}", x.to_lowercase())));
                self.titles.push(t.clone());
            }
        }
    }

    /// The record, with organisations tied through titles.
    pub(super) fn finish(self, doc: &Doc, organisations: &[Organisation]) -> Person {
        let mut mentions: Vec<_> = self
            .mentions
            .iter()
            .map(|r| doc.text.mention(r.clone()))
            .collect();
        mentions.extend(self.contact_mention);
        // `Under-Secretary-General` beside `Under-Secretary-General for X`
        // says nothing more.
        let lowered: Vec<String> = self.titles.iter().map(|t| t.to_lowercase()).collect();
        let titles: Vec<String> = self
            .titles
            .iter()
            .zip(&lowered)
            .filter(|(_, l)| {
                !lowered
                    .iter()
                    .any(|o| o.len() > l.len() && o.starts_with(&format!("{l} ")))
            })
            .map(|(t, _)| t.clone())
            .collect();
        let mut orgs: Vec<String> = Vec::new();
        for t in &titles {
            for o in organisations {
                let hit = t.contains(o.name.as_str())
                    || o.acronym.as_deref().is_some_and(|a| {
                        !a.is_empty() && t.split(|c: char| !c.is_alphanumeric()).any(|w| w == a)
                    });
                if hit && !orgs.contains(&o.name) {
                    orgs.push(o.name.clone());
                }
            }
        }
        Person {
            name: self.name,
            honorifics: self.honorifics,
            titles,
            organisations: orgs,
            mentions,
        }
    }
}
