//! Trigger prefilter (`assets/temporal/triggers.tsv`): one Aho-Corasick pass
//! finds every trigger string; each rule's regex then runs only in windows
//! around its own triggers instead of over the whole text.

use super::lexicon::Lexicon;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::collections::HashMap;

const DATA: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/temporal/triggers.tsv"
));

/// Bytes of context kept before a trigger (modifiers, weekday prefixes…).
const BACK: usize = 64;
/// Bytes kept after a trigger, then extended to the next whitespace.
const FORWARD: usize = 64;

/// Compiled triggers.
pub struct Prefilter {
    automaton: Option<AhoCorasick>,
    /// Trigger pattern → rules (indices) it serves.
    pattern_rules: Vec<Vec<usize>>,
    /// Trigger pattern → must end a word (month and weekday names).
    whole_word: Vec<bool>,
    /// Rules with no trigger list: run over the whole text.
    unfiltered: Vec<bool>,
}

impl Prefilter {
    /// Builds the prefilter for rules named `names` (in rule order).
    #[must_use]
    pub fn new(names: &[&str], lex: &Lexicon) -> Self {
        let mut by_rule: HashMap<&str, Vec<(String, bool)>> = HashMap::new();
        for fields in crate::text::data_rows(DATA) {
            let (Some(&rule), Some(&words)) = (fields.first(), fields.get(1)) else {
                continue;
            };
            let mut out = Vec::new();
            for w in words.split_whitespace() {
                match w {
                    "#month" => out.extend(lex.months.keys().map(|m| (m.clone(), true))),
                    "#weekday" => out.extend(lex.weekdays.keys().map(|d| (d.clone(), true))),
                    "#digit" => out.extend((0..10).map(|d| (d.to_string(), false))),
                    "#unit" => out.extend(lex.units.keys().map(|u| {
                        (
                            if u == "century" {
                                "centur".to_owned()
                            } else {
                                u.clone()
                            },
                            false,
                        )
                    })),
                    "#refs" => {
                        out.extend(lex.refs.keys().filter_map(|r| {
                            r.split_whitespace().last().map(|w| (w.to_owned(), true))
                        }));
                    }
                    _ => out.push((w.to_owned(), false)),
                }
            }
            by_rule.insert(rule, out);
        }
        let mut patterns: Vec<String> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut pattern_rules: Vec<Vec<usize>> = Vec::new();
        let mut whole_word: Vec<bool> = Vec::new();
        let mut unfiltered = vec![true; names.len()];
        for (rule, name) in names.iter().enumerate() {
            let Some(words) = by_rule.get(name) else {
                continue;
            };
            if let Some(flag) = unfiltered.get_mut(rule) {
                *flag = false;
            }
            for (w, whole) in words {
                let w = w.to_lowercase();
                let id = *index.entry(w.clone()).or_insert_with(|| {
                    patterns.push(w.clone());
                    pattern_rules.push(Vec::new());
                    whole_word.push(*whole);
                    patterns.len() - 1
                });
                if let Some(flag) = whole_word.get_mut(id) {
                    *flag &= *whole;
                }
                if let Some(list) = pattern_rules.get_mut(id)
                    && !list.contains(&rule)
                {
                    list.push(rule);
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .ok();
        if automaton.is_none() {
            unfiltered.fill(true);
        }
        Self {
            automaton,
            pattern_rules,
            whole_word,
            unfiltered,
        }
    }

    /// For each rule, the byte windows (sorted, disjoint, on char
    /// boundaries) of `text` it must be run on.
    #[must_use]
    pub fn windows(&self, text: &str) -> Vec<Vec<(usize, usize)>> {
        let mut out: Vec<Vec<(usize, usize)>> = self
            .unfiltered
            .iter()
            .map(|&all| {
                if all {
                    vec![(0, text.len())]
                } else {
                    Vec::new()
                }
            })
            .collect();
        let Some(ac) = &self.automaton else {
            return out;
        };
        let bytes = text.as_bytes();
        for m in ac.find_overlapping_iter(text) {
            let Some(rules) = self.pattern_rules.get(m.pattern().as_usize()) else {
                continue;
            };
            // Word triggers (and the two-digit year starts) count only at the start of a word.
            let first = bytes.get(m.start()).copied().unwrap_or(b' ');
            let prev = m
                .start()
                .checked_sub(1)
                .and_then(|i| bytes.get(i))
                .copied()
                .unwrap_or(b' ');
            let year_digits = m.len() == 2
                && first.is_ascii_digit()
                && bytes.get(m.start() + 1).is_some_and(u8::is_ascii_digit);
            if (first.is_ascii_alphabetic() || year_digits) && prev.is_ascii_alphanumeric() {
                continue;
            }
            if self.whole_word.get(m.pattern().as_usize()) == Some(&true)
                && bytes.get(m.end()).is_some_and(u8::is_ascii_alphanumeric)
            {
                continue;
            }
            let start = floor_char(text, m.start().saturating_sub(BACK));
            let mut end = (m.end() + FORWARD).min(text.len());
            while end < text.len() && !bytes.get(end).is_some_and(u8::is_ascii_whitespace) {
                end += 1;
            }
            for &r in rules {
                let Some(list) = out.get_mut(r) else { continue };
                match list.last_mut() {
                    Some(prev_window) if start <= prev_window.1 => {
                        prev_window.1 = prev_window.1.max(end);
                    }
                    _ => list.push((start, end)),
                }
            }
        }
        out
    }
}

/// The largest char boundary at or below `i`.
fn floor_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
