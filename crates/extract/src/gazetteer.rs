//! Place resolution: a place mention ("the southwestern Farah Province",
//! "Andar district", "Hilmand") to a location entry of the lexicon with its
//! hierarchy (district → province → country).
//!
//! Spelling variants come from the lexicon (GeoNames, Natural Earth,
//! abubaker47 and the project's own variant table); for Afghan places a
//! consonant-skeleton fallback catches transliterations the tables miss
//! (`Nangarhar`/`Ningrahar`, `Paktia`/`Paktiya`), and only when the skeleton
//! names one place.

use crate::lexicon::{Entry, EntryType, Lexicon};
use crate::text::{fold, tokenize};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Kinds of place, as the ontology's location subtypes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceKind {
    Country,
    Province,
    District,
    City,
    Site,
}

impl PlaceKind {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "country" => PlaceKind::Country,
            "province" => PlaceKind::Province,
            "district" => PlaceKind::District,
            "city" => PlaceKind::City,
            "site" => PlaceKind::Site,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Province => "province",
            PlaceKind::District => "district",
            PlaceKind::City => "city",
            PlaceKind::Site => "site",
        }
    }

    /// Which kind wins when a bare name could be several (Ghazni: province
    /// over city over district).
    fn default_rank(self) -> u8 {
        match self {
            PlaceKind::Country => 0,
            PlaceKind::Province => 1,
            PlaceKind::City => 2,
            PlaceKind::District => 3,
            PlaceKind::Site => 4,
        }
    }
}

/// An id and canonical name of a place in a hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceRef {
    pub id: &'static str,
    pub name: &'static str,
}

/// A resolved place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub id: &'static str,
    pub name: &'static str,
    pub kind: PlaceKind,
    /// The province a district or city lies in.
    pub province: Option<PlaceRef>,
    /// The country (none for a country itself).
    pub country: Option<PlaceRef>,
}

/// Words before a place name that describe it ("the southwestern ...").
const DESCRIPTORS: &[&str] = &[
    "the",
    "northern",
    "southern",
    "eastern",
    "western",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north",
    "south",
    "east",
    "west",
    "central",
    "remote",
    "restive",
    "volatile",
    "neighboring",
    "neighbouring",
    "mountainous",
    "embattled",
    "besieged",
    "strategic",
    "key",
    "nearby",
    "neighbouring",
    "troubled",
    "insurgent",
    "taliban",
];

/// Words after a place name that say what kind it is.
fn kind_word(w: &str) -> Option<PlaceKind> {
    Some(match w {
        "province" | "provinces" | "wilayat" | "velayat" | "governorate" | "region" | "state" => {
            PlaceKind::Province
        }
        "district" | "districts" | "woleswali" | "uluswali" => PlaceKind::District,
        "city" | "town" | "capital" => PlaceKind::City,
        "village" | "area" | "valley" | "base" => PlaceKind::Site,
        "country" => PlaceKind::Country,
        _ => return None,
    })
}

/// Consonant skeleton of a folded name: vowels, h, w, y and spaces dropped,
/// doubled letters merged.
fn skeleton(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'h' | 'w' | ' ' | '-') {
            continue;
        }
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

fn skeleton_index() -> &'static HashMap<String, Vec<u32>> {
    static IDX: OnceLock<HashMap<String, Vec<u32>>> = OnceLock::new();
    IDX.get_or_init(|| {
        let lex = Lexicon::global();
        let mut idx: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, e) in lex.entries().iter().enumerate() {
            let afghan = e.id.starts_with("adm1:AF.")
                || e.id.starts_with("dist:AF.")
                || e.id.starts_with("city:AF:")
                || e.id == "country:AFG";
            if e.kind == EntryType::Location && afghan {
                let k = skeleton(&fold(e.name));
                if k.len() >= 3 {
                    let v = idx.entry(k).or_default();
                    if !v.contains(&(i as u32)) {
                        v.push(i as u32);
                    }
                }
            }
        }
        idx
    })
}

fn place_of(lex: &Lexicon, e: &'static Entry) -> Option<Place> {
    let kind = PlaceKind::parse(e.subtype)?;
    let mut province = None;
    let mut country = None;
    for a in lex.ancestors(e) {
        match PlaceKind::parse(a.subtype) {
            Some(PlaceKind::Province) if province.is_none() => {
                province = Some(PlaceRef {
                    id: a.id,
                    name: a.name,
                })
            }
            Some(PlaceKind::Country) if country.is_none() => {
                country = Some(PlaceRef {
                    id: a.id,
                    name: a.name,
                })
            }
            _ => {}
        }
    }
    Some(Place {
        id: e.id,
        name: e.name,
        kind,
        province,
        country,
    })
}

/// Resolve a place mention to a known place, or `None`.
///
/// ```
/// use untangle_extract::gazetteer::{resolve_place, PlaceKind};
/// let p = resolve_place("the southwestern Farah Province").unwrap();
/// assert_eq!((p.name, p.kind), ("Farah", PlaceKind::Province));
/// assert_eq!(p.country.unwrap().name, "Afghanistan");
/// ```
pub fn resolve_place(mention: &str) -> Option<Place> {
    resolve_place_in(Lexicon::global(), mention)
}

/// [`resolve_place`] against a given lexicon.
pub fn resolve_place_in(lex: &'static Lexicon, mention: &str) -> Option<Place> {
    let toks = tokenize(mention);
    let words: Vec<&str> = toks
        .iter()
        .filter(|t| t.is_wordlike())
        .map(|t| t.text(mention))
        .collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let (mut a, mut b) = (0, words.len());
    let mut hint = None;
    while a < b && DESCRIPTORS.contains(&lower[a].as_str()) && b - a > 1 {
        a += 1;
    }
    while b > a + 1 {
        match kind_word(&lower[b - 1]) {
            Some(k) => {
                hint.get_or_insert(k);
                b -= 1;
            }
            None => break,
        }
    }
    if a >= b {
        return None;
    }
    let core = words[a..b].join(" ");
    // a place listed under this very name wins over one that merely lists
    // it as a variant (Phoenix lists "Massachusetts" among the aliases of
    // the United States; GeoNames names the state)
    let links = lex.lookup(&core);
    let named: Vec<&'static Entry> = links
        .iter()
        .filter(|l| l.kind == crate::lexicon::SurfaceKind::Name)
        .map(|l| lex.entry(l.entry))
        .filter(|e| e.kind == EntryType::Location)
        .collect();
    let mut cands: Vec<&'static Entry> = if named.is_empty() {
        links
            .iter()
            .map(|l| lex.entry(l.entry))
            .filter(|e| e.kind == EntryType::Location)
            .collect()
    } else {
        named
    };
    if cands.is_empty() {
        // "Farah Province" may itself be a listed surface
        cands = lex
            .lookup(mention.trim())
            .iter()
            .map(|l| lex.entry(l.entry))
            .filter(|e| e.kind == EntryType::Location)
            .collect();
    }
    if cands.is_empty() {
        let k = skeleton(&fold(&core));
        if let Some(v) = skeleton_index().get(&k) {
            let ents: Vec<&'static Entry> = v.iter().map(|&i| lex.entry(i)).collect();
            let fitting: Vec<&'static Entry> = ents
                .iter()
                .copied()
                .filter(|e| hint.is_none_or(|h| PlaceKind::parse(e.subtype) == Some(h)))
                .collect();
            let pool = if fitting.is_empty() { ents } else { fitting };
            // only when the skeleton names one place (or one per kind with a hint)
            let mut kinds: Vec<&str> = pool.iter().map(|e| e.subtype).collect();
            kinds.dedup();
            if pool.len() == 1 || (hint.is_some() && pool.len() <= 2 && kinds.len() == pool.len()) {
                cands = pool;
            }
        }
    }
    let best = cands.into_iter().min_by_key(|e| {
        let k = PlaceKind::parse(e.subtype).unwrap_or(PlaceKind::Site);
        let hinted = hint.is_some_and(|h| h == k);
        let afghan = e.id.contains(":AF");
        (!hinted, k.default_rank(), !afghan, e.id)
    })?;
    place_of(lex, best)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(mention: &str, name: &str, kind: PlaceKind, province: Option<&str>) {
        let p = resolve_place(mention).unwrap_or_else(|| panic!("{mention}: not resolved"));
        assert_eq!(p.name, name, "{mention}");
        assert_eq!(p.kind, kind, "{mention}");
        assert_eq!(p.province.map(|r| r.name), province, "{mention}");
    }

    #[test]
    fn a_place_named_so_wins_over_a_country_listing_it_as_a_variant() {
        let p = resolve_place("Massachusetts").expect("Massachusetts");
        assert_eq!((p.name, p.kind), ("Massachusetts", PlaceKind::Province));
    }

    #[test]
    fn resolves_provinces_with_variants() {
        use PlaceKind::*;
        check("Helmand", "Helmand", Province, None);
        check("Hilmand province", "Helmand", Province, None);
        check("Paktya", "Paktia", Province, None);
        check("Oruzgan", "Uruzgan", Province, None);
        check("Ningarhar", "Nangarhar", Province, None);
        check("Sari Pul", "Sar-e Pul", Province, None);
        check("the eastern Paktiya Province", "Paktia", Province, None);
        check("Kandahar", "Kandahar", Province, None);
    }

    #[test]
    fn resolves_districts_and_cities_with_parents() {
        use PlaceKind::*;
        let p = resolve_place("Andar district").unwrap();
        assert_eq!((p.name, p.kind), ("Andar", District));
        assert_eq!(p.province.map(|r| r.name), Some("Ghazni"));
        assert_eq!(p.country.map(|r| r.name), Some("Afghanistan"));
        check("Kandahar city", "Kandahar", City, Some("Kandahar"));
    }

    #[test]
    fn resolves_countries_and_rejects_unknowns() {
        let p = resolve_place("Afghanistan").unwrap();
        assert_eq!(p.kind, PlaceKind::Country);
        assert!(p.country.is_none());
        assert!(resolve_place("Narnia").is_none());
        assert!(resolve_place("").is_none());
        assert!(resolve_place("the district").is_none());
    }
}
