//! Every format users save news in, read through the whole pipeline: the
//! text fixtures in tests/data/formats/ (e-mail, mailbox, news-API JSON,
//! JSON Lines, CSV, a PDF made with fpdf2) plus a PDF and a Word file built
//! here. Each check: title, text, publication-date candidate and the path
//! that points inside the file.

mod common;

use dateline::analysis::{Analysis, DocAnalysis, Options};
use dateline::export::to_export;
use dateline::ingest::{Progress, analyze_folder};
use std::path::{Path, PathBuf};

fn folder() -> PathBuf {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/formats");
    let dir = common::copy_of(&fixtures, "formats");
    let _ = std::fs::remove_file(dir.join("make_article_pdf.py"));
    let pdf = common::pdf(
        &[
            &[
                "Saturday 5 August 2017",
                "Rogozin is set to visit Iran on Saturday.",
            ],
            &[],
            &["Dehghan met Rogozin in Tehran on Sunday."],
        ],
        "Rogozin (Tehran) visit",
    );
    let _ = std::fs::write(dir.join("built.pdf"), pdf);
    let docx = common::docx(
        &[
            &["TEHRAN, 5 August 2017"],
            &[
                "Russian Deputy Prime Minister ",
                "Dmitry Rogozin",
                " is set to visit Iran on Saturday.",
            ],
            &["Iran & Russia signed an agreement in 2016."],
        ],
        "Rogozin to visit Tehran",
    );
    let _ = std::fs::write(dir.join("report.docx"), docx);
    dir
}

fn analyse() -> (PathBuf, Analysis) {
    let dir = folder();
    let Ok(analysis) = analyze_folder(&dir, &Options::default(), &Progress::default()) else {
        panic!("the folder must open")
    };
    (dir, analysis)
}

fn doc<'a>(analysis: &'a Analysis, path: &str) -> &'a DocAnalysis {
    analysis
        .docs
        .iter()
        .find(|d| d.doc.path == path)
        .unwrap_or_else(|| {
            panic!(
                "no document {path}; have {:?}",
                analysis
                    .docs
                    .iter()
                    .map(|d| &d.doc.path)
                    .collect::<Vec<_>>()
            )
        })
}

fn date_candidate(d: &DocAnalysis) -> Option<String> {
    d.doc.metadata_dates.first().map(ToString::to_string)
}

#[test]
fn every_format_is_read_with_pointers_inside_files() {
    let (dir, analysis) = analyse();
    let paths: Vec<&str> = analysis.docs.iter().map(|d| d.doc.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "alert.eml",
            "alerts.mbox#1",
            "alerts.mbox#2",
            "article.pdf",
            "built.pdf",
            "export.csv#1",
            "export.csv#2",
            "feed.jsonl#1",
            "feed.jsonl#2",
            "feed.jsonl#3",
            "newsapi.json#1",
            "newsapi.json#2",
            "report.docx",
        ],
        "documents sorted by file, records in file order"
    );

    // E-mail: encoded subject, quoted-printable plain body, Date header.
    let eml = doc(&analysis, "alert.eml");
    assert_eq!(eml.doc.title, "Rogozin to visit Tehran – deputy PM");
    assert!(
        eml.doc
            .text
            .starts_with("Russian Deputy Prime Minister Dmitry Rogozin is set to visit Iran on Saturday to attend"),
        "{}",
        eml.doc.text
    );
    assert!(!eml.doc.text.contains("<p>"));
    assert_eq!(date_candidate(eml).as_deref(), Some("2017-08-05"));
    assert_eq!(eml.doc.record, None);

    // Mailbox: one document per message; the HTML one through the HTML reader.
    let first = doc(&analysis, "alerts.mbox#1");
    assert_eq!(first.doc.title, "Iran and Russia sign banking agreement");
    assert!(
        first.doc.text.contains("From the archive"),
        "{}",
        first.doc.text
    );
    assert_eq!(date_candidate(first).as_deref(), Some("2023-01-23"));
    let second = doc(&analysis, "alerts.mbox#2");
    assert_eq!(second.doc.title, "Zarif in Moscow");
    assert_eq!(
        &*second.doc.text,
        "Iranian Foreign Minister Mohammad Javad Zarif traveled to Moscow on Tuesday."
    );
    assert_eq!(date_candidate(second).as_deref(), Some("2020-07-21"));
    assert_eq!(second.doc.record, Some(2));
    assert_eq!(second.doc.file_path(), "alerts.mbox");

    // PDF made by a real tool (fpdf2): compressed streams, two pages, /Title.
    let pdf = doc(&analysis, "article.pdf");
    assert_eq!(
        pdf.doc.title,
        "Russia's Rogozin to attend Rouhani inauguration"
    );
    assert!(
        pdf.doc.text.contains(
            "Rogozin is set to visit Iran on Saturday to attend the inauguration ceremony"
        ),
        "{}",
        pdf.doc.text
    );
    assert_eq!(pdf.doc.pages.len(), 2, "{:?}", pdf.doc.pages);
    let second_page = pdf.doc.text.find("Rogozin met Iranian").unwrap_or(0);
    assert_eq!(pdf.doc.page_at(second_page), Some(2));
    assert_eq!(pdf.doc.page_at(0), Some(1));
    assert!(
        pdf.doc.metadata_dates.is_empty(),
        "a PDF's creation date is not its publication date"
    );
    assert_eq!(
        pdf.published
            .as_ref()
            .map(|p| p.date.to_string())
            .as_deref(),
        Some("2017-08-05"),
        "the dateline in the text"
    );

    // PDF built here: three pages, the middle one empty.
    let built = doc(&analysis, "built.pdf");
    assert_eq!(built.doc.title, "Rogozin (Tehran) visit");
    assert_eq!(
        &*built.doc.text,
        "Saturday 5 August 2017\nRogozin is set to visit Iran on Saturday.\n\nDehghan met Rogozin in Tehran on Sunday."
    );
    let pages: Vec<u32> = built.doc.pages.iter().map(|&(_, p)| p).collect();
    assert_eq!(pages, [1, 2, 3]);
    let sunday = built.doc.text.find("Dehghan").unwrap_or(0);
    assert_eq!(built.doc.page_at(sunday), Some(3));
    assert!(built.doc.problems.is_empty(), "{:?}", built.doc.problems);

    // CSV: one document per row, columns by name.
    let csv = doc(&analysis, "export.csv#2");
    assert_eq!(csv.doc.title, "Putin visits Tehran, meets Raisi");
    assert!(
        csv.doc
            .text
            .starts_with("Russian President Vladimir Putin visited Tehran on Tuesday")
    );
    assert_eq!(date_candidate(csv).as_deref(), Some("2022-07-19"));
    assert_eq!(csv.doc.record, Some(2));

    // JSON Lines: a broken line is a problem for that line only.
    let line1 = doc(&analysis, "feed.jsonl#1");
    assert_eq!(line1.doc.title, "Dehghan meets Rogozin");
    assert!(
        line1
            .doc
            .text
            .starts_with("Iranian Defence Minister Hossein Dehghan met")
    );
    assert_eq!(date_candidate(line1).as_deref(), Some("2017-08-05"));
    assert!(
        doc(&analysis, "feed.jsonl#2").doc.problems[0]
            .starts_with("line 2, column 60: not JSON (EOF while parsing a string)"),
        "{:?}",
        doc(&analysis, "feed.jsonl#2").doc.problems
    );
    let line3 = doc(&analysis, "feed.jsonl#3");
    assert_eq!(line3.doc.title, "Sanctions");
    assert_eq!(date_candidate(line3).as_deref(), Some("2017-08-04"));

    // News-API JSON: records under "articles"; truncation marker dropped.
    let api = doc(&analysis, "newsapi.json#1");
    assert_eq!(
        api.doc.title,
        "Rogozin to visit Tehran for Rouhani's inauguration"
    );
    assert!(
        api.doc.text.ends_with("inauguration ceremony."),
        "{}",
        api.doc.text
    );
    assert_eq!(date_candidate(api).as_deref(), Some("2017-08-05"));
    assert_eq!(
        api.published.as_ref().map(|p| p.source.as_str()),
        Some("metadata")
    );
    let api2 = doc(&analysis, "newsapi.json#2");
    assert_eq!(
        &*api2.doc.text,
        "The two countries signed an agreement on Sunday."
    );

    // Word: paragraphs from runs, title from core properties.
    let word = doc(&analysis, "report.docx");
    assert_eq!(word.doc.title, "Rogozin to visit Tehran");
    assert_eq!(
        &*word.doc.text,
        "TEHRAN, 5 August 2017\n\nRussian Deputy Prime Minister Dmitry Rogozin is set to visit Iran on Saturday.\n\nIran & Russia signed an agreement in 2016."
    );
    assert_eq!(
        word.published
            .as_ref()
            .map(|p| p.date.to_string())
            .as_deref(),
        Some("2017-08-05")
    );

    // Events come out of every format, and the export carries the pointers.
    let export = to_export(&analysis);
    for path in [
        "alert.eml",
        "alerts.mbox#2",
        "article.pdf",
        "built.pdf",
        "export.csv#1",
        "feed.jsonl#1",
        "newsapi.json#1",
        "report.docx",
    ] {
        assert!(
            export.events.iter().any(|e| e.doc == path),
            "no event from {path}"
        );
    }
    let visit = export
        .events
        .iter()
        .find(|e| e.doc == "alerts.mbox#2" && e.kind == "visit");
    assert_eq!(visit.and_then(|e| e.date.as_deref()), Some("2020-07-21"));
    let sunday_meeting = export
        .events
        .iter()
        .find(|e| e.doc == "built.pdf" && e.text.contains("Dehghan"));
    assert_eq!(sunday_meeting.and_then(|e| e.page), Some(3));
    assert!(
        export
            .events
            .iter()
            .filter(|e| e.doc != "built.pdf" && e.doc != "article.pdf")
            .all(|e| e.page.is_none())
    );
    let _ = std::fs::remove_dir_all(&dir);
}
