//! Tokens, sentences and name folding: the layer every extractor reads text through.
//!
//! Everything here works on byte spans into the original `&str`, so a span can
//! always be cut back out of the document (`&text[span]`) and every span lies
//! on `char` boundaries. ASCII takes a fast path; other scripts go through
//! `char` decoding.
//!
//! - [`tokenize`]: words (with internal hyphens and apostrophes, `al-Qaeda`,
//!   `Abd-al-Ra'uf`), abbreviations (`U.S.`, `Mr.`, `No.` before a number),
//!   numbers (`3,000`, `19th`, `9/11`), possessives split off (`Taliban’s` →
//!   `Taliban` + `’s`), punctuation.
//! - [`sentences`]: sentence spans, aware of abbreviations, initials, quotes
//!   closing after the period, lines without final punctuation (headlines)
//!   and sentences glued without a space (`line.Tsarnaev`).
//! - [`fold`]: exactly the scorer's folding; [`fold_token_into`]: the cheaper
//!   per-token folding the lexicon matches on.

use std::ops::Range;
use unicode_normalization::char::{canonical_combining_class, decompose_compatible};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (and digits), with internal hyphens and apostrophes.
    Word,
    /// A word that keeps its final period: `U.S.`, `Mr.`, `Jan.`, `W.`, `No.`.
    Abbrev,
    /// Starts with a digit: `2020`, `3,000`, `19th`, `1980s`, `9/11`.
    Number,
    /// The `’s` / `'s` split off a word.
    Possessive,
    /// Anything else, one character (or a run of `.` or `-`).
    Punct,
}

/// A token: a kind and a byte span into the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }

    /// A word, abbreviation or number: something a name can be made of.
    pub fn is_wordlike(&self) -> bool {
        matches!(
            self.kind,
            TokenKind::Word | TokenKind::Abbrev | TokenKind::Number
        )
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}'
    )
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
            || canonical_combining_class(c) != 0
            || matches!(c, '\u{02BE}' | '\u{02BF}')
    }
}

#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text.get(i..).and_then(|s| s.chars().next())
    }
}

/// Abbreviations that keep their period (lower case, without the period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "pfc",
    "adm", "cmdr", "cdr", "brig", "sen", "rep", "gov", "prof", "rev", "st", "jr", "sr", "inc",
    "ltd", "co", "corp", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "approx", "dept", "est", "mt", "ft", "pres", "hon", "messrs",
    "gov't", "univ", "assn", "bros", "spc", "sfc", "ssg", "msgt", "cpo", "amb", "lieut", "supt",
];

/// Abbreviations that (almost) never end a sentence: titles, months, "No.".
const NON_FINAL_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "pfc",
    "adm", "cmdr", "cdr", "brig", "sen", "rep", "gov", "prof", "rev", "st", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "mt", "ft", "pres",
    "hon", "messrs", "e.g", "i.e", "vs", "spc", "sfc", "ssg", "msgt", "cpo", "amb", "lieut",
    "supt", "approx",
];

const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

fn eq_ignore_case_any(word: &str, list: &[&str]) -> bool {
    word.len() <= 8 && list.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Split `text` into tokens. Whitespace is dropped; spans never overlap and
/// come in text order.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, &mut out);
    out
}

/// [`tokenize`] into a reused buffer (cleared first).
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        // whitespace
        if b == b' ' || b == b'\n' || b == b'\t' || b == b'\r' {
            i += 1;
            continue;
        }
        let c = match char_at(text, i) {
            Some(c) => c,
            None => break,
        };
        let clen = c.len_utf8();
        if c.is_whitespace() {
            i += clen;
            continue;
        }
        if c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric()) {
            let end = scan_number(text, i);
            out.push(Token {
                kind: TokenKind::Number,
                start: i,
                end,
            });
            i = end;
            continue;
        }
        if is_word_char(c) {
            let (end, kind) = scan_word(text, i);
            out.push(Token {
                kind,
                start: i,
                end,
            });
            i = end;
            continue;
        }
        // possessive right after a word: ’s / 's
        if is_apostrophe(c) {
            if let Some(prev) = out.last() {
                if prev.end == i && prev.kind == TokenKind::Word {
                    let j = i + clen;
                    if matches!(char_at(text, j), Some('s' | 'S'))
                        && !char_at(text, j + 1).is_some_and(is_word_char)
                    {
                        out.push(Token {
                            kind: TokenKind::Possessive,
                            start: i,
                            end: j + 1,
                        });
                        i = j + 1;
                        continue;
                    }
                }
            }
        }
        if let Some(end) = ayn_word_end(text, out, i) {
            out.push(Token {
                kind: TokenKind::Word,
                start: i,
                end,
            });
            i = end;
            continue;
        }
        // punctuation; runs of '.' or '-' are one token
        let mut end = i + clen;
        if c == '.' || c == '-' {
            while end < n && bytes[end] == b {
                end += 1;
            }
        }
        out.push(Token {
            kind: TokenKind::Punct,
            start: i,
            end,
        });
        i = end;
    }
}

/// The end of a word that an ayn written as an opening quote begins at
/// `i` ("Nad ‘Ali", "Musa ‘Ali"): the quote is part of the word when a
/// capitalised word stands right before it, a capital follows it and no
/// closing quote ends the phrase on its line (‘Fine’ is a quotation).
fn ayn_word_end(text: &str, out: &[Token], i: usize) -> Option<usize> {
    let j = i + '\u{2018}'.len_utf8();
    if char_at(text, i) != Some('\u{2018}') || !char_at(text, j).is_some_and(char::is_uppercase) {
        return None;
    }
    let after_name = out.last().is_some_and(|p| {
        p.kind == TokenKind::Word
            && p.end < i
            && text[p.end..i].chars().all(|x| x == ' ')
            && text[p.start..p.end].starts_with(char::is_uppercase)
    });
    if !after_name {
        return None;
    }
    let (end, kind) = scan_word(text, j);
    // a closing quote further on: a word-final ’ followed by no letter
    // ("‘The best’ said"), up to the end of the sentence or line
    let line: String = text[j..]
        .chars()
        .take_while(|c| !matches!(c, '\n' | '\u{2018}' | '\u{201C}' | '.' | '!' | '?'))
        .take(300)
        .collect();
    let closes = line.char_indices().any(|(k, x)| {
        x == '\u{2019}'
            && line[..k]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
            && !line[k + x.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
    });
    (!closes && kind == TokenKind::Word).then_some(end)
}

fn scan_number(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = start;
    let digit_at = |k: usize| k < n && bytes[k].is_ascii_digit();
    loop {
        match char_at(text, i) {
            Some(c) if c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric()) => i += c.len_utf8(),
            _ => break,
        }
    }
    loop {
        let joins = i < n
            && digit_at(i + 1)
            && (matches!(bytes[i], b',' | b'.' | b':') || (bytes[i] == b'/' && i - start <= 4));
        if joins {
            i += 1;
            while digit_at(i) {
                i += 1;
            }
        } else {
            break;
        }
    }
    // attached letters: 19th, 1980s, 5km; not a capitalised word glued to
    // the number ("January 2013Tsarnaev, then 19, ...")
    let glued_word = char_at(text, i).is_some_and(char::is_uppercase)
        && text[i..].chars().nth(1).is_some_and(char::is_lowercase);
    while let Some(c) = char_at(text, i) {
        if c.is_alphabetic() && !glued_word {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

fn scan_word(text: &str, start: usize) -> (usize, TokenKind) {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut nchars = 0usize;
    // lower-case letters just before the current position: "motiveEarly",
    // "AttackA", "responseNeither" are two texts glued without a space (a
    // headline or a paragraph run into the next one), while "McWatters",
    // "MacArthur", "YouTube" have at most two lower-case letters before
    // their inner capital
    let mut lower_run = 0usize;
    loop {
        // a run of word characters
        while let Some(c) = char_at(text, i) {
            if is_word_char(c) {
                if c.is_uppercase() && lower_run >= 3 {
                    return (i, TokenKind::Word);
                }
                lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
                i += c.len_utf8();
                nchars += 1;
            } else {
                break;
            }
        }
        let Some(c) = char_at(text, i) else {
            return (i, TokenKind::Word);
        };
        let clen = c.len_utf8();
        lower_run = 0;
        if is_hyphen(c) && char_at(text, i + clen).is_some_and(is_word_char) {
            i += clen;
            nchars += 1;
            continue;
        }
        if is_apostrophe(c) {
            if let Some(next) = char_at(text, i + clen) {
                if is_word_char(next) {
                    // 's + non-letter is a possessive, not part of the word
                    let after = char_at(text, i + clen + next.len_utf8());
                    if matches!(next, 's' | 'S') && !after.is_some_and(is_word_char) {
                        return (i, TokenKind::Word);
                    }
                    i += clen;
                    nchars += 1;
                    continue;
                }
            }
            return (i, TokenKind::Word);
        }
        if c == '.' {
            let word = &text[start..i];
            // initials chain: U.S., U.N., e.g., W.
            if nchars == 1 {
                let mut k = i; // at '.'
                while k + 2 < bytes.len()
                    && char_at(text, k + 1).is_some_and(|c| c.is_alphabetic() && c.is_ascii())
                    && bytes[k + 2] == b'.'
                {
                    k += 2;
                }
                let upper = word.chars().next().is_some_and(char::is_uppercase);
                if k > i || upper {
                    return (k + 1, TokenKind::Abbrev);
                }
                return (i, TokenKind::Word);
            }
            if eq_ignore_case_any(word, ABBREVIATIONS) {
                return (i + 1, TokenKind::Abbrev);
            }
            // "No. 2", "no. 7": number abbreviation only before a number
            if word.eq_ignore_ascii_case("no") {
                let rest = &bytes[i + 1..];
                let sp = rest.iter().take_while(|b| **b == b' ').count();
                if sp <= 1 && rest.get(sp).is_some_and(u8::is_ascii_digit) {
                    return (i + 1, TokenKind::Abbrev);
                }
            }
        }
        return (i, TokenKind::Word);
    }
}

// ------------------------------------------------------------ sentences

/// Words that start sentences after an ambiguous abbreviation ("... the U.S. The ...").
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "In",
    "On",
    "At",
    "But",
    "And",
    "However",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Its",
    "Their",
    "There",
    "According",
    "After",
    "Before",
    "When",
    "While",
    "As",
    "Since",
    "Meanwhile",
    "Also",
    "Some",
    "Many",
    "Most",
    "Officials",
    "Yet",
    "So",
    "If",
    "For",
    "One",
    "Two",
    "No",
    "Now",
    "Then",
    "Still",
    "Such",
    "Under",
    "During",
    "Last",
    "Earlier",
    "Later",
    "Today",
    "Our",
    "Its",
    "What",
    "Why",
    "How",
];

fn starts_upper_or_digit(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn is_opening_quote(s: &str) -> bool {
    matches!(
        s,
        "\"" | "\u{201C}" | "\u{2018}" | "'" | "(" | "[" | "\u{00AB}"
    )
}

fn is_closer(s: &str) -> bool {
    matches!(
        s,
        "\"" | "\u{201D}" | "\u{2019}" | "'" | ")" | "]" | "\u{00BB}"
    )
}

fn is_terminal(s: &str) -> bool {
    s == "!" || s == "?" || s == "\u{2026}" || (!s.is_empty() && s.bytes().all(|b| b == b'.'))
}

/// Sentence spans of `text` (trimmed, non-empty, in order).
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    sentences_from_tokens(text, &tokenize(text))
}

/// Sentence spans from tokens already computed for `text`.
pub fn sentences_from_tokens(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if tokens.is_empty() {
        return out;
    }
    // straight double quotes seen before each token in its paragraph: an
    // even count means a '"' glued between a period and a capital opens
    // the next quote ('… a car bomb."We asked …') rather than closing one
    let mut dq_before = Vec::with_capacity(tokens.len());
    let mut dq = 0usize;
    for (k, t) in tokens.iter().enumerate() {
        if k > 0 && gap_has_newline(text, tokens[k - 1].end, t.start) {
            dq = 0;
        }
        dq_before.push(dq);
        if t.text(text) == "\"" {
            dq += 1;
        }
    }
    let mut first = 0usize;
    let mut i = 0usize;
    while i < tokens.len() {
        let t = tokens[i];
        let s = t.text(text);
        let mut last = i; // last token of the sentence if it ends here
        let mut boundary = false;
        if t.kind == TokenKind::Punct && is_terminal(s) {
            // closing quotes and brackets right after the period stay with it
            let mut j = i + 1;
            while j < tokens.len()
                && tokens[j].kind == TokenKind::Punct
                && is_closer(tokens[j].text(text))
                && (tokens[j].start == tokens[j - 1].end)
                && !(tokens[j].text(text) == "\""
                    && dq_before[j] % 2 == 0
                    && tokens.get(j + 1).is_some_and(|n| {
                        n.start == tokens[j].end && starts_upper_or_digit(n.text(text))
                    }))
            {
                j += 1;
            }
            last = j - 1;
            boundary = match tokens.get(j) {
                None => true,
                Some(next) => {
                    let ns = next.text(text);
                    let opens_quote = ns == "\""
                        && dq_before[j] % 2 == 0
                        && tokens.get(j + 1).is_some_and(|n| {
                            n.start == next.end && starts_upper_or_digit(n.text(text))
                        });
                    // ("QDe.092": a period glued to the number after it
                    // ends no sentence)
                    // (not "house arrest.1 of 46": a sentence's last word
                    // is lower case; a reference code is not)
                    let glued = next.start == tokens[last].end
                        && next.kind == TokenKind::Number
                        && i > 0
                        && tokens[i - 1].end == t.start
                        && tokens[i - 1]
                            .text(text)
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase);
                    (starts_upper_or_digit(ns) && !glued)
                        || opens_quote
                        || ns == "="
                        || (is_opening_quote(ns) && next.start > tokens[last].end)
                        || gap_has_newline(text, tokens[last].end, next.start)
                }
            };
        } else if t.kind == TokenKind::Abbrev {
            if let Some(next) = tokens.get(i + 1) {
                let stem = s.trim_end_matches('.');
                let non_final = eq_ignore_case_any(stem, NON_FINAL_ABBREVIATIONS)
                    || (stem.chars().count() == 1);
                let ns = next.text(text);
                // "Wali Jan. Two shootings …": a month abbreviation with no
                // day after it is a name ending a sentence ("Jan", "Mar"
                // are common Afghan and Pashtun names)
                let month_without_day = eq_ignore_case_any(stem, MONTH_ABBREVIATIONS)
                    && next.kind != TokenKind::Number
                    && starts_upper_or_digit(ns)
                    && i > 0
                    && tokens[i - 1].kind == TokenKind::Word
                    && tokens[i - 1].text(text).starts_with(char::is_uppercase);
                boundary = (month_without_day && next.start > t.end)
                    || (!non_final
                        && next.start > t.end
                        && (SENTENCE_STARTERS.contains(&ns) || is_opening_quote(ns) && ns != "("));
            }
        }
        if !boundary
            && tokens.get(i + 1).is_some_and(|n| {
                n.text(text) == "*" && (n.start == t.end || gap_has_newline(text, t.end, n.start))
            })
        {
            // a wiki list ("…, US Bomb*2015-12-21, Special Agent …"): a
            // bullet glued to the text (or opening a line) starts an item
            boundary = true;
        }
        if !boundary && s == "=" && i > 0 && tokens[i - 1].text(text) == "=" {
            // a wiki heading ("==Aftermath==") glued to the sentences around
            // it: the end of a run of "=" ends a sentence
            boundary = tokens.get(i + 1).is_none_or(|n| n.text(text) != "=");
        }
        if !boundary {
            // two texts glued without a space ("...Shrine AttackA Bangkok
            // court", "January 2013Tsarnaev"): the tokenizer split them at
            // the capital, and the capital starts a new sentence
            if let Some(next) = tokens.get(i + 1) {
                let ends_low_or_digit = s
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
                boundary = next.start == t.end
                    && matches!(t.kind, TokenKind::Word | TokenKind::Number)
                    && matches!(next.kind, TokenKind::Word | TokenKind::Abbrev)
                    && ends_low_or_digit
                    && starts_upper_or_digit(next.text(text));
            }
        }
        if !boundary {
            // line breaks: a blank line always ends a sentence; a single line
            // break does unless the next line continues in lower case
            if let Some(next) = tokens.get(i + 1) {
                let nl = count_newlines(text, t.end, next.start);
                if nl >= 2 {
                    boundary = true;
                } else if nl == 1 {
                    let ns = next.text(text);
                    let continues = ns.chars().next().is_some_and(char::is_lowercase)
                        || matches!(s, "," | "-" | "(" | ":" | ";" | "\u{2013}")
                        || t.kind == TokenKind::Abbrev && s.len() <= 4 && s != "U.S.";
                    boundary = !continues;
                }
            }
        }
        if boundary {
            out.push(tokens[first].start..tokens[last].end);
            first = last + 1;
            i = last + 1;
        } else {
            i += 1;
        }
    }
    if first < tokens.len() {
        out.push(tokens[first].start..tokens[tokens.len() - 1].end);
    }
    out
}

fn count_newlines(text: &str, a: usize, b: usize) -> usize {
    text.as_bytes()
        .get(a..b)
        .map_or(0, |g| g.iter().filter(|&&c| c == b'\n').count())
}

fn gap_has_newline(text: &str, a: usize, b: usize) -> bool {
    count_newlines(text, a, b) > 0
}

// ------------------------------------------------------------ folding

fn is_fold_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BF}' | '\u{02BE}' | '`' | '\u{00B4}'
    )
}

/// The scorer's folding: NFKD, drop diacritics, lower case, drop apostrophes
/// (`'’‘ʿʾ`´`), hyphens, dashes and dots to spaces, other punctuation to
/// spaces, collapse spaces, drop a leading "the".
///
/// ```
/// use untangle_extract::text::fold;
/// assert_eq!(fold("Abd-al-Ra'uf"), "abd al rauf");
/// assert_eq!(fold("The  Taliban"), "taliban");
/// assert_eq!(fold("Hérat"), "herat");
/// ```
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let push = |c: char, out: &mut String| {
        if canonical_combining_class(c) != 0 {
            return;
        }
        for l in c.to_lowercase() {
            if is_fold_apostrophe(l) {
                continue;
            }
            let sep = l == '.' || l == '-' || ('\u{2010}'..='\u{2015}').contains(&l);
            if sep || l.is_whitespace() || !(l.is_alphanumeric() || l == '_') {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            } else {
                out.push(l);
            }
        }
    };
    for c in s.chars() {
        if c.is_ascii() {
            push(c, &mut out);
        } else {
            decompose_compatible(c, |d| push(d, &mut out));
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    if let Some(rest) = out.strip_prefix("the ") {
        return rest.to_string();
    }
    if out == "the" {
        return String::new();
    }
    out
}

/// Per-token folding for matching, appended to `out`: lower case, diacritics
/// and apostrophes dropped, dotted initials joined (`U.S.` → `us`), a final
/// abbreviation period dropped (`Gen.` → `gen`), hyphens to spaces
/// (`al-Qaeda` → `al qaeda`), other characters kept. ASCII is a fast path.
pub fn fold_token_into(token: &str, out: &mut String) {
    let dotted = token.len() >= 2 && token.ends_with('.');
    if token.is_ascii() {
        for b in token.bytes() {
            match b {
                b'A'..=b'Z' => out.push((b + 32) as char),
                b'\'' | b'`' => {}
                b'.' if dotted => {}
                b'-' | b'.' => {
                    if !out.is_empty() && !out.ends_with(' ') {
                        out.push(' ');
                    }
                }
                _ => out.push(b as char),
            }
        }
        return;
    }
    for c in token.chars() {
        decompose_compatible(c, |d| {
            if canonical_combining_class(d) != 0 {
                return;
            }
            for l in d.to_lowercase() {
                if is_fold_apostrophe(l) || (dotted && l == '.') {
                    continue;
                }
                if l == '.' || is_hyphen(l) || l.is_whitespace() {
                    if !out.is_empty() && !out.ends_with(' ') {
                        out.push(' ');
                    }
                } else {
                    out.push(l);
                }
            }
        });
    }
}

/// [`fold_token_into`] into a new string.
pub fn fold_token(token: &str) -> String {
    let mut s = String::with_capacity(token.len());
    fold_token_into(token, &mut s);
    s
}

/// Compass points as bearings ("north of Bala Deh", "20 km south of
/// Kandahar").
pub const COMPASS_POINTS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// Compass adjectives before a place name ("in northern Iraq", "the
/// southern city of Kandahar"): they leave the name a place.
pub const COMPASS_ADJECTIVES: &[&str] = &[
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
];

/// Skips a dateline opening the sentence ("KABUL, Afghanistan (Jan. 25,
/// 2013) — ..."): its place and date are the report's, not an actor's.
pub fn after_dateline(text: &str, toks: &[Token], range: Range<usize>) -> Range<usize> {
    let lim = (range.start + 25).min(range.end);
    let caps = |k: usize| {
        let w = toks[k].text(text);
        toks[k].kind == TokenKind::Word
            && w.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && w.chars().all(|c| !c.is_lowercase())
    };
    let Some(c) = (range.start..lim)
        .find(|&k| caps(k) && toks.get(k + 1).is_some_and(|t| t.text(text) == ","))
    else {
        return range;
    };
    for k in c + 2..lim {
        if toks[k].text(text) == ")" {
            let dash = toks
                .get(k + 1)
                .is_some_and(|t| matches!(t.text(text), "-" | "--" | "–" | "—" | ":"));
            if dash {
                return (k + 2).min(range.end)..range.end;
            }
            // "KABUL, Afghanistan (April 25, 2011) A combined Afghan and
            // coalition force …": a dated bracket the story runs on from
            let dated =
                (c + 2..k).any(|j| toks[j].text(text).chars().any(|ch| ch.is_ascii_digit()));
            let story = toks.get(k + 1).is_some_and(|t| {
                t.kind == TokenKind::Word && t.text(text).starts_with(char::is_uppercase)
            });
            if dated && story {
                return (k + 1).min(range.end)..range.end;
            }
        }
    }
    range
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text)
            .into_iter()
            .map(|t| (t.text(text), t.kind))
            .collect()
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| t.text(text)).collect()
    }

    fn sents(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn an_ayn_opens_a_name_word_and_a_long_line_is_read_by_characters() {
        assert_eq!(
            words("in Nad \u{2018}Ali district"),
            vec!["in", "Nad", "\u{2018}Ali", "district"]
        );
        assert_eq!(
            words("Reuters \u{2018}The best\u{2019} man"),
            vec!["Reuters", "\u{2018}", "The", "best", "\u{2019}", "man"]
        );
        // the look-ahead for a closing quote stops on a character, not a byte
        let long = format!("Nad \u{2018}Ali {}", "\u{e9}".repeat(400));
        assert_eq!(words(&long)[1], "\u{2018}Ali");
    }

    #[test]
    fn tokens_keep_names_and_abbreviations_whole() {
        use TokenKind::*;
        assert_eq!(
            toks("U.S. and U.N. envoys met the No. 2 of al-Qaeda."),
            vec![
                ("U.S.", Abbrev),
                ("and", Word),
                ("U.N.", Abbrev),
                ("envoys", Word),
                ("met", Word),
                ("the", Word),
                ("No.", Abbrev),
                ("2", Number),
                ("of", Word),
                ("al-Qaeda", Word),
                (".", Punct),
            ]
        );
        assert_eq!(
            words("Saif Abd-al-Ra'uf’s men, Karim’s"),
            vec!["Saif", "Abd-al-Ra'uf", "’s", "men", ",", "Karim", "’s"]
        );
        assert_eq!(
            words("“We won’t go,” he said. ‘Fine’"),
            vec!["“", "We", "won’t", "go", ",", "”", "he", "said", ".", "‘", "Fine", "’"]
        );
        assert_eq!(
            words("3,000 people in the 1980s, 19th of 9/11 at 10:30 and 2.5km"),
            vec![
                "3,000", "people", "in", "the", "1980s", ",", "19th", "of", "9/11", "at", "10:30",
                "and", "2.5km"
            ]
        );
        assert_eq!(
            words("he said no. Then"),
            vec!["he", "said", "no", ".", "Then"]
        );
        assert_eq!(
            words("Lt. Gen. John W. Smith"),
            vec!["Lt.", "Gen.", "John", "W.", "Smith"]
        );
        assert_eq!(words("line.Tsarnaev"), vec!["line", ".", "Tsarnaev"]);
        // texts glued without a space split at the capital; inner capitals
        // of names stay
        assert_eq!(
            words("Rebels Storm TownA militia took McWatters to MacArthur Park"),
            vec![
                "Rebels",
                "Storm",
                "Town",
                "A",
                "militia",
                "took",
                "McWatters",
                "to",
                "MacArthur",
                "Park"
            ]
        );
        assert_eq!(
            words("March 2013Ahmed left"),
            vec!["March", "2013", "Ahmed", "left"]
        );
        assert_eq!(
            words("the inquiryU.S. envoys"),
            vec!["the", "inquiry", "U.S.", "envoys"]
        );
        assert_eq!(
            words("Hérat — Kabul--Doha"),
            vec!["Hérat", "—", "Kabul", "--", "Doha"]
        );
    }

    #[test]
    fn sentences_respect_abbreviations_quotes_and_lines() {
        assert_eq!(
            sents("Mr. Smith met Gen. Jones on Jan. 5. They talked."),
            vec!["Mr. Smith met Gen. Jones on Jan. 5.", "They talked."]
        );
        assert_eq!(
            sents("He left the U.S. The group stayed in the U.S. embassy."),
            vec!["He left the U.S.", "The group stayed in the U.S. embassy."]
        );
        assert_eq!(
            sents("“It is over,” she said. “We go.” Then silence."),
            vec!["“It is over,” she said.", "“We go.”", "Then silence."]
        );
        assert_eq!(
            sents("A Headline Without Stop\n\nThe body starts here. It ends."),
            vec![
                "A Headline Without Stop",
                "The body starts here.",
                "It ends."
            ]
        );
        assert_eq!(
            sents("Court Frees Two Rebel ChiefsA court in Goma freed two men.Pending appealsThe judge said no."),
            vec![
                "Court Frees Two Rebel Chiefs",
                "A court in Goma freed two men.",
                "Pending appeals",
                "The judge said no."
            ]
        );
        assert_eq!(
            sents("Timeline of the siegeMarch 2013Ahmed buys a rifle."),
            vec!["Timeline of the siege", "March 2013", "Ahmed buys a rifle."]
        );
        assert_eq!(
            sents("crossed the finish line.Tsarnaev was seen"),
            vec!["crossed the finish line.", "Tsarnaev was seen"]
        );
        assert_eq!(
            sents("KABUL, Afghanistan (Jan. 25, 2013)\nDuring an operation, forces left."),
            vec![
                "KABUL, Afghanistan (Jan. 25, 2013)",
                "During an operation, forces left."
            ]
        );
        assert_eq!(
            sents("a line wrapped under the\nregime continues. Next one!"),
            vec!["a line wrapped under the\nregime continues.", "Next one!"]
        );
        assert_eq!(
            sents("George W. Bush spoke. Why? Because."),
            vec!["George W. Bush spoke.", "Why?", "Because."]
        );
        // straight quotes glued between sentences: an even count before
        // one means it opens the next quote
        assert_eq!(
            sents("he said.\"We left,\" she said.\"It was late.\"Then silence."),
            vec![
                "he said.",
                "\"We left,\" she said.",
                "\"It was late.\"",
                "Then silence."
            ]
        );
        // a name ending in "Jan." ends the sentence; "Jan. 5" is a date
        assert_eq!(
            sents("He met Wali Jan. Two men left on Jan. 5 with him."),
            vec!["He met Wali Jan.", "Two men left on Jan. 5 with him."]
        );
        // wiki headings glued to the text around them
        assert_eq!(
            sents("He was hurt.==Aftermath==Police came."),
            vec!["He was hurt.", "==", "Aftermath==", "Police came."]
        );
    }

    #[test]
    fn fold_matches_the_scorer() {
        for (a, b) in [
            ("Al-Qaeda", "al qaeda"),
            ("al qaeda", "al qaeda"),
            ("Abd-al-Ra'uf", "abd al rauf"),
            ("U.S.", "u s"),
            ("The Taliban", "taliban"),
            ("Sar-e Pul", "sar e pul"),
            ("Qal‘ah-ye Now", "qalah ye now"),
            ("ʿAbd al-Rahman", "abd al rahman"),
            ("Zaṟah  Sharan", "zarah sharan"),
            ("Theodore", "theodore"),
            ("(ASC)", "asc"),
        ] {
            assert_eq!(fold(a), b, "{a}");
        }
    }

    #[test]
    fn token_folding_joins_initials() {
        assert_eq!(fold_token("U.S."), "us");
        assert_eq!(fold_token("Gen."), "gen");
        assert_eq!(fold_token("al-Qaeda"), "al qaeda");
        assert_eq!(fold_token("Ra’uf"), "rauf");
        assert_eq!(fold_token("Hérat"), "herat");
    }
}
