//! The PDF reader. The PDF library (pdf-extract on lopdf) panics on some
//! damaged files; Dateline contains that under its panic net, so this
//! target reads as the app does — a panic that escapes the net, a hang or
//! a blown memory limit is a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(init: {
    // libfuzzer-sys aborts on any panic by default; the app's net catches
    // the library's, so let them unwind as they would in the app.
    std::panic::set_hook(Box::new(|_| {}));
}, |data: &[u8]| {
    let docs = dateline::corpus::parse_bytes("a.pdf", data);
    assert!(!docs.is_empty(), "a file always yields a document or a problem");
});
