//! Repair of scraping damage that hides words from the rules: words run
//! together ("onSaturday", "tovisit", "inlate 2016", "of35").
//!
//! Repair only *inserts* spaces, so every offset in the repaired text maps
//! back to the original text by subtracting the insertions before it.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// A text with spaces inserted where words were run together.
#[derive(Debug, Clone, Default)]
pub struct Repaired {
    /// The repaired text.
    pub text: String,
    /// Byte offsets (in `text`) of the inserted spaces, ascending.
    inserted: Vec<usize>,
}

impl Repaired {
    /// Maps a byte offset in the repaired text to the original text.
    #[must_use]
    pub fn to_original(&self, pos: usize) -> usize {
        let before = self.inserted.partition_point(|&i| i < pos);
        pos - before
    }

    /// Number of spaces inserted.
    #[must_use]
    pub fn insertions(&self) -> usize {
        self.inserted.len()
    }
}

struct Glue {
    prefixes: HashSet<String>,
    words: HashSet<String>,
    keep: HashSet<String>,
    /// `words` and `keep` together: a word in it is never split, and most
    /// words of a text are in it — one lookup tells.
    whole: HashSet<String>,
    /// Prefixes by their first byte, longest first, and words by their
    /// first byte, shortest first: a run-together word is tried against
    /// the few that could start it, not hashed at every length (most
    /// lower-case words of a text come this far).
    prefixes_by_first: Vec<Vec<String>>,
    words_by_first: Vec<Vec<String>>,
}

/// Entries of `set` grouped by first byte, by length (longest first when
/// `longest_first`), then alphabetically.
fn by_first(set: &HashSet<String>, longest_first: bool) -> Vec<Vec<String>> {
    let mut groups: Vec<Vec<String>> = vec![Vec::new(); 256];
    for entry in set.iter().filter(|e| e.is_ascii()) {
        if let Some(&first) = entry.as_bytes().first() {
            groups[usize::from(first)].push(entry.clone());
        }
    }
    for group in &mut groups {
        group.sort_by(|a, b| {
            let by_length = a.len().cmp(&b.len());
            if longest_first {
                by_length.reverse()
            } else {
                by_length
            }
            .then_with(|| a.cmp(b))
        });
    }
    groups
}

static GLUE: LazyLock<Glue> = LazyLock::new(|| {
    let data = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/text/glue.tsv"));
    let mut glue = Glue {
        prefixes: HashSet::default(),
        words: HashSet::default(),
        keep: HashSet::default(),
        whole: HashSet::default(),
        prefixes_by_first: Vec::new(),
        words_by_first: Vec::new(),
    };
    for (role, words) in super::word_lists(data) {
        let words = words.map(str::to_owned);
        match role {
            "prefix" => glue.prefixes.extend(words),
            "word" => glue.words.extend(words),
            "keep" => glue.keep.extend(words),
            _ => {}
        }
    }
    glue.whole = glue.words.union(&glue.keep).cloned().collect();
    // Longest prefix first so "against" wins over "a…" style overlaps.
    glue.prefixes_by_first = by_first(&glue.prefixes, true);
    glue.words_by_first = by_first(&glue.words, false);
    glue
});

/// Inserts spaces where words were run together. Returns the text unchanged
/// (no insertions) when nothing looks damaged.
#[must_use]
pub fn repair(text: &str) -> Repaired {
    let glue = &*GLUE;
    let mut out = String::with_capacity(text.len() + 16);
    let mut inserted = Vec::new();
    let mut last = 0;
    for (start, end) in word_runs(text) {
        let word = &text[start..end];
        let splits = split_points(word, glue);
        if splits.is_empty() {
            continue;
        }
        out.push_str(&text[last..start]);
        let mut from = 0;
        for split in splits {
            out.push_str(&word[from..split]);
            inserted.push(out.len());
            out.push(' ');
            from = split;
        }
        out.push_str(&word[from..]);
        last = end;
    }
    out.push_str(&text[last..]);
    Repaired {
        text: out,
        inserted,
    }
}

/// Byte ranges of maximal runs of letters and digits.
fn word_runs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let start = next_of_class(text, pos, true)?;
        let end = next_of_class(text, start, false).unwrap_or(text.len());
        pos = end;
        Some((start, end))
    })
}

/// The first char boundary at or after `from` whose char is alphanumeric
/// (`alnum`) or not.
fn next_of_class(text: &str, from: usize, alnum: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    // Byte by byte while ASCII (nearly all of a news text); a char only
    // where one begins beyond it.
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() == alnum {
                return Some(i);
            }
            i += 1;
        } else {
            let c = text.get(i..)?.chars().next()?;
            if c.is_alphanumeric() == alnum {
                return Some(i);
            }
            i += c.len_utf8();
        }
    }
    None
}

/// Where to split one run of letters/digits (byte offsets within `word`).
fn split_points(word: &str, glue: &Glue) -> Vec<usize> {
    let mut splits = Vec::new();
    // Rule "glue.case": lower→Upper inside a word ("onSaturday", "RussianDeputy").
    // An ASCII word in lower case after its first letter has no such step:
    // most words skip the look char by char.
    let plain = word
        .as_bytes()
        .get(1..)
        .is_some_and(|rest| rest.iter().all(u8::is_ascii_lowercase));
    if !plain {
        let mut prev: Option<char> = None;
        let (mut chars, mut first_upper) = (0usize, false);
        for (i, b) in word.char_indices() {
            if let Some(a) = prev
                && a.is_lowercase()
                && b.is_uppercase()
            {
                // `i` is where the capital starts; the prefix before it has `chars` chars.
                let is_name_prefix = chars <= 3 && first_upper;
                if !is_name_prefix && chars != 1 {
                    splits.push(i);
                }
            }
            if chars == 0 {
                first_upper = b.is_uppercase();
            }
            chars += 1;
            prev = Some(b);
        }
        if !splits.is_empty() {
            return splits;
        }
    }
    // The other repairs concern ASCII words only: all lower case, or letters
    // then digits ("in2016"). Most words are neither and cost no allocation.
    let digit = word.find(|c: char| c.is_ascii_digit());
    let all_lower = word.bytes().all(|c| c.is_ascii_lowercase());
    if !all_lower && digit.is_none_or(|pos| pos == 0) {
        return splits;
    }
    if !word.is_ascii() {
        return splits;
    }
    let lower: std::borrow::Cow<'_, str> = if all_lower {
        word.into()
    } else {
        word.to_ascii_lowercase().into()
    };
    let lower = lower.as_ref();
    if glue.whole.contains(lower) {
        return splits;
    }
    // Rule "glue.prefix_digits": "of35", "to455".
    if let Some(pos) = digit
        && pos > 0
        && word[pos..].bytes().all(|c| c.is_ascii_digit())
        && lower.get(..pos).is_some_and(|p| glue.prefixes.contains(p))
    {
        return vec![pos];
    }
    if !all_lower {
        return splits;
    }
    // Rule "glue.prefix_word": "tovisit", "inlate", "ofthe".
    // Longest prefix first, leaving at least two letters.
    for prefix in starting(&glue.prefixes_by_first, lower) {
        let rest = lower.get(prefix.len()..).unwrap_or_default();
        if rest.len() >= 2 && (glue.words.contains(rest) || glue.prefixes.contains(rest)) {
            return vec![prefix.len()];
        }
    }
    // Rule "glue.word_word": "presidentapproved" — both halves known words
    // of four letters or more, the shortest head first.
    if lower.len() < 8 {
        return splits;
    }
    for head in starting(&glue.words_by_first, lower) {
        let tail = lower.get(head.len()..).unwrap_or_default();
        if head.len() >= 4 && tail.len() >= 4 && glue.words.contains(tail) {
            return vec![head.len()];
        }
    }
    splits
}

/// The entries of `groups` (grouped by first byte) that `word` starts with.
fn starting<'a>(groups: &'a [Vec<String>], word: &'a str) -> impl Iterator<Item = &'a String> {
    let first = usize::from(word.as_bytes().first().copied().unwrap_or_default());
    groups
        .get(first)
        .into_iter()
        .flatten()
        // The second byte first: most candidates part there, without a
        // call to compare.
        .filter(move |p| {
            p.as_bytes()
                .get(1)
                .is_none_or(|b| word.as_bytes().get(1) == Some(b))
                && word.starts_with(p.as_str())
        })
}

#[cfg(test)]
mod tests {
    use super::repair;

    fn check(input: &str, expected: &str) {
        let repaired = repair(input);
        assert_eq!(repaired.text, expected, "repairing {input:?}");
        // Every repaired char maps back to the same char in the original.
        for (i, c) in repaired.text.char_indices() {
            if c != ' ' {
                let orig = repaired.to_original(i);
                assert_eq!(
                    input[orig..].chars().next(),
                    Some(c),
                    "offset {i} of {input:?}"
                );
            }
        }
    }

    #[test]
    fn splits_run_together_words() {
        check(
            "Rogozin is set tovisit Iran onSaturday",
            "Rogozin is set to visit Iran on Saturday",
        );
        check(
            "expulsion of35 staff inlate 2016",
            "expulsion of 35 staff in late 2016",
        );
        check(
            "RussianDeputy Prime Minister",
            "Russian Deputy Prime Minister",
        );
        check(
            "The US presidentapproved the bill",
            "The US president approved the bill",
        );
        check("fromthe United States", "from the United States");
    }

    #[test]
    fn leaves_real_words_and_names_alone() {
        for text in [
            "McCain met DeSantis on YouTube with an iPhone today",
            "They went into town together tonight, often informed",
            "Kazakhstan and Thailand signed a format agreement in 2019",
            "a G20 summit on COVID-19 and H1N1",
        ] {
            check(text, text);
        }
    }
}
