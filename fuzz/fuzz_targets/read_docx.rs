//! The Word reader (zip + XML), including expansion limits against zip bombs.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = dateline::corpus::parse_bytes_unguarded("a.docx", data);
});
