//! MinHash signatures. The 64-bit shingle hash is folded to a 32-bit key `x`, and permutation
//! `i` maps it to the top 32 bits of `a_i·x + b_i (mod 2^64)` with random 64-bit `a_i`, `b_i`:
//! Dietzfelbinger's multiply-add-shift, a strongly universal family. With a 32-bit key the
//! product needs two 32×32-bit vector multiplies instead of the three of a 64×64-bit one.
//! The signature keeps the minimum over the document's shingles. The loop over permutations has no branches and a fixed
//! stride, so the compiler turns it into SIMD; AVX-512 and AVX2 builds of the same loop are
//! chosen at run time where the CPU has them, so the binary stays portable.

/// Seeded, deterministic permutations: the same seed gives the same signatures on every machine.
#[derive(Debug, Clone)]
pub struct MinHasher {
    a: Vec<u64>,
    b: Vec<u64>,
}

/// SplitMix64: a tiny generator whose output is fixed by the seed on every platform.
pub fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl MinHasher {
    pub fn new(permutations: usize, seed: u64) -> Self {
        let mut state = seed;
        let a = (0..permutations)
            .map(|_| splitmix64(&mut state) | 1)
            .collect();
        let b = (0..permutations).map(|_| splitmix64(&mut state)).collect();
        MinHasher { a, b }
    }

    pub fn permutations(&self) -> usize {
        self.a.len()
    }

    /// Writes the signature of `shingles` into `signature` (of length `permutations()`).
    /// An empty set gives all `u32::MAX`, which callers must not index as a document.
    pub fn sign(&self, shingles: &[u64], signature: &mut [u32]) {
        assert_eq!(signature.len(), self.a.len(), "signature length");
        signature.fill(u32::MAX);
        #[cfg(target_arch = "x86_64")]
        {
            if std::is_x86_feature_detected!("avx512f")
                && std::is_x86_feature_detected!("avx512dq")
                && std::is_x86_feature_detected!("avx512vl")
            {
                // SAFETY: the CPU was just checked to support these AVX-512 subsets.
                unsafe { update_avx512(signature, &self.a, &self.b, shingles) };
                return;
            }
            if std::is_x86_feature_detected!("avx2") {
                // SAFETY: the CPU was just checked to support AVX2.
                unsafe { update_avx2(signature, &self.a, &self.b, shingles) };
                return;
            }
        }
        update(signature, &self.a, &self.b, shingles);
    }
}

/// Four shingles per pass over the signature: the signature and the coefficients are loaded
/// and stored once for four keys, which halves the memory traffic of the loop.
#[inline(always)]
fn update(signature: &mut [u32], a: &[u64], b: &[u64], shingles: &[u64]) {
    let key = |h: u64| (h ^ (h >> 32)) & 0xFFFF_FFFF;
    let permute = |a: u64, b: u64, x: u64| (a.wrapping_mul(x).wrapping_add(b) >> 32) as u32;
    let mut quads = shingles.chunks_exact(4);
    for q in &mut quads {
        let (x0, x1, x2, x3) = (key(q[0]), key(q[1]), key(q[2]), key(q[3]));
        for ((s, &a), &b) in signature.iter_mut().zip(a).zip(b) {
            let v01 = permute(a, b, x0).min(permute(a, b, x1));
            let v23 = permute(a, b, x2).min(permute(a, b, x3));
            *s = (*s).min(v01.min(v23));
        }
    }
    for &h in quads.remainder() {
        let x = key(h);
        for ((s, &a), &b) in signature.iter_mut().zip(a).zip(b) {
            *s = (*s).min(permute(a, b, x));
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn update_avx2(signature: &mut [u32], a: &[u64], b: &[u64], shingles: &[u64]) {
    update(signature, a, b, shingles)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq,avx512vl")]
unsafe fn update_avx512(signature: &mut [u32], a: &[u64], b: &[u64], shingles: &[u64]) {
    update(signature, a, b, shingles)
}

/// Share of equal positions: an unbiased estimate of the Jaccard similarity of the two sets,
/// with standard error `sqrt(J(1-J)/P)`.
pub fn estimate(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    let equal = a.iter().zip(b).filter(|(x, y)| x == y).count();
    equal as f64 / a.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_and_deterministic() {
        let shingles: Vec<u64> = (0..100).map(|i| i * 7919).collect();
        let mut s1 = vec![0; 64];
        let mut s2 = vec![0; 64];
        MinHasher::new(64, 1).sign(&shingles, &mut s1);
        MinHasher::new(64, 1).sign(&shingles, &mut s2);
        assert_eq!(s1, s2);
        MinHasher::new(64, 2).sign(&shingles, &mut s2);
        assert_ne!(s1, s2);
        // The portable loop and the dispatched one agree.
        let h = MinHasher::new(64, 1);
        let mut s3 = vec![u32::MAX; 64];
        update(&mut s3, &h.a, &h.b, &shingles);
        assert_eq!(s1, s3);
        #[cfg(target_arch = "x86_64")]
        if std::is_x86_feature_detected!("avx2") {
            let mut s4 = vec![u32::MAX; 64];
            // SAFETY: checked just above.
            unsafe { update_avx2(&mut s4, &h.a, &h.b, &shingles) };
            assert_eq!(s1, s4);
        }
    }

    #[test]
    fn estimate_tracks_jaccard() {
        // |A ∩ B| = 500, |A ∪ B| = 1500: J = 1/3.
        let a: Vec<u64> = (0..1000u64).map(|i| i.wrapping_mul(0x9E37_79B9)).collect();
        let b: Vec<u64> = (500..1500u64)
            .map(|i| i.wrapping_mul(0x9E37_79B9))
            .collect();
        let h = MinHasher::new(256, 42);
        let (mut sa, mut sb) = (vec![0; 256], vec![0; 256]);
        h.sign(&a, &mut sa);
        h.sign(&b, &mut sb);
        let e = estimate(&sa, &sb);
        let se = (1.0 / 3.0 * 2.0 / 3.0 / 256.0f64).sqrt();
        assert!((e - 1.0 / 3.0).abs() < 4.0 * se, "estimate {e}");
    }
}
