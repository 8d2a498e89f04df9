//! Tokens, sentences and paragraphs of normalised text.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A run of letters, digits and word-internal marks.
    Word,
    /// One punctuation character (quotation marks, commas, colons ...).
    Punct(char),
    /// A line break: paragraphs end here.
    Break,
}

/// A token: a byte range of the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start as usize..self.end as usize]
    }

    /// Whether this is the punctuation character `c`.
    pub fn is(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    /// Whether this is a word.
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
}

/// A sentence: a token range, with the paragraph it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub first: usize,
    pub end: usize,
    pub paragraph: usize,
}

/// A paragraph: a token range, and whether it reads as a headline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    pub first: usize,
    pub end: usize,
    /// Short and without closing punctuation: a headline or subheading.
    pub heading: bool,
}

/// The segmented document.
#[derive(Debug, Clone, Default)]
pub struct Segments {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub paragraphs: Vec<Paragraph>,
}

/// Letters, digits, `_` and `#` (hashtags). Arabic and ASCII are decided
/// here directly: the general Unicode lookup is slow on the hot path.
fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' | '_' | '#' => true,
        '\u{0621}'..='\u{063A}'
        | '\u{0641}'..='\u{064A}'
        | '\u{0660}'..='\u{0669}'
        | '\u{066E}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06EE}'..='\u{06FF}' => true,
        '\u{0600}'..='\u{06FF}' => false,
        c if c.is_ascii() => false,
        c => c.is_alphanumeric(),
    }
}

/// Splits normalised text into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_into(text, &mut tokens);
    tokens
}

/// Splits normalised text into `tokens`, which is cleared first.
fn tokenize_into(text: &str, tokens: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    tokens.clear();
    // Reserving on the emptied buffer would copy its old tokens over.
    if tokens.capacity() < text.len() / 5 {
        *tokens = Vec::with_capacity((text.len() / 5).max(2 * tokens.capacity()));
    }
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b' ' {
            i += 1;
            continue;
        }
        // Most tokens are words of common letters (Arabic, or ASCII letters
        // and digits) with a space after them: read 16 bytes at a time.
        // `run`: those letters from i, 16 or more when they fill the read.
        let run = crate::scan::classes(bytes, i).map_or(0, |c| crate::scan::run_end(c.alnum, c.letter) as usize);
        if run > 0 && run < 16 && bytes[i + run] == b' ' {
            tokens.push(Token {
                start: i as u32,
                end: (i + run) as u32,
                kind: Kind::Word,
            });
            i += run + 1;
            continue;
        }
        // Most tokens start with an Arabic letter or an ASCII alphanumeric.
        let lead = word_bytes_at(bytes, i);
        let c = if lead > 0 { '\0' } else { char_at(text, i) };
        let width = if lead > 0 { lead } else { c.len_utf8() };
        if lead == 0 && c == '\n' {
            tokens.push(Token {
                start: i as u32,
                end: i as u32 + 1,
                kind: Kind::Break,
            });
        } else if lead == 0 && c.is_whitespace() {
        } else if lead > 0 || is_word_char(c) {
            // The common letters read above; when they filled the 16 bytes,
            // the rest 16 at a time.
            let mut end = i + run.max(width);
            while run >= 16
                && let Some(c) = crate::scan::classes(bytes, end)
            {
                let more = crate::scan::run_end(c.alnum, c.letter);
                end += more as usize;
                if more < 16 {
                    break;
                }
            }
            while end < bytes.len() {
                // Most of a word is Arabic letters or ASCII alphanumerics:
                // read them off the bytes without decoding.
                let n = word_bytes_at(bytes, end);
                if n > 0 {
                    end += n;
                    continue;
                }
                if bytes[end] == b' ' {
                    break;
                }
                let d = char_at(text, end);
                let joins = is_word_char(d)
                    || ((d == '-' || d == '/') && text[end + 1..].chars().next().is_some_and(is_word_char))
                    || (d == '.' && dot_joins(text, end))
                    || (d == ':' && between_digits(text, end));
                if !joins {
                    break;
                }
                end += d.len_utf8();
            }
            // د. جمعان، م. خالد: a lone Arabic letter with a dot abbreviates a
            // title, one word; no sentence ends in a lone letter. So does one
            // written against the name (د.اليحيا).
            if end == i + 2
                && b >= 0xD8
                && bytes.get(end) == Some(&b'.')
                && (bytes.get(end + 1) == Some(&b' ') || end + 1 < bytes.len() && word_bytes_at(bytes, end + 1) == 2)
            {
                end += 1;
            }
            tokens.push(Token {
                start: i as u32,
                end: end as u32,
                kind: Kind::Word,
            });
            i = end;
            continue;
        } else {
            tokens.push(Token {
                start: i as u32,
                end: (i + width) as u32,
                kind: Kind::Punct(c),
            });
        }
        i += width;
    }
}

/// The character starting at byte `i` (a character boundary).
fn char_at(text: &str, i: usize) -> char {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        b as char
    } else {
        text[i..].chars().next().unwrap_or('\u{FFFD}')
    }
}

/// Bytes of a common word character at `i`: an ASCII letter or digit (1), an
/// Arabic letter U+0621..U+063A or U+0641..U+064A (2), else 0.
fn word_bytes_at(bytes: &[u8], i: usize) -> usize {
    let b = bytes[i];
    if b >= 0x80 {
        // Both bytes as one number: two range checks instead of a match
        // on the lead byte and then on the next.
        return match bytes.get(i + 1) {
            Some(&n) => match u16::from_be_bytes([b, n]) {
                0xD8A1..=0xD8BA | 0xD981..=0xD98A => 2,
                _ => 0,
            },
            None => 0,
        };
    }
    usize::from(b.is_ascii_alphanumeric())
}

/// Whether the one-byte mark at `i` stands between digits, ASCII or
/// Arabic-Indic (2.7, 21:00, ٢٠:٠٦): part of a number, not punctuation.
fn between_digits(text: &str, i: usize) -> bool {
    let digit = |c: char| c.is_ascii_digit() || ('\u{660}'..='\u{669}').contains(&c);
    text[..i].chars().next_back().is_some_and(digit) && text[i + 1..].chars().next().is_some_and(digit)
}

/// A dot joins two words only between digits (2.7) or before a short
/// dotted suffix (العربية.نت، بي.بي.سي), never at a sentence end.
fn dot_joins(text: &str, dot: usize) -> bool {
    if between_digits(text, dot) {
        return true;
    }
    let before = text[..dot].chars().next_back();
    let mut after = text[dot + 1..].chars();
    match (before, after.clone().next()) {
        (Some(b), Some(a)) if is_word_char(b) && is_word_char(a) => {
            let n = after.by_ref().take_while(|c| is_word_char(*c)).count();
            n <= 3
        }
        _ => false,
    }
}

/// Whether a token ends a sentence: a single . ! ? ؟ (not an ellipsis).
fn ends_sentence(tokens: &[Token], i: usize) -> bool {
    match tokens[i].kind {
        Kind::Punct('!') | Kind::Punct('?') | Kind::Punct('؟') => true,
        Kind::Punct('.') => {
            let prev_dot = i > 0 && tokens[i - 1].is('.') && tokens[i - 1].end == tokens[i].start;
            let next_dot = tokens.get(i + 1).is_some_and(|t| t.is('.') && t.start == tokens[i].end);
            !prev_dot && !next_dot
        }
        _ => false,
    }
}

/// Words up to which an unpunctuated line counts as a headline.
const HEADING_MAX_WORDS: usize = 12;

/// Splits text into tokens, sentences and paragraphs.
pub fn segment(text: &str) -> Segments {
    let mut seg = Segments::default();
    segment_into(text, &mut seg);
    seg
}

/// Segments `text` into `seg`, reusing its buffers.
pub fn segment_into(text: &str, seg: &mut Segments) {
    tokenize_into(text, &mut seg.tokens);
    let tokens = &seg.tokens;
    let sentences = &mut seg.sentences;
    let paragraphs = &mut seg.paragraphs;
    sentences.clear();
    paragraphs.clear();
    // One pass: sentences as their ends come, each paragraph at its break.
    let mut para_start = 0;
    let mut sent_start = 0;
    let mut words = 0;
    for i in 0..=tokens.len() {
        let t = tokens.get(i);
        if t.is_none_or(|t| t.kind == Kind::Break) {
            if i > para_start {
                let p = paragraphs.len();
                let last = tokens[para_start..i]
                    .iter()
                    .rev()
                    .find(|t| !matches!(t.kind, Kind::Punct('"' | '”' | '»' | '\'' | ')')));
                let closed = last.is_some_and(|t| matches!(t.kind, Kind::Punct('.' | '!' | '?' | '؟' | ':' | '،')));
                paragraphs.push(Paragraph {
                    first: para_start,
                    end: i,
                    heading: words <= HEADING_MAX_WORDS && !closed,
                });
                if sent_start < i {
                    sentences.push(Sentence {
                        first: sent_start,
                        end: i,
                        paragraph: p,
                    });
                }
            }
            para_start = i + 1;
            sent_start = i + 1;
            words = 0;
            continue;
        }
        words += usize::from(t.is_some_and(Token::is_word));
        if ends_sentence(tokens, i) {
            // Keep a closing quotation mark with its sentence.
            let mut e = i + 1;
            while e < tokens.len() && matches!(tokens[e].kind, Kind::Punct('"' | '”' | '»' | ')')) && tokens[e].start == tokens[e - 1].end
            {
                e += 1;
            }
            if e > sent_start {
                sentences.push(Sentence {
                    first: sent_start,
                    end: e,
                    paragraph: paragraphs.len(),
                });
            }
            sent_start = e;
        }
    }
    // Sentences built from a closing-quote run can start after their own end
    // only if the loop above skipped; keep them ordered and non-empty.
    sentences.retain(|s| s.first < s.end);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn words(text: &str) -> Vec<String> {
        tokenize(text).iter().map(|t| t.text(text).to_string()).collect()
    }

    #[test]
    fn tokens_keep_numbers_and_dotted_names() {
        let n = normalize("تزيد على 2.7 مليون، قال لـ\"العربية.نت\".");
        assert_eq!(
            words(&n.text),
            ["تزيد", "علي", "2.7", "مليون", "،", "قال", "ل", "\"", "العربيه.نت", "\"", "."]
        );
    }

    #[test]
    fn an_abbreviation_keeps_its_dot_against_the_name() {
        let n = normalize("وأوضح د.ممدوح الثقيل أن الدورة تأتي ضمن منظومة. وقال د. خالد إن");
        assert_eq!(
            words(&n.text),
            [
                "واوضح",
                "د.",
                "ممدوح",
                "الثقيل",
                "ان",
                "الدوره",
                "تاتي",
                "ضمن",
                "منظومه",
                ".",
                "وقال",
                "د.",
                "خالد",
                "ان"
            ]
        );
        assert_eq!(segment(&n.text).sentences.len(), 2);
    }

    #[test]
    fn sentences_split_at_single_dots_not_ellipses() {
        let n = normalize("قد تؤدي إلى عسكرة الأزمة.. والحل العسكري يستبق أي خيار. وتابع: نعم");
        let seg = segment(&n.text);
        assert_eq!(seg.sentences.len(), 2);
    }

    #[test]
    fn short_unpunctuated_lines_are_headings() {
        let n = normalize("قوات “حفظ سلام”\nوالخميس، قالت منظمة معاهدة الأمن الجماعي إنها أرسلت قوات.");
        let seg = segment(&n.text);
        assert_eq!(seg.paragraphs.len(), 2);
        assert!(seg.paragraphs[0].heading);
        assert!(!seg.paragraphs[1].heading);
    }
}
