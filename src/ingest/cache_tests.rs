//! The folder cache through whole reads: a hit gives what a fresh read
//! gives, only changed files are read again, damage means no cache.

use super::{FolderRead, Progress, ReadHooks, read_folder};
use crate::analysis::{Analysis, Options};
use crate::cache::{CacheFile, FolderCache};
use std::path::{Path, PathBuf};

/// A copy of the sample folder plus a two-record JSON Lines file.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dateline-cache-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::create_dir_all(&dir);
    let samples = crate::sample_folder();
    let mut copied = 0;
    for entry in std::fs::read_dir(&samples).into_iter().flatten().flatten() {
        if entry.path().is_file()
            && std::fs::copy(entry.path(), dir.join(entry.file_name())).is_ok()
        {
            copied += 1;
        }
    }
    assert!(copied >= 5, "the sample folder is missing");
    let records = concat!(
        r#"{"title": "Talks", "publishedAt": "2021-03-04", "text": "The Iranian foreign minister met his Russian counterpart in Moscow on Tuesday."}"#,
        "\n",
        r#"{"title": "Deal", "publishedAt": "2021-03-05", "text": "Russia and Iran signed an arms deal on Friday."}"#,
        "\n"
    );
    let _ = std::fs::write(dir.join("feed.jsonl"), records);
    dir
}

fn read(dir: &Path, options: &Options, cache: Option<FolderCache>) -> FolderRead {
    let hooks = ReadHooks {
        cache,
        ..ReadHooks::default()
    };
    read_folder(dir, options, &Progress::default(), &hooks).expect("the folder opens")
}

/// Everything a user sees of an analysis, comparable.
fn summary(analysis: &Analysis) -> Vec<String> {
    let mut out: Vec<String> = analysis
        .docs
        .iter()
        .map(|d| {
            format!(
                "{} {:?} {} {}",
                d.doc.path,
                d.published.as_ref().map(|p| p.date),
                d.timexes.len(),
                d.doc.text.len()
            )
        })
        .collect();
    out.extend(analysis.events.iter().map(|e| {
        format!(
            "{} {} {:?} {:?} {:?} {:?}",
            e.id, e.rule, e.kind, e.date, e.actors, e.merged_with
        )
    }));
    out
}

fn save_and_load(dir: &Path, read: &FolderRead, options: &Options) -> FolderCache {
    let file = CacheFile::of(dir);
    let written = file
        .save(&read.analysis, &read.records, options)
        .expect("the cache is written");
    assert_eq!(written, file.primary);
    file.load(options).expect("the cache reads back")
}

#[test]
fn a_reopened_folder_comes_from_the_cache_unchanged() {
    let dir = folder("reopen");
    let options = Options::default();
    let first = read(&dir, &options, None);
    assert_eq!(first.reused, 0);
    assert!(!first.analysis.events.is_empty());
    let cache = save_and_load(&dir, &first, &options);
    assert_eq!(cache.len(), 6, "five articles and the JSON Lines file");
    let second = read(&dir, &options, Some(cache));
    assert_eq!(second.reused, 6);
    assert_eq!(summary(&second.analysis), summary(&first.analysis));
    // The char maps are rebuilt, so offsets still convert.
    let doc = &second.analysis.docs[0];
    let last = doc.doc.text.len();
    assert_eq!(doc.chars.char_of(last), doc.doc.text.chars().count());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn only_changed_files_are_read_again() {
    let dir = folder("changed");
    let options = Options::default();
    let first = read(&dir, &options, None);
    let cache = save_and_load(&dir, &first, &options);
    // One file edited, one only touched (same bytes, new time), one new.
    let edited = dir.join("feed.jsonl");
    let mut text = std::fs::read_to_string(&edited).unwrap_or_default();
    text.push_str(r#"{"title": "Visit", "publishedAt": "2021-03-06", "text": "The Iranian president visited Beijing on Saturday."}"#);
    text.push('\n');
    std::fs::write(&edited, text).expect("edit");
    let touched = first.analysis.docs[0].doc.path.clone();
    let bytes = std::fs::read(dir.join(&touched)).unwrap_or_default();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(dir.join(&touched), bytes).expect("touch");
    std::fs::write(
        dir.join("new.txt"),
        "MOSCOW, May 3, 2022 - The Russian president met the Iranian president on Monday.",
    )
    .expect("new file");
    let second = read(&dir, &options, Some(cache));
    assert_eq!(
        second.reused, 5,
        "four untouched articles and the touched one"
    );
    let paths: Vec<&str> = second
        .analysis
        .docs
        .iter()
        .map(|d| d.doc.path.as_str())
        .collect();
    assert!(paths.contains(&"feed.jsonl#3"), "{paths:?}");
    assert!(paths.contains(&"new.txt"), "{paths:?}");
    let fresh = read(&dir, &options, None);
    assert_eq!(summary(&second.analysis), summary(&fresh.analysis));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_publication_date_given_by_the_user_reanalyses_its_file() {
    let dir = folder("options");
    let options = Options::default();
    let first = read(&dir, &options, None);
    let cache = save_and_load(&dir, &first, &options);
    let path = first.analysis.docs[1].doc.path.clone();
    let mut given = Options::default();
    given.published.insert(
        path.clone(),
        chrono::NaiveDate::from_ymd_opt(2019, 6, 1).unwrap_or_default(),
    );
    let second = read(&dir, &given, Some(cache));
    assert_eq!(second.reused, 5);
    assert_eq!(
        summary(&second.analysis),
        summary(&read(&dir, &given, None).analysis)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_damaged_or_foreign_cache_is_ignored() {
    let dir = folder("damaged");
    let options = Options::default();
    let first = read(&dir, &options, None);
    let file = CacheFile::of(&dir);
    file.save(&first.analysis, &first.records, &options)
        .expect("written");
    // Another current year (results depend on it): not used.
    let other = Options {
        current_year: Some(1999),
        ..Options::default()
    };
    assert!(file.load(&other).is_none());
    let bytes = std::fs::read(&file.primary).unwrap_or_default();
    // Any flipped byte or a torn end makes it ignored, a record length among
    // them (byte 43: the head's length grows past the end of the file, and
    // nothing that large is allocated).
    for at in [0, 17, 30, 36, 43, bytes.len() / 2, bytes.len() - 1] {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x40;
        std::fs::write(&file.primary, &damaged).expect("write");
        assert!(file.load(&options).is_none(), "byte {at}");
    }
    std::fs::write(&file.primary, &bytes[..bytes.len() / 3]).expect("write");
    assert!(file.load(&options).is_none());
    std::fs::write(&file.primary, b"").expect("write");
    assert!(file.load(&options).is_none());
    let _ = std::fs::remove_dir_all(&dir);
}

/// A folder assembled from the documents handed over during the read
/// (pushed in the order they came, in reverse here, then put in path order
/// and merged, as the window does) is the folder read in one piece.
#[test]
fn handed_over_documents_assemble_into_the_folder_read_whole() {
    let dir = folder("partial");
    let options = Options::default();
    let handed = std::sync::Mutex::new(Vec::new());
    let partial = |files: Vec<super::HandedFile>| {
        if let Ok(mut handed) = handed.lock() {
            handed.extend(files);
        }
    };
    let hooks = ReadHooks {
        partial: Some(&partial),
        ..ReadHooks::default()
    };
    let read_handing = read_folder(&dir, &options, &Progress::default(), &hooks).expect("opens");
    // Moved, not copied: the read itself keeps none of them.
    assert!(read_handing.analysis.docs.is_empty());
    assert!(read_handing.analysis.events.is_empty());
    let mut files = handed.into_inner().unwrap_or_default();
    files.reverse();
    let mut assembled = Analysis {
        root: dir.clone(),
        ..Analysis::default()
    };
    let mut file_of_doc = Vec::new();
    for (file, docs) in files {
        file_of_doc.extend(std::iter::repeat_n(file, docs.len()));
        for doc in docs {
            assembled.push(doc);
        }
    }
    assembled.put_in_path_order(&file_of_doc);
    let groups = assembled.merge_groups();
    assembled.set_merges(&groups);
    let whole = read(&dir, &options, None);
    assert!(whole.analysis.docs.len() >= 7);
    assert!(
        whole
            .analysis
            .events
            .iter()
            .any(|e| !e.merged_with.is_empty())
    );
    assert_eq!(summary(&assembled), summary(&whole.analysis));
    assert_eq!(read_handing.records.len(), whole.records.len());
    let _ = std::fs::remove_dir_all(&dir);
}
