//! Shared by the targets that fuzz several formats: the first byte picks
//! the file name (and so the reader), the rest is the file.

/// Reads `data[1..]` as a file named `names[data[0] % names.len()]`,
/// without the panic net: a panic of ours is a finding.
pub fn read_as_one_of(names: &[&str], data: &[u8]) {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    if let Some(name) = names.get(usize::from(pick) % names.len().max(1)) {
        let _ = dateline::corpus::parse_bytes_unguarded(name, bytes);
    }
}
