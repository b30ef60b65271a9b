//! E-mail and mailbox readers. The first byte picks the format.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = if pick % 2 == 0 { "a.eml" } else { "a.mbox" };
    let _ = dateline::corpus::parse_bytes_unguarded(name, bytes);
});
