//! The trigger rules, loaded once from `assets/events/triggers.tsv`.

use super::EventKind;
use regex::{Regex, RegexSet, RegexSetBuilder};
use std::sync::LazyLock;

/// How a rule's matches become events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleClass {
    /// An event on its own.
    Strong,
    /// A nominal mention, dropped beside a strong event of another kind in its clause.
    Weak,
    /// A reporting frame, kept only with its own date and nothing else in its clause.
    Report,
}

/// One named trigger rule.
#[derive(Debug)]
pub struct Rule {
    /// Unique name, recorded on every event it makes.
    pub name: String,
    /// The kind of event it makes.
    pub kind: EventKind,
    /// How its matches are used.
    pub class: RuleClass,
    /// The compiled pattern (case-insensitive; group `t` is the trigger).
    pub regex: Regex,
    /// A sentence it must fire on.
    pub example: String,
}

/// All rules plus a set for one-pass prefiltering.
#[derive(Debug)]
pub struct Lexicon {
    /// The rules, in file order.
    pub rules: Vec<Rule>,
    /// The same patterns, for `matches()` over a sentence.
    pub set: RegexSet,
    /// Lines of the data file that could not be used (shown by a test).
    pub errors: Vec<String>,
}

const DATA: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/events/triggers.tsv"
));

/// Case-insensitive, except that `[A-Z]` in a pattern still means a capital
/// (a proper noun follows).
fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    let pattern = crate::text::ascii_rule_pattern(&pattern.replace("[A-Z]", r"(?-i:\p{Lu})"));
    Regex::new(&format!("(?i){pattern}"))
}

static RULES: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut rules = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in DATA.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [name, kind, class, pattern, example] = fields.as_slice() else {
            errors.push(format!("line {}: expected 5 tab-separated fields", n + 1));
            continue;
        };
        let Some(kind) = EventKind::parse(kind) else {
            errors.push(format!("line {}: unknown kind {kind}", n + 1));
            continue;
        };
        let class = match *class {
            "strong" => RuleClass::Strong,
            "weak" => RuleClass::Weak,
            "report" => RuleClass::Report,
            other => {
                errors.push(format!("line {}: unknown class {other}", n + 1));
                continue;
            }
        };
        match compile(pattern) {
            Ok(regex) => rules.push(Rule {
                name: (*name).to_owned(),
                kind,
                class,
                regex,
                example: (*example).to_owned(),
            }),
            Err(err) => errors.push(format!("line {}: {err}", n + 1)),
        }
    }
    // A roomy lazy-DFA cache: with the default one the set thrashes and
    // falls back to the slow NFA simulation on every sentence.
    let set = RegexSetBuilder::new(rules.iter().map(|r| r.regex.as_str()))
        .dfa_size_limit(64 << 20)
        .build()
        .unwrap_or_else(|err| {
            errors.push(format!("rule set: {err}"));
            RegexSet::empty()
        });
    Lexicon { rules, set, errors }
});

/// The trigger rules.
#[must_use]
pub fn rules() -> &'static Lexicon {
    &RULES
}

#[cfg(test)]
mod tests {
    use super::rules;
    use std::collections::HashSet;

    #[test]
    fn every_rule_loads_and_has_a_unique_name() {
        let rules = rules();
        assert!(rules.errors.is_empty(), "{:?}", rules.errors);
        assert!(rules.rules.len() >= 40);
        let names: HashSet<&str> = rules.rules.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names.len(), rules.rules.len());
    }

    #[test]
    fn adjectives_and_idioms_are_not_events() {
        let fires = |name: &str, text: &str| {
            rules()
                .rules
                .iter()
                .find(|r| r.name == name)
                .is_some_and(|r| r.regex.is_match(text))
        };
        assert!(!fires(
            "election.elected",
            "Elected officials warned the agency."
        ));
        assert!(fires("election.elected", "She was elected in 2016."));
        assert!(fires("election.elected", "Rouhani was re-elected."));
        assert!(!fires(
            "military.offensive",
            "Iraq's offensive military equipment was destroyed."
        ));
        assert!(fires(
            "military.offensive",
            "Bush let the ground offensive begin."
        ));
        assert!(!fires(
            "election.voting",
            "It holds 33% of the voting rights."
        ));
        assert!(fires("election.voting", "Voting began on Sunday."));
        let attack = |text: &str| fires("conflict.attack", text) || fires("conflict.struck", text);
        assert!(!attack("The deal was struck with a handshake."));
        assert!(attack("The sites struck overnight were camps."));
        assert!(fires(
            "agreement.struck",
            "The firms struck a deal on Monday."
        ));
        assert!(!fires(
            "meeting.met",
            "Romania tried hard to meet the standards."
        ));
        assert!(!fires(
            "meeting.met",
            "The bank may not meet the capital requirements."
        ));
        assert!(fires(
            "meeting.met",
            "Lawyers left their meeting with federal officials."
        ));
        assert!(fires(
            "meeting.met",
            "Putin met the Turkish president in Sochi."
        ));
        assert!(!attack("The bombed-out embassy will be demolished."));
    }

    #[test]
    fn every_rule_fires_on_its_example() {
        for rule in &rules().rules {
            assert!(
                rule.regex.is_match(&rule.example),
                "rule {} does not fire on its example {:?}",
                rule.name,
                rule.example
            );
        }
    }
}
