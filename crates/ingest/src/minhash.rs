//! MinHash signatures over word 5-shingles, and LSH band keys, for finding
//! near-duplicate documents (the same article in different page chrome, a
//! repost with a different footer).
//!
//! Written by hand: it is a few dozen lines, and the crates on offer are
//! either unmaintained or pull in large dependency trees; besides, band keys
//! are persisted by the store, so the hashing must never change with a
//! dependency upgrade. Everything here is fixed: word hash (FNV-1a over the
//! lower-cased word), shingle hash (a multiply-rotate mix of five word
//! hashes), and 128 permutations `a·x + b mod 2^64` (top 32 bits kept) with
//! `a`, `b` drawn from SplitMix64 seeded with a constant. One shingle hash
//! and 128 multiply-adds per shingle: about 20 µs for a 1 KB text.

/// Number of MinHash values in a signature.
pub const PERMUTATIONS: usize = 128;
/// LSH bands: `BANDS` bands of `ROWS` values each (`BANDS * ROWS ==
/// PERMUTATIONS`). A pair with Jaccard `s` shares a band with probability
/// `1 - (1 - s^8)^16`: 0.61 at 0.7, 0.95 at 0.8, > 0.999 at 0.9, but only
/// 0.06 at 0.5, so templated texts (press releases) rarely become
/// candidates. Reposts in different chrome score well above 0.9.
pub const BANDS: usize = 16;
pub const ROWS: usize = 8;
/// Estimated Jaccard similarity of shingle sets at or above which a document
/// counts as a copy of another.
///
/// 0.85, not lower: templated documents about different subjects share most
/// of their shingles. UN sanctions narratives for two different people
/// listed the same day score 0.70–0.77 (exact Jaccard), while the same
/// narrative scraped twice scores 1.0 and an article in another site's chrome
/// scores above 0.9 once the main text is extracted. Merging two independent
/// sources is the costlier error: it hides corroboration.
pub const REPOST_THRESHOLD: f32 = 0.85;
/// Shingle width in words.
pub const SHINGLE: usize = 5;
/// Fewer words than this: no signature (too short to judge).
pub const MIN_WORDS: usize = 8;

/// A MinHash signature: [`PERMUTATIONS`] minima.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub Vec<u32>);

impl Signature {
    /// Little-endian `u32`s, for storage.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// `None` unless the bytes are a whole signature.
    pub fn from_bytes(b: &[u8]) -> Option<Signature> {
        if b.len() != PERMUTATIONS * 4 {
            return None;
        }
        Some(Signature(
            b.chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        ))
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over a word's lower-cased characters (ASCII fast path).
fn word_hash(word: &str) -> u64 {
    let mut h = FNV_OFFSET;
    if word.is_ascii() {
        for b in word.bytes() {
            h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
        }
    } else {
        let mut buf = [0u8; 4];
        for c in word.chars().flat_map(char::to_lowercase) {
            for b in c.encode_utf8(&mut buf).bytes() {
                h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
            }
        }
    }
    h
}

/// SplitMix64: fixed permutation parameters, identical on every run.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// `(a, b)` for each permutation; `a` odd, so `a·x + b` is a bijection.
fn params() -> &'static ([u64; PERMUTATIONS], [u64; PERMUTATIONS]) {
    static P: std::sync::OnceLock<([u64; PERMUTATIONS], [u64; PERMUTATIONS])> =
        std::sync::OnceLock::new();
    P.get_or_init(|| {
        let mut s = 0x756e_7461_6e67_6c65; // "untangle"
        let mut a = [0u64; PERMUTATIONS];
        let mut b = [0u64; PERMUTATIONS];
        for i in 0..PERMUTATIONS {
            a[i] = splitmix(&mut s) | 1;
            b[i] = splitmix(&mut s);
        }
        (a, b)
    })
}

/// The signature of a text, or `None` when it has fewer than [`MIN_WORDS`]
/// words. Words are runs of letters and digits, compared lower-cased; a
/// shingle is [`SHINGLE`] consecutive words.
pub fn signature(text: &str) -> Option<Signature> {
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(word_hash)
        .collect();
    if words.len() < MIN_WORDS {
        return None;
    }
    let (a, b) = params();
    let mut mins = [u64::MAX; PERMUTATIONS];
    for w in words.windows(SHINGLE) {
        let mut x: u64 = 0;
        for &h in w {
            x = (x.rotate_left(17) ^ h).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
        // Written as plain indexed loops over fixed-size arrays so that the
        // compiler vectorises them.
        for i in 0..PERMUTATIONS {
            let v = a[i].wrapping_mul(x).wrapping_add(b[i]);
            mins[i] = mins[i].min(v);
        }
    }
    // The top 32 bits of the minimum 64-bit value are the minimum of the top
    // 32 bits (ties aside), so keep the comparison wide and narrow once.
    Some(Signature(mins.iter().map(|m| (m >> 32) as u32).collect()))
}

/// Estimated Jaccard similarity of the two texts' shingle sets: the share of
/// equal positions (0 when the signatures do not match in length).
pub fn jaccard_estimate(a: &Signature, b: &Signature) -> f32 {
    if a.0.len() != b.0.len() || a.0.is_empty() {
        return 0.0;
    }
    let eq = a.0.iter().zip(&b.0).filter(|(x, y)| x == y).count();
    eq as f32 / a.0.len() as f32
}

/// LSH band keys: `(band, hash of that band's rows)`. Two signatures that
/// share a key are candidates for [`jaccard_estimate`]. Keys fit a signed
/// 64-bit column (the top bit is always clear).
pub fn band_keys(sig: &Signature) -> Vec<(u8, u64)> {
    sig.0
        .chunks(ROWS)
        .take(BANDS)
        .enumerate()
        .map(|(i, rows)| {
            let mut h: u64 = FNV_OFFSET ^ i as u64;
            for r in rows {
                h = (h ^ u64::from(*r)).wrapping_mul(FNV_PRIME);
            }
            (i as u8, h >> 1)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Officials in the northern province said on Sunday that a convoy carrying grain was stopped at a checkpoint by armed men who demanded payment. The drivers were held for six hours before elders negotiated their release. \
        A spokesman for the provincial governor said security forces had been sent to the road and that an investigation was under way. \
        Traders say the route has become more dangerous since the spring, with at least four similar incidents reported in the past month alone. \
        Aid agencies warned that further disruption could push food prices higher in district markets that are already under strain.";

    #[test]
    fn copies_score_high_and_different_texts_low() {
        let a = signature(TEXT).unwrap();
        let b = signature(&format!("Home | World | Sport\n{TEXT}\nShare this")).unwrap();
        assert!(jaccard_estimate(&a, &b) >= REPOST_THRESHOLD);
        // Case and punctuation do not matter.
        let c = signature(&TEXT.to_uppercase().replace(',', " ;")).unwrap();
        assert_eq!(jaccard_estimate(&a, &c), 1.0);
        let d = signature("The central bank kept interest rates unchanged on Thursday, citing slowing inflation and a weaker outlook for exports over the coming quarter.").unwrap();
        assert!(jaccard_estimate(&a, &d) < 0.1);
        let shared = band_keys(&a)
            .iter()
            .zip(band_keys(&b))
            .filter(|(x, y)| **x == *y)
            .count();
        assert!(shared > 0, "near copies share an LSH band");
        assert_eq!(band_keys(&a).len(), BANDS);
        assert!(band_keys(&a).iter().all(|(_, k)| i64::try_from(*k).is_ok()));
    }

    #[test]
    fn the_estimate_tracks_the_true_jaccard() {
        // Two texts of 200 distinct words sharing a middle stretch.
        let words: Vec<String> = (0..300).map(|i| format!("w{i}")).collect();
        let a = words[..200].join(" ");
        let b = words[100..].join(" ");
        // Shingles: 196 each, 96 shared → J = 96 / 296 ≈ 0.32.
        let est = jaccard_estimate(&signature(&a).unwrap(), &signature(&b).unwrap());
        assert!((est - 0.32).abs() < 0.12, "{est}");
    }

    /// The text the pinned values below were computed from.
    const PINNED_TEXT: &str = "Officials in the northern province said on Sunday that a convoy carrying grain was stopped at a checkpoint by armed men who demanded payment. The drivers were held for six hours before elders negotiated their release.";

    #[test]
    fn signatures_round_trip_and_are_stable() {
        let a = signature(PINNED_TEXT).unwrap();
        assert_eq!(Signature::from_bytes(&a.to_bytes()), Some(a.clone()));
        assert_eq!(signature(PINNED_TEXT), Some(a.clone()));
        // Persisted values must never change: pin the first few.
        assert_eq!(&a.0[..4], &PINNED[..]);
        assert_eq!(Signature::from_bytes(&[1, 2, 3]), None);
        assert_eq!(signature("too short to judge at all"), None);
        assert!(signature("eight words are just enough for one signature").is_some());
    }

    /// Also what the first implementation (32 bands × 4 rows) computed.
    const PINNED: [u32; 4] = [56590573, 235586312, 76498892, 174294823];
}
