//! Reading a folder of articles into [`Document`]s: walking, format readers,
//! text decoding and publication-date detection.
//!
//! Reading never fails as a whole: a file that cannot be read becomes a
//! document with no text and a problem saying why.
//!
//! One file can hold many articles (a mailbox, a news-API export): each
//! becomes its own [`Document`] whose path points inside the file
//! (`feeds/news.jsonl#12`, see [`Document::record`]).

mod deadline;
mod decode;
mod docx;
mod html;
mod mail;
mod pdf;
mod published;
mod records;
mod walk;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use decode::decode_bytes;
pub use docx::MAX_DOCX_XML_BYTES;
pub use published::{PublishedGuess, detect_published};
pub use walk::{
    Entry, FolderError, JSON_LINES_EXTENSIONS, Loaded, MAX_FILE_BYTES, list_files, load_file,
    parse_bytes, parse_bytes_unguarded, read_file, relative_path,
};

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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Document {
    /// Path relative to the opened folder, with `/` separators.
    pub path: String,
    /// A short title (HTML `<title>`, else the first title-like line).
    pub title: String,
    /// The text exactly as extracted; all offsets point into it.
    pub text: std::sync::Arc<str>,
    /// Publication dates found in metadata (HTML meta tags, an e-mail's
    /// `Date` header, a record's date field), best first.
    pub metadata_dates: Vec<NaiveDate>,
    /// What went wrong reading it, for the problems list.
    pub problems: Vec<String>,
    /// When the file holds many articles: this one's number in it, from 1
    /// (the message of a mailbox, the record of a JSON array or CSV file,
    /// the line of a JSON Lines file). `path` then ends in `#N`.
    pub record: Option<usize>,
    /// Where each page starts (a PDF): `(byte offset into text, page number
    /// from 1)`, in text order. Empty for formats without pages.
    pub pages: Vec<(usize, u32)>,
}

impl Document {
    /// An empty document for `path` with `title`.
    #[must_use]
    pub fn new(path: impl Into<String>, title: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            title: title.into(),
            ..Self::default()
        }
    }

    /// An empty document for record `record` (from 1) of the file at `file`:
    /// its path is `file#record`.
    #[must_use]
    pub fn in_file(file: &str, record: usize, title: impl Into<String>) -> Self {
        Self {
            path: format!("{file}#{record}"),
            title: title.into(),
            record: Some(record),
            ..Self::default()
        }
    }

    /// The path of the file this document was read from (its `path` without
    /// the `#N` record pointer).
    #[must_use]
    pub fn file_path(&self) -> &str {
        match self.record {
            Some(record) => self
                .path
                .strip_suffix(&record.to_string())
                .and_then(|p| p.strip_suffix('#'))
                .unwrap_or(&self.path),
            None => &self.path,
        }
    }

    /// The page (from 1) holding byte `offset` of the text, for paged formats.
    #[must_use]
    pub fn page_at(&self, offset: usize) -> Option<u32> {
        let after = self.pages.partition_point(|&(start, _)| start <= offset);
        after
            .checked_sub(1)
            .and_then(|i| self.pages.get(i))
            .map(|&(_, page)| page)
    }
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
    use super::{Document, title_from_text};

    #[test]
    fn record_paths_point_inside_the_file() {
        let doc = Document::in_file("feeds/news#1.jsonl", 12, "t");
        assert_eq!(doc.path, "feeds/news#1.jsonl#12");
        assert_eq!(doc.file_path(), "feeds/news#1.jsonl");
        let plain = Document::new("a#3.txt", "t");
        assert_eq!(plain.file_path(), "a#3.txt");
    }

    #[test]
    fn page_of_an_offset() {
        let doc = Document {
            pages: vec![(0, 1), (10, 2), (25, 3)],
            ..Document::default()
        };
        assert_eq!(doc.page_at(0), Some(1));
        assert_eq!(doc.page_at(9), Some(1));
        assert_eq!(doc.page_at(10), Some(2));
        assert_eq!(doc.page_at(100), Some(3));
        assert_eq!(Document::default().page_at(3), None);
    }

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
