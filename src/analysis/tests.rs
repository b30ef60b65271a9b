use super::*;
use crate::temporal::Tagger;

/// A batch gives each document exactly what it gets alone: no stage
/// may mix up whose scan, date or sentences it holds.
#[test]
fn a_batch_gives_what_each_document_gets_alone() {
    let mut docs = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(crate::sample_folder())
        .map(|dir| dir.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let name = path.to_string_lossy().into_owned();
        // The article, and the same without its first line (often its
        // date): documents with and without a publication date.
        let rest = text.split_once('\n').map_or("", |(_, r)| r).to_owned();
        for (path, text) in [(name.clone(), text), (format!("{name}-rest"), rest)] {
            docs.push(Document {
                path,
                text: text.as_str().into(),
                ..Document::default()
            });
        }
    }
    assert!(docs.len() >= 10, "the sample folder is missing");
    let tagger = Tagger::new();
    let options = Options {
        current_year: Some(2026),
        ..Options::default()
    };
    let alone: Vec<AnalysedDoc> = docs
        .iter()
        .map(|d| analyze_document(d.clone(), &tagger, &options))
        .collect();
    let batch = analyze_documents(docs, &tagger, &options);
    assert_eq!(batch.len(), alone.len());
    let json = |d: &AnalysedDoc| serde_json::to_string(&(&d.doc, &d.events)).unwrap_or_default();
    for (b, a) in batch.iter().zip(&alone) {
        assert_eq!(json(b), json(a), "{}", a.doc.doc.path);
    }
    assert!(alone.iter().any(|d| d.doc.published.is_none()));
    assert!(alone.iter().any(|d| !d.events.is_empty()));
}
