//! The evidence graph: entities, mentions, ties, events, claims, evidence,
//! agreements and obligations, as `ONTOLOGY.md` defines them.

use crate::{ContentHash, PartialDate};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Defines a string-valued enum with its wire names, `as_str`, `ALL`,
/// `FromStr` and `Display`, so wire names are written once.
macro_rules! wire_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $wire:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $wire)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire),+ }
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($wire => Ok($name::$variant),)+
                    _ => Err(format!(
                        concat!("unknown ", stringify!($name), " {:?} (expected one of: {})"),
                        s,
                        [$($wire),+].join(", ")
                    )),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

wire_enum!(
    /// The four entity types of the ontology.
    EntityType {
        Person => "person",
        Organization => "organization",
        Location => "location",
        Agreement => "agreement",
    }
);

wire_enum!(
    /// Tie predicates. Directed unless [`Predicate::is_symmetric`].
    Predicate {
        Hosts => "hosts",
        Trains => "trains",
        Advises => "advises",
        Funds => "funds",
        Supplies => "supplies",
        IntegratedInto => "integrated_into",
        CooperatesWith => "cooperates_with",
        AlliedWith => "allied_with",
        AffiliateOf => "affiliate_of",
        SplitFrom => "split_from",
        RivalOf => "rival_of",
        NegotiatesWith => "negotiates_with",
        PartyTo => "party_to",
        MemberOf => "member_of",
        LeaderOf => "leader_of",
        DeputyOf => "deputy_of",
        FounderOf => "founder_of",
        AffiliatedWith => "affiliated_with",
        SucceededBy => "succeeded_by",
        NationalOf => "national_of",
        Controls => "controls",
        OperatesIn => "operates_in",
    }
);

impl Predicate {
    pub fn is_symmetric(self) -> bool {
        matches!(
            self,
            Predicate::CooperatesWith
                | Predicate::AlliedWith
                | Predicate::RivalOf
                | Predicate::NegotiatesWith
        )
    }
}

wire_enum!(
    /// Whether the evidence asserts, denies or hedges a tie.
    Polarity {
        Asserted => "asserted",
        Denied => "denied",
        Hedged => "hedged",
    }
);

impl Default for Polarity {
    fn default() -> Self {
        Polarity::Asserted
    }
}

wire_enum!(
    /// The 16 PLOVER event types.
    PloverType {
        Agree => "AGREE",
        Consult => "CONSULT",
        Support => "SUPPORT",
        Concede => "CONCEDE",
        Cooperate => "COOPERATE",
        Aid => "AID",
        Retreat => "RETREAT",
        Request => "REQUEST",
        Accuse => "ACCUSE",
        Reject => "REJECT",
        Threaten => "THREATEN",
        Protest => "PROTEST",
        Sanction => "SANCTION",
        Mobilize => "MOBILIZE",
        Coerce => "COERCE",
        Assault => "ASSAULT",
    }
);

wire_enum!(
    /// A claim's stance toward a tie.
    Stance {
        Supports => "supports",
        Disputes => "disputes",
        Neutral => "neutral",
    }
);

wire_enum!(
    /// NATO Admiralty source reliability, A (completely reliable) to F
    /// (cannot be judged).
    Reliability {
        A => "A",
        B => "B",
        C => "C",
        D => "D",
        E => "E",
        F => "F",
    }
);

impl Default for Reliability {
    fn default() -> Self {
        Reliability::F
    }
}

wire_enum!(
    /// NATO Admiralty information credibility, 1 (confirmed) to 6 (cannot be
    /// judged).
    Credibility {
        Confirmed => "1",
        ProbablyTrue => "2",
        PossiblyTrue => "3",
        DoubtfullyTrue => "4",
        Improbable => "5",
        CannotBeJudged => "6",
    }
);

impl Default for Credibility {
    fn default() -> Self {
        Credibility::CannotBeJudged
    }
}

wire_enum!(
    /// How a piece of evidence bears on an obligation under one reading.
    AssessmentVerdict {
        Consistent => "consistent",
        Inconsistent => "inconsistent",
        Neutral => "neutral",
    }
);

/// Where a tie, event or claim was read: document, sentence span, method,
/// confidence and credibility.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub document: ContentHash,
    /// Byte span of the sentence in the document's stored text.
    pub start: usize,
    pub end: usize,
    /// The sentence itself, as it stands in the text.
    pub sentence: String,
    /// The extractor or rule that produced it (e.g. `pattern:hosts`, `analyst`).
    pub method: String,
    /// 0.0..=1.0
    pub confidence: f32,
    #[serde(default)]
    pub credibility: Credibility,
}

/// One occurrence of an entity in a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub document: ContentHash,
    /// Byte span in the document's stored text.
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// An identifier in an outside reference list (UN sanctions, OFAC, Wikidata).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ExternalId {
    /// `un`, `ofac`, `wikidata`, ...
    pub scheme: String,
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtype: Option<String>,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nationality: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub external_ids: Vec<ExternalId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tie {
    pub subject: String,
    pub predicate: Predicate,
    pub object: String,
    #[serde(default)]
    pub polarity: Polarity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    #[serde(rename = "type")]
    pub kind: PloverType,
    pub agents: Vec<String>,
    pub targets: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fatalities: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub speaker: String,
    pub quote: String,
    #[serde(default)]
    pub about: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    pub evidence: Vec<Evidence>,
}

/// A clause of an agreement, with the ambiguous terms an analyst wants to
/// compare readings of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Obligation {
    pub id: String,
    pub text: String,
    pub obligor: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beneficiary: Option<String>,
    /// Term → readings, e.g. `control` → [`full control only`,
    /// `full control and contested areas`].
    #[serde(default)]
    pub ambiguous_terms: Vec<(String, Vec<String>)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    pub id: String,
    pub name: String,
    pub parties: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    pub obligations: Vec<Obligation>,
}

/// One cell of an Analysis of Competing Hypotheses matrix: this evidence,
/// under this reading of the obligation's terms, is (in)consistent with
/// compliance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub obligation: String,
    pub reading: String,
    pub verdict: AssessmentVerdict,
    pub evidence: Evidence,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_round_trip() {
        for p in Predicate::ALL {
            assert_eq!(p.as_str().parse::<Predicate>().unwrap(), *p);
            let json = serde_json::to_string(p).unwrap();
            assert_eq!(json, format!("\"{}\"", p.as_str()));
        }
        assert_eq!(PloverType::ALL.len(), 16);
        assert_eq!(Predicate::ALL.len(), 22);
    }

    #[test]
    fn unknown_names_are_named_in_the_error() {
        let err = "hugs".parse::<Predicate>().unwrap_err();
        assert!(err.contains("hugs") && err.contains("hosts"), "{err}");
    }
}
