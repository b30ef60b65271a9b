//! Bad input never crashes a read: a folder built at run time with binary
//! files, other encodings, empty files, link loops and unsupported formats is
//! read; every problem is listed with its reason and the rest is extracted.
//! Damaged files of every format (truncated PDF, zip bomb named .docx, JSON
//! Lines with broken lines, an e-mail with no body, CSV files with missing
//! columns) are read as far as they can be, each problem with its reason.

mod common;

use dateline::analysis::Options;
use dateline::corpus::{MAX_DOCX_XML_BYTES, read_file};
use dateline::export::to_export;
use dateline::ingest::{Progress, analyze_folder};
use std::path::PathBuf;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dateline-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::create_dir_all(&dir);
    dir
}

#[test]
fn a_hostile_folder_is_read_with_problems_listed() {
    let dir = scratch("hostile");
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let _ = std::fs::write(path, bytes);
    };
    write(
        "good.txt",
        "Saturday 5 August 2017\n\nRogozin is set to visit Iran on Saturday.".as_bytes(),
    );
    write(
        "binary.txt",
        &[
            0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0,
        ],
    );
    write(
        "cp1252.txt",
        b"The minister\x92s visit to Paris \x96 on Monday \x96 was a success.",
    );
    let utf16: Vec<u8> = "Zarif traveled to Moscow on July 21."
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    write("utf16.txt", &utf16);
    write("empty.txt", b"");
    write("image.png", &[0x89, b'P', b'N', b'G']);
    write(
        "nested/deeper/page.html",
        b"<html><head><title>T</title></head><body><p>Leaders met in Tehran.</p></body></html>",
    );
    let pdf = common::pdf(&[&["Leaders met in Tehran on Monday."]], "T");
    write(
        "formats/truncated.pdf",
        pdf.get(..pdf.len() / 2).unwrap_or_default(),
    );
    write(
        "formats/garbage.pdf",
        b"%PDF-1.7\n\x00\x01 not really a pdf",
    );
    // 64 MiB of XML that deflates to a few dozen KB.
    const { assert!(MAX_DOCX_XML_BYTES < 64 << 20, "the bomb exceeds the cap") };
    let mut bomb_xml = b"<w:document><w:body><w:p><w:r><w:t>".to_vec();
    bomb_xml.resize(64 << 20, b' ');
    write(
        "formats/bomb.docx",
        &common::zip(&[("word/document.xml", &bomb_xml)]),
    );
    drop(bomb_xml);
    write("formats/not-a-zip.docx", b"PK but not a zip archive");
    write(
        "formats/feed.jsonl",
        b"{\"title\": \"Good\", \"text\": \"Leaders met in Tehran.\"}\n{\"title\": \"cut off\n\xff\xfe garbage\n{\"text\": \"The minister visited Paris.\"}\n",
    );
    write("formats/nobody.eml", b"From: a@example.com\r\nSubject: Alert with no body\r\nDate: Sat, 5 Aug 2017 10:00:00 +0000\r\n\r\n");
    write(
        "formats/no-text-column.csv",
        b"id,url\n1,https://example.com/1\n",
    );
    write(
        "formats/short-row.csv",
        b"title,date,text\nFull,2017-08-05,Leaders met in Tehran.\nShort,2017-08-06\n",
    );
    write("formats/empty.mbox", b"");
    #[cfg(unix)]
    {
        let _ = std::fs::create_dir_all(dir.join("loop"));
        let _ = std::os::unix::fs::symlink(&dir, dir.join("loop/back"));
    }

    let analysis = analyze_folder(&dir, &Options::default(), &Progress::default());
    let Ok(analysis) = analysis else {
        panic!("the folder must open")
    };
    let export = to_export(&analysis);
    let problems_of = |path: &str| -> Vec<String> {
        export
            .documents
            .iter()
            .filter(|d| d.path == path)
            .flat_map(|d| d.problems.clone())
            .collect()
    };
    assert!(
        problems_of("binary.txt")
            .iter()
            .any(|p| p.contains("binary")),
        "{:?}",
        problems_of("binary.txt")
    );
    assert!(problems_of("empty.txt").iter().any(|p| p.contains("empty")));
    assert!(
        problems_of("image.png")
            .iter()
            .any(|p| p.contains("unsupported"))
    );
    #[cfg(unix)]
    assert!(
        export
            .documents
            .iter()
            .any(|d| d.path.starts_with("loop/back")
                && d.problems.iter().any(|p| p.contains("loop"))),
        "the link loop is reported: {:?}",
        export
            .documents
            .iter()
            .map(|d| (&d.path, &d.problems))
            .collect::<Vec<_>>()
    );
    let text_of = |path: &str| {
        analysis
            .docs
            .iter()
            .find(|d| d.doc.path == path)
            .map(|d| d.doc.text.to_string())
            .unwrap_or_default()
    };
    assert!(
        text_of("cp1252.txt").contains("minister’s visit to Paris – on Monday"),
        "{}",
        text_of("cp1252.txt")
    );
    assert!(text_of("utf16.txt").starts_with("Zarif traveled"));
    assert_eq!(text_of("nested/deeper/page.html"), "Leaders met in Tehran.");
    let has_problem = |path: &str, needle: &str| {
        let problems = problems_of(path);
        assert!(
            problems.iter().any(|p| p.contains(needle)),
            "{path}: wanted a problem with {needle:?}, got {problems:?}"
        );
    };
    has_problem("formats/truncated.pdf", "PDF");
    has_problem("formats/garbage.pdf", "PDF");
    has_problem("formats/bomb.docx", "zip bomb");
    has_problem("formats/not-a-zip.docx", "not a Word file");
    has_problem("formats/feed.jsonl#2", "line 2, column");
    has_problem("formats/feed.jsonl#3", "line 3, column");
    has_problem("formats/nobody.eml", "no text body");
    has_problem("formats/no-text-column.csv", "no text column");
    has_problem("formats/short-row.csv#2", "missing text");
    has_problem("formats/empty.mbox", "empty");
    assert_eq!(text_of("formats/feed.jsonl#1"), "Leaders met in Tehran.");
    assert_eq!(
        text_of("formats/feed.jsonl#4"),
        "The minister visited Paris."
    );
    assert_eq!(text_of("formats/short-row.csv#1"), "Leaders met in Tehran.");
    let kinds: Vec<&str> = export.events.iter().map(|e| e.kind).collect();
    assert!(
        kinds.contains(&"visit") && kinds.contains(&"meeting"),
        "{kinds:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_missing_folder_is_an_error_not_a_panic() {
    let missing = std::env::temp_dir().join("dateline-does-not-exist-4711");
    assert!(analyze_folder(&missing, &Options::default(), &Progress::default()).is_err());
}

/// Small deterministic pseudo-random numbers (xorshift) for the mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 as usize
    }
}

#[test]
fn damaged_pdf_and_word_files_never_panic_or_vanish() {
    let dir = scratch("mutations");
    let pdf = common::pdf(
        &[
            &["Saturday 5 August 2017", "Rogozin is set to visit Iran."],
            &["Page two."],
        ],
        "Title",
    );
    let word = common::docx(&[&["Leaders met ", "in Tehran."]], "Title");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for (name, original) in [("x.pdf", &pdf), ("x.docx", &word)] {
        let path = dir.join(name);
        // Truncations at many lengths, then random byte changes.
        let cuts = (0..original.len())
            .step_by(17)
            .map(|n| original.get(..n).unwrap_or_default().to_vec());
        let flips = (0..300)
            .map(|_| {
                let mut bytes = original.clone();
                for _ in 0..=rng.next() % 8 {
                    let at = rng.next() % bytes.len();
                    if let Some(b) = bytes.get_mut(at) {
                        *b = rng.next() as u8;
                    }
                }
                bytes
            })
            .collect::<Vec<_>>();
        for bytes in cuts.chain(flips) {
            let _ = std::fs::write(&path, &bytes);
            let docs = read_file(&dir, &path);
            assert!(!docs.is_empty(), "a damaged {name} still yields a document");
            assert!(docs.iter().all(|d| d.path == name));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
