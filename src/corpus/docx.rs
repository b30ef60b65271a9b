//! Word files (.docx): the zip archive through the `zip` crate, the
//! paragraphs of `word/document.xml` through `quick-xml`; the title from
//! `docProps/core.xml` when it has one.
//!
//! A .docx is a zip archive, and a zip entry can expand a thousandfold: no
//! entry is read past [`MAX_DOCX_XML_BYTES`], whatever its header claims.

use super::{Document, title_from_text};
use quick_xml::events::{BytesRef, Event as XmlEvent};
use std::io::{Cursor, Read};

/// The most uncompressed bytes read from one entry of a Word file; a larger
/// entry (a zip bomb, or a document no news article needs) is a problem.
pub const MAX_DOCX_XML_BYTES: u64 = 50 * 1024 * 1024;

/// Reads a Word file: one paragraph per line, paragraphs separated by a
/// blank line (as the HTML reader separates blocks).
#[must_use]
pub fn read_docx(rel: &str, stem: &str, bytes: &[u8]) -> Document {
    let mut doc = Document::new(rel, stem);
    let mut archive = match zip::ZipArchive::new(Cursor::new(bytes)) {
        Ok(archive) => archive,
        Err(err) => {
            doc.problems.push(format!(
                "not read: not a Word file (not a zip archive: {err})"
            ));
            return doc;
        }
    };
    let body = match read_entry(&mut archive, "word/document.xml") {
        Ok(Some(xml)) => xml,
        Ok(None) => {
            doc.problems
                .push("not read: not a Word file (no word/document.xml inside)".to_owned());
            return doc;
        }
        Err(problem) => {
            doc.problems.push(problem);
            return doc;
        }
    };
    let (text, damaged) = paragraphs(&String::from_utf8_lossy(&body));
    if let Some(err) = damaged {
        doc.problems.push(format!(
            "partly read: word/document.xml is damaged ({err}); the text before the damage is kept"
        ));
    }
    // The title is a nicety: a damaged or oversized core.xml is not worth a problem.
    let title = read_entry(&mut archive, "docProps/core.xml")
        .ok()
        .flatten()
        .and_then(|xml| core_title(&String::from_utf8_lossy(&xml)));
    doc.title = title.unwrap_or_else(|| title_from_text(&text, stem));
    doc.text = text.into();
    doc
}

/// One entry's bytes, never more than [`MAX_DOCX_XML_BYTES`]; `None` when
/// the archive has no such entry.
fn read_entry<R: Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<Option<Vec<u8>>, String> {
    let too_large = || {
        format!(
            "not read: {name} would expand to more than {} MB (a zip bomb?)",
            MAX_DOCX_XML_BYTES / 1_000_000
        )
    };
    let mut entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(err) => return Err(format!("not read: damaged Word file ({name}: {err})")),
    };
    if entry.size() > MAX_DOCX_XML_BYTES {
        return Err(too_large());
    }
    // The header's size may lie: the cap holds on what the decompressor yields.
    let mut out = Vec::new();
    if let Err(err) = (&mut entry)
        .take(MAX_DOCX_XML_BYTES + 1)
        .read_to_end(&mut out)
    {
        return Err(format!("not read: damaged Word file ({name}: {err})"));
    }
    if out.len() as u64 > MAX_DOCX_XML_BYTES {
        return Err(too_large());
    }
    Ok(Some(out))
}

/// The text of `word/document.xml`: `<w:t>` runs, tabs and breaks, one
/// paragraph (`<w:p>`) per block. Returns the text read and, when the XML
/// is damaged, the parser's error (the text before it is kept).
fn paragraphs(xml: &str) -> (String, Option<String>) {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::new();
    let mut paragraph = String::new();
    let (mut in_text, mut runs) = (false, 0usize);
    let mut damaged = None;
    let finish = |paragraph: &mut String, out: &mut String| {
        let line = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        paragraph.clear();
        if line.is_empty() {
            return;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&line);
    };
    loop {
        match reader.read_event() {
            Ok(XmlEvent::Start(e)) => match e.local_name().as_ref() {
                b"t" => in_text = true,
                b"r" => runs += 1,
                _ => {}
            },
            Ok(XmlEvent::Empty(e)) => match e.local_name().as_ref() {
                b"tab" if runs > 0 => paragraph.push('\t'),
                b"br" | b"cr" if runs > 0 => paragraph.push(' '),
                b"noBreakHyphen" if runs > 0 => paragraph.push('-'),
                b"p" => finish(&mut paragraph, &mut out),
                _ => {}
            },
            Ok(XmlEvent::End(e)) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"r" => runs = runs.saturating_sub(1),
                b"p" => finish(&mut paragraph, &mut out),
                _ => {}
            },
            Ok(XmlEvent::Text(t)) if in_text => match t.xml_content() {
                Ok(text) => paragraph.push_str(&text),
                Err(err) => {
                    damaged = Some(err.to_string());
                    break;
                }
            },
            Ok(XmlEvent::GeneralRef(r)) if in_text => paragraph.push_str(&entity(&r)),
            Ok(XmlEvent::Eof) => break,
            Ok(_) => {}
            Err(err) => {
                damaged = Some(err.to_string());
                break;
            }
        }
    }
    finish(&mut paragraph, &mut out);
    (out, damaged)
}

/// An entity or character reference as text (unknown ones are dropped).
fn entity(r: &BytesRef<'_>) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    let name: &[u8] = r;
    match name {
        b"amp" => "&",
        b"lt" => "<",
        b"gt" => ">",
        b"quot" => "\"",
        b"apos" => "'",
        _ => "",
    }
    .to_owned()
}

/// `<dc:title>` of `docProps/core.xml`, when not empty.
fn core_title(xml: &str) -> Option<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut in_title = false;
    let mut title = String::new();
    loop {
        match reader.read_event().ok()? {
            XmlEvent::Start(e) if e.local_name().as_ref() == b"title" => in_title = true,
            XmlEvent::End(e) if e.local_name().as_ref() == b"title" => break,
            XmlEvent::Text(t) if in_title => title.push_str(&t.xml_content().ok()?),
            XmlEvent::GeneralRef(r) if in_title => title.push_str(&entity(&r)),
            XmlEvent::Eof => break,
            _ => {}
        }
    }
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    (!title.is_empty()).then_some(title)
}

#[cfg(test)]
mod tests {
    use super::{core_title, paragraphs};

    #[test]
    fn paragraphs_runs_and_entities() {
        let xml = r#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body>
            <w:p><w:pPr><w:tabs><w:tab w:val="left"/></w:tabs></w:pPr>
            <w:r><w:t>Rogozin &amp; Zarif</w:t></w:r><w:r><w:t xml:space="preserve"> met </w:t></w:r><w:r><w:t>on Saturday&#8217;s visit.</w:t></w:r></w:p>
            <w:p/><w:p><w:r><w:t>Second</w:t><w:br/><w:t>paragraph.</w:t></w:r></w:p>
            <w:p><w:r><w:delText>deleted</w:delText><w:instrText>PAGE</w:instrText></w:r></w:p>
            </w:body></w:document>"#;
        let (text, damaged) = paragraphs(xml);
        assert_eq!(
            text,
            "Rogozin & Zarif met on Saturday\u{2019}s visit.\n\nSecond paragraph."
        );
        assert!(damaged.is_none());
    }

    #[test]
    fn damaged_xml_keeps_the_text_before() {
        let (text, damaged) =
            paragraphs("<w:document><w:p><w:r><w:t>Kept.</w:t></w:r></w:p><w:p></w:r>");
        assert_eq!(text, "Kept.");
        assert!(damaged.is_some());
    }

    #[test]
    fn title_from_core_properties() {
        let xml = r#"<cp:coreProperties xmlns:cp="c" xmlns:dc="d"><dc:title>Rogozin in Tehran</dc:title></cp:coreProperties>"#;
        assert_eq!(core_title(xml).as_deref(), Some("Rogozin in Tehran"));
        assert_eq!(core_title("<cp:coreProperties/>"), None);
    }
}
