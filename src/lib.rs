//! isnad: attributed claims from Arabic news text.
//!
//! Stages, each a pure function: [`read`] → [`decode`] → [`normalize`] →
//! [`segment`] → [`cues`] → [`quotes`] → [`link`] → [`write`]. The
//! [`pipeline`] runs documents in parallel and writes them in input order.

pub mod cues;
pub mod decode;
pub mod error;
pub mod eval;
pub mod link;
pub mod model;
pub mod normalize;
pub mod pipeline;
pub mod quotes;
pub mod read;
pub mod rules;
mod scan;
pub mod segment;
pub mod write;

pub use model::{Claim, Decision, Extraction, QuoteType, Reason, SpeakerType};
pub use rules::Rules;

use normalize::Normalized;
use rules::MarkerClass;
use segment::Segments;

/// Maps byte offsets of `original` to code-point offsets: the offsets a
/// document's claims and decisions need, counted in one pass over the text.
struct CharOffsets {
    bytes: Vec<usize>,
    chars: Vec<usize>,
}

impl CharOffsets {
    fn new(original: &str, mut bytes: Vec<usize>) -> Self {
        bytes.sort_unstable();
        bytes.dedup();
        let mut chars = Vec::with_capacity(bytes.len());
        let (mut at, mut count) = (0, 0);
        for &b in &bytes {
            count += original[at..b].chars().count();
            at = b;
            chars.push(count);
        }
        CharOffsets { bytes, chars }
    }

    /// The code-point offset of `byte`, one of those given to `new`.
    fn of(&self, byte: usize) -> usize {
        self.bytes.binary_search(&byte).map_or(0, |i| self.chars[i])
    }
}

/// Original text of normalised tokens a..b, quotation marks dropped and
/// spaces collapsed; `skip` leading characters of token a are left out.
fn render(original: &str, norm: &Normalized, seg: &Segments, a: usize, b: usize, skip: usize) -> String {
    if a >= b {
        return String::new();
    }
    let t0 = seg.tokens[a];
    let mut start = t0.start as usize;
    for c in norm.text[start..].chars().take(skip) {
        start += c.len_utf8();
    }
    let s = norm.to_original(start);
    let e = norm.to_original(seg.tokens[b - 1].end as usize);
    let raw = &original[s..e.max(s)];
    // Most names need no cleaning: no quotation marks, parentheses
    // (موقع (اليوم السابع)), hashtag marks, bidi controls, NBSP (their UTF-8
    // starts with 0xC2 or 0xE2), ASCII quotes or odd spacing.
    let mut prev = 0;
    let plain = !raw.bytes().any(|b| {
        let double_space = b == b' ' && prev == b' ';
        prev = b;
        double_space || matches!(b, b'"' | b'#' | b'_' | b'(' | b')' | b'\n' | b'\r' | b'\t' | 0xC2 | 0xE2)
    });
    if plain {
        return raw
            .trim_matches(|c: char| c == '،' || c == ',' || c == ':' || c == '.' || c == ' ')
            .to_string();
    }
    let cleaned: String = raw
        .chars()
        .map(|c| {
            if matches!(c, '“' | '”' | '«' | '»' | '"' | '‹' | '›' | '„' | '_' | '(' | ')') || c.is_whitespace() {
                ' '
            } else {
                c
            }
        })
        .filter(|c| !matches!(c, '#' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect();
    let joined = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    joined
        .trim_matches(|c: char| c == '،' || c == ',' || c == ':' || c == '.')
        .trim()
        .to_string()
}

/// Extracts the attributed claims of one decoded document.
///
/// ```
/// let rules = isnad::Rules::embedded();
/// let text = "وقال وزير الخارجية الأردني أيمن الصفدي إن الحل السياسي هو الطريق الوحيد.";
/// let extraction = isnad::extract(text, &rules);
/// let claim = &extraction.claims[0];
/// assert_eq!(claim.speaker, "أيمن الصفدي");
/// assert_eq!(claim.speaker_title, "وزير الخارجية الأردني");
/// assert_eq!(claim.cue, "قال");
/// assert_eq!(claim.claim, "الحل السياسي هو الطريق الوحيد");
/// // Offsets count code points into the text.
/// let chars: Vec<char> = text.chars().collect();
/// assert_eq!(chars[claim.start..claim.end].iter().collect::<String>(), claim.claim);
/// ```
pub fn extract(original: &str, rules: &Rules) -> Extraction {
    extract_with(&mut Scratch::default(), original, rules)
}

/// Buffers that extraction reuses from one document to the next: one per
/// worker, so that a worker allocates its large buffers once.
#[derive(Debug, Default)]
pub struct Scratch {
    norm: Normalized,
    seg: Segments,
}

/// [`extract`] with a worker's reusable buffers. The result does not
/// depend on what the buffers held before.
pub fn extract_with(scratch: &mut Scratch, original: &str, rules: &Rules) -> Extraction {
    normalize::normalize_into(original, &mut scratch.norm);
    let norm = &scratch.norm;
    segment::segment_into(&norm.text, &mut scratch.seg);
    let seg = &scratch.seg;
    let quotes = quotes::pair(seg);
    let raw = |i: usize| written(original, norm, seg, i);
    let found = cues::find_with(&norm.text, seg, &quotes, rules, &raw);
    attribute(original, norm, seg, &found, rules)
}

/// Post-posed markers whose source is the speaker of the claim that opens
/// their span (أعلنت الهيئة أن ...، حسبما أفادت عبر صفحتها): they report
/// that claim again and only name its medium, which goes to the claims
/// inside that have none.
fn restated(linked: &mut [(&cues::Frame, link::Attribution, usize)]) -> Vec<usize> {
    let mut out = Vec::new();
    for o in 0..linked.len() {
        let (f, entity) = (linked[o].0, linked[o].1.entity);
        if f.form.class != MarkerClass::Preposition || f.claim.1 > f.cue.0 {
            continue;
        }
        // The inner marker opens the span, after at most كما or وقد.
        let opens = |g: &cues::Frame| g.cue.0 >= f.claim.0 && g.cue.0 <= f.claim.0 + 2 && g.claim.1 <= f.claim.1;
        if !linked
            .iter()
            .enumerate()
            .any(|(k, (g, a, _))| k != o && a.entity == entity && opens(g))
        {
            continue;
        }
        let outlet = std::mem::take(&mut linked[o].1.outlet);
        for (k, (g, a, _)) in linked.iter_mut().enumerate() {
            if k != o && a.entity == entity && g.cue.0 >= f.claim.0 && g.claim.1 <= f.claim.1 && a.outlet.is_empty() {
                a.outlet.clone_from(&outlet);
            }
        }
        out.push(o);
    }
    out
}

/// Token `i` as written in `original`, before normalisation.
fn written<'a>(original: &'a str, norm: &Normalized, seg: &Segments, i: usize) -> &'a str {
    let t = seg.tokens[i];
    &original[norm.to_original(t.start as usize)..norm.to_original(t.end as usize)]
}

/// The linking stage of [`extract`]: the speaker and outlet of each frame
/// found in `original` (normalised as `norm`, segmented as `seg`), with the
/// claims' offsets and a decision for every marker.
pub fn attribute(original: &str, norm: &Normalized, seg: &Segments, found: &cues::Cues, rules: &Rules) -> Extraction {
    let render_fn = |a: usize, b: usize, skip: usize| render(original, norm, seg, a, b, skip);
    let raw_fn = |i: usize| written(original, norm, seg, i);
    let mut linker = link::Linker::new(&norm.text, seg, rules, &render_fn, &raw_fn);
    let mut out = Extraction::default();
    // The marker's span in original bytes, for the decision kept on it; all
    // offsets become code points at the end, in one pass over the text.
    let cue_span = |(a, b): (usize, usize)| {
        (
            norm.to_original(seg.tokens[a].start as usize),
            norm.to_original(seg.tokens[b - 1].end as usize),
        )
    };

    // Frames and clause-less verbs, in text order: a verb without a claim may
    // still name the speaker of the continuations after it.
    // رأي "opinion" folds like the verb رأى: the letters as written tell
    // the noun, which reports nothing and names no one.
    let noun_at = |i: usize| {
        let w = seg.tokens[i].text(&norm.text);
        rules.marker(w).is_some_and(|m| m.spelled_as_noun(|| raw_fn(i)))
    };
    let mut notes = found.rejected.iter().filter(|r| r.head.is_some() && !noun_at(r.cue.0)).peekable();
    let mut linked = Vec::new();
    for f in found.frames.iter().filter(|f| f.claim.0 < f.claim.1) {
        while let Some(r) = notes.next_if(|r| r.cue.0 < f.cue.0) {
            if let Some(h) = r.head {
                linker.note(r.cue.0, r.sentence, h, r.agreement, r.reason == Reason::Naming);
            }
        }
        let (start, end) = cue_span(f.cue);
        if f.form.spelled_as_noun(|| raw_fn(f.cue.0)) {
            out.decisions.push(Decision {
                start,
                end,
                reason: Reason::OtherSense,
            });
            continue;
        }
        let att = linker.link(f);
        let reason = if att.is_some() { Reason::Claim } else { Reason::NoSpeaker };
        if let Some(att) = att {
            linked.push((f, att, out.decisions.len()));
        }
        out.decisions.push(Decision { start, end, reason });
    }
    let restated = restated(&mut linked);
    for (k, (f, att, decision)) in linked.into_iter().enumerate() {
        if restated.contains(&k) {
            out.decisions[decision].reason = Reason::AlreadyClaimed;
            continue;
        }
        let cue_text = render_fn(f.cue.0, f.cue.1, 0);
        let s_byte = norm.to_original(seg.tokens[f.claim.0].start as usize);
        let e_byte = norm.to_original(seg.tokens[f.claim.1 - 1].end as usize);
        let (speaker, speaker_type, title) = linker.speaker(att.entity);
        out.claims.push(Claim {
            claim_id: 0,
            speaker: speaker.to_string(),
            speaker_type,
            speaker_title: title.to_string(),
            speaker_mention: att.mention.map(|(a, b)| render_fn(a, b, 0)).unwrap_or_default(),
            outlet: att.outlet,
            cue: rules.lemmas[f.form.lemma].clone(),
            cue_text,
            quote_type: f.quote_type,
            claim: original[s_byte..e_byte].to_string(),
            start: s_byte,
            end: e_byte,
        });
    }
    for r in &found.rejected {
        let (start, end) = cue_span(r.cue);
        out.decisions.push(Decision {
            start,
            end,
            reason: r.reason,
        });
    }
    let spans = out
        .claims
        .iter()
        .map(|c| (c.start, c.end))
        .chain(out.decisions.iter().map(|d| (d.start, d.end)));
    let offsets = CharOffsets::new(original, spans.flat_map(|(a, b)| [a, b]).collect());
    for c in &mut out.claims {
        (c.start, c.end) = (offsets.of(c.start), offsets.of(c.end));
    }
    for d in &mut out.decisions {
        (d.start, d.end) = (offsets.of(d.start), offsets.of(d.end));
    }
    out.claims.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    for (i, c) in out.claims.iter_mut().enumerate() {
        c.claim_id = i + 1;
    }
    out.decisions.sort_by_key(|d| d.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The marker under a decision, read back through its span.
    fn marker(text: &str, d: &Decision) -> String {
        text.chars().skip(d.start).take(d.end - d.start).collect()
    }

    #[test]
    fn every_marker_keeps_its_decision_and_span() {
        // ant-news: a negated verb, an impersonal form and a claim.
        let text = "ولم تؤكد الوكالة أن الملك سلمان وافق على زيادة الإنتاج.\nيذكر أن الفريق البافاري يستعد لخوض مباراة العودة.\nوقال المتحدث باسم البيت الأبيض إن الرئيس سيزور المنطقة.";
        let out = extract(text, &Rules::embedded());
        let seen: Vec<(String, Reason)> = out.decisions.iter().map(|d| (marker(text, d), d.reason)).collect();
        assert_eq!(
            seen,
            [
                ("تؤكد".to_string(), Reason::Negated),
                ("يذكر".to_string(), Reason::Impersonal),
                ("وقال".to_string(), Reason::Claim),
            ]
        );
        assert_eq!(out.claims.len(), 1);
        assert_eq!(out.claims[0].cue_text, "وقال");
    }

    #[test]
    fn reused_buffers_do_not_leak_between_documents() {
        let rules = Rules::embedded();
        // A long document with quotes, then a short one without.
        let long = "وقال وزير الخارجية «إن المفاوضات مستمرة» مضيفا أن الوفد سيعود غدا.\nوأكد المتحدث أن الاجتماع انتهى.";
        let short = "قال مسؤول إن الطريق مغلق.";
        let mut scratch = Scratch::default();
        let first = extract_with(&mut scratch, long, &rules);
        let second = extract_with(&mut scratch, short, &rules);
        assert_eq!(first.claims, extract(long, &rules).claims);
        assert_eq!(second.claims, extract(short, &rules).claims);
        assert_eq!(second.decisions, extract(short, &rules).decisions);
        assert_eq!(second.claims.len(), 1);
    }
}
