//! The kinds of the events the mention model finds, from
//! `assets/events/kinds.tsv`: each rule names a kind from the trigger's
//! word (its verb lemma, or the noun) and, where the word alone is too
//! general ("fell", "won"), a word of its clause ("shares", "match").

use super::EventKind;
use crate::hash::FnvBuild;
use std::collections::HashSet;
use std::sync::LazyLock;

/// The rule file.
const KINDS_TSV: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/events/kinds.tsv"
));

/// One kind rule.
#[derive(Debug)]
pub struct KindRule {
    /// Unique name (events record `model:<name>`).
    pub name: &'static str,
    /// The recorded rule name, `model:<name>`.
    pub recorded: &'static str,
    /// The kind it gives.
    pub kind: EventKind,
    triggers: HashSet<&'static str, FnvBuild>,
    context: HashSet<&'static str, FnvBuild>,
    /// A sentence it must fire on, its trigger in brackets.
    pub example: &'static str,
}

/// The rules, in file order; a line that does not parse is skipped (a test
/// checks that none is).
pub static KIND_RULES: LazyLock<Vec<KindRule>> = LazyLock::new(|| {
    crate::text::data_rows(KINDS_TSV)
        .filter_map(|f| {
            let [name, kind, triggers, context, example] = f.as_slice() else {
                return None;
            };
            Some(KindRule {
                name,
                recorded: crate::text::names::intern(format!("model:{name}")),
                kind: EventKind::parse(kind)?,
                triggers: triggers.split_whitespace().collect(),
                context: context.split_whitespace().filter(|w| *w != "-").collect(),
                example,
            })
        })
        .collect()
});

/// Number of rule lines in the file (to check that every one parsed).
#[must_use]
pub fn kinds_rule_lines() -> usize {
    crate::text::data_rows(KINDS_TSV).count()
}

/// The forms a trigger is looked up by: the word, its verb lemma, the word
/// without a plural's `s`.
fn forms(word: &str) -> [Option<String>; 3] {
    let low = word.to_lowercase();
    let lemma = crate::text::verb_lemma(&low).map(str::to_owned);
    let singular = low
        .strip_suffix('s')
        .filter(|s| s.len() > 2)
        .map(str::to_owned);
    [Some(low), lemma, singular]
}

/// The first rule that names the trigger `text[trigger]` in the clause
/// `text[clause]`.
#[must_use]
pub fn kind_rule(
    text: &str,
    trigger: (usize, usize),
    clause: (usize, usize),
) -> Option<&'static KindRule> {
    let word = text.get(trigger.0..trigger.1)?;
    let forms = forms(word);
    let mut clause_words: Option<Vec<String>> = None;
    KIND_RULES.iter().find(|rule| {
        let named = forms
            .iter()
            .flatten()
            .any(|f| rule.triggers.contains(f.as_str()));
        if !named {
            return false;
        }
        if rule.context.is_empty() {
            return true;
        }
        let words = clause_words.get_or_insert_with(|| {
            text.get(clause.0..clause.1)
                .unwrap_or_default()
                .split(|c: char| !(c.is_alphanumeric() || matches!(c, '&' | '-' | '.')))
                .filter(|w| !w.is_empty())
                .map(|w| w.trim_end_matches('.').to_lowercase())
                .collect()
        });
        let trigger = forms[0].as_deref().unwrap_or_default();
        words.iter().filter(|w| w.as_str() != trigger).any(|w| {
            rule.context.contains(w.as_str())
                || w.strip_suffix('s')
                    .is_some_and(|s| rule.context.contains(s))
        })
    })
}
