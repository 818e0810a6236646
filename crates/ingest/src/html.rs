//! HTML: main-content extraction and page metadata.
//!
//! Parsing is html5ever's (through `scraper`), which accepts any tag soup,
//! fragments included. The main content is found in three steps, all
//! iterative (deeply nested hostile input cannot overflow the stack):
//!
//! 1. Measure: the text length and the paragraph-text length (text inside
//!    `<p>`) of every element, leaving out what is never content (scripts,
//!    styles, forms controls, …).
//! 2. Choose: page chrome is an element that is `nav`, `header`, `footer`,
//!    `aside`, `form`, `menu`, hidden, or has a class/id/role like menu,
//!    sidebar, share, related, advert, comments — *unless it holds most of
//!    the page's paragraph text* (ASP.NET wraps whole pages in one `<form>`,
//!    themes put `has-sidebar` on the content wrapper). Outside chrome, each
//!    `<p>` scores its text for its parent and a quarter for its grandparent
//!    (direct text of a `<div>` or `<td>` scores for it too); the best
//!    block, with neighbouring blocks of comparable paragraph text, is the
//!    content. A semantic `<article>`/`<main>` wrapping that block is
//!    preferred when it adds little else.
//! 3. Read: the chosen subtrees, chrome skipped, block elements as
//!    paragraphs, `<br>` as line breaks.
//!
//! Metadata: title (`og:title`, `<title>`, `<h1>`), publication date
//! (`article:published_time` and kin, JSON-LD `datePublished`, `<time
//! datetime>` inside the content), byline (`author` meta, `rel=author`),
//! canonical URL (`<link rel=canonical>`, `og:url`, or a URL in a comment
//! opening the file, as scrapers leave), publisher (`og:site_name`).

use crate::{finish, IngestError};
use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};
use std::collections::HashMap;
use std::sync::LazyLock;
use untangle_model::{ContentHash, DocFormat, Document, DocumentMeta};

static CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)"#).expect("charset regex")
});
/// Class, id and role words of page chrome.
static CHROME_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[\s_-])(?:nav|navbar|navigation|menu|footer|sidebar|share|sharing|social|comments?|related|advert|advertisement|ads?|promo|breadcrumbs?|subscribe|newsletter|cookie|banner|popup|modal|masthead|topbar|widget|tags|labels|complementary|contentinfo|search)(?:[\s_-]|$)",
    )
    .expect("chrome class regex")
});
static DISPLAY_NONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)display\s*:\s*none").expect("display regex"));
static JSONLD_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""datePublished"\s*:\s*"([^"]{4,40})""#).expect("json-ld date regex")
});
/// A URL in a comment opening the file (`<!-- https://… -->`), maybe with
/// the date of the scrape glued on after the file name.
static COMMENT_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(https?://[^\s<>]+?\.(?:s?html?|php|aspx?|jsp|cfm))(?:\d{1,2}-\d{1,2}-\d{4})?\s*$|^\s*(https?://[^\s<>]+)\s*$",
    )
    .expect("comment url regex")
});

/// Never content: skipped everywhere and not measured.
const HARD_SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "title", "select", "option",
    "button", "iframe", "object", "embed", "canvas", "textarea", "input", "math", "datalist",
];
/// Page chrome by tag (skipped unless it holds most of the page's text).
const SOFT_SKIP: &[&str] = &["nav", "header", "footer", "aside", "form", "menu", "dialog"];
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
    "caption",
    "dd",
    "dt",
    "dl",
    "address",
    "hr",
    "body",
    "center",
    "details",
    "summary",
    "header",
    "footer",
    "nav",
    "aside",
    "form",
    "fieldset",
    "legend",
];

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

macro_rules! selectors {
    ($name:ident = [$($s:expr),+ $(,)?]) => {
        static $name: LazyLock<Vec<Selector>> = LazyLock::new(|| vec![$(sel($s)),+]);
    };
}

selectors!(TITLE = ["meta[property='og:title']", "meta[name='twitter:title']"]);
selectors!(TITLE_TAG = ["title"]);
selectors!(H1 = ["h1"]);
selectors!(URL = ["link[rel~='canonical']", "meta[property='og:url']"]);
selectors!(
    PUBLISHER = [
        "meta[property='og:site_name']",
        "meta[name='application-name']"
    ]
);
selectors!(AUTHOR_META = ["meta[name='author']", "meta[property='article:author']"]);
selectors!(
    AUTHOR_EL = [
        "[rel~='author']",
        "[itemprop='author']",
        ".byline",
        ".author"
    ]
);
selectors!(
    DATE_META = [
        "meta[property='article:published_time']",
        "meta[name='article:published_time']",
        "meta[property='og:published_time']",
        "meta[property='og:article:published_time']",
        "meta[itemprop='datePublished']",
        "meta[name='pubdate']",
        "meta[name='publishdate']",
        "meta[name='publish-date']",
        "meta[name='date']",
        "meta[name='dc.date']",
        "meta[name='DC.date.issued']",
        "meta[name='dcterms.date']",
        "time[itemprop='datePublished']",
        "time[pubdate]",
    ]
);
selectors!(JSONLD = ["script[type='application/ld+json']"]);
selectors!(TIME = ["time[datetime]"]);
selectors!(BODY = ["body"]);

/// `<article>`, `<main>`, `role=main`, `itemprop=articleBody`.
fn semantic(e: &scraper::node::Element) -> bool {
    matches!(e.name(), "article" | "main")
        || e.attr("role") == Some("main")
        || e.attr("itemprop") == Some("articleBody")
}

/// Decodes HTML bytes: UTF-8, or the charset its `<meta>` declares.
fn decode(locator: &str, bytes: &[u8]) -> Result<String, IngestError> {
    match std::str::from_utf8(bytes) {
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
    let lead = src.trim_start();
    let head = lead.get(..lead.len().min(200)).unwrap_or(lead);
    let head = head.to_ascii_lowercase();
    let whole_page = head.starts_with("<!doctype") || head.starts_with("<html");
    let mut from = src.len().saturating_sub(4096);
    while !src.is_char_boundary(from) {
        from += 1;
    }
    let tail = src[from..].to_ascii_lowercase();
    whole_page && !tail.contains("</html") && !tail.contains("</body")
}

/// Block containers that html5ever checks the whole open-element stack for
/// on every start tag: nesting thousands of them makes parsing quadratic.
const DEEP_CONTAINERS: &[&[u8]] = &[
    b"div",
    b"section",
    b"article",
    b"aside",
    b"blockquote",
    b"center",
    b"details",
    b"dialog",
    b"dir",
    b"dl",
    b"fieldset",
    b"figure",
    b"figcaption",
    b"footer",
    b"header",
    b"hgroup",
    b"main",
    b"menu",
    b"nav",
    b"ol",
    b"ul",
    b"form",
    b"address",
];

/// Deepest nesting a page can reach; browsers stop nesting at 512.
const MAX_DEPTH: usize = 4096;

/// How deep block containers nest, counting their open and close tags (an
/// estimate: it does not know about implied end tags, which block
/// containers do not have).
fn container_depth(src: &[u8]) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = src[i..].iter().position(|&b| b == b'<') {
        i += off + 1;
        let closing = src.get(i) == Some(&b'/');
        let start = i + usize::from(closing);
        let len = src[start..]
            .iter()
            .take(12)
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = &src[start..start + len];
        if DEEP_CONTAINERS.iter().any(|c| c.eq_ignore_ascii_case(name)) {
            if closing {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                max = max.max(depth);
            }
        }
    }
    max
}

pub(crate) fn parse(locator: &str, id: ContentHash, bytes: &[u8]) -> Result<Document, IngestError> {
    let src = decode(locator, bytes)?;
    let malformed = |reason: String| IngestError::Malformed {
        path: locator.to_string(),
        format: "HTML",
        reason,
    };
    if truncated(&src) {
        return Err(malformed(
            "truncated: the page opens <html> but never closes <body> or <html>".into(),
        ));
    }
    if container_depth(src.as_bytes()) > MAX_DEPTH {
        return Err(malformed(format!(
            "elements nested deeper than {MAX_DEPTH} levels"
        )));
    }
    let page = Html::parse_document(&src);
    let content = Content::find(&page);
    let mut meta = metadata(&page, &content);
    if meta.url.is_none() {
        meta.url = leading_comment_url(&page);
    }
    let text = content.text();
    finish(locator, id, DocFormat::Html, meta, &text, true)
}

/// Text of an HTML fragment (a feed item's content), by the same
/// main-content path as a page; `Err` with the reason when it nests too
/// deep to parse in reasonable time.
pub(crate) fn fragment_text(src: &str) -> Result<String, String> {
    if container_depth(src.as_bytes()) > MAX_DEPTH {
        return Err(format!("elements nested deeper than {MAX_DEPTH} levels"));
    }
    let frag = Html::parse_fragment(src);
    Ok(Content::find(&frag).text())
}

fn attr_values<'a>(
    page: &'a Html,
    selectors: &'a [Selector],
) -> impl Iterator<Item = &'a str> + 'a {
    selectors.iter().flat_map(move |s| {
        page.select(s).filter_map(|e| {
            let v = e.value();
            v.attr("content")
                .or_else(|| v.attr("datetime"))
                .or_else(|| v.attr("href"))
                .map(str::trim)
                .filter(|v| !v.is_empty())
        })
    })
}

fn element_text(e: ElementRef<'_>) -> String {
    let mut out = String::new();
    for w in e.text().flat_map(str::split_whitespace) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn first_text(page: &Html, selectors: &[Selector], max: usize) -> Option<String> {
    selectors.iter().find_map(|s| {
        page.select(s)
            .map(element_text)
            .find(|t| !t.is_empty() && t.chars().count() <= max)
    })
}

fn metadata(page: &Html, content: &Content<'_>) -> DocumentMeta {
    let mut m = DocumentMeta {
        title: attr_values(page, &TITLE)
            .next()
            .map(str::to_string)
            .or_else(|| first_text(page, &TITLE_TAG, 400))
            .or_else(|| first_text(page, &H1, 400)),
        url: attr_values(page, &URL)
            .find(|u| u.starts_with("http://") || u.starts_with("https://"))
            .map(str::to_string),
        publisher: attr_values(page, &PUBLISHER).next().map(str::to_string),
        byline: attr_values(page, &AUTHOR_META)
            .find(|a| !a.starts_with("http"))
            .map(str::to_string)
            .or_else(|| first_text(page, &AUTHOR_EL, 120)),
        ..DocumentMeta::default()
    };
    let date = attr_values(page, &DATE_META)
        .find_map(crate::dates::parse_date_str)
        .or_else(|| {
            JSONLD.iter().flat_map(|s| page.select(s)).find_map(|s| {
                let json: String = s.text().collect();
                JSONLD_DATE
                    .captures(&json)
                    .and_then(|c| crate::dates::parse_date_str(&c[1]))
            })
        })
        .or_else(|| content.time_in_content());
    if let Some(d) = date {
        m.published = Some(d);
        m.published_from = Some("metadata".into());
    }
    m
}

/// The URL in the last of the comments that open a file (scrapers record
/// where they got a page that way).
fn leading_comment_url(page: &Html) -> Option<String> {
    let mut url = None;
    for node in page.tree.root().descendants().skip(1) {
        match node.value() {
            Node::Comment(c) => {
                if let Some(caps) = COMMENT_URL.captures(c) {
                    url = caps
                        .get(1)
                        .or_else(|| caps.get(2))
                        .map(|m| m.as_str().to_string());
                }
            }
            Node::Text(t) if t.trim().is_empty() => {}
            Node::Doctype(_) => {}
            Node::Element(e) if matches!(e.name(), "html" | "head" | "body") => {}
            _ => break,
        }
    }
    url
}

/// Text and paragraph-text lengths of an element's subtree.
#[derive(Debug, Clone, Copy, Default)]
struct Size {
    text: u32,
    para: u32,
}

/// The main content of a parsed page: the subtrees to read and how to tell
/// chrome inside them.
struct Content<'a> {
    sizes: HashMap<NodeId, Size>,
    /// Paragraph text of the whole page, or all its text when it has no
    /// paragraphs: the yardstick for "holds most of the page".
    total: u32,
    use_para: bool,
    roots: Vec<NodeRef<'a, Node>>,
}

fn element(node: NodeRef<'_, Node>) -> Option<&scraper::node::Element> {
    match node.value() {
        Node::Element(e) => Some(e),
        _ => None,
    }
}

fn hard_skip(name: &str) -> bool {
    HARD_SKIP.contains(&name)
}

fn soft_chrome(e: &scraper::node::Element) -> bool {
    if SOFT_SKIP.contains(&e.name())
        || e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
    {
        return true;
    }
    if e.attr("style").is_some_and(|s| DISPLAY_NONE.is_match(s)) {
        return true;
    }
    [e.attr("class"), e.attr("id"), e.attr("role")]
        .into_iter()
        .flatten()
        .any(|v| CHROME_CLASS.is_match(v))
}

fn add(scores: &mut HashMap<NodeId, u32>, id: NodeId, len: u32) {
    let s = scores.entry(id).or_default();
    *s = s.saturating_add(len);
}

fn len32(s: &str) -> u32 {
    u32::try_from(s.trim().len()).unwrap_or(u32::MAX)
}

impl<'a> Content<'a> {
    fn find(page: &'a Html) -> Self {
        let doc_root = page.tree.root();
        // 1. Measure, children before parents (reverse document order).
        let nodes: Vec<NodeRef<'a, Node>> = doc_root.descendants().collect();
        let mut sizes: HashMap<NodeId, Size> = HashMap::with_capacity(nodes.len());
        for node in nodes.iter().rev() {
            let own = match node.value() {
                Node::Text(t) => Size {
                    text: len32(t),
                    para: 0,
                },
                Node::Element(e) if hard_skip(e.name()) => Size::default(),
                Node::Element(e) => {
                    let s = sizes.get(&node.id()).copied().unwrap_or_default();
                    let s = if e.name() == "p" {
                        Size {
                            text: s.text,
                            para: s.text,
                        }
                    } else {
                        s
                    };
                    sizes.insert(node.id(), s);
                    s
                }
                _ => continue,
            };
            if let Some(parent) = node.parent() {
                let p = sizes.entry(parent.id()).or_default();
                p.text = p.text.saturating_add(own.text);
                p.para = p.para.saturating_add(own.para);
            }
        }
        let whole = sizes.get(&doc_root.id()).copied().unwrap_or_default();
        let use_para = whole.para > 0;
        let mut content = Content {
            sizes,
            total: if use_para { whole.para } else { whole.text },
            use_para,
            roots: Vec::new(),
        };
        content.roots = content.choose(page);
        content
    }

    fn weight(&self, node: NodeRef<'_, Node>) -> u32 {
        let s = self.sizes.get(&node.id()).copied().unwrap_or_default();
        if self.use_para {
            s.para
        } else {
            s.text
        }
    }

    /// Whether to skip an element (and its subtree) when reading.
    fn skip(&self, node: NodeRef<'_, Node>) -> bool {
        match element(node) {
            Some(e) if hard_skip(e.name()) => true,
            Some(e) => soft_chrome(e) && self.weight(node).saturating_mul(2) < self.total,
            None => false,
        }
    }

    /// 2. Choose the subtrees that hold the content.
    fn choose(&self, page: &'a Html) -> Vec<NodeRef<'a, Node>> {
        let doc_root = page.tree.root();
        let body = BODY
            .iter()
            .flat_map(|s| page.select(s))
            .next()
            .map(|b| *b)
            .unwrap_or_else(|| *page.root_element());
        // Scores, and semantic elements, outside chrome.
        let mut scores: HashMap<NodeId, u32> = HashMap::new();
        let mut semantic_nodes: Vec<NodeRef<'a, Node>> = Vec::new();
        let mut skipping: Option<NodeId> = None;
        for edge in doc_root.traverse() {
            match edge {
                Edge::Open(node) if skipping.is_none() => {
                    if self.skip(node) {
                        skipping = Some(node.id());
                        continue;
                    }
                    match node.value() {
                        Node::Element(e) if e.name() == "p" => {
                            let len = self.sizes.get(&node.id()).map_or(0, |s| s.text);
                            if let Some(parent) = node.parent() {
                                add(&mut scores, parent.id(), len);
                                if let Some(grand) = parent.parent() {
                                    add(&mut scores, grand.id(), len / 4);
                                }
                            }
                        }
                        Node::Element(e) if semantic(e) => semantic_nodes.push(node),
                        Node::Text(t) => {
                            // Text straight inside a block other than <p>
                            // (old pages: text and <br>s in a <div> or <td>);
                            // link text does not count.
                            let len = len32(t);
                            if len >= 25 {
                                if let Some(parent) = node.parent().filter(|p| {
                                    element(*p).is_some_and(|e| {
                                        e.name() != "p" && BLOCK_TAGS.contains(&e.name())
                                    })
                                }) {
                                    add(&mut scores, parent.id(), len);
                                }
                            }
                        }
                        _ => {}
                    }
                }
                Edge::Close(node) if skipping == Some(node.id()) => skipping = None,
                _ => {}
            }
        }
        let best = scores
            .iter()
            .filter(|(_, s)| **s >= 100)
            .max_by_key(|(id, s)| (**s, std::cmp::Reverse(**id)))
            .and_then(|(id, _)| page.tree.get(*id));
        let semantic = semantic_nodes
            .into_iter()
            .max_by_key(|n| (self.weight(*n), std::cmp::Reverse(n.id())));

        let Some(best) = best else {
            // No block stands out: a semantic element with text, or the body.
            return vec![semantic.filter(|s| self.weight(*s) > 0).unwrap_or(body)];
        };
        let run = self.sibling_run(best);
        let run_weight: u32 = run.iter().map(|n| self.weight(*n)).sum();
        if let Some(s) = semantic {
            let sw = self.weight(s);
            let wraps_best = s.id() == best.id() || best.ancestors().any(|a| a.id() == s.id());
            let inside_best = s.ancestors().any(|a| a.id() == best.id());
            if (wraps_best && u64::from(sw) * 2 <= u64::from(run_weight) * 3)
                || (inside_best && u64::from(sw) * 5 >= u64::from(run_weight) * 4)
            {
                return vec![s];
            }
        }
        run
    }

    /// The best block and its neighbours with comparable paragraph text: the
    /// siblings from the first to the last such one (content split by an
    /// advert or a subheading stays whole).
    fn sibling_run(&self, best: NodeRef<'a, Node>) -> Vec<NodeRef<'a, Node>> {
        let Some(parent) = best.parent().filter(|p| {
            element(best).is_some_and(|e| !matches!(e.name(), "body" | "html"))
                && element(*p).is_some()
        }) else {
            return vec![best];
        };
        let bw = self.weight(best);
        let siblings: Vec<NodeRef<'a, Node>> = parent.children().collect();
        let qualifies = |n: &NodeRef<'a, Node>| {
            n.id() == best.id()
                || (element(*n).is_some()
                    && !self.skip(*n)
                    && self.weight(*n) >= 50
                    && u64::from(self.weight(*n)) * 5 >= u64::from(bw))
        };
        let first = siblings.iter().position(qualifies).unwrap_or(0);
        let last = siblings
            .iter()
            .rposition(qualifies)
            .unwrap_or(siblings.len().saturating_sub(1));
        // Chrome between the blocks (an advert) stays out.
        siblings[first..=last.max(first)]
            .iter()
            .copied()
            .filter(|n| n.id() == best.id() || !self.skip(*n))
            .collect()
    }

    /// The first `<time datetime>` inside the content (a `<time>` elsewhere
    /// may date a sidebar item).
    fn time_in_content(&self) -> Option<untangle_model::PartialDate> {
        self.roots.iter().find_map(|r| {
            let e = ElementRef::wrap(*r)?;
            TIME.iter()
                .flat_map(|s| e.select(s))
                .filter_map(|t| t.value().attr("datetime"))
                .find_map(crate::dates::parse_date_str)
        })
    }

    /// 3. Read the chosen subtrees into paragraphs.
    fn text(&self) -> String {
        let mut out = Paragraphs::default();
        for root in &self.roots {
            let mut skipping: Option<NodeId> = None;
            for edge in root.traverse() {
                match edge {
                    Edge::Open(node) => {
                        if skipping.is_some() {
                            continue;
                        }
                        match node.value() {
                            Node::Text(t) => out.push_text(t),
                            Node::Element(e) => {
                                if node.id() != root.id() && self.skip(node) {
                                    skipping = Some(node.id());
                                } else if e.name() == "br" {
                                    out.line_break();
                                } else if BLOCK_TAGS.contains(&e.name()) {
                                    out.flush();
                                }
                            }
                            _ => {}
                        }
                    }
                    Edge::Close(node) => {
                        if skipping == Some(node.id()) {
                            skipping = None;
                        } else if skipping.is_none()
                            && element(node).is_some_and(|e| BLOCK_TAGS.contains(&e.name()))
                        {
                            out.flush();
                        }
                    }
                }
            }
            out.flush();
        }
        out.finish()
    }
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
        // Two breaks in a row end a paragraph.
        if self.cur.ends_with('\n') {
            self.flush();
            return;
        }
        let keep = self.cur.trim_end().len();
        self.cur.truncate(keep);
        self.space = false;
        if !self.cur.is_empty() {
            self.cur.push('\n');
        }
    }

    fn flush(&mut self) {
        let p = self.cur.trim();
        if !p.is_empty() {
            self.done.push(p.to_string());
        }
        self.cur.clear();
        self.space = false;
    }

    fn finish(mut self) -> String {
        self.flush();
        self.done.join("\n\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(bytes: &[u8]) -> Result<Document, IngestError> {
        parse("p.html", ContentHash::of(bytes), bytes)
    }

    #[test]
    fn main_content_without_chrome_and_with_metadata() {
        let src = r#"<!DOCTYPE html><html><head><title>T | Site</title>
        <meta property="og:site_name" content="Example News">
        <link rel="canonical" href="https://news.example/a/1">
        <meta property="article:published_time" content="2021-03-01T10:00:00Z">
        <meta name="author" content="A. Writer">
        <script>var x = "not text";</script></head>
        <body><nav>Home World</nav><div class="share-bar">Share</div>
        <article><h1>Headline here</h1><p>First <b>bold</b> paragraph of the story, long enough to count as the main text of the page for sure.</p>
        <p>Second paragraph<br>with a break, and more words so that the article holds most of the text on the page.</p><div class="related-posts"><p>Other story</p></div></article>
        <footer>© Example</footer></body></html>"#;
        let d = page(src.as_bytes()).unwrap();
        assert_eq!(d.meta.publisher.as_deref(), Some("Example News"));
        assert_eq!(d.meta.url.as_deref(), Some("https://news.example/a/1"));
        assert_eq!(d.meta.published.unwrap().to_string(), "2021-03-01");
        assert_eq!(d.meta.published_from.as_deref(), Some("metadata"));
        assert_eq!(d.meta.byline.as_deref(), Some("A. Writer"));
        assert_eq!(d.meta.title.as_deref(), Some("T | Site"));
        assert!(
            d.text.starts_with("Headline here\n\nFirst bold paragraph"),
            "{}",
            d.text
        );
        assert!(d.text.contains("Second paragraph\nwith a break"));
        for chrome in ["Home", "Share", "Other story", "©", "not text"] {
            assert!(!d.text.contains(chrome), "{chrome} in {}", d.text);
        }
    }

    #[test]
    fn the_block_with_most_paragraph_text_wins_without_article_tags() {
        let para = "The convoy was stopped at the checkpoint by armed men who demanded payment from every driver.";
        let src = format!(
            r#"<html><body><div id="top"><a href="/">Home</a> <a href="/w">World</a></div>
            <div id="wrap"><div class="col-left"><p>Short promo text.</p><p>Another teaser.</p></div>
            <div class="story"><h2>Convoy held</h2><p>{para}</p><p>{para} Again.</p></div>
            <div class="ad-slot">Buy now</div>
            <div class="story-more"><p>{para} Third.</p></div>
            <div class="col-right"><p>Weather: sunny</p></div></div>
            <div id="bottom">Contact us</div></body></html>"#
        );
        let d = page(src.as_bytes()).unwrap();
        assert_eq!(
            d.text,
            format!("Convoy held\n\n{para}\n\n{para} Again.\n\n{para} Third.")
        );
        // Found by structure: the title comes from the first line.
        assert_eq!(d.meta.title.as_deref(), Some("Convoy held"));
    }

    #[test]
    fn a_page_wrapped_in_a_form_or_a_chrome_class_keeps_its_content() {
        let para = "Elders negotiated the release of the drivers after six hours of talks with the commander.";
        let para2 =
            "The commander said he would let the convoy pass once the traders paid what they owed.";
        for wrapper in [
            r#"<form id="form1" method="post" action="page.aspx">"#,
            r#"<div class="page has-sidebar">"#,
        ] {
            let close = if wrapper.starts_with("<form") {
                "</form>"
            } else {
                "</div>"
            };
            let src = format!(
                r#"<html><body>{wrapper}<div class="nav">Menu</div><div><p>{para}</p><p>{para2}</p></div>{close}</body></html>"#
            );
            let d = page(src.as_bytes()).unwrap();
            assert_eq!(d.text, format!("{para}\n\n{para2}"), "{wrapper}");
        }
    }

    #[test]
    fn text_in_divs_with_line_breaks_is_found() {
        let src = "<html><body><table><tr><td><a href='/'>Home</a></td><td>Kabul, 3 March. Gunmen attacked a police post overnight, officials said.<br><br>Two officers were wounded in the attack on the post.</td></tr></table></body></html>";
        let d = page(src.as_bytes()).unwrap();
        assert_eq!(
            d.text,
            "Kabul, 3 March. Gunmen attacked a police post overnight, officials said.\n\nTwo officers were wounded in the attack on the post."
        );
    }

    #[test]
    fn fragments_comment_urls_and_declared_charsets() {
        let frag = "<!-- http://example.org/old.shtml03-30-2015 -->\n<!-- http://example.org/NS001.shtml03-30-2015 -->\n<p><strong>QDe.001 GROUP</strong></p><p>The group was listed on 6 October 2001.</p>";
        let d = page(frag.as_bytes()).unwrap();
        assert_eq!(
            d.text,
            "QDe.001 GROUP\n\nThe group was listed on 6 October 2001."
        );
        assert_eq!(
            d.meta.url.as_deref(),
            Some("http://example.org/NS001.shtml")
        );
        assert_eq!(d.meta.title.as_deref(), Some("QDe.001 GROUP"));
        assert_eq!(d.meta.publisher.as_deref(), Some("example.org"));
        let latin = b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 in Kabul</p></body></html>";
        assert_eq!(page(latin).unwrap().text, "Café in Kabul");
        let bad = b"<html><body><p>Caf\xe9</p></body></html>";
        assert!(matches!(page(bad), Err(IngestError::InvalidUtf8 { .. })));
    }

    #[test]
    fn dates_from_json_ld_and_time_in_the_content_only() {
        let src = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-10-24T08:00:00+04:30"}</script></head><body><p>Body text of the article.</p></body></html>"#;
        assert_eq!(
            page(src.as_bytes())
                .unwrap()
                .meta
                .published
                .unwrap()
                .to_string(),
            "2020-10-24"
        );
        let src = r#"<html><body><aside><ul><li><time datetime="2019-01-01">Old item</time></li></ul></aside><article><p><time datetime="2021-05-02">May 2</time> Body text of the article, which is long enough to be the content of this page.</p></article></body></html>"#;
        assert_eq!(
            page(src.as_bytes())
                .unwrap()
                .meta
                .published
                .unwrap()
                .to_string(),
            "2021-05-02"
        );
    }

    #[test]
    fn truncated_pages_are_refused() {
        let cut = "<!DOCTYPE html><html><head><title>x</title></head><body><p>Half a sto";
        assert!(matches!(
            page(cut.as_bytes()),
            Err(IngestError::Malformed { .. })
        ));
    }

    #[test]
    fn deep_nesting_neither_overflows_the_stack_nor_takes_long() {
        // Inline elements: html5ever is linear; our walk is iterative.
        let deep = format!("{}<p>Deep text.</p>", "<span>".repeat(100_000));
        assert_eq!(page(deep.as_bytes()).unwrap().text, "Deep text.");
        let ok = format!("{}<p>Deep text.</p>", "<div>".repeat(MAX_DEPTH));
        assert_eq!(page(ok.as_bytes()).unwrap().text, "Deep text.");
        // Block containers: html5ever is quadratic, so very deep is refused.
        let deep = format!("{}<p>Deep text.</p>", "<div>".repeat(100_000));
        let e = page(deep.as_bytes()).unwrap_err().to_string();
        assert!(e.contains("nested deeper than 4096 levels"), "{e}");
        assert_eq!(
            container_depth(b"<div><DIV></div><section><p></section></div>"),
            2
        );
    }
}
