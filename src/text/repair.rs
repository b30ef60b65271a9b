//! Repair of scraping damage that hides words from the rules: words run
//! together ("onSaturday", "tovisit", "inlate 2016", "of35").
//!
//! Repair only *inserts* spaces, so every offset in the repaired text maps
//! back to the original text by subtracting the insertions before it.

use std::collections::HashSet;
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
    prefixes: Vec<String>,
    words: HashSet<String>,
    keep: HashSet<String>,
}

static GLUE: LazyLock<Glue> = LazyLock::new(|| {
    let data = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/text/glue.tsv"));
    let mut glue = Glue {
        prefixes: Vec::new(),
        words: HashSet::new(),
        keep: HashSet::new(),
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
    glue.prefixes.sort_by_key(|p| std::cmp::Reverse(p.len()));
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
    let mut iter = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = iter.peek() {
            if c.is_alphanumeric() {
                break;
            }
            iter.next();
        }
        let &(start, _) = iter.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = iter.peek() {
            if !c.is_alphanumeric() {
                break;
            }
            end = i + c.len_utf8();
            iter.next();
        }
        Some((start, end))
    })
}

/// Where to split one run of letters/digits (byte offsets within `word`).
fn split_points(word: &str, glue: &Glue) -> Vec<usize> {
    let mut splits = Vec::new();
    // Rule "glue.case": lower→Upper inside a word ("onSaturday", "RussianDeputy").
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    for pair in chars.windows(2) {
        let [(_, a), (i, b)] = pair else { continue };
        if a.is_lowercase() && b.is_uppercase() {
            let prefix = &word[..*i];
            let is_name_prefix = prefix.chars().count() <= 3
                && prefix.chars().next().is_some_and(char::is_uppercase);
            let is_single_letter = prefix.chars().count() == 1;
            if !is_name_prefix && !is_single_letter {
                splits.push(*i);
            }
        }
    }
    if !splits.is_empty() {
        return splits;
    }
    let lower = word.to_lowercase();
    if lower.len() != word.len() || glue.keep.contains(&lower) || glue.words.contains(&lower) {
        return splits;
    }
    // Rule "glue.prefix_digits": "of35", "to455".
    if let Some(pos) = word.find(|c: char| c.is_ascii_digit())
        && pos > 0
        && word[pos..].chars().all(|c| c.is_ascii_digit())
        && glue.prefixes.iter().any(|p| p == &lower[..pos])
    {
        return vec![pos];
    }
    if !word.chars().all(|c| c.is_ascii_lowercase()) {
        return splits;
    }
    // Rule "glue.prefix_word": "tovisit", "inlate", "ofthe".
    for prefix in &glue.prefixes {
        if let Some(rest) = lower.strip_prefix(prefix.as_str())
            && rest.len() >= 2
            && (glue.words.contains(rest) || glue.prefixes.iter().any(|p| p == rest))
        {
            return vec![prefix.len()];
        }
    }
    // Rule "glue.word_word": "presidentapproved" — both halves known words.
    for i in 4..lower.len().saturating_sub(3) {
        if glue.words.contains(&lower[..i]) && glue.words.contains(&lower[i..]) {
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
