//! Training the mention model: a multi-class averaged perceptron
//! (Collins 2002) over the features of [`super::features`], deterministic
//! (fixed order, fixed epochs, a fixed-seed shuffle), so that the committed
//! script always writes the same weights from the same data.

use super::{CLASSES, MentionClass, N_CLASSES, Sink, Token, best_class, feature_hash, features};
use super::{scored, tokens};
use crate::hash::FnvBuild;
use std::collections::HashMap;
use std::fmt::Write as _;

/// One training document: its text and its gold mentions (byte spans).
#[derive(Debug, Clone, Default)]
pub struct TrainingDoc {
    /// The text.
    pub text: String,
    /// Gold event mentions: byte span and class.
    pub gold: Vec<((usize, usize), MentionClass)>,
}

/// Collects a token's feature hashes, and their text the first time each
/// is seen.
struct Collect<'a> {
    hashes: Vec<u64>,
    names: &'a mut HashMap<u64, String, FnvBuild>,
}

impl Sink for Collect<'_> {
    fn feature(&mut self, pieces: &[&[u8]]) {
        let hash = feature_hash(pieces);
        self.hashes.push(hash);
        self.names
            .entry(hash)
            .or_insert_with(|| String::from_utf8_lossy(&pieces.concat()).to_ascii_lowercase());
    }
}

/// The averaged perceptron's state.
#[derive(Debug, Default)]
pub struct Trainer {
    /// Token instances: feature hashes and gold class index.
    instances: Vec<(Vec<u64>, usize)>,
    names: HashMap<u64, String, FnvBuild>,
    weights: HashMap<u64, [f32; N_CLASSES], FnvBuild>,
    /// Sum of each update times the step it was made at (for averaging).
    stamped: HashMap<u64, [f32; N_CLASSES], FnvBuild>,
    step: f32,
}

/// Cuts a document into sentences and tokens, as detection does.
fn sentence_tokens(text: &str) -> Vec<Vec<Token>> {
    crate::text::split_sentences(text)
        .iter()
        .map(|s| tokens(text, s.start, s.end))
        .collect()
}

impl Trainer {
    /// A trainer with the scored tokens of `docs` as its instances.
    #[must_use]
    pub fn new(docs: &[TrainingDoc]) -> Self {
        let mut trainer = Self::default();
        for doc in docs {
            for toks in sentence_tokens(&doc.text) {
                for (i, t) in toks.iter().enumerate() {
                    if !scored(&doc.text, &toks, i) {
                        continue;
                    }
                    let gold = doc
                        .gold
                        .iter()
                        .find(|((s, e), _)| *s < t.end && t.start < *e)
                        .map_or(0, |(_, c)| c.index());
                    let mut collect = Collect {
                        hashes: Vec::new(),
                        names: &mut trainer.names,
                    };
                    features(&doc.text, &toks, i, &mut collect);
                    trainer.instances.push((collect.hashes, gold));
                }
            }
        }
        trainer
    }

    /// Number of token instances.
    #[must_use]
    pub fn instances(&self) -> usize {
        self.instances.len()
    }

    /// Runs `epochs` passes over the instances in a shuffled order (the
    /// same every run).
    pub fn train(&mut self, epochs: usize) {
        let mut order: Vec<usize> = (0..self.instances.len()).collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..epochs {
            // Fisher–Yates with xorshift64: deterministic.
            for i in (1..order.len()).rev() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let j = usize::try_from(seed % (i as u64 + 1)).unwrap_or(0);
                order.swap(i, j);
            }
            for &k in &order {
                self.step += 1.0;
                let Some((hashes, gold)) = self.instances.get(k) else {
                    continue;
                };
                let mut scores = [0.0f32; N_CLASSES];
                for h in hashes {
                    if let Some(w) = self.weights.get(h) {
                        for (s, w) in scores.iter_mut().zip(w) {
                            *s += w;
                        }
                    }
                }
                let guess = best_class(&scores);
                if guess != *gold {
                    for h in hashes {
                        let w = self.weights.entry(*h).or_default();
                        w[*gold] += 1.0;
                        w[guess] -= 1.0;
                        let u = self.stamped.entry(*h).or_default();
                        u[*gold] += self.step;
                        u[guess] -= self.step;
                    }
                }
            }
        }
    }

    /// The averaged weights as a model file, features whose largest weight
    /// is below `min_weight` left out, sorted by feature text; `none_bias`
    /// is added to the "no event" class's bias (the decision threshold).
    #[must_use]
    pub fn model_file(&self, min_weight: f32, none_bias: f32) -> String {
        let steps = self.step.max(1.0);
        let mut rows: Vec<(&str, String)> = Vec::new();
        for (hash, w) in &self.weights {
            let u = self.stamped.get(hash).copied().unwrap_or_default();
            let mut avg: Vec<f32> = w.iter().zip(u).map(|(w, u)| w - u / steps).collect();
            if self.names.get(hash).is_some_and(|n| n == "bias")
                && let Some(none) = avg.first_mut()
            {
                *none += none_bias;
            }
            if avg.iter().all(|a| a.abs() < min_weight) {
                continue;
            }
            let mut values = String::new();
            for (class, a) in avg.iter().enumerate() {
                if a.abs() >= min_weight / 4.0 {
                    let _ = write!(
                        values,
                        "{}{class}:{a:.3}",
                        if values.is_empty() { "" } else { " " }
                    );
                }
            }
            if let Some(name) = self.names.get(hash) {
                rows.push((name.as_str(), values));
            }
        }
        rows.sort_unstable();
        let mut out = format!(
            "# Event-mention model (averaged perceptron); classes: {}\n",
            CLASSES
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{i}={c}"))
                .collect::<Vec<_>>()
                .join(" ")
        );
        for (name, values) in rows {
            let _ = writeln!(out, "{name}\t{values}");
        }
        out
    }
}
