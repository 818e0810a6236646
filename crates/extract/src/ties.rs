//! How actors are tied: the ontology's predicates found in sentences, with
//! direction and polarity.
//!
//! Three kinds of evidence, each a general pattern of news English:
//! - **verb frames**: an actor, a trigger, an actor ("X still hosts Y",
//!   "X members are embedded in Y units", "X consulted with Y", "talks with
//!   Y"), with lists of objects that name several ties at once ("X provided
//!   training, funds and weapons to Y" → trains, funds, supplies);
//! - **titles** found by the entity extractor ("the No. 2 figure in the
//!   Al-Qaeda network" → deputy_of; "an expert at X" → affiliated_with;
//!   "U.S. President Joe Biden" → leader_of);
//! - **compounds**: "X-controlled district of Y" (controls), "the rival X",
//!   agreements named after their parties ("the U.S.-Taliban deal" →
//!   party_to).
//!
//! Polarity: a negation or denial governing the trigger makes the tie
//! `denied`; doubt ("it is unclear whether", "reportedly") makes it `hedged`.

use crate::entities::{DocEntities, DocEntity};
use crate::lexicon::{Lexicon, SurfaceKind};
use crate::text::{Token, TokenKind};
use std::ops::Range;
use untangle_model::{EntityType, Polarity, Predicate};

/// A tie found in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct TieOut {
    /// Entity ids of the document (`e3`).
    pub subject: String,
    pub predicate: Predicate,
    pub object: String,
    pub polarity: Polarity,
    /// Byte span of the evidence sentence.
    pub sentence: Range<usize>,
    /// The pattern that found it (`verb:hosts`, `title:deputy_of`, …).
    pub method: &'static str,
    pub confidence: f32,
}

/// A mention with its entity, in text order.
#[derive(Debug, Clone)]
struct M {
    span: Range<usize>,
    entity: usize,
}

struct Ctx<'a> {
    text: &'a str,
    ents: &'a DocEntities,
    mentions: Vec<M>,
}

impl<'a> Ctx<'a> {
    fn entity(&self, i: usize) -> &'a DocEntity {
        &self.ents.entities[i]
    }

    fn in_range(&self, r: &Range<usize>) -> impl Iterator<Item = &M> {
        let r = r.clone();
        self.mentions
            .iter()
            .filter(move |m| m.span.start >= r.start && m.span.end <= r.end)
    }

    /// The last mention ending at or before `pos` inside `sent`, of an
    /// accepted type.
    fn before(
        &self,
        sent: &Range<usize>,
        pos: usize,
        ok: &dyn Fn(&DocEntity) -> bool,
    ) -> Option<usize> {
        self.in_range(sent)
            .filter(|m| m.span.end <= pos && ok(self.entity(m.entity)))
            .max_by_key(|m| m.span.end)
            .map(|m| m.entity)
    }

    /// A person named right before `pos`, with at most `words` words
    /// between ("Malu replaced …").
    fn person_just_before(&self, sent: &Range<usize>, pos: usize, words: usize) -> Option<usize> {
        self.before(sent, pos, &is_person).filter(|&s| {
            self.mentions.iter().any(|m| {
                m.entity == s
                    && m.span.end <= pos
                    && self.text[m.span.end..pos].split_whitespace().count() <= words
            })
        })
    }

    /// A person named soon after `pos`, with at most `words` words between
    /// ("replaced another Nigerian major general, John Inienger").
    fn person_soon_after(&self, sent: &Range<usize>, pos: usize, words: usize) -> Option<usize> {
        self.after(sent, pos, &is_person).filter(|&o| {
            self.mentions.iter().any(|m| {
                m.entity == o
                    && m.span.start >= pos
                    && self.text[pos..m.span.start].split_whitespace().count() <= words
            })
        })
    }

    /// The first mention starting at or after `pos` inside `sent`.
    fn after(
        &self,
        sent: &Range<usize>,
        pos: usize,
        ok: &dyn Fn(&DocEntity) -> bool,
    ) -> Option<usize> {
        self.in_range(sent)
            .filter(|m| m.span.start >= pos && ok(self.entity(m.entity)) && !self.base_of(m))
            .min_by_key(|m| m.span.start)
            .map(|m| m.entity)
    }

    /// "the Bosnia-based organization Al Furqan": a place named as where
    /// the next actor is based, never an actor itself
    fn base_of(&self, m: &M) -> bool {
        let rest = &self.text[m.span.end..];
        rest.starts_with("-based") || rest.starts_with("-headquartered")
    }
}

fn is_actor(e: &DocEntity) -> bool {
    matches!(e.kind, EntityType::Organization | EntityType::Person)
        || (e.kind == EntityType::Location && e.subtype.as_deref() == Some("country"))
}
fn is_org(e: &DocEntity) -> bool {
    e.kind == EntityType::Organization
        || (e.kind == EntityType::Location && e.subtype.as_deref() == Some("country"))
}
fn is_person(e: &DocEntity) -> bool {
    e.kind == EntityType::Person
}
fn is_place(e: &DocEntity) -> bool {
    e.kind == EntityType::Location
}

/// Verb triggers: (lower-case word forms, predicate, subject is the actor
/// before the verb).
const VERBS: &[(&[&str], Predicate)] = &[
    (
        &[
            "hosts",
            "hosted",
            "hosting",
            "host",
            "harbors",
            "harbored",
            "harboring",
            "harbours",
            "harboured",
            "harbouring",
            "harbor",
            "harbour",
            "shelters",
            "sheltered",
            "sheltering",
            "shelter",
        ],
        Predicate::Hosts,
    ),
    (
        &["trains", "trained", "training", "train"],
        Predicate::Trains,
    ),
    (
        &["advises", "advised", "advising", "advise"],
        Predicate::Advises,
    ),
    (
        &[
            "funds",
            "funded",
            "funding",
            "finances",
            "financed",
            "financing",
            "bankrolls",
            "bankrolled",
        ],
        Predicate::Funds,
    ),
    (
        &[
            "arms",
            "armed",
            "arming",
            "supplies",
            "supplied",
            "supplying",
        ],
        Predicate::Supplies,
    ),
    (
        &[
            "consulted",
            "consults",
            "consulting",
            "cooperates",
            "cooperated",
            "cooperating",
            "collaborates",
            "collaborated",
            "collaborating",
            "coordinates",
            "coordinated",
            "coordinating",
        ],
        Predicate::CooperatesWith,
    ),
    (&["embedded", "integrated"], Predicate::IntegratedInto),
    (&["succeeded"], Predicate::SucceededBy),
    (&["founded", "co-founded"], Predicate::FounderOf),
    (
        &["leads", "led", "heads", "headed", "commands", "commanded"],
        Predicate::LeaderOf,
    ),
    (
        &["negotiated", "negotiating", "negotiates"],
        Predicate::NegotiatesWith,
    ),
    (
        &["pledged", "pledging", "swore", "sworn", "swearing"],
        Predicate::AlliedWith,
    ),
];

/// Nouns in "X provided A, B and C to Y" lists.
fn provision(noun: &str) -> Option<Predicate> {
    Some(match noun {
        "training" | "instruction" => Predicate::Trains,
        "funds" | "money" | "funding" | "financing" | "cash" | "finance" | "financial" => {
            Predicate::Funds
        }
        "weapons" | "arms" | "ammunition" | "explosives" | "materiel" | "equipment" | "rockets"
        | "missiles" | "material" => Predicate::Supplies,
        "advice" | "advisers" | "advisors" | "expertise" => Predicate::Advises,
        "sanctuary" | "shelter" | "refuge" | "haven" | "protection" | "accommodation" => {
            Predicate::Hosts
        }
        _ => return None,
    })
}

const PROVIDE: &[&str] = &[
    "provided",
    "provides",
    "provide",
    "providing",
    "gave",
    "gives",
    "give",
    "giving",
    "offered",
    "offers",
    "supplied",
    "sent",
    "sends",
];
const TALKS: &[&str] = &[
    "talks",
    "negotiations",
    "deal",
    "pact",
    "agreement",
    "dialogue",
    "accord",
    "ceasefire",
    "truce",
];
const NEGATORS: &[&str] = &[
    "not", "never", "no", "denies", "denied", "deny", "denying", "without", "rejected", "rejects",
    "n't", "nor", "refused",
];
/// Nouns of a deal: "signed an agreement", "reached a ceasefire".
const AGREEMENT_WORDS: &[&str] = &[
    "agreement",
    "agreements",
    "deal",
    "accord",
    "pact",
    "treaty",
    "truce",
    "ceasefire",
    "cease-fire",
    "armistice",
    "understanding",
    "settlement",
];
const BE_FORMS: &[&str] = &["is", "was", "are", "were", "been", "being", "be"];
const HEDGES: &[&str] = &[
    "unclear",
    "whether",
    "reportedly",
    "allegedly",
    "suspected",
    "may",
    "might",
    "could",
    "possibly",
    "perhaps",
    "unconfirmed",
    "rumoured",
    "rumored",
];
/// Words that make a sentence an obligation, plan or condition, not a fact.
const IRREALIS: &[&str] = &[
    "must",
    "should",
    "will",
    "would",
    "if",
    "to",
    "pledged",
    "promised",
    "commitment",
    "commitments",
    "obligation",
    "obligations",
    "cannot",
    "shall",
    "allow",
];

fn lw(text: &str, t: &Token) -> String {
    t.text(text).to_lowercase()
}

/// Polarity of a trigger at token `k` of a sentence (`toks` = its tokens).
fn polarity(text: &str, toks: &[Token], k: usize) -> Polarity {
    let lo = k.saturating_sub(6);
    let window: Vec<String> = toks[lo..k].iter().map(|t| lw(text, t)).collect();
    if window.iter().any(|w| NEGATORS.contains(&w.as_str())) {
        return Polarity::Denied;
    }
    // ("in May": the month, not the modal)
    let hedged = toks
        .iter()
        .any(|t| t.text(text) != "May" && HEDGES.contains(&lw(text, t).as_str()));
    if hedged {
        return Polarity::Hedged;
    }
    Polarity::Asserted
}

/// Finds ties in a document whose entities are known.
pub fn extract_ties(text: &str, ents: &DocEntities) -> Vec<TieOut> {
    match ents.without_reference_codes(text) {
        Some((masked, ents)) => ties_of(&masked, &ents),
        None => ties_of(text, ents),
    }
}

fn ties_of(text: &str, ents: &DocEntities) -> Vec<TieOut> {
    let mut mentions: Vec<M> = ents
        .entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| {
            e.mentions.iter().map(move |s| M {
                span: s.clone(),
                entity: i,
            })
        })
        .collect();
    mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let cx = Ctx {
        text,
        ents,
        mentions,
    };
    let mut out: Vec<TieOut> = Vec::new();
    let a = &ents.analysis;
    let mut last_person: Option<usize> = None;
    for (si, sent) in a.sentences.iter().enumerate() {
        let toks = &a.tokens[a.sentence_tokens[si].clone()];
        sentence_ties(&cx, sent, toks, last_person, &mut out);
        if let Some(p) = cx
            .in_range(sent)
            .filter(|m| is_person(cx.entity(m.entity)))
            .last()
        {
            last_person = Some(p.entity);
        }
    }
    title_ties(&cx, &mut out);
    possessive_ties(&cx, &mut out);
    plural_role_ties(&cx, &mut out);
    agreement_ties(&cx, &mut out);
    nationality_ties(&cx, &mut out);
    phrase_ties(&cx, &mut out);
    listing_ties(&cx, &mut out);
    home_ties(&cx, &mut out);
    located_ties(&cx, &mut out);
    of_org_ties(&cx, &mut out);
    pair_ties(&cx, &mut out);
    // one tie per (subject, predicate, object, polarity): the first evidence
    let mut seen = std::collections::HashSet::new();
    out.retain(|t| {
        seen.insert((
            t.subject.clone(),
            t.predicate,
            t.object.clone(),
            t.polarity == Polarity::Denied,
        ))
    });
    out
}

#[allow(clippy::too_many_arguments)]
fn push(
    cx: &Ctx<'_>,
    out: &mut Vec<TieOut>,
    s: usize,
    p: Predicate,
    o: usize,
    pol: Polarity,
    sent: &Range<usize>,
    method: &'static str,
    conf: f32,
) {
    if s == o {
        return;
    }
    out.push(TieOut {
        subject: cx.entity(s).id.clone(),
        predicate: p,
        object: cx.entity(o).id.clone(),
        polarity: pol,
        sentence: sent.clone(),
        method,
        confidence: conf,
    });
}

fn sentence_ties(
    cx: &Ctx<'_>,
    sent: &Range<usize>,
    toks: &[Token],
    last_person: Option<usize>,
    out: &mut Vec<TieOut>,
) {
    let text = cx.text;
    let words: Vec<String> = toks.iter().map(|t| lw(text, t)).collect();
    // an obligation, plan or condition governing the trigger: "must not
    // cooperate", "pledged to end its cooperation", "will not allow"
    let irrealis_at = |k: usize| {
        words[k.saturating_sub(4)..k]
            .iter()
            .any(|w| IRREALIS.contains(&w.as_str()))
    };
    for (k, t) in toks.iter().enumerate() {
        let irrealis = irrealis_at(k);
        if t.kind != TokenKind::Word {
            continue;
        }
        // a word inside a name is no trigger ("Revolutionary Armed Forces")
        if cx
            .mentions
            .iter()
            .any(|m| m.span.start <= t.start && t.end <= m.span.end)
        {
            continue;
        }
        let w = words[k].as_str();
        // "He was succeeded by Y": the subject may be a pronoun
        if w == "succeeded" && words.get(k + 1).map(String::as_str) == Some("by") {
            let subj = cx.before(sent, t.start, &is_person).or_else(|| {
                (k > 0
                    && matches!(
                        words[..k]
                            .iter()
                            .rev()
                            .find(|x| x.chars().all(char::is_alphabetic))
                            .map(String::as_str),
                        Some("was" | "is")
                    )
                    && words.iter().take(k).any(|x| x == "he" || x == "she"))
                .then_some(last_person)
                .flatten()
            });
            if let (Some(s), Some(o)) = (subj, cx.after(sent, t.end, &is_person)) {
                push(
                    cx,
                    out,
                    s,
                    Predicate::SucceededBy,
                    o,
                    polarity(text, toks, k),
                    sent,
                    "verb:succeeded_by",
                    0.8,
                );
            }
            continue;
        }
        // "Peres, who was ousted in May by rightwing Israeli leader
        // Benjamin Netanyahu": the one ousted or replaced was succeeded by
        // the one named after "by" (past a date and a few title words)
        // "Malu replaced another Nigerian major general, John Inienger":
        // the one replaced was succeeded by the subject
        if w == "replaced" && k > 0 && !BE_FORMS.contains(&words[k - 1].as_str()) {
            let subj = cx.person_just_before(sent, t.start, 1);
            let obj = cx.person_soon_after(sent, t.end, 6);
            if let (Some(s), Some(o)) = (subj, obj) {
                push(
                    cx,
                    out,
                    o,
                    Predicate::SucceededBy,
                    s,
                    polarity(text, toks, k),
                    sent,
                    "verb:replaced",
                    0.7,
                );
            }
            continue;
        }
        if matches!(w, "ousted" | "replaced" | "unseated" | "deposed")
            && k > 0
            && BE_FORMS.contains(&words[k - 1].as_str())
        {
            let by = (k + 1..toks.len().min(k + 5)).find(|&j| words[j] == "by");
            if let Some(j) = by {
                let subj = cx.before(sent, t.start, &is_person);
                let obj = cx.person_soon_after(sent, toks[j].end, 4);
                if let (Some(s), Some(o)) = (subj, obj) {
                    push(
                        cx,
                        out,
                        s,
                        Predicate::SucceededBy,
                        o,
                        polarity(text, toks, k),
                        sent,
                        "verb:ousted_by",
                        0.7,
                    );
                }
            }
            continue;
        }
        // "Moscow peacemaker Alexander Lebed and rebel chief-of-staff Aslan
        // Maskhadov signed an agreement", "The KDP and the PUK agreed a
        // ceasefire": two parties who make a deal together negotiated it
        if matches!(w, "signed" | "agreed" | "reached" | "concluded") && !irrealis {
            let deal = w == "agreed"
                || words[k + 1..toks.len().min(k + 5)]
                    .iter()
                    .any(|x| AGREEMENT_WORDS.contains(&x.as_str()));
            // the second party ends right before the verb (past "have")
            let mut v = t.start;
            if k > 0 && matches!(words[k - 1].as_str(), "have" | "had" | "has") {
                v = toks[k - 1].start;
            }
            let second = cx
                .in_range(sent)
                .filter(|m| m.span.end <= v && text[m.span.end..v].trim().is_empty())
                .find(|m| is_actor(cx.entity(m.entity)));
            let first = second.and_then(|b| {
                cx.in_range(sent)
                    .filter(|m| m.span.end <= b.span.start && is_actor(cx.entity(m.entity)))
                    .max_by_key(|m| m.span.end)
                    .filter(|a| {
                        // "A and [the | lower-case description] B"
                        let gap = text[a.span.end..b.span.start].trim();
                        let mut ws = gap.split_whitespace();
                        ws.next() == Some("and")
                            && ws.all(|x| {
                                x.chars().all(|c| c.is_lowercase() || c == '-')
                                    && !matches!(x, "and" | "or" | "with" | "of" | "by" | "to")
                            })
                    })
            });
            if let (true, Some(a), Some(b)) = (deal, first, second) {
                push(
                    cx,
                    out,
                    a.entity,
                    Predicate::NegotiatesWith,
                    b.entity,
                    polarity(text, toks, k),
                    sent,
                    "verb:signed_together",
                    0.65,
                );
            }
        }
        // "X provided A, B and C to Y"
        if PROVIDE.contains(&w) {
            let to = (k + 1..toks.len()).find(|&j| words[j] == "to");
            if let Some(j) = to {
                let preds: Vec<Predicate> = words[k + 1..j]
                    .iter()
                    .filter_map(|n| provision(n))
                    .collect();
                let subj = support_subject(cx, sent, toks, &words, k);
                // ("provides the insurgents with the financing and weapons
                // necessary to conduct attacks against X": an infinitive,
                // no recipient)
                let infinitive = toks.get(j + 1).is_some_and(|t| {
                    t.text(text).starts_with(char::is_lowercase)
                        && !matches!(
                            words[j + 1].as_str(),
                            "the" | "a" | "an" | "its" | "their" | "his" | "her" | "both"
                        )
                });
                let obj = if infinitive {
                    None
                } else {
                    cx.after(sent, toks[j].end, &is_actor)
                };
                if let (Some(s), Some(o)) = (subj, obj) {
                    let pol = polarity(text, toks, k);
                    for p in preds {
                        // the ontology: a person funds or advises; only an
                        // organisation hosts, trains or supplies
                        if is_person(cx.entity(s))
                            && !matches!(p, Predicate::Funds | Predicate::Advises)
                        {
                            continue;
                        }
                        push(cx, out, s, p, o, pol, sent, "verb:provide", 0.8);
                    }
                }
            }
            continue;
        }
        // "talks (in Doha) with X", "a deal struck with X"
        // ("talks on Thursday between X and Y": the pair rule below)
        let between_soon = (k + 1..toks.len().min(k + 5)).any(|j| words[j] == "between");
        if TALKS.contains(&w) && !between_soon {
            let with = (k + 1..toks.len().min(k + 6)).find(|&j| words[j] == "with");
            if let Some(j) = with {
                // the other party right after "with" ("talks with the Kabul
                // government -- despite U.S. pleas" names no U.S. party)
                let obj = near_after(cx, sent, toks, &words, j + 1, &is_actor);
                let subj = clause_subject(cx, sent, toks, &words, k).or_else(|| {
                    // "Under a deal struck with X, the Taliban pledged …": the
                    // actor after the clause
                    obj.and_then(|o| {
                        cx.in_range(sent)
                            .find(|m| {
                                m.span.start > toks[j].end
                                    && m.entity != o
                                    && is_org(cx.entity(m.entity))
                            })
                            .map(|m| m.entity)
                    })
                });
                if let (Some(s), Some(o)) = (subj, obj) {
                    let pol = polarity(text, toks, k);
                    let also = coordinated_with(cx, sent, o, toks[j].end, &is_actor);
                    for o in std::iter::once(o).chain(also) {
                        push(
                            cx,
                            out,
                            s,
                            Predicate::NegotiatesWith,
                            o,
                            pol,
                            sent,
                            "noun:talks_with",
                            0.7,
                        );
                    }
                }
            }
            continue;
        }
        // armed support in the field: "Afghan soldiers and police,
        // supported by coalition special operations forces", "the KDP,
        // backed by Baghdad", "with support from their coalition force
        // partners": the two act together (cooperates_with)
        let backed_by = matches!(w, "backed" | "supported" | "assisted" | "aided")
            && words.get(k + 1).map(String::as_str) == Some("by");
        let support_from = w == "with"
            && matches!(
                words.get(k + 1).map(String::as_str),
                Some("support" | "help" | "backing" | "assistance")
            )
            && matches!(words.get(k + 2).map(String::as_str), Some("from" | "of"));
        let support_from = support_from
            || (w == "with"
                && words.get(k + 1).map(String::as_str) == Some("the")
                && matches!(
                    words.get(k + 2).map(String::as_str),
                    Some("support" | "help" | "backing" | "assistance")
                )
                && words.get(k + 3).map(String::as_str) == Some("of"));
        if (backed_by || support_from) && !irrealis {
            let from = if backed_by {
                k + 2
            } else {
                (k + 2..k + 4)
                    .find(|&j| matches!(words[j].as_str(), "from" | "of"))
                    .unwrap_or(k + 2)
                    + 1
            };
            // "their coalition force partners": past a possessive pronoun
            let from = if matches!(
                words.get(from).map(String::as_str),
                Some("their" | "its" | "his")
            ) {
                from + 1
            } else {
                from
            };
            let helper = near_after(cx, sent, toks, &words, from, &is_org);
            // the supported: the actor just before (", supported by"), or
            // the clause's subject
            let helped = cx
                .before(sent, t.start, &is_org)
                .filter(|&o| {
                    cx.mentions.iter().any(|m| {
                        m.entity == o
                            && m.span.end <= t.start
                            && text[m.span.end..t.start].split_whitespace().count() <= 3
                    })
                })
                .or_else(|| clause_subject(cx, sent, toks, &words, k));
            if let (Some(a), Some(b)) = (helped, helper) {
                if a != b {
                    push(
                        cx,
                        out,
                        a,
                        Predicate::CooperatesWith,
                        b,
                        polarity(text, toks, k),
                        sent,
                        "verb:backed_by",
                        0.55,
                    );
                }
            }
        }
        // "X and Y agreed …", "he and rebel military leader Y signed …":
        // a deal between two parties is a negotiated one; "India and
        // Pakistan have fought two wars": armed conflict between them
        // (what is signed must be a deal: "signed a trade protocol" is not)
        let deal_verb = w == "agreed"
            || (w == "signed"
                && words[k + 1..words.len().min(k + 5)].iter().any(|x| {
                    matches!(
                        x.as_str(),
                        "ceasefire"
                            | "truce"
                            | "agreement"
                            | "accord"
                            | "deal"
                            | "pact"
                            | "treaty"
                            | "peace"
                            | "documents"
                            | "statement"
                    )
                }));
        let fight_verb = matches!(w, "fought" | "battled" | "clashed");
        if (deal_verb || fight_verb) && !irrealis {
            if let Some((x, y)) = coordinated_pair(cx, sent, toks, &words, k, last_person) {
                let (pred, method) = if deal_verb {
                    (Predicate::NegotiatesWith, "verb:pair_agreed")
                } else {
                    (Predicate::RivalOf, "verb:pair_fought")
                };
                let both_actors = [x, y].iter().all(|&e| {
                    let e = cx.entity(e);
                    is_org(e) || (deal_verb && is_person(e))
                });
                if both_actors {
                    push(
                        cx,
                        out,
                        x,
                        pred,
                        y,
                        polarity(text, toks, k),
                        sent,
                        method,
                        0.55,
                    );
                }
            }
        }
        // "the rival X"
        if w == "rival" || w == "rivals" {
            if let Some(o) = cx.after(sent, t.end, &is_org) {
                let o_start = cx
                    .mentions
                    .iter()
                    .find(|m| m.entity == o && m.span.start >= t.end)
                    .map_or(0, |m| m.span.start);
                // ("its rival, the Kurdistan Democratic Party": an
                // apposition after a comma)
                let gap = text.get(t.end..o_start).unwrap_or("x");
                let adjacent = o_start <= t.end + 2
                    || gap
                        .split(|c: char| c.is_whitespace() || c == ',')
                        .all(|x| x.is_empty() || x == "the");
                if adjacent {
                    if let Some(s) = cx.before(sent, t.start, &|e| is_org(e)) {
                        push(
                            cx,
                            out,
                            s,
                            Predicate::RivalOf,
                            o,
                            Polarity::Asserted,
                            sent,
                            "noun:rival",
                            0.6,
                        );
                    }
                }
            }
            continue;
        }
        // "Turkish troops have killed 17 rebels in the fighting with PKK
        // guerrillas", "clashes with the Taliban": armed conflict with the
        // actor after "with", by the clause's subject
        if matches!(
            w,
            "fighting" | "clashes" | "clash" | "battles" | "battle" | "gunbattles" | "war"
        ) && words.get(k + 1).map(String::as_str) == Some("with")
            && k >= 1
            && !irrealis
        {
            let obj = near_after(cx, sent, toks, &words, k + 2, &is_org);
            // ("killed 17 rebels in the fighting with X": the sentence's
            // subject, not the object before the phrase)
            let in_phrase = k >= 2
                && words[k - 1] == "the"
                && matches!(words[k - 2].as_str(), "in" | "during" | "amid");
            let subj = if in_phrase {
                cx.in_range(sent)
                    .find(|m| m.span.end <= t.start && is_org(cx.entity(m.entity)))
                    .map(|m| m.entity)
            } else {
                clause_subject(cx, sent, toks, &words, k)
            };
            if let (Some(s), Some(o)) = (subj, obj) {
                // (protesters who clash with police are no party to a war)
                let crowd = |x: usize| cx.entity(x).subtype.as_deref() == Some("other");
                if (!generic_group(&cx.entity(s).name) || !generic_group(&cx.entity(o).name))
                    && !crowd(s)
                    && !crowd(o)
                {
                    push(
                        cx,
                        out,
                        s,
                        Predicate::RivalOf,
                        o,
                        polarity(text, toks, k),
                        sent,
                        "noun:fighting_with",
                        0.6,
                    );
                }
            }
        }
        // "Al Ghabra has had strong links to Harakat Ul-Mujahidin", "the
        // group maintains close ties with Al-Qaeda": a person's links make
        // an affiliation, an organisation's a cooperation
        if matches!(w, "links" | "ties" | "connections" | "link")
            && k >= 1
            && matches!(words.get(k + 1).map(String::as_str), Some("to" | "with"))
            && words[k.saturating_sub(3)..k].iter().any(|x| {
                matches!(
                    x.as_str(),
                    "has"
                        | "had"
                        | "have"
                        | "maintains"
                        | "maintained"
                        | "maintain"
                        | "with"
                        | "strong"
                        | "close"
                        | "direct"
                )
            })
            && !irrealis
        {
            let subj = clause_subject(cx, sent, toks, &words, k).or_else(|| {
                cx.in_range(sent)
                    .filter(|m| m.span.end <= t.start && is_person(cx.entity(m.entity)))
                    .min_by_key(|m| m.span.start)
                    .filter(|m| toks.partition_point(|x| x.start < m.span.start) == 0)
                    .map(|m| m.entity)
            });
            let obj = near_after(cx, sent, toks, &words, k + 2, &|e| {
                e.kind == EntityType::Organization
            });
            if let (Some(s), Some(o)) = (subj, obj) {
                let pred = if is_person(cx.entity(s)) {
                    Predicate::AffiliatedWith
                } else {
                    Predicate::CooperatesWith
                };
                if s != o {
                    push(
                        cx,
                        out,
                        s,
                        pred,
                        o,
                        polarity(text, toks, k),
                        sent,
                        "noun:links_to",
                        0.6,
                    );
                }
            }
        }
        // "the Al-Qaida network, including Jemaah Islamiyah, … and
        // Lashkar-e-Tayyiba": the groups a network includes are its
        // affiliates
        if matches!(w, "network" | "movement" | "franchise" | "affiliates")
            && words.get(k + 1).map(String::as_str) == Some(",")
            && words.get(k + 2).map(String::as_str) == Some("including")
        {
            let owner = cx
                .in_range(sent)
                .filter(|m| {
                    m.span.end <= t.start && cx.entity(m.entity).kind == EntityType::Organization
                })
                .max_by_key(|m| m.span.end)
                .filter(|m| toks.partition_point(|x| x.start < m.span.end) + 1 >= k)
                .map(|m| m.entity);
            if let Some(net) = owner {
                let mut j = k + 3;
                let mut last_end = toks.get(j).map_or(sent.end, |x| x.start);
                while let Some(m) = cx
                    .in_range(sent)
                    .filter(|m| m.span.start >= last_end)
                    .min_by_key(|m| m.span.start)
                {
                    let gap = text[last_end..m.span.start].trim();
                    // commas, "and", reference numbers in brackets, "/"
                    // before a short name
                    let gap_ok = gap.is_empty()
                        || gap.split_whitespace().all(|g| {
                            matches!(g, "," | "and" | "the" | "or" | "/")
                                || (g.starts_with('(') || g.ends_with(')') || g.ends_with("),"))
                        });
                    if !gap_ok {
                        break;
                    }
                    if m.entity != net && cx.entity(m.entity).kind == EntityType::Organization {
                        push(
                            cx,
                            out,
                            m.entity,
                            Predicate::AffiliateOf,
                            net,
                            Polarity::Asserted,
                            sent,
                            "noun:network_including",
                            0.6,
                        );
                    }
                    last_end = m.span.end;
                    j += 1;
                }
                let _ = j;
            }
        }
        // "The PKK often uses bases in northern Iraq", "PKK bases in
        // northern Iraq", "the group's camps in Kunar": where an actor keeps
        // its bases it operates; "Kandahar is the headquarters of the
        // Taleban militia", "… the stronghold of X": likewise
        if matches!(
            w,
            "bases"
                | "base"
                | "camps"
                | "hideouts"
                | "strongholds"
                | "offices"
                | "headquarters"
                | "stronghold"
                | "sanctuaries"
        ) {
            let next = words.get(k + 1).map(String::as_str).unwrap_or_default();
            if matches!(next, "in" | "inside" | "across" | "throughout") {
                let pl = near_after(cx, sent, toks, &words, k + 2, &is_place);
                // the owner: "X bases", "X's bases", or the subject of
                // "uses/has/maintains/runs … bases"
                let owner_at = |end: usize| {
                    cx.in_range(sent)
                        .find(|m| m.span.end == end && is_org(cx.entity(m.entity)))
                        .map(|m| m.entity)
                };
                let owner = (k >= 1)
                    .then(|| owner_at(toks[k - 1].end))
                    .flatten()
                    .or_else(|| {
                        (k >= 2 && toks[k - 1].kind == TokenKind::Possessive)
                            .then(|| owner_at(toks[k - 2].end))
                            .flatten()
                    })
                    .or_else(|| {
                        let verb = words[k.saturating_sub(4)..k].iter().any(|x| {
                            matches!(
                                x.as_str(),
                                "uses"
                                    | "used"
                                    | "use"
                                    | "has"
                                    | "had"
                                    | "have"
                                    | "maintains"
                                    | "maintained"
                                    | "runs"
                                    | "ran"
                                    | "operates"
                                    | "operated"
                                    | "established"
                                    | "set"
                            )
                        });
                        verb.then(|| clause_subject(cx, sent, toks, &words, k))
                            .flatten()
                    });
                if let (Some(s), Some(o)) = (owner, pl) {
                    if s != o && !irrealis {
                        push(
                            cx,
                            out,
                            s,
                            Predicate::OperatesIn,
                            o,
                            polarity(text, toks, k),
                            sent,
                            "noun:bases_in",
                            0.6,
                        );
                    }
                }
            } else if next == "of" && k >= 3 && matches!(words[k - 1].as_str(), "the" | "a") {
                // "<place> is the headquarters of X"
                let cop = k - 2;
                if matches!(words[cop].as_str(), "is" | "was" | "remains" | "became") {
                    let pl = cx
                        .in_range(sent)
                        .find(|m| m.span.end == toks[cop - 1].end && is_place(cx.entity(m.entity)))
                        .map(|m| m.entity);
                    let org = near_after(cx, sent, toks, &words, k + 2, &|e| {
                        e.kind == EntityType::Organization
                    })
                    .or_else(|| {
                        // "the headquarters of the opposition Taleban militia"
                        cx.in_range(sent)
                            .filter(|m| {
                                m.span.start > toks[k].end
                                    && cx.entity(m.entity).kind == EntityType::Organization
                            })
                            .min_by_key(|m| m.span.start)
                            .filter(|m| toks.partition_point(|x| x.start < m.span.start) <= k + 5)
                            .map(|m| m.entity)
                    });
                    if let (Some(o), Some(p)) = (org, pl) {
                        push(
                            cx,
                            out,
                            o,
                            Predicate::OperatesIn,
                            p,
                            polarity(text, toks, k),
                            sent,
                            "noun:headquarters_of",
                            0.6,
                        );
                    }
                }
            }
        }
        // armed conflict between two actors (rival_of, symmetric): "the
        // rebels, who are fighting the government", "X is fighting to
        // overthrow Y", "Y, which X is fighting", "X's war against Y",
        // "clashes between X and Y"
        if matches!(
            w,
            "fight"
                | "fights"
                | "fighting"
                | "fought"
                | "battle"
                | "battles"
                | "battling"
                | "battled"
        ) && !(k > 0 && matches!(words[k - 1].as_str(), "the" | "a" | "heavy" | "fierce"))
        {
            let next = words.get(k + 1).map(String::as_str).unwrap_or_default();
            let j = match next {
                "against" => Some(k + 2),
                "to" if matches!(
                    words.get(k + 2).map(String::as_str),
                    Some("overthrow" | "topple" | "oust" | "defeat" | "drive")
                ) =>
                {
                    Some(k + 3)
                }
                "for" | "alongside" | "beside" | "with" | "on" | "in" | "back" | "off" | "over"
                | "to" => None,
                _ => Some(k + 1),
            };
            // the fighter named as the subject itself: not a modifier
            // ("U.S.-backed mujahedin factions that were battling Soviet
            // forces" names no fighter), nor a name before a relative
            // clause about some other noun
            let subj = clause_subject(cx, sent, toks, &words, k).filter(|&s| {
                let Some(sm) = cx
                    .in_range(sent)
                    .filter(|m| m.entity == s && m.span.end <= t.start)
                    .max_by_key(|m| m.span.end)
                else {
                    return false;
                };
                let modifier = text[sm.span.end..].starts_with('-');
                let e = toks.partition_point(|x| x.start < sm.span.end);
                let other_relative = (e..k).any(|x| {
                    matches!(words[x].as_str(), "that" | "who" | "which")
                        && x > e
                        && !(x == e + 1 && words[e] == ",")
                });
                !modifier && !other_relative
            });
            let obj = j
                .and_then(|j| near_after(cx, sent, toks, &words, j, &is_org))
                .or_else(|| {
                    // "Rabbani's government, which Taleban is fighting": the
                    // antecedent of "which" before the subject
                    let s = subj?;
                    let sm = cx
                        .in_range(sent)
                        .filter(|m| m.entity == s && m.span.end <= t.start)
                        .max_by_key(|m| m.span.end)?;
                    let mut i = toks.partition_point(|x| x.start < sm.span.start);
                    if i >= 1 && words[i - 1] == "the" {
                        i -= 1;
                    }
                    (i >= 2
                        && matches!(words[i - 1].as_str(), "which" | "whom")
                        && words[i - 2] == ",")
                        .then(|| {
                            cx.in_range(sent)
                                .filter(|m| {
                                    m.span.end <= toks[i - 2].start && is_org(cx.entity(m.entity))
                                })
                                .max_by_key(|m| m.span.end)
                                .map(|m| m.entity)
                        })
                        .flatten()
                });
            if let (Some(s), Some(o)) = (subj, obj) {
                if s != o && !irrealis {
                    push(
                        cx,
                        out,
                        s,
                        Predicate::RivalOf,
                        o,
                        polarity(text, toks, k),
                        sent,
                        "verb:fights",
                        0.6,
                    );
                }
            }
        }
        // "a new level of cooperation between Mujahideen Khalq and the
        // Iranian Kurdish oppositions", "talks between X and Y"
        // ("the ceasefire agreement between Israel and Hizbollah": a deal
        // between two parties is a negotiated one)
        if matches!(
            w,
            "cooperation"
                | "coordination"
                | "talks"
                | "negotiations"
                | "dialogue"
                | "agreement"
                | "ceasefire"
                | "truce"
                | "accord"
                | "deal"
                | "pact"
                | "treaty"
                | "understanding"
        ) {
            // "talks on Thursday between X and Y", "talks in Geneva
            // between …": a time or place phrase may stand between
            let talks = !matches!(w, "cooperation" | "coordination");
            let bpos = (k + 1..toks.len().min(k + 6))
                .find(|&j| words[j] == "between")
                .filter(|&j| {
                    j == k + 1
                        || (talks
                            && matches!(
                                words[k + 1].as_str(),
                                "on" | "in" | "at" | "last" | "this" | "earlier" | "held"
                            )
                            && (k + 1..j).all(|x| toks[x].kind == TokenKind::Word))
                });
            if let Some((a, b)) = bpos.and_then(|j| between_pair(cx, sent, toks, &words, k, j)) {
                let pred = if matches!(w, "cooperation" | "coordination") {
                    Predicate::CooperatesWith
                } else {
                    Predicate::NegotiatesWith
                };
                if a != b && !irrealis {
                    push(
                        cx,
                        out,
                        a,
                        pred,
                        b,
                        polarity(text, toks, k),
                        sent,
                        "noun:between",
                        0.6,
                    );
                }
            }
        }
        // "The Haqqani network, in conjunction with Taliban operatives, was
        // responsible for …", "acting in concert with Y": X acts with Y
        if matches!(
            w,
            "conjunction" | "concert" | "cooperation" | "coordination"
        ) && k > 0
            && words[k - 1] == "in"
            && words.get(k + 1).map(String::as_str) == Some("with")
            && !irrealis
        {
            let partner = near_after(cx, sent, toks, &words, k + 2, &is_org);
            let actor = cx
                .before(sent, toks[k - 1].start, &is_org)
                .filter(|&o| {
                    cx.mentions.iter().any(|m| {
                        m.entity == o
                            && m.span.end <= toks[k - 1].start
                            && text[m.span.end..toks[k - 1].start]
                                .split_whitespace()
                                .count()
                                <= 3
                    })
                })
                .or_else(|| clause_subject(cx, sent, toks, &words, k));
            if let (Some(a), Some(b)) = (actor, partner) {
                if a != b {
                    push(
                        cx,
                        out,
                        a,
                        Predicate::CooperatesWith,
                        b,
                        polarity(text, toks, k),
                        sent,
                        "phrase:in_conjunction_with",
                        0.55,
                    );
                }
            }
        }
        // "Formed under the leadership of Baitullah Mehsud, …, TTP is",
        // "the group was founded under the leadership of Y", "fighters
        // under the command of Y": Y leads the group (and founded it when
        // it was formed so)
        if matches!(w, "leadership" | "command")
            && k >= 2
            && words[k - 1] == "the"
            && words[k - 2] == "under"
            && words.get(k + 1).map(String::as_str) == Some("of")
        {
            if let Some(p) = near_after(cx, sent, toks, &words, k + 2, &is_person) {
                let formed = k >= 3
                    && matches!(
                        words[k - 3].as_str(),
                        "formed" | "founded" | "established" | "created" | "set"
                    );
                let pm_end = cx
                    .in_range(sent)
                    .filter(|m| m.entity == p && m.span.start >= toks[k + 1].end)
                    .map(|m| m.span.end)
                    .min()
                    .unwrap_or(sent.end);
                let org = clause_subject(cx, sent, toks, &words, k - 2)
                    .filter(|&o| cx.entity(o).kind == EntityType::Organization)
                    .or_else(|| {
                        // a fronted participle: the group is the clause's
                        // subject after the person
                        (k == 2 || (k == 3 && formed))
                            .then(|| {
                                cx.after(sent, pm_end, &|e| e.kind == EntityType::Organization)
                            })
                            .flatten()
                    });
                if let Some(o) = org.filter(|_| !irrealis) {
                    let pol = polarity(text, toks, k);
                    push(
                        cx,
                        out,
                        p,
                        Predicate::LeaderOf,
                        o,
                        pol,
                        sent,
                        "noun:under_leadership",
                        0.6,
                    );
                    if formed {
                        push(
                            cx,
                            out,
                            p,
                            Predicate::FounderOf,
                            o,
                            pol,
                            sent,
                            "noun:under_leadership",
                            0.6,
                        );
                    }
                }
            }
        }
        // "brigades of AQIM and MUJAO that are fighting the French and
        // Malian armed forces", "which the Taleban is fighting to
        // overthrow", "the overthrow of the elected government of
        // Pakistan": armed conflict or its aim, stated as such
        let fight = matches!(w, "fighting" | "fights" | "fought" | "battling" | "battled");
        let overthrow = matches!(
            w,
            "overthrow" | "overthrowing" | "topple" | "toppling" | "oust" | "ousting"
        );
        if (fight || overthrow) && !irrealis {
            let mut j = k + 1;
            while matches!(
                words.get(j).map(String::as_str),
                Some("against" | "the" | "of")
            ) {
                j += 1;
            }
            // the object: the organisation named within five words
            let o = cx
                .in_range(sent)
                .filter(|m| m.span.start >= toks.get(j).map_or(usize::MAX, |t| t.start))
                .min_by_key(|m| m.span.start)
                .filter(|m| {
                    let first = toks.partition_point(|t| t.start < m.span.start);
                    first <= j + 4
                        && (j..first).all(|x| {
                            toks[x].kind == TokenKind::Word
                                && !matches!(
                                    words[x].as_str(),
                                    "and"
                                        | "in"
                                        | "to"
                                        | "at"
                                        | "near"
                                        | "for"
                                        | "with"
                                        | "on"
                                        | "across"
                                        | "inside"
                                        | "alongside"
                                        | "from"
                                )
                        })
                        && is_org(cx.entity(m.entity))
                })
                .map(|m| m.entity);
            // the fighters: the clause's subject, or the groups of "units
            // of A and B that are fighting"
            let rel = (k.saturating_sub(3)..k)
                .find(|&x| matches!(words[x].as_str(), "that" | "who" | "which"));
            let mut subjects: Vec<usize> = Vec::new();
            if let Some(r) = rel.filter(|&r| r >= 2) {
                let of = (r.saturating_sub(8)..r).rev().find(|&x| words[x] == "of");
                if let Some(of) = of {
                    subjects = listed_from(cx, sent, toks[of].end, &|e| {
                        e.kind == EntityType::Organization
                    });
                }
            }
            if subjects.is_empty() {
                // (not a modifier: "U.S.-backed factions that were
                // battling Soviet forces" are not the United States)
                let modifier = |e: usize| {
                    cx.in_range(sent)
                        .filter(|m| m.entity == e && m.span.end <= t.start)
                        .all(|m| text[m.span.end..].starts_with('-'))
                };
                if let Some(sj) =
                    clause_subject(cx, sent, toks, &words, k).filter(|&e| !modifier(e))
                {
                    subjects.push(sj);
                }
            }
            if let Some(o) = o {
                let also =
                    coordinated_with(cx, sent, o, toks.get(j).map_or(0, |t| t.start), &is_org);
                for s in subjects.iter().copied() {
                    for ob in std::iter::once(o).chain(also) {
                        if s != ob && is_org(cx.entity(s)) {
                            push(
                                cx,
                                out,
                                s,
                                Predicate::RivalOf,
                                ob,
                                polarity(text, toks, k),
                                sent,
                                "verb:fighting",
                                0.55,
                            );
                        }
                    }
                }
            }
        }
        // "AAB … is connected to Al-Nusrah Front", "Santoso has also been
        // closely associated with HASI": a link stated as such (not the
        // listing formula "as being associated with …", read apart)
        let linked = (matches!(w, "connected" | "linked" | "tied")
            && words.get(k + 1).map(String::as_str) == Some("to"))
            || (w == "associated"
                && words.get(k + 1).map(String::as_str) == Some("with")
                && !(k >= 1 && words[k - 1] == "being"));
        if linked && !irrealis {
            let s = clause_subject(cx, sent, toks, &words, k).or_else(|| {
                cx.before(sent, t.start, &is_person).filter(|_| {
                    k >= 1 && matches!(words[k - 1].as_str(), "been" | "is" | "was" | "closely")
                })
            });
            let o = near_after(cx, sent, toks, &words, k + 2, &|e| {
                e.kind == EntityType::Organization
            });
            if let (Some(s), Some(o)) = (s, o) {
                let se = cx.entity(s);
                let pred = if is_person(se) {
                    Some(Predicate::AffiliatedWith)
                } else if se.kind == EntityType::Organization {
                    Some(Predicate::CooperatesWith)
                } else {
                    None
                };
                if let Some(p) = pred.filter(|_| s != o) {
                    push(
                        cx,
                        out,
                        s,
                        p,
                        o,
                        polarity(text, toks, k),
                        sent,
                        "verb:linked_to",
                        0.55,
                    );
                }
            }
        }
        // "has received backing from AQIM", "have enjoyed AQIM's
        // continual support": support received is cooperation (who gave
        // money, arms or training the VERBS table reads)
        if matches!(
            w,
            "received" | "receives" | "receiving" | "enjoyed" | "enjoys" | "enjoying" | "got"
        ) {
            let support = |i: usize| {
                matches!(
                    words.get(i).map(String::as_str),
                    Some("support" | "backing" | "assistance" | "help")
                )
            };
            let mut giver = None;
            if let Some(n) = (k + 1..(k + 5).min(toks.len())).find(|&i| support(i)) {
                if (k + 1..n).all(|i| toks[i].kind == TokenKind::Word)
                    && words.get(n + 1).map(String::as_str) == Some("from")
                {
                    giver = near_after(cx, sent, toks, &words, n + 2, &is_org);
                }
            }
            if giver.is_none() {
                // the possessive: "AQIM's continual support"
                let g = cx.in_range(sent).find(|m| {
                    m.span.start == toks.get(k + 1).map_or(usize::MAX, |t| t.start)
                        && is_org(cx.entity(m.entity))
                });
                if let Some(g) = g {
                    let e = toks.partition_point(|t| t.start < g.span.end);
                    if toks.get(e).is_some_and(|t| t.kind == TokenKind::Possessive)
                        && (e + 1..(e + 4).min(toks.len())).any(support)
                    {
                        giver = Some(g.entity);
                    }
                }
            }
            let receiver = clause_subject(cx, sent, toks, &words, k)
                .filter(|&r| cx.entity(r).kind == EntityType::Organization);
            if let (Some(g), Some(r)) = (giver, receiver) {
                if g != r && !irrealis {
                    push(
                        cx,
                        out,
                        r,
                        Predicate::CooperatesWith,
                        g,
                        polarity(text, toks, k),
                        sent,
                        "noun:support_from",
                        0.55,
                    );
                }
            }
            // money received: "received a payment of 400,000 euros from one
            // of the leaders of an AQIM brigade", "received donations from
            // X" (the first group named in the "from" phrase gave it)
            let money = (k + 1..(k + 5).min(toks.len())).find(|&i| {
                matches!(
                    words[i].as_str(),
                    "payment" | "payments" | "money" | "funds" | "donations" | "cash" | "ransom"
                )
            });
            let from =
                money.and_then(|n| (n + 1..(n + 8).min(toks.len())).find(|&i| words[i] == "from"));
            if let Some(f) = from {
                let giver = cx
                    .in_range(sent)
                    .filter(|m| {
                        m.span.start > toks[f].end
                            && cx.entity(m.entity).kind == EntityType::Organization
                    })
                    .min_by_key(|m| m.span.start)
                    .filter(|m| toks.partition_point(|t| t.start < m.span.start) <= f + 9)
                    .map(|m| m.entity);
                let receiver = clause_subject(cx, sent, toks, &words, k)
                    .or_else(|| cx.before(sent, t.start, &is_person));
                if let (Some(g), Some(r)) = (giver, receiver) {
                    if g != r && !irrealis && is_actor(cx.entity(r)) {
                        push(
                            cx,
                            out,
                            g,
                            Predicate::Funds,
                            r,
                            polarity(text, toks, k),
                            sent,
                            "noun:money_from",
                            0.55,
                        );
                    }
                }
            }
        }
        // "an alliance was concluded between Ansar Eddine, MUJAO and
        // AQIM", "the alliance between A and B": each pair is allied
        if matches!(w, "alliance" | "coalition") {
            let bpos = (k + 1..toks.len().min(k + 5))
                .find(|&j| words[j] == "between")
                .filter(|&j| (k + 1..j).all(|x| toks[x].kind == TokenKind::Word));
            if let Some(j) = bpos {
                let gap_ok = |first: usize| first > j && first <= j + 2;
                let list = listed_from(cx, sent, toks[j].end, &is_org);
                let first = list.first().and_then(|&e| {
                    cx.in_range(sent)
                        .filter(|m| m.entity == e && m.span.start >= toks[j].end)
                        .map(|m| toks.partition_point(|t| t.start < m.span.start))
                        .min()
                });
                if list.len() >= 2 && first.is_some_and(gap_ok) && !irrealis {
                    let pol = polarity(text, toks, k);
                    for (x, &a) in list.iter().enumerate() {
                        for &b in &list[x + 1..] {
                            push(
                                cx,
                                out,
                                a,
                                Predicate::AlliedWith,
                                b,
                                pol,
                                sent,
                                "noun:alliance_between",
                                0.6,
                            );
                        }
                    }
                }
            }
        }
        // "Iraqi Kurdish areas bordering Iran are under the control of
        // guerrillas of the PUK": the place that opens the sentence is held
        // by the organisation named right after
        if w == "control"
            && k >= 2
            && words[k - 1] == "the"
            && words[k - 2] == "under"
            && words.get(k + 1).map(String::as_str) == Some("of")
        {
            let holder = cx
                .in_range(sent)
                .filter(|m| {
                    m.span.start > toks[k + 1].end
                        && cx.entity(m.entity).kind == EntityType::Organization
                })
                .min_by_key(|m| m.span.start)
                .filter(|m| toks.partition_point(|x| x.start < m.span.start) <= k + 7)
                .map(|m| m.entity);
            // (the place must be the sentence's subject: "areas bordering
            // Iran are under the control of X" says nothing of Iran)
            let place = cx
                .in_range(sent)
                .filter(|m| m.span.end <= toks[k - 2].start && is_place(cx.entity(m.entity)))
                .min_by_key(|m| m.span.start)
                .filter(|m| toks.partition_point(|x| x.start < m.span.start) <= 1)
                .map(|m| m.entity);
            if let (Some(s), Some(o)) = (holder, place) {
                push(
                    cx,
                    out,
                    s,
                    Predicate::Controls,
                    o,
                    polarity(text, toks, k),
                    sent,
                    "noun:under_control_of",
                    0.6,
                );
            }
        }
        if matches!(
            w,
            "clashes"
                | "fighting"
                | "battles"
                | "war"
                | "hostilities"
                | "conflict"
                | "feud"
                | "confrontation"
                | "confrontations"
        ) && words.get(k + 1).map(String::as_str) == Some("between")
        {
            if let Some((a, b)) = between_pair(cx, sent, toks, &words, k, k + 1) {
                if a != b {
                    push(
                        cx,
                        out,
                        a,
                        Predicate::RivalOf,
                        b,
                        polarity(text, toks, k),
                        sent,
                        "noun:clashes_between",
                        0.6,
                    );
                }
            }
        }
        if matches!(
            w,
            "war" | "insurgency" | "campaign" | "struggle" | "offensive" | "jihad" | "fight"
        ) && words.get(k + 1).map(String::as_str) == Some("against")
        {
            // "the Taliban's war against the government", "X waged an
            // insurgency against Y"
            let owner = (k >= 2 && toks[k - 1].kind == TokenKind::Possessive)
                .then(|| {
                    cx.in_range(sent)
                        .find(|m| m.span.end == toks[k - 2].end && is_org(cx.entity(m.entity)))
                        .map(|m| m.entity)
                })
                .flatten()
                .or_else(|| clause_subject(cx, sent, toks, &words, k));
            let o = near_after(cx, sent, toks, &words, k + 2, &is_org);
            if let (Some(s), Some(o)) = (owner, o) {
                if s != o && !irrealis {
                    push(
                        cx,
                        out,
                        s,
                        Predicate::RivalOf,
                        o,
                        polarity(text, toks, k),
                        sent,
                        "noun:war_against",
                        0.6,
                    );
                }
            }
        }
        // "the DKBA, which is allied with the Rangoon government", "X split
        // from Y in 1994", "X broke away from Y", "X, a breakaway faction
        // of Y": an alliance, or a faction that broke away
        let next = words.get(k + 1).map(String::as_str).unwrap_or_default();
        let next2 = words.get(k + 2).map(String::as_str).unwrap_or_default();
        let tie_with = if matches!(w, "allied" | "allies") && next == "with" {
            Some((Predicate::AlliedWith, k + 2))
        } else if matches!(w, "split" | "splits" | "splintered" | "seceded") && next == "from" {
            Some((Predicate::SplitFrom, k + 2))
        } else if (matches!(w, "broke" | "breaks" | "split" | "splintered")
            && matches!(next, "away" | "off")
            && next2 == "from")
            || (matches!(w, "breakaway" | "splinter")
                && matches!(next, "faction" | "group" | "wing")
                && next2 == "of")
        {
            Some((Predicate::SplitFrom, k + 3))
        } else if matches!(w, "offshoot" | "offshoots" | "outgrowth") && next == "of" {
            // "founded in 2002 as an offshoot of the IMU"
            Some((Predicate::SplitFrom, k + 2))
        } else {
            None
        };
        // "the DKBA, which is allied with … and based in southeast Burma",
        // "An Iranian exile group based in Iraq, the Mujahideen Khalq,":
        // where an organisation said to be based sits (the presence rules
        // read "X fighters based in Y", a name right before the verb)
        if matches!(w, "based" | "headquartered")
            && next == "in"
            && k > 0
            && !cx
                .mentions
                .iter()
                .any(|m| m.span.end == toks[k - 1].end && is_org(cx.entity(m.entity)))
        {
            let mut p = k + 2;
            if words.get(p).map(String::as_str) == Some("the") {
                p += 1;
            }
            while words
                .get(p)
                .is_some_and(|x| crate::text::COMPASS_ADJECTIVES.contains(&x.as_str()))
            {
                p += 1;
            }
            let place = near_after(cx, sent, toks, &words, p, &is_place);
            let group_noun = matches!(
                words[k - 1].as_str(),
                "group" | "organization" | "organisation" | "faction" | "movement" | "militia"
            );
            let subj = if group_noun {
                // the name in apposition after the place
                place.and_then(|pl| {
                    let pl_end = cx
                        .mentions
                        .iter()
                        .filter(|m| m.entity == pl && m.span.start >= t.end)
                        .map(|m| m.span.end)
                        .min()?;
                    let j = toks.partition_point(|x| x.start < pl_end);
                    (words.get(j).map(String::as_str) == Some(","))
                        .then(|| near_after(cx, sent, toks, &words, j + 1, &is_org))
                        .flatten()
                })
            } else if matches!(words[k - 1].as_str(), "is" | "are" | "was" | "were" | "and") {
                clause_subject(cx, sent, toks, &words, k)
            } else {
                None
            };
            if let (Some(s), Some(o)) = (subj, place) {
                if !irrealis && cx.entity(s).kind == EntityType::Organization {
                    push(
                        cx,
                        out,
                        s,
                        Predicate::OperatesIn,
                        o,
                        polarity(text, toks, k),
                        sent,
                        "verb:based_in",
                        0.65,
                    );
                }
            }
        }
        if let Some((pred, j)) = tie_with {
            let subj = if pred == Predicate::SplitFrom && matches!(w, "breakaway" | "splinter") {
                // "X, a breakaway faction of Y": the apposition's head
                cx.before(sent, t.start, &is_org).filter(|&s| {
                    cx.mentions.iter().any(|m| {
                        m.entity == s
                            && m.span.end <= t.start
                            && text[m.span.end..t.start]
                                .trim()
                                .trim_start_matches(',')
                                .split_whitespace()
                                .all(|x| matches!(x, "a" | "an" | "the"))
                    })
                })
            } else {
                // ("the DKBA, which is … based in southeast Burma, split
                // from": a place is no party to a split)
                clause_subject(cx, sent, toks, &words, k)
                    .filter(|&s| cx.entity(s).kind == EntityType::Organization)
                    .or_else(|| {
                        cx.in_range(sent)
                            .find(|m| {
                                m.span.end <= t.start
                                    && cx.entity(m.entity).kind == EntityType::Organization
                            })
                            .map(|m| m.entity)
                    })
            };
            let obj = near_after(cx, sent, toks, &words, j, &is_org);
            if let (Some(s), Some(o)) = (subj, obj) {
                if is_org(cx.entity(s)) && !irrealis {
                    push(
                        cx,
                        out,
                        s,
                        pred,
                        o,
                        polarity(text, toks, k),
                        sent,
                        if pred == Predicate::AlliedWith {
                            "verb:allied_with"
                        } else {
                            "verb:split_from"
                        },
                        0.7,
                    );
                }
            }
        }
        // "the armed insurgents", "heavily armed men": "armed" the adjective
        let armed_adjective = w == "armed"
            && (k > 0
                && matches!(
                    words[k - 1].as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "heavily"
                        | "well"
                        | "lightly"
                        | "all"
                        | "two"
                        | "three"
                        | "several"
                        | "many"
                        | "some"
                        | "other"
                        | "and"
                        | "were"
                        | "was"
                )
                || words.get(k + 1).is_some_and(|n| {
                    matches!(
                        n.as_str(),
                        "men"
                            | "man"
                            | "militants"
                            | "insurgents"
                            | "group"
                            | "groups"
                            | "forces"
                            | "fighters"
                            | "gunmen"
                            | "individual"
                            | "individuals"
                            | "robbery"
                            | "conflict"
                            | "struggle"
                            | "wing"
                            | "attack"
                            | "assault"
                            | "rebels"
                            | "guards"
                            | "police"
                            | "with"
                    )
                }));
        // "small arms fire", "an arms cache": "arms" the noun
        let arms_noun = w == "arms"
            && (k > 0
                && matches!(
                    words[k - 1].as_str(),
                    "small" | "heavy" | "light" | "of" | "the"
                )
                || words.get(k + 1).is_some_and(|n| {
                    matches!(
                        n.as_str(),
                        "fire"
                            | "cache"
                            | "caches"
                            | "dealer"
                            | "dealers"
                            | "deal"
                            | "deals"
                            | "embargo"
                            | "smuggling"
                            | "trafficking"
                            | "race"
                            | "control"
                    )
                }));
        for (forms, pred) in VERBS {
            if !forms.contains(&w) || arms_noun || armed_adjective {
                continue;
            }
            let pol = polarity(text, toks, k);
            match pred {
                Predicate::IntegratedInto => {
                    // "X members are embedded in Y units"
                    if matches!(
                        words.get(k + 1).map(String::as_str),
                        Some("in" | "into" | "within")
                    ) {
                        if let (Some(s), Some(o)) = (
                            cx.before(sent, t.start, &is_org),
                            cx.after(sent, t.end, &is_org),
                        ) {
                            push(
                                cx,
                                out,
                                s,
                                *pred,
                                o,
                                pol,
                                sent,
                                "verb:integrated_into",
                                0.75,
                            );
                        }
                    }
                }
                Predicate::CooperatesWith | Predicate::NegotiatesWith => {
                    // "consulted with Y": the object follows "with" (or directly)
                    // (a closing quote may follow: "“regularly consulted” with")
                    let mut k1 = k + 1;
                    while k1 < toks.len() && matches!(words[k1].as_str(), "”" | "\"" | "’" | "'")
                    {
                        k1 += 1;
                    }
                    let j = if words.get(k1).map(String::as_str) == Some("with") {
                        k1 + 1
                    } else {
                        k1
                    };
                    // "a negotiated settlement": an adjective, no act
                    let adjective =
                        k > 0 && matches!(words[k - 1].as_str(), "a" | "an" | "the" | "any" | "no");
                    if j < toks.len() && !adjective {
                        if let (Some(s), Some(o)) = (
                            clause_subject(cx, sent, toks, &words, k),
                            near_after(cx, sent, toks, &words, j, &is_org),
                        ) {
                            if !irrealis || pol != Polarity::Asserted {
                                let also = coordinated_with(cx, sent, o, toks[j].start, &is_org);
                                for o in std::iter::once(o).chain(also) {
                                    push(
                                        cx,
                                        out,
                                        s,
                                        *pred,
                                        o,
                                        pol,
                                        sent,
                                        "verb:cooperates_with",
                                        0.7,
                                    );
                                }
                            }
                        }
                    }
                }
                Predicate::Hosts
                | Predicate::Trains
                | Predicate::Advises
                | Predicate::Funds
                | Predicate::Supplies => {
                    // "-ing" forms after "who are": the subject is the
                    // actor before "who"; plain verbs: the actor before,
                    // unless it is the object of a preposition ("associated
                    // with Al-Qaida or the Taliban for supplying arms to X")
                    // "its members training in Al-Qaida camps": a place
                    // of training, not its trainee
                    if matches!(
                        words.get(k + 1).map(String::as_str),
                        Some("in" | "at" | "inside" | "near")
                    ) {
                        continue;
                    }
                    // "received training from JI instructors", "were
                    // trained by Al-Qaeda", "funding from AQIM": the giver
                    // follows, the receivers come before (a person's own
                    // groups when the receiver named is a person:
                    // "Dellosa, with other RSM and ASG members, received
                    // training from JI")
                    if matches!(words.get(k + 1).map(String::as_str), Some("from" | "by")) {
                        let giver = near_after(cx, sent, toks, &words, k + 2, &|e| {
                            e.kind == EntityType::Organization
                                || (is_person(e) && *pred == Predicate::Funds)
                        });
                        let receivers: Vec<usize> = match clause_subject(cx, sent, toks, &words, k)
                        {
                            Some(r) if !is_person(cx.entity(r)) => vec![r],
                            _ => {
                                let mut v: Vec<usize> = cx
                                    .in_range(sent)
                                    .filter(|m| {
                                        m.span.end <= t.start
                                            && cx.entity(m.entity).kind == EntityType::Organization
                                    })
                                    .map(|m| m.entity)
                                    .collect();
                                v.dedup();
                                v
                            }
                        };
                        if let Some(g) = giver.filter(|_| !irrealis) {
                            for r in receivers {
                                if r != g {
                                    push(
                                        cx,
                                        out,
                                        g,
                                        *pred,
                                        r,
                                        pol,
                                        sent,
                                        "noun:support_from",
                                        0.65,
                                    );
                                }
                            }
                        }
                        continue;
                    }
                    let s = support_subject(cx, sent, toks, &words, k).filter(|&s| {
                        !is_person(cx.entity(s))
                            || matches!(pred, Predicate::Funds | Predicate::Advises)
                    });
                    let o = cx
                        .after(sent, t.end, &is_actor)
                        .map(|o| titled_person(cx, sent, toks, &words, o, t.end).unwrap_or(o));
                    if let (Some(s), Some(o)) = (s, o) {
                        // the object must follow closely (a few words)
                        let o_start = cx
                            .mentions
                            .iter()
                            .filter(|m| m.entity == o && m.span.start >= t.end)
                            .map(|m| m.span.start)
                            .min()
                            .unwrap_or(usize::MAX);
                        let gap_words = text
                            .get(t.end..o_start)
                            .map_or(99, |g| g.split_whitespace().count());
                        if gap_words <= 5 && (!irrealis || words.iter().take(k).any(|x| x == "for"))
                        {
                            push(cx, out, s, *pred, o, pol, sent, "verb:support", 0.75);
                        }
                    }
                }
                Predicate::FounderOf | Predicate::LeaderOf
                    if words.get(k + 1).map(String::as_str) == Some("by") =>
                {
                    // passive: "X was founded by Y" — Y must be named right
                    // after "by" ("founded by Pakistani scientists with ties
                    // to the Taliban" names no founder)
                    let by_end = toks[k + 1].end;
                    let founder = cx
                        .in_range(sent)
                        .filter(|m| m.span.start >= by_end)
                        .min_by_key(|m| m.span.start)
                        .filter(|m| {
                            text.get(by_end..m.span.start)
                                .is_some_and(|g| g.split_whitespace().count() <= 1)
                                && is_person(cx.entity(m.entity))
                        })
                        .map(|m| m.entity);
                    if let (Some(s), Some(o)) = (founder, cx.before(sent, t.start, &is_org)) {
                        push(cx, out, s, *pred, o, pol, sent, "verb:founded_by", 0.7);
                    }
                }
                Predicate::FounderOf | Predicate::LeaderOf => {
                    if let (Some(s), Some(o)) = (
                        cx.before(sent, t.start, &is_person),
                        cx.after(sent, t.end, &is_org),
                    ) {
                        push(cx, out, s, *pred, o, pol, sent, "verb:leads", 0.7);
                    }
                }
                Predicate::AlliedWith => {
                    // "X had pledged allegiance to Islamic State", "swore
                    // loyalty to": a person joins the group, a group allies
                    // with it ("pledged to end its cooperation" is no tie)
                    let oath = (k + 1..(k + 3).min(toks.len())).find(|&j| {
                        matches!(words[j].as_str(), "allegiance" | "loyalty" | "fealty")
                    });
                    let to = oath.filter(|&j| words.get(j + 1).map(String::as_str) == Some("to"));
                    let named = |e: &DocEntity| {
                        matches!(e.kind, EntityType::Person | EntityType::Organization)
                    };
                    // "Chérif Chekatt – shot dead by police – had pledged":
                    // the actor outside a parenthetical between dashes
                    let dashes: Vec<usize> = toks[..k]
                        .iter()
                        .filter(|d| matches!(d.text(text), "–" | "—" | "--"))
                        .map(|d| d.start)
                        .collect();
                    let aside = |pos: usize| {
                        dashes
                            .chunks(2)
                            .any(|p| p.len() == 2 && p[0] < pos && pos < p[1])
                    };
                    let subj = cx
                        .in_range(sent)
                        .filter(|m| {
                            m.span.end <= t.start
                                && named(cx.entity(m.entity))
                                && !aside(m.span.start)
                        })
                        .max_by_key(|m| m.span.end)
                        .map(|m| m.entity)
                        .or_else(|| {
                            (k > 0 && matches!(words[k - 1].as_str(), "he" | "she"))
                                .then_some(last_person)
                                .flatten()
                        });
                    if let (Some(j), Some(s)) = (to, subj) {
                        let obj = near_after(cx, sent, toks, &words, j + 2, &is_org);
                        if let Some(o) = obj {
                            let p = if is_person(cx.entity(s)) {
                                Predicate::MemberOf
                            } else {
                                Predicate::AlliedWith
                            };
                            push(cx, out, s, p, o, pol, sent, "verb:pledged_allegiance", 0.75);
                        }
                    }
                }
                _ => {}
            }
        }
        // "Deir ez-Zor, which is controlled by the Kurdish-led Syrian
        // Democratic Forces": the place before, the actor right after "by"
        if matches!(w, "controlled" | "held" | "occupied" | "administered")
            && words.get(k + 1).map(String::as_str) == Some("by")
            && k >= 2
            && matches!(
                words[k - 1].as_str(),
                "is" | "was" | "are" | "were" | "be" | "now"
            )
        {
            let by_end = toks[k + 1].end;
            let ctrl = cx
                .in_range(sent)
                .filter(|m| m.span.start >= by_end)
                .min_by_key(|m| m.span.start)
                .filter(|m| {
                    text.get(by_end..m.span.start)
                        .is_some_and(|g| g.split_whitespace().count() <= 2)
                        && is_org(cx.entity(m.entity))
                })
                .map(|m| m.entity);
            let place = cx.before(sent, t.start, &is_place);
            if let (Some(s), Some(o)) = (ctrl, place) {
                let pol = polarity(text, toks, k);
                push(
                    cx,
                    out,
                    s,
                    Predicate::Controls,
                    o,
                    pol,
                    sent,
                    "verb:controlled_by",
                    0.65,
                );
            }
        }
        // "the KDP had taken control of the main northern Iraqi city of
        // Arbil", "the Taliban seized control of Ghazni": the subject holds
        // the place; "Tajik government troops now control the town of
        // Tavildara": the verb says it
        let take_control = w == "control"
            && words.get(k + 1).map(String::as_str) == Some("of")
            && k >= 1
            && matches!(
                words[k - 1].as_str(),
                "took"
                    | "taken"
                    | "take"
                    | "takes"
                    | "seized"
                    | "seize"
                    | "gained"
                    | "won"
                    | "wrested"
                    | "retook"
                    | "regained"
                    | "assumed"
                    | "full"
                    | "complete"
                    | "effective"
                    | "firm"
                    | "have"
                    | "has"
                    | "had"
            );
        let verb_control = matches!(w, "control" | "controls" | "controlled")
            && !matches!(
                words.get(k + 1).map(String::as_str),
                Some("of" | "over" | "by" | "for" | "to" | "," | ".")
            )
            && k >= 1
            && {
                // right after the actor's name, or after "now"/"still"
                let mut j = k;
                if matches!(
                    words[j - 1].as_str(),
                    "now" | "still" | "effectively" | "largely" | "already"
                ) {
                    j -= 1;
                }
                j >= 1
                    && cx
                        .in_range(sent)
                        .any(|m| m.span.end == toks[j - 1].end && is_org(cx.entity(m.entity)))
            };
        if (take_control || verb_control) && !irrealis {
            let from = if take_control { toks[k + 1].end } else { t.end };
            let place = cx
                .in_range(sent)
                .filter(|m| m.span.start >= from && is_place(cx.entity(m.entity)))
                .min_by_key(|m| m.span.start)
                .filter(|m| {
                    let gap = &text[from..m.span.start];
                    gap.split_whitespace().count() <= 6
                        && !gap.contains([',', ';'])
                        && !gap
                            .split_whitespace()
                            .any(|x| matches!(x, "and" | "or" | "near" | "from"))
                })
                .map(|m| m.entity);
            if let (Some(s), Some(o)) = (clause_subject(cx, sent, toks, &words, k), place) {
                if cx.entity(s).kind == EntityType::Organization {
                    push(
                        cx,
                        out,
                        s,
                        Predicate::Controls,
                        o,
                        polarity(text, toks, k),
                        sent,
                        "verb:took_control",
                        0.6,
                    );
                }
            }
        }
        // "Deir ez-Zor ... lie in Syrian government hands": the sentence's
        // first place is in the actor's hands
        if w == "hands" && k >= 2 {
            let owner = cx
                .in_range(sent)
                .find(|m| m.span.end == toks[k - 1].end && is_org(cx.entity(m.entity)))
                .map(|m| m.entity);
            let m_start = owner.and_then(|o| {
                cx.in_range(sent)
                    .find(|m| m.entity == o && m.span.end == toks[k - 1].end)
                    .map(|m| m.span.start)
            });
            let in_before = m_start.is_some_and(|st| {
                text[sent.start..st]
                    .trim_end()
                    .rsplit(char::is_whitespace)
                    .next()
                    .is_some_and(|x| x == "in")
            });
            let place = cx
                .in_range(sent)
                .filter(|m| m.span.end <= t.start && is_place(cx.entity(m.entity)))
                .min_by_key(|m| m.span.start)
                .map(|m| m.entity);
            if let (Some(s), Some(o), true) = (owner, place, in_before) {
                let pol = polarity(text, toks, k);
                push(
                    cx,
                    out,
                    s,
                    Predicate::Controls,
                    o,
                    pol,
                    sent,
                    "noun:in_hands",
                    0.6,
                );
            }
        }
        // "Russia's foray into Syria", "the group's presence in Kunar": an
        // actor's operations in a place
        if matches!(
            w,
            "foray"
                | "forays"
                | "intervention"
                | "deployment"
                | "presence"
                | "incursion"
                | "incursions"
                | "operations"
                | "involvement"
        ) && k >= 2
            && toks[k - 1].kind == TokenKind::Possessive
            && matches!(words.get(k + 1).map(String::as_str), Some("in" | "into"))
        {
            let actor = cx
                .in_range(sent)
                .find(|m| m.span.end == toks[k - 2].end && is_actor(cx.entity(m.entity)))
                .map(|m| m.entity);
            let place = near_after(cx, sent, toks, &words, k + 2, &is_place);
            if let (Some(s), Some(o)) = (actor, place) {
                let pol = polarity(text, toks, k);
                push(
                    cx,
                    out,
                    s,
                    Predicate::OperatesIn,
                    o,
                    pol,
                    sent,
                    "noun:operations_in",
                    0.6,
                );
            }
        }
        // "Taliban-controlled district of Ghazni Province"
        if let Some(prefix) = crate::ner::led_prefix(t.text(text)) {
            let tail = &t.text(text)[prefix.len() + 1..];
            if tail.eq_ignore_ascii_case("controlled") || tail.eq_ignore_ascii_case("held") {
                let s = cx
                    .mentions
                    .iter()
                    .find(|m| m.span.start == t.start && is_org(cx.entity(m.entity)))
                    .map(|m| m.entity);
                let o = cx.after(sent, t.end, &is_place);
                if let (Some(s), Some(o)) = (s, o) {
                    push(
                        cx,
                        out,
                        s,
                        Predicate::Controls,
                        o,
                        Polarity::Asserted,
                        sent,
                        "compound:controlled",
                        0.6,
                    );
                }
            }
            // "the Al-Qaeda-linked militant Abu Mussab al-Zarqawi", "the
            // Taliban-allied Haqqani network": the modifier names the group
            // the next name (after at most three lower-case words) belongs to
            let tail = tail.to_ascii_lowercase();
            let link = matches!(
                tail.as_str(),
                "linked" | "affiliated" | "aligned" | "allied" | "backed" | "supported"
            );
            let head = cx
                .mentions
                .iter()
                .find(|m| m.span.start == t.start && is_org(cx.entity(m.entity)))
                .map(|m| m.entity);
            if let (true, Some(s)) = (link, head) {
                let next = cx
                    .in_range(sent)
                    .filter(|m| m.span.start >= t.end)
                    .min_by_key(|m| m.span.start);
                let gap_ok = next.is_some_and(|m| {
                    let gap = &text[t.end..m.span.start];
                    let ws: Vec<&str> = gap.split_whitespace().collect();
                    // lower-case words ending in a noun naming the kind of
                    // actor: "militant", "Islamist group", "rebel commander"
                    ws.len() <= 3
                        && ws.iter().all(|w| {
                            w.chars().all(|c| c.is_lowercase() || c == '-')
                                && !matches!(*w, "and" | "or" | "of" | "in" | "to" | "by")
                        })
                        && ws.last().is_none_or(|w| {
                            matches!(
                                w.trim_end_matches('s'),
                                "militant"
                                    | "group"
                                    | "leader"
                                    | "commander"
                                    | "cleric"
                                    | "network"
                                    | "faction"
                                    | "movement"
                                    | "organization"
                                    | "organisation"
                                    | "militia"
                                    | "insurgent"
                                    | "fighter"
                                    | "figure"
                                    | "chief"
                                    | "preacher"
                                    | "outfit"
                                    | "rebel"
                                    | "extremist"
                                    | "jihadist"
                                    | "terrorist"
                                    | "ideologue"
                                    | "financier"
                                    | "operative"
                                    | "warlord"
                                    | "party"
                                    | "force"
                                    | "brigade"
                            )
                        })
                });
                if let (true, Some(m)) = (gap_ok, next) {
                    let o = cx.entity(m.entity);
                    let pred = if is_person(o) {
                        match tail.as_str() {
                            "backed" | "supported" => None,
                            _ => Some(Predicate::AffiliatedWith),
                        }
                    } else if is_org(o) {
                        match tail.as_str() {
                            "allied" => Some(Predicate::AlliedWith),
                            "backed" | "supported" => Some(Predicate::CooperatesWith),
                            _ => Some(Predicate::AffiliateOf),
                        }
                    } else {
                        None
                    };
                    if let Some(p) = pred.filter(|_| m.entity != s) {
                        push(
                            cx,
                            out,
                            m.entity,
                            p,
                            s,
                            Polarity::Asserted,
                            sent,
                            "compound:linked",
                            0.55,
                        );
                    }
                }
            }
        }
    }
}

/// The actor that governs a trigger at token `k`: the nearest actor before
/// it that is not the object of a preposition ("the Taliban had consulted
/// with Al-Qaeda during negotiations" → the Taliban).
fn clause_subject(
    cx: &Ctx<'_>,
    sent: &Range<usize>,
    toks: &[Token],
    words: &[String],
    k: usize,
) -> Option<usize> {
    let trigger = toks[k].start;
    let mentions: Vec<Range<usize>> = cx.in_range(sent).map(|m| m.span.clone()).collect();
    cx.in_range(sent)
        .filter(|m| m.span.end <= trigger && is_org(cx.entity(m.entity)))
        .filter(|m| {
            let mut i = toks.partition_point(|t| t.start < m.span.start);
            // a list under one preposition: "associated with Al-Qaida,
            // Usama bin Laden or the Taliban" — walk back over the other
            // names, commas, "and"/"or" and "the" to the word before it
            while let Some(j) = i.checked_sub(1) {
                let w = words[j].as_str();
                let in_name = mentions
                    .iter()
                    .any(|r| r.start <= toks[j].start && toks[j].end <= r.end);
                let joiner = matches!(w, "," | "and" | "or" | "the");
                if !(in_name || joiner) {
                    break;
                }
                // only a list: a joiner or name must lead to another name
                let listed = in_name || mentions.iter().any(|r| r.end <= toks[j].start);
                if !listed {
                    break;
                }
                i = j;
            }
            let i = if i < toks.len()
                && toks.partition_point(|t| t.start < m.span.start) != i
                && !matches!(
                    words.get(i.wrapping_sub(1)).map(String::as_str),
                    Some(
                        "with"
                            | "to"
                            | "by"
                            | "against"
                            | "from"
                            | "of"
                            | "for"
                            | "toward"
                            | "towards"
                            | "on"
                    )
                ) {
                // the walk did not end at a preposition: judge the name alone
                toks.partition_point(|t| t.start < m.span.start)
            } else {
                i
            };
            let prev = (0..i)
                .rev()
                .find(|&j| toks[j].kind != TokenKind::Punct || words[j] == ",");
            let prev_w = prev.map(|j| words[j].as_str());
            // skip "the" between the preposition and the name
            let prev_w = match (prev, prev_w) {
                (Some(j), Some("the")) if j > 0 => Some(words[j - 1].as_str()),
                _ => prev_w,
            };
            // the object of a verb: "has supported the Taliban and
            // financed Al-Qaida"
            let object_of_verb = prev_w.is_some_and(|w| {
                w.len() > 4
                    && w.ends_with("ed")
                    && !matches!(w, "based" | "armed" | "named" | "called" | "so-called")
                    && !w.ends_with("-led")
            });
            !object_of_verb
                && !matches!(
                    prev_w,
                    Some(
                        "with"
                            | "to"
                            | "by"
                            | "against"
                            | "from"
                            | "of"
                            | "for"
                            | "toward"
                            | "towards"
                            | "on"
                            | "in"
                            | "at"
                            | "into"
                            | "inside"
                            | "near"
                            | "across"
                            | "throughout"
                            | "within"
                    )
                )
        })
        .map(|m| (m.span.end, m.entity))
        .max()
        .filter(|&(end, _)| {
            // "to capture the facilitator, who has direct ties to X": a
            // relative clause between the name and the verb is about the
            // word before "who", which must be that name
            let from = toks.partition_point(|t| t.start < end);
            match (from..k)
                .rev()
                .find(|&j| matches!(words[j].as_str(), "who" | "whose"))
            {
                Some(j) => {
                    let mut a = j;
                    while a > 0 && words[a - 1] == "," {
                        a -= 1;
                    }
                    a > 0 && toks[a - 1].end == end
                }
                None => true,
            }
        })
        .map(|(_, e)| e)
}

/// The two actors a verb at token `k` has as its coordinated subject: "X
/// and Y agreed", "he and rebel military leader Y agreed" (a pronoun is the
/// person named last before it), "India and Pakistan have fought" (past
/// "have"/"had" and a time word or two). The second name may follow at
/// most four lower-case words of its role after "and".
fn coordinated_pair(
    cx: &Ctx<'_>,
    sent: &Range<usize>,
    toks: &[Token],
    words: &[String],
    k: usize,
    last_person: Option<usize>,
) -> Option<(usize, usize)> {
    let text = cx.text;
    // back over auxiliaries and a time phrase to the subject's end
    let mut j = k;
    while j > 0
        && matches!(
            words[j - 1].as_str(),
            "have" | "had" | "has" | "also" | "now" | "finally" | "jointly" | "both" | "already"
        )
    {
        j -= 1;
    }
    let end = toks.get(j.checked_sub(1)?)?.end;
    let ym = cx
        .in_range(sent)
        .filter(|m| m.span.end == end && is_actor(cx.entity(m.entity)))
        .max_by_key(|m| m.span.end - m.span.start)?;
    let mut i = toks.partition_point(|t| t.start < ym.span.start);
    // role words of the second ("rebel military leader")
    let mut roles = 0;
    while i > 0
        && roles < 4
        && words[i - 1] != "and"
        && toks[i - 1].kind == TokenKind::Word
        && toks[i - 1]
            .text(text)
            .chars()
            .all(|c| c.is_lowercase() || c == '-')
    {
        i -= 1;
        roles += 1;
    }
    if i == 0 || words[i - 1] != "and" {
        return None;
    }
    let and_at = i - 1;
    if and_at == 0 {
        return None;
    }
    let x = if matches!(words[and_at - 1].as_str(), "he" | "she") {
        cx.before(sent, toks[and_at - 1].start, &is_person)
            .or(last_person)
    } else {
        let xend = toks[and_at - 1].end;
        cx.in_range(sent)
            .filter(|m| m.span.end == xend && is_actor(cx.entity(m.entity)))
            .max_by_key(|m| m.span.end - m.span.start)
            .map(|m| m.entity)
    }?;
    // not a list of three ("A, B and C agreed")
    let first = toks.partition_point(|t| {
        t.start
            < cx.mentions
                .iter()
                .find(|m| m.entity == x)
                .map_or(0, |m| m.span.start)
    });
    if first > 0
        && first <= and_at
        && words.get(first.saturating_sub(1)).map(String::as_str) == Some(",")
    {
        return None;
    }
    (x != ym.entity).then_some((x, ym.entity))
}

/// The first accepted actor starting at token `j` or within the next three
/// tokens (determiners and modifiers of its phrase), not further.
/// "… between X and Y" after the noun at token `k` (`k + 1` is
/// "between", or a few words on at `bpos`): the two actors, each named
/// right where expected.
fn between_pair(
    cx: &Ctx<'_>,
    sent: &Range<usize>,
    toks: &[Token],
    words: &[String],
    k: usize,
    bpos: usize,
) -> Option<(usize, usize)> {
    // (talks between people: "between Russian peacemaker Alexander Lebed
    // and rebel chief-of-staff Aslan Maskhadov", past their titles)
    let talks = matches!(
        words[k].as_str(),
        "talks" | "negotiations" | "dialogue" | "agreement" | "ceasefire" | "truce" | "deal"
    );
    let party = |e: &DocEntity| is_org(e) || (talks && is_person(e));
    if talks {
        let x = cx
            .in_range(sent)
            .filter(|m| m.span.start >= toks[bpos].end && party(cx.entity(m.entity)))
            .min_by_key(|m| m.span.start)?;
        let gap1 = &cx.text[toks[bpos].end..x.span.start];
        let ok1 = gap1.split_whitespace().count() <= 3
            && gap1
                .split_whitespace()
                .all(|g| !g.contains(',') && g != "and");
        let y = cx
            .in_range(sent)
            .filter(|m| m.span.start >= x.span.end && party(cx.entity(m.entity)))
            .min_by_key(|m| m.span.start)?;
        let gap2 = &cx.text[x.span.end..y.span.start];
        let mut g2 = gap2.split_whitespace();
        let ok2 = g2.next() == Some("and") && gap2.split_whitespace().count() <= 4;
        if ok1 && ok2 && x.entity != y.entity {
            return Some((x.entity, y.entity));
        }
    }
    let a = near_after(cx, sent, toks, words, bpos + 1, &is_org)?;
    let am = cx
        .in_range(sent)
        .filter(|m| m.entity == a && m.span.start >= toks[bpos].end)
        .min_by_key(|m| m.span.start)?;
    let i = toks.partition_point(|x| x.start < am.span.end);
    if words.get(i).map(String::as_str) != Some("and") {
        return None;
    }
    let b = near_after(cx, sent, toks, words, i + 1, &is_org)?;
    Some((a, b))
}

fn near_after(
    cx: &Ctx<'_>,
    sent: &Range<usize>,
    toks: &[Token],
    words: &[String],
    j: usize,
    ok: &dyn Fn(&DocEntity) -> bool,
) -> Option<usize> {
    let start = toks.get(j)?.start;
    let m = cx
        .in_range(sent)
        .filter(|m| m.span.start >= start && ok(cx.entity(m.entity)))
        .min_by_key(|m| m.span.start)?;
    let first = toks.partition_point(|t| t.start < m.span.start);
    let gap_ok = first >= j
        && first - j <= 3
        && (j..first).all(|x| {
            toks[x].kind == TokenKind::Word
                && !matches!(
                    words[x].as_str(),
                    // "coordinates attacks against Afghan forces": an
                    // actor opposed, never the partner
                    "and" | "or" | "but" | "despite" | "while" | "against" | "targeting"
                )
        });
    gap_ok.then_some(m.entity)
}

/// The actor coordinated with `o` right after it ("with the British
/// government and the Northern Ireland Office"): "and" (or a comma) and at
/// most "the" between the two names.
/// The names listed from the first accepted mention at or after byte
/// `from`: "Ansar Eddine, MUJAO and AQIM", "the French and Malian armed
/// forces" (joined by commas, "and", "or", "the"); at most six.
fn listed_from(
    cx: &Ctx<'_>,
    sent: &Range<usize>,
    from: usize,
    ok: &dyn Fn(&DocEntity) -> bool,
) -> Vec<usize> {
    let ms: Vec<&M> = cx.in_range(sent).filter(|m| m.span.start >= from).collect();
    let mut out: Vec<usize> = Vec::new();
    let mut end = from;
    for m in ms {
        if m.span.start < end {
            continue; // nested in the previous name
        }
        let gap = cx.text.get(end..m.span.start).unwrap_or("x").trim();
        let joined = out.is_empty()
            || gap
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|g| !g.is_empty())
                .all(|g| matches!(g, "and" | "or" | "the"));
        if !joined || !ok(cx.entity(m.entity)) || out.len() >= 6 {
            break;
        }
        if !out.contains(&m.entity) {
            out.push(m.entity);
        }
        end = m.span.end;
    }
    out
}

/// The people listed from token `t0` on ("Khadafi Janjalani and Jainal
/// Antel Sali", "X and Y"), when the first of them is named right there;
/// empty otherwise.
fn people_listed_at(cx: &Ctx<'_>, sent: &Range<usize>, t0: &Token) -> Vec<usize> {
    let people = listed_from(cx, sent, t0.start, &is_person);
    let starts_there = people.first().is_some_and(|&p| {
        cx.in_range(sent)
            .any(|x| x.entity == p && x.span.start == t0.start)
    });
    if starts_there {
        people
    } else {
        Vec::new()
    }
}

fn coordinated_with(
    cx: &Ctx<'_>,
    sent: &Range<usize>,
    o: usize,
    from: usize,
    ok: &dyn Fn(&DocEntity) -> bool,
) -> Option<usize> {
    let om = cx
        .in_range(sent)
        .filter(|m| m.entity == o && m.span.start >= from)
        .min_by_key(|m| m.span.start)?;
    let next = cx
        .in_range(sent)
        .filter(|m| m.span.start >= om.span.end)
        .min_by_key(|m| m.span.start)?;
    let gap = cx.text.get(om.span.end..next.span.start)?.trim();
    let joined = matches!(
        gap,
        "and" | "and the" | "or" | "or the" | ", and" | ", and the"
    );
    (joined && next.entity != o && ok(cx.entity(next.entity))).then_some(next.entity)
}

/// The giver of support (hosts, trains, funds, supplies, provides) at
/// trigger `k`:
/// - after "who"/"which": the antecedent right before the pronoun, not a
///   place ("fighters of Al-Qaeda who are training", but "an NGO based in
///   Pakistan which has provided" names no giver);
/// - "toppled the Taliban regime for harboring X": the actor right before
///   "for" (the object of the main verb does the harbouring);
/// - else the clause's subject ([`clause_subject`]: not the object of a
///   preposition or of a verb).
fn support_subject(
    cx: &Ctx<'_>,
    sent: &Range<usize>,
    toks: &[Token],
    words: &[String],
    k: usize,
) -> Option<usize> {
    // a relative pronoun with no actor of its own before the trigger
    // ("found that the Taliban hosts" is a complement clause)
    let relative = (k.saturating_sub(6)..k)
        .rev()
        .find(|&r| matches!(words[r].as_str(), "who" | "which" | "that"))
        .filter(|&r| {
            !cx.in_range(sent).any(|m| {
                m.span.start >= toks[r].end
                    && m.span.end <= toks[k].start
                    && is_org(cx.entity(m.entity))
            })
        });
    if let Some(r) = relative {
        // "X, who provided financial support to Y": a person may fund
        // (the caller keeps a person only where the predicate allows one)
        let m = cx
            .in_range(sent)
            .filter(|m| m.span.end <= toks[r].start && is_actor(cx.entity(m.entity)))
            .max_by_key(|m| m.span.end)?;
        let e = cx.entity(m.entity);
        let i = toks.partition_point(|t| t.start < m.span.start);
        let spatial = i > 0
            && matches!(
                words[i - 1].as_str(),
                "in" | "at" | "from" | "near" | "across" | "inside" | "within"
            );
        return (!(e.kind == EntityType::Location && spatial)).then_some(m.entity);
    }
    if k > 0 && words[k].ends_with("ing") && words[k - 1] == "for" {
        return cx.before(sent, toks[k].start, &is_org);
    }
    clause_subject(cx, sent, toks, words, k)
}

/// "Al-Qaeda founder Osama bin Laden" after a verb: the object is the
/// person the organisation's title introduces.
fn titled_person(
    cx: &Ctx<'_>,
    sent: &Range<usize>,
    toks: &[Token],
    words: &[String],
    org: usize,
    from: usize,
) -> Option<usize> {
    let m = cx
        .in_range(sent)
        .find(|m| m.entity == org && m.span.start >= from)?;
    let mut i = toks.partition_point(|t| t.start < m.span.end);
    let start = i;
    while i < toks.len()
        && i - start < 3
        && matches!(
            words[i].as_str(),
            "founder"
                | "leader"
                | "chief"
                | "commander"
                | "head"
                | "member"
                | "spokesman"
                | "spokesperson"
                | "operative"
                | "senior"
        )
    {
        i += 1;
    }
    if i == start {
        return None;
    }
    let at = toks.get(i)?.start;
    let p = cx
        .in_range(sent)
        .find(|p| p.span.start == at && is_person(cx.entity(p.entity)))?;
    Some(p.entity)
}

/// "CNN's Jake Tapper", "the Taliban's Zabihullah Mujahid": a person named
/// right after an organisation's possessive works for it: a member of an
/// armed group, otherwise affiliated with the organisation. (Countries are
/// left out: "Afghanistan's Ashraf Ghani" says nothing of the kind.)
fn possessive_ties(cx: &Ctx<'_>, out: &mut Vec<TieOut>) {
    for pair in cx.mentions.windows(2) {
        let (o, p) = (&pair[0], &pair[1]);
        let org = cx.entity(o.entity);
        if org.kind != EntityType::Organization || !is_person(cx.entity(p.entity)) {
            continue;
        }
        let gap = cx.text.get(o.span.end..p.span.start).unwrap_or_default();
        if !matches!(gap, "'s " | "’s ") {
            continue;
        }
        let Some(sent) = cx
            .ents
            .analysis
            .sentences
            .iter()
            .find(|s| s.start <= o.span.start && p.span.end <= s.end)
        else {
            continue;
        };
        let pred = if org.subtype.as_deref() == Some("armed_group") {
            Predicate::MemberOf
        } else {
            Predicate::AffiliatedWith
        };
        push(
            cx,
            out,
            p.entity,
            pred,
            o.entity,
            Polarity::Asserted,
            sent,
            "possessive",
            0.6,
        );
    }
}

/// The one named police force of a document ("New York Police Department",
/// "West Midlands Police"), if it names exactly one.
fn only_police_force(cx: &Ctx<'_>) -> Option<usize> {
    let forces: Vec<usize> = cx
        .ents
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.kind == EntityType::Organization
                && std::iter::once(&e.name).chain(e.aliases.iter()).any(|n| {
                    n.split_whitespace().count() >= 2 && n.split_whitespace().any(|w| w == "Police")
                })
        })
        .map(|(i, _)| i)
        .collect();
    match forces.as_slice() {
        [only] => Some(*only),
        _ => None,
    }
}

/// Ties from titles: "the No. 2 figure in X" → deputy_of, "X founder" →
/// founder_of, "an expert at X" → affiliated_with, "X President Y" →
/// leader_of.
fn title_ties(cx: &Ctx<'_>, out: &mut Vec<TieOut>) {
    let text = cx.text;
    for (pi, p) in cx.ents.entities.iter().enumerate() {
        if p.kind != EntityType::Person {
            continue;
        }
        let Some(title) = &p.title else { continue };
        let t = title.to_lowercase();
        // where the title sits: find it near a mention of the person
        let Some((pos, sent)) = p.mentions.iter().find_map(|m| {
            let sent = cx
                .ents
                .analysis
                .sentences
                .iter()
                .find(|s| s.start <= m.start && m.end <= s.end)?;
            // a whole-word occurrence near the mention ("leader" is not
            // the "leaders" of "close ties with AQIM leaders")
            let hay = &text[sent.clone()];
            hay.match_indices(title.as_str())
                .map(|(off, _)| sent.start + off)
                .find(|&at| {
                    let end = at + title.len();
                    let before = text[..at].chars().next_back();
                    let after = text[end..].chars().next();
                    // (a title may end in a period glued to the name:
                    // "New York Gov.Andrew Cuomo")
                    let word_end = title.ends_with(char::is_alphanumeric);
                    let glued_before = before.is_some_and(char::is_alphanumeric);
                    let glued_after = word_end && after.is_some_and(char::is_alphanumeric);
                    !(glued_before || glued_after)
                        && (m.start.abs_diff(end) <= 60 || at.abs_diff(m.end) <= 60)
                })
                .map(|at| (at, sent.clone()))
        }) else {
            continue;
        };
        let title_span = pos..pos + title.len();
        // "Maduro — the anointed successor of leader Hugo Chávez, who died
        // in 2013 —": the person named in the title was succeeded by him
        if t.contains("successor") {
            if let Some(q) = cx.mentions.iter().find(|m| {
                m.span.start >= title_span.start
                    && m.span.end <= title_span.end
                    && is_person(cx.entity(m.entity))
            }) {
                push(
                    cx,
                    out,
                    q.entity,
                    Predicate::SucceededBy,
                    pi,
                    Polarity::Asserted,
                    &sent,
                    "title:successor",
                    0.7,
                );
                continue;
            }
        }
        // "an older sister of slain MIT Officer Sean Collier": the role is
        // another person's
        if cx.mentions.iter().any(|m| {
            m.span.start >= title_span.start
                && m.span.end <= title_span.end
                && is_person(cx.entity(m.entity))
        }) {
            continue;
        }
        // the organisation named inside the title, or right before it
        // ("owner of Hunam Palace": a business the text names like a
        // site is run by its owner or manager)
        let runs_site = ["owner", "proprietor", "manager"]
            .iter()
            .any(|w| t.contains(w));
        let inside = cx
            .mentions
            .iter()
            .filter(|m| {
                let e = cx.entity(m.entity);
                m.span.start >= title_span.start
                    && m.span.end <= title_span.end
                    && (is_org(e)
                        || runs_site
                            && e.kind == EntityType::Location
                            && e.subtype.as_deref() == Some("site"))
            })
            .map(|m| m.entity)
            .collect::<Vec<_>>();
        // "New York Mayor X", "New Jersey Gov. X": a governor or mayor
        // heads the place named before the title
        let local_head = ["mayor", "governor", "gov."].iter().any(|w| t.contains(w));
        let before = cx
            .before(&sent, title_span.start, &|e| {
                is_org(e)
                    || (local_head
                        && e.kind == EntityType::Location
                        && matches!(e.subtype.as_deref(), Some("city" | "province" | "district")))
            })
            .filter(|&o| {
                cx.mentions.iter().any(|m| {
                    m.entity == o
                        && m.span.end <= title_span.start
                        && (title_span.start - m.span.end <= 2
                            // "MIT police officer Sean Collier": the
                            // force's word between the body and the rank
                            || text[m.span.end..title_span.start]
                                .trim()
                                .eq_ignore_ascii_case("police")
                            // "Iraq's Deputy Prime Minister X"
                            || matches!(
                                text[m.span.end..title_span.start].trim(),
                                "'s" | "’s"
                            ))
                })
            });
        let org = if t.contains(" at ") {
            // "deputy director of the Asia Program at the Wilson Center": the
            // institution after "at" is the employer
            inside.last().copied()
        } else {
            inside.first().copied()
        }
        .or(before);
        // "Prime Minister Shinzo Abe" in a report about Japan: a head of
        // state or government whose title names no country leads the
        // country the report is clearly about (named at least one and a
        // half times as often as any other)
        // ("the French president": the head word ends the title, a
        // demonym may stand inside it)
        let head_at = title.rfind(' ').map_or(0, |i| i + 1);
        let head_title = matches!(
            t.get(head_at..).unwrap_or_default(),
            "president" | "premier" | "chancellor" | "king" | "emir"
        ) || t.ends_with("prime minister");
        let org = match org {
            Some(o) => Some(o),
            None if head_title => head_country(cx, p, title_span.start + head_at),
            None => None,
        };
        // "Police Commissioner James O'Neill", "a police spokesman": the
        // one police force the report names
        let org = org.or_else(|| {
            let police_title = t.contains("police")
                || text[sent.start..title_span.start]
                    .trim_end()
                    .rsplit(char::is_whitespace)
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case("police"));
            police_title.then(|| only_police_force(cx)).flatten()
        });
        // ("Deputy Prime Minister", "deputy foreign minister": a member of
        // the government, second to a minister, not the state's deputy)
        let deputy_minister =
            t.contains("deputy") && (t.contains("minister") || t.contains("secretary"));
        // "X, a Taliban leader", "Zubair was a Taliban leader who …": one
        // of its leaders, a member (the leader is "the Taliban leader")
        let indefinite = text[sent.start..title_span.start]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| matches!(w.to_lowercase().as_str(), "a" | "an" | "another"));
        let pred = if deputy_minister {
            Predicate::MemberOf
        } else if t.contains("no. 2")
            || t.contains("deputy")
            || t.contains("vice ")
            || t.contains("vice-")
            || t.contains("second in command")
            || t.contains("number two")
        {
            if t.contains(" at ") {
                Predicate::AffiliatedWith
            } else {
                Predicate::DeputyOf
            }
        } else if t.contains("founder") {
            Predicate::FounderOf
        } else if [
            "expert",
            "analyst",
            "researcher",
            "fellow",
            "professor",
            "director",
            "scholar",
        ]
        .iter()
        .any(|w| t.contains(w))
        {
            Predicate::AffiliatedWith
        } else if [
            "leader",
            "head",
            "chief",
            "commander",
            "president",
            "secretary-general",
            "secretary general",
            "emir",
            "king",
            "prime minister",
            "governor",
            "gov.",
            "mayor",
            "commissioner",
            // the one who owns or runs a business heads it
            "owner",
            "proprietor",
            "manager",
        ]
        .iter()
        .any(|w| t.contains(w))
        {
            if indefinite && !head_title {
                Predicate::MemberOf
            } else {
                Predicate::LeaderOf
            }
        } else if [
            "member",
            "fighter",
            "figure",
            "operative",
            "militant",
            "spokesman",
            "spokesperson",
            "spokeswoman",
            "official",
            "lieutenant",
            "volunteer",
            "bomber",
            "agent",
            "officer",
            "soldier",
            "commando",
            "investigator",
            "diplomat",
            "envoy",
            "peacemaker",
            "mediator",
            "employee",
            "prosecutor",
            "minister",
            "ambassador",
            "aide",
            "adviser",
            "advisor",
            "negotiator",
            "representative",
            "congressman",
            "congresswoman",
            "senator",
            "lawmaker",
            "legislator",
            "parliamentarian",
            // "British Foreign Secretary X" (a secretary-general leads)
            "secretary",
        ]
        .iter()
        .any(|w| t.contains(w))
        {
            Predicate::MemberOf
        } else {
            continue;
        };
        // "French Interior Minister X": a member of the government of the
        // country the demonym names
        let by_demonym = org.is_none()
            && matches!(pred, Predicate::MemberOf | Predicate::LeaderOf)
            && demonym_country(cx, title_span.start).flatten().is_some();
        let org = org.or_else(|| {
            // ("rightwing Israeli leader X" leads the country)
            matches!(pred, Predicate::MemberOf | Predicate::LeaderOf)
                .then(|| demonym_country(cx, title_span.start))
                .flatten()
                .flatten()
        });
        // ("Russian security chief X": the chief of an office of the
        // country's, a member of its government; a leader or head of
        // state leads it)
        let pred =
            if by_demonym && pred == Predicate::LeaderOf && !head_title && !t.contains("leader") {
                Predicate::MemberOf
            } else {
                pred
            };
        // "the interior minister, Christophe Castaner," in a report about
        // France: a minister of the country the report is clearly about
        let org = org.or_else(|| {
            (t.contains("minister") && demonym_country(cx, title_span.start).is_none())
                .then(|| dominant_country(cx))
                .flatten()
        });
        let Some(o) = org else { continue };
        push(
            cx,
            out,
            pi,
            pred,
            o,
            Polarity::Asserted,
            &sent,
            "title",
            0.7,
        );
    }
    // "another senior Al-Qaeda leader named Y", "Al-Qaeda leader Osama bin
    // Laden": an org, role words, then the person
    for (si, sent) in cx.ents.analysis.sentences.iter().enumerate() {
        let toks = &cx.ents.analysis.tokens[cx.ents.analysis.sentence_tokens[si].clone()];
        for m in cx.in_range(sent) {
            if !is_person(cx.entity(m.entity)) {
                continue;
            }
            let k = toks.partition_point(|t| t.start < m.span.start);
            let mut j = k;
            // "Taliban leader Mullah Omar", "the senior Haqqani commander,
            // Haji Mali Khan": past a religious or honorific title the name
            // does not hold, and a comma of apposition
            while j > 0
                && k - j < 2
                && matches!(
                    lw(text, &toks[j - 1]).as_str(),
                    "mullah"
                        | "mawlawi"
                        | "maulawi"
                        | "maulvi"
                        | "maulana"
                        | "haji"
                        | "hajji"
                        | "qari"
                        | "mufti"
                        | "sheikh"
                        | "shaikh"
                )
            {
                j -= 1;
            }
            if j > 1 && lw(text, &toks[j - 1]) == "," {
                j -= 1;
            }
            let k = j;
            let mut role = None;
            let mut department = false;
            while j > 0 && k - j < 6 {
                let w = lw(text, &toks[j - 1]);
                if matches!(
                    w.as_str(),
                    "named"
                        | "called"
                        | "senior"
                        | "top"
                        | "former"
                        | "late"
                        | "rebel"
                        | "insurgent"
                        | "guerrilla"
                        | "militia"
                        | "jihadist"
                        | "field"
                        | "local"
                        | "regional"
                        | "provincial"
                        | "first"
                        | "second"
                        | "staff"
                        | "technical"
                        | "master"
                ) || (role.is_some() && matches!(w.as_str(), "brigade" | "division"))
                {
                    j -= 1;
                } else if role.is_some() && DEPARTMENTS.contains(&w.as_str()) {
                    // "IRA intelligence chief X": the head of a department
                    // is a member of the organisation
                    department = true;
                    j -= 1;
                } else if role.is_some()
                    && matches!(
                        w.as_str(),
                        "committee" | "council" | "bureau" | "central" | "executive"
                    )
                {
                    // "PKK central committee member X": an organ of the
                    // organisation; its members are the organisation's
                    department = true;
                    j -= 1;
                } else if MILITARY_RANKS.contains(&w.as_str()) && role.is_none() {
                    // "US Army Col. Myles Caggins": a rank in the force
                    role = Some("officer".to_string());
                    j -= 1;
                } else if matches!(
                    w.as_str(),
                    "leader"
                        | "commander"
                        | "chief"
                        | "head"
                        | "founder"
                        | "president"
                        | "secretary-general"
                        | "chairman"
                        | "emir"
                        | "member"
                        | "fighter"
                        | "spokesman"
                        | "spokesperson"
                        | "official"
                        | "militant"
                        | "officer"
                        | "recruiter"
                        | "bomber"
                        | "volunteer"
                        | "operative"
                        | "activist"
                        | "figure"
                ) && role.is_none()
                {
                    role = Some(w);
                    j -= 1;
                } else {
                    break;
                }
            }
            let Some(role) = role else { continue };
            if j == 0 {
                continue;
            }
            // "the Bolivarian National Guard (GNB) Division General X": the
            // organisation's short name in brackets
            let end = if j >= 2 && lw(text, &toks[j - 1]) == ")" {
                toks[j - 2].end
            } else {
                toks[j - 1].end
            };
            let org = cx
                .mentions
                .iter()
                .find(|o| o.span.end == end && is_org(cx.entity(o.entity)))
                .map(|o| o.entity)
                .or_else(|| {
                    // "A Mujahideen Khalq statement said its leader Massoud
                    // Rajavi …": "its" is the organisation named last before
                    // it in the sentence (not a country: "its" of a state
                    // is its government, which names no group)
                    (lw(text, &toks[j - 1]) == "its")
                        .then(|| {
                            cx.in_range(sent)
                                .filter(|o| {
                                    o.span.end <= toks[j - 1].start
                                        && cx.entity(o.entity).kind == EntityType::Organization
                                })
                                .max_by_key(|o| o.span.end)
                                .map(|o| o.entity)
                        })
                        .flatten()
                });
            let Some(o) = org else { continue };
            let pred = match role.as_str() {
                "founder" => Predicate::FounderOf,
                _ if department => Predicate::MemberOf,
                "member" | "fighter" | "militant" | "official" | "spokesman" | "spokesperson"
                | "officer" | "recruiter" | "bomber" | "volunteer" | "operative" | "activist"
                | "figure" => Predicate::MemberOf,
                _ => Predicate::LeaderOf,
            };
            push(
                cx,
                out,
                m.entity,
                pred,
                o,
                Polarity::Asserted,
                sent,
                "title:pre",
                0.7,
            );
        }
        // "Abu Bakr al-Baghdadi, who has been leader of the Islamic State of
        // Iraq since May 2010": a role stated in a relative clause
        for m in cx.in_range(sent) {
            if !is_person(cx.entity(m.entity)) {
                continue;
            }
            let k = toks.partition_point(|t| t.start < m.span.end);
            let w = |i: usize| toks.get(i).map(|t| lw(text, t)).unwrap_or_default();
            if w(k) != "," || w(k + 1) != "who" {
                continue;
            }
            let mut j = k + 2;
            while j < k + 6
                && matches!(
                    w(j).as_str(),
                    "is" | "was"
                        | "has"
                        | "had"
                        | "been"
                        | "the"
                        | "a"
                        | "an"
                        | "now"
                        | "also"
                        | "later"
                        | "became"
                        | "becomes"
                )
            {
                j += 1;
            }
            let pred = match w(j).as_str() {
                "leader" | "head" | "chief" | "commander" | "emir" | "president" => {
                    Predicate::LeaderOf
                }
                "founder" | "co-founder" => Predicate::FounderOf,
                "deputy" => Predicate::DeputyOf,
                "member" | "spokesman" | "spokeswoman" | "spokesperson" | "official"
                | "fighter" => Predicate::MemberOf,
                _ => continue,
            };
            if w(j + 1) != "of" && w(j + 1) != "for" {
                continue;
            }
            let from = toks.get(j + 2).map_or(sent.end, |t| t.start);
            // the organisation right after "of" (a "the" may come between)
            let Some(om) = cx
                .in_range(sent)
                .filter(|o| o.span.start >= from && is_org(cx.entity(o.entity)))
                .min_by_key(|o| o.span.start)
                .filter(|o| text[from..o.span.start].split_whitespace().count() <= 1)
            else {
                continue;
            };
            let o = om.entity;
            // "who was head of the IRA's intelligence department": the head
            // of a part of the organisation is one of its members
            let rest = &text[om.span.end..];
            let pred = if rest.starts_with("’s") || rest.starts_with("'s") {
                Predicate::MemberOf
            } else {
                pred
            };
            push(
                cx,
                out,
                m.entity,
                pred,
                o,
                Polarity::Asserted,
                sent,
                "title:relative",
                0.65,
            );
        }
        // "Special Agent Y, U.S. Air Force Office of Special Investigations,
        // US": a record (name, unit, country) puts the person in the unit
        for m in cx.in_range(sent) {
            if !is_person(cx.entity(m.entity)) {
                continue;
            }
            let rest = &text[m.span.end..sent.end];
            // a reference mark may follow the name ("Vorderbruggen[897],")
            let skip = rest
                .strip_prefix('[')
                .and_then(|r| r.find(']').map(|k| k + 2))
                .unwrap_or(0);
            let Some(after) = rest[skip..].strip_prefix(", ") else {
                continue;
            };
            let start = sent.end - after.len();
            let Some(o) = cx.in_range(sent).find(|o| {
                o.span.start == start && cx.entity(o.entity).kind == EntityType::Organization
            }) else {
                continue;
            };
            let closes = text[o.span.end..sent.end]
                .trim_start()
                .chars()
                .next()
                .is_none_or(|c| matches!(c, ',' | '.' | ';'));
            if closes {
                push(
                    cx,
                    out,
                    m.entity,
                    Predicate::MemberOf,
                    o.entity,
                    Polarity::Asserted,
                    sent,
                    "record:unit",
                    0.6,
                );
            }
        }
        // "Y, a convicted X recruiter", "Y, a senior X commander": the
        // same roles in an apposition after the person
        for m in cx.in_range(sent) {
            if !is_person(cx.entity(m.entity)) {
                continue;
            }
            let k = toks.partition_point(|t| t.start < m.span.end);
            let w = |i: usize| toks.get(i).map(|t| lw(text, t)).unwrap_or_default();
            if w(k) != "," || !matches!(w(k + 1).as_str(), "a" | "an" | "the") {
                continue;
            }
            // up to two lower-case modifiers, then the organisation
            let mut j = k + 2;
            while j < k + 4
                && toks.get(j).is_some_and(|t| {
                    t.kind == TokenKind::Word && t.text(text).starts_with(char::is_lowercase)
                })
            {
                j += 1;
            }
            let Some(start) = toks.get(j).map(|t| t.start) else {
                continue;
            };
            let Some(o) = cx
                .in_range(sent)
                .find(|o| o.span.start == start && is_org(cx.entity(o.entity)))
            else {
                continue;
            };
            let r = toks.partition_point(|t| t.start < o.span.end);
            let pred = match w(r).as_str() {
                "founder" => Predicate::FounderOf,
                "member" | "fighter" | "militant" | "official" | "spokesman" | "spokesperson"
                | "officer" | "recruiter" | "operative" => Predicate::MemberOf,
                // ("a senior X commander" is one of its commanders: a member)
                "leader" | "commander" | "chief" | "head" | "president" if w(k + 1) == "the" => {
                    Predicate::LeaderOf
                }
                "leader" | "commander" | "chief" | "head" => Predicate::MemberOf,
                _ => continue,
            };
            push(
                cx,
                out,
                m.entity,
                pred,
                o.entity,
                Polarity::Asserted,
                sent,
                "title:appos",
                0.65,
            );
        }
    }
}

/// The country a document is clearly about: the most mentioned country
/// entity, named at least twice and at least twice as often as the next
/// (a report about Colombia's dealings with Cuba names both too often to
/// tell).
/// The country a head of state or government whose title names none
/// leads: "Turkish President X" (a demonym before the title: that country,
/// or none when the text gives it no entity), else the country the
/// dictionary gives the person (the Phoenix actor lists date heads of
/// government: "Ashraf Ghani" is Afghan), else the country the report is
/// clearly about.
/// The country entity of a text's lexicon country id.
fn country_entity(cx: &Ctx<'_>, id: &str) -> Option<usize> {
    cx.ents.entities.iter().position(|e| {
        e.kind == EntityType::Location
            && e.subtype.as_deref() == Some("country")
            && e.lexicon_id == Some(id)
    })
}

/// The country a demonym right before a title names, past at most one
/// more capitalised word ("Turkish President", "French Interior
/// Minister"): `Some` when a demonym is there, holding the country's
/// entity if the document names that country.
fn demonym_country(cx: &Ctx<'_>, title_start: usize) -> Option<Option<usize>> {
    let mut before = cx.text[..title_start].trim_end();
    for _ in 0..2 {
        let word_start = before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
            .map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
        let prev = &before[word_start..];
        // ("Russian security chief X", "Russian peace envoy X": a
        // lower-case word of the office may stand between)
        let office_word = prev.chars().all(|c| c.is_lowercase() || c == '-')
            && !matches!(
                prev,
                "the"
                    | "a"
                    | "an"
                    | "of"
                    | "and"
                    | "or"
                    | "to"
                    | "in"
                    | "on"
                    | "for"
                    | "with"
                    | "by"
                    | "said"
                    | "says"
                    | "his"
                    | "her"
                    | "its"
                    | "their"
                    | "that"
                    | "which"
                    | "who"
                    | "former"
                    | "new"
            );
        if prev.is_empty() || !(prev.starts_with(char::is_uppercase) || office_word) {
            return None;
        }
        if let Some(id) = demonym_id(prev) {
            return Some(country_entity(cx, id));
        }
        before = before[..word_start].trim_end();
    }
    None
}

fn head_country(cx: &Ctx<'_>, p: &DocEntity, title_start: usize) -> Option<usize> {
    let lex = Lexicon::global();
    // "Turkish President X": Turkey's, or (if unnamed) no country's
    if let Some(c) = demonym_country(cx, title_start) {
        return c;
    }
    let listed = p
        .lexicon_id
        .and_then(|id| lex.by_id(id))
        .and_then(|e| e.parent)
        .filter(|parent| parent.starts_with("country:"));
    if let Some(parent) = listed {
        return country_entity(cx, parent);
    }
    // "President Bush during his visit to Colombia": a head of state the
    // report has visiting its country is a foreign one
    dominant_country(cx).filter(|&c| !visited(cx, c))
}

/// Does the text tell of a visit to the country ("his visit to X", "a
/// trip to X", "visited X", "arrived in X")?
fn visited(cx: &Ctx<'_>, c: usize) -> bool {
    cx.entity(c).mentions.iter().any(|m| {
        let mut from = m.start.saturating_sub(24);
        while !cx.text.is_char_boundary(from) {
            from -= 1;
        }
        let before = cx.text[from..m.start].trim_end().to_lowercase();
        [
            "visit to",
            "trip to",
            "visited",
            "visiting",
            "arrived in",
            "tour of",
        ]
        .iter()
        .any(|w| before.ends_with(w))
    })
}

fn dominant_country(cx: &Ctx<'_>) -> Option<usize> {
    let mut counts: Vec<(usize, usize)> = cx
        .ents
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityType::Location && e.subtype.as_deref() == Some("country"))
        .map(|(i, e)| (e.mentions.len(), i))
        .collect();
    counts.sort_unstable_by(|a, b| b.cmp(a));
    match counts.as_slice() {
        [(n, i)] if *n >= 2 => Some(*i),
        [(n, i), (m, _), ..] if *n >= 2 && *n >= 2 * m => Some(*i),
        _ => None,
    }
}

/// "two other senior IRA figures, Dave O'Connell and Kevin Mallon",
/// "Taliban commanders X and Y": an organisation, a plural role noun, then
/// the people it lists (after a comma or straight away), each a member
/// (or, for leaders and commanders, a leader) of the organisation.
fn plural_role_ties(cx: &Ctx<'_>, out: &mut Vec<TieOut>) {
    let text = cx.text;
    let a = &cx.ents.analysis;
    for (si, sent) in a.sentences.iter().enumerate() {
        let toks = &a.tokens[a.sentence_tokens[si].clone()];
        let at = |b: usize| toks.partition_point(|t| t.start < b);
        for m in cx.in_range(sent) {
            if !is_org(cx.entity(m.entity)) {
                continue;
            }
            let mut k = at(m.span.end);
            let w = |i: usize| toks.get(i).map(|t| lw(text, t)).unwrap_or_default();
            while matches!(
                w(k).as_str(),
                "senior" | "top" | "former" | "local" | "rebel"
            ) || DEPARTMENTS.contains(&w(k).as_str())
            {
                k += 1;
            }
            let pred = match w(k).as_str() {
                "figures" | "members" | "fighters" | "militants" | "officials" | "operatives"
                | "volunteers" | "activists" => Predicate::MemberOf,
                "leaders" | "commanders" | "chiefs" => Predicate::LeaderOf,
                // "Times reporters Judith Miller and James Risen"
                "reporters" | "correspondents" | "journalists" | "editors" | "researchers"
                | "analysts" => Predicate::AffiliatedWith,
                _ => continue,
            };
            k += 1;
            if w(k) == "," {
                k += 1;
            }
            // the people listed: person mentions joined by commas and "and"
            let mut pos = toks.get(k).map_or(sent.end, |t| t.start);
            loop {
                let Some(p) = cx
                    .in_range(sent)
                    .find(|p| p.span.start == pos && is_person(cx.entity(p.entity)))
                else {
                    break;
                };
                push(
                    cx,
                    out,
                    p.entity,
                    pred,
                    m.entity,
                    Polarity::Asserted,
                    sent,
                    "title:list",
                    0.65,
                );
                let j = at(p.span.end);
                let next = match (w(j).as_str(), w(j + 1).as_str()) {
                    (",", "and") => j + 2,
                    (",", _) | ("and", _) => j + 1,
                    _ => break,
                };
                pos = toks.get(next).map_or(sent.end, |t| t.start);
            }
        }
    }
}

/// Departments between an organisation and a role ("IRA intelligence
/// chief"): the role is in a part of the organisation.
const DEPARTMENTS: &[&str] = &[
    "intelligence",
    "operations",
    "military",
    "political",
    "finance",
    "financial",
    "media",
    "propaganda",
    "security",
    "logistics",
    "recruitment",
];

/// Military ranks before a name: the person serves in the force named
/// before the rank.
const MILITARY_RANKS: &[&str] = &[
    "col.",
    "col",
    "colonel",
    "lt.",
    "lt",
    "lieutenant",
    "maj.",
    "major",
    "capt.",
    "captain",
    "sgt.",
    "sgt",
    "sergeant",
    "brig.",
    "brigadier",
    "gen.",
    "gen",
    "general",
    "adm.",
    "admiral",
    "cmdr.",
    "cpl.",
    "corporal",
    "pvt.",
    "private",
    "lt.-col.",
    "lt.-gen.",
    "maj.-gen.",
];

/// "the U.S.-Taliban deal": each named party is party_to the agreement.
fn agreement_ties(cx: &Ctx<'_>, out: &mut Vec<TieOut>) {
    for (ai, a) in cx.ents.entities.iter().enumerate() {
        if a.kind != EntityType::Agreement {
            continue;
        }
        let Some(first) = a.mentions.first() else {
            continue;
        };
        let sent = cx
            .ents
            .analysis
            .sentences
            .iter()
            .find(|s| s.start <= first.start && first.end <= s.end)
            .cloned()
            .unwrap_or(first.clone());
        let mut parties: Vec<usize> = Vec::new();
        for span in &a.mentions {
            for m in cx
                .mentions
                .iter()
                .filter(|m| m.span.start >= span.start && m.span.end <= span.end && m.entity != ai)
            {
                if is_org(cx.entity(m.entity)) && !parties.contains(&m.entity) {
                    parties.push(m.entity);
                }
            }
        }
        // party names inside a hyphenated pair are not separate mentions:
        // look the parts up among the document's entities
        let name = &a.name;
        for part in name.split(|c: char| c == '-' || c.is_whitespace()) {
            let part = part.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
            if part.len() < 2 {
                continue;
            }
            if let Some((ei, _)) =
                cx.ents.entities.iter().enumerate().find(|(_, e)| {
                    is_org(e) && (e.name == part || e.aliases.iter().any(|x| x == part))
                })
            {
                if !parties.contains(&ei) {
                    parties.push(ei);
                }
            }
        }
        // "the 2016 peace accord signed by then-President Juan Manuel Santos
        // and the Revolutionary Armed Forces of Colombia": the signatories
        for span in &a.mentions {
            let Some(s) = cx
                .ents
                .analysis
                .sentences
                .iter()
                .find(|s| s.start <= span.start && span.end <= s.end)
            else {
                continue;
            };
            let rest = &cx.text[span.end..s.end];
            let lead = rest.trim_start().trim_start_matches(',').trim_start();
            let Some(after) = ["signed by ", "signed between ", "agreed by ", "reached by "]
                .iter()
                .find_map(|p| lead.strip_prefix(p))
            else {
                continue;
            };
            let from = s.end - after.len();
            let first = cx
                .in_range(s)
                .filter(|m| m.span.start >= from && is_actor(cx.entity(m.entity)))
                .min_by_key(|m| m.span.start)
                .filter(|m| {
                    cx.text[from..m.span.start].split_whitespace().count() <= 2
                        && !cx.text[from..m.span.start].contains(',')
                });
            let Some(first) = first else { continue };
            let mut o = first.entity;
            let mut at = first.span.start;
            let mut signers = vec![o];
            while let Some(next) = coordinated_with(cx, s, o, at, &is_actor) {
                if signers.contains(&next) {
                    break;
                }
                at = cx
                    .in_range(s)
                    .filter(|m| m.entity == next && m.span.start > at)
                    .map(|m| m.span.start)
                    .min()
                    .unwrap_or(s.end);
                signers.push(next);
                o = next;
            }
            for p in signers {
                if !parties.contains(&p) && p != ai {
                    parties.push(p);
                }
            }
        }
        for p in parties {
            push(
                cx,
                out,
                p,
                Predicate::PartyTo,
                ai,
                Polarity::Asserted,
                &sent,
                "agreement:party",
                0.7,
            );
        }
    }
}

/// Words that make a country next to them a person's nationality.
const NATIONALITY_HEADS: &[&str] = &["national", "nationals", "citizen", "citizens"];

fn is_country(e: &DocEntity) -> bool {
    e.kind == EntityType::Location && e.subtype.as_deref() == Some("country")
}

/// `national_of`: "X, an Egyptian national,", "Kyrgyz national X", "X, a
/// citizen of Kyrgyzstan", and a description that refers back to the
/// person just named ("Prosecutors have accused the Afghan-born U.S.
/// citizen of …": the country next to the head, not the birthplace).
/// Birthplace ("Afghan-born") and origin ("a student from Kazakhstan") are
/// not nationality and give nothing.
fn nationality_ties(cx: &Ctx<'_>, out: &mut Vec<TieOut>) {
    let text = cx.text;
    let a = &cx.ents.analysis;
    let mut last_person: Option<usize> = None;
    for (si, sent) in a.sentences.iter().enumerate() {
        let toks = &a.tokens[a.sentence_tokens[si].clone()];
        let words: Vec<String> = toks.iter().map(|t| lw(text, t)).collect();
        for (k, w) in words.iter().enumerate() {
            if !NATIONALITY_HEADS.contains(&w.as_str()) {
                continue;
            }
            // the country: "<Country> citizen" (right before the head, a
            // hyphenated "-born" country is skipped) or "citizen of <Country>"
            let before = k.checked_sub(1).and_then(|p| {
                cx.in_range(sent)
                    .filter(|m| m.span.end == toks[p].end && is_country(cx.entity(m.entity)))
                    .map(|m| m.entity)
                    .next()
            });
            let after = (words.get(k + 1).map(String::as_str) == Some("of"))
                .then(|| {
                    cx.in_range(sent)
                        .find(|m| {
                            toks.get(k + 2).is_some_and(|t| m.span.start == t.start)
                                && is_country(cx.entity(m.entity))
                        })
                        .map(|m| m.entity)
                })
                .flatten();
            let Some(country) = before.or(after) else {
                continue;
            };
            // the person: "Kyrgyz national X" (right after), "X, a … national"
            // (an apposition), else the one the description refers back to
            let head_end = if after.is_some() { k + 2 } else { k };
            let right = cx
                .in_range(sent)
                .find(|m| {
                    toks.get(head_end + 1)
                        .is_some_and(|t| m.span.start == t.start)
                        && is_person(cx.entity(m.entity))
                })
                .map(|m| m.entity);
            // the start of the description: back over its modifiers
            let mut d = k;
            while d > 0
                && (toks[d - 1].kind != TokenKind::Punct || words[d - 1] == "-")
                && !matches!(words[d - 1].as_str(), "a" | "an" | "the")
                && k - d < 5
            {
                d -= 1;
            }
            let det = d.checked_sub(1).map(|x| words[x].as_str());
            // "X, an Egyptian national": the name before the comma
            let appositive =
                matches!(det, Some("a" | "an" | "the")) && d >= 3 && words[d - 2] == ",";
            let left = appositive
                .then(|| {
                    cx.in_range(sent)
                        .filter(|m| m.span.end == toks[d - 3].end)
                        .filter(|m| is_person(cx.entity(m.entity)))
                        .map(|m| m.entity)
                        .last()
                })
                .flatten();
            let described = (det == Some("the"))
                .then(|| {
                    cx.in_range(sent)
                        .filter(|m| m.span.end <= toks[d].start && is_person(cx.entity(m.entity)))
                        .map(|m| m.entity)
                        .last()
                        .or(last_person)
                })
                .flatten();
            if let Some(p) = right.or(left).or(described) {
                let conf = if described.is_some() && right.or(left).is_none() {
                    0.6
                } else {
                    0.75
                };
                push(
                    cx,
                    out,
                    p,
                    Predicate::NationalOf,
                    country,
                    polarity(text, toks, k),
                    sent,
                    "noun:national_of",
                    conf,
                );
            }
        }
        if let Some(p) = cx
            .in_range(sent)
            .filter(|m| is_person(cx.entity(m.entity)))
            .last()
        {
            last_person = Some(p.entity);
        }
    }
}

/// What a role word makes of the person who holds it in an organisation
/// named after "of" ("a lieutenant in the Birmingham Brigade of the IRA",
/// "an opposition leader and governor of the state of Miranda").
/// "Y is a member of X", "Y was once the leader of X", "Y has been a
/// commander in X", "Y served as head of X", "Y was appointed chief of X":
/// after the person (token `k`), a copula or role verb, then the token
/// where the role phrase starts, with the copula's token (its negation,
/// "is not a member", is read there).
fn copula_role_start<'w>(w: &impl Fn(usize) -> &'w str, k: usize) -> Option<(usize, usize)> {
    let mut j = match w(k) {
        "is" | "was" | "are" | "were" | "became" | "becomes" | "remains" | "remained" => k + 1,
        "has" | "had" | "have" if w(k + 1) == "been" => k + 2,
        "served" | "serves" | "serving" | "worked" | "works" | "acted" | "acts"
            if w(k + 1) == "as" =>
        {
            k + 2
        }
        // "Malu took over on Thursday as commander of the ECOMOG force"
        "took" | "takes" | "taking" if w(k + 1) == "over" => {
            match (k + 2..k + 6).find(|&j| w(j) == "as") {
                Some(a) => a + 1,
                None => return None,
            }
        }
        _ => return None,
    };
    let copula = j - 1;
    while matches!(
        w(j),
        "also"
            | "now"
            | "once"
            | "still"
            | "reportedly"
            | "allegedly"
            | "formerly"
            | "previously"
            | "not"
            | "never"
            | "later"
            | "then"
            | "already"
            | "long"
            | "been"
    ) {
        j += 1;
    }
    // "is considered X's spiritual advisor", "is regarded as the leader"
    if w(j) == "considered" {
        j += 1;
    } else if matches!(w(j), "regarded" | "seen" | "described" | "known") && w(j + 1) == "as" {
        j += 2;
    }
    // "is believed to be", "is said to be"
    if matches!(
        w(j),
        "believed" | "said" | "thought" | "reported" | "alleged"
    ) && w(j + 1) == "to"
        && w(j + 2) == "be"
    {
        j += 3;
    }
    // "was appointed (as) head of", "was named leader of"
    if matches!(w(j), "named" | "appointed" | "elected" | "made") {
        j += 1;
        if w(j) == "as" {
            j += 1;
        }
    }
    Some((j, copula))
}

fn role_predicate(w: &str) -> Option<Predicate> {
    Some(match w {
        "leader" | "head" | "chief" | "commander" | "president" | "chairman" | "chairwoman"
        | "emir" | "governor" | "mayor" | "owner" | "proprietor" | "manager" => Predicate::LeaderOf,
        "founder" | "co-founder" => Predicate::FounderOf,
        "deputy" => Predicate::DeputyOf,
        "member" | "lieutenant" | "officer" | "fighter" | "militant" | "spokesman"
        | "spokeswoman" | "spokesperson" | "official" | "operative" | "volunteer" | "figure"
        | "soldier" | "recruiter" | "agent" => Predicate::MemberOf,
        "adviser" | "advisor" => Predicate::Advises,
        "expert" | "analyst" | "researcher" | "fellow" | "professor" | "lecturer" | "reporter"
        | "correspondent" | "journalist" | "editor" | "producer" | "scholar" => {
            Predicate::AffiliatedWith
        }
        _ => return None,
    })
}

/// Words naming an organisation's presence somewhere: "the IRA hierarchy in
/// Dublin", "Al-Qaeda fighters based in Yemen".
const PRESENCE: &[&str] = &[
    "hierarchy",
    "headquarters",
    "leadership",
    "base",
    "bases",
    "office",
    "offices",
    "branch",
    "cell",
    "cells",
    "stronghold",
    "strongholds",
    "presence",
    "forces",
    "troops",
    "fighters",
    "leaders",
    "commanders",
    "militants",
    "units",
    "unit",
    "patrols",
    "militia",
    "militias",
    "rebels",
    "guerrillas",
    "insurgents",
    "infrastructure",
    "camps",
    "embassy",
    "military",
    "soldiers",
];
const STATIONED: &[&str] = &[
    "based",
    "stationed",
    "deployed",
    "active",
    "present",
    "operating",
    "headquartered",
    "garrisoned",
];
/// Last words of a unit's name: a part of the organisation named with it
/// ("the Birmingham Brigade of the IRA", "the IRA's Belfast Brigade").
const UNIT_WORDS: &[&str] = &[
    "brigade",
    "brigades",
    "battalion",
    "regiment",
    "unit",
    "wing",
    "cell",
    "branch",
    "division",
    "company",
    "front",
    "faction",
    "squad",
];

/// The reason a sanctions listing gives: "X was listed on 12 December 2006
/// pursuant to … resolution 1617 (2005) as being associated with Al-Qaida,
/// Usama bin Laden or the Taliban for “participating in the financing …”
/// and “recruiting for” Al-Qaida (QDe.004) and Harakat Ul-Mujahidin
/// (QDe.008)" (the UN 1267 Committee's formula; OFAC's designations read
/// alike). The standard "associated with A, B or C" names no tie (it is an
/// "or"); the groups named after the quoted acts are the ones the listed
/// party served: a person is affiliated with them, an organisation funds
/// them when the acts are financing, else is their affiliate.
fn listing_ties(cx: &Ctx<'_>, out: &mut Vec<TieOut>) {
    let text = cx.text;
    let a = &cx.ents.analysis;
    for (si, sent) in a.sentences.iter().enumerate() {
        let toks = &a.tokens[a.sentence_tokens[si].clone()];
        let words: Vec<String> = toks.iter().map(|t| lw(text, t)).collect();
        let Some(listed) = words
            .iter()
            .position(|w| w == "listed" || w == "designated")
        else {
            continue;
        };
        if listed == 0 || !matches!(words[listed - 1].as_str(), "was" | "were" | "is" | "been") {
            continue;
        }
        let associated = words
            .windows(2)
            .position(|p| p[0] == "associated" && p[1] == "with");
        let Some(assoc) = associated.filter(|&x| x > listed) else {
            continue;
        };
        // the listed party: the name that opens the sentence
        let Some(subj) = cx
            .in_range(sent)
            .filter(|m| m.span.end <= toks[listed - 1].start)
            .min_by_key(|m| m.span.start)
            .filter(|m| {
                toks.partition_point(|t| t.start < m.span.start) <= 1
                    && matches!(
                        cx.entity(m.entity).kind,
                        EntityType::Person | EntityType::Organization
                    )
            })
            .map(|m| m.entity)
        else {
            continue;
        };
        // the quoted acts, and what follows the last of them
        let quote_ends: Vec<usize> = (assoc..toks.len())
            .filter(|&k| matches!(toks[k].text(text), "\"" | "”"))
            .collect();
        let Some(&last_quote) = quote_ends.last() else {
            continue;
        };
        let acts = &text[toks[assoc].end..toks[last_quote].start];
        let financing = acts.contains("financing") || acts.contains("funding");
        let after = toks[last_quote].end;
        let person = is_person(cx.entity(subj));
        for m in cx.in_range(sent).filter(|m| m.span.start >= after) {
            let o = m.entity;
            if o == subj || cx.entity(o).kind != EntityType::Organization {
                continue;
            }
            let pred = if person {
                Predicate::AffiliatedWith
            } else if financing {
                Predicate::Funds
            } else {
                Predicate::AffiliateOf
            };
            push(
                cx,
                out,
                subj,
                pred,
                o,
                Polarity::Asserted,
                sent,
                "listing:reason",
                0.7,
            );
        }
    }
}

/// Ties in short phrases around a mention, each a pattern of news English
/// that needs no verb frame:
/// - an apposition giving a role in an organisation: "Y, a lieutenant in
///   the X" (member_of), "Y, leader of X", "Y, an opposition leader and
///   governor of the state of Z" (leader_of);
/// - a person "was in" an armed group: "he was ever in the IRA" (member_of,
///   denied under "deny");
/// - a predecessor or successor: "his predecessor, Y" (Y succeeded_by him),
///   "X's successor, Y";
/// - presence: "the X hierarchy in Dublin", "X troops are stationed in Y",
///   "X fighters based in Y" (operates_in);
/// - units: "the Belfast Brigade of the X", "X's Belfast Brigade"
///   (affiliate_of).
fn phrase_ties(cx: &Ctx<'_>, out: &mut Vec<TieOut>) {
    let text = cx.text;
    let a = &cx.ents.analysis;
    let mut last_person: Option<usize> = None;
    let mut last_org: Option<usize> = None;
    for (si, sent) in a.sentences.iter().enumerate() {
        let toks = &a.tokens[a.sentence_tokens[si].clone()];
        let words: Vec<String> = toks.iter().map(|t| lw(text, t)).collect();
        let w = |i: usize| words.get(i).map(String::as_str).unwrap_or_default();
        let at = |b: usize| toks.partition_point(|t| t.start < b);
        let mention_at = |i: usize, ok: &dyn Fn(&DocEntity) -> bool| {
            let start = toks.get(i)?.start;
            cx.in_range(sent)
                .filter(|m| m.span.start == start && ok(cx.entity(m.entity)))
                .max_by_key(|m| m.span.end)
                .cloned()
        };
        // the person a pronoun at token `k` stands for: the last person
        // named before it in the sentence, else in an earlier one
        let person_before = |k: usize| {
            cx.before(sent, toks.get(k).map_or(sent.end, |t| t.start), &is_person)
                .or(last_person)
        };
        // who a role is said of: a person named, or "he"/"she" opening the
        // sentence (the person named last)
        // (past a generational suffix: "Ruben Pestano Lavilla, Jr. is a
        // founding member of …")
        let mut role_subjects: Vec<(usize, usize)> = cx
            .in_range(sent)
            .filter(|m| is_person(cx.entity(m.entity)))
            .map(|m| {
                let k = at(m.span.end);
                let suffix = w(k) == ","
                    && matches!(w(k + 1), "jr." | "jr" | "sr." | "sr" | "ii" | "iii" | "iv");
                (m.entity, if suffix { k + 2 } else { k })
            })
            .collect();
        if matches!(w(0), "he" | "she") {
            if let Some(p) = last_person {
                role_subjects.push((p, 1));
            }
        }
        for &(subj, k) in &role_subjects {
            // "Y, a lieutenant in the X", "Y, leader of X" (an apposition)
            // or "Y is a member of X", "he was once the leader of X" (a
            // role said of Y)
            let start = if w(k) == "," {
                Some((k + 1, None))
            } else {
                copula_role_start(&w, k).map(|(j, c)| (j, Some(c)))
            };
            if let Some((j0, copula)) = start {
                // "Y is TTP's emir", "Y, the group's leader at the time,":
                // the organisation before the role, in the possessive
                if let Some((pred, org)) = possessive_role(cx, sent, toks, &words, j0, last_org) {
                    let pol = copula.map_or(Polarity::Asserted, |_| polarity(text, toks, j0));
                    push(
                        cx,
                        out,
                        subj,
                        pred,
                        org,
                        pol,
                        sent,
                        if copula.is_some() {
                            "copula:org_role"
                        } else {
                            "appos:org_role"
                        },
                        0.6,
                    );
                }
                let mut j = j0;
                if matches!(w(j), "a" | "an" | "the") {
                    j += 1;
                }
                let mut role: Option<(Predicate, usize)> = None;
                while j < toks.len() && j < j0 + 8 {
                    let t = &toks[j];
                    // a relative clause is no apposition ("Y, who was head
                    // of …" is read by the title rules)
                    if t.kind != TokenKind::Word
                        || t.text(text).starts_with(char::is_uppercase)
                        || matches!(w(j), "who" | "which" | "that" | "whose")
                    {
                        break;
                    }
                    if matches!(w(j + 1), "of" | "in" | "at" | "for") {
                        role = role_predicate(w(j)).map(|p| (p, j + 1));
                        break;
                    }
                    // "Y was the deputy to the senior Haqqani commander":
                    // second to a group's commander is the group's deputy
                    if w(j) == "deputy" && w(j + 1) == "to" {
                        let group = (j + 2..(j + 6).min(toks.len()))
                            .take_while(|&k| {
                                toks[k].kind == TokenKind::Word
                                    && !matches!(w(k), "who" | "which" | "that")
                            })
                            .find_map(|k| {
                                mention_at(k, &|x: &DocEntity| x.kind == EntityType::Organization)
                            })
                            .filter(|om| {
                                role_predicate(w(at(om.span.end))) == Some(Predicate::LeaderOf)
                            });
                        if let Some(om) = group {
                            let pol =
                                copula.map_or(Polarity::Asserted, |_| polarity(text, toks, j));
                            push(
                                cx,
                                out,
                                subj,
                                Predicate::DeputyOf,
                                om.entity,
                                pol,
                                sent,
                                "copula:deputy_to",
                                0.6,
                            );
                        }
                        break;
                    }
                    j += 1;
                }
                if let Some((pred, p)) = role {
                    let mut o = p + 1;
                    if w(o) == "the" {
                        o += 1;
                    }
                    // "governor of the state of Miranda"
                    if matches!(w(o), "state" | "province" | "city" | "region") && w(o + 1) == "of"
                    {
                        o += 2;
                    }
                    let place_head = matches!(w(p - 1), "governor" | "mayor");
                    let ok = |x: &DocEntity| {
                        x.kind == EntityType::Organization
                            || (place_head && x.kind == EntityType::Location)
                            || (pred == Predicate::LeaderOf && is_org(x))
                    };
                    // "Sir Harry Tuzo, the acting chief of the RUC, Mr David
                    // Corbett,": a role that a name follows is that name's
                    let next_named = |om: &M| {
                        let r = at(om.span.end);
                        let r = if w(r) == "," { r + 1 } else { return false };
                        let r = if matches!(w(r), "mr" | "mr." | "mrs" | "mrs." | "ms" | "ms.") {
                            r + 1
                        } else {
                            r
                        };
                        mention_at(r, &is_person).is_some()
                    };
                    // "head of the IRA's intelligence department": a part of
                    // the organisation
                    // ("a member of X's board of directors" is a member of X)
                    let part = |om: &M| {
                        let e = at(om.span.end);
                        toks.get(e).is_some_and(|t| t.kind == TokenKind::Possessive)
                            && !(pred == Predicate::MemberOf
                                && matches!(
                                    w(e + 1),
                                    "board" | "council" | "leadership" | "shura" | "committee"
                                ))
                    };
                    // "Y is not a member of X": the copula's negation
                    let pol = copula.map_or(Polarity::Asserted, |_| polarity(text, toks, p));
                    if let Some(om) = mention_at(o, &ok).filter(|om| !next_named(om) && !part(om)) {
                        // "a commander in the X" is one of its members; a
                        // "vice president of X" its deputy
                        let pred = if w(p) == "in" {
                            Predicate::MemberOf
                        } else if p >= 2 && matches!(w(p - 2), "vice" | "deputy" | "assistant") {
                            Predicate::DeputyOf
                        } else {
                            pred
                        };
                        push(
                            cx,
                            out,
                            subj,
                            pred,
                            om.entity,
                            pol,
                            sent,
                            if copula.is_some() {
                                "copula:role_of"
                            } else {
                                "appos:role_of"
                            },
                            0.65,
                        );
                        // "a founding member of X" founded it
                        if p >= 2 && matches!(w(p - 2), "founding" | "founder") {
                            push(
                                cx,
                                out,
                                subj,
                                Predicate::FounderOf,
                                om.entity,
                                pol,
                                sent,
                                "appos:founding_member",
                                0.6,
                            );
                        }
                        // "a lieutenant in the Birmingham Brigade of the
                        // IRA": a member of the unit is a member of the
                        // organisation it belongs to
                        let r = at(om.span.end);
                        if pred == Predicate::MemberOf && w(r) == "of" {
                            let r = if w(r + 1) == "the" { r + 2 } else { r + 1 };
                            if let Some(parent) =
                                mention_at(r, &|x| x.kind == EntityType::Organization)
                            {
                                push(
                                    cx,
                                    out,
                                    subj,
                                    Predicate::MemberOf,
                                    parent.entity,
                                    Polarity::Asserted,
                                    sent,
                                    "appos:role_of",
                                    0.6,
                                );
                            }
                        }
                    } else if pred == Predicate::LeaderOf {
                        // "the head of the foreign affairs division of JI":
                        // a part's head is a member of the whole
                        let part_of = (o..(o + 6).min(toks.len())).find(|&x| {
                            matches!(
                                w(x),
                                "division"
                                    | "department"
                                    | "wing"
                                    | "branch"
                                    | "committee"
                                    | "council"
                                    | "unit"
                                    | "section"
                                    | "bureau"
                                    | "cell"
                            ) && w(x + 1) == "of"
                                && (o..x).all(|y| {
                                    toks[y].kind == TokenKind::Word
                                        && !cx.text[toks[y].start..].starts_with(char::is_uppercase)
                                })
                        });
                        if let Some(x) = part_of {
                            let r = if w(x + 2) == "the" { x + 3 } else { x + 2 };
                            if let Some(whole) =
                                mention_at(r, &|e| e.kind == EntityType::Organization)
                            {
                                push(
                                    cx,
                                    out,
                                    subj,
                                    Predicate::MemberOf,
                                    whole.entity,
                                    pol,
                                    sent,
                                    "appos:head_of_part",
                                    0.6,
                                );
                            }
                        }
                    }
                }
            }
        }
        // "ASG leaders Khadafi Janjalani and Jainal Antel Sali", "Times
        // reporters Judith Miller and James Risen": a plural role after an
        // organisation, then the people who hold it
        for m in cx.in_range(sent) {
            if cx.entity(m.entity).kind != EntityType::Organization {
                continue;
            }
            let k = at(m.span.end);
            let mut r = k;
            // one lower-case modifier may come first ("senior leaders")
            if toks.get(r).is_some_and(|t| t.kind == TokenKind::Word)
                && role_predicate(w(r).strip_suffix('s').unwrap_or("")).is_none()
                && !cx.text[toks[r].start..].starts_with(char::is_uppercase)
            {
                r += 1;
            }
            let role = w(r);
            let Some(singular) = role.strip_suffix('s').filter(|x| x.len() > 2) else {
                continue;
            };
            let Some(pred) = role_predicate(singular) else {
                continue;
            };
            let Some(t0) = toks.get(r + 1) else { continue };
            let people = people_listed_at(cx, sent, t0);
            if people.len() >= 2 {
                for p in people {
                    push(
                        cx,
                        out,
                        p,
                        pred,
                        m.entity,
                        Polarity::Asserted,
                        sent,
                        "phrase:plural_role",
                        0.6,
                    );
                }
            }
        }
        // "the Islamic Movement of Uzbekistan whose leaders, X and Y,":
        // the people listed hold the role in the organisation
        for m in cx.in_range(sent) {
            if cx.entity(m.entity).kind != EntityType::Organization {
                continue;
            }
            let k = at(m.span.end);
            if w(k) != "whose" {
                continue;
            }
            let role = w(k + 1);
            let Some(pred) = role_predicate(role.strip_suffix('s').unwrap_or(role)) else {
                continue;
            };
            let first = if w(k + 2) == "," { k + 3 } else { k + 2 };
            let Some(t0) = toks.get(first) else { continue };
            for p in people_listed_at(cx, sent, t0) {
                push(
                    cx,
                    out,
                    p,
                    pred,
                    m.entity,
                    Polarity::Asserted,
                    sent,
                    "phrase:whose_role",
                    0.6,
                );
            }
        }
        // "Y became the group's leader on X's death", "after X's
        // killing": the leader named in this sentence succeeded X
        let leaders: Vec<(String, String)> = out
            .iter()
            .filter(|t| {
                t.sentence == *sent
                    && t.predicate == Predicate::LeaderOf
                    && t.polarity == Polarity::Asserted
            })
            .map(|t| (t.subject.clone(), t.object.clone()))
            .collect();
        if let Some((new_leader, _)) = leaders.first() {
            for i in 0..toks.len() {
                if !matches!(w(i), "on" | "after" | "following" | "upon") {
                    continue;
                }
                let end_of_tenure = |x: &str| {
                    matches!(
                        x,
                        "death" | "killing" | "assassination" | "resignation" | "ouster" | "arrest"
                    )
                };
                // "following the arrest of Y": the event, then the person
                let of_form = w(i + 1) == "the" && end_of_tenure(w(i + 2)) && w(i + 3) == "of";
                let first = if of_form { i + 4 } else { i + 1 };
                // ("after Mullah Omar's death": a title before the name)
                let Some(pm) =
                    mention_at(first, &is_person).or_else(|| mention_at(first + 1, &is_person))
                else {
                    continue;
                };
                let e = at(pm.span.end);
                let possessive_form = toks.get(e).is_some_and(|t| t.kind == TokenKind::Possessive)
                    && end_of_tenure(w(e + 1));
                if (of_form || possessive_form) && cx.entity(pm.entity).id != *new_leader {
                    if let Some(nl) = cx.ents.entities.iter().position(|x| x.id == *new_leader) {
                        push(
                            cx,
                            out,
                            pm.entity,
                            Predicate::SucceededBy,
                            nl,
                            Polarity::Asserted,
                            sent,
                            "phrase:succession",
                            0.6,
                        );
                    }
                }
            }
        }
        for m in cx.in_range(sent) {
            let e = cx.entity(m.entity);
            let k = at(m.span.end);
            // units: "the Belfast Brigade of the X", "X's Belfast Brigade"
            if e.kind == EntityType::Organization {
                let last = text[m.span.clone()]
                    .rsplit(' ')
                    .next()
                    .unwrap_or_default()
                    .to_lowercase();
                if UNIT_WORDS.contains(&last.as_str()) {
                    // "the Belfast Brigade": a unit named after its seat
                    // operates there, when the report names the place
                    let seat = text[m.span.clone()]
                        .rsplit_once(' ')
                        .map_or("", |(seat, _)| seat.trim());
                    if let Some(pl) = cx.ents.entities.iter().position(|x| {
                        x.kind == EntityType::Location
                            && (x.name == seat || x.aliases.iter().any(|a| a == seat))
                    }) {
                        push(
                            cx,
                            out,
                            m.entity,
                            Predicate::OperatesIn,
                            pl,
                            Polarity::Asserted,
                            sent,
                            "unit_seat",
                            0.6,
                        );
                    }
                    let parent = if w(k) == "of" {
                        let r = if w(k + 1) == "the" { k + 2 } else { k + 1 };
                        mention_at(r, &|x| x.kind == EntityType::Organization)
                    } else {
                        let f = at(m.span.start);
                        (f >= 2 && toks[f - 1].kind == TokenKind::Possessive)
                            .then(|| {
                                cx.in_range(sent)
                                    .find(|o| {
                                        o.span.end == toks[f - 2].end
                                            && cx.entity(o.entity).kind == EntityType::Organization
                                    })
                                    .cloned()
                            })
                            .flatten()
                    };
                    if let Some(pm) = parent {
                        push(
                            cx,
                            out,
                            m.entity,
                            Predicate::AffiliateOf,
                            pm.entity,
                            Polarity::Asserted,
                            sent,
                            "unit_of",
                            0.6,
                        );
                    }
                }
            }
            // "the Bosnia-based organization Al Furqan", "the Saudi
            // Arabia-based Al-Haramain Islamic Foundation": the organisation
            // named next (within a few words) is based in the place
            // (a country: "Pakistan-based militants"; a city base,
            // "the Washington-based Wilson Center", is an address)
            if is_place(e) && e.subtype.as_deref() == Some("country") && cx.base_of(m) {
                let from = at(m.span.end) + 1;
                if let Some(om) = cx
                    .in_range(sent)
                    .filter(|o| {
                        o.span.start > m.span.end
                            && cx.entity(o.entity).kind == EntityType::Organization
                    })
                    .min_by_key(|o| o.span.start)
                {
                    let gap = at(om.span.start).saturating_sub(from);
                    let plain = (from..at(om.span.start)).all(|x| {
                        toks[x].kind == TokenKind::Word
                            && toks[x].text(text).starts_with(char::is_lowercase)
                    });
                    if gap <= 4 && plain {
                        push(
                            cx,
                            out,
                            om.entity,
                            Predicate::OperatesIn,
                            m.entity,
                            Polarity::Asserted,
                            sent,
                            "modifier:based",
                            0.65,
                        );
                    }
                }
            }
            // presence: "the X hierarchy in Dublin", "X troops are
            // stationed in Y", "X fighters based in Y"
            if is_org(e) {
                let mut j = k;
                let noun = PRESENCE.contains(&w(j));
                if noun {
                    j += 1;
                }
                let mut verb = false;
                if matches!(w(j), "are" | "is" | "were" | "was" | "remain" | "remained") {
                    j += 1;
                }
                if STATIONED.contains(&w(j)) {
                    verb = true;
                    j += 1;
                }
                // the presence noun or the verb must be there: "the Taliban
                // in Doha" alone says nothing of where it operates
                if (noun || verb) && matches!(w(j), "in" | "at" | "inside" | "across") {
                    // "in the southern city of Kandahar"
                    let mut p = j + 1;
                    if w(p) == "the" {
                        p += 1;
                    }
                    while crate::text::COMPASS_ADJECTIVES.contains(&w(p)) {
                        p += 1;
                    }
                    let p = if matches!(w(p), "city" | "town" | "province" | "region" | "district")
                        && w(p + 1) == "of"
                    {
                        p + 2
                    } else {
                        j + 1
                    };
                    if let Some(pl) = near_after(cx, sent, toks, &words, p, &is_place) {
                        // "U.S. forces in the U.S." is no presence abroad
                        if pl != m.entity {
                            push(
                                cx,
                                out,
                                m.entity,
                                Predicate::OperatesIn,
                                pl,
                                polarity(text, toks, j),
                                sent,
                                "noun:presence_in",
                                0.6,
                            );
                        }
                    }
                }
            }
        }
        for (k, t) in toks.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            // "his predecessor, George W. Bush": Bush was succeeded by him;
            // "X's successor, Y": X was succeeded by Y
            if matches!(w(k), "predecessor" | "successor") && k > 0 {
                let holder = if matches!(w(k - 1), "his" | "her") {
                    person_before(k - 1)
                } else if toks[k - 1].kind == TokenKind::Possessive && k > 1 {
                    cx.in_range(sent)
                        .find(|p| p.span.end == toks[k - 2].end && is_person(cx.entity(p.entity)))
                        .map(|p| p.entity)
                } else {
                    None
                };
                let j = if w(k + 1) == "," { k + 2 } else { k + 1 };
                let named = mention_at(j, &is_person).map(|p| p.entity);
                if let (Some(h), Some(n)) = (holder, named) {
                    let (s, o) = if w(k) == "predecessor" {
                        (n, h)
                    } else {
                        (h, n)
                    };
                    push(
                        cx,
                        out,
                        s,
                        Predicate::SucceededBy,
                        o,
                        Polarity::Asserted,
                        sent,
                        "noun:predecessor",
                        0.65,
                    );
                }
            }
            // "he was ever in the IRA": a person in an armed group
            if w(k) == "in" && k >= 2 {
                let mut b = k - 1;
                if matches!(w(b), "ever" | "never" | "once" | "still" | "also" | "not") {
                    b -= 1;
                }
                if !matches!(w(b), "was" | "is" | "been") || b == 0 {
                    continue;
                }
                let subj = if matches!(w(b - 1), "he" | "she") {
                    person_before(b - 1)
                } else {
                    cx.in_range(sent)
                        .find(|p| p.span.end == toks[b - 1].end && is_person(cx.entity(p.entity)))
                        .map(|p| p.entity)
                };
                let j = if w(k + 1) == "the" { k + 2 } else { k + 1 };
                let Some(om) = mention_at(j, &|x| {
                    x.kind == EntityType::Organization
                        && x.subtype.as_deref() == Some("armed_group")
                }) else {
                    continue;
                };
                // the group must end the clause: "was in the IRA's
                // custody" is no membership
                let r = at(om.span.end);
                let ends = toks
                    .get(r)
                    .is_none_or(|t| t.kind == TokenKind::Punct && !matches!(w(r), "'s" | "’s"))
                    || matches!(
                        w(r),
                        "and" | "but" | "when" | "until" | "in" | "from" | "for"
                    );
                if let (Some(s), true) = (subj, ends) {
                    push(
                        cx,
                        out,
                        s,
                        Predicate::MemberOf,
                        om.entity,
                        polarity(text, toks, k),
                        sent,
                        "verb:was_in",
                        0.6,
                    );
                }
            }
        }
        // who "he" in the next sentence is: the same person when this one
        // opened with "he"/"she"; else the person this sentence opens with
        // (its subject: "He took over … following the arrest of Y. He is
        // considered …" is still the first man), else the last one named
        if !matches!(w(0), "he" | "she") {
            let opening = cx
                .in_range(sent)
                .filter(|m| is_person(cx.entity(m.entity)))
                .find(|m| at(m.span.start) <= 1);
            if let Some(p) = opening.or_else(|| {
                cx.in_range(sent)
                    .filter(|m| is_person(cx.entity(m.entity)))
                    .last()
            }) {
                last_person = Some(p.entity);
            }
        }
        if let Some(o) = cx
            .in_range(sent)
            .filter(|m| group_like(cx.entity(m.entity)))
            .last()
        {
            last_org = Some(o.entity);
        }
    }
}

/// An organisation "the group" can refer back to: not a government body.
fn group_like(e: &DocEntity) -> bool {
    e.kind == EntityType::Organization
        && !matches!(
            e.subtype.as_deref(),
            Some("government" | "agency" | "media")
        )
}

/// "TTP's emir", "the group's leader at the time": a role held in the
/// organisation named in the possessive at token `j`, or referred to as
/// "the group" (the last group named before, in the sentence or earlier:
/// `last_org`). A post "for" or "in" a place ("TTP's emir for the South
/// Waziristan Agency") is a regional one: membership, not leadership.
fn possessive_role(
    cx: &Ctx<'_>,
    sent: &Range<usize>,
    toks: &[Token],
    words: &[String],
    j: usize,
    last_org: Option<usize>,
) -> Option<(Predicate, usize)> {
    let w = |i: usize| words.get(i).map(String::as_str).unwrap_or_default();
    let start = toks.get(j)?.start;
    let named = cx
        .in_range(sent)
        .filter(|m| m.span.start == start && is_org(cx.entity(m.entity)))
        .max_by_key(|m| m.span.end);
    let (org, after) = if let Some(m) = named {
        (m.entity, toks.partition_point(|t| t.start < m.span.end))
    } else if w(j) == "the"
        && matches!(
            w(j + 1),
            "group" | "organization" | "organisation" | "movement" | "network" | "militia"
        )
    {
        let org = cx.before(sent, start, &group_like).or(last_org)?;
        (org, j + 2)
    } else {
        return None;
    };
    if toks.get(after)?.kind != TokenKind::Possessive {
        return None;
    }
    // a few lower-case modifiers before the role: "TTP's top military
    // commander", "RSM's political, religious and strategic leader"
    let k = (after + 1..(after + 8).min(toks.len())).find(|&k| role_predicate(w(k)).is_some())?;
    if (after + 1..k).any(|i| {
        let comma_or_and = w(i) == "," || w(i) == "and";
        !comma_or_and
            && (toks[i].kind != TokenKind::Word
                || cx.text[toks[i].start..].starts_with(char::is_uppercase))
    }) || matches!(w(k + 1), "of" | "'s")
    {
        return None;
    }
    let mut pred = role_predicate(w(k))?;
    if k > after + 1 && matches!(w(k - 1), "vice" | "deputy" | "assistant" | "second") {
        pred = Predicate::DeputyOf;
    }
    let regional = matches!(w(k + 1), "for" | "in")
        && toks
            .get(k + 2 + usize::from(w(k + 2) == "the"))
            .is_some_and(|t| {
                cx.in_range(sent).any(|m| {
                    // a place (or a district the recogniser took for a
                    // body: "the South Waziristan Agency"), not a date
                    m.span.start == t.start && !is_person(cx.entity(m.entity))
                })
            });
    if regional && pred == Predicate::LeaderOf {
        pred = Predicate::MemberOf;
    }
    Some((pred, org))
}

/// The country a word names as a demonym ("Algerian", "Peruvian"), by the
/// lexicon's id.
fn demonym_id(word: &str) -> Option<&'static str> {
    let lex = Lexicon::global();
    lex.lookup(word)
        .iter()
        .find(|l| {
            l.case.accepts(word)
                && l.kind == SurfaceKind::Demonym
                && lex.entry(l.entry).subtype == "country"
        })
        .map(|l| lex.entry(l.entry).id)
}

/// An armed group's home, said in the words that name it: "Peru's Shining
/// Path", "Sri Lanka's separatist Tamil Tigers" (a country's possessive,
/// past at most two describing words), "the banned Algerian Islamic
/// Salvation Front", "Peruvian Shining Path guerrillas" (a demonym opening
/// the name, or just before it past at most two describing words). The
/// group operates in that country, when the report names the country. An
/// exile group is from a country, not in it, and gets no tie.
fn home_ties(cx: &Ctx<'_>, out: &mut Vec<TieOut>) {
    let text = cx.text;
    let a = &cx.ents.analysis;
    // (a named group: "Peru's guerrillas" names no group of its own)
    let armed = |e: &DocEntity| {
        e.kind == EntityType::Organization
            && e.subtype.as_deref() == Some("armed_group")
            && !generic_group(&e.name)
    };
    for (si, sent) in a.sentences.iter().enumerate() {
        let toks = &a.tokens[a.sentence_tokens[si].clone()];
        let at = |b: usize| toks.partition_point(|t| t.start < b);
        let exile = toks
            .iter()
            .any(|t| matches!(lw(text, t).as_str(), "exile" | "exiled" | "exiles"));
        if exile {
            continue;
        }
        for m in cx.in_range(sent) {
            let g = cx.entity(m.entity);
            if !armed(g) {
                continue;
            }
            let k = at(m.span.start);
            let mut found: Option<usize> = None;
            // a demonym opening the mention's own words
            let first = text[m.span.clone()]
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or_default();
            if let Some(id) = demonym_id(first) {
                found = country_entity(cx, id);
            }
            // back over at most two describing words to a demonym or a
            // country's possessive
            let mut j = k;
            let mut steps = 0;
            while found.is_none() && j > 0 && steps <= 2 {
                let t = &toks[j - 1];
                let w = t.text(text);
                if t.kind == TokenKind::Possessive {
                    found = cx
                        .in_range(sent)
                        .find(|c| c.span.end == t.start && is_country(cx.entity(c.entity)))
                        .map(|c| c.entity);
                    break;
                }
                if t.kind != TokenKind::Word {
                    break;
                }
                if let Some(id) = demonym_id(w) {
                    found = country_entity(cx, id);
                    break;
                }
                // describing words: "separatist", "Kurdish", "pro-Iranian"
                let lower = w.to_lowercase();
                if lower.ends_with("ed")
                    || lower.ends_with("ing")
                    || matches!(lower.as_str(), "the" | "a" | "an" | "and" | "of" | "in")
                {
                    break;
                }
                j -= 1;
                steps += 1;
            }
            if let Some(c) = found {
                push(
                    cx,
                    out,
                    m.entity,
                    Predicate::OperatesIn,
                    c,
                    Polarity::Asserted,
                    sent,
                    "name:home_country",
                    0.55,
                );
            }
        }
    }
}

/// Where an actor is, said by the words right after its name: "the ECOMOG
/// peacekeeping force in Liberia", "Hizbollah guerrillas in south
/// Lebanon", "Home Depot in Somerville", "the KDP's headquarters in
/// Salahuddin", "the organisation's members in Arbil". An organisation's
/// mention, then at most three words that name its people or premises
/// (or none), then "in" and a place (past "the" and a compass word):
/// the organisation operates in the place. Not when the place opens a
/// longer phrase ("in Iraq's north": still the place; "in Kabul talks":
/// the place names the talks, not a presence) or the words before make
/// the name the object of a move away ("withdrawal of", "expelled").
fn located_ties(cx: &Ctx<'_>, out: &mut Vec<TieOut>) {
    const PRESENCE: &[&str] = &[
        "force",
        "forces",
        "troops",
        "soldiers",
        "units",
        "unit",
        "base",
        "bases",
        "office",
        "offices",
        "headquarters",
        "members",
        "fighters",
        "branch",
        "branches",
        "wing",
        "cell",
        "cells",
        "militants",
        "militiamen",
        "militia",
        "guerrillas",
        "rebels",
        "insurgents",
        "commanders",
        "peacekeepers",
        "peacekeeping",
        "contingent",
        "garrison",
        "positions",
        "firm",
        "company",
        "store",
        "plant",
        "factory",
        "embassy",
        "consulate",
        "mission",
        "camp",
        "camps",
        "operations",
        "presence",
        "personnel",
        "staff",
        "chapter",
        "affiliate",
        "faction",
        "army",
        "police",
        "special",
        "military",
        "security",
        "campus",
        "restaurant",
        "shop",
    ];
    let text = cx.text;
    let a = &cx.ents.analysis;
    for (si, sent) in a.sentences.iter().enumerate() {
        let toks = &a.tokens[a.sentence_tokens[si].clone()];
        let words: Vec<String> = toks.iter().map(|t| lw(text, t)).collect();
        let w = |i: usize| words.get(i).map(String::as_str).unwrap_or_default();
        for m in cx.in_range(sent) {
            let e = cx.entity(m.entity);
            if e.kind != EntityType::Organization || media_like(cx.text, e) {
                continue;
            }
            let first = toks.partition_point(|t| t.start < m.span.start);
            let mut k = toks.partition_point(|t| t.start < m.span.end);
            // "the KDP's headquarters in …"
            if toks.get(k).is_some_and(|t| t.kind == TokenKind::Possessive) {
                k += 1;
            }
            let own = k;
            while k < own + 3 && PRESENCE.contains(&w(k)) {
                k += 1;
            }
            if !matches!(w(k), "in" | "inside") {
                continue;
            }
            // a move away or a plan: "withdrawal of X in …" reads as
            // where the move happens; a verb of leaving names no presence
            // "the shootout with police in Watertown", "talks with the
            // Taliban in Doha": after a preposition the place tells where
            // the act was, not where the actor is
            let mut d = first;
            while d > 0 && matches!(words[d - 1].as_str(), "the" | "a" | "an") {
                d -= 1;
            }
            // (unless the words name the actor's own premises or people:
            // "to the KDP's headquarters in Salahuddin")
            let bare = k == toks.partition_point(|t| t.start < m.span.end);
            if bare
                && d > 0
                && matches!(
                    words[d - 1].as_str(),
                    "with" | "against" | "on" | "by" | "from" | "to" | "at" | "for" | "between"
                )
            {
                continue;
            }
            // "U.S. officials in Qatar": people sent somewhere are visiting
            let head = e.name.rsplit(' ').next().unwrap_or_default().to_lowercase();
            if matches!(
                head.as_str(),
                "officials"
                    | "representatives"
                    | "delegation"
                    | "delegates"
                    | "envoys"
                    | "negotiators"
                    | "diplomats"
                    | "leaders"
            ) {
                continue;
            }
            let before = &words[first.saturating_sub(3)..first];
            if before.iter().any(|x| {
                matches!(
                    x.as_str(),
                    "withdrawal" | "withdraw" | "expelled" | "expel" | "leave" | "left" | "against"
                )
            }) {
                continue;
            }
            let mut p = k + 1;
            if w(p) == "the" {
                p += 1;
            }
            while crate::text::COMPASS_ADJECTIVES.contains(&w(p))
                || matches!(w(p), "north" | "south" | "east" | "west")
            {
                p += 1;
            }
            let Some(pm) = cx
                .in_range(sent)
                .filter(|x| x.span.start == toks.get(p).map_or(usize::MAX, |t| t.start))
                .find(|x| is_place(cx.entity(x.entity)))
            else {
                continue;
            };
            // "in Kabul talks", "in Afghan affairs": the place word
            // modifies a noun that follows
            let after = toks.partition_point(|t| t.start < pm.span.end);
            if toks.get(after).is_some_and(|t| {
                t.kind == TokenKind::Word && t.text(text).chars().all(|c| c.is_lowercase())
            }) && !matches!(
                w(after),
                "and"
                    | "or"
                    | "on"
                    | "in"
                    | "since"
                    | "for"
                    | "to"
                    | "at"
                    | "as"
                    | "after"
                    | "before"
                    | "during"
                    | "last"
                    | "this"
                    | "where"
                    | "which"
                    | "who"
                    | "that"
                    | "when"
                    | "from"
                    | "of"
                    | "by"
                    | "with"
                    | "province"
                    | "district"
                    | "state"
                    | "region"
                    | "city"
                    | "town"
            ) {
                continue;
            }
            push(
                cx,
                out,
                m.entity,
                Predicate::OperatesIn,
                pm.entity,
                polarity(text, toks, k),
                sent,
                "phrase:in_place",
                0.5,
            );
        }
    }
}

/// A group named only by what its members are ("guerrillas", "Suspected
/// militants", "fighters"): lower-case past its first letter and ending in
/// a noun for armed men.
fn generic_group(name: &str) -> bool {
    let lower = name.to_lowercase();
    let rest_lower = name.chars().skip(1).all(|c| !c.is_uppercase());
    rest_lower
        && [
            "guerrillas",
            "rebels",
            "fighters",
            "militants",
            "gunmen",
            "insurgents",
            "militiamen",
            "mutineers",
            "vigilantes",
            "attackers",
            "jihadists",
            "extremists",
            "troops",
            "soldiers",
        ]
        .iter()
        .any(|h| lower.ends_with(h))
}

/// "Faik Nerweyi of the Kurdistan Democratic Party (KDP) said": a person
/// named with the organisation he speaks or acts for is its member. Only
/// right after the name (a place there, "Juan Perez of Bogota", is where he
/// is from; a person, "the son of X", is kin).
fn of_org_ties(cx: &Ctx<'_>, out: &mut Vec<TieOut>) {
    let text = cx.text;
    for (si, sent) in cx.ents.analysis.sentences.iter().enumerate() {
        let toks = &cx.ents.analysis.tokens[cx.ents.analysis.sentence_tokens[si].clone()];
        for m in cx.in_range(sent) {
            if !is_person(cx.entity(m.entity)) {
                continue;
            }
            let k = toks.partition_point(|t| t.start < m.span.end);
            if toks.get(k).map(|t| lw(text, t)).as_deref() != Some("of") {
                continue;
            }
            let mut j = k + 1;
            if toks.get(j).map(|t| lw(text, t)).as_deref() == Some("the") {
                j += 1;
            }
            let Some(start) = toks.get(j).map(|t| t.start) else {
                continue;
            };
            let org = cx
                .in_range(sent)
                .find(|o| {
                    o.span.start == start && cx.entity(o.entity).kind == EntityType::Organization
                })
                .map(|o| o.entity);
            if let Some(o) = org {
                push(
                    cx,
                    out,
                    m.entity,
                    Predicate::MemberOf,
                    o,
                    Polarity::Asserted,
                    sent,
                    "apposition:of_org",
                    0.6,
                );
            }
        }
    }
}

/// "the two rival Kurdish factions", "the two warring parties", "both
/// sides": a report about two named groups refers to them together. When
/// the document names exactly two organisations of one kind (armed groups,
/// or parties) most often, such a phrase stands for the pair, and what it
/// says of them ties them:
/// - "rival", "warring", or fighting between them: `rival_of`;
/// - a ceasefire, agreement or talks between them: `negotiates_with`;
/// - "… in northern Iraq" after the phrase: each `operates_in` the place
///   (the country the place lies in, when the document names it).
fn pair_ties(cx: &Ctx<'_>, out: &mut Vec<TieOut>) {
    let text = cx.text;
    let Some((a, b)) = report_pair(text, cx.ents) else {
        return;
    };
    for (si, sent) in cx.ents.analysis.sentences.iter().enumerate() {
        let toks = &cx.ents.analysis.tokens[cx.ents.analysis.sentence_tokens[si].clone()];
        let words: Vec<String> = toks.iter().map(|t| lw(text, t)).collect();
        let w = |i: usize| words.get(i).map(String::as_str).unwrap_or_default();
        for k in 0..words.len() {
            let Some((h, desc)) = pair_phrase(&words, k) else {
                continue;
            };
            let before = |n: usize| if k >= n { w(k - n) } else { "" };
            // ("between the two factions", "between the two")
            let between = before(1) == "between" || (before(1) == "the" && before(2) == "between");
            // the noun "between" belongs to: up to three words back ("the
            // ceasefire agreed between the two parties")
            let b_at = if before(1) == "the" {
                k.saturating_sub(2)
            } else {
                k.saturating_sub(1)
            };
            let near = |list: &[&str]| {
                between && (b_at.saturating_sub(3)..b_at).any(|j| list.contains(&w(j)))
            };
            let fight = desc
                .iter()
                .any(|d| matches!(*d, "rival" | "warring" | "feuding"))
                || near(&[
                    "fighting",
                    "clashes",
                    "war",
                    "battles",
                    "hostilities",
                    "conflict",
                ]);
            let deal = near(&[
                "ceasefire",
                "truce",
                "agreement",
                "accord",
                "deal",
                "talks",
                "pact",
            ]);
            let mut add = |p: Predicate, s: usize, o: usize, method: &'static str| {
                push(cx, out, s, p, o, Polarity::Asserted, sent, method, 0.5);
            };
            if fight {
                add(Predicate::RivalOf, a, b, "pair:rival");
            }
            if deal {
                add(Predicate::NegotiatesWith, a, b, "pair:deal");
            }
            // "… factions in northern Iraq"
            if w(h + 1) == "in" {
                let mut p = h + 2;
                if w(p) == "the" {
                    p += 1;
                }
                while crate::text::COMPASS_ADJECTIVES.contains(&w(p)) {
                    p += 1;
                }
                if let Some(pl) = near_after(cx, sent, toks, &words, p, &is_place) {
                    for g in [a, b] {
                        add(Predicate::OperatesIn, g, pl, "pair:in");
                    }
                }
            }
        }
    }
}

/// The two named groups a report is about, when it is about two: the two
/// organisations of one kind (armed groups, parties) it names most often,
/// clearly ahead of a third, and named together in some sentence ("the KDP
/// and the PUK"). Entity indexes.
pub(crate) fn report_pair(text: &str, ents: &DocEntities) -> Option<(usize, usize)> {
    let mut groups: Vec<(usize, usize)> = ents
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.kind == EntityType::Organization
                && matches!(e.subtype.as_deref(), Some("armed_group" | "other") | None)
                && !generic_group(&e.name)
                && e.mentions.len() >= 2
                && !media_like(text, e)
        })
        .map(|(i, e)| (e.mentions.len(), i))
        .collect();
    // most mentioned first; the first named on a tie
    groups.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let (a, b) = match groups.as_slice() {
        [(_, a), (_, b)] => (*a, *b),
        [(_, a), (nb, b), (nc, _), ..] if nb > nc => (*a, *b),
        _ => return None,
    };
    let within = |m: &Range<usize>, s: &Range<usize>| s.start <= m.start && m.end <= s.end;
    let together = ents.analysis.sentences.iter().any(|s| {
        ents.entities[a].mentions.iter().any(|m| within(m, s))
            && ents.entities[b].mentions.iter().any(|m| within(m, s))
    });
    together.then_some((a, b))
}

/// "the two rival Kurdish factions", "both sides": a phrase naming a pair
/// of groups, opening at token `k` of `words` ("two" or "both"). Returns
/// the index of its head noun and the describing words between.
pub(crate) fn pair_phrase(words: &[String], k: usize) -> Option<(usize, Vec<&str>)> {
    let w = |i: usize| words.get(i).map(String::as_str).unwrap_or_default();
    if !matches!(w(k), "two" | "both") {
        return None;
    }
    let head = |x: &str| matches!(x, "factions" | "parties" | "groups" | "sides" | "movements");
    let mut h = k + 1;
    let mut desc = Vec::new();
    while h < words.len() && h <= k + 4 && !head(w(h)) {
        if !w(h).chars().all(|c| c.is_alphabetic() || c == '-') {
            return None;
        }
        desc.push(w(h));
        h += 1;
    }
    head(w(h)).then_some((h, desc))
}

/// An organisation the text presents as a news outlet ("the Iranian news
/// agency IRNA", "IRNA reported", "the newspaper X"), whatever the entity
/// typing said.
fn media_like(text: &str, e: &DocEntity) -> bool {
    e.mentions.iter().any(|m| {
        let before = text[..m.start]
            .split_whitespace()
            .next_back()
            .unwrap_or_default()
            .to_lowercase();
        let after = text[m.end..]
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        matches!(
            before.as_str(),
            "agency" | "newspaper" | "daily" | "weekly" | "radio" | "television" | "broadcaster"
        ) || matches!(
            after.as_str(),
            "reported" | "quoted" | "reports" | "newspaper"
        )
    })
}
