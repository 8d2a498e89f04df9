//! Links each frame to its speaker, title and outlet.
//!
//! Reads the source words of a frame (title, name, outlet), resolves short
//! names, descriptions (المجلة، الوزير) and bare continuations (وأضاف) to
//! the speakers the document introduced, and keeps each speaker's outlet.

use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};

use rustc_hash::FxHashMap;

use crate::cues::Frame;
use crate::model::SpeakerType;
use crate::rules::{Agreement, MarkerClass, Rules, relay_pronoun, without_pronoun};
use crate::segment::{Kind, Segments};

/// A token range, end-exclusive.
type Span = (usize, usize);

/// A source the document has introduced.
#[derive(Debug, Clone)]
struct Entity {
    name: String,
    key: Vec<String>,
    kind: SpeakerType,
    title: String,
    title_key: Vec<String>,
    agreement: Agreement,
    /// How a document of the source's agrees when it is spoken of (وقال
    /// البيان after القوات المسلحة في بيان: masculine), so continuations
    /// of the document find the source too.
    document_agreement: Agreement,
    outlet: String,
    /// Sentence where the outlet was last named.
    outlet_sentence: usize,
}

/// The attribution of one frame. The speaker is an entity of the document:
/// its final name is read once the whole document is linked, so an early
/// short mention gets the full name introduced later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub entity: usize,
    /// Token range of the words naming the speaker in this sentence.
    pub mention: Option<(usize, usize)>,
    pub outlet: String,
}

/// What the source words of a frame say.
#[derive(Debug, Default)]
struct Head {
    np: Option<(usize, usize)>,
    /// The noun phrase came after a comma-separated adverbial piece.
    np_late: bool,
    appos: Option<(usize, usize)>,
    outlet: Option<(usize, usize, usize)>,
    /// An explicit "from the other side" (نقلت وكالة X عن Y): X is the outlet.
    via_outlet: Option<(usize, usize)>,
    /// Where the source words start.
    start: usize,
    /// نقلت وكالة X عنه: the source is a pronoun, the current speaker of
    /// this agreement.
    relay_pronoun: Option<Agreement>,
}

/// What a caller needs from the source words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wanted {
    /// The speaker only (a verb that reported nothing names who spoke).
    Speaker,
    /// The speaker and the outlet.
    SpeakerAndOutlet,
    /// نقل: the words before عن are the outlet that relays the speaker.
    Relay,
}

/// Per-document linking state. Create one per document.
pub struct Linker<'a> {
    text: &'a str,
    seg: &'a Segments,
    rules: &'a Rules,
    /// Renders a token range as original text (quotation marks removed).
    render: &'a dyn Fn(usize, usize, usize) -> String,
    /// The original text of one token, as it stands.
    raw: &'a dyn Fn(usize) -> &'a str,
    entities: Vec<Entity>,
    /// The token whose leading ل is not part of the source (set per frame).
    lam: Option<usize>,
    /// Entity indices of past speakers, most recent last.
    history: Vec<usize>,
    /// The sentence where the most recent speaker was last named.
    last_sentence: usize,
    /// The latest outlet named so far for each type word (folded): a
    /// description (الصحيفة) may point back to one that never spoke.
    outlets: FxHashMap<String, String>,
    /// The issuer of the latest document of each kind (بيان، تقرير),
    /// folded without ال: البيان later points back to it.
    documents: FxHashMap<String, usize>,
    /// Where each word stands next to a marker, built on first use: the
    /// test that a name recurs must not rescan the document.
    marker_neighbours: OnceCell<FxHashMap<&'a str, Vec<usize>>>,
    /// Where each phrase's name starts, by phrase and the token whose ل is
    /// set aside: the same phrase is read again by each stage of linking,
    /// and the answer does not depend on what has been linked so far.
    name_starts: RefCell<FxHashMap<NameKey, Option<usize>>>,
}

/// A phrase's token range and the token whose ل is set aside.
type NameKey = (usize, usize, Option<usize>);

/// Entities that resolution compares a new mention against (the most recent).
const ENTITY_WINDOW: usize = 256;
/// Past speakers kept for continuations.
const HISTORY_MAX: usize = 32;
/// Sentences after its last mention that a speaker who does not agree may
/// still take a continuation.
const FALLBACK_SENTENCES: usize = 1;
/// How far back (in tokens) a short name looks for its full form.
const NAME_LOOKBACK_TOKENS: usize = 4000;

/// Tokens an outlet's name may take before the source it relays.
const OUTLET_MAX_TOKENS: usize = 9;
/// Sentences over which a speaker's outlet still applies to a new mention.
const OUTLET_CARRY_SENTENCES: usize = 3;

/// أول، ثاني after a rank (الملازم أول): the rank's, not a name's.
fn is_ordinal(w: &str) -> bool {
    matches!(w, "اول" | "ثاني" | "ثان")
}

fn definite(w: &str) -> bool {
    // التزامها، التقطها: the article never takes a possessive after it;
    // ال there is the word's own.
    if w.starts_with("ال") && w.ends_with("ها") {
        return false;
    }
    w.starts_with("ال")
        || w.starts_with("بال")
        || w.starts_with("لل")
        || w.starts_with("وال")
        || w.starts_with("كال")
        || w.starts_with("فال")
}

/// Whether a folded word has the shape of a definite verbal noun التفعيل
/// (التأكيد، التحذير، الترحيب), which family names lack (التميمي، التماير:
/// a nisba's ي, or a long vowel before the ي).
fn tafil(w: &str) -> bool {
    let Some(rest) = w.strip_prefix("الت") else { return false };
    let mut cs = rest.chars();
    let shape = (cs.next(), cs.next(), cs.next(), cs.next(), cs.next());
    matches!(shape, (Some(_), Some(c4), Some('ي'), Some(c6), None) if c4 != 'ا' && c6 != 'ي' && c6 != 'ه')
}

/// A definite word with ب or ل glued on (بالقلق، للصحفيين): a
/// prepositional phrase, not a name word.
fn glued_phrase(w: &str) -> bool {
    (w.starts_with("بال") || w.starts_with("لل")) && w.chars().count() > 4
}

/// A noun's stem before its ة written ت under a pronoun (ولايته → ولاي،
/// مسؤوليتها → مسؤولي), if the word reads so.
fn before_possessed_ta(w: &str) -> Option<&str> {
    let s = without_pronoun(w);
    if s == w { None } else { s.strip_suffix('ت') }
}

/// The noun a possessed ت stands for, ة folded to ه (ولايته → ولايه،
/// زوجته → زوجه).
fn possessed_noun(w: &str) -> Option<String> {
    before_possessed_ta(w).map(|r| format!("{r}ه"))
}

/// Whether any of the entities has the folded word `w` in its name.
fn named_in(entities: &[Entity], w: &str) -> bool {
    entities.iter().any(|e| e.key.iter().any(|k| k == w))
}

/// A word of four letters or more with ب or ل glued on (بتبوك، لمهرجان):
/// a place or body after a role, or a phrase bounding a name.
fn glued_word(w: &str) -> bool {
    w.starts_with(['ب', 'ل']) && w.chars().count() > 3
}

/// A word without its feminine or pronoun ending ه (الحكومة ~ الحكوم).
fn stem(w: &str) -> &str {
    w.trim_end_matches('ه')
}

fn bare(w: &str) -> &str {
    w.strip_prefix("ال").unwrap_or(w)
}

/// Whether a folded word has the ending of a relative adjective (أمني،
/// أمنية، إيرانيون، أمريكيين), which qualifies the noun before it.
fn relative_adjective(w: &str) -> bool {
    ["ي", "يه", "يون", "يين", "يات"].iter().any(|e| w.ends_with(e))
}

fn compatible(a: Agreement, b: Agreement) -> bool {
    a == Agreement::Unknown || b == Agreement::Unknown || a == b
}

impl<'a> Linker<'a> {
    /// A linker for one document. `render(a, b, skip)` returns the original
    /// text of tokens a..b, skipping `skip` leading characters of token a;
    /// `raw(i)` the original text of token i as it stands.
    pub fn new(
        text: &'a str,
        seg: &'a Segments,
        rules: &'a Rules,
        render: &'a dyn Fn(usize, usize, usize) -> String,
        raw: &'a dyn Fn(usize) -> &'a str,
    ) -> Self {
        Linker {
            text,
            seg,
            rules,
            render,
            raw,
            entities: Vec::new(),
            lam: None,
            history: Vec::new(),
            last_sentence: 0,
            outlets: FxHashMap::default(),
            documents: FxHashMap::default(),
            marker_neighbours: OnceCell::new(),
            name_starts: RefCell::default(),
        }
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.seg.tokens.get(i)?;
        t.is_word().then(|| t.text(self.text))
    }

    /// Whether token `i` is the word `w`; lengths are compared first, as
    /// the look-backs over the document test thousands of tokens.
    fn is_word(&self, i: usize, w: &str) -> bool {
        self.seg
            .tokens
            .get(i)
            .is_some_and(|t| t.is_word() && (t.end - t.start) as usize == w.len() && t.text(self.text) == w)
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
        if self.lam == Some(a) {
            self.render_stripped((a, b))
        } else {
            (self.render)(a, b, 0)
        }
    }

    /// Words of a range as folded strings, for keys.
    fn key(&self, r: (usize, usize)) -> Vec<String> {
        self.words(r).into_iter().map(Cow::into_owned).collect()
    }

    /// Splits the source words into noun phrase, apposition and outlet.
    fn read_head(&self, (a, b): (usize, usize), wanted: Wanted) -> Head {
        let nql = wanted == Wanted::Relay;
        let mut head = Head {
            start: a,
            ..Head::default()
        };
        // نقلت وكالة X عن Y قوله: X is the outlet, Y the speaker.
        let mut a = a;
        // ... نقلا عن Y / على لسان Y inside the source words: same split.
        let relay = (a..b).find(|&i| {
            (self.word(i) == Some("عن") && i > a && self.word(i - 1) == Some("نقلا"))
                || (self.word(i) == Some("لسان") && i > a && self.word(i - 1) == Some("علي"))
        });
        if let Some(r) = relay {
            let left = if self.word(r) == Some("عن") || self.word(r) == Some("لسان") {
                r - 1
            } else {
                r
            };
            if left > a {
                head.via_outlet = Some(self.trim_range((a, left)));
            }
            a = r + 1;
        } else if nql && let Some(an) = (a..b).find(|&i| self.word(i) == Some("عن")) {
            // نقلت، في الساعات الأولى من صباح السبت، عن: an adverbial piece
            // is no outlet.
            let piece = self.outlet_piece(self.trim_range((a, an)));
            let adverbial = self.word(piece.0).is_some_and(|w| {
                self.rules.is_preposition(w) || self.rules.is_adverbial(w) || self.rules.time_at(std::iter::once(w)).is_some()
            });
            if an > a && piece.0 < piece.1 && !adverbial {
                head.via_outlet = Some(piece);
            }
            a = an + 1;
        } else if nql && let Some((p, agreement)) = (a..b).find_map(|i| Some((i, relay_pronoun(self.word(i)?)?))) {
            // وفق ما نقلت عنه وكالة الأنباء السورية: the pronoun may come
            // first, and the outlet after it.
            head.via_outlet = if p == a {
                self.outlet_at(a, b).map(|(s, e, _)| (s, e))
            } else {
                Some(self.outlet_piece((a, p)))
            };
            head.relay_pronoun = Some(agreement);
            return head;
        }
        // قالت وهي تبكي: a clause on the speaker's state follows the verb;
        // the speaker is the verb's pronoun, and the words after the clause
        // are no apposition.
        if self.word(a).is_some_and(is_clause_pronoun) {
            return head;
        }
        let mut seg_start = a;
        let mut i = a;
        while i <= b {
            let boundary = i == b || self.seg.tokens[i].is('،');
            if boundary {
                if seg_start < i {
                    self.read_segment((seg_start, i), wanted != Wanted::Speaker, &mut head);
                }
                seg_start = i + 1;
                // Later pieces could only name an outlet.
                // (Not after a role with no name in it: مؤلف الكتاب، الصحفي
                // المخضرم، بوب وودورد names him in the next piece.)
                if wanted == Wanted::Speaker && head.np.is_some() && head.appos.is_some_and(|ap| !self.nameless_role(ap)) {
                    break;
                }
            }
            i += 1;
        }
        head
    }

    /// The relaying outlet's words, up to the first comma or time word:
    /// 'وكالة فارس للأنباء، الخميس، عنه' and 'وكالة فارس للأنباء أمس السبت
    /// عنه' name وكالة فارس للأنباء. A time word inside a known or quoted
    /// name is the name's (روسيا اليوم).
    fn outlet_piece(&self, (a, b): (usize, usize)) -> (usize, usize) {
        let end = (a + 1..b).find(|&i| self.seg.tokens[i].is('،')).unwrap_or(b);
        let time = |x: usize| self.word(x).is_some() && self.time_at(x, end).is_some();
        // Most pieces hold no time word: the name lookups wait for one.
        let Some(first_time) = (a + 1..end).find(|&x| time(x)) else {
            return self.trim_range((a, end));
        };
        let known = |s: usize| {
            self.rules
                .outlet_name_at((s..end).filter_map(|x| self.word(x)))
                .map(|n| self.nth_word_end(s, n, end))
        };
        // named_outlet_extent reads a known name after a type word.
        let name_end = [known(a), self.named_outlet_extent((a, end)).map(|r| r.1)]
            .into_iter()
            .flatten()
            .max()
            // A type word's name is at least one word (موقع سبتمبر نت).
            .unwrap_or(if self.word(a).is_some_and(|w| self.rules.is_outlet_type(w)) {
                a + 2
            } else {
                a + 1
            });
        let Some(mut cut) = (name_end.max(first_time)..end).find(|&x| time(x)) else {
            return self.trim_range((a, end));
        };
        // قناة دوزد المعارضة في 22 فبراير: the preposition and the number
        // before a date go with it.
        while cut > name_end
            && self
                .word(cut - 1)
                .is_none_or(|w| self.rules.is_preposition(w) || w == "شهر" || w.chars().all(|c| c.is_ascii_digit()))
        {
            cut -= 1;
        }
        self.trim_range((a, cut))
    }

    fn trim_range(&self, (mut a, mut b): (usize, usize)) -> (usize, usize) {
        while a < b && !self.seg.tokens[a].is_word() && !self.is_opener(a) {
            a += 1;
        }
        while b > a && !self.seg.tokens[b - 1].is_word() && !self.is_closer(b - 1) {
            b -= 1;
        }
        // مصدر لم | يذكر اسمه: the phrase stopped at the verb a negation
        // belongs to, and no phrase ends in one.
        while b > a + 1 && matches!(self.word(b - 1), Some("لم" | "لن")) {
            b -= 1;
        }
        (a, b)
    }

    fn is_opener(&self, i: usize) -> bool {
        matches!(self.seg.tokens[i].kind, Kind::Punct('“' | '«' | '"' | '‹'))
    }

    fn is_paren(&self, i: usize) -> bool {
        matches!(self.seg.tokens[i].kind, Kind::Punct('(' | ')'))
    }

    fn is_closer(&self, i: usize) -> bool {
        matches!(self.seg.tokens[i].kind, Kind::Punct('”' | '»' | '"' | '›'))
    }

    /// Reads one comma-separated piece of the source words; without
    /// `outlets`, the reading stops where the noun phrase ends.
    fn read_segment(&self, (a, b): (usize, usize), outlets: bool, head: &mut Head) {
        let mut i = a;
        // ، التي طلبت عدم نشر اسمها،: a relative clause names no one, nor
        // does a note after the source that it is anonymous (مسؤول، طلب عدم
        // الكشف عن هويته،), which ends on the hidden name ('صبي اسمه بيتر كريغ'
        // names one).
        let anonymous = || head.np.is_some() && (a..b).rev().find_map(|i| self.word(i)).is_some_and(|w| self.rules.is_anonymity(w));
        // ، قوله إن: the speech noun after the source names no one; nor
        // does it after a pronoun-preposition (ونُقل عنه قوله إن).
        let said = || {
            (a..b)
                .filter_map(|i| self.word(i))
                .skip_while(|w| self.rules.cuts_before(w))
                .all(|w| self.rules.is_self_source(w))
        };
        // ، مطالبين بتقليل ...: a participle after the source tells what it
        // did, and names no one.
        let participle = || head.np.is_some() && self.word(a).is_some_and(|w| self.rules.is_manner(w));
        // سكرتير الرئاسة، حيث سيعبر الوفد ...: a conjunction after the source
        // opens a clause, not an apposition.
        let clause = || head.np.is_some() && self.rules.conjunction_at((a..b).filter_map(|i| self.word(i))).is_some();
        if self.word(a).is_some_and(crate::rules::is_relative) || anonymous() || said() || participle() || clause() {
            return;
        }
        // من جهته، بدوره: the piece only points back.
        let ws = self.words((a, b));
        if let Some(n) = self.rules.anaphora_at(ws.iter().map(|w| w.as_ref()))
            && n == ws.len()
        {
            return;
        }
        // Leading time expressions, pronoun-prepositions (فيها، له) and
        // addressees (للصحافيين) are not the source.
        let mut adverbial = false;
        loop {
            if i >= b {
                break;
            }
            // يقول إمام وخطيب جامع ...: the role, not "before".
            if self.word(i).is_some_and(|w| self.rules.is_adverbial(w)) && !self.is_imam(i) {
                adverbial = true;
                break;
            }
            if let Some(n) = self.time_at(i, b) {
                i = self.nth_word_end(i, n, b);
                continue;
            }
            // قال لـ«عكاظ» وكيل وزارة الصحة: the medium comes first, the
            // source after it, opening with a role, a body or a first name
            // (قال لرويترز عبر الهاتف names no one), or with a name whose
            // role follows (قال لـ"الاقتصادية" طلعت حافظ الأمين العام).
            if self.lam != Some(i)
                && let Some(o) = self.outlet_at(i, b)
                && o.1 < b
                && self.word(o.1).is_some_and(|w| {
                    self.rules.is_first_name(w)
                        || self.rules.is_title(w)
                        || self.rules.is_unnamed(w)
                        || self.rules.is_organization_word(w)
                        || self.name_like(w)
                            && (o.1 + 1..(o.1 + 4).min(b)).any(|x| self.word(x).is_some_and(|n| definite(n) && self.rules.is_title(n)))
                })
            {
                head.outlet.get_or_insert(o);
                i = o.1;
                continue;
            }
            // أبلغ "الاقتصادية" مسؤول بحريني: a known outlet in quotation
            // marks, then the source, is the medium told.
            if self.is_opener(i)
                && let Some(c) = (i + 2..b.min(i + 6)).find(|&x| self.is_closer(x))
                && (i + 1..c).all(|x| self.word(x).is_some())
                && self.rules.outlet_name_at((i + 1..c).filter_map(|x| self.word(x))) == Some(c - i - 1)
                && self
                    .word(c + 1)
                    .is_some_and(|w| self.rules.is_first_name(w) || self.rules.is_title(w) || self.rules.is_unnamed(w))
            {
                head.outlet.get_or_insert((i + 1, c + 1, 0));
                i = c + 1;
                continue;
            }
            match self.word(i) {
                // ونوه بما ناله السوق: what follows opens the object, not the
                // subject.
                Some(w) if self.rules.opens_object(w) => return,
                // وأوضح كل من أحمد العامري وسلطان العتيبي: "each of" before
                // the names of joint sources is no part of them.
                // Not كل من تسول له نفسه "whoever": a first name or a و-joined
                // second source follows.
                Some("كل")
                    if self.word(i + 1) == Some("من")
                        && self.word(i + 2).is_some_and(|n| {
                            self.rules.is_first_name(n)
                                || self.name_like(n)
                                    && (i + 3..(i + 6).min(b))
                                        .any(|x| self.word(x).is_some_and(|w| w.starts_with('و') && w.chars().count() > 2))
                        }) =>
                {
                    i += 2
                }
                // وقالت ذات المصادر: "the same" before the source points
                // back with it.
                Some(w) if self.rules.is_sameness(w) && self.word(i + 1).is_some_and(definite) => i += 1,
                // وأشار إلى ضبط أختام: a preposition opens a phrase that
                // names no subject, so it is not skipped like له or أيضا.
                Some(w)
                    if (self.rules.cuts_before(w)
                        && !self.rules.is_via(w)
                        && !self.rules.is_preposition(w)
                        && !self.is_ali(i)
                        && !self.is_imam(i))
                        || w.chars().all(|c| c.is_ascii_digit()) =>
                {
                    i += 1
                }
                // قال فيها لمسؤولين بالنظام السوري إنه: an addressee; what
                // follows it in the piece qualifies it and names no source.
                Some(w)
                    if self.lam != Some(i)
                        && !w.starts_with("لل")
                        && w.strip_prefix('ل')
                            .map(without_pronoun)
                            .is_some_and(|r| r.chars().count() >= 3 && (self.rules.is_title(r) || self.rules.is_unnamed(r)))
                        // لإحدى الصحف المحلية: a medium, not an addressee.
                        && !self.word(i + 1).is_some_and(|n| self.rules.is_outlet_type(n)) =>
                {
                    return;
                }
                Some(w) if w.starts_with("لل") && self.lam != Some(i) && self.outlet_at(i, b).is_none() => {
                    i += 1;
                    while i < b && self.word(i).is_some_and(definite) {
                        i += 1;
                    }
                }
                _ => break,
            }
        }
        // A piece that opens with a preposition (في بيان، إلى رفض ...) names
        // no subject, though it may name the outlet.
        // يقول بالعبرية: a ب+ال word opening the piece is a manner phrase.
        let manner = self.word(i).is_some_and(|w| w.starts_with("بال") && w.chars().count() > 4);
        // وقال عبر حسابه بموقع تويتر إنها: a medium phrase the outlet
        // reading did not take (حسابه is no outlet's name) names no subject
        // either.
        let pp = adverbial
            || manner
            || self.word(i).is_some_and(|w| self.rules.is_preposition(w) || w == "عبر") && self.lam != Some(i) && !self.is_ali(i);
        let np_start = i;
        // ، بشرط عدم الكشف عن هويته،: a piece that only keeps the source
        // anonymous names no one.
        if self.anonymity_note(np_start, b).is_some() {
            return;
        }
        let mut np_end = if pp { i } else { b };
        let mut k = i;
        // Past the phrase's end only an outlet is still looked for.
        while k < b && (outlets || k < np_end) {
            let t = self.seg.tokens[k];
            if let Some(w) = self.word(k) {
                if let Some(o) = self
                    .outlet_at(k, b)
                    .filter(|_| self.lam != Some(k) && !self.employer_at(k, np_start, b))
                {
                    if head.outlet.is_none() {
                        head.outlet = Some(o);
                    }
                    np_end = np_end.min(k);
                    k = o.1.max(k + 1);
                    continue;
                }
                // Past the phrase's end only an outlet is still looked for:
                // the checks below can only end the phrase earlier.
                if k >= np_end {
                    k += 1;
                    continue;
                }
                // A verb, or an adverbial marker (البيان | وفقا للوكالة), ends the phrase.
                if k > np_start
                    && self
                        .rules
                        .marker(w)
                        .is_some_and(|f| f.class != MarkerClass::Preposition || w.ends_with('ا'))
                {
                    np_end = np_end.min(k);
                }
                if k == np_start
                    && self
                        .rules
                        .marker(w)
                        .is_some_and(|f| matches!(f.class, MarkerClass::Verb | MarkerClass::Participle))
                {
                    np_end = np_start; // أضافت قائلة: no subject here
                }
                // مدير عام الهيئة، مدير عام تعليم الخرج: after a role word and
                // before a word (not a number) عام is "general", not "year".
                let general = w == "عام"
                    && self.word(k - 1).is_some_and(|p| self.rules.is_title(p))
                    && self
                        .word(k + 1)
                        .is_some_and(|n| !n.chars().all(|c| c.is_ascii_digit()) && !self.rules.is_complementizer(n));
                let timed = !general && self.time_at(k, b).is_some();
                let self_ref = self.rules.is_self_source(w);
                if k > np_start
                    && ((self.rules.cuts_before(w) || self.rules.is_via(w)) && !self.is_ali(k) && !self.is_imam(k) || timed || self_ref)
                    && !self.keeps_place(k, np_start)
                    && self.role_holder(k, np_start, b).is_none()
                    && !self.inside_quote(k, np_start)
                {
                    np_end = np_end.min(k);
                }
                // وقال الإسماعيلي بموقعه على الإنترنت: the speaker's own
                // medium, ب or ل glued on and its pronoun after, ends the
                // phrase.
                if k > np_start
                    && w.strip_prefix(['ب', 'ل']).is_some_and(|r| {
                        let bare_medium = without_pronoun(r);
                        bare_medium != r && self.rules.is_outlet_type(bare_medium)
                    })
                {
                    np_end = np_end.min(k);
                }
                // مسؤول كردي فضل عدم كشف اسمه: the note that the source
                // stays anonymous is no part of it.
                if k > np_start && self.anonymity_note(k, b).is_some() {
                    np_end = np_end.min(k);
                }
                // البابا ... مازحا: a manner adverb or participle ends the phrase.
                if k > np_start && self.rules.is_manner(w) {
                    np_end = np_end.min(k);
                }
                // حركة تقدم نفسها: the word before a reflexive is a verb.
                if k > np_start && self.word(k + 1).is_some_and(|r| self.rules.is_reflexive_object(w, r)) {
                    np_end = np_end.min(k);
                }
                // وانغ يي | لنظيره الأميركي: a role word with ل is the addressee.
                // بوتين | لعباس: after a person's name, a person's name with ل
                // is the addressee.
                let person = |x: &str| {
                    self.rules.is_first_name(x)
                        || self
                            .entities
                            .iter()
                            .any(|e| e.kind == SpeakerType::Person && e.key.iter().any(|n| n == x))
                };
                let addressee = w.strip_prefix('ل').is_some_and(|r| {
                    self.rules.is_title(without_pronoun(r))
                        // Not لجان "committees" after على، "Jean" after "Ali".
                        || r.chars().count() > 3
                            && self.word(k - 1).is_some_and(|p| !definite(p) && !self.rules.is_preposition(p) && person(p))
                            && person(r)
                            && self.rules.outlet_name_at(std::iter::once(r)).is_none()
                });
                if w == "ل" || w == "له" || w == "لها" || w == "لهم" || (addressee && self.lam != Some(k)) {
                    np_end = np_end.min(k);
                }
            } else if t.is('(')
                && k == np_start + 1
                && self.word(np_start).is_some_and(|w| self.body_word(w))
                && let Some(c) = (k + 2..(k + 7).min(b)).find(|&c| self.seg.tokens[c].is(')'))
            {
                // وقالت شركة (آر.تي.إي): the name in parentheses right after a
                // body's word is its own.
                k = c + 1;
                continue;
            } else if t.is('(') || t.is('؛') {
                // لاحم الناصر؛ المستشار: a semicolon, like a parenthesis,
                // ends the phrase.
                np_end = np_end.min(k);
            }
            k += 1;
        }
        let mut np = self.np_extent(self.trim_range((np_start, np_end.max(np_start))));
        // دراسة حديثة من: a preposition left at the end belongs to what was cut.
        while np.1 > np.0 + 1 && self.word(np.1 - 1).is_some_and(|w| self.rules.is_preposition(w)) && !self.is_ali(np.1 - 1) {
            np = self.trim_range((np.0, np.1 - 1));
        }
        if np.0 >= np.1 || self.words(np).is_empty() {
            return;
        }
        if head.np.is_none() {
            head.np = Some(np);
            head.np_late = a > head.start;
            // قال سامح شكري وزير الخارجية المصري إن: a role right after a
            // name, with no comma, is its apposition as after one.
            // (A name of two words or more: سجاد | مالك is one name, مالك
            // also "owner"; not a name's particle: عبد الإله | ابن كيران.)
            if head.appos.is_none()
                && np.1 < np_end
                && self.word(np.1).is_some_and(|w| {
                    (self.rules.is_title(w) || self.rules.is_unnamed(w)) && !self.rules.is_particle(w) && !self.rules.is_kinship(bare(w))
                })
                && (np.0..np.1).filter(|&i| self.word(i).is_some()).count() >= 2
                && self.name_start(np) == Some(np.0)
            {
                let role = self.np_extent(self.trim_range((np.1, np_end)));
                if role.0 < role.1 {
                    head.appos = Some(role);
                }
            }
        } else if head.appos.is_none() && self.before_tanween(np).is_some() {
            // ...، تمهيداً لانتقالهم: an adverb with tanween opens no apposition.
            head.appos = Some(np);
        } else if head.appos.is_some_and(|ap| ap.1 < a && self.nameless_role(ap))
            && head.np.is_some_and(|n| self.name_start(n).is_none())
            && self.name_start(np) == Some(np.0)
            && self.word(np.0).is_some_and(|w| self.rules.is_first_name(w))
        {
            // مؤلف الكتاب، الصحفي المخضرم، بوب وودورد: a second apposition
            // that is a name, opening with a known first name.
            head.appos = Some(np);
        }
    }

    /// The article's first titled name before token `h` that the honorific
    /// there stands for.
    fn honorific_name_before(&self, h: usize) -> Option<(usize, usize)> {
        let titles = self.rules.honorific_titles(self.word(h)?);
        // The first such name in the article, not the nearest: the person
        // the article is about speaks; those named after are thanked or
        // received (أمير المنطقة ... شكر الأمير محمد بن نايف ... وقال سموه).
        (0..h).find_map(|k| {
            let w = bare(self.word(k)?);
            if !titles.iter().any(|t| bare(t) == w) {
                return None;
            }
            // A known first name, then بن and the names after it, and a
            // family name (الأمير فيصل بن خالد بن عبدالعزيز، الشيخ سلمان بن
            // محمد النشوان).
            let s = k + 1;
            // (معالي مساعد وزير: مساعد is a role here.)
            if !self.word(s).is_some_and(|f| self.rules.is_first_name(f) && !self.rules.is_title(f)) {
                return None;
            }
            let mut e = self.lineage_end(s + 1);
            // عبدالعزيز بن عبدالله آل الشيخ: a family's آل (folded to ال)
            // and its name end the lineage; otherwise a family name may.
            let family = e > s + 2 && self.word(e - 2) == Some("ال");
            if !family
                && let Some(n) = self.word(e)
                // (Not a noun after the name: الجلسة، البارحة، اتصالا.)
                && (e == s + 1 && self.name_like(n)
                    || definite(n)
                        && !n.ends_with('ة')
                        && !self.rules.is_title(bare(n))
                        && !self.rules.is_place_nisba(n)
                        && self.rules.time_at(std::iter::once(n)).is_none())
                && self.rules.marker(n).is_none()
                && !self.rules.is_organization_word(n)
                && self.rules.place_at(std::iter::once(n)).is_none()
            {
                e += 1;
            }
            Some((s, e))
        })
    }

    /// Where a name's lineage starting at token `r` ends: بن and the name
    /// after it, and آل with the family's name, as often as they follow
    /// (محمد | بن نايف بن عبد العزيز آل سعود; عبد and ابو take one word more).
    fn lineage_end(&self, mut r: usize) -> usize {
        while matches!(self.word(r), Some("بن" | "ابن" | "بنت" | "ال")) && self.word(r + 1).is_some() {
            r += 2;
            if matches!(self.word(r - 1), Some("عبد" | "ابو")) && self.word(r).is_some() {
                r += 1;
            }
        }
        r
    }

    /// Whether a phrase is a role with no name in it (الصحفي المخضرم).
    fn nameless_role(&self, r: (usize, usize)) -> bool {
        self.word(r.0).is_some_and(|w| self.rules.is_title(bare(w))) && self.name_start(r).is_none()
    }

    /// Where a noun phrase naming a source ends: a place alone, an
    /// organisation with its genitives and adjectives, or a title with the
    /// name after it; objects and trailing descriptions are left out.
    fn np_extent(&self, r: (usize, usize)) -> (usize, usize) {
        // ولفت التقرير | النظر إلى أن: the noun of لفت النظر opens the
        // verb's object, after the subject as before it.
        let r = match (r.0 + 1..r.1).find(|&i| {
            self.word(i).is_some_and(|w| definite(w) && self.rules.opens_object(w))
                && (i + 1 == r.1 || matches!(self.word(i + 1), Some("الي")))
        }) {
            Some(i) => self.trim_range((r.0, i)),
            None => r,
        };
        let (a, mut b) = self.read_np_extent(r);
        // شركة يوتيوب المملوكة | لغوغل: an adjective cut from its complement.
        while let Some(last) = (a + 1..b).rev().find(|&i| self.word(i).is_some())
            && self.word(last).is_some_and(|w| self.rules.is_dependent_adjective(w))
            && !self.inside_quote(last, a)
        {
            b = self.trim_range((a, last)).1;
        }
        (a, b)
    }

    /// [`Self::np_extent`] before a dangling adjective is dropped.
    fn read_np_extent(&self, (a, b): (usize, usize)) -> (usize, usize) {
        let idx: Vec<usize> = (a..b).filter(|&i| self.word(i).is_some()).collect();
        let Some(&first) = idx.first() else { return (a, b) };
        let fw = self.word_at(first).unwrap_or_default();
        let ws: Vec<Cow<str>> = idx.iter().filter_map(|&i| self.word_at(i)).collect();
        let it = || ws.iter().map(|w| w.as_ref());
        let described = self.rules.is_unnamed(&fw) && !self.rules.is_title(&fw) || self.is_quantity_phrase((a, b));
        let org_words = self.rules.organization_at(it());
        let organization = org_words.is_some();
        // وانتقد التقرير | تواصل حملة ترامب: a definite document takes no
        // genitive, so an indefinite word right after it opens the verb's
        // object (not a number, رقم or نفسه: البيان رقم 3، التقرير نفسه).
        if fw.starts_with("ال")
            && self.rules.is_document(bare(&fw))
            && let Some(&second) = idx.get(1)
            && let Some(w) = self.word(second)
            && !definite(w)
            && !matches!(w, "رقم" | "نفسه" | "ذاته")
            && !w.bytes().any(|c| c.is_ascii_digit())
            && !self.rules.is_preposition(w)
            && !self.rules.is_particle(w)
            && !self.inside_quote(second, a)
        {
            return self.trim_range((a, first + 1));
        }
        let body = self.rules.is_outlet_type(&fw) && self.public_body(first);
        if organization || self.rules.is_outlet_type(&fw) || described {
            // منظمة معاهدة الأمن الجماعي | صحة ...: stop at an indefinite
            // word after a definite one (the verb's object).
            let mut prev_def = definite(&fw);
            for (n, &i) in idx.iter().enumerate().skip(1) {
                let w = self.word(i).unwrap_or_default();
                let quoted = self.inside_quote(i, a);
                // ووصف البيت الأبيض الاجتماعات: after a body known by a whole
                // name of several words, a definite noun is the verb's object
                // (an adjective, البيت الأبيض الأمريكي, goes on).
                if org_words.is_some_and(|m| m >= 2 && n == m) && definite(w) && !relative_adjective(w) && !quoted {
                    return self.trim_range((a, idx[n - 1] + 1));
                }
                // مفوضية الأمم المتحدة لشؤون اللاجئين، الاتحاد الأميركي للحريات
                // المدنية: an organisation's name goes on through a ل genitive.
                // وكالة الرئاسة العامة لشؤون المسجد النبوي: so does a
                // public body's.
                // الموقع الرسمي للاتحاد الياباني: so does a medium's owner
                // after an adjective that leaves one to name.
                let prev = self.word(idx[n - 1]).unwrap_or_default();
                let owned = self.rules.is_outlet_type(&fw) && self.rules.is_owner_adjective(prev);
                let genitive = (organization || body || owned)
                    && w.starts_with('ل')
                    && w.chars().count() > 3
                    && !self.rules.cuts_before(w)
                    && self.outlet_at(i, b).is_none()
                    || self.rules.is_outlet_type(&fw) && self.rules.is_media_genitive(w);
                let pp = (w.starts_with("بال") || w.starts_with("لل")) && !quoted && !genitive;
                // مسؤولون أمريكيون اشترطوا عدم ...، خبراء اقتصاديون منذ ...: a
                // plural verb or an adverbial opens a clause about the source;
                // so does a negation or demonstrative after a relative
                // adjective (مصادر أمنية لم تسمها), not after a noun it
                // qualifies (أحد هؤلاء الدبلوماسيين، إحدى مواد هذا القانون).
                // ووصف مسؤولون هذه الضربات: nor can a demonstrative follow a
                // plural that keeps its ن or a definite noun.
                let after_adjective = relative_adjective(prev);
                let after_whole_noun = definite(prev) || prev.ends_with("ون") || prev.ends_with("ين");
                let demonstrative = self.rules.is_demonstrative(w);
                let clause = described
                    && (w.ends_with("وا") && w.chars().count() > 3
                        || self.rules.is_adverbial(w)
                        || after_adjective && self.rules.opens_no_subject(w)
                        || after_whole_noun && demonstrative);
                // وصفت وزارة الخارجية السورية الاتهامات بـ: a definite plural
                // noun after the body's adjective is the verb's object; an
                // adjective there would be one too (السورية، المسلحة).
                // نفى مصدر دبلوماسي تركي الاتهامات: after an indefinite
                // adjective a definite word cannot qualify the source, and
                // opens the object.
                // (Only مصدر، مصادر and their adjectives: أحد محامي الدفاع،
                // مسؤولون بهيئة الإطفاء go on through a genitive.)
                let indefinite_phrase = || {
                    self.rules.is_source_noun(&fw)
                        && idx[1..n].iter().all(|&x| {
                            self.word(x).is_some_and(|p| {
                                relative_adjective(p)
                                    && !definite(p)
                                    && !p.starts_with(['ب', 'ل'])
                                    && !p.ends_with("ات")
                                    && p.chars().count() > 3
                            })
                        })
                };
                let object = (organization || described)
                    && after_adjective
                    && n > 1
                    && w.starts_with("ال")
                    && !relative_adjective(w)
                    && self.rules.place_at(std::iter::once(w)).is_none()
                    && (organization && prev.starts_with("ال") && w.ends_with("ات") || described && indefinite_phrase());
                // سفارة تايلاند لدى واشنطن بيانا: a place kept in the name
                // ends it, unless a definite word goes on.
                if matches!(w, "في" | "لدي")
                    && !quoted
                    && let Some(m) = self.rules.place_at(idx[n + 1..].iter().filter_map(|&x| self.word(x)))
                    && idx.get(n + m + 1).is_some_and(|&x| !definite(self.word(x).unwrap_or_default()))
                    && self.keeps_place(i, a)
                {
                    return self.trim_range((a, idx[n + m] + 1));
                }
                // أعلن تنظيم داعش مسؤوليته: a noun with its pronoun after the
                // body's name is the verb's object; after a word that takes a
                // genitive it is one (مجلس إدارتها، أحد قادتهم، مقربة من عائلته).
                let possessed = self.possessed_object(i, a) && !self.takes_genitive(prev);
                // مركز الملك سلمان للأعمال الإغاثية: the king's name after a
                // body's word is the body's.
                let kings = self.named_institution(i) && self.rules.is_first_name(w);
                if !quoted
                    && !genitive
                    && !kings
                    && (prev_def && !definite(w) || pp || clause || object || possessed)
                    && w != "في"
                    && !self.keeps_place(i, a)
                {
                    return self.trim_range((a, idx[n - 1] + 1));
                }
                // الموقع الرسمي لنادي ليفربول: an owner without the article
                // goes on with its name; so does any genitive without it, in
                // the construct (منظمة قسط لدعم حقوق الإنسان).
                prev_def = definite(w) || quoted || genitive && w.starts_with("لل") || kings;
            }
            return (a, b);
        }
        if let Some(n) = self.rules.place_at(it())
            && n < ws.len()
            && !definite(&ws[n])
        {
            return (a, idx[n - 1] + 1);
        }
        let Some(s) = self.name_start((a, b)) else {
            // وتابع الأمين بصوت خافت: a description with no name ends
            // before a word no subject goes on with; a demonstrative after a
            // word that takes a genitive is one (رئيسة هذه الجمعية), not after
            // a definite one (المعلمة | هذه التهمة).
            let cut = idx.iter().enumerate().skip(1).find(|&(n, &i)| {
                self.word(i).is_some_and(|w| {
                    self.rules.opens_no_subject(w)
                        && !(self.rules.is_demonstrative(w) && self.word(idx[n - 1]).is_some_and(|p| self.takes_genitive(p)))
                }) && !self.inside_quote(i, a)
            });
            return cut.map_or((a, b), |(_, &i)| self.trim_range((a, i)));
        };
        // The name runs on over name words; a role word, a prepositional
        // phrase or a time word after it ends it (آدم كوغل | الباحث).
        let start = idx.iter().position(|&i| i == s).unwrap_or(0);
        let mut end = s + 1;
        // A known person's surname alone (تيتورينكو | تصريحات ...) ends there.
        let sw = self.word(s).unwrap_or_default();
        let first = self.rules.is_first_name(sw);
        // Only asked when a word follows: the look-back is long.
        let known_alone = idx.len() > start + 1
            && (self
                .recent()
                .iter()
                .any(|e| e.kind == SpeakerType::Person && e.key.last().is_some_and(|k| k == sw))
                || self.surname_earlier(s));
        for &i in &idx[start + 1..] {
            let w = self.word(i).unwrap_or_default();
            if known_alone && !self.recent().iter().any(|e| e.key.windows(2).any(|p| p[0] == sw && p[1] == w)) {
                break;
            }
            // سعيد الشيخ؛ كبير الاقتصاديين، محمد الأمين –مقيم سوداني، عادل
            // السلطان -المشرف العام: a clause mark, a long dash or a dash
            // with a space before it ends the name (not رانكين-غالواي nor
            // فرانك- فالتر).
            let toks = &self.seg.tokens;
            let spaced = |x: usize| toks[x - 1].end != toks[x].start;
            // حسين صلاح 21 عاما، نشوان هاشم محمد 23: a person's age after the
            // name, or a number closing the phrase, is no name word (a
            // document's or event's number is: تقرير البنك الدولي لعام 2014).
            if w.bytes().any(|c| c.is_ascii_digit())
                && (self.word(i + 1).is_some_and(|n| matches!(n, "عاما" | "عام" | "سنه" | "سنوات" | "اعوام"))
                    || idx.last() == Some(&i) && (first || end > s + 1))
                // (موفد موقع فرانس 24: an outlet's or document's name goes on.)
                && (idx[0]..i).filter_map(|x| self.word(x)).all(|x| !self.rules.is_outlet_type(x) && !self.rules.is_document(x))
                && (s..i).filter_map(|x| self.word(x)).all(|x| (self.name_like(x) || self.rules.is_particle(x)) && !glued_word(x))
            {
                break;
            }
            if (end..i).any(|x| match toks[x].kind {
                Kind::Punct('؛' | '،' | ':' | '–' | '—' | '(' | ')') => true,
                Kind::Punct('-') => spaced(x),
                _ => false,
            }) {
                break;
            }
            // تركي آل الشيخ، عبد الله بن مساعد: after آل (folded ال) or بن
            // a title word is a family name.
            let after_particle = matches!(self.word(i - 1), Some("ال" | "بن" | "بنت" | "ابن" | "ابو" | "ابي"));
            // محمد مالك فال، محمد أمين: a title word that is also a first
            // name, right after a first name, goes on with the name.
            let second_name = i == s + 1 && self.rules.is_first_name(w) && first;
            // وليد المعلم: a definite role word right after a lone first
            // name is the family name, unless a genitive, a باسم or another
            // first name goes on with the role (محمد المتحدث باسم ...،
            // عبدالعزيز الدكتور حبيب الله).
            // عبدالعزيز الشيخ المتحدث باسم المقاومة: so is one before another
            // definite role word, which opens the apposition (not before a
            // description's word: فهد المدير المسؤول عن ...).
            let family = i == s + 1
                && definite(w)
                && first
                && self.word(i + 1).is_none_or(|n| {
                    !definite(n) && !self.rules.is_speaks_for(n) && !n.starts_with('ل') && !self.rules.is_first_name(n)
                        || definite(n)
                            && self.rules.is_title(n)
                            && (!self.rules.is_unnamed(n) || self.word(i + 2).is_some_and(|a| self.rules.is_speaks_for(a)))
                });
            // محمد كبير | لـ"سكاي نيوز عربية": a role word after a lone
            // first name that ends the phrase, with no genitive, is the
            // family name.
            let bare_family = i == s + 1 && !definite(w) && first && (idx.last() == Some(&i) || self.word(i + 1).is_none());
            let role = (self.rules.is_title(w) || self.rules.is_unnamed(w)) && !after_particle && !second_name && !family && !bare_family;
            // سمير بالطيب عضو المجلس: a family name in بال right after a
            // first name, its role after it, is no phrase.
            let pp = glued_phrase(w) && !(i == s + 1 && first && self.word(i + 1).is_some_and(|n| self.rules.is_title(n)));
            // غردت الأميرة غيداء بنت طلال | تغريدة: a document or a speech
            // noun is the verb's object, never a name word.
            let document = (self.rules.is_document(w) || self.rules.is_frame(w))
                && !definite(w)
                && (known_alone || end > s + 1)
                // بويكو بوريسوف من التكتلات البرلمانية اتخاذ | قرار: a run
                // through a preposition is no name to cut.
                && (s..i).all(|k| self.word(k).is_none_or(|x| !self.rules.is_preposition(x)));
            // ديلف مبتسما، ترامب مجددا، صلاح عدم ...: a manner adverb or
            // participle, or a word no subject goes on with.
            let manner = self.rules.opens_no_subject(w);
            // أبلغ ترمب الصحفيين: an addressee after the name.
            let addressee = self.rules.is_addressee(w);
            // رونالد ليفي من جامعة ستانفورد: "from" an institution ends a
            // name; so does "from" anything after a first and a last name
            // (توم كوتون من قدامى المحاربين).
            // صديجي اغ حمادي من مدينة ميناكا: so does "from" a town or region.
            let from_institution = w == "من"
                && (self.rules.organization_at((i + 1..b).filter_map(|x| self.word(x))).is_some()
                    || self
                        .word(i + 1)
                        .is_some_and(|n| self.rules.is_outlet_type(n) || self.rules.is_place_head(n))
                    || i >= s + 2 && first);
            // عبدالعزيز بن علي التركي: the name علي folds to على, a marker
            // only with لسان after it.
            let cut = (self.rules.cuts_before(w) || from_institution || self.rules.marker(w).is_some()) && !self.is_ali(i);
            // رفض جاستن ترودو | الاعتذار، استهله إيمانويل ماكرون | بزيارة:
            // after a whole name, a definite word that is not a nisba,
            // or after a known first name an indefinite non-name, is the
            // verb's object. A family name after a patronymic or a lone
            // first name goes on (محمد بن عبدالعزيز الصفيان، عبد العزيز
            // المهوس).
            let object = end > s + 1
                // Four words and more only with a patronymic (محمد بن
                // عبدالله العقيبي): a longer run is a double family name
                // (مشعل جابر الأحمد الصباح) or not a name at all.
                && (end <= s + 3 || matches!(self.word(s + 1), Some("بن" | "بنت")))
                && !after_particle
                && !self.rules.is_particle(w)
                && !relative_adjective(w)
                && if definite(w) {
                    !w.ends_with('ه')
                } else {
                    // رحب الرئيس الفرنسي ايمانيول ماكرون | بتحقيق تقدم: a
                    // ب or ل phrase ends a whole name even without a
                    // known first name; a body's or document's name goes
                    // on with a place (فرقة إطفاء لندن، نادي هيرتا برلين).
                    let glued = || {
                        glued_word(w)
                            && self.rules.place_at(std::iter::once(w)).is_none()
                            && (s..end).all(|k| {
                                self.word(k).is_none_or(|x| !self.body_word(x) && !self.rules.is_document(x) && !self.rules.is_frame(x))
                            })
                    };
                    (first || glued()) && !self.rules.is_first_name(w) && !self.rules.is_preposition(w)
                }
                && self.complete_name(s, end, first)
                && self.name_ends_elsewhere(end - 1, w, !definite(w));
            // وجدد الرئيس محمود عباس التأكيد على: a definite verbal noun
            // of the form التفعيل right after a person's name is the verb's
            // object.
            let object = object || i == s + 1 && self.surname_before_object(s) || (first || known_alone) && i == end && tafil(w);
            let possessed = self.possessed_object(i, idx[0]);
            if role || pp || document || manner || addressee || cut || object || possessed || i - s > 6 {
                break;
            }
            end = i + 1;
        }
        // دونالد ترامب | الهجوم الكيميائي: a known person's full name ends
        // where the known name ends, unless a longer known name goes on.
        let name: Vec<&str> = idx[start..].iter().filter(|&&i| i < end).filter_map(|&i| self.word(i)).collect();
        let known_len = self
            .recent()
            .iter()
            .filter(|e| e.kind == SpeakerType::Person && e.key.len() >= 2 && e.key.len() <= name.len())
            .filter(|e| e.key.iter().zip(&name).all(|(k, w)| k == w))
            .map(|e| e.key.len())
            .max();
        // خالد بن أحمد | آل خليفة: a particle after the known name goes on
        // with a fuller form of it.
        if let Some(n) = known_len.filter(|&n| n < name.len() && !self.rules.is_particle(name[n])) {
            end = idx[start + n - 1] + 1;
        }
        (a, end)
    }

    /// Whether the word at `i`, inside a source phrase opening at `from`, is
    /// a noun with a pronoun written on its ة: the verb's object, never part
    /// of the source (أعلن دونالد ترامب رغبته، أعلن تنظيم داعش مسؤوليته).
    /// Right after a first name it is the family name (مارك روته، عبد الله
    /// فلاته).
    fn possessed_object(&self, i: usize, from: usize) -> bool {
        let Some(w) = self.word(i) else { return false };
        before_possessed_ta(w).is_some()
            && !self.rules.is_first_name(w)
            && !self.rules.is_honorific(w)
            && self.word(i - 1).is_some_and(|p| !self.rules.is_first_name(p) && !self.rules.is_particle(p))
            && self.pronoun_written(i)
            // (بحث أجرته اللجنة، رواية نقلتها النهار: after a document, or
            // before a subject, the word is a verb opening a relative clause.)
            && (from..i).filter_map(|x| self.word(x)).all(|x| !self.rules.is_document(x) && !self.rules.is_frame(x))
            && !(i + 1 < self.seg.tokens.len() && self.is_opener(i + 1))
            && self.word(i + 1).is_none_or(|n| {
                !definite(n) && !self.rules.is_outlet_type(n) && !self.rules.is_organization_word(n)
            })
    }

    /// Whether token `i` stands inside a quotation that opens at or after `from`.
    fn inside_quote(&self, i: usize, from: usize) -> bool {
        let mut open = false;
        for k in from..i {
            if self.is_opener(k) && !open {
                open = true;
            } else if self.is_closer(k) && open {
                open = false;
            }
        }
        open
    }

    /// Where a note that the source stays anonymous opens at token `k`
    /// (فضل عدم كشف اسمه، طلب عدم الكشف عن هويته، طالبا ألا ينشر اسمه): a
    /// verb, عدم or ألا, and an anonymity word within a few words before
    /// `b`. Returns the token after the anonymity word.
    fn anonymity_note(&self, k: usize, b: usize) -> Option<usize> {
        let negation = |x: usize| matches!(self.word(x), Some("عدم" | "الا"));
        let neg = if negation(k) { k } else { k + 1 };
        if !negation(neg) {
            return None;
        }
        (neg + 1..b.min(neg + 5))
            .take_while(|&x| self.word(x).is_some())
            .find(|&x| self.word(x).is_some_and(|w| self.rules.is_anonymity(w)))
            .map(|x| x + 1)
    }

    /// "في/لدى <place>" stays in an organisation's name or a role
    /// (القنصلية السعودية في إسطنبول، السفير الروسي لدى بريطانيا).
    fn keeps_place(&self, k: usize, np_start: usize) -> bool {
        if !matches!(self.word(k), Some("في" | "لدي")) {
            return false;
        }
        let head = self.word(np_start).unwrap_or_default();
        let role_or_body = self.rules.is_organization_word(head) || self.rules.is_title(head) || self.rules.is_unnamed(head);
        let in_place = role_or_body && self.rules.place_at((k + 1..k + 4).filter_map(|x| self.word(x))).is_some();
        // A body follows: a definite word or a body's word in the construct
        // (مسؤول في وزارة الخارجية), not a time, speech noun, document or
        // adverbial (مصادر في تصريح، في الوقت نفسه).
        let body_follows = || {
            self.word(k + 1).is_some_and(|w| {
                (definite(w) || self.rules.is_organization_word(w))
                    && self.rules.time_at((k + 1..k + 4).filter_map(|x| self.word(x))).is_none()
                    && !self.rules.is_frame(w)
                    && !self.rules.is_document(w)
                    && !self.rules.is_adverbial(w)
                    && !self.rules.opens_no_subject(w)
            })
        };
        // المندوب الأمريكي لدى منظمة حظر الأسلحة الكيميائية: after a role
        // لدى names the body it is held at, a place or not. (لدى وصوله، لدى
        // إعلان التقرير: "upon", a time.)
        let at_body = role_or_body && self.word(k) == Some("لدي") && body_follows();
        // مصادر في المقاومة الشعبية، مسؤول في البيت الأبيض: an unnamed
        // source goes on through the body it belongs to.
        // (مصدر أمني في المدينة: past one adjective too.)
        let adjacent = k == np_start + 1 || k == np_start + 2 && self.word(np_start + 1).is_some_and(relative_adjective);
        let in_body = adjacent && self.rules.is_unnamed(head) && (!self.rules.is_title(head) || !definite(head)) && body_follows();
        in_place || at_body || in_body
    }

    /// When في، لدى، على، عن or إلى at `k` continues a role whose holder is named
    /// after it (مدير إدارة الإعلام في أمانة منطقة حائل سعد الثويني أن،
    /// المشرف العام على الفريق منصور البلوي), the token of the holder's known
    /// first name: it follows within a few words, none of which ends a phrase.
    fn role_holder(&self, k: usize, np_start: usize, b: usize) -> Option<usize> {
        // (علي: the folded على, unless it is the name. الي: المبعوث الأممي
        // إلى اليمن إسماعيل ولد الشيخ أحمد.)
        let opens = match self.word(k) {
            Some("في" | "لدي" | "عن" | "الي") => true,
            Some("علي") => !self.is_ali(k),
            _ => false,
        };
        if !opens || !self.word(np_start).is_some_and(|w| self.rules.is_title(w)) {
            return None;
        }
        // مدير التقنية في "فيسبوك" مايك شكرويبر: a quoted body, whose words
        // are no one's name (عضوة في حركة "أنا أيضا").
        let mut quoted = false;
        for x in k + 1..b.min(k + 8) {
            let Some(w) = self.word(x) else {
                if self.is_opener(x) && !quoted || self.is_closer(x) && quoted {
                    quoted = !quoted;
                    continue;
                }
                return None;
            };
            if quoted {
                continue;
            }
            // جامعة الملك سعود: a first name after الملك may be part of an
            // institution's name. (على حسابه على تويتر: على folds to the
            // name علي.)
            if self.rules.is_first_name(w) && !self.named_institution(x) && (w != "علي" || self.is_ali(x)) {
                return (x > k + 1).then_some(x);
            }
            // نقيب الأطباء في تعز الدكتور صادق الشجاع: a rank or honorific
            // with the article, or abbreviated (المشرف على الكرسي د. عودة
            // الحازمي), opens the holder's name; a principal does not (في
            // إدارة الرئيس ترامب، في جامعة الملك عبدالعزيز).
            if x > k + 1
                && (definite(w) || w.ends_with('.'))
                && self.rules.is_title(w)
                && !w.strip_prefix("ال").is_some_and(|r| self.rules.is_principal(r))
                && !self.named_institution(x + 1)
                && x + 1 < b
                && self.word(x + 1).is_some_and(|n| self.name_like(n))
            {
                // الملازم أول تركي الحربي: أول, ثاني after a rank are the rank's.
                let ordinal = self.word(x + 1).is_some_and(is_ordinal) && x + 2 < b;
                return Some(if ordinal { x + 2 } else { x + 1 });
            }
            // المحلل في مجال الهواتف الذكية هوارس ديديو: two bare name
            // words ending the phrase, after its definite words, are the
            // holder's name though no first name is known.
            // (Not a place or body after ب or ل: بجامعة كانساس، لولاية
            // كيرالا; nor a public body's field: وحدات حماية الشعب.)
            let bare = |n: &str| {
                !definite(n)
                    && self.name_like(n)
                    && !self.rules.is_not_media(n)
                    && !n.strip_prefix(['ب', 'ل']).is_some_and(|r| {
                        self.body_word(r)
                            || self.rules.is_place_head(r)
                            || self.rules.is_organization_word(r)
                            || self.rules.place_at(std::iter::once(r)).is_some()
                    })
            };
            if x > k + 2 && x + 2 == b && bare(w) && self.word(x - 1).is_some_and(definite) && self.word(x + 1).is_some_and(bare) {
                return Some(x);
            }
            // في بيان نشرته، في تقرير: a document or medium, not a body.
            // (في إذاعة قطر: the station is one, though إذاعة is also the
            // act of broadcasting.)
            if x == k + 1 && self.rules.is_outlet_type(w) {
                continue;
            }
            // في حديثه الخاص للزميلة ليليان تنوري: the occasion of speaking,
            // and the name after it is the one spoken to.
            if x == k + 1 && self.rules.is_frame(without_pronoun(w)) {
                return None;
            }
            if self.rules.cuts_before(w)
                || self.rules.marker_with_object(w).is_some()
                || self.rules.is_complementizer(w)
                || self.rules.is_via(w)
                || self.rules.is_frame(w)
                || self.rules.is_document(w)
                || self.rules.is_published(w)
                || self.rules.is_manner(w)
            {
                return None;
            }
        }
        None
    }

    /// Whether a genitive may follow the folded word: a preposition, or an
    /// indefinite role, description or body word in the construct (رئيسة
    /// هذه الجمعية، مجلس إدارتها، ناطق باسم هذه الإدارة).
    fn takes_genitive(&self, p: &str) -> bool {
        self.rules.is_preposition(p) || !definite(p) && (self.body_word(p) || self.rules.is_unnamed(p) || self.rules.is_title(p))
    }

    /// Whether a folded word is a body's word: an organisation head or a
    /// team, club or facility (وزارة، نادي، مطار).
    fn body_word(&self, w: &str) -> bool {
        self.rules.is_organization_word(w) || self.rules.is_body(w)
    }

    /// Whether the first name at `x` names an institution after a king or
    /// prince (جامعة الملك سعود، مستشفى الأمير سلطان), not a person.
    fn named_institution(&self, x: usize) -> bool {
        x >= 2
            && matches!(self.word(x - 1), Some("الملك" | "الامير"))
            && self
                .word(x - 2)
                .is_some_and(|w| !self.rules.is_title(w) && !self.rules.is_unnamed(w))
    }

    /// An outlet phrase introduced at token `k` (لموقع X، لـ بي بي سي، عبر
    /// تويتر، مع قناة X، في البرنامج): its range, and how many leading
    /// characters (an attached ل) are not part of its name.
    fn outlet_at(&self, k: usize, b: usize) -> Option<(usize, usize, usize)> {
        let w = self.word(k)?;
        // شركة يوتيوب المملوكة لـ"غوغل": the adjective's complement.
        if k > 0 && self.word(k - 1).is_some_and(|p| self.rules.is_dependent_adjective(p)) {
            return None;
        }
        // نقلته وكالة ...، نقلتها وكالة ...: a verb with its object pronoun.
        let reported = without_pronoun(w) != w && self.rules.marker(w).is_none() && self.rules.marker_with_object(w).is_some();
        // في تصريح إلى "الوطن": إلى after a speech noun introduces the medium.
        let to = w == "الي" && k > 0 && self.word(k - 1).is_some_and(|p| self.rules.is_frame(without_pronoun(p)));
        // نقلت عنه وكالة ...: the outlet after the pronoun of the one relayed.
        let relayed = relay_pronoun(w).is_some();
        // بيان نشرته وكالة أنباء البحرين، وثائق اطلعت عليها رويترز: the
        // outlet that put out or obtained the document.
        let on_it = |x: usize| matches!(self.word(x), Some("عليه" | "عليها" | "عليهم"));
        let obtained = self.rules.is_publishing(w) && on_it(k + 1);
        let published = !obtained && crate::rules::object_stem(w).is_some_and(|v| self.rules.is_publishing(v));
        // في تصريحات لمراسل بي بي سي: the correspondent's outlet.
        let correspondent = w.strip_prefix('ل').is_some_and(|r| self.rules.is_writer(r));
        let lead = w == "ل" || w == "في" || self.rules.is_via(w) || reported || to || relayed || published || obtained || correspondent;
        let mut start = if obtained {
            k + 2
        } else if lead {
            k + 1
        } else {
            k
        };
        let quoted = start < b && self.is_opener(start);
        if quoted {
            start += 1; // لـ"العربية.نت"
        }
        let first = self.word(start)?;
        let (f, skip) = match first.strip_prefix('ل') {
            Some(r) if !lead && r.chars().count() > 1 => (r, 1),
            _ if !lead => return None, // an outlet here is introduced by ل، لـ، عبر، مع، في
            _ => (first, 0),
        };
        let rest = || (start + 1..b).filter_map(|x| self.word(x));
        let include_closer = |e: usize| if e < b && self.is_closer(e) { e + 1 } else { e };
        // مصدر أمني في المدينة، مسؤول في الشرق الأوسط: after في a bare name is
        // a place or a word unless it is a platform (في تويتر) or quoted.
        let bare_after_fi = w == "في" && !quoted && self.rules.platform_at(std::iter::once(f).chain(rest())).is_none();
        if let Some(n) = self
            .rules
            .outlet_name_at(std::iter::once(f).chain(rest()))
            .filter(|_| !bare_after_fi)
        {
            return Some((start, include_closer(self.nth_word_end(start, n, b)), skip));
        }
        // للعربية.نت، في حديث للشرق الأوسط: ل before ال drops the alef. Only
        // for a dotted name or after a speech noun: مبعوث للشرق الأوسط is a region.
        let with_al = f.strip_prefix('ل').map(|r| format!("ال{r}"));
        let medium = f.contains('.') || (start > 0 && self.word(start - 1).is_some_and(|p| self.rules.is_frame(p)));
        if let Some(al) = with_al.as_deref().filter(|_| medium)
            && let Some(n) = self.rules.outlet_name_at(std::iter::once(al).chain(rest()))
        {
            return Some((start, include_closer(self.nth_word_end(start, n, b)), skip));
        }
        let is_type = self.rules.is_outlet_type(f) || with_al.as_deref().is_some_and(|w| self.rules.is_outlet_type(w));
        // قال لـ"سبق": "..."، وأوضح لـ"الاقتصادية" أن: a short quoted name
        // right after لـ, where the source phrase ends, is the medium spoken
        // to, known or not; an organisation or a place is not.
        if (w == "ل" || to)
            && quoted
            && !is_type
            && let Some(c) = (start..b.min(start + 4)).find(|&x| self.is_closer(x))
            && c > start
            && (start..c).all(|x| self.word(x).is_some())
            && (c + 1 >= b || self.seg.tokens[c + 1].is(':') || self.seg.tokens[c + 1].is('،'))
            && self.rules.organization_at((start..c).filter_map(|x| self.word(x))).is_none()
            && self.rules.place_at((start..c).filter_map(|x| self.word(x))).is_none()
        {
            return Some((start, c + 1, 0));
        }
        // وكالة الفضاء الأوروبية: a public body, not a medium.
        if !is_type || self.public_body(start) {
            return None;
        }
        // A type word and a known name (محطة روسيا اليوم) ...
        // موقع "اليوم السابع"، موقع (اليوم السابع): the name may be quoted
        // or in parentheses.
        let mut after = start + 1;
        if after < b && (self.is_opener(after) || self.seg.tokens[after].is('(')) {
            after += 1;
        }
        if let Some(n) = self.rules.outlet_name_at((after..b).filter_map(|x| self.word(x))) {
            return Some((start, include_closer(self.nth_word_end(after, n, b)), skip));
        }
        // ... or a type word and up to four more words, quotations included.
        let mut e = start + 1;
        let mut n = 0;
        // جريدة "لا غازيتا ديلو سبورت": inside the quotation marks every
        // word is the name's.
        let mut quoted_name = false;
        while e < b && n < 4 {
            if let Some(x) = self.word(e) {
                if quoted_name {
                    n += 1;
                    e += 1;
                    continue;
                }
                // قناة فوكس | الزعيم الكوري: past the name's first word, a role
                // or a marker starts another phrase; so does a known first
                // name that is no outlet's name (وكالة الأنباء اليمنية | عبد
                // الكريم شجاع الدين، إذاعة قطر | حسن الساعي; not وكالة أنباء
                // فارس).
                if self.rules.cuts_before(x)
                    || self.rules.is_complementizer(x)
                    || self.rules.time_at(std::iter::once(x)).is_some()
                    || n > 0 && (self.rules.is_title(x) || self.rules.is_unnamed(x) || self.rules.marker(x).is_some())
                    || n > 0 && self.rules.is_first_name(x) && self.rules.outlet_name_at(std::iter::once(x)).is_none()
                {
                    break;
                }
                n += 1;
            } else if self.is_opener(e) && e == start + 1 {
                quoted_name = true;
            } else if self.is_closer(e) && quoted_name {
                e += 1;
                break;
            } else if !(self.is_opener(e) || self.is_closer(e) || self.is_paren(e)) {
                break;
            }
            e += 1;
        }
        Some((start, e, skip))
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

    /// Renders an outlet found by `outlet_at`, without the ل that introduced
    /// it (للوكالة → الوكالة).
    fn render_outlet(&self, (a, b, skip): (usize, usize, usize)) -> String {
        if skip == 1 && self.word(a).is_some_and(|w| w.starts_with("لل")) {
            format!("ا{}", (self.render)(a, b, 1))
        } else {
            (self.render)(a, b, skip)
        }
    }

    /// An outlet that opens the source words and is followed by عن (صحيفة
    /// "ديلي ميل" عن جامعة ...، وكالة الأنباء الإيرانية (إرنا) عن مسؤول):
    /// its range, up to عن.
    fn outlet_before_an(&self, (a, b): (usize, usize)) -> Option<(usize, usize)> {
        // وبحسب ما نقلت "ديلي ميل" عن غولدن: a short quoted name right
        // before عن is the outlet, known or not.
        if a < b
            && self.is_opener(a)
            && let Some(c) = (a + 2..b.min(a + 6)).find(|&x| self.is_closer(x))
            && (a + 1..c).all(|x| self.word(x).is_some())
            && self.word(c + 1) == Some("عن")
        {
            return Some((a + 1, c));
        }
        let first = self.word(a)?;
        if !self.rules.is_outlet_type(first) && self.rules.outlet_name_at((a..b).filter_map(|x| self.word(x))).is_none() {
            return None;
        }
        // A short name: عن after a verbal noun (بالإعلان عن) is not the relay.
        let an = (a + 1..b.min(a + OUTLET_MAX_TOKENS)).find(|&i| self.word(i) == Some("عن"))?;
        let plain = (a + 1..an)
            .filter_map(|i| self.word(i))
            .all(|w| !w.starts_with("بال") && !self.rules.cuts_before(w));
        plain.then_some((a, an))
    }

    /// وفق ما نقلت عنه وكالة الأنباء السورية: after the pronoun of the one
    /// relayed, the relaying outlet.
    fn outlet_after_pronoun(&self, (a, b): (usize, usize)) -> Option<(usize, usize)> {
        relay_pronoun(self.word(a)?)?;
        self.outlet_at(a, b).map(|(s, e, _)| (s, e))
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

    /// The outlet met before that a bare description names (وقالت الفنانة
    /// للصحيفة after صحيفة "الأهرام"، نقلت الوكالة عن).
    fn described_outlet(&self, (a, b, _): (usize, usize, usize)) -> Option<String> {
        if b != a + 1 {
            return None;
        }
        let w = self.word(a)?;
        let t = w.strip_prefix("لل").or_else(|| w.strip_prefix("ال"))?;
        if !self.rules.is_outlet_type(t) {
            return None;
        }
        self.outlet_of_type_before(a, t)
    }

    /// The outlet of type word `t` met before token `before`: the last one
    /// given with that type word, else a quoted or known name after it.
    fn outlet_of_type_before(&self, before: usize, t: &str) -> Option<String> {
        self.outlets.get(t).cloned().or_else(|| self.named_outlet_before(before, t))
    }

    /// The outlet that a relaying verb (`relaying`) with no outlet of its
    /// own reports for: a feminine verb with عن right after it has for
    /// subject the outlet quoted last (وقالت السومرية إن ...، ونقلت عن مصدر
    /// برلماني). Not a masculine one, which may be passive (ونُقل عن).
    fn implicit_relayer(&self, f: &Frame, head: &Head, relaying: bool) -> Option<String> {
        if !relaying
            || head.via_outlet.is_some()
            || head.relay_pronoun.is_some()
            || f.form.class != MarkerClass::Verb
            || f.form.agreement != Agreement::Feminine
            || self.word(f.head.0) != Some("عن")
        {
            return None;
        }
        let e = self.continuation(Agreement::Feminine, f.sentence, true)?;
        (self.entities[e].kind == SpeakerType::Outlet).then(|| self.speaker(e).0.to_string())
    }

    /// The outlet named by a relaying marker's source words (حسبما ذكرت واس،
    /// وفقا لصحيفة ماركا), without the ل that introduces it.
    fn relay_outlet(&mut self, r: (usize, usize)) -> Option<String> {
        let saved = self.lam;
        self.lam = None;
        if self.word(r.0).and_then(|w| self.strip_lam(w)).is_some() {
            self.lam = Some(r.0);
        }
        // وبحسب الصحيفة الفرنسية دائما: no manner word, and a description
        // names the outlet met before.
        let mut r = r;
        while r.1 > r.0 + 1 && self.word(r.1 - 1).is_some_and(|w| self.rules.opens_no_subject(w)) {
            r.1 -= 1;
        }
        let out = (self.kind_of(r) == SpeakerType::Outlet)
            .then(|| self.known_name(r).unwrap_or_else(|| self.render_stripped(self.outlet_extent(r))));
        self.lam = saved;
        out
    }

    /// The word without a leading ل that introduces it (لموقع → موقع;
    /// للمادة → لمادة, which callers read as المادة).
    fn strip_lam<'w>(&self, w: &'w str) -> Option<&'w str> {
        let rest = w.strip_prefix('ل')?;
        if self.lam.is_some() && w.chars().count() > 3 {
            return Some(rest);
        }
        if rest.chars().count() < 2 {
            return None;
        }
        if rest.starts_with('ل') {
            return Some(rest);
        }
        let r = self.rules;
        let known = r.is_outlet_type(rest)
            || r.outlet_name_at(std::iter::once(rest)).is_some()
            || r.is_document(rest)
            || r.is_title(rest)
            || r.is_unnamed(rest)
            || r.is_organization_word(rest);
        known.then_some(rest)
    }

    /// Where a person's name starts inside a noun phrase, if it has one.
    fn name_start(&self, np: (usize, usize)) -> Option<usize> {
        let key = (np.0, np.1, self.lam);
        if let Some(&known) = self.name_starts.borrow().get(&key) {
            return known;
        }
        let start = self.read_name_start(np);
        self.name_starts.borrow_mut().insert(key, start);
        start
    }

    /// [`Self::name_start`], read off the words.
    fn read_name_start(&self, np: (usize, usize)) -> Option<usize> {
        let idx: Vec<usize> = (np.0..np.1).filter(|&i| self.word(i).is_some()).collect();
        let at = |x: usize| self.word_at(x).unwrap_or_default();
        // The word after the k-th follows it at once, no mark between.
        let next_adjacent = |k: usize| idx.get(k + 1) == Some(&(idx[k] + 1));
        let mut k = 0;
        let mut after_head = false; // the previous word was an indefinite role or description word
        let mut after_abbreviation = false; // ... or an abbreviated title (د.)
        while k < idx.len() {
            if after_abbreviation && self.word(idx[k]).is_some_and(|w| !self.rules.is_title(w)) {
                return Some(idx[k]); // د. المزروع: the family name alone
            }
            if self.inside_quote(idx[k], np.0) {
                // وقال «اليوسفي» after محمد اليوسفي: a family name met before
                // with a first name may be quoted alone.
                if idx.len() == 1 && self.family_name_earlier(idx[k]) {
                    return Some(idx[k]);
                }
                // A quoted title (برنامج "60 دقيقة") is never a person's name.
                k += 1;
                after_head = true;
                continue;
            }
            let wc = at(idx[k]);
            let w = wc.as_ref();
            // العميد ركن أحمد عسيري، ملازم أول سلطان شمسان: a rank's qualifier
            // is the rank's, and a first name after it opens the name.
            if k > 0
                && self.rules.is_rank_qualifier(w)
                && self
                    .word(idx[k - 1])
                    .is_some_and(|p| self.rules.is_military_rank(bare(p)) || self.rules.is_rank_qualifier(p))
            {
                k += 1;
                if idx.get(k).and_then(|&x| self.word(x)).is_some_and(|n| self.rules.is_first_name(n)) {
                    return Some(idx[k]);
                }
                continue;
            }
            // المنتهية ولايته رجب طيب أردوغان: a region's or body's word with
            // a pronoun on it belongs to the role before the name, and its و
            // is its own, no coordination.
            let own_noun =
                possessed_noun(w).is_some_and(|own| self.rules.is_place_head(&own) || self.rules.is_organization_word(own.as_str()));
            if k > 0 && own_noun {
                k += 1;
                after_head = false;
                continue;
            }
            // السفير الفلسطيني ومندوبها الدائم: a و-word inside a role phrase
            // continues the role.
            // (وسام فتوح, a first name with و, is no coordination.)
            let coordinated = !self.rules.is_first_name(w)
                && w.strip_prefix('و')
                    .is_some_and(|r| k > 0 || self.rules.is_title(r) || self.rules.is_unnamed(r) || definite(r));
            // وقال رئيسها أبراهام فوكسمان: a title with a pronoun on it is
            // definite, and the name follows it.
            // (سموه is an honorific, not a role.)
            let possessed = !self.rules.is_first_name(w)
                && self.rules.is_title(without_pronoun(w))
                && !self.rules.is_honorific(w)
                && self.pronoun_written(idx[k]);
            // الدكتور أمين مشاقبة، الشيخ مالك ...: a first name that is also a
            // role word, after a definite title and before an indefinite
            // word, opens the name.
            if k > 0
                && self.rules.is_first_name(w)
                && self.rules.is_title(w)
                && self.word(idx[k - 1]).is_some_and(|p| definite(p) && self.rules.is_title(bare(p)))
                && idx
                    .get(k + 1)
                    .and_then(|&x| self.word(x))
                    .is_some_and(|n| !definite(n) && !self.rules.is_title(n))
            {
                return Some(idx[k]);
            }
            // والدة ألفي، زوجة الرئيس: a bare kinship word opening the phrase
            // names the relative after it, and the description is the
            // speaker (زوجته سارة: with a pronoun the name is the speaker's).
            if k == 0 && self.rules.is_kinship(w) && !self.rules.is_particle(w) && !possessed && idx.len() <= 3 {
                return None;
            }
            // رجال دين إيرانيون: a place's adjective in the plural describes;
            // it names no one (not ليون، هيلاريون).
            let plural_nisba = k > 0
                && !definite(w)
                && w.strip_suffix("ون")
                    .or_else(|| w.strip_suffix("ين"))
                    .is_some_and(|s| s.ends_with('ي') && self.rules.is_place_nisba(s));
            if coordinated
                || possessed
                || plural_nisba
                || self.rules.is_title(w)
                || self.rules.is_unnamed(w)
                || self.rules.is_document(w)
                || self.rules.is_outlet_type(w)
                || self.rules.is_organization_word(w)
            {
                // د. جمعان: an abbreviated title takes the name right after it.
                let abbreviated = w.ends_with('.') || w.chars().count() == 1;
                after_head = !definite(w) && !possessed && !abbreviated && !self.rules.is_rank(w);
                after_abbreviation = abbreviated;
                k += 1;
                continue;
            }
            // مركز الملك سلمان للإغاثة، جامعة الملك عبدالله بن عبدالعزيز: the
            // name after الملك or الأمير, right after a body's word in the
            // construct (not وزير الداخلية الأمير ...), is the body's.
            // (لمركز الملك سلمان، بمطار الملك فهد: with ل or ب on the body's
            // word too.)
            if self.named_institution(idx[k])
                && self.word(idx[k] - 2).is_some_and(|b| {
                    !definite(b) && (self.body_word(b) || b.strip_prefix(['ل', 'ب']).is_some_and(|r| !definite(r) && self.body_word(r)))
                })
            {
                k += 1;
                while k + 1 < idx.len() && self.word(idx[k]).is_some_and(|p| self.rules.is_particle(p)) {
                    k += 2;
                }
                after_head = false;
                continue;
            }
            // مدير التعليم بمنطقة نجران ناصر المنيع، مدير فرع السياحة بمنطقة
            // الرياض: a region word and the region's name belong to the role,
            // however the name reads, and may end it.
            if k > 0 && self.rules.is_place_head(w) && k + 1 < idx.len() {
                k += 2;
                after_head = false;
                continue;
            }
            // بحسب تصريحات وزير الكهرباء محمد شاكر: a leading speech noun
            // names the source after it. After a description (رفضت مسؤولة
            // بارزة في كوريا الشمالية تصريحات ...) it starts the verb's
            // object, never a name.
            if self.rules.is_frame(w) {
                // رئيس مؤتمر الأساقفة: after a role word it is that role's body.
                let after_role = k > 0
                    && self
                        .word(idx[k - 1])
                        .is_some_and(|p| self.rules.is_title(p) || self.rules.is_unnamed(p));
                if k > 0 && !after_role {
                    return None;
                }
                k += 1;
                continue;
            }
            // البالغ من العمر 34 عاما: the noun after a number is counted,
            // not named.
            let counted =
                k > 0 && !self.rules.is_preposition(w) && self.word(idx[k - 1]).is_some_and(|p| p.chars().all(|c| c.is_ascii_digit()));
            // الناطق باسمه أفيخاي أدرعي: a preposition with a pronoun on it
            // is no name word.
            let pronoun_pp = without_pronoun(w) != w && self.rules.is_preposition(without_pronoun(w));
            // ويرى المضف أن: a definite word standing alone is a family
            // name when a first name came before it earlier (فيصل المضف).
            // وذكر الربيعة المشرف العام على ...: so is one before its role.
            let before_role = idx
                .get(1)
                .and_then(|&x| self.word(x))
                .is_some_and(|n| n.starts_with("ال") && self.rules.is_title(bare(n)) && !self.rules.is_kinship(bare(n)));
            if k == 0 && ((idx.len() == 1 || before_role) && self.family_name_earlier(idx[k]) || self.surname_before_object(idx[k])) {
                return Some(idx[k]);
            }
            if (definite(w) && !self.hamza_name(idx[k])) || w.chars().all(|c| c.is_ascii_digit()) || counted || pronoun_pp {
                after_head = false;
                k += 1;
                continue;
            }
            // المتحدث باسم الرئيس التركي رجب طيب أردوغان: the name is the
            // principal's; the spokesperson is known by the description. A
            // bare role (باسم الرئيس يون يونغ تشان) may be followed by either.
            let word_after = |n: usize| idx.get(k + n).and_then(|&x| self.word(x));
            if self.rules.is_speaks_for(w)
                && k > 0
                && word_after(1).is_some_and(|p| self.rules.is_principal(p))
                && word_after(2).is_some_and(definite)
            {
                return None;
            }
            if self.rules.is_preposition(w) && !self.is_ali(idx[k]) {
                // مدير إدارة الإعلام في أمانة منطقة حائل سعد الثويني: the
                // holder of the role is named after its place.
                if let Some(holder) = self.role_holder(idx[k], np.0, np.1)
                    && let Some(j) = idx[k + 1..].iter().position(|&x| x == holder)
                {
                    // الأمم المتحدة رياض منصور: the name may open with one
                    // word the lexicon lacks, right after a definite word
                    // that ends the role; منطقة حائل | سعد: not after a bare one.
                    let mut n = k + 1 + j;
                    // سامر بن علي العنيني: a particle joins the word before it.
                    while n > k + 3 && self.word(idx[n - 1]).is_some_and(|p| self.rules.is_particle(p)) {
                        n -= 2;
                    }
                    // (Not a quoted body's word: في شركة "الجزيرة كابتال" جاسم;
                    // nor a rank's ordinal: الملازم أول تركي الحربي.)
                    if n > k + 2
                        && self
                            .word(idx[n - 1])
                            .is_some_and(|p| self.name_like(p) && self.rules.place_at(std::iter::once(p)).is_none() && !is_ordinal(p))
                        && self.word(idx[n - 2]).is_some_and(definite)
                        && !self.inside_quote(idx[n - 1], idx[k])
                    {
                        n -= 1;
                    }
                    return Some(idx[n]);
                }
                // باسم تحالف دعم الشرعية، باسم مستشفى فاندربيلت: a body's word
                // in the construct takes the word after it too.
                let body_in_construct = idx
                    .get(k + 1)
                    .and_then(|&x| self.word(x))
                    .is_some_and(|n| !definite(n) && self.body_word(n));
                // في جنوب أفريقيا: a place of more than one word is skipped whole.
                let place = self.rules.place_at(idx[k + 1..].iter().filter_map(|&x| self.word(x))).unwrap_or(1);
                k += 1 + place;
                after_head = body_in_construct;
                continue;
            }
            // لمنظمة أطباء بلا حدود: a named organisation, ل glued on or not,
            // is part of the role, however its words read.
            let org = |first: &'a str| {
                let rest = idx[k + 1..].iter().filter_map(|&x| self.word(x));
                self.rules.organization_at(std::iter::once(first).chain(rest)).filter(|&n| n > 1)
            };
            let own = self.word(idx[k]).unwrap_or_default();
            if let Some(n) = org(own).or_else(|| own.strip_prefix('ل').and_then(org)) {
                k += n;
                after_head = false;
                continue;
            }
            // مؤسس فيس بوك: a platform's name after a role is the role's.
            if let Some(n) = self.rules.place_at(idx[k..].iter().filter_map(|&x| self.word(x))).or_else(|| {
                self.rules
                    .platform_at(idx[k..].iter().filter_map(|&x| self.word(x)))
                    .filter(|_| k > 0)
            }) {
                k += n;
                after_head = false;
                continue;
            }
            // بغزة، لسوريا: a place with a preposition glued on; بجدة too, a
            // city after a role.
            if ['ب', 'ل', 'ك'].iter().any(|&p| {
                w.strip_prefix(p)
                    .is_some_and(|r| self.rules.place_at(std::iter::once(r)).is_some() || k > 0 && self.rules.is_city(r))
            }) {
                k += 1;
                after_head = false;
                continue;
            }
            // أستاذ العلوم السياسية بجامعة الحديدة، مسؤول يمني بمحافظة عدن:
            // an organisation with ب glued on belongs to the role before it,
            // and so does the body's own name right after it (مصدر عسكري
            // بقاعدة بنينا الجوية; not past a comma). بقيادة is "led by": the
            // leader named after it is no complement.
            if k > 0 && w.strip_prefix('ب').is_some_and(|r| r.chars().count() > 2 && self.body_word(r)) {
                after_head = w != "بقياده" && next_adjacent(k);
                k += 1;
                continue;
            }
            // مصادر لم تسمها: after a description, a negation or the like
            // starts a clause about it, not a name.
            if k > 0 && self.rules.opens_no_subject(w) {
                return None;
            }
            // المحامي العام لنيابة أمن الدولة، المدير التنفيذي لشركة أرامكو:
            // a body's or role's word with ل glued on is the role's
            // complement, and so is the word after it; never a name. A known
            // first name shortly after opens the name (see below).
            // المرشحة الجمهورية لمنصب نائب الرئيس: so is a ل-word in a phrase
            // opening with a role, before a role or a definite word, which a
            // name (لافروف، لولا دا سيلفا، اليسا لينش مسؤولة) is not.
            let before_role = || {
                self.word(idx[0])
                    .is_some_and(|f| self.rules.is_title(f) || self.rules.is_unnamed(f))
                    && word_after(1).is_some_and(|n| self.rules.is_title(n) || definite(n) && !self.rules.is_particle(n))
            };
            if k > 0
                && w.strip_prefix('ل')
                    .is_some_and(|r| r.chars().count() > 2 && (self.rules.is_title(r) || self.body_word(r) || before_role()))
                && !idx[k + 1..]
                    .iter()
                    .take(3)
                    .any(|&x| self.word(x).is_some_and(|n| self.rules.is_first_name(n)))
            {
                after_head = true;
                k += 1;
                continue;
            }
            // مدير مركز الملك فهد الثقافي بأبها "قرية المفتاحة" سعيد بن محيا:
            // a known first name right after a quoted name opens the holder's.
            if after_head && k > 0 && self.inside_quote(idx[k - 1], np.0) && self.rules.is_first_name(w) {
                return Some(idx[k]);
            }
            if after_head {
                // وزير خارجية قطر، مصدر أمني: a complement or adjective; a
                // relative adjective, plural too (مسؤولون إيرانيون بارزون),
                // may take another after it.
                // مدير عام تعليم الخرج: عام "general" leaves the role open.
                // مدير مطار أبها فهد العدواني: a body's word in the
                // construct takes its own name right after it too.
                after_head = relative_adjective(w) || w == "عام" || self.body_word(w) && next_adjacent(k);
                k += 1;
                continue;
            }
            // لشؤون الإعلام العربي: a ل phrase with its genitive, not a name.
            if w.starts_with('ل') && w.chars().count() > 3 && idx.get(k + 1).and_then(|&x| self.word(x)).is_some_and(definite) {
                k += 2;
                continue;
            }
            // الرئيس التنفيذي لمهرجان تمور بريدة عبدالعزيز المهوس، بتبوك خالد
            // العنزي: a word with ب or ل glued on, after a role, is the
            // role's place or body; a known first name shortly after opens
            // the name.
            if k > 0
                && glued_word(w)
                && !self.rules.is_first_name(w)
                && let Some(j) = idx[k + 1..]
                    .iter()
                    .take(6)
                    // (Not the king's name in بمطار الملك فهد: the facility's.)
                    .position(|&x| self.word(x).is_some_and(|n| self.rules.is_first_name(n)) && !self.named_institution(x))
            {
                return Some(idx[k + 1 + j]);
            }
            // رئيس نادي أولمبيك آسفي لكرة القدم النسائية مصطفى بنسليمان، خطيب
            // جامع قباء بالمدينة المنورة الدكتور مسعود: a body's own name, then
            // its genitive or place, then the holder opening with a known first
            // name after a definite word.
            if k > 0
                && !self.rules.is_first_name(w)
                && let Some(j) = idx[k + 1..]
                    .iter()
                    .take(6)
                    .position(|&x| self.word(x).is_some_and(|n| self.rules.is_first_name(n)))
                && j >= 2
                && self.word(idx[k + j]).is_some_and(definite)
                && idx[k + 1..k + 1 + j].iter().filter_map(|&x| self.word(x)).any(glued_word)
            {
                return Some(idx[k + 1 + j]);
            }
            // قائد قوات الباسيج الإيرانية شبه الحكومية الجنرال غلام حسين: an
            // indefinite word in the construct with a definite adjective, then
            // a definite title with words after it: the role goes on, and the
            // name follows the title.
            if k > 0
                && !self.rules.is_first_name(w)
                // (Not after a title: العقيد عاطي القرشي الناطق ...)
                && self.word(idx[k - 1]).is_some_and(|p| definite(p) && !self.rules.is_title(bare(p)) && !p.contains('/'))
                && word_after(1).is_some_and(|n| definite(n) && relative_adjective(n) && !self.rules.is_title(bare(n)))
                && word_after(2).is_some_and(|t| t.starts_with("ال") && self.rules.is_title(bare(t)))
                && word_after(3).is_some()
            {
                k += 1;
                continue;
            }
            return Some(idx[k]);
        }
        None
    }

    /// The source words before the first one written with tanween (مبيناً،
    /// حالياً، محامٍ): an indefinite adverb, object or predicate, never part
    /// of a name. `None` when the first word has it. Normalisation drops the
    /// mark, so the original text is read.
    fn before_tanween(&self, (a, b): (usize, usize)) -> Option<(usize, usize)> {
        // وأصدر بيانا يشرح فيه: the accusative alif of a document word is
        // tanween left unwritten; the document is the verb's object. (Not
        // مصدرا، مسؤولا: after أن they are subjects.)
        let end = (a..b)
            .find(|&i| {
                self.word(i).is_some_and(|w| self.accusative_document(w))
                    // Rendering keeps the marks: the token as written tells.
                    || self.word(i).is_some() && (self.raw)(i).contains(['\u{064B}', '\u{064C}', '\u{064D}'])
            })
            .unwrap_or(b);
        let end = self.trim_range((a, end)).1;
        (end > a && (a..end).any(|i| self.word(i).is_some())).then_some((a, end))
    }

    /// Whether a folded word is a document or recording with the accusative
    /// alif of unwritten tanween (بيانا، صورا): a verb's object.
    fn accusative_document(&self, w: &str) -> bool {
        // Not a pronoun ها: نشرها, زوجها fold to a noun in ه plus ا.
        !w.ends_with("ها")
            && w.strip_suffix('ا')
                .is_some_and(|r| r.chars().count() >= 3 && (self.rules.is_document(r) || self.rules.is_recording(r)))
    }

    /// Whether the type word at `i` names a public body, not a medium
    /// (وكالة الفضاء، الوكالة الدولية للطاقة الذرية).
    fn public_body(&self, i: usize) -> bool {
        // The words after it, past a quotation mark (برنامج "حساب المواطن").
        let mut next = (i + 1..(i + 5).min(self.seg.tokens.len())).filter_map(|k| self.word(k));
        let (w1, w2) = (next.next(), next.next());
        let not_media = |w: Option<&str>| w.is_some_and(|w| self.rules.is_not_media(w));
        not_media(w1) || w1.is_some_and(relative_adjective) && w2.is_some_and(|w| w.starts_with("لل")) && not_media(w2)
    }

    fn kind_of(&self, np: (usize, usize)) -> SpeakerType {
        let ws = self.words(np);
        let it = || ws.iter().map(|w| w.as_ref());
        let Some(first) = it().next() else { return SpeakerType::Unnamed };
        let body = self.rules.is_outlet_type(first) && (np.0..np.1).find(|&i| self.word(i).is_some()).is_some_and(|i| self.public_body(i));
        // وقالت الرياض: a bare name that is an outlet's and a place's is the
        // place's government, unless quoted as a title is (وقالت «الرياض»).
        // (Read only when asked: kind_of runs on every mention.)
        let whole = |n: usize| n == ws.len();
        let quoted = || {
            (np.0..np.1)
                .find(|&i| self.word(i).is_some())
                .is_some_and(|i| i > 0 && self.is_opener(i - 1))
        };
        let place = || self.rules.place_at(it()).is_some_and(whole);
        if self.rules.is_outlet_type(first) && !body || self.rules.outlet_name_at(it()).is_some_and(whole) && (!place() || quoted()) {
            return SpeakerType::Outlet;
        }
        if body {
            return SpeakerType::Organization;
        }
        if self.rules.organization_at(it()).is_some() {
            return SpeakerType::Organization;
        }
        if self.rules.is_document(first) {
            return SpeakerType::Document;
        }
        if place() {
            return SpeakerType::Organization;
        }
        if self.rules.is_unnamed(first) || self.rules.is_title(first) || definite(first) || self.is_quantity_phrase(np) {
            return SpeakerType::Unnamed;
        }
        SpeakerType::Person
    }

    /// Attributes one frame.
    pub fn link(&mut self, f: &Frame) -> Option<Attribution> {
        let relays = |l: usize| self.rules.lemmas[l] == "نقل";
        // وفق ما نقلت صحيفة X عن جامعة Y: the relaying verb is part of the
        // prepositional marker, and X is the outlet, Y the source.
        let prep_relay = (f.form.class == MarkerClass::Preposition
            && f.cue.1 > f.cue.0 + 1
            && self
                .word(f.cue.1 - 1)
                .and_then(|w| self.rules.marker_with_object(w))
                .is_some_and(|m| relays(m.lemma)))
        .then(|| self.outlet_before_an(f.head).or_else(|| self.outlet_after_pronoun(f.head)))
        .flatten();
        let nql = relays(f.form.lemma) || prep_relay.is_some();
        // وفقا للمادة، وفقا لـ X: the ل belongs to the marker.
        self.lam = (f.form.class == MarkerClass::Preposition)
            .then(|| {
                let w = self.word(f.head.0)?;
                // وفقا لـ / طبقا لـ take ل before any source (لوثائق المحكمة);
                // حسبما توضح ليرون: after ما a verb comes, then its subject.
                let takes_lam = self.word(f.cue.0).is_some_and(|c| c.ends_with('ا') && !c.ends_with("ما"))
                    && w.starts_with('ل')
                    && w.chars().count() > 3;
                (takes_lam || self.strip_lam(w).is_some()).then_some(f.head.0)
            })
            .flatten();
        // بحسب ما يتذكره فاين، وفق ما تداولته الوزارة: after ما comes a
        // verb the lexicon does not know, then its subject; the verb, shaped
        // as one (an imperfect prefix, or an object pronoun), is skipped.
        let after_ma = f.form.class == MarkerClass::Preposition
            && self
                .word(f.cue.1 - 1)
                .is_some_and(|w| w == "ما" || w.ends_with("ما") && w.chars().count() > 3)
            && f.head.0 + 1 < f.head.1
            && self.word(f.head.0).is_some_and(|w| {
                let chars = w.chars().count();
                chars >= 4
                    && !definite(w)
                    && self.rules.marker(w).is_none()
                    && !self.rules.is_first_name(w)
                    && !self.heads_source((f.head.0, f.head.0 + 1))
                    && (w.starts_with(['ي', 'ت']) || crate::rules::object_stem(w).is_some_and(|v| v.chars().count() >= 3))
            });
        let fhead = if after_ma { (f.head.0 + 1, f.head.1) } else { f.head };
        let mut head = self.read_head(fhead, if nql { Wanted::Relay } else { Wanted::SpeakerAndOutlet });
        // وكانت شبكة "فوكس نيوز" نقلت، في ...، عن مسؤول: the outlet stands
        // before the relaying verb.
        if nql
            && head.via_outlet.is_none()
            && head.relay_pronoun.is_none()
            && f.form.class == MarkerClass::Verb
            && (f.head.0..f.head.1).any(|i| self.word(i) == Some("عن"))
        {
            head.via_outlet = self.subject_before(f.cue.0, f.sentence);
        }
        let outlet_here = match (head.outlet, head.via_outlet.filter(|_| prep_relay.is_none())) {
            _ if prep_relay.is_some() => prep_relay.map(|r| self.known_name(r).unwrap_or_else(|| (self.render)(r.0, r.1, 0))),
            // الصحيفة، المواقع: a bare description names the outlet met before.
            // وفقا للصحيفة: with ل glued on, too.
            (Some(o), _) => Some(
                (o.1 == o.0 + 1)
                    .then(|| match o.2 {
                        0 => self.known_name((o.0, o.1)),
                        _ => self
                            .word(o.0)
                            .and_then(|w| w.strip_prefix("لل"))
                            .and_then(|t| self.known_name_of(&[format!("ال{t}")])),
                    })
                    .flatten()
                    .or_else(|| self.described_outlet(o))
                    .unwrap_or_else(|| self.render_outlet(o)),
            ),
            (None, Some(r)) => Some(
                self.known_name(r)
                    .or_else(|| self.described_outlet((r.0, r.1, 0)))
                    .unwrap_or_else(|| self.render_stripped(r)),
            ),
            _ => f
                .relayed_by
                .and_then(|r| self.relay_outlet(r))
                .or_else(|| self.implicit_relayer(f, &head, nql))
                .or_else(|| self.leading_frame_outlet(f.sentence, f.cue.0))
                .or_else(|| {
                    // قائلا، and قال فيها after a tweet: the medium named
                    // earlier in the sentence.
                    (f.form.class == MarkerClass::Participle || self.about_medium_before(f.cue.0))
                        .then(|| self.clause_outlet(f.sentence, f.cue.0))
                        .flatten()
                }),
        };
        if let Some(o) = &outlet_here
            && let Some(t) = crate::normalize::fold_str(o).split_whitespace().next()
            && self.rules.is_outlet_type(t)
        {
            self.outlets.insert(t.to_string(), o.clone());
        }
        // لكنه أكد جاهزية الجميع: the pronoun on لكن is the subject, and the
        // words after the verb its object.
        let but_pronoun = f.cue.0.checked_sub(1).and_then(|p| match self.word(p)? {
            "لكنه" | "ولكنه" => Some(Agreement::Masculine),
            "لكنها" | "ولكنها" => Some(Agreement::Feminine),
            "لكنهم" | "ولكنهم" => Some(Agreement::Plural),
            _ => None,
        });
        // نقلت الوكالة عنه: the pronoun, not the verb, agrees with the source;
        // نقلت وكالة تاس عن الأسد: the verb agrees with the outlet, so says
        // nothing of the source.
        let relayed_by_outlet = nql && head.via_outlet.is_some();
        let verb_agreement = if relayed_by_outlet { Agreement::Unknown } else { f.form.agreement };
        let agreement = head.relay_pronoun.or(but_pronoun).unwrap_or(verb_agreement);
        let mut np = head.np.and_then(|r| self.without_non_subject(r)).filter(|_| but_pronoun.is_none());
        // ووصف X بأنه: X is the object; so is a source word standing alone
        // before the clause (ووصفت الزوج بأنه), for a verb that needs one.
        // (Not a longer phrase: the role and the object may run together,
        // ووصف وزير الخارجية الإيراني المفاوضات بأنها.
        // Nor after an object pronoun: ما وصفته رابطة الأطباء البريطانيين
        // بأنه names the subject.)
        let bare_verb = self.word(f.cue.0).is_some_and(|w| self.rules.marker(w).is_some());
        let alone = |r: (usize, usize)| bare_verb && self.trim_range((r.1, f.head.1)).0 >= f.head.1 && self.words(r).len() <= 3;
        if f.form.object_first && head.appos.is_none() && np.is_some_and(|r| !self.heads_source(r) || alone(r)) {
            np = None;
        }
        // ووصف وزير الدفاع غافن ويليامسن الضربات بأنها: after a name of two
        // bare words, a definite noun that is no nisba surname (الحربي) is
        // the object (not محمد الناصر، خالد الفيصل).
        let bare_name_word = |k: usize| self.word(k).is_some_and(|p| !definite(p) && !self.rules.is_particle(p));
        if f.form.object_first
            && let Some(r) = np
            && let Some(s) = self.name_start(r)
            && let Some(k) = (s + 2..r.1).find(|&k| {
                self.word(k)
                    .is_some_and(|w| definite(w) && !w.ends_with('ي') && !w.ends_with("يه") && !self.rules.is_particle(w))
                    && bare_name_word(k - 1)
                    && bare_name_word(k - 2)
            })
        {
            np = Some((r.0, k));
        }
        let mut appos = head.appos;
        if f.form.class == MarkerClass::Participle {
            let subject = self.opening_subject(f.cue.0, f.sentence, f.form.agreement);
            np = subject.map(|(np, _)| np);
            appos = subject.and_then(|(_, appos)| appos);
        }
        if f.self_source {
            np = None; // وفق قوله: the current speaker
        }
        // ودعا المتحدث ...، المواطنين إلى ...، وقال إن: a و-verb inside the
        // sentence with no subject of its own shares the opening verb's; so
        // does one after حيث or إذ (ويتفق ناصر آل مغرم مع ...، حيث قال).
        if np.is_none()
            && f.form.class == MarkerClass::Verb
            && f.cue.0 > self.seg.sentences[f.sentence].first + 2
            && (self.word(f.cue.0).is_some_and(|w| w.starts_with('و'))
                || self
                    .word(f.cue.0 - 1)
                    .is_some_and(|p| matches!(p, "حيث" | "اذ") || is_clause_pronoun(p)))
            && let Some((s, a)) = self.opening_subject(f.cue.0, f.sentence, f.form.agreement)
        {
            np = Some(s);
            appos = a;
        }
        // وكان خامنئي قد قال في خطاب ...، تخللته هتافات ...، أن: a subject
        // before the verb wins over words found after an adverbial piece.
        // نقلت الوكالة في وقت سابق عن X: before a relaying verb stands the
        // outlet, and the source found after عن stays.
        // وكان الله غفورا رحيما قال تعالى: praise right after the verb names
        // its subject (God, or the one named before), not the words before.
        let praise_first = f.head.0 < f.head.1 && self.praise_in((f.head.0, f.head.0 + 1)).is_some_and(|(k, _)| k == f.head.0);
        if praise_first {
            np = Some((f.head.0, f.head.0 + 1));
        } else if (np.is_none() || head.np_late && !nql) && f.form.class == MarkerClass::Verb {
            np = self.subject_before(f.cue.0, f.sentence).or(np);
        } else if f.form.class == MarkerClass::Verb
            && !nql
            && let Some(b) = self.subject_before(f.cue.0, f.sentence)
            && b.0 > 0
            && self.word(b.0 - 1).is_some_and(is_kana)
            && self.opens_clause(b.0 - 1, f.sentence)
        {
            // وكانت تقارير إعلامية ذكرت طرق ...: after كان the noun before
            // the verb is its subject, the words after it its object.
            np = Some(b);
            appos = None;
        }
        // لقد سبق أن أعلنت استعدادي: inside another's words a verb in -ت may
        // be the speaker's own (I announced), and the noun after it its
        // object. A nested source there is a word that names sources, a
        // name known or listed, or one set off as a speaker is: before a
        // colon, or before its role (وأضاف نونو فيفيروس:، وصرح جورجيو
        // سارني، رئيس كوتش، قالت مارجريته فيستدجر مفوضة شؤون المنافسة), or
        // quoted (بعدما ذكرت "إينوك").
        let nested_source = |r: (usize, usize)| {
            self.heads_source(r)
                || appos.is_some_and(|a| self.word(a.0).is_some_and(|w| self.rules.is_title(w)))
                || (r.0 + 1..=r.1).any(|k| self.word(k).is_some_and(|w| self.rules.is_title(w) || self.rules.is_unnamed(w)))
                || self.seg.tokens.get(r.1).is_some_and(|t| t.is(':'))
                || self.is_opener(r.0)
                || r.0 > 0 && self.is_opener(r.0 - 1)
                || self.surname_earlier(r.0)
                || self.family_name_earlier(r.0)
                || self.word(r.0).is_some_and(|w| {
                    self.rules.is_first_name(w)
                        || self.rules.is_document(w)
                        || self.rules.is_particle(w)
                        // قالت زوجته إنها: a relative of someone named.
                        || self.rules.is_kinship(without_pronoun(w))
                        || possessed_noun(w).is_some_and(|n| self.rules.is_kinship(&n))
                        || named_in(&self.entities, w)
                })
        };
        if (f.inside_claim || f.nested) && np.is_some_and(|r| !self.plausible_source(r) || !nested_source(r)) {
            np = self.subject_before(f.cue.0, f.sentence);
        }
        if np.is_none() && (f.inside_claim || f.nested && f.form.class == MarkerClass::Verb) {
            return None; // a verb inside another's clause, with no subject of its own
        }
        // كنت أعتقد أن، شخصيا أعتبر أن: the first person's present, unless a
        // source follows (وأعتبر راب أن, the past with its alef misspelt).
        // "I" is the agreeing speaker quoted last: in the same paragraph, or
        // a person with a full name; else no one the text names.
        if self.first_person(f) && !np.is_some_and(|r| nested_source(r) || r.0 > f.cue.0 && self.plausible_source(r)) {
            let last = self.continuation(f.form.agreement, f.sentence, false)?;
            let paragraph = |s: usize| self.seg.sentences[s].paragraph;
            // In an interview the one answering was named paragraphs before.
            let named_person = self.entities[last].kind == SpeakerType::Person && self.entities[last].key.len() >= 2;
            if paragraph(self.last_sentence) != paragraph(f.sentence) && !named_person {
                return None;
            }
            if !f.nested {
                self.push_history(last, f.sentence);
            }
            let e = &self.entities[last];
            return Some(Attribution {
                entity: last,
                mention: None,
                outlet: outlet_here.unwrap_or_else(|| e.outlet.clone()),
            });
        }
        // بيان صادر عن قيادة عمليات بغداد: the issuer is the source a reader
        // knows; "بيان صادر" alone names no one.
        let issued = np.and_then(|r| self.issuer(r, f.head.1).map(|x| (r, x)));
        let np = issued.map(|(_, x)| x).or(np);
        // بحسب تصريحات نقلتها وسائل الإعلام: a speech noun alone is no
        // source (unless a document: وتشير تقديرات إلى أن); the words were
        // the speaker's before.
        let np = np
            .and_then(|r| self.before_tanween(r))
            .map(|r| self.without_speech_noun(r))
            .filter(|&r| {
                self.words(r).len() > 1
                    || !self
                        .word(r.0)
                        .is_some_and(|w| self.rules.is_speech_noun(w) && !self.rules.is_document(w))
            });
        // الله تعالى، النبي صلى الله عليه وسلم: the praise is cut off; alone
        // (قال تعالى، قال صلى الله عليه وسلم) it names God or points back.
        let praise = np.and_then(|r| self.praise_in(r));
        let (np, divine, eulogy) = match (np, praise) {
            // (النبي – صلى الله عليه وسلم: not the dash before the praise.)
            (Some(r), Some((k, _))) if k > r.0 => (Some(self.trim_range((r.0, k))), false, None),
            (_, Some((_, true))) => (None, true, None),
            (_, Some((k, false))) => (None, false, Some(k)),
            (np, None) => (np, false, None),
        };
        // فقال الله تعالى after عبد الله بن عباس: the divine name alone is
        // never the short form of a name that holds it.
        let (np, divine) = match np {
            Some(r) if r.1 == r.0 + 1 && self.is_word(r.0, &self.rules.divine_key) => (None, true),
            _ => (np, divine),
        };
        // وقال سموه، وأضاف معاليه: an honorific stands for the person named
        // before, as a pronoun would; alone in the article it is the source.
        // ووصف فضيلته حادثة التفجير: the words after the honorific are the
        // verb's object.
        let honorific = np
            .filter(|&(a, _)| self.word(a).is_some_and(|w| self.rules.is_honorific(w)))
            .map(|(a, _)| (a, a + 1));
        let np = np.filter(|_| honorific.is_none());
        // فهو يرى أن، هي تقول: a pronoun before the verb stands for the one
        // named before, as the verb's own pronoun would.
        let pronoun = np.filter(|r| r.1 == r.0 + 1).and_then(|r| independent_pronoun(self.word(r.0)?));
        let np = np.filter(|_| pronoun.is_none());
        let agreement = pronoun.unwrap_or(agreement);
        let (ent, mention) = match np {
            None if divine => (self.divine(), None),
            // رسول الله صلى الله عليه وسلم قال: the name before the praise;
            // قال صلى الله عليه وسلم: the person named before, or no one.
            None if let Some(k) = eulogy => match self.praised_before(k).or_else(|| self.subject_before(k, f.sentence)) {
                Some(r) => (self.resolve(r, None, agreement), Some(r)),
                None => (self.continuation(agreement, f.sentence, false)?, None),
            },
            // نقلت الوكالة عنه with no one to point back to: the outlet stands
            // as the source rather than the claim being lost.
            None => match (
                self.continuation(agreement, f.sentence, head.outlet.is_some() && f.form.class == MarkerClass::Verb),
                head.via_outlet.filter(|_| head.relay_pronoun.is_some()),
            ) {
                (Some(e), _) => (e, None),
                (None, Some(r)) => (self.resolve(r, None, f.form.agreement), Some(r)),
                (None, None) => match honorific {
                    // With no source before it, the honorific stands for the
                    // article's first name after a title it goes with
                    // (الأمير فيصل بن بندر ... وقال سموه).
                    Some(h) => match self.honorific_name_before(h.0) {
                        Some(r) => (self.resolve(r, None, agreement), Some(h)),
                        None => (self.resolve(h, None, agreement), Some(h)),
                    },
                    None => return None,
                },
            },
            Some(np) => {
                let e = self.resolve(np, appos, agreement);
                (e, Some((np.0, appos.map_or(np.1, |a| a.1))))
            }
        };
        // (وفقا لتقرير ... الصادر عن: the document's word without its ل.)
        if let Some((doc, _)) = issued
            && let Some(w) = self.word_at(doc.0)
        {
            self.documents.insert(bare(&w).to_string(), ent);
        }
        // وقالت وزارة الداخلية في بيان إن ... وأضاف البيان: the statement a
        // source spoke in is the source's.
        if !f.nested
            && let Some(d) = (f.head.0..f.head.1)
                .find(|&k| self.word(k) == Some("في") && self.word(k + 1).is_some_and(|w| !definite(w) && self.rules.is_document(w)))
            && let Some(w) = self.word(d + 1)
        {
            self.documents.insert(w.to_string(), ent);
        }
        if let Some(o) = &outlet_here {
            self.entities[ent].outlet = o.clone();
            self.entities[ent].outlet_sentence = f.sentence;
        }
        if self.entities[ent].agreement == Agreement::Unknown {
            self.entities[ent].agreement = agreement;
        }
        if !f.nested {
            // A source quoted inside another's quotation does not become the
            // speaker of the continuations that follow.
            self.push_history(ent, f.sentence);
        }
        let e = &self.entities[ent];
        // An interview's outlet carries over to its continuations and to
        // nearby mentions of the same speaker, not to the whole article.
        let keeps_outlet = outlet_here.is_some() || mention.is_none() || f.sentence <= e.outlet_sentence + OUTLET_CARRY_SENTENCES;
        let outlet = if e.kind == SpeakerType::Outlet && outlet_here.is_none() {
            e.name.clone()
        } else if keeps_outlet {
            e.outlet.clone()
        } else {
            String::new()
        };
        Some(Attribution {
            entity: ent,
            mention,
            outlet,
        })
    }

    /// The source words after a leading speech noun, if they name a source
    /// (تصريحات بولتون → بولتون، تقدير عدد من الاقتصاديين → عدد من
    /// الاقتصاديين); else the words as they are (رواية التصحيف "the novel",
    /// تقديرات حكومية).
    fn without_speech_noun(&self, r: Span) -> Span {
        if !self.word(r.0).is_some_and(|w| self.rules.is_speech_noun(w)) {
            return r;
        }
        let rest = self.trim_range((r.0 + 1, r.1));
        let Some(first) = self.word(rest.0).filter(|_| rest.0 < rest.1) else {
            return r;
        };
        if self.heads_source(rest)
            || self.is_quantity_phrase(rest)
            || self.rules.is_first_name(first)
            || self.rules.is_document(first)
            || named_in(self.recent(), first)
        {
            rest
        } else {
            r
        }
    }

    /// The issuer after a document issued by it (بيان صادر عن X، التقرير
    /// الصادر عن X): X's noun phrase, before `end`.
    fn issuer(&self, r: Span, end: usize) -> Option<Span> {
        // Asked for every frame's subject: the cheap test first.
        if self.word(r.1) != Some("عن") {
            return None;
        }
        // تقرير صادر، البيانات الإحصائية الأولية الصادرة، تقرير التنمية
        // البشرية للعام 2013 الصادر: a document and its description.
        let ws = self.words(r);
        let issued = matches!(ws.last()?.as_ref(), "صادر" | "الصادر" | "صادره" | "الصادره");
        if !(2..=8).contains(&ws.len()) || !issued || !self.document_word(bare(&ws[0])) {
            return None;
        }
        let stop = (r.1 + 1..end)
            .find(|&k| self.seg.tokens[k].is('،') || self.seg.tokens[k].is(':') || self.word(k).is_some_and(|w| self.rules.cuts_before(w)))
            .unwrap_or(end);
        // عن البيت الأبيض، عن اليونيسف: any plausible source, not only a
        // word that names sources.
        let x = self.np_extent(self.trim_range((r.1 + 1, stop)));
        (x.0 < x.1 && self.plausible_source(x)).then_some(x)
    }

    /// Whether the phrase at `r` counts its source (عدد من الأعضاء، عدة
    /// مصادر، ثلاثة مسؤولين): a description, not a name, that goes on
    /// through من or the counted noun.
    fn is_quantity_phrase(&self, r: Span) -> bool {
        let mut ws = (r.0..r.1).filter_map(|k| self.word(k));
        let (Some(w), Some(next)) = (ws.next(), ws.next()) else {
            return false;
        };
        (self.rules.is_quantifier(w) || self.rules.is_count(w)) && next == "من"
            || self.rules.is_count(w) && (self.rules.is_unnamed(next) || self.rules.is_title(next))
    }

    /// Where praise after a name starts in `r` (الله تعالى، النبي صلى الله
    /// عليه وسلم), and whether it is divine.
    fn praise_in(&self, r: Span) -> Option<(usize, bool)> {
        // The phrase may run past the source words (صلى الله | عليه وسلم).
        let end = (r.1 + 4).min(self.seg.tokens.len());
        (r.0..r.1).find_map(|k| {
            self.rules
                .epithet_at((k..end).map_while(|x| self.word(x)))
                .map(|(_, divine)| (k, divine))
        })
    }

    /// The name that the same praise last followed before `k` (قال رسول الله
    /// صلى الله عليه وسلم ... وقال صلى الله عليه وسلم: رسول الله): praise
    /// alone after a verb stands for it. The shortest phrase that names
    /// someone, not the divine name alone.
    fn praised_before(&self, k: usize) -> Option<Span> {
        let words = |x: usize| (x..self.seg.tokens.len()).map_while(|y| self.word(y));
        let (n, _) = self.rules.epithet_at(words(k))?;
        let praise: Vec<&str> = words(k).take(n).collect();
        let p = (k.saturating_sub(NAME_LOOKBACK_TOKENS)..k)
            .rev()
            .find(|&p| p > 0 && self.word(p) == Some(praise[0]) && words(p).take(n).eq(praise.iter().copied()))?;
        // النبي - صلى الله عليه وسلم: over the dash.
        let mut e = p;
        while e > 0 && matches!(self.seg.tokens[e - 1].kind, Kind::Punct('-' | '–' | '—' | 'ـ')) {
            e -= 1;
        }
        (1..=3.min(e)).find_map(|len| {
            let r = (e - len, e);
            let ws = self.words(r);
            let ok = ws.len() == len
                && ws
                    .iter()
                    .all(|w| self.rules.marker(w).is_none() && !self.rules.is_preposition(w) && !self.rules.cuts_before(w))
                && !(len == 1 && ws[0] == self.rules.divine_key)
                && {
                    // (Not a verb before the praise: سئل صلى الله عليه وسلم.)
                    let w = ws[0].as_ref();
                    self.heads_source(r)
                        || self.rules.is_first_name(w)
                        || definite(w) && !self.rules.is_document(w) && !self.rules.is_self_source(w)
                        || len == 2 && ws[1] == self.rules.divine_key && self.name_like(w)
                };
            ok.then_some(r)
        })
    }

    /// The entity that divine praise alone names (قال تعالى).
    fn divine(&mut self) -> usize {
        let key = vec![self.rules.divine_key.clone()];
        if let Some(i) = self.find_entity(|e| e.key == key) {
            return i;
        }
        self.add(Entity {
            name: self.rules.divine_name.clone(),
            key,
            kind: SpeakerType::Person,
            title: String::new(),
            title_key: Vec::new(),
            agreement: Agreement::Masculine,
            outlet: String::new(),
            outlet_sentence: 0,
            document_agreement: Agreement::Unknown,
        })
    }

    /// The name, kind and title of an entity, as finally known.
    pub fn speaker(&self, entity: usize) -> (&str, SpeakerType, &str) {
        let e = &self.entities[entity];
        (&e.name, e.kind, &e.title)
    }

    /// A source phrase, unless it opens with a word no subject opens with
    /// (لم أحصل، هذه الاتهامات); a demonstrative before a source word is
    /// dropped instead (هذا المسؤول → المسؤول). A verbal noun is not: the
    /// source after it is its complement (أكد استمرار مصر في ...).
    fn without_non_subject(&self, r: (usize, usize)) -> Option<(usize, usize)> {
        let Some(w) = self.word(r.0).filter(|w| self.rules.opens_no_subject(w)) else {
            return Some(r);
        };
        (self.rules.is_demonstrative(w) && r.0 + 1 < r.1 && self.heads_source((r.0 + 1, r.0 + 2))).then_some((r.0 + 1, r.1))
    }

    /// The subject of the verb that opens the sentence of a participle or a
    /// و-verb without a subject, when that verb reports nothing (ودعا
    /// المتحدث الرسمي ...، مؤكدا أن): the marker goes with it, not with the
    /// speaker before.
    fn opening_subject(&self, cue: usize, sentence: usize, agreement: Agreement) -> Option<(Span, Option<Span>)> {
        let first = self.frame_end(self.seg.sentences[sentence].first, cue);
        let verb = self.word(first)?;
        // وكان رفلين قد شارك في ...، وقال: كان's noun, up to قد, is the
        // subject of the verb after قد and of what follows.
        if is_kana(verb)
            && let Some(k) = (first + 2..cue.min(first + 6)).find(|&k| self.word(k) == Some("قد"))
            && (first + 1..k).all(|x| self.word(x).is_some())
            && self.word(k + 1).is_some_and(|w| self.rules.marker(w).is_none())
            && self.plausible_source((first + 1, k))
        {
            return Some(((first + 1, k), None));
        }
        // من جانب آخر، استنكر الشيخ ...: after a frame the verb needs no و.
        // حدد ولي العهد السعودي، الأمير محمد بن سلمان، ...، مشددا: nor at the
        // sentence's start, before a word that heads a source.
        let bare_verb = match verb.strip_prefix(['و', 'ف']) {
            Some(v) => v,
            None if (first > self.seg.sentences[sentence].first || self.heads_source((first + 1, first + 2)))
                && !self.rules.is_title(verb)
                && !self.rules.is_unnamed(verb)
                && !self.rules.is_first_name(verb)
                && !self.rules.is_organization_word(verb) =>
            {
                verb
            }
            None => return None,
        };
        // A verb: not a noun with the article or a preposition. A marker
        // up to the participle has its own subject, the speaker before,
        // unless it only reports with a clause (ودعا X إلى ...، مؤكدا).
        if bare_verb.chars().count() < 3
            || bare_verb.starts_with("ال")
            || self.rules.is_preposition(verb)
            || self.rules.is_preposition(bare_verb)
            || self.rules.cuts_before(verb)
            || self.rules.opens_no_subject(bare_verb)
            || self.is_opener(first)
            || self.heads_source((first, first + 1))
            || self.rules.marker(verb).is_some_and(|m| !m.needs_clause)
            // (Not على without لسان after it: وعلق هنيدي على المقطع قائلا.)
            || (first + 1..cue).any(|k| {
                self.word(k)
                    .and_then(|w| self.rules.marker(w))
                    .is_some_and(|m| m.then.as_deref().is_none_or(|t| self.word(k + 1) == Some(t)))
            })
        {
            return None;
        }
        let head = self.read_head((first + 1, cue), Wanted::Speaker);
        let np = self.without_non_subject(head.np?)?;
        // وقدم الحجري تعازيه لخادم الحرمين ...، موضحا; وجدد الرئيس دعوته إلى:
        // a noun with a possessive pronoun (ه in the original, not ة) after the
        // subject is the verb's object, and the subject ends before it.
        let last = (np.0..np.1).rev().find(|&k| self.word(k).is_some());
        let possessive = last.filter(|&k| {
            k > np.0
                && self
                    .word(k)
                    .is_some_and(|w| !self.rules.is_title(w) && !self.rules.is_first_name(w) && !definite(w))
                && {
                    let orig = (self.render)(k, k + 1, 0);
                    orig.ends_with('ه') || orig.ends_with("ها") || orig.ends_with("هم")
                }
        });
        let np = possessive.map_or(np, |k| (np.0, k));
        // وأضاف، "هذا أمر غير مألوف"، مضيفا: after a speech verb the words
        // in quotation marks are what was said.
        if self.is_opener(np.0) && self.rules.marker(verb).is_some() {
            return None;
        }
        // وكانت إسرائيل قد أطلقت ...، وصرحت: between كان and قد stands the subject.
        // وأعرب غوتيريس عن قلقه ...، مشددا; ووعدت الوزيرة بتطوير المسرح،
        // قائلة: a prepositional phrase after a short noun phrase ends it
        // too. Not after a relaying verb: its participle goes with the
        // source relayed (ونقلت الوكالة عن مصادر طبية ...، مؤكدة).
        let relaying = self.rules.marker(verb).is_some_and(|m| self.rules.lemmas[m.lemma] == "نقل");
        let pp_word = |w: &str| self.rules.is_preposition(w) || glued_phrase(w);
        let pp_closed = |r: (usize, usize)| {
            !relaying && self.word(r.1).is_some_and(pp_word) && self.words(r).len() <= 4 && !self.words(r).iter().any(|w| pp_word(w))
        };
        // وينكر الجيش في ميانمار استهداف: a place kept in the subject ends
        // it as the preposition would have.
        let kept_place = |r: (usize, usize)| {
            (r.0 + 1..r.1).find(|&k| self.keeps_place(k, r.0)).is_some_and(|k| {
                self.rules.place_at((k + 1..r.1).filter_map(|x| self.word(x))) == Some(self.words((k + 1, r.1)).len())
                    && pp_closed((r.0, k))
            })
        };
        // وسُمع اللاعب الدولي السابق وهو يقول: the pronoun of the clause
        // about the subject ends it too.
        let closed = |r: (usize, usize)| {
            self.seg.tokens.get(r.1).is_some_and(|t| t.is('،'))
                || is_kana(verb) && self.word(r.1) == Some("قد")
                || pp_closed(r)
                || kept_place(r)
                || r.1 + 1 == cue && self.word(r.1).is_some_and(is_clause_pronoun)
        };
        let first_name_at = |s: Option<usize>| s.and_then(|s| self.word(s)).is_some_and(|w| self.rules.is_first_name(w));
        // وقدم وزير المالية، الشيخ أحمد ...، عرضا: the name set off by commas,
        // opening with a known first name, or at once after a role
        // (وعبّرت رئيسة الوزراء البريطانية، تيريزا ماي، عن).
        let role_first = self.word(np.0).is_some_and(|w| self.rules.is_title(w));
        let appos = head.appos.filter(|&a| {
            let s = self.name_start(a);
            closed(a) && (first_name_at(s) || role_first && s == Some(a.0) && self.words(a).len() <= 3)
        });
        let ws = self.words(np);
        let head_word = ws.first()?.as_ref();
        // وزارة، الشرطة go with مؤكدة; الوزير، المتحدث with مؤكدا.
        let agrees = match agreement {
            Agreement::Masculine => !head_word.ends_with('ه'),
            Agreement::Feminine => head_word.ends_with('ه') || !self.rules.is_title(head_word),
            _ => true,
        };
        // The subject ends at a comma (ودعا المتحدث ...، المواطنين إلى):
        // without one, where it ends and the object begins is a guess.
        // A name after the role must open with a known first name: the
        // object often stands between subject and comma (ولخص دبلوماسي
        // الوضع، قائلا; ووعدت الوزيرة بتطوير المسرح، قائلة).
        // وألقى الرئيس ترامب، ...، قائلا: so may a person's name met before.
        let known_person = |s: usize| {
            let name: Vec<&str> = (s..np.1).filter_map(|k| self.word(k)).collect();
            self.recent()
                .iter()
                .any(|e| e.kind == SpeakerType::Person && name.iter().all(|w| e.key.iter().any(|k| k == w)))
        };
        let name_start = self.name_start(np);
        // وعلق هنيدي على المقطع ... قائلا، وعلق هنيدي قائلا، وتابعت أصالة
        // حديثها قائلة: a short bare name right after the verb, before a
        // preposition, the participle itself or a possessed object right
        // before it, is its subject though no first name is known.
        let bare_name = name_start == Some(np.0)
            && ws.len() <= 3
            && ws.iter().all(|w| self.name_like(w) && !definite(w))
            && (np.1 == cue
                || self.word(np.1).is_some_and(|w| self.rules.is_preposition(w))
                || possessive == Some(np.1) && np.1 + 1 == cue);
        let name_ok = match name_start {
            Some(s) => first_name_at(Some(s)) || known_person(s) || bare_name,
            None => !definite(&ws[ws.len() - 1]) || ws.len() <= 3,
        };
        // ويتفق ناصر آل مغرم مع ...، حيث قال: a name opening with a known
        // first name, or a person met before, is a source without a role.
        let named = name_start == Some(np.0) && name_ok;
        let source = self.heads_source(np)
            || named
            || possessive.is_some() && self.recent().iter().any(|e| e.key.iter().any(|k| ws.iter().any(|w| w == k)));
        (agrees && (closed(np) || possessive.is_some() || bare_name) && name_ok && ws.len() <= 8 && source).then_some((np, appos))
    }

    /// Where the clause after a sentence's opening frame begins (من جهته،
    /// بدوره، من جانب آخر، في سياق متصل،): the token after the frame's
    /// comma, or `first` when no frame opens the sentence before `cue`.
    fn frame_end(&self, first: usize, cue: usize) -> usize {
        let Some(comma) = (first + 1..cue.min(first + 5)).find(|&k| self.seg.tokens[k].is('،')) else {
            return first;
        };
        if !(first..comma).all(|k| self.word(k).is_some()) {
            return first;
        }
        let ws = self.words((first, comma));
        let frame = self.rules.anaphora_at(ws.iter().map(|w| w.as_ref())) == Some(ws.len())
            || self.rules.is_preposition(&ws[0])
            || ws[0] == "الي"
            || ws[0].strip_prefix('و').is_some_and(|w| self.rules.is_preposition(w));
        if frame { comma + 1 } else { first }
    }

    /// The medium named earlier in a participle's sentence (حذّر في تغريدات
    /// نشرها عبر حسابه على تويتر، قائلا): the clause the participle closes.
    fn clause_outlet(&self, sentence: usize, cue: usize) -> Option<String> {
        let first = self.seg.sentences[sentence].first;
        // على موقع تويتر: على is a marker only before لسان.
        let marker_here = |k: usize, w: &str| {
            self.rules
                .marker(w)
                .is_some_and(|m| m.then.as_deref().is_none_or(|t| self.word(k + 1) == Some(t)))
        };
        // Words quoted before the marker ("الحملة الشرسة على الرياض") are
        // what was said, not where.
        (first..cue)
            .filter(|&k| {
                self.word(k)
                    .is_some_and(|w| (self.rules.is_via(w) || w.starts_with('ل') || w == "الي") && !marker_here(k, w))
                    && !self.inside_quote(k, first)
            })
            .find_map(|k| {
                let o = self.outlet_at(k, cue)?;
                // على تويتر، على موقع ...: after على only a platform or a typed medium.
                let on = self.word(k).is_some_and(|w| self.rules.is_on_platform(w));
                let words = || (o.0..o.1).filter_map(|x| self.word(x));
                let typed = words().next().is_some_and(|w| self.rules.is_outlet_type(w));
                (!on || typed || self.rules.platform_at(words()).is_some()).then_some(o)
            })
            .map(|o| self.render_outlet(o))
    }

    /// The outlet of a sentence-opening frame (وفي تصريحات لـ"العربية.نت"، أكد ...).
    fn leading_frame_outlet(&self, sentence: usize, cue: usize) -> Option<String> {
        let first = self.seg.sentences[sentence].first;
        let (w0, w1) = (self.word(first)?, self.word(first + 1)?);
        let end = (first..cue).find(|&k| self.seg.tokens[k].is('،')).unwrap_or(cue);
        // وفي برنامج "لوس وومن" على شبكة أي تي في، قالت: the medium itself.
        // (Not a definite type word: وفي الصحف اليوم، وفي الموقع نفسه open a
        // press review or point back.)
        if matches!(w0, "في" | "وفي") && self.rules.is_outlet_type(w1) && !definite(w1) && !self.public_body(first + 1) {
            let o = self.outlet_extent((first + 1, end));
            return (o.0 < o.1 && self.words(o).len() <= 5).then(|| self.render_outlet((o.0, o.1, 0)));
        }
        if !(matches!(w0, "في" | "وفي") && self.rules.is_frame(w1)) {
            return None;
        }
        (first + 2..end).find_map(|k| self.outlet_at(k, end)).map(|o| self.render_outlet(o))
    }

    /// Whether a phrase can name a source: a role, organisation, place or
    /// outlet word, a known source, or a name.
    fn plausible_source(&self, r: (usize, usize)) -> bool {
        let ws = self.words(r);
        let Some(w) = ws.first().map(|w| w.as_ref()) else { return false };
        self.heads_source(r) || named_in(self.recent(), w) || self.name_like(w)
    }

    /// Whether a phrase opens with a word that names sources (منظمة، الوزير، موسكو).
    fn heads_source(&self, r: (usize, usize)) -> bool {
        let ws = self.words(r);
        let Some(w) = ws.first().map(|w| w.as_ref()) else { return false };
        self.rules.is_title(w)
            || self.rules.is_unnamed(w)
            || self.rules.is_outlet_type(w)
            // (البيت الأبيض: a body named by more than one word.)
            || self.rules.organization_at(ws.iter().map(|w| w.as_ref())).is_some()
            || self.rules.place_at(ws.iter().map(|w| w.as_ref())).is_some()
    }

    /// The full name of a known source that a short description names
    /// (نقلت الشرطة عن ... after الشرطة البريطانية was introduced).
    fn known_name(&self, r: (usize, usize)) -> Option<String> {
        self.known_name_of(&self.key(r))
    }

    /// [`Self::known_name`] of the folded words `key`.
    fn known_name_of(&self, key: &[String]) -> Option<String> {
        if key.is_empty() || key.len() > 2 || !definite(&key[0]) {
            return None;
        }
        // المواقع → مواقع إخبارية يمنية: the article does not count.
        let same = |e: &Entity| e.key.len() > key.len() && e.key.iter().zip(key).all(|(a, b)| bare(a) == bare(b));
        self.find_entity(|e| e.kind != SpeakerType::Person && same(e))
            .map(|i| self.entities[i].name.clone())
            .or_else(|| {
                // ... or an outlet named before (نقلت المواقع عن، وبحسب الصحيفة
                // الفرنسية).
                let head = bare(&key[0]);
                (key.len() <= 2 && self.rules.is_outlet_type(head))
                    .then(|| self.outlets.get(head).cloned())
                    .flatten()
            })
    }

    /// Notes the subject of a verb that reported no claim (أشاد الوزير ...،
    /// أكد الجيش صحة ...), so that continuations after it find their speaker.
    ///
    /// `naming`: the verb means "is called" (رجل يدعى يوسف نجاح), so the
    /// name after it is the one noted, not the noun before it.
    pub fn note(&mut self, cue: usize, sentence: usize, head: (usize, usize), agreement: Agreement, naming: bool) {
        self.lam = None;
        // انتقدت بشدة المستشارة: after a manner adverb comes the object;
        // وقال "..." : a quotation is what was said, not who said it.
        // وأضاف، "...": after a comma too.
        let opens = if head.0 < head.1 && self.seg.tokens[head.0].is('،') {
            head.0 + 1
        } else {
            head.0
        };
        if self.word(head.0).is_some_and(|w| self.rules.is_manner(w)) || opens < self.seg.tokens.len() && self.is_opener(opens) {
            return;
        }
        // وكانت إحدى المحطات قد بثت تسجيلا: a subject before the verb wins
        // over the words after it, which are then its object.
        let before = if naming { None } else { self.subject_before(cue, sentence) };
        // وأشار إلى وجوب احترام دور العبادة، سواء أكانت ...: a preposition
        // right after the verb opens its object, and the words past the
        // comma go on with it; the subject is the verb's pronoun (في may
        // open an adverbial before a subject: وأعرب في بيان، الوزير).
        if before.is_none() && self.word(head.0).is_some_and(|w| self.rules.is_preposition(w) && w != "في") {
            return;
        }
        let (np, h_appos) = match before {
            Some(np) => (Some(np), None),
            None => {
                let h = self.read_head(head, Wanted::Speaker);
                (h.np, h.appos)
            }
        };
        let Some(np) = np.and_then(|r| self.without_non_subject(r)) else {
            return;
        };
        // وأصدر اللاعب الفرنسي بيانا: a document in the accusative is the
        // verb's object and ends the subject before it.
        let np = match (np.0..np.1).find(|&k| self.word(k).is_some_and(|w| self.accusative_document(w))) {
            Some(k) => self.trim_range((np.0, k)),
            None => np,
        };
        // ورفض تصريحات ماكرون: what someone said, after the verb, is its
        // object, never its subject.
        if self.word(np.0).is_some_and(|w| self.rules.is_speech_noun(w)) {
            return;
        }
        // فأصدر بيانا، نشرت صورة: a document or recording right after a verb
        // of issuing is what it issued; the subject is the verb's pronoun.
        let issued = |w: &str| !definite(w) && (self.rules.is_document(w) || self.rules.is_recording(w) || self.accusative_document(w));
        if np.0 >= np.1
            || before.is_none()
                && self.word(cue).and_then(|w| self.rules.marker(w)).is_some_and(|m| m.object_first)
                && self.word(np.0).is_some_and(issued)
        {
            return;
        }
        // وقال سموه خلال استقباله ...: an honorific points back to the
        // source before, who stays the one continuations go to; alone in
        // the article it is the source.
        if self.word(np.0).is_some_and(|w| self.rules.is_honorific(w))
            && let Some(e) = self.continuation(agreement, sentence, false)
        {
            self.push_history(e, sentence);
            return;
        }
        // الله تعالى: the praise is no part of the name; alone it names no
        // one here.
        let np = match self.praise_in(np) {
            Some((k, _)) if k > np.0 => (np.0, k),
            Some(_) => return,
            None => np,
        };
        // سفير خادم الحرمين الشريفين لدى الأردن الدكتور سامي بن عبدالله
        // الصالح: a long role before its holder's name is no run-on. A
        // holder's name of more than four words, or one reaching the end of
        // the words searched (which may cut it: الدكتور بدر عبد | الرحمن
        // السمحان), leaves the role alone, before its place.
        let (np, held) = match (np.0..np.1).find_map(|k| self.role_holder(k, np.0, np.1).map(|h| (k, h))) {
            Some((k, holder)) if self.words((holder, np.1)).len() > 4 || np.1 >= head.1 => (self.trim_range((np.0, k)), false),
            Some(_) => (np, true),
            None => (np, false),
        };
        // وكيل وزارة الشؤون البلدية والقروية لشؤون تصنيف المقاولين المهندس
        // عبدالله المطيري: a long role may end in its holder's name, opening
        // with a known first name, if the name ends before the words
        // searched do (which may cut it).
        let named = |np: (usize, usize)| {
            np.1 < head.1
                && self
                    .name_start(np)
                    .is_some_and(|s| self.word(s).is_some_and(|w| self.rules.is_first_name(w)) && self.words((s, np.1)).len() <= 4)
        };
        if !held && self.words(np).len() > 8 && !named(np) || !self.plausible_source(np) {
            return;
        }
        let ent = self.resolve(np, h_appos, agreement);
        if self.entities[ent].agreement == Agreement::Unknown {
            self.entities[ent].agreement = agreement;
        }
        self.push_history(ent, sentence);
    }

    /// The topic of أما that a ف-verb reports on (أما صلاح فقال، أما ممثلة
    /// السفارة، كارين ويك، فقد قالت): the words after أما, or the name set
    /// off by commas among them.
    fn topic_before(&self, cue: usize, sentence: usize) -> Option<Span> {
        let first = self.seg.sentences[sentence].first;
        let end = match self.word(cue)? {
            w if w.starts_with('ف') => cue,
            _ if cue > first && self.word(cue - 1) == Some("فقد") => cue - 1,
            _ => return None,
        };
        // أما opens its clause; إما (folded alike) pairs with أو instead.
        // Far from the verb (أما رعد جاسم (36 سنة) الموظف في شركة «نفط
        // الجنوب»، فقال) only before a person's name.
        let p = (first..end)
            .rev()
            .take(20)
            .find(|&k| matches!(self.word(k), Some("اما" | "واما")))?;
        let far = end - p > 12;
        if !(p == first || self.seg.tokens[p - 1].is('،') || self.word(p) == Some("واما")) {
            return None;
        }
        // أما عن شائعات ارتباطها، فقالت: a topic that is a matter, not a source.
        // أما إذا كان، أما فيما يتعلق: a condition or a matter.
        if self.rules.conjunction_at((p + 1..end).filter_map(|x| self.word(x))).is_some()
            || self.word(p + 1).is_some_and(|w| {
                self.rules.is_preposition(w)
                    || self.rules.is_adverbial(w)
                    || self.rules.opens_no_subject(w)
                    || self.rules.blocks_marker(w)
                    || w.starts_with("بال")
            })
        {
            return None;
        }
        let commas: Vec<usize> = (p + 1..end).filter(|&k| self.seg.tokens[k].is('،')).collect();
        let piece = match commas.as_slice() {
            [] => (p + 1, end),
            [a, b] if *b == end - 1 && self.name_start((a + 1, *b)) == Some(a + 1) => (a + 1, *b),
            [a, ..] => (p + 1, *a),
        };
        let np = self.np_extent(self.trim_range(piece));
        let person = || {
            self.name_start(np) == Some(np.0)
                && self
                    .word(np.0)
                    .is_some_and(|w| !is_clause_pronoun(w) && !definite(w) && !self.rules.cuts_before(w))
        };
        // أما عالم الاجتماع جوسلين تريكو المتخصص في ...، فيقول: a short
        // role before the name.
        let titled =
            || self.word(np.0).is_some_and(|w| self.rules.is_title(w)) && self.name_start(np).is_some_and(|s| s > np.0 && s <= np.0 + 3);
        (np.0 < np.1
            && self.words(np).len() <= 8
            && if far {
                person() || titled()
            } else {
                self.heads_source(np) || self.name_start(np).is_some()
            })
        .then_some(np)
    }

    /// Whether token `k` opens a clause: it starts its sentence or a comma
    /// piece, or carries و (وكان الوزير قال، not إذا ما كان تفاجأ).
    fn opens_clause(&self, k: usize, sentence: usize) -> bool {
        k == self.seg.sentences[sentence].first || self.seg.tokens[k - 1].is('،') || self.word(k).is_some_and(|w| w.starts_with('و'))
    }

    /// A subject standing before its verb (مصدر سعودي مسؤول قال، وكان خامنئي
    /// قال): the words back to a clause boundary, if they read as a source.
    fn subject_before(&self, cue: usize, sentence: usize) -> Option<(usize, usize)> {
        let cue_word = self.word(cue)?;
        if let Some(topic) = self.topic_before(cue, sentence) {
            return Some(topic);
        }
        if cue_word.starts_with('و') || cue_word.starts_with('ف') {
            return None; // وقال opens its own clause
        }
        if self.about_medium_before(cue) {
            return None;
        }
        let first = self.seg.sentences[sentence].first;
        // زوجته سارة، والتي قالت إنها: a relative pronoun right before the
        // verb, after a comma, agreeing with it, stands for the name before
        // the comma (not المفاوضات ...، والتي قال إنها: its object).
        let relative_agrees = |w: &str| match w.strip_prefix('و').unwrap_or(w) {
            "التي" => self.word(cue).is_some_and(|v| v.ends_with('ت')),
            "الذي" => self.word(cue).is_some_and(|v| !v.ends_with('ت') && !v.starts_with('ت')),
            _ => false,
        };
        // Without the comma (ومنها مطار بروكسل الذي قال إن) only a name or
        // a body right before the pronoun is taken.
        let comma = cue >= 2 && self.seg.tokens[cue - 2].is('،');
        if cue >= first + 3
            && self
                .word(cue - 1)
                .is_some_and(|w| relative_agrees(w) && (comma || !w.starts_with('و')))
        {
            let e = if comma { cue - 2 } else { cue - 1 };
            let named = |n: &usize| {
                self.word(*n)
                    .is_some_and(|w| self.rules.is_first_name(w) || named_in(self.recent(), w))
            };
            // Without the comma the words before may be an object (وجه
            // ميسي رسالة شكر لزميله أندريس إنييستا الذي): only names known
            // as names are taken back.
            let mut s = e;
            while s > first
                && e - s < 6
                && self.word(s - 1).is_some_and(|w| {
                    self.rules.is_particle(w) || self.name_like(w) && (comma || named(&(s - 1)) && (w != "علي" || self.is_ali(s - 1)))
                })
            {
                s -= 1;
            }
            // (قاضي داعش أبو سليمان الذي: the name opens at a first name or
            // a particle, not at a body named before.)
            let opening = |n: &usize| {
                self.word(*n)
                    .is_some_and(|w| self.rules.is_first_name(w) || self.rules.is_particle(w))
            };
            if let Some(n) = (s..e).find(|n| !comma && opening(n)).or_else(|| (s..e).find(named)) {
                // خير الله خير الله الذي: الله closes a compound name.
                let n = if n > first && self.word(n) == Some("الله") && self.word(n - 1).is_some_and(|w| self.name_like(w)) {
                    n - 1
                } else {
                    n
                };
                return Some((n, e));
            }
            // وكالة رويترز، التي ذكرت أن، نيويورك تايمز، والتي زعمت: an
            // outlet named right before.
            let words_to_e = |k: usize| (k..e).all(|x| self.word(x).is_some());
            if let Some(k) = (e.saturating_sub(5).max(first)..e).find(|&k| {
                words_to_e(k)
                    && self.word(k).is_some_and(|w| {
                        // (Not a type word with ل or ك glued on: لصحيفة كلارين
                        // is the genitive of what comes before.)
                        self.rules.is_outlet_type(w) && !definite(w) && !w.starts_with(['ل', 'ك', 'ب'])
                            || self.rules.outlet_name_at((k..e).filter_map(|x| self.word(x))) == Some(e - k)
                    })
            }) {
                return Some((k, e));
            }
            // صندوق النقد الدولي، الذي يعتبر: a body named right before,
            // its word opening the phrase after the last preposition.
            let from = (e.saturating_sub(6).max(first)..e)
                .rev()
                .take_while(|&k| self.word(k).is_some_and(|w| !self.rules.is_preposition(w)))
                .last()?;
            // (Not a body inside a role or before a name: رئيس الحكومة
            // تمام سلام، بلدية الهفوف الدكتور قاسم الهزوم.)
            let body = (from..e).find(|&k| self.word(k).is_some_and(|w| self.body_word(w)))?;
            // One name right after the body's word is the body's own (مطار
            // بروكسل).
            let plain = (body..e).all(|k| {
                self.word(k).is_some_and(|w| {
                    !self.rules.is_title(w)
                        && !self.rules.is_first_name(w)
                        && (k == body || !self.rules.cuts_before(w))
                        && (k <= body + 1 || !self.name_like(w))
                })
            });
            // (Nor one after a preposition: عضوة مجلس الشيوخ عن ولاية
            // ألاسكا، التي قالت is the senator.)
            let in_role = body > first
                && self
                    .word(body - 1)
                    .is_some_and(|w| self.rules.is_title(w) || self.rules.is_unnamed(w) || self.rules.is_preposition(w));
            // (Nor a feminine body before الذي: جامعة طيبة، الذي أفاد is
            // the doctor named before it.)
            let feminine = self.word(body).is_some_and(|w| w.ends_with('ه')) && self.word(cue - 1).is_some_and(|w| w.ends_with("الذي"));
            return (plain && !in_role && !feminine).then_some((body, e));
        }
        let mut end = cue;
        while end > first
            && self
                .word(end - 1)
                .is_some_and(|w| matches!(w, "قد" | "كان" | "كانت" | "وكان" | "وكانت" | "لقد"))
        {
            end -= 1;
        }
        // أحد الدبلوماسيين طلب عدم ذكر اسمه، قال: the subject stands before
        // the note that keeps it anonymous.
        if end > first + 1
            && self.seg.tokens[end - 1].is('،')
            && let Some(k) = (end.saturating_sub(7).max(first + 1)..end - 1).find(|&k| self.anonymity_note(k, end - 1) == Some(end - 1))
        {
            end = k;
        }
        // مصممة أزياء ذوات الأجساد الممتلئة، آنا شولز، قالت: a name set off
        // by commas right before the verb is its subject.
        if end > first && self.seg.tokens[end - 1].is('،') {
            let e = end - 1;
            let mut s = e;
            while s > first && e - s < 4 && self.word(s - 1).is_some() {
                s -= 1;
            }
            let words = || (s..e).filter_map(|k| self.word(k));
            // Not a time (، صباح الأحد،), a marker (، وفقا لـ X،), an
            // outlet (، تويتر،), a phrase with a preposition or a speech noun
            // (، كان لأردوغان تصريح آخر،) or a clause joined by و.
            let plain = words().all(|w| {
                self.rules.marker(w).is_none()
                    && !self.rules.is_preposition(w)
                    && !self.rules.is_frame(w)
                    && !self.rules.is_document(w)
                    && !self.rules.is_outlet_type(w)
                    && !matches!(w, "كان" | "كانت")
            }) && self.rules.outlet_name_at(words()).is_none()
                && (s..e).all(|k| self.time_at(k, e).is_none())
                && words().next().is_some_and(|w| !w.starts_with('و') || self.rules.is_first_name(w));
            if s < e && s > first && self.seg.tokens[s - 1].is('،') && plain && self.name_start((s, e)) == Some(s) {
                return Some((s, e));
            }
        }
        // ولكن ساي اويدا، مدير بيانات أسعار الحكومة، يقول إن: a role set off
        // by commas right before the verb, after a name that opens the
        // sentence or follows لكن or a clause conjunction (بينما، فيما), is the
        // name's; the name is the subject. So is a clause about the name
        // (لكن وولتر غولييلموني، وهو الأخ غير الشقيق لكافاني ومدير أعماله
        // أيضا، كشف).
        if end > first + 2
            && self.seg.tokens[end - 1].is('،')
            && let Some(open) = (end.saturating_sub(14).max(first + 1)..end - 1)
                .rev()
                .find(|&k| self.seg.tokens[k].is('،'))
            && (open + 1..end - 1).all(|k| self.word(k).is_some())
            && self
                .word(open + 1)
                .is_some_and(|w| (self.rules.is_title(w) || self.rules.is_unnamed(w)) && end - open <= 10 || is_clause_pronoun(w))
        {
            // (غير أن إيران، عضو أوبك، حذرت: غير أن and إلا أن contrast too.)
            let contrast = |k: usize| {
                self.word(k).is_some_and(|w| {
                    matches!(w, "لكن" | "ولكن" | "اما")
                        || is_kana(w)
                        || self.rules.conjunction_at(std::iter::once(w)).is_some()
                        || w == "ان" && k > first && matches!(self.word(k - 1), Some("غير" | "الا"))
                })
            };
            let mut n = open;
            while n > first && open - n < 4 && self.word(n - 1).is_some() && !contrast(n - 1) {
                n -= 1;
            }
            let opens = n == first || contrast(n - 1);
            let name = (n, open);
            if opens
                && n < open
                && (self.word(n).is_some_and(|w| self.name_like(w) || self.rules.is_first_name(w)) && self.name_start(name) == Some(n)
                    || open == n + 1 && self.rules.place_at(self.word(n).into_iter()) == Some(1))
                && (n..open)
                    .filter_map(|k| self.word(k))
                    .skip(1)
                    .all(|w| self.name_like(w) || self.rules.is_particle(w) || definite(w) && !self.rules.is_title(w))
            {
                return Some(name);
            }
        }
        let mut start = end;
        // Whether a و-word (a verb: ولوح نتانياهو بقطعة ... أوضح) opens the
        // words before the marker: then they hold its subject and its object.
        let mut after_verb = false;
        while start > first && end - start < 7 {
            // وكانت صحيفة "دياريو سبورت" ذكرت: a quoted name after an outlet
            // or organisation word belongs to the subject.
            if self.is_closer(start - 1)
                && let Some(o) = (start.saturating_sub(6).max(first + 1)..start - 1)
                    .rev()
                    .find(|&k| self.is_opener(k))
                && (o + 1..start - 1).all(|k| self.word(k).is_some())
                && self.heads_source((o - 1, o))
            {
                start = o;
                continue;
            }
            let Some(w) = self.word(start - 1) else { break };
            // مصدر على صلة بالقضايا الأمنية في الجزائر قد قال: a place after
            // a preposition right before the verb belongs to the phrase
            // before it.
            if (self.rules.is_preposition(w) || self.rules.is_adverbial(w))
                && start < end
                && start - 1 > first
                && self
                    .rules
                    .place_at((start..end).filter_map(|x| self.word(x)))
                    .is_some_and(|n| start + n >= end)
            {
                start -= 1;
                continue;
            }
            // إلا أن المندوب الأمريكي لدى منظمة حظر الأسلحة الكيميائية قال:
            // a role's لدى or في and its body stay in the phrase, from the
            // role's word on. (With a name after the body, the name is the
            // subject: رئيس شرطة مكافحة الإرهاب في بريطانيا مارك راولي.)
            if start < end
                && matches!(w, "في" | "لدي")
                && let Some(j) = (start.saturating_sub(5).max(first)..start - 1)
                    .find(|&j| self.word(j).is_some_and(|h| self.rules.is_title(h) || self.rules.is_unnamed(h)))
                && self.keeps_place(start - 1, j)
                && self.role_holder(start - 1, j, end).is_none()
                && (start..end).all(|x| self.word(x).is_none_or(|n| !self.rules.is_first_name(n)))
            {
                start = j;
                continue;
            }
            // شبكة سي أن أن: a known outlet name may hold a complementizer.
            if self.rules.is_complementizer(w)
                && let Some(j) = (start.saturating_sub(4).max(first)..start - 1).find(|&j| {
                    self.rules
                        .outlet_name_at((j..end).map_while(|x| self.word(x)))
                        .is_some_and(|n| j + n >= start)
                })
            {
                start = j;
                continue;
            }
            // وزارة، وزير، واشنطن، وليد: a word that only begins with و opens
            // the phrase; nothing before it belongs to it.
            let lexical = self.rules.is_organization_word(w)
                || self.rules.is_title(w)
                || self.rules.is_unnamed(w)
                || self.rules.is_outlet_type(w)
                || self.rules.place_at(std::iter::once(w)).is_some()
                || self.rules.is_first_name(w);
            if w.starts_with('و') && start < end && lexical {
                start -= 1;
                break;
            }
            if w.starts_with('و') && start < end
                || self.rules.cuts_before(w)
                || self.rules.marker(w).is_some()
                || self.rules.is_complementizer(w)
                || matches!(
                    w,
                    "ما" | "بما"
                        | "مما"
                        | "لما"
                        | "عما"
                        | "ثم"
                        | "لكن"
                        | "لكنه"
                        | "لكنها"
                        | "كما"
                        | "كان"
                        | "كانت"
                        | "كانوا"
                        // فإذا الشركة الراعية تدعي: a condition opens the clause.
                        | "اذا"
                        | "فاذا"
                        | "واذا"
                )
            {
                // ويسمع صوت جندي يقول: a و-word before the phrase starts the
                // clause; so does كان (كانت السعودية قالت), whose subject it is.
                after_verb = w.starts_with('و') && start < end && !is_kana(w);
                break;
            }
            start -= 1;
        }
        // وكان المستشفى البريطاني الذي ...، قد قال; وكانت منظمة الأغذية
        // (فاو) قالت: the subject follows the كان that opens the sentence.
        let after_kana = || {
            self.word(first).filter(|w| matches!(*w, "وكان" | "وكانت" | "كان" | "كانت"))?;
            let s = first + 1;
            // (وكان مصدر ... في الجزائر قد قال: a place kept in the noun.)
            let mut e = (s..cue)
                .find(|&k| {
                    self.seg.tokens[k].is('،')
                        || self
                            .word(k)
                            .is_some_and(|w| self.rules.cuts_before(w) && !self.keeps_place(k, s) || w == "قد")
                })
                .unwrap_or(cue);
            // وكانت "إليوت أدفيزارز" المستثمر في ... قد قالت: a quoted name
            // is the whole subject; what follows describes it (but وكان
            // "مصدر مقرب" من عائلتها: a preposition goes on with it).
            if self.is_opener(s)
                && let Some(c) = (s + 2..e).find(|&k| self.is_closer(k))
                && (s + 1..c).all(|k| self.word(k).is_some())
                && !self.word(c + 1).is_some_and(|w| self.rules.is_preposition(w))
            {
                e = c + 1;
            }
            // وكان مصدر دبلوماسي طلب عدم نشر اسمه قال: the note is not the name.
            if let Some(k) = (s + 1..e).find(|&k| self.anonymity_note(k, e).is_some()) {
                e = k;
            }
            // Without قد, only a subject that runs up to the verb: anything
            // between may be the start of another clause.
            let qad = self.word(cue - 1) == Some("قد");
            // كانت هناك: there was, no subject.
            let existential = self.word(s).is_some_and(|w| matches!(w, "هناك" | "هنالك" | "هنا"));
            if s >= e || existential || !(qad || e == cue && e - s <= 8) {
                return None;
            }
            Some((s, e))
        };
        // وكان العميد أحمد عسيري الناطق باسم التحالف ذكر: a role after the
        // name is no part of it.
        let without_role = |(s, e): Span| {
            let k = (s + 1..e).find(|&k| {
                self.word(k).is_some_and(|w| self.rules.is_title(w)) && self.name_start((s, k)).is_some_and(|n| n < k - 1 || n == s)
            });
            (s, k.unwrap_or(e))
        };
        let kana = after_kana();
        if start == end {
            (start, end) = without_role(kana?);
        }
        let mut np = (start, end);
        let mut ws = self.words(np);
        // القوات الأميركية في كوريا فينسينت بروكس قال: the place ends the
        // description before the name.
        if let Some(n) = self.rules.place_at(ws.iter().map(|w| w.as_ref()))
            && n < ws.len()
            && self.name_like(&ws[n])
        {
            let skip = (np.0..np.1).filter(|&i| self.word(i).is_some()).nth(n)?;
            np = (skip, end);
            ws = self.words(np);
        }
        let first_word = ws.first()?.as_ref();
        // والمقام حاليا في النمسا قال، أمام كرواتيا أوضح: a place after a
        // preposition is where, not who.
        if np.0 > first
            && self
                .word(np.0 - 1)
                .is_some_and(|w| self.rules.is_preposition(w) || self.rules.is_adverbial(w))
            && self.rules.place_at(ws.iter().map(|w| w.as_ref())) == Some(ws.len())
        {
            return None;
        }
        let opens_clause = start == first
            || self.seg.tokens[start - 1].is('،')
            || self
                .word(start - 1)
                .is_some_and(|w| matches!(w, "كان" | "وكان" | "كانت" | "وكانت" | "ان" | "لكن" | "ولكن"));
        let known = self.rules.is_unnamed(first_word)
            || self.rules.is_title(first_word)
            || self.rules.is_outlet_type(first_word)
            || self.rules.is_organization_word(first_word)
            || self.rules.place_at(ws.iter().map(|w| w.as_ref())).is_some()
            || named_in(self.recent(), first_word)
            || (opens_clause && ws.len() <= 3 && ws.iter().all(|w| self.name_like(w)))
            // وكانت "إليوت أدفيزارز" قد قالت: a quoted name opening the clause.
            || (opens_clause && self.is_opener(np.0) && ws.len() <= 4);
        // ملوحا بقطعة معدنية يقول: a manner word opens no subject.
        if self.rules.is_manner(first_word) {
            return None;
        }
        if known {
            return Some(if after_verb { self.np_extent(np) } else { np });
        }
        // وكان العبادي الذي حل ائتلافه في المركز الثالث قد قال: the words
        // just before the verb are a relative clause's, and the relative
        // pronoun shows where كان's noun ends (العبادي is no name_like word);
        // so does قد or the verb right after it, and a comma for a likely
        // source.
        kana.filter(|&r| {
            let ws = self.words(r);
            let relative = self.word(r.1).is_some_and(|w| matches!(w, "الذي" | "التي" | "الذين"));
            let up_to_verb = r.1 == cue || r.1 + 1 == cue && self.word(r.1) == Some("قد");
            !ws.is_empty()
                && (relative && ws.len() <= 4
                    || up_to_verb
                    || self.seg.tokens[r.1].is('،')
                        && (r.1 + 1 == cue || r.1 + 2 == cue && self.word(cue - 1) == Some("قد"))
                        && (self.heads_source(r)
                            || self.recent().iter().any(|e| e.key.iter().any(|k| *k == ws[0]))
                            || ws.len() <= 3 && ws.iter().all(|w| self.name_like(w))))
        })
        .map(without_role)
    }

    /// Whether the verb at `cue` is followed by فيه/فيها (نشر تغريدة عبر
    /// موقع تويتر قال فيها): the words before it are the medium the clause is
    /// about, not its subject.
    fn about_medium_before(&self, cue: usize) -> bool {
        self.word(cue + 1).is_some_and(|w| matches!(w, "فيه" | "فيها" | "فيهم"))
    }

    /// The most recent speaker that agrees; failing that, the last speaker
    /// if named in this sentence or the one before (the agreement read off
    /// a name may be wrong), else no one: further back, a speaker that does
    /// not agree is mostly the wrong one. One that speaks `to_medium` is no
    /// document.
    fn continuation(&self, agreement: Agreement, sentence: usize, to_medium: bool) -> Option<usize> {
        // وقالت لوكالة رويترز: a document gives no interview.
        let can_speak = |h: usize| !(to_medium && self.entities[h].kind == SpeakerType::Document);
        self.history
            .iter()
            .rev()
            .find(|&&h| {
                let e = &self.entities[h];
                if !can_speak(h) {
                    return false;
                }
                // A verb before its subject is singular even for a plural
                // subject (انتقد السفراء ... وأكدوا): read number off the noun,
                // not a name's (ياسمين), an outlet's (التلفزيون) or a place's
                // (البحرين، صنعاء) or a body's (الكرملين، البنتاغون).
                let plural = e.agreement == Agreement::Plural
                    || e.kind != SpeakerType::Outlet
                        && e.key.first().is_some_and(|w| {
                            (definite(w) || e.kind != SpeakerType::Person)
                                && (w.ends_with("ون") || w.ends_with("ين") || w.ends_with("اء"))
                                && self.rules.place_at(std::iter::once(w.as_str())).is_none()
                                && (w.ends_with("اء") || !self.rules.is_organization_word(w.as_str()))
                        });
                match agreement {
                    Agreement::Plural => plural,
                    _ => {
                        !plural && compatible(e.agreement, agreement)
                            || (plural && agreement == Agreement::Unknown)
                            || e.document_agreement == agreement && agreement != Agreement::Unknown
                    }
                }
            })
            .or(self
                .history
                .last()
                .filter(|&&h| sentence <= self.last_sentence + FALLBACK_SENTENCES && can_speak(h)))
            .copied()
    }

    /// Resolves a noun phrase to an entity, creating one when it is new.
    fn resolve(&mut self, np: (usize, usize), appos: Option<(usize, usize)>, agreement: Agreement) -> usize {
        let mut kind = self.kind_of(np);
        let mut name_range = None;
        let mut title_range = None;
        let mut np = np;
        if matches!(kind, SpeakerType::Person | SpeakerType::Unnamed) && !self.is_quantity_phrase(np) {
            if let Some(s) = self.name_start(np) {
                // ونفى ديفيد هيكتون الاتهامات: a definite plural in ات after
                // two name words is the verb's object. Its stem is long: a
                // family name in ات has a short one (السادات، الزيات).
                // (After a known first name only; not a place: الإمارات.)
                let plural_object = |w: &str| {
                    w.starts_with("ال") && w.ends_with("ات") && w.chars().count() >= 8 && self.rules.place_at(std::iter::once(w)).is_none()
                };
                let end = (s + 2..np.1)
                    .find(|&k| self.word(k).is_some_and(plural_object))
                    .filter(|_| self.word(s).is_some_and(|w| self.rules.is_first_name(w)))
                    .map_or(np.1, |k| self.trim_range((s, k)).1);
                name_range = Some((s, end));
                // بحسب تصريحات المحلل رود هول: the speech noun is no title.
                let t0 = if self.word_at(np.0).is_some_and(|w| self.rules.is_frame(&w)) {
                    np.0 + 1
                } else {
                    np.0
                };
                title_range = (s > t0).then_some((t0, s));
                // مدير شركة غلف تلنت، ياسر حتامي: one unknown word ending a
                // role is its body's name when a known first name opens the
                // apposition; the holder is named there.
                if s > t0
                    && s + 1 == np.1
                    && self.word(s).is_some_and(|w| !self.rules.is_first_name(w))
                    && let Some(ap) = appos
                    && self.word(ap.0).is_some_and(|w| self.rules.is_first_name(w))
                    && self.name_start(ap) == Some(ap.0)
                {
                    name_range = Some(ap);
                    title_range = Some((t0, np.1));
                }
                // عادل الجبير، وزير الخارجية السعودي: the role after the comma.
                // (مايا كوسيانسيتش، المتحدثة باسم الوزيرة فيديريكا موغيريني:
                // a name in the role is the one spoken for.)
                if title_range.is_none()
                    && let Some(ap) = appos
                    && self
                        .name_start(ap)
                        .is_none_or(|n| (ap.0..n).any(|i| self.word(i).is_some_and(|w| self.rules.is_speaks_for(w))))
                    && self.word(ap.0).is_some_and(|w| self.rules.is_title(w))
                {
                    title_range = Some(ap);
                }
                kind = SpeakerType::Person;
            } else if let Some((ap, s)) = appos.and_then(|ap| self.name_start(ap).map(|s| (ap, s))) {
                // المتحدث باسم القيادة، العميد أحمد المسماري: the name comes
                // after the comma, its rank with it.
                name_range = Some((s, ap.1));
                title_range = Some(if s > ap.0 { (np.0, s) } else { np });
                kind = SpeakerType::Person;
            } else if let [t, n] = self.words(np).as_slice()
                && definite(t)
                && self.rules.is_title(t)
                && !self.rules.is_principal(bare(t))
                && definite(n)
                && (!relative_adjective(n) || !self.rules.is_place_nisba(n))
                && !self.rules.is_title(n)
                && !self.rules.is_unnamed(n)
                && !self.rules.is_organization_word(n.as_ref())
                && self.rules.place_at(std::iter::once(n.as_ref())).is_none()
                && self.word(np.0 + 1) == Some(n.as_ref())
                && !self.rules.is_kinship(bare(t))
                && self
                    .expand_name((np.0 + 1, np.1))
                    .is_some_and(|(q, _)| self.word(q).is_some_and(|f| self.rules.is_first_name(f)))
            {
                // وقال الدكتور الربيعة after عبدالله بن عبدالعزيز الربيعة: a rank
                // and a family name met before with a known first name; the
                // rank is the title (not المدعي العام، المدرب الجديد, nor a
                // kinship word: والدة آلاجوز is not علي آلاجوز). A family
                // name may end in ي (الدكتور الزياني); a place's adjective
                // (المدرب الإسباني) is no family name.
                name_range = Some((np.0 + 1, np.1));
                title_range = Some((np.0, np.0 + 1));
                kind = SpeakerType::Person;
            }
        }
        if kind == SpeakerType::Outlet {
            np = self.outlet_extent(np);
        }
        match name_range {
            Some(nr) => {
                let key = self.key(nr);
                // A known person whose name contains these words (فهمي → طارق فهمي).
                if let Some(i) = self.find_entity(|e| e.kind == SpeakerType::Person && contains_seq(&e.key, &key)) {
                    if let Some(t) = title_range
                        && self.entities[i].title.is_empty()
                    {
                        self.entities[i].title = self.clean_title(t);
                        self.entities[i].title_key = self.key(t);
                    }
                    return i;
                }
                let full = self.expand_name(nr).unwrap_or(nr);
                let (name, key) = if full == nr {
                    (self.show(nr), key)
                } else {
                    ((self.render)(full.0, full.1, 0), self.key(full))
                };
                let title_r = title_range.or_else(|| self.title_before(full));
                let title = title_r.map(|t| self.clean_title(t)).unwrap_or_default();
                let mut title_key = title_r.map(|t| self.key(t)).unwrap_or_default();
                // الإيطالي روبرتو مانشيني، مدرب نادي زينيت: a role after the
                // comma, besides the title before the name, is one the
                // person may be named by later (المدرب الإيطالي).
                if let (Some(t), Some(ap)) = (title_r, appos)
                    && ap.0 >= t.1
                    && self.word(ap.0).is_some_and(|w| self.rules.is_title(w))
                    && self.name_start(ap).is_none()
                {
                    title_key.extend(self.key(ap));
                }
                self.add(Entity {
                    name,
                    key,
                    kind,
                    title,
                    title_key,
                    agreement,
                    outlet: String::new(),
                    outlet_sentence: 0,
                    document_agreement: Agreement::Unknown,
                })
            }
            None => {
                let key = self.key(np);
                if let Some(i) = self.find_entity(|e| e.key == key) {
                    return i;
                }
                // A description pointing back (المجلة، الوزير الأميركي، الجيش):
                // an earlier source whose name or title has all its words.
                let head_word = key.first().map(|w| bare(w)).unwrap_or_default();
                // وأوضح البيان after بيان صادر عن الوزارة: the issuer.
                if key.len() <= 2
                    && definite(&key[0])
                    && let Some(&e) = self.documents.get(head_word)
                {
                    if agreement != Agreement::Unknown {
                        self.entities[e].document_agreement = agreement;
                    }
                    return e;
                }
                let is_place = self.rules.place_at(key.iter().map(String::as_str)) == Some(key.len());
                let describes = !is_place && key.first().is_some_and(|w| definite(w) || self.rules.is_title(w));
                let org_head = self.rules.is_organization_word(key[0].as_str());
                if key.len() <= 5 && describes {
                    let definite_head = definite(&key[0]);
                    let words: Vec<&str> = key.iter().map(|w| bare(w)).collect();
                    let fits = |e: &Entity| {
                        // الحكومة الإسرائيلية ~ الوزراء الإسرائيلي: gender endings and
                        // role classes do not keep a description from its referent.
                        // الوزير التركي ~ وزير خارجية تركيا: a nisba adjective
                        // matches the place it is formed from.
                        let nisba = |k: &str, w: &str| {
                            stem(w).strip_suffix('ي').is_some_and(|s| {
                                s.chars().count() >= 3 && k.starts_with(s) && self.rules.place_at(std::iter::once(k)).is_some()
                            })
                        };
                        let has = |w: &str, adjective: bool| {
                            e.key
                                .iter()
                                .chain(&e.title_key)
                                .any(|k| stem(bare(k)) == stem(w) || self.rules.same_role(bare(k), w) || adjective && nisba(bare(k), w))
                        };
                        // Only a definite description's adjectives (الوزير التركي,
                        // not وزير إسرائيلي) point back through a place.
                        let found = 1 + words[1..].iter().filter(|w| has(w, definite_head)).count();
                        // الوزير الأمريكي is not the Saudi minister: a
                        // nationality or other -ي adjective must be there.
                        let clash = key[1..]
                            .iter()
                            .any(|k| k.starts_with("ال") && k.ends_with('ي') && k.chars().count() >= 5 && !has(bare(k), definite_head));
                        compatible(e.agreement, agreement) && has(head_word, false) && !clash && found * 3 >= words.len() * 2
                    };
                    // الوزير الجبير: a role before the family name of a
                    // person already quoted.
                    let surname_of = |e: &Entity| {
                        e.kind == SpeakerType::Person
                            && words[1..].iter().all(|w| e.key.iter().any(|k| bare(k) == *w))
                            && compatible(e.agreement, agreement)
                    };
                    if key.len() >= 2
                        && self.rules.is_title(head_word)
                        && let Some(i) = self.find_entity(surname_of)
                    {
                        return i;
                    }
                    // وأشار الشيخ after عبدالعزيز الشيخ: a role word alone that
                    // is the family name of a person quoted before.
                    if let [w] = key.as_slice()
                        && definite(w)
                        && self.rules.is_title(head_word)
                        && let Some(i) = self.find_entity(|e| {
                            e.kind == SpeakerType::Person
                                && e.key.len() >= 2
                                && e.key.last() == Some(w)
                                && compatible(e.agreement, agreement)
                        })
                    {
                        return i;
                    }
                    // (وأوضحت الشرطة after متحدثة باسم الشرطة: the body, not
                    // the one who speaks for it.)
                    let spokesperson = |e: &Entity| {
                        matches!(e.kind, SpeakerType::Person | SpeakerType::Unnamed)
                            && e.key.iter().chain(&e.title_key).any(|k| self.rules.is_speaks_for(k))
                    };
                    // المرصد names the observatory before its director: an
                    // organisation word points back to an organisation first.
                    let org = org_head
                        .then(|| self.find_entity(|e| e.kind != SpeakerType::Person && !spokesperson(e) && fits(e)))
                        .flatten();
                    if let Some(i) = org.or_else(|| self.find_entity(|e| fits(e) && !(org_head && spokesperson(e)))) {
                        return i;
                    }
                    // وكيل مشيخة الأزهر: a role annexed to a definite noun is definite too.
                    let annexed = key.last().is_some_and(|w| definite(w));
                    if (definite_head || annexed)
                        && !org_head
                        && self.rules.is_title(head_word)
                        && !self.rules.is_unnamed(head_word)
                        && let Some(r) = self.titled_name_before(np.0, &words)
                    {
                        return self.resolve(r, None, agreement);
                    }
                    // نقلت صحيفة ذي تايمز عن ... وقالت الصحيفة (الأميركية): an
                    // outlet that was named but has not spoken.
                    if key.len() <= 2
                        && self.rules.is_outlet_type(head_word)
                        && let Some(name) = self.outlet_of_type_before(np.0, head_word)
                    {
                        let key = crate::normalize::fold_str(&name).split_whitespace().map(str::to_string).collect();
                        return self.add(Entity {
                            name,
                            key,
                            kind: SpeakerType::Outlet,
                            title: String::new(),
                            title_key: Vec::new(),
                            agreement,
                            outlet: String::new(),
                            outlet_sentence: 0,
                            document_agreement: Agreement::Unknown,
                        });
                    }
                    // وقالت الشركة after أعلنت شركة "أبل": a body's word alone
                    // points back to the body named with it, spoken or not.
                    if key.len() == 1
                        && org_head
                        && definite_head
                        && let Some((r, lam)) = self.named_body_before(np.0, head_word)
                    {
                        let saved = std::mem::replace(&mut self.lam, lam);
                        let e = self.resolve(r, None, agreement);
                        self.lam = saved;
                        return e;
                    }
                }
                // وأضاف المصدر نفسه after وقال باحث يمني: "the source" alone
                // is the one quoted last; the plural not one person (وقالت
                // المصادر after وقال اللاعب فرناندو).
                if let [w] = key.as_slice()
                    && definite(w)
                    && self.rules.is_source_noun(w)
                    && let Some(&h) = self.history.last()
                    && (bare(w) != "مصادر" || !self.named_person(&self.entities[h]))
                {
                    return h;
                }
                let name = self.show(np);
                self.add(Entity {
                    name,
                    key,
                    kind,
                    title: String::new(),
                    title_key: Vec::new(),
                    agreement,
                    outlet: String::new(),
                    outlet_sentence: 0,
                    document_agreement: Agreement::Unknown,
                })
            }
        }
    }

    /// The nearest body before token `before` named by the bare word
    /// `head`, ل glued on or not, and a name after it (شركة أبل، وزارة
    /// الخارجية الأمريكية), not by adjectives alone (شركة أمريكية); with the
    /// token whose ل is to be read away, if it had one.
    fn named_body_before(&mut self, before: usize, head: &str) -> Option<(Span, Option<usize>)> {
        let floor = before.saturating_sub(NAME_LOOKBACK_TOKENS);
        // التقرير السنوي لوكالة الاستخبارات والأمن الهولندية: the body's
        // word may have ل glued on; its phrase is then read without it.
        let glued = format!("ل{head}");
        let saved = self.lam;
        let mut found = None;
        for k in (floor..before).rev() {
            let lam = if self.is_word(k, head) {
                None
            } else if self.is_word(k, &glued) {
                Some(k)
            } else {
                continue;
            };
            self.lam = lam;
            if let Some(r) = self.body_named_at(k, before) {
                found = Some((r, lam));
                break;
            }
        }
        self.lam = saved;
        found
    }

    /// The body's phrase opening with its word at `k`, if a name follows it
    /// at once, before token `before`.
    fn body_named_at(&self, k: usize, before: usize) -> Option<Span> {
        // Up to the clause's end (a comma, a full stop, a colon, a line
        // break, the description itself) or the clause after the name:
        // كان، في not before a place (في المؤتمر الصحافي), a marker.
        let stop = (k + 1..before.min(k + 9))
            .find(|&x| {
                let t = self.seg.tokens[x];
                t.is('،')
                    || t.is('.')
                    || t.is(':')
                    || t.kind == Kind::Break
                    || x > k + 1
                        && self.word(x).is_some_and(|w| {
                            is_kana(w)
                                || self.rules.marker(w).is_some()
                                || self.rules.cuts_before(w) && !self.keeps_place(x, k)
                                // (تحالف دعم الشرعية في اليمن العقيد الركن تركي
                                // المالكي: a rank opens its holder's name.)
                                || definite(w) && self.rules.is_military_rank(bare(w))
                        })
            })
            .unwrap_or(before.min(k + 9));
        // The name starts at once: not a ب or ل phrase (شركة للطيران), a
        // preposition (لجنة من سبعة) or a pronoun (سفارة بلاده); a body's
        // word in the construct may (وزارة خارجية البحرين).
        let opens = self.is_opener(k + 1)
            || self.word(k + 1).is_some_and(|w| {
                (definite(w) || self.name_like(w) || self.body_word(w))
                    && !glued_word(w)
                    && !self.rules.is_preposition(w)
                    && !self.pronoun_written(k + 1)
            });
        if !opens {
            return None;
        }
        let mut r = self.before_tanween(self.np_extent((k, stop)))?;
        while r.1 > k + 1 && self.word(r.1 - 1).is_some_and(|w| self.rules.is_preposition(w)) {
            r = self.trim_range((k, r.1 - 1));
        }
        let rest = self.words((k + 1, r.1));
        let named = !rest.is_empty() && rest.iter().any(|w| !relative_adjective(w)) && self.plausible_source(r);
        named.then_some(r)
    }

    /// An outlet named by a type word and a quoted or known name ends there
    /// (مجلة "فورين بوليسي" الأميركية → مجلة فورين بوليسي).
    fn outlet_extent(&self, (a, b): (usize, usize)) -> (usize, usize) {
        self.named_outlet_extent((a, b)).unwrap_or_else(|| {
            // صحيفة حرييت الخميس، وكالة رويترز ، الخميس: a comma or a time
            // word ends the name; so does another source after و (وسائل
            // إعلام بريطانية وسياسيون، وكالة الأنباء السورية والمرصد
            // السوري). Other words go on with the name (سورية ولبنانية،
            // وكالة الغذاء والدواء الأمريكية).
            let coordinated = |x: usize| {
                x > a + 1
                    && !self.inside_quote(x, a)
                    && self.word(x).is_some_and(|w| {
                        w.strip_prefix('و').is_some_and(|r| {
                            let source = self.rules.is_organization_word(r)
                                || self.rules.is_title(r)
                                || self.rules.is_unnamed(r)
                                || self.rules.is_source_noun(bare(r));
                            // (Not a word that starts with و: وزارة، واير.)
                            let own = self.rules.is_organization_word(w) || self.rules.is_title(w) || self.rules.is_outlet_type(w);
                            source && !own && !relative_adjective(r) && !self.rules.is_outlet_type(bare(r))
                        })
                    })
            };
            let end = (a + 1..b)
                .find(|&x| self.seg.tokens[x].is('،') || self.time_at(x, b).is_some() || coordinated(x))
                .unwrap_or(b);
            self.trim_range((a, end.max(a + 1)))
        })
    }

    /// The extent of an outlet's type word at `a` and the quoted or known
    /// name after it, if it has one.
    fn named_outlet_extent(&self, (a, b): (usize, usize)) -> Option<(usize, usize)> {
        let mut k = a + 1;
        if k < b && self.is_opener(k) {
            let mut c = k + 1;
            while c < b && !self.is_closer(c) {
                c += 1;
            }
            if c < b {
                return Some((a, c + 1));
            }
        }
        if self.word(k).is_none() {
            k += 1;
        }
        let n = self.rules.outlet_name_at((k..b).filter_map(|x| self.word(x)))?;
        Some((a, self.nth_word_end(k, n, b)))
    }

    /// The nearest outlet before token `before` named by the bare type word
    /// `type_word` and a quoted or known name (صحيفة "لا غازيتا ديللو سبورت"
    /// ... وكشفت الصحيفة).
    fn named_outlet_before(&self, before: usize, type_word: &str) -> Option<String> {
        (0..before).rev().find_map(|k| {
            let w = self.word(k)?;
            if w != type_word {
                return None;
            }
            // Only a quoted or known name: a type word and any words after
            // it may be a body (وكالة الصحة العامة).
            let bound = (k + 8).min(before);
            let (a, e) = if self.is_opener(k + 1) {
                self.outlet_extent((k, bound))
            } else {
                self.named_outlet_extent((k, bound))?
            };
            (e > k + 1).then(|| self.render_stripped((a, e)))
        })
    }

    /// A role and name in the text before `before` that a description
    /// (`words`, folded, without the article) points back to, when the person
    /// never spoke before: 'وكيل الأزهر عباس شومان' ... 'قال وكيل مشيخة
    /// الأزهر'. The nearest mention whose role has the description's head
    /// and most of its other words.
    fn titled_name_before(&self, before: usize, words: &[&str]) -> Option<(usize, usize)> {
        let head = *words.first()?;
        let floor = before.saturating_sub(NAME_LOOKBACK_TOKENS);
        (floor..before).rev().find_map(|k| {
            let w = self.word(k)?;
            // The head, with ال، و or وال before it: most words of the
            // look-back fail on their length or ending.
            if w.len() < head.len() || w.len() > head.len() + 6 || !w.ends_with(head) {
                return None;
            }
            let w = bare(w.strip_prefix('و').filter(|r| bare(r) == head).unwrap_or(w));
            if w != head {
                return None;
            }
            // The mention: up to ten tokens, past one comma, not past a marker.
            let mut e = k + 1;
            let mut commas = 0;
            while e < before && e < k + 10 {
                let t = self.seg.tokens[e];
                if t.is('،') {
                    commas += 1;
                }
                if commas > 1 || t.is('.') || t.kind == Kind::Break || self.word(e).is_some_and(|x| self.rules.marker(x).is_some()) {
                    break;
                }
                e += 1;
            }
            let s = self.name_start((k, e)).filter(|&s| s > k)?;
            // المتحدث باسم المستشارة أنغيلا ميركل: the name is the one spoken for.
            if (k..s).any(|i| self.word(i) == Some("باسم")) {
                return None;
            }
            let (_, end) = self.np_extent((k, e));
            let key = self.key((k, s));
            let role: Vec<&str> = key.iter().map(|w| stem(bare(w))).collect();
            let found = 1 + words[1..].iter().filter(|w| role.contains(&stem(w))).count();
            // الوزير الروسي is not وزير الخارجية الإيراني: a nationality or
            // other -ي adjective of the description must be in the role.
            let clash = words[1..]
                .iter()
                .any(|w| w.ends_with('ي') && w.chars().count() >= 4 && !role.contains(&stem(w)));
            if found * 3 < words.len() * 2 || clash {
                return None;
            }
            // A name recurs next to a marker (عباس شومان ... وأضاف شومان): it
            // ends at such a word, and a mention with none is not taken for a
            // name.
            let recurs = |i: usize| {
                let w = self.word(i).unwrap_or_default();
                !definite(w)
                    && self
                        .marker_neighbours()
                        .get(w)
                        .is_some_and(|at| at.iter().any(|&j| j < k || j >= e))
            };
            // Every word of it reads as a name: no function, role or speech
            // word, no number, no verb in the present (يأمل), no Latin script.
            let r = self.rules;
            let name_word = |i: usize| {
                self.word(i).is_some_and(|w| {
                    self.name_like(w)
                        && !definite(w)
                        && !w.is_ascii()
                        && (!w.starts_with('ي') || r.is_first_name(w))
                        && !r.opens_no_subject(w)
                        && !r.is_frame(w)
                        && !r.is_document(w)
                        && !r.is_outlet_type(w)
                })
            };
            // It ends at a boundary: punctuation, a marker, a preposition, a
            // time or function word (ماكرون، / ماكرون في).
            let bounded = |i: usize| match self.word(i) {
                None => true,
                Some(w) => {
                    r.marker(w).is_some()
                        || r.is_preposition(w)
                        || r.cuts_before(w)
                        || r.opens_no_subject(w)
                        || r.time_at(std::iter::once(w)).is_some()
                }
            };
            // A name opening with a known first name (الرئيس الأمريكي دونالد
            // ترامب لقمة) needs no recurrence; a ل or ب phrase may bound it.
            let known_first = self.word(s).is_some_and(|w| r.is_first_name(w));
            let glued = |i: usize| self.word(i).is_some_and(|w| glued_word(w) && !r.is_first_name(w));
            let last = (s..end.min(s + 4))
                .take_while(|&i| name_word(i))
                .find(|&i| recurs(i) && bounded(i + 1) || known_first && i > s && (bounded(i + 1) || glued(i + 1)))?;
            Some((k, last + 1))
        })
    }

    /// For each word, the positions where it stands right before or after a
    /// marker (وأضاف ماكرون، ماكرون قال), computed once per document.
    fn marker_neighbours(&self) -> &FxHashMap<&'a str, Vec<usize>> {
        self.marker_neighbours.get_or_init(|| {
            let marker: Vec<bool> = (0..self.seg.tokens.len())
                .map(|j| self.word(j).is_some_and(|w| self.rules.marker(w).is_some()))
                .collect();
            let mut at: FxHashMap<&'a str, Vec<usize>> = FxHashMap::default();
            for j in 0..marker.len() {
                if let Some(w) = self.word(j)
                    && (j > 0 && marker[j - 1] || marker.get(j + 1).copied().unwrap_or(false))
                {
                    at.entry(w).or_default().push(j);
                }
            }
            at
        })
    }

    /// The role words right before a name's first appearance
    /// (وزير الخارجية الأميركي مايك بومبيو), as a title.
    fn title_before(&self, name: (usize, usize)) -> Option<(usize, usize)> {
        let mut s = name.0;
        if s > 0 && self.seg.tokens[s - 1].is('،') {
            s -= 1;
        }
        let end = s;
        while s > 0 && end - s < 6 {
            let Some(w) = self.word(s - 1) else { break };
            if !(definite(w) || self.rules.is_title(w) || self.rules.place_at(std::iter::once(w)).is_some())
                || self.rules.marker(w).is_some()
            {
                break;
            }
            s -= 1;
        }
        let first = self.word(s)?;
        (s < end && self.rules.is_title(first)).then_some((s, end))
    }

    fn clean_title(&self, (a, b): (usize, usize)) -> String {
        let (a, b) = self.trim_range((a, b));
        self.show((a, b))
    }

    fn find_entity(&self, pred: impl Fn(&Entity) -> bool) -> Option<usize> {
        // Most recent speakers first, then the other recently known entities.
        let floor = self.entities.len().saturating_sub(ENTITY_WINDOW);
        self.history
            .iter()
            .rev()
            .copied()
            .chain((floor..self.entities.len()).rev())
            .find(|&i| pred(&self.entities[i]))
    }

    /// Whether an entity is a person known by name, not by a description
    /// (فرناندو, اللاعب البرازيلي; not تجار).
    fn named_person(&self, e: &Entity) -> bool {
        e.kind == SpeakerType::Person && (!e.title.is_empty() || e.key.first().is_some_and(|w| self.rules.is_first_name(w)))
    }

    /// The entities that resolution looks at: the most recent ones, so that
    /// a huge document stays linear.
    fn recent(&self) -> &[Entity] {
        &self.entities[self.entities.len().saturating_sub(ENTITY_WINDOW)..]
    }

    fn push_history(&mut self, ent: usize, sentence: usize) {
        self.last_sentence = sentence;
        self.history.retain(|&h| h != ent);
        self.history.push(ent);
        if self.history.len() > HISTORY_MAX {
            self.history.remove(0);
        }
    }

    fn add(&mut self, e: Entity) -> usize {
        // الجيش then الجيش الإسرائيلي: a fuller name of a source already
        // known by part of it is the same source, now better named. Not for
        // descriptions: صوت and صوت جندي آخر are two voices.
        if e.key.len() >= 2
            && e.kind != SpeakerType::Unnamed
            // رسول الله is not a fuller name of الله.
            && let Some(i) = self.find_entity(|old| {
                old.kind == e.kind && old.key.len() < e.key.len() && contains_seq(&e.key, &old.key) && old.key != [self.rules.divine_key.as_str()]
            })
        {
            let old = &mut self.entities[i];
            old.name = e.name;
            old.key = e.key;
            if old.title.is_empty() {
                old.title = e.title;
                old.title_key = e.title_key;
            }
            return i;
        }
        // محاميها ... then محامي دانييلز، مايكل أفنياتي: a person whose role
        // was all the text gave so far, now named.
        if e.kind == SpeakerType::Person
            && let Some(head) = e.title_key.first().map(|w| bare(w).to_string()).filter(|h| self.rules.is_title(h))
            && let Some(i) = self.find_entity(|old| {
                old.key.len() == 1 && old.title.is_empty() && old.key[0] != head && without_pronoun(bare(&old.key[0])) == head
            })
        {
            let old = &mut self.entities[i];
            old.name = e.name;
            old.key = e.key;
            old.kind = e.kind;
            old.title = e.title;
            old.title_key = e.title_key;
            return i;
        }
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
        // وقال معاليه: an honorific points back; it has no fuller form.
        if self.rules.is_honorific(target) {
            return None;
        }
        // فقد قدم إيسكو، بينما قدم عموري، الفريق الذي تقوده مجدلينا: the
        // word after these is a verb.
        let opener = |w: &str| {
            self.rules.is_before_verb(w) || self.rules.conjunction_at(std::iter::once(w)) == Some(1) || crate::rules::is_relative(w)
        };
        for p in nr.0.saturating_sub(NAME_LOOKBACK_TOKENS)..nr.0 {
            if !self.is_word(p, target) {
                continue;
            }
            // Three words before the family name, and on through a chain of
            // بن (سليمان بن عبد الرحمن السحيباني); not past a word that
            // only stands before the name (أمير منطقة تبوك سداد بن محمود).
            let chain = |w: Option<&str>| matches!(w, Some("بن" | "ابن" | "بنت" | "عبد"));
            let mut q = p;
            while q > 0 && p - q < 9 {
                let Some(w) = self.word(q - 1) else { break };
                // (قال رامي عبد الرحمن لوكالة فرانس برس: a body's word with
                // ل glued on ends the name before it.)
                let lam_body = w
                    .strip_prefix('ل')
                    .is_some_and(|s| self.rules.is_outlet_type(s) || self.rules.is_organization_word(s));
                // (عبد اللطيف: the word after عبد is definite.)
                let after_abd = q >= 2 && self.word(q - 2) == Some("عبد") && definite(w);
                // (آمال بكير صديقة شويكار: a kinship word between names ends
                // it too; جد وولف is a first name.)
                let kin =
                    self.rules.is_kinship(w) && q >= 2 && self.word(q - 2).is_some_and(|x| self.name_like(x) && !self.rules.is_kinship(x));
                if opener(w) || lam_body || kin || (!self.name_like(w) && !self.is_ali(q - 1) && !after_abd) {
                    break;
                }
                if p - q >= 3 && !chain(Some(w)) && !chain(self.word(q)) {
                    break;
                }
                q -= 1;
            }
            while q < p
                && self
                    .word(q)
                    .is_some_and(|w| self.rules.is_particle(w) && !matches!(w, "عبد" | "ابو"))
            {
                q += 1; // آية الله علي خامنئي → علي خامنئي
            }
            // القيادي الميداني في مأرب محمد اليوسفي: a known first name in
            // the run opens the name; the word before it is no name word.
            if let Some(f) = (q..p).find(|&x| self.word(x).is_some_and(|w| self.rules.is_first_name(w)))
                && self.word(q).is_some_and(|w| !self.rules.is_first_name(w) && !self.rules.is_particle(w) && !w.starts_with("عبد"))
                // (توفيق بن مصطفى مدني: a name before بن is the first name.)
                && !matches!(self.word(q + 1), Some("بن" | "بنت" | "ابن"))
            {
                q = f;
            }
            // A sentence opens with its verb (دخل أحمد إلى متجر): not a first
            // name. So does a clause after a particle or a conjunction (فقد قدم
            // إيسكو، بينما قدم عموري) or after a dateline, (CNN)-- شارك ...
            let opens = q == 0
                || self.seg.sentences.binary_search_by_key(&q, |s| s.first).is_ok()
                || self.seg.tokens[q - 1].kind == Kind::Break
                || self.word(q - 1).is_some_and(opener)
                || self.after_dateline(q);
            if opens && q < p {
                q += 1;
            }
            if q < p {
                return Some((q, p + 1));
            }
            // الأمير محمد after ولي العهد محمد بن سلمان: a first name goes on
            // through بن and the name after it.
            let r = if self.rules.is_first_name(target) {
                self.lineage_end(p + 1)
            } else {
                p + 1
            };
            if r > p + 1 {
                return Some((p, r));
            }
        }
        None
    }

    /// Whether token `q` follows a dateline's closing parenthesis and dash
    /// ((CNN)--): the article's first clause, which opens with its verb.
    fn after_dateline(&self, q: usize) -> bool {
        let dash = |i: usize| matches!(self.seg.tokens[i].kind, Kind::Punct('-' | '–' | '—'));
        let mut i = q;
        while i > 0 && dash(i - 1) {
            i -= 1;
        }
        i < q && i > 0 && self.seg.tokens[i - 1].kind == Kind::Punct(')')
    }

    /// Whether the name word at `s` ended a longer name earlier in the text
    /// (جاستين ترودو قبل ...): then it is a surname standing alone here
    /// (نفى ترودو ارتكاب أي خطأ), and the words after it are not his name.
    fn surname_earlier(&self, s: usize) -> bool {
        let Some(sw) = self.word(s).filter(|w| !self.rules.is_first_name(w)) else {
            return false;
        };
        // محمد بن سلمان، محمد السهلي: a particle or a definite word after a
        // name word goes on with the name.
        if self.word(s + 1).is_some_and(|w| self.rules.is_particle(w) || definite(w)) {
            return false;
        }
        (s.saturating_sub(NAME_LOOKBACK_TOKENS)..s.saturating_sub(1)).any(|p| {
            self.is_word(p, sw)
                && p > 0
                && self.word(p - 1).is_some_and(|w| self.name_like(w))
                // بشار الأسد: a definite word after a name is its surname.
                && self.word(p + 1).is_none_or(|w| !self.name_like(w) && (!definite(w) || self.rules.cuts_before(w)))
        })
    }

    /// Whether the words `s..end` read as a whole personal name that a
    /// verb's object could follow: a first name and more (محمد الناصر)
    /// or, without a known first name, indefinite name words only (جاستن
    /// ترودو), not a phrase (مؤشر الفاو لأسعار). A name that waits for its
    /// next part (بن، عبد، a first name) is not whole.
    fn complete_name(&self, s: usize, end: usize, first: bool) -> bool {
        let Some(last) = self.word(end - 1) else { return false };
        let names = if first {
            self.name_like(last) || definite(last)
        } else {
            (s..end).all(|k| self.word(k).is_some_and(|x| !definite(x) && self.name_like(x)))
        };
        names
            && self.word(s).is_some_and(|f| self.name_like(f))
            && !self.rules.is_first_name(last)
            && !self.rules.is_particle(last)
            && !self.rules.is_speaks_for(last)
            && last != "ابا"
            && !matches!(self.word(end - 2), Some("بن" | "بنت" | "ابن" | "ال" | "ابو" | "ابا" | "عبد"))
    }

    /// Whether the name word at `i` stands elsewhere in the text as the
    /// end of the same name, not followed by `next`: after the same word
    /// (جاستن ترودو في ...) or alone (وقال ترودو); with `alone`, only
    /// alone, since an Arab name is often cut to its first two words
    /// (محمد فوزي هارون، then محمد فوزي). An Arab family name keeps its
    /// definite word everywhere (زيد رعد الحسين), so it says no.
    fn name_ends_elsewhere(&self, i: usize, next: &str, alone: bool) -> bool {
        let Some(w) = self.word(i) else { return false };
        let before = self.word(i.wrapping_sub(1));
        // Within the look-back either side: a whole-text scan per name would
        // make a very long text quadratic.
        let (from, to) = (
            i.saturating_sub(NAME_LOOKBACK_TOKENS).max(1),
            (i + NAME_LOOKBACK_TOKENS).min(self.seg.tokens.len()),
        );
        (from..to).any(|j| {
            j != i
                && self.is_word(j, w)
                && self.word(j + 1) != Some(next)
                && self.word(j - 1).is_none_or(|p| {
                    // وخوسيه مانويل لوبيز: a first name after و is a name's start.
                    !alone && Some(p) == before || !self.name_like(p) && !p.strip_prefix('و').is_some_and(|r| self.rules.is_first_name(r))
                })
        })
    }

    /// Whether the definite word at `i` is a family name with a verb's
    /// object after it (وجدد العبادي تأييده): a word carrying a pronoun
    /// follows, and the word stands earlier right after a first name
    /// (حيدر العبادي).
    fn surname_before_object(&self, i: usize) -> bool {
        self.word(i + 1).is_some_and(|n| {
            let stem = without_pronoun(n);
            !definite(n)
                // ومؤسساته: a و-word is coordinated.
                && !n.starts_with('و')
                && !self.rules.is_first_name(n)
                // وتابع الراجحي حديثه: a speech noun is the marker's own (the
                // continuation reads it); تغريدته: a feminine noun shows its
                // ة as ت before a pronoun.
                && !self.rules.is_frame(stem)
                && !stem.strip_suffix('ت').is_some_and(|r| self.rules.is_frame(&format!("{r}ه")))
                // بأنه، لأنه، لديه: a particle or preposition with a pronoun
                // (and ب، ل، ك glued on) opens what follows the name, not an
                // object.
                && !self.rules.cuts_before(n)
                && !n.strip_prefix(['ب', 'ل', 'ك']).is_some_and(|r| self.rules.cuts_before(r))
                && !self.rules.is_preposition(stem)
        }) && self.pronoun_written(i + 1)
            && self.family_name_earlier(i)
    }

    /// Whether the word at `i` carries a pronoun as written: خليفة folds
    /// to خليفه, so the folded word alone cannot tell.
    fn pronoun_written(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| without_pronoun(w) != w) && (self.render)(i, i + 1, 0).trim_end().ends_with(['ه', 'ا', 'م'])
    }

    /// Whether the definite word at `i` stands earlier, within the
    /// look-back, right after a first name (حيدر العبادي before العبادي
    /// alone).
    fn family_name_earlier(&self, i: usize) -> bool {
        let Some(w) = self
            .word(i)
            .filter(|w| definite(w) && !self.rules.is_first_name(w) && !self.rules.is_particle(w))
        else {
            return false;
        };
        // على المتهم: على folds to the first name علي.
        (i.saturating_sub(NAME_LOOKBACK_TOKENS).max(1)..i).any(|p| {
            // (عبد الله الربيعة: a compound first name too.)
            self.is_word(p, w)
                && self.word(p - 1).is_some_and(|f| {
                    self.rules.is_first_name(f) && (f != "علي" || self.is_ali(p - 1))
                        || p > 1 && self.rules.is_particle(f) && self.is_word(p - 2, "عبد")
                })
        })
    }

    /// The length in words of a time expression opening at `k` (before
    /// `b`). آلان is a name, though it folds like الآن "now": the article's
    /// alef is never written آ.
    fn time_at(&self, k: usize, b: usize) -> Option<usize> {
        let n = self.rules.time_at((k..b).filter_map(|x| self.word(x)))?;
        (n > 1 || !(self.raw)(k).starts_with('آ')).then_some(n)
    }

    /// Whether the word at `i`, folded to ال..., is written with a hamza in
    /// the article (إلسا، ألكسندر، إلهام، آلان): a name, not the definite
    /// article.
    fn hamza_name(&self, i: usize) -> bool {
        let w = self.word(i).unwrap_or_default();
        // ألا، إلا: "that not", "except".
        // آل (folded ال) is the family particle.
        w.starts_with("ال") && w != "الا" && w != "ال" && (self.render)(i, i + 1, 0).starts_with(['إ', 'أ', 'آ'])
    }

    /// Whether the outlet introduced at `k` (في، على) names where the role
    /// before it is held, the holder's name right after it (المذيع في إذاعة
    /// قطر حسن الساعي، المشرف العام على البرنامج الدكتور عبدالله الغروي) or
    /// before it (دابش جادر رئيس قسم التحقيقات في «صنداي تايمز»). It is then
    /// part of the role, not the medium spoken in.
    fn employer_at(&self, k: usize, np_start: usize, b: usize) -> bool {
        if !matches!(self.word(k), Some("في" | "علي")) || self.is_ali(k) {
            return false;
        }
        let is_role = |x: usize| self.word(x).is_some_and(|w| self.rules.is_title(w) || self.rules.is_unnamed(w));
        let Some(role) = (np_start..k).rev().find(|&x| is_role(x)) else {
            return false;
        };
        // After a name, the role it holds there, in a few words with no
        // preposition, frame, document, verb or time between (not سفيرة ...
        // في الأمم المتحدة في مقال نشر في صحيفة، فارو في إحدى مقالاته في
        // مجلة، ديشان يوم الأحد في برنامج). Not على, which after a role names
        // the platform spoken on (المتحدث باسم الرئيس التركي على تويتر), and
        // not a writer's role (الكاتب في صحيفة وطن، مدير التحرير في صحيفة
        // "سبورت" write in it).
        let holder_first = || {
            self.word(k) == Some("في")
                && k - role <= 4
                && self.word_at(np_start).is_some_and(|w| {
                    !definite(&w)
                        && !self.rules.is_title(bare(&w))
                        && !self.rules.is_unnamed(&w)
                        && !self.rules.is_document(bare(&w))
                        && self.name_like(&w)
                })
                && (np_start..k).all(|x| {
                    self.word(x)
                        .is_none_or(|w| !self.rules.is_writer(bare(w)) && self.time_at(x, k).is_none())
                })
                && (role + 1..k).filter_map(|x| self.word(x)).all(|w| {
                    !self.rules.is_preposition(w)
                        && w != "عبر"
                        && self.rules.marker(w).is_none()
                        && !self.rules.is_frame(without_pronoun(w))
                        && !self.document_word(without_pronoun(w))
                        && !self.rules.is_speech_noun(without_pronoun(w))
                })
        };
        self.outlet_at(k, b).is_some_and(|o| {
            if holder_first() {
                return true;
            }
            // (علي: the folded على, unless it is the name.)
            let first_name = |w: &str| self.rules.is_first_name(w) && (w != "علي" || self.is_ali(o.1));
            o.1 < b
                && self
                    .word(o.1)
                    .is_some_and(|w| first_name(w) || definite(w) && self.rules.is_title(bare(w)))
        })
    }

    /// Whether a folded word names a document, in the singular or in its
    /// ات plural (مقالات → مقال).
    fn document_word(&self, w: &str) -> bool {
        self.rules.is_document(w) || w.strip_suffix("ات").is_some_and(|s| self.rules.is_document(s))
    }

    /// اعتقد "he believed" and أعتقد "I believe" fold alike; the original
    /// tells: a past that opens with a bare alef, written with hamza and
    /// nothing after its stem, is the first person's present.
    fn first_person(&self, f: &Frame) -> bool {
        let lemma = &self.rules.lemmas[f.form.lemma];
        if f.form.class != MarkerClass::Verb || f.cue.1 != f.cue.0 + 1 || !lemma.starts_with('ا') {
            return false;
        }
        let strip = |w: &'a str| w.strip_prefix(['و', 'ف']).filter(|r| r.starts_with(['ا', 'أ'])).unwrap_or(w);
        let Some(w) = self.word(f.cue.0) else { return false };
        strip((self.raw)(f.cue.0)).starts_with('أ') && strip(w) == crate::normalize::fold_str(lemma)
    }

    /// إمام (a role) and أمام ("before") fold alike; the original tells.
    fn is_imam(&self, i: usize) -> bool {
        self.word(i) == Some("امام") && (self.render)(i, i + 1, 0).starts_with('إ')
    }

    /// علي (a name) and على (a preposition) fold alike; the original tells.
    fn is_ali(&self, i: usize) -> bool {
        // الدكتور على بن هندي: before بن the name, however it is spelt.
        self.word(i) == Some("علي") && ((self.render)(i, i + 1, 0).ends_with('ي') || matches!(self.word(i + 1), Some("بن" | "ابن")))
    }

    fn name_like(&self, w: &str) -> bool {
        let r = self.rules;
        (!definite(w) || r.is_particle(w))
            && (!w.starts_with('و') || r.is_first_name(w))
            // إذا كان زين الدين زيدان، كانت نادية مراد: the auxiliary, no name.
            && !is_kana(w)
            && !w.ends_with("ها")
            && !w.ends_with("هم")
            && w.chars().count() > 1
            && r.marker_with_object(w).is_none()
            && !r.is_title(w)
            && !r.is_unnamed(w)
            && !r.is_dependent_adjective(w)
            && !r.cuts_before(w)
            && !r.is_preposition(w)
            && !r.is_complementizer(w)
            && !r.is_organization_word(w)
            && r.place_at(std::iter::once(w)).is_none()
            && !w.chars().any(|c| c.is_ascii_digit())
    }
}

/// وهو، وهي، وهم: the pronoun opening a clause about the noun before it
/// (وسُمع اللاعب وهو يقول).
fn is_clause_pronoun(w: &str) -> bool {
    w.starts_with('و') && independent_pronoun(w).is_some()
}

/// هو، هي، هم, alone or after و or ف, and what they agree with.
fn independent_pronoun(w: &str) -> Option<Agreement> {
    match w.strip_prefix(['و', 'ف']).unwrap_or(w) {
        "هو" => Some(Agreement::Masculine),
        "هي" => Some(Agreement::Feminine),
        "هم" => Some(Agreement::Plural),
        _ => None,
    }
}

/// كان and its forms, with or without و: the auxiliary before a subject.
fn is_kana(w: &str) -> bool {
    matches!(w, "كان" | "كانت" | "كانوا" | "وكان" | "وكانت" | "وكانوا")
}

fn contains_seq(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.len() >= needle.len() && hay.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    /// (speaker, title, outlet) of each claim of a passage.
    fn speakers(text: &str) -> Vec<(String, String, String)> {
        let rules = crate::Rules::embedded();
        crate::extract(text, &rules)
            .claims
            .into_iter()
            .map(|c| (c.speaker, c.speaker_title, c.outlet))
            .collect()
    }

    #[test]
    fn titles_split_from_names_and_short_names_resolve() {
        let s = speakers(
            "وحسب الأكاديمي المختص بالشأن الدولي طارق فهمي، فإنه “ستؤثر الاضطرابات على التوترات”.\nوأكد فهمي على أن روسيا “لن تقدم أي تنازلات”.",
        );
        assert_eq!(s[0].0, "طارق فهمي");
        assert_eq!(s[0].1, "الأكاديمي المختص بالشأن الدولي");
        assert_eq!(s[1].0, "طارق فهمي");
    }

    #[test]
    fn continuations_keep_speaker_and_outlet() {
        let s = speakers(
            "وقال داود اوغلو لقناة الجزيرة إن المنطقة الآمنة ستقام قريبا.\nوأضاف أن تركيا لن تتراجع عن موقفها.\nوقالت الوزيرة إن المفاوضات مستمرة.\nوأضافت أن الاتفاق قريب.",
        );
        assert_eq!(s[1].0, "داود اوغلو");
        assert_eq!(s[1].2, "قناة الجزيرة");
        assert_eq!(s[3].0, "الوزيرة");
    }

    #[test]
    fn descriptions_point_back_to_their_source() {
        let s = speakers(
            "ووفق مجلة “فورين بوليسي” الأميركية، ستؤدي الاحتجاجات إلى زيادة التوترات.\nوأشارت المجلة إلى أنه “سرعان ما تلقت المناشدة كثيرا من الانتقادات”.",
        );
        assert_eq!(s[0].0, "مجلة فورين بوليسي");
        assert_eq!(s[1].0, "مجلة فورين بوليسي");
        assert_eq!(s[1].2, "مجلة فورين بوليسي");
    }

    #[test]
    fn relayed_claims_name_speaker_and_outlet() {
        let s = speakers("ونقلت وكالة \"فرانس برس\" عن بلدية أمستردام قولها في بيان: \"دوافع الرجل إرهابية\".");
        assert_eq!(s, [("بلدية أمستردام".to_string(), String::new(), "وكالة فرانس برس".to_string())]);
    }
}
