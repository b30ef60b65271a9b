//! Plain text and HTML readers (decoding, boilerplate removal, metadata).
//! The first byte picks the format; the rest is the file.
#![no_main]

#[path = "pick.rs"]
mod pick;

libfuzzer_sys::fuzz_target!(|data: &[u8]| pick::read_as_one_of(&["a.txt", "a.html"], data));
