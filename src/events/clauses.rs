//! A sentence cut into clause-like segments at punctuation and at
//! subordinating words, so that a date is linked to the event of its own
//! clause ("said on Saturday | that there will be cooperation").

/// A segment of a sentence (byte range in the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Starts with a subordinating word ("that", "which", "who", "when").
    pub subordinate: bool,
}

/// Words that open a subordinate clause.
const SUBORDINATORS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "when", "while", "because", "although", "though",
    "whereas", "if", "unless", "where",
];

/// Cuts `text[start..end]` into segments.
#[must_use]
pub fn segments(text: &str, start: usize, end: usize) -> Vec<Segment> {
    let sentence = &text[start..end];
    let mut cuts: Vec<(usize, bool)> = vec![(0, false)];
    let mut word_start = None;
    for (i, c) in sentence.char_indices() {
        if matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–' | '“' | '”' | '"') {
            cuts.push((i + c.len_utf8(), false));
        }
        if c.is_alphabetic() {
            word_start.get_or_insert(i);
        } else if let Some(ws) = word_start.take()
            && ws > 0
            && (2..=8).contains(&(i - ws))
            && let Some(word) = sentence.get(ws..i)
            && SUBORDINATORS.iter().any(|s| s.eq_ignore_ascii_case(word))
        {
            cuts.push((ws, true));
        }
    }
    cuts.sort_by_key(|&(pos, _)| pos);
    let mut out: Vec<Segment> = Vec::new();
    for (n, &(pos, subordinate)) in cuts.iter().enumerate() {
        let next = cuts.get(n + 1).map_or(sentence.len(), |&(p, _)| p);
        if next <= pos {
            continue;
        }
        let piece = &sentence[pos..next];
        if piece.trim().is_empty() {
            // A bare punctuation cut: merge its flag into the following piece.
            continue;
        }
        out.push(Segment {
            start: start + pos,
            end: start + next,
            subordinate,
        });
    }
    if out.is_empty() {
        out.push(Segment {
            start,
            end,
            subordinate: false,
        });
    }
    out
}

/// Index of the segment holding byte `pos` (the last one if past the end).
#[must_use]
pub fn segment_of(segments: &[Segment], pos: usize) -> usize {
    segments
        .iter()
        .position(|s| pos >= s.start && pos < s.end)
        .unwrap_or(segments.len().saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::segments;

    #[test]
    fn cuts_at_commas_and_subordinators() {
        let text = "Last week, the Congress said on Saturday that there will be cooperation.";
        let got: Vec<(&str, bool)> = segments(text, 0, text.len())
            .iter()
            .map(|s| (text[s.start..s.end].trim(), s.subordinate))
            .collect();
        assert_eq!(
            got,
            [
                ("Last week,", false),
                ("the Congress said on Saturday", false),
                ("that there will be cooperation.", true)
            ]
        );
    }
}
