//! Text utilities shared by every stage: repair of scraping damage, sentence
//! splitting and byte↔char offset conversion.
//!
//! Everything downstream works on byte offsets into the *repaired* text; the
//! [`Repaired`] value maps them back to the original text, and [`CharMap`]
//! turns original byte offsets into the char offsets of the export contract.

mod charmap;
mod lemma;
pub mod names;
mod repair;
mod sentences;

pub use charmap::CharMap;
pub use lemma::verb_lemma;
pub use repair::{Repaired, repair};
pub use sentences::{Sentence, split_sentences};

/// The tab-separated fields of each data line of a bundled rule file
/// (`assets/**.tsv`): blank lines and `#` comments are skipped.
pub fn data_rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

/// Rows of a word-list data file (`role<TAB>word word …`): each role with
/// its words.
pub fn word_lists(data: &str) -> impl Iterator<Item = (&str, std::str::SplitWhitespace<'_>)> {
    data_rows(data).filter_map(|fields| {
        let (Some(&role), Some(&list)) = (fields.first(), fields.get(1)) else {
            return None;
        };
        Some((role, list.split_whitespace()))
    })
}

/// Rewrites a rule pattern so that `\b` is an ASCII word boundary and `\d`
/// an ASCII digit. Unicode word boundaries make the regex crate's lazy DFA
/// give up on any non-ASCII byte (a curly quote is enough) and its fallback
/// engines test each boundary against the Unicode tables; Unicode digits
/// would match numbers that `str::parse` then rejects. `\s` stays Unicode so
/// a no-break space still separates words.
#[must_use]
pub fn ascii_rule_pattern(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)").replace(r"\d", "[0-9]")
}
