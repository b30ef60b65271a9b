use super::{MentionClass, Model, Trainer, TrainingDoc, tokens};

fn words(text: &str) -> Vec<&str> {
    tokens(text, 0, text.len())
        .iter()
        .map(|t| &text[t.start..t.end])
        .collect()
}

#[test]
fn tokens_keep_abbreviations_and_inner_hyphens_apart_from_punctuation() {
    assert_eq!(
        words("The U.S. re-election, they don't \"know\"."),
        [
            "The",
            "U.S.",
            "re-election",
            ",",
            "they",
            "don't",
            "\"",
            "know",
            "\"",
            "."
        ]
    );
    assert_eq!(
        words("It ended in the U.S."),
        ["It", "ended", "in", "the", "U.S."]
    );
}

/// A model trained on a few sentences finds the mentions it was shown and,
/// from suffix and context features, ones it was not.
#[test]
fn a_trained_model_round_trips_through_its_file_and_detects_events() {
    let text = "Bombs exploded in the city. Witnesses said the police arrested a man. \
                The shares fell sharply. The company announced a merger.";
    let span = |w: &str| {
        let s = text.find(w).unwrap_or(usize::MAX);
        (s, s + w.len())
    };
    let doc = TrainingDoc {
        text: text.to_owned(),
        gold: vec![
            (span("exploded"), MentionClass::OCCURRENCE),
            (span("said"), MentionClass::REPORTING),
            (span("arrested"), MentionClass::OCCURRENCE),
            (span("fell"), MentionClass::OCCURRENCE),
            (span("announced"), MentionClass::REPORTING),
            (span("merger"), MentionClass::OCCURRENCE),
        ],
    };
    let mut trainer = Trainer::new(&[doc]);
    assert!(trainer.instances() > 10);
    trainer.train(10);
    let model = Model::parse(&trainer.model_file(0.01, 0.0));
    assert!(!model.is_empty());
    let probe = "Witnesses said the police arrested a man.";
    let found = model.detect(probe, 0, probe.len());
    let named: Vec<(&str, &str)> = found
        .iter()
        .map(|m| (&probe[m.span.0..m.span.1], m.class.as_str()))
        .collect();
    assert_eq!(named, [("said", "REPORTING"), ("arrested", "OCCURRENCE")]);
}

#[test]
fn the_bundled_model_finds_the_events_of_any_kind_of_news() {
    let model = Model::bundled();
    assert!(model.len() > 1000, "model has {} features", model.len());
    let cases = [
        ("The Dow Jones fell 2 percent on Tuesday.", "fell", true),
        ("The plane crashed near the airport.", "crashed", true),
        ("The court ruled against the company.", "ruled", true),
        ("Police arrested three men.", "arrested", true),
        (
            "The company announced a recall of its cars.",
            "announced",
            true,
        ),
    ];
    for (sentence, word, takes_place) in cases {
        let found = model.detect(sentence, 0, sentence.len());
        let hit = found.iter().find(|m| &sentence[m.span.0..m.span.1] == word);
        assert_eq!(
            hit.map(|m| m.class.takes_place()),
            Some(takes_place),
            "{sentence}: {found:?}"
        );
    }
}
