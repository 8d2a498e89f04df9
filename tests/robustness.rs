//! Arbitrary bytes, in every supported format, never make isnad panic: each
//! input either yields records or failures.

use std::fs;
use std::io::Write;

use isnad::read::{self, ReadConfig, Source};

/// A small deterministic generator, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces that steer the parsers into their interesting paths.
const PIECES: &[&str] = &[
    "قال",
    "وقالت",
    "إن",
    "أن",
    "بأن",
    "وفق",
    "ووفقا لـ",
    "حسب",
    "حسبما ذكرت",
    "وأضاف",
    "مشيرا إلى أن",
    "نقلا عن",
    "على لسان",
    "الوزير",
    "وكالة",
    "رويترز",
    "\"",
    "“",
    "”",
    "«",
    "»",
    "(",
    ")",
    ":",
    "،",
    ",",
    ".",
    "..",
    "\n",
    "\r\n",
    " ",
    "&quot;",
    "&#",
    "\u{200F}",
    "\u{0640}",
    "\u{064E}",
    "\u{FEDF}",
    "<DOC>",
    "</DOC>",
    "<TEXT>",
    "</TEXT>",
    "<DOCNO>",
    "{\"id\":",
    "\"text\":",
    "}",
    "\u{0}",
    "\u{FFFD}",
    "ـ",
    "لل",
    "وفي تصريح لـ",
];

fn soup(rng: &mut Rng, len: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for _ in 0..len {
        match rng.below(4) {
            0 => out.push(rng.next() as u8),
            _ => out.extend_from_slice(PIECES[rng.below(PIECES.len())].as_bytes()),
        }
    }
    out
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

#[test]
fn arbitrary_bytes_in_every_format_never_panic() {
    let rules = isnad::Rules::embedded();
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut records = 0;
    for i in 0..3000 {
        let len = rng.below(300);
        let body = soup(&mut rng, len);
        let (name, bytes) = match i % 7 {
            0 => ("a.txt", body.clone()),
            1 => ("a.jsonl", body.clone()),
            2 => ("a.csv", body.clone()),
            3 => ("a.sgml", body.clone()),
            4 => ("a.jsonl.gz", gz(&body)),
            5 => ("a.txt.gz", {
                let mut g = gz(&body);
                g.truncate(rng.below(g.len() + 1));
                g
            }),
            _ => ("a.txt.zst", zstd::encode_all(&body[..], 1).unwrap()),
        };
        let path = dir.path().join(name);
        fs::write(&path, &bytes).unwrap();
        let src = Source {
            path: Some(path),
            base: None,
        };
        for rec in read::read_source(src, ReadConfig::default()) {
            records += 1;
            if let Ok(text) = &rec.body {
                let ex = isnad::extract(text, &rules);
                let chars: Vec<char> = text.chars().collect();
                for c in ex.claims {
                    assert!(c.start < c.end && c.end <= chars.len());
                    assert_eq!(chars[c.start..c.end].iter().collect::<String>(), c.claim);
                }
            } else {
                assert!(!rec.body.as_ref().unwrap_err().is_empty());
            }
        }
    }
    assert!(records >= 3000);
}

#[test]
fn arbitrary_text_never_panics_the_extractor() {
    let rules = isnad::Rules::embedded();
    let mut rng = Rng(42);
    let mut claims = 0;
    for _ in 0..20000 {
        let len = rng.below(120);
        let text = String::from_utf8_lossy(&soup(&mut rng, len)).into_owned();
        claims += isnad::extract(&text, &rules).claims.len();
    }
    // The soup is made of markers and quotation marks: some must become claims.
    assert!(claims > 1000, "{claims}");
}

#[test]
fn deferred_json_lines_parse_to_the_same_records() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut files = vec![std::path::PathBuf::from("tests/data/dev.jsonl")];
    for i in 0..200 {
        let len = rng.below(300);
        let mut body = soup(&mut rng, len);
        // Lines that are JSON, or nearly.
        body.extend_from_slice(b"\n{\"id\": 7, \"text\": \"\\u0642\\u0627\\u0644 \\\"x\\\"\"}\n{\"text\": 3}\n{\"id\": \"a\"}\n");
        let path = dir.path().join(format!("s{i}.jsonl"));
        fs::write(&path, &body).unwrap();
        files.push(path);
    }
    for path in files {
        let src = || Source {
            path: Some(path.clone()),
            base: None,
        };
        let eager: Vec<_> = read::read_source(src(), ReadConfig::default()).collect();
        let deferred = ReadConfig {
            defer_json: true,
            ..ReadConfig::default()
        };
        let late: Vec<_> = read::read_source(src(), deferred)
            .map(|mut r| {
                r.parse();
                r
            })
            .collect();
        assert_eq!(eager.len(), late.len(), "{}", path.display());
        for (a, b) in eager.iter().zip(&late) {
            assert_eq!(
                (&a.location, &a.doc_id, &a.body),
                (&b.location, &b.doc_id, &b.body),
                "{}",
                path.display()
            );
        }
    }
}
