//! Text utilities shared by every stage: repair of scraping damage, sentence
//! splitting and byte↔char offset conversion.
//!
//! Everything downstream works on byte offsets into the *repaired* text; the
//! [`Repaired`] value maps them back to the original text, and [`CharMap`]
//! turns original byte offsets into the char offsets of the export contract.

mod charmap;
mod repair;
mod sentences;

pub use charmap::CharMap;
pub use repair::{Repaired, repair};
pub use sentences::{Sentence, split_sentences};

/// The tab-separated fields of each data line of a bundled rule file
/// (`assets/**.tsv`): blank lines and `#` comments are skipped.
pub fn data_rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}
