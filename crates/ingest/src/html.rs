//! HTML: main-content extraction and page metadata.
//!
//! Parsing is html5ever's (through `scraper`), which accepts any tag soup.
//! The main content is the `<article>`/`<main>` element when there is one,
//! else the body; inside it, subtrees that are page chrome are skipped: by
//! tag (script, style, nav, header, footer, aside, form, …) and by
//! class/id words (menu, sidebar, share, related, advert, …). Block elements
//! become paragraphs.

use crate::{finish, IngestError};
use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};
use std::sync::LazyLock;
use untangle_model::{ContentHash, DocFormat, Document, DocumentMeta};

static CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)"#).expect("charset regex")
});
static CHROME_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[\s_-])(?:nav|navbar|navigation|menu|footer|sidebar|share|sharing|social|comments?|related|advert|advertisement|ads?|promo|breadcrumbs?|subscribe|newsletter|cookie|banner|popup|modal|masthead|topbar|widget|byline-share|tags|labels)(?:[\s_-]|$)",
    )
    .expect("chrome class regex")
});
static JSONLD_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""datePublished"\s*:\s*"([^"]{4,40})""#).expect("json-ld date regex")
});

const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "iframe",
    "svg", "select", "template", "head", "menu", "dialog",
];
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "dd",
    "dt",
    "dl",
    "address",
    "hr",
    "body",
    "center",
];

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

/// Decodes HTML bytes: UTF-8, or the charset its `<meta>` declares.
fn decode(locator: &str, bytes: &[u8]) -> Result<String, IngestError> {
    match std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
            let enc = CHARSET
                .captures(&head)
                .and_then(|c| encoding_rs::Encoding::for_label(c[1].as_bytes()))
                .filter(|enc| *enc != encoding_rs::UTF_8);
            match enc {
                Some(enc) => Ok(enc.decode(bytes).0.into_owned()),
                None => Err(IngestError::InvalidUtf8 {
                    path: locator.to_string(),
                    offset: e.valid_up_to(),
                }),
            }
        }
    }
}

/// A whole page that opens `<html>` but never closes its body or html element
/// was cut off in transfer.
fn truncated(src: &str) -> bool {
    let head: String = src
        .trim_start()
        .chars()
        .take(200)
        .collect::<String>()
        .to_ascii_lowercase();
    let whole_page = head.starts_with("<!doctype") || head.starts_with("<html");
    let mut from = src.len().saturating_sub(4096);
    while !src.is_char_boundary(from) {
        from += 1;
    }
    let tail = src[from..].to_ascii_lowercase();
    whole_page && !tail.contains("</html") && !tail.contains("</body")
}

pub(crate) fn parse(locator: &str, bytes: &[u8]) -> Result<Document, IngestError> {
    let src = decode(locator, bytes)?;
    if truncated(&src) {
        return Err(IngestError::Malformed {
            path: locator.to_string(),
            format: "HTML",
            reason: "truncated: the page opens <html> but never closes <body> or <html>".into(),
        });
    }
    let page = Html::parse_document(&src);
    let meta = metadata(&page);
    let text = main_text(&page);
    finish(
        locator,
        ContentHash::of(bytes),
        DocFormat::Html,
        meta,
        &text,
        false,
    )
}

/// Text of an HTML fragment (a feed item's content), chrome removed.
pub(crate) fn fragment_text(src: &str) -> String {
    let frag = Html::parse_fragment(src);
    let mut out = Paragraphs::default();
    walk(frag.root_element(), &mut out, true);
    out.finish()
}

fn meta_content(page: &Html, selectors: &[&str]) -> Option<String> {
    selectors.iter().find_map(|s| {
        page.select(&sel(s))
            .filter_map(|e| {
                e.value()
                    .attr("content")
                    .or_else(|| e.value().attr("datetime"))
                    .or_else(|| e.value().attr("href"))
            })
            .map(str::trim)
            .find(|v| !v.is_empty())
            .map(str::to_string)
    })
}

fn element_text(e: ElementRef<'_>) -> String {
    e.text()
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn metadata(page: &Html) -> DocumentMeta {
    let mut m = DocumentMeta {
        title: meta_content(
            page,
            &["meta[property='og:title']", "meta[name='twitter:title']"],
        )
        .or_else(|| {
            page.select(&sel("title"))
                .map(element_text)
                .find(|t| !t.is_empty())
        })
        .or_else(|| {
            page.select(&sel("h1"))
                .map(element_text)
                .find(|t| !t.is_empty())
        }),
        url: meta_content(page, &["link[rel='canonical']", "meta[property='og:url']"])
            .filter(|u| u.starts_with("http")),
        publisher: meta_content(
            page,
            &[
                "meta[property='og:site_name']",
                "meta[name='application-name']",
            ],
        ),
        byline: meta_content(
            page,
            &["meta[name='author']", "meta[property='article:author']"],
        )
        .or_else(|| {
            page.select(&sel("[rel='author'], .byline, .author"))
                .map(element_text)
                .find(|t| !t.is_empty() && t.len() < 120)
        }),
        ..DocumentMeta::default()
    };
    let date = meta_content(
        page,
        &[
            "meta[property='article:published_time']",
            "meta[name='article:published_time']",
            "meta[itemprop='datePublished']",
            "meta[name='pubdate']",
            "meta[name='publishdate']",
            "meta[name='date']",
            "meta[name='dc.date']",
            "meta[name='DC.date.issued']",
            "time[datetime]",
        ],
    )
    .or_else(|| {
        page.select(&sel("script[type='application/ld+json']"))
            .find_map(|s| {
                JSONLD_DATE
                    .captures(&s.inner_html())
                    .map(|c| c[1].to_string())
            })
    });
    if let Some(d) = date.and_then(|d| crate::dates::parse_date_str(&d)) {
        m.published = Some(d);
        m.published_from = Some("metadata".into());
    }
    m
}

fn main_text(page: &Html) -> String {
    let root = [
        "article",
        "main",
        "[role='main']",
        "[itemprop='articleBody']",
    ]
    .iter()
    .filter_map(|s| {
        // The largest such element, if it holds real text.
        page.select(&sel(s))
            .max_by_key(|e| e.text().map(str::len).sum::<usize>())
    })
    .find(|e| e.text().map(str::len).sum::<usize>() > 200)
    .unwrap_or_else(|| {
        page.select(&sel("body"))
            .next()
            .unwrap_or_else(|| page.root_element())
    });
    let mut out = Paragraphs::default();
    walk(root, &mut out, true);
    out.finish()
}

/// Collects paragraphs: text runs between block boundaries.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    cur: String,
    space: bool,
}

impl Paragraphs {
    fn push_text(&mut self, t: &str) {
        // Whitespace at a text node's edges separates it from its
        // neighbours ("a <b>b</b>"); no whitespace joins them ("a<b>b</b>").
        if t.starts_with(char::is_whitespace) {
            self.space = true;
        }
        for (i, w) in t.split_whitespace().enumerate() {
            if (i > 0 || self.space) && !self.cur.is_empty() && !self.cur.ends_with('\n') {
                self.cur.push(' ');
            }
            self.space = false;
            self.cur.push_str(w);
        }
        if t.ends_with(char::is_whitespace) {
            self.space = true;
        }
    }

    fn line_break(&mut self) {
        let t = self.cur.trim_end().to_string();
        self.cur = t;
        self.space = false;
        if !self.cur.is_empty() {
            self.cur.push('\n');
        }
    }

    fn flush(&mut self) {
        let p = self.cur.trim().to_string();
        if !p.is_empty() {
            self.done.push(p);
        }
        self.cur.clear();
        self.space = false;
    }

    fn finish(mut self) -> String {
        self.flush();
        self.done.join("\n\n")
    }
}

fn walk(e: ElementRef<'_>, out: &mut Paragraphs, is_root: bool) {
    let name = e.value().name();
    if !is_root {
        if SKIP_TAGS.contains(&name) {
            return;
        }
        let attrs = format!(
            "{} {}",
            e.value().attr("class").unwrap_or(""),
            e.value().attr("id").unwrap_or("")
        );
        if CHROME_CLASS.is_match(&attrs)
            || e.value().attr("hidden").is_some()
            || e.value().attr("aria-hidden") == Some("true")
        {
            return;
        }
    }
    let block = BLOCK_TAGS.contains(&name);
    if block {
        out.flush();
    }
    for child in e.children() {
        match child.value() {
            Node::Text(t) => out.push_text(t),
            Node::Element(el) if el.name() == "br" => out.line_break(),
            Node::Element(_) => {
                if let Some(ce) = ElementRef::wrap(child) {
                    walk(ce, out, false);
                }
            }
            _ => {}
        }
    }
    if block {
        out.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn main_content_without_chrome_and_with_metadata() {
        let page = r#"<!DOCTYPE html><html><head><title>T | Site</title>
        <meta property="og:site_name" content="Example News">
        <link rel="canonical" href="https://news.example/a/1">
        <meta property="article:published_time" content="2021-03-01T10:00:00Z">
        <meta name="author" content="A. Writer">
        <script>var x = "not text";</script></head>
        <body><nav>Home World</nav><div class="share-bar">Share</div>
        <article><h1>Headline here</h1><p>First <b>bold</b> paragraph of the story, long enough to count as the main text of the page for sure.</p>
        <p>Second paragraph<br>with a break.</p><div class="related-posts"><p>Other story</p></div></article>
        <footer>© Example</footer></body></html>"#;
        let d = parse("p.html", page.as_bytes()).unwrap();
        assert_eq!(d.meta.publisher.as_deref(), Some("Example News"));
        assert_eq!(d.meta.url.as_deref(), Some("https://news.example/a/1"));
        assert_eq!(d.meta.published.unwrap().to_string(), "2021-03-01");
        assert_eq!(d.meta.byline.as_deref(), Some("A. Writer"));
        assert_eq!(d.meta.title.as_deref(), Some("T | Site"));
        assert!(
            d.text.starts_with("Headline here\n\nFirst bold paragraph"),
            "{}",
            d.text
        );
        assert!(d.text.contains("Second paragraph\nwith a break."));
        for chrome in ["Home", "Share", "Other story", "©", "not text"] {
            assert!(!d.text.contains(chrome), "{chrome} in {}", d.text);
        }
    }

    #[test]
    fn fragments_and_declared_charsets() {
        let frag = "<!-- http://example.org/x -->\n<p><strong>QDe.001 GROUP</strong></p><p>The group was listed on 6 October 2001.</p>";
        let d = parse("n.shtml", frag.as_bytes()).unwrap();
        assert_eq!(
            d.text,
            "QDe.001 GROUP\n\nThe group was listed on 6 October 2001."
        );
        let latin = b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 in Kabul</p></body></html>";
        assert_eq!(parse("l.html", latin).unwrap().text, "Café in Kabul");
        let bad = b"<html><body><p>Caf\xe9</p></body></html>";
        assert!(matches!(
            parse("b.html", bad),
            Err(IngestError::InvalidUtf8 { .. })
        ));
    }

    #[test]
    fn truncated_pages_are_refused() {
        let cut = "<!DOCTYPE html><html><head><title>x</title></head><body><p>Half a sto";
        assert!(matches!(
            parse("cut.html", cut.as_bytes()),
            Err(IngestError::Malformed { .. })
        ));
    }
}
