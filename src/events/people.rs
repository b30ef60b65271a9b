//! People's names: a run of capitalised words after a title ("Defense
//! Minister Amir Hatami"), or before an appositive role ("Sergey Shoigu, the
//! Russian defense minister"); later surname-only mentions ("Hatami said")
//! are linked to the full name found earlier in the same document.

use super::Gazetteer;
use regex::Regex;
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// A person mentioned in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonMention {
    /// Byte start of the mention.
    pub start: usize,
    /// Byte end.
    pub end: usize,
    /// The full name ("Amir Hatami"), also for a surname-only mention.
    pub name: String,
}

struct Words {
    title: HashSet<&'static str>,
    head: HashSet<&'static str>,
    org: HashSet<&'static str>,
    stop: HashSet<&'static str>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let data = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/events/people.tsv"
    ));
    let mut words = Words {
        title: HashSet::default(),
        head: HashSet::default(),
        org: HashSet::default(),
        stop: HashSet::default(),
    };
    for (role, list) in crate::text::word_lists(data) {
        let set = match role {
            "title" => &mut words.title,
            "head" => &mut words.head,
            "org" => &mut words.org,
            "stop" => &mut words.stop,
            _ => continue,
        };
        set.extend(list);
    }
    words
});

#[expect(clippy::expect_used, reason = "constant pattern, checked by the tests")]
static APPOSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&crate::text::ascii_rule_pattern(r"(?i)^\s*,\s*(?:the\s+|a\s+|[\w’']+(?:’s|'s)\s+)?(?:[\w-]+\s+){0,3}?(?:minister|ambassador|president|speaker|secretary|spokes\w+|envoy|chief|leader|director|head|commander|official|adviser|advisor|chairman|governor|mayor)\b"))
        .expect("valid constant regex")
});

/// A capitalised word of the text.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// Capitalised words, in text order, and the runs they form (ranges into
/// the words), broken by anything else. Flat, so that a document costs a
/// few allocations, not one per run.
struct Runs<'a> {
    tokens: Vec<Token<'a>>,
    bounds: Vec<std::ops::Range<usize>>,
}

impl<'a> Runs<'a> {
    /// Ends the run being built, if it has any words.
    fn close(&mut self, from: &mut usize) {
        if self.tokens.len() > *from {
            self.bounds.push(*from..self.tokens.len());
        }
        *from = self.tokens.len();
    }

    fn iter(&self) -> impl Iterator<Item = &[Token<'a>]> {
        self.bounds
            .iter()
            .filter_map(|range| self.tokens.get(range.clone()))
    }
}

/// Runs of capitalised words, broken by anything else.
fn capitalised_runs(text: &str) -> Runs<'_> {
    let mut runs = Runs {
        tokens: Vec::new(),
        bounds: Vec::new(),
    };
    let mut from = 0;
    let mut pos = 0;
    for raw in words_with_space(text) {
        let start = pos;
        pos += raw.len();
        let word = raw.trim_end();
        let core = word.trim_start_matches(['(', '“', '"', '‘', '[']);
        let lead = word.len() - core.len();
        // Most words are not capitalised: they only end the current run.
        if !core.chars().next().is_some_and(char::is_uppercase) {
            runs.close(&mut from);
            continue;
        }
        let trimmed =
            core.trim_end_matches([',', ';', ':', ')', '”', '"', '’', ']', '.', '?', '!']);
        // "U.S." keeps its dots; "Hatami." loses its full stop.
        let trimmed = if core.matches('.').count() > 1 || WORDS.title.contains(core) {
            core
        } else {
            trimmed
        };
        let (name, possessive) = match trimmed
            .strip_suffix("’s")
            .or_else(|| trimmed.strip_suffix("'s"))
        {
            Some(stem) => (stem, true),
            None => (trimmed, false),
        };
        let capitalised = name.chars().next().is_some_and(char::is_uppercase)
            && name
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '’' | '\''));
        let broken = trimmed.len() < core.len() || lead > 0;
        if !capitalised || lead > 0 {
            // Anything else ends the run; a word after an opening bracket
            // or quote starts a new one.
            runs.close(&mut from);
        }
        if capitalised {
            runs.tokens.push(Token {
                start: start + lead,
                end: start + lead + name.len(),
                text: name,
            });
            if broken || possessive {
                runs.close(&mut from);
            }
        }
    }
    runs.close(&mut from);
    runs
}

/// `text` cut after each whitespace char: the same pieces as
/// `split_inclusive(char::is_whitespace)`, found with a plain `char_indices`
/// scan (the closure pattern searcher cost a third of this pass).
fn words_with_space(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    std::iter::from_fn(move || {
        let rest = text.get(start..).filter(|r| !r.is_empty())?;
        let end = rest
            .char_indices()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(rest.len(), |(i, c)| i + c.len_utf8());
        let word = rest.get(..end);
        start += end;
        word
    })
}

fn is_name_word(word: &str, gazetteer: &Gazetteer) -> bool {
    let words = &*WORDS;
    word.chars().count() >= 2
        && !word.contains('.')
        && !words.title.contains(word)
        && !words.org.contains(word)
        && !words.stop.contains(word)
        && word.parse::<chrono::Weekday>().is_err()
        && word.parse::<chrono::Month>().is_err()
        && !gazetteer.is_known(word)
}

/// Finds the people in a document's text (byte offsets into `text`).
#[must_use]
pub fn find_people(text: &str, gazetteer: &Gazetteer) -> Vec<PersonMention> {
    let words = &*WORDS;
    let runs = capitalised_runs(text);
    let mut out: Vec<PersonMention> = Vec::new();
    let mut previous_ends_with_title: Option<usize> = None;
    for run in runs.iter() {
        let last_title = run.iter().rposition(|t| {
            words.title.contains(t.text) || words.org.contains(t.text) || gazetteer.is_known(t.text)
        });
        let has_title = run.iter().any(|t| words.title.contains(t.text));
        let tail = last_title.map_or(run, |i| run.get(i + 1..).unwrap_or_default());
        let length = tail
            .iter()
            .take_while(|t| is_name_word(t.text, gazetteer))
            .take(4)
            .count();
        let name = tail.get(..length).unwrap_or_default();
        // One word is a name only right after a title that stands alone
        // ("President Putin"), ending the run ("Minister Council" is no one).
        let surname_after_head = name.len() == 1
            && tail.len() == 1
            && last_title
                .and_then(|i| run.get(i))
                .is_some_and(|t| words.head.contains(t.text));
        if let (Some(first), Some(last)) = (name.first(), name.last())
            && (name.len() >= 2 || surname_after_head)
        {
            // A title earlier in the run, a title run just before ("Ambassador
            // to Russia Kazzem Jalali"), or an appositive role after the name.
            let near_title = previous_ends_with_title.is_some_and(|end| {
                text.get(end..run.first().map_or(end, |t| t.start))
                    .is_some_and(|gap| gap.split_whitespace().count() <= 3)
            });
            let appositive = APPOSITIVE.is_match(text.get(last.end..).unwrap_or_default());
            if has_title || near_title || appositive {
                let mut full = String::new();
                for (i, t) in name.iter().enumerate() {
                    if i > 0 {
                        full.push(' ');
                    }
                    full.push_str(t.text);
                }
                out.push(PersonMention {
                    start: first.start,
                    end: last.end,
                    name: full,
                });
            }
        }
        previous_ends_with_title = run
            .last()
            .filter(|t| words.title.contains(t.text))
            .map(|t| t.end);
    }
    // Surname-only mentions of people named in full, or after a title.
    out.sort_by_key(|p| p.start);
    let mut known: rustc_hash::FxHashMap<String, String> = rustc_hash::FxHashMap::default();
    for full in [true, false] {
        for p in out.iter().filter(|p| p.name.contains(' ') == full) {
            if let Some(surname) = p.name.rsplit(' ').next() {
                known
                    .entry(surname.to_owned())
                    .or_insert_with(|| p.name.clone());
            }
        }
    }
    // "President Putin" is the Vladimir Putin named elsewhere in the text.
    for p in &mut out {
        if let Some(full) = known.get(&p.name) {
            p.name.clone_from(full);
        }
    }
    let mut extra = Vec::new();
    for run in runs.iter() {
        for token in run {
            let Some(full) = known.get(token.text) else {
                continue;
            };
            // Full mentions are sorted and do not overlap: only the last one
            // starting at or before the token can contain it.
            let inside = out[..out.partition_point(|p| p.start <= token.start)]
                .last()
                .is_some_and(|p| token.end <= p.end);
            if !inside {
                extra.push(PersonMention {
                    start: token.start,
                    end: token.end,
                    name: full.clone(),
                });
            }
        }
    }
    out.extend(extra);
    out.sort_by_key(|p| p.start);
    out
}

#[cfg(test)]
mod tests {
    use super::find_people;
    use crate::events::Gazetteer;

    fn names(text: &str) -> Vec<String> {
        find_people(text, Gazetteer::get())
            .into_iter()
            .map(|p| p.name)
            .collect()
    }

    #[test]
    fn pieces_match_split_inclusive_on_whitespace() {
        for text in [
            "",
            "a",
            "Amir  Hatami\n\nThe\u{a0}Russian\u{2003}x ",
            "\u{b}tab\tend\u{85}é ü",
        ] {
            let fast: Vec<&str> = super::words_with_space(text).collect();
            let slow: Vec<&str> = text.split_inclusive(char::is_whitespace).collect();
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    #[test]
    fn names_after_titles_and_before_roles() {
        assert_eq!(
            names(
                "Iranian Defense Minister Amir Hatami and Sergey Shoigu, the Russian defense minister, met. Hatami said so."
            ),
            ["Amir Hatami", "Sergey Shoigu", "Amir Hatami"]
        );
        assert_eq!(
            names("U.S. Secretary of State Mike Pompeo on Thursday informed the council."),
            ["Mike Pompeo"]
        );
        assert_eq!(
            names(
                "Iranian Ambassador to Russia Kazzem Jalali and Deputy Foreign Minister of the Russian Federation Igor Morgulov stressed it."
            ),
            ["Kazzem Jalali", "Igor Morgulov"]
        );
    }

    #[test]
    fn a_bare_surname_after_a_title() {
        assert_eq!(
            names("Russian Deputy Prime Minister Rogozin will visit Iran. Rogozin said so."),
            ["Rogozin", "Rogozin"]
        );
        // Named in full elsewhere: the full name, before or after.
        assert_eq!(
            names("President Putin spoke. Russian President Vladimir Putin said so."),
            ["Vladimir Putin", "Vladimir Putin"]
        );
        // A title that only qualifies another, or a run that goes on, is no name.
        assert!(names("The Foreign Affairs Committee met General Motors.").is_empty());
        assert!(names("The Prime Minister Office Building").is_empty());
    }

    #[test]
    fn places_and_organisations_are_not_people() {
        assert!(
            names("The Joint High Parliamentary Commission met in Tehran. Press TV reported.")
                .is_empty()
        );
        // An event's name before an appositive role is no person.
        assert_eq!(
            names(
                "The worst crisis since World War II, Hungarian Prime Minister Viktor Orban said."
            ),
            ["Viktor Orban"]
        );
    }
}
