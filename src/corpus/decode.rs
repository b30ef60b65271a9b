//! Bytes → text, whatever the encoding: BOM first, then UTF-8, then UTF-16
//! without a BOM (by its zero bytes), then a statistical guess (chardetng).

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

/// Decodes file content. Returns the text and the encoding's name, or an
/// error message when the bytes look binary.
///
/// # Errors
/// A message for the problems list when the content is not text.
pub fn decode_bytes(bytes: &[u8]) -> Result<(String, &'static str), String> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok((text.into_owned(), encoding.name()));
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return Ok((text.into_owned(), encoding.name()));
    }
    if bytes.contains(&0) {
        return Err("binary file (contains NUL bytes), not text".to_owned());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_owned(), "UTF-8"));
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, true);
    let (text, _, _) = encoding.decode(bytes);
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !c.is_whitespace())
        .count();
    if controls * 20 > text.chars().count().max(1) {
        return Err(format!(
            "binary file ({controls} control characters as {}), not text",
            encoding.name()
        ));
    }
    Ok((text.into_owned(), encoding.name()))
}

/// UTF-16 text without a BOM has a zero byte in most code units of
/// Latin-script text: at odd offsets for little-endian, even for big-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let units = sample.len() / 2;
    let even_zeros = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zeros = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_zeros * 10 >= units * 7 && even_zeros * 10 <= units {
        Some(UTF_16LE)
    } else if even_zeros * 10 >= units * 7 && odd_zeros * 10 <= units {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::decode_bytes;

    fn utf16le(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    #[test]
    fn decodes_every_common_encoding() {
        let cases: Vec<(Vec<u8>, &str)> = vec![
            ("Tehran – Moscow’s".as_bytes().to_vec(), "UTF-8"),
            (
                [&[0xEF, 0xBB, 0xBF][..], "Tehran".as_bytes()].concat(),
                "UTF-8",
            ),
            (
                [vec![0xFF, 0xFE], utf16le("Tehran – Moscow")].concat(),
                "UTF-16LE",
            ),
            (utf16le("Tehran and Moscow met on Sunday"), "UTF-16LE"),
        ];
        for (bytes, encoding) in cases {
            let (text, name) = decode_bytes(&bytes).unwrap_or_default();
            assert_eq!(name, encoding);
            assert!(text.starts_with("Tehran"), "{text:?}");
        }
    }

    #[test]
    fn windows_1252_is_detected() {
        // "Café’s résumé" in Windows-1252.
        let bytes = b"The caf\xe9\x92s r\xe9sum\xe9 was read in Paris on Monday by the minister.";
        let (text, _) = decode_bytes(bytes).unwrap_or_default();
        assert!(text.contains("café’s résumé"), "{text}");
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode_bytes(&[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 1, 2, 3]).is_err());
    }
}
