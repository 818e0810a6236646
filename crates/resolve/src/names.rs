//! Transliteration-aware folding of Arabic, Pashto and Dari names written in
//! Latin script.
//!
//! The same person is "Mohammad Taher Anwari" in one report, "Muhammad
//! Tahir Anwari" on the UN list and "ANWARI, Mohammad Taher" at OFAC. The
//! spellings differ in ways that are regular: vowels (Arabic writes three,
//! English spells them five ways), doubled consonants, `q`/`k`, `ou`/`u`,
//! `ee`/`i`, the article (`al-`, `el-`, `ul-`, and the sun-letter forms
//! `ad-`, `ar-`, `as-`...), hyphens and spaces (`Abd al Rahman` =
//! `Abdul Rahman` = `Abdurrahman`), and honorific titles that come and go
//! (Mullah, Maulavi, Haji...). This module turns a name into
//!
//! - a [`FoldedName`]: tokens with their role in the name (given name,
//!   kunya "Abu X", nasab "bin X", nisba "al-Masri"), each token in a
//!   canonical spelling ([`canon_token`]) and a consonant skeleton
//!   ([`skeleton`]) for candidate generation and fuzzy comparison;
//! - a strict key ([`FoldedName::key`]): the canonical tokens in order, so
//!   two spellings of one name have equal keys.
//!
//! Folding is idempotent: folding a key again gives the same key (tested
//! with proptest), so keys can be stored and compared later.

use foldhash::HashSet;
use once_cell::sync::Lazy;
use std::cell::RefCell;
use unicode_normalization::char::{canonical_combining_class, decompose_compatible};

/// The role of a token in an Arabic-style name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// A given name or family name (the default).
    Given,
    /// Teknonym, "Abu X" / "Umm X": the canonical token is `abu` + X.
    Kunya,
    /// Patronymic, "bin X" / "ibn X" / "bint X": the token is X.
    Nasab,
    /// Attributive name after the article, "al-Masri": the token is `masri`.
    Nisba,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Given => "given",
            Role::Kunya => "kunya",
            Role::Nasab => "nasab",
            Role::Nisba => "nisba",
        }
    }
}

/// One token of a folded name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameToken {
    /// Canonical spelling (see [`canon_token`]); compounds are joined
    /// (`abdrahman`, `abumuhsin`).
    pub canon: String,
    /// Consonant skeleton of `canon` (see [`skeleton`]).
    pub skel: String,
    /// Looser skeleton (see [`loose_skeleton`]): the candidate key.
    pub loose: String,
    pub role: Role,
}

/// A name folded for matching.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FoldedName {
    pub tokens: Vec<NameToken>,
    /// Honorific titles stripped from the front (canonical spelling): kept
    /// because a title is weak evidence, never part of the key.
    pub titles: Vec<String>,
}

impl FoldedName {
    /// The strict key: canonical tokens in order, space-separated. Equal
    /// keys mean "the same name up to transliteration".
    pub fn key(&self) -> String {
        let mut k = String::new();
        for t in &self.tokens {
            if !k.is_empty() {
                k.push(' ');
            }
            k.push_str(&t.canon);
        }
        k
    }

    /// The strict key with tokens sorted: equal for the same tokens in any
    /// order ("ANWARI, Mohammad Taher" vs "Mohammad Taher Anwari").
    pub fn sorted_key(&self) -> String {
        let mut v: Vec<&str> = self.tokens.iter().map(|t| t.canon.as_str()).collect();
        v.sort_unstable();
        v.join(" ")
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The kunya token, if any ("abumuhsin").
    pub fn kunya(&self) -> Option<&NameToken> {
        self.tokens.iter().find(|t| t.role == Role::Kunya)
    }
}

/// Unicode and punctuation folding: lower case, diacritics dropped, `'`, `ʿ`,
/// `ʾ`, `’`, `‘` and `` ` `` dropped (they write ayn and hamza, which English
/// spellings usually omit), every other non-alphanumeric a space; spaces
/// collapsed.
pub fn fold_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut push = |c: char| {
        // ASCII (most of every name) needs neither case tables nor
        // combining classes.
        if c.is_ascii() {
            let l = c.to_ascii_lowercase();
            if l.is_ascii_alphanumeric() {
                out.push(l);
            } else if !matches!(l, '\'' | '`') && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            return;
        }
        if canonical_combining_class(c) != 0 {
            return;
        }
        for l in c.to_lowercase() {
            if matches!(
                l,
                '\'' | '`' | '\u{2018}' | '\u{2019}' | '\u{02bf}' | '\u{02be}' | '\u{02bc}' | '´'
            ) {
                continue;
            }
            if l.is_alphanumeric() {
                out.push(l);
            } else if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        }
    };
    for c in s.chars() {
        if c.is_ascii() {
            push(c);
        } else {
            match c {
                // Letters that do not decompose but have a plain Latin base.
                'ß' => {
                    push('s');
                    push('s');
                }
                'ø' | 'Ø' => push('o'),
                'ı' => push('i'),
                'đ' | 'Đ' => push('d'),
                'ł' | 'Ł' => push('l'),
                _ => decompose_compatible(c, &mut push),
            }
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Spellings of the most frequent given names whose vowels the general
/// rules cannot reconcile (after those rules have run), with their
/// canonical form: Muhammad (a dozen spellings and abbreviations) and Ahmad
/// (Ahmed: the `e` here is an `a`, unlike Taher/Tahir).
const COMMON_VARIANTS: &[(&str, &str)] = &[
    ("muhamid", "muhamad"),
    ("muhd", "muhamad"),
    ("mhd", "muhamad"),
    ("md", "muhamad"),
    ("mahamat", "muhamad"),
    ("mahamad", "muhamad"),
    ("mahamid", "muhamad"),
    ("muhamat", "muhamad"),
    ("ahmid", "ahmad"),
];

/// Canonical spelling of one folded token. Rules, in order:
/// `ph`→`f`, `q`→`k`, `v`→`w`, `ck`→`k`, `ou`/`oo`→`u`, `ee`→`i`,
/// `ay`/`ey`/`ei`→`ai` before a consonant or at the end (Husayn, Hussein),
/// `o`→`u` and `e`→`i` (Arabic has no o or e: Omar/Umar, Osama/Usama,
/// Taher/Tahir, Ebrahim/Ibrahim, Laden/Ladin), doubled letters
/// single, final `h` after a vowel dropped (Hamzah/Hamza), spellings of
/// Muhammad to `muhamad`. Non-ASCII tokens (other scripts) are returned as
/// they are.
pub fn canon_token(tok: &str) -> String {
    if !tok.is_ascii() {
        return tok.to_string();
    }
    // Names repeat tokens (Muhammad, Abdul, al): remember the answers.
    thread_local! {
        static CACHE: RefCell<foldhash::HashMap<String, String>> = RefCell::default();
    }
    if let Some(c) = CACHE.with(|m| m.borrow().get(tok).cloned()) {
        return c;
    }
    // The rules can expose one another (`cck` → `ck` → `k`): run them to a
    // fixed point so that folding is idempotent.
    let mut cur = canon_once(tok);
    for _ in 0..4 {
        let next = canon_once(&cur);
        if next == cur {
            break;
        }
        cur = next;
    }
    CACHE.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() > 100_000 {
            m.clear();
        }
        m.insert(tok.to_string(), cur.clone());
    });
    cur
}

fn canon_once(tok: &str) -> String {
    let b = tok.as_bytes();
    let mut s: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        let after = b.get(i + 2).copied();
        match (c, next) {
            (b'p', Some(b'h')) => {
                s.push(b'f');
                i += 2;
            }
            (b'd', Some(b'j')) => {
                // French transliteration: Djamel, Mouhadjir.
                s.push(b'j');
                i += 2;
            }
            (b'c', Some(b'k')) => {
                s.push(b'k');
                i += 2;
            }
            (b'o', Some(b'u')) | (b'o', Some(b'o')) => {
                s.push(b'u');
                i += 2;
            }
            (b'e', Some(b'e')) => {
                s.push(b'i');
                i += 2;
            }
            (b'a' | b'e', Some(b'y' | b'i')) if after.is_none_or(|a| !is_vowel(a)) => {
                s.push(b'a');
                s.push(b'i');
                i += 2;
            }
            (b'q', _) => {
                s.push(b'k');
                i += 1;
            }
            (b'v', _) => {
                s.push(b'w');
                i += 1;
            }
            (b'o', _) => {
                s.push(b'u');
                i += 1;
            }
            (b'e', _) => {
                s.push(b'i');
                i += 1;
            }
            _ => {
                s.push(c);
                i += 1;
            }
        }
    }
    s.dedup();
    if s.len() > 2 && s[s.len() - 1] == b'h' && is_vowel(s[s.len() - 2]) {
        s.pop();
    }
    // Final y after a consonant is the vowel i (Aly/Ali, Bathaly/Bathali).
    let n = s.len();
    if n > 2 && s[n - 1] == b'y' && !is_vowel(s[n - 2]) {
        s[n - 1] = b'i';
    }
    let out = String::from_utf8(s).unwrap_or_default();
    match COMMON_VARIANTS.iter().find(|(v, _)| *v == out) {
        Some((_, c)) => c.to_string(),
        None => out,
    }
}

/// A looser skeleton for spellings that differ in voicing or aspiration,
/// as transliterations from Arabic, Korean or Cyrillic do: g/k, d/t, b/p,
/// z/s, j/ch are one letter, and an `h` after a consonant is dropped
/// (kh/k, th/t, sh/s, Binalshibh/Binalshib). Hyon Gwang Il = Hyon Kwang Il.
pub fn loose_skeleton(skel: &str) -> String {
    let mut out = String::with_capacity(skel.len());
    let mut prev: Option<char> = None;
    for c in skel.chars() {
        let m = match c {
            'g' => 'k',
            'd' => 't',
            'b' => 'p',
            'z' => 's',
            'j' => 'c',
            'h' if prev.is_some_and(|p| p != 'a') => continue,
            other => other,
        };
        if prev != Some(m) {
            out.push(m);
        }
        prev = Some(m);
    }
    out
}

/// Consonant skeleton: the first letter (a vowel becomes `a`), then the
/// consonants, doubled ones single. Ahmad/Ahmed → `ahmd`, Ibrahim/Ebrahim →
/// `abrhm`, Khalid/Khaled → `khld`. Used for candidate generation and as a
/// strong-but-not-exact token match.
pub fn skeleton(canon: &str) -> String {
    let b = canon.as_bytes();
    if !canon.is_ascii() || b.is_empty() {
        return canon.to_string();
    }
    let mut s = Vec::with_capacity(b.len());
    s.push(if is_vowel(b[0]) { b'a' } else { b[0] });
    // After the first letter, y is a vowel too (Bthaly, Zayd).
    for &c in &b[1..] {
        if !is_vowel(c) && c != b'y' && s.last() != Some(&c) {
            s.push(c);
        }
    }
    String::from_utf8(s).unwrap_or_default()
}

/// Honorific and military titles stripped from the front of a name (raw
/// spellings; compared after [`canon_token`]). Titles are not names:
/// "Mullah Omar" and "Mohammad Omar" may be one man, and a title alone
/// identifies no one. Words that are also common given names (Amir, Said,
/// Sayed, Shahid) are not here.
const TITLE_SPELLINGS: &[&str] = &[
    "mullah",
    "mulla",
    "molla",
    "mawlawi",
    "maulawi",
    "maulvi",
    "molvi",
    "mawlavi",
    "maulavi",
    "moulavi",
    "mawlvi",
    "mawlavi",
    "maulana",
    "mawlana",
    "sheikh",
    "shaikh",
    "shaykh",
    "sheik",
    "shaik",
    "shekh",
    "haji",
    "hajji",
    "alhaj",
    "alhaji",
    "hajj",
    "qari",
    "hafiz",
    "hafez",
    "mufti",
    "imam",
    "ustad",
    "ustaz",
    "ustadh",
    "akhund",
    "dr",
    "doctor",
    "prof",
    "professor",
    "eng",
    "engineer",
    "mr",
    "mrs",
    "ms",
    "general",
    "gen",
    "col",
    "colonel",
    "commander",
    "cmdr",
    "sahib",
    "saheb",
    "sardar",
    "qazi",
];

/// The article and its assimilated and izafa forms, dropped as standalone
/// tokens ("al-Masri", "Abd ur Rahman", "Lashkar-e-Tayyiba").
const ARTICLE_SPELLINGS: &[&str] = &[
    "al", "el", "ul", "il", "ad", "ud", "ed", "ar", "ur", "er", "as", "us", "es", "at", "ut", "az",
    "uz", "ash", "ush", "an", "un", "e", "i", "a", "u", "l",
];

/// Function words (canonical spellings of the, of, and, for, in, fi, wa,
/// de, du, des).
const STOPWORDS: &[&str] = &[
    "thi", "uf", "and", "fur", "in", "fi", "wa", "di", "du", "dis",
];

/// Nasab connectors: "bin X", "ibn X", "bint X".
const NASAB_SPELLINGS: &[&str] = &["bin", "ibn", "ben", "bint", "binti", "bn", "walad", "wald"];

/// Kunya heads: "Abu X", "Abou X", "Umm X".
const KUNYA_SPELLINGS: &[&str] = &["abu", "abou", "abo", "abi", "aba", "umm", "um"];

/// A set of short canonical words: a token longer than the longest is
/// answered without hashing (most name tokens are longer than every
/// article, connector and title).
struct WordSet {
    set: HashSet<String>,
    max_len: usize,
}

impl WordSet {
    fn contains(&self, t: &str) -> bool {
        t.len() <= self.max_len && self.set.contains(t)
    }
}

fn canon_set(raw: &[&str]) -> WordSet {
    let set: HashSet<String> = raw.iter().map(|t| canon_token(t)).collect();
    let max_len = set.iter().map(String::len).max().unwrap_or(0);
    WordSet { set, max_len }
}

static TITLES: Lazy<WordSet> = Lazy::new(|| canon_set(TITLE_SPELLINGS));
static ARTICLES: Lazy<WordSet> = Lazy::new(|| canon_set(ARTICLE_SPELLINGS));
static NASAB: Lazy<WordSet> = Lazy::new(|| canon_set(NASAB_SPELLINGS));
static KUNYA: Lazy<WordSet> = Lazy::new(|| canon_set(KUNYA_SPELLINGS));

/// True for an honorific title (canonical spelling).
pub fn is_title(canon: &str) -> bool {
    TITLES.contains(canon)
}

/// First halves of "Abd X" compounds, standalone ("Abdul Rahman") or with the
/// article attached ("Abdel Aziz", "Abdur Rahman").
fn is_abd_head(t: &str) -> bool {
    matches!(
        t,
        "abd"
            | "abdu"
            | "abdul"
            | "abdal"
            | "abdel"
            | "abdil"
            | "abdur"
            | "abdus"
            | "abdaz"
            | "abduz"
            | "abdar"
            | "abdas"
            | "abdun"
            | "abdl"
    )
}

/// Completes an "Abd X" compound from what follows `abd`: the canonical
/// form is always `abdal` + X, so Abdul Rahman, Abd al-Rahman, Abdurrahman,
/// Abdelrahman and Abd Rahman all become `abdalrahman`, and Abdullah, Abd
/// Allah, Abdallah `abdala`. Writing the article back in keeps folding
/// idempotent: `abdal` + X folds to itself.
fn abd_compound(rest: &str) -> String {
    let rest = canon_token(rest);
    let r = rest.as_bytes();
    let x: &[u8] = if r.len() >= 3 && is_vowel(r[0]) && r[1] == b'l' {
        // Article spelled out: ul-, el-, al-, il-.
        &r[2..]
    } else if r.len() >= 4
        && matches!(r[0], b'u' | b'i')
        && matches!(r[1], b't' | b'd' | b'r' | b'z' | b's' | b'n')
        && is_vowel(r[2])
    {
        // Assimilated article or connecting vowel: Abdu-Rahman, Abdi-Nasir,
        // Abdus-Salam (the doubled consonant is already single).
        &r[1..]
    } else {
        r
    };
    canon_token(&format!("abdal{}", String::from_utf8_lossy(x)))
}

/// Folds a name into tokens with roles (see the module docs).
///
/// Idempotent: the key of a key is the key. The rules are written so that
/// a key folds to itself; for degenerate inputs where a compound swallows
/// its own parts (a kunya of a one-letter name), the fold is repeated until
/// the key is stable.
pub fn fold_name(name: &str) -> FoldedName {
    let first = fold_once(name);
    // Fast path: a key made only of inert tokens folds to itself (each
    // token is canonical and no rule applies to it), so there is nothing
    // to check.
    if first.tokens.iter().all(|t| is_inert(&t.canon)) {
        return first;
    }
    let mut key = first.key();
    let mut cur = fold_once(&key);
    if cur.key() == key {
        return first;
    }
    for _ in 0..4 {
        key = cur.key();
        let next = fold_once(&key);
        if next.key() == key {
            break;
        }
        cur = next;
    }
    cur
}

/// True for a canonical token that no folding rule touches when it stands
/// alone or next to other inert tokens: not a title, article, connector,
/// function word or compound part, not an "Abd"/"Abu" compound or "din"
/// compound, at least two letters.
fn is_inert(t: &str) -> bool {
    if !t.is_ascii() {
        return true;
    }
    t.len() >= 2
        && !TITLES.contains(t)
        && !ARTICLES.contains(t)
        && !NASAB.contains(t)
        && !KUNYA.contains(t)
        && !STOPWORDS.contains(&t)
        && !matches!(t, "din" | "ula" | "ala" | "sun" | "daughtir")
        && !t.starts_with("abd")
        && !t.starts_with("abu")
        && !t.ends_with("din")
        && !t.ends_with("dini")
}

fn fold_once(name: &str) -> FoldedName {
    let text = fold_text(name);
    let mut raw: Vec<String> = text
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(canon_token)
        .collect();
    // A name given in Latin letters with its original script alongside
    // ("Ibrahim Asiri (إبراهيم عسيري)"): the original-script tokens are a
    // second writing of the same name, not more name.
    if raw.iter().any(|t| t.is_ascii()) {
        raw.retain(|t| t.is_ascii());
    }
    // "X son of Y" is the nasab "X bin Y".
    let mut i = 0;
    while i + 1 < raw.len() {
        if matches!(raw[i].as_str(), "sun" | "daughtir") && raw[i + 1] == "uf" {
            raw.splice(i..i + 2, ["bin".to_string()]);
        }
        i += 1;
    }
    // Function words of English, French and Arabic organisation names
    // ("Soldiers of the Caliphate", "Jaish wa ...") say nothing about who
    // is meant; kept only if nothing else is left.
    if raw.iter().any(|t| !STOPWORDS.contains(&t.as_str())) {
        raw.retain(|t| !STOPWORDS.contains(&t.as_str()));
    }
    // Titles go wherever they stand ("Mullah Haji Mohammad", "Mohammad
    // Haji"), with an article written before one ("al-Haj"); a name made
    // only of titles is kept whole.
    let mut titles = Vec::new();
    let mut kept: Vec<String> = Vec::new();
    // Most names carry no title: then every token is kept as it is.
    let any_title = raw.iter().any(|t| TITLES.contains(t.as_str()));
    if !any_title {
        kept = std::mem::take(&mut raw);
    }
    for (i, t) in raw.iter().enumerate() {
        if TITLES.contains(t.as_str()) {
            titles.push(t.clone());
        } else if ARTICLES.contains(t.as_str())
            && raw.get(i + 1).is_some_and(|n| TITLES.contains(n.as_str()))
        {
        } else {
            kept.push(t.clone());
        }
    }
    if kept.is_empty() {
        kept = raw;
        titles.clear();
    }
    let toks = &kept[..];
    let mut out: Vec<NameToken> = Vec::with_capacity(toks.len());
    let mut i = 0;
    let push = |out: &mut Vec<NameToken>, canon: String, role: Role| {
        if canon.is_empty() {
            return;
        }
        let skel = skeleton(&canon);
        let loose = loose_skeleton(&skel);
        out.push(NameToken {
            canon,
            skel,
            loose,
            role,
        });
    };
    // The next name token from `j`, skipping articles; returns (token, index after).
    let next_name = |j: usize| -> Option<(String, usize, bool)> {
        let mut j = j;
        let mut had_article = false;
        while j < toks.len() && ARTICLES.contains(toks[j].as_str()) && j + 1 < toks.len() {
            had_article = true;
            j += 1;
        }
        // A connector never takes another connector as its name ("bin Abu",
        // "Abu al" at the end): then it is an ordinary token.
        toks.get(j)
            .filter(|t| {
                !ARTICLES.contains(t.as_str())
                    && !NASAB.contains(t.as_str())
                    && !KUNYA.contains(t.as_str())
                    && t.as_str() != "din"
                    && t.len() >= 2
            })
            .map(|t| (t.clone(), j + 1, had_article))
    };
    // "Abdul Rahman", "Abd al Rahman" starting at `k`: the compound and the
    // index after it.
    let abd_at = |k: usize| -> Option<(String, usize)> {
        let head = toks.get(k)?;
        if !is_abd_head(head) {
            return None;
        }
        let skip = toks[k + 1..]
            .iter()
            .take_while(|x| ARTICLES.contains(x.as_str()))
            .count();
        let n = toks.get(k + 1 + skip)?;
        if NASAB.contains(n.as_str()) || KUNYA.contains(n.as_str()) {
            return None;
        }
        let articles: String = toks[k + 1..k + 1 + skip].concat();
        let head_article = head.strip_prefix("abd").unwrap_or("");
        Some((
            abd_compound(&format!("{head_article}{articles}{n}")),
            k + 2 + skip,
        ))
    };
    while i < toks.len() {
        let t = toks[i].as_str();
        if ARTICLES.contains(t) && i + 1 < toks.len() {
            // "al-Masri": the next token is a nisba if it looks like one,
            // else an ordinary name that carried the article.
            if let Some((n, j, _)) = next_name(i + 1) {
                if is_abd_head(&n) || KUNYA.contains(n.as_str()) || NASAB.contains(n.as_str()) {
                    i += 1;
                    continue;
                }
                let role = if n.ends_with('i') && n.len() > 3 {
                    Role::Nisba
                } else {
                    Role::Given
                };
                push(&mut out, plain_token(&n), role);
                i = j;
                continue;
            }
            // The article of a kunya or nasab ("al-Abu ..."): dropped.
            i += 1;
            continue;
        }
        if let Some((c, after)) = abd_at(i) {
            push(&mut out, c, Role::Given);
            i = after;
            continue;
        }
        if (KUNYA.contains(t) || NASAB.contains(t)) && i + 1 < toks.len() {
            let Some((n, j, _)) = next_name(i + 1) else {
                // A connector followed by another connector: dropped.
                i += 1;
                continue;
            };
            let (n, j) = match abd_at(j - 1) {
                Some((c, after)) => (c, after),
                None => (plain_token(&n), j),
            };
            i = j;
            if KUNYA.contains(t) {
                let head = if t.starts_with('u') { "um" } else { "abu" };
                push(&mut out, canon_token(&format!("{head}{n}")), Role::Kunya);
            } else {
                push(&mut out, canon_token(&n), Role::Nasab);
            }
            continue;
        }
        // "X ud-Din", "X al-Din", "Xuddin": one name, `xudin`; "Khair
        // Ullah", "Rahmat Allah": one name, `khairula`, as Khairullah.
        if let Some(last) = out.last_mut() {
            if t == "din" || ((t == "ula" || t == "ala") && last.role != Role::Kunya) {
                last.canon = if t == "din" {
                    din_compound(&last.canon)
                } else {
                    canon_token(&format!("{}{t}", last.canon))
                };
                last.skel = skeleton(&last.canon);
                last.loose = loose_skeleton(&last.skel);
                i += 1;
                continue;
            }
        }
        // A kunya written as one word ("Abuzed", "Abubakar") is a kunya.
        let p = plain_token(t);
        let role = if p.len() >= 6 && p.starts_with("abu") {
            Role::Kunya
        } else {
            Role::Given
        };
        push(&mut out, p, role);
        i += 1;
    }
    // A name with a single nisba and nothing else is an ordinary name.
    FoldedName {
        tokens: out,
        titles,
    }
}

/// One name token standing alone: an attached "Abd" compound
/// ("Abdulrahman") or "din" compound ("Nuruddin") in canonical form.
fn plain_token(t: &str) -> String {
    if t.len() > 4 && t.starts_with("abd") {
        abd_compound(&t[3..])
    } else {
        strip_attached_din(t)
    }
}

/// "X ud-Din" compounds: Nuruddin, Nur al-Din, Noor ud Din all become
/// `nurudin` (stem + `udin`, which folds to itself).
fn din_compound(stem: &str) -> String {
    let mut st = stem.as_bytes();
    if st.len() > 4 && st[st.len() - 1] == b'l' && is_vowel(st[st.len() - 2]) {
        st = &st[..st.len() - 1];
    }
    if st.len() > 3 && is_vowel(st[st.len() - 1]) {
        st = &st[..st.len() - 1];
    }
    canon_token(&format!("{}udin", String::from_utf8_lossy(st)))
}

/// A single token with "din" attached ("nuruddin", "alaeddine").
fn strip_attached_din(t: &str) -> String {
    let t2 = t
        .strip_suffix('i')
        .filter(|x| x.ends_with("din"))
        .unwrap_or(t);
    match t2.strip_suffix("din") {
        Some(stem) if stem.len() >= 4 => din_compound(stem),
        _ => t.to_string(),
    }
}

/// The strict key of a name (see [`FoldedName::key`]).
pub fn name_key(name: &str) -> String {
    fold_name(name).key()
}

/// Reorders OFAC's "LAST, First Middle" into "First Middle LAST"; names
/// without a comma are returned as they are.
pub fn uninvert(name: &str) -> String {
    match name.split_once(", ") {
        Some((last, first)) if !first.trim().is_empty() && !last.trim().is_empty() => {
            format!("{} {}", first.trim(), last.trim())
        }
        _ => name.trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> String {
        name_key(s)
    }

    #[test]
    fn spellings_of_one_name_share_a_key() {
        let groups: &[&[&str]] = &[
            &[
                "Mohammad Taher Anwari",
                "Muhammad Tahir Anwari",
                "MOHAMMED TAHIR ANWARI",
                "Mullah Mohamed Tahir Anwari",
            ],
            &[
                "Abd al Rahman",
                "Abdul Rahman",
                "Abdurrahman",
                "Abdelrahman",
                "Abd-ur-Rahman",
                "Abdul-Rahman",
            ],
            &["Abdullah", "Abd Allah", "Abdallah", "Abdulla"],
            &["Usama bin Ladin", "Osama bin Laden", "Usama ibn Ladin"],
            &["Husayn", "Hussein", "Husain"],
            &["Nuruddin", "Nur al-Din", "Noor ud Din", "Nur-ud-Din"],
            &["Qari Zakir", "Kari Zakir", "Zakir"],
            &["Sheikh Yunis", "Shaykh Younis", "Yunis"],
            &[
                "Abu Muhsin al-Masri",
                "Abou Muhsin el Masri",
                "Abu Muhsin Al-Masri",
            ],
        ];
        for g in groups {
            let k0 = key(g[0]);
            for s in &g[1..] {
                assert_eq!(key(s), k0, "{s:?} vs {:?}", g[0]);
            }
        }
        assert_ne!(key("Abdul Rahman"), key("Abdul Latif"));
        assert_ne!(key("Mohammad Omar"), key("Mohammad Umer Khan"));
    }

    #[test]
    fn name_structure_is_recognised() {
        let f = fold_name("Sheikh Abu Muhsin Abdul Latif bin Hassan al-Masri");
        let roles: Vec<(&str, Role)> = f
            .tokens
            .iter()
            .map(|t| (t.canon.as_str(), t.role))
            .collect();
        assert_eq!(
            roles,
            vec![
                ("abumuhsin", Role::Kunya),
                ("abdalatif", Role::Given),
                ("hasan", Role::Nasab),
                ("masri", Role::Nisba)
            ]
        );
        assert_eq!(f.titles, vec!["shaikh"]);
        assert!(is_title(&canon_token("Maulavi".to_lowercase().as_str())));
        // A title alone stays a name.
        assert_eq!(key("Mullah"), "mula");
        assert_eq!(uninvert("ANWARI, Mohammad Taher"), "Mohammad Taher ANWARI");
    }

    #[test]
    fn skeletons_absorb_vowel_spellings() {
        assert_eq!(
            skeleton(&canon_token("ahmad")),
            skeleton(&canon_token("ahmed"))
        );
        assert_eq!(
            skeleton(&canon_token("ibrahim")),
            skeleton(&canon_token("ebrahim"))
        );
        assert_eq!(
            skeleton(&canon_token("khalid")),
            skeleton(&canon_token("khaled"))
        );
    }

    #[test]
    fn other_scripts_survive() {
        assert_eq!(key("محمد طاهر أنوري").split(' ').count(), 3);
        assert_eq!(fold_text("Ḥaqqānī"), "haqqani");
    }
}
