//! News-API exports: JSON, JSON Lines, CSV. The first byte picks the format.
#![no_main]

#[path = "pick.rs"]
mod pick;

libfuzzer_sys::fuzz_target!(|data: &[u8]| pick::read_as_one_of(
    &["a.json", "a.jsonl", "a.csv"],
    data
));
