//! HTML pages through a real HTML parser (html5ever via `scraper`): the
//! visible article text, the title and the publication-date metadata.

use chrono::NaiveDate;
use scraper::{ElementRef, Html, Node, Selector};
use std::sync::LazyLock;

/// What an HTML page yields.
pub struct HtmlPage {
    /// Visible text, blocks separated by line breaks.
    pub text: String,
    /// `<title>` (or `og:title`), trimmed.
    pub title: Option<String>,
    /// Dates from metadata, most trusted first.
    pub dates: Vec<NaiveDate>,
}

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "nav", "header", "footer", "aside",
    "form", "button", "select", "head",
];

/// Elements that start a new line of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "blockquote",
    "tr",
    "table",
    "figcaption",
    "figure",
    "pre",
    "hr",
    "dd",
    "dt",
    "main",
    "time",
];

/// Meta tags carrying a publication date, most trusted first.
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
];

#[expect(
    clippy::expect_used,
    reason = "constant selectors, checked by the tests"
)]
fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("valid constant selector")
}

#[expect(
    clippy::expect_used,
    reason = "constant patterns, checked by the tests"
)]
fn regex(pattern: &str) -> regex::Regex {
    regex::Regex::new(&crate::text::ascii_rule_pattern(pattern)).expect("valid constant regex")
}

static META: LazyLock<Selector> = LazyLock::new(|| selector("meta"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));
static JSON_LD: LazyLock<Selector> =
    LazyLock::new(|| selector("script[type=\"application/ld+json\"]"));
static ARTICLE: LazyLock<Selector> = LazyLock::new(|| selector("article"));
static BODY: LazyLock<Selector> = LazyLock::new(|| selector("body"));
static ISO_DATE: LazyLock<regex::Regex> = LazyLock::new(|| regex(r"(\d{4})-(\d{2})-(\d{2})"));
static JSON_LD_DATE: LazyLock<regex::Regex> =
    LazyLock::new(|| regex(r#""datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2})"#));

/// Parses an HTML page.
#[must_use]
pub fn read_html(source: &str) -> HtmlPage {
    let doc = Html::parse_document(source);
    let mut dates = Vec::new();
    let mut og_title = None;
    for meta in doc.select(&META) {
        let el = meta.value();
        let key = el
            .attr("property")
            .or_else(|| el.attr("name"))
            .or_else(|| el.attr("itemprop"))
            .unwrap_or_default()
            .to_ascii_lowercase();
        let content = el.attr("content").unwrap_or_default();
        if key == "og:title" {
            og_title = Some(content.trim().to_owned());
        }
        if let Some(rank) = DATE_META.iter().position(|k| *k == key)
            && let Some(date) = iso_date(content)
        {
            dates.push((rank, date));
        }
    }
    for script in doc.select(&JSON_LD) {
        let json: String = script.text().collect();
        if let Some(date) = JSON_LD_DATE
            .captures(&json)
            .and_then(|c| c.get(1))
            .and_then(|m| iso_date(m.as_str()))
        {
            dates.push((0, date));
        }
    }
    for time in doc.select(&TIME).take(1) {
        if let Some(date) = time.value().attr("datetime").and_then(iso_date) {
            dates.push((DATE_META.len(), date));
        }
    }
    dates.sort_by_key(|(rank, _)| *rank);
    let mut unique = Vec::new();
    for (_, date) in dates {
        if !unique.contains(&date) {
            unique.push(date);
        }
    }
    let title = doc
        .select(&TITLE)
        .next()
        .map(|t| t.text().collect::<String>().trim().to_owned())
        .filter(|t| !t.is_empty())
        .or(og_title.filter(|t| !t.is_empty()));
    let root = doc
        .select(&ARTICLE)
        .next()
        .or_else(|| doc.select(&BODY).next());
    let mut text = String::new();
    if let Some(root) = root {
        collect_text(root, &mut text);
    }
    HtmlPage {
        text: tidy_lines(&text),
        title,
        dates: unique,
    }
}

fn iso_date(value: &str) -> Option<NaiveDate> {
    let caps = ISO_DATE.captures(value)?;
    let num = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    NaiveDate::from_ymd_opt(i32::try_from(num(1)?).ok()?, num(2)?, num(3)?)
}

fn collect_text(element: ElementRef<'_>, out: &mut String) {
    // An explicit stack: deeply nested pages must not overflow the call stack.
    enum Step<'a> {
        Enter(ego_tree::NodeRef<'a, Node>),
        Leave(bool),
    }
    let mut stack = vec![Step::Enter(*element)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Leave(block) => {
                if block {
                    out.push('\n');
                }
            }
            Step::Enter(node) => match node.value() {
                Node::Text(text) => out.push_str(text),
                Node::Element(el) => {
                    let name = el.name();
                    if SKIPPED.contains(&name) {
                        continue;
                    }
                    let block = BLOCKS.contains(&name);
                    if block {
                        out.push('\n');
                    }
                    stack.push(Step::Leave(block));
                    let children: Vec<_> = node.children().collect();
                    stack.extend(children.into_iter().rev().map(Step::Enter));
                }
                _ => {}
            },
        }
    }
}

/// Collapses runs of spaces inside lines and blank lines between blocks.
fn tidy_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&words.join(" "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::read_html;

    #[test]
    fn reads_visible_text_title_and_metadata() {
        let html = r#"<html><head><title>Rogozin visits Tehran</title>
            <meta property="article:published_time" content="2017-08-05T11:54:00+03:00">
            <script>var x = "not text";</script></head>
            <body><nav>Home | World</nav><article><h1>Rogozin visits Tehran</h1>
            <p>Rogozin is set to <b>visit</b> Iran on Saturday.</p><p>Second&nbsp;paragraph.</p></article>
            <footer>Copyright</footer></body></html>"#;
        let page = read_html(html);
        assert_eq!(page.title.as_deref(), Some("Rogozin visits Tehran"));
        assert_eq!(
            page.dates.first().map(ToString::to_string).as_deref(),
            Some("2017-08-05")
        );
        assert!(
            page.text
                .contains("Rogozin is set to visit Iran on Saturday."),
            "{}",
            page.text
        );
        assert!(!page.text.contains("not text"));
        assert!(!page.text.contains("Home | World"));
        assert!(!page.text.contains("Copyright"));
    }

    #[test]
    fn json_ld_date_is_used() {
        let html = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-01-23T10:00:00Z"}</script></head><body><p>Text.</p></body></html>"#;
        let page = read_html(html);
        assert_eq!(
            page.dates.first().map(ToString::to_string).as_deref(),
            Some("2023-01-23")
        );
    }
}
