//! Text clean-up by general rules, applied to every document's main text:
//! whitespace, "Source: URL" lines, repeated paragraphs (duplicated photo
//! captions), and trailing site chrome (related-post blocks, share,
//! subscribe, comment and copyright lines).
//!
//! The units are paragraphs (blocks of lines between blank lines) and, for
//! text that puts one paragraph per line, the lines inside them. Nothing
//! here matches a particular site's strings: the footer rule is structural
//! (a heading from a family of related-content phrasings, followed only by
//! short title-like lines up to the end of the text), and a repeated
//! paragraph is recognised by being repeated.

use regex::Regex;
use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

/// The result of cleaning a document's text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    /// Paragraphs separated by one blank line; lines inside a paragraph kept.
    pub text: String,
    /// The URL of a "Source: …" (or "Originally published at …") line.
    pub original_source: Option<String>,
    /// What was removed, in order: source lines, repeated paragraphs, footer
    /// blocks and chrome lines.
    pub boilerplate: Vec<String>,
}

/// A line that names the original of a repost: `Source: URL`,
/// `Originally published at URL`, `Via: URL`, `This article first appeared
/// on URL`, `Read the original article: URL`.
static SOURCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^
        (?: source
          | original(?:ly)?(?:\s+(?:published|posted|appeared|article|story|post|source))?(?:\s+(?:at|on|by|in))?
          | via
          | read\s+the\s+(?:original|full)(?:\s+(?:article|story|post))?(?:\s+(?:at|on|here))?
          | (?:this|the)\s+(?:article|story|post|piece|report)\s+(?:was\s+)?(?:first\s+|originally\s+)?(?:appeared|published|posted)\s+(?:at|on|in|by)
        )
        \s*:?\s*<?(https?://[^\s<>]+?)>?[.)]?$",
    )
    .expect("source-line regex")
});

/// Headings of related-content blocks in site chrome: a family of phrasings
/// (an adjective like popular/related/recent + a noun like posts/articles/
/// stories, optionally "from this blog"; or "you may also like", "see
/// also", "more from …"), never one site's words.
static RELATED_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^
        (?: (?:the\s+)?(?:more\s+|most\s+)?
            (?:popular|related|recent|latest|trending|top|featured|recommended|suggested|similar|other|more|further|selected|best|editor'?s'?|readers'?)
            (?:\s+\S+){0,2}?
            \s+(?:posts?|articles?|stories|story|news|entries|reads?|reading|content|links|videos?|headlines|items|coverage|topics|pieces|features|picks|blogs?)
            (?:\s+(?:from|on|in|by|at|for|about)(?:\s+\S+){1,4})?
          | you\s+(?:may|might|could|should)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in|want\s+to\s+read|have\s+missed)(?:\s+\S+){0,2}
          | also\s+read | read\s+(?:also|next|more) | see\s+also | further\s+reading | don'?t\s+miss(?:\s+\S+){0,2}
          | more\s+(?:from|on|in|by)(?:\s+\S+){1,4} | more\s+like\s+this | keep\s+reading | what\s+to\s+read\s+next
          | most\s+(?:read|viewed|popular|shared|commented|emailed)(?:\s+\S+){0,2}
          | in\s+case\s+you\s+missed\s+it | recommended(?:\s+for\s+you)? | related | popular | trending(?:\s+now)?
        )
        \s*[:»›>|\-–—]*$",
    )
    .expect("related-heading regex")
});

/// Single chrome lines at the very end of a page: share/subscribe/follow
/// prompts, copyright, post metadata, comment counts, blog navigation.
static TRAILING_CHROME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            share(?:\s*:|\s+(?:this|on|via|the\s+article|article|story|post|to)\b).{0,80}
          | share
          | (?:please\s+)?subscribe\b.{0,100}
          | follow\s+(?:us|me)\b.{0,80}
          | sign\s+up\b.{0,100}
          | .{0,80}\ball\s+rights\s+reserved\b.{0,80}
          | (?:copyright|©|\(c\))\s*.{0,60}\b(?:19|20)\d{2}\b.{0,80}
          | posted\s+by\b.{0,80}
          | (?:labels?|tags?|categories|category|filed\s+under|topics?)\s*:.{0,200}
          | (?:no|\d+)\s+comments?(?:\s*:)?
          | comments?(?:\s*\(\d+\))?\s*:?
          | (?:leave|post|add|write)\s+a\s+(?:comment|reply)\b.{0,40}
          | advertisement
          | the\s+post\s+.{1,200}\s+appeared\s+first\s+on\s+.{1,100}
          | (?:read|see)\s+more\s*[:»›>.…]*
          | (?:back|return)\s+to\s+top
          | (?:newer|older)\s+posts?\b.{0,40}
        )$",
    )
    .expect("trailing-chrome regex")
});

/// A newsletter sign-up box flattened into the text ("Get all the latest
/// politics news Subscribe Thank you for subscribing We have more
/// newsletters Show me See our privacy notice Invalid Email"), often glued
/// to the article's first sentence.
static NEWSLETTER_BOX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:get\s+(?:all\s+)?the\s+latest\s+[\w\s]{0,40}?\s+)?subscribe\s+thank\s+you\s+for\s+subscribing\b.{0,200}?\binvalid\s+email",
    )
    .expect("newsletter-box regex")
});

/// A "Read more: <headline>" link glued into a paragraph: the headline
/// ends where the next sentence is glued on without a space
/// ("…show similar patternsFrench soldiers were …") or at the line's end.
static READ_MORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:Read more|READ MORE|Read also|Also read|See also|Related)\s*:\s+[^\n]*?(?:[a-z0-9?!.’”)](?:[A-Z“‘])|$)",
    )
    .expect("read-more regex")
});

/// A photo credit flattened into the text ("…over the centuries.image
/// copyright AFP image caption Villages cling to …"): the credit goes, the
/// caption after it stays (it is the page's text).
static IMAGE_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bimage\s+(?:copyright|source)\s+(?:\S+\s+){1,5}?image\s+caption\b")
        .expect("image-credit regex")
});

/// Advertisement slot markers flattened into the text ("…behind this.”ADADHe
/// also echoed …", "ADThe New York Police Department …"): "AD" glued
/// between the end of a sentence and the start of the next.
static AD_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|[.!?”\x22’])((?:AD)+)([“\x22‘]|[A-Z][a-z])").expect("ad-marker regex")
});

/// A newsletter promotion ("Every evening, our editors send out a selection
/// of … You can sign up to receive it directly here.").
static NEWSLETTER_PROMO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:[^.!?\n]{0,200}\b(?:editors?|team|we)\s+sends?\s+out\b[^.!?\n]{0,200}[.!?]\s*)?[^.!?\n]{0,80}\bsign\s+up\s+(?:to\s+receive|for\s+(?:our|the)\s+newsletter)\b[^.!?\n]{0,80}[.!?]",
    )
    .expect("newsletter-promo regex")
});

/// Names of sharing services on a flattened share bar.
const SHARE_SERVICES: &[&str] = &[
    "facebook",
    "twitter",
    "google+",
    "whatsapp",
    "tumblr",
    "linkedin",
    "reddit",
    "digg",
    "newsvine",
    "stumble",
    "stumbleupon",
    "permalink",
    "pinterest",
    "telegram",
    "flipboard",
    "pocket",
    "messenger",
    "vk",
    "xing",
];

/// Where a share bar flattened into a line starts ("Watch video 04:27 Share
/// … Send Facebook google+ Whatsapp Tumblr linkedin stumble Digg reddit
/// Newsvine Permalink https://…"): five service names within ten words;
/// the bar starts at a "Watch video" or "Share" up to twelve words before
/// the first name. Written by hand: a bar is a count of names in a window,
/// which no pattern states well. Prose naming five services in ten words
/// is rare enough to accept.
fn share_bar_start(line: &str) -> Option<usize> {
    let words: Vec<(usize, &str)> = line
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - line.as_ptr() as usize, w))
        .collect();
    let service = |w: &str| {
        let w = w.trim_matches(|c: char| matches!(c, ',' | '.' | '|' | ':' | ';' | '(' | ')'));
        SHARE_SERVICES.iter().any(|s| w.eq_ignore_ascii_case(s))
    };
    let first = (0..words.len()).find(|&i| {
        service(words[i].1)
            && words[i..(i + 10).min(words.len())]
                .iter()
                .filter(|w| service(w.1))
                .count()
                >= 5
    })?;
    let from = first.saturating_sub(12);
    let lead = (from..first).find(|&k| {
        words[k].1.eq_ignore_ascii_case("share")
            || (words[k].1.eq_ignore_ascii_case("watch")
                && words
                    .get(k + 1)
                    .is_some_and(|w| w.1.eq_ignore_ascii_case("video")))
    });
    Some(words[lead.unwrap_or(first)].0)
}

/// Words of a "social buttons" line (`Facebook Twitter Email Print`).
const SOCIAL: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "telegram",
    "linkedin",
    "email",
    "e",
    "mail",
    "print",
    "share",
    "tweet",
    "reddit",
    "pinterest",
    "copy",
    "link",
    "messenger",
    "vk",
    "pocket",
    "flipboard",
    "tumblr",
    "sms",
    "threads",
    "bluesky",
];

fn social_line(line: &str) -> bool {
    let mut any = false;
    for w in line.split(|c: char| !c.is_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        if !SOCIAL.iter().any(|s| w.eq_ignore_ascii_case(s)) {
            return false;
        }
        any = true;
    }
    any
}

/// Most lines a footer block may hold after its heading.
const MAX_FOOTER_LINES: usize = 24;

/// Whether a line ends like a sentence (`.`, possibly inside closing quotes
/// or brackets), not counting an ellipsis.
fn ends_with_period(line: &str) -> bool {
    let t = line.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
    t.ends_with('.') && !t.ends_with("...")
}

/// A short line that reads as a heading: no sentence punctuation at the end.
fn heading_like(line: &str) -> bool {
    let t = line.trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    line.chars().count() <= 80 && !t.ends_with(['.', '!', '?', ','])
}

/// A line that could be an entry in a list of post titles (or a date or a
/// "read more" under one): short, and not a sentence ending in a period.
fn title_like(line: &str) -> bool {
    line.chars().count() <= 160 && line.split_whitespace().count() <= 28 && !ends_with_period(line)
}

/// One line with its whitespace normalised: runs of whitespace and control
/// characters become one space, the ends are trimmed, BOMs go.
fn push_norm_line(out: &mut String, line: &str) {
    let mut pending = false;
    for c in line.chars() {
        if c.is_whitespace() || c.is_control() {
            pending = true;
        } else if c != '\u{feff}' {
            if pending && !out.is_empty() && !out.ends_with('\n') {
                out.push(' ');
            }
            pending = false;
            out.push(c);
        }
    }
}

/// Splits raw text into paragraphs of normalised, non-empty lines.
fn paragraphs(raw: &str) -> Vec<Vec<String>> {
    // Line breaks of every kind: CRLF, CR, NEL, LINE SEPARATOR; PARAGRAPH
    // SEPARATOR and form feed (a page break) end a paragraph.
    let raw: Cow<'_, str> = if raw.contains(['\r', '\u{85}', '\u{2028}', '\u{2029}', '\u{c}']) {
        Cow::Owned(
            raw.replace("\r\n", "\n")
                .replace(['\r', '\u{85}', '\u{2028}'], "\n")
                .replace(['\u{2029}', '\u{c}'], "\n\n"),
        )
    } else {
        Cow::Borrowed(raw)
    };
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    for line in raw.split('\n') {
        let mut l = String::with_capacity(line.len());
        push_norm_line(&mut l, line);
        if l.is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(l);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Cleans raw text (see the module docs).
pub fn clean(raw: &str) -> Cleaned {
    let mut out = Cleaned::default();
    let mut paras = paragraphs(raw);

    // Newsletter sign-up boxes and promotions, "Read more:" links and
    // share bars, wherever they sit in a line.
    for p in &mut paras {
        for line in p.iter_mut() {
            for re in [
                &*NEWSLETTER_BOX,
                &*NEWSLETTER_PROMO,
                &*READ_MORE,
                &*IMAGE_CREDIT,
            ] {
                while let Some(m) = re.find(line) {
                    // the glued capital that ended a headline stays
                    let end = if std::ptr::eq(re, &*READ_MORE) && m.end() < line.len() {
                        m.end()
                            - line[..m.end()]
                                .chars()
                                .next_back()
                                .map_or(0, char::len_utf8)
                    } else {
                        m.end()
                    };
                    out.boilerplate
                        .push(line[m.start()..end].trim().to_string());
                    let rest = format!(
                        "{} {}",
                        line[..m.start()].trim_end(),
                        line[end..].trim_start()
                    );
                    *line = rest.trim().to_string();
                }
            }
            if AD_MARKER.is_match(line) {
                out.boilerplate.push("AD".to_string());
                *line = AD_MARKER.replace_all(line, "$1 $3").trim().to_string();
            }
            // "[N.B. this is similar to another incident …]": a line
            // wholly in square brackets is an editor's or collector's note
            // on the report, not the report
            if line.len() > 2 && line.starts_with('[') && line.ends_with(']') {
                out.boilerplate.push(std::mem::take(line));
                continue;
            }
            if let Some(at) = share_bar_start(line) {
                out.boilerplate.push(line[at..].trim().to_string());
                line.truncate(at);
                *line = line.trim_end().to_string();
            }
        }
        p.retain(|line| !line.is_empty());
    }
    paras.retain(|p| !p.is_empty());

    // "Source: URL" lines anywhere: the last one names the original.
    for p in &mut paras {
        p.retain(|line| {
            if !line.contains("http") {
                return true;
            }
            match SOURCE_LINE.captures(line) {
                Some(c) => {
                    out.original_source = Some(c[1].to_string());
                    out.boilerplate.push(line.clone());
                    false
                }
                None => true,
            }
        });
    }
    paras.retain(|p| !p.is_empty());

    // Repeated paragraphs (a caption printed twice, a running header): keep
    // the first. A one-line paragraph counts from 12 characters; a line
    // inside a longer paragraph from 5 words, so repeated short table cells
    // or list items stay.
    let mut seen: HashSet<String> = HashSet::new();
    let mut unique: Vec<Vec<String>> = Vec::with_capacity(paras.len());
    for p in paras {
        if p.len() > 1 {
            let whole = p.join("\n");
            if whole.chars().count() >= 12 && !seen.insert(whole.clone()) {
                out.boilerplate.push(whole);
                continue;
            }
            let mut kept = Vec::with_capacity(p.len());
            for line in p {
                if line.split_whitespace().count() >= 5 && !seen.insert(line.clone()) {
                    out.boilerplate.push(line);
                } else {
                    kept.push(line);
                }
            }
            if !kept.is_empty() {
                unique.push(kept);
            }
        } else if p[0].chars().count() >= 12 && !seen.insert(p[0].clone()) {
            out.boilerplate.extend(p);
        } else {
            unique.push(p);
        }
    }

    cut_trailing_chrome(&mut unique, &mut out.boilerplate);

    let mut text = String::with_capacity(raw.len());
    for (i, p) in unique.iter().enumerate() {
        if i > 0 {
            text.push_str("\n\n");
        }
        for (j, line) in p.iter().enumerate() {
            if j > 0 {
                text.push('\n');
            }
            text.push_str(line);
        }
    }
    out.text = text;
    out
}

fn chrome_line(line: &str) -> bool {
    line.chars().count() <= 200 && (TRAILING_CHROME.is_match(line) || social_line(line))
}

/// Removes, from the end of the text, single chrome lines and related-content
/// blocks (a heading line followed only by title-like lines), until neither
/// is left. Always keeps the first line. Each round looks at no more than
/// the last [`MAX_FOOTER_LINES`] lines, so the whole is linear.
fn cut_trailing_chrome(paras: &mut Vec<Vec<String>>, removed: &mut Vec<String>) {
    let mut total: usize = paras.iter().map(Vec::len).sum();
    loop {
        let mut changed = false;
        // Single chrome lines.
        while total > 1 {
            let Some(p) = paras.last_mut() else { break };
            match p.last() {
                Some(last) if chrome_line(last) => {
                    if let Some(l) = p.pop() {
                        removed.push(l);
                    }
                    total -= 1;
                    changed = true;
                }
                Some(_) => break,
                None => {}
            }
            if p.is_empty() {
                paras.pop();
            }
        }
        // A related-content block: scan back over title-like lines for the
        // first (earliest) related heading among them.
        let mut heading = None;
        let mut seen = 0;
        'scan: for i in (0..paras.len()).rev() {
            for j in (0..paras[i].len()).rev() {
                seen += 1;
                if seen > MAX_FOOTER_LINES + 1 || (i == 0 && j == 0) {
                    break 'scan;
                }
                let line = &paras[i][j];
                if heading_like(line) && RELATED_HEADING.is_match(line) {
                    heading = Some((i, j));
                }
                if !title_like(line) {
                    break 'scan;
                }
            }
        }
        if let Some((i, j)) = heading {
            let tail: Vec<String> = paras[i].drain(j..).collect();
            total -= tail.len();
            removed.push(tail.join("\n"));
            for p in paras.drain(i + 1..) {
                total -= p.len();
                removed.push(p.join("\n"));
            }
            if paras[i].is_empty() {
                paras.remove(i);
            }
            changed = true;
        }
        if !changed {
            break;
        }
    }
}

/// Whether a line ends like a sentence: a period after a lower-case word
/// (`… was listed.`), not after an abbreviation or a capitalised name
/// (`… DELOS REYES JR.`, `Acme Ltd.`).
fn ends_like_sentence(line: &str) -> bool {
    if !ends_with_period(line) {
        return false;
    }
    let last = line
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    let lower = last.chars().any(char::is_lowercase);
    let upper = last.chars().any(char::is_uppercase);
    lower && (!upper || last.chars().count() > 3)
}

/// The first line when it reads as a headline: not too long, at least two
/// words with letters, not ending like a sentence, not a dateline.
pub fn title_line(text: &str) -> Option<&str> {
    let first = text.lines().next()?.trim();
    let words_with_letters = first
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    (first.chars().count() <= 200
        && words_with_letters >= 2
        && !ends_like_sentence(first)
        && !first.ends_with([',', ';', ':'])
        && !crate::dates::is_dateline(first))
    .then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newsletter_boxes_are_boilerplate_even_glued_to_a_sentence() {
        let raw = "Get all the latest politics news Subscribe Thank you for subscribing We have more newsletters Show me See our privacy notice Invalid EmailOne of the most senior officers has spoken.\n\nA second paragraph follows here.";
        let c = clean(raw);
        assert!(
            c.text.starts_with("One of the most senior officers"),
            "{}",
            c.text
        );
        assert!(c.boilerplate.iter().any(|b| b.ends_with("Invalid Email")));
        // an ordinary sentence about subscriptions stays
        let c = clean("Readers who subscribe get the paper daily. Thank you, they said.");
        assert!(c.text.contains("Readers who subscribe"));
    }

    #[test]
    fn read_more_links_promotions_and_share_bars_glued_into_text_go() {
        let raw = "Transport authorities closed two stations.Read more: Why lone attackers act alikeSoldiers were deployed.\n\nThe probe goes on.Every evening, our editors send out a selection of the news. You can sign up to receive it directly here.Watch video 04:27 Share Police face emergency Send Facebook google+ Whatsapp Tumblr linkedin stumble Digg reddit Newsvine Permalink https://example.com/p/1";
        let c = clean(raw);
        assert_eq!(
            c.text,
            "Transport authorities closed two stations. Soldiers were deployed.\n\nThe probe goes on."
        );
        assert!(c
            .boilerplate
            .iter()
            .any(|b| b == "Read more: Why lone attackers act alike"));
        assert!(c
            .boilerplate
            .iter()
            .any(|b| b.starts_with("Watch video 04:27 Share")));
        assert!(c
            .boilerplate
            .iter()
            .any(|b| b.contains("sign up to receive it")));
        let c = clean("Peoples settled over the centuries.image copyright AFP image caption Villages cling to slopes.");
        assert_eq!(
            c.text,
            "Peoples settled over the centuries. Villages cling to slopes."
        );
        let c = clean(
            "“We have work to do.”ADADHe also echoed it.ADThe police came. In AD 900 Rome fell.",
        );
        assert_eq!(
            c.text,
            "“We have work to do.” He also echoed it. The police came. In AD 900 Rome fell."
        );
        // prose naming a few services stays
        let prose = "The video spread on Facebook, Twitter and WhatsApp within hours.";
        assert_eq!(clean(prose).text, prose);
    }

    #[test]
    fn source_lines_name_the_original_and_leave_the_text() {
        for (line, url) in [
            (
                "Source: https://news.example/a/1.html",
                "https://news.example/a/1.html",
            ),
            (
                "Source:\u{a0}https://news.example/a/2.html",
                "https://news.example/a/2.html",
            ),
            (
                "Originally published at https://x.example/p?id=3.",
                "https://x.example/p?id=3",
            ),
            (
                "Originally published on https://q.example/",
                "https://q.example/",
            ),
            (
                "This article first appeared on <https://y.example/z>",
                "https://y.example/z",
            ),
            (
                "This story first appeared at https://w.example/s",
                "https://w.example/s",
            ),
            ("via: http://z.example", "http://z.example"),
            ("Via https://v.example/1", "https://v.example/1"),
        ] {
            let c = clean(&format!("Body text of the article.\n\n{line}\n"));
            assert_eq!(c.original_source.as_deref(), Some(url), "{line}");
            assert_eq!(c.text, "Body text of the article.");
            assert_eq!(c.boilerplate.len(), 1);
        }
        // Inside a paragraph written one line per sentence.
        let c = clean("First line.\nSource: https://a.example/x\nLast line.");
        assert_eq!(c.original_source.as_deref(), Some("https://a.example/x"));
        assert_eq!(c.text, "First line.\nLast line.");
        // A sentence that merely mentions a source or a URL is text.
        for s in [
            "The source: a senior official, who spoke on condition of anonymity.",
            "Source: https://a.example/x said the attack was planned for weeks.",
            "See https://a.example/x for the full list.",
        ] {
            let c = clean(s);
            assert_eq!(c.original_source, None, "{s}");
            assert_eq!(c.text, s);
        }
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
        // One paragraph per line: repeated lines go, short repeats stay.
        let c = clean(&format!(
            "Title\n{caption}\n{caption}\nYes\nYes\nThe end of the story."
        ));
        assert_eq!(
            c.text,
            format!("Title\n{caption}\nYes\nYes\nThe end of the story.")
        );
        // Short repeated paragraphs (list items, cells) stay.
        let c = clean("Killed: 2\n\nKilled: 2\n\nDone.");
        assert_eq!(c.text, "Killed: 2\n\nKilled: 2\n\nDone.");
    }

    const BODY: &str = "The long article paragraph ends here with a full sentence that is quite long and explains things in detail over several clauses, as articles do.\n\n“We will see,” the minister said.";

    #[test]
    fn related_content_footers_are_cut_structurally() {
        for heading in [
            "Popular posts from this blog",
            "Related Articles",
            "You may also like",
            "More stories from our partners",
            "Most Read",
            "Recent Posts:",
            "Latest news",
            "Trending now",
            "Read next",
            "Further reading",
            "More from the Asia desk",
        ] {
            for sep in ["\n\n", "\n"] {
                let raw = format!(
                    "{BODY}{sep}{heading}{sep}Ten ways to save money this winter{sep}March 3, 2021{sep}Why the election matters | Analysis{sep}Is this the end of the road?\n"
                );
                let c = clean(&raw);
                assert!(
                    c.text.ends_with("the minister said."),
                    "{heading}: {:?}",
                    c.text
                );
                assert!(c.boilerplate.join("\n").starts_with(heading), "{heading}");
            }
        }
    }

    #[test]
    fn article_text_after_a_heading_is_kept() {
        for raw in [
            // Real paragraphs follow the heading.
            "Intro.\n\nRelated\n\nThis paragraph is article text, not a list of post titles.",
            // A section heading that is not a related-content phrase.
            "Intro.\n\nRecent developments\n\nTalks resumed in Doha\n\nNo deal yet",
            // The heading is the whole text.
            "Related articles",
        ] {
            let c = clean(raw);
            assert_eq!(c.text, raw);
            assert!(c.boilerplate.is_empty(), "{raw}: {:?}", c.boilerplate);
        }
    }

    #[test]
    fn bracketed_notes_are_boilerplate() {
        let c = clean("[N.B. this is like another incident in Paktika]\n\nKABUL, Afghanistan (June 14, 2011)\nA force detained two insurgents [in Khost].");
        assert_eq!(
            c.text,
            "KABUL, Afghanistan (June 14, 2011)\nA force detained two insurgents [in Khost]."
        );
        assert_eq!(c.boilerplate.len(), 1);
        assert!(c.boilerplate[0].starts_with("[N.B."));
    }

    #[test]
    fn trailing_chrome_lines_go() {
        let c = clean(
            "Article body sentence.\n\nShare this: Facebook Twitter\n\nFacebook | Twitter | Email\n\n© 2021 Example Media. All rights reserved.\n\nLabels: Afghanistan, Taliban\n\n3 comments\n",
        );
        assert_eq!(c.text, "Article body sentence.");
        assert_eq!(c.boilerplate.len(), 5);
        // Interleaved with a related block.
        let c = clean(&format!(
            "{BODY}\n\nShare this\n\nRelated posts\n\nA title\n\nAnother title\n\nCopyright 2020 Blog"
        ));
        assert!(c.text.ends_with("the minister said."), "{}", c.text);
        // Sentences that start like chrome are text.
        for s in [
            "Body.\n\nShare prices fell 3% on the news.",
            "Body.\n\nCopyright law was not discussed.",
        ] {
            assert_eq!(clean(s).text, s);
        }
    }

    #[test]
    fn long_runs_of_chrome_are_cut_in_linear_time() {
        let mut raw = String::from("Body sentence.\n\n");
        for i in 0..100_000 {
            raw.push_str(if i % 2 == 0 {
                "Share this\n\n"
            } else {
                "3 comments\n"
            });
        }
        let started = std::time::Instant::now();
        let c = clean(&raw);
        assert!(c.text == "Body sentence.", "{} bytes left", c.text.len());
        assert!(started.elapsed().as_secs() < 10);
    }

    #[test]
    fn whitespace_is_normalised_and_lines_inside_paragraphs_kept() {
        let c = clean("  Title \t line  \r\n\r\n\r\nline one\n  line\u{a0}\u{a0}two  \n\n\n");
        assert_eq!(c.text, "Title line\n\nline one\nline two");
        let c = clean("a\u{2028}b\u{2029}c\u{c}d\re\u{feff}f\u{1}g");
        assert_eq!(c.text, "a\nb\n\nc\n\nd\nef g");
        assert_eq!(
            clean("Жители Кабула  говорят").text,
            "Жители Кабула говорят"
        );
    }

    #[test]
    fn title_lines() {
        assert_eq!(title_line("Title line\n\nBody."), Some("Title line"));
        assert_eq!(
            title_line("Forces Capture Leader in Logar\nISAF Joint Command"),
            Some("Forces Capture Leader in Logar")
        );
        assert_eq!(title_line("2013-01-S-025\n\nKABUL"), None);
        assert_eq!(
            title_line("KABUL, Afghanistan (Jan. 25, 2013)\nText."),
            None
        );
        assert_eq!(title_line("A sentence that ends like one.\nText."), None);
        assert_eq!(
            title_line("QDi.243 DELOS REYES JR.\nText."),
            Some("QDi.243 DELOS REYES JR.")
        );
    }
}
