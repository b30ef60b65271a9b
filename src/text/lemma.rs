//! Verb lemmas from WordNet's verb list and irregular forms
//! (`assets/text/verbs.tsv`, written by `scripts/lexicon_data.py`): "fell" →
//! "fall", "announced" → "announce", "stopped" → "stop". A word no rule
//! turns into a known verb has no verb lemma.

use crate::hash::FnvBuild;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

struct Verbs {
    lemmas: HashSet<&'static str, FnvBuild>,
    forms: HashMap<&'static str, &'static str, FnvBuild>,
}

static VERBS: LazyLock<Verbs> = LazyLock::new(|| {
    let data = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/text/verbs.tsv"
    ));
    let mut verbs = Verbs {
        lemmas: HashSet::default(),
        forms: HashMap::default(),
    };
    for fields in super::data_rows(data) {
        match fields.as_slice() {
            [lemma] => {
                verbs.lemmas.insert(lemma);
            }
            [form, lemma, ..] => {
                verbs.forms.insert(form, lemma);
            }
            [] => {}
        }
    }
    verbs
});

/// Regular inflections: suffix and what replaces it.
const RULES: [(&str, &str); 8] = [
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("s", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
];

/// The verb lemma of a word, if it is a form of a known verb.
#[must_use]
pub fn verb_lemma(word: &str) -> Option<&'static str> {
    let low: Cow<'_, str> = if word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Borrowed(word)
    };
    let verbs = &*VERBS;
    if let Some(lemma) = verbs.forms.get(low.as_ref()) {
        return Some(lemma);
    }
    if let Some(lemma) = verbs.lemmas.get(low.as_ref()) {
        return Some(lemma);
    }
    let mut candidate = String::with_capacity(low.len() + 1);
    for (suffix, replacement) in RULES {
        let Some(stem) = low.strip_suffix(suffix) else {
            continue;
        };
        if stem.len() < 2 {
            continue;
        }
        candidate.clear();
        candidate.push_str(stem);
        candidate.push_str(replacement);
        if let Some(lemma) = verbs.lemmas.get(candidate.as_str()) {
            return Some(lemma);
        }
        // "stopped", "planning": the doubled consonant goes too.
        let bytes = stem.as_bytes();
        if replacement.is_empty()
            && suffix != "s"
            && bytes.len() >= 3
            && bytes[bytes.len() - 1] == bytes[bytes.len() - 2]
            && let Some(lemma) = verbs.lemmas.get(&stem[..stem.len() - 1])
        {
            return Some(lemma);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::verb_lemma;

    #[test]
    fn inflected_and_irregular_forms_find_their_verb() {
        for (word, lemma) in [
            ("fell", Some("fall")),
            ("announced", Some("announce")),
            ("Stopped", Some("stop")),
            ("planning", Some("plan")),
            ("rallies", Some("rally")),
            ("crashes", Some("crash")),
            ("ceremony", None),
        ] {
            assert_eq!(verb_lemma(word), lemma, "{word}");
        }
    }
}
