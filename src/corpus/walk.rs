//! Walking a folder and reading each file with the reader for its format.

use super::deadline::{Within, reader_deadline, run_within};
use super::docx::read_docx;
use super::mail::{read_eml, read_mbox};
use super::pdf::read_pdf;
use super::records::{read_csv, read_json, read_json_lines};
use super::{Document, decode_bytes, html::read_html, title_from_text};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use thiserror::Error;

/// Files larger than this are reported, not read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Extensions read as plain text (other formats: see `Format::of`).
const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "text", "markdown"];
/// Extensions read as HTML.
const HTML_EXTENSIONS: &[&str] = &["html", "htm", "xhtml"];
/// Extensions read as JSON Lines (one record a line; Dateline's own
/// exports are JSON Lines too).
pub const JSON_LINES_EXTENSIONS: &[&str] = &["jsonl", "ndjson"];

/// Why a folder could not be opened at all.
#[derive(Debug, Error)]
pub enum FolderError {
    /// The path does not exist or cannot be listed.
    #[error("cannot open folder {path}: {source}")]
    Unreadable {
        /// The folder.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The path is a file, not a folder.
    #[error("{0} is not a folder")]
    NotAFolder(PathBuf),
}

/// One entry found by the walk: a file to read, or a problem found walking.
#[derive(Debug, Clone)]
pub enum Entry {
    /// A file to read.
    File(PathBuf),
    /// A path that could not be walked (loop, permission), with the reason.
    Problem(String, String),
}

/// Lists the files under `root` (recursively, following links, skipping
/// hidden entries), sorted by path, and the problems met on the way.
///
/// # Errors
/// When `root` is not a readable folder.
pub fn list_files(root: &Path) -> Result<Vec<Entry>, FolderError> {
    let meta = std::fs::metadata(root).map_err(|source| FolderError::Unreadable {
        path: root.to_path_buf(),
        source,
    })?;
    if !meta.is_dir() {
        return Err(FolderError::NotAFolder(root.to_path_buf()));
    }
    std::fs::read_dir(root).map_err(|source| FolderError::Unreadable {
        path: root.to_path_buf(),
        source,
    })?;
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    let mut entries = Vec::new();
    for item in walker {
        match item {
            Ok(entry) if entry.file_type().is_file() => {
                entries.push(Entry::File(entry.into_path()));
            }
            Ok(_) => {}
            Err(err) => {
                let path = err
                    .path()
                    .map(|p| relative_path(root, p))
                    .unwrap_or_default();
                let reason = if err.loop_ancestor().is_some() {
                    "link loop: this folder links back to one of its parents".to_owned()
                } else {
                    err.io_error()
                        .map_or_else(|| err.to_string(), ToString::to_string)
                };
                entries.push(Entry::Problem(path, reason));
            }
        }
    }
    Ok(entries)
}

/// `path` relative to `root`, with `/` separators.
#[must_use]
pub fn relative_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The formats Dateline reads, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Html,
    Pdf,
    Docx,
    Eml,
    Mbox,
    Json,
    JsonLines,
    Csv,
}

impl Format {
    fn of(ext: &str) -> Option<Self> {
        if TEXT_EXTENSIONS.contains(&ext) {
            return Some(Self::Text);
        }
        if HTML_EXTENSIONS.contains(&ext) {
            return Some(Self::Html);
        }
        if JSON_LINES_EXTENSIONS.contains(&ext) {
            return Some(Self::JsonLines);
        }
        Some(match ext {
            "pdf" => Self::Pdf,
            "docx" => Self::Docx,
            "eml" => Self::Eml,
            "mbox" | "mbx" => Self::Mbox,
            "json" => Self::Json,
            "csv" => Self::Csv,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Html => "HTML",
            Self::Pdf => "PDF",
            Self::Docx => "Word",
            Self::Eml => "e-mail",
            Self::Mbox => "mailbox",
            Self::Json => "JSON",
            Self::JsonLines => "JSON Lines",
            Self::Csv => "CSV",
        }
    }
}

/// Reads one file into its [`Document`]s: one for most formats, one per
/// message or record for mailboxes and news-API exports (their paths end in
/// `#N`, see [`Document::record`]), in file order. Never empty: failures
/// become problems on a document named after the file (or the record).
#[must_use]
pub fn read_file(root: &Path, path: &Path) -> Vec<Document> {
    match load_file(root, path) {
        Ok(loaded) => loaded.parse(),
        Err(failed) => failed,
    }
}

/// A file's bytes, loaded and not yet parsed (so that the folder cache can
/// hash them first).
#[derive(Debug)]
pub struct Loaded {
    rel: String,
    stem: String,
    format: Format,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Loads a file of a format Dateline reads. A file that cannot be read (type,
/// size, permissions) comes back as its problem document instead.
pub fn load_file(root: &Path, path: &Path) -> Result<Loaded, Vec<Document>> {
    let rel = relative_path(root, path);
    let (stem, format) = identify(&rel, path)?;
    let failed = |problem: String| {
        let mut doc = Document::new(rel.clone(), stem.clone());
        doc.problems.push(problem);
        vec![doc]
    };
    let bytes = match std::fs::metadata(path) {
        Ok(meta) if meta.len() > MAX_FILE_BYTES => {
            return Err(failed(format!(
                "not read: too large ({} MB, the limit is {} MB)",
                meta.len() / 1_000_000,
                MAX_FILE_BYTES / 1_000_000
            )));
        }
        Ok(_) => std::fs::read(path),
        Err(err) => Err(err),
    };
    match bytes {
        Ok(bytes) => Ok(Loaded {
            rel,
            stem,
            format,
            bytes,
        }),
        Err(err) => Err(failed(format!("cannot read: {err}"))),
    }
}

impl Loaded {
    /// Parses the bytes with the reader of the file's format: under a panic
    /// net, and for the formats read by third-party parsers (all but plain
    /// text) on a thread with a deadline — the PDF library once looped
    /// forever on a page tree that was its own parent.
    #[must_use]
    pub fn parse(self) -> Vec<Document> {
        let deadline = reader_deadline(self.bytes.len());
        self.parse_within(deadline)
    }

    /// [`Loaded::parse`] with an explicit deadline.
    fn parse_within(self, deadline: std::time::Duration) -> Vec<Document> {
        let Loaded {
            rel,
            stem,
            format,
            bytes,
        } = self;
        let failed = |problem: String| {
            let mut doc = Document::new(rel.clone(), stem.clone());
            doc.problems.push(problem);
            vec![doc]
        };
        let read = if format == Format::Text {
            guarded_read(format, &rel, &stem, &bytes)
        } else {
            let bytes = Arc::new(bytes);
            let (r, s, b) = (rel.clone(), stem.clone(), Arc::clone(&bytes));
            match run_within(deadline, move || guarded_read(format, &r, &s, &b)) {
                Within::Done(read) => read,
                // No thread to be had: read here, without the deadline.
                Within::NoThread => guarded_read(format, &rel, &stem, &bytes),
                Within::TimedOut => {
                    return failed(format!(
                        "not read: the {} reader did not finish within {} s (damaged file?)",
                        format.name(),
                        deadline.as_secs()
                    ));
                }
            }
        };
        let Some(mut docs) = read else {
            return failed(format!(
                "not read: the {} reader failed on this file (damaged or unusual content)",
                format.name()
            ));
        };
        if docs.is_empty() {
            return failed("empty: no articles in this file".to_owned());
        }
        for doc in &mut docs {
            if doc.text.trim().is_empty() && doc.problems.is_empty() {
                let what = if doc.record.is_some() {
                    "empty: no text in this record"
                } else {
                    "empty: no text in this file"
                };
                doc.problems.push(what.to_owned());
            }
        }
        docs
    }
}

/// The reader of `format` under the panic net: the readers do not panic by
/// design; this is the net under third-party parsers, so one bad file can
/// never take the whole folder down. `None` when it panicked.
fn guarded_read(format: Format, rel: &str, stem: &str, bytes: &[u8]) -> Option<Vec<Document>> {
    std::panic::catch_unwind(AssertUnwindSafe(|| read_bytes(format, rel, stem, bytes))).ok()
}

/// Reads a file's bytes given its name (the extension picks the reader), as
/// [`read_file`] does after loading it: under the panic net.
#[must_use]
pub fn parse_bytes(name: &str, bytes: &[u8]) -> Vec<Document> {
    match loaded_from(name, bytes) {
        Ok(loaded) => loaded.parse(),
        Err(failed) => failed,
    }
}

/// [`parse_bytes`] without the panic net, for fuzzing: a panic in our own
/// readers must surface there, not be caught.
#[doc(hidden)]
#[must_use]
pub fn parse_bytes_unguarded(name: &str, bytes: &[u8]) -> Vec<Document> {
    match loaded_from(name, bytes) {
        Ok(loaded) => read_bytes(loaded.format, &loaded.rel, &loaded.stem, &loaded.bytes),
        Err(failed) => failed,
    }
}

fn loaded_from(name: &str, bytes: &[u8]) -> Result<Loaded, Vec<Document>> {
    let (stem, format) = identify(name, Path::new(name))?;
    Ok(Loaded {
        rel: name.to_owned(),
        stem,
        format,
        bytes: bytes.to_vec(),
    })
}

/// A file's stem (its default title) and the format its extension names;
/// an unsupported type is a document with the problem.
fn identify(rel: &str, path: &Path) -> Result<(String, Format), Vec<Document>> {
    let stem = path
        .file_stem()
        .map_or_else(|| rel.to_owned(), |s| s.to_string_lossy().into_owned());
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if let Some(format) = Format::of(&ext) {
        return Ok((stem, format));
    }
    let what = if ext.is_empty() {
        "no extension".to_owned()
    } else {
        format!(".{ext}")
    };
    let mut doc = Document::new(rel, stem);
    doc.problems
        .push(format!("not read: unsupported file type ({what})"));
    Err(vec![doc])
}

/// Hands the file's bytes to the reader of its format.
fn read_bytes(format: Format, rel: &str, stem: &str, bytes: &[u8]) -> Vec<Document> {
    match format {
        Format::Text | Format::Html => vec![read_text(rel, stem, bytes, format == Format::Html)],
        Format::Pdf => vec![read_pdf(rel, stem, bytes)],
        Format::Docx => vec![read_docx(rel, stem, bytes)],
        Format::Eml => vec![read_eml(rel, stem, bytes)],
        Format::Mbox => read_mbox(rel, bytes),
        Format::Json => read_json(rel, stem, bytes),
        Format::JsonLines => read_json_lines(rel, stem, bytes),
        Format::Csv => read_csv(rel, stem, bytes),
    }
}

/// A plain-text or HTML file.
fn read_text(rel: &str, stem: &str, bytes: &[u8], is_html: bool) -> Document {
    let mut doc = Document::new(rel, stem);
    let text = match decode_bytes(bytes) {
        Ok((text, _encoding)) => text,
        Err(reason) => {
            doc.problems.push(format!("not read: {reason}"));
            return doc;
        }
    };
    if is_html {
        let page = read_html(&text);
        doc.title = page
            .title
            .unwrap_or_else(|| title_from_text(&page.text, stem));
        doc.text = page.text.into();
        doc.metadata_dates = page.dates;
    } else {
        doc.title = title_from_text(&text, stem);
        doc.text = text.into();
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::{Format, Loaded};
    use std::time::Duration;

    fn html(paragraphs: usize) -> Loaded {
        let body = "<p>Putin met Erdogan in Sochi on Monday.</p>\n".repeat(paragraphs);
        Loaded {
            rel: "big.html".to_owned(),
            stem: "big".to_owned(),
            format: Format::Html,
            bytes: format!("<html><body>{body}</body></html>").into_bytes(),
        }
    }

    /// A reader that has not finished by the deadline leaves a problem, not
    /// a stuck folder; within it, the deadline changes nothing.
    #[test]
    fn a_reader_past_its_deadline_leaves_a_problem() {
        let docs = html(50_000).parse_within(Duration::ZERO);
        assert_eq!(docs.len(), 1);
        assert!(
            docs[0]
                .problems
                .iter()
                .any(|p| p.contains("did not finish")),
            "{:?}",
            docs[0].problems
        );
        let timed = html(20).parse_within(Duration::from_secs(30));
        let direct = super::guarded_read(Format::Html, "big.html", "big", &html(20).bytes);
        assert_eq!(
            timed.iter().map(|d| &d.text).collect::<Vec<_>>(),
            direct
                .unwrap_or_default()
                .iter()
                .map(|d| &d.text)
                .collect::<Vec<_>>()
        );
        assert!(timed[0].text.contains("Sochi"));
        // PDFs too (moved here with the deadline that was the PDF reader's own).
        for bytes in [
            &b"%PDF-1.4\n"[..],
            b"",
            b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        ] {
            let pdf = || Loaded {
                rel: "a.pdf".to_owned(),
                stem: "a".to_owned(),
                format: Format::Pdf,
                bytes: bytes.to_vec(),
            };
            let timed = pdf().parse_within(Duration::from_secs(20));
            let direct = super::read_pdf("a.pdf", "a", bytes);
            assert_eq!(timed[0].text, direct.text);
            assert!(
                direct
                    .problems
                    .iter()
                    .all(|p| timed[0].problems.contains(p))
            );
        }
    }
}
