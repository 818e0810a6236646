//! RSS and Atom feeds (`feed-rs`): each item is a document; its HTML content
//! goes through the same main-text path as a page, the feed's title is the
//! publisher, and the item's id is the hash of its own fields (its guid,
//! title, link and content), so that the same item read from another copy
//! of the feed is the same document.

use crate::{finish, html, IngestError};
use untangle_model::{ContentHash, DocFormat, Document, DocumentMeta, PartialDate};

fn date(dt: Option<chrono::DateTime<chrono::Utc>>) -> Option<PartialDate> {
    use chrono::Datelike;
    dt.and_then(|d| PartialDate::day(d.year(), d.month() as u8, d.day() as u8))
}

pub(crate) fn parse(locator: &str, bytes: &[u8]) -> Vec<Result<Document, IngestError>> {
    // feed-rs makes up a random id for an item with neither guid nor link;
    // ours must be the same on every read, so only the feed's own ids count.
    let parser = feed_rs::parser::Builder::new()
        .id_generator(|_, _, _| String::new())
        .build();
    let feed = match parser.parse(bytes) {
        Ok(f) => f,
        Err(e) => {
            use feed_rs::parser::{ParseErrorKind, ParseFeedError};
            let reason = match e {
                ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => {
                    "not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)".to_string()
                }
                other => other.to_string().replace('\n', " "),
            };
            return vec![Err(IngestError::Malformed {
                path: locator.to_string(),
                format: "feed XML",
                reason,
            })];
        }
    };
    let format = match feed.feed_type {
        feed_rs::model::FeedType::Atom => DocFormat::Atom,
        _ => DocFormat::Rss,
    };
    let publisher = feed.title.as_ref().map(|t| t.content.trim().to_string());
    if feed.entries.is_empty() {
        return vec![Err(IngestError::NoText {
            path: locator.to_string(),
        })];
    }
    feed.entries
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let item = format!("{locator}#item-{}", i + 1);
            // Item content is usually HTML; a summary may be plain text,
            // which the HTML path reads just as well.
            let raw = e
                .content
                .as_ref()
                .and_then(|c| c.body.clone())
                .or_else(|| e.summary.as_ref().map(|s| s.content.clone()))
                .unwrap_or_default();
            let title = e.title.as_ref().map(|t| t.content.trim().to_string());
            let link = e.links.first().map(|l| l.href.clone());
            let text = match html::fragment_text(&raw) {
                Ok(t) => t,
                Err(reason) => {
                    return Err(IngestError::Malformed {
                        path: item,
                        format: "HTML in a feed item",
                        reason,
                    })
                }
            };
            // The item's own identity: feed id, title, link and content.
            let canonical = format!(
                "{}\u{1f}{}\u{1f}{}\u{1f}{}",
                e.id,
                title.as_deref().unwrap_or(""),
                link.as_deref().unwrap_or(""),
                raw
            );
            let published = date(e.published.or(e.updated));
            let meta = DocumentMeta {
                title: title.clone(),
                url: link,
                publisher: publisher.clone(),
                published,
                published_from: published.map(|_| "metadata".to_string()),
                byline: e.authors.first().map(|a| a.name.clone()),
                ..DocumentMeta::default()
            };
            // A title-only item still says something: keep the title as text.
            let body = if text.trim().is_empty() {
                title.unwrap_or_default()
            } else {
                text
            };
            finish(
                &item,
                ContentHash::of(canonical.as_bytes()),
                format,
                meta,
                &body,
                false,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_and_atom_items_become_documents() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
        <item><title>One</title><link>https://w.example/1</link><pubDate>Tue, 02 Mar 2021 10:00:00 +0000</pubDate>
        <description>&lt;p&gt;First item text about the border.&lt;/p&gt;</description></item>
        <item><title>Two</title><description>Second item.</description></item></channel></rss>"#;
        let docs: Vec<Document> = parse("f.xml", rss.as_bytes())
            .into_iter()
            .map(Result::unwrap)
            .collect();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "First item text about the border.");
        assert_eq!(docs[0].meta.publisher.as_deref(), Some("Example Wire"));
        assert_eq!(docs[0].meta.published.unwrap().to_string(), "2021-03-02");
        assert_eq!(docs[0].meta.locator, "f.xml#item-1");
        assert_eq!(docs[0].format, DocFormat::Rss);
        assert_ne!(docs[0].id, docs[1].id);

        let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><updated>2020-10-24T00:00:00Z</updated>
        <entry><id>urn:1</id><title>E</title><updated>2020-10-24T00:00:00Z</updated><content type="html">&lt;p&gt;Atom body.&lt;/p&gt;</content></entry></feed>"#;
        let docs = parse("a.atom", atom.as_bytes());
        let d = docs[0].as_ref().unwrap();
        assert_eq!((d.format, d.text.as_str()), (DocFormat::Atom, "Atom body."));
    }

    #[test]
    fn items_without_guid_or_link_keep_their_id() {
        let rss = "<rss version=\"2.0\"><channel><title>W</title><item><title>Bare</title><description>Bare item text.</description></item></channel></rss>";
        let a = parse("a.xml", rss.as_bytes()).remove(0).unwrap();
        let b = parse("b.xml", rss.as_bytes()).remove(0).unwrap();
        assert_eq!(a.id, b.id);
    }

    #[test]
    fn broken_feeds_are_one_error() {
        let r = parse(
            "bad.xml",
            b"<?xml version=\"1.0\"?><rss><channel><item><title>x",
        );
        assert_eq!(r.len(), 1);
        let e = r[0].as_ref().unwrap_err().to_string();
        assert!(e.starts_with("bad.xml: malformed feed XML"), "{e}");
    }
}
