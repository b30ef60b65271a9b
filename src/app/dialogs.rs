//! The dialogs open: the correction, publication-date and add-event
//! dialogs (which event or document), the native file pickers (each on a
//! thread of its own, its answer one message), and the PNG export.

use super::ExportFormat;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender};

/// The dialogs and pickers open.
#[derive(Default)]
pub struct Dialogs {
    /// The event whose correction dialog is open.
    pub editing: Option<usize>,
    /// The document whose publication-date dialog is open.
    pub editing_published: Option<usize>,
    /// The text span an event is being added from: (document, byte span).
    pub adding: Option<(usize, (usize, usize))>,
    /// Why the last correction could not be made (shown in its dialog).
    pub edit_error: Option<String>,
    /// A PNG of the timeline to save on the next frame.
    pub png_request: Option<PathBuf>,
    /// Outcomes of PNG saves (they finish in the window's screenshot callback).
    pub(super) png_results: Option<(Sender<String>, Receiver<String>)>,
    pub(super) picker: Option<Receiver<Option<PathBuf>>>,
    pub(super) export_picker: Option<(ExportFormat, Receiver<Option<PathBuf>>)>,
}

impl Dialogs {
    /// Closes the correction, publication-date and add-event dialogs.
    pub fn close_edits(&mut self) {
        self.editing = None;
        self.editing_published = None;
        self.adding = None;
    }

    /// Whether the correction, publication-date or add-event dialog is open
    /// (they refer to the analysis shown, which must not change under them).
    #[must_use]
    pub fn editing_open(&self) -> bool {
        self.editing.is_some() || self.editing_published.is_some() || self.adding.is_some()
    }

    /// Whether a native picker is open.
    #[must_use]
    pub fn picking(&self) -> bool {
        self.picker.is_some() || self.export_picker.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::Dialogs;
    use std::sync::mpsc::channel;

    #[test]
    fn closing_the_edit_dialogs_leaves_the_pickers() {
        let (_tx, rx) = channel();
        let mut dialogs = Dialogs {
            editing: Some(3),
            editing_published: Some(1),
            adding: Some((0, (4, 9))),
            picker: Some(rx),
            ..Dialogs::default()
        };
        assert!(dialogs.picking() && dialogs.editing_open());
        dialogs.close_edits();
        assert!(!dialogs.editing_open());
        assert_eq!(
            (dialogs.editing, dialogs.editing_published, dialogs.adding),
            (None, None, None)
        );
        assert!(dialogs.picking());
    }
}
