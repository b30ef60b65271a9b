//! A writer killed in the middle of saving corrections never leaves a
//! broken sidecar: the file is always one whole version (issue 6, item 4).

use dateline::corrections::sidecar::Sidecar;
use dateline::corrections::{Corrections, EventKey};
use std::path::Path;
use std::time::Duration;

const CHILD_ENV: &str = "DATELINE_CRASH_WRITER_DIR";

/// Version `n` of the corrections: `n` fixes, each noting `n`, padded so
/// that one save takes a while.
fn version(n: usize) -> Corrections {
    let mut c = Corrections::default();
    let padding = "x".repeat(20_000);
    for i in 0..n {
        let fix = c.fix_mut(&EventKey {
            path: format!("doc{i}.txt"),
            ..EventKey::default()
        });
        fix.note = format!("{n} {padding}");
    }
    c
}

fn sidecar(dir: &Path) -> Sidecar {
    Sidecar {
        primary: dir.join(".dateline").join("corrections.json"),
        fallback: dir.join("fallback").join("corrections.json"),
    }
}

/// Saves ever newer versions until killed.
fn run_writer(dir: &Path) {
    let sidecar = sidecar(dir);
    for n in 1.. {
        if sidecar.save(&version(n)).is_err() {
            return;
        }
    }
}

#[test]
fn a_writer_killed_mid_save_leaves_a_whole_file() {
    if let Some(dir) = std::env::var_os(CHILD_ENV) {
        run_writer(Path::new(&dir));
        return;
    }
    let Ok(exe) = std::env::current_exe() else {
        panic!("no test executable");
    };
    let dir = std::env::temp_dir().join(format!("dateline-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut seen_versions = Vec::new();
    for round in 0..8u64 {
        let child = std::process::Command::new(&exe)
            .args([
                "a_writer_killed_mid_save_leaves_a_whole_file",
                "--exact",
                "--nocapture",
            ])
            .env(CHILD_ENV, &dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
        let Ok(mut child) = child else {
            panic!("cannot start the writer");
        };
        std::thread::sleep(Duration::from_millis(150 + round * 37));
        let _ = child.kill();
        let _ = child.wait();
        let loaded = sidecar(&dir).load();
        assert_eq!(loaded.message, None, "round {round}: the file is readable");
        let c = loaded.corrections;
        let n = c.events.len();
        assert!(
            c.events
                .iter()
                .all(|f| f.note.split(' ').next() == Some(&n.to_string())),
            "round {round}: every fix of one version ({n})"
        );
        seen_versions.push(n);
    }
    assert!(
        seen_versions.iter().any(|&n| n > 0),
        "the writer got to save something: {seen_versions:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
