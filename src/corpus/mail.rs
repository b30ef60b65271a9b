//! E-mail (.eml) and mailboxes (.mbox) through `mail-parser`: one article
//! per message, the subject as title, the plain-text body (else the HTML
//! body through the HTML reader) as text, the `Date` header as a
//! publication-date candidate.

use super::html::read_html;
use super::{Document, title_from_text};
use chrono::NaiveDate;
use mail_parser::{MessageParser, PartType};

/// Reads a single message (.eml).
#[must_use]
pub fn read_eml(rel: &str, stem: &str, bytes: &[u8]) -> Document {
    let mut doc = Document::new(rel, stem);
    read_message(&mut doc, bytes, stem);
    doc
}

/// Reads a mailbox (mbox: each message starts with a `From ` line): one
/// document per message, `path#N` for message N (from 1).
#[must_use]
pub fn read_mbox(rel: &str, bytes: &[u8]) -> Vec<Document> {
    let mut docs = Vec::new();
    for (index, message) in mail_parser::mailbox::mbox::MessageIterator::new(bytes).enumerate() {
        let number = index + 1;
        let fallback = format!("message {number}");
        let mut doc = Document::in_file(rel, number, fallback.clone());
        match message {
            Ok(message) => read_message(&mut doc, message.contents(), &fallback),
            Err(err) => doc
                .problems
                .push(format!("message {number}: cannot read: {err}")),
        }
        docs.push(doc);
    }
    if docs.is_empty() && !bytes.iter().all(u8::is_ascii_whitespace) {
        let mut doc = Document::new(rel, rel.rsplit('/').next().unwrap_or(rel));
        doc.problems.push(
            "not read: no messages found (in an mbox file each message starts with a \"From \" line)"
                .to_owned(),
        );
        docs.push(doc);
    }
    docs
}

/// Fills `doc` from one raw RFC 5322 message.
fn read_message(doc: &mut Document, raw: &[u8], fallback_title: &str) {
    let Some(message) = MessageParser::default().parse(raw) else {
        doc.problems
            .push("not read: not an e-mail message (no headers or body found)".to_owned());
        return;
    };
    if let Some(date) = message
        .date()
        .and_then(|d| NaiveDate::from_ymd_opt(i32::from(d.year), d.month.into(), d.day.into()))
    {
        doc.metadata_dates.push(date);
    }
    let subject = message
        .subject()
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty());
    let mut html_title = None;
    let plain = message.text_part(0).and_then(|part| match &part.body {
        PartType::Text(text) => Some(text.replace("\r\n", "\n")),
        _ => None,
    });
    let text = plain.or_else(|| {
        message.html_part(0).and_then(|part| match &part.body {
            PartType::Html(html) => {
                let page = read_html(html);
                html_title = page.title;
                Some(page.text)
            }
            _ => None,
        })
    });
    let text = text.unwrap_or_default();
    doc.title = subject
        .or(html_title)
        .unwrap_or_else(|| title_from_text(&text, fallback_title));
    if text.trim().is_empty() {
        doc.problems
            .push("empty: this message has no text body".to_owned());
    }
    doc.text = text.into();
}

#[cfg(test)]
mod tests {
    use super::{read_eml, read_mbox};

    #[test]
    fn plain_message_subject_date_body() {
        let eml = "From: alerts@example.com\r\nSubject: Rogozin to visit Tehran\r\nDate: Sat, 5 Aug 2017 23:30:00 +0300\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nRogozin is set to visit Iran on Saturday.\r\nSecond line.\r\n";
        let doc = read_eml("a/alert.eml", "alert", eml.as_bytes());
        assert_eq!(doc.path, "a/alert.eml");
        assert_eq!(doc.title, "Rogozin to visit Tehran");
        assert_eq!(
            &*doc.text,
            "Rogozin is set to visit Iran on Saturday.\nSecond line.\n"
        );
        assert_eq!(
            doc.metadata_dates
                .first()
                .map(ToString::to_string)
                .as_deref(),
            Some("2017-08-05")
        );
        assert!(doc.problems.is_empty(), "{:?}", doc.problems);
    }

    #[test]
    fn html_only_message_goes_through_the_html_reader() {
        let eml = "Subject: Alert\nDate: Mon, 23 Jan 2023 10:00:00 +0000\nContent-Type: text/html\n\n<html><body><nav>Menu</nav><p>Leaders met in Tehran.</p></body></html>\n";
        let doc = read_eml("x.eml", "x", eml.as_bytes());
        assert_eq!(&*doc.text, "Leaders met in Tehran.");
        assert_eq!(doc.title, "Alert");
    }

    #[test]
    fn message_without_body_is_a_problem() {
        let doc = read_eml("x.eml", "x", b"Subject: Nothing here\r\n\r\n");
        assert_eq!(doc.title, "Nothing here");
        assert!(
            doc.problems.iter().any(|p| p.contains("no text body")),
            "{:?}",
            doc.problems
        );
    }

    #[test]
    fn mailbox_one_document_per_message() {
        let mbox = "From a@b Sat Aug  5 10:00:00 2017\nSubject: First\nDate: Sat, 5 Aug 2017 10:00:00 +0000\n\nOne.\n>From the quoted line.\n\nFrom a@b Sun Aug  6 10:00:00 2017\nSubject: Second\n\nTwo.\n";
        let docs = read_mbox("mail/box.mbox", mbox.as_bytes());
        let paths: Vec<&str> = docs.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["mail/box.mbox#1", "mail/box.mbox#2"]);
        assert_eq!(docs[1].title, "Second");
        assert_eq!(docs[1].record, Some(2));
        assert!(
            docs[0].text.contains("From the quoted line."),
            "{}",
            docs[0].text
        );
        assert!(read_mbox("m.mbox", b"").is_empty());
        assert!(read_mbox("m.mbox", b"no from line")[0].problems[0].contains("no messages"));
    }
}
