//! Byte classes, 16 bytes at a time, for the fast paths of the normaliser and
//! the tokenizer (most of a news article is runs of Arabic letters and ASCII)
//! and of the JSON reader (most of a JSON string needs no unescaping).

/// Bit masks over 16 or 32 bytes: bit i is about byte i.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Classes {
    /// Printable ASCII and line feeds, but `& , ; # _` and `A-Z`: the ASCII
    /// bytes that normalisation always keeps.
    pub plain: u32,
    /// ASCII letters and digits.
    pub alnum: u32,
    /// First bytes of the Arabic letters U+0621..U+063A and U+0641..U+064A.
    pub letter: u32,
    /// First bytes of the letters among them that normalisation folds to a
    /// letter of the same width (آ أ ؤ إ ئ ة ى).
    pub folded: u32,
}

/// The body of a byte-class function over `$lanes` bytes, from one set of
/// intrinsics: written once for SSE2 (16 bytes) and AVX2 (32 bytes).
#[cfg(target_arch = "x86_64")]
macro_rules! classes_body {
    ($bytes:ident, $pos:ident, $lanes:expr, $v:ty, $load:ident, $set1:ident, $cmpeq:ident, $subs:ident, $sub:ident, $zero:ident,
     $mask:ident, $or:ident, $and:ident, $andnot:ident) => {{
        use std::arch::x86_64::*;
        if $pos + $lanes + 1 > $bytes.len() {
            return None;
        }
        // SAFETY: the caller's target has the instructions, and both loads
        // read `$lanes` bytes inside `bytes` (pos + lanes + 1 <= len).
        unsafe {
            let splat = |b: u8| $set1(b as i8);
            let eq = |x: $v, b: u8| $cmpeq(x, splat(b));
            // lo <= x <= hi, unsigned: x - lo saturates to zero past hi - lo.
            let within = |x: $v, lo: u8, hi: u8| $cmpeq($subs($sub(x, splat(lo)), splat(hi - lo)), $zero());
            let mask = |x: $v| $mask(x) as u32;
            let at = $bytes.as_ptr().add($pos);
            let b = $load(at.cast());
            let next = $load(at.add(1).cast());
            let upper = within(b, b'A', b'Z');
            let special = $or(
                $or($or(eq(b, b'&'), eq(b, b',')), $or(eq(b, b';'), eq(b, b'#'))),
                $or(eq(b, b'_'), upper),
            );
            let plain = $andnot(special, $or(within(b, 0x20, 0x7E), eq(b, b'\n')));
            let alnum = $or($or(upper, within(b, b'a', b'z')), within(b, b'0', b'9'));
            let d8 = $and(eq(b, 0xD8), within(next, 0xA1, 0xBA));
            let d9 = $and(eq(b, 0xD9), within(next, 0x81, 0x8A));
            let folded = $or($and(d8, $or(within(next, 0xA2, 0xA6), eq(next, 0xA9))), $and(d9, eq(next, 0x89)));
            Some(Classes {
                plain: mask(plain),
                alnum: mask(alnum),
                letter: mask($or(d8, d9)),
                folded: mask(folded),
            })
        }
    }};
}

/// The classes of `bytes[pos..pos + 16]`, or `None` when fewer than 17
/// bytes remain: the byte after the sixteen is read for a letter's second.
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn classes(bytes: &[u8], pos: usize) -> Option<Classes> {
    // SSE2 is part of every x86_64 target.
    classes_body!(
        bytes,
        pos,
        16,
        __m128i,
        _mm_loadu_si128,
        _mm_set1_epi8,
        _mm_cmpeq_epi8,
        _mm_subs_epu8,
        _mm_sub_epi8,
        _mm_setzero_si128,
        _mm_movemask_epi8,
        _mm_or_si128,
        _mm_and_si128,
        _mm_andnot_si128
    )
}

/// [`classes`] over 32 bytes (33 must remain), for CPUs with AVX2.
///
/// # Safety
/// The CPU must have AVX2 (`is_x86_feature_detected!("avx2")`).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
pub(crate) unsafe fn classes32(bytes: &[u8], pos: usize) -> Option<Classes> {
    classes_body!(
        bytes,
        pos,
        32,
        __m256i,
        _mm256_loadu_si256,
        _mm256_set1_epi8,
        _mm256_cmpeq_epi8,
        _mm256_subs_epu8,
        _mm256_sub_epi8,
        _mm256_setzero_si256,
        _mm256_movemask_epi8,
        _mm256_or_si256,
        _mm256_and_si256,
        _mm256_andnot_si256
    )
}

/// Without SSE2 the callers take their one-character paths.
#[cfg(not(target_arch = "x86_64"))]
#[inline]
pub(crate) fn classes(_bytes: &[u8], _pos: usize) -> Option<Classes> {
    None
}

/// The offset of the first byte of `b` that ends a run of a JSON string's
/// plain characters (`"`, `\` or a control character), or its length.
pub(crate) fn string_stop(b: &[u8]) -> usize {
    let stops = |c: u8| c == b'"' || c == b'\\' || c < 0x20;
    let mut i = 0;
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::*;
        while i + 16 <= b.len() {
            // SAFETY: SSE2 is part of every x86_64 target, and the load
            // reads 16 bytes inside `b` (i + 16 <= len).
            let m = unsafe {
                let v = _mm_loadu_si128(b.as_ptr().add(i).cast());
                let control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
                let quote = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8));
                let slash = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\\' as i8));
                _mm_movemask_epi8(_mm_or_si128(control, _mm_or_si128(quote, slash)))
            };
            if m != 0 {
                return i + m.trailing_zeros() as usize;
            }
            i += 16;
        }
    }
    i + b[i..].iter().position(|&c| stops(c)).unwrap_or(b.len() - i)
}

/// How far a run of the bytes in `one` (one-byte characters) and of the
/// letters whose first bytes are in `letter` goes from the start of the
/// `lanes` (16 or 32) bytes: `lanes` or one more when it fills them (one more
/// when a letter's second byte is the next), else the offset of the first byte
/// outside it.
#[inline]
pub(crate) fn run_end_of(one: u32, letter: u32, lanes: u32) -> u32 {
    // A letter's second byte goes with its first.
    let (one, letter) = (u64::from(one), u64::from(letter));
    let kept = one | letter | letter << 1;
    let full = (1u64 << lanes) - 1;
    if kept & full == full {
        lanes + (letter >> (lanes - 1) & 1) as u32
    } else {
        (!kept).trailing_zeros()
    }
}

/// [`run_end_of`] over 16 bytes.
#[inline]
pub(crate) fn run_end(one: u32, letter: u32) -> u32 {
    run_end_of(one, letter, 16)
}

#[cfg(all(test, target_arch = "x86_64"))]
mod tests {
    use super::*;

    /// Every pair of bytes, at every lane of the sixteen, gets the classes
    /// that the one-character rules give it.
    #[test]
    fn classes_match_the_character_rules() {
        let avx2 = std::arch::is_x86_feature_detected!("avx2");
        // The 17 bytes, then spaces to 33.
        let buf_wide = |b: &[u8; 17]| {
            let mut w = [b' '; 33];
            w[..17].copy_from_slice(b);
            w
        };
        for lead in 0..=255u8 {
            for second in 0..=255u8 {
                let letter = matches!(u16::from_be_bytes([lead, second]), 0xD8A1..=0xD8BA | 0xD981..=0xD98A);
                let folded = matches!(u16::from_be_bytes([lead, second]), 0xD8A2..=0xD8A6 | 0xD8A9 | 0xD989);
                let plain = (0x20..=0x7E).contains(&lead) && !b"&,;#_".contains(&lead) && !lead.is_ascii_uppercase() || lead == b'\n';
                for lane in 0..16 {
                    let mut buf = [b' '; 17];
                    buf[lane] = lead;
                    buf[lane + 1] = second;
                    let mut wide = [b' '; 33];
                    wide[lane + 16..lane + 18].copy_from_slice(&[lead, second]);
                    let found = [(classes(&buf, 0).unwrap(), lane)];
                    // SAFETY: only where the CPU has AVX2.
                    let found32 = avx2.then(|| {
                        [
                            (unsafe { classes32(&buf_wide(&buf), 0) }.unwrap(), lane),
                            (unsafe { classes32(&wide, 0) }.unwrap(), lane + 16),
                        ]
                    });
                    for (c, at) in found.into_iter().chain(found32.into_iter().flatten()) {
                        let bit = |m: u32| m >> at & 1 == 1;
                        assert_eq!(bit(c.letter), letter, "{lead:02X} {second:02X} at {at}");
                        assert_eq!(bit(c.folded), folded, "{lead:02X} {second:02X} at {at}");
                        assert_eq!(bit(c.plain), plain, "{lead:02X} at {at}");
                        assert_eq!(bit(c.alnum), lead.is_ascii_alphanumeric(), "{lead:02X} at {at}");
                    }
                }
            }
        }
        assert!(classes(&[b'a'; 16], 0).is_none());
    }

    #[test]
    fn a_json_string_stops_at_quotes_backslashes_and_controls() {
        // Every stop at every offset, past letters and high bytes.
        for stop in [b'"', b'\\', 0x00, 0x1F, b'\n'] {
            for at in 0..40 {
                let mut b: Vec<u8> = "نعم قال ".bytes().cycle().take(48).collect();
                b[at] = stop;
                assert_eq!(string_stop(&b), b.iter().position(|&c| c == stop).unwrap(), "{stop:02X} at {at}");
            }
        }
        assert_eq!(string_stop("لا شيء هنا يوقف السلسلة".as_bytes()), "لا شيء هنا يوقف السلسلة".len());
    }

    #[test]
    fn runs_end_at_the_first_byte_outside_them() {
        // "قال: نعم" has a colon at byte 6.
        let text = "قال: نعم والمزيد من الكلام";
        let c = classes(text.as_bytes(), 0).unwrap();
        assert_eq!(run_end(c.alnum, c.letter), 6);
        // A space, then letters: the eighth letter's second byte is the 17th.
        let text = " بببببببب ب";
        let c = classes(text.as_bytes(), 0).unwrap();
        assert_eq!(run_end(c.plain, c.letter), 17);
        // Letters only: the run fills the sixteen.
        let c = classes(&text.as_bytes()[1..], 0).unwrap();
        assert_eq!(run_end(c.alnum, c.letter), 16);
    }
}
