//! Rules as data: markers, outlets and source lexicons from `rules/*.toml`,
//! embedded in the binary and overridable from a directory.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;

use serde::Deserialize;

use crate::error::RulesError;
use crate::normalize::fold_str;

/// Words allowed between a marker and its clause unless a rule says otherwise.
pub const DEFAULT_MAX_HEAD: usize = 20;

const EMBEDDED: [(&str, &str); 3] = [
    ("markers.toml", include_str!("../rules/markers.toml")),
    ("outlets.toml", include_str!("../rules/outlets.toml")),
    ("entities.toml", include_str!("../rules/entities.toml")),
];

/// Grammatical agreement of a marker form, used to find the speaker of a
/// continuation (أضافت → the last feminine speaker).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    Masculine,
    Feminine,
    Plural,
    Unknown,
}

/// عنه، عنها، عنهم: the pronoun of the one a relaying outlet quotes, and
/// what it agrees with.
pub fn relay_pronoun(w: &str) -> Option<Agreement> {
    match w {
        "عنه" => Some(Agreement::Masculine),
        "عنها" => Some(Agreement::Feminine),
        "عنهم" | "عنهما" => Some(Agreement::Plural),
        _ => None,
    }
}

/// What a marker form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerClass {
    /// A finite reporting verb (قال، أضافت، يقول).
    Verb,
    /// An active participle whose subject is the sentence's (مؤكدا، قائلا).
    Participle,
    /// A preposition that introduces the source (وفق، حسب، نقلا عن).
    Preposition,
    /// A stance verb without a claim (أشاد، رفض): only names the next speaker.
    Subject,
}

/// One surface form of a marker.
#[derive(Debug, Clone)]
pub struct MarkerForm {
    /// Index into [`Rules::lemmas`].
    pub lemma: usize,
    pub class: MarkerClass,
    pub agreement: Agreement,
    /// The first noun phrase after the verb may be its object (ووصف X
    /// بأنه، أصدر بيانا), not its subject.
    pub object_first: bool,
    pub needs_clause: bool,
    /// Most words allowed between the marker and its clause.
    pub max_head: usize,
    /// A word that must follow (عن after نقلا), folded.
    pub then: Option<String>,
    /// The preposition after which a verb of appearing names its source, a
    /// document or an outlet (جاء في البيان أن), folded.
    pub source_after: Option<String>,
    /// Without that preposition the verb still reports, from its subject
    /// (ووردت تقارير عن أن); otherwise it reports nothing (جاءت النتائج بعد أن).
    pub subject_too: bool,
    /// The verb reports through إلى أن (أشار إلى أن); after any other
    /// marker إلى أن means "until" and opens no claim.
    pub reports_through_ila: bool,
    /// This form, without its clitic, is also a preposition (بين "between").
    pub also_preposition: bool,
    /// Words that, between the verb and its clause, show its other sense
    /// (نقل الرجل إلى المستشفى "transported"), folded.
    pub other_sense: Vec<String>,
    /// Spellings, as written before folding, that are another word: the
    /// noun رأي "opinion", which folds like the verb رأى.
    pub noun_spellings: Vec<String>,
}

impl MarkerForm {
    /// Whether a folded word shows the marker's other sense (إلى after
    /// نقل "transported").
    pub fn has_other_sense(&self, word: &str) -> bool {
        self.other_sense.iter().any(|o| o == word)
    }

    /// Whether the marker's token, as written in the article, is spelt as
    /// the noun the form folds together with (رأي, not رأى), bare or after
    /// و or ف. `written` is read only for a form that has such a noun:
    /// reading the original text costs more than the folded word.
    pub fn spelled_as_noun<'w>(&self, written: impl FnOnce() -> &'w str) -> bool {
        if self.noun_spellings.is_empty() {
            return false;
        }
        let w = crate::normalize::without_marks(written());
        let bare = w.strip_prefix(['و', 'ف']);
        self.noun_spellings.iter().any(|n| *n == w || bare == Some(n.as_str()))
    }

    /// Whether the marker can report anything given the folded word after it:
    /// a verb of appearing needs its preposition (جاء في), unless it also
    /// takes a subject.
    pub fn can_report(&self, next: Option<&str>) -> bool {
        match &self.source_after {
            Some(p) if !self.subject_too => next == Some(p.as_str()),
            _ => true,
        }
    }
}

/// A word without its possessive pronoun (محاميها → محامي، بعدها → بعد).
pub(crate) fn without_pronoun(w: &str) -> &str {
    ["هما", "ها", "هم", "ه"]
        .iter()
        .find_map(|p| w.strip_suffix(p).filter(|r| r.chars().count() >= 3))
        .unwrap_or(w)
}

/// A verb without its object pronoun (نقلته، نقلتها → نقلت), if it has one.
pub(crate) fn object_stem(word: &str) -> Option<&str> {
    word.strip_suffix("ها").or_else(|| word.strip_suffix('ه'))
}

/// Whether a folded word is a relative pronoun (الذي، التي ...), which opens
/// a clause about the noun before it.
pub fn is_relative(word: &str) -> bool {
    // والتي، والذي: the same pronoun after و.
    let word = word.strip_prefix('و').unwrap_or(word);
    matches!(
        word,
        "الذي" | "التي" | "الذين" | "اللذان" | "اللتان" | "اللذين" | "اللتين" | "اللواتي" | "اللاتي"
    )
}

/// A word table with a bit filter in front: most words of a text are in no
/// lexicon, and the filter turns them away from a few bytes of the word,
/// before any hashing.
#[derive(Debug, Clone)]
pub struct Lexicon<V> {
    map: HashMap<String, V>,
    bits: Vec<u64>,
    shift: u32,
}

/// A set of folded words.
pub type WordSet = Lexicon<()>;

/// The filter's hash: the length and the first and last bytes, eight of
/// each at most, which hold most words whole (an Arabic letter is two bytes).
#[inline]
fn filter_hash(w: &[u8]) -> u64 {
    let n = w.len();
    // Two overlapping loads cover any length without a copy.
    let (head, tail) = if n >= 8 {
        (read_u64(&w[..8]), read_u64(&w[n - 8..]))
    } else if n >= 4 {
        (u64::from(read_u32(&w[..4])), u64::from(read_u32(&w[n - 4..])))
    } else {
        let b = |i: usize| w.get(i).map_or(0, |&x| u64::from(x));
        (b(0) | b(1) << 8 | b(2) << 16, 0)
    };
    (head ^ tail.rotate_left(29) ^ (n as u64).rotate_right(8)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

fn read_u64(b: &[u8]) -> u64 {
    u64::from_le_bytes(b.try_into().unwrap_or_default())
}

fn read_u32(b: &[u8]) -> u32 {
    u32::from_le_bytes(b.try_into().unwrap_or_default())
}

impl<V> Lexicon<V> {
    fn new(map: HashMap<String, V>) -> Self {
        // About 32 bits per word keeps false positives near 3 %.
        let nbits = (map.len() * 32).next_power_of_two().max(512);
        let shift = 64 - nbits.trailing_zeros();
        let mut bits = vec![0u64; nbits / 64];
        for k in map.keys() {
            let h = (filter_hash(k.as_bytes()) >> shift) as usize;
            bits[h / 64] |= 1 << (h % 64);
        }
        Lexicon { map, bits, shift }
    }

    /// Whether the word may be in the table: `false` is certain, `true`
    /// needs [`Lexicon::get`] to confirm.
    #[inline]
    pub fn may_contain(&self, word: &str) -> bool {
        let h = (filter_hash(word.as_bytes()) >> self.shift) as usize;
        self.bits[h / 64] & (1 << (h % 64)) != 0
    }

    /// The value stored for a word.
    #[inline]
    pub fn get(&self, word: &str) -> Option<&V> {
        if !self.may_contain(word) {
            return None;
        }
        self.map.get(word)
    }

    /// Whether a word is in the table.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }
}

impl<V> Default for Lexicon<V> {
    fn default() -> Self {
        Lexicon::new(HashMap::default())
    }
}

impl<V> From<HashMap<String, V>> for Lexicon<V> {
    fn from(map: HashMap<String, V>) -> Self {
        Lexicon::new(map)
    }
}

impl From<HashSet<String>> for WordSet {
    fn from(set: HashSet<String>) -> Self {
        Lexicon::new(set.into_iter().map(|w| (w, ())).collect())
    }
}

/// Compiled rules: folded lookup tables, ready before any document is read.
#[derive(Debug, Clone)]
pub struct Rules {
    /// Marker lemmas as written in the rules.
    pub lemmas: Vec<String>,
    forms: Lexicon<MarkerForm>,
    verb_forms: HashMap<String, MarkerForm>,
    /// Past verb forms in ى by their stem before an object pronoun, where
    /// the ى is written ا (نفى → نفاه).
    alef_stems: HashMap<String, MarkerForm>,
    complementizers: WordSet,
    not_after: WordSet,
    blocked_after: WordSet,
    noun_negations: WordSet,
    noun_prepositions: WordSet,
    bridges: WordSet,
    provisos: WordSet,
    title_words: WordSet,
    /// Self-referring sources (قوله), as folded word sequences.
    pub self_sources: Vec<Vec<String>>,
    /// The one-word self-referring sources, for look-ups per word.
    self_source_words: WordSet,
    outlet_types: WordSet,
    not_media: WordSet,
    media_genitives: WordSet,
    type_complements: WordSet,
    owner_adjectives: WordSet,
    frames: WordSet,
    appear: WordSet,
    published: WordSet,
    conjunctions: Phrases,
    before_verb: WordSet,
    impersonal: WordSet,
    subject_relatives: WordSet,
    /// Lemmas (indices into `lemmas`) whose ما is their object.
    relative_objects: Vec<usize>,
    /// Lemmas whose forms after كما, with only their source after them,
    /// close the claim before (X، كما أفادت الشرطة.).
    as_said: Vec<usize>,
    /// Words that make such a كما "also" (كما أشارت أيضا).
    also: WordSet,
    outlet_names: Phrases,
    platforms: Phrases,
    on_platform: WordSet,
    via: WordSet,
    publishing: WordSet,
    with_words: WordSet,
    organizations: Phrases,
    documents: WordSet,
    recordings: WordSet,
    unnamed: WordSet,
    titles: WordSet,
    particles: WordSet,
    places: Phrases,
    cut_before: WordSet,
    reflexives: WordSet,
    sameness: WordSet,
    dependent_adjectives: WordSet,
    military_ranks: WordSet,
    rank_qualifiers: WordSet,
    manner: WordSet,
    /// Plurals of the participles among `manner` (مطالبا → مطالبين، مطالبون)
    /// that are no role words (متحدثين).
    manner_plurals: WordSet,
    anonymity: WordSet,
    addressees: WordSet,
    not_subject: WordSet,
    demonstratives: WordSet,
    object_openers: WordSet,
    first_names: WordSet,
    anaphora: Phrases,
    prepositions: WordSet,
    place_heads: WordSet,
    bodies: WordSet,
    honorifics: WordSet,
    honorific_titles: Lexicon<Vec<String>>,
    quantifiers: WordSet,
    counts: WordSet,
    divine_epithets: Phrases,
    epithets: Phrases,
    /// The name divine praise alone stands for (قال تعالى).
    pub divine_name: String,
    /// `divine_name` folded, as entity keys hold it.
    pub divine_key: String,
    speaks_for: WordSet,
    ranks: WordSet,
    kinship: WordSet,
    writers: WordSet,
    speech_nouns: WordSet,
    cities: WordSet,
    source_nouns: WordSet,
    principals: WordSet,
    adverbial: WordSet,
    /// Role word → its class number (سفير and دبلوماسي share one).
    role_class: Lexicon<usize>,
    time: Phrases,
}

/// Multi-word phrases indexed by their first word.
#[derive(Debug, Clone, Default)]
pub struct Phrases {
    by_first: Lexicon<Vec<Vec<String>>>,
}

impl Phrases {
    fn new(items: &[String]) -> Self {
        let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::default();
        for item in items {
            let words: Vec<String> = fold_str(item).split_whitespace().map(str::to_string).collect();
            if let Some(first) = words.first() {
                by_first.entry(first.clone()).or_default().push(words);
            }
        }
        for v in by_first.values_mut() {
            v.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        Phrases { by_first: by_first.into() }
    }

    /// Whether any phrase's first word satisfies `pred`.
    fn any_first(&self, pred: impl Fn(&str) -> bool) -> bool {
        self.by_first.map.keys().any(|k| pred(k))
    }

    /// Length in words of the longest phrase that starts `words`, if any.
    pub fn match_at<'a>(&self, mut words: impl Iterator<Item = &'a str> + Clone) -> Option<usize> {
        let first = words.next()?;
        let cands = self.by_first.get(first)?;
        // Longest first; the words are compared in place, not collected.
        cands
            .iter()
            .find(|c| {
                let mut rest = words.clone();
                c[1..].iter().all(|a| rest.next() == Some(a.as_str()))
            })
            .map(Vec::len)
    }
}

/// Honorifics and the title words that name the person they stand for.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HonorificTitles {
    honorifics: Vec<String>,
    titles: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MarkersFile {
    verb: Vec<VerbEntry>,
    #[serde(default)]
    subject: Vec<SubjectEntry>,
    preposition: Vec<PrepEntry>,
    clause: ClauseEntry,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VerbEntry {
    lemma: String,
    #[serde(default)]
    forms: Vec<String>,
    #[serde(default)]
    participle_forms: Vec<String>,
    past: Option<String>,
    present: Option<String>,
    participle: Option<String>,
    #[serde(default)]
    object_first: bool,
    #[serde(default)]
    needs_clause: bool,
    max_head: Option<usize>,
    bare_max_head: Option<usize>,
    source_after: Option<String>,
    #[serde(default)]
    subject_too: bool,
    #[serde(default)]
    reports_through_ila: bool,
    #[serde(default)]
    also_preposition: bool,
    #[serde(default)]
    other_sense: Vec<String>,
    #[serde(default)]
    noun_spellings: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SubjectEntry {
    forms: Vec<String>,
    #[serde(default)]
    object_first: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PrepEntry {
    lemma: String,
    forms: Vec<String>,
    then: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClauseEntry {
    appear: Vec<String>,
    #[serde(default)]
    published: Vec<String>,
    #[serde(default)]
    conjunctions: Vec<String>,
    #[serde(default)]
    before_verb: Vec<String>,
    impersonal: Vec<String>,
    #[serde(default)]
    relatives: Vec<String>,
    #[serde(default)]
    relative_objects: Vec<String>,
    #[serde(default)]
    as_said: Vec<String>,
    #[serde(default)]
    also: Vec<String>,
    complementizers: Vec<String>,
    not_after: Vec<String>,
    blocked_after: Vec<String>,
    #[serde(default)]
    noun_negations: Vec<String>,
    #[serde(default)]
    noun_prepositions: Vec<String>,
    bridges: Vec<String>,
    #[serde(default)]
    provisos: Vec<String>,
    #[serde(default)]
    title_words: Vec<String>,
    self_sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OutletsFile {
    types: Vec<String>,
    #[serde(default)]
    not_media: Vec<String>,
    #[serde(default)]
    genitives: Vec<String>,
    #[serde(default)]
    type_complements: Vec<String>,
    #[serde(default)]
    owner_adjectives: Vec<String>,
    frames: Vec<String>,
    names: Vec<String>,
    #[serde(default)]
    platforms: Vec<String>,
    via: Vec<String>,
    #[serde(default)]
    on_platform: Vec<String>,
    with_words: Vec<String>,
    #[serde(default)]
    publishing: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntitiesFile {
    organizations: Vec<String>,
    documents: Vec<String>,
    #[serde(default)]
    recordings: Vec<String>,
    unnamed: Vec<String>,
    titles: Vec<String>,
    /// Titles only without the article (عالم "scientist", العالم "the world").
    #[serde(default)]
    bare_titles: Vec<String>,
    name_particles: Vec<String>,
    places: Vec<String>,
    cut_before: Vec<String>,
    #[serde(default)]
    reflexives: Vec<String>,
    #[serde(default)]
    sameness: Vec<String>,
    #[serde(default)]
    dependent_adjectives: Vec<String>,
    #[serde(default)]
    military_ranks: Vec<String>,
    #[serde(default)]
    rank_qualifiers: Vec<String>,
    #[serde(default)]
    manner: Vec<String>,
    #[serde(default)]
    anonymity: Vec<String>,
    #[serde(default)]
    addressees: Vec<String>,
    #[serde(default)]
    not_subject: Vec<String>,
    #[serde(default)]
    demonstratives: Vec<String>,
    #[serde(default)]
    object_openers: Vec<String>,
    #[serde(default)]
    first_names: Vec<String>,
    anaphora: Vec<String>,
    prepositions: Vec<String>,
    #[serde(default)]
    place_heads: Vec<String>,
    #[serde(default)]
    bodies: Vec<String>,
    #[serde(default)]
    honorifics: Vec<String>,
    #[serde(default)]
    honorific_titles: Vec<HonorificTitles>,
    #[serde(default)]
    quantifiers: Vec<String>,
    #[serde(default)]
    counts: Vec<String>,
    #[serde(default)]
    divine_epithets: Vec<String>,
    #[serde(default)]
    epithets: Vec<String>,
    #[serde(default)]
    divine_name: String,
    #[serde(default)]
    speaks_for: Vec<String>,
    #[serde(default)]
    ranks: Vec<String>,
    #[serde(default)]
    kinship: Vec<String>,
    #[serde(default)]
    writers: Vec<String>,
    #[serde(default)]
    speech_nouns: Vec<String>,
    #[serde(default)]
    cities: Vec<String>,
    #[serde(default)]
    source_nouns: Vec<String>,
    #[serde(default)]
    principals: Vec<String>,
    adverbial: Vec<String>,
    role_classes: Vec<Vec<String>>,
    time: Vec<String>,
}

fn parse<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, RulesError> {
    toml::from_str(text).map_err(|e| RulesError::Syntax {
        file: file.to_string(),
        message: e.to_string(),
    })
}

/// The rules' words folded as the text is (أ → ا، ة → ه ...).
fn folded(items: &[String]) -> HashSet<String> {
    items.iter().map(|s| fold_str(s)).collect()
}

/// The plurals of folded participles in the accusative (مطالبا →
/// مطالبين، مطالبون).
fn participle_plurals(words: &HashSet<String>) -> HashSet<String> {
    words
        .iter()
        .filter(|w| w.starts_with('م'))
        .filter_map(|w| w.strip_suffix('ا'))
        .filter(|stem| stem.chars().count() > 2)
        .flat_map(|stem| [format!("{stem}ين"), format!("{stem}ون")])
        .collect()
}

/// The folded words as a lexicon.
fn set(items: &[String]) -> WordSet {
    folded(items).into()
}

/// The folded words, bare and after ال, as a lexicon.
fn definite_set(items: &[String]) -> WordSet {
    with_article(folded(items)).into()
}

/// The words and the words after ال (وزير → الوزير), so that a look-up
/// takes one probe: the sets are small, the look-ups run on every word.
fn with_article(words: HashSet<String>) -> HashSet<String> {
    let definite: Vec<String> = words.iter().map(|w| format!("ال{w}")).collect();
    words.into_iter().chain(definite).collect()
}

/// Outlet type words as they stand in text: bare or definite, after one
/// clitic (وقناة، بالصحيفة), and after لل (للتلفزيون = ل + التلفزيون).
fn outlet_type_forms(types: HashSet<String>) -> HashSet<String> {
    let known = with_article(types);
    let mut forms = known.clone();
    for w in &known {
        for p in ['و', 'ف', 'ل', 'ب', 'ك'] {
            forms.insert(format!("{p}{w}"));
        }
        if let Some(r) = w.strip_prefix("ال") {
            forms.insert(format!("لل{r}"));
        }
    }
    forms
}

/// Agreement of a form written out by hand, read off its suffix; with
/// `present`, a ت prefix also marks the feminine (تقول).
fn guess_agreement(form: &str, present: bool) -> Agreement {
    if form.ends_with("وا") || form.ends_with("ون") || form.ends_with("ين") {
        Agreement::Plural
    } else if form.ends_with('ت') || form.ends_with('ه') || (present && form.starts_with('ت')) {
        Agreement::Feminine
    } else {
        Agreement::Masculine
    }
}

impl Rules {
    /// The rules compiled into the binary.
    pub fn embedded() -> Self {
        Self::from_texts(|name| Ok(EMBEDDED.iter().find(|(n, _)| *n == name).map(|(_, t)| t.to_string())))
            .expect("embedded rules are valid")
    }

    /// Rules from a directory; a file missing there falls back to the embedded one.
    pub fn from_dir(dir: &Path) -> Result<Self, RulesError> {
        if !dir.is_dir() {
            return Err(RulesError::Io {
                file: dir.display().to_string(),
                message: "not a directory".into(),
            });
        }
        Self::from_texts(|name| {
            let path = dir.join(name);
            match std::fs::read_to_string(&path) {
                Ok(t) => Ok(Some(t)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    Ok(EMBEDDED.iter().find(|(n, _)| *n == name).map(|(_, t)| t.to_string()))
                }
                Err(e) => Err(RulesError::Io {
                    file: path.display().to_string(),
                    message: e.to_string(),
                }),
            }
        })
    }

    fn from_texts(load: impl Fn(&str) -> Result<Option<String>, RulesError>) -> Result<Self, RulesError> {
        let get = |name: &str| -> Result<String, RulesError> {
            load(name)?.ok_or_else(|| RulesError::Io {
                file: name.to_string(),
                message: "missing".into(),
            })
        };
        let markers: MarkersFile = parse("markers.toml", &get("markers.toml")?)?;
        let outlets: OutletsFile = parse("outlets.toml", &get("outlets.toml")?)?;
        let entities: EntitiesFile = parse("entities.toml", &get("entities.toml")?)?;

        let mut lemmas = Vec::new();
        let mut forms: HashMap<String, MarkerForm> = HashMap::default();
        // The head allowed after و or ف where a verb's bare forms allow less.
        let mut clitic_head: HashMap<String, usize> = HashMap::default();
        for v in &markers.verb {
            if v.lemma.trim().is_empty() {
                return Err(RulesError::Entry {
                    file: "markers.toml".into(),
                    entry: "[[verb]]".into(),
                    message: "empty lemma".into(),
                });
            }
            if v.forms.is_empty() && v.participle_forms.is_empty() && v.past.is_none() && v.present.is_none() && v.participle.is_none() {
                return Err(RulesError::Entry {
                    file: "markers.toml".into(),
                    entry: format!("verb {}", v.lemma),
                    message: "needs `forms` or at least one of `past`, `present`, `participle`".into(),
                });
            }
            let lemma = lemmas.iter().position(|l| l == &v.lemma).unwrap_or_else(|| {
                lemmas.push(v.lemma.clone());
                lemmas.len() - 1
            });
            let bare_past = v.past.as_deref().map(fold_str);
            let mut add = |form: String, class: MarkerClass, agreement: Agreement| {
                let folded = fold_str(&form);
                let also_preposition = v.also_preposition && bare_past.as_deref() == Some(folded.as_str());
                let max_head = v.max_head.unwrap_or(DEFAULT_MAX_HEAD);
                let bare_head = match v.bare_max_head {
                    Some(n) if class == MarkerClass::Verb && !folded.starts_with(['و', 'ف']) => {
                        clitic_head.insert(folded.clone(), max_head);
                        n.min(max_head)
                    }
                    _ => max_head,
                };
                forms.entry(folded).or_insert(MarkerForm {
                    lemma,
                    class,
                    agreement,
                    object_first: v.object_first,
                    needs_clause: v.needs_clause,
                    max_head: bare_head,
                    then: None,
                    source_after: v.source_after.as_deref().map(fold_str),
                    subject_too: v.subject_too,
                    reports_through_ila: v.reports_through_ila,
                    also_preposition,
                    other_sense: v.other_sense.iter().map(|w| fold_str(w)).collect(),
                    noun_spellings: v.noun_spellings.iter().map(|w| crate::normalize::without_marks(w)).collect(),
                });
            };
            for f in &v.forms {
                let folded = fold_str(f);
                let present = folded.starts_with('ي') || folded.starts_with('ت') && folded.chars().count() <= 4;
                add(f.clone(), MarkerClass::Verb, guess_agreement(&folded, present));
            }
            for f in &v.participle_forms {
                add(f.clone(), MarkerClass::Participle, guess_agreement(&fold_str(f), false));
            }
            if let Some(p) = &v.past {
                for (suffix, agr) in [
                    ("", Agreement::Masculine),
                    ("ت", Agreement::Feminine),
                    ("وا", Agreement::Plural),
                    ("ا", Agreement::Plural),
                    ("تا", Agreement::Plural),
                ] {
                    add(format!("{p}{suffix}"), MarkerClass::Verb, agr);
                }
            }
            if let Some(s) = &v.present {
                for (prefix, agr) in [("ي", Agreement::Masculine), ("ت", Agreement::Feminine)] {
                    add(format!("{prefix}{s}"), MarkerClass::Verb, agr);
                }
                for suffix in ["ون", "ان"] {
                    add(format!("ي{s}{suffix}"), MarkerClass::Verb, Agreement::Plural);
                }
            }
            if let Some(m) = &v.participle {
                for (suffix, agr) in [
                    ("ا", Agreement::Masculine),
                    ("ة", Agreement::Feminine),
                    ("ين", Agreement::Plural),
                    ("ون", Agreement::Plural),
                ] {
                    add(format!("{m}{suffix}"), MarkerClass::Participle, agr);
                }
            }
        }
        lemmas.push(String::new());
        let subject_lemma = lemmas.len() - 1;
        for e in &markers.subject {
            for f in &e.forms {
                let folded = fold_str(f);
                forms.entry(folded.clone()).or_insert(MarkerForm {
                    lemma: subject_lemma,
                    class: MarkerClass::Subject,
                    agreement: guess_agreement(&folded, false),
                    object_first: e.object_first,
                    needs_clause: true,
                    max_head: DEFAULT_MAX_HEAD,
                    then: None,
                    source_after: None,
                    subject_too: false,
                    reports_through_ila: false,
                    also_preposition: false,
                    other_sense: Vec::new(),
                    noun_spellings: Vec::new(),
                });
            }
        }
        for p in &markers.preposition {
            if p.forms.is_empty() {
                return Err(RulesError::Entry {
                    file: "markers.toml".into(),
                    entry: format!("preposition {}", p.lemma),
                    message: "no forms".into(),
                });
            }
            lemmas.push(p.lemma.clone());
            let lemma = lemmas.len() - 1;
            for f in &p.forms {
                forms.insert(
                    fold_str(f),
                    MarkerForm {
                        lemma,
                        class: MarkerClass::Preposition,
                        agreement: Agreement::Unknown,
                        object_first: false,
                        needs_clause: false,
                        max_head: DEFAULT_MAX_HEAD,
                        then: p.then.as_deref().map(fold_str),
                        source_after: None,
                        subject_too: false,
                        reports_through_ila: false,
                        also_preposition: false,
                        other_sense: Vec::new(),
                        noun_spellings: Vec::new(),
                    },
                );
            }
        }
        // A form after one clitic و or ف (وقال، فأضاف) is the form itself:
        // stored too, so the look-up on every word takes one probe. Forms
        // written out keep their own entry (وفق is not و + فق), and one
        // letter after a clitic is no form.
        let with_clitic: Vec<(String, MarkerForm)> = forms
            .iter()
            .filter(|(f, _)| f.chars().count() >= 2)
            .flat_map(|(f, m)| {
                let m = MarkerForm {
                    max_head: clitic_head.get(f).copied().unwrap_or(m.max_head),
                    ..m.clone()
                };
                ['و', 'ف'].map(|c| (format!("{c}{f}"), m.clone()))
            })
            .collect();
        for (f, m) in with_clitic {
            forms.entry(f).or_insert(m);
        }
        // بيّن with its shadda written is the verb only: the forms that are
        // also a preposition, without that reading and its limits.
        let verb_forms: HashMap<String, MarkerForm> = forms
            .iter()
            .filter(|(_, m)| m.also_preposition)
            .map(|(f, m)| {
                let verb = MarkerForm {
                    also_preposition: false,
                    max_head: DEFAULT_MAX_HEAD,
                    ..m.clone()
                };
                (f.clone(), verb)
            })
            .collect();
        // نفاه، رواه: a final ى is written ا before the pronoun. (Not the
        // present, ما يراه "what he sees fit".)
        let alef_stems: HashMap<String, MarkerForm> = forms
            .iter()
            .filter(|(f, m)| m.class == MarkerClass::Verb && !f.starts_with(['ي', 'ت']))
            .filter_map(|(f, m)| Some((format!("{}ا", f.strip_suffix('ي')?), m.clone())))
            .collect();
        let words = |v: &[String]| {
            v.iter()
                .map(|s| fold_str(s).split_whitespace().map(str::to_string).collect())
                .collect()
        };
        let self_sources: Vec<Vec<String>> = words(&markers.clause.self_sources);
        let self_source_words: HashSet<String> = self_sources.iter().filter(|s| s.len() == 1).map(|s| s[0].clone()).collect();
        let verb_lemmas = |key: &str, list: &[String]| {
            list.iter()
                .map(|l| {
                    lemmas.iter().position(|x| x == l).ok_or_else(|| RulesError::Entry {
                        file: "markers.toml".into(),
                        entry: format!("[clause] {key} {l}"),
                        message: "not the lemma of any [[verb]]".into(),
                    })
                })
                .collect::<Result<Vec<_>, _>>()
        };
        let relative_objects = verb_lemmas("relative_objects", &markers.clause.relative_objects)?;
        let as_said = verb_lemmas("as_said", &markers.clause.as_said)?;
        // An honorific given titles must be one the linker reads as an
        // honorific, or its titles would never be used.
        for g in &entities.honorific_titles {
            if let Some(h) = g.honorifics.iter().find(|h| !entities.honorifics.contains(h)) {
                return Err(RulesError::Entry {
                    file: "entities.toml".into(),
                    entry: format!("honorific_titles {h}"),
                    message: "not in `honorifics`".into(),
                });
            }
        }
        let mut titles = with_article(folded(&entities.titles));
        titles.extend(folded(&entities.bare_titles));
        let unnamed = with_article(folded(&entities.unnamed));
        let mut manner_plurals = participle_plurals(&folded(&entities.manner));
        manner_plurals.retain(|w| !titles.contains(w) && !unnamed.contains(w));
        Ok(Rules {
            lemmas,
            forms: forms.into(),
            verb_forms,
            alef_stems,
            complementizers: set(&markers.clause.complementizers),
            not_after: set(&markers.clause.not_after),
            blocked_after: set(&markers.clause.blocked_after),
            noun_negations: set(&markers.clause.noun_negations),
            noun_prepositions: set(&markers.clause.noun_prepositions),
            bridges: set(&markers.clause.bridges),
            provisos: set(&markers.clause.provisos),
            title_words: set(&markers.clause.title_words),
            self_sources,
            self_source_words: self_source_words.into(),
            outlet_types: outlet_type_forms(folded(&outlets.types)).into(),
            not_media: definite_set(&outlets.not_media),
            media_genitives: set(&outlets.genitives),
            type_complements: set(&outlets.type_complements),
            owner_adjectives: set(&outlets.owner_adjectives),
            frames: set(&outlets.frames),
            appear: set(&markers.clause.appear),
            published: set(&markers.clause.published),
            conjunctions: Phrases::new(&markers.clause.conjunctions),
            before_verb: set(&markers.clause.before_verb),
            impersonal: set(&markers.clause.impersonal),
            subject_relatives: set(&markers.clause.relatives),
            relative_objects,
            as_said,
            also: set(&markers.clause.also),
            outlet_names: Phrases::new(&[outlets.names.as_slice(), outlets.platforms.as_slice()].concat()),
            platforms: Phrases::new(&outlets.platforms),
            on_platform: set(&outlets.on_platform),
            via: set(&outlets.via),
            publishing: set(&outlets.publishing),
            with_words: set(&outlets.with_words),
            organizations: Phrases::new(&entities.organizations),
            documents: definite_set(&entities.documents),
            recordings: set(&entities.recordings),
            unnamed: unnamed.into(),
            titles: titles.into(),
            particles: set(&entities.name_particles),
            places: Phrases::new(&entities.places),
            cut_before: set(&entities.cut_before),
            reflexives: set(&entities.reflexives),
            sameness: set(&entities.sameness),
            dependent_adjectives: set(&entities.dependent_adjectives),
            military_ranks: set(&entities.military_ranks),
            rank_qualifiers: set(&entities.rank_qualifiers),
            manner: set(&entities.manner),
            manner_plurals: manner_plurals.into(),
            anonymity: set(&entities.anonymity),
            addressees: set(&entities.addressees),
            not_subject: set(&entities.not_subject),
            demonstratives: set(&entities.demonstratives),
            object_openers: set(&entities.object_openers),
            first_names: set(&entities.first_names),
            anaphora: Phrases::new(&entities.anaphora),
            prepositions: set(&entities.prepositions),
            place_heads: set(&entities.place_heads),
            bodies: set(&entities.bodies),
            honorifics: set(&entities.honorifics),
            honorific_titles: entities
                .honorific_titles
                .iter()
                .flat_map(|g| {
                    let titles: Vec<String> = g.titles.iter().map(|t| fold_str(t)).collect();
                    g.honorifics.iter().map(move |h| (fold_str(h), titles.clone()))
                })
                .collect::<HashMap<_, _>>()
                .into(),
            quantifiers: set(&entities.quantifiers),
            counts: set(&entities.counts),
            divine_epithets: Phrases::new(&entities.divine_epithets),
            epithets: Phrases::new(&entities.epithets),
            divine_name: entities.divine_name.clone(),
            divine_key: crate::normalize::fold_str(&entities.divine_name),
            speaks_for: set(&entities.speaks_for),
            ranks: set(&entities.ranks),
            kinship: set(&entities.kinship),
            writers: set(&entities.writers),
            speech_nouns: set(&entities.speech_nouns),
            cities: set(&entities.cities),
            source_nouns: definite_set(&entities.source_nouns),
            principals: definite_set(&entities.principals),
            adverbial: set(&entities.adverbial),
            role_class: entities
                .role_classes
                .iter()
                .enumerate()
                .flat_map(|(i, c)| c.iter().map(move |w| (fold_str(w), i)))
                .collect::<HashMap<_, _>>()
                .into(),
            time: Phrases::new(&entities.time),
        })
    }

    /// The marker form a folded word is, allowing a leading و or ف.
    pub fn marker(&self, word: &str) -> Option<&MarkerForm> {
        // The forms are stored with and without one clitic و or ف; one
        // clitic only: فورد (the name Ford) is not ف + و + رد.
        self.forms.get(word)
    }

    /// A marker form that is also a preposition (بين), read as the verb
    /// only (بيّن, its shadda written).
    pub fn marker_as_verb(&self, word: &str) -> Option<&MarkerForm> {
        self.verb_forms.get(word)
    }

    /// Whether a folded word may be a marker form: `false` is certain.
    #[inline]
    pub fn may_be_marker(&self, word: &str) -> bool {
        self.forms.may_contain(word)
    }

    /// A marker verb carrying an object pronoun (أعلنه، نقلته، قالته).
    pub fn marker_with_object(&self, word: &str) -> Option<&MarkerForm> {
        self.marker(word).or_else(|| {
            let stem = object_stem(word)?;
            self.marker(stem)
                .filter(|f| f.class == MarkerClass::Verb)
                .or_else(|| self.alef_stems.get(stem))
        })
    }

    /// Length in words of a time expression (الشهر الماضي، أول من أمس) at `words`.
    pub fn time_at<'a>(&self, words: impl Iterator<Item = &'a str> + Clone) -> Option<usize> {
        self.time.match_at(words)
    }

    /// Whether a folded word is a nominal frame (تصريح، مقابلة، بيان).
    pub fn is_frame(&self, word: &str) -> bool {
        self.frames.contains(word)
    }

    /// Whether a folded form is impersonal right before its clause (يذكر أن).
    pub fn is_impersonal(&self, word: &str) -> bool {
        self.impersonal.contains(word)
    }

    /// Whether a folded word is a relative that can be the subject of the
    /// verb after it (ما يشير إلى أن "which shows that").
    pub fn is_subject_relative(&self, word: &str) -> bool {
        self.subject_relatives.contains(word)
    }

    /// Whether ما before a form of this lemma is its object (ما يقول إنه).
    pub fn takes_relative_object(&self, lemma: usize) -> bool {
        self.relative_objects.contains(&lemma)
    }

    /// Whether a form of this lemma after كما, with only its source after
    /// it, closes the claim before (X، كما أفادت الشرطة.).
    pub fn closes_as_said(&self, lemma: usize) -> bool {
        self.as_said.contains(&lemma)
    }

    /// Whether a folded word, after كما and its verb, shows كما is "also"
    /// (كما أشارت أيضا).
    pub fn is_also(&self, word: &str) -> bool {
        self.also.contains(word)
    }

    /// Whether a folded word alone opens an organisation's name (وزارة،
    /// شركة، المرصد).
    pub fn is_organization_word(&self, word: &str) -> bool {
        self.organization_at(std::iter::once(word)).is_some()
    }

    /// Whether a folded word is a verb of appearing (جاء، ورد).
    pub fn is_appear(&self, word: &str) -> bool {
        self.appear.contains(word)
    }

    /// Whether a folded word is a verb of publishing, an object pronoun
    /// allowed (نشرته، بثها).
    pub fn is_published(&self, word: &str) -> bool {
        self.published.contains(word) || object_stem(word).is_some_and(|stem| self.published.contains(stem))
    }

    /// Whether a form that is also a preposition reads as the verb after
    /// this folded word (كما بين).
    pub fn is_before_verb(&self, word: &str) -> bool {
        self.before_verb.contains(word)
    }

    /// Length in words of a conjunction that opens another report after a
    /// comma (فيما، بينما، في حين) at `words`.
    pub fn conjunction_at<'a>(&self, words: impl Iterator<Item = &'a str> + Clone) -> Option<usize> {
        self.conjunctions.match_at(words)
    }

    /// Whether a folded word opens a reported clause (أن، إنه، بأن ...).
    pub fn is_complementizer(&self, word: &str) -> bool {
        self.complementizers.contains(word)
    }

    /// Whether a complementizer after this folded word belongs to it (بعد أن).
    pub fn blocks_complementizer(&self, word: &str) -> bool {
        let w = word.strip_prefix('و').filter(|w| self.not_after.contains(w)).unwrap_or(word);
        self.not_after.contains(w)
    }

    /// Whether a marker after this folded word is conditional or negated.
    pub fn blocks_marker(&self, word: &str) -> bool {
        self.blocked_after.contains(word)
    }

    /// Whether a marker's form after this folded word is a negated verbal
    /// noun (عدم كشف، دون ذكر).
    pub fn negates_noun(&self, word: &str) -> bool {
        self.noun_negations.contains(word)
    }

    /// Whether a marker's form after this folded preposition is its verbal
    /// noun (مع توقع، في رد).
    pub fn governs_noun(&self, word: &str) -> bool {
        self.noun_prepositions.contains(word)
    }

    /// Whether a folded word may stand between verb and complementizer.
    pub fn is_bridge(&self, word: &str) -> bool {
        self.bridges.contains(word)
    }

    /// Whether a folded bridge word after a comma opens a proviso
    /// (، على أن يحدد "provided that") rather than the reported clause.
    pub fn is_proviso(&self, word: &str) -> bool {
        self.provisos.contains(word)
    }

    /// Whether a quotation after this folded word is the title of a work
    /// (بعنوان "...").
    pub fn names_title(&self, word: &str) -> bool {
        self.title_words.contains(word)
    }

    /// Whether a folded word names a kind of medium (with or without ال and ل).
    pub fn is_outlet_type(&self, word: &str) -> bool {
        self.outlet_types.contains(word)
    }

    /// Whether a folded ل phrase goes on with a medium's name (للأنباء).
    pub fn is_media_genitive(&self, word: &str) -> bool {
        self.media_genitives.contains(word)
    }

    /// Whether a folded word completes a medium's type word before its
    /// name (وكالة أنباء «دوغان»).
    pub fn is_type_complement(&self, word: &str) -> bool {
        self.type_complements.contains(word)
    }

    /// Whether a folded adjective after a medium's type word leaves a ل
    /// phrase to name its owner (الموقع الرسمي ل...).
    pub fn is_owner_adjective(&self, word: &str) -> bool {
        self.owner_adjectives.contains(word)
    }

    /// Whether a folded word after an outlet's type word names a public
    /// body, not a medium (وكالة الفضاء).
    pub fn is_not_media(&self, word: &str) -> bool {
        // للطاقة: the field may come as a ل genitive.
        self.not_media.contains(word) || word.strip_prefix("لل").is_some_and(|r| self.not_media.contains(r))
    }

    /// Length in words of a platform name (تويتر) starting at `words`.
    pub fn platform_at<'a>(&self, words: impl Iterator<Item = &'a str> + Clone) -> Option<usize> {
        self.platforms.match_at(words)
    }

    /// Whether a folded via word takes only a platform or a typed medium (على).
    pub fn is_on_platform(&self, word: &str) -> bool {
        self.on_platform.contains(word)
    }

    /// Length in words of a known outlet name starting at `words`.
    pub fn outlet_name_at<'a>(&self, words: impl Iterator<Item = &'a str> + Clone) -> Option<usize> {
        self.outlet_names.match_at(words)
    }

    /// Whether a folded word introduces the medium (عبر).
    pub fn is_via(&self, word: &str) -> bool {
        self.via.contains(word) || self.with_words.contains(word)
    }

    /// Whether a folded verb says an outlet put out or obtained what
    /// precedes it (نشرت، حصلت), the outlet following.
    pub fn is_publishing(&self, word: &str) -> bool {
        self.publishing.contains(word)
    }

    /// Length in words of an organisation head phrase at `words`.
    pub fn organization_at<'a>(&self, words: impl Iterator<Item = &'a str> + Clone) -> Option<usize> {
        let mut w = words.clone();
        let first = w.next()?;
        if let Some(n) = self.organizations.match_at(words) {
            return Some(n);
        }
        let bare = first.strip_prefix("ال")?;
        self.organizations.match_at(std::iter::once(bare).chain(w))
    }

    /// Whether a folded word heads a document phrase (بيان، تقرير، المادة).
    pub fn is_document(&self, word: &str) -> bool {
        self.documents.contains(word)
    }

    /// Whether a folded word is a picture or recording put out (صورة،
    /// مقطع، فيديو): what a verb of issuing issued, never a source.
    pub fn is_recording(&self, word: &str) -> bool {
        self.recordings.contains(word)
    }

    /// Whether a folded word heads an unnamed-source description (مصدر، مسؤول).
    pub fn is_unnamed(&self, word: &str) -> bool {
        self.unnamed.contains(word)
    }

    /// Whether a folded word is a role word (وزير، الرئيس).
    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(word)
    }

    /// Whether a folded word is part of a name (بن، عبد).
    pub fn is_particle(&self, word: &str) -> bool {
        self.particles.contains(word)
    }

    /// Length in words of a place name at `words`.
    pub fn place_at<'a>(&self, words: impl Iterator<Item = &'a str> + Clone) -> Option<usize> {
        self.places.match_at(words)
    }

    /// Whether a folded word is a nisba adjective of a known place
    /// (الإسباني of إسبانيا, المصرية of مصر).
    pub fn is_place_nisba(&self, word: &str) -> bool {
        let w = word.strip_prefix("ال").unwrap_or(word);
        let Some(s) = w.strip_suffix("ية").or_else(|| w.strip_suffix('ي')) else {
            return false;
        };
        s.chars().count() >= 3 && self.places.any_first(|k| k.strip_prefix("ال").unwrap_or(k).starts_with(s))
    }

    /// Whether a phrase is cut before this folded word.
    pub fn cuts_before(&self, word: &str) -> bool {
        self.cut_before.contains(word)
    }

    /// Whether a folded word is an adjective that takes a complement
    /// (المملوكة، التابعة): at a source phrase's end, no part of the name.
    pub fn is_dependent_adjective(&self, word: &str) -> bool {
        self.dependent_adjectives.contains(word)
    }

    /// Whether a folded word is a military rank, bare (عميد، ملازم).
    pub fn is_military_rank(&self, word: &str) -> bool {
        self.military_ranks.contains(word)
    }

    /// Whether a folded word qualifies the rank before it (ركن، طيار، أول).
    pub fn is_rank_qualifier(&self, word: &str) -> bool {
        self.rank_qualifiers.contains(word)
    }

    /// Whether `word` is a reflexive object (تقدم نفسها), which marks `prev`
    /// as a verb. After a definite noun it means "the same" (المصدر نفسه) and
    /// after a preposition it is no object (قال عن نفسه).
    pub fn is_reflexive_object(&self, prev: &str, word: &str) -> bool {
        self.reflexives.contains(word) && !prev.starts_with("ال") && !self.is_preposition(prev)
    }

    /// Whether a folded word is a one-word self-referring source (قوله).
    pub fn is_self_source(&self, word: &str) -> bool {
        self.self_source_words.contains(word)
    }

    /// Whether a folded word is an addressee that can follow a name bare
    /// (أبلغ ترمب الصحفيين).
    pub fn is_addressee(&self, word: &str) -> bool {
        self.addressees.contains(word)
    }

    /// Whether a folded word marks a note on anonymity (طلب عدم الكشف عن اسمه).
    pub fn is_anonymity(&self, word: &str) -> bool {
        self.anonymity.contains(word)
    }

    /// Whether a folded word is a manner adverb (بشدة، مجددا), or a plural
    /// of a listed participle (مطالبين) that is no role word (متحدثين).
    pub fn is_manner(&self, word: &str) -> bool {
        self.manner.contains(word)
            // Asked of most words: the plurals all end in ن.
            || word.ends_with('ن') && self.manner_plurals.contains(word)
    }

    /// Whether a phrase opening with this folded word cannot be a verb's
    /// subject (a demonstrative, negation, question word or adverb), so the
    /// subject is the pronoun in the verb.
    pub fn opens_no_subject(&self, word: &str) -> bool {
        self.not_subject.contains(word) || self.manner.contains(word)
    }

    /// Whether a folded word is a demonstrative (هذا، تلك).
    pub fn is_demonstrative(&self, word: &str) -> bool {
        self.demonstratives.contains(word)
    }

    /// Whether a folded word opens a verb's object (بما، عما), so the words
    /// after the verb do not name its subject.
    pub fn opens_object(&self, word: &str) -> bool {
        self.object_openers.contains(word)
    }

    /// Whether a folded word is a common first name.
    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word)
    }

    /// Length in words of an anaphoric phrase (من جهته) at `words`.
    pub fn anaphora_at<'a>(&self, words: impl Iterator<Item = &'a str> + Clone) -> Option<usize> {
        self.anaphora.match_at(words)
    }

    /// Whether two bare role words may name the same person (سفير، دبلوماسي).
    pub fn same_role(&self, a: &str, b: &str) -> bool {
        a == b || self.role_class.get(a).is_some_and(|x| self.role_class.get(b) == Some(x))
    }

    /// Whether a folded word opens an adverbial phrase (قبل، خلال، بشأن).
    pub fn is_adverbial(&self, word: &str) -> bool {
        self.adverbial.contains(word) || self.adverbial.contains(without_pronoun(word))
    }

    /// Whether a folded word is a preposition whose object follows.
    pub fn is_preposition(&self, word: &str) -> bool {
        self.prepositions.contains(word)
    }

    /// Whether a folded word names a team, club or facility (نادي، منتخب،
    /// مطار): with ل or ب glued on, part of a role (المدرب السابق لنادي
    /// إشبيلية، مدير العلاقات العامة بمطار الملك فهد).
    pub fn is_body(&self, word: &str) -> bool {
        self.bodies.contains(word)
    }

    /// Whether a folded word means "the same" before a noun (ذات، نفس).
    pub fn is_sameness(&self, word: &str) -> bool {
        self.sameness.contains(word)
    }

    /// Whether a folded word opens a region's name (منطقة، محافظة), bare or
    /// after ب، ل or و.
    pub fn is_place_head(&self, word: &str) -> bool {
        self.place_heads.contains(word) || word.strip_prefix(['ب', 'ل', 'و']).is_some_and(|r| self.place_heads.contains(r))
    }

    /// Whether a folded word is a quantity that opens a description before
    /// من (عدد من الأعضاء).
    pub fn is_quantifier(&self, word: &str) -> bool {
        self.quantifiers.contains(word)
    }

    /// Whether a folded word counts the nouns after it (عدة، ثلاثة), or is
    /// a number written in digits.
    pub fn is_count(&self, word: &str) -> bool {
        self.counts.contains(word) || !word.is_empty() && word.chars().all(|c| c.is_ascii_digit())
    }

    /// Praise after a name at `words` (تعالى، صلى الله عليه وسلم): its
    /// length in words, and whether it is divine.
    pub fn epithet_at<'a>(&self, words: impl Iterator<Item = &'a str> + Clone) -> Option<(usize, bool)> {
        self.divine_epithets
            .match_at(words.clone())
            .map(|n| (n, true))
            .or_else(|| self.epithets.match_at(words).map(|n| (n, false)))
    }

    /// Whether a folded word is an honorific pronoun (سموه، معاليه).
    pub fn is_honorific(&self, word: &str) -> bool {
        self.honorifics.contains(word)
    }

    /// The folded title words that name the person a folded honorific
    /// stands for (سموه: الأمير).
    pub fn honorific_titles(&self, word: &str) -> &[String] {
        self.honorific_titles.get(word).map_or(&[], Vec::as_slice)
    }

    /// Whether a folded word is a borrowed rank that stands right before a
    /// name (كولونيل).
    pub fn is_rank(&self, word: &str) -> bool {
        self.ranks.contains(word)
    }

    /// Whether a folded word is "the source" itself (المصدر، المصادر), a
    /// description any source quoted before may take.
    pub fn is_source_noun(&self, word: &str) -> bool {
        self.source_nouns.contains(word)
    }

    /// Whether a folded word names a city or region that, with ب or ل glued
    /// on after a role, is the role's place (رئيس النادي الأدبي بجدة).
    pub fn is_city(&self, word: &str) -> bool {
        self.cities.contains(word)
    }

    /// Whether a folded word names what a source said, not the source
    /// (بحسب تصريحات بولتون، حسب تعبير البيان).
    pub fn is_speech_noun(&self, word: &str) -> bool {
        self.speech_nouns.contains(word)
    }

    /// Whether a folded word, without ال, names a relative (والدة، شقيق).
    pub fn is_kinship(&self, word: &str) -> bool {
        self.kinship.contains(word)
    }

    /// Whether a folded word, without ال, is a role whose holder speaks in
    /// the outlet that employs them (الكاتب، المراسل).
    pub fn is_writer(&self, word: &str) -> bool {
        self.writers.contains(word)
    }

    /// Whether a folded word means "on behalf of" (باسم).
    pub fn is_speaks_for(&self, word: &str) -> bool {
        self.speaks_for.contains(word)
    }

    /// Whether a folded word is a role a spokesperson speaks for (الرئيس، وزير).
    pub fn is_principal(&self, word: &str) -> bool {
        self.principals.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_are_generated_and_folded() {
        let r = Rules::embedded();
        let f = r.marker("واضافت").expect("وأضافت is a marker");
        assert_eq!(r.lemmas[f.lemma], "أضاف");
        assert_eq!(f.agreement, Agreement::Feminine);
        let p = r.marker("مشيرا").expect("مشيرا is a marker");
        assert_eq!(p.class, MarkerClass::Participle);
        assert_eq!(r.marker("ووفقا").map(|f| f.class), Some(MarkerClass::Preposition));
        assert!(r.marker("المتوقع").is_none());
    }

    #[test]
    fn a_bad_entry_names_file_and_entry() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("markers.toml"), "[[verb]]\nlemma = \"قال\"\n[[preposition]]\nlemma=\"x\"\nforms=[\"y\"]\n[clause]\nappear=[]\nimpersonal=[]\ncomplementizers=[]\nnot_after=[]\nblocked_after=[]\nbridges=[]\nself_sources=[]\n").unwrap();
        let err = Rules::from_dir(dir.path()).unwrap_err().to_string();
        assert!(err.contains("markers.toml") && err.contains("verb قال"), "{err}");
    }

    /// The error from loading the rules with one embedded file edited
    /// (`from` replaced by `to`); the other files fall back to the
    /// embedded ones.
    fn error_with_edit(file: &str, from: &str, to: &str) -> String {
        let dir = tempfile::tempdir().unwrap();
        let (_, embedded) = EMBEDDED.iter().find(|(n, _)| *n == file).unwrap();
        let edited = embedded.replace(from, to);
        assert_ne!(&edited, embedded, "{from} is not in {file}");
        std::fs::write(dir.path().join(file), edited).unwrap();
        Rules::from_dir(dir.path()).unwrap_err().to_string()
    }

    #[test]
    fn a_relative_object_must_be_a_verb_lemma() {
        let err = error_with_edit("markers.toml", "relative_objects = [\"قال\"]", "relative_objects = [\"همس\"]");
        assert!(err.contains("markers.toml") && err.contains("relative_objects همس"), "{err}");
    }

    #[test]
    fn an_as_said_verb_must_be_a_verb_lemma() {
        let err = error_with_edit("markers.toml", "as_said = [\"قال\"", "as_said = [\"همس\"");
        assert!(err.contains("markers.toml") && err.contains("as_said همس"), "{err}");
    }

    #[test]
    fn an_honorific_with_titles_must_be_an_honorific() {
        let err = error_with_edit(
            "entities.toml",
            "honorifics = [\"سموه\", \"سموها\"]",
            "honorifics = [\"سموه\", \"حضرته\"]",
        );
        assert!(err.contains("entities.toml") && err.contains("honorific_titles حضرته"), "{err}");
    }
}
