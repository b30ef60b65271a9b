//! Events: trigger rules (data in `assets/events/triggers.tsv`), actors and
//! people from the gazetteer, modality, and the link from each event to the
//! time expression that dates it.

mod clauses;
mod extract;
mod frames;
mod gazetteer;
mod kinds;
mod lexicon;
pub mod mention;
mod merge;
mod people;

use serde::{Deserialize, Serialize};

pub use extract::{EventExtractor, RawEvent};
pub use frames::{Frame, FrameType, Frames, frames};
pub use gazetteer::{Entity, EntityKind, Gazetteer};
pub use kinds::{KIND_RULES, KindRule, kind_rule, kinds_rule_lines};
pub use lexicon::{Lexicon, Rule, RuleClass, rules};
pub use merge::{Mention, Mentions, merge_groups};
pub use people::{PersonMention, find_people};

/// The kinds of event Dateline puts on the timeline (the README lists them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// A visit or trip (CAMEO 042/043).
    Visit,
    /// A meeting, talks, a press conference.
    Meeting,
    /// A phone call.
    Call,
    /// A dated public statement or interview.
    Statement,
    /// Treaties and agreements: signed, extended, withdrawn from (CAMEO 057).
    Agreement,
    /// Sanctions imposed, lifted, restored (CAMEO 163).
    Sanctions,
    /// Arms deals, military cooperation, exercises.
    Military,
    /// Bills and laws.
    Legislation,
    /// Other diplomatic acts: countermeasures, protests, summoning envoys.
    Diplomatic,
    /// Expulsions of diplomats or staff (CAMEO 166).
    Expulsion,
    /// Attacks, operations, fighting.
    Conflict,
    /// Trade, finance, energy.
    Economy,
    /// Elections, votes, inaugurations.
    Election,
    /// Companies: results, deals, launches, recalls, layoffs, bankruptcies.
    Business,
    /// Markets: an index, a share or a price rising, falling, closing.
    Markets,
    /// Politics: votes in parliament, bills passed, governments formed.
    Politics,
    /// Law: rulings, charges, arrests, lawsuits, trials, sentences.
    Legal,
    /// Disasters and accidents: earthquakes, floods, crashes, fires.
    Disaster,
    /// Health: outbreaks, cases, deaths from disease, treatments approved.
    Health,
    /// Science and technology: discoveries, releases, launches into space.
    Science,
    /// Sport: matches, wins, records, transfers.
    Sport,
    /// Culture: films, books, awards, exhibitions, deaths of artists.
    Culture,
    /// People in office or in a job: appointments, resignations, deaths.
    Personnel,
    /// Anything reported that no other kind names.
    Other,
}

impl EventKind {
    /// Every kind, in lane order.
    pub const ALL: [Self; 24] = [
        Self::Visit,
        Self::Meeting,
        Self::Call,
        Self::Statement,
        Self::Agreement,
        Self::Sanctions,
        Self::Military,
        Self::Legislation,
        Self::Diplomatic,
        Self::Expulsion,
        Self::Conflict,
        Self::Economy,
        Self::Election,
        Self::Business,
        Self::Markets,
        Self::Politics,
        Self::Legal,
        Self::Disaster,
        Self::Health,
        Self::Science,
        Self::Sport,
        Self::Culture,
        Self::Personnel,
        Self::Other,
    ];

    /// The contract's spelling.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Visit => "visit",
            Self::Meeting => "meeting",
            Self::Call => "call",
            Self::Statement => "statement",
            Self::Agreement => "agreement",
            Self::Sanctions => "sanctions",
            Self::Military => "military",
            Self::Legislation => "legislation",
            Self::Diplomatic => "diplomatic",
            Self::Expulsion => "expulsion",
            Self::Conflict => "conflict",
            Self::Economy => "economy",
            Self::Election => "election",
            Self::Business => "business",
            Self::Markets => "markets",
            Self::Politics => "politics",
            Self::Legal => "legal",
            Self::Disaster => "disaster",
            Self::Health => "health",
            Self::Science => "science",
            Self::Sport => "sport",
            Self::Culture => "culture",
            Self::Personnel => "personnel",
            Self::Other => "other",
        }
    }

    /// Parses the contract's spelling.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Position in [`Self::ALL`], used as the timeline lane.
    #[must_use]
    pub fn lane(self) -> usize {
        Self::ALL.iter().position(|k| *k == self).unwrap_or(0)
    }
}

/// Where an event's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// A time expression in the event's own clause.
    Text,
    /// A time expression elsewhere in its sentence (a fronted "Last week,").
    Sentence,
    /// The story's current date from earlier sentences.
    Context,
    /// Its article's publication day: an event reported as just having
    /// happened, with no date of its own (approximate).
    Published,
    /// The user's correction.
    User,
}

impl DateSource {
    /// The contract's spelling.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Sentence => "sentence",
            Self::Context => "context",
            Self::Published => "published",
            Self::User => "user",
        }
    }
}

/// Whether the text reports the event as done, planned, denied or rumoured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Reported as having happened.
    #[default]
    Happened,
    /// Will happen, is expected or hoped for.
    Planned,
    /// Explicitly did not happen.
    Negated,
    /// Reported with doubt ("reportedly").
    Uncertain,
}

impl Modality {
    /// The contract's spelling.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Happened => "happened",
            Self::Planned => "planned",
            Self::Negated => "negated",
            Self::Uncertain => "uncertain",
        }
    }
}
