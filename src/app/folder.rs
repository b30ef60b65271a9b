//! The folder shown or being read: its path, the options every analysis
//! gets, and the background work on it (the reading job, an events file
//! being read, the watcher).

use super::reading::{Job, Watch};
use crate::analysis::Options;
use crate::export::jsonl::JsonlRead;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Receiver;

/// An events file being read: its outcome arrives as one message.
pub(super) type EventsJob = Receiver<(PathBuf, std::io::Result<JsonlRead>)>;

/// The folder and the work reading it.
#[derive(Default)]
pub struct FolderState {
    /// The folder shown (or being read).
    pub path: Option<PathBuf>,
    /// Options passed to every analysis (publication dates from the CLI).
    pub options: Options,
    /// Keep and reuse a cache of each folder read (off for tests that must
    /// read from disk).
    pub use_cache: bool,
    /// Wakes the window from a background thread (set by the window).
    pub waker: Option<Arc<dyn Fn() + Send + Sync>>,
    pub(super) job: Option<Job>,
    /// An events file being read.
    pub(super) events_job: Option<EventsJob>,
    pub(super) watch: Option<Watch>,
}

impl FolderState {
    /// Fraction read of the folder being read, if one is.
    #[must_use]
    pub fn loading(&self) -> Option<(f32, &Path)> {
        self.job
            .as_ref()
            .map(|j| (j.progress.fraction(), j.folder.as_path()))
    }

    /// Whether a folder or an events file is being read.
    #[must_use]
    pub fn reading(&self) -> bool {
        self.job.is_some() || self.events_job.is_some()
    }

    /// Whether the open folder is watched for changes.
    #[must_use]
    pub fn watching(&self) -> bool {
        self.watch.is_some()
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::Options;
    use crate::app::AppState;
    use std::time::Duration;

    /// A folder being read shows as reading with its path, and stops
    /// reading once its results are in.
    #[test]
    fn a_folder_read_is_reported_until_it_is_done() {
        let dir = std::env::temp_dir().join(format!("dateline-folder-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(
            dir.join("a.txt"),
            "MOSCOW, May 3, 2021 - The ministers met on Tuesday.\n",
        );
        let mut state = AppState::new(Options::default());
        state.folder.use_cache = false;
        assert!(!state.folder.reading());
        state.open_folder(dir.clone());
        assert!(state.folder.reading());
        assert_eq!(
            state.folder.loading().map(|(_, p)| p.to_path_buf()),
            Some(dir.clone())
        );
        for _ in 0..600 {
            state.poll();
            if !state.folder.reading() {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = std::fs::remove_dir_all(&dir);
        assert!(!state.folder.reading(), "still reading after 6 s");
        assert!(state.folder.loading().is_none());
        assert_eq!(state.edits.analysis.map(|a| a.docs.len()), Some(1));
    }
}
