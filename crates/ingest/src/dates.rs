//! Publication dates: parsing date strings of many shapes, and finding a
//! document's date in its dateline or its first lines.
//!
//! Conservative by design: a date is taken from the text only when it sits
//! where publication dates sit (a dateline, a "Posted on" line near the top);
//! otherwise the document has no date rather than a wrong one.

use regex::Regex;
use std::sync::LazyLock;
use untangle_model::PartialDate;

/// Month number from an English month name or abbreviation (`Jan`, `Jan.`,
/// `Sept`, `January`), case-insensitive.
pub fn month_number(s: &str) -> Option<u8> {
    let s = s.trim_end_matches('.').to_ascii_lowercase();
    let m = match s.as_str() {
        "jan" | "january" => 1,
        "feb" | "february" => 2,
        "mar" | "march" => 3,
        "apr" | "april" => 4,
        "may" => 5,
        "jun" | "june" => 6,
        "jul" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        _ => return None,
    };
    Some(m)
}

const MONTH: &str = r"(jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)";

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
        .expect("iso regex")
});
static MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:\w+,\s+)?{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
    ))
    .expect("mdy regex")
});
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:\w+,\s+)?(\d{{1,2}})(?:st|nd|rd|th)?[\s-]+{MONTH}[\s-]+(\d{{4}})\b"
    ))
    .expect("dmy regex")
});
static MY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^{MONTH}\s+(\d{{4}})$")).expect("my regex"));
static SLASHED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})/(\d{1,2})/(\d{1,2})$").expect("slash regex"));

/// Parses a date string: ISO 8601 at any precision (with or without time),
/// RFC 2822, `Jan. 25, 2013`, `January 25 2013`, `25 January 2013`,
/// `26-FEB-1987`, `March 2021`, `2021/03/01`. `None` when unsure.
pub fn parse_date_str(s: &str) -> Option<PartialDate> {
    let s = s.trim();
    if s.is_empty() || s.len() > 80 {
        return None;
    }
    if let Some(c) = ISO.captures(s) {
        let y: i32 = c[1].parse().ok()?;
        return match (c.get(2), c.get(3)) {
            (Some(m), Some(d)) => {
                PartialDate::day(y, m.as_str().parse().ok()?, d.as_str().parse().ok()?)
            }
            (Some(m), None) => PartialDate::month(y, m.as_str().parse().ok()?),
            _ => Some(PartialDate::year(y)),
        };
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        use chrono::Datelike;
        return PartialDate::day(dt.year(), dt.month() as u8, dt.day() as u8);
    }
    if let Some(c) = SLASHED.captures(s) {
        return PartialDate::day(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    }
    if let Some(c) = MDY.captures(s) {
        return PartialDate::day(c[3].parse().ok()?, month_number(&c[1])?, c[2].parse().ok()?);
    }
    if let Some(c) = DMY.captures(s) {
        return PartialDate::day(c[3].parse().ok()?, month_number(&c[2])?, c[1].parse().ok()?);
    }
    if let Some(c) = MY.captures(s) {
        return PartialDate::month(c[2].parse().ok()?, month_number(&c[1])?);
    }
    None
}

/// `KABUL, Afghanistan (Jan. 25, 2013)`, `PAKTIA, Afghanistan (Sept. 24)`:
/// an upper-case place, an optional region, a parenthesised date (the year
/// may be missing).
static DATELINE_PAREN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[\s>])[A-Z][A-Z.'’ -]{{2,40}},(?:\s*[A-Z][A-Za-z.'’ -]{{1,40}}?)?\s*\(\s*((?i:{MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)\s*\)"
    ))
    .expect("dateline regex")
});

/// `WASHINGTON, June 5, 2017 —` and `LONDON, 5 June 2017 -`.
static DATELINE_DASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[\s>])[A-Z][A-Z.'’ -]{{2,40}},\s*((?i:{MONTH})\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?i:{MONTH})\s+\d{{4}})\s*[—–-]"
    ))
    .expect("dash dateline regex")
});

/// A year-month code in a header, like a release number `2012-09-S-037`.
static HEADER_CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b((?:19|20)\d{2})-(\d{2})-").expect("header code regex"));

static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?$")).expect("month-day regex")
});

static HEADLINE_MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^({MONTH}\s+\d{{1,2}}):")).expect("headline month-day regex")
});

static FULL_DATE_IN_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b({MONTH}\s+\d{{1,2}},?\s+\d{{4}})\b")).expect("full date regex")
});

/// `Posted on 12 March 2021`, `Published: 2021-03-01`, `Updated March 2, 2021`.
static POSTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:posted|published|updated|last\s+updated|date)(?:\s+on)?\s*:?\s*(.{4,60}?)\s*(?:\||$|\d{1,2}:\d{2})")
        .expect("posted regex")
});

/// A dateline date without a year takes the year of a year-month code in the
/// header (a release number like `2012-09-S-037`) whose month is the same or
/// next to it (a release numbered in August may carry a September dateline).
fn with_header_year(date: &str, head: &str) -> Option<PartialDate> {
    let c = MONTH_DAY.captures(date.trim())?;
    let month = month_number(&c[1])?;
    let day: u8 = c[2].parse().ok()?;
    HEADER_CODE.captures_iter(head).find_map(|h| {
        let y: i32 = h[1].parse().ok()?;
        let m: u8 = h[2].parse().ok()?;
        let year = match (m, month) {
            (12, 1) => y + 1,
            (1, 12) => y - 1,
            _ if m.abs_diff(month) <= 1 => y,
            _ => return None,
        };
        PartialDate::day(year, month, day)
    })
}

/// The document's date from its text: a dateline near the top (→
/// `dateline`), else a "Posted on …" line or a full date in the headline (→
/// `text`).
pub fn from_text(text: &str) -> Option<(PartialDate, &'static str)> {
    let mut end = text.len().min(1500);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    for c in DATELINE_PAREN.captures_iter(head) {
        if let Some(d) = parse_date_str(&c[1]).or_else(|| with_header_year(&c[1], head)) {
            return Some((d, "dateline"));
        }
    }
    if let Some(d) = DATELINE_DASH
        .captures(head)
        .and_then(|c| parse_date_str(&c[1]))
    {
        return Some((d, "dateline"));
    }
    let lines: Vec<&str> = head
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(6)
        .collect();
    for line in &lines {
        if let Some(d) = POSTED.captures(line).and_then(|c| parse_date_str(&c[1])) {
            return Some((d, "text"));
        }
    }
    let first = lines.first()?;
    // "Dec. 6: Operations in …": a month-day headline with a coded header.
    if let Some(d) = HEADLINE_MONTH_DAY
        .captures(first)
        .and_then(|c| with_header_year(&c[1], head))
    {
        return Some((d, "text"));
    }
    // A headline: short, not a sentence, with more text below it.
    if first.chars().count() <= 150 && !first.ends_with('.') && lines.len() > 1 {
        if let Some(d) = FULL_DATE_IN_LINE
            .captures(first)
            .and_then(|c| parse_date_str(&c[1]))
        {
            return Some((d, "text"));
        }
    }
    // Last resort: the month of a release code in the first lines.
    let top: String = lines.iter().take(3).copied().collect::<Vec<_>>().join(" ");
    HEADER_CODE.captures(&top).and_then(|h| {
        let d = PartialDate::month(h[1].parse().ok()?, h[2].parse().ok()?)?;
        Some((d, "text"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<String> {
        parse_date_str(s).map(|d| d.to_string())
    }

    #[test]
    fn date_strings_of_many_shapes() {
        let cases = [
            ("2021-03-01", Some("2021-03-01")),
            ("2021-03", Some("2021-03")),
            ("2021", Some("2021")),
            ("2021-03-01T10:20:00Z", Some("2021-03-01")),
            ("2021-03-01T10:20:00+04:30", Some("2021-03-01")),
            ("Tue, 02 Mar 2021 10:00:00 +0000", Some("2021-03-02")),
            ("Jan. 25, 2013", Some("2013-01-25")),
            ("Sept. 3, 2011", Some("2011-09-03")),
            ("January 25 2013", Some("2013-01-25")),
            ("25 January 2013", Some("2013-01-25")),
            ("26-FEB-1987", Some("1987-02-26")),
            ("March 2021", Some("2021-03")),
            ("2021/03/01", Some("2021-03-01")),
            ("Feb. 30, 2013", None),
            ("yesterday", None),
            ("", None),
        ];
        for (s, want) in cases {
            assert_eq!(p(s).as_deref(), want, "{s}");
        }
    }

    #[test]
    fn datelines_and_posted_lines() {
        let cases = [
            ("2013-01-S-025\n\nKABUL, Afghanistan (Jan. 25, 2013)\nDuring an operation...", Some(("2013-01-25", "dateline"))),
            ("WASHINGTON, June 5, 2017 — The president said...", Some(("2017-06-05", "dateline"))),
            ("Title\n\nPosted on 12 March 2021 | News\n\nBody.", Some(("2021-03-12", "text"))),
            ("Last updated: 2020-10-24 14:00\n\nBody.", Some(("2020-10-24", "text"))),
            ("In February 2020, the Taliban pledged to end its cooperation.", None),
            ("Afghan special forces stormed a house (Jan. 25, 2013) in Ghazni.", None),
            ("2012-09-S-037\n\nFor Immediate Release\n\nKABUL, Afghanistan (Sept. 24)\nForces arrested...", Some(("2012-09-24", "dateline"))),
            ("Title\nHQ - Afghanistan 2011-01-S-259 For Immediate Release   KABUL, Afghanistan (Jan. 23, 2011) In Ghazni province", Some(("2011-01-23", "dateline"))),
            ("KABUL, Afghanistan (Sept. 24)\nNo code to give the year.", None),
            ("Operational Update March 18, 2011\n\nBody.", Some(("2011-03-18", "text"))),
            ("Dec. 6: Operations in Laghman\nNEWS RELEASE 2009-12-CA-060 For Immediate Release\nText.", Some(("2009-12-06", "text"))),
            ("Title\n2010-08-CA-043 For Immediate Release\nKABUL, Afghanistan (Sept. 4) - Forces...", Some(("2010-09-04", "dateline"))),
            ("HQ - Afghanistan\n2011-07-S-003\nFor Immediate Release\n\nForces detained...", Some(("2011-07", "text"))),
        ];
        for (text, want) in cases {
            let got = from_text(text).map(|(d, f)| (d.to_string(), f));
            assert_eq!(got.as_ref().map(|(d, f)| (d.as_str(), *f)), want, "{text}");
        }
    }
}
