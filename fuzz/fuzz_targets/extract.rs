//! The whole extraction of one document: repair, publication date,
//! sentences, time expressions (resolved against a publication date the
//! input may give), events, offsets back to the text, the JSON export.
#![no_main]

use dateline::analysis::{Analysis, Options, analyze_document};
use dateline::corpus::Document;
use dateline::temporal::Tagger;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static TAGGER: OnceLock<Tagger> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let tagger = TAGGER.get_or_init(Tagger::new);
    let text = String::from_utf8_lossy(bytes).into_owned();
    let mut options = Options::default();
    let path = "a.txt".to_owned();
    if pick % 2 == 0 {
        // With a user publication date, so relative dates resolve.
        let day = u32::from(pick) % 28 + 1;
        if let Some(date) = chrono::NaiveDate::from_ymd_opt(2017, 8, day) {
            options.published.insert(path.clone(), date);
        }
    }
    let mut doc = Document::new(path, "fuzz");
    doc.text = text.into();
    let analysed = analyze_document(doc, tagger, &options);
    let mut analysis = Analysis::default();
    analysis.push(analysed);
    analysis.merge_mentions();
    // Every offset must slice the text: the export does.
    let mut out = Vec::new();
    let _ = dateline::export::write_json(&analysis, &mut out);
    let _ = dateline::export::write_jsonl(&analysis, &mut out);
});
