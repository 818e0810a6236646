//! Named-entity mentions: people, organisations, places (and other names).
//!
//! Three sources of evidence, combined per sentence:
//! 1. the lexicon (actor dictionaries, sanctions lists, gazetteer), matched
//!    at token boundaries;
//! 2. proper-noun chunks: runs of capitalised tokens, joined by name
//!    particles (`of`, `al-`, `bin`) and split at titles (`President`);
//! 3. cues that type a chunk no dictionary knows: head words (`University`,
//!    `Province`, `Center`), preceding titles, given names, and what the
//!    same document says elsewhere (a word also written in lower case is a
//!    common word; a surname seen in a full name is a person).
//!
//! Rules, not a trained model, because no NER training data in this project
//! may ship (CoNLL, WikiANN and CoNLL04 are evaluation-only): every rule is
//! a general property of English news text, and the CoNLL-2003 benchmark
//! (`bench/ner.sh`) measures it against spaCy on text it was not built on.

use crate::lexicon::{EntryType, Lexicon, SurfaceKind};
use crate::text::{sentences_from_tokens, tokenize_into, Token, TokenKind};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// The CoNLL-style label of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NerLabel {
    Per,
    Org,
    Loc,
    Misc,
}

/// A recognised name: byte span and label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NerSpan {
    pub span: Range<usize>,
    pub label: NerLabel,
}

/// Where a mention's type came from, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cue {
    /// A lexicon entry names exactly this span.
    Lexicon,
    /// A head word, title or given name types the chunk.
    Rule,
    /// A multi-word capitalised chunk with no other cue (news prior: person).
    Default,
    /// Typed by the same surface elsewhere in the document.
    Document,
}

/// A name mention with what is known about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub span: Range<usize>,
    pub label: NerLabel,
    /// Ontology subtype when known (`armed_group`, `province`, `armed_force`…).
    pub subtype: Option<&'static str>,
    /// Lexicon entry index, when the name (or its core) is in the lexicon.
    pub entry: Option<u32>,
    pub cue: Cue,
    /// Index of the sentence (in [`Analysis::sentences`]).
    pub sentence: usize,
}

/// A tokenised, sentence-split document with its name mentions.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Range<usize>>,
    /// Token index range of each sentence.
    pub sentence_tokens: Vec<Range<usize>>,
    pub mentions: Vec<Mention>,
}

/// Recognises names in `text` (CoNLL labels).
pub fn recognize(text: &str) -> Vec<NerSpan> {
    analyze(text)
        .mentions
        .into_iter()
        .map(|m| NerSpan {
            span: m.span,
            label: m.label,
        })
        .collect()
}

// ---------------------------------------------------------------- word lists

/// Words that start sentences and headlines but are not names.
const COMMON: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "after",
    "afterwards",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "always",
    "among",
    "an",
    "and",
    "another",
    "any",
    "anyone",
    "anything",
    "are",
    "around",
    "as",
    "at",
    "back",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "besides",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "despite",
    "following",
    "regarding",
    "including",
    "concerning",
    "did",
    "do",
    "does",
    "down",
    "during",
    "each",
    "earlier",
    "either",
    "else",
    "even",
    "ever",
    "every",
    "everyone",
    "except",
    "far",
    "few",
    "finally",
    "first",
    "for",
    "former",
    "from",
    "further",
    "furthermore",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "indeed",
    "instead",
    "into",
    "is",
    "it",
    "its",
    "just",
    "last",
    "later",
    "late",
    "least",
    "less",
    "like",
    "many",
    "may",
    "me",
    "meanwhile",
    "might",
    "more",
    "moreover",
    "most",
    "much",
    "must",
    "my",
    "near",
    "neither",
    "never",
    "nevertheless",
    "new",
    "next",
    "no",
    "nobody",
    "none",
    "nor",
    "not",
    "nothing",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "out",
    "over",
    "own",
    "perhaps",
    "please",
    "prior",
    "rather",
    "recently",
    "same",
    "second",
    "several",
    "she",
    "should",
    "since",
    "so",
    "some",
    "someone",
    "something",
    "soon",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "third",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "today",
    "together",
    "tomorrow",
    "too",
    "toward",
    "towards",
    "two",
    "three",
    "four",
    "five",
    "ultimately",
    "under",
    "unless",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "whatever",
    "when",
    "where",
    "whereas",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yes",
    "yesterday",
    "yet",
    "you",
    "your",
    "ok",
    "mr",
    "mrs",
    "ms",
    "asked",
    "said",
    "says",
    "according",
    "separately",
    "overall",
    "additionally",
    "currently",
    "initially",
    "previously",
    "similarly",
    "specifically",
    "sunday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "observers",
    "analysts",
    "officials",
    "experts",
    "critics",
    "residents",
    "witnesses",
    "sources",
    "members",
    "police",
    "troops",
    "reporters",
    "editing",
    "reporting",
    "writing",
    "additional",
    "update",
    "updated",
    "breaking",
    "exclusive",
    "analysis",
    "opinion",
    "photo",
    "file",
    "video",
    "watch",
    "read",
    "more",
    "related",
    "source",
    "sources",
    "note",
];

/// Honorifics among [`TITLES`] that Afghan and Pakistani names carry as
/// part of the name ("Mullah Omar", "Haji Mali Khan", "Qari Ziauddin").
pub const HONORIFICS: &[&str] = &[
    "mullah", "mulla", "mullá", "maulvi", "maulana", "mawlawi", "maulawi", "mawlavi", "haji",
    "hajji", "qari", "mufti",
];

/// Titles that precede a person's name and split a capitalised run.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sir",
    "president",
    "vice",
    "prime",
    "minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "shaikh",
    "sheik",
    "emir",
    "mullah",
    "mullá",
    "maulvi",
    "maulana",
    "mawlawi",
    "maulawi",
    "mawlavi",
    "mulla",
    "qari",
    "mufti",
    "haji",
    "hajji",
    "imam",
    "ayatollah",
    "general",
    "gen",
    "lt",
    "lieutenant",
    "col",
    "colonel",
    "maj",
    "major",
    "capt",
    "captain",
    "sgt",
    "sergeant",
    "adm",
    "admiral",
    "cmdr",
    "commander",
    "brig",
    "brigadier",
    "marshal",
    "gov",
    "governor",
    "sen",
    "senator",
    "congressman",
    "congresswoman",
    "rep",
    "representative",
    "judge",
    "justice",
    "secretary",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "director",
    "chief",
    "pope",
    "bishop",
    "rev",
    "reverend",
    "father",
    "mayor",
    "deputy",
    "defence",
    "defense",
    "foreign",
    "interior",
    "finance",
    "coach",
    "striker",
    "midfielder",
    "goalkeeper",
    "defender",
    "manager",
    "leader",
    "founder",
    "former",
    "late",
    "acting",
    "general-secretary",
    "secretary-general",
    "assistant",
    "associate",
    "senior",
    "commissioner",
    "superintendent",
    "constable",
    "inspector",
    "detective",
    "attorney",
    "prosecutor",
    "lawyer",
    "analyst",
    "expert",
    "correspondent",
    "reporter",
    "editor",
    "professor",
    "officer",
    "agent",
    "ceo",
    "president-elect",
    "premier",
    "sultan",
    "crown",
    "grand",
    "ayatollah",
    "cardinal",
    "rabbi",
    "sheriff",
    "chief-executive",
    "executive",
    "undersecretary",
    "sgt.",
    "pvt",
    "private",
    "corporal",
    "cpl",
    "spc",
    "specialist",
    "airman",
    "seaman",
    "petty",
];

/// Days and months: never part of a name.
const DATE_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Compass words that make a region of a known place: "East Africa".
const COMPASS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "upper",
    "lower",
    "greater",
];

/// Last words of names of events, prizes and days: named, but not people,
/// organisations or places.
const MISC_HEADS: &[&str] = &[
    "cup",
    "series",
    "championship",
    "championships",
    "open",
    "games",
    "olympics",
    "day",
    "prize",
    "award",
    "awards",
    "trophy",
    "tournament",
    "derby",
    "festival",
    "war",
    "crisis",
    "accord",
    "agreement",
    "treaty",
    "act",
    "bill",
    "index",
    "classic",
    "grand",
    "prix",
    "rally",
    "marathon",
    "summit",
    "conference",
    "talks",
    "plan",
    "doctrine",
    "law",
    "code",
    "revolution",
    "notice",
    "notices",
];

/// Verbs after a bare name that say it is a person: "Rahimi said".
const PERSON_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "explained",
    "argued",
    "insisted",
    "wrote",
    "replied",
    "warned",
    "noted",
    "asked",
    "denied",
    "admitted",
    "claimed",
    "recalled",
    "struck",
    "smashed",
    "clocked",
    "carded",
    "retired",
];

/// Nouns after a bare name that say it is an organisation.
const ORG_NOUNS: &[&str] = &[
    "news",
    "agency",
    "newspaper",
    "daily",
    "weekly",
    "magazine",
    "company",
    "group",
    "bank",
    "airline",
    "shares",
    "stock",
    "stocks",
    "spokesman",
    "spokeswoman",
    "officials",
    "executives",
    "chairman",
    "unit",
    "subsidiary",
    "plc",
    "inc",
    "corp",
    "ltd",
    "workers",
    "employees",
    "board",
    "management",
    "television",
    "radio",
];

/// Words that make a document a sports report: place names in it are teams.
const SPORTS_WORDS: &[&str] = &[
    "innings",
    "wickets",
    "wicket",
    "goals",
    "goal",
    "scored",
    "halftime",
    "half-time",
    "striker",
    "midfielder",
    "goalkeeper",
    "soccer",
    "cricket",
    "baseball",
    "tennis",
    "rugby",
    "league",
    "standings",
    "match",
    "matches",
    "tournament",
    "championship",
    "played",
    "beat",
    "drew",
    "seed",
    "seeded",
    "round",
    "quarter-final",
    "semi-final",
    "final",
    "homer",
    "inning",
    "pitcher",
    "batsman",
    "bowler",
    "runs",
    "points",
    "lap",
    "race",
    "stage",
    "cup",
    "club",
];

/// Lower-case roles an organisation's name comes before ("Sinn Fein
/// president Gerry Adams", "Hamas spokesman X").
const ORG_ROLES_AFTER: &[&str] = &[
    "president",
    "leader",
    "chairman",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chief",
    "commander",
    "founder",
    "member",
    "official",
    "activist",
];

/// Last words that make a capitalised run an organisation.
const ORG_HEADS: &[&str] = &[
    "security",
    "branch",
    "center",
    "centre",
    "council",
    "institute",
    "institution",
    "university",
    "college",
    "school",
    "academy",
    "ministry",
    "department",
    "office",
    "agency",
    "bureau",
    "service",
    "services",
    "committee",
    "commission",
    "court",
    "party",
    "front",
    "army",
    "forces",
    "force",
    "corps",
    "brigade",
    "brigades",
    "battalion",
    "battalions",
    "regiments",
    "kandak",
    "kandaks",
    "regiment",
    "division",
    "guard",
    "guards",
    "network",
    "group",
    "movement",
    "organization",
    "organisation",
    "association",
    "union",
    "bank",
    "company",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "plc",
    "co",
    "llc",
    "ag",
    "sa",
    "nv",
    "gmbh",
    "program",
    "programme",
    "team",
    "fund",
    "foundation",
    "federation",
    "league",
    "club",
    "government",
    "administration",
    "assembly",
    "parliament",
    "senate",
    "congress",
    "coalition",
    "alliance",
    "mission",
    "authority",
    "board",
    "brotherhood",
    "police",
    "navy",
    "airlines",
    "airways",
    "times",
    "post",
    "news",
    "press",
    "television",
    "radio",
    "journal",
    "herald",
    "tribune",
    "daily",
    "telegraph",
    "reuters",
    "exchange",
    "market",
    "industries",
    "holdings",
    "systems",
    "technologies",
    "motors",
    "bancorp",
    "trust",
    "partners",
    "capital",
    "securities",
    "cabinet",
    "secretariat",
    "taskforce",
    "unit",
    "units",
    "command",
    "directorate",
    "society",
    "church",
    "hospital",
    "museum",
    "seals",
    "marines",
    "fc",
    "united",
    "city",
    "observatory",
    "gang",
    "cartel",
    "militia",
    "monitor",
    "watch",
    "tribunal",
    "forum",
];

/// First words that make "X of Y" an organisation.
const ORG_STARTS: &[&str] = &[
    "university",
    // "Task Force Bastogne": a military unit named after its title
    "task",
    "ministry",
    "department",
    "office",
    "bank",
    "bureau",
    "institute",
    "council",
    "college",
    "school",
    "league",
    "federation",
    "association",
    "organization",
    "organisation",
    "house",
    "court",
    "church",
    "board",
    "commission",
    "committee",
    "army",
    "order",
    "observatory",
    "center",
    "centre",
    "front",
    "coalition",
    "alliance",
    "union",
    "movement",
    "party",
    "forum",
    "foundation",
    "agency",
    "society",
    "tribunal",
];

/// Last words that make a capitalised run a place.
const LOC_HEADS: &[&str] = &[
    "province",
    "district",
    // Pashto "village" closing a village's name ("Molla Alam Kalay")
    "kalay",
    "kalai",
    "kelay",
    "kalae",
    "valley",
    "river",
    "county",
    "region",
    "island",
    "islands",
    "mountains",
    "mountain",
    "mount",
    "sea",
    "ocean",
    "gulf",
    "strait",
    "lake",
    "desert",
    "peninsula",
    "territory",
    "village",
    "town",
    "square",
    "street",
    "road",
    "airport",
    "border",
    "pass",
    "basin",
    "coast",
    "bay",
    "heights",
    "plain",
    "hills",
    "camp",
    "base",
    "avenue",
    "boulevard",
    "highway",
    "bridge",
    "park",
    "station",
    "port",
    "harbor",
    "harbour",
    "oblast",
    "governorate",
    "prefecture",
    "canyon",
    "forest",
    "gate",
    "plaza",
    "palace",
    "shrine",
    "mosque",
    "temple",
    "cathedral",
    "stadium",
    "market",
    "arms",
    "inn",
    "hotel",
    "tavern",
    "pub",
    "zone",
    "st",
    "building",
    "motel",
    "depot",
];

/// Place heads that name an administrative part of the place before them
/// ("Ghazni Province" is Ghazni); other heads name another place ("London
/// Bridge", "Kabul River" are not London or Kabul).
const ADMIN_HEADS: &[&str] = &[
    "province",
    "district",
    "county",
    "region",
    "oblast",
    "governorate",
    "prefecture",
    "territory",
];

/// Place heads of sites: streets, buildings, bridges.
const SITE_HEADS: &[&str] = &[
    "building",
    "motel",
    "depot",
    "street",
    "road",
    "airport",
    "camp",
    "base",
    "avenue",
    "boulevard",
    "highway",
    "bridge",
    "park",
    "station",
    "port",
    "harbor",
    "harbour",
    "gate",
    "plaza",
    "palace",
    "shrine",
    "mosque",
    "temple",
    "cathedral",
    "stadium",
    "market",
    "arms",
    "inn",
    "hotel",
    "tavern",
    "pub",
    "st",
];

/// Nouns that name a part of a city before "of" ("the east London district
/// of Barking"). Not "village of", "town of": a village with no gazetteer
/// entry would hide the province of the place named next to it.
const PLACE_NOUNS: &[&str] = &[
    "district",
    "neighborhood",
    "neighbourhood",
    "suburb",
    "borough",
];

fn loc_head_subtype(head: &str) -> Option<&'static str> {
    match head.to_lowercase().as_str() {
        "province" => Some("province"),
        "district" => Some("district"),
        h if in_list(SITE_HEADS, h) => Some("site"),
        _ => None,
    }
}

/// Name particles that may sit inside (or open) a name.
const PARTICLES: &[&str] = &[
    "al", "el", "ul", "bin", "ibn", "bint", "abu", "abd", "de", "del", "della", "der", "di", "da",
    "du", "la", "le", "van", "von", "ben", "y", "dos", "das", "ad", "an", "as", "ash", "at",
    // Tuareg and Moorish "son of": "Iyad ag Ghali", "Hamada ould Kheirou"
    "ag", "ould",
    // Dari/Arabic "and" inside a place's name: "Shigal wa Sheltan district"
    "wa",
];

/// The fields of an office named "Director of Operations", "Minister of
/// Finance": after them comes the holder's name.
const OFFICE_FIELDS: &[&str] = &[
    "operations",
    "intelligence",
    "finance",
    "information",
    "communications",
    "media",
    "defence",
    "defense",
    "security",
    "training",
    "logistics",
    "propaganda",
    "recruitment",
    "justice",
    "interior",
    "state",
    // "District Chief of Police Bacha Khan"
    "police",
];

/// Hyphen tails that make a modifier of a name: `U.S.-led`, `Taliban-controlled`.
const LED_TAILS: &[&str] = &[
    "led",
    "based",
    "backed",
    "controlled",
    "held",
    "run",
    "born",
    "linked",
    "allied",
    "affiliated",
    "owned",
    "funded",
    "armed",
    "style",
    "related",
    "dominated",
    "majority",
    "supported",
    "sponsored",
    "trained",
    "inspired",
    "aligned",
    "friendly",
    "occupied",
    "made",
];

fn in_list(list: &[&str], w: &str) -> bool {
    let lw = w.trim_end_matches('.').to_lowercase();
    list.contains(&lw.as_str())
}

fn is_capitalized(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

/// Acronyms of things, not of organisations: no entity ("his DNA",
/// "closed-circuit TV", "an IED", "a SIM card").
pub const THING_ACRONYMS: &[&str] = &[
    "DNA", "TV", "CCTV", "SIM", "GPS", "IED", "IEDs", "VBIED", "RPG", "RPGs", "SMS", "USB", "PDF",
    "ID", "IDs", "CEO", "CEOs", "HIV", "AIDS", "PM", "AM", "AD", "BC", "GDP", "VIP", "VIPs", "MRI",
    "ATM", "SUV", "SUVs", "AK", "DIY", "FAQ", "HQ", "IQ", "LLC", "PhD", "OK", "TNT", "UAV", "UAVs",
    "ISBN", "URL", "WMD", "COVID", "SARS", "EU-wide", "GMT", "UTC", "EST", "EDT", "PST", "PDT",
    "CET", "CEST", "BST", "IST",
];

/// A middle initial ("A." in "Michael A. Cinco"): no common word.
fn is_initial(s: &str) -> bool {
    let mut c = s.chars();
    matches!((c.next(), c.next(), c.next()), (Some(l), Some('.'), None) if l.is_uppercase())
}

/// "the senior Haqqani commander", "several Haqqani fighters", "the
/// Haqqani network": the first word of a group's name the lexicon knows
/// only whole ("Haqqani Network"), before a word for the group or its
/// people, names the group (with the generic head when it follows). The
/// bare word is no lexicon surface: it is also a family's name, which a
/// following personal name or no group word would make it.
fn group_short_forms(lex: &Lexicon, doc: &Doc<'_>, tokens: &[Token], mentions: &mut Vec<Mention>) {
    const GROUP_HEADS: &[&str] = &["Network", "Group", "Movement", "Front"];
    // (a word typed only as a miscellaneous name does not count)
    let covered = |m: &[Mention], pos: usize| {
        m.iter()
            .any(|x| x.label != NerLabel::Misc && x.span.start <= pos && pos < x.span.end)
    };
    let mut extra = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Word || i == 0 {
            continue;
        }
        let w = doc.tok(t);
        if covered(mentions, t.start) {
            continue;
        }
        if !is_capitalized(w) || w.len() < 4 {
            continue;
        }
        let Some(next) = tokens
            .get(i + 1)
            .filter(|n| n.kind == TokenKind::Word && adjacent(doc, tokens, i + 1))
        else {
            continue;
        };
        let nw = doc.tok(next);
        let people = matches!(
            nw,
            "commander"
                | "commanders"
                | "fighters"
                | "leader"
                | "leaders"
                | "facilitator"
                | "facilitators"
                | "militants"
                | "operatives"
                | "insurgents"
                | "members"
                | "operations"
                | "cell"
                | "cells"
                | "network"
                | "group"
                | "movement"
                | "front"
        );
        if !people {
            continue;
        }
        let found = GROUP_HEADS.iter().find_map(|h| {
            let name = format!("{w} {h}");
            lex.lookup(&name)
                .iter()
                .find(|l| {
                    l.case.accepts(&name) && lex.entry(l.entry).kind == EntryType::Organization
                })
                .map(|l| (l.entry, h))
        });
        let Some((e, h)) = found else {
            continue;
        };
        let end = if nw.eq_ignore_ascii_case(h) {
            next.end
        } else {
            t.end
        };
        extra.push(Mention {
            span: t.start..end,
            label: NerLabel::Org,
            subtype: Some(lex.entry(e).subtype).filter(|s| !s.is_empty()),
            entry: Some(e),
            cue: Cue::Lexicon,
            sentence: usize::MAX,
        });
    }
    mentions.retain(|m| {
        m.label != NerLabel::Misc
            || !extra
                .iter()
                .any(|x| x.span.start < m.span.end && m.span.start < x.span.end)
    });
    mentions.extend(extra);
}

/// "Jan" after the first word of a name is a name word ("Ismail Jan"),
/// not January (see `grow_chunk`).
fn name_jan(k: usize, w: &str) -> bool {
    k > 0 && w == "Jan"
}

/// "8th", "101st", "2nd", "3rd".
fn is_ordinal(s: &str) -> bool {
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && matches!(&s[digits..], "st" | "nd" | "rd" | "th")
}

fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// The Arabic article as transliterations write it before sun letters and in
/// French spellings: `Deir ez-Zor`, `Ras al-Ain`, `Dar es-Salaam`,
/// `Abd ar-Rahman`. Only read before a hyphen, where they cannot be words.
const HYPHEN_PARTICLES: &[&str] = &[
    "ez", "es", "er", "ed", "en", "et", "esh", "ad", "adh", "ar", "ath", "az", "ud", "ur", "un",
    "us", "ut", "uz", "ush",
];

/// `al-Masri`, `bin` before a capital: particle-led name parts.
fn particle_led(s: &str) -> bool {
    match s.split_once(['-', '‐']) {
        Some((head, tail)) => {
            (in_list(PARTICLES, head) || in_list(HYPHEN_PARTICLES, head)) && is_capitalized(tail)
        }
        None => false,
    }
}

/// One capitalised particle-led word standing alone: `Al-Monitor`,
/// `Al-Jazeera`, `Al-Nusra`. Alone (not after a given name, where it is a
/// surname: `Abu Bakr al-Baghdadi`) such words name organisations and media.
fn capital_particle_led(s: &str) -> bool {
    particle_led(s) && s.starts_with(|c: char| c.is_uppercase())
}

/// The name part before a modifier tail: `Taliban` in `Taliban-controlled`.
pub fn led_prefix(s: &str) -> Option<&str> {
    let (head, tail) = s.rsplit_once('-')?;
    (in_list(LED_TAILS, tail) && !head.is_empty()).then_some(head)
}

// ---------------------------------------------------------------- analysis

struct Doc<'a> {
    text: &'a str,
    /// The document reads as a sports report (place names may be teams).
    sports: bool,
    /// Words (lower-cased) that occur in lower case somewhere in the text.
    lower_words: HashSet<String>,
}

impl<'a> Doc<'a> {
    fn new(text: &'a str, tokens: &[Token]) -> Self {
        let mut lower_words = HashSet::new();
        for t in tokens {
            if t.kind == TokenKind::Word {
                let s = t.text(text);
                if s.chars().next().is_some_and(char::is_lowercase)
                    && !particle_led(s)
                    && !PARTICLES.contains(&s)
                {
                    lower_words.insert(s.to_lowercase());
                }
            }
        }
        let mut sports_seen: HashSet<&str> = HashSet::new();
        for t in tokens {
            let w = &text[t.start..t.end];
            if let Some(hit) = SPORTS_WORDS.iter().find(|s| s.eq_ignore_ascii_case(w)) {
                sports_seen.insert(hit);
            }
        }
        let sports_hits = sports_seen.len();
        Doc {
            text,
            sports: sports_hits >= 3,
            lower_words,
        }
    }

    fn tok(&self, t: &Token) -> &'a str {
        &self.text[t.start..t.end]
    }

    fn tok_str(&self, m: &Mention) -> &'a str {
        &self.text[m.span.clone()]
    }

    /// A token that is a common word: listed, or written in lower case
    /// elsewhere in this document.
    fn common(&self, t: &Token) -> bool {
        let s = self.tok(t);
        in_list(COMMON, s) || self.lower_words.contains(&s.to_lowercase())
    }
}

/// Title-case lines (headlines) are read for dictionary names only.
/// `opens_document`: the line is the document's first.
fn title_case(doc: &Doc<'_>, toks: &[Token], opens_document: bool) -> bool {
    let words: Vec<&Token> = toks.iter().filter(|t| t.kind == TokenKind::Word).collect();
    if words.len() < 3 {
        return false;
    }
    let caps = words.iter().filter(|t| is_capitalized(doc.tok(t))).count();
    let function_caps = words
        .iter()
        .filter(|t| {
            let s = doc.tok(t);
            is_capitalized(s)
                && matches!(
                    s.to_lowercase().as_str(),
                    "with"
                        | "of"
                        | "in"
                        | "on"
                        | "for"
                        | "to"
                        | "and"
                        | "the"
                        | "a"
                        | "at"
                        | "by"
                        | "from"
                        | "as"
                        | "after"
                        | "over"
                )
        })
        .count();
    // "Special Agent A. B, U.S. Air Force Office of Special Investigations,
    // US": a record of a list, with its fields between commas, is no headline
    // (the title opening a document is one: "Afghan, Coalition Force Repels
    // Attack, Kill Several Insurgents in Kunar")
    let commas = toks.iter().filter(|t| doc.tok(t) == ",").count();
    if commas >= 2 && !opens_document {
        return false;
    }
    let ends_like_sentence = toks
        .iter()
        .rev()
        .find(|t| !matches!(doc.tok(t), "”" | "\"" | "’" | "'" | ")"))
        .is_some_and(|t| matches!(doc.tok(t), "." | "!" | "?" | ":"));
    caps * 10 >= words.len() * 7
        && (function_caps > 0 || caps == words.len() || !ends_like_sentence)
}

fn lex_label(kind: EntryType) -> Option<NerLabel> {
    match kind {
        EntryType::Person => Some(NerLabel::Per),
        EntryType::Organization => Some(NerLabel::Org),
        EntryType::Location => Some(NerLabel::Loc),
        EntryType::Agent | EntryType::Role => None,
    }
}

/// The best entity entry of a lexicon match: names before aliases before
/// weak aliases; demonyms are not names.
fn best_entry(lex: &Lexicon, m: &crate::lexicon::LexMatch) -> Option<(u32, SurfaceKind)> {
    let rank = |k: SurfaceKind| match k {
        SurfaceKind::Name => 0,
        SurfaceKind::Abbr => 1,
        SurfaceKind::Alias => 2,
        SurfaceKind::Weak => 3,
        SurfaceKind::Demonym => 4,
    };
    m.links
        .iter()
        .filter(|l| lex.entry(l.entry).entity_type().is_some())
        .min_by_key(|l| {
            let e = lex.entry(l.entry);
            // provinces before cities and districts of the same name
            let place_rank = match e.subtype {
                "country" => 0,
                "province" => 1,
                "city" => 2,
                _ => 3,
            };
            (rank(l.kind), place_rank)
        })
        .map(|l| (l.entry, l.kind))
}

/// A capitalised run of tokens `a..b` (token indices) in a sentence.
/// Generic head nouns of organisation names, which reports often write in
/// lower case ("the Haqqani network").
const ORG_GENERIC_HEADS: &[&str] = &[
    "network",
    "group",
    "movement",
    "organization",
    "organisation",
];

#[derive(Debug, Clone)]
struct Chunk {
    a: usize,
    b: usize,
}

/// Tokens analysed, sentences split, mentions found.
pub fn analyze(text: &str) -> Analysis {
    let lex = Lexicon::global();
    let mut tokens = Vec::new();
    tokenize_into(text, &mut tokens);
    let sentences = sentences_from_tokens(text, &tokens);
    let doc = Doc::new(text, &tokens);
    let lex_matches = lex.find_in_tokens(text, &tokens);

    // token index by byte start, for mapping lexicon spans to tokens
    let tok_at: HashMap<usize, usize> = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| (t.start, i))
        .collect();
    let tok_end: HashMap<usize, usize> =
        tokens.iter().enumerate().map(|(i, t)| (t.end, i)).collect();

    let mut sentence_tokens = Vec::with_capacity(sentences.len());
    let mut ti = 0;
    for s in &sentences {
        while ti < tokens.len() && tokens[ti].start < s.start {
            ti += 1;
        }
        let a = ti;
        while ti < tokens.len() && tokens[ti].end <= s.end {
            ti += 1;
        }
        sentence_tokens.push(a..ti);
    }

    // lexicon entity matches by start token
    let mut lex_by_tok: HashMap<usize, (usize, u32, SurfaceKind)> = HashMap::new();
    for m in &lex_matches {
        let (Some(&a), Some(&b)) = (tok_at.get(&m.span.start), tok_end.get(&m.span.end)) else {
            // a match inside a hyphenated token (`Taliban` in `Taliban-controlled`)
            continue;
        };
        if let Some((e, k)) = best_entry(lex, m) {
            lex_by_tok.insert(a, (b + 1, e, k));
        }
    }

    let mut mentions: Vec<Mention> = Vec::new();
    for (si, range) in sentence_tokens.iter().enumerate() {
        let toks = &tokens[range.clone()];
        let headline = title_case(&doc, toks, si == 0);
        let mut i = range.start;
        while i < range.end {
            let t = &tokens[i];
            let s = doc.tok(t);
            // modifiers like `Taliban-controlled`: the name inside
            if t.kind == TokenKind::Word {
                if let Some(prefix) = led_prefix(s) {
                    // "the Saudi Arabia-based foundation": a two-word name
                    // whose second word carries the hyphen
                    let joined = (i > range.start && adjacent(&doc, &tokens, i))
                        .then(|| {
                            let p = &tokens[i - 1];
                            let two = &text[p.start..t.start + prefix.len()];
                            let m = prefix_mention(lex, &doc, p, two, si)?;
                            (m.span.end == t.start + prefix.len()).then_some(m)
                        })
                        .flatten();
                    if let Some(m) = joined {
                        mentions.retain(|x| x.span.end != tokens[i - 1].end);
                        mentions.push(m);
                    } else if let Some(m) = prefix_mention(lex, &doc, t, prefix, si) {
                        mentions.push(m);
                    }
                    i += 1;
                    continue;
                }
            }
            if !starts_name(&doc, &tokens, i, range.start) {
                i += 1;
                continue;
            }
            let mut chunk = grow_chunk(&doc, &tokens, i, range.end);
            // "(March 25, 2012) An Afghan National Security Forces Crisis
            // Response Unit": an article opening a sentence the dateline
            // runs into is no part of the name
            if chunk.b > chunk.a + 1 && matches!(doc.tok(&tokens[chunk.a]), "A" | "An") {
                chunk.a += 1;
            }
            // "the Haqqani network": a known organisation whose generic
            // head noun is written in lower case
            if let Some(&(b, e, _)) = lex_by_tok.get(&chunk.a) {
                let org = lex.entry(e).kind == EntryType::Organization;
                if org
                    && b > chunk.b
                    && b <= range.end
                    && (chunk.b..b).all(|k| {
                        ORG_GENERIC_HEADS.contains(&doc.tok(&tokens[k]))
                            && adjacent(&doc, &tokens, k)
                    })
                {
                    chunk.b = b;
                }
                // "Liberation Tigers of Tamil Eelam": a name the lexicon
                // knows whole, though "of" does not join its parts by the
                // chunk rules (its first word is no institution word)
                if b > chunk.b
                    && b <= range.end
                    && (chunk.b..b).all(|k| {
                        adjacent(&doc, &tokens, k)
                            && (name_token(&doc, &tokens[k])
                                || matches!(doc.tok(&tokens[k]), "of" | "the" | "for" | "and"))
                    })
                    && name_token(&doc, &tokens[b - 1])
                {
                    chunk.b = b;
                }
            }
            let first_in_sentence = i == first_word(&tokens, range.clone(), &doc);
            for m in classify_chunk(
                lex,
                &doc,
                &tokens,
                &chunk,
                &lex_by_tok,
                headline,
                first_in_sentence,
                si,
            ) {
                let mut m = m;
                // "the 8th Commando Kandak", "the 101st Airborne Division":
                // a unit's ordinal is part of its name
                if m.label == NerLabel::Org
                    && m.subtype == Some("armed_force")
                    && m.span.start == tokens[chunk.a].start
                    && chunk.a > range.start
                    && adjacent(&doc, &tokens, chunk.a)
                    && is_ordinal(doc.tok(&tokens[chunk.a - 1]))
                {
                    m.span.start = tokens[chunk.a - 1].start;
                }
                mentions.push(m);
            }
            i = chunk.b.max(i + 1);
        }
    }
    group_short_forms(lex, &doc, &tokens, &mut mentions);
    propagate_document_types(&doc, &tokens, &mut mentions, &sentence_tokens);
    villages_placed_in_districts(&doc, &tokens, &mut mentions);
    // a generational suffix belongs to the name: "Ruben Pestano Lavilla,
    // Jr.", "Jainal Antel Sali Jr." (not "Jr." as a name of its own)
    let mut suffixes: Vec<Range<usize>> = Vec::new();
    for m in &mut mentions {
        if m.label != NerLabel::Per {
            continue;
        }
        let rest = &text[m.span.end..];
        let after_comma = rest.strip_prefix(", ").or_else(|| rest.strip_prefix(' '));
        if let Some(r) = after_comma {
            for suffix in [
                "Jr.", "Sr.", "JR.", "SR.", "Jr", "Sr", "JR", "SR", "III", "II", "IV",
            ] {
                if r.starts_with(suffix)
                    && !r[suffix.len()..].starts_with(|c: char| c.is_alphanumeric())
                {
                    let old_end = m.span.end;
                    m.span.end += (rest.len() - r.len()) + suffix.len();
                    suffixes.push(old_end..m.span.end);
                    break;
                }
            }
        }
    }
    // (the suffix is no mention of its own now)
    mentions.retain(|m| {
        !suffixes
            .iter()
            .any(|r| r.start <= m.span.start && m.span.end <= r.end)
    });
    for m in &mut mentions {
        m.sentence = sentences
            .partition_point(|s| s.end <= m.span.start)
            .min(sentences.len().saturating_sub(1));
    }
    Analysis {
        tokens,
        sentences,
        sentence_tokens,
        mentions,
    }
}

/// "a compound in Ludin-e Sharqi in Shah Joy district", "a compound north
/// of Bala Deh in Gardez district": a name no dictionary knows, placed by a
/// locative and itself placed in a known place, is a place (a village), not
/// the person an unknown capitalised pair defaults to.
fn villages_placed_in_districts(doc: &Doc<'_>, tokens: &[Token], mentions: &mut [Mention]) {
    let places: Vec<Range<usize>> = mentions
        .iter()
        .filter(|m| m.label == NerLabel::Loc)
        .map(|m| m.span.clone())
        .collect();
    for m in mentions.iter_mut() {
        if m.label != NerLabel::Per || m.cue != Cue::Default {
            continue;
        }
        let a = tokens.partition_point(|t| t.start < m.span.start);
        let b = tokens.partition_point(|t| t.start < m.span.end);
        let w = |k: usize| tokens.get(k).map(|t| doc.tok(t).to_lowercase());
        let locative = a > 0
            && match w(a - 1).as_deref() {
                Some("in" | "near" | "outside") => true,
                Some("of") => {
                    a > 1
                        && w(a - 2).is_some_and(|x| {
                            crate::text::COMPASS_POINTS.contains(&x.as_str())
                                || matches!(x.as_str(), "village" | "outskirts")
                        })
                }
                _ => false,
            };
        // "west of Mehdi Kheyl, in the Khost district": the place may
        // follow "in (the)" after the comma
        let mut c = b;
        while c < b + 3 && matches!(w(c).as_deref(), Some("in" | "," | "the")) {
            c += 1;
        }
        let placed = c > b
            && tokens
                .get(c)
                .is_some_and(|t| places.iter().any(|p| p.start == t.start));
        if locative && placed {
            m.label = NerLabel::Loc;
            m.subtype = None;
            m.cue = Cue::Document;
        }
    }
}

/// A person the document's wording types (its sentence is set later).
fn document_person(span: Range<usize>) -> Mention {
    Mention {
        span,
        label: NerLabel::Per,
        subtype: None,
        entry: None,
        cue: Cue::Document,
        sentence: usize::MAX,
    }
}

/// Roles a copula gives a person: "X was a Taliban leader".
const PERSON_ROLES: &[&str] = &[
    "leader",
    "commander",
    "facilitator",
    "financier",
    "member",
    "official",
    "spokesman",
    "fighter",
    "militant",
    "operative",
    "emir",
    "deputy",
    "lieutenant",
];

/// The end (exclusive token index) of a name of one to three capitalised
/// words opening a sentence at `i` that a copula gives a person's role
/// ("Zubair was a Taliban leader", "Rasul Jan, was a Taliban cell
/// leader"); none for a word the text also writes in lower case.
///
/// Inside a sentence, the role may come as an appositive closed by a comma:
/// "confirmed today that Sangari, an insurgent leader, was killed".
fn role_copula_name(doc: &Doc<'_>, tokens: &[Token], i: usize) -> Option<usize> {
    let opens = i == 0
        || tokens[i - 1].kind == TokenKind::Punct
            && !matches!(doc.tok(&tokens[i - 1]), "," | "-" | "(" | "'");
    if doc.common(&tokens[i])
        || matches!(
            doc.tok(&tokens[i]),
            "He" | "She" | "It" | "They" | "This" | "That"
        )
    {
        return None;
    }
    let mut end = i + 1;
    while end < tokens.len()
        && end < i + 3
        && tokens[end].kind == TokenKind::Word
        && doc.tok(&tokens[end]).starts_with(char::is_uppercase)
        && adjacent(doc, tokens, end)
    {
        end += 1;
    }
    let w = |k: usize| tokens.get(k).map(|t| doc.tok(t).to_lowercase());
    let role_within = |from: usize| {
        (from..from + 5)
            .take_while(|&j| tokens.get(j).is_some_and(|t| t.kind == TokenKind::Word))
            .find(|&j| w(j).is_some_and(|x| PERSON_ROLES.contains(&x.as_str())))
    };
    let mut k = end;
    if w(k).as_deref() == Some(",") {
        k += 1;
        // the appositive: ", an insurgent leader," closed right after its role
        if matches!(w(k).as_deref(), Some("a" | "an"))
            && (opens || !(name_token(doc, &tokens[i - 1]) && adjacent(doc, tokens, i)))
        {
            return role_within(k + 1)
                .filter(|&j| w(j + 1).as_deref() == Some(","))
                .map(|_| end);
        }
    }
    if !opens
        || !matches!(w(k).as_deref(), Some("was" | "is"))
        || !matches!(w(k + 1).as_deref(), Some("a" | "an"))
    {
        return None;
    }
    role_within(k + 2).map(|_| end)
}

/// Index of the first word of a sentence (after opening quotes/brackets).
fn first_word(tokens: &[Token], range: Range<usize>, _doc: &Doc<'_>) -> usize {
    range
        .clone()
        .find(|&k| tokens[k].kind != TokenKind::Punct)
        .unwrap_or(range.start)
}

fn name_token(doc: &Doc<'_>, t: &Token) -> bool {
    let s = doc.tok(t);
    match t.kind {
        TokenKind::Word => {
            // `Al-Qaeda-linked` is a modifier (its name is found by
            // `prefix_mention`), not a particle-led name
            (is_capitalized(s) || particle_led(s))
                && led_prefix(s).is_none()
                && !in_list(DATE_WORDS, s)
        }
        TokenKind::Abbrev => {
            is_capitalized(s) && !matches!(s, "No." | "Nos." | "Mr." | "Mrs." | "Ms." | "Dr.")
        }
        _ => false,
    }
}

fn starts_name(doc: &Doc<'_>, tokens: &[Token], i: usize, _sent_start: usize) -> bool {
    let t = &tokens[i];
    if name_token(doc, t) {
        return true;
    }
    // `bin Laden`: a bare particle before a capitalised word
    t.kind == TokenKind::Word
        && matches!(
            doc.tok(t),
            "bin" | "ibn" | "al" | "el" | "abu" | "van" | "von" | "de" | "da"
        )
        && tokens.get(i + 1).is_some_and(|n| name_token(doc, n))
        && i > 0
}

/// Extends a run of name tokens from `i`, through particles and `of (the)`.
fn grow_chunk(doc: &Doc<'_>, tokens: &[Token], i: usize, end: usize) -> Chunk {
    let mut b = i + 1;
    loop {
        if b < end && name_token(doc, &tokens[b]) && adjacent(doc, tokens, b) {
            b += 1;
            continue;
        }
        // "Ismail Jan", "Gul Jan": a name word that is also a month's
        // short form, after a name and before no day number
        if b < end
            && tokens[b].kind == TokenKind::Word
            && doc.tok(&tokens[b]) == "Jan"
            && adjacent(doc, tokens, b)
            && !tokens
                .get(b + 1)
                .is_some_and(|t| t.kind == TokenKind::Number)
        {
            b += 1;
            continue;
        }
        // an ampersand joins the parts of one name ("Al-Haramain & Al
        // Masjed al-Aqsa Charity Foundation", "Procter & Gamble"): unlike
        // "and", news text does not write it between two names
        if b + 1 < end
            && doc.tok(&tokens[b]) == "&"
            && adjacent(doc, tokens, b)
            && adjacent(doc, tokens, b + 1)
            && name_token(doc, &tokens[b + 1])
        {
            b += 2;
            continue;
        }
        // particles and "of", "of the", "for", "and" between capitalised words
        if b + 1 < end && tokens[b].kind == TokenKind::Word && adjacent(doc, tokens, b) {
            let w = doc.tok(&tokens[b]);
            let lw = w.to_lowercase();
            let next = b + 1;
            if PARTICLES.contains(&lw.as_str()) && name_token(doc, &tokens[next]) {
                b = next + 1;
                continue;
            }
            // "Vicente Sainz de la Peña", "Rafael van der Vaart": two
            // particles before the last name
            if PARTICLES.contains(&lw.as_str())
                && next + 1 < end
                && PARTICLES.contains(&doc.tok(&tokens[next]).to_lowercase().as_str())
                && adjacent(doc, tokens, next)
                && name_token(doc, &tokens[next + 1])
            {
                b = next + 2;
                continue;
            }
            // "Centre for Disease Prevention and Control" (an institution
            // joined by "for"/"of" already), "Cambridge Rindge and Latin
            // School" (the second part ends in an organisation's head word)
            if w == "and" && name_token(doc, &tokens[next]) {
                let institution = (i..b).any(|k| matches!(doc.tok(&tokens[k]), "of" | "for"));
                let mut c = next;
                while c < end
                    && c < next + 3
                    && name_token(doc, &tokens[c])
                    && adjacent(doc, tokens, c)
                {
                    c += 1;
                }
                // (two words at most before "and", themselves no
                // organisation: "Rumour Service and Public Protection
                // Service", "FBI and Homeland Security" are two)
                let first_part = doc.tok(&tokens[b - 1]);
                let headed = in_list(ORG_HEADS, doc.tok(&tokens[c - 1]))
                    && b - i <= 2
                    && !in_list(ORG_HEADS, first_part)
                    && !is_acronym(first_part);
                if institution || headed {
                    b = c;
                    continue;
                }
            }
            if matches!(lw.as_str(), "of" | "for") && w.chars().all(char::is_lowercase) {
                let after = if next < end && doc.tok(&tokens[next]) == "the" {
                    next + 1
                } else {
                    next
                };
                if after < end
                    && name_token(doc, &tokens[after])
                    && org_start_or_head(doc, tokens, i, b)
                {
                    b = after + 1;
                    continue;
                }
            }
        }
        break;
    }
    Chunk { a: i, b }
}

/// No sentence punctuation between token `b-1` and token `b`.
fn adjacent(doc: &Doc<'_>, tokens: &[Token], b: usize) -> bool {
    let gap = &doc.text[tokens[b - 1].end..tokens[b].start];
    !gap.contains('\n') && gap.chars().all(char::is_whitespace)
}

/// "X of Y" joins only when X looks like an institution or place head.
fn org_start_or_head(doc: &Doc<'_>, tokens: &[Token], a: usize, of_at: usize) -> bool {
    let last = doc.tok(&tokens[of_at - 1]);
    in_list(ORG_STARTS, doc.tok(&tokens[a]))
        || in_list(ORG_STARTS, last)
        || in_list(ORG_HEADS, last)
        || in_list(TITLES, last)
        || matches!(
            last.to_lowercase().as_str(),
            "bank"
                | "republic"
                | "kingdom"
                | "state"
                | "states"
                | "gulf"
                | "bay"
                | "cape"
                | "isle"
                | "sea"
                | "strait"
                | "straits"
                | "lake"
        )
}

fn prefix_mention(
    lex: &Lexicon,
    doc: &Doc<'_>,
    t: &Token,
    prefix: &str,
    si: usize,
) -> Option<Mention> {
    if !is_capitalized(prefix) && !particle_led(prefix) {
        return None;
    }
    let span = t.start..t.start + prefix.len();
    let links = lex.lookup(prefix);
    let best = links
        .iter()
        .filter(|l| l.case.accepts(prefix) && lex.entry(l.entry).entity_type().is_some())
        .min_by_key(|l| match l.kind {
            SurfaceKind::Name => 0,
            SurfaceKind::Abbr => 1,
            SurfaceKind::Alias => 2,
            _ => 3,
        })?;
    let e = lex.entry(best.entry);
    let _ = doc;
    Some(Mention {
        span,
        label: lex_label(e.kind)?,
        subtype: Some(e.subtype).filter(|s| !s.is_empty()),
        entry: Some(best.entry),
        cue: Cue::Lexicon,
        sentence: si,
    })
}

#[allow(clippy::too_many_arguments)]
fn classify_chunk(
    lex: &Lexicon,
    doc: &Doc<'_>,
    tokens: &[Token],
    chunk: &Chunk,
    lex_by_tok: &HashMap<usize, (usize, u32, SurfaceKind)>,
    headline: bool,
    first_in_sentence: bool,
    si: usize,
) -> Vec<Mention> {
    let mut out = Vec::new();
    let (mut a, b) = (chunk.a, chunk.b);

    // Split at titles: "U.S. President Joe Biden" → "U.S." | "Joe Biden"
    // (person). The name follows the last run of title words.
    // "Office of the Inspector General": an institution, not a title.
    // "Defense Ministry", "National Defense Forces", "General Assembly":
    // title words ("defense", "general") before an institution's head word.
    let institution = (a..b.saturating_sub(1))
        .any(|k| in_list(ORG_STARTS, doc.tok(&tokens[k])) && doc.tok(&tokens[k + 1]) == "of")
        || (b - a >= 2
            && in_list(ORG_HEADS, doc.tok(&tokens[b - 1]))
            && !in_list(TITLES, doc.tok(&tokens[b - 1])));
    let is_title = |k: usize| {
        !institution && in_list(TITLES, doc.tok(&tokens[k])) && !lex_by_tok.contains_key(&k)
    };
    if let Some(last_title) = (a..b.saturating_sub(1)).rev().find(|&k| is_title(k)) {
        let mut first_title = last_title;
        while first_title > a && is_title(first_title - 1) {
            first_title -= 1;
        }
        // "GNB Brigade General X", "Division General X": compound ranks of
        // Latin American and European armies, no unit named "GNB Brigade"
        if first_title > a
            && matches!(doc.tok(&tokens[first_title]), "General" | "Gen.")
            && matches!(doc.tok(&tokens[first_title - 1]), "Brigade" | "Division")
        {
            first_title -= 1;
        }
        if first_title > a {
            let left = Chunk { a, b: first_title };
            out.extend(classify_chunk(
                lex,
                doc,
                tokens,
                &left,
                lex_by_tok,
                headline,
                first_in_sentence,
                si,
            ));
        }
        // "Secretary-General of the Kurdistan Democratic Party of Iran":
        // what follows the title's "of" is the body it heads, not a person
        let mut r = last_title + 1;
        let mut of_body = r < b && doc.tok(&tokens[r]) == "of";
        if of_body {
            r += 1;
            if r < b && matches!(doc.tok(&tokens[r]), "the" | "The") {
                r += 1;
            }
            // "Director of Operations Faraj al-Libi": the office's field,
            // then the holder
            if b - r >= 3 && in_list(OFFICE_FIELDS, doc.tok(&tokens[r])) {
                r += 1;
                of_body = false;
            }
        }
        if r >= b {
            return out;
        }
        let mut named = classify_run(
            lex,
            doc,
            tokens,
            r,
            b,
            lex_by_tok,
            headline,
            false,
            (!of_body).then_some(NerLabel::Per),
            si,
        );
        // "Mullah Adam Khan", "Haji Khalil": a religious or pilgrim's
        // honorific is written as part of an Afghan name (the name without
        // it stays an alias, see `entities`)
        if !of_body && r == last_title + 1 && in_list(HONORIFICS, doc.tok(&tokens[last_title])) {
            if let [m] = named.as_mut_slice() {
                if m.label == NerLabel::Per && m.span.start == tokens[r].start {
                    m.span.start = tokens[last_title].start;
                }
            }
        }
        out.extend(named);
        return out;
    }
    // Strip leading common words at the start of a sentence ("The", "Former").
    while a < b
        && (first_in_sentence || a > chunk.a)
        && doc.common(&tokens[a])
        && !lex_by_tok.contains_key(&a)
    {
        a += 1;
        if a < b && !first_in_sentence {
            break;
        }
    }
    if a < b {
        out.extend(classify_run(
            lex,
            doc,
            tokens,
            a,
            b,
            lex_by_tok,
            headline,
            first_in_sentence && a == chunk.a,
            None,
            si,
        ));
    }
    out
}

/// "Birmingham Brigade of the IRA": the unit `a..of` (tokens up to the
/// "of" at `of`, its last word a military or institutional head) is an
/// organisation, and the run after "of" (and any "the") is typed apart.
#[allow(clippy::too_many_arguments)]
fn unit_of_parent(
    lex: &Lexicon,
    doc: &Doc<'_>,
    tokens: &[Token],
    a: usize,
    of: usize,
    b: usize,
    lex_by_tok: &HashMap<usize, (usize, u32, SurfaceKind)>,
    si: usize,
) -> Vec<Mention> {
    let mut out = vec![Mention {
        span: tokens[a].start..tokens[of - 1].end,
        label: NerLabel::Org,
        subtype: org_subtype(doc.tok(&tokens[of - 1])),
        entry: None,
        cue: Cue::Rule,
        sentence: si,
    }];
    let mut r = of + 1;
    while r < b && matches!(doc.tok(&tokens[r]), "the" | "The") {
        r += 1;
    }
    if r < b {
        out.extend(classify_run(
            lex, doc, tokens, r, b, lex_by_tok, false, false, None, si,
        ));
    }
    out
}

/// Types the run `a..b`; may split it into lexicon names and the rest.
#[allow(clippy::too_many_arguments)]
fn classify_run(
    lex: &Lexicon,
    doc: &Doc<'_>,
    tokens: &[Token],
    a: usize,
    b: usize,
    lex_by_tok: &HashMap<usize, (usize, u32, SurfaceKind)>,
    headline: bool,
    sentence_initial: bool,
    forced: Option<NerLabel>,
    si: usize,
) -> Vec<Mention> {
    let span = tokens[a].start..tokens[b - 1].end;
    let words: Vec<&str> = (a..b).map(|k| doc.tok(&tokens[k])).collect();
    let last = *words.last().unwrap_or(&"");
    let mention = |span: Range<usize>, label, subtype, entry, cue| Mention {
        span,
        label,
        subtype,
        entry,
        cue,
        sentence: si,
    };

    // Exactly one lexicon name covering the run.
    if let Some(&(end, e, kind)) = lex_by_tok.get(&a) {
        if end == b && kind != SurfaceKind::Demonym {
            let entry = lex.entry(e);
            if let Some(label) = lex_label(entry.kind) {
                return vec![mention(
                    span,
                    label,
                    Some(entry.subtype).filter(|s| !s.is_empty()),
                    Some(e),
                    Cue::Lexicon,
                )];
            }
        }
    }
    if headline {
        // Headlines: dictionary names only.
        return lexicon_parts(lex, tokens, a, b, lex_by_tok, si);
    }
    // A lexicon place or name followed by a head word: "Ghazni Province",
    // "U.S. Navy Seals", "Kandahar City".
    if let Some(&(end, e, kind)) = lex_by_tok.get(&a) {
        let entry = lex.entry(e);
        if end < b {
            let head_loc = in_list(LOC_HEADS, last) && entry.kind == EntryType::Location;
            // "U.S. District Judge": a country's district is a court's
            // name part, not the country
            let country_admin = entry.subtype == "country" && in_list(ADMIN_HEADS, last);
            if head_loc && !country_admin {
                if !in_list(ADMIN_HEADS, last) {
                    // "London Bridge", "Kabul River": another place
                    let sub = loc_head_subtype(last);
                    return vec![mention(span, NerLabel::Loc, sub, None, Cue::Rule)];
                }
                let sub = loc_head_subtype(last).unwrap_or(entry.subtype);
                return vec![mention(span, NerLabel::Loc, Some(sub), Some(e), Cue::Rule)];
            }
            if country_admin {
                return lexicon_parts(lex, tokens, a, end, lex_by_tok, si);
            }
            // "Massachusetts Institute of Technology": a place, then an
            // institution word and "of"
            // "Syrian Observatory for Human Rights": after a demonym, too
            let institution_of = (end - a..words.len().saturating_sub(1))
                .any(|k| in_list(ORG_STARTS, words[k]) && matches!(words[k + 1], "of" | "for"));
            if institution_of && end + 1 < b {
                let sub = org_subtype(words[end - a]);
                return vec![mention(span, NerLabel::Org, sub, None, Cue::Rule)];
            }
            if in_list(ORG_HEADS, last) {
                let sub = org_subtype(last);
                return vec![mention(span, NerLabel::Org, sub, None, Cue::Rule)];
            }
            if kind == SurfaceKind::Demonym {
                // "Afghan President ..." handled by titles; "Egyptian Ayman X": rest
                return classify_run(
                    lex, doc, tokens, end, b, lex_by_tok, false, false, forced, si,
                );
            }
            // "Birmingham Brigade of the IRA": a place and an organisation's
            // head word name a unit; what follows "of" is named apart
            if in_list(ORG_HEADS, words[end - a]) && words.get(end - a + 1) == Some(&"of") {
                return unit_of_parent(lex, doc, tokens, a, end + 1, b, lex_by_tok, si);
            }
            // "Abu Musab al-Zarqawi": a person's name the lexicon knows only
            // in part ("Abu Musab", a kunya many share), then one or two
            // more name words that start no other entry: one longer name
            if entry.kind == EntryType::Person
                && b - end <= 2
                && (end..b).all(|k| !lex_by_tok.contains_key(&k))
                && !in_list(ORG_HEADS, last)
                && !in_list(LOC_HEADS, last)
            {
                return vec![mention(span, NerLabel::Per, None, None, Cue::Rule)];
            }
            // "Haji Mali Khan": after a person's title, a place name that
            // more name words follow is part of the person's name
            if forced == Some(NerLabel::Per)
                && entry.kind == EntryType::Location
                && b - end <= 2
                && (end..b).all(|k| !lex_by_tok.contains_key(&k))
                && !in_list(ORG_HEADS, last)
                && !in_list(LOC_HEADS, last)
            {
                return vec![mention(span, NerLabel::Per, None, None, Cue::Rule)];
            }
            // Lexicon name then more capitalised words: keep the lexicon part,
            // classify the rest.
            let mut out = lexicon_parts(lex, tokens, a, end, lex_by_tok, si);
            out.extend(classify_run(
                lex, doc, tokens, end, b, lex_by_tok, false, false, forced, si,
            ));
            return out;
        }
        if kind == SurfaceKind::Demonym {
            return Vec::new();
        }
    }
    // "Cafetería Rolando", "Hotel Intercontinental", "Camp Bastion": a
    // site named after the kind of place it is
    if b - a >= 2
        && matches!(
            words[0].to_lowercase().as_str(),
            "hotel" | "cafe" | "café" | "cafetería" | "cafeteria" | "restaurant" | "camp" | "fort"
        )
        && !lex_by_tok.contains_key(&a)
    {
        return vec![mention(span, NerLabel::Loc, Some("site"), None, Cue::Rule)];
    }
    // "Rue Victor Hugo", "Avenue Habib Bourguiba": a street named after
    // someone is a place
    if b - a >= 2
        && matches!(
            words[0].to_lowercase().as_str(),
            "rue" | "avenue" | "boulevard" | "calle" | "plaza" | "piazza" | "via" | "place"
        )
        && !lex_by_tok.contains_key(&a)
    {
        return vec![mention(span, NerLabel::Loc, Some("site"), None, Cue::Rule)];
    }
    // ("a Shiite mosque": an adjective after an indefinite article)
    let indefinite = a > 0 && matches!(doc.tok(&tokens[a - 1]), "a" | "an" | "A" | "An");
    if facility_follows(doc, tokens, b) && !lex_by_tok.contains_key(&a) && !indefinite {
        return vec![mention(span, NerLabel::Loc, Some("site"), None, Cue::Rule)];
    }
    // "Straits of Gibraltar", "Gulf of Aden", "Bay of Bengal": a place
    if b - a >= 3
        && words[1] == "of"
        && matches!(
            words[0].to_lowercase().as_str(),
            "strait" | "straits" | "gulf" | "bay" | "sea" | "isle" | "cape" | "lake"
        )
    {
        return vec![mention(span, NerLabel::Loc, None, None, Cue::Rule)];
    }
    // "Secretary of State", "Minister of Defence": a title phrase, no name;
    // but "Secretary-General of the Kurdistan Democratic Party of Iran":
    // the body the title heads, named in full after "of", is typed apart
    if in_list(TITLES, words[0]) && words.contains(&"of") {
        let of = words.iter().position(|w| *w == "of").unwrap_or(0);
        let mut r = of + 1;
        if words.get(r).is_some_and(|w| matches!(*w, "the" | "The")) {
            r += 1;
        }
        let body = &words[r.min(words.len())..];
        let headed = body.len() >= 2
            && body.iter().enumerate().any(|(i, w)| {
                in_list(ORG_HEADS, w) && (i + 1 == body.len() || body[i + 1] == "of")
            });
        if headed {
            return classify_run(
                lex,
                doc,
                tokens,
                a + r,
                b,
                lex_by_tok,
                headline,
                false,
                None,
                si,
            );
        }
        // "Al-Qaida Director of Operations Faraj al-Libi", "Minister of
        // Finance Ishaq Dar": the office's field, then the holder's name
        if body.len() >= 3 && in_list(OFFICE_FIELDS, body[0]) {
            return classify_run(
                lex,
                doc,
                tokens,
                a + r + 1,
                b,
                lex_by_tok,
                headline,
                false,
                Some(NerLabel::Per),
                si,
            );
        }
        return Vec::new();
    }
    if forced.is_some() && (in_list(ORG_HEADS, last) || in_list(LOC_HEADS, last)) && b - a == 1 {
        // "General Assembly": the title word was part of a name
        return Vec::new();
    }
    // "East Africa": a compass word before a known place.
    if b - a >= 2 && in_list(COMPASS, words[0]) {
        if let Some(&(end, e, _)) = lex_by_tok.get(&(a + 1)) {
            if end == b && lex.entry(e).kind == EntryType::Location {
                return vec![mention(span, NerLabel::Loc, None, Some(e), Cue::Rule)];
            }
        }
    }
    if let Some(label) = forced {
        // after a title: a name, unless it is a common word ("Leader Captured")
        if !words.iter().enumerate().any(|(k, w)| {
            !is_initial(w)
                && !name_jan(k, w)
                && (doc.lower_words.contains(&w.to_lowercase()) || in_list(COMMON, w))
        }) {
            return vec![mention(span, label, None, None, Cue::Rule)];
        }
    }
    // "Massachusetts Institute of Technology": an institution word before "of".
    if let Some(k) = words.iter().position(|w| *w == "of" || *w == "for") {
        if k > 0 && in_list(ORG_STARTS, words[k - 1]) && k + 1 < words.len() {
            return vec![mention(
                span,
                NerLabel::Org,
                org_subtype(words[k - 1]),
                None,
                Cue::Rule,
            )];
        }
    }
    // "Derry Brigade of the IRA", "Belfast Brigade of the Provisional IRA":
    // a unit named by its seat and a military head word; the organisation
    // after "of" is named apart (as in the lexicon branch above)
    if let Some(k) = words.iter().position(|w| *w == "of") {
        if k >= 2
            && matches!(
                words[k - 1].to_lowercase().as_str(),
                "brigade" | "battalion" | "regiment" | "company" | "division" | "unit"
            )
            && words[..k].iter().all(|w| w.starts_with(char::is_uppercase))
            && !lex_by_tok.contains_key(&a)
        {
            return unit_of_parent(lex, doc, tokens, a, a + k, b, lex_by_tok, si);
        }
    }
    // "World Cup", "Labor Day": events and days, not PER/ORG/LOC.
    if b - a >= 2 && in_list(MISC_HEADS, last) {
        return Vec::new();
    }
    // "Sadr City", "Kuwait City": a city, unless the report is about sport
    // ("Manchester City")
    if b - a >= 2 && last == "City" && !doc.sports {
        return vec![mention(span, NerLabel::Loc, Some("city"), None, Cue::Rule)];
    }
    // Head words.
    if b - a >= 2 || in_list(ORG_STARTS, words[0]) {
        if in_list(ORG_HEADS, last) || in_list(ORG_STARTS, words[0]) && words.len() > 2 {
            return vec![mention(
                span,
                NerLabel::Org,
                org_subtype(last),
                None,
                Cue::Rule,
            )];
        }
        if in_list(LOC_HEADS, last) {
            let sub = loc_head_subtype(last);
            return vec![mention(span, NerLabel::Loc, sub, None, Cue::Rule)];
        }
    }
    let district = || {
        vec![mention(
            span.clone(),
            NerLabel::Loc,
            Some("district"),
            None,
            Cue::Rule,
        )]
    };
    // "Chahar Darah district": a run of two or three names before a
    // lower-case "district" is the district's whole name, even when its
    // last word alone is another district the dictionary knows ("Darah");
    // a run whose first word the dictionary knows is left to it
    if (2..=3).contains(&(b - a))
        && !lex_by_tok.contains_key(&a)
        && tokens.get(b).is_some_and(|t| doc.tok(t) == "district")
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase) && !doc.lower_words.contains(&w.to_lowercase())
        })
    {
        return district();
    }
    // A lexicon name inside the run: take the dictionary parts only.
    let parts = lexicon_parts(lex, tokens, a, b, lex_by_tok, si);
    if !parts.is_empty() {
        return parts;
    }
    // "NAJAF, Iraq (Reuters) -", "KHARTOUM (Reuters) -": a capitalised
    // word opening a line before a comma or a bracket is a dateline's
    // place, not an acronym
    // (the line is read back only for a lone acronym: a long one-line text
    // must not be rescanned for every run)
    let line_start = || {
        doc.text[..tokens[a].start]
            .rsplit('\n')
            .next()
            .is_some_and(|l| l.trim().is_empty())
    };
    if b - a == 1
        && is_acronym(words[0])
        && words[0].chars().count() >= 4
        && line_start()
        && match tokens.get(b).map(|t| doc.tok(t)) {
            Some("(") => true,
            // ("NAJAF, Iraq", not "ISAF, today, confirmed")
            Some(",") => tokens
                .get(b + 1)
                .is_some_and(|t| doc.tok(t).starts_with(char::is_uppercase)),
            _ => false,
        }
    {
        return vec![mention(span, NerLabel::Loc, Some("city"), None, Cue::Rule)];
    }
    // Acronyms no dictionary knows: organisations, in news text.
    if b - a == 1
        && is_acronym(words[0])
        && words[0].len() <= 6
        && !doc.lower_words.contains(&words[0].to_lowercase())
        && !in_list(COMMON, words[0])
        && !in_list(THING_ACRONYMS, words[0])
    {
        return vec![mention(span, NerLabel::Org, None, None, Cue::Default)];
    }
    // Multi-word capitalised runs with no common word: a person.
    let any_common = words.iter().enumerate().any(|(k, w)| {
        !is_initial(w)
            && !name_jan(k, w)
            && (doc.lower_words.contains(&w.to_lowercase()) || in_list(COMMON, w))
    });
    let shouted = words
        .iter()
        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && is_acronym(w));
    // "the district of Barking": a place
    let place_of = a >= 2
        && doc.tok(&tokens[a - 1]) == "of"
        && in_list(PLACE_NOUNS, doc.tok(&tokens[a - 2]))
        && doc.tok(&tokens[a - 2]).starts_with(char::is_lowercase);
    if (1..=3).contains(&(b - a)) && place_of && !shouted {
        return district();
    }
    // "Procter & Gamble", "Johnson & Johnson": people are not named with
    // an ampersand, firms and partnerships are
    if words.contains(&"&") && !shouted {
        return vec![mention(span, NerLabel::Org, None, None, Cue::Rule)];
    }
    // "Mujahideen Khalq", "Jaish-e-Mohammed Mujahideen": words that name
    // fighters of a cause make the name a group's wherever they stand
    if words.iter().any(|w| {
        in_list(
            &[
                "mujahideen",
                "mujahedin",
                "mujahedeen",
                "mujahidin",
                "fedayeen",
                "jihad",
            ],
            w,
        )
    }) {
        return vec![mention(
            span,
            NerLabel::Org,
            Some("armed_group"),
            None,
            Cue::Rule,
        )];
    }
    // (particles do not count: "Vicente Sainz de la Peña" has three names;
    // Arabic full names run to five or six: "Marwan Yousef Mohamed Rashed
    // Alshehhi", "Mohamed el Amir Awad Elsayed Atta")
    let name_words = words
        .iter()
        .filter(|w| !PARTICLES.contains(&w.to_lowercase().as_str()))
        .count();
    // a name of five or six words is taken only when its last word is
    // written again on its own (long names are repeated by surname; a run
    // of capitalised interface words, "Full Screen Autoplay Close Skip
    // Ad", is not)
    let long_ok = name_words <= 4 || {
        let last_word = words[words.len() - 1];
        doc.text
            .match_indices(last_word)
            .filter(|(i, _)| {
                let before = doc.text[..*i].chars().next_back();
                let after = doc.text[i + last_word.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
            .count()
            >= 2
    };
    if (2..=6).contains(&name_words) && b - a <= 8 && !any_common && !shouted && long_ok {
        // "County Clare", "Mount Sinjar": a place
        if matches!(words[0], "County" | "Mount" | "Lake" | "Port") {
            return vec![mention(span, NerLabel::Loc, None, None, Cue::Rule)];
        }
        // "England Operational Commander": a title with no name after it
        if in_list(TITLES, last) {
            return Vec::new();
        }
        // "The Mulberry Bush", "the Southside Provisional": people's names
        // take no article
        let article = a > 0 && matches!(doc.tok(&tokens[a - 1]), "the" | "The");
        // "Sinn Fein president Gerry Adams": an organisation before a
        // lower-case role and a name
        let role_after = tokens.get(b).is_some_and(|t| {
            let w = doc.tok(t);
            w.starts_with(char::is_lowercase) && in_list(ORG_ROLES_AFTER, w)
        }) && tokens
            .get(b + 1)
            .is_some_and(|t| doc.tok(t).starts_with(char::is_uppercase));
        if role_after {
            return vec![mention(span, NerLabel::Org, None, None, Cue::Rule)];
        }
        if article {
            return Vec::new();
        }
        return vec![mention(span, NerLabel::Per, None, None, Cue::Default)];
    }
    // '…," said Eva, a 17-year-old student': one name after a verb of
    // saying and described in apposition is a person
    // ("But José, a Caracas subway worker who …": one name described as
    // a person in apposition, too)
    let apposed = tokens.get(b).is_some_and(|t| doc.tok(t) == ",")
        && tokens
            .get(b + 1)
            .is_some_and(|t| matches!(doc.tok(t), "a" | "an" | "the"));
    let person_noun =
        (b + 2..(b + 7).min(tokens.len())).any(|k| PERSON_NOUNS.contains(&doc.tok(&tokens[k])));
    let described_speaker = b - a == 1
        && apposed
        && (person_noun
            || a > 0 && matches!(doc.tok(&tokens[a - 1]), "said" | "says" | "told" | "added"));
    if described_speaker && !any_common {
        return vec![mention(span, NerLabel::Per, None, None, Cue::Rule)];
    }
    // One unknown capitalised word: decided later from the document.
    if b - a == 1 && !sentence_initial && !any_common {
        return vec![mention(span, NerLabel::Misc, None, None, Cue::Document)];
    }
    Vec::new()
}

/// Lower-case nouns of facilities a name may come before ("Bellecour metro
/// station", "Crumlin Road prison").
const FACILITY_NOUNS: &[&str] = &[
    "station", "stations", "prison", "jail", "airport", "airfield", "bridge", "stadium",
    "hospital", "mosque", "church", "barracks",
];

/// Does a facility noun follow the run ending at token `b`: directly or
/// after "metro"/"train"/"bus"/"railway", or after "and" and a second
/// capitalised name ("X and Y metro stations")?
fn facility_follows(doc: &Doc<'_>, tokens: &[Token], b: usize) -> bool {
    let head_at = |k: usize| {
        let mut k = k;
        if tokens.get(k).is_some_and(|t| {
            matches!(
                doc.tok(t),
                "metro" | "train" | "bus" | "railway" | "underground" | "subway"
            )
        }) {
            k += 1;
        }
        tokens
            .get(k)
            .is_some_and(|t| FACILITY_NOUNS.contains(&doc.tok(t)))
    };
    if head_at(b) {
        return true;
    }
    if tokens.get(b).is_some_and(|t| doc.tok(t) == "and") {
        let mut k = b + 1;
        while tokens
            .get(k)
            .is_some_and(|t| doc.tok(t).starts_with(char::is_uppercase))
            && k < b + 5
        {
            k += 1;
        }
        return k > b + 1 && head_at(k);
    }
    false
}

fn lexicon_parts(
    lex: &Lexicon,
    tokens: &[Token],
    a: usize,
    b: usize,
    lex_by_tok: &HashMap<usize, (usize, u32, SurfaceKind)>,
    si: usize,
) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut k = a;
    while k < b {
        if let Some(&(end, e, kind)) = lex_by_tok.get(&k) {
            if end <= b && kind != SurfaceKind::Demonym {
                let entry = lex.entry(e);
                if let Some(label) = lex_label(entry.kind) {
                    out.push(Mention {
                        span: tokens[k].start..tokens[end - 1].end,
                        label,
                        subtype: Some(entry.subtype).filter(|s| !s.is_empty()),
                        entry: Some(e),
                        cue: Cue::Lexicon,
                        sentence: si,
                    });
                }
                k = end;
                continue;
            }
        }
        k += 1;
    }
    out
}

fn org_subtype(head: &str) -> Option<&'static str> {
    Some(match head.to_lowercase().as_str() {
        "army" | "forces" | "force" | "corps" | "brigade" | "brigades" | "battalion"
        | "regiment" | "division" | "guard" | "guards" | "navy" | "seals" | "marines"
        | "command" | "unit" | "units" | "kandak" | "kandaks" => "armed_force",
        "university" | "college" | "school" | "academy" | "institute" => "academic",
        "center" | "centre" | "program" | "programme" | "foundation" => "think_tank",
        "ministry" | "department" | "office" | "agency" | "bureau" | "service" | "services"
        | "directorate" | "police" => "agency",
        "government" | "administration" | "parliament" | "senate" | "congress" | "assembly"
        | "cabinet" => "government",
        "company" | "corporation" | "corp" | "inc" | "ltd" | "plc" | "co" | "llc" | "bank"
        | "airlines" | "airways" | "holdings" | "industries" => "company",
        "times" | "post" | "news" | "press" | "television" | "radio" | "journal" | "herald"
        | "tribune" | "daily" | "telegraph" => "media",
        "network" | "front" | "movement" | "brotherhood" => "armed_group",
        _ => return None,
    })
}

/// Common nouns that describe the organisation named right after them.
const ORG_DESCRIPTORS: &[&str] = &[
    "website",
    "firm",
    "company",
    "group",
    "outlet",
    "newspaper",
    "broadcaster",
    "agency",
    "organisation",
    "organization",
    "charity",
    "militia",
    "network",
    "channel",
    "magazine",
    "daily",
    "weekly",
    "ngo",
    "startup",
    "manufacturer",
    "contractor",
    "watchdog",
    "tabloid",
    "publication",
    "think-tank",
    "insurer",
    "bank",
    "airline",
    "carrier",
];

/// Function words and common verbs that may follow a place name ("in the
/// Badia are", "in Havana for", "near X, where").
const CLOSED_CLASS: &[&str] = &[
    "and", "or", "but", "nor", "is", "are", "was", "were", "be", "been", "has", "have", "had",
    "will", "would", "could", "can", "may", "might", "should", "must", "to", "of", "in", "on",
    "at", "for", "from", "by", "with", "near", "since", "until", "after", "before", "during",
    "where", "which", "who", "that", "when", "while", "as", "than", "last", "this", "earlier",
    "later", "on", "remains", "remain", "said", "says", "province", "city", "district",
];

/// A name with a hyphen whose parts are a particle and a name (`ez-Zor`,
/// `Deir ez-Zor`), not a compound of two names (`Thai-Cambodia`).
fn particle_led_tail(s: &str) -> bool {
    s.split_whitespace()
        .filter(|w| w.contains('-'))
        .all(particle_led)
}

/// Nouns that describe a person in apposition to a single name ("José, a
/// Caracas subway worker").
const PERSON_NOUNS: &[&str] = &[
    "worker",
    "student",
    "resident",
    "mother",
    "father",
    "teacher",
    "doctor",
    "nurse",
    "driver",
    "employee",
    "vendor",
    "witness",
    "farmer",
    "shopkeeper",
    "engineer",
    "lawyer",
    "journalist",
    "man",
    "woman",
    "boy",
    "girl",
    "retiree",
    "pensioner",
    "activist",
    "survivor",
];

const WORLD_CITIES_TXT: &str = include_str!("../../../data/lexicon/world_cities.txt");

/// Is `name` the name of one of the world's towns of 5,000 people or more
/// (GeoNames, `data/lexicon/world_cities.txt`)? A secondary cue only: it
/// types a capitalised word nothing else types, and makes no entity alone.
fn world_city(name: &str) -> bool {
    // ("Street", "Police", "Union" are towns too)
    if [LOC_HEADS, SITE_HEADS, ORG_HEADS, COMMON]
        .iter()
        .any(|list| in_list(list, name))
    {
        return false;
    }
    static SET: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        WORLD_CITIES_TXT
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect()
    })
    .contains(name)
}

/// Types single unknown words from the rest of the document: a word that is
/// the last part of a person's name is that person (`Mehran` after `Weeda
/// Mehran`); a word seen typed elsewhere keeps that type; the rest go.
fn propagate_document_types(
    doc: &Doc<'_>,
    tokens: &[Token],
    mentions: &mut Vec<Mention>,
    _st: &[Range<usize>],
) {
    let mut typed: HashMap<String, (NerLabel, Option<&'static str>)> = HashMap::new();
    for m in mentions.iter().filter(|m| m.cue != Cue::Document) {
        let s = &doc.text[m.span.clone()];
        typed.entry(s.to_string()).or_insert((m.label, m.subtype));
        if m.label == NerLabel::Per {
            let parts: Vec<&str> = s.split_whitespace().collect();
            if parts.len() >= 2 {
                // surnames: the last word, and a particle-led tail (`bin Laden`)
                typed
                    .entry(parts[parts.len() - 1].to_string())
                    .or_insert((NerLabel::Per, None));
                for k in 1..parts.len() - 1 {
                    if in_list(PARTICLES, parts[k]) {
                        typed
                            .entry(parts[k..].join(" "))
                            .or_insert((NerLabel::Per, None));
                    }
                }
            }
        }
    }
    // Sentence-initial single words dropped earlier are re-found here when
    // the document types them: scan tokens for typed single words.
    let covered = |pos: usize| {
        mentions
            .iter()
            .any(|m| m.span.start <= pos && pos < m.span.end)
    };
    let mut extra = Vec::new();
    let mut misc_replaced: Vec<usize> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if !name_token(doc, t) {
            continue;
        }
        let s = doc.tok(t);
        // "the death of Haqqani leader Shabeer", "Taliban commander
        // Nasim": one name word after a group's role noun is a person
        // ("The Taliban commander, Asad, commanded an insurgent cell": the
        // role, a comma, and the one name closed by a comma)
        let comma = i > 2
            && doc.tok(&tokens[i - 1]) == ","
            && tokens.get(i + 1).is_some_and(|n| doc.tok(n) == ",");
        let r = if comma { i - 1 } else { i };
        let after_role = r > 1
            && tokens[r - 1].kind == TokenKind::Word
            && matches!(
                doc.tok(&tokens[r - 1]),
                "leader"
                    | "commander"
                    | "facilitator"
                    | "financier"
                    | "emir"
                    | "spokesman"
                    | "sub-commander"
            )
            && (comma || adjacent(doc, tokens, i))
            && !tokens.get(i + 1).is_some_and(|n| name_token(doc, n))
            && !in_list(COMMON, s)
            && !doc.lower_words.contains(&s.to_lowercase())
            && mentions
                .iter()
                .any(|m| m.label == NerLabel::Org && m.span.end == tokens[r - 2].end)
            && !mentions.iter().any(|m| {
                m.label != NerLabel::Misc && m.span.start <= t.start && t.start < m.span.end
            });
        if after_role {
            misc_replaced.push(t.start);
            extra.push(document_person(t.span()));
            continue;
        }
        // "Zubair was a Taliban leader who …", "Rasul Jan was a Taliban
        // cell leader", "that Sangari, an insurgent leader, was killed": a
        // name the sentence says holds a person's role (a list of those
        // killed or detained); it may have been taken for a miscellany
        let misc_only = !mentions
            .iter()
            .any(|m| m.label != NerLabel::Misc && m.span.start <= t.start && t.start < m.span.end);
        if misc_only && !typed.contains_key(s) {
            if let Some(end) = role_copula_name(doc, tokens, i) {
                let span = t.start..tokens[end - 1].end;
                if covered(t.start) {
                    misc_replaced.push(t.start);
                }
                extra.push(document_person(span));
                continue;
            }
        }
        if covered(t.start) {
            continue;
        }
        // "May 22", "22 May": a month next to a day, whoever is called May
        let month = s.eq_ignore_ascii_case("may") || in_list(DATE_WORDS, s);
        let by_number = tokens
            .get(i + 1)
            .is_some_and(|n| n.kind == TokenKind::Number)
            || (i > 0 && tokens[i - 1].kind == TokenKind::Number);
        if month && by_number {
            continue;
        }
        if let Some(&(label, sub)) = typed.get(s) {
            if label == NerLabel::Per
                && !tokens.get(i + 1).is_some_and(|n| name_token(doc, n))
                && !(i > 0 && name_token(doc, &tokens[i - 1]) && adjacent(doc, tokens, i))
            {
                extra.push(Mention {
                    span: t.span(),
                    label,
                    subtype: sub,
                    entry: None,
                    cue: Cue::Document,
                    sentence: usize::MAX,
                });
            }
        }
    }
    let next_word = |pos: usize| -> Option<String> {
        let i = tokens.partition_point(|t| t.start < pos);
        tokens.get(i).map(|t| doc.tok(t).to_lowercase())
    };
    let sports = doc.sports;
    // Places by their preposition: "near the city of Deir ez-Zor", "in Badia
    // al-Sukhnah and Badia al-Sham", "in the Badia". Names no list knows that
    // the default rule would call people (two capitalised words) or drop
    // (one word) are places when one of their mentions follows a locative
    // preposition, or is coordinated with such a place.
    let tok_before = |pos: usize, back: usize| -> Option<&Token> {
        let i = tokens.partition_point(|t| t.start < pos);
        i.checked_sub(back).map(|k| &tokens[k])
    };
    let locative = |w: &str| {
        matches!(
            w,
            "in" | "near"
                | "outside"
                | "across"
                | "around"
                | "into"
                | "inside"
                | "toward"
                | "towards"
                | "throughout"
        )
    };
    // "in Muslim countries", "near the Thai-Cambodia border", "outside
    // Didsbury mosque", "in Duque's view", "U.S. and Western targets": a
    // modifier or an owner, not a place. After a place comes punctuation or
    // a closed-class word.
    let ends_like_place = |m: &Mention| -> bool {
        let next = tokens.get(tokens.partition_point(|t| t.start < m.span.end));
        let closes = next.is_none_or(|t| match t.kind {
            TokenKind::Possessive => false,
            TokenKind::Word => {
                let w = doc.tok(t);
                // "in Husseiniyah and Yarmouk killed four": a verb in the past
                !w.starts_with(char::is_lowercase)
                    || CLOSED_CLASS.contains(&w)
                    || (w.len() > 4 && w.ends_with("ed"))
            }
            _ => true,
        });
        closes && (!doc.tok_str(m).contains('-') || particle_led_tail(doc.tok_str(m)))
    };
    let place_cue = |m: &Mention| -> bool {
        if !ends_like_place(m) {
            return false;
        }
        // "an Attack Resulting in Death": a title-case phrase, no place
        let capital_before = |back: usize| {
            tok_before(m.span.start, back)
                .is_some_and(|t| t.kind == TokenKind::Word && is_capitalized(doc.tok(t)))
        };
        match tok_before(m.span.start, 1).map(|t| doc.tok(t)) {
            Some(w) if locative(w) => !capital_before(2),
            // "in north Belfast", "in eastern Ghor": a compass word between
            Some(
                "north" | "south" | "east" | "west" | "northern" | "southern" | "eastern"
                | "western" | "central" | "northeastern" | "northwestern" | "southeastern"
                | "southwestern",
            ) => tok_before(m.span.start, 2).is_some_and(|t| locative(doc.tok(t))),
            Some("the") => tok_before(m.span.start, 2).is_some_and(|t| locative(doc.tok(t))),
            Some("of") => tok_before(m.span.start, 2).is_some_and(|t| {
                matches!(
                    doc.tok(t),
                    "city"
                        | "town"
                        | "village"
                        | "province"
                        | "region"
                        | "cities"
                        | "towns"
                        | "villages"
                        | "provinces"
                        | "neighborhoods"
                        | "neighbourhoods"
                        | "districts"
                        | "bastion"
                        | "outskirts"
                        | "suburbs"
                )
            }),
            // "the provincial capital Baquba", "the capital Kabul"
            Some("capital") => true,
            _ => false,
        }
    };
    let guessed_person = |m: &Mention| m.cue == Cue::Default && m.label == NerLabel::Per;
    let mut places: HashSet<String> = HashSet::new();
    // places a list or the text's prepositions make plain; a place typed by
    // its head word alone ("Eva Forest") makes no place of what is
    // coordinated with it ("Eva Forest and Mari Luz Fernandez")
    let mut plain: Vec<bool> = mentions
        .iter()
        .map(|m| m.label == NerLabel::Loc && m.cue == Cue::Lexicon)
        .collect();
    for k in 0..mentions.len() {
        let single = mentions[k].cue == Cue::Document;
        if !guessed_person(&mentions[k]) && !single {
            continue;
        }
        let coordinated = k > 0
            && matches!(
                tok_before(mentions[k].span.start, 1).map(|t| doc.tok(t)),
                Some("and" | "or")
            )
            && mentions[k - 1].label == NerLabel::Loc
            && plain[k - 1]
            && ends_like_place(&mentions[k])
            && tok_before(mentions[k].span.start, 2).map(|t| t.end)
                == Some(mentions[k - 1].span.end);
        let city = !single && world_city(&doc.text[mentions[k].span.clone()]);
        if place_cue(&mentions[k]) || coordinated || city {
            mentions[k].label = NerLabel::Loc;
            plain[k] = true;
            if !single {
                places.insert(doc.text[mentions[k].span.clone()].to_string());
            }
        }
    }
    for m in mentions.iter_mut() {
        if guessed_person(m) && places.contains(&doc.text[m.span.clone()]) {
            m.label = NerLabel::Loc;
        }
    }
    // Document-level cues for unknown single names: any occurrence followed
    // by a speech verb makes the name a person everywhere; followed by an
    // organisation noun ("Interfax news agency", "Pirelli shares"), an
    // organisation.
    // words the document writes after an article ("the Marathon bombing")
    // or after another name ("the Boston Marathon"): no town's name,
    // whatever the list says
    // (but "the Belfast Brigade", "the Derry City Council": a town names
    // the organisation's seat before its head word)
    let after_article: HashSet<&str> = tokens
        .iter()
        .enumerate()
        .skip(1)
        .filter(|&(i, t)| {
            let w0 = &tokens[i - 1];
            let seat = tokens.get(i + 1).is_some_and(|n| {
                doc.tok(n).starts_with(char::is_uppercase) && in_list(ORG_HEADS, doc.tok(n))
            });
            !seat
                && (matches!(doc.tok(w0), "the" | "The" | "a" | "A" | "an" | "An")
                    || (w0.kind == TokenKind::Word
                        && doc.tok(w0).starts_with(char::is_uppercase)
                        && t.start == w0.end + 1))
        })
        .map(|(_, t)| doc.tok(t))
        .collect();
    let mut cue_of: HashMap<&str, NerLabel> = HashMap::new();
    for m in mentions.iter().filter(|m| m.cue == Cue::Document) {
        let s = &doc.text[m.span.clone()];
        let next = next_word(m.span.end);
        // "the investigative website Bellingcat", "engineering firm OpenWorks"
        let described = tok_before(m.span.start, 1)
            .is_some_and(|t| ORG_DESCRIPTORS.contains(&doc.tok(t).to_lowercase().as_str()));
        let label = match next.as_deref() {
            _ if m.label == NerLabel::Loc || place_cue(m) => Some(NerLabel::Loc),
            _ if described => Some(NerLabel::Org),
            Some(w) if ORG_NOUNS.contains(&w) => Some(NerLabel::Org),
            // a name no list types but a city's ("Belfast", "Maracay")
            _ if world_city(s) && !after_article.contains(s) => Some(NerLabel::Loc),
            Some(w) if PERSON_VERBS.contains(&w) && !capital_particle_led(s) => Some(NerLabel::Per),
            _ if capital_particle_led(s) => Some(NerLabel::Org),
            _ => None,
        };
        // a place or organisation cue anywhere outweighs a speech verb
        // ("website Bellingcat suggests … Bellingcat says")
        if let Some(l) = label {
            cue_of
                .entry(s)
                .and_modify(|x| {
                    if *x == NerLabel::Per && l != NerLabel::Per {
                        *x = l;
                    }
                })
                .or_insert(l);
        }
    }
    let cue_of: HashMap<String, NerLabel> = cue_of
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    mentions.retain_mut(|m| {
        if m.cue != Cue::Document {
            return true;
        }
        match typed.get(&doc.text[m.span.clone()]) {
            Some(&(label, sub)) => {
                m.label = label;
                m.subtype = sub;
                true
            }
            None => {
                // an unknown name that speaks or scores is a person
                match cue_of.get(&doc.text[m.span.clone()]) {
                    Some(&l) => {
                        m.label = l;
                        true
                    }
                    None => false,
                }
            }
        }
    });
    // "Bellingcat says …" opening a sentence: a single word dropped there is
    // re-found when the document names it as an organisation or a place
    // elsewhere ("the investigative website Bellingcat")
    let named_so: HashMap<String, NerLabel> = cue_of
        .iter()
        .filter(|(_, l)| matches!(l, NerLabel::Org | NerLabel::Loc))
        .map(|(k, l)| (k.clone(), *l))
        .collect();
    if !named_so.is_empty() {
        let mut starts: HashSet<usize> = mentions.iter().map(|m| m.span.start).collect();
        let spans: Vec<Range<usize>> = mentions.iter().map(|m| m.span.clone()).collect();
        for t in tokens {
            if t.kind != TokenKind::Word || starts.contains(&t.start) {
                continue;
            }
            let Some(&label) = named_so.get(doc.tok(t)) else {
                continue;
            };
            if spans.iter().any(|r| r.start <= t.start && t.end <= r.end) {
                continue;
            }
            starts.insert(t.start);
            extra.push(Mention {
                span: t.span(),
                label,
                subtype: None,
                entry: None,
                cue: Cue::Document,
                sentence: usize::MAX,
            });
        }
    }
    // Sports reports: towns, counties and regions next to a score or in a
    // fixture are teams (clubs); countries stay places.
    if sports {
        let lex = Lexicon::global();
        for m in mentions.iter_mut() {
            if m.label != NerLabel::Loc || m.subtype == Some("country") {
                continue;
            }
            let next = next_word(m.span.end);
            // a score: a small whole number (not a date or a decimal)
            let small_number =
                |w: &str| (1..=3).contains(&w.len()) && w.bytes().all(|c| c.is_ascii_digit());
            let scoreline = next.as_deref().is_some_and(small_number);
            let before = doc.text[..m.span.start].trim_end();
            let prev_word = before.rsplit(char::is_whitespace).next().unwrap_or("");
            let prev_num = small_number(prev_word);
            let fixture = next.as_deref().is_some_and(|w| {
                matches!(w, "v" | "vs" | "vs." | "beat" | "drew" | "lost" | "won")
            });
            if scoreline || prev_num || fixture {
                m.label = NerLabel::Org;
                m.subtype = None;
                let _ = lex;
            }
        }
    }
    mentions.retain(|m| m.label != NerLabel::Misc || !misc_replaced.contains(&m.span.start));
    mentions.extend(extra);
    mentions.sort_by_key(|m| m.span.start);
    mentions.dedup_by(|x, y| x.span == y.span);
}
