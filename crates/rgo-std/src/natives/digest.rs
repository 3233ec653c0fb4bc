//! The block functions of the message digests behind crypto/md5,
//! crypto/sha1, crypto/sha256 (and SHA-224) and crypto/sha512 (and its
//! truncations): each folds whole blocks into a chaining state. Buffering,
//! padding and output encoding are the Go side's (crates/rgo-std/go/crypto).
//!
//! Invariant: a trailing partial block is ignored (the Go callers pass
//! whole blocks only); nothing here panics.

/// MD5 (RFC 1321) over the 64-byte blocks of `p`.
pub fn md5_blocks(s: &mut [u32; 4], p: &[u8]) {
    // Per-step left rotations, by round.
    const ROT: [[u32; 4]; 4] = [
        [7, 12, 17, 22],
        [5, 9, 14, 20],
        [4, 11, 16, 23],
        [6, 10, 15, 21],
    ];
    for blk in p.chunks_exact(64) {
        let mut m = [0u32; 16];
        for (i, w) in m.iter_mut().enumerate() {
            *w = u32::from_le_bytes([blk[4 * i], blk[4 * i + 1], blk[4 * i + 2], blk[4 * i + 3]]);
        }
        let [mut a, mut b, mut c, mut d] = *s;
        for i in 0..64 {
            let round = i / 16;
            let (f, g) = match round {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            // The additive constants are floor(|sin(i+1)| * 2^32).
            let t = a.wrapping_add(f).wrapping_add(MD5_K[i]).wrapping_add(m[g]);
            a = d;
            d = c;
            c = b;
            b = b.wrapping_add(t.rotate_left(ROT[round][i % 4]));
        }
        s[0] = s[0].wrapping_add(a);
        s[1] = s[1].wrapping_add(b);
        s[2] = s[2].wrapping_add(c);
        s[3] = s[3].wrapping_add(d);
    }
}

const MD5_K: [u32; 64] = [
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
];

/// SHA-1 (FIPS 180-4) over the 64-byte blocks of `p`.
pub fn sha1_blocks(s: &mut [u32; 5], p: &[u8]) {
    for blk in p.chunks_exact(64) {
        let mut w = [0u32; 80];
        for i in 0..16 {
            w[i] = u32::from_be_bytes([blk[4 * i], blk[4 * i + 1], blk[4 * i + 2], blk[4 * i + 3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = *s;
        for (i, &wi) in w.iter().enumerate() {
            let (f, k) = match i / 20 {
                0 => ((b & c) | (!b & d), 0x5a827999),
                1 => (b ^ c ^ d, 0x6ed9eba1),
                2 => ((b & c) | (b & d) | (c & d), 0x8f1bbcdc),
                _ => (b ^ c ^ d, 0xca62c1d6u32),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (x, v) in s.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(v);
        }
    }
}

/// The SHA-2 compression function over the blocks of `p`, for one word
/// type: SHA-256 and SHA-512 differ only in word size, round count,
/// constants and rotation amounts (FIPS 180-4 §6.2, §6.4), given as the
/// message schedule's σ0 and σ1 (two rotations and a shift each) and the
/// rounds' Σ1 and Σ0 (three rotations each).
macro_rules! sha2_blocks {
    ($(#[$doc:meta])* $name:ident, $w:ty, $rounds:expr, $k:ident,
     sigma0 $a0:literal $a1:literal $a2:literal, sigma1 $b0:literal $b1:literal $b2:literal,
     bigsigma1 $c0:literal $c1:literal $c2:literal, bigsigma0 $d0:literal $d1:literal $d2:literal) => {
        $(#[$doc])*
        pub fn $name(s: &mut [$w; 8], p: &[u8]) {
            const WB: usize = std::mem::size_of::<$w>();
            for blk in p.chunks_exact(16 * WB) {
                let mut w = [0 as $w; $rounds];
                for (i, c) in blk.chunks_exact(WB).enumerate() {
                    let mut b = [0u8; WB];
                    b.copy_from_slice(c);
                    w[i] = <$w>::from_be_bytes(b);
                }
                for i in 16..$rounds {
                    let s0 = w[i - 15].rotate_right($a0)
                        ^ w[i - 15].rotate_right($a1)
                        ^ (w[i - 15] >> $a2);
                    let s1 =
                        w[i - 2].rotate_right($b0) ^ w[i - 2].rotate_right($b1) ^ (w[i - 2] >> $b2);
                    w[i] = w[i - 16]
                        .wrapping_add(s0)
                        .wrapping_add(w[i - 7])
                        .wrapping_add(s1);
                }
                let mut v = *s;
                for i in 0..$rounds {
                    let [a, b, c, d, e, f, g, h] = v;
                    let big1 = e.rotate_right($c0) ^ e.rotate_right($c1) ^ e.rotate_right($c2);
                    let ch = (e & f) ^ (!e & g);
                    let t1 = h
                        .wrapping_add(big1)
                        .wrapping_add(ch)
                        .wrapping_add($k[i])
                        .wrapping_add(w[i]);
                    let big0 = a.rotate_right($d0) ^ a.rotate_right($d1) ^ a.rotate_right($d2);
                    let maj = (a & b) ^ (a & c) ^ (b & c);
                    let t2 = big0.wrapping_add(maj);
                    v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
                }
                for (x, y) in s.iter_mut().zip(v) {
                    *x = x.wrapping_add(y);
                }
            }
        }
    };
}

sha2_blocks!(
    /// SHA-256 (and SHA-224, which differs only in its initial state) over
    /// the 64-byte blocks of `p`.
    sha256_blocks, u32, 64, SHA256_K,
    sigma0 7 18 3, sigma1 17 19 10, bigsigma1 6 11 25, bigsigma0 2 13 22
);

sha2_blocks!(
    /// SHA-512 (and SHA-384, SHA-512/224, SHA-512/256: other initial
    /// states) over the 128-byte blocks of `p`.
    sha512_blocks, u64, 80, SHA512_K,
    sigma0 1 8 7, sigma1 19 61 6, bigsigma1 14 18 41, bigsigma0 28 34 39
);

const SHA256_K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

const SHA512_K: [u64; 80] = [
    0x428a2f98d728ae22,
    0x7137449123ef65cd,
    0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc,
    0x3956c25bf348b538,
    0x59f111f1b605d019,
    0x923f82a4af194f9b,
    0xab1c5ed5da6d8118,
    0xd807aa98a3030242,
    0x12835b0145706fbe,
    0x243185be4ee4b28c,
    0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f,
    0x80deb1fe3b1696b1,
    0x9bdc06a725c71235,
    0xc19bf174cf692694,
    0xe49b69c19ef14ad2,
    0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5,
    0x240ca1cc77ac9c65,
    0x2de92c6f592b0275,
    0x4a7484aa6ea6e483,
    0x5cb0a9dcbd41fbd4,
    0x76f988da831153b5,
    0x983e5152ee66dfab,
    0xa831c66d2db43210,
    0xb00327c898fb213f,
    0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2,
    0xd5a79147930aa725,
    0x06ca6351e003826f,
    0x142929670a0e6e70,
    0x27b70a8546d22ffc,
    0x2e1b21385c26c926,
    0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df,
    0x650a73548baf63de,
    0x766a0abb3c77b2a8,
    0x81c2c92e47edaee6,
    0x92722c851482353b,
    0xa2bfe8a14cf10364,
    0xa81a664bbc423001,
    0xc24b8b70d0f89791,
    0xc76c51a30654be30,
    0xd192e819d6ef5218,
    0xd69906245565a910,
    0xf40e35855771202a,
    0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8,
    0x1e376c085141ab53,
    0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63,
    0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc,
    0x78a5636f43172f60,
    0x84c87814a1f0ab72,
    0x8cc702081a6439ec,
    0x90befffa23631e28,
    0xa4506cebde82bde9,
    0xbef9a3f7b2c67915,
    0xc67178f2e372532b,
    0xca273eceea26619c,
    0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e,
    0xf57d4f7fee6ed178,
    0x06f067aa72176fba,
    0x0a637dc5a2c898a6,
    0x113f9804bef90dae,
    0x1b710b35131c471b,
    0x28db77f523047d84,
    0x32caab7b40c72493,
    0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6,
    0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec,
    0x6c44198c4a475817,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(words: &[u8]) -> String {
        words.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// One padded block of "abc" (length 24 bits), big- or little-endian.
    fn abc_block(le: bool, len: usize) -> Vec<u8> {
        let mut b = vec![0u8; len];
        b[..3].copy_from_slice(b"abc");
        b[3] = 0x80;
        if le {
            b[len - 8] = 24;
        } else {
            b[len - 1] = 24;
        }
        b
    }

    #[test]
    fn known_answers() {
        let mut m = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
        md5_blocks(&mut m, &abc_block(true, 64));
        let out: Vec<u8> = m.iter().flat_map(|w| w.to_le_bytes()).collect();
        assert_eq!(hex(&out), "900150983cd24fb0d6963f7d28e17f72");

        let mut s1 = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
        sha1_blocks(&mut s1, &abc_block(false, 64));
        let out: Vec<u8> = s1.iter().flat_map(|w| w.to_be_bytes()).collect();
        assert_eq!(hex(&out), "a9993e364706816aba3e25717850c26c9cd0d89d");

        let mut s2 = [
            0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
            0x5be0cd19,
        ];
        sha256_blocks(&mut s2, &abc_block(false, 64));
        let out: Vec<u8> = s2.iter().flat_map(|w| w.to_be_bytes()).collect();
        assert_eq!(
            hex(&out),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );

        let mut s5 = [
            0x6a09e667f3bcc908,
            0xbb67ae8584caa73b,
            0x3c6ef372fe94f82b,
            0xa54ff53a5f1d36f1,
            0x510e527fade682d1,
            0x9b05688c2b3e6c1f,
            0x1f83d9abfb41bd6b,
            0x5be0cd19137e2179,
        ];
        sha512_blocks(&mut s5, &abc_block(false, 128));
        let out: Vec<u8> = s5.iter().flat_map(|w| w.to_be_bytes()).collect();
        assert_eq!(&hex(&out)[..32], "ddaf35a193617abacc417349ae204131");
        // A partial block is ignored.
        let before = s5;
        sha512_blocks(&mut s5, &[0u8; 127]);
        assert_eq!(before, s5);
    }
}
