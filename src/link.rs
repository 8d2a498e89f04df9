//! Links each frame to its speaker, title and outlet.
//!
//! Reads the source words of a frame (title, name, outlet), resolves short
//! names, descriptions (المجلة، الوزير) and bare continuations (وأضاف) to
//! the speakers the document introduced, and keeps each speaker's outlet.

use std::borrow::Cow;

use crate::cues::Frame;
use crate::model::SpeakerType;
use crate::rules::{Agreement, MarkerClass, Rules};
use crate::segment::{Kind, Segments};

/// A source the document has introduced.
#[derive(Debug, Clone)]
struct Entity {
    name: String,
    key: Vec<String>,
    kind: SpeakerType,
    title: String,
    title_key: Vec<String>,
    agreement: Agreement,
    outlet: String,
}

/// The attribution of one frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub speaker: String,
    pub speaker_type: SpeakerType,
    pub speaker_title: String,
    /// Token range of the words naming the speaker in this sentence.
    pub mention: Option<(usize, usize)>,
    pub outlet: String,
}

/// What the source words of a frame say.
#[derive(Debug, Default)]
struct Head {
    np: Option<(usize, usize)>,
    appos: Option<(usize, usize)>,
    outlet: Option<(usize, usize)>,
    /// An explicit "from the other side" (نقلت وكالة X عن Y): X is the outlet.
    via_outlet: Option<(usize, usize)>,
}

/// Per-document linking state. Create one per document.
pub struct Linker<'a> {
    text: &'a str,
    seg: &'a Segments,
    rules: &'a Rules,
    /// Renders a token range as original text (quotation marks removed).
    render: &'a dyn Fn(usize, usize, usize) -> String,
    entities: Vec<Entity>,
    /// The token whose leading ل is not part of the source (set per frame).
    lam: Option<usize>,
    /// Entity indices of past speakers, most recent last.
    history: Vec<usize>,
}

fn definite(w: &str) -> bool {
    w.starts_with("ال") || w.starts_with("بال") || w.starts_with("لل") || w.starts_with("وال") || w.starts_with("كال") || w.starts_with("فال")
}

fn bare(w: &str) -> &str {
    w.strip_prefix("ال").unwrap_or(w)
}

fn compatible(a: Agreement, b: Agreement) -> bool {
    a == Agreement::Unknown || b == Agreement::Unknown || a == b
}

impl<'a> Linker<'a> {
    /// A linker for one document. `render(a, b, skip)` returns the original
    /// text of tokens a..b, skipping `skip` leading characters of token a.
    pub fn new(text: &'a str, seg: &'a Segments, rules: &'a Rules, render: &'a dyn Fn(usize, usize, usize) -> String) -> Self {
        Linker { text, seg, rules, render, entities: Vec::new(), lam: None, history: Vec::new() }
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.seg.tokens.get(i)?;
        t.is_word().then(|| t.text(self.text))
    }

    /// The word at `i` as the source reads, without the ل that introduces
    /// a prepositional marker's source (وفقا للمادة → المادة).
    fn word_at(&self, i: usize) -> Option<Cow<'a, str>> {
        let w = self.word(i)?;
        if self.lam != Some(i) {
            return Some(Cow::Borrowed(w));
        }
        Some(match self.strip_lam(w) {
            Some(rest) if w.starts_with("لل") => Cow::Owned(format!("ا{rest}")),
            Some(rest) => Cow::Borrowed(rest),
            None => Cow::Borrowed(w),
        })
    }

    fn words(&self, (a, b): (usize, usize)) -> Vec<Cow<'a, str>> {
        (a..b).filter_map(|i| self.word_at(i)).collect()
    }

    /// Original text of a range, honouring a stripped ل.
    fn show(&self, (a, b): (usize, usize)) -> String {
        if self.lam == Some(a) { self.render_stripped((a, b)) } else { (self.render)(a, b, 0) }
    }

    /// Words of a range as folded strings, for keys.
    fn key(&self, r: (usize, usize)) -> Vec<String> {
        self.words(r).into_iter().map(Cow::into_owned).collect()
    }

    /// Splits the source words into noun phrase, apposition and outlet.
    fn read_head(&self, (a, b): (usize, usize), nql: bool) -> Head {
        let mut head = Head::default();
        // نقلت وكالة X عن Y قوله: X is the outlet, Y the speaker.
        let mut a = a;
        if nql {
            if let Some(an) = (a..b).find(|&i| self.word(i) == Some("عن")) {
                if an > a {
                    head.via_outlet = Some(self.trim_range((a, an)));
                }
                a = an + 1;
            }
        }
        let mut seg_start = a;
        let mut i = a;
        while i <= b {
            let boundary = i == b || self.seg.tokens[i].is('،');
            if boundary {
                if seg_start < i {
                    self.read_segment((seg_start, i), &mut head);
                }
                seg_start = i + 1;
            }
            i += 1;
        }
        head
    }

    fn trim_range(&self, (mut a, mut b): (usize, usize)) -> (usize, usize) {
        while a < b && !self.seg.tokens[a].is_word() && !self.is_opener(a) {
            a += 1;
        }
        while b > a && !self.seg.tokens[b - 1].is_word() && !self.is_closer(b - 1) {
            b -= 1;
        }
        (a, b)
    }

    fn is_opener(&self, i: usize) -> bool {
        matches!(self.seg.tokens[i].kind, Kind::Punct('“' | '«' | '"' | '‹'))
    }

    fn is_closer(&self, i: usize) -> bool {
        matches!(self.seg.tokens[i].kind, Kind::Punct('”' | '»' | '"' | '›'))
    }

    /// Reads one comma-separated piece of the source words.
    fn read_segment(&self, (a, b): (usize, usize), head: &mut Head) {
        let mut i = a;
        // من جهته، بدوره: the piece only points back.
        let ws = self.words((a, b));
        if let Some(n) = self.rules.anaphora_at(ws.iter().map(|w| w.as_ref())) {
            if n == ws.len() {
                return;
            }
        }
        // Leading time words (الخميس، اليوم).
        while i < b && self.word(i).is_some_and(|w| self.rules.cuts_before(w) && !self.rules.is_via(w)) && self.word(i) != Some("في") {
            i += 1;
        }
        let np_start = i;
        let mut np_end = b;
        let mut k = i;
        while k < b {
            let t = self.seg.tokens[k];
            if let Some(w) = self.word(k) {
                if let Some(o) = self.outlet_at(k, b) {
                    if head.outlet.is_none() {
                        head.outlet = Some(o);
                    }
                    np_end = np_end.min(k);
                    k = o.1;
                    continue;
                }
                if k > np_start && (self.rules.cuts_before(w) || self.rules.is_via(w)) && !self.keeps_place(k, np_start) {
                    np_end = np_end.min(k);
                }
                if w == "ل" || w == "له" || w == "لها" || w == "لهم" {
                    np_end = np_end.min(k);
                }
            } else if t.is('(') {
                np_end = np_end.min(k);
            }
            k += 1;
        }
        let np = self.trim_range((np_start, np_end.max(np_start)));
        if np.0 >= np.1 || self.words(np).is_empty() {
            return;
        }
        if head.np.is_none() {
            head.np = Some(np);
        } else if head.appos.is_none() {
            head.appos = Some(np);
        }
    }

    /// "في <place>" stays in an organisation's name (القنصلية السعودية في إسطنبول).
    fn keeps_place(&self, k: usize, np_start: usize) -> bool {
        self.word(k) == Some("في")
            && self.word(np_start).is_some_and(|w| self.rules.organization_at(std::iter::once(w)).is_some())
            && self.rules.place_at((k + 1..k + 4).filter_map(|x| self.word(x))).is_some()
    }

    /// An outlet phrase introduced at token `k` (لموقع X، لـ بي بي سي، عبر تويتر، مع قناة X).
    fn outlet_at(&self, k: usize, b: usize) -> Option<(usize, usize)> {
        let w = self.word(k)?;
        let (start, lead) = if w == "ل" || self.rules.is_via(w) {
            (k + 1, true)
        } else {
            (k, false)
        };
        let first = self.word(start).or_else(|| {
            // لـ"العربية.نت": a quotation right after the preposition.
            self.is_opener(start).then(|| self.word(start + 1)).flatten()
        })?;
        let start = if self.word(start).is_none() { start + 1 } else { start };
        let stripped = |w: &'a str| -> &'a str {
            if !lead {
                if let Some(r) = w.strip_prefix('ل') {
                    return r;
                }
            }
            w
        };
        let f = stripped(first);
        if !lead && f.len() == first.len() {
            return None; // an outlet here must be introduced by ل، لـ، عبر، مع
        }
        let words_from = |s: usize| (s..b).filter_map(|x| self.word(x)).collect::<Vec<_>>();
        let mut ws = words_from(start);
        if ws.is_empty() {
            return None;
        }
        ws[0] = f;
        let with_al = format!("ال{}", f.strip_prefix('ل').unwrap_or(f));
        if let Some(n) = self.rules.outlet_name_at(ws.iter().copied()) {
            return Some((start, self.nth_word_end(start, n, b)));
        }
        if self.rules.is_outlet_type(f) || (f.starts_with('ل') && self.rules.is_outlet_type(&with_al)) {
            // Type word plus its name: up to 4 words, quotations included.
            let mut e = start + 1;
            let mut n = 0;
            while e < b && n < 4 {
                if let Some(x) = self.word(e) {
                    if self.rules.cuts_before(x) || self.rules.is_complementizer(x) {
                        break;
                    }
                    n += 1;
                } else if !(self.is_opener(e) || self.is_closer(e)) {
                    break;
                }
                e += 1;
            }
            return Some((start, e));
        }
        None
    }

    fn nth_word_end(&self, start: usize, n: usize, b: usize) -> usize {
        let mut seen = 0;
        for x in start..b {
            if self.word(x).is_some() {
                seen += 1;
                if seen == n {
                    return x + 1;
                }
            }
        }
        b
    }

    /// Renders a range, dropping a leading ل that only introduces it
    /// (لموقع → موقع، للمادة → المادة).
    fn render_stripped(&self, (a, b): (usize, usize)) -> String {
        let w = self.word(a).unwrap_or_default();
        match self.strip_lam(w) {
            Some(_) if w.starts_with("لل") => format!("ال{}", (self.render)(a, b, 2)),
            Some(_) => (self.render)(a, b, 1),
            None => (self.render)(a, b, 0),
        }
    }

    /// The word without a leading ل that introduces it (لموقع → موقع;
    /// للمادة → لمادة, which callers read as المادة).
    fn strip_lam<'w>(&self, w: &'w str) -> Option<&'w str> {
        let rest = w.strip_prefix('ل')?;
        if rest.chars().count() < 2 {
            return None;
        }
        if rest.starts_with('ل') {
            return Some(rest);
        }
        let r = self.rules;
        let known = r.is_outlet_type(rest) || r.outlet_name_at(std::iter::once(rest)).is_some() || r.is_document(rest) || r.is_title(rest) || r.is_unnamed(rest) || r.organization_at(std::iter::once(rest)).is_some();
        known.then_some(rest)
    }

    /// Where a person's name starts inside a noun phrase, if it has one.
    fn name_start(&self, np: (usize, usize)) -> Option<usize> {
        let idx: Vec<usize> = (np.0..np.1).filter(|&i| self.word(i).is_some()).collect();
        let at = |x: usize| self.word_at(x).unwrap_or_default();
        let mut k = 0;
        let mut after_head = false; // the previous word was an indefinite role or description word
        while k < idx.len() {
            let wc = at(idx[k]);
            let w = wc.as_ref();
            if self.rules.is_title(w) || self.rules.is_unnamed(w) || self.rules.organization_at(std::iter::once(w)).is_some() {
                after_head = !definite(w);
                k += 1;
                continue;
            }
            if definite(w) || w.chars().all(|c| c.is_ascii_digit()) {
                after_head = false;
                k += 1;
                continue;
            }
            if self.rules.is_preposition(w) {
                k += 2;
                after_head = false;
                continue;
            }
            if let Some(n) = self.rules.place_at(idx[k..].iter().filter_map(|&x| self.word(x))) {
                k += n;
                after_head = false;
                continue;
            }
            if after_head {
                // وزير خارجية قطر، مصدر أمني: a complement or adjective.
                after_head = w.ends_with('ي') || w.ends_with("يه");
                k += 1;
                continue;
            }
            if self.rules.is_particle(w) && k + 1 < idx.len() {
                return Some(idx[k]);
            }
            return Some(idx[k]);
        }
        None
    }

    fn kind_of(&self, np: (usize, usize)) -> SpeakerType {
        let ws = self.words(np);
        let it = || ws.iter().map(|w| w.as_ref());
        let Some(first) = it().next() else { return SpeakerType::Unnamed };
        if self.rules.is_outlet_type(first) || self.rules.outlet_name_at(it()).is_some_and(|n| n == ws.len()) {
            return SpeakerType::Outlet;
        }
        if self.rules.organization_at(it()).is_some() {
            return SpeakerType::Organization;
        }
        if self.rules.is_document(first) {
            return SpeakerType::Document;
        }
        if self.rules.place_at(it()).is_some_and(|n| n == ws.len()) {
            return SpeakerType::Organization;
        }
        if self.rules.is_unnamed(first) || self.rules.is_title(first) || definite(first) {
            return SpeakerType::Unnamed;
        }
        SpeakerType::Person
    }

    /// Attributes one frame.
    pub fn link(&mut self, f: &Frame) -> Option<Attribution> {
        let nql = self.rules.lemmas[f.form.lemma] == "نقل";
        self.lam = None;
        let head = self.read_head(f.head, nql);
        if f.form.class == MarkerClass::Preposition {
            // وفقا للمادة، وفقا لـ X: the ل belongs to the marker.
            if let Some(np) = head.np {
                self.lam = self.word(np.0).and_then(|w| self.strip_lam(w)).map(|_| np.0);
            }
        }
        let outlet_here = head.outlet.or(head.via_outlet).map(|r| self.render_stripped(r));
        let agreement = f.form.agreement;
        let mut np = head.np;
        if f.form.object_first && head.appos.is_none() {
            np = None; // ووصف X بأنه: X is the object
        }
        if f.form.class == MarkerClass::Participle {
            np = None;
        }
        let (ent, mention) = match np {
            None => (self.continuation(agreement)?, None),
            Some(np) => {
                let e = self.resolve(np, head.appos, agreement);
                (e, Some((np.0, head.appos.map_or(np.1, |a| a.1))))
            }
        };
        if let Some(o) = &outlet_here {
            self.entities[ent].outlet = o.clone();
        }
        if self.entities[ent].agreement == Agreement::Unknown {
            self.entities[ent].agreement = agreement;
        }
        self.history.retain(|&h| h != ent);
        self.history.push(ent);
        let e = &self.entities[ent];
        let outlet = if e.kind == SpeakerType::Outlet && outlet_here.is_none() { e.name.clone() } else { e.outlet.clone() };
        Some(Attribution { speaker: e.name.clone(), speaker_type: e.kind, speaker_title: e.title.clone(), mention, outlet })
    }

    fn continuation(&self, agreement: Agreement) -> Option<usize> {
        self.history
            .iter()
            .rev()
            .find(|&&h| compatible(self.entities[h].agreement, agreement))
            .or(self.history.last())
            .copied()
    }

    /// Resolves a noun phrase to an entity, creating one when it is new.
    fn resolve(&mut self, np: (usize, usize), appos: Option<(usize, usize)>, agreement: Agreement) -> usize {
        let mut kind = self.kind_of(np);
        let mut name_range = None;
        let mut title_range = None;
        if matches!(kind, SpeakerType::Person | SpeakerType::Unnamed) {
            if let Some(s) = self.name_start(np) {
                name_range = Some((s, np.1));
                title_range = (s > np.0).then_some((np.0, s));
                kind = SpeakerType::Person;
            } else if let Some(ap) = appos.filter(|&ap| self.name_start(ap) == Some(ap.0)) {
                name_range = Some(ap);
                title_range = Some(np);
                kind = SpeakerType::Person;
            }
        }
        let agreement_ok = |e: &Entity| compatible(e.agreement, agreement);
        match name_range {
            Some(nr) => {
                let key = self.key(nr);
                // A known person whose name contains these words (فهمي → طارق فهمي).
                if let Some(i) = self.find_entity(|e| e.kind == SpeakerType::Person && contains_seq(&e.key, &key)) {
                    if let Some(t) = title_range {
                        if self.entities[i].title.is_empty() {
                            self.entities[i].title = self.clean_title(t);
                        }
                    }
                    return i;
                }
                let (name, key) = match self.expand_name(nr) {
                    Some(full) => ((self.render)(full.0, full.1, 0), self.key(full)),
                    None => (self.show(nr), key),
                };
                let title = title_range.map(|t| self.clean_title(t)).unwrap_or_default();
                let title_key = title_range.map(|t| self.key(t)).unwrap_or_default();
                self.add(Entity { name, key, kind, title, title_key, agreement, outlet: String::new() })
            }
            None => {
                let key = self.key(np);
                if let Some(i) = self.find_entity(|e| e.key == key) {
                    return i;
                }
                // A description pointing back (المجلة، الوزير، الجيش).
                if key.len() <= 2 && key.first().is_some_and(|w| definite(w)) {
                    let head = bare(&key[0]).to_string();
                    if let Some(i) = self.find_entity(|e| {
                        agreement_ok(e) && (e.key.iter().any(|w| bare(w) == head) || e.title_key.iter().any(|w| bare(w) == head))
                    }) {
                        return i;
                    }
                }
                let name = self.show(np);
                self.add(Entity { name, key, kind, title: String::new(), title_key: Vec::new(), agreement, outlet: String::new() })
            }
        }
    }

    fn clean_title(&self, (a, b): (usize, usize)) -> String {
        let (a, b) = self.trim_range((a, b));
        self.show((a, b))
    }

    fn find_entity(&self, pred: impl Fn(&Entity) -> bool) -> Option<usize> {
        // Most recent speakers first, then every other known entity.
        self.history.iter().rev().copied().chain((0..self.entities.len()).rev()).find(|&i| pred(&self.entities[i]))
    }

    fn add(&mut self, e: Entity) -> usize {
        self.entities.push(e);
        self.entities.len() - 1
    }

    /// A fuller form of a one-word name introduced earlier in the text
    /// (ليبرمان → أفيغدور ليبرمان).
    fn expand_name(&self, nr: (usize, usize)) -> Option<(usize, usize)> {
        let ws = self.words(nr);
        if ws.len() != 1 {
            return None;
        }
        let target = ws[0].as_ref();
        for p in 0..nr.0 {
            if self.word(p) != Some(target) {
                continue;
            }
            let mut q = p;
            while q > 0 && p - q < 3 {
                let Some(w) = self.word(q - 1) else { break };
                if !self.name_like(w) {
                    break;
                }
                q -= 1;
            }
            if q < p {
                return Some((q, p + 1));
            }
        }
        None
    }

    fn name_like(&self, w: &str) -> bool {
        let r = self.rules;
        !(definite(w) && !r.is_particle(w))
            && !w.starts_with('و')
            && w.chars().count() > 1
            && r.marker(w).is_none()
            && !r.is_title(w)
            && !r.is_unnamed(w)
            && !r.cuts_before(w)
            && !r.is_preposition(w)
            && !r.is_complementizer(w)
            && r.organization_at(std::iter::once(w)).is_none()
            && r.place_at(std::iter::once(w)).is_none()
            && !w.chars().any(|c| c.is_ascii_digit())
    }
}

fn contains_seq(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.len() >= needle.len() && hay.windows(needle.len()).any(|w| w == needle)
}
