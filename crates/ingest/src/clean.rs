//! Text clean-up by general rules: whitespace, "Source: URL" lines, repeated
//! paragraphs (duplicated photo captions), and trailing site chrome (related-
//! post blocks, share/copyright lines).
//!
//! The unit is the paragraph: a block of lines between blank lines. Nothing
//! here matches a particular site's strings; the footer rule is structural
//! (a related-content heading followed only by short title-like lines up to
//! the end of the text).

use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// The result of cleaning a document's text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    /// Paragraphs separated by one blank line; lines inside a paragraph kept.
    pub text: String,
    /// The URL of a "Source: …" (or "Originally published at …") line.
    pub original_source: Option<String>,
    /// Paragraphs removed, in order.
    pub boilerplate: Vec<String>,
}

static SOURCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:source|original(?:ly)?(?:\s+(?:published|posted|article))?(?:\s+(?:at|on|by|in))?|via|read\s+the\s+original(?:\s+article)?(?:\s+(?:at|on))?|this\s+(?:article|story|post)\s+(?:first\s+|originally\s+)?appeared\s+(?:at|on|in))\s*:?\s*<?(https?://[^\s<>]+?)>?[.)]?\s*$",
    )
    .expect("source-line regex")
});

/// Headings of related-content blocks in site chrome: a family of phrasings,
/// not one site's words.
static RELATED_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:the\s+)?most\s+(?:popular|read|viewed|shared|commented)|(?:more\s+)?popular(?:\s+\w+){0,4}|related(?:\s+\w+){0,3}|recent(?:\s+\w+){0,3}|latest(?:\s+\w+){0,3}|trending(?:\s+\w+){0,3}|top\s+(?:stories|posts|articles|news)|more\s+(?:from|stories|articles|posts|news|on)(?:\s+\w+){0,4}|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested)(?:\s+\w+){0,3}|read\s+(?:more|next|also)|also\s+read|see\s+also|further\s+reading|recommended(?:\s+\w+){0,3}|editor'?s?\s+picks?)\s*:?$",
    )
    .expect("related-heading regex")
});

/// Single chrome lines at the very end of a page.
static TRAILING_CHROME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:share\s+(?:this|on)\b.*|subscribe\b.*|follow\s+us\b.*|sign\s+up\b.*|.*\ball\s+rights\s+reserved\b.*|copyright\b.*|©.*|posted\s+by\b.*|labels?\s*:.*|tags?\s*:.*|\d*\s*comments?\b.{0,20}|leave\s+a\s+(?:comment|reply)\b.*|advertisement|print\s*\|?\s*email.*|email\s+this\b.*)$",
    )
    .expect("trailing-chrome regex")
});

/// A paragraph short enough, and on one line, to be a heading or a post
/// title in a footer list.
fn title_like(p: &str) -> bool {
    !p.contains('\n') && p.chars().count() <= 150
}

fn norm(p: &str) -> String {
    p.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cleans raw text (see the module docs).
pub fn clean(raw: &str) -> Cleaned {
    let mut out = Cleaned::default();
    // Paragraphs: trimmed lines grouped by blank lines.
    let mut paragraphs: Vec<String> = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for line in raw.lines() {
        let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if line.is_empty() {
            if !cur.is_empty() {
                paragraphs.push(cur.join("\n"));
                cur.clear();
            }
        } else {
            cur.push(line);
        }
    }
    if !cur.is_empty() {
        paragraphs.push(cur.join("\n"));
    }

    // "Source: URL" lines anywhere: the last one names the original.
    let mut kept: Vec<String> = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        if !p.contains('\n') {
            if let Some(c) = SOURCE_LINE.captures(&p) {
                out.original_source = Some(c[1].to_string());
                out.boilerplate.push(p);
                continue;
            }
        }
        kept.push(p);
    }

    // Repeated paragraphs (a caption printed twice): keep the first.
    let mut seen: HashSet<String> = HashSet::new();
    let mut unique: Vec<String> = Vec::with_capacity(kept.len());
    for p in kept {
        let key = norm(&p);
        if key.chars().count() >= 12 && !seen.insert(key) {
            out.boilerplate.push(p);
        } else {
            unique.push(p);
        }
    }

    // Trailing chrome: drop single chrome lines at the end, then a
    // related-content block (heading + only title-like lines to the end).
    loop {
        let mut changed = false;
        while let Some(last) = unique.last() {
            if title_like(last) && TRAILING_CHROME.is_match(last) && unique.len() > 1 {
                let p = unique.pop().unwrap_or_default();
                out.boilerplate.push(p);
                changed = true;
            } else {
                break;
            }
        }
        let run_start = unique
            .iter()
            .rposition(|p| !title_like(p))
            .map_or(0, |i| i + 1);
        if let Some(h) = (run_start..unique.len()).find(|&i| RELATED_HEADING.is_match(&unique[i])) {
            if h > 0 {
                let removed: Vec<String> = unique.drain(h..).collect();
                out.boilerplate.extend(removed);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }

    out.text = unique.join("\n\n");
    out
}

/// The first paragraph when it reads as a headline: one line, not too long,
/// at least two words with letters, not ending like a sentence.
pub fn title_line(text: &str) -> Option<&str> {
    let first = text.split("\n\n").next()?.trim();
    let words_with_letters = first
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    (!first.contains('\n')
        && first.chars().count() <= 200
        && words_with_letters >= 2
        && !first.ends_with('.'))
    .then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_lines_name_the_original_and_leave_the_text() {
        for (line, url) in [
            (
                "Source: https://news.example/a/1.html",
                "https://news.example/a/1.html",
            ),
            (
                "Originally published at https://x.example/p?id=3.",
                "https://x.example/p?id=3",
            ),
            (
                "This article first appeared on <https://y.example/z>",
                "https://y.example/z",
            ),
            ("via: http://z.example", "http://z.example"),
        ] {
            let c = clean(&format!("Body text of the article.\n\n{line}\n"));
            assert_eq!(c.original_source.as_deref(), Some(url), "{line}");
            assert_eq!(c.text, "Body text of the article.");
        }
        // A sentence that merely mentions a source is text.
        let c = clean("The source: a senior official, who spoke on condition of anonymity.");
        assert_eq!(c.original_source, None);
    }

    #[test]
    fn repeated_captions_keep_their_first_copy() {
        let caption = "Rescue workers search the rubble of a market in the city. (file photo)";
        let raw = format!(
            "First paragraph here.\n\n{caption}\n\n{caption}\n\nSecond paragraph.\n\n{caption}\n"
        );
        let c = clean(&raw);
        assert_eq!(c.text.matches(caption).count(), 1);
        assert_eq!(c.boilerplate.len(), 2);
        assert!(c.text.ends_with("Second paragraph."));
    }

    #[test]
    fn related_content_footers_are_cut_structurally() {
        for heading in [
            "Popular posts from this blog",
            "Related Articles",
            "You may also like",
            "More stories from our partners",
            "Most Read",
            "Recent Posts:",
        ] {
            let raw = format!(
                "The long article paragraph ends here with a full sentence that is quite long and explains things in detail over several clauses, as articles do.\n\n\
                 “We will see,” the minister said.\n\n{heading}\n\nTen ways to save money this winter\n\nWhy the election matters | Analysis\n"
            );
            let c = clean(&raw);
            assert!(
                c.text.ends_with("the minister said."),
                "{heading}: {:?}",
                c.text
            );
            assert_eq!(c.boilerplate.len(), 3, "{heading}");
        }
    }

    #[test]
    fn a_related_heading_followed_by_a_real_paragraph_is_kept() {
        let raw = "Intro.\n\nRelated\n\nThis paragraph is long enough to be article text rather than a list of post titles, because it goes on and on with clauses and detail about the events of the day.";
        let c = clean(raw);
        assert!(c.text.contains("Related"));
        assert!(c.boilerplate.is_empty());
    }

    #[test]
    fn trailing_share_and_copyright_lines_go() {
        let c = clean("Article body sentence.\n\nShare this: Facebook Twitter\n\n© 2021 Example Media. All rights reserved.\n");
        assert_eq!(c.text, "Article body sentence.");
        assert_eq!(c.boilerplate.len(), 2);
    }

    #[test]
    fn whitespace_is_normalised_and_lines_inside_paragraphs_kept() {
        let c = clean("  Title line  \r\n\r\n\r\nline one\n  line two  \n\n\n");
        assert_eq!(c.text, "Title line\n\nline one\nline two");
        assert_eq!(title_line(&c.text), Some("Title line"));
        assert_eq!(title_line("2013-01-S-025\n\nKABUL"), None);
    }
}
