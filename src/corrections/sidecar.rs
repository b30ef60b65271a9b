//! Where corrections are kept and how they are read and written.
//!
//! The sidecar is `FOLDER/.dateline/corrections.json`. When the folder is
//! read-only it goes to the user's configuration directory instead
//! ([`Sidecar::fallback`]), and the app says so. Writes are atomic (see
//! [`crate::store::write_atomically`]): a crash loses at most the edit
//! being saved. A file this build cannot read — corrupt, or written by a
//! newer version — is renamed aside, never overwritten, and the user is
//! told where it went.

use super::{Corrections, FORMAT_VERSION};
use std::path::{Path, PathBuf};

/// File name of the corrections.
pub const FILE: &str = "corrections.json";

/// The two places a folder's corrections can be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sidecar {
    /// In the folder: `FOLDER/.dateline/corrections.json`.
    pub primary: PathBuf,
    /// In the user's configuration directory, for read-only folders.
    pub fallback: PathBuf,
}

/// What [`Sidecar::load`] found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Loaded {
    /// The corrections (empty when there were none or they could not be read).
    pub corrections: Corrections,
    /// The file they came from.
    pub path: Option<PathBuf>,
    /// Something the user must know (a file kept aside and why).
    pub message: Option<String>,
}

impl Sidecar {
    /// The sidecar locations of `folder`.
    #[must_use]
    pub fn of(folder: &Path) -> Self {
        let tag = crate::store::folder_tag(folder);
        Self {
            primary: folder.join(crate::store::DIR).join(FILE),
            fallback: crate::store::config_dir()
                .join("dateline")
                .join("corrections")
                .join(tag)
                .join(FILE),
        }
    }

    /// Reads the corrections: from whichever location was written last.
    /// Never fails: an unreadable file is kept aside and reported.
    #[must_use]
    pub fn load(&self) -> Loaded {
        let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
        let path = match (modified(&self.primary), modified(&self.fallback)) {
            (Some(a), Some(b)) if b > a => &self.fallback,
            (Some(_), _) => &self.primary,
            (None, Some(_)) => &self.fallback,
            (None, None) => return Loaded::default(),
        };
        load_file(path)
    }

    /// Writes the corrections atomically: into the folder, or into the
    /// fallback when the folder cannot be written. Returns the file written.
    ///
    /// # Errors
    /// When neither location can be written.
    pub fn save(&self, corrections: &Corrections) -> std::io::Result<PathBuf> {
        let mut bytes = serde_json::to_vec_pretty(corrections).map_err(std::io::Error::other)?;
        bytes.push(b'\n');
        let primary = crate::store::write_into(&self.primary, &bytes);
        match primary {
            Ok(()) => {
                // An older copy in the fallback must not win the next load.
                let _ = std::fs::remove_file(&self.fallback);
                Ok(self.primary.clone())
            }
            Err(first) => crate::store::write_into(&self.fallback, &bytes)
                .map(|()| self.fallback.clone())
                .map_err(|second| {
                    std::io::Error::new(
                        second.kind(),
                        format!(
                            "cannot save corrections to {} ({first}) nor to {} ({second})",
                            self.primary.display(),
                            self.fallback.display()
                        ),
                    )
                }),
        }
    }
}

/// Reads one sidecar file; an unreadable one is renamed aside.
fn load_file(path: &Path) -> Loaded {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => {
            return Loaded {
                message: Some(format!(
                    "cannot read corrections {}: {err}; starting with none (the file is left as it is)",
                    path.display()
                )),
                ..Loaded::default()
            };
        }
    };
    let version = serde_json::from_slice::<serde_json::Value>(&bytes)
        .ok()
        .and_then(|v| v.get("version")?.as_u64());
    let problem = match version {
        Some(v) if v > u64::from(FORMAT_VERSION) => {
            format!("written by a newer Dateline (format {v}, this one reads {FORMAT_VERSION})")
        }
        _ => match serde_json::from_slice::<Corrections>(&bytes) {
            Ok(corrections) => {
                return Loaded {
                    corrections,
                    path: Some(path.to_path_buf()),
                    message: None,
                };
            }
            Err(err) => format!("unreadable ({err})"),
        },
    };
    let kept = keep_aside(path);
    let message = match kept {
        Ok(aside) => format!(
            "corrections file {} is {problem}: kept as {} and starting with none",
            path.display(),
            aside.display()
        ),
        Err(err) => format!(
            "corrections file {} is {problem} and could not be kept aside ({err}): starting with none; edits go to the fallback",
            path.display()
        ),
    };
    Loaded {
        message: Some(message),
        ..Loaded::default()
    }
}

/// Renames `path` to the first free `corrections.kept-N.json` beside it.
fn keep_aside(path: &Path) -> std::io::Result<PathBuf> {
    let dir = path.parent().unwrap_or(Path::new("."));
    for n in 1..10_000 {
        let aside = dir.join(format!("corrections.kept-{n}.json"));
        if !aside.exists() {
            std::fs::rename(path, &aside)?;
            return Ok(aside);
        }
    }
    Err(std::io::Error::other("too many kept-aside files"))
}
