//! Countries (names, short forms, demonyms, capitals) and organisations,
//! loaded from `assets/gazetteer/*.tsv` and matched with one Aho-Corasick
//! automaton, case-sensitively and on whole words.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::sync::LazyLock;

/// What a gazetteer name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    /// A country's name or short form ("Iran", "U.S.").
    Country,
    /// A demonym or adjective ("Iranian").
    Demonym,
    /// A capital standing for its government ("Tehran").
    Capital,
    /// An organisation ("State Duma", "UN Security Council").
    Organization,
}

/// One gazetteer match in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entity {
    /// Byte start in the searched text.
    pub start: usize,
    /// Byte end.
    pub end: usize,
    /// Canonical name: the country, or the organisation.
    pub name: &'static str,
    /// The country it belongs to (itself for a country, none for international bodies).
    pub country: Option<&'static str>,
    /// What it is.
    pub kind: EntityKind,
}

#[derive(Debug, Clone, Copy)]
struct Target {
    name: &'static str,
    country: Option<&'static str>,
    kind: EntityKind,
}

/// The loaded gazetteer.
pub struct Gazetteer {
    automaton: Option<AhoCorasick>,
    targets: Vec<Target>,
    /// Every name, for the whole-word test done once per capitalised word.
    names: rustc_hash::FxHashSet<&'static str>,
}

const COUNTRIES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/gazetteer/countries.tsv"
));
const ORGANIZATIONS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/gazetteer/organizations.tsv"
));

/// Data rows with trimmed fields, without the column-name header row.
fn data_lines(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    crate::text::data_rows(data)
        .map(|fields| fields.into_iter().map(str::trim).collect::<Vec<_>>())
        .filter(|f| f.first().is_some_and(|n| *n != "name"))
}

fn alternatives(field: Option<&&'static str>) -> impl Iterator<Item = &'static str> {
    field
        .copied()
        .unwrap_or_default()
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut patterns: Vec<&'static str> = Vec::new();
    let mut targets = Vec::new();
    let mut add = |pattern: &'static str, target: Target| {
        // Single letters are too ambiguous to be names.
        if pattern.chars().count() >= 2 {
            patterns.push(pattern);
            targets.push(target);
        }
    };
    for fields in data_lines(COUNTRIES) {
        let Some(&name) = fields.first() else {
            continue;
        };
        let country = Target {
            name,
            country: Some(name),
            kind: EntityKind::Country,
        };
        add(name, country);
        for alias in alternatives(fields.get(3)) {
            add(alias, country);
        }
        for demonym in alternatives(fields.get(4)) {
            add(
                demonym,
                Target {
                    kind: EntityKind::Demonym,
                    ..country
                },
            );
        }
        for capital in alternatives(fields.get(5)) {
            add(
                capital,
                Target {
                    kind: EntityKind::Capital,
                    ..country
                },
            );
        }
    }
    for fields in data_lines(ORGANIZATIONS) {
        let Some(&name) = fields.first() else {
            continue;
        };
        let country = fields.get(2).copied().filter(|c| !c.is_empty());
        let org = Target {
            name,
            country,
            kind: EntityKind::Organization,
        };
        add(name, org);
        for alias in alternatives(fields.get(1)) {
            add(alias, org);
        }
    }
    let automaton = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&patterns)
        .ok();
    let names = patterns.iter().copied().collect();
    Gazetteer {
        automaton,
        targets,
        names,
    }
});

impl Gazetteer {
    /// The gazetteer built from the bundled data.
    #[must_use]
    pub fn get() -> &'static Self {
        &GAZETTEER
    }

    /// Every whole-word mention in `text`, in order.
    #[must_use]
    pub fn find(&self, text: &str) -> Vec<Entity> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        automaton
            .find_iter(text)
            .filter(|m| is_word_boundary(text, m.start(), m.end()))
            .filter_map(|m| {
                let target = self.targets.get(m.pattern().as_usize())?;
                Some(Entity {
                    start: m.start(),
                    end: m.end(),
                    name: target.name,
                    country: target.country,
                    kind: target.kind,
                })
            })
            .collect()
    }

    /// The country a canonical actor name belongs to: itself for a
    /// country, its state for a national body ("State Duma" → Russia), none
    /// for international bodies and unknown names.
    #[must_use]
    pub fn country_of(&self, name: &str) -> Option<&'static str> {
        self.targets
            .iter()
            .find(|t| t.name == name)
            .and_then(|t| t.country)
    }

    /// Whether `word` is a known name of any kind (used to tell names of
    /// people from names of places).
    #[must_use]
    pub fn is_known(&self, word: &str) -> bool {
        // The same as `find` matching the whole word: with leftmost-longest
        // matching, that happens exactly when the word is itself a name.
        self.automaton.is_some() && self.names.contains(word)
    }
}

fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    // A name ending in a full stop ("U.S.") may be followed by anything.
    let ends_with_dot = text[..end].ends_with('.');
    before.is_none_or(|c| !c.is_alphanumeric())
        && (ends_with_dot || after.is_none_or(|c| !c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::{EntityKind, Gazetteer};

    fn names(text: &str) -> Vec<(String, EntityKind)> {
        Gazetteer::get()
            .find(text)
            .into_iter()
            .map(|e| (e.country.unwrap_or(e.name).to_owned(), e.kind))
            .collect()
    }

    #[test]
    fn finds_countries_demonyms_capitals_and_short_forms() {
        let found = names("Iranian officials in Tehran said the U.S. and Russia's State Duma");
        let countries: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            countries,
            ["Iran", "Iran", "United States", "Russia", "Russia"]
        );
        assert_eq!(found.first().map(|f| f.1), Some(EntityKind::Demonym));
        assert_eq!(found.get(1).map(|f| f.1), Some(EntityKind::Capital));
    }

    #[test]
    fn only_whole_words_match() {
        assert!(names("Irania Russiaville us").is_empty());
    }
}
