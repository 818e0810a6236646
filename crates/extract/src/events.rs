//! Events: who did what to whom, where and when, as PLOVER event types.
//!
//! Sentence by sentence: a trigger from the lexicon
//! (`data/lexicon/event_triggers.tsv`, curated from the CAMEO verb
//! dictionary and mapped to PLOVER with CAMEO2PLOVER and the PLOVER manual)
//! marks an event; the agent is the actor on the subject side (the nearest
//! actor before an active verb, the `by X` phrase of a passive one, the main
//! subject after a fronted phrase); targets are the actors on the object
//! side; the location is the most specific place of the sentence; the date
//! is the date expression nearest the trigger (a day named in the sentence
//! wins over "overnight"; for "weeks later", the previous event's date at a
//! safe precision); fatalities come from "killing
//! six", "killed nearly 3,000 people", "killed the Taliban leader, X, and
//! one additional insurgent", and the number of people captured from
//! "detained two suspected insurgents", "a Taliban leader was arrested"
//! (vague quantifiers read as minimum counts: "a couple" 2, "a few",
//! "several", "multiple" 3, "numerous" 4); the mode from the trigger and
//! weapon words.
//!
//! Precision first: reported events only. Triggers under a modal ("could
//! attack"), an infinitive ("pledged to start talks"), a condition ("if"),
//! a negation, a habitual adverb ("regularly consulted"), inside quotations,
//! in gerunds after prepositions ("interest in attacking") or in title-case
//! headlines are skipped (and a headline's event the story retells is the
//! story's); so are events with no actor (unless they count
//! the people killed or detained: "two insurgents were killed"), and events
//! that have neither a date nor a place (general statements). Triggers of one type in
//! one sentence make one event, and a document reports each distinct event
//! once (duplicated captions).
//!
//! Relative dates ("in October") need the document date; without one, the
//! latest explicitly stated year that is not a deadline ("by May 2021") is
//! used as the anchor (see [`anchor_date`]).

use crate::entities::{DocEntities, DocEntity};
use crate::gazetteer::PlaceKind;
use crate::temporal::{find_dates_in_tokens, DateKind, DateMention};
use crate::text::{after_dateline, Token, TokenKind};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;
use untangle_model::{EntityType, PartialDate, PloverType};

const TRIGGERS_TSV: &str = include_str!("../../../data/lexicon/event_triggers.tsv");
/// Verbs taken from the CAMEO verb dictionary by `scripts/build_triggers.py`
/// (forms the curated table has are left to it).
const CAMEO_TRIGGERS_TSV: &str = include_str!("../../../data/lexicon/cameo_triggers.tsv");

/// An event found in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct EventOut {
    pub kind: PloverType,
    /// Entity ids of the actors.
    pub agents: Vec<String>,
    /// Entity ids of those acted on: victims, the other party.
    pub targets: Vec<String>,
    /// Entity id of a location.
    pub location: Option<String>,
    pub date: Option<PartialDate>,
    pub fatalities: Option<u32>,
    /// People arrested, detained or captured ("detained two suspects").
    pub captured: Option<u32>,
    pub mode: Option<String>,
    /// Byte span of the sentence that states the event.
    pub sentence: Range<usize>,
    pub confidence: f32,
}

/// How a trigger is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pos {
    /// A verb: a participle after a form of "be" is passive.
    Verb,
    /// An event noun that stands alone ("the raid").
    Noun,
    /// An event noun that needs a light verb ("held talks", "struck a deal").
    Light,
}

#[derive(Debug, Clone)]
struct Entry {
    lemma: &'static str,
    kind: PloverType,
    mode: Option<&'static str>,
    pos: Pos,
}

struct Triggers {
    entries: Vec<Entry>,
    /// First word of a form → (all words of the form, entry index), longest first.
    by_first: HashMap<&'static str, Vec<(Vec<&'static str>, usize)>>,
}

/// Parses the trigger table; malformed lines are skipped (a unit test
/// checks that there are none).
fn parse_triggers(tsvs: &[&'static str]) -> Triggers {
    let mut entries = Vec::new();
    let mut by_first: HashMap<&'static str, Vec<(Vec<&'static str>, usize)>> = HashMap::new();
    for line in tsvs.iter().flat_map(|t| t.lines()) {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some(entry) = parse_line(line) else {
            continue;
        };
        let idx = entries.len();
        let forms = line.split('\t').nth(1).unwrap_or("");
        for form in forms.split('|').filter(|f| !f.is_empty()) {
            let words: Vec<&'static str> = form.split_whitespace().collect();
            if let Some(first) = words.first() {
                by_first.entry(first).or_default().push((words, idx));
            }
        }
        entries.push(entry);
    }
    for v in by_first.values_mut() {
        v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }
    Triggers { entries, by_first }
}

fn parse_line(line: &'static str) -> Option<Entry> {
    let cols: Vec<&'static str> = line.split('\t').collect();
    if cols.len() < 5 || cols[1].is_empty() {
        return None;
    }
    let pos = match cols[2] {
        "V" => Pos::Verb,
        "N" => Pos::Noun,
        "L" => Pos::Light,
        _ => return None,
    };
    Some(Entry {
        lemma: cols[0],
        kind: cols[3].parse().ok()?,
        mode: (cols[4] != "-").then_some(cols[4]),
        pos,
    })
}

fn triggers() -> &'static Triggers {
    static T: OnceLock<Triggers> = OnceLock::new();
    T.get_or_init(|| parse_triggers(&[TRIGGERS_TSV, CAMEO_TRIGGERS_TSV]))
}

const MODALS: &[&str] = &[
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "cannot",
    "shall",
    "won't",
    "can't",
    "couldn't",
    "wouldn't",
    "shouldn't",
    "wo",
    "ca",
    "'ll",
];
const CONDITIONALS: &[&str] = &["if", "whether", "unless"];
const NEGATIONS: &[&str] = &["not", "never", "n't", "no", "didn't", "hasn't", "haven't"];
const HABITUAL: &[&str] = &[
    "regularly",
    "often",
    "frequently",
    "routinely",
    "usually",
    "typically",
    "generally",
    "sometimes",
];
/// Words before an event noun that make it unrealised.
const UNREALISED: &[&str] = &[
    "planning",
    "plotting",
    "plan",
    "plans",
    "planned",
    "plot",
    "plots",
    "possible",
    "potential",
    "future",
    "prevent",
    "preventing",
    "threat",
    "threats",
    "avoid",
    "proposed",
    "draft",
];
const BE_FORMS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "get", "got", "gets",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "such", "any",
    "no", "every", "each", "some",
];
const PRONOUNS: &[&str] = &[
    "them",
    "him",
    "her",
    "it",
    "us",
    "me",
    "you",
    "themselves",
    "itself",
];
const PREPOSITIONS: &[&str] = &[
    "in", "of", "for", "from", "on", "about", "against", "by", "with", "without", "at", "into",
    "toward", "towards", "over", "through",
];
/// Words that open a clause; an agent is not sought across them.
const SUBORDINATORS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "when", "where", "while", "because", "although",
    "though", "after", "before", "since", "as", "until", "whereas",
];
/// Words that end the object side of a trigger.
const OBJECT_STOPS: &[&str] = &[
    "but",
    "while",
    "although",
    "though",
    "because",
    "whereas",
    "which",
    "who",
    "whom",
    "where",
    "when",
    "what",
    "that",
    "after",
    "before",
    "since",
    "if",
    "said",
    "says",
    "according",
];
const LIGHT_VERBS: &[&str] = &[
    "held",
    "hold",
    "holds",
    "holding",
    "opened",
    "open",
    "opens",
    "began",
    "begin",
    "begun",
    "begins",
    "started",
    "start",
    "starts",
    "launched",
    "resumed",
    "attended",
    "attend",
    "attending",
    "attends",
    "joined",
    "conducted",
    "struck",
    "strike",
    "reached",
    "reach",
    "signed",
    "sign",
    "concluded",
    "brokered",
    "finalized",
    "finalised",
    "imposed",
    "hosted",
    "convened",
];
const AGREEMENT_NOUNS: &[&str] = &[
    "deal",
    "agreement",
    "accord",
    "pact",
    "treaty",
    "ceasefire",
    "truce",
    "bargain",
];
const KILL_LEMMAS: &[&str] = &[
    "kill",
    "massacre",
    "murder",
    "execute",
    "death",
    "shoot dead",
    "gun down",
];
const NUMBER_HEDGES: &[&str] = &[
    "at",
    "least",
    "nearly",
    "almost",
    "about",
    "around",
    "some",
    "over",
    "more",
    "than",
    "up",
    "to",
    "an",
    "estimated",
    "approximately",
    "roughly",
    "as",
    "many",
    "least",
];
/// Adverbs that may stand between an auxiliary and a participle.
const ADVERBS: &[&str] = &[
    "also",
    "reportedly",
    "allegedly",
    "already",
    "just",
    "then",
    "later",
    "again",
    "recently",
    "subsequently",
    "eventually",
    "finally",
    "successfully",
    "reported",
];

/// Token `i` is one of `words` (ASCII lower case), without a lower-case copy.
fn word_in(toks: &[Token], text: &str, i: usize, words: &[&str]) -> bool {
    toks.get(i)
        .is_some_and(|t| words.iter().any(|w| t.text(text).eq_ignore_ascii_case(w)))
}

/// The first "according to" of a sentence: where its source is named.
fn according_to_at(text: &str, toks: &[Token], range: Range<usize>) -> Option<usize> {
    (range.start..range.end.saturating_sub(1))
        .find(|&k| word_in(toks, text, k, &["according"]) && word_in(toks, text, k + 1, &["to"]))
}

fn lower(toks: &[Token], text: &str, i: usize) -> String {
    toks.get(i)
        .map(|t| t.text(text).to_lowercase())
        .unwrap_or_default()
}

fn is_country(e: &DocEntity) -> bool {
    e.kind == EntityType::Location
        && (e.place.is_some_and(|p| p.kind == PlaceKind::Country)
            || e.subtype.as_deref() == Some("country"))
}

/// People, organisations, and countries (countries act as states).
fn is_actor(e: &DocEntity) -> bool {
    matches!(e.kind, EntityType::Person | EntityType::Organization) || is_country(e)
}

/// How specific a place is: higher is more specific.
fn specificity(e: &DocEntity) -> u8 {
    match e.place.map(|p| p.kind) {
        Some(PlaceKind::Site) => 5,
        Some(PlaceKind::District) => 4,
        Some(PlaceKind::City) => 3,
        Some(PlaceKind::Province) => 2,
        Some(PlaceKind::Country) => 1,
        None => match e.subtype.as_deref() {
            Some("site") => 5,
            Some("district") => 4,
            Some("city") => 3,
            Some("province") => 2,
            _ => 1,
        },
    }
}

/// An entity mention inside a sentence, by token range.
#[derive(Debug, Clone, Copy)]
struct Ment<'a> {
    first: usize,
    /// Exclusive.
    last: usize,
    ent: &'a DocEntity,
    /// Part of a hyphenated modifier ("Taliban-controlled").
    modifier: bool,
}

#[derive(Debug, Clone, Copy)]
struct Hit {
    first: usize,
    /// Exclusive.
    end: usize,
    entry: usize,
    passive: bool,
}

/// Byte ranges inside double quotation marks (reset at line breaks).
fn quoted_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '“' => open = Some(i),
            '”' => {
                if let Some(s) = open.take() {
                    out.push(s..i + c.len_utf8());
                }
            }
            '"' => match open.take() {
                Some(s) => out.push(s..i + 1),
                None => open = Some(i),
            },
            '\n' => open = None,
            _ => {}
        }
    }
    out
}

/// The anchor for relative dates when the document date is unknown: the
/// latest year the text states explicitly, leaving out deadlines ("by May
/// 2021", "until 2024") and decades. A month named alone ("in October") is
/// then read as the latest such month in that year. This is a heuristic for
/// news reports, which usually state the current or previous year; callers
/// that know the publication date should pass it instead.
pub fn anchor_date(text: &str, tokens: &[Token]) -> Option<PartialDate> {
    let dates = find_dates_in_tokens(text, tokens, None);
    dates
        .iter()
        .filter(|d| d.kind == DateKind::Absolute)
        .filter(|d| {
            let i = tokens.partition_point(|t| t.start < d.span.0);
            let prev = (1..=2)
                .filter_map(|k| i.checked_sub(k))
                .map(|k| lower(tokens, text, k))
                .collect::<Vec<_>>();
            // "the presidential election in 2018", "scheduled for 2016": a
            // year that something is planned for says nothing of when the
            // report was written
            let planned = d.date.month.is_none()
                && prev.iter().any(|w| {
                    matches!(
                        w.as_str(),
                        "election"
                            | "elections"
                            | "vote"
                            | "scheduled"
                            | "planned"
                            | "expected"
                            | "due"
                            | "upcoming"
                            | "deadline"
                    )
                });
            !planned
                && !prev
                    .iter()
                    .any(|w| matches!(w.as_str(), "by" | "until" | "till" | "through"))
        })
        .map(|d| d.date.year)
        .max()
        .map(PartialDate::year)
}

/// Finds the events of a document. `doc_date` resolves relative dates; see
/// [`anchor_date`] for what happens without one.
pub fn extract_events(
    text: &str,
    ents: &DocEntities,
    doc_date: Option<PartialDate>,
) -> Vec<EventOut> {
    // bracketed reference codes ("Y (QDi.180) attacked …") are read as if
    // absent; spans stay those of the original text
    match ents.without_reference_codes(text) {
        Some((masked, e)) => events_of(&masked, &e, doc_date),
        None => events_of(text, ents, doc_date),
    }
}

fn events_of(text: &str, ents: &DocEntities, doc_date: Option<PartialDate>) -> Vec<EventOut> {
    let toks = &ents.analysis.tokens;
    let lex = triggers();
    let anchored = doc_date.is_none();
    let anchor = doc_date.or_else(|| anchor_date(text, toks));
    let dates = same_day_years(find_dates_in_tokens(text, toks, anchor));
    let quotes = quoted_ranges(text);
    let in_quote = |pos: usize| quotes.iter().any(|q| q.start < pos && pos < q.end);

    // mentions by token range
    let mut ments: Vec<Ment> = Vec::new();
    for e in &ents.entities {
        for m in &e.mentions {
            let first = toks.partition_point(|t| t.end <= m.start);
            let last = toks.partition_point(|t| t.start < m.end);
            if first >= last {
                continue;
            }
            let modifier = toks.get(last - 1).is_some_and(|t| {
                t.end > m.end && text[m.end..t.end].starts_with(['-', '\u{2010}', '\u{2011}'])
            }) || (last < toks.len()
                && toks[last].start == m.end
                && matches!(toks[last].text(text), "-" | "–"));
            ments.push(Ment {
                first,
                last,
                ent: e,
                modifier,
            });
        }
    }
    ments.sort_by_key(|m| (m.first, std::cmp::Reverse(m.last)));

    let pairs = person_pairs(text, toks, &ments, &ents.analysis.sentence_tokens);
    let mut out: Vec<EventOut> = Vec::new();
    // the day the story is at: (sentence index, day) of the last sentence
    // that named one ("Yesterday in X district, forces received fire.
    // They returned fire, killing two insurgents.")
    // A report whose text never states its day (a web page or feed item
    // dated by its metadata, not a dateline) is at its publication day from
    // its first sentence: its lead tells the news. A dateline sets the day
    // where it stands instead (a headline before it gets none).
    let lead_end = ents.analysis.sentences.get(2).map_or(text.len(), |s| s.end);
    // (a dateline without its year, "(Sept. 16)", states it too)
    let states_its_day = dates.iter().any(|d| {
        d.span.1 <= lead_end
            && doc_date.is_some_and(|p| d.date.day == p.day && d.date.month == p.month)
    });
    let mut story_day: Option<(usize, PartialDate)> = doc_date
        .filter(|d| d.day.is_some() && !states_its_day)
        .map(|d| (0, d));
    for (si, sent) in ents.analysis.sentences.iter().enumerate() {
        let Some(range) = ents.analysis.sentence_tokens.get(si).cloned() else {
            continue;
        };
        let full = range.clone();
        let range = after_dateline(text, toks, range);
        // the dateline's day is the day the story is at
        if range.start > full.start {
            let skipped = toks[full.start].start..toks[range.start - 1].end;
            if let Some(d) = dates.iter().find(|d| {
                d.span.0 >= skipped.start && d.span.1 <= skipped.end && d.date.day.is_some()
            }) {
                story_day = Some((si, d.date));
            }
        }
        if range.is_empty() {
            continue;
        }
        let stext = &text[sent.clone()];
        if stext.trim_end().ends_with('?') {
            continue;
        }
        let sm: Vec<Ment> = ments
            .iter()
            .filter(|m| m.first >= range.start && m.last <= range.end)
            .copied()
            .collect();
        let hits = find_triggers(text, toks, range.clone(), &sm, lex);
        let source_at = according_to_at(text, toks, range.clone());
        let sdates: Vec<&DateMention> = dates
            .iter()
            .filter(|d| d.span.0 >= toks[range.start].start && d.span.1 <= sent.end)
            .filter(|d| d.kind != DateKind::Decade)
            .filter(|d| {
                let i = toks.partition_point(|t| t.start < d.span.0);
                let prev = i.checked_sub(1).map(|k| lower(toks, text, k));
                !matches!(
                    prev.as_deref(),
                    Some("since" | "by" | "until" | "till" | "through")
                )
            })
            .collect();
        // "during an overnight operation Monday": the day named wins over
        // the night before the report
        let named = |d: &&DateMention| !text[d.range()].eq_ignore_ascii_case("overnight");
        let sdates: Vec<&DateMention> = if sdates.iter().any(named) {
            sdates.into_iter().filter(named).collect()
        } else {
            sdates
        };

        // one event per type per sentence
        let mut by_type: Vec<EventOut> = Vec::new();
        // every trigger of each type, for the place of the event
        let mut all_triggers: Vec<Vec<usize>> = Vec::new();
        // whether each type's triggers include a plural event noun ("two
        // suicide bombings")
        let mut plural_noun: Vec<bool> = Vec::new();
        let all_hits = hits.clone();
        for h in hits {
            let entry = &lex.entries[h.entry];
            if entry.mode == Some("release") && !releases_people(text, toks, &sm, h) {
                continue;
            }
            // "according to an AFP tally based on figures supplied by
            // officials": words of the source, not events
            let in_source = source_at.is_some_and(|p| p < h.first);
            if in_quote(toks[h.first].start)
                || in_source
                || unrealised(text, toks, range.start, h, entry)
                || (sdates.is_empty() && habitual_plural(text, toks, range.start, h))
                || entry.kind == PloverType::Assault && is_agreement_strike(text, toks, h)
                || entry.lemma == "engage" && engaged_in(text, toks, h)
            {
                continue;
            }
            // "At the time of his arrest, he was involved in plans to …":
            // an arrest already told, named by its captive's possessive
            let retold = entry.pos == Pos::Noun
                && h.first > range.start
                && matches!(
                    lower(toks, text, h.first - 1).as_str(),
                    "his" | "her" | "their"
                )
                && out.iter().any(|o| o.kind == entry.kind);
            if retold {
                continue;
            }
            // "X fled. He was arrested … He was arrested at …": back over
            // a sentence that names no one (two sentences at most)
            let mut prev_person = None;
            for back in 1..=2 {
                let Some(r) = si
                    .checked_sub(back)
                    .and_then(|p| ents.analysis.sentence_tokens.get(p).cloned())
                else {
                    break;
                };
                let names_someone = ments.iter().any(|m| {
                    m.first >= r.start && m.last <= r.end && m.ent.kind == EntityType::Person
                });
                if names_someone {
                    prev_person = previous_person(&ments, Some(r));
                    break;
                }
            }
            let (mut agents, mut targets) =
                participants(text, toks, range.clone(), &sm, h, entry, prev_person);
            // no one acts on themselves in one event ("the security force
            // … during an operation" read twice)
            targets.retain(|t| !agents.contains(t));
            // "Colombia has asked Cuba to hand over …": a request names the
            // one asked right after the verb ("when asked about", "asked not
            // to be named" are none); "X warned that it would begin
            // targeting judges": a warning of what X will do ("warned of a
            // crisis" is a comment)
            if entry.lemma == "ask" && !actor_object(text, toks, &sm, h)
                || entry.lemma == "warn" && !announces_action(text, toks, range.clone(), h)
            {
                continue;
            }
            // "The brothers allegedly set off two bombs", "two men accused
            // of carrying out the bombing": the pair the text names
            // "Taliban gunmen attacked the camp. They killed 23 soldiers":
            // "they" opening the clause is the previous sentence's doer
            if !h.passive && agents.is_empty() && they_subject(text, toks, range.clone(), h) {
                let prev_sent = si
                    .checked_sub(1)
                    .and_then(|p| ents.analysis.sentences.get(p));
                if let Some(o) = out.last().filter(|o| prev_sent == Some(&o.sentence)) {
                    agents = o.agents.clone();
                    targets.retain(|t| !agents.contains(t));
                }
            }
            // "As the security force approached the compound, a group of
            // insurgents attacked them": "them" right after the verb is the
            // group named earlier in the sentence that is not the doer
            if !h.passive
                && targets.is_empty()
                && entry.kind == PloverType::Assault
                && lower(toks, text, h.end) == "them"
            {
                if let Some(m) = sm.iter().rev().find(|m| {
                    m.last <= h.first
                        && m.ent.kind == EntityType::Organization
                        && !m.modifier
                        && !agents.contains(&m.ent.id)
                }) {
                    targets.push(m.ent.id.clone());
                }
            }
            // "bombs are detonated remotely by the Tsarnaevs": a family
            // named in the plural is its members the document names
            if h.passive && agents.is_empty() {
                agents.extend(family_by(text, toks, range.clone(), h, ents));
                targets.retain(|t| !agents.contains(t));
            }
            // "Colombia blamed the leftist ELN for the bombing of …": the
            // one blamed for an attack is its (alleged) doer
            if entry.kind == PloverType::Assault && agents.is_empty() {
                if let Some(x) = blamed_for(text, toks, range.clone(), &sm, h.first) {
                    targets.retain(|t| *t != x);
                    agents.push(x);
                }
            }
            let side = if h.passive { &mut targets } else { &mut agents };
            if side.is_empty() && plural_subject(text, toks, range.clone(), &sm, h) {
                if let Some(pair) = nearest_pair(&pairs, si) {
                    side.extend(pair.iter().map(|e| e.id.clone()));
                }
            }
            let own: Vec<&DateMention> = sdates
                .iter()
                .filter(|d| !bound_elsewhere(text, toks, d, h, &all_hits, lex))
                .copied()
                .collect();
            let near = nearest_date(toks, &own, h);
            let date = near.map(|d| d.date);
            // "died after a shootout with police last Thursday, while his
            // brother was captured a day later": so many days after the
            // day the sentence names
            let named_before = near.is_some_and(|d| d.span.0 < toks[h.first].start);
            let date = match (date, days_later(text, toks, h.end, range.end)) {
                (Some(d), Some(n)) if d.day.is_some() && named_before => {
                    days_after(d, u64::from(n)).or(Some(d))
                }
                (d, _) => d,
            };
            // "Coalition forces today confirmed they recently detained two
            // insurgents": the day named before is the telling's; the
            // detention was some day of that month
            let recently = (h.first.saturating_sub(2).max(range.start)..h.first)
                .any(|k| lower(toks, text, k) == "recently");
            let date = match (date, anchor) {
                (d, Some(a)) if recently && (d.is_none() || named_before) => Some(PartialDate {
                    day: None,
                    ..d.unwrap_or(a)
                }),
                (d, _) => d,
            };
            let fatalities = if entry.kind == PloverType::Assault {
                fatalities(text, toks, range.clone(), &sm, h, entry)
            } else {
                None
            };
            let captured = if matches!(entry.mode, Some("arrest" | "capture")) {
                people_count(text, toks, range.clone(), &sm, h)
            } else {
                None
            };
            // "have detained more than 30 insurgents since January": a
            // running total, not the people of one event
            let tally = is_tally(text, toks, range.clone(), h);
            let (fatalities, captured) = if tally {
                (None, None)
            } else {
                (fatalities, captured)
            };
            // a police raid is law enforcement, not an assault
            let entity = |id: &String| ents.entities.iter().find(|e| &e.id == id);
            let subtype_is =
                |id: &String, s: &str| entity(id).is_some_and(|e| e.subtype.as_deref() == Some(s));
            let agency = |id: &String| subtype_is(id, "agency");
            // "the Trump administration targeted 13 more officials": a
            // government (not its forces) targets people with sanctions
            let government = |id: &String| subtype_is(id, "government");
            // "a Dutch couple … were seized from a teak farm": people seized
            // by no authority are abducted (PLOVER: ASSAULT, abduction);
            // property seized is confiscated (COERCE)
            let person = |id: &String| entity(id).is_some_and(|e| e.kind == EntityType::Person);
            let abducted = entry.lemma == "seize"
                && !targets.is_empty()
                && targets.iter().all(person)
                && !agents.iter().any(|a| agency(a) || government(a));
            // "Afghan and coalition security forces captured a Taliban
            // facilitator", "a lieutenant of X was captured this week":
            // people a state's forces capture (or no one named does) are
            // arrested (PLOVER: COERCE); a town captured is taken by force,
            // and soldiers an armed group captures are abducted (ASSAULT)
            let state_side = |id: &String| {
                entity(id).is_some_and(|e| {
                    matches!(
                        e.subtype.as_deref(),
                        Some("armed_force" | "state" | "government" | "agency")
                    )
                })
            };
            let armed_group = |id: &String| subtype_is(id, "armed_group");
            let place = |id: &String| entity(id).is_some_and(|e| e.kind == EntityType::Location);
            let arrest = entry.lemma == "capture"
                && (!targets.is_empty() || captured.is_some())
                && !targets.iter().any(place)
                && !(h.end..(h.end + 6).min(toks.len()))
                    .map(|k| lower(toks, text, k))
                    .take_while(|w| {
                        !matches!(
                            w.as_str(),
                            "in" | "at" | "during" | "near" | "on" | "," | "."
                        )
                    })
                    .any(|w| TERRITORY_NOUNS.contains(&w.as_str()))
                && !targets.iter().any(state_side)
                && !agents.iter().any(armed_group);
            let kind = if arrest
                || (entry.lemma == "raid" && !agents.is_empty() && agents.iter().all(agency))
            {
                PloverType::Coerce
            } else if entry.lemma == "target" && !agents.is_empty() && agents.iter().all(government)
            {
                PloverType::Sanction
            } else if abducted {
                PloverType::Assault
            } else {
                entry.kind
            };
            let ev = EventOut {
                kind,
                agents,
                targets,
                location: None,
                date,
                fatalities,
                captured,
                mode: if abducted {
                    Some("abduction".to_string())
                } else {
                    entry.mode.map(str::to_string)
                },
                sentence: sent.clone(),
                confidence: 0.0,
            };
            // "the 1998 bombings of …, … the October 2000 attack on …":
            // triggers of one type with dates of their own are events of
            // their own
            let same = |e: &EventOut| {
                e.kind == ev.kind && (e.date.is_none() || ev.date.is_none() || e.date == ev.date)
            };
            let plural = entry.pos == Pos::Noun
                && h.end > h.first
                && lower(toks, text, h.end - 1).ends_with('s');
            match by_type.iter().position(same) {
                Some(x) => {
                    merge(&mut by_type[x], ev, entry.pos != Pos::Verb);
                    all_triggers[x].push(h.first);
                    plural_noun[x] |= plural;
                }
                None => {
                    all_triggers.push(vec![h.first]);
                    plural_noun.push(plural);
                    by_type.push(ev);
                }
            }
        }
        let day_here = sdates
            .iter()
            .filter(|d| d.date.day.is_some())
            .find(|d| {
                let none = Hit {
                    first: range.start,
                    end: range.start,
                    entry: 0,
                    passive: false,
                };
                !bound_elsewhere(text, toks, d, none, &[], lex) && !scheduled(text, toks, d)
            })
            .map(|d| d.date);
        // "A combined force conducted a security operation which resulted in
        // the detention of several suspected insurgents and the death of a
        // local national": what an operation resulted in is the doing of
        // whoever the sentence says did something
        let sentence_doer: Option<Vec<String>> = by_type
            .iter()
            .find(|e| !e.agents.is_empty())
            .map(|e| e.agents.clone());
        let resulted = |t: usize| {
            (t.saturating_sub(6).max(range.start)..t).any(|k| {
                matches!(
                    lower(toks, text, k).as_str(),
                    "resulted" | "resulting" | "results"
                ) && lower(toks, text, k + 1) == "in"
            })
        };
        for ((mut ev, trigs), plural) in by_type.into_iter().zip(all_triggers).zip(plural_noun) {
            if ev.agents.is_empty() && trigs.iter().any(|&t| resulted(t)) {
                if let Some(a) = &sentence_doer {
                    ev.agents = a.clone();
                    ev.targets.retain(|t| !a.contains(t));
                }
            }
            // "Two additional suspected insurgents were detained": a count
            // that goes on with the previous event has its actor
            if ev.agents.is_empty()
                && ev.targets.is_empty()
                && (ev.captured.is_some() || ev.fatalities.is_some())
                && continues_previous(text, toks, range.clone())
            {
                if let Some(p) = out.last() {
                    ev.agents = p.agents.clone();
                }
            }
            // "Coalition forces confirmed they detained two insurgents during
            // two operations in Kandahar. Haji Mama, a facilitator, was
            // arrested Oct. 4.": an arrest told with no one making it, right
            // after an arrest by named forces, is one of theirs (and at their
            // place when it names none)
            let mut inherited_place = None;
            if ev.kind == PloverType::Coerce
                && ev.agents.is_empty()
                && !ev.targets.is_empty()
                && matches!(ev.mode.as_deref(), Some("arrest" | "capture"))
                && trigs.iter().any(|&t| {
                    t > range.start && BE_FORMS.contains(&lower(toks, text, t - 1).as_str())
                })
            {
                let prev_sentence = si
                    .checked_sub(1)
                    .and_then(|p| ents.analysis.sentences.get(p))
                    .cloned();
                if let Some(p) = out.last().filter(|p| {
                    p.kind == PloverType::Coerce
                        && !p.agents.is_empty()
                        && Some(p.sentence.clone()) == prev_sentence
                }) {
                    ev.agents = p.agents.clone();
                    ev.targets.retain(|t| !p.agents.contains(t));
                    inherited_place = p.location.clone();
                }
            }
            // no actor: nothing to link, unless the sentence counts the
            // people killed or detained ("Two insurgents were killed
            // during an operation in X yesterday")
            if ev.agents.is_empty()
                && ev.targets.is_empty()
                && ev.captured.is_none()
                && ev.fatalities.is_none()
            {
                continue;
            }
            // the place of the first trigger that has one ("The attack came
            // hours after a pipe bomb went off along a race in New Jersey")
            ev.location = trigs
                .iter()
                .find_map(|&t| {
                    let end = object_end(text, toks, range.clone(), t + 1);
                    location(text, toks, &sm, t, end, &ev)
                })
                .or(inherited_place);
            // "two suicide bombings killed 48 people in Charikar and
            // Kabul": attacks told together at places named together are
            // one event at each place (the count is their sum: no one's)
            let places = trigs
                .iter()
                .filter(|_| plural)
                .find_map(|&t| {
                    let end = object_end(text, toks, range.clone(), t + 1);
                    coordinated_places(text, toks, &sm, t, end, &ev)
                })
                .unwrap_or_default();
            let variants: Vec<EventOut> = if places.len() >= 2 {
                places
                    .into_iter()
                    .map(|l| EventOut {
                        location: Some(l),
                        fatalities: None,
                        ..ev.clone()
                    })
                    .collect()
            } else {
                vec![ev]
            };
            for mut ev in variants {
                // "two days after the bombing": counted from the attack's day
                if let Some(d) = days_after_attack(text, toks, range.clone(), &dates) {
                    ev.date = Some(d);
                }
                // "The Balcombe Street Gang planted a time bomb in the Caterham
                // Arms": an undated telling at a named site where an event of
                // its type was dated earlier takes that day (see
                // `same_site_retellings`), so "the next day" counts from it
                if ev.date.is_none() {
                    if let Some(loc) = ev.location.as_ref().filter(|l| named_site(ents, l)) {
                        ev.date = out
                            .iter()
                            .find(|o| o.kind == ev.kind && o.location.as_ref() == Some(loc))
                            .and_then(|o| o.date);
                    }
                }
                // "The next day, the same IRA unit exploded a bomb": the day
                // after the previous event told, not after the last date named
                // (a background date may come between)
                let next_day = (range.start..range.end.saturating_sub(1)).any(|k| {
                    matches!(lower(toks, text, k).as_str(), "next" | "following")
                        && lower(toks, text, k + 1) == "day"
                });
                if ev.date.is_none() || next_day {
                    if let Some(d) = carried_date(text, toks, range.clone(), &out) {
                        ev.date = Some(d);
                    }
                }
                // "The security force also detained two suspected insurgents
                // during the operation", "Four men were detained as a result
                // of the operation": a count that continues the previous
                // event takes its time (before the story's day would) and
                // its place (even when the story's day dates it)
                let counted = ev.captured.is_some() || ev.fatalities.is_some();
                if ev.location.is_none() && counted && continues_previous(text, toks, range.clone())
                {
                    if let Some(p) = out
                        .last()
                        .filter(|p| ev.date.is_none() || p.date.is_none() || p.date == ev.date)
                    {
                        ev.date = ev.date.or(p.date);
                        ev.location = p.location.clone();
                    } else if out.is_empty() {
                        // "… a security force went to the village of Aq
                        // Shakh … During the search the security force
                        // detained one suspected insurgent": the operation
                        // told without an event happened at the most
                        // specific place the sentence before named
                        let prev = si
                            .checked_sub(1)
                            .and_then(|p| ents.analysis.sentence_tokens.get(p).cloned());
                        if let Some(r) = prev {
                            ev.location = ments
                                .iter()
                                .filter(|m| {
                                    m.first >= r.start
                                        && m.last <= r.end
                                        && m.ent.kind == EntityType::Location
                                        && !m.modifier
                                        && specificity(m.ent) >= 3
                                })
                                .max_by_key(|m| (specificity(m.ent), m.first))
                                .map(|m| m.ent.id.clone());
                        }
                    }
                }
                if ev.date.is_none() && matches!(ev.kind, PloverType::Assault | PloverType::Coerce)
                {
                    ev.date = story_day.filter(|(at, _)| si - at <= 2).map(|(_, d)| d);
                }
                // so does a count that names neither ("Three more suspects
                // were detained at the scene"), from the last violent or
                // coercive event
                if ev.date.is_none() && ev.location.is_none() && counted {
                    if let Some(p) = out.iter().rev().find(|o| {
                        matches!(o.kind, PloverType::Assault | PloverType::Coerce)
                            && (o.date.is_some() || o.location.is_some())
                    }) {
                        ev.date = p.date;
                        ev.location = p.location.clone();
                    }
                }
                // "… conducted an operation in Maidan Shahr district today.
                // … a group of insurgents attacked them. The security force
                // returned fire killing several insurgents": a fight on the
                // story's day, in a sentence naming no place, between actors
                // of an event placed that day, is at that event's place
                let names_place = sm.iter().any(|m| m.ent.kind == EntityType::Location);
                if ev.location.is_none()
                    && ev.date.is_some()
                    && !names_place
                    && ev.kind == PloverType::Assault
                {
                    let shares = |o: &EventOut| {
                        ev.agents
                            .iter()
                            .chain(&ev.targets)
                            .any(|x| o.agents.contains(x) || o.targets.contains(x))
                    };
                    if let Some(p) = out.iter().rev().find(|o| {
                        matches!(o.kind, PloverType::Assault | PloverType::Coerce)
                            && o.date == ev.date
                            && o.location.is_some()
                            && shares(o)
                    }) {
                        ev.location = p.location.clone();
                    }
                }
                if ev.kind == PloverType::Assault {
                    ev.mode = assault_mode(stext, &ev, &sm);
                }
                if !specific_enough(&ev, ents, crate::temporal::tells_when(stext)) {
                    continue;
                }
                let mut c: f32 = 0.5;
                if ev.date.is_some() {
                    c += 0.15;
                }
                if ev.location.is_some() {
                    c += 0.1;
                }
                if !ev.agents.is_empty() && !ev.targets.is_empty() {
                    c += 0.15;
                }
                if anchored && ev.date.is_some() {
                    c -= 0.05;
                }
                ev.confidence = c.clamp(0.0, 0.95);
                // a retelling: the same people arrested (or attacked) on the
                // same day in a later sentence is the same event
                let person = |id: &String| {
                    ents.entities
                        .iter()
                        .any(|e| &e.id == id && e.kind == EntityType::Person)
                };
                if !ev.targets.is_empty() && ev.targets.iter().all(person) && ev.date.is_some() {
                    if let Some(o) = out.iter_mut().find(|o| {
                        o.kind == ev.kind
                                && o.date == ev.date
                                && o.targets == ev.targets
                                // a count of its own is news of its own
                                && (ev.captured.is_none() || ev.captured == o.captured)
                                && (ev.fatalities.is_none() || ev.fatalities == o.fatalities)
                    }) {
                        for a in ev.agents {
                            if !o.agents.contains(&a) {
                                o.agents.push(a);
                            }
                        }
                        if o.location.is_none() {
                            o.location = ev.location;
                        }
                        continue;
                    }
                }
                let dup = out.iter().any(|o| {
                    o.kind == ev.kind
                        && o.agents == ev.agents
                        && o.targets == ev.targets
                        && o.date == ev.date
                        && o.location == ev.location
                        && o.fatalities == ev.fatalities
                        && o.captured == ev.captured
                });
                if !dup {
                    out.push(ev);
                }
            }
        }
        if let Some(d) = day_here {
            story_day = Some((si, d));
        }
    }
    pair_events(text, ents, &dates, anchor, &mut out);
    fold_retellings(text, ents, &mut out);
    same_site_retellings(ents, &mut out);
    join_halves(text, &mut out);
    claimed_attacks(text, ents, &mut out);
    named_doers(text, ents, &mut out);
    named_targets(text, ents, &mut out);
    unplaced_retellings(&mut out);
    operations_told_by_outcome(&mut out);
    headline_retold(text, &mut out);
    story_country(ents, &mut out);
    out
}

/// "UN chief urges European Union to commit more troops" over "The United
/// Nations secretary-general, Kofi Annan, has appealed to the European
/// Union …": a headline's event that the story tells again (the same type,
/// a party in common) is that event; the story's telling, with its names
/// in full, stands.
fn headline_retold(text: &str, out: &mut Vec<EventOut>) {
    let headline = |e: &EventOut| {
        e.sentence.start == text.len() - text.trim_start().len()
            && !text[e.sentence.clone()]
                .trim_end()
                .ends_with(['.', '!', '?', '"', '\u{201d}'])
            && text[e.sentence.end..].starts_with(['\n', '\r'])
    };
    let retold: Vec<bool> = out
        .iter()
        .map(|e| {
            headline(e)
                && out.iter().any(|o| {
                    o.sentence.start > e.sentence.end
                        && o.kind == e.kind
                        && (o.targets.iter().any(|t| e.targets.contains(t))
                            || o.agents.iter().any(|a| e.agents.contains(a)))
                })
        })
        .collect();
    drop_marked(out, &retold);
}

/// Drops the events `marked` (one flag per event, in order).
fn drop_marked(out: &mut Vec<EventOut>, marked: &[bool]) {
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !marked[k - 1]
    });
}

/// "Forces conducted a security operation in Bermal district today. …
/// The security force engaged the armed insurgents with a precision
/// airstrike, killing several of them": an operation told with no one
/// arrested is the frame of what it did. When the same force did something
/// to someone on that day (an attack, or an arrest with its captives), that
/// is the event, and the bare operation is not one of its own.
fn operations_told_by_outcome(out: &mut Vec<EventOut>) {
    let bare = |e: &EventOut| {
        e.kind == PloverType::Coerce
            && e.mode.as_deref() == Some("operation")
            && e.targets.is_empty()
            && e.captured.is_none()
            && e.fatalities.is_none()
    };
    let told: Vec<bool> = out
        .iter()
        .enumerate()
        .map(|(k, e)| {
            bare(e)
                && out.iter().enumerate().any(|(j, o)| {
                    j != k
                        && !bare(o)
                        && matches!(o.kind, PloverType::Assault | PloverType::Coerce)
                        && (!o.targets.is_empty() || o.fatalities.is_some() || o.captured.is_some())
                        && o.date == e.date
                        && o.agents.iter().any(|a| e.agents.contains(a))
                        && (o.location.is_none()
                            || e.location.is_none()
                            || o.location == e.location)
                })
        })
        .collect();
    drop_marked(out, &told);
}

/// A report about two groups ("the KDP and the PUK") tells of them
/// together through a phrase that names the pair ("the two main Kurdish
/// factions", "both sides"): fighting between the pair is an assault of one
/// on the other ("six days of fighting between the two main Kurdish
/// factions"; not a war of years), and a ceasefire between them or the
/// pair agreeing is their agreement ("Leaders of Iraq's two main Kurdish
/// factions agreed on Friday to end …"). Dated by the sentence's date, else
/// the report's own. The pair is `ties::report_pair`'s.
fn pair_events(
    text: &str,
    ents: &DocEntities,
    dates: &[DateMention],
    anchor: Option<PartialDate>,
    out: &mut Vec<EventOut>,
) {
    let Some((a, b)) = crate::ties::report_pair(text, ents) else {
        return;
    };
    let (ia, ib) = (ents.entities[a].id.clone(), ents.entities[b].id.clone());
    let toks = &ents.analysis.tokens;
    for (si, sent) in ents.analysis.sentences.iter().enumerate() {
        let Some(range) = ents.analysis.sentence_tokens.get(si).cloned() else {
            continue;
        };
        let words: Vec<String> = range.clone().map(|i| lower(toks, text, i)).collect();
        let w = |i: usize| words.get(i).map(String::as_str).unwrap_or_default();
        let date = dates
            .iter()
            .filter(|d| d.span.0 >= sent.start && d.span.1 <= sent.end)
            .find(|d| d.kind != DateKind::Decade)
            .map(|d| d.date)
            .or(anchor);
        for k in 0..words.len() {
            // ("between the groups": "between" takes two, so a plural
            // group noun after it is the pair too)
            let plural_after_between = || {
                (k >= 2 && w(k) != "two" && w(k - 1) == "the" && w(k - 2) == "between")
                    .then(|| {
                        (k..(k + 3).min(words.len()))
                            .find(|&j| matches!(w(j), "factions" | "parties" | "groups" | "sides"))
                    })
                    .flatten()
                    .map(|h| (h, Vec::new()))
            };
            let Some((h, _)) = crate::ties::pair_phrase(&words, k).or_else(plural_after_between)
            else {
                continue;
            };
            let before = |n: usize| if k >= n { w(k - n) } else { "" };
            let between = before(1) == "between" || (before(1) == "the" && before(2) == "between");
            let b_at = if before(1) == "the" {
                k.saturating_sub(2)
            } else {
                k.saturating_sub(1)
            };
            let back = |n: usize, list: &[&str]| {
                (b_at.saturating_sub(n)..b_at).any(|j| list.contains(&w(j)))
            };
            let fight = between
                && back(3, &["fighting", "clashes", "battles", "hostilities"])
                && !back(5, &["years", "decades", "year-old", "months"]);
            let deal_words = ["ceasefire", "truce", "agreement", "accord", "deal", "pact"];
            let deal = (between && back(8, &deal_words))
                || matches!(w(h + 1), "agreed" | "signed")
                || (w(h + 1) == "reached" && (h + 2..h + 5).any(|j| deal_words.contains(&w(j))));
            // "the two factions agreed on Friday to end six days of
            // fighting": the fighting they end is theirs
            let ended = !fight
                && (deal
                    && !between
                    && (h + 1..words.len().min(h + 12)).any(|j| {
                        w(j) == "end"
                            && (j + 1..words.len().min(j + 6))
                                .any(|x| matches!(w(x), "fighting" | "clashes" | "hostilities"))
                    }));
            // an obligation or a wish is no event ("must agree", "hopes
            // for a ceasefire between the two")
            let irrealis = words[..k].iter().any(|x| {
                matches!(
                    x.as_str(),
                    "must"
                        | "should"
                        | "would"
                        | "could"
                        | "hope"
                        | "hopes"
                        | "urged"
                        | "called"
                        | "if"
                )
            });
            if irrealis {
                continue;
            }
            // (the fighting ended may be the one told already)
            let told = out.iter().any(|o| {
                o.kind == PloverType::Assault
                    && [&ia, &ib]
                        .iter()
                        .all(|x| o.agents.contains(x) || o.targets.contains(x))
            });
            let mut add = |kind: PloverType,
                           agents: Vec<String>,
                           targets: Vec<String>,
                           mode: Option<&str>| {
                let dup = out.iter().any(|o| {
                    o.kind == kind
                        && agents
                            .iter()
                            .chain(&targets)
                            .all(|x| o.agents.contains(x) || o.targets.contains(x))
                        && (o.sentence == *sent || o.date == date)
                });
                if !dup {
                    out.push(EventOut {
                        kind,
                        agents,
                        targets,
                        location: None,
                        date,
                        fatalities: None,
                        captured: None,
                        mode: mode.map(str::to_string),
                        sentence: sent.clone(),
                        confidence: 0.5,
                    });
                }
            };
            if fight || (ended && !told) {
                add(
                    PloverType::Assault,
                    vec![ia.clone()],
                    vec![ib.clone()],
                    Some("clash"),
                );
            }
            if deal {
                add(
                    PloverType::Agree,
                    vec![ia.clone(), ib.clone()],
                    Vec::new(),
                    None,
                );
            }
        }
    }
}

/// An event the text places nowhere happened, as far as the report says,
/// in the country the report is about: "were seized late on Saturday from a
/// teak plantation they manage" in a story about Costa Rica. The country is
/// the one the report names most, at least twice and twice as often as any
/// other (a report weighing two countries places nothing). Such a place is
/// the report's, not the sentence's, so the event's confidence drops.
fn story_country(ents: &DocEntities, out: &mut [EventOut]) {
    // ("US troops move toward Fallujah": a country named only inside an
    // actor's name is not where the story is)
    let modifier = |r: &Range<usize>| {
        ents.entities.iter().any(|o| {
            !is_country(o)
                && o.mentions
                    .iter()
                    .any(|m| m.start <= r.start && r.end <= m.end && m != r)
        })
    };
    let mut counts: Vec<(usize, &DocEntity)> = ents
        .entities
        .iter()
        .filter(|e| is_country(e))
        .map(|e| (e.mentions.iter().filter(|r| !modifier(r)).count(), e))
        .collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.0));
    let country = match counts.as_slice() {
        [(n, e)] if *n >= 2 => e,
        [(n, e), (m, _), ..] if *n >= 2 && *n >= 2 * m => e,
        _ => return,
    };
    let country_ids: Vec<&str> = counts.iter().map(|(_, e)| e.id.as_str()).collect();
    for ev in out.iter_mut().filter(|e| e.location.is_none()) {
        // an actor is no place: a state acting is not where it acts, and
        // a state taking part may well be where it happened
        if ev
            .agents
            .iter()
            .chain(&ev.targets)
            .any(|p| country_ids.contains(&p.as_str()))
        {
            continue;
        }
        ev.location = Some(country.id.clone());
        ev.confidence = (ev.confidence - 0.1).max(0.1);
    }
}

/// "The first attack occurred at a rally … In this incident 22 were
/// killed … 26 people and the bomber were killed": an attack told with no
/// place, on the same day and by the same actors as one told with a place,
/// retells it (or tells a part of it: a smaller count of the dead). It joins
/// the nearest such telling before it, or after it when none comes before.
/// Its count fills the other's gap; a larger count is news of its own.
fn unplaced_retellings(out: &mut Vec<EventOut>) {
    let mut k = 0;
    while k < out.len() {
        let e = &out[k];
        let candidate = e.location.is_none()
            && e.kind == PloverType::Assault
            && e.date.is_some_and(|d| d.day.is_some())
            && !e.agents.is_empty();
        let fits = |o: &EventOut| {
            o.kind == e.kind
                && o.location.is_some()
                && o.date == e.date
                && e.agents.iter().all(|a| o.agents.contains(a))
                && o.agents.iter().all(|a| e.agents.contains(a))
                && match (o.fatalities, e.fatalities) {
                    (Some(of), Some(ef)) => ef <= of,
                    _ => true,
                }
                && match (o.captured, e.captured) {
                    (Some(oc), Some(ec)) => ec <= oc,
                    _ => true,
                }
        };
        // the same count, then one with no count, then a larger one; the
        // nearest telling before, then the nearest after
        let rank = |o: &EventOut| match (o.fatalities, e.fatalities) {
            (Some(of), Some(ef)) if of == ef => 0,
            (None, _) | (_, None) => 1,
            _ => 2,
        };
        let host = if candidate {
            (0..out.len())
                .filter(|&j| j != k && fits(&out[j]))
                .min_by_key(|&j| {
                    let (o, at) = (&out[j], e.sentence.start);
                    let after = o.sentence.start > at;
                    (rank(o), after, o.sentence.start.abs_diff(at))
                })
        } else {
            None
        };
        match host {
            Some(j) => {
                let e = out.remove(k);
                let j = if j > k { j - 1 } else { j };
                // (its actors are the host's already)
                join_retelling(&mut out[j], e);
            }
            None => k += 1,
        }
    }
}

/// "Five people were killed in an attack on the market. The alleged
/// killer, Chérif Chekatt, …": the person the next sentence names as the
/// killer (attacker, gunman, bomber) is the doer of an attack told without
/// one.
fn named_doers(text: &str, ents: &DocEntities, out: &mut [EventOut]) {
    let a = &ents.analysis;
    let toks = &a.tokens;
    for e in out.iter_mut() {
        if e.kind != PloverType::Assault || !e.agents.is_empty() {
            continue;
        }
        let Some(si) = a.sentences.iter().position(|s| *s == e.sentence) else {
            continue;
        };
        let Some(r) = a.sentence_tokens.get(si + 1).cloned() else {
            continue;
        };
        let mut k = r.start;
        if lower(toks, text, k) != "the" {
            continue;
        }
        k += 1;
        if matches!(
            lower(toks, text, k).as_str(),
            "alleged" | "suspected" | "presumed"
        ) {
            k += 1;
        }
        if !matches!(
            lower(toks, text, k).as_str(),
            "killer" | "attacker" | "gunman" | "bomber" | "assailant" | "perpetrator"
        ) || lower(toks, text, k + 1) != ","
        {
            continue;
        }
        let Some(at) = toks.get(k + 2).map(|t| t.start) else {
            continue;
        };
        if let Some(p) = ents
            .entities
            .iter()
            .find(|x| x.kind == EntityType::Person && x.mentions.iter().any(|m| m.start == at))
        {
            e.agents.push(p.id.clone());
            e.targets.retain(|t| *t != p.id);
        }
    }
}

/// "A security force killed a Taliban sub-commander … last night. Mullah
/// Abdul Razaq was responsible for …": the person the next sentence opens
/// with, named there for the first time, is the group's leader (commander,
/// facilitator …) the event was done to.
fn named_targets(text: &str, ents: &DocEntities, out: &mut [EventOut]) {
    const ROLES: &[&str] = &[
        "leader",
        "commander",
        "sub-commander",
        "subcommander",
        "facilitator",
        "financier",
        "operative",
        "emir",
        "chief",
    ];
    let a = &ents.analysis;
    let toks = &a.tokens;
    let person = |id: &String| {
        ents.entities
            .iter()
            .any(|x| &x.id == id && x.kind == EntityType::Person)
    };
    for e in out.iter_mut() {
        if !matches!(e.kind, PloverType::Assault | PloverType::Coerce)
            || e.targets.iter().any(person)
        {
            continue;
        }
        let Some(si) = a.sentences.iter().position(|s| *s == e.sentence) else {
            continue;
        };
        // "a Taliban sub-commander", "an IMU facilitator"
        let r = a.sentence_tokens[si].clone();
        let described = (r.start + 1..r.end).any(|k| {
            ROLES.contains(&lower(toks, text, k).as_str())
                && (r.start..k)
                    .rev()
                    .take(3)
                    .any(|j| matches!(lower(toks, text, j).as_str(), "a" | "an"))
        });
        if !described {
            continue;
        }
        let Some(next) = a.sentence_tokens.get(si + 1) else {
            continue;
        };
        let Some(at) = toks.get(next.start).map(|t| t.start) else {
            continue;
        };
        // (a name the report has not used before)
        if let Some(p) = ents.entities.iter().find(|x| {
            x.kind == EntityType::Person
                && x.mentions.iter().any(|m| m.start == at)
                && x.mentions.iter().all(|m| m.start >= at)
        }) {
            if !e.agents.contains(&p.id) {
                e.targets.push(p.id.clone());
            }
        }
    }
}

/// "The Taliban claimed responsibility for the attacks": when one group
/// claims attacks in a report, the attacks the report tells with no doer
/// are its (claimed) attacks.
fn claimed_attacks(text: &str, ents: &DocEntities, out: &mut [EventOut]) {
    let toks = &ents.analysis.tokens;
    let mut claimants: Vec<String> = Vec::new();
    for (si, range) in ents.analysis.sentence_tokens.iter().enumerate() {
        for k in range.clone() {
            if !word_in(
                toks,
                text,
                k,
                &[
                    "claimed", "claims", "claim", "claiming", "accepted", "accepts", "admitted",
                    "admits", "assumed",
                ],
            ) || k + 1 >= range.end
                || !word_in(toks, text, k + 1, &["responsibility", "credit"])
            {
                continue;
            }
            // the claimant: the last organisation named before the verb
            let Some(sent) = ents.analysis.sentences.get(si) else {
                continue;
            };
            let claimant = ents
                .entities
                .iter()
                .filter(|e| e.kind == EntityType::Organization)
                .flat_map(|e| e.mentions.iter().map(move |m| (m.end, e)))
                .filter(|(end, _)| *end >= sent.start && *end <= toks[k].start)
                .max_by_key(|(end, _)| *end)
                .map(|(_, e)| e.id.clone());
            if let Some(c) = claimant {
                if !claimants.contains(&c) {
                    claimants.push(c);
                }
            }
        }
    }
    let [claimant] = claimants.as_slice() else {
        return;
    };
    for e in out.iter_mut() {
        if e.kind == PloverType::Assault && e.agents.is_empty() && !e.targets.contains(claimant) {
            e.agents.push(claimant.clone());
        }
    }
}

/// "Japanese police have arrested a man … Police said Yamamoto was
/// arrested on suspicion of …": an event that names only its doers and a
/// later one of the same type that names only those acted on, close by (or
/// the only such pair in the document) and at a compatible time and place,
/// are one event told in two halves.
fn join_halves(text: &str, out: &mut Vec<EventOut>) {
    let sentence_gap = |a: &Range<usize>, b: &Range<usize>| {
        let (x, y) = if a.start <= b.start { (a, b) } else { (b, a) };
        text.get(x.end.min(y.start)..y.start)
            .map_or(usize::MAX, |g| g.matches(['.', '!', '?']).count())
    };
    let mut k = 0;
    while k < out.len() {
        let e = &out[k];
        if !e.agents.is_empty() || e.targets.is_empty() {
            k += 1;
            continue;
        }
        // within two sentences, or anywhere when the document tells one
        // such pair of halves of that type
        let halves = |agents_only: bool| {
            out.iter()
                .filter(|o| {
                    o.kind == e.kind
                        && o.agents.is_empty() != agents_only
                        && o.targets.is_empty() == agents_only
                })
                .count()
        };
        let unique = halves(true) == 1 && halves(false) == 1;
        let half = (0..k).rev().find(|&j| {
            let o = &out[j];
            o.kind == e.kind
                && !o.agents.is_empty()
                && o.targets.is_empty()
                && (unique || sentence_gap(&o.sentence, &e.sentence) <= 2)
                && (o.date.is_none() || e.date.is_none() || o.date == e.date)
                && (o.location.is_none() || e.location.is_none() || o.location == e.location)
        });
        match half {
            Some(j) => {
                let e = out.remove(k);
                let o = &mut out[j];
                o.targets = e.targets;
                o.date = o.date.or(e.date);
                o.location = o.location.take().or(e.location);
                o.fatalities = o.fatalities.or(e.fatalities);
                o.captured = o.captured.or(e.captured);
            }
            None => k += 1,
        }
    }
}

/// An event that names no participant ("the April 15 attack, which killed
/// three people", "Twin bombs exploded near the finish line") told in a
/// document that also reports an event of the same type with participants
/// at a compatible time and place is that event retold: its date, place
/// and counts fill the other's gaps and it is not reported twice. Alone, a
/// participant-less event stays (a count of the dead is news of its own).
fn fold_retellings(text: &str, ents: &DocEntities, out: &mut Vec<EventOut>) {
    // ("The insurgents were detained after the combined security force
    // interviewed residents": an event whose only parties are the host's
    // doers and people named by a lower-case description retells it)
    let described = |id: &String| {
        ents.entities.iter().any(|x| {
            &x.id == id
                && x.kind == EntityType::Organization
                && x.name.starts_with(char::is_lowercase)
        })
    };
    let compatible_date = |a: Option<PartialDate>, b: Option<PartialDate>| match (a, b) {
        (Some(a), Some(b)) => {
            a.year == b.year
                && (a.month.is_none() || b.month.is_none() || a.month == b.month)
                && (a.day.is_none() || b.day.is_none() || a.day == b.day)
        }
        _ => true,
    };
    let mut k = 0;
    while k < out.len() {
        let e = &out[k];
        let bare = e.agents.is_empty() && e.targets.is_empty();
        // (not "also detained two additional suspects": more people)
        let adds = text
            .get(e.sentence.clone())
            .unwrap_or("")
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| matches!(w, "also" | "additional" | "another" | "other" | "more"));
        let retold_parties =
            !bare && !adds && e.targets.iter().all(described) && !e.targets.is_empty();
        if !bare && !retold_parties {
            k += 1;
            continue;
        }
        // the same time (both dated) or the same place (both placed), and
        // nothing that contradicts; the nearest such event in the text
        let host = (0..out.len())
            .filter(|&j| {
                let o = &out[j];
                let same_time =
                    o.date.is_some() && e.date.is_some() && compatible_date(o.date, e.date);
                let same_place = o.location.is_some() && o.location == e.location;
                j != k
                    && o.kind == e.kind
                    && (!o.agents.is_empty() || !o.targets.is_empty())
                    // (a retelling with parties comes after what it retells,
                    // by the same doers)
                    && (bare
                        || (j < k
                            && !o.agents.is_empty()
                            && e.agents.iter().all(|a| o.agents.contains(a))))
                    && (same_time || same_place)
                    && compatible_date(o.date, e.date)
                    && (o.location.is_none() || e.location.is_none() || o.location == e.location)
                    && (o.fatalities.is_none()
                        || e.fatalities.is_none()
                        || o.fatalities == e.fatalities)
            })
            .min_by_key(|&j| out[j].sentence.start.abs_diff(out[k].sentence.start));
        match host {
            Some(j) => {
                let e = out.remove(k);
                let j = if j > k { j - 1 } else { j };
                let o = &mut out[j];
                // the more precise date wins
                if e.date.is_some_and(|d| {
                    o.date.is_none_or(|od| {
                        d.day.is_some() && od.day.is_none()
                            || d.month.is_some() && od.month.is_none()
                    })
                }) {
                    o.date = e.date;
                }
                o.location = o.location.take().or(e.location);
                // (a retelling may count all the people the lead counted
                // in part: the larger count)
                o.fatalities = o.fatalities.max(e.fatalities);
                o.captured = o.captured.max(e.captured);
                o.mode = o.mode.take().or(e.mode);
            }
            None => k += 1,
        }
    }
}

/// Is entity `id` a named site (a pub, a base, a market), the most specific
/// kind of place?
fn named_site(ents: &DocEntities, id: &str) -> bool {
    ents.entities
        .iter()
        .any(|e| e.id == id && specificity(e) == 5)
}

/// "On 27 August 1975 a bomb exploded at the Caterham Arms public house …
/// The Balcombe Street Gang planted a time bomb in the Caterham Arms": an
/// undated (or same-day) event at a named site (a pub, a base, a market), of the type of
/// a dated one told earlier at the same site, retells it; its actors join
/// the first telling. Towns and provinces see many events; a site named
/// twice in one report is one scene.
fn same_site_retellings(ents: &DocEntities, out: &mut Vec<EventOut>) {
    let mut k = 0;
    while k < out.len() {
        let e = &out[k];
        let host = e
            .location
            .as_ref()
            .is_some_and(|l| named_site(ents, l))
            .then(|| {
                (0..k).find(|&j| {
                    let o = &out[j];
                    o.kind == e.kind
                        && o.date.is_some()
                        && (e.date.is_none() || e.date == o.date)
                        && o.location == e.location
                        && (o.fatalities.is_none()
                            || e.fatalities.is_none()
                            || o.fatalities == e.fatalities)
                })
            })
            .flatten();
        match host {
            Some(j) => {
                let e = out.remove(k);
                join_retelling(&mut out[j], e);
            }
            None => k += 1,
        }
    }
}

/// A retelling `e` joins the telling `o`: actors and targets it adds (none
/// on both sides), and counts and mode where `o` has none.
fn join_retelling(o: &mut EventOut, e: EventOut) {
    for a in e.agents {
        if !o.agents.contains(&a) && !o.targets.contains(&a) {
            o.agents.push(a);
        }
    }
    for t in e.targets {
        if !o.targets.contains(&t) && !o.agents.contains(&t) {
            o.targets.push(t);
        }
    }
    o.fatalities = o.fatalities.or(e.fatalities);
    o.captured = o.captured.or(e.captured);
    o.mode = o.mode.take().or(e.mode);
}

/// A month and day given without a year ("the September 11 attacks") take
/// the year of the same month and day stated in full elsewhere in the
/// document ("September 11, 2001"), rather than the anchor's.
fn same_day_years(mut dates: Vec<DateMention>) -> Vec<DateMention> {
    let full: Vec<PartialDate> = dates
        .iter()
        .filter(|d| d.kind == DateKind::Absolute && d.date.day.is_some())
        .map(|d| d.date)
        .collect();
    for d in dates.iter_mut() {
        if d.kind != DateKind::Relative || d.date.day.is_none() {
            continue;
        }
        let same: Vec<&PartialDate> = full
            .iter()
            .filter(|f| f.month == d.date.month && f.day == d.date.day)
            .collect();
        if let [one] = same.as_slice() {
            d.date = **one;
        }
    }
    dates
}

/// The people of a family named in the plural in the `by` phrase of a
/// passive ("by the Tsarnaevs"): the persons of the document whose name
/// ends in that surname.
fn family_by(
    text: &str,
    toks: &[Token],
    range: Range<usize>,
    h: Hit,
    ents: &DocEntities,
) -> Vec<String> {
    let Some(by) = (h.end..range.end.min(h.end + 4)).find(|&k| lower(toks, text, k) == "by") else {
        return Vec::new();
    };
    let mut k = by + 1;
    if lower(toks, text, k) == "the" {
        k += 1;
    }
    let Some(w) = toks
        .get(k)
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text))
    else {
        return Vec::new();
    };
    if !w.starts_with(char::is_uppercase) || !w.ends_with('s') || w.len() < 4 {
        return Vec::new();
    }
    let stems = [&w[..w.len() - 1], w.strip_suffix("es").unwrap_or(w)];
    ents.entities
        .iter()
        .filter(|e| {
            e.kind == EntityType::Person
                && e.name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|last| e.name.contains(' ') && stems.contains(&last))
        })
        .map(|e| e.id.clone())
        .collect()
}

/// An actor right after the verb at `h` (a determiner between allowed):
/// "asked Cuba to", "asked the government to".
fn actor_object(text: &str, toks: &[Token], sm: &[Ment], h: Hit) -> bool {
    let mut k = h.end;
    if matches!(lower(toks, text, k).as_str(), "the" | "a" | "an") {
        k += 1;
    }
    sm.iter().any(|m| m.first == k && is_actor(m.ent))
}

/// "warned that it would …", "warns it will …": a future of the subject's
/// own after the verb, in the same sentence.
fn announces_action(text: &str, toks: &[Token], range: Range<usize>, h: Hit) -> bool {
    (h.end..range.end).any(|k| matches!(lower(toks, text, k).as_str(), "would" | "will"))
}

/// "released three prisoners", "freed X": a release of people, not of a
/// statement or an image.
fn releases_people(text: &str, toks: &[Token], sm: &[Ment], h: Hit) -> bool {
    const CAPTIVES: &[&str] = &[
        "prisoner",
        "prisoners",
        "hostage",
        "hostages",
        "detainee",
        "detainees",
        "captive",
        "captives",
        "inmates",
    ];
    let window = h.end..(h.end + 5).min(toks.len());
    window
        .clone()
        .any(|k| CAPTIVES.contains(&lower(toks, text, k).as_str()))
        || sm
            .iter()
            .any(|m| window.contains(&m.first) && m.ent.kind == EntityType::Person)
}

fn merge(into: &mut EventOut, ev: EventOut, noun: bool) {
    // ("Two insurgents were detained during the operation": the subject of
    // the passive verb, its target, is not the doer an event noun after it
    // reads from the words before it)
    if into.agents.is_empty() {
        into.agents = ev
            .agents
            .into_iter()
            .filter(|a| !(noun && into.targets.contains(a)))
            .collect();
    }
    for t in ev.targets {
        if !into.targets.contains(&t) && !into.agents.contains(&t) {
            into.targets.push(t);
        }
    }
    into.targets.retain(|t| !into.agents.contains(t));
    into.date = into.date.or(ev.date);
    into.fatalities = into.fatalities.or(ev.fatalities);
    // "arrested a leader and detained two suspects": three people
    into.captured = match (into.captured, ev.captured) {
        (Some(a), Some(b)) => Some(a + b),
        (a, b) => a.or(b),
    };
    into.mode = into.mode.take().or(ev.mode);
}

/// Where the source of a sentence is named: after "according to", or after
/// the last comma of a sentence that ends in a speech verb ("…, security
/// officials said."). Token index, or `None`.
fn attribution_start(text: &str, toks: &[Token], range: Range<usize>) -> Option<usize> {
    if let Some(k) = according_to_at(text, toks, range.clone()) {
        return Some(k);
    }
    let last_word = (range.start..range.end)
        .rev()
        .find(|&k| toks[k].kind == TokenKind::Word)?;
    let speech = matches!(
        lower(toks, text, last_word).as_str(),
        "said" | "says" | "reported" | "told" | "added" | "stated" | "confirmed" | "announced"
    );
    if !speech {
        return None;
    }
    (range.start..last_word)
        .rev()
        .find(|&k| word_in(toks, text, k, &[","]))
}

/// A date something is planned for ("His sentencing is scheduled for
/// October 16", "the trial is set for May 3"): not the day the story is at.
fn scheduled(text: &str, toks: &[Token], d: &DateMention) -> bool {
    let i = toks.partition_point(|t| t.start < d.span.0);
    (i.saturating_sub(3)..i)
        .map(|k| lower(toks, text, k))
        .any(|x| {
            matches!(
                x.as_str(),
                "scheduled"
                    | "set"
                    | "due"
                    | "expected"
                    | "planned"
                    | "slated"
                    | "adjourned"
                    | "postponed"
            )
        })
}

/// The actor blamed for the attack whose trigger starts at `first`:
/// "X blamed Y for the bombing", "accused Y of the attack": Y is named
/// between the blame verb and "for"/"of", which stands at most three words
/// before the trigger.
fn blamed_for(
    text: &str,
    toks: &[Token],
    range: Range<usize>,
    sm: &[Ment],
    first: usize,
) -> Option<String> {
    let lo = range.start.max(first.saturating_sub(4));
    let prep = (lo..first)
        .rev()
        .find(|&k| matches!(lower(toks, text, k).as_str(), "for" | "of"))?;
    let verb = (range.start..prep).rev().find(|&k| {
        matches!(
            lower(toks, text, k).as_str(),
            "blamed" | "blames" | "blame" | "accused" | "accuses" | "accuse"
        )
    })?;
    // the accused: the last actor named between the verb and the preposition
    sm.iter()
        .filter(|m| m.first > verb && m.last <= prep && !m.modifier)
        .filter(|m| matches!(m.ent.kind, EntityType::Organization | EntityType::Person))
        .max_by_key(|m| m.last)
        .filter(|m| prep - m.last <= 1)
        .map(|m| m.ent.id.clone())
}

/// A general statement names neither a time nor a place; violence and
/// coercion also need a victim, a count or both a time and a place, and the
/// types PLOVER gives a required recipient need one.
fn specific_enough(ev: &EventOut, ents: &DocEntities, told_when: bool) -> bool {
    // "Colombia has asked Cuba to hand over the rebels", "the police also
    // blamed the Communist Party of Spain": an institution's act toward a
    // named party is news without a time or place (a lawyer who "asked
    // Berman to consider a trial date" is not)
    let institution = |id: &String| {
        ents.entities
            .iter()
            .any(|e| &e.id == id && (e.kind == EntityType::Organization || is_country(e)))
    };
    let person = |id: &String| {
        ents.entities
            .iter()
            .any(|e| &e.id == id && e.kind == EntityType::Person)
    };
    // (support given with no time is a standing tie, found by the tie
    // rules: "Al-Qaeda provided training, funds and weapons to the Taliban")
    // ("Kofi Annan appealed to the European Union to play a bigger role",
    // "Mbeki urged all countries to enforce the embargo": a named person's
    // appeal to an institution is news too)
    let between_parties = (matches!(ev.kind, PloverType::Accuse | PloverType::Request)
        && ev.agents.iter().any(|a| institution(a) || person(a))
        && ev.targets.iter().any(institution))
        // "Hamas and Fatah signed a truce": a deal between named parties
        // (two parties that sign together; a pledge to someone is no deal)
        || (ev.kind == PloverType::Agree
            && ev.agents.iter().any(institution)
            && ev.agents.len() >= 2);
    // "Chérif Chekatt – shot dead by police –": a named person attacked or
    // arrested by a named actor is one event, told or not when and where
    let named_victim = matches!(ev.kind, PloverType::Assault | PloverType::Coerce)
        && !ev.agents.is_empty()
        && ev.targets.iter().any(person);
    // ("Insurgents and American forces clashed briefly Thursday": a time
    // the text gives, though nothing dates the story, makes it one event)
    let dated = ev.date.is_some() || told_when;
    if !dated && ev.location.is_none() && !between_parties && !named_victim {
        return false;
    }
    match ev.kind {
        PloverType::Assault | PloverType::Coerce => {
            !ev.targets.is_empty()
                || ev.fatalities.is_some()
                || ev.captured.is_some()
                || (ev.date.is_some() && ev.location.is_some())
                // "a pipe bomb planted by X went off in New Jersey": a
                // device set off by a named actor somewhere is an event
                || (!ev.agents.is_empty() && ev.mode.as_deref() == Some("bombing"))
                // "battles between US troops and militants on Sunday": a
                // fight between two named sides on a day or at a place
                || (ev.mode.as_deref() == Some("clash") && ev.agents.len() + ev.targets.len() >= 2)
                // "the KDP had taken control of Arbil", "the Taliban
                // captured Ghazni": a named actor taking a named place
                || (!ev.agents.is_empty()
                    && ev.mode.as_deref() == Some("capture")
                    && ev.location.is_some())
        }
        // "X was listed on 12 December 2006 pursuant to …": a dated
        // sanction names its target, its author often goes unsaid
        PloverType::Sanction => {
            !ev.targets.is_empty() && (!ev.agents.is_empty() || ev.date.is_some())
        }
        PloverType::Cooperate
        | PloverType::Aid
        | PloverType::Accuse
        | PloverType::Request
        | PloverType::Support
        | PloverType::Reject => !ev.targets.is_empty() && !ev.agents.is_empty(),
        // the other types are about what the actor did ("warned it would
        // mount new attacks": a threat needs no one named as its target)
        _ => !ev.agents.is_empty(),
    }
}

fn find_triggers(
    text: &str,
    toks: &[Token],
    range: Range<usize>,
    sm: &[Ment],
    lex: &Triggers,
) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let t = &toks[i];
        if t.kind != TokenKind::Word || sm.iter().any(|m| m.first <= i && i < m.last) {
            i += 1;
            continue;
        }
        let raw = t.text(text);
        // title-case words inside a sentence are headlines or names
        if i > range.start && raw.chars().next().is_some_and(char::is_uppercase) {
            i += 1;
            continue;
        }
        let w = raw.to_lowercase();
        let Some(cands) = lex.by_first.get(w.as_str()) else {
            i += 1;
            continue;
        };
        let mut best: Option<(usize, Vec<usize>)> = None;
        for (words, idx) in cands {
            let n = words.len();
            if i + n > range.end {
                continue;
            }
            let ok = words
                .iter()
                .enumerate()
                .all(|(k, wd)| lower(toks, text, i + k) == *wd);
            if !ok {
                continue;
            }
            match &mut best {
                Some((len, idxs)) if *len == n => idxs.push(*idx),
                Some((len, _)) if *len > n => {}
                _ => best = Some((n, vec![*idx])),
            }
        }
        let Some((n, idxs)) = best else {
            i += 1;
            continue;
        };
        let prev = if i > range.start {
            lower(toks, text, i - 1)
        } else {
            String::new()
        };
        let after_det = DETERMINERS.contains(&prev.as_str())
            || PREPOSITIONS.contains(&prev.as_str())
            // "an Iranian-backed attack", "a Taliban-led assault": a
            // hyphenated participle is an adjective before a noun
            || (prev.contains('-') && (prev.ends_with("ed") || prev.ends_with("ing")))
            || toks.get(i.wrapping_sub(1)).is_some_and(|p| {
                i > range.start && (p.kind == TokenKind::Number || p.kind == TokenKind::Possessive)
            })
            // "a deadly bombing", "an attempted bombing": a gerund after a
            // determiner and one or two adjectives is a noun
            || (w.ends_with("ing") && (1..=2).any(|d| {
                i > range.start + d
                    && DETERMINERS.contains(&lower(toks, text, i - d - 1).as_str())
                    && (i - d..i).all(|k| {
                        let x = lower(toks, text, k);
                        toks[k].kind == TokenKind::Word
                            && !toks[k].text(text).starts_with(char::is_uppercase)
                            && !BE_FORMS.contains(&x.as_str())
                            && !PRONOUNS.contains(&x.as_str())
                            && !matches!(x.as_str(), "to" | "and" | "or" | "of")
                    })
            }));
        // choose the reading
        let pick = |pos: Pos| idxs.iter().copied().find(|&x| lex.entries[x].pos == pos);
        let chosen = match (pick(Pos::Light), pick(Pos::Noun), pick(Pos::Verb)) {
            (Some(l), _, _) => Some(l),
            (None, Some(nn), Some(v)) => Some(if after_det { nn } else { v }),
            (None, Some(nn), None) => Some(nn),
            (None, None, Some(v)) => Some(v),
            _ => None,
        };
        let Some(entry) = chosen else {
            i += n;
            continue;
        };
        let e = &lex.entries[entry];
        let accept = match e.pos {
            Pos::Light => {
                has_light_verb(text, toks, range.clone(), i, i + n)
                    || e.mode == Some("operation") && framed_operation(text, toks, range.start, i)
            }
            Pos::Noun => true,
            Pos::Verb => verb_reading_ok(text, toks, range.start, i, &w, after_det),
        };
        // "X was listed on 12 December 2006 pursuant to … resolution 1617",
        // "designated under Executive Order 13224": a listing is a sanction
        // only where the sentence speaks of sanctions
        let accept = accept
            && (!matches!(e.lemma, "list" | "designate")
                || range.clone().any(|k| {
                    matches!(
                        lower(toks, text, k).as_str(),
                        "pursuant"
                            | "resolution"
                            | "sanctions"
                            | "sanction"
                            | "committee"
                            | "blacklist"
                            | "executive"
                            | "ofac"
                            | "treasury"
                    )
                }));
        // "The security force targeted this area in order to disrupt Taliban
        // activity", "targeted a compound": a place targeted is where an
        // operation went, not an act against anyone
        let accept = accept
            && !(e.lemma == "target"
                && matches!(
                    lower(toks, text, i + n).as_str(),
                    "the" | "this" | "that" | "a" | "an"
                )
                && matches!(
                    lower(toks, text, i + n + 1).as_str(),
                    "area"
                        | "areas"
                        | "compound"
                        | "compounds"
                        | "village"
                        | "region"
                        | "building"
                        | "buildings"
                        | "location"
                        | "house"
                ));
        // "Hayden asked the agent if there was any evidence …": a question,
        // not a request (one asks someone to do something)
        let accept = accept
            && !(e.lemma == "ask"
                && (i + n..(i + n + 8).min(range.end))
                    .map(|k| lower(toks, text, k))
                    .take_while(|x| x != "to")
                    .any(|x| matches!(x.as_str(), "if" | "whether" | "why" | "how" | "what")));
        if accept {
            let passive = e.pos == Pos::Verb && is_passive(text, toks, range.start, i, &w);
            // "Algeria attacked Britain for allowing Islamist groups to
            // meet", "attacked the plan as ...": an attack with words, whose
            // reason follows its object, is a criticism (CAMEO 111)
            let entry = if e.lemma == "attack" && e.pos == Pos::Verb && !passive {
                let verbal = (i + n + 1..(i + n + 8).min(range.end)).any(|k| {
                    let x = lower(toks, text, k);
                    (x == "for" && lower(toks, text, k + 1).ends_with("ing"))
                        || x == "over"
                        || (x == "as" && k + 1 < range.end)
                            && lower(toks, text, k + 1).chars().all(char::is_alphabetic)
                            && !matches!(lower(toks, text, k + 1).as_str(), "well" | "part")
                });
                verbal
                    .then(|| lex.entries.iter().position(|x| x.lemma == "criticize"))
                    .flatten()
                    .unwrap_or(entry)
            } else {
                entry
            };
            hits.push(Hit {
                first: i,
                end: i + n,
                entry,
                passive,
            });
        }
        i += n;
    }
    hits
}

/// Verbs and adjectives of an accusation whose object did the act named
/// by the gerund after "of"/"for" ("accused X of setting off a bomb",
/// "convicted of killing", "arrested for attacking").
const ACCUSING: &[&str] = &[
    "accused",
    "accuses",
    "accuse",
    "charged",
    "charges",
    "convicted",
    "guilty",
    "suspected",
    "indicted",
    "arrested",
    "detained",
    "sentenced",
    "blamed",
    "blames",
    "blame",
];

/// For a gerund at `i` right after "of"/"for": the token of the accusing
/// word governing it (at most eight tokens back), if any.
fn accused_of(text: &str, toks: &[Token], start: usize, i: usize) -> Option<usize> {
    if i <= start || !matches!(lower(toks, text, i - 1).as_str(), "of" | "for") {
        return None;
    }
    (i.saturating_sub(9).max(start)..i - 1)
        .rev()
        .find(|&k| ACCUSING.contains(&lower(toks, text, k).as_str()))
}

/// A verb form that reads as a finite verb or a participial clause, not as
/// a noun ("the killing"), an adjective ("the wounded") or a gerund after a
/// preposition ("interest in attacking").
fn verb_reading_ok(
    text: &str,
    toks: &[Token],
    start: usize,
    i: usize,
    w: &str,
    after_det: bool,
) -> bool {
    let prev = if i > start {
        lower(toks, text, i - 1)
    } else {
        String::new()
    };
    // "a Taliban bomb maker", "a bomb factory": a bare verb form that
    // modifies the noun after it is part of a compound noun
    if !w.ends_with("ed")
        && !w.ends_with("ing")
        && matches!(
            lower(toks, text, i + 1).as_str(),
            "maker"
                | "makers"
                | "factory"
                | "factories"
                | "expert"
                | "experts"
                | "specialist"
                | "specialists"
                | "cell"
                | "cells"
                | "squad"
                | "squads"
                | "disposal"
                | "plot"
                | "plots"
                | "helicopter"
                | "helicopters"
                | "materials"
                | "components"
        )
    {
        return false;
    }
    if w.ends_with("ing") {
        // participial clause after a comma or dash, progressive after "be",
        // or "the killing of X"
        // ("returned fire killing several insurgents": the result of the
        // return of fire)
        return matches!(prev.as_str(), "," | "--" | "—" | "–" | "-" | "and")
            || (prev == "fire"
                && i >= start + 2
                && lower(toks, text, i - 2).starts_with("return"))
            || BE_FORMS.contains(&prev.as_str())
            || (prev == "the" && lower(toks, text, i + 1) == "of")
            || accused_of(text, toks, start, i).is_some();
    }
    !after_det || PREPOSITIONS.contains(&prev.as_str()) && w.ends_with("ed")
}

fn is_passive(text: &str, toks: &[Token], start: usize, i: usize, w: &str) -> bool {
    let participle = w.ends_with("ed")
        || matches!(
            w,
            "struck" | "shot" | "withdrawn" | "overthrown" | "frozen" | "met" | "hit"
        );
    if !participle {
        return false;
    }
    // a reduced relative: "X – shot dead by police –", "a convoy attacked
    // by militants" (not after have/has/had: "had killed by then")
    let prev = i
        .checked_sub(1)
        .filter(|&k| k >= start)
        .map(|k| lower(toks, text, k));
    let by_follows = (i + 1..(i + 3).min(toks.len())).any(|k| lower(toks, text, k) == "by")
        && !(i + 1..(i + 3).min(toks.len())).any(|k| lower(toks, text, k) == "the" && k == i + 1);
    if by_follows && !matches!(prev.as_deref(), Some("have" | "has" | "had" | "having")) {
        return true;
    }
    // "were killed with two other Americans and an Afghani injured": a
    // participle closing its clause with no object is an absolute
    // (passive) phrase, not a verb whose subject comes before
    let closes = toks
        .get(i + 1)
        .is_none_or(|t| matches!(t.text(text), "." | "," | ";" | ":" | ")"));
    if closes
        && w.ends_with("ed")
        && !matches!(prev.as_deref(), Some("have" | "has" | "had" | "having"))
    {
        return true;
    }
    let mut k = i;
    let mut steps = 0;
    while k > start && steps < 4 {
        k -= 1;
        steps += 1;
        let p = lower(toks, text, k);
        if BE_FORMS.contains(&p.as_str()) {
            return true;
        }
        // "was confirmed killed", "were reported killed": a verb of
        // reporting between the "be" and the participle
        let reported = matches!(
            p.as_str(),
            "confirmed" | "reported" | "believed" | "thought" | "presumed"
        );
        if !(ADVERBS.contains(&p.as_str())
            || NEGATIONS.contains(&p.as_str())
            || p.ends_with("ly")
            || reported)
        {
            return false;
        }
    }
    false
}

/// "held talks", "opened direct peace talks", "a deal struck with", "talks
/// held in".
fn has_light_verb(text: &str, toks: &[Token], range: Range<usize>, i: usize, end: usize) -> bool {
    let before = (i.saturating_sub(4).max(range.start)..i)
        .any(|k| LIGHT_VERBS.contains(&lower(toks, text, k).as_str()));
    let after = (end..(end + 2).min(range.end))
        .any(|k| LIGHT_VERBS.contains(&lower(toks, text, k).as_str()));
    before || after
}

/// "during a security operation", "in an overnight operation": an
/// operation that took place, named in a prepositional phrase (a
/// determiner and at most two modifiers between).
fn framed_operation(text: &str, toks: &[Token], start: usize, i: usize) -> bool {
    (i.saturating_sub(4).max(start)..i).any(|k| {
        matches!(
            lower(toks, text, k).as_str(),
            "during" | "in" | "throughout" | "following"
        ) && matches!(lower(toks, text, k + 1).as_str(), "a" | "an" | "the")
            && (k + 2..i).all(|j| toks[j].kind == TokenKind::Word)
    })
}

/// "struck a deal", "a deal struck with": agreement, not assault.
fn is_agreement_strike(text: &str, toks: &[Token], h: Hit) -> bool {
    let w = lower(toks, text, h.first);
    if !matches!(w.as_str(), "strike" | "strikes" | "struck" | "striking") {
        return false;
    }
    let near = h.first.saturating_sub(3)..(h.end + 4).min(toks.len());
    near.into_iter()
        .any(|k| AGREEMENT_NOUNS.contains(&lower(toks, text, k).as_str()))
}

/// "engaged in talks", "engaged with elders": taking part or talking, not
/// fighting ("engaged the enemy position").
fn engaged_in(text: &str, toks: &[Token], h: Hit) -> bool {
    // ("the force was engaged by multiple insurgents": a passive attack)
    let passive_by = lower(toks, text, h.end) == "by"
        && h.first > 0
        && BE_FORMS.contains(&lower(toks, text, h.first - 1).as_str());
    !passive_by
        && matches!(
            lower(toks, text, h.end).as_str(),
            "in" | "with" | "on" | "by" | "to" | "as" | "for"
        )
}

/// Is the event under a modal, an infinitive, a condition, a negation or a
/// habitual adverb within its clause, or an unrealised noun ("planning
/// attacks")?
fn unrealised(text: &str, toks: &[Token], start: usize, h: Hit, entry: &Entry) -> bool {
    let mut k = h.first;
    let mut steps = 0;
    // ", killing all four" after "used air assets to attack the
    // insurgents": a participle that tells what came of the clause before;
    // that clause's purpose infinitive does not make it unrealised
    let result_participle = h.first > start
        && toks[h.first - 1].text(text) == ","
        && lower(toks, text, h.first).ends_with("ing");
    while k > start && steps < 14 {
        k -= 1;
        steps += 1;
        let w = lower(toks, text, k);
        let w = w.as_str();
        if result_participle && k + 1 == h.first {
            break;
        }
        // "coordinate improvised explosive device (IED) attacks": a short
        // bracketed abbreviation is read past
        if w == ")" {
            if let Some(open) = (k.saturating_sub(4).max(start)..k)
                .rev()
                .find(|&j| toks[j].text(text) == "(")
            {
                k = open;
                continue;
            }
        }
        if matches!(w, ";" | ":" | "(" | ")") || SUBORDINATORS.contains(&w) {
            // a condition may open the clause: "if ... X attacked"
            break;
        }
        // (the month: "on 3 May 2021, killing 15" is no modal "may")
        let capitalised = toks[k].text(text).starts_with(char::is_uppercase);
        // ("India has often accused Pakistan of …": an accusation made
        // again and again is still made; a habit of attacking is no event)
        let habitual = HABITUAL.contains(&w) && entry.kind != PloverType::Accuse;
        if (CONDITIONALS.contains(&w) || MODALS.contains(&w) || habitual)
            && !(capitalised && w == "may")
        {
            return true;
        }
        if steps <= 3 && (NEGATIONS.contains(&w) || w.ends_with("n't")) {
            return true;
        }
        // "the gun that was later used to kill X": what it was used for
        // happened
        if w == "to" && k > start && lower(toks, text, k - 1) == "used" {
            break;
        }
        if w == "to" {
            let next = lower(toks, text, k + 1);
            let next_tok = toks.get(k + 1);
            let verbish = next_tok.is_some_and(|t| {
                t.kind == TokenKind::Word && !t.text(text).starts_with(char::is_uppercase)
            }) && !DETERMINERS.contains(&next.as_str())
                && !PRONOUNS.contains(&next.as_str());
            if verbish {
                return true;
            }
        }
        if w == "," && entry.pos != Pos::Verb {
            break;
        }
    }
    // "planning attacks", "a possible deal"
    let prev: Vec<String> = (1..=3)
        .filter_map(|d| h.first.checked_sub(d))
        .filter(|&k| k >= start)
        .map(|k| lower(toks, text, k))
        .collect();
    if prev.iter().any(|w| UNREALISED.contains(&w.as_str())) {
        return true;
    }
    // a conditional right after: "attacks if ..." is fine; "whether" before
    // was handled above
    false
}

/// What someone does as a rule, told with a bare plural event noun: "he
/// leads attacks against Afghan and coalition forces", "responsible for IED
/// attacks against civilians", "was directly involved in attacks". A
/// description of a role, not an event (the caller asks that the sentence
/// names no date: "X led attacks on two towns on Monday" is news).
fn habitual_plural(text: &str, toks: &[Token], start: usize, h: Hit) -> bool {
    // the bare plural heads the phrase: the trigger itself ("attacks"), or
    // a noun it modifies ("homemade bomb and ambush attacks")
    let plural_head = |w: &str| {
        matches!(
            w,
            "attacks"
                | "ambushes"
                | "bombings"
                | "raids"
                | "killings"
                | "assassinations"
                | "kidnappings"
                | "abductions"
                | "strikes"
        )
    };
    let heads = h.end > h.first && plural_head(&lower(toks, text, h.end - 1)) || {
        let mut j = h.end;
        let mut found = false;
        while j < toks.len() && j < h.end + 5 {
            let w = lower(toks, text, j);
            if plural_head(&w) {
                found = true;
                break;
            }
            if !(toks[j].kind == TokenKind::Word || w == "-") || DETERMINERS.contains(&w.as_str()) {
                break;
            }
            j += 1;
        }
        found
    };
    if !heads {
        return false;
    }
    // back over the noun's modifiers ("homemade bomb and ambush attacks",
    // "direct fire and IED attacks") to its governor; a determiner or a
    // number makes them particular ("responsible for the attacks")
    // "munitions for attacks against Afghan forces": what they are for
    if h.first > start && lower(toks, text, h.first - 1) == "for" {
        return true;
    }
    let mut k = h.first;
    let mut steps = 0;
    while k > start && steps < 8 {
        k -= 1;
        steps += 1;
        let w = lower(toks, text, k);
        if DETERMINERS.contains(&w.as_str()) || toks[k].kind == TokenKind::Number {
            return false;
        }
        if matches!(
            w.as_str(),
            "responsible"
                | "involved"
                | "leads"
                | "led"
                | "leading"
                | "conducts"
                | "conducted"
                | "conducting"
                | "coordinates"
                | "coordinated"
                | "coordinating"
                | "participates"
                | "participated"
                | "directs"
                | "directed"
                | "directing"
                | "organizes"
                | "organises"
                | "facilitates"
                | "facilitated"
                | "specializes"
                | "specialized"
                | "specialises"
                | "specialised"
                | "carries"
                | "executes"
                | "known"
        ) {
            return true;
        }
        if !(toks[k].kind == TokenKind::Word || matches!(toks[k].text(text), "-" | "," | "/"))
            || matches!(
                w.as_str(),
                "who" | "which" | "that" | "when" | "after" | "as"
            )
        {
            return false;
        }
    }
    false
}

/// The actors of one trigger: (agents, targets) as entity ids.
fn participants<'a>(
    text: &str,
    toks: &[Token],
    range: Range<usize>,
    sm: &[Ment<'a>],
    h: Hit,
    entry: &Entry,
    prev_person: Option<&'a DocEntity>,
) -> (Vec<String>, Vec<String>) {
    let actor = |m: &&Ment| is_actor(m.ent) && !m.modifier;
    let prev_word = |m: &Ment| {
        if m.first > range.start {
            lower(toks, text, m.first - 1)
        } else {
            String::new()
        }
    };
    // a country after "in", "from", "across" is a place, not an actor
    let place_use = |m: &Ment| {
        is_country(m.ent) && {
            let mut k = m.first;
            let mut p = String::new();
            // ("in northern Iraq", "across the south-east of")
            while k > range.start {
                k -= 1;
                p = lower(toks, text, k);
                if !(p == "the"
                    || crate::text::COMPASS_ADJECTIVES.contains(&p.as_str())
                    || matches!(p.as_str(), "north" | "south" | "east" | "west"))
                {
                    break;
                }
            }
            matches!(
                p.as_str(),
                "in" | "from" | "across" | "throughout" | "inside" | "near" | "into" | "of" | "out"
            )
        }
    };
    let mut agents: Vec<&'a DocEntity> = Vec::new();
    let mut targets: Vec<&'a DocEntity> = Vec::new();
    let clause_end = object_end(text, toks, range.clone(), h.end);
    // "…, Police Commissioner X said", "…, security officials and doctor X
    // from the hospital said", "…, according to X": a reporter, not a
    // participant
    let source_from = attribution_start(text, toks, range.clone());
    let reporter = |m: &Ment| {
        source_from.is_some_and(|p| m.first > p)
            || (m.last..(m.last + 2).min(range.end)).any(|k| {
                matches!(
                    lower(toks, text, k).as_str(),
                    "said" | "says" | "told" | "added" | "noted" | "stated"
                )
            })
            // "…, Eastern Region Brigade Commander Major X said": an
            // organisation in the reporter's title
            || {
                let mut k = m.last;
                while k < range.end
                    && k < m.last + 6
                    && toks[k].kind == TokenKind::Word
                    && toks[k].text(text).starts_with(char::is_uppercase)
                {
                    k += 1;
                }
                k > m.last
                    && k < range.end
                    && matches!(lower(toks, text, k).as_str(), "said" | "says" | "told")
            }
    };
    let after: Vec<&Ment> = sm
        .iter()
        .filter(|m| m.first >= h.end && m.first < clause_end)
        .filter(actor)
        .filter(|m| !place_use(m) && !reporter(m))
        .collect();

    if h.passive {
        // "X was killed by Y"
        if let Some(pos) = (h.end..clause_end).find(|&k| lower(toks, text, k) == "by") {
            if let Some(m) = after.iter().find(|m| m.first > pos) {
                agents.push(m.ent);
            }
        }
        // "50 Russian servicemen have been killed in a battle with
        // separatist rebels": the other side of the fight is the agent
        if agents.is_empty() && lower(toks, text, h.end) == "in" {
            let mut k = h.end + 1;
            if matches!(lower(toks, text, k).as_str(), "a" | "an" | "the") {
                k += 1;
            }
            let fight = matches!(
                lower(toks, text, k).as_str(),
                "battle"
                    | "clash"
                    | "clashes"
                    | "fighting"
                    | "gunfight"
                    | "firefight"
                    | "shootout"
                    | "gunbattle"
                    | "ambush"
                    | "attack"
                    | "raid"
            );
            if fight && matches!(lower(toks, text, k + 1).as_str(), "with" | "by") {
                if let Some(m) = after.iter().find(|m| m.first > k + 1 && m.first <= k + 4) {
                    agents.push(m.ent);
                }
            }
        }
        if let Some(m) = subject_before(text, toks, range.clone(), sm, h.first) {
            targets.extend(coordinated_before(
                text,
                toks,
                range.clone(),
                sm,
                &m,
                prev_person,
            ));
            targets.push(m.ent);
        } else if let Some(p) = pronoun_subject(text, toks, range.clone(), sm, h, prev_person) {
            targets.push(p);
        }
    } else if entry.mode == Some("firefight")
        && lower(toks, text, h.end) == "with"
        && after.first().is_some_and(|m| m.first <= h.end + 2)
    {
        // "X died after a gunfight with police": the other side is the
        // agent, the one it happened to the target
        agents.push(after[0].ent);
        // "X died after a gunfight with police": the person before it
        let person = sm
            .iter()
            .rev()
            .find(|m| m.last <= h.first && m.ent.kind == EntityType::Person && !m.modifier);
        if let Some(m) = subject_before(text, toks, range.clone(), sm, h.first) {
            targets.push(m.ent);
        } else if let Some(m) = person {
            targets.push(m.ent);
        } else if let Some(p) = pronoun_subject(text, toks, range.clone(), sm, h, prev_person) {
            targets.push(p);
        } else if let Some(p) = (range.start..h.first)
            .find(|&k| matches!(lower(toks, text, k).as_str(), "he" | "she"))
            .and(prev_person)
        {
            targets.push(p);
        }
    } else if let Some(a) = accused_of(text, toks, range.start, h.first)
        .filter(|_| lower(toks, text, h.first).ends_with("ing"))
    {
        // "accused the Afghan-born U.S. citizen of setting off an
        // explosion": the accused is the doer, named or described (the
        // person just named); "X was convicted of killing": the subject
        if let Some(m) = sm.iter().find(|m| {
            m.first > a
                && m.last < h.first
                && (matches!(m.ent.kind, EntityType::Person | EntityType::Organization)
                    || is_country(m.ent))
                && !m.modifier
                && !toks.get(m.last).is_some_and(|t| {
                    t.kind == TokenKind::Word
                        && t.text(text).starts_with(char::is_lowercase)
                        && t.text(text) != "of"
                })
        }) {
            agents.push(m.ent);
        } else if lower(toks, text, a + 1) == "the" || lower(toks, text, a + 1) == "of" {
            if let Some(p) = sm
                .iter()
                .rev()
                .find(|m| m.last <= a && m.ent.kind == EntityType::Person)
                .map(|m| m.ent)
                .or(prev_person)
            {
                agents.push(p);
            }
        } else if let Some(m) = subject_before(text, toks, range.clone(), sm, a) {
            agents.push(m.ent);
        }
        for m in &after {
            targets.push(m.ent);
            if targets.len() >= 4 {
                break;
            }
        }
    } else {
        if let Some(m) = device_placer(text, toks, range.clone(), sm, h) {
            // "another pipe bomb planted by Rahimi went off"
            agents.push(m.ent);
        } else if let Some(m) = subject_before(text, toks, range.clone(), sm, h.first) {
            if entry.pos == Pos::Noun && survived(text, toks, &m, h) {
                // "Maduro survived an attack on his life": the one attacked
                targets.push(m.ent);
            } else if (entry.pos != Pos::Noun
                && !(in_phrase(text, toks, range.start, h.first) && premodifier(text, toks, &m)))
                || noun_agent(text, toks, &m, h, entry)
            {
                agents.extend(coordinated_before(
                    text,
                    toks,
                    range.clone(),
                    sm,
                    &m,
                    prev_person,
                ));
                agents.push(m.ent);
            } else if let Some(p) = pronoun_doer(text, toks, sm, &m, h, prev_person) {
                agents.push(p);
            }
        } else if let Some(p) = pronoun_subject(text, toks, range.clone(), sm, h, prev_person) {
            agents.push(p);
        }
        // "an attack by thousands of PUK fighters": the doer of an attack
        // noun named in its "by" phrase
        let by_agent = (entry.pos == Pos::Noun
            && entry.kind == PloverType::Assault
            && lower(toks, text, h.end) == "by")
            .then(|| {
                after
                    .iter()
                    .find(|m| m.first > h.end && m.first <= h.end + 4)
            })
            .flatten()
            .map(|m| m.ent);
        if let Some(a) = by_agent {
            agents.clear();
            agents.push(a);
        }
        // "17 days of fighting between Israel and the guerrillas", "a
        // battle between X and Y": the two sides, whoever they are
        let between = entry.pos == Pos::Noun
            && entry.kind == PloverType::Assault
            && lower(toks, text, h.end) == "between";
        if between {
            // (a name inside another is no side: "US" in "US troops")
            let sides: Vec<&&Ment> = after
                .iter()
                .filter(|m| m.first > h.end && m.first <= h.end + 8)
                .filter(|m| {
                    !after.iter().any(|o| {
                        o.first <= m.first
                            && m.last <= o.last
                            && o.last - o.first > m.last - m.first
                    })
                })
                .take(2)
                .collect();
            if let [x, y] = sides.as_slice() {
                let joined = (x.last..y.first).any(|k| lower(toks, text, k) == "and");
                if joined {
                    if agents.is_empty() {
                        agents.push(x.ent);
                    }
                    targets.push(y.ent);
                }
            }
        }
        for m in after.iter().filter(|_| !between) {
            if by_agent.is_some_and(|a| a.id == m.ent.id) {
                continue;
            }
            // (past an article: "the capture of a Taliban sub-commander")
            let prep = || {
                let p = prev_word(m);
                if matches!(p.as_str(), "the" | "a" | "an") && m.first >= range.start + 2 {
                    lower(toks, text, m.first - 2)
                } else {
                    p
                }
            };
            // an attack noun's target comes with a preposition ("an attack
            // on X", "the bombing of X"): "the explosion … occurred about
            // 8:30 p.m., police said" has none
            // ... in the noun's own phrase: in "an attack on his life during
            // a parade celebrating the anniversary of the Guard", the Guard
            // is in a later phrase
            let later_phrase = (h.end + 1..m.first).any(|k| {
                matches!(
                    lower(toks, text, k).as_str(),
                    "during"
                        | "in"
                        | "at"
                        | "near"
                        | "after"
                        | "before"
                        | "with"
                        | "for"
                        | "by"
                        | "amid"
                        | "while"
                        | "celebrating"
                        | "marking"
                )
            });
            // (so does a device that "went off" or "exploded": it has no
            // object)
            let intransitive = matches!(entry.lemma, "explode" | "go off");
            if (entry.pos == Pos::Noun || intransitive)
                && entry.kind == PloverType::Assault
                && (!matches!(
                    prep().as_str(),
                    "against" | "on" | "at" | "targeting" | "of" | "near"
                ) || later_phrase)
            {
                continue;
            }
            // the other party of a meeting comes with "with"; of an assault,
            // a country is only a target after "against"/"on" or as a
            // modifier ("U.S. targets")
            if is_country(m.ent) && entry.kind == PloverType::Assault {
                let p = prev_word(m);
                let p = if p == "the" && m.first >= range.start + 2 {
                    lower(toks, text, m.first - 2)
                } else {
                    p
                };
                let modifier_use = toks.get(m.last).is_some_and(|t| {
                    t.kind == TokenKind::Word && t.text(text).starts_with(char::is_lowercase)
                });
                if !(matches!(p.as_str(), "against" | "on" | "at" | "targeting") || modifier_use) {
                    continue;
                }
            }
            targets.push(m.ent);
            if targets.len() >= 4 {
                break;
            }
        }
    }
    // "The truce was agreed in talks on Thursday between Russian
    // peacemaker X and rebel chief-of-staff Y": the parties of a deal or of
    // talks are the two named "between" (past their titles)
    if matches!(entry.kind, PloverType::Agree | PloverType::Consult)
        && agents.len() + targets.len() < 2
    {
        if let Some(b) =
            (h.end..range.end.min(h.end + 8)).find(|&k| lower(toks, text, k) == "between")
        {
            // a side: the actors within four words (no "and" between),
            // a person before an organisation ("U.S. envoy Robert
            // Pelletreau"); the first side must end right before "and"
            let side = |from: usize, before_and: bool| {
                let c: Vec<&Ment> = sm
                    .iter()
                    .filter(|m| {
                        m.first >= from
                            && m.first <= from + 4
                            && is_actor(m.ent)
                            && !m.modifier
                            && (from..m.first).all(|k| {
                                toks[k].kind != TokenKind::Punct && lower(toks, text, k) != "and"
                            })
                            && (!before_and || lower(toks, text, m.last) == "and")
                    })
                    .collect();
                c.iter()
                    .find(|m| m.ent.kind == EntityType::Person)
                    .or(c.first())
                    .map(|m| **m)
            };
            if let Some((x, y)) =
                side(b + 1, true).and_then(|x| Some((x, side(x.last + 1, false)?)))
            {
                agents.clear();
                targets.clear();
                agents.push(x.ent);
                agents.push(y.ent);
            }
        }
    }
    // whoever the sentence names only as its source ("…, according to two
    // medical officials") reports the event and takes no part in it
    if let Some(p) = source_from {
        let only_source = |e: &&DocEntity| {
            sm.iter()
                .filter(|m| std::ptr::eq(m.ent, *e))
                .all(|m| m.first > p)
        };
        agents.retain(|e| !only_source(e));
        targets.retain(|e| !only_source(e));
    }
    let mut a: Vec<String> = Vec::new();
    for e in agents {
        if !a.contains(&e.id) {
            a.push(e.id.clone());
        }
    }
    let mut t: Vec<String> = Vec::new();
    for e in targets {
        if !t.contains(&e.id) && !a.contains(&e.id) {
            t.push(e.id.clone());
        }
    }
    (a, t)
}

/// "X survived an attack", "X escaped an assassination attempt": the
/// subject of the noun's verb is whom it was aimed at.
fn survived(text: &str, toks: &[Token], m: &Ment, h: Hit) -> bool {
    (m.last..h.first).any(|k| {
        matches!(
            lower(toks, text, k).as_str(),
            "survived" | "survives" | "survive" | "escaped" | "escapes" | "escape"
        )
    })
}

/// Verbs and words that make the subject the doer of an event noun:
/// "X carried out the bombing", "X claimed the attack", "X was behind the
/// attack". Without one, a subject only mentions the event ("authorities
/// have not named the bombing an act of terror", "a woman who lost a leg
/// in the bombing").
const AGENTIVE: &[&str] = &[
    "carried",
    "carry",
    "carries",
    "carrying",
    "conducted",
    "conduct",
    "conducts",
    "conducting",
    "launched",
    "launch",
    "launches",
    "launching",
    "staged",
    "stage",
    "stages",
    "mounted",
    "mount",
    "mounts",
    "claimed",
    "claim",
    "claims",
    "perpetrated",
    "committed",
    "commit",
    "executed",
    "orchestrated",
    "orchestrating",
    "masterminded",
    "masterminding",
    "perpetrating",
    "committing",
    "staging",
    "mounting",
    "led",
    "leads",
    "lead",
    "made",
    "make",
    "makes",
    "began",
    "begin",
    "begins",
    "started",
    "start",
    "starts",
    "undertook",
    "undertake",
    "continued",
    "continue",
    "continues",
    "escalated",
    "intensified",
];

/// May the actor `m` before an event noun be its doer? Yes when it
/// modifies the noun ("a Taliban attack", "the group's bombing") or an
/// agentive verb stands between them ("X carried out an attack").
/// "… operating in Mata Khan district during an overnight operation": a
/// light noun inside a prepositional phrase is no light verb's object, so
/// its subject is found as a noun's is.
fn in_phrase(text: &str, toks: &[Token], start: usize, at: usize) -> bool {
    let mut k = at;
    let mut steps = 0;
    while k > start && steps < 3 {
        k -= 1;
        steps += 1;
        let w = lower(toks, text, k);
        if matches!(
            w.as_str(),
            "during" | "in" | "after" | "before" | "throughout"
        ) {
            return true;
        }
        let modifier = w.chars().all(|c| c.is_ascii_lowercase()) && !w.ends_with("ed");
        if !DETERMINERS.contains(&w.as_str()) && !modifier {
            return false;
        }
    }
    false
}

/// "a Taliban sub-commander operating in …": an actor named before a
/// lowercase noun describes that noun, it is no clause's subject ("the
/// force stopped", "the force, which …" are).
fn premodifier(text: &str, toks: &[Token], m: &Ment) -> bool {
    toks.get(m.last).is_some_and(|t| {
        let w = t.text(text);
        t.kind == TokenKind::Word
            && w.starts_with(char::is_lowercase)
            && !w.ends_with("ed")
            && !BE_FORMS.contains(&w)
            && !matches!(
                w,
                "has" | "have" | "had" | "and" | "or" | "who" | "which" | "that"
            )
    })
}

fn noun_agent(text: &str, toks: &[Token], m: &Ment, h: Hit, entry: &Entry) -> bool {
    if m.last >= h.first {
        return true;
    }
    let between: Vec<String> = (m.last..h.first).map(|k| lower(toks, text, k)).collect();
    // "X's attack", "X airstrikes", "X, whose attack"
    if between
        .iter()
        .all(|w| DETERMINERS.contains(&w.as_str()) || w == "'s" || w == "’s" || w.ends_with("-led"))
    {
        return true;
    }
    // another subject between: "X … the night he committed the attack"
    if between
        .iter()
        .any(|w| matches!(w.as_str(), "he" | "she" | "they"))
    {
        return false;
    }
    // "X was behind the attack", "X, the bomber behind the bombing", "X is
    // responsible for the bombing" (not "police arrested the man behind")
    let copular = between
        .iter()
        .position(|w| matches!(w.as_str(), "behind" | "responsible"))
        .is_some_and(|b| {
            between[..b].iter().all(|w| {
                BE_FORMS.contains(&w.as_str())
                    || DETERMINERS.contains(&w.as_str())
                    || w == ","
                    || (w.chars().all(|c| c.is_ascii_lowercase())
                        && !w.ends_with("ed")
                        && !w.ends_with("ing"))
            })
        });
    // "forces confirmed the arrest of two suspects": who reports an
    // arrest made it (not so for an attack a ministry confirms)
    let reported_arrest = (entry.kind == PloverType::Coerce || entry.lemma == "capture")
        && between
            .iter()
            .any(|w| matches!(w.as_str(), "confirmed" | "announced" | "reported"));
    // "X … went on hunger strike", "X went on a rampage"
    let went_on = matches!(
        between.as_slice(),
        [.., go, on] if matches!(go.as_str(), "went" | "go" | "goes" | "going") && on == "on"
    ) || matches!(
        between.as_slice(),
        [.., go, on, det] if matches!(go.as_str(), "went" | "go" | "goes" | "going")
            && on == "on" && DETERMINERS.contains(&det.as_str())
    );
    copular || reported_arrest || went_on || between.iter().any(|w| AGENTIVE.contains(&w.as_str()))
}

/// Is "they" the subject right before the trigger (adverbs and
/// auxiliaries between), opening its clause?
fn they_subject(text: &str, toks: &[Token], range: Range<usize>, h: Hit) -> bool {
    let mut k = h.first;
    let mut steps = 0;
    while k > range.start && steps < 4 {
        k -= 1;
        steps += 1;
        let w = lower(toks, text, k);
        if w == "they" {
            return k == range.start
                || matches!(
                    lower(toks, text, k - 1).as_str(),
                    "," | "and" | "but" | "then"
                );
        }
        if !(ADVERBS.contains(&w.as_str())
            || w.ends_with("ly")
            || matches!(w.as_str(), "have" | "had" | "also" | "then" | "later"))
        {
            return false;
        }
    }
    false
}

/// Plural descriptions of people that a pair named elsewhere stands for.
const PLURAL_PEOPLE: &[&str] = &[
    "brothers",
    "suspects",
    "men",
    "attackers",
    "bombers",
    "gunmen",
    "assailants",
    "pair",
    "duo",
];

/// Does the subject side of the trigger end in a plural description of
/// people ("The brothers allegedly set off", "two men accused of carrying
/// out the bombing", "the Tsarnaev brothers shot")? No actor may stand
/// between.
fn plural_subject(text: &str, toks: &[Token], range: Range<usize>, sm: &[Ment], h: Hit) -> bool {
    let from = h.first.saturating_sub(8).max(range.start);
    (from..h.first).any(|k| {
        PLURAL_PEOPLE.contains(&lower(toks, text, k).as_str())
            && (k == range.start
                || matches!(
                    lower(toks, text, k.saturating_sub(1)).as_str(),
                    "the" | "two" | "both" | "brothers"
                )
                || toks[k - 1].text(text).starts_with(char::is_uppercase))
            && !sm
                .iter()
                .any(|m| m.first > k && m.last <= h.first && is_actor(m.ent))
    })
}

/// Pairs of people the text names together, by sentence: "Bilal Mohammed
/// and Mieraili Yusufu", and a person with the kin the text gives him ("X
/// … his younger brother Dzhokhar").
fn person_pairs<'a>(
    text: &str,
    toks: &[Token],
    ments: &[Ment<'a>],
    sentences: &[Range<usize>],
) -> Vec<(usize, [&'a DocEntity; 2])> {
    let mut out = Vec::new();
    for (si, r) in sentences.iter().enumerate() {
        let people: Vec<&Ment> = ments
            .iter()
            .filter(|m| m.first >= r.start && m.last <= r.end && m.ent.kind == EntityType::Person)
            .collect();
        for w in people.windows(2) {
            let (a, b) = (w[0], w[1]);
            if a.ent.id == b.ent.id {
                continue;
            }
            let between: Vec<String> = (a.last..b.first).map(|k| lower(toks, text, k)).collect();
            let joined = between.len() == 1 && between[0] == "and";
            let kin = between.len() <= 6
                && between
                    .iter()
                    .any(|x| matches!(x.as_str(), "brother" | "sister"))
                && between.iter().any(|x| matches!(x.as_str(), "his" | "her"));
            if joined || kin {
                out.push((si, [a.ent, b.ent]));
            }
        }
    }
    out
}

/// The pair named nearest before sentence `si` (or in the two sentences
/// after it, when a description comes first: "two men accused of … The
/// court indicted A and B").
fn nearest_pair<'a>(
    pairs: &[(usize, [&'a DocEntity; 2])],
    si: usize,
) -> Option<[&'a DocEntity; 2]> {
    pairs
        .iter()
        .rev()
        .find(|(s, _)| *s <= si)
        .or_else(|| pairs.iter().find(|(s, _)| *s > si && *s <= si + 2))
        .map(|(_, p)| *p)
}

/// The actors coordinated before a subject `m`: "Bilal and Mieraili have
/// been detained", "he and his brother, Tamerlan, set off" (a he/she
/// stands for `person`), "A, B and C".
fn coordinated_before<'a>(
    text: &str,
    toks: &[Token],
    range: Range<usize>,
    sm: &[Ment<'a>],
    m: &Ment<'a>,
    person: Option<&'a DocEntity>,
) -> Vec<&'a DocEntity> {
    let mut out = Vec::new();
    let mut k = m.first;
    // "his brother, Tamerlan": an apposition of a kin noun
    let skip_kin = |k: usize| -> usize {
        let mut j = k;
        if j > range.start && lower(toks, text, j - 1) == "," {
            j -= 1;
        }
        let mut steps = 0;
        while j > range.start
            && steps < 3
            && matches!(
                lower(toks, text, j - 1).as_str(),
                "his"
                    | "her"
                    | "their"
                    | "brother"
                    | "sister"
                    | "younger"
                    | "older"
                    | "elder"
                    | "son"
                    | "father"
                    | "wife"
                    | "husband"
                    | "friend"
            )
        {
            j -= 1;
            steps += 1;
        }
        if steps > 0 {
            j
        } else {
            k
        }
    };
    // "the PUK", "rebel chief-of-staff Aslan Maskhadov": a determiner, or
    // words of the conjunct's own title, stand between the conjunction and
    // the name
    let skip_title = |k: usize, e: &DocEntity| -> usize {
        let title = e
            .title
            .as_deref()
            .map(str::to_lowercase)
            .unwrap_or_default();
        let mut j = k;
        while j > range.start && k - j < 4 {
            let w = lower(toks, text, j - 1);
            let in_title = !title.is_empty()
                && title.split([' ', '-']).any(|t| t == w)
                && w.chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
            // ("rebel chief-of-staff Aslan Maskhadov": lower-case words of
            // a description no title list knows, before a person)
            let describes = e.kind == EntityType::Person
                && w.chars().all(|c| c.is_lowercase() || c == '-')
                && !w.ends_with("ed")
                && !w.ends_with("ing")
                && !matches!(
                    w.as_str(),
                    "and"
                        | "or"
                        | "of"
                        | "to"
                        | "by"
                        | "with"
                        | "for"
                        | "a"
                        | "an"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                )
                && !PREPOSITIONS.contains(&w.as_str());
            if (j == k && matches!(w.as_str(), "the")) || in_title || describes {
                j -= 1;
            } else {
                break;
            }
        }
        j
    };
    let mut cur = m.ent;
    for _ in 0..3 {
        let j = skip_kin(skip_title(k, cur));
        let Some(conj) = j.checked_sub(1).filter(|&c| c >= range.start) else {
            break;
        };
        if !matches!(lower(toks, text, conj).as_str(), "and" | ",") {
            break;
        }
        let Some(prev) = conj.checked_sub(1).filter(|&p| p >= range.start) else {
            break;
        };
        if matches!(lower(toks, text, prev).as_str(), "he" | "she") {
            if let Some(p) = person {
                out.push(p);
            }
            break;
        }
        match sm
            .iter()
            .find(|x| x.last == prev + 1 && is_actor(x.ent) && !x.modifier)
        {
            Some(x) => {
                out.push(x.ent);
                k = x.first;
                cur = x.ent;
            }
            None => break,
        }
    }
    out
}

/// "another pipe bomb planted by Rahimi went off", "a device left by the
/// group exploded": the `by` phrase of a participle that places a device,
/// in the trigger's clause before it.
fn device_placer<'a>(
    text: &str,
    toks: &[Token],
    range: Range<usize>,
    sm: &[Ment<'a>],
    h: Hit,
) -> Option<Ment<'a>> {
    const PLACING: &[&str] = &[
        "planted",
        "placed",
        "left",
        "set",
        "detonated",
        "built",
        "made",
        "hidden",
        "carried",
        "thrown",
        "fired",
        "launched",
    ];
    let by = (range.start + 1..h.first).rev().find(|&k| {
        lower(toks, text, k) == "by" && PLACING.contains(&lower(toks, text, k - 1).as_str())
    })?;
    sm.iter()
        .find(|m| m.first == by + 1 && is_actor(m.ent) && m.last <= h.first)
        .copied()
}

/// "He was arrested Sept. 1": a personal pronoun as the subject right
/// before the trigger (auxiliaries and adverbs between) stands for the
/// person the previous sentence is about.
/// Verbs that report what their subject said or did.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "stated",
    "announced",
    "claimed",
    "confirmed",
    "admitted",
];

fn pronoun_subject<'a>(
    text: &str,
    toks: &[Token],
    range: Range<usize>,
    sm: &[Ment<'a>],
    h: Hit,
    prev_person: Option<&'a DocEntity>,
) -> Option<&'a DocEntity> {
    let mut k = h.first;
    let mut steps = 0;
    while k > range.start && steps < 4 {
        k -= 1;
        steps += 1;
        let w = lower(toks, text, k);
        if matches!(w.as_str(), "it" | "they") {
            // "the Taliban said it met with U.S. officials": the pronoun
            // subject of a reported clause is the reporter
            let mut v = k.checked_sub(1)?;
            if lower(toks, text, v) == "that" {
                v = v.checked_sub(1)?;
            }
            if v < range.start || !REPORTING.contains(&lower(toks, text, v).as_str()) {
                return None;
            }
            return subject_before(text, toks, range, sm, v)
                .filter(|m| m.ent.kind == EntityType::Organization)
                .map(|m| m.ent);
        }
        if matches!(w.as_str(), "he" | "she") {
            // the pronoun opens its clause
            let opens = k == range.start
                || matches!(
                    lower(toks, text, k - 1).as_str(),
                    "," | "and" | "but" | "when" | "after" | "before" | "as" | "while" | "until"
                );
            // a person named earlier in the sentence ("Bilal, was
            // identified as …, when he was arrested"), else the previous
            // sentence's
            let here = sm
                .iter()
                .find(|m| m.last <= k && m.ent.kind == EntityType::Person)
                .map(|m| m.ent);
            return if opens { here.or(prev_person) } else { None };
        }
        if !(BE_FORMS.contains(&w.as_str())
            || ADVERBS.contains(&w.as_str())
            || w.ends_with("ly")
            || matches!(
                w.as_str(),
                "has" | "had" | "have" | "later" | "then" | "also"
            ))
        {
            return None;
        }
    }
    None
}

/// "X … on the night he committed the attack": a he/she right before an
/// agentive verb governing the event noun is its doer, resolved to the
/// person named before it in the sentence (or the previous sentence's).
fn pronoun_doer<'a>(
    text: &str,
    toks: &[Token],
    sm: &[Ment<'a>],
    m: &Ment<'a>,
    h: Hit,
    prev_person: Option<&'a DocEntity>,
) -> Option<&'a DocEntity> {
    let p = (m.last..h.first).find(|&k| matches!(lower(toks, text, k).as_str(), "he" | "she"))?;
    let verb = lower(toks, text, p + 1);
    if !AGENTIVE.contains(&verb.as_str()) {
        return None;
    }
    sm.iter()
        .find(|x| x.last <= p && x.ent.kind == EntityType::Person)
        .map(|x| x.ent)
        .or(prev_person)
}

/// The person a he/she opening sentence `si` refers to: the one person
/// named in the sentence before, or that sentence's subject when it is a
/// person.
fn previous_person<'a>(ments: &[Ment<'a>], prev: Option<Range<usize>>) -> Option<&'a DocEntity> {
    let prev = prev?;
    let inside: Vec<&Ment> = ments
        .iter()
        .filter(|m| m.first >= prev.start && m.last <= prev.end)
        .collect();
    let mut people: Vec<&DocEntity> = Vec::new();
    for m in &inside {
        if m.ent.kind == EntityType::Person && !people.iter().any(|p| p.id == m.ent.id) {
            people.push(m.ent);
        }
    }
    match people.as_slice() {
        [only] => Some(*only),
        [] => None,
        _ => inside
            .first()
            .filter(|m| m.ent.kind == EntityType::Person && m.first <= prev.start + 4)
            .map(|m| m.ent),
    }
}

/// Token index where the object side of a trigger ends: a clause word, or
/// the comma closing a fronted clause ("After X withdrew from Y in 1989,
/// ...").
fn object_end(text: &str, toks: &[Token], range: Range<usize>, from: usize) -> usize {
    let opener = lower(toks, text, range.start);
    let fronted = SUBORDINATORS.contains(&opener.as_str())
        || matches!(opener.as_str(), "if" | "once" | "unless");
    if fronted {
        let first_comma = (range.start..range.end).find(|&k| lower(toks, text, k) == ",");
        if let Some(c) = first_comma.filter(|&c| c >= from) {
            return c;
        }
    }
    (from..range.end)
        .find(|&k| {
            let w = lower(toks, text, k);
            matches!(w.as_str(), ";" | ":") || OBJECT_STOPS.contains(&w.as_str())
        })
        .unwrap_or(range.end)
}

/// The actor on the subject side of token `at`: the nearest actor before it
/// in its clause (not a place use, not a modifier); "X, who ..." gives X;
/// a trigger inside a fronted phrase ("Under a deal struck with Y, X
/// pledged") gives the main subject after the comma.
fn subject_before<'a>(
    text: &str,
    toks: &[Token],
    range: Range<usize>,
    sm: &[Ment<'a>],
    at: usize,
) -> Option<Ment<'a>> {
    let mut k = at;
    let mut boundary = range.start;
    while k > range.start {
        k -= 1;
        let w = lower(toks, text, k);
        if let Some(m) = sm
            .iter()
            .rev()
            .find(|m| m.last == k + 1 && is_actor(m.ent) && !m.modifier)
        {
            let p = if m.first > range.start {
                lower(toks, text, m.first - 1)
            } else {
                String::new()
            };
            let p2 = if m.first > range.start + 1 {
                lower(toks, text, m.first - 2)
            } else {
                String::new()
            };
            let place_prep = |w: &str| {
                matches!(
                    w,
                    "in" | "from"
                        | "across"
                        | "of"
                        | "to"
                        | "into"
                        | "outside"
                        | "inside"
                        | "within"
                        | "throughout"
                        | "beyond"
                        | "near"
                )
            };
            // ("from a tree farm in northern Costa Rica")
            let compass = crate::text::COMPASS_ADJECTIVES.contains(&p.as_str());
            let place = is_country(m.ent)
                && (place_prep(&p)
                    || (p == "the" && place_prep(&p2) && p2 != "into")
                    || (compass && place_prep(&p2)));
            // "troops loyal to President X clashed": X is whom they serve
            let loyal_to = {
                let mut j = m.first;
                while j > range.start + 2
                    && toks[j - 1].kind == TokenKind::Word
                    && toks[j - 1].text(text).starts_with(char::is_uppercase)
                    && m.first - j < 3
                {
                    j -= 1;
                }
                j >= range.start + 2
                    && lower(toks, text, j - 1) == "to"
                    && lower(toks, text, j - 2) == "loyal"
            };
            let object_of_prep = matches!(p.as_str(), "with" | "against" | "on" | "by")
                || (p == "the" && matches!(p2.as_str(), "with" | "against" | "on" | "by"))
                || loyal_to;
            // the object of an earlier verb ("targeted a Taliban leader and
            // detained ..."), not a subject
            // ("Suspected Tamil Tigers attacked …", "armed Taliban
            // fighters": a participle before a name describes it)
            let verb_before = |w: &str| {
                w.ends_with("ed")
                    && !BE_FORMS.contains(&w)
                    && !matches!(
                        w,
                        "led"
                            | "based"
                            | "suspected"
                            | "alleged"
                            | "presumed"
                            | "purported"
                            | "armed"
                            | "masked"
                            | "hooded"
                            | "uniformed"
                            | "unnamed"
                            | "unidentified"
                            | "so-called"
                    )
            };
            // ... but "a combined force": a participle after a determiner
            // is an adjective of the subject
            // "killed 23 Afghan soldiers", "detained several insurgents"
            let quantity = |w: &str| {
                w.chars().next().is_some_and(|c| c.is_ascii_digit())
                    || number_value(w).is_some()
                    || matches!(
                        w,
                        "several" | "many" | "some" | "two" | "dozens" | "hundreds"
                    )
            };
            let object_of_verb = (verb_before(&p) && !DETERMINERS.contains(&p2.as_str()))
                || (matches!(p.as_str(), "a" | "an" | "the" | "another") && verb_before(&p2))
                || (quantity(&p) && verb_before(&p2));
            if !place && !object_of_prep && !object_of_verb {
                return Some(*m);
            }
            k = m.first;
            continue;
        }
        // "Neither X nor Y responded, but lawmakers demanded ...": a new
        // clause, whose subject is not an actor before it; "authorities say
        // a bomb went off": the reporter is not the doer
        if w == ";"
            || w == "but"
            || matches!(
                w.as_str(),
                "say" | "says" | "said" | "told" | "believe" | "believes"
            )
        {
            boundary = k + 1;
            break;
        }
        if SUBORDINATORS.contains(&w.as_str()) {
            // "X, who killed": the antecedent is the subject
            if matches!(w.as_str(), "who" | "which" | "that") {
                let mut j = k;
                while j > range.start && lower(toks, text, j - 1) == "," {
                    j -= 1;
                }
                // "the Kurdistan Democratic Party (KDP), which": past the
                // bracketed short name
                if j > range.start + 2
                    && lower(toks, text, j - 1) == ")"
                    && lower(toks, text, j - 3) == "("
                {
                    j -= 3;
                }
                // "a rally for president X which killed 26": "which" is
                // never a person
                let person_ok = w != "which";
                if let Some(m) = sm.iter().find(|m| {
                    m.last == j
                        && (m.ent.kind == EntityType::Organization
                            || (person_ok && m.ent.kind == EntityType::Person))
                }) {
                    return Some(*m);
                }
                // "X, the British-Libyan who carried out ...", "X, a
                // former soldier who": an apposition names the antecedent
                if let Some(m) = appositive_head(text, toks, range.clone(), sm, j) {
                    return Some(m);
                }
            }
            boundary = k + 1;
            break;
        }
    }
    // fronted phrase: the trigger sits before the first comma of a sentence
    // that opens with a preposition; the subject follows the comma
    let opener = lower(toks, text, range.start);
    let fronted = PREPOSITIONS.contains(&opener.as_str())
        || matches!(
            opener.as_str(),
            "under" | "after" | "during" | "following" | "amid" | "despite" | "before"
        );
    if boundary == range.start && fronted {
        // only a trigger inside the fronted phrase: before its first comma
        let comma = (range.start..range.end).find(|&k| lower(toks, text, k) == ",")?;
        if comma < at {
            return None;
        }
        return sm
            .iter()
            .find(|m| m.first > comma && m.first <= comma + 4 && is_actor(m.ent) && !m.modifier)
            .copied();
    }
    None
}

/// The person or organisation an apposition ending at token `j` describes:
/// "X, the British-Libyan", "X, a former soldier" (a determiner, at most
/// three modifiers and a head noun, all but hyphenated compounds in lower
/// case, after a comma that follows X).
fn appositive_head<'a>(
    text: &str,
    toks: &[Token],
    range: Range<usize>,
    sm: &[Ment<'a>],
    j: usize,
) -> Option<Ment<'a>> {
    let mut k = j;
    while k > range.start && j - k <= 4 {
        let w = toks[k - 1].text(text);
        if matches!(w.to_lowercase().as_str(), "the" | "a" | "an") {
            break;
        }
        let plain = toks[k - 1].kind == TokenKind::Word
            && (w.starts_with(char::is_lowercase) || w.contains('-'));
        if !plain {
            return None;
        }
        k -= 1;
    }
    if k == j || k <= range.start + 1 || lower(toks, text, k - 2) != "," {
        return None;
    }
    let det = k - 1;
    if !matches!(lower(toks, text, det).as_str(), "the" | "a" | "an") {
        return None;
    }
    sm.iter()
        .find(|m| {
            m.last == det - 1
                && !m.modifier
                && matches!(m.ent.kind, EntityType::Person | EntityType::Organization)
        })
        .copied()
}

/// A trigger in the perfect ("have detained", "has killed") in a sentence
/// that spans a stretch of time ("since January", "in the last month", "so
/// far", "to date"): a running total.
fn is_tally(text: &str, toks: &[Token], range: Range<usize>, h: Hit) -> bool {
    let perfect = (h.first.saturating_sub(3).max(range.start)..h.first)
        .any(|k| matches!(lower(toks, text, k).as_str(), "have" | "has" | "had"));
    if !perfect {
        return false;
    }
    let words: Vec<String> = range.map(|k| lower(toks, text, k)).collect();
    words.iter().enumerate().any(|(k, w)| {
        let next = |d: usize| words.get(k + d).map_or("", String::as_str);
        let unit = |x: &str| {
            matches!(
                x,
                "week" | "weeks" | "month" | "months" | "year" | "years" | "days"
            )
        };
        w == "since"
            || (w == "so" && next(1) == "far")
            || (w == "to" && next(1) == "date")
            || (matches!(w.as_str(), "last" | "past") && (unit(next(1)) || unit(next(2))))
    })
}

/// Verbs of reporting: a date next to one ("confirmed today", "today
/// announced") is when the news was given, not when the event happened.
const REPORT_VERBS: &[&str] = &[
    "confirmed",
    "confirms",
    "announced",
    "announces",
    "said",
    "says",
    "reported",
    "reports",
    "stated",
    "states",
    "disclosed",
    "revealed",
];

/// A date of the sentence that is not the date of trigger `h`: a date next
/// to a verb of reporting; a possessive date ("Tuesday's attack"); a date
/// inside the noun phrase of another event noun ("the May 11 insider
/// attack") or right after an earlier attack noun ("an attack Jan. 7").
fn bound_elsewhere(
    text: &str,
    toks: &[Token],
    d: &DateMention,
    h: Hit,
    hits: &[Hit],
    lex: &Triggers,
) -> bool {
    let first = toks.partition_point(|t| t.start < d.span.0);
    let end = toks.partition_point(|t| t.start < d.span.1);
    if first >= end {
        return false;
    }
    let before = first.checked_sub(1).map(|k| lower(toks, text, k));
    let after = lower(toks, text, end);
    if REPORT_VERBS.contains(&after.as_str())
        || before.as_deref().is_some_and(|b| REPORT_VERBS.contains(&b))
    {
        return true;
    }
    if toks
        .get(end)
        .is_some_and(|t| t.kind == TokenKind::Possessive)
    {
        return true;
    }
    hits.iter().filter(|o| o.first != h.first).any(|o| {
        let e = &lex.entries[o.entry];
        // "the July 2 attack", "the May 11 insider attack": a determiner,
        // the date, at most two modifiers, the noun
        let inside = o.first >= end
            && o.first <= end + 2
            && before
                .as_deref()
                .is_some_and(|b| matches!(b, "the" | "a" | "an" | "this" | "that"))
            && (end..o.first).all(|k| toks[k].kind == TokenKind::Word);
        // "an attack Jan. 7": a date right after an attack noun (a
        // trigger of the same type takes it back when the two merge)
        let after_noun = o.end == first && e.kind == PloverType::Assault && e.pos == Pos::Noun;
        inside || after_noun
    })
}

/// The date expression nearest the trigger, after it first within a few
/// tokens.
fn nearest_date<'a>(toks: &[Token], sdates: &[&'a DateMention], h: Hit) -> Option<&'a DateMention> {
    let tpos = toks[h.first].start;
    sdates
        .iter()
        .min_by_key(|d| {
            if d.span.0 >= tpos {
                d.span.0 - tpos
            } else {
                // dates before the trigger count a little more distant
                (tpos - d.span.1) * 2
            }
        })
        .copied()
}

/// A sentence that goes on with the story of the one before: "also",
/// "additional", "the operation", "the raid".
fn continues_previous(text: &str, toks: &[Token], range: Range<usize>) -> bool {
    let words: Vec<String> = range.map(|k| lower(toks, text, k)).collect();
    words.iter().enumerate().any(|(k, w)| {
        matches!(w.as_str(), "also" | "additional" | "other")
            || (matches!(w.as_str(), "the" | "this" | "that")
                && words.get(k + 1).is_some_and(|n| {
                    matches!(
                        n.as_str(),
                        "operation" | "raid" | "strike" | "search" | "attack" | "incident"
                    )
                }))
    })
}

/// What is taken when a place, not a person, is captured ("captured the
/// town", "the capture of territory").
const TERRITORY_NOUNS: &[&str] = &[
    "town",
    "towns",
    "city",
    "cities",
    "village",
    "villages",
    "territory",
    "district",
    "districts",
    "province",
    "base",
    "bases",
    "area",
    "areas",
    "positions",
    "position",
    "airport",
    "hill",
    "control",
    "region",
    "capital",
];

/// Attack nouns a date can be attached to ("the April 15 attack").
const ATTACK_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "bombing",
    "bombings",
    "blast",
    "blasts",
    "explosion",
    "explosions",
    "shooting",
    "massacre",
    "assault",
];

/// "two days after the bombing", "three days after the bombings", "a day
/// after the attack": the day of the attack the document dates ("the April
/// 15, 2013, bombing", "the August 17 attack") plus the days. Only when the
/// document dates exactly one attack day.
fn days_after_attack(
    text: &str,
    toks: &[Token],
    range: Range<usize>,
    dates: &[DateMention],
) -> Option<PartialDate> {
    let k = (range.start + 2..range.end.saturating_sub(2)).find(|&k| {
        matches!(lower(toks, text, k).as_str(), "days" | "day")
            && lower(toks, text, k + 1) == "after"
            && matches!(lower(toks, text, k + 2).as_str(), "the" | "this" | "that")
            && ATTACK_NOUNS.contains(&lower(toks, text, k + 3).as_str())
    })?;
    let n = day_count(&lower(toks, text, k - 1))?;
    if n > 60 {
        return None;
    }
    // the document's attack days: a full date right before an attack noun
    let mut days: Vec<PartialDate> = Vec::new();
    for d in dates.iter().filter(|d| d.date.day.is_some()) {
        let after = toks.partition_point(|t| t.start < d.span.1);
        let attached = (after..(after + 3).min(toks.len()))
            .take_while(|&j| {
                toks[j].kind != TokenKind::Word
                    || lower(toks, text, j).ends_with("ed")
                    || ATTACK_NOUNS.contains(&lower(toks, text, j).as_str())
                    || matches!(
                        lower(toks, text, j).as_str(),
                        "suicide" | "car" | "truck" | "terror" | "terrorist" | "marathon"
                    )
            })
            .any(|j| ATTACK_NOUNS.contains(&lower(toks, text, j).as_str()));
        if attached && !days.contains(&d.date) {
            days.push(d.date);
        }
    }
    let [day] = days.as_slice() else {
        return None;
    };
    days_after(*day, u64::from(n))
}

/// The day `n` days after `day` (a date with its day).
fn days_after(day: PartialDate, n: u64) -> Option<PartialDate> {
    crate::temporal::from_naive(day.start()? + chrono::Days::new(n))
}

/// "a" or "one" day, or a number of them ("two days", "3 days").
fn day_count(w: &str) -> Option<u32> {
    match w {
        "a" | "one" => Some(1),
        w => number_value(w),
    }
}

/// "was captured a day later", "two days later": the number of days
/// right after a trigger ending at `from` (before `end`).
fn days_later(text: &str, toks: &[Token], from: usize, end: usize) -> Option<u32> {
    let k = (from..end.min(from + 4)).find(|&k| {
        matches!(lower(toks, text, k).as_str(), "day" | "days")
            && lower(toks, text, k + 1) == "later"
    })?;
    let n = day_count(&lower(toks, text, k.checked_sub(1)?))?;
    (n <= 30).then_some(n)
}

/// "Just weeks later", "later that day", "the next day": the date of the
/// previous event, at a precision the phrase keeps.
fn carried_date(
    text: &str,
    toks: &[Token],
    range: Range<usize>,
    prev: &[EventOut],
) -> Option<PartialDate> {
    // the last event the text dated (one told without a date in between,
    // "Twin bombs exploded near the finish line", does not reset the story)
    let last = prev.iter().rev().find_map(|e| e.date)?;
    let words: Vec<String> = range.clone().map(|k| lower(toks, text, k)).collect();
    let has = |w: &str| words.iter().any(|x| x == w);
    let pair = |a: &str, b: &str| words.windows(2).any(|p| p[0] == a && p[1] == b);
    if pair("that", "day") || pair("same", "day") {
        return Some(last);
    }
    if pair("next", "day") || pair("following", "day") {
        return if last.day.is_some() {
            days_after(last, 1)
        } else {
            Some(last)
        };
    }
    if pair("days", "later") || pair("hours", "later") {
        return Some(match last.month {
            Some(m) => PartialDate::month(last.year, m).unwrap_or(PartialDate::year(last.year)),
            None => last,
        });
    }
    if has("later") || pair("weeks", "later") || pair("months", "later") {
        return Some(PartialDate::year(last.year));
    }
    None
}

/// The most specific place of the sentence that is not an actor of the
/// event, preferring places after the trigger.
/// A place named as a party to talks or a deal: after "with" or
/// "between", or after the "and" of a "between … and" pair.
fn party_use(text: &str, toks: &[Token], m: &Ment) -> bool {
    let before = |d: usize| m.first.checked_sub(d).map(|k| lower(toks, text, k));
    match before(1).as_deref() {
        Some("with" | "between") => true,
        Some("and") => (2..=6).any(|d| before(d).as_deref() == Some("between")),
        _ => false,
    }
}

/// "in Charikar and Kabul, Afghanistan", "in the towns of Budennovsk and
/// Kizlyar": the places named together (joined by "and", or by commas
/// with "and" before the last) inside the trigger's phrase, when the
/// event's place is one of them; empty otherwise.
fn coordinated_places(
    text: &str,
    toks: &[Token],
    sm: &[Ment],
    trig: usize,
    end: usize,
    ev: &EventOut,
) -> Option<Vec<String>> {
    let places: Vec<&Ment> = sm
        .iter()
        .filter(|m| m.ent.kind == EntityType::Location && !m.modifier)
        .filter(|m| m.first > trig && m.first < end)
        .filter(|m| !ev.targets.contains(&m.ent.id) && !ev.agents.contains(&m.ent.id))
        .collect();
    let chosen = ev.location.as_ref()?;
    for (a, start) in places.iter().enumerate() {
        // a chain of places and the word before each next one
        let mut chain = vec![start.ent.id.clone()];
        let mut joined_by_and = false;
        let mut last = start.last;
        for m in &places[a + 1..] {
            let gap: Vec<String> = (last..m.first).map(|k| lower(toks, text, k)).collect();
            let sep = match gap
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .as_slice()
            {
                ["and"] | [",", "and"] => "and",
                [","] => ",",
                _ => break,
            };
            if sep == "," && joined_by_and {
                // "Charikar and Kabul, Afghanistan": the country after the
                // list places it, it is not one of it
                break;
            }
            joined_by_and |= sep == "and";
            chain.push(m.ent.id.clone());
            last = m.last;
            if sep == "and" {
                break;
            }
        }
        chain.dedup();
        if joined_by_and && chain.len() >= 2 && chain.contains(chosen) {
            return Some(chain);
        }
    }
    None
}

fn location(
    text: &str,
    toks: &[Token],
    sm: &[Ment],
    trig: usize,
    end: usize,
    ev: &EventOut,
) -> Option<String> {
    let places: Vec<&Ment> = sm
        .iter()
        .filter(|m| m.ent.kind == EntityType::Location && !m.modifier)
        .filter(|m| !ev.targets.contains(&m.ent.id) && !ev.agents.contains(&m.ent.id))
        // "talks between the insurgents and Washington", "met with
        // Kabul": a capital named as a party is no place
        .filter(|m| !party_use(text, toks, m))
        // "Washington-based", "of Afghanistan's districts"
        .filter(|m| {
            toks.get(m.last)
                .is_none_or(|t| t.kind != TokenKind::Possessive)
                || lower(toks, text, m.first.saturating_sub(1)) == "in"
        })
        // "guerrillas based in Iraqi Kurdish areas", "the government in
        // Baghdad": the seat of an actor the sentence describes, not where
        // the event happened
        .filter(|m| {
            let k = m.first;
            let seat = k >= 2
                && matches!(lower(toks, text, k - 1).as_str(), "in" | "at")
                && matches!(
                    lower(toks, text, k - 2).as_str(),
                    "based"
                        | "headquartered"
                        | "government"
                        | "regime"
                        | "authorities"
                        | "administration"
                        | "embassy"
                );
            !seat
        })
        // "Moscow peacemaker Alexander Lebed": a place that opens a
        // person's description names where the person is from
        .filter(|m| {
            let mut k = m.last;
            // (nouns only: "Police in Kandahar arrested Mullah X" is a verb)
            while k < m.last + 3
                && toks.get(k).is_some_and(|t| {
                    let w = t.text(text);
                    t.kind == TokenKind::Word
                        && w.starts_with(char::is_lowercase)
                        && !w.ends_with("ed")
                        && !w.ends_with("ing")
                        && !REPORT_VERBS.contains(&w)
                        && !matches!(w, "says" | "and" | "or" | "is" | "was" | "has" | "had")
                })
            {
                k += 1;
            }
            !(k > m.last
                && sm
                    .iter()
                    .any(|p| p.first == k && p.ent.kind == EntityType::Person))
        })
        .collect();
    // "at the Caterham Arms public house in Caterham, Surrey": a site only
    // the text types, placed by "in" (or a comma) inside another place, is
    // as sure as a place the gazetteer knows
    // ("the Kudapokuna police post, just north of Welikanda", "the Kanie
    // Karzhala camp, west of Arbil": an installation placed by its
    // bearing from a town)
    let anchored = |m: &Ment| {
        specificity(m.ent) >= 4
            && places.iter().any(|o| {
                o.first >= m.last
                    && o.first <= m.last + 6
                    && (m.last..o.first)
                        .any(|k| matches!(lower(toks, text, k).as_str(), "in" | ","))
                    && (m.last..o.first).all(|k| {
                        let w = lower(toks, text, k);
                        toks[k].kind != TokenKind::Word
                            || crate::text::COMPASS_POINTS.contains(&w.as_str())
                            || matches!(
                                w.as_str(),
                                "in" | "public"
                                    | "house"
                                    | "the"
                                    | "police"
                                    | "army"
                                    | "military"
                                    | "post"
                                    | "camp"
                                    | "base"
                                    | "airbase"
                                    | "checkpoint"
                                    | "region"
                                    | "area"
                                    | "village"
                                    | "just"
                                    | "near"
                                    | "outside"
                                    | "of"
                            )
                    })
            })
    };
    let best = |it: &mut dyn Iterator<Item = &&Ment>| -> Option<String> {
        // a place the gazetteer knows beats one only the text types
        it.max_by_key(|m| {
            (
                m.ent.place.is_some() || anchored(m),
                specificity(m.ent),
                std::cmp::Reverse(m.first),
            )
        })
        .map(|m| m.ent.id.clone())
    };
    best(&mut places.iter().filter(|m| m.first >= trig && m.first < end))
        .or_else(|| best(&mut places.iter().filter(|m| m.first < trig)))
        // "detained several insurgents during a clearing operation in what
        // was a safe haven near Kandahar City": past a free relative that
        // ended the object's clause (not past "which", "who", "when" …)
        .or_else(|| {
            (lower(toks, text, end) == "what")
                .then(|| best(&mut places.iter().filter(|m| m.first >= end)))
                .flatten()
        })
        // "detained one suspected insurgent while searching for a Taliban
        // leader in Chimtal district": the search that led to the arrest
        // happened where the arrest did (up to the next clause)
        .or_else(|| {
            // (so did "when a weapons cache … was discovered in Marjeh
            // district")
            let during = (lower(toks, text, end) == "while"
                && toks
                    .get(end + 1)
                    .is_some_and(|t| t.kind == TokenKind::Word && t.text(text).ends_with("ing")))
                || lower(toks, text, end) == "when";
            during
                .then(|| {
                    let stop = (end + 1..toks.len().min(end + 20))
                        .find(|&k| {
                            let w = lower(toks, text, k);
                            matches!(w.as_str(), ";" | ":" | ".")
                                || OBJECT_STOPS.contains(&w.as_str())
                        })
                        .unwrap_or(toks.len().min(end + 20));
                    best(&mut places.iter().filter(|m| m.first > end && m.first < stop))
                })
                .flatten()
        })
        // "killed in a battle with separatist rebels which erupted in the
        // Chechen capital Grozny": a relative clause telling where the
        // fight broke out
        .or_else(|| {
            let rel = matches!(lower(toks, text, end).as_str(), "which" | "that")
                || (lower(toks, text, end) == "," && lower(toks, text, end + 1) == "which");
            let happened = (end..end + 4).any(|k| {
                matches!(
                    lower(toks, text, k).as_str(),
                    "erupted" | "broke" | "began" | "started" | "occurred" | "happened" | "raged"
                )
            });
            (rel && happened)
                .then(|| {
                    best(
                        &mut places
                            .iter()
                            .filter(|m| m.first >= end && m.first < end + 12),
                    )
                })
                .flatten()
        })
}

/// "killing six", "killed nearly 3,000 people", "12 people were killed".
fn fatalities(
    text: &str,
    toks: &[Token],
    range: Range<usize>,
    sm: &[Ment],
    h: Hit,
    entry: &Entry,
) -> Option<u32> {
    if !KILL_LEMMAS.contains(&entry.lemma) {
        return None;
    }
    people_count(text, toks, range, sm, h)
}

/// Vague quantifiers read as minimum counts, as event coding does.
/// Tokens of a hedge before a number at `k` ("at least", "more than",
/// "nearly", "as many as"), or 0.
fn count_hedge(toks: &[Token], text: &str, k: usize) -> usize {
    let w = |i: usize| {
        if k + i < toks.len() {
            lower(toks, text, k + i)
        } else {
            String::new()
        }
    };
    let is_number = |i: usize| k + i < toks.len() && number_value(&w(i)).is_some();
    let n = match (w(0).as_str(), w(1).as_str(), w(2).as_str()) {
        // ("more than 10" is counted where counts are read: at least 11)
        ("at", "least" | "most", _) | ("up", "to", _) => 2,
        ("as", "many" | "few", "as") => 3,
        (
            "nearly" | "almost" | "about" | "around" | "some" | "approximately" | "roughly"
            | "perhaps"
            // "killing all four"
            | "all",
            _,
            _,
        ) => 1,
        _ => 0,
    };
    if n > 0 && is_number(n) {
        n
    } else {
        0
    }
}

fn vague_count(w: &str, next: &str) -> Option<(u32, usize)> {
    Some(match (w, next) {
        ("a", "couple") => (2, 2),
        ("a", "few") => (3, 2),
        // "detained a number of suspected insurgents": as many as "several"
        ("a", "number") => (3, 3),
        ("several" | "multiple", _) => (3, 1),
        ("numerous", _) => (4, 1),
        // "killing both"
        ("both", "") | ("both", "." | "," | "and" | "of" | "men" | "insurgents" | "militants") => {
            (2, 1)
        }
        _ => return None,
    })
}

/// Nouns for one person after "a", "an", "the", "one".
const PERSON_NOUNS: &[&str] = &[
    "leader",
    "commander",
    "insurgent",
    "militant",
    "facilitator",
    "fighter",
    "suspect",
    "individual",
    "man",
    "woman",
    "member",
    "person",
    "civilian",
    "soldier",
    "officer",
    "policeman",
    "bomber",
    "attacker",
    "gunman",
    "operative",
    "financier",
    "emir",
    "chief",
    "deputy",
    "associate",
    "courier",
    "expert",
    "maker",
    "sub-commander",
    "official",
    // the victims news names one at a time
    "girl",
    "boy",
    "child",
    "student",
    "teacher",
    "worker",
    "journalist",
    "guard",
    "driver",
    "farmer",
    "doctor",
    "nurse",
    "pilgrim",
    "tourist",
    "hostage",
    "captive",
    "resident",
    "villager",
    "passenger",
    "bystander",
    "judge",
    "cleric",
    "engineer",
    "contractor",
    "diplomat",
    "politician",
    "lawmaker",
    "peacekeeper",
    "trooper",
    "marine",
];

/// Words that end the list of people after a trigger.
const COUNT_STOPS: &[&str] = &[
    "including",
    "in",
    "during",
    "at",
    "near",
    "while",
    "after",
    "before",
    "on",
    "from",
    "for",
    "with",
    "without",
    "inside",
    "outside",
    "as",
    "who",
    "which",
    "that",
    "when",
    "where",
    "since",
    "because",
    "but",
    "by",
    "to",
    "into",
    "following",
    "throughout",
    "across",
    "said",
];

/// One item of a list of people starting at token `k`: its count and the
/// token after it. `None` when the item does not name people by number.
fn count_item(text: &str, toks: &[Token], end: usize, sm: &[Ment], k: usize) -> Option<u32> {
    let mut k = k;
    // "more than 10", "over 10": at least 11
    let mut above = false;
    while k < end && NUMBER_HEDGES.contains(&lower(toks, text, k).as_str()) && {
        // "an" opens "an insurgent"; "as many as" is a hedge
        let w = lower(toks, text, k);
        w != "an" || number_value(&lower(toks, text, k + 1)).is_some()
    } {
        let w = lower(toks, text, k);
        above |= w == "over" || (w == "more" && lower(toks, text, k + 1) == "than");
        k += 1;
    }
    if k >= end {
        return None;
    }
    let w = lower(toks, text, k);
    if let Some(n) = number_value(&w) {
        return Some(if above { n + 1 } else { n });
    }
    if let Some((n, _)) = vague_count(&w, &lower(toks, text, k + 1)) {
        return Some(n);
    }
    if let Some(m) = sm.iter().find(|m| m.first == k) {
        return (m.ent.kind == EntityType::Person).then_some(1);
    }
    if matches!(w.as_str(), "a" | "an" | "the" | "another") {
        // the head noun of a short phrase: "a suspected Taliban leader"
        for j in k + 1..(k + 6).min(end) {
            let x = lower(toks, text, j);
            if PERSON_NOUNS.contains(&x.as_str()) {
                return Some(1);
            }
            if toks[j].kind == TokenKind::Punct || COUNT_STOPS.contains(&x.as_str()) || x == "and" {
                return None;
            }
        }
    }
    None
}

/// The number of people a kill or capture trigger acts on: the list after
/// an active verb ("killed the Taliban leader, X, and one additional
/// insurgent"), the head of the subject of a passive one ("two suspected
/// insurgents were detained", "a Taliban leader was arrested").
fn people_count(
    text: &str,
    toks: &[Token],
    range: Range<usize>,
    sm: &[Ment],
    h: Hit,
) -> Option<u32> {
    if h.passive {
        // the subject: back from the trigger over the verb group to the
        // start of its noun phrase
        let mut k = h.first;
        while k > range.start {
            let w = lower(toks, text, k - 1);
            if BE_FORMS.contains(&w.as_str())
                || ADVERBS.contains(&w.as_str())
                || matches!(w.as_str(), "had" | "has" | "have")
            {
                k -= 1;
            } else {
                break;
            }
        }
        let head_end = k;
        let lo = head_end.saturating_sub(6).max(range.start);
        let mut start = head_end;
        while start > lo {
            let p = &toks[start - 1];
            let w = lower(toks, text, start - 1);
            if p.kind == TokenKind::Punct || COUNT_STOPS.contains(&w.as_str()) {
                break;
            }
            start -= 1;
        }
        return (start..head_end).find_map(|j| {
            let w = lower(toks, text, j);
            // "In 2017 a lieutenant general was killed": a year, not a count
            let year = toks[j].kind == TokenKind::Number
                && w.len() == 4
                && w.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
                && (j == 0
                    || matches!(
                        lower(toks, text, j - 1).as_str(),
                        "in" | "since"
                            | "until"
                            | "by"
                            | "of"
                            | "during"
                            | "from"
                            | "early"
                            | "late"
                    )
                    || matches!(lower(toks, text, j + 1).as_str(), "a" | "an" | "the" | ","));
            if year {
                return None;
            }
            number_value(&w)
                .or_else(|| vague_count(&w, &lower(toks, text, j + 1)).map(|v| v.0))
                .or_else(|| count_item(text, toks, head_end, sm, j))
        });
    }
    let end = range.end;
    let mut total: Option<u32> = None;
    let mut k = h.end;
    // "the capture of two insurgents"
    if lower(toks, text, k) == "of" && !toks[h.first].text(text).ends_with("ed") {
        k += 1;
    }
    let mut prev_single = false;
    while k < end {
        // "killed at least 42 people", "more than 20", "nearly 100": the
        // stated number is the count
        k += count_hedge(toks, text, k);
        if k >= end {
            break;
        }
        let w = lower(toks, text, k);
        if COUNT_STOPS.contains(&w.as_str()) || matches!(w.as_str(), "." | ";" | ":" | "(") {
            break;
        }
        // "the Taliban leader, Alaudin": an apposition names the same person
        let name_here = toks[k].kind == TokenKind::Word
            && toks[k].text(text).starts_with(char::is_uppercase)
            && !sm
                .iter()
                .any(|m| m.first == k && m.ent.kind != EntityType::Person);
        let person_here = sm
            .iter()
            .any(|m| m.first == k && m.ent.kind == EntityType::Person)
            || name_here;
        let item = count_item(text, toks, end, sm, k).or(person_here.then_some(1));
        let Some(n) = item else {
            break;
        };
        // "the man, an explosives expert, and three others": a single
        // person, then a name or an indefinite description of one, is
        // the same person
        let indefinite = matches!(lower(toks, text, k).as_str(), "a" | "an") && n == 1;
        let apposition =
            prev_single && (person_here || indefinite) && lower(toks, text, k - 1) == ",";
        if !apposition {
            total = Some(total.unwrap_or(0) + n);
        }
        prev_single = n == 1 && !person_here;
        // to the end of the item: the next "," or "and" (", and")
        k += 1;
        while k < end {
            let x = lower(toks, text, k);
            // "four militants -- including X": a part of the same count
            if COUNT_STOPS.contains(&x.as_str()) || (toks[k].kind == TokenKind::Punct && x != ",") {
                break;
            }
            // "the leader along with three of his associates"
            let joined = (x == "along" && lower(toks, text, k + 1) == "with")
                || (x == "as" && lower(toks, text, k + 1) == "well");
            if joined {
                k += if x == "as" { 3 } else { 2 };
                break;
            }
            if x == "," || x == "and" {
                k += 1;
                while k < end && matches!(lower(toks, text, k).as_str(), "," | "and") {
                    k += 1;
                }
                break;
            }
            k += 1;
        }
        if k < end && COUNT_STOPS.contains(&lower(toks, text, k).as_str()) {
            break;
        }
    }
    total
}

fn number_value(w: &str) -> Option<u32> {
    const WORDS: &[(&str, u32)] = &[
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("thirteen", 13),
        ("fourteen", 14),
        ("fifteen", 15),
        ("sixteen", 16),
        ("seventeen", 17),
        ("eighteen", 18),
        ("nineteen", 19),
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
        ("hundred", 100),
        ("dozen", 12),
    ];
    if let Some((_, n)) = WORDS.iter().find(|(s, _)| *s == w) {
        return Some(*n);
    }
    if w.chars().next().is_some_and(|c| c.is_ascii_digit())
        && w.chars().all(|c| c.is_ascii_digit() || c == ',')
    {
        let digits: String = w.chars().filter(char::is_ascii_digit).collect();
        return digits.parse().ok().filter(|n| *n > 0 && *n < 10_000_000);
    }
    None
}

/// The mode of an assault from the words of its sentence, else the
/// trigger's; the killing of a named person with no other mode is a
/// targeted killing.
fn assault_mode(stext: &str, ev: &EventOut, sm: &[Ment]) -> Option<String> {
    let l = stext.to_lowercase();
    let has = |w: &str| l.contains(w);
    let mode = if has("drone") {
        Some("drone strike")
    } else if has("airstrike") || has("air strike") || has("air raid") {
        Some("airstrike")
    } else if has("suicide") {
        Some("suicide attack")
    } else if has("raid") || has("stormed") || has("storming") {
        Some("raid")
    } else if has("bomb") || has("explosive") || has("ied") || has("explosion") {
        Some("bombing")
    } else if has("ambush") {
        Some("ambush")
    } else {
        None
    };
    if let Some(m) = mode {
        return Some(m.to_string());
    }
    if ev.mode.is_some() {
        return ev.mode.clone();
    }
    let person_target = ev.targets.iter().any(|t| {
        sm.iter()
            .any(|m| &m.ent.id == t && m.ent.kind == EntityType::Person)
    });
    (person_target && (has(" killed") || has(" killing ") || has("assassinat")))
        .then(|| "targeted killing".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_trigger_line_parses() {
        for line in TRIGGERS_TSV.lines().chain(CAMEO_TRIGGERS_TSV.lines()) {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            assert!(parse_line(line).is_some(), "bad trigger line: {line:?}");
        }
        assert!(triggers().entries.len() > 50);
    }

    fn counts(text: &str) -> Vec<(PloverType, Option<u32>, Option<u32>)> {
        let ents = crate::entities::extract_entities(text);
        let doc = PartialDate::day(2013, 1, 25);
        extract_events(text, &ents, doc)
            .iter()
            .map(|e| (e.kind, e.fatalities, e.captured))
            .collect()
    }

    #[test]
    fn counts_people_killed_and_captured() {
        let c = counts(
            "KABUL, Afghanistan (Jan. 25, 2013)\nAn Afghan and coalition security force \
             detained two suspected insurgents in Andar district, Ghazni province, yesterday.",
        );
        assert_eq!(c, vec![(PloverType::Coerce, None, Some(2))]);
        let c = counts(
            "Afghan commandos killed the Taliban leader, Fayez Jan, and one additional \
             insurgent in Daman district, Kandahar province, yesterday.",
        );
        assert_eq!(c, vec![(PloverType::Assault, Some(2), None)]);
        let c = counts(
            "An Afghan-led security force detained several suspected insurgents in Khost \
             province yesterday. Two additional suspects were detained. \
             The security force also detained a Haqqani facilitator during the operation.",
        );
        assert_eq!(
            c,
            vec![
                (PloverType::Coerce, None, Some(3)),
                (PloverType::Coerce, None, Some(2)),
                (PloverType::Coerce, None, Some(1))
            ]
        );
    }

    /// type, date, fatalities, captured, number of agents
    type Dated = (PloverType, String, Option<u32>, Option<u32>, usize);

    fn dated(text: &str) -> Vec<Dated> {
        let ents = crate::entities::extract_entities(text);
        let doc = PartialDate::day(2013, 1, 25);
        extract_events(text, &ents, doc)
            .iter()
            .map(|e| {
                let d = e.date.map(|d| d.to_string()).unwrap_or_default();
                (e.kind, d, e.fatalities, e.captured, e.agents.len())
            })
            .collect()
    }

    #[test]
    fn a_retelling_by_the_same_force_of_described_people_is_one_event() {
        let c = dated(
            "An Afghan and coalition security force detained a Taliban commander and \
             several suspected insurgents in Kandahar province last night. The insurgents \
             were detained after the combined security force interviewed residents.",
        );
        assert_eq!(
            c.iter().filter(|e| e.0 == PloverType::Coerce).count(),
            1,
            "{c:?}"
        );
        // more people, told as more, are an event of their own
        let c = dated(
            "An Afghan and coalition security force detained a Taliban commander in Kandahar \
             province last night. The force also detained two other suspected insurgents.",
        );
        assert_eq!(
            c.iter().filter(|e| e.0 == PloverType::Coerce).count(),
            2,
            "{c:?}"
        );
    }

    #[test]
    fn a_bracketed_abbreviation_does_not_hide_what_makes_attacks_a_habit() {
        let c = dated(
            "A force detained a Taliban commander in Kandahar province last night. The \
             commander is known to coordinate improvised explosive device (IED) attacks \
             against Afghan civilians and coalition forces.",
        );
        assert!(c.iter().all(|e| e.0 != PloverType::Assault), "{c:?}");
    }

    #[test]
    fn the_subject_of_a_passive_is_no_doer_of_the_operation_after_it() {
        let text = "Two insurgents were detained during the operation in Kandahar today.";
        let ents = crate::entities::extract_entities(text);
        let evs = extract_events(text, &ents, PartialDate::day(2013, 1, 25));
        assert_eq!(evs.len(), 1, "{evs:?}");
        assert!(evs[0].agents.is_empty(), "{evs:?}");
        assert_eq!(
            names(&ents, &evs[0].targets),
            vec!["insurgents".to_string()]
        );
        assert_eq!(evs[0].captured, Some(2));
        // "a number of" counts as "several"
        let c = counts(
            "An Afghan-led force arrested a Haqqani leader in Ghazni province today and \
             detained a number of suspected insurgents.",
        );
        assert_eq!(c, vec![(PloverType::Coerce, None, Some(4))]);
    }

    #[test]
    fn the_person_named_next_is_the_leader_the_force_killed() {
        let text = "KABUL, Afghanistan (June 19, 2010) - An Afghan-international security \
                    force killed a Taliban sub-commander in Chahar Darah district, Kunduz \
                    Province, last night. Mullah Abdul Razaq was responsible for moving \
                    suicide operatives.";
        let ents = crate::entities::extract_entities(text);
        let evs = extract_events(text, &ents, None);
        let names = names(&ents, &evs[0].targets);
        assert!(names.iter().any(|n| n == "Mullah Abdul Razaq"), "{names:?}");
    }

    #[test]
    fn a_weekday_told_without_a_dateline_makes_a_clash_one_event() {
        let text = "Insurgents and American forces clashed briefly Thursday near the city.";
        let ents = crate::entities::extract_entities(text);
        let evs = extract_events(text, &ents, None);
        assert_eq!(evs.len(), 1, "{evs:?}");
        assert_eq!(evs[0].kind, PloverType::Assault);
        assert_eq!(evs[0].agents.len() + evs[0].targets.len(), 2);
        // told with no time and no place: a general statement, no event
        let text = "Insurgents and American forces often clashed.";
        let ents = crate::entities::extract_entities(text);
        assert!(extract_events(text, &ents, None).is_empty());
        assert!(crate::temporal::tells_when("They met last week."));
        assert!(!crate::temporal::tells_when("The Sunday Times said so."));
    }

    #[test]
    fn a_bare_operation_is_the_frame_of_what_the_force_did() {
        // the airstrike is the event; the operation alone is no second one
        let c = dated(
            "Afghan and coalition forces conducted a security operation in Bermal district, \
             Paktika province, today. During the operation, Afghan and coalition forces \
             identified a group of armed insurgents. The security force engaged the armed \
             insurgents with a precision airstrike, killing two of them.",
        );
        assert_eq!(
            c,
            vec![(PloverType::Assault, "2013-01-25".into(), Some(2), None, 1)]
        );
        // an operation with nothing else done stays an event
        let c = dated(
            "Afghan forces conducted a security operation in Zhari district, Kandahar \
             province, today.",
        );
        assert_eq!(
            c,
            vec![(PloverType::Coerce, "2013-01-25".into(), None, None, 1)]
        );
    }

    #[test]
    fn recently_and_the_past_days_are_not_the_report_day() {
        // "recently detained": some day of the month, not the confirmation's
        let c = dated(
            "Coalition forces today confirmed they recently detained two insurgents during \
             two separate operations in Kandahar province.",
        );
        assert_eq!(
            c,
            vec![(PloverType::Coerce, "2013-01".into(), None, Some(2), 1)]
        );
        // "during the past two days": the stretch starts two days before
        let c = dated(
            "Afghan forces killed 30 insurgents in an offensive operation in Nad Ali \
             district, Helmand province during the past two days.",
        );
        assert_eq!(
            c,
            vec![(PloverType::Assault, "2013-01-23".into(), Some(30), None, 1)]
        );
    }

    #[test]
    fn an_unattributed_arrest_after_an_arrest_is_the_same_forces() {
        let text = "Coalition forces today confirmed they recently detained two insurgents \
                    during two separate operations in Kandahar province. Haji Mama, a \
                    facilitator of weapons, was arrested Jan. 4.";
        let ents = crate::entities::extract_entities(text);
        let evs = extract_events(text, &ents, PartialDate::day(2013, 1, 25));
        assert_eq!(evs.len(), 2, "{evs:?}");
        assert_eq!(evs[1].agents, evs[0].agents);
        assert_eq!(evs[1].location, evs[0].location);
        assert_eq!(
            evs[1].date.map(|d| d.to_string()).as_deref(),
            Some("2013-01-04")
        );
        // an arrest named by its captive's possessive is the one told
        let c = dated(
            "Afghan forces arrested a Taliban weapons dealer in Sangin district, Helmand \
             province, today. At the time of his arrest, he was involved in plans to smuggle \
             explosives into the region. The security force also detained two suspected \
             insurgents during the operation.",
        );
        assert_eq!(c.len(), 2, "{c:?}");
        assert!(c
            .iter()
            .all(|e| e.0 == PloverType::Coerce && e.1 == "2013-01-25"));
    }

    #[test]
    fn shot_dead_counts_the_dead() {
        let c = dated("Rebels shot dead six people in a village in Assam on Monday.");
        assert_eq!(
            c,
            vec![(PloverType::Assault, "2013-01-21".into(), Some(6), None, 1)]
        );
    }

    /// The names of the entities `ids` point to.
    fn names(ents: &DocEntities, ids: &[String]) -> Vec<String> {
        ids.iter()
            .filter_map(|id| ents.entities.iter().find(|e| &e.id == id))
            .map(|e| e.name.clone())
            .collect()
    }

    #[test]
    fn appeals_of_named_people_and_the_headline_that_retells_one() {
        let text = "UN chief urges European Union to commit more troops\n\nThe United \
                    Nations secretary-general, Kofi Annan, has appealed to the European \
                    Union to play a bigger role in peacekeeping operations.";
        let ents = crate::entities::extract_entities(text);
        let evs = extract_events(text, &ents, None);
        // one appeal, by the person the story names, not the headline's
        assert_eq!(evs.len(), 1, "{evs:?}");
        assert_eq!(evs[0].kind, PloverType::Request);
        assert_eq!(names(&ents, &evs[0].agents), ["Kofi Annan"]);
        // a question is no request
        let c = dated(
            "Defense attorney Edward Hayden asked FBI agent Timothy McElroy if there was \
             any evidence against the Chechen rebels.",
        );
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn fire_on_is_an_attack_and_a_place_targeted_is_no_act() {
        let c = dated("Insurgents fired on a police checkpoint in Sangin district today.");
        assert_eq!(
            c,
            vec![(PloverType::Assault, "2013-01-25".into(), None, None, 1)]
        );
        let c = dated(
            "The security force targeted this area in Sayad district today in order to \
             disrupt Taliban activity.",
        );
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn what_an_operation_resulted_in_is_its_doers_act() {
        let c = dated(
            "Afghan forces conducted an operation in Nad Ali district, Helmand province, \
             today which resulted in the deaths of four insurgents.",
        );
        assert!(
            c.contains(&(PloverType::Assault, "2013-01-25".into(), Some(4), None, 1)),
            "{c:?}"
        );
    }

    #[test]
    fn confirmed_killed_is_a_passive() {
        let text = "A Taliban commander was confirmed killed today as a result of an \
                    operation by Afghan Commandos in Chak district, Wardak province.";
        let ents = crate::entities::extract_entities(text);
        let evs = extract_events(text, &ents, PartialDate::day(2013, 1, 25));
        assert_eq!(evs.len(), 1, "{evs:?}");
        assert_eq!(names(&ents, &evs[0].agents), ["Afghan Commandos"]);
        assert_eq!(names(&ents, &evs[0].targets), ["Taliban"]);
    }

    #[test]
    fn afghan_armed_groups_the_source_lists_miss_are_known() {
        for (text, name) in [
            (
                "Forces detained a Hezb-e Islami Gulbuddin leader in Nerkh district.",
                "Hezb-e Islami Gulbuddin",
            ),
            (
                "Forces detained a HIG facilitator in Nerkh district.",
                "HIG",
            ),
            (
                "Forces detained an Islamic Jihad Union leader in Kunduz province.",
                "Islamic Jihad Union",
            ),
        ] {
            let ents = crate::entities::extract_entities(text);
            let g = ents
                .entities
                .iter()
                .find(|e| e.name == name || e.aliases.iter().any(|a| a == name))
                .unwrap_or_else(|| panic!("{name} in {:?}", ents.entities));
            assert_eq!(g.kind, EntityType::Organization, "{name}");
            assert_eq!(g.subtype.as_deref(), Some("armed_group"), "{name}");
        }
    }

    #[test]
    fn a_one_word_name_with_a_role_in_apposition_is_a_person() {
        let text = "ISAF confirmed today that Sangari, an insurgent leader, was killed in an \
                    airstrike Jan. 7 in Nad Ali district, Helmand province.";
        let ents = crate::entities::extract_entities(text);
        let sangari = ents
            .entities
            .iter()
            .find(|e| e.name == "Sangari")
            .expect("Sangari");
        assert_eq!(sangari.kind, EntityType::Person);
        let evs = extract_events(text, &ents, PartialDate::day(2013, 1, 25));
        assert_eq!(evs.len(), 1);
        assert_eq!(evs[0].targets, vec![sangari.id.clone()]);
        assert_eq!(
            evs[0].date.map(|d| d.to_string()).as_deref(),
            Some("2013-01-07")
        );
    }

    #[test]
    fn participle_before_the_subject_is_an_adjective() {
        // "a combined ... patrol": not the object of a verb "combined"
        let c = dated(
            "A combined Afghan and coalition security force detained three men in Sangin district, \
             Helmand province, yesterday.",
        );
        assert_eq!(
            c,
            vec![(PloverType::Coerce, "2013-01-24".into(), None, Some(3), 1)]
        );
        // a patrol is an armed force too
        let c = dated(
            "A combined Afghan and coalition patrol detained two men in Sangin district, \
             Helmand province, yesterday.",
        );
        assert_eq!(
            c,
            vec![(PloverType::Coerce, "2013-01-24".into(), None, Some(2), 1)]
        );
    }

    #[test]
    fn counted_victims_make_an_event_without_an_actor() {
        let c =
            dated("Three militants were killed in Marjah district, Helmand province, on Tuesday.");
        assert_eq!(
            c,
            vec![(PloverType::Assault, "2013-01-22".into(), Some(3), None, 0)]
        );
        // no count, no actor: nothing to link
        assert!(dated("A bridge was attacked in Helmand province on Tuesday.").is_empty());
    }

    #[test]
    fn overnight_is_the_night_before_unless_a_day_is_named() {
        let c = dated("Afghan forces detained two suspects in Kandahar province overnight.");
        assert_eq!(c[0].1, "2013-01-24");
        let c = dated(
            "Afghan forces detained two suspects during an overnight raid in Kandahar \
             province on Monday.",
        );
        assert_eq!(c[0].1, "2013-01-21");
    }

    #[test]
    fn operations_and_captures_as_nouns() {
        let c = dated(
            "Afghan forces confirmed the capture of two bomb makers in Khost province yesterday.",
        );
        // (people captured are arrested, by the force that reports it;
        // "bomb makers" is no bombing)
        assert_eq!(
            c,
            vec![(PloverType::Coerce, "2013-01-24".into(), None, Some(2), 1)]
        );
        let c = dated(
            "Afghan forces conducted a security operation in Zhari district, Kandahar \
             province, on Wednesday.",
        );
        assert_eq!(
            c,
            vec![(PloverType::Coerce, "2013-01-23".into(), None, None, 1)]
        );
    }

    #[test]
    fn dates_of_other_events_and_of_the_report_are_not_the_event_date() {
        // 2013-01-25 is a Friday
        let c =
            dated("Police arrested the man behind Monday's bombing in Kandahar province today.");
        assert_eq!(c[0].0, PloverType::Coerce);
        assert_eq!(c[0].1, "2013-01-25");
        let c = dated(
            "Afghan forces detained a bomb maker linked to the Jan. 3 attack on a market \
             in Khost province yesterday.",
        );
        assert_eq!(c[0].1, "2013-01-24");
        let c = dated(
            "Afghan forces today confirmed the arrest of two suspects in Ghazni province \
             on Wednesday.",
        );
        assert_eq!(
            c,
            vec![(PloverType::Coerce, "2013-01-23".into(), None, Some(2), 1)]
        );
    }

    #[test]
    fn a_later_sentence_keeps_the_day_of_the_story() {
        let c = dated(
            "Yesterday in Sangin district, Helmand province, Afghan forces came under fire. \
             After identifying the firing position, Afghan forces returned fire, killing two \
             insurgents.",
        );
        assert_eq!(
            c,
            vec![(PloverType::Assault, "2013-01-24".into(), Some(2), None, 1)]
        );
    }

    #[test]
    fn operations_deaths_detentions_and_engagements() {
        let c = dated(
            "Afghan forces seized a large weapons cache during a security operation in \
             Zhari district, Kandahar province, on Thursday.",
        );
        assert_eq!(c[0].0, PloverType::Coerce);
        assert_eq!(c[0].1, "2013-01-24");
        let c = dated(
            "The raid in Paktika province resulted in the deaths of four insurgents and \
             the detention of two others on Tuesday.",
        );
        assert_eq!(
            c.iter().map(|e| (e.0, e.2, e.3)).collect::<Vec<_>>(),
            vec![
                (PloverType::Assault, Some(4), None),
                (PloverType::Coerce, None, Some(2))
            ]
        );
        let c = dated(
            "An Afghan army patrol engaged the gunmen in Marjah district, Helmand province, \
             on Tuesday, killing three.",
        );
        assert_eq!(
            c,
            vec![(PloverType::Assault, "2013-01-22".into(), Some(3), None, 1)]
        );
        assert!(dated(
            "Afghan officials engaged in talks with elders in Kandahar province on Tuesday."
        )
        .iter()
        .all(|e| e.0 != PloverType::Assault));
    }

    #[test]
    fn counts_more_than_appositions_and_running_totals() {
        let c = counts(
            "Afghan forces detained more than 10 suspected insurgents in Khost province \
             yesterday.",
        );
        assert_eq!(c, vec![(PloverType::Coerce, None, Some(11))]);
        let c = counts(
            "Afghan forces detained the man, a bomb maker, and two of his guards in \
             Khost province yesterday.",
        );
        assert_eq!(c, vec![(PloverType::Coerce, None, Some(3))]);
        let c = counts(
            "Afghan forces have detained more than 40 suspects in Khost province since March.",
        );
        assert!(c.iter().all(|e| e.2.is_none()), "{c:?}");
    }

    #[test]
    fn a_count_without_time_or_place_continues_the_story() {
        let c = dated(
            "Afghan forces raided a compound in Khost province yesterday. The men inside \
             were questioned at length. Three suspects were detained at the scene.",
        );
        assert_eq!(
            c.last(),
            Some(&(PloverType::Coerce, "2013-01-24".into(), None, Some(3), 0))
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(number_value("six"), Some(6));
        assert_eq!(number_value("3,000"), Some(3000));
        assert_eq!(number_value("people"), None);
    }
}
