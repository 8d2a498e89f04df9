//! Scores predicted claims against a gold file, exactly as
//! `shared/eval/score.py` does: token-overlap matching, one-to-one, best first.

use std::collections::{HashMap, HashSet};
use std::io::Read;

/// One row of a gold or prediction CSV (the columns scoring uses).
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub doc_id: String,
    pub claim: String,
    pub speaker: String,
    pub outlet: String,
    pub cue: String,
    pub quote_type: String,
    pub required: bool,
}

/// Reads a gold or prediction CSV (UTF-8, optional BOM).
pub fn read_rows(mut r: impl Read, what: &str) -> Result<Vec<Row>, String> {
    let mut bytes = Vec::new();
    r.read_to_end(&mut bytes).map_err(|e| format!("{what}: {e}"))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers = rdr.headers().map_err(|e| format!("{what}: {e}"))?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    for needed in ["doc_id", "claim", "speaker", "outlet", "cue", "quote_type"] {
        if col(needed).is_none() {
            return Err(format!("{what} lacks column '{needed}'"));
        }
    }
    let idx: Vec<Option<usize>> = ["doc_id", "claim", "speaker", "outlet", "cue", "quote_type", "required"]
        .iter()
        .map(|n| col(n))
        .collect();
    let mut rows = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| format!("{what}, row {}: {e}", i + 2))?;
        let get = |k: usize| idx[k].and_then(|c| rec.get(c)).unwrap_or("").to_string();
        rows.push(Row {
            doc_id: get(0),
            claim: get(1),
            speaker: get(2),
            outlet: get(3),
            cue: get(4),
            quote_type: get(5),
            required: get(6).trim() != "0",
        });
    }
    Ok(rows)
}

fn is_diacritic(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061a}' | '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{06d6}'..='\u{06ed}' | '\u{0640}')
}

/// score.py's normalisation: diacritics out, letters folded, punctuation to spaces.
pub fn norm(text: &str) -> String {
    let mapped: String = text
        .chars()
        .filter(|c| !is_diacritic(*c))
        .map(|c| match c {
            'إ' | 'أ' | 'آ' | 'ٱ' => 'ا',
            'ى' | 'ئ' => 'ي',
            'ة' => 'ه',
            'ؤ' => 'و',
            c if c == '_' || !(c.is_alphanumeric() || c.is_whitespace()) => ' ',
            c => c,
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn tokens(text: &str) -> Vec<String> {
    norm(text).split(' ').filter(|s| !s.is_empty()).map(str::to_string).collect()
}

const TYPE_WORDS: [&str; 10] = [
    "اذاعه",
    "مجله",
    "موقع",
    "صحيفه",
    "جريده",
    "وكاله",
    "قناه",
    "شبكه",
    "تلفزيون",
    "اذاعة",
];

fn name_forms(name: &str) -> HashSet<String> {
    let n = norm(name);
    let mut forms = HashSet::new();
    let parts: Vec<&str> = n.split(' ').filter(|s| !s.is_empty()).collect();
    if parts.len() > 1 && TYPE_WORDS.contains(&parts[0]) {
        forms.insert(parts[1..].join(" "));
    }
    forms.insert(n);
    forms
}

fn accepted(gold_field: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let alts: Vec<&str> = if gold_field.is_empty() {
        vec![""]
    } else {
        gold_field.split('|').collect()
    };
    for a in alts {
        if a.trim().is_empty() {
            out.insert(String::new());
        } else {
            out.extend(name_forms(a));
        }
    }
    out
}

/// Whether a predicted speaker or outlet is one of the gold's accepted answers.
pub fn answer_ok(gold_field: &str, predicted: &str) -> bool {
    let acc = accepted(gold_field);
    name_forms(predicted).iter().any(|f| acc.contains(f))
}

fn overlap_f1(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for t in b {
        *counts.entry(t).or_default() += 1;
    }
    let mut common = 0;
    for t in a {
        if let Some(c) = counts.get_mut(t.as_str())
            && *c > 0
        {
            *c -= 1;
            common += 1;
        }
    }
    if common == 0 {
        return 0.0;
    }
    let (p, r) = (common as f64 / a.len() as f64, common as f64 / b.len() as f64);
    2.0 * p * r / (p + r)
}

/// The figures score.py prints, in its order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
    pub claim_precision: f64,
    pub claim_recall: f64,
    pub claim_f1: f64,
    pub strict_claim_f1: f64,
    pub attribution_precision: f64,
    pub attribution_recall: f64,
    pub attribution_f1: f64,
    pub speaker_accuracy: f64,
    pub outlet_accuracy: f64,
    pub cue_accuracy: f64,
    pub quote_type_accuracy: f64,
}

/// A scoring run: figures plus the error lines `--errors` prints.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub figures: Figures,
    pub errors: Vec<String>,
}

fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

/// Python's repr of a float (1.0, 0.9333).
fn py_float(x: f64) -> String {
    if x.fract() == 0.0 { format!("{x:.1}") } else { format!("{x}") }
}

impl Figures {
    /// The one-line summary, as score.py prints it.
    pub fn summary_line(&self) -> String {
        let f = py_float;
        format!(
            "gold={} predicted={} matched={} claim_precision={} claim_recall={} claim_f1={} strict_claim_f1={} attribution_precision={} attribution_recall={} attribution_f1={} speaker_accuracy={} outlet_accuracy={} cue_accuracy={} quote_type_accuracy={}",
            self.gold,
            self.predicted,
            self.matched,
            f(self.claim_precision),
            f(self.claim_recall),
            f(self.claim_f1),
            f(self.strict_claim_f1),
            f(self.attribution_precision),
            f(self.attribution_recall),
            f(self.attribution_f1),
            f(self.speaker_accuracy),
            f(self.outlet_accuracy),
            f(self.cue_accuracy),
            f(self.quote_type_accuracy)
        )
    }
}

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// Scores `pred` against `gold`.
pub fn score(gold: &[Row], pred: &[Row]) -> Report {
    let gold_docs: HashSet<&str> = gold.iter().map(|g| g.doc_id.as_str()).collect();
    let pred: Vec<&Row> = pred.iter().filter(|p| gold_docs.contains(p.doc_id.as_str())).collect();
    let mut doc_order: Vec<&str> = Vec::new();
    let mut by_doc_g: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, g) in gold.iter().enumerate() {
        by_doc_g.entry(&g.doc_id).or_insert_with(|| {
            doc_order.push(&g.doc_id);
            Vec::new()
        });
        if let Some(v) = by_doc_g.get_mut(g.doc_id.as_str()) {
            v.push(i)
        }
    }
    let mut by_doc_p: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, p) in pred.iter().enumerate() {
        by_doc_p.entry(&p.doc_id).or_default().push(j);
    }
    let gtok: Vec<Vec<String>> = gold.iter().map(|g| tokens(&g.claim)).collect();
    let ptok: Vec<Vec<String>> = pred.iter().map(|p| tokens(&p.claim)).collect();
    let mut pairs = Vec::new();
    for doc in &doc_order {
        for &gi in &by_doc_g[doc] {
            for &pj in by_doc_p.get(doc).map(Vec::as_slice).unwrap_or(&[]) {
                let f = overlap_f1(&ptok[pj], &gtok[gi]);
                if f >= 0.5 {
                    pairs.push((f, gi, pj));
                }
            }
        }
    }
    // Stable, like Python's sort.
    pairs.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
    let mut g_match: HashMap<usize, (usize, f64)> = HashMap::new();
    let mut p_match: HashSet<usize> = HashSet::new();
    let mut g_order = Vec::new();
    for (f, gi, pj) in pairs {
        if g_match.contains_key(&gi) || p_match.contains(&pj) {
            continue;
        }
        g_match.insert(gi, (pj, f));
        g_order.push(gi);
        p_match.insert(pj);
    }
    let tp = g_match.keys().filter(|&&gi| gold[gi].required).count();
    let strict_tp = g_match.iter().filter(|(gi, (_, f))| gold[**gi].required && *f >= 0.9).count();
    let fn_: Vec<usize> = (0..gold.len())
        .filter(|gi| gold[*gi].required && !g_match.contains_key(gi))
        .collect();
    let fp: Vec<usize> = (0..pred.len()).filter(|pj| !p_match.contains(pj)).collect();
    let n_gold = tp + fn_.len();
    let n_pred = tp + fp.len();
    let (mut spk, mut out, mut cue, mut typ) = (0, 0, 0, 0);
    let mut wrong = Vec::new();
    for &gi in &g_order {
        let (pj, _) = g_match[&gi];
        let (g, p) = (&gold[gi], pred[pj]);
        if !g.required {
            continue;
        }
        let s = answer_ok(&g.speaker, &p.speaker);
        let o = answer_ok(&g.outlet, &p.outlet);
        spk += usize::from(s);
        out += usize::from(o);
        cue += usize::from(norm(&g.cue) == norm(&p.cue));
        typ += usize::from(g.quote_type.trim() == p.quote_type.trim());
        if !(s && o) {
            let mut what = Vec::new();
            if !s {
                what.push(format!("speaker '{}' (gold '{}')", p.speaker, g.speaker));
            }
            if !o {
                what.push(format!("outlet '{}' (gold '{}')", p.outlet, g.outlet));
            }
            wrong.push(format!(
                "WRONG       [{}] {}: {}",
                g.doc_id,
                what.join("; "),
                truncate(&g.claim, 80)
            ));
        }
    }
    let prf = |k: usize| {
        let p = if n_pred > 0 { k as f64 / n_pred as f64 } else { 0.0 };
        let r = if n_gold > 0 { k as f64 / n_gold as f64 } else { 0.0 };
        (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
    };
    let acc = |k: usize| if tp > 0 { round4(k as f64 / tp as f64) } else { 0.0 };
    let (cp, cr, cf) = prf(tp);
    let (_, _, sf) = prf(strict_tp);
    let (ap, ar, af) = prf(spk);
    let figures = Figures {
        gold: n_gold,
        predicted: n_pred,
        matched: tp,
        claim_precision: round4(cp),
        claim_recall: round4(cr),
        claim_f1: round4(cf),
        strict_claim_f1: round4(sf),
        attribution_precision: round4(ap),
        attribution_recall: round4(ar),
        attribution_f1: round4(af),
        speaker_accuracy: acc(spk),
        outlet_accuracy: acc(out),
        cue_accuracy: acc(cue),
        quote_type_accuracy: acc(typ),
    };
    let mut errors = Vec::new();
    for gi in fn_ {
        let g = &gold[gi];
        errors.push(format!("MISSED      [{}] {}: {}", g.doc_id, g.speaker, truncate(&g.claim, 120)));
    }
    for pj in fp {
        let p = pred[pj];
        errors.push(format!("FALSE ALARM [{}] {}: {}", p.doc_id, p.speaker, truncate(&p.claim, 120)));
    }
    errors.extend(wrong);
    Report { figures, errors }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_matches_the_reference() {
        assert_eq!(norm("وأكّد: «إنّ المسؤولة»"), "واكد ان المسوولة".replace('ة', "ه"));
        assert!(answer_ok("مجلة فورين بوليسي|", "فورين بوليسي"));
        assert!(answer_ok("سكاي نيوز عربية|", ""));
        assert!(!answer_ok("", "رويترز"));
    }

    #[test]
    fn floats_print_like_python() {
        assert_eq!(py_float(1.0), "1.0");
        assert_eq!(py_float(round4(2.0 / 3.0)), "0.6667");
        assert_eq!(py_float(0.0), "0.0");
    }
}
