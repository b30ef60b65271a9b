//! Trains the event-mention model on `TimeML` EVENT annotations and scores
//! it on held-out files. The committed `assets/events/mentions.model` is
//! written by
//!
//! ```text
//! cargo run --release --example train_mentions -- \
//!     --train ../shared/te3/train/TimeBank --train ../shared/te3/train/AQUAINT \
//!     --out assets/events/mentions.model
//! ```
//!
//! from the TempEval-3 TBAQ-cleaned training files (TimeBank 1.2 and the
//! AQUAINT TimeML corpus). Held-out figures, one direction each:
//!
//! ```text
//! cargo run --release --example train_mentions -- \
//!     --train ../shared/te3/train/TimeBank --test ../shared/te3/train/AQUAINT
//! ```
//!
//! Options: `--epochs N` (default 12), `--min-weight W` (default 0.5: the
//! smallest averaged weight kept in the file), `--none-bias B` (default -4, added to
//! the "no event" score: below 0 trades precision for recall), `--errors`
//! (list the test misses).

use dateline::events::mention::{MentionClass, Model, Trainer, TrainingDoc};
use dateline::tempeval::{TmlDoc, evaluate_events, read_tml_docs};
use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let mut train = Vec::new();
    let mut test = Vec::new();
    let mut out: Option<PathBuf> = None;
    let (mut epochs, mut min_weight, mut errors) = (12usize, 0.5f32, false);
    let mut none_bias = -4.0f32;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| anyhow::anyhow!("{arg} needs a value"))
        };
        match arg.as_str() {
            "--train" => train.push(PathBuf::from(value()?)),
            "--test" => test.push(PathBuf::from(value()?)),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--epochs" => epochs = value()?.parse()?,
            "--min-weight" => min_weight = value()?.parse()?,
            "--errors" => errors = true,
            "--none-bias" => none_bias = value()?.parse()?,
            other => anyhow::bail!("unknown argument {other}"),
        }
    }
    let train_docs = read_tml_docs(&train)?;
    anyhow::ensure!(!train_docs.is_empty(), "no .tml files under --train");
    let training: Vec<TrainingDoc> = train_docs.iter().map(|(_, d)| training_doc(d)).collect();
    let mut trainer = Trainer::new(&training);
    trainer.train(epochs);
    let file = trainer.model_file(min_weight, none_bias);
    let model = Model::parse(&file);
    eprintln!(
        "trained on {} documents ({} tokens scored), {epochs} epochs: {} features kept",
        train_docs.len(),
        trainer.instances(),
        model.len()
    );
    if let Some(out) = out {
        let sources: Vec<String> = train.iter().map(|p| p.display().to_string()).collect();
        let header = format!(
            "# Written by examples/train_mentions.rs (--epochs {epochs} --min-weight {min_weight} \
             --none-bias {none_bias}) from the TimeML EVENT annotations of {} ({} documents).\n",
            sources.join(", "),
            train_docs.len()
        );
        std::fs::write(&out, header + &file)?;
        eprintln!("wrote {} ({} bytes)", out.display(), file.len());
    }
    for (label, docs) in [("train", &train_docs), ("test", &read_tml_docs(&test)?)] {
        if docs.is_empty() {
            continue;
        }
        let report = evaluate_events(
            docs,
            &mut |text| model.detect_classes(text),
            errors && label == "test",
        );
        println!("== {label}\n{}", report.events_summary());
    }
    Ok(())
}

/// The document with its gold events as byte spans.
fn training_doc(doc: &TmlDoc) -> TrainingDoc {
    let map = dateline::text::CharMap::new(&doc.text);
    let byte = |c: usize| map.byte_of(c);
    TrainingDoc {
        text: doc.text.clone(),
        gold: doc
            .events
            .iter()
            .filter_map(|e| {
                MentionClass::parse(&e.kind).map(|class| ((byte(e.start), byte(e.end)), class))
            })
            .collect(),
    }
}
