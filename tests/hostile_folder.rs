//! Bad input never crashes a read: a folder built at run time with binary
//! files, other encodings, empty files, link loops and unsupported formats is
//! read; every problem is listed with its reason and the rest is extracted.

use dateline::analysis::{Options, Progress, analyze_folder};
use dateline::export::to_export;
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
            .map(|d| d.doc.text.clone())
            .unwrap_or_default()
    };
    assert!(
        text_of("cp1252.txt").contains("minister’s visit to Paris – on Monday"),
        "{}",
        text_of("cp1252.txt")
    );
    assert!(text_of("utf16.txt").starts_with("Zarif traveled"));
    assert_eq!(text_of("nested/deeper/page.html"), "Leaders met in Tehran.");
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
