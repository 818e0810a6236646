//! Date expressions in running text, normalised to [`PartialDate`] with the
//! precision the text supports.
//!
//! Absolute forms: `Jan. 25, 2013`, `25 January 2013`, `February 2020`,
//! `2011`, `late 2001`, `mid-2019`, `2013-01-25`, decades (`the 1980s`).
//! Relative forms, resolved against the document date when one is given:
//! `in October` (the latest October at or before the document date),
//! `last year`, `this month`, `yesterday`, `on Tuesday`, `March 18`,
//! `two years ago`. Vague ones (`weeks later`, `last week`) are not
//! resolved: better no date than a wrong one. Numbers that count things
//! (`3,000 people`, `2000 troops`, `resolution 1822`) are not years.

use crate::text::{tokenize, Token, TokenKind};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::ops::Range;
use untangle_model::PartialDate;

/// How a date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateKind {
    /// Stated in full by the text.
    Absolute,
    /// Completed or computed from the document date.
    Relative,
    /// A decade (`the 1980s`): `date` is its first year.
    Decade,
}

/// A qualifier on a year or month: `early 2020`, `mid-2019`, `late 2001`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    Early,
    Mid,
    Late,
}

/// A date expression found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    pub span: (usize, usize),
    pub date: PartialDate,
    pub kind: DateKind,
    pub qualifier: Option<Qualifier>,
}

impl DateMention {
    pub fn range(&self) -> Range<usize> {
        self.span.0..self.span.1
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month number of a capitalised month name or abbreviation (`Jan.`, `Sept.`).
fn month_of(word: &str) -> Option<u8> {
    if !word.chars().next().is_some_and(char::is_uppercase) || word.len() > 10 {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    let (stem, dotted) = match lower.strip_suffix('.') {
        Some(s) => (s, true),
        None => (lower.as_str(), false),
    };
    if let Some(i) = MONTHS.iter().position(|m| *m == stem) {
        return Some(i as u8 + 1);
    }
    let abbr = match stem {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    // bare "Mar" or "Dec" without a period is too often something else
    (dotted || stem.len() == 3 && !matches!(stem, "mar" | "jun" | "jan")).then_some(abbr)
}

fn weekday_of(word: &str) -> Option<Weekday> {
    Some(match word {
        "Monday" => Weekday::Mon,
        "Tuesday" => Weekday::Tue,
        "Wednesday" => Weekday::Wed,
        "Thursday" => Weekday::Thu,
        "Friday" => Weekday::Fri,
        "Saturday" => Weekday::Sat,
        "Sunday" => Weekday::Sun,
        _ => return None,
    })
}

fn day_of(word: &str) -> Option<u8> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !(suffix.is_empty() || matches!(suffix, "st" | "nd" | "rd" | "th")) {
        return None;
    }
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: u8 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_of(word: &str) -> Option<i32> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = word.parse().ok()?;
    (1800..=2100).contains(&y).then_some(y)
}

/// Nouns that make a preceding four-digit number a count, not a year.
const COUNT_NOUNS: &[&str] = &[
    "people",
    "troops",
    "soldiers",
    "fighters",
    "militants",
    "civilians",
    "men",
    "women",
    "children",
    "refugees",
    "families",
    "homes",
    "houses",
    "dollars",
    "euros",
    "km",
    "kilometers",
    "kilometres",
    "miles",
    "meters",
    "metres",
    "feet",
    "tons",
    "tonnes",
    "households",
    "votes",
    "cases",
    "deaths",
    "members",
    "police",
    "policemen",
    "residents",
    "students",
    "workers",
    "rounds",
    "rockets",
    "weapons",
    "years",
    "insurgents",
    "prisoners",
    "detainees",
    "villagers",
    "casualties",
    "marines",
    "personnel",
    "vehicles",
    "kg",
    "pounds",
    "acres",
    "hectares",
];

/// Words before a number that make it an identifier, not a year.
const ID_WORDS: &[&str] = &[
    "resolution",
    "no.",
    "no",
    "number",
    "nos.",
    "page",
    "pages",
    "flight",
    "route",
    "highway",
    "article",
    "paragraph",
    "section",
    "room",
    "unit",
    "code",
    "decree",
    "law",
    "bill",
    "$",
    "#",
    "£",
    "€",
    "hill",
    "grid",
    "mile",
    "km",
    "chapter",
    "tel",
    "fax",
    "box",
];

fn lower(s: &str) -> String {
    s.to_lowercase()
}

fn to_naive(d: PartialDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year, d.month? as u32, d.day? as u32)
}

pub(crate) fn from_naive(d: NaiveDate) -> Option<PartialDate> {
    PartialDate::day(d.year(), d.month() as u8, d.day() as u8)
}

/// Year for a month (and day) mentioned without one: the latest at or
/// before the document date (a week of slack for announced events).
fn infer_year(doc: PartialDate, month: u8, day: Option<u8>) -> i32 {
    let dm = doc.month.unwrap_or(12);
    let dd = doc.day.unwrap_or(31);
    let after = match day {
        Some(d) => {
            (month, d) > (dm, dd.saturating_add(7).min(31)) && !(month == dm && doc.day.is_none())
        }
        None => month > dm,
    };
    if after {
        doc.year - 1
    } else {
        doc.year
    }
}

fn shift_month(d: PartialDate, delta: i32) -> Option<PartialDate> {
    let m = d.month? as i32 - 1 + delta;
    PartialDate::month(d.year + m.div_euclid(12), (m.rem_euclid(12) + 1) as u8)
}

fn small_number(w: &str) -> Option<i32> {
    Some(match w {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        _ => {
            let n: i32 = w.parse().ok()?;
            return (1..=100).contains(&n).then_some(n);
        }
    })
}

/// Find date expressions in `text`; relative ones need `doc_date`.
///
/// ```
/// use untangle_extract::temporal::find_dates;
/// let doc = "2021-03-05".parse().ok();
/// let found: Vec<String> = find_dates("Talks began in February 2020 and resumed in October.", doc)
///     .iter().map(|d| d.date.to_string()).collect();
/// assert_eq!(found, ["2020-02", "2020-10"]);
/// ```
pub fn find_dates(text: &str, doc_date: Option<PartialDate>) -> Vec<DateMention> {
    find_dates_in_tokens(text, &tokenize(text), doc_date)
}

/// [`find_dates`] on a text already tokenised.
pub fn find_dates_in_tokens(
    text: &str,
    tokens: &[Token],
    doc_date: Option<PartialDate>,
) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match match_at(text, tokens, i, doc_date) {
            Some((m, next)) => {
                out.push(m);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

fn qualifier_of(w: &str) -> Option<Qualifier> {
    match w {
        "early" | "Early" => Some(Qualifier::Early),
        "mid" | "Mid" | "middle" => Some(Qualifier::Mid),
        "late" | "Late" => Some(Qualifier::Late),
        _ => None,
    }
}

fn match_at(
    text: &str,
    toks: &[Token],
    i: usize,
    doc: Option<PartialDate>,
) -> Option<(DateMention, usize)> {
    let w = |k: usize| toks.get(k).map(|t| t.text(text)).unwrap_or("");
    let kind = |k: usize| toks.get(k).map(|t| t.kind);
    let adjacent = |k: usize| toks.get(k + 1).is_some_and(|n| n.start == toks[k].end);
    let mk = |a: usize, b: usize, date, kind, qualifier| DateMention {
        span: (toks[a].start, toks[b].end),
        date,
        kind,
        qualifier,
    };
    let t = toks[i];
    let word = t.text(text);

    // qualifier: early/mid/late + year or month; "mid-2019" as one token
    if let Some(rest) = word
        .strip_prefix("mid-")
        .or_else(|| word.strip_prefix("Mid-"))
    {
        if let Some(y) = year_of(rest) {
            return Some((
                mk(
                    i,
                    i,
                    PartialDate::year(y),
                    DateKind::Absolute,
                    Some(Qualifier::Mid),
                ),
                i + 1,
            ));
        }
    }
    if let Some(q) = qualifier_of(word) {
        let j = if w(i + 1) == "-" { i + 2 } else { i + 1 };
        if let Some(y) = year_of(w(j)).filter(|_| kind(j) == Some(TokenKind::Number)) {
            if !is_count(text, toks, j) {
                return Some((
                    mk(i, j, PartialDate::year(y), DateKind::Absolute, Some(q)),
                    j + 1,
                ));
            }
        }
        if month_of(w(j)).is_some() {
            if let Some((mut m, next)) = match_at(text, toks, j, doc) {
                m.span.0 = t.start;
                m.qualifier = Some(q);
                return Some((m, next));
            }
        }
    }

    // ISO 8601: 2013-01-25
    if t.kind == TokenKind::Number && year_of(word).is_some() && w(i + 1) == "-" && adjacent(i) {
        let (m, d) = (w(i + 2), w(i + 4));
        if m.len() == 2 && w(i + 3) == "-" && d.len() == 2 && adjacent(i + 1) && adjacent(i + 3) {
            if let (Ok(y), Ok(mo), Ok(da)) = (word.parse(), m.parse(), d.parse()) {
                if let Some(pd) = PartialDate::day(y, mo, da) {
                    return Some((mk(i, i + 4, pd, DateKind::Absolute, None), i + 5));
                }
            }
        }
    }

    // Month [Day][,] [Year] / Month [of] Year / Month alone in context
    if let Some(month) = month_of(word) {
        // "May" the verb: only with a day, a year or a preposition
        let mut j = i + 1;
        if let Some(day) = day_of(w(j)).filter(|_| kind(j) == Some(TokenKind::Number)) {
            let mut k = j + 1;
            if w(k) == "," {
                k += 1;
            }
            if let Some(y) = year_of(w(k)).filter(|_| kind(k) == Some(TokenKind::Number)) {
                return PartialDate::day(y, month, day)
                    .map(|pd| (mk(i, k, pd, DateKind::Absolute, None), k + 1));
            }
            let d = doc?;
            let y = infer_year(d, month, Some(day));
            return PartialDate::day(y, month, day)
                .map(|pd| (mk(i, j, pd, DateKind::Relative, None), j + 1));
        }
        if w(j) == "of" || w(j) == "," {
            j += 1;
        }
        if let Some(y) = year_of(w(j)).filter(|_| kind(j) == Some(TokenKind::Number)) {
            return PartialDate::month(y, month)
                .map(|pd| (mk(i, j, pd, DateKind::Absolute, None), j + 1));
        }
        let prev = if i > 0 {
            lower(w(i - 1))
        } else {
            String::new()
        };
        let context = matches!(
            prev.as_str(),
            "in" | "since"
                | "until"
                | "till"
                | "by"
                | "during"
                | "from"
                | "to"
                | "through"
                | "last"
                | "this"
                | "next"
                | "early"
                | "late"
                | "mid"
                | "of"
                | "before"
                | "after"
                | "between"
                | "and"
                | "or"
                | "that"
                | "throughout"
                | "around"
                | "mid-"
        );
        if !context
            || (month == 5
                && !matches!(
                    prev.as_str(),
                    "in" | "since"
                        | "until"
                        | "by"
                        | "last"
                        | "next"
                        | "this"
                        | "early"
                        | "late"
                        | "of"
                        | "during"
                ))
        {
            return None;
        }
        let d = doc?;
        let y = match prev.as_str() {
            "next" => {
                if month > d.month.unwrap_or(12) {
                    d.year
                } else {
                    d.year + 1
                }
            }
            "this" => d.year,
            "last" => {
                if Some(month) == d.month {
                    d.year - 1
                } else {
                    infer_year(d, month, None)
                }
            }
            _ => infer_year(d, month, None),
        };
        let start = if matches!(prev.as_str(), "last" | "this" | "next") {
            i - 1
        } else {
            i
        };
        return PartialDate::month(y, month)
            .map(|pd| (mk(start, i, pd, DateKind::Relative, None), i + 1));
    }

    // Day Month [Year]: 25 January 2013, 25th of January
    if t.kind == TokenKind::Number {
        if let Some(day) = day_of(word) {
            let mut j = i + 1;
            if w(j) == "of" {
                j += 1;
            }
            if let Some(month) = month_of(w(j)) {
                let mut k = j + 1;
                if w(k) == "," {
                    k += 1;
                }
                if let Some(y) = year_of(w(k)).filter(|_| kind(k) == Some(TokenKind::Number)) {
                    return PartialDate::day(y, month, day)
                        .map(|pd| (mk(i, k, pd, DateKind::Absolute, None), k + 1));
                }
                let d = doc?;
                let y = infer_year(d, month, Some(day));
                return PartialDate::day(y, month, day)
                    .map(|pd| (mk(i, j, pd, DateKind::Relative, None), j + 1));
            }
        }
        // decade: 1980s, the '90s is not handled
        if let Some(stem) = word.strip_suffix('s') {
            if let Some(y) = year_of(stem).filter(|y| y % 10 == 0) {
                return Some((
                    mk(i, i, PartialDate::year(y), DateKind::Decade, None),
                    i + 1,
                ));
            }
        }
        if let Some(y) = year_of(word) {
            if is_count(text, toks, i) {
                return None;
            }
            return Some((
                mk(i, i, PartialDate::year(y), DateKind::Absolute, None),
                i + 1,
            ));
        }
        // "two years ago"
    }

    // relative words
    let lw = lower(word);
    let d = doc?;
    match lw.as_str() {
        "yesterday" | "today" | "tomorrow" => {
            let nd = to_naive(d)?;
            let delta = match lw.as_str() {
                "yesterday" => -1,
                "today" => 0,
                _ => 1,
            };
            let pd = from_naive(nd + Duration::days(delta))?;
            return Some((mk(i, i, pd, DateKind::Relative, None), i + 1));
        }
        // a report's "overnight" is the night before its day
        "overnight" => {
            let pd = to_naive(d).and_then(|nd| from_naive(nd - Duration::days(1)))?;
            return Some((mk(i, i, pd, DateKind::Relative, None), i + 1));
        }
        // "during the past two days": a short stretch up to the report's
        // day starts so many days before it (its first day is the date)
        "last" | "past"
            if lower(w(i + 2)) == "days"
                && small_number(&lower(w(i + 1))).is_some_and(|n| (2..=7).contains(&n)) =>
        {
            let n = small_number(&lower(w(i + 1)))?;
            let pd = to_naive(d).and_then(|nd| from_naive(nd - Duration::days(i64::from(n))))?;
            let start = if i > 0 && lower(w(i - 1)) == "the" {
                i - 1
            } else {
                i
            };
            return Some((mk(start, i + 2, pd, DateKind::Relative, None), i + 3));
        }
        "last" | "this" | "next" | "earlier" | "later" => {
            let (mut j, mut lead) = (i + 1, lw.as_str());
            if (lead == "earlier" || lead == "later") && lower(w(j)) == "this" {
                lead = "this";
                j += 1;
            } else if lead == "earlier" || lead == "later" {
                return None;
            }
            let delta = match lead {
                "last" => -1,
                "this" => 0,
                _ => 1,
            };
            let unit = lower(w(j));
            let pd = match unit.as_str() {
                "year" => Some(PartialDate::year(d.year + delta)),
                "month" if d.month.is_some() => shift_month(d, delta),
                // "last night" is the night before the report's day; "this
                // morning" its day
                "night" if delta == -1 => {
                    to_naive(d).and_then(|nd| from_naive(nd - Duration::days(1)))
                }
                "morning" | "afternoon" | "evening" if delta == 0 => {
                    to_naive(d).and_then(from_naive)
                }
                _ => None,
            };
            if let Some(pd) = pd {
                return Some((mk(i, j, pd, DateKind::Relative, None), j + 1));
            }
            if let Some(wd) = weekday_of(w(j)) {
                let nd = to_naive(d)?;
                let pd = from_naive(weekday_near(nd, wd, delta))?;
                return Some((mk(i, j, pd, DateKind::Relative, None), j + 1));
            }
        }
        _ => {}
    }
    if let Some(wd) = weekday_of(word) {
        let nd = to_naive(d)?;
        let prev = if i > 0 {
            lower(w(i - 1))
        } else {
            String::new()
        };
        let start = if prev == "on" { i - 1 } else { i };
        let pd = from_naive(weekday_near(nd, wd, 0))?;
        return Some((mk(start, i, pd, DateKind::Relative, None), i + 1));
    }
    if let Some(n) = small_number(&lw) {
        if matches!(lower(w(i + 1)).as_str(), "year" | "years") && lower(w(i + 2)) == "ago" {
            let pd = PartialDate::year(d.year - n);
            return Some((mk(i, i + 2, pd, DateKind::Relative, None), i + 3));
        }
    }
    None
}

/// The weekday `wd` nearest the document date: at or before it (`delta` 0),
/// in the week before (`-1`: "last Tuesday") or after (`1`: "next Tuesday").
fn weekday_near(doc: NaiveDate, wd: Weekday, delta: i32) -> NaiveDate {
    let back = (doc.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
    let on_or_before = doc - Duration::days(back as i64);
    match delta {
        d if d < 0 => {
            if back == 0 {
                on_or_before - Duration::days(7)
            } else {
                on_or_before
            }
        }
        d if d > 0 => on_or_before + Duration::days(7),
        _ => on_or_before,
    }
}

/// A four-digit number used as a count or identifier.
fn is_count(text: &str, toks: &[Token], i: usize) -> bool {
    let next = toks.get(i + 1).map(|t| t.text(text).to_lowercase());
    if let Some(n) = &next {
        if COUNT_NOUNS.contains(&n.as_str()) || n == "%" || n == "percent" {
            return true;
        }
        // "2011 :" is fine, "10:30" is one token already
    }
    if i > 0 {
        let p = toks[i - 1].text(text).to_lowercase();
        if ID_WORDS.contains(&p.as_str()) {
            return true;
        }
    }
    false
}

/// Does a sentence say when, even with no date to count from ("clashed
/// briefly Thursday", "last month", "yesterday")? A weekday written with a
/// capital, or a word counted from the day of writing.
pub fn tells_when(sentence: &str) -> bool {
    let words: Vec<&str> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        // (not a name: "The Sunday Times")
        (w.starts_with(char::is_uppercase)
            && weekday_of(w).is_some()
            && !words
                .get(i + 1)
                .is_some_and(|n| n.starts_with(char::is_uppercase)))
            || matches!(*w, "yesterday" | "today" | "tonight" | "overnight")
            || (i > 0
                && words[i - 1] == "last"
                && matches!(*w, "night" | "week" | "month" | "weekend"))
    })
}

/// Is a capitalised word a month name or a weekday ("May", "Monday")?
pub fn is_month_or_weekday(word: &str) -> bool {
    let mut c = word.chars();
    let cap: String = match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => return false,
    };
    month_of(&cap).is_some() || weekday_of(&cap).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str, doc: &str) -> Vec<(String, String)> {
        let doc = doc.parse().ok();
        find_dates(text, doc)
            .into_iter()
            .map(|m| (text[m.range()].to_string(), m.date.to_string()))
            .collect()
    }

    fn check(text: &str, doc: &str, expect: &[(&str, &str)]) {
        let got = dates(text, doc);
        let want: Vec<(String, String)> = expect
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want, "{text}");
    }

    #[test]
    fn absolute_dates() {
        check(
            "Signed on Jan. 25, 2013 and again on 4 March 2014.",
            "",
            &[
                ("Jan. 25, 2013", "2013-01-25"),
                ("4 March 2014", "2014-03-04"),
            ],
        );
        check("It ended in April 2016.", "", &[("April 2016", "2016-04")]);
        check(
            "Since 2009, in late 2001 and mid-2019.",
            "",
            &[
                ("2009", "2009"),
                ("late 2001", "2001"),
                ("mid-2019", "2019"),
            ],
        );
        check(
            "Filed 2015-06-24 in court.",
            "",
            &[("2015-06-24", "2015-06-24")],
        );
        check("Back in the 1970s.", "", &[("1970s", "1970")]);
    }

    #[test]
    fn counts_are_not_years() {
        check(
            "About 3,000 people and 2000 troops died, 19 years on.",
            "",
            &[],
        );
        check("Under resolution 1822 the list changed.", "", &[]);
    }

    #[test]
    fn relative_dates_need_and_use_the_document_date() {
        check("The raid happened in October.", "", &[]);
        check(
            "The raid happened in October.",
            "2021-03-02",
            &[("October", "2020-10")],
        );
        check(
            "They met in February.",
            "2021-03-02",
            &[("February", "2021-02")],
        );
        check(
            "Talks held last year failed.",
            "2021-03-02",
            &[("last year", "2020")],
        );
        check(
            "He was killed yesterday.",
            "2013-01-25",
            &[("yesterday", "2013-01-24")],
        );
        check(
            "A raid last night killed two.",
            "2013-01-25",
            &[("last night", "2013-01-24")],
        );
        check(
            "Police detained three men overnight.",
            "2013-01-25",
            &[("overnight", "2013-01-24")],
        );
        check(
            "Forces struck early this morning.",
            "2013-01-25",
            &[("this morning", "2013-01-25")],
        );
        // 2013-01-25 is a Friday
        check(
            "Officials said on Tuesday.",
            "2013-01-25",
            &[("on Tuesday", "2013-01-22")],
        );
        check(
            "The attack on March 18 killed two.",
            "2021-03-25",
            &[("March 18", "2021-03-18")],
        );
        check(
            "The attack on March 18 killed two.",
            "2021-01-05",
            &[("March 18", "2020-03-18")],
        );
        check("Just weeks later, it happened again.", "2021-03-02", &[]);
        check("They may come.", "2021-03-02", &[]);
        check(
            "It began two years ago.",
            "2021-03-02",
            &[("two years ago", "2019")],
        );
    }
}
