//! A learned event-mention detector: an averaged perceptron over word,
//! affix, shape and context features, trained on the `TimeML` EVENT
//! annotations of TimeBank and AQUAINT (`examples/train_mentions.rs`; the
//! weights are data, `assets/events/mentions.model`).
//!
//! Trigger rules name what they know (a visit, sanctions) but only the words
//! someone wrote down; the model finds the events of any kind of news ("the
//! shares fell", "the plane crashed", "the court ruled") and says which
//! `TimeML` class each is in, so that states and opinions can be told from
//! occurrences. Features are hashed (FNV-1a of the feature's text), so a
//! token costs no allocation; the model file keeps the text of each
//! feature, so that it can be read and checked.

mod train;

use crate::hash::{Fnv, FnvBuild};
use std::collections::HashMap;
use std::hash::Hasher;
use std::sync::LazyLock;

pub use train::{Trainer, TrainingDoc};

/// The `TimeML` event classes, plus "no event" at index 0.
pub const CLASSES: [&str; 8] = [
    "NONE",
    "OCCURRENCE",
    "REPORTING",
    "STATE",
    "I_ACTION",
    "I_STATE",
    "ASPECTUAL",
    "PERCEPTION",
];

/// Number of classes, "no event" included.
pub const N_CLASSES: usize = CLASSES.len();

/// A `TimeML` event class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MentionClass(u8);

impl MentionClass {
    /// Something that happens or happened ("exploded", "the merger").
    pub const OCCURRENCE: Self = Self(1);
    /// A saying ("said", "announced").
    pub const REPORTING: Self = Self(2);
    /// A lasting state ("is", "own", "the crisis").
    pub const STATE: Self = Self(3);
    /// An intended act ("tried", "ordered", "agreed to").
    pub const I_ACTION: Self = Self(4);
    /// A state of mind ("believes", "expects", "wants").
    pub const I_STATE: Self = Self(5);
    /// A beginning or end ("began", "continued").
    pub const ASPECTUAL: Self = Self(6);
    /// Seeing or hearing.
    pub const PERCEPTION: Self = Self(7);

    /// The class from its `TimeML` name.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        CLASSES
            .iter()
            .position(|c| *c == name)
            .filter(|&i| i > 0)
            .and_then(|i| u8::try_from(i).ok())
            .map(Self)
    }

    /// The `TimeML` name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        CLASSES.get(usize::from(self.0)).copied().unwrap_or("NONE")
    }

    /// Index into [`CLASSES`].
    #[must_use]
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// Whether a mention of this class is something that takes place at a
    /// time (a timeline event): occurrences, sayings, intended acts,
    /// beginnings and ends, perceptions; not states or states of mind.
    #[must_use]
    pub fn takes_place(self) -> bool {
        !matches!(self, Self::STATE | Self::I_STATE)
    }
}

/// One event mention found in a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mention {
    /// Byte span of the word.
    pub span: (usize, usize),
    /// Its class.
    pub class: MentionClass,
}

/// A word or punctuation token: byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// Tokens of `text[start..end]`, byte offsets in `text`: runs of letters
/// and digits (with inner `'`, `-`, `.` and `&`: "U.S.", "re-election",
/// "don't"), and every other non-space character alone.
#[must_use]
pub fn tokens(text: &str, start: usize, end: usize) -> Vec<Token> {
    let Some(body) = text.get(start..end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Token {
                start: start + i,
                end: start + i + c.len_utf8(),
            });
            continue;
        }
        let mut last = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if d.is_alphanumeric() {
                last = j + d.len_utf8();
                chars.next();
            } else if matches!(d, '\'' | '’' | '-' | '.' | '&')
                && body[j + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
            {
                chars.next();
            } else {
                break;
            }
        }
        // "U.S." keeps its final dot; a sentence's full stop stays apart.
        let word = &body[i..last];
        if word.contains('.') && body[last..].starts_with('.') {
            last += 1;
            chars.next();
        }
        out.push(Token {
            start: start + i,
            end: start + last,
        });
    }
    out
}

/// Words that are never events (articles, pronouns, prepositions,
/// conjunctions): skipped without scoring, in training as at run time.
static CLOSED_CLASS: LazyLock<std::collections::HashSet<u64, FnvBuild>> = LazyLock::new(|| {
    let data = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/events/closed-class.txt"
    ));
    crate::text::word_lists(data)
        .flat_map(|(_, words)| words)
        .map(|w| crate::hash::fnv(w.as_bytes()))
        .collect()
});

/// Brown word clusters by the FNV hash of the lower-cased word, from
/// `assets/text/clusters.tsv` (`scripts/lexicon_data.py`): words used alike
/// share the first branches of their path ("rose" and "fell", "blast" and
/// "explosion"), so what is learnt for one word carries to the others.
static CLUSTERS: LazyLock<HashMap<u64, u32, FnvBuild>> = LazyLock::new(|| {
    let data = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/text/clusters.tsv"
    ));
    crate::text::data_rows(data)
        .filter_map(|f| {
            let (word, cluster) = (f.first()?, f.get(1)?.parse().ok()?);
            Some((crate::hash::fnv(word.as_bytes()), cluster))
        })
        .collect()
});

/// The cluster of a word (lower-cased), if it is one of the known words.
fn cluster(word: &str) -> Option<u32> {
    CLUSTERS.get(&lower_hash(word)).copied()
}

/// The FNV hash of a word lower-cased (ASCII), without allocating.
fn lower_hash(word: &str) -> u64 {
    let mut hasher = Fnv::default();
    lower_into(&mut hasher, word.as_bytes());
    hasher.finish()
}

/// A number's decimal digits, without allocating.
fn digits(mut n: u32, buf: &mut [u8; 10]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + u8::try_from(n % 10).unwrap_or(0);
        n /= 10;
        if n == 0 || i == 0 {
            break;
        }
    }
    &buf[i..]
}

/// Cluster path prefixes of a word as features named `name` + bits.
fn cluster_features(sink: &mut impl Sink, names: &[(&[u8], u32)], word: &str) {
    let Some(c) = cluster(word) else {
        sink.feature(&[names.first().map_or(b"c".as_slice(), |n| n.0), b"none"]);
        return;
    };
    let mut buf = [0u8; 10];
    for &(name, bits) in names {
        let prefix = c & ((1u32 << bits) - 1);
        sink.feature(&[name, digits(prefix, &mut buf)]);
    }
}

/// Whether token `i` is scored at all: a word of letters that is not a
/// closed-class word, nor a capitalised word inside the sentence (a name:
/// events are almost never capitalised there, and skipping names makes
/// detection half again as fast).
fn scored(text: &str, toks: &[Token], i: usize) -> bool {
    let Some(word) = toks.get(i).and_then(|t| text.get(t.start..t.end)) else {
        return false;
    };
    let Some(first) = word.chars().next() else {
        return false;
    };
    let opens = i == 0
        || toks
            .get(i - 1)
            .and_then(|t| text.get(t.start..t.end))
            .is_some_and(|p| !p.chars().next().is_some_and(char::is_alphanumeric));
    first.is_alphabetic()
        && (opens || !first.is_uppercase())
        && !(word.len() <= 5 && CLOSED_CLASS.contains(&lower_hash(word)))
}

/// The feature sink: hashes each feature's text, or also keeps the text
/// (for training, so that the model file can name its features).
pub(crate) trait Sink {
    /// One feature, given as its pieces (joined they are its text).
    fn feature(&mut self, pieces: &[&[u8]]);
}

/// Lower-cases ASCII letters on the way into the hasher.
fn lower_into(hasher: &mut Fnv, bytes: &[u8]) {
    for &b in bytes {
        hasher.write_u8(b.to_ascii_lowercase());
    }
}

/// The hash of a feature given as pieces: of their text joined and
/// lower-cased (feature names are lower case already), so that a model
/// file's feature text hashes as the pieces do.
pub(crate) fn feature_hash(pieces: &[&[u8]]) -> u64 {
    let mut hasher = Fnv::default();
    for piece in pieces {
        lower_into(&mut hasher, piece);
    }
    hasher.finish()
}

/// The last `n` characters of a word (the whole word if shorter).
fn suffix(word: &str, n: usize) -> &str {
    let start = word
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    &word[start..]
}

/// The first `n` characters of a word.
fn prefix(word: &str, n: usize) -> &str {
    let end = word.char_indices().nth(n).map_or(word.len(), |(i, _)| i);
    &word[..end]
}

/// The word's shape: capitalised, all caps, lower case, with digits.
fn shape(word: &str) -> &'static str {
    let mut chars = word.chars();
    let first = chars.next().unwrap_or(' ');
    // Feature values are lower-cased when hashed: the codes are too.
    if word.chars().any(|c| c.is_ascii_digit()) {
        "num"
    } else if word.chars().all(char::is_uppercase) && word.chars().count() > 1 {
        "caps"
    } else if first.is_uppercase() {
        if word.contains('-') { "cap-" } else { "cap" }
    } else if word.contains('-') {
        "low-"
    } else {
        "low"
    }
}

/// Every feature of token `i` (the same for training and detection).
pub(crate) fn features(text: &str, toks: &[Token], i: usize, sink: &mut impl Sink) {
    let word = |k: isize| -> &str {
        i.checked_add_signed(k)
            .and_then(|k| toks.get(k))
            .and_then(|t| text.get(t.start..t.end))
            .unwrap_or(if k < 0 { "<s>" } else { "</s>" })
    };
    let w = word(0);
    let (p1, p2, n1, n2) = (word(-1), word(-2), word(1), word(2));
    sink.feature(&[b"bias"]);
    sink.feature(&[b"w=", w.as_bytes()]);
    sink.feature(&[b"s2=", suffix(w, 2).as_bytes()]);
    sink.feature(&[b"s3=", suffix(w, 3).as_bytes()]);
    sink.feature(&[b"s4=", suffix(w, 4).as_bytes()]);
    sink.feature(&[b"p3=", prefix(w, 3).as_bytes()]);
    let start_of_sentence = i == 0 || matches!(p1, "``" | "\"" | "“" | "(" | "_" | ":");
    let shape = shape(w);
    sink.feature(&[
        b"shape=",
        shape.as_bytes(),
        if start_of_sentence { b"^" } else { b"" },
    ]);
    sink.feature(&[b"w-1=", p1.as_bytes()]);
    sink.feature(&[b"w+1=", n1.as_bytes()]);
    sink.feature(&[b"w-2=", p2.as_bytes()]);
    sink.feature(&[b"w+2=", n2.as_bytes()]);
    sink.feature(&[b"w-1|w=", p1.as_bytes(), b" ", w.as_bytes()]);
    sink.feature(&[b"w|w+1=", w.as_bytes(), b" ", n1.as_bytes()]);
    sink.feature(&[b"w-2|w-1=", p2.as_bytes(), b" ", p1.as_bytes()]);
    sink.feature(&[b"s3-1=", suffix(p1, 3).as_bytes()]);
    sink.feature(&[b"s3+1=", suffix(n1, 3).as_bytes()]);
    sink.feature(&[
        b"s2-1|s3=",
        suffix(p1, 2).as_bytes(),
        b" ",
        suffix(w, 3).as_bytes(),
    ]);
    match crate::text::verb_lemma(w) {
        Some(lemma) => sink.feature(&[b"vl=", lemma.as_bytes()]),
        None => sink.feature(&[b"vl=", b"<none>"]),
    }
    cluster_features(
        sink,
        &[(b"c4=", 4), (b"c8=", 8), (b"c12=", 12), (b"c16=", 16)],
        w,
    );
    cluster_features(sink, &[(b"c6-1=", 6), (b"c12-1=", 12)], p1);
    cluster_features(sink, &[(b"c6+1=", 6), (b"c12+1=", 12)], n1);
}

/// Weights per feature hash, one per class.
#[derive(Debug, Clone, Default)]
pub struct Model {
    weights: HashMap<u64, [f32; N_CLASSES], FnvBuild>,
}

/// Adds up a token's class scores.
struct Scorer<'a> {
    model: &'a Model,
    scores: [f32; N_CLASSES],
}

impl Sink for Scorer<'_> {
    fn feature(&mut self, pieces: &[&[u8]]) {
        if let Some(w) = self.model.weights.get(&feature_hash(pieces)) {
            for (s, w) in self.scores.iter_mut().zip(w) {
                *s += w;
            }
        }
    }
}

/// The bundled model.
static MODEL: LazyLock<Model> = LazyLock::new(|| {
    Model::parse(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/events/mentions.model"
    )))
});

impl Model {
    /// The model bundled with Dateline.
    #[must_use]
    pub fn bundled() -> &'static Self {
        &MODEL
    }

    /// Reads a model file: `feature<TAB>class:weight class:weight…` lines
    /// (classes by index into [`CLASSES`]); `#` lines are comments. A line
    /// that does not parse is skipped.
    #[must_use]
    pub fn parse(data: &str) -> Self {
        let mut weights = HashMap::default();
        for fields in crate::text::data_rows(data) {
            let (Some(name), Some(values)) = (fields.first(), fields.get(1)) else {
                continue;
            };
            let mut w = [0.0f32; N_CLASSES];
            for pair in values.split_whitespace() {
                let Some((class, value)) = pair.split_once(':') else {
                    continue;
                };
                if let (Ok(class), Ok(value)) = (class.parse::<usize>(), value.parse::<f32>())
                    && let Some(slot) = w.get_mut(class)
                {
                    *slot = value;
                }
            }
            weights.insert(feature_hash(&[name.as_bytes()]), w);
        }
        Self { weights }
    }

    /// Number of features with weights.
    #[must_use]
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// Whether the model has no weights.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Class scores of token `i`.
    fn scores(&self, text: &str, toks: &[Token], i: usize) -> [f32; N_CLASSES] {
        let mut scorer = Scorer {
            model: self,
            scores: [0.0; N_CLASSES],
        };
        features(text, toks, i, &mut scorer);
        scorer.scores
    }

    /// Event mentions in `text[start..end]` (a sentence), in text order.
    #[must_use]
    pub fn detect(&self, text: &str, start: usize, end: usize) -> Vec<Mention> {
        let toks = tokens(text, start, end);
        self.detect_tokens(text, &toks)
    }

    /// Event mentions of a whole text, sentence by sentence.
    #[must_use]
    pub fn detect_text(&self, text: &str) -> Vec<Mention> {
        self.detect_sentences(text, &crate::text::split_sentences(text))
    }

    /// Event mentions of a whole text as (start, end, class name), for
    /// scoring against `TimeML`.
    #[must_use]
    pub fn detect_classes(&self, text: &str) -> Vec<(usize, usize, &'static str)> {
        self.detect_text(text)
            .into_iter()
            .map(|m| (m.span.0, m.span.1, m.class.as_str()))
            .collect()
    }

    /// Event mentions of the given sentences of `text`, in text order.
    #[must_use]
    pub fn detect_sentences(
        &self,
        text: &str,
        sentences: &[crate::text::Sentence],
    ) -> Vec<Mention> {
        sentences
            .iter()
            .flat_map(|s| self.detect(text, s.start, s.end))
            .collect()
    }

    /// Event mentions among already cut tokens.
    fn detect_tokens(&self, text: &str, toks: &[Token]) -> Vec<Mention> {
        let mut out = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            if !scored(text, toks, i) {
                continue;
            }
            let best = best_class(&self.scores(text, toks, i));
            if best > 0 {
                out.push(Mention {
                    span: (t.start, t.end),
                    class: MentionClass(u8::try_from(best).unwrap_or(1)),
                });
            }
        }
        out
    }
}

/// The class with the highest score (the lowest index on ties).
fn best_class(scores: &[f32; N_CLASSES]) -> usize {
    let mut best = (0, scores[0]);
    for (i, &s) in scores.iter().enumerate().skip(1) {
        if s > best.1 {
            best = (i, s);
        }
    }
    best.0
}

#[cfg(test)]
mod tests;
