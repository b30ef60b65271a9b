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
