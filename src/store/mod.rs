//! Files Dateline writes: always atomically (temporary file, fsync, rename),
//! so a crash never leaves half a file behind.

use std::io::Write;
use std::path::{Path, PathBuf};

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

/// FNV-1a, 64 bits: for short keys (paths).
#[must_use]
pub fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash: u64, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A fast 64-bit content hash (eight bytes per step) to tell whether a file
/// or a cache payload changed. Not cryptographic; stable across builds and
/// platforms, unlike `std`'s hasher.
#[must_use]
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut hash = HASH_SEED ^ (bytes.len() as u64).wrapping_mul(HASH_K);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        hash = mix(hash, u64::from_le_bytes(word));
    }
    for &b in chunks.remainder() {
        hash = mix(hash, u64::from(b));
    }
    hash
}

const HASH_K: u64 = 0x9e37_79b9_7f4a_7c15;
const HASH_SEED: u64 = 0x243f_6a88_85a3_08d3;

/// One step of [`content_hash`] and [`StreamHash`].
fn mix(hash: u64, word: u64) -> u64 {
    let hash = (hash ^ word).wrapping_mul(HASH_K);
    hash ^ (hash >> 29)
}

/// The same mixing as [`content_hash`] over bytes fed in pieces, with the
/// length folded in at the end (only then is it known): the hash of a
/// cache payload written straight into its file.
#[derive(Debug)]
pub struct StreamHash {
    hash: u64,
    pending: [u8; 8],
    filled: usize,
    /// Bytes fed so far.
    pub len: u64,
}

impl Default for StreamHash {
    fn default() -> Self {
        Self::new()
    }
}

impl StreamHash {
    /// An empty hash.
    #[must_use]
    pub fn new() -> Self {
        Self {
            hash: HASH_SEED,
            pending: [0; 8],
            filled: 0,
            len: 0,
        }
    }

    /// Feeds `bytes`.
    pub fn update(&mut self, mut bytes: &[u8]) {
        self.len += bytes.len() as u64;
        // Complete a word left over from the last piece, byte by byte.
        while self.filled > 0 {
            let Some((&b, rest)) = bytes.split_first() else {
                return;
            };
            self.pending[self.filled] = b;
            self.filled = (self.filled + 1) % 8;
            bytes = rest;
            if self.filled == 0 {
                self.hash = mix(self.hash, u64::from_le_bytes(self.pending));
            }
        }
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.hash = mix(self.hash, u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.pending[self.filled] = b;
            self.filled += 1;
        }
    }

    /// The hash of everything fed.
    #[must_use]
    pub fn finish(&self) -> u64 {
        let tail = self.pending.get(..self.filled).unwrap_or_default();
        let hash = tail.iter().fold(self.hash, |h, &b| mix(h, u64::from(b)));
        mix(hash, self.len.wrapping_mul(HASH_K))
    }
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
    use super::{content_hash, write_atomically};

    #[test]
    fn content_hash_sees_every_byte() {
        let text = b"The minister visited Moscow on Tuesday, 5 August 2017.";
        let base = content_hash(text);
        for i in 0..text.len() {
            let mut changed = text.to_vec();
            changed[i] ^= 1;
            assert_ne!(content_hash(&changed), base, "byte {i}");
        }
        assert_ne!(content_hash(&text[..text.len() - 1]), base);
        assert_eq!(content_hash(text), base);
    }

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
