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
