//! Reporting markers and their frames.
//!
//! Finds each marker (قال، أضافت، وفق، حسب ...) and reads the frame around
//! it: the words that name the source and the token span of the claim.

use crate::model::{QuoteType, Reason};
use crate::quotes::{self, Quotes};
use crate::rules::{Agreement, MarkerClass, MarkerForm, Rules};
use crate::segment::{Kind, Segments, Sentence};

/// A marker with the source words and claim span it governs (token ranges).
#[derive(Debug, Clone)]
pub struct Frame {
    pub sentence: usize,
    /// Marker tokens as written (وفق ما ذكرت is three).
    pub cue: (usize, usize),
    pub form: MarkerForm,
    /// Tokens that name the source (may be empty: a continuation).
    pub head: (usize, usize),
    /// Tokens of the claim.
    pub claim: (usize, usize),
    pub quote_type: QuoteType,
    /// The source refers back to the current speaker (وفق قوله).
    pub self_source: bool,
    /// The marker stands inside a quotation: a source quoted by another.
    pub nested: bool,
    /// A post-posed source that relayed this claim (…، حسبما ذكرت واس).
    pub relayed_by: Option<(usize, usize)>,
    /// The marker stands inside an earlier frame's reported clause: it is a
    /// claim of its own only if it names its own subject.
    pub inside_claim: bool,
}

/// A marker occurrence that did not become a frame, and why.
#[derive(Debug, Clone)]
pub struct Rejected {
    pub sentence: usize,
    pub cue: (usize, usize),
    pub reason: Reason,
    /// Words after a verb that may name its subject, for later continuations.
    pub head: Option<(usize, usize)>,
    /// The marker form's agreement, which the subject shares.
    pub agreement: Agreement,
}

/// Frames and rejected markers of one document, in text order.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    pub frames: Vec<Frame>,
    pub rejected: Vec<Rejected>,
}

/// Words a source phrase after a prepositional marker may have at most.
const MAX_SOURCE_WORDS: usize = 14;
/// Tokens after a clause-less verb searched for its subject.
const SUBJECT_WINDOW: usize = 12;
/// Words a quotation may have and still be read as a name (لموقع "سكاي نيوز").
const NAME_QUOTE_WORDS: usize = 4;

struct Ctx<'a> {
    text: &'a str,
    seg: &'a Segments,
    quotes: &'a Quotes,
    rules: &'a Rules,
    /// Each token as written in the article, before folding.
    raw: &'a dyn Fn(usize) -> &'a str,
}

impl<'a> Ctx<'a> {
    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.seg.tokens.get(i)?;
        t.is_word().then(|| t.text(self.text))
    }

    fn is(&self, i: usize, c: char) -> bool {
        self.seg.tokens.get(i).is_some_and(|t| t.is(c))
    }

    /// Whether the word before token `i` is a complementizer carrying a
    /// pronoun (أنه، إنها، بأنهم، أنني): the pronoun is the next verb's subject.
    fn pronoun_complementizer_before(&self, i: usize) -> bool {
        i > 0
            && self
                .word(i - 1)
                .is_some_and(|w| self.rules.is_complementizer(w) && ["ه", "ها", "هم", "هما", "ني", "نا"].iter().any(|p| w.ends_with(p)))
    }

    /// Whether the marker at `i`, if its head is short by rule, has a clause
    /// opener within that head (مكتب تابع لخدمة الصحة ...، إنه: تابع
    /// "affiliated" reaches none, so it does not take قال's clause).
    fn may_reach_clause(&self, i: usize, form: &MarkerForm) -> bool {
        if form.max_head >= crate::rules::DEFAULT_MAX_HEAD {
            return true;
        }
        let mut words = 0;
        for k in i + 1..self.seg.tokens.len() {
            let t = self.seg.tokens[k];
            if t.is_word() {
                if self.verb_complementizer_at(k, i + 1) {
                    return true;
                }
                words += 1;
                if words > form.max_head + 1 {
                    return false;
                }
            } else if self.is(k, ':') || self.quotes.opener(k).is_some() {
                return true;
            }
        }
        false
    }

    /// Whether a word between the marker at `i` and its clause shows the
    /// marker's other sense (نقل الرجل إلى المستشفى); given a quotation
    /// mark's `i`, whether a word opening the quotation does.
    fn other_sense(&self, i: usize, form: &MarkerForm) -> bool {
        if form.other_sense.is_empty() {
            return false;
        }
        let end = (i + 1 + form.max_head).min(self.seg.tokens.len());
        // نقلت الوكالة على لسانه قوله في كلمة وجهها إلى: a relayed source or
        // a speech noun first shows the reporting sense.
        (i + 1..end)
            .take_while(|&k| self.seg.tokens[k].is_word() && !self.verb_complementizer_at(k, i + 1))
            .filter_map(|k| self.word(k))
            .take_while(|&w| w != "عن" && w != "لسان" && !self.rules.is_self_source(w) && self.rules.marker(w).is_none())
            .any(|w| form.has_other_sense(w))
    }

    /// Whether the words right after a marker are a name being kept back
    /// (رفض ذكر اسمه، لم يكشف عن هويته): the marker's form is the noun
    /// "mention" or the verb of revealing, and nothing is reported.
    fn names_a_name(&self, end: usize) -> bool {
        let anonymity = |k: usize| self.word(k).is_some_and(|w| self.rules.is_anonymity(w));
        anonymity(end) || self.word(end) == Some("عن") && anonymity(end + 1)
    }

    /// Whether يدعى/تدعى at `i` means "is called" (شركة خاصة تدعى فاغنر):
    /// after an indefinite noun and without a clause, it names; with one
    /// (تدعي أنها) it claims.
    fn is_naming(&self, i: usize, end: usize, form: &MarkerForm) -> bool {
        self.rules.lemmas[form.lemma] == "ادعى"
            && self.word(i).is_some_and(|w| w == "يدعي" || w == "تدعي")
            && i > 0
            && self.word(i - 1).is_some_and(|p| {
                !p.starts_with("ال") && !p.starts_with('و') && self.rules.marker(p).is_none() && !matches!(p, "ما" | "كما" | "بما" | "مما")
            })
            // يدعي الرئيس السيسي أنه: a clause after the subject claims.
            && !(end..(end + 6).min(self.seg.tokens.len()))
                .take_while(|&k| !self.is(k, '.') && !self.is(k, '،'))
                .any(|k| self.is_complementizer_at(k, k) || self.word(k).is_some_and(|w| self.rules.is_bridge(w)))
    }

    /// Whether the word `w` at `i` may be a marker: the lexicon's filter
    /// turns most words away before the full test. A word after ما may be
    /// one with an object pronoun (قالته).
    fn may_be_marker(&self, i: usize, w: &str) -> bool {
        self.rules.may_be_marker(w) || crate::rules::object_stem(w).is_some() && self.after_ma(i)
    }

    /// Whether token `i` follows a word that negates a verbal noun (عدم كشف):
    /// a marker's form there reports nothing.
    fn after_noun_negation(&self, i: usize) -> bool {
        i > 0 && self.word(i - 1).is_some_and(|w| self.rules.negates_noun(w))
    }

    /// Whether token `i` follows a preposition (مع توقع أن، في رد على): a
    /// marker's form there is its verbal noun.
    fn after_preposition(&self, i: usize) -> bool {
        i > 0 && self.word(i - 1).is_some_and(|w| self.rules.governs_noun(w))
    }

    /// Whether token `i` follows ما (ما قاله، كما أعلنه): a reporting verb
    /// there may carry its object pronoun.
    fn after_ma(&self, i: usize) -> bool {
        i > 0 && matches!(self.word(i - 1), Some("ما" | "كما" | "لما" | "مما"))
    }

    /// The marker at token `i`, with the token after its last word.
    fn marker_at(&self, i: usize) -> Option<(&'a MarkerForm, usize)> {
        let w = self.word(i)?;
        let f = if self.after_ma(i) {
            self.rules.marker_with_object(w)?
        } else {
            self.rules.marker(w)?
        };
        // وبيّن مدير عام الهيئة ...: a shadda as written marks the verb
        // بيّن, never the preposition بين, and lifts the look-alike's limits.
        let f = if f.also_preposition && (self.raw)(i).contains('\u{0651}') {
            self.rules.marker_as_verb(w).unwrap_or(f)
        } else {
            f
        };
        if !f.can_report(self.word(i + 1)) {
            return None; // جاءت النتائج: not a verb of reporting here
        }
        // إبان الحرب "during", رأي "opinion": the noun as written.
        if f.spelled_as_noun(|| (self.raw)(i)) {
            return None;
        }
        if f.also_preposition
            && let Some(prev) = i.checked_sub(1).and_then(|p| self.word(p))
        {
            // للحوار بين أتباع الديانات، أن: "between" after a word; بينه
            // وبين ترامب: its second half.
            let between = if w.starts_with(['و', 'ف']) {
                prev.starts_with("بين")
            } else {
                !self.rules.is_before_verb(prev)
            };
            if between {
                return None;
            }
        }
        match &f.then {
            Some(then) if self.word(i + 1) == Some(then.as_str()) => Some((f, i + 2)),
            Some(_) => None,
            None => Some((f, i + 1)),
        }
    }

    /// [`Self::is_complementizer_at`] for the words after a verb, which
    /// start at `floor`. فان written right after the verb or after a first
    /// name, and before a word without the article, is the particle of a
    /// name (وقال فان غال، وأضاف فان أن، لويس فان غال) and opens no clause;
    /// فإن there opens one with a definite word (قال ابن عباس فان الله).
    fn verb_complementizer_at(&self, i: usize, floor: usize) -> bool {
        // The folded word first: reading the original text costs more.
        let name_particle = || {
            self.word(i) == Some("فان")
                && (i == floor
                    || i > floor
                        && self
                            .word(i - 1)
                            .is_some_and(|p| self.rules.is_first_name(p) || self.name_before_van(p)))
                && self
                    .word(i + 1)
                    .is_some_and(|n| !n.starts_with("ال") && !self.rules.opens_no_subject(n))
                && (self.raw)(i) == "فان"
        };
        self.is_complementizer_at(i, floor) && !name_particle()
    }

    /// A word that may be a first name before فان (روبن فان بيرسي): no
    /// article, marker, preposition or function word.
    fn name_before_van(&self, w: &str) -> bool {
        !w.starts_with("ال")
            && w.chars().count() >= 3
            && self.rules.marker(w).is_none()
            && !self.rules.is_preposition(w)
            && !self.rules.is_complementizer(w)
            && !self.rules.cuts_before(w)
            && !self.rules.opens_no_subject(w)
    }

    fn is_complementizer_at(&self, i: usize, floor: usize) -> bool {
        let Some(w) = self.word(i) else { return false };
        if !self.rules.is_complementizer(w) {
            return false;
        }
        // بعد أن، يجب أن: the complementizer belongs to the word before it,
        // also across a bridge (تقدم نفسها على أنها).
        let mut p = i;
        if p > floor && self.word(p - 1).is_some_and(|w| self.rules.is_bridge(w)) {
            p -= 1;
        }
        let blocks = |w: &str| {
            self.rules.blocks_complementizer(w) || p >= 2 && self.word(p - 2).is_some_and(|v| self.rules.is_reflexive_object(v, w))
        };
        !(p > floor && self.word(p - 1).is_some_and(blocks))
    }

    /// Whether the bridge at `j` opens a proviso: ، على أن (folded ان) followed by an
    /// imperfect verb (يحدد، تنتشر), the subjunctive of "provided that".
    fn is_proviso(&self, j: usize) -> bool {
        let after_comma = j > 0 && self.is(j - 1, '،');
        let verb_follows = self.word(j + 2).is_some_and(imperfect_shape);
        after_comma && self.word(j).is_some_and(|w| self.rules.is_proviso(w)) && self.word(j + 1) == Some("ان") && verb_follows
    }

    /// Whether إلى at `j` opens "until": bare أن and then an imperfect or
    /// passive verb (إلى أن يصبح، إلى أن تم التوصل).
    fn is_until(&self, j: usize) -> bool {
        let verb = |v: &str| v == "تم" || imperfect_shape(v) && self.rules.place_at(std::iter::once(v)).is_none();
        self.word(j + 1) == Some("ان") && self.word(j + 2).is_some_and(verb)
    }

    /// Whether token `j` follows a word that introduces a title (بعنوان
    /// "..."، بعنوان: "..."), past one colon.
    fn after_title_word(&self, j: usize) -> bool {
        let p = if j > 0 && self.is(j - 1, ':') { j - 1 } else { j };
        p > 0 && self.word(p - 1).is_some_and(|w| self.rules.names_title(w))
    }

    fn para_end(&self, sent: &Sentence) -> usize {
        self.seg.paragraphs[sent.paragraph].end
    }

    /// Whether the quotation opened at `q` reads as a name inside the source
    /// words (لموقع "سكاي نيوز عربية"، أن ...), not as the claim.
    fn quote_is_name(&self, q: usize, sent: &Sentence) -> bool {
        let Some(Some(c)) = self.quotes.closer(q) else { return false };
        let words = (q + 1..c).filter(|&k| self.seg.tokens[k].is_word()).count();
        if words == 0 || words > NAME_QUOTE_WORDS {
            return false;
        }
        let heads = |w: &str| self.rules.is_outlet_type(w) || self.rules.is_title(w) || self.rules.is_organization_word(w);
        if q > 0
            && self
                .word(q - 1)
                .is_some_and(|w| w == "ل" || heads(w) || w.strip_prefix('ل').is_some_and(heads))
        {
            return true; // منظمة "هيومن رايتس ووتش"، زعيم "حزب الله"، لموقع "سكاي نيوز"، لقوات "..."
        }
        // وكالة أنباء «دوغان»: after the type word and its complement.
        if q >= 2
            && self.word(q - 1).is_some_and(|w| self.rules.is_type_complement(w))
            && self.word(q - 2).is_some_and(|w| self.rules.is_outlet_type(w))
        {
            return true;
        }
        // A quoted outlet name (حصلت «الشرق الأوسط» على نسخة) is a name.
        let inside: Vec<&str> = (q + 1..c).filter_map(|k| self.word(k)).collect();
        if self.rules.outlet_name_at(inside.iter().copied()) == Some(inside.len()) {
            return true;
        }
        // Followed by a comma, a colon or the complementizer, maybe after one
        // adjective (مجلة "X" الأميركية، أن): the quotation was part of the source.
        let mut n = c + 1;
        if self.word(n).is_some_and(|w| w.starts_with("ال")) {
            n += 1;
        }
        // وذكر "المرصد السوري لحقوق الإنسان" آنذاك أن: or after a time word.
        if let Some(t) = self.rules.time_at((n..sent.end).map_while(|k| self.word(k))) {
            n += t;
        } else if self
            .word(n)
            .is_some_and(|w| self.rules.is_manner(w) || matches!(w, "انذاك" | "موخرا"))
        {
            n += 1;
        }
        n < sent.end && (self.is(n, '،') || self.is(n, ':') || self.is_complementizer_at(n, n))
    }

    /// The inside of the quotation opened at `q`.
    fn quoted(&self, q: usize, sent: &Sentence) -> (usize, usize) {
        match self.quotes.closer(q) {
            Some(Some(c)) => (q + 1, c),
            _ => (q + 1, self.para_end(sent)),
        }
    }

    /// Whether a quotation closed at `c` ends its clause.
    fn closes_clause(&self, c: usize, sent: &Sentence) -> bool {
        let n = c + 1;
        let para_end = self.para_end(sent);
        if n >= para_end {
            return true;
        }
        let t = self.seg.tokens[n];
        match t.kind {
            Kind::Punct('.' | '!' | '?' | '؟' | '”' | '»' | '"' | ')' | '›') => true,
            Kind::Punct('،') => {
                let mut m = n + 1;
                if self.word(m) == Some("و") {
                    m += 1;
                }
                self.marker_at(m).is_some() || m >= para_end
            }
            // "... أعلام الإرهاب،" مضيفاً: the quotation's own comma or stop,
            // then a marker.
            // «...» معتبرا أن: a participle needs no such stop.
            Kind::Word => match self.marker_at(n) {
                Some((f, _)) => {
                    f.class == MarkerClass::Participle || matches!(self.seg.tokens[c - 1].kind, Kind::Punct('،' | '.' | '!' | '؟'))
                }
                None => false,
            },
            // «استوصوا بالأسارى خيرًا» (رواه الطبراني).، "..." (البقرة: 19).: a
            // short reference in parentheses ending the sentence. (Not an
            // aside that reports: (كلا الأمران أكد عليهما بيان الخارجية).)
            Kind::Punct('(') => (n + 1..para_end.min(n + 9))
                .find(|&k| matches!(self.seg.tokens[k].kind, Kind::Punct('(' | ')')))
                .is_some_and(|k| {
                    self.is(k, ')')
                        && (n + 1..k).all(|x| self.marker_at(x).is_none())
                        && (k + 1 >= para_end || matches!(self.seg.tokens[k + 1].kind, Kind::Punct('.' | '!' | '؟') | Kind::Break))
                }),
            _ => false,
        }
    }

    /// The claim of a clause starting at `cs`: a whole quotation if one
    /// opens there and ends the clause, else the clause to its end.
    fn clause_claim(&self, cs: usize, sent: &Sentence) -> Option<((usize, usize), QuoteType)> {
        let para_end = self.para_end(sent);
        if cs >= para_end {
            return None;
        }
        if let Some(close) = self.quotes.closer(cs) {
            // قالت: "..."، وامتنعت عن ...: after a colon, a quotation then a
            // comma and a و-word is what was said, and the narrative goes on.
            let after_colon = |c: usize| {
                cs > 0
                    && self.is(cs - 1, ':')
                    && self.is(c + 1, '،')
                    && self.word(c + 2).is_some_and(|w| w.starts_with('و') && w.chars().count() > 3)
                    && self.quotes.closer(c + 3).is_none()
            };
            let ends = match close {
                Some(c) => self.closes_clause(c, sent) || after_colon(c),
                None => true,
            };
            if ends {
                let span = self.quoted(cs, sent);
                return (span.0 < span.1).then_some((span, QuoteType::Direct));
            }
        }
        let end = quotes::clause_end(self.text, self.seg, self.quotes, self.rules, sent, para_end, cs);
        let span = self.without_orphan_closer(self.trim((cs, end)));
        if span.0 >= span.1 {
            return None;
        }
        let quoted = (span.0..span.1).any(|k| quotes::is_quote_mark(self.seg.tokens[k].kind));
        Some((span, if quoted { QuoteType::Mixed } else { QuoteType::Indirect }))
    }

    /// لكنني أعتقد أنه القرار الصائب": a clause inside another's quotation
    /// ends before the mark that closes that quotation, which it never opened.
    fn without_orphan_closer(&self, (a, b): (usize, usize)) -> (usize, usize) {
        let kind = |k: usize| self.seg.tokens[k].kind;
        let opener = match b.checked_sub(1).filter(|&l| l > a).map(kind) {
            Some(Kind::Punct('"')) => '"',
            Some(Kind::Punct('”')) => '“',
            Some(Kind::Punct('»')) => '«',
            Some(Kind::Punct('›')) => '‹',
            _ => return (a, b),
        };
        let before = (a..b - 1).filter(|&k| kind(k) == Kind::Punct(opener)).count();
        let orphan = if opener == '"' { before % 2 == 0 } else { before == 0 };
        if orphan { self.trim((a, b - 1)) } else { (a, b) }
    }

    /// Drops punctuation at the edges of an indirect claim (not quotation marks).
    fn trim(&self, (mut a, mut b): (usize, usize)) -> (usize, usize) {
        let edge = |k: usize| {
            matches!(
                self.seg.tokens[k].kind,
                Kind::Punct('.' | '،' | '؛' | ':' | '!' | '-' | '–') | Kind::Break
            )
        };
        while a < b && edge(a) {
            a += 1;
        }
        while b > a && edge(b - 1) {
            b -= 1;
        }
        (a, b)
    }

    /// جاء في البيان أن ...، وورد في التقرير: "...": the source is the
    /// document or outlet after the preposition. Without the preposition
    /// the verb takes its subject as any other (ووردت تقارير عن أن).
    fn appear_frame(&self, si: usize, sent: &Sentence, cue: (usize, usize), form: &MarkerForm, prep: &str) -> Result<Frame, Reason> {
        if self.word(cue.1) != Some(prep) {
            return self.verb_frame(si, sent, cue, form); // ووردت تقارير عن أن
        }
        let source = cue.1 + 1;
        let Some(w) = self.word(source) else {
            return Err(Reason::NotASource);
        };
        // وجاء في حديثه أن: the document's owner, the pronoun, is the source.
        let owner = ["ها", "هم", "ه"].iter().find(|p| {
            w.strip_suffix(*p)
                .is_some_and(|d| self.rules.is_document(d) || self.rules.is_outlet_type(d))
        });
        if owner.is_none() && !(self.rules.is_document(w) || self.rules.is_outlet_type(w)) {
            return Err(Reason::NotASource);
        }
        let mut f = self.verb_frame(si, sent, cue, form)?;
        f.head = match owner {
            None => (source, f.head.1),
            Some(p) => {
                f.form.agreement = match *p {
                    "ها" => Agreement::Feminine,
                    "هم" => Agreement::Plural,
                    _ => Agreement::Masculine,
                };
                (source, source)
            }
        };
        Ok(f)
    }

    fn verb_frame(&self, si: usize, sent: &Sentence, cue: (usize, usize), form: &MarkerForm) -> Result<Frame, Reason> {
        let head_start = cue.1;
        let mut words = 0;
        let mut j = head_start;
        let frame = |head: (usize, usize), claim: (usize, usize), quote_type| Frame {
            sentence: si,
            cue,
            form: form.clone(),
            head,
            claim,
            quote_type,
            self_source: false,
            nested: false,
            inside_claim: false,
            relayed_by: None,
        };
        while j < sent.end {
            let t = self.seg.tokens[j];
            match t.kind {
                Kind::Word => {
                    let w = t.text(self.text);
                    // علقت الشحنات إلى أن يصبح الممر آمنا: after a verb that
                    // does not report through إلى, إلى أن before a verb means
                    // "until" (before a noun it is a loose "that").
                    if !form.reports_through_ila && w == "الي" && self.is_until(j) {
                        return Err(Reason::NoClause);
                    }
                    // وأكد حدوث التفجير ...، فلم نستطع أن نكمل: ف and a
                    // negation open a clause of their own.
                    if j > head_start && w.starts_with('ف') && self.rules.blocks_marker(w) {
                        return Err(Reason::NoClause);
                    }
                    if self.verb_complementizer_at(j, head_start) {
                        let (claim, qt) = self.clause_claim(j + 1, sent).ok_or(Reason::EmptyClaim)?;
                        return Ok(frame((head_start, j), claim, qt));
                    }
                    if self.rules.is_bridge(w) && self.is_complementizer_at(j + 1, head_start) {
                        if self.is_proviso(j) {
                            return Err(Reason::Proviso);
                        }
                        let (claim, qt) = self.clause_claim(j + 2, sent).ok_or(Reason::EmptyClaim)?;
                        return Ok(frame((head_start, j), claim, qt));
                    }
                    // فضل عدم كشف اسمه، نقل الرجل إلى، رفض ذكر اسمه: a negated verbal
                    // noun, a verb in its other sense or a name kept back is no
                    // marker here.
                    let blocks = self.may_be_marker(j, w)
                        && self.marker_at(j).is_some_and(|(f, end)| {
                            (f.class == MarkerClass::Verb
                                || f.class == MarkerClass::Participle
                                || (f.class == MarkerClass::Preposition && j == head_start))
                                && !self.other_sense(j, f)
                                && !self.names_a_name(end)
                                && self.may_reach_clause(j, f)
                        })
                        && !self.after_noun_negation(j)
                        && !self.after_preposition(j);
                    if blocks {
                        // قال الموقع، الذي يصف نفسه بأنه ...، إن: a marker in a
                        // relative clause describes the source, and the clause
                        // up to the next comma is its own. A colon or quotation
                        // (بيان الوزارة الذي جاء فيه: "...") is the frame's again.
                        if j > head_start && self.word(j - 1).is_some_and(crate::rules::is_relative) {
                            j = (j..sent.end)
                                .find(|&k| self.is(k, '،') || self.is(k, ':') || self.quotes.closer(k).is_some())
                                .unwrap_or(sent.end);
                            continue;
                        }
                        return Err(Reason::AnotherMarker);
                    }
                    words += 1;
                    if words > form.max_head {
                        return Err(Reason::HeadTooLong);
                    }
                }
                Kind::Punct(':') if !self.after_title_word(j) => {
                    let cs = j + 1;
                    let (claim, _) = self.clause_claim(cs, sent).ok_or(Reason::EmptyClaim)?;
                    return Ok(frame((head_start, j), claim, QuoteType::Direct));
                }
                Kind::Punct(_) if self.quotes.closer(j).is_some() => {
                    // نقلت الشرطة عن يوليا قولها "...": the quotation is the claim.
                    let said = j > 0 && self.word(j - 1).is_some_and(|w| self.rules.is_self_source(w));
                    // A short quotation inside the clause (شدد على عدم وجود "مجاملة" لكل ...)
                    // is a scare quote, not the claim.
                    let scare = match self.quotes.closer(j) {
                        Some(Some(c)) => (j + 1..c).filter(|&k| self.seg.tokens[k].is_word()).count() <= 2 && !self.closes_clause(c, sent),
                        _ => false,
                    };
                    // وتابع "...": a quotation right after the verb is its claim
                    // even for a verb with another sense (تابع المباراة); so
                    // is one after a comma (وأضاف، "...").
                    // Not when a word of the other sense opens it (نُقل "كامل
                    // الوفد إلى مدينة باجة": "transported"), nor when عن
                    // follows it (ونقل «مكتب أخبار سوريا» عن ...: the relayer's
                    // name).
                    let relayer = matches!(self.quotes.closer(j), Some(Some(c)) if self.word(c + 1) == Some("عن"));
                    let right_after =
                        (j == head_start || j == head_start + 1 && self.is(head_start, '،')) && !self.other_sense(j, form) && !relayer;
                    // التي جاءت بعنوان "...": a title of a work, not a claim.
                    let titled = self.after_title_word(j);
                    // وقال "..."، مؤكدا أنه: right after the verb and before a
                    // marker, a quotation is the claim, not a name.
                    let spoken = right_after
                        && matches!(self.quotes.closer(j), Some(Some(c)) if self.is(c + 1, '،') && self.marker_at(c + 2).is_some());
                    let named = !spoken && self.quote_is_name(j, sent);
                    // رداً على "العدوان الإسرائيلي": a short quotation after a
                    // preposition marks a word; و"..." after another quotation
                    // is one item of a list (بأسماء "صلاة" و"نار" و"شهاب").
                    let prev = j.checked_sub(1).and_then(|p| self.word(p));
                    let short =
                        matches!(self.quotes.closer(j), Some(Some(c)) if (j + 1..c).filter(|&k| self.seg.tokens[k].is_word()).count() <= 2);
                    let after_preposition = short && !right_after && prev.is_some_and(|w| self.rules.is_preposition(w) && w != "ب");
                    let list_item = j >= 2 && prev == Some("و") && self.quotes.opener(j - 2).is_some();
                    if self.is(j, '(')
                        || scare
                        || titled
                        || named
                        || after_preposition
                        || list_item
                        || (form.needs_clause && !said && !right_after)
                    {
                        match self.quotes.closer(j) {
                            Some(Some(c)) => j = c,
                            _ => return Err(Reason::NoClause),
                        }
                    } else {
                        let claim = self.quoted(j, sent);
                        if claim.0 >= claim.1 {
                            return Err(Reason::EmptyClaim);
                        }
                        return Ok(frame((head_start, j), claim, QuoteType::Direct));
                    }
                }
                _ => {}
            }
            j += 1;
        }
        // "...", قال فلان: the quotation before the marker is the claim.
        let i = cue.0;
        if !form.needs_clause
            && i >= 2
            && (self.is(i - 1, '،') || self.is(i - 1, ':'))
            && let Some(o) = self.quotes.opener(i - 2)
            && o + 1 < i - 2
        {
            let head = self.trim((head_start, sent.end));
            return Ok(frame(head, (o + 1, i - 2), QuoteType::Direct));
        }
        Err(Reason::NoClause)
    }

    fn preposition_frame(
        &self,
        si: usize,
        sent: &Sentence,
        cue: (usize, usize),
        form: &MarkerForm,
        frames: &mut [Frame],
    ) -> Result<Frame, Reason> {
        let (i, mut k) = cue;
        // وفق ما ذكرت، حسبما أفادت: skip "ما" and the reporting verb.
        let folded = self.word(i).unwrap_or_default();
        let mut after_ma = folded.ends_with("ما");
        if matches!(self.word(k), Some("ما" | "لما")) {
            k += 1;
            after_ma = true;
        }
        if after_ma
            && self
                .word(k)
                .and_then(|w| self.rules.marker_with_object(w))
                .is_some_and(|f| f.class == MarkerClass::Verb)
        {
            k += 1;
        } else if after_ma && self.word(k).is_some_and(|w| self.rules.is_published(w)) {
            k += 1; // بحسب ما نشرته صحيفة X: the source is the outlet
        } else if after_ma && self.word(k).is_some_and(|w| self.rules.is_appear(w)) {
            k += 1; // وفق ما جاء في بيان: the source is the statement
            if self.word(k) == Some("في") {
                k += 1;
            }
        }
        // وفقا لـ X: the separate ل belongs to the marker.
        if self.word(k) == Some("ل") {
            k += 1;
        }
        let cue = (i, k);
        let s0 = k;
        let mut k = self.source_end(s0, sent)?;
        let head = (s0, k);
        if head.0 >= head.1 {
            return Err(Reason::NoSpeaker);
        }
        let head_words: Vec<&str> = (head.0..head.1).filter_map(|x| self.word(x)).map(|w| self.without_lam(w)).collect();
        let self_source = self
            .rules
            .self_sources
            .iter()
            .any(|s| head_words.len() >= s.len() && s.iter().zip(&head_words).all(|(a, b)| a == b));
        // بحسب ما قال زيد الزاملي (33 عاما)، وفقا لوكالة السودان للأنباء
        // (سونا): a short parenthesis glosses the source; what follows it
        // decides where the claim is.
        let gloss = match self.quotes.closer(k) {
            Some(Some(c)) if self.is(k, '(') && (k + 1..c).filter(|&x| self.seg.tokens[x].is_word()).count() <= 3 => Some(c),
            _ => None,
        };
        // A gloss that ends the sentence or the piece is part of the source.
        if let Some(c) = gloss
            && (c + 1 >= sent.end || self.is(c + 1, '.') || self.is(c + 1, '،'))
        {
            k = c + 1;
        }
        let ends_sentence = k >= sent.end || self.is(k, '.') || self.is(k, '!') || self.is(k, '؟');
        let at_start = i == sent.first || self.opens_sentence(sent, i);
        // والذي بحسب X "..." / وجاء في الرسالة وفقا لواس: "...": a source
        // followed straight by the claim works wherever the marker stands.
        // ...، وبحسب الموقع الالكتروني لمكتب السجون فإن ...: فإن answers
        // the fronted source wherever it stands.
        let claim_follows = k < sent.end
            && (self.is(k, ':')
                || self.quotes.closer(k).is_some_and(|c| c.is_some()) && gloss.is_none()
                || ((at_start || self.word(k) == Some("فان")) && self.is_complementizer_at(k, k)));
        if (at_start && !ends_sentence) || claim_follows {
            // Pre-posed: ووفق مجلة X، فإن ... / وحسب فلان، "..."
            let mut cs = k;
            if self.is(cs, '،') || self.is(cs, ':') {
                cs += 1;
            }
            // وبحسب X، في مارس الماضي، فإن ...: skip the adverbial piece.
            if let Some(c) = (cs..(cs + 6).min(sent.end)).find(|&x| self.is(x, '،'))
                && self.is_complementizer_at(c + 1, c + 1)
                && !self.is_complementizer_at(cs, cs)
                && self.marker_at(cs).is_none()
            {
                cs = c + 1;
            } else if let Some(c) = (cs..(cs + 30).min(sent.end))
                .take_while(|&x| self.marker_at(x).is_none())
                .find(|&x| self.is(x, '،') && self.word(x + 1) == Some("فان") || x > cs && self.word(x) == Some("فان"))
                && !self.is_complementizer_at(cs, cs)
            {
                // ووفقا لتصريحات المحلل X، من مؤسسة "..." المصرفية، فإن ...:
                // فإن after a longer apposition still opens the claim; so
                // does one after a relative clause, comma or not (وحسب
                // الإحصاءات التي أجريت عليه فإن).
                cs = if self.is(c, '،') { c + 1 } else { c };
            }
            if self.is_complementizer_at(cs, cs) {
                cs += 1;
            }
            let (claim, qt) = self.clause_claim(cs, sent).ok_or(Reason::EmptyClaim)?;
            return Ok(Frame {
                sentence: si,
                cue,
                form: form.clone(),
                head,
                claim,
                quote_type: qt,
                self_source,
                nested: false,
                inside_claim: false,
                relayed_by: None,
            });
        }
        if i == sent.first || !(self.is(i - 1, '،') || self.quotes.opener(i - 1).is_some()) {
            return Err(Reason::NotAMarkerPosition);
        }
        // Post-posed: "X، حسب Y".
        self.post_posed_frame(si, (cue, head), form, i - 1, (self_source, after_ma), frames)
    }

    /// "X، كما قال Y.": كما and a reporting verb, then a source that ends
    /// the sentence, give X to Y as a post-posed حسبما does. Not where كما
    /// opens the sentence, nor before a clause or an object: there it is
    /// "also" (كما قال الوزير إن، كما أشار إلى).
    fn as_said_frame(
        &self,
        si: usize,
        sent: &Sentence,
        cue: (usize, usize),
        form: &MarkerForm,
        frames: &mut [Frame],
    ) -> Result<Frame, Reason> {
        let (i, end) = cue;
        let kama = i - 1;
        if kama <= sent.first || self.opens_sentence(sent, kama) {
            return Err(Reason::NotAMarkerPosition);
        }
        // ولكن كما ذكرت لا يريدون: a clause follows, not a source.
        if self
            .word(end)
            .is_some_and(|w| self.rules.is_preposition(w) || self.rules.blocks_marker(w))
            || self.is_complementizer_at(end, end)
        {
            return Err(Reason::NoClause);
        }
        let k = self.source_end(end, sent)?;
        // كما ذكرته سابقا: with an object pronoun the writer speaks; a
        // plural verb has its subject in it, so what follows is its object
        // (كما نقلوا مساجين), or it is a saying (كما يقولون); كما أشارت
        // أيضا: "also".
        let plain = self.word(i).is_some_and(|w| self.rules.marker(w).is_some());
        if !plain || form.agreement == Agreement::Plural || (end..k).any(|x| self.word(x).is_some_and(|w| self.rules.is_also(w))) {
            return Err(Reason::NoClause);
        }
        // A question (كما يرى اليمنيون؟) asserts nothing; a dash (اللجنة -
        // كما قال - آثرت) puts the source inside the claim.
        let dash = (end..k).any(|x| matches!(self.seg.tokens[x].kind, Kind::Punct('-' | '–')));
        if dash || !(k >= sent.end || self.is(k, '.') || self.is(k, '!')) {
            return Err(Reason::NoClause);
        }
        let comma = self.is(kama - 1, '،');
        // وليس 100 مليار كما أعلنت: without a comma a negation before كما
        // denies what the source said.
        let clause_start = (sent.first..kama).rev().find(|&x| self.is(x, '،')).map_or(sent.first, |c| c + 1);
        if !comma
            && (clause_start..kama).any(|x| {
                self.word(x)
                    .is_some_and(|w| self.rules.blocks_marker(w) || w == "ليس" || w == "وليس")
            })
        {
            return Err(Reason::Negated);
        }
        let claim_end = if comma { kama - 1 } else { kama };
        self.post_posed_frame(si, (cue, (end, k)), form, claim_end, (false, true), frames)
    }

    /// A source after its claim (X، حسب Y), given the marker's and the
    /// source's tokens and the end of the claim. The claim is X, unless a
    /// marker earlier in the sentence already claimed it; then this one only
    /// closes it. `after_ma`: the source reports through ما and a verb
    /// (حسبما أوضح Y).
    fn post_posed_frame(
        &self,
        si: usize,
        (cue, head): ((usize, usize), (usize, usize)),
        form: &MarkerForm,
        claim_end: usize,
        (self_source, after_ma): (bool, bool),
        frames: &mut [Frame],
    ) -> Result<Frame, Reason> {
        let sent = &self.seg.sentences[si];
        // "... كيف يكون سعيدا؟ إنه وضع طبيعي"، وفقا لصحيفة: a quotation that
        // opened sentences before brings their frames in.
        let from = match claim_end.checked_sub(1).and_then(|c| self.quotes.opener(c)) {
            Some(o) if o < sent.first => self.seg.sentences[..si].partition_point(|s| s.end <= o),
            _ => si,
        };
        if let Some(prev) = frames
            .iter_mut()
            .rev()
            .take_while(|f| f.sentence >= from)
            .find(|f| f.claim.0 < claim_end && f.claim.1 + 3 >= claim_end)
        {
            if prev.claim.1 > claim_end {
                prev.claim.1 = claim_end;
            }
            // "قال X إن ...، حسبما أوضح Y": Y reports that X said it, a
            // second claim over the whole report. وفق قوله only closes it,
            // and an outlet (حسبما ذكرت واس) only relays it.
            // كما نقل عنه التلفزيون الرسمي: past the pronoun of the one
            // quoted stands the outlet.
            let head = match self.word(head.0) {
                Some(w) if head.1 > head.0 + 1 && crate::rules::relay_pronoun(w).is_some() => (head.0 + 1, head.1),
                _ => head,
            };
            let relay = self.names_outlet(&(head.0..head.1).filter_map(|x| self.word(x)).collect::<Vec<_>>());
            if !self_source {
                // ذكرت القنصلية "..."، مضيفة أنها "..."، وفقا لما نقلته واس:
                // the relay covers every claim of the sentence before it.
                // Back through participles and continuations to the frame that
                // named the speaker, no further.
                for f in frames
                    .iter_mut()
                    .rev()
                    .take_while(|f| f.sentence >= from)
                    .filter(|f| f.claim.1 <= claim_end)
                {
                    f.relayed_by.get_or_insert(head);
                    if f.head.0 < f.head.1 && f.form.class != MarkerClass::Participle {
                        break;
                    }
                }
            }
            if self_source || !after_ma || relay {
                return Err(if self_source { Reason::SelfSource } else { Reason::AlreadyClaimed });
            }
        }
        let (claim, quote_type) = self.closing_claim(sent, claim_end, self_source)?;
        Ok(Frame {
            sentence: si,
            cue,
            form: form.clone(),
            head,
            claim,
            quote_type,
            self_source,
            nested: false,
            inside_claim: false,
            relayed_by: None,
        })
    }

    /// The claim that a post-posed source closes at `claim_end`: the
    /// quotation just before it, or the sentence up to it.
    fn closing_claim(&self, sent: &Sentence, claim_end: usize, self_source: bool) -> Result<((usize, usize), QuoteType), Reason> {
        // ... عن "عالمنا العربي"، وفقا لتعبيره: the quotation just before.
        let spans_clause =
            |o: usize| self_source || o == sent.first || (o > 0 && (self.is(o - 1, ':') || self.is_complementizer_at(o - 1, o - 1)));
        if let Some(o) = self
            .quotes
            .opener(claim_end.wrapping_sub(1))
            .filter(|&o| o >= sent.first && o + 1 < claim_end - 1 && spans_clause(o))
        {
            return Ok(((o + 1, claim_end - 1), QuoteType::Direct));
        }
        let mut span = self.trim((sent.first, claim_end));
        let mut qt = QuoteType::Indirect;
        if let Some(Some(c)) = self.quotes.closer(span.0)
            && c + 1 == span.1
        {
            span = (span.0 + 1, c);
            qt = QuoteType::Direct;
        }
        if qt == QuoteType::Indirect && (span.0..span.1).any(|x| quotes::is_quote_mark(self.seg.tokens[x].kind)) {
            qt = QuoteType::Mixed;
        }
        if span.0 >= span.1 {
            return Err(Reason::EmptyClaim);
        }
        Ok((span, qt))
    }

    /// The token after the source words that start at `s0`: up to a
    /// punctuation mark, a complementizer or a relative, across a quoted
    /// name, and over a short appositive that ends the sentence.
    fn source_end(&self, s0: usize, sent: &Sentence) -> Result<usize, Reason> {
        let mut k = s0;
        let mut words = 0;
        while k < sent.end {
            let t = self.seg.tokens[k];
            match t.kind {
                Kind::Punct('،' | ':' | '.' | '؛' | '!' | '؟') => break,
                Kind::Punct(_) if self.quotes.closer(k).is_some() => match self.quotes.closer(k) {
                    Some(Some(c)) if c < sent.end && (k == s0 || self.quote_is_name(k, sent)) => k = c,
                    _ => break,
                },
                Kind::Word => {
                    if k > s0 && (self.is_complementizer_at(k, s0) || matches!(t.text(self.text), "الذي" | "التي" | "الذين")) {
                        break;
                    }
                    // وبحسب موقع (اليوم السابع) فقد قال كافو: the verb's own
                    // clause starts at فقد.
                    if k > s0
                        && matches!(t.text(self.text), "فقد" | "وقد")
                        && self.marker_at(k + 1).is_some_and(|(f, _)| f.class == MarkerClass::Verb)
                    {
                        break;
                    }
                    words += 1;
                    if words > MAX_SOURCE_WORDS {
                        return Err(Reason::HeadTooLong);
                    }
                }
                _ => {}
            }
            k += 1;
        }
        // حسب ما أعلنه المتحدث باسم ...، أوفير جندلمان.: a short
        // appositive after the comma still names the source.
        if self.is(k, '،') {
            let rest_end = (k + 1..sent.end).find(|&x| self.is(x, '.') || self.is(x, '،')).unwrap_or(sent.end);
            let rest_words = (k + 1..rest_end).filter(|&x| self.seg.tokens[x].is_word()).count();
            if rest_end >= sent.end - 1 && (1..=4).contains(&rest_words) && (k + 1..rest_end).all(|x| self.marker_at(x).is_none()) {
                k = rest_end;
            }
        }
        Ok(k)
    }

    /// Whether source words name an outlet (وكالة ...، لصحيفة ...، واس).
    fn names_outlet(&self, words: &[&str]) -> bool {
        let first = words
            .first()
            .map(|w| w.strip_prefix('ل').filter(|r| r.chars().count() > 2).unwrap_or(w));
        first.is_some_and(|w| self.rules.is_outlet_type(w)) || self.rules.outlet_name_at(words.iter().copied()).is_some()
    }

    /// The outlet phrase that makes up the rest of a sentence after a marker
    /// ending at `from` (بحسب ما أوردت | رويترز.), past a relaying verb.
    fn relayed_outlet_sentence(&self, from: usize, sent: &Sentence) -> Option<(usize, usize)> {
        let mut e = sent.end;
        while e > from && !self.seg.tokens[e - 1].is_word() && self.quotes.closer(e - 1).is_none() {
            e -= 1;
        }
        (from..(from + 3).min(e)).find_map(|s| {
            let words: Vec<&str> = (s..e).filter_map(|x| self.word(x)).collect();
            (!words.is_empty() && words.len() <= 6 && self.names_outlet(&words)).then_some((s, e))
        })
    }

    /// لتعبيره → تعبيره: the ل after وفقا does not hide a self-reference.
    fn without_lam<'w>(&self, w: &'w str) -> &'w str {
        match w.strip_prefix('ل') {
            Some(r) if self.rules.is_self_source(r) => r,
            _ => w,
        }
    }

    /// A marker opens its sentence when only a short adverbial and a comma
    /// stand before it (وفي هذا السياق، وبحسب ...).
    fn opens_sentence(&self, sent: &Sentence, i: usize) -> bool {
        if i == 0 || !self.is(i - 1, '،') {
            return false;
        }
        let before = sent.first..i - 1;
        let words = before.clone().filter(|&x| self.seg.tokens[x].is_word()).count();
        words <= 4 && before.clone().all(|x| !self.seg.tokens[x].is('،') && self.marker_at(x).is_none())
    }
}

/// Whether a folded word has the shape of an imperfect verb (يحدد، تصبح): ي or
/// ت and at least two more letters. Only the shape: تركيا passes too.
fn imperfect_shape(v: &str) -> bool {
    (v.starts_with('ي') || v.starts_with('ت')) && v.chars().count() >= 3
}

/// Finds every marker and its frame.
pub fn find(text: &str, seg: &Segments, quotes: &Quotes, rules: &Rules) -> Cues {
    find_with(text, seg, quotes, rules, &|i| seg.tokens[i].text(text))
}

/// [`find`], given each token as written in the article (`raw`): letters
/// folded away, such as a shadda, can tell a verb from its look-alike.
pub fn find_with<'a>(text: &'a str, seg: &'a Segments, quotes: &'a Quotes, rules: &'a Rules, raw: &'a dyn Fn(usize) -> &'a str) -> Cues {
    let ctx = Ctx {
        text,
        seg,
        quotes,
        rules,
        raw,
    };
    let mut out = Cues::default();
    let quoted = quotes.inside(seg);
    for (si, sent) in seg.sentences.iter().enumerate() {
        let heading = seg.paragraphs[sent.paragraph].heading;
        let mut i = sent.first;
        while i < sent.end {
            // Most words are no marker: the filter says so before the full test.
            let t = seg.tokens[i];
            let w = t.text(text);
            let maybe = t.is_word() && ctx.may_be_marker(i, w);
            let Some((form, end)) = maybe.then(|| ctx.marker_at(i)).flatten() else {
                i += 1;
                continue;
            };
            let cue = (i, end);
            let negated = i > sent.first && ctx.word(i - 1).is_some_and(|w| rules.blocks_marker(w));
            let noun_negated = ctx.after_noun_negation(i);
            let clause_next = ctx.is_complementizer_at(end, end)
                || ctx.word(end).is_some_and(|w| rules.is_bridge(w)) && ctx.is_complementizer_at(end + 1, end + 1);
            // وهو ما يشير إلى أن: the relative is the subject, a fact. Not
            // with an object pronoun or a plural (ما يدعيه، ما يعتقدون أنه):
            // then ما is the object and the verb has its own subject.
            let relative_subject = i > sent.first
                && form.agreement == Agreement::Masculine
                && ctx.word(i - 1).is_some_and(|w| rules.is_subject_relative(w))
                && ctx.word(i).is_some_and(|w| w.starts_with('ي') && rules.marker(w).is_some())
                && !rules.takes_relative_object(form.lemma);
            let impersonal = (relative_subject || ctx.word(i).is_some_and(|w| rules.is_impersonal(w))) && clause_next;
            let result = if heading {
                Err(Reason::Heading)
            } else if noun_negated && form.class != MarkerClass::Preposition {
                Err(Reason::NegatedNoun)
            } else if form.class != MarkerClass::Preposition && ctx.after_preposition(i) {
                Err(Reason::VerbalNoun)
            } else if ctx.other_sense(i, form) || ctx.names_a_name(end) {
                Err(Reason::OtherSense)
            } else if ctx.is_naming(i, end, form) {
                Err(Reason::Naming)
            } else if impersonal {
                Err(Reason::Impersonal)
            } else if negated && form.class != MarkerClass::Preposition {
                Err(Reason::Negated)
            } else if form.class == MarkerClass::Subject {
                Err(Reason::SubjectOnly)
            } else if form.class == MarkerClass::Preposition {
                ctx.preposition_frame(si, sent, cue, form, &mut out.frames)
            } else if let Some(prep) = &form.source_after {
                ctx.appear_frame(si, sent, cue, form, prep)
            } else if form.class == MarkerClass::Verb
                && rules.closes_as_said(form.lemma)
                && !quoted[i]
                && i > sent.first
                && ctx.word(i - 1) == Some("كما")
            {
                ctx.as_said_frame(si, sent, cue, form, &mut out.frames)
                    .or_else(|_| ctx.verb_frame(si, sent, cue, form))
            } else {
                ctx.verb_frame(si, sent, cue, form)
            };
            // A claim of punctuation alone (a period after a closing mark)
            // reports nothing.
            let result = result.and_then(|f| {
                if (f.claim.0..f.claim.1).any(|k| seg.tokens[k].is_word()) {
                    Ok(f)
                } else {
                    Err(Reason::EmptyClaim)
                }
            });
            match result {
                Ok(f) if out.frames.iter().rev().take(4).any(|p| p.claim == f.claim) => {
                    // "..."، وأكد آخرون: the quotation is already claimed.
                    out.rejected.push(Rejected {
                        sentence: si,
                        cue,
                        reason: Reason::AlreadyClaimed,
                        head: None,
                        agreement: form.agreement,
                    });
                    i = end;
                }
                Ok(mut f) => {
                    // Markers among the source words (قالت محطة X نقلا عن Y)
                    // belong to this frame.
                    i = if f.head.0 >= f.cue.1 { f.cue.1.max(f.head.1) } else { f.cue.1 };
                    f.nested = quoted[f.cue.0];
                    // وبحسب صحيفة "ماركا"، أوضح راموس: "...": the outlet before
                    // the verb is the verb's claim's outlet.
                    if f.form.class == MarkerClass::Verb
                        && let Some(p) = out.frames.last()
                        && p.sentence == si
                        && p.form.class == MarkerClass::Preposition
                        && (p.claim.0 == f.cue.0 || p.claim.0 + 1 == f.cue.0 && matches!(ctx.word(p.claim.0), Some("فقد" | "وقد" | "قد")))
                    {
                        let words: Vec<&str> = (p.head.0..p.head.1).filter_map(|x| ctx.word(x)).collect();
                        if ctx.names_outlet(&words) {
                            f.relayed_by = Some(p.head);
                            out.rejected.push(Rejected {
                                sentence: si,
                                cue: p.cue,
                                reason: Reason::Relayed,
                                head: None,
                                agreement: p.form.agreement,
                            });
                            out.frames.pop();
                        }
                    }
                    f.inside_claim = !f.nested
                        && out
                            .frames
                            .iter()
                            .rev()
                            .take_while(|p| p.sentence == si)
                            .any(|p| p.claim.0 <= f.cue.0 && f.cue.0 < p.claim.1);
                    if f.inside_claim && f.form.class == MarkerClass::Verb && ctx.pronoun_complementizer_before(f.cue.0) {
                        out.rejected.push(Rejected {
                            sentence: si,
                            cue: f.cue,
                            reason: Reason::PronounSubject,
                            head: None,
                            agreement: f.form.agreement,
                        });
                        continue;
                    }
                    out.frames.push(f);
                }
                Err(reason) => {
                    // A verb without a clause may still name who speaks next.
                    // Not inside a quotation or another's reported clause: there
                    // the verb's subject is part of what someone else said.
                    let in_claim = out
                        .frames
                        .iter()
                        .rev()
                        .take_while(|p| p.sentence == si)
                        .any(|p| p.claim.0 <= i && i < p.claim.1);
                    let names_subject = matches!(
                        reason,
                        Reason::NoClause
                            | Reason::AnotherMarker
                            | Reason::SubjectOnly
                            | Reason::HeadTooLong
                            | Reason::Negated
                            | Reason::Naming
                    ) && matches!(form.class, MarkerClass::Verb | MarkerClass::Subject)
                        && form.max_head == crate::rules::DEFAULT_MAX_HEAD
                        && (!form.needs_clause || form.class == MarkerClass::Subject || reason == Reason::Negated)
                        && !quoted[i]
                        && !in_claim;
                    let head = names_subject.then(|| (end, (end + SUBJECT_WINDOW).min(sent.end)));
                    // ... إن الرئيس يملك سلطة العفو. بحسب ما أوردت رويترز.: a
                    // post-posed marker standing as a sentence of its own
                    // names the medium of the claim that ends the sentence
                    // before.
                    let mut reason = reason;
                    // ... «إجابة حاسمة». كما نقلت «رويترز».: so does كما and a
                    // reporting verb with only the outlet after it.
                    let as_reported = form.class == MarkerClass::Verb && i == sent.first + 1 && ctx.word(sent.first) == Some("كما");
                    if (form.class == MarkerClass::Preposition && i == sent.first || as_reported)
                        && let Some(src) = ctx.relayed_outlet_sentence(end, sent)
                        && let Some(p) = out.frames.last_mut()
                        && p.sentence + 1 == si
                        && p.relayed_by.is_none()
                        && p.claim.1 + 1 + usize::from(quotes.opener(p.claim.1).is_some()) >= seg.sentences[p.sentence].end
                    {
                        p.relayed_by = Some(src);
                        reason = Reason::Relayed;
                    }
                    out.rejected.push(Rejected {
                        sentence: si,
                        cue,
                        reason,
                        head,
                        agreement: form.agreement,
                    });
                    i = end;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;
    use crate::segment::segment;

    /// (marker as written, claim as written, quote type) of each frame.
    fn frames(text: &str) -> Vec<(String, String, QuoteType)> {
        let rules = Rules::embedded();
        let n = normalize(text);
        let seg = segment(&n.text);
        let q = quotes::pair(&seg);
        let found = find(&n.text, &seg, &q, &rules);
        let span = |(a, b): (usize, usize)| n.text[seg.tokens[a].start as usize..seg.tokens[b - 1].end as usize].to_string();
        found.frames.iter().map(|f| (span(f.cue), span(f.claim), f.quote_type)).collect()
    }

    #[test]
    fn a_verb_with_a_complementizer_reports_the_clause() {
        let f = frames("والخميس، قالت منظمة معاهدة الأمن الجماعي إنها أرسلت أولى قوات حفظ سلام إلى كازاخستان.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].1, "ارسلت اولي قوات حفظ سلام الي كازاخستان");
        assert_eq!(f[0].2, QuoteType::Indirect);
    }

    #[test]
    fn a_quoted_outlet_name_is_not_the_claim() {
        let f = frames("وأضاف لموقع “سكاي نيوز عربية”، أن “الاضطرابات تأتي قبيل أيام من سلسلة اجتماعات”.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].1, "الاضطرابات تاتي قبيل ايام من سلسله اجتماعات");
        assert_eq!(f[0].2, QuoteType::Direct);
    }

    #[test]
    fn pre_and_post_posed_prepositions() {
        let pre = frames("ووفق إذاعة “أوروبا الحرة”، فإن روسيا لا يمكن أن تسمح بانهيار كازاخستان.");
        assert_eq!(pre[0].1, "روسيا لا يمكن ان تسمح بانهيار كازاخستان");
        let post = frames("أجبر العدد الكبير لضحايا القصف الأطباء على استخدام أدوية منتهية الصلاحية، وفق ما ذكرت وسائل إعلام أميركية.");
        assert_eq!(post[0].0, "وفق ما ذكرت");
        assert_eq!(post[0].1, "اجبر العدد الكبير لضحايا القصف الاطباء علي استخدام ادويه منتهيه الصلاحيه");
    }

    #[test]
    fn look_alikes_give_no_frame() {
        assert!(frames("واحتسب الحكم الإنجليزي مايكل أوليفر ضربة جزاء لمصلحة ريال مدريد.").is_empty());
        assert!(frames("وتعد الحديقة الخلفية لروسيا، وإن كان ذلك لا يمنع العاصمة من فتح بابها.").is_empty());
        // يذكر أن: impersonal, no source.
        assert!(frames("يذكر أن ترامب وقع مذكرة طلب من وزير الدفاع تقديم قائمة.").is_empty());
    }
}
