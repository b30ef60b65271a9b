//! News-API exports: JSON, JSON Lines, CSV. The first byte picks the format.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = match pick % 3 {
        0 => "a.json",
        1 => "a.jsonl",
        _ => "a.csv",
    };
    let _ = dateline::corpus::parse_bytes_unguarded(name, bytes);
});
