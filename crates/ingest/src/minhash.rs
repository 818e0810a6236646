//! MinHash signatures over word 5-shingles, and LSH band keys, for finding
//! near-duplicate documents (the same article in different page chrome).
//!
//! Written by hand: it is a few dozen lines, and the crates on offer either
//! pull in large dependency trees or fix hashing choices we need stable in
//! the store (band keys are persisted, so the hash must never change with a
//! dependency upgrade).

/// Number of MinHash values in a signature.
pub const PERMUTATIONS: usize = 128;
/// LSH: `BANDS` bands of `ROWS` values each (`BANDS * ROWS == PERMUTATIONS`).
/// 32 × 4 finds pairs at Jaccard 0.7 with probability > 0.99.
pub const BANDS: usize = 32;
pub const ROWS: usize = 4;
/// Estimated Jaccard similarity of shingle sets at or above which a document
/// counts as a copy of another.
pub const REPOST_THRESHOLD: f32 = 0.7;
/// Shingle width in words.
pub const SHINGLE: usize = 5;
/// Fewer words than this: no signature (too short to judge).
pub const MIN_WORDS: usize = 12;

/// A MinHash signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub Vec<u32>);

impl Signature {
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

/// FNV-1a over a word's lower-cased alphanumeric characters.
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in word.chars().flat_map(char::to_lowercase) {
        let mut buf = [0u8; 4];
        for b in c.encode_utf8(&mut buf).bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
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

fn params() -> &'static [(u64, u64); PERMUTATIONS] {
    static P: std::sync::OnceLock<[(u64, u64); PERMUTATIONS]> = std::sync::OnceLock::new();
    P.get_or_init(|| {
        let mut s = 0x756e_7461_6e67_6c65; // "untangle"
        std::array::from_fn(|_| (splitmix(&mut s) | 1, splitmix(&mut s)))
    })
}

/// The signature of a text, or `None` when it has fewer than [`MIN_WORDS`]
/// words.
pub fn signature(text: &str) -> Option<Signature> {
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(word_hash)
        .collect();
    if words.len() < MIN_WORDS {
        return None;
    }
    let p = params();
    let mut mins = [u32::MAX; PERMUTATIONS];
    for w in words.windows(SHINGLE) {
        let mut x: u64 = 0;
        for &h in w {
            x = (x.rotate_left(17) ^ h).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
        for (m, (a, b)) in mins.iter_mut().zip(p.iter()) {
            let v = (a.wrapping_mul(x).wrapping_add(*b) >> 32) as u32;
            if v < *m {
                *m = v;
            }
        }
    }
    Some(Signature(mins.to_vec()))
}

/// Estimated Jaccard similarity: the share of equal positions.
pub fn jaccard_estimate(a: &Signature, b: &Signature) -> f32 {
    if a.0.len() != b.0.len() || a.0.is_empty() {
        return 0.0;
    }
    let eq = a.0.iter().zip(&b.0).filter(|(x, y)| x == y).count();
    eq as f32 / a.0.len() as f32
}

/// LSH band keys: `(band, hash of that band's rows)`.
pub fn band_keys(sig: &Signature) -> Vec<(u8, u64)> {
    sig.0
        .chunks(ROWS)
        .take(BANDS)
        .enumerate()
        .map(|(i, rows)| {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ i as u64;
            for r in rows {
                h = (h ^ u64::from(*r)).wrapping_mul(0x0000_0100_0000_01b3);
            }
            // Stored in a signed 64-bit column: keep it non-negative.
            (i as u8, h >> 1)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Officials in the northern province said on Sunday that a convoy carrying grain was stopped at a checkpoint by armed men who demanded payment. The drivers were held for six hours before elders negotiated their release.";

    #[test]
    fn copies_score_high_and_different_texts_low() {
        let a = signature(TEXT).unwrap();
        let b = signature(&format!("Home | World | Sport\n{TEXT}\nShare this")).unwrap();
        assert!(jaccard_estimate(&a, &b) >= REPOST_THRESHOLD);
        let c = signature("The central bank kept interest rates unchanged on Thursday, citing slowing inflation and a weaker outlook for exports over the coming quarter.").unwrap();
        assert!(jaccard_estimate(&a, &c) < 0.1);
        let shared: usize = band_keys(&a)
            .iter()
            .zip(band_keys(&b))
            .filter(|(x, y)| **x == *y)
            .count();
        assert!(shared > 0, "near copies share an LSH band");
    }

    #[test]
    fn signatures_round_trip_and_are_stable() {
        let a = signature(TEXT).unwrap();
        assert_eq!(Signature::from_bytes(&a.to_bytes()), Some(a.clone()));
        assert_eq!(signature(TEXT), Some(a));
        assert_eq!(Signature::from_bytes(&[1, 2, 3]), None);
        assert_eq!(signature("too short to judge"), None);
    }
}
