//! Shared bench input: the sample articles, repeated to a large corpus.

use dateline::corpus::Document;

/// The sample articles as documents, repeated until at least `bytes` of text.
pub fn corpus(bytes: usize) -> Vec<Document> {
    let mut samples = Vec::new();
    if let Ok(dir) = std::fs::read_dir(dateline::sample_folder()) {
        let mut paths: Vec<_> = dir.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if let Ok(text) = std::fs::read_to_string(&path) {
                samples.push((
                    path.file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    text,
                ));
            }
        }
    }
    let mut docs = Vec::new();
    let mut total = 0;
    'fill: loop {
        for (name, text) in &samples {
            if total >= bytes {
                break 'fill;
            }
            total += text.len();
            docs.push(Document {
                path: format!("{}/{name}", docs.len()),
                title: name.clone(),
                text: text.as_str().into(),
                ..Document::default()
            });
        }
        if samples.is_empty() {
            break;
        }
    }
    docs
}
