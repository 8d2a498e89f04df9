//! Quotation marks and claim spans.
//!
//! Pairs quotation marks within each paragraph, and finds where a reported
//! clause ends: the sentence end, a quotation's closing mark, or the next
//! marker that opens a clause of its own.

use rustc_hash::FxHashMap as HashMap;

use crate::rules::{MarkerClass, Rules};
use crate::segment::{Kind, Segments, Sentence};

/// Quotation-mark pairs of a document: opener token → closer token, where
/// `None` means the quotation never closes in its paragraph.
#[derive(Debug, Clone, Default)]
pub struct Quotes {
    pairs: HashMap<usize, Option<usize>>,
    closers: HashMap<usize, usize>,
}

impl Quotes {
    /// The closer of the quotation opened at `tok`: `Some(None)` when it
    /// never closes, `None` when `tok` opens nothing.
    pub fn closer(&self, tok: usize) -> Option<Option<usize>> {
        self.pairs.get(&tok).copied()
    }

    /// For every token, whether it stands inside a quotation (not parentheses).
    pub fn inside(&self, seg: &Segments) -> Vec<bool> {
        let mut inside = vec![false; seg.tokens.len()];
        for (&o, &c) in &self.pairs {
            if seg.tokens[o].is('(') {
                continue;
            }
            let end = c.unwrap_or_else(|| {
                seg.paragraphs
                    .iter()
                    .find(|p| p.first <= o && o < p.end)
                    .map_or(seg.tokens.len(), |p| p.end)
            });
            for flag in &mut inside[o + 1..end] {
                *flag = true;
            }
        }
        inside
    }

    /// The opener of the quotation closed at `tok`.
    pub fn opener(&self, tok: usize) -> Option<usize> {
        self.closers.get(&tok).copied()
    }
}

/// Families of quotation marks: (opening, closing); same char = ASCII style.
const FAMILIES: [(char, char); 5] = [('“', '”'), ('«', '»'), ('‹', '›'), ('"', '"'), ('(', ')')];

/// Pairs the quotation marks of every paragraph.
pub fn pair(seg: &Segments) -> Quotes {
    let mut q = Quotes::default();
    let is_mark = |c: char| FAMILIES.iter().any(|&(o, cl)| c == o || c == cl);
    let mut all = Vec::new();
    let mut marks: Vec<usize> = Vec::new();
    for p in &seg.paragraphs {
        // One pass over the paragraph; most have no marks at all.
        all.clear();
        all.extend((p.first..p.end).filter(|&i| matches!(seg.tokens[i].kind, Kind::Punct(c) if is_mark(c))));
        if all.is_empty() {
            continue;
        }
        for (open, close) in FAMILIES {
            marks.clear();
            marks.extend(
                all.iter()
                    .copied()
                    .filter(|&i| matches!(seg.tokens[i].kind, Kind::Punct(c) if c == open || c == close)),
            );
            if marks.is_empty() {
                continue;
            }
            let is_open = |i: usize| seg.tokens[i].is(open);
            // Well-formed nesting with distinct marks: use a stack.
            let mut stack = Vec::new();
            let mut ok = open != close;
            let mut found = Vec::new();
            if ok {
                let mut strays = 0;
                for &m in &marks {
                    if is_open(m) {
                        stack.push(m);
                    } else if let Some(o) = stack.pop() {
                        found.push((o, Some(m)));
                    } else {
                        strays += 1;
                    }
                }
                // Unclosed openers run to the paragraph end (only the
                // outermost). A closing mark with nothing open is marks used
                // the wrong way round, or a text that lost its opening mark.
                ok = strays == 0 && stack.len() <= 1;
                found.extend(stack.iter().map(|&o| (o, None)));
            }
            if !ok {
                // ASCII quotes, or marks used the wrong way round: pair in order.
                if open == '(' {
                    continue;
                }
                // (Closing marks alone, each glued to the word before it as
                // a closing mark is, stay unpaired: الكارثة»، ... الحياة».
                // Closing marks with a space after them open: ” تم اختراق.)
                let closers_only = open != close && marks.iter().all(|&m| !is_open(m) && glued_to_word(seg, m));
                found = match ascii_by_spacing(seg, &marks) {
                    Some(pairs) => pairs,
                    None if closers_only => Vec::new(),
                    None => marks.chunks(2).map(|ch| (ch[0], ch.get(1).copied())).collect(),
                };
            }
            for (o, c) in found {
                q.pairs.insert(o, c);
                if let Some(c) = c {
                    q.closers.insert(c, o);
                }
            }
        }
    }
    q
}

/// Whether the mark at `m` is glued to the word before it, as a closing
/// mark is.
fn glued_to_word(seg: &Segments, m: usize) -> bool {
    m > 0 && seg.tokens[m - 1].is_word() && seg.tokens[m - 1].end == seg.tokens[m].start
}

/// Pairs same-character marks (") by their spacing: a mark with a space
/// before and a letter after opens, one glued to the word before closes.
/// `None` when the spacing is ambiguous or does not nest; pairing in order
/// is the fallback then.
fn ascii_by_spacing(seg: &Segments, marks: &[usize]) -> Option<Vec<(usize, Option<usize>)>> {
    let toks = &seg.tokens;
    let mut stack = Vec::new();
    let mut pairs = Vec::new();
    for &m in marks {
        let space_after = m + 1 >= toks.len() || toks[m + 1].start > toks[m].end || toks[m + 1].kind == Kind::Break;
        match (!glued_to_word(seg, m), space_after) {
            (true, false) => stack.push(m),
            (false, _) => pairs.push((stack.pop()?, Some(m))),
            (true, true) => return None,
        }
    }
    if stack.len() > 1 {
        return None;
    }
    pairs.extend(stack.into_iter().map(|o| (o, None)));
    Some(pairs)
}

/// Whether the token is a quotation mark (not a parenthesis).
pub fn is_quote_mark(kind: Kind) -> bool {
    matches!(kind, Kind::Punct('“' | '”' | '«' | '»' | '‹' | '›' | '"'))
}

/// Where a reported clause that starts at token `start` ends (exclusive):
/// at the sentence end, past any quotation it opens, or before ", marker".
pub fn clause_end(text: &str, seg: &Segments, quotes: &Quotes, rules: &Rules, sent: &Sentence, para_end: usize, start: usize) -> usize {
    let toks = &seg.tokens;
    let word = |j: usize| toks.get(j).filter(|t| t.is_word()).map(|t| t.text(text));
    let complementizer = |j: usize| word(j).is_some_and(|c| rules.is_complementizer(c));
    let mut end = sent.end;
    let mut k = start;
    while k < end {
        if let Some(c) = quotes.closer(k) {
            let c = c.unwrap_or(para_end.saturating_sub(1));
            if c >= end {
                // A quotation that runs past the sentence: the clause runs to
                // its closing mark, then to the end of that sentence.
                end = sentence_end_after(seg, c, para_end);
            }
            k = c + 1;
            continue;
        }
        // ... لم يعبر الحدود واعتبرت أنها محاولة، ... ليست مشكلة لافتا إلى أن:
        // a و-verb or a participle that reports with its own complementizer
        // (the participle also across a bridge) starts the next claim, comma
        // or not.
        if k > start + 1
            && let Some(w) = word(k)
            && let Some(f) = rules.marker(w)
            && match f.class {
                // (... في بيزيي وتساءلت: لماذا: or its colon.)
                MarkerClass::Verb => w.starts_with('و') && (complementizer(k + 1) || toks.get(k + 1).is_some_and(|t| t.is(':'))),
                MarkerClass::Participle => {
                    complementizer(k + 1) || word(k + 1).is_some_and(|b| rules.is_bridge(b)) && complementizer(k + 2)
                }
                _ => false,
            }
        {
            return k;
        }
        if toks[k].is('،') && k > start {
            let mut n = k + 1;
            if n < end && toks[n].is_word() && toks[n].text(text) == "و" {
                n += 1;
            }
            // ، فيما تقول أخرى: another source's report starts there; a
            // look-alike-prone verb does only with its clause (بينما نقل
            // ابنه إلى المستشفى is no report, فيما ذكر 23 بالمئة أن is).
            let words = toks[n.min(end)..end].iter().map_while(|t| t.is_word().then(|| t.text(text)));
            let conjunction = rules.conjunction_at(words);
            n += conjunction.unwrap_or(0);
            let conjunction = conjunction.is_some();
            let next = toks.get(n + 1).filter(|t| t.is_word()).map(|t| t.text(text));
            let clause_follows =
                || (n + 1..(n + 8).min(end)).any(|j| toks[j].is(':') || toks[j].is_word() && rules.is_complementizer(toks[j].text(text)));
            // ، نقل "كامل الوفد إلى مدينة ...": nor does one whose next
            // words show its other sense.
            let other_sense = |f: &crate::rules::MarkerForm| {
                (n + 1..(n + 8).min(end))
                    .filter(|&j| toks[j].is_word())
                    .map(|j| toks[j].text(text))
                    .any(|w| f.has_other_sense(w))
            };
            // (Not a form a noun folds to, spelt apart in the article only,
            // with no clause after it: منذ عام 1981، إبان الحقبة السوفياتية.)
            if n < end
                && toks[n].is_word()
                && rules.marker(toks[n].text(text)).is_some_and(|f| {
                    f.class != MarkerClass::Subject
                        && (f.noun_spellings.is_empty()
                            || clause_follows()
                            || !f.noun_spellings.iter().any(|s| crate::normalize::fold_str(s) == toks[n].text(text)))
                        && f.can_report(next)
                        && !(f.needs_clause && !clause_follows() && (conjunction || other_sense(f)))
                })
            {
                return k;
            }
            // ، بل وألمح أن: "and even hinted", the same speaker's next claim
            // (، بل تتوقع منها أن without و goes on with the one before).
            if word(k + 1) == Some("بل")
                && word(k + 2).is_some_and(|w| w.starts_with('و') && rules.marker(w).is_some_and(|f| f.class == MarkerClass::Verb))
            {
                return k;
            }
            // ، بيد أن شبكة سي أن أن أفادت أن / ، إلا أن الوزارة قالت إن: a
            // contrast whose subject reports with its own clause.
            if matches!(word(k + 1), Some("بيد" | "الا" | "غير")) && word(k + 2) == Some("ان") {
                let reports = (k + 4..(k + 9).min(end)).take_while(|&j| !toks[j].is('،')).any(|j| {
                    word(j).is_some_and(|w| rules.marker(w).is_some_and(|f| f.class == MarkerClass::Verb) && complementizer(j + 1))
                });
                if reports {
                    return k;
                }
            }
        }
        k += 1;
    }
    end
}

/// The end (exclusive) of the sentence containing token `tok`.
fn sentence_end_after(seg: &Segments, tok: usize, para_end: usize) -> usize {
    // Sentences are in text order: find the first that ends after `tok`.
    let i = seg.sentences.partition_point(|s| s.end <= tok);
    seg.sentences
        .get(i)
        .filter(|s| s.first <= tok)
        .map_or(para_end, |s| s.end)
        .min(para_end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;
    use crate::segment::segment;

    fn pairs(text: &str) -> Vec<(String, Option<String>)> {
        let n = normalize(text);
        let seg = segment(&n.text);
        let q = pair(&seg);
        let mut out: Vec<_> = q.pairs.iter().map(|(&o, &c)| (o, c)).collect();
        out.sort();
        out.into_iter()
            .map(|(o, c)| {
                (
                    seg.tokens[o].text(&n.text).to_string(),
                    c.map(|c| seg.tokens[c].text(&n.text).to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn typographic_and_ascii_marks_pair_within_a_paragraph() {
        let p = pairs("وقال ليبرمان \"القناص يستحق وسام شرف\" ووصف الجيش بأنه \"هو الجيش الأخلاقي\".");
        assert_eq!(p, [("\"".into(), Some("\"".into())), ("\"".into(), Some("\"".into()))]);
        let p = pairs("قال زعيم «حزب الله» إن إيران»ستفحم» منتقدين.");
        assert_eq!(p.len(), 2, "{p:?}");
    }

    #[test]
    fn an_unclosed_quotation_runs_to_the_paragraph_end() {
        let p = pairs("وأردف قائلا: \"سنلعب والسكين بين أسناننا، سنهاجم باستمرار.");
        assert_eq!(p, [("\"".into(), None)]);
    }
}
