//! The folder cache: what reading a folder produced, kept so that opening
//! it again reads only the files that changed.
//!
//! One file per folder, `FOLDER/.dateline/cache.bin`, or in the user's
//! cache directory when the folder cannot be written ([`CacheFile::of`]).
//! An entry per article file, keyed by its relative path and checked by
//! size and modification time; when those differ the file is read and its
//! content hash decides (a touched or copied file is not analysed again).
//! The whole cache is tied to the engine that wrote it (a fingerprint of
//! the extraction code and its data, made by `build.rs`) and to the options
//! that change results, so it can never serve another engine's answers.
//!
//! The cache is disposable: anything unexpected in it (another engine,
//! damage, a format this build does not know) makes it ignored and
//! rewritten, never an error.

use crate::analysis::{Analysis, DocAnalysis, Event, Options};
use crate::corpus::PublishedSource;
use crate::hash::StreamHash;
use crate::store::{cache_dir, folder_tag, write_into_with};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::UNIX_EPOCH;

/// File name of the cache inside `.dateline/`.
pub const FILE: &str = "cache.bin";
/// Fingerprint of the extraction code and data (see `build.rs`).
pub const ENGINE: &str = env!("DATELINE_ENGINE");
/// First bytes of a cache file.
const MAGIC: &[u8; 16] = b"dateline-cache\n\0";
/// Layout of the header and payload; bump on any change to them.
const FORMAT: u32 = 3;
/// Magic, format, payload length, payload hash.
const HEADER: usize = 16 + 4 + 8 + 8;

/// What identifies a file's version without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since 1970 (0 when unknown).
    pub modified_ns: u64,
}

impl FileStamp {
    /// The stamp of a file's metadata.
    #[must_use]
    pub fn of(meta: &std::fs::Metadata) -> Self {
        let modified_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
        Self {
            size: meta.len(),
            modified_ns,
        }
    }
}

/// One article of a cached file: as analysed, with its events.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CachedDoc {
    /// The document (its char map is rebuilt on load).
    pub doc: DocAnalysis,
    /// Its events.
    pub events: Vec<Event>,
}

/// A file as last read.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CachedFile {
    /// Size and modification time then.
    pub stamp: FileStamp,
    /// Hash of its bytes then.
    pub hash: u64,
    /// Its articles.
    pub docs: Vec<CachedDoc>,
}

impl CachedFile {
    /// Whether the results still hold under `options`: a publication date
    /// the user gives now, or gave then, changes them.
    #[must_use]
    pub fn fits(&self, options: &Options) -> bool {
        self.docs.iter().all(|d| {
            let given = options.published.get(&d.doc.doc.path).copied();
            let used = d
                .doc
                .published
                .as_ref()
                .filter(|p| p.source == PublishedSource::User)
                .map(|p| p.date);
            given == used
        })
    }
}

/// A file's record after a read, for the next cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileRecord {
    /// Size and modification time.
    pub stamp: FileStamp,
    /// Hash of its bytes.
    pub hash: u64,
}

/// The cached files of a folder, taken one by one as the folder is read:
/// each file's record is decoded from the cache file when it is taken (by
/// the reading threads, in parallel), so the cache is never held decoded
/// whole beside the folder being built from it.
#[derive(Debug)]
pub struct FolderCache {
    /// The cache file, checked whole when loaded, then read a record at a
    /// time (a cache written meanwhile replaces the file, not its bytes).
    file: Mutex<std::fs::File>,
    /// Where each file's record is (offset, length), by relative path.
    index: Mutex<HashMap<String, (u64, usize)>>,
}

impl FolderCache {
    /// Takes the entry of the file at `rel` (each entry is used once).
    pub fn take(&self, rel: &str) -> Option<CachedFile> {
        use std::io::{Read as _, Seek as _, SeekFrom};
        let (offset, len) = self
            .index
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(rel)?;
        let mut bytes = vec![0; len];
        {
            let mut file = self.file.lock().unwrap_or_else(PoisonError::into_inner);
            file.seek(SeekFrom::Start(offset)).ok()?;
            file.read_exact(&mut bytes).ok()?;
        }
        let (_, mut cached): (String, CachedFile) = postcard::from_bytes(&bytes).ok()?;
        for doc in &mut cached.docs {
            doc.doc.chars = crate::text::CharMap::new(&doc.doc.doc.text);
        }
        Some(cached)
    }

    /// Number of files held.
    #[must_use]
    pub fn len(&self) -> usize {
        self.index
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    /// Whether it holds no file.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What a cache file holds, borrowed from the analysis: written as a head
/// (engine, options, number of files) and then one record per file, each
/// prefixed with its length, so that a load decodes a file at a time from
/// the disk instead of reading half a gigabyte into memory first.
struct PayloadOut<'a> {
    head: HeadOut<'a>,
    files: Vec<(&'a str, FileOut<'a>)>,
}

#[derive(Serialize)]
struct HeadOut<'a> {
    engine: &'a str,
    current_year: Option<i32>,
    files: u64,
}

#[derive(Deserialize)]
struct HeadIn {
    engine: String,
    current_year: Option<i32>,
    files: u64,
}

#[derive(Serialize)]
struct FileOut<'a> {
    stamp: FileStamp,
    hash: u64,
    docs: Vec<DocOut<'a>>,
}

#[derive(Serialize)]
struct DocOut<'a> {
    doc: &'a DocAnalysis,
    events: &'a [Event],
}

/// The two places a folder's cache can be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheFile {
    /// In the folder: `FOLDER/.dateline/cache.bin`.
    pub primary: PathBuf,
    /// In the user's cache directory, for read-only folders.
    pub fallback: PathBuf,
}

impl CacheFile {
    /// The cache locations of `folder`.
    #[must_use]
    pub fn of(folder: &Path) -> Self {
        Self {
            primary: folder.join(crate::store::DIR).join(FILE),
            fallback: cache_dir()
                .join("dateline")
                .join(folder_tag(folder))
                .join(FILE),
        }
    }

    /// Reads the cache written last (of the two places), if it was written
    /// by this engine with these options. Anything else gives `None`.
    #[must_use]
    pub fn load(&self, options: &Options) -> Option<FolderCache> {
        let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
        let path = match (modified(&self.primary), modified(&self.fallback)) {
            (Some(a), Some(b)) if b > a => &self.fallback,
            (Some(_), _) => &self.primary,
            (None, Some(_)) => &self.fallback,
            (None, None) => return None,
        };
        read_cache(path, options)
    }

    /// Writes the cache of `analysis` (its files as `records` says they
    /// were): into the folder, else into the user's cache directory.
    /// Returns the file written.
    ///
    /// # Errors
    /// When neither place can be written.
    pub fn save(
        &self,
        analysis: &Analysis,
        records: &HashMap<String, FileRecord>,
        options: &Options,
    ) -> std::io::Result<PathBuf> {
        let payload = payload_of(analysis, records, options);
        let write = |file: &mut std::fs::File| write_cache(file, &payload);
        match write_into_with(&self.primary, write) {
            Ok(()) => {
                // An older copy in the fallback must not win the next load.
                let _ = std::fs::remove_file(&self.fallback);
                Ok(self.primary.clone())
            }
            Err(_) => write_into_with(&self.fallback, write).map(|()| self.fallback.clone()),
        }
    }
}

/// What a cache file holds, borrowed from the analysis.
fn payload_of<'a>(
    analysis: &'a Analysis,
    records: &'a HashMap<String, FileRecord>,
    options: &Options,
) -> PayloadOut<'a> {
    // Documents are in file order and a file's articles are contiguous;
    // events are in document order.
    let mut files: Vec<(&str, FileOut<'_>)> = Vec::new();
    let mut first_event = 0;
    for (index, doc) in analysis.docs.iter().enumerate() {
        let count = analysis
            .events
            .get(first_event..)
            .map_or(0, |rest| rest.iter().take_while(|e| e.doc == index).count());
        let events = analysis
            .events
            .get(first_event..first_event + count)
            .unwrap_or_default();
        first_event += count;
        let file = doc.doc.file_path();
        let Some(record) = records.get(file) else {
            continue;
        };
        let out = DocOut { doc, events };
        match files.last_mut() {
            Some((name, entry)) if *name == file => entry.docs.push(out),
            _ => files.push((
                file,
                FileOut {
                    stamp: record.stamp,
                    hash: record.hash,
                    docs: vec![out],
                },
            )),
        }
    }
    PayloadOut {
        head: HeadOut {
            engine: ENGINE,
            current_year: options.current_year,
            files: files.len() as u64,
        },
        files,
    }
}

/// Writes header and payload into a fresh file. The payload is serialised
/// straight into the file through a hashing writer, then the header is
/// filled in: no copy of the payload is held in memory (half a gigabyte
/// for 100 000 articles).
fn write_cache(file: &mut std::fs::File, payload: &PayloadOut<'_>) -> std::io::Result<()> {
    use std::io::{Seek, SeekFrom, Write};
    file.write_all(&[0; HEADER])?;
    let mut out = Hashing {
        inner: std::io::BufWriter::with_capacity(1 << 20, &mut *file),
        hasher: StreamHash::new(),
    };
    let mut record = |bytes: Vec<u8>| {
        out.write_all(&(bytes.len() as u64).to_le_bytes())?;
        out.write_all(&bytes)
    };
    record(postcard::to_allocvec(&payload.head).map_err(std::io::Error::other)?)?;
    // One file at a time: only one file's record is ever held as bytes.
    for file in &payload.files {
        record(postcard::to_allocvec(file).map_err(std::io::Error::other)?)?;
    }
    out.inner.flush()?;
    let (len, hash) = (out.hasher.len, out.hasher.finish());
    drop(out);
    file.seek(SeekFrom::Start(0))?;
    file.write_all(&header(len, hash))
}

/// Magic, format, payload length and hash.
fn header(len: u64, hash: u64) -> Vec<u8> {
    let mut header = Vec::with_capacity(HEADER);
    header.extend_from_slice(MAGIC);
    header.extend_from_slice(&FORMAT.to_le_bytes());
    header.extend_from_slice(&len.to_le_bytes());
    header.extend_from_slice(&hash.to_le_bytes());
    header
}

/// A writer that hashes what passes through it.
struct Hashing<W> {
    inner: W,
    hasher: StreamHash,
}

impl<W: std::io::Write> std::io::Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(buf.get(..n).unwrap_or_default());
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The cache file at `path`, with where each file's record is in it, if the
/// file is whole, of this format, and written by this engine with these
/// options. Read once a record at a time through a hashing reader (the hash
/// of the whole is checked at the end: a torn or damaged file gives
/// nothing); only each record's file name is decoded here.
fn read_cache(path: &Path, options: &Options) -> Option<FolderCache> {
    use std::io::Read as _;
    let file = std::fs::File::open(path).ok()?;
    let size = file.metadata().ok()?.len();
    let mut reader = std::io::BufReader::with_capacity(1 << 20, file.try_clone().ok()?);
    let mut header = [0u8; HEADER];
    reader.read_exact(&mut header).ok()?;
    let word = |at: usize| -> Option<u64> {
        let slice: [u8; 8] = header.get(at..at + 8)?.try_into().ok()?;
        Some(u64::from_le_bytes(slice))
    };
    if header.get(..16)? != MAGIC {
        return None;
    }
    let format: [u8; 4] = header.get(16..20)?.try_into().ok()?;
    if u32::from_le_bytes(format) != FORMAT {
        return None;
    }
    let (len, hash) = (word(20)?, word(28)?);
    if size.checked_sub(HEADER as u64) != Some(len) {
        return None;
    }
    let mut hasher = StreamHash::new();
    let mut buf = Vec::new();
    // The next record: its length (never past the end of the file), then
    // its bytes, both hashed. Gives where the record starts in the file.
    let mut next = |buf: &mut Vec<u8>| -> Option<u64> {
        let mut prefix = [0u8; 8];
        reader.read_exact(&mut prefix).ok()?;
        hasher.update(&prefix);
        let n = u64::from_le_bytes(prefix);
        if n > len.saturating_sub(hasher.len) {
            return None;
        }
        let at = HEADER as u64 + hasher.len;
        buf.resize(usize::try_from(n).ok()?, 0);
        reader.read_exact(buf).ok()?;
        hasher.update(buf);
        Some(at)
    };
    next(&mut buf)?;
    let head: HeadIn = postcard::from_bytes(&buf).ok()?;
    if head.engine != ENGINE || head.current_year != options.current_year {
        return None;
    }
    let mut index = HashMap::new();
    for _ in 0..head.files {
        let at = next(&mut buf)?;
        let (name, _): (String, _) = postcard::take_from_bytes(&buf).ok()?;
        index.insert(name, (at, buf.len()));
    }
    (hasher.len == len && hasher.finish() == hash).then(|| FolderCache {
        file: Mutex::new(file),
        index: Mutex::new(index),
    })
}
