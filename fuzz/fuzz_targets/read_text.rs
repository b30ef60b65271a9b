//! Plain text and HTML readers (decoding, boilerplate removal, metadata).
//! The first byte picks the format; the rest is the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = if pick % 2 == 0 { "a.txt" } else { "a.html" };
    let _ = dateline::corpus::parse_bytes_unguarded(name, bytes);
});
