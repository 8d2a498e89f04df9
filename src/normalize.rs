//! Per-character normalisation with an offset map back to the original text.
//!
//! Matching runs on the normalised text; every span found there is mapped back
//! so that reported offsets index the decoded article exactly.

use unicode_normalization::UnicodeNormalization;

/// Normalised text plus the map from its byte offsets to the original's.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// Text used for matching: diacritics, tatweel and bidi controls removed,
    /// letter variants folded, HTML entities decoded, spaces unified.
    pub text: String,
    /// Points where `original_byte - normalized_byte` changes: (normalized
    /// byte, delta). Sparse, because most characters keep their width.
    checkpoints: Vec<(u32, i64)>,
    original_len: usize,
    /// The builder's list of pending folds, kept for the next document.
    folds: Vec<usize>,
}

impl Normalized {
    /// Byte offset in the original text of the normalised byte offset `pos`
    /// (which must lie on a character boundary of `self.text`).
    pub fn to_original(&self, pos: usize) -> usize {
        if pos >= self.text.len() {
            return self.original_len;
        }
        let i = self.checkpoints.partition_point(|&(p, _)| p as usize <= pos);
        let delta = if i == 0 { 0 } else { self.checkpoints[i - 1].1 };
        (pos as i64 + delta) as usize
    }
}

const fn is_dropped(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}'
        | '\u{0640}' // tatweel
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{061C}' | '\u{FEFF}' | '\u{00AD}'
        | '#') // a hashtag's mark: #ترمب is the name ترمب
}

/// `s` without its vowel marks, tatweel and invisible controls, its
/// letters as written (ى stays ى).
pub fn without_marks(s: &str) -> String {
    s.chars().filter(|&c| !is_dropped(c)).collect()
}

/// Folds one character for matching. Returns `None` when it is dropped.
const fn fold(c: char) -> Option<char> {
    if is_dropped(c) {
        return None;
    }
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ئ' | 'ی' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        'ک' => 'ك',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => ' ',
        ',' => '،',
        '_' => ' ', // #محمود_عباس: a hashtag's words
        ';' => '؛',
        '„' | '‟' => '“',
        '″' | '＂' => '"',
        '٠'..='٩' => match char::from_u32(c as u32 - 0x0660 + '0' as u32) {
            Some(d) => d,
            None => c,
        },
        'A'..='Z' => c.to_ascii_lowercase(),
        _ => c,
    })
}

const fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

/// Decodes an HTML entity at the start of `s` (which begins with '&').
/// Returns the character and the entity's byte length.
fn html_entity(s: &str) -> Option<(char, usize)> {
    let end = s.as_bytes().iter().take(12).position(|&b| b == b';')?;
    let name = &s[1..end];
    let c = match name {
        "quot" => '"',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "nbsp" => ' ',
        "laquo" => '«',
        "raquo" => '»',
        "ldquo" => '“',
        "rdquo" => '”',
        "apos" | "#39" => '\'',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

/// Characters that normalisation leaves as they are: most Arabic letters.
/// Runs of them are copied in one go.
const fn keeps(c: char) -> bool {
    match c {
        'ء' | 'ا' | 'ب' | 'ت'..='غ' | 'ف'..='ن' | 'ه' | 'و' | 'ي' => true,
        c if is_presentation_form(c) || c == '\r' || c == '&' => false,
        c => matches!(fold(c), Some(f) if f == c),
    }
}

/// `keeps` for the two-byte characters whose lead byte is `lead`, indexed by
/// the continuation byte: the Arabic block (leads 0xD8..0xDB) is decided
/// from its bytes alone.
const fn keeps_after(lead: u8) -> [bool; 64] {
    let mut t = [false; 64];
    let mut k = 0;
    while k < 64 {
        let cp = ((lead as u32 & 0x1F) << 6) | k as u32;
        t[k] = match char::from_u32(cp) {
            Some(c) => keeps(c),
            None => false,
        };
        k += 1;
    }
    t
}

/// `keeps` for the Arabic block, indexed by the lead byte's low two bits and
/// the continuation byte's low six: one look-up that needs no bounds check.
static KEEPS_ARABIC: [bool; 256] = {
    let blocks = [keeps_after(0xD8), keeps_after(0xD9), keeps_after(0xDA), keeps_after(0xDB)];
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = blocks[i >> 6][i & 0x3F];
        i += 1;
    }
    t
};

/// ASCII bytes that normalisation leaves as they are.
static PLAIN_ASCII: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x80 {
        t[b] = !matches!(b as u8, b'&' | b'\r' | b',' | b';' | b'\t' | b'#' | b'_' | b'A'..=b'Z');
        b += 1;
    }
    t
};

/// The common letter variants (أ، إ، آ، ى، ئ، ة، ؤ) fold to a letter of the
/// same width: they are replaced without decoding, and the offset map does
/// not change.
fn same_width_fold(lead: u8, next: u8) -> Option<&'static str> {
    match u16::from_be_bytes([lead, next]) {
        0xD8A2 | 0xD8A3 | 0xD8A5 => Some("ا"),
        0xD989 | 0xD8A6 => Some("ي"),
        0xD8A9 => Some("ه"),
        0xD8A4 => Some("و"),
        _ => None,
    }
}

/// The end of the run from `pos` (a character boundary) of characters that
/// normalisation keeps or folds to one of the same width: printable ASCII but
/// the specials of `PLAIN_ASCII`, line feeds, and the Arabic letters of
/// U+0621..U+064A. The folds' offsets are added to `folds`. A fast path only:
/// it may stop before such a character, never after one that is not.
#[inline]
fn skip_kept(bytes: &[u8], mut pos: usize, folds: &mut Vec<usize>) -> usize {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2.
        pos = unsafe { skip_kept_avx2(bytes, pos, folds) };
        // Stopped with 32 bytes to read: at a character to fold or drop.
        if pos + 33 <= bytes.len() {
            return pos;
        }
    }
    skip_kept_with(bytes, pos, folds, 16, crate::scan::classes)
}

/// [`skip_kept`] 32 bytes at a time.
///
/// # Safety
/// The CPU must have AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn skip_kept_avx2(bytes: &[u8], pos: usize, folds: &mut Vec<usize>) -> usize {
    // SAFETY: the caller checked for AVX2.
    skip_kept_with(bytes, pos, folds, 32, |b, p| unsafe { crate::scan::classes32(b, p) })
}

/// The loop of [`skip_kept`] over `lanes` bytes at a time.
#[inline(always)]
fn skip_kept_with(
    bytes: &[u8],
    mut pos: usize,
    folds: &mut Vec<usize>,
    lanes: u32,
    classes: impl Fn(&[u8], usize) -> Option<crate::scan::Classes>,
) -> usize {
    while let Some(c) = classes(bytes, pos) {
        let end = crate::scan::run_end_of(c.plain, c.letter, lanes);
        let mut f = u64::from(c.folded) & ((1 << end) - 1);
        while f != 0 {
            folds.push(pos + f.trailing_zeros() as usize);
            f &= f - 1;
        }
        pos += end as usize;
        if end < lanes {
            break;
        }
    }
    pos
}

/// Builds the normalised text and its offset map.
struct Builder<'a> {
    original: &'a str,
    text: String,
    checkpoints: Vec<(u32, i64)>,
    delta: i64,
    /// Original offsets of the same-width folds inside the run not yet
    /// copied: the run is copied whole and they are replaced in the copy.
    folds: Vec<usize>,
}

impl Builder<'_> {
    /// Records that the next normalised byte comes from original byte `orig_pos`.
    fn mark(&mut self, orig_pos: usize) {
        let d = orig_pos as i64 - self.text.len() as i64;
        if d != self.delta {
            self.checkpoints.push((self.text.len() as u32, d));
            self.delta = d;
        }
    }

    fn push(&mut self, c: char, orig_pos: usize) {
        self.mark(orig_pos);
        self.text.push(c);
    }

    /// Copies original[from..to], with the pending same-width folds in it.
    fn copy(&mut self, from: usize, to: usize) {
        if from < to {
            self.mark(from);
            let at = self.text.len();
            self.text.push_str(&self.original[from..to]);
            let bytes = self.original.as_bytes();
            for p in self.folds.drain(..) {
                if let Some(f) = same_width_fold(bytes[p], bytes[p + 1]) {
                    let o = at + p - from;
                    // SAFETY: a two-byte character is replaced by another
                    // two-byte character, so the text stays UTF-8.
                    unsafe { self.text.as_bytes_mut()[o..o + 2].copy_from_slice(f.as_bytes()) };
                }
            }
        }
    }
}

/// Normalises `original` for matching, keeping the offset map.
pub fn normalize(original: &str) -> Normalized {
    let mut out = Normalized::default();
    normalize_into(original, &mut out);
    out
}

/// Normalises `original` into `out`, reusing its buffers: a worker that
/// runs many documents allocates them once.
pub fn normalize_into(original: &str, into: &mut Normalized) {
    let mut text = std::mem::take(&mut into.text);
    text.clear();
    // Reserving on the emptied buffer would copy its old bytes over.
    if text.capacity() < original.len() {
        text = String::with_capacity(original.len().max(2 * text.capacity()));
    }
    let mut checkpoints = std::mem::take(&mut into.checkpoints);
    checkpoints.clear();
    let mut out = Builder {
        original,
        text,
        checkpoints,
        delta: 0,
        folds: std::mem::take(&mut into.folds),
    };
    let bytes = original.as_bytes();
    let mut pos = 0;
    let mut run = 0;
    while pos < bytes.len() {
        pos = skip_kept(bytes, pos, &mut out.folds);
        let Some(&b) = bytes.get(pos) else {
            break;
        };
        if PLAIN_ASCII[usize::from(b)] {
            pos += 1;
            continue;
        }
        if b & 0xFC == 0xD8
            && let Some(&n) = bytes.get(pos + 1)
            && KEEPS_ARABIC[usize::from(((b & 3) << 6) | (n & 0x3F))]
        {
            pos += 2;
            continue;
        }
        if (0xD8..=0xD9).contains(&b)
            && let Some(&n) = bytes.get(pos + 1)
            && same_width_fold(b, n).is_some()
        {
            out.folds.push(pos);
            pos += 2;
            continue;
        }
        let c = original[pos..].chars().next().unwrap_or('\u{FFFD}');
        let width = c.len_utf8();
        if b >= 0x80 && keeps(c) {
            pos += width;
            continue;
        }
        out.copy(run, pos);
        if c == '&' {
            if let Some((e, len)) = html_entity(&original[pos..]) {
                if let Some(f) = fold(e) {
                    out.push(f, pos);
                }
                pos += len;
                run = pos;
                continue;
            }
            out.push('&', pos);
        } else if c == '\r' {
            // CRLF becomes LF; a lone CR is a line break too.
            if bytes.get(pos + 1) != Some(&b'\n') {
                out.push('\n', pos);
            }
        } else if is_presentation_form(c) {
            for d in std::iter::once(c).nfkc() {
                if let Some(f) = fold(d) {
                    out.push(f, pos);
                }
            }
        } else if let Some(f) = fold(c) {
            out.push(f, pos);
        }
        pos += width;
        run = pos;
    }
    out.copy(run, pos);
    into.text = out.text;
    into.checkpoints = out.checkpoints;
    into.folds = out.folds;
    into.original_len = original.len();
}

/// Folds a lexicon entry the same way article text is folded.
pub fn fold_str(s: &str) -> String {
    normalize(s).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_letters_and_drops_marks() {
        let n = normalize("وأكّدَ إنّـه");
        assert_eq!(n.text, "واكد انه");
    }

    #[test]
    fn hashtags_read_as_their_words() {
        let orig = "قال #محمود_عباس إن";
        let n = normalize(orig);
        assert_eq!(n.text, "قال محمود عباس ان");
        // The name's first letter maps back past the dropped #.
        let at = n.text.find("محمود").unwrap();
        assert_eq!(&orig[n.to_original(at)..n.to_original(at) + "محمود".len()], "محمود");
    }

    #[test]
    fn maps_offsets_back_through_removed_marks() {
        let orig = "قالَ: &quot;نعم&quot;";
        let n = normalize(orig);
        assert_eq!(n.text, "قال: \"نعم\"");
        let q = n.text.find("نعم").unwrap();
        let start = n.to_original(q);
        let end = n.to_original(q + "نعم".len());
        assert_eq!(&orig[start..end], "نعم");
    }

    #[test]
    fn folded_letters_after_dropped_marks_map_back() {
        // أ، ة and ى are folded in place; after a dropped shadda and a
        // dropped fatha the offset map must still point at them.
        let orig = "إنَّ أُمَّةً علىَ";
        let n = normalize(orig);
        assert_eq!(n.text, "ان امه علي");
        for word in ["امه", "علي"] {
            let at = n.text.find(word).unwrap();
            let start = n.to_original(at);
            assert!(orig[start..].starts_with(['أ', 'ع']), "{word} maps to {}", &orig[start..]);
        }
        let end = n.to_original(n.text.find("امه").unwrap() + "امه".len());
        // The word's span keeps its marks.
        assert_eq!(&orig[orig.find('أ').unwrap()..end], "أُمَّةً");
    }

    /// The normalised text and, for each of its characters, the original
    /// offset it comes from, character by character: what the fast paths
    /// must give. Not for HTML entities.
    fn by_character(original: &str) -> (String, Vec<(usize, usize)>) {
        let mut text = String::new();
        let mut map = Vec::new();
        for (at, c) in original.char_indices() {
            if c == '\r' && original[at + 1..].starts_with('\n') {
                continue;
            }
            let c = if c == '\r' { '\n' } else { c };
            for d in std::iter::once(c).nfkc().filter_map(fold) {
                map.push((text.len(), at));
                text.push(d);
            }
        }
        (text, map)
    }

    #[test]
    fn fast_paths_agree_with_the_character_rules() {
        let dev = include_str!("../tests/data/dev.jsonl");
        let mut checked = 0;
        for line in dev.lines() {
            let doc: serde_json::Value = serde_json::from_str(line).unwrap();
            let body = doc["text"].as_str().unwrap();
            // Every alignment of the 16-byte reads, and text with marks
            // and folds at the ends of runs.
            let start = body.char_indices().take(40).map(|(i, _)| i);
            for text in start
                .map(|k| &body[k..])
                .chain(["وأكّدَ أنّ الأُمّةَ عَلى حقّ, وإنّ المسؤولـين قالوا ذلك؛ ٢٠٢٦"])
            {
                if text.contains('&') {
                    continue;
                }
                let (want, map) = by_character(text);
                let n = normalize(text);
                assert_eq!(n.text, want);
                for (p, orig) in map {
                    assert_eq!(n.to_original(p), orig);
                }
                checked += 1;
            }
        }
        assert!(checked > 500, "{checked}");
    }

    #[test]
    fn presentation_forms_become_letters() {
        // "قال" written with isolated/final presentation forms.
        let n = normalize("\u{FED7}\u{FE8E}\u{FEDD}");
        assert_eq!(n.text, "قال");
        assert_eq!(n.to_original(n.text.len()), 9);
    }

    #[test]
    fn nbsp_crlf_and_bidi_marks() {
        let n = normalize("قال\u{00A0}\u{200F}إن\r\nنعم");
        assert_eq!(n.text, "قال ان\nنعم");
    }
}
