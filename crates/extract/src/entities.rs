//! Who is who in one document: name mentions grouped into entities, with
//! aliases ("also known as", acronyms in brackets, surnames used alone,
//! spellings of one dictionary entry), descriptive organisations
//! ("Afghan special forces", "U.S. troops", "the Afghan government"),
//! agreements ("the 2020 U.S.-Taliban deal"), and simple coreference of
//! definite descriptions ("The Egyptian national, also known as …").

use crate::gazetteer::PlaceKind;
use crate::lexicon::{EntryType, Lexicon, SurfaceKind};
use crate::ner::{analyze, led_prefix, Analysis, Cue, NerLabel};
use crate::text::{fold, Token, TokenKind};
use std::collections::HashMap;
use std::ops::Range;
use untangle_model::EntityType;

/// An entity found in one document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocEntity {
    /// `e1`, `e2`, … in order of first mention.
    pub id: String,
    pub kind: EntityType,
    pub subtype: Option<String>,
    pub name: String,
    /// Every other surface form seen in the text (folded-distinct).
    pub aliases: Vec<String>,
    /// Byte spans of its mentions, in text order.
    pub mentions: Vec<Range<usize>>,
    /// The lexicon entry it was linked to, if any (`un:QDe.004`, `country:AFG`).
    pub lexicon_id: Option<&'static str>,
    pub nationality: Option<String>,
    /// A title or position the text gives: "No. 2 figure", "founder",
    /// "deputy director of the Asia Program".
    pub title: Option<String>,
    /// For places: the resolved place with its province and country.
    pub place: Option<crate::gazetteer::Place>,
}

/// Entities of one document, with the analysis they came from.
#[derive(Debug, Clone, Default)]
pub struct DocEntities {
    pub analysis: Analysis,
    pub entities: Vec<DocEntity>,
}

impl DocEntities {
    /// The text and analysis with bracketed reference codes blanked out:
    /// "Hakimullah Mehsud (QDi.286) became the group's leader", "Wali Ur
    /// Rehman (QDi.287) is TTP's emir" read as if the code were not there, so
    /// that the patterns that need a name next to its verb or title see it.
    /// Codes are ASCII and are replaced by spaces byte for byte, so every span
    /// (mentions, sentences, evidence) stays valid for the original text.
    /// `None` (no copy made) when the text has no such code. Ties, events
    /// and claims read the copy; what they output is sliced from the original.
    pub fn without_reference_codes(&self, text: &str) -> Option<(String, DocEntities)> {
        let ents = self;
        let a = &ents.analysis;
        let mut blank: Vec<Range<usize>> = Vec::new();
        for (i, t) in a.tokens.iter().enumerate() {
            if t.text(text) != "(" {
                continue;
            }
            let Some(close) =
                (i + 1..(i + 6).min(a.tokens.len())).find(|&j| a.tokens[j].text(text) == ")")
            else {
                continue;
            };
            let inner = &text[t.end..a.tokens[close].start];
            let span = t.start..a.tokens[close].end;
            // (the cheap test first: few brackets hold a code)
            if !reference_code(inner.trim()) {
                continue;
            }
            let in_mention = ents
                .entities
                .iter()
                .flat_map(|e| e.mentions.iter())
                .any(|m| m.start < span.end && span.start < m.end);
            if !in_mention {
                blank.push(span);
            }
        }
        if blank.is_empty() {
            return None;
        }
        let mut masked = text.as_bytes().to_vec();
        for r in &blank {
            masked[r.clone()].fill(b' ');
        }
        let masked = String::from_utf8(masked).ok()?;
        let gone = |t: &Token| blank.iter().any(|r| r.start <= t.start && t.end <= r.end);
        let mut out = ents.clone();
        let mut new_index = Vec::with_capacity(a.tokens.len() + 1);
        out.analysis.tokens.clear();
        for t in &a.tokens {
            new_index.push(out.analysis.tokens.len());
            if !gone(t) {
                out.analysis.tokens.push(*t);
            }
        }
        new_index.push(out.analysis.tokens.len());
        for r in &mut out.analysis.sentence_tokens {
            *r = new_index[r.start]..new_index[r.end];
        }
        Some((masked, out))
    }

    /// The entity a byte span (a mention) belongs to.
    pub fn entity_at(&self, span: &Range<usize>) -> Option<&DocEntity> {
        self.entities.iter().find(|e| {
            e.mentions
                .iter()
                .any(|m| m.start <= span.start && span.end <= m.end)
        })
    }
}

/// A sanctions-list or document reference code: one word of letters and
/// digits with a period or hyphen, holding both ("QDi.286", "QDe.001",
/// "TAi.144"); not a year or a plain number.
fn reference_code(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 14
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && s.contains(['.', '-'])
        && s.chars().any(|c| c.is_ascii_digit())
        && s.chars().any(|c| c.is_ascii_uppercase())
}

#[derive(Debug, Clone)]
struct Item {
    span: Range<usize>,
    kind: EntityType,
    subtype: Option<&'static str>,
    entry: Option<u32>,
    cue: Cue,
    /// Same key → same entity (descriptive organisations, agreements).
    key: Option<String>,
    /// Surfaces that name the entity but are not a span of their own.
    extra_aliases: Vec<String>,
    /// For descriptive organisations: the span of the actor they describe
    /// ("Afghan" in "Afghan forces"); same described actor + same class →
    /// same organisation.
    anchor: Option<(Range<usize>, &'static str)>,
    nationality: Option<String>,
    /// Only a modifier inside a descriptive organisation ("United Nations"
    /// in "United Nations monitoring team"): links, but is no entity alone.
    absorbed: bool,
}

impl Item {
    /// An item a rule of this module makes: no dictionary entry, no extra
    /// surfaces, no nationality or anchor.
    fn rule(
        span: Range<usize>,
        kind: EntityType,
        subtype: Option<&'static str>,
        key: Option<String>,
    ) -> Item {
        Item {
            span,
            kind,
            subtype,
            entry: None,
            cue: Cue::Rule,
            key,
            extra_aliases: Vec::new(),
            nationality: None,
            anchor: None,
            absorbed: false,
        }
    }
}

struct UnionFind(Vec<usize>);
impl UnionFind {
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut c = x;
        while self.0[c] != r {
            let n = self.0[c];
            self.0[c] = r;
            c = n;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // keep the earlier item as root
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

const FORCE_HEADS: &[&str] = &[
    "forces",
    "force",
    "troops",
    "soldiers",
    "army",
    "military",
    "commandos",
    "patrol",
    "patrols",
];

/// Words that join a country in a joint force ("Afghan and coalition forces").
fn is_partner(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "coalition" | "international" | "allied" | "nato" | "isaf"
    )
}
/// Heads of a country's insurgents: "Sierra Leonean rebels".
const REBEL_HEADS: &[&str] = &[
    "rebels",
    "guerrillas",
    "insurgents",
    "separatists",
    "militants",
    "militiamen",
];
const GOV_HEADS: &[&str] = &["government", "administration", "authorities", "officials"];
const TEAM_HEADS: &[&str] = &["team", "mission", "panel", "committee"];
const AGREEMENT_HEADS: &[&str] = &[
    "deal",
    "agreement",
    "accord",
    "accords",
    "pact",
    "treaty",
    "ceasefire",
    "truce",
    "protocol",
];
const ALIAS_TRIGGERS: &[&[&str]] = &[
    &["also", "known", "as"],
    &["better", "known", "as"],
    &["known", "as"],
    &["also", "called"],
    &["a.k.a."],
    &["aka"],
    &["alias"],
    &["nicknamed"],
    &["nom", "de", "guerre"],
    &["formerly", "known", "as"],
];
/// Nouns of definite descriptions that refer back to a person.
const PERSON_DESCRIPTIONS: &[&str] = &[
    "national",
    "man",
    "woman",
    "militant",
    "commander",
    "leader",
    "cleric",
    "suspect",
    "official",
    "militant",
    "fighter",
    "citizen",
    "terrorist",
    "operative",
    "figure",
    "chief",
];

fn entity_type(label: NerLabel) -> Option<EntityType> {
    match label {
        NerLabel::Per => Some(EntityType::Person),
        NerLabel::Org => Some(EntityType::Organization),
        NerLabel::Loc => Some(EntityType::Location),
        NerLabel::Misc => None,
    }
}

fn lw(text: &str, t: &Token) -> String {
    t.text(text).to_lowercase()
}

/// Finds the entities of a document.
pub fn extract_entities(text: &str) -> DocEntities {
    let lex = Lexicon::global();
    let analysis = analyze(text);
    let toks = &analysis.tokens;
    let mut items: Vec<Item> = analysis
        .mentions
        .iter()
        .filter_map(|m| {
            // "an ethnic Chechen", "ethnic Uighurs": a people, not a name
            let ethnic = toks
                .iter()
                .rposition(|t| t.end <= m.span.start)
                .is_some_and(|p| lw(text, &toks[p]) == "ethnic");
            if ethnic && m.label == NerLabel::Per {
                return None;
            }
            // "NAJAF, Iraq (Reuters) -", "AFP - Pakistani troops …": the
            // wire service credited in a dateline is the report's source,
            // not an actor in it
            if wire_credit(text, &m.span, m.label == NerLabel::Org) {
                return None;
            }
            // "his DNA", "an IED", "CCTV footage": things, not organisations
            let surface = &text[m.span.clone()];
            if m.entry.is_none()
                && (crate::ner::THING_ACRONYMS.contains(&surface)
                    || crate::ner::THING_ACRONYMS.contains(&surface.trim_end_matches('s')))
            {
                return None;
            }
            // "2010-08-CA-042", "an AK-47": a code (capitals and digits
            // joined by a hyphen) nothing typed is a release number or a
            // model, not an organisation
            if m.entry.is_none() && m.cue == Cue::Default && code_like(surface) {
                return None;
            }
            // "the U.S. military": a country's short name that a longer
            // dictionary name swallowed ("U.S. Military") and the tagger
            // then typed by default is the country
            let country = (m.entry.is_none() && m.label == NerLabel::Org && m.cue == Cue::Default)
                .then(|| {
                    lex.lookup(surface).iter().find(|l| {
                        l.case.accepts(surface)
                            && l.kind != SurfaceKind::Demonym
                            && lex.entry(l.entry).subtype == "country"
                    })
                })
                .flatten();
            let (kind, subtype, entry) = match country {
                Some(l) => (EntityType::Location, Some("country"), Some(l.entry)),
                None => (entity_type(m.label)?, m.subtype, m.entry),
            };
            Some(Item {
                span: m.span.clone(),
                kind,
                subtype,
                entry,
                cue: m.cue,
                key: None,
                extra_aliases: Vec::new(),
                nationality: None,
                anchor: None,
                absorbed: false,
            })
        })
        .collect();

    short_forms(lex, text, &mut items);
    unit_areas(text, &mut items);
    coordinated_force_names(lex, text, toks, &mut items);
    descriptive_organisations(lex, text, toks, &mut items);
    administrations(text, toks, &mut items);
    unnamed_speakers(text, toks, &mut items);
    collective_actors(text, toks, &mut items);
    place_patterns(lex, text, toks, &mut items);
    nationality_demonyms(lex, text, toks, &mut items);
    capital_metonyms(lex, text, toks, &mut items);
    kin_names(text, toks, &mut items);
    given_name_mentions(text, toks, &mut items);
    agreements(text, toks, &mut items);
    one_word_places(text, &mut items);
    city_anaphors(lex, text, toks, &mut items);
    items.sort_by_key(|i| (i.span.start, std::cmp::Reverse(i.span.end)));
    // A descriptive organisation swallows the country mention it starts with
    // only when they share a span start and the country is a demonym-like
    // modifier; keep both otherwise (the country is an entity too).
    items.dedup_by(|x, y| x.span == y.span);

    let n = items.len();
    let mut uf = UnionFind((0..n).collect());
    // 1. same dictionary entry; 2. same folded surface and type; 3. same key
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (i, it) in items.iter().enumerate() {
        let surface = fold(&text[it.span.clone()]);
        // (a capital standing for its country joins the country, not the
        // city it names elsewhere in the text)
        let metonym = it.key.as_deref().is_some_and(|k| k.starts_with(METONYM));
        let mut keys = if metonym {
            Vec::new()
        } else {
            vec![format!("{:?}|{}", it.kind, surface)]
        };
        if let Some(e) = it.entry {
            keys.push(format!("entry|{}", lex.entry(e).id));
            // one name, several dictionaries: join on the entry's canonical name
            keys.push(format!("{:?}|{}", it.kind, fold(lex.entry(e).name)));
        }
        if let Some(k) = &it.key {
            keys.push(k.clone());
        }
        for k in keys {
            match by_key.get(&k) {
                Some(&j) => uf.union(i, j),
                None => {
                    by_key.insert(k, i);
                }
            }
        }
    }
    surname_aliases(text, &items, &mut uf);
    spelling_variants(text, &items, &mut uf);
    alias_patterns(text, toks, &analysis, &mut items, &mut uf);
    acronyms(text, &items, &mut uf);
    // Descriptive organisations of the same actor and class are one: "U.N.
    // monitoring team" and "United Nations monitoring team" once U.N. and
    // United Nations are known to be one.
    let mut by_anchor: HashMap<(usize, &'static str), usize> = HashMap::new();
    for i in 0..n {
        let Some((span, class)) = items[i].anchor.clone() else {
            continue;
        };
        let Some(a) = (0..n).find(|&j| j != i && items[j].span == span) else {
            continue;
        };
        let root = uf.find(a);
        match by_anchor.get(&(root, class)) {
            Some(&j) => uf.union(i, j),
            None => {
                by_anchor.insert((root, class), i);
            }
        }
    }

    // Build entities from groups.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut root_group: HashMap<usize, usize> = HashMap::new();
    for i in 0..n {
        let r = uf.find(i);
        let g = *root_group.entry(r).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    // "in Ghazni district, Ghazni province": a district (or city) and the
    // province it is named after are two places, though the dictionary
    // links both names to one entry; the bare name stays the province's
    let head_after = |i: usize| -> Option<&'static str> {
        let rest = text[items[i].span.end..].strip_prefix(' ')?;
        ["district", "province", "city"]
            .into_iter()
            .find(|h| rest.starts_with(h) && !rest[h.len()..].starts_with(char::is_alphanumeric))
    };
    let mut split_head: HashMap<usize, &'static str> = HashMap::new();
    let mut split: Vec<Vec<usize>> = Vec::new();
    for g in &mut groups {
        if !g.iter().all(|&i| items[i].kind == EntityType::Location)
            || !g.iter().any(|&i| head_after(i) == Some("province"))
        {
            continue;
        }
        for h in ["district", "city"] {
            let part: Vec<usize> = g
                .iter()
                .copied()
                .filter(|&i| head_after(i) == Some(h))
                .collect();
            if let Some(&first) = part.first() {
                g.retain(|i| !part.contains(i));
                split_head.insert(first, h);
                split.push(part);
            }
        }
    }
    if !split.is_empty() {
        groups.extend(split);
        groups.retain(|g| !g.is_empty());
        groups.sort_by_key(|g| g.iter().map(|&i| items[i].span.start).min());
    }
    let titles = titles(text, toks, &items);
    let mut entities = Vec::new();
    for g in groups {
        if g.iter().all(|&i| items[i].absorbed) {
            continue;
        }
        let g: Vec<usize> = g.into_iter().filter(|&i| !items[i].absorbed).collect();
        let mut e = build_entity(lex, text, &items, &g, entities.len() + 1);
        e.title = g.iter().find_map(|i| titles.get(i).cloned());
        if let Some(h) = g.first().and_then(|i| split_head.get(i)) {
            let written = format!("{} {h}", &text[items[g[0]].span.clone()]);
            let kind = if *h == "district" {
                PlaceKind::District
            } else {
                PlaceKind::City
            };
            e.place = crate::gazetteer::resolve_place(&written).filter(|p| p.kind == kind);
            e.subtype = Some(h.to_string());
            e.lexicon_id = e.place.map(|p| p.id);
            e.aliases.retain(|a| fold(a) != fold(&written));
            e.name = written;
        }
        // a country named only by its capital ("Paris warned …") is still
        // the country: its own name, the capital an alias
        let metonym = g.iter().any(|&i| {
            items[i]
                .key
                .as_deref()
                .is_some_and(|k| k.starts_with(METONYM))
        });
        if metonym && e.subtype.as_deref() == Some("country") {
            if let Some(c) = e.lexicon_id.and_then(|id| lex.by_id(id)) {
                if fold(&e.name) != fold(c.name) {
                    let old = std::mem::replace(&mut e.name, c.name.to_string());
                    e.aliases.retain(|a| fold(a) != fold(&e.name));
                    if !e.aliases.iter().any(|a| fold(a) == fold(&old)) {
                        e.aliases.push(old);
                    }
                }
            }
        }
        let text_only = g.iter().all(|&i| {
            items[i]
                .key
                .as_deref()
                .is_some_and(|k| k.starts_with(TEXT_PLACE))
        });
        if e.kind == EntityType::Location && !text_only {
            e.place = crate::gazetteer::resolve_place(&e.name).or_else(|| {
                e.aliases
                    .iter()
                    .find_map(|a| crate::gazetteer::resolve_place(a))
            });
        }
        written_with_head(text, &mut e);
        // a country written short ("US", "U.S.", "Britain") is also known by
        // its gazetteer name ("United States", "United Kingdom")
        if let Some(p) = e.place.as_ref().filter(|p| {
            p.kind == PlaceKind::Country
                && e.subtype.as_deref() == Some("country")
                && e.lexicon_id == Some(p.id)
        }) {
            let full = p.name.to_string();
            if fold(&full) != fold(&e.name) && !e.aliases.iter().any(|a| fold(a) == fold(&full)) {
                e.aliases.push(full);
            }
        }
        entities.push(e);
    }
    DocEntities { analysis, entities }
}

/// Lower-case head nouns a text writes after a name without making them
/// part of it: "Kandahar province", "Arghandab district", "the al-Tanf
/// base", "Tass news agency".
const WRITTEN_HEADS: &[(&str, EntityType)] = &[
    ("province", EntityType::Location),
    ("district", EntityType::Location),
    ("city", EntityType::Location),
    ("county", EntityType::Location),
    ("region", EntityType::Location),
    ("governorate", EntityType::Location),
    ("base", EntityType::Location),
    ("river", EntityType::Location),
    ("news agency", EntityType::Organization),
];

/// Adds "X province" (as written) to the aliases of the place X, so that an
/// analyst searching for the longer form finds it; the name stays X.
fn written_with_head(text: &str, e: &mut DocEntity) {
    let mut extra: Vec<String> = Vec::new();
    for m in &e.mentions {
        let rest = &text[m.end..];
        let Some(after) = rest.strip_prefix(' ') else {
            continue;
        };
        for (head, kind) in WRITTEN_HEADS {
            if *kind != e.kind || !after.starts_with(head) {
                continue;
            }
            let end = m.end + 1 + head.len();
            // a whole word ("province", not "provincial")
            if text[end..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric())
            {
                continue;
            }
            let surface = text[m.start..end].to_string();
            let folded = fold(&surface);
            if fold(&e.name) != folded
                && !e.aliases.iter().any(|a| fold(a) == folded)
                && !extra.iter().any(|a| fold(a) == folded)
            {
                extra.push(surface);
            }
        }
    }
    e.aliases.extend(extra);
}

fn build_entity(lex: &Lexicon, text: &str, items: &[Item], g: &[usize], n: usize) -> DocEntity {
    // type: the strongest cue's type, ties by count
    // (strength, count, first position) per type; a full tie goes to the
    // type seen first, so the result never depends on hash order
    let mut votes: HashMap<EntityType, (usize, usize, usize)> = HashMap::new();
    for (pos, &i) in g.iter().enumerate() {
        let it = &items[i];
        let strength = match it.cue {
            Cue::Lexicon => 3,
            Cue::Rule => 2,
            Cue::Default => 1,
            Cue::Document => 1,
        };
        let v = votes.entry(it.kind).or_insert((0, 0, pos));
        v.0 = v.0.max(strength);
        v.1 += 1;
    }
    let kind = votes
        .iter()
        .max_by_key(|(k, (s, c, first))| {
            (
                *s,
                *c,
                matches!(k, EntityType::Agreement),
                std::cmp::Reverse(*first),
            )
        })
        .map(|(k, _)| *k)
        .unwrap_or(EntityType::Organization);
    // surfaces by count, in first-seen order
    let mut surfaces: Vec<(String, usize, usize)> = Vec::new(); // (surface, count, first)
    for &i in g {
        let s = clean_surface(&text[items[i].span.clone()]);
        match surfaces.iter_mut().find(|x| fold(&x.0) == fold(&s)) {
            Some(x) => x.1 += 1,
            None => surfaces.push((s, 1, items[i].span.start)),
        }
        for a in &items[i].extra_aliases {
            if !surfaces.iter().any(|x| fold(&x.0) == fold(a)) {
                surfaces.push((a.clone(), 0, usize::MAX));
            }
        }
    }
    // "Mullah Adam Khan" is also "Adam Khan": the name without the
    // honorific the text writes with it
    if kind == EntityType::Person {
        let bare: Vec<String> = surfaces
            .iter()
            .filter_map(|s| {
                let (first, rest) = s.0.split_once(' ')?;
                crate::ner::HONORIFICS
                    .contains(&first.to_lowercase().as_str())
                    .then(|| rest.to_string())
            })
            .collect();
        for b in bare {
            if !surfaces.iter().any(|x| fold(&x.0) == fold(&b)) {
                surfaces.push((b, 0, usize::MAX));
            }
        }
    }
    let name = match kind {
        // people: the first full name the text gives (later names are
        // aliases: "X, also known as Y")
        EntityType::Person => surfaces
            .iter()
            .filter(|s| s.1 > 0 && s.0.split_whitespace().count() >= 2)
            .min_by_key(|s| s.2)
            .or_else(|| surfaces.iter().max_by_key(|s| (s.0.len(), s.1)))
            .map(|s| s.0.clone()),
        // agreements: the fullest description
        EntityType::Agreement => surfaces
            .iter()
            .max_by_key(|s| (s.0.len(), s.1))
            .map(|s| s.0.clone()),
        // others: the most frequent surface, a described one ("Afghan
        // government", "Afghan and coalition security force") before a
        // lower-case head that refers back to it ("the government", "the
        // security force"); a place is named by a name, not a demonym
        // ("Burma", however often the text says "Burmese")
        _ => surfaces
            .iter()
            .filter(|s| s.1 > 0)
            .max_by_key(|s| {
                let bare = s.0.starts_with(char::is_lowercase)
                    && (!s.0.contains(' ') || s.0.starts_with("the "));
                let demonym = kind == EntityType::Location && is_demonym(&s.0);
                (!demonym, !bare, s.1, std::cmp::Reverse(s.2))
            })
            .map(|s| s.0.clone()),
    }
    .unwrap_or_default();
    let aliases = surfaces
        .iter()
        .filter(|s| fold(&s.0) != fold(&name) && !fold(&s.0).is_empty())
        .map(|s| s.0.clone())
        .collect();
    let entry = g.iter().find_map(|&i| items[i].entry);
    let subtype = g
        .iter()
        .filter(|&&i| items[i].kind == kind)
        .filter_map(|&i| items[i].subtype)
        .find(|s| !s.is_empty() && is_ontology_subtype(s))
        .map(str::to_string);
    let mut mentions: Vec<Range<usize>> = g.iter().map(|&i| items[i].span.clone()).collect();
    mentions.sort_by_key(|r| r.start);
    DocEntity {
        id: format!("e{n}"),
        kind,
        subtype,
        name,
        aliases,
        mentions,
        lexicon_id: entry.map(|e| lex.entry(e).id),
        nationality: g.iter().find_map(|&i| items[i].nationality.clone()),
        title: None,
        place: None,
    }
}

fn is_ontology_subtype(s: &str) -> bool {
    matches!(
        s,
        "armed_group"
            | "state"
            | "government"
            | "armed_force"
            | "agency"
            | "intergovernmental"
            | "academic"
            | "think_tank"
            | "media"
            | "company"
            | "other"
            | "country"
            | "province"
            | "district"
            | "city"
            | "site"
    )
}

/// Surfaces as they should read in a name: no possessive, no brackets.
fn clean_surface(s: &str) -> String {
    let s = s.trim_matches(|c: char| c.is_whitespace() || "[](){}\"“”‘’'".contains(c));
    let s = s
        .strip_suffix("’s")
        .or_else(|| s.strip_suffix("'s"))
        .unwrap_or(s);
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Role words that make a phrase a title or position.
const ROLE_WORDS: &[&str] = &[
    "leader",
    "founder",
    "co-founder",
    "deputy",
    "chief",
    "head",
    "commander",
    "president",
    "vice",
    "minister",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "figure",
    "member",
    "expert",
    "analyst",
    "researcher",
    "fellow",
    "professor",
    "official",
    "envoy",
    "peacemaker",
    "mediator",
    "ambassador",
    "secretary",
    "secretary-general",
    "congressman",
    "congresswoman",
    "senator",
    "chairman",
    "governor",
    "general",
    "emir",
    "mufti",
    "ideologue",
    "financier",
    "facilitator",
    "operative",
    "lieutenant",
    "volunteer",
    "bomber",
    "aide",
    "adviser",
    "advisor",
    "negotiator",
    "representative",
    "no.",
    "successor",
    "heir",
    "prime",
    "king",
    "mayor",
    "judge",
    "agent",
    "special",
    "officer",
    "investigator",
    "attorney",
    "prosecutor",
    "soldier",
    "diplomat",
    "gov.",
    "commissioner",
    "owner",
    "co-owner",
    "proprietor",
    "manager",
];

/// Ranks and police grades written capitalised before a name.
const RANKS: &[&str] = &[
    "Major",
    "Maj.",
    "Colonel",
    "Col.",
    "Captain",
    "Capt.",
    "Lt.",
    "Sgt.",
    "Sergeant",
    "Brigadier",
    "Brig.",
    "Gen.",
    "Admiral",
    "Adm.",
    "Marshal",
    "Constable",
    "Inspector",
    "Superintendent",
    "Commodore",
    "Cmdr.",
    "Lt.-Col.",
    "Lt-Col",
];

fn has_role_word(text: &str, toks: &[Token]) -> bool {
    toks.iter()
        .any(|t| ROLE_WORDS.contains(&t.text(text).to_lowercase().as_str()))
}

/// Honorifics written before a name.
const HONORIFICS: &[&str] = &["Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir"];

/// Does a person's name (after an optional honorific) follow the comma at
/// token `c`?
fn names_next(text: &str, toks: &[Token], items: &[Item], c: usize) -> bool {
    if toks.get(c).is_none_or(|t| t.text(text) != ",") {
        return false;
    }
    let mut k = c + 1;
    if toks
        .get(k)
        .is_some_and(|t| HONORIFICS.contains(&t.text(text)))
    {
        k += 1;
    }
    toks.get(k).is_some_and(|t| {
        items
            .iter()
            .any(|m| m.kind == EntityType::Person && m.span.start == t.start)
    })
}

/// Titles of people, by item index: the phrase right before a name ("Al-Qaeda
/// founder Osama bin Laden", "U.S. President Joe Biden") or an apposition
/// after it ("Husam Abd-al-Ra'uf, the No. 2 figure in …,").
fn titles(text: &str, toks: &[Token], items: &[Item]) -> HashMap<usize, String> {
    let mut out = HashMap::new();
    let tok_at = |pos: usize| toks.partition_point(|t| t.start < pos);
    for (i, it) in items.iter().enumerate() {
        if it.kind != EntityType::Person {
            continue;
        }
        let a = tok_at(it.span.start);
        let b = tok_at(it.span.end);
        // apposition: ", (the|a|an) … ," (or between dashes) after the
        // name, up to 16 tokens
        if toks
            .get(b)
            .is_some_and(|t| matches!(t.text(text), "," | "—" | "--" | "–"))
        {
            let start = b + 1;
            let mut end = start;
            while end < toks.len() && end - start < 16 {
                let w = toks[end].text(text);
                if matches!(
                    w,
                    "," | "." | ";" | "(" | ")" | "“" | "”" | "\"" | "—" | "--"
                ) {
                    break;
                }
                end += 1;
            }
            let first = toks.get(start).map(|t| t.text(text).to_lowercase());
            let closes = toks
                .get(end)
                .is_some_and(|t| matches!(t.text(text), "," | "." | ";" | "—" | "--" | "–"));
            // "X, president of Y," / "X, owner of Y,": a bare role and "of"
            let bare_role = first.as_deref().is_some_and(|f| ROLE_WORDS.contains(&f))
                && toks.get(start + 1).is_some_and(|t| t.text(text) == "of");
            // "Col. Andrew Poppas, Task Force Bastogne commander,": a
            // short phrase closed by a lower-case role word
            let role_last = end > start
                && end - start <= 6
                && toks[end - 1].text(text).chars().all(|c| c.is_lowercase())
                && ROLE_WORDS.contains(&toks[end - 1].text(text));
            if end > start
                && closes
                && (bare_role
                    || role_last
                    || matches!(
                        first.as_deref(),
                        Some(
                            "the"
                                | "a"
                                | "an"
                                | "his"
                                | "her"
                                | "its"
                                | "former"
                                | "deputy"
                                | "senior"
                        )
                    ))
                && has_role_word(text, &toks[start..end])
                // "X, the acting chief of the RUC, Mr Y,": in a list of
                // people, the description before a name is that name's
                && !names_next(text, toks, items, end)
            {
                let mut s0 = start;
                if matches!(first.as_deref(), Some("the" | "a" | "an")) {
                    s0 += 1;
                }
                out.insert(i, text[toks[s0].start..toks[end - 1].end].to_string());
                continue;
            }
        }
        // "Zubair was a Taliban leader who …", "Ahmad Shah, was a Taliban
        // leader": a role said of the name opening its clause, up to a
        // relative pronoun or a clause boundary
        let mut c = b;
        if toks.get(c).is_some_and(|t| t.text(text) == ",") {
            c += 1;
        }
        if toks
            .get(c)
            .is_some_and(|t| matches!(lw(text, t).as_str(), "was" | "is"))
            && toks
                .get(c + 1)
                .is_some_and(|t| matches!(lw(text, t).as_str(), "a" | "an" | "the"))
        {
            let start = c + 2;
            let mut end = start;
            while end < toks.len()
                && end - start < 8
                && toks[end].kind == TokenKind::Word
                && !matches!(
                    lw(text, &toks[end]).as_str(),
                    "who" | "which" | "that" | "and" | "in" | "of" | "for" | "at" | "with"
                )
            {
                end += 1;
            }
            // the role word ends the phrase ("a Taliban cell leader")
            // ("the Taliban military commander in Talaqwa Village": "in"
            // before a place says where, not whose)
            let in_place = lw(text, &toks[end]) == "in"
                && toks.get(end + 1).is_some_and(|n| {
                    items
                        .iter()
                        .any(|m| m.span.start == n.start && m.kind == EntityType::Location)
                });
            if end > start
                && ROLE_WORDS.contains(&lw(text, &toks[end - 1]).as_str())
                && (in_place
                    || !matches!(lw(text, &toks[end]).as_str(), "of" | "in" | "for" | "at"))
            {
                out.insert(i, text[toks[start].start..toks[end - 1].end].to_string());
                continue;
            }
        }
        // pre-name title: role words (lower case, or capitalised titles)
        // right before the name, optionally after an actor name
        let mut k = a;
        while k > 0 && a - k < 4 {
            let w = toks[k - 1].text(text);
            let lw = w.to_lowercase();
            if ROLE_WORDS.contains(&lw.as_str())
                || matches!(lw.as_str(), "former" | "senior" | "late")
                // ranks, capitalised before the name ("Brigade Commander
                // Major Fallah Sewa", "Chief Constable Chris Sims")
                || RANKS.contains(&w)
            {
                k -= 1;
            } else {
                break;
            }
        }
        if k < a {
            out.insert(i, text[toks[k].start..toks[a - 1].end].to_string());
            continue;
        }
        // apposition before the name: "the acting chief of the RUC, Mr
        // David Corbett," (a determiner, a role word and "of" opening a
        // comma-bounded phrase)
        let mut c = a;
        if c > 0 && HONORIFICS.contains(&toks[c - 1].text(text)) {
            c -= 1;
        }
        // "the Secretary-General of the Kurdistan Democratic Party of Iran
        // (KDPI) Hassan Rastegar": the organisation's bracketed short name
        // closes the phrase as a comma would
        let bracket = (c > 0 && toks[c - 1].text(text) == ")")
            .then(|| {
                (c.saturating_sub(5)..c - 1)
                    .rev()
                    .find(|&k| toks[k].text(text) == "(")
            })
            .flatten();
        if c == 0 || (toks[c - 1].text(text) != "," && bracket.is_none()) {
            continue;
        }
        let comma = bracket.unwrap_or(c - 1);
        let mut start = comma;
        while start > 0 && comma - start < 12 {
            let w = toks[start - 1].text(text);
            if matches!(w, "," | "." | ";" | ":" | "(" | "“" | "\"") {
                break;
            }
            start -= 1;
        }
        // "He met the leader of the X, Y": the phrase opens at its
        // determiner, after the verb whose object it is
        let mut opens_clause =
            start == 0 || matches!(toks[start - 1].text(text), "," | "." | ";" | ":");
        if let Some(d) = (start..comma).find(|&k| {
            matches!(lw(text, &toks[k]).as_str(), "the" | "a" | "an" | "its")
                && toks
                    .get(k + 1)
                    .is_some_and(|t| ROLE_WORDS.contains(&lw(text, t).as_str()))
        }) {
            // (not after a copula: in "Y was the deputy to the senior
            // commander, Haji Mali Khan" the role is Y's)
            if d > start
                && toks[d - 1].kind == TokenKind::Word
                && !matches!(
                    lw(text, &toks[d - 1]).as_str(),
                    "is" | "was" | "are" | "were" | "became" | "remains" | "remained"
                )
            {
                start = d;
                opens_clause = true;
            }
        }
        let phrase = &toks[start..comma];
        let first = phrase.first().map(|t| t.text(text).to_lowercase());
        // "France's counter-terrorism prosecutor, Remy Heitz,": an actor's
        // possessive opens the phrase
        let owner_first = phrase.len() > 2
            && phrase[1].kind == TokenKind::Possessive
            && items.iter().any(|m| {
                m.span.start == phrase[0].start
                    && matches!(m.kind, EntityType::Organization | EntityType::Location)
            });
        let determiner_first = matches!(
            first.as_deref(),
            Some("the" | "a" | "an" | "its" | "his" | "her")
        )
            // "the acting chief of the RUC", "an IRA leader at the time",
            // "the French president", "the interior minister"
            && (phrase.iter().skip(1).any(|t| {
                t.text(text) == "of"
                    || t.text(text).starts_with(char::is_uppercase)
                    || items.iter().any(|m| {
                        m.kind == EntityType::Organization && m.span.start == t.start
                    })
            }) || (phrase.len() <= 4
                && phrase
                    .last()
                    .is_some_and(|t| ROLE_WORDS.contains(&t.text(text).to_lowercase().as_str()))));
        if opens_clause && (owner_first || determiner_first) && has_role_word(text, phrase) {
            let from = if determiner_first { start + 1 } else { start };
            out.insert(i, text[toks[from].start..toks[comma - 1].end].to_string());
        }
    }
    out
}

/// The short forms a text may also use: "Ghazni" for "Ghazni Province",
/// "Navy Seals" for "U.S. Navy Seals".
fn short_forms(lex: &Lexicon, text: &str, items: &mut [Item]) {
    for it in items.iter_mut() {
        let surface = clean_surface(&text[it.span.clone()]);
        let words: Vec<&str> = surface.split_whitespace().collect();
        if words.len() < 2 {
            continue;
        }
        match it.kind {
            EntityType::Location => {
                let last = words[words.len() - 1].to_lowercase();
                if matches!(
                    last.as_str(),
                    "province" | "district" | "city" | "county" | "region"
                ) {
                    it.extra_aliases.push(words[..words.len() - 1].join(" "));
                }
            }
            EntityType::Organization
                if it.entry.is_none()
                    && words.len() >= 3
                    && words[1] != "and"
                    && country_of(lex, words[0]).is_some() =>
            {
                it.extra_aliases.push(words[1..].join(" "));
            }
            _ => {}
        }
    }
}

/// The country a token names (name, abbreviation or demonym), if any.
fn country_of(lex: &Lexicon, s: &str) -> Option<u32> {
    lex.lookup(s)
        .iter()
        .find(|l| l.case.accepts(s) && lex.entry(l.entry).subtype == "country")
        .map(|l| l.entry)
}

/// "Insurgents and American forces clashed near the Iraqi city" after a
/// headline naming Fallujah: "the Iraqi city", "the southern town" refer back
/// to the city last named (of that country, when a demonym says which),
/// and is a mention of it. Not "the city of X", which names X itself.
fn city_anaphors(lex: &Lexicon, text: &str, toks: &[Token], items: &mut Vec<Item>) {
    let mut found = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if lw(text, t) != "the" {
            continue;
        }
        let mut k = i + 1;
        let mut country = None;
        if let Some(m) = toks.get(k) {
            let w = m.text(text);
            if let Some(c) = country_of(lex, w).filter(|_| w.starts_with(char::is_uppercase)) {
                country = Some(c);
                k += 1;
            } else if crate::text::COMPASS_ADJECTIVES.contains(&w) || w == "restive" {
                k += 1;
            }
        }
        // (a bare "the city" may be a dateline's city or one never named)
        if k == i + 1 {
            continue;
        }
        let Some(head) = toks.get(k) else {
            continue;
        };
        if !matches!(head.text(text), "city" | "town") {
            continue;
        }
        if toks
            .get(k + 1)
            .is_some_and(|n| n.text(text) == "of" || n.text(text).starts_with(char::is_uppercase))
        {
            continue;
        }
        let Some(referent) = items
            .iter()
            .filter(|m| {
                m.span.end <= t.start && m.kind == EntityType::Location && m.subtype == Some("city")
            })
            .max_by_key(|m| m.span.end)
        else {
            continue;
        };
        if let Some(c) = country {
            let same = referent
                .entry
                .and_then(|e| lex.entry(e).parent)
                .is_some_and(|p| p == lex.entry(c).id);
            if !same {
                continue;
            }
        }
        let mut it = Item::rule(
            t.start..head.end,
            EntityType::Location,
            Some("city"),
            Some(format!(
                "{:?}|{}",
                EntityType::Location,
                fold(&text[referent.span.clone()])
            )),
        );
        it.entry = referent.entry;
        it.cue = Cue::Document;
        found.push(it);
    }
    items.extend(found);
}

/// "Afghan special forces", "U.S. troops", "U.S.-led forces", "the Afghan
/// government", "the U.N. monitoring team", "the Taliban regime".
/// Words between a place and "police" that keep it the place's police
/// ("Tokyo metropolitan police", "Afghan national police").
const POLICE_ADJECTIVES: &[&str] = &[
    "metropolitan",
    "national",
    "provincial",
    "local",
    "federal",
    "state",
    "city",
    "border",
    "district",
    "municipal",
];

/// "the Trump administration", "the Obama administration": a leader's name
/// before "administration" names a government, not the person. The
/// person's mention becomes the organisation's (one key per wording, so
/// every mention of it is one entity).
fn administrations(text: &str, toks: &[Token], items: &mut Vec<Item>) {
    for (i, t) in toks.iter().enumerate() {
        if lw(text, t) != "administration" || i == 0 {
            continue;
        }
        let prev = &toks[i - 1];
        if let Some(it) = items
            .iter_mut()
            .find(|m| m.kind == EntityType::Person && m.span.end == prev.end)
        {
            it.span = it.span.start..t.end;
            it.kind = EntityType::Organization;
            it.subtype = Some("government");
            it.entry = None;
            it.key = Some(format!("administration|{}", fold(&text[it.span.clone()])));
            continue;
        }
        // a surname no list knows as a person ("the Trump administration")
        let name = prev.text(text);
        let covered = items
            .iter()
            .any(|m| m.span.start < prev.end && prev.start < m.span.end);
        let after_the = i >= 2 && lw(text, &toks[i - 2]) == "the";
        if prev.kind == TokenKind::Word
            && name.starts_with(char::is_uppercase)
            && name.chars().skip(1).all(char::is_lowercase)
            && after_the
            && !covered
        {
            let span = prev.start..t.end;
            let key = format!("administration|{}", fold(&text[span.clone()]));
            items.push(Item::rule(
                span,
                EntityType::Organization,
                Some("government"),
                Some(key),
            ));
        }
    }
}

/// A wire service's credit in a dateline: "(Reuters)" after the dateline's
/// upper-case place ("NAJAF, Iraq (Reuters) -", "GAZA (Reuters) -"), or the
/// name opening a line before a dash ("AFP - Pakistani troops …"), or a
/// photo credit after a slash ("Ueslei Marcelino/Reuters").
fn wire_credit(text: &str, span: &Range<usize>, org: bool) -> bool {
    let head = &text[..span.start];
    let after = &text[span.end..];
    // the text of the line before the mention, read only when a cheap
    // test has passed (a long one-line text must not be rescanned for
    // every mention)
    let before = || &head[head.rfind('\n').map_or(0, |i| i + 1)..];
    // a photo credit: "Ueslei Marcelino/Reuters"
    if let Some(credited) = head.strip_suffix('/') {
        return credited
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
            && !after.starts_with(|c: char| c.is_alphanumeric() || c == '/');
    }
    if head.ends_with('(') && after.starts_with(')') {
        let before = before();
        return before.split_whitespace().next().is_some_and(|w| {
            w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        }) && before.split_whitespace().count() <= 4;
    }
    // (an organisation: "BOSTON — Moments before …" opens with a place)
    org && (after.starts_with(" - ") || after.starts_with(" – ") || after.starts_with(" — "))
        && before().trim().is_empty()
}

/// "Special Operations Task Force – South", "Regional Command - East": a
/// military unit's name goes on with the area it serves, written after a
/// dash.
fn unit_areas(text: &str, items: &mut Vec<Item>) {
    // a compass point, "Central" or "Capital", capitalised
    let area = |w: &str| {
        let l = w.to_lowercase();
        w.starts_with(char::is_uppercase)
            && (crate::text::COMPASS_POINTS.contains(&l.as_str())
                || matches!(l.as_str(), "central" | "capital"))
    };
    let mut grown: Vec<Range<usize>> = Vec::new();
    for it in items.iter_mut() {
        if it.kind != EntityType::Organization {
            continue;
        }
        let name = &text[it.span.clone()];
        if !(name.ends_with(" Force") || name.ends_with(" Command")) {
            continue;
        }
        let rest = &text[it.span.end..];
        let Some(after) = ["–", "—", "-"].iter().find_map(|d| {
            rest.strip_prefix(' ')
                .and_then(|r| r.strip_prefix(d))
                .and_then(|r| r.strip_prefix(' '))
        }) else {
            continue;
        };
        let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
        // (the area closes the name: not "Force – South Korea")
        let closes = !after[word.len()..]
            .strip_prefix(' ')
            .is_some_and(|r| r.starts_with(char::is_uppercase));
        if area(&word) && closes {
            let end = text.len() - after.len() + word.len();
            it.span = it.span.start..end;
            it.entry = None;
            it.key = Some(format!("unit|{}", fold(&text[it.span.clone()])));
            grown.push(it.span.clone());
        }
    }
    // (the area word is no name of its own there)
    items.retain(|it| {
        !grown
            .iter()
            .any(|g| *g != it.span && g.start <= it.span.start && it.span.end <= g.end)
    });
}

/// "Afghan National Security and International Security Assistance
/// Forces": two forces sharing one head word, written as one joint force.
/// The first name is cut short before "and" (with the second's head it is a
/// name the dictionary knows: "Afghan National Security Forces"), so the
/// phrase names the pair acting together, as "Afghan and coalition forces"
/// does; a following "patrol" belongs to it. The two halves are not
/// entities of their own there.
fn coordinated_force_names(lex: &Lexicon, text: &str, toks: &[Token], items: &mut Vec<Item>) {
    let mut joined: Vec<(usize, usize)> = Vec::new();
    for (a, first) in items.iter().enumerate() {
        if first.kind != EntityType::Organization {
            continue;
        }
        let Some(b) = items.iter().position(|x| {
            x.kind == EntityType::Organization
                && x.span.start > first.span.end
                && text[first.span.end..x.span.start].trim() == "and"
        }) else {
            continue;
        };
        let second = &text[items[b].span.clone()];
        let Some(head) = second
            .rsplit(' ')
            .next()
            .filter(|h| matches!(*h, "Force" | "Forces"))
        else {
            continue;
        };
        let first_text = &text[first.span.clone()];
        if first_text.ends_with(head) {
            continue;
        }
        // (either number: "… Assistance Force patrol")
        let known = ["Force", "Forces"].iter().any(|h| {
            lex.lookup(&format!("{first_text} {h}"))
                .iter()
                .any(|l| lex.entry(l.entry).kind == EntryType::Organization)
        });
        if known {
            joined.push((a, b));
        }
    }
    // (one force whether written "Forces" or "Force patrol")
    let mut spans: Vec<(Range<usize>, String)> = Vec::new();
    for (a, b) in joined {
        let start = items[a].span.start;
        let mut end = items[b].span.end;
        let key = format!("joint|{}", fold(text[start..end].trim_end_matches('s')));
        let at = toks.partition_point(|t| t.start < end);
        if toks.get(at).is_some_and(|t| t.text(text) == "patrol") {
            end = toks[at].end;
        }
        spans.push((start..end, key));
    }
    // (the halves, and any name inside them, go)
    items.retain(|it| {
        !spans
            .iter()
            .any(|(s, _)| s.start <= it.span.start && it.span.end <= s.end)
    });
    for (span, key) in spans {
        items.push(Item::rule(
            span,
            EntityType::Organization,
            Some("armed_force"),
            Some(key),
        ));
    }
}

fn descriptive_organisations(lex: &Lexicon, text: &str, toks: &[Token], items: &mut Vec<Item>) {
    let mut found = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if !t.is_wordlike() {
            continue;
        }
        let s = t.text(text);
        // the anchor: a country (by token, by a multi-token mention ending
        // here, or as the prefix of a `-led` modifier)
        // "an Afghan-international security force": a joint force written
        // as one hyphenated word
        let hyphen_partner = s
            .split_once('-')
            .filter(|(head, tail)| is_partner(tail) && country_of(lex, head).is_some());
        let (anchor, anchor_start, led) = if let Some((head, _)) = hyphen_partner {
            (
                country_of(lex, head).map(|c| (c, EntryType::Location)),
                t.start,
                false,
            )
        } else if let Some(p) = led_prefix(s) {
            match country_of(lex, p) {
                Some(c) => (Some((c, EntryType::Location)), t.start, true),
                None => (None, t.start, true),
            }
        } else if let Some(m) = items.iter().find(|m| {
            m.span.end == t.end && m.kind == EntityType::Location && m.subtype == Some("country")
        }) {
            (
                m.entry.map(|e| (e, EntryType::Location)),
                m.span.start,
                false,
            )
        } else if let Some(c) = country_of(lex, s) {
            (Some((c, EntryType::Location)), t.start, false)
        } else if let Some(m) = items.iter().find(|m| {
            // "Tokyo metropolitan police", "Kandahar police": a city's or a
            // province's police (only police: "Kabul forces" is no force);
            // "Darfur rebels": a region's insurgents
            m.span.end == t.end
                && m.kind == EntityType::Location
                && toks.get(i + 1).is_some_and(|n| {
                    let n = lw(text, n);
                    n == "police"
                        || POLICE_ADJECTIVES.contains(&n.as_str())
                            && toks.get(i + 2).is_some_and(|x| lw(text, x) == "police")
                        || (REBEL_HEADS.contains(&n.as_str()) && m.subtype == Some("province"))
                })
        }) {
            (
                m.entry
                    .map(|e| (e, EntryType::Location))
                    .or(Some((u32::MAX, EntryType::Location))),
                m.span.start,
                false,
            )
        } else if s.eq_ignore_ascii_case("coalition") {
            // "coalition forces": the multinational force of the report
            (Some((u32::MAX, EntryType::Location)), t.start, false)
        } else if let Some(m) = items
            .iter()
            .find(|m| m.span.end == t.end && m.kind == EntityType::Organization)
        {
            (
                m.entry
                    .map(|e| (e, EntryType::Organization))
                    .or(Some((u32::MAX, EntryType::Organization))),
                m.span.start,
                false,
            )
        } else {
            (None, t.start, false)
        };
        let Some((anchor, anchor_kind)) = anchor else {
            continue;
        };
        let anchor_end = if led {
            anchor_start + led_prefix(s).map_or(0, str::len)
        } else {
            t.end
        };
        let anchor_key = if anchor == u32::MAX {
            fold(&text[anchor_start..t.end])
        } else {
            lex.entry(anchor).id.to_string()
        };
        // "U.S." "-led": the modifier tokenised apart
        let (led, skip) = match (
            toks.get(i + 1).map(|x| x.text(text)),
            toks.get(i + 2).map(|x| x.text(text)),
        ) {
            (Some("-"), Some(w)) if led_prefix(&format!("x-{w}")).is_some() => (true, 2),
            (Some(w), _) if w.starts_with('-') && led_prefix(&format!("x{w}")).is_some() => {
                (true, 1)
            }
            _ => (led, 0),
        };
        // a joint force: "Afghan and coalition forces", "Afghan and U.S.
        // troops", "an Afghan and coalition security force"
        let partner = match (
            toks.get(i + 1 + skip).map(|x| lw(text, x)),
            toks.get(i + 2 + skip).map(|x| x.text(text)),
        ) {
            (Some(a), Some(p)) if a == "and" && (is_partner(p) || country_of(lex, p).is_some()) => {
                Some(fold(p))
            }
            _ => None,
        };
        let skip = skip + if partner.is_some() { 2 } else { 0 };
        let partner = partner.or_else(|| hyphen_partner.map(|(_, p)| fold(p)));
        let next = |k: usize| {
            toks.get(i + k + skip)
                .filter(|x| x.kind == TokenKind::Word)
                .map(|x| lw(text, x))
        };
        let (class, len) = match (next(1).as_deref(), next(2).as_deref()) {
            (Some("special"), Some("forces")) => ("special_forces", 2),
            (Some("security"), Some("forces" | "force" | "patrol")) => ("armed", 2),
            (Some(w), _) if FORCE_HEADS.contains(&w) => ("armed", 1),
            (Some(w), _) if GOV_HEADS.contains(&w) && !led => ("government", 1),
            (Some("police"), _) if !led => ("police", 1),
            (Some(a), Some("police")) if !led && POLICE_ADJECTIVES.contains(&a) => ("police", 2),
            (Some("monitoring"), Some(h)) if TEAM_HEADS.contains(&h) => ("team", 2),
            (Some("regime"), _) if !led => ("regime", 1),
            // "Sierra Leonean rebels", "Peruvian guerrillas": the country's
            // insurgents (an armed group the report may name later)
            // (the class is the head, as the bare collective's: "the
            // guerrillas" later joins "Peruvian guerrillas")
            (Some(w), _) if !led && REBEL_HEADS.contains(&w) => (
                REBEL_HEADS
                    .iter()
                    .find(|h| **h == w)
                    .copied()
                    .unwrap_or("rebels"),
                1,
            ),
            _ => continue,
        };
        // "coalition" names forces only ("a coalition government" is no actor)
        if s.eq_ignore_ascii_case("coalition") && !matches!(class, "armed" | "special_forces") {
            continue;
        }
        // ("Afghan National Security and coalition force": a force whose
        // name is cut short before its partner is one joint force; a
        // force named in full, "the ANA and coalition forces", stays
        // itself)
        if anchor_kind == EntryType::Organization
            && !matches!(class, "regime" | "team")
            && !(partner.is_some()
                && anchor == u32::MAX
                && matches!(class, "armed" | "special_forces"))
        {
            continue;
        }
        if anchor_kind == EntryType::Location && class == "team" {
            continue;
        }
        let end = toks[i + len + skip].end;
        let surface_span = anchor_start..end;
        let (anchor_key, anchor_span) = match &partner {
            Some(p) => (format!("{anchor_key}+{p}"), None),
            None => (anchor_key, Some((anchor_start..anchor_end, class))),
        };
        if class == "regime" {
            // "X regime" names X itself.
            found.push(Item {
                span: surface_span,
                kind: EntityType::Organization,
                subtype: Some("government"),
                entry: (anchor != u32::MAX).then_some(anchor),
                cue: Cue::Rule,
                key: Some(format!("entry|{anchor_key}")),
                extra_aliases: Vec::new(),
                nationality: None,
                anchor: None,
                absorbed: false,
            });
            continue;
        }
        let subtype = match class {
            "government" => "government",
            "police" => "agency",
            "team" => "intergovernmental",
            c if REBEL_HEADS.contains(&c) => "armed_group",
            _ => "armed_force",
        };
        // ("Sierra Leonean rebels" are also "the rebels")
        let head_alias = if REBEL_HEADS.contains(&class) {
            vec![toks[i + len + skip].text(text).to_string()]
        } else {
            Vec::new()
        };
        found.push(Item {
            span: surface_span,
            kind: EntityType::Organization,
            subtype: Some(subtype),
            entry: None,
            cue: Cue::Rule,
            key: Some(format!("desc|{anchor_key}|{class}")),
            extra_aliases: head_alias,
            nationality: None,
            anchor: anchor_span,
            absorbed: false,
        });
    }
    // "coalition forces" inside "Afghan and coalition forces" is no force
    // of its own
    let inner: Vec<bool> = found
        .iter()
        .map(|f| {
            found
                .iter()
                .any(|g| g.span.start < f.span.start && g.span.end == f.span.end)
        })
        .collect();
    let mut inner = inner.into_iter();
    found.retain(|_| !inner.next().unwrap_or(false));
    // "the security force", "the joint force": a definite description of
    // the armed force last named
    let mut anaphors = Vec::new();
    let mut last_anaphor: Option<(Option<String>, usize)> = None;
    for (i, t) in toks.iter().enumerate() {
        if lw(text, t) != "the" {
            continue;
        }
        let mut k = i + 1;
        while k < toks.len()
            && matches!(
                lw(text, &toks[k]).as_str(),
                "security" | "joint" | "combined" | "assault" | "partnered" | "same"
            )
        {
            k += 1;
        }
        let Some(head) = toks.get(k) else {
            continue;
        };
        if !matches!(lw(text, head).as_str(), "force" | "forces") {
            continue;
        }
        // Which force: "the joint/combined force" is the last joint force
        // ("Afghan and coalition forces"); else the last force named with
        // the same words ("the security force" is the "Afghan and
        // coalition security force", not the "American soldiers" named
        // after it); else the force the previous such description meant,
        // unless a force was introduced ("a/an …") since; else the last
        // force named.
        let words_of = |r: &Range<usize>| text[r.clone()].to_lowercase();
        let described = words_of(&(toks[i + 1].start..head.end));
        let forces = || {
            found
                .iter()
                .filter(|f| f.span.end <= t.start && f.subtype == Some("armed_force"))
        };
        let joint_words = (i + 1..k).any(|x| {
            matches!(
                lw(text, &toks[x]).as_str(),
                "joint" | "combined" | "partnered"
            )
        });
        let introduced_since = |from: usize| {
            forces().any(|f| {
                f.span.start >= from
                    && toks
                        .partition_point(|x| x.end <= f.span.start)
                        .checked_sub(1)
                        .is_some_and(|p| matches!(lw(text, &toks[p]).as_str(), "a" | "an"))
            })
        };
        let by_words = || {
            forces()
                .filter(|f| k > i + 1 && words_of(&f.span).contains(&described))
                .max_by_key(|f| f.span.end)
                .map(|f| f.key.clone())
        };
        let joint = || {
            forces()
                .filter(|f| joint_words && f.key.as_deref().is_some_and(|k| k.contains('+')))
                .max_by_key(|f| f.span.end)
                .map(|f| f.key.clone())
        };
        let previous = || {
            last_anaphor
                .as_ref()
                .filter(|(_, end)| !introduced_since(*end))
                .map(|(key, _)| key.clone())
        };
        let latest = || forces().max_by_key(|f| f.span.end).map(|f| f.key.clone());
        let Some(key) = joint().or_else(by_words).or_else(previous).or_else(latest) else {
            continue;
        };
        // "the Afghan forces" is a force of its own
        if found
            .iter()
            .any(|f| f.span.start <= head.start && head.end <= f.span.end)
        {
            continue;
        }
        last_anaphor = Some((key.clone(), head.end));
        anaphors.push(Item {
            span: t.start..head.end,
            kind: EntityType::Organization,
            subtype: Some("armed_force"),
            entry: None,
            cue: Cue::Document,
            key,
            extra_aliases: Vec::new(),
            nationality: None,
            anchor: None,
            absorbed: false,
        });
    }
    found.extend(anaphors);
    // the anchor mention inside a descriptive organisation stays its own
    // entity only if it is not simply the descriptor's modifier: drop lexicon
    // org mentions swallowed by a team/regime descriptor
    for m in items.iter_mut() {
        m.absorbed = found.iter().any(|f| {
            f.span.start == m.span.start
                && f.span.end > m.span.end
                && m.kind == EntityType::Organization
                && f.key.as_deref().is_some_and(|k| {
                    k.ends_with("|team")
                        || k.contains('+')
                        // "Coalition forces" opening a sentence: the
                        // capitalised modifier no dictionary knows is no
                        // organisation of its own
                        || (m.entry.is_none() && k.starts_with("desc|"))
                })
        });
    }
    items.extend(found);
}

/// Head nouns of unnamed speakers who stand for an institution ("a senior
/// defense official said", "Military sources say"): (singular, plural).
const SPEAKER_HEADS: &[(&str, &str)] = &[
    ("official", "officials"),
    ("source", "sources"),
    ("spokesman", "spokesmen"),
    ("spokeswoman", "spokeswomen"),
    ("spokesperson", "spokespeople"),
    ("commander", "commanders"),
    ("officer", "officers"),
    ("diplomat", "diplomats"),
    ("staff", "staff"),
    // ("Witnesses said", "Burmese military authorities say")
    ("witness", "witnesses"),
    ("resident", "residents"),
    ("authority", "authorities"),
    // ("the country's national security minister said"): office holders
    // a report does not name (not "governor": "spokesman for the
    // provincial governor" is someone else speaking)
    ("minister", "ministers"),
    ("investigator", "investigators"),
    ("envoy", "envoys"),
    ("ambassador", "ambassadors"),
];

/// Words of a description that are not part of its name: determiners and
/// counts ("a", "two", "several").
const SPEAKER_DETERMINERS: &[&str] = &[
    "a",
    "an",
    "the",
    "one",
    "two",
    "three",
    "four",
    "five",
    "several",
    "some",
    "many",
    "other",
    "another",
    "both",
    "its",
    "their",
    "his",
    "her",
    "according",
];

/// Heads of the institution a speaker belongs to, when the text names it
/// with common nouns after the head ("an official in the defense ministry").
const INSTITUTION_HEADS: &[&str] = &[
    "ministry",
    "province",
    "council",
    "department",
    "office",
    "embassy",
    "army",
    "government",
    "police",
    "agency",
    "directorate",
    "administration",
    "military",
    "force",
    "forces",
    "command",
];

/// Prepositions that end a speaker description on its left.
const SPEAKER_PREPOSITIONS: &[&str] = &[
    "of", "by", "from", "for", "at", "in", "on", "to", "with", "about", "over", "said", "says",
];

/// Verbs of saying after (or, inverted, before) an unnamed speaker.
const SAYING: &[&str] = &[
    "said",
    "say",
    "says",
    "told",
    "tell",
    "tells",
    "added",
    "stated",
    "noted",
    "explained",
    "confirmed",
    "claimed",
    "warned",
    "reported",
    "report",
    "reports",
    "announced",
    "estimated",
    "insisted",
    "believe",
    "believes",
    "acknowledged",
    "described",
    "cautioned",
    "admitted",
];

/// Unnamed speakers who stand for an institution: "a senior defense
/// official said", "said a senior official in the defense ministry",
/// "Two senior officials in the interior ministry said", "Military sources
/// say", "according to a senior NDS official" (an institution the text
/// names — "a Taliban spokesman" — already speaks through its entity, and
/// such a description makes no entity). Reports attribute much of what
/// they say to such people; without an entity their claims would have no
/// speaker. One person (singular head) or one group (plural) per
/// description; descriptions with the same head whose words contain one
/// another ("senior defense official", "senior official in the defense
/// ministry") are one entity, and "the official" refers to the last one
/// with its head. Hand-written: these noun phrases are short and regular,
/// and no crate finds them.
fn unnamed_speakers(text: &str, toks: &[Token], items: &mut Vec<Item>) {
    let word = |k: usize| toks.get(k).map(|t| lw(text, t));
    let is_word = |k: usize| toks.get(k).is_some_and(|t| t.kind == TokenKind::Word);
    let covered = |k: usize, items: &[Item]| {
        items
            .iter()
            .any(|m| m.span.start <= toks[k].start && toks[k].end <= m.span.end)
    };
    // (key, head singular, plural, content words) of descriptions so far
    let mut seen: Vec<(String, &str, bool, Vec<String>)> = Vec::new();
    let mut found: Vec<Item> = Vec::new();
    for (h, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        let w = lw(text, t);
        let Some(&(sing, plur)) = SPEAKER_HEADS.iter().find(|(s, p)| *s == w || *p == w) else {
            continue;
        };
        let plural = w == plur && sing != plur;
        if covered(h, items) {
            continue;
        }
        // ("authorities" speak as a body; "a counterterrorism authority"
        // is an institution's name, not a speaker's)
        if w == "authority" {
            continue;
        }
        // modifiers to the left: lower-case words, or capitalised words
        // that name no entity ("Defense ministry officials" opening a
        // sentence); a named entity among them means the institution is
        // named and speaks itself
        let mut a = h;
        let mut named = false;
        while a > 0 && h - a < 5 && is_word(a - 1) {
            let p = word(a - 1).unwrap_or_default();
            if SPEAKER_DETERMINERS.contains(&p.as_str())
                || SAYING.contains(&p.as_str())
                || SPEAKER_PREPOSITIONS.contains(&p.as_str())
                || matches!(p.as_str(), "and" | "or" | "but" | "that" | "who" | "as")
            {
                break;
            }
            // "press accounts citing unidentified sources": a verb or a
            // plural noun ends the description
            let plural_noun = p.len() > 3
                && p.ends_with('s')
                && !p.ends_with("ss")
                && !p.ends_with("us")
                && !p.ends_with("is");
            // ("he contacted authorities", "after authorities"): a verb
            // or a conjunction is no modifier
            let verb_or_link = (p.ends_with("ed") && p.len() > 4 && p != "united")
                || matches!(
                    p.as_str(),
                    "after" | "before" | "when" | "until" | "while" | "since" | "if" | "than"
                );
            if (p.ends_with("ing") && p.len() > 5) || plural_noun || verb_or_link {
                break;
            }
            if covered(a - 1, items) {
                named = true;
                break;
            }
            a -= 1;
        }
        // "the IRA's most senior former officers": the owner is named
        // ("the country's national security minister": an owner no name
        // gives is no institution the text names)
        if a > 1 && toks[a - 1].kind == TokenKind::Possessive && covered(a - 2, items) {
            named = true;
        }
        if named {
            continue;
        }
        // "said a senior official": the determiner before the modifiers
        let det = (a > 0 && is_word(a - 1))
            .then(|| word(a - 1).unwrap_or_default())
            .filter(|d| SPEAKER_DETERMINERS.contains(&d.as_str()));
        let np_start = if det.is_some() { a - 1 } else { a };
        // a bare "the official" refers to the last description with its head
        let bare = a == h;
        // an institution after the head in common nouns: "in the defense
        // ministry", "of the provincial council"
        let mut end = h + 1;
        if word(end).is_some_and(|p| matches!(p.as_str(), "in" | "at" | "of" | "from"))
            && word(end + 1).as_deref() == Some("the")
        {
            let mut k = end + 2;
            while k < toks.len() && k - end < 6 && is_word(k) && !covered(k, items) {
                let x = word(k).unwrap_or_default();
                if x.chars().next().is_some_and(char::is_uppercase) {
                    break;
                }
                if INSTITUTION_HEADS.contains(&x.as_str()) {
                    end = k + 1;
                    break;
                }
                if SPEAKER_PREPOSITIONS.contains(&x.as_str()) || SAYING.contains(&x.as_str()) {
                    break;
                }
                k += 1;
            }
        }
        // the speaker position: a verb of saying after the phrase (past a
        // named place, "residing in X", adverbs, auxiliaries and a comma-
        // bounded aside), before it ("…," said a senior official), or
        // "according to" before it
        let mut k = end;
        for _ in 0..2 {
            let prep = word(k).is_some_and(|p| {
                matches!(p.as_str(), "in" | "from" | "at")
                    || (p.ends_with("ing") && word(k + 1).is_some_and(|q| q == "in"))
            });
            if !prep {
                break;
            }
            let mut j = k + 1;
            if word(j).as_deref() == Some("in") {
                j += 1;
            }
            let start = j;
            while j < toks.len() && j - start < 5 && covered(j, items) {
                j += 1;
            }
            if word(j).as_deref() == Some("province") {
                j += 1;
            }
            if j == start {
                break;
            }
            k = j;
        }
        if toks.get(k).is_some_and(|t| t.text(text) == ",") {
            // "…, speaking on condition of anonymity," is the verb's aside
            if let Some(c) = (k + 1..toks.len().min(k + 12)).find(|&j| toks[j].text(text) == ",") {
                k = c + 1;
            }
        }
        while word(k).is_some_and(|x| SUBJECT_VERB_GAP.contains(&x.as_str())) {
            k += 1;
        }
        // (witnesses and residents speak when they say or tell: "Local
        // residents reported hearing bangs" reports no statement)
        let after = word(k).is_some_and(|x| {
            SAYING.contains(&x.as_str())
                && (!matches!(sing, "witness" | "resident")
                    || matches!(x.as_str(), "said" | "say" | "says" | "told"))
        });
        // ("quoted a source in the command as saying")
        let quoted = np_start > 0
            && word(np_start - 1).is_some_and(|x| matches!(x.as_str(), "quoted" | "quoting"))
            && (k..toks.len().min(k + 10))
                .take_while(|&j| is_word(j))
                .any(|j| word(j).as_deref() == Some("saying"));
        let before = quoted
            || np_start > 0
                && (word(np_start - 1).is_some_and(|x| SAYING.contains(&x.as_str()))
                    || (word(np_start - 1).as_deref() == Some("to")
                        && np_start > 1
                        && word(np_start - 2).as_deref() == Some("according")));
        if !(after || before) {
            continue;
        }
        let content: Vec<String> = (a..end)
            .filter(|&k| k != h && is_word(k))
            .map(|k| word(k).unwrap_or_default())
            .filter(|x| !matches!(x.as_str(), "in" | "at" | "of" | "from" | "the"))
            .collect();
        // "Witnesses said": people who saw or live there speak for
        // themselves, named by the head alone
        // (one "who declined to be named" is no source the report gives)
        let anonymous = (h + 1..toks.len().min(h + 6)).any(|j| {
            word(j).is_some_and(|x| matches!(x.as_str(), "declined" | "refused" | "anonymity"))
        });
        if anonymous && matches!(sing, "witness" | "resident") {
            continue;
        }
        let eyewitness = matches!(sing, "witness" | "resident")
            // ("quoted a source in the command as saying": one new source)
            || (quoted && matches!(det.as_deref(), Some("a" | "an")));
        let key = if bare && !eyewitness {
            if det.as_deref() != Some("the") {
                continue;
            }
            match seen.iter().rev().find(|s| s.1 == sing && s.2 == plural) {
                Some(s) => s.0.clone(),
                None => continue,
            }
        } else {
            let same = seen.iter().rev().find(|s| {
                s.1 == sing
                    && s.2 == plural
                    && (s.3.iter().all(|x| content.contains(x))
                        || content.iter().all(|x| s.3.contains(x)))
            });
            match same {
                Some(s) => s.0.clone(),
                None => format!("speaker|{}|{}", seen.len(), sing),
            }
        };
        // a description starts a speaker later bare nouns refer to; so does
        // a bare "Witnesses" that joins none
        if !bare {
            seen.push((key.clone(), sing, plural, content.clone()));
        } else if !seen.iter().any(|s| s.0 == key) {
            seen.push((key.clone(), sing, plural, Vec::new()));
        }
        // (witnesses and residents are people, not an institution)
        let kind = if plural && !eyewitness {
            EntityType::Organization
        } else {
            EntityType::Person
        };
        found.push(Item {
            span: toks[a].start..toks[end - 1].end,
            kind,
            subtype: (plural && !eyewitness).then(|| {
                if content
                    .iter()
                    .any(|x| matches!(x.as_str(), "military" | "army"))
                {
                    "armed_force"
                } else {
                    "government"
                }
            }),
            entry: None,
            cue: Cue::Rule,
            key: Some(key),
            // "a source in the Russian command" is also just "the source"
            extra_aliases: if end > h + 1 {
                vec![toks[h].text(text).to_string()]
            } else {
                Vec::new()
            },
            nationality: None,
            anchor: None,
            absorbed: false,
        });
    }
    items.extend(found);
}

/// "Shootings in Belfast had continued … Belfast was reduced to near total
/// chaos": a single word typed a place in one sentence and a person in
/// another (a verb after a bare name reads like a person's) is the place
/// everywhere. A person named in full ("Tom Belfast") keeps its type.
fn one_word_places(text: &str, items: &mut [Item]) {
    let places: HashMap<&str, Option<&'static str>> = items
        .iter()
        .filter(|i| i.kind == EntityType::Location)
        .map(|i| (&text[i.span.clone()], i.subtype))
        .collect();
    for it in items.iter_mut() {
        let s = &text[it.span.clone()];
        if it.kind == EntityType::Person && !s.contains(' ') && it.entry.is_none() {
            if let Some(&sub) = places.get(s) {
                it.kind = EntityType::Location;
                it.subtype = sub;
            }
        }
    }
}

/// Unnamed collective actors: (head, class, subtype). Reports attribute much
/// of what happens and what is said to them ("Police said …", "police
/// raided two apartments", "arrested by police"); with no entity, those
/// events and claims would have no actor.
const COLLECTIVES: &[(&str, &str, &str)] = &[
    ("police", "police", "agency"),
    ("authorities", "government", "government"),
    ("government", "government", "government"),
    ("officials", "government", "government"),
    ("prosecutors", "prosecutors", "agency"),
    ("investigators", "investigators", "agency"),
    ("militants", "militants", "armed_group"),
    ("gunmen", "gunmen", "armed_group"),
    ("rebels", "rebels", "armed_group"),
    ("insurgents", "insurgents", "armed_group"),
    ("jihadists", "jihadists", "armed_group"),
    ("extremists", "extremists", "armed_group"),
    ("attackers", "attackers", "armed_group"),
    ("assailants", "attackers", "armed_group"),
    ("judges", "judges", "government"),
    ("protesters", "protesters", "other"),
    ("demonstrators", "protesters", "other"),
    ("guerrillas", "guerrillas", "armed_group"),
    ("militiamen", "militiamen", "armed_group"),
    ("mutineers", "mutineers", "armed_group"),
    ("vigilantes", "vigilantes", "armed_group"),
    ("policemen", "police", "agency"),
];

/// Two-word collectives: (modifier, head, class, subtype).
const COLLECTIVE_PAIRS: &[(&str, &str, &str, &str)] = &[
    ("security", "forces", "security_forces", "armed_force"),
    ("security", "officials", "government", "government"),
    ("police", "officers", "police", "agency"),
    ("police", "office", "police", "agency"),
    ("police", "headquarters", "police", "agency"),
    ("police", "department", "police", "agency"),
];

/// Words between a subject and its verb ("police have said", "police
/// initially appeared").
const SUBJECT_VERB_GAP: &[&str] = &[
    "have",
    "has",
    "had",
    "were",
    "was",
    "are",
    "is",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "also",
    "later",
    "then",
    "soon",
    "still",
    "now",
    "not",
    "never",
    "reportedly",
    "allegedly",
    "themselves",
    "on",
];

/// Verbs that are not past participles in -ed but often follow a subject.
const COMMON_VERBS: &[&str] = &[
    "said", "say", "says", "told", "tell", "tells", "believe", "believes", "think", "thinks",
    "found", "find", "took", "take", "held", "hold", "shot", "kill", "kills", "made", "make",
    "gave", "give", "arrest", "arrests", "raid", "raids", "attack", "attacks", "seize", "seized",
    "want", "wants", "suspect", "suspects", "fought", "fight", "set", "stormed", "detain",
    "detains", "launch", "launches", "open", "opens", "clash", "clash", "began", "begin", "sought",
    "seek", "saw", "see", "knew", "know", "went", "came", "ran",
];

/// A word that counts or quantifies ("Twenty", "Several", "Most").
fn count_word(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_digit() || c == ',')
        || matches!(
            w,
            "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
                | "fifteen"
                | "twenty"
                | "thirty"
                | "forty"
                | "fifty"
                | "hundreds"
                | "dozens"
                | "thousands"
                | "several"
                | "many"
                | "some"
                | "few"
                | "more"
                | "most"
                | "all"
                | "other"
                | "both"
                | "numerous"
                | "multiple"
        )
}

fn verbish(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_lowercase())
        && ((w.len() >= 5 && w.ends_with("ed")) || COMMON_VERBS.contains(&w))
}

/// Collective actors ([`COLLECTIVES`]) in an argument position only: the
/// subject of a verb ("Police said", "police and counter-terror officers
/// launched raids", "Authorities have declined"), a passive's `by` phrase,
/// or `according to`; a passing mention ("a police station", "Taliban
/// militants") makes no entity. A bare noun joins the document's one
/// country-anchored organisation of its class ("Thai officials" …
/// "Authorities") when there is exactly one, and otherwise the bare nouns
/// of a class are one entity per document. Hand-written: no crate parses
/// English subjects, and these few positions cover news attribution.
fn collective_actors(text: &str, toks: &[Token], items: &mut Vec<Item>) {
    let word = |k: usize| toks.get(k).map(|t| lw(text, t));
    let mut found: Vec<Item> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        let w = lw(text, t);
        // the head (one or two words), its class and subtype
        let (end_i, class, subtype) = if let Some(&(_, h, c, st)) = COLLECTIVE_PAIRS
            .iter()
            .find(|(m, h, _, _)| *m == w && word(i + 1).as_deref() == Some(*h))
        {
            let _ = h;
            (i + 1, c, st)
        } else if let Some(&(_, c, st)) = COLLECTIVES.iter().find(|(h, _, _)| *h == w) {
            // "police officers" is the pair above
            if COLLECTIVE_PAIRS.iter().any(|(m, _, _, _)| {
                *m == w && word(i + 1).is_some_and(|n| COLLECTIVE_PAIRS.iter().any(|p| p.1 == n))
            }) {
                continue;
            }
            // the second word of a pair ("security officials")
            if i > 0
                && COLLECTIVE_PAIRS
                    .iter()
                    .any(|(m, h, _, _)| *h == w && word(i - 1).as_deref() == Some(*m))
            {
                continue;
            }
            (i, c, st)
        } else {
            continue;
        };
        // "Transport authorities said" opening a sentence: the capitalised
        // modifier is part of the description
        // (a word on the line before, a headline's last, is no modifier)
        let joined = i > 0 && !text[toks[i - 1].end..toks[i].start].contains('\n');
        let opener_modifier = joined
            && toks[i - 1].kind == TokenKind::Word
            && toks[i - 1]
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && (i < 2
                || matches!(
                    toks[i - 2].text(text),
                    "." | "!" | "?" | "\"" | "”" | "“" | ":"
                ))
            && !matches!(
                word(i - 1).as_deref(),
                Some("the" | "a" | "an" | "but" | "and" | "so" | "then" | "when" | "if")
            )
            // "Twenty insurgents were killed": a count is no description
            && !word(i - 1).is_some_and(|w| count_word(&w))
            && !items.iter().any(|m| m.span.end == toks[i - 1].end);
        let first = if opener_modifier { i - 1 } else { i };
        let span = toks[first].start..toks[end_i].end;
        // part of a name or of a descriptive organisation already
        // ("Greater Manchester Police", "Thai police"), or the modifier
        // of a named actor ("Taliban militants", "Kabul police")
        if items
            .iter()
            .any(|m| m.span.start < span.end && span.start < m.span.end)
        {
            continue;
        }
        if joined && items.iter().any(|m| m.span.end == toks[i - 1].end) {
            continue;
        }
        // "Liberation Tigers of Tamil Eelam (LTTE) rebels": the name with
        // its bracketed short form before the noun
        if i > 1
            && toks[i - 1].text(text) == ")"
            && items.iter().any(|m| m.span.end == toks[i - 2].end)
        {
            continue;
        }
        // a capitalised word before it (not opening the sentence) names it
        if joined {
            let p = &toks[i - 1];
            let ps = p.text(text);
            let opens = i < 2
                || matches!(toks[i - 2].kind, TokenKind::Punct)
                    && matches!(toks[i - 2].text(text), "." | "!" | "?" | "\"" | "“" | ":");
            if p.kind == TokenKind::Word
                && ps.chars().next().is_some_and(char::is_uppercase)
                && !opens
            {
                continue;
            }
        }
        let prev = i.checked_sub(1).and_then(word);
        let prev2 = i.checked_sub(2).and_then(word);
        // "a shootout with police", "clashes with militants", "a battle
        // with separatist rebels" (one modifier between)
        let prev3 = i.checked_sub(3).and_then(word);
        let modified = prev2.as_deref() == Some("with")
            && prev
                .as_deref()
                .is_some_and(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
            && i >= 1
            && toks[i - 1].kind == TokenKind::Word;
        let (with_at, fight) = if modified {
            (prev2.as_deref(), prev3.as_deref())
        } else {
            (prev.as_deref(), prev2.as_deref())
        };
        let conflict_with = with_at == Some("with")
            && fight.is_some_and(|w| {
                matches!(
                    w,
                    "shootout"
                        | "shootouts"
                        | "gunfight"
                        | "battle"
                        | "firefight"
                        | "clash"
                        | "clashes"
                        | "fighting"
                        | "standoff"
                        | "confrontation"
                        | "clashed"
                        | "fought"
                        | "battled"
                )
            });
        // "called on the government to …", "protests against the
        // government": the one asked, accused or opposed
        let addressed = class == "government"
            && prev.as_deref() == Some("the")
            && prev2.as_deref().is_some_and(|w| {
                matches!(
                    w,
                    "on" | "urged"
                        | "asked"
                        | "accused"
                        | "blamed"
                        | "criticized"
                        | "criticised"
                        | "against"
                        | "condemned"
                )
            });
        // "killed five soldiers", "ambushed the guerrillas": the object
        // of a violent act (past a count and a determiner)
        let object_of_violence = {
            // ("killed 31 villagers and seven soldiers": past the first of
            // two objects)
            let mut j = i;
            let mut listed = 0;
            while j > 0
                && word(j - 1).is_some_and(|w| {
                    count_word(&w)
                        || matches!(w.as_str(), "the" | "at" | "least" | "about")
                        || (listed < 3
                            && (w == "and"
                                || (w.len() > 4
                                    && w.ends_with('s')
                                    && w.chars().all(|c| c.is_ascii_lowercase()))))
                })
            {
                if word(j - 1).is_some_and(|w| w == "and" || w.ends_with('s')) {
                    listed += 1;
                }
                j -= 1;
            }
            j > 0
                && word(j - 1).is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "killed"
                            | "killing"
                            | "wounded"
                            | "wounding"
                            | "injured"
                            | "injuring"
                            | "ambushed"
                            | "attacked"
                            | "kidnapped"
                            | "abducted"
                            | "seized"
                            | "captured"
                            | "shot"
                            | "massacred"
                            | "fought"
                            | "battled"
                            | "raided"
                            | "pounded"
                    )
                })
        };
        // "battles between US troops and militants", "clashes between
        // militants and police": a side of a fight named by "between"
        let between_sides = {
            let before_and = prev.as_deref() == Some("and")
                && (2..=6).any(|d| i.checked_sub(d).and_then(word).as_deref() == Some("between"));
            let after_between =
                prev.as_deref() == Some("between") && word(end_i + 1).as_deref() == Some("and");
            let fight_before = |at: usize| {
                (1..=3).any(|d| {
                    at.checked_sub(d).and_then(word).is_some_and(|w| {
                        matches!(
                            w.as_str(),
                            "battle"
                                | "battles"
                                | "clash"
                                | "clashes"
                                | "fighting"
                                | "fight"
                                | "fights"
                                | "gunbattle"
                                | "gunbattles"
                                | "firefight"
                                | "firefights"
                                | "war"
                                | "skirmishes"
                        )
                    })
                })
            };
            (before_and
                && (2..=6).any(|d| {
                    i.checked_sub(d)
                        .is_some_and(|k| word(k).as_deref() == Some("between") && fight_before(k))
                }))
                || (after_between && fight_before(i - 1))
        };
        // (victims who are no party, "killed 13 protesters", make none)
        let mut argument = conflict_with
            || between_sides
            || (object_of_violence && subtype != "other")
            || addressed
            || matches!(prev.as_deref(), Some("by"))
            // "engaged by multiple insurgents"
            || (prev.as_deref().is_some_and(count_word) && prev2.as_deref() == Some("by"))
            || (prev.as_deref() == Some("to") && prev2.as_deref() == Some("according"));
        if !argument {
            // the subject of a verb, possibly coordinated ("police and
            // counter-terror officers launched")
            let mut k = end_i + 1;
            if word(k).as_deref() == Some("and") {
                k += 1;
                let mut n = 0;
                while n < 4 && word(k).is_some_and(|x| !verbish(&x)) {
                    k += 1;
                    n += 1;
                }
            }
            // "Militiamen loyal to President X clashed": past the loyalty
            if word(k).as_deref() == Some("loyal") && word(k + 1).as_deref() == Some("to") {
                k += 2;
                let mut n = 0;
                while n < 5
                    && toks.get(k).is_some_and(|t| {
                        t.kind == TokenKind::Word
                            && t.text(text).chars().next().is_some_and(char::is_uppercase)
                    })
                {
                    k += 1;
                    n += 1;
                }
            }
            // "The police, however, concluded"
            if word(k).as_deref() == Some(",")
                && word(k + 1)
                    .is_some_and(|x| matches!(x.as_str(), "however" | "meanwhile" | "too"))
                && word(k + 2).as_deref() == Some(",")
            {
                k += 3;
            }
            while word(k).is_some_and(|x| {
                SUBJECT_VERB_GAP.contains(&x.as_str()) || (x.ends_with("ly") && x.len() > 4)
            }) {
                k += 1;
            }
            argument = word(k).is_some_and(|x| verbish(&x));
        }
        if !argument {
            continue;
        }
        found.push(Item::rule(
            span,
            EntityType::Organization,
            Some(subtype),
            Some(format!("collective|{class}")),
        ));
    }
    // a bare noun joins the document's one country-anchored organisation
    // of its class
    for f in &mut found {
        let class = f
            .key
            .as_deref()
            .unwrap_or("")
            .trim_start_matches("collective|")
            .to_string();
        let mut anchored: Vec<&str> = items
            .iter()
            .filter_map(|m| m.key.as_deref())
            .filter(|k| {
                k.starts_with("desc|") && k.ends_with(&format!("|{class}")) && !k.contains('+')
            })
            .collect();
        anchored.sort_unstable();
        anchored.dedup();
        if let [only] = anchored.as_slice() {
            f.key = Some((*only).to_string());
        }
    }
    items.extend(found);
}

/// "the 2020 U.S.-Taliban deal", "the Doha Agreement": agreements, and
/// "the agreement" / "the deal" as their aliases when only one is named.
fn agreements(text: &str, toks: &[Token], items: &mut Vec<Item>) {
    let mut found: Vec<Item> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word || !AGREEMENT_HEADS.contains(&lw(text, t).as_str()) {
            continue;
        }
        // parties: a hyphenated pair of names ("U.S.-Taliban") or a
        // capitalised name before the head ("Doha Agreement")
        let mut a = i;
        let mut parties = false;
        while a > 0 {
            let p = &toks[a - 1];
            let s = p.text(text);
            let is_pair = s.contains('-')
                && s.split('-')
                    .filter(|x| !x.is_empty())
                    .all(|x| x.chars().next().is_some_and(char::is_uppercase))
                && s.split('-').filter(|x| !x.is_empty()).count() >= 2;
            let determiner = matches!(
                s.to_lowercase().as_str(),
                "the"
                    | "a"
                    | "an"
                    | "this"
                    | "that"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "new"
                    | "final"
                    | "draft"
                    | "secret"
                    | "any"
                    | "such"
                    | "under"
                    | "in"
                    | "of"
            );
            let named =
                p.is_wordlike() && !determiner && s.chars().next().is_some_and(char::is_uppercase);
            let peace = matches!(
                s.to_lowercase().as_str(),
                "peace" | "nuclear" | "trade" | "security"
            );
            // "U.S." "-" "Taliban" tokenised apart: the dash joins two names
            let dash_join = parties
                && s == "-"
                && a >= 2
                && toks[a - 2].is_wordlike()
                && toks[a - 2]
                    .text(text)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
            if dash_join {
                a -= 1;
                continue;
            }
            if is_pair || (named && !peace && p.kind != TokenKind::Number) {
                parties = true;
                a -= 1;
            } else if p.kind == TokenKind::Number && s.len() == 4 && parties {
                a -= 1;
                break;
            } else if peace && a == i {
                a -= 1;
            } else {
                break;
            }
        }
        // "U.S." then "-" then "Taliban" may be separate tokens
        if !parties && i >= 3 {
            let (x, dash, y) = (&toks[i - 3], &toks[i - 2], &toks[i - 1]);
            if dash.text(text) == "-"
                && x.is_wordlike()
                && y.is_wordlike()
                && x.text(text).starts_with(char::is_uppercase)
                && y.text(text).starts_with(char::is_uppercase)
            {
                parties = true;
                a = i - 3;
                if a > 0
                    && toks[a - 1].kind == TokenKind::Number
                    && toks[a - 1].text(text).len() == 4
                {
                    a -= 1;
                }
            }
        }
        // "the 2016 peace accord": an agreement named by its year alone
        let mut by_year = false;
        if !parties {
            let mut y = i;
            if y > 0 && lw(text, &toks[y - 1]) == "peace" {
                y -= 1;
            }
            let year = y > 1
                && toks[y - 1].kind == TokenKind::Number
                && toks[y - 1].text(text).len() == 4
                && toks[y - 1].text(text).starts_with(['1', '2'])
                && lw(text, &toks[y - 2]) == "the";
            if year {
                by_year = true;
                parties = true;
                a = y - 1;
            }
        }
        if !parties || a == i {
            continue;
        }
        let has_name = (a..i).any(|k| toks[k].is_wordlike() && toks[k].kind != TokenKind::Number);
        if !has_name && !by_year {
            continue;
        }
        let span = toks[a].start..t.end;
        let surface = &text[span.clone()];
        // one agreement per set of parties: key on the folded name without year
        let key_text: String = fold(surface)
            .split_whitespace()
            .filter(|w| by_year || !w.chars().all(|c| c.is_ascii_digit()))
            .filter(|w| !AGREEMENT_HEADS.contains(w) && *w != "peace")
            .collect::<Vec<_>>()
            .join(" ");
        // "X-Y" names the parties; drop a leading year for an alias too
        let mut extra = Vec::new();
        if toks[a].kind == TokenKind::Number && !by_year {
            extra.push(text[toks[a + 1].start..t.end].to_string());
        }
        found.push(Item {
            span,
            kind: EntityType::Agreement,
            subtype: None,
            entry: None,
            cue: Cue::Rule,
            key: Some(format!("agreement|{key_text}")),
            extra_aliases: extra,
            nationality: None,
            anchor: None,
            absorbed: false,
        });
    }
    if found.is_empty() {
        return;
    }
    // A single agreement: bare "the agreement" / "the deal" refer to it.
    let keys: std::collections::HashSet<&String> =
        found.iter().filter_map(|f| f.key.as_ref()).collect();
    if keys.len() == 1 {
        let key = (*keys.iter().next().unwrap_or(&&String::new())).clone();
        let mut anaphors = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            let w = lw(text, t);
            if AGREEMENT_HEADS.contains(&w.as_str())
                && i > 0
                && lw(text, &toks[i - 1]) == "the"
                && !found.iter().any(|f| f.span.end == t.end)
            {
                anaphors.push(Item {
                    span: toks[i - 1].start..t.end,
                    kind: EntityType::Agreement,
                    subtype: None,
                    entry: None,
                    cue: Cue::Document,
                    key: Some(key.clone()),
                    extra_aliases: Vec::new(),
                    nationality: None,
                    anchor: None,
                    absorbed: false,
                });
            }
        }
        found.extend(anaphors);
    }
    // parties named inside the agreement stay entities of their own
    items.extend(found);
}

/// Acronyms of a longer name in the same document: "U.N." / "United
/// Nations", "FBI" / "Federal Bureau of Investigation".
fn acronyms(text: &str, items: &[Item], uf: &mut UnionFind) {
    let initials = |s: &str| -> String {
        s.split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "&"))
            .filter_map(|w| w.chars().next())
            .filter(|c| c.is_uppercase())
            .collect()
    };
    let letters = |s: &str| -> Option<String> {
        let l: String = s.chars().filter(|c| *c != '.').collect();
        (l.len() >= 2 && l.len() <= 8 && l.chars().all(|c| c.is_ascii_uppercase())).then_some(l)
    };
    let org_like = |k: EntityType| matches!(k, EntityType::Organization | EntityType::Location);
    for (i, a) in items.iter().enumerate() {
        let Some(short) = letters(text[a.span.clone()].trim()) else {
            continue;
        };
        for (j, b) in items.iter().enumerate() {
            if i == j || !org_like(a.kind) || !org_like(b.kind) || b.anchor.is_some() {
                continue;
            }
            let long = &text[b.span.clone()];
            // "National Liberation Army (ELN)": an acronym in brackets right
            // after a name is its short form even when the letters come from
            // the name in another language (Spanish "Ejército de Liberación
            // Nacional").
            let bracketed = b.span.end <= a.span.start
                && text[b.span.end..a.span.start].trim() == "("
                && text[a.span.end..].trim_start().starts_with(')');
            if long.split_whitespace().count() >= 2
                && (initials(long) == short || bracketed)
                && (a.kind == b.kind || a.entry.is_none() || b.entry.is_none())
            {
                uf.union(i, j);
            }
        }
    }
}

/// A person named by a tail of a fuller name ("Mehran" after "Weeda
/// Mehran", "bin Laden" after "Osama bin Laden") is that person.
/// Kinship nouns: the name right after one is a person's.
const KIN: &[&str] = &[
    "brother", "brothers", "sister", "son", "sons", "daughter", "wife", "husband", "father",
    "mother", "cousin", "uncle", "nephew", "niece", "friend", "widow",
];

/// "his brother, Tamerlan,", "whose 8-year-old son, Martin, was", "his
/// younger brother Dzhokhar": a capitalised name right after a kinship noun
/// (a comma may sit between) is a person, even one word that no list or
/// name rule types.
fn kin_names(text: &str, toks: &[Token], items: &mut Vec<Item>) {
    let cap = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.kind == TokenKind::Word
                && t.text(text).chars().next().is_some_and(char::is_uppercase)
                && t.text(text)
                    .chars()
                    .skip(1)
                    .all(|c| c.is_lowercase() || c == '-' || c == '\'')
                && t.text(text).len() >= 3
        })
    };
    let mut found = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word || !KIN.contains(&lw(text, t).as_str()) {
            continue;
        }
        let mut a = i + 1;
        if toks.get(a).is_some_and(|x| x.text(text) == ",") {
            a += 1;
        }
        if !cap(a) {
            continue;
        }
        let mut b = a + 1;
        while b < toks.len() && b - a < 3 && cap(b) {
            b += 1;
        }
        let span = toks[a].start..toks[b - 1].end;
        let w = toks[a].text(text);
        if crate::temporal::is_month_or_weekday(w)
            || NOT_NAME_STARTS.contains(&w.to_lowercase().as_str())
            || items
                .iter()
                .any(|m| m.span.start < span.end && span.start < m.span.end)
        {
            continue;
        }
        found.push(Item::rule(span, EntityType::Person, None, None));
    }
    items.extend(found);
}

/// "an Egyptian national", "Kyrgyz citizens": the demonym names the
/// country (a mention of it), so that the nationality it states can be a
/// tie (`national_of`, in `crate::ties`).
fn nationality_demonyms(lex: &Lexicon, text: &str, toks: &[Token], items: &mut Vec<Item>) {
    let mut found = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if !t.is_wordlike() || !t.text(text).starts_with(char::is_uppercase) {
            continue;
        }
        let next = toks.get(i + 1).map(|x| lw(text, x));
        if !matches!(
            next.as_deref(),
            Some("national" | "nationals" | "citizen" | "citizens")
        ) {
            continue;
        }
        let Some(c) = country_of(lex, t.text(text)) else {
            continue;
        };
        if items
            .iter()
            .any(|m| m.span.start < t.end && t.start < m.span.end)
        {
            continue;
        }
        found.push(Item {
            span: t.start..t.end,
            kind: EntityType::Location,
            subtype: Some("country"),
            entry: Some(c),
            cue: Cue::Lexicon,
            key: None,
            extra_aliases: Vec::new(),
            nationality: None,
            anchor: None,
            absorbed: false,
        });
    }
    items.extend(found);
}

/// Key prefix of capitals read as their country ([`capital_metonyms`]).
const METONYM: &str = "metonym|";

const CAPITALS_TSV: &str = include_str!("../../../data/lexicon/capitals.tsv");

/// Folded capital name → the country's lexicon entry (`data/lexicon/capitals.tsv`).
fn capitals() -> &'static HashMap<String, u32> {
    static MAP: std::sync::OnceLock<HashMap<String, u32>> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let lex = Lexicon::global();
        let index: HashMap<&str, u32> = lex
            .entries()
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id, i as u32))
            .collect();
        CAPITALS_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let (city, iso) = l.split_once('\t')?;
                let entry = *index.get(format!("country:{}", iso.trim()).as_str())?;
                Some((fold(city), entry))
            })
            .collect()
    })
}

/// Capital metonymy: "Washington should pull out", "Moscow sent troops",
/// "accused Islamabad of abetting militancy", "New Delhi's rule": a
/// capital used as an actor stands for its country (as the answer keys and
/// analysts read it), so the mention joins the country; "in Kabul", "the
/// Washington-based Wilson Center" stay places. An actor use is a capital
/// right before a verb of saying, deciding or acting (or a modal), right
/// after a verb that takes an actor as object ("accused", "urged", "told"),
/// after "with" or "and" closing a phrase of talks or relations, or with a
/// possessive before a noun of policy, force or position.
fn capital_metonyms(lex: &Lexicon, text: &str, toks: &[Token], items: &mut [Item]) {
    const VERBS_AFTER: &[&str] = &[
        "said",
        "says",
        "say",
        "accused",
        "accuses",
        "denied",
        "denies",
        "blamed",
        "blames",
        "warned",
        "warns",
        "sent",
        "sends",
        "wants",
        "wanted",
        "rejected",
        "rejects",
        "welcomed",
        "welcomes",
        "announced",
        "announces",
        "agreed",
        "agrees",
        "demanded",
        "demands",
        "urged",
        "urges",
        "insisted",
        "insists",
        "called",
        "calls",
        "refused",
        "refuses",
        "hopes",
        "hoped",
        "believes",
        "believed",
        "claims",
        "claimed",
        "responded",
        "condemned",
        "condemns",
        "threatened",
        "threatens",
        "ordered",
        "orders",
        "decided",
        "plans",
        "planned",
        "sought",
        "seeks",
        "backed",
        "backs",
        "supports",
        "supported",
        "opposes",
        "opposed",
        "fears",
        "feared",
        "considers",
        "considered",
        "pressed",
        "imposed",
        "recognised",
        "recognized",
        "recalled",
        "expelled",
        "protested",
        "retaliated",
        "should",
        "must",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "has",
        "have",
        "had",
        "is",
        "was",
        "did",
        "does",
        "also",
        "still",
        "now",
        "then",
        "first",
        "turned",
        "stepped",
        "signed",
        "offered",
        "asked",
        "appealed",
        "reacted",
    ];
    const VERBS_BEFORE: &[&str] = &[
        "accused",
        "accusing",
        "accuse",
        "urged",
        "urging",
        "told",
        "warned",
        "pressed",
        "criticised",
        "criticized",
        "blamed",
        "asked",
        "condemned",
        "allied",
        "backed",
        "supported",
        "against",
        "pressure",
        "persuade",
        "persuaded",
    ];
    const RELATION_NOUNS: &[&str] = &[
        "talks",
        "relations",
        "ties",
        "negotiations",
        "deal",
        "agreement",
        "contacts",
        "cooperation",
        "dialogue",
        "tensions",
        "dispute",
        "rift",
        "accord",
        "meeting",
    ];
    const POSSESSED: &[&str] = &[
        "policy",
        "policies",
        "government",
        "troops",
        "forces",
        "army",
        "military",
        "rule",
        "decision",
        "support",
        "position",
        "role",
        "demand",
        "demands",
        "efforts",
        "ally",
        "allies",
        "relations",
        "stance",
        "deployment",
        "envoy",
        "ambassador",
        "officials",
        "leaders",
        "leadership",
        "regime",
        "strategy",
        "response",
        "refusal",
        "approval",
        "backing",
        "interests",
        "aggression",
        "claims",
        "accusations",
        "intervention",
        "influence",
        "pressure",
        "plan",
        "plans",
        "proposal",
        "offer",
        "withdrawal",
        "authority",
        "campaign",
        "partner",
        "partners",
        "diplomats",
        "negotiators",
        "alleged",
        "bid",
        "ultimatum",
        "warning",
        "warnings",
        "position",
    ];
    let caps = capitals();
    for it in items.iter_mut() {
        if it.kind != EntityType::Location {
            continue;
        }
        let surface = &text[it.span.clone()];
        let Some(&country) = caps.get(fold(surface).as_str()) else {
            continue;
        };
        // "Washington-based", "Kabul-Kandahar highway"
        if text[it.span.end..].starts_with(['-', '\u{2010}', '\u{2011}']) {
            continue;
        }
        let first = toks.partition_point(|t| t.end <= it.span.start);
        let last = toks.partition_point(|t| t.start < it.span.end);
        let w = |i: usize| toks.get(i).map(|t| lw(text, t)).unwrap_or_default();
        let prev = first.checked_sub(1).map(&w).unwrap_or_default();
        let next = w(last);
        let after_possessive = toks
            .get(last)
            .is_some_and(|t| t.kind == TokenKind::Possessive);
        let actor = if after_possessive {
            POSSESSED.contains(&w(last + 1).as_str())
        } else if matches!(
            prev.as_str(),
            "in" | "at"
                | "to"
                | "from"
                | "near"
                | "into"
                | "outside"
                | "around"
                | "of"
                | "via"
                | "across"
                | "toward"
                | "towards"
                | "through"
                | "inside"
                | "visit"
                | "visited"
                | "flew"
                | "arrived"
                | "returned"
                | "left"
        ) {
            false
        } else {
            // ("Kabul is under the control of …", "Kabul is a city": a
            // copula or "has" is an act only before a verb form)
            let then = w(last + 1);
            let verb_form = then.ends_with("ed")
                || then.ends_with("ing")
                || matches!(
                    then.as_str(),
                    "not"
                        | "also"
                        | "still"
                        | "already"
                        | "always"
                        | "never"
                        | "been"
                        | "long"
                        | "repeatedly"
                        | "often"
                        | "sent"
                        | "told"
                        | "made"
                        | "said"
                        | "taken"
                );
            let verb_next = VERBS_AFTER.contains(&next.as_str())
                && (!matches!(next.as_str(), "is" | "was" | "has" | "had" | "have") || verb_form);
            let verb_prev = VERBS_BEFORE.contains(&prev.as_str());
            let relation = matches!(prev.as_str(), "with" | "and" | "between")
                && (first.saturating_sub(5)..first)
                    .any(|j| RELATION_NOUNS.contains(&w(j).as_str()));
            verb_next || verb_prev || relation
        };
        // (a dateline: "MOSCOW 1996-08-30", "KABUL, Afghanistan (…)")
        let dateline = first == 0
            || toks[first - 1].text(text).contains('\n')
            || text[..it.span.start].ends_with('\n');
        if actor && !dateline {
            it.kind = EntityType::Location;
            it.subtype = Some("country");
            it.entry = Some(country);
            it.key = Some(format!("{METONYM}{}", lex.entry(country).id));
        }
    }
}

/// Key prefix of places typed by [`place_patterns`] only: they are not
/// looked up in the gazetteer, whose thousands of village names would
/// place an Indian town or a Spanish suburb in Afghanistan.
const TEXT_PLACE: &str = "textplace|";

/// Place nouns after a name: "Chelsea neighborhood", "Nad Ali district".
const PLACE_NOUNS: &[(&str, &str)] = &[
    ("neighborhood", "district"),
    ("neighbourhood", "district"),
    ("district", "district"),
    ("suburb", "district"),
    ("quarter", "district"),
    ("village", "city"),
    ("town", "city"),
    ("province", "province"),
    ("county", "district"),
    ("area", "district"),
    ("region", "district"),
    ("restaurant", "site"),
    ("cafe", "site"),
    ("hotel", "site"),
    ("compound", "site"),
    ("prison", "site"),
];

/// Installations named after a place, written in lower case after the
/// name: "the Kudapokuna police post", "the Kanie Karzhala camp".
const FACILITY_NOUNS: &[&str] = &[
    "post",
    "camp",
    "base",
    "airbase",
    "airfield",
    "outpost",
    "checkpoint",
    "barracks",
    "garrison",
];

/// Capitalised words that open a phrase, not a name ("In November, …").
const NOT_NAME_STARTS: &[&str] = &[
    "in", "on", "at", "the", "a", "an", "by", "for", "with", "from", "after", "before", "during",
    "since", "last", "this", "that", "and", "but", "when", "while", "as",
];

/// Street words: "West 23rd Street", "Darul Aman Road".
const STREET_NOUNS: &[&str] = &[
    "street",
    "avenue",
    "road",
    "boulevard",
    "square",
    "highway",
    "bridge",
    "lane",
];

/// Words that follow "in" capitalised but name no place.
const NOT_PLACES: &[&str] = &[
    "islam",
    "christianity",
    "judaism",
    "english",
    "arabic",
    "pashto",
    "dari",
    "urdu",
    "persian",
    "french",
    "russian",
    "chinese",
    "spanish",
    "german",
    "court",
    "congress",
    "parliament",
    "god",
    "ramadan",
    "prison",
    "custody",
    "power",
    "office",
    "charge",
    "control",
    "addition",
    "particular",
    "general",
    "total",
    "fact",
    "response",
    "part",
    "turn",
    "person",
    "public",
    "private",
    "time",
    "order",
    "return",
    "place",
    "line",
    "support",
    "favor",
    "favour",
    "case",
];

/// Places that no list holds but the text makes plain: "Elizabeth, New
/// Jersey" (a name before ", <province or country>"), "Manhattan's Chelsea
/// neighborhood" (a name before a place noun), "West 23rd Street" (a
/// street), and a single capitalised word after "in" that nothing else
/// types ("federal court in Manhattan"). A person typed only by default
/// ("Elizabeth") becomes the place. Lexicon entries are never retyped.
fn place_patterns(lex: &Lexicon, text: &str, toks: &[Token], items: &mut Vec<Item>) {
    let cap = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.kind == TokenKind::Word
                && t.text(text).chars().next().is_some_and(char::is_uppercase)
                && t.text(text).chars().any(char::is_lowercase)
        })
    };
    let item_at = |items: &[Item], r: &Range<usize>| {
        items
            .iter()
            .position(|m| m.span.start < r.end && r.start < m.span.end)
    };
    let known = |w: &str| lex.lookup(w).iter().any(|l| l.case.accepts(w));
    let month_or_day = |w: &str| crate::temporal::is_month_or_weekday(w);
    let mut found: Vec<(Range<usize>, &'static str)> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let w = lw(text, t);
        // "<Name>, <province or country>"
        if w == "," && i > 0 && cap(i - 1) {
            let next = items.iter().find(|m| {
                m.span.start == toks.get(i + 1).map_or(usize::MAX, |x| x.start)
                    && m.kind == EntityType::Location
                    && matches!(m.subtype, Some("province" | "country"))
            });
            if let Some(n) = next {
                let after = toks.partition_point(|x| x.start < n.span.end);
                let possessive = toks
                    .get(after)
                    .is_some_and(|x| x.kind == TokenKind::Possessive);
                let mut a = i - 1;
                while a > 0 && i - a < 2 && cap(a - 1) {
                    a -= 1;
                }
                let sentence_start =
                    a == 0 || matches!(toks[a - 1].text(text), "." | "!" | "?" | "—" | "–" | "-");
                // a name of its own, not the tail of a longer one ("U.S. Air
                // Force Security Forces, US …") nor a phrase ("In November,")
                // ("in the vicinity of Isa Khan, Kunduz Province": "of"
                // after a word of nearness opens a place)
                let near_of = a > 1
                    && lw(text, &toks[a - 1]) == "of"
                    && (matches!(
                        lw(text, &toks[a - 2]).as_str(),
                        "vicinity" | "outskirts" | "village" | "town" | "area"
                    ) || crate::text::COMPASS_POINTS
                        .contains(&lw(text, &toks[a - 2]).as_str()));
                let longer = a > 0
                    && (cap(a - 1)
                        || toks[a - 1].kind == TokenKind::Abbrev
                        || (lw(text, &toks[a - 1]) == "of" && !near_of));
                let phrase = (a..i).any(|k| {
                    let x = toks[k].text(text);
                    NOT_NAME_STARTS.contains(&x.to_lowercase().as_str()) || month_or_day(x)
                });
                if !possessive && !sentence_start && !longer && !phrase {
                    found.push((toks[a].start..toks[i - 1].end, "city"));
                }
            }
        }
        // "<Name> neighborhood"
        if let Some(&(_, sub)) = PLACE_NOUNS.iter().find(|(n, _)| *n == w) {
            if i > 0
                && cap(i - 1)
                && !known(toks[i - 1].text(text))
                && !NOT_NAME_STARTS.contains(&lw(text, &toks[i - 1]).as_str())
            {
                let mut a = i - 1;
                // ("In Karjan district, …": not the preposition opening
                // the sentence)
                while a > 0
                    && i - a < 3
                    && cap(a - 1)
                    && !NOT_NAME_STARTS.contains(&lw(text, &toks[a - 1]).as_str())
                {
                    a -= 1;
                }
                found.push((toks[a].start..toks[i - 1].end, sub));
            }
        }
        // "the Kudapokuna police post", "the Kanie Karzhala camp", "Bagram
        // military airbase": a name before a (lower-case) installation
        // noun, maybe after the kind of force that holds it
        if FACILITY_NOUNS.contains(&t.text(text)) {
            let mut h = i;
            if h > 0
                && matches!(
                    lw(text, &toks[h - 1]).as_str(),
                    "police"
                        | "army"
                        | "military"
                        | "border"
                        | "refugee"
                        | "training"
                        | "air"
                        | "naval"
                        | "rebel"
                        | "guerrilla"
                )
            {
                h -= 1;
            }
            if h > 0
                && cap(h - 1)
                && !known(toks[h - 1].text(text))
                && !NOT_NAME_STARTS.contains(&lw(text, &toks[h - 1]).as_str())
            {
                let mut a = h - 1;
                while a > 0 && h - a < 3 && cap(a - 1) {
                    a -= 1;
                }
                if !NOT_NAME_STARTS.contains(&lw(text, &toks[a]).as_str()) {
                    // named as written ("Kudapokuna police post"); the
                    // short form is an alias (see `short_forms`)
                    found.push((toks[a].start..t.end, "site"));
                }
            }
        }
        // "just north of Welikanda", "20 km south of Kandahar": a
        // capitalised word after a bearing is a place
        if w == "of"
            && i > 0
            && crate::text::COMPASS_POINTS.contains(&lw(text, &toks[i - 1]).as_str())
            && cap(i + 1)
            && !cap(i + 2)
            && !known(toks[i + 1].text(text))
            && !month_or_day(toks[i + 1].text(text))
        {
            found.push((toks[i + 1].start..toks[i + 1].end, "city"));
        }
        // "West 23rd Street", "Darul Aman Road"
        // (not "the Balcombe Street Gang": a street named in a longer name)
        if STREET_NOUNS.contains(&w.as_str())
            && t.text(text).starts_with(char::is_uppercase)
            && i > 0
            && !cap(i + 1)
        {
            let mut a = i;
            while a > 0
                && i - a < 3
                && !NOT_NAME_STARTS.contains(&lw(text, &toks[a - 1]).as_str())
                && (cap(a - 1)
                    || (toks[a - 1].kind == TokenKind::Number
                        && toks[a - 1].text(text).ends_with(['t', 'h', 'd', 's'])))
            {
                a -= 1;
            }
            if a < i {
                found.push((toks[a].start..t.end, "site"));
            }
        }
        // "in Manhattan": one capitalised word that nothing types
        // (not inside a title-case phrase: "Resulting in Death"; not "in
        // Video 2"; not before a noun it modifies: "in Western cities")
        let title_case_before = i > 0 && cap(i - 1);
        let modifies = toks.get(i + 2).is_some_and(|n| {
            n.kind == TokenKind::Number
                || (n.kind == TokenKind::Word
                    && n.text(text).chars().all(|c| c.is_lowercase())
                    && !matches!(
                        n.text(text),
                        "and"
                            | "or"
                            | "but"
                            | "on"
                            | "at"
                            | "to"
                            | "for"
                            | "with"
                            | "where"
                            | "when"
                            | "as"
                            | "after"
                            | "before"
                            | "that"
                            | "which"
                            | "who"
                            | "since"
                            | "during"
                            | "last"
                            | "in"
                            | "from"
                            | "by"
                            | "until"
                            | "earlier"
                            | "later"
                            | "this"
                            | "was"
                            | "is"
                            | "were"
                            | "are"
                            | "had"
                            | "has"
                            | "have"
                    ))
        });
        if w == "in" && cap(i + 1) && !cap(i + 2) && !title_case_before && !modifies {
            let x = &toks[i + 1];
            let s = x.text(text);
            let next_is_name = toks
                .get(i + 2)
                .is_some_and(|n| n.kind == TokenKind::Possessive);
            if !NOT_PLACES.contains(&s.to_lowercase().as_str())
                && !month_or_day(s)
                && !known(s)
                && s.len() >= 4
                && !next_is_name
            {
                found.push((x.start..x.end, "city"));
            }
        }
    }
    // a wire dateline of its own line, "DOHUK 1996-08-23", "MAE SOT,
    // Thailand 1996-08-25": the upper-case words before the date are the
    // place the story was filed from (whatever an all-caps word would
    // otherwise be taken for)
    for (i, t) in toks.iter().enumerate() {
        let line_start = text[..t.start].ends_with('\n') || t.start == 0;
        if !line_start {
            continue;
        }
        let mut j = i;
        while toks.get(j).is_some_and(|x| {
            x.kind == TokenKind::Word
                && x.text(text).chars().all(|c| !c.is_lowercase())
                && x.text(text).chars().any(char::is_alphabetic)
        }) {
            j += 1;
        }
        // (the date is tokenized "1996" "-" "08" "-" "23")
        let iso_at = |k: usize| {
            toks.get(k).is_some_and(|x| {
                let rest = &text[x.start..];
                let line = rest.split(['\n', '\r']).next().unwrap_or("");
                line.len() == 10
                    && line.as_bytes()[4] == b'-'
                    && line.as_bytes()[7] == b'-'
                    && line.chars().filter(char::is_ascii_digit).count() == 8
            })
        };
        let date_next = iso_at(j)
            || (toks.get(j).is_some_and(|x| x.text(text) == ",")
                && (iso_at(j + 2) || iso_at(j + 3)));
        if j > i && date_next {
            let span = toks[i].start..toks[j - 1].end;
            if let Some(m) = items
                .iter_mut()
                .find(|m| m.span == span && m.entry.is_none())
            {
                m.kind = EntityType::Location;
                m.subtype = Some("city");
                m.cue = Cue::Rule;
                m.key = None;
            } else if !items
                .iter()
                .any(|m| m.span.start < span.end && span.start < m.span.end)
            {
                found.push((span, "city"));
            }
        }
    }
    // "Kudapokuna police post": the name before the installation noun is
    // an alias
    let facility_alias = |span: &Range<usize>| -> Vec<String> {
        let words: Vec<&str> = text[span.clone()].split_whitespace().collect();
        let Some((last, rest)) = words.split_last() else {
            return Vec::new();
        };
        if !FACILITY_NOUNS.contains(last) {
            return Vec::new();
        }
        let name: Vec<&str> = rest
            .iter()
            .copied()
            .take_while(|w| w.starts_with(char::is_uppercase))
            .collect();
        if name.is_empty() {
            Vec::new()
        } else {
            vec![name.join(" ")]
        }
    };
    for (span, sub) in found {
        match item_at(items, &span) {
            Some(j) => {
                let m = &mut items[j];
                // the name alone, typed by default, is the installation's
                let alias = facility_alias(&span);
                if !alias.is_empty()
                    && m.span.start == span.start
                    && m.span.end < span.end
                    && matches!(m.cue, Cue::Default | Cue::Document)
                    && m.entry.is_none()
                {
                    m.span = span.clone();
                    m.kind = EntityType::Location;
                    m.subtype = Some(sub);
                    m.cue = Cue::Rule;
                    m.key = Some(format!("{TEXT_PLACE}{}", fold(&text[span.clone()])));
                    m.extra_aliases.extend(alias);
                    continue;
                }
                // retype a default-typed name that is exactly this span
                // (or a place the recogniser typed from its preposition
                // alone, with no subtype)
                let untyped_place = m.kind == EntityType::Location && m.subtype.is_none();
                if m.span == span
                    && (m.kind == EntityType::Person || untyped_place)
                    && matches!(m.cue, Cue::Default | Cue::Document)
                    && m.entry.is_none()
                {
                    m.kind = EntityType::Location;
                    m.subtype = Some(sub);
                    m.cue = Cue::Rule;
                    m.key = Some(format!("{TEXT_PLACE}{}", fold(&text[span.clone()])));
                }
            }
            None => {
                let key = format!("{TEXT_PLACE}{}", fold(&text[span.clone()]));
                let alias = facility_alias(&span);
                let mut it = Item::rule(span, EntityType::Location, Some(sub), Some(key));
                it.extra_aliases.extend(alias);
                items.push(it);
            }
        }
    }
}

/// "Bilal Mohammed … only Bilal and Mieraili have been detained", "Tamerlan
/// Tsarnaev … his brother, Tamerlan": a capitalised word that is the given
/// name of exactly one person named in full (and nobody's surname) refers
/// to that person. Siblings sharing a surname, and many non-Western names,
/// are referred to this way.
fn given_name_mentions(text: &str, toks: &[Token], items: &mut Vec<Item>) {
    let mut given: HashMap<String, Vec<String>> = HashMap::new();
    let mut surnames: Vec<String> = Vec::new();
    for it in items.iter().filter(|it| it.kind == EntityType::Person) {
        let full = fold(&clean_surface(&text[it.span.clone()]));
        let mut parts: Vec<&str> = full.split_whitespace().collect();
        while parts.len() > 2 && matches!(parts.last(), Some(&("jr" | "sr" | "ii" | "iii" | "iv")))
        {
            parts.pop();
        }
        if parts.len() < 2 || parts[0].len() < 3 {
            continue;
        }
        surnames.push(parts[parts.len() - 1].to_string());
        let names = given.entry(parts[0].to_string()).or_default();
        if !names.contains(&full) {
            names.push(full);
        }
    }
    let mut found = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word || !t.text(text).starts_with(char::is_uppercase) {
            continue;
        }
        let f = fold(t.text(text));
        let Some([full]) = given.get(&f).map(Vec::as_slice) else {
            continue;
        };
        if surnames.contains(&f) {
            continue;
        }
        if items
            .iter()
            .any(|m| m.span.start < t.end && t.start < m.span.end)
        {
            continue;
        }
        // not the first word of another name ("Bilal Ahmed"), nor after one
        let capital = |k: usize| {
            toks.get(k).is_some_and(|x| {
                x.kind == TokenKind::Word && x.text(text).starts_with(char::is_uppercase)
            })
        };
        if capital(i + 1) || (i > 0 && capital(i - 1) && toks[i - 1].end + 1 >= t.start) {
            continue;
        }
        found.push(Item {
            span: t.start..t.end,
            kind: EntityType::Person,
            subtype: None,
            entry: None,
            cue: Cue::Document,
            key: Some(format!("{:?}|{}", EntityType::Person, full)),
            extra_aliases: Vec::new(),
            nationality: None,
            anchor: None,
            absorbed: false,
        });
    }
    items.extend(found);
}

/// One edit apart (insert, delete, substitute or swap two neighbours)?
/// Hand-written: two short strings, called on a handful of names per
/// document; a crate would add nothing.
fn one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b {
        return true;
    }
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let p = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if la == lb {
        // substitution, or a swap of neighbours
        a[p + 1..] == b[p + 1..]
            || (p + 1 < la && a[p] == b[p + 1] && a[p + 1] == b[p] && a[p + 2..] == b[p + 2..])
    } else if la > lb {
        a[p + 1..] == b[p..]
    } else {
        a[p..] == b[p + 1..]
    }
}

/// The folded words of a person's name without a generational suffix
/// ("Ruben Pestano Lavilla, Jr." → ruben pestano lavilla).
fn name_words(surface: &str) -> Vec<String> {
    let mut t: Vec<String> = fold(&clean_surface(surface))
        .split_whitespace()
        .map(String::from)
        .collect();
    while t.len() > 1
        && matches!(
            t.last().map(String::as_str),
            Some("jr" | "sr" | "ii" | "iii" | "iv")
        )
    {
        t.pop();
    }
    t
}

/// "Dzhokhar Tsarnaev" … "Dzokhar Tsarnaev" … "Tzarnaev": misspellings of
/// a person's name in one document are the person. Names of the same
/// length in tokens, each token equal or one edit from the other (tokens of
/// five letters or more), at least one token equal when there are several;
/// a lone word one edit from a full name's surname. Suffixes (Jr., Sr.,
/// III) are ignored.
fn spelling_variants(text: &str, items: &[Item], uf: &mut UnionFind) {
    let strip = name_words;
    let people: Vec<(usize, Vec<String>)> = items
        .iter()
        .enumerate()
        .filter(|(_, it)| it.kind == EntityType::Person && !it.absorbed)
        .map(|(i, it)| (i, strip(&text[it.span.clone()])))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    let close = |x: &str, y: &str| x == y || (x.chars().count() >= 5 && one_edit(x, y));
    // a name written with capitals (not a description: "senior defense
    // official", "senior interior ministry official")
    let proper = |i: usize| {
        text[items[i].span.clone()]
            .split_whitespace()
            .all(|w| !w.starts_with(char::is_lowercase) || w.len() <= 3 || w.contains('-'))
    };
    for (n, (i, a)) in people.iter().enumerate() {
        for (j, b) in people.iter().skip(n + 1) {
            let same = if a.len() == b.len() {
                a.iter().zip(b).all(|(x, y)| close(x, y))
                    && (a.len() == 1 || a.iter().zip(b).any(|(x, y)| x == y))
                    && (a.len() > 1 || a != b)
            } else if a.len() == 1 && b.len() > 1 {
                close(&a[0], &b[b.len() - 1]) && a[0] != b[b.len() - 1]
            } else if b.len() == 1 && a.len() > 1 {
                close(&b[0], &a[a.len() - 1]) && b[0] != a[a.len() - 1]
            } else {
                // "George O'Toole Jr." and "George O'Toole": equal once the
                // suffix is gone; "Ruben Lavilla" and "Ruben Pestano
                // Lavilla": the same given name and surname, a middle name
                // more
                a == b
                    || (a.len() >= 2
                        && b.len() >= 2
                        && a[0] == b[0]
                        && a[a.len() - 1] == b[b.len() - 1]
                        && a[0].chars().count() >= 3
                        && proper(*i)
                        && proper(*j))
            };
            if same {
                uf.union(*i, *j);
            }
        }
    }
}

fn surname_aliases(text: &str, items: &[Item], uf: &mut UnionFind) {
    let people: Vec<(usize, Vec<String>)> = items
        .iter()
        .enumerate()
        .filter(|(_, it)| it.kind == EntityType::Person)
        // ("Lavilla" is "Ruben Pestano Lavilla, Jr.": the suffix aside)
        .map(|(i, it)| (i, name_words(&text[it.span.clone()])))
        .collect();
    for (i, short) in &people {
        if short.is_empty() {
            continue;
        }
        // candidates: fuller names ending in these words; prefer the nearest
        // earlier one, then the nearest later one
        let mut best: Option<(usize, usize)> = None;
        for (j, full) in &people {
            if full.len() > short.len() && full.ends_with(short) {
                let d = items[*i].span.start.abs_diff(items[*j].span.start)
                    + if items[*j].span.start > items[*i].span.start {
                        text.len()
                    } else {
                        0
                    };
                if best.is_none_or(|(_, bd)| d < bd) {
                    best = Some((*j, d));
                }
            }
        }
        if let Some((j, _)) = best {
            uf.union(*i, j);
        }
    }
}

/// "X, also known as Y", "X (Y)", and "The Egyptian national, also known as
/// Y" (a description referring back to the last person named).
fn alias_patterns(
    text: &str,
    toks: &[Token],
    analysis: &Analysis,
    items: &mut [Item],
    uf: &mut UnionFind,
) {
    let item_starting =
        |pos: usize, items: &[Item]| items.iter().position(|it| it.span.start == pos);
    for (i, _) in toks.iter().enumerate() {
        for trig in ALIAS_TRIGGERS {
            if i + trig.len() > toks.len() {
                continue;
            }
            if !trig
                .iter()
                .enumerate()
                // (no allocation per token and trigger: the triggers are
                // ASCII lower case)
                .all(|(k, w)| toks[i + k].text(text).eq_ignore_ascii_case(w))
            {
                continue;
            }
            // Y: the first item after the trigger (skipping quotes)
            let mut k = i + trig.len();
            while k < toks.len() && toks[k].kind == TokenKind::Punct && k < i + trig.len() + 2 {
                k += 1;
            }
            let Some(y) = toks.get(k).and_then(|t| item_starting(t.start, items)) else {
                continue;
            };
            // X: the item ending just before the trigger (a comma or bracket
            // may sit between)
            let mut j = i;
            while j > 0 && toks[j - 1].kind == TokenKind::Punct && i - j < 2 {
                j -= 1;
            }
            let x = (j > 0)
                .then(|| items.iter().position(|it| it.span.end == toks[j - 1].end))
                .flatten();
            let x = match x {
                Some(x) if items[x].kind == items[y].kind => Some(x),
                _ => description_referent(text, toks, analysis, items, i),
            };
            if let Some(x) = x {
                uf.union(x, y);
                if let Some(nat) = description_nationality(text, toks, i) {
                    items[x].nationality.get_or_insert(nat);
                }
            }
            break;
        }
        // "Lisbeth Añez, or “Mama Lis.”": a quoted name offered with "or"
        // after a person's name is that person's nickname
        if i >= 2
            && toks[i].text(text).eq_ignore_ascii_case("or")
            && toks[i - 1].text(text) == ","
            && toks
                .get(i + 1)
                .is_some_and(|t| matches!(t.text(text), "“" | "\"" | "‘"))
        {
            let x = items
                .iter()
                .position(|it| it.span.end == toks[i - 2].end && it.kind == EntityType::Person);
            let y = toks
                .get(i + 2)
                .and_then(|t| item_starting(t.start, items))
                .filter(|&y| items[y].kind == EntityType::Person);
            if let (Some(x), Some(y)) = (x, y) {
                // the quote closes right after the nickname (or its full stop)
                let end = items[y].span.end;
                let closes = text[end..]
                    .trim_start_matches(['.', ','])
                    .starts_with(['”', '"', '’']);
                if closes {
                    uf.union(x, y);
                }
            }
        }
        // "Name (ACRONYM)"
        if toks[i].text(text) == "(" && i > 0 && i + 2 < toks.len() && toks[i + 2].text(text) == ")"
        {
            let inner = toks[i + 1].text(text);
            if let (Some(x), Some(y)) = (
                items.iter().position(|it| it.span.end == toks[i - 1].end),
                item_starting(toks[i + 1].start, items),
            ) {
                let initials: String = text[items[x].span.clone()]
                    .split(|c: char| c.is_whitespace() || c == '-')
                    .filter_map(|w| w.chars().next())
                    .filter(|c| c.is_uppercase())
                    .collect();
                if inner.chars().all(|c| c.is_uppercase()) && initials == inner {
                    uf.union(x, y);
                }
            }
        }
    }
}

/// The person a sentence-opening description ("The Egyptian national") ending
/// right before token `trigger` refers to: the last person named before it.
fn description_referent(
    text: &str,
    toks: &[Token],
    _analysis: &Analysis,
    items: &[Item],
    trigger: usize,
) -> Option<usize> {
    // the words before the trigger, back to the sentence start or a comma run
    let mut k = trigger;
    while k > 0 && toks[k - 1].kind == TokenKind::Punct {
        k -= 1;
    }
    let noun = toks.get(k.checked_sub(1)?)?;
    if !PERSON_DESCRIPTIONS.contains(&lw(text, noun).as_str())
        && !matches!(lw(text, noun).as_str(), "he" | "she")
    {
        return None;
    }
    let pos = noun.start;
    items
        .iter()
        .enumerate()
        .filter(|(_, it)| it.kind == EntityType::Person && it.span.end <= pos)
        .max_by_key(|(_, it)| it.span.end)
        .map(|(i, _)| i)
}

/// "The Egyptian national": the demonym's country, as a nationality.
fn description_nationality(text: &str, toks: &[Token], trigger: usize) -> Option<String> {
    let lex = Lexicon::global();
    let lo = trigger.saturating_sub(4);
    toks[lo..trigger].iter().find_map(|t| {
        let s = t.text(text);
        lex.lookup(s)
            .iter()
            .find(|l| l.kind == SurfaceKind::Demonym && l.case.accepts(s))
            .map(|l| lex.entry(l.entry).name.to_string())
    })
}

/// Capitals and digits joined by a hyphen, no lower-case letter: "CA-042",
/// "AK-47", "S-018".
fn code_like(s: &str) -> bool {
    s.contains('-')
        && s.chars().any(|c| c.is_ascii_digit())
        && s.chars().any(|c| c.is_ascii_uppercase())
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
}

/// A surface the lexicon knows only as a demonym ("Burmese", "Afghan").
fn is_demonym(s: &str) -> bool {
    let lex = Lexicon::global();
    let hits = lex.lookup(s);
    !hits.is_empty() && hits.iter().all(|l| l.kind == SurfaceKind::Demonym)
}
