//! Files Dateline writes: always atomically (temporary file, fsync, rename),
//! so a crash never leaves half a file behind.

use crate::hash::fnv;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Folder of Dateline's own files inside an article folder (the
/// corrections sidecar, the cache); the walk and the watcher skip it.
pub const DIR: &str = ".dateline";

/// A name for `folder` that is unique per absolute path and still readable:
/// `<folder name>-<hash of the canonical path>`. Used for the per-folder
/// directories in the user's configuration and cache directories.
#[must_use]
pub fn folder_tag(folder: &Path) -> String {
    let canonical = folder
        .canonicalize()
        .unwrap_or_else(|_| folder.to_path_buf());
    let name = canonical
        .file_name()
        .map_or_else(|| "root".to_owned(), |n| n.to_string_lossy().into_owned());
    format!(
        "{name}-{:016x}",
        fnv(canonical.as_os_str().as_encoded_bytes())
    )
}

fn env_dir(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The user's configuration directory (XDG on Unix, `APPDATA` on Windows).
#[must_use]
pub fn config_dir() -> PathBuf {
    env_dir("XDG_CONFIG_HOME")
        .or_else(|| env_dir("APPDATA"))
        .or_else(|| env_dir("HOME").map(|h| h.join(".config")))
        .unwrap_or_else(std::env::temp_dir)
}

/// The user's cache directory (XDG on Unix, `LOCALAPPDATA` on Windows).
#[must_use]
pub fn cache_dir() -> PathBuf {
    env_dir("XDG_CACHE_HOME")
        .or_else(|| env_dir("LOCALAPPDATA"))
        .or_else(|| env_dir("HOME").map(|h| h.join(".cache")))
        .unwrap_or_else(std::env::temp_dir)
}

/// Creates `path`'s folder, then writes it atomically.
///
/// # Errors
/// When the folder cannot be made or the file written.
pub fn write_into(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_into_with(path, |file| file.write_all(bytes))
}

/// Creates `path`'s folder, then writes it atomically with `write`, which
/// gets the fresh temporary file (and may seek in it).
///
/// # Errors
/// When the folder cannot be made or the file written.
pub fn write_into_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    write_atomically_with(path, write)
}

/// Writes `bytes` to `path` atomically.
///
/// # Errors
/// When the temporary file cannot be written or renamed.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomically_with(path, |file| file.write_all(bytes))
}

/// Writes `path` atomically: `write` fills a temporary file beside it,
/// which is synced to disk and renamed over `path` only when whole.
///
/// # Errors
/// When the temporary file cannot be written or renamed.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        write(&mut file)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::write_atomically;

    #[test]
    fn writes_and_replaces_without_leftovers() {
        let dir = std::env::temp_dir().join(format!("dateline-store-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join("out.json");
        assert!(write_atomically(&path, b"one").is_ok());
        assert!(write_atomically(&path, b"two").is_ok());
        assert_eq!(std::fs::read(&path).unwrap_or_default(), b"two");
        let leftovers = std::fs::read_dir(&dir).map_or(0, std::iter::Iterator::count);
        assert_eq!(leftovers, 1);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
