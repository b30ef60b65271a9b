//! Reading a folder of articles into [`Document`]s: walking, format readers,
//! text decoding and publication-date detection.
//!
//! Reading never fails as a whole: a file that cannot be read becomes a
//! document with no text and a problem saying why.

mod decode;
mod html;
mod published;
mod walk;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use decode::decode_bytes;
pub use published::{PublishedGuess, detect_published};
pub use walk::{Entry, FolderError, list_files, read_file, relative_path};

/// Where a document's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PublishedSource {
    /// A dateline or date line in the article text.
    Text,
    /// Document metadata (HTML meta tags, JSON-LD, `<time>`).
    Metadata,
    /// A date in the file name or path.
    Filename,
    /// Given by the user (in the app or with `--published-dates`).
    User,
}

impl PublishedSource {
    /// The contract's spelling.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Metadata => "metadata",
            Self::Filename => "filename",
            Self::User => "user",
        }
    }
}

/// A document's publication date and how it was found.
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    /// The date.
    pub date: NaiveDate,
    /// Where it came from.
    pub source: PublishedSource,
    /// How sure the detector is, 0..=1 (1 for the user's date).
    pub confidence: f32,
    /// Byte span of the date in the document text, when it came from the text.
    pub span: Option<(usize, usize)>,
}

/// One article as read from disk, before extraction.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Path relative to the opened folder, with `/` separators.
    pub path: String,
    /// A short title (HTML `<title>`, else the first title-like line).
    pub title: String,
    /// The text exactly as extracted; all offsets point into it.
    pub text: String,
    /// Publication dates found in metadata (HTML), best first.
    pub metadata_dates: Vec<NaiveDate>,
    /// What went wrong reading it, for the problems list.
    pub problems: Vec<String>,
}

/// Picks a title from plain text: the first line that reads like a headline,
/// else the start of the first sentence.
#[must_use]
pub fn title_from_text(text: &str, fallback: &str) -> String {
    const MAX_CHARS: usize = 90;
    let headline = text.lines().map(str::trim).find(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        let alphabetic = words
            .iter()
            .filter(|w| {
                w.chars().any(char::is_alphabetic) && !w.chars().any(|c| c.is_ascii_digit())
            })
            .count();
        words.len() >= 4 && alphabetic * 3 >= words.len() * 2 && !line.contains(" / ")
    });
    let Some(line) = headline else {
        return fallback.to_owned();
    };
    if line.chars().count() <= MAX_CHARS {
        return line.to_owned();
    }
    let cut: String = line.chars().take(MAX_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::title_from_text;

    #[test]
    fn title_skips_navigation_and_date_lines() {
        let text = "News   /   Politics\n\n31 Mar 2025\nStory Code : 271032\nIran, Russia can use capacities to counter sanctions\n";
        assert_eq!(
            title_from_text(text, "x"),
            "Iran, Russia can use capacities to counter sanctions"
        );
        assert_eq!(title_from_text("", "fallback"), "fallback");
    }

    #[test]
    fn long_first_line_is_cut_at_a_word() {
        let text = "TEHRAN - Iran and Russia will maintain bilateral military cooperation, Kazem Jalali, Iran’s ambassador to Russia told Sputnik";
        let title = title_from_text(text, "x");
        assert!(title.ends_with('…'), "{title}");
        assert!(title.chars().count() <= 91);
    }
}
