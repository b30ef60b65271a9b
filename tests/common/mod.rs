//! Fixtures for the tests: builders of binary files made at run time (so
//! no opaque files are committed) — a small valid PDF and a Word file —
//! and copies of committed fixture folders that fail when one is missing.

#![allow(dead_code, reason = "each test crate uses some of the fixtures")]

use std::fmt::Write as _;
use std::io::Write as _;

/// A valid PDF, one page per entry of `pages` (each a list of lines, drawn
/// top-down in Helvetica), with `title` in the document information.
pub fn pdf(pages: &[&[&str]], title: &str) -> Vec<u8> {
    let escape = |s: &str| {
        s.replace('\\', "\\\\")
            .replace('(', "\\(")
            .replace(')', "\\)")
    };
    let page_count = pages.len();
    // 1 catalog, 2 page tree, 3 font, 4 info, then a page and its content per page.
    let kids: Vec<String> = (0..page_count)
        .map(|i| format!("{} 0 R", 5 + 2 * i))
        .collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {page_count} >>",
            kids.join(" ")
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_owned(),
        format!(
            "<< /Title ({}) /Producer (Dateline tests) >>",
            escape(title)
        ),
    ];
    for (i, lines) in pages.iter().enumerate() {
        let mut content = String::from("BT\n/F1 12 Tf\n72 720 Td\n16 TL\n");
        for line in *lines {
            let _ = writeln!(content, "({}) Tj T*", escape(line));
        }
        content.push_str("ET\n");
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            6 + 2 * i
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ));
    }
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /Info 4 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A zip archive of `(name, content)` entries, deflated.
pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for (name, content) in entries {
        writer
            .start_file(*name, options)
            .and_then(|()| writer.write_all(content).map_err(Into::into))
            .unwrap_or_else(|err| panic!("zip entry {name}: {err}"));
    }
    writer
        .finish()
        .unwrap_or_else(|err| panic!("zip: {err}"))
        .into_inner()
}

/// A Word file whose paragraphs are `paragraphs` (each a list of runs),
/// with `title` in its core properties.
pub fn docx(paragraphs: &[&[&str]], title: &str) -> Vec<u8> {
    let mut body = String::new();
    for runs in paragraphs {
        body.push_str("<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr>");
        for run in *runs {
            let run = run.replace('&', "&amp;").replace('<', "&lt;");
            let _ = write!(
                body,
                "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{run}</w:t></w:r>"
            );
        }
        body.push_str("</w:p>");
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let core = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{title}</dc:title></cp:coreProperties>"
    );
    let content_types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
    zip(&[
        ("[Content_Types].xml", content_types.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("docProps/core.xml", core.as_bytes()),
    ])
}

/// A fresh copy of the files of `from` (a committed fixture folder) in a
/// temporary folder named after `name`. Panics when `from` holds no file:
/// a missing fixture fails the test instead of letting it pass on nothing.
#[must_use]
pub fn copy_of(from: &std::path::Path, name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("dateline-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::create_dir_all(&dir);
    let mut copied = 0;
    for entry in std::fs::read_dir(from).into_iter().flatten().flatten() {
        if entry.path().is_file()
            && std::fs::copy(entry.path(), dir.join(entry.file_name())).is_ok()
        {
            copied += 1;
        }
    }
    assert!(copied > 0, "missing fixture folder {}", from.display());
    dir
}
