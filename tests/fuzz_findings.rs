//! Inputs the fuzz targets (fuzz/, `cargo fuzz`) found to crash, hang or
//! blow up a reader, kept in tests/data/fuzz/ and read again here. Each is
//! read on its own thread with a deadline, so a hang fails the test instead
//! of stalling the run.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

/// Reads `file` (from tests/data/fuzz/) as the app would, within `limit`.
fn read_within(file: &str, limit: Duration) -> Vec<dateline::corpus::Document> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz")
        .join(file);
    let bytes = std::fs::read(&path).unwrap_or_default();
    assert!(!bytes.is_empty(), "missing fixture {}", path.display());
    let name = file.to_owned();
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(dateline::corpus::parse_bytes(&name, &bytes));
    });
    match receive.recv_timeout(limit) {
        Ok(docs) => docs,
        Err(err) => panic!("{file}: not read within {limit:?} ({err})"),
    }
}

#[test]
fn pdf_page_that_is_its_own_parent_is_reported_not_followed_forever() {
    // pdf-extract follows /Parent to find inherited resources without a
    // limit; this page names itself as its parent.
    let docs = read_within("pdf_page_is_its_own_parent.pdf", Duration::from_secs(30));
    let [doc] = docs.as_slice() else {
        panic!("one document expected, got {}", docs.len());
    };
    assert!(
        doc.problems.iter().any(|p| p.contains("page 1")),
        "the broken page is reported: {:?}",
        doc.problems
    );
}
