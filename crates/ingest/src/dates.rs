//! Publication dates: parsing date strings of many shapes
//! ([`parse_date_str`]), and finding a document's date in its dateline or
//! its first lines ([`from_text`]).
//!
//! Conservative by design: a date is taken from the text only when it sits
//! where publication dates sit (a dateline, a date line or a "Posted on"
//! line near the top); otherwise the document has no date rather than a
//! wrong one. A dateline without a year (`KABUL, Afghanistan (Sept. 24)`)
//! gives a date only when a release number in the header (`2012-09-S-037`)
//! supplies the year.

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

/// A month name or abbreviation, as a capture group (for the parsers that
/// read it back) ...
const MONTH: &str = r"(jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)";
/// ... and without one, for patterns that capture the whole date.
const MONTH_NC: &str = r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)";
const WEEKDAY: &str = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)";

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("static date regex")
}

/// ISO 8601 at any precision, with an optional time (`T10:20:00Z`,
/// ` 10:20 UTC`); also `2021/03/01`.
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(\d{4})(?:([-/])(\d{1,2})(?:[-/](\d{1,2}))?)?(?:(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{2,4})?)?$",
    )
});
/// Compact ISO: `20130125`.
static COMPACT: LazyLock<Regex> = LazyLock::new(|| re(r"^((?:19|20)\d{2})(\d{2})(\d{2})$"));
static MDY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^{WEEKDAY}?{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
    ))
});
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^{WEEKDAY}?(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?[\s-]+{MONTH},?[\s-]+(\d{{4}})\b"
    ))
});
/// `March 2021`, `Jan. 2013`, `March, 2021`.
static MY: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)^{MONTH},?\s+(\d{{4}})$")));
/// Numeric day-first or month-first dates, `25.01.2013`, `25/01/2013`.
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| re(r"^(\d{1,2})([./-])(\d{1,2})[./-](\d{4})$"));

fn num<T: std::str::FromStr>(s: &str) -> Option<T> {
    s.parse().ok()
}

/// Parses a date string: ISO 8601 at any precision (with or without a
/// time), RFC 2822 (`Tue, 02 Mar 2021 10:00:00 +0000`), `Jan. 25, 2013`,
/// `Friday, January 25th 2013`, `25 January 2013`, `26-FEB-1987`,
/// `March 2021`, `2021/03/01`, `20130125`, `25.01.2013` (dotted dates are
/// day-first), and slashed numeric dates when only one reading is possible
/// (`25/01/2013`). Text after a spelled-out date is ignored
/// (`June 5, 2017 10:00 AM EST`). `None` when unsure.
pub fn parse_date_str(s: &str) -> Option<PartialDate> {
    let s = s.trim().trim_end_matches(['.', ',']);
    if s.len() < 4 || s.len() > 80 {
        return None;
    }
    if let Some(c) = ISO.captures(s) {
        let y: i32 = num(&c[1])?;
        return match (c.get(3), c.get(4)) {
            (Some(m), Some(d)) => PartialDate::day(y, num(m.as_str())?, num(d.as_str())?),
            // `2021/03` is not a date shape anyone writes.
            (Some(m), None) if &c[2] == "-" => PartialDate::month(y, num(m.as_str())?),
            (Some(_), None) => None,
            _ => Some(PartialDate::year(y)),
        };
    }
    if let Some(c) = COMPACT.captures(s) {
        return PartialDate::day(num(&c[1])?, num(&c[2])?, num(&c[3])?);
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        use chrono::Datelike;
        return PartialDate::day(
            dt.year(),
            u8::try_from(dt.month()).ok()?,
            u8::try_from(dt.day()).ok()?,
        );
    }
    if let Some(c) = MDY.captures(s) {
        return PartialDate::day(num(&c[3])?, month_number(&c[1])?, num(&c[2])?);
    }
    if let Some(c) = DMY.captures(s) {
        return PartialDate::day(num(&c[3])?, month_number(&c[2])?, num(&c[1])?);
    }
    if let Some(c) = MY.captures(s) {
        return PartialDate::month(num(&c[2])?, month_number(&c[1])?);
    }
    if let Some(c) = NUMERIC.captures(s) {
        let (a, b, y): (u8, u8, i32) = (num(&c[1])?, num(&c[3])?, num(&c[4])?);
        return match &c[2] {
            "." => PartialDate::day(y, b, a),
            // Slashes and dashes: day-first and month-first both exist, so
            // only a date with one valid reading is taken.
            _ => match (PartialDate::day(y, b, a), PartialDate::day(y, a, b)) {
                (Some(d), None) | (None, Some(d)) => Some(d),
                (Some(d), Some(e)) if d == e => Some(d),
                _ => None,
            },
        };
    }
    None
}

/// `KABUL, Afghanistan (Jan. 25, 2013)`, `PAKTIA, Afghanistan (Sept. 24)`,
/// `KABUL, Jan 5 (Reuters)`: an upper-case place, an optional region, a
/// date in brackets or before a news agency in brackets (the year may be
/// missing).
static DATELINE_PAREN: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[\s>])[A-Z][A-Z.'’ -]{{2,40}},(?:\s*[A-Z][A-Za-z.'’ -]{{1,40}}?,?)?\s*(?:\(\s*((?i:{MONTH_NC})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)\s*\)|((?i:{MONTH_NC})\s+\d{{1,2}}(?:,?\s+\d{{4}})?)\s+\([A-Z][A-Za-z/ ]{{1,20}}\))"
    ))
});

/// `WASHINGTON, June 5, 2017 —`, `LONDON, 5 June 2017 -` and
/// `BAHIA BLANCA, Argentina, March 26 -`.
static DATELINE_DASH: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[\s>])[A-Z][A-Z.'’ -]{{2,40}},(?:\s*[A-Z][A-Za-z.'’ -]{{1,40}}?,)?\s*((?i:{MONTH_NC})\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+(?i:{MONTH_NC})(?:\s+\d{{4}})?)\s*[—–-]"
    ))
});

/// A wire dateline of a line of its own, an upper-case place and an ISO
/// date: `COLOMBO 1996-08-29`, `MAE SOT, Thailand 1996-08-25` (Reuters
/// copy as CoNLL-2003 keeps it).
static DATELINE_ISO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,40})?\s+((?:19|20)\d{2}-\d{2}-\d{2})\s*$",
    )
});

/// A year-month code in a header, like a release number `2012-09-S-037`.
static HEADER_CODE: LazyLock<Regex> = LazyLock::new(|| re(r"\b((?:19|20)\d{2})-(\d{2})-[A-Z]"));

static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^(?:{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})\s+{MONTH})$"
    ))
});

static HEADLINE_MONTH_DAY: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)^({MONTH_NC}\s+\d{{1,2}}):")));

/// A headline ending in a month and day with no year: "IJC Operational
/// Update, July 16".
static HEADLINE_ENDS_MONTH_DAY: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)[,\s]({MONTH_NC}\s+\d{{1,2}})\s*$")));

static FULL_DATE_IN_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b({MONTH_NC}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_NC}\s+\d{{4}}|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}})\b"
    ))
});

/// `Posted on 12 March 2021`, `Published: 2021-03-01`, `Updated March 2,
/// 2021`, `Date: …`.
static POSTED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:first\s+)?(?:posted|published|updated|last\s+updated|last\s+modified|released|issued|date(?:d)?)(?:\s+(?:on|at))?\s*:?\s*(.{4,60}?)\s*(?:[|·•]|\bat\s+\d|\d{1,2}:\d{2}|$)",
    )
});

/// `Date on which the summary became available on the website: 7 May
/// 2009`: a label that speaks of publication, a colon, a date.
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^[^:]{0,100}?\b(?:posted|published|available|updated|issued|released|dated?|created)\b[^:]{0,100}:\s*(.{4,60}?)\s*$",
    )
});

/// A line that is only a date (and maybe a weekday and a time):
/// `March 18, 2011`, `Friday, 25 January 2013 10:42`, `2021-03-01`.
static DATE_ONLY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^{WEEKDAY}?({MONTH_NC}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_NC},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})(?:,?\s+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?)?$"
    ))
});

/// `By Jane Doe | March 3, 2021` or `By Jane Doe, 3 March 2021`.
static BYLINE_DATE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^by\s+\S"));

/// Only dates a publication could carry.
fn plausible(d: PartialDate) -> Option<PartialDate> {
    (1900..=2100).contains(&d.year).then_some(d)
}

/// Whether a line starts with a dateline (`KABUL, Afghanistan (Jan. 25,
/// 2013)`, `WASHINGTON, June 5, 2017 —`).
pub fn is_dateline(line: &str) -> bool {
    let starts = |r: &Regex| r.find(line).is_some_and(|m| m.start() <= 1);
    starts(&DATELINE_PAREN) || starts(&DATELINE_DASH) || DATELINE_ISO.is_match(line.trim())
}

/// A dateline date without a year takes the year of a year-month code in the
/// header (a release number like `2012-09-S-037`) whose month is the same or
/// next to it (a release numbered in August may carry a September dateline).
fn with_header_year(date: &str, head: &str) -> Option<PartialDate> {
    let c = MONTH_DAY.captures(date.trim())?;
    let (month, day) = match (c.get(1), c.get(2), c.get(3), c.get(4)) {
        (Some(m), Some(d), _, _) => (month_number(m.as_str())?, num::<u8>(d.as_str())?),
        (_, _, Some(d), Some(m)) => (month_number(m.as_str())?, num::<u8>(d.as_str())?),
        _ => return None,
    };
    HEADER_CODE.captures_iter(head).find_map(|h| {
        let y: i32 = num(&h[1])?;
        let m: u8 = num(&h[2])?;
        let year = match (m, month) {
            (12, 1) => y + 1,
            (1, 12) => y - 1,
            _ if m.abs_diff(month) <= 1 => y,
            _ => return None,
        };
        PartialDate::day(year, month, day)
    })
}

/// The document's date from its text, with where it came from: a dateline
/// near the top (`"dateline"`), else a date line, a "Posted on …" line, a
/// byline with a date, or a full date in the headline near the top
/// (`"text"`). `None` when no date sits where publication dates sit.
pub fn from_text(text: &str) -> Option<(PartialDate, &'static str)> {
    let mut end = text.len().min(1500);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    for c in DATELINE_PAREN.captures_iter(head) {
        let date = c.get(1).or_else(|| c.get(2)).map_or("", |m| m.as_str());
        if let Some(d) = parse_date_str(date)
            .or_else(|| with_header_year(date, head))
            .and_then(plausible)
        {
            return Some((d, "dateline"));
        }
    }
    for c in DATELINE_DASH.captures_iter(head) {
        if let Some(d) = parse_date_str(&c[1])
            .or_else(|| with_header_year(&c[1], head))
            .and_then(plausible)
        {
            return Some((d, "dateline"));
        }
    }
    let lines: Vec<&str> = head
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(6)
        .collect();
    for line in &lines {
        if let Some(d) = DATELINE_ISO
            .captures(line)
            .and_then(|c| parse_date_str(&c[1]))
            .and_then(plausible)
        {
            return Some((d, "dateline"));
        }
        if line.len() <= 60 && DATE_ONLY_LINE.is_match(line) {
            if let Some(d) = parse_date_str(line).and_then(plausible) {
                return Some((d, "text"));
            }
        }
        if let Some(d) = POSTED
            .captures(line)
            .or_else(|| LABELLED.captures(line))
            .and_then(|c| parse_date_str(&c[1]))
            .and_then(plausible)
        {
            return Some((d, "text"));
        }
        if line.len() <= 120 && BYLINE_DATE.is_match(line) {
            if let Some(d) = FULL_DATE_IN_LINE
                .captures(line)
                .and_then(|c| parse_date_str(&c[1]))
                .and_then(plausible)
            {
                return Some((d, "text"));
            }
        }
    }
    let first = lines.first()?;
    // "Dec. 6: Operations in …", "IJC Operational Update, July 16": a
    // month-day headline with a coded header.
    if let Some(d) = HEADLINE_MONTH_DAY
        .captures(first)
        .or_else(|| {
            (first.chars().count() <= 150)
                .then(|| HEADLINE_ENDS_MONTH_DAY.captures(first))
                .flatten()
        })
        .and_then(|c| with_header_year(&c[1], head))
    {
        return Some((d, "text"));
    }
    // A headline (short, not a sentence, more text below) ending in a date:
    // "Operational Update March 18, 2011".
    if first.chars().count() <= 150 && !first.ends_with('.') && lines.len() > 1 {
        if let Some(d) = FULL_DATE_IN_LINE
            .captures_iter(first)
            .last()
            .filter(|c| c.get(0).is_some_and(|m| first[m.end()..].trim().is_empty()))
            .and_then(|c| parse_date_str(&c[1]))
            .and_then(plausible)
        {
            return Some((d, "text"));
        }
    }
    // Last resort: the month of a release code in the first lines.
    let top: String = lines.iter().take(5).copied().collect::<Vec<_>>().join(" ");
    HEADER_CODE.captures(&top).and_then(|h| {
        let d = PartialDate::month(num(&h[1])?, num(&h[2])?).and_then(plausible)?;
        Some((d, "text"))
    })
}

/// A full date in a file name, year first: `NEWS_2016.11.17.3601570.txt`,
/// `report-2021-03-02.html`, `2013_01_25 briefing.pdf`. Only the last path
/// component is read, the year must be 19xx or 20xx and the date must not
/// be part of a longer number. Archives name files by publication day, so
/// this is the date of last resort, when the text gives none.
pub fn from_file_name(locator: &str) -> Option<PartialDate> {
    static IN_NAME: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?:^|[^0-9])((?:19|20)\d{2})[._-](\d{2})[._-](\d{2})(?:[^0-9]|$)"));
    let name = locator.rsplit(['/', '\\']).next()?;
    IN_NAME
        .captures_iter(name)
        .find_map(|c| PartialDate::day(num(&c[1])?, num(&c[2])?, num(&c[3])?).and_then(plausible))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<String> {
        parse_date_str(s).map(|d| d.to_string())
    }

    #[test]
    fn dates_in_file_names() {
        let f = |s: &str| from_file_name(s).map(|d| d.to_string());
        assert_eq!(
            f("corpus/x/20_NEWS_EN_2016.11.17.3601570.txt"),
            Some("2016-11-17".into())
        );
        assert_eq!(f("/tmp/report-2021-03-02.html"), Some("2021-03-02".into()));
        assert_eq!(
            f("C:\\docs\\2013_01_25 brief.pdf"),
            Some("2013-01-25".into())
        );
        // a month, a longer number, an impossible day, a date in a folder name
        assert_eq!(f("000-2013-01-S-025.txt"), None);
        assert_eq!(f("id-12013.01.25.txt"), None);
        assert_eq!(f("2013.02.30.txt"), None);
        assert_eq!(f("2013-01-25/notes.txt"), None);
    }

    #[test]
    fn date_strings_of_many_shapes() {
        let cases = [
            ("2021-03-01", Some("2021-03-01")),
            ("2021-3-1", Some("2021-03-01")),
            ("2021-03", Some("2021-03")),
            ("2021", Some("2021")),
            ("2021-03-01T10:20:00Z", Some("2021-03-01")),
            ("2021-03-01T10:20:00.123+04:30", Some("2021-03-01")),
            ("2021-03-01 10:20 UTC", Some("2021-03-01")),
            ("20210301", Some("2021-03-01")),
            ("Tue, 02 Mar 2021 10:00:00 +0000", Some("2021-03-02")),
            ("2 Mar 2021 10:00:00 GMT", Some("2021-03-02")),
            ("Jan. 25, 2013", Some("2013-01-25")),
            ("Sept. 3, 2011", Some("2011-09-03")),
            ("January 25 2013", Some("2013-01-25")),
            ("Friday, January 25th, 2013", Some("2013-01-25")),
            ("June 5, 2017 10:00 AM EST", Some("2017-06-05")),
            ("25 January 2013", Some("2013-01-25")),
            ("25th of January, 2013", Some("2013-01-25")),
            ("26-FEB-1987", Some("1987-02-26")),
            ("March 2021", Some("2021-03")),
            ("Jan. 2013", Some("2013-01")),
            ("2021/03/01", Some("2021-03-01")),
            ("25.01.2013", Some("2013-01-25")),
            ("25/01/2013", Some("2013-01-25")),
            ("01/25/2013", Some("2013-01-25")),
            ("05/06/2013", None),
            ("Feb. 30, 2013", None),
            ("2021-13-01", None),
            ("yesterday", None),
            ("2021 was a year", None),
            ("", None),
        ];
        for (s, want) in cases {
            assert_eq!(p(s).as_deref(), want, "{s}");
        }
    }

    #[test]
    fn datelines_and_date_lines() {
        let cases = [
            ("2013-01-S-025\n\nKABUL, Afghanistan (Jan. 25, 2013)\nDuring an operation...", Some(("2013-01-25", "dateline"))),
            ("WASHINGTON, June 5, 2017 — The president said...", Some(("2017-06-05", "dateline"))),
            ("LONDON, 5 June 2017 - The minister said...", Some(("2017-06-05", "dateline"))),
            ("KABUL, Jan 5, 2014 (Reuters) - Gunmen attacked...", Some(("2014-01-05", "dateline"))),
            ("Title\n\nPosted on 12 March 2021 | News\n\nBody.", Some(("2021-03-12", "text"))),
            ("Title\n\nPosted on March 12, 2021 at 10:14 am\n\nBody.", Some(("2021-03-12", "text"))),
            ("Last updated: 2020-10-24 14:00\n\nBody.", Some(("2020-10-24", "text"))),
            ("Title\nFriday, 25 January 2013\nBody text here.", Some(("2013-01-25", "text"))),
            ("Title\nBy Jane Doe | March 3, 2021\nBody text here.", Some(("2021-03-03", "text"))),
            ("In February 2020, the Taliban pledged to end its cooperation.", None),
            ("Afghan special forces stormed a house (Jan. 25, 2013) in Ghazni.", None),
            ("Title\n\nThe deal was signed on March 3, 2021 in Doha.", None),
            ("2012-09-S-037\n\nFor Immediate Release\n\nKABUL, Afghanistan (Sept. 24)\nForces arrested...", Some(("2012-09-24", "dateline"))),
            ("Title\nHQ - Afghanistan 2011-01-S-259 For Immediate Release   KABUL, Afghanistan (Jan. 23, 2011) In Ghazni province", Some(("2011-01-23", "dateline"))),
            ("KABUL, Afghanistan (Sept. 24)\nNo code to give the year.", None),
            ("KABUL, Jan 5 (Reuters) - No year either.", None),
            ("Operational Update March 18, 2011\n\nBody.", Some(("2011-03-18", "text"))),
            ("Dec. 6: Operations in Laghman\nNEWS RELEASE 2009-12-CA-060 For Immediate Release\nText.", Some(("2009-12-06", "text"))),
            ("IJC Operational Update, July 16\nISAF Joint Command - Afghanistan  2010-07-CA-097 For Immediate Release\n\nA force detained a commander last night.", Some(("2010-07-16", "text"))),
            ("Title\n2010-08-CA-043 For Immediate Release\nKABUL, Afghanistan (Sept. 4) - Forces...", Some(("2010-09-04", "dateline"))),
            ("HQ - Afghanistan\n2011-07-S-003\nFor Immediate Release\n\nForces detained...", Some(("2011-07", "text"))),
            ("Posted on 12 March 1021\n\nBody.", None),
            ("QDi.243 NAME\nDate on which the narrative summary became available on the website: 7 May 2009\nBody.", Some(("2009-05-07", "text"))),
            ("Title\nThe meeting was held: 7 May 2009\nBody.", None),
            ("Sri Lankan rebels overrun police post.\n\nCOLOMBO 1996-08-29\n\nTamil Tiger rebels overran ...", Some(("1996-08-29", "dateline"))),
            ("Headline.\n\nYuri Kushko\n\nTAVILDARA, Tajikistan 1996-08-22\n\nTroops ...", Some(("1996-08-22", "dateline"))),
        ];
        for (text, want) in cases {
            let got = from_text(text).map(|(d, f)| (d.to_string(), f));
            assert_eq!(got.as_ref().map(|(d, f)| (d.as_str(), *f)), want, "{text}");
        }
    }

    #[test]
    fn dateline_lines() {
        assert!(is_dateline("KABUL, Afghanistan (Jan. 25, 2013)"));
        assert!(is_dateline("WASHINGTON, June 5, 2017 — The"));
        assert!(!is_dateline("Taliban Leader Detained in Helmand"));
        assert!(is_dateline("COLOMBO 1996-08-29"));
        assert!(is_dateline("MAE SOT, Thailand 1996-08-25"));
        assert!(!is_dateline("Released 1996-08-29 by the ministry"));
    }
}
