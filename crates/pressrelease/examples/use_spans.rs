//! From record fields back to the input: every mention and span points at
//! the exact text it was read from, in bytes and, on request, in chars.
//!
//! ```text
//! cargo run -p pressrelease --example use_spans
//! ```

use pressrelease::{ExtractorBuilder, Span};

const INPUT: &str = "PRESS RELEASE\n\n\
Čapek Foundation and Œuvre Nordique Open a Reading Room 📚\n\n\
BRNO, Czechia, 14 April 2031 - The Čapek Foundation and Œuvre Nordique \
opened a reading room today. \"Reading is for everyone,\" said Dr. Zdeňka \
Horáková, Director of the Čapek Foundation.\n\n\
The room offers:\n\n\
- 4,000 books in six languages;\n\
- a quiet study corner.\n";

fn main() {
    let release = ExtractorBuilder::new()
        .char_offsets(true)
        .build()
        .extract(INPUT);
    let chars: Vec<char> = INPUT.chars().collect();

    // Slicing by chars gives the same text as slicing by bytes.
    let by_chars = |span: Span| -> String {
        match (span.char_start, span.char_end) {
            (Some(s), Some(e)) => chars[s..e].iter().collect(),
            _ => String::new(),
        }
    };

    if let Some(dateline) = &release.dateline {
        show("dateline", dateline.span, &by_chars);
    }
    for person in &release.people {
        for mention in &person.mentions {
            // A mention's text is verbatim: it equals INPUT[start..end].
            assert_eq!(mention.text, mention.span().text(INPUT));
            show(
                &format!("person {}", person.name),
                mention.span(),
                &by_chars,
            );
        }
    }
    for organisation in &release.organisations {
        for mention in &organisation.mentions {
            show(
                &format!("organisation {}", organisation.name),
                mention.span(),
                &by_chars,
            );
        }
    }
    for list in &release.lists {
        show("list", list.span, &by_chars);
    }
    for paragraph in &release.paragraphs {
        show("paragraph", paragraph.span, &by_chars);
    }
}

fn show(what: &str, span: Span, by_chars: &dyn Fn(Span) -> String) {
    let text = span.text(INPUT);
    assert_eq!(by_chars(span), text, "char offsets slice the same text");
    let short: String = text.chars().take(60).collect();
    println!(
        "{what:<40} bytes {:>4}..{:<4} chars {:>4}..{:<4} {short:?}",
        span.start,
        span.end,
        span.char_start.unwrap_or(0),
        span.char_end.unwrap_or(0),
    );
}
