//! A fast path for the common JSON line: one flat object whose values are
//! strings, plain numbers, booleans or null, with no escapes in its keys.
//! Whatever it is not sure of it leaves to serde_json, so that the two
//! always give the same fields and the same errors.

/// The id and text fields, as `Fields` gives them; `None` leaves the line
/// to serde_json.
pub(super) fn fields(line: &str, id: &str, text: &str) -> Option<super::Picked> {
    let mut p = Parser {
        s: line,
        b: line.as_bytes(),
        i: 0,
    };
    let (mut id_value, mut text_value) = (None, None);
    p.ws();
    p.eat(b'{')?;
    p.ws();
    if p.peek() == Some(b'}') {
        p.i += 1;
    } else {
        loop {
            let key = p.key()?;
            p.ws();
            p.eat(b':')?;
            p.ws();
            // The text field first, as `Fields` asks; a key seen twice
            // keeps its last value.
            if key == text {
                // The article is most of the line: room for it at once.
                let room = p.b.len() - p.i;
                text_value = Some(if p.peek() == Some(b'"') {
                    Some(p.string(true, room)?)
                } else {
                    p.scalar()?.then_some(None)?
                });
            } else if key == id {
                id_value = match p.peek()? {
                    b'"' => Some(p.string(true, 0)?),
                    b'n' => p.literal(b"null").map(|_| None)?,
                    // serde_json writes other ids its own way.
                    _ => return None,
                };
            } else if p.peek() == Some(b'"') {
                p.string(false, 0)?;
            } else {
                p.scalar()?.then_some(())?;
            }
            p.ws();
            match p.next()? {
                b',' => p.ws(),
                b'}' => break,
                _ => return None,
            }
        }
    }
    p.ws();
    (p.i == p.b.len()).then_some((id_value, text_value))
}

struct Parser<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let c = self.peek()?;
        self.i += 1;
        Some(c)
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        (self.next()? == c).then_some(())
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        self.b[self.i..].starts_with(word).then(|| self.i += word.len())
    }

    /// A key without escapes.
    fn key(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let start = self.i;
        let end = start + crate::scan::string_stop(&self.b[start..]);
        if self.b.get(end) != Some(&b'"') {
            return None;
        }
        self.i = end + 1;
        self.s.get(start..end)
    }

    /// true, false, null or a number of digits with at most a fraction:
    /// `Some(true)` when read, `None` when the line goes to serde_json.
    fn scalar(&mut self) -> Option<bool> {
        for word in [&b"true"[..], b"false", b"null"] {
            if self.literal(word).is_some() {
                return Some(true);
            }
        }
        let digits = |p: &mut Self| {
            let s = p.i;
            while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                p.i += 1;
            }
            p.i - s
        };
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        let first = self.peek()?;
        let n = digits(self);
        // No leading zero, and few enough digits that no reader doubts it.
        if n == 0 || (first == b'0' && n > 1) || n > 15 {
            return None;
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if digits(self) == 0 {
                return None;
            }
        }
        (!matches!(self.peek(), Some(b'e' | b'E'))).then_some(true)
    }

    /// A string value, unescaped when `keep` (else empty), in a string
    /// with room for `room` bytes.
    fn string(&mut self, keep: bool, room: usize) -> Option<String> {
        self.eat(b'"')?;
        let mut out = String::with_capacity(room);
        loop {
            let stop = crate::scan::string_stop(&self.b[self.i..]);
            if keep {
                // The stops are ASCII, so the piece is whole characters.
                out.push_str(self.s.get(self.i..self.i + stop)?);
            }
            self.i += stop;
            match self.next()? {
                b'"' => return Some(out),
                b'\\' => {
                    let c = self.escape()?;
                    if keep {
                        out.push(c);
                    }
                }
                // A control character: serde_json says what is wrong.
                _ => return None,
            }
        }
    }

    fn escape(&mut self) -> Option<char> {
        Some(match self.next()? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hi = self.hex4()?;
                if (0xDC00..0xE000).contains(&hi) {
                    return None;
                }
                if (0xD800..0xDC00).contains(&hi) {
                    self.literal(b"\\u")?;
                    let lo = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&lo) {
                        return None;
                    }
                    char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))?
                } else {
                    char::from_u32(hi)?
                }
            }
            _ => return None,
        })
    }

    fn hex4(&mut self) -> Option<u32> {
        let h = self.b.get(self.i..self.i + 4)?;
        self.i += 4;
        h.iter().try_fold(0, |n, &c| Some(n * 16 + char::from(c).to_digit(16)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::DeserializeSeed;

    fn by_serde(line: &str) -> Option<super::super::Picked> {
        let mut de = serde_json::Deserializer::from_str(line);
        let seed = super::super::Fields { id: "id", text: "text" };
        seed.deserialize(&mut de).and_then(|v| de.end().map(|_| v)).ok()
    }

    /// Where the fast path reads a line, serde_json reads the same fields;
    /// where serde_json fails, the fast path leaves the line to it.
    fn agrees(line: &str) -> bool {
        match fields(line, "id", "text") {
            Some(v) => by_serde(line) == Some(v),
            None => true,
        }
    }

    #[test]
    fn reads_the_dev_articles_as_serde_json_does() {
        let dev = include_str!("../../tests/data/dev.jsonl");
        for line in dev.lines() {
            let fast = fields(line, "id", "text");
            assert!(fast.is_some(), "{}", &line[..80]);
            assert_eq!(fast, by_serde(line));
        }
    }

    #[test]
    fn odd_lines_agree_or_go_to_serde_json() {
        let taken = [
            r#"{"id": "a", "text": "قال: \"نعم\"\nثم\tمضى \/ \\ \u0041\u00e9 \ud83d\ude00"}"#,
            r#" { "text" : "x" , "id" : null , "n": -12.5, "ok": true, "no": false, "z": 0 } "#,
            r#"{"text": 5, "id": "b"}"#,
            r#"{"id": "c"}"#,
            r#"{}"#,
            r#"{"text": "first", "text": "second"}"#,
        ];
        for line in taken {
            assert!(fields(line, "id", "text").is_some(), "{line}");
            assert!(agrees(line), "{line}");
        }
        let left = [
            r#"{"id": 7, "text": "x"}"#,
            r#"{"text": "x", "tags": ["a"]}"#,
            r#"{"text": "x", "meta": {"a": 1}}"#,
            r#"{"te\u0078t": "x"}"#,
            r#"{"text": "\ud800"}"#,
            r#"{"text": "\udc00x"}"#,
            r#"{"text": "a\x01b"}"#,
            "{\"text\": \"a\u{1}b\"}",
            r#"{"text": "x", "n": 01}"#,
            r#"{"text": "x", "n": 1e5}"#,
            r#"{"text": "x", "n": 1.}"#,
            r#"{"text": "x",}"#,
            r#"{"text": "x"} trailing"#,
            r#"{"text": "x""#,
            r#"{"text": "\q"}"#,
            r#"["text"]"#,
        ];
        for line in left {
            assert!(fields(line, "id", "text").is_none(), "{line}");
        }
    }
}
