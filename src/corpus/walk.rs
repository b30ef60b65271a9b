//! Walking a folder and reading each file with the reader for its format.

use super::{Document, decode_bytes, html::read_html, title_from_text};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Files larger than this are reported, not read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Extensions read as plain text.
const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "text", "markdown"];
/// Extensions read as HTML.
const HTML_EXTENSIONS: &[&str] = &["html", "htm", "xhtml"];

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

/// Reads one file into a [`Document`]; failures become problems on it.
#[must_use]
pub fn read_file(root: &Path, path: &Path) -> Document {
    let rel = relative_path(root, path);
    let stem = path
        .file_stem()
        .map_or_else(|| rel.clone(), |s| s.to_string_lossy().into_owned());
    let mut doc = Document {
        path: rel,
        title: stem.clone(),
        ..Document::default()
    };
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let is_html = HTML_EXTENSIONS.contains(&ext.as_str());
    if !is_html && !TEXT_EXTENSIONS.contains(&ext.as_str()) {
        let what = if ext.is_empty() {
            "no extension".to_owned()
        } else {
            format!(".{ext}")
        };
        doc.problems
            .push(format!("not read: unsupported file type ({what})"));
        return doc;
    }
    let bytes = match std::fs::metadata(path) {
        Ok(meta) if meta.len() > MAX_FILE_BYTES => {
            doc.problems.push(format!(
                "not read: too large ({} MB, the limit is {} MB)",
                meta.len() / 1_000_000,
                MAX_FILE_BYTES / 1_000_000
            ));
            return doc;
        }
        Ok(_) => std::fs::read(path),
        Err(err) => Err(err),
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(err) => {
            doc.problems.push(format!("cannot read: {err}"));
            return doc;
        }
    };
    let text = match decode_bytes(&bytes) {
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
            .unwrap_or_else(|| title_from_text(&page.text, &stem));
        doc.text = page.text;
        doc.metadata_dates = page.dates;
    } else {
        doc.title = title_from_text(&text, &stem);
        doc.text = text;
    }
    if doc.text.trim().is_empty() {
        doc.problems.push("empty: no text in this file".to_owned());
    }
    doc
}
