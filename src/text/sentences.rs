//! Sentence splitting for news text, tolerant of scraped layout: line breaks
//! end sentences, abbreviations ("U.S.", "Jan.", "Mr.") do not, and a full
//! stop glued to the next sentence ("pressures.Both") still splits.

/// A sentence as a byte range of the text it was split from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Sentence {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "rep", "sen", "gov", "st",
    "jr", "sr", "no", "vs", "etc", "inc", "corp", "ltd", "co", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
    "thurs", "fri", "sat", "sun", "approx", "dept", "est", "fig", "op", "pres", "rev",
];

const CLOSERS: &[char] = &['"', '\'', '’', '”', ')', ']', '»'];

/// Splits `text` into sentences (trimmed, never empty), in order.
#[must_use]
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let boundary = match c {
            '\n' if !wrapped_line(text, start, i) => Some(i + 1),
            '.' | '!' | '?' => {
                // Swallow closing quotes and brackets that belong to this sentence.
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = iter.peek() {
                    if CLOSERS.contains(&d) || (d == '.' && c == '.') {
                        end = j + d.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                let next = text[end..].chars().next();
                let after_space = text[end..].trim_start_matches([' ', '\t', '\u{a0}']);
                let next_word = after_space.chars().next();
                let ends = match next {
                    None | Some('\n' | '\r') => true,
                    Some(n) if n.is_whitespace() => next_word.is_some_and(starts_sentence),
                    // Glued: "pressures.Both", "March.“Extension" — a capital
                    // (maybe after an opening quote) right after the stop.
                    Some(n) => {
                        let opener = matches!(n, '“' | '‘' | '"');
                        let after = text[end..].chars().nth(usize::from(opener));
                        c == '.' && after.is_some_and(char::is_uppercase)
                    }
                };
                (ends && (c != '.' || !is_abbreviation(text, i))).then_some(end)
            }
            _ => None,
        };
        if let Some(end) = boundary {
            push_trimmed(text, start, end, &mut out);
            start = end;
        }
    }
    push_trimmed(text, start, bytes.len(), &mut out);
    out
}

/// Words a heading or a finished line does not end on: a line ending in
/// one was wrapped in the middle of a sentence.
const OPEN_ENDINGS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "that", "which", "who", "its", "his", "her", "their", "will", "would", "has",
    "have", "had", "was", "were", "is", "are", "be", "been", "said", "told",
];

/// Whether the line break at byte `nl` (the line began at or after
/// `from`) was made by wrapping a sentence ("hard-wrapped" e-mail and text
/// files), not by the author: the next line goes on in lower case, or this
/// one stops on a comma, a hyphen or a word nothing ends on. A blank line
/// always ends the sentence.
fn wrapped_line(text: &str, from: usize, nl: usize) -> bool {
    let line_start = text
        .get(..nl)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1)
        .max(from);
    let line = text.get(line_start..nl).unwrap_or_default().trim_end();
    let next = text
        .get(nl + 1..)
        .unwrap_or_default()
        .trim_start_matches([' ', '\t', '\u{a0}']);
    let Some(first) = next.chars().next() else {
        return false;
    };
    if line.is_empty() || first == '\n' || first == '\r' {
        return false;
    }
    if line.ends_with(['.', '!', '?', ':', ';', '"', '”', '’', ')', ']']) {
        return false;
    }
    if first.is_lowercase() || line.ends_with([',', '-', '–', '—']) {
        return true;
    }
    let last_word = line
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    OPEN_ENDINGS
        .iter()
        .any(|w| w.eq_ignore_ascii_case(last_word))
}

fn starts_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[')
}

/// The word ending at the full stop at byte `dot` is an abbreviation or an initial.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // Initials and dotted short forms: "U.S", "J", "D.C".
    if word
        .split('.')
        .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase))
    {
        return true;
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let slice = &text[start..end];
    let trimmed_start = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        let s = start + trimmed_start;
        out.push(Sentence {
            start: s,
            end: s + trimmed.len(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::split_sentences;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = split_sentences(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn splits_on_stops_and_lines() {
        check(
            "Iran and Russia met. The U.S. Congress approved it.\nTitle line\n\nNext one!",
            &[
                "Iran and Russia met.",
                "The U.S. Congress approved it.",
                "Title line",
                "Next one!",
            ],
        );
    }

    #[test]
    fn joins_lines_wrapped_inside_a_sentence() {
        check(
            "Rogozin will meet with\nIranian Defense Minister Dehghan in\nTehran on Saturday, the source\nsaid. Next,\nline.\nHeadline\nThe story begins.\n\nNew paragraph",
            &[
                "Rogozin will meet with\nIranian Defense Minister Dehghan in\nTehran on Saturday, the source\nsaid.",
                "Next,\nline.",
                "Headline",
                "The story begins.",
                "New paragraph",
            ],
        );
    }

    #[test]
    fn splits_glued_sentences_but_not_abbreviations() {
        check(
            "reviewed US pressures.Both officials met on Jan. 5 with Mr. Smith.“We agree.”",
            &[
                "reviewed US pressures.",
                "Both officials met on Jan. 5 with Mr. Smith.",
                "“We agree.”",
            ],
        );
    }

    #[test]
    fn keeps_closing_quotes_with_their_sentence() {
        check(
            "“We agree,” he said. “It is done.” Then he left.",
            &["“We agree,” he said.", "“It is done.”", "Then he left."],
        );
    }
}
