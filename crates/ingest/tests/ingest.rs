//! Ingest at its boundary: a bad-input corpus the tests write, a real PDF
//! made with lopdf, feeds, the same article in two page chromes, the shared
//! corpora (skipped with a message when `../shared` is absent), regression
//! inputs, and arbitrary bytes under every extension hint.

use proptest::prelude::*;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use untangle_ingest::{discover, minhash, parse_bytes, read_file, IngestError, IngestOptions};
use untangle_model::{DocFormat, Document};

/// `../shared` next to the workspace, if this checkout has it.
fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.join("corpus").is_dir() {
        Some(p)
    } else {
        eprintln!(
            "skip: {} not found (the shared corpora are not part of a user's clone)",
            p.display()
        );
        None
    }
}

fn one_doc(results: Vec<Result<Document, IngestError>>) -> Document {
    assert_eq!(results.len(), 1, "{results:?}");
    results
        .into_iter()
        .next()
        .unwrap()
        .unwrap_or_else(|e| panic!("{e}"))
}

/// A PDF with one page per string, each with a text layer, built with lopdf
/// (as re-exported by pdf-extract).
fn make_pdf(pages: &[&str]) -> Vec<u8> {
    use pdf_extract::content::{Content, Operation};
    use pdf_extract::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut kids = Vec::new();
    for text in pages {
        let content = Content {
            operations: vec![
                Operation::new("BT", vec![]),
                Operation::new("Tf", vec!["F1".into(), 12.into()]),
                Operation::new("Td", vec![72.into(), 720.into()]),
                Operation::new("Tj", vec![Object::string_literal(*text)]),
                Operation::new("ET", vec![]),
            ],
        };
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
            "Resources" => resources_id, "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        });
        kids.push(page_id.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let info_id = doc.add_object(dictionary! {
        "Title" => Object::string_literal("Monitoring Team Report"),
    });
    doc.trailer.set("Info", info_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn a_real_pdf_gives_its_text_and_a_cut_one_an_error() {
    let pdf = make_pdf(&[
        "Insurgents attacked a checkpoint in Kandahar province.",
        "Two attackers were detained after the attack.",
    ]);
    let d = one_doc(parse_bytes(
        "r.pdf",
        Some("pdf"),
        &pdf,
        &IngestOptions::default(),
    ));
    assert_eq!(d.format, DocFormat::Pdf);
    assert_eq!(
        d.text,
        "Insurgents attacked a checkpoint in Kandahar province.\n\nTwo attackers were detained after the attack."
    );
    assert_eq!(d.meta.title.as_deref(), Some("Monitoring Team Report"));
    // Sniffed without a hint, and the same bytes give the same id.
    let again = one_doc(parse_bytes("copy", None, &pdf, &IngestOptions::default()));
    assert_eq!((again.id, again.format), (d.id, DocFormat::Pdf));
    for cut in [pdf.len() / 2, pdf.len() - 30, 200] {
        let r = parse_bytes("cut.pdf", None, &pdf[..cut], &IngestOptions::default());
        assert!(
            matches!(&r[..], [Err(IngestError::Malformed { format: "PDF", .. })]),
            "{cut}: {r:?}"
        );
    }
}

#[test]
fn each_bad_input_is_one_error_naming_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let pdf = make_pdf(&["A page of text."]);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("bad-utf8.txt", b"caf\xe9 \xff broken".to_vec(), "invalid UTF-8 at byte 3"),
        ("nul.dat", b"abc\x00def\x00".to_vec(), "binary file"),
        ("late-nul.txt", [vec![b'a'; 3000], vec![0]].concat(), "binary file"),
        ("empty.txt", Vec::new(), "empty file"),
        ("blank.txt", b"  \n\t\r\n".to_vec(), "empty file"),
        ("bom-only.txt", b"\xEF\xBB\xBF \n".to_vec(), "empty file"),
        ("cut.html", b"<!DOCTYPE html><html><body><p>Half a sto".to_vec(), "truncated"),
        ("cut.pdf", pdf[..pdf.len() / 2].to_vec(), "malformed PDF"),
        ("header-only.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog".to_vec(), "malformed PDF"),
        ("not-a.pdf", b"<html><body>Error 404</body></html>".to_vec(), "no %PDF- header"),
        ("feed.rss", b"<rss><channel><item><title>x".to_vec(), "malformed feed XML"),
        ("notes.xml", b"<?xml version=\"1.0\"?><notes><n>hi</n></notes>".to_vec(), "malformed feed XML"),
        ("empty-feed.xml", b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>".to_vec(), "no text"),
        ("big.txt", vec![b'a'; 5000], "5000 bytes is over the limit of 4096 bytes"),
        ("script-only.html", b"<html><body><script>x()</script></body></html>".to_vec(), "no text"),
    ];
    for (name, bytes, _) in &cases {
        fs::write(d.join(name), bytes).unwrap();
    }
    fs::write(
        d.join("good.txt"),
        "A good report about the district council.",
    )
    .unwrap();
    fs::write(
        d.join("records.jsonl"),
        "{\"text\": \"First record.\"}\n{\"text\": \"Second\n{\"title\": \"no text here\"}\n{\"text\": \"Fourth record.\", \"published\": \"2021-03-01T10:00:00Z\"}\n",
    )
    .unwrap();
    let opts = IngestOptions { max_bytes: 4096 };
    let (files, errs) = discover(&[d.to_str().unwrap()]);
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(files.len(), cases.len() + 2);
    for (name, _, reason) in &cases {
        let r = read_file(&d.join(name), &opts);
        assert_eq!(r.len(), 1, "{name}: {r:?}");
        let e = r[0].as_ref().expect_err(name);
        let msg = e.to_string();
        let path = d.join(name).display().to_string();
        assert!(msg.starts_with(&format!("{path}: ")), "{msg}");
        assert!(msg.contains(reason), "{name}: {msg}");
        assert!(!msg.contains('\n'), "one line: {msg}");
        assert_eq!(e.path(), path);
        assert!(e.is_input_error());
    }
    assert!(read_file(&d.join("good.txt"), &opts)[0].is_ok());

    // JSONL: the bad lines are errors naming file:LINE and the field; the
    // good lines are documents.
    let path = d.join("records.jsonl").display().to_string();
    let r = read_file(&d.join("records.jsonl"), &opts);
    assert_eq!(r.len(), 4);
    assert_eq!(r[0].as_ref().unwrap().text, "First record.");
    let e1 = r[1].as_ref().unwrap_err().to_string();
    assert!(
        e1.starts_with(&format!("{path}:2: malformed JSONL record: not JSON")),
        "{e1}"
    );
    let e2 = r[2].as_ref().unwrap_err().to_string();
    assert_eq!(
        e2,
        format!("{path}:3: malformed JSONL record: field `text` is missing or empty")
    );
    let fourth = r[3].as_ref().unwrap();
    assert_eq!(fourth.meta.locator, format!("{path}:4"));
    assert_eq!(fourth.meta.published.unwrap().to_string(), "2021-03-01");
}

#[test]
fn missing_and_unreadable_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let r = read_file(&dir.path().join("absent.txt"), &IngestOptions::default());
    let e = r[0].as_ref().unwrap_err().to_string();
    assert!(e.contains("absent.txt: cannot read: "), "{e}");
    let r = read_file(dir.path(), &IngestOptions::default());
    assert!(matches!(&r[..], [Err(IngestError::Io { .. })]), "{r:?}");
}

#[test]
fn discover_expands_folders_and_globs_and_names_what_matches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for sub in ["a/b", ".git", "empty", "only-hidden", "g/x"] {
        fs::create_dir_all(d.join(sub)).unwrap();
    }
    for f in [
        "a/1.txt",
        "a/b/2.html",
        "a/.hidden.txt",
        ".git/config",
        "3.txt",
        "only-hidden/.x",
        "g/x/4.txt",
    ] {
        fs::write(d.join(f), "x").unwrap();
    }
    let s = |p: &str| d.join(p).display().to_string();
    let inputs = [
        s("a"),
        s("*.txt"),
        s("a"),            // repeated
        s("a/../a/1.txt"), // same file, other spelling: kept as given
        s("g/*"),          // a glob matching a folder expands it
        s("nope"),         // matches nothing
        s("*.pdf"),        // glob matching nothing
        s("empty"),        // folder without files
        s("only-hidden"),  // folder with only hidden files
    ];
    let (files, errs) = discover(&inputs);
    let names: Vec<String> = files
        .iter()
        .map(|p| p.strip_prefix(d).unwrap().display().to_string())
        .collect();
    assert_eq!(
        names,
        [
            "3.txt",
            "a/../a/1.txt",
            "a/1.txt",
            "a/b/2.html",
            "g/x/4.txt"
        ]
    );
    let msgs: Vec<String> = errs.iter().map(ToString::to_string).collect();
    assert_eq!(
        msgs,
        [
            format!("{}: no file or folder matches", s("nope")),
            format!("{}: no file or folder matches", s("*.pdf")),
            format!(
                "{}: folder holds no files (hidden files and folders are skipped)",
                s("empty")
            ),
            format!(
                "{}: folder holds no files (hidden files and folders are skipped)",
                s("only-hidden")
            ),
        ]
    );
    // An explicitly named hidden file is read.
    let (files, errs) = discover(&[s("a/.hidden.txt")]);
    assert_eq!((files.len(), errs.len()), (1, 0));
}

#[test]
fn feeds_give_one_document_per_item() {
    let rss = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Frontier Wire</title><link>https://wire.example/</link>
<item><title>Checkpoint attacked</title><link>https://wire.example/1</link>
<pubDate>Tue, 02 Mar 2021 10:00:00 +0000</pubDate><author>desk@wire.example (Desk)</author>
<description><![CDATA[<div class="share">Share on Facebook</div><p>Gunmen attacked a checkpoint near the border on Monday.</p><p>Two guards were wounded.</p>]]></description></item>
<item><title>Title-only item about talks</title><link>https://wire.example/2</link></item>
</channel></rss>"#;
    let docs: Vec<Document> =
        parse_bytes("wire.xml", None, rss.as_bytes(), &IngestOptions::default())
            .into_iter()
            .map(|r| r.unwrap())
            .collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].format, DocFormat::Rss);
    assert_eq!(
        docs[0].text,
        "Gunmen attacked a checkpoint near the border on Monday.\n\nTwo guards were wounded."
    );
    assert_eq!(docs[0].meta.title.as_deref(), Some("Checkpoint attacked"));
    assert_eq!(docs[0].meta.publisher.as_deref(), Some("Frontier Wire"));
    assert_eq!(docs[0].meta.url.as_deref(), Some("https://wire.example/1"));
    assert_eq!(docs[0].meta.published.unwrap().to_string(), "2021-03-02");
    assert_eq!(docs[0].meta.locator, "wire.xml#item-1");
    assert_eq!(docs[1].text, "Title-only item about talks");
    // Item ids are the items' own: the same item in another feed file (or
    // the feed fetched again with a new item on top) keeps its id.
    let later = rss.replace(
        "<item><title>Checkpoint attacked",
        "<item><title>Newer</title><description>New.</description></item><item><title>Checkpoint attacked",
    );
    let again = parse_bytes(
        "wire-2.xml",
        None,
        later.as_bytes(),
        &IngestOptions::default(),
    );
    assert_eq!(again[1].as_ref().unwrap().id, docs[0].id);

    let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Monitor</title><id>urn:m</id><updated>2020-10-24T00:00:00Z</updated>
<entry><id>urn:m:1</id><title>Entry</title><updated>2020-10-24T00:00:00Z</updated><link href="https://m.example/e1"/>
<content type="html">&lt;p&gt;Atom body text.&lt;/p&gt;</content></entry></feed>"#;
    let d = one_doc(parse_bytes(
        "m.atom",
        None,
        atom.as_bytes(),
        &IngestOptions::default(),
    ));
    assert_eq!(
        (d.format, d.text.as_str()),
        (DocFormat::Atom, "Atom body text.")
    );
    assert_eq!(d.meta.published_from.as_deref(), Some("metadata"));
}

/// One invented article, ~300 words.
const ARTICLE: [&str; 6] = [
    "Elders in the eastern district said on Tuesday that a convoy of fuel trucks had been stopped for two days at a checkpoint run by a local commander who demanded a share of every load.",
    "The drivers, most of them from neighbouring provinces, slept in their cabs while negotiations dragged on between the commander, provincial officials and a delegation of traders from the city.",
    "“We have paid at three checkpoints already this week, and each one asks for more,” said one driver, who gave only his first name for fear of reprisals.",
    "Provincial officials said the commander had once fought alongside government forces but had since built his own network of armed men along the highway, taxing traffic in both directions.",
    "A spokesman for the governor said talks would continue and that the convoy should be allowed to move by the end of the week, although he declined to say whether any payment had been made.",
    "Traders warned that fuel prices in the city had already risen by a fifth since the trucks were stopped, and that shortages would follow if the road stayed closed.",
];

fn chrome_a(article: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Convoy held at checkpoint | Daily Frontier</title>
<meta property="og:site_name" content="Daily Frontier"><meta property="article:published_time" content="2021-06-01T08:00:00+04:30">
<link rel="canonical" href="https://frontier.example/news/convoy-held"><style>body {{ font: 14px serif }}</style></head>
<body><header><div class="logo">Daily Frontier</div><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<div id="page"><aside class="sidebar"><h3>Most popular</h3><ol><li><a href="/a">Floods cut off mountain villages</a></li><li><a href="/b">New governor sworn in</a></li></ol>
<p>Subscribe to our newsletter for the day's top stories, delivered every morning to your inbox.</p></aside>
<article><h1>Convoy held at checkpoint</h1><p class="byline">By Staff Reporter</p>{article}
<div class="share-tools"><a>Facebook</a> <a>Twitter</a></div></article></div>
<footer><p>© 2021 Daily Frontier. All rights reserved.</p><p><a href="/about">About us</a> · <a href="/contact">Contact</a></p></footer>
<script>window.analytics = {{ id: 42 }};</script></body></html>"#
    )
}

fn chrome_b(article: &str) -> String {
    format!(
        r#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>Regional Digest</title></head>
<body><div id="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<table width="100%"><tr><td class="menu"><a href="/">Front page</a><br><a href="/world">World</a><br><a href="/region">Region</a></td>
<td><div class="post"><h2>Fuel convoy stranded by commander's demands</h2><div class="post-body">{article}</div>
<div class="related-stories"><h4>Related stories</h4><ul><li>Highway tolls spark protest</li><li>Traders call for new road</li></ul></div>
<div id="comments"><h4>3 comments</h4><p>This happens every month on that road, nobody does anything about it.</p><p>Thanks for reporting this.</p></div></div></td>
<td class="widget-column"><div class="widget"><p>Advertise with Regional Digest and reach thousands of readers across the region every day.</p></div></td></tr></table>
<div class="footer">Regional Digest is an independent news site. Contact: editor@digest.example</div></body></html>"#
    )
}

#[test]
fn the_same_article_in_two_page_chromes_is_a_near_duplicate() {
    let paras: String = ARTICLE.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    let a = one_doc(parse_bytes(
        "a.html",
        None,
        chrome_a(&paras).as_bytes(),
        &IngestOptions::default(),
    ));
    let b = one_doc(parse_bytes(
        "b.aspx",
        Some("aspx"),
        chrome_b(&paras).as_bytes(),
        &IngestOptions::default(),
    ));
    for d in [&a, &b] {
        for p in ARTICLE {
            assert!(
                d.text.contains(p),
                "{}: lost {p:?}\n{}",
                d.meta.locator,
                d.text
            );
        }
        for chrome in [
            "Home",
            "Front page",
            "Most popular",
            "Subscribe",
            "Facebook",
            "©",
            "cookies",
            "Related stories",
            "comments",
            "nobody does anything",
            "Advertise",
            "independent news site",
            "analytics",
            "font:",
        ] {
            assert!(
                !d.text.contains(chrome),
                "{}: {chrome:?} in\n{}",
                d.meta.locator,
                d.text
            );
        }
    }
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Convoy held at checkpoint | Daily Frontier")
    );
    assert_eq!(a.meta.publisher.as_deref(), Some("Daily Frontier"));
    assert_eq!(
        a.meta.url.as_deref(),
        Some("https://frontier.example/news/convoy-held")
    );
    assert_eq!(a.meta.published.unwrap().to_string(), "2021-06-01");
    assert_eq!(b.meta.title.as_deref(), Some("Regional Digest"));
    let (sa, sb) = (
        minhash::signature(&a.text).unwrap(),
        minhash::signature(&b.text).unwrap(),
    );
    let j = minhash::jaccard_estimate(&sa, &sb);
    assert!(j >= minhash::REPOST_THRESHOLD, "{j}");
    let keys: HashSet<_> = minhash::band_keys(&sa).into_iter().collect();
    assert!(minhash::band_keys(&sb).iter().any(|k| keys.contains(k)));
    // A different article in the same chrome is not.
    let other: String = ARTICLE
        .iter()
        .rev()
        .map(|p| {
            format!(
                "<p>{}</p>",
                p.split_whitespace().rev().collect::<Vec<_>>().join(" ")
            )
        })
        .collect();
    let c = one_doc(parse_bytes(
        "c.html",
        None,
        chrome_a(&other).as_bytes(),
        &IngestOptions::default(),
    ));
    let j = minhash::jaccard_estimate(&sa, &minhash::signature(&c.text).unwrap());
    assert!(j < 0.2, "{j}");
}

#[test]
fn the_seed_article_loses_its_blog_footer_and_duplicate_captions() {
    let Some(sh) = shared() else { return };
    let path = sh.join("corpus/seed/rferl-taliban-al-qaeda-ties.txt");
    let d = one_doc(read_file(&path, &IngestOptions::default()));
    assert_eq!(
        d.meta.original_source.as_deref(),
        Some("https://gandhara.rferl.org/a/afghan-peace-deal-taliban-ties-with-al-qaeda/31160060.html")
    );
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Untangling Taliban's Ties With Al-Qaeda 'Extremely Difficult'")
    );
    assert!(!d.text.contains("Popular posts"), "footer kept");
    assert!(!d.text.contains("Source:"));
    assert!(d.text.ends_with(
        "“The United States has not downgraded Al-Qaeda as a concern,” Kugelman concludes."
    ));
    // Every paragraph now appears once.
    let paras: Vec<&str> = d.text.split("\n\n").collect();
    let unique: HashSet<&str> = paras.iter().copied().collect();
    assert_eq!(paras.len(), unique.len());
    // What went: the source line, four repeated captions, the footer heading
    // and its three post titles.
    assert_eq!(
        d.meta.boilerplate.len(),
        1 + 4 + 1 + 3,
        "{:#?}",
        d.meta.boilerplate
    );
    assert_eq!(d.meta.boilerplate[5], "Popular posts from this blog");
}

#[test]
fn every_shared_corpus_file_gives_one_document() {
    let Some(sh) = shared() else { return };
    let folders = [
        "corpus/seed",
        "corpus/isaf",
        "corpus/wikievents",
        "data/sanctions/un-narratives-2015/1267/narratives",
    ];
    let inputs: Vec<String> = folders
        .iter()
        .map(|p| sh.join(p).display().to_string())
        .collect();
    let (files, errs) = discover(&inputs);
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(files.len(), 1353);
    let opts = IngestOptions::default();
    let (mut isaf, mut isaf_dated, mut isaf_datelines) = (0, 0, 0);
    let mut narratives_with_url = 0;
    for f in &files {
        let d = one_doc(read_file(f, &opts));
        assert!(!d.text.trim().is_empty(), "{}", f.display());
        let shown = f.display().to_string();
        if shown.contains("/isaf/") {
            isaf += 1;
            isaf_dated += usize::from(d.meta.published.is_some());
            isaf_datelines += usize::from(d.meta.published_from.as_deref() == Some("dateline"));
        }
        if shown.ends_with(".shtml") {
            assert_eq!(d.format, DocFormat::Html, "{shown}");
            assert!(d.meta.title.is_some(), "{shown}");
            let stem = f.file_name().unwrap().to_string_lossy().to_string();
            narratives_with_url +=
                usize::from(d.meta.url.as_deref().is_some_and(|u| u.ends_with(&stem)));
        }
    }
    eprintln!(
        "shared corpus: {} files, one document each; ISAF releases dated: {isaf_dated}/{isaf} ({isaf_datelines} from datelines); UN narratives with their own URL: {narratives_with_url}/588",
        files.len()
    );
    // The rest carry a month-day dateline and no year anywhere in the text.
    assert!(isaf_dated * 100 >= isaf * 90, "{isaf_dated}/{isaf}");
    assert_eq!(narratives_with_url, 588);
}

/// Word 5-shingles, exactly, to check the MinHash estimate.
fn shingles(text: &str) -> HashSet<Vec<String>> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.windows(5).map(<[String]>::to_vec).collect()
}

#[test]
fn isaf_press_releases_are_not_mistaken_for_copies_of_each_other() {
    let Some(sh) = shared() else { return };
    let (files, _) = discover(&[sh.join("corpus/isaf").display().to_string()]);
    let docs: Vec<(String, minhash::Signature, String)> = files
        .iter()
        .filter_map(|f| {
            let d = read_file(f, &IngestOptions::default()).remove(0).ok()?;
            let name = f.file_name()?.to_string_lossy().to_string();
            Some((name, minhash::signature(&d.text)?, d.text))
        })
        .collect();
    let mut pairs = Vec::new();
    let mut candidates = 0;
    for i in 0..docs.len() {
        let keys: HashSet<_> = minhash::band_keys(&docs[i].1).into_iter().collect();
        for j in i + 1..docs.len() {
            candidates += usize::from(
                minhash::band_keys(&docs[j].1)
                    .iter()
                    .any(|k| keys.contains(k)),
            );
            let est = minhash::jaccard_estimate(&docs[i].1, &docs[j].1);
            if est >= minhash::REPOST_THRESHOLD {
                pairs.push((i, j, est));
            }
        }
    }
    let n = docs.len();
    eprintln!(
        "ISAF: {n} releases, {} pairs, {candidates} LSH candidate pairs, {} pairs at or above the repost threshold:",
        n * (n - 1) / 2,
        pairs.len()
    );
    for &(i, j, est) in &pairs {
        let (a, b) = (shingles(&docs[i].2), shingles(&docs[j].2));
        let exact = a.intersection(&b).count() as f32 / a.union(&b).count() as f32;
        eprintln!(
            "  {} ~ {}: estimate {est:.2}, exact {exact:.2}",
            docs[i].0, docs[j].0
        );
        // Real duplicates: the same release text, not just the template.
        assert!(
            exact >= 0.6,
            "{} ~ {}: exact Jaccard {exact}",
            docs[i].0,
            docs[j].0
        );
    }
    assert!(pairs.len() * 100 <= n, "{} pairs", pairs.len());
    assert!(
        candidates * 1000 <= n * (n - 1) / 2,
        "{candidates} candidates"
    );
}

#[test]
fn pdfs_that_would_send_the_parser_round_in_circles_are_refused() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let bytes = fs::read(dir.join("pdf_page_is_its_own_parent_endless_loop.pdf")).unwrap();
    let r = parse_bytes("loop.pdf", None, &bytes, &IngestOptions::default());
    let e = r[0].as_ref().unwrap_err().to_string();
    assert_eq!(
        e,
        "loop.pdf: malformed PDF: the page tree loops (a page is its own ancestor)"
    );

    // A form XObject that draws itself: pdf-extract would recurse until the
    // stack overflows.
    use pdf_extract::content::{Content, Operation};
    use pdf_extract::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let form_id = doc.new_object_id();
    let draw = Content {
        operations: vec![Operation::new("Do", vec![Object::Name(b"X1".to_vec())])],
    }
    .encode()
    .unwrap();
    let resources = dictionary! { "XObject" => dictionary! { "X1" => form_id } };
    doc.objects.insert(
        form_id,
        Object::Stream(Stream::new(
            dictionary! { "Type" => "XObject", "Subtype" => "Form", "Resources" => resources.clone() },
            draw.clone(),
        )),
    );
    let content_id = doc.add_object(Stream::new(dictionary! {}, draw));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id, "Resources" => resources,
        "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 },
        ),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let r = parse_bytes("forms.pdf", None, &bytes, &IngestOptions::default());
    let e = r[0].as_ref().unwrap_err().to_string();
    assert_eq!(e, "forms.pdf: malformed PDF: a form XObject draws itself");
}

/// Inputs that once broke a parser (from fuzzing or by hand), kept as files
/// named after what broke; each must parse or fail cleanly under every
/// extension hint.
#[test]
fn regression_inputs_fail_cleanly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut n = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = fs::read(&path).unwrap();
        for ext in EXTS {
            let results = parse_bytes(
                &path.display().to_string(),
                ext,
                &bytes,
                &IngestOptions::default(),
            );
            assert!(!results.is_empty());
            for r in results {
                if let Err(e) = r {
                    assert!(e.is_input_error(), "{e}");
                }
            }
        }
        n += 1;
    }
    assert!(n > 0, "no regression inputs in {}", dir.display());
}

const EXTS: [Option<&str>; 9] = [
    None,
    Some("txt"),
    Some("html"),
    Some("shtml"),
    Some("pdf"),
    Some("xml"),
    Some("rss"),
    Some("jsonl"),
    Some("json"),
];

/// Every result is a document with text or an input error; never a panic,
/// never an internal error.
fn check_any(bytes: &[u8], ext: Option<&str>) {
    let results = parse_bytes("fuzz", ext, bytes, &IngestOptions::default());
    assert!(!results.is_empty());
    for r in results {
        match r {
            Ok(d) => assert!(!d.text.is_empty()),
            Err(e) => assert!(e.is_input_error(), "{e}"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048),
                                   ext in prop::sample::select(EXTS.to_vec())) {
        check_any(&bytes, ext);
    }

    #[test]
    fn arbitrary_text_after_every_format_prefix_never_panics(
        s in "\\PC{0,600}",
        prefix in prop::sample::select(vec![
            "", "<html><body>", "<!DOCTYPE html><html><p>", "<?xml version=\"1.0\"?><rss><channel><item><description>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><content type=\"html\">",
            "{\"text\": \"", "[{\"text\": \"", "%PDF-1.4\n1 0 obj\n<<", "<!-- http://x.example/a.shtml -->",
            "KABUL, Afghanistan (", "Source: https://", "Popular posts from this blog\n",
        ])) {
        let input = format!("{prefix}{s}");
        for ext in EXTS {
            check_any(input.as_bytes(), ext);
        }
    }

    #[test]
    fn mangled_pdfs_never_panic(cut in 0usize..2000, flips in proptest::collection::vec((0usize..2000, any::<u8>()), 0..8)) {
        let mut pdf = make_pdf(&["Mangled page text."]);
        for (at, b) in flips {
            let at = at % pdf.len();
            pdf[at] = b;
        }
        pdf.truncate(cut.max(8).min(pdf.len()));
        check_any(&pdf, Some("pdf"));
    }
}
