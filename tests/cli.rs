//! The command line as a script uses it: exit codes, the JSON contract on
//! stdout, CSV, and --published-dates.

use std::process::Command;

fn dateline(args: &[&str]) -> std::process::Output {
    let output = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .output();
    let Ok(output) = output else {
        panic!("cannot run dateline")
    };
    output
}

fn samples() -> String {
    dateline::sample_folder().display().to_string()
}

#[test]
fn export_prints_the_json_contract() {
    let out = dateline(&["export", &samples(), "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let docs = json["documents"].as_array().cloned().unwrap_or_default();
    assert_eq!(docs.len(), 5);
    for doc in &docs {
        for key in ["path", "title", "published", "published_source", "problems"] {
            assert!(doc.get(key).is_some(), "document lacks {key}");
        }
        assert!(!doc["path"].as_str().unwrap_or("/").starts_with('/'));
    }
    let events = json["events"].as_array().cloned().unwrap_or_default();
    assert!(!events.is_empty());
    for event in &events {
        for key in [
            "id",
            "doc",
            "kind",
            "date",
            "range",
            "time_text",
            "sentence",
            "trigger",
            "text",
            "actors",
            "people",
            "place",
            "modality",
            "date_source",
            "merged_with",
        ] {
            assert!(event.get(key).is_some(), "event lacks {key}");
        }
    }
    // Offsets are chars into the document text.
    let event = &events[0];
    let path = dateline::sample_folder().join(event["doc"].as_str().unwrap_or_default());
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let start = event["sentence"][0].as_u64().unwrap_or(0) as usize;
    let end = event["sentence"][1].as_u64().unwrap_or(0) as usize;
    let slice: String = text.chars().skip(start).take(end - start).collect();
    assert_eq!(slice, event["text"].as_str().unwrap_or_default());
    assert!(json["timexes"].is_array());
}

#[test]
fn published_dates_file_wins_and_csv_works() {
    let dir = std::env::temp_dir().join(format!("dateline-cli-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let csv = dir.join("published.csv");
    let _ = std::fs::write(&csv, "path,date\n001_2c6893b08207fa19.txt,2020-08-24\n");
    let out = dateline(&[
        "export",
        &samples(),
        "--published-dates",
        &csv.display().to_string(),
    ]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let doc = json["documents"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .find(|d| d["path"] == "001_2c6893b08207fa19.txt");
    let doc = doc.unwrap_or_default();
    assert_eq!(doc["published"], "2020-08-24");
    assert_eq!(doc["published_source"], "user");

    let out = dateline(&["export", &samples(), "--format", "csv"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("id,doc,kind,date"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_arguments_and_missing_folders_exit_2_with_a_message() {
    for args in [
        vec!["export", "/no/such/folder/4711"],
        vec!["export", "--format", "xml", "/tmp"],
        vec!["export"],
        vec!["--bogus-flag"],
        vec!["export", "/tmp", "--published-dates", "/no/such/file.csv"],
    ] {
        let out = dateline(&args);
        assert_eq!(out.status.code(), Some(2), "args {args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("error"),
            "args {args:?}"
        );
    }
}

/// Issue 6 item 5: shards extracted apart, joined, give the whole export.
#[test]
fn sharded_jsonl_exports_merge_into_the_whole_export() {
    let dir = std::env::temp_dir().join(format!("dateline-cli-shards-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let whole = dateline(&["export", &samples()]);
    assert!(whole.status.success());
    let whole: serde_json::Value = serde_json::from_slice(&whole.stdout).unwrap_or_default();

    let mut shards = Vec::new();
    let mut paths_seen = Vec::new();
    for i in 1..=3 {
        let out = dir.join(format!("shard-{i}.jsonl"));
        let run = dateline(&[
            "export",
            &samples(),
            "--format",
            "jsonl",
            "--shard",
            &format!("{i}/3"),
            "--output",
            &out.display().to_string(),
        ]);
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let text = std::fs::read_to_string(&out).unwrap_or_default();
        for line in text.lines() {
            let record: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
            if record["record"] == "document" {
                paths_seen.push(record["path"].as_str().unwrap_or_default().to_owned());
                assert!(record["text"].as_str().is_some_and(|t| !t.is_empty()));
            }
        }
        shards.push(out.display().to_string());
    }
    // Every document in exactly one shard.
    paths_seen.sort();
    let mut all: Vec<String> = whole["documents"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| d["path"].as_str().unwrap_or_default().to_owned())
        .collect();
    all.sort();
    assert_eq!(paths_seen, all);

    let mut args = vec!["merge"];
    args.extend(shards.iter().map(String::as_str));
    let merged = dateline(&args);
    assert!(
        merged.status.success(),
        "{}",
        String::from_utf8_lossy(&merged.stderr)
    );
    let merged: serde_json::Value = serde_json::from_slice(&merged.stdout).unwrap_or_default();
    assert_eq!(merged["events"], whole["events"]);
    assert_eq!(merged["timexes"], whole["timexes"]);

    // A file list selects files the same way.
    let list = dir.join("list.txt");
    let _ = std::fs::write(&list, format!("# one file\n./{}\n", all[0]));
    let one = dateline(&["export", &samples(), "--files", &list.display().to_string()]);
    let one: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap_or_default();
    assert_eq!(one["documents"].as_array().map(Vec::len), Some(1));

    let bad = dateline(&["export", &samples(), "--shard", "4/3"]);
    assert_eq!(bad.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}
