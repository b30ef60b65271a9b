//! Fingerprints the code and data that turn files into events, so that the
//! folder cache (src/cache.rs) never serves results of another engine.

use std::path::{Path, PathBuf};

/// Everything an analysis depends on.
const ENGINE: &[&str] = &[
    "assets",
    "src/analysis.rs",
    "src/cache.rs",
    "src/corpus",
    "src/events",
    "src/temporal",
    "src/text",
];

fn main() {
    let mut files = Vec::new();
    for root in ENGINE {
        println!("cargo:rerun-if-changed={root}");
        collect(Path::new(root), &mut files);
    }
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in files {
        let bytes = std::fs::read(&file).unwrap_or_default();
        let name = file.to_string_lossy().into_owned();
        for b in name.bytes().chain([0]).chain(bytes).chain([0]) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=DATELINE_ENGINE={hash:016x}");
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            if !name.to_string_lossy().starts_with('.') {
                collect(&entry.path(), out);
            }
        }
    } else if path.is_file() {
        out.push(path.to_path_buf());
    }
}
