//! Micro-benchmarks of the hot stages on real articles (the development set),
//! so a regression in one stage shows on its own: `cargo bench`.

use divan::{Bencher, black_box};
use isnad::{Rules, cues, decode, normalize, quotes, segment};

fn main() {
    divan::main();
}

/// The development articles, concatenated into one text per article.
fn articles() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/dev.jsonl");
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["text"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

fn bytes(texts: &[String]) -> u64 {
    texts.iter().map(|t| t.len() as u64).sum()
}

#[divan::bench]
fn decode_utf8(b: Bencher) {
    let texts = articles();
    b.counter(divan::counter::BytesCount::new(bytes(&texts))).bench(|| {
        texts
            .iter()
            .map(|t| decode::decode(black_box(t.as_bytes()), None).map(|s| s.len()).unwrap_or(0))
            .sum::<usize>()
    });
}

#[divan::bench]
fn normalize_text(b: Bencher) {
    let texts = articles();
    b.counter(divan::counter::BytesCount::new(bytes(&texts)))
        .bench(|| texts.iter().map(|t| normalize::normalize(black_box(t)).text.len()).sum::<usize>());
}

#[divan::bench]
fn segment_text(b: Bencher) {
    let norms: Vec<_> = articles().iter().map(|t| normalize::normalize(t)).collect();
    let n: u64 = norms.iter().map(|n| n.text.len() as u64).sum();
    b.counter(divan::counter::BytesCount::new(n)).bench(|| {
        norms
            .iter()
            .map(|n| segment::segment(black_box(&n.text)).tokens.len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn cue_scan(b: Bencher) {
    let rules = Rules::embedded();
    let docs: Vec<_> = articles()
        .iter()
        .map(|t| {
            let n = normalize::normalize(t);
            let s = segment::segment(&n.text);
            let q = quotes::pair(&s);
            (n, s, q)
        })
        .collect();
    let n: u64 = docs.iter().map(|d| d.0.text.len() as u64).sum();
    b.counter(divan::counter::BytesCount::new(n)).bench(|| {
        docs.iter()
            .map(|(n, s, q)| cues::find(black_box(&n.text), s, q, &rules).frames.len())
            .sum::<usize>()
    });
}

/// Linking alone: speakers, outlets and offsets for the frames already found.
#[divan::bench]
fn link_frames(b: Bencher) {
    let rules = Rules::embedded();
    let texts = articles();
    let docs: Vec<_> = texts
        .iter()
        .map(|t| {
            let n = normalize::normalize(t);
            let s = segment::segment(&n.text);
            let q = quotes::pair(&s);
            let c = cues::find(&n.text, &s, &q, &rules);
            (n, s, c)
        })
        .collect();
    b.counter(divan::counter::BytesCount::new(bytes(&texts))).bench(|| {
        texts
            .iter()
            .zip(&docs)
            .map(|(t, (n, s, c))| isnad::attribute(black_box(t), n, s, c, &rules).claims.len())
            .sum::<usize>()
    });
}

/// The whole per-document extraction, linking included.
#[divan::bench]
fn extract_whole(b: Bencher) {
    let rules = Rules::embedded();
    let texts = articles();
    b.counter(divan::counter::BytesCount::new(bytes(&texts))).bench(|| {
        texts
            .iter()
            .map(|t| isnad::extract(black_box(t), &rules).claims.len())
            .sum::<usize>()
    });
}
