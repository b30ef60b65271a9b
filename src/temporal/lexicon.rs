//! The temporal lexicon (`assets/temporal/lexicon_en.tsv`) and the regex
//! fragments built from it.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Word lists by class, loaded once.
pub struct Lexicon {
    /// Month names and abbreviations → month number.
    pub months: HashMap<String, u32>,
    /// Weekday names and abbreviations → ISO number (Monday = 1).
    pub weekdays: HashMap<String, u32>,
    /// Number words → value.
    pub numbers: HashMap<String, u32>,
    /// Unit words → duration code.
    pub units: HashMap<String, String>,
    /// Season words → season code.
    pub seasons: HashMap<String, String>,
    /// Words meaning now / recently → REF value.
    pub refs: HashMap<String, String>,
    /// Nouns that make a 4-digit number a count, not a year.
    pub count_nouns: Vec<String>,
}

const DATA: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/temporal/lexicon.tsv"
));

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lex = Lexicon {
        months: HashMap::new(),
        weekdays: HashMap::new(),
        numbers: HashMap::new(),
        units: HashMap::new(),
        seasons: HashMap::new(),
        refs: HashMap::new(),
        count_nouns: Vec::new(),
    };
    for fields in crate::text::data_rows(DATA) {
        let (Some(&class), Some(&word)) = (fields.first(), fields.get(1)) else {
            continue;
        };
        let value = fields.get(2).copied().unwrap_or_default();
        let key = word.to_lowercase();
        match class {
            "month" => _ = value.parse().map(|v| lex.months.insert(key, v)),
            "weekday" => _ = value.parse().map(|v| lex.weekdays.insert(key, v)),
            "number" => _ = value.parse().map(|v| lex.numbers.insert(key, v)),
            "unit" => _ = lex.units.insert(key, value.to_owned()),
            "season" => _ = lex.seasons.insert(key, value.to_owned()),
            "present" => _ = lex.refs.insert(key, value.to_owned()),
            "countnoun" => lex.count_nouns.push(key),
            _ => {}
        }
    }
    lex
});

impl Lexicon {
    /// The lexicon.
    #[must_use]
    pub fn get() -> &'static Self {
        &LEXICON
    }

    /// The value of a number written in digits or words ("12", "twenty-five", "a").
    #[must_use]
    pub fn number(&self, text: &str) -> Option<f64> {
        let text = text.trim().to_lowercase();
        if let Ok(n) = text.parse::<f64>() {
            return Some(n);
        }
        if let Some(whole) = text.strip_suffix("1/2") {
            return Some(self.number(whole)? + 0.5);
        }
        let parts: Vec<&str> = text
            .split(['-', ' '])
            .filter(|p| !p.is_empty() && *p != "and" && *p != "of")
            .collect();
        // "a couple of", "a dozen": the article is no number there.
        let parts = match parts.as_slice() {
            ["a", rest @ ..] if !rest.is_empty() => rest,
            all => all,
        };
        let mut total = 0u32;
        for part in parts {
            let value = *self.numbers.get(*part)?;
            total = if value == 100 {
                total.max(1) * 100
            } else {
                total + value
            };
        }
        Some(f64::from(total))
    }
}

/// Alternation of the keys of a map (longest first, regex-escaped).
#[must_use]
pub fn alternation<'a>(words: impl Iterator<Item = &'a String>) -> String {
    let mut words: Vec<&String> = words.collect();
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

#[cfg(test)]
mod tests {
    use super::Lexicon;

    #[test]
    fn numbers_in_words_and_digits() {
        let lex = Lexicon::get();
        for (text, value) in [
            ("12", 12.0),
            ("twenty-five", 25.0),
            ("a", 1.0),
            ("two", 2.0),
            ("1.5", 1.5),
            ("a hundred", 100.0),
        ] {
            assert_eq!(lex.number(text), Some(value), "{text}");
        }
        assert_eq!(lex.number("several"), None);
        assert_eq!(lex.months.get("sept"), Some(&9));
        assert_eq!(lex.weekdays.get("sunday"), Some(&7));
    }
}
