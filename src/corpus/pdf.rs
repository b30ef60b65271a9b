//! PDF files through `pdf-extract` (on `lopdf`): the text of every page in
//! the order the page draws it, pages separated by a blank line, with each
//! page's start recorded in [`Document::pages`].
//!
//! `pdf-extract` panics on some damaged files, so every call into it runs
//! under `catch_unwind`: a page that fails is a problem, the other pages
//! are still read.

use super::{Document, title_from_text};
use pdf_extract::{Object, PlainTextOutput, output_doc_page};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Reads a PDF into one document (the pages in order). A PDF the library
/// loops on is given up by the deadline every third-party reader runs under
/// (see [`super::walk`]).
#[must_use]
pub fn read_pdf(rel: &str, stem: &str, bytes: &[u8]) -> Document {
    let mut doc = Document::new(rel, stem);
    let mut pdf = match catch_unwind(|| pdf_extract::Document::load_mem(bytes)) {
        Ok(Ok(pdf)) => pdf,
        Ok(Err(err)) => {
            doc.problems
                .push(format!("not read: damaged or truncated PDF ({err})"));
            return doc;
        }
        Err(_) => {
            doc.problems
                .push("not read: damaged or truncated PDF (the PDF parser gave up)".to_owned());
            return doc;
        }
    };
    if pdf.is_encrypted() {
        // Most encrypted news PDFs only restrict printing: their user password is empty.
        let opened = catch_unwind(AssertUnwindSafe(|| pdf.decrypt(""))).is_ok_and(|r| r.is_ok());
        if !opened {
            doc.problems
                .push("not read: encrypted PDF (it needs a password)".to_owned());
            return doc;
        }
    }
    let pages = catch_unwind(AssertUnwindSafe(|| pdf.get_pages())).unwrap_or_default();
    if pages.is_empty() {
        doc.problems
            .push("not read: damaged PDF (no pages found)".to_owned());
        return doc;
    }
    let mut text = String::new();
    let mut failed = Vec::new();
    for (&number, &id) in &pages {
        if !parent_chain_ends(&pdf, id) {
            failed.push(number.to_string());
            continue;
        }
        let page = catch_unwind(AssertUnwindSafe(|| {
            let mut out = String::new();
            let done = output_doc_page(&pdf, &mut PlainTextOutput::new(&mut out), number);
            done.map(|()| out)
        }));
        let Ok(Ok(page)) = page else {
            failed.push(number.to_string());
            continue;
        };
        let page = tidy(&page);
        if !text.is_empty() && !page.is_empty() {
            text.push_str("\n\n");
        }
        doc.pages.push((text.len(), number));
        text.push_str(&page);
    }
    if !failed.is_empty() {
        doc.problems.push(format!(
            "partly read: the text of page {} could not be extracted (damaged PDF)",
            failed.join(", ")
        ));
    }
    if text.trim().is_empty() && failed.len() < pages.len() {
        doc.problems.push(
            "empty: no text in this PDF (scanned pages are images; Dateline does not do OCR)"
                .to_owned(),
        );
    }
    let info_title = catch_unwind(AssertUnwindSafe(|| info_title(&pdf))).unwrap_or_default();
    doc.title = info_title.unwrap_or_else(|| title_from_text(&text, stem));
    doc.text = text.into();
    doc
}

/// The longest `/Parent` chain from a page to the root that we let
/// `pdf-extract` follow: real page trees are a few levels deep.
const MAX_PAGE_TREE_DEPTH: usize = 64;

/// Whether following `/Parent` up from a page ends within
/// [`MAX_PAGE_TREE_DEPTH`] steps. `pdf-extract` follows it (recursively,
/// without a limit) to find inherited resources: a damaged file whose page
/// is its own ancestor would hang the reader, a very deep one overflow the
/// stack.
fn parent_chain_ends(pdf: &pdf_extract::Document, page: pdf_extract::ObjectId) -> bool {
    let mut id = page;
    for _ in 0..MAX_PAGE_TREE_DEPTH {
        let Ok(dict) = pdf.get_dictionary(id) else {
            return true;
        };
        match dict.get(b"Parent") {
            Ok(Object::Reference(parent)) => id = *parent,
            _ => return true,
        }
    }
    false
}

/// Collapses runs of spaces inside lines and of blank lines between them
/// (`pdf-extract` lays text out with spaces and empty lines by position),
/// and joins a line wrapped in the middle of a sentence to the next one: a
/// line that does not end a sentence, followed by one that starts in lower
/// case, is the same sentence however far apart the two are drawn.
fn tidy(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut blank = false;
    for line in page.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            blank = true;
            continue;
        }
        let line = words.join(" ");
        if !out.is_empty() {
            let ends_sentence = out.ends_with(['.', '!', '?', ':', ';', '"', '\u{201d}']);
            let continues = line.chars().next().is_some_and(char::is_lowercase);
            out.push_str(if continues && !ends_sentence {
                if out.ends_with('-') { "" } else { " " }
            } else if blank {
                "\n\n"
            } else {
                "\n"
            });
        }
        blank = false;
        out.push_str(&line);
    }
    out
}

/// The document information's `/Title`, unless it is a tool's placeholder
/// ("Microsoft Word - draft.docx", "untitled").
fn info_title(pdf: &pdf_extract::Document) -> Option<String> {
    let info = match pdf.trailer.get(b"Info").ok()? {
        Object::Reference(id) => pdf.get_dictionary(*id).ok()?,
        Object::Dictionary(dict) => dict,
        _ => return None,
    };
    let Object::String(bytes, _) = info.get(b"Title").ok()? else {
        return None;
    };
    let title = text_string(bytes);
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = title.to_lowercase();
    let placeholder = lower.is_empty()
        || lower == "untitled"
        || lower.starts_with("microsoft ")
        || [".doc", ".docx", ".pdf", ".indd", ".txt", ".rtf", ".odt"]
            .iter()
            .any(|ext| lower.ends_with(ext));
    (!placeholder).then_some(title)
}

/// A PDF text string: UTF-16BE after its byte-order mark, else one byte a
/// character (`PDFDocEncoding` agrees with Latin-1 on letters).
fn text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

#[cfg(test)]
mod tests {
    use super::{text_string, tidy};

    #[test]
    fn tidy_collapses_layout_spaces() {
        assert_eq!(
            tidy("\n\n  Rogozin   visits\nTehran  \n\n\n\nSecond paragraph.\n"),
            "Rogozin visits\nTehran\n\nSecond paragraph."
        );
    }

    #[test]
    fn tidy_joins_lines_wrapped_inside_a_sentence() {
        assert_eq!(
            tidy(
                "Rogozin is set to visit Iran on Saturday to\n\nattend the well-\nknown ceremony.\n\nthen more.\nHeadline\nlower start"
            ),
            "Rogozin is set to visit Iran on Saturday to attend the well-known ceremony.\n\nthen more.\nHeadline lower start"
        );
    }

    #[test]
    fn text_strings_in_both_encodings() {
        assert_eq!(text_string(b"Caf\xe9"), "Café");
        assert_eq!(text_string(&[0xfe, 0xff, 0, b'I', 0, b'r']), "Ir");
    }
}
