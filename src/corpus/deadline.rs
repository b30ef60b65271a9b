//! Work with a deadline: a reader runs on a thread of its own, and a file
//! it does not finish in time becomes a problem while the folder read goes
//! on. Third-party parsers are fuzzed and size-limited, but one that loops
//! on a damaged file must not hold up a whole folder (the PDF library did,
//! on a page tree that was its own parent).

use std::sync::mpsc;
use std::time::Duration;

/// How long a reader may take over a file of `len` bytes: a minute, plus a
/// second per megabyte (every reader does several megabytes a second).
#[must_use]
pub fn reader_deadline(len: usize) -> Duration {
    Duration::from_secs(60 + (len >> 20) as u64)
}

/// What became of work given a deadline.
#[derive(Debug, PartialEq, Eq)]
pub enum Within<T> {
    /// It finished.
    Done(T),
    /// Not finished in time; its thread is left to finish or spin on alone.
    TimedOut,
    /// The system would not start a thread; nothing ran.
    NoThread,
}

/// Runs `work` on a thread of its own and waits at most `deadline` for it.
pub fn run_within<T: Send + 'static>(
    deadline: Duration,
    work: impl FnOnce() -> T + Send + 'static,
) -> Within<T> {
    let (send, receive) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("dateline-reader".to_owned())
        .spawn(move || {
            let _ = send.send(work());
        });
    let Ok(handle) = spawned else {
        return Within::NoThread;
    };
    match receive.recv_timeout(deadline) {
        Ok(answer) => {
            // It has answered and is ending: wait for it, so that a finished
            // read leaves no thread behind.
            let _ = handle.join();
            Within::Done(answer)
        }
        Err(_) => Within::TimedOut,
    }
}

#[cfg(test)]
mod tests {
    use super::{Within, run_within};
    use std::time::Duration;

    #[test]
    fn work_past_its_deadline_is_given_up() {
        let slow = run_within(Duration::from_millis(20), || {
            std::thread::sleep(Duration::from_secs(2));
            1
        });
        assert_eq!(slow, Within::TimedOut);
        let quick = run_within(Duration::from_secs(20), || 2);
        assert_eq!(quick, Within::Done(2));
    }
}
