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
    /// The longest prefix, in bytes.
    longest_prefix: usize,
    words: HashSet<String>,
    keep: HashSet<String>,
    /// `words` and `keep` together: a word in it is never split, and most
    /// words of a text are in it — one lookup tells.
    whole: HashSet<String>,
}

static GLUE: LazyLock<Glue> = LazyLock::new(|| {
    let data = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/text/glue.tsv"));
    let mut glue = Glue {
        prefixes: HashSet::default(),
        longest_prefix: 0,
        words: HashSet::default(),
        keep: HashSet::default(),
        whole: HashSet::default(),
    };
    for fields in super::data_rows(data) {
        let (Some(&role), Some(&words)) = (fields.first(), fields.get(1)) else {
            continue;
        };
        let words = words.split_whitespace().map(str::to_owned);
        match role {
            "prefix" => glue.prefixes.extend(words),
            "word" => glue.words.extend(words),
            "keep" => glue.keep.extend(words),
            _ => {}
        }
    }
    // Longest prefix first so "against" wins over "a…" style overlaps.
    glue.longest_prefix = glue.prefixes.iter().map(String::len).max().unwrap_or(0);
    glue.whole = glue.words.union(&glue.keep).cloned().collect();
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
    text.get(from..)?
        .char_indices()
        .find(|&(_, c)| c.is_alphanumeric() == alnum)
        .map(|(i, _)| from + i)
}

/// Where to split one run of letters/digits (byte offsets within `word`).
fn split_points(word: &str, glue: &Glue) -> Vec<usize> {
    let mut splits = Vec::new();
    // Rule "glue.case": lower→Upper inside a word ("onSaturday", "RussianDeputy").
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
    // Longest prefix first; the word is ASCII, so every length is a boundary.
    for len in (1..=glue.longest_prefix.min(lower.len().saturating_sub(2))).rev() {
        if let (Some(prefix), Some(rest)) = (lower.get(..len), lower.get(len..))
            && glue.prefixes.contains(prefix)
            && (glue.words.contains(rest) || glue.prefixes.contains(rest))
        {
            return vec![len];
        }
    }
    // Rule "glue.word_word": "presidentapproved" — both halves known words.
    for i in 4..lower.len().saturating_sub(3) {
        if let (Some(head), Some(tail)) = (lower.get(..i), lower.get(i..))
            && glue.words.contains(head)
            && glue.words.contains(tail)
        {
            return vec![i];
        }
    }
    splits
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
