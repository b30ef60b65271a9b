//! Byte offset → Unicode scalar (char) offset conversion.

/// Converts byte offsets of one text into char offsets (the unit of the
/// export contract). ASCII texts map one to one and store nothing.
#[derive(Debug, Clone, Default)]
pub struct CharMap {
    /// Byte offset of every char start, plus the text length; empty for ASCII.
    starts: Vec<usize>,
}

impl CharMap {
    /// Builds the map for `text`.
    #[must_use]
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Self { starts: Vec::new() };
        }
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        Self { starts }
    }

    /// Char offset of byte offset `byte`; a byte inside a char counts as that char.
    #[must_use]
    pub fn char_of(&self, byte: usize) -> usize {
        if self.starts.is_empty() {
            return byte;
        }
        match self.starts.binary_search(&byte) {
            Ok(i) | Err(i) => i,
        }
    }

    /// Byte offset of char offset `ch` (clamped to the text end).
    #[must_use]
    pub fn byte_of(&self, ch: usize) -> usize {
        if self.starts.is_empty() {
            return ch;
        }
        self.starts
            .get(ch)
            .or_else(|| self.starts.last())
            .copied()
            .unwrap_or(0)
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

    #[test]
    fn ascii_is_identity() {
        let map = CharMap::new("plain text");
        assert_eq!(map.char_of(5), 5);
        assert_eq!(map.byte_of(5), 5);
    }
}
