//! Byte offset → Unicode scalar (char) offset conversion.

/// Converts byte offsets of one text into char offsets (the unit of the
/// export contract). Stores one entry per multibyte char only: news text is
/// mostly ASCII (a few quotes and dashes), so the map stays a tiny fraction
/// of the text even for a hundred thousand documents.
#[derive(Debug, Clone, Default)]
pub struct CharMap {
    /// For each multibyte char: its byte start and the extra bytes (beyond
    /// one per char) of it and every multibyte char before it.
    wide: Vec<(u32, u32)>,
    /// Text length in bytes.
    len: usize,
}

impl CharMap {
    /// Builds the map for `text`.
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut extra = 0u32;
        if !text.is_ascii() {
            for (i, c) in text.char_indices() {
                let n = c.len_utf8() as u32;
                if n > 1 {
                    extra += n - 1;
                    // Texts are far below 4 GB (files over 64 MB are not read).
                    wide.push((u32::try_from(i).unwrap_or(u32::MAX), extra));
                }
            }
        }
        Self {
            wide,
            len: text.len(),
        }
    }

    /// Extra bytes of the multibyte chars before entry `k`.
    fn extra_before(&self, k: usize) -> usize {
        k.checked_sub(1)
            .and_then(|j| self.wide.get(j))
            .map_or(0, |&(_, e)| e as usize)
    }

    /// Char offset of byte offset `byte`; a byte inside a multibyte char
    /// maps to the char after it.
    #[must_use]
    pub fn char_of(&self, byte: usize) -> usize {
        let k = self.wide.partition_point(|&(s, _)| (s as usize) < byte);
        let Some(&(start, extra)) = k.checked_sub(1).and_then(|j| self.wide.get(j)) else {
            return byte;
        };
        let start = start as usize;
        let before = self.extra_before(k - 1);
        let width = extra as usize - before + 1;
        if byte < start + width {
            start - before + 1
        } else {
            byte - extra as usize
        }
    }

    /// Byte offset of char offset `ch` (clamped to the text end).
    #[must_use]
    pub fn byte_of(&self, ch: usize) -> usize {
        if self.wide.is_empty() {
            return ch;
        }
        // Char index of wide char j: its byte start less the extra bytes before it.
        let mut k = 0;
        let (mut lo, mut hi) = (0, self.wide.len());
        while lo < hi {
            let mid = usize::midpoint(lo, hi);
            let at = self.wide.get(mid).map_or(0, |&(s, _)| s as usize) - self.extra_before(mid);
            if at < ch {
                lo = mid + 1;
                k = lo;
            } else {
                hi = mid;
            }
        }
        (ch + self.extra_before(k)).min(self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::CharMap;

    #[test]
    fn maps_multibyte_text_both_ways() {
        let text = "a’b“c";
        let map = CharMap::new(text);
        let b = text.find('b').unwrap_or_default();
        assert_eq!(map.char_of(b), 2);
        assert_eq!(map.byte_of(2), b);
        assert_eq!(map.char_of(text.len()), 5);
    }

    /// The map agrees with counting chars, on every byte and char offset.
    #[test]
    fn agrees_with_counting() {
        for text in [
            "",
            "’",
            "a’b“c",
            "«Привет», — сказал он. 日本 🙂 end",
            "plain ascii only",
            "é",
            "x🙂🙂y",
        ] {
            let map = CharMap::new(text);
            let starts: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            for byte in 0..=text.len() {
                let expected = match starts.binary_search(&byte) {
                    Ok(i) | Err(i) => i,
                };
                assert_eq!(map.char_of(byte), expected, "{text:?} byte {byte}");
            }
            for ch in 0..starts.len() + 2 {
                let expected = starts.get(ch).copied().unwrap_or(text.len());
                let expected = if text.is_ascii() { ch } else { expected };
                assert_eq!(map.byte_of(ch), expected, "{text:?} char {ch}");
            }
        }
    }

    #[test]
    fn ascii_is_identity() {
        let map = CharMap::new("plain text");
        assert_eq!(map.char_of(5), 5);
        assert_eq!(map.byte_of(5), 5);
    }
}
