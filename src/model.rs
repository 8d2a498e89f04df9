//! The records the pipeline produces.

use serde::Serialize;

/// How the claim is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteType {
    /// All inside quotation marks.
    Direct,
    /// No quotation marks.
    Indirect,
    /// Reported speech with quoted pieces.
    Mixed,
}

impl QuoteType {
    /// The CSV spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteType::Direct => "direct",
            QuoteType::Indirect => "indirect",
            QuoteType::Mixed => "mixed",
        }
    }
}

/// What kind of source a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerType {
    Person,
    Organization,
    Outlet,
    Document,
    Unnamed,
}

impl SpeakerType {
    /// The CSV spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerType::Person => "person",
            SpeakerType::Organization => "organization",
            SpeakerType::Outlet => "outlet",
            SpeakerType::Document => "document",
            SpeakerType::Unnamed => "unnamed",
        }
    }
}

/// One attributed claim, with offsets into the decoded document text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim {
    pub claim_id: usize,
    pub speaker: String,
    pub speaker_type: SpeakerType,
    pub speaker_title: String,
    pub speaker_mention: String,
    pub outlet: String,
    pub cue: String,
    pub cue_text: String,
    pub quote_type: QuoteType,
    pub claim: String,
    /// Code-point offset of the claim's first character.
    pub start: usize,
    /// Code-point offset just past the claim's last character.
    pub end: usize,
}

/// Why a marker did or did not become a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Became a claim.
    Claim,
    /// The marker stands in a headline or subheading.
    Heading,
    /// No complementizer, colon or quotation followed the marker.
    NoClause,
    /// Another marker came before any clause.
    AnotherMarker,
    /// Too many words between the marker and its clause.
    HeadTooLong,
    /// The marker refers back to the current speaker (وفق قوله): it closes
    /// the claim before it.
    SelfSource,
    /// A post-posed marker whose claim was already found by an earlier marker.
    AlreadyClaimed,
    /// A prepositional marker neither opening its sentence nor after a comma.
    NotAMarkerPosition,
    /// The span left for the claim was empty.
    EmptyClaim,
    /// No speaker could be found.
    NoSpeaker,
    /// An impersonal form (يذكر أن، يقال إن) names no source, nor does a
    /// verb whose subject is a relative (وهو ما يشير إلى أن).
    Impersonal,
    /// The marker is negated or conditional (لم يقل، لو اعتقد).
    Negated,
    /// The marker's form is a verbal noun after a negation (فضل عدم كشف
    /// اسمه، دون ذكر تفاصيل): nothing is reported and no one speaks.
    NegatedNoun,
    /// The marker's form is a verbal noun after a preposition (مع توقع أن،
    /// في رد على): nothing is reported.
    VerbalNoun,
    /// على أن after a comma with a verb: a proviso ("provided that"), not a
    /// reported clause.
    Proviso,
    /// A verb of appearing whose place is not a document or outlet
    /// (جاء في المرتبة الثانية): nothing is reported.
    NotASource,
    /// A word after the marker shows its other sense (نقل الرجل إلى
    /// المستشفى "transported"): nothing is reported.
    OtherSense,
    /// يدعى/تدعى meaning "is called" (رجل يدعى يوسف نجاح): the name after
    /// it is noted as a person of the article, nothing is reported.
    Naming,
    /// A stance verb (أشاد، رفض): it names the current speaker but reports no claim.
    SubjectOnly,
    /// A pre-posed outlet before a reporting verb (وبحسب رويترز، قال الوزير):
    /// it is that claim's outlet, not a claim of its own.
    Relayed,
    /// A verb inside another's reported clause whose subject is the pronoun
    /// on the complementizer before it (وأضاف أنه يتوقع ...): the words after
    /// it are its object, and the source is the clause's own.
    PronounSubject,
}

/// The decision taken on one marker occurrence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// Code-point offset of the marker in the document.
    pub start: usize,
    /// Code-point offset just past the marker.
    pub end: usize,
    pub reason: Reason,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub claims: Vec<Claim>,
    pub decisions: Vec<Decision>,
}
