//! Claims: who said what, and about whom.
//!
//! Works on the tokens, sentences and entities of [`extract_entities`]
//! (`crate::entities`), with rules that are general properties of English
//! news attribution:
//!
//! - **Direct quotes** opening a sentence, attributed after (`“…,” says X`,
//!   `“…,” X says`, `“…,” he added`) or before (`X said: “…”`). A quote that
//!   opens a sentence with no attribution of its own continues the speaker of
//!   the claim just before it (`“A,” says X. “B.”`). Each quoted segment is
//!   its own claim.
//! - **Reported speech**: a speech verb (`said`, `told`, `warned`, `denied`,
//!   `estimated`, …) with its subject on the left (`X said (that) …`,
//!   `X, an analyst, says the …`, `a report by X said …`) and the complement
//!   clause on the right (quoted fragments inside it kept as they stand);
//!   or the clause first (`…, X said.`, `… said X, a spokesman.`);
//!   `according to X`.
//! - **Speakers** are people, organisations or countries. A descriptive
//!   subject (`a report to Congress by the Office of …`, `a Taliban
//!   spokesman`) is attached to the organisation it names. Pronouns
//!   (`he`, `she`, `it`, `they`) resolve to the most recent fitting entity
//!   when that is unambiguous; otherwise the claim is dropped.
//! - `about` lists the entities named inside the quote (or, failing that,
//!   around it); `stance` is set only when clear (a denial disputes; "it is
//!   unclear whether" is neutral).
//!
//! [`extract_entities`]: crate::entities::extract_entities

use crate::entities::{DocEntities, DocEntity};
use crate::text::{Token, TokenKind};
use std::collections::HashSet;
use std::ops::Range;
use untangle_model::{EntityType, Stance};

/// One attributed statement.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimOut {
    /// Entity id of the speaker (`e7`).
    pub speaker: String,
    /// The quoted or reported words as they stand in the text.
    pub quote: String,
    /// Entity ids the claim concerns.
    pub about: Vec<String>,
    pub stance: Option<Stance>,
    /// Byte span of the evidence sentence(s).
    pub sentence: Range<usize>,
    pub confidence: f32,
}

// ------------------------------------------------------------ word lists

/// Speech verbs: (form, lemma).
const SPEECH_VERBS: &[(&str, &str)] = &[
    ("say", "say"),
    ("says", "say"),
    ("said", "say"),
    ("tell", "tell"),
    ("tells", "tell"),
    ("told", "tell"),
    ("warn", "warn"),
    ("warns", "warn"),
    ("warned", "warn"),
    ("add", "add"),
    ("adds", "add"),
    ("added", "add"),
    ("note", "note"),
    ("notes", "note"),
    ("noted", "note"),
    ("claim", "claim"),
    ("claims", "claim"),
    ("claimed", "claim"),
    ("fear", "fear"),
    ("fears", "fear"),
    ("feared", "fear"),
    // only before a colon or a quotation ("He continued: “…”")
    ("continued", "continue"),
    ("continues", "continue"),
    // only in "described X as …" (see below)
    ("described", "describe"),
    ("describes", "describe"),
    // only in "accepted responsibility for …" (see below)
    ("accept", "accept"),
    ("accepts", "accept"),
    ("accepted", "accept"),
    ("deny", "deny"),
    ("denies", "deny"),
    ("denied", "deny"),
    ("accuse", "accuse"),
    ("accuses", "accuse"),
    ("accused", "accuse"),
    ("state", "state"),
    ("states", "state"),
    ("stated", "state"),
    ("report", "report"),
    ("reports", "report"),
    ("reported", "report"),
    ("estimate", "estimate"),
    ("estimates", "estimate"),
    ("estimated", "estimate"),
    ("conclude", "conclude"),
    ("concludes", "conclude"),
    ("concluded", "conclude"),
    ("explain", "explain"),
    ("explains", "explain"),
    ("explained", "explain"),
    ("insist", "insist"),
    ("insists", "insist"),
    ("insisted", "insist"),
    ("argue", "argue"),
    ("argues", "argue"),
    ("argued", "argue"),
    ("announce", "announce"),
    ("announces", "announce"),
    ("announced", "announce"),
    ("acknowledge", "acknowledge"),
    ("acknowledges", "acknowledge"),
    ("acknowledged", "acknowledge"),
    ("confirm", "confirm"),
    ("confirms", "confirm"),
    ("confirmed", "confirm"),
    ("allege", "allege"),
    ("alleges", "allege"),
    ("alleged", "allege"),
    ("assert", "assert"),
    ("asserts", "assert"),
    ("asserted", "assert"),
    ("writes", "write"),
    ("wrote", "write"),
    ("declare", "declare"),
    ("declares", "declare"),
    ("declared", "declare"),
    ("stresses", "stress"),
    ("stressed", "stress"),
    ("emphasizes", "emphasize"),
    ("emphasized", "emphasize"),
    ("emphasises", "emphasize"),
    ("emphasised", "emphasize"),
    ("contends", "contend"),
    ("contended", "contend"),
    ("admits", "admit"),
    ("admitted", "admit"),
    ("maintains", "maintain"),
    ("maintained", "maintain"),
    ("predicts", "predict"),
    ("predicted", "predict"),
    ("cautions", "caution"),
    ("cautioned", "caution"),
    ("reiterates", "reiterate"),
    ("reiterated", "reiterate"),
    ("reveals", "reveal"),
    ("revealed", "reveal"),
    ("stating", "state"),
    ("suggests", "suggest"),
    ("suggested", "suggest"),
    ("finds", "find"),
    ("found", "find"),
];

/// Forms that are more often nouns: only verbs when a clause follows.
const NOUN_LIKE: &[&str] = &[
    "report",
    "reports",
    "claim",
    "claims",
    "note",
    "notes",
    "state",
    "states",
    "estimate",
    "estimates",
    "add",
    "adds",
    "stresses",
    "writes",
    "fear",
    "fears",
];

/// Verbs that report a statement only with a clause (`announced that …`),
/// not with a noun phrase (`announced the capture of …`).
const NEEDS_CLAUSE: &[&str] = &[
    "announce",
    "confirm",
    "report",
    "reveal",
    "acknowledge",
    "estimate",
    "predict",
    "declare",
    "admit",
    "maintain",
    "stress",
    "emphasize",
    "note",
    "find",
];

/// Irregular past-tense verbs that show a clause after a reporting verb.
const IRREGULAR_PAST: &[&str] = &[
    "died", "fled", "left", "took", "made", "fell", "went", "came", "saw", "gave", "found", "held",
    "began", "won", "lost", "got", "struck", "shot", "hit", "ran", "met", "sent", "kept",
];

/// Finite auxiliaries that show a clause.
const FINITE_AUX: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may",
    "might", "should", "must",
];

/// Verbs whose first object is the addressee or target (`told reporters`).
const OBJECT_VERBS: &[&str] = &["tell", "warn", "accuse"];

/// Words skipped between a subject and its verb (`X also said`, `X has said`).
const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "later",
    "previously",
    "repeatedly",
    "once",
    "then",
    "again",
    "reportedly",
    "publicly",
    "recently",
    "often",
    "further",
    "separately",
    "earlier",
    "would",
    "will",
    "could",
    "may",
    "might",
    "did",
    "does",
    "do",
    "not",
    "never",
    "subsequently",
    "already",
    "just",
    "privately",
    "explicitly",
    "flatly",
    "strongly",
    "firmly",
    "immediately",
    "clearly",
    "itself",
    "himself",
    "herself",
    "themselves",
    "still",
    "consistently",
    "long",
    "online",
    "first",
    "initially",
];

/// Words that cannot be inside a subject noun phrase: the walk left stops.
const NP_STOPS: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "while",
    "where",
    "if",
    "because",
    "as",
    "and",
    "but",
    "or",
    "nor",
    "than",
    "then",
    "although",
    "though",
    "after",
    "before",
    "since",
    "until",
    "so",
    "not",
    "would",
    "will",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "did",
    "does",
    "do",
    "also",
    "however",
    "meanwhile",
    "yet",
    "whether",
    "what",
    "why",
    "how",
    "there",
];

const PASSIVE_AUX: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// Prepositions that end the head of a noun phrase.
const PREPOSITIONS: &[&str] = &[
    "of", "by", "from", "for", "at", "in", "on", "to", "with", "within", "under", "near", "inside",
    "about", "over",
];

/// Prepositions after a role or document noun that name its organisation.
const OWNER_PREPOSITIONS: &[&str] = &["by", "of", "for", "from", "at"];

/// Head nouns that speak for the organisation they name (`a Taliban
/// spokesman`, `a report by the inspector general`).
const ROLE_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "spokesmen",
    "official",
    "officials",
    "statement",
    "statements",
    "report",
    "reports",
    "representative",
    "representatives",
    "source",
    "sources",
    "commander",
    "commanders",
    "leader",
    "leaders",
    "leadership",
    "chief",
    "head",
    "director",
    "minister",
    "ministry",
    "envoy",
    "ambassador",
    "document",
    "study",
    "letter",
    "memo",
    "assessment",
    "review",
    "audit",
    "communique",
    "announcement",
    "website",
    "investigators",
    "investigation",
    "analysis",
    "update",
    "bulletin",
    "release",
    "team",
    "office",
    "panel",
    "command",
    "headquarters",
    "officer",
    "officers",
    "agency",
    "witness",
    "witnesses",
    "resident",
    "residents",
    "authorities",
    // "the Algerian state-run television said": a country's broadcaster
    "television",
    "radio",
    "tv",
];

/// Plural nouns of unnamed speakers that may be coordinated with a named
/// one ("security officials and doctor X said").
const COLLECTIVE_SPEAKERS: &[&str] = &[
    "officials",
    "sources",
    "police",
    "authorities",
    "medics",
    "doctors",
    "witnesses",
    "residents",
    "officers",
    "spokesmen",
    "analysts",
    "diplomats",
];

/// Objects of `told` and friends that are not the start of the message.
const ADDRESSEES: &[&str] = &[
    "him",
    "her",
    "them",
    "us",
    "me",
    "you",
    "reporters",
    "journalists",
    "lawmakers",
    "congress",
    "parliament",
    "the",
    "a",
    "an",
    "local",
    "news",
    "media",
    "agency",
    "state",
    "television",
    "tv",
    "radio",
    "newspaper",
    "audience",
    "crowd",
    "supporters",
    "residents",
    "committee",
];

/// Words of a time phrase skipped before `that` (`said in February that`).
const TIME_WORDS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "last",
    "this",
    "earlier",
    "late",
    "early",
    "next",
    "the",
    "a",
    "an",
    "week",
    "month",
    "year",
    "weekend",
    "day",
    "days",
    "weeks",
    "months",
    "years",
    "ago",
    "statement",
    "interview",
    "interviews",
    "briefing",
    "conference",
    "news",
    "press",
    "speech",
    "letter",
    "report",
    "its",
    "his",
    "her",
    "their",
    "recent",
    "televised",
    "written",
    "separate",
    "with",
    "to",
    "by",
    "phone",
    "telephone",
    "morning",
    "evening",
    "afternoon",
    "night",
    "yesterday",
    "today",
    "tonight",
    "recently",
    "previously",
    "also",
    "repeatedly",
];

fn in_list(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

fn speech_lemma(w: &str) -> Option<&'static str> {
    if w.len() > 12 {
        return None;
    }
    SPEECH_VERBS
        .iter()
        .find(|(f, _)| f.eq_ignore_ascii_case(w))
        .map(|(_, l)| *l)
}

fn is_open_mark(c: char) -> bool {
    matches!(c, '“' | '„' | '«')
}

fn is_close_mark(c: char) -> bool {
    matches!(c, '”' | '»')
}

fn is_quote_mark_str(s: &str) -> bool {
    matches!(s, "\"" | "“" | "”" | "„" | "«" | "»")
}

// ------------------------------------------------------------ quotes

/// A double-quoted span: `open` is the byte of the opening mark, `inner`
/// the words between the marks, `end` the byte after the closing mark (or
/// the paragraph end when the quote runs on unclosed).
#[derive(Debug, Clone)]
struct Quote {
    open: usize,
    inner: Range<usize>,
    end: usize,
}

/// Bytes of the opening mark at `o` (two for a doubled backquote).
fn open_mark_len(text: &str, o: usize) -> usize {
    if text[o..].starts_with("``") {
        2
    } else {
        text[o..].chars().next().map_or(1, char::len_utf8)
    }
}

/// Pairs double quotation marks, straight or curly, within paragraphs.
fn find_quotes(text: &str) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut para_start = 0usize;
    let mut prev: Option<char> = None;
    let mut prev_solid: Option<char> = None;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let next = it.peek().map(|&(_, n)| n);
        let len = c.len_utf8();
        if c == '\n' {
            let rest = &text[i + 1..];
            let blank = rest
                .chars()
                .take_while(|c| *c != '\n')
                .all(char::is_whitespace)
                && rest.contains('\n');
            let ends_sentence = matches!(prev_solid, Some('.' | '!' | '?' | ':' | '”' | '"'));
            let next_upper = rest
                .trim_start_matches([' ', '\t'])
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || is_open_mark(c) || c == '"');
            if blank || ends_sentence || next_upper {
                if let Some(o) = open.take() {
                    // an unclosed quote that opened its paragraph runs to its end
                    if text[para_start..o].trim().is_empty() {
                        out.push(Quote {
                            open: o,
                            inner: o + open_mark_len(text, o)..i,
                            end: i,
                        });
                    }
                }
                para_start = i + 1;
            }
        } else if c == '\'' && next == Some('\'') && open.is_some() {
            // wire copy closes with two apostrophes: “…,'' he said.
            let o = open.take().unwrap_or(i);
            out.push(Quote {
                open: o,
                inner: o + open_mark_len(text, o)..i,
                end: i + 2,
            });
            it.next();
        } else if c == '`' && next == Some('`') {
            // … and may open with two backquotes: ``…''
            if open.is_none() {
                open = Some(i);
            }
            it.next();
        } else if is_open_mark(c) {
            if open.is_none() {
                open = Some(i);
            }
        } else if is_close_mark(c) || c == '"' {
            match open {
                Some(o) => {
                    out.push(Quote {
                        open: o,
                        inner: o + open_mark_len(text, o)..i,
                        end: i + len,
                    });
                    open = None;
                }
                None => {
                    // a straight mark followed by a space or punctuation
                    // closes a quote whose opening mark was lost (a quote
                    // running over paragraphs glued together: '… hours."This
                    // will … crimes." He added'): it opens nothing
                    let opens = (c == '"'
                        && next.is_some_and(|n| {
                            // ('"...For the sake of safety …": an
                            // ellipsis may open a quote)
                            n.is_alphanumeric()
                                || is_open_mark(n)
                                || matches!(n, '\'' | '‘' | '$' | '…')
                                || (n == '.' && text[i + 1..].starts_with("..."))
                        }))
                        || (c != '"'
                            && prev.is_none_or(char::is_whitespace)
                            && next.is_some_and(char::is_alphanumeric));
                    if opens {
                        open = Some(i);
                    }
                }
            }
        }
        prev = Some(c);
        if !c.is_whitespace() {
            prev_solid = Some(c);
        }
    }
    if let Some(o) = open {
        if text[para_start..o].trim().is_empty() {
            let end = text.trim_end().len().max(o + 1);
            out.push(Quote {
                open: o,
                inner: o + open_mark_len(text, o)..end,
                end,
            });
        }
    }
    out
}

// ------------------------------------------------------------ the document view

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pronoun {
    /// he, she
    Person,
    /// it, they
    Group,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Entity(usize),
    Pronoun(Pronoun),
    /// The speaker of the claim just before (a quote with no attribution).
    Previous,
    /// Attributed to someone the text does not name ("said one source, who
    /// declined to be named"): no claim, and the quotes that follow are
    /// not given to an earlier speaker.
    Unnamed,
}

#[derive(Debug, Clone)]
struct Candidate {
    who: Who,
    /// Byte span of the quote in the text (trimmed later).
    quote: Range<usize>,
    /// Where the speaker is named (for pronoun resolution and order).
    anchor: usize,
    /// Sentence indices covered.
    sentences: Range<usize>,
    lemma: &'static str,
    confidence: f32,
}

struct Doc<'a> {
    text: &'a str,
    /// The text as written (`text` may have reference codes blanked out).
    original: &'a str,
    ents: &'a DocEntities,
    toks: &'a [Token],
    /// Sentence index of each token.
    sent_of: Vec<usize>,
    /// Entity index and mention token range of each token.
    unit: Vec<Option<(usize, Range<usize>)>>,
    quotes: Vec<Quote>,
    /// Person/organisation mentions outside quotes: (byte start, entity).
    mentions: Vec<(usize, usize)>,
}

impl<'a> Doc<'a> {
    fn new(text: &'a str, ents: &'a DocEntities) -> Self {
        let a = &ents.analysis;
        let toks = &a.tokens[..];
        let mut sent_of = vec![0usize; toks.len()];
        for (s, r) in a.sentence_tokens.iter().enumerate() {
            for t in r.clone() {
                if let Some(x) = sent_of.get_mut(t) {
                    *x = s;
                }
            }
        }
        let mut unit: Vec<Option<(usize, Range<usize>)>> = vec![None; toks.len()];
        let tok_index = |b: usize| toks.partition_point(|t| t.start < b);
        for (ei, e) in ents.entities.iter().enumerate() {
            for m in &e.mentions {
                let (ta, tb) = (tok_index(m.start), tok_index(m.end));
                if ta >= tb {
                    continue;
                }
                for slot in unit.iter_mut().take(tb).skip(ta) {
                    let longer = slot.as_ref().is_none_or(|(_, r)| r.len() < tb - ta);
                    if longer {
                        *slot = Some((ei, ta..tb));
                    }
                }
            }
        }
        let quotes = find_quotes(text);
        let mut mentions: Vec<(usize, usize)> = ents
            .entities
            .iter()
            .enumerate()
            .flat_map(|(ei, e)| e.mentions.iter().map(move |m| (m.start, ei)))
            .filter(|(b, _)| {
                !quotes
                    .iter()
                    .any(|q| q.inner.start <= *b && *b < q.inner.end)
            })
            .collect();
        mentions.sort_unstable();
        Doc {
            original: text,
            text,
            ents,
            toks,
            sent_of,
            unit,
            quotes,
            mentions,
        }
    }

    fn word(&self, t: usize) -> &'a str {
        self.toks
            .get(t)
            .map_or("", |k| self.text.get(k.start..k.end).unwrap_or(""))
    }

    fn entity(&self, i: usize) -> Option<&'a DocEntity> {
        self.ents.entities.get(i)
    }

    fn sentence_tokens(&self, s: usize) -> Range<usize> {
        self.ents
            .analysis
            .sentence_tokens
            .get(s)
            .cloned()
            .unwrap_or(0..0)
    }

    fn sentence_span(&self, s: usize) -> Range<usize> {
        self.ents.analysis.sentences.get(s).cloned().unwrap_or(0..0)
    }

    fn sentence_of_byte(&self, b: usize) -> usize {
        let ss = &self.ents.analysis.sentences;
        ss.partition_point(|r| r.end <= b)
            .min(ss.len().saturating_sub(1))
    }

    fn token_at_byte(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.start < b)
    }

    fn in_quote(&self, b: usize) -> bool {
        self.quotes
            .iter()
            .any(|q| q.inner.start <= b && b < q.inner.end)
    }

    fn is_punct(&self, t: usize, s: &str) -> bool {
        self.toks
            .get(t)
            .is_some_and(|k| k.kind == TokenKind::Punct && self.word(t) == s)
    }

    fn is_quote_mark(&self, t: usize) -> bool {
        self.toks
            .get(t)
            .is_some_and(|k| k.kind == TokenKind::Punct && is_quote_mark_str(self.word(t)))
    }

    /// A closing quotation mark token (one that ends a paired quote).
    fn is_closing_mark(&self, t: usize) -> bool {
        self.toks
            .get(t)
            .is_some_and(|k| self.is_quote_mark(t) && self.quotes.iter().any(|q| q.end == k.end))
    }

    fn fits_speaker(&self, e: usize) -> bool {
        self.entity(e).is_some_and(|e| match e.kind {
            EntityType::Person | EntityType::Organization => true,
            EntityType::Location => e.subtype.as_deref() == Some("country"),
            EntityType::Agreement => false,
        })
    }

    fn is_person(&self, e: usize) -> bool {
        self.entity(e).is_some_and(|e| e.kind == EntityType::Person)
    }

    fn is_group(&self, e: usize) -> bool {
        self.entity(e).is_some_and(|e| {
            e.kind == EntityType::Organization
                || (e.kind == EntityType::Location && e.subtype.as_deref() == Some("country"))
        })
    }

    fn word_count(&self, r: &Range<usize>) -> usize {
        self.text.get(r.clone()).map_or(0, |s| {
            s.split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count()
        })
    }

    // -------------------------------------------------------- noun phrases

    /// The subject noun phrase left of the verb at `v` (token range), after
    /// skipping adverbs and auxiliaries and an appositive (`X, an analyst,`).
    fn left_np(&self, v: usize) -> Option<Range<usize>> {
        let s = self.sent_of.get(v).copied()?;
        let first = self.sentence_tokens(s).start;
        let mut end = v;
        loop {
            let w = self.word(end.saturating_sub(1));
            if end > first
                && (in_list(BETWEEN_SUBJECT_AND_VERB, w)
                    // "the PCE energetically denied"
                    || (w.len() > 4 && w.ends_with("ly") && w.starts_with(char::is_lowercase)))
            {
                end -= 1;
            } else if end >= first + 3
                && self.is_punct(end - 1, ",")
                && in_list(
                    &["however", "meanwhile", "though", "too", "also"],
                    self.word(end - 2),
                )
                && self.is_punct(end - 3, ",")
            {
                // "The police, however, concluded"
                end -= 3;
            } else {
                break;
            }
        }
        // "an IRA leader at the time, Sean MacStiofain, said": the name
        // between the last two commas is the speaker the description names
        if end >= first + 3 && self.is_punct(end - 1, ",") {
            if let Some(c) = (first..end - 1)
                .rev()
                .take(8)
                .find(|&j| self.is_punct(j, ","))
            {
                // (past a rank or title: ", General Anatoly Shkirko,")
                for k in c + 1..(c + 4).min(end - 1) {
                    if let Some((e, r)) = &self.unit[k] {
                        if r.end == end - 1 && self.is_person(*e) {
                            return Some(r.clone());
                        }
                        break;
                    }
                    if !self.word(k).starts_with(char::is_uppercase) {
                        break;
                    }
                }
            }
        }
        // "said … Abu Mohammed, who added that …": the person before ", who"
        if end >= first + 3
            && self.word(end - 1).eq_ignore_ascii_case("who")
            && self.is_punct(end - 2, ",")
        {
            if let Some((e, r)) = &self.unit[end - 3] {
                if self.is_person(*e) {
                    return Some(r.clone());
                }
            }
        }
        // "X on Tuesday said"
        if end >= first + 2 && in_list(&["on", "in", "last", "this"], self.word(end - 2)) {
            let w = self.word(end - 1).to_lowercase();
            if is_weekday_or_month(&w) || matches!(w.as_str(), "week" | "month" | "year") {
                end -= 2;
            }
        }
        // "The KDP, which accuses Iran of …, said", "Peres, calling Lahd
        // “a great patriot”, said": a relative or participial clause after
        // a name, whose words may speak or quote, comes between the
        // speaker and the verb
        if end > first + 3 && self.is_punct(end - 1, ",") {
            let opener = (first + 1..end - 1).rev().take(40).find(|&c| {
                self.is_punct(c, ",")
                    && in_list(
                        &["which", "who", "whose", "calling", "citing", "describing"],
                        self.word(c + 1),
                    )
                    && self.unit[c - 1]
                        .as_ref()
                        .is_some_and(|(e, _)| self.fits_speaker(*e))
            });
            let clean = opener.is_some_and(|c| {
                (c + 1..end - 1).all(|j| !self.is_punct(j, ";") && !self.is_punct(j, ":"))
            });
            if let (Some(c), true) = (opener, clean) {
                if let Some((_, r)) = &self.unit[c - 1] {
                    return Some(r.clone());
                }
            }
        }
        if end > first && self.is_punct(end - 1, ",") {
            // appositive: back to the comma that opens it; with commas
            // inside it ("X, whose son, Y, was killed, said"), the earliest
            // comma that follows a name and opens a lower-case phrase
            let mut j = end - 1;
            let mut found = None;
            while j > first && end - j < 40 {
                j -= 1;
                if self.is_punct(j, ",") {
                    let after_name = j > first
                        && self.unit[j - 1]
                            .as_ref()
                            .is_some_and(|(e, _)| self.fits_speaker(*e));
                    let opens_lower = self
                        .word(j + 1)
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase);
                    if found.is_none() || (after_name && opens_lower) {
                        found = Some(j);
                    }
                }
                if self.is_quote_mark(j)
                    || self.is_punct(j, ";")
                    || self.is_punct(j, ":")
                    || speech_lemma(self.word(j)).is_some_and(|_| !in_list(NOUN_LIKE, self.word(j)))
                {
                    break;
                }
            }
            end = found?;
        } else if end > first && self.is_punct(end - 1, ")") {
            let mut j = end - 1;
            while j > first && !self.is_punct(j, "(") && end - j < 12 {
                j -= 1;
            }
            if !self.is_punct(j, "(") {
                return None;
            }
            end = j;
        }
        // a subject pronoun is the whole phrase ("In his book he claims")
        if end > first && in_list(&["he", "she", "it", "they"], self.word(end - 1)) {
            return Some(end - 1..end);
        }
        let mut start = end;
        while start > first && end - start < 24 {
            let t = start - 1;
            let Some(tok) = self.toks.get(t) else { break };
            let w = self.word(t);
            let in_unit = self.unit[t].is_some();
            // "security officials and doctor Ahmed Ibrahim … said": "and"
            // between a name or a collective noun and what follows
            let coordination = w == "and"
                && t > first
                && t + 1 < end
                && (self.unit[t - 1].is_some() || in_list(COLLECTIVE_SPEAKERS, self.word(t - 1)));
            let ok = match tok.kind {
                TokenKind::Word => {
                    in_unit
                        || coordination
                        || !(in_list(NP_STOPS, w)
                            || (speech_lemma(w).is_some() && !in_list(NOUN_LIKE, w)))
                }
                TokenKind::Abbrev | TokenKind::Number | TokenKind::Possessive => true,
                TokenKind::Punct => in_unit || w == "-" || w == "&",
            };
            if !ok {
                break;
            }
            start = t;
        }
        (start < end).then_some(start..end)
    }

    /// A `that` opening a complement within a few words after `k`, with
    /// no punctuation between ("said before his retirement in September
    /// that …").
    fn that_follows(&self, k: usize, last: usize) -> bool {
        let mut j = k + 1;
        while j < last && j - k < 9 && self.toks[j].kind != TokenKind::Punct {
            if self.word(j).eq_ignore_ascii_case("that") {
                return true;
            }
            j += 1;
        }
        false
    }

    /// The noun phrase right of an inverted verb (`said X, a spokesman`).
    fn right_np(&self, from: usize) -> Option<Range<usize>> {
        let s = self.sent_of.get(from).copied()?;
        let last = self.sentence_tokens(s).end;
        let mut end = from;
        while end < last && end - from < 14 {
            let Some(tok) = self.toks.get(end) else { break };
            let w = self.word(end);
            let in_unit = self.unit[end].is_some();
            // "according to X and Y": both name the source
            let coordination = w == "and" && end > from;
            let ok = match tok.kind {
                TokenKind::Word => {
                    in_unit
                        || coordination
                        || !(in_list(NP_STOPS, w)
                            || (speech_lemma(w).is_some() && !in_list(NOUN_LIKE, w)))
                }
                TokenKind::Abbrev | TokenKind::Number | TokenKind::Possessive => true,
                TokenKind::Punct => in_unit || w == "-" || w == "&",
            };
            if !ok {
                break;
            }
            end += 1;
        }
        // the phrase must end the clause (or a relative clause follows it:
        // "said one witness who declined to be named")
        let closes = end >= last
            || matches!(
                self.word(end),
                "," | "." | ";" | "!" | "?" | "—" | "–" | "--" | "who" | "which"
            );
        (end > from && closes).then_some(from..end)
    }

    /// Who a noun phrase names: an entity (its head, or the organisation a
    /// role or document noun belongs to) or a pronoun.
    fn resolve_np(&self, np: &Range<usize>) -> Option<Who> {
        let (a, b) = (np.start, np.end);
        // "Iraqi army First Lieutenant Waad Mohammed and police Lieutenant
        // Mohammed al-Juburi", "an Iraqi army captain and doctor X": the
        // first conjunct that names a person, else the first that resolves
        let ands: Vec<usize> = (a + 1..b.saturating_sub(1))
            .filter(|&t| self.unit[t].is_none() && self.word(t) == "and")
            .collect();
        if !ands.is_empty() {
            let mut bounds = vec![a];
            bounds.extend(ands.iter().map(|&t| t + 1));
            let mut ends: Vec<usize> = ands.clone();
            ends.push(b);
            let whos: Vec<Who> = bounds
                .iter()
                .zip(ends)
                .filter_map(|(&x, y)| self.resolve_np(&(x..y)))
                .collect();
            let person = whos
                .iter()
                .find(|w| matches!(w, Who::Entity(e) if self.is_person(*e)));
            return person.or(whos.first()).cloned();
        }
        if b == a + 1 {
            match self.word(a).to_lowercase().as_str() {
                "he" | "she" => return Some(Who::Pronoun(Pronoun::Person)),
                "it" | "they" => return Some(Who::Pronoun(Pronoun::Group)),
                _ => {}
            }
        }
        // "the 21-year-old ethnic Chechen": a definite description of a
        // person by age stands for someone named before, like a pronoun
        if self.word(a).eq_ignore_ascii_case("the")
            && (a + 1..b.min(a + 4)).any(|t| {
                let w = self.word(t).to_ascii_lowercase();
                w.ends_with("-year-old") || w == "year-old"
            })
        {
            return Some(Who::Pronoun(Pronoun::Person));
        }
        // head part: up to the first preposition outside a name
        let mut p = a;
        while p < b && !(self.unit[p].is_none() && in_list(PREPOSITIONS, self.word(p))) {
            p += 1;
        }
        if p == a {
            return None;
        }
        let mut h = p - 1;
        if self
            .toks
            .get(h)
            .is_some_and(|t| t.kind == TokenKind::Possessive)
        {
            return None;
        }
        if let Some((e, _)) = &self.unit[h] {
            return self.fits_speaker(*e).then_some(Who::Entity(*e));
        }
        // "his attorney said", "the lawyer noted": the one person of the
        // document whose title has that role ("defense attorney Edward
        // Hayden")
        if (a..h).all(|t| in_list(&["his", "her", "their", "the", "its"], self.word(t))) && h > a {
            let role = self.word(h).to_lowercase();
            let titled: Vec<usize> = self
                .ents
                .entities
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    e.kind == EntityType::Person
                        && e.title
                            .as_deref()
                            .is_some_and(|t| t.to_lowercase().split_whitespace().any(|w| w == role))
                })
                .map(|(i, _)| i)
                .collect();
            if let [one] = titled.as_slice() {
                return Some(Who::Entity(*one));
            }
        }
        if !in_list(ROLE_NOUNS, self.word(h)) {
            return None;
        }
        // "a Taliban spokesman": the organisation before the role noun;
        // "A US official", "Cuba's foreign minister": the country
        while h > a {
            h -= 1;
            if let Some((e, _)) = &self.unit[h] {
                let ok = self.entity(*e).is_some_and(|x| {
                    matches!(x.kind, EntityType::Organization | EntityType::Person)
                        || x.subtype.as_deref() == Some("country")
                });
                if ok {
                    return Some(Who::Entity(*e));
                }
            }
        }
        // "a report … by the Office of …", "a spokesman for the Taliban"
        let mut q = p;
        while q < b {
            if self.unit[q].is_none() && in_list(OWNER_PREPOSITIONS, self.word(q)) {
                let mut r = q + 1;
                while r < b && in_list(&["the", "a", "an"], self.word(r)) {
                    r += 1;
                }
                if let Some(Some((e, _))) = self.unit.get(r).filter(|_| r < b) {
                    let ok = self.entity(*e).is_some_and(|x| {
                        matches!(x.kind, EntityType::Organization | EntityType::Person)
                    });
                    if ok {
                        return Some(Who::Entity(*e));
                    }
                }
            }
            q += 1;
        }
        None
    }

    // -------------------------------------------------------- complements

    /// What a participle of saying at `v` reports ("…, saying the evidence
    /// is limited", "quoted X as saying that …"): the clause after it to
    /// the end of sentence `s`, at least three words.
    fn said_clause(&self, v: usize, s: usize, last: usize) -> Option<Range<usize>> {
        let c = self.complement_start(v, "say", last);
        if c >= last {
            return None;
        }
        let span = trim_span(self.text, self.clause_to_sentence_end(c, s)?);
        (self.word_count(&span) >= 3).then_some(span)
    }

    /// The first token of the message after a speech verb: skips the
    /// addressee (`told reporters`), a time phrase and `that`.
    fn complement_start(&self, v: usize, lemma: &str, last: usize) -> usize {
        let mut c = v + 1;
        if OBJECT_VERBS.contains(&lemma) && lemma != "accuse" {
            let mut j = c;
            while j < last && j - c < 8 {
                let w = self.word(j);
                if w.eq_ignore_ascii_case("that") {
                    return j + 1;
                }
                let ok = self.unit[j].is_some()
                    || in_list(ADDRESSEES, w)
                    || self.toks[j].kind == TokenKind::Abbrev
                    || w.chars().next().is_some_and(char::is_uppercase);
                if !ok {
                    break;
                }
                j += 1;
            }
            // "told him it was …": a lone pronoun object
            // ("told Interfax news agency he was …": a named outlet)
            let outlet = j > c
                && j - c <= 5
                && in_list(
                    &[
                        "agency",
                        "radio",
                        "television",
                        "newspaper",
                        "reporters",
                        "journalists",
                    ],
                    self.word(j - 1),
                );
            if ((j > c && j - c <= 2 && in_list(ADDRESSEES, self.word(c))) || outlet) && j < last {
                c = j;
            }
        }
        // "said before his retirement in September that …", "said in a
        // statement on Monday that …": a prepositional phrase, then `that`
        if in_list(PREPOSITIONS, self.word(c))
            || in_list(&["before", "after", "during"], self.word(c))
        {
            let mut j = c + 1;
            while j < last && j - c < 9 && self.toks[j].kind != TokenKind::Punct {
                let w = self.word(j);
                if w.eq_ignore_ascii_case("that") {
                    return j + 1;
                }
                if speech_lemma(w).is_some() && !in_list(NOUN_LIKE, w) {
                    break;
                }
                j += 1;
            }
        }
        let mut j = c;
        while j < last && j - c < 10 {
            let w = self.word(j);
            if w.eq_ignore_ascii_case("that") {
                return j + 1;
            }
            let lw = w.to_lowercase();
            let ok = in_list(TIME_WORDS, w)
                || is_weekday_or_month(&lw)
                || w == ","
                || self.toks[j].kind == TokenKind::Number
                || self.unit[j].is_some();
            if !ok {
                break;
            }
            j += 1;
        }
        while c < last && matches!(self.word(c), ":" | "," | "—" | "–" | "--") {
            c += 1;
        }
        c
    }

    /// Byte span from token `from` to the end of sentence `s`, extended to
    /// the end of a quote that starts inside and runs past it.
    fn clause_to_sentence_end(&self, from: usize, s: usize) -> Option<Range<usize>> {
        let start = self.toks.get(from)?.start;
        let mut end = self.sentence_span(s).end;
        for q in &self.quotes {
            if q.open >= start && q.open < end && q.end > end {
                end = q.end;
            }
        }
        (start < end).then_some(start..end)
    }
}

fn is_weekday_or_month(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan."
            | "feb."
            | "aug."
            | "sept."
            | "sep."
            | "oct."
            | "nov."
            | "dec."
    )
}

/// Trims quotation marks, brackets, spaces and final punctuation off a span.
fn trim_span(text: &str, r: Range<usize>) -> Range<usize> {
    let s = text.get(r.clone()).unwrap_or("");
    let lead = |c: char| c.is_whitespace() || is_quote_mark_str(c.encode_utf8(&mut [0; 4]));
    let trail = |c: char| {
        c.is_whitespace()
            || matches!(c, '.' | ',' | ';' | ':' | '—' | '–' | '-')
            || is_quote_mark_str(c.encode_utf8(&mut [0; 4]))
    };
    let a = s.len() - s.trim_start_matches(lead).len();
    let rest = &s[a..];
    let b = rest.trim_end_matches(trail).len();
    // keep a final period of an abbreviation ("U.S.")
    let mut end = a + b;
    if rest[b..].starts_with('.') && rest[..b].ends_with(|c: char| c.is_ascii_uppercase()) {
        let word = rest[..b].rsplit(' ').next().unwrap_or("");
        if word.contains('.') {
            end += 1;
        }
    }
    r.start + a..r.start + end
}

// ------------------------------------------------------------ extraction

/// Finds the claims of a document.
pub fn extract_claims(text: &str, ents: &DocEntities) -> Vec<ClaimOut> {
    // "Y (QDi.317), the leader of X, publicly stated that …": the patterns
    // read the text without bracketed reference codes; the quotes are cut
    // from the original
    match ents.without_reference_codes(text) {
        Some((masked, e)) => claims_of(&masked, &e, text),
        None => claims_of(text, ents, text),
    }
}

fn claims_of(text: &str, ents: &DocEntities, original: &str) -> Vec<ClaimOut> {
    let mut d = Doc::new(text, ents);
    d.original = original;
    if d.toks.is_empty() {
        return Vec::new();
    }
    let mut used_verbs: HashSet<usize> = HashSet::new();
    let mut cands: Vec<Candidate> = Vec::new();

    direct_quotes(&d, &mut used_verbs, &mut cands);
    reported_speech(&d, &used_verbs, &mut cands);

    cands.sort_by_key(|c| (c.anchor, c.quote.start));
    resolve(&d, cands)
}

/// Quotes that open a sentence, with their attribution.
fn direct_quotes(d: &Doc, used: &mut HashSet<usize>, cands: &mut Vec<Candidate>) {
    for q in &d.quotes {
        let body = trim_span(d.text, q.inner.clone());
        // fewer than three words is a scare quote ("late winter") unless a
        // sentence of its own attributed to a name ("“Yes, sir,” X said.")
        let short = d.word_count(&body) < 3;
        if d.word_count(&body) == 0 {
            continue;
        }
        let open_tok = d.token_at_byte(q.open);
        let s_open = d.sent_of.get(open_tok).copied().unwrap_or(0);
        let sent_first = d.sentence_tokens(s_open).start;
        let starts_sentence = open_tok == sent_first
            || (open_tok > 0
                && d.toks[open_tok - 1].end == q.open
                && (matches!(d.word(open_tok - 1), "." | "!" | "?")
                    || d.is_closing_mark(open_tok - 1)));
        // a pre attribution: `X said: “…”`, `X told the BBC, “…”`
        let mut pre: Option<(usize, Who)> = None;
        if open_tok > sent_first && matches!(d.word(open_tok - 1), ":" | ",") {
            let mut j = open_tok - 1;
            while j > sent_first && open_tok - j < 8 {
                j -= 1;
                if speech_lemma(d.word(j)).is_some() {
                    let participle = matches!(
                        d.word(j).to_ascii_lowercase().as_str(),
                        "stating" | "saying" | "adding" | "declaring"
                    ) && j > sent_first
                        && d.is_punct(j - 1, ",");
                    if participle {
                        // "X responded to the bombing, stating, “…”": the
                        // participle's speaker is the sentence subject
                        if let Subject::Entity(e) = sentence_subject(d, s_open) {
                            pre = Some((j, Who::Entity(e)));
                        }
                    } else if let Some(who) = d.left_np(j).and_then(|np| d.resolve_np(&np)) {
                        pre = Some((j, who));
                    } else if d.is_closing_mark(j.saturating_sub(1))
                        || d.is_punct(j.saturating_sub(1), ",")
                    {
                        // `“A,” he said, “B.”`: inverted or pronoun attribution
                        if let Some(who) = d.right_np(j + 1).and_then(|np| d.resolve_np(&np)) {
                            pre = Some((j, who));
                        }
                    }
                    break;
                }
            }
        }
        if !starts_sentence && pre.is_none() {
            continue;
        }
        // a post attribution after the closing mark, in the sentence that
        // holds the closing mark
        let mut post: Option<(usize, Who)> = None;
        let after = d.token_at_byte(q.end);
        let close_sent = d.sentence_of_byte(q.end.saturating_sub(1));
        if after < d.toks.len() && d.sent_of[after] == close_sent && q.end <= q.inner.end + 4 {
            let mut t0 = after;
            if d.is_punct(t0, ",") {
                t0 += 1;
            }
            let last = d.sentence_tokens(close_sent).end;
            if t0 < last {
                if speech_lemma(d.word(t0)).is_some() {
                    if let Some(np) = d.right_np(t0 + 1) {
                        post = Some((t0, d.resolve_np(&np).unwrap_or(Who::Unnamed)));
                    }
                } else {
                    // ("Kurdistan Workers Party (PKK) central committee
                    // member Riza Altun told …": an organisation's name and
                    // its short form in brackets may open the speaker's
                    // description)
                    let name_lead = |np: &Range<usize>| {
                        np.start == t0
                            || (t0..np.start).all(|k| {
                                matches!(d.word(k), "(" | ")")
                                    || d.word(k).starts_with(char::is_uppercase)
                            })
                    };
                    for v in t0 + 1..last.min(t0 + 14) {
                        if speech_lemma(d.word(v)).is_some() {
                            if let Some(np) = d.left_np(v).filter(name_lead) {
                                if let Some(who) = d.resolve_np(&np) {
                                    post = Some((v, who));
                                }
                            }
                            break;
                        }
                    }
                }
            }
        }
        if short && !(starts_sentence && matches!(post, Some((_, Who::Entity(_))))) {
            continue;
        }
        let (who, verb, conf) = match (post, pre) {
            (Some((v, w)), _) => (w, Some(v), 0.9),
            (None, Some((v, w))) => (w, Some(v), 0.85),
            (None, None) => (Who::Previous, None, 0.75),
        };
        let lemma = verb.and_then(|v| speech_lemma(d.word(v))).unwrap_or("say");
        if let Some(v) = verb {
            // the verb of a pre attribution still governs its own clause
            // when the quote is its complement; mark it used either way
            used.insert(v);
        }
        let mut sents = vec![s_open, close_sent];
        if let Some(v) = verb {
            sents.push(d.sent_of[v]);
        }
        let lo = sents.iter().copied().min().unwrap_or(s_open);
        let hi = sents.iter().copied().max().unwrap_or(s_open);
        let anchor = verb.map_or(q.open, |v| d.toks[v].start.min(q.open));
        cands.push(Candidate {
            who,
            quote: body,
            anchor,
            sentences: lo..hi + 1,
            lemma,
            confidence: conf,
        });
    }
}

/// Speech verbs with a subject and a complement, and `according to`.
fn reported_speech(d: &Doc, used: &HashSet<usize>, cands: &mut Vec<Candidate>) {
    for (s, range) in d.ents.analysis.sentence_tokens.iter().enumerate() {
        let (first, last) = (range.start, range.end);
        for v in range.clone() {
            if used.contains(&v) || d.in_quote(d.toks[v].start) {
                continue;
            }
            let w = d.word(v);
            // "X asked for a trial in spring, saying the evidence is
            // limited": the participle's speaker is the sentence subject
            if matches!(
                w.to_ascii_lowercase().as_str(),
                "saying" | "adding" | "noting" | "stating"
            ) && v > first + 1
                && (d.is_punct(v - 1, ",") || (d.is_closing_mark(v - 1) && d.is_punct(v - 2, ",")))
                && !d.is_quote_mark(first)
            {
                if let Subject::Entity(e) = sentence_subject(d, s) {
                    if let Some(span) = d.said_clause(v, s, last) {
                        cands.push(Candidate {
                            who: Who::Entity(e),
                            quote: span,
                            anchor: d.toks[v].start,
                            sentences: s..s + 1,
                            lemma: "say",
                            confidence: 0.7,
                        });
                    }
                }
                continue;
            }
            // "It quoted a source in the Russian command as saying that …",
            // "Interfax quoted General X as saying …": the one quoted speaks
            if w.eq_ignore_ascii_case("saying") && v > first + 2 && d.word(v - 1) == "as" {
                let q = (first..v - 1)
                    .rev()
                    .take(20)
                    .find(|&k| in_list(&["quoted", "quoting", "quotes", "quote"], d.word(k)));
                if let Some(q) = q {
                    let np = q + 1..v - 1;
                    let who = d.resolve_np(&np).or_else(|| {
                        // the first speaker the phrase names ("a source in
                        // the Russian command in Chechnya": the source)
                        np.clone().find_map(|k| {
                            d.unit[k]
                                .as_ref()
                                .filter(|(e, _)| d.fits_speaker(*e))
                                .map(|(e, _)| Who::Entity(*e))
                        })
                    });
                    if let (Some(who), Some(span)) = (who, d.said_clause(v, s, last)) {
                        cands.push(Candidate {
                            who,
                            quote: span,
                            anchor: d.toks[q].start,
                            sentences: s..s + 1,
                            lemma: "say",
                            confidence: 0.75,
                        });
                    }
                }
                continue;
            }
            if w.eq_ignore_ascii_case("according") && d.word(v + 1).eq_ignore_ascii_case("to") {
                according_to(d, s, v, cands);
                continue;
            }
            let Some(lemma) = speech_lemma(w) else {
                continue;
            };
            if d.toks[v].kind != TokenKind::Word || w.starts_with(char::is_uppercase) {
                continue;
            }
            // an infinitive, unless it goes on saying: "continues to deny"
            if v > first
                && d.word(v - 1).eq_ignore_ascii_case("to")
                && !(v > first + 1
                    && in_list(&["continue", "continues", "continued"], d.word(v - 2)))
            {
                continue;
            }
            if lemma == "continue" && !(d.is_punct(v + 1, ":") || d.is_quote_mark(v + 1)) {
                continue;
            }
            if lemma == "describe" {
                // "he described the bombings as “a total disaster”": what
                // the subject calls the thing is the claim
                let as_at = (v + 2..last.min(v + 14)).find(|&k| {
                    d.word(k).eq_ignore_ascii_case("as") || d.is_punct(k, ".") || d.is_punct(k, ";")
                });
                let who = d.left_np(v).and_then(|np| d.resolve_np(&np));
                if let (Some(a), Some(who)) = (as_at.filter(|&k| d.word(k) == "as"), who) {
                    let mut e = a + 1;
                    while e < last && !d.is_punct(e, ".") && !d.is_punct(e, ";") {
                        e += 1;
                    }
                    let span = trim_span(d.text, d.toks[a + 1].start..d.toks[e - 1].end);
                    if d.word_count(&span) >= 2 {
                        cands.push(Candidate {
                            who,
                            quote: span,
                            anchor: d.toks[v].start,
                            sentences: s..s + 1,
                            lemma,
                            confidence: 0.7,
                        });
                    }
                }
                continue;
            }
            if w.ends_with("ed") || matches!(w.to_lowercase().as_str(), "told" | "said" | "wrote") {
                // passive: "was told", "is estimated"
                let mut p = v;
                while p > first && in_list(&["also", "not", "never", "reportedly"], d.word(p - 1)) {
                    p -= 1;
                }
                if p > first && in_list(PASSIVE_AUX, d.word(p - 1)) {
                    continue;
                }
            }
            let of_responsibility = matches!(
                d.word(v + 1).to_ascii_lowercase().as_str(),
                "responsibility" | "credit"
            );
            if lemma == "accept" && !of_responsibility {
                continue;
            }
            if matches!(lemma, "claim" | "accept") && of_responsibility {
                // "The Taliban claimed responsibility for the attacks": a
                // statement of its own; the claim is the phrase claimed
                let who =
                    d.left_np(v).and_then(|np| d.resolve_np(&np)).or_else(
                        || match sentence_subject(d, s) {
                            Subject::Entity(e) => Some(Who::Entity(e)),
                            _ => None,
                        },
                    );
                let mut e = v + 1;
                while e < last && !matches!(d.word(e), "," | "." | ";" | "and" | "but") {
                    e += 1;
                }
                if let (Some(who), true) = (who, e > v + 2) {
                    cands.push(Candidate {
                        who,
                        quote: d.toks[v + 1].start..d.toks[e - 1].end,
                        anchor: d.toks[v].start,
                        sentences: s..s + 1,
                        lemma,
                        confidence: 0.8,
                    });
                }
                continue;
            }
            let noun_like = in_list(NOUN_LIKE, w);
            // "contributed to this report": a determiner makes it the noun
            if noun_like
                && v > first
                && in_list(
                    &[
                        "the", "this", "that", "a", "an", "his", "her", "its", "their", "our",
                    ],
                    d.word(v - 1),
                )
            {
                continue;
            }
            if noun_like {
                let n = d.word(v + 1);
                let clause_follows = n.eq_ignore_ascii_case("that")
                    || in_list(
                        &[
                            "the", "a", "an", "he", "she", "it", "they", "there", "this", "its",
                            "his", "their", "some", "no", ":", ",", ";", ".",
                        ],
                        n,
                    )
                    || d.is_quote_mark(v + 1);
                if !clause_follows || speech_lemma(n).is_some() {
                    continue;
                }
            }
            // "The Taliban claimed responsibility …, and said they will …":
            // a second verb of the sentence's subject
            let shared = (v > first + 1 && d.word(v - 1).eq_ignore_ascii_case("and"))
                .then(|| sentence_subject(d, s))
                .and_then(|x| match x {
                    Subject::Entity(e) => Some(e),
                    _ => None,
                });
            // "X continues to deny that …": X is the subject of "continues"
            let continues_to = v > first + 1
                && d.word(v - 1).eq_ignore_ascii_case("to")
                && in_list(&["continue", "continues", "continued"], d.word(v - 2));
            let left = match shared {
                Some(_) => Some(v..v),
                None if continues_to => d.left_np(v - 2),
                None => d.left_np(v),
            };
            // a noun-like form needs its subject right before it
            if noun_like
                && left.as_ref().is_none_or(|np| {
                    (np.end..v).any(|k| !in_list(BETWEEN_SUBJECT_AND_VERB, d.word(k)))
                })
            {
                continue;
            }
            let who = match shared {
                Some(e) => Some(Who::Entity(e)),
                None => left.as_ref().and_then(|np| d.resolve_np(np)),
            };
            match who {
                Some(who) => {
                    let Some(np) = left else { continue };
                    if np.start > first && d.word(np.start - 1).eq_ignore_ascii_case("as") {
                        continue; // "as X said": an aside, not a statement
                    }
                    // clause first: "…, X said." / "“…,” X said."
                    let mut k = v + 1;
                    while k < last
                        && (is_weekday_or_month(&d.word(k).to_lowercase())
                            || in_list(
                                &[
                                    "on",
                                    "in",
                                    "last",
                                    "this",
                                    "week",
                                    "month",
                                    "year",
                                    "earlier",
                                    "later",
                                    "today",
                                    "yesterday",
                                ],
                                d.word(k),
                            ))
                    {
                        k += 1;
                    }
                    let before = np.start.checked_sub(1).filter(|&b| b >= first);
                    // after a closing quote the attribution always ends the quote
                    let after_quote = before.is_some_and(|b| {
                        d.is_closing_mark(b)
                            || (d.is_punct(b, ",")
                                && b.checked_sub(1).is_some_and(|m| d.is_closing_mark(m)))
                    });
                    let at_end = k >= last
                        || after_quote
                        || matches!(d.word(k), "." | ";" | "!" | "?")
                        || (d.word(k) == ","
                            && (k + 1 >= last
                                || is_adding(d.word(k + 1))
                                // "…, police said, taking the toll to 62"
                                || (d.word(k + 1).ends_with("ing")
                                    && d.word(k + 1).starts_with(char::is_lowercase))))
                        || (in_list(
                            &["while", "during", "when", "after", "before", "as"],
                            d.word(k),
                        ) && !d.that_follows(k, last));
                    if at_end {
                        if let Some(b) =
                            before.filter(|&b| d.is_punct(b, ",") || d.is_closing_mark(b))
                        {
                            if let Some(span) = clause_before(d, s, b) {
                                cands.push(Candidate {
                                    who,
                                    quote: span,
                                    anchor: d.toks[np.start].start,
                                    sentences: s..s + 1,
                                    lemma,
                                    confidence: 0.8,
                                });
                            }
                        }
                        continue;
                    }
                    let c = d.complement_start(v, lemma, last);
                    if c >= last {
                        continue;
                    }
                    // "announced the capture of …": a noun phrase, no statement
                    // ("announced eight people died": a past-tense verb after
                    // a noun shows the clause too)
                    let past_verb = (c + 1..last.min(c + 7)).any(|t| {
                        let w = d.word(t);
                        (in_list(IRREGULAR_PAST, w)
                            || (w.len() > 4
                                && w.ends_with("ed")
                                && w.starts_with(char::is_lowercase)))
                            && !in_list(
                                &["the", "a", "an", "was", "were", "is", "are", "be", "been"],
                                d.word(t - 1),
                            )
                    });
                    if NEEDS_CLAUSE.contains(&lemma)
                        && !d.word(c - 1).eq_ignore_ascii_case("that")
                        && !(c..last.min(c + 12)).any(|t| in_list(FINITE_AUX, d.word(t)))
                        && !past_verb
                    {
                        continue;
                    }
                    let Some(span) = d.clause_to_sentence_end(c, s) else {
                        continue;
                    };
                    let span = trim_span(d.text, span);
                    if d.word_count(&span) < 3 {
                        continue;
                    }
                    let hi = d.sentence_of_byte(span.end.saturating_sub(1)).max(s);
                    let conf = match who {
                        Who::Entity(e)
                            if np.len() <= 1
                                || d.unit[np.end - 1].as_ref().is_some_and(|(x, _)| *x == e) =>
                        {
                            0.8
                        }
                        Who::Entity(_) => 0.7,
                        _ => 0.7,
                    };
                    cands.push(Candidate {
                        who,
                        quote: span,
                        anchor: d.toks[np.start].start,
                        sentences: s..hi + 1,
                        lemma,
                        confidence: conf,
                    });
                }
                None => {
                    // inverted: "… leaders said Capt. X, a commander." /
                    // "…,” said X."
                    // (not "told": "…, the spokesman told Reuters" names
                    // whom he told)
                    if v == first || lemma == "tell" {
                        continue;
                    }
                    let Some(rnp) = d.right_np(v + 1) else {
                        continue;
                    };
                    let Some(who @ Who::Entity(_)) = d.resolve_np(&rnp) else {
                        continue;
                    };
                    let Some(span) = clause_before(d, s, v) else {
                        continue;
                    };
                    // without a comma or quote before the verb, the words
                    // before it must be a clause, not the subject
                    // ("Police said X, 40, was held")
                    let marked = d.is_punct(v - 1, ",") || d.is_closing_mark(v - 1);
                    let clause = d.text[span.clone()].split_whitespace().any(|w| {
                        in_list(FINITE_AUX, w.trim_matches(|c: char| !c.is_alphanumeric()))
                    });
                    if !marked && !clause {
                        continue;
                    }
                    cands.push(Candidate {
                        who,
                        quote: span,
                        anchor: d.toks[v].start,
                        sentences: s..s + 1,
                        lemma,
                        confidence: 0.8,
                    });
                }
            }
        }
    }
}

fn is_adding(w: &str) -> bool {
    in_list(
        &[
            "adding",
            "saying",
            "noting",
            "stating",
            "citing",
            "according",
            "warning",
            "explaining",
            "stressing",
        ],
        w,
    )
}

/// The clause from the start of sentence `s` (or of the quote that ends
/// just before token `b`) up to token `b`, trimmed; at least three words.
fn clause_before(d: &Doc, s: usize, b: usize) -> Option<Range<usize>> {
    let end = d.toks.get(b)?.start;
    let b_end = d.toks.get(b)?.end;
    let mut start = d.sentence_span(s).start;
    // "GUWAHATI, India (Reuters) - Rebels stormed a village …, police
    // said": the dateline is the report's, not the speaker's words
    let tokens = d.sentence_tokens(s);
    let body = crate::text::after_dateline(d.text, d.toks, tokens.clone());
    if body.start > tokens.start && body.start <= b {
        start = d.toks[body.start].start;
    }
    // a quote that closes here and opened in an earlier sentence
    if let Some(q) = d
        .quotes
        .iter()
        .find(|q| q.inner.end + 3 >= end && q.inner.end <= b_end && q.open < start)
    {
        start = q.open;
    }
    // `… him.“What you did …,” she said`: the quote glued to the sentence
    // before is the clause
    let mark = if d.is_closing_mark(b) {
        Some(b)
    } else {
        b.checked_sub(1)
            .filter(|&m| d.is_punct(b, ",") && d.is_closing_mark(m))
    };
    if let Some(m) = mark {
        let m_end = d.toks[m].end;
        if let Some(q) = d.quotes.iter().find(|q| q.end == m_end && q.open >= start) {
            let glued = d.text[start..q.open]
                .trim_end()
                .ends_with(['.', '!', '?', '”', '"']);
            if glued {
                start = q.open;
            }
        }
    }
    let span = trim_span(d.text, start..end);
    // a name with its titles is no statement ("Col. X, the director, said")
    let has_lower = d.text[span.clone()]
        .split_whitespace()
        .any(|w| w.starts_with(char::is_lowercase));
    (d.word_count(&span) >= 3 && has_lower).then_some(span)
}

/// "According to X, …" / "…, according to X."
fn according_to(d: &Doc, s: usize, v: usize, cands: &mut Vec<Candidate>) {
    let range = d.sentence_tokens(s);
    let Some(np) = d.right_np(v + 2) else { return };
    let Some(who @ Who::Entity(_)) = d.resolve_np(&np) else {
        return;
    };
    let span = if v == range.start {
        // "According to X, the …": the rest of the sentence
        if !d.is_punct(np.end, ",") {
            return;
        }
        d.clause_to_sentence_end(np.end + 1, s)
            .map(|r| trim_span(d.text, r))
    } else if d.is_punct(v - 1, ",")
        && d.is_punct(np.end, ",")
        && np.end + 1 < range.end
        && in_list(FINITE_AUX, d.word(np.end + 1))
    {
        // "The recent operation in Wardak, according to Afghan and coalition
        // officials, is hailed as a major blow …": the attribution set off
        // inside the sentence; what it vouches for is the predicate that
        // goes on after it (the words before are only its subject)
        d.clause_to_sentence_end(np.end + 1, s)
            .map(|r| trim_span(d.text, r))
    } else {
        let b = if d.is_punct(v - 1, ",") { v - 1 } else { v };
        clause_before(d, s, b)
    };
    let Some(span) = span.filter(|r| d.word_count(r) >= 3) else {
        return;
    };
    cands.push(Candidate {
        who,
        quote: span,
        anchor: d.toks[v].start,
        sentences: s..s + 1,
        lemma: "say",
        confidence: 0.75,
    });
}

/// What a sentence opens with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Subject {
    Entity(usize),
    Pronoun(Pronoun),
    /// A noun phrase that names no entity ("The friend", "Officials").
    Other,
    /// An adverbial or connective opening: the subject is not known.
    Unknown,
}

/// Words that open a sentence before its subject.
const OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "before",
    "after",
    "when",
    "while",
    "since",
    "during",
    "under",
    "if",
    "as",
    "although",
    "though",
    "despite",
    "following",
    "meanwhile",
    "but",
    "and",
    "however",
    "yet",
    "instead",
    "still",
    "later",
    "earlier",
    "last",
    "then",
    "now",
    "so",
    "also",
    "for",
    "with",
    "from",
    "by",
    "over",
    "according",
    "ultimately",
    "separately",
    "additionally",
];

/// The subject of a sentence: the entity (or pronoun) it opens with.
/// Prepositions that open a phrase fronted before the subject.
const FRONTING_PREPOSITIONS: &[&str] = &[
    "in", "at", "after", "before", "during", "since", "with", "under", "from", "for", "by",
];

/// Words of a time phrase that may open a sentence before its subject
/// (with the days and months of [`is_weekday_or_month`]).
const TIME_OPENERS: &[&str] = &[
    "early",
    "earlier",
    "later",
    "today",
    "yesterday",
    "tonight",
    "last",
    "night",
    "week",
    "month",
    "year",
    "this",
    "morning",
    "afternoon",
    "evening",
    "on",
    "then",
    "meanwhile",
];

fn sentence_subject(d: &Doc, s: usize) -> Subject {
    let r = d.sentence_tokens(s);
    let mut t = r.start;
    while t < r.end && (in_list(&["the", "a", "an"], d.word(t)) || d.is_quote_mark(t)) {
        t += 1;
    }
    // a fronted time ("Early today Mr Whitelaw gave …", "Later, he said")
    let mut k = t;
    while k < r.end
        && k < t + 5
        && (in_list(TIME_OPENERS, d.word(k))
            || is_weekday_or_month(&d.word(k).to_lowercase())
            || d.word(k) == ",")
    {
        k += 1;
    }
    if k > t && k < r.end && d.word(k - 1) != "on" {
        t = k;
    }
    // a fronted phrase before a pronoun subject ("In his book he also
    // claims", "At first he feared", "In an interview with a national
    // newspaper he described")
    if in_list(FRONTING_PREPOSITIONS, d.word(t)) {
        if let Some(p) =
            (t + 1..r.end.min(t + 10)).find(|&j| in_list(&["he", "she", "they"], d.word(j)))
        {
            if !(t + 1..p).any(|j| d.is_punct(j, ";") || d.is_quote_mark(j)) {
                t = p;
            }
        }
    }
    if t >= r.end {
        return Subject::Unknown;
    }
    if let Some((e, _)) = &d.unit[t] {
        return Subject::Entity(*e);
    }
    // a title before the name: "Prime Minister Theresa May", "Former
    // National Police Chief Somyot …"
    let mut k = t;
    while k < r.end
        && k < t + 5
        && d.unit[k].is_none()
        && matches!(d.toks[k].kind, TokenKind::Word | TokenKind::Abbrev)
        && d.word(k).chars().next().is_some_and(char::is_uppercase)
    {
        k += 1;
    }
    if k > t && k < r.end {
        if let Some((e, _)) = &d.unit[k] {
            if d.is_person(*e) {
                return Subject::Entity(*e);
            }
        }
    }
    let w = d.word(t).to_lowercase();
    match w.as_str() {
        "he" | "she" => Subject::Pronoun(Pronoun::Person),
        "it" | "they" => Subject::Pronoun(Pronoun::Group),
        _ if in_list(OPENERS, &w) || d.toks[t].kind != TokenKind::Word => Subject::Unknown,
        _ => Subject::Other,
    }
}

/// The entity the subject of sentence `s` stands for: a name, or a pronoun
/// resolved through the sentences before it (at most three back).
fn subject_entity(d: &Doc, s: usize, resolved: &[(usize, usize)]) -> Subject {
    let mut cur = s;
    for _ in 0..3 {
        match sentence_subject(d, cur) {
            Subject::Pronoun(p) => {
                if let Some(&(_, e)) = resolved.iter().rev().find(|(x, _)| *x == cur) {
                    return Subject::Entity(e);
                }
                let Some(prev) = cur.checked_sub(1) else {
                    return Subject::Pronoun(p);
                };
                cur = prev;
            }
            other => return other,
        }
    }
    Subject::Unknown
}

/// Resolves pronouns and continuations in text order, then builds claims.
fn resolve(d: &Doc, cands: Vec<Candidate>) -> Vec<ClaimOut> {
    let mut out: Vec<ClaimOut> = Vec::new();
    let mut spans: Vec<(usize, Range<usize>)> = Vec::new();
    // (speaker, last sentence) of the previous claim
    let mut last: Option<(usize, usize)> = None;
    // sentences whose pronoun subject was resolved
    let mut resolved_subject: Vec<(usize, usize)> = Vec::new();
    for c in cands {
        let s = d.sentence_of_byte(c.anchor);
        let speaker = match c.who {
            Who::Entity(e) => Some(e),
            Who::Previous => last
                .filter(|&(_, ls)| ls + 2 >= c.sentences.start)
                .map(|(e, _)| e),
            Who::Pronoun(p) => resolve_pronoun(d, p, c.anchor, s, last, &resolved_subject),
            Who::Unnamed => {
                last = None;
                continue;
            }
        };
        let Some(e) = speaker else { continue };
        if !d.fits_speaker(e) {
            continue;
        }
        if let Who::Pronoun(_) = c.who {
            resolved_subject.push((s, e));
        }
        last = Some((e, c.sentences.end.saturating_sub(1).max(s)));
        // one claim per speaker and span
        if spans
            .iter()
            .any(|(x, r)| *x == e && r.start < c.quote.end && c.quote.start < r.end)
        {
            continue;
        }
        let Some(quote) = d.original.get(c.quote.clone()).map(str::to_string) else {
            continue;
        };
        spans.push((e, c.quote.clone()));
        let lo = d.sentence_span(c.sentences.start).start;
        let hi = d
            .sentence_span(c.sentences.end.saturating_sub(1))
            .end
            .max(c.quote.end);
        let about = about(d, e, &c.quote, &(lo..hi), s);
        let stance = stance(c.lemma, &quote);
        let Some(ent) = d.entity(e) else { continue };
        let confidence = match c.who {
            Who::Pronoun(_) => c.confidence.min(0.7),
            _ => c.confidence,
        };
        out.push(ClaimOut {
            speaker: ent.id.clone(),
            quote,
            about,
            stance,
            sentence: lo..hi,
            confidence,
        });
    }
    out
}

fn resolve_pronoun(
    d: &Doc,
    p: Pronoun,
    at: usize,
    s: usize,
    last: Option<(usize, usize)>,
    resolved: &[(usize, usize)],
) -> Option<usize> {
    let fits = |e: usize| match p {
        Pronoun::Person => d.is_person(e),
        Pronoun::Group => d.is_group(e),
    };
    let recent_last = last
        .filter(|&(e, ls)| ls + 2 >= s && fits(e))
        .map(|(e, _)| e);
    // the subject of this sentence, when the pronoun comes after it
    let first = d.sentence_span(s).start;
    let pronoun_opens = d
        .toks
        .get(d.sentence_tokens(s).start)
        .is_some_and(|t| t.start >= at);
    // "A large group of rebels stormed the post, they said." after a
    // sentence whose speaker was the defence officials: an attribution
    // closing the sentence continues the last speaker, not the clause's
    // own subject
    let closing = d.sentence_tokens(s).any(|t| {
        d.toks[t].start == at && {
            let rest: Vec<&str> = (t + 1..d.sentence_tokens(s).end)
                .map(|k| d.word(k))
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .collect();
            matches!(
                rest.as_slice(),
                ["said" | "say" | "says" | "added" | "reported"]
            )
        }
    });
    if closing && !pronoun_opens {
        if let Some(e) = last
            .filter(|&(e, ls)| ls + 1 >= s && fits(e))
            .map(|(e, _)| e)
        {
            return Some(e);
        }
    }
    if !pronoun_opens {
        if let Subject::Entity(e) = sentence_subject(d, s) {
            if fits(e)
                && d.mentions
                    .iter()
                    .any(|&(b, x)| x == e && b >= first && b < at)
            {
                return Some(e);
            }
        }
    }
    let prev = match s.checked_sub(1) {
        Some(ps) => subject_entity(d, ps, resolved),
        None => Subject::Unknown,
    };
    match p {
        Pronoun::Person => {
            if let Some(l) = recent_last {
                match prev {
                    Subject::Entity(e) if e != l && d.is_person(e) => {}
                    _ => return Some(l),
                }
            }
            // "Conway was jailed. Although he left the IRA in 1975, he
            // rejoined …. He claimed …": the chain of "he" goes back to the
            // last sentence whose subject is a person, through sentences
            // that speak of "he" (at most three)
            let chain = || {
                let mut ps = s;
                for _ in 0..3 {
                    ps = ps.checked_sub(1)?;
                    match subject_entity(d, ps, resolved) {
                        Subject::Entity(e) if d.is_person(e) => return Some(e),
                        Subject::Entity(_) => return None,
                        _ => {}
                    }
                    let speaks_of_him = d.sentence_tokens(ps).any(|t| {
                        let w = d.word(t);
                        ["he", "she", "his", "her"]
                            .iter()
                            .any(|p| w.eq_ignore_ascii_case(p))
                    });
                    if !speaks_of_him {
                        return None;
                    }
                }
                None
            };
            match prev {
                Subject::Entity(e) if fits(e) => Some(e),
                // a fronted phrase or dateline ("BOSTON — Moments before …,
                // X rose …") hides the subject: the one person named
                Subject::Unknown | Subject::Entity(_) => {
                    let from = s
                        .checked_sub(1)
                        .map_or(first, |ps| d.sentence_span(ps).start);
                    let mut seen: Vec<usize> = Vec::new();
                    for &(b, e) in &d.mentions {
                        if b >= from && b < at && d.is_person(e) && !seen.contains(&e) {
                            seen.push(e);
                        }
                    }
                    match seen.as_slice() {
                        [one] => Some(*one),
                        [] if prev == Subject::Unknown => chain(),
                        _ => None,
                    }
                }
                Subject::Pronoun(Pronoun::Person) | Subject::Other => chain(),
                _ => None,
            }
        }
        Pronoun::Group => match prev {
            // the previous sentence opens with a name: that one, or nothing
            Subject::Entity(e) => Some(e).filter(|&e| fits(e)),
            Subject::Unknown | Subject::Other => {
                recent_last.filter(|_| last.is_some_and(|(_, ls)| ls + 1 >= s))
            }
            Subject::Pronoun(_) => None,
        },
    }
}

/// Entities named in the quote; failing that, around it.
fn about(
    d: &Doc,
    speaker: usize,
    quote: &Range<usize>,
    evidence: &Range<usize>,
    s: usize,
) -> Vec<String> {
    let mut ids: Vec<(usize, usize)> = Vec::new();
    let collect = |r: &Range<usize>, ids: &mut Vec<(usize, usize)>, any_kind: bool| {
        for (ei, e) in d.ents.entities.iter().enumerate() {
            if ei == speaker
                || !(any_kind
                    || matches!(
                        e.kind,
                        EntityType::Person | EntityType::Organization | EntityType::Agreement
                    ))
            {
                continue;
            }
            if let Some(m) = e
                .mentions
                .iter()
                .find(|m| r.start <= m.start && m.end <= r.end)
            {
                if !ids.iter().any(|(_, x)| *x == ei) {
                    ids.push((m.start, ei));
                }
            }
        }
    };
    collect(quote, &mut ids, true);
    if ids.is_empty() {
        collect(evidence, &mut ids, false);
    }
    if ids.is_empty() && s > 0 {
        let prev = d.sentence_span(s - 1);
        collect(&prev, &mut ids, false);
    }
    ids.sort_unstable();
    ids.into_iter()
        .filter_map(|(_, e)| d.entity(e).map(|x| x.id.clone()))
        .collect()
}

fn stance(lemma: &str, quote: &str) -> Option<Stance> {
    if lemma == "deny" {
        return Some(Stance::Disputes);
    }
    let f = crate::text::fold(quote);
    let unclear = [
        "it is unclear",
        "it was unclear",
        "it remains unclear",
        "unclear whether",
        "it is not clear",
        "it was not clear",
    ];
    unclear
        .iter()
        .any(|u| f.starts_with(u))
        .then_some(Stance::Neutral)
}
